/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Ranking section: the table the bloc meeting discusses.
 *
 * The engine (td-ranking.c) does all the deciding; this page shows its
 * result, explains the selected unit's place, and lets the clerk enter the
 * meeting's votes, move a unit (with a reason) and accept, remove or add
 * proposals (with a reason).  Every edit is saved at once and the page
 * reloads from the database's "changed" signal. */
#include "config.h"

#include "td-a11y.h"
#include "td-dialog.h"
#include "td-ranking-page.h"
#include "td-column-view.h"
#include "td-ranking-settings-window.h"
#include "td-ranking-store.h"
#include "td-sheet-builders.h"
#include "td-window.h"
#include "td-lazy-tooltip.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdRankingPage
{
  TdSectionPage parent_instance;

  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkRevealer *changes_revealer;
  GtkLabel *changes_label;
  GtkLabel *summary_label;
  GtkButton *votes_button;
  GtkColumnView *column_view;
  GtkLabel *details_title;
  GtkLabel *details_figures;
  GtkLabel *details_explanation;
  GtkButton *clear_override_button;
  AdwPreferencesGroup *proposals_group;

  GtkStringList *model; /* unit ids, in table order */
  GtkSingleSelection *selection;
  GPtrArray *proposal_rows;

  gint64 ranked_year;   /* the bloc-year shown */
  gint64 selected_unit; /* kept across reloads */
  TdRanking *ranking;
  TdRankSettings *settings; /* owned by ranking */
};

G_DEFINE_FINAL_TYPE (TdRankingPage, td_ranking_page, TD_TYPE_SECTION_PAGE)

enum
{
  COL_RANK,
  COL_UNIT,
  COL_SELF,
  COL_ASSESSED,
  COL_BONUS,
  COL_DEDUCTION,
  COL_FINAL,
  COL_GRADE,
  COL_PROPOSAL,
  N_COLUMNS
};

static gboolean
is_writable (TdRankingPage *self)
{
  return td_section_page_is_writable (TD_SECTION_PAGE (self));
}

static const TdRankRow *
row_for_item (TdRankingPage *self, gpointer item)
{
  const char *id;

  if (self->ranking == NULL || item == NULL)
    return NULL;
  id = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  return td_ranking_find_unit (self->ranking, g_ascii_strtoll (id, NULL, 10));
}

static const TdRankRow *
selected_row (TdRankingPage *self)
{
  return row_for_item (self, gtk_single_selection_get_selected_item (self->selection));
}

/* --- the table ------------------------------------------------------------ */

/* Totals that hold the meeting's agreed points carry the sheets' mark. */
static gchar *
agreed_marked (const TdRankInput *in, TdPoints points)
{
  g_autofree gchar *text = td_points_format (points);

  return in->has_agreed ? g_strdup_printf ("%s *", text) : g_steal_pointer (&text);
}

