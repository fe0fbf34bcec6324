/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups of the database file: make, list, rotate, restore, save a copy, and
 * the integrity check run on open. */
#pragma once

#include "td-db.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/* Why a backup was made.  The kind is part of the file name. */
typedef enum
{
  TD_BACKUP_DAILY,          /* first open of the day */
  TD_BACKUP_PRE_MIGRATION,  /* just before a schema upgrade: never deleted */
  TD_BACKUP_MANUAL,         /* "Back Up Now" */
  TD_BACKUP_BEFORE_RESTORE, /* the file as it was before a restore: undoes it */
} TdBackupKind;

/* How many daily copies are kept per database. */
#define TD_BACKUP_KEEP_DAILY 14

#define TD_TYPE_BACKUP (td_backup_get_type ())
G_DECLARE_FINAL_TYPE (TdBackup, td_backup, TD, BACKUP, GObject)

gchar *td_backup_get_dir (void);
gchar *td_backup_stem_for (const char *db_path);

TdBackup *td_backup_load (const char *path, GError **error);
const char *td_backup_get_path (TdBackup *self);
TdBackupKind td_backup_get_kind (TdBackup *self);
const char *td_backup_kind_label (TdBackupKind kind);
GDateTime *td_backup_get_date (TdBackup *self);
goffset td_backup_get_size (TdBackup *self);
gint td_backup_get_schema_version (TdBackup *self);
gint64 td_backup_get_n_units (TdBackup *self); /* -1: the copy has no such table */
gint64 td_backup_get_n_blocs (TdBackup *self);
gint64 td_backup_get_n_years (TdBackup *self);
gchar *td_backup_describe_contents (TdBackup *self);

TdBackup *td_backup_create (TdDb *db, TdBackupKind kind, GError **error);
gboolean td_backup_daily (TdDb *db, gboolean *made, GError **error);
/* The same in a thread over a connection of its own (the file is in WAL
 * mode, so the clerk goes on writing meanwhile).  _finish says whether a
 * copy was made; FALSE with @error when it failed. */
void td_backup_daily_async (const char *db_path, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data);
gboolean td_backup_daily_finish (GAsyncResult *result, gboolean *made, GError **error);
/* Cancels the daily copies in progress and waits until each has removed
 * its unfinished file (when the application quits). */
void td_backup_stop_daily (void);
guint td_backup_rotate (const char *db_path, guint keep_daily);
GListStore *td_backup_list (const char *db_path);
TdBackup *td_backup_find_newest (const char *db_path);

gboolean td_backup_save_copy (TdDb *db, const char *dest_path, GError **error);
TdBackup *td_backup_restore (TdDb *db, const char *backup_path, GError **error);
gchar *td_backup_copy_for_opening (const char *backup_path, const char *damaged_path,
                                   GError **error);

void td_backup_set_damaged_error (const char *path, GError **error);
void td_backup_set_damaged_found_error (const char *path, GError **error);
gboolean td_backup_quick_check (sqlite3 *handle, const char *path, GError **error);

G_END_DECLS
