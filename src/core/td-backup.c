/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups of the database file.
 *
 * Every copy is made with SQLite's online backup API, so it is consistent
 * even while the database is open, and is turned into one self-contained
 * file (rollback journal, no -wal beside it).  Copies live in
 * <user data dir>/com.example.ThiDua/backups/ and are named
 *   <database name>.<YYYY-MM-DD_HHMMSS>.<kind>.db
 * so that a listing needs nothing but the folder.  The integrity check run
 * on open lives here too, since its message points at the newest backup. */
#include "config.h"

#include "td-backup.h"
#include "td-enum.h"
#include "td-output-guard.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

struct _TdBackup
{
  GObject parent_instance;

  gchar *path;
  TdBackupKind kind;
  GDateTime *date;
  goffset size;
  gint schema_version;
  gint64 n_units;
  gint64 n_blocs;
  gint64 n_years;
};

G_DEFINE_FINAL_TYPE (TdBackup, td_backup, G_TYPE_OBJECT)

static const char *const kind_names[] = {
  [TD_BACKUP_DAILY] = "daily",
  [TD_BACKUP_PRE_MIGRATION] = "pre-migration",
  [TD_BACKUP_MANUAL] = "manual",
  [TD_BACKUP_BEFORE_RESTORE] = "before-restore",
};

#define DATE_FORMAT "%Y-%m-%d_%H%M%S"
#define DATE_LEN 17 /* 2026-11-22_021500 */

static void
td_backup_finalize (GObject *object)
{
  TdBackup *self = TD_BACKUP (object);

  g_free (self->path);
  g_clear_pointer (&self->date, g_date_time_unref);
  G_OBJECT_CLASS (td_backup_parent_class)->finalize (object);
}

static void
td_backup_class_init (TdBackupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_backup_finalize;
}

static void
td_backup_init (TdBackup *self)
{
  self->n_units = self->n_blocs = self->n_years = -1;
  self->schema_version = -1;
}

gchar *
td_backup_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "com.example.ThiDua", "backups", NULL);
}

