/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The official sheets built from the database (see td-sheet-builders.h).
 *
 * One context per bloc-year loads the registry, the criteria table, the
 * scores and the ranking once; the workbook of a bloc-year builds every
 * sheet from the same context.  Official wording is fixed Vietnamese (it
 * is the paper, not the interface); only error messages are translated. */
#include "config.h"

#include "td-sheet-builders.h"

#include "td-calendar.h"
#include "td-criteria.h"
#include "td-entries.h"
#include "td-ranking-store.h"
#include "td-ranking.h"
#include "td-registry.h"
#include "td-scoring.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* --- context ------------------------------------------------------------- */

typedef struct
{
  TdDb *db;
  gint64 bloc_year_id;
  TdBloc *bloc;
  TdBlocYear *by;
  GPtrArray *members; /* TdMember, names as of the year */
  gchar *head_name;   /* the head unit's name that year, or NULL */
  TdCriteriaTable *table;
  TdScores *scores;
  TdRanking *ranking;
} Ctx;

static void
ctx_free (Ctx *ctx)
{
  g_clear_pointer (&ctx->bloc, td_bloc_free);
  g_clear_pointer (&ctx->by, td_bloc_year_free);
  g_clear_pointer (&ctx->members, g_ptr_array_unref);
  g_clear_pointer (&ctx->head_name, g_free);
  g_clear_pointer (&ctx->scores, td_scores_free);
  g_clear_pointer (&ctx->table, td_criteria_table_unref);
  g_clear_pointer (&ctx->ranking, td_ranking_free);
  g_free (ctx);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ctx, ctx_free)

static Ctx *
ctx_new (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (Ctx) ctx = g_new0 (Ctx, 1);

  ctx->db = db;
  ctx->bloc_year_id = bloc_year_id;
  ctx->by = td_registry_get_bloc_year (db, bloc_year_id, error);
  if (ctx->by == NULL)
    return NULL;
  ctx->bloc = td_registry_get_bloc (db, ctx->by->bloc_id, error);
  if (ctx->bloc == NULL)
    return NULL;
  ctx->members = td_registry_list_members (db, bloc_year_id, error);
  if (ctx->members == NULL)
    return NULL;
  if (ctx->by->head_unit_id > 0)
    ctx->head_name = td_registry_unit_name_in_year (db, ctx->by->head_unit_id, ctx->by->year);
  return g_steal_pointer (&ctx);
}

static gboolean
ctx_load_scores (Ctx *ctx, GError **error)
{
  if (ctx->scores != NULL)
    return TRUE;
  ctx->table = td_criteria_load (ctx->db, ctx->bloc_year_id, error);
  if (ctx->table == NULL)
    return FALSE;
  if (td_criteria_table_get_n_nodes (ctx->table) == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                   _ ("%s has no criteria table for %d yet. Enter or paste the table in the "
                      "Criteria section first."),
                   ctx->bloc->name, ctx->by->year);
      return FALSE;
    }
  ctx->scores = td_scores_load (ctx->db, ctx->table, error);
  return ctx->scores != NULL;
}

static gboolean
ctx_load_ranking (Ctx *ctx, GError **error)
{
  if (ctx->ranking != NULL)
    return TRUE;
  if (!ctx_load_scores (ctx, error))
    return FALSE;
  ctx->ranking = td_ranking_load (ctx->db, ctx->bloc_year_id, NULL, error);
  return ctx->ranking != NULL;
}

static TdMember *
ctx_find_member (Ctx *ctx, gint64 unit_id)
{
  for (guint i = 0; i < ctx->members->len; i++)
    {
      TdMember *m = g_ptr_array_index (ctx->members, i);
      if (m->unit_id == unit_id)
        return m;
    }
  return NULL;
}

static TdMember *
ctx_require_member (Ctx *ctx, gint64 unit_id, GError **error)
{
  TdMember *m = ctx_find_member (ctx, unit_id);

  if (m == NULL)
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                 _ ("Unit %" G_GINT64_FORMAT " is not a member of %s in %d."), unit_id,
                 ctx->bloc->name, ctx->by->year);
  return m;
}

/* --- the paper around the table ----------------------------------------- */

static const char *
bloc_word (Ctx *ctx)
{
  return ctx->bloc->kind == TD_BLOC_CUM ? "Cụm" : "Khối";
}

/* The date the sheet is issued: today, or SOURCE_DATE_EPOCH (reproducible
 * files, tests). */
static void
issue_date (GDate *date)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  g_date_clear (date, 1);
  if (epoch != NULL && *epoch != '\0')
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
      if (dt != NULL)
        {
          g_date_set_dmy (date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                          g_date_time_get_year (dt));
          return;
        }
    }
  g_date_set_time_t (date, time (NULL));
}

/* Issuer (the head unit over the bloc, which issues the paper), place and
 * date, signature of the bloc-year's signer and "Nơi nhận". */
static void
official_header (Ctx *ctx, TdSheet *sheet)
{
  g_autofree gchar *bloc_caps = g_utf8_strup (ctx->bloc->name, -1);
  g_autofree gchar *head_caps = ctx->head_name ? g_utf8_strup (ctx->head_name, -1) : NULL;
  g_autofree gchar *authority = NULL;
  g_autofree gchar *members_line = NULL;
  const char *issuer[3] = { NULL, NULL, NULL };
  const char *authority_lines[2] = { NULL, NULL };
  const char *position;
  GDate date;

  if (head_caps != NULL)
    {
      issuer[0] = head_caps;
      issuer[1] = bloc_caps;
    }
  else
    issuer[0] = bloc_caps;
  td_sheet_set_issuer (sheet, issuer, "Số: ……/……");
  issue_date (&date);
  td_sheet_set_date (sheet, ctx->bloc->place, &date);

  authority = ctx->by->signer_authority && *ctx->by->signer_authority
                  ? g_strdup (ctx->by->signer_authority)
                  : g_strconcat ("TM. ", bloc_caps, NULL);
  authority_lines[0] = authority;
  position = ctx->by->signer_position && *ctx->by->signer_position
                 ? ctx->by->signer_position
                 : (ctx->bloc->kind == TD_BLOC_CUM ? "TRƯỞNG CỤM" : "KHỐI TRƯỞNG");
  td_sheet_set_signature (sheet, authority_lines, position,
                          ctx->by->signer_name && *ctx->by->signer_name ? ctx->by->signer_name
                                                                        : NULL);
  td_sheet_add_recipient (sheet, "- Ban Thi đua - Khen thưởng tỉnh;");
  members_line = g_strdup_printf ("- Các đơn vị thành viên %s;", bloc_word (ctx));
  td_sheet_add_recipient (sheet, members_line);
  td_sheet_add_recipient (sheet, "- Lưu: VT.");
}

static void
common_meta (Ctx *ctx, TdSheet *sheet, const char *kind)
{
  g_autofree gchar *by = g_strdup_printf ("%" G_GINT64_FORMAT, ctx->bloc_year_id);
  g_autofree gchar *year = g_strdup_printf ("%d", ctx->by->year);

  td_sheet_set_meta (sheet, "sheet", kind);
  td_sheet_set_meta (sheet, "bloc_year_id", by);
  td_sheet_set_meta (sheet, "bloc", ctx->bloc->name);
  td_sheet_set_meta (sheet, "year", year);
}

/* "Khối Thi đua số 6" → "Khối 6" in file names. */
static gchar *
bloc_short (Ctx *ctx)
{
  const char *name = ctx->bloc->name;
  const char *last = strrchr (name, ' ');

  if (last != NULL && g_ascii_isdigit (last[1]))
    return g_strdup_printf ("%s %s", bloc_word (ctx), last + 1);
  return g_strdup (name);
}

static const char *
member_label (const TdMember *m)
{
  return m->short_name && *m->short_name ? m->short_name : m->name;
}

static const char *
grade_text (TdGrade grade)
{
  switch (grade)
    {
    case TD_GRADE_EXCELLENT:
      return "Hoàn thành xuất sắc nhiệm vụ";
    case TD_GRADE_GOOD:
      return "Hoàn thành tốt nhiệm vụ";
    case TD_GRADE_DONE:
      return "Hoàn thành nhiệm vụ";
    case TD_GRADE_NOT_DONE:
      return "Không hoàn thành nhiệm vụ";
    case TD_GRADE_NONE:
    default:
      return "Không xếp loại";
    }
}

