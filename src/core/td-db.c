/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The database connection.
 *
 * A thin layer over SQLite whose every failure is a GError in TD_ERROR with
 * a message the clerk can act on (td-db-errors.c).  Files are recognised by
 * their header (application id and schema version) before SQLite is let
 * near them, so a foreign or newer file is refused without a single byte
 * being written. */
#include "config.h"

#include "td-backup.h"
#include "td-db.h"
#include "td-query.h"
#include "td-text.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK (td - error - quark, td_error)

/* How long to wait for another program's lock before saying "busy". */
#define TD_DB_BUSY_TIMEOUT_MS 3000

struct _TdDb
{
  GObject parent_instance;

  sqlite3 *handle;
  gchar *path;
  GHashTable *statements; /* SQL text → sqlite3_stmt*, reused */
  gint transaction_depth;
  gint notify_freeze;        /* td_db_freeze_notify */
  GPtrArray *notify_pending; /* what changed while frozen, each once */
  gboolean read_only;
  gboolean verified;       /* passed the integrity check (or its record) on open */
  gboolean check_deferred; /* the record was trusted for now: td_db_check_async */
  gboolean keep_record;    /* write the record at close (never for a read command) */
  GError *open_warning;    /* a failed daily backup: opened anyway, but say so */
  GError *damage;          /* the background check found damage: no more changes */
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TdDb, td_db, G_TYPE_OBJECT)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

/* The integrity check reads the whole file: about a second for a
 * province's 300 MB, on every start.  The window must not wait for it when
 * the file is one this program closed cleanly and that seems unchanged
 * since (same size, modification time, inode; no -wal file left), so that
 * signature is kept at close in the user's cache
 * (~/.cache/thidua/verified/, one small file per database).  The record is
 * never trusted alone: a disk can damage pages without changing any of
 * them, so such a file opens at once and is checked in the background
 * (td_db_check_async).  Anything else — a copy, a restored backup, a file
 * touched by another program or left by a crash, any small file — is
 * checked before anything is written to it. */
static gchar *
file_signature (const char *path)
{
  g_autofree gchar *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  if (g_stat (wal, (GStatBuf *)&st) == 0 && st.st_size > 0)
    return NULL;
  if (stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT ".%09ld %" G_GUINT64_FORMAT
                          " %" G_GUINT64_FORMAT,
                          (gint64)st.st_size, (gint64)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                          (guint64)st.st_ino, (guint64)st.st_dev);
}

static gchar *
verified_stamp_path (const char *path)
{
  g_autofree gchar *canonical = g_canonicalize_filename (path, NULL);
  g_autofree gchar *name = g_compute_checksum_for_string (G_CHECKSUM_SHA1, canonical, -1);

  return g_build_filename (g_get_user_cache_dir (), "thidua", "verified", name, NULL);
}

static gboolean
verified_before (const char *path)
{
  g_autofree gchar *stamp = verified_stamp_path (path);
  g_autofree gchar *now = file_signature (path);
  g_autofree gchar *then = NULL;

  return now != NULL && g_file_get_contents (stamp, &then, NULL, NULL)
         && g_str_equal (g_strstrip (then), now);
}

static void
remember_verified (const char *path)
{
  g_autofree gchar *stamp = verified_stamp_path (path);
  g_autofree gchar *dir = g_path_get_dirname (stamp);
  g_autofree gchar *now = file_signature (path);

  /* Best effort: without the stamp the next open simply checks again. */
  if (now == NULL || g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents (stamp, now, -1, NULL))
    g_unlink (stamp);
}

void
td_db_close (TdDb *self)
{
  g_return_if_fail (TD_IS_DB (self));

  g_hash_table_remove_all (self->statements);
  if (self->handle != NULL)
    {
      int rc = sqlite3_close_v2 (self->handle);

      self->handle = NULL;
      if (rc == SQLITE_OK && self->verified && self->keep_record)
        remember_verified (self->path);
    }
}

static void
td_db_finalize (GObject *object)
{
  TdDb *self = TD_DB (object);

  td_db_close (self);
  g_hash_table_unref (self->statements);
  g_free (self->path);
  g_clear_error (&self->open_warning);
  g_clear_error (&self->damage);
  g_clear_pointer (&self->notify_pending, g_ptr_array_unref);

  G_OBJECT_CLASS (td_db_parent_class)->finalize (object);
}

