/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The recurring shapes of a query, over td-db's statements: run one
 * statement, read one row (or say it is not there), read a list of rows,
 * and change the file in one transaction with its audit row.
 *
 * Parameters are bound from a string of types, one character each, and
 * the values after it, in order:
 *
 *   'x' gint64        'i' gint          'b' gboolean (0 or 1)
 *   's' const char *  (NULL binds NULL)
 *   'e' const char *  (NULL binds '': the columns that are NOT NULL)
 *   'r' gint64        a reference: 0 or less binds NULL
 *   'o' gint64        an optional amount: less than 0 binds NULL (a cap)
 *   'd' const GDate * a date, bound as ISO text (yyyy-mm-dd); NULL or an
 *                     invalid date binds NULL
 *   'm' gboolean, gint64   a value that may be absent (a record's has_low
 *                     and low): without it, binds NULL
 *   'n' nothing       (no value: the parameter is left NULL)
 *
 * Pass exactly the C type named (a literal 0 for 'x' must be written
 * (gint64) 0): the values are read with va_arg. */
#pragma once

#include "td-db.h"

G_BEGIN_DECLS

/* Builds a record from the current row of @stmt. */
typedef gpointer (*TdRowFunc) (sqlite3_stmt *stmt);

/* Prepares @sql (a statement td-db keeps for reuse) and binds the values. */
sqlite3_stmt *td_query_prepare (TdDb *db, const char *sql, GError **error, const char *types, ...);
/* Runs a statement that returns no rows (INSERT, UPDATE, DELETE). */
gboolean td_query_run (TdDb *db, const char *sql, GError **error, const char *types, ...);
/* The first column of the first row as an integer; @fallback when there is
 * no row or it is NULL, or on an error (set in @error). */
gint64 td_query_int (TdDb *db, const char *sql, gint64 fallback, GError **error, const char *types,
                     ...);
/* The first column of the first row as text; NULL when there is no row. */
gchar *td_query_text (TdDb *db, const char *sql, GError **error, const char *types, ...);
/* The record @row builds from the first row.  Without a row: NULL, and a
 * TD_ERROR_NOT_FOUND error saying @not_found (which names the missing
 * thing and is shown to the clerk) unless it is NULL. */
gpointer td_query_one (TdDb *db, const char *sql, TdRowFunc row, const char *not_found,
                       GError **error, const char *types, ...);
/* A record per row, freed with @free_func; NULL on an error. */
GPtrArray *td_query_list (TdDb *db, const char *sql, TdRowFunc row, GDestroyNotify free_func,
                          GError **error, const char *types, ...);
/* The first column of every row as gint64 ids; NULL on an error. */
GArray *td_query_ids (TdDb *db, const char *sql, GError **error, const char *types, ...);

/* A change of the file made by @change in one transaction: committed when
 * it returns TRUE, rolled back otherwise.  With @audit, its row is written
 * in the same transaction (score, ranking and registry changes keep their
 * trail).  Once committed, the database notifies @what ("registry",
 * "ranking"…) unless it is NULL. */
typedef gboolean (*TdChangeFunc) (TdDb *db, gpointer data, GError **error);

typedef struct
{
  const char *table;
  gint64 row_id;
  const char *field;
  const char *old_value;
  const char *new_value;
} TdAudit;

gboolean td_query_change (TdDb *db, const char *what, const TdAudit *audit, TdChangeFunc change,
                          gpointer data, GError **error);
/* One statement as a change, then @what notified.  A statement is atomic
 * by itself: with @audit it runs in a transaction with its audit row. */
gboolean td_query_run_change (TdDb *db, const char *what, const TdAudit *audit, GError **error,
                              const char *sql, const char *types, ...);

/* A table whose records the clerk adds, edits and deletes one at a time
 * (campaigns, deadlines, events…), described once: its INSERT, UPDATE and
 * DELETE are built from the description instead of written out thrice. */
