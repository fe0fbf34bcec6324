/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The province-scale benchmark (issue 9).
 *
 * For each scale it generates the province database once, then times every
 * operation a clerk waits for — open, load a bloc-year, recompute after an
 * edit, rank, export, lunar dates, start-up — over repeated runs, and prints
 * the median and the spread as a table and as JSON lines.  A growth table
 * compares the scales, and the same workbook is written by Python's
 * xlsxwriter for a side-by-side ratio.  Operations whose feature is not on
 * this branch print "not available" with the reason: no figure is made up.
 *
 *   td-bench [--scales 1,4,16] [--reps N] [--dir DIR] [--smoke] [--json FILE]
 */
#include "config.h"

#include "td-bench-generate.h"
#include "td-bench-ops.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const TdBenchOpInfo op_infos[] = {
  { "open", "open the database (quick_check)", 50, TD_BENCH_GROWS_WITH_FILE },
  { "load_bloc_year", "load one bloc-year (Scores section)", 20, TD_BENCH_FLAT },
  { "recompute", "recompute totals after one edit", 2, TD_BENCH_FLAT },
  { "rank_bloc_year", "rank one bloc-year", 0, TD_BENCH_FLAT },
  { "rank_year", "rank every bloc of a year", 50, TD_BENCH_GROWS_WITH_FILE },
  { "rank_year_cold", "rank every bloc of a year, all changed", 0, TD_BENCH_GROWS_WITH_FILE },
  { "workbook", "export one bloc-year workbook", 300, TD_BENCH_FLAT },
  { "workbook_python", "same workbook by Python xlsxwriter", 0, TD_BENCH_FLAT },
  { "ranking_pdf", "export a ranking PDF", 200, TD_BENCH_FLAT },
  { "import_forms", "import 40 filled forms (preview + save)", 1000, TD_BENCH_FLAT },
  { "lunar", "every day 1900-2100 to lunar and back", 0, TD_BENCH_FLAT },
  { "paste_parse", "read a pasted 300-row criteria table", 50, TD_BENCH_FLAT },
  { "startup_floor", "bare libadwaita window to first frame", 0, TD_BENCH_FLAT },
  { "startup", "start-up to first frame (Xvfb, cairo)", 500, TD_BENCH_FLAT },
  { "ui_switch", "window: switch bloc-year (longest block)", 16, TD_BENCH_FLAT },
  { "ui_commit", "window: type a score (longest block)", 16, TD_BENCH_FLAT },
};

const TdBenchOpInfo *
td_bench_op_infos (guint *n)
{
  *n = G_N_ELEMENTS (op_infos);
  return op_infos;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  gdouble x = *(const gdouble *)a, y = *(const gdouble *)b;

  return x < y ? -1 : x > y;
}

void
td_bench_result_set_times (TdBenchResult *result, GArray *ms)
{
  guint n = ms->len;

  g_array_sort (ms, compare_double);
  result->available = TRUE;
  result->reps = n;
  result->min_ms = g_array_index (ms, gdouble, 0);
  result->max_ms = g_array_index (ms, gdouble, n - 1);
  result->median_ms
      = n % 2 ? g_array_index (ms, gdouble, n / 2)
              : (g_array_index (ms, gdouble, n / 2 - 1) + g_array_index (ms, gdouble, n / 2)) / 2;
}

void
td_bench_result_unavailable (TdBenchResult *result, const char *reason)
{
  result->available = FALSE;
  g_free (result->reason);
  result->reason = g_strdup (reason);
}

static void
result_clear (TdBenchResult *result)
{
  g_free (result->reason);
  g_free (result->note);
  memset (result, 0, sizeof *result);
}

/* Times @fn @reps times after one untimed warm-up run (which fills the page
 * cache and the statement caches, as in a clerk's session). */
gboolean
td_bench_time (TdBenchResult *result, guint reps, TdBenchFunc fn, gpointer data, GError **error)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (gdouble));

  if (!fn (data, error))
    return FALSE;
  for (guint i = 0; i < reps; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gdouble t;

      if (!fn (data, error))
        return FALSE;
      t = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, t);
    }
  td_bench_result_set_times (result, ms);
  return TRUE;
}

static gchar *
format_ms (gdouble ms)
{
  if (ms >= 10000)
    return g_strdup_printf ("%.1f s", ms / 1000);
  if (ms >= 100)
    return g_strdup_printf ("%.0f ms", ms);
  if (ms >= 10)
    return g_strdup_printf ("%.1f ms", ms);
  return g_strdup_printf ("%.2f ms", ms);
}

