/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Ranking section under Xvfb, in Vietnamese, on the demo database:
 * the table, a tie broken by the meeting's vote through the votes dialog,
 * the explanation of the new order, a move with its reason, the rules
 * window, and screenshots to look at. */
#include "config.h"

#include "td-demo.h"
#include "td-ranking-page.h"
#include "td-ranking-settings-window.h"
#include "td-ranking-store.h"
#include "td-registry.h"
#include "td-test-util.h"

#include <string.h>

static TdDb *
open_demo (TdWindow *window, gchar **dir_out)
{
  TdDb *db = td_test_demo_db (dir_out);

  td_window_set_database (window, db, FALSE);
  td_window_set_bloc_year_id (window, td_ranking_default_bloc_year (db));
  return db;
}

static TdRankingPage *
show_page (TdWindow *window)
{
  TdRankingPage *page;

  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("ranking"));
  g_assert_cmpstr (td_window_get_section (window), ==, "ranking");
  page = TD_RANKING_PAGE (td_test_find_widget (GTK_WIDGET (window), TD_TYPE_RANKING_PAGE, NULL));
  g_assert_nonnull (page);
  return page;
}

/* The first shared rank only a vote can break, table order. */
static GPtrArray *
vote_tie (const TdRanking *ranking)
{
  GPtrArray *tie = g_ptr_array_new ();
  gint rank = 0;

  for (guint i = 0; i < ranking->n_ranked; i++)
    {
      const TdRankRow *row = g_ptr_array_index (ranking->rows, i);
      if (row->needs_vote && (rank == 0 || row->rank == rank))
        {
          rank = row->rank;
          g_ptr_array_add (tie, (gpointer)row);
        }
    }
  return tie;
}

static GtkSpinButton *
find_spin (GtkWidget *root, const char *name)
{
  g_autoptr (GPtrArray) spins = td_test_collect_widgets (root, GTK_TYPE_SPIN_BUTTON);

  for (guint i = 0; i < spins->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (spins, i)), name) == 0)
      return g_ptr_array_index (spins, i);
  return NULL;
}