static void
td_db_class_init (TdDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_db_finalize;

  /**
   * TdDb::changed:
   * @what: which kind of record changed ("registry", "criteria", "scores", …)
   *
   * Emitted after a committed change, with @what as the detail, so that every
   * view of the same data refreshes.
   */
  signals[SIGNAL_CHANGED]
      = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
td_db_init (TdDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

gboolean
td_db_set_error_from_sqlite (TdDb *self, int rc, GError **error)
{
  if (self != NULL && self->damage != NULL)
    {
      g_propagate_error (error, g_error_copy (self->damage));
      return FALSE;
    }
  return td_error_from_sqlite (self ? self->handle : NULL, rc, error);
}

/* Reads the 100-byte SQLite header.  Returns FALSE with a set error for a
 * file that is certainly not ours; *fresh is TRUE for an empty file. */
static gboolean
check_header (const char *path, gboolean *fresh, gint *user_version, guint32 *app_id,
              GError **error)
{
  guint8 header[100];
  gssize got;
  int fd;
  GStatBuf st;

  *fresh = FALSE;
  *user_version = 0;
  *app_id = 0;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                     _ ("The file “%s” does not exist. It may have been moved or "
                        "renamed; open it from its new place."),
                     path);
      else
        g_set_error (error, TD_ERROR, TD_ERROR_FAILED, _ ("Cannot read “%s”: %s."), path,
                     g_strerror (saved));
      return FALSE;
    }

  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_THIDUA,
                   _ ("“%s” is a folder, not a Thi Đua database."), path);
      return FALSE;
    }

  got = read (fd, header, sizeof header);
  close (fd);

  if (got == 0)
    {
      *fresh = TRUE;
      return TRUE;
    }
  if (got < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_THIDUA,
                   _ ("“%s” is not a Thi Đua database. Open a file made by Thi Đua, "
                      "or create a new database."),
                   path);
      return FALSE;
    }
  if (got < (gssize)sizeof header)
    {
      td_backup_set_damaged_error (path, error);
      return FALSE;
    }

  *user_version = (gint)((guint32)header[60] << 24 | (guint32)header[61] << 16
                         | (guint32)header[62] << 8 | header[63]);
  *app_id = (guint32)header[68] << 24 | (guint32)header[69] << 16 | (guint32)header[70] << 8
            | header[71];
  return TRUE;
}

static void
sql_fold (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *)sqlite3_value_text (argv[0]);
  gchar *folded = td_text_fold (text);

  sqlite3_result_text (ctx, folded, -1, g_free);
}

static int
sql_collate_vi (void *data, int len_a, const void *a, int len_b, const void *b)
{
  g_autofree gchar *sa = g_strndup (a, len_a);
  g_autofree gchar *sb = g_strndup (b, len_b);

  return td_text_collate (sa, sb);
}

static gboolean
configure_connection (TdDb *self, GError **error)
{
  int rc;

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, TD_DB_BUSY_TIMEOUT_MS);

  rc = sqlite3_create_collation_v2 (self->handle, "VI", SQLITE_UTF8, NULL, sql_collate_vi, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->handle, "fold", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                     sql_fold, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return td_db_set_error_from_sqlite (self, rc, error);

  return td_db_exec (self, "PRAGMA foreign_keys = ON;", error);
}