static gchar *
cell_text (TdRankingPage *self, const TdRankRow *row, guint column)
{
  const TdRankInput *in = row->input;

  switch (column)
    {
    case COL_RANK:
      if (in->disqualified)
        return g_strdup ("—");
      if (row->override != NULL)
        /* Translators: a rank the clerk set by hand */
        return g_strdup_printf (_ ("%d (moved)"), row->rank);
      if (row->shared)
        return g_strdup_printf (_ ("%d (shared rank)"), row->rank);
      return g_strdup_printf ("%d", row->rank);
    case COL_UNIT:
      return g_strdup (in->name);
    case COL_SELF:
      /* The columns mean what they mean on every sheet (td-official.h):
       * Thẩm định + Thưởng − Trừ = Tổng điểm. */
      return in->has_self ? td_points_format (in->self_total)
                          /* Translators: a unit that sent no self-score */
                          : g_strdup (_ ("Not sent"));
    case COL_ASSESSED:
      if (!in->scored)
        return g_strdup ("");
      return agreed_marked (in, in->final_total - in->bonus + in->deduction);
    case COL_BONUS:
      return in->scored ? td_points_format (in->bonus) : g_strdup ("");
    case COL_DEDUCTION:
      return in->scored ? td_points_format (in->deduction) : g_strdup ("");
    case COL_FINAL:
      return in->scored ? agreed_marked (in, in->final_total) : g_strdup ("");
    case COL_GRADE:
      return g_strdup (td_grade_to_short_string (row->grade));
    case COL_PROPOSAL:
    default:
      /* The same words as the ranking sheet: the clerk's decisions and
       * the limits the meeting must settle. */
      return td_rank_row_describe_proposals (self->ranking, row, FALSE);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  guint column = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column >= COL_SELF && column <= COL_FINAL ? 1.0 : 0.0);
  if (column == COL_UNIT || column == COL_PROPOSAL || column == COL_GRADE)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COL_FINAL)
    gtk_widget_add_css_class (label, "heading");
  if (column >= COL_SELF && column <= COL_FINAL)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  TdRankingPage *self = td_column_view_factory_owner (factory);
  guint column = GPOINTER_TO_UINT (data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const TdRankRow *row = row_for_item (self, gtk_list_item_get_item (item));
  g_autofree gchar *text = NULL;

  if (row == NULL)
    {
      gtk_label_set_text (label, "");
      return;
    }
  text = cell_text (self, row, column);
  gtk_label_set_text (label, text);
  td_lazy_tooltip_set (GTK_WIDGET (label),
                       column == COL_GRADE ? td_grade_to_string (row->grade) : row->explanation);
  if (row->input->disqualified)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

/* The grade column as wide as its longest word ("Không hoàn thành",
 * "Không xếp loại") in the list's font: a grade is never cut. */
static int
grade_column_width (GtkWidget *widget)
{
  int widest = 0;

  for (TdGrade g = TD_GRADE_NONE; g <= TD_GRADE_LAST; g++)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, td_grade_to_short_string (g));
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
      g_object_unref (layout);
    }
  /* The cell's padding on both sides and the column separator. */
  return MAX (widest + 24, 100);
}

static void
add_columns (TdRankingPage *self)
{
  /* The official column names of the sheets, in Vietnamese. */
  const char *titles[N_COLUMNS] = {
    C_ ("ranking column", "Rank"),
    _ ("Unit"),
    C_ ("ranking column", "Self"),
    C_ ("ranking column", "Assessed"),
    C_ ("ranking column", "Bonus"),
    C_ ("ranking column", "Deduction"),
    C_ ("ranking column", "Total"),
    _ ("Grade"),
    _ ("Proposal"),
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      int width = 0;

      if (i == COL_UNIT)
        width = 170;
      else if (i == COL_GRADE)
        width = grade_column_width (GTK_WIDGET (self->column_view));
      else if (i == COL_PROPOSAL)
        width = 150;
      td_column_view_add_column (self->column_view, titles[i], i == COL_UNIT || i == COL_PROPOSAL,
                                 width, self, G_CALLBACK (setup_cell), G_CALLBACK (bind_cell), NULL,
                                 GUINT_TO_POINTER (i));
    }
}

/* --- details pane ------------------------------------------------------- */

static void
clear_proposal_rows (TdRankingPage *self)
{
  for (guint i = 0; i < self->proposal_rows->len; i++)
    adw_preferences_group_remove (self->proposals_group,
                                  g_ptr_array_index (self->proposal_rows, i));
  g_ptr_array_set_size (self->proposal_rows, 0);
}

static GtkWidget *
action_button (const char *label, const char *action, gint rule_index)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", rule_index);
  return button;
}

static const TdProposal *
find_proposal (TdRankingPage *self, const TdProposalRule *rule, const TdRankInput *unit)
{
  for (guint i = 0; i < self->ranking->proposals->len; i++)
    {
      const TdProposal *p = g_ptr_array_index (self->ranking->proposals, i);
      if (p->rule == rule && p->unit == unit)
        return p;
    }
  return NULL;
}

