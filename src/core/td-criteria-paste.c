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
  g_clear_pointer (&info->own_levels, g_ptr_array_unref);
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

static TdPasteRow *
row_new (guint line)
{
  TdPasteRow *row = g_new0 (TdPasteRow, 1);
  TdPasteRowInfo *info = g_new0 (TdPasteRowInfo, 1);

  row->line = line;
  row->targets = g_array_new (FALSE, FALSE, sizeof (gint));
  row->part_brackets = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rule_option_free);
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
  TdPastePreviewInfo *pinfo;

  if (preview == NULL)
    return;
  pinfo = PREVIEW_INFO (preview);
  if (pinfo != NULL)
    {
      g_clear_pointer (&pinfo->lines, g_ptr_array_unref);
      g_free (pinfo->joined_to);
      g_free (pinfo->shift);
      g_free (pinfo);
    }
  g_ptr_array_unref (preview->rows);
  g_free (preview);
}

/* The cells of row i from its line, with the lines joined to it (a row
 * that is the rest of another shows its own line). */
static void
fill_cells (TdPastePreview *preview, guint i)
{
  TdPastePreviewInfo *pinfo = PREVIEW_INFO (preview);
  TdPasteRow *row = g_ptr_array_index (preview->rows, i);
  g_autoptr (GPtrArray) fields = NULL;

  if (i >= pinfo->lines->len)
    return;
  if (pinfo->shift[i] > 0)
    {
      /* The rest of a row, joined to it or not, is shown where it stands
       * in the table: its first field goes on with the cell the rows above
       * stopped in. */
      GPtrArray *own = g_ptr_array_index (pinfo->lines, i);

      fields = g_ptr_array_new_with_free_func (g_free);
      for (guint k = 0; k < pinfo->shift[i]; k++)
        g_ptr_array_add (fields, g_strdup (""));
      for (guint k = 0; k < own->len; k++)
        g_ptr_array_add (fields, g_strdup (g_ptr_array_index (own, k)));
    }
  else
    fields = td_paste_join_lines (pinfo->lines, pinfo->joined_to, i);
  td_paste_map_cells (preview, fields, row->cells);
}

/* Reading a row */

static void
add_problem (GString *s, const char *line)
{
  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append (s, line);
}

/* Whether a points cell that is not a figure states a rule in words:
 * "Mỗi trường hợp trừ 1 điểm", "cộng 2 điểm/sáng kiến, tối đa 4 điểm". */
static gboolean
reads_as_rule (const char *cell)
{
  g_autofree gchar *f = td_paste_fold (cell);
  TdPoints v;
  gint which;

  return td_paste_text_deduction (f, &v) || td_paste_text_bonus (f, &v)
         || td_paste_text_cap (f, &v, &which) || td_paste_text_says (f, TD_PASTE_SAYS_DISQUALIFIES);
}