/* "Khoi 6.db" → "Khoi 6": the name every backup of that file starts with. */
gchar *
td_backup_stem_for (const char *db_path)
{
  g_autofree gchar *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static const char *const kind_labels[] = {
  [TD_BACKUP_DAILY] = N_ ("Daily"),
  [TD_BACKUP_PRE_MIGRATION] = N_ ("Before upgrade"),
  [TD_BACKUP_MANUAL] = N_ ("Made by hand"),
  [TD_BACKUP_BEFORE_RESTORE] = N_ ("Before a restore"),
};

TD_ENUM_DEFINE_LABEL (TdBackupKind, td_backup_kind_label, kind_labels, TD_BACKUP_MANUAL);

/* Splits a backup file name into stem, date and kind.  FALSE for anything
 * that is not one of ours. */
static gboolean
parse_name (const char *name, gchar **stem, GDateTime **date, TdBackupKind *kind)
{
  g_autofree gchar *copy = NULL;
  char *kind_dot, *date_dot;
  gint y, mo, d, h, mi, s;
  gint k;

  if (!g_str_has_suffix (name, ".db") || name[0] == '.')
    return FALSE;
  copy = g_strndup (name, strlen (name) - 3);
  kind_dot = strrchr (copy, '.');
  if (kind_dot == NULL)
    return FALSE;
  *kind_dot = '\0';
  k = TD_ENUM_FROM_ID (kind_names, kind_dot + 1);
  if (k < 0)
    return FALSE;
  date_dot = strrchr (copy, '.');
  if (date_dot == NULL || date_dot == copy || strlen (date_dot + 1) < DATE_LEN)
    return FALSE;
  if (sscanf (date_dot + 1, "%4d-%2d-%2d_%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return FALSE;
  *date_dot = '\0';
  if (date != NULL)
    {
      *date = g_date_time_new_local (y, mo, d, h, mi, s);
      if (*date == NULL)
        return FALSE;
    }
  if (stem != NULL)
    *stem = g_strdup (copy);
  *kind = k;
  return TRUE;
}

static gint64
count_rows (sqlite3 *handle, const char *table)
{
  g_autofree gchar *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  /* Only tables that exist: older copies predate some of them. */
  if (sqlite3_prepare_v2 (handle, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return -1;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return -1;
    }
  sqlite3_finalize (stmt);

  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gchar *
file_uri (const char *path, const char *query)
{
  g_autofree gchar *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strconcat ("file:", escaped, query ? "?" : "", query ? query : "", NULL);
}

/* Reads what a backup holds.  It is opened immutable: nothing is written
 * beside it, not even a -shm file. */
static void
read_contents (TdBackup *self)
{
  g_autofree gchar *uri = file_uri (self->path, "immutable=1");
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      self->schema_version = sqlite3_column_int (stmt, 0);
      self->n_units = count_rows (handle, "unit");
      self->n_blocs = count_rows (handle, "bloc");
      self->n_years = count_rows (handle, "bloc_year");
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

TdBackup *
td_backup_load (const char *path, GError **error)
{
  g_autoptr (TdBackup) self = g_object_new (TD_TYPE_BACKUP, NULL);
  g_autofree gchar *base = g_path_get_basename (path);
  GStatBuf st;

  if (!parse_name (base, NULL, &self->date, &self->kind))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("“%s” is not a Thi Đua backup: its name does not have the form "
                      "NAME.DATE.KIND.db."),
                   base);
      return NULL;
    }
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("The backup “%s” cannot be read: %s."),
                   path, g_strerror (saved));
      return NULL;
    }
  self->path = g_strdup (path);
  self->size = st.st_size;
  read_contents (self);
  return g_steal_pointer (&self);
}

const char *
td_backup_get_path (TdBackup *self)
{
  return self->path;
}

TdBackupKind
td_backup_get_kind (TdBackup *self)
{
  return self->kind;
}

GDateTime *
td_backup_get_date (TdBackup *self)
{
  return self->date;
}

goffset
td_backup_get_size (TdBackup *self)
{
  return self->size;
}

gint
td_backup_get_schema_version (TdBackup *self)
{
  return self->schema_version;
}

gint64
td_backup_get_n_units (TdBackup *self)
{
  return self->n_units;
}

gint64
td_backup_get_n_blocs (TdBackup *self)
{
  return self->n_blocs;
}

gint64
td_backup_get_n_years (TdBackup *self)
{
  return self->n_years;
}

/* "12 units, 1 bloc, 2 years" — only what the copy has tables for. */
gchar *
td_backup_describe_contents (TdBackup *self)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (self->schema_version < 0)
    return g_strdup (_ ("cannot be read"));
  /* Counts fit an int: a bloc has tens of units and a handful of years. */
  if (self->n_units >= 0)
    g_ptr_array_add (
        parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unit", "%d units", self->n_units),
                                (gint)self->n_units));
  if (self->n_blocs >= 0)
    g_ptr_array_add (
        parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d bloc", "%d blocs", self->n_blocs),
                                (gint)self->n_blocs));
  if (self->n_years >= 0)
    g_ptr_array_add (
        parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", self->n_years),
                                (gint)self->n_years));
  if (parts->len == 0)
    return g_strdup (_ ("no records yet"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (gchar **)parts->pdata);
}

/* Pages copied between two looks at the cancellable (4 MB of 4 KB pages). */
#define PAGES_PER_STEP 1024

/* Copies every page of @src into @dst with the online backup API, waiting
 * up to about 3 s while the source is busy being written.  SQLITE_OK when
 * done.  With a @cancellable the copy goes by steps and stops when it is
 * cancelled (SQLITE_INTERRUPT); @src then holds one read transaction for
 * the whole copy, so that another connection's writes meanwhile neither
 * restart it nor enter it half-way. */