/* "I.2.a" style label of a node for notes and extra rows. */
static gchar *
node_path (const TdCriteriaTable *table, gint index)
{
  GPtrArray *codes = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (gint i = index; i >= 0; i = td_criteria_table_get_node (table, i)->parent)
    {
      const TdCriterion *c = td_criteria_table_get_node (table, i);
      if (c->code && *c->code)
        g_ptr_array_insert (codes, 0, c->code);
    }
  for (guint i = 0; i < codes->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '.');
      g_string_append (out, codes->pdata[i]);
    }
  g_ptr_array_unref (codes);
  return g_string_free (out, FALSE);
}

static gchar *
disqualified_reason (Ctx *ctx, gint unit_index)
{
  const TdUnitTotals *t = td_scores_get_totals (ctx->scores, unit_index);
  gint i = t->disqualified_by[TD_SOURCE_FINAL];
  const TdCriterion *c;
  g_autofree gchar *path = NULL;

  if (!t->disqualified[TD_SOURCE_FINAL] || i < 0)
    return NULL;
  c = td_criteria_table_get_node (ctx->table, i);
  path = node_path (ctx->table, i);
  return g_strdup_printf ("Lý do: tiêu chí %s — %s", path, c->title);
}

/* --- rule kinds, as the sheets need them --------------------------------- */

static gboolean
options_have_sign (const TdCriterion *c, gint sign)
{
  for (guint i = 0; i < c->options->len; i++)
    {
      TdRuleOption *o = g_ptr_array_index (c->options, i);
      if ((sign > 0 && o->points > 0) || (sign < 0 && o->points < 0))
        return TRUE;
    }
  return FALSE;
}

static TdPoints
options_max (const TdCriterion *c, gint sign)
{
  TdPoints best = 0;

  for (guint i = 0; i < c->options->len; i++)
    {
      TdRuleOption *o = g_ptr_array_index (c->options, i);
      TdPoints p = sign > 0 ? o->points : -o->points;
      best = MAX (best, p);
    }
  return best;
}

static gboolean
kind_gives_bonus (const TdCriterion *c)
{
  switch (c->kind)
    {
    case TD_RULE_BONUS_EACH:
    case TD_RULE_BONUS_POINTS:
    case TD_RULE_LINEAR_BONUS:
      return TRUE;
    case TD_RULE_OPTIONS:
    case TD_RULE_BRACKETS:
      return options_have_sign (c, +1);
    default:
      return FALSE;
    }
}

static gboolean
kind_gives_deduction (const TdCriterion *c)
{
  switch (c->kind)
    {
    case TD_RULE_DEDUCTION_EACH:
    case TD_RULE_DEDUCTION_POINTS:
    case TD_RULE_LINEAR_DEDUCTION:
      return TRUE;
    case TD_RULE_OPTIONS:
    case TD_RULE_BRACKETS:
      return options_have_sign (c, -1);
    default:
      return FALSE;
    }
}

/* --- values of the criteria sheets ---------------------------------------- */

typedef enum
{
  FIELD_STANDARD,
  FIELD_BONUS,
  FIELD_DEDUCTION,
  FIELD_TOTAL,
} Field;

/* One numeric column of a criteria sheet: which unit, source and field. */
typedef struct
{
  guint col;
  guint unit_index;
  TdSource source;
  Field field;
} ValueColumn;

static TdPoints
totals_field (const TdNodeTotals *t, Field field)
{
  switch (field)
    {
    case FIELD_STANDARD:
      return t->standard;
    case FIELD_BONUS:
      return t->bonus;
    case FIELD_DEDUCTION:
      return t->deduction;
    case FIELD_TOTAL:
    default:
      return t->total;
    }
}

static TdPoints
node_value (Ctx *ctx, const ValueColumn *v, gint index)
{
  TdNodeTotals t = td_scores_node_totals (ctx->scores, v->unit_index, index, v->source);
  return totals_field (&t, v->field);
}

/* The node's own rule (a heading that also deducts, say), before caps. */
static TdPoints
own_value (Ctx *ctx, const ValueColumn *v, gint index)
{
  const TdCriterion *c = td_criteria_table_get_node (ctx->table, index);
  const TdEntry *e = td_scores_get_entry (ctx->scores, v->unit_index, index, v->source);
  TdContribution r;
  TdNodeTotals t;

  if (c->kind == TD_RULE_GROUP || e == NULL)
    return 0;
  r = td_rule_evaluate (c, e);
  t.standard = r.standard;
  t.bonus = r.bonus;
  t.deduction = r.deduction;
  t.total = r.standard + r.bonus - r.deduction;
  return totals_field (&t, v->field);
}

static gboolean
field_applies (const TdCriterion *c, Field field)
{
  switch (field)
    {
    case FIELD_STANDARD:
      return td_rule_kind_gives_standard (c->kind);
    case FIELD_BONUS:
      return kind_gives_bonus (c);
    case FIELD_DEDUCTION:
      return kind_gives_deduction (c);
    case FIELD_TOTAL:
    default:
      return c->kind != TD_RULE_DISQUALIFIER;
    }
}

typedef struct
{
  Ctx *ctx;
  TdSheet *sheet;
  guint col_code, col_title, col_standard, col_note;
  GArray *values;     /* ValueColumn */
  gint evidence_unit; /* unit index whose evidence fills col_note, −1: none */
} CriteriaSheet;

static void
set_leaf_values (CriteriaSheet *b, guint row, gint index)
{
  const TdCriterion *c = td_criteria_table_get_node (b->ctx->table, index);

  for (guint k = 0; k < b->values->len; k++)
    {
      ValueColumn *v = &g_array_index (b->values, ValueColumn, k);
      TdPoints value = node_value (b->ctx, v, index);
      gboolean scored
          = td_scores_get_entry (b->ctx->scores, v->unit_index, index, v->source) != NULL;

      if (value != 0 || (scored && field_applies (c, v->field)))
        td_sheet_set_points (b->sheet, row, v->col, value);
    }
}

static void
set_evidence (CriteriaSheet *b, guint row, gint index)
{
  const TdEntry *self, *assessed;
  GString *note;
  const TdCriterion *c = td_criteria_table_get_node (b->ctx->table, index);

  if (b->evidence_unit < 0)
    return;
  self = td_scores_get_entry (b->ctx->scores, b->evidence_unit, index, TD_SOURCE_SELF);
  assessed = td_scores_get_entry (b->ctx->scores, b->evidence_unit, index, TD_SOURCE_ASSESSED);
  note = g_string_new (NULL);
  if (assessed && assessed->evidence && *assessed->evidence)
    g_string_append (note, assessed->evidence);
  else if (self && self->evidence && *self->evidence)
    g_string_append (note, self->evidence);
  if (((assessed && assessed->exempt) || (!assessed && self && self->exempt)) && c->exemption
      && *c->exemption)
    g_string_append_printf (note, "%sĐược miễn trừ: %s", note->len ? "; " : "", c->exemption);
  if (c->kind == TD_RULE_DISQUALIFIER)
    {
      const TdEntry *e = assessed ? assessed : self;
      if (e && e->disqualified)
        g_string_append_printf (note, "%sVi phạm: không xếp loại", note->len ? "; " : "");
    }
  if (note->len > 0)
    td_sheet_set_text (b->sheet, row, b->col_note, note->str);
  g_string_free (note, TRUE);
}

static guint
add_text_row (CriteriaSheet *b, TdRowLevel level, const char *code, const char *title)
{
  guint row = td_sheet_add_row (b->sheet, level);

  if (code && *code)
    td_sheet_set_text (b->sheet, row, b->col_code, code);
  td_sheet_set_text (b->sheet, row, b->col_title, title);
  return row;
}

/* The node's row, then its subtree; a heading's values are sums of its
 * children's rows plus, when the core says so, a row for its own rule and
 * a row for what its caps leave out. */
