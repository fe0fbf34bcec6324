/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The iCalendar export, read back with libical: events, dates, recurrence,
 * deadlines and campaign windows as all-day events. */
#include "config.h"

#include "td-demo.h"
#include "td-ical.h"
#include "td-registry.h"

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

static icalcomponent *
build_and_parse (TdDb *db, gint64 bloc_year_id, GDate from, GDate to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) stamp = g_date_time_new_utc (2025, 1, 10, 8, 0, 0);
  g_autofree gchar *text = td_ical_build (db, bloc_year_id, &from, &to, stamp, &error);
  icalcomponent *calendar;

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR"));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_true (icalrestriction_check (calendar));
  return calendar;
}

static icalcomponent *
find_event (icalcomponent *calendar, const char *summary)
{
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_summary (e), summary) == 0)
      return e;
  return NULL;
}

static gboolean
has_rrule (icalcomponent *event, struct icalrecurrencetype *out)
{
  icalproperty *p = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);

  if (p != NULL && out != NULL)
    *out = icalproperty_get_rrule (p);
  return p != NULL;
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
  icalcomponent *calendar = build_and_parse (db, 0, dmy (1, 1, 2024), dmy (31, 12, 2024));
  icalcomponent *e;
  struct icalrecurrencetype rule;
  const char *description;
  guint n_events = 0, n_recurring = 0;
  GHashTable *uids = g_hash_table_new (g_str_hash, g_str_equal);

  for (e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); e != NULL;
       e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (e);

      n_events++;
      n_recurring += has_rrule (e, NULL);
      g_assert_nonnull (uid);
      g_assert_false (g_hash_table_contains (uids, uid));
      g_hash_table_add (uids, (gpointer)uid);
      g_assert_true (icalcomponent_get_dtstart (e).is_date);
    }
  g_hash_table_destroy (uids);
  g_assert_cmpuint (n_events, >=, 45);
  g_assert_cmpuint (n_recurring, >=, 30);

  /* A solar commemoration recurs yearly; the year's anniversary is said in
   * its description. */
  e = find_event (calendar, "Chiến thắng Điện Biên Phủ");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 7, 5, 2024);
  assert_day (icalcomponent_get_dtend (e), 8, 5, 2024);
  g_assert_true (has_rrule (e, &rule));
  g_assert_cmpint (rule.freq, ==, ICAL_YEARLY_RECURRENCE);
  g_assert_true (icaltime_is_null_time (rule.until));
  description = icalcomponent_get_description (e);
  g_assert_nonnull (strstr (
      description, "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024) (năm tròn)"));
  {
    /* Expanded, it falls on 07/5 of the next years. */
    icalrecur_iterator *it = icalrecur_iterator_new (rule, icalcomponent_get_dtstart (e));
    struct icaltimetype next;

    next = icalrecur_iterator_next (it);
    assert_day (next, 7, 5, 2024);
    next = icalrecur_iterator_next (it);
    assert_day (next, 7, 5, 2025);
    icalrecur_iterator_free (it);
  }

  /* Lunar events: that year's solar day, no recurrence, with Can Chi. */
  e = find_event (calendar, "Tết Nguyên đán Giáp Thìn");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 10, 2, 2024);
  g_assert_false (has_rrule (e, NULL));
  g_assert_nonnull (strstr (icalcomponent_get_description (e), "Âm lịch: 01/01"));
  e = find_event (calendar, "Giỗ Tổ Hùng Vương năm Giáp Thìn");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 18, 4, 2024);

  /* A round-year founding day (Sở Thông tin và Truyền thông, 01/7/2004)
   * and a leader's 120th birthday are single events with their label. */
  e = find_event (calendar, "Kỷ niệm 20 năm Ngày thành lập Sở Thông tin và Truyền thông "
                            "(01/7/2004 - 01/7/2024)");
  g_assert_nonnull (e);
  g_assert_false (has_rrule (e, NULL));
  e = find_event (calendar, "Kỷ niệm 120 năm Ngày sinh đồng chí Trần Phú (01/5/1904 - 01/5/2024)");
  g_assert_nonnull (e);
  g_assert_false (has_rrule (e, NULL));

  /* Deadlines: all-day, with who is responsible and the progress. */
  e = find_event (calendar, "Hạn: Gửi báo cáo tổng kết và tự chấm điểm thi đua năm 2024");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 30, 12, 2024);
  assert_day (icalcomponent_get_dtend (e), 31, 12, 2024);
  g_assert_false (has_rrule (e, NULL));
  g_assert_nonnull (strstr (icalcomponent_get_description (e), "8/12"));
  /* The year-end meeting of 2024 is due in 2025: not in this export. */
  g_assert_null (find_event (
      calendar, "Hạn: Hội nghị tổng kết công tác thi đua năm 2024 tại đơn vị Khối trưởng"));
  icalcomponent_free (calendar);
}

