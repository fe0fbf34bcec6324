/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The registry.
 *
 * Scores belong to a unit in a bloc in a year, and every sheet's header
 * names the bloc, its head unit, the place and the signatory: all of it
 * lives here.  A unit's name is history: unit_name keeps every name with
 * the date it took effect, so a past year's lists show the name of then. */
#include "config.h"

#include "td-registry.h"
#include "td-criteria.h"
#include "td-date.h"
#include "td-ranking-store.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

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
  return td_date_parse_iso (text, out);
}

static const char *
str_or_empty (const char *s)
{
  return s ? s : "";
}

static gchar *
column_dup (sqlite3_stmt *stmt, int column)
{
  return td_db_dup_text (stmt, column);
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

/* ------------------------------------------------------------------ */
/* Editing, history and the yearly cycle. */

static gboolean
check_unit_name_value (const char *name, GError **error)
{
  return require_name (name, _ ("Unit name"), error);
}

static void
bind_unit_fields (sqlite3_stmt *stmt, const TdUnit *unit, const char *founded)
{
  sqlite3_bind_text (stmt, 1, str_or_empty (unit->short_name), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, str_or_empty (unit->kind), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, str_or_empty (unit->parent), -1, SQLITE_TRANSIENT);
  if (founded != NULL)
    sqlite3_bind_text (stmt, 4, founded, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, str_or_empty (unit->head_name), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, str_or_empty (unit->head_position), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, str_or_empty (unit->address), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, str_or_empty (unit->phone), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, str_or_empty (unit->email), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, str_or_empty (unit->notes), -1, SQLITE_TRANSIENT);
}

/* Saves every field of @unit.  A changed name here is a correction of the
 * current name (a typo), so the newest name record changes with it; a
 * real change of name from a date is td_registry_rename_unit(). */
gboolean
td_registry_update_unit (TdDb *db, const TdUnit *unit, GError **error)
{
  g_autofree gchar *founded = td_date_to_iso (&unit->founded);
  g_autofree gchar *name = NULL;
  sqlite3_stmt *stmt;

  if (!check_unit_name_value (unit->name, error))
    return FALSE;
  name = td_text_normalize_space (unit->name);
  if (!td_db_begin (db, error))
    return FALSE;
  stmt = td_db_prepare (db,
                        "UPDATE unit SET short_name = ?1, kind = ?2, parent = ?3, founded = ?4,"
                        " head_name = ?5, head_position = ?6, address = ?7, phone = ?8,"
                        " email = ?9, notes = ?10, name = ?11 WHERE id = ?12",
                        error);
  if (stmt == NULL)
    goto fail;
  bind_unit_fields (stmt, unit, founded);
  sqlite3_bind_text (stmt, 11, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 12, unit->id);
  if (!td_db_run (db, stmt, error))
    goto fail;
  stmt = td_db_prepare (db,
                        "UPDATE unit_name SET name = ?1, short_name = ?2 WHERE unit_id = ?3"
                        " AND valid_from = (SELECT max (valid_from) FROM unit_name"
                        " WHERE unit_id = ?3)",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, str_or_empty (unit->short_name), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, unit->id);
  if (!td_db_run (db, stmt, error) || !td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "registry");
  return TRUE;

fail:
  td_db_rollback (db);
  return FALSE;
}

/* Every unit with its current name, in Vietnamese order. */
GPtrArray *
td_registry_list_units (TdDb *db, gboolean include_retired, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT " UNIT_COLUMNS " FROM unit"
                                      " WHERE ?1 OR retired_year IS NULL"
                                      " ORDER BY name COLLATE VI",
                                      error);
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify)td_unit_free);
  TdStep r;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_retired ? 1 : 0);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    g_ptr_array_add (units, unit_from_row (stmt));
  return r == TD_STEP_DONE ? g_steal_pointer (&units) : NULL;
}

/* Refuses an empty name, and a name another member of the bloc-year
 * already bears that year (compared without case, diacritics or extra
 * spaces, the way a clerk would see a duplicate).  @unit_id is the unit
 * being edited (0 for a new one). */
