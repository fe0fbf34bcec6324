/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A row of the criteria and score lists: one node of a criteria table. */
#pragma once

#include <glib-object.h>

#include "td-criteria.h"

G_BEGIN_DECLS

#define TD_TYPE_CRITERION_ITEM (td_criterion_item_get_type ())
G_DECLARE_FINAL_TYPE (TdCriterionItem, td_criterion_item, TD, CRITERION_ITEM, GObject)

/* @index −1 is the "total" row at the bottom of a list. */
TdCriterionItem *td_criterion_item_new (TdCriteriaTable *table, gint index);

/* Points the row at another node (of another table): a reloaded list keeps
 * its rows and their widgets, and only binds them again. */
void td_criterion_item_set (TdCriterionItem *self, TdCriteriaTable *table, gint index);

TdCriteriaTable *td_criterion_item_get_table (TdCriterionItem *self);
gint td_criterion_item_get_index (TdCriterionItem *self);
/* NULL for the total row. */
TdCriterion *td_criterion_item_get_criterion (TdCriterionItem *self);
gboolean td_criterion_item_is_total (TdCriterionItem *self);

G_END_DECLS
