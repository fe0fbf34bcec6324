/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pasting a criteria table: the text into rows and cells, the column
 * headers, each row's code, figures and phrases, the clerk's choices, and
 * the table at the end.  What the rows mean together (the tree, the rules,
 * notes and checks) is worked out in td-paste-interpret.c.
 *
 * The reader never refuses a table: it makes its best reading of every
 * row and says what it assumed, so the clerk only fixes the rows that need
 * it.  Its input is untrusted: the text is checked to be UTF-8 and its size
 * bounded before anything reads it. */
#include "config.h"

#include "td-paste-private.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A pasted table is a few hundred rows; this is far beyond any real one
 * and keeps a hostile paste from holding the window for long. */
#define MAX_TEXT (4 * 1024 * 1024)
#define MAX_ROWS 5000
#define MAX_CELL 4000

static void
info_free (TdPasteRowInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->code);
  g_strfreev (info->path);
  g_free (info->cell_problems);
  g_free (info->folded);
  g_clear_pointer (&info->size_brackets, g_ptr_array_unref);
  g_clear_pointer (&info->own_brackets, g_ptr_array_unref);
  g_clear_pointer (&info->own_options, g_ptr_array_unref);
  g_free (info->named_code);
  g_clear_pointer (&info->figures, g_array_unref);
  g_free (info);
}

static void
row_free (TdPasteRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < TD_PASTE_N_COLS; i++)
    g_free (row->cells[i]);
  g_array_unref (row->targets);
  td_criterion_free (row->criterion);
  g_ptr_array_unref (row->part_brackets);
  g_free (row->note_exemption);
  g_free (row->problems);
  g_free (row->interpretation);
  info_free (ROW_INFO (row));
  g_free (row);
}

static void
bracket_free (TdRuleOption *o)
{
  if (o == NULL)
    return;
  g_free (o->label);
  g_free (o);
}

static TdPasteRow *
row_new (guint line)
{
  TdPasteRow *row = g_new0 (TdPasteRow, 1);
  TdPasteRowInfo *info = g_new0 (TdPasteRowInfo, 1);

  row->line = line;
  row->targets = g_array_new (FALSE, FALSE, sizeof (gint));
  row->part_brackets = g_ptr_array_new_with_free_func ((GDestroyNotify)bracket_free);
  row->criterion = td_criterion_new (TD_RULE_GROUP);
  row->note_exemption = g_strdup ("");
  row->problems = g_strdup ("");
  row->interpretation = g_strdup ("");
  row->parent = -1;
  row->owner = -1;
  info->forced_role = -1;
  info->forced_kind = -1;
  info->forced_owner = -1;
  info->cell_problems = g_strdup ("");
  info->folded = g_strdup ("");
  info->code = g_strdup ("");
  row->priv = info;
  return row;
}

void
td_paste_preview_free (TdPastePreview *preview)
{
  if (preview == NULL)
    return;
  g_ptr_array_unref (preview->rows);
  g_free (preview);
}

/* Codes */

static const char roman_letters[] = "ivxlcdm";

static gint
roman_value (const char *s)
{
  gint total = 0, previous = 0;
  gsize n = strlen (s);

  for (gssize i = (gssize)n - 1; i >= 0; i--)
    {
      gint v;
      switch (g_ascii_tolower (s[i]))
        {
        case 'i':
          v = 1;
          break;
        case 'v':
          v = 5;
          break;
        case 'x':
          v = 10;
          break;
        case 'l':
          v = 50;
          break;
        case 'c':
          v = 100;
          break;
        case 'd':
          v = 500;
          break;
        case 'm':
          v = 1000;
          break;
        default:
          return 0;
        }
      total += v < previous ? -v : v;
      previous = MAX (previous, v);
    }
  return total;
}

/* The code without words like "Tiêu chuẩn", a trailing "." or ")" and
 * spaces. */
static gchar *
clean_code (const char *code)
{
  static const char *prefixes[]
      = { "tieu chuan ", "tieu chi ", "phan ", "muc ", "noi dung ", "chuong ", "dieu ", "khoan " };
  /* Word brings non-breaking and doubled spaces; folding collapses them,
   * so the text must be collapsed the same way before counting. */
  g_autofree gchar *normalized = td_text_normalize_space (code);
  g_autofree gchar *folded = td_text_fold (normalized);
  gchar *c = g_strdup (normalized);
  gsize len;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (folded, prefixes[i]))
      {
        /* Folding keeps one character per letter, so count characters. */
        glong n = g_utf8_strlen (prefixes[i], -1);
        gchar *rest = g_strstrip (g_strdup (g_utf8_offset_to_pointer (c, n)));
        g_free (c);
        c = rest;
        break;
      }
  len = strlen (c);
  while (len > 0 && (c[len - 1] == '.' || c[len - 1] == ')' || c[len - 1] == ':'))
    c[--len] = '\0';
  if (c[0] == '(')
    memmove (c, c + 1, len--);
  return c;
}

