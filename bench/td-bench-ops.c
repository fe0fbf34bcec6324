/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the benchmark times.
 *
 * Each operation does what the application does for the clerk, through the
 * same core and documents functions, on the generated province database.
 * An operation whose feature is not on this branch (see bench/meson.build:
 * a HAVE_TD_* define per module present in the tree) reports why instead
 * of a figure. */
#include "config.h"

#include "td-bench-ops.h"

#include "td-bench-forms.h"
#include "td-bench-sheets.h"
#include "td-lunar.h"
#include "td-registry.h"
#include "td-xlsx.h"
#ifdef HAVE_TD_PAGES
#include "td-pages.h"
#endif
#ifdef HAVE_TD_CRITERIA
#include "td-criteria.h"
#include "td-entries.h"
#include "td-scoring.h"
#endif
#ifdef HAVE_TD_RANKING
#include "td-ranking.h"
#endif
#ifdef HAVE_TD_RANKING_STORE
#include "td-ranking-store.h"
#endif

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <utime.h>

/* Bump when the generated data changes, so old files are not reused. */
#define GENERATOR_VERSION 1

static const char *
features (void)
{
  return ""
#ifdef HAVE_TD_CRITERIA
         "criteria "
#endif
#ifdef HAVE_TD_RANKING
         "ranking "
#endif
#ifdef HAVE_TD_CALENDAR
         "calendar "
#endif
      ;
}

/* ---- the database, generated once per scale ---- */

/* A released schema step is never edited, but before a release one may
 * be (an index added to step 3): the stamp keeps a digest of every step. */
static gchar *
schema_digest (void)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  guint n;
  const TdMigration *steps = td_schema_get_migrations (&n);

  for (guint i = 0; i < n; i++)
    g_checksum_update (sum, (const guchar *)steps[i].sql, -1);
  return g_strdup (g_checksum_get_string (sum));
}

static gchar *
stamp_path (const char *db_path)
{
  return g_strconcat (db_path, ".stamp", NULL);
}

