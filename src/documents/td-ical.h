/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar as iCalendar (.ics) for GNOME Calendar, Thunderbird and phones. */
#pragma once

#include "td-calendar.h"

G_BEGIN_DECLS

/* The commemorations, campaign windows and deadlines of @bloc_year_id
 * (every bloc-year when 0) between @from and @to, as an iCalendar text.
 * Solar commemorations recur yearly (RRULE), the year's anniversary in
 * their description; lunar events, round-year founding days and leaders'
 * births are single all-day events on that year's solar date; deadlines
 * are all-day events; campaign windows span their days.  @stamp is the
 * DTSTAMP (NULL: now), fixed in tests. */
gchar *td_ical_build (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to,
                      GDateTime *stamp, GError **error);

/* Writes td_ical_build() to @path, replacing it. */
gboolean td_ical_export (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to,
                         const char *path, GError **error);

G_END_DECLS
