/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A criteria table from a file, as offices send them: tab-separated text
 * (what the clipboard holds, or Excel's "Unicode Text", which is UTF-16),
 * CSV with commas or semicolons, or HTML (a document saved as a web
 * page).  The file is untrusted: it is sniffed (a zip, an image or a
 * binary is refused with what it is), bounded in size, and checked to be
 * text before the paste reader sees it. */
#include "config.h"

#include "td-criteria-paste.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_FILE (16 * 1024 * 1024)

static gboolean
refuse (GError **error, const char *name, const char *what)
{
  /* Translators: first %s is the file name, second what it is */
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
               _ ("“%s” is %s, not a table. Give a table as tab-separated text (copied from Word "
                  "or Excel), CSV, HTML or an Excel workbook (.xlsx)."),
               name, what);
  return FALSE;
}

/* What a file's first bytes say it is, for a message; NULL for text. */
static const char *
sniff_binary (const guint8 *data, gsize len)
{
  if (len >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    return _ ("a zip archive (an Excel, Word or OpenDocument file)");
  if (len >= 8 && memcmp (data, "\320\317\021\340\241\261\032\341", 8) == 0)
    return _ ("an old Office file (.xls or .doc): save it as .xlsx or copy the table");
  if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return _ ("a PDF document: copy the table from it");
  if ((len >= 8 && memcmp (data, "\211PNG\r\n\032\n", 8) == 0)
      || (len >= 3 && memcmp (data, "\377\330\377", 3) == 0)
      || (len >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0)))
    return _ ("an image");
  if (len >= 16 && memcmp (data, "SQLite format 3", 16) == 0)
    return _ ("a database");
  if (len >= 5 && memcmp (data, "{\\rtf", 5) == 0)
    return _ ("an RTF document: open it and copy the table");
  return NULL;
}

/* CSV (comma or semicolon, Excel's quoting) to tab-separated rows, quoted
 * cells kept quoted for the paste reader. */
static gchar *
csv_to_tsv (const char *text)
{
  guint commas = 0, semicolons = 0, lines = 0;
  gboolean quoted = FALSE;
  char sep;
  GString *out = g_string_new ("");

  /* The separator that appears outside quotes on the first lines. */
  for (const char *p = text; *p && lines < 20; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == '\n')
        lines++;
    }
  sep = semicolons > commas ? ';' : ',';
  quoted = FALSE;
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      if (!quoted && *p == sep)
        g_string_append_c (out, '\t');
      else if (quoted && *p == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

gchar *
td_paste_text_from_file (const char *data, gsize len, const char *file_name, GError **error)
{
  const guint8 *bytes = (const guint8 *)data;
  g_autofree gchar *utf8 = NULL;
  g_autofree gchar *lower = g_ascii_strdown (file_name ? file_name : "", -1);
  const char *what;
  const char *text;

  if (len == 0)
    {
      refuse (error, file_name, _ ("empty"));
      return NULL;
    }
  if (len > MAX_FILE)
    {
      refuse (error, file_name, _ ("larger than any scoring table (over 16 MB)"));
      return NULL;
    }
  what = sniff_binary (bytes, len);
  if (what != NULL)
    {
      refuse (error, file_name, what);
      return NULL;
    }
  /* Excel's "Unicode Text" is UTF-16 with a byte order mark. */
  if (len >= 2
      && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    {
      utf8 = g_convert (data + 2, len - 2, "UTF-8", bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                        NULL, NULL, NULL);
      if (utf8 == NULL)
        {
          refuse (error, file_name, _ ("UTF-16 text that cannot be read"));
          return NULL;
        }
      text = utf8;
    }
  else
    {
      if (memchr (data, '\0', len) != NULL)
        {
          refuse (error, file_name, _ ("a binary file"));
          return NULL;
        }
      if (!g_utf8_validate (data, len, NULL))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("“%s” is not UTF-8 text. Save it as UTF-8 (in Excel: CSV UTF-8, or "
                          "Unicode Text) and try again."),
                       file_name);
          return NULL;
        }
      utf8 = g_strndup (data, len);
      text = utf8;
      if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
        text += 3;
    }
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm")
      || (g_strstr_len (text, 4096, "<table") != NULL && g_strstr_len (text, 512, "<") != NULL
          && strchr (text, '\t') == NULL))
    return td_paste_html_to_text (text, error);
  if (g_str_has_suffix (lower, ".csv") && strchr (text, '\t') == NULL)
    return csv_to_tsv (text);
  return g_strdup (text);
}
