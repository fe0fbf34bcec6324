/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The database connection: create, reopen, refuse foreign files, statements,
 * transactions and the audit trail. */
#include "td-db.h"
#include "td-test-tmp.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>

static gchar *
tmp_path (const char *name)
{
  static gchar *dir;

  if (dir == NULL)
    dir = td_test_make_tmp_dir ("thidua-db-XXXXXX");
  return g_build_filename (dir, name, NULL);
}

static void
test_create_reopen (void)
{
  g_autofree gchar *path = tmp_path ("create.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (td_db_get_schema_version (db), ==, td_schema_get_current_version ());
  g_assert_cmpint (td_db_query_int (db, "PRAGMA application_id", 0, NULL), ==, TD_APPLICATION_ID);
  g_assert_cmpint (td_db_query_int (db, "PRAGMA foreign_keys", 0, NULL), ==, 1);
  g_assert_false (td_db_is_read_only (db));
  g_assert_true (td_db_set_meta (db, "note", "Khối Thi đua số 6", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_object (&db);

  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  {
    g_autofree gchar *note = td_db_get_meta (db, "note");
    g_autofree gchar *created = td_db_get_meta (db, "created");
    g_assert_cmpstr (note, ==, "Khối Thi đua số 6");
    g_assert_nonnull (created);
  }
}

static void
test_missing_file (void)
{
  g_autofree gchar *path = tmp_path ("missing.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open (path, TD_DB_OPEN_DEFAULT, &error);

  g_assert_null (db);
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_text_file_refused (void)
{
  g_autofree gchar *path = tmp_path ("notes.db");
  const char *text = "Danh sách đơn vị\nSở Y tế\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  g_autofree gchar *after = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  db = td_db_open (path, TD_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_THIDUA);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
}

static void
test_foreign_sqlite_refused (void)
{
  g_autofree gchar *path = tmp_path ("other.sqlite");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  sqlite3 *other = NULL;
  g_autofree gchar *before = NULL, *after = NULL;
  gsize len_before = 0, len_after = 0;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (other, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==,
      SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));

  db = td_db_open (path, TD_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_THIDUA);
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

static void
test_statements_and_steps (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  sqlite3_stmt *insert, *again, *select;
  gint rows = 0;
  TdStep r;

  g_assert_no_error (error);
  g_assert_true (td_db_exec (db, "CREATE TABLE t (name TEXT)", &error));
  insert = td_db_prepare (db, "INSERT INTO t (name) VALUES (?)", &error);
  g_assert_nonnull (insert);
  for (int i = 0; i < 3; i++)
    {
      again = td_db_prepare (db, "INSERT INTO t (name) VALUES (?)", &error);
      g_assert_true (again == insert); /* reused, not prepared again */
      sqlite3_bind_text (again, 1, "Sở Y tế", -1, SQLITE_STATIC);
      g_assert_true (td_db_run (db, again, &error));
    }
  select = td_db_prepare (db, "SELECT name FROM t", &error);
  while ((r = td_db_step (db, select, &error)) == TD_STEP_ROW)
    rows++;
  g_assert_cmpint (r, ==, TD_STEP_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, 3);

  /* An error is an error, not an empty result. */
  g_assert_null (td_db_prepare (db, "SELECT nope FROM t", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_FAILED);
}

static void
test_transactions (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);

  td_db_exec (db, "CREATE TABLE t (x INTEGER)", &error);
  g_assert_true (td_db_begin (db, &error));
  td_db_exec (db, "INSERT INTO t VALUES (1)", &error);
  g_assert_true (td_db_begin (db, &error)); /* nested: a savepoint */
  td_db_exec (db, "INSERT INTO t VALUES (2)", &error);
  td_db_rollback (db);
  g_assert_true (td_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_db_query_int (db, "SELECT sum(x) FROM t", -1, NULL), ==, 1);

  g_assert_true (td_db_begin (db, &error));
  td_db_exec (db, "INSERT INTO t VALUES (5)", &error);
  td_db_rollback (db);
  g_assert_cmpint (td_db_query_int (db, "SELECT sum(x) FROM t", -1, NULL), ==, 1);
}

/* Steps for td_db_transaction: inserts each value of @data (ending in 0);
 * a negative one fails after the rows before it were written. */
static gboolean
insert_values (TdDb *db, gpointer data, GError **error)
{
  for (const gint *v = data; *v != 0; v++)
    {
      g_autofree gchar *sql = g_strdup_printf ("INSERT INTO t VALUES (%d)", *v);

      if (*v < 0)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID, "step %d failed", *v);
          return FALSE;
        }
      if (!td_db_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* A change of several steps is kept whole or not at all, also inside
 * another transaction (where it is a savepoint). */
static void
test_transaction_steps (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  const gint ok[] = { 1, 2, 0 }, failing[] = { 4, 8, -1, 16, 0 };

  td_db_exec (db, "CREATE TABLE t (x INTEGER)", &error);
  g_assert_true (td_db_transaction (db, insert_values, (gpointer)ok, &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_db_query_int (db, "SELECT sum(x) FROM t", -1, NULL), ==, 3);
  g_assert_false (td_db_transaction (db, insert_values, (gpointer)failing, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (td_db_query_int (db, "SELECT sum(x) FROM t", -1, NULL), ==, 3);

  g_assert_true (td_db_begin (db, &error));
  td_db_exec (db, "INSERT INTO t VALUES (32)", &error);
  g_assert_false (td_db_transaction (db, insert_values, (gpointer)failing, NULL));
  g_assert_true (td_db_transaction (db, insert_values, (gpointer)ok, NULL));
  g_assert_true (td_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_db_query_int (db, "SELECT sum(x) FROM t", -1, NULL), ==, 38);
  /* Nothing left open: a new transaction begins at the top. */
  g_assert_true (sqlite3_get_autocommit (td_db_get_handle (db)));
}

static void
test_audit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  sqlite3_stmt *stmt;

  g_assert_true (td_db_audit (db, "score", 7, "points", "2,5", "3", &error));
  g_assert_no_error (error);
  stmt = td_db_prepare (db, "SELECT tbl, row_id, field, old_value, new_value, user, at FROM audit",
                        &error);
  g_assert_cmpint (td_db_step (db, stmt, &error), ==, TD_STEP_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "score");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, 7);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 3), ==, "2,5");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 4), ==, "3");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 5), ==, g_get_user_name ());
  g_assert_nonnull (sqlite3_column_text (stmt, 6));
  sqlite3_reset (stmt);
}

static void
test_collation_and_fold_in_sql (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  sqlite3_stmt *stmt;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  td_db_exec (db,
              "CREATE TABLE u (name TEXT);"
              "INSERT INTO u VALUES ('Đắk Lắk'), ('Zeta'), ('Bình Phước'), ('Dĩ An'), ('Ấp Bắc');",
              &error);
  g_assert_no_error (error);
  stmt = td_db_prepare (db, "SELECT name FROM u ORDER BY name COLLATE VI", &error);
  while (td_db_step (db, stmt, &error) == TD_STEP_ROW)
    g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  g_assert_cmpuint (names->len, ==, 5);
  g_assert_cmpstr (names->pdata[0], ==, "Ấp Bắc");
  g_assert_cmpstr (names->pdata[1], ==, "Bình Phước");
  g_assert_cmpstr (names->pdata[2], ==, "Dĩ An");
  g_assert_cmpstr (names->pdata[3], ==, "Đắk Lắk");
  g_assert_cmpstr (names->pdata[4], ==, "Zeta");
  g_ptr_array_unref (names);

  g_assert_cmpint (
      td_db_query_int (db, "SELECT count(*) FROM u WHERE fold(name) LIKE '%dak lak%'", -1, &error),
      ==, 1);
}

/* Unit names as a bloc's list has them: sorted the Vietnamese way (a ă â,
 * d đ, o ô ơ, u ư; tones after the base letter), and found without case
 * or diacritics. */
static void
test_vietnamese_names (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  const char *expected[]
      = { "An Giang",  "Ăn Uống", "Ân Thi",   "Dĩ An",      "Đắk Lắk", "Đắk Nông",    "Hà Giang",
          "Hải Phòng", "Ô Môn",   "Ơn Nghĩa", "Sở Tư pháp", "Sở Y tế", "Tuyên Quang", "Ứng Hòa" };
  const char *shuffled[]
      = { "Sở Y tế",     "Ứng Hòa", "Đắk Nông",   "Ân Thi",   "Hải Phòng", "Ô Môn",   "An Giang",
          "Tuyên Quang", "Dĩ An",   "Sở Tư pháp", "Hà Giang", "Ơn Nghĩa",  "Đắk Lắk", "Ăn Uống" };
  sqlite3_stmt *stmt;
  guint i = 0;

  td_db_exec (db, "CREATE TABLE u (name TEXT COLLATE VI)", &error);
  stmt = td_db_prepare (db, "INSERT INTO u VALUES (?)", &error);
  for (guint k = 0; k < G_N_ELEMENTS (shuffled); k++)
    {
      stmt = td_db_prepare (db, "INSERT INTO u VALUES (?)", &error);
      sqlite3_bind_text (stmt, 1, shuffled[k], -1, SQLITE_STATIC);
      g_assert_true (td_db_run (db, stmt, &error));
    }
  stmt = td_db_prepare (db, "SELECT name FROM u ORDER BY name", &error);
  while (td_db_step (db, stmt, &error) == TD_STEP_ROW)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, expected[i]);
      i++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));

  /* Search: "so y te" finds "Sở Y tế" only; "dak" both Đắk; "UNG HOA" Ứng Hòa. */
  g_assert_cmpint (td_db_query_int (db,
                                    "SELECT count(*) FROM u WHERE fold(name) LIKE "
                                    "'%' || fold('so y te') || '%'",
                                    -1, NULL),
                   ==, 1);
  g_assert_cmpint (
      td_db_query_int (db, "SELECT count(*) FROM u WHERE fold(name) LIKE '%dak%'", -1, NULL), ==,
      2);
  g_assert_cmpint (td_db_query_int (db,
                                    "SELECT count(*) FROM u WHERE fold(name) = "
                                    "fold('ỨNG HÒA')",
                                    -1, NULL),
                   ==, 1);
  g_assert_cmpint (td_db_query_int (db, "SELECT count(*) FROM u WHERE fold(name) = 'an'", -1, NULL),
                   ==, 0);
}

