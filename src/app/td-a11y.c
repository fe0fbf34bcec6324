/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Accessible names, descriptions and announcements for what GTK 4.8 leaves
 * unnamed (see td-a11y.h).  GTK 4.8 has no getter for an accessible
 * property, so what this module set is also kept as object data: the
 * cells' texts make the row's summary, the rule comes back as description
 * when a refused value is corrected. */
#include "td-a11y.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "td-lazy-tooltip.h"

#define CELL_TEXT "td-a11y-cell-text"
#define NAMED "td-a11y-named"
#define DESCRIPTION "td-a11y-description"
#define INVALID "td-a11y-invalid"
#define ANNOUNCER "td-a11y-announcer"
#define VIEW_NAME "td-a11y-view-name"
#define LEAD "td-a11y-lead"

/* What @widget shows, as a reader would say it: its labels, the text of
 * its fields, the chosen option. */
static void
append_text (GString *out, GtkWidget *widget)
{
  const char *text = NULL;

  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_EDITABLE (widget))
    text = gtk_editable_get_text (GTK_EDITABLE (widget));
  else if (GTK_IS_DROP_DOWN (widget))
    {
      gpointer item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (widget));
      if (GTK_IS_STRING_OBJECT (item))
        text = gtk_string_object_get_string (item);
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    text = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  if (text != NULL)
    {
      if (*text && out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, text);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_text (out, child);
}

static gboolean
is_type (GtkWidget *widget, const char *type_name)
{
  return widget != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (widget), type_name) == 0;
}

/* The tooltip of @widget, stored lazily or not. */
static const char *
tooltip_of (GtkWidget *widget)
{
  const char *text = td_lazy_tooltip_get (widget);

  if (text == NULL || *text == '\0')
    text = gtk_widget_get_tooltip_text (widget);
  return text != NULL && *text ? text : NULL;
}

/* The first tooltip in @widget's tree. */
static const char *
tooltip_of_tree (GtkWidget *widget)
{
  const char *text = tooltip_of (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); text == NULL && child != NULL;
       child = gtk_widget_get_next_sibling (child))
    text = tooltip_of_tree (child);
  return text;
}

/* The row's summary: the leading cell as it is ("Sở Tư pháp"), then each
 * other cell with its column ("Hạng 2"), the empty ones left out. */
static void
update_row (GtkWidget *row)
{
  g_autoptr (GString) summary = g_string_new (NULL);

  for (int lead = 1; lead >= 0; lead--)
    for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
         cell = gtk_widget_get_next_sibling (cell))
      {
        const char *text = g_object_get_data (G_OBJECT (cell), CELL_TEXT);

        if (text == NULL || *text == '\0'
            || (g_object_get_data (G_OBJECT (cell), LEAD) != NULL) != lead)
          continue;
        if (summary->len > 0)
          g_string_append (summary, ", ");
        g_string_append (summary, text);
      }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, summary->str,
                                  -1);
}

/* Names the column view cell holding @child "@column value" (@lead: the
 * value alone, said first in the row) and its row. */
static void
name_cell_itself (GtkWidget *child, const char *column, gboolean lead)
{
  GtkWidget *cell = gtk_widget_get_parent (child);
  g_autoptr (GString) value = g_string_new (NULL);
  const char *fallback;
  gchar *text;

  if (!is_type (cell, "GtkColumnViewCell"))
    return;
  append_text (value, child);
  g_strstrip (value->str);
  if (value->str[0] == '\0')
    text = g_strdup ("");
  else if (lead || column == NULL || *column == '\0')
    text = g_strdup (value->str);
  else
    text = g_strdup_printf ("%s %s", column, value->str);
  /* An empty cell says its column; a column without a title (a history
   * button's) says what its control does. */
  fallback = column != NULL && *column ? column : tooltip_of_tree (child);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  *text ? text : (fallback ? fallback : ""), -1);
  g_object_set_data_full (G_OBJECT (cell), CELL_TEXT, text, g_free);
  g_object_set_data (G_OBJECT (cell), LEAD, GINT_TO_POINTER (lead));
  if (gtk_widget_get_parent (cell) != NULL)
    update_row (gtk_widget_get_parent (cell));
}

