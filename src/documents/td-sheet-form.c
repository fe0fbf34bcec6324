/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Phiếu tự chấm điểm: the self-score form of one member, a faithful
 * instrument.  Each input cell asks for what the criterion's rule reads
 * (points within the rule's range, a whole count, an option or a grade
 * from a list, a measured value with its unit, Có / Không), with a
 * Vietnamese input message and a stop error; the reached, bonus,
 * deduction and self-score cells are formulas that compute what the app
 * computes (td_rule_evaluate, td_scoring_compute): the same rules, the
 * caps of every row and heading and of the table.  The data sheet carries
 * the layout an importer reads back (td-form-layout.h, td-form-import.h). */
#include "config.h"

#include "td-form-layout.h"
#include "td-sheet-builders-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* --- 4. Phiếu tự chấm điểm ---------------------------------------------- */

typedef struct
{
  TdBuilderCtx *ctx;
  TdSheet *sheet;
  guint col_code, col_title, col_standard, col_input, col_unit, col_reached, col_bonus,
      col_deduction, col_self, col_assessed, col_note;
  GPtrArray *flags; /* "{row,col}" of the disqualifier inputs */
  GPtrArray *mains; /* "{row,col}" of each criterion's first input: an entry when filled */
  GArray *uses_any; /* guint pairs row, col: formulas that ask whether anything was filled */
} FormSheet;

/* Stands for "the unit filled anything" in a formula until the cell that
 * counts the filled inputs exists (it is on the total row, made last). */
#define ANY_FILLED "@ANY@"

/* Where a bracket's size class comes from: the class chosen from a list,
 * or the number of files received, the form choosing the class. */
typedef struct
{
  const char *size_class; /* "{row,col}" of the list, or NULL */
  const char *files;      /* "{row,col}" of the number of files, or NULL */
} SizeInput;

/* Excel constants: "0.5", "-2", "100". */
static gchar *
num (gint64 hundredths)
{
  gint64 a = hundredths < 0 ? -hundredths : hundredths;
  const char *sign = hundredths < 0 ? "-" : "";

  if (a % 100 == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, a / 100);
  if (a % 10 == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, sign, a / 100,
                            (a % 100) / 10);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT, sign, a / 100, a % 100);
}

/* An Excel string literal. */
static gchar *
quoted (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* The measured value in hundredths, as the app keeps it, so comparisons
 * with the brackets are exact. */
static gchar *
hundredths (const char *x)
{
  return g_strdup_printf ("ROUND(%s*100,0)", x);
}

/* low <= v < high for an option with a range; NULL when it has none. */
static gchar *
range_condition (const TdRuleOption *o, const char *v, const char *size_test)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  gchar *out;

  if (size_test != NULL)
    g_ptr_array_add (terms, g_strdup (size_test));
  if (o->has_low)
    g_ptr_array_add (terms, g_strdup_printf ("%s>=%" G_GINT64_FORMAT, v, o->low));
  if (o->has_high)
    g_ptr_array_add (terms, g_strdup_printf ("%s<%" G_GINT64_FORMAT, v, o->high));
  if (!o->has_low && !o->has_high)
    {
      g_ptr_array_unref (terms);
      return NULL;
    }
  if (terms->len == 1)
    out = g_strdup (terms->pdata[0]);
  else
    {
      GString *and = g_string_new ("AND(");
      for (guint i = 0; i < terms->len; i++)
        g_string_append_printf (and, "%s%s", i ? "," : "", (char *)terms->pdata[i]);
      g_string_append_c (and, ')');
      out = g_string_free (and, FALSE);
    }
  g_ptr_array_unref (terms);
  return out;
}

/* IF(cond1,p1,IF(cond2,p2,…0)): the first matching option wins, as in
 * td_rule_match_option.  @points: signed option points, or for a graded
 * row the standard points of the grade. */
static gchar *
chain (GPtrArray *conditions, GArray *points)
{
  GString *out = g_string_new (NULL);
  guint open = 0;

  for (guint i = 0; i < conditions->len; i++)
    {
      g_autofree gchar *p = num (g_array_index (points, TdPoints, i));
      g_string_append_printf (out, "IF(%s,%s,", (char *)conditions->pdata[i], p);
      open++;
    }
  g_string_append_c (out, '0');
  while (open-- > 0)
    g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

/* The index of the size class whose range holds the number of files in
 * @files, −1 when none: the first that matches, as
 * td_criterion_find_size_class. */
static gchar *
size_class_of_files (const TdCriterion *c, const char *files)
{
  g_autoptr (GPtrArray) conditions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) classes = g_array_new (FALSE, FALSE, sizeof (TdPoints));
  g_autofree gchar *n = hundredths (files);
  g_autofree gchar *chained = NULL;

  for (guint k = 0; c->size_classes[k]; k++)
    {
      const TdRange *r = td_criterion_get_size_range (c, (gint)k);
      TdRuleOption range = { 0 };
      gchar *condition;
      TdPoints index = TD_POINTS (k);

      if (r == NULL)
        continue;
      range.has_low = r->has_low;
      range.low = r->low;
      range.has_high = r->has_high;
      range.high = r->high;
      condition = range_condition (&range, n, NULL);
      if (condition == NULL)
        continue;
      g_ptr_array_add (conditions, condition);
      g_array_append_val (classes, index);
    }
  /* chain() ends with 0; the class numbers are 1-based inside, so that no
   * class reads as 0. */
  for (guint i = 0; i < classes->len; i++)
    g_array_index (classes, TdPoints, i) += TD_POINTS (1);
  chained = chain (conditions, classes);
  return g_strdup_printf ("(%s-1)", chained);
}

