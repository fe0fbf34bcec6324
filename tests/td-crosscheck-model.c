/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app's model of a bloc-year as JSON, for test-crosscheck.py to compare
 * every number of every sheet with; and the generated bloc it also checks.
 *
 *   td-crosscheck-model model DB BLOC_YEAR_ID   what the Ranking and Scores
 *       screens show, read with the screens' own calls (td_ranking_load,
 *       td_scores_load, td_rank_row_describe_proposals), never through a
 *       sheet builder; points as integers in hundredths.
 *   td-crosscheck-model mutate DB BLOC_YEAR_ID  turns a copy of the demo into
 *       the awkward bloc: one unit with no score at all, one that sent no
 *       self-score, three units tied on points, a moved unit.
 *   td-crosscheck-model long-name DB BLOC_YEAR_ID LENGTH  gives the
 *       bloc-year's second member a name of LENGTH characters (numbered
 *       words, so a test can tell a cut one) and prints it. */
#include "config.h"

#include "td-criteria.h"
#include "td-entries.h"
#include "td-official.h"
#include "td-ranking-store.h"
#include "td-registry.h"
#include "td-scoring.h"

#include <locale.h>
#include <stdio.h>

static void
json_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    if (*p == '"' || *p == '\\')
      g_string_append_printf (out, "\\%c", *p);
    else if ((guchar)*p < 0x20)
      g_string_append_printf (out, "\\u%04x", *p);
    else
      g_string_append_c (out, *p);
  g_string_append_c (out, '"');
}

static int
model (TdDb *db, gint64 by)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCriteriaTable) table = td_criteria_load (db, by, &error);
  g_autoptr (TdScores) scores = table ? td_scores_load (db, table, &error) : NULL;
  g_autoptr (TdRanking) ranking = td_ranking_load (db, by, NULL, &error);
  g_autoptr (GPtrArray) members = td_registry_list_members (db, by, &error);
  GString *out = g_string_new ("{\"units\": [");

  if (ranking == NULL || scores == NULL || members == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ranking->rows, i);
      const TdRankInput *in = rr->input;
      g_autofree gchar *proposals = td_rank_row_describe_proposals (ranking, rr, TRUE);
      const char *label = in->name;

      for (guint k = 0; k < members->len; k++)
        {
          TdMember *m = g_ptr_array_index (members, k);
          if (m->unit_id == in->unit_id && m->short_name && *m->short_name)
            label = m->short_name;
        }
      g_string_append_printf (out, "%s\n {\"id\": %" G_GINT64_FORMAT ", \"name\": ", i ? "," : "",
                              in->unit_id);
      json_string (out, in->name);
      g_string_append (out, ", \"label\": ");
      json_string (out, label);
      g_string_append_printf (out,
                              ", \"has_self\": %s, \"scored\": %s, \"self\": %" G_GINT64_FORMAT
                              ", \"assessed\": %" G_GINT64_FORMAT ", \"bonus\": %" G_GINT64_FORMAT
                              ", \"deduction\": %" G_GINT64_FORMAT ", \"total\": %" G_GINT64_FORMAT
                              ", \"rank\": %d, \"moved\": %s, \"grade\": ",
                              in->has_self ? "true" : "false", in->scored ? "true" : "false",
                              in->self_total, in->final_total - in->bonus + in->deduction,
                              in->bonus, in->deduction, in->final_total, rr->rank,
                              rr->override ? "true" : "false");
      json_string (out, td_official_grade (rr->rank > 0 ? rr->grade : TD_GRADE_NONE));
      g_string_append (out, ", \"proposals\": ");
      json_string (out, proposals);
      g_string_append (out, ", \"nodes\": [");
      {
        gint u = td_scores_find_unit (scores, in->unit_id);
        const TdUnitTotals *t = td_scores_get_totals (scores, u);
        for (guint n = 0; n < td_criteria_table_get_n_nodes (table); n++)
          {
            TdNodeTotals self = td_scores_node_totals (scores, u, n, TD_SOURCE_SELF);
            TdNodeTotals fin = td_scores_node_totals (scores, u, n, TD_SOURCE_FINAL);
            g_string_append_printf (
                out,
                "%s[%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]",
                n ? ", " : "", self.total, fin.standard, fin.bonus, fin.deduction, fin.total);
          }
        g_string_append_printf (out, "], \"n_self\": %u}", t->n_entries[TD_SOURCE_SELF]);
      }
    }
  g_string_append (out, "],\n\"criteria\": [");
  for (guint n = 0; n < td_criteria_table_get_n_nodes (table); n++)
    {
      const TdCriterion *c = td_criteria_table_get_node (table, n);
      g_string_append_printf (out, "%s\n {\"code\": ", n ? "," : "");
      json_string (out, c->code);
      g_string_append (out, ", \"title\": ");
      json_string (out, c->title);
      g_string_append_printf (out, ", \"standard\": %" G_GINT64_FORMAT ", \"parent\": %d}",
                              c->standard, c->parent);
    }
  g_string_append (out, "]}\n");
  fputs (out->str, stdout);
  g_string_free (out, TRUE);
  return 0;
}

