/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Paste a table".
 *
 * Two steps in one modal window: the pasted text, then a preview with every
 * row's cells (editable), its interpretation in words and its problems.
 * The core parses (td_paste_parse) and re-interprets a row whenever a cell
 * is changed, so the clerk sees at once what the app understood.  Nothing is
 * stored until "Save Table", which is refused while a row still has an
 * error; a bloc-year that already has criteria asks before replacing them
 * (their scores are kept by the core). */
#include "config.h"

#include "td-paste-dialog.h"
#include "td-window.h"
#include "td-lazy-tooltip.h"

#include <glib/gi18n.h>

typedef enum
{
  COL_LINE,
  COL_USE,
  COL_CODE,
  COL_TITLE,
  COL_STANDARD,
  COL_BONUS,
  COL_DEDUCTION,
  COL_INTERPRETATION,
  COL_PROBLEMS,
  N_COLUMNS
} Column;

#define KEY(row, col) GUINT_TO_POINTER (((row) << 4) | (col))
#define IS_ENTRY(col) ((col) >= COL_CODE && (col) <= COL_DEDUCTION)

struct _TdPasteDialog
{
  AdwWindow parent_instance;

  GtkStack *stack;
  GtkTextView *input_view;
  GtkLabel *summary_label;
  GtkColumnView *view;
  GtkWidget *back_button;
  GtkWidget *preview_button;

  TdDb *database;
  gint64 bloc_year_id;
  TdPastePreview *preview;
  GtkStringList *rows; /* one item per preview row; the position is the row */
  GHashTable *cells;   /* KEY (row, column) → bound widget */
  gchar *summary;
};

G_DEFINE_FINAL_TYPE (TdPasteDialog, td_paste_dialog, ADW_TYPE_WINDOW)

static TdPasteColumn
paste_column (Column col)
{
  return (TdPasteColumn)(col - COL_CODE);
}

static void
update_summary (TdPasteDialog *self)
{
  guint n_rows = 0, n_used = 0, n_errors;
  g_autofree gchar *total = NULL;

  if (self->preview == NULL)
    return;
  n_rows = self->preview->rows->len;
  for (guint i = 0; i < n_rows; i++)
    if (!((TdPasteRow *)g_ptr_array_index (self->preview->rows, i))->skip)
      n_used++;
  n_errors = td_paste_preview_count_errors (self->preview);
  total = td_points_format (self->preview->total);
  g_free (self->summary);
  if (n_errors > 0)
    /* Translators: the paste preview's summary line */
    self->summary = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%u criteria from %u rows, total %s points. %u row needs fixing before "
                     "the table can be saved: correct its cells or untick it.",
                     "%u criteria from %u rows, total %s points. %u rows need fixing before "
                     "the table can be saved: correct their cells or untick them.",
                     n_errors),
        n_used, n_rows, total, n_errors);
  else
    self->summary = g_strdup_printf (_ ("%u criteria from %u rows, total %s points. Check the "
                                        "interpretation of each row, then save the table."),
                                     n_used, n_rows, total);
  gtk_label_set_text (self->summary_label, self->summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paste.save", n_errors == 0 && n_used > 0);
}

static void
fill_cell (TdPasteDialog *self, GtkWidget *widget, guint row_index, Column col)
{
  TdPasteRow *row = g_ptr_array_index (self->preview->rows, row_index);
  g_autofree gchar *text = NULL;

  switch (col)
    {
    case COL_LINE:
      text = g_strdup_printf ("%u", row->line);
      gtk_label_set_text (GTK_LABEL (widget), text);
      break;
    case COL_USE:
      g_object_set_data (G_OBJECT (widget), "filling", GINT_TO_POINTER (1));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), !row->skip);
      g_object_set_data (G_OBJECT (widget), "filling", NULL);
      break;
    case COL_INTERPRETATION:
      gtk_label_set_text (GTK_LABEL (widget), row->skip ? _ ("(not used)") : row->interpretation);
      td_lazy_tooltip_set (widget, row->interpretation);
      gtk_widget_set_margin_start (widget, row->skip ? 0 : row->depth * 12);
      break;
    case COL_PROBLEMS:
      gtk_label_set_text (GTK_LABEL (widget), row->skip ? "" : row->problems);
      td_lazy_tooltip_set (widget, row->problems);
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_remove_css_class (widget, "warning");
      if (!row->skip && row->status == TD_PASTE_ERROR)
        gtk_widget_add_css_class (widget, "error");
      else if (!row->skip && row->status == TD_PASTE_WARNING)
        gtk_widget_add_css_class (widget, "warning");
      break;
    default:
      if (!gtk_widget_has_focus (widget)
          && !(gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN))
        gtk_editable_set_text (GTK_EDITABLE (widget), row->cells[paste_column (col)]);
      break;
    }
}

/* After any change: the core may re-level other rows too. */
static void
refresh_cells (TdPasteDialog *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint k = GPOINTER_TO_UINT (key);
      fill_cell (self, value, k >> 4, k & 0xf);
    }
  update_summary (self);
}

