/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the rows of a pasted table mean together.
 *
 * 1. The tree.  A coded row hangs under the open row whose code is its
 *    prefix, dots and case ignored ("a1.1" under "a1", "a.7.6" under "a7",
 *    "C1.1" under "C1"); a one-part code that continues an open one ("b"
 *    after "a", "C" after "b" or "B", "II" after "I") is its sibling; one
 *    that starts a sequence ("1", "a", "I") goes under the open row above.
 *    A row without a code belongs to the nearest coded row above it, or
 *    to the bullet above it of another mark ("+" rows under a "-" row);
 *    it never takes coded rows under it, so a bullet cannot swallow the
 *    next items.
 * 2. Roles.  Rows without a code are notes (caps, an exemption), guidance
 *    text, or rows with a rule of their own.  A criterion's rows become
 *    the parts of its rule when they read so: levels with points that do
 *    not add up to the item's (grades), "01 trong 02 trường hợp" followed
 *    by bonuses (options), size classes with brackets.
 * 3. Rules, from the columns and the text together; where they differ the
 *    row says which it took.
 * 4. Notes and guidance attach to their rows; then the checks and the
 *    words the preview shows. */
#include "config.h"

#include "td-paste-private.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

TdPasteRow *
td_paste_row_of (TdPastePass *pass, gint i)
{
  return g_ptr_array_index (pass->preview->rows, i);
}

void
td_paste_use (TdPasteWork *w, TdPoints value)
{
  g_array_append_val (w->used, value);
}

void
td_paste_say (TdPasteWork *w, TdPasteStatus status, const char *format, ...)
{
  va_list args;

  if (w->problems->len > 0)
    g_string_append_c (w->problems, '\n');
  va_start (args, format);
  g_string_append_vprintf (w->problems, format, args);
  va_end (args);
  w->status = MAX (w->status, status);
}

void
td_paste_explain (TdPasteWork *w, const char *format, ...)
{
  va_list args;

  g_string_append (w->why, " · ");
  va_start (args, format);
  g_string_append_vprintf (w->why, format, args);
  va_end (args);
}

gchar *
td_paste_name_of (TdPasteRow *row)
{
  if (row->criterion->code && *row->criterion->code)
    return g_strdup (row->criterion->code);
  return g_strdup_printf (_ ("line %u"), row->line);
}

/* 1. The tree and 2. the rows' first roles: td-paste-tree.c */

/* A bonus (> 0) or a deduction (< 0) a row gives, from its columns or
 * else its text; 0 when none. */
TdPoints
td_paste_signed_amount (TdPastePreview *preview, TdPasteRowInfo *info)
{
  if (info->bonus.present)
    return info->bonus.sign < 0 ? -info->bonus.value : info->bonus.value;
  if (info->ded.present)
    return info->ded.sign > 0 ? info->ded.value : -info->ded.value;
  if (info->std.present && info->std.sign != 0)
    return info->std.sign * info->std.value;
  if (info->has_t_ded)
    return -info->t_ded;
  if (info->has_t_bonus)
    return info->t_bonus;
  (void)preview;
  return 0;
}

/* Points a level states: its column or "…: 5 điểm". */
gboolean
td_paste_level_points (TdPasteRowInfo *info, TdPoints *out)
{
  if (info->std.present && info->std.sign >= 0)
    *out = info->std.value;
  else if (info->has_t_points)
    *out = info->t_points;
  else
    return FALSE;
  return !info->bonus.present && !info->ded.present && !info->has_t_ded && !info->has_t_bonus;
}

/* The criterion rows directly under row i (not yet parts). */
static GArray *
children_of (TdPastePass *pass, gint i)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint));

  for (guint j = i + 1; j < pass->n; j++)
    {
      TdPasteRow *child = td_paste_row_of (pass, j);
      TdPasteRowInfo *info = ROW_INFO (child);

      if (child->role == TD_PASTE_ROLE_CRITERION && info->tree_parent == i && info->forced_role < 0)
        {
          gint k = (gint)j;
          g_array_append_val (out, k);
        }
    }
  return out;
}