/* The option's points as the rule reads them: by the item chosen from the
 * list (OPTIONS, graded by name) or by the measured value (and the size
 * class, chosen or from the files received) for GRADED and BRACKETS. */
static gchar *
option_points (const TdCriterion *c, TdFormField field, const char *x, const SizeInput *size)
{
  g_autoptr (GPtrArray) conditions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (TdPoints));
  g_autofree gchar *v = hundredths (x);
  g_auto (GStrv) items = td_form_field_items (c, field);
  g_auto (GStrv) sizes = NULL;
  g_autofree gchar *class_of_files = NULL;
  guint n_sizes = c->size_classes ? g_strv_length (c->size_classes) : 0;

  if (c->kind == TD_RULE_BRACKETS && size->files != NULL)
    class_of_files = size_class_of_files (c, size->files);
  else if (c->kind == TD_RULE_BRACKETS && n_sizes > 1)
    sizes = td_form_field_items (c, TD_FORM_FIELD_SIZE_CLASS);
  for (guint i = 0; i < c->options->len; i++)
    {
      const TdRuleOption *o = g_ptr_array_index (c->options, i);
      gchar *condition = NULL;

      if (items != NULL)
        {
          g_autofree gchar *item = quoted (items[i]);
          condition = g_strdup_printf ("%s=%s", x, item);
        }
      else if (c->kind == TD_RULE_BRACKETS && class_of_files != NULL)
        {
          g_autofree gchar *test = NULL;
          if (o->size_class < 0 || (guint)o->size_class >= n_sizes)
            continue;
          test = g_strdup_printf ("%s=%d", class_of_files, o->size_class);
          condition = range_condition (o, v, test);
        }
      else if (c->kind == TD_RULE_BRACKETS && sizes != NULL)
        {
          g_autofree gchar *name = NULL;
          g_autofree gchar *test = NULL;
          if (o->size_class < 0 || (guint)o->size_class >= n_sizes)
            continue;
          name = quoted (sizes[o->size_class]);
          test = g_strdup_printf ("%s=%s", size->size_class, name);
          condition = range_condition (o, v, test);
        }
      else
        {
          /* Without size classes every entry is of class 0. */
          if (c->kind == TD_RULE_BRACKETS && o->size_class != 0)
            continue;
          condition = range_condition (o, v, NULL);
        }
      if (condition == NULL)
        continue;
      g_ptr_array_add (conditions, condition);
      g_array_append_val (points, o->points);
    }
  return chain (conditions, points);
}

/* What the row of criterion @c gives, as three Excel expressions over its
 * input cells (NULL: nothing of that kind); the same cases as
 * td_rule_evaluate. */
typedef struct
{
  gchar *reached, *bonus, *deduction;
} RowValues;

static void
row_values_clear (RowValues *v)
{
  g_free (v->reached);
  g_free (v->bonus);
  g_free (v->deduction);
}

