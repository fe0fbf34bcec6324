/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tree of a pasted table's rows and their first roles (steps 1 and 2
 * of td-paste-interpret.c, which says how a row finds its parent). */
#include "config.h"

#include "td-paste-private.h"
#include "td-text.h"

#include <string.h>

/* 1. The tree */

static const char *const alphabet[]
    = { "a", "b", "c", "d", "đ", "e", "f", "g", "h", "i", "j", "k", "l", "m",
        "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z" };

static gint
letter_index (const char *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (alphabet); i++)
    if (g_str_equal (alphabet[i], s))
      return (gint)i;
  return -1;
}

static gint
roman (const char *s)
{
  gint total = 0, previous = 0;

  for (gssize i = (gssize)strlen (s) - 1; i >= 0; i--)
    {
      const char *digits = "ivxlcdm";
      const gint values[] = { 1, 5, 10, 50, 100, 500, 1000 };
      const char *at = strchr (digits, s[i]);
      gint v;

      if (at == NULL || s[i] == '\0')
        return 0;
      v = values[at - digits];
      total += v < previous ? -v : v;
      previous = MAX (previous, v);
    }
  return total;
}

/* Whether the one-part code cur comes right after prev: "2" after "1",
 * "b" after "a", "đ" or "e" after "d", "II" after "I". */
static gboolean
continues (const char *prev, const char *cur)
{
  if (g_ascii_isdigit (prev[0]) || g_ascii_isdigit (cur[0]))
    return g_ascii_isdigit (prev[0]) && g_ascii_isdigit (cur[0])
           && g_ascii_strtoll (cur, NULL, 10) == g_ascii_strtoll (prev, NULL, 10) + 1;
  if (roman (prev) > 0 && roman (cur) == roman (prev) + 1)
    return TRUE;
  {
    gint a = letter_index (prev), b = letter_index (cur);
    return a >= 0 && b >= 0 && (b == a + 1 || (g_str_equal (prev, "d") && g_str_equal (cur, "e")));
  }
}

static gboolean
starts_sequence (const char *code)
{
  return g_str_equal (code, "1") || g_str_equal (code, "a") || g_str_equal (code, "i");
}

static guint
path_length (TdPasteRowInfo *info)
{
  return info->path ? g_strv_length (info->path) : 0;
}

