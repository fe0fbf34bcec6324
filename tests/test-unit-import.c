/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pasted lists and CSV files of units: the quirks clerks' files have, and
 * the preview (add / duplicate / invalid) before anything is written. */
#include "td-registry.h"
#include "td-unit-import.h"

#include <locale.h>
#include <string.h>

static TdImportRow *
row (GPtrArray *rows, guint i)
{
  g_assert_cmpuint (i, <, rows->len);
  return rows->pdata[i];
}

static void
test_csv_quirks (void)
{
  /* BOM, header, semicolons, quoted separators and quotes, CRLF, blank
   * lines, trailing spaces, a duplicate, a row without a name. */
  const char *csv = "\xEF\xBB\xBFTên đơn vị;Tên viết tắt;Loại\r\n"
                    "Sở Y tế ;SYT ;Sở, ngành\r\n"
                    "\r\n"
                    "\"Sở Văn hóa; Thể thao và Du lịch\";SVHTTDL;Sở, ngành\r\n"
                    "   \r\n"
                    "\"Báo \"\"Bình Phước\"\"\";BBP;\r\n"
                    "SỞ Y TẾ;SYT;\r\n"
                    ";ABC;Sở, ngành\r\n";
  g_autoptr (GPtrArray) rows = td_unit_import_parse (csv, -1, NULL, 0);

  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (row (rows, 0)->name, ==, "Sở Y tế");
  g_assert_cmpstr (row (rows, 0)->short_name, ==, "SYT");
  g_assert_cmpstr (row (rows, 0)->kind, ==, "Sở, ngành");
  g_assert_cmpint (row (rows, 0)->status, ==, TD_IMPORT_ADD);
  g_assert_cmpuint (row (rows, 0)->line, ==, 2);
  g_assert_cmpstr (row (rows, 1)->name, ==, "Sở Văn hóa; Thể thao và Du lịch");
  g_assert_cmpuint (row (rows, 1)->line, ==, 4);
  g_assert_cmpstr (row (rows, 2)->name, ==, "Báo \"Bình Phước\"");
  g_assert_cmpint (row (rows, 3)->status, ==, TD_IMPORT_DUPLICATE);
  g_assert_cmpint (row (rows, 4)->status, ==, TD_IMPORT_INVALID);
  g_assert_nonnull (row (rows, 4)->reason);
  g_assert_cmpuint (td_unit_import_count (rows, TD_IMPORT_ADD), ==, 3);
}

static void
test_csv_commas (void)
{
  const char *csv = "Sở Tư pháp,STP,Sở\n"
                    "\"Sở Văn hóa, Thể thao và Du lịch\",SVHTTDL,Sở\n"
                    "Thanh tra tỉnh  ,TTT,\n";
  g_autoptr (GPtrArray) rows = td_unit_import_parse (csv, -1, NULL, 0);

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row (rows, 1)->name, ==, "Sở Văn hóa, Thể thao và Du lịch");
  g_assert_cmpstr (row (rows, 1)->short_name, ==, "SVHTTDL");
  g_assert_cmpstr (row (rows, 2)->name, ==, "Thanh tra tỉnh");
  g_assert_cmpstr (row (rows, 2)->kind, ==, "");
}

static void
test_paste_and_apply (void)
{
  /* As copied from a Word table: a number column, tabs, commas in names. */
  const char *pasted = "1\tSở Y tế\tSYT\tSở, ngành\n"
                       "2\tSở Văn hóa, Thể thao và Du lịch\tSVHTTDL\tSở, ngành\n"
                       "3\tSở Nội vụ\tSNV\n"
                       "4\tSở Tài chính\tSTC\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  g_autoptr (TdUnit) unit = td_unit_new ();
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GPtrArray) members = NULL;
  gint64 by_id, noi_vu;

  bloc->name = g_strdup ("Khối Thi đua số 6");
  by->bloc_id = td_registry_add_bloc (db, bloc, &error);
  by->year = 2024;
  by_id = td_registry_add_bloc_year (db, by, &error);
  unit->name = g_strdup ("Sở Y tế");
  g_assert_cmpint (td_registry_add_unit_to_bloc_year (db, by_id, unit, &error), >, 0);
  /* In the registry but not in this bloc: joins, no new unit. */
  g_free (unit->name);
  unit->name = g_strdup ("Sở Nội vụ");
  noi_vu = td_registry_add_unit (db, unit, &error);

  rows = td_unit_import_parse (pasted, -1, db, by_id);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpint (row (rows, 0)->status, ==, TD_IMPORT_DUPLICATE);
  g_assert_cmpstr (row (rows, 1)->name, ==, "Sở Văn hóa, Thể thao và Du lịch");
  g_assert_cmpstr (row (rows, 1)->short_name, ==, "SVHTTDL");
  g_assert_cmpint (row (rows, 2)->status, ==, TD_IMPORT_ADD);
  g_assert_cmpint (row (rows, 2)->existing_unit_id, ==, noi_vu);
  /* Nothing is written by the preview. */
  members = td_registry_list_members (db, by_id, &error);
  g_assert_cmpuint (members->len, ==, 1);
  g_clear_pointer (&members, g_ptr_array_unref);

  g_assert_cmpint (td_unit_import_apply (db, by_id, rows, &error), ==, 3);
  g_assert_no_error (error);
  members = td_registry_list_members (db, by_id, &error);
  g_assert_cmpuint (members->len, ==, 4);
  g_assert_cmpint (td_db_query_int (db, "SELECT count (*) FROM unit", 0, NULL), ==, 4);
  /* The same list again: everything is a duplicate now. */
  again = td_unit_import_parse (pasted, -1, db, by_id);
  g_assert_cmpuint (td_unit_import_count (again, TD_IMPORT_DUPLICATE), ==, 4);
}

