/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bloc's deadlines (part of the calendar API in td-calendar.h): their
 * states, who must meet them, each member's progress on a deadline every
 * member must meet, and the usual deadlines of a year (document 000). */
#include "config.h"

#include "td-enum.h"
#include "td-calendar-private.h"
#include "td-query.h"
#include "td-registry.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>

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

static const char *const responsible_labels[] = {
  [TD_RESPONSIBLE_HEAD] = N_ ("Head of the bloc"),
  [TD_RESPONSIBLE_DEPUTY] = N_ ("Deputy of the bloc"),
  [TD_RESPONSIBLE_MEMBERS] = N_ ("Every member"),
  [TD_RESPONSIBLE_UNIT] = N_ ("One unit"),
};

TD_ENUM_DEFINE_LABEL (TdResponsible, td_responsible_to_string, responsible_labels,
                      TD_RESPONSIBLE_UNIT);

static const char *responsible_names[] = { "head", "deputy", "members", "unit" };

static TdResponsible
responsible_from_string (const char *text)
{
  gint i = TD_ENUM_FROM_ID (responsible_names, text);

  return i >= 0 ? (TdResponsible)i : TD_RESPONSIBLE_MEMBERS;
}

#define DEADLINE_COLUMNS                                                                           \
  "d.id, d.bloc_year_id, d.title, d.due, d.responsible, d.unit_id, d.campaign_id, d.done,"         \
  " d.notes,"                                                                                      \
  " (SELECT count(*) FROM membership m WHERE m.bloc_year_id = d.bloc_year_id),"                    \
  " (SELECT count(*) FROM deadline_member p JOIN membership m ON m.unit_id = p.unit_id"            \
  "   AND m.bloc_year_id = d.bloc_year_id WHERE p.deadline_id = d.id)"

static gpointer
deadline_from_row (sqlite3_stmt *stmt)
{
  TdDeadline *d = td_deadline_new ();

  td_query_columns (stmt, "xxed-xxde", &d->id, &d->bloc_year_id, &d->title, &d->due, &d->unit_id,
                    &d->campaign_id, &d->done, &d->notes);
  d->responsible = responsible_from_string ((const char *)sqlite3_column_text (stmt, 4));
  if (d->responsible == TD_RESPONSIBLE_MEMBERS)
    {
      d->n_members = sqlite3_column_int (stmt, 9);
      d->n_members_done = sqlite3_column_int (stmt, 10);
    }
  return d;
}

/* An ISO date to bind, NULL for no date. */
static gchar *
iso_or_null (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? td_date_to_iso (date) : NULL;
}

/* The deadlines of @bloc_year_id (every bloc-year when 0) due from @from to
 * @to (either may be NULL), only those not done when @open_only, at most
 * @limit (-1: all), by due date.  A province keeps thousands: the filter is
 * SQL's, and the ids are chosen first so that the member counts are only
 * counted for the rows returned. */
GPtrArray *
td_calendar_select_deadlines (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to,
                              gboolean open_only, gint limit, GError **error)
{
  g_autofree gchar *from_iso = iso_or_null (from);
  g_autofree gchar *to_iso = iso_or_null (to);

  return td_query_list (db,
                        "SELECT " DEADLINE_COLUMNS " FROM deadline d"
                        " JOIN (SELECT id FROM deadline"
                        "       WHERE (?1 = 0 OR bloc_year_id = ?1)"
                        "         AND (?2 IS NULL OR due >= ?2) AND (?3 IS NULL OR due <= ?3)"
                        "         AND (?4 = 0 OR done IS NULL)"
                        "       ORDER BY due, id LIMIT ?5) k ON k.id = d.id"
                        " ORDER BY d.due, d.id",
                        deadline_from_row, (GDestroyNotify)td_deadline_free, error, "xssbi",
                        bloc_year_id, from_iso, to_iso, open_only, limit);
}

GPtrArray *
td_calendar_list_deadlines (TdDb *db, gint64 bloc_year_id, GError **error)
{
  return td_calendar_select_deadlines (db, bloc_year_id, NULL, NULL, FALSE, -1, error);
}

/* The oldest @limit deadlines not done whose day is before @today. */
GPtrArray *
td_calendar_list_overdue (TdDb *db, gint64 bloc_year_id, const GDate *today, guint limit,
                          GError **error)
{
  GDate yesterday = *today;

  g_return_val_if_fail (g_date_valid (today), NULL);
  g_date_subtract_days (&yesterday, 1);
  return td_calendar_select_deadlines (db, bloc_year_id, NULL, &yesterday, TRUE,
                                       (gint)MIN (limit, G_MAXINT), error);
}

