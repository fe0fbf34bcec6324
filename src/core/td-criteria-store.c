/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Criteria tables in the database: load a bloc-year's tree in a few
 * queries, edit it node by node (each edit one transaction), soft-delete
 * with Undo, save a whole table (paste, copy from another year). */
#include "config.h"

#include "td-criteria.h"
#include "td-query.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* A text column, never NULL, repaired if its bytes are not UTF-8. */
static gchar *
column_dup (sqlite3_stmt *stmt, int col)
{
  gchar *text = td_db_dup_text (stmt, col);
  return text ? text : g_strdup ("");
}

/* Size class ranges: one line "low;high" per class, hundredths, an empty
 * side for an open end ("100000;" is 1.000 files or more). */
static void
read_size_ranges (TdCriterion *c, const char *text)
{
  g_auto (GStrv) lines = NULL;
  guint n_classes = g_strv_length (c->size_classes);

  g_array_set_size (c->size_ranges, 0);
  if (text == NULL || *text == '\0')
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && i < n_classes; i++)
    {
      TdRange r = { FALSE, 0, FALSE, 0 };
      const char *semicolon = strchr (lines[i], ';');

      if (semicolon != NULL)
        {
          r.has_low = semicolon != lines[i];
          r.low = r.has_low ? g_ascii_strtoll (lines[i], NULL, 10) : 0;
          r.has_high = semicolon[1] != '\0';
          r.high = r.has_high ? g_ascii_strtoll (semicolon + 1, NULL, 10) : 0;
        }
      g_array_append_val (c->size_ranges, r);
    }
}

static gchar *
write_size_ranges (const TdCriterion *c)
{
  GString *s = g_string_new ("");
  guint n_classes = g_strv_length (c->size_classes);
  gboolean any = FALSE;

  for (guint i = 0; i < n_classes; i++)
    {
      const TdRange *r = td_criterion_get_size_range (c, (gint)i);

      if (i > 0)
        g_string_append_c (s, '\n');
      if (r == NULL)
        continue;
      any = TRUE;
      if (r->has_low)
        g_string_append_printf (s, "%" G_GINT64_FORMAT, r->low);
      g_string_append_c (s, ';');
      if (r->has_high)
        g_string_append_printf (s, "%" G_GINT64_FORMAT, r->high);
    }
  if (!any)
    g_string_truncate (s, 0);
  return g_string_free (s, FALSE);
}

/* Loading */

static gint
compare_siblings (gconstpointer a, gconstpointer b)
{
  const TdCriterion *x = *(TdCriterion *const *)a;
  const TdCriterion *y = *(TdCriterion *const *)b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return x->id < y->id ? -1 : (x->id > y->id);
}

static void
add_preorder (GPtrArray *out, GHashTable *children, gint64 parent_id)
{
  GPtrArray *kids = g_hash_table_lookup (children, &parent_id);

  if (kids == NULL)
    return;
  g_ptr_array_sort (kids, compare_siblings);
  for (guint i = 0; i < kids->len; i++)
    {
      TdCriterion *c = g_ptr_array_index (kids, i);
      g_ptr_array_add (out, c);
      add_preorder (out, children, c->id);
    }
}

/* A criterion from a row of the SELECT in td_criteria_load. */
static gpointer
criterion_from_row (sqlite3_stmt *stmt)
{
  TdCriterion *c = td_criterion_new (TD_RULE_GROUP);
  g_autofree gchar *classes = td_db_dup_text (stmt, 15);
  g_autofree gchar *ranges = td_db_dup_text (stmt, 17);

  /* A NULL parent reads as 0: the top level. */
  td_query_columns (stmt, "xxieeeee-xxooxx-x", &c->id, &c->parent_id, &c->position, &c->code,
                    &c->title, &c->guidance, &c->assessor, &c->exemption, &c->standard, &c->rate,
                    &c->bonus_cap, &c->deduction_cap, &c->threshold, &c->step, &c->bonus_max);
  if (!td_rule_kind_from_string ((const char *)sqlite3_column_text (stmt, 8), &c->kind))
    c->kind = TD_RULE_GROUP; /* a kind from a newer version: shown as a heading */
  if (classes != NULL && *classes != '\0')
    {
      g_strfreev (c->size_classes);
      c->size_classes = g_strsplit (classes, "\n", -1);
    }
  read_size_ranges (c, ranges);
  return c;
}

