/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recognising a file by its first (and, for a zip, last) bytes, and the
 * messages every importer gives when it was handed the wrong kind. */
#define _GNU_SOURCE
#include "config.h"

#include "td-enum.h"
#include "td-db.h"
#include "td-sniff.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

static gboolean
starts_with (const guint8 *data, gsize length, const void *magic, gsize magic_length)
{
  return length >= magic_length && memcmp (data, magic, magic_length) == 0;
}

static gboolean
contains (const guint8 *data, gsize length, const char *needle)
{
  return length > 0 && memmem (data, length, needle, strlen (needle)) != NULL;
}

/* Zip archives name their parts in clear, in the local headers at the
 * front and again in the central directory at the end. */
static TdFileKind
classify_zip (const guint8 *head, gsize head_length, const guint8 *tail, gsize tail_length)
{
  const guint8 *parts[] = { head, tail };
  const gsize lengths[] = { head_length, tail_length };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (contains (parts[i], lengths[i], "opendocument.spreadsheet"))
        return TD_FILE_ODS;
      if (contains (parts[i], lengths[i], "application/vnd.oasis.opendocument"))
        return TD_FILE_ODT;
      if (contains (parts[i], lengths[i], "xl/workbook")
          || contains (parts[i], lengths[i], "xl/worksheets/")
          || contains (parts[i], lengths[i], "xl/_rels/"))
        return TD_FILE_XLSX;
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (contains (parts[i], lengths[i], "[Content_Types].xml"))
      return TD_FILE_DOCX;
  return TD_FILE_ZIP;
}

static gboolean
is_image (const guint8 *d, gsize n)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };
  static const guint8 tiff_le[] = { 'I', 'I', 42, 0 };
  static const guint8 tiff_be[] = { 'M', 'M', 0, 42 };

  if (starts_with (d, n, png, sizeof png) || starts_with (d, n, jpeg, sizeof jpeg)
      || starts_with (d, n, "GIF87a", 6) || starts_with (d, n, "GIF89a", 6)
      || starts_with (d, n, tiff_le, sizeof tiff_le) || starts_with (d, n, tiff_be, sizeof tiff_be))
    return TRUE;
  if (n >= 12 && memcmp (d, "RIFF", 4) == 0 && memcmp (d + 8, "WEBP", 4) == 0)
    return TRUE;
  if (n >= 12 && memcmp (d + 4, "ftyp", 4) == 0
      && (memcmp (d + 8, "heic", 4) == 0 || memcmp (d + 8, "heix", 4) == 0
          || memcmp (d + 8, "mif1", 4) == 0 || memcmp (d + 8, "avif", 4) == 0))
    return TRUE;
  /* BMP: "BM", then the size of the info header at offset 14. */
  if (n >= 18 && d[0] == 'B' && d[1] == 'M')
    {
      guint32 info = d[14] | d[15] << 8 | (guint32)d[16] << 16 | (guint32)d[17] << 24;
      return info == 12 || info == 40 || info == 52 || info == 56 || info == 108 || info == 124;
    }
  return FALSE;
}

static gboolean
is_markup (const guint8 *d, gsize n)
{
  gsize i = 0;
  gchar start[16] = { 0 };

  if (starts_with (d, n, "\xef\xbb\xbf", 3))
    i = 3;
  while (i < n && g_ascii_isspace (d[i]))
    i++;
  for (gsize k = 0; k + 1 < sizeof start && i + k < n; k++)
    start[k] = g_ascii_tolower (d[i + k]);
  return g_str_has_prefix (start, "<!doctype html") || g_str_has_prefix (start, "<html")
         || g_str_has_prefix (start, "<table") || g_str_has_prefix (start, "<?xml");
}

