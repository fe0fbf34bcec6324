/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar's dialogs: add and edit an event or a deadline, the plan
 * template, and deletes that can be undone.
 *
 * Each dialog is an AdwMessageDialog whose form comes from
 * ui/td-calendar-forms.ui (or is built for the plan's rows).  The form is
 * checked on every change: Save stays disabled while the input is refused,
 * and the reason, naming the field, is shown under the form — a lunar
 * date that does not exist that year is explained, not accepted. */
#include "config.h"

#include "td-calendar-dialogs.h"
#include "td-dialog.h"
#include "td-date.h"
#include "td-registry.h"
#include "td-undo-toast.h"
#include "td-window.h"

#include <glib/gi18n.h>
#include <stdio.h>

typedef struct
{
  GtkWidget *parent; /* weak: the page that opened the dialog */
  TdDb *db;
  GtkBuilder *builder;
  AdwMessageDialog *dialog;
  gint64 id;
  gint64 bloc_year_id;
  GArray *unit_ids;
  GPtrArray *plan;      /* plan template dialog: its deadlines */
  GPtrArray *plan_rows; /* title row, due row, per deadline */
  gboolean touched;     /* the clerk changed something: refusals are shown */
} Form;

static void
form_free (Form *form)
{
  g_clear_weak_pointer (&form->parent);
  g_clear_object (&form->db);
  g_clear_object (&form->builder);
  g_clear_pointer (&form->unit_ids, g_array_unref);
  g_clear_pointer (&form->plan, g_ptr_array_unref);
  g_clear_pointer (&form->plan_rows, g_ptr_array_unref);
  g_free (form);
}

/* The page may be gone when a dialog answers: the save still happens. */
static void
form_error (Form *form, const char *heading, const GError *error)
{
  if (form->parent != NULL)
    td_window_show_error (form->parent, heading, error);
}

static const char *
entry_text (Form *form, const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (gtk_builder_get_object (form->builder, id)));
}

static guint
combo_selected (Form *form, const char *id)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (gtk_builder_get_object (form->builder, id)));
}

static void
set_entry_text (Form *form, const char *id, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (gtk_builder_get_object (form->builder, id)), text);
}

static void
select_combo (Form *form, const char *id, guint position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_builder_get_object (form->builder, id)), position);
}

static void
form_message (Form *form, const char *label_id, const char *text)
{
  GtkWidget *label = GTK_WIDGET (gtk_builder_get_object (form->builder, label_id));

  /* No red message before anything is typed: Save is only disabled. */
  gtk_label_set_text (GTK_LABEL (label), text && form->touched ? text : "");
  if (text != NULL)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  adw_message_dialog_set_response_enabled (form->dialog, "save", text == NULL);
}

/* Reads the form into @event; FALSE with the reason when it is refused. */
static gboolean
read_event (Form *form, TdEvent *event, GError **error)
{
  const char *date = entry_text (form, "event_date");
  g_autofree gchar *year = g_strstrip (g_strdup (entry_text (form, "event_year")));
  gint d = 0, m = 0, n = 0;
  char extra;

  g_free (event->name);
  event->name = g_strstrip (g_strdup (entry_text (form, "event_name")));
  event->kind = (TdEventKind)combo_selected (form, "event_kind");
  event->lunar = combo_selected (form, "event_calendar") == 1;
  event->rule = (TdAnniversaryRule)combo_selected (form, "event_rule");
  event->leap = event->lunar
                && gtk_switch_get_active (
                    GTK_SWITCH (gtk_builder_get_object (form->builder, "event_leap")));
  if (sscanf (date, "%d/%d%n", &d, &m, &n) != 2 || sscanf (date + n, " %c", &extra) == 1)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _ ("Day and month: write them as dd/mm, for example 23/03."));
      return FALSE;
    }
  event->day = d;
  event->month = m;
  event->year = 0;
  if (year[0] != '\0')
    {
      guint64 y;

      if (!g_ascii_string_to_unsigned (year, 10, 1, 9999, &y, NULL))
        {
          g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                               _ ("Year: write the year in digits, for example 1975, or leave it "
                                  "empty."));
          return FALSE;
        }
      event->year = (gint)y;
    }
  return td_calendar_validate_event (event, error);
}

