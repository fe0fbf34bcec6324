/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a picture of a window.
 *
 * GTK renders the widget itself (no X screen grab), so the picture is the
 * same under Xvfb as on a desktop and needs no window manager. */
#include "config.h"

#include "td-application.h"
#include "td-output.h"
#include "td-screenshot.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

gboolean
td_screenshot_save (GtkWidget *widget, const char *path, GError **error)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree gchar *tmp = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0 || gtk_widget_get_native (widget) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The window is not drawn yet."));
      return FALSE;
    }
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The window drew nothing."));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Written beside and renamed, as every output: a failed write never
   * leaves half a picture under the name asked for. */
  tmp = td_output_begin (path, error);
  if (tmp == NULL)
    return FALSE;
  return td_output_finish (
      tmp, path, gdk_texture_save_to_png (texture, tmp) ? NULL : _ ("PNG not written"), error);
}

typedef struct
{
  GtkWidget *widget;
  gchar *path;
  TdScreenshotDone done;
  gpointer user_data;
  gulong handler;
  guint frames;
  gdouble first_frame_ms;
} ShotData;

/* Milliseconds since this process was started, exec and loading of the
 * libraries included (the kernel's start time, to 1/100 s); -1 when
 * unknown. */
static gdouble
ms_since_process_start (void)
{
  g_autofree gchar *stat = NULL;
  g_auto (GStrv) fields = NULL;
  const char *after_name;
  struct timespec now;
  guint64 start_ticks;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || (after_name = strrchr (stat, ')')) == NULL || clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;
  /* After the command's name: the state (field 3) … the start time (22). */
  fields = g_strsplit (after_name + 1, " ", 0);
  if (g_strv_length (fields) < 21)
    return -1;
  start_ticks = g_ascii_strtoull (fields[20], NULL, 10);
  return (now.tv_sec + now.tv_nsec / 1e9 - (gdouble)start_ticks / sysconf (_SC_CLK_TCK)) * 1000;
}

static void
after_paint (GdkFrameClock *clock, ShotData *data)
{
  g_autoptr (GError) error = NULL;

  if (data->frames == 0)
    data->first_frame_ms = ms_since_process_start ();
  /* Let a couple of frames pass so that lists have been filled. */
  if (++data->frames < 3)
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }
  g_signal_handler_disconnect (clock, data->handler);
  if (!td_screenshot_save (data->widget, data->path, &error))
    {
      g_printerr ("%s\n", error->message);
      td_application_fail ();
    }
  if (data->done != NULL)
    data->done (data->path, data->first_frame_ms, data->user_data);
  g_object_unref (data->widget);
  g_free (data->path);
  g_free (data);
}

static void
on_map (GtkWidget *widget, ShotData *data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_map, data);
  data->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), data);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* Saves @widget as PNG after it has been painted, then calls @done. */
void
td_screenshot_after_paint (GtkWidget *widget, const char *path, TdScreenshotDone done,
                           gpointer user_data)
{
  ShotData *data = g_new0 (ShotData, 1);

  data->widget = g_object_ref (widget);
  data->path = g_strdup (path);
  data->done = done;
  data->user_data = user_data;
  if (gtk_widget_get_mapped (widget))
    on_map (widget, data);
  else
    g_signal_connect (widget, "map", G_CALLBACK (on_map), data);
}
