/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pasting a criteria table: rows of tab-separated text into a preview the
 * clerk can fix, then into a table.
 *
 * Tables arrive from Word, Excel and LibreOffice in every shape: codes in
 * their own column or at the start of the title, dotted codes ("a.7.1"),
 * empty codes, a minus in the bonus column, "- 0,5", "+1", "0.5",
 * "(không xếp loại)", per-case wording in the title ("mỗi văn bản trễ hạn
 * trừ 0,5 điểm, tối đa 1,5 điểm").  The parser never refuses a table: it
 * makes its best reading of every row and says what it assumed, so the
 * clerk only fixes the rows that need it. */
#include "config.h"

#include "td-criteria-paste.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static void
row_free (TdPasteRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < TD_PASTE_N_COLS; i++)
    g_free (row->cells[i]);
  td_criterion_free (row->criterion);
  g_free (row->problems);
  g_free (row->interpretation);
  g_free (row->cell_problems);
  g_free (row);
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

static gboolean
is_roman (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!strchr ("IVXLC", *p))
      return FALSE;
  return TRUE;
}

/* "3", "3.3.2.1": the number of parts, 0 when not digits-and-dots. */
static gint
dotted_parts (const char *s)
{
  gint parts = 1;
  gboolean digit = FALSE;

  if (*s == '\0')
    return 0;
  for (const char *p = s; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p == '.' && digit)
        {
          parts++;
          digit = FALSE;
        }
      else
        return 0;
    }
  return digit ? parts : 0;
}

/* The code without words like "Tiêu chuẩn", a trailing "." or ")" and
 * spaces. */
static gchar *
clean_code (const char *code)
{
  static const char *prefixes[]
      = { "tieu chuan ", "tieu chi ", "phan ", "muc ", "noi dung ", "chuong ", "dieu " };
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

gint
td_paste_code_level (const char *raw)
{
  g_autofree gchar *code = clean_code (raw ? raw : "");
  gunichar first;
  const char *rest;
  gint parts;

  if (*code == '\0')
    return -1;
  if (g_strcmp0 (code, "-") == 0 || g_strcmp0 (code, "–") == 0 || g_strcmp0 (code, "•") == 0)
    return 40;
  if (g_strcmp0 (code, "+") == 0 || g_strcmp0 (code, "*") == 0)
    return 41;
  if (is_roman (code))
    return 0;
  parts = dotted_parts (code);
  if (parts > 0)
    return 10 + parts - 1;
  first = g_utf8_get_char (code);
  rest = g_utf8_next_char (code);
  if (first == 0x0111 || (first >= 'a' && first <= 'z'))
    {
      if (*rest == '\0')
        return 20;
      if (*rest == '.')
        rest++;
      parts = dotted_parts (rest);
      if (parts > 0)
        return 20 + parts;
      return -2;
    }
  if (first >= 'A' && first <= 'Z' && *rest == '\0')
    return 5; /* "A", "B": parts above Roman sections in some tables */
  return -2;
}

/* Splits "1. Công tác…" or "a) Nộp…" into code and title. */
static gboolean
split_code_from_title (const char *title, gchar **code, gchar **rest)
{
  const char *space = strchr (title, ' ');
  g_autofree gchar *prefix = NULL;
  gsize len;

  if (space == NULL || space == title)
    return FALSE;
  prefix = g_strndup (title, space - title);
  len = strlen (prefix);
  /* Only with punctuation ("a)", "1.", "I.") or a dotted number
   * ("1.2 …"): a bare word such as "a" may just be text. */
  if (!(prefix[len - 1] == '.' || prefix[len - 1] == ')' || dotted_parts (prefix) > 1))
    return FALSE;
  if (td_paste_code_level (prefix) < 0)
    return FALSE;
  *code = clean_code (prefix);
  *rest = g_strstrip (g_strdup (space));
  return **rest != '\0';
}

/* Numbers in cells */

typedef struct
{
  gboolean present; /* the cell had a number */
  TdPoints value;   /* signed as written */
  gboolean plus;    /* an explicit "+" */
  gboolean each;    /* "mỗi", "/lần", "trường hợp" */
  gboolean has_cap; /* "tối đa 1,5", "không quá 1,5" */
  TdPoints cap;
  gboolean disqualify; /* "không xếp loại" */
} CellValue;

static gboolean
has_each_words (const char *folded)
{
  return strstr (folded, "moi ") != NULL || strstr (folded, "/lan") != NULL
         || strstr (folded, "/ lan") != NULL || strstr (folded, "lan ") != NULL
         || strstr (folded, "truong hop") != NULL || g_str_has_suffix (folded, "lan")
         || strstr (folded, "/van ban") != NULL || strstr (folded, "/sang kien") != NULL;
}

/* Reads the number at p (digits with , or .); returns the end or NULL. */
static const char *
scan_number (const char *p, gchar **out)
{
  const char *start = p;

  while (g_ascii_isdigit (*p) || ((*p == ',' || *p == '.') && g_ascii_isdigit (p[1])))
    p++;
  if (p == start)
    return NULL;
  *out = g_strndup (start, p - start);
  return p;
}

static gboolean
find_cap (const char *folded, TdPoints *cap)
{
  const char *keys[] = { "toi da", "khong qua" };

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      const char *at = strstr (folded, keys[k]);
      if (at != NULL)
        {
          const char *p = at + strlen (keys[k]);
          g_autofree gchar *number = NULL;

          while (*p && !g_ascii_isdigit (*p))
            {
              if (g_ascii_isalpha (*p) && p - at > (glong)strlen (keys[k]) + 12)
                break;
              p++;
            }
          if (g_ascii_isdigit (*p) && scan_number (p, &number)
              && td_points_parse (number, cap, NULL))
            return TRUE;
        }
    }
  return FALSE;
}

