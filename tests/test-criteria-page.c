/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Criteria section under Xvfb, in Vietnamese, on the demo database:
 * the tree and its running total, add / delete / Undo, indent and move,
 * the editor, the empty states and pasting a table through the preview. */
#include "config.h"

#include "td-criteria-page.h"
#include "td-paste-dialog.h"
#include "td-registry.h"
#include "td-scoring.h"
#include "td-table-clipboard.h"
#include "td-test-util.h"

#include <string.h>

typedef struct
{
  TdWindow *window;
  TdDb *db;
  gint64 bloc_id;
  gint64 bloc_year_id;
  TdCriteriaPage *page;
  gchar *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (TdBlocYear) by = NULL;

  f->db = td_test_demo_db (&f->dir);
  f->bloc_year_id = td_test_first_bloc_year (f->db, 2024);
  by = td_registry_get_bloc_year (f->db, f->bloc_year_id, NULL);
  f->bloc_id = by->bloc_id;

  /* No bloc-year chosen: the page first offers them. */
  f->window = td_test_window_with (f->db, 0, 0, 0);
  g_assert_true (td_window_show_section (f->window, "criteria"));
  f->page = TD_CRITERIA_PAGE (
      td_test_find_widget (GTK_WIDGET (f->window), TD_TYPE_CRITERIA_PAGE, NULL));
  g_assert_nonnull (f->page);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  td_test_destroy_window (f->window);
  g_clear_object (&f->db);
  g_free (f->dir);
}

static guint
n_nodes (Fixture *f)
{
  return td_criteria_table_get_n_nodes (td_criteria_page_get_table (f->page));
}

static void
test_prompt_and_demo_table (Fixture *f, gconstpointer data)
{
  TdCriteriaTable *table;
  GtkWidget *row;
  g_autofree gchar *shot = NULL;

  /* No bloc-year yet: the page offers the database's bloc-years. */
  g_assert_nonnull (
      td_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_STATUS_PAGE, "Chọn khối và năm"));
  row = td_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_ACTION_ROW, "Khối Thi đua số 6");
  g_assert_nonnull (row);
  shot = td_test_screenshot (GTK_WIDGET (f->window), "criteria-choose-year.png");
  g_clear_pointer (&shot, g_free);

  /* The newest year comes first; activating it chooses it for the window. */
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  td_test_iterate ();
  g_assert_cmpint (td_window_get_bloc_year_id (f->window), ==, f->bloc_year_id);

  table = td_criteria_page_get_table (f->page);
  g_assert_nonnull (table);
  g_assert_cmpuint (td_criteria_table_get_n_nodes (table), >, 20);
  g_assert_cmpstr (td_criteria_page_get_total_text (f->page), ==, "Điểm chuẩn: 100 / 100");
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL,
                                         "Thực hiện nhiệm vụ chuyên môn được giao"));
  shot = td_test_screenshot (GTK_WIDGET (f->window), "criteria-demo.png");
  /* A rule in words, from the core: I.5 is a bonus per initiative. */
  {
    TdCriterion *c = td_criteria_table_get_node (table, 5);
    g_autofree gchar *rule = td_criterion_describe_rule (c);

    g_assert_cmpint (c->kind, ==, TD_RULE_BONUS_EACH);
    g_test_message ("I.5: %s", rule);
    g_assert_true (g_str_has_prefix (rule, "+0,5 mỗi trường hợp"));
    g_assert_nonnull (td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, rule));
  }
}

