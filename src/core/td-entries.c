/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Score entries: parsing what the clerk types into a cell, checking it
 * against the criterion's rule, saving it with its audit trail, loading
 * a bloc-year's entries in one query, and a cell's history. */
#include "config.h"

#include "td-enum.h"
#include "td-entries.h"
#include "td-query.h"
#include "td-record.h"
#include "td-scoring.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Sources */

static const char *const source_ids[] = {
  [TD_SOURCE_SELF] = "self",
  [TD_SOURCE_ASSESSED] = "assessed",
  [TD_SOURCE_FINAL] = "final",
};

TD_ENUM_DEFINE_IDS (TdSource, td_source_to_string, td_source_from_string, source_ids);

static const char *const source_labels[] = {
  [TD_SOURCE_SELF] = N_ ("Self-score"),
  [TD_SOURCE_ASSESSED] = N_ ("Assessed score"),
  [TD_SOURCE_FINAL] = N_ ("Final score"),
};

TD_ENUM_DEFINE_LABEL (TdSource, td_source_get_label, source_labels, TD_SOURCE_FINAL);

/* Entries */

G_DEFINE_BOXED_TYPE (TdEntry, td_entry, td_entry_copy, td_entry_free)

TdEntry *
td_entry_new (gint64 unit_id, gint64 criterion_id, TdSource source)
{
  TdEntry *e = g_new0 (TdEntry, 1);

  e->unit_id = unit_id;
  e->criterion_id = criterion_id;
  e->source = source;
  e->option = -1;
  e->evidence = g_strdup ("");
  e->agreed_reason = g_strdup ("");
  return e;
}

static const gsize entry_texts[]
    = { G_STRUCT_OFFSET (TdEntry, evidence), G_STRUCT_OFFSET (TdEntry, agreed_reason),
        G_STRUCT_OFFSET (TdEntry, updated_at), G_STRUCT_OFFSET (TdEntry, updated_by),
        TD_RECORD_END };

TdEntry *
td_entry_copy (const TdEntry *src)
{
  TdEntry *e = td_record_copy (src, sizeof *src, entry_texts);

  /* Never NULL, whatever the original held. */
  if (e->evidence == NULL)
    e->evidence = g_strdup ("");
  if (e->agreed_reason == NULL)
    e->agreed_reason = g_strdup ("");
  return e;
}

TD_RECORD_DEFINE_FREE (TdEntry, td_entry_free, entry_texts);

gboolean
td_entry_equal (const TdEntry *a, const TdEntry *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->unit_id == b->unit_id && a->criterion_id == b->criterion_id && a->source == b->source
         && a->points == b->points && a->count == b->count && a->option == b->option
         && a->has_measured == b->has_measured && (!a->has_measured || a->measured == b->measured)
         && a->size_class == b->size_class && !a->disqualified == !b->disqualified
         && !a->exempt == !b->exempt && a->bonus == b->bonus && !a->has_agreed == !b->has_agreed
         && (!a->has_agreed
             || (a->agreed == b->agreed && g_strcmp0 (a->agreed_reason, b->agreed_reason) == 0))
         && g_strcmp0 (a->evidence, b->evidence) == 0;
}

/* Input */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gchar *
criterion_name (const TdCriterion *c)
{
  if (c->code && *c->code)
    return g_strdup_printf ("%s %s", c->code, c->title);
  return g_strdup (c->title);
}

/* The most that may be entered as points, or −1 when the kind takes no points. */
static TdPoints
points_limit (const TdCriterion *c)
{
  switch (c->kind)
    {
    case TD_RULE_STANDARD:
      return c->standard;
    case TD_RULE_BONUS_POINTS:
    case TD_RULE_DEDUCTION_POINTS:
      return c->rate;
    default:
      return -1;
    }
}

static gchar *
value_hint (const TdCriterion *c)
{
  switch (td_rule_kind_get_input (c->kind))
    {
    case TD_INPUT_POINTS:
      {
        g_autofree gchar *max = td_points_format (points_limit (c));
        return g_strdup_printf ("0 – %s", max);
      }
    case TD_INPUT_COUNT:
      /* Translators: a count of cases is expected */
      return g_strdup (_ ("0, 1, 2 …"));
    case TD_INPUT_OPTION:
      {
        GString *s = g_string_new ("");
        for (guint i = 0; i < c->options->len; i++)
          {
            const TdRuleOption *o = g_ptr_array_index (c->options, i);
            if (i > 0)
              g_string_append (s, " / ");
            g_string_append (s, o->label);
          }
        return g_string_free (s, FALSE);
      }
    case TD_INPUT_MEASURED:
      /* Translators: a measured value is expected, e.g. a percentage */
      return g_strdup (_ ("a value, e.g. 97,5"));
    case TD_INPUT_FLAG:
      /* Translators: how to tick a yes/no criterion */
      return g_strdup (_ ("x = yes, empty = no"));
    case TD_INPUT_NONE:
    default:
      return g_strdup ("");
    }
}

