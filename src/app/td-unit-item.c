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
  gchar *name;
  gchar *short_name;
  gchar *kind;
  TdRole role;
  gchar *role_label;
  gchar *status;
  gchar *folded;
};

G_DEFINE_FINAL_TYPE (TdUnitItem, td_unit_item, G_TYPE_OBJECT)

static void
td_unit_item_finalize (GObject *object)
{
  TdUnitItem *self = TD_UNIT_ITEM (object);

  g_free (self->name);
  g_free (self->short_name);
  g_free (self->kind);
  g_free (self->role_label);
  g_free (self->status);
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
  g_autofree gchar *both = g_strconcat (self->name, " ", self->short_name, NULL);

  self->folded = td_text_fold (both);
}

TdUnitItem *
td_unit_item_new_member (const TdMember *member)
{
  TdUnitItem *self = g_object_new (TD_TYPE_UNIT_ITEM, NULL);

  self->unit_id = member->unit_id;
  self->name = g_strdup (member->name);
  self->short_name = g_strdup (member->short_name ? member->short_name : "");
  self->kind = g_strdup (member->kind ? member->kind : "");
  self->role = member->role;
  self->role_label = g_strdup (td_role_label (member->role));
  self->status = g_strdup (member->retired ? _ ("Retired") : _ ("Active"));
  fold (self);
  return self;
}

/* For the list of all units: @blocs names the blocs it belongs to. */
TdUnitItem *
td_unit_item_new_unit (const TdUnit *unit, const char *blocs)
{
  TdUnitItem *self = g_object_new (TD_TYPE_UNIT_ITEM, NULL);

  self->unit_id = unit->id;
  self->name = g_strdup (unit->name);
  self->short_name = g_strdup (unit->short_name ? unit->short_name : "");
  self->kind = g_strdup (unit->kind ? unit->kind : "");
  self->role = TD_ROLE_MEMBER;
  self->role_label = g_strdup (blocs ? blocs : "");
  if (unit->merged_into != 0)
    self->status = g_strdup_printf (_ ("Merged in %d"), unit->retired_year);
  else if (unit->retired_year != 0)
    self->status = g_strdup_printf (_ ("Retired from %d"), unit->retired_year);
  else
    self->status = g_strdup (_ ("Active"));
  fold (self);
  return self;
}

gint64
td_unit_item_get_unit_id (TdUnitItem *self)
{
  return self->unit_id;
}

const char *
td_unit_item_get_name (TdUnitItem *self)
{
  return self->name;
}

const char *
td_unit_item_get_short_name (TdUnitItem *self)
{
  return self->short_name;
}

const char *
td_unit_item_get_kind (TdUnitItem *self)
{
  return self->kind;
}

TdRole
td_unit_item_get_role (TdUnitItem *self)
{
  return self->role;
}

const char *
td_unit_item_get_role_label (TdUnitItem *self)
{
  return self->role_label;
}

const char *
td_unit_item_get_status (TdUnitItem *self)
{
  return self->status;
}

gboolean
td_unit_item_matches (TdUnitItem *self, const char *search)
{
  return search == NULL || search[0] == '\0' || td_text_matches (self->folded, search);
}