static int
copy_pages (sqlite3 *dst, sqlite3 *src, GCancellable *cancellable)
{
  sqlite3_backup *backup;
  gboolean in_read = FALSE;
  int rc = SQLITE_OK;

  if (cancellable != NULL)
    {
      rc = sqlite3_exec (src, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return rc;
      in_read = TRUE;
    }
  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    rc = sqlite3_extended_errcode (dst);
  for (int tries = 0; backup != NULL;)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          rc = SQLITE_INTERRUPT;
          break;
        }
      rc = sqlite3_backup_step (backup, cancellable != NULL ? PAGES_PER_STEP : -1);
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries++ < 30)
        {
          sqlite3_sleep (100);
          continue;
        }
      if (rc != SQLITE_OK)
        break;
    }
  if (backup != NULL)
    sqlite3_backup_finish (backup);
  if (in_read)
    sqlite3_exec (src, "COMMIT", NULL, NULL, NULL);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Copies the database behind @src into the new or empty file @dest.  The
 * copy gets no journal while it is written (a failed copy is deleted, or,
 * for a device, never had anything to protect) and ends as a rollback-journal
 * file so that it stands alone. */
static gboolean
online_copy (sqlite3 *src, const char *dest, GCancellable *cancellable, GError **error)
{
  g_autofree gchar *uri = file_uri (dest, NULL);
  sqlite3 *dst = NULL;
  int rc;

  rc = sqlite3_open_v2 (uri, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
                        NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dst, 1);
      sqlite3_busy_timeout (dst, 3000);
      rc = sqlite3_exec (dst, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    {
      rc = copy_pages (dst, src, cancellable);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc == SQLITE_INTERRUPT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _ ("The copy was stopped before it was complete."));
      sqlite3_close_v2 (dst);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      td_error_from_sqlite (dst, rc, error);
      sqlite3_close_v2 (dst);
      return FALSE;
    }
  rc = sqlite3_close (dst);
  if (rc != SQLITE_OK)
    return td_error_from_sqlite (NULL, rc, error);
  return TRUE;
}

static gboolean
ensure_dir (const char *dir, GError **error)
{
  /* gettext and g_strerror keep errno. */
  return g_mkdir_with_parents (dir, 0700) == 0
         || td_error_from_errno (error, errno,
                                 _ ("Cannot create the backup folder “%s”: %s. Check the space "
                                    "and the permissions of your home folder."),
                                 dir, g_strerror (errno));
}

static void
remove_with_sidecars (const char *path)
{
  g_autofree gchar *wal = g_strconcat (path, "-wal", NULL);
  g_autofree gchar *shm = g_strconcat (path, "-shm", NULL);
  g_autofree gchar *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

#define TEMP_PREFIX ".thidua-copy-"

/* Removes the temporary copies a killed process left in @dir.  A copy in
 * progress is written every moment: one untouched for an hour is dead. */
static void
remove_stale_temps (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree gchar *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, TEMP_PREFIX))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > 3600)
        g_unlink (path);
    }
}

/* A private temporary file in @dir, for a copy that is renamed into place
 * only once complete: no half-written backup ever carries a backup's name. */
static gchar *
make_temp (const char *dir, GError **error)
{
  g_autofree gchar *path = g_build_filename (dir, TEMP_PREFIX "XXXXXX", NULL);
  int fd;

  remove_stale_temps (dir);
  fd = g_mkstemp_full (path, O_RDWR, 0600);

  if (fd < 0)
    {
      td_error_from_errno (error, errno, _ ("Cannot write in the folder “%s”: %s."), dir,
                           g_strerror (errno));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&path);
}