static void
on_event_form_changed (Form *form)
{
  g_autoptr (TdEvent) event = td_event_new ();
  g_autoptr (GError) error = NULL;
  gboolean lunar = combo_selected (form, "event_calendar") == 1;

  gtk_widget_set_sensitive (GTK_WIDGET (gtk_builder_get_object (form->builder, "event_leap_row")),
                            lunar);
  form_message (form, "event_message", read_event (form, event, &error) ? NULL : error->message);
}

static void
on_event_response (AdwMessageDialog *dialog, const char *response, Form *form)
{
  g_autoptr (TdEvent) event = td_event_new ();
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  event->id = form->id;
  if (!read_event (form, event, &error)
      || (form->id ? !td_calendar_update_event (form->db, event, &error)
                   : td_calendar_add_event (form->db, event, &error) == 0))
    {
      form_error (form, _ ("Could not save the event"), error);
      return;
    }
}

static Form *
form_new (GtkWidget *parent, TdDb *db, const char *heading, const char *body, const char *form_id)
{
  Form *form = g_new0 (Form, 1);

  g_set_weak_pointer (&form->parent, parent);
  form->db = g_object_ref (db);
  form->builder = gtk_builder_new_from_resource ("/com/example/ThiDua/ui/td-calendar-forms.ui");
  form->dialog = ADW_MESSAGE_DIALOG (td_message_dialog_new (parent, heading, body));
  td_message_dialog_add_choice (GTK_WIDGET (form->dialog), "save", _ ("_Save"),
                                ADW_RESPONSE_SUGGESTED, FALSE);
  if (form_id != NULL)
    adw_message_dialog_set_extra_child (
        form->dialog, GTK_WIDGET (gtk_builder_get_object (form->builder, form_id)));
  g_object_set_data_full (G_OBJECT (form->dialog), "form", form, (GDestroyNotify)form_free);
  return form;
}

static void
form_touch (Form *form)
{
  form->touched = TRUE;
}

/* Checks the form again whenever one of the fields @ids changes (and
 * now), then shows it; @on_response is its "response" handler. */
static void
form_present (Form *form, const char *const *ids, void (*changed) (Form *form),
              GCallback on_response)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GObject *object = gtk_builder_get_object (form->builder, ids[i]);
      const char *signal = ADW_IS_COMBO_ROW (object) ? "notify::selected"
                           : GTK_IS_SWITCH (object)  ? "notify::active"
                                                     : "changed";

      g_signal_connect_swapped (object, signal, G_CALLBACK (form_touch), form);
      g_signal_connect_swapped (object, signal, G_CALLBACK (changed), form);
      /* Enter in a field saves, as in every dialog. */
      if (ADW_IS_ENTRY_ROW (object)
          && g_object_class_find_property (G_OBJECT_GET_CLASS (object), "activates-default"))
        g_object_set (object, "activates-default", TRUE, NULL);
    }
  changed (form);
  g_signal_connect (form->dialog, "response", on_response, form);
  gtk_window_present (GTK_WINDOW (form->dialog));
}

