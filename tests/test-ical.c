/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The iCalendar export, read back with libical: a counted anniversary is
 * one event per year with that year's count, a day without a count recurs
 * from the first year it was observed, the text is Vietnamese whatever
 * the locale, and two databases imported into one calendar keep each
 * other's events (stable, unique UIDs) with the right events in 2025 and
 * 2026. */
#include "config.h"

#include "td-demo.h"
#include "td-ical.h"
#include "td-registry.h"
#include "td-test-tmp.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <locale.h>
#include <string.h>

static GDate
dmy (guint d, guint m, guint y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static TdDb *
demo_db (void)
{
  g_autoptr (GError) error = NULL;
  TdDb *db = td_db_new_memory (&error);

  g_assert_no_error (error);
  g_assert_true (td_demo_populate (db, &error));
  g_assert_no_error (error);
  return db;
}

/* A second clerk's file, typed in from nothing: a Cụm of one member
 * founded on 01/01/2016, its own liberation day (row 1, as the demo's),
 * the usual deadlines of 2025 (rows 1–5, as the demo's). */
static TdDb *
cluster_db (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  g_autoptr (TdUnit) unit = td_unit_new ();
  g_autoptr (TdEvent) event = td_event_new ();
  g_autoptr (GPtrArray) plan = td_calendar_plan_template (2025);
  TdDb *db = td_db_new_memory (&error);

  g_assert_no_error (error);
  bloc->name = g_strdup ("Cụm thi đua các huyện phía Bắc");
  bloc->kind = TD_BLOC_CUM;
  bloc->place = g_strdup ("Đồng Nai");
  by->bloc_id = td_registry_add_bloc (db, bloc, &error);
  g_assert_no_error (error);
  by->year = 2025;
  by->id = td_registry_add_bloc_year (db, by, &error);
  g_assert_no_error (error);
  unit->name = g_strdup ("Ủy ban nhân dân huyện Tân Phú");
  g_date_set_dmy (&unit->founded, 1, 1, 2016);
  g_assert_cmpint (td_registry_add_unit_to_bloc_year (db, by->id, unit, &error), >, 0);
  g_assert_no_error (error);
  event->name = g_strdup ("Ngày giải phóng tỉnh Đồng Nai");
  event->day = 29;
  event->month = 4;
  event->year = 1975;
  g_assert_cmpint (td_calendar_add_event (db, event, &error), ==, 1);
  g_assert_true (td_calendar_apply_plan (db, by->id, plan, &error));
  g_assert_no_error (error);
  return db;
}

static gchar *
build (TdDb *db, gint64 bloc_year_id, GDate from, GDate to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) stamp = g_date_time_new_utc (2025, 1, 10, 8, 0, 0);
  gchar *text = td_ical_build (db, bloc_year_id, &from, &to, stamp, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR"));
  return text;
}

static icalcomponent *
parse (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_true (icalrestriction_check (calendar));
  return calendar;
}

static icalcomponent *
build_and_parse (TdDb *db, gint64 bloc_year_id, GDate from, GDate to)
{
  g_autofree gchar *text = build (db, bloc_year_id, from, to);
  return parse (text);
}

#define FOR_EACH_EVENT(e, calendar)                                                                \
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);     \
       e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))

static icalcomponent *
find_event (icalcomponent *calendar, const char *summary)
{
  FOR_EACH_EVENT (e, calendar)
  if (g_strcmp0 (icalcomponent_get_summary (e), summary) == 0)
    return e;
  return NULL;
}

static guint
count_events (icalcomponent *calendar, const char *summary_part)
{
  guint n = 0;

  FOR_EACH_EVENT (e, calendar)
  n += strstr (icalcomponent_get_summary (e), summary_part) != NULL;
  return n;
}

static gboolean
has_rrule (icalcomponent *event, struct icalrecurrencetype *out)
{
  icalproperty *p = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);

  if (p != NULL && out != NULL)
    *out = icalproperty_get_rrule (p);
  return p != NULL;
}

static const char *
description (icalcomponent *event)
{
  const char *text = icalcomponent_get_description (event);
  return text ? text : "";
}

static void
assert_day (struct icaltimetype t, int d, int m, int y)
{
  g_assert_true (t.is_date);
  g_assert_cmpint (t.day, ==, d);
  g_assert_cmpint (t.month, ==, m);
  g_assert_cmpint (t.year, ==, y);
}

