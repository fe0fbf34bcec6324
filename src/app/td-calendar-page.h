/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Calendar section: month view with lunar days, the year's
 * commemorations, and the bloc's deadlines. */
#pragma once

#include "td-section-page.h"

G_BEGIN_DECLS

#define TD_TYPE_CALENDAR_PAGE (td_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (TdCalendarPage, td_calendar_page, TD, CALENDAR_PAGE, TdSectionPage)

/* Shows @date's month with @date selected. */
void td_calendar_page_show_date (TdCalendarPage *self, const GDate *date);
/* Pins "today" (tests); NULL follows the clock again. */
void td_calendar_page_set_today (TdCalendarPage *self, const GDate *today);
/* "month", "year" or "deadlines". */
void td_calendar_page_show_view (TdCalendarPage *self, const char *view);

G_END_DECLS
