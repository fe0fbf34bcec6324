/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Paste a table".
 *
 * Two steps in one modal window: the pasted text, then a preview with
 * every row's cells (editable), what it was read as, in a drop-down the
 * clerk can change, its meaning in words and its problems.  The window
 * fills itself from the clipboard when it holds a table: the HTML that
 * LibreOffice Writer puts there (its plain text loses the table), else the
 * tab-separated text of Word, Excel and Calc.  The core reads the table
 * again after every change (td_paste_*), keeping the clerk's earlier
 * choices, so the clerk sees at once what the app understood.  Selected
 * rows can be made the grades or the options of the item above them; a
 * note can be attached to any item.  Nothing is stored until "Save Table",
 * which is refused while a row still has an error; a bloc-year that
 * already has criteria asks before replacing them (their scores are kept
 * by the core). */
#include "config.h"

#include "td-paste-dialog.h"
#include "td-column-view.h"
#include "td-dialog.h"
#include "td-window.h"
#include "td-label-factory.h"
#include "td-lazy-tooltip.h"
#include "td-table-clipboard.h"
#include "td-xlsx-table.h"
#include "td-template.h"

#include <glib/gi18n.h>
#include <string.h>

typedef enum
{
  COL_LINE,
  COL_USE,
  COL_CODE,
  COL_TITLE,
  COL_STANDARD,
  COL_BONUS,
  COL_DEDUCTION,
  COL_MEANING,
  N_COLUMNS
} Column;

/* The read-as drop-down: the rule kinds, then the other roles. */
enum
{
  READ_GRADE = TD_RULE_N_KINDS,
  READ_OPTION,
  READ_BRACKET,
  READ_NOTE,
  READ_GUIDANCE,
  READ_UNUSED,
  N_READ
};

#define KEY(row, col) GUINT_TO_POINTER (((row) << 4) | (col))
#define IS_ENTRY(col) ((col) == COL_CODE || ((col) >= COL_STANDARD && (col) <= COL_DEDUCTION))

struct _TdPasteDialog
{
  AdwWindow parent_instance;

  GtkWidget *save_button;
  GtkWidget *cancel_button;

  GtkStack *stack;
  GtkTextView *input_view;
  GtkLabel *summary_label;
  GtkColumnView *view;
  GtkWidget *back_button;
  GtkWidget *preview_button;
  AdwWindowTitle *window_title;
  GtkToggleButton *check_only_button;

  TdDb *database;
  gint64 bloc_year_id;
  TdPastePreview *preview;
  /* The preview's model (the template's): rows → filter (only rows to
   * check) → multi-selection (rows to group). */
  GtkStringList *rows; /* one item per preview row; its string is the row index */
  GtkCustomFilter *filter;
  GtkMultiSelection *selection;
  GHashTable *cells; /* KEY (row, column) → bound widget */
  gchar *summary;
  gboolean filling;          /* writing widgets from the preview: no change signals */
  GtkPopover *title_popover; /* editing a row's content, under its cell */
  GtkTextView *title_view;
  guint title_row;
};

G_DEFINE_FINAL_TYPE (TdPasteDialog, td_paste_dialog, ADW_TYPE_WINDOW)

static TdPasteColumn
paste_column (Column col)
{
  return (TdPasteColumn)(col - COL_CODE);
}

static TdPasteRow *
row_at (TdPasteDialog *self, guint index)
{
  if (self->preview == NULL || index >= self->preview->rows->len)
    return NULL;
  return g_ptr_array_index (self->preview->rows, index);
}

/* The preview row an item of the (filtered) list stands for. */
static guint
row_of_item (gpointer item)
{
  return (guint)g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);
}