/* A row that gives a bonus on top of its standard points takes "3 + 0,5". */
static gboolean
takes_bonus (const TdCriterion *c)
{
  return c->bonus_max > 0 && td_rule_kind_gives_standard (c->kind)
         && td_rule_kind_get_input (c->kind) != TD_INPUT_OPTION;
}

/* A deduction with an exemption note takes "miễn trừ" when it applies. */
static gboolean
takes_exemption (const TdCriterion *c)
{
  return td_rule_kind_is_deduction (c->kind) && c->exemption != NULL && *c->exemption != '\0';
}

gchar *
td_criterion_input_hint (const TdCriterion *c)
{
  g_autofree gchar *hint = value_hint (c);

  if (takes_bonus (c))
    {
      g_autofree gchar *max = td_points_format (c->bonus_max);
      /* Translators: the values a row with a bonus takes, e.g. "0 – 3, with a
       * bonus: 3 + 0,5 (0 – 1)" */
      return g_strdup_printf (_ ("%s, with a bonus: %s + 0,5 (0 – %s)"), hint,
                              c->kind == TD_RULE_STANDARD ? "3" : "…", max);
    }
  if (takes_exemption (c))
    /* Translators: the values a deduction with an exemption takes; keep
     * “miễn trừ” as is, it is what the clerk types */
    return g_strdup_printf (_ ("%s, or “miễn trừ” when the exemption applies"), hint);
  return g_steal_pointer (&hint);
}

/* "miễn trừ", "miễn", "mien tru", "mt": the exemption applies. */
static gboolean
is_exemption_word (const char *text)
{
  g_autofree gchar *f = td_text_fold (text);
  const char *words[] = { "mien tru", "mien", "mt", "mien tru diem" };

  g_strstrip (f);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (f, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean parse_value (const TdCriterion *c, const char *name, const char *trimmed,
                             TdEntry *entry, GError **error);

gboolean
td_criterion_parse_input (const TdCriterion *c, const char *text, TdEntry *entry, GError **error)
{
  g_autofree gchar *name = criterion_name (c);
  g_autofree gchar *trimmed = NULL;
  TdInputField field = td_rule_kind_get_input (c->kind);
  const char *plus;

  /* What was typed or pasted reaches no UTF-8 function, and no message,
   * unless it is text. */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("The value for “%s” is not valid text; type it again."), name);
      return FALSE;
    }
  trimmed = g_strstrip (g_strdup (text ? text : ""));
  if (field == TD_INPUT_NONE)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("“%s” is a heading: its points come from the rows under it."), name);
      return FALSE;
    }
  if (*trimmed == '\0')
    {
      g_autofree gchar *hint = td_criterion_input_hint (c);
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Enter a value for “%s” (%s), or clear the cell to remove the score."), name,
                   hint);
      return FALSE;
    }
  /* What is typed is the whole value: a bonus or an exemption typed
   * before is gone unless typed again. */
  if (takes_exemption (c) && is_exemption_word (trimmed))
    {
      entry->exempt = TRUE;
      entry->points = 0;
      entry->count = 0;
      entry->disqualified = FALSE;
      entry->has_measured = FALSE;
      entry->option = -1;
      return TRUE;
    }
  plus = takes_bonus (c) && *trimmed != '+' ? strchr (trimmed, '+') : NULL;
  if (plus != NULL)
    {
      g_autofree gchar *value = g_strstrip (g_strndup (trimmed, plus - trimmed));
      g_autoptr (TdEntry) probe = td_entry_copy (entry);

      if (!parse_value (c, name, value, probe, error)
          || !td_criterion_parse_bonus (c, plus + 1, probe, error))
        return FALSE;
      probe->exempt = FALSE;
      entry->points = probe->points;
      entry->count = probe->count;
      entry->option = probe->option;
      entry->has_measured = probe->has_measured;
      entry->measured = probe->measured;
      entry->bonus = probe->bonus;
      entry->exempt = FALSE;
      return TRUE;
    }
  if (!parse_value (c, name, trimmed, entry, error))
    return FALSE;
  entry->bonus = 0;
  entry->exempt = FALSE;
  return TRUE;
}