TdCriteriaTable *
td_criteria_load (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (TdCriteriaTable) table = td_criteria_table_new ();
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) children = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                           (GDestroyNotify)g_ptr_array_unref);
  static gint64 top = 0;
  sqlite3_stmt *stmt;
  TdStep r;

  table->bloc_year_id = bloc_year_id;
  stmt = td_query_prepare (db,
                           "SELECT id, title, total, bonus_cap, deduction_cap, notes,"
                           " full_by_default FROM criteria_table WHERE bloc_year_id = ?",
                           error, "x", bloc_year_id);
  if (stmt == NULL)
    return NULL;
  r = td_db_step (db, stmt, error);
  if (r == TD_STEP_ERROR)
    return NULL;
  if (r == TD_STEP_DONE)
    return g_steal_pointer (&table);
  td_query_columns (stmt, "xexooeb", &table->id, &table->title, &table->total, &table->bonus_cap,
                    &table->deduction_cap, &table->notes, &table->full_by_default);
  sqlite3_reset (stmt);

  all = td_query_list (db,
                       "SELECT id, parent_id, position, code, title, guidance, assessor,"
                       " exemption, kind, standard, rate, bonus_cap, deduction_cap, threshold,"
                       " step, size_classes, bonus_max, size_ranges"
                       " FROM criterion WHERE table_id = ? AND deleted = 0",
                       criterion_from_row, (GDestroyNotify)td_criterion_free, error, "x",
                       table->id);
  if (all == NULL)
    return NULL;
  /* From here on the table owns the criteria it places (below). */
  g_ptr_array_set_free_func (all, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      TdCriterion *c = g_ptr_array_index (all, i);
      GPtrArray *kids = g_hash_table_lookup (children, &c->parent_id);

      g_hash_table_insert (by_id, &c->id, c);
      if (kids == NULL)
        {
          kids = g_ptr_array_new ();
          g_hash_table_insert (children, &c->parent_id, kids);
        }
      g_ptr_array_add (kids, c);
    }

  add_preorder (table->nodes, children, top);
  /* Rows whose parent is gone (cannot happen through this API) are not
   * reachable from the top; free them rather than show them misplaced. */
  if (table->nodes->len != all->len)
    {
      g_autoptr (GHashTable) placed = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < table->nodes->len; i++)
        g_hash_table_add (placed, g_ptr_array_index (table->nodes, i));
      for (guint i = 0; i < all->len; i++)
        if (!g_hash_table_contains (placed, g_ptr_array_index (all, i)))
          td_criterion_free (g_ptr_array_index (all, i));
    }
  td_criteria_table_reindex (table);

  stmt = td_query_prepare (db,
                           "SELECT o.criterion_id, o.label, o.points, o.size_class, o.low, o.high"
                           " FROM criterion_option o JOIN criterion c ON c.id = o.criterion_id"
                           " WHERE c.table_id = ? AND c.deleted = 0"
                           " ORDER BY o.criterion_id, o.position",
                           error, "x", table->id);
  if (stmt == NULL)
    return NULL;
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint index = td_criteria_table_find (table, id);
      TdRuleOption *o;

      if (index < 0)
        continue;
      {
        g_autofree gchar *label = column_dup (stmt, 1);
        o = td_criterion_add_option (td_criteria_table_get_node (table, index), label,
                                     sqlite3_column_int64 (stmt, 2));
      }
      td_query_columns (stmt, "---imm", &o->size_class, &o->has_low, &o->low, &o->has_high,
                        &o->high);
    }
  if (r == TD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&table);
}

