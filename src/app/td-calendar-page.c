/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Calendar section.
 *
 * Three views of the same occurrences (td_calendar_occurrences): a month
 * grid whose cells carry the lunar day and marks, with the selected day's
 * and the month's list beside it; the year's commemorations grouped by
 * month, round and half-round anniversaries emphasised; and the bloc-year's
 * deadlines with their states and member-by-member progress.  The add and
 * edit dialogs are in td-calendar-dialogs.c. */
#include "config.h"

#include "td-calendar-dialogs.h"
#include "td-calendar-page.h"
#include "td-dialog.h"
#include "td-sheet-builders.h"
#include "td-calendar.h"
#include "td-db.h"
#include "td-ical.h"
#include "td-registry.h"
#include "td-window.h"
#include "td-lazy-tooltip.h"
#include "td-template.h"
#include "td-undo-toast.h"

#include <glib/gi18n.h>
#include <stdio.h>

#define N_CELLS 42

struct _TdCalendarPage
{
  TdSectionPage parent_instance;

  GtkStack *outer_stack;
  GtkStack *view_stack;
  GtkLabel *month_label;
  GtkGrid *weekday_grid;
  GtkGrid *month_grid;
  GtkLabel *day_heading;
  GtkListBox *day_list;
  GtkLabel *month_heading;
  GtkListBox *month_list;
  GtkBox *year_box;
  GtkLabel *year_title;
  GtkLabel *deadlines_title;
  GtkListBox *deadline_list;
  GtkWidget *deadlines_empty;

  GtkWidget *cells[N_CELLS];
  GtkLabel *cell_day[N_CELLS];
  GtkLabel *cell_lunar[N_CELLS];
  GtkLabel *cell_marks[N_CELLS];
  GtkLabel *cell_title[N_CELLS];

  gint64 followed_bloc_year; /* the bloc-year whose year the calendar was moved to */
  TdCalendarToday today;
  GDate shown; /* the first day of the month shown */
  GDate selected;
  GDate grid_start;
};

G_DEFINE_FINAL_TYPE (TdCalendarPage, td_calendar_page, TD_TYPE_SECTION_PAGE)

static const char *month_names[] = {
  N_ ("January"),   N_ ("February"), N_ ("March"),    N_ ("April"),
  N_ ("May"),       N_ ("June"),     N_ ("July"),     N_ ("August"),
  N_ ("September"), N_ ("October"),  N_ ("November"), N_ ("December"),
};

static GDate
current_today (TdCalendarPage *self)
{
  return td_calendar_today_get (&self->today);
}

/* The bloc-year whose deadlines are shown: the window's, else the first
 * bloc's year of the month shown, else its latest year. */
static gint64
effective_bloc_year (TdCalendarPage *self, gchar **bloc_name, gint *year)
{
  g_autoptr (GPtrArray) blocs = NULL;
  g_autoptr (GArray) years = NULL;
  g_autoptr (TdBlocYear) by = NULL;
  g_autoptr (TdBloc) bloc = NULL;
  gint64 id = td_section_bloc_year (self);

  if (id == 0)
    {
      blocs = td_registry_list_blocs (td_section_db (self), NULL);
      if (blocs == NULL || blocs->len == 0)
        return 0;
      bloc = td_bloc_new ();
      bloc->id = ((TdBloc *)g_ptr_array_index (blocs, 0))->id;
      id = td_registry_find_bloc_year (td_section_db (self), bloc->id,
                                       g_date_get_year (&self->shown), NULL);
      if (id == 0)
        {
          years = td_registry_list_years (td_section_db (self), bloc->id, NULL);
          if (years == NULL || years->len == 0)
            return 0;
          id = td_registry_find_bloc_year (td_section_db (self), bloc->id,
                                           g_array_index (years, gint, 0), NULL);
        }
      g_clear_pointer (&bloc, td_bloc_free);
    }
  by = td_registry_get_bloc_year (td_section_db (self), id, NULL);
  if (by == NULL)
    return 0;
  bloc = td_registry_get_bloc (td_section_db (self), by->bloc_id, NULL);
  if (bloc_name != NULL)
    *bloc_name = g_strdup (bloc ? bloc->name : "");
  if (year != NULL)
    *year = by->year;
  return id;
}