void
td_bench_remove_files (const char *db_path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal", ".stamp" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree gchar *file = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static void
remove_tree (GFile *file)
{
  g_autoptr (GFileEnumerator) children = g_file_enumerate_children (
      file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

void
td_bench_remove_work (const char *dir)
{
  g_autoptr (GFile) file = g_file_new_for_path (dir);

  remove_tree (file);
}

gboolean
td_bench_reuse_database (TdBenchRun *run)
{
  g_autofree gchar *path = stamp_path (run->path);
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autofree gchar *feat = NULL;
  g_autofree gchar *digest = NULL;
  g_autofree gchar *current_digest = schema_digest ();
  g_autofree gint64 *ids = NULL;
  g_auto (GStrv) missing = NULL;
  gsize n_ids = 0;
  TdBenchStats *s = &run->stats;

  if (!g_file_test (run->path, G_FILE_TEST_EXISTS)
      || !g_key_file_load_from_file (kf, path, 0, NULL))
    return FALSE;
  feat = g_key_file_get_string (kf, "bench", "features", NULL);
  digest = g_key_file_get_string (kf, "bench", "schema_digest", NULL);
  if (g_strcmp0 (digest, current_digest) != 0
      || g_key_file_get_integer (kf, "bench", "generator", NULL) != GENERATOR_VERSION
      || g_key_file_get_integer (kf, "bench", "schema", NULL) != td_schema_get_current_version ()
      || g_key_file_get_double (kf, "bench", "scale", NULL) != run->shape.scale
      || g_strcmp0 (feat, features ()) != 0)
    return FALSE;

  td_bench_stats_clear (s);
#define GET(field) s->field = g_key_file_get_int64 (kf, "stats", #field, NULL)
  GET (n_units);
  GET (n_blocs);
  GET (n_bloc_years);
  GET (n_members);
  GET (n_criteria);
  GET (n_entries);
  GET (n_campaigns);
  GET (n_deadlines);
  GET (n_events);
  GET (file_bytes);
#undef GET
  s->seconds = g_key_file_get_double (kf, "stats", "seconds", NULL);
  s->bloc_year_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->missing = g_ptr_array_new_with_free_func (g_free);
  {
    g_auto (GStrv) list = g_key_file_get_string_list (kf, "stats", "bloc_year_ids", &n_ids, NULL);

    for (gsize i = 0; i < n_ids; i++)
      {
        gint64 id = g_ascii_strtoll (list[i], NULL, 10);

        g_array_append_val (s->bloc_year_ids, id);
      }
  }
  missing = g_key_file_get_string_list (kf, "stats", "missing", NULL, NULL);
  for (guint i = 0; missing && missing[i]; i++)
    if (*missing[i])
      g_ptr_array_add (s->missing, g_strdup (missing[i]));
  return s->bloc_year_ids->len == (guint)s->n_bloc_years;
}

static gboolean
save_stamp (TdBenchRun *run, GError **error)
{
  g_autofree gchar *path = stamp_path (run->path);
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();
  TdBenchStats *s = &run->stats;

  g_key_file_set_integer (kf, "bench", "generator", GENERATOR_VERSION);
  g_key_file_set_integer (kf, "bench", "schema", td_schema_get_current_version ());
  g_key_file_set_double (kf, "bench", "scale", run->shape.scale);
  g_key_file_set_string (kf, "bench", "features", features ());
  {
    g_autofree gchar *digest = schema_digest ();

    g_key_file_set_string (kf, "bench", "schema_digest", digest);
  }
#define SET(field) g_key_file_set_int64 (kf, "stats", #field, s->field)
  SET (n_units);
  SET (n_blocs);
  SET (n_bloc_years);
  SET (n_members);
  SET (n_criteria);
  SET (n_entries);
  SET (n_campaigns);
  SET (n_deadlines);
  SET (n_events);
  SET (file_bytes);
#undef SET
  g_key_file_set_double (kf, "stats", "seconds", s->seconds);
  for (guint i = 0; i < s->bloc_year_ids->len; i++)
    g_ptr_array_add (
        ids, g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (s->bloc_year_ids, gint64, i)));
  g_key_file_set_string_list (kf, "stats", "bloc_year_ids", (const char *const *)ids->pdata,
                              ids->len);
  for (guint i = 0; i < s->missing->len; i++)
    g_ptr_array_add (missing, g_ptr_array_index (s->missing, i));
  g_key_file_set_string_list (kf, "stats", "missing", (const char *const *)missing->pdata,
                              missing->len);
  return g_key_file_save_to_file (kf, path, error);
}

gboolean
td_bench_prepare_database (TdBenchRun *run, gboolean regenerate, GError **error)
{
  if (!regenerate && (run->reused || td_bench_reuse_database (run)))
    {
      run->reused = TRUE;
      return TRUE;
    }
  td_bench_remove_files (run->path);
  printf ("generating scale %g …\n", run->shape.scale);
  fflush (stdout);
  if (!td_bench_generate (run->path, &run->shape, &run->stats, error))
    return FALSE;
  return save_stamp (run, error);
}

/* ---- open ---- */

typedef struct
{
  const char *path;
} OpenData;

static gboolean
do_open (gpointer data, GError **error)
{
  OpenData *d = data;
  /* The window's open: header checks, migrations, and the full check of a
   * file not closed cleanly here (a file that was is checked afterwards in
   * the background, td_db_check_async). The daily backup is left out: it
   * runs once a day, not at every open. */
  TdDb *db = td_db_open (d->path, TD_DB_OPEN_NO_BACKUP | TD_DB_OPEN_DEFER_CHECK, error);

  if (db == NULL)
    return FALSE;
  g_object_unref (db);
  return TRUE;
}

/* ---- lunar ---- */

static gboolean
do_lunar (gpointer data, GError **error)
{
  GDate day, back, end;

  g_date_clear (&day, 1);
  g_date_clear (&back, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&day, 1, 1, TD_LUNAR_MIN_YEAR);
  g_date_set_dmy (&end, 31, 12, TD_LUNAR_MAX_YEAR);
  for (; g_date_compare (&day, &end) <= 0; g_date_add_days (&day, 1))
    {
      TdLunarDate lunar;

      if (!td_lunar_from_solar (&day, &lunar) || !td_lunar_to_solar (&lunar, &back, error))
        {
          if (error && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no lunar date for %u-%u-%u",
                         g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
          return FALSE;
        }
      if (g_date_compare (&day, &back) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "lunar round trip of %u-%u-%u came back as %u-%u-%u", g_date_get_year (&day),
                       g_date_get_month (&day), g_date_get_day (&day), g_date_get_year (&back),
                       g_date_get_month (&back), g_date_get_day (&back));
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- a bloc-year: load, recompute, rank, export ---- */

#ifdef HAVE_TD_CRITERIA
typedef struct
{
  const TdBenchConfig *config;
  TdBenchRun *run;
  TdDb *db;
  gint64 bloc_year_id;
  gint year_index;
  /* recompute */
  TdScores *scores;
  guint n_units;
  gint node;
  guint edits;
  /* exports */
  GPtrArray *sheets;
  gchar *xlsx_path;
  gchar *pdf_path;
} BlocYearCtx;

static gboolean
load_scores (TdDb *db, gint64 bloc_year_id, TdCriteriaTable **table_out, TdScores **scores_out,
             GError **error)
{
  g_autoptr (TdCriteriaTable) table = td_criteria_load (db, bloc_year_id, error);
  TdScores *scores;

  if (table == NULL)
    return FALSE;
  scores = td_scores_load (db, table, error);
  if (scores == NULL)
    return FALSE;
  if (table_out)
    *table_out = g_steal_pointer (&table);
  *scores_out = scores;
  return TRUE;
}

/* What the Scores section does when the clerk picks a bloc and a year:
 * the criteria table and every entry of every member, totals computed. */
static gboolean
do_load_bloc_year (gpointer data, GError **error)
{
  BlocYearCtx *c = data;
  g_autoptr (TdScores) scores = NULL;

  return load_scores (c->db, c->bloc_year_id, NULL, &scores, error);
}

/* The clerk types a new score in a cell: it is saved (with its audit
 * row) and the unit's totals are computed again. */
static gboolean
do_recompute (gpointer data, GError **error)
{
  BlocYearCtx *c = data;
  guint unit = c->edits % c->n_units;
  const TdEntry *old = td_scores_get_entry (c->scores, unit, c->node, TD_SOURCE_ASSESSED);
  g_autoptr (TdEntry) entry = NULL;

  entry = old ? td_entry_copy (old)
              : td_entry_new (
                  td_scores_get_unit_id (c->scores, unit),
                  td_criteria_table_get_node (td_scores_get_table (c->scores), c->node)->id,
                  TD_SOURCE_ASSESSED);
  entry->points = entry->points >= 100 ? entry->points - 25 : entry->points + 25;
  c->edits++;
  return td_scores_set_entry (c->scores, c->db, unit, c->node, entry, error);
}

static gboolean
do_recompute_pure (gpointer data, GError **error)
{
  BlocYearCtx *c = data;

  td_scores_recompute_unit (c->scores, c->edits++ % c->n_units);
  return TRUE;
}

#ifdef HAVE_TD_RANKING
#ifndef HAVE_TD_RANKING_STORE
/* The ranking branch's adapter from scores is not on this branch yet:
 * this fills the engine's inputs the way DOMAIN.md describes (final total
 * = assessed where it exists; sections by top-level code). */
static GPtrArray *
rank_inputs_from_scores (TdScores *scores, TdCriteriaTable *table)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rank_input_free);
  g_autoptr (GArray) sections = td_criteria_table_get_sections (table);

  for (guint u = 0; u < td_scores_get_n_units (scores); u++)
    {
      const TdUnitTotals *t = td_scores_get_totals (scores, u);
      TdRankInput *in = td_rank_input_new (td_scores_get_unit_id (scores, u), NULL);
      g_autoptr (GArray) totals = td_scores_section_totals (scores, u, TD_SOURCE_FINAL);
      TdAgreement agreement = td_scores_agreement (scores, u);

      in->final_total = t->table[TD_SOURCE_FINAL].total;
      in->self_total = t->table[TD_SOURCE_SELF].total;
      in->assessed_total = t->table[TD_SOURCE_ASSESSED].total;
      in->has_assessed = t->n_entries[TD_SOURCE_ASSESSED] > 0;
      in->bonus = t->table[TD_SOURCE_FINAL].bonus;
      in->deduction = t->table[TD_SOURCE_FINAL].deduction;
      in->disagreement = agreement.sum_abs_delta;
      in->disqualified = t->disqualified[TD_SOURCE_FINAL];
      if (in->disqualified)
        in->disqualified_reason
            = td_unit_totals_dup_disqualified_reason (t, table, TD_SOURCE_FINAL);
      for (guint i = 0; i < sections->len && i < totals->len; i++)
        {
          const TdCriterion *node
              = td_criteria_table_get_node (table, g_array_index (sections, gint, i));

          td_rank_input_set_section (in, node->code, g_array_index (totals, TdNodeTotals, i).total);
        }
      g_ptr_array_add (inputs, in);
    }
  return inputs;
}

static TdRankSettings *
default_settings (void)
{
  TdRankSettings *settings = td_rank_settings_new ();

  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_SECTION, "I"));
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_FEWER_DEDUCTION, NULL));
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_MORE_BONUS, NULL));
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_AGREEMENT, NULL));
  return settings;
}
#endif

