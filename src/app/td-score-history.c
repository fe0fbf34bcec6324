/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The history of a score cell, on request (Ctrl+H or the clock button).
 *
 * The meeting argues about who changed a score and when, so every change
 * the core wrote to the audit trail is listed: source, field, old → new,
 * when (local time, dd/mm/yyyy) and who.  Self and assessed changes of a
 * row are merged newest first. */
#include "config.h"

#include "td-score-history.h"
#include "td-template.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _TdScoreHistory
{
  GtkPopover parent_instance;

  GtkLabel *heading_label;
  GtkLabel *empty_label;
  GtkWidget *scrolled;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (TdScoreHistory, td_score_history, GTK_TYPE_POPOVER)

typedef struct
{
  TdEntryChange *change;
  TdSource source;
} SourcedChange;

static gint
compare_changes (gconstpointer a, gconstpointer b)
{
  const SourcedChange *x = a;
  const SourcedChange *y = b;

  return -g_strcmp0 (x->change->at, y->change->at);
}

static gchar *
format_when (const char *iso)
{
  g_autoptr (GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup (iso ? iso : "");
}

static GtkWidget *
history_row (const SourcedChange *sc)
{
  const TdEntryChange *change = sc->change;
  GtkWidget *row = adw_action_row_new ();
  g_autofree gchar *when = format_when (change->at);
  g_autofree gchar *what = NULL, *subtitle = NULL;
  const char *field = g_strcmp0 (change->field, "evidence") == 0 ? _ ("evidence") : _ ("score");

  /* Translators: one change of a score cell: source, field, old → new */
  what = g_strdup_printf (_ ("%s, %s: %s → %s"), td_source_get_label (sc->source), field,
                          change->old_value ? change->old_value : _ ("(none)"),
                          change->new_value ? change->new_value : _ ("(cleared)"));
  /* Translators: when and who, e.g. "22/11/2026 09:15 · lan" */
  subtitle = g_strdup_printf (_ ("%s · %s"), when, change->user ? change->user : "");
  /* Values and evidence are plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

gboolean
td_score_history_load (TdScoreHistory *self, TdDb *db, const TdCriterion *criterion, gint64 unit_id,
                       gboolean both, TdSource source, GError **error)
{
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (SourcedChange));
  g_autofree gchar *heading = NULL;
  GtkWidget *child;

  for (TdSource s = TD_SOURCE_SELF; s <= TD_SOURCE_ASSESSED; s++)
    {
      GPtrArray *changes;

      if (!both && s != source)
        continue;
      changes = td_entry_history (db, unit_id, criterion->id, s, error);
      if (changes == NULL)
        return FALSE;
      g_ptr_array_add (keep, changes);
      for (guint i = 0; i < changes->len; i++)
        {
          SourcedChange sc = { g_ptr_array_index (changes, i), s };
          g_array_append_val (all, sc);
        }
    }
  g_array_sort (all, compare_changes);

  /* Translators: heading of a cell's history, %s is the criterion's code and title */
  heading = g_strdup_printf (_ ("History of %s %s"), criterion->code, criterion->title);
  gtk_label_set_text (self->heading_label, heading);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < all->len; i++)
    gtk_list_box_append (self->list, history_row (&g_array_index (all, SourcedChange, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), all->len == 0);
  gtk_widget_set_visible (self->scrolled, all->len > 0);
  return TRUE;
}

static void
td_score_history_class_init (TdScoreHistoryClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* GtkPopover unparents its child itself: no gtk_widget_dispose_template. */
  td_widget_class_set_template (widget_class, "td-score-history.ui");
  td_widget_class_bind_template_children (widget_class, TdScoreHistory, heading_label, empty_label,
                                          scrolled, list);
}

static void
td_score_history_init (TdScoreHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
td_score_history_new (void)
{
  return g_object_new (TD_TYPE_SCORE_HISTORY, NULL);
}