/* Rows ---------------------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
mark_color (const TdOccurrence *occ)
{
  switch (occ->kind)
    {
    case TD_OCCURRENCE_DEADLINE:
      switch (occ->state)
        {
        case TD_DEADLINE_OVERDUE:
          return "#c01c28";
        case TD_DEADLINE_DUE_SOON:
          return "#e66100";
        case TD_DEADLINE_DONE:
          return "#77767b";
        case TD_DEADLINE_PENDING:
        default:
          return "#9141ac";
        }
    case TD_OCCURRENCE_FOUNDING:
      return "#26a269";
    case TD_OCCURRENCE_CAMPAIGN:
      return "#2ec27e";
    case TD_OCCURRENCE_EVENT:
    default:
      return occ->great || occ->year_class == TD_YEAR_CLASS_ROUND ? "#c01c28" : "#1c71d8";
    }
}

static const char *
mark_glyph (const TdOccurrence *occ)
{
  return occ->kind == TD_OCCURRENCE_DEADLINE ? "■" : "●";
}

static GtkWidget *
badge_new (const char *text, const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "badge");
  gtk_widget_add_css_class (label, style);
  return label;
}

/* The badge of a deadline's state; none while it is pending. */
static GtkWidget *
state_badge (TdDeadlineState state)
{
  static const struct
  {
    const char *text;
    const char *style;
  } badges[] = {
    [TD_DEADLINE_PENDING] = { NULL, NULL },
    [TD_DEADLINE_DUE_SOON] = { N_ ("Due soon"), "soon" },
    [TD_DEADLINE_OVERDUE] = { N_ ("Overdue"), "overdue" },
    [TD_DEADLINE_DONE] = { N_ ("Done"), "done" },
  };

  return badges[state].text ? badge_new (_ (badges[state].text), badges[state].style) : NULL;
}

static GtkWidget *
year_class_badge (TdYearClass year_class)
{
  if (year_class == TD_YEAR_CLASS_ROUND)
    return badge_new (td_calendar_year_class_name (year_class), "round");
  if (year_class == TD_YEAR_CLASS_HALF)
    return badge_new (td_calendar_year_class_name (year_class), "half");
  return NULL;
}

static gchar *
occurrence_subtitle (const TdOccurrence *occ)
{
  g_autofree gchar *date = td_calendar_format_dmy (&occ->date);
  g_autofree gchar *lunar = td_lunar_format (&occ->lunar_date);
  GString *text = g_string_new (NULL);

  if (occ->kind == TD_OCCURRENCE_CAMPAIGN)
    {
      g_autofree gchar *end = td_calendar_format_dmy (&occ->end);
      g_string_append_printf (text, "%s – %s", date, end);
      if (occ->detail)
        g_string_append_printf (text, " · %s", occ->detail);
      return g_string_free (text, FALSE);
    }
  /* Translators: a date and its lunar date, e.g. "07/05/2025 · 10/04 lunar" */
  g_string_append_printf (text, _ ("%s · %s lunar"), date, lunar);
  if (occ->kind == TD_OCCURRENCE_DEADLINE && occ->detail != NULL)
    g_string_append_printf (text, " · %s", occ->detail);
  else if (occ->great)
    g_string_append_printf (text, " · %s", _ ("great holiday"));
  else if (occ->event_kind == TD_EVENT_LOCAL)
    g_string_append_printf (text, " · %s", _ ("local"));
  else if (occ->event_kind == TD_EVENT_UNIT)
    g_string_append_printf (text, " · %s", _ ("own"));
  return g_string_free (text, FALSE);
}