static gboolean
parse_count (const char *text, gint64 *out)
{
  g_autofree gchar *t = g_strstrip (g_strdup (text));
  gint64 v = 0;

  if (*t == '\0')
    return FALSE;
  for (const char *p = t; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      v = v * 10 + (*p - '0');
      if (v > 1000000)
        return FALSE;
    }
  *out = v;
  return TRUE;
}

static gboolean
parse_flag (const char *text, gboolean *out)
{
  g_autofree gchar *f = td_text_fold (text);
  g_autofree gchar *t = g_strstrip (g_strdup (f));
  const char *yes[] = { "x", "1", "co", "yes", "true", "v", "✓" };
  const char *no[] = { "0", "khong", "no", "false", "-" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_strcmp0 (t, yes[i]) == 0)
      return (*out = TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_strcmp0 (t, no[i]) == 0)
      {
        *out = FALSE;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_value (const TdCriterion *c, const char *name, const char *trimmed, TdEntry *entry,
             GError **error)
{
  TdInputField field = td_rule_kind_get_input (c->kind);

  if (*trimmed == '\0')
    {
      g_autofree gchar *hint = value_hint (c);
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("Enter a value for “%s” (%s)."), name,
                   hint);
      return FALSE;
    }
  switch (field)
    {
    case TD_INPUT_POINTS:
      {
        TdPoints p, limit = points_limit (c);
        g_autofree gchar *max = td_points_format (limit);

        if (!td_points_parse (trimmed, &p, NULL))
          {
            g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                         _ ("“%s” is not a number. Enter points in 0 – %s for “%s”, "
                            "with a decimal comma such as 0,5."),
                         trimmed, max, name);
            return FALSE;
          }
        /* A deduction may be typed with its sign, as it is printed. */
        if (p < 0 && c->kind == TD_RULE_DEDUCTION_POINTS)
          p = -p;
        if (p < 0 || p > limit)
          {
            g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                         _ ("“%s” is out of range. Enter points in 0 – %s for “%s”."), trimmed, max,
                         name);
            return FALSE;
          }
        entry->points = p;
      }
      break;
    case TD_INPUT_COUNT:
      if (!parse_count (trimmed, &entry->count))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("“%s” is not a number of cases. Enter a whole number 0, 1, 2 … "
                          "for “%s”."),
                       trimmed, name);
          return FALSE;
        }
      break;
    case TD_INPUT_OPTION:
      {
        gint64 n;
        g_autofree gchar *folded = td_text_fold (trimmed);

        if (parse_count (trimmed, &n) && n >= 1 && n <= (gint64)c->options->len)
          {
            entry->option = (gint)n - 1;
            break;
          }
        for (guint i = 0; i < c->options->len; i++)
          {
            const TdRuleOption *o = g_ptr_array_index (c->options, i);
            g_autofree gchar *label = td_text_fold (o->label);

            if (g_strcmp0 (g_strstrip (label), folded) == 0)
              {
                entry->option = (gint)i;
                return TRUE;
              }
          }
        {
          g_autofree gchar *hint = td_criterion_input_hint (c);
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("“%s” is not one of the options of “%s”: %s."), trimmed, name, hint);
        }
        return FALSE;
      }
    case TD_INPUT_MEASURED:
      {
        g_autofree gchar *number = g_strdup (trimmed);
        gsize len = strlen (number);
        TdPoints v;

        if (len > 0 && number[len - 1] == '%')
          number[len - 1] = '\0';
        g_strstrip (number);
        if (!td_points_parse (number, &v, NULL) && c->kind == TD_RULE_GRADED)
          {
            /* A grade may be chosen by its name instead of a measured value. */
            g_autofree gchar *folded = td_text_fold (trimmed);

            for (guint i = 0; i < c->options->len; i++)
              {
                const TdRuleOption *o = g_ptr_array_index (c->options, i);
                g_autofree gchar *label = td_text_fold (o->label);

                if (*label != '\0' && g_strcmp0 (g_strstrip (label), folded) == 0)
                  {
                    entry->option = (gint)i;
                    entry->has_measured = FALSE;
                    return TRUE;
                  }
              }
          }
        if (!td_points_parse (number, &v, NULL))
          {
            g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                         _ ("“%s” is not a number. Enter the measured value for “%s”, "
                            "e.g. 97,5."),
                         trimmed, name);
            return FALSE;
          }
        entry->has_measured = TRUE;
        entry->measured = v;
      }
      break;
    case TD_INPUT_FLAG:
      if (!parse_flag (trimmed, &entry->disqualified))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("Enter x (yes) or 0 (no) for “%s”, not “%s”."), name, trimmed);
          return FALSE;
        }
      break;
    case TD_INPUT_NONE:
    default:
      break;
    }
  return TRUE;
}

