/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo database.
 *
 * A separate file, rebuilt from scratch each time, so trying the app never
 * touches the clerk's own data.  Every module adds its part of a plausible
 * bloc here; all of it is marked as example data. */
#include "config.h"

#include "td-demo.h"
#include "td-output-guard.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

gchar *
td_demo_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "demo.db", NULL);
}

gboolean
td_demo_populate (TdDb *db, GError **error)
{
  if (!td_db_begin (db, error))
    return FALSE;
  if (!td_db_set_meta (db, "description", "Dữ liệu mẫu (ví dụ minh họa, không phải số liệu thật)",
                       error)
      || !td_demo_add_registry (db, error) || !td_demo_add_criteria (db, error)
      || !td_demo_add_ranking (db, error) || !td_demo_add_calendar (db, error))
    {
      td_db_rollback (db);
      return FALSE;
    }
  return td_db_commit (db, error);
}

TdDb *
td_demo_create (const char *path, GError **error)
{
  g_autoptr (TdDb) db = NULL;
  g_autofree gchar *dir = g_path_get_dirname (path);
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (!td_output_guard (path, NULL, TD_OUTPUT_DATABASE, error))
    return NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_FAILED, _ ("Cannot create the folder “%s”."), dir);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree gchar *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }

  db = td_db_open (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, error);
  if (db == NULL || !td_demo_populate (db, error))
    return NULL;
  return g_steal_pointer (&db);
}
