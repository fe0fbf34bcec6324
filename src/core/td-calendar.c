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
#include "td-calendar.h"
#include "td-date.h"
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

TdEvent *
td_event_copy (const TdEvent *event)
{
  TdEvent *copy = g_memdup2 (event, sizeof *event);

  copy->key = g_strdup (event->key);
  copy->name = g_strdup (event->name);
  copy->year_label = g_strdup (event->year_label);
  copy->notes = g_strdup (event->notes);
  return copy;
}

void
td_event_free (TdEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->key);
  g_free (event->name);
  g_free (event->year_label);
  g_free (event->notes);
  g_free (event);
}

TdDeadline *
td_deadline_new (void)
{
  TdDeadline *deadline = g_new0 (TdDeadline, 1);

  g_date_clear (&deadline->due, 1);
  g_date_clear (&deadline->done, 1);
  deadline->responsible = TD_RESPONSIBLE_MEMBERS;
  return deadline;
}

TdDeadline *
td_deadline_copy (const TdDeadline *deadline)
{
  TdDeadline *copy = g_memdup2 (deadline, sizeof *deadline);

  copy->title = g_strdup (deadline->title);
  copy->notes = g_strdup (deadline->notes);
  return copy;
}

void
td_deadline_free (TdDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->title);
  g_free (deadline->notes);
  g_free (deadline);
}

void
td_member_progress_free (TdMemberProgress *progress)
{
  if (progress == NULL)
    return;
  g_free (progress->name);
  g_free (progress);
}

void
td_occurrence_free (TdOccurrence *occurrence)
{
  if (occurrence == NULL)
    return;
  g_free (occurrence->title);
  g_free (occurrence->label);
  g_free (occurrence->key);
  g_free (occurrence->detail);
  td_deadline_free (occurrence->deadline);
  g_free (occurrence);
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

gchar *
td_calendar_format_dmy (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

/* Accepts d/m/yyyy with / . or - between the parts (td_date_parse). */
gboolean
td_calendar_parse_dmy (const char *text, GDate *out)
{
  return td_date_parse (text, TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, out, NULL);
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

/* Stored events ------------------------------------------------------------ */

static gchar *
column_dup (sqlite3_stmt *stmt, int col)
{
  gchar *text = td_db_dup_text (stmt, col);
  return text ? text : g_strdup ("");
}

GPtrArray *
td_calendar_list_events (TdDb *db, GError **error)
{
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)td_event_free);
  sqlite3_stmt *stmt;
  TdStep step;

  stmt = td_db_prepare (db,
                        "SELECT id, name, kind, calendar, day, month, leap, year, anniversary,"
                        " great, notes FROM event ORDER BY month, day, name COLLATE VI",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((step = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      TdEvent *event = td_event_new ();

      event->id = sqlite3_column_int64 (stmt, 0);
      event->name = column_dup (stmt, 1);
      td_event_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &event->kind);
      event->lunar = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 3), "lunar") == 0;
      event->day = sqlite3_column_int (stmt, 4);
      event->month = sqlite3_column_int (stmt, 5);
      event->leap = sqlite3_column_int (stmt, 6) != 0;
      event->year = sqlite3_column_int (stmt, 7);
      td_anniversary_from_string ((const char *)sqlite3_column_text (stmt, 8), &event->rule);
      event->great = sqlite3_column_int (stmt, 9) != 0;
      event->notes = column_dup (stmt, 10);
      g_ptr_array_add (events, event);
    }
  if (step == TD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&events);
}