gboolean
td_registry_check_unit_name (TdDb *db, gint64 bloc_year_id, gint64 unit_id, const char *name,
                             GError **error)
{
  g_autoptr (GPtrArray) members = NULL;
  g_autofree gchar *folded = NULL;

  if (!check_unit_name_value (name, error))
    return FALSE;
  if (bloc_year_id == 0)
    return TRUE;
  members = td_registry_list_members (db, bloc_year_id, error);
  if (members == NULL)
    return FALSE;
  folded = td_text_fold (name);
  for (guint i = 0; i < members->len; i++)
    {
      TdMember *m = members->pdata[i];
      g_autofree gchar *other = td_text_fold (m->name);

      if (m->unit_id != unit_id && g_strcmp0 (folded, other) == 0)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                       _ ("Unit name: “%s” is already a member of this bloc this year; "
                          "enter a different name or edit the existing unit."),
                       m->name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Creates a unit and makes it a member of the bloc-year, in one step. */
gint64
td_registry_add_unit_to_bloc_year (TdDb *db, gint64 bloc_year_id, const TdUnit *unit,
                                   GError **error)
{
  g_autoptr (TdUnit) clean = NULL;
  gint64 id;

  if (!td_registry_check_unit_name (db, bloc_year_id, 0, unit->name, error))
    return 0;
  if (!td_db_begin (db, error))
    return 0;
  clean = td_unit_new ();
  *clean = *unit;
  clean->name = td_text_normalize_space (unit->name);
  clean->short_name = td_text_normalize_space (unit->short_name);
  id = td_registry_add_unit (db, clean, error);
  g_clear_pointer (&clean->name, g_free);
  g_clear_pointer (&clean->short_name, g_free);
  /* The other fields belong to @unit. */
  memset (clean, 0, sizeof *clean);
  if (id == 0 || !td_registry_add_member (db, bloc_year_id, id, error) || !td_db_commit (db, error))
    {
      td_db_rollback (db);
      return 0;
    }
  return id;
}

static void
refresh_current_name (TdDb *db, gint64 unit_id)
{
  sqlite3_stmt *stmt = td_db_prepare (
      db,
      "UPDATE unit SET (name, short_name) = (SELECT name, short_name FROM unit_name"
      " WHERE unit_id = ?1 ORDER BY valid_from DESC LIMIT 1) WHERE id = ?1",
      NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  td_db_run (db, stmt, NULL);
}

/* From @from on the unit bears @name; earlier years keep the old name. */
gboolean
td_registry_rename_unit (TdDb *db, gint64 unit_id, const GDate *from, const char *name,
                         const char *short_name, GError **error)
{
  g_autofree gchar *iso = td_date_to_iso (from);
  g_autofree gchar *clean = NULL;
  g_autofree gchar *clean_short = NULL;
  sqlite3_stmt *stmt;

  if (!require_name (name, _ ("New name"), error))
    return FALSE;
  if (iso == NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Effective date: enter the date the new name takes effect, as dd/mm/yyyy."));
      return FALSE;
    }
  if (!check_year (g_date_get_year (from), error))
    return FALSE;
  clean = td_text_normalize_space (name);
  clean_short = td_text_normalize_space (short_name);
  if (!td_db_begin (db, error))
    return FALSE;
  stmt = td_db_prepare (db,
                        "INSERT OR REPLACE INTO unit_name (unit_id, valid_from, name, short_name)"
                        " VALUES (?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, clean_short, -1, SQLITE_TRANSIENT);
  if (!td_db_run (db, stmt, error))
    goto fail;
  refresh_current_name (db, unit_id);
  if (!td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "registry");
  return TRUE;

fail:
  td_db_rollback (db);
  return FALSE;
}

static gboolean
set_retired (TdDb *db, gint64 unit_id, gint year, gint64 merged_into, GError **error)
{
  sqlite3_stmt *stmt
      = td_db_prepare (db, "UPDATE unit SET retired_year = ?, merged_into = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  if (year > 0)
    sqlite3_bind_int (stmt, 1, year);
  bind_id_or_null (stmt, 2, merged_into);
  sqlite3_bind_int64 (stmt, 3, unit_id);
  return td_db_run (db, stmt, error);
}

/* Hides the unit from @from_year on: new years no longer list it, while
 * every earlier year keeps it with its scores. */
gboolean
td_registry_retire_unit (TdDb *db, gint64 unit_id, gint from_year, GError **error)
{
  if (!check_year (from_year, error))
    return FALSE;
  if (!set_retired (db, unit_id, from_year, 0, error))
    return FALSE;
  td_db_notify_changed (db, "registry");
  return TRUE;
}

gboolean
td_registry_unretire_unit (TdDb *db, gint64 unit_id, GError **error)
{
  if (!set_retired (db, unit_id, 0, 0, error))
    return FALSE;
  td_db_notify_changed (db, "registry");
  return TRUE;
}

/* Two or more units become one on @on: the successor is created (founded
 * that day), the predecessors are retired from that year and point to it.
 * In the bloc-years of that year and later that held a predecessor, the
 * successor becomes a member and takes over its role; the years before
 * are left exactly as they were. */
gint64
td_registry_merge_units (TdDb *db, const gint64 *unit_ids, guint n_units, const TdUnit *successor,
                         const GDate *on, GError **error)
{
  g_autoptr (TdUnit) copy = td_unit_new ();
  gint year;
  gint64 id;

  if (n_units < 2)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Units to merge: choose at least two units."));
      return 0;
    }
  if (on == NULL || !g_date_valid (on))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Merge date: enter the date the units become one, as dd/mm/yyyy."));
      return 0;
    }
  year = g_date_get_year (on);
  if (!check_year (year, error) || !check_unit_name_value (successor->name, error))
    return 0;
  if (!td_db_begin (db, error))
    return 0;

  *copy = *successor;
  copy->founded = *on;
  copy->retired_year = 0;
  copy->merged_into = 0;
  id = td_registry_add_unit (db, copy, error);
  memset (copy, 0, sizeof *copy); /* the strings belong to @successor */
  if (id == 0)
    goto fail;

  for (guint i = 0; i < n_units; i++)
    {
      sqlite3_stmt *stmt;

      if (!set_retired (db, unit_ids[i], year, id, error))
        goto fail;
      stmt = td_db_prepare (db,
                            "INSERT OR IGNORE INTO membership (bloc_year_id, unit_id)"
                            " SELECT m.bloc_year_id, ?1 FROM membership m"
                            " JOIN bloc_year y ON y.id = m.bloc_year_id"
                            " WHERE m.unit_id = ?2 AND y.year >= ?3",
                            error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, unit_ids[i]);
      sqlite3_bind_int (stmt, 3, year);
      if (!td_db_run (db, stmt, error))
        goto fail;
      stmt = td_db_prepare (
          db,
          "UPDATE bloc_year SET"
          " head_unit_id = CASE head_unit_id WHEN ?2 THEN ?1 ELSE head_unit_id END,"
          " deputy_unit_id = CASE deputy_unit_id WHEN ?2 THEN ?1"
          " ELSE deputy_unit_id END"
          " WHERE year >= ?3",
          error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, unit_ids[i]);
      sqlite3_bind_int (stmt, 3, year);
      if (!td_db_run (db, stmt, error))
        goto fail;
    }
  if (!td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "registry");
  return id;

fail:
  td_db_rollback (db);
  return 0;
}

/* How many score entries the unit has in @bloc_year_id, or anywhere when
 * it is 0. */
gint
td_registry_count_scores (TdDb *db, gint64 unit_id, gint64 bloc_year_id)
{
  sqlite3_stmt *stmt;
  gint n = 0;

  if (bloc_year_id != 0)
    {
      stmt = td_db_prepare (db,
                            "SELECT count (*) FROM entry e"
                            " JOIN criterion c ON c.id = e.criterion_id"
                            " JOIN criteria_table t ON t.id = c.table_id"
                            " WHERE e.unit_id = ? AND t.bloc_year_id = ?",
                            NULL);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 2, bloc_year_id);
    }
  else
    {
      stmt = td_db_prepare (db, "SELECT count (*) FROM entry WHERE unit_id = ?", NULL);
      if (stmt == NULL)
        return 0;
    }
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (td_db_step (db, stmt, NULL) == TD_STEP_ROW)
    {
      n = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  return n;
}

static gboolean
refuse_scored (TdDb *db, gint64 unit_id, gint64 bloc_year_id, GError **error)
{
  gint n = td_registry_count_scores (db, unit_id, bloc_year_id);

  if (n > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The unit already has %d score, and scores are history that "
                                "must stay. Retire the unit instead: it keeps its past years "
                                "and is left out of new ones.",
                                "The unit already has %d scores, and scores are history that "
                                "must stay. Retire the unit instead: it keeps its past years "
                                "and is left out of new ones.",
                                n),
                   n);
      return FALSE;
    }
  return TRUE;
}

/* A deadline assigned to the unit alone would lose its owner, and the
 * meeting's votes, overrides and proposal decisions are history. */
static gboolean
refuse_responsible (TdDb *db, gint64 unit_id, GError **error)
{
  sqlite3_stmt *stmt
      = td_db_prepare (db, "SELECT count (*) FROM deadline WHERE unit_id = ?", error);
  gint64 decisions;
  gint n = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (td_db_step (db, stmt, error) == TD_STEP_ROW)
    {
      n = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (n > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%d deadline in the calendar is assigned to this unit. Assign it "
                                "to someone else first, or retire the unit instead.",
                                "%d deadlines in the calendar are assigned to this unit. Assign "
                                "them to someone else first, or retire the unit instead.",
                                n),
                   n);
      return FALSE;
    }
  stmt = td_db_prepare (db,
                        "SELECT (SELECT count (*) FROM ranking_vote WHERE unit_id = ?1)"
                        " + (SELECT count (*) FROM ranking_override WHERE unit_id = ?1)"
                        " + (SELECT count (*) FROM proposal_decision WHERE unit_id = ?1)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  decisions = td_db_step (db, stmt, error) == TD_STEP_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (decisions > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                   _ ("The meeting's votes, overrides or award decisions name this unit, and they "
                      "are history that must stay. Retire the unit instead."));
      return FALSE;
    }
  return TRUE;
}

