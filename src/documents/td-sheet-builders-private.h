/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the sheet builders (td-sheet-builders.c, td-sheet-form.c,
 * td-sheet-calendar.c, td-sheet-resolve.c): the bloc-year context loaded
 * once, the paper around the table, and what the sheets need to know
 * about rule kinds.  Not installed, not for other modules. */
#pragma once

#include "td-criteria.h"
#include "td-ranking.h"
#include "td-registry.h"
#include "td-scoring.h"
#include "td-sheet.h"

G_BEGIN_DECLS

/* One bloc-year, loaded once for every sheet built from it. */
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
} TdBuilderCtx;

TdBuilderCtx *td_builder_ctx_new (TdDb *db, gint64 bloc_year_id, GError **error);
void td_builder_ctx_free (TdBuilderCtx *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdBuilderCtx, td_builder_ctx_free)
/* The criteria table and scores; refused when the year has no table. */
gboolean td_builder_load_scores (TdBuilderCtx *ctx, GError **error);
gboolean td_builder_load_ranking (TdBuilderCtx *ctx, GError **error);
TdMember *td_builder_find_member (TdBuilderCtx *ctx, gint64 unit_id);
TdMember *td_builder_require_member (TdBuilderCtx *ctx, gint64 unit_id, GError **error);

/* "Khối" or "Cụm"; "Khối 6" for file names; a member's short name. */
const char *td_builder_bloc_word (TdBuilderCtx *ctx);
gchar *td_builder_bloc_short (TdBuilderCtx *ctx);
const char *td_builder_member_label (const TdMember *m);
/* Issuer, place and date, signature of the bloc-year's signer, Nơi nhận. */
void td_builder_official_header (TdBuilderCtx *ctx, TdSheet *sheet);
/* sheet, bloc_year_id, bloc and year on the sheet's metadata. */
void td_builder_meta (TdBuilderCtx *ctx, TdSheet *sheet, const char *kind);
/* The opening every sheet of the bloc-year shares: tab @name, @title, the
 * file stem "@stem Khối 6 2025", the official header, @subtitle ("(bloc,
 * năm 2025)" when NULL) and the metadata of sheet @kind. */
TdSheet *td_builder_sheet_new (TdBuilderCtx *ctx, const char *name, const char *title,
                               TdSheetOrientation orientation, const char *stem,
                               const char *subtitle, const char *kind);

/* "IV.3": the codes from the top down to the node. */
gchar *td_builder_node_path (const TdCriteriaTable *table, gint index);
gboolean td_builder_gives_bonus (const TdCriterion *c);
gboolean td_builder_gives_deduction (const TdCriterion *c);
/* The largest option worth (sign > 0) or taking off (sign < 0). */
TdPoints td_builder_options_max (const TdCriterion *c, gint sign);

/* The ranking table (td-sheet-ranking.c); why a unit is not graded; a
 * rank cell, RANK() where plain ranking by total gives the place, else the
 * number with the reason in a note. */
TdSheet *td_builder_ranking (TdBuilderCtx *ctx, GError **error);
gchar *td_builder_unranked_reason (TdBuilderCtx *ctx, const TdRankRow *rr);
gboolean td_builder_set_rank_cell (TdBuilderCtx *ctx, TdSheet *sheet, const TdRankRow *rr,
                                   guint row, guint col, guint ref_row, guint ref_col, guint row1,
                                   guint col1, guint row2, guint col2);
TdSheet *td_builder_form (TdBuilderCtx *ctx, gint64 unit_id, GError **error);
TdSheet *td_builder_calendar (TdBuilderCtx *ctx, GError **error);

G_END_DECLS
