/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar.
 *
 * Campaign plans are written around the year's great holidays and round
 * anniversaries, and the clerk's year is a chain of deadlines; this module
 * knows both.  National commemorations ship as data (data/events.tsv), the
 * clerk's local and own days and the bloc's deadlines live in the database
 * (schema step 5), units' founding days come from the registry.  Everything
 * is turned into occurrences of a date range, with the document-style
 * anniversary label "Kỷ niệm N năm … (07/5/1954 - 07/5/2024)". */
#include "config.h"

#include "td-calendar-private.h"
#include "td-date.h"
#include "td-query.h"
#include "td-record.h"
#include "td-registry.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* Records ------------------------------------------------------------------ */

TdEvent *
td_event_new (void)
{
  TdEvent *event = g_new0 (TdEvent, 1);

  event->kind = TD_EVENT_LOCAL;
  event->rule = TD_ANNIVERSARY_EVERY;
  return event;
}

static const gsize event_texts[]
    = { G_STRUCT_OFFSET (TdEvent, key), G_STRUCT_OFFSET (TdEvent, name),
        G_STRUCT_OFFSET (TdEvent, year_label), G_STRUCT_OFFSET (TdEvent, notes), TD_RECORD_END };

TD_RECORD_DEFINE_COPY (TdEvent, td_event_copy, event_texts);

TD_RECORD_DEFINE_FREE (TdEvent, td_event_free, event_texts);

TdDeadline *
td_deadline_new (void)
{
  TdDeadline *deadline = g_new0 (TdDeadline, 1);

  g_date_clear (&deadline->due, 1);
  g_date_clear (&deadline->done, 1);
  deadline->responsible = TD_RESPONSIBLE_MEMBERS;
  return deadline;
}

static const gsize deadline_texts[]
    = { G_STRUCT_OFFSET (TdDeadline, title), G_STRUCT_OFFSET (TdDeadline, notes), TD_RECORD_END };

TD_RECORD_DEFINE_COPY (TdDeadline, td_deadline_copy, deadline_texts);

TD_RECORD_DEFINE_FREE (TdDeadline, td_deadline_free, deadline_texts);

static const gsize progress_texts[] = { G_STRUCT_OFFSET (TdMemberProgress, name), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdMemberProgress, td_member_progress_free, progress_texts);

static const gsize occurrence_texts[]
    = { G_STRUCT_OFFSET (TdOccurrence, title), G_STRUCT_OFFSET (TdOccurrence, label),
        G_STRUCT_OFFSET (TdOccurrence, key), G_STRUCT_OFFSET (TdOccurrence, detail),
        TD_RECORD_END };

void
td_occurrence_free (TdOccurrence *occurrence)
{
  if (occurrence == NULL)
    return;
  td_deadline_free (occurrence->deadline);
  td_record_free (occurrence, occurrence_texts);
}

static TdOccurrence *
occurrence_new (TdOccurrenceKind kind, const GDate *date)
{
  TdOccurrence *occ = g_new0 (TdOccurrence, 1);

  occ->kind = kind;
  occ->date = *date;
  occ->end = *date;
  td_lunar_from_solar (date, &occ->lunar_date);
  return occ;
}

/* Dates and labels --------------------------------------------------------- */

gchar *
td_calendar_format_date (const GDate *date)
{
  guint month;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  month = g_date_get_month (date);
  return g_strdup_printf (month <= 2 ? "%02u/%02u/%u" : "%02u/%u/%u", g_date_get_day (date), month,
                          g_date_get_year (date));
}

GDate
td_calendar_today (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  return today;
}

void
td_calendar_today_pin (TdCalendarToday *today, const GDate *date)
{
  today->pinned = date != NULL;
  if (date != NULL)
    today->date = *date;
}

GDate
td_calendar_today_get (const TdCalendarToday *today)
{
  return today->pinned ? today->date : td_calendar_today ();
}

/* The calendar's names for the registry's dd/mm/yyyy (one format for
 * every date the clerk sees). */
gchar *
td_calendar_format_dmy (const GDate *date)
{
  return td_date_to_display (date);
}

gboolean
td_calendar_parse_dmy (const char *text, GDate *out)
{
  return td_date_from_display (text, out);
}

TdYearClass
td_calendar_year_class (gint years)
{
  if (years <= 0)
    return TD_YEAR_CLASS_NONE;
  if (years % 10 == 0)
    return TD_YEAR_CLASS_ROUND;
  if (years % 10 == 5)
    return TD_YEAR_CLASS_HALF;
  return TD_YEAR_CLASS_OTHER;
}

