/* SPDX-License-Identifier: GPL-3.0-or-later */

/* test-lunar.c: checks the Vietnamese lunar calendar (td-lunar) against
 * dates everyone in Vietnam knows, against the places where Vietnam's UTC+7
 * calendar parts from China's UTC+8 one, and against its own invariants
 * over the whole supported range. */

#include <glib.h>

#include "td-lunar.h"

typedef struct
{
  gint solar_day, solar_month, solar_year;
  gint day, month, year;
  gboolean leap;
} Pair;

static void
assert_pair (const Pair *p)
{
  g_autoptr (GDate) solar = g_date_new_dmy (p->solar_day, p->solar_month, p->solar_year);
  TdLunarDate lunar = {
    0,
  };
  TdLunarDate wanted = { p->day, p->month, p->year, p->leap };
  GDate back;
  g_autoptr (GError) error = NULL;

  g_test_message ("%02d/%02d/%d = %d/%d/%d%s", p->solar_day, p->solar_month, p->solar_year, p->day,
                  p->month, p->year, p->leap ? " (leap)" : "");

  g_assert_true (td_lunar_from_solar (solar, &lunar));
  g_assert_cmpint (lunar.day, ==, p->day);
  g_assert_cmpint (lunar.month, ==, p->month);
  g_assert_cmpint (lunar.year, ==, p->year);
  g_assert_cmpint (lunar.leap, ==, p->leap);

  g_assert_true (td_lunar_to_solar (&wanted, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&back, solar), ==, 0);
}

