/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bảng tổng hợp kết quả chấm điểm và xếp hạng: the ranking table of a
 * bloc-year (td_builder_ranking), with the ranks, grades and proposals as
 * the Ranking screen shows them, and why a unit is not graded. */
#include "config.h"

#include "td-official.h"
#include "td-sheet-builders-private.h"

/* "Lý do: tiêu chí V.5 — …": the criterion that disqualified a unit. */
static gchar *
disqualified_reason (TdBuilderCtx *ctx, gint unit_index)
{
  const TdUnitTotals *t = td_scores_get_totals (ctx->scores, unit_index);
  gint i = t->disqualified_by[TD_SOURCE_FINAL];
  const TdCriterion *c;
  g_autofree gchar *path = NULL;

  if (!t->disqualified[TD_SOURCE_FINAL] || i < 0)
    return NULL;
  c = td_criteria_table_get_node (ctx->table, i);
  path = td_builder_node_path (ctx->table, i);
  return g_strdup_printf ("Lý do: tiêu chí %s — %s", path, c->title);
}

/* The rank a RANK() formula over the ranked rows gives: 1 + how many
 * ranked units have a higher total (units with no score at all have an
 * empty total, which RANK() skips). */
static gint
plain_rank (TdBuilderCtx *ctx, const TdRankRow *row)
{
  gint rank = 1;

  for (guint i = 0; i < ctx->ranking->rows->len; i++)
    {
      const TdRankRow *other = g_ptr_array_index (ctx->ranking->rows, i);
      if (other->rank > 0 && other->input->scored
          && other->input->final_total > row->input->final_total)
        rank++;
    }
  return rank;
}

static const char *
row_name (TdBuilderCtx *ctx, const TdRankRow *row)
{
  TdMember *m = td_builder_find_member (ctx, row->input->unit_id);
  return m ? m->name : row->input->name;
}

/* Why a unit is not graded, for the sheets: the disqualifying criterion,
 * else the bloc's rule on self-scores. */
gchar *
td_builder_unranked_reason (TdBuilderCtx *ctx, const TdRankRow *rr)
{
  gint u = td_scores_find_unit (ctx->scores, rr->input->unit_id);
  gchar *reason = u >= 0 ? disqualified_reason (ctx, u) : NULL;

  if (reason == NULL && !rr->input->has_self)
    reason = g_strdup ("Lý do: không gửi bản tự chấm điểm");
  return reason;
}

/* The rank cell: a RANK() formula where plain ranking by total gives the
 * place, else the number, marked when the clerk moved the unit.  Returns
 * whether the engine's tie-breaks or the clerk decided it. */
gboolean
td_builder_set_rank_cell (TdBuilderCtx *ctx, TdSheet *sheet, const TdRankRow *rr, guint row,
                          guint col, guint ref_row, guint ref_col, guint row1, guint col1,
                          guint row2, guint col2)
{
  if (rr->input->scored && rr->override == NULL && plain_rank (ctx, rr) == rr->rank)
    {
      td_sheet_set_rank (sheet, row, col, rr->rank, ref_row, ref_col, row1, col1, row2, col2);
      return FALSE;
    }
  td_sheet_set_integer (sheet, row, col, rr->rank);
  if (rr->override != NULL)
    td_sheet_set_suffix (sheet, row, col, " (điều chỉnh)");
  return TRUE;
}

/* The meeting's decisions and open questions, under the table, as the
 * Ranking screen explains them. */
static void
add_decision_notes (TdBuilderCtx *ctx, TdSheet *sheet)
{
  GString *decided = g_string_new (NULL);

  for (guint i = 0; i < ctx->ranking->rows->len; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);

      if (rr->rank > 0 && rr->override == NULL && rr->input->scored
          && plain_rank (ctx, rr) != rr->rank)
        g_string_append_printf (decided, "%s%s", decided->len ? ", " : "", row_name (ctx, rr));
      if (rr->override != NULL)
        {
          g_autofree gchar *line
              = g_strdup_printf ("%s được điều chỉnh lên xếp thứ %d theo quyết định của Hội nghị; "
                                 "lý do: %s.",
                                 row_name (ctx, rr), rr->rank, rr->override->reason);
          td_sheet_add_note_after (sheet, line);
        }
    }
  if (decided->len > 0)
    {
      g_autofree gchar *line = g_strdup_printf (
          "Thứ hạng của %s được xác định theo tiêu chí phụ hoặc biểu quyết của Hội nghị.",
          decided->str);
      td_sheet_add_note_after (sheet, line);
    }
  g_string_free (decided, TRUE);
  for (guint i = 0; i < ctx->ranking->proposals->len; i++)
    {
      const TdProposal *p = g_ptr_array_index (ctx->ranking->proposals, i);
      const TdRankRow *rr = td_ranking_find_unit (ctx->ranking, p->unit->unit_id);
      g_autofree gchar *line = NULL;

      if (p->state == TD_PROPOSAL_REMOVED)
        line = g_strdup_printf ("Hội nghị không đề nghị %s cho %s; lý do: %s.", p->rule->award_name,
                                row_name (ctx, rr), p->reason);
      else if (p->state == TD_PROPOSAL_ADDED)
        line = g_strdup_printf ("Hội nghị bổ sung đề nghị %s cho %s; lý do: %s.",
                                p->rule->award_name, row_name (ctx, rr), p->reason);
      if (line != NULL)
        td_sheet_add_note_after (sheet, line);
    }
  for (guint i = 0; i < ctx->ranking->rows->len; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);
      /* One line per tied group: written at its first row. */
      const TdRankRow *prev = i > 0 ? g_ptr_array_index (ctx->ranking->rows, i - 1) : NULL;

      if (rr->quota_ties != NULL
          && (prev == NULL || prev->rank != rr->rank || prev->quota_ties == NULL))
        {
          g_autofree gchar *line = g_strdup_printf (
              "Các đơn vị đồng hạng %d: số lượng đề nghị %s không đủ cho tất cả, Hội nghị quyết "
              "định.",
              rr->rank, rr->quota_ties);
          td_sheet_add_note_after (sheet, line);
        }
    }
}

