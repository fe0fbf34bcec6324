/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Commemorations: the shipped list (data/events.tsv), where an event falls
 * in a year, and what makes an event the clerk types valid.
 *
 * A day is listed from the first year it was observed: the event it
 * recalls (Ngày Pháp luật recalls the constitution of 09/11/1946) may be
 * far older than the day itself (instituted by a law in force from 2013),
 * and a calendar of 2012 must not show a day that did not exist yet. */
#include "config.h"

#include "td-enum.h"
#include "td-calendar-private.h"
#include "td-lunar.h"

#include <glib/gi18n-lib.h>

/* Shipped events ----------------------------------------------------------- */

static gboolean
parse_int_field (const char *text, gint min, gint max, gint *out)
{
  gint64 v;
  char *end = NULL;

  v = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || v < min || v > max)
    return FALSE;
  *out = (gint)v;
  return TRUE;
}

/* The words the events file and the event table use, by enum value. */
static const char *anniversary_names[] = { "every", "round", "leader", "none" };
static const char *kind_names[] = { "national", "local", "unit" };

TD_ENUM_DEFINE_IDS (TdAnniversaryRule, td_anniversary_to_string, td_anniversary_from_string,
                    anniversary_names);
TD_ENUM_DEFINE_IDS (TdEventKind, td_event_kind_to_string, td_event_kind_from_string, kind_names);

/* The columns of events.tsv, found by the names on its first line, so a
 * column may be added without breaking an older reader's file. */
enum
{
  COL_KEY,
  COL_KIND,
  COL_CALENDAR,
  COL_DAY,
  COL_MONTH,
  COL_YEAR,
  COL_SINCE,
  COL_ANNIVERSARY,
  COL_GREAT,
  COL_NAME,
  COL_YEAR_LABEL,
  N_COLS
};

static const char *column_names[N_COLS] = {
  "key",   "kind",        "calendar", "day",  "month",      "year",
  "since", "anniversary", "great",    "name", "year_label",
};

static gboolean
column_optional (guint col)
{
  return col == COL_SINCE || col == COL_YEAR_LABEL;
}

static gboolean
read_header (const char *line, gint *index, const char *path, GError **error)
{
  g_auto (GStrv) names = g_strsplit (line, "\t", -1);

  for (guint c = 0; c < N_COLS; c++)
    {
      index[c] = -1;
      for (guint i = 0; names[i] != NULL; i++)
        if (g_strcmp0 (g_strstrip (names[i]), column_names[c]) == 0)
          index[c] = (gint)i;
      if (index[c] < 0 && !column_optional (c))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("The events file “%s” has no column “%s”. Reinstall Thi Đua."), path,
                       column_names[c]);
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
field (GStrv f, guint n, const gint *index, guint col)
{
  return index[col] >= 0 && (guint)index[col] < n ? f[index[col]] : "";
}

static gboolean
read_event (GStrv f, const gint *index, TdEvent *event)
{
  guint n = g_strv_length (f);
  const char *calendar = field (f, n, index, COL_CALENDAR);
  const char *since = field (f, n, index, COL_SINCE);
  gint great = 0;

  if (!td_event_kind_from_string (field (f, n, index, COL_KIND), &event->kind)
      || (g_strcmp0 (calendar, "solar") != 0 && g_strcmp0 (calendar, "lunar") != 0)
      || !parse_int_field (field (f, n, index, COL_DAY), 1, 31, &event->day)
      || !parse_int_field (field (f, n, index, COL_MONTH), 1, 12, &event->month)
      || !parse_int_field (field (f, n, index, COL_YEAR), 0, 2100, &event->year)
      || (*since != '\0' && !parse_int_field (since, 0, 2100, &event->since))
      || !td_anniversary_from_string (field (f, n, index, COL_ANNIVERSARY), &event->rule)
      || !parse_int_field (field (f, n, index, COL_GREAT), 0, 1, &great)
      || *field (f, n, index, COL_KEY) == '\0' || *field (f, n, index, COL_NAME) == '\0')
    return FALSE;
  /* A day is observed at the earliest from the event it recalls. */
  if (event->since > 0 && event->year > 0 && event->since < event->year)
    return FALSE;
  event->key = g_strdup (field (f, n, index, COL_KEY));
  event->lunar = g_strcmp0 (calendar, "lunar") == 0;
  event->great = great != 0;
  event->name = g_strdup (field (f, n, index, COL_NAME));
  if (*field (f, n, index, COL_YEAR_LABEL) != '\0')
    event->year_label = g_strdup (field (f, n, index, COL_YEAR_LABEL));
  return TRUE;
}

GPtrArray *
td_calendar_load_events_file (const char *path, GError **error)
{
  g_autofree gchar *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)td_event_free);
  gboolean header_seen = FALSE;
  gint index[N_COLS];

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = NULL;
      g_autoptr (TdEvent) event = td_event_new ();
      char *line = lines[i];

      g_strchomp (line);
      if (line[0] == '\0' || line[0] == '#')
        continue;
      if (!header_seen)
        {
          if (!read_header (line, index, path, error))
            return NULL;
          header_seen = TRUE;
          continue;
        }
      f = g_strsplit (line, "\t", -1);
      if (!read_event (f, index, event))
        {
          g_set_error (
              error, TD_ERROR, TD_ERROR_INVALID,
              _ ("Line %u of the events file “%s” is not valid: each line needs a key, kind, "
                 "calendar, day, month, year, anniversary rule, great (0 or 1) and name, "
                 "separated by tabs, and a first year observed (since) not before the "
                 "year. Reinstall Thi Đua."),
              i + 1, path);
          return NULL;
        }
      g_ptr_array_add (events, g_steal_pointer (&event));
    }
  return g_steal_pointer (&events);
}

