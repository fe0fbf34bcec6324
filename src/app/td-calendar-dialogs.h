/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar's dialogs: events, deadlines, the plan template, undoable deletes. */
#pragma once

#include <adwaita.h>

#include "td-calendar.h"

G_BEGIN_DECLS

/* @event NULL: a new event.  Errors and results are reported on @parent's window. */
void td_calendar_event_dialog (GtkWidget *parent, TdDb *db, const TdEvent *event);
/* @deadline NULL: a new deadline of @bloc_year_id. */
void td_calendar_deadline_dialog (GtkWidget *parent, TdDb *db, gint64 bloc_year_id,
                                  const TdDeadline *deadline);
/* The year's usual deadlines, editable, then created in @bloc_year_id. */
void td_calendar_plan_dialog (GtkWidget *parent, TdDb *db, gint64 bloc_year_id, gint year);
void td_calendar_delete_event_undoable (GtkWidget *parent, TdDb *db, const TdEvent *event);
void td_calendar_delete_deadline_undoable (GtkWidget *parent, TdDb *db, gint64 deadline_id);

G_END_DECLS