static void
print_scale_header (const TdBenchRun *run)
{
  const TdBenchStats *s = &run->stats;

  printf ("\n== scale %g: %" G_GINT64_FORMAT " blocs, %" G_GINT64_FORMAT " units, %" G_GINT64_FORMAT
          " bloc-years, %" G_GINT64_FORMAT " criteria nodes, %" G_GINT64_FORMAT
          " score entries, %" G_GINT64_FORMAT " campaigns, %" G_GINT64_FORMAT
          " deadlines, %" G_GINT64_FORMAT " events\n",
          run->shape.scale, s->n_blocs, s->n_units, s->n_bloc_years, s->n_criteria, s->n_entries,
          s->n_campaigns, s->n_deadlines, s->n_events);
  printf ("   file %.1f MB, generated in %.1f s%s\n", s->file_bytes / 1048576.0, s->seconds,
          run->reused ? " (earlier run, same generator and scale)" : "");
  for (guint i = 0; s->missing && i < s->missing->len; i++)
    printf ("   not generated: %s\n", (const char *)g_ptr_array_index (s->missing, i));
  printf ("%-42s %10s %10s %10s %5s %10s  %s\n", "operation", "median", "min", "max", "reps",
          "target", "verdict");
}

/* The target of an operation over the whole province is set for the
 * province of scale 1 (40 blocs, 1.2 million entries); at scale K it is
 * K times that target, since the work grows with the data. */
static gdouble
target_at (const TdBenchOpInfo *info, gdouble scale)
{
  if (info->growth == TD_BENCH_GROWS_WITH_FILE && scale > 1)
    return info->target_ms * scale;
  return info->target_ms;
}

static const char *
verdict (const TdBenchOpInfo *info, const TdBenchResult *r, gdouble scale)
{
  gboolean scaled = target_at (info, scale) != info->target_ms;

  if (!r->available)
    return "not available";
  /* Start-up is judged against the bare window started in the same run:
   * the machine's load moves both alike. */
  if (r->floor_ratio > 0)
    {
      if (r->floor_ratio > TD_BENCH_STARTUP_MAX_RATIO)
        return "MISSED (ratio)";
      if (r->peak_rss_kb - r->floor_rss_kb > TD_BENCH_STARTUP_MAX_EXTRA_MB * 1024)
        return "MISSED (RSS)";
      return "met (ratio)";
    }
  if (info->target_ms <= 0)
    return "-";
  if (r->median_ms >= target_at (info, scale))
    return scaled ? "MISSED (target x scale)" : "MISSED";
  if (r->peak_rss_kb > 0 && r->peak_rss_kb >= 120 * 1024)
    return "MISSED (RSS)";
  return scaled ? "met (target x scale)" : "met";
}

static void
print_result (const TdBenchOpInfo *info, const TdBenchResult *r, gdouble scale)
{
  g_autofree gchar *target
      = r->floor_ratio > 0    ? g_strdup_printf ("<= %.2fx", TD_BENCH_STARTUP_MAX_RATIO)
        : info->target_ms > 0 ? g_strdup_printf ("< %g ms", target_at (info, scale))
                              : g_strdup ("");

  if (!r->available)
    {
      printf ("%-42s not available: %s\n", info->label, r->reason ? r->reason : "");
      return;
    }
  {
    g_autofree gchar *med = format_ms (r->median_ms);
    g_autofree gchar *min = format_ms (r->min_ms);
    g_autofree gchar *max = format_ms (r->max_ms);

    printf ("%-42s %10s %10s %10s %5u %10s  %s%s%s\n", info->label, med, min, max, r->reps, target,
            verdict (info, r, scale), r->note ? "; " : "", r->note ? r->note : "");
  }
}

static void
json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; p && *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar)*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
json_double (GString *out, const char *key, gdouble value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, ",\"%s\":%s", key, g_ascii_formatd (buf, sizeof buf, "%.3f", value));
}

