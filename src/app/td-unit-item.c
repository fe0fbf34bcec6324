/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A unit as a list item.  The folded text (name and short name without
 * case or diacritics) is computed once, so the search filter stays cheap. */
#include "config.h"

#include "td-unit-item.h"
#include "td-text.h"

#include <glib/gi18n.h>

struct _TdUnitItem
{
  GObject parent_instance;

  gint64 unit_id;
  TdRole role;
  gchar *text[TD_UNIT_ITEM_N_TEXTS];
  gchar *folded;
};

G_DEFINE_FINAL_TYPE (TdUnitItem, td_unit_item, G_TYPE_OBJECT)

static void
td_unit_item_finalize (GObject *object)
{
  TdUnitItem *self = TD_UNIT_ITEM (object);

  for (guint i = 0; i < TD_UNIT_ITEM_N_TEXTS; i++)
    g_free (self->text[i]);
  g_free (self->folded);
  G_OBJECT_CLASS (td_unit_item_parent_class)->finalize (object);
}

static void
td_unit_item_class_init (TdUnitItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_unit_item_finalize;
}

static void
td_unit_item_init (TdUnitItem *self)
{
}

static void
fold (TdUnitItem *self)
{
  g_autofree gchar *both
      = g_strconcat (self->text[TD_UNIT_ITEM_NAME], " ", self->text[TD_UNIT_ITEM_SHORT_NAME], NULL);

  self->folded = td_text_fold (both);
}

TdUnitItem *
td_unit_item_new_member (const TdMember *member)
{
  TdUnitItem *self = g_object_new (TD_TYPE_UNIT_ITEM, NULL);

  self->unit_id = member->unit_id;
  self->text[TD_UNIT_ITEM_NAME] = g_strdup (member->name);
  self->text[TD_UNIT_ITEM_SHORT_NAME] = g_strdup (member->short_name ? member->short_name : "");
  self->text[TD_UNIT_ITEM_KIND] = g_strdup (member->kind ? member->kind : "");
  self->role = member->role;
  self->text[TD_UNIT_ITEM_ROLE_LABEL] = g_strdup (td_role_label (member->role));
  self->text[TD_UNIT_ITEM_STATUS] = g_strdup (member->retired ? _ ("Retired") : _ ("Active"));
  fold (self);
  return self;
}

/* For the list of all units: @blocs names the blocs it belongs to. */
TdUnitItem *
td_unit_item_new_unit (const TdUnit *unit, const char *blocs)
{
  TdUnitItem *self = g_object_new (TD_TYPE_UNIT_ITEM, NULL);

  self->unit_id = unit->id;
  self->text[TD_UNIT_ITEM_NAME] = g_strdup (unit->name);
  self->text[TD_UNIT_ITEM_SHORT_NAME] = g_strdup (unit->short_name ? unit->short_name : "");
  self->text[TD_UNIT_ITEM_KIND] = g_strdup (unit->kind ? unit->kind : "");
  self->role = TD_ROLE_MEMBER;
  self->text[TD_UNIT_ITEM_ROLE_LABEL] = g_strdup (blocs ? blocs : "");
  if (unit->merged_into != 0)
    self->text[TD_UNIT_ITEM_STATUS] = g_strdup_printf (_ ("Merged in %d"), unit->retired_year);
  else if (unit->retired_year != 0)
    self->text[TD_UNIT_ITEM_STATUS] = g_strdup_printf (_ ("Retired from %d"), unit->retired_year);
  else
    self->text[TD_UNIT_ITEM_STATUS] = g_strdup (_ ("Active"));
  fold (self);
  return self;
}

gint64
td_unit_item_get_unit_id (TdUnitItem *self)
{
  return self->unit_id;
}

const char *
td_unit_item_get_text (TdUnitItem *self, TdUnitItemText which)
{
  g_return_val_if_fail (which < TD_UNIT_ITEM_N_TEXTS, NULL);
  return self->text[which];
}

const char *
td_unit_item_get_name (TdUnitItem *self)
{
  return self->text[TD_UNIT_ITEM_NAME];
}

TdRole
td_unit_item_get_role (TdUnitItem *self)
{
  return self->role;
}

gboolean
td_unit_item_matches (TdUnitItem *self, const char *search)
{
  return search == NULL || search[0] == '\0' || td_text_matches (self->folded, search);
}
