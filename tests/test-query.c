/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The query helpers of core (td-query.h): every parameter type binds what
 * it says, one row or NOT_FOUND, lists, and a change that is committed
 * with its audit row or rolled back whole. */
#include "config.h"

#include "td-query.h"
#include "td-record.h"

#include <string.h>

static TdDb *
scratch_db (void)
{
  g_autoptr (GError) error = NULL;
  TdDb *db = td_db_new_memory (&error);

  g_assert_no_error (error);
  g_assert_true (td_db_exec (db,
                             "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, name TEXT,"
                             " ref INTEGER, flag INTEGER)",
                             &error));
  g_assert_no_error (error);
  return db;
}

typedef struct
{
  gint64 id;
  gchar *name;
} Row;

static void
row_free (Row *row)
{
  g_free (row->name);
  g_free (row);
}

static gpointer
row_from (sqlite3_stmt *stmt)
{
  Row *row = g_new0 (Row, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->name = td_query_column_dup (stmt, 1);
  return row;
}

static void
test_bind_types (void)
{
  g_autoptr (TdDb) db = scratch_db ();
  g_autoptr (GError) error = NULL;

  g_assert_true (td_query_run (db, "INSERT INTO t (n, name, ref, flag) VALUES (?, ?, ?, ?)", &error,
                               "xsrb", G_GINT64_CONSTANT (5000000000), "Sở Y tế", (gint64)0, TRUE));
  g_assert_true (td_query_run (db, "INSERT INTO t (n, name, ref, flag) VALUES (?, ?, ?, ?)", &error,
                               "ierb", 7, NULL, (gint64)42, FALSE));
  g_assert_true (
      td_query_run (db, "INSERT INTO t (n, name) VALUES (?, ?)", &error, "ns", "không có số"));
  g_assert_no_error (error);
  /* x: 64 bits; r: 0 is NULL, 42 stays; b: 1 and 0; s: NULL; e: NULL is ''. */
  g_assert_cmpint (td_query_int (db, "SELECT n FROM t WHERE id = 1", -1, NULL, NULL), ==,
                   G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM t WHERE ref IS NULL", -1, NULL, NULL),
                   ==, 2);
  g_assert_cmpint (td_query_int (db, "SELECT ref FROM t WHERE id = ?", -1, NULL, "x", (gint64)2),
                   ==, 42);
  g_assert_cmpint (td_query_int (db, "SELECT sum (flag) FROM t", -1, NULL, NULL), ==, 1);
  {
    g_autofree gchar *empty = td_query_text (db, "SELECT name FROM t WHERE id = 2", NULL, NULL);
    g_autofree gchar *vi = td_query_text (db, "SELECT name FROM t WHERE id = 1", NULL, NULL);
    g_autofree gchar *none = td_query_text (db, "SELECT name FROM t WHERE id = 99", NULL, NULL);

    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (vi, ==, "Sở Y tế");
    g_assert_null (none);
  }
  g_assert_cmpint (td_query_int (db, "SELECT n FROM t WHERE id = 3", -1, NULL, NULL), ==, -1);
}

static void
test_one_and_list (void)
{
  g_autoptr (TdDb) db = scratch_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) ids = NULL;
  Row *row;

  for (gint i = 1; i <= 3; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("đơn vị %d", i);
      g_assert_true (
          td_query_run (db, "INSERT INTO t (n, name) VALUES (?, ?)", NULL, "is", i, name));
    }
  row = td_query_one (db, "SELECT id, name FROM t WHERE n = ?", row_from, "gone", &error, "i", 2);
  g_assert_no_error (error);
  g_assert_cmpstr (row->name, ==, "đơn vị 2");
  row_free (row);

  /* No row: NULL and the message given, or no error at all. */
  g_assert_null (td_query_one (db, "SELECT id, name FROM t WHERE n = ?", row_from,
                               "The unit no longer exists.", &error, "i", 9));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The unit no longer exists.");
  g_clear_error (&error);
  g_assert_null (
      td_query_one (db, "SELECT id, name FROM t WHERE n = ?", row_from, NULL, &error, "i", 9));
  g_assert_no_error (error);

  rows = td_query_list (db, "SELECT id, name FROM t WHERE n >= ? ORDER BY n DESC", row_from,
                        (GDestroyNotify)row_free, &error, "i", 2);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((Row *)rows->pdata[0])->name, ==, "đơn vị 3");
  ids = td_query_ids (db, "SELECT id FROM t ORDER BY id", &error, NULL);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, 3);

  /* Bad SQL: NULL and an error, never half a list. */
  g_assert_null (td_query_list (db, "SELECT nothing FROM nowhere", row_from,
                                (GDestroyNotify)row_free, &error, NULL));
  g_assert_nonnull (error);
}