/* The whitespace-delimited word that starts at p ("2O", "1,5đ"). */
static gchar *
word_at (const char *p)
{
  const char *end = p;

  while (*end && !g_unichar_isspace (g_utf8_get_char (end)) && g_utf8_get_char (end) != 0x00A0)
    end = g_utf8_next_char (end);
  return g_strndup (p, end - p);
}

/* Sets error to td_points_parse's reason why text is not a number of
 * points; always FALSE. */
static gboolean
refuse_number (const char *text, GError **error)
{
  TdPoints ignored;

  if (!td_points_parse (text, &ignored, error))
    return FALSE;
  /* Parsed after all (cannot happen for the callers): still a refusal. */
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("“%s” is not a number of points: %s"), text,
               _ ("use digits with a decimal comma, such as 0,5"));
  return FALSE;
}

/* FALSE, with td_points_parse's reason in error, when the cell has text
 * but no number in it, or a number with letters glued to it ("2O" typed
 * with the letter O, "1,5đ"): reading those as 2 or 1,5 would silently
 * change the table. */
static gboolean
read_cell (const char *text, CellValue *v, GError **error)
{
  g_autofree gchar *folded = td_text_fold (text);
  const char *p;
  g_autofree gchar *number = NULL;
  gboolean negative = FALSE;

  memset (v, 0, sizeof *v);
  if (*text == '\0')
    return TRUE;
  v->disqualify = strstr (folded, "khong xep loai") != NULL;
  v->each = has_each_words (folded);
  v->has_cap = find_cap (folded, &v->cap);

  /* The first number, with the sign written before it ("- 0,5", "+1",
   * "−0,5", "trừ 0,5"). */
  for (p = text; *p && !g_ascii_isdigit (*p); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '-' || c == 0x2212 || c == 0x2013)
        negative = TRUE, v->plus = FALSE;
      else if (c == '+')
        v->plus = TRUE, negative = FALSE;
      else if (!g_unichar_isspace (c) && c != 0x00A0)
        negative = FALSE, v->plus = FALSE;
    }
  if (*p == '\0')
    return v->disqualify || refuse_number (text, error);
  {
    const char *end = scan_number (p, &number);
    TdPoints value;

    if (end != NULL && *end != '\0' && g_unichar_isalnum (g_utf8_get_char (end)))
      {
        g_autofree gchar *word = word_at (p);
        return refuse_number (word, error);
      }
    if (!td_points_parse (number, &value, error))
      return FALSE;
    /* "0 – 3" in a standard column: a range, the top counts. */
    if (end != NULL && value == 0 && !v->has_cap)
      {
        const char *q = end;
        g_autofree gchar *second = NULL;
        TdPoints top;

        while (*q == ' ' || *q == '-' || (guchar)*q >= 0x80)
          q = g_utf8_next_char (q);
        if (q != end && g_ascii_isdigit (*q) && scan_number (q, &second)
            && td_points_parse (second, &top, NULL))
          value = top;
      }
    v->present = TRUE;
    v->value = negative ? -value : value;
  }
  return TRUE;
}