static gboolean
copy_via_temp (sqlite3 *src, const char *dest, GCancellable *cancellable, GError **error)
{
  g_autofree gchar *dir = g_path_get_dirname (dest);
  g_autofree gchar *temp = make_temp (dir, error);

  if (temp == NULL)
    return FALSE;
  if (!online_copy (src, temp, cancellable, error))
    {
      remove_with_sidecars (temp);
      return FALSE;
    }
  if (g_rename (temp, dest) != 0)
    {
      int saved = errno;

      remove_with_sidecars (temp);
      g_set_error (error, TD_ERROR, TD_ERROR_FAILED, _ ("Cannot write “%s”: %s."), dest,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gchar *
backup_path_for (const char *db_path, TdBackupKind kind)
{
  g_autofree gchar *dir = td_backup_get_dir ();
  g_autofree gchar *stem = td_backup_stem_for (db_path);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree gchar *stamp = g_date_time_format (now, DATE_FORMAT);

  /* Two copies in the same second get -2, -3 … after the time. */
  for (guint i = 1;; i++)
    {
      g_autofree gchar *name = NULL;
      gchar *path;

      if (i == 1)
        name = g_strdup_printf ("%s.%s.%s.db", stem, stamp, kind_names[kind]);
      else
        name = g_strdup_printf ("%s.%s-%u.%s.db", stem, stamp, i, kind_names[kind]);
      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

TdBackup *
td_backup_create (TdDb *db, TdBackupKind kind, GError **error)
{
  g_autofree gchar *dir = td_backup_get_dir ();
  g_autofree gchar *dest = NULL;
  const char *path = td_db_get_path (db);

  if (g_strcmp0 (path, ":memory:") == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("This database is not saved in a file, so it has no backups."));
      return NULL;
    }
  if (!ensure_dir (dir, error))
    return NULL;
  dest = backup_path_for (path, kind);
  if (!copy_via_temp (td_db_get_handle (db), dest, NULL, error))
    {
      g_prefix_error (error, _ ("The backup could not be made. "));
      return NULL;
    }
  if (kind == TD_BACKUP_DAILY)
    td_backup_rotate (path, TD_BACKUP_KEEP_DAILY);
  return td_backup_load (dest, error);
}

static gint
compare_newest_first (gconstpointer a, gconstpointer b, gpointer user_data)
{
  gint c = g_date_time_compare (TD_BACKUP ((gpointer)b)->date, TD_BACKUP ((gpointer)a)->date);

  /* Same second: the later name (…-2) is the newer copy. */
  return c != 0 ? c : g_strcmp0 (TD_BACKUP ((gpointer)b)->path, TD_BACKUP ((gpointer)a)->path);
}

/* The backups of the database at @db_path (matched by file name), newest
 * first, kind by kind if @only_kind ≥ 0. */
static GListStore *
list_backups (const char *db_path, gint only_kind)
{
  GListStore *store = g_list_store_new (TD_TYPE_BACKUP);
  g_autofree gchar *dir_path = td_backup_get_dir ();
  g_autofree gchar *stem = td_backup_stem_for (db_path);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *their_stem = NULL;
      g_autoptr (GDateTime) date = NULL;
      g_autofree gchar *path = NULL;
      g_autoptr (TdBackup) backup = NULL;
      TdBackupKind kind;

      if (!parse_name (name, &their_stem, &date, &kind) || strcmp (their_stem, stem) != 0)
        continue;
      if (only_kind >= 0 && (gint)kind != only_kind)
        continue;
      path = g_build_filename (dir_path, name, NULL);
      backup = td_backup_load (path, NULL);
      if (backup != NULL)
        g_list_store_insert_sorted (store, backup, compare_newest_first, NULL);
    }
  return store;
}

GListStore *
td_backup_list (const char *db_path)
{
  return list_backups (db_path, -1);
}

TdBackup *
td_backup_find_newest (const char *db_path)
{
  g_autoptr (GListStore) store = list_backups (db_path, -1);

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (store), 0);
}

/* Deletes all but the newest @keep_daily daily copies.  Copies of every
 * other kind are kept: pre-migration ones are the way back from an upgrade,
 * and the others were asked for. */
guint
td_backup_rotate (const char *db_path, guint keep_daily)
{
  g_autoptr (GListStore) daily = list_backups (db_path, TD_BACKUP_DAILY);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (daily));
  guint removed = 0;

  for (guint i = keep_daily; i < n; i++)
    {
      g_autoptr (TdBackup) old = g_list_model_get_item (G_LIST_MODEL (daily), i);

      if (g_unlink (old->path) == 0)
        removed++;
    }
  return removed;
}

static gboolean
made_today (const char *db_path)
{
  g_autoptr (GListStore) daily = list_backups (db_path, TD_BACKUP_DAILY);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (TdBackup) newest = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (daily)) == 0)
    return FALSE;
  newest = g_list_model_get_item (G_LIST_MODEL (daily), 0);
  return g_date_time_get_year (newest->date) == g_date_time_get_year (now)
         && g_date_time_get_day_of_year (newest->date) == g_date_time_get_day_of_year (now);
}