/* The Vietnamese terms of Nghị định 145/2013 Điều 3: official wording. */
const char *
td_calendar_year_class_name (TdYearClass year_class)
{
  switch (year_class)
    {
    case TD_YEAR_CLASS_ROUND:
      return "năm tròn";
    case TD_YEAR_CLASS_HALF:
      return "năm lẻ 5";
    case TD_YEAR_CLASS_OTHER:
      return "năm khác";
    case TD_YEAR_CLASS_NONE:
    default:
      return "";
    }
}

/* The documents write the range with a spaced hyphen:
 * "70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)". */
gchar *
td_calendar_anniversary_label (const char *name, const GDate *origin, gint year)
{
  GDate then;
  g_autofree gchar *from = NULL;
  g_autofree gchar *to = NULL;
  guint day = g_date_get_day (origin);

  /* 29/02 in a common year is kept on the 28th for the label. */
  if (!g_date_valid_dmy (day, g_date_get_month (origin), year))
    day = 28;
  g_date_clear (&then, 1);
  g_date_set_dmy (&then, day, g_date_get_month (origin), year);
  from = td_calendar_format_date (origin);
  to = td_calendar_format_date (&then);
  return g_strdup_printf ("Kỷ niệm %d năm %s (%s - %s)", year - (gint)g_date_get_year (origin),
                          name, from, to);
}

static gchar *
lunar_anniversary_label (const char *name, gint day, gint month, gint year0, gint year)
{
  return g_strdup_printf ("Kỷ niệm %d năm %s (%02d/%d/%d - %02d/%d/%d âm lịch)", year - year0, name,
                          day, month, year0, day, month, year);
}

/* Shipped events ----------------------------------------------------------- */

/* Stored events ------------------------------------------------------------ */

gchar *
td_calendar_column_text (sqlite3_stmt *stmt, int column)
{
  gchar *text = td_db_dup_text (stmt, column);

  return text ? text : g_strdup ("");
}

static gpointer
event_from_row (sqlite3_stmt *stmt)
{
  TdEvent *event = td_event_new ();

  td_query_columns (stmt, "xe--iibi-be", &event->id, &event->name, &event->day, &event->month,
                    &event->leap, &event->year, &event->great, &event->notes);
  td_event_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &event->kind);
  event->lunar = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 3), "lunar") == 0;
  td_anniversary_from_string ((const char *)sqlite3_column_text (stmt, 8), &event->rule);
  return event;
}

GPtrArray *
td_calendar_list_events (TdDb *db, GError **error)
{
  return td_query_list (db,
                        "SELECT id, name, kind, calendar, day, month, leap, year, anniversary,"
                        " great, notes FROM event ORDER BY month, day, name COLLATE VI",
                        event_from_row, (GDestroyNotify)td_event_free, error, NULL);
}

/* The event's columns in order, then its id (see TdQueryTable). */
static gboolean
write_event (TdDb *db, const char *sql, gconstpointer record, GError **error)
{
  const TdEvent *event = record;

  return td_calendar_validate_event (event, error)
         && td_query_run (db, sql, error, "sssiibrsbex", event->name,
                          td_event_kind_to_string (event->kind), event->lunar ? "lunar" : "solar",
                          event->day, event->month, event->leap, (gint64)event->year,
                          td_anniversary_to_string (event->rule), event->great, event->notes,
                          event->id);
}

static const TdQueryTable event_table
    = { "event", "name, kind, calendar, day, month, leap, year, anniversary, great, notes",
        "calendar", write_event };

TD_QUERY_DEFINE_WRITES (TdEvent, event_table, td_calendar_add_event, td_calendar_update_event,
                        td_calendar_delete_event);

/* Occurrences -------------------------------------------------------------- */

static gchar *
event_title (const TdEvent *event, gint lunar_year)
{
  g_autofree gchar *can_chi = NULL;
  g_auto (GStrv) parts = NULL;

  if (event->year_label == NULL)
    return g_strdup (event->name);
  can_chi = td_lunar_year_name (lunar_year);
  parts = g_strsplit (event->year_label, "{can_chi}", -1);
  return g_strjoinv (can_chi ? can_chi : "", parts);
}

static gboolean
in_range (const GDate *d, const GDate *from, const GDate *to)
{
  return g_date_compare (d, from) >= 0 && g_date_compare (d, to) <= 0;
}

