/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Real scoring tables as offices send them (tests/criteria-tables/ and
 * the tables the reader was not written against, tests/criteria-tables/
 * unseen/), read as is, headers included, from the file each
 * NAME.expect.json names (Word's text, Excel's CSV or Unicode text,
 * Writer's or Google Docs' HTML): every line must be read as the expect
 * file says (role, code, parent, rule kind, points, rates, caps, grades,
 * options, size classes, notes, exemptions, the rest of a cell broken
 * onto the next line), and two units' self and assessed inputs must give
 * the expected totals of every section to the hundredth, with no fix by
 * hand.  Every NAME.expect.json of both folders is a test. */
#include "config.h"

#include "td-criteria-paste.h"
#include "td-scoring.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

typedef struct
{
  TdPastePreview *preview;
  JsonObject *expect;
  JsonParser *parser;
  GHashTable *row_of_line; /* line → row index */
  GHashTable *node_of_row; /* row index → node index in the table */
  TdCriteriaTable *table;
} Corpus;

static TdPoints
hundredths (JsonNode *node)
{
  return (TdPoints)llround (json_node_get_double (node) * 100.0);
}

static gboolean
member_points (JsonObject *o, const char *name, TdPoints *out)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return FALSE;
  *out = hundredths (n);
  return TRUE;
}

static const char *
member_string (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  return n && !JSON_NODE_HOLDS_NULL (n) ? json_node_get_string (n) : NULL;
}

static TdPasteRow *
row_for_line (Corpus *c, gint64 line)
{
  gpointer index;

  g_assert_true (
      g_hash_table_lookup_extended (c->row_of_line, GINT_TO_POINTER (line), NULL, &index));
  return g_ptr_array_index (c->preview->rows, GPOINTER_TO_INT (index));
}

static guint
line_of_row (Corpus *c, gint row)
{
  g_assert_cmpint (row, >=, 0);
  return ((TdPasteRow *)g_ptr_array_index (c->preview->rows, row))->line;
}

static void
corpus_load (Corpus *c, const char *path)
{
  g_autofree gchar *dir = g_path_get_dirname (path);
  g_autofree gchar *file_path = NULL;
  g_autofree gchar *data = NULL;
  g_autofree gchar *text = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;

  c->parser = json_parser_new ();
  g_assert_true (json_parser_load_from_file (c->parser, path, &error));
  g_assert_no_error (error);
  c->expect = json_node_get_object (json_parser_get_root (c->parser));
  /* The file as the office sent it, read as import-table and the
   * dialog's "Open" read it. */
  file_path = g_build_filename (dir, member_string (c->expect, "file"), NULL);
  g_assert_true (g_file_get_contents (file_path, &data, &len, &error));
  g_assert_no_error (error);
  text = td_paste_text_from_file (data, len, file_path, &error);
  g_assert_no_error (error);
  c->preview = td_paste_parse (text, &error);
  g_assert_no_error (error);
  c->row_of_line = g_hash_table_new (NULL, NULL);
  c->node_of_row = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < c->preview->rows->len; i++)
    {
      TdPasteRow *row = g_ptr_array_index (c->preview->rows, i);
      g_hash_table_insert (c->row_of_line, GINT_TO_POINTER (row->line), GINT_TO_POINTER (i));
    }
}

static void
corpus_clear (Corpus *c)
{
  td_paste_preview_free (c->preview);
  g_object_unref (c->parser);
  g_hash_table_unref (c->row_of_line);
  g_hash_table_unref (c->node_of_row);
  g_clear_pointer (&c->table, td_criteria_table_unref);
}

/* Caps the corpus states for a line: on the row itself and in notes. */
static TdPoints
expected_cap (Corpus *c, JsonObject *row, gint64 line, const char *cap)
{
  JsonArray *rows = json_object_get_array_member (c->expect, "rows");
  TdPoints best = TD_NO_CAP, v = 0;

  if (member_points (row, cap, &v))
    best = v;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *note = json_array_get_object_element (rows, i);
      JsonArray *lines;

      if (g_strcmp0 (member_string (note, "type"), "note") != 0)
        continue;
      lines = json_object_get_array_member (note, "modifies_lines");
      for (guint k = 0; k < json_array_get_length (lines); k++)
        if (json_array_get_int_element (lines, k) == line
            && member_points (json_object_get_object_member (note, "effect"), cap, &v))
          best = best == TD_NO_CAP ? v : MIN (best, v);
    }
  return best;
}