/* The ranking of one bloc-year from the database. */
static TdRanking *
rank_bloc_year (TdDb *db, gint64 bloc_year_id, GError **error)
{
#ifdef HAVE_TD_RANKING_STORE
  g_autoptr (TdRankSettings) settings = td_ranking_load_settings (db, bloc_year_id, error);
  g_autoptr (GPtrArray) inputs = NULL;
  TdPoints standard_total = 0;

  if (settings == NULL)
    return NULL;
  inputs = td_ranking_load_inputs (db, bloc_year_id, &standard_total, error);
  if (inputs == NULL)
    return NULL;
  if (standard_total > 0)
    settings->scale.standard_total = standard_total;
  return td_ranking_compute (inputs, settings);
#else
  g_autoptr (TdCriteriaTable) table = NULL;
  g_autoptr (TdScores) scores = NULL;
  g_autoptr (GPtrArray) inputs = NULL;
  g_autoptr (TdRankSettings) settings = default_settings ();

  if (!load_scores (db, bloc_year_id, &table, &scores, error))
    return NULL;
  inputs = rank_inputs_from_scores (scores, table);
  settings->scale.standard_total = table->total;
  return td_ranking_compute (inputs, settings);
#endif
}

static gboolean
do_rank_bloc_year (gpointer data, GError **error)
{
  BlocYearCtx *c = data;
  g_autoptr (TdRanking) ranking = rank_bloc_year (c->db, c->bloc_year_id, error);

  return ranking != NULL;
}

