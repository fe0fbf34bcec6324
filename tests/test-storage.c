/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What can go wrong with the database file, each case made to happen: a
 * foreign, newer, truncated or damaged file (refused, byte-for-byte and
 * mtime untouched), read-only, locked, disk full, a kill in the middle of
 * writing, and the upgrade from every earlier schema version. */
#include "td-backup.h"
#include "td-db.h"
#include "td-test-tmp.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static gchar *test_dir;

static gchar *
tmp_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

typedef struct
{
  gchar *bytes;
  gsize len;
  struct timespec mtime;
} Snapshot;

static void
snapshot_take (Snapshot *snap, const char *path)
{
  struct stat st;

  g_assert_true (g_file_get_contents (path, &snap->bytes, &snap->len, NULL));
  g_assert_cmpint (stat (path, &st), ==, 0);
  snap->mtime = st.st_mtim;
}

/* The file is exactly as it was, and nothing was created beside it. */
static void
snapshot_assert_untouched (Snapshot *snap, const char *path)
{
  g_autofree gchar *after = NULL;
  g_autofree gchar *wal = g_strconcat (path, "-wal", NULL);
  g_autofree gchar *journal = g_strconcat (path, "-journal", NULL);
  gsize len = 0;
  struct stat st;

  g_assert_true (g_file_get_contents (path, &after, &len, NULL));
  g_assert_cmpmem (snap->bytes, snap->len, after, len);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mtim.tv_sec, ==, snap->mtime.tv_sec);
  g_assert_cmpint (st.st_mtim.tv_nsec, ==, snap->mtime.tv_nsec);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_clear_pointer (&snap->bytes, g_free);
}

/* A closed Thi Đua database holding @rows rows of about 200 bytes, so that
 * it spans many pages. */
static void
make_db (const char *path, gint rows)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, &error);
  sqlite3_stmt *insert;

  g_assert_no_error (error);
  g_assert_true (td_db_exec (db, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)", &error));
  g_assert_true (td_db_begin (db, &error));
  insert = td_db_prepare (db, "INSERT INTO t (id, name) VALUES (?, ?)", &error);
  for (gint i = 1; i <= rows; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("Đơn vị %d — %0200d", i, i);

      sqlite3_bind_int (insert, 1, i);
      sqlite3_bind_text (insert, 2, name, -1, SQLITE_TRANSIENT);
      g_assert_true (td_db_run (db, insert, &error));
    }
  g_assert_true (td_db_commit (db, &error));
  g_assert_no_error (error);
}

static gint64
count_rows (TdDb *db)
{
  return td_db_query_int (db, "SELECT count(*) FROM t", -1, NULL);
}

static gboolean
quick_check_ok (TdDb *db)
{
  sqlite3_stmt *stmt = td_db_prepare (db, "PRAGMA quick_check", NULL);
  gboolean ok;

  g_assert_cmpint (td_db_step (db, stmt, NULL), ==, TD_STEP_ROW);
  ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_reset (stmt);
  return ok;
}

static void
test_text_file (void)
{
  g_autofree gchar *path = tmp_path ("danh-sach.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  Snapshot snap;

  g_assert_true (g_file_set_contents (path, "Danh sách đơn vị\nSở Y tế\nSở Tư pháp\n", -1, NULL));
  snapshot_take (&snap, path);
  db = td_db_open (path, TD_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_THIDUA);
  g_assert_nonnull (strstr (error->message, "danh-sach.db"));
  snapshot_assert_untouched (&snap, path);
}

static void
test_foreign_sqlite (void)
{
  const char *setups[] = {
    /* no application id at all */
    "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Lan');",
    /* another program's id, and WAL like ours */
    "PRAGMA application_id = 1234; PRAGMA journal_mode = WAL;"
    "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');",
  };

  for (guint i = 0; i < G_N_ELEMENTS (setups); i++)
    {
      g_autofree gchar *name = g_strdup_printf ("other-%u.sqlite", i);
      g_autofree gchar *path = tmp_path (name);
      g_autoptr (GError) error = NULL;
      g_autoptr (TdDb) db = NULL;
      sqlite3 *other = NULL;
      Snapshot snap;

      g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (other, setups[i], NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
      snapshot_take (&snap, path);

      db = td_db_open (path, TD_DB_OPEN_DEFAULT, &error);
      g_assert_null (db);
      g_assert_error (error, TD_ERROR, TD_ERROR_NOT_THIDUA);
      g_assert_nonnull (strstr (error->message, "untouched"));
      snapshot_assert_untouched (&snap, path);
    }
}

static void
test_newer_version (void)
{
  g_autofree gchar *path = tmp_path ("newer.db");
  g_autofree gchar *expected = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  sqlite3 *raw = NULL;
  gint newer = td_schema_get_current_version () + 6;
  g_autofree gchar *sql = g_strdup_printf ("PRAGMA user_version = %d", newer);
  Snapshot snap;

  make_db (path, 3);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
  snapshot_take (&snap, path);

  db = td_db_open (path, TD_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, TD_ERROR, TD_ERROR_TOO_NEW);
  expected = g_strdup_printf ("(schema %d)", newer);
  g_assert_nonnull (strstr (error->message, expected));
  snapshot_assert_untouched (&snap, path);
}

static void
test_truncated (void)
{
  g_autofree gchar *path = tmp_path ("truncated.db");
  GStatBuf st;
  goffset cuts[] = { 0, 50 };

  make_db (path, 400);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 20 * 4096);
  cuts[0] = st.st_size / 2 + 100; /* mid-page, as a failed copy leaves it */

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (TdDb) db = NULL;
      Snapshot snap;

      g_assert_cmpint (truncate (path, cuts[i]), ==, 0);
      snapshot_take (&snap, path);
      db = td_db_open (path, TD_DB_OPEN_DEFAULT, &error);
      g_assert_null (db);
      g_assert_error (error, TD_ERROR, TD_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "truncated.db"));
      snapshot_assert_untouched (&snap, path);
    }
}