static gboolean
has_criterion_children (TdPastePass *pass, gint i)
{
  for (guint j = i + 1; j < pass->n; j++)
    {
      TdPasteRow *child = td_paste_row_of (pass, j);
      if (child->role == TD_PASTE_ROLE_CRITERION && ROW_INFO (child)->tree_parent == i)
        return TRUE;
    }
  return FALSE;
}

static void
make_part (TdPastePass *pass, gint child, gint owner, TdPasteRole role)
{
  TdPasteRow *row = td_paste_row_of (pass, child);

  row->role = role;
  row->owner = owner;
}

/* Which of a criterion's rows are the parts of its rule. */
static void
find_parts (TdPastePass *pass, gint i)
{
  TdPasteRow *row = td_paste_row_of (pass, i);
  TdPasteRowInfo *info = ROW_INFO (row);
  g_autoptr (GArray) kids = children_of (pass, i);
  guint n = kids->len;
  gboolean all_leaves = TRUE, all_amounts = TRUE, all_levels = TRUE, all_sizes = TRUE;
  gboolean all_ranged_amounts = TRUE, all_ranges = TRUE;
  TdPoints stated = 0, sum = 0, best = 0;
  gboolean has_stated = td_paste_stated_standard (info, &stated);
  gint forced = info->forced_kind;

  if (n == 0)
    return;
  for (guint k = 0; k < n; k++)
    {
      gint c = g_array_index (kids, gint, k);
      TdPasteRowInfo *ci = ROW_INFO (td_paste_row_of (pass, c));
      TdPoints points;

      all_leaves &= !has_criterion_children (pass, c);
      all_amounts
          &= td_paste_signed_amount (pass->preview, ci) != 0 && !ci->std.present && !ci->t_each;
      all_sizes &= ci->size_class;
      all_ranges &= ci->has_range;
      all_ranged_amounts &= ci->has_range && td_paste_signed_amount (pass->preview, ci) != 0
                            && !ci->std.present && !ci->t_each && !ci->linear;
      if (td_paste_level_points (ci, &points) && (ci->t_level || ci->has_range))
        {
          sum += points;
          best = MAX (best, points);
        }
      else
        all_levels = FALSE;
    }
  if (!all_leaves && forced < 0)
    return;

  if (forced == TD_RULE_OPTIONS
      || (forced < 0 && info->t_option_group && !has_stated && n >= 2 && all_amounts))
    {
      for (guint k = 0; k < n; k++)
        make_part (pass, g_array_index (kids, gint, k), i, TD_PASTE_ROLE_OPTION);
      return;
    }
  if (forced == TD_RULE_GRADED
      || (forced < 0 && n >= 2 && all_levels
          && ((has_stated && stated > 0 && sum != stated && best <= stated)
              || (!has_stated && all_ranges))))
    {
      for (guint k = 0; k < n; k++)
        make_part (pass, g_array_index (kids, gint, k), i, TD_PASTE_ROLE_GRADE);
      return;
    }
  if ((forced == TD_RULE_BRACKETS || forced < 0) && all_sizes && !has_stated)
    {
      for (guint k = 0; k < n; k++)
        make_part (pass, g_array_index (kids, gint, k), i, TD_PASTE_ROLE_SIZE_CLASS);
      return;
    }
  if (forced == TD_RULE_BRACKETS || (forced < 0 && n >= 2 && all_ranged_amounts && !has_stated))
    {
      for (guint k = 0; k < n; k++)
        {
          gint c = g_array_index (kids, gint, k);
          make_part (pass, c, i,
                     ROW_INFO (td_paste_row_of (pass, c))->size_class ? TD_PASTE_ROLE_SIZE_CLASS
                                                                      : TD_PASTE_ROLE_BRACKET);
        }
    }
}

/* Parts the clerk made by hand belong to their criterion. */
static void
forced_parts (TdPastePass *pass)
{
  for (guint i = 0; i < pass->n; i++)
    {
      TdPasteRow *row = td_paste_row_of (pass, i);
      TdPasteRowInfo *info = ROW_INFO (row);

      if (row->role != TD_PASTE_ROLE_SKIP && info->forced_owner >= 0
          && (guint)info->forced_owner < pass->n
          && (row->role == TD_PASTE_ROLE_GRADE || row->role == TD_PASTE_ROLE_OPTION
              || row->role == TD_PASTE_ROLE_SIZE_CLASS || row->role == TD_PASTE_ROLE_BRACKET))
        row->owner = info->forced_owner;
    }
}