static gboolean
migrate (TdDb *self, gint from_version, GError **error)
{
  guint n = 0;
  const TdMigration *steps = td_schema_get_migrations (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *bump = NULL;

      if (steps[i].version <= from_version)
        continue;

      if (!td_db_begin (self, error))
        return FALSE;
      bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                              steps[i].version, (gint)TD_APPLICATION_ID);
      if (!td_db_exec (self, steps[i].sql, error) || !td_db_exec (self, bump, error)
          || !td_db_commit (self, error))
        {
          td_db_rollback (self);
          g_prefix_error (error, _ ("Could not upgrade the database to schema %d: "),
                          steps[i].version);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
create_private_file (const char *path, GError **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  /* gettext and g_strerror keep errno. */
  if (fd < 0)
    return td_error_from_errno (error, errno, _ ("Cannot create “%s”: %s."), path,
                                g_strerror (errno));
  close (fd);
  return TRUE;
}

/* Whether to write the file: its permission bits must allow it (even for
 * root, who could write anyway: a file made read-only is meant to stay so),
 * and its folder must take the -wal and -shm files WAL needs. */
static gboolean
is_writable (const char *path)
{
  g_autofree gchar *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_access (path, W_OK) != 0 || g_stat (path, &st) != 0 || (st.st_mode & 0222) == 0)
    return FALSE;
  return g_access (dir, W_OK) == 0;
}

static int
open_handle (TdDb *self, gboolean read_only, gboolean immutable)
{
  g_autofree gchar *uri = NULL;
  int rc;
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX
              | SQLITE_OPEN_URI;

  if (g_strcmp0 (self->path, ":memory:") == 0)
    uri = g_strdup (":memory:");
  else
    {
      g_autofree gchar *escaped = g_uri_escape_string (self->path, "/", FALSE);
      uri = g_strconcat ("file:", escaped,
                         read_only ? (immutable ? "?mode=ro&immutable=1" : "?mode=ro") : "", NULL);
    }
  rc = sqlite3_open_v2 (uri, &self->handle, flags, NULL);
  /* Before the first read: a file locked by another program must wait the
   * full timeout, then fail, on every path. */
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, TD_DB_BUSY_TIMEOUT_MS);
  return rc;
}

static void
close_handle (TdDb *self)
{
  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->handle);
  self->handle = NULL;
}

/* Opens the file read-only and reads its schema.  Without a -wal file the
 * file alone holds everything, and it is opened immutable: SQLite then
 * creates no -wal or -shm beside a file that may turn out foreign or
 * damaged, or that sits in a folder we may not write to.  With a -wal file
 * (left by a crash, or another program at work) it is read through it, and
 * immutable is the fallback when no -shm can be made.  Returns the SQLite
 * result of the read. */
