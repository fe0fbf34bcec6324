/* SPDX-License-Identifier: GPL-3.0-or-later */

/* td-lunar.c: the Vietnamese lunar calendar, derived from astronomy.
 *
 * The rules (see DOMAIN.md, "The calendar"): a month begins on the local
 * day (UTC+7, meridian 105° E) that contains the new moon; the month that
 * contains the winter solstice is month 11; when 13 months lie between two
 * months 11, the first of them after the earlier month 11 that contains no
 * principal solar term (sun longitude a multiple of 30°) is the leap month
 * and takes the number of the month before it.
 *
 * New moons follow Meeus, "Astronomical Algorithms", ch. 49 (true new moon
 * to some 15 s), and the sun's apparent longitude ch. 25 with VSOP87 (about
 * 1", some 25 s of the sun's motion).
 *
 * The astronomy runs once: the first call builds a table of every month
 * from lunar year TD_LUNAR_MIN_YEAR - 1 to TD_LUNAR_MAX_YEAR (about 2500
 * rows), and each conversion after that is a binary search or an index.
 */

#include "td-lunar.h"

#include <math.h>

#ifdef GETTEXT_PACKAGE
#include <glib/gi18n-lib.h>
#else
#define _(s) (s)
#endif

/* GDate counts days from 0001-01-01 (day 1); the Julian Day Number of
 * that day is 1721426, so the two differ by a constant. */
#define GDATE_TO_JDN 1721425

#define SYNODIC_MONTH 29.530588861
#define TIME_ZONE_DAYS (7.0 / 24.0)

/* The first lunar year with a day in range is the one whose months 11 and
 * 12 hold 1900-01-01; the last is the one holding 2100-12-31. */
#define FIRST_YEAR (TD_LUNAR_MIN_YEAR - 1)
#define LAST_YEAR TD_LUNAR_MAX_YEAR
#define N_YEARS (LAST_YEAR - FIRST_YEAR + 1)

typedef struct
{
  gint32 start; /* JDN of the month's first day */
  gint16 year;
  gint8 month;
  gint8 leap;
} Month;

typedef struct
{
  Month *months;
  guint n_months;
  guint year_first[N_YEARS]; /* index in months of month 1 of each year */
  gint leap_month[N_YEARS];
  gint32 min_jdn; /* the supported solar range, as JDN */
  gint32 max_jdn;
} Table;

G_DEFINE_QUARK (td - lunar - error - quark, td_lunar_error)

static double
deg_to_rad (double deg)
{
  return deg * (G_PI / 180.0);
}

static gint32
jdn_from_ymd (gint year, gint month, gint day)
{
  g_autoptr (GDate) date = g_date_new_dmy (day, month, year);

  return (gint32)g_date_get_julian (date) + GDATE_TO_JDN;
}

/* ΔT = TT − UT in seconds: the polynomials of Espenak and Meeus (NASA's
 * "Five Millennium Canon"), which cover the whole range we need.  An error
 * of a few seconds only matters for a new moon within seconds of local
 * midnight, where no calculation can be sure anyway (and after today ΔT is
 * a forecast, off by a minute or more by 2100). */
