/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The recurring shapes of a query (see td-query.h).
 *
 * Every reader in core once wrote the same twenty lines: prepare, bind,
 * step, switch on ROW, DONE and ERROR, reset, and for a change begin,
 * run, audit, commit, or roll back.  Here they are written once, so that a
 * reader is its SQL and the function that turns a row into a record. */
#include "config.h"

#include "td-query.h"
#include "td-registry.h"

#include <stdarg.h>

static gboolean
bind_values (sqlite3_stmt *stmt, const char *types, va_list ap)
{
  for (int i = 0; types != NULL && types[i] != '\0'; i++)
    {
      int column = i + 1;

      switch (types[i])
        {
        case 'x':
          sqlite3_bind_int64 (stmt, column, va_arg (ap, gint64));
          break;
        case 'i':
          sqlite3_bind_int (stmt, column, va_arg (ap, gint));
          break;
        case 'b':
          sqlite3_bind_int (stmt, column, va_arg (ap, gboolean) ? 1 : 0);
          break;
        case 's':
          {
            const char *text = va_arg (ap, const char *);

            if (text != NULL)
              sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
          }
          break;
        case 'e':
          {
            const char *text = va_arg (ap, const char *);

            sqlite3_bind_text (stmt, column, text ? text : "", -1, SQLITE_TRANSIENT);
          }
          break;
        case 'r':
          {
            gint64 id = va_arg (ap, gint64);

            if (id > 0)
              sqlite3_bind_int64 (stmt, column, id);
          }
          break;
        case 'o':
          {
            gint64 value = va_arg (ap, gint64);

            if (value >= 0)
              sqlite3_bind_int64 (stmt, column, value);
          }
          break;
        case 'd':
          {
            g_autofree gchar *iso = td_date_to_iso (va_arg (ap, const GDate *));

            if (iso != NULL)
              sqlite3_bind_text (stmt, column, iso, -1, SQLITE_TRANSIENT);
          }
          break;
        case 'm':
          {
            gboolean has = va_arg (ap, gboolean);
            gint64 value = va_arg (ap, gint64);

            if (has)
              sqlite3_bind_int64 (stmt, column, value);
          }
          break;
        case 'n':
          break;
        default:
          g_critical ("td-query: “%c” is not a parameter type", types[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static sqlite3_stmt *
prepare_va (TdDb *db, const char *sql, GError **error, const char *types, va_list ap)
{
  /* td_db_prepare resets the statement and clears its bindings. */
  sqlite3_stmt *stmt = td_db_prepare (db, sql, error);

  if (stmt == NULL || !bind_values (stmt, types, ap))
    return NULL;
  return stmt;
}

/* Prepares the statement of a public function's @sql with the values
 * after its @types: every reader below starts this way. */
#define PREPARE_VALUES(stmt)                                                                       \
  G_STMT_START                                                                                     \
  {                                                                                                \
    va_list ap;                                                                                    \
                                                                                                   \
    va_start (ap, types);                                                                          \
    (stmt) = prepare_va (db, sql, error, types, ap);                                               \
    va_end (ap);                                                                                   \
  }                                                                                                \
  G_STMT_END

sqlite3_stmt *
td_query_prepare (TdDb *db, const char *sql, GError **error, const char *types, ...)
{
  sqlite3_stmt *stmt;

  PREPARE_VALUES (stmt);
  return stmt;
}

static gboolean
run_va (TdDb *db, const char *sql, GError **error, const char *types, va_list ap)
{
  sqlite3_stmt *stmt = prepare_va (db, sql, error, types, ap);

  return stmt != NULL && td_db_run (db, stmt, error);
}

gboolean
td_query_run (TdDb *db, const char *sql, GError **error, const char *types, ...)
{
  sqlite3_stmt *stmt;

  PREPARE_VALUES (stmt);
  return stmt != NULL && td_db_run (db, stmt, error);
}

/* Steps @stmt to its first row: TRUE when there is one, which the caller
 * reads and then ends with sqlite3_reset.  @stmt may be NULL (a failed
 * prepare, @error already set). */
static gboolean
first_row (TdDb *db, sqlite3_stmt *stmt, GError **error)
{
  return stmt != NULL && td_db_step (db, stmt, error) == TD_STEP_ROW;
}

gint64
td_query_int (TdDb *db, const char *sql, gint64 fallback, GError **error, const char *types, ...)
{
  sqlite3_stmt *stmt;
  gint64 value = fallback;

  PREPARE_VALUES (stmt);
  if (first_row (db, stmt, error))
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        value = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return value;
}

gchar *
td_query_text (TdDb *db, const char *sql, GError **error, const char *types, ...)
{
  sqlite3_stmt *stmt;
  gchar *text = NULL;

  PREPARE_VALUES (stmt);
  if (first_row (db, stmt, error))
    {
      text = td_query_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  return text;
}

gpointer
td_query_one (TdDb *db, const char *sql, TdRowFunc row, const char *not_found, GError **error,
              const char *types, ...)
{
  sqlite3_stmt *stmt;
  gpointer record = NULL;

  PREPARE_VALUES (stmt);
  if (stmt == NULL)
    return NULL;
  switch (td_db_step (db, stmt, error))
    {
    case TD_STEP_ROW:
      record = row (stmt);
      sqlite3_reset (stmt);
      break;
    case TD_STEP_DONE:
      if (not_found != NULL)
        g_set_error_literal (error, TD_ERROR, TD_ERROR_NOT_FOUND, not_found);
      break;
    case TD_STEP_ERROR:
      break;
    }
  return record;
}

/* Hands every row of @stmt to @add with @target; FALSE on an error (a
 * failed prepare included). */
typedef void (*AddRowFunc) (gpointer target, sqlite3_stmt *stmt, gpointer data);

static gboolean
each_row (TdDb *db, sqlite3_stmt *stmt, AddRowFunc add, gpointer target, gpointer data,
          GError **error)
{
  TdStep r;

  if (stmt == NULL)
    return FALSE;
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    add (target, stmt, data);
  return r == TD_STEP_DONE;
}

static void
add_record (gpointer target, sqlite3_stmt *stmt, gpointer data)
{
  TdRowFunc row = (TdRowFunc)data;

  g_ptr_array_add (target, row (stmt));
}

GPtrArray *
td_query_list (TdDb *db, const char *sql, TdRowFunc row, GDestroyNotify free_func, GError **error,
               const char *types, ...)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (free_func);
  sqlite3_stmt *stmt;

  PREPARE_VALUES (stmt);
  return each_row (db, stmt, add_record, records, (gpointer)row, error) ? g_steal_pointer (&records)
                                                                        : NULL;
}

static void
add_id (gpointer target, sqlite3_stmt *stmt, gpointer data)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_array_append_val ((GArray *)target, id);
}

GArray *
td_query_ids (TdDb *db, const char *sql, GError **error, const char *types, ...)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  PREPARE_VALUES (stmt);
  return each_row (db, stmt, add_id, ids, NULL, error) ? g_steal_pointer (&ids) : NULL;
}

gboolean
td_query_change (TdDb *db, const char *what, const TdAudit *audit, TdChangeFunc change,
                 gpointer data, GError **error)
{
  if (!td_db_begin (db, error))
    return FALSE;
  return td_query_finish (db,
                          change (db, data, error)
                              && (audit == NULL
                                  || td_db_audit (db, audit->table, audit->row_id, audit->field,
                                                  audit->old_value, audit->new_value, error)),
                          what, error);
}

typedef struct
{
  const char *sql;
  const char *types;
  va_list *ap;
} Statement;

static gboolean
run_statement (TdDb *db, gpointer data, GError **error)
{
  Statement *s = data;

  return run_va (db, s->sql, error, s->types, *s->ap);
}

/* One statement is atomic by itself: a transaction is opened only to
 * write its audit row with it. */
gboolean
td_query_run_change (TdDb *db, const char *what, const TdAudit *audit, GError **error,
                     const char *sql, const char *types, ...)
{
  gboolean ok;
  va_list ap;
  Statement s = { sql, types, &ap };

  va_start (ap, types);
  if (audit != NULL)
    ok = td_query_change (db, what, audit, run_statement, &s, error);
  else if ((ok = run_va (db, sql, error, types, ap)) && what != NULL)
    td_db_notify_changed (db, what);
  va_end (ap);
  return ok;
}

/* Runs the statement @table's writer fills in, then notifies its change. */
static gboolean
write_record (TdDb *db, const TdQueryTable *table, const char *sql, gconstpointer record,
              GError **error)
{
  if (!table->write (db, sql, record, error))
    return FALSE;
  td_db_notify_changed (db, table->what);
  return TRUE;
}

gint64
td_query_insert (TdDb *db, const TdQueryTable *table, gconstpointer record, GError **error)
{
  g_auto (GStrv) columns = g_strsplit (table->columns, ", ", -1);
  g_autoptr (GString) sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO %s (%s) VALUES (", table->name, table->columns);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (sql, ')');
  if (!write_record (db, table, sql->str, record, error))
    return 0;
  return td_db_last_insert_id (db);
}

gboolean
td_query_update (TdDb *db, const TdQueryTable *table, gconstpointer record, GError **error)
{
  g_auto (GStrv) columns = g_strsplit (table->columns, ", ", -1);
  g_autoptr (GString) sql = g_string_new (NULL);
  guint i;

  g_string_printf (sql, "UPDATE %s SET ", table->name);
  for (i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s = ?%u", i > 0 ? ", " : "", columns[i], i + 1);
  g_string_append_printf (sql, " WHERE id = ?%u", i + 1);
  return write_record (db, table, sql->str, record, error);
}

gboolean
td_query_delete (TdDb *db, const TdQueryTable *table, gint64 id, GError **error)
{
  g_autofree gchar *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table->name);

  return td_query_run_change (db, table->what, NULL, error, sql, "x", id);
}

gboolean
td_query_finish (TdDb *db, gboolean ok, const char *what, GError **error)
{
  if (!ok || !td_db_commit (db, error))
    {
      td_db_rollback (db);
      return FALSE;
    }
  if (what != NULL)
    td_db_notify_changed (db, what);
  return TRUE;
}

void
td_query_columns (sqlite3_stmt *stmt, const char *types, ...)
{
  va_list ap;

  va_start (ap, types);
  for (int column = 0; types[column] != '\0'; column++)
    {
      switch (types[column])
        {
        case 'x':
          *va_arg (ap, gint64 *) = sqlite3_column_int64 (stmt, column);
          break;
        case 'i':
          *va_arg (ap, gint *) = sqlite3_column_int (stmt, column);
          break;
        case 'b':
          *va_arg (ap, gboolean *) = sqlite3_column_int (stmt, column) != 0;
          break;
        case 's':
        case 'e':
          {
            gchar **place = va_arg (ap, gchar **);
            gchar *text = td_query_column_dup (stmt, column);

            g_free (*place);
            *place = text != NULL || types[column] == 's' ? text : g_strdup ("");
          }
          break;
        case 'o':
          *va_arg (ap, gint64 *) = sqlite3_column_type (stmt, column) == SQLITE_NULL
                                       ? -1
                                       : sqlite3_column_int64 (stmt, column);
          break;
        case 'm':
          *va_arg (ap, gboolean *) = sqlite3_column_type (stmt, column) != SQLITE_NULL;
          *va_arg (ap, gint64 *) = sqlite3_column_int64 (stmt, column);
          break;
        case 'd':
          td_query_column_date (stmt, column, va_arg (ap, GDate *));
          break;
        case '-':
          break;
        default:
          g_critical ("td-query: “%c” is not a column type", types[column]);
          va_end (ap);
          return;
        }
    }
  va_end (ap);
}

gboolean
td_query_finish_local (TdDb *db, GError *local, GError **error)
{
  if (td_query_finish (db, local == NULL, NULL, &local))
    return TRUE;
  g_propagate_error (error, local);
  return FALSE;
}

gchar *
td_query_column_dup (sqlite3_stmt *stmt, int column)
{
  return td_db_dup_text (stmt, column);
}

void
td_query_column_date (sqlite3_stmt *stmt, int column, GDate *out)
{
  td_date_from_iso ((const char *)sqlite3_column_text (stmt, column), out);
}