/* The table row */

static gint64
find_table (TdDb *db, gint64 bloc_year_id, GError **error)
{
  GError *local = NULL;
  gint64 id = td_query_int (db, "SELECT id FROM criteria_table WHERE bloc_year_id = ?", 0, &local,
                            "x", bloc_year_id);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return -1;
    }
  return id;
}

gint64
td_criteria_ensure_table (TdDb *db, gint64 bloc_year_id, GError **error)
{
  gint64 id = find_table (db, bloc_year_id, error);

  if (id != 0)
    return id < 0 ? 0 : id;
  if (!td_query_run (db, "INSERT INTO criteria_table (bloc_year_id) VALUES (?)", error, "x",
                     bloc_year_id))
    return 0;
  return td_db_last_insert_id (db);
}

gboolean
td_criteria_set_table_info (TdDb *db, gint64 bloc_year_id, const char *title, TdPoints total,
                            TdPoints bonus_cap, TdPoints deduction_cap, GError **error)
{
  gint64 id;

  if (total < 0 || (bonus_cap < 0 && bonus_cap != TD_NO_CAP)
      || (deduction_cap < 0 && deduction_cap != TD_NO_CAP))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("The total and the caps must be 0 or more points."));
      return FALSE;
    }
  if (!td_db_begin (db, error))
    return FALSE;
  id = td_criteria_ensure_table (db, bloc_year_id, error);
  return td_query_finish (db,
                          id != 0
                              && td_query_run (db,
                                               "UPDATE criteria_table SET title = ?, total = ?,"
                                               " bonus_cap = ?, deduction_cap = ? WHERE id = ?",
                                               error, "exoox", title, total, bonus_cap,
                                               deduction_cap, id),
                          "criteria", error);
}

gboolean
td_criteria_set_full_by_default (TdDb *db, gint64 bloc_year_id, gboolean full, GError **error)
{
  gint64 id;

  if (!td_db_begin (db, error))
    return FALSE;
  id = td_criteria_ensure_table (db, bloc_year_id, error);
  return td_query_finish (
      db,
      id != 0
          && td_query_run (db, "UPDATE criteria_table SET full_by_default = ? WHERE id = ?", error,
                           "bx", full, id)
          && td_db_audit (db, "criteria_table", id, "full_by_default", full ? "0" : "1",
                          full ? "1" : "0", error),
      "criteria", error);
}

/* Nodes */

typedef struct
{
  gint64 id;
  gint64 table_id;
  gint64 parent_id;
  gint position;
} NodeRef;

static gpointer
node_from_row (sqlite3_stmt *stmt)
{
  NodeRef *ref = g_new0 (NodeRef, 1);

  td_query_columns (stmt, "xxi", &ref->table_id, &ref->parent_id, &ref->position);
  return ref;
}

static gboolean
get_node (TdDb *db, gint64 id, NodeRef *out, GError **error)
{
  g_autofree NodeRef *ref = td_query_one (
      db, "SELECT table_id, parent_id, position FROM criterion WHERE id = ? AND deleted = 0",
      node_from_row,
      _ ("This criterion no longer exists; it may have been deleted. Reload the table."), error,
      "x", id);

  if (ref == NULL)
    return FALSE;
  *out = *ref;
  out->id = id;
  return TRUE;
}

/* Live siblings under parent_id, in order. */
static GArray *
list_siblings (TdDb *db, gint64 table_id, gint64 parent_id, GError **error)
{
  return td_query_ids (db,
                       "SELECT id FROM criterion WHERE table_id = ? AND deleted = 0"
                       " AND parent_id IS ? ORDER BY position, id",
                       error, "xr", table_id, parent_id);
}

static gboolean
set_place (TdDb *db, gint64 id, gint64 parent_id, gint position, GError **error)
{
  return td_query_run (db, "UPDATE criterion SET parent_id = ?, position = ? WHERE id = ?", error,
                       "rix", parent_id, position, id);
}

