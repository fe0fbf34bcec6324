/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar: anniversaries exactly as the source documents write them,
 * Can Chi of Tết and Giỗ Tổ, the round-year rules, deadlines against a
 * pinned today, the plan template, member progress, lunar validation and
 * occurrences of a range. */
#include "config.h"

#include "td-calendar.h"
#include "td-demo.h"
#include "td-registry.h"
#include "td-test-tmp.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

static TdDb *
new_db (void)
{
  g_autoptr (GError) error = NULL;
  TdDb *db = td_db_new_memory (&error);

  g_assert_no_error (error);
  return db;
}

static GDate
dmy (guint d, guint m, guint y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static GPtrArray *
year_occurrences (TdDb *db, gint year)
{
  g_autoptr (GError) error = NULL;
  GDate from = dmy (1, 1, year), to = dmy (31, 12, year);
  GPtrArray *list = td_calendar_occurrences (db, 0, &from, &to, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static const TdOccurrence *
find_label (GPtrArray *list, const char *label)
{
  for (guint i = 0; i < list->len; i++)
    {
      const TdOccurrence *occ = g_ptr_array_index (list, i);
      if (g_strcmp0 (occ->label, label) == 0)
        return occ;
    }
  return NULL;
}

static const TdOccurrence *
find_prefix (GPtrArray *list, const char *prefix)
{
  for (guint i = 0; i < list->len; i++)
    {
      const TdOccurrence *occ = g_ptr_array_index (list, i);
      if (g_str_has_prefix (occ->label, prefix) || g_str_has_prefix (occ->title, prefix))
        return occ;
    }
  return NULL;
}

static gint64
add_local_event (TdDb *db, const char *name, gint d, gint m, gint y)
{
  g_autoptr (TdEvent) event = td_event_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  event->name = g_strdup (name);
  event->kind = TD_EVENT_LOCAL;
  event->day = d;
  event->month = m;
  event->year = y;
  id = td_calendar_add_event (db, event, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_anniversary (GPtrArray *list, const char *label, gint years, TdYearClass year_class,
                    const char *date)
{
  const TdOccurrence *occ = find_label (list, label);
  g_autofree gchar *text = NULL;

  if (occ == NULL)
    g_error ("missing anniversary: %s", label);
  g_assert_cmpint (occ->years, ==, years);
  g_assert_cmpint (occ->year_class, ==, year_class);
  text = td_calendar_format_dmy (&occ->date);
  g_assert_cmpstr (text, ==, date);
}

static void
test_date_format (void)
{
  GDate d = dmy (7, 5, 1954);
  g_autofree gchar *a = td_calendar_format_date (&d);
  GDate e = dmy (3, 2, 1930);
  g_autofree gchar *b = td_calendar_format_date (&e);
  GDate f = dmy (22, 12, 1944);
  g_autofree gchar *c = td_calendar_format_date (&f);
  GDate parsed;

  /* Days 1–9 and months 1–2 take a leading zero, as in both documents. */
  g_assert_cmpstr (a, ==, "07/5/1954");
  g_assert_cmpstr (b, ==, "03/02/1930");
  g_assert_cmpstr (c, ==, "22/12/1944");
  g_assert_true (td_calendar_parse_dmy ("30/6/2024", &parsed));
  g_assert_cmpuint (g_date_get_day (&parsed), ==, 30);
  g_assert_cmpuint (g_date_get_month (&parsed), ==, 6);
  g_assert_true (td_calendar_parse_dmy (" 01.07.2025", &parsed));
  g_assert_false (td_calendar_parse_dmy ("31/6/2024", &parsed));
  g_assert_false (td_calendar_parse_dmy ("30/6", &parsed));
  g_assert_false (td_calendar_parse_dmy ("30/6/2024x", &parsed));

  g_assert_cmpint (td_calendar_year_class (70), ==, TD_YEAR_CLASS_ROUND);
  g_assert_cmpint (td_calendar_year_class (35), ==, TD_YEAR_CLASS_HALF);
  g_assert_cmpint (td_calendar_year_class (47), ==, TD_YEAR_CLASS_OTHER);
  g_assert_cmpstr (td_calendar_year_class_name (TD_YEAR_CLASS_HALF), ==, "năm lẻ 5");
}

/* Document 000 (Khối Thi đua số 6, Bình Phước, 2024), section I.3:
 * "kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024); 80 năm
 * ngày thành lập Quân đội Nhân dân Việt Nam (22/12/1944 - 22/12/2024); 35
 * năm Ngày hội Quốc phòng toàn dân (22/12/1989 - 22/12/2024); … Kỷ niệm 50
 * năm Ngày giải phóng tỉnh Bình Phước (23/3/1975 - 23/3/2025)".  The names
 * start with a capital here, as the event's official name does. */
static void
test_document_000 (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GPtrArray) y2024 = NULL;
  g_autoptr (GPtrArray) y2025 = NULL;

  add_local_event (db, "Ngày giải phóng tỉnh Bình Phước", 23, 3, 1975);
  y2024 = year_occurrences (db, 2024);
  y2025 = year_occurrences (db, 2025);

  assert_anniversary (y2024, "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)", 70,
                      TD_YEAR_CLASS_ROUND, "07/05/2024");
  assert_anniversary (
      y2024, "Kỷ niệm 80 năm Ngày thành lập Quân đội Nhân dân Việt Nam (22/12/1944 - 22/12/2024)",
      80, TD_YEAR_CLASS_ROUND, "22/12/2024");
  assert_anniversary (y2024,
                      "Kỷ niệm 35 năm Ngày hội Quốc phòng toàn dân (22/12/1989 - 22/12/2024)", 35,
                      TD_YEAR_CLASS_HALF, "22/12/2024");
  assert_anniversary (y2025,
                      "Kỷ niệm 50 năm Ngày giải phóng tỉnh Bình Phước (23/3/1975 - 23/3/2025)", 50,
                      TD_YEAR_CLASS_ROUND, "23/03/2025");
  /* The same local day in 2024 is a năm lẻ (49). */
  assert_anniversary (y2024,
                      "Kỷ niệm 49 năm Ngày giải phóng tỉnh Bình Phước (23/3/1975 - 23/3/2024)", 49,
                      TD_YEAR_CLASS_OTHER, "23/03/2024");
}

/* Document 001 (Bình Định, 2022), Đợt I and Đợt II: "Kỷ niệm 92 năm Ngày
 * thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2022), Kỷ niệm 47
 * năm Ngày giải phóng tỉnh Bình Định (31/3/1975 - 31/3/2022) và 47 năm Ngày
 * giải phóng hoàn toàn miền Nam thống nhất đất nước (30/4/1975 -
 * 30/4/2022); Kỷ niệm 132 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 -
 * 19/5/2022)" and "kỷ niệm 77 năm Cách mạng tháng Tám (19/8/1945 -
 * 19/8/2022), Quốc khánh nước Cộng hòa Xã hội chủ nghĩa Việt Nam (02/9/1945
 * - 02/9/2022)". */
static void
test_document_001 (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GPtrArray) y2022 = NULL;

  add_local_event (db, "Ngày giải phóng tỉnh Bình Định", 31, 3, 1975);
  y2022 = year_occurrences (db, 2022);

  assert_anniversary (
      y2022, "Kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2022)", 92,
      TD_YEAR_CLASS_OTHER, "03/02/2022");
  assert_anniversary (y2022,
                      "Kỷ niệm 47 năm Ngày giải phóng tỉnh Bình Định (31/3/1975 - 31/3/2022)", 47,
                      TD_YEAR_CLASS_OTHER, "31/03/2022");
  assert_anniversary (y2022,
                      "Kỷ niệm 47 năm Ngày giải phóng hoàn toàn miền Nam thống nhất đất nước "
                      "(30/4/1975 - 30/4/2022)",
                      47, TD_YEAR_CLASS_OTHER, "30/04/2022");
  assert_anniversary (y2022,
                      "Kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022)", 132,
                      TD_YEAR_CLASS_OTHER, "19/05/2022");
  assert_anniversary (y2022, "Kỷ niệm 77 năm Cách mạng tháng Tám (19/8/1945 - 19/8/2022)", 77,
                      TD_YEAR_CLASS_OTHER, "19/08/2022");
  assert_anniversary (y2022,
                      "Kỷ niệm 77 năm Quốc khánh nước Cộng hòa Xã hội chủ nghĩa Việt Nam "
                      "(02/9/1945 - 02/9/2022)",
                      77, TD_YEAR_CLASS_OTHER, "02/09/2022");
}

static void
assert_event_on (GPtrArray *list, const char *title, const char *date, const char *lunar)
{
  const TdOccurrence *occ = NULL;
  g_autofree gchar *text = NULL;
  g_autofree gchar *lunar_text = NULL;

  for (guint i = 0; i < list->len && occ == NULL; i++)
    if (g_strcmp0 (((TdOccurrence *)g_ptr_array_index (list, i))->title, title) == 0)
      occ = g_ptr_array_index (list, i);
  if (occ == NULL)
    g_error ("missing event: %s", title);
  text = td_calendar_format_dmy (&occ->date);
  g_assert_cmpstr (text, ==, date);
  lunar_text = td_lunar_format (&occ->lunar_date);
  g_assert_cmpstr (lunar_text, ==, lunar);
  g_assert_true (occ->lunar);
  g_assert_cmpint (occ->years, ==, 0);
}

static void
test_lunar_events_and_can_chi (void)
{
  g_autoptr (GPtrArray) y2024 = year_occurrences (NULL, 2024);
  g_autoptr (GPtrArray) y2025 = year_occurrences (NULL, 2025);
  g_autoptr (GPtrArray) y2026 = year_occurrences (NULL, 2026);
  guint n_tet = 0;

  assert_event_on (y2024, "Tết Nguyên đán Giáp Thìn", "10/02/2024", "01/01");
  assert_event_on (y2024, "Giỗ Tổ Hùng Vương năm Giáp Thìn", "18/04/2024", "10/03");
  assert_event_on (y2025, "Tết Nguyên đán Ất Tỵ", "29/01/2025", "01/01");
  assert_event_on (y2025, "Giỗ Tổ Hùng Vương năm Ất Tỵ", "07/04/2025", "10/03");
  assert_event_on (y2025, "Tết Trung thu", "06/10/2025", "15/08");
  /* 23 tháng Chạp of Giáp Thìn falls in January 2025; Ất Tỵ's in 2026. */
  assert_event_on (y2025, "Tết ông Công, ông Táo", "22/01/2025", "23/12");
  assert_event_on (y2026, "Tết Nguyên đán Bính Ngọ", "17/02/2026", "01/01");
  for (guint i = 0; i < y2025->len; i++)
    if (g_str_has_prefix (((TdOccurrence *)g_ptr_array_index (y2025, i))->title, "Tết Nguyên đán"))
      n_tet++;
  g_assert_cmpuint (n_tet, ==, 1);
  /* Great holidays are marked. */
  g_assert_true (find_prefix (y2025, "Tết Nguyên đán")->great);
  g_assert_true (find_prefix (y2025, "Kỷ niệm 50 năm Ngày giải phóng hoàn toàn miền Nam")->great);
  g_assert_false (find_prefix (y2025, "Kỷ niệm 95 năm Ngày thành lập Hội Nông dân")->great);
}

static void
test_round_year_rules (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TdUnit) unit = td_unit_new ();
  g_autoptr (GPtrArray) y2024 = NULL;
  g_autoptr (GPtrArray) y2025 = NULL;
  g_autoptr (GPtrArray) y2023 = year_occurrences (NULL, 2023);
  g_autoptr (GPtrArray) y2011 = year_occurrences (NULL, 2011);
  g_autoptr (GPtrArray) y2001 = year_occurrences (NULL, 2001);
  g_autoptr (GPtrArray) y2021 = year_occurrences (NULL, 2021);
  const TdOccurrence *occ;

  unit->name = g_strdup ("Sở Thông tin và Truyền thông");
  unit->founded = dmy (1, 7, 2004);
  g_assert_cmpint (td_registry_add_unit (db, unit, &error), >, 0);
  g_assert_no_error (error);
  y2024 = year_occurrences (db, 2024);
  y2025 = year_occurrences (db, 2025);

  /* A unit's founding day only in round years (Nghị định 111/2018). */
  occ = find_label (y2024, "Kỷ niệm 20 năm Ngày thành lập Sở Thông tin và Truyền thông "
                           "(01/7/2004 - 01/7/2024)");
  g_assert_nonnull (occ);
  g_assert_cmpint (occ->kind, ==, TD_OCCURRENCE_FOUNDING);
  g_assert_null (find_prefix (y2025, "Kỷ niệm 21 năm Ngày thành lập Sở Thông tin"));
  g_assert_null (find_prefix (y2025, "Ngày thành lập Sở Thông tin"));

  /* Past leaders' births: from 100 years on, in round years only. */
  g_assert_nonnull (
      find_label (y2024, "Kỷ niệm 120 năm Ngày sinh đồng chí Trần Phú (01/5/1904 - 01/5/2024)"));
  g_assert_null (find_prefix (y2023, "Kỷ niệm 119 năm Ngày sinh đồng chí Trần Phú"));
  g_assert_null (find_prefix (y2023, "Ngày sinh đồng chí Trần Phú"));
  g_assert_nonnull (find_label (
      y2011, "Kỷ niệm 100 năm Ngày sinh đồng chí Võ Nguyên Giáp (25/8/1911 - 25/8/2011)"));
  g_assert_null (find_prefix (y2001, "Kỷ niệm 90 năm Ngày sinh đồng chí Võ Nguyên Giáp"));
  g_assert_nonnull (find_prefix (y2021, "Kỷ niệm 110 năm Ngày sinh đồng chí Võ Nguyên Giáp"));

  /* Days without a count of years keep their plain name. */
  occ = find_prefix (y2024, "Ngày Pháp luật");
  g_assert_nonnull (occ);
  g_assert_cmpint (occ->years, ==, 0);
  g_assert_cmpint (occ->year_class, ==, TD_YEAR_CLASS_NONE);
}

static gint64
setup_bloc_year (TdDb *db, gint year, guint n_members, gint64 *units)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  gint64 by_id;

  bloc->name = g_strdup ("Khối Thi đua số 6");
  by->bloc_id = td_registry_add_bloc (db, bloc, &error);
  g_assert_no_error (error);
  by->year = year;
  by_id = td_registry_add_bloc_year (db, by, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr (TdUnit) unit = td_unit_new ();

      unit->name = g_strdup_printf ("Đơn vị %02u", i + 1);
      units[i] = td_registry_add_unit (db, unit, &error);
      g_assert_no_error (error);
      g_assert_true (td_registry_add_member (db, by_id, units[i], &error));
    }
  return by_id;
}

static void
test_deadline_states (void)
{
  g_autoptr (TdDeadline) d = td_deadline_new ();
  GDate today;

  d->due = dmy (30, 6, 2024);
  today = dmy (20, 6, 2024); /* 10 days before */
  g_assert_cmpint (td_deadline_state (d, &today), ==, TD_DEADLINE_PENDING);
  today = dmy (22, 6, 2024); /* 8 days before */
  g_assert_cmpint (td_deadline_state (d, &today), ==, TD_DEADLINE_PENDING);
  today = dmy (23, 6, 2024); /* 7 days before: due soon */
  g_assert_cmpint (td_deadline_state (d, &today), ==, TD_DEADLINE_DUE_SOON);
  today = dmy (30, 6, 2024); /* the day itself is still in time */
  g_assert_cmpint (td_deadline_state (d, &today), ==, TD_DEADLINE_DUE_SOON);
  today = dmy (1, 7, 2024); /* the day after: overdue */
  g_assert_cmpint (td_deadline_state (d, &today), ==, TD_DEADLINE_OVERDUE);
  d->done = dmy (2, 7, 2024); /* done late is done */
  g_assert_cmpint (td_deadline_state (d, &today), ==, TD_DEADLINE_DONE);
  g_assert_cmpint (td_deadline_state (d, NULL), ==, TD_DEADLINE_DONE);
  g_date_clear (&d->done, 1);
  g_assert_cmpint (td_deadline_state (d, NULL), ==, TD_DEADLINE_PENDING);
}

static void
test_plan_template (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plan = td_calendar_plan_template (2024);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) progress = NULL;
  g_autoptr (TdDeadline) self_score = NULL;
  g_autofree gchar *text = NULL;
  gint64 units[12];
  gint64 by_id = setup_bloc_year (db, 2024, 12, units);
  const struct
  {
    const char *due;
    TdResponsible who;
    const char *title_start;
  } expected[] = {
    { "30/06/2024", TD_RESPONSIBLE_MEMBERS, "Gửi báo cáo sơ kết" },
    { "10/07/2024", TD_RESPONSIBLE_DEPUTY, "Hội nghị sơ kết" },
    { "20/08/2024", TD_RESPONSIBLE_HEAD, "Tổ chức Hội thao" },
    { "30/12/2024", TD_RESPONSIBLE_MEMBERS, "Gửi báo cáo tổng kết và tự chấm điểm" },
    { "31/03/2025", TD_RESPONSIBLE_HEAD, "Hội nghị tổng kết" },
  };
  GDate today = dmy (5, 1, 2025);
  guint n_overdue, n_soon;

  g_assert_cmpuint (plan->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < plan->len; i++)
    {
      TdDeadline *d = g_ptr_array_index (plan, i);
      g_autofree gchar *due = td_calendar_format_dmy (&d->due);

      g_assert_cmpstr (due, ==, expected[i].due);
      g_assert_cmpint (d->responsible, ==, expected[i].who);
      g_assert_true (g_str_has_prefix (d->title, expected[i].title_start));
    }
  /* Edited before it is applied: the sports day moves to 15/8. */
  ((TdDeadline *)plan->pdata[2])->due = dmy (15, 8, 2024);
  g_assert_true (td_calendar_apply_plan (db, by_id, plan, &error));
  g_assert_no_error (error);

  list = td_calendar_list_deadlines (db, by_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpuint (g_date_get_day (&((TdDeadline *)list->pdata[2])->due), ==, 15);
  g_assert_cmpint (((TdDeadline *)list->pdata[3])->n_members, ==, 12);
  g_assert_cmpint (((TdDeadline *)list->pdata[3])->n_members_done, ==, 0);

  /* Self-scores arrive one by one. */
  for (guint i = 0; i < 8; i++)
    {
      GDate sent = dmy (20 + i, 12, 2024);
      g_assert_true (td_calendar_set_member_done (db, ((TdDeadline *)list->pdata[3])->id, units[i],
                                                  &sent, &error));
      g_assert_no_error (error);
    }
  self_score = td_calendar_get_deadline (db, ((TdDeadline *)list->pdata[3])->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (self_score->n_members_done, ==, 8);
  g_assert_cmpint (self_score->n_members, ==, 12);
  text = td_deadline_progress_text (self_score);
  g_assert_cmpstr (text, ==, "8/12 đơn vị đã gửi");
  g_assert_cmpint (td_deadline_state (self_score, &today), ==, TD_DEADLINE_OVERDUE);
  progress = td_calendar_member_progress (db, self_score->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, 12);
  g_assert_cmpstr (((TdMemberProgress *)progress->pdata[0])->name, ==, "Đơn vị 01");
  g_assert_true (g_date_valid (&((TdMemberProgress *)progress->pdata[0])->done));
  g_assert_false (g_date_valid (&((TdMemberProgress *)progress->pdata[11])->done));

  /* The last four arrive: the deadline is met on the last day one came. */
  for (guint i = 8; i < 12; i++)
    {
      GDate sent = dmy (29, 12, 2024);
      g_assert_true (td_calendar_set_member_done (db, self_score->id, units[i], &sent, &error));
    }
  g_clear_pointer (&self_score, td_deadline_free);
  self_score = td_calendar_get_deadline (db, ((TdDeadline *)list->pdata[3])->id, &error);
  g_assert_cmpint (td_deadline_state (self_score, &today), ==, TD_DEADLINE_DONE);
  g_assert_cmpuint (g_date_get_day (&self_score->done), ==, 29);
  /* Undoing one reopens it. */
  g_assert_true (td_calendar_set_member_done (db, self_score->id, units[11], NULL, &error));
  g_clear_pointer (&self_score, td_deadline_free);
  self_score = td_calendar_get_deadline (db, ((TdDeadline *)list->pdata[3])->id, &error);
  g_assert_cmpint (td_deadline_state (self_score, &today), ==, TD_DEADLINE_OVERDUE);

  /* On 05/01/2025 nothing else is done: four overdue, none within 7 days. */
  td_calendar_count_urgent (db, by_id, &today, &n_overdue, &n_soon);
  g_assert_cmpuint (n_overdue, ==, 4);
  g_assert_cmpuint (n_soon, ==, 0);
  today = dmy (25, 3, 2025);
  g_assert_true (
      td_calendar_set_deadline_done (db, ((TdDeadline *)list->pdata[0])->id, &today, &error));
  td_calendar_count_urgent (db, by_id, &today, &n_overdue, &n_soon);
  g_assert_cmpuint (n_overdue, ==, 3);
  g_assert_cmpuint (n_soon, ==, 1); /* the year-end meeting on 31/3 */

  /* The overdue ones, oldest first, as many as asked for. */
  {
    g_autoptr (GPtrArray) overdue = td_calendar_list_overdue (db, by_id, &today, 2, &error);
    g_autoptr (GPtrArray) all = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (overdue->len, ==, 2);
    g_assert_cmpint (((TdDeadline *)overdue->pdata[0])->id, ==, ((TdDeadline *)list->pdata[1])->id);
    g_assert_cmpint (((TdDeadline *)overdue->pdata[1])->id, ==, ((TdDeadline *)list->pdata[2])->id);
    all = td_calendar_list_overdue (db, by_id, &today, 50, &error);
    g_assert_cmpuint (all->len, ==, n_overdue);
    for (guint i = 0; i < all->len; i++)
      g_assert_cmpint (td_deadline_state (all->pdata[i], &today), ==, TD_DEADLINE_OVERDUE);
    g_assert_cmpint (((TdDeadline *)all->pdata[2])->n_members_done, ==, 11);
    g_clear_pointer (&all, g_ptr_array_unref);
    /* A deadline due today is not late yet. */
    today = dmy (31, 3, 2025);
    all = td_calendar_list_overdue (db, by_id, &today, 50, &error);
    g_assert_cmpuint (all->len, ==, 3);
    td_calendar_count_urgent (db, by_id, &today, &n_overdue, &n_soon);
    g_assert_cmpuint (n_overdue, ==, 3);
    g_assert_cmpuint (n_soon, ==, 1);
  }
}

static void
test_deadline_validation (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (TdDeadline) d = td_deadline_new ();
  g_autoptr (GError) error = NULL;
  gint64 units[1];
  gint64 by_id = setup_bloc_year (db, 2025, 1, units);

  d->bloc_year_id = by_id;
  d->title = g_strdup ("  ");
  d->due = dmy (30, 6, 2025);
  g_assert_cmpint (td_calendar_add_deadline (db, d, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Tiêu đề") || strstr (error->message, "Title"));
  g_clear_error (&error);
  g_free (d->title);
  d->title = g_strdup ("Báo cáo");
  d->responsible = TD_RESPONSIBLE_UNIT;
  g_assert_cmpint (td_calendar_add_deadline (db, d, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  d->unit_id = units[0];
  g_assert_cmpint (td_calendar_add_deadline (db, d, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_lunar_validation (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (TdEvent) event = td_event_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stored = NULL;

  /* Tháng Chạp of Giáp Thìn (2024) has 29 days: there was no "30 Tết" in 2025. */
  g_assert_cmpint (td_lunar_month_length (2024, 12, FALSE), ==, 29);
  event->name = g_strdup ("Tất niên");
  event->kind = TD_EVENT_UNIT;
  event->lunar = TRUE;
  event->day = 30;
  event->month = 12;
  event->year = 2024;
  g_assert_cmpint (td_calendar_add_event (db, event, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  /* The message explains: the month, the year and its name, its length. */
  g_assert_nonnull (strstr (error->message, "12"));
  g_assert_nonnull (strstr (error->message, "2024"));
  g_assert_nonnull (strstr (error->message, "Giáp Thìn"));
  g_assert_nonnull (strstr (error->message, "29"));
  g_clear_error (&error);
  stored = td_calendar_list_events (db, &error);
  g_assert_cmpuint (stored->len, ==, 0);

  /* 2025 has a leap 6th month, not a leap 5th; 2024 has none. */
  event->day = 1;
  event->month = 6;
  event->leap = TRUE;
  event->year = 2025;
  g_assert_true (td_calendar_validate_event (event, &error));
  event->month = 5;
  g_assert_false (td_calendar_validate_event (event, &error));
  g_assert_nonnull (strstr (error->message, "6"));
  g_clear_error (&error);
  event->year = 2024;
  g_assert_false (td_calendar_validate_event (event, &error));
  g_clear_error (&error);
  event->year = 0; /* a leap month needs a year */
  g_assert_false (td_calendar_validate_event (event, &error));
  g_clear_error (&error);

  /* A recurring 30th without a year is allowed: in a 29-day month it
   * falls on the 29th (as "30 Tết" does). */
  event->leap = FALSE;
  event->day = 30;
  event->month = 12;
  g_assert_true (td_calendar_validate_event (event, &error));
  {
    GDate when;
    g_autofree gchar *text = NULL;

    g_assert_true (td_event_date_in_year (event, 2025, &when));
    text = td_calendar_format_dmy (&when);
    g_assert_cmpstr (text, ==, "28/01/2025");
  }

  /* 15 tháng Chạp of Giáp Thìn falls on 14/01/2025: not in 2024 before
   * the event happened, then every year after. */
  event->day = 15;
  event->year = 2024;
  {
    GDate when;
    g_autofree gchar *text = NULL;

    g_assert_false (td_event_date_in_year (event, 2024, &when));
    g_assert_true (td_event_date_in_year (event, 2025, &when));
    text = td_calendar_format_dmy (&when);
    g_assert_cmpstr (text, ==, "14/01/2025");
    g_assert_true (td_event_date_in_year (event, 2027, &when));
  }
  event->year = 0;

  /* Solar: 31/4 and 30/2 do not exist; 29/2 without a year does. */
  event->lunar = FALSE;
  event->day = 31;
  event->month = 4;
  g_assert_false (td_calendar_validate_event (event, &error));
  g_assert_nonnull (strstr (error->message, "30"));
  g_clear_error (&error);
  event->day = 29;
  event->month = 2;
  g_assert_true (td_calendar_validate_event (event, &error));
  event->year = 2023;
  g_assert_false (td_calendar_validate_event (event, &error));
  g_clear_error (&error);
  g_free (event->name);
  event->name = g_strdup (" ");
  event->year = 0;
  g_assert_false (td_calendar_validate_event (event, &error));
  g_clear_error (&error);
}

static void
test_occurrences_in_range (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (TdDeadline) d = td_deadline_new ();
  gint64 units[3];
  gint64 by_id = setup_bloc_year (db, 2025, 3, units);
  GDate from = dmy (1, 4, 2025), to = dmy (30, 4, 2025), today = dmy (10, 4, 2025);
  g_autofree gchar *sql = NULL;
  const TdOccurrence *occ;
  gint64 event_id;

  sql = g_strdup_printf ("INSERT INTO campaign (bloc_year_id, name, kind, starts, ends) VALUES"
                         " (%" G_GINT64_FORMAT ", 'Đợt I', 'drive1', '2025-01-01', '2025-06-30'),"
                         " (%" G_GINT64_FORMAT ", 'Đợt II', 'drive2', '2025-07-01', '2025-12-31')",
                         by_id, by_id);
  g_assert_true (td_db_exec (db, sql, &error));
  d->bloc_year_id = by_id;
  d->title = g_strdup ("Báo cáo quý I");
  d->due = dmy (15, 4, 2025);
  g_assert_cmpint (td_calendar_add_deadline (db, d, &error), >, 0);
  event_id = add_local_event (db, "Ngày giải phóng tỉnh Bình Phước", 23, 3, 1975);

  list = td_calendar_occurrences (db, by_id, &from, &to, &today, &error);
  g_assert_no_error (error);
  /* Sorted by date, campaign window first (it began before the range). */
  for (guint i = 1; i < list->len; i++)
    g_assert_cmpint (g_date_compare (&((TdOccurrence *)list->pdata[i - 1])->date,
                                     &((TdOccurrence *)list->pdata[i])->date),
                     <=, 0);
  occ = list->pdata[0];
  g_assert_cmpint (occ->kind, ==, TD_OCCURRENCE_CAMPAIGN);
  g_assert_cmpstr (occ->title, ==, "Đợt I");
  g_assert_cmpuint (g_date_get_month (&occ->end), ==, 6);
  g_assert_null (find_prefix (list, "Đợt II"));
  g_assert_nonnull (find_prefix (list, "Giỗ Tổ Hùng Vương năm Ất Tỵ"));
  occ = find_label (list, "Kỷ niệm 50 năm Ngày giải phóng hoàn toàn miền Nam thống nhất đất nước "
                          "(30/4/1975 - 30/4/2025)");
  g_assert_nonnull (occ);
  g_assert_cmpint (occ->year_class, ==, TD_YEAR_CLASS_ROUND);
  occ = find_prefix (list, "Báo cáo quý I");
  g_assert_nonnull (occ);
  g_assert_cmpint (occ->kind, ==, TD_OCCURRENCE_DEADLINE);
  g_assert_cmpint (occ->state, ==, TD_DEADLINE_DUE_SOON);
  /* Outside the range: 23/3 and Tết. */
  g_assert_null (find_prefix (list, "Kỷ niệm 50 năm Ngày giải phóng tỉnh Bình Phước"));
  g_assert_null (find_prefix (list, "Tết Nguyên đán"));
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (((TdOccurrence *)list->pdata[i])->kind, !=, TD_OCCURRENCE_FOUNDING);

  /* Editing and deleting the local event. */
  {
    g_autoptr (GPtrArray) events = td_calendar_list_events (db, &error);
    TdEvent *e = events->pdata[0];

    g_assert_cmpint (e->id, ==, event_id);
    e->day = 31;
    g_assert_true (td_calendar_update_event (db, e, &error));
    g_assert_no_error (error);
    g_assert_true (td_calendar_delete_event (db, event_id, &error));
    g_clear_pointer (&events, g_ptr_array_unref);
    events = td_calendar_list_events (db, &error);
    g_assert_cmpuint (events->len, ==, 0);
  }
}

/* A deadline's and an event's add, update and delete write every column
 * and find the row by its id. */
static void
test_record_writes (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDeadline) d = td_deadline_new ();
  g_autoptr (TdDeadline) stored = NULL;
  g_autoptr (GPtrArray) events = NULL;
  gint64 units[2];
  gint64 by_id = setup_bloc_year (db, 2025, 2, units);
  gint64 other_id, event_id;
  TdEvent *e;

  d->bloc_year_id = by_id;
  d->title = g_strdup ("Báo cáo quý I");
  d->due = dmy (15, 4, 2025);
  other_id = td_calendar_add_deadline (db, d, &error);
  g_assert_no_error (error);
  d->id = td_calendar_add_deadline (db, d, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->id, >, other_id);

  g_free (d->title);
  d->title = g_strdup ("Báo cáo quý II");
  d->due = dmy (15, 7, 2025);
  d->responsible = TD_RESPONSIBLE_UNIT;
  d->unit_id = units[1];
  d->done = dmy (10, 7, 2025);
  g_free (d->notes);
  d->notes = g_strdup ("Gửi qua hệ thống văn bản điện tử");
  g_assert_true (td_calendar_update_deadline (db, d, &error));
  stored = td_calendar_get_deadline (db, d->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "Báo cáo quý II");
  g_assert_cmpint (g_date_compare (&stored->due, &d->due), ==, 0);
  g_assert_cmpint (g_date_compare (&stored->done, &d->done), ==, 0);
  g_assert_cmpint (stored->responsible, ==, TD_RESPONSIBLE_UNIT);
  g_assert_cmpint (stored->unit_id, ==, units[1]);
  g_assert_cmpstr (stored->notes, ==, "Gửi qua hệ thống văn bản điện tử");
  g_clear_pointer (&stored, td_deadline_free);
  /* The other deadline is untouched, then the edited one is deleted. */
  stored = td_calendar_get_deadline (db, other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "Báo cáo quý I");
  g_clear_pointer (&stored, td_deadline_free);
  g_assert_true (td_calendar_delete_deadline (db, d->id, &error));
  g_assert_null (td_calendar_get_deadline (db, d->id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  event_id = add_local_event (db, "Ngày giải phóng tỉnh Bình Phước", 23, 3, 1975);
  events = td_calendar_list_events (db, &error);
  g_assert_cmpuint (events->len, ==, 1);
  e = events->pdata[0];
  g_free (e->name);
  e->name = g_strdup ("Ngày thành lập tỉnh Bình Phước");
  e->day = 1;
  e->month = 1;
  e->year = 1997;
  e->great = TRUE;
  g_assert_true (td_calendar_update_event (db, e, &error));
  g_clear_pointer (&events, g_ptr_array_unref);
  events = td_calendar_list_events (db, &error);
  g_assert_cmpuint (events->len, ==, 1);
  e = events->pdata[0];
  g_assert_cmpint (e->id, ==, event_id);
  g_assert_cmpstr (e->name, ==, "Ngày thành lập tỉnh Bình Phước");
  g_assert_cmpint (e->day, ==, 1);
  g_assert_cmpint (e->month, ==, 1);
  g_assert_cmpint (e->year, ==, 1997);
  g_assert_true (e->great);
}

/* Every row of data/events.tsv against its sources (see the file's
 * comments): the great holidays of Nghị định 145/2013, Điều 4, with their
 * dates; one row per key; no day observed before the event it recalls. */
static void
test_shipped_file (void)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *events = td_calendar_shipped_events (&error);
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) great = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >=, 45);
  for (guint i = 0; i < events->len; i++)
    {
      TdEvent *e = g_ptr_array_index (events, i);

      g_assert_true (td_calendar_validate_event (e, &error));
      g_assert_no_error (error);
      g_assert_false (g_hash_table_contains (keys, e->key));
      g_hash_table_add (keys, e->key);
      g_assert_true (e->since == 0 || e->since >= e->year);
      g_assert_cmpint (td_event_first_year (e), ==, e->since ? e->since : e->year);
      if (e->great)
        g_string_append_printf (great, "%s %s %d/%d/%d; ", e->key, e->lunar ? "âm" : "dương",
                                e->day, e->month, e->year);
    }
  /* Nghị định 145/2013 Điều 4: eight great holidays, in the file's order. */
  g_assert_cmpstr (great->str, ==,
                   "tet âm 1/1/0; dang dương 3/2/1930; gio-to âm 10/3/0; "
                   "giai-phong-mien-nam dương 30/4/1975; dien-bien-phu dương 7/5/1954; "
                   "sinh-nhat-bac dương 19/5/1890; cach-mang-thang-tam dương 19/8/1945; "
                   "quoc-khanh dương 2/9/1945; ");

  /* Columns are found by name, in any order; since may be left out. */
  {
    g_autofree gchar *dir = td_test_make_tmp_dir ("td-calendar-XXXXXX");
    g_autofree gchar *path = g_build_filename (dir, "events.tsv", NULL);
    g_autoptr (GPtrArray) read = NULL;
    TdEvent *e;

    g_assert_true (g_file_set_contents (path,
                                        "# comment\n"
                                        "name\tkey\tkind\tcalendar\tday\tmonth\tyear\t"
                                        "anniversary\tgreat\n"
                                        "Ngày X\tx\tnational\tsolar\t9\t11\t1946\tnone\t0\n",
                                        -1, NULL));
    read = td_calendar_load_events_file (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (read->len, ==, 1);
    e = g_ptr_array_index (read, 0);
    g_assert_cmpstr (e->key, ==, "x");
    g_assert_cmpstr (e->name, ==, "Ngày X");
    g_assert_cmpint (e->year, ==, 1946);
    g_assert_cmpint (e->since, ==, 0);
    g_assert_cmpint (td_event_first_year (e), ==, 1946);

    /* A broken line is refused with its number; so is a day observed
     * before its event, and a file without a needed column. */
#define HEADER "key\tkind\tcalendar\tday\tmonth\tyear\tsince\tanniversary\tgreat\tname\n"
    const struct
    {
      const char *contents, *said;
    } refused[] = {
      { HEADER "# comment\nx\tnational\tsolar\t40\t1\t0\t\tevery\t0\tX\n", " 3 " },
      { HEADER "x\tnational\tsolar\t9\t11\t1946\t1945\tevery\t0\tX\n", " 2 " },
      { "key\tkind\n", "“calendar”" },
    };
#undef HEADER

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_assert_true (g_file_set_contents (path, refused[i].contents, -1, NULL));
        g_assert_null (td_calendar_load_events_file (path, &error));
        g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, refused[i].said));
        g_clear_error (&error);
      }
  }
}

/* A day is not listed in a year before it was first observed, while its
 * anniversaries count from the event it recalls. */
static void
test_first_observed (void)
{
  struct
  {
    const char *name;
    gint since;
  } days[] = {
    { "Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam", 2013 },
    { "Ngày Khoa học và Công nghệ Việt Nam", 2014 },
    { "Ngày Thầy thuốc Việt Nam", 1985 },
    { "Ngày Thể thao Việt Nam", 1991 },
    { "Ngày Báo chí cách mạng Việt Nam", 1985 },
    { "Ngày truyền thống ngành Tổ chức nhà nước", 2002 },
    { "Ngày Gia đình Việt Nam", 2001 },
    { "Ngày Chuyển đổi số quốc gia", 2022 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (GPtrArray) before = year_occurrences (NULL, days[i].since - 1);
      g_autoptr (GPtrArray) first = year_occurrences (NULL, days[i].since);
      const TdOccurrence *occ;

      g_assert_null (find_prefix (before, days[i].name));
      g_assert_null (strstr (days[i].name, "Kỷ niệm"));
      for (guint j = 0; j < before->len; j++)
        g_assert_null (
            strstr (((TdOccurrence *)g_ptr_array_index (before, j))->label, days[i].name));
      occ = find_prefix (first, days[i].name);
      if (occ == NULL)
        for (guint j = 0; j < first->len && occ == NULL; j++)
          if (strstr (((TdOccurrence *)g_ptr_array_index (first, j))->label, days[i].name))
            occ = g_ptr_array_index (first, j);
      g_assert_nonnull (occ);
      g_assert_cmpint (occ->since, ==, days[i].since);
    }
  {
    g_autoptr (GPtrArray) y1985 = year_occurrences (NULL, 1985);
    g_autoptr (GPtrArray) y2025 = year_occurrences (NULL, 2025);

    g_assert_nonnull (
        find_label (y1985, "Kỷ niệm 30 năm Ngày Thầy thuốc Việt Nam (27/02/1955 - 27/02/1985)"));
    g_assert_nonnull (
        find_label (y2025, "Kỷ niệm 70 năm Ngày Thầy thuốc Việt Nam (27/02/1955 - 27/02/2025)"));
    g_assert_nonnull (find_label (
        y2025,
        "Kỷ niệm 80 năm Ngày truyền thống Công an nhân dân Việt Nam (19/8/1945 - 19/8/2025)"));
    g_assert_nonnull (find_label (
        y2025, "Kỷ niệm 20 năm Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8/2005 - 19/8/2025)"));
  }
}

static void
test_demo (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) y2025 = NULL;
  GDate today = dmy (10, 1, 2025);
  guint n_overdue, n_soon;

  g_assert_true (td_demo_populate (db, &error));
  g_assert_no_error (error);
  td_calendar_count_urgent (db, 0, &today, &n_overdue, &n_soon);
  g_assert_cmpuint (n_overdue, ==, 1); /* the self-scores: 8/12 */
  today = dmy (25, 3, 2025);
  td_calendar_count_urgent (db, 0, &today, &n_overdue, &n_soon);
  g_assert_cmpuint (n_overdue, ==, 1);
  g_assert_cmpuint (n_soon, ==, 1); /* the year-end meeting */
  y2025 = year_occurrences (db, 2025);
  g_assert_nonnull (
      find_label (y2025, "Kỷ niệm 50 năm Ngày giải phóng tỉnh Bình Phước (23/3/1975 - 23/3/2025)"));
  g_assert_nonnull (find_prefix (y2025, "Họp mặt đầu xuân Khối Thi đua số 6"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("THIDUA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar/date-format", test_date_format);
  g_test_add_func ("/calendar/document-000", test_document_000);
  g_test_add_func ("/calendar/document-001", test_document_001);
  g_test_add_func ("/calendar/lunar-events-can-chi", test_lunar_events_and_can_chi);
  g_test_add_func ("/calendar/round-year-rules", test_round_year_rules);
  g_test_add_func ("/calendar/deadline-states", test_deadline_states);
  g_test_add_func ("/calendar/plan-template", test_plan_template);
  g_test_add_func ("/calendar/deadline-validation", test_deadline_validation);
  g_test_add_func ("/calendar/lunar-validation", test_lunar_validation);
  g_test_add_func ("/calendar/occurrences-in-range", test_occurrences_in_range);
  g_test_add_func ("/calendar/record-writes", test_record_writes);
  g_test_add_func ("/calendar/shipped-file", test_shipped_file);
  g_test_add_func ("/calendar/first-observed", test_first_observed);
  g_test_add_func ("/calendar/demo", test_demo);
  return g_test_run ();
}