static void
update_summary (TdPasteDialog *self)
{
  guint n_errors, n_warnings, n_criteria;
  g_autofree gchar *total = NULL;
  g_autofree gchar *standard = NULL;
  g_autofree gchar *diff = NULL;
  g_autofree gchar *points = NULL;
  g_autofree gchar *counts = NULL;

  if (self->preview == NULL)
    return;
  n_errors = td_paste_preview_count_errors (self->preview);
  n_warnings = td_paste_preview_count_warnings (self->preview);
  n_criteria = td_paste_preview_count_criteria (self->preview);
  total = td_points_format (self->preview->total);
  standard = td_points_format (self->preview->standard_total);
  diff = td_points_format_signed (self->preview->standard_total - self->preview->total);
  /* Translators: the pasted table's standard points against its stated total */
  points = self->preview->standard_total == 0 ? g_strdup (_ ("No standard points read"))
           : self->preview->standard_total == self->preview->total
               ? g_strdup_printf (_ ("Standard points: %s / %s"), standard, total)
               : g_strdup_printf (_ ("Standard points: %s / %s (%s)"), standard, total, diff);
  counts = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u criterion", "%u criteria", n_criteria), n_criteria);
  g_free (self->summary);
  if (n_errors > 0)
    self->summary = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%s · %s · %u row to check · %u row must be fixed or unticked before "
                     "saving.",
                     "%s · %s · %u rows to check · %u rows must be fixed or unticked before "
                     "saving.",
                     n_errors),
        points, counts, n_warnings, n_errors);
  else if (n_warnings > 0)
    self->summary = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%s · %s · %u row to check (marked in orange): look at what it was read "
                     "as, then save.",
                     "%s · %s · %u rows to check (marked in orange): look at what they were read "
                     "as, then save.",
                     n_warnings),
        points, counts, n_warnings);
  else
    self->summary
        = g_strdup_printf (_ ("%s · %s · every row was read without doubt."), points, counts);
  gtk_label_set_text (self->summary_label, self->summary);
  adw_window_title_set_subtitle (self->window_title, points);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paste.save", n_errors == 0 && n_criteria > 0);
}

static guint
read_as (const TdPasteRow *row)
{
  switch (row->role)
    {
    case TD_PASTE_ROLE_CRITERION:
      return row->criterion->kind;
    case TD_PASTE_ROLE_GRADE:
      return READ_GRADE;
    case TD_PASTE_ROLE_OPTION:
      return READ_OPTION;
    case TD_PASTE_ROLE_SIZE_CLASS:
    case TD_PASTE_ROLE_BRACKET:
      return READ_BRACKET;
    case TD_PASTE_ROLE_NOTE:
      return READ_NOTE;
    case TD_PASTE_ROLE_GUIDANCE:
      return READ_GUIDANCE;
    case TD_PASTE_ROLE_SKIP:
    default:
      return READ_UNUSED;
    }
}

/* The criteria a note can be attached to, as "a1 Tham mưu …". */
static GtkStringList *
criteria_model (TdPasteDialog *self, GArray *indices)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->preview->rows->len; i++)
    {
      TdPasteRow *r = g_ptr_array_index (self->preview->rows, i);
      g_autofree gchar *label = NULL;

      if (r->role != TD_PASTE_ROLE_CRITERION)
        continue;
      label = g_strdup_printf ("%u · %s %s", r->line, r->criterion->code, r->criterion->title);
      if (g_utf8_strlen (label, -1) > 70)
        {
          gchar *cut = g_utf8_substring (label, 0, 69);
          g_free (label);
          label = g_strconcat (cut, "…", NULL);
          g_free (cut);
        }
      gtk_string_list_append (list, label);
      g_array_append_val (indices, i);
    }
  return list;
}