static gchar *
result_json (const TdBenchRun *run, const TdBenchOpInfo *info, const TdBenchResult *r)
{
  GString *out = g_string_new ("{\"scale\":");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%g", run->shape.scale));
  g_string_append_printf (out, ",\"entries\":%" G_GINT64_FORMAT ",\"op\":", run->stats.n_entries);
  json_string (out, info->id);
  g_string_append (out, ",\"label\":");
  json_string (out, info->label);
  g_string_append_printf (out, ",\"available\":%s", r->available ? "true" : "false");
  if (r->available)
    {
      json_double (out, "median_ms", r->median_ms);
      json_double (out, "min_ms", r->min_ms);
      json_double (out, "max_ms", r->max_ms);
      g_string_append_printf (out, ",\"reps\":%u", r->reps);
      if (r->peak_rss_kb > 0)
        g_string_append_printf (out, ",\"peak_rss_kb\":%" G_GINT64_FORMAT, r->peak_rss_kb);
      if (r->ratio > 0)
        json_double (out, "ratio", r->ratio);
      if (r->floor_ratio > 0)
        {
          json_double (out, "floor_ratio", r->floor_ratio);
          g_string_append_printf (out, ",\"floor_peak_rss_kb\":%" G_GINT64_FORMAT, r->floor_rss_kb);
        }
    }
  else
    {
      g_string_append (out, ",\"reason\":");
      json_string (out, r->reason ? r->reason : "");
    }
  if (info->target_ms > 0)
    {
      json_double (out, "target_ms", target_at (info, run->shape.scale));
      g_string_append (out, ",\"verdict\":");
      json_string (out, verdict (info, r, run->shape.scale));
    }
  if (r->note)
    {
      g_string_append (out, ",\"note\":");
      json_string (out, r->note);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static void
print_growth (GPtrArray *runs, GString *json)
{
  guint n_ops;
  const TdBenchOpInfo *infos = td_bench_op_infos (&n_ops);

  if (runs->len < 2)
    return;
  printf (
      "\n== growth (time ratio between successive scales; the data grows by the scale ratio)\n");
  printf ("%-42s", "operation");
  for (guint s = 0; s < runs->len; s++)
    {
      g_autofree gchar *h
          = g_strdup_printf ("x%g", ((TdBenchRun *)g_ptr_array_index (runs, s))->shape.scale);
      printf (" %10s", h);
    }
  for (guint s = 1; s < runs->len; s++)
    printf (" %9s", "ratio");
  printf ("  verdict\n");

  for (guint o = 0; o < n_ops; o++)
    {
      const TdBenchOpInfo *info = &infos[o];
      gboolean all = TRUE;
      const char *worst = "linear or better";
      GString *line = g_string_new ("{\"growth\":");

      json_string (line, info->id);
      printf ("%-42s", info->label);
      for (guint s = 0; s < runs->len; s++)
        {
          const TdBenchResult *r = &((TdBenchRun *)g_ptr_array_index (runs, s))->results[o];
          g_autofree gchar *m = r->available ? format_ms (r->median_ms) : g_strdup ("n/a");

          printf (" %10s", m);
          all = all && r->available;
        }
      g_string_append (line, ",\"ratios\":[");
      for (guint s = 1; s < runs->len; s++)
        {
          const TdBenchRun *a = g_ptr_array_index (runs, s - 1);
          const TdBenchRun *b = g_ptr_array_index (runs, s);
          const TdBenchResult *ra = &a->results[o], *rb = &b->results[o];
          gdouble data_ratio = (gdouble)b->stats.n_units / MAX (1, a->stats.n_units);
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          if (!ra->available || !rb->available || ra->median_ms <= 0)
            {
              printf (" %9s", "n/a");
              g_string_append (line, s > 1 ? ",null" : "null");
              continue;
            }
          {
            gdouble ratio = rb->median_ms / ra->median_ms;
            /* Below a millisecond, scheduling noise is larger than the
             * operation: such steps are not judged. */
            gboolean tiny = rb->median_ms < 1.0;
            gdouble allowed = info->growth == TD_BENCH_FLAT ? 1.5 : data_ratio * 1.25;

            printf (" %8.2fx", ratio);
            g_string_append_printf (line, "%s%s", s > 1 ? "," : "",
                                    g_ascii_formatd (buf, sizeof buf, "%.3f", ratio));
            if (!tiny && ratio > data_ratio * 1.25)
              worst = "SUPER-LINEAR";
            else if (!tiny && ratio > allowed && g_strcmp0 (worst, "SUPER-LINEAR") != 0)
              worst = "linear in the file (expected flat)";
          }
        }
      printf ("  %s\n", all ? worst : "not judged (not available at every scale)");
      g_string_append (line, "],\"verdict\":");
      json_string (line, all ? worst : "not judged");
      g_string_append (line, "}\n");
      g_string_append (json, line->str);
      g_string_free (line, TRUE);
    }
}

static gboolean
op_selected (const char *only, const char *id)
{
  g_auto (GStrv) ids = g_strsplit (only, ",", -1);

  return g_strv_contains ((const char *const *)ids, id);
}

static gboolean
parse_scales (const char *text, GArray *scales, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i]; i++)
    {
      char *end = NULL;
      gdouble v = g_ascii_strtod (g_strstrip (parts[i]), &end);

      if (end == parts[i] || *end != '\0' || v <= 0 || v > 64)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--scales: “%s” is not a scale; give numbers from 0.01 to 64, e.g. 1,4,16",
                       parts[i]);
          return FALSE;
        }
      g_array_append_val (scales, v);
    }
  return scales->len > 0;
}

