/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The official sheets built from the database (see td-sheet-builders.h).
 *
 * One context per bloc-year loads the registry, the criteria table, the
 * scores and the ranking once; the workbook of a bloc-year builds every
 * sheet from the same context.  Official wording is fixed Vietnamese (it
 * is the paper, not the interface); only error messages are translated. */
#include "config.h"

#include "td-sheet-builders.h"
#include "td-sheet-builders-private.h"

#include "td-criteria.h"
#include "td-entries.h"
#include "td-official.h"
#include "td-ranking-store.h"
#include "td-ranking.h"
#include "td-registry.h"
#include "td-scoring.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* --- context ------------------------------------------------------------- */

void
td_builder_ctx_free (TdBuilderCtx *ctx)
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

TdBuilderCtx *
td_builder_ctx_new (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (TdBuilderCtx) ctx = g_new0 (TdBuilderCtx, 1);

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

gboolean
td_builder_load_scores (TdBuilderCtx *ctx, GError **error)
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

gboolean
td_builder_load_ranking (TdBuilderCtx *ctx, GError **error)
{
  if (ctx->ranking != NULL)
    return TRUE;
  if (!td_builder_load_scores (ctx, error))
    return FALSE;
  ctx->ranking = td_ranking_load_with_scores (ctx->db, ctx->bloc_year_id, ctx->table, ctx->scores,
                                              NULL, error);
  return ctx->ranking != NULL;
}

TdMember *
td_builder_find_member (TdBuilderCtx *ctx, gint64 unit_id)
{
  for (guint i = 0; i < ctx->members->len; i++)
    {
      TdMember *m = g_ptr_array_index (ctx->members, i);
      if (m->unit_id == unit_id)
        return m;
    }
  return NULL;
}

TdMember *
td_builder_require_member (TdBuilderCtx *ctx, gint64 unit_id, GError **error)
{
  TdMember *m = td_builder_find_member (ctx, unit_id);

  if (m == NULL)
    {
      g_autofree gchar *id = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id);
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("Unit %s is not a member of %s in %d."),
                   id, ctx->bloc->name, ctx->by->year);
    }
  return m;
}

/* --- the paper around the table ----------------------------------------- */

const char *
td_builder_bloc_word (TdBuilderCtx *ctx)
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
void
td_builder_official_header (TdBuilderCtx *ctx, TdSheet *sheet)
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
  members_line = g_strdup_printf ("- Các đơn vị thành viên %s;", td_builder_bloc_word (ctx));
  td_sheet_add_recipient (sheet, members_line);
  td_sheet_add_recipient (sheet, "- Lưu: VT.");
}

void
td_builder_meta (TdBuilderCtx *ctx, TdSheet *sheet, const char *kind)
{
  g_autofree gchar *by = g_strdup_printf ("%" G_GINT64_FORMAT, ctx->bloc_year_id);
  g_autofree gchar *year = g_strdup_printf ("%d", ctx->by->year);

  td_sheet_set_meta (sheet, "sheet", kind);
  td_sheet_set_meta (sheet, "bloc_year_id", by);
  td_sheet_set_meta (sheet, "bloc", ctx->bloc->name);
  td_sheet_set_meta (sheet, "year", year);
}

TdSheet *
td_builder_sheet_new (TdBuilderCtx *ctx, const char *name, const char *title,
                      TdSheetOrientation orientation, const char *stem, const char *subtitle,
                      const char *kind)
{
  g_autofree gchar *bs = td_builder_bloc_short (ctx);
  g_autofree gchar *file_stem = g_strdup_printf ("%s %s %d", stem, bs, ctx->by->year);
  g_autofree gchar *bloc_and_year
      = g_strdup_printf ("(%s, năm %d)", ctx->bloc->name, ctx->by->year);
  TdSheet *sheet = td_sheet_new (name, title, orientation);

  td_sheet_set_file_stem (sheet, file_stem);
  td_builder_official_header (ctx, sheet);
  td_sheet_add_subtitle (sheet, subtitle ? subtitle : bloc_and_year);
  td_builder_meta (ctx, sheet, kind);
  return sheet;
}

