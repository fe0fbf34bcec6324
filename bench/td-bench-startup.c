/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The benchmark's operations that run a window under Xvfb: the start-up of
 * Thi Đua and of a bare libadwaita window (startup, startup_floor),
 * measured in the same run and the same way, and the window under load
 * (ui_switch, ui_commit).  The operations on the database itself are in
 * td-bench-ops.c. */
#include "config.h"

#include "td-backup.h"
#include "td-bench-ops.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

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

/* A program of ours under Xvfb: the cairo renderer, no accessibility bus,
 * settings in a key file of the work folder, backups of the benchmark database in the work
 * folder. */
static GSubprocessLauncher *
gui_launcher (const TdBenchConfig *config)
{
  GSubprocessLauncher *launcher
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree gchar *xdg = g_build_filename (config->dir, "xdg-data", NULL);
  g_autofree gchar *config_home = g_build_filename (config->dir, "xdg-config", NULL);
  g_autofree gchar *settings_dir = g_build_filename (config_home, "glib-2.0", "settings", NULL);
  g_autofree gchar *keyfile = g_build_filename (settings_dir, "keyfile", NULL);

  /* Thi Đua at the bare window's size: on a screen under about 1500×900 a
   * first start asks for the whole screen, so the size is set as a clerk's
   * remembered one (settings in a key file of the work folder). */
  g_mkdir_with_parents (settings_dir, 0700);
  g_file_set_contents (keyfile,
                       "[com/example/ThiDua]\nwindow-width=1180\nwindow-height=760\n"
                       "window-maximized=false\n",
                       -1, NULL);

  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", TD_BENCH_SCHEMA_DIR, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  return launcher;
}

/* The first number followed by " ms" in @text (thidua --screenshot says
 * when its first frame was drawn, in the language of the session). */
static gdouble
parse_ms (const char *text)
{
  for (const char *p = text ? strstr (text, " ms") : NULL; p != NULL; p = strstr (p + 1, " ms"))
    {
      const char *start = p;

      while (start > text && g_ascii_isdigit (start[-1]))
        start--;
      if (start < p)
        return g_ascii_strtod (start, NULL);
    }
  return -1;
}

/* One start of @program (thidua on @db_path, or the bare window when
 * @db_path is NULL) until its first frame is drawn: @ms is the time from
 * the start of the process to that frame, @wall_ms the whole run (the
 * picture saved, the file closed), @rss_kb the peak RSS.  GTK 4.8 loads the
 * GL stack when it opens the display even for the cairo renderer: @with_gl
 * keeps that, otherwise it is turned off. */
static gboolean
run_startup_once (const TdBenchConfig *config, const char *program, const char *db_path,
                  gboolean with_gl, gdouble *ms, gdouble *wall_ms, gint64 *rss_kb, GError **error)
{
  g_autoptr (GSubprocessLauncher) launcher = gui_launcher (config);
  g_autoptr (GSubprocess) proc = NULL;
  g_autofree gchar *out = NULL, *err = NULL;
  g_autofree gchar *png = g_build_filename (config->dir, "startup.png", NULL);
  g_autofree gchar *name = g_path_get_basename (program);
  g_auto (GStrv) lines = NULL;

  *ms = *wall_ms = -1;
  *rss_kb = -1;
  if (!with_gl)
    g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", "gl-disable", TRUE);
  g_unlink (png);
  if (db_path != NULL)
    proc = g_subprocess_launcher_spawn (launcher, error, "xvfb-run", "-a", "-s",
                                        "-screen 0 1280x800x24", "/usr/bin/time", "-v", program,
                                        "--database", db_path, "--screenshot", png, NULL);
  else
    proc = g_subprocess_launcher_spawn (launcher, error, "xvfb-run", "-a", "-s",
                                        "-screen 0 1280x800x24", "/usr/bin/time", "-v", program,
                                        "--screenshot", png, NULL);
  if (proc == NULL)
    return FALSE;
  if (!g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, error))
    return FALSE;
  if (!g_subprocess_get_successful (proc) || !g_file_test (png, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s --screenshot did not write its picture: %s", name, err ? err : "");
      return FALSE;
    }
  lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = g_strstrip (lines[i]);
      const char *colon;

      if (g_str_has_prefix (l, "Elapsed (wall clock) time") && (colon = strstr (l, "): ")))
        *wall_ms = parse_elapsed (colon + 3);
      else if (g_str_has_prefix (l, "Maximum resident set size (kbytes): "))
        *rss_kb = g_ascii_strtoll (l + strlen ("Maximum resident set size (kbytes): "), NULL, 10);
    }
  if (*wall_ms < 0 || *rss_kb < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "/usr/bin/time -v printed no wall time or peak RSS: %s", err);
      return FALSE;
    }
  *ms = parse_ms (out);
  if (*ms < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s --screenshot did not say when its first frame was drawn: %s", name, out);
      return FALSE;
    }
  return TRUE;
}

/* Both start-ups of a scale, measured once for the two operations. */
struct _TdBenchStartups
{
  GArray *floor_ms, *app_ms, *app_wall_ms;
  gint64 floor_rss_kb, app_rss_kb;
  gdouble gl_ms;
  gint64 gl_rss_kb;
};