void
td_paste_row_read (TdPastePreview *preview, TdPasteRow *row)
{
  TdPasteRowInfo *info = ROW_INFO (row);
  GString *problems = g_string_new ("");
  g_autofree gchar *title = td_text_normalize_space (row->cells[TD_PASTE_COL_TITLE]);
  g_autofree gchar *code = td_paste_clean_code (row->cells[TD_PASTE_COL_CODE]);
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
  g_autoptr (GString) words = g_string_new (""); /* rules in other cells' words */
  const char *t;

  g_clear_pointer (&info->path, g_strfreev);
  info->words_column = -1;
  info->code_bad = FALSE;
  info->cell_refused = FALSE;
  info->bullet = FALSE;
  info->bullet_mark = 0;
  /* A row merged across the table (a note, a title of a part) leaves its
   * text in the first column: "Ghi chú: Tổng điểm trừ của phần III …". */
  if (*code != '\0' && *title == '\0' && !td_paste_is_bullet (code)
      && td_paste_code_level (code) == -2)
    {
      g_free (title);
      title = td_text_normalize_space (row->cells[TD_PASTE_COL_CODE]);
      g_free (code);
      code = g_strdup ("");
    }
  if (*code == '\0' && *title != '\0')
    {
      gchar *from_title, *rest;

      if (td_paste_split_code_from_title (title, &from_title, &rest))
        {
          g_free (code);
          code = from_title;
          g_free (title);
          title = rest;
        }
    }
  if (td_paste_is_bullet (code))
    {
      /* A bullet in the code column: a row without a code. */
      info->bullet = TRUE;
      info->bullet_mark = code[0] == '-' || g_str_has_prefix (code, "–") ? '-' : code[0];
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
      info->bullet_mark = t[0] == '-' || g_str_has_prefix (t, "–") ? '-' : t[0];
      /* "+ 0,1 điểm cho mỗi …": a sign, part of what it says. */
      if (t[0] == '+' && g_ascii_isdigit (*(t + 1 + strspn (t + 1, " "))))
        info->bullet_mark = 0;
      else
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
      if (!td_paste_read_cell (cell, cols[i].cell, &error) && reads_as_rule (cell))
        {
          /* "Mỗi báo cáo trừ 0,5 điểm, tối đa trừ 2 điểm" in a "Thang điểm"
           * column: a rule in words, read with the row's text. */
          g_string_append_printf (words, " ; %s", cell);
          info->words_column = cols[i].col;
        }
      else if (error != NULL)
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
    g_string_append_printf (words, " ; %s", row->criterion->guidance);
  if (words->len > 0)
    {
      g_autofree gchar *all = g_strconcat (row->criterion->title, words->str, NULL);
      info->folded = td_paste_fold (all);
    }
  else
    info->folded = td_paste_fold (row->criterion->title);
  t = info->folded;
  info->has_t_std = td_paste_text_standard (t, &info->t_std);
  info->has_t_ded = td_paste_text_deduction (t, &info->t_ded);
  info->has_t_bonus = td_paste_text_bonus (t, &info->t_bonus);
  info->has_t_cap = td_paste_text_cap (t, &info->t_cap, &info->t_cap_which);
  /* "-0,5/lần, tối đa 1,5" in a points column: the cap of its bonus or
   * deduction, as if the text said it. */
  for (guint i = 0; i < G_N_ELEMENTS (cols) && !info->has_t_cap; i++)
    if (cols[i].cell->cap_apart)
      {
        gint sign = cols[i].cell->sign != 0                 ? cols[i].cell->sign
                    : cols[i].col == TD_PASTE_COL_DEDUCTION ? -1
                                                            : 1;

        info->has_t_cap = TRUE;
        info->t_cap = cols[i].cell->cap;
        info->t_cap_which = sign;
      }
  info->has_t_points = td_paste_text_points (t, &info->t_points);
  /* A table without points columns writes every figure in the words,
   * some bare: "Phối hợp phục vụ Đại hội …: 5,0". */
  if (!info->has_t_points && preview->columns[TD_PASTE_COL_STANDARD] < 0
      && preview->columns[TD_PASTE_COL_BONUS] < 0 && preview->columns[TD_PASTE_COL_DEDUCTION] < 0)
    info->has_t_points = td_paste_text_bare_points (t, &info->t_points);
  info->t_each = td_paste_text_each (t);
  info->t_option_group = td_paste_text_says (t, TD_PASTE_SAYS_OPTION_GROUP);
  info->t_disqualify = td_paste_text_says (t, TD_PASTE_SAYS_DISQUALIFIES) || info->std.disqualify
                       || info->bonus.disqualify || info->ded.disqualify;
  info->t_exemption = td_paste_text_says (t, TD_PASTE_SAYS_EXEMPTION);
  info->t_guidance = td_paste_text_says (t, TD_PASTE_SAYS_GUIDANCE);
  info->t_level = td_paste_text_says (t, TD_PASTE_SAYS_LEVEL);
  info->linear = td_paste_text_linear (t, &info->lin_step, &info->lin_rate, &info->lin_deduction,
                                       &info->lin_has_threshold, &info->lin_threshold);
  info->has_range = td_paste_text_range (t, TRUE, &info->range);
  g_clear_pointer (&info->size_brackets, g_ptr_array_unref);
  info->size_brackets = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rule_option_free);
  info->size_class = td_paste_text_size_class (t, &info->size_range, info->size_brackets);
  g_clear_pointer (&info->own_brackets, g_ptr_array_unref);
  info->own_brackets = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rule_option_free);
  if (!info->size_class)
    td_paste_text_brackets (t, info->own_brackets);
  g_clear_pointer (&info->own_options, g_ptr_array_unref);
  info->own_options = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rule_option_free);
  g_clear_pointer (&info->own_levels, g_ptr_array_unref);
  info->own_levels = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rule_option_free);
  if (!info->size_class && info->own_brackets->len == 0 && words->len == 0)
    {
      td_paste_text_options (row->criterion->title, t, info->own_options);
      if (info->own_options->len == 0)
        td_paste_text_levels (row->criterion->title, t, info->own_levels);
    }
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
  TdPastePreviewInfo *pinfo;
  GPtrArray *rows;
  gboolean blank = TRUE;
  guint n_header, first = 0, from;
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
  pinfo = g_new0 (TdPastePreviewInfo, 1);
  preview->priv = pinfo;
  sep = strchr (text, '\t') == NULL && strchr (text, '|') != NULL ? '|' : '\t';
  rows = pinfo->lines = td_paste_split_lines (text, sep);
  if (rows->len > MAX_ROWS)
    {
      fail_text (error, _ ("The pasted text has more than 5,000 rows, more than any scoring "
                           "table. Copy only the rows of the table."));
      return NULL;
    }

  n_header = td_paste_read_headers (preview, rows, &first);
  if (n_header == 0)
    td_paste_guess_columns (preview, rows);
  preview->n_header_lines = n_header;
  from = n_header > 0 ? first + n_header : 0;
  pinfo->joined_to = g_new (gint, rows->len + 1);
  pinfo->shift = g_new (guint, rows->len + 1);
  td_paste_find_continuations (rows, n_header > 0 ? first : 0, from, pinfo->joined_to,
                               pinfo->shift);
  td_paste_find_code_columns (preview, rows, from);

  for (guint i = 0; i < rows->len; i++)
    {
      TdPasteRow *row = row_new (i + 1);

      g_ptr_array_add (preview->rows, row);
      fill_cells (preview, i);
      if (pinfo->joined_to[i] >= 0)
        row->skip_reason = TD_PASTE_SKIP_CONTINUATION;
      else if (is_empty_row (row))
        row->skip_reason = TD_PASTE_SKIP_EMPTY;
      else if (i < from)
        row->skip_reason = TD_PASTE_SKIP_HEADER;
      else if (is_total_row (row))
        {
          TdPasteCell v;
          row->skip_reason = TD_PASTE_SKIP_TOTAL;
          TdPoints in_words = 0;
          g_autofree gchar *folded = td_paste_fold (row->cells[TD_PASTE_COL_TITLE]);

          if (td_paste_read_cell (row->cells[TD_PASTE_COL_STANDARD], &v, NULL) && v.present
              && v.value > 0)
            {
              preview->total = v.value;
              preview->total_stated = TRUE;
            }
          /* "Tổng cộng: 50 điểm" in a table whose figures are in the words */
          else if ((td_paste_text_points (folded, &in_words)
                    || td_paste_text_bare_points (folded, &in_words))
                   && in_words > 0)
            {
              preview->total = in_words;
              preview->total_stated = TRUE;
            }
        }
      td_paste_row_read (preview, row);
    }
  /* Trailing empty line of the clipboard: not a row at all. */
  while (preview->rows->len > 0
         && is_empty_row (g_ptr_array_index (preview->rows, preview->rows->len - 1)))
    g_ptr_array_remove_index (preview->rows, preview->rows->len - 1);

  td_paste_interpret (preview);
  return g_steal_pointer (&preview);
}

