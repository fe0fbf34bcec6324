/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The meeting's agreed points of one criterion of one unit.
 *
 * Minutes sometimes agree a score the table's rules would not give (a
 * bonus above the written cap, accepted by the appraisal team).  The clerk
 * records it here on the assessed score, with the reason the minutes give;
 * the core keeps it in the audit trail and uses it in every total.  The
 * dialog only asks and checks: Save stays off until the points read as a
 * number and a reason is given, and what is wrong is said under the field
 * once something was typed. */
#include "config.h"

#include "td-agreed-dialog.h"
#include "td-dialog.h"

#include <glib/gi18n.h>

typedef struct
{
  GtkEntry *points;
  GtkEntry *reason;
  GtkLabel *problem;
  TdAgreedDone done;
  gpointer data;
  GDestroyNotify destroy;
  gboolean typed;
} AgreedDialog;

static void
agreed_dialog_free (AgreedDialog *d)
{
  if (d->destroy)
    d->destroy (d->data);
  g_free (d);
}

/* Checks the fields; with @out, gives the points read. */
static gboolean
check (AgreedDialog *d, AdwMessageDialog *dialog, TdPoints *out)
{
  const char *points_text = gtk_editable_get_text (GTK_EDITABLE (d->points));
  g_autofree gchar *reason
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->reason))));
  g_autoptr (GError) error = NULL;
  const char *problem = NULL;
  g_autofree gchar *message = NULL;
  GtkWidget *bad = NULL;
  TdPoints points = 0;

  if (!td_points_parse (points_text, &points, &error))
    {
      message = g_strdup_printf (_ ("Agreed points: %s"), error->message);
      problem = message;
      bad = GTK_WIDGET (d->points);
    }
  else if (points > TD_POINTS_MAX || points < -TD_POINTS_MAX)
    {
      problem = _ ("Agreed points: the number is too large.");
      bad = GTK_WIDGET (d->points);
    }
  else if (*reason == '\0')
    {
      problem = _ ("Reason: write why the meeting agreed these points, as the minutes say.");
      bad = GTK_WIDGET (d->reason);
    }

  /* No error before anything is typed. */
  if (!d->typed)
    bad = NULL;
  gtk_label_set_text (d->problem, bad ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (d->problem), bad != NULL);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (d->points), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (d->reason), GTK_ACCESSIBLE_STATE_INVALID);
  if (bad)
    gtk_accessible_update_state (GTK_ACCESSIBLE (bad), GTK_ACCESSIBLE_STATE_INVALID,
                                 GTK_ACCESSIBLE_INVALID_TRUE, -1);
  adw_message_dialog_set_response_enabled (dialog, "save", problem == NULL);
  if (out)
    *out = points;
  return problem == NULL;
}

static void
on_changed (GtkEditable *editable, AdwMessageDialog *dialog)
{
  AgreedDialog *d = g_object_get_data (G_OBJECT (dialog), "agreed");

  d->typed = TRUE;
  check (d, dialog, NULL);
}

static void
on_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  AgreedDialog *d = g_object_get_data (G_OBJECT (dialog), "agreed");
  TdPoints points = 0;

  if (g_str_equal (response, "remove"))
    d->done (FALSE, 0, NULL, d->data);
  else if (g_str_equal (response, "save") && check (d, dialog, &points))
    {
      g_autofree gchar *reason
          = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->reason))));
      d->done (TRUE, points, reason, d->data);
    }
}

static GtkWidget *
labelled_entry (GtkWidget *box, const char *mnemonic, const char *text, GtkWidget **entry_out)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  *entry_out = entry;
  return label;
}

GtkWidget *
td_agreed_dialog_new (GtkWindow *parent, const char *criterion, const char *unit,
                      TdPoints now_points, const TdEntry *assessed, TdAgreedDone done,
                      gpointer data, GDestroyNotify destroy)
{
  AgreedDialog *d = g_new0 (AgreedDialog, 1);
  gboolean has = assessed != NULL && assessed->has_agreed;
  g_autofree gchar *now = td_points_format (now_points);
  g_autofree gchar *body = NULL;
  g_autofree gchar *start = has ? td_points_format (assessed->agreed) : g_strdup (now);
  GtkWidget *dialog, *box, *points, *reason, *problem;

  d->done = done;
  d->data = data;
  d->destroy = destroy;
  body = g_strdup_printf (_ ("“%s” of %s counts %s points now. The points the meeting agreed "
                             "replace what the rule gives in every total and ranking, marked * "
                             "on screen and on the sheets."),
                          criterion, unit, now);
  dialog = td_message_dialog_new (GTK_WIDGET (parent), _ ("Meeting's Agreed Points"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  labelled_entry (box, _ ("Agreed _points"), start, &points);
  gtk_widget_set_tooltip_text (points, _ ("The points of this item as the minutes state them, "
                                          "e.g. 3,5; a deduction as −1."));
  gtk_widget_set_margin_top (labelled_entry (box, _ ("_Reason, as in the minutes"),
                                             has ? assessed->agreed_reason : "", &reason),
                             12);
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason),
                                  _ ("e.g. Hội nghị ngày 15/12 chấp thuận điểm thưởng vượt mức"));
  problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  gtk_box_append (GTK_BOX (box), problem);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (points), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  problem, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  problem, NULL, -1);
  d->points = GTK_ENTRY (points);
  d->reason = GTK_ENTRY (reason);
  d->problem = GTK_LABEL (problem);
  g_object_set_data_full (G_OBJECT (dialog), "agreed", d, (GDestroyNotify)agreed_dialog_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"));
  if (has)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "remove",
                                       _ ("_Remove Agreed Points"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _ ("_Save"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  check (d, ADW_MESSAGE_DIALOG (dialog), NULL);
  g_signal_connect (points, "changed", G_CALLBACK (on_changed), dialog);
  g_signal_connect (reason, "changed", G_CALLBACK (on_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  gtk_window_set_focus (GTK_WINDOW (dialog), has ? points : reason);
  return dialog;
}

void
td_agreed_dialog_fill (GtkWidget *dialog, const char *points, const char *reason)
{
  AgreedDialog *d = g_object_get_data (G_OBJECT (dialog), "agreed");

  g_return_if_fail (d != NULL);
  if (points)
    gtk_editable_set_text (GTK_EDITABLE (d->points), points);
  if (reason)
    gtk_editable_set_text (GTK_EDITABLE (d->reason), reason);
}

const char *
td_agreed_dialog_get_problem (GtkWidget *dialog)
{
  AgreedDialog *d = g_object_get_data (G_OBJECT (dialog), "agreed");

  g_return_val_if_fail (d != NULL, NULL);
  return gtk_widget_get_visible (GTK_WIDGET (d->problem)) ? gtk_label_get_text (d->problem) : NULL;
}
