/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data, criteria part: the scoring table of Khối Thi đua số 6 for
 * 2024 (100 standard points in five sections, most rule kinds), every
 * member's self-score and the bloc's assessed score with a few real
 * differences, and one member not graded for a missing year report.
 * Everything is derived from fixed numbers, so every demo database is the
 * same.  The 2023 year gets a copy of the table without scores. */
#include "config.h"

#include "td-demo.h"
#include "td-entries.h"
#include "td-query.h"
#include "td-registry.h"

#include <string.h>

/* One row of the demo table: level 0 = section.  Brackets and options are
 * added by code below, keyed by the row's tag. */
typedef struct
{
  gint depth;
  const char *code;
  const char *title;
  TdRuleKind kind;
  const char *standard;
  const char *rate;
  const char *bonus_cap;
  const char *deduction_cap;
  const char *tag;
  const char *assessor;
} DemoRow;

#define ASSESS_KH "Phòng Kế hoạch - Tài chính, Sở Y tế"
#define ASSESS_VP "Văn phòng Sở Y tế"
#define ASSESS_TT "Sở Thông tin và Truyền thông (Khối phó)"
#define ASSESS_TD "Tổ thư ký Khối"

static const DemoRow rows[] = {
  { 0, "I", "Thực hiện nhiệm vụ chuyên môn được giao", TD_RULE_GROUP, "40", NULL, NULL, NULL, NULL,
    NULL },
  { 1, "1", "Hoàn thành các chỉ tiêu, nhiệm vụ kế hoạch năm 2024 được UBND tỉnh giao",
    TD_RULE_STANDARD, "20", NULL, NULL, NULL, "plan", ASSESS_KH },
  { 1, "2", "Tỷ lệ nhiệm vụ trong Chương trình công tác năm của UBND tỉnh hoàn thành đúng hạn",
    TD_RULE_GRADED, "10", NULL, NULL, NULL, "program", ASSESS_VP },
  { 1, "3", "Thực hiện các nhiệm vụ đột xuất do Tỉnh ủy, UBND tỉnh giao", TD_RULE_STANDARD, "5",
    NULL, NULL, NULL, NULL, ASSESS_VP },
  { 1, "4", "Thực hiện các chỉ tiêu phát triển kinh tế - xã hội thuộc lĩnh vực phụ trách",
    TD_RULE_STANDARD, "5", NULL, NULL, NULL, NULL, ASSESS_KH },
  { 1, "5",
    "Sáng kiến, giải pháp được Hội đồng sáng kiến cấp tỉnh công nhận (mỗi sáng kiến cộng "
    "0,5 điểm, tối đa 1,5 điểm)",
    TD_RULE_BONUS_EACH, "0", "0,5", "1,5", NULL, "initiative", ASSESS_TD },
  { 1, "6", "Được cấp trên khen thưởng trong năm (cộng điểm đối với 01 trong 02 trường hợp)",
    TD_RULE_OPTIONS, "0", NULL, NULL, NULL, "award", ASSESS_TD },

  { 0, "II", "Công tác cải cách hành chính (tổng điểm trừ của mục II không quá 2 điểm)",
    TD_RULE_GROUP, "20", NULL, NULL, "2", NULL, NULL },
  { 1, "1", "Ban hành Kế hoạch cải cách hành chính năm 2024 đúng thời hạn", TD_RULE_STANDARD, "3",
    NULL, NULL, NULL, NULL, ASSESS_VP },
  { 1, "2", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", TD_RULE_GRADED, "7", NULL, NULL,
    NULL, "ontime", ASSESS_VP },
  { 1, "3", "Tỷ lệ hồ sơ giải quyết trước hạn (theo quy mô hồ sơ tiếp nhận trong năm)",
    TD_RULE_BRACKETS, "0", NULL, NULL, NULL, "early", ASSESS_VP },
  { 1, "4", "Kết quả Chỉ số cải cách hành chính (PAR INDEX) năm 2023", TD_RULE_STANDARD, "5", NULL,
    NULL, NULL, NULL, ASSESS_VP },
  { 1, "5", "Công khai đầy đủ thủ tục hành chính (mỗi thủ tục chưa công khai trừ 0,5 điểm)",
    TD_RULE_STANDARD_LESS_EACH, "5", "0,5", NULL, NULL, "public", ASSESS_VP },
  { 1, "6", "Hồ sơ trễ hạn không có văn bản xin lỗi người dân, tổ chức (trừ 0,25 điểm/hồ sơ)",
    TD_RULE_DEDUCTION_EACH, "0", "0,25", NULL, NULL, "apology", ASSESS_VP },

  { 0, "III", "Chuyển đổi số", TD_RULE_GROUP, "15", NULL, NULL, NULL, NULL, NULL },
  { 1, "1", "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình", TD_RULE_GRADED, "5", NULL, NULL,
    NULL, "online", ASSESS_TT },
  { 1, "2", "Sử dụng văn bản điện tử, chữ ký số trong hoạt động của cơ quan", TD_RULE_STANDARD, "5",
    NULL, NULL, NULL, NULL, ASSESS_TT },
  { 1, "3", "Tỷ lệ văn bản đi được ký số trên 92%: cộng 0,1 điểm cho mỗi 1%, tối đa 0,5 điểm",
    TD_RULE_LINEAR_BONUS, "0", "0,1", "0,5", NULL, "signed", ASSESS_TT },
  { 1, "4", "Bảo đảm an toàn thông tin mạng", TD_RULE_STANDARD, "5", NULL, NULL, NULL, NULL,
    ASSESS_TT },
  { 1, "5",
    "Để xảy ra sự cố mất an toàn thông tin bị cơ quan có thẩm quyền phát hiện (trừ 1 "
    "điểm/sự cố)",
    TD_RULE_DEDUCTION_EACH, "0", "1", NULL, NULL, "incident", ASSESS_TT },

  { 0, "IV", "Công tác thi đua, khen thưởng", TD_RULE_GROUP, "15", NULL, NULL, NULL, NULL, NULL },
  { 1, "1", "Ban hành kế hoạch phát động phong trào thi đua năm và các đợt thi đua",
    TD_RULE_STANDARD, "4", NULL, NULL, NULL, NULL, ASSESS_TD },
  { 1, "2", "Sơ kết, tổng kết; phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
    TD_RULE_STANDARD, "4", NULL, NULL, NULL, NULL, ASSESS_TD },
  { 1, "3", "Tham gia hoạt động của Khối (vắng mặt không có lý do: trừ 1 điểm mỗi lần)",
    TD_RULE_DEDUCTION_EACH, "7", "1", NULL, NULL, "absent", ASSESS_TD },
  { 2, "a", "Tham gia Hội thao Khối Thi đua số 6", TD_RULE_STANDARD, "4", NULL, NULL, NULL, NULL,
    ASSESS_TD },
  { 2, "b", "Tham dự Hội nghị sơ kết 6 tháng và tổng kết năm của Khối", TD_RULE_STANDARD, "3", NULL,
    NULL, NULL, NULL, ASSESS_TD },
  { 2, "c", "Đạt giải toàn đoàn tại Hội thao Khối", TD_RULE_OPTIONS, "0", NULL, NULL, NULL, "prize",
    ASSESS_TD },

  { 0, "V", "Chế độ thông tin, báo cáo và phối hợp", TD_RULE_GROUP, "10", NULL, NULL, "1,5", NULL,
    NULL },
  { 1, "1", "Gửi báo cáo sơ kết 6 tháng đầu năm đúng hạn (trước ngày 30/6/2024)", TD_RULE_STANDARD,
    "3", NULL, NULL, NULL, NULL, ASSESS_TD },
  { 1, "2", "Gửi báo cáo tổng kết và bản tự chấm điểm đúng hạn (trước ngày 30/12/2024)",
    TD_RULE_STANDARD, "4", NULL, NULL, NULL, NULL, ASSESS_TD },
  { 1, "3", "Phối hợp với Khối trưởng, Khối phó trong các hoạt động chung", TD_RULE_STANDARD, "3",
    NULL, NULL, NULL, NULL, ASSESS_TD },
  { 1, "4", "Mỗi báo cáo, văn bản gửi Khối trưởng trễ hạn (trừ 0,5 điểm/văn bản)",
    TD_RULE_DEDUCTION_EACH, "0", "0,5", NULL, NULL, "late", ASSESS_TD },
  { 1, "5", "Không gửi báo cáo tổng kết năm về Khối trưởng (không xếp loại)", TD_RULE_DISQUALIFIER,
    "0", NULL, NULL, NULL, "report", ASSESS_TD },
};