static void
update_details (TdRankingPage *self)
{
  const TdRankRow *row = selected_row (self);
  gboolean writable = is_writable (self);

  clear_proposal_rows (self);
  if (row == NULL)
    {
      gtk_label_set_text (self->details_title, _ ("No unit selected"));
      gtk_label_set_text (self->details_explanation,
                          _ ("Select a unit to see why it has its place."));
      gtk_label_set_text (self->details_figures, "");
      gtk_widget_set_visible (GTK_WIDGET (self->clear_override_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->proposals_group), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.override", FALSE);
      return;
    }
  self->selected_unit = row->input->unit_id;
  gtk_label_set_text (self->details_title, row->input->name);
  gtk_label_set_text (self->details_explanation, row->explanation);
  {
    /* The figures the meeting argues about: self against assessed. */
    const TdRankInput *in = row->input;
    g_autofree gchar *self_total
        = in->has_self ? td_points_format (in->self_total) : g_strdup (_ ("not sent"));
    g_autofree gchar *assessed = td_points_format (in->final_total - in->bonus + in->deduction);
    g_autofree gchar *bonus = td_points_format (in->bonus);
    g_autofree gchar *deduction = td_points_format (in->deduction);
    g_autofree gchar *total = td_points_format (in->final_total);
    g_autofree gchar *diff = td_points_format_signed (in->final_total - in->self_total);
    g_autofree gchar *figures = NULL;

    if (!in->scored)
      figures = g_strdup (_ ("No score entered yet."));
    else if (in->has_self)
      figures = g_strdup_printf (
          /* Translators: assessed + bonus − deduction = total, then the self-score */
          _ ("Assessed %s + bonus %s − deduction %s = total %s · self-score %s (total against "
             "self %s)"),
          assessed, bonus, deduction, total, self_total, diff);
    else
      figures = g_strdup_printf (_ ("Assessed %s + bonus %s − deduction %s = total %s · "
                                    "self-score not sent"),
                                 assessed, bonus, deduction, total);
    if (in->scored && in->has_agreed)
      {
        /* Translators: after the figures; the same mark as on the sheets */
        gchar *marked = g_strdup_printf (_ ("%s\n* Includes points the meeting agreed: see the "
                                            "unit's assessed scores."),
                                         figures);
        g_free (figures);
        figures = marked;
      }
    gtk_label_set_text (self->details_figures, figures);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->clear_override_button), row->override != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.override",
                                 writable && !row->input->disqualified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.clear-override",
                                 writable && row->override != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->proposals_group),
                          self->settings->proposal_rules->len > 0);
  for (guint r = 0; r < self->settings->proposal_rules->len; r++)
    {
      const TdProposalRule *rule = g_ptr_array_index (self->settings->proposal_rules, r);
      const TdProposal *p = find_proposal (self, rule, row->input);
      GtkWidget *action_row = adw_action_row_new ();
      g_autofree gchar *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), rule->award_name);
      if (p == NULL)
        subtitle = g_strdup (_ ("Not proposed"));
      else if (p->state == TD_PROPOSAL_PROPOSED)
        subtitle = g_strdup (_ ("Proposed by the rules"));
      else if (p->state == TD_PROPOSAL_ACCEPTED)
        subtitle = g_strdup (_ ("Proposed and accepted"));
      else if (p->state == TD_PROPOSAL_REMOVED)
        /* Translators: %s is the clerk's reason */
        subtitle = g_strdup_printf (_ ("Removed: %s"), p->reason);
      else
        subtitle = g_strdup_printf (_ ("Added: %s"), p->reason);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);

      if (writable && !row->input->disqualified)
        {
          if (p == NULL)
            adw_action_row_add_suffix (ADW_ACTION_ROW (action_row),
                                       action_button (_ ("_Add…"), "ranking.add-proposal", r));
          else if (p->state == TD_PROPOSAL_PROPOSED)
            {
              adw_action_row_add_suffix (
                  ADW_ACTION_ROW (action_row),
                  action_button (_ ("_Accept"), "ranking.accept-proposal", r));
              adw_action_row_add_suffix (
                  ADW_ACTION_ROW (action_row),
                  action_button (_ ("_Remove…"), "ranking.remove-proposal", r));
            }
          else
            adw_action_row_add_suffix (
                ADW_ACTION_ROW (action_row),
                action_button (_ ("_Undo Decision"), "ranking.undo-proposal", r));
        }
      adw_preferences_group_add (self->proposals_group, action_row);
      g_ptr_array_add (self->proposal_rows, action_row);
    }
}

static void
on_selection_changed (GtkSelectionModel *model, guint position, guint n_items, TdRankingPage *self)
{
  update_details (self);
}

/* --- loading -------------------------------------------------------------- */