/* Deletes a unit that has no scores, with its names, memberships and
 * campaign results.  A unit with scores is refused (retire it instead). */
gboolean
td_registry_delete_unit (TdDb *db, gint64 unit_id, GError **error)
{
  static const char *const steps[] = {
    "UPDATE bloc_year SET head_unit_id = NULL WHERE head_unit_id = ?",
    "UPDATE bloc_year SET deputy_unit_id = NULL WHERE deputy_unit_id = ?",
    "UPDATE unit SET merged_into = NULL WHERE merged_into = ?",
    "DELETE FROM target_result WHERE unit_id = ?",
    "DELETE FROM deadline_member WHERE unit_id = ?",
    "DELETE FROM ranking_seen WHERE unit_id = ?", /* what the clerk saw last: derived */
    "DELETE FROM membership WHERE unit_id = ?",
    "DELETE FROM unit_name WHERE unit_id = ?",
    "DELETE FROM unit WHERE id = ?",
  };

  if (!refuse_scored (db, unit_id, 0, error) || !refuse_responsible (db, unit_id, error))
    return FALSE;
  if (!td_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = td_db_prepare (db, steps[i], error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, unit_id);
      if (!td_db_run (db, stmt, error))
        goto fail;
    }
  if (!td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "registry");
  return TRUE;

fail:
  td_db_rollback (db);
  return FALSE;
}