static TdPoints
pts (const char *text)
{
  TdPoints p = 0;

  if (text != NULL)
    td_points_parse (text, &p, NULL);
  return p;
}

static void
add_rule_details (TdCriterion *c, const char *tag)
{
  if (tag == NULL)
    return;
  if (strcmp (tag, "program") == 0)
    {
      td_criterion_add_bracket (c, 0, TRUE, 9800, FALSE, 0, 1000);
      td_criterion_add_bracket (c, 0, TRUE, 9500, TRUE, 9800, 800);
      td_criterion_add_bracket (c, 0, TRUE, 9000, TRUE, 9500, 600);
      td_criterion_add_bracket (c, 0, FALSE, 0, TRUE, 9000, 300);
    }
  else if (strcmp (tag, "ontime") == 0)
    {
      td_criterion_add_bracket (c, 0, TRUE, 9800, FALSE, 0, 700);
      td_criterion_add_bracket (c, 0, TRUE, 9700, TRUE, 9800, 600);
      td_criterion_add_bracket (c, 0, TRUE, 9600, TRUE, 9700, 500);
      td_criterion_add_bracket (c, 0, TRUE, 9000, TRUE, 9600, 300);
    }
  else if (strcmp (tag, "online") == 0)
    {
      td_criterion_add_bracket (c, 0, TRUE, 8000, FALSE, 0, 500);
      td_criterion_add_bracket (c, 0, TRUE, 6000, TRUE, 8000, 400);
      td_criterion_add_bracket (c, 0, TRUE, 4000, TRUE, 6000, 300);
      td_criterion_add_bracket (c, 0, FALSE, 0, TRUE, 4000, 100);
    }
  else if (strcmp (tag, "early") == 0)
    {
      const char *classes[] = { "Dưới 1.000 hồ sơ/năm", "Từ 1.000 đến dưới 2.000 hồ sơ/năm",
                                "Từ 2.000 hồ sơ/năm trở lên", NULL };
      g_strfreev (c->size_classes);
      c->size_classes = g_strdupv ((gchar **)classes);
      td_criterion_add_bracket (c, 0, TRUE, 100, TRUE, 500, 50);
      td_criterion_add_bracket (c, 0, TRUE, 500, TRUE, 700, 100);
      td_criterion_add_bracket (c, 0, TRUE, 700, FALSE, 0, 150);
      td_criterion_add_bracket (c, 1, TRUE, 100, TRUE, 300, 50);
      td_criterion_add_bracket (c, 1, TRUE, 300, TRUE, 500, 100);
      td_criterion_add_bracket (c, 1, TRUE, 500, FALSE, 0, 150);
      td_criterion_add_bracket (c, 2, TRUE, 50, TRUE, 200, 50);
      td_criterion_add_bracket (c, 2, TRUE, 200, TRUE, 400, 100);
      td_criterion_add_bracket (c, 2, TRUE, 400, FALSE, 0, 150);
    }
  else if (strcmp (tag, "award") == 0)
    {
      td_criterion_add_option (c, "Bằng khen của Bộ, ngành Trung ương", 100);
      td_criterion_add_option (c, "Bằng khen của Thủ tướng Chính phủ", 200);
    }
  else if (strcmp (tag, "prize") == 0)
    {
      td_criterion_add_option (c, "Giải Nhất", 100);
      td_criterion_add_option (c, "Giải Nhì", 75);
      td_criterion_add_option (c, "Giải Ba", 50);
    }
  else if (strcmp (tag, "signed") == 0)
    {
      c->threshold = 9200;
      c->step = 100;
    }
  else if (strcmp (tag, "apology") == 0)
    {
      g_free (c->exemption);
      c->exemption = g_strdup ("Không trừ đối với hồ sơ trễ hạn do lỗi của hệ thống phần mềm "
                               "dùng chung, có xác nhận của Sở Thông tin và Truyền thông.");
    }
  else if (strcmp (tag, "report") == 0)
    {
      g_free (c->guidance);
      c->guidance = g_strdup ("Căn cứ sổ theo dõi văn bản đến của Khối trưởng đến hết ngày "
                              "15/01/2025.");
    }
}