static void
show_empty (TdRankingPage *self, const char *title, const char *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_changes (TdRankingPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean ever_seen = FALSE;

  changes = td_ranking_changes_since_seen (td_section_db (self), self->ranked_year, self->ranking,
                                           &ever_seen, &error);
  if (changes == NULL)
    {
      gtk_revealer_set_reveal_child (self->changes_revealer, FALSE);
      return;
    }
  /* The first look is the baseline: nothing has changed yet. */
  if (!ever_seen && is_writable (self))
    td_ranking_mark_seen (td_section_db (self), self->ranked_year, self->ranking, NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      const TdRankChange *c = g_ptr_array_index (changes, i);
      g_autofree gchar *old_total = td_points_format (c->old_total);
      g_autofree gchar *new_total = td_points_format (c->new_total);

      if (text->len > 0)
        g_string_append (text, "; ");
      if (c->old_rank < 0)
        /* Translators: a unit that was not in the table the last time */
        g_string_append_printf (text, _ ("%s is new in the table"), c->name);
      else if (c->old_rank != c->new_rank && c->old_total == c->new_total)
        /* Translators: "Sở Tư pháp: rank 3 → 2"; rank 0 = not ranked */
        g_string_append_printf (text, _ ("%s: rank %d → %d"), c->name, c->old_rank, c->new_rank);
      else if (c->old_rank != c->new_rank)
        /* Translators: "Sở Tư pháp: rank 3 → 2 (95 → 96,5 points)"; rank 0 = not ranked */
        g_string_append_printf (text, _ ("%s: rank %d → %d (%s → %s points)"), c->name, c->old_rank,
                                c->new_rank, old_total, new_total);
      else
        g_string_append_printf (text, _ ("%s: %s → %s points"), c->name, old_total, new_total);
    }
  if (text->len > 0)
    {
      g_autofree gchar *full
          = g_strdup_printf (_ ("Changed since you last looked: %s."), text->str);
      gtk_label_set_text (self->changes_label, full);
    }
  gtk_revealer_set_reveal_child (self->changes_revealer, text->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.mark-seen",
                                 text->len > 0 && is_writable (self));
}

static void
reload (TdRankingPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = NULL;
  g_autofree gchar *summary = NULL;
  gboolean writable = is_writable (self);
  gint64 keep = self->selected_unit;
  guint select = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->ranking, td_ranking_free);
  self->settings = NULL;
  clear_proposal_rows (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.settings", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.votes", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.override", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.mark-seen", FALSE);

  if (td_section_db (self) == NULL)
    {
      gtk_string_list_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                              NULL);
      show_empty (self, _ ("No Database Open"),
                  _ ("Open a database or the demo to rank the members of a bloc."));
      return;
    }
  self->ranked_year = td_section_bloc_year (self) != 0
                          ? td_section_bloc_year (self)
                          : td_ranking_default_bloc_year (td_section_db (self));
  if (self->ranked_year == 0)
    {
      show_empty (self, _ ("No Bloc Year Yet"),
                  _ ("Add a bloc and its year with its members in Units and Blocs; the ranking "
                     "appears here once there are scores."));
      return;
    }
  self->ranking
      = td_ranking_load (td_section_db (self), self->ranked_year, &self->settings, &error);
  if (self->ranking == NULL)
    {
      show_empty (self, _ ("The Ranking Could Not Be Computed"), error->message);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.settings", TRUE);
  if (self->ranking->rows->len == 0)
    {
      show_empty (self, _ ("No Members"),
                  _ ("This bloc year has no members yet. Add them in Units and Blocs."));
      return;
    }

  {
    gboolean any = FALSE;
    for (guint i = 0; i < self->ranking->rows->len && !any; i++)
      any = ((TdRankRow *)g_ptr_array_index (self->ranking->rows, i))->input->scored;
    if (!any)
      {
        show_empty (self, _ ("No Scores Yet"),
                    _ ("The ranking appears when members' self-scores or assessed scores are "
                       "entered in Scores."));
        return;
      }
  }

  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->ranking->rows->len; i++)
    {
      const TdRankRow *row = g_ptr_array_index (self->ranking->rows, i);
      g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, row->input->unit_id));
      if (row->input->unit_id == keep)
        select = i;
    }
  g_ptr_array_add (ids, NULL);
  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  gtk_string_list_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                          (const char *const *)ids->pdata);
  gtk_single_selection_set_selected (self->selection,
                                     select != GTK_INVALID_LIST_POSITION ? select : 0);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);
  gtk_stack_set_visible_child_name (self->stack, "table");

  /* Translators: "12 units, 11 ranked" */
  summary = g_strdup_printf (_ ("%u units, %u ranked"), self->ranking->rows->len,
                             self->ranking->n_ranked);
  {
    /* Point thresholds above what the table can give: every unit would
     * fall short without anyone saying why. */
    g_autofree gchar *warning = td_grade_scale_warning (&self->settings->scale);
    if (warning != NULL)
      {
        gchar *more = g_strdup_printf ("%s — %s", summary, warning);
        g_free (summary);
        summary = more;
      }
    /* A warning is read whole, not ellipsized. */
    gtk_label_set_ellipsize (self->summary_label,
                             warning ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
    gtk_label_set_wrap (self->summary_label, warning != NULL);
    if (warning != NULL)
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "warning");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "warning");
  }
  if (self->ranking->needs_vote)
    {
      g_autofree gchar *more
          = g_strdup_printf ("%s — %s", summary, _ ("a tie needs the meeting's vote"));
      gtk_label_set_text (self->summary_label, more);
      gtk_widget_add_css_class (GTK_WIDGET (self->votes_button), "suggested-action");
    }
  else
    {
      gtk_label_set_text (self->summary_label, summary);
      gtk_widget_remove_css_class (GTK_WIDGET (self->votes_button), "suggested-action");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.votes",
                                 writable && self->ranking->n_ranked > 1);
  update_changes (self);
  update_details (self);
}