static gboolean
do_rank_year (gpointer data, GError **error)
{
  BlocYearCtx *c = data;
  const TdBenchStats *s = &c->run->stats;
  gint n_years = c->run->shape.n_years;

  for (guint b = 0; b * n_years < s->bloc_year_ids->len; b++)
    {
      gint64 id = g_array_index (s->bloc_year_ids, gint64, b * n_years + c->year_index);
      g_autoptr (TdRanking) ranking = rank_bloc_year (c->db, id, error);

      if (ranking == NULL)
        return FALSE;
    }
  return TRUE;
}

/* As after something changed in every bloc of the year (an entry, a
 * criterion, a member): the stored totals are gone and every ranking reads
 * the entries again.  Forgetting them is timed too. */
static gboolean
do_rank_year_cold (gpointer data, GError **error)
{
  BlocYearCtx *c = data;

#ifdef HAVE_TD_RANKING_STORE
  if (!td_ranking_forget_totals (c->db, 0, error))
    return FALSE;
#endif
  return do_rank_year (data, error);
}
#endif

#ifdef HAVE_TD_RANKING
/* Official sheets are in Vietnamese whatever the UI language. */
static const char *
grade_label (TdGrade grade)
{
  switch (grade)
    {
    case TD_GRADE_EXCELLENT:
      return "Hoàn thành xuất sắc nhiệm vụ";
    case TD_GRADE_GOOD:
      return "Hoàn thành tốt nhiệm vụ";
    case TD_GRADE_DONE:
      return "Hoàn thành nhiệm vụ";
    case TD_GRADE_NOT_DONE:
      return "Không hoàn thành nhiệm vụ";
    case TD_GRADE_NONE:
    default:
      return "Không xếp loại";
    }
}
#endif

