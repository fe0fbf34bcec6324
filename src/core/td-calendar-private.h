/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by td-calendar.c and td-calendar-events.c: the words the events
 * file and the event table use for kinds and anniversary rules.  Not for
 * other modules. */
#pragma once

#include "td-calendar.h"

G_BEGIN_DECLS

gboolean td_event_kind_from_string (const char *text, TdEventKind *out);
const char *td_event_kind_to_string (TdEventKind kind);
gboolean td_anniversary_from_string (const char *text, TdAnniversaryRule *out);
const char *td_anniversary_to_string (TdAnniversaryRule rule);

G_END_DECLS