static RowValues
rule_values (const TdCriterion *c, TdFormField field, const char *x, const SizeInput *s)
{
  RowValues out = { 0 };
  g_autofree gchar *std = num (c->standard);
  g_autofree gchar *rate = num (c->rate);
  g_autofree gchar *v = hundredths (x);

  switch (c->kind)
    {
    case TD_RULE_STANDARD:
      out.reached = g_strdup_printf ("MIN(MAX(%s,0),%s)", x, std);
      break;
    case TD_RULE_STANDARD_LESS_EACH:
      out.reached = g_strdup_printf ("MAX(%s-%s*%s,0)", std, x, rate);
      break;
    case TD_RULE_GRADED:
      {
        g_autofree gchar *p = option_points (c, field, x, s);
        out.reached = g_strdup_printf ("MIN(MAX(%s,0),%s)", p, std);
      }
      break;
    case TD_RULE_BONUS_EACH:
      out.bonus = g_strdup_printf ("%s*%s", x, rate);
      break;
    case TD_RULE_DEDUCTION_EACH:
      out.deduction = g_strdup_printf ("%s*%s", x, rate);
      break;
    case TD_RULE_BONUS_POINTS:
      out.bonus = g_strdup_printf ("MIN(MAX(%s,0),%s)", x, rate);
      break;
    case TD_RULE_DEDUCTION_POINTS:
      out.deduction = g_strdup_printf ("MIN(MAX(%s,0),%s)", x, rate);
      break;
    case TD_RULE_OPTIONS:
    case TD_RULE_BRACKETS:
      {
        g_autofree gchar *p = option_points (c, field, x, s);
        if (td_builder_gives_bonus (c))
          out.bonus = g_strdup_printf ("MAX(%s,0)", p);
        if (td_builder_gives_deduction (c))
          out.deduction = g_strdup_printf ("MAX(-(%s),0)", p);
      }
      break;
    case TD_RULE_LINEAR_BONUS:
      if (c->step > 0)
        out.bonus = g_strdup_printf ("IF(%s>%" G_GINT64_FORMAT ",INT((%s-%" G_GINT64_FORMAT
                                     ")/%" G_GINT64_FORMAT ")*%s,0)",
                                     v, c->threshold, v, c->threshold, c->step, rate);
      break;
    case TD_RULE_LINEAR_DEDUCTION:
      if (c->step > 0)
        out.deduction = g_strdup_printf ("IF(%s<%" G_GINT64_FORMAT ",INT((%" G_GINT64_FORMAT
                                         "-%s)/%" G_GINT64_FORMAT ")*%s,0)",
                                         v, c->threshold, c->threshold, v, c->step, rate);
      break;
    case TD_RULE_GROUP:
    case TD_RULE_DISQUALIFIER:
    case TD_RULE_N_KINDS:
    default:
      break;
    }
  return out;
}

/* IF(x="",empty,…): an empty cell is "not scored", as a missing entry,
 * which gives @empty ("0", or the full standard points where the table
 * counts an empty row as met). */
static gchar *
guarded_as (gchar *expr, const char *x, const char *empty)
{
  gchar *out;

  if (expr == NULL)
    return NULL;
  out = g_strdup_printf ("IF(%s=\"\",%s,%s)", x, empty, expr);
  g_free (expr);
  return out;
}

static gchar *
guarded (gchar *expr, const char *x, gboolean list)
{
  /* A list item that is not chosen matches no option: no guard needed. */
  if (list)
    return expr;
  return guarded_as (expr, x, "0");
}

/* Whether an empty input of @c gives its full standard points once the
 * unit filled anything (the table's full_by_default, td_scoring_compute). */
static gboolean
full_when_empty (FormSheet *f, const TdCriterion *c)
{
  return f->ctx->table->full_by_default && td_rule_kind_gives_standard (c->kind);
}

/* a + b of two expressions, either of which may be NULL; both taken. */
static gchar *
plus (gchar *a, gchar *b)
{
  gchar *out;

  if (a == NULL || b == NULL)
    return a ? a : b;
  out = g_strdup_printf ("%s+%s", a, b);
  g_free (a);
  g_free (b);
  return out;
}

static gchar *
capped (gchar *expr, TdPoints cap)
{
  gchar *out;
  g_autofree gchar *limit = NULL;

  if (expr == NULL || cap == TD_NO_CAP)
    return expr;
  limit = num (cap);
  out = g_strdup_printf ("MIN(%s,%s)", limit, expr);
  g_free (expr);
  return out;
}

static void
set_value (FormSheet *f, guint row, guint col, gchar *expr)
{
  g_autofree gchar *rounded = NULL;

  if (expr == NULL)
    return;
  rounded = g_strdup_printf ("ROUND(%s,2)", expr);
  td_sheet_set_formula (f->sheet, row, col, rounded, 0);
  g_free (expr);
}

/* Tự chấm = điểm đạt + điểm thưởng − điểm trừ of the row. */
static void
set_self (FormSheet *f, guint row)
{
  g_autofree gchar *reached = td_sheet_cell_ref (row, f->col_reached);
  g_autofree gchar *bonus = td_sheet_cell_ref (row, f->col_bonus);
  g_autofree gchar *deduction = td_sheet_cell_ref (row, f->col_deduction);
  g_autofree gchar *expr = g_strdup_printf ("ROUND(%s+%s-%s,2)", reached, bonus, deduction);

  td_sheet_set_formula (f->sheet, row, f->col_self, expr, 0);
}

static void
set_input (FormSheet *f, guint row, const TdCriterion *c, TdFormField field)
{
  g_autofree gchar *key = g_strdup_printf ("criterion:%" G_GINT64_FORMAT ":%s", c->id,
                                           td_form_field_to_string (field));
  g_autofree gchar *message = td_form_field_message (c, field);
  g_auto (GStrv) items = td_form_field_items (c, field);
  gint64 min, max;

  td_sheet_set_row_key (f->sheet, row, key);
  td_sheet_set_text (f->sheet, row, f->col_unit, td_form_field_unit (c, field));
  if (items != NULL)
    td_sheet_set_input_list (f->sheet, row, f->col_input, (const char *const *)items, message);
  else
    {
      td_form_field_range (c, field, &min, &max);
      td_sheet_set_input_points (f->sheet, row, f->col_input, min, max,
                                 field == TD_FORM_FIELD_COUNT || field == TD_FORM_FIELD_FILES,
                                 message);
    }
}