static void
set_name (GtkWidget *widget, const char *name, const char *description)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (widget), NAMED, GINT_TO_POINTER (TRUE));
  g_object_set_data_full (G_OBJECT (widget), DESCRIPTION, g_strdup (description), g_free);
  if (g_object_get_data (G_OBJECT (widget), INVALID) == NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description ? description : "", -1);
  /* A drop-down's reader-facing part is the toggle button inside (a menu
   * button's toggle is labelled by the menu button already: a label of its
   * own would be said twice). */
  if (GTK_IS_DROP_DOWN (widget))
    {
      GtkWidget *toggle = gtk_widget_get_first_child (widget);
      if (GTK_IS_TOGGLE_BUTTON (toggle))
        gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
    }
}

static void
name_fields (GtkWidget *widget, const char *name, const char *description)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_ENTRY (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SPIN_BUTTON (widget)
      || GTK_IS_CHECK_BUTTON (widget) || (GTK_IS_TEXT (widget)))
    {
      set_name (widget, name, description);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_fields (child, name, description);
}

void
td_a11y_name_cell (GtkWidget *child, const char *column, const char *row, const char *description)
{
  g_autofree gchar *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (child));
  if (row != NULL && *row)
    name = g_strdup_printf ("%s, %s", column ? column : "", row);
  else
    name = g_strdup (column ? column : "");
  name_fields (child, name, description);
  name_cell_itself (child, column, FALSE);
}

static void
on_bind (GtkSignalListItemFactory *factory, GtkListItem *item, GtkColumnViewColumn *column)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkColumnView *view = gtk_column_view_column_get_column_view (column);
  gboolean lead = FALSE;

  if (child == NULL)
    return;
  if (view != NULL)
    {
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), LEAD));
      g_autoptr (GtkColumnViewColumn) head
          = g_list_model_get_item (gtk_column_view_get_columns (view), index);
      lead = head == column;
    }
  name_cell_itself (child, gtk_column_view_column_get_title (column), lead);
}

static void
follow_columns (GListModel *columns, guint position, guint removed, guint added, gpointer data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);

      if (!GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory)
          || g_object_get_data (G_OBJECT (factory), "td-a11y-followed"))
        continue;
      g_object_set_data (G_OBJECT (factory), "td-a11y-followed", GINT_TO_POINTER (TRUE));
      g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind), column, G_CONNECT_AFTER);
    }
}

void
td_a11y_name_column_view (GtkColumnView *view, const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (view), VIEW_NAME, g_strdup (name), g_free);
}

/* GTK 4.8 moves Tab from row to row of a list: a list of 40 units is 40
 * presses to get past.  Arrows move in the list; Tab leaves it at once,
 * to the control after it (Shift+Tab before it). */
static gboolean
on_list_key (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
             GtkWidget *list)
{
  GtkRoot *root = gtk_widget_get_root (list);
  GtkDirectionType dir;
  GtkWidget *focus;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) || root == NULL)
    return FALSE;
  focus = gtk_root_get_focus (root);
  /* A field inside a cell keeps its own Tab. */
  if (focus == NULL || GTK_IS_EDITABLE (focus)
      || gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN))
    return FALSE;
  dir = (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK)) ? GTK_DIR_TAB_BACKWARD
                                                                     : GTK_DIR_TAB_FORWARD;
  for (guint i = 0; i < 10000; i++)
    {
      g_signal_emit_by_name (root, "move-focus", dir);
      focus = gtk_root_get_focus (root);
      if (focus == NULL || !gtk_widget_is_ancestor (focus, list))
        break;
    }
  return TRUE;
}

void
td_a11y_tab_leaves_list (GtkWidget *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key), list);
  gtk_widget_add_controller (list, keys);
}

void
td_a11y_follow_column_view (GtkColumnView *view, const char *name, guint lead)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  td_a11y_tab_leaves_list (GTK_WIDGET (view));
  g_object_set_data (G_OBJECT (view), LEAD, GUINT_TO_POINTER (lead));
  if (name != NULL)
    td_a11y_name_column_view (view, name);
  follow_columns (columns, 0, 0, g_list_model_get_n_items (columns), NULL);
  g_signal_connect (columns, "items-changed", G_CALLBACK (follow_columns), NULL);
}

/* A button shows only an icon when its child is an image (or it has an
 * icon name and no label). */
static gboolean
icon_only (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL;
  child = gtk_button_get_child (GTK_BUTTON (widget));
  if (child == NULL)
    return gtk_button_get_label (GTK_BUTTON (widget)) == NULL
           || gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL;
  return GTK_IS_IMAGE (child);
}

/* The text of the label just before @widget among its siblings. */
static const char *
label_before (GtkWidget *widget)
{
  GtkWidget *prev = gtk_widget_get_prev_sibling (widget);

  if (GTK_IS_LABEL (prev) && gtk_widget_get_visible (prev))
    return gtk_label_get_text (GTK_LABEL (prev));
  return NULL;
}