static void
fill_meaning (TdPasteDialog *self, GtkWidget *box, TdPasteRow *row)
{
  GtkDropDown *kind = g_object_get_data (G_OBJECT (box), "kind");
  GtkDropDown *target = g_object_get_data (G_OBJECT (box), "target");
  GtkLabel *words = g_object_get_data (G_OBJECT (box), "words");
  GtkLabel *problems = g_object_get_data (G_OBJECT (box), "problems");

  gtk_drop_down_set_selected (kind, read_as (row));
  gtk_label_set_text (words, row->interpretation);
  gtk_label_set_text (problems, row->problems);
  gtk_widget_set_visible (GTK_WIDGET (problems), *row->problems != '\0');
  gtk_widget_remove_css_class (GTK_WIDGET (problems), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (problems), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (problems),
                            row->status == TD_PASTE_ERROR ? "error" : "warning");
  /* The level shows as an indent, small enough to leave the column's width
   * to the reading (the words say the level too). */
  gtk_widget_set_margin_start (box, MIN (row->depth, 5) * 8);
  /* A note says which item it caps, and the clerk may choose another. */
  gtk_widget_set_visible (GTK_WIDGET (target), row->role == TD_PASTE_ROLE_NOTE);
  if (row->role == TD_PASTE_ROLE_NOTE)
    {
      g_autoptr (GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GtkStringList) model = criteria_model (self, indices);
      guint selected = GTK_INVALID_LIST_POSITION;

      for (guint k = 0; k < indices->len && row->targets->len > 0; k++)
        if ((gint)g_array_index (indices, guint, k) == g_array_index (row->targets, gint, 0))
          selected = k;
      g_object_set_data_full (G_OBJECT (target), "indices", g_array_ref (indices),
                              (GDestroyNotify)g_array_unref);
      gtk_drop_down_set_model (target, G_LIST_MODEL (model));
      gtk_drop_down_set_selected (target, selected);
    }
  {
    /* A screen reader says the row and what it was read as. */
    g_autofree gchar *name
        = g_strdup_printf (_ ("Line %u: %s. %s"), row->line, row->interpretation, row->problems);
    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
}

static void
fill_cell (TdPasteDialog *self, GtkWidget *widget, guint row_index, Column col)
{
  TdPasteRow *row = row_at (self, row_index);
  g_autofree gchar *text = NULL;

  if (row == NULL)
    return;
  self->filling = TRUE;
  switch (col)
    {
    case COL_LINE:
      text = g_strdup_printf ("%u", row->line);
      gtk_label_set_text (GTK_LABEL (widget), text);
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_remove_css_class (widget, "warning");
      if (row->status == TD_PASTE_ERROR)
        gtk_widget_add_css_class (widget, "error");
      else if (row->status == TD_PASTE_WARNING)
        gtk_widget_add_css_class (widget, "warning");
      break;
    case COL_USE:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), !row->skip);
      {
        g_autofree gchar *name = g_strdup_printf (_ ("Use line %u"), row->line);
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
      }
      break;
    case COL_MEANING:
      fill_meaning (self, widget, row);
      break;
    case COL_TITLE:
      {
        g_autofree gchar *name = g_strdup_printf (_ ("Content of line %u: %s"), row->line,
                                                  row->cells[TD_PASTE_COL_TITLE]);

        gtk_label_set_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget))),
                            row->cells[TD_PASTE_COL_TITLE]);
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
      }
      break;
    default:
      {
        const char *names[]
            = { N_ ("Code"), NULL, N_ ("Standard points"), N_ ("Bonus"), N_ ("Deduction") };
        g_autofree gchar *name
            = g_strdup_printf (_ ("%s of line %u"), _ (names[paste_column (col)]), row->line);

        if (!gtk_widget_has_focus (widget)
            && !(gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN))
          gtk_editable_set_text (GTK_EDITABLE (widget), row->cells[paste_column (col)]);
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
      }
      break;
    }
  self->filling = FALSE;
}

/* After any change: the core may read other rows anew too. */
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
  if (gtk_toggle_button_get_active (self->check_only_button))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
set_cell (TdPasteDialog *self, guint row_index, TdPasteColumn column, const char *text)
{
  const char *cells[TD_PASTE_N_EDITABLE] = { NULL };
  TdPasteRow *row = row_at (self, row_index);

  if (row == NULL || column >= TD_PASTE_N_EDITABLE || g_strcmp0 (row->cells[column], text) == 0)
    return;
  cells[column] = text;
  td_paste_row_set_cells (self->preview, row_index, cells[TD_PASTE_COL_CODE],
                          cells[TD_PASTE_COL_TITLE], cells[TD_PASTE_COL_STANDARD],
                          cells[TD_PASTE_COL_BONUS], cells[TD_PASTE_COL_DEDUCTION]);
  refresh_cells (self);
}