/* The criterion a row without a code (or a part) belongs to. */
static gint
criterion_owner (TdPastePass *pass, gint i)
{
  gint up = ROW_INFO (td_paste_row_of (pass, i))->tree_parent;

  while (up >= 0 && td_paste_row_of (pass, up)->role != TD_PASTE_ROLE_CRITERION)
    {
      TdPasteRow *r = td_paste_row_of (pass, up);
      up = r->owner >= 0 ? r->owner : ROW_INFO (r)->tree_parent;
    }
  return up;
}

static void
link_rows (TdPastePass *pass)
{
  for (guint i = 0; i < pass->n; i++)
    {
      TdPasteRow *row = td_paste_row_of (pass, i);

      switch (row->role)
        {
        case TD_PASTE_ROLE_CRITERION:
          row->parent = criterion_owner (pass, (gint)i);
          row->depth = row->parent >= 0 ? td_paste_row_of (pass, row->parent)->depth + 1 : 0;
          break;
        case TD_PASTE_ROLE_SKIP:
          row->depth = 0;
          break;
        default:
          if (row->owner < 0)
            row->owner = criterion_owner (pass, (gint)i);
          row->depth = row->owner >= 0 ? td_paste_row_of (pass, row->owner)->depth + 1 : 0;
          break;
        }
    }
}

/* 3. Rules */

/* The kind a row's amounts give when nothing else decides: a deduction
 * first, then a bonus, each per case or as points; a heading otherwise. */
static TdRuleKind
kind_of_amounts (TdPoints deduction, TdPoints bonus, gboolean each)
{
  if (deduction > 0)
    return each ? TD_RULE_DEDUCTION_EACH : TD_RULE_DEDUCTION_POINTS;
  if (bonus > 0)
    return each ? TD_RULE_BONUS_EACH : TD_RULE_BONUS_POINTS;
  return TD_RULE_GROUP;
}

static void
set_rate_and_cap (TdPasteWork *w, TdCriterion *c, TdPoints text_rate, gboolean has_text_rate,
                  gboolean has_column, TdPoints column, TdPasteRowInfo *info, gboolean deduction)
{
  TdPoints *cap = deduction ? &c->deduction_cap : &c->bonus_cap;
  gboolean text_cap = info->has_t_cap && info->t_cap_which != (deduction ? 1 : -1);
  g_autofree gchar *col = has_column ? td_points_format (column) : NULL;

  /* "0,5/báo cáo" in the column and "tối đa trừ 5 điểm" in the words:
   * the text's only figure is the most, the column the rate. */
  if (has_text_rate && text_cap && text_rate == info->t_cap && has_column && column != text_rate)
    has_text_rate = FALSE;
  if (has_text_rate)
    {
      c->rate = text_rate;
      td_paste_use (w, text_rate);
      if (text_cap)
        {
          *cap = info->t_cap;
          td_paste_use (w, info->t_cap);
        }
      if (has_column && column != text_rate)
        {
          g_autofree gchar *rate = td_points_format (text_rate);

          if (!text_cap)
            {
              *cap = column;
              td_paste_use (w, column);
              td_paste_say (
                  w, TD_PASTE_WARNING,
                  _ ("The text gives %s per case and the column %s: %s is read as the most for "
                     "all cases. Check it."),
                  rate, col, col);
            }
          else if (column == info->t_cap)
            /* Translators: the column holds the cap, e.g. "the column's 1 is the most" */
            td_paste_explain (w, _ ("%s per case from the text, the column's %s is the most"), rate,
                              col);
          else
            td_paste_say (
                w, TD_PASTE_WARNING,
                _ ("The column's %s is neither the %s per case nor the most the text states."), col,
                rate);
        }
    }
  else
    {
      c->rate = column;
      td_paste_use (w, column);
      if (text_cap)
        {
          *cap = info->t_cap;
          td_paste_use (w, info->t_cap);
        }
    }
}

