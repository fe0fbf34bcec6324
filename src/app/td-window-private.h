/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the main window's source files share: td-window.c (sections,
 * header, sheets, messages) and td-window-files.c (database files). */
#pragma once

#include "td-window.h"

G_BEGIN_DECLS

#define TD_WINDOW_N_SECTIONS 7

struct _TdWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkListBox *sidebar_list;
  GtkWidget *sidebar_separator;
  GtkWidget *content_box;
  GtkWidget *sidebar_box;
  GtkWidget *content_header;
  GtkWidget *announcer;
  GtkStack *stack;
  AdwWindowTitle *window_title;
  GtkWidget *sheets_button;
  GtkMenuButton *primary_button;
  GMenuModel *primary_menu;
  GMenuModel *sheets_menu;
  GtkBox *header_start_box;
  GtkRevealer *notice_revealer;
  GtkLabel *notice_label;
  GtkRevealer *checking_revealer;
  GtkLabel *checking_label;
  GtkSpinner *checking_spinner;
  GtkRevealer *message_revealer; /* a message too long for a toast (td-window-message.c) */
  GtkLabel *message_label;
  GtkWidget *message_button;
  AdwToast *message_toast; /* what the message shows, with its button */
  GMenu *recent_menu;
  guint name_idle;                           /* td_window_name_unnamed_later */
  guint open_generation;                     /* each open supersedes one still being checked */
  GtkWidget *sections[TD_WINDOW_N_SECTIONS]; /* NULL until first shown */
  gboolean section_chosen; /* a section was asked for before the window was shown */
  gboolean urgent_pending; /* the urgent deadlines are told once the window is drawn */
  guint urgent_idle;       /* … once idle after that frame */
  GHashTable *urgent_told; /* paths whose urgent deadlines were told: once a file */
  TdDb *check_waiting;     /* its background check starts once the window is drawn */

  TdDb *database;
  gint64 bloc_year_id;
  gchar *undo_restore_path; /* the before-restore copy the last restore made */
};

/* The actions that need an open (or writable) database, and the notices. */
void td_window_update_actions (TdWindow *self);
/* Opens @revealer (made visible first) or closes it (then hidden). */
void td_window_reveal (GtkRevealer *revealer, gboolean shown);
/* @path becomes the database opened next time, at the head of the recent list. */
void td_window_remember_database (TdWindow *self, const char *path);
void td_window_refresh_recent_menu (TdWindow *self);
void td_window_files_class_init (GtkWidgetClass *widget_class);
void td_window_message_class_init (GtkWidgetClass *widget_class);
/* TRUE when @toast's title would be cut in a toast of @from's window. */
gboolean td_window_message_too_long (GtkWidget *from, AdwToast *toast);
/* Shows @toast (taken) whole: in the window's message bar, or over the
 * dialog @from is in. */
void td_window_show_message (GtkWidget *from, AdwToast *toast);
void td_window_close_message (TdWindow *self);
void td_window_name_unnamed_later (TdWindow *self);
/* What waits for the window's first frame (the urgent deadlines' toast, the
 * background check of the file) is done then, or at once when the window
 * has drawn one already. */
void td_window_after_first_frame (TdWindow *self);
/* Starts the background check of check_waiting, if it is still the file
 * shown (td-window-files.c). */
void td_window_start_waiting_check (TdWindow *self);
/* The size of a first start (no size remembered yet) on a monitor of
 * @monitor_width × @monitor_height, in *@width × *@height (left alone on a
 * large monitor): on an office laptop's 1366×768 the first size would leave
 * the tables a few pixels short, so it asks for the whole screen (the window
 * manager keeps it inside the work area). */
void td_window_first_start_size (int monitor_width, int monitor_height, int *width, int *height);

G_END_DECLS
