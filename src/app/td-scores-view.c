/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What both views of the Scores section share.
 *
 * Model chain of a view (one flat list in the table's pre-order, the tree
 * shown by indentation, a "Total" row at the bottom):
 *
 *   GListStore of TdCriterionItem → GtkFilterListModel ("only differences")
 *     → GtkNoSelection → GtkColumnView (one factory per column)
 *
 * A cell is filled from TdScoresState when it is bound, and again when
 * what it shows changes; the cells of a long table that are bound but out
 * of sight are filled from an idle handler, so that switching bloc or year
 * paints first.  An edit is saved by the section ("save" signal), then the
 * focus moves as the key asked, Enter down, Tab right
 * (td-scores-view-focus.c). */
#include "config.h"

#include "td-a11y.h"
#include "td-column-view.h"
#include "td-scores-view-private.h"
#include "td-lazy-tooltip.h"

#include <glib/gi18n.h>
#include <string.h>

#define INDENT_PX 16
#define KEY(node, col) GINT_TO_POINTER (((node) + 1) * 1024 + (gint)(col))

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TdScoresView, td_scores_view, G_TYPE_OBJECT)

TdScoresViewPrivate *
td_scores_view_get_private (TdScoresView *self)
{
  return td_scores_view_get_instance_private (self);
}

enum
{
  SAVE,
  HISTORY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

guint
td_scores_state_n_members (const TdScoresState *state)
{
  return state->members ? state->members->len : 0;
}

guint
td_scores_state_unit_of (const TdScoresState *state, guint member)
{
  return g_array_index (state->member_unit, guint, member);
}

gboolean
td_scores_state_has_unit (const TdScoresState *state)
{
  return state->scores != NULL && state->member < td_scores_state_n_members (state);
}

void
td_scores_view_add_difference (TdScoresView *self, gint index)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  while (index >= 0 && !g_hash_table_contains (priv->differ, GINT_TO_POINTER (index + 1)))
    {
      g_hash_table_add (priv->differ, GINT_TO_POINTER (index + 1));
      index = td_criteria_table_get_node (priv->state->table, index)->parent;
    }
}

gboolean
td_scores_view_differs (TdScoresView *self, gint index)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  return g_hash_table_contains (priv->differ, GINT_TO_POINTER (index + 1));
}

void
td_scores_view_forget_differences (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  g_hash_table_remove_all (priv->differ);
}

/* ---- cells ---- */

gboolean
td_scores_view_cell_has_focus (GtkWidget *widget)
{
  return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

void
td_scores_view_set_cell_class (TdScoreCell *cell, const char *css_class, gboolean on)
{
  GtkWidget *entry = GTK_WIDGET (td_score_cell_get_editable (cell));

  if (on)
    gtk_widget_add_css_class (entry, css_class);
  else
    gtk_widget_remove_css_class (entry, css_class);
}

void
td_scores_view_mark_cell (TdScoreCell *cell, gboolean differs)
{
  td_scores_view_set_cell_class (cell, "score-differs", differs);
}

void
td_scores_view_remember_cell (TdScoresView *self, gint index, guint column, TdScoreCell *cell)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  td_score_cell_set_key (cell, index, column);
  g_hash_table_insert (priv->cells, KEY (index, column), cell);
}

TdScoreCell *
td_scores_view_get_cell (TdScoresView *self, gint index, guint column)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  return g_hash_table_lookup (priv->cells, KEY (index, column));
}

void
td_scores_view_forget_cells (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  g_hash_table_remove_all (priv->cells);
}

/* The measured value's unit (percentages are what the tables measure;
 * their rows say so with "%" or "tỷ lệ"), a count's "cases", then what
 * the entry gives: "% → 9,72", "trường hợp → −1,00", "→ 2,50". */