/* +1 for a section of bonuses ("ĐIỂM THƯỞNG", "Điểm cộng") whose rows only
 * add, −1 for one of deductions whose rows only deduct, else 0. */
static gint
section_sign (TdPastePass *pass, gint i)
{
  gint sign = td_paste_section_words (ROW_INFO (td_paste_row_of (pass, i))->folded);

  if (sign == 0)
    return 0;
  for (guint j = i + 1; j < pass->n; j++)
    {
      TdPasteRow *other = td_paste_row_of (pass, j);
      TdPasteRowInfo *oi = ROW_INFO (other);
      TdPoints amount;

      if (other->role != TD_PASTE_ROLE_CRITERION || other->parent != i)
        continue;
      if (oi->std.present && oi->std.sign == 0)
        return 0;
      amount = td_paste_signed_amount (pass->preview, oi);
      if (amount != 0 && (amount > 0) != (sign > 0))
        return 0;
    }
  return sign;
}

/* The rule of a criterion from its own figures.  has_rows: it has rows
 * under it; rows_standard: what they add up to. */
static void
rule_of (TdPastePass *pass, gint i, gboolean has_rows, TdPoints rows_standard)
{
  TdPastePreview *preview = pass->preview;
  TdPasteRow *row = td_paste_row_of (pass, i);
  TdPasteRowInfo *info = ROW_INFO (row);
  TdPasteWork *w = &pass->work[i];
  TdCriterion *c = row->criterion;
  TdPoints standard = 0, bonus = 0, deduction = 0;
  gboolean has_standard = td_paste_stated_standard (info, &standard);
  gboolean has_bonus_col = FALSE, has_ded_col = FALSE;
  TdPoints bonus_col = 0, ded_col = 0;
  gboolean each = info->t_each || info->bonus.each || info->ded.each || info->std.each;
  gint forced = info->forced_kind;

  w->has_stated = has_standard;
  w->stated = standard;
  if (info->words_column >= 0)
    {
      const char *names[] = { NULL, NULL, N_ ("Standard points"), N_ ("Bonus"), N_ ("Deduction") };

      /* Translators: %s is a column of points ("Standard points") */
      td_paste_explain (w, _ ("the rule is written in its %s cell"), _ (names[info->words_column]));
    }
  if (has_standard)
    td_paste_use (w, standard);
  /* Signs decide over columns: a minus in the bonus column is a deduction,
   * a plus in the deduction column a bonus. */
  if (info->std.present && info->std.sign < 0)
    {
      has_ded_col = TRUE, ded_col = info->std.value;
      if (preview->columns[TD_PASTE_COL_DEDUCTION] >= 0
          || preview->columns[TD_PASTE_COL_BONUS] >= 0)
        td_paste_say (w, TD_PASTE_WARNING, "%s",
                      _ ("A minus sign in the standard points column: read as a deduction."));
    }
  else if (info->std.present && info->std.sign > 0 && !has_rows)
    {
      has_bonus_col = TRUE, bonus_col = info->std.value;
      has_standard = FALSE, standard = 0;
      if (preview->columns[TD_PASTE_COL_DEDUCTION] >= 0
          || preview->columns[TD_PASTE_COL_BONUS] >= 0)
        td_paste_say (w, TD_PASTE_WARNING, "%s",
                      _ ("A plus sign in the standard points column: read as a bonus."));
    }
  if (info->bonus.present)
    {
      if (info->bonus.sign < 0)
        {
          has_ded_col = TRUE, ded_col = info->bonus.value;
          if (!preview->signed_column)
            td_paste_say (w, TD_PASTE_WARNING, "%s",
                          _ ("A minus sign in the bonus column: read as a deduction."));
        }
      else
        has_bonus_col = TRUE, bonus_col = info->bonus.value;
    }
  if (info->ded.present)
    {
      if (info->ded.sign > 0)
        {
          has_bonus_col = TRUE, bonus_col = info->ded.value;
          td_paste_say (w, TD_PASTE_WARNING, "%s",
                        _ ("A plus sign in the deduction column: read as a bonus."));
        }
      else
        has_ded_col = TRUE, ded_col = info->ded.value;
    }
  /* A table with one points column writes bonuses and deductions there
   * too: "- Có sáng kiến: cộng 1 điểm | 1". */
  if (preview->columns[TD_PASTE_COL_BONUS] < 0 && preview->columns[TD_PASTE_COL_DEDUCTION] < 0
      && has_standard && info->std.present && info->std.sign == 0 && !has_rows)
    {
      if ((info->has_t_bonus && info->t_bonus == standard && !info->has_t_ded)
          || (info->in_section > 0 && !info->has_t_ded))
        has_bonus_col = TRUE, bonus_col = standard, has_standard = FALSE, standard = 0;
      else if ((info->has_t_ded && info->t_ded == standard && !info->has_t_bonus)
               || (info->in_section < 0 && !info->has_t_bonus))
        has_ded_col = TRUE, ded_col = standard, has_standard = FALSE, standard = 0;
    }
  bonus = has_bonus_col ? bonus_col : (info->has_t_bonus ? info->t_bonus : 0);
  deduction = has_ded_col ? ded_col : (info->has_t_ded ? info->t_ded : 0);

  c->standard = has_standard ? standard : 0;
  c->rate = 0;
  c->bonus_cap = TD_NO_CAP;
  c->deduction_cap = TD_NO_CAP;
  c->bonus_max = 0;
  c->threshold = 0;
  c->step = 0;
  g_ptr_array_set_size (c->options, 0);
  g_strfreev (c->size_classes);
  c->size_classes = g_new0 (gchar *, 1);
  g_array_set_size (c->size_ranges, 0);

  if (forced == TD_RULE_DISQUALIFIER || (forced < 0 && info->t_disqualify))
    {
      c->kind = TD_RULE_DISQUALIFIER;
      c->standard = 0;
      if (has_standard || bonus || deduction)
        td_paste_say (
            w, TD_PASTE_WARNING, "%s",
            _ ("“Không xếp loại”: the points on this row are ignored; the row only marks a "
               "unit as not graded."));
      return;
    }
  if (forced == TD_RULE_LINEAR_BONUS || forced == TD_RULE_LINEAR_DEDUCTION
      || (forced < 0 && info->linear))
    {
      gboolean ded = forced >= 0 ? forced == TD_RULE_LINEAR_DEDUCTION : info->lin_deduction;

      c->kind = ded ? TD_RULE_LINEAR_DEDUCTION : TD_RULE_LINEAR_BONUS;
      c->step = info->linear ? info->lin_step : 100;
      c->threshold = info->lin_has_threshold ? info->lin_threshold : (ded ? 10000 : 0);
      set_rate_and_cap (w, c, info->lin_rate, info->linear, has_bonus_col || has_ded_col,
                        ded ? ded_col : bonus_col, info, ded);
      c->standard = 0;
      if (!info->lin_has_threshold)
        {
          g_autofree gchar *thr = td_points_format (c->threshold);
          td_paste_say (
              w, TD_PASTE_WARNING,
              _ ("The text names no threshold (“trên …%%”, “dưới …%%”); %s%% is assumed."), thr);
        }
      return;
    }
  if (has_rows && rows_standard == 0 && has_standard && standard > 0 && forced < 0)
    {
      /* "B | ĐIỂM THƯỞNG | 10" over bonus rows only: the figure is the most
       * the section's bonuses can give, not standard points. */
      gint sign = section_sign (pass, i);

      if (sign != 0)
        {
          c->kind = TD_RULE_GROUP;
          c->standard = 0;
          *(sign > 0 ? &c->bonus_cap : &c->deduction_cap) = standard;
          {
            g_autofree gchar *v = td_points_format (standard);
            if (info->std.present)
              td_paste_explain (
                  w,
                  sign > 0 ? _ ("the %s in the standard column is the most its bonuses give")
                           : _ ("the %s in the standard column is the most its deductions take"),
                  v);
            else
              td_paste_explain (w,
                                sign > 0 ? _ ("the %s in its text is the most its bonuses give")
                                         : _ ("the %s in its text is the most its deductions take"),
                                v);
          }
          w->has_stated = FALSE;
          return;
        }
    }
  if (has_rows && rows_standard == 0 && forced < 0 && (bonus > 0 || deduction > 0))
    {
      /* "5 | Điểm trừ (tối đa trừ 10 điểm) | | | 10" over deduction rows
       * only: the figure beside the section is the most its rows take. */
      gint sign = section_sign (pass, i);
      TdPoints most = sign > 0 ? bonus : deduction;

      if (sign != 0 && most > 0 && (sign > 0 ? deduction == 0 : bonus == 0))
        {
          g_autofree gchar *v = td_points_format (most);

          c->kind = TD_RULE_GROUP;
          c->standard = 0;
          *(sign > 0 ? &c->bonus_cap : &c->deduction_cap) = most;
          if (info->has_t_cap && info->t_cap != most)
            {
              g_autofree gchar *t = td_points_format (info->t_cap);
              td_paste_say (w, TD_PASTE_WARNING,
                            _ ("The section's figure %s and its text's “tối đa %s” differ: %s is "
                               "read as the most its rows give. Check it."),
                            v, t, v);
            }
          td_paste_explain (w,
                            sign > 0 ? _ ("the %s beside it is the most its bonuses give")
                                     : _ ("the %s beside it is the most its deductions take"),
                            v);
          td_paste_use (w, most);
          w->has_stated = FALSE;
          return;
        }
    }
  if (has_rows && rows_standard > 0)
    {
      /* A heading: its standard points are its rows'; it may deduct (or
       * add) on its own: "vắng họp Khối mỗi lần trừ 1 điểm". */
      c->standard = has_standard ? standard : rows_standard;
      if (!has_standard)
        td_paste_explain (w, "%s", _ ("standard points from its rows"));
      if (forced >= 0 && !td_rule_kind_gives_standard (forced))
        c->kind = forced;
      else
        c->kind = kind_of_amounts (deduction, bonus, each);
      if (c->kind == TD_RULE_DEDUCTION_EACH || c->kind == TD_RULE_DEDUCTION_POINTS)
        set_rate_and_cap (w, c, info->t_ded, info->has_t_ded, has_ded_col, ded_col, info, TRUE);
      else if (c->kind == TD_RULE_BONUS_EACH || c->kind == TD_RULE_BONUS_POINTS)
        set_rate_and_cap (w, c, info->t_bonus, info->has_t_bonus, has_bonus_col, bonus_col, info,
                          FALSE);
      else if (info->has_t_cap && info->t_cap_which != 0)
        {
          /* "(tổng điểm trừ không quá 3 điểm)" written on the heading */
          *(info->t_cap_which < 0 ? &c->deduction_cap : &c->bonus_cap) = info->t_cap;
          td_paste_use (w, info->t_cap);
        }
      return;
    }
  if (forced >= 0)
    c->kind = forced;
  else if (has_standard && standard > 0)
    {
      /* "5 điểm; mỗi hồ sơ quá hạn trừ 0,2": less a rate, inside the item. */
      if (!has_rows && info->has_t_ded && each && !has_ded_col)
        c->kind = TD_RULE_STANDARD_LESS_EACH;
      else if (!has_rows && has_ded_col)
        {
          c->kind = TD_RULE_STANDARD_LESS_EACH;
          if (!each)
            td_paste_say (
                w, TD_PASTE_WARNING, "%s",
                _ ("Standard points and a deduction on one row: read as the standard points "
                   "less the deduction per case. Check it."));
        }
      else
        c->kind = TD_RULE_STANDARD;
    }
  else if (bonus > 0 && deduction > 0)
    {
      c->kind = TD_RULE_BONUS_POINTS;
      c->rate = bonus;
      td_paste_say (
          w, TD_PASTE_ERROR, "%s",
          _ ("Both a bonus and a deduction on one row: split it into two rows or choose the "
             "rule."));
      td_paste_use (w, bonus);
      td_paste_use (w, deduction);
      return;
    }
  else
    c->kind = kind_of_amounts (deduction, bonus, each);

  switch (c->kind)
    {
    case TD_RULE_STANDARD:
    case TD_RULE_GRADED:
      if (bonus > 0)
        {
          c->bonus_max = bonus;
          td_paste_use (w, bonus);
        }
      if (info->has_t_cap && info->t_cap_which != 0 && has_rows)
        {
          *(info->t_cap_which < 0 ? &c->deduction_cap : &c->bonus_cap) = info->t_cap;
          td_paste_use (w, info->t_cap);
        }
      else if (info->has_t_cap && info->t_cap == standard)
        td_paste_use (w, info->t_cap);
      break;
    case TD_RULE_STANDARD_LESS_EACH:
      /* As for a deduction per case: a text whose only figure is the most
       * ("tối đa trừ 5 điểm") leaves the rate to the column. */
      if (info->has_t_ded
          && !(has_ded_col && info->has_t_cap && info->t_cap == info->t_ded
               && ded_col != info->t_ded))
        {
          c->rate = info->t_ded;
          if (has_ded_col && ded_col != info->t_ded)
            {
              g_autofree gchar *a = td_points_format (info->t_ded);
              g_autofree gchar *b = td_points_format (ded_col);
              td_paste_say (w, TD_PASTE_WARNING,
                            _ ("The text gives %s per case and the column %s: the text's %s is "
                               "read. Check it."),
                            a, b, a);
            }
        }
      else
        c->rate = ded_col;
      td_paste_use (w, c->rate);
      if (has_ded_col)
        td_paste_use (w, ded_col);
      if (bonus > 0)
        {
          c->bonus_max = bonus;
          td_paste_use (w, bonus);
        }
      break;
    case TD_RULE_GROUP:
      /* "ĐIỂM TRỪ (trừ tối đa 10 điểm)" over deduction rows */
      if (has_rows && info->has_t_cap && info->t_cap_which != 0)
        {
          *(info->t_cap_which < 0 ? &c->deduction_cap : &c->bonus_cap) = info->t_cap;
          td_paste_use (w, info->t_cap);
        }
      break;
    case TD_RULE_DEDUCTION_EACH:
      set_rate_and_cap (w, c, info->t_ded, info->has_t_ded, has_ded_col, ded_col, info, TRUE);
      break;
    case TD_RULE_BONUS_EACH:
      set_rate_and_cap (w, c, info->t_bonus, info->has_t_bonus, has_bonus_col, bonus_col, info,
                        FALSE);
      break;
    case TD_RULE_DEDUCTION_POINTS:
    case TD_RULE_BONUS_POINTS:
      {
        gboolean ded = c->kind == TD_RULE_DEDUCTION_POINTS;
        TdPoints col = ded ? ded_col : bonus_col;
        gboolean has_col = ded ? has_ded_col : has_bonus_col;
        TdPoints text = ded ? info->t_ded : info->t_bonus;
        gboolean has_text = ded ? info->has_t_ded : info->has_t_bonus;

        /* Up to the column's figure; a cap in the text is the same most. */
        c->rate = has_col ? col : text;
        if (info->has_t_cap && info->t_cap > c->rate)
          c->rate = info->t_cap;
        td_paste_use (w, c->rate);
        if (info->has_t_cap)
          td_paste_use (w, info->t_cap);
        if (has_text)
          td_paste_use (w, text);
        if (has_col && has_text && col != text && c->rate != text)
          {
            g_autofree gchar *a = td_points_format (col);
            g_autofree gchar *b = td_points_format (text);
            td_paste_say (
                w, TD_PASTE_WARNING,
                _ ("The column says %s and the text %s: %s is read as the most. Check it."), a, b,
                a);
          }
      }
      break;
    default:
      break;
    }
  /* "… trừ 0,5 điểm, trừ trường hợp có lý do chính đáng": the row's own
   * exemption, for the scorer to apply. */
  if (td_rule_kind_is_deduction (c->kind) && info->t_exemption)
    {
      g_free (c->exemption);
      c->exemption = g_strdup (c->title);
    }
}

