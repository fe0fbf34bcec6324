/* SPDX-License-Identifier: GPL-3.0-or-later */

/* td-lunar.h: the Vietnamese lunar calendar (âm lịch), computed for UTC+7.
 *
 * Lunar holidays (Tết, Giỗ Tổ Hùng Vương, Mid-autumn …) move against the
 * solar calendar, so the app converts both ways.  The calendar is derived
 * from the astronomy of new moons and solar terms, not from a table, and is
 * supported for every solar day from 1900-01-01 to 2100-12-31.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TD_LUNAR_MIN_YEAR 1900
#define TD_LUNAR_MAX_YEAR 2100

#define TD_LUNAR_ERROR (td_lunar_error_quark ())

typedef enum
{
  TD_LUNAR_ERROR_OUT_OF_RANGE, /* outside the supported solar range */
  TD_LUNAR_ERROR_INVALID_DATE, /* no such lunar day, month or leap month */
} TdLunarError;

typedef struct
{
  gint day;      /* 1..30 */
  gint month;    /* 1..12 */
  gint year;     /* lunar year number (the solar year in which its Tết falls) */
  gboolean leap; /* TRUE in a leap (nhuận) month */
} TdLunarDate;

GQuark td_lunar_error_quark (void);

/* FALSE if @solar is invalid or outside TD_LUNAR_MIN_YEAR..TD_LUNAR_MAX_YEAR. */
gboolean td_lunar_from_solar (const GDate *solar, TdLunarDate *out);

/* Fails with TD_LUNAR_ERROR_INVALID_DATE when the lunar date does not exist
 * (day 30 of a 29-day month, a leap month the year does not have …) and with
 * TD_LUNAR_ERROR_OUT_OF_RANGE when its solar day is outside the supported
 * range. */
gboolean td_lunar_to_solar (const TdLunarDate *lunar, GDate *out, GError **error);

/* The year-level queries answer for every lunar year that has a day in the
 * supported solar range (TD_LUNAR_MIN_YEAR - 1 .. TD_LUNAR_MAX_YEAR). */

/* 0 if @lunar_year has no leap month, else the number of the doubled month
 * (the leap month follows the ordinary month of the same number). */
gint td_lunar_leap_month (gint lunar_year);

/* 29 or 30; 0 if there is no such month. */
gint td_lunar_month_length (gint lunar_year, gint month, gboolean leap);

/* Can Chi name of the year, e.g. "Ất Tỵ" for 2025.  Free with g_free(). */
gchar *td_lunar_year_name (gint lunar_year);

/* "dd/mm", plus " nhuận" in a leap month, e.g. "01/06 nhuận".  Free with
 * g_free(). */
gchar *td_lunar_format (const TdLunarDate *d);

G_END_DECLS