static GtkWidget *
occurrence_row (const TdOccurrence *occ, gboolean emphasise)
{
  GtkWidget *row = adw_action_row_new ();
  /* A campaign's dates are in its subtitle already. */
  g_autofree gchar *title
      = g_markup_escape_text (occ->kind == TD_OCCURRENCE_CAMPAIGN ? occ->title : occ->label, -1);
  g_autofree gchar *subtitle = occurrence_subtitle (occ);
  g_autofree gchar *escaped = g_markup_escape_text (subtitle, -1);
  g_autofree gchar *dot
      = g_strdup_printf ("<span foreground=\"%s\">%s</span>", mark_color (occ), mark_glyph (occ));
  GtkWidget *prefix = gtk_label_new (NULL);
  GtkWidget *badge = NULL;

  gtk_label_set_markup (GTK_LABEL (prefix), dot);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
  if (emphasise && occ->year_class != TD_YEAR_CLASS_OTHER && occ->years > 0)
    {
      gchar *bold = g_strdup_printf ("<b>%s</b>", title);
      g_free (title);
      title = bold;
      gtk_widget_add_css_class (row, occ->year_class == TD_YEAR_CLASS_ROUND ? "anniversary-round"
                                                                            : "anniversary-half");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  if (occ->kind == TD_OCCURRENCE_DEADLINE)
    badge = state_badge (occ->state);
  if (badge == NULL && occ->years > 0)
    badge = year_class_badge (occ->year_class);
  if (badge != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  if (occ->kind == TD_OCCURRENCE_EVENT && occ->id != 0)
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *del = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (del, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_add_css_class (del, "flat");
      gtk_widget_set_tooltip_text (edit, _ ("Edit the event"));
      gtk_widget_set_tooltip_text (del, _ ("Delete the event"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "calendar.edit-event");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), g_variant_new_int64 (occ->id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (del), "calendar.delete-event");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (del), g_variant_new_int64 (occ->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
    }
  return row;
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* Month view ---------------------------------------------------------------- */

static GPtrArray *
occurrences (TdCalendarPage *self, const GDate *from, const GDate *to)
{
  g_autoptr (GError) error = NULL;
  GDate today = current_today (self);
  GPtrArray *list = td_calendar_occurrences (td_section_db (self), td_section_bloc_year (self),
                                             from, to, &today, &error);

  if (list == NULL)
    {
      td_window_show_error (GTK_WIDGET (self), _ ("Could not read the calendar"), error);
      list = g_ptr_array_new_with_free_func ((GDestroyNotify)td_occurrence_free);
    }
  return list;
}

static gchar *
lunar_cell_text (const TdLunarDate *lunar)
{
  if (lunar->day == 1)
    return g_strdup_printf ("%d/%d%s", lunar->day, lunar->month, lunar->leap ? "N" : "");
  return g_strdup_printf ("%d", lunar->day);
}

static void
refresh_side (TdCalendarPage *self, GPtrArray *list)
{
  TdLunarDate lunar;
  g_autofree gchar *date = td_calendar_format_dmy (&self->selected);
  g_autofree gchar *lunar_text = NULL;
  g_autofree gchar *year_name = NULL;
  g_autofree gchar *heading = NULL;
  g_autofree gchar *month_heading = NULL;
  guint n_day = 0, n_month = 0;
  GDate month_end;

  td_lunar_from_solar (&self->selected, &lunar);
  lunar_text = td_lunar_format (&lunar);
  year_name = td_lunar_year_name (lunar.year);
  /* Translators: the selected day, e.g. "07/05/2025 — lunar 10/04, year Ất Tỵ" */
  heading = g_strdup_printf (_ ("%s — lunar %s, year %s"), date, lunar_text, year_name);
  gtk_label_set_text (self->day_heading, heading);
  /* Translators: heading of the month's list: month number and year,
   * "Trong tháng 5 năm 2025" */
  month_heading = g_strdup_printf (_ ("In month %u of %u"), g_date_get_month (&self->shown),
                                   g_date_get_year (&self->shown));
  gtk_label_set_text (self->month_heading, month_heading);

  clear_list (self->day_list);
  clear_list (self->month_list);
  month_end = self->shown;
  g_date_add_months (&month_end, 1);
  g_date_subtract_days (&month_end, 1);
  for (guint i = 0; i < list->len; i++)
    {
      TdOccurrence *occ = g_ptr_array_index (list, i);
      gboolean on_day = g_date_compare (&occ->date, &self->selected) <= 0
                        && g_date_compare (&occ->end, &self->selected) >= 0;
      /* Campaign windows overlap the month; the rest fall in it. */
      gboolean in_month = g_date_compare (&occ->date, &month_end) <= 0
                          && g_date_compare (&occ->end, &self->shown) >= 0;

      if (on_day)
        {
          gtk_list_box_append (self->day_list, occurrence_row (occ, TRUE));
          n_day++;
        }
      if (in_month)
        {
          gtk_list_box_append (self->month_list, occurrence_row (occ, TRUE));
          n_month++;
        }
    }
  if (n_day == 0)
    gtk_list_box_append (self->day_list, placeholder_row (_ ("Nothing on this day")));
  if (n_month == 0)
    gtk_list_box_append (self->month_list, placeholder_row (_ ("Nothing this month")));
}

static void
refresh_month (TdCalendarPage *self)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autofree gchar *title = NULL;
  GDate last, today = current_today (self);
  GString *marks[N_CELLS];
  const char *first_title[N_CELLS] = { NULL };
  gboolean in_campaign[N_CELLS] = { FALSE };
  GString *tips[N_CELLS];
  guint32 start;

  /* Translators: month and year above the grid, e.g. "Tháng 5 năm 2025" */
  title = g_strdup_printf (_ ("%s %u"), _ (month_names[g_date_get_month (&self->shown) - 1]),
                           g_date_get_year (&self->shown));
  gtk_label_set_text (self->month_label, title);

  self->grid_start = self->shown;
  g_date_subtract_days (&self->grid_start, g_date_get_weekday (&self->shown) - G_DATE_MONDAY);
  last = self->grid_start;
  g_date_add_days (&last, N_CELLS - 1);
  list = occurrences (self, &self->grid_start, &last);
  start = g_date_get_julian (&self->grid_start);

  for (guint i = 0; i < N_CELLS; i++)
    {
      marks[i] = g_string_new (NULL);
      tips[i] = g_string_new (NULL);
    }
  for (guint i = 0; i < list->len; i++)
    {
      TdOccurrence *occ = g_ptr_array_index (list, i);
      gint64 a = (gint64)g_date_get_julian (&occ->date) - start;
      gint64 b = (gint64)g_date_get_julian (&occ->end) - start;

      if (occ->kind == TD_OCCURRENCE_CAMPAIGN)
        {
          for (gint64 k = MAX (a, 0); k <= MIN (b, N_CELLS - 1); k++)
            in_campaign[k] = TRUE;
          continue;
        }
      if (a < 0 || a >= N_CELLS)
        continue;
      if (marks[a]->len < 200)
        g_string_append_printf (marks[a], "<span foreground=\"%s\">%s</span>", mark_color (occ),
                                mark_glyph (occ));
      if (first_title[a] == NULL)
        first_title[a] = occ->title;
      g_string_append_printf (tips[a], "%s%s", tips[a]->len ? "\n" : "", occ->label);
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      GDate day = self->grid_start;
      TdLunarDate lunar;
      g_autofree gchar *solar = NULL;
      g_autofree gchar *lunar_text = NULL;
      g_autofree gchar *tip = g_string_free (tips[i], FALSE);
      g_autofree gchar *mark_text = g_string_free (marks[i], FALSE);
      GtkWidget *cell = self->cells[i];

      g_date_add_days (&day, i);
      td_lunar_from_solar (&day, &lunar);
      solar = g_strdup_printf ("%u", g_date_get_day (&day));
      lunar_text = lunar_cell_text (&lunar);
      gtk_label_set_text (self->cell_day[i], solar);
      gtk_label_set_text (self->cell_lunar[i], lunar_text);
      gtk_label_set_markup (self->cell_marks[i], mark_text);
      gtk_label_set_text (self->cell_title[i], first_title[i] ? first_title[i] : "");
      td_lazy_tooltip_set (cell, tip);
      {
        /* A screen reader hears the whole day, not "30 3". */
        g_autofree gchar *dmy = td_calendar_format_dmy (&day);
        g_autofree gchar *lunar_full = td_lunar_format (&lunar);
        g_autofree gchar *spoken = g_strdup_printf (_ ("%s · %s lunar"), dmy, lunar_full);
        g_autofree gchar *label
            = tip[0] ? g_strdup_printf ("%s: %s", spoken, tip) : g_steal_pointer (&spoken);

        gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        -1);
      }
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (cell),
                                              g_variant_new_uint32 (g_date_get_julian (&day)));

      if (lunar.day == 1)
        gtk_widget_add_css_class (GTK_WIDGET (self->cell_lunar[i]), "lunar-first");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->cell_lunar[i]), "lunar-first");
      if (lunar.day == 15)
        gtk_widget_add_css_class (GTK_WIDGET (self->cell_lunar[i]), "lunar-full");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->cell_lunar[i]), "lunar-full");
