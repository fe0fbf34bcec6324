/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The registry.
 *
 * Scores belong to a unit in a bloc in a year, and every sheet's header
 * names the bloc, its head unit, the place and the signatory: all of it
 * lives here.  A unit's name is history: unit_name keeps every name with
 * the date it took effect, so a past year's lists show the name of then. */
#include "config.h"

#include "td-registry.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

TdUnit *
td_unit_new (void)
{
  TdUnit *unit = g_new0 (TdUnit, 1);

  g_date_clear (&unit->founded, 1);
  return unit;
}

void
td_unit_free (TdUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_free (unit->short_name);
  g_free (unit->kind);
  g_free (unit->parent);
  g_free (unit->head_name);
  g_free (unit->head_position);
  g_free (unit->address);
  g_free (unit->phone);
  g_free (unit->email);
  g_free (unit->notes);
  g_free (unit);
}

TdBloc *
td_bloc_new (void)
{
  return g_new0 (TdBloc, 1);
}

void
td_bloc_free (TdBloc *bloc)
{
  if (bloc == NULL)
    return;
  g_free (bloc->name);
  g_free (bloc->authority);
  g_free (bloc->place);
  g_free (bloc->notes);
  g_free (bloc);
}

TdBlocYear *
td_bloc_year_new (void)
{
  return g_new0 (TdBlocYear, 1);
}

void
td_bloc_year_free (TdBlocYear *bloc_year)
{
  if (bloc_year == NULL)
    return;
  g_free (bloc_year->signer_name);
  g_free (bloc_year->signer_position);
  g_free (bloc_year->signer_authority);
  g_free (bloc_year);
}

void
td_member_free (TdMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->short_name);
  g_free (member->kind);
  g_free (member);
}

gchar *
td_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
td_date_from_iso (const char *text, GDate *out)
{
  guint y, m, d;

  g_date_clear (out, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static const char *
str_or_empty (const char *s)
{
  return s ? s : "";
}

static gchar *
column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

static gboolean
require_name (const char *name, const char *field, GError **error)
{
  g_autofree gchar *trimmed = g_strstrip (g_strdup (name ? name : ""));

  if (trimmed[0] == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("%s: enter a name; it cannot be empty."),
                   field);
      return FALSE;
    }
  return TRUE;
}

gint64
td_registry_add_unit (TdDb *db, const TdUnit *unit, GError **error)
{
  g_autofree gchar *founded = td_date_to_iso (&unit->founded);
  sqlite3_stmt *stmt;
  gint64 id;

  if (!require_name (unit->name, _ ("Unit name"), error))
    return 0;
  if (!td_db_begin (db, error))
    return 0;
  stmt = td_db_prepare (db,
                        "INSERT INTO unit (name, short_name, kind, parent, founded, head_name,"
                        " head_position, address, phone, email, notes, retired_year, merged_into)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, unit->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, str_or_empty (unit->short_name), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, str_or_empty (unit->kind), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, str_or_empty (unit->parent), -1, SQLITE_TRANSIENT);
  if (founded != NULL)
    sqlite3_bind_text (stmt, 5, founded, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, str_or_empty (unit->head_name), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, str_or_empty (unit->head_position), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, str_or_empty (unit->address), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, str_or_empty (unit->phone), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, str_or_empty (unit->email), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, str_or_empty (unit->notes), -1, SQLITE_TRANSIENT);
  if (unit->retired_year > 0)
    sqlite3_bind_int (stmt, 12, unit->retired_year);
  if (unit->merged_into > 0)
    sqlite3_bind_int64 (stmt, 13, unit->merged_into);
  if (!td_db_run (db, stmt, error))
    goto fail;
  id = td_db_last_insert_id (db);

  /* The first name is valid from the beginning of time. */
  stmt = td_db_prepare (db,
                        "INSERT INTO unit_name (unit_id, valid_from, name, short_name)"
                        " VALUES (?, '0001-01-01', ?, ?)",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, unit->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, str_or_empty (unit->short_name), -1, SQLITE_TRANSIENT);
  if (!td_db_run (db, stmt, error) || !td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "registry");
  return id;

fail:
  td_db_rollback (db);
  return 0;
}

#define UNIT_COLUMNS                                                                               \
  "id, name, short_name, kind, parent, founded, head_name, head_position, address, phone,"         \
  " email, notes, coalesce (retired_year, 0), coalesce (merged_into, 0)"

static TdUnit *
unit_from_row (sqlite3_stmt *stmt)
{
  TdUnit *unit = td_unit_new ();

  unit->id = sqlite3_column_int64 (stmt, 0);
  unit->name = column_dup (stmt, 1);
  unit->short_name = column_dup (stmt, 2);
  unit->kind = column_dup (stmt, 3);
  unit->parent = column_dup (stmt, 4);
  td_date_from_iso ((const char *)sqlite3_column_text (stmt, 5), &unit->founded);
  unit->head_name = column_dup (stmt, 6);
  unit->head_position = column_dup (stmt, 7);
  unit->address = column_dup (stmt, 8);
  unit->phone = column_dup (stmt, 9);
  unit->email = column_dup (stmt, 10);
  unit->notes = column_dup (stmt, 11);
  unit->retired_year = sqlite3_column_int (stmt, 12);
  unit->merged_into = sqlite3_column_int64 (stmt, 13);
  return unit;
}

TdUnit *
td_registry_get_unit (TdDb *db, gint64 unit_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db, "SELECT " UNIT_COLUMNS " FROM unit WHERE id = ?", error);
  TdUnit *unit = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  switch (td_db_step (db, stmt, error))
    {
    case TD_STEP_ROW:
      unit = unit_from_row (stmt);
      sqlite3_reset (stmt);
      break;
    case TD_STEP_DONE:
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("The unit no longer exists."));
      break;
    case TD_STEP_ERROR:
      break;
    }
  return unit;
}