static void
commit_widget (TdPasteDialog *self, GtkWidget *widget)
{
  guint row_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "row"));
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "col"));
  g_autofree gchar *text = NULL;

  if (self->filling || !GTK_IS_EDITABLE (widget))
    return;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  set_cell (self, row_index, paste_column (col), text);
}

static void
on_entry_activate (GtkEntry *entry, TdPasteDialog *self)
{
  commit_widget (self, GTK_WIDGET (entry));
}

static void
on_focus_leave (GtkEventControllerFocus *controller, TdPasteDialog *self)
{
  commit_widget (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

/* The content is shown whole, wrapped; it is edited in a popover under
 * its cell (a text view in a list row would change its height after the
 * list has laid it out). */
static void
apply_title (TdPasteDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->title_view);
  GtkTextIter start, end;
  g_autofree gchar *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_popover_popdown (self->title_popover);
  set_cell (self, self->title_row, TD_PASTE_COL_TITLE, g_strstrip (text));
}

static void
on_title_apply (GtkButton *button, TdPasteDialog *self)
{
  apply_title (self);
}

static gboolean
on_title_view_key (GtkEventControllerKey *controller, guint keyval, guint keycode,
                   GdkModifierType state, TdPasteDialog *self)
{
  /* Enter applies, as in the other cells; Shift+Enter breaks the line. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && !(state & GDK_SHIFT_MASK))
    {
      apply_title (self);
      return TRUE;
    }
  return FALSE;
}

static void
on_title_clicked (GtkButton *button, TdPasteDialog *self)
{
  guint row_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "row"));
  TdPasteRow *row = row_at (self, row_index);
  GtkWidget *popover = GTK_WIDGET (self->title_popover);

  if (row == NULL)
    return;
  self->title_row = row_index;
  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  gtk_widget_set_parent (popover, GTK_WIDGET (button));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->title_view),
                            row->cells[TD_PASTE_COL_TITLE], -1);
  gtk_popover_popup (self->title_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_view));
}

static void
build_title_popover (TdPasteDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *apply = gtk_button_new_with_mnemonic (_ ("_Apply"));
  GtkWidget *hint = gtk_label_new (_ ("Enter applies; Shift+Enter starts a new line; Escape "
                                      "cancels."));
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->title_popover = GTK_POPOVER (gtk_popover_new ());
  self->title_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->title_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->title_view, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Content"), -1);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_title_view_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_view), keys);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->title_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 90);
  gtk_widget_set_size_request (scrolled, 460, -1);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
  gtk_widget_set_halign (apply, GTK_ALIGN_END);
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect (apply, "clicked", G_CALLBACK (on_title_apply), self);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), apply);
  gtk_popover_set_child (self->title_popover, box);
}

static void
on_use_toggled (GtkCheckButton *check, TdPasteDialog *self)
{
  guint row_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "row"));

  if (self->filling || row_at (self, row_index) == NULL)
    return;
  td_paste_row_set_skipped (self->preview, row_index, !gtk_check_button_get_active (check), NULL);
  refresh_cells (self);
}

/* The criterion a row would belong to as a part or a note: above it. */
static gint
criterion_above (TdPasteDialog *self, guint row_index)
{
  for (gint i = (gint)row_index - 1; i >= 0; i--)
    {
      TdPasteRow *r = row_at (self, i);

      if (r->role == TD_PASTE_ROLE_CRITERION)
        return i;
    }
  return -1;
}

static void
report (TdPasteDialog *self, const GError *error)
{
  if (error != NULL)
    td_window_toast_text (GTK_WIDGET (self), error->message);
}

static void
on_kind_selected (GtkDropDown *drop_down, GParamSpec *pspec, TdPasteDialog *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (drop_down));
  guint row_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "row"));
  guint chosen = gtk_drop_down_get_selected (drop_down);
  TdPasteRow *row = row_at (self, row_index);
  g_autoptr (GError) error = NULL;
  gint above;

  if (self->filling || row == NULL || chosen == GTK_INVALID_LIST_POSITION
      || chosen == read_as (row))
    return;
  if (chosen < TD_RULE_N_KINDS)
    td_paste_row_set_kind (self->preview, row_index, (TdRuleKind)chosen, &error);
  else if (chosen == READ_GRADE)
    td_paste_rows_make_grades (self->preview, &row_index, 1, &error);
  else if (chosen == READ_OPTION)
    td_paste_rows_make_options (self->preview, &row_index, 1, &error);
  else if (chosen == READ_BRACKET)
    td_paste_rows_make_brackets (self->preview, &row_index, 1, &error);
  else if (chosen == READ_NOTE && (above = criterion_above (self, row_index)) >= 0)
    td_paste_row_attach_note (self->preview, row_index, above, &error);
  else if (chosen == READ_NOTE)
    g_set_error_literal (&error, TD_ERROR, TD_ERROR_INVALID,
                         _ ("There is no criterion above this row for a note to apply to."));
  else if (chosen == READ_GUIDANCE)
    td_paste_row_set_guidance (self->preview, row_index, &error);
  else
    td_paste_row_set_skipped (self->preview, row_index, TRUE, &error);
  report (self, error);
  refresh_cells (self);
}

