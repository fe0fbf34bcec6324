/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The registry: its records and how they are read and added.
 *
 * Scores belong to a unit in a bloc in a year, and every sheet's header
 * names the bloc, its head unit, the place and the signatory: all of it
 * lives here.  A unit's name is history: unit_name keeps every name with
 * the date it took effect, so a past year's lists show the name of then.
 * Changes over the years (renames, merges, roles, a new year) are in
 * td-registry-history.c, deleting with Undo in td-registry-undo.c. */
#include "config.h"

#include "td-enum.h"
#include "td-date.h"
#include "td-query.h"
#include "td-record.h"
#include "td-registry-private.h"
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

static const gsize unit_texts[] = { G_STRUCT_OFFSET (TdUnit, name),
                                    G_STRUCT_OFFSET (TdUnit, short_name),
                                    G_STRUCT_OFFSET (TdUnit, kind),
                                    G_STRUCT_OFFSET (TdUnit, parent),
                                    G_STRUCT_OFFSET (TdUnit, head_name),
                                    G_STRUCT_OFFSET (TdUnit, head_position),
                                    G_STRUCT_OFFSET (TdUnit, address),
                                    G_STRUCT_OFFSET (TdUnit, phone),
                                    G_STRUCT_OFFSET (TdUnit, email),
                                    G_STRUCT_OFFSET (TdUnit, notes),
                                    TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdUnit, td_unit_free, unit_texts);

TD_RECORD_DEFINE_NEW (TdBloc, td_bloc_new);

static const gsize bloc_texts[]
    = { G_STRUCT_OFFSET (TdBloc, name), G_STRUCT_OFFSET (TdBloc, authority),
        G_STRUCT_OFFSET (TdBloc, place), G_STRUCT_OFFSET (TdBloc, notes), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdBloc, td_bloc_free, bloc_texts);

TD_RECORD_DEFINE_NEW (TdBlocYear, td_bloc_year_new);

static const gsize bloc_year_texts[]
    = { G_STRUCT_OFFSET (TdBlocYear, signer_name), G_STRUCT_OFFSET (TdBlocYear, signer_position),
        G_STRUCT_OFFSET (TdBlocYear, signer_authority), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdBlocYear, td_bloc_year_free, bloc_year_texts);

static const gsize member_texts[]
    = { G_STRUCT_OFFSET (TdMember, name), G_STRUCT_OFFSET (TdMember, short_name),
        G_STRUCT_OFFSET (TdMember, kind), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdMember, td_member_free, member_texts);

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

gboolean
td_registry_require_name (const char *name, const char *field, GError **error)
{
  g_autofree gchar *message = g_strdup_printf (_ ("%s: enter a name; it cannot be empty."), field);

  return td_error_require_text (name, message, error);
}

gboolean
td_registry_check_year (gint year, GError **error)
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

/* ---- units ---- */

gint64
td_registry_add_unit (TdDb *db, const TdUnit *unit, GError **error)
{
  gboolean ok;
  gint64 id;

  if (!td_registry_require_name (unit->name, _ ("Unit name"), error) || !td_db_begin (db, error))
    return 0;
  ok = td_query_run (db,
                     "INSERT INTO unit (name, short_name, kind, parent, founded, head_name,"
                     " head_position, address, phone, email, notes, retired_year, merged_into)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     error, "seeedeeeeeerr", unit->name, unit->short_name, unit->kind, unit->parent,
                     &unit->founded, unit->head_name, unit->head_position, unit->address,
                     unit->phone, unit->email, unit->notes, (gint64)unit->retired_year,
                     unit->merged_into);
  id = ok ? td_db_last_insert_id (db) : 0;
  /* The first name is valid from the beginning of time. */
  ok = ok
       && td_query_run (db,
                        "INSERT INTO unit_name (unit_id, valid_from, name, short_name)"
                        " VALUES (?, '0001-01-01', ?, ?)",
                        error, "xse", id, unit->name, unit->short_name);
  return td_query_finish (db, ok, "registry", error) ? id : 0;
}

