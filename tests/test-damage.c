/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Damage is always found: a file closed cleanly here and then damaged with
 * its size, inode and modification time unchanged (a failing disk) is never
 * trusted on the record of its last close alone.  The command line checks
 * it before reading; the window's open checks it in the background and
 * stops every change when the check fails; small files are always checked
 * first.  The messages name the newest backup's path. */
#include "td-backup.h"
#include "td-db.h"
#include "td-demo.h"
#include "td-test-damage.h"
#include "td-test-tmp.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static gchar *test_dir;

static gchar *
tmp_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

/* The demo, padded to @pad_bytes more, closed cleanly (so the record of the
 * close is written), with a manual backup. */
static void
make_closed_db (const char *path, gint64 pad_bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_demo_create (path, &error);
  g_autoptr (TdBackup) backup = NULL;
  g_autofree gchar *sql = NULL;

  g_assert_no_error (error);
  /* A deferred check is only for files of several megabytes. */
  sql = g_strdup_printf (
      "CREATE TABLE pad (x BLOB); INSERT INTO pad VALUES (zeroblob(%" G_GINT64_FORMAT "))",
      pad_bytes);
  g_assert_true (td_db_exec (db, sql, &error));
  backup = td_backup_create (db, TD_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  /* Opened (and so checked) once more, and closed: now it has a record. */
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  td_db_close (db);
}

static void
keep_result (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static void
assert_names_backup (const GError *error, const char *path)
{
  g_autoptr (TdBackup) newest = td_backup_find_newest (path);

  g_assert_error (error, TD_ERROR, TD_ERROR_CORRUPT);
  g_assert_nonnull (newest);
  g_assert_nonnull (strstr (error->message, td_backup_get_path (newest)));
}

/* The command line (no TD_DB_OPEN_DEFER_CHECK): always the full check. */
static void
test_command_line_checks (void)
{
  g_autofree gchar *path = tmp_path ("cli.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;

  make_closed_db (path, 9 * 1024 * 1024);
  g_assert_false (td_db_open_will_check (path)); /* the record matches */
  td_test_damage_table (path, "unit");
  g_assert_false (td_db_open_will_check (path)); /* and still does */
  db = td_db_open (path, TD_DB_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  assert_names_backup (error, path);
  g_clear_error (&error);
  db = td_db_open (path, TD_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  assert_names_backup (error, path);
}

/* The window's open: at once, then the check in the background; on damage
 * no change is accepted any more, and the record is forgotten. */
static void
test_background_check_stops_changes (void)
{
  g_autofree gchar *path = tmp_path ("window.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  make_closed_db (path, 9 * 1024 * 1024);
  td_test_damage_table (path, "unit");
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP | TD_DB_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_true (td_db_get_check_deferred (db));
  g_assert_false (td_db_is_read_only (db));

  td_db_check_async (db, NULL, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (td_db_check_finish (db, result, &error));
  assert_names_backup (error, path);
  g_assert_nonnull (strstr (error->message, "stopped working on it"));
  g_clear_error (&error);
  g_assert_false (td_db_get_check_deferred (db));
  g_assert_true (td_db_is_read_only (db));
  g_assert_false (td_db_set_meta (db, "note", "after the damage", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CORRUPT);
  g_clear_error (&error);
  g_clear_object (&db);

  /* The record is gone: the next open checks before using the file. */
  g_assert_true (td_db_open_will_check (path));
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP | TD_DB_OPEN_DEFER_CHECK, &error);
  g_assert_null (db);
  assert_names_backup (error, path);
}

/* A healthy file: the background check passes and changes go on. */
static void
test_background_check_passes (void)
{
  g_autofree gchar *path = tmp_path ("healthy.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  make_closed_db (path, 9 * 1024 * 1024);
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP | TD_DB_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_true (td_db_get_check_deferred (db));
  td_db_check_async (db, NULL, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (td_db_check_finish (db, result, &error));
  g_assert_no_error (error);
  g_assert_false (td_db_get_check_deferred (db));
  g_assert_true (td_db_set_meta (db, "note", "vẫn làm việc được", &error));
  g_assert_no_error (error);
}

/* A small file is checked before use even with a matching record. */
static void
test_small_file_checked_first (void)
{
  g_autofree gchar *path = tmp_path ("small.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;

  make_closed_db (path, 0);
  td_test_damage_table (path, "unit");
  g_assert_true (td_db_open_will_check (path));
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP | TD_DB_OPEN_DEFER_CHECK, &error);
  g_assert_null (db);
  assert_names_backup (error, path);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  test_dir = td_test_make_tmp_dir ("thidua-damage-XXXXXX");
  {
    g_autofree gchar *data = g_build_filename (test_dir, "data", NULL);
    g_autofree gchar *cache = g_build_filename (test_dir, "cache", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/damage/command-line-checks", test_command_line_checks);
  g_test_add_func ("/damage/background-check-stops-changes", test_background_check_stops_changes);
  g_test_add_func ("/damage/background-check-passes", test_background_check_passes);
  g_test_add_func ("/damage/small-file-checked-first", test_small_file_checked_first);
  {
    int status = g_test_run ();

    /* A daily copy may still be writing into this run's folder, which is
     * removed at exit. */
    td_backup_stop_daily ();
    return status;
  }
}