/* Splitting the text into rows and cells */

/* Tab-separated, with Excel's quoting: a quoted cell may hold tabs,
 * newlines and doubled quotes. */
static GPtrArray *
split_rows (const char *text, gboolean bars)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new ("");
  const char sep = bars ? '|' : '\t';
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
          gchar *value = g_strdup (cell->str);
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
  if (bars)
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

static gint
header_meaning (const char *cell)
{
  g_autofree gchar *f = td_text_fold (cell);

  if (g_strcmp0 (f, "stt") == 0 || g_strcmp0 (f, "tt") == 0 || g_strcmp0 (f, "so tt") == 0
      || g_strcmp0 (f, "ma") == 0 || g_strcmp0 (f, "ma so") == 0 || g_strcmp0 (f, "muc") == 0)
    return TD_PASTE_COL_CODE;
  if (strstr (f, "noi dung") || strstr (f, "tieu chi") || strstr (f, "tieu chuan")
      || g_str_has_prefix (f, "ten "))
    return TD_PASTE_COL_TITLE;
  if (strstr (f, "thuong") || strstr (f, "diem cong") || g_strcmp0 (f, "cong") == 0)
    return TD_PASTE_COL_BONUS;
  if (strstr (f, "tru"))
    return TD_PASTE_COL_DEDUCTION;
  if (strstr (f, "chuan") || strstr (f, "toi da") || g_strcmp0 (f, "diem") == 0
      || g_strcmp0 (f, "thang diem") == 0)
    return TD_PASTE_COL_STANDARD;
  return -1;
}

/* TRUE when cells look like a column-header row; fills columns. */
static gboolean
read_header (GPtrArray *cells, gint columns[TD_PASTE_N_COLS])
{
  gint found[TD_PASTE_N_COLS];
  guint n = 0;

  for (guint i = 0; i < TD_PASTE_N_COLS; i++)
    found[i] = -1;
  for (guint i = 0; i < cells->len; i++)
    {
      CellValue v;
      gint m = header_meaning (g_ptr_array_index (cells, i));

      read_cell (g_ptr_array_index (cells, i), &v, NULL);
      if (v.present)
        return FALSE;
      if (m >= 0 && found[m] < 0)
        {
          found[m] = (gint)i;
          n++;
        }
    }
  if (n < 2 || found[TD_PASTE_COL_TITLE] < 0)
    return FALSE;
  memcpy (columns, found, sizeof found);
  return TRUE;
}

/* Without headers: the code column exists when most rows start with a
 * code or nothing and have text after it. */
static void
guess_columns (GPtrArray *rows, gint columns[TD_PASTE_N_COLS])
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
    columns[i] = -1;
  next = 0;
  if (counted > 0 && coded * 2 >= counted && width >= 2)
    columns[TD_PASTE_COL_CODE] = next++;
  columns[TD_PASTE_COL_TITLE] = next++;
  for (gint m = TD_PASTE_COL_STANDARD; m < TD_PASTE_N_COLS && next < (gint)width; m++)
    columns[m] = next++;
}

/* Interpreting a row */

static void
add_line (GString *s, const char *line)
{
  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append (s, line);
}