/* A fixed pseudo-random number per (unit, row): the demo never changes. */
static guint
mix (guint unit, guint row)
{
  guint h = unit * 2654435761u ^ (row + 1) * 40503u;

  h ^= h >> 13;
  h *= 0x5bd1e995u;
  h ^= h >> 15;
  return h;
}

/* The self-score a unit gives itself for a row. */
static void
self_value (const DemoRow *row, const TdCriterion *c, guint unit, TdEntry *e)
{
  guint h = mix (unit, (guint)(row - rows));

  switch (c->kind)
    {
    case TD_RULE_STANDARD:
      e->points = c->standard;
      if (h % 5 == 0)
        e->points -= MIN (c->standard, 50);
      else if (h % 7 == 0)
        e->points -= MIN (c->standard, 25);
      break;
    case TD_RULE_GRADED:
      e->has_measured = TRUE;
      e->measured = strcmp (row->tag, "online") == 0 ? 5500 + h % 3500 : 9300 + h % 700;
      break;
    case TD_RULE_BRACKETS:
      e->size_class = (gint)(unit % 3);
      e->has_measured = TRUE;
      e->measured = h % 800;
      break;
    case TD_RULE_LINEAR_BONUS:
      e->has_measured = TRUE;
      e->measured = 9000 + h % 900;
      break;
    case TD_RULE_BONUS_EACH:
      e->count = h % 4;
      break;
    case TD_RULE_OPTIONS:
      e->option = h % 4 == 0 ? 1 : (h % 3 == 0 ? 0 : -1);
      break;
    case TD_RULE_DEDUCTION_EACH:
      e->count = strcmp (row->tag, "apology") == 0 ? h % 3 : (h % 6 == 0 ? 1 : 0);
      break;
    case TD_RULE_STANDARD_LESS_EACH:
      e->count = h % 5 == 0 ? 1 : 0;
      break;
    case TD_RULE_DISQUALIFIER:
    default:
      break;
    }
  /* What some units claimed, so that the assessment below differs. */
  if (row->tag != NULL)
    {
      if (unit == 3 && strcmp (row->tag, "award") == 0)
        e->option = 1;
      else if (unit == 4 && strcmp (row->tag, "early") == 0)
        e->measured = 550;
      else if (unit == 5 && strcmp (row->tag, "initiative") == 0)
        e->count = 3;
      else if ((unit == 6 && strcmp (row->tag, "absent") == 0)
               || (unit == 7 && strcmp (row->tag, "late") == 0))
        e->count = 0;
      else if (unit == 10 && strcmp (row->tag, "online") == 0)
        e->measured = 8200;
    }
  g_free (e->evidence);
  e->evidence = g_strdup (row->depth == 0 ? "" : "Báo cáo tự chấm điểm thi đua năm 2024");
}