static void
td_ranking_page_reload (TdSectionPage *page)
{
  reload (TD_RANKING_PAGE (page));
}

static void
td_ranking_page_context_changed (TdSectionPage *page)
{
  TD_RANKING_PAGE (page)->selected_unit = 0;
}

static void
report (TdRankingPage *self, const char *heading, GError *error)
{
  td_window_show_error (GTK_WIDGET (self), heading, error);
}

/* After the clerk's own edit the new table is what she has seen. */
static void
mark_seen (TdRankingPage *self)
{
  if (self->ranking != NULL && is_writable (self))
    td_ranking_mark_seen (td_section_db (self), self->ranked_year, self->ranking, NULL);
  gtk_revealer_set_reveal_child (self->changes_revealer, FALSE);
}

/* --- dialogs ----------------------------------------------------------- */

/* A dialog with Cancel and @ok_response (@label, shown as @appearance),
 * the default. */
static AdwMessageDialog *
new_dialog (TdRankingPage *self, const char *heading, const char *body, const char *ok_response,
            const char *label, AdwResponseAppearance appearance)
{
  GtkWidget *dialog = td_message_dialog_new (GTK_WIDGET (self), heading, body);

  td_message_dialog_add_choice (dialog, ok_response, label, appearance, FALSE);
  return ADW_MESSAGE_DIALOG (dialog);
}

typedef struct
{
  TdRankingPage *self;
  GtkWidget *list; /* a row per tied unit, with its votes */
} Votes;

/* Every tied unit's votes from the dialog, all or none. */
static gboolean
save_votes (TdDb *db, gpointer data, GError **error)
{
  Votes *votes = data;

  for (GtkWidget *row = gtk_widget_get_first_child (votes->list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkSpinButton *spin = g_object_get_data (G_OBJECT (row), "spin");

      if (spin != NULL
          && !td_ranking_set_votes (
              db, votes->self->ranked_year,
              g_ascii_strtoll (gtk_widget_get_name (GTK_WIDGET (spin)), NULL, 10),
              gtk_spin_button_get_value_as_int (spin), error))
        return FALSE;
    }
  return TRUE;
}

static void
on_votes_response (AdwMessageDialog *dialog, const char *response, TdRankingPage *self)
{
  Votes votes = { self, g_object_get_data (G_OBJECT (dialog), "list") };
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || td_section_db (self) == NULL)
    return;
  if (!td_db_transaction (td_section_db (self), save_votes, &votes, &error))
    {
      report (self, _ ("Could not save the votes"), error);
      return;
    }
  mark_seen (self);
  td_window_toast_text (GTK_WIDGET (self), _ ("Votes saved"));
}