static void
test_vote_reorders (void)
{
  TdWindow *window = td_test_window_new ();
  g_autofree gchar *dir = NULL;
  TdDb *db = open_demo (window, &dir);
  TdRankingPage *page = show_page (window);
  const TdRanking *ranking = td_ranking_page_get_ranking (page);
  g_autoptr (GPtrArray) tie = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AdwMessageDialog *dialog;
  g_autofree gchar *shot = NULL;
  gint64 winner;
  gint tie_rank;

  g_assert_nonnull (ranking);
  g_assert_cmpuint (ranking->rows->len, >=, 8);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Xếp hạng"));
  /* The demo's other tie is decided by section I, as the meeting reads it. */
  {
    const TdRankRow *top = g_ptr_array_index (ranking->rows, 0);
    g_assert_true (td_ranking_page_select_unit (page, top->input->unit_id));
    td_test_iterate ();
    g_assert_nonnull (strstr (td_ranking_page_get_explanation (page),
                              ", hơn về điểm mục I (tiêu chí quyết định thứ nhất)"));
  }
  shot = td_test_screenshot (GTK_WIDGET (window), "ranking-before-vote.png");

  /* The demo has a tie that only the meeting's vote breaks. */
  tie = vote_tie (ranking);
  g_assert_cmpuint (tie->len, >=, 2);
  g_assert_true (ranking->needs_vote);
  tie_rank = ((const TdRankRow *)g_ptr_array_index (tie, 0))->rank;
  for (guint i = 0; i < tie->len; i++)
    {
      const TdRankRow *row = g_ptr_array_index (tie, i);
      g_assert_true (row->shared);
      g_array_append_val (ids, row->input->unit_id);
    }
  g_assert_true (td_ranking_page_select_unit (page, g_array_index (ids, gint64, 0)));
  td_test_iterate ();
  g_assert_nonnull (strstr (td_ranking_page_get_explanation (page), "cần Hội nghị biểu quyết"));

  /* The last of the tied units gets most votes. */
  td_test_activate (GTK_WIDGET (page), "ranking.votes", NULL);
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Biểu quyết của Hội nghị");
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree gchar *name
          = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
      GtkSpinButton *spin = find_spin (GTK_WIDGET (dialog), name);
      g_assert_nonnull (spin);
      gtk_spin_button_set_value (spin, 3 + i);
    }
  g_clear_pointer (&shot, g_free);
  shot = td_test_screenshot (GTK_WIDGET (dialog), "ranking-votes-dialog.png");
  adw_message_dialog_response (dialog, "save");
  td_test_iterate ();

  /* The rows of the tie belonged to the old ranking: gone now. */
  g_clear_pointer (&tie, g_ptr_array_unref);
  ranking = td_ranking_page_get_ranking (page);
  winner = g_array_index (ids, gint64, ids->len - 1);
  {
    const TdRankRow *row = td_ranking_find_unit (ranking, winner);
    g_assert_false (row->shared);
    g_assert_cmpint (row->rank, ==, tie_rank);
    g_assert_cmpint (row->decided_by, >=, 0);
  }
  g_assert_true (td_ranking_page_select_unit (page, winner));
  td_test_iterate ();
  g_assert_nonnull (strstr (td_ranking_page_get_explanation (page), "số phiếu biểu quyết"));
  g_assert_nonnull (strstr (td_ranking_page_get_explanation (page), "hơn"));
  g_assert_null (strstr (td_ranking_page_get_explanation (page), "cần Hội nghị biểu quyết"));
  g_assert_cmpint (
      td_db_query_int (db, "SELECT count(*) FROM audit WHERE tbl = 'ranking_vote'", 0, NULL), ==,
      ids->len);
  g_assert_null (td_ranking_page_get_changes (page));
  g_clear_pointer (&shot, g_free);
  shot = td_test_screenshot (GTK_WIDGET (window), "ranking-after-vote.png");

  /* Someone else corrects the vote count: the page says what moved. */
  {
    g_autoptr (GError) error = NULL;
    gint64 loser = g_array_index (ids, gint64, 0);
    g_assert_true (td_ranking_set_votes (db, td_ranking_default_bloc_year (db), loser, 20, &error));
    g_assert_no_error (error);
    td_test_iterate ();
    g_assert_nonnull (td_ranking_page_get_changes (page));
    g_assert_nonnull (strstr (td_ranking_page_get_changes (page), "Thay đổi kể từ lần xem trước"));
    g_assert_nonnull (strstr (td_ranking_page_get_changes (page), "→"));
    g_clear_pointer (&shot, g_free);
    shot = td_test_screenshot (GTK_WIDGET (window), "ranking-changes.png");
    td_test_activate (GTK_WIDGET (page), "ranking.mark-seen", NULL);
    g_assert_null (td_ranking_page_get_changes (page));
  }
  td_test_destroy_window (window);
}

static void
test_override_needs_reason (void)
{
  TdWindow *window = td_test_window_new ();
  g_autofree gchar *dir = NULL;
  TdDb *db = open_demo (window, &dir);
  TdRankingPage *page = show_page (window);
  const TdRanking *ranking = td_ranking_page_get_ranking (page);
  const TdRankRow *last = g_ptr_array_index (ranking->rows, ranking->n_ranked - 1);
  gint64 unit = last->input->unit_id;
  AdwMessageDialog *dialog;
  GtkEntry *reason;
  g_autofree gchar *shot = NULL;

  g_assert_true (td_ranking_page_select_unit (page, unit));
  td_test_iterate ();
  td_test_activate (GTK_WIDGET (page), "ranking.override", NULL);
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "move"));
  reason = GTK_ENTRY (td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL));
  g_assert_nonnull (reason);
  gtk_spin_button_set_value (
      GTK_SPIN_BUTTON (td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL)), 1);
  gtk_editable_set_text (GTK_EDITABLE (reason), "Được Hội nghị thống nhất suy tôn");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "move"));
  adw_message_dialog_response (dialog, "move");
  td_test_iterate ();

  ranking = td_ranking_page_get_ranking (page);
  g_assert_cmpint (((TdRankRow *)g_ptr_array_index (ranking->rows, 0))->input->unit_id, ==, unit);
  g_assert_true (td_ranking_page_select_unit (page, unit));
  td_test_iterate ();
  g_assert_nonnull (
      strstr (td_ranking_page_get_explanation (page), "lý do: Được Hội nghị thống nhất suy tôn"));
  g_assert_cmpint (
      td_db_query_int (db, "SELECT count(*) FROM audit WHERE tbl = 'ranking_override'", 0, NULL),
      ==, 1);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 (điều chỉnh)"));
  shot = td_test_screenshot (GTK_WIDGET (window), "ranking-override.png");

  td_test_activate (GTK_WIDGET (page), "ranking.settings", NULL);
  {
    GtkWindow *settings = td_test_find_toplevel (TD_TYPE_RANKING_SETTINGS_WINDOW);
    g_autofree gchar *shot2 = NULL;
    g_assert_nonnull (settings);
    td_test_wait_drawn (GTK_WIDGET (settings));
    g_assert_nonnull (
        td_test_find_widget (GTK_WIDGET (settings), ADW_TYPE_EXPANDER_ROW, "Giấy khen"));
    shot2 = td_test_screenshot (GTK_WIDGET (settings), "ranking-rules.png");
  }
  td_test_destroy_window (window);
}

