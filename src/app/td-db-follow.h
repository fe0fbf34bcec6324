/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A widget's open database, followed: its "changed" signal is connected
 * while it is set and disconnected when it is replaced or the widget goes.
 * The "database" property of sections, the header's bloc selector, the
 * bloc-year prompt and the Overview's coming dates; and the "database" and
 * "bloc-year-id" pair of the window, the sections and the bloc selector. */
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

/* ---- a widget that shows one bloc-year of one database ---- */

/* The ids of the two properties td_db_follow_class_install_context puts
 * into a class's properties array; the class's own follow them. */
enum
{
  TD_CONTEXT_PROP_DATABASE = 1,
  TD_CONTEXT_PROP_BLOC_YEAR_ID,
  TD_CONTEXT_N_PROPS
};

/* How the two properties are read and written: the class's own getters
 * and setters (which notify), cast to take the instance as a gpointer. */
typedef struct
{
  TdDb *(*get_database) (gpointer instance);
  void (*set_database) (gpointer instance, TdDb *db);
  gint64 (*get_bloc_year_id) (gpointer instance);
  void (*set_bloc_year_id) (gpointer instance, gint64 bloc_year_id);
} TdContextAccessors;

/* A TdContextAccessors of the class's own functions, which take the
 * instance as their type. */
#define TD_CONTEXT_ACCESSORS(get_database, set_database, get_bloc_year_id, set_bloc_year_id)       \
  {                                                                                                \
    (TdDb * (*)(gpointer)) (get_database), (void (*) (gpointer, TdDb *)) (set_database),           \
        (gint64 (*) (gpointer)) (get_bloc_year_id),                                                \
        (void (*) (gpointer, gint64)) (set_bloc_year_id)                                           \
  }

/* For class_init: fills @properties at the ids above with "database" and
 * "bloc-year-id" and sets the class's get_property and set_property to
 * td_context_get_property and td_context_set_property, which go through
 * @accessors (static: it lives as the type).  The class then adds its own
 * properties and installs the array; a class with readable properties of
 * its own overrides get_property and calls td_context_get_property for
 * the rest. */
void td_db_follow_class_install_context (GObjectClass *klass, const TdContextAccessors *accessors,
                                         GParamSpec **properties);
void td_context_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec);
void td_context_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec);

G_END_DECLS
