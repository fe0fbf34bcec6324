/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deleting a unit with Undo (part of the registry API in td-registry.h).
 *
 * The snapshot keeps the rows that td_registry_delete_unit() removes or
 * changes and puts them back with the same ids, so rows of other tables
 * that refer to the unit's id still match after an Undo. */
#include "config.h"

#include "td-registry.h"

static const char *
str_or_empty (const char *s)
{
  return s ? s : "";
}

struct _TdUnitSnapshot
{
  TdUnit *unit;
  GPtrArray *names;    /* "valid_from\tname\tshort_name" */
  GArray *memberships; /* bloc_year ids */
  GArray *heads;       /* bloc_year ids where it was head */
  GArray *deputies;    /* bloc_year ids where it was deputy */
  GArray *merged_from; /* unit ids merged into it */
  GPtrArray *results;  /* "target_id\tresult\tnote" */
};

void
td_unit_snapshot_free (TdUnitSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  td_unit_free (snapshot->unit);
  g_ptr_array_unref (snapshot->names);
  g_array_unref (snapshot->memberships);
  g_array_unref (snapshot->heads);
  g_array_unref (snapshot->deputies);
  g_array_unref (snapshot->merged_from);
  g_ptr_array_unref (snapshot->results);
  g_free (snapshot);
}

static gboolean
collect_ids (TdDb *db, const char *sql, gint64 unit_id, GArray *out, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db, sql, error);
  TdStep r;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (out, id);
    }
  return r == TD_STEP_DONE;
}

static gboolean
collect_rows (TdDb *db, const char *sql, gint64 unit_id, GPtrArray *out, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db, sql, error);
  TdStep r;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    g_ptr_array_add (out, g_strdup_printf ("%s\t%s\t%s", sqlite3_column_text (stmt, 0),
                                           sqlite3_column_text (stmt, 1),
                                           sqlite3_column_text (stmt, 2)));
  return r == TD_STEP_DONE;
}

/* Deletes like td_registry_delete_unit() (refused when the unit has
 * scores) and returns what td_registry_restore_unit() needs. */
TdUnitSnapshot *
td_registry_delete_unit_with_undo (TdDb *db, gint64 unit_id, GError **error)
{
  g_autoptr (TdUnitSnapshot) s = g_new0 (TdUnitSnapshot, 1);

  s->names = g_ptr_array_new_with_free_func (g_free);
  s->results = g_ptr_array_new_with_free_func (g_free);
  s->memberships = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->heads = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->deputies = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->merged_from = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->unit = td_registry_get_unit (db, unit_id, error);
  if (s->unit == NULL)
    return NULL;
  if (!collect_rows (db, "SELECT valid_from, name, short_name FROM unit_name WHERE unit_id = ?",
                     unit_id, s->names, error)
      || !collect_rows (db, "SELECT target_id, result, note FROM target_result WHERE unit_id = ?",
                        unit_id, s->results, error)
      || !collect_ids (db, "SELECT bloc_year_id FROM membership WHERE unit_id = ?", unit_id,
                       s->memberships, error)
      || !collect_ids (db, "SELECT id FROM bloc_year WHERE head_unit_id = ?", unit_id, s->heads,
                       error)
      || !collect_ids (db, "SELECT id FROM bloc_year WHERE deputy_unit_id = ?", unit_id,
                       s->deputies, error)
      || !collect_ids (db, "SELECT id FROM unit WHERE merged_into = ?", unit_id, s->merged_from,
                       error))
    return NULL;
  if (!td_registry_delete_unit (db, unit_id, error))
    return NULL;
  return g_steal_pointer (&s);
}

static gboolean
run_id_pair (TdDb *db, const char *sql, gint64 a, gint64 b, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return td_db_run (db, stmt, error);
}

/* Puts a deleted unit back, with its id, names, memberships, roles and
 * results (those whose bloc-year or target still exist). */
gboolean
td_registry_restore_unit (TdDb *db, const TdUnitSnapshot *s, GError **error)
{
  g_autofree gchar *founded = td_date_to_iso (&s->unit->founded);
  sqlite3_stmt *stmt;
  const TdUnit *unit = s->unit;

  if (!td_db_begin (db, error))
    return FALSE;
  stmt = td_db_prepare (db,
                        "INSERT INTO unit (short_name, kind, parent, founded, head_name,"
                        " head_position, address, phone, email, notes, name, id, retired_year,"
                        " merged_into) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                        " ?13, ?14)",
                        error);
  if (stmt == NULL)
    goto fail;
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
  sqlite3_bind_text (stmt, 11, unit->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 12, unit->id);
  if (unit->retired_year > 0)
    sqlite3_bind_int (stmt, 13, unit->retired_year);
  if (unit->merged_into > 0)
    sqlite3_bind_int64 (stmt, 14, unit->merged_into);
  if (!td_db_run (db, stmt, error))
    goto fail;
  for (guint i = 0; i < s->names->len; i++)
    {
      g_auto (GStrv) f = g_strsplit (s->names->pdata[i], "\t", 3);

      stmt = td_db_prepare (db,
                            "INSERT INTO unit_name (unit_id, valid_from, name, short_name)"
                            " VALUES (?, ?, ?, ?)",
                            error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, unit->id);
      sqlite3_bind_text (stmt, 2, f[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, f[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, f[2] ? f[2] : "", -1, SQLITE_TRANSIENT);
      if (!td_db_run (db, stmt, error))
        goto fail;
    }
  for (guint i = 0; i < s->memberships->len; i++)
    if (!run_id_pair (db,
                      "INSERT OR IGNORE INTO membership (bloc_year_id, unit_id)"
                      " SELECT id, ?2 FROM bloc_year WHERE id = ?1",
                      g_array_index (s->memberships, gint64, i), unit->id, error))
      goto fail;
  for (guint i = 0; i < s->heads->len; i++)
    if (!run_id_pair (db, "UPDATE bloc_year SET head_unit_id = ?2 WHERE id = ?1",
                      g_array_index (s->heads, gint64, i), unit->id, error))
      goto fail;
  for (guint i = 0; i < s->deputies->len; i++)
    if (!run_id_pair (db, "UPDATE bloc_year SET deputy_unit_id = ?2 WHERE id = ?1",
                      g_array_index (s->deputies, gint64, i), unit->id, error))
      goto fail;
  for (guint i = 0; i < s->merged_from->len; i++)
    if (!run_id_pair (db, "UPDATE unit SET merged_into = ?2 WHERE id = ?1",
                      g_array_index (s->merged_from, gint64, i), unit->id, error))
      goto fail;
  for (guint i = 0; i < s->results->len; i++)
    {
      g_auto (GStrv) f = g_strsplit (s->results->pdata[i], "\t", 3);

      stmt = td_db_prepare (db,
                            "INSERT OR IGNORE INTO target_result (target_id, unit_id, result, note)"
                            " SELECT id, ?2, ?3, ?4 FROM target WHERE id = ?1",
                            error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (f[0], NULL, 10));
      sqlite3_bind_int64 (stmt, 2, unit->id);
      sqlite3_bind_text (stmt, 3, f[1] ? f[1] : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, f[1] && f[2] ? f[2] : "", -1, SQLITE_TRANSIENT);
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