/* One tab anywhere (here inside quotes) made the whole file tab-separated:
 * the header became a unit "Tên đơn vị,Viết tắt" and every line a junk
 * unit.  The separator is counted outside quotes, line by line. */
static void
test_separator_counted_outside_quotes (void)
{
  const char *csv = "Tên đơn vị,Viết tắt\n"
                    "\"Sở Y tế\tcơ quan chuyên môn\",SYT\n"
                    "Sở Tư pháp,STP\n"
                    "\"Sở Văn hóa, Thể thao và Du lịch\",SVHTTDL\n";
  g_autoptr (GPtrArray) rows = td_unit_import_parse (csv, -1, NULL, 0);

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row (rows, 0)->name, ==, "Sở Y tế cơ quan chuyên môn");
  g_assert_cmpstr (row (rows, 0)->short_name, ==, "SYT");
  g_assert_cmpstr (row (rows, 1)->name, ==, "Sở Tư pháp");
  g_assert_cmpstr (row (rows, 2)->name, ==, "Sở Văn hóa, Thể thao và Du lịch");
  g_assert_cmpuint (td_unit_import_count (rows, TD_IMPORT_ADD), ==, 3);
}

/* A plain list of names, some with commas, is one column; a tab table with
 * commas in its names is split at the tabs. */
static void
test_separator_plain_list (void)
{
  const char *list = "Sở Y tế\n"
                     "Sở Văn hóa, Thể thao và Du lịch\n"
                     "Sở Tư pháp\n";
  const char *tabs = "Sở Lao động, Thương binh và Xã hội\tSLĐTBXH\n"
                     "Sở Y tế\tSYT\n";
  g_autoptr (GPtrArray) rows = td_unit_import_parse (list, -1, NULL, 0);
  g_autoptr (GPtrArray) tabbed = td_unit_import_parse (tabs, -1, NULL, 0);

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row (rows, 1)->name, ==, "Sở Văn hóa, Thể thao và Du lịch");
  g_assert_cmpstr (row (rows, 1)->short_name, ==, "");
  g_assert_cmpuint (tabbed->len, ==, 2);
  g_assert_cmpstr (row (tabbed, 0)->name, ==, "Sở Lao động, Thương binh và Xã hội");
  g_assert_cmpstr (row (tabbed, 0)->short_name, ==, "SLĐTBXH");
}

/* Text that is not UTF-8 is refused, with the line, never passed on; UTF-16
 * (Excel's "Unicode Text") is read; too large a text is the wrong file. */
static void
test_encodings_and_size (void)
{
  const char *latin1 = "S\xf4 Y t\xea,SYT\nS\xe1 T\xfd,STP\n";
  const char *mixed = "Sở Y tế,SYT\nS\xe1 T\xfd,STP\n";
  const char utf16[] = "\xff\xfeS\0\xdf\x1e \0Y\0\t\0S\0Y\0T\0\n\0";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = td_unit_import_parse (mixed, -1, NULL, 0);
  g_autoptr (GPtrArray) wide = NULL;
  g_autoptr (GPtrArray) huge_rows = NULL;
  g_autofree gchar *text = NULL;
  g_autofree gchar *huge = NULL;

  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (row (rows, 0)->status, ==, TD_IMPORT_ADD);
  g_assert_cmpint (row (rows, 1)->status, ==, TD_IMPORT_INVALID);
  g_assert_true (g_utf8_validate (row (rows, 1)->name, -1, NULL));
  g_assert_nonnull (strstr (row (rows, 1)->reason, "UTF-8"));

  g_assert_null (td_unit_import_decode (latin1, strlen (latin1), &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 1"));
  g_clear_error (&error);
  g_assert_null (td_unit_import_decode (mixed, strlen (mixed), &error));
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  text = td_unit_import_decode (utf16, sizeof utf16 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Sở Y\tSYT\n");
  wide = td_unit_import_parse (utf16, sizeof utf16 - 1, NULL, 0);
  g_assert_cmpuint (wide->len, ==, 1);
  g_assert_cmpstr (row (wide, 0)->name, ==, "Sở Y");

  huge = g_strnfill (TD_UNIT_IMPORT_MAX_BYTES + 1, 'a');
  g_assert_null (td_unit_import_decode (huge, TD_UNIT_IMPORT_MAX_BYTES + 1, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  huge_rows = td_unit_import_parse (huge, -1, NULL, 0);
  g_assert_cmpuint (huge_rows->len, ==, 1);
  g_assert_cmpint (row (huge_rows, 0)->status, ==, TD_IMPORT_INVALID);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/unit-import/csv-quirks", test_csv_quirks);
  g_test_add_func ("/unit-import/csv-commas", test_csv_commas);
  g_test_add_func ("/unit-import/paste-and-apply", test_paste_and_apply);
  g_test_add_func ("/unit-import/separator-outside-quotes", test_separator_counted_outside_quotes);
  g_test_add_func ("/unit-import/separator-plain-list", test_separator_plain_list);
  g_test_add_func ("/unit-import/encodings-and-size", test_encodings_and_size);
  return g_test_run ();
}