static void
test_range_and_file (void)
{
  g_autoptr (TdDb) db = demo_db ();
  g_autoptr (GError) error = NULL;
  g_autofree gchar *dir = g_dir_make_tmp ("td-ical-XXXXXX", NULL);
  g_autofree gchar *path = g_build_filename (dir, "lich.ics", NULL);
  g_autofree gchar *text = NULL;
  GDate from = dmy (1, 12, 2024), to = dmy (31, 3, 2025);
  gint64 by_id = td_db_query_int (db, "SELECT id FROM bloc_year WHERE year = 2024", 0, NULL);
  g_autofree gchar *sql = g_strdup_printf (
      "INSERT INTO campaign (bloc_year_id, name, kind, starts, ends) VALUES (%" G_GINT64_FORMAT
      ", 'Đợt thi đua đặc biệt', 'special', '2024-10-01', '2025-09-30')",
      by_id);
  icalcomponent *calendar, *e;
  const char *description;

  g_assert_cmpint (by_id, >, 0);
  g_assert_true (td_db_exec (db, sql, &error));
  g_assert_true (td_ical_export (db, by_id, &from, &to, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);

  /* A range over two years: one recurring event, both years described. */
  e = find_event (calendar, "Ngày thành lập Quân đội Nhân dân Việt Nam");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 22, 12, 2024);
  description = icalcomponent_get_description (e);
  g_assert_nonnull (strstr (description, "Kỷ niệm 80 năm"));
  e = find_event (calendar, "Ngày giải phóng tỉnh Bình Phước");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 23, 3, 2025);
  g_assert_nonnull (
      strstr (icalcomponent_get_description (e),
              "Kỷ niệm 50 năm Ngày giải phóng tỉnh Bình Phước (23/3/1975 - 23/3/2025) "
              "(năm tròn)"));
  e = find_event (calendar, "Tết Nguyên đán Ất Tỵ");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 29, 1, 2025);
  g_assert_null (find_event (calendar, "Tết Nguyên đán Giáp Thìn"));
  /* The campaign window spans its days (DTEND exclusive). */
  e = find_event (calendar, "Đợt thi đua đặc biệt");
  g_assert_nonnull (e);
  assert_day (icalcomponent_get_dtstart (e), 1, 10, 2024);
  assert_day (icalcomponent_get_dtend (e), 1, 10, 2025);
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
  g_unlink (path);
  g_rmdir (dir);
}

/* Never over the database it reads, by any name, or its companions; the
 * file is left as it was. */
static void
test_never_over_the_database (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("td-ical-XXXXXX", NULL);
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
  g_unlink (path);
  g_unlink (wal);
  {
    g_autofree gchar *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("THIDUA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ical/year", test_year);
  g_test_add_func ("/ical/range-and-file", test_range_and_file);
  g_test_add_func ("/ical/never-over-the-database", test_never_over_the_database);
  return g_test_run ();
}
