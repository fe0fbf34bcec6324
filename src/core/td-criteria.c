/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The criteria tree in memory: rule kinds, the table, rules in words and
 * the checks.  Storage is in td-criteria-store.c; the design of the rules
 * is written down in td-criteria.h. */
#include "config.h"

#include "td-criteria.h"
#include "td-record.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* One row per kind: adding a kind starts here. */
typedef struct
{
  const char *name; /* stored in criterion.kind, never translated */
  const char *label;
  TdInputField input;
  gboolean standard;
  gboolean deduction;
} KindInfo;

static const KindInfo kinds[TD_RULE_N_KINDS] = {
  [TD_RULE_GROUP] = { "group", N_ ("Heading (sum of its rows)"), TD_INPUT_NONE, FALSE, FALSE },
  [TD_RULE_STANDARD] = { "standard", N_ ("Standard points"), TD_INPUT_POINTS, TRUE, FALSE },
  [TD_RULE_STANDARD_LESS_EACH]
  = { "standard-less-each", N_ ("Standard points less a rate per case"), TD_INPUT_COUNT, TRUE,
      FALSE },
  [TD_RULE_GRADED] = { "graded", N_ ("Graded standard points"), TD_INPUT_MEASURED, TRUE, FALSE },
  [TD_RULE_BONUS_EACH] = { "bonus-each", N_ ("Bonus per case"), TD_INPUT_COUNT, FALSE, FALSE },
  [TD_RULE_DEDUCTION_EACH]
  = { "deduction-each", N_ ("Deduction per case"), TD_INPUT_COUNT, FALSE, TRUE },
  [TD_RULE_BONUS_POINTS]
  = { "bonus-points", N_ ("Bonus up to a limit"), TD_INPUT_POINTS, FALSE, FALSE },
  [TD_RULE_DEDUCTION_POINTS]
  = { "deduction-points", N_ ("Deduction up to a limit"), TD_INPUT_POINTS, FALSE, TRUE },
  [TD_RULE_OPTIONS] = { "options", N_ ("One of several options"), TD_INPUT_OPTION, FALSE, TRUE },
  [TD_RULE_BRACKETS]
  = { "brackets", N_ ("Brackets by measured value and size"), TD_INPUT_MEASURED, FALSE, TRUE },
  [TD_RULE_LINEAR_BONUS]
  = { "linear-bonus", N_ ("Bonus per step above a threshold"), TD_INPUT_MEASURED, FALSE, FALSE },
  [TD_RULE_LINEAR_DEDUCTION] = { "linear-deduction", N_ ("Deduction per step below a threshold"),
                                 TD_INPUT_MEASURED, FALSE, TRUE },
  [TD_RULE_DISQUALIFIER]
  = { "disqualifier", N_ ("Not graded (disqualifier)"), TD_INPUT_FLAG, FALSE, FALSE },
};

const char *
td_rule_kind_to_string (TdRuleKind kind)
{
  g_return_val_if_fail (kind < TD_RULE_N_KINDS, "group");
  return kinds[kind].name;
}

gboolean
td_rule_kind_from_string (const char *name, TdRuleKind *out)
{
  for (guint i = 0; i < TD_RULE_N_KINDS; i++)
    if (g_strcmp0 (kinds[i].name, name) == 0)
      {
        *out = (TdRuleKind)i;
        return TRUE;
      }
  return FALSE;
}

const char *
td_rule_kind_get_label (TdRuleKind kind)
{
  g_return_val_if_fail (kind < TD_RULE_N_KINDS, "");
  return _ (kinds[kind].label);
}

TdInputField
td_rule_kind_get_input (TdRuleKind kind)
{
  g_return_val_if_fail (kind < TD_RULE_N_KINDS, TD_INPUT_NONE);
  return kinds[kind].input;
}

gboolean
td_rule_kind_gives_standard (TdRuleKind kind)
{
  g_return_val_if_fail (kind < TD_RULE_N_KINDS, FALSE);
  return kinds[kind].standard;
}

gboolean
td_rule_kind_is_deduction (TdRuleKind kind)
{
  g_return_val_if_fail (kind < TD_RULE_N_KINDS, FALSE);
  return kinds[kind].deduction;
}

/* Criteria */

static const gsize option_texts[] = { G_STRUCT_OFFSET (TdRuleOption, label), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdRuleOption, td_rule_option_free, option_texts);