/* "Khối Thi đua số 6" → "Khối 6" in file names. */
gchar *
td_builder_bloc_short (TdBuilderCtx *ctx)
{
  const char *name = ctx->bloc->name;
  const char *last = strrchr (name, ' ');

  if (last != NULL && g_ascii_isdigit (last[1]))
    return g_strdup_printf ("%s %s", td_builder_bloc_word (ctx), last + 1);
  return g_strdup (name);
}

const char *
td_builder_member_label (const TdMember *m)
{
  return m->short_name && *m->short_name ? m->short_name : m->name;
}

/* "I.2.a" style label of a node for notes and extra rows. */
gchar *
td_builder_node_path (const TdCriteriaTable *table, gint index)
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

TdPoints
td_builder_options_max (const TdCriterion *c, gint sign)
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

gboolean
td_builder_gives_bonus (const TdCriterion *c)
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

gboolean
td_builder_gives_deduction (const TdCriterion *c)
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
node_value (TdBuilderCtx *ctx, const ValueColumn *v, gint index)
{
  TdNodeTotals t = td_scores_node_totals (ctx->scores, v->unit_index, index, v->source);
  return totals_field (&t, v->field);
}

/* The node's own rule (a heading that also deducts, say), before caps. */
static TdPoints
own_value (TdBuilderCtx *ctx, const ValueColumn *v, gint index)
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

/* The meeting's agreed points on a node for a column, NULL when none. */
static const TdEntry *
agreed_entry (TdBuilderCtx *ctx, const ValueColumn *v, gint index)
{
  const TdEntry *e;

  if (v->source == TD_SOURCE_SELF)
    return NULL;
  e = td_scores_get_entry (ctx->scores, v->unit_index, index, TD_SOURCE_ASSESSED);
  return e != NULL && e->has_agreed ? e : NULL;
}

static gboolean
field_applies (const TdCriterion *c, Field field)
{
  switch (field)
    {
    case FIELD_STANDARD:
      return td_rule_kind_gives_standard (c->kind);
    case FIELD_BONUS:
      return td_builder_gives_bonus (c);
    case FIELD_DEDUCTION:
      return td_builder_gives_deduction (c);
    case FIELD_TOTAL:
    default:
      return c->kind != TD_RULE_DISQUALIFIER;
    }
}