/* Writes ids as the children of parent_id in this order. */
static gboolean
write_order (TdDb *db, GArray *ids, gint64 parent_id, GError **error)
{
  for (guint i = 0; i < ids->len; i++)
    if (!set_place (db, g_array_index (ids, gint64, i), parent_id, (gint)i, error))
      return FALSE;
  return TRUE;
}

static gboolean
write_options (TdDb *db, const TdCriterion *c, gint64 id, GError **error)
{
  if (!td_query_run (db, "DELETE FROM criterion_option WHERE criterion_id = ?", error, "x", id))
    return FALSE;
  for (guint i = 0; i < c->options->len; i++)
    {
      const TdRuleOption *o = g_ptr_array_index (c->options, i);

      sqlite3_stmt *stmt
          = td_query_prepare (db,
                              "INSERT INTO criterion_option (criterion_id, position, label,"
                              " points, size_class, low, high) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error, "xieximm", id, (gint)i, o->label, o->points, o->size_class,
                              o->has_low, o->low, o->has_high, o->high);

      /* An open end of a range stays NULL. */
      if (stmt == NULL || !td_db_run (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_fields (const TdCriterion *c, GError **error)
{
  if (c->kind >= TD_RULE_N_KINDS)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("Unknown rule kind."));
      return FALSE;
    }
  if (c->standard < 0 || c->rate < 0 || c->step < 0 || c->bonus_max < 0
      || (c->bonus_cap < 0 && c->bonus_cap != TD_NO_CAP)
      || (c->deduction_cap < 0 && c->deduction_cap != TD_NO_CAP))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Standard points, points per case, steps and caps must be 0 or more."));
      return FALSE;
    }
  return TRUE;
}

/* Prepares @sql, whose first fifteen parameters are the criterion's
 * fields in this order; the caller binds what follows. */
static sqlite3_stmt *
prepare_fields (TdDb *db, const char *sql, const TdCriterion *c, GError **error)
{
  g_autofree gchar *classes = g_strjoinv ("\n", c->size_classes);
  g_autofree gchar *ranges = write_size_ranges (c);

  return td_query_prepare (db, sql, error, "eeeeesxxooxxsxs", c->code, c->title, c->guidance,
                           c->assessor, c->exemption, td_rule_kind_to_string (c->kind), c->standard,
                           c->rate, c->bonus_cap, c->deduction_cap, c->threshold, c->step, classes,
                           c->bonus_max, ranges);
}

/* Inserts at a known place; no transaction of its own. */
static gint64
insert_node (TdDb *db, gint64 table_id, gint64 parent_id, gint position, const TdCriterion *c,
             GError **error)
{
  sqlite3_stmt *stmt = prepare_fields (
      db,
      "INSERT INTO criterion (code, title, guidance, assessor, exemption, kind, standard, rate,"
      " bonus_cap, deduction_cap, threshold, step, size_classes, bonus_max, size_ranges,"
      " table_id, parent_id, position)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      c, error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 16, table_id);
  if (parent_id != 0) /* a top-level criterion has a NULL parent */
    sqlite3_bind_int64 (stmt, 17, parent_id);
  sqlite3_bind_int (stmt, 18, position);
  if (!td_db_run (db, stmt, error))
    return 0;
  id = td_db_last_insert_id (db);
  return write_options (db, c, id, error) ? id : 0;
}

static gint64
add_at (TdDb *db, gint64 table_id, gint64 parent_id, gint position, const TdCriterion *c,
        GError **error)
{
  g_autoptr (GArray) siblings = NULL;
  gint64 id;

  siblings = list_siblings (db, table_id, parent_id, error);
  if (siblings == NULL)
    return 0;
  if (position < 0 || (guint)position > siblings->len)
    position = (gint)siblings->len;
  id = insert_node (db, table_id, parent_id, position, c, error);
  if (id == 0)
    return 0;
  g_array_insert_val (siblings, position, id);
  return write_order (db, siblings, parent_id, error) ? id : 0;
}

gint64
td_criteria_add (TdDb *db, gint64 bloc_year_id, gint64 parent_id, gint position,
                 const TdCriterion *criterion, GError **error)
{
  gint64 table_id, id = 0;

  if (!validate_fields (criterion, error) || !td_db_begin (db, error))
    return 0;
  table_id = td_criteria_ensure_table (db, bloc_year_id, error);
  if (table_id != 0 && parent_id != 0)
    {
      NodeRef parent;
      if (!get_node (db, parent_id, &parent, error))
        table_id = 0;
      else if (parent.table_id != table_id)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("The parent criterion belongs to another year's table."));
          table_id = 0;
        }
    }
  if (table_id != 0)
    id = add_at (db, table_id, parent_id, position, criterion, error);
  return td_query_finish (db, id != 0, "criteria", error) ? id : 0;
}

