/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates from any text: a date is within its range and reads back the same
 * when written out; a refusal is valid text; the older entry points agree
 * with td_date_parse; stored (ISO) dates never wrap round either. */
#include "fuzz-common.h"
#include "td-calendar.h"
#include "td-date.h"
#include "td-db.h"
#include "td-registry.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_set_locale ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree gchar *text = fuzz_text (data, size);
  g_autoptr (GError) error = NULL;
  GDate date, other;
  gboolean ok = td_date_parse (text, TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, &date, &error);

  FUZZ_CHECK (td_calendar_parse_dmy (text, &other) == ok);
  FUZZ_CHECK (td_date_from_display (text, &other) == ok);
  if (ok)
    {
      g_autofree gchar *shown = td_calendar_format_dmy (&date);
      g_autofree gchar *iso = td_date_to_iso (&date);

      FUZZ_CHECK (g_date_valid (&date));
      FUZZ_CHECK (g_date_get_year (&date) >= TD_DATE_YEAR_MIN);
      FUZZ_CHECK (g_date_get_year (&date) <= TD_DATE_YEAR_MAX);
      FUZZ_CHECK (td_date_parse (shown, TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, &other, NULL));
      FUZZ_CHECK (g_date_compare (&date, &other) == 0);
      FUZZ_CHECK (td_date_parse_iso (iso, &other) && g_date_compare (&date, &other) == 0);
    }
  else
    {
      FUZZ_CHECK (!g_date_valid (&date));
      FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL));
    }
  if (td_date_parse_iso (text, &date))
    {
      FUZZ_CHECK (g_date_valid (&date));
      FUZZ_CHECK (g_date_get_year (&date) >= 1 && g_date_get_year (&date) <= 9999);
    }
  return 0;
}
