/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every section of the window on the demo, at the office laptop's 1366×768
 * and at 1920×1080, in Vietnamese: screenshots in the tests' output for a
 * person to look at (cut labels, names, proposals), and a check that no
 * section asks for more than the screen gives. */
#include "config.h"

#include "td-demo.h"
#include "td-paste-dialog.h"
#include "td-registry.h"
#include "td-test-util.h"

static const char *sections[]
    = { "overview", "units", "campaigns", "criteria", "scores", "ranking", "calendar" };

static void
test_sections_fit (gconstpointer data)
{
  const int *size = data;
  g_autofree gchar *dir = NULL;
  g_autoptr (TdDb) db = td_test_demo_db (&dir);
  TdWindow *window = td_test_window_with (db, td_test_first_bloc_year (db, 2024), size[0], size[1]);

  td_test_dismiss_toasts (window);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree gchar *name
          = g_strdup_printf ("screen-%dx%d-%s.png", size[0], size[1], sections[i]);
      int min_width, min_height;

      g_assert_true (td_window_show_section (window, sections[i]));
      td_test_wait_drawn (GTK_WIDGET (window));
      td_test_dismiss_toasts (window);
      /* The window keeps the size asked for: nothing in the section needs more. */
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                          NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, size[0], &min_height, NULL,
                          NULL, NULL);
      g_assert_cmpint (min_width, <=, size[0]);
      g_assert_cmpint (min_height, <=, size[1]);
      /* (less the frame's shadow the window draws around itself) */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, size[0] - 24);
      g_free (td_test_screenshot (GTK_WIDGET (window), name));
    }

  /* The paste preview of a real table, as large as the screen allows. */
  {
    g_autofree gchar *table = g_build_filename (g_getenv ("TD_TEST_SRCDIR"), "criteria-tables",
                                                "so-nganh-2023.tsv", NULL);
    g_autofree gchar *text = NULL;
    g_autofree gchar *name = g_strdup_printf ("screen-%dx%d-paste-preview.png", size[0], size[1]);
    GtkWindow *dialog;

    g_assert_true (g_file_get_contents (table, &text, NULL, NULL));
    g_assert_true (td_window_show_section (window, "criteria"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (td_window_get_page (window, "criteria")),
                                               "criteria.paste", NULL));
    td_test_iterate ();
    dialog = td_test_find_toplevel (TD_TYPE_PASTE_DIALOG);
    g_assert_nonnull (dialog);
    gtk_window_set_default_size (dialog, size[0] - 40, size[1] - 60);
    g_assert_true (td_paste_dialog_set_text (TD_PASTE_DIALOG (dialog), text));
    g_free (td_test_screenshot (GTK_WIDGET (dialog), name));
    td_test_close_toplevels_except (GTK_WINDOW (window));
  }
  td_test_destroy_window (window);
}

int
main (int argc, char **argv)
{
  static const int office[] = { 1366, 768 };
  static const int full_hd[] = { 1920, 1080 };

  td_test_init (&argc, &argv);
  g_test_add_data_func ("/screens/1366x768", office, test_sections_fit);
  g_test_add_data_func ("/screens/1920x1080", full_hd, test_sections_fit);
  return g_test_run ();
}
