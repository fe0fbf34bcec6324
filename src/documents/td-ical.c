/* SPDX-License-Identifier: GPL-3.0-or-later */
/* iCalendar export.
 *
 * libical writes the format (line folding, escaping, the RRULE grammar),
 * so the file opens in GNOME Calendar, Thunderbird and phones.  All events
 * are all-day: commemorations and deadlines are days, not hours, and a
 * date without a time zone means the same day everywhere.
 *
 * What stays true in a calendar that keeps the file for years:
 * - An anniversary with a count is one event per year ("Kỷ niệm 71 năm …"
 *   in 2025, its own event with 72 in 2026): a yearly rule would repeat one
 *   year's count for ever.  A day without a count (Ngày Pháp luật) is one
 *   event with RRULE:FREQ=YEARLY from the first year it was observed, and
 *   says nothing that changes from year to year (not its lunar date).
 * - UIDs are stable (the same event exported twice replaces itself) and
 *   unique: the database's own events carry its identity
 *   (td_db_dup_identity()), so two clerks' files imported into one
 *   calendar keep each other's; a national day of the shipped list is the
 *   same event in every file, so its UID is the same in every file and it
 *   is shown once, not once per database.
 * - The text is the documents' Vietnamese whatever the desktop's language. */
#include "config.h"

#include "td-ical.h"
#include "td-official.h"
#include "td-output-guard.h"
#include "td-output.h"
#include "td-registry.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#define UID_DOMAIN "thidua.example.com"

typedef struct
{
  TdDb *db;
  gchar *identity;       /* the database's, for its own events */
  GHashTable *clusters;  /* bloc_year_id → bloc kind + 1 */
  GHashTable *recurring; /* UIDs of the yearly events added */
  struct icaltimetype stamp;
} Export;

static struct icaltimetype
ical_date (const GDate *date)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  return t;
}

static icalcomponent *
all_day_event (const char *uid, const GDate *first, const GDate *last, const char *summary,
               struct icaltimetype stamp)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  GDate after = *last;

  /* DTEND of an all-day event is exclusive: the day after the last one. */
  g_date_add_days (&after, 1);
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (first)));
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (&after)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  return event;
}

static const char *
occurrence_category (const TdOccurrence *occ)
{
  switch (occ->kind)
    {
    case TD_OCCURRENCE_DEADLINE:
      return "Thời hạn";
    case TD_OCCURRENCE_CAMPAIGN:
      return "Đợt thi đua";
    case TD_OCCURRENCE_FOUNDING:
      return "Ngày thành lập đơn vị";
    case TD_OCCURRENCE_EVENT:
    default:
      return occ->great ? "Ngày lễ lớn" : "Ngày kỷ niệm";
    }
}

/* Shipped days: "<key>-<year>@lich…", the same in every database.  The
 * database's own: "<what>-<row>[-<year>]-<identity>@…". */
static gchar *
occurrence_uid (Export *x, const TdOccurrence *occ, gboolean per_year)
{
  const char *what[] = { "event", "founding", "campaign", "deadline" };
  guint year = g_date_get_year (&occ->date);

  if (occ->kind == TD_OCCURRENCE_EVENT && occ->key != NULL)
    return per_year ? g_strdup_printf ("%s-%u@lich." UID_DOMAIN, occ->key, year)
                    : g_strdup_printf ("%s@lich." UID_DOMAIN, occ->key);
  if (per_year)
    return g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%u-%s@" UID_DOMAIN, what[occ->kind], occ->id,
                            year, x->identity);
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%s@" UID_DOMAIN, what[occ->kind], occ->id,
                          x->identity);
}

