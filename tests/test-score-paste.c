/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A block pasted into the Scores matrix (td-score-paste.c), on the demo
 * database without a display: reading the text with its limits, the plan
 * of changes and refusals with their reasons, saving in one transaction,
 * putting it back, and copying a block out as a spreadsheet takes it. */
#include "config.h"

#include "td-criteria.h"
#include "td-demo.h"
#include "td-registry.h"
#include "td-score-paste.h"
#include "td-test-tmp.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

typedef struct
{
  gchar *dir;
  TdDb *db;
  TdCriteriaTable *table;
  TdScores *scores;
  GArray *rows;  /* gint: node index per grid row, −1 the Total row */
  GArray *units; /* guint: unit index per column */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *path = NULL;
  g_autoptr (GPtrArray) blocs = NULL;
  gint64 by;
  gint total = -1;

  f->dir = td_test_make_tmp_dir ("td-score-paste-XXXXXX");
  path = g_build_filename (f->dir, "demo.db", NULL);
  f->db = td_demo_create (path, &error);
  g_assert_no_error (error);
  blocs = td_registry_list_blocs (f->db, &error);
  g_assert_no_error (error);
  by = td_registry_find_bloc_year (f->db, ((TdBloc *)g_ptr_array_index (blocs, 0))->id, 2024,
                                   &error);
  g_assert_no_error (error);
  f->table = td_criteria_load (f->db, by, &error);
  g_assert_no_error (error);
  f->scores = td_scores_load (f->db, f->table, &error);
  g_assert_no_error (error);
  f->rows = g_array_new (FALSE, FALSE, sizeof (gint));
  for (gint i = 0; i < (gint)td_criteria_table_get_n_nodes (f->table); i++)
    g_array_append_val (f->rows, i);
  g_array_append_val (f->rows, total);
  f->units = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint u = 0; u < td_scores_get_n_units (f->scores); u++)
    g_array_append_val (f->units, u);
  g_assert_cmpuint (f->units->len, >=, 3);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->scores, td_scores_free);
  g_clear_pointer (&f->table, td_criteria_table_unref);
  g_clear_object (&f->db);
  g_array_unref (f->rows);
  g_array_unref (f->units);
  g_free (f->dir);
}