static void
interpret_cells (TdPasteRow *row, gboolean signed_column)
{
  GString *problems = g_string_new ("");
  TdPasteStatus status = TD_PASTE_OK;
  TdCriterion *c = td_criterion_new (TD_RULE_GROUP);
  CellValue std, bonus, ded;
  g_autofree gchar *title_folded = td_text_fold (row->cells[TD_PASTE_COL_TITLE]);
  gboolean each, disqualify;
  TdPoints bonus_amount = 0, deduction_amount = 0, standard = 0;
  TdPoints cap = 0;
  gboolean has_cap;

  g_free (c->code);
  g_free (c->title);
  c->code = clean_code (row->cells[TD_PASTE_COL_CODE]);
  c->title = td_text_normalize_space (row->cells[TD_PASTE_COL_TITLE]);
  if (*c->code == '\0'
      && (g_str_has_prefix (c->title, "- ") || g_str_has_prefix (c->title, "+ ")
          || g_str_has_prefix (c->title, "• ")))
    {
      /* A bullet list under a criterion: the bullet is the code. */
      gchar *rest = g_strstrip (g_strdup (strchr (c->title, ' ')));
      g_free (c->code);
      c->code = g_strndup (c->title, strchr (c->title, ' ') - c->title);
      g_free (c->title);
      c->title = rest;
    }
  else if (*c->code == '\0')
    {
      gchar *code, *rest;
      if (split_code_from_title (c->title, &code, &rest))
        {
          g_free (c->code);
          g_free (c->title);
          c->code = code;
          c->title = rest;
        }
    }
  else if (td_paste_code_level (c->code) == -2)
    {
      gchar *msg = g_strdup_printf (_ ("“%s” does not look like a code (I, 1, a, a1, 1.2…); "
                                       "the row is placed under the row above."),
                                    c->code);
      add_line (problems, msg);
      g_free (msg);
      status = TD_PASTE_WARNING;
    }

  const struct
  {
    TdPasteColumn col;
    CellValue *v;
    const char *name;
  } cols[] = {
    { TD_PASTE_COL_STANDARD, &std, N_ ("Standard points") },
    { TD_PASTE_COL_BONUS, &bonus, N_ ("Bonus") },
    { TD_PASTE_COL_DEDUCTION, &ded, N_ ("Deduction") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    {
      g_autoptr (GError) cell_error = NULL;

      if (!read_cell (row->cells[cols[i].col], cols[i].v, &cell_error))
        {
          /* Translators: first %s is the column name, second why its text
           * is not a number of points. */
          gchar *msg = g_strdup_printf (_ ("Column %s: %s."), _ (cols[i].name),
                                        cell_error ? cell_error->message : "");
          add_line (problems, msg);
          g_free (msg);
          status = TD_PASTE_ERROR;
        }
    }

  each = has_each_words (title_folded) || bonus.each || ded.each || std.each;
  disqualify = strstr (title_folded, "khong xep loai") != NULL || std.disqualify || bonus.disqualify
               || ded.disqualify;
  has_cap = find_cap (title_folded, &cap);
  if (!has_cap)
    for (guint i = 0; i < G_N_ELEMENTS (cols) && !has_cap; i++)
      if (cols[i].v->has_cap)
        has_cap = TRUE, cap = cols[i].v->cap;

  /* Signs decide over columns: a minus in the bonus column is a
   * deduction, a plus in the deduction column a bonus. */
  if (std.present)
    {
      if (std.value < 0)
        {
          deduction_amount += -std.value;
          add_line (problems, _ ("A minus sign in the standard points column: read as a "
                                 "deduction."));
          status = MAX (status, TD_PASTE_WARNING);
        }
      else if (std.plus)
        {
          bonus_amount += std.value;
          add_line (problems, _ ("A plus sign in the standard points column: read as a bonus."));
          status = MAX (status, TD_PASTE_WARNING);
        }
      else
        standard = std.value;
    }
  if (bonus.present)
    {
      if (bonus.value < 0)
        {
          deduction_amount += -bonus.value;
          if (!signed_column)
            {
              add_line (problems, _ ("A minus sign in the bonus column: read as a deduction."));
              status = MAX (status, TD_PASTE_WARNING);
            }
        }
      else
        bonus_amount += bonus.value;
    }
  if (ded.present)
    {
      if (ded.plus)
        {
          bonus_amount += ded.value;
          add_line (problems, _ ("A plus sign in the deduction column: read as a bonus."));
          status = MAX (status, TD_PASTE_WARNING);
        }
      else
        deduction_amount += ded.value < 0 ? -ded.value : ded.value;
    }

  if (disqualify)
    {
      c->kind = TD_RULE_DISQUALIFIER;
      if (standard != 0 || bonus_amount != 0 || deduction_amount != 0)
        {
          add_line (problems,
                    _ ("“Không xếp loại”: the points on this row are ignored; the row only "
                       "marks a unit as not graded."));
          status = MAX (status, TD_PASTE_WARNING);
        }
    }
  else if (bonus_amount > 0 && deduction_amount > 0)
    {
      add_line (problems, _ ("Both a bonus and a deduction on one row: split it into two rows "
                             "or choose the rule."));
      status = TD_PASTE_ERROR;
      c->kind = TD_RULE_BONUS_POINTS;
      c->rate = bonus_amount;
      c->standard = standard;
    }
  else if (deduction_amount > 0)
    {
      c->standard = standard;
      c->rate = deduction_amount;
      if (standard > 0)
        c->kind = TD_RULE_STANDARD_LESS_EACH;
      else
        c->kind = each ? TD_RULE_DEDUCTION_EACH : TD_RULE_DEDUCTION_POINTS;
      if (has_cap && c->kind != TD_RULE_STANDARD_LESS_EACH)
        c->deduction_cap = cap;
    }
  else if (bonus_amount > 0)
    {
      c->standard = standard;
      c->rate = bonus_amount;
      c->kind = each ? TD_RULE_BONUS_EACH : TD_RULE_BONUS_POINTS;
      if (has_cap)
        c->bonus_cap = cap;
      if (standard > 0)
        {
          add_line (problems, _ ("Standard points and a bonus on one row: the bonus is kept, "
                                 "put the standard points on their own row."));
          status = MAX (status, TD_PASTE_WARNING);
        }
    }
  else
    {
      c->standard = standard;
      c->kind = std.present ? TD_RULE_STANDARD : TD_RULE_GROUP;
      /* "Tổng điểm trừ của mục 2 không quá 1,5 điểm" on a heading. */
      if (has_cap && strstr (title_folded, "tru"))
        c->deduction_cap = cap;
      else if (has_cap && (strstr (title_folded, "cong") || strstr (title_folded, "thuong")))
        c->bonus_cap = cap;
    }
  if (td_rule_kind_is_deduction (c->kind)
      && (strstr (title_folded, "tru truong hop") || strstr (title_folded, "mien tru")
          || strstr (title_folded, "khong tru") || strstr (title_folded, "ngoai tru")))
    {
      g_free (c->exemption);
      c->exemption = g_strdup (c->title);
    }

  if (*c->title == '\0' && (std.present || bonus.present || ded.present))
    {
      add_line (problems, _ ("The row has points but no title."));
      status = TD_PASTE_ERROR;
    }

  td_criterion_free (row->criterion);
  row->criterion = c;
  g_free (row->cell_problems);
  row->cell_problems = g_string_free (problems, FALSE);
  row->cell_status = status;
}

/* Total rows ("Tổng cộng", "Cộng") and empty rows are skipped. */
static gboolean
is_total_row (TdPasteRow *row)
{
  g_autofree gchar *f = td_text_fold (row->cells[TD_PASTE_COL_TITLE]);
  g_autofree gchar *code = td_text_fold (row->cells[TD_PASTE_COL_CODE]);

  return g_str_has_prefix (f, "tong cong") || g_strcmp0 (f, "cong") == 0
         || g_str_has_prefix (f, "tong so diem") || g_strcmp0 (f, "tong diem") == 0
         || g_strcmp0 (f, "tong") == 0 || g_str_has_prefix (code, "tong");
}

static gboolean
is_empty_row (TdPasteRow *row)
{
  for (guint i = 0; i < TD_PASTE_N_COLS; i++)
    if (*row->cells[i] != '\0')
      return FALSE;
  return TRUE;
}

/* Levels from the codes: a row goes under the nearest row above whose
 * code has a higher rank (I above 1 above 1.1 above a above a1); a row
 * without a code goes under the row above it, and consecutive ones stay
 * siblings. */
static void
assign_depths (TdPastePreview *preview)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (gint));

  for (guint i = 0; i < preview->rows->len; i++)
    {
      TdPasteRow *row = g_ptr_array_index (preview->rows, i);
      gint rank;

      if (row->skip)
        continue;
      rank = td_paste_code_level (row->criterion->code);
      if (rank < 0)
        rank = 100;
      while (stack->len > 0 && g_array_index (stack, gint, stack->len - 1) >= rank)
        g_array_set_size (stack, stack->len - 1);
      row->depth = (gint)stack->len;
      g_array_append_val (stack, rank);
    }
}