/* The clerk's choices */

/* A line read as the rest of the one above becomes a row of its own, with
 * the lines after it that went on with the same row. */
static void
unjoin (TdPastePreview *preview, guint index)
{
  TdPastePreviewInfo *pinfo = PREVIEW_INFO (preview);
  gint owner = pinfo->joined_to[index];

  if (owner < 0)
    return;
  for (guint j = index; j < preview->rows->len && pinfo->joined_to[j] == owner; j++)
    {
      TdPasteRow *r = g_ptr_array_index (preview->rows, j);

      pinfo->joined_to[j] = -1;
      r->skip_reason = TD_PASTE_SKIP_NONE;
      fill_cells (preview, j);
      td_paste_row_read (preview, r);
    }
  fill_cells (preview, (guint)owner);
  td_paste_row_read (preview, g_ptr_array_index (preview->rows, owner));
}

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
  /* The clerk edits the line as a row of its own. */
  unjoin (preview, row_index);
  for (guint m = 0; m < TD_PASTE_N_EDITABLE; m++)
    if (values[m] != NULL)
      {
        g_autofree gchar *valid = g_utf8_make_valid (values[m], -1);
        g_free (row->cells[m]);
        row->cells[m] = g_strstrip (g_strndup (valid, TD_PASTE_MAX_CELL));
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
  if (!skipped && row->skip_reason == TD_PASTE_SKIP_CONTINUATION)
    unjoin (preview, row_index);
  else if (!skipped && row->skip_reason != TD_PASTE_SKIP_NONE
           && row->skip_reason != TD_PASTE_SKIP_CLERK)
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
  table->total = preview->total;
  return g_steal_pointer (&table);
}

gboolean
td_paste_preview_save (const TdPastePreview *preview, TdDb *db, gint64 bloc_year_id,
                       gboolean replace, GError **error)
{
  g_autoptr (TdCriteriaTable) table = td_paste_preview_to_table (preview, error);

  return table != NULL && td_criteria_save_table (db, bloc_year_id, table, replace, error);
}
