/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A table copied from LibreOffice Writer (or a web page) reaches the
 * clipboard as HTML; its plain text puts every cell on a line of its own,
 * which loses the table.  This reads the first <table> of the HTML into
 * the tab-separated rows the paste reader takes: cells merged over rows
 * (rowspan) or columns (colspan) leave empty cells where they extend,
 * paragraphs and line breaks inside a cell become spaces, entities are
 * decoded.  The HTML is untrusted: its size is bounded, unknown tags and
 * scripts are ignored, and the output is always valid UTF-8. */
#include "config.h"

#include "td-criteria-paste.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_HTML (8 * 1024 * 1024)
#define MAX_COLUMNS 64
#define MAX_SPAN 200

typedef struct
{
  GPtrArray *rows;   /* GPtrArray* of gchar* cells */
  GPtrArray *row;    /* the row being read, NULL outside <tr> */
  GString *cell;     /* the cell being read, NULL outside <td> */
  gint cell_colspan; /* of the cell being read */
  gint cell_rowspan;
  gint pending[MAX_COLUMNS]; /* rows still covered by a rowspan above, per column */
  gint depth;                /* nested tables: only the outer one's cells count */
} Reader;

static const struct
{
  const char *name;
  const char *text;
} entities[] = {
  { "amp", "&" },   { "lt", "<" },    { "gt", ">" },    { "quot", "\"" },  { "apos", "'" },
  { "nbsp", " " },  { "ndash", "–" }, { "mdash", "—" }, { "hellip", "…" }, { "ldquo", "“" },
  { "rdquo", "”" }, { "lsquo", "‘" }, { "rsquo", "’" }, { "laquo", "«" },  { "raquo", "»" },
  { "bull", "•" },  { "ge", "≥" },    { "le", "≤" },    { "minus", "−" },  { "times", "×" },
};

/* Appends the entity at p ("&amp;", "&#273;", "&#x111;") and returns what
 * follows it; an unknown one is kept as text. */
static const char *
decode_entity (const char *p, GString *out)
{
  const char *semicolon = strchr (p, ';');
  gsize n;

  if (semicolon == NULL || semicolon - p > 10)
    {
      g_string_append_c (out, '&');
      return p + 1;
    }
  n = semicolon - p - 1;
  if (p[1] == '#')
    {
      gboolean hex = p[2] == 'x' || p[2] == 'X';
      g_autofree gchar *digits = g_strndup (p + (hex ? 3 : 2), n - (hex ? 2 : 1));
      gchar *end = NULL;
      guint64 c = g_ascii_strtoull (digits, &end, hex ? 16 : 10);

      if (end != NULL && *end == '\0' && *digits && c > 0 && c < 0x110000
          && g_unichar_validate ((gunichar)c))
        {
          if (c == 0xA0)
            c = ' ';
          g_string_append_unichar (out, (gunichar)c);
          return semicolon + 1;
        }
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
      if (strlen (entities[i].name) == n && strncmp (p + 1, entities[i].name, n) == 0)
        {
          g_string_append (out, entities[i].text);
          return semicolon + 1;
        }
  g_string_append_c (out, '&');
  return p + 1;
}

/* The value of attribute name in a tag's text ("colspan=3", "rowspan="2""). */
static gint
span_of (const char *tag, const char *name)
{
  g_autofree gchar *lower = g_ascii_strdown (tag, -1);
  const char *at = strstr (lower, name);
  gint64 v;

  if (at == NULL)
    return 1;
  at += strlen (name);
  while (*at == ' ')
    at++;
  if (*at != '=')
    return 1;
  at++;
  while (*at == ' ' || *at == '"' || *at == '\'')
    at++;
  v = g_ascii_strtoll (at, NULL, 10);
  return (gint)CLAMP (v, 1, MAX_SPAN);
}

static void
add_empty_cells (Reader *r)
{
  /* Cells covered by a rowspan from above come before the next real one. */
  while (r->row->len < MAX_COLUMNS && r->pending[r->row->len] > 0)
    {
      r->pending[r->row->len]--;
      g_ptr_array_add (r->row, g_strdup (""));
    }
}

static void
end_cell (Reader *r)
{
  gchar *text;
  guint column;

  if (r->cell == NULL || r->row == NULL)
    {
      if (r->cell)
        g_string_free (r->cell, TRUE);
      r->cell = NULL;
      return;
    }
  add_empty_cells (r);
  column = r->row->len;
  text = g_string_free (r->cell, FALSE);
  r->cell = NULL;
  /* Tabs and line breaks inside a cell become spaces; the reader trims. */
  g_strdelimit (text, "\t\r\n", ' ');
  g_ptr_array_add (r->row, g_strstrip (text));
  for (gint i = 0; i < r->cell_colspan; i++)
    {
      if (column + i < MAX_COLUMNS && r->cell_rowspan > 1)
        r->pending[column + i] = MAX (r->pending[column + i], r->cell_rowspan - 1);
      if (i > 0 && r->row->len < MAX_COLUMNS)
        g_ptr_array_add (r->row, g_strdup (""));
    }
}

static void
end_row (Reader *r)
{
  end_cell (r);
  if (r->row == NULL)
    return;
  add_empty_cells (r);
  /* Columns still covered further right. */
  for (guint c = r->row->len; c < MAX_COLUMNS; c++)
    if (r->pending[c] > 0)
      {
        while (r->row->len < c)
          g_ptr_array_add (r->row, g_strdup (""));
        r->pending[c]--;
        g_ptr_array_add (r->row, g_strdup (""));
      }
  g_ptr_array_add (r->rows, r->row);
  r->row = NULL;
}

static void
append_text (Reader *r, const char *text, gsize len)
{
  if (r->cell == NULL || r->depth != 1)
    return;
  for (const char *p = text; p < text + len;)
    {
      if (*p == '&')
        p = decode_entity (p, r->cell);
      else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          if (r->cell->len > 0 && r->cell->str[r->cell->len - 1] != ' ')
            g_string_append_c (r->cell, ' ');
          p++;
        }
      else
        g_string_append_c (r->cell, *p++);
    }
}