static gchar *
format_value (const TdCriterion *c, const TdEntry *e)
{
  switch (td_rule_kind_get_input (c->kind))
    {
    case TD_INPUT_POINTS:
      return td_points_format (e->points);
    case TD_INPUT_COUNT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, e->count);
    case TD_INPUT_OPTION:
      if (e->option >= 0 && (guint)e->option < c->options->len)
        return g_strdup (((TdRuleOption *)g_ptr_array_index (c->options, e->option))->label);
      return g_strdup ("");
    case TD_INPUT_MEASURED:
      if (e->has_measured)
        return td_points_format (e->measured);
      if (e->option >= 0 && (guint)e->option < c->options->len)
        return g_strdup (((TdRuleOption *)g_ptr_array_index (c->options, e->option))->label);
      return g_strdup ("");
    case TD_INPUT_FLAG:
      return g_strdup (e->disqualified ? "x" : "");
    case TD_INPUT_NONE:
    default:
      return g_strdup ("");
    }
}

gchar *
td_criterion_format_input (const TdCriterion *c, const TdEntry *e)
{
  g_autofree gchar *value = NULL;

  if (e == NULL)
    return g_strdup ("");
  /* As the clerk types them back: "miễn trừ", "3 + 0,5". */
  if (e->exempt && td_rule_kind_is_deduction (c->kind))
    return g_strdup ("miễn trừ");
  value = format_value (c, e);
  if (e->bonus != 0)
    {
      g_autofree gchar *bonus = td_points_format (e->bonus);
      return g_strdup_printf ("%s + %s", value, bonus);
    }
  return g_steal_pointer (&value);
}

gboolean
td_criterion_parse_bonus (const TdCriterion *c, const char *text, TdEntry *entry, GError **error)
{
  g_autofree gchar *name = criterion_name (c);
  g_autofree gchar *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree gchar *max = td_points_format (c->bonus_max);
  TdPoints p;

  if (c->bonus_max <= 0 || !td_rule_kind_gives_standard (c->kind))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("“%s” gives no bonus."), name);
      return FALSE;
    }
  if (*trimmed == '\0')
    {
      entry->bonus = 0;
      return TRUE;
    }
  if (!td_points_parse (trimmed, &p, NULL) || p < 0 || p > c->bonus_max)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("“%s” is not a bonus for “%s”. Enter points in 0 – %s, with a decimal "
                      "comma such as 0,5."),
                   trimmed, name, max);
      return FALSE;
    }
  entry->bonus = p;
  return TRUE;
}

gboolean
td_criterion_validate_entry (const TdCriterion *c, const TdEntry *e, GError **error)
{
  g_autofree gchar *name = criterion_name (c);

  if (e->has_agreed)
    {
      if (e->source != TD_SOURCE_ASSESSED)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("Only the assessed score of “%s” can carry the meeting's agreed "
                          "points."),
                       name);
          return FALSE;
        }
      if (is_blank (e->agreed_reason))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("Give the reason for the agreed points of “%s”, as the meeting's "
                          "minutes state it."),
                       name);
          return FALSE;
        }
      if (e->agreed > TD_POINTS_MAX || e->agreed < -TD_POINTS_MAX)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("The agreed points of “%s” are too large."), name);
          return FALSE;
        }
    }
  if (e->bonus != 0
      && (e->bonus < 0 || e->bonus > c->bonus_max || !td_rule_kind_gives_standard (c->kind)))
    {
      g_autofree gchar *max = td_points_format (c->bonus_max);
      g_autofree gchar *v = td_points_format (e->bonus);
      if (c->bonus_max > 0)
        g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                     _ ("The bonus “%s” is out of range. Enter a bonus in 0 – %s for “%s”."), v,
                     max, name);
      else
        g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("“%s” gives no bonus."), name);
      return FALSE;
    }

  switch (td_rule_kind_get_input (c->kind))
    {
    case TD_INPUT_NONE:
      /* A heading takes no value, only the meeting's agreed points. */
      if (e->has_agreed)
        return TRUE;
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("“%s” is a heading: its points come from the rows under it."), name);
      return FALSE;
    case TD_INPUT_POINTS:
      if (e->points < 0 || e->points > points_limit (c))
        {
          g_autofree gchar *max = td_points_format (points_limit (c));
          g_autofree gchar *v = td_points_format (e->points);
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("“%s” is out of range. Enter points in 0 – %s for “%s”."), v, max, name);
          return FALSE;
        }
      break;
    case TD_INPUT_COUNT:
      if (e->count < 0 || e->count > 1000000)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("Enter a whole number 0, 1, 2 … for “%s”."), name);
          return FALSE;
        }
      break;
    case TD_INPUT_OPTION:
      if (e->option < -1 || e->option >= (gint)c->options->len)
        {
          g_autofree gchar *hint = td_criterion_input_hint (c);
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("Choose one of the options of “%s”: %s."), name, hint);
          return FALSE;
        }
      break;
    case TD_INPUT_MEASURED:
      if (c->kind == TD_RULE_BRACKETS
          && (e->size_class < 0
              || (guint)e->size_class >= MAX (g_strv_length (c->size_classes), 1)))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("Choose the size class of the unit for “%s”."), name);
          return FALSE;
        }
      if (e->option < -1 || e->option >= (gint)c->options->len)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("Choose one of the grades of “%s”."),
                       name);
          return FALSE;
        }
      break;
    case TD_INPUT_FLAG:
    default:
      break;
    }
  return TRUE;
}