typedef struct
{
  const char *name;    /* the table: "campaign" */
  const char *columns; /* "bloc_year_id, name, …", bound as ?1 … ?N */
  const char *what;    /* what the database notifies once a change is made */
  /* Checks @record (an error naming the field when it is not valid),
   * then runs @sql with td_query_run and the values of its columns in
   * order, followed by its id (?N+1, which an INSERT leaves unused). */
  gboolean (*write) (TdDb *db, const char *sql, gconstpointer record, GError **error);
} TdQueryTable;

/* Adds @record to @table: its new id, or 0 on an error. */
gint64 td_query_insert (TdDb *db, const TdQueryTable *table, gconstpointer record, GError **error);
/* Writes every column of @record over the row with its id. */
gboolean td_query_update (TdDb *db, const TdQueryTable *table, gconstpointer record,
                          GError **error);
/* Deletes the row @id of @table. */
gboolean td_query_delete (TdDb *db, const TdQueryTable *table, gint64 id, GError **error);

/* A record type's public add and update (and delete) over its table,
 * one line instead of a function each:
 *
 *   TD_QUERY_DEFINE_WRITES (TdCampaign, campaign_table, td_campaign_add,
 *                           td_campaign_update, td_campaign_delete);
 *   TD_QUERY_DEFINE_ADD_UPDATE (TdBloc, bloc_table, td_registry_add_bloc,
 *                               td_registry_update_bloc); */
#define TD_QUERY_DEFINE_ADD_UPDATE(Type, table, add_func, update_func)                             \
  gint64 add_func (TdDb *db, const Type *record, GError **error)                                   \
  {                                                                                                \
    return td_query_insert (db, &(table), record, error);                                          \
  }                                                                                                \
  gboolean update_func (TdDb *db, const Type *record, GError **error)                              \
  {                                                                                                \
    return td_query_update (db, &(table), record, error);                                          \
  }                                                                                                \
  gboolean update_func (TdDb *db, const Type *record, GError **error)
#define TD_QUERY_DEFINE_WRITES(Type, table, add_func, update_func, delete_func)                    \
  gboolean delete_func (TdDb *db, gint64 id, GError **error)                                       \
  {                                                                                                \
    return td_query_delete (db, &(table), id, error);                                              \
  }                                                                                                \
  TD_QUERY_DEFINE_ADD_UPDATE (Type, table, add_func, update_func)

/* Ends a transaction its caller opened with td_db_begin (a change of
 * several steps that reads between them): committed when @ok and the
 * commit succeeds, then @what notified unless NULL; rolled back otherwise.
 * Returns whether it was committed. */
gboolean td_query_finish (TdDb *db, gboolean ok, const char *what, GError **error);
/* The same for a change whose steps keep going until the first error and
 * keep it in @local (taken): committed when there is none; otherwise, or
 * when the commit fails, rolled back and the error moved into @error. */
gboolean td_query_finish_local (TdDb *db, GError *local, GError **error);

/* Reads the current row of @stmt into the places after @types, one
 * character a column from column 0, as td_query_prepare binds them:
 *
 *   'x' gint64 *      'i' gint *      'b' gboolean * (the column is not 0)
 *   's' gchar **      a new string (valid UTF-8); NULL stays NULL
 *   'e' gchar **      a new string; NULL becomes ""
 *                     (either frees the string the place held: pass a
 *                     place that holds NULL or a string of its record)
 *   'o' gint64 *      an optional amount: NULL reads as -1 (TD_NO_CAP)
 *   'm' gboolean *, gint64 *   a value that may be absent: whether the
 *                     column is not NULL, and its value (0 when NULL)
 *   'd' GDate *       an ISO date; cleared when NULL or not a date
 *   '-' nothing       the column is skipped (a row function reads it)
 *
 * Pass exactly the pointer type named: the places are read with va_arg. */
void td_query_columns (sqlite3_stmt *stmt, const char *types, ...);
/* A text column as a new string (NULL stays NULL). */
gchar *td_query_column_dup (sqlite3_stmt *stmt, int column);
/* A text column read as an ISO date (yyyy-mm-dd) into @out, cleared when
 * it is NULL or not a date. */
void td_query_column_date (sqlite3_stmt *stmt, int column, GDate *out);

G_END_DECLS