/* The input cells of @c, the first on @row and the others on rows of their
 * own under it, and the formulas of @row.  @leaf: the row is the whole
 * criterion, so its own caps apply here (an item's own rule is capped
 * with its sub-rows, on the item's row). */
static void
form_inputs (FormSheet *f, guint row, const TdCriterion *c, gboolean leaf)
{
  TdFormField fields[TD_FORM_MAX_FIELDS];
  guint n = td_form_fields (c, fields);
  g_autofree gchar *x = td_sheet_cell_ref (row, f->col_input);
  g_autofree gchar *s = NULL, *files = NULL, *e = NULL, *b = NULL;
  SizeInput size = { NULL, NULL };
  gboolean list;
  RowValues v;

  if (n == 0)
    return;
  set_input (f, row, c, fields[0]);
  td_sheet_set_input (f->sheet, row, f->col_note);
  g_ptr_array_add (f->mains, g_strdup (x));
  for (guint i = 1; i < n; i++)
    {
      guint sub = td_sheet_add_row (f->sheet, TD_ROW_NORMAL);
      g_autofree gchar *label = td_form_field_row_label (c, fields[i]);
      g_autofree gchar *ref = td_sheet_cell_ref (sub, f->col_input);

      td_sheet_set_text (f->sheet, sub, f->col_title, label);
      set_input (f, sub, c, fields[i]);
      if (fields[i] == TD_FORM_FIELD_SIZE_CLASS)
        s = g_steal_pointer (&ref);
      else if (fields[i] == TD_FORM_FIELD_FILES)
        files = g_steal_pointer (&ref);
      else if (fields[i] == TD_FORM_FIELD_EXEMPT)
        e = g_steal_pointer (&ref);
      else if (fields[i] == TD_FORM_FIELD_BONUS)
        b = g_steal_pointer (&ref);
    }
  if (fields[0] == TD_FORM_FIELD_FLAG)
    {
      g_ptr_array_add (f->flags, g_strdup (x));
      return;
    }
  size.size_class = s;
  size.files = files;
  list = fields[0] == TD_FORM_FIELD_OPTION || fields[0] == TD_FORM_FIELD_GRADE;
  v = rule_values (c, fields[0], x, &size);
  if (full_when_empty (f, c))
    {
      g_autofree gchar *std = num (MAX (c->standard, 0));
      g_autofree gchar *empty = g_strdup_printf ("IF(" ANY_FILLED ",%s,0)", std);
      guint at[2] = { row, f->col_reached };

      v.reached = guarded_as (v.reached, x, empty);
      g_array_append_vals (f->uses_any, at, 2);
    }
  else
    v.reached = guarded (v.reached, x, list);
  v.bonus = guarded (v.bonus, x, list);
  v.deduction = guarded (v.deduction, x, list);
  /* The bonus beside standard points belongs to the same entry: it counts
   * once the row itself is filled, as the importer reads it. */
  if (b != NULL)
    {
      g_autofree gchar *most = num (MAX (c->bonus_max, 0));
      v.bonus = plus (
          v.bonus, g_strdup_printf ("IF(OR(%s=\"\",%s=\"\"),0,MIN(MAX(%s,0),%s))", x, b, b, most));
    }
  if (e != NULL && v.deduction != NULL)
    {
      gchar *exempt = g_strdup_printf ("IF(%s=\"%s\",0,%s)", e, TD_FORM_YES, v.deduction);
      g_free (v.deduction);
      v.deduction = exempt;
    }
  if (leaf)
    {
      v.bonus = capped (v.bonus, c->bonus_cap);
      v.deduction = capped (v.deduction, c->deduction_cap);
    }
  set_value (f, row, f->col_reached, g_steal_pointer (&v.reached));
  set_value (f, row, f->col_bonus, g_steal_pointer (&v.bonus));
  set_value (f, row, f->col_deduction, g_steal_pointer (&v.deduction));
  row_values_clear (&v);
  set_self (f, row);
}

/* The sums of a heading (or the table) over the rows @terms, with the
 * bonus and deduction caps. */
static void
form_sums (FormSheet *f, guint row, GArray *terms, TdPoints bonus_cap, TdPoints deduction_cap)
{
  const guint cols[] = { f->col_reached, f->col_bonus, f->col_deduction };
  const TdPoints caps[] = { TD_NO_CAP, bonus_cap, deduction_cap };

  for (guint k = 0; k < G_N_ELEMENTS (cols); k++)
    {
      GString *sum = g_string_new (NULL);

      for (guint t = 0; t < terms->len; t++)
        {
          g_autofree gchar *ref = td_sheet_cell_ref (g_array_index (terms, guint, t), cols[k]);
          g_string_append_printf (sum, "%s%s", t ? "+" : "", ref);
        }
      if (terms->len == 0)
        g_string_append_c (sum, '0');
      set_value (f, row, cols[k], capped (g_string_free (sum, FALSE), caps[k]));
    }
  set_self (f, row);
}