static gboolean
is_cluster (Export *x, gint64 bloc_year_id)
{
  gpointer kind = g_hash_table_lookup (x->clusters, &bloc_year_id);

  if (kind == NULL)
    {
      g_autoptr (TdBlocYear) by = td_registry_get_bloc_year (x->db, bloc_year_id, NULL);
      g_autoptr (TdBloc) bloc = by ? td_registry_get_bloc (x->db, by->bloc_id, NULL) : NULL;

      kind = GINT_TO_POINTER ((bloc ? bloc->kind : TD_BLOC_KHOI) + 1);
      g_hash_table_insert (x->clusters, g_memdup2 (&bloc_year_id, sizeof bloc_year_id), kind);
    }
  return GPOINTER_TO_INT (kind) - 1 == TD_BLOC_CUM;
}

static void
describe_deadline (Export *x, const TdDeadline *d, GString *text)
{
  g_autofree gchar *unit = NULL;
  g_autofree gchar *who = NULL;
  g_autofree gchar *progress = td_official_progress (d);

  if (d->responsible == TD_RESPONSIBLE_UNIT && d->unit_id != 0)
    {
      g_autoptr (TdBlocYear) by = td_registry_get_bloc_year (x->db, d->bloc_year_id, NULL);

      unit = td_registry_unit_name_in_year (x->db, d->unit_id, by ? by->year : 0);
    }
  who = td_official_responsible (d, is_cluster (x, d->bloc_year_id), unit);
  if (who != NULL)
    g_string_append_printf (text, "Trách nhiệm: %s\n", who);
  if (progress != NULL)
    g_string_append_printf (text, "Tiến độ: %s\n", progress);
  if (g_date_valid (&d->done))
    {
      g_autofree gchar *done = td_calendar_format_dmy (&d->done);
      g_string_append_printf (text, "Đã hoàn thành ngày %s\n", done);
    }
}

/* The text under the summary, in the documents' Vietnamese: the class of
 * a round anniversary (Nghị định 145/2013, Điều 3; an ordinary year says
 * nothing), the first year a day was observed when it came after the event
 * it recalls, who carries out a deadline, the lunar date of a day that is
 * not a yearly rule (its lunar date changes every year). */