/* The file's identity (calendar UIDs are named after it): given at the
 * first writable open, kept by every later open, never written by a
 * read-only one, which still gets a stable stand-in. */
static void
test_identity (void)
{
  g_autofree gchar *path = tmp_path ("identity.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, &error);
  g_autofree gchar *first = NULL;
  g_autofree gchar *other = NULL;

  g_assert_no_error (error);
  first = td_db_dup_identity (db);
  g_assert_true (g_uuid_string_is_valid (first));
  g_clear_object (&db);
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  {
    g_autofree gchar *again = td_db_dup_identity (db);
    g_assert_cmpstr (again, ==, first);
  }
  /* A file from before identities: read-only, it is not written to and
   * gets the same stand-in every time; opened for writing, it gets one. */
  g_assert_true (td_db_exec (db, "DELETE FROM meta WHERE key = 'uuid'", &error));
  g_clear_object (&db);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree gchar *stand_in = NULL;

      db = td_db_open (path, TD_DB_OPEN_READ_ONLY | TD_DB_OPEN_NO_BACKUP, &error);
      g_assert_no_error (error);
      stand_in = td_db_dup_identity (db);
      g_assert_nonnull (stand_in);
      g_assert_cmpstr (stand_in, !=, first);
      if (other == NULL)
        other = g_strdup (stand_in);
      g_assert_cmpstr (stand_in, ==, other);
      g_assert_null (td_db_get_meta (db, "uuid"));
      g_clear_object (&db);
    }
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  {
    g_autofree gchar *given = td_db_dup_identity (db);
    g_assert_true (g_uuid_string_is_valid (given));
    g_assert_cmpstr (given, !=, first);
  }
  /* Two new databases are two identities. */
  {
    g_autoptr (TdDb) a = td_db_new_memory (&error);
    g_autoptr (TdDb) b = td_db_new_memory (&error);
    g_autofree gchar *ia = td_db_dup_identity (a);
    g_autofree gchar *ib = td_db_dup_identity (b);
    g_assert_cmpstr (ia, !=, ib);
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/db/create-reopen", test_create_reopen);
  g_test_add_func ("/db/missing-file", test_missing_file);
  g_test_add_func ("/db/text-file-refused", test_text_file_refused);
  g_test_add_func ("/db/foreign-sqlite-refused", test_foreign_sqlite_refused);
  g_test_add_func ("/db/statements-and-steps", test_statements_and_steps);
  g_test_add_func ("/db/transactions", test_transactions);
  g_test_add_func ("/db/transaction-steps", test_transaction_steps);
  g_test_add_func ("/db/audit", test_audit);
  g_test_add_func ("/db/collation-and-fold", test_collation_and_fold_in_sql);
  g_test_add_func ("/db/vietnamese-names", test_vietnamese_names);
  g_test_add_func ("/db/identity", test_identity);
  return g_test_run ();
}
