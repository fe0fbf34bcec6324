/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: sidebar of sections, header bar, toasts, the open database. */
#pragma once

#include <adwaita.h>

#include "td-application.h"
#include "td-db.h"
#include "td-section-page.h"

G_BEGIN_DECLS

#define TD_TYPE_WINDOW (td_window_get_type ())
G_DECLARE_FINAL_TYPE (TdWindow, td_window, TD, WINDOW, AdwApplicationWindow)

TdWindow *td_window_new (TdApplication *application);

TdDb *td_window_get_database (TdWindow *self);
void td_window_set_database (TdWindow *self, TdDb *db, gboolean remember);
gboolean td_window_open_path (TdWindow *self, const char *path, TdDbOpenFlags flags);
gboolean td_window_restore_backup (TdWindow *self, const char *backup_path);
GMenuModel *td_window_get_recent_menu (TdWindow *self);

/* TRUE with no database or a read-only one: pages disable every editing
 * action then (bind to the "read-only" property, which is notified). */
gboolean td_window_get_read_only (TdWindow *self);

gint64 td_window_get_bloc_year_id (TdWindow *self);
void td_window_set_bloc_year_id (TdWindow *self, gint64 bloc_year_id);

gboolean td_window_show_section (TdWindow *self, const char *name);
const char *td_window_get_section (TdWindow *self);
/* The section named @name, built if it was never shown; NULL when there is
 * no such section. */
TdSectionPage *td_window_get_page (TdWindow *self, const char *name);
GtkWidget *td_window_get_header_start (TdWindow *self);
void td_window_screenshot_and_quit (TdWindow *self, const char *path);

/* For pages and dialogs: report to the window that holds @from. */
void td_window_show_error (GtkWidget *from, const char *heading, const GError *error);
void td_window_toast (GtkWidget *from, AdwToast *toast);
void td_window_toast_text (GtkWidget *from, const char *text);
/* Takes @toast away if the message bar of @from's window shows it (a
 * message too long for a toast); FALSE when the bar does not show it. */
gboolean td_window_withdraw_message (GtkWidget *from, AdwToast *toast);

G_END_DECLS