static void
bind_event (sqlite3_stmt *stmt, const TdEvent *event)
{
  sqlite3_bind_text (stmt, 1, event->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, td_event_kind_to_string (event->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, event->lunar ? "lunar" : "solar", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, event->day);
  sqlite3_bind_int (stmt, 5, event->month);
  sqlite3_bind_int (stmt, 6, event->leap ? 1 : 0);
  if (event->year > 0)
    sqlite3_bind_int (stmt, 7, event->year);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_text (stmt, 8, td_anniversary_to_string (event->rule), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, event->great ? 1 : 0);
  sqlite3_bind_text (stmt, 10, event->notes ? event->notes : "", -1, SQLITE_TRANSIENT);
}

gint64
td_calendar_add_event (TdDb *db, const TdEvent *event, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!td_calendar_validate_event (event, error))
    return 0;
  stmt = td_db_prepare (db,
                        "INSERT INTO event (name, kind, calendar, day, month, leap, year,"
                        " anniversary, great, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return 0;
  bind_event (stmt, event);
  if (!td_db_run (db, stmt, error))
    return 0;
  id = td_db_last_insert_id (db);
  td_db_notify_changed (db, "calendar");
  return id;
}

gboolean
td_calendar_update_event (TdDb *db, const TdEvent *event, GError **error)
{
  sqlite3_stmt *stmt;

  if (!td_calendar_validate_event (event, error))
    return FALSE;
  stmt = td_db_prepare (db,
                        "UPDATE event SET name = ?, kind = ?, calendar = ?, day = ?, month = ?,"
                        " leap = ?, year = ?, anniversary = ?, great = ?, notes = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  bind_event (stmt, event);
  sqlite3_bind_int64 (stmt, 11, event->id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "calendar");
  return TRUE;
}

gboolean
td_calendar_delete_event (TdDb *db, gint64 event_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db, "DELETE FROM event WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "calendar");
  return TRUE;
}

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
  sqlite3_stmt *stmt;
  TdStep step;

  stmt = td_db_prepare (db,
                        "SELECT id, founded FROM unit WHERE founded IS NOT NULL AND"
                        " (?1 = 0 OR id IN (SELECT unit_id FROM membership"
                        "  WHERE bloc_year_id = ?1))",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
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
  sqlite3_stmt *stmt;
  TdStep step;

  stmt = td_db_prepare (db,
                        "SELECT id, name, kind, starts, ends FROM campaign"
                        " WHERE (?1 = 0 OR bloc_year_id = ?1 OR id IN (SELECT campaign_id"
                        "   FROM campaign_share WHERE bloc_year_id = ?1))"
                        " AND starts <= ?3 AND ends >= ?2"
                        " ORDER BY starts",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  sqlite3_bind_text (stmt, 2, from_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_iso, -1, SQLITE_TRANSIENT);
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
      occ->title = column_dup (stmt, 1);
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

static GPtrArray *select_deadlines (TdDb *db, gint64 bloc_year_id, const GDate *from,
                                    const GDate *to, gboolean open_only, gint limit,
                                    GError **error);

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
      deadlines = select_deadlines (db, bloc_year_id, from, to, FALSE, -1, error);
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

/* Deadlines ---------------------------------------------------------------- */

TdDeadlineState
td_deadline_state (const TdDeadline *deadline, const GDate *today)
{
  gint days;

  if (g_date_valid (&deadline->done))
    return TD_DEADLINE_DONE;
  if (today == NULL || !g_date_valid (today) || !g_date_valid (&deadline->due))
    return TD_DEADLINE_PENDING;
  days = g_date_days_between (today, &deadline->due);
  if (days < 0)
    return TD_DEADLINE_OVERDUE;
  if (days <= TD_DEADLINE_SOON_DAYS)
    return TD_DEADLINE_DUE_SOON;
  return TD_DEADLINE_PENDING;
}

const char *
td_responsible_to_string (TdResponsible responsible)
{
  switch (responsible)
    {
    case TD_RESPONSIBLE_HEAD:
      return _ ("Head of the bloc");
    case TD_RESPONSIBLE_DEPUTY:
      return _ ("Deputy of the bloc");
    case TD_RESPONSIBLE_MEMBERS:
      return _ ("Every member");
    case TD_RESPONSIBLE_UNIT:
    default:
      return _ ("One unit");
    }
}

static const char *responsible_names[] = { "head", "deputy", "members", "unit" };

static TdResponsible
responsible_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (responsible_names); i++)
    if (g_strcmp0 (text, responsible_names[i]) == 0)
      return (TdResponsible)i;
  return TD_RESPONSIBLE_MEMBERS;
}

#define DEADLINE_COLUMNS                                                                           \
  "d.id, d.bloc_year_id, d.title, d.due, d.responsible, d.unit_id, d.campaign_id, d.done,"         \
  " d.notes,"                                                                                      \
  " (SELECT count(*) FROM membership m WHERE m.bloc_year_id = d.bloc_year_id),"                    \
  " (SELECT count(*) FROM deadline_member p JOIN membership m ON m.unit_id = p.unit_id"            \
  "   AND m.bloc_year_id = d.bloc_year_id WHERE p.deadline_id = d.id)"

static TdDeadline *
deadline_from_row (sqlite3_stmt *stmt)
{
  TdDeadline *d = td_deadline_new ();

  d->id = sqlite3_column_int64 (stmt, 0);
  d->bloc_year_id = sqlite3_column_int64 (stmt, 1);
  d->title = column_dup (stmt, 2);
  td_date_from_iso ((const char *)sqlite3_column_text (stmt, 3), &d->due);
  d->responsible = responsible_from_string ((const char *)sqlite3_column_text (stmt, 4));
  d->unit_id = sqlite3_column_int64 (stmt, 5);
  d->campaign_id = sqlite3_column_int64 (stmt, 6);
  td_date_from_iso ((const char *)sqlite3_column_text (stmt, 7), &d->done);
  d->notes = column_dup (stmt, 8);
  if (d->responsible == TD_RESPONSIBLE_MEMBERS)
    {
      d->n_members = sqlite3_column_int (stmt, 9);
      d->n_members_done = sqlite3_column_int (stmt, 10);
    }
  return d;
}

static void
bind_date (sqlite3_stmt *stmt, int index, const GDate *date)
{
  if (date != NULL && g_date_valid (date))
    sqlite3_bind_text (stmt, index, td_date_to_iso (date), -1, g_free);
  else
    sqlite3_bind_null (stmt, index);
}

/* The deadlines of @bloc_year_id (every bloc-year when 0) due from @from to
 * @to (either may be NULL), only those not done when @open_only, at most
 * @limit (-1: all), by due date.  A province keeps thousands: the filter is
 * SQL's, and the ids are chosen first so that the member counts are only
 * counted for the rows returned. */
static GPtrArray *
select_deadlines (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to,
                  gboolean open_only, gint limit, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)td_deadline_free);
  sqlite3_stmt *stmt;
  TdStep step;

  stmt = td_db_prepare (db,
                        "SELECT " DEADLINE_COLUMNS " FROM deadline d"
                        " JOIN (SELECT id FROM deadline"
                        "       WHERE (?1 = 0 OR bloc_year_id = ?1)"
                        "         AND (?2 IS NULL OR due >= ?2) AND (?3 IS NULL OR due <= ?3)"
                        "         AND (?4 = 0 OR done IS NULL)"
                        "       ORDER BY due, id LIMIT ?5) k ON k.id = d.id"
                        " ORDER BY d.due, d.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  bind_date (stmt, 2, from);
  bind_date (stmt, 3, to);
  sqlite3_bind_int (stmt, 4, open_only);
  sqlite3_bind_int (stmt, 5, limit);
  while ((step = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    g_ptr_array_add (list, deadline_from_row (stmt));
  if (step == TD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
td_calendar_list_deadlines (TdDb *db, gint64 bloc_year_id, GError **error)
{
  return select_deadlines (db, bloc_year_id, NULL, NULL, FALSE, -1, error);
}

/* The oldest @limit deadlines not done whose day is before @today. */
GPtrArray *
td_calendar_list_overdue (TdDb *db, gint64 bloc_year_id, const GDate *today, guint limit,
                          GError **error)
{
  GDate yesterday = *today;

  g_return_val_if_fail (g_date_valid (today), NULL);
  g_date_subtract_days (&yesterday, 1);
  return select_deadlines (db, bloc_year_id, NULL, &yesterday, TRUE, (gint)MIN (limit, G_MAXINT),
                           error);
}

TdDeadline *
td_calendar_get_deadline (TdDb *db, gint64 deadline_id, GError **error)
{
  sqlite3_stmt *stmt;
  TdStep step;
  TdDeadline *d;

  stmt = td_db_prepare (db, "SELECT " DEADLINE_COLUMNS " FROM deadline d WHERE d.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deadline_id);
  step = td_db_step (db, stmt, error);
  if (step != TD_STEP_ROW)
    {
      if (step == TD_STEP_DONE)
        g_set_error_literal (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                             _ ("This deadline no longer exists."));
      return NULL;
    }
  d = deadline_from_row (stmt);
  sqlite3_reset (stmt);
  return d;
}

gboolean
td_calendar_validate_deadline (const TdDeadline *deadline, GError **error)
{
  g_autofree gchar *title = g_strstrip (g_strdup (deadline->title ? deadline->title : ""));

  if (title[0] == '\0')
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _ ("Title: say what must be done, for example “Gửi báo cáo sơ kết 06 "
                              "tháng đầu năm”."));
      return FALSE;
    }
  if (!g_date_valid (&deadline->due))
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _ ("Due date: write a date as dd/mm/yyyy, for example 30/06/2025."));
      return FALSE;
    }
  if (deadline->responsible == TD_RESPONSIBLE_UNIT && deadline->unit_id == 0)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _ ("Responsible: choose the unit that must meet this deadline."));
      return FALSE;
    }
  if (deadline->bloc_year_id == 0)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _ ("Year: a deadline belongs to a bloc's year; choose one first."));
      return FALSE;
    }
  return TRUE;
}