gboolean
td_registry_update_bloc (TdDb *db, const TdBloc *bloc, GError **error)
{
  sqlite3_stmt *stmt;

  if (!require_name (bloc->name, _ ("Bloc name"), error))
    return FALSE;
  stmt = td_db_prepare (db,
                        "UPDATE bloc SET name = ?, kind = ?, authority = ?, place = ?, notes = ?"
                        " WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bloc->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, bloc->kind == TD_BLOC_CUM ? "cum" : "khoi", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, str_or_empty (bloc->authority), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, str_or_empty (bloc->place), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, str_or_empty (bloc->notes), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, bloc->id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "registry");
  return TRUE;
}

gboolean
td_registry_is_member (TdDb *db, gint64 bloc_year_id, gint64 unit_id)
{
  sqlite3_stmt *stmt
      = td_db_prepare (db, "SELECT 1 FROM membership WHERE bloc_year_id = ? AND unit_id = ?", NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (td_db_step (db, stmt, NULL) == TD_STEP_ROW)
    {
      found = TRUE;
      sqlite3_reset (stmt);
    }
  return found;
}

/* The head and the deputy are two different members of the bloc-year;
 * either may be unset (0). */
gboolean
td_registry_check_roles (TdDb *db, gint64 bloc_year_id, gint64 head_unit_id, gint64 deputy_unit_id,
                         GError **error)
{
  if (head_unit_id != 0 && head_unit_id == deputy_unit_id)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Deputy: the head unit cannot also be the deputy; choose another member."));
      return FALSE;
    }
  if (head_unit_id != 0 && !td_registry_is_member (db, bloc_year_id, head_unit_id))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Head: the unit is not a member of the bloc this year; add it as a member "
                      "first or choose a member."));
      return FALSE;
    }
  if (deputy_unit_id != 0 && !td_registry_is_member (db, bloc_year_id, deputy_unit_id))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Deputy: the unit is not a member of the bloc this year; add it as a member "
                      "first or choose a member."));
      return FALSE;
    }
  return TRUE;
}

