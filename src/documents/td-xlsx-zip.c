/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What libxlsxwriter 1.1.4 cannot write, added to its finished file.
 *
 * Official papers number their pages from page 2 (Nghị định 30/2020), but
 * libxlsxwriter writes one header for every page.  The worksheets'
 * <headerFooter> get differentFirst="1" with no first-page header, so Excel
 * and LibreOffice print the page number from page 2 on, as the PDF does.
 * The zip is copied entry by entry (compressed data as is, through the same
 * minizip libxlsxwriter uses); only the worksheets are inflated, patched
 * and deflated again. */
#include "config.h"

#include "td-xlsx.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unzip.h>
#include <zip.h>

#define MAX_PART (256 * 1024 * 1024)

static gboolean
is_worksheet (const char *name)
{
  return g_str_has_prefix (name, "xl/worksheets/sheet") && g_str_has_suffix (name, ".xml");
}

/* The worksheet's XML with the first-page header turned off. */
static GString *
patch_worksheet (const char *xml, gsize len)
{
  GString *out = g_string_new_len (xml, len);
  const char *tag = "<headerFooter>";
  char *at = strstr (out->str, tag);

  if (at != NULL && strstr (at, "<oddHeader>") != NULL)
    g_string_insert (out, (at - out->str) + strlen (tag) - 1, " differentFirst=\"1\"");
  return out;
}

static gboolean
copy_entry (unzFile in, zipFile out, GError **error)
{
  unz_file_info64 info;
  zip_fileinfo zi = { 0 };
  char name[1024];
  int method = 0, level = 0;
  gboolean patch;
  g_autofree guchar *data = NULL;
  gsize size;

  if (unzGetCurrentFileInfo64 (in, &info, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK
      || info.uncompressed_size > MAX_PART || info.compressed_size > MAX_PART)
    goto fail;
  zi.dosDate = info.dosDate;
  zi.internal_fa = info.internal_fa;
  zi.external_fa = info.external_fa;
  patch = is_worksheet (name);
  if (unzOpenCurrentFile2 (in, &method, &level, patch ? 0 : 1) != UNZ_OK)
    goto fail;
  size = patch ? info.uncompressed_size : info.compressed_size;
  data = g_malloc (MAX (size, 1));
  if (size > 0 && unzReadCurrentFile (in, data, (unsigned)size) != (int)size)
    {
      unzCloseCurrentFile (in);
      goto fail;
    }
  unzCloseCurrentFile (in);
  if (patch)
    {
      g_autoptr (GString) xml = patch_worksheet ((const char *)data, size);
      if (zipOpenNewFileInZip64 (out, name, &zi, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
                                 Z_DEFAULT_COMPRESSION, 0)
              != ZIP_OK
          || zipWriteInFileInZip (out, xml->str, (unsigned)xml->len) != ZIP_OK
          || zipCloseFileInZip (out) != ZIP_OK)
        goto fail;
      return TRUE;
    }
  if (zipOpenNewFileInZip2_64 (out, name, &zi, NULL, 0, NULL, 0, NULL, method, level, 1, 0)
          != ZIP_OK
      || (size > 0 && zipWriteInFileInZip (out, data, (unsigned)size) != ZIP_OK)
      || zipCloseFileInZipRaw64 (out, info.uncompressed_size, info.crc) != ZIP_OK)
    goto fail;
  return TRUE;

fail:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _ ("Could not finish the workbook. Check that the disk is not full."));
  return FALSE;
}

gboolean
td_xlsx_number_from_page_two (const char *path, GError **error)
{
  g_autofree gchar *copy = g_strconcat (path, ".pages", NULL);
  unzFile in = unzOpen64 (path);
  zipFile out;
  gboolean ok = TRUE;
  int r;

  if (in == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("Could not finish the workbook. Check that the disk is not full."));
      return FALSE;
    }
  out = zipOpen64 (copy, APPEND_STATUS_CREATE);
  if (out == NULL)
    {
      unzClose (in);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("Could not finish the workbook. Check that the disk is not full."));
      return FALSE;
    }
  for (r = unzGoToFirstFile (in); ok && r == UNZ_OK; r = unzGoToNextFile (in))
    ok = copy_entry (in, out, error);
  if (ok && r != UNZ_END_OF_LIST_OF_FILE)
    {
      ok = FALSE;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("Could not finish the workbook. Check that the disk is not full."));
    }
  unzClose (in);
  if (zipClose (out, NULL) != ZIP_OK && ok)
    {
      ok = FALSE;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("Could not finish the workbook. Check that the disk is not full."));
    }
  if (ok && g_rename (copy, path) != 0)
    {
      ok = FALSE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _ ("Could not finish the workbook. Check that the disk is not full."));
    }
  if (!ok)
    g_unlink (copy);
  return ok;
}