/* The rule in the table's own words, for the unit to score itself by:
 * grades, brackets, options, rates and caps the title may not state.
 * Fixed Vietnamese (official text), never translated.  "" when the title
 * says it all. */
static void
append_range (GString *out, const TdRuleOption *o)
{
  g_autofree gchar *lo = o->has_low ? td_points_format (o->low) : NULL;
  g_autofree gchar *hi = o->has_high ? td_points_format (o->high) : NULL;

  if (o->label && *o->label)
    g_string_append (out, o->label);
  else if (lo && hi)
    g_string_append_printf (out, "từ %s đến dưới %s", lo, hi);
  else if (lo)
    g_string_append_printf (out, "từ %s trở lên", lo);
  else if (hi)
    g_string_append_printf (out, "dưới %s", hi);
}

static void
append_points (GString *out, TdPoints points, gboolean sign)
{
  g_autofree gchar *p = sign ? td_points_format_signed (points) : td_points_format (points);
  g_string_append_printf (out, ": %s điểm", p);
}

static void
append_options (GString *out, const TdCriterion *c, gint size_class, gboolean sign)
{
  gboolean first = TRUE;

  for (guint i = 0; i < c->options->len; i++)
    {
      const TdRuleOption *o = g_ptr_array_index (c->options, i);
      if (c->kind == TD_RULE_BRACKETS && o->size_class != size_class)
        continue;
      g_string_append (out, first ? "" : "; ");
      append_range (out, o);
      append_points (out, o->points, sign);
      first = FALSE;
    }
}

static gboolean
title_states (const TdCriterion *c, TdPoints points)
{
  g_autofree gchar *text = td_points_format (points);
  return c->title && strstr (c->title, text) != NULL;
}

static gchar *
describe_rule (const TdCriterion *c)
{
  GString *out = g_string_new (NULL);
  g_autofree gchar *rate = td_points_format (c->rate);
  g_autofree gchar *step = td_points_format (c->step);
  g_autofree gchar *threshold = td_points_format (c->threshold);

  switch (c->kind)
    {
    case TD_RULE_GRADED:
      g_string_append (out, "Mức điểm: ");
      append_options (out, c, 0, FALSE);
      break;
    case TD_RULE_BRACKETS:
      if (c->size_classes && c->size_classes[0])
        for (guint k = 0; c->size_classes[k]; k++)
          {
            g_string_append_printf (out, "%s%s: ", k ? ". " : "", c->size_classes[k]);
            append_options (out, c, (gint)k, TRUE);
          }
      else
        append_options (out, c, 0, TRUE);
      break;
    case TD_RULE_OPTIONS:
      g_string_append (out, "Chọn một trường hợp: ");
      append_options (out, c, 0, TRUE);
      break;
    case TD_RULE_BONUS_EACH:
    case TD_RULE_DEDUCTION_EACH:
    case TD_RULE_STANDARD_LESS_EACH:
      if (!title_states (c, c->rate))
        g_string_append_printf (out, "Mỗi trường hợp %s %s điểm",
                                c->kind == TD_RULE_BONUS_EACH ? "cộng" : "trừ", rate);
      break;
    case TD_RULE_BONUS_POINTS:
      g_string_append_printf (out, "Cộng từ 0 đến %s điểm", rate);
      break;
    case TD_RULE_DEDUCTION_POINTS:
      g_string_append_printf (out, "Trừ từ 0 đến %s điểm", rate);
      break;
    case TD_RULE_LINEAR_BONUS:
      if (!title_states (c, c->rate))
        g_string_append_printf (out, "Cộng %s điểm cho mỗi %s trên mức %s", rate, step, threshold);
      break;
    case TD_RULE_LINEAR_DEDUCTION:
      if (!title_states (c, c->rate))
        g_string_append_printf (out, "Trừ %s điểm cho mỗi %s dưới mức %s", rate, step, threshold);
      break;
    default:
      break;
    }
  if (c->bonus_cap != TD_NO_CAP && !title_states (c, c->bonus_cap))
    {
      g_autofree gchar *cap = td_points_format (c->bonus_cap);
      g_string_append_printf (out, "%sĐiểm thưởng tối đa %s điểm", out->len ? "; " : "", cap);
    }
  if (c->deduction_cap != TD_NO_CAP && !title_states (c, c->deduction_cap))
    {
      g_autofree gchar *cap = td_points_format (c->deduction_cap);
      g_string_append_printf (out, "%sĐiểm trừ tối đa %s điểm", out->len ? "; " : "", cap);
    }
  if (out->len > 0)
    g_string_append_c (out, '.');
  if (c->exemption && *c->exemption)
    g_string_append_printf (out, "%sMiễn trừ: %s", out->len ? " " : "", c->exemption);
  if (c->guidance && *c->guidance)
    g_string_append_printf (out, "%s%s", out->len ? " " : "", c->guidance);
  return g_string_free (out, FALSE);
}