#define UNIT_COLUMNS                                                                               \
  "id, name, short_name, kind, parent, founded, head_name, head_position, address, phone,"         \
  " email, notes, coalesce (retired_year, 0), coalesce (merged_into, 0)"

static gpointer
unit_from_row (sqlite3_stmt *stmt)
{
  TdUnit *unit = td_unit_new ();

  td_query_columns (stmt, "xssssdssssssix", &unit->id, &unit->name, &unit->short_name, &unit->kind,
                    &unit->parent, &unit->founded, &unit->head_name, &unit->head_position,
                    &unit->address, &unit->phone, &unit->email, &unit->notes, &unit->retired_year,
                    &unit->merged_into);
  return unit;
}

TdUnit *
td_registry_get_unit (TdDb *db, gint64 unit_id, GError **error)
{
  return td_query_one (db, "SELECT " UNIT_COLUMNS " FROM unit WHERE id = ?", unit_from_row,
                       _ ("The unit no longer exists."), error, "x", unit_id);
}

/* Every unit with its current name, in Vietnamese order. */
GPtrArray *
td_registry_list_units (TdDb *db, gboolean include_retired, GError **error)
{
  return td_query_list (db,
                        "SELECT " UNIT_COLUMNS " FROM unit WHERE ?1 OR retired_year IS NULL"
                        " ORDER BY name COLLATE VI",
                        unit_from_row, (GDestroyNotify)td_unit_free, error, "b", include_retired);
}

/* The name the unit bore at the end of @year. */
gchar *
td_registry_unit_name_in_year (TdDb *db, gint64 unit_id, gint year)
{
  g_autofree gchar *end = g_strdup_printf ("%04d-12-31", year);

  return td_query_text (db,
                        "SELECT name FROM unit_name WHERE unit_id = ?"
                        " AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1",
                        NULL, "xs", unit_id, end);
}

/* Saves every field of @unit.  A changed name here is a correction of the
 * current name (a typo), so the newest name record changes with it; a
 * real change of name from a date is td_registry_rename_unit(). */
gboolean
td_registry_update_unit (TdDb *db, const TdUnit *unit, GError **error)
{
  g_autofree gchar *name = NULL;

  if (!td_registry_require_name (unit->name, _ ("Unit name"), error))
    return FALSE;
  name = td_text_normalize_space (unit->name);
  if (!td_db_begin (db, error))
    return FALSE;
  return td_query_finish (
      db,
      td_query_run (db,
                    "UPDATE unit SET short_name = ?1, kind = ?2, parent = ?3, founded = ?4,"
                    " head_name = ?5, head_position = ?6, address = ?7, phone = ?8,"
                    " email = ?9, notes = ?10, name = ?11 WHERE id = ?12",
                    error, "eeedeeeeeesx", unit->short_name, unit->kind, unit->parent,
                    &unit->founded, unit->head_name, unit->head_position, unit->address,
                    unit->phone, unit->email, unit->notes, name, unit->id)
          && td_query_run (db,
                           "UPDATE unit_name SET name = ?1, short_name = ?2 WHERE unit_id = ?3"
                           " AND valid_from = (SELECT max (valid_from) FROM unit_name"
                           " WHERE unit_id = ?3)",
                           error, "sex", name, unit->short_name, unit->id),
      "registry", error);
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

  if (!td_registry_require_name (name, _ ("Unit name"), error))
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
  return td_query_finish (db, id != 0 && td_registry_add_member (db, bloc_year_id, id, error), NULL,
                          error)
             ? id
             : 0;
}

/* ---- blocs ---- */

static const char *
bloc_kind_key (TdBlocKind kind)
{
  return kind == TD_BLOC_CUM ? "cum" : "khoi";
}

/* The bloc's columns in order, then its id (see TdQueryTable). */
static gboolean
write_bloc (TdDb *db, const char *sql, gconstpointer record, GError **error)
{
  const TdBloc *bloc = record;

  return td_registry_require_name (bloc->name, _ ("Bloc name"), error)
         && td_query_run (db, sql, error, "sseeex", bloc->name, bloc_kind_key (bloc->kind),
                          bloc->authority, bloc->place, bloc->notes, bloc->id);
}