GStrv
td_paste_code_path (const char *raw, gboolean *upper)
{
  g_autofree gchar *code = clean_code (raw ? raw : "");
  g_autoptr (GStrvBuilder) parts = g_strv_builder_new ();
  const char *p = code;
  gboolean any = FALSE;

  if (upper)
    *upper = g_ascii_isupper (*p) || g_str_has_prefix (p, "Đ");
  if (*p == '\0' || strlen (code) > 24)
    return NULL;
  /* A letter ("a", "đ", "C") or a Roman numeral ("II", "iv") first … */
  if (g_str_has_prefix (p, "đ") || g_str_has_prefix (p, "Đ"))
    {
      g_strv_builder_add (parts, "đ");
      p += strlen ("đ");
      any = TRUE;
    }
  else if (g_ascii_isalpha (*p))
    {
      const char *start = p;
      g_autofree gchar *letters = NULL;

      while (g_ascii_isalpha (*p))
        p++;
      letters = g_ascii_strdown (start, p - start);
      if (p - start > 1
          && (strspn (letters, roman_letters) != strlen (letters) || roman_value (letters) == 0))
        return NULL;
      g_strv_builder_add (parts, letters);
      any = TRUE;
      if (*p == '.')
        p++;
    }
  /* … then numbers separated by dots ("a1.1", "a.7.6", "2.1.1"). */
  while (g_ascii_isdigit (*p))
    {
      const char *start = p;
      g_autofree gchar *digits = NULL;

      while (g_ascii_isdigit (*p))
        p++;
      while (*start == '0' && start + 1 < p)
        start++;
      if (p - start > 6)
        return NULL;
      digits = g_strndup (start, p - start);
      g_strv_builder_add (parts, digits);
      any = TRUE;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        p++;
    }
  if (*p != '\0' || !any)
    return NULL;
  return g_strv_builder_end (parts);
}

gboolean
td_paste_path_equal (const char *const *a, const char *const *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  for (; *a && *b; a++, b++)
    if (g_strcmp0 (*a, *b) != 0)
      return FALSE;
  return *a == NULL && *b == NULL;
}

static gboolean
is_bullet (const char *s)
{
  return g_strcmp0 (s, "-") == 0 || g_strcmp0 (s, "–") == 0 || g_strcmp0 (s, "•") == 0
         || g_strcmp0 (s, "*") == 0 || g_strcmp0 (s, "+") == 0;
}

gint
td_paste_code_level (const char *raw)
{
  g_autofree gchar *code = clean_code (raw ? raw : "");
  g_auto (GStrv) path = NULL;
  gboolean upper = FALSE;
  guint n;

  if (*code == '\0')
    return -1;
  if (is_bullet (code))
    return g_strcmp0 (code, "+") == 0 || g_strcmp0 (code, "*") == 0 ? 41 : 40;
  path = td_paste_code_path (code, &upper);
  if (path == NULL)
    return -2;
  n = g_strv_length (path);
  if (g_ascii_isdigit (path[0][0]))
    return 10 + (gint)n - 1;
  if (n == 1 && strlen (path[0]) > 1 && roman_value (path[0]) > 0)
    return 0; /* "II", "iv" */
  if (n == 1 && upper)
    return roman_value (path[0]) > 0 ? 0 : 5; /* "I", "V" are Roman; "A", "B" parts */
  return 20 + (gint)n - 1;
}

/* "1. Công tác…", "a) Nộp…", "TIÊU CHUẨN 1: …": the code written in the
 * title.  The title is kept whole when the code is a word's ("Tiêu chuẩn
 * 1"), and loses the code otherwise. */
static gboolean
split_code_from_title (const char *title, gchar **code, gchar **rest)
{
  static const char *words[] = { "tieu chuan ", "tieu chi ", "phan ", "muc ", "chuong " };
  g_autofree gchar *folded = td_text_fold (title);
  const char *space = strchr (title, ' ');
  g_autofree gchar *prefix = NULL;
  gsize len;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (folded, words[i]))
      {
        const char *p = folded + strlen (words[i]);
        const char *end = p;
        g_autofree gchar *candidate = NULL;

        while (*end && *end != ' ' && *end != ':' && *end != '.' && *end != ')' && *end != '-')
          end++;
        if (end == p || (*end != ':' && *end != '.' && *end != ')' && *end != '-'))
          return FALSE;
        candidate = g_strndup (p, end - p);
        if (td_paste_code_level (candidate) < 0)
          return FALSE;
        /* Keep the case of the original ("II", "C"). */
        *code = g_utf8_strup (candidate, -1);
        if (g_ascii_isdigit (candidate[0]))
          {
            g_free (*code);
            *code = g_strdup (candidate);
          }
        *rest = g_strdup (title);
        return TRUE;
      }
  if (space == NULL || space == title)
    return FALSE;
  prefix = g_strndup (title, space - title);
  len = strlen (prefix);
  /* Only with punctuation ("a)", "1.", "I.") or a dotted number
   * ("1.2 …"): a bare word such as "a" may just be text. */
  if (!(prefix[len - 1] == '.' || prefix[len - 1] == ')' || strchr (prefix, '.') != NULL))
    return FALSE;
  if (td_paste_code_level (prefix) < 0 || td_paste_code_level (prefix) >= 40)
    return FALSE;
  *code = clean_code (prefix);
  *rest = g_strstrip (g_strdup (space));
  return **rest != '\0';
}

/* Splitting the text into rows and cells */

/* Tab-separated, with Excel's quoting: a quoted cell may hold tabs,
 * newlines and doubled quotes. */