static void
test_proposal_decisions (void)
{
  TdWindow *window = td_test_window_new ();
  g_autofree gchar *dir = NULL;
  TdDb *db = open_demo (window, &dir);
  TdRankingPage *page = show_page (window);
  const TdRankRow *top = g_ptr_array_index (td_ranking_page_get_ranking (page)->rows, 0);
  gint64 unit = top->input->unit_id;
  AdwMessageDialog *dialog;
  GtkWidget *reason;
  g_autofree gchar *flag = g_strdup (top->proposals);

  g_assert_cmpstr (flag, ==, "Cờ thi đua của UBND tỉnh");
  g_assert_true (td_ranking_page_select_unit (page, unit));
  td_test_iterate ();

  /* Removing needs a reason; the table and the explanation show it. */
  td_test_activate (GTK_WIDGET (page), "ranking.remove-proposal", g_variant_new_int32 (0));
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  reason = td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (reason), "Đơn vị xin nhường");
  adw_message_dialog_response (dialog, "ok");
  td_test_iterate ();
  top = td_ranking_find_unit (td_ranking_page_get_ranking (page), unit);
  /* No longer proposed for the flag, the unit falls to the next rule. */
  g_assert_cmpstr (top->proposals, ==, "Bằng khen của Chủ tịch UBND tỉnh");
  g_assert_nonnull (strstr (td_ranking_page_get_explanation (page),
                            "Cờ thi đua của UBND tỉnh bị Hội nghị bỏ: Đơn vị xin nhường"));
  g_assert_cmpint (
      td_db_query_int (db, "SELECT count(*) FROM audit WHERE tbl = 'proposal_decision'", 0, NULL),
      ==, 1);

  /* Undo the decision, then accept: proposed again, and accepted. */
  td_test_activate (GTK_WIDGET (page), "ranking.undo-proposal", g_variant_new_int32 (0));
  td_test_activate (GTK_WIDGET (page), "ranking.accept-proposal", g_variant_new_int32 (0));
  top = td_ranking_find_unit (td_ranking_page_get_ranking (page), unit);
  g_assert_cmpstr (top->proposals, ==, "Cờ thi đua của UBND tỉnh");
  g_assert_nonnull (
      td_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Cờ thi đua của UBND tỉnh"));
  td_test_wait_drawn (GTK_WIDGET (window));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                         "Cờ thi đua của UBND tỉnh (Hội nghị thống nhất)"));
  g_assert_cmpint (
      td_db_query_int (db, "SELECT count(*) FROM proposal_decision WHERE kind = 'accept'", 0, NULL),
      ==, 1);
  td_test_destroy_window (window);
}

