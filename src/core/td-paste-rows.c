/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A pasted table's text into rows and cells: Excel's quoting, the codes
 * ("I", "a1.1", "C", "Tiêu chuẩn 1"), the column headers over one or
 * several lines and what each column means, and a guess of the columns
 * when the table has no header. */
#include "config.h"

#include "td-paste-private.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

/* The code without words like "Tiêu chuẩn", a trailing ".", ")", ":" or
 * "/" ("1/") and spaces. */
gchar *
td_paste_clean_code (const char *code)
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
  while (len > 0
         && (c[len - 1] == '.' || c[len - 1] == ')' || c[len - 1] == ':' || c[len - 1] == '/'))
    c[--len] = '\0';
  if (c[0] == '(')
    memmove (c, c + 1, len--);
  return c;
}

GStrv
td_paste_code_path (const char *raw, gboolean *upper)
{
  g_autofree gchar *code = td_paste_clean_code (raw ? raw : "");
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

gboolean
td_paste_is_bullet (const char *s)
{
  return g_strcmp0 (s, "-") == 0 || g_strcmp0 (s, "–") == 0 || g_strcmp0 (s, "•") == 0
         || g_strcmp0 (s, "*") == 0 || g_strcmp0 (s, "+") == 0;
}

gint
td_paste_code_level (const char *raw)
{
  g_autofree gchar *code = td_paste_clean_code (raw ? raw : "");
  g_auto (GStrv) path = NULL;
  gboolean upper = FALSE;
  guint n;

  if (*code == '\0')
    return -1;
  if (td_paste_is_bullet (code))
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
gboolean
td_paste_split_code_from_title (const char *title, gchar **code, gchar **rest)
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
  if (!(prefix[len - 1] == '.' || prefix[len - 1] == ')' || prefix[len - 1] == '/'
        || strchr (prefix, '.') != NULL))
    return FALSE;
  if (td_paste_code_level (prefix) < 0 || td_paste_code_level (prefix) >= 40)
    return FALSE;
  *code = td_paste_clean_code (prefix);
  *rest = g_strstrip (g_strdup (space));
  return **rest != '\0';
}

/* Splitting the text into rows and cells */

/* Tab-separated, with Excel's quoting: a quoted cell may hold tabs,
 * newlines and doubled quotes. */
GPtrArray *
td_paste_split_lines (const char *text, char sep)
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
          gchar *value = g_strdup (cell->len > TD_PASTE_MAX_CELL ? "" : cell->str);

          if (cell->len > TD_PASTE_MAX_CELL)
            {
              /* Keep the start of a huge cell: it is shown, not lost. */
              g_free (value);
              value = g_utf8_make_valid (cell->str, TD_PASTE_MAX_CELL);
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
  /* "Nội dung đánh giá", "Tiêu chí chấm điểm": the text, whatever follows */
  if (g_str_has_prefix (f, "noi dung") || g_str_has_prefix (f, "tieu chi")
      || g_str_has_prefix (f, "tieu chuan"))
    return TD_PASTE_COL_TITLE;
  /* "Cách tính điểm", "Cách đánh giá", "Phương thức chấm": how to score */
  if (g_str_has_prefix (f, "cach ") || g_str_has_prefix (f, "phuong thuc"))
    return TD_PASTE_COL_GUIDANCE;
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
guint
td_paste_read_headers (TdPastePreview *preview, GPtrArray *rows, guint *first)
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
void
td_paste_guess_columns (TdPastePreview *preview, GPtrArray *rows)
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

/* Word's broken cells */

static const char *
field (GPtrArray *line, guint i)
{
  return i < line->len ? g_ptr_array_index (line, i) : "";
}

/* The number of fields most lines from `from` have (two or more): the
 * table's width as Word copies it. */
static guint
usual_width (GPtrArray *lines, guint from)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint best = 0, best_count = 0;

  for (guint i = from; i < lines->len; i++)
    {
      guint n = ((GPtrArray *)g_ptr_array_index (lines, i))->len;
      guint count;

      if (n < 2)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (n))) + 1;
      g_hash_table_insert (counts, GUINT_TO_POINTER (n), GUINT_TO_POINTER (count));
      if (count > best_count || (count == best_count && n > best))
        best = n, best_count = count;
    }
  return best;
}