static guint
emit_node (CriteriaSheet *b, gint index)
{
  Ctx *ctx = b->ctx;
  const TdCriterion *c = td_criteria_table_get_node (ctx->table, index);
  gboolean heading = c->n_children > 0;
  guint row = add_text_row (b, heading ? TD_ROW_SECTION : TD_ROW_NORMAL, c->code, c->title);
  g_autoptr (GArray) terms = NULL;
  g_autofree gchar *path = NULL;
  TdPoints stated_children = 0;
  gboolean any_adjust = FALSE;

  if (c->standard != 0 || td_rule_kind_gives_standard (c->kind))
    td_sheet_set_points (b->sheet, row, b->col_standard, c->standard);
  if (!heading)
    {
      set_leaf_values (b, row, index);
      set_evidence (b, row, index);
      return row;
    }

  terms = g_array_new (FALSE, FALSE, sizeof (guint));
  for (gint j = index + 1; j < c->subtree_end; j++)
    if (td_criteria_table_get_node (ctx->table, j)->parent == index)
      {
        guint child_row = emit_node (b, j);
        g_array_append_val (terms, child_row);
        stated_children += td_criteria_table_get_node (ctx->table, j)->standard;
      }

  path = node_path (ctx->table, index);
  if (c->kind != TD_RULE_GROUP)
    {
      g_autofree gchar *text
          = g_strdup_printf ("Điểm cộng, điểm trừ theo quy định của chính mục %s", path);
      guint own = add_text_row (b, TD_ROW_NORMAL, NULL, text);

      for (guint k = 0; k < b->values->len; k++)
        {
          ValueColumn *v = &g_array_index (b->values, ValueColumn, k);
          TdPoints value = own_value (ctx, v, index);
          gboolean scored
              = td_scores_get_entry (ctx->scores, v->unit_index, index, v->source) != NULL;

          if (value != 0 || (scored && field_applies (c, v->field)))
            td_sheet_set_points (b->sheet, own, v->col, value);
        }
      set_evidence (b, own, index);
      g_array_append_val (terms, own);
    }

  for (guint k = 0; k < b->values->len && !any_adjust; k++)
    {
      ValueColumn *v = &g_array_index (b->values, ValueColumn, k);
      TdPoints sum = own_value (ctx, v, index);

      for (gint j = index + 1; j < c->subtree_end; j++)
        if (td_criteria_table_get_node (ctx->table, j)->parent == index)
          sum += node_value (ctx, v, j);
      any_adjust = node_value (ctx, v, index) != sum;
    }
  if (any_adjust)
    {
      g_autofree gchar *text = g_strdup_printf (
          "Phần điểm thưởng, điểm trừ vượt mức tối đa của mục %s (không tính)", path);
      guint adj = add_text_row (b, TD_ROW_NORMAL, NULL, text);

      for (guint k = 0; k < b->values->len; k++)
        {
          ValueColumn *v = &g_array_index (b->values, ValueColumn, k);
          TdPoints sum = own_value (ctx, v, index);

          for (gint j = index + 1; j < c->subtree_end; j++)
            if (td_criteria_table_get_node (ctx->table, j)->parent == index)
              sum += node_value (ctx, v, j);
          if (node_value (ctx, v, index) != sum)
            td_sheet_set_points (b->sheet, adj, v->col, node_value (ctx, v, index) - sum);
        }
      g_array_append_val (terms, adj);
    }

  for (guint k = 0; k < b->values->len; k++)
    {
      ValueColumn *v = &g_array_index (b->values, ValueColumn, k);

      td_sheet_set_sum (b->sheet, row, v->col, node_value (ctx, v, index));
      for (guint t = 0; t < terms->len; t++)
        {
          guint r = g_array_index (terms, guint, t);
          td_sheet_sum_add (b->sheet, row, v->col, +1, r, v->col, r, v->col);
        }
    }
  if (stated_children == c->standard)
    {
      td_sheet_set_sum (b->sheet, row, b->col_standard, c->standard);
      for (guint t = 0; t < terms->len; t++)
        {
          guint r = g_array_index (terms, guint, t);
          td_sheet_sum_add (b->sheet, row, b->col_standard, +1, r, b->col_standard, r,
                            b->col_standard);
        }
    }
  return row;
}

/* Every section, the table-wide caps, and the total row.  Returns the
 * total row. */
static guint
emit_table (CriteriaSheet *b, const char *total_label)
{
  Ctx *ctx = b->ctx;
  g_autoptr (GArray) sections = td_criteria_table_get_sections (ctx->table);
  g_autoptr (GArray) terms = g_array_new (FALSE, FALSE, sizeof (guint));
  TdPoints stated = 0;
  gboolean any_adjust = FALSE;
  guint total;

  for (guint s = 0; s < sections->len; s++)
    {
      gint index = g_array_index (sections, gint, s);
      guint row = emit_node (b, index);
      g_array_append_val (terms, row);
      stated += td_criteria_table_get_node (ctx->table, index)->standard;
    }
  for (guint k = 0; k < b->values->len; k++)
    {
      ValueColumn *v = &g_array_index (b->values, ValueColumn, k);
      TdPoints sum = 0;
      for (guint s = 0; s < sections->len; s++)
        sum += node_value (ctx, v, g_array_index (sections, gint, s));
      if (sum != node_value (ctx, v, -1))
        any_adjust = TRUE;
    }
  if (any_adjust)
    {
      guint adj = add_text_row (b, TD_ROW_NORMAL, NULL,
                                "Phần điểm thưởng, điểm trừ vượt mức tối đa của toàn bảng "
                                "(không tính)");
      for (guint k = 0; k < b->values->len; k++)
        {
          ValueColumn *v = &g_array_index (b->values, ValueColumn, k);
          TdPoints sum = 0;
          for (guint s = 0; s < sections->len; s++)
            sum += node_value (ctx, v, g_array_index (sections, gint, s));
          if (sum != node_value (ctx, v, -1))
            td_sheet_set_points (b->sheet, adj, v->col, node_value (ctx, v, -1) - sum);
        }
      g_array_append_val (terms, adj);
    }

  total = td_sheet_add_row (b->sheet, TD_ROW_TOTAL);
  td_sheet_set_text (b->sheet, total, b->col_code, total_label);
  td_sheet_span (b->sheet, total, b->col_code, b->col_title);
  td_sheet_set_sum (b->sheet, total, b->col_standard, stated);
  for (guint s = 0; s < sections->len; s++)
    {
      guint r = g_array_index (terms, guint, s);
      td_sheet_sum_add (b->sheet, total, b->col_standard, +1, r, b->col_standard, r,
                        b->col_standard);
    }
  for (guint k = 0; k < b->values->len; k++)
    {
      ValueColumn *v = &g_array_index (b->values, ValueColumn, k);

      td_sheet_set_sum (b->sheet, total, v->col, node_value (ctx, v, -1));
      for (guint t = 0; t < terms->len; t++)
        {
          guint r = g_array_index (terms, guint, t);
          td_sheet_sum_add (b->sheet, total, v->col, +1, r, v->col, r, v->col);
        }
    }
  return total;
}

static void
add_value_column (CriteriaSheet *b, guint col, guint unit_index, TdSource source, Field field)
{
  ValueColumn v = { col, unit_index, source, field };
  g_array_append_val (b->values, v);
}

/* --- 1. Bảng chấm điểm of one unit --------------------------------------- */

static const TdRankRow *
ranking_row (Ctx *ctx, gint64 unit_id)
{
  return ctx->ranking ? td_ranking_find_unit (ctx->ranking, unit_id) : NULL;
}

