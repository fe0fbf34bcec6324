/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a screen reader needs and GTK 4.8 does not give by itself: names for
 * the cells and rows of column views (it has no table interface), for
 * score fields (column + criterion, the rule as description), for icon-only
 * buttons and drop-downs, and a refused value marked invalid and announced
 * (it has no gtk_accessible_announce). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names the editable parts of a table cell (@child, a list item's child):
 * "@column, @row" with @description (the rule, "0 – 20 điểm") read after
 * it, and the cell itself and its row's spoken summary from what they
 * show.  @row and @description may be NULL. */
void td_a11y_name_cell (GtkWidget *child, const char *column, const char *row,
                        const char *description);

/* Names @view and the list inside it (GTK 4.8 exposes both) @name. */
void td_a11y_name_column_view (GtkColumnView *view, const char *name);

/* Tab (Shift+Tab) leaves @list for the control after (before) it, as in
 * GTK 4.12, instead of visiting each row; arrows move in the list. */
void td_a11y_tab_leaves_list (GtkWidget *list);

/* Names every cell and row of @view, from its columns' titles and what
 * the cells show, each time a cell is bound.  For views whose factories
 * fill their cells in "bind" (a view that fills later calls
 * td_a11y_name_cell itself).  The row's summary starts with the cell of
 * column @lead without its title ("Sở Tư pháp, Hạng 2, …").  Also names
 * the view @name and lets Tab
 * leave it (td_a11y_tab_leaves_list). */
void td_a11y_follow_column_view (GtkColumnView *view, const char *name, guint lead);

/* Names what under @root has no name of its own: icon-only buttons and
 * menu buttons by their tooltip (their action), drop-downs and entries by
 * their tooltip or the label just before them.  Cheap; run after a
 * section (re)builds its widgets. */
void td_a11y_name_unnamed (GtkWidget *root);

/* Marks @field invalid with @message as its description (NULL: valid
 * again, the description cleared) and, when invalid, announces @message. */
void td_a11y_set_invalid (GtkWidget *field, const char *message);

/* Says @message to a screen reader through the window's alert (see
 * td_a11y_set_announcer); nothing when the window has none. */
void td_a11y_announce (GtkWidget *any, const char *message);

/* @label (made with the alert role) becomes the announcer of its window. */
void td_a11y_set_announcer (GtkWidget *label);

G_END_DECLS