static void
add_event_occurrences (GPtrArray *out, const TdEvent *event, const GDate *from, const GDate *to)
{
  gint first = g_date_get_year (from), last = g_date_get_year (to);

  for (gint year = first; year <= last; year++)
    {
      GDate date;
      TdOccurrence *occ;
      gint years = 0;

      if (!td_event_date_in_year (event, year, &date) || !in_range (&date, from, to))
        continue;
      occ = occurrence_new (TD_OCCURRENCE_EVENT, &date);
      occ->lunar = event->lunar;
      if (event->year > 0 && event->rule != TD_ANNIVERSARY_NONE)
        years = (event->lunar ? occ->lunar_date.year : year) - event->year;
      if ((event->rule == TD_ANNIVERSARY_ROUND
           && td_calendar_year_class (years) != TD_YEAR_CLASS_ROUND)
          || (event->rule == TD_ANNIVERSARY_LEADER
              && (years < 100 || td_calendar_year_class (years) != TD_YEAR_CLASS_ROUND)))
        {
          td_occurrence_free (occ);
          continue;
        }
      occ->title = event_title (event, occ->lunar_date.year);
      if (years > 0)
        {
          occ->years = years;
          occ->year_class = td_calendar_year_class (years);
          if (event->lunar)
            occ->label = lunar_anniversary_label (event->name, event->day, event->month,
                                                  event->year, occ->lunar_date.year);
          else
            {
              GDate origin;

              g_date_clear (&origin, 1);
              g_date_set_dmy (&origin, event->day, event->month, event->year);
              occ->label = td_calendar_anniversary_label (event->name, &origin, year);
            }
        }
      else
        occ->label = g_strdup (occ->title);
      occ->event_kind = event->kind;
      /* Without a count of years, one yearly rule tells every year. */
      occ->recurs = !event->lunar
                    && (event->rule == TD_ANNIVERSARY_NONE
                        || (event->rule == TD_ANNIVERSARY_EVERY && event->year == 0));
      occ->great = event->great;
      occ->since = td_event_first_year (event);
      occ->id = event->id;
      occ->key = g_strdup (event->key);
      g_ptr_array_add (out, occ);
    }
}

static gboolean
add_founding_occurrences (TdDb *db, GPtrArray *out, gint64 bloc_year_id, const GDate *from,
                          const GDate *to, GError **error)
{
  sqlite3_stmt *stmt = td_query_prepare (db,
                                         "SELECT id, founded FROM unit WHERE founded IS NOT NULL"
                                         " AND (?1 = 0 OR id IN (SELECT unit_id FROM membership"
                                         "  WHERE bloc_year_id = ?1))",
                                         error, "x", bloc_year_id);
  TdStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      GDate founded;
      gint64 unit_id = sqlite3_column_int64 (stmt, 0);

      if (!td_date_from_iso ((const char *)sqlite3_column_text (stmt, 1), &founded))
        continue;
      for (gint year = g_date_get_year (from); year <= (gint)g_date_get_year (to); year++)
        {
          gint years = year - g_date_get_year (&founded);
          GDate date;
          TdOccurrence *occ;
          g_autofree gchar *unit_name = NULL;
          g_autofree gchar *name = NULL;
          guint day = g_date_get_day (&founded);

          if (td_calendar_year_class (years) != TD_YEAR_CLASS_ROUND)
            continue;
          if (!g_date_valid_dmy (day, g_date_get_month (&founded), year))
            day = 28;
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, day, g_date_get_month (&founded), year);
          if (!in_range (&date, from, to))
            continue;
          unit_name = td_registry_unit_name_in_year (db, unit_id, year);
          name = g_strdup_printf ("Ngày thành lập %s", unit_name ? unit_name : "");
          occ = occurrence_new (TD_OCCURRENCE_FOUNDING, &date);
          occ->title = g_strdup (name);
          occ->label = td_calendar_anniversary_label (name, &founded, year);
          occ->years = years;
          occ->year_class = TD_YEAR_CLASS_ROUND;
          occ->event_kind = TD_EVENT_UNIT;
          occ->id = unit_id;
          g_ptr_array_add (out, occ);
        }
    }
  return step != TD_STEP_ERROR;
}

static const char *
campaign_kind_text (const char *kind)
{
  if (g_strcmp0 (kind, "drive1") == 0)
    return "Đợt I";
  if (g_strcmp0 (kind, "drive2") == 0)
    return "Đợt II";
  if (g_strcmp0 (kind, "special") == 0)
    return "Đợt thi đua đặc biệt";
  if (g_strcmp0 (kind, "topical") == 0)
    return "Thi đua chuyên đề";
  return "Thi đua thường xuyên";
}