static gchar *
input_suffix (const TdCriterion *c, const TdEntry *entry, const char *points)
{
  const char *unit = NULL;
  g_autofree gchar *rule = NULL;

  switch (td_rule_kind_get_input (c->kind))
    {
    case TD_INPUT_MEASURED:
      rule = td_criterion_describe_rule (c);
      if ((entry == NULL || entry->has_measured)
          && (strchr (c->title, '%') != NULL || (rule != NULL && strchr (rule, '%') != NULL)
              || strstr (c->title, "tỷ lệ") != NULL || strstr (c->title, "Tỷ lệ") != NULL))
        unit = "%";
      break;
    case TD_INPUT_COUNT:
      /* Translators: after a count typed in a score cell, "2 cases" */
      unit = _ ("cases");
      break;
    default:
      break;
    }
  if (points == NULL)
    return g_strdup (unit ? unit : "");
  /* Translators: a value's unit, then the points it gives: "% → 9,72" */
  return unit ? g_strdup_printf (_ ("%s → %s"), unit, points) : g_strdup_printf ("→ %s", points);
}

void
td_scores_view_set_placeholder (TdScoresState *state, TdScoreCell *cell, const TdCriterion *c,
                                guint unit, TdSource source)
{
  g_autofree gchar *placeholder = NULL;

  /* The table counts an item not scored as fully met once the unit scored
   * anything: say so where the value would be. */
  if (state->table->full_by_default && td_rule_kind_gives_standard (c->kind)
      && td_scores_get_entry (state->scores, unit, c->index, source) == NULL
      && td_scores_get_totals (state->scores, unit)->n_entries[source] > 0)
    {
      g_autofree gchar *full = td_points_format (c->standard);

      placeholder = g_strdup_printf (_ ("%s (full)"), full);
    }
  else
    placeholder = td_criterion_input_hint (c);
  td_score_cell_set_placeholder (cell, placeholder);
}

/* The meeting's agreed points, marked as on the sheets: "*" after the
 * subtotal of a heading, "5*" beside an assessed input; the reason on
 * hover and for a screen reader. */
static void
mark_agreed (GtkWidget *label, const TdEntry *assessed, TdSource source, const char *subtotal)
{
  g_autofree gchar *points = NULL;
  g_autofree gchar *text = NULL;
  g_autofree gchar *tip = NULL;

  if (assessed == NULL || !assessed->has_agreed || source == TD_SOURCE_SELF)
    {
      gtk_widget_remove_css_class (label, "agreed");
      gtk_widget_set_tooltip_text (label, NULL);
      gtk_widget_set_hexpand (label, TRUE);
      return;
    }
  points = td_points_format (assessed->agreed);
  text = subtotal ? g_strdup_printf ("%s *", subtotal) : g_strdup_printf ("%s*", points);
  /* Translators: the tooltip of a score the meeting agreed: points, reason */
  tip = g_strdup_printf (_ ("The meeting agreed %s points: %s"), points, assessed->agreed_reason);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_visible (label, TRUE);
  gtk_widget_add_css_class (label, "agreed");
  gtk_widget_set_tooltip_text (label, tip);
  /* Beside an input the cell keeps the width, the mark takes what it needs. */
  gtk_widget_set_hexpand (label, subtotal != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tip,
                                  -1);
}