/* The name the unit bore at the end of @year. */
gchar *
td_registry_unit_name_in_year (TdDb *db, gint64 unit_id, gint year)
{
  g_autofree gchar *end = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT name FROM unit_name WHERE unit_id = ?"
                                      " AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1",
                                      NULL);
  gchar *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
  if (td_db_step (db, stmt, NULL) == TD_STEP_ROW)
    {
      name = column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  return name;
}

gint64
td_registry_add_bloc (TdDb *db, const TdBloc *bloc, GError **error)
{
  sqlite3_stmt *stmt;

  if (!require_name (bloc->name, _ ("Bloc name"), error))
    return 0;
  stmt = td_db_prepare (db,
                        "INSERT INTO bloc (name, kind, authority, place, notes)"
                        " VALUES (?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, bloc->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, bloc->kind == TD_BLOC_CUM ? "cum" : "khoi", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, str_or_empty (bloc->authority), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, str_or_empty (bloc->place), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, str_or_empty (bloc->notes), -1, SQLITE_TRANSIENT);
  if (!td_db_run (db, stmt, error))
    return 0;
  td_db_notify_changed (db, "registry");
  return td_db_last_insert_id (db);
}

static TdBloc *
bloc_from_row (sqlite3_stmt *stmt)
{
  TdBloc *bloc = td_bloc_new ();

  bloc->id = sqlite3_column_int64 (stmt, 0);
  bloc->name = column_dup (stmt, 1);
  bloc->kind = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 2), "cum") == 0 ? TD_BLOC_CUM
                                                                                   : TD_BLOC_KHOI;
  bloc->authority = column_dup (stmt, 3);
  bloc->place = column_dup (stmt, 4);
  bloc->notes = column_dup (stmt, 5);
  return bloc;
}

TdBloc *
td_registry_get_bloc (TdDb *db, gint64 bloc_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (
      db, "SELECT id, name, kind, authority, place, notes FROM bloc WHERE id = ?", error);
  TdBloc *bloc = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bloc_id);
  switch (td_db_step (db, stmt, error))
    {
    case TD_STEP_ROW:
      bloc = bloc_from_row (stmt);
      sqlite3_reset (stmt);
      break;
    case TD_STEP_DONE:
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("The bloc no longer exists."));
      break;
    case TD_STEP_ERROR:
      break;
    }
  return bloc;
}

/* Every bloc, sorted by name (Vietnamese collation). */
GPtrArray *
td_registry_list_blocs (TdDb *db, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (
      db, "SELECT id, name, kind, authority, place, notes FROM bloc ORDER BY name COLLATE VI",
      error);
  g_autoptr (GPtrArray) blocs = g_ptr_array_new_with_free_func ((GDestroyNotify)td_bloc_free);
  TdStep r;

  if (stmt == NULL)
    return NULL;
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    g_ptr_array_add (blocs, bloc_from_row (stmt));
  return r == TD_STEP_DONE ? g_steal_pointer (&blocs) : NULL;
}

static gboolean
check_year (gint year, GError **error)
{
  if (year < 2000 || year > 2100)
    {
      g_set_error (
          error, TD_ERROR, TD_ERROR_INVALID,
          _ ("Year: %d is outside the years Thi Đua keeps; enter a year from 2000 to 2100."), year);
      return FALSE;
    }
  return TRUE;
}