static TdSheet *
build_scores (Ctx *ctx, gint64 unit_id, GError **error)
{
  TdMember *m;
  gint u;
  g_autofree gchar *title = NULL, *stem = NULL, *unit_line = NULL, *bs = NULL, *uid = NULL;
  TdSheet *sheet;
  CriteriaSheet b = { 0 };
  guint col_bonus, col_deduction, col_self, col_assessed, total, final;
  const TdRankRow *rr;
  TdNodeTotals fin;

  if (!ctx_load_ranking (ctx, error) || (m = ctx_require_member (ctx, unit_id, error)) == NULL)
    return NULL;
  u = td_scores_find_unit (ctx->scores, unit_id);
  if (u < 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("There are no scores of %s in %d."),
                   m->name, ctx->by->year);
      return NULL;
    }
  title = g_strdup_printf ("BẢNG CHẤM ĐIỂM THI ĐUA NĂM %d", ctx->by->year);
  bs = bloc_short (ctx);
  stem = g_strdup_printf ("Bảng chấm điểm %s %s %d", member_label (m), bs, ctx->by->year);
  unit_line = g_strdup_printf ("Đơn vị: %s", m->name);
  sheet = td_sheet_new (strlen (m->name) <= 31 ? m->name : member_label (m), title,
                        TD_SHEET_LANDSCAPE);
  td_sheet_set_file_stem (sheet, stem);
  official_header (ctx, sheet);
  td_sheet_add_subtitle (sheet, unit_line);
  common_meta (ctx, sheet, "scores");
  uid = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id);
  td_sheet_set_meta (sheet, "unit_id", uid);
  td_sheet_set_meta (sheet, "unit", m->name);

  b.ctx = ctx;
  b.sheet = sheet;
  b.values = g_array_new (FALSE, FALSE, sizeof (ValueColumn));
  b.evidence_unit = u;
  b.col_code = td_sheet_add_column (sheet, "STT", TD_COLUMN_TEXT, 6, TD_ALIGN_CENTER);
  b.col_title = td_sheet_add_column (sheet, "Nội dung tiêu chí", TD_COLUMN_TEXT, 50, TD_ALIGN_LEFT);
  b.col_standard = td_sheet_add_column (sheet, "Điểm chuẩn", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  col_bonus = td_sheet_add_column (sheet, "Điểm thưởng", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  col_deduction = td_sheet_add_column (sheet, "Điểm trừ", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  col_self = td_sheet_add_column (sheet, "Tự chấm", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  col_assessed = td_sheet_add_column (sheet, "Thẩm định", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  b.col_note
      = td_sheet_add_column (sheet, "Ghi chú / minh chứng", TD_COLUMN_TEXT, 26, TD_ALIGN_LEFT);
  sheet->freeze_columns = 2;
  add_value_column (&b, col_bonus, u, TD_SOURCE_FINAL, FIELD_BONUS);
  add_value_column (&b, col_deduction, u, TD_SOURCE_FINAL, FIELD_DEDUCTION);
  add_value_column (&b, col_self, u, TD_SOURCE_SELF, FIELD_TOTAL);
  add_value_column (&b, col_assessed, u, TD_SOURCE_FINAL, FIELD_STANDARD);

  total = emit_table (&b, "Cộng");
  fin = td_scores_node_totals (ctx->scores, u, -1, TD_SOURCE_FINAL);
  final = td_sheet_add_row (sheet, TD_ROW_TOTAL);
  td_sheet_set_text (sheet, final, b.col_code, "Tổng điểm (Thẩm định + Điểm thưởng − Điểm trừ)");
  td_sheet_span (sheet, final, b.col_code, col_self);
  td_sheet_set_sum (sheet, final, col_assessed, fin.total);
  td_sheet_sum_add (sheet, final, col_assessed, +1, total, col_assessed, total, col_assessed);
  td_sheet_sum_add (sheet, final, col_assessed, +1, total, col_bonus, total, col_bonus);
  td_sheet_sum_add (sheet, final, col_assessed, -1, total, col_deduction, total, col_deduction);
  g_array_unref (b.values);

  td_sheet_add_note_after (sheet, "Ghi chú: Tự chấm là điểm đơn vị tự chấm (gồm cả điểm thưởng, "
                                  "điểm trừ); Thẩm định là điểm tiêu chí sau thẩm định của Khối "
                                  "(tiêu chí chưa thẩm định lấy điểm tự chấm); Điểm thưởng, điểm "
                                  "trừ là kết quả sau thẩm định.");
  rr = ranking_row (ctx, unit_id);
  if (rr != NULL && rr->rank > 0)
    {
      g_autofree gchar *points = td_points_format (fin.total);
      g_autofree gchar *line
          = g_strdup_printf ("Kết quả: tổng điểm %s; xếp thứ %d/%u; xếp loại: %s.", points,
                             rr->rank, ctx->ranking->rows->len, grade_text (rr->grade));
      td_sheet_add_note_after (sheet, line);
    }
  else
    {
      g_autofree gchar *reason = disqualified_reason (ctx, u);
      if (reason != NULL)
        {
          g_autofree gchar *line = g_strdup_printf ("Kết quả: không xếp loại. %s.", reason);
          td_sheet_add_note_after (sheet, line);
        }
    }
  return sheet;
}

/* --- 2. Bảng tổng hợp kết quả chấm điểm và xếp hạng ---------------------- */

/* The rank a RANK() formula over the ranked rows gives: 1 + how many
 * ranked units have a higher total. */
static gint
plain_rank (Ctx *ctx, const TdRankRow *row)
{
  gint rank = 1;

  for (guint i = 0; i < ctx->ranking->rows->len; i++)
    {
      const TdRankRow *other = g_ptr_array_index (ctx->ranking->rows, i);
      if (other->rank > 0 && other->input->final_total > row->input->final_total)
        rank++;
    }
  return rank;
}

static const char *
row_name (Ctx *ctx, const TdRankRow *row)
{
  TdMember *m = ctx_find_member (ctx, row->input->unit_id);
  return m ? m->name : row->input->name;
}

static TdSheet *
build_ranking (Ctx *ctx, GError **error)
{
  g_autofree gchar *title = NULL, *stem = NULL, *bs = NULL;
  TdSheet *sheet;
  guint stt, name, self, assessed, bonus, deduction, total, rank, grade, proposal;
  guint n_ranked = 0, first_ranked = 0;
  GString *decided = g_string_new (NULL);

  if (!ctx_load_ranking (ctx, error))
    return NULL;
  title = g_strdup_printf ("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM %d",
                           ctx->by->year);
  bs = bloc_short (ctx);
  stem = g_strdup_printf ("Bảng xếp hạng %s %d", bs, ctx->by->year);
  sheet = td_sheet_new ("Tổng hợp xếp hạng", title, TD_SHEET_LANDSCAPE);
  td_sheet_set_file_stem (sheet, stem);
  official_header (ctx, sheet);
  {
    g_autofree gchar *sub = g_strdup_printf ("(%s, năm %d)", ctx->bloc->name, ctx->by->year);
    td_sheet_add_subtitle (sheet, sub);
  }
  common_meta (ctx, sheet, "ranking");

  stt = td_sheet_add_column (sheet, "STT", TD_COLUMN_INTEGER, 6, TD_ALIGN_CENTER);
  name = td_sheet_add_column (sheet, "Đơn vị", TD_COLUMN_TEXT, 32, TD_ALIGN_LEFT);
  self = td_sheet_add_column (sheet, "Tự chấm", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  assessed = td_sheet_add_column (sheet, "Thẩm định", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  bonus = td_sheet_add_column (sheet, "Thưởng", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  deduction = td_sheet_add_column (sheet, "Trừ", TD_COLUMN_POINTS, 7, TD_ALIGN_RIGHT);
  total = td_sheet_add_column (sheet, "Tổng điểm", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  rank = td_sheet_add_column (sheet, "Xếp thứ", TD_COLUMN_RANK, 7, TD_ALIGN_CENTER);
  grade = td_sheet_add_column (sheet, "Xếp loại", TD_COLUMN_TEXT, 18, TD_ALIGN_CENTER);
  proposal = td_sheet_add_column (sheet, "Đề nghị khen thưởng", TD_COLUMN_TEXT, 28, TD_ALIGN_LEFT);
  td_sheet_group_columns (sheet, self, total, "Kết quả chấm điểm");
  sheet->freeze_columns = 2;

  for (guint i = 0; i < ctx->ranking->rows->len; i++)
    if (((const TdRankRow *)g_ptr_array_index (ctx->ranking->rows, i))->rank > 0)
      n_ranked++;

  for (guint i = 0; i < ctx->ranking->rows->len; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);
      gint u = td_scores_find_unit (ctx->scores, rr->input->unit_id);
      TdNodeTotals fin = { 0 }, own = { 0 };
      g_autofree gchar *key = g_strdup_printf ("unit:%" G_GINT64_FORMAT, rr->input->unit_id);
      guint row = td_sheet_add_row (sheet, TD_ROW_NORMAL);

      if (u >= 0)
        {
          fin = td_scores_node_totals (ctx->scores, u, -1, TD_SOURCE_FINAL);
          own = td_scores_node_totals (ctx->scores, u, -1, TD_SOURCE_SELF);
        }
      td_sheet_set_row_key (sheet, row, key);
      td_sheet_set_integer (sheet, row, stt, i + 1);
      td_sheet_set_text (sheet, row, name, row_name (ctx, rr));
      td_sheet_set_points (sheet, row, self, own.total);
      td_sheet_set_points (sheet, row, assessed, fin.standard);
      td_sheet_set_points (sheet, row, bonus, fin.bonus);
      td_sheet_set_points (sheet, row, deduction, fin.deduction);
      td_sheet_set_sum (sheet, row, total, fin.total);
      td_sheet_sum_add (sheet, row, total, +1, row, assessed, row, assessed);
      td_sheet_sum_add (sheet, row, total, +1, row, bonus, row, bonus);
      td_sheet_sum_add (sheet, row, total, -1, row, deduction, row, deduction);
      if (rr->rank > 0)
        {
          /* Ranked rows come first in the table, so RANK() over them is
           * right unless a tie-break or the clerk decided the place. */
          if (plain_rank (ctx, rr) == rr->rank)
            td_sheet_set_rank (sheet, row, rank, rr->rank, row, total, first_ranked, total,
                               first_ranked + n_ranked - 1, total);
          else
            {
              td_sheet_set_integer (sheet, row, rank, rr->rank);
              g_string_append_printf (decided, "%s%s", decided->len ? ", " : "",
                                      row_name (ctx, rr));
            }
          td_sheet_set_text (sheet, row, grade, grade_text (rr->grade));
          if (rr->proposals && *rr->proposals)
            td_sheet_set_text (sheet, row, proposal, rr->proposals);
        }
      else
        {
          g_autofree gchar *reason = u >= 0 ? disqualified_reason (ctx, u) : NULL;
          td_sheet_set_text (sheet, row, grade, "Không xếp loại");
          td_sheet_set_text (sheet, row, proposal, reason ? reason : "Không xếp loại");
        }
    }

  td_sheet_add_note_after (sheet, "Ghi chú: Tự chấm là tổng điểm đơn vị tự chấm; Thẩm định là "
                                  "điểm các tiêu chí sau thẩm định (chưa gồm điểm thưởng, điểm "
                                  "trừ); Tổng điểm = Thẩm định + Thưởng − Trừ. Các đơn vị bằng "
                                  "điểm được xếp đồng hạng, trừ khi tiêu chí phụ quyết định.");
  if (decided->len > 0)
    {
      g_autofree gchar *line = g_strdup_printf (
          "Thứ hạng của %s được xác định theo tiêu chí phụ hoặc quyết định của %s.", decided->str,
          bloc_word (ctx));
      td_sheet_add_note_after (sheet, line);
    }
  g_string_free (decided, TRUE);
  return sheet;
}

/* --- 3. Criteria × units ------------------------------------------------- */

static TdSheet *
build_matrix (Ctx *ctx, GError **error)
{
  g_autofree gchar *title = NULL, *stem = NULL, *bs = NULL;
  TdSheet *sheet;
  CriteriaSheet b = { 0 };
  guint first_unit = 0, n_units, total, rank_row, n_ranked = 0;

  if (!ctx_load_ranking (ctx, error))
    return NULL;
  title = g_strdup_printf ("BẢNG TỔNG HỢP ĐIỂM THEO TIÊU CHÍ CỦA CÁC ĐƠN VỊ NĂM %d", ctx->by->year);
  bs = bloc_short (ctx);
  stem = g_strdup_printf ("Bảng tiêu chí theo đơn vị %s %d", bs, ctx->by->year);
  sheet = td_sheet_new ("Tiêu chí × đơn vị", title, TD_SHEET_LANDSCAPE);
  td_sheet_set_file_stem (sheet, stem);
  official_header (ctx, sheet);
  td_sheet_add_subtitle (sheet, "(Tài liệu phục vụ cuộc họp bình xét thi đua; điểm sau thẩm "
                                "định, các đơn vị theo thứ tự xếp hạng)");
  common_meta (ctx, sheet, "matrix");

  b.ctx = ctx;
  b.sheet = sheet;
  b.values = g_array_new (FALSE, FALSE, sizeof (ValueColumn));
  b.evidence_unit = -1;
  b.col_code = td_sheet_add_column (sheet, "STT", TD_COLUMN_TEXT, 6, TD_ALIGN_CENTER);
  b.col_title = td_sheet_add_column (sheet, "Nội dung tiêu chí", TD_COLUMN_TEXT, 34, TD_ALIGN_LEFT);
  b.col_standard = td_sheet_add_column (sheet, "Điểm chuẩn", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  n_units = ctx->ranking->rows->len;
  for (guint i = 0; i < n_units; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);
      TdMember *m = ctx_find_member (ctx, rr->input->unit_id);
      gint u = td_scores_find_unit (ctx->scores, rr->input->unit_id);
      const char *label = m ? member_label (m) : rr->input->name;
      /* Short names have no spaces to wrap at: make room for the word. */
      guint col
          = td_sheet_add_column (sheet, label, TD_COLUMN_POINTS,
                                 MAX (7.5, g_utf8_strlen (label, -1) * 1.3 + 1.5), TD_ALIGN_RIGHT);
      if (i == 0)
        first_unit = col;
      if (rr->rank > 0)
        n_ranked++;
      if (u >= 0)
        add_value_column (&b, col, u, TD_SOURCE_FINAL, FIELD_TOTAL);
    }
  if (n_units > 0)
    td_sheet_group_columns (sheet, first_unit, first_unit + n_units - 1, "Điểm của các đơn vị");
  sheet->freeze_columns = 3;

  total = emit_table (&b, "Tổng điểm");
  g_array_unref (b.values);
  rank_row = td_sheet_add_row (sheet, TD_ROW_TOTAL);
  td_sheet_set_text (sheet, rank_row, b.col_code, "Xếp thứ");
  td_sheet_span (sheet, rank_row, b.col_code, b.col_standard);
  for (guint i = 0; i < n_units; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);
      guint col = first_unit + i;

      if (rr->rank <= 0)
        td_sheet_set_text (sheet, rank_row, col, "KXL");
      else if (plain_rank (ctx, rr) == rr->rank)
        td_sheet_set_rank (sheet, rank_row, col, rr->rank, total, col, total, first_unit, total,
                           first_unit + n_ranked - 1);
      else
        td_sheet_set_integer (sheet, rank_row, col, rr->rank);
    }
  td_sheet_add_note_after (sheet, "Ghi chú: điểm của mỗi tiêu chí là điểm thẩm định (tiêu chí chưa "
                                  "thẩm định lấy điểm tự chấm), đã gồm điểm thưởng, điểm trừ; "
                                  "KXL: không xếp loại.");
  for (guint i = 0; i < n_units; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);
      TdMember *m = ctx_find_member (ctx, rr->input->unit_id);
      gint u = td_scores_find_unit (ctx->scores, rr->input->unit_id);
      g_autofree gchar *reason = rr->rank <= 0 && u >= 0 ? disqualified_reason (ctx, u) : NULL;
      g_autofree gchar *line = NULL;

      if (m == NULL)
        continue;
      line = reason ? g_strdup_printf ("%s: %s — không xếp loại. %s.", member_label (m), m->name,
                                       reason)
                    : g_strdup_printf ("%s: %s.", member_label (m), m->name);
      td_sheet_add_note_after (sheet, line);
    }
  return sheet;
}

/* --- 4. Phiếu tự chấm điểm ---------------------------------------------- */

typedef struct
{
  Ctx *ctx;
  TdSheet *sheet;
  guint col_code, col_title, col_standard, col_bonus, col_deduction, col_self, col_assessed,
      col_note;
} FormSheet;

static void
form_input (FormSheet *f, guint row, guint col, const char *what, TdPoints max)
{
  g_autofree gchar *hi = td_points_format (max);
  g_autofree gchar *message = g_strdup_printf (
      "%s, từ 0 đến %s (dùng dấu phẩy cho phần thập phân, ví dụ 0,5).", what, hi);

  td_sheet_set_input_points (f->sheet, row, col, 0, max, FALSE, message);
}

static TdPoints
cap_or (TdPoints cap, TdPoints fallback)
{
  return cap != TD_NO_CAP && cap > 0 ? cap : fallback;
}

/* The input cells of criterion @c on @row: standard points in Tự chấm, or
 * bonus / deduction with Tự chấm computed from them. */
static void
form_inputs (FormSheet *f, guint row, const TdCriterion *c)
{
  g_autofree gchar *key = g_strdup_printf ("criterion:%" G_GINT64_FORMAT, c->id);
  gboolean bonus = kind_gives_bonus (c), deduction = kind_gives_deduction (c);

  td_sheet_set_row_key (f->sheet, row, key);
  if (c->kind == TD_RULE_DISQUALIFIER)
    {
      const char *items[] = { "Không vi phạm", "Có vi phạm", NULL };
      td_sheet_set_input_list (f->sheet, row, f->col_note, items,
                               "Chọn “Không vi phạm” hoặc “Có vi phạm”.");
      return;
    }
  if (td_rule_kind_gives_standard (c->kind))
    {
      TdPoints max = c->standard;
      if (c->kind == TD_RULE_GRADED)
        max = MAX (max, options_max (c, +1));
      form_input (f, row, f->col_self, "Nhập điểm tự chấm", max);
    }
  if (bonus)
    {
      TdPoints max = c->kind == TD_RULE_BONUS_POINTS ? c->rate
                     : c->kind == TD_RULE_OPTIONS || c->kind == TD_RULE_BRACKETS
                         ? options_max (c, +1)
                         : cap_or (c->bonus_cap, TD_POINTS (100));
      form_input (f, row, f->col_bonus, "Nhập tổng số điểm được cộng", max);
    }
  if (deduction)
    {
      TdPoints max = c->kind == TD_RULE_DEDUCTION_POINTS ? c->rate
                     : c->kind == TD_RULE_OPTIONS || c->kind == TD_RULE_BRACKETS
                         ? options_max (c, -1)
                         : cap_or (c->deduction_cap, TD_POINTS (100));
      form_input (f, row, f->col_deduction, "Nhập tổng số điểm bị trừ (số dương)", max);
    }
  if (!td_rule_kind_gives_standard (c->kind) && (bonus || deduction))
    {
      td_sheet_set_sum (f->sheet, row, f->col_self, 0);
      if (bonus)
        td_sheet_sum_add (f->sheet, row, f->col_self, +1, row, f->col_bonus, row, f->col_bonus);
      if (deduction)
        td_sheet_sum_add (f->sheet, row, f->col_self, -1, row, f->col_deduction, row,
                          f->col_deduction);
    }
  td_sheet_set_input (f->sheet, row, f->col_note);
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
  td_sheet_set_text (f->sheet, row, f->col_title, c->title);
  if (c->standard != 0)
    td_sheet_set_points (f->sheet, row, f->col_standard, c->standard);
  if (!heading)
    {
      form_inputs (f, row, c);
      return row;
    }
  terms = g_array_new (FALSE, FALSE, sizeof (guint));
  for (gint j = index + 1; j < c->subtree_end; j++)
    if (td_criteria_table_get_node (table, j)->parent == index)
      {
        guint r = form_node (f, j);
        g_array_append_val (terms, r);
        stated_children += td_criteria_table_get_node (table, j)->standard;
      }
  if (c->kind != TD_RULE_GROUP)
    {
      g_autofree gchar *path = node_path (table, index);
      g_autofree gchar *text
          = g_strdup_printf ("Điểm cộng, điểm trừ theo quy định của chính mục %s", path);
      guint own = td_sheet_add_row (f->sheet, TD_ROW_NORMAL);

      td_sheet_set_text (f->sheet, own, f->col_title, text);
      form_inputs (f, own, c);
      g_array_append_val (terms, own);
    }
  td_sheet_set_sum (f->sheet, row, f->col_self, 0);
  for (guint t = 0; t < terms->len; t++)
    {
      guint r = g_array_index (terms, guint, t);
      td_sheet_sum_add (f->sheet, row, f->col_self, +1, r, f->col_self, r, f->col_self);
    }
  if (stated_children == c->standard)
    {
      td_sheet_set_sum (f->sheet, row, f->col_standard, c->standard);
      for (guint t = 0; t < terms->len; t++)
        {
          guint r = g_array_index (terms, guint, t);
          td_sheet_sum_add (f->sheet, row, f->col_standard, +1, r, f->col_standard, r,
                            f->col_standard);
        }
    }
  return row;
}

static TdSheet *
build_form (Ctx *ctx, gint64 unit_id, GError **error)
{
  TdMember *m;
  g_autoptr (TdUnit) unit = NULL;
  g_autoptr (GArray) sections = NULL;
  g_autoptr (GArray) section_rows = NULL;
  g_autofree gchar *title = NULL, *stem = NULL, *unit_line = NULL, *bs = NULL, *date_text = NULL;
  g_autofree gchar *unit_caps = NULL, *parent_caps = NULL;
  const char *issuer[3] = { NULL, NULL, NULL };
  const char *authority[] = { "THỦ TRƯỞNG ĐƠN VỊ", NULL };
  FormSheet f = { 0 };
  TdSheet *sheet;
  TdPoints stated = 0;
  guint total, last;

  if (!ctx_load_scores (ctx, error) || (m = ctx_require_member (ctx, unit_id, error)) == NULL)
    return NULL;
  unit = td_registry_get_unit (ctx->db, unit_id, error);
  if (unit == NULL)
    return NULL;
  title = g_strdup_printf ("PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM %d", ctx->by->year);
  bs = bloc_short (ctx);
  stem = g_strdup_printf ("Phiếu tự chấm %s %s %d", member_label (m), bs, ctx->by->year);
  unit_line = g_strdup_printf ("Đơn vị: %s — %s", m->name, ctx->bloc->name);
  sheet = td_sheet_new (strlen (m->name) <= 31 ? m->name : member_label (m), title,
                        TD_SHEET_LANDSCAPE);
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
      "Hướng dẫn: Đơn vị nhập điểm vào các ô nền vàng: cột “Tự chấm” cho các tiêu chí có "
      "điểm chuẩn (không vượt quá điểm chuẩn), cột “Điểm thưởng” cho các nội dung được cộng "
      "điểm, cột “Điểm trừ” cho các nội dung bị trừ điểm (ghi số dương); ghi minh chứng (số, "
      "ngày văn bản) ở cột cuối. Dùng dấu phẩy cho phần thập phân, ví dụ 7,5. Các ô tổng "
      "được tính tự động.");
  td_sheet_add_note_before (
      sheet, "Mức tối đa của điểm thưởng, điểm trừ từng mục được áp dụng khi Khối tổng hợp. "
             "Không thêm, xóa hoặc đổi thứ tự dòng, cột; gửi lại tệp này cho Khối trưởng đúng "
             "thời hạn. Cột “Thẩm định” do Khối ghi.");

  f.ctx = ctx;
  f.sheet = sheet;
  f.col_code = td_sheet_add_column (sheet, "STT", TD_COLUMN_TEXT, 6, TD_ALIGN_CENTER);
  f.col_title = td_sheet_add_column (sheet, "Nội dung tiêu chí", TD_COLUMN_TEXT, 50, TD_ALIGN_LEFT);
  f.col_standard = td_sheet_add_column (sheet, "Điểm chuẩn", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  f.col_bonus = td_sheet_add_column (sheet, "Điểm thưởng", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  f.col_deduction = td_sheet_add_column (sheet, "Điểm trừ", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  f.col_self = td_sheet_add_column (sheet, "Tự chấm", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  f.col_assessed = td_sheet_add_column (sheet, "Thẩm định", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  f.col_note
      = td_sheet_add_column (sheet, "Ghi chú / minh chứng", TD_COLUMN_TEXT, 28, TD_ALIGN_LEFT);
  sheet->freeze_columns = 2;

  common_meta (ctx, sheet, "form");
  td_sheet_set_meta (sheet, "form_layout", "1");
  {
    g_autofree gchar *uid = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id);
    g_autofree gchar *tid = g_strdup_printf ("%" G_GINT64_FORMAT, ctx->table->id);
    const struct
    {
      const char *key;
      guint col;
    } cols[] = { { "col_standard", f.col_standard },
                 { "col_bonus", f.col_bonus },
                 { "col_deduction", f.col_deduction },
                 { "col_self", f.col_self },
                 { "col_evidence", f.col_note } };

    td_sheet_set_meta (sheet, "unit_id", uid);
    td_sheet_set_meta (sheet, "unit", m->name);
    td_sheet_set_meta (sheet, "criteria_table_id", tid);
    for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
      {
        g_autofree gchar *v = g_strdup_printf ("%u", cols[i].col);
        td_sheet_set_meta (sheet, cols[i].key, v);
      }
  }

  sections = td_criteria_table_get_sections (ctx->table);
  section_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint s = 0; s < sections->len; s++)
    {
      gint index = g_array_index (sections, gint, s);
      guint r = form_node (&f, index);
      g_array_append_val (section_rows, r);
      stated += td_criteria_table_get_node (ctx->table, index)->standard;
    }
  last = td_sheet_get_n_rows (sheet) - 1;
  total = td_sheet_add_row (sheet, TD_ROW_TOTAL);
  td_sheet_set_text (sheet, total, f.col_code, "Tổng cộng");
  td_sheet_span (sheet, total, f.col_code, f.col_title);
  td_sheet_set_sum (sheet, total, f.col_standard, stated);
  td_sheet_set_sum (sheet, total, f.col_self, 0);
  for (guint s = 0; s < section_rows->len; s++)
    {
      guint r = g_array_index (section_rows, guint, s);
      td_sheet_sum_add (sheet, total, f.col_standard, +1, r, f.col_standard, r, f.col_standard);
      td_sheet_sum_add (sheet, total, f.col_self, +1, r, f.col_self, r, f.col_self);
    }
  /* Bonus and deduction cells exist only where a unit may enter them. */
  td_sheet_set_column_sum (sheet, total, f.col_bonus, 0, 0, last);
  td_sheet_set_column_sum (sheet, total, f.col_deduction, 0, 0, last);
  return sheet;
}

/* --- 5. Danh sách các ngày lễ lớn, sự kiện và thời hạn ------------------- */

static gchar *
deadline_note (Ctx *ctx, GPtrArray *deadlines, gint64 id)
{
  for (guint i = 0; deadlines && i < deadlines->len; i++)
    {
      TdDeadline *d = g_ptr_array_index (deadlines, i);
      TdMember *m;

      if (d->id != id)
        continue;
      switch (d->responsible)
        {
        case TD_RESPONSIBLE_HEAD:
          return g_strdup_printf ("%s trưởng thực hiện", bloc_word (ctx));
        case TD_RESPONSIBLE_DEPUTY:
          return g_strdup_printf ("%s phó thực hiện", bloc_word (ctx));
        case TD_RESPONSIBLE_MEMBERS:
          return g_strdup ("Các đơn vị thành viên thực hiện");
        case TD_RESPONSIBLE_UNIT:
          m = ctx_find_member (ctx, d->unit_id);
          return m ? g_strdup_printf ("%s thực hiện", m->name) : NULL;
        default:
          return NULL;
        }
    }
  return NULL;
}

static gchar *
occurrence_note (Ctx *ctx, const TdOccurrence *occ, GPtrArray *deadlines)
{
  GString *note = g_string_new (NULL);

  switch (occ->kind)
    {
    case TD_OCCURRENCE_EVENT:
    case TD_OCCURRENCE_FOUNDING:
      if (occ->lunar)
        g_string_append_printf (note, "Ngày %d/%d%s âm lịch", occ->lunar_date.day,
                                occ->lunar_date.month, occ->lunar_date.leap ? " (nhuận)" : "");
      if (occ->year_class == TD_YEAR_CLASS_ROUND || occ->year_class == TD_YEAR_CLASS_HALF)
        {
          const char *cls = td_calendar_year_class_name (occ->year_class);
          g_string_append_printf (note, "%sNăm %s", note->len ? "; " : "",
                                  g_str_has_prefix (cls, "năm ") ? cls + strlen ("năm ") : cls);
        }
      if (occ->kind == TD_OCCURRENCE_FOUNDING)
        g_string_append_printf (note, "%sNgày truyền thống của đơn vị", note->len ? "; " : "");
      break;
    case TD_OCCURRENCE_CAMPAIGN:
      {
        g_autofree gchar *end = td_calendar_format_dmy (&occ->end);
        g_string_append_printf (note, "Đến ngày %s", end);
      }
      break;
    case TD_OCCURRENCE_DEADLINE:
      {
        g_autofree gchar *who = deadline_note (ctx, deadlines, occ->id);
        if (who)
          g_string_append (note, who);
      }
      break;
    default:
      break;
    }
  return g_string_free (note, FALSE);
}

static TdSheet *
build_calendar (Ctx *ctx, GError **error)
{
  g_autofree gchar *title = NULL, *stem = NULL, *bs = NULL;
  g_autoptr (GPtrArray) occurrences = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  TdSheet *sheet;
  guint stt, when, what, note;
  GDate from, to;
  static const struct
  {
    const char *roman, *title;
  } groups[] = {
    { "I", "Các ngày lễ lớn" },
    { "II", "Các ngày kỷ niệm, sự kiện và đợt thi đua" },
    { "III", "Thời hạn thực hiện nhiệm vụ của Khối" },
  };

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, ctx->by->year);
  g_date_set_dmy (&to, 31, 12, ctx->by->year);
  occurrences = td_calendar_occurrences (ctx->db, ctx->bloc_year_id, &from, &to, NULL, error);
  if (occurrences == NULL)
    return NULL;
  deadlines = td_calendar_list_deadlines (ctx->db, ctx->bloc_year_id, error);
  if (deadlines == NULL)
    return NULL;

  /* Too long for one line of a portrait page: break it where a clerk
   * would, not before the year. */
  title = g_strdup_printf ("DANH SÁCH CÁC NGÀY LỄ LỚN, SỰ KIỆN\nVÀ THỜI HẠN NĂM %d", ctx->by->year);
  bs = bloc_short (ctx);
  stem = g_strdup_printf ("Lịch ngày lễ và thời hạn %s %d", bs, ctx->by->year);
  sheet = td_sheet_new ("Lịch năm", title, TD_SHEET_PORTRAIT);
  td_sheet_set_file_stem (sheet, stem);
  official_header (ctx, sheet);
  {
    g_autofree gchar *sub = g_strdup_printf ("(%s, năm %d)", ctx->bloc->name, ctx->by->year);
    td_sheet_add_subtitle (sheet, sub);
  }
  common_meta (ctx, sheet, "calendar");
  stt = td_sheet_add_column (sheet, "STT", TD_COLUMN_TEXT, 6, TD_ALIGN_CENTER);
  when = td_sheet_add_column (sheet, "Ngày", TD_COLUMN_TEXT, 12, TD_ALIGN_CENTER);
  what = td_sheet_add_column (sheet, "Nội dung", TD_COLUMN_TEXT, 44, TD_ALIGN_LEFT);
  note = td_sheet_add_column (sheet, "Ghi chú", TD_COLUMN_TEXT, 19, TD_ALIGN_LEFT);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      guint head = td_sheet_add_row (sheet, TD_ROW_SECTION);
      guint n = 0;

      td_sheet_set_text (sheet, head, stt, groups[g].roman);
      if (g == 2)
        {
          g_autofree gchar *t
              = g_strdup_printf ("Thời hạn thực hiện nhiệm vụ của %s", bloc_word (ctx));
          td_sheet_set_text (sheet, head, what, t);
        }
      else
        td_sheet_set_text (sheet, head, what, groups[g].title);
      for (guint i = 0; i < occurrences->len; i++)
        {
          const TdOccurrence *occ = g_ptr_array_index (occurrences, i);
          guint group = occ->kind == TD_OCCURRENCE_DEADLINE              ? 2
                        : occ->kind == TD_OCCURRENCE_EVENT && occ->great ? 0
                                                                         : 1;
          g_autofree gchar *date = NULL, *num = NULL, *text = NULL;
          guint row;

          if (group != g)
            continue;
          row = td_sheet_add_row (sheet, TD_ROW_NORMAL);
          date = td_calendar_format_dmy (&occ->date);
          num = g_strdup_printf ("%u", ++n);
          text = occurrence_note (ctx, occ, deadlines);
          td_sheet_set_text (sheet, row, stt, num);
          td_sheet_set_text (sheet, row, when, date);
          td_sheet_set_text (sheet, row, what, occ->label && *occ->label ? occ->label : occ->title);
          if (*text)
            td_sheet_set_text (sheet, row, note, text);
        }
    }
  return sheet;
}

/* --- whole bloc-year, dispatch ------------------------------------------- */

TdSheet *
td_sheet_build_scores (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  g_autoptr (Ctx) ctx = ctx_new (db, bloc_year_id, error);
  return ctx ? build_scores (ctx, unit_id, error) : NULL;
}

TdSheet *
td_sheet_build_ranking (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (Ctx) ctx = ctx_new (db, bloc_year_id, error);
  return ctx ? build_ranking (ctx, error) : NULL;
}

TdSheet *
td_sheet_build_matrix (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (Ctx) ctx = ctx_new (db, bloc_year_id, error);
  return ctx ? build_matrix (ctx, error) : NULL;
}

TdSheet *
td_sheet_build_form (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  g_autoptr (Ctx) ctx = ctx_new (db, bloc_year_id, error);
  return ctx ? build_form (ctx, unit_id, error) : NULL;
}

TdSheet *
td_sheet_build_calendar (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (Ctx) ctx = ctx_new (db, bloc_year_id, error);
  return ctx ? build_calendar (ctx, error) : NULL;
}

static GPtrArray *
sheets_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)td_sheet_free);
}

static gboolean
add_sheet (GPtrArray *sheets, TdSheet *sheet)
{
  if (sheet == NULL)
    return FALSE;
  g_ptr_array_add (sheets, sheet);
  return TRUE;
}

static GPtrArray *
build_workbook (Ctx *ctx, GError **error)
{
  g_autoptr (GPtrArray) sheets = sheets_new ();

  if (!add_sheet (sheets, build_ranking (ctx, error))
      || !add_sheet (sheets, build_matrix (ctx, error)))
    return NULL;
  for (guint i = 0; i < ctx->members->len; i++)
    {
      TdMember *m = g_ptr_array_index (ctx->members, i);
      if (!add_sheet (sheets, build_scores (ctx, m->unit_id, error)))
        return NULL;
    }
  {
    /* The file is named after the whole bloc-year, not its first sheet. */
    TdSheet *first = g_ptr_array_index (sheets, 0);
    g_autofree gchar *bs = bloc_short (ctx);
    g_autofree gchar *stem = g_strdup_printf ("Kết quả thi đua %s %d", bs, ctx->by->year);
    td_sheet_set_file_stem (first, stem);
  }
  return g_steal_pointer (&sheets);
}

GPtrArray *
td_sheets_build_bloc_year_workbook (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (Ctx) ctx = ctx_new (db, bloc_year_id, error);
  return ctx ? build_workbook (ctx, error) : NULL;
}

GPtrArray *
td_sheets_build (TdDb *db, const char *sheet, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  g_autoptr (Ctx) ctx = ctx_new (db, bloc_year_id, error);
  g_autoptr (GPtrArray) sheets = sheets_new ();
  gboolean ok;

  if (ctx == NULL)
    return NULL;
  if (g_strcmp0 (sheet, TD_SHEET_WORKBOOK) == 0)
    return build_workbook (ctx, error);
  if (g_strcmp0 (sheet, TD_SHEET_SCORES) == 0)
    {
      if (unit_id <= 0)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("The scoring sheet is for one unit: choose the unit."));
          return NULL;
        }
      ok = add_sheet (sheets, build_scores (ctx, unit_id, error));
    }
  else if (g_strcmp0 (sheet, TD_SHEET_RANKING) == 0)
    ok = add_sheet (sheets, build_ranking (ctx, error));
  else if (g_strcmp0 (sheet, TD_SHEET_MATRIX) == 0)
    ok = add_sheet (sheets, build_matrix (ctx, error));
  else if (g_strcmp0 (sheet, TD_SHEET_CALENDAR) == 0)
    ok = add_sheet (sheets, build_calendar (ctx, error));
  else if (g_strcmp0 (sheet, TD_SHEET_FORM) == 0)
    {
      ok = TRUE;
      if (unit_id > 0)
        ok = add_sheet (sheets, build_form (ctx, unit_id, error));
      else
        for (guint i = 0; ok && i < ctx->members->len; i++)
          ok = add_sheet (sheets,
                          build_form (ctx, ((TdMember *)ctx->members->pdata[i])->unit_id, error));
      if (ok && unit_id <= 0 && sheets->len > 0)
        {
          g_autofree gchar *bs = bloc_short (ctx);
          g_autofree gchar *stem = g_strdup_printf ("Phiếu tự chấm %s %d", bs, ctx->by->year);
          td_sheet_set_file_stem (g_ptr_array_index (sheets, 0), stem);
        }
      if (ok && sheets->len == 0)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("%s has no members in %d."),
                       ctx->bloc->name, ctx->by->year);
          ok = FALSE;
        }
    }
  else
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Unknown sheet “%s”. Choose scores, ranking, matrix, form, calendar or "
                      "workbook."),
                   sheet);
      return NULL;
    }
  return ok ? g_steal_pointer (&sheets) : NULL;
}