/* The daily copy: made on the first open of each day. */
gboolean
td_backup_daily (TdDb *db, gboolean *made, GError **error)
{
  g_autoptr (TdBackup) backup = NULL;

  if (made != NULL)
    *made = FALSE;
  if (made_today (td_db_get_path (db)))
    return TRUE;
  backup = td_backup_create (db, TD_BACKUP_DAILY, error);
  if (made != NULL)
    *made = backup != NULL;
  return backup != NULL;
}

/* The daily copies running in threads, each with the cancellable that
 * td_backup_stop_daily cancels; the condition is signalled as each one ends. */
static GMutex daily_lock;
static GCond daily_ended;
static GPtrArray *daily_running;

static void
cancel_stop (GCancellable *cancellable, gpointer stop)
{
  g_cancellable_cancel (stop);
}

/* Runs in a thread: a read-only connection of its own reads a consistent
 * snapshot (WAL) while the window's connection may write. */
static void
daily_copy (GTask *task, const char *db_path, GCancellable *stop)
{
  g_autofree gchar *dir = td_backup_get_dir ();
  g_autofree gchar *uri = file_uri (db_path, "mode=ro");
  g_autofree gchar *dest = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *src = NULL;
  int rc;

  if (g_task_return_error_if_cancelled (task)
      || g_cancellable_set_error_if_cancelled (stop, &error))
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (made_today (db_path))
    {
      g_task_return_int (task, 0);
      return;
    }
  if (!ensure_dir (dir, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rc = sqlite3_open_v2 (uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    sqlite3_busy_timeout (src, 3000);
  else
    td_error_from_sqlite (src, rc, &error);
  dest = backup_path_for (db_path, TD_BACKUP_DAILY);
  if (error == NULL && !copy_via_temp (src, dest, stop, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (&error, _ ("The backup could not be made. "));
  sqlite3_close_v2 (src);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  td_backup_rotate (db_path, TD_BACKUP_KEEP_DAILY);
  g_task_return_int (task, 1);
}

typedef struct
{
  gchar *db_path;
  GCancellable *stop; /* registered in daily_running from the call on */
} DailyData;

static void
daily_data_free (DailyData *d)
{
  g_free (d->db_path);
  g_object_unref (d->stop);
  g_free (d);
}

static void
daily_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  DailyData *d = data;
  gulong handler = 0;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_stop), d->stop, NULL);
  daily_copy (task, d->db_path, d->stop);
  g_cancellable_disconnect (cancellable, handler);

  g_mutex_lock (&daily_lock);
  g_ptr_array_remove_fast (daily_running, d->stop);
  g_cond_broadcast (&daily_ended);
  g_mutex_unlock (&daily_lock);
}

/* Stops the daily copies still running and returns once each has removed
 * its unfinished file: called as the application quits, so that no half
 * copy is left behind (the next start of the day makes it again). */
void
td_backup_stop_daily (void)
{
  g_mutex_lock (&daily_lock);
  for (guint i = 0; daily_running != NULL && i < daily_running->len; i++)
    g_cancellable_cancel (g_ptr_array_index (daily_running, i));
  while (daily_running != NULL && daily_running->len > 0)
    g_cond_wait (&daily_ended, &daily_lock);
  g_mutex_unlock (&daily_lock);
}

void
td_backup_daily_async (const char *db_path, GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  DailyData *d;

  g_return_if_fail (db_path != NULL);
  d = g_new0 (DailyData, 1);
  d->db_path = g_strdup (db_path);
  d->stop = g_cancellable_new ();
  /* Registered before the thread starts, so that a stop right now also
   * waits for it. */
  g_mutex_lock (&daily_lock);
  if (daily_running == NULL)
    daily_running = g_ptr_array_new ();
  g_ptr_array_add (daily_running, d->stop);
  g_mutex_unlock (&daily_lock);
  g_task_set_source_tag (task, td_backup_daily_async);
  g_task_set_task_data (task, d, (GDestroyNotify)daily_data_free);
  g_task_run_in_thread (task, daily_thread);
}

gboolean
td_backup_daily_finish (GAsyncResult *result, gboolean *made, GError **error)
{
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  value = g_task_propagate_int (G_TASK (result), error);
  if (made != NULL)
    *made = value == 1;
  return value >= 0;
}

/* "Save a copy": the whole database, consistent, into a file of the
 * clerk's choice.  An existing regular file is replaced only once the copy
 * is complete; a device (say /dev/full) is written directly. */
gboolean
td_backup_save_copy (TdDb *db, const char *dest_path, GError **error)
{
  GStatBuf st;
  const char *path = td_db_get_path (db);

  if (!td_output_guard (dest_path, path, TD_OUTPUT_DATABASE, error))
    return FALSE;
  if (g_stat (dest_path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("“%s” is a folder. Choose a file name for the copy."), dest_path);
          return FALSE;
        }
      if (!online_copy (td_db_get_handle (db), dest_path, NULL, error))
        {
          g_prefix_error (error, _ ("The copy was not saved. "));
          return FALSE;
        }
      return TRUE;
    }
  if (!copy_via_temp (td_db_get_handle (db), dest_path, NULL, error))
    {
      g_prefix_error (error, _ ("The copy was not saved. "));
      return FALSE;
    }
  return TRUE;
}

/* Puts the contents of @backup_path into the open database @db.  The
 * backup is first copied to a scratch file and opened there (checked,
 * upgraded if it is older), the current contents are saved as a
 * "before-restore" backup, and only then is the database replaced, in one
 * transaction of the backup API.  Returns the before-restore backup: restoring
 * it undoes the restore. */
TdBackup *
td_backup_restore (TdDb *db, const char *backup_path, GError **error)
{
  g_autofree gchar *dir = td_backup_get_dir ();
  g_autofree gchar *work = NULL;
  g_autoptr (GFile) from = NULL;
  g_autoptr (GFile) to = NULL;
  g_autoptr (TdDb) incoming = NULL;
  g_autoptr (TdBackup) aside = NULL;
  g_autoptr (GError) local = NULL;
  int rc;

  if (td_db_is_read_only (db))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_READ_ONLY,
                   _ ("The database is open read-only, so a backup cannot be restored into it. "
                      "Open the backup's copy instead, or save a copy you can write to."));
      return NULL;
    }
  if (!ensure_dir (dir, error) || (work = make_temp (dir, error)) == NULL)
    return NULL;

  from = g_file_new_for_path (backup_path);
  to = g_file_new_for_path (work);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local))
    {
      remove_with_sidecars (work);
      g_set_error (error, TD_ERROR,
                   g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ? TD_ERROR_DISK_FULL
                                                                            : TD_ERROR_FAILED,
                   _ ("The backup “%s” could not be read: %s"), backup_path, local->message);
      return NULL;
    }
  /* The copy got the backup's modification time: made fresh again, so that
   * no other copy takes it for one a killed process left (remove_stale_temps). */
  g_utime (work, NULL);

  incoming = td_db_open (work, TD_DB_OPEN_NO_BACKUP, &local);
  if (incoming == NULL)
    {
      remove_with_sidecars (work);
      g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                  _ ("The backup cannot be restored, and the database was not "
                                     "changed. "));
      return NULL;
    }

  aside = td_backup_create (db, TD_BACKUP_BEFORE_RESTORE, error);
  if (aside == NULL)
    {
      g_clear_object (&incoming);
      remove_with_sidecars (work);
      g_prefix_error (error, _ ("Nothing was restored. "));
      return NULL;
    }

  rc = copy_pages (td_db_get_handle (db), td_db_get_handle (incoming), NULL);
  td_db_close (incoming);
  g_clear_object (&incoming);
  remove_with_sidecars (work);
  if (rc != SQLITE_OK)
    {
      td_error_from_sqlite (td_db_get_handle (db), rc, error);
      g_prefix_error (error, _ ("Nothing was restored. "));
      return NULL;
    }
  return g_steal_pointer (&aside);
}