void
td_scores_view_fill_score (TdScoresView *self, GtkWidget *box, TdCriterionItem *item,
                           TdSource source, guint unit, guint column, gint differs)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);
  TdScoresState *state = td_scores_view_get_state (self);
  TdScoreCell *cell = TD_SCORE_CELL (gtk_widget_get_first_child (box));
  GtkWidget *label = gtk_widget_get_last_child (box);
  gint index = td_criterion_item_get_index (item);
  TdCriterion *c = td_criterion_item_get_criterion (item);
  g_autofree gchar *text = NULL;

  gtk_widget_remove_css_class (label, "score-subtotal");
  gtk_widget_remove_css_class (label, "score-total");
  if (c == NULL || td_rule_kind_get_input (c->kind) == TD_INPUT_NONE)
    {
      const TdUnitTotals *totals = td_scores_get_totals (state->scores, unit);
      TdPoints value = c == NULL ? totals->table[source].total
                                 : td_scores_node_totals (state->scores, unit, index, source).total;

      gtk_widget_set_visible (GTK_WIDGET (cell), FALSE);
      gtk_widget_set_visible (label, TRUE);
      text = td_points_format (value);
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_add_css_class (label, c == NULL ? "score-total" : "score-subtotal");
      if (c != NULL)
        mark_agreed (label, td_scores_get_entry (state->scores, unit, index, TD_SOURCE_ASSESSED),
                     source, text);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (cell), TRUE);
  gtk_widget_set_visible (label, FALSE);
  mark_agreed (label, td_scores_get_entry (state->scores, unit, index, TD_SOURCE_ASSESSED), source,
               NULL);
  td_scores_view_remember_cell (self, index, column, cell);
  if (differs >= 0)
    td_scores_view_mark_cell (cell, differs);
  /* What the value gives, next to it (the one-unit view): the column of
   * points then adds up to the subtotals in front of the clerk. */
  /* Beside its points a typed value keeps a narrow field; an option's
   * label takes the room (it wraps rather than being cut). */
  gtk_widget_set_hexpand (
      GTK_WIDGET (cell), !priv->show_points || td_rule_kind_get_input (c->kind) == TD_INPUT_OPTION);
  if (priv->show_points)
    {
      const TdEntry *entry = td_scores_get_entry (state->scores, unit, index, source);
      gboolean option = td_rule_kind_get_input (c->kind) == TD_INPUT_OPTION;
      gboolean said = FALSE;
      g_autofree gchar *points = NULL;

      if (entry != NULL)
        {
          TdPoints given = td_scores_node_totals (state->scores, unit, index, source).total;

          points = td_points_format (given);
          /* An option's label already says what it gives ("… (+1)"). */
          said = option && entry->option >= 0 && (guint)entry->option < c->options->len
                 && ((const TdRuleOption *)g_ptr_array_index (c->options, entry->option))->points
                        == given;
        }
      text = input_suffix (c, entry, points);
      /* Agreed points keep their mark (and its reason on hover). */
      if (gtk_widget_has_css_class (label, "agreed"))
        {
          gchar *marked = g_strconcat (text, "*", NULL);
          g_free (text);
          text = marked;
          said = FALSE;
        }
      gtk_label_set_text (GTK_LABEL (label), text);
      /* Beside a count, "trường hợp → 0" may take two lines; an option's
       * label has the column to itself unless its points differ from what
       * it says (or were agreed), which then keep their one line. */
      gtk_label_set_wrap (GTK_LABEL (label), !option);
      if (option)
        gtk_widget_set_hexpand (label, FALSE);
      gtk_widget_set_visible (label, *text != '\0' && !said);
      g_clear_pointer (&text, g_free);
    }
  if (td_scores_view_cell_has_focus (GTK_WIDGET (cell)))
    return;

  {
    const TdEntry *entry = td_scores_get_entry (state->scores, unit, index, source);
    g_autofree gchar *hint = td_criterion_input_hint (c);

    if (td_rule_kind_get_input (c->kind) == TD_INPUT_OPTION)
      {
        g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

        for (guint i = 0; i < c->options->len; i++)
          {
            const TdRuleOption *o = g_ptr_array_index (c->options, i);
            g_autofree gchar *p = td_points_format_signed (o->points);

            g_ptr_array_add (labels, g_strdup_printf ("%s (%s)", o->label, p));
          }
        g_ptr_array_add (labels, NULL);
        td_score_cell_set_choices (cell, (const char *const *)labels->pdata,
                                   entry && entry->option >= 0 ? (guint)entry->option
                                                               : GTK_INVALID_LIST_POSITION);
      }
    else
      {
        text = td_criterion_format_input (c, entry);
        td_score_cell_set_text (cell, text);
        td_scores_view_set_placeholder (state, cell, c, unit, source);
      }
    td_score_cell_set_error (cell, NULL);
    td_lazy_tooltip_set (GTK_WIDGET (cell), hint);
    td_score_cell_set_editable (cell, state->writable);
  }
}

