/* SPDX-License-Identifier: GPL-3.0-or-later */
/* iCalendar export.
 *
 * libical writes the format (line folding, escaping, the RRULE grammar),
 * so the file opens in GNOME Calendar, Thunderbird and phones.  All events
 * are all-day: commemorations and deadlines are days, not hours, and a
 * date without a time zone means the same day everywhere. */
#include "config.h"

#include "td-ical.h"
#include "td-output-guard.h"
#include "td-output.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#define UID_DOMAIN "thidua.example.com"

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

static gchar *
occurrence_uid (const TdOccurrence *occ, gboolean per_year)
{
  const char *what[] = { "event", "founding", "campaign", "deadline" };
  g_autofree gchar *id
      = occ->key ? g_strdup (occ->key) : g_strdup_printf ("%" G_GINT64_FORMAT, occ->id);

  if (per_year)
    return g_strdup_printf ("%s-%s-%u@" UID_DOMAIN, what[occ->kind], id,
                            g_date_get_year (&occ->date));
  return g_strdup_printf ("%s-%s@" UID_DOMAIN, what[occ->kind], id);
}

/* The text under the summary: the lunar date, the anniversary and its class
 * (Nghị định 145/2013), the responsible unit and progress of a deadline. */
static gchar *
occurrence_description (const TdOccurrence *occ)
{
  GString *text = g_string_new (NULL);
  g_autofree gchar *lunar = td_lunar_format (&occ->lunar_date);

  if (occ->years > 0)
    g_string_append_printf (text, "%s (%s)\n", occ->label,
                            td_calendar_year_class_name (occ->year_class));
  if (occ->kind == TD_OCCURRENCE_DEADLINE)
    {
      if (occ->detail != NULL)
        g_string_append_printf (text, "Trách nhiệm: %s\n", occ->detail);
      if (occ->state == TD_DEADLINE_DONE)
        g_string_append (text, "Đã hoàn thành\n");
    }
  else if (occ->kind == TD_OCCURRENCE_CAMPAIGN && occ->detail != NULL)
    g_string_append_printf (text, "%s\n", occ->detail);
  if (occ->kind != TD_OCCURRENCE_CAMPAIGN)
    g_string_append_printf (text, "Âm lịch: %s\n", lunar);
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

gchar *
td_ical_build (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to, GDateTime *stamp,
               GError **error)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GHashTable) recurring = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *when = stamp ? stamp : now;
  struct icaltimetype dtstamp;
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

  dtstamp = icaltime_from_timet_with_zone ((time_t)g_date_time_to_unix (when), 0,
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
      TdOccurrence *occ = g_ptr_array_index (list, i);
      g_autofree gchar *description = occurrence_description (occ);
      g_autofree gchar *uid = NULL;
      icalcomponent *event;

      if (occ->kind == TD_OCCURRENCE_EVENT && occ->recurs)
        {
          /* One yearly event from its first day in the range; each later
           * year's anniversary goes into the same description. */
          icalcomponent *first;

          uid = occurrence_uid (occ, FALSE);
          first = g_hash_table_lookup (recurring, uid);
          if (first != NULL)
            {
              icalproperty *prop
                  = icalcomponent_get_first_property (first, ICAL_DESCRIPTION_PROPERTY);

              if (occ->years > 0 && prop != NULL)
                {
                  g_autofree gchar *more
                      = g_strdup_printf ("%s\n%s (%s)", icalproperty_get_description (prop),
                                         occ->label, td_calendar_year_class_name (occ->year_class));
                  icalproperty_set_description (prop, more);
                }
              continue;
            }
          event = all_day_event (uid, &occ->date, &occ->date, occ->title, dtstamp);
          {
            struct icalrecurrencetype rule;

            icalrecurrencetype_clear (&rule);
            rule.freq = ICAL_YEARLY_RECURRENCE;
            icalcomponent_add_property (event, icalproperty_new_rrule (rule));
          }
          add_common (event, occ, description);
          g_hash_table_insert (recurring, g_steal_pointer (&uid), event);
        }
      else if (occ->kind == TD_OCCURRENCE_CAMPAIGN)
        {
          uid = occurrence_uid (occ, FALSE);
          event = all_day_event (uid, &occ->date, &occ->end, occ->title, dtstamp);
          add_common (event, occ, description);
        }
      else if (occ->kind == TD_OCCURRENCE_DEADLINE)
        {
          g_autofree gchar *summary = g_strdup_printf ("Hạn: %s", occ->title);

          uid = occurrence_uid (occ, FALSE);
          event = all_day_event (uid, &occ->date, &occ->date, summary, dtstamp);
          add_common (event, occ, description);
        }
      else
        {
          /* Lunar dates move, and round-year days do not recur: one event
           * per year, with that year's label. */
          uid = occurrence_uid (occ, TRUE);
          event = all_day_event (uid, &occ->date, &occ->date, occ->label, dtstamp);
          add_common (event, occ, description);
        }
      icalcomponent_add_component (calendar, event);
    }

  text = g_strdup (icalcomponent_as_ical_string (calendar));
  icalcomponent_free (calendar);
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
