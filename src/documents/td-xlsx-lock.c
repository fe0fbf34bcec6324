/* SPDX-License-Identifier: GPL-3.0-or-later */
/* veryHidden sheets and a locked workbook structure, after libxlsxwriter
 * (see td-xlsx-lock.h): the zip is copied part by part with libgsf, and
 * the workbook part, which libxlsxwriter writes in one known shape, gets
 * the two changes. */
#include "config.h"

#include "td-xlsx-lock.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-stdio.h>
#include <gsf/gsf-output.h>
#include <gsf/gsf-utils.h>
#include <string.h>

#define WORKBOOK_PART "xl/workbook.xml"

gchar *
td_xlsx_lock_workbook_xml (const char *xml, const char *const *very_hidden)
{
  GString *out;
  const char *views = strstr (xml, "<bookViews");

  if (views == NULL || strstr (xml, "<sheets>") == NULL)
    return NULL;
  out = g_string_new (NULL);
  /* CT_Workbook: workbookProtection comes just before bookViews. */
  if (strstr (xml, "<workbookProtection") == NULL)
    {
      g_string_append_len (out, xml, views - xml);
      g_string_append (out, "<workbookProtection lockStructure=\"1\"/>");
      g_string_append (out, views);
    }
  else
    g_string_append (out, xml);

  for (guint i = 0; very_hidden && very_hidden[i]; i++)
    {
      g_autofree gchar *escaped = g_markup_escape_text (very_hidden[i], -1);
      g_autofree gchar *start = g_strdup_printf ("<sheet name=\"%s\"", escaped);
      const char *at = strstr (out->str, start);
      const char *end;
      const char *state;

      if (at == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      end = strchr (at, '>');
      if (end == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      state = g_strstr_len (at, end - at, " state=\"hidden\"");
      if (state != NULL)
        {
          gsize state_pos = state - out->str;
          g_string_erase (out, state_pos, strlen (" state=\"hidden\""));
          g_string_insert (out, state_pos, " state=\"veryHidden\"");
        }
      else if (g_strstr_len (at, end - at, "state=\"veryHidden\"") == NULL)
        g_string_insert (out, (at - out->str) + strlen (start), " state=\"veryHidden\"");
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_all (GsfOutput *out, const guint8 *data, gsize length)
{
  return length == 0 || gsf_output_write (out, length, data);
}

static gboolean
copy_dir (GsfInfile *in, GsfOutfile *out, const char *prefix, const char *const *very_hidden,
          GError **error)
{
  for (int i = 0; i < gsf_infile_num_children (in); i++)
    {
      const char *name = gsf_infile_name_by_index (in, i);
      GsfInput *child = gsf_infile_child_by_index (in, i);
      g_autofree gchar *path = g_strconcat (prefix, name, NULL);
      GDateTime *modtime; /* the input's */
      GsfOutput *target;
      gboolean ok = TRUE;

      if (child == NULL || name == NULL)
        {
          g_clear_object (&child);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot read part %d of %s", i,
                       prefix);
          return FALSE;
        }
      modtime = gsf_input_get_modtime (child);
      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          g_autofree gchar *sub = g_strconcat (path, "/", NULL);
          target = gsf_outfile_new_child_full (out, name, TRUE, "modtime", modtime, NULL);
          ok = copy_dir (GSF_INFILE (child), GSF_OUTFILE (target), sub, very_hidden, error);
        }
      else
        {
          gsf_off_t size = gsf_input_size (child);
          target = gsf_outfile_new_child_full (out, name, FALSE, "compression-level",
                                               GSF_ZIP_DEFLATED, "modtime", modtime, NULL);
          if (g_str_equal (path, WORKBOOK_PART))
            {
              const guint8 *data = size > 0 ? gsf_input_read (child, (size_t)size, NULL) : NULL;
              /* The part's bytes, as text (gsf's buffer has no NUL at the end). */
              g_autofree gchar *xml = data ? g_strndup ((const char *)data, (gsize)size) : NULL;
              g_autofree gchar *locked = xml ? td_xlsx_lock_workbook_xml (xml, very_hidden) : NULL;

              ok = locked != NULL && write_all (target, (const guint8 *)locked, strlen (locked));
            }
          else
            while (ok && gsf_input_remaining (child) > 0)
              {
                size_t n = (size_t)MIN (gsf_input_remaining (child), 65536);
                const guint8 *data = gsf_input_read (child, n, NULL);
                ok = data != NULL && write_all (target, data, n);
              }
          if (!ok)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot copy %s", path);
        }
      if (!gsf_output_close (target) && ok)
        {
          ok = FALSE;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write %s", path);
        }
      g_object_unref (target);
      g_object_unref (child);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
td_xlsx_lock_structure (const char *path, const char *const *very_hidden, GError **error)
{
  g_autofree gchar *tmp = g_strconcat (path, ".lock", NULL);
  g_autoptr (GMappedFile) mapped = NULL;
  GsfInput *source = NULL;
  GsfInfile *zip = NULL;
  GsfOutput *sink = NULL;
  GsfOutfile *out = NULL;
  GError *local = NULL;
  gboolean ok = FALSE;

  gsf_init ();
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return FALSE;
  source = gsf_input_memory_new ((const guint8 *)g_mapped_file_get_contents (mapped),
                                 (gsf_off_t)g_mapped_file_get_length (mapped), FALSE);
  zip = gsf_infile_zip_new (source, &local);
  if (zip == NULL)
    goto fail;
  sink = gsf_output_stdio_new (tmp, &local);
  if (sink == NULL)
    goto fail;
  out = gsf_outfile_zip_new (sink, &local);
  if (out == NULL)
    goto fail;
  ok = copy_dir (zip, out, "", very_hidden, &local);
  ok = gsf_output_close (GSF_OUTPUT (out)) && ok;
  ok = gsf_output_close (sink) && ok;
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (&local, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      ok = FALSE;
    }

fail:
  g_clear_object (&out);
  g_clear_object (&sink);
  g_clear_object (&zip);
  g_clear_object (&source);
  if (ok)
    return TRUE;
  g_unlink (tmp);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _ ("Could not protect the workbook's structure: %s"),
               local ? local->message : _ ("the workbook could not be written"));
  g_clear_error (&local);
  return FALSE;
}
