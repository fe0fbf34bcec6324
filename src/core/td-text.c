/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Vietnamese-aware text helpers.
 *
 * Sorting follows the locale's collation (g_utf8_collate), so that "Đ" sorts
 * after "D" and not after "Z" as byte order would have it.  Searching folds
 * both sides: case, diacritics and the letter đ are removed, so "so y te"
 * finds "Sở Y tế" and "dak lak" finds "Đắk Lắk". */
#include "td-text.h"

#include <string.h>

/* GLib's UTF-8 functions read past the end of text that is not valid
 * UTF-8 (a name of raw bytes in a database made elsewhere, a hostile
 * paste): every function here first makes its input valid, bad bytes
 * becoming U+FFFD, so that nothing can go wrong however it is reached. */
gchar *
td_text_make_valid (const char *text, gssize length)
{
  if (text == NULL)
    return NULL;
  if (length < 0)
    length = (gssize)strlen (text);
  /* Up to the first NUL: C strings end there. */
  length = (gssize)strnlen (text, (gsize)length);
  if (g_utf8_validate_len (text, (gsize)length, NULL))
    return g_strndup (text, (gsize)length);
  return g_utf8_make_valid (text, length);
}

/* @text itself when valid, else a repaired copy kept in @keep. */
static const char *
valid_or_repaired (const char *text, gchar **keep)
{
  *keep = NULL;
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;
  *keep = td_text_make_valid (text, -1);
  return *keep;
}

gchar *
td_text_fold (const char *text)
{
  g_autofree gchar *decomposed = NULL;
  g_autofree gchar *repaired = NULL;
  GString *out;

  text = valid_or_repaired (text, &repaired);
  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK
          || type == G_UNICODE_ENCLOSING_MARK)
        continue;
      /* Đ and đ do not decompose: they are letters of their own. */
      if (c == 0x0110 || c == 0x0111)
        c = 'd';
      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* Every word of @needle must occur in @haystack_folded (already folded). */
gboolean
td_text_matches (const char *haystack_folded, const char *needle)
{
  g_autofree gchar *folded = td_text_fold (needle);
  g_auto (GStrv) words = g_strsplit (folded, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (haystack_folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

gint
td_text_collate (const char *a, const char *b)
{
  g_autofree gchar *keep_a = NULL;
  g_autofree gchar *keep_b = NULL;
  const char *va = valid_or_repaired (a ? a : "", &keep_a);
  const char *vb = valid_or_repaired (b ? b : "", &keep_b);
  gint r = g_utf8_collate (va, vb);

  /* Collation may call different strings equal; keep the order total. */
  return r != 0 ? r : g_strcmp0 (a, b);
}

/* Trims and collapses runs of white space, as pasted text often has. */
gchar *
td_text_normalize_space (const char *text)
{
  g_autofree gchar *repaired = NULL;
  GString *out = g_string_new (NULL);

  text = valid_or_repaired (text, &repaired);
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

void
td_text_append_tsv_cell (GString *out, guint column, const char *cell, gboolean quote)
{
  if (column > 0)
    g_string_append_c (out, '\t');
  if (quote)
    {
      g_auto (GStrv) parts = g_strsplit (cell, "\"", -1);
      g_autofree gchar *doubled = g_strjoinv ("\"\"", parts);

      g_string_append_printf (out, "\"%s\"", doubled);
    }
  else
    g_string_append (out, cell);
}