/* --- resolving names ------------------------------------------------------ */

static gboolean
parse_id (const char *text, gint64 *out)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *out = (gint64)v;
  return TRUE;
}

/* Every word of @query is a word of @name (diacritics and case folded):
 * "Khối 6" finds "Khối Thi đua số 6". */
static gboolean
words_match (const char *name, const char *query)
{
  g_autofree gchar *fn = td_text_fold (name);
  g_autofree gchar *fq = td_text_fold (query);
  g_auto (GStrv) nw = g_strsplit_set (fn, " ,.-/()", -1);
  g_auto (GStrv) qw = g_strsplit_set (fq, " ,.-/()", -1);
  guint n = 0;

  for (guint i = 0; qw[i]; i++)
    {
      gboolean found = FALSE;
      if (*qw[i] == '\0')
        continue;
      n++;
      for (guint j = 0; nw[j] && !found; j++)
        found = g_strcmp0 (nw[j], qw[i]) == 0;
      if (!found)
        return FALSE;
    }
  return n > 0;
}

static gboolean
same_text (const char *a, const char *b)
{
  g_autofree gchar *fa = a ? td_text_fold (a) : NULL;
  g_autofree gchar *fb = b ? td_text_fold (b) : NULL;
  return fa && fb && g_strcmp0 (fa, fb) == 0;
}