/* Whether the next kept row is deeper. */
static gboolean
has_children (TdPastePreview *preview, guint i)
{
  TdPasteRow *row = g_ptr_array_index (preview->rows, i);

  for (guint j = i + 1; j < preview->rows->len; j++)
    {
      TdPasteRow *next = g_ptr_array_index (preview->rows, j);
      if (!next->skip)
        return next->depth > row->depth;
    }
  return FALSE;
}

/* A heading's standard points come from its rows, so a row with children
 * keeps only its own bonus or deduction as its rule. */
static void
adjust_kinds (TdPastePreview *preview)
{
  for (guint i = 0; i < preview->rows->len; i++)
    {
      TdPasteRow *row = g_ptr_array_index (preview->rows, i);
      TdCriterion *c = row->criterion;

      if (row->skip)
        continue;
      if (has_children (preview, i))
        {
          if (c->kind == TD_RULE_STANDARD)
            c->kind = TD_RULE_GROUP;
          else if (c->kind == TD_RULE_STANDARD_LESS_EACH)
            c->kind = TD_RULE_DEDUCTION_EACH;
        }
      else if (c->kind == TD_RULE_GROUP && c->standard > 0)
        c->kind = TD_RULE_STANDARD;
    }
}

void
td_paste_preview_recheck (TdPastePreview *preview)
{
  guint n = preview->rows->len;
  g_autofree TdPoints *sums = g_new0 (TdPoints, n + 1);
  g_autofree gint *parent_of = g_new0 (gint, n + 1);
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (gint));
  gint previous_depth = -1;

  /* Without a "Tổng cộng" row the total is what the sections add up to. */
  if (!preview->total_stated)
    {
      preview->total = 0;
      for (guint i = 0; i < n; i++)
        {
          TdPasteRow *row = g_ptr_array_index (preview->rows, i);
          if (!row->skip && row->depth <= 0)
            preview->total += row->criterion->standard;
        }
    }

  /* Parents by depth, and children's sums. */
  for (guint i = 0; i < n; i++)
    {
      TdPasteRow *row = g_ptr_array_index (preview->rows, i);

      parent_of[i] = -1;
      if (row->skip)
        continue;
      if (row->depth < 0)
        row->depth = 0;
      if ((guint)row->depth > stack->len)
        row->depth = (gint)stack->len; /* cannot skip a level; reported below */
      g_array_set_size (stack, row->depth);
      parent_of[i] = row->depth > 0 ? g_array_index (stack, gint, row->depth - 1) : -1;
      if (parent_of[i] >= 0)
        sums[parent_of[i]] += row->criterion->standard;
      g_array_append_val (stack, i);
    }

  for (guint i = 0; i < n; i++)
    {
      TdPasteRow *row = g_ptr_array_index (preview->rows, i);
      GString *problems = g_string_new (row->cell_problems ? row->cell_problems : "");
      TdPasteStatus status = row->cell_status;
      TdCriterion *c = row->criterion;
      gboolean children = !row->skip && has_children (preview, i);
      g_autofree gchar *rule = NULL;

      g_free (row->interpretation);
      g_free (row->problems);
      if (row->skip)
        {
          row->status = TD_PASTE_OK;
          g_string_free (problems, TRUE);
          row->problems = g_strdup ("");
          row->interpretation = g_strdup (_ ("Skipped"));
          continue;
        }
      if (row->depth > previous_depth + 1)
        {
          add_line (problems, _ ("This row is more than one level below the row above."));
          status = MAX (status, TD_PASTE_WARNING);
        }
      previous_depth = row->depth;
      if (*c->code == '\0' && (c->title == NULL || *c->title == '\0'))
        {
          add_line (problems, _ ("The row has neither a code nor a title."));
          status = TD_PASTE_ERROR;
        }
      if (children && sums[i] != c->standard)
        {
          g_autofree gchar *sum = td_points_format (sums[i]);
          g_autofree gchar *std = td_points_format (c->standard);
          g_autofree gchar *diff = td_points_format_signed (sums[i] - c->standard);
          gchar *msg = g_strdup_printf (_ ("The rows under it add up to %s points, not %s "
                                           "(difference %s)."),
                                        sum, std, diff);
          add_line (problems, msg);
          g_free (msg);
          status = MAX (status, TD_PASTE_WARNING);
        }
      if (children && td_rule_kind_gives_standard (c->kind))
        {
          add_line (problems, _ ("A row with rows under it takes its standard points from "
                                 "them; choose a heading or a bonus or deduction rule."));
          status = TD_PASTE_ERROR;
        }
      if (!children && c->kind == TD_RULE_GROUP)
        {
          add_line (problems, _ ("No points: this row cannot be scored."));
          status = MAX (status, TD_PASTE_WARNING);
        }
      if (*c->code == '\0' && parent_of[i] >= 0)
        {
          TdPasteRow *p = g_ptr_array_index (preview->rows, parent_of[i]);
          if (*p->criterion->code != '\0')
            {
              gchar *msg = g_strdup_printf (_ ("No code: placed under “%s”."), p->criterion->code);
              add_line (problems, msg);
              g_free (msg);
              status = MAX (status, TD_PASTE_WARNING);
            }
        }

      rule = td_criterion_describe_rule (c);
      if (c->kind == TD_RULE_GROUP || children)
        {
          g_autofree gchar *std = td_points_format (c->standard);
          /* Translators: preview of a pasted heading row: level, standard points, own rule */
          row->interpretation = g_strdup_printf (_ ("Level %d · heading, %s points%s%s"),
                                                 row->depth + 1, std, *rule ? " · " : "", rule);
        }
      else
        /* Translators: preview of a pasted row: level, rule kind, rule in words */
        row->interpretation = g_strdup_printf (_ ("Level %d · %s · %s"), row->depth + 1,
                                               td_rule_kind_get_label (c->kind), rule);
      row->status = status;
      row->problems = g_string_free (problems, FALSE);
    }
}