static GPtrArray *
split_rows (const char *text, char sep)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new ("");
  gboolean at_cell_start = TRUE;

  for (const char *p = text;; p++)
    {
      if (at_cell_start && *p == '"')
        {
          const char *q = p + 1;
          GString *quoted = g_string_new ("");
          gboolean closed = FALSE;

          for (; *q; q++)
            {
              if (*q == '"' && q[1] == '"')
                g_string_append_c (quoted, '"'), q++;
              else if (*q == '"')
                {
                  closed = TRUE;
                  break;
                }
              else
                g_string_append_c (quoted, *q);
            }
          if (closed && (q[1] == sep || q[1] == '\n' || q[1] == '\r' || q[1] == '\0'))
            {
              /* Newlines inside a cell are line breaks of the text. */
              g_string_append (cell, quoted->str);
              g_string_free (quoted, TRUE);
              p = q;
              at_cell_start = FALSE;
              continue;
            }
          g_string_free (quoted, TRUE);
        }
      at_cell_start = FALSE;
      if (*p == sep || *p == '\n' || *p == '\0' || (*p == '\r'))
        {
          gchar *value = g_strdup (cell->len > MAX_CELL ? "" : cell->str);

          if (cell->len > MAX_CELL)
            {
              /* Keep the start of a huge cell: it is shown, not lost. */
              g_free (value);
              value = g_utf8_make_valid (cell->str, MAX_CELL);
            }
          g_strdelimit (value, "\n\r", ' ');
          g_ptr_array_add (row, g_strstrip (value));
          g_string_truncate (cell, 0);
          at_cell_start = TRUE;
          if (*p != sep)
            {
              g_ptr_array_add (rows, row);
              row = g_ptr_array_new_with_free_func (g_free);
              if (*p == '\r' && p[1] == '\n')
                p++;
            }
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_c (cell, *p);
    }
  g_ptr_array_unref (row);
  g_string_free (cell, TRUE);
  /* A trailing bar ("| a | b |") leaves an empty first/last cell. */
  if (sep == '|')
    for (guint i = 0; i < rows->len; i++)
      {
        GPtrArray *r = g_ptr_array_index (rows, i);
        if (r->len > 1 && *(gchar *)g_ptr_array_index (r, 0) == '\0')
          g_ptr_array_remove_index (r, 0);
        if (r->len > 1 && *(gchar *)g_ptr_array_index (r, r->len - 1) == '\0')
          g_ptr_array_remove_index (r, r->len - 1);
      }
  return rows;
}

/* Column headers */

#define MEANING_IGNORE TD_PASTE_N_COLS
#define MEANING_SIGNED (TD_PASTE_N_COLS + 1)

static gint
header_meaning (const char *cell)
{
  g_autofree gchar *f = td_paste_fold (cell);
  static const char *const ignore[]
      = { "tu cham", "tham dinh",   "khoi cham", "cum cham",   "diem dat", "diem cham",
          "ket qua", "tu danh gia", "danh gia",  "thong nhat", "xep loai" };

  if (g_strcmp0 (f, "stt") == 0 || g_strcmp0 (f, "tt") == 0 || g_strcmp0 (f, "so tt") == 0
      || g_strcmp0 (f, "ma") == 0 || g_strcmp0 (f, "ma so") == 0 || g_strcmp0 (f, "muc") == 0
      || g_strcmp0 (f, "so thu tu") == 0 || g_strcmp0 (f, "ky hieu") == 0
      || g_strcmp0 (f, "ma tieu chi") == 0)
    return TD_PASTE_COL_CODE;
  if (strstr (f, "don vi tham dinh") || strstr (f, "don vi cham") || strstr (f, "phu trach")
      || strstr (f, "co quan tham dinh") || strstr (f, "bo phan"))
    return TD_PASTE_COL_ASSESSOR;
  for (guint i = 0; i < G_N_ELEMENTS (ignore); i++)
    if (strstr (f, ignore[i]))
      return MEANING_IGNORE;
  if (strstr (f, "noi dung") || strstr (f, "tieu chi") || strstr (f, "tieu chuan")
      || g_str_has_prefix (f, "ten ") || strstr (f, "yeu cau") || strstr (f, "linh vuc"))
    return TD_PASTE_COL_TITLE;
  if (strstr (f, "can cu") || strstr (f, "minh chung") || strstr (f, "ghi chu")
      || strstr (f, "huong dan") || strstr (f, "tai lieu") || strstr (f, "phuong phap")
      || strstr (f, "cach cham"))
    return TD_PASTE_COL_GUIDANCE;
  if ((strstr (f, "cong") || strstr (f, "thuong")) && strstr (f, "tru"))
    return MEANING_SIGNED;
  if (strstr (f, "thuong") || strstr (f, "diem cong") || g_strcmp0 (f, "cong") == 0
      || g_str_has_prefix (f, "cong "))
    return TD_PASTE_COL_BONUS;
  if (strstr (f, "tru"))
    return TD_PASTE_COL_DEDUCTION;
  if (strstr (f, "chuan") || strstr (f, "toi da") || g_strcmp0 (f, "diem") == 0
      || strstr (f, "thang diem") || g_strcmp0 (f, "so diem") == 0 || strstr (f, "khung diem")
      || strstr (f, "diem quy dinh") || strstr (f, "diem so"))
    return TD_PASTE_COL_STANDARD;
  return -1;
}

/* A row under the headers numbering the columns: "(1) | (2) | (3)" or
 * "1 | 2 | 3 | 4 | 5". */
static gboolean
is_column_numbers (GPtrArray *cells)
{
  guint n = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      const char *c = g_ptr_array_index (cells, i);
      g_autofree gchar *expect = g_strdup_printf ("%u", n + 1);
      g_autofree gchar *expect_paren = g_strdup_printf ("(%u)", n + 1);

      if (*c == '\0')
        continue;
      if (g_strcmp0 (c, expect) != 0 && g_strcmp0 (c, expect_paren) != 0)
        return FALSE;
      n++;
    }
  return n >= 3;
}

