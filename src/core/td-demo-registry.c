/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data, registry part: Khối Thi đua số 6 of Bình Phước province in
 * 2023 and 2024, with plausible member departments (example data). */
#include "config.h"

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
  { "Ban Dân tộc tỉnh", "BDT", "Sở, ngành", "Lý Thị Ngọc", "Trưởng ban", 1, 1, 1997 },
};

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
  bloc->notes = g_strdup ("Dữ liệu mẫu (ví dụ minh họa)");
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
    }
  return TRUE;
}