static void
test_add_delete_undo (Fixture *f, gconstpointer data)
{
  TdCriteriaTable *table;
  TdCriterion *first;
  gint64 first_id, new_id, child_id;
  guint n;
  GtkWidget *title_row;
  AdwToast *toast = NULL;
  g_autofree gchar *shot = NULL;

  td_window_set_bloc_year_id (f->window, f->bloc_year_id);
  td_test_iterate ();
  n = n_nodes (f);
  table = td_criteria_page_get_table (f->page);
  first = td_criteria_table_get_node (table, 0);
  first_id = first->id;
  g_assert_true (td_criteria_page_select (f->page, first_id));

  /* A sibling after section I, then renamed in the editor. */
  td_test_activate (GTK_WIDGET (f->page), "criteria.add-sibling", NULL);
  g_assert_cmpuint (n_nodes (f), ==, n + 1);
  new_id = td_criteria_page_get_selected_id (f->page);
  g_assert_cmpint (new_id, !=, first_id);
  table = td_criteria_page_get_table (f->page);
  g_assert_cmpstr (
      td_criteria_table_get_node (table, td_criteria_table_find (table, new_id))->title, ==,
      "Tiêu chí mới");
  /* It follows section I's whole subtree at the top level. */
  g_assert_cmpint (
      td_criteria_table_get_node (table, td_criteria_table_find (table, new_id))->depth, ==, 0);

  title_row = td_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW, "Nội dung");
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Công tác xây dựng Đảng, đoàn thể");
  g_signal_emit_by_name (title_row, "apply");
  td_test_iterate ();
  table = td_criteria_page_get_table (f->page);
  g_assert_cmpstr (
      td_criteria_table_get_node (table, td_criteria_table_find (table, new_id))->title, ==,
      "Công tác xây dựng Đảng, đoàn thể");
  /* 100 stated, still 100 from the sections: the new one is worth 0. */
  g_assert_cmpstr (td_criteria_page_get_total_text (f->page), ==, "Điểm chuẩn: 100 / 100");

  /* A sub-criterion: the section becomes its heading. */
  td_test_activate (GTK_WIDGET (f->page), "criteria.add-child", NULL);
  child_id = td_criteria_page_get_selected_id (f->page);
  table = td_criteria_page_get_table (f->page);
  g_assert_cmpint (
      td_criteria_table_get_node (table, td_criteria_table_find (table, child_id))->depth, ==, 1);
  g_assert_cmpint (td_criteria_table_get_node (table, td_criteria_table_find (table, new_id))->kind,
                   ==, TD_RULE_GROUP);

  /* Outdent and indent again; move up then down. */
  td_test_activate (GTK_WIDGET (f->page), "criteria.outdent", NULL);
  table = td_criteria_page_get_table (f->page);
  g_assert_cmpint (
      td_criteria_table_get_node (table, td_criteria_table_find (table, child_id))->depth, ==, 0);
  td_test_activate (GTK_WIDGET (f->page), "criteria.indent", NULL);
  table = td_criteria_page_get_table (f->page);
  g_assert_cmpint (
      td_criteria_table_get_node (table, td_criteria_table_find (table, child_id))->depth, ==, 1);
  g_assert_true (td_criteria_page_select (f->page, new_id));
  td_test_activate (GTK_WIDGET (f->page), "criteria.move-up", NULL);
  table = td_criteria_page_get_table (f->page);
  g_assert_cmpint (td_criteria_table_find (table, new_id), ==, 0);
  g_assert_cmpint (td_criteria_page_get_selected_id (f->page), ==, new_id);
  td_test_activate (GTK_WIDGET (f->page), "criteria.move-down", NULL);
  table = td_criteria_page_get_table (f->page);
  g_assert_cmpint (td_criteria_table_find (table, new_id), >, 0);
  shot = td_test_screenshot (GTK_WIDGET (f->window), "criteria-edited.png");

  /* Delete the new section with its row, then Undo. */
  g_assert_true (td_criteria_page_select (f->page, new_id));
  td_test_activate (GTK_WIDGET (f->page), "criteria.delete", NULL);
  g_assert_cmpuint (n_nodes (f), ==, n);
  table = td_criteria_page_get_table (f->page);
  g_assert_cmpint (td_criteria_table_find (table, new_id), ==, -1);
  g_assert_cmpint (td_criteria_table_find (table, child_id), ==, -1);
  (void)toast;
  td_test_activate (GTK_WIDGET (f->page), "criteria.undo-delete", NULL);
  g_assert_cmpuint (n_nodes (f), ==, n + 2);
  table = td_criteria_page_get_table (f->page);
  g_assert_cmpint (td_criteria_table_find (table, new_id), >=, 0);
  g_assert_cmpint (td_criteria_table_find (table, child_id), >=, 0);
}