/* Flattens the bloc-year for the sheets. */
static TdBenchBlocYear *
bloc_year_data (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (TdBenchBlocYear) d = td_bench_bloc_year_new ();
  g_autoptr (TdCriteriaTable) table = NULL;
  g_autoptr (TdScores) scores = NULL;
  g_autoptr (TdBlocYear) by = td_registry_get_bloc_year (db, bloc_year_id, error);
  g_autoptr (TdBloc) bloc = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GHashTable) by_unit = g_hash_table_new (g_int64_hash, g_int64_equal);
#ifdef HAVE_TD_RANKING
  g_autoptr (TdRanking) ranking = NULL;
#endif
  guint n_nodes;

  if (by == NULL || (bloc = td_registry_get_bloc (db, by->bloc_id, error)) == NULL
      || (members = td_registry_list_members (db, bloc_year_id, error)) == NULL
      || !load_scores (db, bloc_year_id, &table, &scores, error))
    return NULL;
#ifdef HAVE_TD_RANKING_STORE
  /* As the app's export does: rank from the scores just loaded. */
  ranking = td_ranking_load_with_scores (db, bloc_year_id, table, scores, NULL, error);
  if (ranking == NULL)
    return NULL;
#elif defined(HAVE_TD_RANKING)
  ranking = rank_bloc_year (db, bloc_year_id, error);
  if (ranking == NULL)
    return NULL;
#endif
  for (guint i = 0; i < members->len; i++)
    {
      TdMember *m = g_ptr_array_index (members, i);

      g_hash_table_insert (by_unit, &m->unit_id, m);
    }

  d->bloc_name = g_strdup (bloc->name);
  d->year = by->year;
  d->signer = g_strdup (by->signer_name);
  d->signer_position = g_strdup (by->signer_position);
  d->signer_authority = g_strdup (by->signer_authority);
  n_nodes = td_criteria_table_get_n_nodes (table);
  d->n_nodes = n_nodes;
  for (guint n = 0; n < n_nodes; n++)
    {
      const TdCriterion *node = td_criteria_table_get_node (table, (gint)n);

      g_ptr_array_add (d->codes, g_strdup (node->code));
      g_ptr_array_add (d->titles, g_strdup (node->title));
      g_array_append_val (d->depth, node->depth);
      g_array_append_val (d->standard, node->standard);
    }
  d->n_units = td_scores_get_n_units (scores);
  for (guint u = 0; u < d->n_units; u++)
    {
      gint64 unit_id = td_scores_get_unit_id (scores, u);
      TdMember *m = g_hash_table_lookup (by_unit, &unit_id);
      const TdUnitTotals *t = td_scores_get_totals (scores, u);
      gint rank = 0;
      const char *grade = "";

      g_ptr_array_add (d->unit_names, g_strdup (m ? m->name : "?"));
      g_ptr_array_add (
          d->unit_short,
          g_strdup (m && m->short_name && *m->short_name ? m->short_name : (m ? m->name : "?")));
      for (guint n = 0; n < n_nodes; n++)
        {
          TdPoints self = td_scores_node_totals (scores, u, (gint)n, TD_SOURCE_SELF).total;
          TdPoints assessed = td_scores_node_totals (scores, u, (gint)n, TD_SOURCE_ASSESSED).total;
          TdPoints final = td_scores_node_totals (scores, u, (gint)n, TD_SOURCE_FINAL).total;

          g_array_append_val (d->self, self);
          g_array_append_val (d->assessed, assessed);
          g_array_append_val (d->final, final);
        }
      g_array_append_val (d->unit_self, t->table[TD_SOURCE_SELF].total);
      g_array_append_val (d->unit_assessed, t->table[TD_SOURCE_ASSESSED].total);
      g_array_append_val (d->unit_bonus, t->table[TD_SOURCE_FINAL].bonus);
      g_array_append_val (d->unit_deduction, t->table[TD_SOURCE_FINAL].deduction);
      g_array_append_val (d->unit_final, t->table[TD_SOURCE_FINAL].total);
#ifdef HAVE_TD_RANKING
      {
        const TdRankRow *row = td_ranking_find_unit (ranking, unit_id);

        if (row)
          {
            rank = row->rank;
            grade = grade_label (row->grade);
          }
      }
#endif
      g_array_append_val (d->rank, rank);
      g_ptr_array_add (d->grade, g_strdup (grade ? grade : ""));
    }
  return g_steal_pointer (&d);
}