static void
interpret_all (TdPastePreview *preview)
{
  assign_depths (preview);
  adjust_kinds (preview);
  td_paste_preview_recheck (preview);
}

TdPastePreview *
td_paste_parse (const char *text, GError **error)
{
  g_autoptr (TdPastePreview) preview = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gboolean header_found = FALSE;
  gboolean blank = TRUE;

  for (const char *p = text ? text : ""; *p; p++)
    if (!g_ascii_isspace (*p))
      blank = FALSE;
  if (blank)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("There is nothing to paste. Copy the table's rows in Word, Excel or "
                      "LibreOffice first."));
      return NULL;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("The pasted text is not valid Unicode text."));
      return NULL;
    }

  preview = g_new0 (TdPastePreview, 1);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  rows = split_rows (text, strchr (text, '\t') == NULL && strchr (text, '|') != NULL);

  /* Column headers may span two rows (merged "Điểm" over "Chuẩn | Thưởng
   * | Trừ"); look at the first rows only. */
  for (guint i = 0; i < MIN (rows->len, 3) && !header_found; i++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, i);

      header_found = read_header (cells, preview->columns);
      /* "Điểm thưởng/trừ", "Điểm cộng (+), trừ (−)": one column for both,
       * where a minus is expected. */
      if (header_found && preview->columns[TD_PASTE_COL_BONUS] >= 0
          && preview->columns[TD_PASTE_COL_DEDUCTION] < 0)
        {
          g_autofree gchar *f
              = td_text_fold (g_ptr_array_index (cells, preview->columns[TD_PASTE_COL_BONUS]));
          preview->signed_column = strstr (f, "tru") != NULL;
        }
    }
  if (!header_found)
    guess_columns (rows, preview->columns);

  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, i);
      TdPasteRow *row = g_new0 (TdPasteRow, 1);
      gint dummy[TD_PASTE_N_COLS];

      row->line = i + 1;
      for (guint m = 0; m < TD_PASTE_N_COLS; m++)
        {
          gint col = preview->columns[m];
          row->cells[m] = g_strdup (col >= 0 && (guint)col < cells->len
                                        ? (const char *)g_ptr_array_index (cells, col)
                                        : "");
        }
      interpret_cells (row, preview->signed_column);
      if (is_empty_row (row))
        row->skip = TRUE;
      else if (i < 3 && read_header (cells, dummy))
        row->skip = TRUE;
      else if (is_total_row (row))
        {
          CellValue v;
          row->skip = TRUE;
          if (read_cell (row->cells[TD_PASTE_COL_STANDARD], &v, NULL) && v.present && v.value > 0)
            {
              preview->total = v.value;
              preview->total_stated = TRUE;
            }
        }
      g_ptr_array_add (preview->rows, row);
    }
  /* Trailing empty line of the clipboard: not a row at all. */
  while (preview->rows->len > 0
         && is_empty_row (g_ptr_array_index (preview->rows, preview->rows->len - 1)))
    g_ptr_array_remove_index (preview->rows, preview->rows->len - 1);

  interpret_all (preview);
  return g_steal_pointer (&preview);
}