/* The title, and under it the rule when the title does not say it. */
static gchar *
title_with_rule (const TdCriterion *c)
{
  g_autofree gchar *rule = describe_rule (c);
  return *rule ? g_strdup_printf ("%s\n(%s)", c->title, rule) : g_strdup (c->title);
}

/* The row of an item's own rule, just under the item and before its
 * sub-rows: the standard points it gives of its own (an item "điểm chuẩn 3
 * điểm" whose sub-rows only add or deduct), or its own bonus or
 * deduction (a heading "vắng họp mỗi lần trừ 1 điểm").  Its caps are the
 * item's, on the item's row with the sub-rows. */
static guint
form_own_row (FormSheet *f, gint index)
{
  const TdCriterion *c = td_criteria_table_get_node (f->ctx->table, index);
  /* "IV.3", "1.a1": each code once ("a1" already says it is in "a"). */
  g_autofree gchar *path = td_form_criterion_path (f->ctx->table, index);
  const char *named = *path ? path : "này";
  g_autofree gchar *rule = describe_rule (c);
  g_autofree gchar *most = td_points_format (MAX (c->standard, 0));
  g_autofree gchar *text = NULL;
  guint own = td_sheet_add_row (f->sheet, TD_ROW_NORMAL);

  if (td_rule_kind_gives_standard (c->kind))
    text = g_strdup_printf ("Điểm chuẩn đạt được của chính mục %s (tối đa %s điểm; các nội dung "
                            "dưới đây cộng, trừ thêm)",
                            named, most);
  else
    text = g_strdup_printf ("Điểm cộng, điểm trừ theo quy định của chính mục %s", named);
  if (*rule)
    {
      gchar *both = g_strdup_printf ("%s\n(%s)", text, rule);
      g_free (text);
      text = both;
    }
  td_sheet_set_text (f->sheet, own, f->col_title, text);
  form_inputs (f, own, c, FALSE);
  return own;
}

static guint
form_node (FormSheet *f, gint index)
{
  const TdCriteriaTable *table = f->ctx->table;
  const TdCriterion *c = td_criteria_table_get_node (table, index);
  gboolean heading = c->n_children > 0;
  guint row = td_sheet_add_row (f->sheet, heading ? TD_ROW_SECTION : TD_ROW_NORMAL);
  g_autoptr (GArray) terms = NULL;
  TdPoints stated_children = 0;

  if (c->code && *c->code)
    td_sheet_set_text (f->sheet, row, f->col_code, c->code);
  {
    g_autofree gchar *text = heading ? g_strdup (c->title) : title_with_rule (c);
    td_sheet_set_text (f->sheet, row, f->col_title, text);
  }
  if (c->standard != 0)
    td_sheet_set_points (f->sheet, row, f->col_standard, c->standard);
  if (!heading)
    {
      form_inputs (f, row, c, TRUE);
      return row;
    }
  terms = g_array_new (FALSE, FALSE, sizeof (guint));
  if (c->kind != TD_RULE_GROUP)
    {
      guint own = form_own_row (f, index);
      g_array_append_val (terms, own);
    }
  for (gint j = index + 1; j < c->subtree_end; j++)
    if (td_criteria_table_get_node (table, j)->parent == index)
      {
        guint r = form_node (f, j);
        g_array_append_val (terms, r);
        stated_children += td_criteria_table_get_node (table, j)->standard;
      }
  form_sums (f, row, terms, c->bonus_cap, c->deduction_cap);
  /* A heading whose points are its rows' (not an item with standard points
   * of its own) sums their standard points. */
  if (stated_children == c->standard && !td_rule_kind_gives_standard (c->kind))
    td_sheet_set_rows_sum (f->sheet, row, f->col_standard, c->standard, terms);
  return row;
}

/* Excel takes at most 255 arguments in a function. */
#define MAX_ARGUMENTS 255

/* On the total row, under "Số liệu tự chấm": how many criteria the unit
 * filled ("12 tiêu chí", nothing on a blank form), which is what makes an
 * empty standard row count as met; the formulas that asked for it
 * (ANY_FILLED) read it now. */
static void
form_count_filled (FormSheet *f, guint total)
{
  GString *count = g_string_new (NULL);
  g_autofree gchar *expr = NULL;
  g_autofree gchar *ref = td_sheet_cell_ref (total, f->col_input);
  g_autofree gchar *filled = g_strdup_printf ("%s<>\"\"", ref);

  for (guint i = 0; i < f->mains->len; i++)
    {
      if (i % MAX_ARGUMENTS == 0)
        g_string_append (count, i ? ")+COUNTA(" : "COUNTA(");
      else
        g_string_append_c (count, ',');
      g_string_append (count, f->mains->pdata[i]);
    }
  g_string_append (count, f->mains->len ? ")" : "0");
  expr = g_strdup_printf ("IF(%s=0,\"\",%s&\" tiêu chí\")", count->str, count->str);
  td_sheet_set_formula_text (f->sheet, total, f->col_input, expr, "");
  g_string_free (count, TRUE);

  for (guint i = 0; i + 1 < f->uses_any->len; i += 2)
    {
      TdSheetCell *cell = td_sheet_get_cell (f->sheet, g_array_index (f->uses_any, guint, i),
                                             g_array_index (f->uses_any, guint, i + 1));
      g_auto (GStrv) parts = g_strsplit (cell->expr, ANY_FILLED, -1);

      g_free (cell->expr);
      cell->expr = g_strjoinv (filled, parts);
    }
}

