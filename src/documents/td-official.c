/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Wording rules of official papers.
 *
 * Nghị định 30/2020 writes days below 10 and months below 3 with a leading
 * zero ("ngày 05 tháng 01", "ngày 15 tháng 3"), so January and February are
 * never mistaken for October to December when someone adds a digit. */
#include "td-official.h"

/* "ngày 05 tháng 01 năm 2025" */
gchar *
td_official_date (const GDate *date)
{
  guint day = g_date_get_day (date);
  guint month = g_date_get_month (date);

  return g_strdup_printf ("ngày %s%u tháng %s%u năm %u", day < 10 ? "0" : "", day,
                          month < 3 ? "0" : "", month, g_date_get_year (date));
}

/* "Bình Phước, ngày 05 tháng 01 năm 2025"; without a place, the date alone
 * with a capital letter. */
gchar *
td_official_date_line (const char *place, const GDate *date)
{
  g_autofree gchar *when = td_official_date (date);

  if (place == NULL || *place == '\0')
    return g_strconcat ("N", when + 1, NULL);
  return g_strconcat (place, ", ", when, NULL);
}

gchar *
td_official_responsible (const TdDeadline *deadline, gboolean cluster, const char *unit_name)
{
  const char *bloc = cluster ? "Cụm" : "Khối";

  switch (deadline->responsible)
    {
    case TD_RESPONSIBLE_HEAD:
      return g_strdup_printf ("%s trưởng", bloc);
    case TD_RESPONSIBLE_DEPUTY:
      return g_strdup_printf ("%s phó", bloc);
    case TD_RESPONSIBLE_MEMBERS:
      return g_strdup ("Các đơn vị thành viên");
    case TD_RESPONSIBLE_UNIT:
    default:
      return unit_name != NULL && *unit_name != '\0' ? g_strdup (unit_name) : NULL;
    }
}

gchar *
td_official_progress (const TdDeadline *deadline)
{
  if (deadline->responsible != TD_RESPONSIBLE_MEMBERS || deadline->n_members == 0)
    return NULL;
  return g_strdup_printf ("%d/%d đơn vị đã gửi", deadline->n_members_done, deadline->n_members);
}

const char *
td_official_grade (TdGrade grade)
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

void
td_official_set_result (TdSheet *sheet, guint row, const TdResultColumns *columns,
                        TdPoints assessed, TdPoints bonus, TdPoints deduction)
{
  td_sheet_set_points (sheet, row, columns->assessed, assessed);
  td_sheet_set_points (sheet, row, columns->bonus, bonus);
  td_sheet_set_points (sheet, row, columns->deduction, deduction);
  td_sheet_set_sum (sheet, row, columns->total, assessed + bonus - deduction);
  td_sheet_sum_add (sheet, row, columns->total, +1, row, columns->assessed, row, columns->assessed);
  td_sheet_sum_add (sheet, row, columns->total, +1, row, columns->bonus, row, columns->bonus);
  td_sheet_sum_add (sheet, row, columns->total, -1, row, columns->deduction, row,
                    columns->deduction);
}