static void
test_standard_mismatch_shown (Fixture *f, gconstpointer data)
{
  TdCriteriaTable *table;
  GtkWidget *standard_row;

  td_window_set_bloc_year_id (f->window, f->bloc_year_id);
  td_test_iterate ();
  table = td_criteria_page_get_table (f->page);
  /* Section I states 40 points; give it 42 and the total shows the gap. */
  g_assert_true (td_criteria_page_select (f->page, td_criteria_table_get_node (table, 0)->id));
  td_test_iterate ();
  standard_row = td_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW, "Điểm chuẩn");
  g_assert_nonnull (standard_row);
  gtk_editable_set_text (GTK_EDITABLE (standard_row), "42");
  g_signal_emit_by_name (standard_row, "apply");
  td_test_iterate ();
  g_assert_cmpstr (td_criteria_page_get_total_text (f->page), ==, "Điểm chuẩn: 102 / 100 (+2)");

  /* Or state 102 as the table's total. */
  {
    AdwMessageDialog *dialog;

    td_test_activate (GTK_WIDGET (f->page), "criteria.edit-total", NULL);
    dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    g_assert_false (td_criteria_page_get_table (f->page)->full_by_default);
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "total")), "102");
    /* The same dialog says whether an item not scored counts as full. */
    gtk_check_button_set_active (g_object_get_data (G_OBJECT (dialog), "full"), TRUE);
    adw_message_dialog_response (dialog, "save");
    td_test_iterate ();
    g_assert_cmpstr (td_criteria_page_get_total_text (f->page), ==, "Điểm chuẩn: 102 / 102");
    g_assert_true (td_criteria_page_get_table (f->page)->full_by_default);
    g_assert_cmpint (td_criteria_page_get_table (f->page)->total, ==, 10200);

    /* A total that is not a number is refused and nothing changes. */
    td_test_activate (GTK_WIDGET (f->page), "criteria.edit-total", NULL);
    dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_true (gtk_check_button_get_active (g_object_get_data (G_OBJECT (dialog), "full")));
    g_free (td_test_screenshot (GTK_WIDGET (dialog), "criteria-table-settings.png"));
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "total")), "0");
    gtk_check_button_set_active (g_object_get_data (G_OBJECT (dialog), "full"), FALSE);
    adw_message_dialog_response (dialog, "save");
    td_test_iterate ();
    g_assert_true (td_criteria_page_get_table (f->page)->full_by_default);
    g_assert_cmpint (td_criteria_page_get_table (f->page)->total, ==, 10200);
  }

  /* Garbage is refused, naming the field; nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (standard_row), "bốn mươi");
  g_signal_emit_by_name (standard_row, "apply");
  td_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (standard_row, "error"));
  g_assert_cmpstr (td_criteria_page_get_total_text (f->page), ==, "Điểm chuẩn: 102 / 102");

  /* A standard row may also give a bonus on the same row ("3 | 0,5"). */
  table = td_criteria_page_get_table (f->page);
  for (guint i = 0; i < td_criteria_table_get_n_nodes (table); i++)
    {
      TdCriterion *c = td_criteria_table_get_node (table, i);
      GtkWidget *bonus_row;
      gint64 id = c->id;

      if (c->kind != TD_RULE_STANDARD || c->n_children > 0)
        continue;
      g_assert_true (td_criteria_page_select (f->page, id));
      td_test_iterate ();
      bonus_row = td_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW,
                                       "Thưởng tối đa trên dòng");
      g_assert_nonnull (bonus_row);
      g_assert_true (gtk_widget_get_visible (bonus_row));
      gtk_editable_set_text (GTK_EDITABLE (bonus_row), "0,5");
      g_signal_emit_by_name (bonus_row, "apply");
      td_test_iterate ();
      table = td_criteria_page_get_table (f->page);
      g_assert_cmpint (
          td_criteria_table_get_node (table, td_criteria_table_find (table, id))->bonus_max, ==,
          50);
      break;
    }
}

static void
test_edit_grades (Fixture *f, gconstpointer data)
{
  TdCriteriaTable *table;
  TdCriterion *c;
  GtkWidget *view, *title_row;
  gint64 id;
  const TdRuleOption *o;

  td_window_set_bloc_year_id (f->window, f->bloc_year_id);
  td_test_iterate ();
  table = td_criteria_page_get_table (f->page);
  c = td_criteria_table_get_node (table, 2);
  g_assert_cmpint (c->kind, ==, TD_RULE_GRADED);
  id = c->id;
  g_assert_true (td_criteria_page_select (f->page, id));
  td_test_iterate ();

  /* The grades are edited as text; leaving the area saves them. */
  view = td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (view);
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "≥ 97 = 10\n90 – <97 = 7\n< 90 = 3", -1);
  title_row = td_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW, "Nội dung");
  gtk_widget_grab_focus (title_row);
  td_test_iterate ();

  table = td_criteria_page_get_table (f->page);
  c = td_criteria_table_get_node (table, td_criteria_table_find (table, id));
  g_assert_cmpuint (c->options->len, ==, 3);
  o = g_ptr_array_index (c->options, 1);
  g_assert_true (o->has_low && o->has_high);
  g_assert_cmpint (o->low, ==, 9000);
  g_assert_cmpint (o->high, ==, 9700);
  g_assert_cmpint (o->points, ==, TD_POINTS (7));
  o = g_ptr_array_index (c->options, 0);
  g_assert_true (o->has_low && !o->has_high);
  g_assert_cmpint (o->low, ==, 9700);
  o = g_ptr_array_index (c->options, 2);
  g_assert_true (!o->has_low && o->has_high);
  g_assert_cmpint (o->high, ==, 9000);
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "criteria-editor-graded.png"));

  /* A deduction per case asks for its rate and exemption, not for standard
   * points. */
  for (guint i = 0; i < td_criteria_table_get_n_nodes (table); i++)
    if (td_criteria_table_get_node (table, i)->kind == TD_RULE_DEDUCTION_EACH
        && td_criteria_table_get_node (table, i)->standard == 0)
      {
        GtkWidget *rate, *standard;

        g_assert_true (
            td_criteria_page_select (f->page, td_criteria_table_get_node (table, i)->id));
        td_test_iterate ();
        rate = td_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW,
                                    "Số điểm mỗi trường hợp");
        standard = td_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW, "Điểm chuẩn");
        g_assert_nonnull (rate);
        g_assert_true (gtk_widget_get_visible (rate));
        /* Even the field with the cursor shows the newly selected criterion. */
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==,
                         td_criteria_table_get_node (table, i)->title);
        g_assert_false (gtk_widget_get_visible (standard));
        g_assert_true (gtk_widget_get_visible (td_test_find_widget (
            GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW, "Miễn trừ ghi trong bảng")));
        g_free (td_test_screenshot (GTK_WIDGET (f->window), "criteria-editor-deduction.png"));
        break;
      }
}