void
td_paste_row_set_cells (TdPastePreview *preview, guint row_index, const char *code,
                        const char *title, const char *standard, const char *bonus,
                        const char *deduction)
{
  TdPasteRow *row;
  const char *values[TD_PASTE_N_COLS] = { code, title, standard, bonus, deduction };

  g_return_if_fail (row_index < preview->rows->len);
  row = g_ptr_array_index (preview->rows, row_index);
  for (guint m = 0; m < TD_PASTE_N_COLS; m++)
    if (values[m] != NULL)
      {
        g_free (row->cells[m]);
        row->cells[m] = g_strstrip (g_strdup (values[m]));
      }
  interpret_cells (row, preview->signed_column);
  interpret_all (preview);
}

guint
td_paste_preview_count_errors (const TdPastePreview *preview)
{
  guint n = 0;

  for (guint i = 0; i < preview->rows->len; i++)
    {
      const TdPasteRow *row = g_ptr_array_index (preview->rows, i);
      if (!row->skip && row->status == TD_PASTE_ERROR)
        n++;
    }
  return n;
}

TdCriteriaTable *
td_paste_preview_to_table (const TdPastePreview *preview, GError **error)
{
  g_autoptr (TdCriteriaTable) table = td_criteria_table_new ();
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (gint));
  TdPoints top = 0;

  for (guint i = 0; i < preview->rows->len; i++)
    {
      const TdPasteRow *row = g_ptr_array_index (preview->rows, i);

      if (!row->skip && row->status == TD_PASTE_ERROR)
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
      gint depth, parent, index;

      if (row->skip)
        continue;
      depth = CLAMP (row->depth, 0, (gint)stack->len);
      g_array_set_size (stack, depth);
      parent = depth > 0 ? g_array_index (stack, gint, depth - 1) : -1;
      index = td_criteria_table_append (table, parent, td_criterion_copy (row->criterion));
      g_array_append_val (stack, index);
      if (parent < 0)
        top += row->criterion->standard;
    }
  table->total = preview->total_stated ? preview->total : top;
  return g_steal_pointer (&table);
}

gboolean
td_paste_preview_save (const TdPastePreview *preview, TdDb *db, gint64 bloc_year_id,
                       gboolean replace, GError **error)
{
  g_autoptr (TdCriteriaTable) table = td_paste_preview_to_table (preview, error);

  return table != NULL && td_criteria_save_table (db, bloc_year_id, table, replace, error);
}