static double
delta_t_seconds (double jd)
{
  double y = 2000.0 + (jd - 2451544.5) / 365.2425;
  double t;

  if (y < 1900.0)
    {
      t = y - 1860.0;
      return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * pow (t, 3)
             - 0.0004473624 * pow (t, 4) + pow (t, 5) / 233174.0;
    }
  if (y < 1920.0)
    {
      t = y - 1900.0;
      return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * pow (t, 3)
             - 0.000197 * pow (t, 4);
    }
  if (y < 1941.0)
    {
      t = y - 1920.0;
      return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * pow (t, 3);
    }
  if (y < 1961.0)
    {
      t = y - 1950.0;
      return 29.07 + 0.407 * t - t * t / 233.0 + pow (t, 3) / 2547.0;
    }
  if (y < 1986.0)
    {
      t = y - 1975.0;
      return 45.45 + 1.067 * t - t * t / 260.0 - pow (t, 3) / 718.0;
    }
  if (y < 2005.0)
    {
      t = y - 2000.0;
      return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * pow (t, 3)
             + 0.000651814 * pow (t, 4) + 0.00002373599 * pow (t, 5);
    }
  if (y < 2050.0)
    {
      t = y - 2000.0;
      return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
  t = (y - 1820.0) / 100.0;
  return -20.0 + 32.0 * t * t - 0.5628 * (2150.0 - y);
}

/* Julian Ephemeris Day (TT) of true new moon number @k, where k = 0 is the
 * new moon of 2000-01-06 (Meeus 49.1 plus the periodic terms of ch. 49). */
static double
new_moon_jde (int k)
{
  double T = k / 1236.85;
  double T2 = T * T, T3 = T2 * T, T4 = T3 * T;
  double jde, E, M, Mp, F, Om, c, a;

  jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * T2 - 0.000000150 * T3 + 0.00000000073 * T4;
  E = 1.0 - 0.002516 * T - 0.0000074 * T2;
  M = deg_to_rad (2.5534 + 29.10535670 * k - 0.0000014 * T2 - 0.00000011 * T3);
  Mp = deg_to_rad (201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3
                   - 0.000000058 * T4);
  F = deg_to_rad (160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3
                  + 0.000000011 * T4);
  Om = deg_to_rad (124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3);

  c = -0.40720 * sin (Mp) + 0.17241 * E * sin (M) + 0.01608 * sin (2 * Mp) + 0.01039 * sin (2 * F)
      + 0.00739 * E * sin (Mp - M) - 0.00514 * E * sin (Mp + M) + 0.00208 * E * E * sin (2 * M)
      - 0.00111 * sin (Mp - 2 * F) - 0.00057 * sin (Mp + 2 * F) + 0.00056 * E * sin (2 * Mp + M)
      - 0.00042 * sin (3 * Mp) + 0.00042 * E * sin (M + 2 * F) + 0.00038 * E * sin (M - 2 * F)
      - 0.00024 * E * sin (2 * Mp - M) - 0.00017 * sin (Om) - 0.00007 * sin (Mp + 2 * M)
      + 0.00004 * sin (2 * Mp - 2 * F) + 0.00004 * sin (3 * M) + 0.00003 * sin (Mp + M - 2 * F)
      + 0.00003 * sin (2 * Mp + 2 * F) - 0.00003 * sin (Mp + M + 2 * F)
      + 0.00003 * sin (Mp - M + 2 * F) - 0.00002 * sin (Mp - M - 2 * F) - 0.00002 * sin (3 * Mp + M)
      + 0.00002 * sin (4 * Mp);

  /* The planetary arguments A1..A14 add up to about a minute. */
  a = 0.000325 * sin (deg_to_rad (299.77 + 0.107408 * k - 0.009173 * T2))
      + 0.000165 * sin (deg_to_rad (251.88 + 0.016321 * k))
      + 0.000164 * sin (deg_to_rad (251.83 + 26.651886 * k))
      + 0.000126 * sin (deg_to_rad (349.42 + 36.412478 * k))
      + 0.000110 * sin (deg_to_rad (84.66 + 18.206239 * k))
      + 0.000062 * sin (deg_to_rad (141.74 + 53.303771 * k))
      + 0.000060 * sin (deg_to_rad (207.14 + 2.453732 * k))
      + 0.000056 * sin (deg_to_rad (154.84 + 7.306860 * k))
      + 0.000047 * sin (deg_to_rad (34.52 + 27.261239 * k))
      + 0.000042 * sin (deg_to_rad (207.19 + 0.121824 * k))
      + 0.000040 * sin (deg_to_rad (291.34 + 1.844379 * k))
      + 0.000037 * sin (deg_to_rad (161.72 + 24.198154 * k))
      + 0.000035 * sin (deg_to_rad (239.56 + 25.513099 * k))
      + 0.000023 * sin (deg_to_rad (331.55 + 3.592518 * k));

  return jde + c + a;
}

/* The local (UTC+7) day, as JDN, that contains new moon number @k. */
static gint32
new_moon_day (int k)
{
  double jde = new_moon_jde (k);
  double jd_ut = jde - delta_t_seconds (jde) / 86400.0;

  return (gint32)floor (jd_ut + TIME_ZONE_DAYS + 0.5);
}

/* The Earth's heliocentric longitude and radius from VSOP87 as Meeus
 * prints it (Appendix III; the radius only to the precision aberration
 * needs).  Amplitudes are in 1e-8 rad or AU; each term is
 * A cos (B + C tau), tau in Julian millennia from J2000.0.
 *
 * Meeus' low-accuracy formula (0.01°, about a quarter of an hour) is not
 * enough: some principal terms fall within a minute of Vietnamese midnight
 * on the first day of a month (the September 1938 equinox, 25 s before it),
 * and which side they fall on decides the leap month. */
typedef struct
{
  double a, b, c;
} VsopTerm;

static const VsopTerm earth_l0[] = {
  { 175347046, 0, 0 },           { 3341656, 4.6692568, 6283.07585 },
  { 34894, 4.6261, 12566.1517 }, { 3497, 2.7441, 5753.3849 },
  { 3418, 2.8289, 3.5231 },      { 3136, 3.6277, 77713.7715 },
  { 2676, 4.4181, 7860.4194 },   { 2343, 6.1352, 3930.2097 },
  { 1324, 0.7425, 11506.7698 },  { 1273, 2.0371, 529.691 },
  { 1199, 1.1096, 1577.3435 },   { 990, 5.233, 5884.927 },
  { 902, 2.045, 26.298 },        { 857, 3.508, 398.149 },
  { 780, 1.179, 5223.694 },      { 753, 2.533, 5507.553 },
  { 505, 4.583, 18849.228 },     { 492, 4.205, 775.523 },
  { 357, 2.92, 0.067 },          { 317, 5.849, 11790.629 },
  { 284, 1.899, 796.298 },       { 271, 0.315, 10977.079 },
  { 243, 0.345, 5486.778 },      { 206, 4.806, 2544.314 },
  { 205, 1.869, 5573.143 },      { 202, 2.458, 6069.777 },
  { 156, 0.833, 213.299 },       { 132, 3.411, 2942.463 },
  { 126, 1.083, 20.775 },        { 115, 0.645, 0.98 },
  { 103, 0.636, 4694.003 },      { 102, 0.976, 15720.839 },
  { 102, 4.267, 7.114 },         { 99, 6.21, 2146.17 },
  { 98, 0.68, 155.42 },          { 86, 5.98, 161000.69 },
  { 85, 1.3, 6275.96 },          { 85, 3.67, 71430.7 },
  { 80, 1.81, 17260.15 },        { 79, 3.04, 12036.46 },
  { 75, 1.76, 5088.63 },         { 74, 3.5, 3154.69 },
  { 74, 4.68, 801.82 },          { 70, 0.83, 9437.76 },
  { 62, 3.98, 8827.39 },         { 61, 1.82, 7084.9 },
  { 57, 2.78, 6286.6 },          { 56, 4.39, 14143.5 },
  { 56, 3.47, 6279.55 },         { 52, 0.19, 12139.55 },
  { 52, 1.33, 1748.02 },         { 51, 0.28, 5856.48 },
  { 49, 0.49, 1194.45 },         { 41, 5.37, 8429.24 },
  { 41, 2.4, 19651.05 },         { 39, 6.17, 10447.39 },
  { 37, 6.04, 10213.29 },        { 37, 2.57, 1059.38 },
  { 36, 1.71, 2352.87 },         { 36, 1.78, 6812.77 },
  { 33, 0.59, 17789.85 },        { 30, 0.44, 83996.85 },
  { 30, 2.74, 1349.87 },         { 25, 3.16, 4690.48 },
};

static const VsopTerm earth_l1[] = {
  { 628331966747, 0, 0 },       { 206059, 2.678235, 6283.07585 },
  { 4303, 2.6351, 12566.1517 }, { 425, 1.59, 3.523 },
  { 119, 5.796, 26.298 },       { 109, 2.966, 1577.344 },
  { 93, 2.59, 18849.23 },       { 72, 1.14, 529.69 },
  { 68, 1.87, 398.15 },         { 67, 4.41, 5507.55 },
  { 59, 2.89, 5223.69 },        { 56, 2.17, 155.42 },
  { 45, 0.4, 796.3 },           { 36, 0.47, 775.52 },
  { 29, 2.65, 7.11 },           { 21, 5.34, 0.98 },
  { 19, 1.85, 5486.78 },        { 19, 4.97, 213.3 },
  { 17, 2.99, 6275.96 },        { 16, 0.03, 2544.31 },
  { 16, 1.43, 2146.17 },        { 15, 1.21, 10977.08 },
  { 12, 2.83, 1748.02 },        { 12, 3.26, 5088.63 },
  { 12, 5.27, 1194.45 },        { 12, 2.08, 4694.0 },
  { 11, 0.77, 553.57 },         { 10, 1.3, 6286.6 },
  { 10, 4.24, 1349.87 },        { 9, 2.7, 242.73 },
  { 9, 5.64, 951.72 },          { 8, 5.3, 2352.87 },
  { 6, 2.65, 9437.76 },         { 6, 4.67, 4690.48 },
};

static const VsopTerm earth_l2[] = {
  { 52919, 0, 0 },        { 8720, 1.0721, 6283.0758 }, { 309, 0.867, 12566.152 },
  { 27, 0.05, 3.52 },     { 16, 5.19, 26.3 },          { 16, 3.68, 155.42 },
  { 10, 0.76, 18849.23 }, { 9, 2.06, 77713.77 },       { 7, 0.83, 775.52 },
  { 5, 4.66, 1577.34 },   { 4, 1.03, 7.11 },           { 4, 3.44, 5573.14 },
  { 3, 5.14, 796.3 },     { 3, 6.05, 5507.55 },        { 3, 1.19, 242.73 },
  { 3, 6.12, 529.69 },    { 3, 0.31, 398.15 },         { 3, 2.28, 553.57 },
  { 2, 4.38, 5223.69 },   { 2, 3.75, 0.98 },
};

static const VsopTerm earth_l3[] = {
  { 289, 5.844, 6283.076 }, { 35, 0, 0 },         { 17, 5.49, 12566.15 }, { 3, 5.2, 155.42 },
  { 1, 4.72, 3.52 },        { 1, 5.3, 18849.23 }, { 1, 5.97, 242.73 },
};

static const VsopTerm earth_l4[] = {
  { 114, 3.142, 0 },
  { 8, 4.13, 6283.08 },
  { 1, 3.84, 12566.15 },
};

static const VsopTerm earth_l5[] = {
  { 1, 3.14, 0 },
};

static const VsopTerm earth_r0[] = {
  { 100013989, 0, 0 },
  { 1670700, 3.0984635, 6283.07585 },
  { 13956, 3.05525, 12566.1517 },
};

static double
vsop_sum (const VsopTerm *terms, gsize n_terms, double tau)
{
  double sum = 0.0;

  for (gsize i = 0; i < n_terms; i++)
    sum += terms[i].a * cos (terms[i].b + terms[i].c * tau);

  return sum;
}

#define VSOP_SUM(terms, tau) vsop_sum ((terms), G_N_ELEMENTS (terms), (tau))

/* Apparent geocentric longitude of the sun in degrees, [0, 360), at @jde
 * (Meeus ch. 25, "higher accuracy"): VSOP87 longitude turned round to the
 * geocentre, reduced to the FK5 frame, plus nutation in longitude (ch. 22,
 * to 0.5") and aberration. */
static double
sun_longitude (double jde)
{
  double tau = (jde - 2451545.0) / 365250.0;
  double T = tau * 10.0;
  double L, R, theta, omega, l_sun, l_moon, dpsi, lambda;

  L = (VSOP_SUM (earth_l0, tau)
       + tau
             * (VSOP_SUM (earth_l1, tau)
                + tau
                      * (VSOP_SUM (earth_l2, tau)
                         + tau
                               * (VSOP_SUM (earth_l3, tau)
                                  + tau
                                        * (VSOP_SUM (earth_l4, tau)
                                           + tau * VSOP_SUM (earth_l5, tau))))))
      / 1e8;
  R = VSOP_SUM (earth_r0, tau) / 1e8;

  theta = L * (180.0 / G_PI) + 180.0 - 0.09033 / 3600.0;

  omega = deg_to_rad (125.04452 - 1934.136261 * T);
  l_sun = deg_to_rad (280.4665 + 36000.7698 * T);
  l_moon = deg_to_rad (218.3165 + 481267.8813 * T);
  dpsi = (-17.20 * sin (omega) - 1.32 * sin (2 * l_sun) - 0.23 * sin (2 * l_moon)
          + 0.21 * sin (2 * omega))
         / 3600.0;

  lambda = fmod (theta + dpsi - 20.4898 / 3600.0 / R, 360.0);

  return lambda < 0 ? lambda + 360.0 : lambda;
}

/* Sun longitude at the local midnight that begins day @jdn. */
static double
sun_longitude_at_day_start (gint32 jdn)
{
  double jd_ut = jdn - 0.5 - TIME_ZONE_DAYS;

  return sun_longitude (jd_ut + delta_t_seconds (jd_ut) / 86400.0);
}

/* Which 30° sector the sun is in when day @jdn begins: a month holds a
 * principal term exactly when the sector changes between its first day
 * and the first day of the next month. */
static gint
sun_sector (gint32 jdn)
{
  return (gint)floor (sun_longitude_at_day_start (jdn) / 30.0);
}

/* Index in @days of month 11 of solar year @year: the month that contains
 * the December solstice.  @days holds consecutive month starts. */
static guint
find_month_11 (const gint32 *days, guint n_days, gint year)
{
  gint32 dec31 = jdn_from_ymd (year, 12, 31);
  guint i = 0;

  while (i + 1 < n_days && days[i + 1] <= dec31)
    i++;

  /* The month beginning on or before 31 December began after the solstice
   * when the sun was already past 270° at its start. */
  if (sun_longitude_at_day_start (days[i]) >= 270.0)
    i--;

  return i;
}

static Table *
table_build (void)
{
  Table *table = g_new0 (Table, 1);
  g_autoptr (GArray) months = g_array_new (FALSE, FALSE, sizeof (Month));
  g_autofree gint32 *days = NULL;
  g_autofree gint *sectors = NULL;
  gint32 first_jdn, last_jdn;
  int k0, k1;
  guint n_days;
  guint after_last = 0;

  /* The loop below needs month 11 of solar years FIRST_YEAR - 1 to
   * LAST_YEAR + 1; the extra month on each side keeps every search and
   * every "next month" inside the array. */
  first_jdn = jdn_from_ymd (FIRST_YEAR - 1, 10, 1);
  last_jdn = jdn_from_ymd (LAST_YEAR + 2, 2, 1);
  k0 = (int)floor ((first_jdn - 2451550.1) / SYNODIC_MONTH);
  k1 = (int)ceil ((last_jdn - 2451550.1) / SYNODIC_MONTH);
  n_days = (guint)(k1 - k0 + 1);
  days = g_new (gint32, n_days);
  sectors = g_new (gint, n_days);
  for (guint i = 0; i < n_days; i++)
    {
      days[i] = new_moon_day (k0 + (int)i);
      sectors[i] = sun_sector (days[i]);
    }

  /* One pass per solstice year, the months from one month 11 up to the
   * next: its first two months are 11 and 12 of lunar year @year - 1, the
   * rest months 1..10 of @year, and it may hold the leap month of either
   * (a leap 11th month, as in 2033, belongs to the earlier year). */
  for (gint year = FIRST_YEAR; year <= LAST_YEAR + 1; year++)
    {
      guint a11 = find_month_11 (days, n_days, year - 1);
      guint b11 = find_month_11 (days, n_days, year);
      guint n = b11 - a11;
      guint leap = 0;

      g_assert (n == 12 || n == 13);
      if (n == 13)
        {
          for (guint o = 1; o < n && leap == 0; o++)
            if (sectors[a11 + o] == sectors[a11 + o + 1])
              leap = o;
          g_assert (leap != 0);
        }

      for (guint o = 0; o < n; o++)
        {
          guint eff = (leap != 0 && o >= leap) ? o - 1 : o;
          Month m;

          m.start = days[a11 + o];
          m.month = (gint8)((10 + eff) % 12 + 1);
          m.year = (gint16)(eff < 2 ? year - 1 : year);
          m.leap = (o == leap && leap != 0);

          /* Drop the months of lunar years outside the table. */
          if (m.year < FIRST_YEAR || m.year > LAST_YEAR)
            continue;

          after_last = a11 + o + 1;
          if (m.month == 1 && !m.leap)
            table->year_first[m.year - FIRST_YEAR] = months->len;
          if (m.leap)
            table->leap_month[m.year - FIRST_YEAR] = m.month;
          g_array_append_val (months, m);
        }
    }

  /* A sentinel start makes the last month's length computable. */
  {
    Month end = {
      0,
    };

    end.start = days[after_last];
    end.year = LAST_YEAR + 1;
    end.month = 1;
    g_array_append_val (months, end);
  }

  table->n_months = months->len - 1;
  table->months = (Month *)(void *)g_array_free (g_steal_pointer (&months), FALSE);
  table->min_jdn = jdn_from_ymd (TD_LUNAR_MIN_YEAR, 1, 1);
  table->max_jdn = jdn_from_ymd (TD_LUNAR_MAX_YEAR, 12, 31);

  return table;
}

/* Built on first use and kept for the life of the process. */
static const Table *
get_table (void)
{
  static Table *table = NULL;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, table_build ());

  return table;
}

