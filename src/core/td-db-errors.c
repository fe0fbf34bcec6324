/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQLite's failures in the clerk's words: each result code (and, for a
 * failed write, whether the disk or a size limit is full) becomes a
 * TD_ERROR whose message says what happened and what to do. */
#include "config.h"

#include "td-backup.h"
#include "td-db.h"
#include "td-text.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

static gboolean
is_disk_full_errno (int err)
{
  return err == ENOSPC || err == EFBIG
#ifdef EDQUOT
         || err == EDQUOT
#endif
      ;
}

static gboolean
is_write_error (int rc)
{
  return rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE
         || rc == SQLITE_IOERR_SHMSIZE || rc == SQLITE_IOERR_DIR_FSYNC || rc == SQLITE_IOERR;
}

/* SQLite reports a failed write() as IOERR_WRITE and does not keep the errno
 * reliably, so ask the system: no space left where the file is, or a file
 * size limit (ulimit -f) in force, is what the clerk knows as "disk full". */
static gboolean
no_room_to_write (sqlite3 *handle)
{
  const char *file = sqlite3_db_filename (handle, "main");
  struct statvfs vfs;
  struct rlimit limit;

  if (is_disk_full_errno (sqlite3_system_errno (handle)))
    return TRUE;
  if (getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    return TRUE;
  if (file != NULL && *file != '\0')
    {
      g_autofree gchar *dir = g_path_get_dirname (file);

      if (statvfs (dir, &vfs) == 0 && (guint64)vfs.f_bavail * vfs.f_frsize < 1024 * 1024)
        return TRUE;
    }
  return FALSE;
}

gboolean
td_error_require_text (const char *text, const char *message, GError **error)
{
  g_autofree gchar *clean = td_text_normalize_space (text);

  if (clean[0] == '\0')
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_error_from_errno (GError **error, int saved, const char *format, ...)
{
  g_autofree gchar *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error_literal (error, TD_ERROR, saved == ENOSPC ? TD_ERROR_DISK_FULL : TD_ERROR_FAILED,
                       message);
  return FALSE;
}

/* Maps a SQLite result code (and, for I/O errors, the system errno behind
 * it) to a TD_ERROR with a message that says what to do. */
gboolean
td_error_from_sqlite (sqlite3 *handle, int rc, GError **error)
{
  /* The codes whose message needs nothing of the failure's own. */
  static const struct
  {
    int rc;
    TdError code;
    const char *message;
  } plain[] = {
    { SQLITE_BUSY, TD_ERROR_BUSY,
      N_ ("The database is locked by another program. Close the other "
          "program or window using this file and try again.") },
    { SQLITE_READONLY, TD_ERROR_READ_ONLY,
      N_ ("The database is read-only, so the change was not saved. "
          "Save a copy in a folder you can write to and work on the copy.") },
    { SQLITE_FULL, TD_ERROR_DISK_FULL,
      N_ ("The disk is full, so the change was not saved. Free some space "
          "and try again; the data saved before is intact.") },
    { SQLITE_NOTADB, TD_ERROR_NOT_THIDUA, N_ ("This file is not a Thi Đua database.") },
    { SQLITE_CANTOPEN, TD_ERROR_NOT_FOUND,
      N_ ("The database file cannot be opened. Check that it exists and "
          "that you may read it.") },
  };
  const char *detail = handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  int primary;

  if (is_write_error (rc) && handle != NULL && no_room_to_write (handle))
    rc = SQLITE_FULL;

  /* Locked or busy, it is the same to the clerk: another program has the file. */
  primary = (rc & 0xff) == SQLITE_LOCKED ? SQLITE_BUSY : rc & 0xff;
  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    if (primary == plain[i].rc)
      {
        g_set_error_literal (error, TD_ERROR, plain[i].code, _ (plain[i].message));
        return FALSE;
      }
  switch (primary)
    {
    case SQLITE_CORRUPT:
      {
        const char *file = handle != NULL ? sqlite3_db_filename (handle, "main") : NULL;

        /* Name the backup to open, not just "a backup". */
        if (file != NULL && *file != '\0')
          td_backup_set_damaged_found_error (file, error);
        else
          g_set_error (error, TD_ERROR, TD_ERROR_CORRUPT,
                       _ ("The database file is damaged. Open the newest backup instead."));
      }
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                   _ ("The change breaks a rule of the data (%s)."), detail);
      break;
    case SQLITE_IOERR:
      g_set_error (error, TD_ERROR, TD_ERROR_FAILED,
                   _ ("The disk could not be read or written (%s). Check that the disk or "
                      "USB stick is still connected, then try again."),
                   detail);
      break;
    default:
      g_set_error (error, TD_ERROR, TD_ERROR_FAILED, _ ("The database reported an error: %s."),
                   detail);
      break;
    }
  return FALSE;
}