static void
votes_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRankingPage *self = TD_RANKING_PAGE (widget);
  AdwMessageDialog *dialog;
  GtkWidget *list;
  g_autoptr (GHashTable) totals = g_hash_table_new (NULL, NULL); /* of TdRankInput* */

  if (self->ranking == NULL)
    return;
  /* The units of a tie only the vote can break, and those whose votes
   * were entered already (to correct them). */
  for (guint i = 0; i < self->ranking->n_ranked; i++)
    {
      const TdRankRow *row = g_ptr_array_index (self->ranking->rows, i);
      if (row->needs_vote)
        g_hash_table_add (totals, (gpointer)row->input);
      for (guint k = 0; row->input->votes >= 0 && k < self->ranking->n_ranked; k++)
        {
          const TdRankRow *other = g_ptr_array_index (self->ranking->rows, k);
          if (other != row && other->input->final_total == row->input->final_total)
            g_hash_table_add (totals, (gpointer)row->input);
        }
    }
  if (g_hash_table_size (totals) == 0)
    {
      td_window_toast_text (widget, _ ("No tie needs the meeting's vote."));
      return;
    }
  dialog = new_dialog (self, _ ("Votes of the Meeting"),
                       _ ("Enter the number of votes each tied unit received. More votes "
                          "place a unit higher when the tie-break rules include the vote."),
                       "save", _ ("_Save"), ADW_RESPONSE_SUGGESTED);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < self->ranking->n_ranked; i++)
    {
      const TdRankRow *row = g_ptr_array_index (self->ranking->rows, i);
      GtkWidget *action_row, *spin;
      g_autofree gchar *id = NULL;
      g_autofree gchar *total = NULL;

      if (!g_hash_table_contains (totals, row->input))
        continue;
      id = g_strdup_printf ("%" G_GINT64_FORMAT, row->input->unit_id);
      total = td_points_format (row->input->final_total);
      action_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), row->input->name);
      {
        g_autofree gchar *subtitle = g_strdup_printf (_ ("%s points"), total);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
      }
      spin = gtk_spin_button_new_with_range (0, 9999, 1);
      gtk_widget_set_name (spin, id);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MAX (row->input->votes, 0));
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), spin);
      g_object_set_data (G_OBJECT (action_row), "spin", spin);
      gtk_list_box_append (GTK_LIST_BOX (list), action_row);
    }
  g_object_set_data (G_OBJECT (dialog), "list", list);
  adw_message_dialog_set_extra_child (dialog, list);
  g_signal_connect (dialog, "response", G_CALLBACK (on_votes_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reason_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree gchar *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *response = g_object_get_data (G_OBJECT (dialog), "ok-response");

  adw_message_dialog_set_response_enabled (dialog, response, *text != '\0');
}

/* A dialog about the unit @unit_id with a mandatory reason, below @above
 * (or alone): @ok_response, the default, stays off until one is typed. */
static AdwMessageDialog *
new_reason_dialog (TdRankingPage *self, const char *heading, const char *body,
                   const char *ok_response, const char *label, AdwResponseAppearance appearance,
                   GtkWidget *above, gint64 unit_id)
{
  AdwMessageDialog *dialog = new_dialog (self, heading, body, ok_response, label, appearance);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();

  if (above != NULL)
    gtk_box_append (GTK_BOX (box), above);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Reason (required)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  g_object_set_data (G_OBJECT (dialog), "ok-response", (gpointer)ok_response);
  g_object_set_data (G_OBJECT (dialog), "reason", entry);
  g_object_set_data (G_OBJECT (dialog), "unit", GSIZE_TO_POINTER (unit_id));
  adw_message_dialog_set_response_enabled (dialog, ok_response, FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  adw_message_dialog_set_extra_child (dialog, box);
  return dialog;
}

static void
on_override_response (AdwMessageDialog *dialog, const char *response, TdRankingPage *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "place");
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "unit"));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "move") != 0 || td_section_db (self) == NULL)
    return;
  if (!td_ranking_set_override (td_section_db (self), self->ranked_year, unit_id,
                                gtk_spin_button_get_value_as_int (spin),
                                gtk_editable_get_text (reason), &error))
    {
      report (self, _ ("Could not move the unit"), error);
      return;
    }
  mark_seen (self);
}

