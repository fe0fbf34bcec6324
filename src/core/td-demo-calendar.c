/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data, calendar part: Khối Thi đua số 6's deadlines for 2024 from the
 * plan template (some met, some overdue, the self-scores tracked member by
 * member), the province's liberation day and the clerk's own days. */
#include "config.h"

#include "td-calendar.h"
#include "td-demo.h"
#include "td-registry.h"

static gboolean
add_events (TdDb *db, GError **error)
{
  struct
  {
    const char *name;
    TdEventKind kind;
    gboolean lunar;
    gint day, month, year;
    TdAnniversaryRule rule;
  } events[] = {
    { "Ngày giải phóng tỉnh Bình Phước", TD_EVENT_LOCAL, FALSE, 23, 3, 1975, TD_ANNIVERSARY_EVERY },
    { "Ngày tái lập tỉnh Bình Phước", TD_EVENT_LOCAL, FALSE, 1, 1, 1997, TD_ANNIVERSARY_EVERY },
    { "Họp mặt đầu xuân Khối Thi đua số 6", TD_EVENT_UNIT, TRUE, 8, 1, 0, TD_ANNIVERSARY_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr (TdEvent) event = td_event_new ();

      event->name = g_strdup (events[i].name);
      event->kind = events[i].kind;
      event->lunar = events[i].lunar;
      event->day = events[i].day;
      event->month = events[i].month;
      event->year = events[i].year;
      event->rule = events[i].rule;
      event->notes = g_strdup ("Dữ liệu mẫu");
      if (td_calendar_add_event (db, event, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
td_demo_add_calendar (TdDb *db, GError **error)
{
  g_autoptr (GPtrArray) blocs = NULL;
  g_autoptr (GPtrArray) plan = td_calendar_plan_template (2024);
  g_autoptr (GPtrArray) members = NULL;
  gint64 by_id;

  if (!add_events (db, error))
    return FALSE;
  blocs = td_registry_list_blocs (db, error);
  if (blocs == NULL)
    return FALSE;
  if (blocs->len == 0)
    return TRUE;
  by_id
      = td_registry_find_bloc_year (db, ((TdBloc *)g_ptr_array_index (blocs, 0))->id, 2024, error);
  if (by_id == 0)
    return error == NULL || *error == NULL;
  if (!td_calendar_apply_plan (db, by_id, plan, error))
    return FALSE;
  members = td_registry_list_members (db, by_id, error);
  if (members == NULL)
    return FALSE;

  /* 30/6: every member sent its report, a few days early or on the day. */
  for (guint i = 0; i < members->len; i++)
    {
      TdMember *m = g_ptr_array_index (members, i);
      GDate sent;

      g_date_clear (&sent, 1);
      g_date_set_dmy (&sent, 24 + i % 7, 6, 2024);
      if (!td_calendar_set_member_done (db, ((TdDeadline *)plan->pdata[0])->id, m->unit_id, &sent,
                                        error))
        return FALSE;
    }
  /* The half-year meeting and the sports day were held. */
  for (guint i = 1; i <= 2; i++)
    {
      TdDeadline *d = g_ptr_array_index (plan, i);
      GDate held = d->due;

      g_date_subtract_days (&held, 2);
      if (!td_calendar_set_deadline_done (db, d->id, &held, error))
        return FALSE;
    }
  /* 30/12: eight of the twelve self-scores arrived; the rest are overdue,
   * and so is the year-end meeting. */
  for (guint i = 0; i < members->len && i < 8; i++)
    {
      TdMember *m = g_ptr_array_index (members, i);
      GDate sent;

      g_date_clear (&sent, 1);
      g_date_set_dmy (&sent, 20 + i, 12, 2024);
      if (!td_calendar_set_member_done (db, ((TdDeadline *)plan->pdata[3])->id, m->unit_id, &sent,
                                        error))
        return FALSE;
    }
  return TRUE;
}