/* Meanings of one header row, by column; FALSE when it is not a header. */
static gboolean
read_header_row (GPtrArray *cells, gint *meanings, guint n_meanings, guint *n_found)
{
  *n_found = 0;
  for (guint i = 0; i < n_meanings; i++)
    meanings[i] = -1;
  for (guint i = 0; i < cells->len && i < n_meanings; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);
      TdPasteCell v;

      if (*cell == '\0')
        continue;
      if (td_paste_read_cell (cell, &v, NULL) && v.present)
        return FALSE;
      meanings[i] = header_meaning (cell);
      if (meanings[i] >= 0)
        (*n_found)++;
      else if (g_utf8_strlen (cell, -1) > 40)
        return FALSE; /* a long text is content, not a header */
    }
  return *n_found > 0;
}

/* Headers over one or two lines (a merged "Điểm" over "Chuẩn | Thưởng |
 * Trừ", or repeated in every column it covers): the lower line says what
 * each column is where it says anything. */
static guint
read_headers (TdPastePreview *preview, GPtrArray *rows, guint *first)
{
  guint width = 0, n_lines = 0, n_meaningful = 0, start = 0;
  g_autofree gint *meanings = NULL;
  g_autofree gint *line = NULL;
  gboolean title = FALSE;

  /* A sheet's title lines above the table ("BẢNG CHẤM ĐIỂM THI ĐUA NĂM
   * 2025", an empty line): one cell at most and no figure. */
  while (start < rows->len && start < 6)
    {
      GPtrArray *cells = g_ptr_array_index (rows, start);
      guint filled = 0;
      guint found;
      g_autofree gint *m = g_new (gint, cells->len + 1);

      for (guint i = 0; i < cells->len; i++)
        filled += *(gchar *)g_ptr_array_index (cells, i) != '\0';
      /* A header line names at least two columns. */
      if (filled > 1 || (filled == 0 && read_header_row (cells, m, cells->len, &found)))
        break;
      if (filled == 1)
        {
          /* A lone cell that is a figure or a code is content. */
          for (guint i = 0; i < cells->len; i++)
            {
              const char *c = g_ptr_array_index (cells, i);
              TdPasteCell v;
              if (*c
                  && ((td_paste_read_cell (c, &v, NULL) && v.present)
                      || td_paste_code_level (c) >= 0))
                filled = 99;
            }
          if (filled == 99)
            break;
        }
      start++;
    }
  for (guint i = start; i < rows->len && i < start + 4; i++)
    width = MAX (width, ((GPtrArray *)g_ptr_array_index (rows, i))->len);
  meanings = g_new (gint, width + 1);
  line = g_new (gint, width + 1);
  for (guint i = 0; i < width; i++)
    meanings[i] = -1;
  for (guint r = start; r < rows->len && r < start + 4; r++)
    {
      guint found;
      GPtrArray *cells = g_ptr_array_index (rows, r);

      if (n_lines > 0 && is_column_numbers (cells))
        {
          n_lines++;
          continue;
        }
      if (!read_header_row (cells, line, width, &found))
        break;
      for (guint i = 0; i < width; i++)
        if (line[i] >= 0)
          meanings[i] = line[i];
      n_lines++;
    }
  if (n_lines == 0)
    return 0;
  for (guint m = 0; m < TD_PASTE_N_COLS; m++)
    preview->columns[m] = -1;
  for (guint i = 0; i < width; i++)
    {
      gint m = meanings[i];

      if (m == MEANING_SIGNED)
        {
          if (preview->columns[TD_PASTE_COL_BONUS] < 0)
            preview->columns[TD_PASTE_COL_BONUS] = (gint)i;
          preview->signed_column = TRUE;
          n_meaningful++;
        }
      else if (m >= 0 && m < TD_PASTE_N_COLS && preview->columns[m] < 0)
        {
          preview->columns[m] = (gint)i;
          n_meaningful++;
          title |= m == TD_PASTE_COL_TITLE;
        }
    }
  if (!title || n_meaningful < 2)
    {
      preview->signed_column = FALSE;
      return 0;
    }
  /* "Điểm cộng/trừ" with a deduction column beside it is not signed. */
  if (preview->columns[TD_PASTE_COL_DEDUCTION] >= 0)
    preview->signed_column = FALSE;
  *first = start;
  return n_lines;
}

/* Without headers: the code column exists when most rows start with a
 * code or nothing and have text after it; the number columns follow the
 * title in the usual order. */
static void
guess_columns (TdPastePreview *preview, GPtrArray *rows)
{
  guint coded = 0, counted = 0, width = 0;
  gint next;

  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *r = g_ptr_array_index (rows, i);
      const char *first = r->len > 0 ? g_ptr_array_index (r, 0) : "";

      width = MAX (width, r->len);
      if (r->len < 2)
        continue;
      counted++;
      if (td_paste_code_level (first) != -2 && *(gchar *)g_ptr_array_index (r, 1) != '\0')
        coded++;
    }
  for (guint i = 0; i < TD_PASTE_N_COLS; i++)
    preview->columns[i] = -1;
  next = 0;
  if (counted > 0 && coded * 2 >= counted && width >= 2)
    preview->columns[TD_PASTE_COL_CODE] = next++;
  preview->columns[TD_PASTE_COL_TITLE] = next++;
  for (gint m = TD_PASTE_COL_STANDARD; m < TD_PASTE_N_EDITABLE && next < (gint)width; m++)
    preview->columns[m] = next++;
}