static void
override_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRankingPage *self = TD_RANKING_PAGE (widget);
  const TdRankRow *row = selected_row (self);
  AdwMessageDialog *dialog;
  GtkWidget *place_box, *spin;
  g_autofree gchar *heading = NULL;

  if (row == NULL || row->input->disqualified)
    return;
  /* Translators: %s is a unit */
  heading = g_strdup_printf (_ ("Move “%s”"), row->input->name);
  place_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (place_box), gtk_label_new_with_mnemonic (_ ("_Place")));
  spin = gtk_spin_button_new_with_range (1, MAX (self->ranking->n_ranked, 1), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), row->position);
  gtk_widget_set_hexpand (spin, TRUE);
  gtk_box_append (GTK_BOX (place_box), spin);
  dialog = new_reason_dialog (
      self, heading,
      _ ("Choose the unit's place in the table. The reason is recorded, shown in "
         "the table's explanation and kept in the audit trail."),
      "move", _ ("_Move"), ADW_RESPONSE_SUGGESTED, place_box, row->input->unit_id);
  g_object_set_data (G_OBJECT (dialog), "place", spin);
  g_signal_connect (dialog, "response", G_CALLBACK (on_override_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_override_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRankingPage *self = TD_RANKING_PAGE (widget);
  const TdRankRow *row = selected_row (self);
  g_autoptr (GError) error = NULL;

  if (row == NULL || row->override == NULL)
    return;
  if (!td_ranking_clear_override (td_section_db (self), self->ranked_year, row->input->unit_id,
                                  &error))
    report (self, _ ("Could not undo the move"), error);
  else
    mark_seen (self);
}

/* The rule's id, saving the default rules first when they were only shown. */
static gint64
rule_id_at (TdRankingPage *self, gint index, GError **error)
{
  g_autoptr (TdRankSettings) saved = NULL;
  const TdProposalRule *rule;

  if (!td_ranking_ensure_settings (td_section_db (self), self->ranked_year, error))
    return 0;
  saved = td_ranking_load_settings (td_section_db (self), self->ranked_year, error);
  if (saved == NULL || index < 0 || (guint)index >= saved->proposal_rules->len)
    return 0;
  rule = g_ptr_array_index (saved->proposal_rules, index);
  return rule->id;
}

static void
decide (TdRankingPage *self, gint rule_index, gint64 unit_id, TdDecisionKind kind,
        const char *reason, gboolean clear)
{
  g_autoptr (GError) error = NULL;
  gint64 rule_id = rule_id_at (self, rule_index, &error);
  gboolean ok;

  if (rule_id == 0)
    {
      if (error != NULL)
        report (self, _ ("Could not save the proposal"), error);
      return;
    }
  if (clear)
    ok = td_ranking_clear_decision (td_section_db (self), rule_id, unit_id, &error);
  else
    ok = td_ranking_set_decision (td_section_db (self), rule_id, unit_id, kind, reason, &error);
  if (!ok)
    report (self, _ ("Could not save the proposal"), error);
}

static void
on_decision_response (AdwMessageDialog *dialog, const char *response, TdRankingPage *self)
{
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "unit"));
  gint rule_index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "rule"));
  TdDecisionKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind"));

  if (g_strcmp0 (response, "ok") != 0 || td_section_db (self) == NULL)
    return;
  decide (self, rule_index, unit_id, kind, gtk_editable_get_text (reason), FALSE);
}

static void
ask_reason (TdRankingPage *self, gint rule_index, TdDecisionKind kind)
{
  const TdRankRow *row = selected_row (self);
  const TdProposalRule *rule;
  AdwMessageDialog *dialog;
  g_autofree gchar *heading = NULL;

  if (row == NULL || rule_index < 0 || (guint)rule_index >= self->settings->proposal_rules->len)
    return;
  rule = g_ptr_array_index (self->settings->proposal_rules, rule_index);
  if (kind == TD_DECISION_ADD)
    /* Translators: "Propose Sở Tư pháp for Giấy khen" */
    heading = g_strdup_printf (_ ("Propose %s for %s"), row->input->name, rule->award_name);
  else
    heading = g_strdup_printf (_ ("Remove the proposal of %s for %s"), row->input->name,
                               rule->award_name);
  dialog = new_reason_dialog (
      self, heading, _ ("The reason is kept with the proposal and in the audit trail."), "ok",
      kind == TD_DECISION_ADD ? _ ("_Propose") : _ ("_Remove"),
      kind == TD_DECISION_ADD ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE, NULL,
      row->input->unit_id);
  g_object_set_data (G_OBJECT (dialog), "rule", GINT_TO_POINTER (rule_index));
  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (dialog, "response", G_CALLBACK (on_decision_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
proposal_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRankingPage *self = TD_RANKING_PAGE (widget);
  const TdRankRow *row = selected_row (self);
  gint index = g_variant_get_int32 (param);

  if (row == NULL)
    return;
  if (g_str_equal (action_name, "ranking.accept-proposal"))
    decide (self, index, row->input->unit_id, TD_DECISION_ACCEPT, "", FALSE);
  else if (g_str_equal (action_name, "ranking.undo-proposal"))
    decide (self, index, row->input->unit_id, TD_DECISION_ACCEPT, "", TRUE);
  else if (g_str_equal (action_name, "ranking.remove-proposal"))
    ask_reason (self, index, TD_DECISION_REMOVE);
  else
    ask_reason (self, index, TD_DECISION_ADD);
}

static void
mark_seen_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  mark_seen (TD_RANKING_PAGE (widget));
}

static void
settings_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRankingPage *self = TD_RANKING_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window;

  if (td_section_db (self) == NULL || self->ranked_year == 0)
    return;
  window = GTK_WINDOW (td_ranking_settings_window_new (td_section_db (self), self->ranked_year));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (window, GTK_WINDOW (root));
  gtk_window_present (window);
}

