/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deleting a unit with Undo (part of the registry API in td-registry.h).
 *
 * The snapshot keeps the rows that td_registry_delete_unit() removes or
 * changes and puts them back with the same ids, so rows of other tables
 * that refer to the unit's id still match after an Undo. */
#include "config.h"

#include "td-query.h"
#include "td-record.h"
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

static const TdRecordPart snapshot_parts[]
    = { TD_RECORD_PART (TdUnitSnapshot, unit, td_unit_free),
        TD_RECORD_PART (TdUnitSnapshot, names, g_ptr_array_unref),
        TD_RECORD_PART (TdUnitSnapshot, memberships, g_array_unref),
        TD_RECORD_PART (TdUnitSnapshot, heads, g_array_unref),
        TD_RECORD_PART (TdUnitSnapshot, deputies, g_array_unref),
        TD_RECORD_PART (TdUnitSnapshot, merged_from, g_array_unref),
        TD_RECORD_PART (TdUnitSnapshot, results, g_ptr_array_unref),
        TD_RECORD_PART (TdUnitSnapshot, progress, g_ptr_array_unref),
        TD_RECORD_PARTS_END };

void
td_unit_snapshot_free (TdUnitSnapshot *snapshot)
{
  /* A snapshot cut short by an error holds only what was read: the parts
   * not read are NULL. */
  td_record_free_full (snapshot, NULL, snapshot_parts);
}

static gpointer
row_as_text (sqlite3_stmt *stmt)
{
  return g_strdup_printf ("%s\t%s\t%s", sqlite3_column_text (stmt, 0),
                          sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
}

static gboolean
collect_rows (TdDb *db, const char *sql, gint64 unit_id, GPtrArray **out, GError **error)
{
  *out = td_query_list (db, sql, row_as_text, g_free, error, "x", unit_id);
  return *out != NULL;
}

static gboolean
collect_ids (TdDb *db, const char *sql, gint64 unit_id, GArray **out, GError **error)
{
  *out = td_query_ids (db, sql, error, "x", unit_id);
  return *out != NULL;
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
  if (!collect_rows (db, "SELECT valid_from, name, short_name FROM unit_name WHERE unit_id = ?",
                     unit_id, &s->names, error)
      || !collect_rows (db, "SELECT target_id, result, note FROM target_result WHERE unit_id = ?",
                        unit_id, &s->results, error)
      || !collect_rows (db, "SELECT deadline_id, done, '' FROM deadline_member WHERE unit_id = ?",
                        unit_id, &s->progress, error)
      || !collect_ids (db, "SELECT bloc_year_id FROM membership WHERE unit_id = ?", unit_id,
                       &s->memberships, error)
      || !collect_ids (db, "SELECT id FROM bloc_year WHERE head_unit_id = ?", unit_id, &s->heads,
                       error)
      || !collect_ids (db, "SELECT id FROM bloc_year WHERE deputy_unit_id = ?", unit_id,
                       &s->deputies, error)
      || !collect_ids (db, "SELECT id FROM unit WHERE merged_into = ?", unit_id, &s->merged_from,
                       error))
    return NULL;
  if (!td_registry_delete_unit (db, unit_id, error))
    return NULL;
  return g_steal_pointer (&s);
}

/* The rows of a snapshot that are lists of ids: each is written back by
 * its statement with ?1 the id and ?2 the unit's. */
static const struct
{
  gsize ids; /* GArray * of gint64 in TdUnitSnapshot */
  const char *sql;
} id_rows[] = {
  { G_STRUCT_OFFSET (TdUnitSnapshot, memberships),
    "INSERT OR IGNORE INTO membership (bloc_year_id, unit_id)"
    " SELECT id, ?2 FROM bloc_year WHERE id = ?1" },
  { G_STRUCT_OFFSET (TdUnitSnapshot, heads),
    "UPDATE bloc_year SET head_unit_id = ?2 WHERE id = ?1" },
  { G_STRUCT_OFFSET (TdUnitSnapshot, deputies),
    "UPDATE bloc_year SET deputy_unit_id = ?2 WHERE id = ?1" },
  { G_STRUCT_OFFSET (TdUnitSnapshot, merged_from),
    "UPDATE unit SET merged_into = ?2 WHERE id = ?1" },
};

/* The rows kept as text, "a\tb\tc": each is written back by its statement
 * with ?1 the unit's id and ?2, ?3, ?4 the three fields, bound as @types
 * says (a row's own id is text, cast by the statement). */
static const struct
{
  gsize texts; /* GPtrArray * of gchar * in TdUnitSnapshot */
  const char *sql;
  const char *types;
} text_rows[] = {
  { G_STRUCT_OFFSET (TdUnitSnapshot, names),
    "INSERT INTO unit_name (unit_id, valid_from, name, short_name) VALUES (?1, ?2, ?3, ?4)",
    "xsse" },
  { G_STRUCT_OFFSET (TdUnitSnapshot, results),
    "INSERT OR IGNORE INTO target_result (target_id, unit_id, result, note)"
    " SELECT id, ?1, ?3, ?4 FROM target WHERE id = CAST (?2 AS INTEGER)",
    "xsee" },
  { G_STRUCT_OFFSET (TdUnitSnapshot, progress),
    "INSERT OR IGNORE INTO deadline_member (deadline_id, unit_id, done)"
    " SELECT id, ?1, ?3 FROM deadline WHERE id = CAST (?2 AS INTEGER)",
    "xse" },
};

static gboolean
restore_text_rows (TdDb *db, const TdUnitSnapshot *s, guint k, GError **error)
{
  GPtrArray *rows = G_STRUCT_MEMBER (GPtrArray *, s, text_rows[k].texts);

  for (guint i = 0; i < rows->len; i++)
    {
      g_auto (GStrv) f = g_strsplit (rows->pdata[i], "\t", 3);

      if (!td_query_run (db, text_rows[k].sql, error, text_rows[k].types, s->unit->id, f[0], f[1],
                         f[1] ? f[2] : NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
restore_id_rows (TdDb *db, const TdUnitSnapshot *s, guint k, GError **error)
{
  GArray *ids = G_STRUCT_MEMBER (GArray *, s, id_rows[k].ids);

  for (guint i = 0; i < ids->len; i++)
    if (!td_query_run (db, id_rows[k].sql, error, "xx", g_array_index (ids, gint64, i),
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