static void
commit_entry (TdPasteDialog *self, GtkWidget *entry)
{
  guint row_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "row"));
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "col"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *cells[TD_PASTE_N_COLS] = { NULL };
  TdPasteRow *row;

  if (self->preview == NULL || row_index >= self->preview->rows->len)
    return;
  row = g_ptr_array_index (self->preview->rows, row_index);
  if (g_strcmp0 (row->cells[paste_column (col)], text) == 0)
    return;
  cells[paste_column (col)] = text;
  td_paste_row_set_cells (self->preview, row_index, cells[TD_PASTE_COL_CODE],
                          cells[TD_PASTE_COL_TITLE], cells[TD_PASTE_COL_STANDARD],
                          cells[TD_PASTE_COL_BONUS], cells[TD_PASTE_COL_DEDUCTION]);
  refresh_cells (self);
}

static void
on_entry_activate (GtkEntry *entry, TdPasteDialog *self)
{
  commit_entry (self, GTK_WIDGET (entry));
}

static void
on_entry_leave (GtkEventControllerFocus *controller, TdPasteDialog *self)
{
  commit_entry (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
on_use_toggled (GtkCheckButton *check, TdPasteDialog *self)
{
  guint row_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "row"));
  TdPasteRow *row;

  if (g_object_get_data (G_OBJECT (check), "filling") || self->preview == NULL
      || row_index >= self->preview->rows->len)
    return;
  row = g_ptr_array_index (self->preview->rows, row_index);
  row->skip = !gtk_check_button_get_active (check);
  td_paste_preview_recheck (self->preview);
  refresh_cells (self);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdPasteDialog *self = g_object_get_data (G_OBJECT (factory), "dialog");
  Column col = GPOINTER_TO_INT (data);
  GtkWidget *widget;

  if (IS_ENTRY (col))
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      widget = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (widget), 4);
      if (col == COL_STANDARD || col == COL_BONUS || col == COL_DEDUCTION)
        gtk_entry_set_alignment (GTK_ENTRY (widget), 1.0);
      g_signal_connect (widget, "activate", G_CALLBACK (on_entry_activate), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave), self);
      gtk_widget_add_controller (widget, focus);
    }
  else if (col == COL_USE)
    {
      widget = gtk_check_button_new ();
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      td_lazy_tooltip_set (widget, _ ("Use this row"));
      g_signal_connect (widget, "toggled", G_CALLBACK (on_use_toggled), self);
    }
  else
    {
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), col == COL_LINE ? 1.0 : 0.0);
      if (col == COL_LINE)
        gtk_widget_add_css_class (widget, "dim-label");
      else
        {
          gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_lines (GTK_LABEL (widget), 3);
          gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
        }
    }
  gtk_list_item_set_child (list_item, widget);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdPasteDialog *self = g_object_get_data (G_OBJECT (factory), "dialog");
  Column col = GPOINTER_TO_INT (data);
  guint row = gtk_list_item_get_position (list_item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (widget), "row", GUINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (widget), "col", GINT_TO_POINTER (col));
  g_hash_table_insert (self->cells, KEY (row, col), widget);
  if (IS_ENTRY (col))
    gtk_editable_set_text (GTK_EDITABLE (widget), "");
  fill_cell (self, widget, row, col);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdPasteDialog *self = g_object_get_data (G_OBJECT (factory), "dialog");
  Column col = GPOINTER_TO_INT (data);
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "row"));

  if (g_hash_table_lookup (self->cells, KEY (row, col)) == widget)
    g_hash_table_remove (self->cells, KEY (row, col));
}

static void
add_column (TdPasteDialog *self, const char *title, Column col, int width, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "dialog", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (col));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (col));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (col));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

gboolean
td_paste_dialog_set_text (TdPasteDialog *self, const char *text)
{
  g_autoptr (GError) error = NULL;
  TdPastePreview *preview = td_paste_parse (text, &error);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr (GPtrArray) blanks = g_ptr_array_new ();

  if (preview == NULL)
    {
      td_window_toast_text (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  if (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->input_view)) == 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->input_view), text, -1);

  g_hash_table_remove_all (self->cells);
  gtk_string_list_splice (self->rows, 0, n_old, NULL);
  g_clear_pointer (&self->preview, td_paste_preview_free);
  self->preview = preview;
  for (guint i = 0; i < preview->rows->len; i++)
    g_ptr_array_add (blanks, "");
  g_ptr_array_add (blanks, NULL);
  gtk_string_list_splice (self->rows, 0, 0, (const char *const *)blanks->pdata);

  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->preview_button, FALSE);
  update_summary (self);
  return TRUE;
}

TdPastePreview *
td_paste_dialog_get_preview (TdPasteDialog *self)
{
  return self->preview;
}

