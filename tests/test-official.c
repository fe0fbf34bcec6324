/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Official wording: the date line of Nghị định 30/2020. */
#include "td-official.h"

static void
check (const char *place, guint d, guint m, guint y, const char *expected)
{
  g_autoptr (GDate) date = g_date_new_dmy (d, m, y);
  g_autofree gchar *line = td_official_date_line (place, date);

  g_assert_cmpstr (line, ==, expected);
}

static void
test_date_line (void)
{
  check ("Bình Phước", 5, 1, 2025, "Bình Phước, ngày 05 tháng 01 năm 2025");
  check ("Bình Phước", 28, 2, 2024, "Bình Phước, ngày 28 tháng 02 năm 2024");
  check ("Bình Định", 9, 3, 2022, "Bình Định, ngày 09 tháng 3 năm 2022");
  check ("Bắc Kạn", 10, 12, 2025, "Bắc Kạn, ngày 10 tháng 12 năm 2025");
  check (NULL, 1, 10, 2024, "Ngày 01 tháng 10 năm 2024");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/official/date-line", test_date_line);
  return g_test_run ();
}
