/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One row of the units list: a member of a bloc-year, or a unit of the
 * registry, as a GObject for list models. */
#pragma once

#include <glib-object.h>

#include "td-registry.h"

G_BEGIN_DECLS

#define TD_TYPE_UNIT_ITEM (td_unit_item_get_type ())
G_DECLARE_FINAL_TYPE (TdUnitItem, td_unit_item, TD, UNIT_ITEM, GObject)

TdUnitItem *td_unit_item_new_member (const TdMember *member);
TdUnitItem *td_unit_item_new_unit (const TdUnit *unit, const char *blocs);

gint64 td_unit_item_get_unit_id (TdUnitItem *self);
const char *td_unit_item_get_name (TdUnitItem *self);
const char *td_unit_item_get_short_name (TdUnitItem *self);
const char *td_unit_item_get_kind (TdUnitItem *self);
TdRole td_unit_item_get_role (TdUnitItem *self);
const char *td_unit_item_get_role_label (TdUnitItem *self);
const char *td_unit_item_get_status (TdUnitItem *self);
gboolean td_unit_item_matches (TdUnitItem *self, const char *search);

G_END_DECLS