gboolean
td_lunar_from_solar (const GDate *solar, TdLunarDate *out)
{
  const Table *t;
  gint32 jdn;
  guint lo, hi;

  g_return_val_if_fail (solar != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!g_date_valid (solar))
    return FALSE;

  t = get_table ();
  jdn = (gint32)g_date_get_julian (solar) + GDATE_TO_JDN;
  if (jdn < t->min_jdn || jdn > t->max_jdn)
    return FALSE;

  /* The last month starting on or before @jdn. */
  lo = 0;
  hi = t->n_months;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (t->months[mid].start <= jdn)
        lo = mid;
      else
        hi = mid;
    }

  out->day = jdn - t->months[lo].start + 1;
  out->month = t->months[lo].month;
  out->year = t->months[lo].year;
  out->leap = t->months[lo].leap;

  return TRUE;
}

/* Index in the table of the given month, or -1 if it does not exist. */
static gint
month_index (const Table *t, gint lunar_year, gint month, gboolean leap)
{
  gint leap_month;
  guint i;

  if (lunar_year < FIRST_YEAR || lunar_year > LAST_YEAR || month < 1 || month > 12)
    return -1;

  leap_month = t->leap_month[lunar_year - FIRST_YEAR];
  if (leap && leap_month != month)
    return -1;

  i = t->year_first[lunar_year - FIRST_YEAR] + (guint)month - 1;
  if (leap_month != 0 && (month > leap_month || leap))
    i++;

  return (gint)i;
}