#define TOGGLE_CLASS(cond, name)                                                                   \
  if (cond)                                                                                        \
    gtk_widget_add_css_class (cell, name);                                                         \
  else                                                                                             \
    gtk_widget_remove_css_class (cell, name)
      TOGGLE_CLASS (g_date_get_month (&day) != g_date_get_month (&self->shown), "other-month");
      TOGGLE_CLASS (g_date_compare (&day, &today) == 0, "today");
      TOGGLE_CLASS (g_date_compare (&day, &self->selected) == 0, "selected");
      TOGGLE_CLASS (in_campaign[i], "in-campaign");
      TOGGLE_CLASS (g_date_get_weekday (&day) == G_DATE_SUNDAY, "sunday");
#undef TOGGLE_CLASS
    }
  refresh_side (self, list);
}

/* Year view ----------------------------------------------------------------- */

static void
refresh_year (TdCalendarPage *self)
{
  gint year = g_date_get_year (&self->shown);
  GDate from, to;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree gchar *title = NULL;
  AdwPreferencesGroup *group = NULL;
  GtkWidget *old;
  guint month = 0;

  /* The box holds the title, then a group a month. */
  while ((old = gtk_widget_get_next_sibling (GTK_WIDGET (self->year_title))) != NULL)
    gtk_box_remove (self->year_box, old);

  /* Translators: title of the year list, official wording in Vietnamese:
   * "Các ngày lễ lớn và sự kiện năm 2025" */
  title = g_strdup_printf (_ ("Great holidays and events of %d"), year);
  gtk_label_set_text (self->year_title, title);

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, year);
  g_date_set_dmy (&to, 31, 12, year);
  list = occurrences (self, &from, &to);
  for (guint i = 0; i < list->len; i++)
    {
      TdOccurrence *occ = g_ptr_array_index (list, i);

      if (occ->kind != TD_OCCURRENCE_EVENT && occ->kind != TD_OCCURRENCE_FOUNDING)
        continue;
      if (group == NULL || g_date_get_month (&occ->date) != month)
        {
          g_autofree gchar *group_title = NULL;

          month = g_date_get_month (&occ->date);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          group_title = g_strdup (_ (month_names[month - 1]));
          adw_preferences_group_set_title (group, group_title);
          gtk_box_append (self->year_box, GTK_WIDGET (group));
        }
      adw_preferences_group_add (group, occurrence_row (occ, TRUE));
    }
}

/* Deadlines ----------------------------------------------------------------- */

static void
on_deadline_toggled (GtkCheckButton *check, TdCalendarPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "deadline-id"));
  gint64 unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "unit-id"));
  GDate today = current_today (self);
  const GDate *done = gtk_check_button_get_active (check) ? &today : NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (td_section_db (self) == NULL)
    return;
  if (unit_id != 0)
    ok = td_calendar_set_member_done (td_section_db (self), id, unit_id, done, &error);
  else
    ok = td_calendar_set_deadline_done (td_section_db (self), id, done, &error);
  if (!ok)
    td_window_show_error (GTK_WIDGET (self), _ ("Could not save the deadline"), error);
}

