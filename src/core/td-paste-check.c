/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The last steps of reading a pasted table (see td-paste-interpret.c):
 * notes and guidance onto the rows they speak of, the checks that no
 * figure is dropped silently and that rows add up, the meaning of every
 * row in words, and the names of row kinds. */
#include "config.h"

#include "td-enum.h"
#include "td-paste-private.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* 4. Notes, guidance, checks and words */

static gboolean
has_rows (TdPastePass *pass, gint i)
{
  for (guint j = i + 1; j < pass->n; j++)
    {
      TdPasteRow *other = td_paste_row_of (pass, j);
      if ((other->role == TD_PASTE_ROLE_CRITERION && other->parent == i) || other->owner == i)
        if (other->role != TD_PASTE_ROLE_NOTE && other->role != TD_PASTE_ROLE_GUIDANCE
            && other->role != TD_PASTE_ROLE_SKIP)
          return TRUE;
    }
  return FALSE;
}

static gint
find_named (TdPastePass *pass, gint note, const char *code)
{
  g_auto (GStrv) path = td_paste_code_path (code, NULL);

  if (path == NULL)
    return -1;
  for (gint j = note - 1; j >= 0; j--)
    {
      TdPasteRow *row = td_paste_row_of (pass, j);
      TdPasteRowInfo *info = ROW_INFO (row);

      if (row->role == TD_PASTE_ROLE_CRITERION && info->path
          && td_paste_path_equal ((const char *const *)info->path, (const char *const *)path))
        return j;
    }
  return -1;
}

static gchar *
without_parentheses (const char *title)
{
  gchar *t = g_strdup (title);
  gsize n;

  g_strstrip (t);
  n = strlen (t);
  if (n >= 2 && t[0] == '(' && t[n - 1] == ')')
    {
      memmove (t, t + 1, n - 2);
      t[n - 2] = '\0';
      g_strstrip (t);
    }
  return t;
}

static void
apply_notes (TdPastePass *pass)
{
  for (guint i = 0; i < pass->n; i++)
    {
      TdPasteRow *row = td_paste_row_of (pass, i);
      TdPasteRowInfo *info = ROW_INFO (row);
      TdPasteWork *w = &pass->work[i];
      gboolean exemption = info->t_exemption && !info->note_caps;

      if (row->role != TD_PASTE_ROLE_NOTE)
        continue;
      row->note_bonus_cap = info->n_bonus_cap;
      row->note_deduction_cap = info->n_deduction_cap;
      row->note_separate = info->n_separate;
      g_free (row->note_exemption);
      row->note_exemption = exemption ? without_parentheses (row->criterion->title) : g_strdup ("");
      if (info->forced_owner >= 0)
        {
          gint t = info->forced_owner;
          g_array_append_val (row->targets, t);
        }
      else if (exemption)
        {
          /* The deduction rows right above it. */
          for (gint j = (gint)i - 1; j >= 0; j--)
            {
              TdPasteRow *above = td_paste_row_of (pass, j);

              if (above->role != TD_PASTE_ROLE_CRITERION
                  || !td_rule_kind_is_deduction (above->criterion->kind))
                break;
              g_array_prepend_val (row->targets, j);
            }
          if (row->targets->len == 0 && row->owner >= 0
              && td_rule_kind_is_deduction (td_paste_row_of (pass, row->owner)->criterion->kind))
            g_array_append_val (row->targets, row->owner);
          if (row->targets->len == 0)
            td_paste_say (
                w, TD_PASTE_WARNING, "%s",
                _ ("An exemption, but no deduction row is right above it: attach it to the "
                   "deductions it exempts."));
        }
      else
        {
          gint t = -1;

          if (info->named_code != NULL)
            {
              t = find_named (pass, (gint)i, info->named_code);
              if (t < 0 && row->owner >= 0)
                {
                  g_autofree gchar *owner = td_paste_name_of (td_paste_row_of (pass, row->owner));
                  td_paste_say (
                      w, TD_PASTE_WARNING,
                      _ ("The note names “%s”, which is not above it; it is applied to %s."),
                      info->named_code, owner);
                }
            }
          if (t < 0)
            {
              /* "Tổng điểm trừ của mục này không quá …" after the item's rows:
               * a total is over an item with rows, not over its last row. */
              t = row->owner;
              if (t >= 0 && !has_rows (pass, t) && td_paste_row_of (pass, t)->parent >= 0)
                t = td_paste_row_of (pass, t)->parent;
            }
          if (t >= 0)
            g_array_append_val (row->targets, t);
          else
            td_paste_say (w, TD_PASTE_WARNING, "%s",
                          _ ("A note with no criterion above it: attach it to the item it caps."));
        }
      if (info->note_caps)
        {
          if (row->note_bonus_cap != TD_NO_CAP)
            td_paste_use (w, row->note_bonus_cap);
          if (row->note_deduction_cap != TD_NO_CAP)
            td_paste_use (w, row->note_deduction_cap);
        }
      else if (!exemption)
        td_paste_say (w, TD_PASTE_WARNING, "%s",
                      _ ("This note states no cap (“không quá … điểm”) and no exemption."));
      for (guint k = 0; k < row->targets->len; k++)
        {
          TdCriterion *c = td_paste_row_of (pass, g_array_index (row->targets, gint, k))->criterion;

          if (row->note_bonus_cap != TD_NO_CAP)
            c->bonus_cap = c->bonus_cap == TD_NO_CAP ? row->note_bonus_cap
                                                     : MIN (c->bonus_cap, row->note_bonus_cap);
          if (row->note_deduction_cap != TD_NO_CAP)
            c->deduction_cap = c->deduction_cap == TD_NO_CAP
                                   ? row->note_deduction_cap
                                   : MIN (c->deduction_cap, row->note_deduction_cap);
          if (*row->note_exemption)
            {
              g_free (c->exemption);
              c->exemption = g_strdup (row->note_exemption);
            }
        }
    }
}

