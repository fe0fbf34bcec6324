/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers for widget tests: the real application and window, driven by actions. */
#pragma once

#include "td-application.h"
#include "td-window.h"

G_BEGIN_DECLS

void td_test_init (int *argc, char ***argv);
TdApplication *td_test_app_get (void);
TdWindow *td_test_window_new (void);
void td_test_iterate (void);
void td_test_wait_until (gboolean (*predicate) (gpointer), gpointer data, guint timeout_ms);
void td_test_wait_drawn (GtkWidget *widget);
gchar *td_test_output_path (const char *name);
gchar *td_test_screenshot (GtkWidget *widget, const char *name);
/* A new folder, removed when the test program ends well (td-test-tmp.h). */
gchar *td_test_tmpdir (void);
void td_test_activate (GtkWidget *widget, const char *action, GVariant *param);
GtkWindow *td_test_find_toplevel (GType type);
void td_test_close_toplevels_except (GtkWindow *keep);
GtkWidget *td_test_find_widget (GtkWidget *root, GType type, const char *label);
/* The first widget under @root (itself included) whose widget name is @name. */
GtkWidget *td_test_find_named (GtkWidget *root, const char *name);
/* Every widget of @type under @root (itself included), in tree order. */
GPtrArray *td_test_collect_widgets (GtkWidget *root, GType type);
/* A fresh copy of the demo database, "demo.db" in a new folder (*dir_out,
 * the caller frees it), open for writing. */
TdDb *td_test_demo_db (gchar **dir_out);
/* The bloc-year of @db's first bloc in @year (the demo has 2023 and 2024). */
gint64 td_test_first_bloc_year (TdDb *db, gint year);
/* A window that opened a fresh copy of the demo database from its file,
 * as the clerk would (*dir_out: its folder, the caller frees it). */
TdWindow *td_test_window_open_demo (gchar **dir_out);
/* A window of @width × @height (0: the default size) on @db showing
 * @bloc_year_id (0: none chosen). */
TdWindow *td_test_window_with (TdDb *db, gint64 bloc_year_id, int width, int height);
void td_test_dismiss_toasts (TdWindow *window);
/* TRUE when @trigger (a key, or either of two) is @keyval with exactly
 * @mods, the letter's case aside. */
gboolean td_test_trigger_matches (GtkShortcutTrigger *trigger, guint keyval, GdkModifierType mods);
/* Delivers a key press as GTK would to @focus: the key controllers and
 * shortcuts of @focus and its ancestors, capture phase from the top, then
 * bubble phase from @focus (widget class key bindings included). */
void td_test_press (GtkWidget *focus, guint keyval, GdkModifierType mods);
void td_test_destroy_window (TdWindow *window);

G_END_DECLS
