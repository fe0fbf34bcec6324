/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filled self-score forms, step 1: the files alone, in any thread and
 * without the database.  What a file is (td-sniff.h), its workbook opened
 * with the .xlsx reader, and every form in it: a workbook of all members'
 * forms holds one per data sheet (see td-form-import.h). */
#include "config.h"

#include "td-form-import-private.h"
#include "td-formats.h"
#include "td-record.h"
#include "td-sniff.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *)a, *(const char *const *)b);
}

GPtrArray *
td_form_files_expand (const char *const *paths, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr (GDir) dir = NULL;
      g_autoptr (GPtrArray) found = NULL;
      const char *name;

      if (!g_file_test (paths[i], G_FILE_TEST_EXISTS))
        {
          g_autofree gchar *shown = g_filename_display_name (paths[i]);
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       _ ("There is no file or folder “%s”."), shown);
          return NULL;
        }
      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (out, g_strdup (paths[i]));
          continue;
        }
      dir = g_dir_open (paths[i], 0, error);
      if (dir == NULL)
        return NULL;
      found = g_ptr_array_new_with_free_func (g_free);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree gchar *path = NULL;
          if (name[0] == '.' || g_str_has_prefix (name, "~$"))
            continue;
          path = g_build_filename (paths[i], name, NULL);
          if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (found, g_steal_pointer (&path));
        }
      g_ptr_array_sort (found, compare_paths);
      for (guint k = 0; k < found->len; k++)
        g_ptr_array_add (out, g_strdup (found->pdata[k]));
    }
  return g_steal_pointer (&out);
}

static void
keyed_row_clear (gpointer data)
{
  g_free (((TdFormKeyedRow *)data)->key);
}

static void
raw_form_free (TdFormRaw *raw)
{
  g_free (raw->sheet);
  g_hash_table_unref (raw->meta);
  g_array_unref (raw->rows);
  g_clear_pointer (&raw->cells, td_xlsx_sheet_free);
  g_free (raw->refusal);
  g_free (raw);
}

static const gsize file_texts[]
    = { G_STRUCT_OFFSET (TdFormFile, path), G_STRUCT_OFFSET (TdFormFile, file_name),
        G_STRUCT_OFFSET (TdFormFile, refusal), TD_RECORD_END };
static const TdRecordPart file_parts[]
    = { TD_RECORD_PART (TdFormFile, forms, g_ptr_array_unref), TD_RECORD_PARTS_END };

TD_RECORD_DEFINE_FREE_FULL (TdFormFile, td_form_file_free, file_texts, file_parts);

const char *
td_form_file_get_path (TdFormFile *file)
{
  return file->path;
}

