/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The .xlsx reader: what Excel, LibreOffice, WPS and openpyxl write reads
 * back as written (fixtures in data/xlsx, made by make-fixtures.py), and
 * hostile workbooks (zip bombs, a million rows, parts outside the archive,
 * entity tricks, cut-short files) are refused quickly with the reason. */
#include "td-xlsx-reader.h"

#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-output.h>
#include <gsf/gsf-utils.h>
#include <locale.h>
#include <string.h>

static gchar *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("TD_TEST_SRCDIR"), "data", "xlsx", name, NULL);
}

static TdXlsxReader *
open_fixture (const char *name)
{
  g_autofree gchar *path = fixture (name);
  g_autoptr (GError) error = NULL;
  TdXlsxReader *reader = td_xlsx_reader_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

static gchar *
text_at (TdXlsxSheet *sheet, guint32 row, guint32 col)
{
  return td_xlsx_cell_to_text (td_xlsx_sheet_get_cell (sheet, row, col));
}

#define assert_text(sheet, row, col, expected)                                                     \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree gchar *_t = text_at (sheet, row, col);                                              \
    g_assert_cmpstr (_t, ==, expected);                                                            \
  }                                                                                                \
  G_STMT_END

/* Both openpyxl and LibreOffice (which re-saved the openpyxl file) read the
 * same; LibreOffice adds the cached value of the formula. */
static void
check_common (TdXlsxReader *reader, TdXlsxSheet *sheet)
{
  const TdXlsxCell *c;

  g_assert_cmpuint (td_xlsx_reader_get_n_sheets (reader), ==, 2);
  g_assert_cmpstr (td_xlsx_reader_get_sheet_name (reader, 0), ==, "Phiếu");
  g_assert_cmpint (td_xlsx_reader_get_sheet_state (reader, 0), ==, TD_XLSX_SHEET_VISIBLE);
  g_assert_cmpint (td_xlsx_reader_find_sheet (reader, "td_data"), ==, 1);
  g_assert_cmpint (td_xlsx_reader_find_sheet (reader, "nope"), ==, -1);

  assert_text (sheet, 0, 0, "Sở Tư pháp");
  c = td_xlsx_sheet_get_cell (sheet, 0, 1);
  g_assert_nonnull (c);
  g_assert_cmpint (c->type, ==, TD_XLSX_NUMBER);
  g_assert_cmpfloat (c->number, ==, 2.5);
  c = td_xlsx_sheet_get_cell (sheet, 0, 2);
  g_assert_cmpint (c->type, ==, TD_XLSX_STRING);
  g_assert_cmpstr (c->text, ==, "2,5");
  assert_text (sheet, 0, 3, "7");
  c = td_xlsx_sheet_get_cell (sheet, 1, 0);
  g_assert_cmpint (c->type, ==, TD_XLSX_DATE);
  assert_text (sheet, 1, 0, "30/12/2024");
  assert_text (sheet, 1, 1, "TRUE");
  assert_text (sheet, 2, 0, "Có");
  assert_text (sheet, 4, 2, "  lề  ");
  g_assert_null (td_xlsx_sheet_get_cell (sheet, 3, 0));
  g_assert_null (td_xlsx_sheet_get_cell (sheet, 100, 100));
}

