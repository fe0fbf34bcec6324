/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the registry's source files share and nobody else needs. */
#pragma once

#include "td-registry.h"

G_BEGIN_DECLS

/* FALSE (with a message naming @field) when @name is empty or blank. */
gboolean td_registry_require_name (const char *name, const char *field, GError **error);
/* FALSE (with a message) outside the years kept, 2000 to 2100. */
gboolean td_registry_check_year (gint year, GError **error);

G_END_DECLS