/* Reading a row */

static void
add_problem (GString *s, const char *line)
{
  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append (s, line);
}

void
td_paste_row_read (TdPastePreview *preview, TdPasteRow *row)
{
  TdPasteRowInfo *info = ROW_INFO (row);
  GString *problems = g_string_new ("");
  g_autofree gchar *title = td_text_normalize_space (row->cells[TD_PASTE_COL_TITLE]);
  g_autofree gchar *code = clean_code (row->cells[TD_PASTE_COL_CODE]);
  const struct
  {
    TdPasteColumn col;
    TdPasteCell *cell;
    const char *name;
  } cols[] = {
    { TD_PASTE_COL_STANDARD, &info->std, N_ ("Standard points") },
    { TD_PASTE_COL_BONUS, &info->bonus, N_ ("Bonus") },
    { TD_PASTE_COL_DEDUCTION, &info->ded, N_ ("Deduction") },
  };
  const char *t;

  g_clear_pointer (&info->path, g_strfreev);
  info->code_bad = FALSE;
  info->cell_refused = FALSE;
  info->bullet = FALSE;
  if (*code == '\0' && *title != '\0')
    {
      gchar *from_title, *rest;

      if (split_code_from_title (title, &from_title, &rest))
        {
          g_free (code);
          code = from_title;
          g_free (title);
          title = rest;
        }
    }
  if (is_bullet (code))
    {
      /* A bullet in the code column: a row without a code. */
      info->bullet = TRUE;
      g_free (code);
      code = g_strdup ("");
    }
  if (*code != '\0')
    {
      info->path = td_paste_code_path (code, &info->code_upper);
      if (info->path == NULL)
        {
          gchar *msg = g_strdup_printf (_ ("“%s” does not look like a code (I, 1, a, a1, 1.2…); "
                                           "the row is read as a row without a code."),
                                        code);
          add_problem (problems, msg);
          g_free (msg);
          info->code_bad = TRUE;
        }
    }
  /* "- Mỗi báo cáo …", "• …": a bullet of the text; "+ 0,1 điểm cho mỗi …"
   * keeps its plus, which is part of what it says. */
  t = title;
  if ((t[0] == '-' || g_str_has_prefix (t, "–") || g_str_has_prefix (t, "•") || t[0] == '*'
       || t[0] == '+')
      && *code == '\0')
    {
      info->bullet = TRUE;
      if (t[0] != '+')
        {
          const char *rest = g_utf8_next_char (t);
          gchar *stripped = g_strstrip (g_strdup (rest));
          g_free (title);
          title = stripped;
        }
    }
  g_free (info->code);
  info->code = g_steal_pointer (&code);
  g_free (row->criterion->code);
  row->criterion->code = g_strdup (info->code_bad || info->path == NULL ? "" : info->code);
  g_free (row->criterion->title);
  row->criterion->title = g_steal_pointer (&title);
  g_free (row->criterion->guidance);
  row->criterion->guidance = td_text_normalize_space (row->cells[TD_PASTE_COL_GUIDANCE]);
  g_free (row->criterion->assessor);
  row->criterion->assessor = td_text_normalize_space (row->cells[TD_PASTE_COL_ASSESSOR]);

  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    {
      g_autoptr (GError) error = NULL;
      const char *cell = row->cells[cols[i].col];

      /* A cell merged across the row and repeated by the copy ("I | CÔNG
       * TÁC CHUYÊN MÔN | CÔNG TÁC CHUYÊN MÔN | …") holds no figure. */
      if (*cell != '\0' && g_strcmp0 (cell, row->cells[TD_PASTE_COL_TITLE]) == 0)
        cell = "";
      if (!td_paste_read_cell (cell, cols[i].cell, &error))
        {
          /* Translators: first %s is the column name, second why its text
           * is not a number of points. */
          gchar *msg = g_strdup_printf (_ ("Column %s: %s."), _ (cols[i].name), error->message);
          add_problem (problems, msg);
          g_free (msg);
          info->cell_refused = TRUE;
        }
    }
  g_free (info->cell_problems);
  info->cell_problems = g_string_free (problems, FALSE);

  /* The phrases of the text, and of a guidance column ("Cách chấm: mỗi
   * báo cáo chậm trừ 0,5 điểm"), which states rules too. */
  g_free (info->folded);
  if (*row->criterion->guidance)
    {
      g_autofree gchar *both
          = g_strconcat (row->criterion->title, " ; ", row->criterion->guidance, NULL);
      info->folded = td_paste_fold (both);
    }
  else
    info->folded = td_paste_fold (row->criterion->title);
  t = info->folded;
  info->has_t_std = td_paste_text_standard (t, &info->t_std);
  info->has_t_ded = td_paste_text_deduction (t, &info->t_ded);
  info->has_t_bonus = td_paste_text_bonus (t, &info->t_bonus);
  info->has_t_cap = td_paste_text_cap (t, &info->t_cap, &info->t_cap_which);
  info->has_t_points = td_paste_text_points (t, &info->t_points);
  info->t_each = td_paste_text_each (t);
  info->t_option_group = td_paste_text_option_group (t);
  info->t_disqualify = td_paste_text_disqualifies (t) || info->std.disqualify
                       || info->bonus.disqualify || info->ded.disqualify;
  info->t_exemption = td_paste_text_exemption (t);
  info->t_guidance = td_paste_text_guidance (t);
  info->t_level = td_paste_text_level (t);
  info->linear = td_paste_text_linear (t, &info->lin_step, &info->lin_rate, &info->lin_deduction,
                                       &info->lin_has_threshold, &info->lin_threshold);
  info->has_range = td_paste_text_range (t, TRUE, &info->range);
  g_clear_pointer (&info->size_brackets, g_ptr_array_unref);
  info->size_brackets = g_ptr_array_new_with_free_func ((GDestroyNotify)bracket_free);
  info->size_class = td_paste_text_size_class (t, &info->size_range, info->size_brackets);
  g_clear_pointer (&info->own_brackets, g_ptr_array_unref);
  info->own_brackets = g_ptr_array_new_with_free_func ((GDestroyNotify)bracket_free);
  if (!info->size_class)
    td_paste_text_brackets (t, info->own_brackets);
  info->own_options = g_ptr_array_new_with_free_func ((GDestroyNotify)bracket_free);
  if (!info->size_class && info->own_brackets->len == 0 && *row->criterion->guidance == '\0')
    td_paste_text_options (row->criterion->title, t, info->own_options);
  info->note_caps
      = td_paste_text_note_caps (t, &info->n_bonus_cap, &info->n_deduction_cap, &info->n_separate);
  g_free (info->named_code);
  info->named_code = td_paste_text_named_code (t);
  g_clear_pointer (&info->figures, g_array_unref);
  info->figures = td_paste_text_figures (t);
  (void)preview;
}