/* Copies every entry of @from onto @to (both sources): equal totals. */
static gboolean
copy_scores (TdDb *db, TdScores *scores, TdCriteriaTable *table, guint from, guint to,
             GError **error)
{
  for (guint n = 0; n < td_criteria_table_get_n_nodes (table); n++)
    for (TdSource s = TD_SOURCE_SELF; s <= TD_SOURCE_ASSESSED; s++)
      {
        const TdEntry *e = td_scores_get_entry (scores, from, n, s);
        g_autoptr (TdEntry) copy = NULL;

        if (e == NULL)
          {
            if (td_scores_get_entry (scores, to, n, s) != NULL
                && !td_scores_clear_entry (scores, db, to, n, s, error))
              return FALSE;
            continue;
          }
        copy = td_entry_copy (e);
        copy->id = 0;
        copy->unit_id = td_scores_get_unit_id (scores, to);
        if (!td_scores_set_entry (scores, db, to, n, copy, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
clear_unit (TdDb *db, TdScores *scores, TdCriteriaTable *table, guint u, gboolean self_only,
            GError **error)
{
  for (guint n = 0; n < td_criteria_table_get_n_nodes (table); n++)
    for (TdSource s = TD_SOURCE_SELF; s <= (self_only ? TD_SOURCE_SELF : TD_SOURCE_ASSESSED); s++)
      if (td_scores_get_entry (scores, u, n, s) != NULL
          && !td_scores_clear_entry (scores, db, u, n, s, error))
        return FALSE;
  return TRUE;
}

static int
mutate (TdDb *db, gint64 by)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCriteriaTable) table = td_criteria_load (db, by, &error);
  g_autoptr (TdScores) scores = table ? td_scores_load (db, table, &error) : NULL;
  guint n;

  if (scores == NULL || (n = td_scores_get_n_units (scores)) < 8)
    {
      g_printerr ("%s\n", error ? error->message : "too few units");
      return 1;
    }
  /* Units 0 and 1 tie with unit 2; unit 3 has nothing; unit 4 sent no
   * self-score; unit 5 is moved to the top by the meeting. */
  if (!copy_scores (db, scores, table, 2, 0, &error)
      || !copy_scores (db, scores, table, 2, 1, &error)
      || !clear_unit (db, scores, table, 3, FALSE, &error)
      || !clear_unit (db, scores, table, 4, TRUE, &error)
      || !td_ranking_set_override (db, by, td_scores_get_unit_id (scores, 5), 1,
                                   "Hội nghị biểu quyết", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* Names the second member "Sở0 Tư1 pháp2 …", @length characters long,
 * through the registry as the unit form would. */
static int
long_name (TdDb *db, gint64 by, glong length)
{
  static const char *words[]
      = { "Sở", "Tư",   "pháp", "tỉnh", "Bình", "Phước", "quản", "lý",   "nhà",  "nước",
          "về", "công", "tác",  "xây",  "dựng", "và",    "thi",  "hành", "pháp", "luật" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = td_registry_list_members (db, by, &error);
  g_autoptr (TdUnit) unit = NULL;
  g_autoptr (GString) name = g_string_new (NULL);
  gchar *end;

  if (members == NULL || members->len < 2)
    {
      g_printerr ("%s\n", error ? error->message : "too few members");
      return 1;
    }
  for (guint i = 0; g_utf8_strlen (name->str, -1) < length; i++)
    g_string_append_printf (name, "%s%s%u", i ? " " : "", words[i % G_N_ELEMENTS (words)], i);
  end = g_utf8_offset_to_pointer (name->str, length);
  g_string_truncate (name, end - name->str);
  /* A name does not end with a space. */
  while (name->len > 0 && name->str[name->len - 1] == ' ')
    g_string_truncate (name, name->len - 1);
  unit = td_registry_get_unit (db, ((TdMember *)g_ptr_array_index (members, 1))->unit_id, &error);
  if (unit == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_free (unit->name);
  unit->name = g_strdup (name->str);
  if (!td_registry_update_unit (db, unit, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  fputs (name->str, stdout);
  return 0;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  gint64 by;

  setlocale (LC_ALL, "");
  if (argc != 4 && !(argc == 5 && g_str_equal (argv[1], "long-name")))
    {
      g_printerr ("usage: %s model|mutate DB BLOC_YEAR_ID | long-name DB BLOC_YEAR_ID LENGTH\n",
                  argv[0]);
      return 2;
    }
  db = td_db_open (argv[2], 0, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  by = g_ascii_strtoll (argv[3], NULL, 10);
  if (g_str_equal (argv[1], "long-name"))
    return long_name (db, by, g_ascii_strtoll (argv[4], NULL, 10));
  return g_str_equal (argv[1], "mutate") ? mutate (db, by) : model (db, by);
}