gint64
td_criteria_add_sibling (TdDb *db, gint64 sibling_id, const TdCriterion *criterion, GError **error)
{
  g_autoptr (GArray) siblings = NULL;
  NodeRef ref;
  gint64 id = 0;

  if (!validate_fields (criterion, error) || !td_db_begin (db, error))
    return 0;
  if (get_node (db, sibling_id, &ref, error)
      && (siblings = list_siblings (db, ref.table_id, ref.parent_id, error)) != NULL)
    {
      gint at = 0;
      for (guint i = 0; i < siblings->len; i++)
        if (g_array_index (siblings, gint64, i) == sibling_id)
          at = (gint)i + 1;
      id = add_at (db, ref.table_id, ref.parent_id, at, criterion, error);
    }
  return td_query_finish (db, id != 0, "criteria", error) ? id : 0;
}

/* Exact points as text in SQL, without passing through a double. */
#define SQL_POINTS(x)                                                                              \
  "(CASE WHEN " x " < 0 THEN '-' ELSE '' END || (abs (" x ") / 100)"                               \
  " || CASE WHEN abs (" x ") % 100 = 0 THEN ''"                                                    \
  " WHEN abs (" x ") % 10 = 0 THEN ',' || (abs (" x ") % 100 / 10)"                                \
  " ELSE ',' || printf ('%02d', abs (" x ") % 100) END)"

/* A criterion's title and rule as the audit trail keeps them: language
 * independent, so the trail reads the same whatever the UI language. */
/* clang-format off */
static const char describe_sql[] =
  "SELECT c.code || ' ' || c.title,"
  " c.kind || ' ' || " SQL_POINTS ("c.standard") " || ' / ' || " SQL_POINTS ("c.rate")
  " || coalesce (' max+' || " SQL_POINTS ("c.bonus_cap") ", '')"
  " || coalesce (' max-' || " SQL_POINTS ("c.deduction_cap") ", '')"
  " || CASE WHEN c.bonus_max > 0 THEN ' bonus ' || " SQL_POINTS ("c.bonus_max") " ELSE '' END"
  " || CASE WHEN c.step > 0 THEN ' from ' || " SQL_POINTS ("c.threshold")
  "    || ' step ' || " SQL_POINTS ("c.step") " ELSE '' END"
  " || CASE WHEN c.size_ranges <> '' THEN ' sizes ' || replace (c.size_ranges, char (10), ' ')"
  "    ELSE '' END"
  " || coalesce (' [' || (SELECT group_concat (o.label || ' ' || " SQL_POINTS ("o.points")
  "    || coalesce (' >=' || " SQL_POINTS ("o.low") ", '')"
  "    || coalesce (' <' || " SQL_POINTS ("o.high") ", ''), '; ')"
  "   FROM criterion_option o WHERE o.criterion_id = c.id) || ']', '')"
  " FROM criterion c WHERE c.id = ?";
/* clang-format on */

