/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar: commemorations (shipped, local, the clerk's own, units'
 * founding days), their anniversaries, campaign windows and the bloc's
 * deadlines, as occurrences in a date range. */
#pragma once

#include "td-db.h"
#include "td-lunar.h"

G_BEGIN_DECLS

typedef enum
{
  TD_EVENT_NATIONAL,
  TD_EVENT_LOCAL, /* the province's own days (liberation day …) */
  TD_EVENT_UNIT,  /* a unit's or the clerk's own day */
} TdEventKind;

/* When a year's occurrence carries "Kỷ niệm N năm …", and whether it
 * appears at all (Nghị định 145/2013 Điều 3, Nghị định 111/2018). */
typedef enum
{
  TD_ANNIVERSARY_EVERY,  /* every year, with its count of years */
  TD_ANNIVERSARY_ROUND,  /* only in round years (a unit's founding day) */
  TD_ANNIVERSARY_LEADER, /* births of past leaders: from 100 years, round years */
  TD_ANNIVERSARY_NONE,   /* every year, without a count (Tết, Women's day …) */
} TdAnniversaryRule;

typedef enum
{
  TD_YEAR_CLASS_NONE,  /* no count of years */
  TD_YEAR_CLASS_ROUND, /* năm tròn: N ends in 0 */
  TD_YEAR_CLASS_HALF,  /* năm lẻ 5: N ends in 5 */
  TD_YEAR_CLASS_OTHER, /* năm khác */
} TdYearClass;

typedef struct
{
  gint64 id;         /* row in the database; 0 for a shipped event */
  gchar *key;        /* shipped events: a stable key ("tet", "dang" …) */
  gchar *name;       /* short official name */
  gchar *year_label; /* optional, "{can_chi}" is replaced by the year's name */
  TdEventKind kind;
  gboolean lunar;
  gint day, month;
  gboolean leap; /* lunar: in the leap month (only with a year) */
  gint year;     /* year of the original event; 0 when none */
  /* The first year the day was observed, when it was instituted after the
   * event it recalls (Ngày Thầy thuốc Việt Nam recalls 27/02/1955 and was
   * instituted in 1985); 0: from @year on.  No year before it lists it. */
  gint since;
  TdAnniversaryRule rule;
  gboolean great; /* a great holiday (ngày lễ lớn) */
  gchar *notes;
} TdEvent;

typedef enum
{
  TD_RESPONSIBLE_HEAD,
  TD_RESPONSIBLE_DEPUTY,
  TD_RESPONSIBLE_MEMBERS, /* every member, tracked one by one */
  TD_RESPONSIBLE_UNIT,    /* one unit (unit_id) */
} TdResponsible;

typedef enum
{
  TD_DEADLINE_PENDING,
  TD_DEADLINE_DUE_SOON, /* due within TD_DEADLINE_SOON_DAYS, not done */
  TD_DEADLINE_OVERDUE,  /* past due, not done */
  TD_DEADLINE_DONE,
} TdDeadlineState;

#define TD_DEADLINE_SOON_DAYS 7

typedef struct
{
  gint64 id;
  gint64 bloc_year_id;
  gchar *title;
  GDate due;
  TdResponsible responsible;
  gint64 unit_id;     /* TD_RESPONSIBLE_UNIT */
  gint64 campaign_id; /* 0 when none */
  GDate done;         /* invalid while not done */
  gchar *notes;
  /* Filled by the list functions for member deadlines. */
  gint n_members;
  gint n_members_done;
} TdDeadline;

/* One member's progress on a member deadline. */
typedef struct
{
  gint64 unit_id;
  gchar *name;
  GDate done; /* invalid while not done */
} TdMemberProgress;

typedef enum
{
  TD_OCCURRENCE_EVENT,
  TD_OCCURRENCE_FOUNDING, /* a member unit's founding day, round years */
  TD_OCCURRENCE_CAMPAIGN, /* a campaign window: start .. end */
  TD_OCCURRENCE_DEADLINE,
} TdOccurrenceKind;

typedef struct
{
  TdOccurrenceKind kind;
  GDate date;   /* the day (start of a campaign window) */
  GDate end;    /* campaign windows: last day; else equal to date */
  gchar *title; /* the event's name (with the year's Can Chi when it has one) */
  gchar *label; /* "Kỷ niệm N năm … (dd/m/Y0 - dd/m/Y)" or the title */
  gint years;   /* N, 0 when not counted */
  TdYearClass year_class;
  TdEventKind event_kind;
  gboolean great;
  gboolean lunar;         /* a lunar-dated event */
  TdLunarDate lunar_date; /* the lunar date of @date (always filled) */
  gint64 id;              /* event, unit, campaign or deadline row; 0 for shipped events */
  gchar *key;             /* shipped events' key */
  gboolean recurs;        /* a solar event on the same day every year, never counted */
  TdDeadlineState state;  /* deadlines */
  gchar *detail;          /* deadlines: responsible and progress; campaigns: kind */
  gint since;             /* events: the first year the day was observed, 0 when unknown */
  TdDeadline *deadline;   /* deadlines: the deadline itself (who, progress) */
} TdOccurrence;

TdEvent *td_event_new (void);
TdEvent *td_event_copy (const TdEvent *event);
void td_event_free (TdEvent *event);
TdDeadline *td_deadline_new (void);
TdDeadline *td_deadline_copy (const TdDeadline *deadline);
void td_deadline_free (TdDeadline *deadline);
void td_member_progress_free (TdMemberProgress *progress);
void td_occurrence_free (TdOccurrence *occurrence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdEvent, td_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdDeadline, td_deadline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdMemberProgress, td_member_progress_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdOccurrence, td_occurrence_free)