/* The whole export the clerk waits for: read, rank, build, write. */
static gboolean
do_workbook (gpointer data, GError **error)
{
  BlocYearCtx *c = data;
  g_autoptr (TdBenchBlocYear) d = bloc_year_data (c->db, c->bloc_year_id, error);
  g_autoptr (GPtrArray) sheets = NULL;

  if (d == NULL)
    return FALSE;
  sheets = td_bench_build_workbook (d);
  return td_xlsx_write ((TdSheet *const *)sheets->pdata, sheets->len, c->xlsx_path, NULL, error);
}

/* Only the part Python does too: the sheet models to a file. */
static gboolean
do_workbook_write (gpointer data, GError **error)
{
  BlocYearCtx *c = data;

  return td_xlsx_write ((TdSheet *const *)c->sheets->pdata, c->sheets->len, c->xlsx_path, NULL,
                        error);
}

#ifdef HAVE_TD_PAGES
static gboolean
do_ranking_pdf (gpointer data, GError **error)
{
  BlocYearCtx *c = data;
  g_autoptr (TdBenchBlocYear) d = bloc_year_data (c->db, c->bloc_year_id, error);
  g_autoptr (TdSheet) sheet = NULL;

  if (d == NULL)
    return FALSE;
  sheet = td_bench_build_ranking (d);
  return td_pages_write_pdf (&sheet, 1, c->pdf_path, error);
}
#endif

static gdouble
json_number (const char *text, const char *key)
{
  g_autofree gchar *needle = g_strdup_printf ("\"%s\": ", key);
  const char *at = strstr (text, needle);

  return at ? g_ascii_strtod (at + strlen (needle), NULL) : -1;
}

/* The same sheet models, written by Python's xlsxwriter: td-bench-xlsx.py
 * times its own runs (interpreter start and JSON reading left out). */
static gboolean
run_python (BlocYearCtx *c, TdBenchResult *result, gdouble c_ms, GError **error)
{
  g_autofree gchar *json = g_build_filename (c->config->dir, "workbook-sheets.json", NULL);
  g_autofree gchar *out = g_build_filename (c->config->dir, "workbook-python.xlsx", NULL);
  g_autofree gchar *reps = g_strdup_printf ("%d", MAX (1, c->config->reps / 3));
  g_autofree gchar *stdout_text = NULL, *stderr_text = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) local = NULL;
  gdouble zlib, xml_bytes;

  if (c->config->no_python)
    {
      td_bench_result_unavailable (result, "skipped (--no-python)");
      return TRUE;
    }
  if (!td_bench_sheets_dump_json (c->sheets, json, error))
    return FALSE;
  proc
      = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, error,
                          "/usr/bin/python3", c->config->python_script, json, out, reps,
                          td_xlsx_scratch_dir () ? td_xlsx_scratch_dir () : "", c->xlsx_path, NULL);
  if (proc == NULL
      || !g_subprocess_communicate_utf8 (proc, NULL, NULL, &stdout_text, &stderr_text, error))
    return FALSE;
  if (!g_subprocess_get_successful (proc))
    {
      if (stderr_text && strstr (stderr_text, "No module named 'xlsxwriter'"))
        {
          td_bench_result_unavailable (result, "python3-xlsxwriter is not installed "
                                               "(scripts/setup.sh installs it)");
          return TRUE;
        }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "td-bench-xlsx.py failed: %s",
                   stderr_text ? stderr_text : "");
      return FALSE;
    }
  result->available = TRUE;
  result->median_ms = json_number (stdout_text, "median_ms");
  result->min_ms = json_number (stdout_text, "min_ms");
  result->max_ms = json_number (stdout_text, "max_ms");
  result->reps = (guint)json_number (stdout_text, "reps");
  if (result->median_ms < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "td-bench-xlsx.py printed %s",
                   stdout_text);
      return FALSE;
    }
  result->ratio = c_ms > 0 ? result->median_ms / c_ms : 0;
  zlib = json_number (stdout_text, "zlib_ms");
  xml_bytes = json_number (stdout_text, "xml_bytes");
  if (zlib > 0 && zlib < c_ms)
    /* Both writers deflate the same XML with zlib at its default level:
     * that time is a floor no C change removes, so show it apart. */
    result->note = g_strdup_printf (
        "Python / C = %.1fx (C writes the same sheets in %.1f ms; target >= 10x); zlib alone "
        "on the %.1f MB of XML, paid by both: %.1f ms; without it C %.1f ms, Python %.1f ms "
        "(%.1fx)",
        result->ratio, c_ms, xml_bytes / 1e6, zlib, c_ms - zlib, result->median_ms - zlib,
        (result->median_ms - zlib) / (c_ms - zlib));
  else
    result->note = g_strdup_printf ("Python / C = %.1fx (C writes the same sheets in %.1f ms; "
                                    "target >= 10x)",
                                    result->ratio, c_ms);
  return TRUE;
}
#endif