/* Fills a bound widget from its row: at bind, after a reload that kept the
 * rows, and when the view comes back into sight. */
static void
fill_widget (TdScoresView *self, GtkWidget *widget)
{
  TdScoresState *state = td_scores_view_get_state (self);
  TdScoresCellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "kind"));
  TdCriterionItem *item = g_object_get_data (G_OBJECT (widget), "item");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "column"));
  TdCriterion *c;
  g_autofree gchar *rule = NULL;

  if (item == NULL || state->scores == NULL)
    return;
  c = td_criterion_item_get_criterion (item);
  switch (kind)
    {
    case TD_SCORES_KIND_CODE:
      gtk_label_set_text (GTK_LABEL (widget), c ? c->code : "");
      gtk_widget_set_margin_start (widget, c ? c->depth * INDENT_PX : 0);
      break;
    case TD_SCORES_KIND_TITLE:
      {
        GtkWidget *title = gtk_widget_get_first_child (widget);
        GtkWidget *rule_label = gtk_widget_get_last_child (widget);

        TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

        gtk_label_set_text (GTK_LABEL (title), c ? c->title : _ ("Total"));
        rule = c ? td_criterion_describe_rule (c) : NULL;
        gtk_label_set_text (GTK_LABEL (rule_label), rule ? rule : "");
        /* Rows of one height (the matrix): two lines of the criterion,
         * the whole of it and its rule on hover. */
        if (priv->row_height > 0 && c != NULL && rule != NULL && *rule)
          {
            g_autofree gchar *tip = g_strdup_printf ("%s\n%s", c->title, rule);
            td_lazy_tooltip_set (title, tip);
          }
        else
          td_lazy_tooltip_set (title, c ? c->title : NULL);
        gtk_widget_set_visible (rule_label, priv->row_height <= 0 && rule != NULL && *rule);
        gtk_widget_set_margin_start (widget, c ? c->depth * INDENT_PX : 0);
        if (c == NULL || c->depth == 0)
          gtk_widget_add_css_class (title, "criterion-section");
        else
          gtk_widget_remove_css_class (title, "criterion-section");
      }
      break;
    case TD_SCORES_KIND_RULE:
      rule = c ? td_criterion_describe_rule (c) : NULL;
      gtk_label_set_text (GTK_LABEL (widget), rule ? rule : "");
      td_lazy_tooltip_set (widget, rule);
      break;
    case TD_SCORES_KIND_HISTORY:
      {
        gboolean shown = c != NULL && td_rule_kind_get_input (c->kind) != TD_INPUT_NONE;

        gtk_widget_set_visible (widget, shown);
        /* The list cell would hand the focus to it even hidden. */
        gtk_widget_set_focusable (widget, shown);
      }
      break;
    default:
      TD_SCORES_VIEW_GET_CLASS (self)->fill (self, widget, kind, item, column);
      break;
    }
  /* What a reader hears: "Tự chấm, 1.1 Hoàn thành…", the rule after it. */
  {
    g_autofree gchar *row = c ? g_strdup_printf ("%s %s", c->code, c->title) : NULL;

    if (rule == NULL && c != NULL)
      rule = td_criterion_describe_rule (c);
    td_a11y_name_cell (widget, g_object_get_data (G_OBJECT (widget), "title"),
                       row ? row : _ ("Total"), rule);
  }
}

/* After one edit of @member: only the labels that follow that unit's
 * totals change.  The cells keep their text, so a grid of hundreds of
 * cells costs nothing. */
void
td_scores_view_refresh_after_edit (TdScoresView *self, guint member)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, priv->bound);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    {
      TdScoresCellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "kind"));
      TdCriterionItem *item = g_object_get_data (G_OBJECT (widget), "item");
      guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "column"));
      TdCriterion *c = item ? td_criterion_item_get_criterion (item) : NULL;
      gboolean label = c == NULL || td_rule_kind_get_input (c->kind) == TD_INPUT_NONE;

      if (item != NULL
          && TD_SCORES_VIEW_GET_CLASS (self)->follows_member (self, kind, column, member, label))
        fill_widget (self, widget);
    }
}