static void
test_year (void)
{
  g_autoptr (TdDb) db = demo_db ();
  g_autofree gchar *text = build (db, 0, dmy (1, 1, 2024), dmy (31, 12, 2024));
  icalcomponent *calendar = parse (text);
  icalcomponent *e;
  struct icalrecurrencetype rule;
  guint n_events = 0, n_recurring = 0;
  g_autoptr (GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);

  FOR_EACH_EVENT (ev, calendar)
  {
    const char *uid = icalcomponent_get_uid (ev);

    n_events++;
    n_recurring += has_rrule (ev, NULL);
    g_assert_nonnull (uid);
    g_assert_false (g_hash_table_contains (uids, uid));
    g_hash_table_add (uids, (gpointer)uid);
    g_assert_true (icalcomponent_get_dtstart (ev).is_date);
  }
  g_assert_cmpuint (n_events, >=, 45);
  /* Only the days without a count recur: Ngày Pháp luật, Ngày Khoa học và
   * Công nghệ, Ngày Chuyển đổi số (all solar days with a count are one
   * event per year). */
  g_assert_cmpuint (n_recurring, ==, 3);
  /* Ordinary years carry no class ("năm khác" is not a label). */
  g_assert_null (strstr (text, "năm khác"));
  g_assert_null (strstr (text, "Head of"));

  /* A counted anniversary: that year's event with that year's count. */
  e = find_event (calendar, "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 7, 5, 2024);
  assert_day (icalcomponent_get_dtend (e), 8, 5, 2024);
  g_assert_false (has_rrule (e, NULL));
  g_assert_nonnull (strstr (description (e), "Kỷ niệm năm tròn"));
  g_assert_cmpstr (
      icalproperty_get_categories (icalcomponent_get_first_property (e, ICAL_CATEGORIES_PROPERTY)),
      ==, "Ngày lễ lớn");
  e = find_event (calendar,
                  "Kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)");
  g_assert_nonnull (e);
  g_assert_null (strstr (description (e), "năm"));
  /* A day instituted after the event it recalls says since when. */
  e = find_event (calendar, "Kỷ niệm 69 năm Ngày Thầy thuốc Việt Nam (27/02/1955 - 27/02/2024)");
  g_assert_nonnull (e);
  g_assert_nonnull (strstr (description (e), "Được tổ chức hằng năm từ năm 1985"));

  /* A day without a count: one yearly event from the first year it was
   * observed, with nothing in it that changes from year to year. */
  e = find_event (calendar, "Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 9, 11, 2013);
  g_assert_true (has_rrule (e, &rule));
  g_assert_cmpint (rule.freq, ==, ICAL_YEARLY_RECURRENCE);
  g_assert_true (icaltime_is_null_time (rule.until));
  g_assert_null (strstr (description (e), "Âm lịch"));
  g_assert_nonnull (strstr (description (e), "từ năm 2013"));
  {
    icalrecur_iterator *it = icalrecur_iterator_new (rule, icalcomponent_get_dtstart (e));
    struct icaltimetype next = icalrecur_iterator_next (it);

    assert_day (next, 9, 11, 2013);
    next = icalrecur_iterator_next (it);
    assert_day (next, 9, 11, 2014);
    icalrecur_iterator_free (it);
  }

  /* Lunar events: that year's solar day, no recurrence, with Can Chi. */
  e = find_event (calendar, "Tết Nguyên đán Giáp Thìn");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 10, 2, 2024);
  g_assert_false (has_rrule (e, NULL));
  g_assert_nonnull (strstr (description (e), "Âm lịch: 01/01"));
  e = find_event (calendar, "Giỗ Tổ Hùng Vương năm Giáp Thìn");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 18, 4, 2024);

  /* A round-year founding day (Sở Thông tin và Truyền thông, 01/7/2004)
   * and a leader's 120th birthday are single events with their label. */
  e = find_event (calendar, "Kỷ niệm 20 năm Ngày thành lập Sở Thông tin và Truyền thông "
                            "(01/7/2004 - 01/7/2024)");
  g_assert_nonnull (e);
  g_assert_false (has_rrule (e, NULL));
  g_assert_nonnull (strstr (description (e), "Ngày truyền thống của đơn vị"));
  e = find_event (calendar, "Kỷ niệm 120 năm Ngày sinh đồng chí Trần Phú (01/5/1904 - 01/5/2024)");
  g_assert_nonnull (e);
  g_assert_false (has_rrule (e, NULL));

  /* Deadlines: all-day, with who is responsible and the progress. */
  e = find_event (calendar, "Hạn: Gửi báo cáo tổng kết và tự chấm điểm thi đua năm 2024");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 30, 12, 2024);
  assert_day (icalcomponent_get_dtend (e), 31, 12, 2024);
  g_assert_false (has_rrule (e, NULL));
  g_assert_nonnull (strstr (description (e), "Trách nhiệm: Các đơn vị thành viên"));
  g_assert_nonnull (strstr (description (e), "Tiến độ: 8/12 đơn vị đã gửi"));
  e = find_event (calendar, "Hạn: Tổ chức Hội thao Khối thi đua năm 2024");
  g_assert_nonnull (e);
  g_assert_nonnull (strstr (description (e), "Trách nhiệm: Khối trưởng"));
  g_assert_nonnull (strstr (description (e), "Đã hoàn thành ngày 18/08/2024"));
  /* The year-end meeting of 2024 is due in 2025: not in this export. */
  g_assert_null (find_event (
      calendar, "Hạn: Hội nghị tổng kết công tác thi đua năm 2024 tại đơn vị Khối trưởng"));
  icalcomponent_free (calendar);
}

