/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rule of a criterion from its parts (td-paste-interpret.c found
 * them): grades with their measured ranges read together, options, size
 * classes and brackets, and grades listed in one text. */
#include "config.h"

#include "td-paste-private.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The measured range of each grade of criterion i, as the clerk reads
 * the grades together: a bare "Hoàn thành 100%" is exactly 100 % when
 * another grade is above it ("trên 100%"), and the one grade written
 * without a % ("Đạt và vượt kế hoạch") covers what the others leave
 * above (or below) them. */
static void
grade_ranges (TdPastePass *pass, gint i)
{
  g_autoptr (GArray) grades = g_array_new (FALSE, FALSE, sizeof (gint));
  gint missing = -1, n_missing = 0;

  for (guint j = i + 1; j < pass->n; j++)
    {
      TdPasteRow *part = td_paste_row_of (pass, j);
      TdPasteRowInfo *pi = ROW_INFO (part);
      TdRange *r = &part->part_range;
      TdPoints exact;
      gint k = (gint)j;

      if (part->owner != i || part->role != TD_PASTE_ROLE_GRADE)
        continue;
      memset (r, 0, sizeof *r);
      if (pi->has_range)
        *r = pi->range;
      else if (td_paste_text_percent (pi->folded, &exact))
        {
          r->has_low = TRUE;
          r->low = exact;
        }
      else
        {
          missing = k;
          n_missing++;
        }
      g_array_append_val (grades, k);
    }
  for (guint a = 0; a < grades->len; a++)
    {
      TdPasteRow *ga = td_paste_row_of (pass, g_array_index (grades, gint, a));
      TdPasteRowInfo *ia = ROW_INFO (ga);
      TdPoints exact;

      /* A bare figure with a grade above it is that figure only. */
      if (ia->has_range || !td_paste_text_percent (ia->folded, &exact))
        continue;
      for (guint b = 0; b < grades->len; b++)
        {
          TdRange *rb = &td_paste_row_of (pass, g_array_index (grades, gint, b))->part_range;

          if (b != a && rb->has_low && rb->low > exact && rb->low <= exact + 1)
            {
              ga->part_range.has_high = TRUE;
              ga->part_range.high = exact + 1;
            }
        }
    }
  if (n_missing == 1 && grades->len >= 2)
    {
      TdPasteRow *m = td_paste_row_of (pass, missing);
      TdPoints top = 0, bottom = G_MAXINT64, mine = 0, most = G_MININT64, least = G_MAXINT64;
      gboolean all_bounded_above = TRUE, all_bounded_below = TRUE;

      td_paste_level_points (ROW_INFO (m), &mine);
      for (guint a = 0; a < grades->len; a++)
        {
          TdPasteRow *g = td_paste_row_of (pass, g_array_index (grades, gint, a));
          TdPoints p = 0;

          if (g == m)
            continue;
          td_paste_level_points (ROW_INFO (g), &p);
          most = MAX (most, p);
          least = MIN (least, p);
          all_bounded_above &= g->part_range.has_high;
          all_bounded_below &= g->part_range.has_low;
          if (g->part_range.has_high)
            top = MAX (top, g->part_range.high);
          if (g->part_range.has_low)
            bottom = MIN (bottom, g->part_range.low);
        }
      if (mine > most && all_bounded_above)
        {
          m->part_range.has_low = TRUE;
          m->part_range.low = top;
        }
      else if (mine < least && all_bounded_below)
        {
          m->part_range.has_high = TRUE;
          m->part_range.high = bottom;
        }
    }
}

/* The parts of a criterion into its rule; levels: grades listed in one
 * text (its own, or a row of text under it), NULL when none. */
