/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data, registry part: Khối Thi đua số 6 of Bình Phước province in
 * 2023 and 2024, with plausible member departments (example data), the
 * 2024 campaign of source document 000 (slogan, targets of section IV.3)
 * and one unit renamed from 01/01/2024 so history is visible. */
#include "config.h"

#include "td-campaign.h"
#include "td-demo.h"
#include "td-registry.h"

typedef struct
{
  const char *name;
  const char *short_name;
  const char *kind;
  const char *head_name;
  const char *head_position;
  guint founded_day, founded_month, founded_year;
} DemoUnit;

/* Names of people are invented. */
static const DemoUnit demo_units[] = {
  { "Sở Y tế", "SYT", "Sở, ngành", "Nguyễn Văn An", "Giám đốc", 1, 10, 1997 },
  { "Sở Thông tin và Truyền thông", "STTTT", "Sở, ngành", "Trần Thị Bình", "Giám đốc", 1, 7, 2004 },
  { "Sở Tư pháp", "STP", "Sở, ngành", "Lê Văn Cường", "Giám đốc", 1, 1, 1997 },
  { "Sở Nội vụ", "SNV", "Sở, ngành", "Phạm Thị Dung", "Giám đốc", 1, 1, 1997 },
  { "Sở Tài chính", "STC", "Sở, ngành", "Hoàng Văn Em", "Giám đốc", 1, 1, 1997 },
  { "Sở Kế hoạch và Đầu tư", "SKHĐT", "Sở, ngành", "Vũ Thị Giang", "Giám đốc", 1, 1, 1997 },
  { "Sở Giáo dục và Đào tạo", "SGDĐT", "Sở, ngành", "Đặng Văn Hải", "Giám đốc", 1, 1, 1997 },
  { "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "Sở, ngành", "Bùi Thị Hoa", "Giám đốc", 1, 8,
    2008 },
  { "Sở Lao động - Thương binh và Xã hội", "SLĐTBXH", "Sở, ngành", "Đỗ Văn Khánh", "Giám đốc", 1, 1,
    1997 },
  { "Sở Khoa học và Công nghệ", "SKHCN", "Sở, ngành", "Ngô Thị Lan", "Giám đốc", 1, 1, 1997 },
  { "Thanh tra tỉnh", "TTT", "Sở, ngành", "Dương Văn Minh", "Chánh Thanh tra", 1, 1, 1997 },
  /* Bore another name in 2023; renamed below. */
  { "Ban Dân tộc tỉnh Bình Phước", "BDTBP", "Sở, ngành", "Lý Thị Ngọc", "Trưởng ban", 1, 1, 1997 },
};

typedef struct
{
  const char *text;
  TdTargetKind kind;
  const char *required_level;
} DemoTarget;

/* Source document 000, section IV.3. */
static const DemoTarget demo_targets[] = {
  { "Tổ chức cơ sở Đảng: Hoàn thành tốt nhiệm vụ trở lên", TD_TARGET_LEVEL,
    "Hoàn thành tốt nhiệm vụ" },
  { "Tổ chức Công đoàn: Hoàn thành tốt nhiệm vụ trở lên", TD_TARGET_LEVEL,
    "Hoàn thành tốt nhiệm vụ" },
  { "Tổ chức Đoàn thanh niên: Hoàn thành tốt nhiệm vụ trở lên", TD_TARGET_LEVEL,
    "Hoàn thành tốt nhiệm vụ" },
  { "Cơ quan đạt chuẩn “An toàn về an ninh, trật tự”", TD_TARGET_YESNO, "" },
  { "Cơ quan thực hiện “Chuyển đổi số” đạt khá trở lên", TD_TARGET_YESNO, "" },
};

