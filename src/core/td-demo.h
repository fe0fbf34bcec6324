/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo database: example data a new user can explore. */
#pragma once

#include "td-db.h"

G_BEGIN_DECLS

gboolean td_demo_populate (TdDb *db, GError **error);
TdDb *td_demo_create (const char *path, GError **error);
gchar *td_demo_default_path (void);

/* Each area adds its part, in this order (td-demo-<area>.c). */
gboolean td_demo_add_registry (TdDb *db, GError **error);
gboolean td_demo_add_calendar (TdDb *db, GError **error);
gboolean td_demo_add_criteria (TdDb *db, GError **error);
gboolean td_demo_add_ranking (TdDb *db, GError **error);

G_END_DECLS