GPtrArray *
td_calendar_shipped_events (GError **error)
{
  static GPtrArray *shipped;
  const char *dirs[] = { PKGDATADIR, SOURCE_DATADIR };

  if (shipped != NULL)
    return shipped;
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree gchar *path = g_build_filename (dirs[i], "events.tsv", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          shipped = td_calendar_load_events_file (path, error);
          return shipped;
        }
    }
  g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
               _ ("The list of commemorations (events.tsv) is missing from %s. Reinstall Thi "
                  "Đua."),
               PKGDATADIR);
  return NULL;
}

/* Where events fall -------------------------------------------------------- */

/* The solar day of lunar @day/@month of lunar year @lunar_year; a 30th in a
 * 29-day month falls on the 29th, as "30 Tết" does. */
static gboolean
lunar_in_year (gint day, gint month, gint lunar_year, GDate *out)
{
  TdLunarDate lunar = { day, month, lunar_year, FALSE };
  gint length = td_lunar_month_length (lunar_year, month, FALSE);

  if (length == 0)
    return FALSE;
  if (lunar.day > length)
    lunar.day = length;
  return td_lunar_to_solar (&lunar, out, NULL);
}

gint
td_event_first_year (const TdEvent *event)
{
  return event->since > 0 ? event->since : event->year;
}

gboolean
td_event_date_in_year (const TdEvent *event, gint year, GDate *out)
{
  gint first = td_event_first_year (event);

  g_date_clear (out, 1);
  if (year < 1 || (first > 0 && year < first))
    return FALSE;
  if (!event->lunar)
    {
      if (!g_date_valid_dmy (event->day, event->month, year))
        return FALSE;
      g_date_set_dmy (out, event->day, event->month, year);
      return TRUE;
    }
  /* A lunar date of lunar year L falls in solar year L or L + 1. */
  for (gint l = MAX (year - 1, first); l <= year; l++)
    if (lunar_in_year (event->day, event->month, l, out) && (gint)g_date_get_year (out) == year)
      return TRUE;
  g_date_clear (out, 1);
  return FALSE;
}

gboolean
td_calendar_validate_event (const TdEvent *event, GError **error)
{
  if (!td_error_require_text (event->name,
                              _ ("Name: write the name of the event, for example “Ngày giải phóng "
                                 "tỉnh Bình Phước”."),
                              error))
    return FALSE;
  if (event->month < 1 || event->month > 12)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Month: %d is not a month; write 1 to 12."), event->month);
      return FALSE;
    }
  if (event->year != 0 && (event->year < 1000 || event->year > 2100))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Year: %d is outside the allowed range; write a year from 1000 to 2100, "
                      "or leave it empty when the event has no year."),
                   event->year);
      return FALSE;
    }
  if (!event->lunar)
    {
      /* 2000 is a leap year: 29/02 is allowed when there is no year. */
      gint y = event->year ? event->year : 2000;

      if (event->leap)
        {
          g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                               _ ("Leap month: only lunar dates have leap months."));
          return FALSE;
        }
      if (event->day < 1 || !g_date_valid_dmy (event->day, event->month, y))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("Day: there is no day %d in month %d; write 1 to %d."), event->day,
                       event->month, g_date_get_days_in_month (event->month, y));
          return FALSE;
        }
      return TRUE;
    }

  if (event->day < 1 || event->day > 30)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Day: a lunar month has 29 or 30 days; %d is not a lunar day."), event->day);
      return FALSE;
    }
  if (event->year == 0)
    {
      if (event->leap)
        {
          g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                               _ ("Leap month: a leap month exists only in some years; give the "
                                  "year of the event, or untick the leap month."));
          return FALSE;
        }
      return TRUE;
    }
  if (event->year < TD_LUNAR_MIN_YEAR || event->year > TD_LUNAR_MAX_YEAR)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Year: lunar dates are known from %d to %d."), TD_LUNAR_MIN_YEAR,
                   TD_LUNAR_MAX_YEAR);
      return FALSE;
    }
  {
    g_autofree gchar *year_name = td_lunar_year_name (event->year);
    gint leap_month = td_lunar_leap_month (event->year);
    gint length = td_lunar_month_length (event->year, event->month, event->leap);

    if (event->leap && leap_month != event->month)
      {
        if (leap_month == 0)
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("Leap month: the lunar year %d (%s) has no leap month."), event->year,
                       year_name);
        else
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("Leap month: the leap month of the lunar year %d (%s) is month %d, "
                          "not month %d."),
                       event->year, year_name, leap_month, event->month);
        return FALSE;
      }
    if (event->day > length)
      {
        g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                     _ ("Day: lunar month %d%s of the year %d (%s) has only %d days, so day %d "
                        "does not exist. Check the date: perhaps day %d, or the next month."),
                     event->month, event->leap ? _ (" (leap)") : "", event->year, year_name, length,
                     event->day, length);
        return FALSE;
      }
  }
  return TRUE;
}