void
td_calendar_event_dialog (GtkWidget *parent, TdDb *db, const TdEvent *event)
{
  static const char *ids[] = { "event_name", "event_kind", "event_calendar", "event_date",
                               "event_year", "event_leap", "event_rule",     NULL };
  Form *form = form_new (parent, db, event ? _ ("Edit Event") : _ ("New Event"),
                         _ ("A commemoration of the province or of a unit. Lunar dates are "
                            "converted for every year."),
                         "event_form");
  g_autofree gchar *date = NULL;
  g_autofree gchar *year = NULL;

  if (event != NULL)
    {
      form->id = event->id;
      date = g_strdup_printf ("%02d/%02d", event->day, event->month);
      year = event->year ? g_strdup_printf ("%d", event->year) : g_strdup ("");
      set_entry_text (form, "event_name", event->name);
      select_combo (form, "event_kind", event->kind);
      select_combo (form, "event_calendar", event->lunar);
      set_entry_text (form, "event_date", date);
      set_entry_text (form, "event_year", year);
      gtk_switch_set_active (GTK_SWITCH (gtk_builder_get_object (form->builder, "event_leap")),
                             event->leap);
      select_combo (form, "event_rule", event->rule);
    }
  else
    select_combo (form, "event_kind", TD_EVENT_LOCAL);
  form_present (form, ids, on_event_form_changed, G_CALLBACK (on_event_response));
}

typedef struct
{
  TdEvent *event;
  TdDeadline *deadline;
  GPtrArray *progress;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_pointer (&undo->event, td_event_free);
  g_clear_pointer (&undo->deadline, td_deadline_free);
  g_clear_pointer (&undo->progress, g_ptr_array_unref);
  g_free (undo);
}

static gboolean
restore (TdDb *db, gpointer data, GError **error)
{
  Undo *undo = data;
  gint64 id;

  if (undo->event != NULL)
    return td_calendar_add_event (db, undo->event, error) != 0;
  id = td_calendar_add_deadline (db, undo->deadline, error);
  for (guint i = 0; id != 0 && undo->progress != NULL && i < undo->progress->len; i++)
    {
      TdMemberProgress *p = g_ptr_array_index (undo->progress, i);

      if (g_date_valid (&p->done))
        td_calendar_set_member_done (db, id, p->unit_id, &p->done, NULL);
    }
  if (id != 0 && g_date_valid (&undo->deadline->done))
    td_calendar_set_deadline_done (db, id, &undo->deadline->done, NULL);
  return id != 0;
}

/* Saving shows no toast (the lists change at once), so that an Undo toast
 * does not wait in the queue behind one.  Toasts are never dismissed or
 * given a high priority here: libadwaita 1.2 frees a toast still being
 * animated when that happens in quick succession. */
static void
toast_undo (GtkWidget *parent, TdDb *db, const char *text, Undo *undo)
{
  td_window_toast (parent, td_undo_toast_new (parent, text, db, restore, undo, undo_free));
}

/* Deleting saves at once; the toast's Undo puts the row back. */
void
td_calendar_delete_event_undoable (GtkWidget *parent, TdDb *db, const TdEvent *event)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *text = NULL;
  Undo *undo;

  if (!td_calendar_delete_event (db, event->id, &error))
    {
      td_window_show_error (parent, _ ("Could not delete the event"), error);
      return;
    }
  text = g_strdup_printf (_ ("Deleted “%s”"), event->name);
  undo = g_new0 (Undo, 1);
  undo->event = td_event_copy (event);
  toast_undo (parent, db, text, undo);
}

void
td_calendar_delete_deadline_undoable (GtkWidget *parent, TdDb *db, gint64 id)
{
  g_autoptr (GError) error = NULL;
  TdDeadline *d = td_calendar_get_deadline (db, id, &error);
  g_autofree gchar *text = NULL;
  Undo *undo;

  if (d == NULL)
    {
      td_window_show_error (parent, _ ("Could not delete the deadline"), error);
      return;
    }
  undo = g_new0 (Undo, 1);
  undo->deadline = d;
  /* The members' progress goes with the deadline (ON DELETE CASCADE). */
  undo->progress = td_calendar_member_progress (db, id, NULL);
  if (!td_calendar_delete_deadline (db, id, &error))
    {
      undo_free (undo);
      td_window_show_error (parent, _ ("Could not delete the deadline"), error);
      return;
    }
  text = g_strdup_printf (_ ("Deleted “%s”"), d->title);
  toast_undo (parent, db, text, undo);
}

/* Deadline dialog ----------------------------------------------------------- */