static const gsize criterion_texts[]
    = { G_STRUCT_OFFSET (TdCriterion, code),      G_STRUCT_OFFSET (TdCriterion, title),
        G_STRUCT_OFFSET (TdCriterion, guidance),  G_STRUCT_OFFSET (TdCriterion, assessor),
        G_STRUCT_OFFSET (TdCriterion, exemption), TD_RECORD_END };

G_DEFINE_BOXED_TYPE (TdCriterion, td_criterion, td_criterion_copy, td_criterion_free)

TdCriterion *
td_criterion_new (TdRuleKind kind)
{
  TdCriterion *c = g_new0 (TdCriterion, 1);

  c->code = g_strdup ("");
  c->title = g_strdup ("");
  c->guidance = g_strdup ("");
  c->assessor = g_strdup ("");
  c->exemption = g_strdup ("");
  c->kind = kind;
  c->bonus_cap = TD_NO_CAP;
  c->deduction_cap = TD_NO_CAP;
  c->options = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rule_option_free);
  c->size_classes = g_new0 (gchar *, 1);
  c->size_ranges = g_array_new (FALSE, TRUE, sizeof (TdRange));
  c->index = -1;
  c->parent = -1;
  return c;
}

TdCriterion *
td_criterion_copy (const TdCriterion *src)
{
  TdCriterion *c = td_record_copy (src, sizeof *src, criterion_texts);

  c->options = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rule_option_free);
  for (guint i = 0; i < src->options->len; i++)
    g_ptr_array_add (c->options, td_record_copy (g_ptr_array_index (src->options, i),
                                                 sizeof (TdRuleOption), option_texts));
  c->size_classes = g_strdupv (src->size_classes);
  c->size_ranges = g_array_copy (src->size_ranges);
  return c;
}

static const TdRecordPart criterion_parts[]
    = { TD_RECORD_PART (TdCriterion, options, g_ptr_array_unref),
        TD_RECORD_PART (TdCriterion, size_classes, g_strfreev),
        TD_RECORD_PART (TdCriterion, size_ranges, g_array_unref), TD_RECORD_PARTS_END };

TD_RECORD_DEFINE_FREE_FULL (TdCriterion, td_criterion_free, criterion_texts, criterion_parts);

TdRuleOption *
td_criterion_add_option (TdCriterion *criterion, const char *label, TdPoints points)
{
  TdRuleOption *o = g_new0 (TdRuleOption, 1);

  o->label = g_strdup (label ? label : "");
  o->points = points;
  g_ptr_array_add (criterion->options, o);
  return o;
}

TdRuleOption *
td_criterion_add_bracket (TdCriterion *criterion, gint size_class, gboolean has_low, gint64 low,
                          gboolean has_high, gint64 high, TdPoints points)
{
  TdRange range = { has_low, low, has_high, high };
  g_autofree gchar *label = td_range_format (&range);
  TdRuleOption *o;

  o = td_criterion_add_option (criterion, label, points);
  o->size_class = size_class;
  o->has_low = has_low;
  o->low = low;
  o->has_high = has_high;
  o->high = high;
  return o;
}

gint
td_criterion_add_size_class (TdCriterion *criterion, const char *name, const TdRange *range)
{
  guint n = g_strv_length (criterion->size_classes);
  TdRange open = { FALSE, 0, FALSE, 0 };

  criterion->size_classes = g_renew (gchar *, criterion->size_classes, n + 2);
  criterion->size_classes[n] = g_strdup (name ? name : "");
  criterion->size_classes[n + 1] = NULL;
  /* Ranges are kept one per name, open where none was given. */
  while (criterion->size_ranges->len < n)
    g_array_append_val (criterion->size_ranges, open);
  g_array_set_size (criterion->size_ranges, n);
  g_array_append_vals (criterion->size_ranges, range ? range : &open, 1);
  return (gint)n;
}

const TdRange *
td_criterion_get_size_range (const TdCriterion *criterion, gint size_class)
{
  const TdRange *r;

  if (size_class < 0 || (guint)size_class >= criterion->size_ranges->len)
    return NULL;
  r = &g_array_index (criterion->size_ranges, TdRange, size_class);
  return r->has_low || r->has_high ? r : NULL;
}