gint64
td_sheets_resolve_bloc (TdDb *db, const char *name_or_id, GError **error)
{
  g_autoptr (GPtrArray) blocs = td_registry_list_blocs (db, error);
  GString *list;
  gint64 id = 0, found = 0;
  guint n_found = 0;

  if (blocs == NULL)
    return 0;
  if (parse_id (name_or_id, &id))
    for (guint i = 0; i < blocs->len; i++)
      if (((TdBloc *)blocs->pdata[i])->id == id)
        return id;
  for (guint i = 0; i < blocs->len; i++)
    if (same_text (((TdBloc *)blocs->pdata[i])->name, name_or_id))
      return ((TdBloc *)blocs->pdata[i])->id;
  for (guint i = 0; i < blocs->len; i++)
    if (words_match (((TdBloc *)blocs->pdata[i])->name, name_or_id))
      {
        found = ((TdBloc *)blocs->pdata[i])->id;
        n_found++;
      }
  if (n_found == 1)
    return found;

  list = g_string_new (NULL);
  for (guint i = 0; i < blocs->len; i++)
    {
      TdBloc *b = blocs->pdata[i];
      g_string_append_printf (list, "\n  %" G_GINT64_FORMAT "  %s", b->id, b->name);
    }
  if (blocs->len == 0)
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                 _ ("There is no bloc “%s”: this database has no blocs yet."), name_or_id);
  else
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                 n_found > 1 ? _ ("“%s” matches several blocs; give the number or the full "
                                  "name. The blocs are:%s")
                             : _ ("There is no bloc “%s”. The blocs are:%s"),
                 name_or_id, list->str);
  g_string_free (list, TRUE);
  return 0;
}

