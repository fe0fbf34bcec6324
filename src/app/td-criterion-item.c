/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A row of the criteria tree and of the score grids.
 *
 * The lists are flat (GListStore of these items in the table's pre-order)
 * and show the tree by indentation: the table already keeps its nodes in
 * pre-order with a depth, so a GtkTreeListModel would only rebuild what the
 * core gives.  The item holds a reference on the table, so a reload of the
 * table never leaves a bound row pointing at freed memory. */
#include "config.h"

#include "td-criterion-item.h"

struct _TdCriterionItem
{
  GObject parent_instance;

  TdCriteriaTable *table;
  gint index;
};

G_DEFINE_FINAL_TYPE (TdCriterionItem, td_criterion_item, G_TYPE_OBJECT)

static void
td_criterion_item_finalize (GObject *object)
{
  TdCriterionItem *self = TD_CRITERION_ITEM (object);

  g_clear_pointer (&self->table, td_criteria_table_unref);
  G_OBJECT_CLASS (td_criterion_item_parent_class)->finalize (object);
}

static void
td_criterion_item_class_init (TdCriterionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_criterion_item_finalize;
}

static void
td_criterion_item_init (TdCriterionItem *self)
{
  self->index = -1;
}

TdCriterionItem *
td_criterion_item_new (TdCriteriaTable *table, gint index)
{
  TdCriterionItem *self = g_object_new (TD_TYPE_CRITERION_ITEM, NULL);

  self->table = td_criteria_table_ref (table);
  self->index = index;
  return self;
}

void
td_criterion_item_set (TdCriterionItem *self, TdCriteriaTable *table, gint index)
{
  g_return_if_fail (TD_IS_CRITERION_ITEM (self));
  td_criteria_table_ref (table);
  g_clear_pointer (&self->table, td_criteria_table_unref);
  self->table = table;
  self->index = index;
}

TdCriteriaTable *
td_criterion_item_get_table (TdCriterionItem *self)
{
  return self->table;
}

gint
td_criterion_item_get_index (TdCriterionItem *self)
{
  return self->index;
}

TdCriterion *
td_criterion_item_get_criterion (TdCriterionItem *self)
{
  if (self->index < 0)
    return NULL;
  return td_criteria_table_get_node (self->table, self->index);
}

gboolean
td_criterion_item_is_total (TdCriterionItem *self)
{
  return self->index < 0;
}