/* A label anywhere under root whose text contains part (toasts). */
static gboolean
has_label_containing (GtkWidget *root, const char *part)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), part) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, part))
      return TRUE;
  return FALSE;
}

static void
set_text_and_leave (Fixture *f, GtkWidget *view, const char *text)
{
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_widget_grab_focus (
      td_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW, "Nội dung"));
  td_test_iterate ();
}

/* Brackets by size class are edited as text, one per line; the scores
 * follow; a bad line is refused with its number and what is allowed. */
static void
test_edit_brackets (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (TdScores) scores = NULL;
  g_autofree gchar *before = NULL;
  TdCriteriaTable *table;
  TdCriterion *c = NULL;
  const TdEntry *entry = NULL;
  TdPoints expected;
  TdNodeTotals totals;
  GtkWidget *view;
  GtkTextIter start, end;
  gint64 id;
  gint node;
  const TdRuleOption *o;

  td_window_set_bloc_year_id (f->window, f->bloc_year_id);
  td_test_iterate ();
  table = td_criteria_page_get_table (f->page);
  for (guint i = 0; i < td_criteria_table_get_n_nodes (table) && c == NULL; i++)
    if (td_criteria_table_get_node (table, i)->kind == TD_RULE_BRACKETS
        && g_strv_length (td_criteria_table_get_node (table, i)->size_classes) == 3)
      c = td_criteria_table_get_node (table, i);
  g_assert_nonnull (c);
  id = c->id;
  entries = td_entries_load_bloc_year (f->db, f->bloc_year_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len && entry == NULL; i++)
    {
      const TdEntry *e = g_ptr_array_index (entries, i);
      if (e->criterion_id == id && e->has_measured)
        entry = e;
    }
  g_assert_nonnull (entry);

  g_assert_true (td_criteria_page_select (f->page, id));
  td_test_iterate ();
  view = td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &start, &end);
  before = gtk_text_iter_get_text (&start, &end);
  g_test_message ("brackets:\n%s", before);
  g_assert_true (g_str_has_prefix (before, "Dưới 1.000 hồ sơ/năm | 1 – <5 = +0,5\n"));

  set_text_and_leave (f, view,
                      "Dưới 1.000 hồ sơ/năm | ≥ 0 = +2\n"
                      "Từ 1.000 đến dưới 2.000 hồ sơ/năm | ≥ 0 = +1,25\n"
                      "Từ 2.000 hồ sơ/năm trở lên | 0 - <3 = +0,25\n"
                      "Từ 2.000 hồ sơ/năm trở lên | >= 3 = +0,75\n");
  table = td_criteria_page_get_table (f->page);
  node = td_criteria_table_find (table, id);
  c = td_criteria_table_get_node (table, node);
  g_assert_cmpuint (c->options->len, ==, 4);
  g_assert_cmpuint (g_strv_length (c->size_classes), ==, 3);
  o = g_ptr_array_index (c->options, 2);
  g_assert_cmpint (o->size_class, ==, 2);
  g_assert_true (o->has_low && o->has_high);
  g_assert_cmpint (o->low, ==, 0);
  g_assert_cmpint (o->high, ==, 300);
  g_assert_cmpint (o->points, ==, 25);
  o = g_ptr_array_index (c->options, 3);
  g_assert_true (o->has_low && !o->has_high);
  g_assert_cmpint (o->low, ==, 300);
  /* Each size class knows its range of files from its name. */
  g_assert_cmpint (td_criterion_find_size_class (c, TD_POINTS (850)), ==, 0);
  g_assert_cmpint (td_criterion_find_size_class (c, TD_POINTS (1500)), ==, 1);
  g_assert_cmpint (td_criterion_find_size_class (c, TD_POINTS (2000)), ==, 2);

  /* The unit's score for this criterion follows the new brackets. */
  expected = entry->size_class == 0   ? 200
             : entry->size_class == 1 ? 125
             : entry->measured < 300  ? 25
                                      : 75;
  scores = td_scores_load (f->db, table, &error);
  g_assert_no_error (error);
  totals = td_scores_node_totals (scores, td_scores_find_unit (scores, entry->unit_id), node,
                                  entry->source);
  g_test_message ("class %d, measured %" G_GINT64_FORMAT ": bonus %" G_GINT64_FORMAT,
                  entry->size_class, entry->measured, totals.bonus);
  g_assert_cmpint (totals.bonus, ==, expected);
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "criteria-editor-brackets.png"));

  /* Refused: an empty range, a line without its size class, overlapping
   * ranges.  Nothing is saved and the message names the line. */
  td_test_dismiss_toasts (f->window);
  set_text_and_leave (f, view, "Dưới 1.000 hồ sơ/năm | 5 – <1 = +1\n");
  g_assert_true (gtk_widget_has_css_class (view, "error"));
  g_assert_true (has_label_containing (GTK_WIDGET (f->window), "dòng 1"));
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "criteria-editor-brackets-refused.png"));
  td_test_dismiss_toasts (f->window);
  set_text_and_leave (f, view, "Dưới 1.000 hồ sơ/năm | ≥ 0 = +2\n1 – <5 = +1\n");
  g_assert_true (has_label_containing (GTK_WIDGET (f->window), "dòng 2"));
  g_assert_true (has_label_containing (GTK_WIDGET (f->window), "Dưới 1.000 hồ sơ/năm; Từ"));
  td_test_dismiss_toasts (f->window);
  set_text_and_leave (f, view,
                      "Dưới 1.000 hồ sơ/năm | ≥ 0 = +2\nDưới 1.000 hồ sơ/năm | 3 – <5 = +1\n");
  g_assert_true (has_label_containing (GTK_WIDGET (f->window), "dòng 1 và 2"));
  td_test_dismiss_toasts (f->window);
  set_text_and_leave (f, view, "Dưới 1.000 hồ sơ/năm | ≥ 0 = hai\n");
  g_assert_true (has_label_containing (GTK_WIDGET (f->window), "dòng 1"));
  table = td_criteria_page_get_table (f->page);
  c = td_criteria_table_get_node (table, td_criteria_table_find (table, id));
  g_assert_cmpuint (c->options->len, ==, 4);
  g_assert_cmpint (((TdRuleOption *)g_ptr_array_index (c->options, 0))->points, ==, 200);
}