/* Total rows ("Tổng cộng", "Cộng") and empty rows are skipped. */
static gboolean
is_total_row (TdPasteRow *row)
{
  g_autofree gchar *f = td_paste_fold (row->cells[TD_PASTE_COL_TITLE]);
  g_autofree gchar *code = td_paste_fold (row->cells[TD_PASTE_COL_CODE]);

  return g_str_has_prefix (f, "tong cong") || g_strcmp0 (f, "cong") == 0
         || g_strcmp0 (f, "tong so") == 0 || g_str_has_prefix (f, "tong so:")
         || g_str_has_prefix (f, "tong so diem")
         || g_strcmp0 (f, "tong diem") == 0
         /* "Tổng điểm tối đa: 100", not "Tổng điểm cộng không quá 1" (a note) */
         || (g_str_has_prefix (f, "tong diem") && *row->cells[TD_PASTE_COL_CODE] == '\0'
             && *row->cells[TD_PASTE_COL_STANDARD] != '\0'
             && !g_str_has_prefix (f, "tong diem cong") && !g_str_has_prefix (f, "tong diem tru")
             && !g_str_has_prefix (f, "tong diem thuong"))
         || g_strcmp0 (f, "tong") == 0 || g_str_has_prefix (f, "tong:")
         || g_str_has_prefix (f, "tong (") || g_str_has_prefix (code, "tong");
}

static gboolean
is_empty_row (TdPasteRow *row)
{
  for (guint i = 0; i < TD_PASTE_N_COLS; i++)
    if (*row->cells[i] != '\0')
      return FALSE;
  return TRUE;
}

static gboolean
fail_text (GError **error, const char *message)
{
  g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID, message);
  return FALSE;
}

TdPastePreview *
td_paste_parse (const char *text, GError **error)
{
  g_autoptr (TdPastePreview) preview = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gboolean blank = TRUE;
  guint n_header, first = 0;
  char sep;

  for (const char *p = text ? text : ""; *p && blank; p++)
    if (!g_ascii_isspace (*p))
      blank = FALSE;
  if (blank)
    {
      fail_text (error, _ ("There is nothing to paste. Copy the table's rows in Word, Excel or "
                           "LibreOffice first."));
      return NULL;
    }
  if (strlen (text) > MAX_TEXT)
    {
      fail_text (error, _ ("The pasted text is larger than any scoring table (over 4 MB). Copy "
                           "only the rows of the table."));
      return NULL;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      fail_text (error, _ ("The pasted text is not valid Unicode text."));
      return NULL;
    }

  preview = g_new0 (TdPastePreview, 1);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  sep = strchr (text, '\t') == NULL && strchr (text, '|') != NULL ? '|' : '\t';
  rows = split_rows (text, sep);
  if (rows->len > MAX_ROWS)
    {
      fail_text (error, _ ("The pasted text has more than 5,000 rows, more than any scoring "
                           "table. Copy only the rows of the table."));
      return NULL;
    }

  n_header = read_headers (preview, rows, &first);
  if (n_header == 0)
    guess_columns (preview, rows);
  preview->n_header_lines = n_header;

  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, i);
      TdPasteRow *row = row_new (i + 1);

      for (guint m = 0; m < TD_PASTE_N_COLS; m++)
        {
          gint col = preview->columns[m];
          row->cells[m] = g_strdup (col >= 0 && (guint)col < cells->len
                                        ? (const char *)g_ptr_array_index (cells, col)
                                        : "");
        }
      if (n_header > 0 && i < first + n_header)
        row->skip_reason = TD_PASTE_SKIP_HEADER;
      else if (is_empty_row (row))
        row->skip_reason = TD_PASTE_SKIP_EMPTY;
      else if (is_total_row (row))
        {
          TdPasteCell v;
          row->skip_reason = TD_PASTE_SKIP_TOTAL;
          if (td_paste_read_cell (row->cells[TD_PASTE_COL_STANDARD], &v, NULL) && v.present
              && v.value > 0)
            {
              preview->total = v.value;
              preview->total_stated = TRUE;
            }
        }
      td_paste_row_read (preview, row);
      g_ptr_array_add (preview->rows, row);
    }
  /* Trailing empty line of the clipboard: not a row at all. */
  while (preview->rows->len > 0
         && is_empty_row (g_ptr_array_index (preview->rows, preview->rows->len - 1)))
    g_ptr_array_remove_index (preview->rows, preview->rows->len - 1);

  td_paste_interpret (preview);
  return g_steal_pointer (&preview);
}