/* The differences the assessment found (the meeting argues about these). */
static const char *
assess (const DemoRow *row, guint unit, TdEntry *e)
{
  const char *tag = row->tag ? row->tag : "";

  if (unit == 2 && strcmp (tag, "plan") == 0)
    {
      e->points = 1850;
      return "Còn 02 chỉ tiêu chưa đạt theo báo cáo của Sở Kế hoạch và Đầu tư";
    }
  if (unit == 3 && strcmp (tag, "award") == 0 && e->option == 1)
    {
      e->option = 0;
      return "Bằng khen của Thủ tướng thuộc năm 2023, chỉ tính Bằng khen của Bộ";
    }
  if (unit == 4 && strcmp (tag, "early") == 0)
    {
      e->measured = 420;
      return "Số liệu trên Cổng dịch vụ công thấp hơn số tự báo cáo";
    }
  if (unit == 5 && strcmp (tag, "initiative") == 0)
    {
      e->count = 1;
      return "Chỉ 01 sáng kiến có quyết định công nhận trong năm";
    }
  if (unit == 7 && strcmp (tag, "late") == 0)
    {
      e->count = 2;
      return "Công văn 45/SYT-VP và báo cáo 6 tháng gửi trễ hạn";
    }
  if (unit == 9 && strcmp (tag, "report") == 0)
    {
      e->disqualified = TRUE;
      return "Đến ngày 15/01/2025 Khối trưởng chưa nhận được báo cáo tổng kết năm";
    }
  if (unit == 10 && strcmp (tag, "online") == 0)
    {
      e->measured = 7200;
      return "Theo số liệu của Sở Thông tin và Truyền thông";
    }
  if (unit == 6 && strcmp (tag, "absent") == 0)
    {
      e->count = 1;
      return "Vắng Hội nghị sơ kết 6 tháng không có lý do";
    }
  if (unit == 8 && strcmp (tag, "apology") == 0 && e->count > 0)
    {
      e->exempt = TRUE;
      return "Trễ hạn do lỗi hệ thống, có xác nhận của Sở Thông tin và Truyền thông";
    }
  return NULL;
}