TdDeadline *
td_calendar_get_deadline (TdDb *db, gint64 deadline_id, GError **error)
{
  sqlite3_stmt *stmt = td_query_prepare (
      db, "SELECT " DEADLINE_COLUMNS " FROM deadline d WHERE d.id = ?", error, "x", deadline_id);
  TdStep step;
  TdDeadline *d;

  if (stmt == NULL)
    return NULL;
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
  if (!td_error_require_text (deadline->title,
                              _ ("Title: say what must be done, for example “Gửi báo cáo sơ kết 06 "
                                 "tháng đầu năm”."),
                              error))
    return FALSE;
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

/* The deadline's columns in order, then its id (see TdQueryTable). */
static gboolean
write_deadline (TdDb *db, const char *sql, gconstpointer record, GError **error)
{
  const TdDeadline *d = record;

  return td_calendar_validate_deadline (d, error)
         && td_query_run (db, sql, error, "xsdsrrdex", d->bloc_year_id, d->title, &d->due,
                          responsible_names[d->responsible],
                          d->responsible == TD_RESPONSIBLE_UNIT ? d->unit_id : 0, d->campaign_id,
                          &d->done, d->notes, d->id);
}

static const TdQueryTable deadline_table
    = { "deadline", "bloc_year_id, title, due, responsible, unit_id, campaign_id, done, notes",
        "deadlines", write_deadline };

TD_QUERY_DEFINE_WRITES (TdDeadline, deadline_table, td_calendar_add_deadline,
                        td_calendar_update_deadline, td_calendar_delete_deadline);

static gboolean
set_done_no_notify (TdDb *db, gint64 deadline_id, const GDate *done, GError **error)
{
  return td_query_run (db, "UPDATE deadline SET done = ? WHERE id = ?", error, "dx", done,
                       deadline_id);
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
  stmt = td_query_prepare (db,
                           "SELECT m.unit_id, y.year, p.done FROM deadline d"
                           " JOIN bloc_year y ON y.id = d.bloc_year_id"
                           " JOIN membership m ON m.bloc_year_id = d.bloc_year_id"
                           " LEFT JOIN deadline_member p ON p.deadline_id = d.id"
                           "  AND p.unit_id = m.unit_id"
                           " WHERE d.id = ?",
                           error, "x", deadline_id);
  if (stmt == NULL)
    return NULL;
  while ((step = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      TdMemberProgress *p = g_new0 (TdMemberProgress, 1);

      p->unit_id = sqlite3_column_int64 (stmt, 0);
      year = sqlite3_column_int (stmt, 1);
      td_query_column_date (stmt, 2, &p->done);
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

  if (!td_db_begin (db, error))
    return FALSE;
  if (!td_query_run (db,
                     iso != NULL ? "INSERT INTO deadline_member (deadline_id, unit_id, done)"
                                   " VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET"
                                   " done = excluded.done"
                                 : "DELETE FROM deadline_member WHERE deadline_id = ?"
                                   " AND unit_id = ?",
                     error, "xxs", deadline_id, unit_id, iso))
    goto fail;

  /* A member deadline is met when the last member has sent; undoing one
   * member reopens it. */
  d = td_calendar_get_deadline (db, deadline_id, error);
  if (d == NULL)
    goto fail;
  if (d->n_members > 0 && d->n_members_done == d->n_members && !g_date_valid (&d->done))
    {
      GDate latest;
      g_autofree gchar *max
          = td_query_text (db, "SELECT max(done) FROM deadline_member WHERE deadline_id = ?", NULL,
                           "x", deadline_id);

      td_date_from_iso (max, &latest);
      if (!set_done_no_notify (db, deadline_id, &latest, error))
        goto fail;
    }
  else if (d->n_members_done < d->n_members && g_date_valid (&d->done))
    {
      if (!set_done_no_notify (db, deadline_id, NULL, error))
        goto fail;
    }
  return td_query_finish (db, TRUE, "deadlines", error);

fail:
  return td_query_finish (db, FALSE, NULL, error);
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
  g_autofree gchar *today_iso = NULL;
  g_autofree gchar *soon_iso = NULL;
  sqlite3_stmt *stmt;

  /* The same states as td_deadline_state, counted by SQL. */
  *n_overdue = *n_due_soon = 0;
  g_date_add_days (&soon, TD_DEADLINE_SOON_DAYS);
  today_iso = iso_or_null (today);
  soon_iso = iso_or_null (&soon);
  stmt = td_query_prepare (db,
                           "SELECT coalesce (sum (due < ?2), 0),"
                           "       coalesce (sum (due >= ?2 AND due <= ?3), 0)"
                           " FROM deadline WHERE (?1 = 0 OR bloc_year_id = ?1) AND done IS NULL",
                           NULL, "xss", bloc_year_id, today_iso, soon_iso);
  if (stmt == NULL)
    return;
  if (td_db_step (db, stmt, NULL) == TD_STEP_ROW)
    {
      *n_overdue = sqlite3_column_int (stmt, 0);
      *n_due_soon = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
}