static int
open_read_only (TdDb *self, GError **error)
{
  g_autofree gchar *wal = g_strconcat (self->path, "-wal", NULL);
  gboolean immutable = !g_file_test (wal, G_FILE_TEST_EXISTS);
  int rc = open_handle (self, TRUE, immutable);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->handle, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
  if (!immutable && rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB
      && (rc & 0xff) != SQLITE_BUSY)
    {
      GStatBuf st;

      /* Immutable would silently leave out what waits in the -wal file:
       * refuse rather than show part of the data. */
      if (g_stat (wal, &st) == 0 && st.st_size > 0)
        {
          g_autofree gchar *name = g_filename_display_basename (self->path);

          g_set_error (error, TD_ERROR, TD_ERROR_READ_ONLY,
                       _ ("The latest changes to “%s” are in its companion file “%s-wal”, which "
                          "cannot be read from this folder because you may not write to it. "
                          "Copy both files together to a folder you can write to and open the "
                          "copy there."),
                       name, name);
          return SQLITE_ERROR;
        }
      close_handle (self);
      rc = open_handle (self, TRUE, TRUE);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->handle, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    return configure_connection (self, error) ? SQLITE_OK : SQLITE_ERROR;
  return rc;
}

static gboolean
set_too_new_error (gint version, GError **error)
{
  g_set_error (error, TD_ERROR, TD_ERROR_TOO_NEW,
               _ ("This file was made by a newer version of Thi Đua (schema %d). "
                  "Install the newer version or open another file."),
               version);
  return FALSE;
}

/* An empty file, or a SQLite file with nothing in it, asked for by a
 * command that only reads: there is nothing to read, and it is not made
 * into a database. */
static gboolean
set_empty_error (const char *path, GError **error)
{
  g_autofree gchar *name = g_filename_display_name (path);

  g_set_error (error, TD_ERROR, TD_ERROR_NOT_THIDUA,
               _ ("“%s” is empty: it holds no Thi Đua data, so there is nothing to read. It was "
                  "left untouched. Name a database made by Thi Đua."),
               name);
  return FALSE;
}

static gboolean
set_foreign_error (const char *path, GError **error)
{
  g_set_error (error, TD_ERROR, TD_ERROR_NOT_THIDUA,
               _ ("“%s” belongs to another program and is not a Thi Đua database. "
                  "It was left untouched."),
               path);
  return FALSE;
}

/* Below this size the full check costs a few milliseconds: always made
 * before the file is used. */
#define TD_DB_ALWAYS_CHECK_BYTES (8 * 1024 * 1024)

/* Whether the open may leave the check to td_db_check_async: only with
 * TD_DB_OPEN_DEFER_CHECK, for a large file whose record matches. */
static gboolean
may_defer_check (const char *path, TdDbOpenFlags flags)
{
  GStatBuf st;

  return (flags & TD_DB_OPEN_DEFER_CHECK) != 0 && g_stat (path, &st) == 0
         && st.st_size >= TD_DB_ALWAYS_CHECK_BYTES && verified_before (path);
}

/* Checks an existing file over a read-only connection, so that nothing
 * is written to a file that turns out foreign, newer or damaged.  The
 * header read before may be stale while changes wait in the -wal file (the
 * file is open elsewhere, or a program was killed), so the application id
 * and version are read again through SQLite.  *fresh becomes TRUE for a
 * SQLite file with nothing in it. */
static gboolean
check_existing (TdDb *self, TdDbOpenFlags flags, guint32 *app_id, gint *version, gboolean *fresh,
                GError **error)
{
  int rc = open_read_only (self, error);
  g_autoptr (GError) local = NULL;

  if (rc == SQLITE_ERROR && error != NULL && *error != NULL)
    return FALSE;
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      /* The header said SQLite, but the rest of the file does not. */
      td_backup_set_damaged_error (self->path, error);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    return td_db_set_error_from_sqlite (self, rc, error);

  *app_id = (guint32)td_db_query_int (self, "PRAGMA application_id", 0, &local);
  if (local == NULL)
    *version = (gint)td_db_query_int (self, "PRAGMA user_version", 0, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (*app_id != TD_APPLICATION_ID && *app_id != 0)
    return set_foreign_error (self->path, error);
  if (*app_id == TD_APPLICATION_ID && *version > td_schema_get_current_version ())
    return set_too_new_error (*version, error);

  /* A SQLite file of another program that never set an application id. */
  if (*app_id == 0)
    {
      gint64 tables = td_db_query_int (self, "SELECT count(*) FROM sqlite_master", -1, &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (tables > 0)
        return set_foreign_error (self->path, error);
      *fresh = TRUE;
      return TRUE;
    }
  if (may_defer_check (self->path, flags))
    self->verified = self->check_deferred = TRUE;
  else
    self->verified = td_backup_quick_check (self->handle, self->path, error);
  return self->verified;
}

/* Whether td_db_open (…, TD_DB_OPEN_DEFER_CHECK, …) will read the whole of
 * @path to check it before it returns: a small file, a file this program
 * did not close cleanly here, or one changed since. */
gboolean
td_db_open_will_check (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR)
         && !may_defer_check (path, TD_DB_OPEN_DEFER_CHECK);
}

TdDb *
td_db_open (const char *path, TdDbOpenFlags flags, GError **error)
{
  g_autoptr (TdDb) self = NULL;
  gboolean fresh = FALSE;
  gboolean memory = g_strcmp0 (path, ":memory:") == 0;
  /* A read command leaves no trace: no backup, no record. */
  gboolean backups = !memory && (flags & (TD_DB_OPEN_NO_BACKUP | TD_DB_OPEN_READ_ONLY)) == 0;
  gint file_version = 0;
  guint32 app_id = 0;
  gint current = td_schema_get_current_version ();
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TD_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->keep_record = (flags & TD_DB_OPEN_READ_ONLY) == 0;

  if (!memory)
    {
      if ((flags & TD_DB_OPEN_CREATE) && !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          if (!create_private_file (path, error))
            return NULL;
        }
      if (!check_header (path, &fresh, &file_version, &app_id, error))
        return NULL;
      if (!fresh && app_id != TD_APPLICATION_ID && app_id != 0)
        return set_foreign_error (path, error), NULL;
      if (app_id == TD_APPLICATION_ID && file_version > current)
        return set_too_new_error (file_version, error), NULL;
      self->read_only = (flags & TD_DB_OPEN_READ_ONLY) != 0 || !is_writable (path);

      if (!fresh && !check_existing (self, flags, &app_id, &file_version, &fresh, error))
        return NULL;
      if (fresh && (flags & TD_DB_OPEN_READ_ONLY))
        return set_empty_error (path, error), NULL;
      if (self->read_only && self->handle == NULL)
        {
          /* An empty file that may not be written. */
          rc = open_read_only (self, error);
          if (rc != SQLITE_OK)
            return rc == SQLITE_ERROR ? NULL
                                      : (td_db_set_error_from_sqlite (self, rc, error), NULL);
        }
    }
  else
    fresh = TRUE;

  if (!self->read_only)
    {
      if (self->handle != NULL)
        close_handle (self);
      rc = open_handle (self, FALSE, FALSE);
      if (rc != SQLITE_OK)
        {
          td_db_set_error_from_sqlite (self, rc, error);
          return NULL;
        }
      if (!configure_connection (self, error))
        return NULL;
      if (!memory
          && !td_db_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", error))
        return NULL;
    }

  if (file_version < current)
    {
      if (self->read_only && (flags & TD_DB_OPEN_READ_ONLY) && is_writable (path))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_READ_ONLY,
                       _ ("This database was made by an older version of Thi Đua and must be "
                          "upgraded first; a command that only reads never changes it. Open it "
                          "once in Thi Đua (a backup is made before the upgrade), then run the "
                          "command again."));
          return NULL;
        }
      if (self->read_only)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_READ_ONLY,
                       _ ("This database was made by an older version of Thi Đua and must be "
                          "upgraded, but the file is read-only. Save a copy you can write to "
                          "and open the copy."));
          return NULL;
        }
      /* The way back from an upgrade, kept for good: an empty file has
       * nothing to keep. */
      if (backups && !fresh && file_version > 0)
        {
          g_autoptr (TdBackup) before = td_backup_create (self, TD_BACKUP_PRE_MIGRATION, error);

          if (before == NULL)
            {
              g_prefix_error (error,
                              _ ("The database must be upgraded to schema %d, and a backup is "
                                 "made first; it failed, so nothing was changed. "),
                              current);
              return NULL;
            }
        }
      if (!migrate (self, file_version, error))
        return NULL;
      if (fresh)
        {
          g_autoptr (GDateTime) now = g_date_time_new_now_local ();
          g_autofree gchar *stamp = g_date_time_format_iso8601 (now);

          if (!td_db_set_meta (self, "created", stamp, error))
            return NULL;
        }
    }

  /* Not worth refusing the file for: td_db_dup_identity() has a stand-in,
   * and the next open gives the identity (another program may be writing
   * right now). */
  if (!self->read_only)
    td_db_ensure_identity (self, NULL);

  /* Once a day, on the first open: a failure does not keep the clerk
   * from her data, but she is told. */
  if (backups && (flags & TD_DB_OPEN_DEFER_DAILY_BACKUP) == 0
      && !td_backup_daily (self, NULL, &self->open_warning))
    g_prefix_error (&self->open_warning, _ ("Today's automatic backup failed. "));

  return g_steal_pointer (&self);
}