/* Storage */

static const char *ENTRY_COLUMNS
    = "e.id, e.unit_id, e.criterion_id, e.source, e.points, e.count, e.option, e.measured,"
      " e.size_class, e.disqualified, e.exempt, e.evidence, e.updated_at, e.updated_by,"
      " e.bonus, e.agreed, e.agreed_reason";

/* bonus, agreed, agreed_reason from three columns starting at col. */
static void
read_bonus_and_agreed (TdEntry *e, sqlite3_stmt *stmt, int col)
{
  gchar *reason = td_db_dup_text (stmt, col + 2);

  e->bonus = sqlite3_column_int64 (stmt, col);
  e->has_agreed = sqlite3_column_type (stmt, col + 1) != SQLITE_NULL;
  e->agreed = e->has_agreed ? sqlite3_column_int64 (stmt, col + 1) : 0;
  g_free (e->agreed_reason);
  e->agreed_reason = reason ? reason : g_strdup ("");
}

static gpointer
read_entry (sqlite3_stmt *stmt)
{
  TdEntry *e = td_entry_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                             TD_SOURCE_SELF);

  td_query_columns (stmt, "x---xximibbess", &e->id, &e->points, &e->count, &e->option,
                    &e->has_measured, &e->measured, &e->size_class, &e->disqualified, &e->exempt,
                    &e->evidence, &e->updated_at, &e->updated_by);
  td_source_from_string ((const char *)sqlite3_column_text (stmt, 3), &e->source);
  read_bonus_and_agreed (e, stmt, 14);
  return e;
}

TdEntry *
td_entry_load (TdDb *db, gint64 unit_id, gint64 criterion_id, TdSource source, GError **error)
{
  g_autofree gchar *sql = g_strdup_printf (
      "SELECT %s FROM entry e WHERE e.unit_id = ? AND e.criterion_id = ? AND e.source = ?",
      ENTRY_COLUMNS);

  return td_query_one (db, sql, read_entry, NULL, error, "xxs", unit_id, criterion_id,
                       td_source_to_string (source));
}

/* The bulk load reads as few columns as it can: at 16,000 entries every
 * column read costs about a millisecond, and the sheet must load in far
 * less than a frame or two.  Flags are packed into one column, the source
 * is compared in SQL, and the timestamps are left to td_entry_load. */
static gpointer
read_bulk_entry (sqlite3_stmt *stmt)
{
  TdEntry *e = g_new0 (TdEntry, 1);
  gchar *evidence = td_db_dup_text (stmt, 9);
  gint flags;

  e->id = sqlite3_column_int64 (stmt, 0);
  e->unit_id = sqlite3_column_int64 (stmt, 1);
  e->criterion_id = sqlite3_column_int64 (stmt, 2);
  e->source = sqlite3_column_int (stmt, 3) ? TD_SOURCE_ASSESSED : TD_SOURCE_SELF;
  e->points = sqlite3_column_int64 (stmt, 4);
  e->count = sqlite3_column_int64 (stmt, 5);
  e->option = sqlite3_column_int (stmt, 6);
  e->has_measured = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
  e->measured = e->has_measured ? sqlite3_column_int64 (stmt, 7) : 0;
  flags = sqlite3_column_int (stmt, 8);
  e->size_class = flags >> 2;
  e->disqualified = (flags & 1) != 0;
  e->exempt = (flags & 2) != 0;
  e->evidence = evidence ? evidence : g_strdup ("");
  read_bonus_and_agreed (e, stmt, 10);
  return e;
}