static void
test_rules_window (void)
{
  TdWindow *window = td_test_window_new ();
  g_autofree gchar *dir = NULL;
  TdDb *db = open_demo (window, &dir);
  TdRankingPage *page = show_page (window);
  GtkWidget *settings, *row;
  gint64 by = td_ranking_default_bloc_year (db);
  g_autoptr (TdRankSettings) saved = NULL;
  g_autoptr (TdRankSettings) after = NULL;
  g_autoptr (GPtrArray) awards = NULL;
  guint n_rules;

  td_test_activate (GTK_WIDGET (page), "ranking.settings", NULL);
  settings = GTK_WIDGET (td_test_find_toplevel (TD_TYPE_RANKING_SETTINGS_WINDOW));
  g_assert_nonnull (settings);

  /* Removing an award from the catalogue offers Undo, which brings it back
   * (first, while no other toast waits before it in the window). */
  {
    g_autoptr (TdAward) spare = td_award_new ();
    guint n_awards;
    GtkWidget *undo;

    g_free (spare->name);
    spare->name = g_strdup ("Giấy khen của Giám đốc Sở");
    spare->position = 99;
    spare->id = td_award_save (db, spare, NULL);
    g_assert_cmpint (spare->id, >, 0);
    awards = td_award_list (db, NULL);
    n_awards = awards->len;
    g_assert_cmpint (((TdAward *)g_ptr_array_index (awards, n_awards - 1))->id, ==, spare->id);
    td_test_activate (settings, "settings.delete-award", g_variant_new_int32 ((gint)n_awards - 1));
    g_clear_pointer (&awards, g_ptr_array_unref);
    awards = td_award_list (db, NULL);
    g_assert_cmpuint (awards->len, ==, n_awards - 1);
    undo = td_test_find_widget (settings, GTK_TYPE_BUTTON, "_Hoàn tác");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    td_test_iterate ();
    g_clear_pointer (&awards, g_ptr_array_unref);
    awards = td_award_list (db, NULL);
    g_assert_cmpuint (awards->len, ==, n_awards);
    g_assert_cmpstr (((TdAward *)g_ptr_array_index (awards, n_awards - 1))->name, ==,
                     "Giấy khen của Giám đốc Sở");
    /* Out again, so that the catalogue is the demo's below. */
    g_assert_true (
        td_award_delete (db, ((TdAward *)g_ptr_array_index (awards, n_awards - 1))->id, NULL));
    g_clear_pointer (&awards, g_ptr_array_unref);
  }

  /* Remove the vote rule: the tie it would break stays shared. */
  td_test_activate (settings, "settings.tie-remove", g_variant_new_int32 (1));
  saved = td_ranking_load_settings (db, by, NULL);
  g_assert_cmpuint (saved->tie_breaks->len, ==, 1);
  g_assert_false (td_ranking_page_get_ranking (page)->needs_vote);
  td_test_activate (settings, "settings.add-tie-break", NULL);
  g_clear_pointer (&saved, td_rank_settings_free);
  saved = td_ranking_load_settings (db, by, NULL);
  g_assert_cmpuint (saved->tie_breaks->len, ==, 2);
  /* The added rule is the first choice offered: section I, again. */
  g_assert_cmpint (((TdTieBreak *)g_ptr_array_index (saved->tie_breaks, 1))->kind, ==,
                   TD_TIE_BREAK_SECTION);

  /* The "no self-score: not graded" rule is a switch. */
  {
    GtkWidget *sw = td_test_find_widget (settings, GTK_TYPE_SWITCH, NULL);
    g_assert_nonnull (sw);
    gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
    g_clear_pointer (&saved, td_rank_settings_free);
    saved = td_ranking_load_settings (db, by, NULL);
    g_assert_true (saved->require_self_score);
  }

  /* A bad threshold is refused, a good one saved. */
  row = td_test_find_widget (settings, ADW_TYPE_ENTRY_ROW, "Hoàn thành xuất sắc nhiệm vụ từ");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "mười");
  g_signal_emit_by_name (row, "apply");
  gtk_editable_set_text (GTK_EDITABLE (row), "96,5");
  g_signal_emit_by_name (row, "apply");
  td_test_iterate ();
  g_clear_pointer (&saved, td_rank_settings_free);
  saved = td_ranking_load_settings (db, by, NULL);
  g_assert_cmpint (saved->scale.excellent, ==, 9650);
  g_assert_cmpint (
      ((TdRankRow *)g_ptr_array_index (td_ranking_page_get_ranking (page)->rows, 2))->grade, ==,
      TD_GRADE_GOOD);

  /* The catalogue takes a new award; a rule for it can be added and deleted. */
  row = td_test_find_widget (settings, ADW_TYPE_ENTRY_ROW,
                             "Danh hiệu hoặc hình thức khen thưởng mới");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Cờ thi đua của Chính phủ");
  g_signal_emit_by_name (row, "apply");
  td_test_iterate ();
  awards = td_award_list (db, NULL);
  g_assert_cmpuint (awards->len, ==, 6);
  n_rules = saved->proposal_rules->len;
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (settings), "proposals");
  row = td_test_find_widget (settings, ADW_TYPE_EXPANDER_ROW, "Giấy khen");
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  td_test_wait_drawn (settings);
  {
    g_autofree gchar *shot = td_test_screenshot (settings, "ranking-proposal-rules.png");
  }
  td_test_activate (settings, "settings.add-proposal-rule", NULL);
  after = td_ranking_load_settings (db, by, NULL);
  g_assert_cmpuint (after->proposal_rules->len, ==, n_rules + 1);
  td_test_activate (settings, "settings.delete-proposal-rule", g_variant_new_int32 ((gint)n_rules));
  g_clear_pointer (&after, td_rank_settings_free);
  after = td_ranking_load_settings (db, by, NULL);
  g_assert_cmpuint (after->proposal_rules->len, ==, n_rules);
  td_test_destroy_window (window);
}