static GtkWidget *
done_check (TdCalendarPage *self, gint64 deadline_id, gint64 unit_id, gboolean done)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), done);
  gtk_widget_set_sensitive (check, !td_db_is_read_only (td_section_db (self)));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  td_lazy_tooltip_set (check, unit_id ? _ ("Sent") : _ ("Done"));
  g_object_set_data (G_OBJECT (check), "deadline-id", GSIZE_TO_POINTER (deadline_id));
  g_object_set_data (G_OBJECT (check), "unit-id", GSIZE_TO_POINTER (unit_id));
  g_signal_connect (check, "toggled", G_CALLBACK (on_deadline_toggled), self);
  return check;
}

static GtkWidget *
icon_action_button (const char *icon, const char *tooltip, const char *action, gint64 id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  td_lazy_tooltip_set (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

static gchar *
deadline_subtitle (TdCalendarPage *self, const TdDeadline *d, gint year)
{
  g_autofree gchar *due = td_calendar_format_dmy (&d->due);
  g_autofree gchar *who = NULL;
  g_autofree gchar *progress = td_deadline_progress_text (d);
  GString *text = g_string_new (NULL);

  if (d->responsible == TD_RESPONSIBLE_UNIT)
    who = td_registry_unit_name_in_year (td_section_db (self), d->unit_id, year);
  if (who == NULL)
    who = g_strdup (td_responsible_to_string (d->responsible));
  /* Translators: "Due 30/06/2024 · Every member" */
  g_string_append_printf (text, _ ("Due %s · %s"), due, who);
  if (progress != NULL)
    g_string_append_printf (text, " · %s", progress);
  if (g_date_valid (&d->done))
    {
      g_autofree gchar *done = td_calendar_format_dmy (&d->done);
      g_string_append_printf (text, " · ");
      g_string_append_printf (text, _ ("done on %s"), done);
    }
  return g_string_free (text, FALSE);
}

static void
refresh_deadlines (TdCalendarPage *self)
{
  g_autofree gchar *bloc_name = NULL;
  g_autofree gchar *title = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  GDate today = current_today (self);
  gint year = 0;
  gint64 by_id = effective_bloc_year (self, &bloc_name, &year);

  clear_list (self->deadline_list);
  gboolean writable = !td_db_is_read_only (td_section_db (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.add-deadline",
                                 by_id != 0 && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.plan-template",
                                 by_id != 0 && writable);
  if (by_id == 0)
    {
      gtk_label_set_text (self->deadlines_title,
                          _ ("Deadlines belong to a bloc's year: add a bloc and its year first."));
      gtk_widget_set_visible (GTK_WIDGET (self->deadline_list), FALSE);
      gtk_widget_set_visible (self->deadlines_empty, FALSE);
      return;
    }
  /* Translators: "Deadlines of Khối Thi đua số 6, 2024" */
  title = g_strdup_printf (_ ("Deadlines of %s, %d"), bloc_name, year);
  gtk_label_set_text (self->deadlines_title, title);
  list = td_calendar_list_deadlines (td_section_db (self), by_id, &error);
  if (list == NULL)
    {
      td_window_show_error (GTK_WIDGET (self), _ ("Could not read the deadlines"), error);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_list), list->len > 0);
  gtk_widget_set_visible (self->deadlines_empty, list->len == 0);

  for (guint i = 0; i < list->len; i++)
    {
      TdDeadline *d = g_ptr_array_index (list, i);
      TdDeadlineState state = td_deadline_state (d, &today);
      g_autofree gchar *escaped = g_markup_escape_text (d->title, -1);
      g_autofree gchar *subtitle = deadline_subtitle (self, d, year);
      g_autofree gchar *sub_escaped = g_markup_escape_text (subtitle, -1);
      GtkWidget *check = done_check (self, d->id, 0, g_date_valid (&d->done));
      GtkWidget *edit = icon_action_button ("document-edit-symbolic", _ ("Edit the deadline"),
                                            "calendar.edit-deadline", d->id);
      GtkWidget *del = icon_action_button ("user-trash-symbolic", _ ("Delete the deadline"),
                                           "calendar.delete-deadline", d->id);
      GtkWidget *badge = state_badge (state);

      if (d->responsible == TD_RESPONSIBLE_MEMBERS)
        {
          GtkWidget *row = adw_expander_row_new ();
          g_autoptr (GPtrArray) progress
              = td_calendar_member_progress (td_section_db (self), d->id, NULL);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), sub_escaped);
          adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);
          /* Actions are packed from the end: last added comes first. */
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), del);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), edit);
          if (badge != NULL)
            adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
          for (guint k = 0; progress != NULL && k < progress->len; k++)
            {
              TdMemberProgress *p = g_ptr_array_index (progress, k);
              GtkWidget *member = adw_action_row_new ();
              g_autofree gchar *name = g_markup_escape_text (p->name, -1);
              g_autofree gchar *sent = td_calendar_format_dmy (&p->done);
              g_autofree gchar *sent_text = NULL;

              if (g_date_valid (&p->done))
                sent_text = g_strdup_printf (_ ("Sent on %s"), sent);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (member), name);
              adw_action_row_set_subtitle (ADW_ACTION_ROW (member),
                                           sent_text ? sent_text : _ ("Not sent yet"));
              adw_action_row_add_prefix (
                  ADW_ACTION_ROW (member),
                  done_check (self, d->id, p->unit_id, g_date_valid (&p->done)));
              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), member);
            }
          gtk_list_box_append (self->deadline_list, row);
        }
      else
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub_escaped);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          if (badge != NULL)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
          gtk_list_box_append (self->deadline_list, row);
        }
    }
}

