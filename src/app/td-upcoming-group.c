/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview's "next 30 days".
 *
 * What the clerk must not miss when she opens the file: deadlines already
 * overdue (from any year still open), then the commemorations — with their
 * "Kỷ niệm N năm …" labels — and deadlines of the coming 30 days. */
#include "config.h"

#include "td-calendar.h"
#include "td-upcoming-group.h"
#include "td-db-follow.h"
#include "td-first-frame.h"
#include "td-template.h"

#include <glib/gi18n.h>

#define DAYS_AHEAD 30
#define MAX_ROWS 14

struct _TdUpcomingGroup
{
  AdwPreferencesGroup parent_instance;

  GtkListBox *list;
  TdDbFollow database;
  gboolean stale;   /* changed while hidden: refreshed when shown */
  gboolean waiting; /* for the window's first frame */
  TdCalendarToday today;
};

G_DEFINE_FINAL_TYPE (TdUpcomingGroup, td_upcoming_group, ADW_TYPE_PREFERENCES_GROUP)

static GDate
current_today (TdUpcomingGroup *self)
{
  return td_calendar_today_get (&self->today);
}

static void
add_row (TdUpcomingGroup *self, const char *title, const char *subtitle, const char *badge,
         const char *badge_style)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree gchar *escaped = g_markup_escape_text (title, -1);
  g_autofree gchar *sub = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (sub != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
  if (badge != NULL)
    {
      GtkWidget *label = gtk_label_new (badge);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "badge");
      gtk_widget_add_css_class (label, badge_style);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_list_box_append (self->list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->list), TRUE);
}

static gchar *
when_text (const GDate *date, const GDate *today)
{
  g_autofree gchar *dmy = td_calendar_format_dmy (date);
  gint days = g_date_days_between (today, date);

  if (days == 0)
    /* Translators: "07/05/2025 · today" */
    return g_strdup_printf (_ ("%s · today"), dmy);
  if (days < 0)
    return g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s · %d day late", "%s · %d days late", -days), dmy, -days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · in %d day", "%s · in %d days", days),
                          dmy, days);
}

static void
refresh (TdUpcomingGroup *self)
{
  g_autoptr (GPtrArray) deadlines = NULL;
  g_autoptr (GPtrArray) list = NULL;
  GDate today = current_today (self), until = today;
  guint n = 0, more = 0, n_overdue = 0, n_soon = 0;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  if (self->database.db == NULL)
    return;

  /* Only the rows shown are read: a province keeps thousands. */
  deadlines = td_calendar_list_overdue (self->database.db, 0, &today, MAX_ROWS, NULL);
  td_calendar_count_urgent (self->database.db, 0, &today, &n_overdue, &n_soon);
  if (deadlines != NULL && n_overdue > deadlines->len)
    more = n_overdue - deadlines->len;
  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    {
      TdDeadline *d = g_ptr_array_index (deadlines, i);
      g_autofree gchar *when = NULL;
      g_autofree gchar *progress = td_deadline_progress_text (d);
      g_autofree gchar *subtitle = NULL;

      when = when_text (&d->due, &today);
      subtitle = progress ? g_strdup_printf ("%s · %s", when, progress) : g_strdup (when);
      add_row (self, d->title, subtitle, _ ("Overdue"), "overdue");
      n++;
    }

  g_date_add_days (&until, DAYS_AHEAD);
  list = td_calendar_occurrences (self->database.db, 0, &today, &until, &today, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      TdOccurrence *occ = g_ptr_array_index (list, i);
      g_autofree gchar *when = NULL;
      const char *badge = NULL, *style = NULL;

      if (occ->kind == TD_OCCURRENCE_CAMPAIGN)
        continue;
      if (n >= MAX_ROWS)
        {
          more++;
          continue;
        }
      when = when_text (&occ->date, &today);
      if (occ->kind == TD_OCCURRENCE_DEADLINE)
        {
          g_autofree gchar *subtitle = g_strdup_printf ("%s · %s", when, occ->detail);

          if (occ->state == TD_DEADLINE_DUE_SOON)
            badge = _ ("Due soon"), style = "soon";
          else if (occ->state == TD_DEADLINE_DONE)
            badge = _ ("Done"), style = "done";
          add_row (self, occ->label, subtitle, badge, style);
        }
      else
        {
          if (occ->years > 0 && occ->year_class == TD_YEAR_CLASS_ROUND)
            badge = td_calendar_year_class_name (occ->year_class), style = "round";
          else if (occ->years > 0 && occ->year_class == TD_YEAR_CLASS_HALF)
            badge = td_calendar_year_class_name (occ->year_class), style = "half";
          add_row (self, occ->label, when, badge, style);
        }
      n++;
    }
  if (n == 0)
    add_row (self, _ ("Nothing in the next 30 days"), NULL, NULL, NULL);
  else if (more > 0)
    {
      g_autofree gchar *text = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u more in the Calendar", "%u more in the Calendar", more),
          more);
      add_row (self, text, NULL, NULL, NULL);
    }
}

/* Its first rows wait for the window's first frame: at start-up the
 * Overview is drawn at once and the coming dates (a lunar calendar, a
 * province's deadlines, fifteen rows of wrapped text: as long as the bare
 * window takes to start) follow a moment later. */
static void
on_first_frame (GtkWidget *widget)
{
  TdUpcomingGroup *self = TD_UPCOMING_GROUP (widget);

  self->waiting = FALSE;
  /* Not shown after all: filled when it is. */
  if (gtk_widget_get_mapped (widget))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
refresh_now_or_after_first_frame (TdUpcomingGroup *self)
{
  self->stale = FALSE;
  if (!td_first_frame_pending (GTK_WIDGET (self)))
    refresh (self);
  else if (!self->waiting)
    {
      self->waiting = TRUE;
      td_after_first_frame (GTK_WIDGET (self), on_first_frame);
    }
}

/* The coming dates read every bloc's deadlines: hidden, the group waits to
 * be shown, so that a score typed in another section never waits for it. */
static void
refresh_when_shown (TdUpcomingGroup *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_now_or_after_first_frame (self);
  else
    self->stale = TRUE;
}

static void
on_database_changed (TdDb *db, const char *what, TdUpcomingGroup *self)
{
  refresh_when_shown (self);
}

static void
on_map (GtkWidget *widget, gpointer data)
{
  TdUpcomingGroup *self = TD_UPCOMING_GROUP (widget);

  if (self->stale)
    refresh_now_or_after_first_frame (self);
}

void
td_upcoming_group_set_today (TdUpcomingGroup *self, const GDate *today)
{
  td_calendar_today_pin (&self->today, today);
  refresh (self);
}

guint
td_upcoming_group_get_n_rows (TdUpcomingGroup *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
td_upcoming_group_dispose (GObject *object)
{
  TdUpcomingGroup *self = TD_UPCOMING_GROUP (object);

  td_db_follow_clear (&self->database);
  G_OBJECT_CLASS (td_upcoming_group_parent_class)->dispose (object);
}

static void
td_upcoming_group_class_init (TdUpcomingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_upcoming_group_dispose;
  td_db_follow_class_install (object_class, G_STRUCT_OFFSET (TdUpcomingGroup, database),
                              G_CALLBACK (on_database_changed),
                              (void (*) (gpointer))refresh_when_shown);

  td_widget_class_set_template (widget_class, "td-upcoming-group.ui");
  gtk_widget_class_bind_template_child (widget_class, TdUpcomingGroup, list);
}

static void
td_upcoming_group_init (TdUpcomingGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}
