/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema as numbered steps.
 *
 * Each step runs once, in its own transaction, and the file's
 * PRAGMA user_version records the last one applied.  A released step is
 * never edited: a later change is a new step at the end of the list. */
#include "td-db.h"

static const TdMigration migrations[] = {
  { 1,
    /* Storage: key/value facts about the file, and the audit trail every
     * score change writes to. */
    "CREATE TABLE meta ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ") STRICT;"
    "CREATE TABLE audit ("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"   /* ISO 8601, local time with offset */
    "  user TEXT NOT NULL," /* OS user name */
    "  tbl TEXT NOT NULL,"
    "  row_id INTEGER NOT NULL,"
    "  field TEXT NOT NULL,"
    "  old_value TEXT,"
    "  new_value TEXT"
    ") STRICT;"
    "CREATE INDEX audit_row ON audit (tbl, row_id);" },
};

const TdMigration *
td_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

gint
td_schema_get_current_version (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}