static void
check_range (JsonObject *range, gboolean has_low, gint64 low, gboolean has_high, gint64 high)
{
  TdPoints v = 0;

  if (member_points (range, "from", &v))
    {
      g_assert_true (has_low);
      g_assert_cmpint (low, ==, v);
    }
  else if (member_points (range, "above", &v))
    {
      g_assert_true (has_low);
      g_assert_cmpint (low, ==, v + 1);
    }
  else
    g_assert_false (has_low);
  /* Hundredths: "below 100" ends at 100 (excluded), "to 100" at 100,01. */
  if (member_points (range, "below", &v))
    {
      g_assert_true (has_high);
      g_assert_cmpint (high, ==, v);
    }
  else if (member_points (range, "to", &v))
    {
      g_assert_true (has_high);
      g_assert_cmpint (high, ==, v + 1);
    }
  else
    g_assert_false (has_high);
}

static void
check_criterion (Corpus *c, guint index, TdPasteRow *row, JsonObject *e)
{
  gint64 line = json_object_get_int_member (e, "line");
  const char *kind = member_string (e, "kind");
  const TdCriterion *crit = row->criterion;
  const char *code = member_string (e, "code");
  JsonNode *parent = json_object_get_member (e, "parent_line");
  TdPoints v = 0;
  gboolean deduction_kind;

  g_assert_cmpint (row->role, ==, TD_PASTE_ROLE_CRITERION);
  g_assert_cmpstr (td_paste_row_kind_name (c->preview, index), ==, kind);
  g_assert_cmpstr (crit->code, ==, code ? code : "");
  if (JSON_NODE_HOLDS_NULL (parent))
    g_assert_cmpint (row->parent, ==, -1);
  else
    g_assert_cmpuint (line_of_row (c, row->parent), ==, json_node_get_int (parent));
  if (member_points (e, "standard", &v))
    g_assert_cmpint (crit->standard, ==, v);
  else if (g_strcmp0 (kind, "heading") != 0)
    g_assert_cmpint (crit->standard, ==, 0);

  deduction_kind = crit->kind == TD_RULE_DEDUCTION_EACH || crit->kind == TD_RULE_DEDUCTION_POINTS
                   || crit->kind == TD_RULE_LINEAR_DEDUCTION
                   || crit->kind == TD_RULE_STANDARD_LESS_EACH;
  if (member_points (e, "rate", &v))
    g_assert_cmpint (deduction_kind ? -crit->rate : crit->rate, ==, v);
  if (member_points (e, "bonus_max", &v))
    g_assert_cmpint (crit->kind == TD_RULE_BONUS_POINTS ? crit->rate : crit->bonus_max, ==, v);
  else if (td_rule_kind_gives_standard (crit->kind))
    g_assert_cmpint (crit->bonus_max, ==, 0);
  if (member_points (e, "deduction_max", &v))
    g_assert_cmpint (crit->rate, ==, v);
  if (member_points (e, "threshold", &v))
    g_assert_cmpint (crit->threshold, ==, v);
  if (member_points (e, "step", &v))
    g_assert_cmpint (crit->step, ==, v);
  g_assert_cmpint (crit->bonus_cap, ==, expected_cap (c, e, line, "bonus_cap"));
  g_assert_cmpint (crit->deduction_cap, ==, expected_cap (c, e, line, "deduction_cap"));
}

static void
check_part (Corpus *c, TdPasteRow *row, JsonObject *e)
{
  const char *role = member_string (e, "role");
  TdPoints v = 0;

  g_assert_cmpuint (line_of_row (c, row->owner), ==, json_object_get_int_member (e, "of_line"));
  if (g_str_equal (role, "grade"))
    {
      g_assert_cmpint (row->role, ==, TD_PASTE_ROLE_GRADE);
      g_assert_true (member_points (e, "points", &v));
      g_assert_cmpint (row->part_points, ==, v);
      check_range (json_object_get_object_member (e, "range"), row->part_range.has_low,
                   row->part_range.low, row->part_range.has_high, row->part_range.high);
    }
  else if (g_str_equal (role, "option"))
    {
      g_assert_cmpint (row->role, ==, TD_PASTE_ROLE_OPTION);
      if (member_points (e, "bonus", &v))
        g_assert_cmpint (row->part_points, ==, v);
      else
        {
          g_assert_true (member_points (e, "deduction", &v));
          g_assert_cmpint (row->part_points, ==, -v);
        }
    }
  else
    {
      JsonArray *brackets = json_object_get_array_member (e, "brackets");

      g_assert_cmpstr (role, ==, "size_class");
      g_assert_cmpint (row->role, ==, TD_PASTE_ROLE_SIZE_CLASS);
      check_range (json_object_get_object_member (e, "size"), row->part_range.has_low,
                   row->part_range.low, row->part_range.has_high, row->part_range.high);
      g_assert_cmpuint (row->part_brackets->len, ==, json_array_get_length (brackets));
      for (guint k = 0; k < row->part_brackets->len; k++)
        {
          const TdRuleOption *o = g_ptr_array_index (row->part_brackets, k);
          JsonObject *b = json_array_get_object_element (brackets, k);

          check_range (json_object_get_object_member (b, "range"), o->has_low, o->low, o->has_high,
                       o->high);
          g_assert_true (member_points (b, "bonus", &v));
          g_assert_cmpint (o->points, ==, v);
        }
    }
}

