/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scores from a file saved as one transaction per file, their audit rows
 * marked with the file, and Undo (see td-score-import.h). */
#include "config.h"

#include "td-query.h"
#include "td-record.h"
#include "td-score-import.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  gint64 unit_id, criterion_id;
  TdSource source;
  TdEntry *before; /* NULL: there was no entry */
  TdCriteriaTable *table;
  gint index; /* of the criterion in table */
  gchar *source_name;
} Saved;

struct _TdScoreImport
{
  GArray *saved;         /* Saved, in saving order */
  gint64 autocheckpoint; /* the connection's, while a batch runs; −1 outside */
};

static const gsize saved_texts[] = { G_STRUCT_OFFSET (Saved, source_name), TD_RECORD_END };
static const TdRecordPart saved_parts[]
    = { TD_RECORD_PART (Saved, before, td_entry_free),
        TD_RECORD_PART (Saved, table, td_criteria_table_unref), TD_RECORD_PARTS_END };

static void
saved_clear (gpointer data)
{
  td_record_clear_full (data, saved_texts, saved_parts);
}

TdScoreImport *
td_score_import_new (void)
{
  TdScoreImport *import = g_new0 (TdScoreImport, 1);

  import->saved = g_array_new (FALSE, TRUE, sizeof (Saved));
  import->autocheckpoint = -1;
  g_array_set_clear_func (import->saved, saved_clear);
  return import;
}

void
td_score_import_free (TdScoreImport *import)
{
  if (import == NULL)
    return;
  g_array_unref (import->saved);
  g_free (import);
}

guint
td_score_import_get_n_saved (TdScoreImport *import)
{
  return import->saved->len;
}

static gint64
last_audit_id (TdDb *db, GError **error)
{
  return td_db_query_int (db, "SELECT coalesce (max (id), 0) FROM audit", -1, error);
}

/* The audit rows after @after name where their values came from. */
static gboolean
mark_audit (TdDb *db, gint64 after, const char *note, GError **error)
{
  sqlite3_stmt *stmt
      = td_db_prepare (db, "UPDATE audit SET user = user || ' · ' || ? WHERE id > ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, after);
  return td_db_run (db, stmt, error);
}

/* A form's rows land all over the entry and audit indexes of a large file
 * (a province's is some 300 MB): a page cache of 32 MB instead of SQLite's
 * 2 MB keeps those pages in memory for the whole import.  Kept for the
 * connection afterwards; it only fills as pages are read. */
#define IMPORT_CACHE_KB 32768

static void
enlarge_cache (TdDb *db)
{
  gint64 size = td_db_query_int (db, "PRAGMA cache_size", 0, NULL);

  /* Negative: KiB; positive: pages (4 KiB each here). */
  if ((size < 0 && -size < IMPORT_CACHE_KB) || (size >= 0 && size * 4 < IMPORT_CACHE_KB))
    td_db_exec (db, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KB), NULL);
}

void
td_score_import_begin_batch (TdDb *db, TdScoreImport *import)
{
  enlarge_cache (db);
  if (import->autocheckpoint >= 0 || td_db_is_read_only (db))
    return;
  import->autocheckpoint = td_db_query_int (db, "PRAGMA wal_autocheckpoint", 1000, NULL);
  td_db_exec (db, "PRAGMA wal_autocheckpoint = 0", NULL);
}

void
td_score_import_end_batch (TdDb *db, TdScoreImport *import)
{
  g_autofree gchar *sql = NULL;

  if (import->autocheckpoint < 0)
    return;
  sql = g_strdup_printf ("PRAGMA wal_autocheckpoint = %" G_GINT64_FORMAT, import->autocheckpoint);
  td_db_exec (db, sql, NULL);
  /* Every page the batch wrote goes to the file once. */
  td_db_exec (db, "PRAGMA wal_checkpoint(PASSIVE)", NULL);
  import->autocheckpoint = -1;
}

gboolean
td_score_import_save (TdDb *db, const TdCriteriaTable *table, GPtrArray *entries,
                      const char *source_name, TdScoreImport *import, GError **error)
{
  /* Fixed Vietnamese, as the rest of the audit trail. */
  g_autofree gchar *note = g_strdup_printf ("nhập từ tệp %s", source_name);
  guint first = import->saved->len;
  GError *local = NULL;
  gint64 after;
  gboolean ok;

  enlarge_cache (db);
  if (!td_db_begin (db, error))
    return FALSE;
  td_db_freeze_notify (db);
  after = last_audit_id (db, &local);
  for (guint i = 0; i < entries->len && local == NULL; i++)
    {
      TdEntry *entry = g_ptr_array_index (entries, i);
      gint index = td_criteria_table_find (table, entry->criterion_id);
      Saved s = { entry->unit_id, entry->criterion_id, entry->source, NULL, NULL, index, NULL };

      if (index < 0)
        {
          g_set_error (&local, TD_ERROR, TD_ERROR_NOT_FOUND,
                       _ ("A criterion of the form is no longer in the table; nothing of “%s” "
                          "was saved."),
                       source_name);
          break;
        }
      s.before = td_entry_load (db, entry->unit_id, entry->criterion_id, entry->source, &local);
      if (local != NULL)
        break;
      if (!td_entry_save (db, td_criteria_table_get_node (table, index), entry, &local))
        {
          td_entry_free (s.before);
          break;
        }
      s.table = td_criteria_table_ref ((TdCriteriaTable *)table);
      s.source_name = g_strdup (source_name);
      g_array_append_val (import->saved, s);
    }
  if (local == NULL && after >= 0)
    mark_audit (db, after, note, &local);
  ok = td_query_finish_local (db, local, error);
  if (!ok)
    g_array_set_size (import->saved, first);
  td_db_thaw_notify (db);
  return ok;
}

gboolean
td_score_import_undo (TdDb *db, TdScoreImport *import, GError **error)
{
  GError *local = NULL;
  gint64 after;
  gboolean ok;

  if (import->saved->len == 0)
    return TRUE;
  if (!td_db_begin (db, error))
    return FALSE;
  td_db_freeze_notify (db);
  after = last_audit_id (db, &local);
  for (guint i = import->saved->len; i-- > 0 && local == NULL;)
    {
      Saved *s = &g_array_index (import->saved, Saved, i);

      const TdCriterion *c = td_criteria_table_get_node (s->table, s->index);

      /* The criterion is the import's: nothing is read again per entry. */
      if (s->before != NULL)
        {
          g_autoptr (TdEntry) copy = td_entry_copy (s->before);
          td_entry_save (db, c, copy, &local);
        }
      else
        td_entry_delete_with_criterion (db, c, s->unit_id, s->source, NULL, &local);
      /* The rows of one file say which import they undo. */
      if (local == NULL && after >= 0
          && (i == 0
              || g_strcmp0 (g_array_index (import->saved, Saved, i - 1).source_name, s->source_name)
                     != 0))
        {
          g_autofree gchar *note = g_strdup_printf ("hoàn tác nhập từ tệp %s", s->source_name);
          if (mark_audit (db, after, note, &local))
            after = last_audit_id (db, &local);
        }
    }
  ok = td_query_finish_local (db, local, error);
  if (ok)
    g_array_set_size (import->saved, 0);
  td_db_thaw_notify (db);
  return ok;
}