static const char pasted[] = "STT\tNội dung\tĐiểm chuẩn\tĐiểm thưởng\tĐiểm trừ\n"
                             "I\tCông tác chuyên môn\t60\t\t\n"
                             "1\tHoàn thành kế hoạch năm\t40\t\t\n"
                             "2\tBáo cáo đúng hạn\t2O\t\t- 0,5\n"
                             "II\tCông tác phối hợp\t40\t\t\n"
                             "1\tTham gia hoạt động của Khối\t40\t\t\n"
                             "2\tSáng kiến được công nhận\t\t+0,5\t\n"
                             "\tTổng cộng\t100\t\t\n";

static void
count_read (const char *text, gboolean from_html, gpointer owner)
{
  guint *reads = g_object_get_data (owner, "reads");

  g_assert_true (from_html);
  g_assert_nonnull (strstr (text, "Chuyên môn"));
  (*reads)++;
}

/* A clipboard read ends after its window was closed: nothing reaches the
 * closed window (a paste dialog closed at once), which is not kept alive;
 * the same read for a window still open delivers the table. */
static void
test_clipboard_read_after_close (Fixture *f, gconstpointer data)
{
  const char *html = "<table><tr><td>I</td><td>Chuyên môn</td><td>100</td></tr>"
                     "<tr><td>1</td><td>Kết quả</td><td>100</td></tr></table>";
  g_autoptr (GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr (GdkContentProvider) provider = gdk_content_provider_new_for_bytes ("text/html", bytes);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  guint reads = 0;

  gdk_clipboard_set_content (clipboard, provider);
  for (guint round = 0; round < 2; round++)
    {
      GtkWidget *window = gtk_window_new ();
      gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

      g_object_set_data (G_OBJECT (window), "reads", &reads);
      gtk_window_present (GTK_WINDOW (window));
      td_table_clipboard_read (clipboard, count_read, G_OBJECT (window));
      if (round == 0)
        {
          g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
          gtk_window_destroy (GTK_WINDOW (window));
          g_assert_null (window);
          for (guint i = 0; i < 100; i++)
            {
              td_test_iterate ();
              g_usleep (2000);
            }
          g_assert_cmpuint (reads, ==, 0);
          continue;
        }
      while (reads == 0 && g_get_monotonic_time () < until)
        {
          td_test_iterate ();
          g_usleep (2000);
        }
      g_assert_cmpuint (reads, ==, 1);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_paste_table (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  g_autoptr (GPtrArray) members = NULL;
  TdPasteDialog *dialog;
  TdPastePreview *preview;
  TdCriteriaTable *table;
  gint64 new_year;
  g_autofree gchar *shot = NULL;

  /* A year with no table: the page says what to do. */
  by->bloc_id = f->bloc_id;
  by->year = 2025;
  new_year = td_registry_add_bloc_year (f->db, by, &error);
  g_assert_no_error (error);
  td_window_set_bloc_year_id (f->window, new_year);
  td_test_iterate ();
  g_assert_nonnull (
      td_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_STATUS_PAGE, "Chưa có tiêu chí"));
  shot = td_test_screenshot (GTK_WIDGET (f->window), "criteria-empty.png");
  g_clear_pointer (&shot, g_free);

  td_test_activate (GTK_WIDGET (f->page), "criteria.paste", NULL);
  dialog = TD_PASTE_DIALOG (td_test_find_toplevel (TD_TYPE_PASTE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (td_paste_dialog_set_text (dialog, pasted));
  preview = td_paste_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->rows->len, ==, 8);
  td_test_wait_drawn (GTK_WIDGET (dialog));
  g_test_message ("summary: %s", td_paste_dialog_get_summary (dialog));
  /* A typo in the pasted number ("2O", the letter O): refused on its row,
   * never read as 2, and section I no longer adds up. */
  {
    TdPasteRow *row = g_ptr_array_index (preview->rows, 3);

    g_test_message ("row 3: %s", row->problems);
    g_assert_cmpint (row->status, ==, TD_PASTE_ERROR);
    g_assert_nonnull (strstr (row->problems, "“2O”"));
    row = g_ptr_array_index (preview->rows, 1);
    g_test_message ("row 1: %s", row->problems);
    g_assert_cmpint (row->status, ==, TD_PASTE_WARNING);
    g_assert_cmpint (td_paste_preview_count_errors (preview), ==, 1);
  }
  shot = td_test_screenshot (GTK_WIDGET (dialog), "criteria-paste-preview.png");
  g_clear_pointer (&shot, g_free);

  /* "Only rows to check" leaves the warning and the error (rows 1 and 3). */
  {
    GtkToggleButton *only = GTK_TOGGLE_BUTTON (
        td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "Chỉ các dòng cần _xem"));
    GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (
        GTK_COLUMN_VIEW (td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW, NULL))));

    g_assert_nonnull (only);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 8);
    gtk_toggle_button_set_active (only, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
    gtk_toggle_button_set_active (only, FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 8);
  }

  /* Fix the rows in the preview before saving. */
  {
    GtkEditable *cell = td_paste_dialog_get_cell (dialog, 3, TD_PASTE_COL_STANDARD);
    g_assert_nonnull (cell);
    gtk_editable_set_text (cell, "20");
    g_signal_emit_by_name (cell, "activate");
    g_assert_true (
        td_paste_dialog_edit_cell (dialog, 2, TD_PASTE_COL_TITLE, "Hoàn thành kế hoạch năm 2025"));
  }
  td_test_iterate ();
  g_assert_cmpint (td_paste_preview_count_errors (preview), ==, 0);
  g_assert_cmpint (((TdPasteRow *)g_ptr_array_index (preview->rows, 1))->status, ==, TD_PASTE_OK);

  td_test_activate (GTK_WIDGET (dialog), "paste.save", NULL);
  td_test_iterate ();
  g_assert_null (td_test_find_toplevel (TD_TYPE_PASTE_DIALOG));

  table = td_criteria_page_get_table (f->page);
  g_assert_cmpuint (td_criteria_table_get_n_nodes (table), ==, 6);
  g_assert_cmpstr (td_criteria_table_get_node (table, 1)->title, ==,
                   "Hoàn thành kế hoạch năm 2025");
  g_assert_cmpint (td_criteria_table_get_node (table, 2)->standard, ==, TD_POINTS (20));
  g_assert_cmpint (td_criteria_table_get_node (table, 2)->kind, ==, TD_RULE_STANDARD_LESS_EACH);
  g_assert_cmpint (td_criteria_table_get_node (table, 5)->kind, ==, TD_RULE_BONUS_POINTS);
  g_assert_cmpstr (td_criteria_page_get_total_text (f->page), ==, "Điểm chuẩn: 100 / 100");
  shot = td_test_screenshot (GTK_WIDGET (f->window), "criteria-pasted.png");
  (void)members;
}