gboolean
td_registry_set_roles (TdDb *db, gint64 bloc_year_id, gint64 head_unit_id, gint64 deputy_unit_id,
                       GError **error)
{
  sqlite3_stmt *stmt;

  if (!td_registry_check_roles (db, bloc_year_id, head_unit_id, deputy_unit_id, error))
    return FALSE;
  stmt = td_db_prepare (
      db, "UPDATE bloc_year SET head_unit_id = ?, deputy_unit_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_id_or_null (stmt, 1, head_unit_id);
  bind_id_or_null (stmt, 2, deputy_unit_id);
  sqlite3_bind_int64 (stmt, 3, bloc_year_id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "registry");
  return TRUE;
}

/* Saves roles and signatory; the year itself does not change. */
gboolean
td_registry_update_bloc_year (TdDb *db, const TdBlocYear *bloc_year, GError **error)
{
  sqlite3_stmt *stmt;

  if (!check_year (bloc_year->year, error)
      || !td_registry_check_roles (db, bloc_year->id, bloc_year->head_unit_id,
                                   bloc_year->deputy_unit_id, error))
    return FALSE;
  stmt = td_db_prepare (db,
                        "UPDATE bloc_year SET head_unit_id = ?, deputy_unit_id = ?,"
                        " signer_name = ?, signer_position = ?, signer_authority = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  bind_id_or_null (stmt, 1, bloc_year->head_unit_id);
  bind_id_or_null (stmt, 2, bloc_year->deputy_unit_id);
  sqlite3_bind_text (stmt, 3, str_or_empty (bloc_year->signer_name), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, str_or_empty (bloc_year->signer_position), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, str_or_empty (bloc_year->signer_authority), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, bloc_year->id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "registry");
  return TRUE;
}

/* Takes the unit out of the bloc-year (it stays in the registry and in
 * other years); a head or deputy loses the role.  Refused when the unit
 * has scores in that year. */
gboolean
td_registry_remove_member (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  static const char *const steps[] = {
    "UPDATE bloc_year SET head_unit_id = NULL WHERE id = ?1 AND head_unit_id = ?2",
    "UPDATE bloc_year SET deputy_unit_id = NULL WHERE id = ?1 AND deputy_unit_id = ?2",
    "DELETE FROM target_result WHERE unit_id = ?2 AND target_id IN (SELECT t.id FROM target t"
    " JOIN campaign c ON c.id = t.campaign_id WHERE c.bloc_year_id = ?1)",
    "DELETE FROM membership WHERE bloc_year_id = ?1 AND unit_id = ?2",
  };

  if (!refuse_scored (db, unit_id, bloc_year_id, error))
    return FALSE;
  if (!td_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = td_db_prepare (db, steps[i], error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, bloc_year_id);
      sqlite3_bind_int64 (stmt, 2, unit_id);
      if (!td_db_run (db, stmt, error))
        goto fail;
    }
  if (!td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "registry");
  return TRUE;

fail:
  td_db_rollback (db);
  return FALSE;
}

/* The id of the bloc's newest year, 0 when it has none. */
gint64
td_registry_newest_bloc_year (TdDb *db, gint64 bloc_id)
{
  sqlite3_stmt *stmt = td_db_prepare (
      db, "SELECT id FROM bloc_year WHERE bloc_id = ? ORDER BY year DESC LIMIT 1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, bloc_id);
  if (td_db_step (db, stmt, NULL) == TD_STEP_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return id;
}

/* "Khối Thi đua số 6 — 2024", or NULL. */
gchar *
td_registry_dup_bloc_year_label (TdDb *db, gint64 bloc_year_id)
{
  g_autoptr (TdBlocYear) by = td_registry_get_bloc_year (db, bloc_year_id, NULL);
  g_autoptr (TdBloc) bloc = by ? td_registry_get_bloc (db, by->bloc_id, NULL) : NULL;

  if (bloc == NULL)
    return NULL;
  return g_strdup_printf ("%s — %d", bloc->name, by->year);
}

void
td_registry_get_summary (TdDb *db, gint64 bloc_year_id, TdRegistrySummary *out)
{
  sqlite3_stmt *stmt;

  memset (out, 0, sizeof *out);
  out->n_units
      = td_db_query_int (db, "SELECT count (*) FROM unit WHERE retired_year IS NULL", 0, NULL);
  out->n_blocs = td_db_query_int (db, "SELECT count (*) FROM bloc", 0, NULL);
  out->n_years = td_db_query_int (db, "SELECT count (*) FROM bloc_year", 0, NULL);
  stmt = td_db_prepare (db,
                        "SELECT (SELECT count (*) FROM membership WHERE bloc_year_id = ?1),"
                        " (SELECT count (*) FROM campaign WHERE bloc_year_id = ?1 OR id IN"
                        "   (SELECT campaign_id FROM campaign_share WHERE bloc_year_id = ?1))",
                        NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  if (td_db_step (db, stmt, NULL) == TD_STEP_ROW)
    {
      out->n_members = sqlite3_column_int (stmt, 0);
      out->n_campaigns = sqlite3_column_int (stmt, 1);
      sqlite3_reset (stmt);
    }
}

typedef struct
{
  TdNewYearHook hook;
  gpointer user_data;
} NewYearHook;

static GArray *new_year_hooks;

void
td_registry_add_new_year_hook (TdNewYearHook hook, gpointer user_data)
{
  NewYearHook h = { hook, user_data };

  if (new_year_hooks == NULL)
    new_year_hooks = g_array_new (FALSE, FALSE, sizeof (NewYearHook));
  for (guint i = 0; i < new_year_hooks->len; i++)
    {
      NewYearHook *o = &g_array_index (new_year_hooks, NewYearHook, i);
      if (o->hook == hook && o->user_data == user_data)
        return;
    }
  g_array_append_val (new_year_hooks, h);
}

void
td_registry_remove_new_year_hook (TdNewYearHook hook, gpointer user_data)
{
  for (guint i = 0; new_year_hooks != NULL && i < new_year_hooks->len; i++)
    {
      NewYearHook *o = &g_array_index (new_year_hooks, NewYearHook, i);
      if (o->hook == hook && o->user_data == user_data)
        {
          g_array_remove_index (new_year_hooks, i);
          return;
        }
    }
}

/* The copy steps of the other parts of the core, registered once before
 * the first new year: the criteria table, then the ranking settings. */
static void
register_builtin_steps (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      td_registry_add_new_year_hook (td_criteria_new_year_hook, NULL);
      td_registry_add_new_year_hook (td_ranking_new_year_hook, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* Creates @year for the bloc from its latest earlier year: the members
 * that are not retired by then, the head and deputy (when still members)
 * and the signatory.  Then every registered hook copies its own part
 * (criteria, ranking settings…), all in one transaction, and the database
 * emits "changed::new-year".  Returns the new bloc-year's id. */
gint64
td_registry_start_new_year (TdDb *db, gint64 bloc_id, gint year, GError **error)
{
  g_autoptr (TdBlocYear) prev = NULL;
  g_autoptr (TdBlocYear) next = td_bloc_year_new ();
  g_autoptr (GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 prev_id = 0, id;
  TdStep r;

  register_builtin_steps ();
  if (!check_year (year, error))
    return 0;
  stmt = td_db_prepare (db,
                        "SELECT id FROM bloc_year WHERE bloc_id = ? AND year < ?"
                        " ORDER BY year DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, bloc_id);
  sqlite3_bind_int (stmt, 2, year);
  if (td_db_step (db, stmt, error) == TD_STEP_ROW)
    {
      prev_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  next->bloc_id = bloc_id;
  next->year = year;
  if (prev_id != 0)
    {
      prev = td_registry_get_bloc_year (db, prev_id, error);
      if (prev == NULL)
        return 0;
      next->signer_name = g_strdup (prev->signer_name);
      next->signer_position = g_strdup (prev->signer_position);
      next->signer_authority = g_strdup (prev->signer_authority);

      stmt = td_db_prepare (db,
                            "SELECT m.unit_id FROM membership m JOIN unit u ON u.id = m.unit_id"
                            " WHERE m.bloc_year_id = ? AND (u.retired_year IS NULL"
                            " OR u.retired_year > ?)",
                            error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, prev_id);
      sqlite3_bind_int (stmt, 2, year);
      while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
        {
          gint64 unit_id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (units, unit_id);
          if (unit_id == prev->head_unit_id)
            next->head_unit_id = unit_id;
          if (unit_id == prev->deputy_unit_id)
            next->deputy_unit_id = unit_id;
        }
      if (r == TD_STEP_ERROR)
        return 0;
    }

  if (!td_db_begin (db, error))
    return 0;
  id = td_registry_add_bloc_year (db, next, error);
  if (id == 0)
    goto fail;
  for (guint i = 0; i < units->len; i++)
    if (!td_registry_add_member (db, id, g_array_index (units, gint64, i), error))
      goto fail;
  for (guint i = 0; prev_id != 0 && new_year_hooks != NULL && i < new_year_hooks->len; i++)
    {
      NewYearHook *h = &g_array_index (new_year_hooks, NewYearHook, i);
      if (!h->hook (db, prev_id, id, h->user_data, error))
        goto fail;
    }
  if (!td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "new-year");
  return id;

fail:
  td_db_rollback (db);
  return 0;
}

const char *
td_role_label (TdRole role)
{
  switch (role)
    {
    case TD_ROLE_HEAD:
      return _ ("Head");
    case TD_ROLE_DEPUTY:
      return _ ("Deputy");
    case TD_ROLE_MEMBER:
    default:
      return _ ("Member");
    }
}

gchar *
td_date_to_display (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

/* Reads dd/mm/yyyy (also d/m/yyyy, with - or . between). */
gboolean
td_date_from_display (const char *text, GDate *out)
{
  return td_date_parse (text, TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, out, NULL);
}

/* Every bloc-year of the database, newest year first, then by bloc name. */
GArray *
td_registry_list_all_bloc_years (TdDb *db, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT y.id FROM bloc_year y JOIN bloc b ON b.id = y.bloc_id"
                                      " ORDER BY y.year DESC, b.name COLLATE VI",
                                      error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TdStep r;

  if (stmt == NULL)
    return NULL;
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return r == TD_STEP_DONE ? g_steal_pointer (&ids) : NULL;
}