static gboolean
read_deadline (Form *form, TdDeadline *d, GError **error)
{
  guint unit = combo_selected (form, "deadline_unit");

  g_free (d->title);
  d->title = g_strstrip (g_strdup (entry_text (form, "deadline_title")));
  g_free (d->notes);
  d->notes = g_strstrip (g_strdup (entry_text (form, "deadline_notes")));
  d->bloc_year_id = form->bloc_year_id;
  d->responsible = (TdResponsible)combo_selected (form, "deadline_responsible");
  d->unit_id = d->responsible == TD_RESPONSIBLE_UNIT && unit < form->unit_ids->len
                   ? g_array_index (form->unit_ids, gint64, unit)
                   : 0;
  if (!td_date_parse (entry_text (form, "deadline_due"), TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX,
                      &d->due, error))
    {
      g_prefix_error (error, _ ("Due date: "));
      return FALSE;
    }
  return td_calendar_validate_deadline (d, error);
}

static void
on_deadline_form_changed (Form *form)
{
  g_autoptr (TdDeadline) d = td_deadline_new ();
  g_autoptr (GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (gtk_builder_get_object (form->builder, "deadline_unit")),
                          combo_selected (form, "deadline_responsible") == TD_RESPONSIBLE_UNIT);
  form_message (form, "deadline_message", read_deadline (form, d, &error) ? NULL : error->message);
}

static void
on_deadline_response (AdwMessageDialog *dialog, const char *response, Form *form)
{
  g_autoptr (TdDeadline) d = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (form->id != 0)
    d = td_calendar_get_deadline (form->db, form->id, &error);
  else
    d = td_deadline_new ();
  ok = d != NULL && read_deadline (form, d, &error);
  if (ok)
    ok = form->id ? td_calendar_update_deadline (form->db, d, &error)
                  : td_calendar_add_deadline (form->db, d, &error) != 0;
  if (!ok)
    {
      form_error (form, _ ("Could not save the deadline"), error);
      return;
    }
}

void
td_calendar_deadline_dialog (GtkWidget *parent, TdDb *db, gint64 bloc_year_id, const TdDeadline *d)
{
  static const char *ids[] = { "deadline_title", "deadline_due",   "deadline_responsible",
                               "deadline_unit",  "deadline_notes", NULL };
  Form *form
      = form_new (parent, db, d ? _ ("Edit Deadline") : _ ("New Deadline"), NULL, "deadline_form");
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) members = NULL;
  guint unit_index = 0;

  form->bloc_year_id = d ? d->bloc_year_id : bloc_year_id;
  form->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  members = td_registry_list_members (form->db, form->bloc_year_id, NULL);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      TdMember *m = g_ptr_array_index (members, i);

      gtk_string_list_append (names, m->name);
      g_array_append_val (form->unit_ids, m->unit_id);
      if (d != NULL && d->unit_id == m->unit_id)
        unit_index = i;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (gtk_builder_get_object (form->builder, "deadline_unit")),
                           G_LIST_MODEL (names));
  if (d != NULL)
    {
      g_autofree gchar *due = td_calendar_format_dmy (&d->due);

      form->id = d->id;
      set_entry_text (form, "deadline_title", d->title);
      set_entry_text (form, "deadline_due", due);
      set_entry_text (form, "deadline_notes", d->notes);
      select_combo (form, "deadline_responsible", d->responsible);
      select_combo (form, "deadline_unit", unit_index);
    }
  else
    select_combo (form, "deadline_responsible", TD_RESPONSIBLE_MEMBERS);
  form_present (form, ids, on_deadline_form_changed, G_CALLBACK (on_deadline_response));
}

/* Plan template ------------------------------------------------------------- */