/* Whatever the desktop's language, the calendar speaks the documents'
 * Vietnamese ("Trách nhiệm: Head of the bloc" under LANG=C before). */
static void
test_any_locale (void)
{
  g_autoptr (TdDb) db = demo_db ();
  g_autofree gchar *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree gchar *text = NULL;

  setlocale (LC_ALL, "C");
  text = build (db, 0, dmy (1, 1, 2024), dmy (31, 12, 2024));
  setlocale (LC_ALL, saved);
  g_assert_null (strstr (text, "Head of"));
  g_assert_null (strstr (text, "Every member"));
  g_assert_null (strstr (text, "units have sent"));
  g_assert_nonnull (strstr (text, "Trách nhiệm: Khối trưởng"));
  g_assert_nonnull (strstr (text, "Trách nhiệm: Khối phó"));
}

/* A day is listed from the first year it was observed: Ngày Pháp luật
 * (instituted by a law in force from 2013) is not in 2012; Ngày Khoa học
 * và Công nghệ (from 2014) not in 2013. */
static void
test_first_year (void)
{
  icalcomponent *calendar = build_and_parse (NULL, 0, dmy (1, 1, 2012), dmy (31, 12, 2013));
  icalcomponent *e;

  e = find_event (calendar, "Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 9, 11, 2013);
  g_assert_null (find_event (calendar, "Ngày Khoa học và Công nghệ Việt Nam"));
  icalcomponent_free (calendar);

  calendar = build_and_parse (NULL, 0, dmy (1, 1, 2012), dmy (31, 12, 2012));
  g_assert_null (find_event (calendar, "Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam"));
  g_assert_cmpuint (count_events (calendar, "Ngày Thể thao Việt Nam"), ==, 1);
  g_assert_cmpuint (count_events (calendar, "Ngày Chuyển đổi số"), ==, 0);
  icalcomponent_free (calendar);
}

/* Does @event take place in @year (a yearly rule expanded, a window
 * overlapping the year)? */
static gboolean
in_year (icalcomponent *event, gint year)
{
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  struct icaltimetype end = icalcomponent_get_dtend (event);
  struct icalrecurrencetype rule;

  if (has_rrule (event, &rule))
    {
      icalrecur_iterator *it = icalrecur_iterator_new (rule, start);
      gboolean found = FALSE;

      for (struct icaltimetype t = icalrecur_iterator_next (it);
           !icaltime_is_null_time (t) && t.year <= year; t = icalrecur_iterator_next (it))
        found |= t.year == year;
      icalrecur_iterator_free (it);
      return found;
    }
  /* DTEND is exclusive. */
  return start.year <= year
         && (end.year > year || (end.year == year + 1 && (end.month > 1 || end.day > 1))
             || end.year == year);
}

static guint
events_in_year (GHashTable *store, gint year)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, store);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += in_year (value, year);
  return n;
}

static guint
occurrences_in_year (TdDb *db, gint year)
{
  g_autoptr (GError) error = NULL;
  GDate from = dmy (1, 1, year), to = dmy (31, 12, year);
  g_autoptr (GPtrArray) list = td_calendar_occurrences (db, 0, &from, &to, NULL, &error);

  g_assert_no_error (error);
  return list->len;
}

/* Imports @calendar into @store as a calendar program does: an event
 * whose UID is already there replaces it.  A UID may come twice only for
 * the very same event (a national day both files carry); anything else
 * would overwrite another event. */