void
td_paste_rule_from_parts (TdPastePass *pass, gint i, GPtrArray *levels)
{
  TdPasteRow *row = td_paste_row_of (pass, i);
  TdPasteRowInfo *info = ROW_INFO (row);
  TdCriterion *c = row->criterion;
  TdPasteWork *w = &pass->work[i];
  TdPoints best = 0, most_bonus = 0;
  gint n_grades = 0, n_options = 0, n_sizes = 0, n_brackets = 0;

  grade_ranges (pass, i);
  for (guint j = i + 1; j < pass->n; j++)
    {
      TdPasteRow *part = td_paste_row_of (pass, j);
      TdPasteRowInfo *pi = ROW_INFO (part);
      TdPasteWork *pw = &pass->work[j];

      if (part->owner != i)
        continue;
      switch (part->role)
        {
        case TD_PASTE_ROLE_GRADE:
          {
            TdRuleOption *o;
            TdPoints points = 0;

            if (!td_paste_level_points (pi, &points))
              td_paste_say (pw, TD_PASTE_ERROR, "%s", _ ("A grade needs its points."));
            part->part_points = points;
            td_paste_use (pw, points);
            {
              g_autofree gchar *label = td_paste_label_without_points (part->criterion->title);
              o = td_criterion_add_option (c, label, points);
            }
            o->has_low = part->part_range.has_low;
            o->low = part->part_range.low;
            o->has_high = part->part_range.has_high;
            o->high = part->part_range.high;
            best = MAX (best, points);
            n_grades++;
          }
          break;
        case TD_PASTE_ROLE_OPTION:
          {
            TdPoints points = td_paste_signed_amount (pass->preview, pi);

            if (points == 0)
              td_paste_say (pw, TD_PASTE_ERROR, "%s",
                            _ ("An option needs its bonus or deduction (+1, −1)."));
            part->part_points = points;
            td_paste_use (pw, points < 0 ? -points : points);
            {
              g_autofree gchar *label = td_paste_label_without_points (part->criterion->title);
              td_criterion_add_option (c, label, points);
            }
            n_options++;
          }
          break;
        case TD_PASTE_ROLE_SIZE_CLASS:
          {
            const char *colon = strchr (part->criterion->title, ':');
            g_autofree gchar *name
                = colon ? g_strndup (part->criterion->title, colon - part->criterion->title)
                        : g_strdup (part->criterion->title);
            gint k;

            if (!pi->size_class)
              td_paste_say (
                  pw, TD_PASTE_ERROR, "%s",
                  _ ("A size class needs its range of files and its brackets, as in “Dưới "
                     "1.000 hồ sơ/năm: từ 1% đến dưới 5%: cộng 0,5 điểm; …”."));
            part->part_range = pi->size_range;
            k = td_criterion_add_size_class (c, g_strstrip (name),
                                             pi->size_class ? &pi->size_range : NULL);
            g_ptr_array_set_size (part->part_brackets, 0);
            for (guint b = 0; b < pi->size_brackets->len; b++)
              {
                const TdRuleOption *src = g_ptr_array_index (pi->size_brackets, b);
                TdRuleOption *o = td_criterion_add_bracket (c, k, src->has_low, src->low,
                                                            src->has_high, src->high, src->points);
                TdRuleOption *copy = g_new (TdRuleOption, 1);

                *copy = *o;
                copy->label = g_strdup (o->label);
                g_ptr_array_add (part->part_brackets, copy);
                td_paste_use (pw, src->points < 0 ? -src->points : src->points);
                most_bonus = MAX (most_bonus, src->points);
              }
            n_sizes++;
          }
          break;
        case TD_PASTE_ROLE_BRACKET:
          {
            TdPoints points = td_paste_signed_amount (pass->preview, pi);

            if (!pi->has_range || points == 0)
              td_paste_say (pw, TD_PASTE_ERROR, "%s",
                            _ ("A bracket needs its range (“từ 1% đến dưới 5%”) and its points."));
            part->part_points = points;
            part->part_range = pi->range;
            td_criterion_add_bracket (c, 0, pi->range.has_low, pi->range.low, pi->range.has_high,
                                      pi->range.high, points);
            td_paste_use (pw, points < 0 ? -points : points);
            most_bonus = MAX (most_bonus, points);
            n_brackets++;
          }
          break;
        default:
          break;
        }
    }

  if (n_grades == 0 && n_options == 0 && n_sizes == 0 && n_brackets == 0 && levels != NULL
      && levels->len >= 2)
    {
      /* "Xuất sắc: 20 điểm; Tốt: 15 điểm; Đạt: 10 điểm": the grades, chosen
       * by the scorer. */
      for (guint k = 0; k < levels->len; k++)
        {
          const TdRuleOption *src = g_ptr_array_index (levels, k);

          td_criterion_add_option (c, src->label, src->points);
          td_paste_use (w, src->points);
          best = MAX (best, src->points);
          n_grades++;
        }
      td_paste_explain (w, "%s", _ ("its grades are listed in the words"));
    }
  if (n_grades > 0)
    {
      c->kind = TD_RULE_GRADED;
      if (!w->has_stated)
        {
          c->standard = best;
          td_paste_explain (w, "%s", _ ("standard points from its best grade"));
        }
      else if (best != c->standard)
        {
          g_autofree gchar *a = td_points_format (best);
          g_autofree gchar *b = td_points_format (c->standard);
          td_paste_say (w, TD_PASTE_WARNING, _ ("The best grade gives %s points, the item %s."), a,
                        b);
        }
    }
  else if (n_options > 0)
    c->kind = TD_RULE_OPTIONS;
  else if (info->own_options->len >= 2 && !w->has_stated && !info->t_each)
    {
      c->kind = TD_RULE_OPTIONS;
      for (guint k = 0; k < info->own_options->len; k++)
        {
          const TdRuleOption *src = g_ptr_array_index (info->own_options, k);
          td_criterion_add_option (c, src->label, src->points);
          td_paste_use (w, src->points < 0 ? -src->points : src->points);
        }
      td_paste_say (
          w, TD_PASTE_WARNING, "%s",
          _ ("Read as one of the options its text lists; if they add up, split the row into "
             "one row each."));
      c->rate = 0;
      c->bonus_cap = TD_NO_CAP;
      c->deduction_cap = TD_NO_CAP;
    }
  else if (n_sizes > 0 || n_brackets > 0 || info->own_brackets->len >= 2)
    {
      c->kind = TD_RULE_BRACKETS;
      if (n_sizes == 0 && n_brackets == 0)
        for (guint b = 0; b < info->own_brackets->len; b++)
          {
            const TdRuleOption *src = g_ptr_array_index (info->own_brackets, b);
            td_criterion_add_bracket (c, 0, src->has_low, src->low, src->has_high, src->high,
                                      src->points);
            td_paste_use (w, src->points < 0 ? -src->points : src->points);
            most_bonus = MAX (most_bonus, src->points);
          }
      /* The figure beside brackets is their best; a smaller one caps them. */
      if (info->bonus.present && info->bonus.sign >= 0)
        {
          if (info->bonus.value < most_bonus)
            {
              g_autofree gchar *v = td_points_format (info->bonus.value);
              c->bonus_cap = info->bonus.value;
              td_paste_say (w, TD_PASTE_WARNING,
                            _ ("The column's %s is less than the best bracket: read as the most."),
                            v);
            }
          if (info->bonus.value <= most_bonus)
            td_paste_use (w, info->bonus.value);
        }
      c->rate = 0;
      c->standard = 0;
    }
  else
    return;
  if (c->kind != TD_RULE_GRADED)
    c->bonus_max = 0;
}