static void
apply_guidance (TdPastePass *pass)
{
  for (guint i = 0; i < pass->n; i++)
    {
      TdPasteRow *row = td_paste_row_of (pass, i);
      TdCriterion *c;

      if (row->role != TD_PASTE_ROLE_GUIDANCE)
        continue;
      if (row->owner < 0)
        {
          td_paste_say (&pass->work[i], TD_PASTE_WARNING, "%s",
                        _ ("Guidance with no criterion above it: it is not kept."));
          continue;
        }
      c = td_paste_row_of (pass, row->owner)->criterion;
      if (c->guidance && *c->guidance)
        {
          gchar *joined = g_strconcat (c->guidance, "\n", row->criterion->title, NULL);
          g_free (c->guidance);
          c->guidance = joined;
        }
      else
        {
          g_free (c->guidance);
          c->guidance = g_strdup (row->criterion->title);
        }
    }
}

static gboolean
is_used (TdPasteWork *w, TdPoints value)
{
  for (guint k = 0; k < w->used->len; k++)
    if (g_array_index (w->used, TdPoints, k) == value)
      return TRUE;
  return FALSE;
}

/* No figure is dropped without a word. */
static void
check_figures (TdPastePass *pass, gint i)
{
  TdPasteRow *row = td_paste_row_of (pass, i);
  TdPasteRowInfo *info = ROW_INFO (row);
  TdPasteWork *w = &pass->work[i];
  const struct
  {
    const TdPasteCell *cell;
    const char *name;
  } cols[] = {
    { &info->std, N_ ("Standard points") },
    { &info->bonus, N_ ("Bonus") },
    { &info->ded, N_ ("Deduction") },
  };

  if (row->role == TD_PASTE_ROLE_SKIP)
    return;
  /* Guidance listing the grades of its item gave them their points. */
  if (row->role == TD_PASTE_ROLE_GUIDANCE && info->own_levels->len >= 2 && row->owner >= 0
      && td_paste_row_of (pass, row->owner)->criterion->kind == TD_RULE_GRADED)
    return;
  if (row->role == TD_PASTE_ROLE_CRITERION && row->criterion->kind == TD_RULE_DISQUALIFIER)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (cols); k++)
    if (cols[k].cell->present && !is_used (w, cols[k].cell->value))
      {
        g_autofree gchar *v = td_points_format (cols[k].cell->value);
        td_paste_say (w, TD_PASTE_WARNING,
                      _ ("The %s column's %s is not used by this reading. Check it."),
                      _ (cols[k].name), v);
        td_paste_use (w, cols[k].cell->value);
      }
  for (guint k = 0; k < info->figures->len; k++)
    {
      TdPoints v = g_array_index (info->figures, TdPasteFigure, k).value;

      if (!is_used (w, v))
        {
          g_autofree gchar *text = td_points_format (v);
          td_paste_say (w, TD_PASTE_WARNING,
                        _ ("The text's “%s điểm” is not used by this reading. Check it."), text);
          td_paste_use (w, v);
        }
    }
}