static guint
import (GHashTable *store, icalcomponent *calendar)
{
  guint shared = 0;

  FOR_EACH_EVENT (e, calendar)
  {
    const char *uid = icalcomponent_get_uid (e);
    icalcomponent *before = g_hash_table_lookup (store, uid);

    if (before != NULL)
      {
        g_autofree gchar *a = g_strdup (icalcomponent_as_ical_string (before));
        g_autofree gchar *b = g_strdup (icalcomponent_as_ical_string (e));

        if (g_strcmp0 (a, b) != 0)
          g_error ("UID %s names two different events:\n%s\n%s", uid, a, b);
        g_assert_true (g_str_has_suffix (uid, "@lich.thidua.example.com"));
        shared++;
      }
    g_hash_table_replace (store, (gpointer)uid, e);
  }
  return shared;
}

static void
test_two_databases (void)
{
  g_autoptr (TdDb) demo = demo_db ();
  g_autoptr (TdDb) cluster = cluster_db ();
  g_autoptr (GHashTable) store = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gchar *demo_id = td_db_dup_identity (demo);
  g_autofree gchar *cluster_id = td_db_dup_identity (cluster);
  g_autofree gchar *again = NULL;
  g_autofree gchar *first = NULL;
  icalcomponent *a, *b;
  guint shared;

  g_assert_true (g_uuid_string_is_valid (demo_id));
  g_assert_true (g_uuid_string_is_valid (cluster_id));
  g_assert_cmpstr (demo_id, !=, cluster_id);

  /* Stable: the same file exported twice gives the same events. */
  first = build (demo, 0, dmy (1, 1, 2025), dmy (31, 12, 2026));
  again = build (demo, 0, dmy (1, 1, 2025), dmy (31, 12, 2026));
  g_assert_cmpstr (first, ==, again);

  a = parse (first);
  b = build_and_parse (cluster, 0, dmy (1, 1, 2025), dmy (31, 12, 2026));
  g_assert_cmpuint (import (store, a), ==, 0);
  shared = import (store, b);
  /* The national days of both years, once each: exactly what the shipped
   * list alone gives. */
  {
    icalcomponent *national = build_and_parse (NULL, 0, dmy (1, 1, 2025), dmy (31, 12, 2026));
    guint n = 0;

    FOR_EACH_EVENT (e, national)
    n++;
    g_assert_cmpuint (shared, ==, n);
    g_assert_cmpuint (shared, >, 80);
    icalcomponent_free (national);
  }

  /* Each file's own rows 1 are both there: the liberation days. */
  g_assert_nonnull (
      find_event (a, "Kỷ niệm 50 năm Ngày giải phóng tỉnh Bình Phước (23/3/1975 - 23/3/2025)"));
  g_assert_nonnull (
      find_event (b, "Kỷ niệm 50 năm Ngày giải phóng tỉnh Đồng Nai (29/4/1975 - 29/4/2025)"));
  g_assert_nonnull (
      find_event (b, "Kỷ niệm 51 năm Ngày giải phóng tỉnh Đồng Nai (29/4/1975 - 29/4/2026)"));
  {
    guint n_liberation = 0, n_deadlines = 0;
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, store);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        const char *summary = icalcomponent_get_summary (value);

        n_liberation += g_str_has_prefix (summary, "Kỷ niệm")
                        && strstr (summary, "Ngày giải phóng tỉnh") != NULL;
        n_deadlines += g_str_has_prefix (summary, "Hạn: ");
      }
    /* Bình Phước and Đồng Nai, 2025 and 2026. */
    g_assert_cmpuint (n_liberation, ==, 4);
    /* The demo's 2024 year-end meeting (due 31/3/2025) and the cluster's
     * five deadlines of 2025 (the last due 31/3/2026). */
    g_assert_cmpuint (n_deadlines, ==, 6);
  }
  /* The cluster's head is a Cụm trưởng; its member's 10th founding day. */
  g_assert_nonnull (
      strstr (description (find_event (b, "Hạn: Tổ chức Hội thao Khối thi đua năm 2025")),
              "Trách nhiệm: Cụm trưởng"));
  g_assert_nonnull (find_event (b, "Kỷ niệm 10 năm Ngày thành lập Ủy ban nhân dân huyện Tân Phú "
                                   "(01/01/2016 - 01/01/2026)"));

  /* The right counts: each year's anniversary with its own number, and as
   * many events in the merged calendar as both files hold, the national
   * days once. */
  g_assert_nonnull (find_event (b, "Kỷ niệm 50 năm Ngày giải phóng hoàn toàn miền Nam thống nhất "
                                   "đất nước (30/4/1975 - 30/4/2025)"));
  g_assert_nonnull (find_event (b, "Kỷ niệm 51 năm Ngày giải phóng hoàn toàn miền Nam thống nhất "
                                   "đất nước (30/4/1975 - 30/4/2026)"));
  for (gint year = 2025; year <= 2026; year++)
    g_assert_cmpuint (events_in_year (store, year), ==,
                      occurrences_in_year (demo, year) + occurrences_in_year (cluster, year)
                          - occurrences_in_year (NULL, year));

  icalcomponent_free (a);
  icalcomponent_free (b);
}

