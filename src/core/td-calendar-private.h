/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the calendar's source files (td-calendar.c, td-calendar-events.c,
 * td-calendar-deadlines.c) share and nobody else needs. */
#pragma once

#include "td-calendar.h"

G_BEGIN_DECLS

/* The words the events file and the event table use for kinds and
 * anniversary rules. */
gboolean td_event_kind_from_string (const char *text, TdEventKind *out);
const char *td_event_kind_to_string (TdEventKind kind);
gboolean td_anniversary_from_string (const char *text, TdAnniversaryRule *out);
const char *td_anniversary_to_string (TdAnniversaryRule rule);

/* The deadlines of @bloc_year_id (every bloc-year when 0) due from @from to
 * @to (either may be NULL), only those not done when @open_only, at most
 * @limit (-1: all), by due date. */
GPtrArray *td_calendar_select_deadlines (TdDb *db, gint64 bloc_year_id, const GDate *from,
                                         const GDate *to, gboolean open_only, gint limit,
                                         GError **error);
/* A text column as a new string, "" for NULL. */
gchar *td_calendar_column_text (sqlite3_stmt *stmt, int column);

G_END_DECLS
