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
