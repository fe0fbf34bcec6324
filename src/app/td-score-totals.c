/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The totals bar of the Scores section.
 *
 * The figures the meeting argues about, always in view while typing: the
 * unit's self-score total, assessed total, their difference (coloured and
 * signed) and the final total; on the left how many criteria are scored,
 * or, in red, why the unit is not graded. */
#include "config.h"

#include "td-score-totals.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdScoreTotals
{
  GtkBox parent_instance;

  GtkLabel *status_label;
  GtkLabel *self_total_label;
  GtkLabel *assessed_total_label;
  GtkLabel *diff_total_label;
  GtkLabel *final_total_label;

  gchar *text[TD_N_SOURCES];
};

G_DEFINE_FINAL_TYPE (TdScoreTotals, td_score_totals, GTK_TYPE_BOX)

gchar *
td_score_format_delta (TdPoints delta)
{
  return delta == 0 ? g_strdup ("0") : td_points_format_signed (delta);
}

void
td_score_style_delta (GtkWidget *label, TdPoints delta)
{
  gtk_widget_remove_css_class (label, "score-up");
  gtk_widget_remove_css_class (label, "score-down");
  if (delta > 0)
    gtk_widget_add_css_class (label, "score-up");
  else if (delta < 0)
    gtk_widget_add_css_class (label, "score-down");
}

static void
set_total (TdScoreTotals *self, GtkLabel *label, TdSource source, const char *name, TdPoints value)
{
  g_autofree gchar *points = td_points_format (value);

  g_free (self->text[source]);
  /* Translators: a total in the totals bar, e.g. "Self-score: 95,5" */
  self->text[source] = g_strdup_printf (_ ("%s: %s"), name, points);
  gtk_label_set_text (label, self->text[source]);
}

static void
show_figures (TdScoreTotals *self, gboolean show)
{
  gtk_widget_set_visible (GTK_WIDGET (self->self_total_label), show);
  gtk_widget_set_visible (GTK_WIDGET (self->assessed_total_label), show);
  gtk_widget_set_visible (GTK_WIDGET (self->final_total_label), show);
  gtk_widget_set_visible (GTK_WIDGET (self->diff_total_label), show);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
}

void
td_score_totals_show_hint (TdScoreTotals *self, const char *hint)
{
  show_figures (self, FALSE);
  gtk_label_set_text (self->status_label, hint);
}

void
td_score_totals_show_unit (TdScoreTotals *self, const TdUnitTotals *totals,
                           const TdCriteriaTable *table)
{
  const TdNodeTotals *fin = &totals->table[TD_SOURCE_FINAL];
  TdPoints delta = fin->total - totals->table[TD_SOURCE_SELF].total;
  gboolean sent = totals->n_entries[TD_SOURCE_SELF] > 0;
  g_autofree gchar *delta_text = td_score_format_delta (delta);
  g_autofree gchar *diff = NULL;
  g_autofree gchar *reason = NULL;
  g_autofree gchar *assessed = NULL, *bonus = NULL, *deduction = NULL;

  show_figures (self, TRUE);
  /* The words of the ranking table and every sheet: Thẩm định + Thưởng −
   * Trừ = Tổng điểm; a unit that sent nothing has no self-score and so no
   * difference. */
  if (sent)
    set_total (self, self->self_total_label, TD_SOURCE_SELF, _ ("Self-score"),
               totals->table[TD_SOURCE_SELF].total);
  else
    {
      g_free (self->text[TD_SOURCE_SELF]);
      /* Translators: the totals bar of a unit that sent no self-score */
      self->text[TD_SOURCE_SELF] = g_strdup (_ ("Self-score: not sent"));
      gtk_label_set_text (self->self_total_label, self->text[TD_SOURCE_SELF]);
    }
  assessed = td_points_format (fin->standard);
  bonus = td_points_format (fin->bonus);
  deduction = td_points_format (fin->deduction);
  g_free (self->text[TD_SOURCE_ASSESSED]);
  /* Translators: assessed criteria points, bonus and deduction in the totals bar */
  self->text[TD_SOURCE_ASSESSED]
      = g_strdup_printf (_ ("Assessed: %s + bonus %s − deduction %s"), assessed, bonus, deduction);
  gtk_label_set_text (self->assessed_total_label, self->text[TD_SOURCE_ASSESSED]);
  set_total (self, self->final_total_label, TD_SOURCE_FINAL, C_ ("ranking column", "Total"),
             fin->total);
  gtk_widget_set_visible (GTK_WIDGET (self->diff_total_label), sent);
  /* Translators: final total minus self-score total */
  diff = g_strdup_printf (_ ("Difference: %s"), delta_text);
  gtk_label_set_text (self->diff_total_label, diff);
  td_score_style_delta (GTK_WIDGET (self->diff_total_label), sent ? delta : 0);

  reason = td_unit_totals_dup_disqualified_reason (totals, table, TD_SOURCE_FINAL);
  if (reason != NULL)
    {
      gtk_label_set_text (self->status_label, reason);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else
    {
      guint n_inputs = 0;
      g_autofree gchar *status = NULL;

      /* Out of the criteria that take a value: headings are not scored. */
      for (guint i = 0; i < td_criteria_table_get_n_nodes (table); i++)
        if (td_rule_kind_get_input (td_criteria_table_get_node (table, i)->kind) != TD_INPUT_NONE)
          n_inputs++;
      status = g_strdup_printf (_ ("%u of %u criteria self-scored, %u assessed."),
                                totals->n_entries[TD_SOURCE_SELF], n_inputs,
                                totals->n_entries[TD_SOURCE_ASSESSED]);
      gtk_label_set_text (self->status_label, status);
    }
}

const char *
td_score_totals_get_text (TdScoreTotals *self, TdSource source)
{
  return self->text[source];
}

static void
td_score_totals_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TD_TYPE_SCORE_TOTALS);
  G_OBJECT_CLASS (td_score_totals_parent_class)->dispose (object);
}

static void
td_score_totals_finalize (GObject *object)
{
  TdScoreTotals *self = TD_SCORE_TOTALS (object);

  for (guint i = 0; i < TD_N_SOURCES; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (td_score_totals_parent_class)->finalize (object);
}

static void
td_score_totals_class_init (TdScoreTotalsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_score_totals_dispose;
  object_class->finalize = td_score_totals_finalize;

  td_widget_class_set_template (widget_class, "td-score-totals.ui");
  td_widget_class_bind_template_children (widget_class, TdScoreTotals, status_label,
                                          self_total_label, assessed_total_label, diff_total_label,
                                          final_total_label);
}

static void
td_score_totals_init (TdScoreTotals *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