/* "Nhập _biểu quyết…" without its mnemonic mark, for buttons GTK 4.8
 * would name twice ("_Nhập Nhập"). */
static gchar *
without_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p; p++)
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
name_unnamed (GtkWidget *widget)
{
  gboolean named = g_object_get_data (G_OBJECT (widget), NAMED) != NULL;

  if (!named && (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
      && !GTK_IS_CHECK_BUTTON (widget))
    {
      const char *label
          = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

      if (GTK_IS_BUTTON (widget) && label != NULL
          && gtk_button_get_use_underline (GTK_BUTTON (widget)) && strchr (label, '_'))
        {
          /* GTK 4.8 says both the button's label ("_Xem") and the label
           * that names it through its mnemonic ("Xem"): keep only the
           * latter. */
          gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
          g_object_set_data (G_OBJECT (widget), NAMED, GINT_TO_POINTER (TRUE));
        }
      else if (icon_only (widget) && tooltip_of (widget) != NULL)
        {
          g_autofree gchar *plain = without_mnemonic (tooltip_of (widget));
          set_name (widget, plain, NULL);
        }
      else if (icon_only (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY)
               && is_type (gtk_widget_get_parent (widget), "AdwToastWidget"))
        set_name (widget, _ ("Dismiss"), NULL); /* a toast's close button */
    }
  else if (!named
           && (GTK_IS_DROP_DOWN (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget)
               || (GTK_IS_CHECK_BUTTON (widget)
                   && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) == NULL)))
    {
      const char *name = tooltip_of (widget);

      if (name == NULL)
        name = label_before (widget);
      if (name != NULL && *name)
        {
          g_autofree gchar *plain = without_mnemonic (name);
          set_name (widget, plain, NULL);
        }
    }
  else if (!named && GTK_IS_LIST_BOX (widget))
    {
      /* The list inside an expander row: named by the row. */
      GtkWidget *expander = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);
      if (expander != NULL)
        set_name (widget, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), NULL);
    }
  else if (!named && is_type (widget, "GtkListItemWidget")
           && GTK_IS_COLUMN_VIEW (gtk_widget_get_parent (widget)))
    set_name (widget, _ ("Column headers"), NULL);
  else if (!named && is_type (widget, "GtkColumnListView"))
    {
      /* A column view's inner list says what the view is. */
      const char *name = g_object_get_data (G_OBJECT (gtk_widget_get_parent (widget)), VIEW_NAME);
      if (name != NULL)
        set_name (widget, name, NULL);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_unnamed (child);
}

void
td_a11y_name_unnamed (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  name_unnamed (root);
}

void
td_a11y_set_invalid (GtkWidget *field, const char *message)
{
  const char *description;

  g_return_if_fail (GTK_IS_WIDGET (field));
  if (message != NULL && *message)
    {
      g_object_set_data_full (G_OBJECT (field), INVALID, g_strdup (message), g_free);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
      return;
    }
  if (g_object_get_data (G_OBJECT (field), INVALID) == NULL)
    return;
  g_object_set_data (G_OBJECT (field), INVALID, NULL);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
  description = g_object_get_data (G_OBJECT (field), DESCRIPTION);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "", -1);
}

void
td_a11y_set_announcer (GtkWidget *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));
  /* Found from any widget of the window through its root. */
  g_object_set_data (G_OBJECT (label), ANNOUNCER, GINT_TO_POINTER (TRUE));
}

static GtkWidget *
find_announcer (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), ANNOUNCER) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_announcer (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
td_a11y_announce (GtkWidget *any, const char *message)
{
  GtkRoot *root;
  GtkWidget *label;

  g_return_if_fail (GTK_IS_WIDGET (any));
  root = gtk_widget_get_root (any);
  if (root == NULL || message == NULL || *message == '\0')
    return;
  label = g_object_get_data (G_OBJECT (root), ANNOUNCER);
  if (label == NULL)
    {
      label = find_announcer (GTK_WIDGET (root));
      if (label == NULL)
        return;
      g_object_set_data (G_OBJECT (root), ANNOUNCER, label);
    }
  /* An alert is read when it appears: hide it, change it, show it again
   * (GTK 4.8 tells the reader of the "showing" change and the new name). */
  gtk_widget_set_visible (label, FALSE);
  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  -1);
  gtk_widget_set_visible (label, TRUE);
}