static TdXlsxSheet *
read_sheet (TdXlsxReader *reader, guint index)
{
  g_autoptr (GError) error = NULL;
  TdXlsxSheet *sheet = td_xlsx_reader_read_sheet (reader, index, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static void
test_openpyxl (void)
{
  g_autoptr (TdXlsxReader) reader = open_fixture ("openpyxl.xlsx");
  g_autoptr (TdXlsxSheet) sheet = read_sheet (reader, 0);

  check_common (reader, sheet);
  g_assert_cmpint (td_xlsx_reader_get_sheet_state (reader, 1), ==, TD_XLSX_SHEET_VERY_HIDDEN);
  /* openpyxl writes no cached value: the formula cell reads as empty. */
  g_assert_null (td_xlsx_sheet_get_cell (sheet, 0, 4));
}

static void
test_libreoffice (void)
{
  g_autoptr (TdXlsxReader) reader = open_fixture ("libreoffice.xlsx");
  g_autoptr (TdXlsxSheet) sheet = read_sheet (reader, 0);
  g_autoptr (TdXlsxSheet) data = read_sheet (reader, 1);
  const TdXlsxCell *c;

  check_common (reader, sheet);
  /* LibreOffice 7.4 keeps a veryHidden sheet only hidden. */
  g_assert_cmpint (td_xlsx_reader_get_sheet_state (reader, 1), ==, TD_XLSX_SHEET_HIDDEN);
  c = td_xlsx_sheet_get_cell (sheet, 0, 4);
  g_assert_true (c->formula);
  g_assert_cmpfloat (c->number, ==, 9.5);
  assert_text (data, 0, 0, "thidua-sheet");
}

static void
test_excel_wps (void)
{
  g_autoptr (TdXlsxReader) reader = open_fixture ("excel-wps.xlsx");
  g_autoptr (TdXlsxSheet) sheet = NULL;
  g_autoptr (TdXlsxSheet) data = NULL;
  const TdXlsxCell *c;

  g_assert_true (td_xlsx_reader_get_structure_locked (reader));
  g_assert_cmpstr (td_xlsx_reader_get_sheet_name (reader, 0), ==, "Phiếu tự chấm");
  g_assert_cmpint (td_xlsx_reader_get_sheet_state (reader, 1), ==, TD_XLSX_SHEET_VERY_HIDDEN);
  sheet = read_sheet (reader, 0);
  data = read_sheet (reader, 1);

  assert_text (sheet, 0, 0, "Nội dung");
  /* Rich-text runs are joined, the phonetic guide is not text. */
  assert_text (sheet, 0, 1, "Công văn số 15 ");
  assert_text (sheet, 0, 2, "Đạt");
  assert_text (sheet, 0, 3, "3.5");
  c = td_xlsx_sheet_get_cell (sheet, 0, 4);
  g_assert_true (c->formula);
  g_assert_cmpfloat (c->number, ==, 7);
  c = td_xlsx_sheet_get_cell (sheet, 0, 5);
  g_assert_cmpint (c->type, ==, TD_XLSX_STRING);
  g_assert_cmpstr (c->text, ==, "Đạt!");
  c = td_xlsx_sheet_get_cell (sheet, 0, 6);
  g_assert_cmpint (c->type, ==, TD_XLSX_ERROR);
  g_assert_cmpstr (c->text, ==, "#DIV/0!");
  c = td_xlsx_sheet_get_cell (sheet, 0, 7);
  g_assert_cmpint (c->type, ==, TD_XLSX_BOOL);
  /* Row 2 has cells without references; the date is in the 1904 system. */
  assert_text (sheet, 1, 0, "30/12/2025");
  assert_text (sheet, 1, 1, "dòng 1\r\ndòng 2");
  g_assert_null (td_xlsx_sheet_get_cell (sheet, 1, 2));
  assert_text (sheet, 1, 3, "12");
  assert_text (sheet, 9, 27, "ab");
  assert_text (data, 0, 0, "thidua-sheet");
  g_assert_cmpuint (td_xlsx_sheet_get_n_cells (data), ==, 2);
  {
    g_autofree gchar *name = td_xlsx_cell_name (9, 27);
    g_assert_cmpstr (name, ==, "AB10");
  }
}

/* --- hostile workbooks, built in memory ------------------------------------------ */

typedef struct
{
  const char *name;
  const char *text; /* or NULL: @repeat times @unit between @head and @tail */
  const char *head, *unit, *tail;
  gsize repeat;
} Part;

static GsfOutput *
child (GsfOutfile *zip, GHashTable *dirs, const char *path)
{
  g_auto (GStrv) names = g_strsplit (path, "/", -1);
  GsfOutfile *dir = zip;
  GString *so_far = g_string_new (NULL);
  guint n = g_strv_length (names);
  GsfOutput *out;

  for (guint i = 0; i + 1 < n; i++)
    {
      GsfOutfile *next;
      g_string_append_printf (so_far, "%s/", names[i]);
      next = g_hash_table_lookup (dirs, so_far->str);
      if (next == NULL)
        {
          next = GSF_OUTFILE (gsf_outfile_new_child (dir, names[i], TRUE));
          g_hash_table_insert (dirs, g_strdup (so_far->str), next);
        }
      dir = next;
    }
  out = gsf_outfile_new_child_full (dir, names[n - 1], FALSE, "compression-level", GSF_ZIP_DEFLATED,
                                    NULL);
  g_string_free (so_far, TRUE);
  return out;
}

static void
close_dir (gpointer data)
{
  gsf_output_close (data);
  g_object_unref (data);
}

static GBytes *
make_zip (const Part *parts, guint n)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  g_autoptr (GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  GBytes *bytes;
  gsf_off_t size;

  for (guint i = 0; i < n; i++)
    {
      GsfOutput *out = child (zip, dirs, parts[i].name);
      if (parts[i].text)
        gsf_output_write (out, strlen (parts[i].text), (const guint8 *)parts[i].text);
      else
        {
          gsize unit = strlen (parts[i].unit);
          g_autofree gchar *block = g_strnfill (unit * 4096, ' ');

          for (gsize k = 0; k < 4096; k++)
            memcpy (block + k * unit, parts[i].unit, unit);
          gsf_output_write (out, strlen (parts[i].head), (const guint8 *)parts[i].head);
          for (gsize k = 0; k < parts[i].repeat / 4096; k++)
            gsf_output_write (out, unit * 4096, (const guint8 *)block);
          gsf_output_write (out, strlen (parts[i].tail), (const guint8 *)parts[i].tail);
        }
      gsf_output_close (out);
      g_object_unref (out);
    }
  /* Directories close before the archive, deepest first. */
  {
    GList *keys = g_hash_table_get_keys (dirs);
    keys = g_list_sort (keys, (GCompareFunc)g_strcmp0);
    for (GList *l = g_list_last (keys); l; l = l->prev)
      g_ptr_array_add (order, g_hash_table_lookup (dirs, l->data));
    g_list_free (keys);
  }
  for (guint i = 0; i < order->len; i++)
    close_dir (order->pdata[i]);
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  size = gsf_output_size (sink);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), (gsize)size);
  gsf_output_close (sink);
  g_object_unref (sink);
  return bytes;
}