static const TdQueryTable bloc_table
    = { "bloc", "name, kind, authority, place, notes", "registry", write_bloc };

TD_QUERY_DEFINE_ADD_UPDATE (TdBloc, bloc_table, td_registry_add_bloc, td_registry_update_bloc);

static gpointer
bloc_from_row (sqlite3_stmt *stmt)
{
  TdBloc *bloc = td_bloc_new ();

  td_query_columns (stmt, "xs-sss", &bloc->id, &bloc->name, &bloc->authority, &bloc->place,
                    &bloc->notes);
  bloc->kind = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 2), "cum") == 0 ? TD_BLOC_CUM
                                                                                   : TD_BLOC_KHOI;
  return bloc;
}

TdBloc *
td_registry_get_bloc (TdDb *db, gint64 bloc_id, GError **error)
{
  return td_query_one (db, "SELECT id, name, kind, authority, place, notes FROM bloc WHERE id = ?",
                       bloc_from_row, _ ("The bloc no longer exists."), error, "x", bloc_id);
}

/* Every bloc, sorted by name (Vietnamese collation). */
GPtrArray *
td_registry_list_blocs (TdDb *db, GError **error)
{
  return td_query_list (
      db, "SELECT id, name, kind, authority, place, notes FROM bloc ORDER BY name COLLATE VI",
      bloc_from_row, (GDestroyNotify)td_bloc_free, error, NULL);
}

/* ---- bloc-years ---- */

gint64
td_registry_add_bloc_year (TdDb *db, const TdBlocYear *bloc_year, GError **error)
{
  if (!td_registry_check_year (bloc_year->year, error))
    return 0;
  if (td_registry_find_bloc_year (db, bloc_year->bloc_id, bloc_year->year, NULL) != 0)
    {
      g_set_error (
          error, TD_ERROR, TD_ERROR_CONSTRAINT,
          _ ("Year: the bloc already has the year %d; open it instead of adding it again."),
          bloc_year->year);
      return 0;
    }
  if (!td_query_run (db,
                     "INSERT INTO bloc_year (bloc_id, year, head_unit_id, deputy_unit_id,"
                     " signer_name, signer_position, signer_authority)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?)",
                     error, "xirreee", bloc_year->bloc_id, bloc_year->year, bloc_year->head_unit_id,
                     bloc_year->deputy_unit_id, bloc_year->signer_name, bloc_year->signer_position,
                     bloc_year->signer_authority))
    return 0;
  td_db_notify_changed (db, "registry");
  return td_db_last_insert_id (db);
}

static gpointer
bloc_year_from_row (sqlite3_stmt *stmt)
{
  TdBlocYear *by = td_bloc_year_new ();

  td_query_columns (stmt, "xxixxsss", &by->id, &by->bloc_id, &by->year, &by->head_unit_id,
                    &by->deputy_unit_id, &by->signer_name, &by->signer_position,
                    &by->signer_authority);
  return by;
}

TdBlocYear *
td_registry_get_bloc_year (TdDb *db, gint64 bloc_year_id, GError **error)
{
  return td_query_one (db,
                       "SELECT id, bloc_id, year, coalesce (head_unit_id, 0),"
                       " coalesce (deputy_unit_id, 0), signer_name, signer_position,"
                       " signer_authority FROM bloc_year WHERE id = ?",
                       bloc_year_from_row, _ ("The bloc has no such year."), error, "x",
                       bloc_year_id);
}

/* The id of the bloc's year @year, or 0 when there is none. */
gint64
td_registry_find_bloc_year (TdDb *db, gint64 bloc_id, gint year, GError **error)
{
  return td_query_int (db, "SELECT id FROM bloc_year WHERE bloc_id = ? AND year = ?", 0, error,
                       "xi", bloc_id, year);
}