/* The clerk's choices */

static TdPasteRow *
row_at (TdPastePreview *preview, guint index)
{
  return index < preview->rows->len ? g_ptr_array_index (preview->rows, index) : NULL;
}

void
td_paste_row_set_cells (TdPastePreview *preview, guint row_index, const char *code,
                        const char *title, const char *standard, const char *bonus,
                        const char *deduction)
{
  TdPasteRow *row = row_at (preview, row_index);
  const char *values[TD_PASTE_N_EDITABLE] = { code, title, standard, bonus, deduction };

  g_return_if_fail (row != NULL);
  for (guint m = 0; m < TD_PASTE_N_EDITABLE; m++)
    if (values[m] != NULL)
      {
        g_autofree gchar *valid = g_utf8_make_valid (values[m], -1);
        g_free (row->cells[m]);
        row->cells[m] = g_strstrip (g_strndup (valid, MAX_CELL));
      }
  /* Cells typed by the clerk are content, even where a header was. */
  if (row->skip_reason == TD_PASTE_SKIP_HEADER || row->skip_reason == TD_PASTE_SKIP_EMPTY)
    row->skip_reason = is_empty_row (row) ? TD_PASTE_SKIP_EMPTY : TD_PASTE_SKIP_NONE;
  td_paste_row_read (preview, row);
  td_paste_interpret (preview);
}

gboolean
td_paste_row_set_skipped (TdPastePreview *preview, guint row_index, gboolean skipped,
                          GError **error)
{
  TdPasteRow *row = row_at (preview, row_index);

  g_return_val_if_fail (row != NULL, FALSE);
  if (!skipped && row->skip_reason != TD_PASTE_SKIP_NONE && row->skip_reason != TD_PASTE_SKIP_CLERK)
    {
      /* A header or a total the clerk wants as a row after all. */
      row->skip_reason = TD_PASTE_SKIP_NONE;
    }
  ROW_INFO (row)->forced_skip = skipped;
  td_paste_interpret (preview);
  (void)error;
  return TRUE;
}

gboolean
td_paste_row_set_kind (TdPastePreview *preview, guint row_index, TdRuleKind kind, GError **error)
{
  TdPasteRow *row = row_at (preview, row_index);
  TdPasteRowInfo *info;

  g_return_val_if_fail (row != NULL && kind < TD_RULE_N_KINDS, FALSE);
  info = ROW_INFO (row);
  info->forced_skip = FALSE;
  info->forced_role = TD_PASTE_ROLE_CRITERION;
  info->forced_kind = kind;
  info->forced_owner = -1;
  td_paste_interpret (preview);
  (void)error;
  return TRUE;
}

gboolean
td_paste_row_set_guidance (TdPastePreview *preview, guint row_index, GError **error)
{
  TdPasteRow *row = row_at (preview, row_index);
  TdPasteRowInfo *info;

  g_return_val_if_fail (row != NULL, FALSE);
  info = ROW_INFO (row);
  info->forced_skip = FALSE;
  info->forced_role = TD_PASTE_ROLE_GUIDANCE;
  info->forced_kind = -1;
  info->forced_owner = -1;
  td_paste_interpret (preview);
  (void)error;
  return TRUE;
}

gboolean
td_paste_row_attach_note (TdPastePreview *preview, guint row_index, guint target_index,
                          GError **error)
{
  TdPasteRow *row = row_at (preview, row_index);
  TdPasteRow *target = row_at (preview, target_index);
  TdPasteRowInfo *info;

  g_return_val_if_fail (row != NULL && target != NULL, FALSE);
  if (target->role != TD_PASTE_ROLE_CRITERION || target_index == row_index)
    {
      g_autofree gchar *msg = g_strdup_printf (
          _ ("Line %u is not a criterion, so a note cannot apply to it."), target->line);
      return fail_text (error, msg);
    }
  info = ROW_INFO (row);
  info->forced_skip = FALSE;
  info->forced_role = TD_PASTE_ROLE_NOTE;
  info->forced_kind = -1;
  info->forced_owner = (gint)target_index;
  td_paste_interpret (preview);
  return TRUE;
}

/* The criterion row right above the first of the rows. */
static gint
criterion_above (TdPastePreview *preview, guint first)
{
  for (gint i = (gint)first - 1; i >= 0; i--)
    {
      TdPasteRow *r = g_ptr_array_index (preview->rows, i);

      if (r->role == TD_PASTE_ROLE_CRITERION)
        return i;
      if (r->role != TD_PASTE_ROLE_SKIP && r->owner >= 0)
        return r->owner;
    }
  return -1;
}