static TdScorePaste *
plan (Fixture *f, TdSource source, guint at_row, guint at_column, const char *text)
{
  g_autoptr (GError) error = NULL;
  TdScorePaste *paste = td_score_paste_plan (f->scores, source, (const gint *)f->rows->data,
                                             f->rows->len, (const guint *)f->units->data,
                                             f->units->len, at_row, at_column, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (paste);
  return paste;
}

/* The first grid row of @n rows in a row that all take points (0 – 1 at
 * least). */
static guint
points_rows (Fixture *f, guint n)
{
  for (guint r = 0; r + n <= td_criteria_table_get_n_nodes (f->table); r++)
    {
      gboolean all = TRUE;

      for (guint k = 0; k < n && all; k++)
        {
          const TdCriterion *c = td_criteria_table_get_node (f->table, r + k);
          all = c->kind == TD_RULE_STANDARD && c->standard >= TD_POINTS (1);
        }
      if (all)
        return r;
    }
  g_assert_not_reached ();
}

static guint
first_heading (Fixture *f)
{
  for (guint r = 0; r < td_criteria_table_get_n_nodes (f->table); r++)
    if (td_rule_kind_get_input (td_criteria_table_get_node (f->table, r)->kind) == TD_INPUT_NONE)
      return r;
  g_assert_not_reached ();
}

static void
test_split (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GString) big = g_string_new (NULL);
  GPtrArray *row;

  /* Excel: CRLF after every row, a quoted cell holding a tab. */
  rows = td_score_paste_split ("1,5\t2\r\n\"a\tb\"\t \r\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "1,5");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "a\tb");
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* One cell without a line break; a blank cell of a column. */
  rows = td_score_paste_split ("7", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = td_score_paste_split ("1\n\n3\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Not text, empty, too many bytes, too many cells. */
  g_assert_null (td_score_paste_split ("1\t\xff\xfe", -1, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (td_score_paste_split ("1\0002", 3, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (td_score_paste_split (" \n", -1, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < TD_SCORE_PASTE_MAX_BYTES / 4 + 1; i++)
    g_string_append (big, "1\t2\n");
  g_assert_null (td_score_paste_split (big->str, big->len, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "KB"));
  g_clear_error (&error);
  g_string_truncate (big, 0);
  for (guint i = 0; i < TD_SCORE_PASTE_MAX_CELLS + 1; i++)
    g_string_append (big, "\t");
  g_assert_null (td_score_paste_split (big->str, big->len, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
}

/* A 3 × 2 block: decimal comma and point, a blank that clears, one value
 * out of the rule's range, one that is not a number. */
static void
test_plan_and_apply (Fixture *f, gconstpointer data)
{
  guint r = points_rows (f, 3);
  g_autoptr (TdScorePaste) paste = NULL;
  g_autoptr (GError) error = NULL;
  const TdCriterion *c0 = td_criteria_table_get_node (f->table, r);
  const TdCriterion *c2 = td_criteria_table_get_node (f->table, r + 2);
  g_autofree gchar *too_big = td_points_format (c2->standard + TD_POINTS (1));
  g_autofree gchar *text = NULL;
  TdScorePasteCell *cell;
  g_autofree guint *units = NULL;
  g_autofree gint *indices = NULL;
  g_autofree TdEntry **befores = NULL;
  g_autoptr (TdEntry) loaded = NULL;
  g_autoptr (GPtrArray) history = NULL;

  g_assert_nonnull (td_scores_get_entry (f->scores, 0, r + 1, TD_SOURCE_ASSESSED));
  text = g_strdup_printf ("0,5\t0.25\r\n\t0,75\r\n%s\tabc\r\n", too_big);
  paste = plan (f, TD_SOURCE_ASSESSED, r, 0, text);
  g_assert_cmpuint (paste->n_rows, ==, 3);
  g_assert_cmpuint (paste->n_columns, ==, 2);
  g_assert_cmpuint (paste->changes->len, ==, 4);
  g_assert_cmpuint (paste->refused->len, ==, 2);

  cell = g_ptr_array_index (paste->changes, 0);
  g_assert_cmpint (cell->index, ==, (gint)r);
  g_assert_cmpuint (cell->unit, ==, 0);
  g_assert_cmpstr (cell->new_text, ==, "0,5");
  g_assert_cmpint (cell->entry->points, ==, 50);
  cell = g_ptr_array_index (paste->changes, 1);
  g_assert_cmpuint (cell->unit, ==, 1);
  g_assert_cmpint (cell->entry->points, ==, 25);
  /* The blank clears unit 0's assessed score of the second row. */
  cell = g_ptr_array_index (paste->changes, 2);
  g_assert_cmpint (cell->index, ==, (gint)r + 1);
  g_assert_null (cell->entry);
  g_assert_nonnull (cell->before);
  g_assert_cmpstr (cell->new_text, ==, "");
  g_assert_cmpstr (cell->old_text, !=, "");

  cell = g_ptr_array_index (paste->refused, 0);
  g_assert_cmpuint (cell->block_row, ==, 2);
  g_assert_cmpuint (cell->block_column, ==, 0);
  g_assert_cmpstr (cell->text, ==, too_big);
  g_assert_nonnull (strstr (cell->reason, c2->title));
  cell = g_ptr_array_index (paste->refused, 1);
  g_assert_cmpstr (cell->text, ==, "abc");
  g_assert_nonnull (cell->reason);

  /* Saved in one go, then put back in one go. */
  g_assert_true (td_score_paste_apply (paste, f->scores, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_scores_get_entry (f->scores, 0, r, TD_SOURCE_ASSESSED)->points, ==, 50);
  g_assert_null (td_scores_get_entry (f->scores, 0, r + 1, TD_SOURCE_ASSESSED));
  loaded = td_entry_load (f->db, td_scores_get_unit_id (f->scores, 1), c0->id, TD_SOURCE_ASSESSED,
                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->points, ==, 25);
  history = td_entry_history (f->db, td_scores_get_unit_id (f->scores, 1), c0->id,
                              TD_SOURCE_ASSESSED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 1);

  units = g_new (guint, paste->changes->len);
  indices = g_new (gint, paste->changes->len);
  befores = g_new (TdEntry *, paste->changes->len);
  for (guint i = 0; i < paste->changes->len; i++)
    {
      cell = g_ptr_array_index (paste->changes, i);
      units[i] = cell->unit;
      indices[i] = cell->index;
      befores[i] = cell->before;
    }
  g_assert_true (td_score_paste_save_cells (f->scores, f->db, TD_SOURCE_ASSESSED,
                                            paste->changes->len, units, indices, befores, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < paste->changes->len; i++)
    {
      const TdEntry *now;

      cell = g_ptr_array_index (paste->changes, i);
      now = td_scores_get_entry (f->scores, cell->unit, cell->index, TD_SOURCE_ASSESSED);
      if (cell->before == NULL)
        g_assert_null (now);
      else
        g_assert_true (td_entry_equal (now, cell->before));
    }
  g_clear_pointer (&loaded, td_entry_free);
  loaded = td_entry_load (f->db, td_scores_get_unit_id (f->scores, 1), c0->id, TD_SOURCE_ASSESSED,
                          &error);
  g_assert_no_error (error);
  g_assert_true (loaded == NULL ? befores[1] == NULL
                                : befores[1] != NULL && loaded->points == befores[1]->points);
}

/* Outside the grid, headings and the Total row, agreed points; what
 * already holds the value is no change. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  guint last = f->units->len - 1;
  guint heading = first_heading (f);
  guint r = points_rows (f, 1);
  const TdCriterion *c = td_criteria_table_get_node (f->table, r);
  g_autoptr (TdScorePaste) outside = NULL;
  g_autoptr (TdScorePaste) headings = NULL;
  g_autoptr (TdScorePaste) agreed = NULL;
  g_autoptr (TdEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree gchar *subtotal = NULL;
  g_autofree gchar *text = NULL;
  TdScorePasteCell *cell;

  /* Two columns from the last unit, two rows from the Total row. */
  outside = plan (f, TD_SOURCE_SELF, f->rows->len - 1, last, "1\t1\n1\t\n");
  g_assert_cmpuint (outside->changes->len, ==, 0);
  g_assert_cmpuint (outside->refused->len, ==, 3);
  cell = g_ptr_array_index (outside->refused, 0);
  g_assert_cmpint (cell->index, ==, -1);
  g_assert_nonnull (cell->reason);
  cell = g_ptr_array_index (outside->refused, 1);
  g_assert_cmpuint (cell->unit, ==, G_MAXUINT);
  cell = g_ptr_array_index (outside->refused, 2);
  g_assert_cmpuint (cell->block_row, ==, 1);

  /* A heading refuses a value, and takes its own subtotal back as no
   * change. */
  subtotal = td_points_format (td_scores_node_totals (f->scores, 0, heading, TD_SOURCE_SELF).total);
  text = g_strdup_printf ("%s\t5\n", subtotal);
  headings = plan (f, TD_SOURCE_SELF, heading, 0, text);
  g_assert_cmpuint (headings->refused->len, ==, 1);
  g_assert_cmpuint (headings->n_unchanged, ==, 1);
  cell = g_ptr_array_index (headings->refused, 0);
  g_assert_cmpuint (cell->unit, ==, 1);
  g_assert_nonnull (strstr (cell->reason, td_criteria_table_get_node (f->table, heading)->title));

  /* The meeting's agreed points: a new value is refused, the same value
   * is no change. */
  entry = td_entry_new (td_scores_get_unit_id (f->scores, 2), c->id, TD_SOURCE_ASSESSED);
  entry->points = TD_POINTS (1);
  entry->has_agreed = TRUE;
  entry->agreed = TD_POINTS (1);
  g_free (entry->agreed_reason);
  entry->agreed_reason = g_strdup ("Hội nghị thống nhất");
  g_assert_true (td_scores_set_entry (f->scores, f->db, 2, r, entry, &error));
  g_assert_no_error (error);
  agreed = plan (f, TD_SOURCE_ASSESSED, r, 2, "0,5\n");
  g_assert_cmpuint (agreed->changes->len, ==, 0);
  g_assert_cmpuint (agreed->refused->len, ==, 1);
  g_assert_nonnull (
      strstr (((TdScorePasteCell *)g_ptr_array_index (agreed->refused, 0))->reason, "Ctrl+T"));
  g_clear_pointer (&agreed, td_score_paste_free);
  agreed = plan (f, TD_SOURCE_ASSESSED, r, 2, "1\n");
  g_assert_cmpuint (agreed->refused->len, ==, 0);
  g_assert_cmpuint (agreed->n_unchanged, ==, 1);
}

/* A block copied out reads back as no change at all. */
static void
test_copy_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree gchar *text = NULL;
  g_autoptr (TdScorePaste) paste = NULL;
  g_autofree gchar *first = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) cells = NULL;

  text = td_score_paste_copy (f->scores, TD_SOURCE_SELF, (const gint *)f->rows->data, f->rows->len,
                              (const guint *)f->units->data, f->units->len);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, f->rows->len + 1);
  first = td_criterion_format_input (
      td_criteria_table_get_node (f->table, points_rows (f, 1)),
      td_scores_get_entry (f->scores, 0, points_rows (f, 1), TD_SOURCE_SELF));
  g_assert_true (g_str_has_prefix (lines[points_rows (f, 1)], first));
  cells = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (cells), ==, f->units->len);
  paste = plan (f, TD_SOURCE_SELF, 0, 0, text);
  g_assert_cmpuint (paste->changes->len, ==, 0);
  g_assert_cmpuint (paste->refused->len, ==, 0);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("THIDUA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/score-paste/split", test_split);
  g_test_add ("/score-paste/plan-and-apply", Fixture, NULL, fixture_set_up, test_plan_and_apply,
              fixture_tear_down);
  g_test_add ("/score-paste/refusals", Fixture, NULL, fixture_set_up, test_refusals,
              fixture_tear_down);
  g_test_add ("/score-paste/copy-round-trip", Fixture, NULL, fixture_set_up, test_copy_round_trip,
              fixture_tear_down);
  return g_test_run ();
}
