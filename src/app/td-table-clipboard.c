/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A criteria table from the clipboard.
 *
 * LibreOffice Writer's HTML keeps the table, its plain text does not; Word,
 * Excel and Calc give tab-separated text.  So HTML with a table comes
 * first, read asynchronously (a clipboard of this process is written by
 * the main loop) and bounded: what is copied from outside is untrusted. */
#include "config.h"

#include "td-table-clipboard.h"
#include "td-criteria-paste.h"

#define MAX_CLIPBOARD (8 * 1024 * 1024)

typedef struct
{
  GdkClipboard *clipboard;
  TdTableClipboardDone done;
  GWeakRef owner; /* a dialog closed meanwhile hears nothing */
  GInputStream *stream;
  gchar *buffer; /* MAX_CLIPBOARD + 1 bytes: a fuller one is refused */
} ClipboardRead;

static void
clipboard_read_free (ClipboardRead *read)
{
  g_object_unref (read->clipboard);
  g_weak_ref_clear (&read->owner);
  g_clear_object (&read->stream);
  g_free (read->buffer);
  g_free (read);
}

/* Gives @text to the owner if it is still there (a window not closed),
 * and frees @read. */
static void
finish (ClipboardRead *read, const char *text, gboolean from_html)
{
  g_autoptr (GObject) owner = g_weak_ref_get (&read->owner);
  GtkRoot *root = owner && GTK_IS_WIDGET (owner) ? gtk_widget_get_root (GTK_WIDGET (owner)) : NULL;

  if (owner != NULL
      && (!GTK_IS_WIDGET (owner) || (root && gtk_widget_get_visible (GTK_WIDGET (root)))))
    read->done (text, from_html, owner);
  clipboard_read_free (read);
}

static void
on_text (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ClipboardRead *read = user_data;
  g_autofree gchar *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  finish (read, text && *text ? text : NULL, FALSE);
}

static void
on_html_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ClipboardRead *read = user_data;
  gsize n = 0;
  g_autofree gchar *text = NULL;

  if (g_input_stream_read_all_finish (G_INPUT_STREAM (source), result, &n, NULL) && n > 0
      && n <= MAX_CLIPBOARD)
    text = td_paste_text_from_file (read->buffer, n, "clipboard.html", NULL);
  if (text == NULL)
    {
      /* No table in the HTML (or too much of it): the plain text may be one. */
      gdk_clipboard_read_text_async (read->clipboard, NULL, on_text, read);
      return;
    }
  finish (read, text, TRUE);
}

static void
on_html (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ClipboardRead *read = user_data;

  read->stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, NULL);
  if (read->stream == NULL)
    {
      gdk_clipboard_read_text_async (read->clipboard, NULL, on_text, read);
      return;
    }
  read->buffer = g_malloc (MAX_CLIPBOARD + 1);
  g_input_stream_read_all_async (read->stream, read->buffer, MAX_CLIPBOARD + 1, G_PRIORITY_DEFAULT,
                                 NULL, on_html_read, read);
}

void
td_table_clipboard_read (GdkClipboard *clipboard, TdTableClipboardDone done, GObject *owner)
{
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  static const char *html[] = { "text/html", NULL };
  ClipboardRead *read;

  if (!gdk_content_formats_contain_mime_type (formats, "text/html")
      && !gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    {
      done (NULL, FALSE, owner);
      return;
    }
  read = g_new0 (ClipboardRead, 1);
  read->clipboard = g_object_ref (clipboard);
  read->done = done;
  g_weak_ref_init (&read->owner, owner);
  if (gdk_content_formats_contain_mime_type (formats, "text/html"))
    gdk_clipboard_read_async (clipboard, html, G_PRIORITY_DEFAULT, NULL, on_html, read);
  else
    gdk_clipboard_read_text_async (clipboard, NULL, on_text, read);
}
