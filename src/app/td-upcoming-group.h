/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview's "next 30 days": commemorations and deadlines, overdue first. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TD_TYPE_UPCOMING_GROUP (td_upcoming_group_get_type ())
G_DECLARE_FINAL_TYPE (TdUpcomingGroup, td_upcoming_group, TD, UPCOMING_GROUP, AdwPreferencesGroup)

/* Pins "today" (tests); NULL follows the clock again. */
void td_upcoming_group_set_today (TdUpcomingGroup *self, const GDate *today);
guint td_upcoming_group_get_n_rows (TdUpcomingGroup *self);

G_END_DECLS
