/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Phiếu tự chấm điểm: the blank self-score form of one member, with its
 * input cells, validations and the stable layout an importer reads back
 * (documented in td-sheet-builders.h). */
#include "config.h"

#include "td-sheet-builders-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* --- 4. Phiếu tự chấm điểm ---------------------------------------------- */

typedef struct
{
  TdBuilderCtx *ctx;
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
  gboolean bonus = td_builder_gives_bonus (c), deduction = td_builder_gives_deduction (c);

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
        max = MAX (max, td_builder_options_max (c, +1));
      form_input (f, row, f->col_self, "Nhập điểm tự chấm", max);
    }
  if (bonus)
    {
      TdPoints max = c->kind == TD_RULE_BONUS_POINTS ? c->rate
                     : c->kind == TD_RULE_OPTIONS || c->kind == TD_RULE_BRACKETS
                         ? td_builder_options_max (c, +1)
                         : cap_or (c->bonus_cap, TD_POINTS (100));
      form_input (f, row, f->col_bonus, "Nhập tổng số điểm được cộng", max);
    }
  if (deduction)
    {
      TdPoints max = c->kind == TD_RULE_DEDUCTION_POINTS ? c->rate
                     : c->kind == TD_RULE_OPTIONS || c->kind == TD_RULE_BRACKETS
                         ? td_builder_options_max (c, -1)
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
      g_autofree gchar *path = td_builder_node_path (table, index);
      g_autofree gchar *text
          = g_strdup_printf ("Điểm cộng, điểm trừ theo quy định của chính mục %s", path);
      guint own = td_sheet_add_row (f->sheet, TD_ROW_NORMAL);
      g_autofree gchar *rule = describe_rule (c);

      if (*rule)
        {
          gchar *both = g_strdup_printf ("%s\n(%s)", text, rule);
          g_free (text);
          text = both;
        }
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

TdSheet *
td_builder_form (TdBuilderCtx *ctx, gint64 unit_id, GError **error)
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

  td_builder_meta (ctx, sheet, "form");
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