static gboolean
make_parts (TdPastePreview *preview, const guint *rows, guint n, TdRuleKind kind, TdPasteRole role,
            GError **error)
{
  gint owner;

  if (n == 0)
    return fail_text (error, _ ("Select the rows to group first."));
  for (guint i = 0; i < n; i++)
    g_return_val_if_fail (rows[i] < preview->rows->len, FALSE);
  owner = criterion_above (preview, rows[0]);
  if (owner < 0)
    return fail_text (error, _ ("There is no criterion above the selected rows to group them "
                                "under."));
  for (guint i = 0; i < n; i++)
    if ((gint)rows[i] == owner)
      return fail_text (error, _ ("The rows to group must be below the criterion they belong "
                                  "to."));
  ROW_INFO ((TdPasteRow *)g_ptr_array_index (preview->rows, owner))->forced_kind = kind;
  ROW_INFO ((TdPasteRow *)g_ptr_array_index (preview->rows, owner))->forced_role
      = TD_PASTE_ROLE_CRITERION;
  for (guint i = 0; i < n; i++)
    {
      TdPasteRowInfo *info = ROW_INFO ((TdPasteRow *)g_ptr_array_index (preview->rows, rows[i]));

      info->forced_skip = FALSE;
      info->forced_role
          = role == TD_PASTE_ROLE_BRACKET && info->size_class ? TD_PASTE_ROLE_SIZE_CLASS : role;
      info->forced_kind = -1;
      info->forced_owner = owner;
    }
  td_paste_interpret (preview);
  return TRUE;
}

gboolean
td_paste_rows_make_options (TdPastePreview *preview, const guint *row_indices, guint n_rows,
                            GError **error)
{
  return make_parts (preview, row_indices, n_rows, TD_RULE_OPTIONS, TD_PASTE_ROLE_OPTION, error);
}

gboolean
td_paste_rows_make_brackets (TdPastePreview *preview, const guint *row_indices, guint n_rows,
                             GError **error)
{
  return make_parts (preview, row_indices, n_rows, TD_RULE_BRACKETS, TD_PASTE_ROLE_BRACKET, error);
}

gboolean
td_paste_rows_make_grades (TdPastePreview *preview, const guint *row_indices, guint n_rows,
                           GError **error)
{
  return make_parts (preview, row_indices, n_rows, TD_RULE_GRADED, TD_PASTE_ROLE_GRADE, error);
}

void
td_paste_row_reset (TdPastePreview *preview, guint row_index)
{
  TdPasteRow *row = row_at (preview, row_index);
  TdPasteRowInfo *info;

  g_return_if_fail (row != NULL);
  info = ROW_INFO (row);
  info->forced_role = -1;
  info->forced_kind = -1;
  info->forced_owner = -1;
  info->forced_skip = FALSE;
  td_paste_interpret (preview);
}

void
td_paste_preview_recheck (TdPastePreview *preview)
{
  td_paste_interpret (preview);
}

/* Counting and building */

static guint
count_rows (const TdPastePreview *preview, gboolean (*match) (const TdPasteRow *))
{
  guint n = 0;

  for (guint i = 0; i < preview->rows->len; i++)
    if (match (g_ptr_array_index (preview->rows, i)))
      n++;
  return n;
}

static gboolean
is_error (const TdPasteRow *row)
{
  return !row->skip && row->status == TD_PASTE_ERROR;
}

static gboolean
is_warning (const TdPasteRow *row)
{
  return !row->skip && row->status == TD_PASTE_WARNING;
}

static gboolean
is_criterion (const TdPasteRow *row)
{
  return row->role == TD_PASTE_ROLE_CRITERION;
}

guint
td_paste_preview_count_errors (const TdPastePreview *preview)
{
  return count_rows (preview, is_error);
}

guint
td_paste_preview_count_warnings (const TdPastePreview *preview)
{
  return count_rows (preview, is_warning);
}

guint
td_paste_preview_count_criteria (const TdPastePreview *preview)
{
  return count_rows (preview, is_criterion);
}

TdCriteriaTable *
td_paste_preview_to_table (const TdPastePreview *preview, GError **error)
{
  g_autoptr (TdCriteriaTable) table = td_criteria_table_new ();
  g_autofree gint *index_of = g_new (gint, preview->rows->len + 1);

  for (guint i = 0; i < preview->rows->len; i++)
    {
      const TdPasteRow *row = g_ptr_array_index (preview->rows, i);

      if (is_error (row))
        {
          g_autofree gchar *first = g_strdup (row->problems ? row->problems : "");
          gchar *nl = strchr (first, '\n');
          if (nl)
            *nl = '\0';
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("Line %u still has a problem: %s Fix it or skip the row."), row->line,
                       first);
          return NULL;
        }
    }
  for (guint i = 0; i < preview->rows->len; i++)
    {
      const TdPasteRow *row = g_ptr_array_index (preview->rows, i);

      index_of[i] = -1;
      if (row->role != TD_PASTE_ROLE_CRITERION)
        continue;
      /* Parents come before their rows, so their index is known; a row
       * landing inside the array shifts the ones after it. */
      index_of[i] = td_criteria_table_append (table, row->parent >= 0 ? index_of[row->parent] : -1,
                                              td_criterion_copy (row->criterion));
      for (guint j = 0; j < i; j++)
        if (index_of[j] >= index_of[i])
          index_of[j]++;
    }
  table->total = preview->total_stated ? preview->total : preview->standard_total;
  return g_steal_pointer (&table);
}

gboolean
td_paste_preview_save (const TdPastePreview *preview, TdDb *db, gint64 bloc_year_id,
                       gboolean replace, GError **error)
{
  g_autoptr (TdCriteriaTable) table = td_paste_preview_to_table (preview, error);

  return table != NULL && td_criteria_save_table (db, bloc_year_id, table, replace, error);
}