/* The form's identity on its data sheet (see td-form-layout.h). */
static void
form_meta (FormSheet *f, TdMember *m, gint64 unit_id)
{
  TdBuilderCtx *ctx = f->ctx;
  g_autofree gchar *uid = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id);
  g_autofree gchar *tid = g_strdup_printf ("%" G_GINT64_FORMAT, ctx->table->id);
  g_autofree gchar *version = g_strdup_printf ("%d", TD_FORM_LAYOUT_VERSION);
  g_autofree gchar *fingerprint = td_form_table_fingerprint (ctx->table);
  g_autofree gchar *seal
      = td_form_seal (ctx->db, ctx->bloc_year_id, unit_id, ctx->table->id, fingerprint);
  const struct
  {
    const char *key;
    guint col;
  } cols[] = { { "col_code", f->col_code },           { "col_input", f->col_input },
               { "col_reached", f->col_reached },     { "col_bonus", f->col_bonus },
               { "col_deduction", f->col_deduction }, { "col_self", f->col_self },
               { "col_evidence", f->col_note } };

  td_builder_meta (ctx, f->sheet, "form");
  td_sheet_set_meta (f->sheet, "form_layout", version);
  td_sheet_set_meta (f->sheet, "unit_id", uid);
  td_sheet_set_meta (f->sheet, "unit", m->name);
  td_sheet_set_meta (f->sheet, "criteria_table_id", tid);
  td_sheet_set_meta (f->sheet, "table_fingerprint", fingerprint);
  td_sheet_set_meta (f->sheet, "seal", seal);
  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    {
      g_autofree gchar *v = g_strdup_printf ("%u", cols[i].col);
      td_sheet_set_meta (f->sheet, cols[i].key, v);
    }
}