static void
refresh (TdCalendarPage *self)
{
  TdDb *db = td_section_db (self);
  const char *edits[] = { "calendar.add-event", "calendar.edit-event", "calendar.delete-event",
                          "calendar.edit-deadline", "calendar.delete-deadline" };

  /* A read-only file can be looked at and exported, not changed. */
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edits[i],
                                   td_section_page_is_writable (TD_SECTION_PAGE (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.export", db != NULL);
  if (db == NULL)
    {
      gtk_stack_set_visible_child_name (self->outer_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->outer_stack, "calendar");
  refresh_month (self);
  refresh_year (self);
  refresh_deadlines (self);
}

/* A bloc-year chosen in the header brings the calendar to its year (the
 * same day and month as shown, today in the current year), in the month
 * and year views alike; moving about afterwards is the clerk's choice. */
static void
follow_bloc_year (TdCalendarPage *self)
{
  gint64 id = td_section_bloc_year (self);
  g_autoptr (TdBlocYear) by = NULL;
  GDate date, today;

  if (id == 0 || id == self->followed_bloc_year || td_section_db (self) == NULL)
    return;
  self->followed_bloc_year = id;
  by = td_registry_get_bloc_year (td_section_db (self), id, NULL);
  if (by == NULL || !g_date_valid (&self->selected)
      || g_date_get_year (&self->selected) == (GDateYear)by->year)
    return;
  g_date_clear (&date, 1);
  today = current_today (self);
  if (g_date_valid (&today) && g_date_get_year (&today) == (GDateYear)by->year)
    date = today;
  else
    g_date_set_dmy (&date,
                    MIN (g_date_get_day (&self->selected),
                         g_date_get_days_in_month (g_date_get_month (&self->selected), by->year)),
                    g_date_get_month (&self->selected), by->year);
  self->selected = date;
  g_date_clear (&self->shown, 1);
  g_date_set_dmy (&self->shown, 1, g_date_get_month (&date), g_date_get_year (&date));
}

static void
td_calendar_page_reload (TdSectionPage *page)
{
  follow_bloc_year (TD_CALENDAR_PAGE (page));
  refresh (TD_CALENDAR_PAGE (page));
}

/* Rebuilding the lists from inside a check button's "toggled" would destroy
 * the button under its own handler: wait for the main loop.  Hidden, it
 * waits to be shown: a province's deadlines take a while to list, and a
 * score typed in another section must not wait for them. */
static void
td_calendar_page_refresh (TdSectionPage *page, const char *what)
{
  td_section_page_queue_reload (page);
}

static void
on_view_changed (TdCalendarPage *self)
{
  const char *name;

  if (self->month_label == NULL)
    return;
  name = gtk_stack_get_visible_child_name (self->view_stack);
  /* The year list and deadlines follow the year of the month shown. */
  gtk_widget_set_visible (GTK_WIDGET (self->month_label), g_strcmp0 (name, "month") == 0);
}

/* Navigation ---------------------------------------------------------------- */

void
td_calendar_page_show_date (TdCalendarPage *self, const GDate *date)
{
  gboolean same_year;

  g_return_if_fail (TD_IS_CALENDAR_PAGE (self));
  g_return_if_fail (g_date_valid (date));

  same_year
      = g_date_valid (&self->shown) && g_date_get_year (&self->shown) == g_date_get_year (date);
  self->selected = *date;
  g_date_clear (&self->shown, 1);
  g_date_set_dmy (&self->shown, 1, g_date_get_month (date), g_date_get_year (date));
  if (td_section_db (self) == NULL)
    return;
  /* A click on a day changes only the month view; the year list and the
   * deadlines follow the year. */
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  if (same_year)
    refresh_month (self);
  else
    refresh (self);
}

void
td_calendar_page_set_today (TdCalendarPage *self, const GDate *today)
{
  td_calendar_today_pin (&self->today, today);
  if (td_section_db (self) != NULL)
    refresh (self);
}

void
td_calendar_page_show_view (TdCalendarPage *self, const char *view)
{
  gtk_stack_set_visible_child_name (self->view_stack, view);
}

static void
move_month (TdCalendarPage *self, gint delta)
{
  GDate date = self->shown;
  guint day = g_date_get_day (&self->selected);

  if (delta < 0)
    g_date_subtract_months (&date, -delta);
  else
    g_date_add_months (&date, delta);
  day = MIN (day, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
  g_date_set_day (&date, day);
  td_calendar_page_show_date (self, &date);
}

static void
previous_month_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCalendarPage *self = TD_CALENDAR_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "month") == 0)
    move_month (self, -1);
  else
    move_month (self, -12);
}

static void
next_month_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCalendarPage *self = TD_CALENDAR_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "month") == 0)
    move_month (self, 1);
  else
    move_month (self, 12);
}