static void
check_criterion (TdPastePass *pass, gint i)
{
  TdPasteRow *row = td_paste_row_of (pass, i);
  TdPasteRowInfo *info = ROW_INFO (row);
  TdCriterion *c = row->criterion;
  TdPasteWork *w = &pass->work[i];
  TdPoints sum = 0;
  gboolean has_rows = FALSE;

  for (guint j = i + 1; j < pass->n; j++)
    {
      TdPasteRow *other = td_paste_row_of (pass, j);
      if (other->role == TD_PASTE_ROLE_CRITERION && other->parent == i)
        {
          has_rows = TRUE;
          sum += other->criterion->standard;
        }
    }
  if (has_rows && td_rule_kind_gives_standard (c->kind) && sum != 0)
    {
      g_autofree gchar *s = td_points_format (sum);
      td_paste_say (
          w, TD_PASTE_WARNING,
          _ ("It has standard points of its own, and the rows under it add %s more: make it "
             "a heading, or its rows bonus or deduction rows."),
          s);
    }
  else if (has_rows && !td_rule_kind_gives_standard (c->kind) && sum != c->standard)
    {
      g_autofree gchar *s = td_points_format (sum);
      g_autofree gchar *std = td_points_format (c->standard);
      g_autofree gchar *diff = td_points_format_signed (sum - c->standard);
      td_paste_say (w, TD_PASTE_WARNING,
                    _ ("The rows under it add up to %s points, not %s (difference %s)."), s, std,
                    diff);
    }
  if (!has_rows && c->kind == TD_RULE_GROUP)
    td_paste_say (w, TD_PASTE_WARNING, "%s", _ ("No points: this row cannot be scored."));
  if (*c->code == '\0' && row->parent >= 0 && !info->bullet)
    {
      g_autofree gchar *above = td_paste_name_of (td_paste_row_of (pass, row->parent));
      td_paste_explain (w, _ ("no code: under %s"), above);
    }
  if (*c->title == '\0')
    td_paste_say (w, TD_PASTE_ERROR, "%s", _ ("The row has points but no title."));
}

static gchar *
words_of_range (const TdRange *r)
{
  g_autofree gchar *range = NULL;

  /* Hundredths: "exactly 100" is 100 – <100,01, "above 100" ≥ 100,01. */
  if (r->has_low && r->has_high && r->high == r->low + 1)
    {
      g_autofree gchar *v = td_points_format (r->low);
      return g_strdup_printf ("= %s %%", v);
    }
  if (r->has_low && !r->has_high && r->low % 100 == 1)
    {
      g_autofree gchar *v = td_points_format (r->low - 1);
      return g_strdup_printf ("> %s %%", v);
    }
  range = td_range_format (r);
  return *range ? g_strdup_printf ("%s %%", range) : g_strdup (_ ("chosen by the scorer"));
}

