/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The database's identity: a random UUID kept in the meta table.
 *
 * What a file exports under names meant to be unique outside it (the UIDs
 * of its calendar events) is named after it, so two clerks' databases
 * imported into one calendar never overwrite each other's events, and the
 * same file exported twice replaces its own.  A copy made with Save a Copy
 * keeps the identity: it holds the same events. */
#include "config.h"

#include "td-db.h"
#include "td-query.h"

#define IDENTITY_KEY "uuid"

gboolean
td_db_ensure_identity (TdDb *self, GError **error)
{
  g_autofree gchar *uuid = td_db_get_meta (self, IDENTITY_KEY);

  /* Read first: an INSERT would take the write lock even to insert
   * nothing, and a file another program is writing must still open. */
  if (uuid != NULL)
    return TRUE;
  uuid = g_uuid_string_random ();
  return td_query_run (self,
                       "INSERT INTO meta (key, value) SELECT ?1, ?2"
                       " WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = ?1)",
                       error, "ss", IDENTITY_KEY, uuid);
}

gchar *
td_db_dup_identity (TdDb *self)
{
  g_autofree gchar *uuid = td_db_get_meta (self, IDENTITY_KEY);
  g_autofree gchar *created = NULL;

  if (uuid != NULL && g_uuid_string_is_valid (uuid))
    return g_steal_pointer (&uuid);
  /* A file only ever opened read-only since identities came: named after
   * the moment it was created, which no later change alters. */
  created = td_db_get_meta (self, "created");
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, created ? created : "", -1);
}