gint
td_criterion_find_size_class (const TdCriterion *criterion, gint64 value)
{
  for (guint i = 0; i < criterion->size_ranges->len; i++)
    {
      const TdRange *r = td_criterion_get_size_range (criterion, (gint)i);
      if (r != NULL && td_range_contains (r, value))
        return (gint)i;
    }
  return -1;
}

gboolean
td_criterion_has_own_standard (const TdCriterion *criterion)
{
  return td_rule_kind_gives_standard (criterion->kind);
}

gboolean
td_range_contains (const TdRange *range, gint64 value)
{
  return (!range->has_low || value >= range->low) && (!range->has_high || value < range->high);
}

gchar *
td_range_format (const TdRange *range)
{
  g_autofree gchar *l = range->has_low ? td_points_format (range->low) : NULL;
  g_autofree gchar *h = range->has_high ? td_points_format (range->high) : NULL;

  if (range->has_low && range->has_high)
    return g_strdup_printf ("%s – <%s", l, h);
  if (range->has_low)
    return g_strdup_printf ("≥ %s", l);
  if (range->has_high)
    return g_strdup_printf ("< %s", h);
  return g_strdup ("");
}

/* The table */

TdCriteriaTable *
td_criteria_table_new (void)
{
  TdCriteriaTable *t = g_new0 (TdCriteriaTable, 1);

  t->title = g_strdup ("");
  t->notes = g_strdup ("");
  t->total = TD_POINTS (100);
  t->bonus_cap = TD_NO_CAP;
  t->deduction_cap = TD_NO_CAP;
  t->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)td_criterion_free);
  t->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  t->ref_count = 1;
  return t;
}

TdCriteriaTable *
td_criteria_table_ref (TdCriteriaTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_atomic_int_inc (&table->ref_count);
  return table;
}

void
td_criteria_table_unref (TdCriteriaTable *table)
{
  static const gsize texts[] = { G_STRUCT_OFFSET (TdCriteriaTable, title),
                                 G_STRUCT_OFFSET (TdCriteriaTable, notes), TD_RECORD_END };
  static const TdRecordPart parts[]
      = { TD_RECORD_PART (TdCriteriaTable, by_id, g_hash_table_unref),
          TD_RECORD_PART (TdCriteriaTable, nodes, g_ptr_array_unref), TD_RECORD_PARTS_END };

  if (table != NULL && g_atomic_int_dec_and_test (&table->ref_count))
    td_record_free_full (table, texts, parts);
}

void
td_criteria_table_reindex (TdCriteriaTable *table)
{
  GPtrArray *nodes = table->nodes;
  g_autoptr (GHashTable) index_of = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_hash_table_remove_all (table->by_id);
  for (guint i = 0; i < nodes->len; i++)
    {
      TdCriterion *c = g_ptr_array_index (nodes, i);

      c->index = (gint)i;
      c->n_children = 0;
      c->subtree_end = (gint)i + 1;
      if (c->id != 0)
        g_hash_table_insert (table->by_id, &c->id, c);
    }
  /* Parents come first in pre-order, so a node's depth is known from its
   * parent's.  In-memory nodes (id 0) keep the parent index they were
   * given; stored ones are linked by parent_id. */
  for (guint i = 0; i < nodes->len; i++)
    {
      TdCriterion *c = g_ptr_array_index (nodes, i);

      if (c->id != 0 || c->parent_id != 0)
        {
          TdCriterion *p = c->parent_id ? g_hash_table_lookup (table->by_id, &c->parent_id) : NULL;
          c->parent = (p && p->index < c->index) ? p->index : -1;
        }
      else if (c->parent >= c->index)
        c->parent = -1;
      if (c->parent >= 0)
        {
          TdCriterion *p = g_ptr_array_index (nodes, c->parent);
          c->depth = p->depth + 1;
          p->n_children++;
        }
      else
        c->depth = 0;
    }
  for (gint i = (gint)nodes->len - 1; i >= 0; i--)
    {
      TdCriterion *c = g_ptr_array_index (nodes, i);

      if (c->parent >= 0)
        {
          TdCriterion *p = g_ptr_array_index (nodes, c->parent);
          p->subtree_end = MAX (p->subtree_end, c->subtree_end);
        }
    }
}