GPtrArray *
td_entries_load_bloc_year (TdDb *db, gint64 bloc_year_id, GError **error)
{
  return td_query_list (db,
                        "SELECT e.id, e.unit_id, e.criterion_id, e.source = 'assessed', e.points,"
                        " e.count, e.option, e.measured,"
                        " e.disqualified + 2 * e.exempt + 4 * e.size_class, e.evidence,"
                        " e.bonus, e.agreed, e.agreed_reason"
                        " FROM criteria_table t"
                        " JOIN criterion c ON c.table_id = t.id AND c.deleted = 0"
                        " JOIN entry e ON e.criterion_id = c.id"
                        " WHERE t.bloc_year_id = ?",
                        read_bulk_entry, (GDestroyNotify)td_entry_free, error, "x", bloc_year_id);
}

gboolean
td_entries_exist (TdDb *db, gint64 bloc_year_id, GError **error)
{
  return td_query_int (db,
                       "SELECT EXISTS (SELECT 1 FROM criteria_table t"
                       " JOIN criterion c ON c.table_id = t.id"
                       " JOIN entry e ON e.criterion_id = c.id"
                       " WHERE t.bloc_year_id = ?)",
                       0, error, "x", bloc_year_id)
         != 0;
}

/* What the audit trail shows for an entry's value, independent of the UI
 * language so that the trail reads the same for everybody. */
static gchar *
audit_value (const TdCriterion *c, const TdEntry *e)
{
  g_autofree gchar *v = NULL;

  if (e == NULL)
    return NULL;
  v = c ? td_criterion_format_input (c, e) : td_points_format (e->points);
  if (c && c->kind == TD_RULE_BRACKETS && e->has_measured)
    {
      gchar *with_class = g_strdup_printf ("%s [%d]", v, e->size_class + 1);
      g_free (v);
      v = with_class;
    }
  if (e->exempt)
    {
      gchar *with_exempt = g_strconcat (v, " (miễn trừ)", NULL);
      g_free (v);
      v = with_exempt;
    }
  if (e->bonus != 0)
    {
      g_autofree gchar *b = td_points_format (e->bonus);
      gchar *with_bonus = g_strdup_printf ("%s + thưởng %s", v, b);
      g_free (v);
      v = with_bonus;
    }
  if (e->has_agreed)
    {
      g_autofree gchar *a = td_points_format (e->agreed);
      gchar *with_agreed = g_strdup_printf ("%s; thống nhất %s (%s)", v, a, e->agreed_reason);
      g_free (v);
      v = with_agreed;
    }
  return g_steal_pointer (&v);
}

static gboolean
audit_entry (TdDb *db, const TdCriterion *c, const TdEntry *old, const TdEntry *new, gint64 unit_id,
             gint64 criterion_id, TdSource source, GError **error)
{
  g_autofree gchar *old_value = audit_value (c, old);
  g_autofree gchar *new_value = audit_value (c, new);
  const char *old_ev = old ? old->evidence : NULL;
  const char *new_ev = new ? new->evidence : NULL;
  g_autofree gchar *value_field
      = g_strdup_printf ("value:%s:%" G_GINT64_FORMAT, td_source_to_string (source), unit_id);
  g_autofree gchar *evidence_field
      = g_strdup_printf ("evidence:%s:%" G_GINT64_FORMAT, td_source_to_string (source), unit_id);

  if (g_strcmp0 (old_value, new_value) != 0 || (old == NULL) != (new == NULL))
    if (!td_db_audit (db, "entry", criterion_id, value_field, old_value, new_value, error))
      return FALSE;
  if (g_strcmp0 (old_ev && *old_ev ? old_ev : NULL, new_ev && *new_ev ? new_ev : NULL) != 0)
    if (!td_db_audit (db, "entry", criterion_id, evidence_field, old_ev, new_ev, error))
      return FALSE;
  return TRUE;
}

static TdCriterion *
load_criterion (TdDb *db, gint64 criterion_id, GError **error)
{
  g_autoptr (TdCriteriaTable) table = NULL;
  gint64 bloc_year_id = td_query_int (db,
                                      "SELECT t.bloc_year_id FROM criterion c JOIN criteria_table t"
                                      " ON t.id = c.table_id WHERE c.id = ? AND c.deleted = 0",
                                      0, error, "x", criterion_id);
  gint index;

  if (bloc_year_id == 0)
    {
      if (error && *error == NULL)
        g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                     _ ("This criterion no longer exists; it may have been deleted. Reload the "
                        "table."));
      return NULL;
    }
  table = td_criteria_load (db, bloc_year_id, error);
  if (table == NULL)
    return NULL;
  index = td_criteria_table_find (table, criterion_id);
  return index >= 0 ? td_criterion_copy (td_criteria_table_get_node (table, index)) : NULL;
}