/* Dates as the documents write them: "07/5/1954", "03/02/1930" (days 1–9
 * and months 1–2 take a leading zero, Nghị định 30/2020). */
gchar *td_calendar_format_date (const GDate *date);
/* dd/mm/yyyy (input and lists). */
gchar *td_calendar_format_dmy (const GDate *date);
/* Today on this computer's clock. */
GDate td_calendar_today (void);

/* The day a view counts as today: the clock's, unless one is pinned (the
 * demo's screenshots and the tests show a fixed day). */
typedef struct
{
  gboolean pinned;
  GDate date;
} TdCalendarToday;

/* @date, or the clock again when NULL. */
void td_calendar_today_pin (TdCalendarToday *today, const GDate *date);
GDate td_calendar_today_get (const TdCalendarToday *today);
/* Reads d/m/yyyy with / . or - between the parts. */
gboolean td_calendar_parse_dmy (const char *text, GDate *out);

TdYearClass td_calendar_year_class (gint years);
const char *td_calendar_year_class_name (TdYearClass year_class); /* "năm tròn" … */

/* "Kỷ niệm N năm <name> (dd/m/Y0 - dd/m/Y)" for @origin's day in @year. */
gchar *td_calendar_anniversary_label (const char *name, const GDate *origin, gint year);

/* The shipped events: data/events.tsv from PKGDATADIR, else SOURCE_DATADIR.
 * Loaded once; transfer none. */
GPtrArray *td_calendar_shipped_events (GError **error);
GPtrArray *td_calendar_load_events_file (const char *path, GError **error);

/* The first year @event is observed: @since, else the year of the event,
 * else 0 (every year). */
gint td_event_first_year (const TdEvent *event);

/* Where @event falls in solar year @year (lunar events: the day of that
 * lunar date whose solar day is in @year).  A 30th in a 29-day lunar month
 * falls on the 29th.  FALSE when it does not occur in @year, or when the
 * day was not yet observed then (td_event_first_year()). */
gboolean td_event_date_in_year (const TdEvent *event, gint year, GDate *out);

/* Refuses an event that cannot be saved, with a message naming the field:
 * empty name, impossible day or month, a lunar date (with its year) that
 * does not exist that year, a leap month without a year. */
gboolean td_calendar_validate_event (const TdEvent *event, GError **error);

/* The clerk's events (local and own), stored in the database. */
GPtrArray *td_calendar_list_events (TdDb *db, GError **error);
gint64 td_calendar_add_event (TdDb *db, const TdEvent *event, GError **error);
gboolean td_calendar_update_event (TdDb *db, const TdEvent *event, GError **error);
gboolean td_calendar_delete_event (TdDb *db, gint64 event_id, GError **error);

/* Every occurrence between @from and @to inclusive, sorted by date:
 * shipped and stored events, founding days of @bloc_year_id's members
 * (all units when 0) in round years, its campaign windows overlapping
 * the range, and its deadlines (none when 0).  @db may be NULL (shipped
 * events only).  Deadline states are against @today (NULL: no states). */
GPtrArray *td_calendar_occurrences (TdDb *db, gint64 bloc_year_id, const GDate *from,
                                    const GDate *to, const GDate *today, GError **error);

/* Deadlines. */
TdDeadlineState td_deadline_state (const TdDeadline *deadline, const GDate *today);
const char *td_responsible_to_string (TdResponsible responsible);
GPtrArray *td_calendar_list_deadlines (TdDb *db, gint64 bloc_year_id, GError **error);
/* The oldest @limit deadlines not done that were due before @today (every
 * bloc-year when @bloc_year_id is 0). */
GPtrArray *td_calendar_list_overdue (TdDb *db, gint64 bloc_year_id, const GDate *today, guint limit,
                                     GError **error);
TdDeadline *td_calendar_get_deadline (TdDb *db, gint64 deadline_id, GError **error);
gboolean td_calendar_validate_deadline (const TdDeadline *deadline, GError **error);
gint64 td_calendar_add_deadline (TdDb *db, const TdDeadline *deadline, GError **error);
gboolean td_calendar_update_deadline (TdDb *db, const TdDeadline *deadline, GError **error);
gboolean td_calendar_delete_deadline (TdDb *db, gint64 deadline_id, GError **error);
/* @done NULL or invalid: not done. */
gboolean td_calendar_set_deadline_done (TdDb *db, gint64 deadline_id, const GDate *done,
                                        GError **error);
/* Member deadlines: one row per member of the bloc-year, by name. */
GPtrArray *td_calendar_member_progress (TdDb *db, gint64 deadline_id, GError **error);
gboolean td_calendar_set_member_done (TdDb *db, gint64 deadline_id, gint64 unit_id,
                                      const GDate *done, GError **error);
/* "8/12 đơn vị đã gửi …" style progress text, NULL for other deadlines. */
gchar *td_deadline_progress_text (const TdDeadline *deadline);

/* The usual deadlines of a year (document 000), not yet saved: the caller
 * may edit them, then apply them. */
GPtrArray *td_calendar_plan_template (gint year);
gboolean td_calendar_apply_plan (TdDb *db, gint64 bloc_year_id, GPtrArray *deadlines,
                                 GError **error);

/* Counts of the bloc-year's deadlines overdue and due within
 * TD_DEADLINE_SOON_DAYS of @today (every bloc-year when 0). */
void td_calendar_count_urgent (TdDb *db, gint64 bloc_year_id, const GDate *today, guint *n_overdue,
                               guint *n_due_soon);

G_END_DECLS
