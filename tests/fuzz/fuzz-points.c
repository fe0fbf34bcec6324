/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exact points from any text: parsed within TD_POINTS_MAX or refused with a
 * message that is valid text; whatever parses formats and parses back to
 * the same value in every format. */
#include "fuzz-common.h"
#include "td-db.h"
#include "td-points.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_set_locale ();
  return 0;
}

static void
round_trip (gchar *(*format) (TdPoints), TdPoints value)
{
  g_autofree gchar *text = format (value);
  TdPoints again = 0;

  FUZZ_CHECK (g_utf8_validate (text, -1, NULL));
  FUZZ_CHECK (td_points_parse (text, &again, NULL));
  FUZZ_CHECK (again == value);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree gchar *text = fuzz_text (data, size);
  g_autoptr (GError) error = NULL;
  TdPoints value = 12345;

  if (td_points_parse (text, &value, &error))
    {
      FUZZ_CHECK (error == NULL);
      FUZZ_CHECK (value >= -TD_POINTS_MAX && value <= TD_POINTS_MAX);
      round_trip (td_points_format, value);
      round_trip (td_points_format_signed, value);
      round_trip (td_points_to_ascii, value);
    }
  else
    {
      FUZZ_CHECK (value == 12345);
      FUZZ_CHECK (error != NULL && g_error_matches (error, TD_ERROR, TD_ERROR_INVALID));
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
    }
  return 0;
}