static gchar *
occurrence_description (Export *x, const TdOccurrence *occ, gboolean yearly)
{
  GString *text = g_string_new (NULL);

  if (occ->year_class == TD_YEAR_CLASS_ROUND)
    g_string_append (text, "Kỷ niệm năm tròn\n");
  else if (occ->year_class == TD_YEAR_CLASS_HALF)
    g_string_append (text, "Kỷ niệm năm lẻ 5\n");
  if (occ->kind == TD_OCCURRENCE_EVENT && occ->since > 0
      && (yearly || occ->since > (gint)g_date_get_year (&occ->date) - occ->years))
    g_string_append_printf (text, "Được tổ chức hằng năm từ năm %d\n", occ->since);
  if (occ->kind == TD_OCCURRENCE_FOUNDING)
    g_string_append (text, "Ngày truyền thống của đơn vị\n");
  if (occ->kind == TD_OCCURRENCE_DEADLINE && occ->deadline != NULL)
    describe_deadline (x, occ->deadline, text);
  else if (occ->kind == TD_OCCURRENCE_CAMPAIGN && occ->detail != NULL)
    g_string_append_printf (text, "%s\n", occ->detail);
  if (occ->kind != TD_OCCURRENCE_CAMPAIGN && !yearly)
    {
      g_autofree gchar *lunar = td_lunar_format (&occ->lunar_date);
      g_string_append_printf (text, "Âm lịch: %s\n", lunar);
    }
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

static void
add_common (icalcomponent *event, const TdOccurrence *occ, const char *description)
{
  if (description != NULL && description[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_categories (occurrence_category (occ)));
}

/* A day without a count, from the first year it was observed: the
 * calendar shows it in every later year and in none before. */
static icalcomponent *
yearly_event (Export *x, const TdOccurrence *occ)
{
  g_autofree gchar *uid = occurrence_uid (x, occ, FALSE);
  g_autofree gchar *description = NULL;
  struct icalrecurrencetype rule;
  icalcomponent *event;
  GDate first = occ->date;

  if (g_hash_table_contains (x->recurring, uid))
    return NULL;
  if (occ->since > 0
      && g_date_valid_dmy (g_date_get_day (&occ->date), g_date_get_month (&occ->date), occ->since))
    g_date_set_year (&first, occ->since);
  event = all_day_event (uid, &first, &first, occ->title, x->stamp);
  icalrecurrencetype_clear (&rule);
  rule.freq = ICAL_YEARLY_RECURRENCE;
  icalcomponent_add_property (event, icalproperty_new_rrule (rule));
  description = occurrence_description (x, occ, TRUE);
  add_common (event, occ, description);
  g_hash_table_add (x->recurring, g_steal_pointer (&uid));
  return event;
}

static icalcomponent *
occurrence_event (Export *x, const TdOccurrence *occ)
{
  g_autofree gchar *description = NULL;
  g_autofree gchar *uid = NULL;
  g_autofree gchar *summary = NULL;
  icalcomponent *event;

  switch (occ->kind)
    {
    case TD_OCCURRENCE_CAMPAIGN:
      uid = occurrence_uid (x, occ, FALSE);
      event = all_day_event (uid, &occ->date, &occ->end, occ->title, x->stamp);
      break;
    case TD_OCCURRENCE_DEADLINE:
      uid = occurrence_uid (x, occ, FALSE);
      summary = g_strdup_printf ("Hạn: %s", occ->title);
      event = all_day_event (uid, &occ->date, &occ->date, summary, x->stamp);
      break;
    case TD_OCCURRENCE_EVENT:
    case TD_OCCURRENCE_FOUNDING:
    default:
      if (occ->kind == TD_OCCURRENCE_EVENT && occ->recurs)
        return yearly_event (x, occ);
      /* That year's event: its count, its lunar day, its Can Chi. */
      uid = occurrence_uid (x, occ, TRUE);
      event = all_day_event (uid, &occ->date, &occ->date, occ->label, x->stamp);
      break;
    }
  description = occurrence_description (x, occ, FALSE);
  add_common (event, occ, description);
  return event;
}

gchar *
td_ical_build (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to, GDateTime *stamp,
               GError **error)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *when = stamp ? stamp : now;
  Export x = { 0 };
  icalcomponent *calendar;
  GDate today;
  gchar *text;

  if (g_date_compare (from, to) > 0)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _ ("Dates: the first day comes after the last; swap them."));
      return NULL;
    }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                  g_date_time_get_year (when));
  list = td_calendar_occurrences (db, bloc_year_id, from, to, &today, error);
  if (list == NULL)
    return NULL;

  x.db = db;
  x.identity = db ? td_db_dup_identity (db) : g_strdup ("lich");
  x.clusters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  x.recurring = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x.stamp = icaltime_from_timet_with_zone ((time_t)g_date_time_to_unix (when), 0,
                                           icaltimezone_get_utc_timezone ());
  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Thi Dua//Lich thi dua//VI"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  {
    icalproperty *name = icalproperty_new_x ("Lịch thi đua – Thi Đua");
    icalproperty_set_x_name (name, "X-WR-CALNAME");
    icalcomponent_add_property (calendar, name);
  }
  for (guint i = 0; i < list->len; i++)
    {
      icalcomponent *event = occurrence_event (&x, g_ptr_array_index (list, i));

      if (event != NULL)
        icalcomponent_add_component (calendar, event);
    }

  text = g_strdup (icalcomponent_as_ical_string (calendar));
  icalcomponent_free (calendar);
  g_hash_table_unref (x.clusters);
  g_hash_table_unref (x.recurring);
  g_free (x.identity);
  return text;
}

gboolean
td_ical_export (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to, const char *path,
                GError **error)
{
  g_autofree gchar *text = NULL;

  /* Never over the database it is read from, a companion file or a backup. */
  if (!td_output_guard (path, td_db_get_path (db), TD_OUTPUT_DOCUMENT, error))
    return FALSE;
  text = td_ical_build (db, bloc_year_id, from, to, NULL, error);
  return text != NULL && td_output_write_text (path, text, -1, error);
}