/* The label of @root with CSS class @css_class, or NULL. */
static GtkLabel *
find_label_with_class (GtkWidget *root, const char *css_class)
{
  g_autoptr (GPtrArray) labels = td_test_collect_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), css_class))
      return g_ptr_array_index (labels, i);
  return NULL;
}

/* Grades fit the table: thresholds in points above the table's standard
 * total are flagged above the table, whole, until they fit again (the
 * default in % of the table is tested in test-ranking-store). */
static void
test_grade_warning (void)
{
  TdWindow *window = td_test_window_new ();
  g_autofree gchar *dir = NULL;
  TdDb *db = open_demo (window, &dir);
  TdRankingPage *page = show_page (window);
  gint64 by = td_ranking_default_bloc_year (db);
  g_autoptr (TdRankSettings) settings = td_ranking_load_settings (db, by, NULL);
  g_autoptr (GError) error = NULL;
  TdGradeScale scale = settings->scale;
  GtkLabel *warning;
  TdPoints standard;

  td_test_iterate ();
  /* The demo bloc keeps its own thresholds in points, within its table. */
  g_assert_false (scale.percent);
  g_assert_cmpint (scale.excellent, ==, TD_POINTS (94));
  g_assert_null (find_label_with_class (GTK_WIDGET (page), "warning"));
  standard = td_ranking_page_get_ranking (page)->owned_settings->scale.standard_total;
  g_assert_cmpint (standard, ==, TD_POINTS (100));

  /* 110 points on a 100-point table: nobody can be xuất sắc without bonuses. */
  scale.percent = FALSE;
  scale.excellent = TD_POINTS (110);
  g_assert_true (td_ranking_set_grade_scale (db, by, &scale, &error));
  g_assert_no_error (error);
  td_test_iterate ();
  warning = find_label_with_class (GTK_WIDGET (page), "warning");
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (gtk_label_get_text (warning), "110 điểm"));
  g_assert_nonnull (strstr (gtk_label_get_text (warning), "100 điểm chuẩn"));
  g_assert_true (gtk_label_get_wrap (warning));
  g_assert_cmpint (gtk_label_get_ellipsize (warning), ==, PANGO_ELLIPSIZE_NONE);
  td_test_wait_drawn (GTK_WIDGET (window));
  {
    g_autofree gchar *shot = td_test_screenshot (GTK_WIDGET (window), "ranking-grade-warning.png");
  }

  /* Points within the table, or % of it: no warning. */
  scale.excellent = TD_POINTS (95);
  g_assert_true (td_ranking_set_grade_scale (db, by, &scale, &error));
  td_test_iterate ();
  g_assert_null (find_label_with_class (GTK_WIDGET (page), "warning"));
  scale.percent = TRUE;
  scale.excellent = TD_POINTS (100);
  g_assert_true (td_ranking_set_grade_scale (db, by, &scale, &error));
  td_test_iterate ();
  g_assert_null (find_label_with_class (GTK_WIDGET (page), "warning"));
  td_test_destroy_window (window);
}

/* Every grade of the table reads whole, "Không xếp loại" and "Không hoàn
 * thành" included (the column was 100 px, and "Không xếp …" was cut). */