static void
on_target_selected (GtkDropDown *drop_down, GParamSpec *pspec, TdPasteDialog *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (drop_down));
  guint row_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "row"));
  GArray *indices = g_object_get_data (G_OBJECT (drop_down), "indices");
  guint chosen = gtk_drop_down_get_selected (drop_down);
  TdPasteRow *row = row_at (self, row_index);
  g_autoptr (GError) error = NULL;
  guint target;

  if (self->filling || row == NULL || indices == NULL || chosen >= indices->len)
    return;
  target = g_array_index (indices, guint, chosen);
  if (row->targets->len == 1 && g_array_index (row->targets, gint, 0) == (gint)target)
    return;
  td_paste_row_attach_note (self->preview, row_index, target, &error);
  report (self, error);
  refresh_cells (self);
}

static GtkWidget *
meaning_box_new (TdPasteDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *kind, *target, *words, *problems;
  const char *others[] = { N_ ("Grade of the item above"),
                           N_ ("Option of the item above"),
                           N_ ("Size class or bracket of the item above"),
                           N_ ("Note (cap or exemption)"),
                           N_ ("Guidance text"),
                           N_ ("Not used") };

  for (guint k = 0; k < TD_RULE_N_KINDS; k++)
    gtk_string_list_append (kinds, td_rule_kind_get_label (k));
  for (guint k = 0; k < G_N_ELEMENTS (others); k++)
    gtk_string_list_append (kinds, _ (others[k]));
  kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
  gtk_widget_set_halign (kind, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Read as"), -1);
  td_lazy_tooltip_set (kind, _ ("What this row is: change it when the reading is wrong"));
  g_signal_connect (kind, "notify::selected", G_CALLBACK (on_kind_selected), self);
  target = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_halign (target, GTK_ALIGN_START);
  /* An item's whole title would push the column wide: cut on the button
   * (whole on hover), whole in the list. */
  {
    g_autoptr (GtkListItemFactory) cut = td_label_factory_new (FALSE, 32);
    g_autoptr (GtkListItemFactory) whole = td_label_factory_new (TRUE, 50);

    gtk_drop_down_set_factory (GTK_DROP_DOWN (target), cut);
    gtk_drop_down_set_list_factory (GTK_DROP_DOWN (target), whole);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("The item the note applies to"), -1);
  td_lazy_tooltip_set (target, _ ("The item this note caps or exempts"));
  g_signal_connect (target, "notify::selected", G_CALLBACK (on_target_selected), self);
  words = gtk_label_new (NULL);
  problems = gtk_label_new (NULL);
  for (GtkWidget *l = words; l != NULL; l = l == words ? problems : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (l), 0.0);
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
    }
  gtk_widget_add_css_class (words, "caption");
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), target);
  gtk_box_append (GTK_BOX (box), words);
  gtk_box_append (GTK_BOX (box), problems);
  g_object_set_data (G_OBJECT (box), "kind", kind);
  g_object_set_data (G_OBJECT (box), "target", target);
  g_object_set_data (G_OBJECT (box), "words", words);
  g_object_set_data (G_OBJECT (box), "problems", problems);
  return box;
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdPasteDialog *self = td_column_view_factory_owner (factory);
  Column col = GPOINTER_TO_INT (data);
  GtkWidget *widget;

  if (IS_ENTRY (col))
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      widget = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (widget), 3);
      gtk_widget_set_valign (widget, GTK_ALIGN_START);
      if (col != COL_CODE)
        gtk_entry_set_alignment (GTK_ENTRY (widget), 1.0);
      g_signal_connect (widget, "activate", G_CALLBACK (on_entry_activate), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
      gtk_widget_add_controller (widget, focus);
    }
  else if (col == COL_TITLE)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      widget = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (widget), label);
      gtk_widget_add_css_class (widget, "flat");
      gtk_widget_add_css_class (widget, "paste-content");
      td_lazy_tooltip_set (widget, _ ("Edit the content (Enter)"));
      g_signal_connect (widget, "clicked", G_CALLBACK (on_title_clicked), self);
    }
  else if (col == COL_USE)
    {
      widget = gtk_check_button_new ();
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (widget, GTK_ALIGN_START);
      td_lazy_tooltip_set (widget, _ ("Use this row"));
      g_signal_connect (widget, "toggled", G_CALLBACK (on_use_toggled), self);
    }
  else if (col == COL_MEANING)
    widget = meaning_box_new (self);
  else
    {
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 1.0);
      gtk_widget_set_valign (widget, GTK_ALIGN_START);
      gtk_widget_add_css_class (widget, "dim-label");
      gtk_widget_add_css_class (widget, "numeric");
    }
  gtk_list_item_set_child (list_item, widget);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdPasteDialog *self = td_column_view_factory_owner (factory);
  Column col = GPOINTER_TO_INT (data);
  guint row = row_of_item (gtk_list_item_get_item (list_item));
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
  TdPasteDialog *self = td_column_view_factory_owner (factory);
  Column col = GPOINTER_TO_INT (data);
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "row"));

  if (g_hash_table_lookup (self->cells, KEY (row, col)) == widget)
    g_hash_table_remove (self->cells, KEY (row, col));
}