static gboolean
preview_ready (gpointer data)
{
  return td_paste_dialog_get_preview (data) != NULL;
}

/* A table copied from LibreOffice Writer is on the clipboard as HTML: the
 * dialog reads it when it opens, and the clerk's choices in the preview
 * (a row's kind, rows made grades, a note moved) are what is saved. */
static void
test_paste_from_writer (Fixture *f, gconstpointer data)
{
  const char *html
      = "<html><body><table><tr><td>STT</td><td>Nội dung</td><td>Điểm chuẩn</td>"
        "<td>Điểm thưởng</td><td>Điểm trừ</td></tr>"
        "<tr><td>I</td><td>Chuyên môn</td><td>100</td><td></td><td></td></tr>"
        "<tr><td>1</td><td>Kết quả công tác</td><td>60</td><td></td><td></td></tr>"
        "<tr><td></td><td>Công việc thứ nhất</td><td>60</td><td></td><td></td></tr>"
        "<tr><td></td><td>Công việc thứ hai</td><td>40</td><td></td><td></td></tr>"
        "<tr><td>2</td><td>Báo cáo đúng hạn</td><td>40</td><td></td><td></td></tr>"
        "<tr><td></td><td>- Mỗi báo cáo chậm</td><td></td><td></td><td>0,5</td></tr>"
        "<tr><td></td><td>Ghi chú: Tổng điểm trừ không quá 2 "
        "điểm</td><td></td><td></td><td></td></tr>"
        "<tr><td></td><td>Tổng cộng</td><td>100</td><td></td><td></td></tr></table></body></html>";
  g_autoptr (GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr (GdkContentProvider) provider = gdk_content_provider_new_for_bytes ("text/html", bytes);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  TdPasteDialog *dialog;
  TdPastePreview *preview;
  GtkDropDown *kind;
  GtkWidget *cell;
  g_autofree gchar *shot = NULL;
  const guint grades[] = { 3, 4 };

  by->bloc_id = f->bloc_id;
  by->year = 2026;
  td_window_set_bloc_year_id (f->window, td_registry_add_bloc_year (f->db, by, &error));
  g_assert_no_error (error);
  td_test_iterate ();
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), provider);

  td_test_activate (GTK_WIDGET (f->page), "criteria.paste", NULL);
  dialog = TD_PASTE_DIALOG (td_test_find_toplevel (TD_TYPE_PASTE_DIALOG));
  g_assert_nonnull (dialog);
  td_test_wait_until (preview_ready, dialog, 5000);
  preview = td_paste_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->rows->len, ==, 9);
  td_test_wait_drawn (GTK_WIDGET (dialog));

  /* 1 is read as a heading whose rows do not add up; the clerk makes them
   * its grades (one applies). */
  g_assert_cmpint (((TdPasteRow *)g_ptr_array_index (preview->rows, 2))->status, ==,
                   TD_PASTE_WARNING);
  gtk_selection_model_select_range (
      GTK_SELECTION_MODEL (gtk_column_view_get_model (
          GTK_COLUMN_VIEW (td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW, NULL)))),
      3, 2, TRUE);
  td_test_activate (GTK_WIDGET (dialog), "paste.make-grades", NULL);
  g_assert_cmpint (((TdPasteRow *)g_ptr_array_index (preview->rows, 2))->criterion->kind, ==,
                   TD_RULE_GRADED);
  g_assert_cmpint (((TdPasteRow *)g_ptr_array_index (preview->rows, 3))->role, ==,
                   TD_PASTE_ROLE_GRADE);
  (void)grades;

  /* The bullet is a deduction per case; the clerk makes it a deduction up
   * to a limit in its "Read as" drop-down. */
  td_test_iterate ();
  cell = GTK_WIDGET (td_paste_dialog_get_cell (dialog, 6, TD_PASTE_COL_DEDUCTION));
  g_assert_nonnull (cell);
  kind = GTK_DROP_DOWN (td_test_find_widget (gtk_widget_get_parent (gtk_widget_get_parent (cell)),
                                             GTK_TYPE_DROP_DOWN, NULL));
  if (kind == NULL)
    {
      /* The row's cells are siblings in the column view: find its box. */
      GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (cell));
      kind = GTK_DROP_DOWN (td_test_find_widget (row, GTK_TYPE_DROP_DOWN, NULL));
    }
  g_assert_nonnull (kind);
  g_assert_cmpuint (gtk_drop_down_get_selected (kind), ==, TD_RULE_DEDUCTION_EACH);
  gtk_drop_down_set_selected (kind, TD_RULE_DEDUCTION_POINTS);
  g_assert_cmpint (((TdPasteRow *)g_ptr_array_index (preview->rows, 6))->criterion->kind, ==,
                   TD_RULE_DEDUCTION_POINTS);
  /* The note caps item 2 (the item over its last row). */
  g_assert_cmpint (((TdPasteRow *)g_ptr_array_index (preview->rows, 5))->criterion->deduction_cap,
                   ==, TD_POINTS (2));
  g_assert_cmpuint (td_paste_preview_count_errors (preview), ==, 0);
  shot = td_test_screenshot (GTK_WIDGET (dialog), "criteria-paste-writer.png");

  td_test_activate (GTK_WIDGET (dialog), "paste.save", NULL);
  td_test_iterate ();
  g_assert_null (td_test_find_toplevel (TD_TYPE_PASTE_DIALOG));
  {
    TdCriteriaTable *table = td_criteria_page_get_table (f->page);
    TdCriterion *graded = td_criteria_table_get_node (table, 1);
    g_assert_cmpuint (td_criteria_table_get_n_nodes (table), ==, 4);
    g_assert_cmpint (graded->kind, ==, TD_RULE_GRADED);
    g_assert_cmpuint (graded->options->len, ==, 2);
    g_assert_cmpint (td_criteria_table_get_node (table, 3)->kind, ==, TD_RULE_DEDUCTION_POINTS);
  }
}

