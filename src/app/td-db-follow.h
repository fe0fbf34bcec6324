/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A widget's open database, followed: its "changed" signal is connected
 * while it is set and disconnected when it is replaced or the widget goes.
 * The "database" property of sections, the header's bloc selector, the
 * bloc-year prompt and the Overview's coming dates. */
#pragma once

#include "td-db.h"

G_BEGIN_DECLS

typedef struct
{
  TdDb *db;
  gulong handler;
} TdDbFollow;

/* Follows @db (NULL: none), calling @changed (TdDb *, const char *what,
 * @data) on its "changed"; FALSE when it followed @db already. */
gboolean td_db_follow_set (TdDbFollow *follow, TdDb *db, GCallback changed, gpointer data);
void td_db_follow_clear (TdDbFollow *follow);
/* The "database" property every follower installs. */
GParamSpec *td_db_follow_param_spec (void);
/* For class_init of a widget whose one property is the "database" it
 * follows (the bloc-year prompt, the Overview's coming dates): installs it,
 * with the class's get_property and set_property.  Setting it follows the
 * database in the TdDbFollow at @follow_offset of the instance, with
 * @changed on its "changed", then calls @followed (instance) and notifies. */
void td_db_follow_class_install (GObjectClass *klass, gsize follow_offset, GCallback changed,
                                 void (*followed) (gpointer instance));

G_END_DECLS