static void
test_damaged_page (void)
{
  g_autofree gchar *path = tmp_path ("damaged.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  g_autoptr (TdBackup) backup = NULL;
  guint8 garbage[4096];
  Snapshot snap;
  int fd;

  make_db (path, 400);
  /* A backup first, so the message can point at it. */
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  backup = td_backup_create (db, TD_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* Page 5 is a leaf of table t: overwrite it as a bad sector would. */
  memset (garbage, 0xAB, sizeof garbage);
  fd = open (path, O_WRONLY);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, 4 * 4096), ==, sizeof garbage);
  close (fd);
  snapshot_take (&snap, path);

  db = td_db_open (path, TD_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, TD_ERROR, TD_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, td_backup_get_path (backup)));
  snapshot_assert_untouched (&snap, path);
}

static void
test_read_only_file (void)
{
  g_autofree gchar *path = tmp_path ("read-only.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  Snapshot snap;

  make_db (path, 5);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  snapshot_take (&snap, path);

  db = td_db_open (path, TD_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (td_db_is_read_only (db));
  g_assert_cmpint (count_rows (db), ==, 5);

  g_assert_false (td_db_begin (db, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (td_db_exec (db, "INSERT INTO t (name) VALUES ('x')", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Save a copy"));
  g_clear_error (&error);
  g_assert_false (td_db_set_meta (db, "k", "v", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_READ_ONLY);
  g_clear_object (&db);
  snapshot_assert_untouched (&snap, path);

  /* Asked for read-only on a writable file. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_clear_error (&error);
  db = td_db_open (path, TD_DB_OPEN_READ_ONLY | TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (td_db_is_read_only (db));
  g_assert_false (td_db_exec (db, "DELETE FROM t", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_READ_ONLY);
  g_assert_cmpint (count_rows (db), ==, 5);
}

/* As an ordinary user, a WAL database in a folder she cannot write to: no
 * -shm file can be made, so the file is opened immutable. */
static void
test_read_only_folder (void)
{
  g_autofree gchar *dir = tmp_path ("locked-folder");
  g_autofree gchar *path = g_build_filename (dir, "shared.db", NULL);
  g_autofree gchar *pending = g_build_filename (dir, "pending.db", NULL);
  pid_t pid;
  int status = 0;

  if (getuid () != 0)
    {
      g_test_skip ("needs root to switch to another user");
      return;
    }
  g_assert_cmpint (g_chmod (test_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  make_db (path, 7);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  /* A copy taken while the database was open: the file and its -wal. */
  {
    g_autofree gchar *live = tmp_path ("live.db");
    g_autofree gchar *live_wal = g_strconcat (live, "-wal", NULL);
    g_autofree gchar *pending_wal = g_strconcat (pending, "-wal", NULL);
    g_autoptr (TdDb) open_db = NULL;
    g_autofree gchar *bytes = NULL;
    gsize len = 0;

    make_db (live, 0);
    open_db = td_db_open (live, TD_DB_OPEN_NO_BACKUP, NULL);
    g_assert_true (td_db_exec (open_db,
                               "PRAGMA wal_autocheckpoint = 0;"
                               "INSERT INTO t (name) VALUES ('waiting in the wal')",
                               NULL));
    g_assert_true (g_file_get_contents (live, &bytes, &len, NULL));
    g_assert_true (g_file_set_contents (pending, bytes, len, NULL));
    g_free (bytes);
    g_assert_true (g_file_get_contents (live_wal, &bytes, &len, NULL));
    g_assert_cmpuint (len, >, 0);
    g_assert_true (g_file_set_contents (pending_wal, bytes, len, NULL));
    g_assert_cmpint (g_chmod (pending, 0644), ==, 0);
    g_assert_cmpint (g_chmod (pending_wal, 0644), ==, 0);
  }

  pid = fork ();
  if (pid == 0)
    {
      g_autoptr (GError) error = NULL;
      TdDb *db;

      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (10);
      db = td_db_open (path, TD_DB_OPEN_DEFAULT | TD_DB_OPEN_NO_BACKUP, &error);
      if (db == NULL)
        _exit (11);
      if (!td_db_is_read_only (db))
        _exit (12);
      if (td_db_query_int (db, "SELECT count(*) FROM t", -1, NULL) != 7)
        _exit (13);
      if (td_db_exec (db, "DELETE FROM t", &error)
          || !g_error_matches (error, TD_ERROR, TD_ERROR_READ_ONLY))
        _exit (14);
      g_clear_error (&error);
      /* With changes waiting in a -wal file that cannot be shared: refused,
       * never shown in part. */
      if (td_db_open (pending, TD_DB_OPEN_NO_BACKUP, &error) != NULL
          || !g_error_matches (error, TD_ERROR, TD_ERROR_READ_ONLY)
          || strstr (error->message, "pending.db-wal") == NULL)
        _exit (15);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_locked (void)
{
  g_autofree gchar *path = tmp_path ("locked.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  sqlite3 *other = NULL;
  gint64 start, elapsed;

  make_db (path, 3);

  /* Another program is in the middle of writing. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; INSERT INTO t (name) VALUES ('other');",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error); /* reading goes on (WAL) */
  g_assert_cmpint (count_rows (db), ==, 3);
  start = g_get_monotonic_time ();
  g_assert_false (td_db_begin (db, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (error, TD_ERROR, TD_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_test_message ("busy after %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, >=, 2500 * 1000);
  g_assert_cmpint (elapsed, <, 10 * 1000 * 1000);
  g_clear_error (&error);
  g_clear_object (&db);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);

  /* Another program holds the file for itself: even opening is refused. */
  g_assert_cmpint (sqlite3_exec (other,
                                 "PRAGMA locking_mode = EXCLUSIVE; BEGIN IMMEDIATE;"
                                 "INSERT INTO t (name) VALUES ('other'); COMMIT;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  start = g_get_monotonic_time ();
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_null (db);
  g_assert_error (error, TD_ERROR, TD_ERROR_BUSY);
  g_assert_cmpint (elapsed, >=, 2500 * 1000);
  g_assert_cmpint (elapsed, <, 10 * 1000 * 1000);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);

  /* Released: all is well again. */
  g_clear_error (&error);
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db), ==, 4);
}

/* A child limited to small files (ulimit -f) writes until the disk is
 * "full"; its error must say so, and everything it committed must be there. */
static void
test_disk_full (void)
{
  g_autofree gchar *path = tmp_path ("full.db");
  int fds[2];
  pid_t pid;
  int status = 0;
  gint32 report[2] = { -1, -1 };

  make_db (path, 1);
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  if (pid == 0)
    {
      struct rlimit limit = { 256 * 1024, 256 * 1024 };
      g_autoptr (GError) error = NULL;
      g_autoptr (TdDb) db = NULL;
      gint32 committed = 0, code = -1;
      g_autofree gchar *blob = g_strnfill (6000, 'x');

      close (fds[0]);
      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);
      db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
      while (db != NULL && committed < 10000)
        {
          sqlite3_stmt *insert;

          if (!td_db_begin (db, &error))
            break;
          insert = td_db_prepare (db, "INSERT INTO t (name) VALUES (?)", &error);
          sqlite3_bind_text (insert, 1, blob, -1, SQLITE_STATIC);
          if (!td_db_run (db, insert, &error) || !td_db_commit (db, &error))
            {
              td_db_rollback (db);
              break;
            }
          committed++;
        }
      if (error != NULL)
        g_printerr ("# child: %s\n", error->message);
      if (error != NULL && error->domain == TD_ERROR)
        code = error->code;
      report[0] = committed;
      report[1] = code;
      if (write (fds[1], report, sizeof report) != sizeof report)
        _exit (2);
      _exit (0);
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], report, sizeof report), ==, sizeof report);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_test_message ("committed %d rows before the disk was full", report[0]);
  g_assert_cmpint (report[1], ==, TD_ERROR_DISK_FULL);
  g_assert_cmpint (report[0], >, 5);
  g_assert_cmpint (report[0], <, 10000);

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (TdDb) db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);

    g_assert_no_error (error);
    g_assert_true (quick_check_ok (db));
    g_assert_cmpint (count_rows (db), ==, 1 + report[0]);
  }
}

/* Saving a copy to a device that is always full: a clear error, and the
 * open database is intact and readable. */
static void
test_save_copy_disk_full (void)
{
  g_autofree gchar *path = tmp_path ("copy-source.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  make_db (path, 50);
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_false (td_backup_save_copy (db, "/dev/full", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_false (g_file_test ("/dev/full-journal", G_FILE_TEST_EXISTS));
  g_assert_true (quick_check_ok (db));
  g_assert_cmpint (count_rows (db), ==, 50);
  g_clear_error (&error);
  g_assert_true (td_db_exec (db, "INSERT INTO t (name) VALUES ('after')", &error));
  g_assert_cmpint (count_rows (db), ==, 51);
}

/* The child commits rows one transaction at a time, reporting each through
 * the pipe, then (with @hold) opens a big transaction it never commits. */
static void
writer_child (const char *path, int fd, gboolean hold)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  gint32 i;

  if (db == NULL)
    _exit (3);
  for (i = 1; i <= (hold ? 150 : 100000); i++)
    {
      sqlite3_stmt *insert;

      td_db_begin (db, NULL);
      insert = td_db_prepare (db, "INSERT INTO t (id, name) VALUES (?, 'committed')", NULL);
      sqlite3_bind_int (insert, 1, i);
      td_db_run (db, insert, NULL);
      if (!td_db_commit (db, NULL))
        _exit (4);
      if (write (fd, &i, sizeof i) != sizeof i)
        _exit (5);
    }
  if (hold)
    {
      gint32 marker = -1;

      /* Enough rows for pages to spill into the WAL before the commit. */
      td_db_begin (db, NULL);
      td_db_exec (db,
                  "WITH RECURSIVE n(x) AS (SELECT 1000000 UNION ALL SELECT x + 1 FROM n "
                  "WHERE x < 1020000) INSERT INTO t (id, name) SELECT x, 'uncommitted' FROM n",
                  NULL);
      if (write (fd, &marker, sizeof marker) != sizeof marker)
        _exit (5);
      pause ();
    }
  _exit (0);
}

static void
kill_while_writing (gboolean hold)
{
  g_autofree gchar *path = tmp_path (hold ? "killed-held.db" : "killed-loop.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  gint32 value, last = 0;
  gboolean held = FALSE;
  int fds[2];
  int status = 0;
  pid_t pid;

  g_remove (path);
  make_db (path, 0);
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      writer_child (path, fds[1], hold);
    }
  close (fds[1]);
  while (read (fds[0], &value, sizeof value) == sizeof value)
    {
      if (value == -1)
        held = TRUE;
      else
        last = value;
      if ((hold && held) || (!hold && last >= 300))
        break;
    }
  kill (pid, SIGKILL);
  /* Drain what was reported before the kill landed. */
  while (read (fds[0], &value, sizeof value) == sizeof value)
    if (value > 0)
      last = value;
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (quick_check_ok (db));
  g_test_message ("%d commits reported before SIGKILL", last);
  /* Every reported row, numbered 1…n without a gap; at most one more (committed
   * but killed before it was reported); none of the held transaction. */
  {
    gint64 n = count_rows (db);
    gint64 max = td_db_query_int (db, "SELECT max(id) FROM t WHERE id < 1000000", 0, NULL);

    g_assert_cmpint (n, ==, max);
    g_assert_cmpint (n, >=, last);
    g_assert_cmpint (n, <=, last + 1);
  }
  g_assert_cmpint (
      td_db_query_int (db, "SELECT count(*) FROM t WHERE name = 'uncommitted'", -1, NULL), ==, 0);
  if (hold)
    {
      g_assert_true (held);
      g_assert_cmpint (last, ==, 150);
    }
}

static void
test_kill_during_write (void)
{
  kill_while_writing (FALSE);
  kill_while_writing (TRUE);
}

/* A database just created and still open elsewhere (another window): its
 * header on disk is stale, the truth is in the -wal file. */
static void
test_open_twice (void)
{
  g_autofree gchar *path = tmp_path ("twice.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) first = td_db_open (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, &error);
  g_autoptr (TdDb) second = NULL;
  g_autofree gchar *note = NULL;

  g_assert_no_error (error);
  g_assert_true (td_db_set_meta (first, "note", "Cụm 3", &error));
  second = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  note = td_db_get_meta (second, "note");
  g_assert_cmpstr (note, ==, "Cụm 3");
  g_assert_false (td_db_is_read_only (second));
}

/* A file as schema step @version left it: steps 1…version applied by hand,
 * with one fact in it that must survive the upgrade. */
static void
make_old_file (const char *path, gint version)
{
  guint n = 0;
  const TdMigration *steps = td_schema_get_migrations (&n);
  sqlite3 *raw = NULL;
  g_autofree gchar *bump = NULL;

  g_remove (path);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; i < n && steps[i].version <= version; i++)
    g_assert_cmpint (sqlite3_exec (raw, steps[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;", version,
                          (gint)TD_APPLICATION_ID);
  g_assert_cmpint (sqlite3_exec (raw, bump, NULL, NULL, NULL), ==, SQLITE_OK);
  if (version >= 1)
    g_assert_cmpint (
        sqlite3_exec (raw, "INSERT INTO meta VALUES ('probe', 'Khối 6')", NULL, NULL, NULL), ==,
        SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
}

static gchar *
schema_dump (TdDb *db)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt
      = td_db_prepare (db, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name", NULL);

  while (td_db_step (db, stmt, NULL) == TD_STEP_ROW)
    g_string_append_printf (out, "%s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  return g_string_free (out, FALSE);
}

static void
test_migrate_every_version (void)
{
  gint current = td_schema_get_current_version ();
  g_autofree gchar *fresh_path = tmp_path ("fresh-schema.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) fresh
      = td_db_open (fresh_path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, &error);
  g_autofree gchar *expected = schema_dump (fresh);

  g_assert_no_error (error);
  for (gint version = 0; version < current; version++)
    {
      g_autofree gchar *name = g_strdup_printf ("schema-%d.db", version);
      g_autofree gchar *path = tmp_path (name);
      g_autoptr (TdDb) db = NULL;
      g_autofree gchar *dump = NULL;
      g_autofree gchar *probe = NULL;
      g_autoptr (GListStore) backups = NULL;
      guint n_pre = 0;

      make_old_file (path, version);
      db = td_db_open (path, TD_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (td_db_get_schema_version (db), ==, current);
      g_assert_cmpint (td_db_query_int (db, "PRAGMA application_id", 0, NULL), ==,
                       TD_APPLICATION_ID);
      g_assert_true (quick_check_ok (db));
      dump = schema_dump (db);
      g_assert_cmpstr (dump, ==, expected);
      probe = td_db_get_meta (db, "probe");
      if (version >= 1)
        g_assert_cmpstr (probe, ==, "Khối 6");

      /* Upgrading a file with data in it keeps the old file, for good. */
      backups = td_backup_list (path);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (backups)); i++)
        {
          g_autoptr (TdBackup) b = g_list_model_get_item (G_LIST_MODEL (backups), i);

          if (td_backup_get_kind (b) == TD_BACKUP_PRE_MIGRATION)
            {
              n_pre++;
              g_assert_cmpint (td_backup_get_schema_version (b), ==, version);
            }
        }
      g_assert_cmpuint (n_pre, ==, version >= 1 ? 1 : 0);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  test_dir = td_test_make_tmp_dir ("thidua-storage-XXXXXX");
  /* Backups go to a folder of this run's own. */
  {
    g_autofree gchar *data = g_build_filename (test_dir, "data", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/storage/refused/text-file", test_text_file);
  g_test_add_func ("/storage/refused/foreign-sqlite", test_foreign_sqlite);
  g_test_add_func ("/storage/refused/newer-version", test_newer_version);
  g_test_add_func ("/storage/refused/truncated", test_truncated);
  g_test_add_func ("/storage/refused/damaged-page", test_damaged_page);
  g_test_add_func ("/storage/read-only/file", test_read_only_file);
  g_test_add_func ("/storage/read-only/folder", test_read_only_folder);
  g_test_add_func ("/storage/locked", test_locked);
  g_test_add_func ("/storage/open-twice", test_open_twice);
  g_test_add_func ("/storage/disk-full/ulimit", test_disk_full);
  g_test_add_func ("/storage/disk-full/save-copy", test_save_copy_disk_full);
  g_test_add_func ("/storage/kill-during-write", test_kill_during_write);
  g_test_add_func ("/storage/migrate/every-version", test_migrate_every_version);
  {
    int status = g_test_run ();

    /* A daily copy may still be writing into this run's folder, which is
     * removed at exit. */
    td_backup_stop_daily ();
    return status;
  }
}