gint64
td_sheets_resolve_bloc_year (TdDb *db, gint64 bloc_id, gint year, GError **error)
{
  g_autoptr (GError) local = NULL;
  gint64 id = td_registry_find_bloc_year (db, bloc_id, year, &local);
  g_autoptr (TdBloc) bloc = NULL;
  g_autoptr (GArray) years = NULL;
  GString *list;

  if (id > 0)
    return id;
  if (local != NULL && !g_error_matches (local, TD_ERROR, TD_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  bloc = td_registry_get_bloc (db, bloc_id, error);
  if (bloc == NULL)
    return 0;
  years = td_registry_list_years (db, bloc_id, error);
  if (years == NULL)
    return 0;
  list = g_string_new (NULL);
  for (guint i = 0; i < years->len; i++)
    g_string_append_printf (list, "%s%d", i ? ", " : "", g_array_index (years, gint, i));
  if (years->len == 0)
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("%s has no years yet."), bloc->name);
  else
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("%s has no year %d. Its years are: %s."),
                 bloc->name, year, list->str);
  g_string_free (list, TRUE);
  return 0;
}

gint64
td_sheets_resolve_unit (TdDb *db, gint64 bloc_year_id, const char *name_or_id, GError **error)
{
  g_autoptr (Ctx) ctx = ctx_new (db, bloc_year_id, error);
  GString *list;
  gint64 id = 0, found = 0;
  guint n_found = 0;

  if (ctx == NULL)
    return 0;
  if (parse_id (name_or_id, &id) && ctx_find_member (ctx, id))
    return id;
  for (guint i = 0; i < ctx->members->len; i++)
    {
      TdMember *m = ctx->members->pdata[i];
      if (same_text (m->name, name_or_id) || same_text (m->short_name, name_or_id))
        return m->unit_id;
    }
  for (guint i = 0; i < ctx->members->len; i++)
    {
      TdMember *m = ctx->members->pdata[i];
      if (words_match (m->name, name_or_id))
        {
          found = m->unit_id;
          n_found++;
        }
    }
  if (n_found == 1)
    return found;
  list = g_string_new (NULL);
  for (guint i = 0; i < ctx->members->len; i++)
    {
      TdMember *m = ctx->members->pdata[i];
      g_string_append_printf (list, "\n  %" G_GINT64_FORMAT "  %s", m->unit_id, m->name);
      if (m->short_name && *m->short_name)
        g_string_append_printf (list, " (%s)", m->short_name);
    }
  g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
               n_found > 1 ? _ ("“%s” matches several members of %s in %d; give the number or "
                                "the full name. The members are:%s")
                           : _ ("There is no unit “%s” among the members of %s in %d. The members "
                                "are:%s"),
               name_or_id, ctx->bloc->name, ctx->by->year, list->str);
  g_string_free (list, TRUE);
  return 0;
}