static void
today_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCalendarPage *self = TD_CALENDAR_PAGE (widget);
  GDate today = current_today (self);

  td_calendar_page_show_date (self, &today);
}

static void
select_day_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCalendarPage *self = TD_CALENDAR_PAGE (widget);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, g_variant_get_uint32 (param));
  td_calendar_page_show_date (self, &date);
}

static void
show_view_action (GtkWidget *widget, const char *name, GVariant *param)
{
  td_calendar_page_show_view (TD_CALENDAR_PAGE (widget), g_variant_get_string (param, NULL));
}

/* Dialogs (td-calendar-dialogs.c) ------------------------------------------ */

static TdEvent *
find_stored_event (TdCalendarPage *self, gint64 id)
{
  g_autoptr (GPtrArray) events = td_calendar_list_events (td_section_db (self), NULL);

  for (guint i = 0; events != NULL && i < events->len; i++)
    if (((TdEvent *)g_ptr_array_index (events, i))->id == id)
      return td_event_copy (g_ptr_array_index (events, i));
  return NULL;
}

static void
add_event_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCalendarPage *self = TD_CALENDAR_PAGE (widget);

  td_calendar_event_dialog (widget, td_section_db (self), NULL);
}

/* Edit or delete the stored event a row names. */
static void
event_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCalendarPage *self = TD_CALENDAR_PAGE (widget);
  g_autoptr (TdEvent) event = find_stored_event (self, g_variant_get_int64 (param));

  if (event == NULL)
    return;
  if (g_str_equal (name, "calendar.delete-event"))
    td_calendar_delete_event_undoable (widget, td_section_db (self), event);
  else
    td_calendar_event_dialog (widget, td_section_db (self), event);
}

static void
add_deadline_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCalendarPage *self = TD_CALENDAR_PAGE (widget);
  gint64 by_id = effective_bloc_year (self, NULL, NULL);

  if (by_id != 0)
    td_calendar_deadline_dialog (widget, td_section_db (self), by_id, NULL);
}

static void
edit_deadline_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCalendarPage *self = TD_CALENDAR_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDeadline) d
      = td_calendar_get_deadline (td_section_db (self), g_variant_get_int64 (param), &error);

  if (d == NULL)
    td_window_show_error (widget, _ ("Could not open the deadline"), error);
  else
    td_calendar_deadline_dialog (widget, td_section_db (self), d->bloc_year_id, d);
}

static void
delete_deadline_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCalendarPage *self = TD_CALENDAR_PAGE (widget);

  td_calendar_delete_deadline_undoable (widget, td_section_db (self), g_variant_get_int64 (param));
}

static void
plan_template_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCalendarPage *self = TD_CALENDAR_PAGE (widget);
  gint year = 0;
  gint64 by_id = effective_bloc_year (self, NULL, &year);

  if (by_id != 0)
    td_calendar_plan_dialog (widget, td_section_db (self), by_id, year);
}

/* Export -------------------------------------------------------------------- */