TdSheet *
td_builder_form (TdBuilderCtx *ctx, gint64 unit_id, GError **error)
{
  TdMember *m;
  g_autoptr (TdUnit) unit = NULL;
  g_autoptr (GArray) sections = NULL;
  g_autoptr (GArray) section_rows = NULL;
  g_autoptr (GPtrArray) flags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) mains = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) uses_any = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gchar *title = NULL, *stem = NULL, *unit_line = NULL, *bs = NULL, *date_text = NULL;
  g_autofree gchar *unit_caps = NULL, *parent_caps = NULL;
  const char *issuer[3] = { NULL, NULL, NULL };
  const char *authority[] = { "THỦ TRƯỞNG ĐƠN VỊ", NULL };
  FormSheet f = { 0 };
  TdSheet *sheet;
  TdPoints stated = 0;
  guint total;

  if (!td_builder_load_scores (ctx, error)
      || (m = td_builder_require_member (ctx, unit_id, error)) == NULL)
    return NULL;
  unit = td_registry_get_unit (ctx->db, unit_id, error);
  if (unit == NULL)
    return NULL;
  title = g_strdup_printf ("PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM %d", ctx->by->year);
  bs = td_builder_bloc_short (ctx);
  stem = g_strdup_printf ("Phiếu tự chấm %s %s %d", td_builder_member_label (m), bs, ctx->by->year);
  unit_line = g_strdup_printf ("Đơn vị: %s — %s", m->name, ctx->bloc->name);
  sheet = td_sheet_new (g_utf8_strlen (m->name, -1) <= 31 ? m->name : td_builder_member_label (m),
                        title, TD_SHEET_LANDSCAPE);
  td_sheet_set_file_stem (sheet, stem);

  /* Filled in and signed by the member, not issued by the bloc. */
  unit_caps = g_utf8_strup (m->name, -1);
  if (unit->parent && *unit->parent)
    {
      parent_caps = g_utf8_strup (unit->parent, -1);
      issuer[0] = parent_caps;
      issuer[1] = unit_caps;
    }
  else
    issuer[0] = unit_caps;
  td_sheet_set_issuer (sheet, issuer, "Số: ……/……");
  date_text = g_strdup_printf ("%s, ngày …… tháng …… năm %d",
                               ctx->bloc->place && *ctx->bloc->place ? ctx->bloc->place : "……………",
                               ctx->by->year);
  td_sheet_set_date_text (sheet, date_text);
  td_sheet_set_signature (sheet, authority, NULL, NULL);
  td_sheet_set_sign_note (sheet, "(Ký, ghi rõ họ tên và đóng dấu)");
  sheet->hide_zero = TRUE;
  td_sheet_add_subtitle (sheet, unit_line);
  td_sheet_add_note_before (
      sheet,
      "Hướng dẫn: Đơn vị chỉ nhập vào các ô nền vàng. Cột “Số liệu tự chấm” nhập đúng loại số "
      "liệu của từng tiêu chí, theo cột “ĐVT”: số điểm (không vượt quá mức quy định), số lượng "
      "(số nguyên), tỷ lệ % (ví dụ 97,5, không nhập dấu %) hoặc chọn trong danh sách; dùng dấu "
      "phẩy cho phần thập phân. Cột “Ghi chú / minh chứng” ghi số, ngày văn bản làm căn cứ.");
  td_sheet_add_note_before (
      sheet, "Điểm đạt, điểm thưởng, điểm trừ và điểm tự chấm được tính tự động theo đúng quy "
             "định của bảng điểm, kể cả mức tối đa của điểm thưởng, điểm trừ từng mục. Không "
             "thêm, xóa, đổi thứ tự dòng, cột hoặc trang tính; gửi lại tệp này (định dạng .xlsx) "
             "cho Khối trưởng đúng thời hạn. Cột “Thẩm định” do Khối ghi.");
  if (ctx->table->full_by_default)
    td_sheet_add_note_before (
        sheet, "Theo quy định của Khối, tiêu chí có điểm chuẩn mà đơn vị để trống được tính đủ "
               "điểm chuẩn khi đơn vị đã nhập số liệu tự chấm của ít nhất một tiêu chí; tiêu chí "
               "chưa đạt đủ thì nhập số điểm (số liệu) đạt được.");

  f.ctx = ctx;
  f.sheet = sheet;
  f.flags = flags;
  f.mains = mains;
  f.uses_any = uses_any;
  f.col_code = td_sheet_add_column (sheet, "STT", TD_COLUMN_TEXT, 5, TD_ALIGN_CENTER);
  f.col_title = td_sheet_add_column (sheet, "Nội dung tiêu chí", TD_COLUMN_TEXT, 40, TD_ALIGN_LEFT);
  f.col_standard = td_sheet_add_column (sheet, "Điểm chuẩn", TD_COLUMN_POINTS, 7, TD_ALIGN_RIGHT);
  f.col_input
      = td_sheet_add_column (sheet, "Số liệu tự chấm", TD_COLUMN_POINTS, 13, TD_ALIGN_RIGHT);
  f.col_unit = td_sheet_add_column (sheet, "ĐVT", TD_COLUMN_TEXT, 7, TD_ALIGN_CENTER);
  f.col_reached = td_sheet_add_column (sheet, "Điểm đạt", TD_COLUMN_POINTS, 7, TD_ALIGN_RIGHT);
  f.col_bonus = td_sheet_add_column (sheet, "Điểm thưởng", TD_COLUMN_POINTS, 7, TD_ALIGN_RIGHT);
  f.col_deduction = td_sheet_add_column (sheet, "Điểm trừ", TD_COLUMN_POINTS, 7, TD_ALIGN_RIGHT);
  f.col_self = td_sheet_add_column (sheet, "Tự chấm", TD_COLUMN_POINTS, 7, TD_ALIGN_RIGHT);
  f.col_assessed = td_sheet_add_column (sheet, "Thẩm định", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  f.col_note
      = td_sheet_add_column (sheet, "Ghi chú / minh chứng", TD_COLUMN_TEXT, 24, TD_ALIGN_LEFT);
  sheet->freeze_columns = 2;
  form_meta (&f, m, unit_id);

  sections = td_criteria_table_get_sections (ctx->table);
  section_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint s = 0; s < sections->len; s++)
    {
      gint index = g_array_index (sections, gint, s);
      guint r = form_node (&f, index);
      g_array_append_val (section_rows, r);
      stated += td_criteria_table_get_node (ctx->table, index)->standard;
    }
  total = td_sheet_add_row (sheet, TD_ROW_TOTAL);
  td_sheet_set_text (sheet, total, f.col_code, "Tổng cộng");
  td_sheet_span (sheet, total, f.col_code, f.col_title);
  td_sheet_set_rows_sum (sheet, total, f.col_standard, stated, section_rows);
  form_sums (&f, total, section_rows, ctx->table->bonus_cap, ctx->table->deduction_cap);
  if (uses_any->len > 0)
    form_count_filled (&f, total);
  /* A disqualifier answered "Có" puts the unit out of the grading. */
  if (flags->len > 0)
    {
      GString *any = g_string_new ("IF(OR(");
      for (guint i = 0; i < flags->len; i++)
        g_string_append_printf (any, "%s%s=\"%s\"", i ? "," : "", (char *)flags->pdata[i],
                                TD_FORM_YES);
      g_string_append (any, "),\"Không xếp loại\",\"\")");
      td_sheet_set_formula_text (sheet, total, f.col_note, any->str, "");
      g_string_free (any, TRUE);
    }
  return sheet;
}