static gboolean
add_campaign (TdDb *db, gint64 bloc_year_id, const gint64 *unit_ids, GError **error)
{
  g_autoptr (TdCampaign) c = td_campaign_new ();
  gint64 campaign_id;

  c->bloc_year_id = bloc_year_id;
  c->name = g_strdup ("Phong trào thi đua năm 2024 của Khối Thi đua số 6");
  c->kind = TD_CAMPAIGN_YEARLY;
  c->theme = g_strdup ("Thi đua hoàn thành xuất sắc nhiệm vụ được giao năm 2024");
  c->slogan = g_strdup ("Kỷ cương, trách nhiệm; đoàn kết, sáng tạo; đẩy mạnh thi đua thực hiện "
                        "thắng lợi nhiệm vụ năm 2024");
  g_date_set_dmy (&c->starts, 11, 6, 2024);
  g_date_set_dmy (&c->ends, 15, 12, 2024);
  c->notes = g_strdup ("Theo Kế hoạch phát động phong trào thi đua của Khối Thi đua số 6 năm 2024");
  campaign_id = td_campaign_add (db, c, error);
  if (campaign_id == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_targets); i++)
    {
      g_autoptr (TdTarget) t = td_target_new ();
      gint64 target_id;

      t->campaign_id = campaign_id;
      t->text = g_strdup (demo_targets[i].text);
      t->kind = demo_targets[i].kind;
      t->required_level = g_strdup (demo_targets[i].required_level);
      target_id = td_campaign_add_target (db, t, error);
      if (target_id == 0)
        return FALSE;
      /* A few results already recorded, so the grid is not empty. */
      for (guint u = 0; u < 4; u++)
        {
          const char *result = demo_targets[i].kind == TD_TARGET_LEVEL
                                   ? (u == 2 ? "Hoàn thành nhiệm vụ" : "Hoàn thành tốt nhiệm vụ")
                                   : (u == 3 ? "Không đạt" : "Đạt");
          if (!td_campaign_set_result (db, target_id, unit_ids[u], result, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
td_demo_add_registry (TdDb *db, GError **error)
{
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  gint64 unit_ids[G_N_ELEMENTS (demo_units)];
  gint64 bloc_id;

  for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      g_autoptr (TdUnit) unit = td_unit_new ();

      unit->name = g_strdup (demo_units[i].name);
      unit->short_name = g_strdup (demo_units[i].short_name);
      unit->kind = g_strdup (demo_units[i].kind);
      unit->parent = g_strdup ("UBND tỉnh Bình Phước");
      unit->head_name = g_strdup (demo_units[i].head_name);
      unit->head_position = g_strdup (demo_units[i].head_position);
      g_date_set_dmy (&unit->founded, demo_units[i].founded_day, demo_units[i].founded_month,
                      demo_units[i].founded_year);
      unit_ids[i] = td_registry_add_unit (db, unit, error);
      if (unit_ids[i] == 0)
        return FALSE;
    }

  bloc->name = g_strdup ("Khối Thi đua số 6");
  bloc->kind = TD_BLOC_KHOI;
  bloc->authority = g_strdup ("UBND tỉnh Bình Phước");
  bloc->place = g_strdup ("Bình Phước");
  bloc->notes = g_strdup ("Dữ liệu mẫu (ví dụ minh họa, không phải số liệu thật)");
  bloc_id = td_registry_add_bloc (db, bloc, error);
  if (bloc_id == 0)
    return FALSE;

  for (gint year = 2023; year <= 2024; year++)
    {
      g_autoptr (TdBlocYear) by = td_bloc_year_new ();
      gint64 by_id;

      by->bloc_id = bloc_id;
      by->year = year;
      by->head_unit_id = unit_ids[0];
      by->deputy_unit_id = unit_ids[1];
      by->signer_name = g_strdup (demo_units[0].head_name);
      by->signer_position = g_strdup ("KHỐI TRƯỞNG");
      by->signer_authority = g_strdup ("TM. KHỐI THI ĐUA SỐ 6");
      by_id = td_registry_add_bloc_year (db, by, error);
      if (by_id == 0)
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
        if (!td_registry_add_member (db, by_id, unit_ids[i], error))
          return FALSE;
      if (year == 2024 && !add_campaign (db, by_id, unit_ids, error))
        return FALSE;
    }

  /* History: the 2023 lists keep the old name, 2024 shows the new one. */
  {
    GDate from;

    g_date_set_dmy (&from, 1, 1, 2024);
    if (!td_registry_rename_unit (db, unit_ids[G_N_ELEMENTS (demo_units) - 1], &from,
                                  "Ban Dân tộc tỉnh", "BDT", error))
      return FALSE;
  }
  return TRUE;
}
