/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any bytes as a member's filled form: the .xlsx reader (libgsf zip,
 * libxml2 stream) either refuses them with a message or gives sheets whose
 * names and cells are valid UTF-8, within Excel's grid and the limits, in
 * row order, each found again by its coordinates.  Small limits keep every
 * run short; a zip bomb or a deep document must stop at them. */
#include "fuzz-common.h"
#include "td-xlsx-reader.h"

#include <math.h>

static TdXlsxLimits limits;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_set_locale ();
  limits = *td_xlsx_limits_default ();
  limits.max_part_bytes = 1024 * 1024;
  limits.max_total_bytes = 4 * 1024 * 1024;
  limits.max_rows = 2000;
  limits.max_cells = 20000;
  limits.max_strings = 5000;
  limits.max_sheets = 32;
  return 0;
}

static void
check_sheet (TdXlsxSheet *sheet)
{
  const TdXlsxCell *previous = NULL;

  FUZZ_CHECK (td_xlsx_sheet_get_n_cells (sheet) <= limits.max_cells);
  for (guint n = 0; n < td_xlsx_sheet_get_n_cells (sheet); n++)
    {
      const TdXlsxCell *cell = td_xlsx_sheet_get_nth_cell (sheet, n);
      g_autofree gchar *text = td_xlsx_cell_to_text (cell);
      g_autofree gchar *name = td_xlsx_cell_name (cell->row, cell->col);
      const TdXlsxCell *found = td_xlsx_sheet_get_cell (sheet, cell->row, cell->col);

      FUZZ_CHECK (cell->row < 1048576 && cell->col < 16384);
      FUZZ_CHECK (previous == NULL || previous->row < cell->row
                  || (previous->row == cell->row && previous->col <= cell->col));
      FUZZ_CHECK (found != NULL && found->row == cell->row && found->col == cell->col);
      FUZZ_CHECK (text != NULL && g_utf8_validate (text, -1, NULL));
      FUZZ_CHECK (name != NULL && *name != '\0');
      if (cell->type == TD_XLSX_STRING || cell->type == TD_XLSX_ERROR)
        FUZZ_CHECK (cell->text != NULL && g_utf8_validate (cell->text, -1, NULL));
      else
        FUZZ_CHECK (isfinite (cell->number));
      previous = cell;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdXlsxReader) reader = td_xlsx_reader_open_bytes (bytes, &limits, &error);

  if (reader == NULL)
    {
      FUZZ_CHECK (error != NULL && error->domain == TD_XLSX_READER_ERROR);
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  FUZZ_CHECK (td_xlsx_reader_get_n_sheets (reader) <= limits.max_sheets);
  for (guint i = 0; i < td_xlsx_reader_get_n_sheets (reader); i++)
    {
      const char *name = td_xlsx_reader_get_sheet_name (reader, i);
      g_autoptr (GError) sheet_error = NULL;
      g_autoptr (TdXlsxSheet) sheet = NULL;

      FUZZ_CHECK (name != NULL && g_utf8_validate (name, -1, NULL));
      FUZZ_CHECK (td_xlsx_reader_find_sheet (reader, name) >= 0);
      sheet = td_xlsx_reader_read_sheet (reader, i, &sheet_error);
      if (sheet == NULL)
        FUZZ_CHECK (sheet_error != NULL && g_utf8_validate (sheet_error->message, -1, NULL));
      else
        check_sheet (sheet);
    }
  return 0;
}