typedef struct
{
  TdBuilderCtx *ctx;
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
      if (agreed_entry (b->ctx, v, index) != NULL)
        td_sheet_mark_agreed (b->sheet, row, v->col);
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
  if (assessed && assessed->has_agreed)
    {
      g_autofree gchar *points = td_points_format (assessed->agreed);
      g_string_append_printf (note, "%sHội nghị thống nhất %s điểm: %s", note->len ? "; " : "",
                              points, assessed->agreed_reason);
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
  TdBuilderCtx *ctx = b->ctx;
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

  path = td_builder_node_path (ctx->table, index);
  if (c->kind != TD_RULE_GROUP)
    {
      g_autofree gchar *text
          = td_rule_kind_gives_standard (c->kind)
                ? g_strdup_printf ("Điểm của chính mục %s (điểm chuẩn đạt được, điểm cộng)", path)
                : g_strdup_printf ("Điểm cộng, điểm trừ theo quy định của chính mục %s", path);
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
      gboolean agreed = FALSE;
      g_autofree gchar *text = NULL;
      guint adj;

      for (guint k = 0; k < b->values->len && !agreed; k++)
        agreed = agreed_entry (ctx, &g_array_index (b->values, ValueColumn, k), index) != NULL;
      text = agreed ? g_strdup_printf ("Điều chỉnh theo điểm Hội nghị thống nhất cho mục %s", path)
                    : g_strdup_printf (
                        "Phần điểm thưởng, điểm trừ vượt mức tối đa của mục %s (không tính)", path);
      adj = add_text_row (b, TD_ROW_NORMAL, NULL, text);
      if (agreed)
        set_evidence (b, adj, index);

      for (guint k = 0; k < b->values->len; k++)
        {
          ValueColumn *v = &g_array_index (b->values, ValueColumn, k);
          TdPoints sum = own_value (ctx, v, index);

          for (gint j = index + 1; j < c->subtree_end; j++)
            if (td_criteria_table_get_node (ctx->table, j)->parent == index)
              sum += node_value (ctx, v, j);
          if (node_value (ctx, v, index) != sum)
            td_sheet_set_points (b->sheet, adj, v->col, node_value (ctx, v, index) - sum);
          if (agreed_entry (ctx, v, index) != NULL)
            td_sheet_mark_agreed (b->sheet, adj, v->col);
        }
      g_array_append_val (terms, adj);
    }

  for (guint k = 0; k < b->values->len; k++)
    {
      ValueColumn *v = &g_array_index (b->values, ValueColumn, k);

      td_sheet_set_rows_sum (b->sheet, row, v->col, node_value (ctx, v, index), terms);
    }
  if (stated_children == c->standard)
    td_sheet_set_rows_sum (b->sheet, row, b->col_standard, c->standard, terms);
  return row;
}

/* Every section, the table-wide caps, and the total row.  Returns the
 * total row. */
static guint
emit_table (CriteriaSheet *b, const char *total_label)
{
  TdBuilderCtx *ctx = b->ctx;
  g_autoptr (GArray) sections = td_criteria_table_get_sections (ctx->table);
  g_autoptr (GArray) terms = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) section_rows = NULL;
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
  /* The standard points add up the sections only, not the adjustment. */
  section_rows = g_array_copy (terms);
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
  td_sheet_set_rows_sum (b->sheet, total, b->col_standard, stated, section_rows);
  for (guint k = 0; k < b->values->len; k++)
    {
      ValueColumn *v = &g_array_index (b->values, ValueColumn, k);

      td_sheet_set_rows_sum (b->sheet, total, v->col, node_value (ctx, v, -1), terms);
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
ranking_row (TdBuilderCtx *ctx, gint64 unit_id)
{
  return ctx->ranking ? td_ranking_find_unit (ctx->ranking, unit_id) : NULL;
}

static TdSheet *
build_scores (TdBuilderCtx *ctx, gint64 unit_id, GError **error)
{
  TdMember *m;
  gint u;
  g_autofree gchar *title = NULL, *stem = NULL, *unit_line = NULL, *uid = NULL;
  TdSheet *sheet;
  CriteriaSheet b = { 0 };
  guint col_bonus, col_deduction, col_self, col_assessed, col_total, total;
  const TdRankRow *rr;
  const TdUnitTotals *t;

  if (!td_builder_load_ranking (ctx, error)
      || (m = td_builder_require_member (ctx, unit_id, error)) == NULL)
    return NULL;
  u = td_scores_find_unit (ctx->scores, unit_id);
  if (u < 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("There are no scores of %s in %d."),
                   m->name, ctx->by->year);
      return NULL;
    }
  t = td_scores_get_totals (ctx->scores, u);
  title = g_strdup_printf ("BẢNG CHẤM ĐIỂM THI ĐUA NĂM %d", ctx->by->year);
  stem = g_strdup_printf ("Bảng chấm điểm %s", td_builder_member_label (m));
  unit_line = g_strdup_printf ("Đơn vị: %s", m->name);
  sheet = td_builder_sheet_new (
      ctx, g_utf8_strlen (m->name, -1) <= 31 ? m->name : td_builder_member_label (m), title,
      TD_SHEET_LANDSCAPE, stem, unit_line, "scores");
  uid = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id);
  td_sheet_set_meta (sheet, "unit_id", uid);
  td_sheet_set_meta (sheet, "unit", m->name);

  b.ctx = ctx;
  b.sheet = sheet;
  b.values = g_array_new (FALSE, FALSE, sizeof (ValueColumn));
  b.evidence_unit = u;
  /* The columns of every result in the same order and meaning as the
   * ranking table (td-official.h); per row, Tổng điểm = Thẩm định +
   * Thưởng − Trừ. */
  b.col_code = td_sheet_add_column (sheet, "STT", TD_COLUMN_TEXT, 6, TD_ALIGN_CENTER);
  b.col_title = td_sheet_add_column (sheet, "Nội dung tiêu chí", TD_COLUMN_TEXT, 44, TD_ALIGN_LEFT);
  b.col_standard = td_sheet_add_column (sheet, "Điểm chuẩn", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  col_self = td_sheet_add_column (sheet, TD_OFFICIAL_SELF, TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  col_assessed
      = td_sheet_add_column (sheet, TD_OFFICIAL_ASSESSED, TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  col_bonus = td_sheet_add_column (sheet, TD_OFFICIAL_BONUS, TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  col_deduction
      = td_sheet_add_column (sheet, TD_OFFICIAL_DEDUCTION, TD_COLUMN_POINTS, 7, TD_ALIGN_RIGHT);
  col_total = td_sheet_add_column (sheet, TD_OFFICIAL_TOTAL, TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  b.col_note
      = td_sheet_add_column (sheet, "Ghi chú / minh chứng", TD_COLUMN_TEXT, 24, TD_ALIGN_LEFT);
  td_sheet_group_columns (sheet, col_self, col_total, "Kết quả chấm điểm");
  sheet->freeze_columns = 2;
  if (t->n_entries[TD_SOURCE_SELF] > 0)
    add_value_column (&b, col_self, u, TD_SOURCE_SELF, FIELD_TOTAL);
  add_value_column (&b, col_assessed, u, TD_SOURCE_FINAL, FIELD_STANDARD);
  add_value_column (&b, col_bonus, u, TD_SOURCE_FINAL, FIELD_BONUS);
  add_value_column (&b, col_deduction, u, TD_SOURCE_FINAL, FIELD_DEDUCTION);
  add_value_column (&b, col_total, u, TD_SOURCE_FINAL, FIELD_TOTAL);

  total = emit_table (&b, "Tổng cộng");
  g_array_unref (b.values);
  if (t->n_entries[TD_SOURCE_SELF] == 0)
    td_sheet_set_text (sheet, total, col_self, TD_OFFICIAL_NOT_SENT);

  td_sheet_add_note_after (sheet, TD_OFFICIAL_COLUMNS_NOTE);
  rr = ranking_row (ctx, unit_id);
  if (rr != NULL && rr->rank > 0)
    {
      g_autofree gchar *points = td_points_format (rr->input->final_total);
      g_autofree gchar *proposals = td_rank_row_describe_proposals (ctx->ranking, rr, TRUE);
      g_autofree gchar *line
          = g_strdup_printf ("Kết quả: tổng điểm %s; xếp thứ %d/%u; xếp loại: %s%s%s.", points,
                             rr->rank, ctx->ranking->rows->len, td_official_grade (rr->grade),
                             *proposals ? "; đề nghị: " : "", proposals);
      td_sheet_add_note_after (sheet, line);
    }
  else
    {
      g_autofree gchar *reason = rr ? td_builder_unranked_reason (ctx, rr) : NULL;
      g_autofree gchar *line = g_strdup_printf ("Kết quả: không xếp loại%s%s.", reason ? ". " : "",
                                                reason ? reason : "");
      td_sheet_add_note_after (sheet, line);
    }
  return sheet;
}

/* --- 3. Criteria × units ------------------------------------------------- */

static TdSheet *
build_matrix (TdBuilderCtx *ctx, GError **error)
{
  g_autofree gchar *title = NULL;
  TdSheet *sheet;
  CriteriaSheet b = { 0 };
  guint first_unit = 0, n_units, total, rank_row, n_ranked = 0;

  if (!td_builder_load_ranking (ctx, error))
    return NULL;
  title = g_strdup_printf ("BẢNG TỔNG HỢP ĐIỂM THEO TIÊU CHÍ CỦA CÁC ĐƠN VỊ NĂM %d", ctx->by->year);
  sheet = td_builder_sheet_new (ctx, "Tiêu chí × đơn vị", title, TD_SHEET_LANDSCAPE,
                                "Bảng tiêu chí theo đơn vị",
                                "(Tài liệu phục vụ cuộc họp bình xét thi đua; điểm sau thẩm "
                                "định, các đơn vị theo thứ tự xếp hạng)",
                                "matrix");

  b.ctx = ctx;
  b.sheet = sheet;
  b.values = g_array_new (FALSE, FALSE, sizeof (ValueColumn));
  b.evidence_unit = -1;
  /* The criterion text gets room to be read (about 9 cm); the units'
   * columns follow in bands of as many as fit the page, the first three
   * columns repeated on each (td-pages.c). */
  b.col_code = td_sheet_add_column (sheet, "STT", TD_COLUMN_TEXT, 6.5, TD_ALIGN_CENTER);
  b.col_title = td_sheet_add_column (sheet, "Nội dung tiêu chí", TD_COLUMN_TEXT, 46, TD_ALIGN_LEFT);
  b.col_standard = td_sheet_add_column (sheet, "Điểm chuẩn", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  n_units = ctx->ranking->rows->len;
  for (guint i = 0; i < n_units; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);
      TdMember *m = td_builder_find_member (ctx, rr->input->unit_id);
      gint u = td_scores_find_unit (ctx->scores, rr->input->unit_id);
      const char *label = m ? td_builder_member_label (m) : rr->input->name;
      /* Short names have no spaces to wrap at: make room for the word. */
      guint col
          = td_sheet_add_column (sheet, label, TD_COLUMN_POINTS,
                                 MAX (7, g_utf8_strlen (label, -1) * 1.5 + 3), TD_ALIGN_RIGHT);
      if (i == 0)
        first_unit = col;
      if (rr->rank > 0)
        n_ranked++;
      /* A unit nobody scored stays empty, never 0. */
      if (u >= 0 && rr->input->scored)
        add_value_column (&b, col, u, TD_SOURCE_FINAL, FIELD_TOTAL);
    }
  if (n_units > 0)
    td_sheet_group_columns (sheet, first_unit, first_unit + n_units - 1, "Điểm của các đơn vị");
  sheet->freeze_columns = 3;
  sheet->split_columns = TRUE;

  total = emit_table (&b, TD_OFFICIAL_TOTAL);
  g_array_unref (b.values);
  rank_row = td_sheet_add_row (sheet, TD_ROW_TOTAL);
  td_sheet_set_text (sheet, rank_row, b.col_code, TD_OFFICIAL_RANK);
  td_sheet_span (sheet, rank_row, b.col_code, b.col_standard);
  for (guint i = 0; i < n_units; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);
      guint col = first_unit + i;

      if (rr->rank <= 0)
        td_sheet_set_text (sheet, rank_row, col, "KXL");
      else
        td_builder_set_rank_cell (ctx, sheet, rr, rank_row, col, total, col, total, first_unit,
                                  total, first_unit + n_ranked - 1);
    }
  /* The same figures as the ranking table, so the meeting sees how the
   * total above is made: Thẩm định + Thưởng − Trừ = Tổng điểm. */
  {
    const char *labels[]
        = { TD_OFFICIAL_SELF, TD_OFFICIAL_ASSESSED, TD_OFFICIAL_BONUS, TD_OFFICIAL_DEDUCTION };

    for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
      {
        guint row = td_sheet_add_row (sheet, TD_ROW_SUBTOTAL);

        td_sheet_set_text (sheet, row, b.col_code, labels[k]);
        td_sheet_span (sheet, row, b.col_code, b.col_standard);
        for (guint i = 0; i < n_units; i++)
          {
            const TdRankInput *in
                = ((const TdRankRow *)g_ptr_array_index (ctx->ranking->rows, i))->input;
            guint col = first_unit + i;

            if (k == 0 && !in->has_self)
              td_sheet_set_text (sheet, row, col, TD_OFFICIAL_NOT_SENT);
            else if (k == 0)
              td_sheet_set_points (sheet, row, col, in->self_total);
            else if (!in->scored)
              continue;
            else if (k == 1)
              td_sheet_set_points (sheet, row, col, in->final_total - in->bonus + in->deduction);
            else if (k == 2)
              td_sheet_set_points (sheet, row, col, in->bonus);
            else
              td_sheet_set_points (sheet, row, col, in->deduction);
          }
      }
  }
  td_sheet_add_note_after (sheet, "Điểm của mỗi tiêu chí là điểm sau thẩm định (tiêu chí chưa "
                                  "thẩm định lấy điểm tự chấm), đã gồm điểm thưởng, điểm trừ; "
                                  "KXL: không xếp loại.");
  td_sheet_add_note_after (sheet, TD_OFFICIAL_COLUMNS_NOTE);
  {
    /* One paragraph for the short names, so the legend stays short. */
    GString *legend = g_string_new ("Tên viết tắt: ");

    for (guint i = 0; i < n_units; i++)
      {
        const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);
        TdMember *m = td_builder_find_member (ctx, rr->input->unit_id);

        if (m != NULL)
          g_string_append_printf (legend, "%s%s — %s", i ? "; " : "", td_builder_member_label (m),
                                  m->name);
      }
    g_string_append_c (legend, '.');
    td_sheet_add_note_after (sheet, legend->str);
    g_string_free (legend, TRUE);
  }
  for (guint i = 0; i < n_units; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);
      TdMember *m = td_builder_find_member (ctx, rr->input->unit_id);
      g_autofree gchar *reason = rr->rank <= 0 ? td_builder_unranked_reason (ctx, rr) : NULL;

      if (m != NULL && reason != NULL)
        {
          g_autofree gchar *line
              = g_strdup_printf ("%s không xếp loại. %s.", td_builder_member_label (m), reason);
          td_sheet_add_note_after (sheet, line);
        }
    }
  return sheet;
}

/* --- whole bloc-year, dispatch ------------------------------------------- */

TdSheet *
td_sheet_build_scores (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  g_autoptr (TdBuilderCtx) ctx = td_builder_ctx_new (db, bloc_year_id, error);
  return ctx ? build_scores (ctx, unit_id, error) : NULL;
}

TdSheet *
td_sheet_build_ranking (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (TdBuilderCtx) ctx = td_builder_ctx_new (db, bloc_year_id, error);
  return ctx ? td_builder_ranking (ctx, error) : NULL;
}

TdSheet *
td_sheet_build_matrix (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (TdBuilderCtx) ctx = td_builder_ctx_new (db, bloc_year_id, error);
  return ctx ? build_matrix (ctx, error) : NULL;
}

TdSheet *
td_sheet_build_form (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  g_autoptr (TdBuilderCtx) ctx = td_builder_ctx_new (db, bloc_year_id, error);
  return ctx ? td_builder_form (ctx, unit_id, error) : NULL;
}

TdSheet *
td_sheet_build_calendar (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (TdBuilderCtx) ctx = td_builder_ctx_new (db, bloc_year_id, error);
  return ctx ? td_builder_calendar (ctx, error) : NULL;
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
build_workbook (TdBuilderCtx *ctx, GError **error)
{
  g_autoptr (GPtrArray) sheets = sheets_new ();

  if (!add_sheet (sheets, td_builder_ranking (ctx, error))
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
    g_autofree gchar *bs = td_builder_bloc_short (ctx);
    g_autofree gchar *stem = g_strdup_printf ("Kết quả thi đua %s %d", bs, ctx->by->year);
    td_sheet_set_file_stem (first, stem);
  }
  return g_steal_pointer (&sheets);
}

GPtrArray *
td_sheets_build_bloc_year_workbook (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (TdBuilderCtx) ctx = td_builder_ctx_new (db, bloc_year_id, error);
  return ctx ? build_workbook (ctx, error) : NULL;
}

GPtrArray *
td_sheets_build (TdDb *db, const char *sheet, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  g_autoptr (TdBuilderCtx) ctx = td_builder_ctx_new (db, bloc_year_id, error);
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
    ok = add_sheet (sheets, td_builder_ranking (ctx, error));
  else if (g_strcmp0 (sheet, TD_SHEET_MATRIX) == 0)
    ok = add_sheet (sheets, build_matrix (ctx, error));
  else if (g_strcmp0 (sheet, TD_SHEET_CALENDAR) == 0)
    ok = add_sheet (sheets, td_builder_calendar (ctx, error));
  else if (g_strcmp0 (sheet, TD_SHEET_FORM) == 0)
    {
      ok = TRUE;
      if (unit_id > 0)
        ok = add_sheet (sheets, td_builder_form (ctx, unit_id, error));
      else
        for (guint i = 0; ok && i < ctx->members->len; i++)
          ok = add_sheet (
              sheets, td_builder_form (ctx, ((TdMember *)ctx->members->pdata[i])->unit_id, error));
      if (ok && unit_id <= 0 && sheets->len > 0)
        {
          g_autofree gchar *bs = td_builder_bloc_short (ctx);
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