#define WB_RELS                                                                                    \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"         \
  "<Relationship Id=\"rId1\" Type=\"http://x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"       \
  "<Relationship Id=\"rId2\" Type=\"http://x/sharedStrings\" Target=\"sharedStrings.xml\"/>"       \
  "</Relationships>"
#define WB                                                                                         \
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "                 \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"               \
  "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define SHEET_HEAD                                                                                 \
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define SHEET_TAIL "</sheetData></worksheet>"

static GError *
read_all (GBytes *bytes, const TdXlsxLimits *limits)
{
  GError *error = NULL;
  g_autoptr (TdXlsxReader) reader = td_xlsx_reader_open_bytes (bytes, limits, &error);
  g_autoptr (TdXlsxSheet) sheet = NULL;

  if (reader == NULL)
    return error;
  for (guint i = 0; i < td_xlsx_reader_get_n_sheets (reader) && error == NULL; i++)
    {
      g_clear_pointer (&sheet, td_xlsx_sheet_free);
      sheet = td_xlsx_reader_read_sheet (reader, i, &error);
    }
  return error;
}

static void
test_minimal (void)
{
  const Part parts[] = {
    { "xl/workbook.xml", WB },
    { "xl/_rels/workbook.xml.rels", WB_RELS },
    { "xl/worksheets/sheet1.xml",
      SHEET_HEAD "<row r=\"2\"><c r=\"B2\"><v>4</v></c></row>" SHEET_TAIL },
  };
  g_autoptr (GBytes) bytes = make_zip (parts, G_N_ELEMENTS (parts));
  g_autoptr (GError) error = NULL;
  g_autoptr (TdXlsxReader) reader = td_xlsx_reader_open_bytes (bytes, NULL, &error);
  g_autoptr (TdXlsxSheet) sheet = NULL;

  /* No root relationships, no shared strings, no styles: still read. */
  g_assert_no_error (error);
  sheet = td_xlsx_reader_read_sheet (reader, 0, &error);
  g_assert_no_error (error);
  assert_text (sheet, 1, 1, "4");
}

static void
test_zip_bomb (void)
{
  /* 56 MB of blanks inflate from a few hundred kilobytes; reading stops
   * at the part limit. */
  const Part parts[] = {
    { "xl/workbook.xml", WB },
    { "xl/_rels/workbook.xml.rels", WB_RELS },
    { "xl/worksheets/sheet1.xml", NULL, SHEET_HEAD, "        ", SHEET_TAIL, 7 * 1024 * 1024 },
  };
  g_autoptr (GBytes) bytes = make_zip (parts, G_N_ELEMENTS (parts));
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GError) error = read_all (bytes, NULL);
  gint64 elapsed = g_get_monotonic_time () - start;

  g_assert_cmpuint (g_bytes_get_size (bytes), <, 1024 * 1024);
  g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_TOO_LARGE);
  g_test_message ("zip bomb refused in %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);
}

static void
test_million_rows (void)
{
  const Part parts[] = {
    { "xl/workbook.xml", WB },
    { "xl/_rels/workbook.xml.rels", WB_RELS },
    { "xl/worksheets/sheet1.xml", NULL, SHEET_HEAD, "<row><c><v>1</v></c></row>", SHEET_TAIL,
      1000000 },
  };
  g_autoptr (GBytes) bytes = make_zip (parts, G_N_ELEMENTS (parts));
  g_autoptr (GError) error = read_all (bytes, NULL);

  g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "rows"));
}