/* Whether a's path is a proper prefix of b's. */
static gboolean
is_prefix (TdPasteRowInfo *a, TdPasteRowInfo *b)
{
  guint na = path_length (a), nb = path_length (b);

  if (na == 0 || na >= nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!g_str_equal (a->path[i], b->path[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_skipped (TdPasteRow *row)
{
  return row->skip_reason != TD_PASTE_SKIP_NONE || ROW_INFO (row)->forced_skip;
}

/* A row without a figure anywhere: a heading, a note, guidance. */
static gboolean
has_column_figure (TdPasteRowInfo *info)
{
  return info->std.present || info->bonus.present || info->ded.present;
}

static gboolean
has_text_amount (TdPasteRowInfo *info)
{
  return info->has_t_ded || info->has_t_bonus || info->has_t_std || info->linear || info->size_class
         || info->own_brackets->len > 0 || info->has_t_points;
}

/* Standard points written only in the words, where no column gives
 * them: "(5 điểm)", "…: 10đ", "– 10 điểm", "(tối đa 15 điểm)" closing
 * the text of a row that neither adds nor deducts. */
static gboolean
text_standard (TdPasteRowInfo *info, TdPoints *out)
{
  if (info->has_t_std)
    {
      *out = info->t_std;
      return TRUE;
    }
  if (!info->has_t_points || has_column_figure (info) || info->has_t_bonus || info->has_t_ded
      || info->linear || info->t_each || info->t_disqualify || info->size_class
      || info->own_levels->len >= 2)
    return FALSE;
  *out = info->t_points;
  return TRUE;
}

static gboolean
is_coded (TdPasteRowInfo *info)
{
  return info->path != NULL && !info->code_bad;
}

/* Whether a row without a code is a note on caps, as notes are written:
 * "Ghi chú: Tổng điểm trừ của mục a1 không quá 1,5 điểm", "Tổng điểm cộng
 * không quá 01 điểm". */
/* Whether a row's text opens as a note does: "Ghi chú:", "(Lưu ý …",
 * "* Chú ý". */
static gboolean
opens_as_note (TdPasteRowInfo *info)
{
  const char *f = info->folded;

  while (*f == '(' || *f == '-' || *f == '*' || *f == ' ')
    f++;
  return g_str_has_prefix (f, "ghi chu") || g_str_has_prefix (f, "luu y")
         || g_str_has_prefix (f, "chu y");
}

static gboolean
reads_as_cap_note (TdPasteRowInfo *info)
{
  const char *f = info->folded;

  if (!info->note_caps || has_column_figure (info) || info->t_each || info->linear)
    return FALSE;
  while (*f == '(' || *f == '-' || *f == ' ')
    f++;
  return opens_as_note (info) || g_str_has_prefix (f, "tong") || strstr (f, "tong diem")
         || strstr (f, "tong so diem") || info->named_code != NULL;
}

/* Bullets under a coded row nest as Word's list levels do: the first
 * mark ("-") is the first level, another mark after it ("+") the next, and
 * the first mark again goes back up ("- Tỷ lệ hộ nghèo giảm:" over "+
 * Giảm từ 3% trở lên").  Rows without a mark belong to the coded row. */
static gint
bullet_parent (TdPastePass *pass, GArray *bullets, gint coded, TdPasteRowInfo *info, gint me)
{
  gint parent = coded;

  if (info->bullet_mark == 0)
    return coded;
  for (guint k = 0; k < bullets->len; k++)
    if (ROW_INFO (td_paste_row_of (pass, g_array_index (bullets, gint, k)))->bullet_mark
        == info->bullet_mark)
      {
        /* A sibling: the levels below it close. */
        g_array_set_size (bullets, k);
        break;
      }
  if (bullets->len > 0)
    parent = g_array_index (bullets, gint, bullets->len - 1);
  g_array_append_val (bullets, me);
  return parent;
}

void
td_paste_build_tree (TdPastePass *pass)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (GArray) bullets = g_array_new (FALSE, FALSE, sizeof (gint));

  for (guint i = 0; i < pass->n; i++)
    {
      TdPasteRow *row = td_paste_row_of (pass, i);
      TdPasteRowInfo *info = ROW_INFO (row);
      gint parent = -1;
      guint n;

      info->tree_parent = -1;
      if (is_skipped (row))
        continue;
      if (!is_coded (info))
        {
          gint coded = stack->len > 0 ? g_array_index (stack, gint, stack->len - 1) : -1;

          info->tree_parent = bullet_parent (pass, bullets, coded, info, (gint)i);
          /* "Ghi chú: Đơn vị có cá nhân bị xử lý hình sự không xét thi
           * đua" is said of the whole table, not of the row above. */
          if (info->t_disqualify && opens_as_note (info) && !has_column_figure (info))
            info->tree_parent = -1;
          continue;
        }
      g_array_set_size (bullets, 0);
      n = path_length (info);
      if (n >= 2)
        {
          /* The open row whose code is the longest prefix of this one. */
          gint best = -1;
          guint best_len = 0;

          for (gint k = (gint)stack->len - 1; k >= 0; k--)
            {
              TdPasteRowInfo *other
                  = ROW_INFO (td_paste_row_of (pass, g_array_index (stack, gint, k)));
              if (is_prefix (other, info) && path_length (other) > best_len)
                {
                  best = k;
                  best_len = path_length (other);
                }
            }
          if (best >= 0)
            {
              parent = g_array_index (stack, gint, best);
              g_array_set_size (stack, best + 1);
            }
          else
            {
              /* A sibling of an open row of the same shape ("2.3" after
               * "2.2" whose parent was never written). */
              for (gint k = (gint)stack->len - 1; k >= 0 && parent < 0; k--)
                {
                  gint j = g_array_index (stack, gint, k);
                  TdPasteRowInfo *other = ROW_INFO (td_paste_row_of (pass, j));

                  if (path_length (other) == n)
                    {
                      parent = other->tree_parent;
                      g_array_set_size (stack, k);
                      break;
                    }
                }
              if (parent < 0 && stack->len > 0)
                parent = g_array_index (stack, gint, stack->len - 1);
            }
        }
      else
        {
          gint found = -1;

          /* A sibling it continues: first in the same case ("B" after "A"),
           * then in any ("C" after "b": a capital typed by mistake). */
          for (guint pass_case = 0; pass_case < 2 && found < 0; pass_case++)
            for (gint k = (gint)stack->len - 1; k >= 0; k--)
              {
                TdPasteRowInfo *other
                    = ROW_INFO (td_paste_row_of (pass, g_array_index (stack, gint, k)));

                if (path_length (other) == 1 && continues (other->path[0], info->path[0])
                    && (pass_case == 1 || other->code_upper == info->code_upper))
                  {
                    found = k;
                    break;
                  }
              }
          if (found >= 0)
            {
              parent = ROW_INFO (td_paste_row_of (pass, g_array_index (stack, gint, found)))
                           ->tree_parent;
              g_array_set_size (stack, found);
            }
          else if (starts_sequence (info->path[0]))
            parent = stack->len > 0 ? g_array_index (stack, gint, stack->len - 1) : -1;
          else
            {
              /* A gap ("3" after "1"): the sibling of the nearest open
               * one-part code of the same style. */
              gint k;
              for (k = (gint)stack->len - 1; k >= 0; k--)
                {
                  TdPasteRowInfo *other
                      = ROW_INFO (td_paste_row_of (pass, g_array_index (stack, gint, k)));
                  if (path_length (other) == 1
                      && g_ascii_isdigit (other->path[0][0]) == g_ascii_isdigit (info->path[0][0])
                      && (roman (other->path[0]) > 0) == (roman (info->path[0]) > 0)
                      && other->code_upper == info->code_upper)
                    break;
                }
              if (k >= 0)
                {
                  parent = ROW_INFO (td_paste_row_of (pass, g_array_index (stack, gint, k)))
                               ->tree_parent;
                  g_array_set_size (stack, k);
                }
              else
                parent = stack->len > 0 ? g_array_index (stack, gint, stack->len - 1) : -1;
            }
        }
      info->tree_parent = parent;
      {
        gint me = (gint)i;
        g_array_append_val (stack, me);
      }
    }
}

/* +1 for the words of a section of bonuses ("ĐIỂM THƯỞNG", "Điểm cộng"),
 * −1 for one of deductions ("ĐIỂM TRỪ"), else 0. */
gint
td_paste_section_words (const char *f)
{
  if (strstr (f, "diem thuong") || strstr (f, "diem cong") || strstr (f, "cong diem")
      || strstr (f, "thuong diem"))
    return 1;
  if (strstr (f, "diem tru") || strstr (f, "tru diem"))
    return -1;
  return 0;
}

/* Under "III ĐIỂM THƯỞNG", "- Được tặng Cờ thi đua của Chính phủ: 5
 * điểm" is a bonus of 5, not 5 standard points; under "ĐIỂM TRỪ" a
 * deduction.  So is a figure in the one points column of such a row. */
void
td_paste_section_figures (TdPastePass *pass)
{
  for (guint i = 0; i < pass->n; i++)
    {
      TdPasteRowInfo *info = ROW_INFO (td_paste_row_of (pass, i));
      gint up = info->tree_parent;

      if (info->section_figure)
        {
          /* From an earlier reading: the text's own phrases again. */
          info->has_t_bonus = info->has_t_ded = FALSE;
          info->section_figure = FALSE;
        }
      info->in_section = 0;
      for (guint guard = 0; up >= 0 && info->in_section == 0 && guard < pass->n; guard++)
        {
          TdPasteRowInfo *above = ROW_INFO (td_paste_row_of (pass, up));

          info->in_section = td_paste_section_words (above->folded);
          up = above->tree_parent;
        }
      if (info->in_section == 0 || !info->has_t_points || has_column_figure (info)
          || info->has_t_bonus || info->has_t_ded || info->linear || info->t_disqualify)
        continue;
      info->section_figure = TRUE;
      if (info->in_section > 0)
        info->has_t_bonus = TRUE, info->t_bonus = info->t_points;
      else
        info->has_t_ded = TRUE, info->t_ded = info->t_points;
    }
}

/* 2. Roles */

void
td_paste_tentative_roles (TdPastePass *pass)
{
  for (guint i = 0; i < pass->n; i++)
    {
      TdPasteRow *row = td_paste_row_of (pass, i);
      TdPasteRowInfo *info = ROW_INFO (row);

      row->owner = -1;
      row->parent = -1;
      g_array_set_size (row->targets, 0);
      if (row->skip_reason == TD_PASTE_SKIP_CONTINUATION)
        row->owner = PREVIEW_INFO (pass->preview)->joined_to[i];
      if (info->forced_skip && row->skip_reason == TD_PASTE_SKIP_NONE)
        row->skip_reason = TD_PASTE_SKIP_CLERK;
      if (is_skipped (row))
        row->role = TD_PASTE_ROLE_SKIP;
      else if (info->forced_role >= 0)
        row->role = info->forced_role;
      else if (is_coded (info) || info->t_disqualify)
        row->role = TD_PASTE_ROLE_CRITERION;
      else if (reads_as_cap_note (info))
        row->role = TD_PASTE_ROLE_NOTE;
      else if (!has_column_figure (info) && !has_text_amount (info) && info->t_exemption)
        row->role = TD_PASTE_ROLE_NOTE;
      else if (!has_column_figure (info) && info->tree_parent >= 0
               && (!has_text_amount (info) || info->own_levels->len >= 2))
        row->role = TD_PASTE_ROLE_GUIDANCE; /* text, or the grades of the item above in words */
      else
        row->role = TD_PASTE_ROLE_CRITERION;
      row->skip = row->role == TD_PASTE_ROLE_SKIP;
    }
}

/* Standard points a row states: its column, or "(điểm chuẩn 3 điểm)". */
gboolean
td_paste_stated_standard (TdPasteRowInfo *info, TdPoints *out)
{
  if (info->std.present && info->std.sign >= 0)
    {
      *out = info->std.value;
      return TRUE;
    }
  if (text_standard (info, out))
    return TRUE;
  *out = 0;
  return FALSE;
}
