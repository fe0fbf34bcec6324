/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The names of an enumeration's values for the clerk, as a table indexed
 * by the value instead of a switch with a case per value:
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

G_END_DECLS
