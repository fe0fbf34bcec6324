/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups: the daily copy, rotation (14 daily kept, every pre-migration
 * kept), what a listing shows, save a copy, restore and the undo of a
 * restore, and the copy opened in place of a damaged file. */
#include "td-backup.h"
#include "td-db.h"
#include "td-test-tmp.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <time.h>
#include <utime.h>

static gchar *test_dir;

static gchar *
tmp_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static TdDb *
open_db (const char *path, TdDbOpenFlags flags)
{
  g_autoptr (GError) error = NULL;
  TdDb *db = td_db_open (path, flags, &error);

  g_assert_no_error (error);
  return db;
}

static gchar *
note_of (TdDb *db)
{
  return td_db_get_meta (db, "note");
}

static guint
count_kind (GListStore *store, TdBackupKind kind)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr (TdBackup) b = g_list_model_get_item (G_LIST_MODEL (store), i);

      n += td_backup_get_kind (b) == kind;
    }
  return n;
}

static void
test_daily_once (void)
{
  g_autofree gchar *path = tmp_path ("Khoi 6.db");
  g_autoptr (TdDb) db = open_db (path, TD_DB_OPEN_CREATE);
  g_autoptr (GListStore) list = NULL;
  g_autoptr (TdBackup) daily = NULL;
  g_autoptr (TdDb) copy = NULL;
  g_autofree gchar *dir = td_backup_get_dir ();
  g_autofree gchar *header = NULL;
  g_autofree gchar *copied_note = NULL;
  gsize len = 0;
  GStatBuf st;

  g_assert_null (td_db_get_open_warning (db));
  g_assert_true (td_db_set_meta (db, "note", "Sở Y tế", NULL));
  g_clear_object (&db);
  db = open_db (path, TD_DB_OPEN_DEFAULT); /* same day: no second copy */
  list = td_backup_list (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  daily = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (td_backup_get_kind (daily), ==, TD_BACKUP_DAILY);
  g_assert_true (g_str_has_prefix (td_backup_get_path (daily), dir));
  g_assert_true (g_str_has_suffix (td_backup_get_path (daily), ".daily.db"));
  g_assert_nonnull (strstr (td_backup_get_path (daily), "/Khoi 6."));
  g_assert_cmpint (td_backup_get_schema_version (daily), ==, td_schema_get_current_version ());
  g_assert_cmpint (td_backup_get_size (daily), >, 0);
  g_assert_cmpint (g_stat (td_backup_get_path (daily), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* One self-contained file: rollback journal in the header, no -wal. */
  g_assert_true (g_file_get_contents (td_backup_get_path (daily), &header, &len, NULL));
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);

  /* A later backup holds the later data. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (TdBackup) manual = td_backup_create (db, TD_BACKUP_MANUAL, &error);
    g_autoptr (TdBackup) newest = td_backup_find_newest (path);

    g_assert_no_error (error);
    g_assert_cmpstr (td_backup_get_path (newest), ==, td_backup_get_path (manual));
    copy = open_db (td_backup_get_path (manual), TD_DB_OPEN_READ_ONLY | TD_DB_OPEN_NO_BACKUP);
    copied_note = note_of (copy);
    g_assert_cmpstr (copied_note, ==, "Sở Y tế");
  }
}

typedef struct
{
  gboolean done, ok, made;
  GError *error;
} DailyWait;

static void
daily_finished (GObject *source, GAsyncResult *result, gpointer data)
{
  DailyWait *w = data;

  w->ok = td_backup_daily_finish (result, &w->made, &w->error);
  w->done = TRUE;
}

static void
wait_daily (const char *path, DailyWait *w)
{
  memset (w, 0, sizeof *w);
  td_backup_daily_async (path, NULL, daily_finished, w);
  while (!w->done)
    g_main_context_iteration (NULL, TRUE);
}

/* Deferred: the open makes no copy; the thread makes it over its own
 * connection while the file is open and written, once a day. */
static void
test_daily_in_thread (void)
{
  g_autofree gchar *path = tmp_path ("Khoi 9.db");
  g_autoptr (TdDb) db = open_db (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_DEFER_DAILY_BACKUP);
  g_autoptr (GListStore) list = NULL;
  g_autoptr (TdBackup) daily = NULL;
  g_autoptr (TdDb) copy = NULL;
  g_autofree gchar *note = NULL;
  DailyWait w;

  list = td_backup_list (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (td_db_set_meta (db, "note", "Sở Tư pháp", NULL));

  wait_daily (path, &w);
  g_assert_no_error (w.error);
  g_assert_true (w.ok);
  g_assert_true (w.made);
  /* The window's connection still writes afterwards. */
  g_assert_true (td_db_set_meta (db, "note", "Sở Tài chính", NULL));
  g_clear_object (&list);
  list = td_backup_list (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  daily = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (td_backup_get_kind (daily), ==, TD_BACKUP_DAILY);
  copy = open_db (td_backup_get_path (daily), TD_DB_OPEN_READ_ONLY | TD_DB_OPEN_NO_BACKUP);
  note = note_of (copy);
  g_assert_cmpstr (note, ==, "Sở Tư pháp");

  /* Once a day. */
  wait_daily (path, &w);
  g_assert_true (w.ok);
  g_assert_false (w.made);
  g_clear_object (&list);
  list = td_backup_list (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* A file that is not there: refused with a message, nothing made. */
  {
    g_autofree gchar *missing = tmp_path ("missing.db");

    wait_daily (missing, &w);
    g_assert_false (w.ok);
    g_assert_false (w.made);
    g_assert_nonnull (w.error);
    g_test_message ("missing: %s", w.error->message);
    g_clear_error (&w.error);
    g_clear_object (&list);
    list = td_backup_list (missing);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  }
}

static guint
count_temps (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    n += g_str_has_prefix (name, ".thidua-copy-");
  return n;
}

/* Waits until the daily copy's unfinished file holds something but less
 * than @below bytes: the copy is under way. */
static gboolean
wait_partial_temp (const char *dir, goffset below)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree gchar *temp = g_build_filename (dir, name, NULL);
          GStatBuf st;

          if (g_str_has_prefix (name, ".thidua-copy-") && g_stat (temp, &st) == 0)
            {
              if (st.st_size >= below)
                return FALSE;
              if (st.st_size > 0)
                return TRUE;
            }
        }
      g_usleep (100);
    }
  return FALSE;
}

/* Quitting during the daily copy stops it and leaves no half copy; a copy
 * asked for later is made as usual; copies a killed process left behind
 * are removed once they are an hour old. */
static void
test_daily_stopped (void)
{
  g_autofree gchar *path = tmp_path ("Khoi 12.db");
  g_autofree gchar *dir = td_backup_get_dir ();
  g_autoptr (TdDb) db = open_db (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_DEFER_DAILY_BACKUP);
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (GListStore) list = NULL;
  DailyWait w;

  /* 96 MB: some twenty steps of the copy. */
  g_assert_cmpint (sqlite3_exec (td_db_get_handle (db),
                                 "CREATE TABLE filler (b BLOB);"
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                 " WHERE i < 96) INSERT INTO filler SELECT randomblob (1048576)"
                                 " FROM n",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);

  /* Cancelled before it starts: nothing made. */
  g_cancellable_cancel (cancelled);
  memset (&w, 0, sizeof w);
  td_backup_daily_async (path, cancelled, daily_finished, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (w.ok);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&w.error);

  /* Stopped half-way as the application quits: once stop returns, the
   * thread has ended, its unfinished file is gone and no backup is listed. */
  memset (&w, 0, sizeof w);
  td_backup_daily_async (path, NULL, daily_finished, &w);
  g_assert_true (wait_partial_temp (dir, 40 * 1048576));
  td_backup_stop_daily ();
  g_assert_cmpuint (count_temps (dir), ==, 0);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (w.ok);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&w.error);
  list = td_backup_list (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* Left by a killed process: the old one goes, a fresh one (perhaps
   * another copy in progress) stays. */
  {
    g_autofree gchar *stale = g_build_filename (dir, ".thidua-copy-AAAAAA", NULL);
    g_autofree gchar *fresh = g_build_filename (dir, ".thidua-copy-BBBBBB", NULL);
    struct utimbuf old = { .actime = time (NULL) - 7200, .modtime = time (NULL) - 7200 };

    g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
    g_assert_true (g_file_set_contents (fresh, "half", -1, NULL));
    g_assert_cmpint (g_utime (stale, &old), ==, 0);

    /* The next start makes the copy. */
    wait_daily (path, &w);
    g_assert_no_error (w.error);
    g_assert_true (w.made);
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
    g_unlink (fresh);
  }
  g_clear_object (&list);
  list = td_backup_list (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_no_backup_flag (void)
{
  g_autofree gchar *path = tmp_path ("scratch.db");
  g_autoptr (TdDb) db = open_db (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP);
  g_autoptr (GListStore) list = td_backup_list (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) memory = td_db_new_memory (&error);
  g_autoptr (TdBackup) none = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  none = td_backup_create (memory, TD_BACKUP_MANUAL, &error);
  g_assert_null (none);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

static void
touch_backup (const char *stem, const char *date, const char *kind)
{
  g_autofree gchar *dir = td_backup_get_dir ();
  g_autofree gchar *name = g_strdup_printf ("%s.%s.%s.db", stem, date, kind);
  g_autofree gchar *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
test_rotation (void)
{
  g_autofree gchar *path = tmp_path ("rotation.db");
  g_autoptr (GListStore) list = NULL;
  g_autoptr (TdDb) db = NULL;
  g_autoptr (TdBackup) made = NULL;
  g_autoptr (GError) error = NULL;

  /* Twenty days of daily copies, three upgrades, one made by hand, and
   * another database's copies that must not be touched. */
  for (gint day = 1; day <= 20; day++)
    {
      g_autofree gchar *date = g_strdup_printf ("2025-03-%02d_080000", day);

      touch_backup ("rotation", date, "daily");
      touch_backup ("rotation-other", date, "daily");
    }
  touch_backup ("rotation", "2024-01-01_090000", "pre-migration");
  touch_backup ("rotation", "2025-01-01_090000", "pre-migration");
  touch_backup ("rotation", "2025-02-01_090000", "pre-migration");
  touch_backup ("rotation", "2024-06-01_090000", "manual");

  g_assert_cmpuint (td_backup_rotate (path, TD_BACKUP_KEEP_DAILY), ==, 6);
  list = td_backup_list (path);
  g_assert_cmpuint (count_kind (list, TD_BACKUP_DAILY), ==, 14);
  g_assert_cmpuint (count_kind (list, TD_BACKUP_PRE_MIGRATION), ==, 3);
  g_assert_cmpuint (count_kind (list, TD_BACKUP_MANUAL), ==, 1);
  {
    /* The newest fourteen stay: 7 … 20 March. */
    g_autoptr (TdBackup) newest = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr (TdBackup) oldest_daily = g_list_model_get_item (G_LIST_MODEL (list), 13);

    g_assert_cmpint (g_date_time_get_day_of_month (td_backup_get_date (newest)), ==, 20);
    g_assert_cmpint (g_date_time_get_day_of_month (td_backup_get_date (oldest_daily)), ==, 7);
  }
  {
    g_autofree gchar *other = tmp_path ("rotation-other.db");
    g_autoptr (GListStore) others = td_backup_list (other);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (others)), ==, 20);
  }

  /* Today's first open makes a daily copy and rotates again. */
  db = open_db (path, TD_DB_OPEN_CREATE);
  g_clear_object (&list);
  list = td_backup_list (path);
  g_assert_cmpuint (count_kind (list, TD_BACKUP_DAILY), ==, 14);
  g_assert_cmpuint (count_kind (list, TD_BACKUP_PRE_MIGRATION), ==, 3);
  made = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (td_backup_get_kind (made), ==, TD_BACKUP_DAILY);

  /* Pre-migration copies are never rotated away, however many. */
  for (gint i = 0; i < 20; i++)
    {
      g_autoptr (TdBackup) pre = td_backup_create (db, TD_BACKUP_PRE_MIGRATION, &error);

      g_assert_no_error (error);
    }
  td_backup_rotate (path, TD_BACKUP_KEEP_DAILY);
  g_clear_object (&list);
  list = td_backup_list (path);
  g_assert_cmpuint (count_kind (list, TD_BACKUP_PRE_MIGRATION), ==, 23);
  g_assert_cmpuint (count_kind (list, TD_BACKUP_DAILY), ==, 14);
}

static void
test_contents (void)
{
  g_autofree gchar *path = tmp_path ("contents.db");
  g_autoptr (TdDb) db = open_db (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBackup) before = NULL;
  g_autoptr (TdBackup) after = NULL;

  /* An empty database holds nothing. */
  before = td_backup_create (db, TD_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_backup_get_n_units (before), ==, 0);
  g_assert_cmpint (td_backup_get_n_years (before), ==, 0);

  g_assert_true (td_db_exec (db,
                             "INSERT INTO unit (name) VALUES ('Sở Y tế'), ('Sở Tư pháp'), "
                             "('Công an tỉnh');"
                             "INSERT INTO bloc (name) VALUES ('Khối Thi đua số 6');"
                             "INSERT INTO bloc_year (bloc_id, year) VALUES (1, 2023), (1, 2024);",
                             &error));
  g_assert_no_error (error);
  after = td_backup_create (db, TD_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_backup_get_n_units (after), ==, 3);
  g_assert_cmpint (td_backup_get_n_blocs (after), ==, 1);
  g_assert_cmpint (td_backup_get_n_years (after), ==, 2);
  {
    g_autofree gchar *text = td_backup_describe_contents (after);

    g_assert_nonnull (strstr (text, "3"));
    g_assert_nonnull (strstr (text, "2"));
  }
}

static void
test_save_copy (void)
{
  g_autofree gchar *path = tmp_path ("source.db");
  g_autofree gchar *dest = tmp_path ("Bản sao.db");
  g_autoptr (TdDb) db = open_db (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP);
  g_autoptr (TdDb) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree gchar *note = NULL;
  g_autofree gchar *before = NULL, *after = NULL;
  gsize len_before = 0, len_after = 0;

  g_assert_true (td_db_set_meta (db, "note", "Khối 6", &error));
  g_assert_true (td_backup_save_copy (db, dest, &error));
  g_assert_no_error (error);
  copy = open_db (dest, TD_DB_OPEN_NO_BACKUP);
  note = note_of (copy);
  g_assert_cmpstr (note, ==, "Khối 6");
  g_clear_object (&copy);

  /* Replacing an older copy works too. */
  g_assert_true (td_db_set_meta (db, "note", "Khối 7", &error));
  g_assert_true (td_backup_save_copy (db, dest, &error));
  copy = open_db (dest, TD_DB_OPEN_NO_BACKUP);
  g_free (note);
  note = note_of (copy);
  g_assert_cmpstr (note, ==, "Khối 7");

  /* Never over the open file itself, by its name or another path to it. */
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));
  g_assert_false (td_backup_save_copy (db, path, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree gchar *dir = g_path_get_dirname (path);
    g_autofree gchar *twisted = g_build_filename (dir, ".", "source.db", NULL);

    g_assert_false (td_backup_save_copy (db, twisted, &error));
    g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* Nor over its companion files (the -wal holds the latest changes, and a
   * -journal would be rolled back into it), nor into the backup folder. */
  {
    const char *suffixes[] = { "-wal", "-shm", "-journal" };
    g_autofree gchar *backups = td_backup_get_dir ();
    g_autofree gchar *in_backups = g_build_filename (backups, "source.db", NULL);

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree gchar *companion = g_strconcat (path, suffixes[i], NULL);

        g_assert_false (td_backup_save_copy (db, companion, &error));
        g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, suffixes[i]));
        g_clear_error (&error);
      }
    g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
    g_assert_false (td_backup_save_copy (db, in_backups, &error));
    g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
    g_assert_false (g_file_test (in_backups, G_FILE_TEST_EXISTS));
  }
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

static void
test_restore_and_undo (void)
{
  g_autofree gchar *path = tmp_path ("restore.db");
  g_autoptr (TdDb) db = open_db (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBackup) good = NULL;
  g_autoptr (TdBackup) aside = NULL;
  g_autoptr (TdBackup) aside2 = NULL;
  g_autofree gchar *note = NULL;

  g_assert_true (td_db_set_meta (db, "note", "trước", &error));
  good = td_backup_create (db, TD_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_true (td_db_set_meta (db, "note", "sau", &error));
  g_assert_true (td_db_set_meta (db, "extra", "x", &error));

  aside = td_backup_restore (db, td_backup_get_path (good), &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_cmpint (td_backup_get_kind (aside), ==, TD_BACKUP_BEFORE_RESTORE);
  note = note_of (db);
  g_assert_cmpstr (note, ==, "trước");
  g_assert_null (td_db_get_meta (db, "extra"));
  g_assert_cmpint (td_db_get_schema_version (db), ==, td_schema_get_current_version ());
  g_assert_cmpint (td_db_query_int (db, "PRAGMA application_id", 0, NULL), ==, TD_APPLICATION_ID);
  g_assert_cmpint (td_db_query_int (db,
                                    "SELECT count(*) FROM pragma_quick_check WHERE "
                                    "quick_check = 'ok'",
                                    0, NULL),
                   ==, 1);
  /* The connection goes on working after its contents were replaced. */
  g_assert_true (td_db_begin (db, &error));
  g_assert_true (td_db_set_meta (db, "written-after", "1", &error));
  g_assert_true (td_db_commit (db, &error));
  g_assert_true (td_db_set_meta (db, "written-after", "", &error));

  /* Undo: restore what was set aside. */
  aside2 = td_backup_restore (db, td_backup_get_path (aside), &error);
  g_assert_no_error (error);
  g_free (note);
  note = note_of (db);
  g_assert_cmpstr (note, ==, "sau");
  g_free (note);
  note = td_db_get_meta (db, "extra");
  g_assert_cmpstr (note, ==, "x");
  g_assert_nonnull (aside2);

  /* The data survives a reopen. */
  g_clear_object (&db);
  db = open_db (path, TD_DB_OPEN_NO_BACKUP);
  g_free (note);
  note = note_of (db);
  g_assert_cmpstr (note, ==, "sau");
}

static void
test_restore_refuses_bad (void)
{
  g_autofree gchar *path = tmp_path ("keep.db");
  g_autofree gchar *bad = tmp_path ("keep.2025-01-01_000000.manual.db");
  g_autoptr (TdDb) db = open_db (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBackup) aside = NULL;
  g_autoptr (GListStore) list = NULL;
  g_autofree gchar *note = NULL;

  g_assert_true (td_db_set_meta (db, "note", "giữ nguyên", &error));
  g_assert_true (g_file_set_contents (bad, "not a database at all", -1, NULL));
  aside = td_backup_restore (db, bad, &error);
  g_assert_null (aside);
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_THIDUA);
  g_assert_nonnull (strstr (error->message, "not changed"));
  note = note_of (db);
  g_assert_cmpstr (note, ==, "giữ nguyên");
  list = td_backup_list (path);
  g_assert_cmpuint (count_kind (list, TD_BACKUP_BEFORE_RESTORE), ==, 0);

  /* A read-only database is never restored into. */
  g_clear_error (&error);
  {
    g_autoptr (TdBackup) good = td_backup_create (db, TD_BACKUP_MANUAL, &error);
    g_autoptr (TdDb) ro = open_db (path, TD_DB_OPEN_READ_ONLY | TD_DB_OPEN_NO_BACKUP);

    g_assert_null (td_backup_restore (ro, td_backup_get_path (good), &error));
    g_assert_error (error, TD_ERROR, TD_ERROR_READ_ONLY);
  }
}

static void
test_copy_for_opening (void)
{
  g_autofree gchar *path = tmp_path ("hong.db");
  g_autoptr (TdDb) db = open_db (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBackup) backup = NULL;
  g_autofree gchar *first = NULL, *second = NULL;
  g_autoptr (TdDb) opened = NULL;
  g_autofree gchar *note = NULL;

  g_assert_true (td_db_set_meta (db, "note", "bản tốt", &error));
  backup = td_backup_create (db, TD_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  first = td_backup_copy_for_opening (td_backup_get_path (backup), path, &error);
  g_assert_no_error (error);
  second = td_backup_copy_for_opening (td_backup_get_path (backup), path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_cmpstr (first, !=, td_backup_get_path (backup));
  g_assert_true (g_str_has_prefix (first, test_dir));
  opened = open_db (first, TD_DB_OPEN_NO_BACKUP);
  note = note_of (opened);
  g_assert_cmpstr (note, ==, "bản tốt");
}

/* The backup folder cannot be made: the database opens all the same, and
 * the failure is there for the window to tell. */
static void
test_daily_failure_warns (void)
{
  g_autofree gchar *dir = td_backup_get_dir ();
  g_autofree gchar *moved = g_strconcat (dir, ".moved", NULL);
  g_autofree gchar *path = tmp_path ("no-room.db");
  g_autoptr (TdDb) db = NULL;
  const GError *warning;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_rename (dir, moved), ==, 0);
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));

  db = open_db (path, TD_DB_OPEN_CREATE);
  warning = td_db_get_open_warning (db);
  g_assert_nonnull (warning);
  g_assert_true (g_str_has_prefix (warning->message, "Today's automatic backup failed."));
  g_assert_nonnull (strstr (warning->message, dir));
  g_assert_false (td_db_is_read_only (db));
  g_assert_true (td_db_set_meta (db, "note", "vẫn làm việc được", NULL));

  g_assert_cmpint (g_unlink (dir), ==, 0);
  g_assert_cmpint (g_rename (moved, dir), ==, 0);
}

/* Each kind has its own name for the list of backups, and a kind no
 * file can have (a damaged value) still gets a name, not garbage. */
static void
test_kind_labels (void)
{
  const TdBackupKind kinds[]
      = { TD_BACKUP_DAILY, TD_BACKUP_PRE_MIGRATION, TD_BACKUP_MANUAL, TD_BACKUP_BEFORE_RESTORE };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_cmpstr (td_backup_kind_label (kinds[i]), !=, "");
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (td_backup_kind_label (kinds[i]), !=, td_backup_kind_label (kinds[j]));
    }
  g_assert_cmpstr (td_backup_kind_label ((TdBackupKind)42), ==,
                   td_backup_kind_label (TD_BACKUP_MANUAL));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  test_dir = td_test_make_tmp_dir ("thidua-backup-XXXXXX");
  /* Backups go to a folder of this run's own. */
  {
    g_autofree gchar *data = g_build_filename (test_dir, "data", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/kind-labels", test_kind_labels);
  g_test_add_func ("/backup/daily-once", test_daily_once);
  g_test_add_func ("/backup/daily-in-thread", test_daily_in_thread);
  g_test_add_func ("/backup/daily-stopped", test_daily_stopped);
  g_test_add_func ("/backup/no-backup-flag", test_no_backup_flag);
  g_test_add_func ("/backup/rotation", test_rotation);
  g_test_add_func ("/backup/contents", test_contents);
  g_test_add_func ("/backup/save-copy", test_save_copy);
  g_test_add_func ("/backup/restore-and-undo", test_restore_and_undo);
  g_test_add_func ("/backup/restore-refuses-bad", test_restore_refuses_bad);
  g_test_add_func ("/backup/copy-for-opening", test_copy_for_opening);
  g_test_add_func ("/backup/daily-failure-warns", test_daily_failure_warns);
  {
    int status = g_test_run ();

    /* A daily copy may still be writing into this run's folder, which is
     * removed at exit. */
    td_backup_stop_daily ();
    return status;
  }
}
