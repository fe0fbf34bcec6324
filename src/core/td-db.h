/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The database connection: errors, statements, transactions, migrations. */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define TD_ERROR (td_error_quark ())

/* Every failure a clerk can meet, each with a message she can act on. */
typedef enum
{
  TD_ERROR_FAILED,
  TD_ERROR_NOT_FOUND,  /* the file does not exist */
  TD_ERROR_NOT_THIDUA, /* not a Thi Đua database (text file, another app's SQLite file) */
  TD_ERROR_TOO_NEW,    /* made by a newer version of Thi Đua */
  TD_ERROR_READ_ONLY,  /* the file or the connection is read-only */
  TD_ERROR_BUSY,       /* locked by another program */
  TD_ERROR_DISK_FULL,
  TD_ERROR_CORRUPT,    /* damaged or truncated */
  TD_ERROR_INVALID,    /* bad input: the message names the field and what is allowed */
  TD_ERROR_CONSTRAINT, /* a rule of the data was broken (duplicate, still in use) */
} TdError;

GQuark td_error_quark (void);

/* "THID" in the SQLite header: recognises our files without opening them. */
#define TD_APPLICATION_ID 0x54484944

typedef enum
{
  TD_DB_OPEN_DEFAULT = 0,
  TD_DB_OPEN_CREATE = 1 << 0,    /* create the file when it does not exist */
  TD_DB_OPEN_READ_ONLY = 1 << 1, /* never write, even when the file is writable */
  TD_DB_OPEN_NO_BACKUP = 1 << 2, /* skip the automatic backups (tests, scratch files) */
  /* The daily copy is left to the caller (td_backup_daily_async), so that
   * copying a large file never holds up the window; the copy before an
   * upgrade is still made here. */
  TD_DB_OPEN_DEFER_DAILY_BACKUP = 1 << 3,
  /* A large file closed cleanly here opens without its full check, which
   * the caller then runs in the background (td_db_check_async).  Without
   * this flag every open checks the whole file first. */
  TD_DB_OPEN_DEFER_CHECK = 1 << 4,
} TdDbOpenFlags;

typedef enum
{
  TD_STEP_ERROR = -1,
  TD_STEP_DONE = 0,
  TD_STEP_ROW = 1,
} TdStep;

#define TD_TYPE_DB (td_db_get_type ())
G_DECLARE_FINAL_TYPE (TdDb, td_db, TD, DB, GObject)

TdDb *td_db_open (const char *path, TdDbOpenFlags flags, GError **error);
/* TRUE when opening @path will run the full integrity check (it reads the
 * whole file: seconds for a province's database). */
gboolean td_db_open_will_check (const char *path);
/* The full check an open deferred: TRUE while it is still to be run. */
gboolean td_db_get_check_deferred (TdDb *self);
/* Runs it in a thread over a read-only connection of its own; the file
 * stays usable meanwhile.  On damage _finish gives TD_ERROR_CORRUPT naming
 * the newest backup, and the connection refuses every change from then on. */
void td_db_check_async (TdDb *self, GCancellable *cancellable, GAsyncReadyCallback callback,
                        gpointer user_data);
gboolean td_db_check_finish (TdDb *self, GAsyncResult *result, GError **error);
TdDb *td_db_new_memory (GError **error);
void td_db_close (TdDb *self);

const char *td_db_get_path (TdDb *self);
gchar *td_db_dup_display_name (TdDb *self);
gboolean td_db_is_read_only (TdDb *self);
const GError *td_db_get_open_warning (TdDb *self);
gint td_db_get_schema_version (TdDb *self);
sqlite3 *td_db_get_handle (TdDb *self);

gboolean td_db_exec (TdDb *self, const char *sql, GError **error);
sqlite3_stmt *td_db_prepare (TdDb *self, const char *sql, GError **error);
TdStep td_db_step (TdDb *self, sqlite3_stmt *stmt, GError **error);
gboolean td_db_run (TdDb *self, sqlite3_stmt *stmt, GError **error);
gint64 td_db_last_insert_id (TdDb *self);
gchar *td_db_dup_text (sqlite3_stmt *stmt, int column);
gint64 td_db_query_int (TdDb *self, const char *sql, gint64 fallback, GError **error);

gboolean td_db_begin (TdDb *self, GError **error);
gboolean td_db_commit (TdDb *self, GError **error);
void td_db_rollback (TdDb *self);

/* A change of several steps made by @steps (@data): committed when it
 * returns TRUE and the commit succeeds, rolled back otherwise, so that
 * none of it stays when one step fails.  Inside another transaction it is
 * a savepoint of that one. */
typedef gboolean (*TdDbSteps) (TdDb *db, gpointer data, GError **error);
gboolean td_db_transaction (TdDb *self, TdDbSteps steps, gpointer data, GError **error);

gboolean td_db_audit (TdDb *self, const char *table, gint64 row_id, const char *field,
                      const char *old_value, const char *new_value, GError **error);

void td_db_notify_changed (TdDb *self, const char *what);
/* Batches (an import of many scores): while frozen, notifications are
 * collected and each is emitted once by the last thaw, so the window
 * reloads once instead of once per saved row. */
void td_db_freeze_notify (TdDb *self);
void td_db_thaw_notify (TdDb *self);

gboolean td_db_set_meta (TdDb *self, const char *key, const char *value, GError **error);
gchar *td_db_get_meta (TdDb *self, const char *key);
/* A random UUID given to the file when it is first opened for writing
 * (td-db-identity.c; nothing is written when it has one); a file without
 * one gets a stable stand-in derived from its creation time. */
gboolean td_db_ensure_identity (TdDb *self, GError **error);
gchar *td_db_dup_identity (TdDb *self);

gboolean td_db_set_error_from_sqlite (TdDb *self, int rc, GError **error);
gboolean td_error_from_sqlite (sqlite3 *handle, int rc, GError **error);
/* A failed system call in the clerk's words: @format and its values as a
 * TD_ERROR, TD_ERROR_DISK_FULL when @saved (the call's errno) is ENOSPC.
 * Returns FALSE. */
gboolean td_error_from_errno (GError **error, int saved, const char *format, ...)
    G_GNUC_PRINTF (3, 4);
/* A field the clerk must fill in: FALSE, and a TD_ERROR_INVALID saying
 * @message (which names the field), when @text is NULL or only white
 * space. */
gboolean td_error_require_text (const char *text, const char *message, GError **error);
gchar *td_db_current_user (void);

/* The numbered schema steps, in td-schema.c. */
typedef struct
{
  gint version;
  const char *sql;
} TdMigration;

const TdMigration *td_schema_get_migrations (guint *n_migrations);
gint td_schema_get_current_version (void);

G_END_DECLS
