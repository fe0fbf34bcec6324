/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates typed by people and read from files: nothing wraps round (257/1 was
 * 1/1, a year of -1975 was 63561, 54 was the year 54), every refusal says
 * what is wrong, and the old entry points follow the same rules. */
#include "td-calendar.h"
#include "td-date.h"
#include "td-db.h"
#include "td-registry.h"

#include <locale.h>
#include <string.h>

static void
assert_date (const char *text, guint d, guint m, guint y)
{
  g_autoptr (GError) error = NULL;
  GDate date;

  g_assert_true (td_date_parse (text, TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_day (&date), ==, d);
  g_assert_cmpuint (g_date_get_month (&date), ==, m);
  g_assert_cmpuint (g_date_get_year (&date), ==, y);
}

static void
assert_refused (const char *text, const char *why)
{
  g_autoptr (GError) error = NULL;
  GDate date;

  g_assert_false (td_date_parse (text, TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, &date, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_false (g_date_valid (&date));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, why) == NULL)
    g_error ("“%s”: “%s” does not say “%s”", text, error->message, why);
  /* The older entry points refuse it too. */
  g_assert_false (td_calendar_parse_dmy (text, &date));
  g_assert_false (td_date_from_display (text, &date));
}

static void
test_accepted (void)
{
  assert_date ("30/04/1975", 30, 4, 1975);
  assert_date ("7/5/1954", 7, 5, 1954);
  assert_date (" 01.07.2025 ", 1, 7, 2025);
  assert_date ("2-9-1945", 2, 9, 1945);
  assert_date ("29/2/2024", 29, 2, 2024);
  assert_date ("1/1/1900", 1, 1, 1900);
  assert_date ("31/12/2100", 31, 12, 2100);
}

static void
test_refused (void)
{
  assert_refused ("257/1/2024", "dd/mm/yyyy");
  assert_refused ("4294967327/1/2024", "dd/mm/yyyy");
  assert_refused ("30/4/-1975", "year in full");
  assert_refused ("07/5/54", "year in full");
  assert_refused ("1/1/19750", "year in full");
  assert_refused ("31/12/1899", "from 1900 to 2100");
  assert_refused ("1/1/2101", "from 1900 to 2100");
  assert_refused ("31/6/2024", "month 6 of 2024 has 30 days");
  assert_refused ("29/2/2023", "month 2 of 2023 has 28 days");
  assert_refused ("0/1/2024", "has 31 days");
  assert_refused ("1/13/2024", "no month 13");
  assert_refused ("1/0/2024", "no month 0");
  assert_refused ("30/6-2024", "dd/mm/yyyy");
  assert_refused ("30/6/2024x", "dd/mm/yyyy");
  assert_refused ("30/6", "dd/mm/yyyy");
  assert_refused ("", "dd/mm/yyyy");
  assert_refused ("+1/1/2024", "dd/mm/yyyy");
  assert_refused ("１/1/2024", "dd/mm/yyyy"); /* full-width digit */
  assert_refused ("1/1/20\xff", "year in full");
}

static void
test_other_years (void)
{
  g_autoptr (GError) error = NULL;
  GDate date;

  /* A field may allow other years (a leader born in 1890). */
  g_assert_true (td_date_parse ("19/5/1890", 1800, 2100, &date, &error));
  g_assert_false (td_date_parse ("19/5/1890", 2000, 2100, &date, &error));
  g_assert_nonnull (strstr (error->message, "from 2000 to 2100"));
}

static void
test_iso (void)
{
  GDate date;

  g_assert_true (td_date_parse_iso ("2024-06-01", &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 1);
  g_assert_true (td_date_parse_iso ("1890-05-19T08:00:00", &date));
  g_assert_true (td_date_from_iso ("2024-02-29", &date));
  g_assert_false (td_date_parse_iso ("-197-01-01", &date));
  g_assert_false (td_date_parse_iso ("2024-13-01", &date));
  g_assert_false (td_date_parse_iso ("2023-02-29", &date));
  g_assert_false (td_date_parse_iso ("2024-06-001", &date));
  g_assert_false (td_date_parse_iso ("20240-06-01", &date));
  g_assert_false (td_date_parse_iso ("2024-06-01x", &date));
  g_assert_false (td_date_parse_iso (NULL, &date));
  g_assert_false (td_date_from_iso ("0000-01-01", &date));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/accepted", test_accepted);
  g_test_add_func ("/date/refused", test_refused);
  g_test_add_func ("/date/other-years", test_other_years);
  g_test_add_func ("/date/iso", test_iso);
  return g_test_run ();
}