gboolean
td_form_cell_blank (const TdXlsxCell *cell)
{
  if (cell == NULL)
    return TRUE;
  if (cell->type != TD_XLSX_STRING)
    return FALSE;
  for (const char *p = cell->text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

gchar *
td_form_text_at (TdXlsxSheet *sheet, guint32 row, guint32 col)
{
  gchar *text = td_xlsx_cell_to_text (td_xlsx_sheet_get_cell (sheet, row, col));
  return g_strstrip (text);
}

/* The data sheet: key/value pairs from A1 down to the first empty row,
 * then "row | excel_row | key" and one line per input row. */
static TdFormRaw *
read_data_sheet (TdXlsxReader *reader, TdXlsxSheet *data)
{
  TdFormRaw *raw = g_new0 (TdFormRaw, 1);
  guint32 r = 0, n = td_xlsx_sheet_get_n_cells (data);
  gint index;

  raw->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  raw->rows = g_array_new (FALSE, TRUE, sizeof (TdFormKeyedRow));
  g_array_set_clear_func (raw->rows, keyed_row_clear);
  for (; r < n; r++)
    {
      g_autofree gchar *key = td_form_text_at (data, r, 0);
      if (*key == '\0')
        break;
      g_hash_table_replace (raw->meta, g_steal_pointer (&key), td_form_text_at (data, r, 1));
    }
  for (; r < n; r++)
    {
      g_autofree gchar *head = td_form_text_at (data, r, 0);
      if (g_str_equal (head, "row"))
        break;
    }
  for (r++; r < n; r++)
    {
      const TdXlsxCell *excel = td_xlsx_sheet_get_cell (data, r, 1);
      TdFormKeyedRow row = { 0 };

      if (excel == NULL || excel->type != TD_XLSX_NUMBER || excel->number < 1
          || excel->number > 1048576)
        break;
      row.excel_row = (guint32)excel->number;
      row.key = td_form_text_at (data, r, 2);
      g_array_append_val (raw->rows, row);
    }
  raw->sheet = g_strdup (g_hash_table_lookup (raw->meta, "worksheet"));
  index = raw->sheet ? td_xlsx_reader_find_sheet (reader, raw->sheet) : -1;
  if (raw->sheet == NULL)
    raw->refusal = g_strdup (_ ("The sheet that identifies this form is incomplete: it was "
                                "changed. Ask the member to fill in the form that was sent."));
  else if (index < 0)
    raw->refusal = g_strdup_printf (_ ("The form's sheet “%s” is missing: it was renamed or "
                                       "deleted. Ask the member to fill in the form that was "
                                       "sent, without changing its sheets."),
                                    raw->sheet ? raw->sheet : "");
  else
    {
      g_autoptr (GError) error = NULL;
      raw->cells = td_xlsx_reader_read_sheet (reader, (guint)index, &error);
      if (raw->cells == NULL)
        raw->refusal = g_strdup (error->message);
    }
  return raw;
}

/* A workbook that shows a form's title but has no data sheet: cells
 * copied into a new workbook, or a program that dropped hidden sheets. */
static gboolean
looks_like_form (TdXlsxReader *reader)
{
  for (guint i = 0; i < td_xlsx_reader_get_n_sheets (reader); i++)
    {
      g_autoptr (TdXlsxSheet) sheet = NULL;

      if (td_xlsx_reader_get_sheet_state (reader, i) != TD_XLSX_SHEET_VISIBLE)
        continue;
      sheet = td_xlsx_reader_read_sheet (reader, i, NULL);
      for (guint n = 0; sheet && n < td_xlsx_sheet_get_n_cells (sheet); n++)
        {
          const TdXlsxCell *c = td_xlsx_sheet_get_nth_cell (sheet, n);
          if (c->row > 20)
            break;
          if (c->type == TD_XLSX_STRING && strstr (c->text, "PHIẾU TỰ CHẤM") != NULL)
            return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

static gchar *
reader_refusal (const GError *error)
{
  /* Nothing the member can do about the program's own missing part. */
  if (error->domain == TD_FORMATS_ERROR)
    return g_strdup (error->message);
  switch (error->code)
    {
    case TD_XLSX_READER_ERROR_TOO_LARGE:
      return g_strdup_printf (_ ("%s It was not read."), error->message);
    case TD_XLSX_READER_ERROR_UNSAFE:
      return g_strdup_printf (_ ("%s Ask the member to save the form again in Excel or "
                                 "LibreOffice."),
                              error->message);
    case TD_XLSX_READER_ERROR_NOT_XLSX:
    case TD_XLSX_READER_ERROR_DAMAGED:
    default:
      return g_strdup_printf (_ ("%s Ask the member to send the file again, or open it in Excel "
                                 "or LibreOffice and save it again."),
                              error->message);
    }
}

TdFormFile *
td_form_file_read (const char *path)
{
  TdFormFile *file = g_new0 (TdFormFile, 1);
  g_autoptr (TdXlsxReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  TdFileKind kind;

  file->path = g_strdup (path);
  file->file_name = g_filename_display_basename (path);
  file->forms = g_ptr_array_new_with_free_func ((GDestroyNotify)raw_form_free);
  if (!td_sniff_file (path, &kind, &error)
      || !td_sniff_expect (kind, TD_EXPECT_XLSX, file->file_name, &error))
    {
      file->refusal = g_strdup (error->message);
      return file;
    }
  reader = td_xlsx_reader_open (path, NULL, &error);
  if (reader == NULL)
    {
      file->refusal = reader_refusal (error);
      return file;
    }
  for (guint i = 0; i < td_xlsx_reader_get_n_sheets (reader); i++)
    {
      const char *name = td_xlsx_reader_get_sheet_name (reader, i);
      g_autoptr (TdXlsxSheet) data = NULL;
      g_autofree gchar *mark = NULL;

      if (g_ascii_strncasecmp (name, "TD_DATA", 7) != 0)
        continue;
      data = td_xlsx_reader_read_sheet (reader, i, &error);
      if (data == NULL)
        {
          file->refusal = reader_refusal (error);
          return file;
        }
      mark = td_form_text_at (data, 0, 0);
      if (g_str_equal (mark, "thidua-sheet"))
        g_ptr_array_add (file->forms, read_data_sheet (reader, data));
    }
  if (file->forms->len == 0)
    file->refusal = g_strdup (
        looks_like_form (reader)
            ? _ ("This looks like a self-score form, but the sheet that identifies it is missing: "
                 "it was probably copied into a new workbook. Ask the member to fill in the "
                 "file that was sent, or type the scores in the Scores section.")
            : _ ("This workbook is not a Thi Đua self-score form. Import the forms exported "
                 "from Thi Đua (Blank Self-Score Forms, under the printer button) after the "
                 "members filled them in."));
  return file;
}

typedef struct
{
  GPtrArray *paths;
  TdFormFile **files;
  gint next; /* the next path to read, taken atomically */
  GCancellable *cancellable;
} ReadAll;

static gpointer
read_worker (gpointer data)
{
  ReadAll *all = data;
  gint i;

  while ((i = g_atomic_int_add (&all->next, 1)) < (gint)all->paths->len
         && !g_cancellable_is_cancelled (all->cancellable))
    all->files[i] = td_form_file_read (all->paths->pdata[i]);
  return NULL;
}

GPtrArray *
td_form_files_read (GPtrArray *paths, GCancellable *cancellable)
{
  ReadAll all = { paths, g_new0 (TdFormFile *, MAX (paths->len, 1)), 0, cancellable };
  guint n_threads = MIN (MIN (g_get_num_processors (), 4), paths->len);
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();
  GPtrArray *out;

  /* This thread reads too; the others join it. */
  for (guint t = 1; t < n_threads; t++)
    g_ptr_array_add (threads, g_thread_new ("td-form-read", read_worker, &all));
  read_worker (&all);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (threads->pdata[t]);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify)td_form_file_free);
  for (guint i = 0; i < paths->len; i++)
    if (all.files[i] != NULL)
      g_ptr_array_add (out, all.files[i]);
  g_free (all.files);
  if (g_cancellable_is_cancelled (cancellable) || out->len != paths->len)
    {
      g_ptr_array_unref (out);
      return NULL;
    }
  return out;
}