void
td_scores_view_refresh_bound (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_remove_all (priv->pending);
  g_hash_table_iter_init (&iter, priv->bound);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    fill_widget (self, widget);
}

/* Fills the widgets waiting in pending: all of them, or a batch when
 * called from the idle handler. */
static gboolean
fill_pending (TdScoresView *self, guint at_most)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);
  GHashTableIter iter;
  gpointer widget;
  guint done = 0;

  priv->state->filling = TRUE;
  g_hash_table_iter_init (&iter, priv->pending);
  while (done < at_most && g_hash_table_iter_next (&iter, &widget, NULL))
    {
      g_hash_table_iter_remove (&iter);
      fill_widget (self, widget);
      done++;
    }
  priv->state->filling = FALSE;
  return g_hash_table_size (priv->pending) > 0;
}

static gboolean
fill_pending_idle (gpointer data)
{
  TdScoresView *self = data;
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  /* A few milliseconds a turn, so the window keeps drawing. */
  if (fill_pending (self, 150))
    return G_SOURCE_CONTINUE;
  priv->pending_source = 0;
  return G_SOURCE_REMOVE;
}

/* Before anything reads or moves between cells, every cell is current. */
void
td_scores_view_flush (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  if (priv->pending == NULL || g_hash_table_size (priv->pending) == 0)
    return;
  fill_pending (self, G_MAXUINT);
  g_clear_handle_id (&priv->pending_source, g_source_remove);
}

/* After a reload that kept the rows: the widgets show the old table until
 * filled again.  A long table binds a couple of hundred rows, most of
 * them scrolled out of sight; those on screen are filled now, the others
 * just after the new contents are painted. */
void
td_scores_view_refill (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);
  GHashTableIter iter;
  gpointer widget;

  priv->state->filling = TRUE;
  g_hash_table_iter_init (&iter, priv->bound);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    {
      /* The list unmaps the rows it keeps out of sight. */
      if (gtk_widget_get_mapped (widget))
        fill_widget (self, widget);
      else
        g_hash_table_add (priv->pending, widget);
    }
  priv->state->filling = FALSE;
  if (g_hash_table_size (priv->pending) > 0 && priv->pending_source == 0)
    priv->pending_source = g_idle_add (fill_pending_idle, self);
}

void
td_scores_view_set_show_points (TdScoresView *self, gboolean show)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  priv->show_points = show;
}

static gboolean
on_cell_commit (TdScoreCell *cell, const char *text, int move, TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);
  gint index = td_score_cell_get_row (cell);
  guint column = td_score_cell_get_column (cell);
  gboolean ok = TRUE;

  if (priv->state->scores == NULL || priv->state->filling)
    return FALSE;
  td_scores_view_flush (self);
  if (text != NULL)
    {
      g_signal_emit (self, signals[SAVE], 0, cell, text, &ok);
      if (!ok)
        return FALSE;
    }
  td_scores_view_move_focus (self, index, column, move);
  return ok;
}

static void
on_history_clicked (GtkButton *button, TdScoresView *self)
{
  TdCriterionItem *item = g_object_get_data (G_OBJECT (button), "item");

  if (item == NULL || td_criterion_item_is_total (item))
    return;
  g_signal_emit (self, signals[HISTORY], 0, button, td_criterion_item_get_index (item));
}

/* ---- column factories ---- */

/* Every editable cell of the views is made here (one place per kind, for
 * whatever each cell needs: its commit, being scrolled to). */
static GtkWidget *
editable_cell_new (TdScoresView *self, gboolean text)
{
  GtkWidget *cell = text ? td_score_cell_new_text () : td_score_cell_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (cell, "commit", G_CALLBACK (on_cell_commit), self);
  g_signal_connect (focus, "enter", G_CALLBACK (td_scores_view_on_cell_focus_enter), self);
  gtk_widget_add_controller (cell, focus);
  return cell;
}