static gboolean
set_out_of_range_error (const TdLunarDate *lunar, GError **error)
{
  if (lunar->leap)
    g_set_error (error, TD_LUNAR_ERROR, TD_LUNAR_ERROR_OUT_OF_RANGE,
                 _ ("Lunar date %02d/%02d/%d (leap month) is outside the "
                    "supported range: solar dates 01/01/%d to 31/12/%d"),
                 lunar->day, lunar->month, lunar->year, TD_LUNAR_MIN_YEAR, TD_LUNAR_MAX_YEAR);
  else
    g_set_error (error, TD_LUNAR_ERROR, TD_LUNAR_ERROR_OUT_OF_RANGE,
                 _ ("Lunar date %02d/%02d/%d is outside the supported range: "
                    "solar dates 01/01/%d to 31/12/%d"),
                 lunar->day, lunar->month, lunar->year, TD_LUNAR_MIN_YEAR, TD_LUNAR_MAX_YEAR);
  return FALSE;
}

gboolean
td_lunar_to_solar (const TdLunarDate *lunar, GDate *out, GError **error)
{
  const Table *t;
  gint i, length;
  gint32 jdn;

  g_return_val_if_fail (lunar != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (lunar->month < 1 || lunar->month > 12)
    {
      g_set_error (error, TD_LUNAR_ERROR, TD_LUNAR_ERROR_INVALID_DATE,
                   _ ("Lunar month %d does not exist: months run from 1 to 12"), lunar->month);
      return FALSE;
    }
  if (lunar->day < 1 || lunar->day > 30)
    {
      g_set_error (error, TD_LUNAR_ERROR, TD_LUNAR_ERROR_INVALID_DATE,
                   _ ("Lunar day %d does not exist: days run from 1 to 30"), lunar->day);
      return FALSE;
    }
  if (lunar->year < FIRST_YEAR || lunar->year > LAST_YEAR)
    return set_out_of_range_error (lunar, error);

  t = get_table ();
  i = month_index (t, lunar->year, lunar->month, lunar->leap);
  if (i < 0)
    {
      gint leap_month = t->leap_month[lunar->year - FIRST_YEAR];

      /* Naming the month the year does double saves a look-up. */
      if (leap_month != 0)
        g_set_error (error, TD_LUNAR_ERROR, TD_LUNAR_ERROR_INVALID_DATE,
                     _ ("Lunar year %d has no leap month %d; its leap month is %d"), lunar->year,
                     lunar->month, leap_month);
      else
        g_set_error (error, TD_LUNAR_ERROR, TD_LUNAR_ERROR_INVALID_DATE,
                     _ ("Lunar year %d has no leap month %d"), lunar->year, lunar->month);
      return FALSE;
    }

  length = t->months[i + 1].start - t->months[i].start;
  if (lunar->day > length)
    {
      if (lunar->leap)
        g_set_error (error, TD_LUNAR_ERROR, TD_LUNAR_ERROR_INVALID_DATE,
                     _ ("Leap lunar month %d of %d has %d days"), lunar->month, lunar->year,
                     length);
      else
        g_set_error (error, TD_LUNAR_ERROR, TD_LUNAR_ERROR_INVALID_DATE,
                     _ ("Lunar month %d of %d has %d days"), lunar->month, lunar->year, length);
      return FALSE;
    }

  jdn = t->months[i].start + lunar->day - 1;
  if (jdn < t->min_jdn || jdn > t->max_jdn)
    return set_out_of_range_error (lunar, error);

  g_date_clear (out, 1);
  g_date_set_julian (out, (guint32)(jdn - GDATE_TO_JDN));

  return TRUE;
}

gint
td_lunar_leap_month (gint lunar_year)
{
  if (lunar_year < FIRST_YEAR || lunar_year > LAST_YEAR)
    return 0;

  return get_table ()->leap_month[lunar_year - FIRST_YEAR];
}

gint
td_lunar_month_length (gint lunar_year, gint month, gboolean leap)
{
  const Table *t = get_table ();
  gint i = month_index (t, lunar_year, month, leap);

  if (i < 0)
    return 0;

  return t->months[i + 1].start - t->months[i].start;
}

gchar *
td_lunar_year_name (gint lunar_year)
{
  static const char *const stems[10] = {
    "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
  };
  static const char *const branches[12] = {
    "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
  };
  /* Keep the remainders non-negative for years before the common era. */
  gint stem = ((lunar_year + 6) % 10 + 10) % 10;
  gint branch = ((lunar_year + 8) % 12 + 12) % 12;

  return g_strdup_printf ("%s %s", stems[stem], branches[branch]);
}

gchar *
td_lunar_format (const TdLunarDate *d)
{
  g_return_val_if_fail (d != NULL, NULL);

  return g_strdup_printf ("%02d/%02d%s", d->day, d->month, d->leap ? " nhuận" : "");
}
