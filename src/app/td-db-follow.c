/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A widget's open database, followed (see td-db-follow.h). */
#include "config.h"

#include "td-db-follow.h"

gboolean
td_db_follow_set (TdDbFollow *follow, TdDb *db, GCallback changed, gpointer data)
{
  if (follow->db == db)
    return FALSE;
  td_db_follow_clear (follow);
  if (db != NULL)
    {
      follow->db = g_object_ref (db);
      follow->handler = g_signal_connect (db, "changed", changed, data);
    }
  return TRUE;
}

void
td_db_follow_clear (TdDbFollow *follow)
{
  if (follow->db != NULL)
    g_clear_signal_handler (&follow->handler, follow->db);
  g_clear_object (&follow->db);
}

GParamSpec *
td_db_follow_param_spec (void)
{
  return g_param_spec_object ("database", NULL, NULL, TD_TYPE_DB,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}