GtkEditable *
td_paste_dialog_get_cell (TdPasteDialog *self, guint row, TdPasteColumn column)
{
  GtkWidget *widget = g_hash_table_lookup (self->cells, KEY (row, column + COL_CODE));

  return widget ? GTK_EDITABLE (widget) : NULL;
}

const char *
td_paste_dialog_get_summary (TdPasteDialog *self)
{
  return self->summary;
}

static void
preview_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdPasteDialog *self = TD_PASTE_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->input_view);
  GtkTextIter start, end;
  g_autofree gchar *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  td_paste_dialog_set_text (self, text);
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdPasteDialog *self = TD_PASTE_DIALOG (widget);

  gtk_stack_set_visible_child_name (self->stack, "input");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->preview_button, TRUE);
  gtk_widget_action_set_enabled (widget, "paste.save", FALSE);
}

static void
on_clipboard_text (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TdPasteDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree gchar *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      td_window_toast_text (GTK_WIDGET (self),
                            _ ("The clipboard holds no text. Copy the rows of the table first."));
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->input_view), text, -1);
  td_paste_dialog_set_text (self, text);
}

static void
from_clipboard_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_text,
                                 g_object_ref (widget));
}

static gboolean
save (TdPasteDialog *self, gboolean replace)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!td_paste_preview_save (self->preview, self->database, self->bloc_year_id, replace, &error))
    {
      /* The year already has criteria: the caller asks before replacing. */
      if (!replace && g_error_matches (error, TD_ERROR, TD_ERROR_CONSTRAINT))
        return FALSE;
      if (g_error_matches (error, TD_ERROR, TD_ERROR_INVALID))
        td_window_toast_text (GTK_WIDGET (self), error->message);
      else
        td_window_show_error (GTK_WIDGET (self), _ ("Could not save the criteria table"), error);
      return TRUE;
    }
  td_window_toast_text (parent ? GTK_WIDGET (parent) : GTK_WIDGET (self),
                        _ ("Criteria table saved"));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_replace_response (AdwMessageDialog *dialog, const char *response, TdPasteDialog *self)
{
  if (g_strcmp0 (response, "replace") == 0)
    save (self, TRUE);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdPasteDialog *self = TD_PASTE_DIALOG (widget);
  GtkWidget *dialog;

  if (self->preview == NULL || save (self, FALSE))
    return;
  /* The bloc-year already has criteria. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Replace the Criteria Table?"),
                                   _ ("This year already has criteria. They are replaced by the "
                                      "pasted table; scores already entered are kept."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "replace",
                                    _ ("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
td_paste_dialog_dispose (GObject *object)
{
  TdPasteDialog *self = TD_PASTE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_PASTE_DIALOG);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (td_paste_dialog_parent_class)->dispose (object);
}

static void
td_paste_dialog_finalize (GObject *object)
{
  TdPasteDialog *self = TD_PASTE_DIALOG (object);

  g_clear_pointer (&self->preview, td_paste_preview_free);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_object (&self->rows);
  g_free (self->summary);
  G_OBJECT_CLASS (td_paste_dialog_parent_class)->finalize (object);
}

static void
td_paste_dialog_class_init (TdPasteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_paste_dialog_dispose;
  object_class->finalize = td_paste_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/ThiDua/ui/td-paste-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdPasteDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TdPasteDialog, input_view);
  gtk_widget_class_bind_template_child (widget_class, TdPasteDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TdPasteDialog, view);
  gtk_widget_class_bind_template_child (widget_class, TdPasteDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, TdPasteDialog, preview_button);

  gtk_widget_class_install_action (widget_class, "paste.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "paste.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "paste.from-clipboard", NULL,
                                   from_clipboard_action);
  gtk_widget_class_install_action (widget_class, "paste.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "paste.save",
                                       NULL);
}

static void
td_paste_dialog_init (TdPasteDialog *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = g_hash_table_new (NULL, NULL);
  self->rows = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));

  add_column (self, _ ("Line"), COL_LINE, 50, FALSE);
  add_column (self, _ ("Use"), COL_USE, 50, FALSE);
  add_column (self, _ ("Code"), COL_CODE, 80, FALSE);
  add_column (self, _ ("Content"), COL_TITLE, -1, TRUE);
  add_column (self, _ ("Standard"), COL_STANDARD, 100, FALSE);
  add_column (self, _ ("Bonus"), COL_BONUS, 100, FALSE);
  add_column (self, _ ("Deduction"), COL_DEDUCTION, 90, FALSE);
  add_column (self, _ ("Understood as"), COL_INTERPRETATION, 220, FALSE);
  add_column (self, _ ("Problems"), COL_PROBLEMS, 200, FALSE);

  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paste.save", FALSE);
}

TdPasteDialog *
td_paste_dialog_new (TdDb *db, gint64 bloc_year_id)
{
  TdPasteDialog *self = g_object_new (TD_TYPE_PASTE_DIALOG, NULL);

  self->database = g_object_ref (db);
  self->bloc_year_id = bloc_year_id;
  return self;
}