static void
add_column (TdPasteDialog *self, const char *title, Column col, int width, gboolean expand)
{
  td_column_view_add_column (self->view, title, expand, width, self, G_CALLBACK (setup_cell),
                             G_CALLBACK (bind_cell), G_CALLBACK (unbind_cell),
                             GINT_TO_POINTER (col));
}

gboolean
td_paste_dialog_set_text (TdPasteDialog *self, const char *text)
{
  g_autoptr (GError) error = NULL;
  TdPastePreview *preview = td_paste_parse (text, &error);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

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
    g_ptr_array_add (items, g_strdup_printf ("%u", i));
  g_ptr_array_add (items, NULL);
  gtk_string_list_splice (self->rows, 0, 0, (const char *const *)items->pdata);

  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->preview_button, FALSE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
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

  return widget && GTK_IS_EDITABLE (widget) ? GTK_EDITABLE (widget) : NULL;
}

gboolean
td_paste_dialog_edit_cell (TdPasteDialog *self, guint row, TdPasteColumn column, const char *text)
{
  GtkWidget *widget = g_hash_table_lookup (self->cells, KEY (row, column + COL_CODE));

  if (widget == NULL)
    return FALSE;
  if (column == TD_PASTE_COL_TITLE)
    {
      g_signal_emit_by_name (widget, "clicked");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->title_view), text, -1);
      apply_title (self);
      return TRUE;
    }
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  commit_widget (self, widget);
  return TRUE;
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
  gtk_window_set_default_widget (GTK_WINDOW (self), self->preview_button);
  gtk_widget_action_set_enabled (widget, "paste.save", FALSE);
}

/* The selected rows, in order (the focused row when none is selected). */
static GArray *
selected_rows (TdPasteDialog *self)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GtkBitset) set
      = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      guint row = row_of_item (item);
      g_array_append_val (out, row);
    }
  if (out->len == 0)
    {
      /* The row of the focused cell. */
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      for (; focus != NULL; focus = gtk_widget_get_parent (focus))
        if (g_object_get_data (G_OBJECT (focus), "col") != NULL)
          {
            guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (focus), "row"));
            g_array_append_val (out, row);
            break;
          }
    }
  return out;
}