static void
check_note (Corpus *c, TdPasteRow *row, JsonObject *e)
{
  JsonArray *lines = json_object_get_array_member (e, "modifies_lines");
  JsonObject *effect = json_object_get_object_member (e, "effect");
  TdPoints v = 0;

  g_assert_cmpint (row->role, ==, TD_PASTE_ROLE_NOTE);
  g_assert_cmpuint (row->targets->len, ==, json_array_get_length (lines));
  for (guint k = 0; k < row->targets->len; k++)
    g_assert_cmpuint (line_of_row (c, g_array_index (row->targets, gint, k)), ==,
                      json_array_get_int_element (lines, k));
  g_assert_cmpint (row->note_bonus_cap, ==,
                   member_points (effect, "bonus_cap", &v) ? v : TD_NO_CAP);
  g_assert_cmpint (row->note_deduction_cap, ==,
                   member_points (effect, "deduction_cap", &v) ? v : TD_NO_CAP);
  if (member_string (effect, "exemption"))
    g_assert_cmpstr (row->note_exemption, !=, "");
  else
    g_assert_cmpstr (row->note_exemption, ==, "");
}

static void
check_rows (Corpus *c)
{
  JsonArray *rows = json_object_get_array_member (c->expect, "rows");

  g_assert_cmpuint (c->preview->rows->len, ==, json_array_get_length (rows));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *e = json_array_get_object_element (rows, i);
      gint64 line = json_object_get_int_member (e, "line");
      const char *type = member_string (e, "type");
      TdPasteRow *row = row_for_line (c, line);

      g_test_message ("line %" G_GINT64_FORMAT ": %s — %s %s", line, row->interpretation,
                      row->problems, row->status == TD_PASTE_ERROR ? "(ERROR)" : "");
      g_assert_cmpint (row->status, !=, TD_PASTE_ERROR);
      if (g_str_equal (type, "skip"))
        {
          const char *why = member_string (e, "why");

          if (g_str_equal (why, "guidance"))
            {
              g_assert_cmpint (row->role, ==, TD_PASTE_ROLE_GUIDANCE);
              g_assert_cmpuint (line_of_row (c, row->owner), ==,
                                json_object_get_int_member (e, "attaches_to_line"));
            }
          else
            {
              g_assert_cmpint (row->role, ==, TD_PASTE_ROLE_SKIP);
              g_assert_cmpint (row->skip_reason, ==,
                               g_str_equal (why, "header")  ? TD_PASTE_SKIP_HEADER
                               : g_str_equal (why, "empty") ? TD_PASTE_SKIP_EMPTY
                                                            : TD_PASTE_SKIP_TOTAL);
            }
        }
      else if (g_str_equal (type, "continuation"))
        {
          /* The rest of the row above, where a cell went on to a new line. */
          g_assert_cmpint (row->role, ==, TD_PASTE_ROLE_SKIP);
          g_assert_cmpint (row->skip_reason, ==, TD_PASTE_SKIP_CONTINUATION);
          g_assert_cmpstr (
              td_paste_row_kind_name (c->preview, GPOINTER_TO_INT (g_hash_table_lookup (
                                                      c->row_of_line, GINT_TO_POINTER (line)))),
              ==, "continuation");
          g_assert_cmpuint (line_of_row (c, row->owner), ==,
                            json_object_get_int_member (e, "of_line"));
        }
      else if (g_str_equal (type, "criterion"))
        check_criterion (
            c, GPOINTER_TO_INT (g_hash_table_lookup (c->row_of_line, GINT_TO_POINTER (line))), row,
            e);
      else if (g_str_equal (type, "part"))
        check_part (c, row, e);
      else
        check_note (c, row, e);
    }
}

