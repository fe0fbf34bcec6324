/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a file given to an importer is: recognised from its bytes, and the
 * refusal names it and what was expected. */
#include "td-db.h"
#include "td-sniff.h"
#include "td-test-tmp.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

static void
test_kinds (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F' };
  static const guint8 ole2[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0 };
  static const guint8 utf16[] = { 0xff, 0xfe, 'T', 0, 'e', 0 };
  static const guint8 elf[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0 };
  static const char xlsx[] = "PK\x03\x04\x14\0\0\0\x08\0____xl/workbook.xml";
  static const char docx[] = "PK\x03\x04\x14\0\0\0\x08\0____[Content_Types].xmlword/document.xml";
  static const char ods[]
      = "PK\x03\x04\x14\0\0\0\0\0____mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
  static const char zip[] = "PK\x03\x04\x14\0\0\0\x08\0____notes.txt";
  static const char csv[] = "\xef\xbb\xbfTên đơn vị;Tên viết tắt\nSở Y tế;SYT\n";
  static const char html[] = "  <!DOCTYPE html><html><table>";
  static const char pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  struct
  {
    const void *data;
    gsize length;
    TdFileKind kind;
  } cases[] = {
    { "", 0, TD_FILE_EMPTY },
    { " \n\t\r\n", 5, TD_FILE_EMPTY },
    { csv, sizeof csv - 1, TD_FILE_TEXT },
    { png, sizeof png, TD_FILE_IMAGE },
    { jpeg, sizeof jpeg, TD_FILE_IMAGE },
    { "GIF89a\x01\0\x01\0", 10, TD_FILE_IMAGE },
    { ole2, sizeof ole2, TD_FILE_OLE2 },
    { utf16, sizeof utf16, TD_FILE_UTF16 },
    { elf, sizeof elf, TD_FILE_BINARY },
    { xlsx, sizeof xlsx - 1, TD_FILE_XLSX },
    { docx, sizeof docx - 1, TD_FILE_DOCX },
    { ods, sizeof ods - 1, TD_FILE_ODS },
    { zip, sizeof zip - 1, TD_FILE_ZIP },
    { html, sizeof html - 1, TD_FILE_HTML },
    { pdf, sizeof pdf - 1, TD_FILE_PDF },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TdFileKind kind = td_sniff_data (cases[i].data, cases[i].length);
      if (kind != cases[i].kind)
        g_error ("case %u: kind %d, expected %d", i, kind, cases[i].kind);
    }
}

/* A zip whose first parts fill the head is still recognised by the names
 * in its central directory at the end. */
static void
test_file_tail (void)
{
  g_autofree gchar *dir = td_test_make_tmp_dir ("td-sniff-XXXXXX");
  g_autofree gchar *path = g_build_filename (dir, "late.xlsx", NULL);
  GString *bytes = g_string_new ("PK\x03\x04");
  TdFileKind kind = TD_FILE_EMPTY;
  g_autoptr (GError) error = NULL;

  while (bytes->len < 3 * TD_SNIFF_HEAD)
    g_string_append (bytes, "docProps/thumbnail.jpeg ");
  g_string_append (bytes, "PK\x01\x02xl/workbook.xml");
  g_assert_true (g_file_set_contents (path, bytes->str, bytes->len, NULL));
  g_assert_true (td_sniff_file (path, &kind, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, TD_FILE_XLSX);

  g_assert_false (td_sniff_file ("/nonexistent/file.csv", &kind, &error));
  g_assert_nonnull (error);
  g_string_free (bytes, TRUE);
}

static void
test_expect (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (td_sniff_expect (TD_FILE_TEXT, TD_EXPECT_TEXT_TABLE, "a.csv", &error));
  g_assert_true (td_sniff_expect (TD_FILE_XLSX, TD_EXPECT_XLSX, "a.xlsx", &error));
  g_assert_no_error (error);

  /* A filled form given to the unit importer names both sides. */
  g_assert_false (td_sniff_expect (TD_FILE_XLSX, TD_EXPECT_TEXT_TABLE, "Phieu.xlsx", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Phieu.xlsx"));
  g_assert_nonnull (strstr (error->message, ".xlsx"));
  g_assert_nonnull (strstr (error->message, "CSV"));
  g_clear_error (&error);

  /* An old .xls form says how to save it as .xlsx. */
  g_assert_false (td_sniff_expect (TD_FILE_OLE2, TD_EXPECT_XLSX, "Phieu.xls", &error));
  g_assert_nonnull (strstr (error->message, ".xls)"));
  g_assert_nonnull (strstr (error->message, "xlsx"));
  g_clear_error (&error);

  g_assert_false (td_sniff_expect (TD_FILE_IMAGE, TD_EXPECT_XLSX, "anh.jpg", &error));
  g_assert_nonnull (strstr (error->message, "anh.jpg"));
  g_clear_error (&error);
  g_assert_false (td_sniff_expect (TD_FILE_EMPTY, TD_EXPECT_TEXT_TABLE, "x.csv", &error));
  g_clear_error (&error);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sniff/kinds", test_kinds);
  g_test_add_func ("/sniff/file-tail", test_file_tail);
  g_test_add_func ("/sniff/expect", test_expect);
  return g_test_run ();
}