static void
bind_id_or_null (sqlite3_stmt *stmt, int column, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

gint64
td_registry_add_bloc_year (TdDb *db, const TdBlocYear *bloc_year, GError **error)
{
  sqlite3_stmt *stmt;

  if (!check_year (bloc_year->year, error))
    return 0;
  if (td_registry_find_bloc_year (db, bloc_year->bloc_id, bloc_year->year, NULL) != 0)
    {
      g_set_error (
          error, TD_ERROR, TD_ERROR_CONSTRAINT,
          _ ("Year: the bloc already has the year %d; open it instead of adding it again."),
          bloc_year->year);
      return 0;
    }
  stmt = td_db_prepare (db,
                        "INSERT INTO bloc_year (bloc_id, year, head_unit_id, deputy_unit_id,"
                        " signer_name, signer_position, signer_authority)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, bloc_year->bloc_id);
  sqlite3_bind_int (stmt, 2, bloc_year->year);
  bind_id_or_null (stmt, 3, bloc_year->head_unit_id);
  bind_id_or_null (stmt, 4, bloc_year->deputy_unit_id);
  sqlite3_bind_text (stmt, 5, str_or_empty (bloc_year->signer_name), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, str_or_empty (bloc_year->signer_position), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, str_or_empty (bloc_year->signer_authority), -1, SQLITE_TRANSIENT);
  if (!td_db_run (db, stmt, error))
    return 0;
  td_db_notify_changed (db, "registry");
  return td_db_last_insert_id (db);
}

TdBlocYear *
td_registry_get_bloc_year (TdDb *db, gint64 bloc_year_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT id, bloc_id, year, coalesce (head_unit_id, 0),"
                                      " coalesce (deputy_unit_id, 0), signer_name,"
                                      " signer_position, signer_authority"
                                      " FROM bloc_year WHERE id = ?",
                                      error);
  TdBlocYear *by = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  switch (td_db_step (db, stmt, error))
    {
    case TD_STEP_ROW:
      by = td_bloc_year_new ();
      by->id = sqlite3_column_int64 (stmt, 0);
      by->bloc_id = sqlite3_column_int64 (stmt, 1);
      by->year = sqlite3_column_int (stmt, 2);
      by->head_unit_id = sqlite3_column_int64 (stmt, 3);
      by->deputy_unit_id = sqlite3_column_int64 (stmt, 4);
      by->signer_name = column_dup (stmt, 5);
      by->signer_position = column_dup (stmt, 6);
      by->signer_authority = column_dup (stmt, 7);
      sqlite3_reset (stmt);
      break;
    case TD_STEP_DONE:
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("The bloc has no such year."));
      break;
    case TD_STEP_ERROR:
      break;
    }
  return by;
}

/* The id of the bloc's year @year, or 0 when there is none. */
gint64
td_registry_find_bloc_year (TdDb *db, gint64 bloc_id, gint year, GError **error)
{
  sqlite3_stmt *stmt
      = td_db_prepare (db, "SELECT id FROM bloc_year WHERE bloc_id = ? AND year = ?", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, bloc_id);
  sqlite3_bind_int (stmt, 2, year);
  if (td_db_step (db, stmt, error) == TD_STEP_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return id;
}

/* The bloc's years, newest first. */
GArray *
td_registry_list_years (TdDb *db, gint64 bloc_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (
      db, "SELECT year FROM bloc_year WHERE bloc_id = ? ORDER BY year DESC", error);
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (gint));
  TdStep r;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bloc_id);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      gint year = sqlite3_column_int (stmt, 0);
      g_array_append_val (years, year);
    }
  return r == TD_STEP_DONE ? g_steal_pointer (&years) : NULL;
}

gboolean
td_registry_add_member (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (
      db, "INSERT OR IGNORE INTO membership (bloc_year_id, unit_id) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "registry");
  return TRUE;
}

/* The members of a bloc-year with the names they bore that year, sorted by
 * that name in Vietnamese collation. */
GPtrArray *
td_registry_list_members (TdDb *db, gint64 bloc_year_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (
      db,
      "SELECT u.id, n.name, n.short_name, u.kind,"
      "  CASE u.id WHEN y.head_unit_id THEN 1 WHEN y.deputy_unit_id THEN 2 ELSE 0 END,"
      "  u.retired_year IS NOT NULL AND u.retired_year <= y.year"
      " FROM membership m"
      " JOIN bloc_year y ON y.id = m.bloc_year_id"
      " JOIN unit u ON u.id = m.unit_id"
      " JOIN unit_name n ON n.unit_id = u.id AND n.valid_from = ("
      "   SELECT max (valid_from) FROM unit_name"
      "   WHERE unit_id = u.id AND valid_from <= printf ('%04d-12-31', y.year))"
      " WHERE m.bloc_year_id = ?"
      " ORDER BY n.name COLLATE VI",
      error);
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify)td_member_free);
  TdStep r;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      TdMember *m = g_new0 (TdMember, 1);

      m->unit_id = sqlite3_column_int64 (stmt, 0);
      m->name = column_dup (stmt, 1);
      m->short_name = column_dup (stmt, 2);
      m->kind = column_dup (stmt, 3);
      m->role = (TdRole)sqlite3_column_int (stmt, 4);
      m->retired = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (members, m);
    }
  return r == TD_STEP_DONE ? g_steal_pointer (&members) : NULL;
}