static void
describe (TdPastePass *pass, gint i)
{
  TdPasteRow *row = td_paste_row_of (pass, i);
  TdCriterion *c = row->criterion;
  TdPasteWork *w = &pass->work[i];
  g_autofree gchar *owner
      = row->owner >= 0 ? td_paste_name_of (td_paste_row_of (pass, row->owner)) : NULL;
  g_autofree gchar *text = NULL;

  switch (row->role)
    {
    case TD_PASTE_ROLE_SKIP:
      switch (row->skip_reason)
        {
        case TD_PASTE_SKIP_HEADER:
          text = g_strdup (_ ("Column headers"));
          break;
        case TD_PASTE_SKIP_TOTAL:
          {
            g_autofree gchar *t = td_points_format (pass->preview->total);
            text = pass->preview->total_stated ? g_strdup_printf (_ ("Stated total: %s points"), t)
                                               : g_strdup (_ ("Total line"));
          }
          break;
        case TD_PASTE_SKIP_EMPTY:
          text = g_strdup (_ ("Empty line"));
          break;
        case TD_PASTE_SKIP_CONTINUATION:
          /* Translators: a line that goes on with a cell of the line above
           * (Word's text breaks a cell of several paragraphs) */
          text = g_strdup_printf (_ ("The rest of line %u (its cell goes on here): read with it"),
                                  row->owner >= 0 ? td_paste_row_of (pass, row->owner)->line : 0);
          break;
        default:
          text = g_strdup (_ ("Skipped"));
          break;
        }
      break;
    case TD_PASTE_ROLE_CRITERION:
      {
        g_autofree gchar *rule = td_criterion_describe_rule (c);
        gboolean has_rows = FALSE;

        for (guint j = i + 1; j < pass->n && !has_rows; j++)
          has_rows = td_paste_row_of (pass, j)->role == TD_PASTE_ROLE_CRITERION
                     && td_paste_row_of (pass, j)->parent == i;
        if (c->kind == TD_RULE_GROUP || (has_rows && !td_rule_kind_gives_standard (c->kind)))
          {
            g_autofree gchar *std = td_points_format (c->standard);
            /* Translators: a pasted heading row: level, standard points, own rule */
            text = g_strdup_printf (_ ("Level %d · heading, %s points%s%s"), row->depth + 1, std,
                                    *rule ? " · " : "", rule);
          }
        else
          /* Translators: a pasted row: level, rule kind, rule in words */
          text = g_strdup_printf (_ ("Level %d · %s · %s"), row->depth + 1,
                                  td_rule_kind_get_label (c->kind), rule);
        if (has_rows && td_rule_kind_gives_standard (c->kind))
          {
            gchar *more = g_strconcat (text, " · ", _ ("the rows under it add or deduct"), NULL);
            g_free (text);
            text = more;
          }
        if (c->guidance && *c->guidance)
          {
            gchar *more = g_strconcat (text, " · ", _ ("with guidance"), NULL);
            g_free (text);
            text = more;
          }
      }
      break;
    case TD_PASTE_ROLE_GRADE:
      {
        g_autofree gchar *p = td_points_format (row->part_points);
        g_autofree gchar *r = words_of_range (&row->part_range);
        /* Translators: a grade of a graded criterion: its code, points, range */
        text = g_strdup_printf (_ ("Grade of %s: %s points, %s"), owner ? owner : "?", p, r);
      }
      break;
    case TD_PASTE_ROLE_OPTION:
      {
        g_autofree gchar *p = td_points_format_signed (row->part_points);
        /* Translators: an option of a criterion: its code, signed points */
        text = g_strdup_printf (_ ("Option of %s: %s (one of its options applies)"),
                                owner ? owner : "?", p);
      }
      break;
    case TD_PASTE_ROLE_SIZE_CLASS:
      {
        GString *s = g_string_new ("");
        g_autofree gchar *size = td_range_format (&row->part_range);

        for (guint k = 0; k < row->part_brackets->len; k++)
          {
            const TdRuleOption *o = g_ptr_array_index (row->part_brackets, k);
            g_autofree gchar *p = td_points_format_signed (o->points);
            g_string_append_printf (s, "%s%s %%: %s", k ? "; " : "", o->label, p);
          }
        /* Translators: a size class of a brackets criterion: its code,
         * the range of files, the brackets */
        text = g_strdup_printf (_ ("Size class of %s (%s files): %s"), owner ? owner : "?", size,
                                s->str);
        g_string_free (s, TRUE);
      }
      break;
    case TD_PASTE_ROLE_BRACKET:
      {
        g_autofree gchar *p = td_points_format_signed (row->part_points);
        g_autofree gchar *r = words_of_range (&row->part_range);
        text = g_strdup_printf (_ ("Bracket of %s: %s gives %s"), owner ? owner : "?", r, p);
      }
      break;
    case TD_PASTE_ROLE_NOTE:
      {
        GString *s = g_string_new ("");
        GString *names = g_string_new ("");

        for (guint k = 0; k < row->targets->len; k++)
          {
            g_autofree gchar *n
                = td_paste_name_of (td_paste_row_of (pass, g_array_index (row->targets, gint, k)));
            g_string_append_printf (names, "%s%s", k ? ", " : "", n);
          }
        if (row->note_bonus_cap != TD_NO_CAP)
          {
            g_autofree gchar *v = td_points_format (row->note_bonus_cap);
            g_string_append_printf (s, _ ("bonuses at most %s"), v);
          }
        if (row->note_deduction_cap != TD_NO_CAP)
          {
            g_autofree gchar *v = td_points_format (row->note_deduction_cap);
            if (s->len)
              g_string_append (s, "; ");
            g_string_append_printf (s, _ ("deductions at most %s"), v);
          }
        if (*row->note_exemption)
          g_string_append (s, _ ("an exemption from the deduction"));
        /* Translators: a note row: what it does, the rows it applies to */
        text = g_strdup_printf (_ ("Note: %s, for %s"), s->str,
                                names->len ? names->str : _ ("no row yet"));
        g_string_free (s, TRUE);
        g_string_free (names, TRUE);
      }
      break;
    case TD_PASTE_ROLE_GUIDANCE:
      if (ROW_INFO (row)->own_levels->len >= 2 && row->owner >= 0
          && td_paste_row_of (pass, row->owner)->criterion->kind == TD_RULE_GRADED)
        /* Translators: a row of text listing the grades of a criterion */
        text = g_strdup_printf (_ ("Grades of %s, listed in words (also its guidance)"),
                                owner ? owner : "?");
      else
        /* Translators: a row of text added to a criterion's guidance */
        text = g_strdup_printf (_ ("Guidance of %s"), owner ? owner : "?");
      break;
    default:
      text = g_strdup ("");
      break;
    }
  g_free (row->interpretation);
  row->interpretation = g_strconcat (text, w->why->str, NULL);
}

