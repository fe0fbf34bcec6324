/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A widget's open database, followed (see td-db-follow.h). */
#include "config.h"

#include "td-db-follow.h"

gboolean
td_db_follow_set (TdDbFollow *follow, TdDb *db, GCallback changed, gpointer data)
{
  if (follow->db == db)
    return FALSE;
  td_db_follow_clear (follow);
  if (db != NULL)
    {
      follow->db = g_object_ref (db);
      follow->handler = g_signal_connect (db, "changed", changed, data);
    }
  return TRUE;
}

void
td_db_follow_clear (TdDbFollow *follow)
{
  if (follow->db != NULL)
    g_clear_signal_handler (&follow->handler, follow->db);
  g_clear_object (&follow->db);
}

GParamSpec *
td_db_follow_param_spec (void)
{
  return g_param_spec_object ("database", NULL, NULL, TD_TYPE_DB,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/* What td_db_follow_class_install was given, kept on the type that owns
 * the property. */
typedef struct
{
  gsize offset;
  GCallback changed;
  void (*followed) (gpointer instance);
} FollowerClass;

static GQuark follower_quark;

static TdDbFollow *
follower_field (GObject *object, GParamSpec *pspec, FollowerClass **klass)
{
  *klass = g_type_get_qdata (pspec->owner_type, follower_quark);
  return G_STRUCT_MEMBER_P (object, (*klass)->offset);
}

static void
follower_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FollowerClass *klass;

  if (prop_id != 1)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_object (value, follower_field (object, pspec, &klass)->db);
}

static void
follower_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FollowerClass *klass;
  TdDbFollow *follow;

  if (prop_id != 1)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  follow = follower_field (object, pspec, &klass);
  if (!td_db_follow_set (follow, g_value_get_object (value), klass->changed, object))
    return;
  klass->followed (object);
  g_object_notify_by_pspec (object, pspec);
}

void
td_db_follow_class_install (GObjectClass *klass, gsize follow_offset, GCallback changed,
                            void (*followed) (gpointer instance))
{
  FollowerClass *follower = g_new0 (FollowerClass, 1);

  if (follower_quark == 0)
    follower_quark = g_quark_from_static_string ("td-db-follower");
  follower->offset = follow_offset;
  follower->changed = changed;
  follower->followed = followed;
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), follower_quark, follower); /* lives as the type */
  klass->get_property = follower_get_property;
  klass->set_property = follower_set_property;
  g_object_class_install_property (klass, 1, td_db_follow_param_spec ());
}

static GQuark context_quark;

static const TdContextAccessors *
context_accessors (GParamSpec *pspec)
{
  return g_type_get_qdata (pspec->owner_type, context_quark);
}

void
td_context_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case TD_CONTEXT_PROP_DATABASE:
      g_value_set_object (value, context_accessors (pspec)->get_database (object));
      break;
    case TD_CONTEXT_PROP_BLOC_YEAR_ID:
      g_value_set_int64 (value, context_accessors (pspec)->get_bloc_year_id (object));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
td_context_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case TD_CONTEXT_PROP_DATABASE:
      context_accessors (pspec)->set_database (object, g_value_get_object (value));
      break;
    case TD_CONTEXT_PROP_BLOC_YEAR_ID:
      context_accessors (pspec)->set_bloc_year_id (object, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
td_db_follow_class_install_context (GObjectClass *klass, const TdContextAccessors *accessors,
                                    GParamSpec **properties)
{
  if (context_quark == 0)
    context_quark = g_quark_from_static_string ("td-db-follow-context");
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), context_quark, (gpointer)accessors);
  klass->get_property = td_context_get_property;
  klass->set_property = td_context_set_property;
  properties[TD_CONTEXT_PROP_DATABASE] = td_db_follow_param_spec ();
  properties[TD_CONTEXT_PROP_BLOC_YEAR_ID]
      = g_param_spec_int64 ("bloc-year-id", NULL, NULL, 0, G_MAXINT64, 0,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}