gboolean
td_entry_save (TdDb *db, const TdCriterion *criterion, TdEntry *entry, GError **error)
{
  g_autoptr (TdCriterion) loaded = NULL;
  g_autoptr (TdEntry) old = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree gchar *at = g_date_time_format_iso8601 (now);
  g_autofree gchar *user = td_db_current_user ();
  GError *local = NULL;

  if (entry->source != TD_SOURCE_SELF && entry->source != TD_SOURCE_ASSESSED)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("A score is either a self-score or an assessed score."));
      return FALSE;
    }
  if (criterion == NULL)
    {
      loaded = load_criterion (db, entry->criterion_id, error);
      if (loaded == NULL)
        return FALSE;
      criterion = loaded;
    }
  if (!td_criterion_validate_entry (criterion, entry, error))
    return FALSE;
  if (!td_db_begin (db, error))
    return FALSE;
  old = td_entry_load (db, entry->unit_id, entry->criterion_id, entry->source, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      goto fail;
    }
  if (old != NULL && td_entry_equal (old, entry))
    {
      /* Nothing changed: no audit row, no new timestamp. */
      td_db_rollback (db);
      entry->id = old->id;
      return TRUE;
    }
  /* Not measured, no agreed points: NULL. */
  if (!td_query_run (
          db,
          "INSERT INTO entry (unit_id, criterion_id, source, points, count, option, measured,"
          " size_class, disqualified, exempt, evidence, updated_at, updated_by, bonus, agreed,"
          " agreed_reason)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          " ON CONFLICT (criterion_id, unit_id, source) DO UPDATE SET points = excluded.points,"
          " count = excluded.count, option = excluded.option, measured = excluded.measured,"
          " size_class = excluded.size_class, disqualified = excluded.disqualified,"
          " exempt = excluded.exempt, evidence = excluded.evidence,"
          " updated_at = excluded.updated_at, updated_by = excluded.updated_by,"
          " bonus = excluded.bonus, agreed = excluded.agreed,"
          " agreed_reason = excluded.agreed_reason",
          error, "xxsxximibbessxme", entry->unit_id, entry->criterion_id,
          td_source_to_string (entry->source), entry->points, entry->count, entry->option,
          entry->has_measured, entry->measured, entry->size_class, entry->disqualified,
          entry->exempt, entry->evidence, at, user, entry->bonus, entry->has_agreed, entry->agreed,
          entry->has_agreed ? entry->agreed_reason : NULL))
    goto fail;
  if (!audit_entry (db, criterion, old, entry, entry->unit_id, entry->criterion_id, entry->source,
                    error))
    goto fail;
  if (!td_query_finish (db, TRUE, "entries", error))
    return FALSE;
  entry->id = old ? old->id : td_db_last_insert_id (db);
  g_free (entry->updated_at);
  entry->updated_at = g_steal_pointer (&at);
  g_free (entry->updated_by);
  entry->updated_by = g_steal_pointer (&user);
  return TRUE;
fail:
  return td_query_finish (db, FALSE, NULL, error);
}

/* @known: the criterion when the caller has it (NULL: read from the
 * database, which loads its whole table). */
static gboolean
delete_entry (TdDb *db, const TdCriterion *known, gint64 unit_id, gint64 criterion_id,
              TdSource source, TdEntry **old_entry, GError **error)
{
  g_autoptr (TdEntry) old = NULL;
  g_autoptr (TdCriterion) criterion = NULL;
  GError *local = NULL;

  if (!td_db_begin (db, error))
    return FALSE;
  old = td_entry_load (db, unit_id, criterion_id, source, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      goto fail;
    }
  if (old != NULL)
    {
      if (known == NULL)
        criterion = load_criterion (db, criterion_id, NULL);
      if (!td_query_run (db, "DELETE FROM entry WHERE id = ?", error, "x", old->id)
          || !audit_entry (db, known ? known : criterion, old, NULL, unit_id, criterion_id, source,
                           error))
        goto fail;
    }
  if (!td_query_finish (db, TRUE, old != NULL ? "entries" : NULL, error))
    return FALSE;
  if (old_entry != NULL)
    *old_entry = g_steal_pointer (&old);
  return TRUE;
fail:
  return td_query_finish (db, FALSE, NULL, error);
}

gboolean
td_entry_delete (TdDb *db, gint64 unit_id, gint64 criterion_id, TdSource source,
                 TdEntry **old_entry, GError **error)
{
  return delete_entry (db, NULL, unit_id, criterion_id, source, old_entry, error);
}

gboolean
td_entry_delete_with_criterion (TdDb *db, const TdCriterion *criterion, gint64 unit_id,
                                TdSource source, TdEntry **old_entry, GError **error)
{
  g_return_val_if_fail (criterion != NULL, FALSE);
  return delete_entry (db, criterion, unit_id, criterion->id, source, old_entry, error);
}