static gboolean
describe_stored (TdDb *db, gint64 id, gchar **title, gchar **rule, GError **error)
{
  sqlite3_stmt *stmt = td_query_prepare (db, describe_sql, error, "x", id);

  if (stmt == NULL || td_db_step (db, stmt, error) != TD_STEP_ROW)
    return FALSE;
  td_query_columns (stmt, "ee", title, rule);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
td_criteria_update (TdDb *db, const TdCriterion *c, GError **error)
{
  g_autofree gchar *old_title = NULL, *old_rule = NULL, *new_title = NULL, *new_rule = NULL;
  sqlite3_stmt *stmt;
  NodeRef ref;
  gboolean ok;

  if (!validate_fields (c, error) || !td_db_begin (db, error))
    return FALSE;
  ok = get_node (db, c->id, &ref, error)
       && describe_stored (db, c->id, &old_title, &old_rule, error)
       && (stmt = prepare_fields (db,
                                  "UPDATE criterion SET code = ?, title = ?, guidance = ?,"
                                  " assessor = ?, exemption = ?, kind = ?, standard = ?, rate = ?,"
                                  " bonus_cap = ?, deduction_cap = ?, threshold = ?, step = ?,"
                                  " size_classes = ?, bonus_max = ?, size_ranges = ? WHERE id = ?",
                                  c, error))
              != NULL
       && sqlite3_bind_int64 (stmt, 16, c->id) == SQLITE_OK && td_db_run (db, stmt, error)
       && write_options (db, c, c->id, error)
       && describe_stored (db, c->id, &new_title, &new_rule, error)
       /* A rule changed after scoring changes the totals: keep it traceable. */
       && (g_strcmp0 (old_title, new_title) == 0
           || td_db_audit (db, "criterion", c->id, "title", old_title, new_title, error))
       && (g_strcmp0 (old_rule, new_rule) == 0
           || td_db_audit (db, "criterion", c->id, "rule", old_rule, new_rule, error));
  return td_query_finish (db, ok, "criteria", error);
}

static gint
find_in (GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return (gint)i;
  return -1;
}

typedef enum
{
  MOVE_UP,
  MOVE_DOWN,
  MOVE_INDENT,
  MOVE_OUTDENT,
} Move;

static gboolean
move (TdDb *db, gint64 id, Move how, GError **error)
{
  g_autoptr (GArray) siblings = NULL;
  NodeRef ref;
  gint at;

  if (!td_db_begin (db, error))
    return FALSE;
  if (!get_node (db, id, &ref, error)
      || (siblings = list_siblings (db, ref.table_id, ref.parent_id, error)) == NULL)
    goto fail;
  at = find_in (siblings, id);

  switch (how)
    {
    case MOVE_UP:
    case MOVE_DOWN:
      {
        gint other = how == MOVE_UP ? at - 1 : at + 1;
        if (other < 0 || (guint)other >= siblings->len)
          {
            g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                         how == MOVE_UP ? _ ("This criterion is already the first at its level.")
                                        : _ ("This criterion is already the last at its level."));
            goto fail;
          }
        g_array_index (siblings, gint64, at) = g_array_index (siblings, gint64, other);
        g_array_index (siblings, gint64, other) = id;
        if (!write_order (db, siblings, ref.parent_id, error))
          goto fail;
      }
      break;
    case MOVE_INDENT:
      {
        g_autoptr (GArray) kids = NULL;
        gint64 new_parent;

        if (at <= 0)
          {
            g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                         _ ("The first criterion at a level cannot be indented: there is no "
                            "criterion above it to go under."));
            goto fail;
          }
        new_parent = g_array_index (siblings, gint64, at - 1);
        kids = list_siblings (db, ref.table_id, new_parent, error);
        if (kids == NULL)
          goto fail;
        g_array_remove_index (siblings, at);
        g_array_append_val (kids, id);
        if (!write_order (db, siblings, ref.parent_id, error)
            || !write_order (db, kids, new_parent, error))
          goto fail;
      }
      break;
    case MOVE_OUTDENT:
      {
        g_autoptr (GArray) upper = NULL;
        NodeRef parent;
        gint pat;

        if (ref.parent_id == 0)
          {
            g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                         _ ("This criterion is already at the top level."));
            goto fail;
          }
        if (!get_node (db, ref.parent_id, &parent, error)
            || (upper = list_siblings (db, ref.table_id, parent.parent_id, error)) == NULL)
          goto fail;
        pat = find_in (upper, parent.id);
        g_array_remove_index (siblings, at);
        g_array_insert_val (upper, pat + 1, id);
        if (!write_order (db, siblings, ref.parent_id, error)
            || !write_order (db, upper, parent.parent_id, error))
          goto fail;
      }
      break;
    }
  return td_query_finish (db, TRUE, "criteria", error);