static GtkWidget *
score_box_new (TdScoresView *self)
{
  GtkWidget *cell = editable_cell_new (self, FALSE);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_hexpand (cell, TRUE);
  /* In a row taller than the field (the matrix) the field keeps its height. */
  gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  /* "trường hợp → 0,5" beside a count goes on two lines in a narrow column. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_end (label, 8);
  gtk_box_append (GTK_BOX (box), cell);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
title_box_new (void)
{
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *rule = gtk_label_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* Criteria and their rules are read whole: they wrap, never cut. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (rule), 0);
  gtk_label_set_wrap (GTK_LABEL (rule), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (rule), PANGO_WRAP_WORD_CHAR);
  /* A long criterion asks for no more than a comfortable line: what a wide
   * window adds beyond that goes to the evidence and notes too. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 60);
  gtk_label_set_max_width_chars (GTK_LABEL (rule), 60);
  gtk_widget_add_css_class (rule, "dim-label");
  gtk_widget_add_css_class (rule, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), rule);
  return box;
}

/* Two lines of text and the padding of a button: the height of every row
 * of the matrix (an option's drop-down shows two lines of its label, the
 * typed fields are shorter).  No cell may be taller, or the criteria would
 * drift from their cells. */
static int
measure_row_height (GtkWidget *widget)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Ág\nÁg");
  int height = 0;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return MAX (height + 22, 48);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdScoresView *self = td_column_view_factory_owner (factory);
  TdScoresCellKind kind = GPOINTER_TO_INT (data);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *widget;

  switch (kind)
    {
    case TD_SCORES_KIND_SELF:
    case TD_SCORES_KIND_ASSESSED:
    case TD_SCORES_KIND_MATRIX_UNIT:
      widget = score_box_new (self);
      break;
    case TD_SCORES_KIND_EVIDENCE:
    case TD_SCORES_KIND_ASSESSED_EVIDENCE:
      /* Evidence and notes are read whole: they wrap. */
      widget = editable_cell_new (self, TRUE);
      break;
    case TD_SCORES_KIND_HISTORY:
      widget = gtk_button_new_from_icon_name ("document-open-recent-symbolic");
      gtk_widget_add_css_class (widget, "flat");
      td_lazy_tooltip_set (widget, _ ("History of this criterion's scores (Ctrl+H)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("History of this criterion's scores"),
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, "Control+H", -1);
      g_signal_connect (widget, "clicked", G_CALLBACK (on_history_clicked), self);
      break;
    case TD_SCORES_KIND_TITLE:
      widget = title_box_new ();
      break;
    default:
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), kind == TD_SCORES_KIND_DIFF ? 1.0 : 0.0);
      if (kind == TD_SCORES_KIND_DIFF)
        {
          gtk_widget_add_css_class (widget, "numeric");
          gtk_widget_add_css_class (widget, "score-diff");
        }
      if (kind == TD_SCORES_KIND_RULE)
        {
          gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (widget, "dim-label");
        }
      break;
    }
  /* A row grows with its wrapped criterion; its fields keep their height. */
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  if (self != NULL)
    {
      TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

      /* The matrix's two lists scroll as one: every cell of both has the
       * rows' one height, and a criterion is cut at two lines. */
      if (priv->row_height < 0)
        priv->row_height = measure_row_height (GTK_WIDGET (priv->column_view));
      if (priv->row_height > 0)
        {
          gtk_widget_set_size_request (widget, -1, priv->row_height);
          if (kind == TD_SCORES_KIND_TITLE)
            {
              GtkLabel *title = GTK_LABEL (gtk_widget_get_first_child (widget));

              gtk_label_set_lines (title, 2);
              gtk_label_set_ellipsize (title, PANGO_ELLIPSIZE_END);
              /* One line or two, in the middle of the row, as the fields. */
              gtk_widget_set_vexpand (GTK_WIDGET (title), TRUE);
              gtk_widget_set_valign (GTK_WIDGET (title), GTK_ALIGN_CENTER);
            }
        }
    }
  g_object_set_data (G_OBJECT (widget), "kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (widget), "column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (widget), "title", g_object_get_data (G_OBJECT (factory), "title"));
  gtk_list_item_set_child (list_item, widget);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdScoresView *self = td_column_view_factory_owner (factory);
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);
  GtkWidget *widget = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (widget), "item", gtk_list_item_get_item (list_item));
  g_hash_table_add (priv->bound, widget);
  priv->state->filling = TRUE;
  fill_widget (self, widget);
  priv->state->filling = FALSE;
}

