/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window under load, for the benchmark (td-bench runs it under Xvfb).
 *
 *   td-bench-ui DATABASE REPS SECTION BLOC_YEAR_ID…
 *
 * opens the real window on DATABASE in SECTION (scores, criteria, ranking …)
 * and measures
 * what the clerk feels:
 *   - switch: the bloc-year is changed (cycling through the ids given); the
 *     figure is the longest time the main thread was busy in one go (one
 *     main-loop dispatch) until the new contents were painted: above one
 *     frame (16,7 ms) the window stutters;
 *   - commit (Scores section only): a self-score typed in the one-unit view
 *     and Enter pressed: the longest main-thread block from Enter to the
 *     painted totals.
 * It prints one line per measurement, "switch 3.42" or "commit 0.81"
 * (milliseconds), then "painted-switch 12.3" lines with the time from the
 * change to the first painted frame. */
#include "config.h"

#include "td-application.h"
#include "td-score-cell.h"
#include "td-scores-page.h"
#include "td-window.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct
{
  gboolean painted;
} Paint;

/* Time spent waiting in poll(): idle, not work. */
static gint64 polled_us;
static GPollFunc real_poll;

static gint
timed_poll (GPollFD *fds, guint n_fds, gint timeout)
{
  gint64 t0 = g_get_monotonic_time ();
  gint result = real_poll (fds, n_fds, timeout);

  polled_us += g_get_monotonic_time () - t0;
  return result;
}

static void
after_paint (GdkFrameClock *clock, Paint *paint)
{
  paint->painted = TRUE;
}

/* Turns the main loop until a frame has been painted and nothing is left
 * to do; returns the longest single dispatch, in ms. */
static gdouble
settle (GtkWidget *window, gdouble *to_paint_ms, gint64 start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Paint paint = { FALSE };
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &paint);
  gint64 longest = 0;
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  gint idle_rounds = 0;

  gtk_widget_queue_draw (window);
  while (g_get_monotonic_time () < deadline && idle_rounds < 3)
    {
      gint64 t0 = g_get_monotonic_time ();
      gint64 p0 = polled_us;
      gboolean dispatched = g_main_context_iteration (NULL, !paint.painted);

      longest = MAX (longest, g_get_monotonic_time () - t0 - (polled_us - p0));
      if (paint.painted && to_paint_ms != NULL && *to_paint_ms < 0)
        *to_paint_ms = (g_get_monotonic_time () - start) / 1000.0;
      if (paint.painted && !dispatched)
        idle_rounds++, g_usleep (2000);
    }
  g_signal_handler_disconnect (clock, handler);
  return longest / 1000.0;
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The first criterion of the table with standard points to type in. */
static const TdCriterion *
standard_criterion (TdScoresPage *page)
{
  TdScores *scores = td_scores_page_get_scores (page);
  TdCriteriaTable *table = scores ? td_scores_get_table (scores) : NULL;

  for (guint i = 0; table && i < td_criteria_table_get_n_nodes (table); i++)
    {
      const TdCriterion *c = td_criteria_table_get_node (table, i);
      if (c->kind == TD_RULE_STANDARD && c->n_children == 0 && c->standard > 0)
        return c;
    }
  return NULL;
}

int
main (int argc, char **argv)
{
  g_autoptr (TdApplication) app = NULL;
  g_autoptr (GError) error = NULL;
  TdWindow *window;
  TdScoresPage *page;
  gint reps;
  gint n_ids;
  const char *section;
  char **ids;

  setlocale (LC_ALL, "");
  if (argc < 5)
    {
      fprintf (stderr, "usage: td-bench-ui DATABASE REPS SECTION BLOC_YEAR_ID…\n");
      return 2;
    }
  reps = MAX (1, atoi (argv[2]));
  section = argv[3];
  ids = argv + 4;
  n_ids = argc - 4;
  gtk_init ();
  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  app = td_application_new (G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  window = td_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  /* No daily copy of the big file during the measurement. */
  if (!td_window_open_path (window, argv[1], TD_DB_OPEN_NO_BACKUP))
    return 1;
  if (!td_window_show_section (window, section))
    {
      fprintf (stderr, "no section %s\n", section);
      return 1;
    }
  td_window_set_bloc_year_id (window, g_ascii_strtoll (ids[0], NULL, 10));
  settle (GTK_WIDGET (window), NULL, g_get_monotonic_time ());
  page = TD_SCORES_PAGE (find_type (GTK_WIDGET (window), TD_TYPE_SCORES_PAGE));

  for (gint i = 0; i < reps; i++)
    {
      gint64 id = g_ascii_strtoll (ids[(i + 1) % n_ids], NULL, 10);
      gint64 start = g_get_monotonic_time ();
      gdouble to_paint = -1, longest;

      td_window_set_bloc_year_id (window, id);
      /* The change itself runs in one dispatch too (a click's handler). */
      longest = (g_get_monotonic_time () - start) / 1000.0;
      longest = MAX (longest, settle (GTK_WIDGET (window), &to_paint, start));
      printf ("switch %.3f\npainted-switch %.3f\n", longest, to_paint);
    }

  for (gint i = 0; page != NULL && g_str_equal (section, "scores") && i < reps; i++)
    {
      const TdCriterion *c = standard_criterion (page);
      TdScoreCell *cell
          = c ? td_scores_page_get_cell (page, FALSE, c->id, TD_SCORES_COL_SELF) : NULL;
      GtkEditable *editable;
      g_autofree gchar *text = NULL;
      gint64 start;
      gdouble longest;

      if (cell == NULL)
        {
          fprintf (stderr, "no score cell to type in\n");
          return 1;
        }
      editable = td_score_cell_get_editable (cell);
      td_score_cell_focus (cell);
      /* Alternately the full and half the standard points: always a change. */
      text = td_points_format (i % 2 ? c->standard : c->standard / 2);
      gtk_editable_set_text (editable, text);
      start = g_get_monotonic_time ();
      g_signal_emit_by_name (editable, "activate");
      longest = (g_get_monotonic_time () - start) / 1000.0;
      longest = MAX (longest, settle (GTK_WIDGET (window), NULL, start));
      printf ("commit %.3f\n", longest);
    }
  fflush (stdout);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
