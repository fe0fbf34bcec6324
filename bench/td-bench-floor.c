/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor of the start-up benchmark: a bare libadwaita window with a
 * header bar, the size of Thi Đua's, started and timed exactly as
 * "thidua --screenshot" is (the same application flags, the same picture
 * code, the same line on stdout), so that td-bench can say how far Thi
 * Đua's first frame is from what any libadwaita program costs here.
 *
 *   td-bench-floor --screenshot FILE.png
 *
 * It links GTK and libadwaita only (and the small file writer the picture
 * code shares with every output): the libraries Thi Đua loads on top
 * (SQLite, libxlsxwriter, the project's own code) count against Thi Đua. */
#include "config.h"

#include "td-screenshot.h"

#include <adwaita.h>

static gchar *screenshot;

static void
quit_after_screenshot (const char *path, gdouble first_frame_ms, gpointer user_data)
{
  if (path != NULL && first_frame_ms >= 0)
    g_print ("First frame drawn %.0f ms after the start; picture saved to “%s”.\n", first_frame_ms,
             path);
  g_application_quit (G_APPLICATION (user_data));
}

static gint
command_line (GApplication *app, GApplicationCommandLine *cmdline)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* The size of Thi Đua's window (ui/td-window.ui). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  if (screenshot != NULL)
    td_screenshot_after_paint (window, screenshot, quit_after_screenshot, app);
  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &screenshot,
      "Save a picture of the window once it is drawn, then quit", "FILE" },
    { NULL },
  };
  g_autoptr (AdwApplication) app
      = adw_application_new ("com.example.ThiDua.BenchFloor", G_APPLICATION_HANDLES_COMMAND_LINE);

  g_application_add_main_option_entries (G_APPLICATION (app), entries);
  g_signal_connect (app, "command-line", G_CALLBACK (command_line), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