void
td_bench_startups_free (TdBenchStartups *s)
{
  if (s == NULL)
    return;
  g_array_unref (s->floor_ms);
  g_array_unref (s->app_ms);
  g_array_unref (s->app_wall_ms);
  g_free (s);
}

static const char *
startup_unavailable (const TdBenchConfig *config)
{
  g_autofree gchar *xvfb = g_find_program_in_path ("xvfb-run");

  if (config->no_startup)
    return "skipped (--no-startup)";
  if (xvfb == NULL || !g_file_test ("/usr/bin/time", G_FILE_TEST_IS_EXECUTABLE))
    return "xvfb-run or /usr/bin/time is not installed (scripts/setup.sh installs xvfb and time)";
  if (!g_file_test (config->thidua, G_FILE_TEST_IS_EXECUTABLE)
      || !g_file_test (TD_BENCH_FLOOR, G_FILE_TEST_IS_EXECUTABLE))
    return "the thidua program or td-bench-floor was not built";
  return NULL;
}

/* Thi Đua and the bare window started in turns, so that both meet the
 * same load of the machine: after a first start of each (it warms the
 * file cache), startup_reps timed starts of each, alternating. */
static TdBenchStartups *
measure_startups (const TdBenchConfig *config, TdBenchRun *run, GError **error)
{
  g_autoptr (TdDb) db = NULL;
  TdBenchStartups *s;
  gdouble t, wall;
  gint64 rss;

  if (run->startups != NULL)
    return run->startups;
  /* The first start of the day copies the file in a thread (a start that
   * quits at once stops that copy): the day's copy is made here, in the
   * folder the program uses, so that every start measured is a usual one. */
  db = td_db_open (run->path, TD_DB_OPEN_NO_BACKUP, error);
  if (db == NULL || !td_backup_daily (db, NULL, error))
    return NULL;
  td_db_close (db);
  if (!run_startup_once (config, TD_BENCH_FLOOR, NULL, FALSE, &t, &wall, &rss, error)
      || !run_startup_once (config, config->thidua, run->path, FALSE, &t, &wall, &rss, error))
    return NULL;
  s = g_new0 (TdBenchStartups, 1);
  s->floor_ms = g_array_new (FALSE, FALSE, sizeof (gdouble));
  s->app_ms = g_array_new (FALSE, FALSE, sizeof (gdouble));
  s->app_wall_ms = g_array_new (FALSE, FALSE, sizeof (gdouble));
  for (gint i = 0; i < config->startup_reps; i++)
    {
      if (!run_startup_once (config, TD_BENCH_FLOOR, NULL, FALSE, &t, &wall, &rss, error))
        goto fail;
      g_array_append_val (s->floor_ms, t);
      s->floor_rss_kb = MAX (s->floor_rss_kb, rss);
      if (!run_startup_once (config, config->thidua, run->path, FALSE, &t, &wall, &rss, error))
        goto fail;
      g_array_append_val (s->app_ms, t);
      g_array_append_val (s->app_wall_ms, wall);
      s->app_rss_kb = MAX (s->app_rss_kb, rss);
    }
  if (!run_startup_once (config, config->thidua, run->path, TRUE, &s->gl_ms, &wall, &s->gl_rss_kb,
                         error))
    goto fail;
  run->startups = s;
  return s;

fail:
  td_bench_startups_free (s);
  return NULL;
}

gboolean
td_bench_op_startup_floor (const TdBenchConfig *config, TdBenchRun *run, TdBenchResult *result,
                           GError **error)
{
  const char *why = startup_unavailable (config);
  TdBenchStartups *s;
  g_autoptr (GArray) ms = NULL;

  if (why != NULL)
    {
      td_bench_result_unavailable (result, why);
      return TRUE;
    }
  if ((s = measure_startups (config, run, error)) == NULL)
    return FALSE;
  ms = g_array_copy (s->floor_ms);
  td_bench_result_set_times (result, ms);
  result->peak_rss_kb = s->floor_rss_kb;
  result->note = g_strdup_printf ("an AdwApplicationWindow with a header bar, %u×%u, started "
                                  "in turns with Thi Đua; peak RSS %.1f MB",
                                  1180, 760, s->floor_rss_kb / 1024.0);
  return TRUE;
}

