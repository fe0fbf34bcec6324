/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A criteria table sent as an Excel workbook: the sheet that reads as the
 * most criteria, as the tab-separated rows the paste reader takes.  The
 * workbook is read with the bounded reader of forms from outside
 * (td-xlsx-reader.h). */
#include "config.h"

#include "td-xlsx-table.h"
#include "td-criteria-paste.h"
#include "td-xlsx-reader.h"

#include <glib/gi18n-lib.h>

static gchar *
sheet_to_text (TdXlsxSheet *sheet)
{
  GString *out = g_string_new ("");
  guint32 row = 0, col = 0;

  for (guint n = 0; n < td_xlsx_sheet_get_n_cells (sheet); n++)
    {
      const TdXlsxCell *cell = td_xlsx_sheet_get_nth_cell (sheet, n);
      g_autofree gchar *text = td_xlsx_cell_to_text (cell);

      for (; row < cell->row; row++, col = 0)
        g_string_append_c (out, '\n');
      for (; col < cell->col; col++)
        g_string_append_c (out, '\t');
      /* A cell's own tabs and line breaks are spaces of its text. */
      g_strdelimit (text, "\t\r\n", ' ');
      if (text[0] == '"')
        {
          g_auto (GStrv) parts = g_strsplit (text, "\"", -1);
          g_autofree gchar *escaped = g_strjoinv ("\"\"", parts);
          g_string_append_printf (out, "\"%s\"", escaped);
        }
      else
        g_string_append (out, text);
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

gchar *
td_xlsx_read_table_text (const char *path, GError **error)
{
  g_autoptr (TdXlsxReader) reader = td_xlsx_reader_open (path, NULL, error);
  g_autofree gchar *best = NULL;
  guint best_criteria = 0;

  if (reader == NULL)
    return NULL;
  for (guint i = 0; i < td_xlsx_reader_get_n_sheets (reader); i++)
    {
      g_autoptr (TdXlsxSheet) sheet = NULL;
      g_autoptr (TdPastePreview) preview = NULL;
      g_autofree gchar *text = NULL;
      guint n;

      if (td_xlsx_reader_get_sheet_state (reader, i) != TD_XLSX_SHEET_VISIBLE)
        continue;
      sheet = td_xlsx_reader_read_sheet (reader, i, error);
      if (sheet == NULL)
        return NULL;
      text = sheet_to_text (sheet);
      preview = td_paste_parse (text, NULL);
      n = preview ? td_paste_preview_count_criteria (preview) : 0;
      if (n > best_criteria)
        {
          best_criteria = n;
          g_free (best);
          best = g_steal_pointer (&text);
        }
    }
  if (best == NULL)
    {
      g_autofree gchar *name = g_path_get_basename (path);
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("No sheet of “%s” holds a criteria table. Open it and check that the table "
                      "(STT, Nội dung, Điểm…) is on a visible sheet."),
                   name);
    }
  return g_steal_pointer (&best);
}