static gboolean
tag_is (const char *tag, gsize len, const char *name)
{
  gsize n = strlen (name);

  return len >= n && g_ascii_strncasecmp (tag, name, n) == 0
         && (len == n || tag[n] == ' ' || tag[n] == '>' || tag[n] == '/' || tag[n] == '\t'
             || tag[n] == '\n' || tag[n] == '\r');
}

gchar *
td_paste_html_to_text (const char *html, GError **error)
{
  Reader r = { 0 };
  GString *out;
  const char *p;
  gboolean found = FALSE;

  if (html == NULL || strlen (html) > MAX_HTML || !g_utf8_validate (html, -1, NULL))
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _ ("The copied table could not be read (it is not valid text or is "
                              "too large)."));
      return NULL;
    }
  r.rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (p = html; *p;)
    {
      const char *close;
      gboolean end;
      const char *name;
      gsize len;

      if (*p != '<')
        {
          const char *next = strchr (p, '<');
          gsize n = next ? (gsize)(next - p) : strlen (p);
          append_text (&r, p, n);
          p += n;
          continue;
        }
      if (strncmp (p, "<!--", 4) == 0)
        {
          const char *comment_end = strstr (p + 4, "-->");
          p = comment_end ? comment_end + 3 : p + strlen (p);
          continue;
        }
      close = strchr (p, '>');
      if (close == NULL)
        break;
      end = p[1] == '/';
      name = p + (end ? 2 : 1);
      len = close - name;
      if (!end && (tag_is (name, len, "script") || tag_is (name, len, "style")))
        {
          const char *stop = strstr (close, tag_is (name, len, "script") ? "</script" : "</style");
          p = stop ? stop : p + strlen (p);
          continue;
        }
      if (tag_is (name, len, "table"))
        {
          if (end)
            {
              if (r.depth == 1)
                {
                  end_row (&r);
                  r.depth = 0;
                  break; /* the first table is the one pasted */
                }
              r.depth--;
            }
          else
            {
              r.depth++;
              found = TRUE;
            }
        }
      else if (r.depth == 1 && tag_is (name, len, "tr"))
        {
          end_row (&r);
          if (!end)
            r.row = g_ptr_array_new_with_free_func (g_free);
        }
      else if (r.depth == 1 && (tag_is (name, len, "td") || tag_is (name, len, "th")))
        {
          end_cell (&r);
          if (!end)
            {
              g_autofree gchar *tag = g_strndup (name, len);

              if (r.row == NULL)
                r.row = g_ptr_array_new_with_free_func (g_free);
              r.cell = g_string_new ("");
              r.cell_colspan = span_of (tag, "colspan");
              r.cell_rowspan = span_of (tag, "rowspan");
            }
        }
      else if (r.cell != NULL && r.depth == 1
               && (tag_is (name, len, "br") || tag_is (name, len, "p") || tag_is (name, len, "div")
                   || tag_is (name, len, "li")))
        append_text (&r, " ", 1);
      p = close + 1;
    }
  end_row (&r);
  if (r.cell)
    g_string_free (r.cell, TRUE);

  if (!found || r.rows->len == 0)
    {
      g_ptr_array_unref (r.rows);
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _ ("The copied text holds no table. Select the rows of the table and "
                              "copy them again."));
      return NULL;
    }
  out = g_string_new ("");
  for (guint i = 0; i < r.rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (r.rows, i);

      for (guint c = 0; c < row->len; c++)
        {
          const char *cell = g_ptr_array_index (row, c);

          /* A cell starting with a quote would read as a quoted cell. */
          td_text_append_tsv_cell (out, c, cell, cell[0] == '"');
        }
      g_string_append_c (out, '\n');
    }
  g_ptr_array_unref (r.rows);
  return g_string_free (out, FALSE);
}