static void
group_rows (TdPasteDialog *self, gboolean grades)
{
  g_autoptr (GArray) rows = selected_rows (self);
  g_autoptr (GError) error = NULL;

  if (self->preview == NULL)
    return;
  if (grades)
    td_paste_rows_make_grades (self->preview, (guint *)(gpointer)rows->data, rows->len, &error);
  else
    td_paste_rows_make_options (self->preview, (guint *)(gpointer)rows->data, rows->len, &error);
  report (self, error);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  refresh_cells (self);
}

/* paste.make-grades or paste.make-options */
static void
group_rows_action (GtkWidget *widget, const char *name, GVariant *param)
{
  group_rows (TD_PASTE_DIALOG (widget), g_str_equal (name, "paste.make-grades"));
}

static gboolean
show_row (gpointer item, gpointer user_data)
{
  TdPasteDialog *self = user_data;
  TdPasteRow *row = row_at (self, row_of_item (item));

  return !gtk_toggle_button_get_active (self->check_only_button)
         || (row != NULL && !row->skip && row->status != TD_PASTE_OK);
}

static void
on_check_only_toggled (GtkToggleButton *button, TdPasteDialog *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), gtk_toggle_button_get_active (button)
                                                     ? GTK_FILTER_CHANGE_MORE_STRICT
                                                     : GTK_FILTER_CHANGE_LESS_STRICT);
}

/* The clipboard (td-table-clipboard.c): a table in HTML first, else text. */
static void
on_clipboard_read (const char *text, gboolean from_html, gpointer owner)
{
  TdPasteDialog *self = TD_PASTE_DIALOG (owner);
  gboolean quiet = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "quiet"));

  if (text == NULL)
    {
      if (!quiet)
        td_window_toast_text (GTK_WIDGET (self),
                              _ ("The clipboard holds no text. Copy the rows of the table first."));
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->input_view), text, -1);
  /* On opening, go to the preview only when the text looks like a table. */
  if (from_html || !quiet || strchr (text, '\t') != NULL)
    td_paste_dialog_set_text (self, text);
}

static void
read_clipboard (TdPasteDialog *self, gboolean quiet)
{
  g_object_set_data (G_OBJECT (self), "quiet", GINT_TO_POINTER (quiet));
  td_table_clipboard_read (gtk_widget_get_clipboard (GTK_WIDGET (self)), on_clipboard_read,
                           G_OBJECT (self));
}

static void
from_clipboard_action (GtkWidget *widget, const char *name, GVariant *param)
{
  read_clipboard (TD_PASTE_DIALOG (widget), FALSE);
}

/* A table sent as a file. */
static void
on_open_response (GtkNativeDialog *native, int response, TdPasteDialog *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree gchar *path = NULL;
  g_autofree gchar *text = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  text = td_table_text_from_path (path, &error);
  if (text == NULL)
    {
      td_window_toast_text (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->input_view), text, -1);
  td_paste_dialog_set_text (self, text);
}