static gboolean
op_bloc_year (const TdBenchConfig *config, TdBenchRun *run, const TdBenchOpInfo *info,
              TdBenchResult *result, GError **error)
{
#ifndef HAVE_TD_CRITERIA
  td_bench_result_unavailable (result, "criteria tables, score entries and totals are not on "
                                       "this branch yet (criteria branch: td-criteria.c, "
                                       "td-entries.c, td-scoring.c)");
  return TRUE;
#else
  BlocYearCtx c = { 0 };
  g_autoptr (TdDb) db = NULL;
  const char *id = info->id;
  gint n_years = run->shape.n_years;
  gint bloc = run->shape.n_blocs / 2;
  gboolean ok = TRUE;

  c.config = config;
  c.run = run;
  c.year_index = n_years - 1;
  c.bloc_year_id = g_array_index (run->stats.bloc_year_ids, gint64, bloc * n_years + c.year_index);
  db = td_db_open (run->path, TD_DB_OPEN_NO_BACKUP, error);
  if (db == NULL)
    return FALSE;
  c.db = db;
  c.xlsx_path = g_build_filename (config->dir, "workbook.xlsx", NULL);
  c.pdf_path = g_build_filename (config->dir, "ranking.pdf", NULL);

  if (g_str_equal (id, "load_bloc_year"))
    ok = td_bench_time (result, config->reps, do_load_bloc_year, &c, error);
  else if (g_str_equal (id, "recompute"))
    {
      TdBenchResult pure = { 0 };
      TdCriteriaTable *table;

      ok = load_scores (db, c.bloc_year_id, NULL, &c.scores, error);
      if (ok)
        {
          table = td_scores_get_table (c.scores);
          c.n_units = td_scores_get_n_units (c.scores);
          c.node = -1;
          for (guint n = 0; n < td_criteria_table_get_n_nodes (table) && c.node < 0; n++)
            if (td_criteria_table_get_node (table, (gint)n)->kind == TD_RULE_STANDARD)
              c.node = (gint)n;
          ok = c.node >= 0 && c.n_units > 0;
          if (!ok)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no standard criterion to edit");
        }
      if (ok)
        ok = td_bench_time (result, config->reps * 4, do_recompute, &c, error);
      if (ok)
        ok = td_bench_time (&pure, config->reps * 4, do_recompute_pure, &c, error);
      if (ok)
        result->note = g_strdup_printf ("save with audit row + totals of the unit; the totals "
                                        "alone: %.3f ms",
                                        pure.median_ms);
      g_clear_pointer (&c.scores, td_scores_free);
    }
  else if (g_str_equal (id, "rank_bloc_year") || g_str_equal (id, "rank_year")
           || g_str_equal (id, "rank_year_cold"))
    {
#ifdef HAVE_TD_RANKING
      ok = td_bench_time (result, config->reps,
                          g_str_equal (id, "rank_year")        ? do_rank_year
                          : g_str_equal (id, "rank_year_cold") ? do_rank_year_cold
                                                               : do_rank_bloc_year,
                          &c, error);
#ifdef HAVE_TD_RANKING_STORE
      if (ok && g_str_equal (id, "rank_year"))
        result->note = g_strdup ("totals read from the stored totals (rank_totals), as after "
                                 "the first ranking; rank_year_cold: every bloc recomputed");
      else if (ok && g_str_equal (id, "rank_year_cold"))
        result->note = g_strdup ("the stored totals of every bloc deleted first (as the "
                                 "triggers do after a change), then every bloc ranked");
#endif
#ifndef HAVE_TD_RANKING_STORE
      if (ok)
        result->note = g_strdup ("inputs filled by the benchmark from the scores (the ranking "
                                 "branch's td-ranking-store is not merged yet)");
#endif
#else
      td_bench_result_unavailable (result, "the ranking engine is not on this branch yet");
#endif
    }
  else if (g_str_equal (id, "workbook") || g_str_equal (id, "workbook_python"))
    {
      g_autoptr (TdBenchBlocYear) d = bloc_year_data (db, c.bloc_year_id, error);

      ok = d != NULL;
      if (ok)
        c.sheets = td_bench_build_workbook (d);
      if (ok && g_str_equal (id, "workbook"))
        {
          TdBenchResult write = { 0 };
          GStatBuf st;

          ok = td_bench_time (result, config->reps, do_workbook, &c, error)
               && td_bench_time (&write, config->reps, do_workbook_write, &c, error);
          if (ok)
            {
              run->workbook_write_ms = write.median_ms;
              result->note = g_strdup_printf (
                  "%u sheets, %.0f KB; writing the built sheets alone %.1f ms", c.sheets->len,
                  g_stat (c.xlsx_path, &st) == 0 ? st.st_size / 1024.0 : 0.0, write.median_ms);
            }
        }
      else if (ok)
        {
          if (run->workbook_write_ms <= 0)
            {
              TdBenchResult write = { 0 };

              ok = td_bench_time (&write, config->reps, do_workbook_write, &c, error);
              run->workbook_write_ms = write.median_ms;
            }
          if (ok)
            ok = run_python (&c, result, run->workbook_write_ms, error);
        }
      g_clear_pointer (&c.sheets, g_ptr_array_unref);
    }
  else if (g_str_equal (id, "ranking_pdf"))
    {
#if defined(HAVE_TD_PAGES) && defined(HAVE_TD_RANKING)
      ok = td_bench_time (result, config->reps, do_ranking_pdf, &c, error);
#else
      td_bench_result_unavailable (result, "the PDF pages or the ranking engine are not on this "
                                           "branch yet");
#endif
    }
  else
    td_bench_result_unavailable (result, "unknown operation");

  g_free (c.xlsx_path);
  g_free (c.pdf_path);
  return ok;
#endif
}