gint
td_criteria_table_append (TdCriteriaTable *table, gint parent_index, TdCriterion *criterion)
{
  gint at;

  g_return_val_if_fail (parent_index < (gint)table->nodes->len, -1);

  if (parent_index < 0)
    {
      at = (gint)table->nodes->len;
      criterion->parent_id = 0;
      criterion->position = 0;
      for (guint i = 0; i < table->nodes->len; i++)
        if (((TdCriterion *)g_ptr_array_index (table->nodes, i))->parent < 0)
          criterion->position++;
    }
  else
    {
      TdCriterion *p = g_ptr_array_index (table->nodes, parent_index);
      at = p->subtree_end;
      criterion->parent_id = p->id;
      criterion->position = p->n_children;
    }
  /* Shift parent indices of the nodes after the insertion point. */
  for (guint i = 0; i < table->nodes->len; i++)
    {
      TdCriterion *c = g_ptr_array_index (table->nodes, i);
      if (c->parent >= at)
        c->parent++;
    }
  criterion->parent = parent_index;
  g_ptr_array_insert (table->nodes, at, criterion);
  td_criteria_table_reindex (table);
  return at;
}

guint
td_criteria_table_get_n_nodes (const TdCriteriaTable *table)
{
  return table->nodes->len;
}

TdCriterion *
td_criteria_table_get_node (const TdCriteriaTable *table, gint index)
{
  g_return_val_if_fail (index >= 0 && (guint)index < table->nodes->len, NULL);
  return g_ptr_array_index (table->nodes, index);
}

gint
td_criteria_table_find (const TdCriteriaTable *table, gint64 criterion_id)
{
  TdCriterion *c = g_hash_table_lookup (table->by_id, &criterion_id);

  return c ? c->index : -1;
}

gint
td_criteria_table_first_child (const TdCriteriaTable *table, gint index)
{
  const TdCriterion *c;

  if (index < 0)
    return table->nodes->len > 0 ? 0 : -1;
  g_return_val_if_fail ((guint)index < table->nodes->len, -1);
  c = g_ptr_array_index (table->nodes, index);
  return c->n_children > 0 ? index + 1 : -1;
}

gint
td_criteria_table_next_sibling (const TdCriteriaTable *table, gint index)
{
  const TdCriterion *c;

  g_return_val_if_fail (index >= 0 && (guint)index < table->nodes->len, -1);
  c = g_ptr_array_index (table->nodes, index);
  /* In pre-order the next sibling starts right after this subtree. */
  if ((guint)c->subtree_end < table->nodes->len
      && ((TdCriterion *)g_ptr_array_index (table->nodes, c->subtree_end))->parent == c->parent)
    return c->subtree_end;
  return -1;
}

TdPoints
td_criteria_table_sum_standard (const TdCriteriaTable *table)
{
  TdPoints sum = 0;

  for (guint i = 0; i < table->nodes->len; i++)
    {
      TdCriterion *c = g_ptr_array_index (table->nodes, i);
      if (c->parent < 0)
        sum += c->standard;
    }
  return sum;
}

GArray *
td_criteria_table_get_sections (const TdCriteriaTable *table)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint));

  for (guint i = 0; i < table->nodes->len; i++)
    {
      TdCriterion *c = g_ptr_array_index (table->nodes, i);
      if (c->parent < 0)
        g_array_append_val (out, c->index);
    }
  return out;
}

/* Rules in words */

static gchar *
fmt (TdPoints p)
{
  return td_points_format (p);
}

static void
append_cap (GString *s, TdPoints cap, gboolean deduction)
{
  g_autofree gchar *c = NULL;

  if (cap == TD_NO_CAP)
    return;
  c = fmt (cap);
  if (s->len > 0)
    g_string_append (s, ", ");
  if (deduction)
    /* Translators: a cap on deductions, e.g. "at most −1,5" */
    g_string_append_printf (s, _ ("at most −%s"), c);
  else
    /* Translators: a cap on bonuses, e.g. "at most +1" */
    g_string_append_printf (s, _ ("at most +%s"), c);
}