/* Units */

static void
build_table (Corpus *c)
{
  g_autoptr (GError) error = NULL;
  TdPoints declared = 0;
  guint node = 0;

  c->table = td_paste_preview_to_table (c->preview, &error);
  g_assert_no_error (error);
  g_assert_true (member_points (c->expect, "declared_total", &declared));
  g_assert_cmpint (c->table->total, ==, declared);
  g_assert_cmpint (c->preview->standard_total, ==, declared);
  for (guint i = 0; i < c->preview->rows->len; i++)
    if (((TdPasteRow *)g_ptr_array_index (c->preview->rows, i))->role == TD_PASTE_ROLE_CRITERION)
      g_hash_table_insert (c->node_of_row, GINT_TO_POINTER (i), GINT_TO_POINTER (node++));
  g_assert_cmpuint (node, ==, c->table->nodes->len);
  for (guint i = 0; i < c->table->nodes->len; i++)
    {
      TdCriterion *n = g_ptr_array_index (c->table->nodes, i);
      n->id = i + 1;
    }
  for (guint i = 0; i < c->table->nodes->len; i++)
    {
      TdCriterion *n = g_ptr_array_index (c->table->nodes, i);
      n->parent_id = n->parent >= 0 ? n->parent + 1 : 0;
    }
  td_criteria_table_reindex (c->table);
  /* The table is sound: the checks of the Criteria section find nothing. */
  {
    g_autoptr (GPtrArray) problems = td_criteria_table_check (c->table);
    for (guint i = 0; i < problems->len; i++)
      g_test_message ("problem: %s",
                      ((TdCriteriaProblem *)g_ptr_array_index (problems, i))->message);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* The index of the option made from the part row at line choice. */
static gint
option_index (Corpus *c, TdPasteRow *owner_row, gint64 choice)
{
  gint index = 0;
  gint owner = -1;

  for (guint i = 0; i < c->preview->rows->len; i++)
    if (g_ptr_array_index (c->preview->rows, i) == owner_row)
      owner = (gint)i;
  for (guint i = 0; i < c->preview->rows->len; i++)
    {
      TdPasteRow *r = g_ptr_array_index (c->preview->rows, i);

      if (r->owner != owner
          || (r->role != TD_PASTE_ROLE_GRADE && r->role != TD_PASTE_ROLE_OPTION
              && r->role != TD_PASTE_ROLE_SIZE_CLASS && r->role != TD_PASTE_ROLE_BRACKET))
        continue;
      if (r->line == choice)
        return index;
      index++;
    }
  g_assert_not_reached ();
  return -1;
}

static void
put_inputs (Corpus *c, TdScores *scores, JsonObject *inputs, TdSource source)
{
  g_autoptr (GList) lines = json_object_get_members (inputs);

  for (GList *l = lines; l; l = l->next)
    {
      gint64 line = g_ascii_strtoll (l->data, NULL, 10);
      JsonObject *x = json_object_get_object_member (inputs, l->data);
      TdPasteRow *row = row_for_line (c, line);
      gint row_index
          = GPOINTER_TO_INT (g_hash_table_lookup (c->row_of_line, GINT_TO_POINTER (line)));
      gint node
          = GPOINTER_TO_INT (g_hash_table_lookup (c->node_of_row, GINT_TO_POINTER (row_index)));
      TdCriterion *crit = g_ptr_array_index (c->table->nodes, node);
      g_autoptr (TdEntry) e = td_entry_new (td_scores_get_unit_id (scores, 0), crit->id, source);
      g_autoptr (GError) error = NULL;
      TdPoints v;
      JsonNode *n;

      if (member_points (x, "points", &v))
        e->points = v;
      if (member_points (x, "bonus", &v))
        e->bonus = v;
      if (json_object_has_member (x, "count"))
        e->count = json_object_get_int_member (x, "count");
      if ((n = json_object_get_member (x, "choice")) != NULL)
        {
          if (JSON_NODE_HOLDS_NULL (n))
            continue;
          e->option = option_index (c, row, json_node_get_int (n));
        }
      if ((n = json_object_get_member (x, "value")) != NULL)
        {
          if (JSON_NODE_HOLDS_NULL (n))
            continue;
          e->has_measured = TRUE;
          e->measured = hundredths (n);
        }
      if (member_points (x, "size", &v))
        {
          e->size_class = td_criterion_find_size_class (crit, v);
          g_assert_cmpint (e->size_class, >=, 0);
        }
      if (json_object_has_member (x, "applies"))
        e->disqualified = json_object_get_boolean_member (x, "applies");
      if (json_object_has_member (x, "exempt"))
        e->exempt = json_object_get_boolean_member (x, "exempt");
      g_assert_true (td_criterion_validate_entry (crit, e, &error));
      g_assert_no_error (error);
      td_scores_put_entry (scores, 0, node, source, e);
    }
}

static void
check_totals (Corpus *c, TdScores *scores, JsonObject *expected, TdSource source)
{
  JsonArray *sections = json_object_get_array_member (expected, "sections");
  g_autoptr (GArray) got = td_scores_section_totals (scores, 0, source);
  const TdUnitTotals *totals = td_scores_get_totals (scores, 0);
  const TdNodeTotals *all = &totals->table[source];
  TdPoints v = 0;

  g_assert_cmpuint (got->len, ==, json_array_get_length (sections));
  for (guint i = 0; i < got->len; i++)
    {
      JsonObject *s = json_array_get_object_element (sections, i);
      TdNodeTotals *t = &g_array_index (got, TdNodeTotals, i);

      g_test_message ("section %s: %" G_GINT64_FORMAT " + %" G_GINT64_FORMAT " - %" G_GINT64_FORMAT
                      " = %" G_GINT64_FORMAT,
                      member_string (s, "code"), t->standard, t->bonus, t->deduction, t->total);
      g_assert_true (member_points (s, "standard", &v));
      g_assert_cmpint (t->standard, ==, v);
      g_assert_true (member_points (s, "bonus", &v));
      g_assert_cmpint (t->bonus, ==, v);
      g_assert_true (member_points (s, "deduction", &v));
      g_assert_cmpint (t->deduction, ==, v);
      g_assert_true (member_points (s, "total", &v));
      g_assert_cmpint (t->total, ==, v);
    }
  g_assert_true (member_points (expected, "total", &v));
  g_assert_cmpint (all->total, ==, v);
  g_assert_true (member_points (expected, "standard", &v));
  g_assert_cmpint (all->standard, ==, v);
  g_assert_cmpint (totals->disqualified[source], ==,
                   json_object_get_boolean_member (expected, "disqualified"));
}

static void
check_units (Corpus *c)
{
  JsonArray *units = json_object_get_array_member (c->expect, "units");

  for (guint u = 0; u < json_array_get_length (units); u++)
    {
      JsonObject *unit = json_array_get_object_element (units, u);
      JsonObject *expected = json_object_get_object_member (unit, "expected");
      const gint64 ids[] = { 1000 + u };
      g_autoptr (TdScores) scores = td_scores_new (c->table, ids, 1);

      g_test_message ("unit %s", member_string (unit, "name"));
      put_inputs (c, scores, json_object_get_object_member (unit, "self"), TD_SOURCE_SELF);
      put_inputs (c, scores, json_object_get_object_member (unit, "assessed"), TD_SOURCE_ASSESSED);
      check_totals (c, scores, json_object_get_object_member (expected, "self"), TD_SOURCE_SELF);
      check_totals (c, scores, json_object_get_object_member (expected, "assessed"),
                    TD_SOURCE_ASSESSED);
    }
}

static void
test_table (gconstpointer data)
{
  Corpus c = { 0 };

  corpus_load (&c, data);
  check_rows (&c);
  build_table (&c);
  check_units (&c);
  corpus_clear (&c);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

/* Every NAME.expect.json of a folder of tables, sorted. */
static void
add_tables (const char *folder, const char *prefix)
{
  g_autofree gchar *dir = g_build_filename (g_getenv ("TD_TEST_SRCDIR"), folder, NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".expect.json"))
      g_ptr_array_add (names, g_strndup (name, strlen (name) - strlen (".expect.json")));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *table = g_ptr_array_index (names, i);
      g_autofree gchar *test_path = g_strdup_printf ("%s/%s", prefix, table);
      g_autofree gchar *expect = g_strdup_printf ("%s/%s.expect.json", dir, table);

      g_test_add_data_func_full (test_path, g_steal_pointer (&expect), test_table, g_free);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  add_tables ("criteria-tables", "/corpus");
  add_tables ("criteria-tables/unseen", "/corpus/unseen");
  return g_test_run ();
}