/* The bloc's years, newest first. */
GArray *
td_registry_list_years (TdDb *db, gint64 bloc_id, GError **error)
{
  g_autoptr (GArray) ids = td_query_ids (
      db, "SELECT year FROM bloc_year WHERE bloc_id = ? ORDER BY year DESC", error, "x", bloc_id);
  GArray *years;

  if (ids == NULL)
    return NULL;
  years = g_array_sized_new (FALSE, FALSE, sizeof (gint), ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      gint year = (gint)g_array_index (ids, gint64, i);
      g_array_append_val (years, year);
    }
  return years;
}

/* Every bloc-year of the database, newest year first, then by bloc name. */
GArray *
td_registry_list_all_bloc_years (TdDb *db, GError **error)
{
  return td_query_ids (db,
                       "SELECT y.id FROM bloc_year y JOIN bloc b ON b.id = y.bloc_id"
                       " ORDER BY y.year DESC, b.name COLLATE VI",
                       error, NULL);
}

/* The id of the bloc's newest year, 0 when it has none. */
gint64
td_registry_newest_bloc_year (TdDb *db, gint64 bloc_id)
{
  return td_query_int (db, "SELECT id FROM bloc_year WHERE bloc_id = ? ORDER BY year DESC LIMIT 1",
                       0, NULL, "x", bloc_id);
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

/* ---- members ---- */

gboolean
td_registry_add_member (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  return td_query_run_change (
      db, "registry", NULL, error,
      "INSERT OR IGNORE INTO membership (bloc_year_id, unit_id) VALUES (?, ?)", "xx", bloc_year_id,
      unit_id);
}

gboolean
td_registry_is_member (TdDb *db, gint64 bloc_year_id, gint64 unit_id)
{
  return td_query_int (db, "SELECT 1 FROM membership WHERE bloc_year_id = ? AND unit_id = ?", 0,
                       NULL, "xx", bloc_year_id, unit_id)
         != 0;
}

static gpointer
member_from_row (sqlite3_stmt *stmt)
{
  TdMember *m = g_new0 (TdMember, 1);

  td_query_columns (stmt, "xsss-b", &m->unit_id, &m->name, &m->short_name, &m->kind, &m->retired);
  m->role = (TdRole)sqlite3_column_int (stmt, 4);
  return m;
}

/* The members of a bloc-year with the names they bore that year, sorted by
 * that name in Vietnamese collation. */
GPtrArray *
td_registry_list_members (TdDb *db, gint64 bloc_year_id, GError **error)
{
  return td_query_list (
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
      member_from_row, (GDestroyNotify)td_member_free, error, "x", bloc_year_id);
}

void
td_registry_get_summary (TdDb *db, gint64 bloc_year_id, TdRegistrySummary *out)
{
  memset (out, 0, sizeof *out);
  out->n_units
      = td_query_int (db, "SELECT count (*) FROM unit WHERE retired_year IS NULL", 0, NULL, NULL);
  out->n_blocs = td_query_int (db, "SELECT count (*) FROM bloc", 0, NULL, NULL);
  out->n_years = td_query_int (db, "SELECT count (*) FROM bloc_year", 0, NULL, NULL);
  out->n_members = td_query_int (db, "SELECT count (*) FROM membership WHERE bloc_year_id = ?", 0,
                                 NULL, "x", bloc_year_id);
  out->n_campaigns = td_query_int (db,
                                   "SELECT count (*) FROM campaign WHERE bloc_year_id = ?1 OR id IN"
                                   " (SELECT campaign_id FROM campaign_share"
                                   " WHERE bloc_year_id = ?1)",
                                   0, NULL, "x", bloc_year_id);
}

/* ---- words and dates ---- */

static const char *const role_labels[] = {
  [TD_ROLE_MEMBER] = N_ ("Member"),
  [TD_ROLE_HEAD] = N_ ("Head"),
  [TD_ROLE_DEPUTY] = N_ ("Deputy"),
};

TD_ENUM_DEFINE_LABEL (TdRole, td_role_label, role_labels, TD_ROLE_MEMBER);

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
