/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deleting a unit with Undo (part of the registry API in td-registry.h).
 *
 * The snapshot keeps the rows that td_registry_delete_unit() removes or
 * changes and puts them back with the same ids, so rows of other tables
 * that refer to the unit's id still match after an Undo. */
#include "config.h"

#include "td-query.h"
#include "td-registry.h"

struct _TdUnitSnapshot
{
  TdUnit *unit;
  GPtrArray *names;    /* "valid_from\tname\tshort_name" */
  GArray *memberships; /* bloc_year ids */
  GArray *heads;       /* bloc_year ids where it was head */
  GArray *deputies;    /* bloc_year ids where it was deputy */
  GArray *merged_from; /* unit ids merged into it */
  GPtrArray *results;  /* "target_id\tresult\tnote" */
  GPtrArray *progress; /* "deadline_id\tdone\t" */
};

/* The lists of a snapshot, each taken by a statement with ?1 the unit's
 * id before it is deleted, and put back by another.  Ids are written back
 * with ?1 the id and ?2 the unit's. */
static const struct
{
  gsize ids; /* GArray * of gint64 in TdUnitSnapshot */
  const char *take;
  const char *put;
} id_rows[] = {
  { G_STRUCT_OFFSET (TdUnitSnapshot, memberships),
    "SELECT bloc_year_id FROM membership WHERE unit_id = ?1",
    "INSERT OR IGNORE INTO membership (bloc_year_id, unit_id)"
    " SELECT id, ?2 FROM bloc_year WHERE id = ?1" },
  { G_STRUCT_OFFSET (TdUnitSnapshot, heads), "SELECT id FROM bloc_year WHERE head_unit_id = ?1",
    "UPDATE bloc_year SET head_unit_id = ?2 WHERE id = ?1" },
  { G_STRUCT_OFFSET (TdUnitSnapshot, deputies),
    "SELECT id FROM bloc_year WHERE deputy_unit_id = ?1",
    "UPDATE bloc_year SET deputy_unit_id = ?2 WHERE id = ?1" },
  { G_STRUCT_OFFSET (TdUnitSnapshot, merged_from), "SELECT id FROM unit WHERE merged_into = ?1",
    "UPDATE unit SET merged_into = ?2 WHERE id = ?1" },
};

/* Rows kept as text, three columns "a\tb\tc": put back with ?1 the unit's
 * id and ?2, ?3, ?4 the three fields, bound as @types says (a row's own
 * id is text, cast by the statement). */
static const struct
{
  gsize texts; /* GPtrArray * of gchar * in TdUnitSnapshot */
  const char *take;
  const char *put;
  const char *types;
} text_rows[] = {
  { G_STRUCT_OFFSET (TdUnitSnapshot, names),
    "SELECT valid_from, name, short_name FROM unit_name WHERE unit_id = ?1",
    "INSERT INTO unit_name (unit_id, valid_from, name, short_name) VALUES (?1, ?2, ?3, ?4)",
    "xsse" },
  { G_STRUCT_OFFSET (TdUnitSnapshot, results),
    "SELECT target_id, result, note FROM target_result WHERE unit_id = ?1",
    "INSERT OR IGNORE INTO target_result (target_id, unit_id, result, note)"
    " SELECT id, ?1, ?3, ?4 FROM target WHERE id = CAST (?2 AS INTEGER)",
    "xsee" },
  { G_STRUCT_OFFSET (TdUnitSnapshot, progress),
    "SELECT deadline_id, done, '' FROM deadline_member WHERE unit_id = ?1",
    "INSERT OR IGNORE INTO deadline_member (deadline_id, unit_id, done)"
    " SELECT id, ?1, ?3 FROM deadline WHERE id = CAST (?2 AS INTEGER)",
    "xse" },
};

#define ID_LIST(s, k) G_STRUCT_MEMBER (GArray *, (s), id_rows[k].ids)
#define TEXT_LIST(s, k) G_STRUCT_MEMBER (GPtrArray *, (s), text_rows[k].texts)