/* --- GObject ------------------------------------------------------------ */

static void
td_ranking_page_dispose (GObject *object)
{
  TdRankingPage *self = TD_RANKING_PAGE (object);

  g_clear_pointer (&self->ranking, td_ranking_free);
  G_OBJECT_CLASS (td_ranking_page_parent_class)->dispose (object);
}

static void
td_ranking_page_finalize (GObject *object)
{
  TdRankingPage *self = TD_RANKING_PAGE (object);

  g_ptr_array_unref (self->proposal_rows);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (td_ranking_page_parent_class)->finalize (object);
}

/* The section's keys (td-section-page.h). */
static const TdSectionShortcut shortcuts[] = {
  { TD_SHORTCUT_WINDOW, GDK_KEY_m, GDK_CONTROL_MASK, "ranking.override", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "ranking.votes", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "ranking.settings", NULL },
};

static void
td_ranking_page_class_init (TdRankingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TdSectionPageClass *section_class = TD_SECTION_PAGE_CLASS (klass);

  object_class->dispose = td_ranking_page_dispose;
  object_class->finalize = td_ranking_page_finalize;
  section_class->reload = td_ranking_page_reload;
  section_class->context_changed = td_ranking_page_context_changed;
  td_section_page_class_set_section (section_class, "ranking", N_ ("Ranking"),
                                     "view-sort-descending-symbolic", TD_SHEET_RANKING);

  td_widget_class_bind_template_children (
      widget_class, TdRankingPage, stack, empty_page, changes_revealer, changes_label,
      summary_label, votes_button, column_view, details_title, details_figures, details_explanation,
      clear_override_button, proposals_group);

  gtk_widget_class_install_action (widget_class, "ranking.votes", NULL, votes_action);
  gtk_widget_class_install_action (widget_class, "ranking.override", NULL, override_action);
  gtk_widget_class_install_action (widget_class, "ranking.clear-override", NULL,
                                   clear_override_action);
  gtk_widget_class_install_action (widget_class, "ranking.accept-proposal", "i", proposal_action);
  gtk_widget_class_install_action (widget_class, "ranking.remove-proposal", "i", proposal_action);
  gtk_widget_class_install_action (widget_class, "ranking.add-proposal", "i", proposal_action);
  gtk_widget_class_install_action (widget_class, "ranking.undo-proposal", "i", proposal_action);
  gtk_widget_class_install_action (widget_class, "ranking.mark-seen", NULL, mark_seen_action);
  gtk_widget_class_install_action (widget_class, "ranking.settings", NULL, settings_action);

  td_section_page_class_add_shortcuts (section_class, shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
td_ranking_page_init (TdRankingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->proposal_rows = g_ptr_array_new ();
  /* GtkStringList (unit ids, table order) → GtkSingleSelection → column view;
   * the cells look the row up in the current TdRanking. */
  self->model = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  add_columns (self);
  td_a11y_follow_column_view (self->column_view, _ ("Ranking"), 1);
}

const TdRanking *
td_ranking_page_get_ranking (TdRankingPage *self)
{
  g_return_val_if_fail (TD_IS_RANKING_PAGE (self), NULL);
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return self->ranking;
}

gboolean
td_ranking_page_select_unit (TdRankingPage *self, gint64 unit_id)
{
  guint n;

  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      const TdRankRow *row = row_for_item (self, item);
      if (row != NULL && row->input->unit_id == unit_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
td_ranking_page_get_explanation (TdRankingPage *self)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return gtk_label_get_text (self->details_explanation);
}

/* The "changed since you last looked" text, NULL while there is none. */
const char *
td_ranking_page_get_changes (TdRankingPage *self)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  if (!gtk_revealer_get_reveal_child (self->changes_revealer))
    return NULL;
  return gtk_label_get_text (self->changes_label);
}