static void
run_free (TdBenchRun *run)
{
  guint n_ops;

  td_bench_op_infos (&n_ops);
  for (guint o = 0; o < n_ops; o++)
    result_clear (&run->results[o]);
  g_free (run->results);
  td_bench_startups_free (run->startups);
  g_free (run->path);
  td_bench_stats_clear (&run->stats);
  g_free (run);
}

int
main (int argc, char *argv[])
{
  g_autofree gchar *scales_text = NULL;
  g_autofree gchar *dir = NULL;
  g_autofree gchar *json_path = NULL;
  g_autofree gchar *thidua = NULL;
  g_autofree gchar *only = NULL;
  gint reps = 0;
  gint startup_reps = 0;
  gint max_generate = 1800;
  gboolean smoke = FALSE, no_startup = FALSE, no_python = FALSE, regenerate = FALSE;
  GOptionEntry entries[] = {
    { "scales", 's', 0, G_OPTION_ARG_STRING, &scales_text,
      "Scales to measure, comma-separated (default 1,4,16)", "LIST" },
    { "reps", 'r', 0, G_OPTION_ARG_INT, &reps, "Timed runs per operation (default 15)", "N" },
    { "startup-reps", 0, 0, G_OPTION_ARG_INT, &startup_reps,
      "Timed start-ups per scale (default 5)", "N" },
    { "max-generate", 0, 0, G_OPTION_ARG_INT, &max_generate,
      "Skip a scale whose generation would take longer than SECONDS, estimated from the "
      "previous scale (default 1800; 0: never skip)",
      "SECONDS" },
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir,
      "Where the databases and exports go (default /tmp/thidua-bench)", "DIR" },
    { "json", 'j', 0, G_OPTION_ARG_FILENAME, &json_path, "Also write the JSON lines to FILE",
      "FILE" },
    { "thidua", 0, 0, G_OPTION_ARG_FILENAME, &thidua, "The thidua program for the start-up run",
      "PATH" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Measure only these operations (comma-separated ids, e.g. open,rank_year)", "IDS" },
    { "regenerate", 0, 0, G_OPTION_ARG_NONE, &regenerate,
      "Generate the databases even when an earlier run left them", NULL },
    { "no-startup", 0, 0, G_OPTION_ARG_NONE, &no_startup, "Skip the start-up run under Xvfb",
      NULL },
    { "no-python", 0, 0, G_OPTION_ARG_NONE, &no_python, "Skip the Python xlsxwriter comparison",
      NULL },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &smoke,
      "A tiny run (scale 0.05, one repetition) that checks every operation works", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- Thi Đua province benchmark");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) scales = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify)run_free);
  g_autoptr (GString) json = g_string_new (NULL);
  guint n_ops;
  const TdBenchOpInfo *infos = td_bench_op_infos (&n_ops);
  TdBenchConfig config = { 0 };

  /* As src/main.c: the local time zone stays cached only when TZ names it. */
  if (g_getenv ("TZ") == NULL)
    g_setenv ("TZ", ":/etc/localtime", FALSE);
  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("td-bench: %s\n", error->message);
      return 2;
    }
  if (smoke)
    {
      if (scales_text == NULL)
        scales_text = g_strdup ("0.05");
      if (reps == 0)
        reps = 1;
      if (startup_reps == 0)
        startup_reps = 1;
      regenerate = TRUE;
    }
  if (!parse_scales (scales_text ? scales_text : "1,4,16", scales, &error))
    {
      g_printerr ("td-bench: %s\n", error ? error->message : "no scale given");
      return 2;
    }
  if (dir == NULL)
    dir = g_strdup (smoke ? g_get_tmp_dir () : "/tmp/thidua-bench");
  if (smoke)
    {
      g_autofree gchar *tmp = g_build_filename (dir, "thidua-bench-smoke-XXXXXX", NULL);

      g_free (dir);
      dir = g_mkdtemp (g_steal_pointer (&tmp));
    }
  if (dir == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_printerr ("td-bench: cannot create the work folder: %s\n", g_strerror (errno));
      return 1;
    }

  config.dir = dir;
  /* The programs started under Xvfb keep their backups in the work folder,
   * and so does this one (the day's copy made before the start-ups). */
  {
    g_autofree gchar *xdg = g_build_filename (dir, "xdg-data", NULL);

    g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  }
  config.reps = reps > 0 ? reps : 15;
  config.startup_reps = startup_reps > 0 ? startup_reps : 5;
  config.thidua = thidua ? thidua : TD_BENCH_THIDUA;
  config.no_startup = no_startup;
  config.no_python = no_python;
  config.smoke = smoke;
  config.python_script = TD_BENCH_PYTHON_SCRIPT;

  printf ("Thi Đua benchmark: scales %s, %d timed runs per operation (median, min, max), work "
          "folder %s\n",
          scales_text ? scales_text : "1,4,16", config.reps, dir);

  for (guint s = 0; s < scales->len; s++)
    {
      TdBenchRun *run = g_new0 (TdBenchRun, 1);
      gdouble scale = g_array_index (scales, gdouble, s);
      g_autofree gchar *name = g_strdup_printf ("province-x%g.db", scale);

      td_bench_shape_for_scale (&run->shape, scale);
      run->path = g_build_filename (dir, name, NULL);
      run->results = g_new0 (TdBenchResult, n_ops);
      g_ptr_array_add (runs, run);

      if ((regenerate || !td_bench_reuse_database (run)) && max_generate > 0 && s > 0)
        {
          const TdBenchRun *prev = g_ptr_array_index (runs, runs->len - 2);
          gdouble estimate = prev->stats.seconds * scale / prev->shape.scale;

          if (estimate > max_generate)
            {
              g_autofree gchar *reason = g_strdup_printf (
                  "generating it would take about %.0f s here (scale %g took %.0f s), more than "
                  "--max-generate %d s; run it with --scales %g --max-generate 0",
                  estimate, prev->shape.scale, prev->stats.seconds, max_generate, scale);
              char buf[G_ASCII_DTOSTR_BUF_SIZE];

              printf ("\n== scale %g skipped: %s\n", scale, reason);
              g_string_append_printf (json, "{\"scale\":%s,\"skipped\":true,\"reason\":\"%s\"}\n",
                                      g_ascii_formatd (buf, sizeof buf, "%g", scale), reason);
              g_ptr_array_remove_index (runs, runs->len - 1);
              continue;
            }
        }
      if (!td_bench_prepare_database (run, regenerate, &error))
        {
          g_printerr ("td-bench: generating scale %g failed: %s\n", scale, error->message);
          return 1;
        }
      print_scale_header (run);
      fflush (stdout);
      for (guint o = 0; o < n_ops; o++)
        {
          g_autofree gchar *line = NULL;

          if (only != NULL && !op_selected (only, infos[o].id))
            continue;
          if (!td_bench_run_op (&config, run, &infos[o], &run->results[o], &error))
            {
              g_autofree gchar *reason = g_strdup_printf ("failed: %s", error->message);

              td_bench_result_unavailable (&run->results[o], reason);
              g_clear_error (&error);
              run->failed = TRUE;
            }
          print_result (&infos[o], &run->results[o], run->shape.scale);
          fflush (stdout);
          line = result_json (run, &infos[o], &run->results[o]);
          g_string_append_printf (json, "%s\n", line);
        }
    }

  print_growth (runs, json);
  printf ("\n== JSON lines\n%s", json->str);
  if (json_path && !g_file_set_contents (json_path, json->str, -1, &error))
    {
      g_printerr ("td-bench: %s\n", error->message);
      return 1;
    }

  if (smoke)
    {
      /* The smoke run leaves nothing behind. */
      for (guint s = 0; s < runs->len; s++)
        td_bench_remove_files (((TdBenchRun *)g_ptr_array_index (runs, s))->path);
      td_bench_remove_work (dir);
    }
  for (guint s = 0; s < runs->len; s++)
    if (((TdBenchRun *)g_ptr_array_index (runs, s))->failed)
      return 1;
  return 0;
}