static void
test_limits (void)
{
  TdXlsxLimits small = *td_xlsx_limits_default ();
  const Part parts[] = {
    { "xl/workbook.xml", WB },
    { "xl/_rels/workbook.xml.rels", WB_RELS },
    { "xl/sharedStrings.xml", NULL, "<sst>", "<si><t>x</t></si>", "</sst>", 8192 },
    { "xl/worksheets/sheet1.xml", NULL, SHEET_HEAD "<row>", "<c><v>1</v></c>", "</row>" SHEET_TAIL,
      8192 },
  };
  g_autoptr (GBytes) bytes = make_zip (parts, G_N_ELEMENTS (parts));
  GError *error;

  small.max_strings = 1000;
  error = read_all (bytes, &small);
  g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_TOO_LARGE);
  g_clear_error (&error);

  small = *td_xlsx_limits_default ();
  small.max_cells = 1000;
  error = read_all (bytes, &small);
  g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_TOO_LARGE);
  g_clear_error (&error);

  small = *td_xlsx_limits_default ();
  small.max_file_bytes = 100;
  error = read_all (bytes, &small);
  g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_TOO_LARGE);
  g_clear_error (&error);

  small = *td_xlsx_limits_default ();
  small.max_total_bytes = 4096;
  error = read_all (bytes, &small);
  g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* The same workbook within the limits reads. */
  error = read_all (bytes, NULL);
  g_assert_no_error (error);
}

static void
test_outside_archive (void)
{
  const Part parts[] = {
    { "xl/workbook.xml", WB },
    { "xl/_rels/workbook.xml.rels",
      "<Relationships><Relationship Id=\"rId1\" Type=\"http://x/worksheet\" "
      "Target=\"../../../../etc/passwd\"/></Relationships>" },
  };
  g_autoptr (GBytes) bytes = make_zip (parts, G_N_ELEMENTS (parts));
  g_autoptr (GError) error = read_all (bytes, NULL);

  g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_UNSAFE);
}

static void
test_doctype (void)
{
  const Part parts[] = {
    { "xl/workbook.xml",
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
      "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><workbook><sheets><sheet "
      "name=\"&lol2;\"/></sheets></workbook>" },
  };
  g_autoptr (GBytes) bytes = make_zip (parts, G_N_ELEMENTS (parts));
  g_autoptr (GError) error = read_all (bytes, NULL);

  g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_UNSAFE);
}

static void
test_damaged (void)
{
  g_autofree gchar *path = fixture ("libreoffice.xlsx");
  g_autofree gchar *contents = NULL;
  gsize length;
  GError *error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Cut short: the zip directory is gone. */
  {
    g_autoptr (GBytes) half = g_bytes_new (contents, length / 2);
    error = read_all (half, NULL);
    g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_NOT_XLSX);
    g_clear_error (&error);
  }
  /* Not a zip at all. */
  {
    g_autoptr (GBytes) text = g_bytes_new_static ("Tên đơn vị\nSở Y tế\n", 22);
    error = read_all (text, NULL);
    g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_NOT_XLSX);
    g_clear_error (&error);
  }
  /* A zip without a workbook (a Word document, say). */
  {
    const Part parts[] = { { "word/document.xml", "<document/>" } };
    g_autoptr (GBytes) bytes = make_zip (parts, G_N_ELEMENTS (parts));
    error = read_all (bytes, NULL);
    g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_NOT_XLSX);
    g_clear_error (&error);
  }
  /* Broken XML, a shared string that does not exist, a bad reference. */
  {
    const char *sheets[] = {
      SHEET_HEAD "<row><c><v>1</v></c>",
      SHEET_HEAD "<row><c t=\"s\"><v>7</v></c></row>" SHEET_TAIL,
      SHEET_HEAD "<row><c r=\"A99999999\"><v>1</v></c></row>" SHEET_TAIL,
      SHEET_HEAD "<row><c r=\"A1\"><v>abc</v></c></row>" SHEET_TAIL,
    };
    for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
      {
        const Part parts[] = {
          { "xl/workbook.xml", WB },
          { "xl/_rels/workbook.xml.rels", WB_RELS },
          { "xl/worksheets/sheet1.xml", sheets[i] },
        };
        g_autoptr (GBytes) bytes = make_zip (parts, G_N_ELEMENTS (parts));
        error = read_all (bytes, NULL);
        g_assert_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_DAMAGED);
        g_clear_error (&error);
      }
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  gsf_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xlsx-reader/openpyxl", test_openpyxl);
  g_test_add_func ("/xlsx-reader/libreoffice", test_libreoffice);
  g_test_add_func ("/xlsx-reader/excel-wps", test_excel_wps);
  g_test_add_func ("/xlsx-reader/minimal", test_minimal);
  g_test_add_func ("/xlsx-reader/zip-bomb", test_zip_bomb);
  g_test_add_func ("/xlsx-reader/million-rows", test_million_rows);
  g_test_add_func ("/xlsx-reader/limits", test_limits);
  g_test_add_func ("/xlsx-reader/outside-archive", test_outside_archive);
  g_test_add_func ("/xlsx-reader/doctype", test_doctype);
  g_test_add_func ("/xlsx-reader/damaged", test_damaged);
  return g_test_run ();
}