static void
on_export_response (GtkNativeDialog *native, int response, TdCalendarPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && td_section_db (self) != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree gchar *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      gint year = g_date_get_year (&self->shown);
      GDate from, to;

      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_dmy (&from, 1, 1, year);
      g_date_set_dmy (&to, 31, 12, year);
      if (path == NULL
          || !td_ical_export (td_section_db (self), td_section_bloc_year (self), &from, &to, path,
                              &error))
        td_window_show_error (GTK_WIDGET (self), _ ("Could not export the calendar"), error);
      else
        {
          g_autofree gchar *name = g_file_get_basename (file);
          g_autofree gchar *text
              = g_strdup_printf (_ ("Exported the calendar of %d to “%s”"), year, name);
          td_window_toast_text (GTK_WIDGET (self), text);
        }
    }
  g_object_unref (native);
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCalendarPage *self = TD_CALENDAR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autofree gchar *file_name = NULL;

  native = gtk_file_chooser_native_new (_ ("Export the Calendar"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  td_file_chooser_add_filter (native, _ ("iCalendar files"), "*.ics");
  /* Translators: proposed file name; keep the .ics ending */
  file_name = g_strdup_printf (_ ("calendar-%u.ics"), g_date_get_year (&self->shown));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* GObject ------------------------------------------------------------------- */

static void
build_grid (TdCalendarPage *self)
{
  static const char *weekdays[]
      = { N_ ("Mon"), N_ ("Tue"), N_ ("Wed"), N_ ("Thu"), N_ ("Fri"), N_ ("Sat"), N_ ("Sun") };

  for (guint i = 0; i < 7; i++)
    {
      GtkWidget *label = gtk_label_new (_ (weekdays[i]));

      gtk_widget_add_css_class (label, "weekday-header");
      gtk_grid_attach (self->weekday_grid, label, i, 0, 1, 1);
    }
  for (guint i = 0; i < N_CELLS; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      self->cell_day[i] = GTK_LABEL (gtk_label_new (NULL));
      self->cell_lunar[i] = GTK_LABEL (gtk_label_new (NULL));
      self->cell_marks[i] = GTK_LABEL (gtk_label_new (NULL));
      self->cell_title[i] = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (self->cell_day[i]), "solar-day");
      gtk_widget_add_css_class (GTK_WIDGET (self->cell_lunar[i]), "lunar-day");
      gtk_widget_add_css_class (GTK_WIDGET (self->cell_title[i]), "cell-title");
      gtk_widget_set_hexpand (GTK_WIDGET (self->cell_day[i]), TRUE);
      gtk_label_set_xalign (self->cell_day[i], 0);
      gtk_label_set_xalign (self->cell_lunar[i], 1);
      gtk_label_set_xalign (self->cell_marks[i], 0);
      gtk_label_set_xalign (self->cell_title[i], 0);
      gtk_label_set_ellipsize (self->cell_title[i], PANGO_ELLIPSIZE_END);
      gtk_label_set_ellipsize (self->cell_marks[i], PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (self->cell_title[i], 4);
      gtk_label_set_wrap (self->cell_title[i], TRUE);
      gtk_label_set_wrap_mode (self->cell_title[i], PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (self->cell_title[i], 2);
      gtk_widget_set_valign (GTK_WIDGET (self->cell_title[i]), GTK_ALIGN_START);
      gtk_widget_set_valign (box, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->cell_day[i]));
      gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->cell_lunar[i]));
      gtk_box_append (GTK_BOX (box), top);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->cell_marks[i]));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->cell_title[i]));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "calendar-cell");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "calendar.select-day");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (1));
      gtk_grid_attach (self->month_grid, button, i % 7, i / 7, 1, 1);
      self->cells[i] = button;
    }
}

/* The section's keys (td-section-page.h). */
static const TdSectionShortcut shortcuts[] = {
  { TD_SHORTCUT_WINDOW, GDK_KEY_z, GDK_CONTROL_MASK, "calendar.undo-delete", NULL },
  { TD_SHORTCUT_FOCUS, GDK_KEY_Page_Up, 0, "calendar.previous-month", NULL },
  { TD_SHORTCUT_FOCUS, GDK_KEY_Page_Down, 0, "calendar.next-month", NULL },
  { TD_SHORTCUT_FOCUS, GDK_KEY_Home, 0, "calendar.today", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_n, GDK_CONTROL_MASK, "calendar.add-event", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_d, GDK_CONTROL_MASK, "calendar.add-deadline", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_e, GDK_CONTROL_MASK, "calendar.export", NULL },
};

static void
td_calendar_page_class_init (TdCalendarPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TdSectionPageClass *section_class = TD_SECTION_PAGE_CLASS (klass);

  section_class->reload = td_calendar_page_reload;
  section_class->refresh = td_calendar_page_refresh;
  td_section_page_class_set_section (section_class, "calendar", N_ ("Calendar"),
                                     "x-office-calendar-symbolic", TD_SHEET_CALENDAR);

  td_widget_class_bind_template_children (widget_class, TdCalendarPage, outer_stack, view_stack,
                                          month_label, weekday_grid, month_grid, day_heading,
                                          day_list, month_heading, month_list, year_box, year_title,
                                          deadlines_title, deadline_list, deadlines_empty);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);

  gtk_widget_class_install_action (widget_class, "calendar.undo-delete", NULL,
                                   td_undo_toast_undo_action);
  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL,
                                   previous_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "calendar.select-day", "u", select_day_action);
  gtk_widget_class_install_action (widget_class, "calendar.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "calendar.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "calendar.edit-event", "x", event_action);
  gtk_widget_class_install_action (widget_class, "calendar.delete-event", "x", event_action);
  gtk_widget_class_install_action (widget_class, "calendar.add-deadline", NULL,
                                   add_deadline_action);
  gtk_widget_class_install_action (widget_class, "calendar.edit-deadline", "x",
                                   edit_deadline_action);
  gtk_widget_class_install_action (widget_class, "calendar.delete-deadline", "x",
                                   delete_deadline_action);
  gtk_widget_class_install_action (widget_class, "calendar.plan-template", NULL,
                                   plan_template_action);
  gtk_widget_class_install_action (widget_class, "calendar.export", NULL, export_action);

  /* Page Up, Page Down and Home move in a list or a text field too. */
  td_section_page_class_add_shortcuts (section_class, shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
td_calendar_page_init (TdCalendarPage *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  build_grid (self);
  today = current_today (self);
  self->selected = today;
  g_date_clear (&self->shown, 1);
  g_date_set_dmy (&self->shown, 1, g_date_get_month (&today), g_date_get_year (&today));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.add-event", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.export", FALSE);
}
