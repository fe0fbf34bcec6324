/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Restore from Backup": the backups of the open database, and restoring one. */
#pragma once

#include <adwaita.h>

#include "td-backup.h"
#include "td-db.h"

G_BEGIN_DECLS

#define TD_TYPE_BACKUPS_WINDOW (td_backups_window_get_type ())
G_DECLARE_FINAL_TYPE (TdBackupsWindow, td_backups_window, TD, BACKUPS_WINDOW, AdwWindow)

GtkWidget *td_backups_window_new (GtkWindow *parent, TdDb *db);
guint td_backups_window_get_n_backups (TdBackupsWindow *self);
void td_backups_window_ask_restore (TdBackupsWindow *self, const char *backup_path);

G_END_DECLS