gboolean
td_bench_op_startup (const TdBenchConfig *config, TdBenchRun *run, TdBenchResult *result,
                     GError **error)
{
  const char *why = startup_unavailable (config);
  TdBenchStartups *s;
  TdBenchResult whole = { 0 }, floor = { 0 };
  g_autoptr (GArray) ms = NULL;
  g_autoptr (GArray) walls = NULL;
  g_autoptr (GArray) floor_ms = NULL;

  if (why != NULL)
    {
      td_bench_result_unavailable (result, why);
      return TRUE;
    }
  if ((s = measure_startups (config, run, error)) == NULL)
    return FALSE;
  ms = g_array_copy (s->app_ms);
  walls = g_array_copy (s->app_wall_ms);
  floor_ms = g_array_copy (s->floor_ms);
  td_bench_result_set_times (result, ms);
  td_bench_result_set_times (&whole, walls);
  td_bench_result_set_times (&floor, floor_ms);
  result->peak_rss_kb = s->app_rss_kb;
  result->floor_ratio = result->median_ms / MAX (1.0, floor.median_ms);
  result->floor_rss_kb = s->floor_rss_kb;
  result->note = g_strdup_printf (
      "to the first frame: %.2fx the bare window's %.0f ms (target <= %.2fx); peak RSS %.1f MB, "
      "%+.1f MB over the bare window's %.1f MB (target <= +%d MB); whole run with the picture "
      "saved %.0f ms; with GTK's GL stack loaded (GDK_DEBUG not set) %.0f ms, %.1f MB",
      result->floor_ratio, floor.median_ms, TD_BENCH_STARTUP_MAX_RATIO, s->app_rss_kb / 1024.0,
      (s->app_rss_kb - s->floor_rss_kb) / 1024.0, s->floor_rss_kb / 1024.0,
      TD_BENCH_STARTUP_MAX_EXTRA_MB, whole.median_ms, s->gl_ms, s->gl_rss_kb / 1024.0);
  return TRUE;
}

/* ---- the window under load ---- */

/* td-bench-ui under Xvfb: @what is "switch" (change of bloc-year) or
 * "commit" (a score typed and Enter); the figure is the longest time the
 * main thread was busy in one go until the result was painted. */
gboolean
td_bench_op_ui (const TdBenchConfig *config, TdBenchRun *run, const char *what,
                TdBenchResult *result, GError **error)
{
  g_autoptr (GSubprocessLauncher) launcher = gui_launcher (config);
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_autoptr (GArray) painted = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_autofree gchar *xvfb = g_find_program_in_path ("xvfb-run");
  g_autofree gchar *out = NULL, *err = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree gchar *prefix = g_strconcat (what, " ", NULL);
  g_autofree gchar *painted_prefix = g_strconcat ("painted-", what, " ", NULL);
  const TdBenchStats *s = &run->stats;
  gint n_years = run->shape.n_years;
  gint last = n_years - 1;

  if (config->no_startup)
    {
      td_bench_result_unavailable (result, "skipped (--no-startup)");
      return TRUE;
    }
  if (xvfb == NULL || !g_file_test (TD_BENCH_UI, G_FILE_TEST_IS_EXECUTABLE))
    {
      td_bench_result_unavailable (result, "xvfb-run or td-bench-ui is missing "
                                           "(scripts/setup.sh installs xvfb)");
      return TRUE;
    }
  g_ptr_array_add (args, g_strdup ("xvfb-run"));
  g_ptr_array_add (args, g_strdup ("-a"));
  g_ptr_array_add (args, g_strdup ("-s"));
  g_ptr_array_add (args, g_strdup ("-screen 0 1280x800x24"));
  g_ptr_array_add (args, g_strdup (TD_BENCH_UI));
  g_ptr_array_add (args, g_strdup (run->path));
  g_ptr_array_add (args, g_strdup_printf ("%d", MAX (3, config->reps)));
  g_ptr_array_add (args, g_strdup ("scores"));
  /* Bloc to bloc in the last year, and once back a year. */
  for (guint b = 0; b < 3 && (b + 1) * n_years <= s->bloc_year_ids->len; b++)
    {
      g_ptr_array_add (
          args, g_strdup_printf ("%" G_GINT64_FORMAT,
                                 g_array_index (s->bloc_year_ids, gint64, b * n_years + last)));
      if (b == 1 && last > 0)
        g_ptr_array_add (
            args, g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (s->bloc_year_ids, gint64,
                                                                       b * n_years + last - 1)));
    }
  g_ptr_array_add (args, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *)args->pdata, error);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, error))
    return FALSE;
  if (!g_subprocess_get_successful (proc))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "td-bench-ui failed: %s", err ? err : "");
      return FALSE;
    }
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      gdouble v;

      if (g_str_has_prefix (lines[i], prefix))
        {
          v = g_ascii_strtod (lines[i] + strlen (prefix), NULL);
          g_array_append_val (ms, v);
        }
      else if (g_str_has_prefix (lines[i], painted_prefix))
        {
          v = g_ascii_strtod (lines[i] + strlen (painted_prefix), NULL);
          g_array_append_val (painted, v);
        }
    }
  if (ms->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "td-bench-ui printed no %s: %s", what,
                   out);
      return FALSE;
    }
  td_bench_result_set_times (result, ms);
  if (painted->len > 0)
    {
      gdouble longest = 0;

      for (guint i = 0; i < painted->len; i++)
        longest = MAX (longest, g_array_index (painted, gdouble, i));
      result->note = g_strdup_printf ("longest main-thread block (one frame = 16,7 ms); "
                                      "new contents painted within %.0f ms",
                                      longest);
    }
  else
    result->note = g_strdup ("longest main-thread block (one frame = 16,7 ms)");
  return TRUE;
}
