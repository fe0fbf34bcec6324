/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An enumeration's values as tables indexed by the value, instead of a
 * switch or a loop per enumeration: the ids a file keeps, and the names
 * for the clerk:
 *
 *   static const char *const labels[] = { [TD_ROLE_HEAD] = N_ ("Head"), … };
 *   return TD_ENUM_LABEL (labels, role, TD_ROLE_MEMBER);
 *
 * A value the table lacks (one from a newer version's file, a damaged
 * one) gets the name of @fallback, as a switch's default did. */
#pragma once

#include "config.h"

#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

static inline const char *
td_enum_label (const char *const *labels, gsize n_labels, gint value, gint fallback)
{
  if (value < 0 || (gsize)value >= n_labels || labels[value] == NULL)
    value = fallback;
  return _ (labels[value]);
}

#define TD_ENUM_LABEL(labels, value, fallback)                                                     \
  td_enum_label ((labels), G_N_ELEMENTS (labels), (gint)(value), (gint)(fallback))

/* A function that returns the name of a value from such a table, one line
 * instead of a function:
 *
 *   static const char *const role_labels[] = { … };
 *   TD_ENUM_DEFINE_LABEL (TdRole, td_role_label, role_labels, TD_ROLE_MEMBER); */
#define TD_ENUM_DEFINE_LABEL(Type, func, labels, fallback)                                         \
  const char *func (Type value)                                                                    \
  {                                                                                                \
    return TD_ENUM_LABEL (labels, value, fallback);                                                \
  }                                                                                                \
  const char *func (Type value)

/* The value whose id (the word a file or a table keeps for it) is @id in
 * a table of ids indexed by the value; -1 when none is. */
static inline gint
td_enum_from_id (const char *const *ids, gsize n_ids, const char *id)
{
  for (gsize i = 0; i < n_ids; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return (gint)i;
  return -1;
}

#define TD_ENUM_FROM_ID(ids, id) td_enum_from_id ((ids), G_N_ELEMENTS (ids), (id))

/* The two functions between an enumeration and the ids a file keeps for
 * it, from its table of ids indexed by the value:
 *
 *   const char *to_id (Type value)     the id; "" for a value past the table
 *   gboolean from_id (const char *id, Type *out)
 *                                      sets *out; FALSE, *out untouched,
 *                                      for an id no value has
 *
 *   TD_ENUM_DEFINE_IDS (TdQuotaKind, td_quota_kind_to_id, td_quota_kind_from_id, quota_ids);
 */
#define TD_ENUM_DEFINE_IDS(Type, to_id, from_id, ids)                                              \
  const char *to_id (Type value)                                                                   \
  {                                                                                                \
    g_return_val_if_fail ((gsize)value < G_N_ELEMENTS (ids), "");                                  \
    return (ids)[value];                                                                           \
  }                                                                                                \
  gboolean from_id (const char *id, Type *out)                                                     \
  {                                                                                                \
    gint i = TD_ENUM_FROM_ID (ids, id);                                                            \
                                                                                                   \
    if (i >= 0)                                                                                    \
      *out = (Type)i;                                                                              \
    return i >= 0;                                                                                 \
  }                                                                                                \
  gboolean from_id (const char *id, Type *out)

G_END_DECLS
