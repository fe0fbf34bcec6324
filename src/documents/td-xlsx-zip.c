/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What libxlsxwriter 1.1.4 cannot write, added to its finished file.
 *
 * The workbook is copied part by part with libgsf, the same library that
 * reads workbooks from outside, and the parts a patcher asks for are
 * rewritten on the way.  Official papers number their pages from page 2
 * (Nghị định 30/2020), but libxlsxwriter writes one header for every page:
 * the worksheets' <headerFooter> get differentFirst="1" with no first-page
 * header, so Excel and LibreOffice print the page number from page 2 on,
 * as the PDF does.
 *
 * A self-score form's data sheet must be out of sight and out of reach of
 * its member, but libxlsxwriter can only hide a sheet and cannot protect a
 * workbook's structure: the workbook part gets state="veryHidden" on the
 * data sheets (Excel's Unhide does not list them) and
 * <workbookProtection lockStructure="1"/> (sheets cannot be added,
 * deleted, renamed, moved or shown). */
#include "config.h"

#include "td-xlsx.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-stdio.h>
#include <gsf/gsf-utils.h>
#include <string.h>

/* A part patched is read whole; no worksheet of a bloc comes near this. */
#define MAX_PART (256 * 1024 * 1024)
#define CHUNK 65536

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
copy_part (GsfInput *in, GsfOutput *out)
{
  while (gsf_input_remaining (in) > 0)
    {
      size_t n = (size_t)MIN (gsf_input_remaining (in), CHUNK);
      const guint8 *data = gsf_input_read (in, n, NULL);

      if (data == NULL || !gsf_output_write (out, n, data))
        return FALSE;
    }
  return TRUE;
}

static gboolean
patch_part (GsfInput *in, GsfOutput *out, const char *name, const TdXlsxPatcher *patcher)
{
  gsf_off_t size = gsf_input_size (in);
  const guint8 *data;
  g_autofree gchar *patched = NULL;

  if (size < 0 || size > MAX_PART)
    return FALSE;
  data = size > 0 ? gsf_input_read (in, (size_t)size, NULL) : (const guint8 *)"";
  if (data == NULL)
    return FALSE;
  patched = patcher->patch (name, (const char *)data, (gsize)size, patcher->data);
  return patched != NULL
         && (patched[0] == '\0'
             || gsf_output_write (out, strlen (patched), (const guint8 *)patched));
}

static gboolean copy_dir (GsfInfile *in, GsfOutfile *out, const char *prefix,
                          const TdXlsxPatcher *patcher);

static gboolean
copy_child (GsfInput *child, GsfOutfile *out, const char *name, const char *prefix,
            const TdXlsxPatcher *patcher)
{
  g_autofree gchar *path = g_strconcat (prefix, name, NULL);
  gboolean dir = GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0;
  GsfOutput *target;
  gboolean ok;

  /* Each part keeps its time, so the same workbook gives the same bytes. */
  if (dir)
    target = gsf_outfile_new_child_full (out, name, TRUE, "modtime", gsf_input_get_modtime (child),
                                         NULL);
  else
    target = gsf_outfile_new_child_full (out, name, FALSE, "modtime", gsf_input_get_modtime (child),
                                         "compression-level", GSF_ZIP_DEFLATED, NULL);
  if (target == NULL)
    return FALSE;
  if (dir)
    {
      g_autofree gchar *sub = g_strconcat (path, "/", NULL);
      ok = copy_dir (GSF_INFILE (child), GSF_OUTFILE (target), sub, patcher);
    }
  else if (patcher->wants (path, patcher->data))
    ok = patch_part (child, target, path, patcher);
  else
    ok = copy_part (child, target);
  ok = gsf_output_close (target) && ok;
  g_object_unref (target);
  return ok;
}

static gboolean
copy_dir (GsfInfile *in, GsfOutfile *out, const char *prefix, const TdXlsxPatcher *patcher)
{
  for (int i = 0; i < gsf_infile_num_children (in); i++)
    {
      const char *name = gsf_infile_name_by_index (in, i);
      GsfInput *child = gsf_infile_child_by_index (in, i);
      gboolean ok = child != NULL && name != NULL && copy_child (child, out, name, prefix, patcher);

      g_clear_object (&child);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
td_xlsx_rewrite_parts (const char *path, const TdXlsxPatcher *patcher, GError **error)
{
  g_autofree gchar *copy = g_strconcat (path, ".parts", NULL);
  GsfInput *source;
  GsfInfile *zip = NULL;
  GsfOutput *sink = NULL;
  GsfOutfile *out = NULL;
  gboolean ok = FALSE;

  gsf_init ();
  source = gsf_input_stdio_new (path, NULL);
  if (source != NULL)
    zip = gsf_infile_zip_new (source, NULL);
  if (zip != NULL)
    sink = gsf_output_stdio_new (copy, NULL);
  if (sink != NULL)
    out = gsf_outfile_zip_new (sink, NULL);
  if (out != NULL)
    {
      ok = copy_dir (zip, out, "", patcher);
      ok = gsf_output_close (GSF_OUTPUT (out)) && ok;
    }
  if (sink != NULL)
    ok = gsf_output_close (sink) && ok;
  g_clear_object (&out);
  g_clear_object (&sink);
  g_clear_object (&zip);
  g_clear_object (&source);
  if (ok && g_rename (copy, path) != 0)
    {
      int saved = errno;

      g_unlink (copy);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _ ("Could not finish the workbook. Check that the disk is not full."));
      return FALSE;
    }
  if (!ok)
    {
      g_unlink (copy);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("Could not finish the workbook. Check that the disk is not full."));
    }
  return ok;
}

static gboolean
is_worksheet (const char *name, gpointer data)
{
  return g_str_has_prefix (name, "xl/worksheets/sheet") && g_str_has_suffix (name, ".xml");
}

/* The worksheet's XML with the first-page header turned off. */
static gchar *
number_from_page_two (const char *name, const char *xml, gsize len, gpointer data)
{
  GString *out = g_string_new_len (xml, len);
  const char *tag = "<headerFooter>";
  char *at = strstr (out->str, tag);

  if (at != NULL && strstr (at, "<oddHeader>") != NULL)
    g_string_insert (out, (at - out->str) + strlen (tag) - 1, " differentFirst=\"1\"");
  return g_string_free (out, FALSE);
}

/* Worksheets get their page numbers from page 2; the workbook part locks
 * its structure when there are sheets to hide for good. */
static gboolean
wants_part (const char *name, gpointer data)
{
  const char *const *very_hidden = data;

  return is_worksheet (name, NULL)
         || (very_hidden != NULL && very_hidden[0] != NULL
             && g_str_equal (name, "xl/workbook.xml"));
}

static gchar *
patch_part_xml (const char *name, const char *xml, gsize len, gpointer data)
{
  if (g_str_equal (name, "xl/workbook.xml"))
    {
      g_autofree gchar *text = g_strndup (xml, len);
      return td_xlsx_lock_workbook_xml (text, data);
    }
  return number_from_page_two (name, xml, len, NULL);
}

gboolean
td_xlsx_finish_package (const char *path, const char *const *very_hidden, GError **error)
{
  const TdXlsxPatcher patcher = { wants_part, patch_part_xml, (gpointer)very_hidden };

  return td_xlsx_rewrite_parts (path, &patcher, error);
}