/* The standard points a unit scoring full marks gets: each heading is
 * worth what its rows give, not the figure written on it, so a table
 * whose rows add up to more than their headings shows it in the total. */
static TdPoints
leaves_total (TdPastePass *pass)
{
  g_autofree TdPoints *below = g_new0 (TdPoints, pass->n + 1);
  g_autofree gboolean *has_rows = g_new0 (gboolean, pass->n + 1);
  TdPoints total = 0;

  /* Rows come after their parent: from the last row up, each row's
   * worth is known before its parent's. */
  for (gint i = (gint)pass->n - 1; i >= 0; i--)
    {
      TdPasteRow *row = td_paste_row_of (pass, i);
      const TdCriterion *c = row->criterion;
      TdPoints worth;

      if (row->role != TD_PASTE_ROLE_CRITERION)
        continue;
      if (!has_rows[i])
        worth = c->standard;
      else if (td_rule_kind_gives_standard (c->kind))
        worth = c->standard + below[i]; /* an item whose rows add or deduct */
      else
        worth = below[i];
      if (row->parent >= 0 && (guint)row->parent < pass->n)
        {
          below[row->parent] += worth;
          has_rows[row->parent] = TRUE;
        }
      else
        total += worth;
    }
  return total;
}

/* Notes and guidance onto their rows, then the checks and the words of
 * every row; frees the pass's work. */
void
td_paste_finish (TdPastePass *pass)
{
  TdPastePreview *preview = pass->preview;

  apply_notes (pass);
  apply_guidance (pass);

  preview->standard_total = leaves_total (pass);
  if (!preview->total_stated)
    {
      /* What the top rows say they are worth; the leaves may say more. */
      preview->total = 0;
      for (guint i = 0; i < pass->n; i++)
        {
          TdPasteRow *row = td_paste_row_of (pass, i);

          if (row->role == TD_PASTE_ROLE_CRITERION && row->parent < 0)
            preview->total += row->criterion->standard;
        }
    }
  for (guint i = 0; i < pass->n; i++)
    {
      TdPasteRow *row = td_paste_row_of (pass, i);

      if (row->role == TD_PASTE_ROLE_CRITERION)
        check_criterion (pass, (gint)i);
      check_figures (pass, (gint)i);
    }

  for (guint i = 0; i < pass->n; i++)
    {
      TdPasteRow *row = td_paste_row_of (pass, i);
      TdPasteWork *w = &pass->work[i];

      describe (pass, (gint)i);
      row->skip = row->role == TD_PASTE_ROLE_SKIP;
      row->status = row->skip ? TD_PASTE_OK : w->status;
      g_free (row->problems);
      row->problems = row->skip ? g_strdup ("") : g_strdup (w->problems->str);
      g_array_unref (w->used);
      g_string_free (w->problems, TRUE);
      g_string_free (w->why, TRUE);
    }
}