/* A copy of @backup_path beside the damaged file (or in the data folder when
 * that folder is not writable), to be opened in its place.  The damaged
 * file and the backup are both left as they are. */
gchar *
td_backup_copy_for_opening (const char *backup_path, const char *damaged_path, GError **error)
{
  g_autofree gchar *dir = g_path_get_dirname (damaged_path);
  g_autofree gchar *stem = td_backup_stem_for (damaged_path);
  g_autoptr (TdBackup) backup = td_backup_load (backup_path, error);
  g_autofree gchar *day = NULL;
  g_autofree gchar *dest = NULL;
  g_autoptr (GFile) from = NULL;
  g_autoptr (GFile) to = NULL;
  g_autoptr (GError) local = NULL;

  if (backup == NULL)
    return NULL;
  if (g_access (dir, W_OK) != 0)
    {
      g_free (dir);
      dir = g_build_filename (g_get_user_data_dir (), "com.example.ThiDua", NULL);
      if (!ensure_dir (dir, error))
        return NULL;
    }
  day = g_date_time_format (backup->date, "%Y-%m-%d");
  for (guint i = 1; dest == NULL || g_file_test (dest, G_FILE_TEST_EXISTS); i++)
    {
      g_autofree gchar *name = NULL;

      /* Translators: file name of a backup's copy; %s are the database name and a date */
      name = i == 1 ? g_strdup_printf (_ ("%s (backup of %s).db"), stem, day)
                    : g_strdup_printf (_ ("%s (backup of %s) %u.db"), stem, day, i);
      g_free (dest);
      dest = g_build_filename (dir, name, NULL);
    }
  from = g_file_new_for_path (backup_path);
  to = g_file_new_for_path (dest);
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &local))
    {
      g_set_error (error, TD_ERROR,
                   g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ? TD_ERROR_DISK_FULL
                                                                            : TD_ERROR_FAILED,
                   _ ("The backup could not be copied to “%s”: %s"), dest, local->message);
      return NULL;
    }
  g_chmod (dest, 0600);
  return g_steal_pointer (&dest);
}

