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

#include "td-lunar.h"
#include "td-registry.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

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

static gboolean
load_stamp (TdBenchRun *run)
{
  g_autofree gchar *path = stamp_path (run->path);
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autofree gchar *feat = NULL;
  g_autofree gint64 *ids = NULL;
  g_auto (GStrv) missing = NULL;
  gsize n_ids = 0;
  TdBenchStats *s = &run->stats;

  if (!g_file_test (run->path, G_FILE_TEST_EXISTS)
      || !g_key_file_load_from_file (kf, path, 0, NULL))
    return FALSE;
  feat = g_key_file_get_string (kf, "bench", "features", NULL);
  if (g_key_file_get_integer (kf, "bench", "generator", NULL) != GENERATOR_VERSION
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
  if (!regenerate && load_stamp (run))
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
  /* The application's open: header checks, quick_check, migrations. The
   * daily backup is left out: it runs once a day, not at every open. */
  TdDb *db = td_db_open (d->path, TD_DB_OPEN_NO_BACKUP, error);

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

/* ---- start-up under Xvfb ---- */

/* "0:00.45" or "1:02:03.4" → milliseconds. */
static gdouble
parse_elapsed (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  gdouble seconds = 0;

  for (guint i = 0; i < n; i++)
    seconds = seconds * 60 + g_ascii_strtod (parts[i], NULL);
  return seconds * 1000;
}

static gboolean
run_startup_once (const TdBenchConfig *config, const char *db_path, gdouble *ms, gint64 *rss_kb,
                  GError **error)
{
  g_autoptr (GSubprocessLauncher) launcher
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) proc = NULL;
  g_autofree gchar *out = NULL, *err = NULL;
  g_autofree gchar *png = g_build_filename (config->dir, "startup.png", NULL);
  g_autofree gchar *xdg = g_build_filename (config->dir, "xdg-data", NULL);
  g_auto (GStrv) lines = NULL;

  *ms = -1;
  *rss_kb = -1;
  g_unlink (png);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", TD_BENCH_SCHEMA_DIR, TRUE);
  /* Backups of the benchmark database go to the work folder. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  proc = g_subprocess_launcher_spawn (
      launcher, error, "xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "/usr/bin/time", "-v",
      config->thidua, "--database", db_path, "--screenshot", png, NULL);
  if (proc == NULL)
    return FALSE;
  if (!g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, error))
    return FALSE;
  if (!g_subprocess_get_successful (proc) || !g_file_test (png, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "thidua --screenshot did not write its picture: %s", err ? err : "");
      return FALSE;
    }
  lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = g_strstrip (lines[i]);
      const char *colon;

      if (g_str_has_prefix (l, "Elapsed (wall clock) time") && (colon = strstr (l, "): ")))
        *ms = parse_elapsed (colon + 3);
      else if (g_str_has_prefix (l, "Maximum resident set size (kbytes): "))
        *rss_kb = g_ascii_strtoll (l + strlen ("Maximum resident set size (kbytes): "), NULL, 10);
    }
  if (*ms < 0 || *rss_kb < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "/usr/bin/time -v printed no wall time or peak RSS: %s", err);
      return FALSE;
    }
  return TRUE;
}

static gboolean
op_startup (const TdBenchConfig *config, TdBenchRun *run, TdBenchResult *result, GError **error)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_autofree gchar *xvfb = g_find_program_in_path ("xvfb-run");
  gint64 peak = 0;
  gdouble first;
  gint64 first_rss;

  if (config->no_startup)
    {
      td_bench_result_unavailable (result, "skipped (--no-startup)");
      return TRUE;
    }
  if (xvfb == NULL || !g_file_test ("/usr/bin/time", G_FILE_TEST_IS_EXECUTABLE))
    {
      td_bench_result_unavailable (result, "xvfb-run or /usr/bin/time is not installed "
                                           "(scripts/setup.sh installs xvfb and time)");
      return TRUE;
    }
  if (!g_file_test (config->thidua, G_FILE_TEST_IS_EXECUTABLE))
    {
      td_bench_result_unavailable (result, "the thidua program was not built");
      return TRUE;
    }
  /* The first start of the day also makes the daily backup: reported
   * apart, not in the median. */
  if (!run_startup_once (config, run->path, &first, &first_rss, error))
    return FALSE;
  for (gint i = 0; i < config->startup_reps; i++)
    {
      gdouble t;
      gint64 rss;

      if (!run_startup_once (config, run->path, &t, &rss, error))
        return FALSE;
      g_array_append_val (ms, t);
      peak = MAX (peak, rss);
    }
  td_bench_result_set_times (result, ms);
  result->peak_rss_kb = peak;
  result->note = g_strdup_printf ("peak RSS %.1f MB (target < 120 MB); first start (daily "
                                  "backup) %.0f ms, %.1f MB",
                                  peak / 1024.0, first, first_rss / 1024.0);
  return TRUE;
}

/* ---- dispatch ---- */

gboolean
td_bench_run_op (const TdBenchConfig *config, TdBenchRun *run, const TdBenchOpInfo *info,
                 TdBenchResult *result, GError **error)
{
  if (g_str_equal (info->id, "open"))
    {
      OpenData d = { run->path };

      return td_bench_time (result, config->reps, do_open, &d, error);
    }
  if (g_str_equal (info->id, "lunar"))
    {
      /* Independent of the database: fewer runs, it is the same at every scale. */
      return td_bench_time (result, MAX (1, config->reps / 3), do_lunar, NULL, error);
    }
  if (g_str_equal (info->id, "startup"))
    return op_startup (config, run, result, error);

  td_bench_result_unavailable (result, "not written yet");
  return TRUE;
}