/* The check pairs of DOMAIN.md, "The calendar". */
static void
test_domain_pairs (void)
{
  static const Pair pairs[] = {
    { 10, 2, 2024, 1, 1, 2024, FALSE }, /* Tết Giáp Thìn */
    { 29, 1, 2025, 1, 1, 2025, FALSE }, /* Tết Ất Tỵ */
    { 17, 2, 2026, 1, 1, 2026, FALSE }, /* Tết Bính Ngọ */
    { 7, 4, 2025, 10, 3, 2025, FALSE }, /* Giỗ Tổ Hùng Vương 2025 */
    { 25, 7, 2025, 1, 6, 2025, TRUE },  /* first day of the leap 6th month */
    { 23, 8, 2025, 1, 7, 2025, FALSE }, { 1, 1, 2024, 20, 11, 2023, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    assert_pair (&pairs[i]);
}

/* Tết Nguyên đán of years where the Vietnamese and Chinese calendars agree,
 * plus lunar holidays of recent years printed on every Vietnamese calendar. */
static void
test_known_dates (void)
{
  static const Pair pairs[] = {
    { 31, 1, 1900, 1, 1, 1900, FALSE },   { 5, 2, 2000, 1, 1, 2000, FALSE },
    { 24, 1, 2001, 1, 1, 2001, FALSE },   { 12, 2, 2002, 1, 1, 2002, FALSE },
    { 1, 2, 2003, 1, 1, 2003, FALSE },    { 22, 1, 2004, 1, 1, 2004, FALSE },
    { 9, 2, 2005, 1, 1, 2005, FALSE },    { 29, 1, 2006, 1, 1, 2006, FALSE },
    { 7, 2, 2008, 1, 1, 2008, FALSE },    { 26, 1, 2009, 1, 1, 2009, FALSE },
    { 14, 2, 2010, 1, 1, 2010, FALSE },   { 3, 2, 2011, 1, 1, 2011, FALSE },
    { 23, 1, 2012, 1, 1, 2012, FALSE },   { 10, 2, 2013, 1, 1, 2013, FALSE },
    { 31, 1, 2014, 1, 1, 2014, FALSE },   { 19, 2, 2015, 1, 1, 2015, FALSE },
    { 8, 2, 2016, 1, 1, 2016, FALSE },    { 28, 1, 2017, 1, 1, 2017, FALSE },
    { 16, 2, 2018, 1, 1, 2018, FALSE },   { 5, 2, 2019, 1, 1, 2019, FALSE },
    { 25, 1, 2020, 1, 1, 2020, FALSE },   { 12, 2, 2021, 1, 1, 2021, FALSE },
    { 1, 2, 2022, 1, 1, 2022, FALSE },    { 22, 1, 2023, 1, 1, 2023, FALSE },
    { 6, 2, 2027, 1, 1, 2027, FALSE },    { 26, 1, 2028, 1, 1, 2028, FALSE },
    { 18, 4, 2024, 10, 3, 2024, FALSE },  /* Giỗ Tổ 2024 */
    { 17, 9, 2024, 15, 8, 2024, FALSE },  /* Tết Trung thu 2024 */
    { 6, 10, 2025, 15, 8, 2025, FALSE },  /* Tết Trung thu 2025 */
    { 6, 9, 2025, 15, 7, 2025, FALSE },   /* Vu Lan 2025 */
    { 22, 1, 2025, 23, 12, 2024, FALSE }, /* Ông Táo, year of Giáp Thìn */
    { 1, 1, 1900, 1, 12, 1899, FALSE },   /* the first supported day */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    assert_pair (&pairs[i]);
}

/* Years where UTC+7 moves a new moon to the day before the Chinese one
 * (UTC+8): the Vietnamese Tết comes earlier. */
static void
test_vietnam_not_china (void)
{
  static const Pair pairs[] = {
    /* 1968: new moon at 23:29 in Hanoi; the South, on UTC+8, celebrated on
     * 30/01, which is how Tết Mậu Thân came to have two dates. */
    { 29, 1, 1968, 1, 1, 1968, FALSE },
    { 30, 1, 1968, 2, 1, 1968, FALSE },
    /* 1985: month 11 of 1984 differs, so Tết is a whole month earlier than
     * China's (20/02/1985) and the leap month moves into 1985. */
    { 21, 1, 1985, 1, 1, 1985, FALSE },
    { 20, 2, 1985, 1, 2, 1985, FALSE },
    /* 2007: new moon at 23:14 in Hanoi; China's Tết was 18/02/2007. */
    { 17, 2, 2007, 1, 1, 2007, FALSE },
    { 18, 2, 2007, 2, 1, 2007, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    assert_pair (&pairs[i]);

  g_assert_cmpint (td_lunar_leap_month (1984), ==, 0);
  g_assert_cmpint (td_lunar_leap_month (1985), ==, 2);
}

static void
test_leap_months (void)
{
  static const struct
  {
    gint year;
    gint leap_month;
  } years[] = {
    { 2001, 4 },
    { 2004, 2 },
    { 2006, 7 },
    { 2009, 5 },
    { 2012, 4 },
    { 2014, 9 },
    { 2017, 6 },
    { 2020, 4 },
    { 2023, 2 },
    { 2025, 6 },
    { 2028, 5 },
    /* The rare leap 11th month, between the solstices of 2033 and 2034. */
    { 2033, 11 },
    { 2021, 0 },
    { 2022, 0 },
    { 2024, 0 },
    { 2026, 0 },
    { 2027, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_test_message ("%d", years[i].year);
      g_assert_cmpint (td_lunar_leap_month (years[i].year), ==, years[i].leap_month);
    }

  /* Out of range answers "none" rather than guessing. */
  g_assert_cmpint (td_lunar_leap_month (TD_LUNAR_MIN_YEAR - 2), ==, 0);
  g_assert_cmpint (td_lunar_leap_month (TD_LUNAR_MAX_YEAR + 1), ==, 0);
}

/* Every supported solar day converts to a lunar date and back to itself,
 * and consecutive days step through the lunar calendar without gaps. */
static void
test_round_trip (void)
{
  g_autoptr (GDate) day = g_date_new_dmy (1, 1, TD_LUNAR_MIN_YEAR);
  g_autoptr (GDate) last = g_date_new_dmy (31, 12, TD_LUNAR_MAX_YEAR);
  TdLunarDate prev = {
    0,
  };
  guint n = 0;

  for (; g_date_compare (day, last) <= 0; g_date_add_days (day, 1), n++)
    {
      TdLunarDate lunar;
      GDate back;
      g_autoptr (GError) error = NULL;

      if (!td_lunar_from_solar (day, &lunar))
        g_error ("no lunar date for Julian day %u", g_date_get_julian (day));
      if (!td_lunar_to_solar (&lunar, &back, &error))
        g_error ("%u: %s", g_date_get_julian (day), error->message);
      g_assert_cmpint (g_date_compare (&back, day), ==, 0);

      g_assert_cmpint (lunar.day, >=, 1);
      g_assert_cmpint (lunar.day, <=, 30);
      g_assert_cmpint (lunar.month, >=, 1);
      g_assert_cmpint (lunar.month, <=, 12);

      if (n > 0 && lunar.day != 1)
        {
          g_assert_cmpint (lunar.day, ==, prev.day + 1);
          g_assert_cmpint (lunar.month, ==, prev.month);
          g_assert_cmpint (lunar.year, ==, prev.year);
          g_assert_cmpint (lunar.leap, ==, prev.leap);
        }
      else if (n > 0)
        {
          g_assert_cmpint (prev.day, >=, 29);
          if (lunar.leap)
            {
              /* A leap month repeats the month before it. */
              g_assert_cmpint (lunar.month, ==, prev.month);
              g_assert_cmpint (lunar.year, ==, prev.year);
              g_assert_false (prev.leap);
            }
          else if (prev.month == 12)
            {
              g_assert_cmpint (lunar.month, ==, 1);
              g_assert_cmpint (lunar.year, ==, prev.year + 1);
            }
          else
            {
              g_assert_cmpint (lunar.month, ==, prev.month + 1);
              g_assert_cmpint (lunar.year, ==, prev.year);
            }
        }
      prev = lunar;
    }

  /* 1900-01-01 .. 2100-12-31 */
  g_assert_cmpuint (n, ==, 73414);
}

/* Loops over two centuries name the year that broke a rule instead of
 * printing every year they pass. */
#define CHECK_YEAR(year, cond)                                                                     \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (!(cond))                                                                                   \
      {                                                                                            \
        g_test_fail_printf ("lunar year %d: %s", (year), #cond);                                   \
        return;                                                                                    \
      }                                                                                            \
  }                                                                                                \
  G_STMT_END

/* Months have 29 or 30 days; a year with a leap month has 13 months and
 * 383–385 days, a common one 12 months and 353–355 days; the months of a
 * year add up to the days from its Tết to the next one. */
static void
test_month_lengths (void)
{
  guint n_leap_years = 0;

  for (gint year = TD_LUNAR_MIN_YEAR - 1; year <= TD_LUNAR_MAX_YEAR; year++)
    {
      gint leap = td_lunar_leap_month (year);
      gint n_months = 0;
      gint n_days = 0;

      CHECK_YEAR (year, leap >= 0 && leap <= 12);

      for (gint month = 1; month <= 12; month++)
        {
          gint length = td_lunar_month_length (year, month, FALSE);

          CHECK_YEAR (year, length == 29 || length == 30);
          n_months++;
          n_days += length;

          length = td_lunar_month_length (year, month, TRUE);
          if (month == leap)
            {
              CHECK_YEAR (year, length == 29 || length == 30);
              n_months++;
              n_days += length;
            }
          else
            CHECK_YEAR (year, length == 0);
        }

      if (leap != 0)
        {
          n_leap_years++;
          CHECK_YEAR (year, n_months == 13);
          CHECK_YEAR (year, n_days >= 383 && n_days <= 385);
        }
      else
        {
          CHECK_YEAR (year, n_months == 12);
          CHECK_YEAR (year, n_days >= 353 && n_days <= 355);
        }

      if (year >= TD_LUNAR_MIN_YEAR && year < TD_LUNAR_MAX_YEAR)
        {
          TdLunarDate tet = { 1, 1, year, FALSE };
          TdLunarDate next_tet = { 1, 1, year + 1, FALSE };
          GDate a, b;

          CHECK_YEAR (year, td_lunar_to_solar (&tet, &a, NULL));
          CHECK_YEAR (year, td_lunar_to_solar (&next_tet, &b, NULL));
          CHECK_YEAR (year, g_date_days_between (&a, &b) == n_days);
        }
    }

  /* 7 leap months in 19 years (the Metonic cycle): 202 years hold 74 or 75. */
  g_assert_cmpuint (n_leap_years, >=, 74);
  g_assert_cmpuint (n_leap_years, <=, 75);

  g_assert_cmpint (td_lunar_month_length (2025, 2, FALSE), ==, 29);
  g_assert_cmpint (td_lunar_month_length (2025, 6, TRUE), ==, 29);
  g_assert_cmpint (td_lunar_month_length (2025, 0, FALSE), ==, 0);
  g_assert_cmpint (td_lunar_month_length (2025, 13, FALSE), ==, 0);
  g_assert_cmpint (td_lunar_month_length (TD_LUNAR_MAX_YEAR + 1, 1, FALSE), ==, 0);
}

/* Tết always falls between 21 January and 20 February. */
static void
test_tet_window (void)
{
  for (gint year = TD_LUNAR_MIN_YEAR; year <= TD_LUNAR_MAX_YEAR; year++)
    {
      TdLunarDate tet = { 1, 1, year, FALSE };
      GDate date;
      g_autoptr (GDate) earliest = g_date_new_dmy (21, 1, year);
      g_autoptr (GDate) latest = g_date_new_dmy (20, 2, year);

      CHECK_YEAR (year, td_lunar_to_solar (&tet, &date, NULL));
      CHECK_YEAR (year, g_date_compare (&date, earliest) >= 0);
      CHECK_YEAR (year, g_date_compare (&date, latest) <= 0);
    }
}

static void
test_year_names (void)
{
  static const struct
  {
    gint year;
    const char *name;
  } names[] = {
    { 1900, "Canh Tý" },   { 1930, "Canh Ngọ" }, { 1945, "Ất Dậu" },    { 1954, "Giáp Ngọ" },
    { 1968, "Mậu Thân" },  { 1975, "Ất Mão" },   { 2000, "Canh Thìn" }, { 2023, "Quý Mão" },
    { 2024, "Giáp Thìn" }, { 2025, "Ất Tỵ" },    { 2026, "Bính Ngọ" },  { 2100, "Canh Thân" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree gchar *name = td_lunar_year_name (names[i].year);

      g_assert_cmpstr (name, ==, names[i].name);
      g_assert_true (g_utf8_validate (name, -1, NULL));
    }
}

static void
assert_to_solar_error (gint day, gint month, gint year, gboolean leap, gint code,
                       const char *message)
{
  TdLunarDate lunar = { day, month, year, leap };
  GDate out;
  g_autoptr (GError) error = NULL;

  g_assert_false (td_lunar_to_solar (&lunar, &out, &error));
  g_assert_error (error, TD_LUNAR_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_to_solar_errors (void)
{
  assert_to_solar_error (30, 2, 2025, FALSE, TD_LUNAR_ERROR_INVALID_DATE,
                         "Lunar month 2 of 2025 has 29 days");
  assert_to_solar_error (30, 6, 2025, TRUE, TD_LUNAR_ERROR_INVALID_DATE,
                         "Leap lunar month 6 of 2025 has 29 days");
  assert_to_solar_error (1, 6, 2024, TRUE, TD_LUNAR_ERROR_INVALID_DATE,
                         "Lunar year 2024 has no leap month 6");
  assert_to_solar_error (1, 5, 2025, TRUE, TD_LUNAR_ERROR_INVALID_DATE,
                         "Lunar year 2025 has no leap month 5; its leap month is 6");
  assert_to_solar_error (1, 13, 2025, FALSE, TD_LUNAR_ERROR_INVALID_DATE,
                         "Lunar month 13 does not exist: months run from 1 to 12");
  assert_to_solar_error (0, 1, 2025, FALSE, TD_LUNAR_ERROR_INVALID_DATE,
                         "Lunar day 0 does not exist: days run from 1 to 30");
  assert_to_solar_error (1, 1, 1899, FALSE, TD_LUNAR_ERROR_OUT_OF_RANGE,
                         "Lunar date 01/01/1899 is outside the supported range: "
                         "solar dates 01/01/1900 to 31/12/2100");
  assert_to_solar_error (1, 1, 2101, FALSE, TD_LUNAR_ERROR_OUT_OF_RANGE,
                         "Lunar date 01/01/2101 is outside the supported range: "
                         "solar dates 01/01/1900 to 31/12/2100");

  /* A NULL error is allowed. */
  {
    TdLunarDate lunar = { 30, 2, 2025, FALSE };
    GDate out;

    g_assert_false (td_lunar_to_solar (&lunar, &out, NULL));
  }
}

static void
test_range (void)
{
  static const struct
  {
    gint day, month, year;
    gboolean supported;
  } days[] = {
    { 31, 12, 1899, FALSE },
    { 1, 1, 1900, TRUE },
    { 31, 12, 2100, TRUE },
    { 1, 1, 2101, FALSE },
  };
  TdLunarDate lunar;
  GDate invalid;

  for (gsize i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (GDate) date = g_date_new_dmy (days[i].day, days[i].month, days[i].year);

      g_assert_cmpint (td_lunar_from_solar (date, &lunar), ==, days[i].supported);
    }

  g_date_clear (&invalid, 1);
  g_assert_false (td_lunar_from_solar (&invalid, &lunar));
}

static void
test_format (void)
{
  static const struct
  {
    TdLunarDate date;
    const char *text;
  } cases[] = {
    { { 1, 6, 2025, TRUE }, "01/06 nhuận" }, { { 1, 6, 2025, FALSE }, "01/06" },
    { { 20, 11, 2023, FALSE }, "20/11" },    { { 30, 12, 2024, FALSE }, "30/12" },
    { { 15, 8, 2025, FALSE }, "15/08" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *text = td_lunar_format (&cases[i].date);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lunar/domain-pairs", test_domain_pairs);
  g_test_add_func ("/lunar/known-dates", test_known_dates);
  g_test_add_func ("/lunar/vietnam-not-china", test_vietnam_not_china);
  g_test_add_func ("/lunar/leap-months", test_leap_months);
  g_test_add_func ("/lunar/round-trip", test_round_trip);
  g_test_add_func ("/lunar/month-lengths", test_month_lengths);
  g_test_add_func ("/lunar/tet-window", test_tet_window);
  g_test_add_func ("/lunar/year-names", test_year_names);
  g_test_add_func ("/lunar/to-solar-errors", test_to_solar_errors);
  g_test_add_func ("/lunar/range", test_range);
  g_test_add_func ("/lunar/format", test_format);

  return g_test_run ();
}