/* ---- dispatch ---- */

gboolean
td_bench_run_op (const TdBenchConfig *config, TdBenchRun *run, const TdBenchOpInfo *info,
                 TdBenchResult *result, GError **error)
{
  if (g_str_equal (info->id, "open"))
    {
      OpenData d = { run->path };
      gint64 start;
      gdouble cold;

      if (!td_bench_time (result, config->reps, do_open, &d, error))
        return FALSE;
      /* A file this program did not close itself (copied in, restored, or
       * left by a crash) gets the full integrity check: touching it is
       * enough to look like one. */
      if (g_utime (run->path, NULL) != 0)
        return TRUE;
      start = g_get_monotonic_time ();
      if (!do_open (&d, error))
        return FALSE;
      cold = (g_get_monotonic_time () - start) / 1000.0;
      result->note = g_strdup_printf ("after a clean close here; a file from elsewhere (full "
                                      "quick_check): %.0f ms",
                                      cold);
      return TRUE;
    }
  if (g_str_equal (info->id, "lunar"))
    {
      /* Independent of the database: fewer runs, it is the same at every scale. */
      return td_bench_time (result, MAX (1, config->reps / 3), do_lunar, NULL, error);
    }
  if (g_str_equal (info->id, "paste_parse"))
    return td_bench_paste_parse (config, result, error);
  if (g_str_equal (info->id, "startup_floor"))
    return td_bench_op_startup_floor (config, run, result, error);
  if (g_str_equal (info->id, "startup"))
    return td_bench_op_startup (config, run, result, error);
  if (g_str_equal (info->id, "ui_switch"))
    return td_bench_op_ui (config, run, "switch", result, error);
  if (g_str_equal (info->id, "ui_commit"))
    return td_bench_op_ui (config, run, "commit", result, error);
  if (g_str_equal (info->id, "import_forms"))
    return td_bench_op_import_forms (config, run, result, error);

  return op_bloc_year (config, run, info, result, error);
}