static const gsize change_texts[]
    = { G_STRUCT_OFFSET (TdEntryChange, field),     G_STRUCT_OFFSET (TdEntryChange, at),
        G_STRUCT_OFFSET (TdEntryChange, user),      G_STRUCT_OFFSET (TdEntryChange, old_value),
        G_STRUCT_OFFSET (TdEntryChange, new_value), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdEntryChange, td_entry_change_free, change_texts);

static gpointer
change_from_row (sqlite3_stmt *stmt)
{
  TdEntryChange *ch = g_new0 (TdEntryChange, 1);
  const char *field = (const char *)sqlite3_column_text (stmt, 0);

  ch->field = g_strdup (g_str_has_prefix (field, "evidence") ? "evidence" : "value");
  td_query_columns (stmt, "-ssss", &ch->at, &ch->user, &ch->old_value, &ch->new_value);
  return ch;
}

GPtrArray *
td_entry_history (TdDb *db, gint64 unit_id, gint64 criterion_id, TdSource source, GError **error)
{
  g_autofree gchar *value_field
      = g_strdup_printf ("value:%s:%" G_GINT64_FORMAT, td_source_to_string (source), unit_id);
  g_autofree gchar *evidence_field
      = g_strdup_printf ("evidence:%s:%" G_GINT64_FORMAT, td_source_to_string (source), unit_id);

  return td_query_list (db,
                        "SELECT field, at, user, old_value, new_value FROM audit"
                        " WHERE tbl = 'entry' AND row_id = ? AND field IN (?, ?)"
                        " ORDER BY id DESC",
                        change_from_row, (GDestroyNotify)td_entry_change_free, error, "xss",
                        criterion_id, value_field, evidence_field);
}

/* The sheet from the database (declared in td-scoring.h). */
TdScores *
td_scores_load (TdDb *db, TdCriteriaTable *table, GError **error)
{
  g_autoptr (GArray) units = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (TdScores) scores = NULL;
  g_autoptr (GHashTable) index_of = NULL;

  /* Members in the registry's order (Vietnamese collation of the name
   * they bore that year), then any unit that has scores but is no longer a
   * member, so its scores are never hidden. */
  units = td_query_ids (db,
                        "SELECT m.unit_id FROM membership m"
                        " JOIN bloc_year y ON y.id = m.bloc_year_id"
                        " JOIN unit u ON u.id = m.unit_id"
                        " LEFT JOIN unit_name n ON n.unit_id = u.id AND n.valid_from = ("
                        "   SELECT max (valid_from) FROM unit_name"
                        "   WHERE unit_id = u.id AND valid_from <= printf ('%04d-12-31', y.year))"
                        " WHERE m.bloc_year_id = ?1"
                        " ORDER BY coalesce (n.name, u.name) COLLATE VI",
                        error, "x", table->bloc_year_id);
  if (units == NULL)
    return NULL;

  entries = td_entries_load_bloc_year (db, table->bloc_year_id, error);
  if (entries == NULL)
    return NULL;
  index_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint u = 0; u < units->len; u++)
    g_hash_table_insert (index_of, g_memdup2 (&g_array_index (units, gint64, u), sizeof (gint64)),
                         GUINT_TO_POINTER (u + 1));
  for (guint i = 0; i < entries->len; i++)
    {
      TdEntry *e = g_ptr_array_index (entries, i);

      if (!g_hash_table_contains (index_of, &e->unit_id))
        {
          g_array_append_val (units, e->unit_id);
          g_hash_table_insert (index_of, g_memdup2 (&e->unit_id, sizeof (gint64)),
                               GUINT_TO_POINTER (units->len));
        }
    }

  scores = td_scores_new (table, (const gint64 *)(gpointer)units->data, units->len);
  for (guint i = 0; i < entries->len; i++)
    {
      TdEntry *e = g_ptr_array_index (entries, i);
      gint u = GPOINTER_TO_INT (g_hash_table_lookup (index_of, &e->unit_id)) - 1;
      gint node = td_criteria_table_find (table, e->criterion_id);
      TdEntry **cell;

      if (u < 0 || node < 0)
        continue;
      /* Hand the loaded entry over without copying: the cell is private to
       * the sheet and the array gives up ownership. */
      cell = (TdEntry **)td_scores_get_entries (scores, (guint)u, e->source) + node;
      td_entry_free (*cell);
      *cell = e;
      g_ptr_array_index (entries, i) = NULL;
    }
  td_scores_recompute_all (scores);
  return g_steal_pointer (&scores);
}
