/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The check every writer makes: never the database (by any of its names),
 * its companion files, a backup, or — for a document — any database. */
#include "td-backup.h"
#include "td-db.h"
#include "td-output-guard.h"
#include "td-test-tmp.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

static gchar *test_dir;

static gchar *
tmp_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static void
assert_refused (const char *output, const char *db, TdOutputKind kind, const char *words)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (td_output_guard (output, db, kind, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  /* The message names what was asked for and says what to do. */
  g_assert_nonnull (strstr (error->message, words));
  g_assert_true (strstr (error->message, "Choose another") != NULL);
}

static void
assert_allowed (const char *output, const char *db, TdOutputKind kind)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (td_output_guard (output, db, kind, &error));
  g_assert_no_error (error);
}

static TdDb *
make_db (const char *path)
{
  g_autoptr (GError) error = NULL;
  TdDb *db = td_db_open (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, &error);

  g_assert_no_error (error);
  return db;
}

static void
test_the_database (void)
{
  g_autofree gchar *db_path = tmp_path ("Khoi 6.db");
  g_autoptr (TdDb) db = make_db (db_path);
  g_autofree gchar *twisted = g_build_filename (test_dir, ".", "sub", "..", "Khoi 6.db", NULL);
  g_autofree gchar *hard = tmp_path ("hard-link.xlsx");
  g_autofree gchar *soft = tmp_path ("soft-link.pdf");
  g_autofree gchar *other = tmp_path ("Bang xep hang.xlsx");
  g_autofree gchar *cwd = g_get_current_dir ();
  g_autofree gchar *sub = tmp_path ("sub");

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  /* Its own name, whichever kind of output. */
  assert_refused (db_path, db_path, TD_OUTPUT_DOCUMENT, "Khoi 6.db");
  assert_refused (db_path, db_path, TD_OUTPUT_DATABASE, "the database itself");
  /* Other names of the same file. */
  assert_refused (twisted, db_path, TD_OUTPUT_DATABASE, "the database itself");
  g_assert_cmpint (link (db_path, hard), ==, 0);
  assert_refused (hard, db_path, TD_OUTPUT_DATABASE, "hard-link.xlsx");
  g_assert_cmpint (symlink (db_path, soft), ==, 0);
  assert_refused (soft, db_path, TD_OUTPUT_DATABASE, "soft-link.pdf");
  /* A relative name from another working folder. */
  g_assert_cmpint (g_chdir (sub), ==, 0);
  assert_refused ("../Khoi 6.db", db_path, TD_OUTPUT_DATABASE, "the database itself");
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  /* The database named through a symbolic link: its real file too. */
  assert_refused (db_path, soft, TD_OUTPUT_DATABASE, "the database itself");
  /* Anything else is fine. */
  assert_allowed (other, db_path, TD_OUTPUT_DOCUMENT);
  assert_allowed (other, NULL, TD_OUTPUT_DOCUMENT);
  assert_allowed (other, ":memory:", TD_OUTPUT_DOCUMENT);
  g_unlink (hard);
  g_unlink (soft);
  g_rmdir (sub);
}

static void
test_companions (void)
{
  g_autofree gchar *db_path = tmp_path ("companions.db");
  g_autoptr (TdDb) db = make_db (db_path);
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  /* Open in WAL mode: -wal and -shm exist; -journal does not, and
   * would be taken by SQLite for a hot journal if something wrote it. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree gchar *companion = g_strconcat (db_path, suffixes[i], NULL);

      assert_refused (companion, db_path, TD_OUTPUT_DOCUMENT, "companion file");
      assert_refused (companion, db_path, TD_OUTPUT_DATABASE, "companion file");
      /* Also when the database is not the one named: any database's. */
      assert_refused (companion, NULL, TD_OUTPUT_DATABASE, "companions.db");
    }
  /* A name that only looks like one, with no database beside it. */
  {
    g_autofree gchar *lone = tmp_path ("nothing.db-wal");
    assert_allowed (lone, db_path, TD_OUTPUT_DOCUMENT);
  }
}

static void
test_backups (void)
{
  g_autofree gchar *db_path = tmp_path ("backed-up.db");
  g_autoptr (TdDb) db = make_db (db_path);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBackup) backup = td_backup_create (db, TD_BACKUP_MANUAL, &error);
  g_autofree gchar *dir = td_backup_get_dir ();
  g_autofree gchar *fresh = g_build_filename (dir, "new-name.xlsx", NULL);

  g_assert_no_error (error);
  assert_refused (td_backup_get_path (backup), db_path, TD_OUTPUT_DOCUMENT, "backup folder");
  assert_refused (td_backup_get_path (backup), NULL, TD_OUTPUT_DATABASE, "backup folder");
  assert_refused (fresh, db_path, TD_OUTPUT_DOCUMENT, "backup folder");
}

static void
test_documents_never_over_a_database (void)
{
  g_autofree gchar *db_path = tmp_path ("open.db");
  g_autofree gchar *another = tmp_path ("another year.db");
  g_autofree gchar *foreign = tmp_path ("foreign.sqlite");
  g_autoptr (TdDb) db = make_db (db_path);
  g_autoptr (TdDb) other = make_db (another);

  g_assert_true (g_file_set_contents (foreign, "SQLite format 3\0and more", 24, NULL));
  assert_refused (another, db_path, TD_OUTPUT_DOCUMENT, "is a database");
  assert_refused (foreign, db_path, TD_OUTPUT_DOCUMENT, "foreign.sqlite");
  /* A copy of a database may replace another database: the clerk chose. */
  assert_allowed (another, db_path, TD_OUTPUT_DATABASE);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  test_dir = td_test_make_tmp_dir ("thidua-guard-XXXXXX");
  {
    g_autofree gchar *data = g_build_filename (test_dir, "data", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  /* English messages, whatever the locale the suite runs in. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/output-guard/the-database", test_the_database);
  g_test_add_func ("/output-guard/companions", test_companions);
  g_test_add_func ("/output-guard/backups", test_backups);
  g_test_add_func ("/output-guard/documents", test_documents_never_over_a_database);
  {
    int status = g_test_run ();

    /* A daily copy may still be writing into this run's folder, which is
     * removed at exit. */
    td_backup_stop_daily ();
    return status;
  }
}