static void
test_grades_read_whole (void)
{
  TdWindow *window = td_test_window_new ();
  g_autofree gchar *dir = NULL;
  TdDb *db = open_demo (window, &dir);
  TdRankingPage *page = show_page (window);
  gint64 by = td_ranking_default_bloc_year (db);
  g_autoptr (TdRankSettings) settings = td_ranking_load_settings (db, by, NULL);
  TdGradeScale scale = settings->scale;
  g_autoptr (GPtrArray) labels = NULL;
  guint n_grades = 0, n_not_graded = 0, n_not_done = 0;

  /* Thresholds that leave units "Không hoàn thành". */
  scale.excellent = TD_POINTS (96);
  scale.good = TD_POINTS (95);
  scale.done = TD_POINTS (94);
  g_assert_true (td_ranking_set_grade_scale (db, by, &scale, NULL));
  td_test_iterate ();
  td_test_wait_drawn (GTK_WIDGET (window));
  labels = td_test_collect_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_text (label);

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)))
        continue;
      for (TdGrade g = TD_GRADE_NONE; g <= TD_GRADE_LAST; g++)
        if (g_strcmp0 (text, td_grade_to_short_string (g)) == 0)
          {
            n_grades++;
            n_not_graded += g == TD_GRADE_NONE;
            n_not_done += g == TD_GRADE_NOT_DONE;
            g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
          }
    }
  g_assert_cmpuint (n_grades, >=, 12);
  g_assert_cmpuint (n_not_graded, ==, 1);
  g_assert_cmpuint (n_not_done, >=, 1);
  {
    g_autofree gchar *shot = td_test_screenshot (GTK_WIDGET (window), "ranking-grades-whole.png");
  }
  td_test_destroy_window (window);
}

static void
test_empty_and_read_only (void)
{
  TdWindow *window = td_test_window_new ();
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *path = g_build_filename (dir, "empty.db", NULL);
  TdRankingPage *page;

  page = show_page (window);
  g_assert_null (td_ranking_page_get_ranking (page));
  g_assert_nonnull (
      td_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "Chưa mở cơ sở dữ liệu"));
  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP));
  g_assert_nonnull (
      td_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "Chưa có năm thi đua"));
  {
    /* Members but no scores yet. */
    TdDb *db = td_window_get_database (window);
    g_autoptr (TdBloc) bloc = td_bloc_new ();
    g_autoptr (TdBlocYear) year = td_bloc_year_new ();
    g_autoptr (TdUnit) unit = td_unit_new ();
    gint64 by;
    bloc->name = g_strdup ("Khối thử");
    year->bloc_id = td_registry_add_bloc (db, bloc, NULL);
    year->year = 2025;
    by = td_registry_add_bloc_year (db, year, NULL);
    unit->name = g_strdup ("Sở Tư pháp");
    g_assert_true (td_registry_add_member (db, by, td_registry_add_unit (db, unit, NULL), NULL));
    td_window_set_bloc_year_id (window, by);
    td_test_iterate ();
    g_assert_nonnull (
        td_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "Chưa có điểm chấm"));
  }
  td_test_activate (GTK_WIDGET (window), "win.close-database", NULL);

  {
    g_autoptr (GError) error = NULL;
    g_autofree gchar *demo = g_build_filename (dir, "demo.db", NULL);
    g_autoptr (TdDb) db = td_demo_create (demo, &error);
    g_assert_no_error (error);
    td_db_close (db);
    g_assert_true (td_window_open_path (window, demo, TD_DB_OPEN_READ_ONLY));
    g_assert_nonnull (td_ranking_page_get_ranking (page));
    /* Disabled actions: nothing opens that could edit the file. */
    td_test_activate (GTK_WIDGET (page), "ranking.votes", NULL);
    td_test_activate (GTK_WIDGET (page), "ranking.override", NULL);
    g_assert_null (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_cmpint (td_db_query_int (td_window_get_database (window),
                                      "SELECT count(*) FROM ranking_seen", -1, NULL),
                     ==, 0);
  }
  td_test_destroy_window (window);
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv);
  g_test_add_func ("/ranking-page/vote-reorders", test_vote_reorders);
  g_test_add_func ("/ranking-page/override-needs-reason", test_override_needs_reason);
  g_test_add_func ("/ranking-page/proposal-decisions", test_proposal_decisions);
  g_test_add_func ("/ranking-page/rules-window", test_rules_window);
  g_test_add_func ("/ranking-page/grade-warning", test_grade_warning);
  g_test_add_func ("/ranking-page/grades-read-whole", test_grades_read_whole);
  g_test_add_func ("/ranking-page/empty-and-read-only", test_empty_and_read_only);
  return g_test_run ();
}