static gboolean
is_part_role (TdPasteRole role)
{
  return role == TD_PASTE_ROLE_GRADE || role == TD_PASTE_ROLE_OPTION
         || role == TD_PASTE_ROLE_SIZE_CLASS || role == TD_PASTE_ROLE_BRACKET;
}

/* The grades of criterion i listed in one text: its own ("Tốt: 10 điểm;
 * Khá: 8 điểm"), or that of the row of text right under it. */
static GPtrArray *
levels_of (TdPastePass *pass, gint i)
{
  TdPasteRowInfo *info = ROW_INFO (td_paste_row_of (pass, i));

  if (info->own_levels->len >= 2 && !info->bonus.present && !info->ded.present)
    return info->own_levels;
  for (guint j = i + 1; j < pass->n; j++)
    {
      TdPasteRow *other = td_paste_row_of (pass, j);

      if (other->role == TD_PASTE_ROLE_SKIP)
        continue;
      if (other->role == TD_PASTE_ROLE_GUIDANCE && other->owner == i
          && ROW_INFO (other)->own_levels->len >= 2)
        return ROW_INFO (other)->own_levels;
      if (other->role != TD_PASTE_ROLE_GUIDANCE)
        break;
    }
  return NULL;
}

static void
compose (TdPastePass *pass)
{
  for (guint i = 0; i < pass->n; i++)
    if (td_paste_row_of (pass, i)->role == TD_PASTE_ROLE_CRITERION)
      find_parts (pass, (gint)i);
  forced_parts (pass);
  link_rows (pass);

  /* Rules from the deepest rows up, so a heading knows its rows'. */
  for (gint i = (gint)pass->n - 1; i >= 0; i--)
    {
      TdPasteRow *row = td_paste_row_of (pass, i);
      gboolean has_rows = FALSE, has_parts = FALSE;
      TdPoints rows_standard = 0;

      if (row->role != TD_PASTE_ROLE_CRITERION)
        continue;
      for (guint j = i + 1; j < pass->n; j++)
        {
          TdPasteRow *other = td_paste_row_of (pass, j);

          if (other->role == TD_PASTE_ROLE_CRITERION && other->parent == i)
            {
              has_rows = TRUE;
              rows_standard += other->criterion->standard;
            }
          else if (is_part_role (other->role) && other->owner == i)
            has_parts = TRUE;
        }
      rule_of (pass, i, has_rows, rows_standard);
      if (has_parts || ROW_INFO (row)->own_brackets->len >= 2
          || ROW_INFO (row)->own_options->len >= 2 || levels_of (pass, i) != NULL)
        td_paste_rule_from_parts (pass, i, levels_of (pass, i));
    }
}