gboolean
td_demo_add_criteria (TdDb *db, GError **error)
{
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (TdCriteriaTable) table = NULL;
  gint64 ids[G_N_ELEMENTS (rows)];
  gint64 parents[4] = { 0 };
  gint64 bloc_id, by2024, by2023;

  bloc_id
      = td_query_int (db, "SELECT id FROM bloc WHERE name = ?", 0, error, "s", "Khối Thi đua số 6");
  if (bloc_id == 0)
    return error == NULL || *error == NULL;
  by2024 = td_registry_find_bloc_year (db, bloc_id, 2024, error);
  by2023 = td_registry_find_bloc_year (db, bloc_id, 2023, error);
  if (by2024 <= 0)
    return error == NULL || *error == NULL;

  if (!td_criteria_set_table_info (db, by2024, "Bảng tiêu chí chấm điểm thi đua năm 2024",
                                   TD_POINTS (100), TD_NO_CAP, TD_NO_CAP, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (TdCriterion) c = td_criterion_new (rows[i].kind);

      g_free (c->code);
      c->code = g_strdup (rows[i].code);
      g_free (c->title);
      c->title = g_strdup (rows[i].title);
      g_free (c->assessor);
      c->assessor = g_strdup (rows[i].assessor ? rows[i].assessor : "");
      c->standard = pts (rows[i].standard);
      c->rate = pts (rows[i].rate);
      c->bonus_cap = rows[i].bonus_cap ? pts (rows[i].bonus_cap) : TD_NO_CAP;
      c->deduction_cap = rows[i].deduction_cap ? pts (rows[i].deduction_cap) : TD_NO_CAP;
      add_rule_details (c, rows[i].tag);
      ids[i] = td_criteria_add (db, by2024, rows[i].depth > 0 ? parents[rows[i].depth - 1] : 0, -1,
                                c, error);
      if (ids[i] == 0)
        return FALSE;
      parents[rows[i].depth] = ids[i];
    }

  table = td_criteria_load (db, by2024, error);
  members = table ? td_registry_list_members (db, by2024, error) : NULL;
  if (members == NULL)
    return FALSE;
  for (guint u = 0; u < members->len; u++)
    {
      const TdMember *m = g_ptr_array_index (members, u);

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          const TdCriterion *c
              = td_criteria_table_get_node (table, td_criteria_table_find (table, ids[i]));
          g_autoptr (TdEntry) self = NULL;
          g_autoptr (TdEntry) assessed = NULL;
          const char *why;

          if (td_rule_kind_get_input (c->kind) == TD_INPUT_NONE)
            continue;
          self = td_entry_new (m->unit_id, c->id, TD_SOURCE_SELF);
          self_value (&rows[i], c, u, self);
          assessed = td_entry_copy (self);
          assessed->source = TD_SOURCE_ASSESSED;
          g_free (assessed->evidence);
          why = assess (&rows[i], u, assessed);
          assessed->evidence = g_strdup (why ? why : "Thống nhất với điểm tự chấm");
          if (!td_entry_save (db, c, self, error) || !td_entry_save (db, c, assessed, error))
            return FALSE;
        }
    }

  /* 2023: the same table, as a clerk would start a new year from it. */
  if (by2023 > 0 && !td_criteria_copy_table (db, by2024, by2023, error))
    return FALSE;
  if (by2023 > 0
      && !td_criteria_set_table_info (db, by2023, "Bảng tiêu chí chấm điểm thi đua năm 2023",
                                      TD_POINTS (100), TD_NO_CAP, TD_NO_CAP, error))
    return FALSE;
  return TRUE;
}