static void
test_range_and_file (void)
{
  g_autoptr (TdDb) db = demo_db ();
  g_autoptr (GError) error = NULL;
  g_autofree gchar *dir = td_test_make_tmp_dir ("td-ical-XXXXXX");
  g_autofree gchar *path = g_build_filename (dir, "lich.ics", NULL);
  g_autofree gchar *text = NULL;
  GDate from = dmy (1, 12, 2024), to = dmy (31, 3, 2025);
  gint64 by_id = td_db_query_int (db, "SELECT id FROM bloc_year WHERE year = 2024", 0, NULL);
  g_autofree gchar *sql = g_strdup_printf (
      "INSERT INTO campaign (bloc_year_id, name, kind, starts, ends) VALUES (%" G_GINT64_FORMAT
      ", 'Đợt thi đua đặc biệt', 'special', '2024-10-01', '2025-09-30')",
      by_id);
  icalcomponent *calendar, *e;

  g_assert_cmpint (by_id, >, 0);
  g_assert_true (td_db_exec (db, sql, &error));
  g_assert_true (td_ical_export (db, by_id, &from, &to, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  calendar = parse (text);

  /* A range over two years: each year's anniversary is its own event. */
  e = find_event (calendar, "Kỷ niệm 80 năm Ngày thành lập Quân đội Nhân dân Việt Nam "
                            "(22/12/1944 - 22/12/2024)");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 22, 12, 2024);
  e = find_event (calendar,
                  "Kỷ niệm 50 năm Ngày giải phóng tỉnh Bình Phước (23/3/1975 - 23/3/2025)");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 23, 3, 2025);
  g_assert_nonnull (strstr (description (e), "Kỷ niệm năm tròn"));
  e = find_event (calendar, "Tết Nguyên đán Ất Tỵ");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 29, 1, 2025);
  g_assert_null (find_event (calendar, "Tết Nguyên đán Giáp Thìn"));
  /* The campaign window spans its days (DTEND exclusive). */
  e = find_event (calendar, "Đợt thi đua đặc biệt");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 1, 10, 2024);
  assert_day (icalcomponent_get_dtend (e), 1, 10, 2025);
  g_assert_nonnull (strstr (description (e), "Đợt thi đua đặc biệt"));
  e = find_event (calendar,
                  "Hạn: Hội nghị tổng kết công tác thi đua năm 2024 tại đơn vị Khối trưởng");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 31, 3, 2025);
  icalcomponent_free (calendar);

  /* Refused: a reversed range, an unwritable place. */
  g_assert_false (td_ical_export (db, by_id, &to, &from, path, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "no-such-folder", "lich.ics", NULL);
  g_assert_false (td_ical_export (db, by_id, &from, &to, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "lich.ics", NULL);
}

/* Never over the database it reads, by any name, or its companions; the
 * file is left as it was. */
static void
test_never_over_the_database (void)
{
  g_autofree gchar *dir = td_test_make_tmp_dir ("td-ical-XXXXXX");
  g_autofree gchar *path = g_build_filename (dir, "khoi6.db", NULL);
  g_autofree gchar *wal = g_strconcat (path, "-wal", NULL);
  g_autofree gchar *twisted = g_build_filename (dir, ".", "khoi6.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_demo_create (path, &error);
  g_autofree gchar *before = NULL, *after = NULL;
  gsize len_before = 0, len_after = 0;
  GDate from = dmy (1, 1, 2024), to = dmy (31, 12, 2024);
  const char *targets[] = { path, twisted, wal };

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_assert_false (td_ical_export (db, 0, &from, &to, targets[i], &error));
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
  g_clear_object (&db);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("THIDUA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ical/year", test_year);
  g_test_add_func ("/ical/any-locale", test_any_locale);
  g_test_add_func ("/ical/first-year", test_first_year);
  g_test_add_func ("/ical/two-databases", test_two_databases);
  g_test_add_func ("/ical/range-and-file", test_range_and_file);
  g_test_add_func ("/ical/never-over-the-database", test_never_over_the_database);
  return g_test_run ();
}