static gboolean
insert_two_then (TdDb *db, gpointer data, GError **error)
{
  gboolean fail = GPOINTER_TO_INT (data);

  return td_query_run (db, "INSERT INTO t (n) VALUES (1)", error, NULL)
         && td_query_run (db, "INSERT INTO t (n) VALUES (2)", error, NULL)
         && (!fail || td_query_run (db, "INSERT INTO missing VALUES (3)", error, NULL));
}

static void
on_changed (TdDb *db, const char *what, gpointer data)
{
  g_string_append_printf (data, "%s;", what);
}

static void
test_change_with_audit (void)
{
  g_autoptr (TdDb) db = scratch_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) heard = g_string_new (NULL);
  TdAudit audit = { "t", 1, "n", NULL, "1, 2" };

  g_signal_connect (db, "changed", G_CALLBACK (on_changed), heard);
  /* A failing step undoes the whole change, audit included, and says nothing. */
  g_assert_false (
      td_query_change (db, "probe", &audit, insert_two_then, GINT_TO_POINTER (TRUE), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM t", -1, NULL, NULL), ==, 0);
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM audit", -1, NULL, NULL), ==, 0);
  g_assert_cmpstr (heard->str, ==, "");

  g_assert_true (
      td_query_change (db, "probe", &audit, insert_two_then, GINT_TO_POINTER (FALSE), &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM t", -1, NULL, NULL), ==, 2);
  g_assert_cmpint (
      td_query_int (db, "SELECT count (*) FROM audit WHERE new_value = '1, 2'", -1, NULL, NULL), ==,
      1);
  g_assert_cmpstr (heard->str, ==, "probe;");

  /* One statement: audited in a transaction, or run alone. */
  g_assert_true (
      td_query_run_change (db, "one", &audit, &error, "DELETE FROM t WHERE n = ?", "i", 1));
  g_assert_true (td_query_run_change (db, NULL, NULL, &error, "DELETE FROM t", NULL));
  g_assert_no_error (error);
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM t", -1, NULL, NULL), ==, 0);
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM audit", -1, NULL, NULL), ==, 2);
  g_assert_cmpstr (heard->str, ==, "probe;one;");
}

/* 'o': an amount of 0 is kept, below 0 (no cap) is NULL. */
static void
test_optional_amount (void)
{
  g_autoptr (TdDb) db = scratch_db ();
  g_autoptr (GError) error = NULL;

  g_assert_true (td_query_run (db, "INSERT INTO t (id, n) VALUES (1, ?), (2, ?), (3, ?)", &error,
                               "ooo", (gint64)0, (gint64)-1, (gint64)250));
  g_assert_no_error (error);
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM t WHERE n IS NULL", -1, NULL, NULL), ==,
                   1);
  g_assert_cmpint (td_query_int (db, "SELECT n FROM t WHERE id = 1", -1, NULL, NULL), ==, 0);
  g_assert_cmpint (td_query_int (db, "SELECT n FROM t WHERE id = 3", -1, NULL, NULL), ==, 250);
}

/* 'm': a value that may be absent binds NULL without it, even when it is
 * 0 (td_query_columns reads it back, see test_columns). */
static void
test_maybe_value (void)
{
  g_autoptr (TdDb) db = scratch_db ();
  g_autoptr (GError) error = NULL;

  g_assert_true (td_query_run (db, "INSERT INTO t (id, n) VALUES (1, ?), (2, ?), (3, ?)", &error,
                               "mmm", TRUE, (gint64)0, FALSE, (gint64)7, TRUE,
                               G_GINT64_CONSTANT (5000000000)));
  g_assert_no_error (error);
  g_assert_cmpint (td_query_int (db, "SELECT id FROM t WHERE n IS NULL", -1, NULL, NULL), ==, 2);
  g_assert_cmpint (td_query_int (db, "SELECT n FROM t WHERE id = 1", -1, NULL, NULL), ==, 0);
  g_assert_cmpint (td_query_int (db, "SELECT n FROM t WHERE id = 3", -1, NULL, NULL), ==,
                   G_GINT64_CONSTANT (5000000000));
}

/* 'd': a date binds as the ISO text the file keeps; no date, or one not
 * set, binds NULL. */
static void
test_date_value (void)
{
  g_autoptr (TdDb) db = scratch_db ();
  g_autoptr (GError) error = NULL;
  GDate day, unset;
  g_autofree gchar *text = NULL;

  g_date_set_dmy (&day, 7, 5, 1954);
  g_date_clear (&unset, 1);
  g_assert_true (td_query_run (db, "INSERT INTO t (id, name) VALUES (1, ?), (2, ?), (3, ?)", &error,
                               "ddd", &day, &unset, (const GDate *)NULL));
  g_assert_no_error (error);
  text = td_query_text (db, "SELECT name FROM t WHERE id = 1", &error, NULL);
  g_assert_cmpstr (text, ==, "1954-05-07");
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM t WHERE name IS NULL", -1, NULL, NULL),
                   ==, 2);
}

/* A change of several steps: kept and announced only when every step went well. */
static void
test_finish (void)
{
  g_autoptr (TdDb) db = scratch_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) heard = g_string_new (NULL);

  g_signal_connect (db, "changed", G_CALLBACK (on_changed), heard);
  g_assert_true (td_db_begin (db, &error));
  g_assert_true (td_query_run (db, "INSERT INTO t (n) VALUES (1)", &error, NULL));
  g_assert_false (td_query_finish (db, FALSE, "probe", &error));
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM t", -1, NULL, NULL), ==, 0);
  g_assert_cmpstr (heard->str, ==, "");

  g_assert_true (td_db_begin (db, &error));
  g_assert_true (td_query_run (db, "INSERT INTO t (n) VALUES (2)", &error, NULL));
  g_assert_true (td_query_finish (db, TRUE, "probe", &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM t", -1, NULL, NULL), ==, 1);
  g_assert_cmpstr (heard->str, ==, "probe;");
}

/* td_query_columns reads each column as its letter says, into places
 * that may already hold a string of the record. */
static void
test_columns (void)
{
  g_autoptr (TdDb) db = scratch_db ();
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0, big = 0, cap = 0, none = 0, absent = -1, zero = -1;
  gint n = 0;
  gboolean flag = FALSE, has_absent = TRUE, has_zero = FALSE;
  g_autofree gchar *name = g_strdup ("old");
  g_autofree gchar *empty = NULL;
  g_autofree gchar *null_text = NULL;
  GDate date, bad;

  g_date_clear (&date, 1);
  g_date_set_dmy (&bad, 1, 1, 2000);
  stmt = td_query_prepare (db,
                           "SELECT 3, 5000000000, 7, 2, 'Sở Y tế', NULL, NULL, '2024-12-31',"
                           " 'không phải ngày', NULL, 'bỏ qua', 125, NULL, 0",
                           &error, NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (td_db_step (db, stmt, &error), ==, TD_STEP_ROW);
  td_query_columns (stmt, "xxibsesddo-omm", &id, &big, &n, &flag, &name, &empty, &null_text, &date,
                    &bad, &none, &cap, &has_absent, &absent, &has_zero, &zero);
  sqlite3_reset (stmt);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 3);
  g_assert_cmpint (big, ==, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (n, ==, 7);
  g_assert_true (flag);
  g_assert_cmpstr (name, ==, "Sở Y tế"); /* "old" freed: the sanitizer run sees a leak else */
  g_assert_cmpstr (empty, ==, "");
  g_assert_null (null_text);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_day (&date), ==, 31);
  g_assert_false (g_date_valid (&bad));
  g_assert_cmpint (none, ==, -1); /* 'o': NULL is no cap */
  g_assert_cmpint (cap, ==, 125);
  g_assert_false (has_absent); /* 'm': NULL is no value, read as 0 */
  g_assert_cmpint (absent, ==, 0);
  g_assert_true (has_zero); /* 'm': 0 is a value */
  g_assert_cmpint (zero, ==, 0);
}

/* A change that kept its first error: rolled back and the error handed
 * on; without one, committed. */
static void
test_finish_local (void)
{
  g_autoptr (TdDb) db = scratch_db ();
  g_autoptr (GError) error = NULL;
  GError *local = NULL;

  g_assert_true (td_db_begin (db, &error));
  g_assert_true (td_query_run (db, "INSERT INTO t (n) VALUES (1)", &local, NULL));
  g_assert_false (td_query_run (db, "INSERT INTO nowhere VALUES (1)", &local, NULL));
  g_assert_nonnull (local);
  g_assert_false (td_query_finish_local (db, local, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM t", -1, NULL, NULL), ==, 0);
  g_clear_error (&error);

  g_assert_true (td_db_begin (db, &error));
  g_assert_true (td_query_run (db, "INSERT INTO t (n) VALUES (2)", &error, NULL));
  g_assert_true (td_query_finish_local (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_query_int (db, "SELECT count (*) FROM t", -1, NULL, NULL), ==, 1);
}

typedef struct
{
  gint64 id;
  gchar *name;
  gchar *notes;
} Record;

static const gsize record_texts[]
    = { G_STRUCT_OFFSET (Record, name), G_STRUCT_OFFSET (Record, notes), TD_RECORD_END };

/* A copy owns its own texts (freeing the original leaves it whole). */
static void
test_record (void)
{
  Record *original = g_new0 (Record, 1);
  Record *copy;

  original->id = 7;
  original->name = g_strdup ("Sở Y tế");
  copy = td_record_copy (original, sizeof *original, record_texts);
  td_record_free (original, record_texts);
  g_assert_cmpint (copy->id, ==, 7);
  g_assert_cmpstr (copy->name, ==, "Sở Y tế");
  g_assert_null (copy->notes);
  td_record_clear_texts (copy, record_texts);
  g_assert_null (copy->name);
  td_record_free (copy, record_texts);
  td_record_free (NULL, record_texts);
}

/* What td_record_free_full() frees, in order. */
static GString *freed;

static void
note_freed (gpointer part)
{
  g_string_append_printf (freed, "%s;", (const char *)part);
  g_free (part);
}

typedef struct
{
  gchar *name;
  gchar *first;
  gchar *missing;
  gchar *second;
} Owner;

static const gsize owner_texts[] = { G_STRUCT_OFFSET (Owner, name), TD_RECORD_END };
static const TdRecordPart owner_parts[] = { { G_STRUCT_OFFSET (Owner, first), note_freed },
                                            { G_STRUCT_OFFSET (Owner, missing), note_freed },
                                            { G_STRUCT_OFFSET (Owner, second), note_freed },
                                            { TD_RECORD_END } };

static void
test_record_parts (void)
{
  Owner *owner = g_new0 (Owner, 1);

  freed = g_string_new (NULL);
  owner->name = g_strdup ("Khối 6");
  owner->first = g_strdup ("a");
  owner->second = g_strdup ("b");
  /* Each part present is freed once, in the order listed; a NULL part
   * (one a failed read never filled) is passed over. */
  td_record_free_full (owner, owner_texts, owner_parts);
  g_assert_cmpstr (freed->str, ==, "a;b;");
  td_record_free_full (NULL, owner_texts, owner_parts);
  g_assert_cmpstr (freed->str, ==, "a;b;");
  owner = g_new0 (Owner, 1);
  owner->first = g_strdup ("c");
  td_record_free_full (owner, NULL, owner_parts);
  g_assert_cmpstr (freed->str, ==, "a;b;c;");
  g_string_free (freed, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/query/bind-types", test_bind_types);
  g_test_add_func ("/query/one-and-list", test_one_and_list);
  g_test_add_func ("/query/change-with-audit", test_change_with_audit);
  g_test_add_func ("/query/optional-amount", test_optional_amount);
  g_test_add_func ("/query/maybe-value", test_maybe_value);
  g_test_add_func ("/query/date-value", test_date_value);
  g_test_add_func ("/query/finish", test_finish);
  g_test_add_func ("/query/finish-local", test_finish_local);
  g_test_add_func ("/query/columns", test_columns);
  g_test_add_func ("/query/record", test_record);
  g_test_add_func ("/query/record-parts", test_record_parts);
  return g_test_run ();
}