gchar *
td_criterion_describe_rule (const TdCriterion *c)
{
  GString *s = g_string_new ("");
  g_autofree gchar *std = fmt (c->standard);
  g_autofree gchar *rate = fmt (c->rate);

  switch (c->kind)
    {
    case TD_RULE_GROUP:
      break;
    case TD_RULE_STANDARD:
      g_string_append_printf (s, _ ("0 – %s points"), std);
      break;
    case TD_RULE_STANDARD_LESS_EACH:
      /* Translators: standard points less a rate per case */
      g_string_append_printf (s, _ ("%s points, −%s each case"), std, rate);
      break;
    case TD_RULE_GRADED:
    case TD_RULE_OPTIONS:
    case TD_RULE_BRACKETS:
      for (guint i = 0; i < c->options->len; i++)
        {
          const TdRuleOption *o = g_ptr_array_index (c->options, i);
          g_autofree gchar *p
              = c->kind == TD_RULE_GRADED ? fmt (o->points) : td_points_format_signed (o->points);

          if (i > 0)
            g_string_append (s, "; ");
          if (c->kind == TD_RULE_BRACKETS && g_strv_length (c->size_classes) > 1
              && (i == 0
                  || ((TdRuleOption *)g_ptr_array_index (c->options, i - 1))->size_class
                         != o->size_class)
              && o->size_class >= 0 && (guint)o->size_class < g_strv_length (c->size_classes))
            g_string_append_printf (s, "[%s] ", c->size_classes[o->size_class]);
          if (o->label && *o->label)
            g_string_append_printf (s, "%s: %s", o->label, p);
          else
            g_string_append (s, p);
        }
      if (c->kind == TD_RULE_OPTIONS && c->options->len > 1)
        {
          g_autofree gchar *list = g_string_free (g_steal_pointer (&s), FALSE);
          s = g_string_new ("");
          /* Translators: %s is a list of options, e.g. "a: +1; b: +2" */
          g_string_append_printf (s, _ ("one of: %s"), list);
        }
      break;
    case TD_RULE_BONUS_EACH:
      /* Translators: a bonus per case, e.g. "+0,5 each" */
      g_string_append_printf (s, _ ("+%s each"), rate);
      break;
    case TD_RULE_DEDUCTION_EACH:
      g_string_append_printf (s, _ ("−%s each"), rate);
      break;
    case TD_RULE_BONUS_POINTS:
      /* Translators: a bonus the scorer chooses, from 0 up to %s */
      g_string_append_printf (s, _ ("+ up to %s"), rate);
      break;
    case TD_RULE_DEDUCTION_POINTS:
      /* Translators: a deduction the scorer chooses, from 0 up to %s */
      g_string_append_printf (s, _ ("− up to %s"), rate);
      break;
    case TD_RULE_LINEAR_BONUS:
    case TD_RULE_LINEAR_DEDUCTION:
      {
        g_autofree gchar *step = fmt (c->step);
        g_autofree gchar *thr = fmt (c->threshold);

        if (c->kind == TD_RULE_LINEAR_BONUS)
          /* Translators: e.g. "+0,1 per 1 above 92" */
          g_string_append_printf (s, _ ("+%s per %s above %s"), rate, step, thr);
        else
          g_string_append_printf (s, _ ("−%s per %s below %s"), rate, step, thr);
      }
      break;
    case TD_RULE_DISQUALIFIER:
      g_string_append (s, _ ("not graded"));
      break;
    default:
      break;
    }
  if (c->bonus_max > 0 && td_rule_kind_gives_standard (c->kind))
    {
      g_autofree gchar *most = fmt (c->bonus_max);
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append_printf (s, _ ("+ up to %s"), most);
    }
  append_cap (s, c->bonus_cap, FALSE);
  append_cap (s, c->deduction_cap, TRUE);
  if (c->exemption && *c->exemption && td_rule_kind_is_deduction (c->kind))
    {
      if (s->len > 0)
        g_string_append (s, " ");
      /* Translators: the rule has an exemption written in the table */
      g_string_append (s, _ ("(exemption applies)"));
    }
  return g_string_free (s, FALSE);
}

/* Checks */

static const gsize problem_texts[]
    = { G_STRUCT_OFFSET (TdCriteriaProblem, message), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdCriteriaProblem, td_criteria_problem_free, problem_texts);

static gchar *
node_name (const TdCriterion *c)
{
  if (c->code && *c->code)
    return g_strdup_printf ("%s %s", c->code, c->title);
  return g_strdup (c->title);
}

