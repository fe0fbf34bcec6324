/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preview of a block pasted into the Scores matrix.
 *
 * A paste may change dozens of scores at once: before anything is saved
 * the clerk sees each cell that will change, "Sở Tư pháp · 1.2 Nộp báo
 * cáo…: 3 → 2,5", and each cell refused with its reason (those first),
 * in reading order.  Enter applies (one transaction, one Ctrl+Z), Escape cancels. */
#include "config.h"

#include "td-dialog.h"
#include "td-score-paste-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  TdScorePaste *paste;
  TdScorePasteApply apply;
  gpointer data;
  GDestroyNotify destroy;
} PasteDialog;

static void
paste_dialog_free (PasteDialog *d)
{
  if (d->destroy)
    d->destroy (d->data);
  td_score_paste_free (d->paste);
  g_free (d);
}

/* "Sở Tư pháp · 1.2 Nộp báo cáo đúng hạn", or where in the block a cell
 * outside the grid was. */
static gchar *
cell_title (const TdScorePasteCell *cell, TdCriteriaTable *table, GPtrArray *unit_names)
{
  const TdCriterion *c;

  if (cell->unit == G_MAXUINT || cell->column >= unit_names->len)
    /* Translators: a pasted cell outside the matrix, by its place in the block */
    return g_strdup_printf (_ ("Row %u, column %u of the block"), cell->block_row + 1,
                            cell->block_column + 1);
  if (cell->index < 0)
    return g_strdup_printf ("%s · %s", (const char *)g_ptr_array_index (unit_names, cell->column),
                            _ ("Total"));
  c = td_criteria_table_get_node (table, cell->index);
  return g_strdup_printf ("%s · %s%s%s", (const char *)g_ptr_array_index (unit_names, cell->column),
                          c->code ? c->code : "", c->code && *c->code ? " " : "", c->title);
}

static GtkWidget *
cell_row (const char *title, const char *subtitle, gboolean refused)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The whole criterion and the whole reason: they wrap, never cut. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  if (refused)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  return row;
}

static GtkWidget *
group_list (GtkWidget *box, const char *heading)
{
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), list);
  return list;
}

static void
on_response (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  PasteDialog *d = g_object_get_data (G_OBJECT (dialog), "paste");

  if (g_strcmp0 (response, "apply") == 0 && d->apply != NULL)
    d->apply (d->paste, d->data);
}

GtkWidget *
td_score_paste_dialog_new (GtkWindow *parent, TdScorePaste *paste, TdCriteriaTable *table,
                           GPtrArray *unit_names, TdScorePasteApply apply, gpointer data,
                           GDestroyNotify destroy)
{
  PasteDialog *d = g_new0 (PasteDialog, 1);
  guint n_changes = paste->changes->len, n_refused = paste->refused->len;
  g_autofree gchar *body = NULL;
  g_autofree gchar *changes_text = NULL;
  g_autofree gchar *refused_text = NULL;
  GtkWidget *dialog, *box, *list;

  d->paste = paste;
  d->apply = apply;
  d->data = data;
  d->destroy = destroy;
  changes_text = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u cell will change", "%u cells will change", n_changes),
      n_changes);
  refused_text
      = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cell is refused and stays as it is",
                                      "%u cells are refused and stay as they are", n_refused),
                         n_refused);
  if (n_changes > 0)
    /* Translators: "5 cells will change, 1 cell is refused…. Enter pastes…" */
    body = g_strdup_printf (_ ("%s, %s. Enter pastes them in one step (Ctrl+Z undoes it), "
                               "Escape cancels."),
                            changes_text, refused_text);
  else
    body = g_strdup_printf (_ ("Nothing can be pasted: %s. Correct the copied cells and paste "
                               "again."),
                            refused_text);
  /* Tab from the lists goes to Paste first, as in every dialog. */
  dialog = td_message_dialog_new (
      parent ? GTK_WIDGET (parent) : NULL,
      n_changes > 0 ? _ ("Paste the Copied Cells?") : _ ("Nothing to Paste"), body);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* What will not be pasted first: it is what the clerk must look at. */
  if (n_refused > 0)
    {
      list = group_list (box, refused_text);
      for (guint i = 0; i < n_refused; i++)
        {
          const TdScorePasteCell *cell = g_ptr_array_index (paste->refused, i);
          g_autofree gchar *title = cell_title (cell, table, unit_names);
          /* The parser's reasons quote the value already. */
          g_autofree gchar *why = strstr (cell->reason, cell->text) != NULL
                                      ? g_strdup (cell->reason)
                                      : g_strdup_printf ("“%s”: %s", cell->text, cell->reason);

          gtk_list_box_append (GTK_LIST_BOX (list), cell_row (title, why, TRUE));
        }
    }
  if (n_changes > 0)
    {
      list = group_list (box, changes_text);
      for (guint i = 0; i < n_changes; i++)
        {
          const TdScorePasteCell *cell = g_ptr_array_index (paste->changes, i);
          g_autofree gchar *title = cell_title (cell, table, unit_names);
          g_autofree gchar *change = NULL;

          /* Translators: a pasted cell's value before and after; "(empty)"
           * stands for a cell with no score */
          change = g_strdup_printf (_ ("%s → %s"), *cell->old_text ? cell->old_text : _ ("(empty)"),
                                    *cell->new_text ? cell->new_text : _ ("(empty)"));
          gtk_list_box_append (GTK_LIST_BOX (list), cell_row (title, change, FALSE));
        }
    }
  td_message_dialog_set_scrolled_child (dialog, box, 420);

  g_object_set_data_full (G_OBJECT (dialog), "paste", d, (GDestroyNotify)paste_dialog_free);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                   n_changes > 0 ? _ ("_Cancel") : _ ("_Close"));
  if (n_changes > 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "apply", _ ("_Paste"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
    }
  else
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  return dialog;
}

TdScorePaste *
td_score_paste_dialog_get_paste (GtkWidget *dialog)
{
  PasteDialog *d = g_object_get_data (G_OBJECT (dialog), "paste");

  return d ? d->paste : NULL;
}