static TdFileKind
classify (const guint8 *head, gsize head_length, const guint8 *tail, gsize tail_length)
{
  static const guint8 ole2[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  gsize control = 0;

  if (head_length == 0)
    return TD_FILE_EMPTY;
  if (starts_with (head, head_length, "PK\x03\x04", 4)
      || starts_with (head, head_length, "PK\x05\x06", 4)
      || starts_with (head, head_length, "PK\x07\x08", 4))
    return classify_zip (head, head_length, tail, tail_length);
  if (starts_with (head, head_length, ole2, sizeof ole2))
    return TD_FILE_OLE2;
  if (memmem (head, MIN (head_length, 1024), "%PDF-", 5) != NULL)
    return TD_FILE_PDF;
  if (is_image (head, head_length))
    return TD_FILE_IMAGE;
  if (starts_with (head, head_length, "\xff\xfe", 2)
      || starts_with (head, head_length, "\xfe\xff", 2))
    return TD_FILE_UTF16;
  if (is_markup (head, head_length))
    return TD_FILE_HTML;
  /* Text has no NUL and few control characters; a file of only
   * whitespace is as good as empty. */
  for (gsize i = 0; i < head_length; i++)
    {
      guint8 c = head[i];
      if (c == 0)
        return TD_FILE_BINARY;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
        control++;
    }
  if (control * 20 > head_length)
    return TD_FILE_BINARY;
  for (gsize i = 0; i < head_length; i++)
    if (!g_ascii_isspace (head[i]))
      return TD_FILE_TEXT;
  return head_length < TD_SNIFF_HEAD ? TD_FILE_EMPTY : TD_FILE_TEXT;
}

TdFileKind
td_sniff_data (const guint8 *data, gsize length)
{
  gsize head = MIN (length, TD_SNIFF_HEAD);
  gsize tail = MIN (length, TD_SNIFF_HEAD);

  return classify (data, head, data + length - tail, tail);
}

gboolean
td_sniff_file (const char *path, TdFileKind *kind, GError **error)
{
  g_autofree guint8 *head = g_malloc (TD_SNIFF_HEAD);
  g_autofree guint8 *tail = NULL;
  g_autofree gchar *name = g_filename_display_basename (path);
  gsize head_length, tail_length = 0;
  FILE *f = g_fopen (path, "rb");
  int saved;

  if (f == NULL)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _ ("Could not open “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }
  head_length = fread (head, 1, TD_SNIFF_HEAD, f);
  if (ferror (f))
    {
      saved = errno;
      fclose (f);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _ ("Could not read “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }
  /* A zip names all its parts in the directory at its end. */
  if (head_length == TD_SNIFF_HEAD && starts_with (head, head_length, "PK", 2)
      && fseeko (f, -(off_t)TD_SNIFF_HEAD, SEEK_END) == 0)
    {
      tail = g_malloc (TD_SNIFF_HEAD);
      tail_length = fread (tail, 1, TD_SNIFF_HEAD, f);
    }
  fclose (f);
  *kind = classify (head, head_length, tail, tail_length);
  return TRUE;
}

static const char *const file_kind_labels[] = {
  [TD_FILE_EMPTY] = N_ ("an empty file"),
  [TD_FILE_TEXT] = N_ ("a text file"),
  [TD_FILE_UTF16] = N_ ("a text file in UTF-16 (“Unicode text”)"),
  [TD_FILE_HTML] = N_ ("a web page (HTML) or XML file"),
  [TD_FILE_XLSX] = N_ ("an Excel workbook (.xlsx)"),
  [TD_FILE_DOCX] = N_ ("a Word document (.docx) or another Office file"),
  [TD_FILE_ODS] = N_ ("an OpenDocument spreadsheet (.ods)"),
  [TD_FILE_ODT] = N_ ("an OpenDocument text (.odt) or another OpenDocument file"),
  [TD_FILE_ZIP] = N_ ("a zip archive"),
  [TD_FILE_OLE2] = N_ ("an Excel 97–2003 workbook (.xls) or Word 97–2003 document (.doc)"),
  [TD_FILE_PDF] = N_ ("a PDF document"),
  [TD_FILE_IMAGE] = N_ ("a picture"),
  [TD_FILE_BINARY] = N_ ("a binary file (not text)"),
};

TD_ENUM_DEFINE_LABEL (TdFileKind, td_file_kind_describe, file_kind_labels, TD_FILE_BINARY);

/* What to do with a file of @kind when @expect was wanted. */
static const char *
advice (TdFileKind kind, TdSniffExpect expect)
{
  if (expect == TD_EXPECT_TEXT_TABLE)
    switch (kind)
      {
      case TD_FILE_EMPTY:
        return _ ("Choose the file that holds the list.");
      case TD_FILE_UTF16:
      case TD_FILE_HTML:
      case TD_FILE_XLSX:
      case TD_FILE_ODS:
      case TD_FILE_OLE2:
        return _ ("Open it in Excel or LibreOffice and save the list as “CSV UTF-8”, then import "
                  "that file; or copy the rows and use Paste a List.");
      default:
        return _ ("Import a CSV or tab-separated text file with one unit per line, or copy the "
                  "rows and use Paste a List.");
      }
  switch (kind)
    {
    case TD_FILE_EMPTY:
      return _ ("Ask the member to send the filled form again.");
    case TD_FILE_OLE2:
    case TD_FILE_ODS:
      return _ ("Open it in Excel or LibreOffice and save it as “Excel Workbook (.xlsx)” without "
                "changing the sheets, then import that file.");
    case TD_FILE_IMAGE:
    case TD_FILE_PDF:
      return _ ("A picture or a printout of a form cannot be read. Ask the member for the .xlsx "
                "file, or type the scores in the Scores section.");
    default:
      return _ ("Import the self-score form (.xlsx) the member filled in.");
    }
}

gboolean
td_sniff_expect (TdFileKind kind, TdSniffExpect expect, const char *display_name, GError **error)
{
  const char *wanted;

  if (expect == TD_EXPECT_TEXT_TABLE && kind == TD_FILE_TEXT)
    return TRUE;
  if (expect == TD_EXPECT_XLSX && kind == TD_FILE_XLSX)
    return TRUE;
  wanted = expect == TD_EXPECT_TEXT_TABLE ? _ ("a CSV or tab-separated text file")
                                          : _ ("a self-score form (.xlsx)");
  /* Translators: “file” is (what the file is), not (what was expected). (What to do.) */
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("“%s” is %s, not %s. %s"), display_name,
               td_file_kind_describe (kind), wanted, advice (kind, expect));
  return FALSE;
}