void
td_paste_interpret (TdPastePreview *preview)
{
  TdPastePass pass = { preview, NULL, preview->rows->len };

  pass.work = g_new0 (TdPasteWork, pass.n + 1);
  for (guint i = 0; i < pass.n; i++)
    {
      TdPasteRow *row = td_paste_row_of (&pass, i);
      TdPasteRowInfo *info = ROW_INFO (row);

      pass.work[i].used = g_array_new (FALSE, FALSE, sizeof (TdPoints));
      pass.work[i].problems = g_string_new (info->cell_problems);
      pass.work[i].why = g_string_new ("");
      /* A cell that is not a number cannot be saved as read. */
      pass.work[i].status = info->cell_refused     ? TD_PASTE_ERROR
                            : *info->cell_problems ? TD_PASTE_WARNING
                                                   : TD_PASTE_OK;
      /* Clean state for this pass. */
      g_free (row->criterion->exemption);
      row->criterion->exemption = g_strdup ("");
      g_free (row->criterion->guidance);
      row->criterion->guidance = td_text_normalize_space (row->cells[TD_PASTE_COL_GUIDANCE]);
      row->note_bonus_cap = TD_NO_CAP;
      row->note_deduction_cap = TD_NO_CAP;
      row->note_separate = FALSE;
      row->part_points = 0;
      memset (&row->part_range, 0, sizeof row->part_range);
      g_ptr_array_set_size (row->part_brackets, 0);
    }

  td_paste_build_tree (&pass);
  td_paste_section_figures (&pass);
  td_paste_tentative_roles (&pass);
  compose (&pass);
  td_paste_finish (&pass);
  g_free (pass.work);
}