G_GNUC_PRINTF (5, 6)
static void
add_problem (GPtrArray *out, TdProblemKind kind, const TdCriterion *c, TdPoints difference,
             const char *format, ...)
{
  TdCriteriaProblem *p = g_new0 (TdCriteriaProblem, 1);
  va_list args;

  p->kind = kind;
  p->index = c ? c->index : -1;
  p->criterion_id = c ? c->id : 0;
  p->difference = difference;
  va_start (args, format);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (out, p);
}

static gboolean
options_overlap (const TdRuleOption *a, const TdRuleOption *b)
{
  /* Ranges [low, high) with open ends. */
  gboolean a_below_b = a->has_high && b->has_low && a->high <= b->low;
  gboolean b_below_a = b->has_high && a->has_low && b->high <= a->low;

  return a->size_class == b->size_class && !a_below_b && !b_below_a;
}

GPtrArray *
td_criteria_table_check (const TdCriteriaTable *table)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)td_criteria_problem_free);
  guint n = table->nodes->len;
  g_autofree TdPoints *child_sum = g_new0 (TdPoints, n + 1);

  for (guint i = 0; i < n; i++)
    {
      TdCriterion *c = g_ptr_array_index (table->nodes, i);
      g_autofree gchar *name = node_name (c);

      if (c->parent >= 0)
        child_sum[c->parent] += c->standard;

      if (c->title == NULL || *c->title == '\0')
        add_problem (out, TD_PROBLEM_NO_TITLE, c, 0, _ ("Criterion %s has no title."),
                     c->code && *c->code ? c->code : "?");
      if (c->standard < 0 || c->rate < 0 || (c->bonus_cap < 0 && c->bonus_cap != TD_NO_CAP)
          || (c->deduction_cap < 0 && c->deduction_cap != TD_NO_CAP) || c->step < 0)
        add_problem (out, TD_PROBLEM_NEGATIVE, c, 0,
                     _ ("“%s”: standard points, rates and caps must not be negative."), name);
      if (c->bonus_max > 0 && !td_rule_kind_gives_standard (c->kind))
        add_problem (out, TD_PROBLEM_BAD_PARAMETER, c, 0,
                     _ ("“%s”: only a row with standard points can also give a bonus on the "
                        "same row."),
                     name);
      if (c->n_children == 0 && !td_rule_kind_gives_standard (c->kind) && c->kind != TD_RULE_GROUP
          && c->standard != 0)
        add_problem (out, TD_PROBLEM_BAD_PARAMETER, c, 0,
                     _ ("“%s” gives only bonus, deduction or a flag, so its standard points "
                        "must be 0."),
                     name);
      if ((c->kind == TD_RULE_BONUS_EACH || c->kind == TD_RULE_DEDUCTION_EACH
           || c->kind == TD_RULE_STANDARD_LESS_EACH || c->kind == TD_RULE_BONUS_POINTS
           || c->kind == TD_RULE_DEDUCTION_POINTS || c->kind == TD_RULE_LINEAR_BONUS
           || c->kind == TD_RULE_LINEAR_DEDUCTION)
          && c->rate == 0)
        add_problem (out, TD_PROBLEM_BAD_PARAMETER, c, 0, _ ("“%s” needs points per case."), name);
      if ((c->kind == TD_RULE_LINEAR_BONUS || c->kind == TD_RULE_LINEAR_DEDUCTION) && c->step <= 0)
        add_problem (out, TD_PROBLEM_BAD_PARAMETER, c, 0, _ ("“%s” needs a step greater than 0."),
                     name);

      if (c->kind == TD_RULE_OPTIONS || c->kind == TD_RULE_GRADED || c->kind == TD_RULE_BRACKETS)
        {
          guint n_classes = g_strv_length (c->size_classes);

          if (c->options->len == 0)
            add_problem (out, TD_PROBLEM_NO_OPTIONS, c, 0, _ ("“%s” has no options."), name);
          for (guint a = 0; a < n_classes; a++)
            for (guint b = a + 1; b < n_classes; b++)
              {
                const TdRange *ra = td_criterion_get_size_range (c, (gint)a);
                const TdRange *rb = td_criterion_get_size_range (c, (gint)b);

                if (ra != NULL && rb != NULL
                    && !(ra->has_high && rb->has_low && ra->high <= rb->low)
                    && !(rb->has_high && ra->has_low && rb->high <= ra->low))
                  add_problem (out, TD_PROBLEM_BAD_BRACKET, c, 0,
                               _ ("“%s”: the size classes “%s” and “%s” overlap."), name,
                               c->size_classes[a], c->size_classes[b]);
              }
          for (guint a = 0; a < c->options->len; a++)
            {
              const TdRuleOption *oa = g_ptr_array_index (c->options, a);

              if (c->kind == TD_RULE_GRADED && (oa->points > c->standard || oa->points < 0))
                {
                  g_autofree gchar *std = td_points_format (c->standard);
                  add_problem (out, TD_PROBLEM_BAD_PARAMETER, c, 0,
                               _ ("“%s”: a grade must give 0 – %s points."), name, std);
                }
              if (c->kind == TD_RULE_BRACKETS
                  && (oa->size_class < 0 || (guint)oa->size_class >= MAX (n_classes, 1)))
                add_problem (out, TD_PROBLEM_BAD_BRACKET, c, 0,
                             _ ("“%s”: a bracket names a size class that does not exist."), name);
              if (oa->has_low && oa->has_high && oa->high <= oa->low)
                add_problem (out, TD_PROBLEM_BAD_BRACKET, c, 0,
                             _ ("“%s”: the range of “%s” is empty."), name, oa->label);
              for (guint b = a + 1; b < c->options->len; b++)
                {
                  const TdRuleOption *ob = g_ptr_array_index (c->options, b);

                  if (c->kind == TD_RULE_OPTIONS
                      || ((oa->has_low || oa->has_high) == FALSE
                          && (ob->has_low || ob->has_high) == FALSE))
                    {
                      if (g_strcmp0 (oa->label, ob->label) == 0)
                        add_problem (out, TD_PROBLEM_DUPLICATE_OPTION, c, 0,
                                     _ ("“%s”: the option “%s” appears twice."), name, oa->label);
                    }
                  else if (options_overlap (oa, ob))
                    add_problem (out, TD_PROBLEM_BAD_BRACKET, c, 0,
                                 _ ("“%s”: the ranges “%s” and “%s” overlap."), name, oa->label,
                                 ob->label);
                }
            }
        }
    }

  for (guint i = 0; i < n; i++)
    {
      TdCriterion *c = g_ptr_array_index (table->nodes, i);

      /* A row with its own standard points takes none from its rows,
       * which may only add or deduct. */
      if (c->n_children > 0 && td_rule_kind_gives_standard (c->kind))
        {
          if (child_sum[i] != 0)
            {
              g_autofree gchar *name = node_name (c);
              g_autofree gchar *sum = td_points_format (child_sum[i]);

              add_problem (out, TD_PROBLEM_HEADING_RULE, c, child_sum[i],
                           _ ("“%s” has standard points of its own, and the rows under it add "
                              "%s more: make it a heading (its points are then the sum of its "
                              "rows), or make its rows bonus or deduction rows."),
                           name, sum);
            }
          continue;
        }
      if (c->n_children > 0 && child_sum[i] != c->standard)
        {
          g_autofree gchar *name = node_name (c);
          g_autofree gchar *sum = td_points_format (child_sum[i]);
          g_autofree gchar *std = td_points_format (c->standard);
          g_autofree gchar *diff = td_points_format_signed (child_sum[i] - c->standard);

          add_problem (out, TD_PROBLEM_SUM_MISMATCH, c, child_sum[i] - c->standard,
                       _ ("The rows under “%s” add up to %s points, not %s (difference %s)."), name,
                       sum, std, diff);
        }
    }

  if (n > 0)
    {
      TdPoints sum = td_criteria_table_sum_standard (table);

      if (sum != table->total)
        {
          g_autofree gchar *s = td_points_format (sum);
          g_autofree gchar *t = td_points_format (table->total);
          g_autofree gchar *diff = td_points_format_signed (sum - table->total);

          add_problem (out, TD_PROBLEM_SUM_MISMATCH, NULL, sum - table->total,
                       _ ("The sections add up to %s points, not the table's total %s "
                          "(difference %s)."),
                       s, t, diff);
        }
    }
  if ((table->bonus_cap < 0 && table->bonus_cap != TD_NO_CAP)
      || (table->deduction_cap < 0 && table->deduction_cap != TD_NO_CAP) || table->total < 0)
    add_problem (out, TD_PROBLEM_NEGATIVE, NULL, 0,
                 _ ("The table's total and caps must not be negative."));
  return out;
}