static void
forget_cell (GHashTable *cells, TdScoreCell *cell)
{
  gpointer key = KEY ((gint)td_score_cell_get_row (cell), td_score_cell_get_column (cell));

  if (g_hash_table_lookup (cells, key) == cell)
    g_hash_table_remove (cells, key);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdScoresView *self = td_column_view_factory_owner (factory);
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);
  TdScoresCellKind kind = GPOINTER_TO_INT (data);
  GtkWidget *widget = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (widget), "item", NULL);
  g_hash_table_remove (priv->bound, widget);
  g_hash_table_remove (priv->pending, widget);
  if (kind == TD_SCORES_KIND_EVIDENCE || kind == TD_SCORES_KIND_ASSESSED_EVIDENCE)
    forget_cell (priv->cells, TD_SCORE_CELL (widget));
  else if (kind == TD_SCORES_KIND_SELF || kind == TD_SCORES_KIND_ASSESSED
           || kind == TD_SCORES_KIND_MATRIX_UNIT)
    forget_cell (priv->cells, TD_SCORE_CELL (gtk_widget_get_first_child (widget)));
}

static GtkColumnViewColumn *
add_column_to (TdScoresView *self, GtkColumnView *view, const char *title, TdScoresCellKind kind,
               guint column, int width, gboolean expand)
{
  GtkListItemFactory *factory
      = td_column_view_factory_new (self, G_CALLBACK (setup_cell), G_CALLBACK (bind_cell),
                                    G_CALLBACK (unbind_cell), GINT_TO_POINTER (kind));

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_object_set_data_full (G_OBJECT (factory), "title", g_strdup (title), g_free);
  /* The callers own a reference (they keep or drop the column). */
  return g_object_ref (td_column_view_append (view, title, factory, expand, width));
}

GtkColumnViewColumn *
td_scores_view_add_column (TdScoresView *self, const char *title, TdScoresCellKind kind,
                           guint column, int width, gboolean expand)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  return add_column_to (self, priv->column_view, title, kind, column, width, expand);
}

GtkColumnViewColumn *
td_scores_view_add_frozen_column (TdScoresView *self, const char *title, TdScoresCellKind kind,
                                  int width)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  g_return_val_if_fail (priv->frozen_view != NULL, NULL);
  return add_column_to (self, priv->frozen_view, title, kind, 0, width, FALSE);
}

/* ---- rows ---- */

static gboolean
filter_row (gpointer item, gpointer data)
{
  TdScoresView *self = data;
  gint index = td_criterion_item_get_index (item);

  return index < 0 || td_scores_view_differs (self, index);
}

void
td_scores_view_set_only_differences (TdScoresView *self, gboolean only)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  gtk_filter_list_model_set_filter (priv->filtered, only ? GTK_FILTER (priv->filter) : NULL);
  if (only)
    gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

gboolean
td_scores_view_has_rows (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  return g_list_model_get_n_items (G_LIST_MODEL (priv->store)) > 0;
}

void
td_scores_view_splice (TdScoresView *self, guint position, guint n_removed, gpointer *added,
                       guint n_added)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  g_list_store_splice (priv->store, position, n_removed, added, n_added);
}