/* The "damaged" error, pointing at the newest backup when there is one:
 * found when opening (nothing was changed), or later (the background check,
 * a page that cannot be read: nothing more is changed). */
static void
set_damaged (const char *path, gboolean in_use, GError **error)
{
  g_autoptr (TdBackup) newest = td_backup_find_newest (path);
  g_autofree gchar *name = g_filename_display_basename (path);
  g_autofree gchar *when = NULL;
  g_autofree gchar *dir = NULL;

  if (newest != NULL)
    {
      when = g_date_time_format (newest->date, "%d/%m/%Y %H:%M");
      g_set_error (error, TD_ERROR, TD_ERROR_CORRUPT,
                   in_use ? _ ("The database “%s” is damaged: part of it cannot be read, so Thi "
                               "Đua stopped working on it and changes nothing more in it. Open "
                               "the newest backup, made on %s: %s")
                          : _ ("The database “%s” is damaged, so it was not opened; nothing was "
                               "changed in it. Open the newest backup, made on %s: %s"),
                   name, when, newest->path);
      return;
    }
  dir = td_backup_get_dir ();
  g_set_error (error, TD_ERROR, TD_ERROR_CORRUPT,
               in_use ? _ ("The database “%s” is damaged: part of it cannot be read, so Thi Đua "
                           "stopped working on it and changes nothing more in it. There is no "
                           "backup of it in %s: open another copy of the file if you have one.")
                      : _ ("The database “%s” is damaged, so it was not opened; nothing was "
                           "changed in it. There is no backup of it in %s: open another copy of "
                           "the file if you have one."),
               name, dir);
}

void
td_backup_set_damaged_error (const char *path, GError **error)
{
  set_damaged (path, FALSE, error);
}

void
td_backup_set_damaged_found_error (const char *path, GError **error)
{
  set_damaged (path, TRUE, error);
}

/* PRAGMA quick_check on an open connection: FALSE with a "damaged" error
 * naming the newest backup when anything is wrong. */
gboolean
td_backup_quick_check (sqlite3 *handle, const char *path, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &stmt, NULL);
  gboolean ok = FALSE;

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *first = (const char *)sqlite3_column_text (stmt, 0);

          ok = g_strcmp0 (first, "ok") == 0;
          if (!ok)
            g_debug ("quick_check of %s: %s", path, first);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (ok)
    return TRUE;
  switch (rc & 0xff)
    {
    case SQLITE_OK:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_IOERR:
    case SQLITE_RANGE:
      td_backup_set_damaged_error (path, error);
      return FALSE;
    default:
      return td_error_from_sqlite (handle, rc, error);
    }
}