static void
open_file_action (GtkWidget *widget, const char *name, GVariant *param)
{
  GtkFileChooserNative *native
      = gtk_file_chooser_native_new (_ ("Open a Criteria Table"), GTK_WINDOW (widget),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));

  td_file_chooser_add_filter (native, _ ("Tables (Excel, CSV, web page, text)"),
                              "*.xlsx *.csv *.html *.htm *.txt *.tsv");
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
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
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* A cell being typed in is part of what is saved. */
  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (g_object_get_data (G_OBJECT (focus), "col") != NULL)
      {
        commit_widget (self, focus);
        break;
      }
  if (self->preview == NULL || td_paste_preview_count_errors (self->preview) > 0
      || save (self, FALSE))
    return;
  /* The bloc-year already has criteria. */
  dialog = td_message_dialog_new (GTK_WIDGET (self), _ ("Replace the Criteria Table?"),
                                  _ ("This year already has criteria. They are replaced by the "
                                     "pasted table; scores already entered are kept."));
  td_message_dialog_add_choice (dialog, "replace", _ ("_Replace"), ADW_RESPONSE_DESTRUCTIVE, FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Once shown, filled from the clipboard when it holds a table, as the
 * units' paste does, unless a table was given already. */
static void
on_first_map (TdPasteDialog *self)
{
  g_signal_handlers_disconnect_by_func (self, on_first_map, NULL);
  if (self->preview == NULL)
    read_clipboard (self, TRUE);
}

static void
td_paste_dialog_dispose (GObject *object)
{
  TdPasteDialog *self = TD_PASTE_DIALOG (object);

  if (self->title_popover != NULL)
    {
      if (gtk_widget_get_parent (GTK_WIDGET (self->title_popover)) != NULL)
        gtk_widget_unparent (GTK_WIDGET (self->title_popover));
      g_clear_object (&self->title_popover);
    }
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
  g_free (self->summary);
  G_OBJECT_CLASS (td_paste_dialog_parent_class)->finalize (object);
}

/* The keys of the dialog. */
static const TdDialogKey keys[] = {
  { GDK_KEY_Escape, 0, "window.close" },
  { GDK_KEY_s, GDK_CONTROL_MASK, "paste.save" },
  { GDK_KEY_o, GDK_CONTROL_MASK, "paste.open-file" },
  { GDK_KEY_g, GDK_CONTROL_MASK, "paste.make-grades" },
  { GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "paste.make-options" },
  { GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "paste.from-clipboard" },
};

static void
td_paste_dialog_class_init (TdPasteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_paste_dialog_dispose;
  object_class->finalize = td_paste_dialog_finalize;

  td_widget_class_set_template (widget_class, "td-paste-dialog.ui");
  td_widget_class_bind_template_children (
      widget_class, TdPasteDialog, save_button, cancel_button, stack, input_view, summary_label,
      view, back_button, preview_button, window_title, check_only_button, rows, filter, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_check_only_toggled);

  gtk_widget_class_install_action (widget_class, "paste.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "paste.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "paste.from-clipboard", NULL,
                                   from_clipboard_action);
  gtk_widget_class_install_action (widget_class, "paste.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "paste.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "paste.make-grades", NULL, group_rows_action);
  gtk_widget_class_install_action (widget_class, "paste.make-options", NULL, group_rows_action);
  td_dialog_class_add_keys (widget_class, keys, G_N_ELEMENTS (keys));
}

static void
td_paste_dialog_init (TdPasteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The main button of the page shown first: Preview, then Save Table. */
  td_dialog_set_buttons (GTK_WINDOW (self), self->preview_button, self->save_button,
                         self->back_button, self->cancel_button, NULL);
  self->cells = g_hash_table_new (NULL, NULL);
  gtk_custom_filter_set_filter_func (self->filter, show_row, self, NULL);

  add_column (self, _ ("Line"), COL_LINE, 44, FALSE);
  add_column (self, _ ("Use"), COL_USE, 50, FALSE);
  add_column (self, _ ("Code"), COL_CODE, 64, FALSE);
  add_column (self, _ ("Content"), COL_TITLE, -1, TRUE);
  /* Translators: short column headers of the paste preview, as on the sheets */
  add_column (self, C_ ("paste column", "Standard"), COL_STANDARD, 72, FALSE);
  add_column (self, C_ ("paste column", "Bonus"), COL_BONUS, 72, FALSE);
  add_column (self, C_ ("paste column", "Deduction"), COL_DEDUCTION, 72, FALSE);
  add_column (self, _ ("Read as"), COL_MEANING, 420, FALSE);

  g_signal_connect (self, "map", G_CALLBACK (on_first_map), NULL);
  build_title_popover (self);
  g_object_ref_sink (self->title_popover);
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paste.save", FALSE);
}

TdPasteDialog *
td_paste_dialog_new (TdDb *db, gint64 bloc_year_id)
{
  TdPasteDialog *self = g_object_new (TD_TYPE_PASTE_DIALOG, NULL);

  self->database = g_object_ref (db);
  self->bloc_year_id = bloc_year_id;
  /* Ready for Ctrl+V, not on Cancel at the top left. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->input_view));
  return self;
}
