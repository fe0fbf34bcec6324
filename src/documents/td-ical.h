/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar as iCalendar (.ics) for GNOME Calendar, Thunderbird and phones. */
#pragma once

#include "td-calendar.h"

G_BEGIN_DECLS

/* The commemorations, campaign windows and deadlines of @bloc_year_id
 * (every bloc-year when 0) between @from and @to, as an iCalendar text.
 * An anniversary with a count is one event per year with that year's
 * count; a solar day without a count recurs yearly (RRULE) from the first
 * year it was observed; lunar days are single events on that year's solar
 * date; deadlines are all-day events; campaign windows span their days.
 * UIDs are stable across exports and unique across databases (see
 * td-ical.c).  @stamp is the DTSTAMP (NULL: now), fixed in tests. */
gchar *td_ical_build (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to,
                      GDateTime *stamp, GError **error);

/* Writes td_ical_build() to @path, replacing it. */
gboolean td_ical_export (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to,
                         const char *path, GError **error);

G_END_DECLS