static gboolean
add_campaign_occurrences (TdDb *db, GPtrArray *out, gint64 bloc_year_id, const GDate *from,
                          const GDate *to, GError **error)
{
  g_autofree gchar *from_iso = td_date_to_iso (from);
  g_autofree gchar *to_iso = td_date_to_iso (to);
  sqlite3_stmt *stmt = td_query_prepare (db,
                                         "SELECT id, name, kind, starts, ends FROM campaign"
                                         " WHERE (?1 = 0 OR bloc_year_id = ?1 OR id IN (SELECT"
                                         "   campaign_id FROM campaign_share"
                                         "   WHERE bloc_year_id = ?1))"
                                         " AND starts <= ?3 AND ends >= ?2 ORDER BY starts",
                                         error, "xss", bloc_year_id, from_iso, to_iso);
  TdStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      GDate starts, ends;
      TdOccurrence *occ;
      g_autofree gchar *a = NULL;
      g_autofree gchar *b = NULL;

      if (!td_date_from_iso ((const char *)sqlite3_column_text (stmt, 3), &starts)
          || !td_date_from_iso ((const char *)sqlite3_column_text (stmt, 4), &ends))
        continue;
      occ = occurrence_new (TD_OCCURRENCE_CAMPAIGN, &starts);
      occ->end = ends;
      occ->id = sqlite3_column_int64 (stmt, 0);
      occ->title = td_calendar_column_text (stmt, 1);
      a = td_calendar_format_dmy (&starts);
      b = td_calendar_format_dmy (&ends);
      occ->label = g_strdup_printf ("%s (%s – %s)", occ->title, a, b);
      occ->detail = g_strdup (campaign_kind_text ((const char *)sqlite3_column_text (stmt, 2)));
      g_ptr_array_add (out, occ);
    }
  return step != TD_STEP_ERROR;
}

static gint
occurrence_compare (gconstpointer a, gconstpointer b)
{
  const TdOccurrence *x = *(TdOccurrence *const *)a;
  const TdOccurrence *y = *(TdOccurrence *const *)b;
  gint c = g_date_compare (&x->date, &y->date);

  if (c != 0)
    return c;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->great != y->great)
    return x->great ? -1 : 1;
  return td_text_collate (x->title, y->title);
}

static gchar *
deadline_detail (TdDb *db, const TdDeadline *deadline)
{
  g_autofree gchar *progress = td_deadline_progress_text (deadline);
  g_autofree gchar *who = NULL;

  if (deadline->responsible == TD_RESPONSIBLE_UNIT && deadline->unit_id != 0)
    {
      TdBlocYear *by = td_registry_get_bloc_year (db, deadline->bloc_year_id, NULL);

      who = td_registry_unit_name_in_year (db, deadline->unit_id, by ? by->year : 0);
      td_bloc_year_free (by);
    }
  if (who == NULL)
    who = g_strdup (td_responsible_to_string (deadline->responsible));
  if (progress != NULL)
    return g_strdup_printf ("%s · %s", who, progress);
  return g_steal_pointer (&who);
}

GPtrArray *
td_calendar_occurrences (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to,
                         const GDate *today, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)td_occurrence_free);
  GPtrArray *shipped = td_calendar_shipped_events (error);

  if (shipped == NULL)
    return NULL;
  for (guint i = 0; i < shipped->len; i++)
    add_event_occurrences (out, g_ptr_array_index (shipped, i), from, to);

  if (db != NULL)
    {
      g_autoptr (GPtrArray) stored = td_calendar_list_events (db, error);
      g_autoptr (GPtrArray) deadlines = NULL;

      if (stored == NULL)
        return NULL;
      for (guint i = 0; i < stored->len; i++)
        add_event_occurrences (out, g_ptr_array_index (stored, i), from, to);
      if (!add_founding_occurrences (db, out, bloc_year_id, from, to, error)
          || !add_campaign_occurrences (db, out, bloc_year_id, from, to, error))
        return NULL;
      deadlines = td_calendar_select_deadlines (db, bloc_year_id, from, to, FALSE, -1, error);
      if (deadlines == NULL)
        return NULL;
      for (guint i = 0; i < deadlines->len; i++)
        {
          TdDeadline *d = g_ptr_array_index (deadlines, i);
          TdOccurrence *occ;

          if (!in_range (&d->due, from, to))
            continue;
          occ = occurrence_new (TD_OCCURRENCE_DEADLINE, &d->due);
          occ->title = g_strdup (d->title);
          occ->label = g_strdup (d->title);
          occ->id = d->id;
          occ->state = td_deadline_state (d, today);
          occ->detail = deadline_detail (db, d);
          occ->deadline = td_deadline_copy (d);
          g_ptr_array_add (out, occ);
        }
    }
  g_ptr_array_sort (out, occurrence_compare);
  return g_steal_pointer (&out);
}