fail:
  return td_query_finish (db, FALSE, NULL, error);
}

gboolean
td_criteria_indent (TdDb *db, gint64 criterion_id, GError **error)
{
  return move (db, criterion_id, MOVE_INDENT, error);
}

gboolean
td_criteria_outdent (TdDb *db, gint64 criterion_id, GError **error)
{
  return move (db, criterion_id, MOVE_OUTDENT, error);
}

gboolean
td_criteria_move_up (TdDb *db, gint64 criterion_id, GError **error)
{
  return move (db, criterion_id, MOVE_UP, error);
}

gboolean
td_criteria_move_down (TdDb *db, gint64 criterion_id, GError **error)
{
  return move (db, criterion_id, MOVE_DOWN, error);
}

/* Soft delete */

static gint64
soft_delete (TdDb *db, gint64 table_id, gint64 criterion_id, GError **error)
{
  gint64 token
      = td_db_query_int (db, "SELECT coalesce (max (deleted), 0) + 1 FROM criterion", 0, error);
  const char *sql = criterion_id != 0
                        ? "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL"
                          " SELECT c.id FROM criterion c JOIN sub ON c.parent_id = sub.id"
                          " WHERE c.deleted = 0)"
                          " UPDATE criterion SET deleted = ?2 WHERE id IN sub AND deleted = 0"
                        : "UPDATE criterion SET deleted = ?2 WHERE table_id = ?1 AND deleted = 0";

  if (token <= 0
      || !td_query_run (db, sql, error, "xx", criterion_id != 0 ? criterion_id : table_id, token))
    return 0;
  return token;
}

gint64
td_criteria_delete (TdDb *db, gint64 criterion_id, GError **error)
{
  NodeRef ref;
  gint64 token = 0;

  if (!td_db_begin (db, error))
    return 0;
  if (get_node (db, criterion_id, &ref, error))
    token = soft_delete (db, ref.table_id, criterion_id, error);
  if (token != 0)
    {
      g_autofree gchar *new = g_strdup_printf ("deleted %" G_GINT64_FORMAT, token);
      if (!td_db_audit (db, "criterion", criterion_id, "deleted", "0", new, error))
        token = 0;
    }
  return td_query_finish (db, token != 0, "criteria", error) ? token : 0;
}

gboolean
td_criteria_undelete (TdDb *db, gint64 undo_token, GError **error)
{
  if (undo_token <= 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("Nothing to undo."));
      return FALSE;
    }
  return td_query_run_change (db, "criteria", NULL, error,
                              "UPDATE criterion SET deleted = 0 WHERE deleted = ?", "x",
                              undo_token);
}

/* Whole tables */

static gint64
count_live (TdDb *db, gint64 table_id, GError **error)
{
  return td_query_int (db, "SELECT count (*) FROM criterion WHERE table_id = ? AND deleted = 0", -1,
                       error, "x", table_id);
}