static gboolean
read_plan (Form *form, GError **error)
{
  for (guint i = 0; i < form->plan->len; i++)
    {
      TdDeadline *d = g_ptr_array_index (form->plan, i);
      GtkEditable *title = g_ptr_array_index (form->plan_rows, 2 * i);
      GtkEditable *due = g_ptr_array_index (form->plan_rows, 2 * i + 1);

      g_free (d->title);
      d->title = g_strstrip (g_strdup (gtk_editable_get_text (title)));
      d->bloc_year_id = form->bloc_year_id;
      if (!td_date_parse (gtk_editable_get_text (due), TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, &d->due,
                          error))
        {
          g_prefix_error (error, _ ("Deadline %u, due date: "), i + 1);
          return FALSE;
        }
      if (!td_calendar_validate_deadline (d, error))
        return FALSE;
    }
  return TRUE;
}

static void
on_plan_changed (Form *form)
{
  g_autoptr (GError) error = NULL;
  GtkLabel *label = g_object_get_data (G_OBJECT (form->dialog), "message");

  if (read_plan (form, &error))
    {
      gtk_label_set_text (label, "");
      adw_message_dialog_set_response_enabled (form->dialog, "save", TRUE);
    }
  else
    {
      gtk_label_set_text (label, error->message);
      adw_message_dialog_set_response_enabled (form->dialog, "save", FALSE);
    }
}

static void
on_plan_response (AdwMessageDialog *dialog, const char *response, Form *form)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (!read_plan (form, &error)
      || !td_calendar_apply_plan (form->db, form->bloc_year_id, form->plan, &error))
    {
      form_error (form, _ ("Could not create the deadlines"), error);
      return;
    }
}

void
td_calendar_plan_dialog (GtkWidget *parent, TdDb *db, gint64 by_id, gint year)
{
  g_autofree gchar *heading = NULL;
  g_autoptr (GPtrArray) existing = NULL;
  GtkWidget *box, *groups, *scroller, *message;
  Form *form;

  if (by_id == 0)
    return;
  existing = td_calendar_list_deadlines (db, by_id, NULL);
  heading = g_strdup_printf (_ ("Usual Deadlines of %d"), year);
  form = form_new (parent, db, heading,
                   existing && existing->len
                       ? _ ("Check the titles and dates, then create them. The year already has "
                            "deadlines: these are added to them.")
                       : _ ("Check the titles and dates, then create them."),
                   NULL);
  form->bloc_year_id = by_id;
  form->plan = td_calendar_plan_template (year);
  form->plan_rows = g_ptr_array_new ();
  adw_message_dialog_set_response_label (form->dialog, "save", _ ("C_reate"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  /* One boxed list per deadline, so title and date read as a pair. */
  groups = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (groups, 6);
  gtk_widget_set_margin_end (groups, 6);
  gtk_widget_set_margin_top (groups, 6);
  gtk_widget_set_margin_bottom (groups, 6);
  for (guint i = 0; i < form->plan->len; i++)
    {
      TdDeadline *d = g_ptr_array_index (form->plan, i);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *title = adw_entry_row_new ();
      GtkWidget *due = adw_entry_row_new ();
      g_autofree gchar *due_text = td_calendar_format_dmy (&d->due);
      g_autofree gchar *due_title
          = g_strdup_printf (_ ("Due date · %s"), td_responsible_to_string (d->responsible));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _ ("What must be done"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (due), due_title);
      gtk_editable_set_text (GTK_EDITABLE (title), d->title);
      gtk_editable_set_text (GTK_EDITABLE (due), due_text);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), due);
      gtk_box_append (GTK_BOX (groups), group);
      g_ptr_array_add (form->plan_rows, title);
      g_ptr_array_add (form->plan_rows, due);
      g_signal_connect_swapped (title, "changed", G_CALLBACK (on_plan_changed), form);
      g_signal_connect_swapped (due, "changed", G_CALLBACK (on_plan_changed), form);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), groups);
  gtk_widget_set_size_request (scroller, 480, -1);
  message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "error");
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), message);
  g_object_set_data (G_OBJECT (form->dialog), "message", message);
  adw_message_dialog_set_extra_child (form->dialog, box);
  g_signal_connect (form->dialog, "response", G_CALLBACK (on_plan_response), form);
  gtk_window_present (GTK_WINDOW (form->dialog));
}