void
td_paste_find_continuations (GPtrArray *lines, guint first, guint from, gint *joined_to,
                             guint *shift)
{
  guint width = usual_width (lines, from);

  /* The header names every column, whatever the rows below look like. */
  for (guint i = first; i < from && i < lines->len; i++)
    width = MAX (width, ((GPtrArray *)g_ptr_array_index (lines, i))->len);

  for (guint i = 0; i < lines->len; i++)
    joined_to[i] = -1, shift[i] = 0;
  /* A cell of several paragraphs, copied from Word as text, goes on to
   * the next line: the first line stops inside the cell, the next starts
   * with the rest of it, and together they have the table's width (one
   * field shared).  "1 ⇥ Hoàn thành các chỉ tiêu" then "theo kế hoạch
   * được UBND tỉnh giao ⇥ 30 ⇥ ⇥". */
  for (guint i = from; i + 1 < lines->len; i++)
    {
      GPtrArray *start = g_ptr_array_index (lines, i);
      guint total = start->len;

      guint j, lowercase_run = i;

      if (start->len < 2 || start->len >= width)
        continue;
      for (j = i + 1; j < lines->len && j <= i + 20; j++)
        {
          GPtrArray *next = g_ptr_array_index (lines, j);
          const char *rest = field (next, 0);

          /* The rest of a cell is text, never a code or nothing, and never
           * a whole row. */
          if (*rest == '\0' || next->len >= width || td_paste_code_level (rest) != -2)
            break;
          /* A one-line paragraph going on with a sentence ("về Khối
           * trưởng (không xếp loại)"): kept in mind for a row merged
           * across the table, whose cell is the last. */
          if (next->len == 1 && lowercase_run == j - 1
              && g_unichar_islower (g_utf8_get_char (rest)))
            lowercase_run = j;
          total += next->len - 1;
          if (total > width + 1 || (total == width + 1 && *field (next, next->len - 1) != '\0'))
            break;
          if (total >= width)
            {
              lowercase_run = j;
              break;
            }
        }
      /* Lines that completed the row, or that only go on with the merged
       * cell of a short row in lower case. */
      for (guint k = i + 1; k <= lowercase_run; k++)
        {
          joined_to[k] = (gint)i;
          shift[k] = shift[k - 1] + ((GPtrArray *)g_ptr_array_index (lines, k - 1))->len - 1;
        }
      if (lowercase_run > i)
        i = lowercase_run;
    }
}

/* Codes split over columns */

void
td_paste_find_code_columns (TdPastePreview *preview, GPtrArray *lines, guint from)
{
  TdPastePreviewInfo *pinfo = PREVIEW_INFO (preview);
  gint code = preview->columns[TD_PASTE_COL_CODE];
  gint title = preview->columns[TD_PASTE_COL_TITLE];

  pinfo->n_code_columns = 0;
  if (code < 0 || title <= code + 1)
    return;
  /* "I ⇥ ⇥ CÔNG TÁC CHUYÊN MÔN" over "⇥ 1 ⇥ Khám, chữa bệnh": columns
   * between the code and the text that no header names and whose cells
   * are codes hold the deeper parts of the code (Excel, a column each). */
  for (gint c = code + 1; c < title && pinfo->n_code_columns < G_N_ELEMENTS (pinfo->code_columns);
       c++)
    {
      guint codes = 0, other = 0;

      for (guint m = 0; m < TD_PASTE_N_COLS; m++)
        if (preview->columns[m] == c)
          return;
      for (guint i = from; i < lines->len; i++)
        {
          const char *cell = field (g_ptr_array_index (lines, i), (guint)c);
          gint level = td_paste_code_level (cell);

          if (*cell == '\0')
            continue;
          if (level >= 0 && level < 40)
            codes++;
          else
            other++;
        }
      if (codes == 0 || other * 4 > codes)
        return;
      pinfo->code_columns[pinfo->n_code_columns++] = c;
    }
}

void
td_paste_map_cells (TdPastePreview *preview, GPtrArray *fields, gchar **cells)
{
  TdPastePreviewInfo *pinfo = PREVIEW_INFO (preview);

  for (guint m = 0; m < TD_PASTE_N_COLS; m++)
    {
      gint col = preview->columns[m];

      g_free (cells[m]);
      cells[m] = g_strdup (col >= 0 ? field (fields, (guint)col) : "");
    }
  /* The deepest part of a code split over columns is the row's code. */
  for (guint k = 0; k < pinfo->n_code_columns; k++)
    if (*field (fields, (guint)pinfo->code_columns[k]) != '\0')
      {
        g_free (cells[TD_PASTE_COL_CODE]);
        cells[TD_PASTE_COL_CODE] = g_strdup (field (fields, (guint)pinfo->code_columns[k]));
      }
}

GPtrArray *
td_paste_join_lines (GPtrArray *lines, const gint *joined_to, guint i)
{
  GPtrArray *line = g_ptr_array_index (lines, i);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < line->len; k++)
    g_ptr_array_add (out, g_strdup (g_ptr_array_index (line, k)));
  for (guint j = i + 1; j < lines->len && joined_to[j] == (gint)i; j++)
    {
      GPtrArray *next = g_ptr_array_index (lines, j);
      gchar *last = out->len > 0 ? g_ptr_array_index (out, out->len - 1) : NULL;

      /* The paragraphs of one cell, as HTML's are: joined by a space. */
      if (last != NULL && next->len > 0)
        {
          gchar *joined
              = *last ? g_strconcat (last, " ", field (next, 0), NULL) : g_strdup (field (next, 0));
          g_ptr_array_index (out, out->len - 1) = joined;
          g_free (last);
        }
      for (guint k = 1; k < next->len; k++)
        g_ptr_array_add (out, g_strdup (g_ptr_array_index (next, k)));
    }
  return out;
}