gboolean
td_criteria_save_table (TdDb *db, gint64 bloc_year_id, const TdCriteriaTable *table,
                        gboolean replace, GError **error)
{
  g_autofree gint64 *ids = g_new0 (gint64, table->nodes->len + 1);
  g_autofree gint *positions = g_new0 (gint, table->nodes->len + 1);
  gint top_position = 0;
  gint64 table_id, live;

  for (guint i = 0; i < table->nodes->len; i++)
    if (!validate_fields (g_ptr_array_index (table->nodes, i), error))
      return FALSE;
  if (!td_db_begin (db, error))
    return FALSE;
  table_id = td_criteria_ensure_table (db, bloc_year_id, error);
  if (table_id == 0)
    goto fail;
  live = count_live (db, table_id, error);
  if (live < 0)
    goto fail;
  if (live > 0 && !replace)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                   _ ("This year already has a criteria table with %u criteria. Replace it, "
                      "or delete its criteria first."),
                   (guint)live);
      goto fail;
    }
  if (live > 0 && soft_delete (db, table_id, 0, error) == 0)
    goto fail;

  if (!td_query_run (db,
                     "UPDATE criteria_table SET title = coalesce (nullif (?1, ''), title),"
                     " total = ?2, bonus_cap = ?3, deduction_cap = ?4,"
                     " notes = coalesce (nullif (?5, ''), notes), full_by_default = ?7"
                     " WHERE id = ?6",
                     error, "exooexb", table->title, table->total, table->bonus_cap,
                     table->deduction_cap, table->notes, table_id, table->full_by_default))
    goto fail;

  for (guint i = 0; i < table->nodes->len; i++)
    {
      const TdCriterion *c = g_ptr_array_index (table->nodes, i);
      gint64 parent_id = c->parent >= 0 ? ids[c->parent] : 0;
      gint position = c->parent >= 0 ? positions[c->parent]++ : top_position++;

      ids[i] = insert_node (db, table_id, parent_id, position, c, error);
      if (ids[i] == 0)
        goto fail;
    }
  return td_query_finish (db, TRUE, "criteria", error);
fail:
  return td_query_finish (db, FALSE, NULL, error);
}

gboolean
td_criteria_copy_table (TdDb *db, gint64 from_bloc_year, gint64 to_bloc_year, GError **error)
{
  g_autoptr (TdCriteriaTable) table = NULL;

  if (from_bloc_year == to_bloc_year)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Choose another year or bloc to copy the criteria table from."));
      return FALSE;
    }
  table = td_criteria_load (db, from_bloc_year, error);
  if (table == NULL)
    return FALSE;
  if (table->nodes->len == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                   _ ("The chosen year has no criteria table to copy."));
      return FALSE;
    }
  return td_criteria_save_table (db, to_bloc_year, table, FALSE, error);
}

gboolean
td_criteria_new_year_hook (TdDb *db, gint64 from_bloc_year, gint64 to_bloc_year, gpointer user_data,
                           GError **error)
{
  g_autoptr (TdCriteriaTable) from = NULL;
  gint64 to_table;

  if (from_bloc_year == 0 || from_bloc_year == to_bloc_year)
    return TRUE;
  from = td_criteria_load (db, from_bloc_year, error);
  if (from == NULL)
    return FALSE;
  if (from->nodes->len == 0)
    return TRUE;
  to_table = find_table (db, to_bloc_year, error);
  if (to_table < 0)
    return FALSE;
  if (to_table > 0)
    {
      gint64 live = count_live (db, to_table, error);
      if (live < 0)
        return FALSE;
      if (live > 0)
        return TRUE;
    }
  return td_criteria_save_table (db, to_bloc_year, from, FALSE, error);
}

gint64
td_criteria_previous_bloc_year (TdDb *db, gint64 bloc_year_id, GError **error)
{
  return td_query_int (db,
                       "SELECT p.id FROM bloc_year y JOIN bloc_year p"
                       " ON p.bloc_id = y.bloc_id AND p.year = y.year - 1"
                       " WHERE y.id = ?",
                       0, error, "x", bloc_year_id);
}