TdSheet *
td_builder_ranking (TdBuilderCtx *ctx, GError **error)
{
  g_autofree gchar *title = NULL;
  TdSheet *sheet;
  guint stt, name, self, assessed, bonus, deduction, total, rank, grade, proposal;
  guint n_ranked = 0, first_ranked = 0;
  gboolean any_override = FALSE;

  if (!td_builder_load_ranking (ctx, error))
    return NULL;
  title = g_strdup_printf ("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM %d",
                           ctx->by->year);
  sheet = td_builder_sheet_new (ctx, "Tổng hợp xếp hạng", title, TD_SHEET_LANDSCAPE,
                                "Bảng xếp hạng", NULL, "ranking");

  for (guint i = 0; i < ctx->ranking->rows->len; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);
      if (rr->rank > 0)
        n_ranked++;
      any_override |= rr->override != NULL;
    }

  /* Widths in characters of 12 pt Times: "Hoàn thành xuất sắc nhiệm vụ"
   * and "Cờ thi đua của UBND tỉnh" on one line each, a moved rank
   * "3 (điều chỉnh)" only when there is one. */
  stt = td_sheet_add_column (sheet, "STT", TD_COLUMN_INTEGER, 5.5, TD_ALIGN_CENTER);
  name = td_sheet_add_column (sheet, "Đơn vị", TD_COLUMN_TEXT, 29, TD_ALIGN_LEFT);
  self = td_sheet_add_column (sheet, TD_OFFICIAL_SELF, TD_COLUMN_POINTS, 8.5, TD_ALIGN_RIGHT);
  assessed = td_sheet_add_column (sheet, TD_OFFICIAL_ASSESSED, TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  bonus = td_sheet_add_column (sheet, TD_OFFICIAL_BONUS, TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  deduction
      = td_sheet_add_column (sheet, TD_OFFICIAL_DEDUCTION, TD_COLUMN_POINTS, 7, TD_ALIGN_RIGHT);
  total = td_sheet_add_column (sheet, TD_OFFICIAL_TOTAL, TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  rank = td_sheet_add_column (sheet, TD_OFFICIAL_RANK, TD_COLUMN_RANK, any_override ? 12 : 7,
                              TD_ALIGN_CENTER);
  grade = td_sheet_add_column (sheet, TD_OFFICIAL_GRADE, TD_COLUMN_TEXT, 32, TD_ALIGN_LEFT);
  proposal = td_sheet_add_column (sheet, TD_OFFICIAL_PROPOSAL, TD_COLUMN_TEXT, 25, TD_ALIGN_LEFT);
  td_sheet_group_columns (sheet, self, total, "Kết quả chấm điểm");
  sheet->freeze_columns = 2;

  for (guint i = 0; i < ctx->ranking->rows->len; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (ctx->ranking->rows, i);
      const TdRankInput *in = rr->input;
      g_autofree gchar *key = g_strdup_printf ("unit:%" G_GINT64_FORMAT, in->unit_id);
      guint row = td_sheet_add_row (sheet, TD_ROW_NORMAL);

      td_sheet_set_row_key (sheet, row, key);
      td_sheet_set_integer (sheet, row, stt, i + 1);
      td_sheet_set_text (sheet, row, name, row_name (ctx, rr));
      if (in->has_self)
        td_sheet_set_points (sheet, row, self, in->self_total);
      else
        td_sheet_set_text (sheet, row, self, TD_OFFICIAL_NOT_SENT);
      /* A unit nobody scored has no result yet: empty, never 0. */
      if (in->scored)
        {
          const TdResultColumns result = { assessed, bonus, deduction, total };

          gint u = td_scores_find_unit (ctx->scores, in->unit_id);

          td_official_set_result (sheet, row, &result, in->final_total - in->bonus + in->deduction,
                                  in->bonus, in->deduction);
          /* Totals that hold the meeting's agreed points are marked. */
          if (u >= 0 && td_scores_unit_has_agreed (ctx->scores, (guint)u))
            {
              td_sheet_mark_agreed (sheet, row, assessed);
              td_sheet_mark_agreed (sheet, row, total);
            }
        }
      if (rr->rank > 0)
        {
          g_autofree gchar *proposals = td_rank_row_describe_proposals (ctx->ranking, rr, TRUE);

          /* Ranked rows come first in the table, so RANK() over them is
           * right unless a tie-break or the clerk decided the place. */
          td_builder_set_rank_cell (ctx, sheet, rr, row, rank, row, total, first_ranked, total,
                                    first_ranked + n_ranked - 1, total);
          td_sheet_set_text (sheet, row, grade, td_official_grade (rr->grade));
          if (*proposals)
            td_sheet_set_text (sheet, row, proposal, proposals);
        }
      else
        {
          g_autofree gchar *reason = td_builder_unranked_reason (ctx, rr);
          td_sheet_set_text (sheet, row, grade, "Không xếp loại");
          td_sheet_set_text (sheet, row, proposal, reason ? reason : "Không xếp loại");
        }
    }

  td_sheet_add_note_after (sheet, TD_OFFICIAL_COLUMNS_NOTE);
  td_sheet_add_note_after (sheet, "Các đơn vị bằng điểm được xếp đồng hạng, trừ khi tiêu chí phụ "
                                  "hoặc biểu quyết của Hội nghị quyết định.");
  add_decision_notes (ctx, sheet);
  return sheet;
}