static void
bind_deadline (sqlite3_stmt *stmt, const TdDeadline *d)
{
  g_autofree gchar *due = td_date_to_iso (&d->due);
  g_autofree gchar *done = td_date_to_iso (&d->done);

  sqlite3_bind_int64 (stmt, 1, d->bloc_year_id);
  sqlite3_bind_text (stmt, 2, d->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, due, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, responsible_names[d->responsible], -1, SQLITE_STATIC);
  if (d->responsible == TD_RESPONSIBLE_UNIT)
    sqlite3_bind_int64 (stmt, 5, d->unit_id);
  else
    sqlite3_bind_null (stmt, 5);
  if (d->campaign_id != 0)
    sqlite3_bind_int64 (stmt, 6, d->campaign_id);
  else
    sqlite3_bind_null (stmt, 6);
  if (done != NULL)
    sqlite3_bind_text (stmt, 7, done, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_text (stmt, 8, d->notes ? d->notes : "", -1, SQLITE_TRANSIENT);
}

gint64
td_calendar_add_deadline (TdDb *db, const TdDeadline *deadline, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!td_calendar_validate_deadline (deadline, error))
    return 0;
  stmt = td_db_prepare (db,
                        "INSERT INTO deadline (bloc_year_id, title, due, responsible, unit_id,"
                        " campaign_id, done, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return 0;
  bind_deadline (stmt, deadline);
  if (!td_db_run (db, stmt, error))
    return 0;
  id = td_db_last_insert_id (db);
  td_db_notify_changed (db, "deadlines");
  return id;
}

gboolean
td_calendar_update_deadline (TdDb *db, const TdDeadline *deadline, GError **error)
{
  sqlite3_stmt *stmt;

  if (!td_calendar_validate_deadline (deadline, error))
    return FALSE;
  stmt = td_db_prepare (db,
                        "UPDATE deadline SET bloc_year_id = ?, title = ?, due = ?,"
                        " responsible = ?, unit_id = ?, campaign_id = ?, done = ?, notes = ?"
                        " WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  bind_deadline (stmt, deadline);
  sqlite3_bind_int64 (stmt, 9, deadline->id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "deadlines");
  return TRUE;
}

gboolean
td_calendar_delete_deadline (TdDb *db, gint64 deadline_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db, "DELETE FROM deadline WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deadline_id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "deadlines");
  return TRUE;
}

static gboolean
set_done_no_notify (TdDb *db, gint64 deadline_id, const GDate *done, GError **error)
{
  g_autofree gchar *iso = done ? td_date_to_iso (done) : NULL;
  sqlite3_stmt *stmt = td_db_prepare (db, "UPDATE deadline SET done = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  if (iso != NULL)
    sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, deadline_id);
  return td_db_run (db, stmt, error);
}

gboolean
td_calendar_set_deadline_done (TdDb *db, gint64 deadline_id, const GDate *done, GError **error)
{
  if (!set_done_no_notify (db, deadline_id, done, error))
    return FALSE;
  td_db_notify_changed (db, "deadlines");
  return TRUE;
}

static gint
progress_compare (gconstpointer a, gconstpointer b)
{
  const TdMemberProgress *x = *(TdMemberProgress *const *)a;
  const TdMemberProgress *y = *(TdMemberProgress *const *)b;

  return td_text_collate (x->name, y->name);
}

GPtrArray *
td_calendar_member_progress (TdDb *db, gint64 deadline_id, GError **error)
{
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify)td_member_progress_free);
  sqlite3_stmt *stmt;
  TdStep step;
  gint year;

  year = 0;
  stmt = td_db_prepare (db,
                        "SELECT m.unit_id, y.year, p.done FROM deadline d"
                        " JOIN bloc_year y ON y.id = d.bloc_year_id"
                        " JOIN membership m ON m.bloc_year_id = d.bloc_year_id"
                        " LEFT JOIN deadline_member p ON p.deadline_id = d.id"
                        "  AND p.unit_id = m.unit_id"
                        " WHERE d.id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deadline_id);
  while ((step = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      TdMemberProgress *p = g_new0 (TdMemberProgress, 1);

      p->unit_id = sqlite3_column_int64 (stmt, 0);
      year = sqlite3_column_int (stmt, 1);
      td_date_from_iso ((const char *)sqlite3_column_text (stmt, 2), &p->done);
      g_ptr_array_add (list, p);
    }
  if (step == TD_STEP_ERROR)
    return NULL;
  /* Names after the statement is done: the registry reuses statements. */
  for (guint i = 0; i < list->len; i++)
    {
      TdMemberProgress *p = g_ptr_array_index (list, i);
      p->name = td_registry_unit_name_in_year (db, p->unit_id, year);
      if (p->name == NULL)
        p->name = g_strdup ("");
    }
  g_ptr_array_sort (list, progress_compare);
  return g_steal_pointer (&list);
}

gboolean
td_calendar_set_member_done (TdDb *db, gint64 deadline_id, gint64 unit_id, const GDate *done,
                             GError **error)
{
  g_autofree gchar *iso = done && g_date_valid (done) ? td_date_to_iso (done) : NULL;
  g_autoptr (TdDeadline) d = NULL;
  sqlite3_stmt *stmt;

  if (!td_db_begin (db, error))
    return FALSE;
  if (iso != NULL)
    {
      stmt = td_db_prepare (db,
                            "INSERT INTO deadline_member (deadline_id, unit_id, done)"
                            " VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET done = excluded.done",
                            error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 3, iso, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = td_db_prepare (db, "DELETE FROM deadline_member WHERE deadline_id = ? AND unit_id = ?",
                            error);
      if (stmt == NULL)
        goto fail;
    }
  sqlite3_bind_int64 (stmt, 1, deadline_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!td_db_run (db, stmt, error))
    goto fail;

  /* A member deadline is met when the last member has sent; undoing one
   * member reopens it. */
  d = td_calendar_get_deadline (db, deadline_id, error);
  if (d == NULL)
    goto fail;
  if (d->n_members > 0 && d->n_members_done == d->n_members && !g_date_valid (&d->done))
    {
      GDate latest;
      gchar *max = NULL;
      sqlite3_stmt *q = td_db_prepare (
          db, "SELECT max(done) FROM deadline_member WHERE deadline_id = ?", error);

      if (q == NULL)
        goto fail;
      sqlite3_bind_int64 (q, 1, deadline_id);
      if (td_db_step (db, q, error) == TD_STEP_ROW)
        max = g_strdup ((const char *)sqlite3_column_text (q, 0));
      sqlite3_reset (q);
      td_date_from_iso (max, &latest);
      g_free (max);
      if (!set_done_no_notify (db, deadline_id, &latest, error))
        goto fail;
    }
  else if (d->n_members_done < d->n_members && g_date_valid (&d->done))
    {
      if (!set_done_no_notify (db, deadline_id, NULL, error))
        goto fail;
    }
  if (!td_db_commit (db, error))
    return FALSE;
  td_db_notify_changed (db, "deadlines");
  return TRUE;

fail:
  td_db_rollback (db);
  return FALSE;
}

/* Official wording: the clerk reads it in lists and it is also what the
 * documents say. */
gchar *
td_deadline_progress_text (const TdDeadline *deadline)
{
  if (deadline->responsible != TD_RESPONSIBLE_MEMBERS || deadline->n_members == 0)
    return NULL;
  return g_strdup_printf (_ ("%d/%d units have sent it"), deadline->n_members_done,
                          deadline->n_members);
}

static TdDeadline *
plan_item (gint64 day, gint month, gint year, TdResponsible responsible, const char *title)
{
  TdDeadline *d = td_deadline_new ();

  g_date_set_dmy (&d->due, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  d->responsible = responsible;
  d->title = g_strdup (title);
  return d;
}

/* The dated duties of document 000, for any year.  The year-end meeting
 * waits for the province's grading, so it is due by the end of Q1. */
GPtrArray *
td_calendar_plan_template (gint year)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify)td_deadline_free);
  g_autofree gchar *t1
      = g_strdup_printf ("Gửi báo cáo sơ kết công tác thi đua 06 tháng đầu năm %d", year);
  g_autofree gchar *t2 = g_strdup_printf (
      "Hội nghị sơ kết công tác thi đua, khen thưởng 06 tháng đầu năm %d tại đơn vị Khối phó",
      year);
  g_autofree gchar *t3 = g_strdup_printf ("Tổ chức Hội thao Khối thi đua năm %d", year);
  g_autofree gchar *t4
      = g_strdup_printf ("Gửi báo cáo tổng kết và tự chấm điểm thi đua năm %d", year);
  g_autofree gchar *t5
      = g_strdup_printf ("Hội nghị tổng kết công tác thi đua năm %d tại đơn vị Khối trưởng", year);

  g_ptr_array_add (plan, plan_item (30, 6, year, TD_RESPONSIBLE_MEMBERS, t1));
  g_ptr_array_add (plan, plan_item (10, 7, year, TD_RESPONSIBLE_DEPUTY, t2));
  g_ptr_array_add (plan, plan_item (20, 8, year, TD_RESPONSIBLE_HEAD, t3));
  g_ptr_array_add (plan, plan_item (30, 12, year, TD_RESPONSIBLE_MEMBERS, t4));
  g_ptr_array_add (plan, plan_item (31, 3, year + 1, TD_RESPONSIBLE_HEAD, t5));
  return plan;
}

gboolean
td_calendar_apply_plan (TdDb *db, gint64 bloc_year_id, GPtrArray *deadlines, GError **error)
{
  if (!td_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < deadlines->len; i++)
    {
      TdDeadline *d = g_ptr_array_index (deadlines, i);

      d->bloc_year_id = bloc_year_id;
      d->id = td_calendar_add_deadline (db, d, error);
      if (d->id == 0)
        {
          td_db_rollback (db);
          return FALSE;
        }
    }
  return td_db_commit (db, error);
}

void
td_calendar_count_urgent (TdDb *db, gint64 bloc_year_id, const GDate *today, guint *n_overdue,
                          guint *n_due_soon)
{
  GDate soon = *today;
  sqlite3_stmt *stmt;

  /* The same states as td_deadline_state, counted by SQL. */
  *n_overdue = *n_due_soon = 0;
  g_date_add_days (&soon, TD_DEADLINE_SOON_DAYS);
  stmt = td_db_prepare (db,
                        "SELECT coalesce (sum (due < ?2), 0),"
                        "       coalesce (sum (due >= ?2 AND due <= ?3), 0)"
                        " FROM deadline WHERE (?1 = 0 OR bloc_year_id = ?1) AND done IS NULL",
                        NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  bind_date (stmt, 2, today);
  bind_date (stmt, 3, &soon);
  if (td_db_step (db, stmt, NULL) == TD_STEP_ROW)
    {
      *n_overdue = sqlite3_column_int (stmt, 0);
      *n_due_soon = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
}
