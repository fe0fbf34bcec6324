/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One row of the units list: a member of a bloc-year, or a unit of the
 * registry, as a GObject for list models. */
#pragma once

#include <glib-object.h>

#include "td-registry.h"

G_BEGIN_DECLS

#define TD_TYPE_UNIT_ITEM (td_unit_item_get_type ())
G_DECLARE_FINAL_TYPE (TdUnitItem, td_unit_item, TD, UNIT_ITEM, GObject)

/* The texts a row shows, one a column of the units list. */
typedef enum
{
  TD_UNIT_ITEM_NAME,
  TD_UNIT_ITEM_SHORT_NAME,
  TD_UNIT_ITEM_KIND,
  /* A member's role in the bloc, or the blocs a registry unit is in. */
  TD_UNIT_ITEM_ROLE_LABEL,
  TD_UNIT_ITEM_STATUS,
  TD_UNIT_ITEM_N_TEXTS
} TdUnitItemText;

TdUnitItem *td_unit_item_new_member (const TdMember *member);
TdUnitItem *td_unit_item_new_unit (const TdUnit *unit, const char *blocs);

gint64 td_unit_item_get_unit_id (TdUnitItem *self);
const char *td_unit_item_get_text (TdUnitItem *self, TdUnitItemText which);
const char *td_unit_item_get_name (TdUnitItem *self);
TdRole td_unit_item_get_role (TdUnitItem *self);
gboolean td_unit_item_matches (TdUnitItem *self, const char *search);

G_END_DECLS