/* Names */

const char *
td_paste_row_kind_name (const TdPastePreview *preview, guint row_index)
{
  const TdPasteRow *row;
  static const char *const criterion_names[TD_RULE_N_KINDS] = {
    [TD_RULE_GROUP] = "heading",
    [TD_RULE_STANDARD] = "standard",
    [TD_RULE_STANDARD_LESS_EACH] = "standard_less_each",
    [TD_RULE_GRADED] = "graded",
    [TD_RULE_BONUS_EACH] = "bonus_each",
    [TD_RULE_DEDUCTION_EACH] = "deduction_each",
    [TD_RULE_BONUS_POINTS] = "bonus_points",
    [TD_RULE_DEDUCTION_POINTS] = "deduction_points",
    [TD_RULE_OPTIONS] = "options",
    [TD_RULE_BRACKETS] = "brackets",
    [TD_RULE_LINEAR_BONUS] = "linear_bonus",
    [TD_RULE_LINEAR_DEDUCTION] = "linear_deduction",
    [TD_RULE_DISQUALIFIER] = "disqualifier",
  };

  g_return_val_if_fail (row_index < preview->rows->len, "");
  row = g_ptr_array_index (preview->rows, row_index);
  switch (row->role)
    {
    case TD_PASTE_ROLE_CRITERION:
      {
        gboolean has_rows = FALSE;

        for (guint j = row_index + 1; j < preview->rows->len && !has_rows; j++)
          {
            const TdPasteRow *other = g_ptr_array_index (preview->rows, j);
            has_rows = other->role == TD_PASTE_ROLE_CRITERION && other->parent == (gint)row_index;
          }
        /* A heading may carry its own deduction (or bonus). */
        if (has_rows && !td_rule_kind_gives_standard (row->criterion->kind))
          return "heading";
        return criterion_names[row->criterion->kind];
      }
    case TD_PASTE_ROLE_GRADE:
      return "grade";
    case TD_PASTE_ROLE_OPTION:
      return "option";
    case TD_PASTE_ROLE_SIZE_CLASS:
      return "size_class";
    case TD_PASTE_ROLE_BRACKET:
      return "bracket";
    case TD_PASTE_ROLE_NOTE:
      return "note";
    case TD_PASTE_ROLE_GUIDANCE:
      return "guidance";
    case TD_PASTE_ROLE_SKIP:
    default:
      switch (row->skip_reason)
        {
        case TD_PASTE_SKIP_HEADER:
          return "header";
        case TD_PASTE_SKIP_TOTAL:
          return "total";
        case TD_PASTE_SKIP_EMPTY:
          return "empty";
        case TD_PASTE_SKIP_CONTINUATION:
          return "continuation";
        default:
          return "skipped";
        }
    }
}

static const char *const role_labels[] = {
  [TD_PASTE_ROLE_SKIP] = N_ ("Not used"),
  [TD_PASTE_ROLE_CRITERION] = N_ ("Criterion"),
  [TD_PASTE_ROLE_GRADE] = N_ ("Grade of the item above"),
  [TD_PASTE_ROLE_OPTION] = N_ ("Option of the item above"),
  [TD_PASTE_ROLE_SIZE_CLASS] = N_ ("Size class with brackets"),
  [TD_PASTE_ROLE_BRACKET] = N_ ("Bracket of the item above"),
  [TD_PASTE_ROLE_NOTE] = N_ ("Note (cap or exemption)"),
  [TD_PASTE_ROLE_GUIDANCE] = N_ ("Guidance text"),
};

TD_ENUM_DEFINE_LABEL (TdPasteRole, td_paste_role_get_label, role_labels, TD_PASTE_ROLE_SKIP);
