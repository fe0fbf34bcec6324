/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Wording rules of official papers (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
#pragma once

#include "td-calendar.h"
#include "td-ranking.h"
#include "td-sheet.h"

#include <glib.h>

G_BEGIN_DECLS

#define TD_OFFICIAL_NATION "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define TD_OFFICIAL_MOTTO "Độc lập - Tự do - Hạnh phúc"

/* One vocabulary for every sheet and the Ranking screen (README, "Official
 * sheets"): the columns of a unit's result, in this order, always meaning
 *   Tự chấm    the unit's own total (its criteria, bonuses and deductions),
 *              or "Chưa gửi" when it sent no self-score;
 *   Thẩm định  criteria points after assessment, without bonus and
 *              deduction (a criterion not assessed keeps the self-score);
 *   Thưởng     bonus points after assessment and caps;
 *   Trừ        points deducted after assessment and caps (a positive number);
 *   Tổng điểm  Thẩm định + Thưởng − Trừ, what the ranking uses. */
#define TD_OFFICIAL_SELF "Tự chấm"
#define TD_OFFICIAL_ASSESSED "Thẩm định"
#define TD_OFFICIAL_BONUS "Thưởng"
#define TD_OFFICIAL_DEDUCTION "Trừ"
#define TD_OFFICIAL_TOTAL "Tổng điểm"
#define TD_OFFICIAL_RANK "Xếp thứ"
#define TD_OFFICIAL_GRADE "Xếp loại"
#define TD_OFFICIAL_PROPOSAL "Đề nghị khen thưởng"
#define TD_OFFICIAL_NOT_SENT "Chưa gửi"
#define TD_OFFICIAL_COLUMNS_NOTE                                                                                                          \
  "Ghi chú: Tự chấm là tổng điểm đơn vị tự chấm (gồm điểm thưởng, điểm trừ; \"Chưa gửi\": đơn "      \
  "vị chưa gửi bản tự chấm); Thẩm định là điểm các tiêu chí sau thẩm định, chưa gồm điểm thưởng, "   \
  "điểm trừ (tiêu chí chưa thẩm định lấy điểm tự chấm); Thưởng, Trừ là điểm thưởng, điểm trừ sau " \
  "thẩm định; Tổng điểm = Thẩm định + Thưởng − Trừ."
/* The mark of a value the meeting agreed on, and its legend. */
#define TD_OFFICIAL_AGREED_MARK "*"
#define TD_OFFICIAL_AGREED_NOTE "(*) Điểm do Hội nghị thống nhất."

gchar *td_official_date_line (const char *place, const GDate *date);
/* "Hoàn thành xuất sắc nhiệm vụ" … "Không xếp loại": the grade as every
 * sheet writes it, whatever the locale. */
const char *td_official_grade (TdGrade grade);

/* The result columns of a unit's row, meaning what the note above says. */
typedef struct
{
  guint assessed, bonus, deduction, total;
} TdResultColumns;

/* Thẩm định, Thưởng and Trừ on @row, and Tổng điểm = Thẩm định + Thưởng −
 * Trừ as a formula whose value is their sum: the same cells on every sheet
 * that shows a unit's result. */
void td_official_set_result (TdSheet *sheet, guint row, const TdResultColumns *columns,
                             TdPoints assessed, TdPoints bonus, TdPoints deduction);
/* Who carries out @deadline, in the documents' words whatever the locale:
 * "Khối trưởng", "Cụm phó", "Các đơn vị thành viên" or @unit_name (the
 * one unit responsible, its name that year). */
gchar *td_official_responsible (const TdDeadline *deadline, gboolean cluster,
                                const char *unit_name);
/* "8/12 đơn vị đã gửi" for a deadline of every member, else NULL. */
gchar *td_official_progress (const TdDeadline *deadline);
gchar *td_official_date (const GDate *date);

G_END_DECLS
