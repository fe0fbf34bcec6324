/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Campaigns (phong trào / đợt thi đua) of a bloc-year, their targets
 * (chỉ tiêu) and each member's result per target. */
#pragma once

#include "td-db.h"

G_BEGIN_DECLS

typedef enum
{
  TD_CAMPAIGN_YEARLY,  /* phong trào thi đua năm */
  TD_CAMPAIGN_DRIVE1,  /* Đợt I */
  TD_CAMPAIGN_DRIVE2,  /* Đợt II */
  TD_CAMPAIGN_SPECIAL, /* thi đua đặc biệt / cao điểm */
  TD_CAMPAIGN_TOPICAL, /* chuyên đề */
  TD_CAMPAIGN_N_KINDS
} TdCampaignKind;

typedef enum
{
  TD_TARGET_YESNO, /* đạt / không đạt */
  TD_TARGET_LEVEL, /* a graded level, e.g. "Hoàn thành tốt nhiệm vụ trở lên" */
} TdTargetKind;

typedef struct
{
  gint64 id;
  gint64 bloc_year_id;
  gchar *name;
  TdCampaignKind kind;
  gchar *theme;
  gchar *slogan;
  GDate starts;
  GDate ends;
  gchar *notes;
} TdCampaign;

typedef struct
{
  gint64 id;
  gint64 campaign_id;
  gint position;
  gchar *text;
  TdTargetKind kind;
  gchar *required_level; /* for TD_TARGET_LEVEL */
} TdTarget;

TdCampaign *td_campaign_new (void);
void td_campaign_free (TdCampaign *campaign);
TdTarget *td_target_new (void);
void td_target_free (TdTarget *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCampaign, td_campaign_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdTarget, td_target_free)

const char *td_campaign_kind_label (TdCampaignKind kind);
const char *td_target_kind_label (TdTargetKind kind);
/* The choices a result cell offers: "" (not yet), then the levels. */
const char *const *td_target_result_choices (TdTargetKind kind);
/* A result as a cell of a members × targets grid shows it: a result of
 * three words or more by its initials, as the bloc's sheets write them
 * ("Hoàn thành xuất sắc nhiệm vụ" → "HTXSNV"); a short one ("Đạt") whole. */
gchar *td_target_result_short (const char *result);

gboolean td_campaign_check (const TdCampaign *campaign, GError **error);
gint64 td_campaign_add (TdDb *db, const TdCampaign *campaign, GError **error);
gboolean td_campaign_update (TdDb *db, const TdCampaign *campaign, GError **error);
gboolean td_campaign_delete (TdDb *db, gint64 campaign_id, GError **error);
TdCampaign *td_campaign_get (TdDb *db, gint64 campaign_id, GError **error);
GPtrArray *td_campaign_list (TdDb *db, gint64 bloc_year_id, GError **error);
GArray *td_campaign_list_shares (TdDb *db, gint64 campaign_id, GError **error);
gboolean td_campaign_set_shared (TdDb *db, gint64 campaign_id, gint64 bloc_year_id, gboolean shared,
                                 GError **error);

gint64 td_campaign_add_target (TdDb *db, const TdTarget *target, GError **error);
gboolean td_campaign_update_target (TdDb *db, const TdTarget *target, GError **error);
gboolean td_campaign_delete_target (TdDb *db, gint64 target_id, GError **error);
GPtrArray *td_campaign_list_targets (TdDb *db, gint64 campaign_id, GError **error);

gboolean td_campaign_set_result (TdDb *db, gint64 target_id, gint64 unit_id, const char *result,
                                 GError **error);
gchar *td_campaign_get_result (TdDb *db, gint64 target_id, gint64 unit_id);

G_END_DECLS