void
td_scores_view_clear (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  g_list_store_remove_all (priv->store);
  g_hash_table_remove_all (priv->cells);
}

guint
td_scores_view_get_n_rows (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  return g_list_model_get_n_items (G_LIST_MODEL (priv->filtered));
}

GtkColumnView *
td_scores_view_get_column_view (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  return priv->column_view;
}

TdScoresState *
td_scores_view_get_state (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  return priv->state;
}

void
td_scores_view_attach (TdScoresView *self, GtkColumnView *column_view, TdScoresState *state)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);
  g_autoptr (GtkNoSelection) selection = NULL;

  priv->column_view = column_view;
  priv->state = state;
  priv->store = g_list_store_new (TD_TYPE_CRITERION_ITEM);
  priv->filter = gtk_custom_filter_new (filter_row, self, NULL);
  priv->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (priv->store)), NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (priv->filtered)));
  gtk_column_view_set_model (column_view, GTK_SELECTION_MODEL (selection));
}

void
td_scores_view_attach_frozen (TdScoresView *self, GtkColumnView *frozen)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  priv->frozen_view = frozen;
  /* Measured once the first row is made (the font is known then). */
  priv->row_height = -1;
  gtk_column_view_set_model (frozen, gtk_column_view_get_model (priv->column_view));
  /* Its rows hold only text: the keyboard stays in the grid. */
  gtk_widget_set_can_focus (GTK_WIDGET (frozen), FALSE);
}

GArray *
td_scores_view_get_row_indices (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);
  GListModel *model = G_LIST_MODEL (priv->filtered);
  guint n = g_list_model_get_n_items (model);
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (gint), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdCriterionItem) item = g_list_model_get_item (model, i);
      gint index = td_criterion_item_get_index (item);

      g_array_append_val (rows, index);
    }
  return rows;
}

/* ---- object ---- */

static void
td_scores_view_dispose (GObject *object)
{
  TdScoresView *self = TD_SCORES_VIEW (object);
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  g_clear_handle_id (&priv->pending_source, g_source_remove);
  g_clear_handle_id (&priv->focus_source, g_source_remove);
  g_clear_handle_id (&priv->reveal_source, g_source_remove);
  G_OBJECT_CLASS (td_scores_view_parent_class)->dispose (object);
}

static void
td_scores_view_finalize (GObject *object)
{
  TdScoresView *self = TD_SCORES_VIEW (object);
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  g_clear_object (&priv->store);
  g_clear_object (&priv->filtered);
  g_clear_object (&priv->filter);
  g_clear_pointer (&priv->cells, g_hash_table_unref);
  g_clear_pointer (&priv->bound, g_hash_table_unref);
  g_clear_pointer (&priv->pending, g_hash_table_unref);
  g_clear_pointer (&priv->differ, g_hash_table_unref);
  G_OBJECT_CLASS (td_scores_view_parent_class)->finalize (object);
}

static void
td_scores_view_class_init (TdScoresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = td_scores_view_dispose;
  object_class->finalize = td_scores_view_finalize;

  /**
   * TdScoresView::save:
   * @cell: the cell whose text was committed
   * @text: the text typed
   *
   * Saves an edit; FALSE keeps the focus in the cell (it was refused).
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                g_signal_accumulator_first_wins, NULL, NULL, G_TYPE_BOOLEAN, 2,
                                TD_TYPE_SCORE_CELL, G_TYPE_STRING);
  /**
   * TdScoresView::history:
   * @anchor: the button clicked
   * @index: the criterion's node index
   *
   * The history of a criterion's scores is asked for.
   */
  signals[HISTORY] = g_signal_new ("history", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 2, GTK_TYPE_WIDGET, G_TYPE_INT);
}

static void
td_scores_view_init (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_instance_private (self);

  priv->cells = g_hash_table_new (NULL, NULL);
  priv->bound = g_hash_table_new (NULL, NULL);
  priv->pending = g_hash_table_new (NULL, NULL);
  priv->differ = g_hash_table_new (NULL, NULL);
}