static void
on_dialog_shown (AdwMessageDialog **out)
{
  *out = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_copy_from_previous_year (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  AdwMessageDialog *dialog = NULL;
  gint64 new_year;
  guint n_2024;

  td_window_set_bloc_year_id (f->window, f->bloc_year_id);
  td_test_iterate ();
  n_2024 = n_nodes (f);

  by->bloc_id = f->bloc_id;
  by->year = 2025;
  new_year = td_registry_add_bloc_year (f->db, by, &error);
  g_assert_no_error (error);
  td_window_set_bloc_year_id (f->window, new_year);
  td_test_iterate ();
  g_assert_cmpuint (n_nodes (f), ==, 0);

  /* The dialog offers the previous year (2024) first. */
  td_test_activate (GTK_WIDGET (f->page), "criteria.copy-from", NULL);
  on_dialog_shown (&dialog);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Sao chép bảng tiêu chí");
  g_assert_cmpuint (
      gtk_drop_down_get_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog))), ==,
      0);
  adw_message_dialog_response (dialog, "copy");
  td_test_iterate ();
  g_assert_cmpuint (n_nodes (f), ==, n_2024);
  g_assert_cmpstr (td_criteria_page_get_total_text (f->page), ==, "Điểm chuẩn: 100 / 100");
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *path = g_strdup (td_db_get_path (f->db));
  g_autoptr (TdDb) ro = NULL;

  /* The writable connection is closed first, as when the clerk reopens. */
  td_window_set_database (f->window, NULL, FALSE);
  td_db_close (f->db);
  g_clear_object (&f->db);
  ro = td_db_open (path, TD_DB_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  td_window_set_database (f->window, ro, FALSE);
  td_window_set_bloc_year_id (f->window, f->bloc_year_id);
  td_test_iterate ();
  g_assert_cmpuint (n_nodes (f), >, 20);
  /* Looking is allowed, changing is not: the actions are disabled. */
  {
    guint n = n_nodes (f);

    gtk_widget_activate_action (GTK_WIDGET (f->page), "criteria.add-sibling", NULL);
    gtk_widget_activate_action (GTK_WIDGET (f->page), "criteria.delete", NULL);
    gtk_widget_activate_action (GTK_WIDGET (f->page), "criteria.paste", NULL);
    td_test_iterate ();
    g_assert_cmpuint (n_nodes (f), ==, n);
    g_assert_null (td_test_find_toplevel (TD_TYPE_PASTE_DIALOG));
  }
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv);
  g_test_add ("/criteria-page/prompt-and-demo-table", Fixture, NULL, fixture_setup,
              test_prompt_and_demo_table, fixture_teardown);
  g_test_add ("/criteria-page/add-delete-undo", Fixture, NULL, fixture_setup, test_add_delete_undo,
              fixture_teardown);
  g_test_add ("/criteria-page/standard-mismatch-shown", Fixture, NULL, fixture_setup,
              test_standard_mismatch_shown, fixture_teardown);
  g_test_add ("/criteria-page/edit-grades", Fixture, NULL, fixture_setup, test_edit_grades,
              fixture_teardown);
  g_test_add ("/criteria-page/edit-brackets", Fixture, NULL, fixture_setup, test_edit_brackets,
              fixture_teardown);
  g_test_add ("/criteria-page/paste-from-writer", Fixture, NULL, fixture_setup,
              test_paste_from_writer, fixture_teardown);
  g_test_add ("/criteria-page/clipboard-read-after-close", Fixture, NULL, fixture_setup,
              test_clipboard_read_after_close, fixture_teardown);
  g_test_add ("/criteria-page/paste-table", Fixture, NULL, fixture_setup, test_paste_table,
              fixture_teardown);
  g_test_add ("/criteria-page/copy-from-previous-year", Fixture, NULL, fixture_setup,
              test_copy_from_previous_year, fixture_teardown);
  g_test_add ("/criteria-page/read-only", Fixture, NULL, fixture_setup, test_read_only,
              fixture_teardown);
  return g_test_run ();
}