gboolean
td_db_get_check_deferred (TdDb *self)
{
  g_return_val_if_fail (TD_IS_DB (self), FALSE);
  return self->check_deferred;
}

/* In the thread: the whole file read once over a read-only connection of
 * its own.  The window's connection is in WAL mode, so this one reads a
 * consistent snapshot while the clerk goes on working. */
static void
check_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const char *path = data;
  g_autofree gchar *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree gchar *uri = g_strconcat ("file:", escaped, "?mode=ro", NULL);
  g_autoptr (GError) error = NULL;
  sqlite3 *handle = NULL;
  int rc = sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (handle, 1);
      sqlite3_busy_timeout (handle, TD_DB_BUSY_TIMEOUT_MS);
      /* Every page is read once: a small cache does as well as the
       * default 2 MB, which would only add to the window's memory. */
      sqlite3_exec (handle, "PRAGMA cache_size = -256", NULL, NULL, NULL);
      if (!td_backup_quick_check (handle, path, &error)
          && g_error_matches (error, TD_ERROR, TD_ERROR_CORRUPT))
        {
          g_clear_error (&error);
          td_backup_set_damaged_found_error (path, &error);
        }
    }
  else
    td_error_from_sqlite (handle, rc, &error);
  sqlite3_close_v2 (handle);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
