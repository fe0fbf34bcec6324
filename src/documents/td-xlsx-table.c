/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A criteria table sent as an Excel workbook: the sheet that reads as the
 * most criteria, as the tab-separated rows the paste reader takes.  The
 * workbook is read with the bounded reader of forms from outside
 * (td-xlsx-reader.h). */
#include "config.h"

#include "td-xlsx-table.h"
#include "td-criteria-paste.h"
#include "td-xlsx-reader.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

/* Far above any scoring table; the text reader refuses the same. */
#define MAX_TABLE_FILE (16 * 1024 * 1024)

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

gchar *
td_table_text_from_path (const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autofree gchar *name = g_path_get_basename (path);
  g_autofree gchar *lower = g_ascii_strdown (name, -1);
  g_autofree gchar *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
      || g_file_info_get_size (info) > MAX_TABLE_FILE)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("“%s” is not a criteria table: only a file of up to 16 MB can be read."),
                   name);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length >= 4 && memcmp (contents, "PK\003\004", 4) == 0 && g_str_has_suffix (lower, ".xlsx"))
    return td_xlsx_read_table_text (path, error);
  return td_paste_text_from_file (contents, length, name, error);
}