void
td_unit_snapshot_free (TdUnitSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  /* A snapshot cut short by an error holds only what was read: the lists
   * not read are NULL. */
  for (guint k = 0; k < G_N_ELEMENTS (id_rows); k++)
    g_clear_pointer (&ID_LIST (snapshot, k), g_array_unref);
  for (guint k = 0; k < G_N_ELEMENTS (text_rows); k++)
    g_clear_pointer (&TEXT_LIST (snapshot, k), g_ptr_array_unref);
  td_unit_free (snapshot->unit);
  g_free (snapshot);
}

static gpointer
row_as_text (sqlite3_stmt *stmt)
{
  return g_strdup_printf ("%s\t%s\t%s", sqlite3_column_text (stmt, 0),
                          sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
}

/* Deletes like td_registry_delete_unit() (refused when the unit has
 * scores) and returns what td_registry_restore_unit() needs. */
TdUnitSnapshot *
td_registry_delete_unit_with_undo (TdDb *db, gint64 unit_id, GError **error)
{
  g_autoptr (TdUnitSnapshot) s = g_new0 (TdUnitSnapshot, 1);

  s->unit = td_registry_get_unit (db, unit_id, error);
  if (s->unit == NULL)
    return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (text_rows); k++)
    if ((TEXT_LIST (s, k)
         = td_query_list (db, text_rows[k].take, row_as_text, g_free, error, "x", unit_id))
        == NULL)
      return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (id_rows); k++)
    if ((ID_LIST (s, k) = td_query_ids (db, id_rows[k].take, error, "x", unit_id)) == NULL)
      return NULL;
  if (!td_registry_delete_unit (db, unit_id, error))
    return NULL;
  return g_steal_pointer (&s);
}

static gboolean
restore_text_rows (TdDb *db, const TdUnitSnapshot *s, guint k, GError **error)
{
  GPtrArray *rows = TEXT_LIST (s, k);

  for (guint i = 0; i < rows->len; i++)
    {
      g_auto (GStrv) f = g_strsplit (rows->pdata[i], "\t", 3);

      if (!td_query_run (db, text_rows[k].put, error, text_rows[k].types, s->unit->id, f[0], f[1],
                         f[1] ? f[2] : NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
restore_id_rows (TdDb *db, const TdUnitSnapshot *s, guint k, GError **error)
{
  GArray *ids = ID_LIST (s, k);

  for (guint i = 0; i < ids->len; i++)
    if (!td_query_run (db, id_rows[k].put, error, "xx", g_array_index (ids, gint64, i),
                       s->unit->id))
      return FALSE;
  return TRUE;
}

/* Puts the rows of @data (a TdUnitSnapshot) back, inside the transaction
 * of td_registry_restore_unit(). */
static gboolean
restore_rows (TdDb *db, gpointer data, GError **error)
{
  const TdUnitSnapshot *s = data;
  g_autofree gchar *founded = td_date_to_iso (&s->unit->founded);
  const TdUnit *unit = s->unit;

  if (!td_query_run (db,
                     "INSERT INTO unit (short_name, kind, parent, founded, head_name,"
                     " head_position, address, phone, email, notes, name, id, retired_year,"
                     " merged_into) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                     " ?13, ?14)",
                     error, "eeeseeeeeesxrr", unit->short_name, unit->kind, unit->parent, founded,
                     unit->head_name, unit->head_position, unit->address, unit->phone, unit->email,
                     unit->notes, unit->name, unit->id, (gint64)unit->retired_year,
                     unit->merged_into))
    return FALSE;
  /* Every row below refers to the unit, now back; their order does not matter. */
  for (guint k = 0; k < G_N_ELEMENTS (text_rows); k++)
    if (!restore_text_rows (db, s, k, error))
      return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (id_rows); k++)
    if (!restore_id_rows (db, s, k, error))
      return FALSE;
  return TRUE;
}

/* Puts a deleted unit back, with its id, names, memberships, roles and
 * results (those whose bloc-year or target still exist). */
gboolean
td_registry_restore_unit (TdDb *db, const TdUnitSnapshot *s, GError **error)
{
  return td_query_change (db, "registry", NULL, restore_rows, (gpointer)s, error);
}