td_db_check_async (TdDb *self, GCancellable *cancellable, GAsyncReadyCallback callback,
                   gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (TD_IS_DB (self));
  g_task_set_source_tag (task, td_db_check_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, check_thread);
}

/* FALSE with the check's error.  Damage (TD_ERROR_CORRUPT) also stops the
 * connection from changing anything, and forgets the record of the last
 * clean close, so the next open checks the file before using it. */
gboolean
td_db_check_finish (TdDb *self, GAsyncResult *result, GError **error)
{
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  self->check_deferred = FALSE;
  if (g_task_propagate_boolean (G_TASK (result), &local))
    return TRUE;
  if (g_error_matches (local, TD_ERROR, TD_ERROR_CORRUPT))
    {
      g_autofree gchar *stamp = verified_stamp_path (self->path);

      self->verified = FALSE;
      self->read_only = TRUE;
      g_clear_error (&self->damage);
      self->damage = g_error_copy (local);
      g_unlink (stamp);
      /* Every write fails from now on, with or without a transaction. */
      sqlite3_exec (self->handle, "PRAGMA query_only = 1", NULL, NULL, NULL);
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

TdDb *
td_db_new_memory (GError **error)
{
  return td_db_open (":memory:", TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, error);
}

const char *
td_db_get_path (TdDb *self)
{
  g_return_val_if_fail (TD_IS_DB (self), NULL);
  return self->path;
}

gchar *
td_db_dup_display_name (TdDb *self)
{
  g_return_val_if_fail (TD_IS_DB (self), NULL);
  if (g_strcmp0 (self->path, ":memory:") == 0)
    return g_strdup (_ ("Unsaved database"));
  return g_filename_display_basename (self->path);
}

gboolean
td_db_is_read_only (TdDb *self)
{
  g_return_val_if_fail (TD_IS_DB (self), TRUE);
  return self->read_only;
}

/* Something the clerk should hear about though the file did open (today's
 * backup failed), or NULL. */
const GError *
td_db_get_open_warning (TdDb *self)
{
  g_return_val_if_fail (TD_IS_DB (self), NULL);
  return self->open_warning;
}

gint
td_db_get_schema_version (TdDb *self)
{
  return (gint)td_db_query_int (self, "PRAGMA user_version", 0, NULL);
}

sqlite3 *
td_db_get_handle (TdDb *self)
{
  g_return_val_if_fail (TD_IS_DB (self), NULL);
  return self->handle;
}

gboolean
td_db_exec (TdDb *self, const char *sql, GError **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (TD_IS_DB (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);
  sqlite3_free (message);
  if (rc != SQLITE_OK)
    return td_db_set_error_from_sqlite (self, rc, error);
  return TRUE;
}

/* Returns a cached statement, reset and with its bindings cleared.  It
 * belongs to the connection: do not finalize it, and do not use the same
 * SQL text twice at once (say, in a recursion). */
sqlite3_stmt *
td_db_prepare (TdDb *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TD_IS_DB (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      td_db_set_error_from_sqlite (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* ROW, DONE or ERROR, never confused: a statement that is done or failed is
 * reset at once so it holds no read transaction open. */
TdStep
td_db_step (TdDb *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TD_STEP_ROW;
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TD_STEP_DONE;
    }
  td_db_set_error_from_sqlite (self, rc, error);
  sqlite3_reset (stmt);
  return TD_STEP_ERROR;
}

/* Steps a statement that returns no rows (INSERT, UPDATE, DELETE). */
gboolean
td_db_run (TdDb *self, sqlite3_stmt *stmt, GError **error)
{
  TdStep r;

  while ((r = td_db_step (self, stmt, error)) == TD_STEP_ROW)
    ;
  return r == TD_STEP_DONE;
}

/* A text column as valid UTF-8 (NULL for NULL): a file made elsewhere can
 * hold any bytes in a TEXT column, and GLib's UTF-8 functions must never
 * see them.  Bad bytes show as U+FFFD. */
gchar *
td_db_dup_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return td_text_make_valid (text, sqlite3_column_bytes (stmt, column));
}

gint64
td_db_last_insert_id (TdDb *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

gint64
td_db_query_int (TdDb *self, const char *sql, gint64 fallback, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (self, sql, error);
  gint64 value = fallback;
  TdStep r;

  if (stmt == NULL)
    return fallback;
  r = td_db_step (self, stmt, error);
  if (r == TD_STEP_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        value = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return value;
}

/* Nested calls use savepoints, so a helper that needs a transaction can be
 * called from inside another one. */
gboolean
td_db_begin (TdDb *self, GError **error)
{
  g_autofree gchar *sql = NULL;

  g_return_val_if_fail (TD_IS_DB (self), FALSE);

  if (self->damage != NULL)
    {
      g_propagate_error (error, g_error_copy (self->damage));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_READ_ONLY,
                   _ ("The database is open read-only, so nothing can be changed. "
                      "Save a copy to work on it."));
      return FALSE;
    }
  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT td_%d", self->transaction_depth);
  if (!td_db_exec (self, sql, error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
td_db_commit (TdDb *self, GError **error)
{
  g_autofree gchar *sql = NULL;

  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE td_%d", self->transaction_depth - 1);
  if (!td_db_exec (self, sql, error))
    return FALSE;
  self->transaction_depth--;
  return TRUE;
}

void
td_db_rollback (TdDb *self)
{
  g_autofree gchar *sql = NULL;

  if (self->transaction_depth == 0)
    return;
  if (self->transaction_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO td_%d; RELEASE td_%d", self->transaction_depth - 1,
                           self->transaction_depth - 1);
  /* A failed COMMIT may already have ended the transaction. */
  if (sqlite3_get_autocommit (self->handle) && self->transaction_depth == 1)
    {
      self->transaction_depth = 0;
      return;
    }
  td_db_exec (self, sql, NULL);
  self->transaction_depth--;
}

gboolean
td_db_transaction (TdDb *self, TdDbSteps steps, gpointer data, GError **error)
{
  if (!td_db_begin (self, error))
    return FALSE;
  if (steps (self, data, error) && td_db_commit (self, error))
    return TRUE;
  td_db_rollback (self);
  return FALSE;
}

gchar *
td_db_current_user (void)
{
  const char *name = g_get_user_name ();

  return g_strdup (name != NULL && *name ? name : "unknown");
}

gboolean
td_db_audit (TdDb *self, const char *table, gint64 row_id, const char *field, const char *old_value,
             const char *new_value, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree gchar *at = g_date_time_format_iso8601 (now);
  g_autofree gchar *user = td_db_current_user ();

  return td_query_run (self,
                       "INSERT INTO audit (at, user, tbl, row_id, field, old_value, new_value)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)",
                       error, "sssxsss", at, user, table, row_id, field, old_value, new_value);
}

void
td_db_notify_changed (TdDb *self, const char *what)
{
  g_return_if_fail (TD_IS_DB (self));
  if (self->notify_freeze > 0)
    {
      const char *interned = g_intern_string (what);
      if (self->notify_pending == NULL)
        self->notify_pending = g_ptr_array_new ();
      if (!g_ptr_array_find (self->notify_pending, interned, NULL))
        g_ptr_array_add (self->notify_pending, (gpointer)interned);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (what), what);
}

void
td_db_freeze_notify (TdDb *self)
{
  g_return_if_fail (TD_IS_DB (self));
  self->notify_freeze++;
}

void
td_db_thaw_notify (TdDb *self)
{
  g_autoptr (GPtrArray) pending = NULL;

  g_return_if_fail (TD_IS_DB (self));
  g_return_if_fail (self->notify_freeze > 0);
  if (--self->notify_freeze > 0)
    return;
  pending = g_steal_pointer (&self->notify_pending);
  for (guint i = 0; pending && i < pending->len; i++)
    td_db_notify_changed (self, pending->pdata[i]);
}

gboolean
td_db_set_meta (TdDb *self, const char *key, const char *value, GError **error)
{
  return td_query_run (self,
                       "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key)"
                       " DO UPDATE SET value = excluded.value",
                       error, "ss", key, value);
}

gchar *
td_db_get_meta (TdDb *self, const char *key)
{
  return td_query_text (self, "SELECT value FROM meta WHERE key = ?", NULL, "s", key);
}
