/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Calendar section on the demo database, in Vietnamese under Xvfb: the
 * month view with lunar days, the year list with its anniversaries, the
 * deadlines with their states, validation of a lunar date, and the
 * Overview's next 30 days. */
#include "config.h"

#include "td-calendar-page.h"
#include "td-calendar.h"
#include "td-cli.h"
#include "td-registry.h"
#include "td-demo.h"
#include "td-test-util.h"
#include "td-upcoming-group.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static GDate
dmy (guint d, guint m, guint y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

/* The visible message dialog with @heading (a closed one may linger). */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* A window on a fresh copy of the demo database. */
static TdWindow *
demo_window (gchar **dir_out)
{
  TdWindow *window = td_test_window_open_demo (dir_out);

  td_test_iterate ();
  /* Opening says what is overdue: the demo's 2024 self-scores (8/12) and
   * the year-end meeting due 31/03/2025 are late on any later day. */
  g_assert_nonnull (
      td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "2 thời hạn đã quá hạn"));
  td_test_dismiss_toasts (window);
  return window;
}

typedef struct
{
  GtkWidget *within;
  const char *label;
} ButtonQuery;

static gboolean
button_shown (gpointer data)
{
  ButtonQuery *q = data;

  return td_test_find_widget (q->within, GTK_TYPE_BUTTON, q->label) != NULL;
}

/* The Undo toast's button: a toast waits in the queue while another one is
 * still sliding out, which on a busy machine (or under ASan) takes longer
 * than one turn of the main loop. */
static GtkWidget *
wait_for_button (TdWindow *window, const char *label)
{
  ButtonQuery q = { GTK_WIDGET (window), label };
  GtkWidget *button;

  td_test_wait_until (button_shown, &q, 10000);
  button = td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, label);
  g_assert_nonnull (button);
  return button;
}

static TdCalendarPage *
calendar_page (TdWindow *window)
{
  /* Built on demand: a section is made the first time it is shown. */
  TdSectionPage *page = td_window_get_page (window, "calendar");

  g_assert_nonnull (page);
  return TD_CALENDAR_PAGE (page);
}

/* A row or label whose title/label contains @text. */
static gboolean
contains_text (GtkWidget *root, const char *text)
{
  const char *props[] = { "label", "title", "subtitle", "text" };

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (root), props[i]);

      if (pspec != NULL && pspec->value_type == G_TYPE_STRING)
        {
          g_autofree gchar *value = NULL;

          g_object_get (root, props[i], &value, NULL);
          if (value != NULL && strstr (value, text) != NULL)
            return TRUE;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (contains_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_month_view (void)
{
  g_autofree gchar *dir = NULL;
  TdWindow *window = demo_window (&dir);
  TdCalendarPage *page = calendar_page (window);
  GDate today = dmy (28, 4, 2025), day = dmy (30, 4, 2025);
  g_autofree gchar *shot = NULL;

  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("calendar"));
  g_assert_cmpstr (td_window_get_section (window), ==, "calendar");
  td_calendar_page_set_today (page, &today);
  td_calendar_page_show_date (page, &day);
  td_test_iterate ();

  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Tháng 4 năm 2025"));
  /* 28/4/2025 is 1/4 of the lunar year (the month name on the 1st), and
   * 12/4/2025 is the 15th of lunar month 3. */
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "1/4"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "15"));
  /* The selected day's list says the round anniversary in full. */
  g_assert_true (contains_text (GTK_WIDGET (page),
                                "Kỷ niệm 50 năm Ngày giải phóng hoàn toàn miền Nam thống nhất đất "
                                "nước (30/4/1975 - 30/4/2025)"));
  g_assert_true (contains_text (GTK_WIDGET (page), "Giỗ Tổ Hùng Vương năm Ất Tỵ"));
  shot = td_test_screenshot (GTK_WIDGET (window), "calendar-month.png");

  /* Keyboard and actions: the next month, and back. */
  td_test_activate (GTK_WIDGET (page), "calendar.next-month", NULL);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Tháng 5 năm 2025"));
  g_assert_true (
      contains_text (GTK_WIDGET (page), "Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh"));
  td_test_activate (GTK_WIDGET (page), "calendar.today", NULL);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Tháng 4 năm 2025"));

  /* The month of the province's 50th liberation day, for the README, with
   * a special drive (01/10/2024 – 30/09/2025) as a span. */
  g_assert_true (td_db_exec (td_window_get_database (window),
                             "INSERT INTO campaign (bloc_year_id, name, kind, starts, ends)"
                             " SELECT id, 'Đợt thi đua đặc biệt chào mừng 50 năm giải phóng tỉnh',"
                             " 'special', '2024-10-01', '2025-09-30' FROM bloc_year"
                             " WHERE year = 2024",
                             NULL));
  td_db_notify_changed (td_window_get_database (window), "registry");
  td_test_iterate ();
  day = dmy (23, 3, 2025);
  today = dmy (17, 3, 2025);
  td_calendar_page_set_today (page, &today);
  td_calendar_page_show_date (page, &day);
  g_assert_true (contains_text (
      GTK_WIDGET (page), "Kỷ niệm 50 năm Ngày giải phóng tỉnh Bình Phước (23/3/1975 - 23/3/2025)"));
  g_assert_true (contains_text (GTK_WIDGET (page), "01/10/2024 – 30/09/2025"));
  g_assert_true (gtk_widget_has_css_class (
      gtk_widget_get_parent (gtk_widget_get_parent (
          gtk_widget_get_parent (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "23")))),
      "in-campaign"));
  g_clear_pointer (&shot, g_free);
  shot = td_test_screenshot (GTK_WIDGET (window), "calendar-month-march.png");

  /* A leap month: 25/7/2025 is 1/6 nhuận, written 1/6N. */
  day = dmy (25, 7, 2025);
  td_calendar_page_show_date (page, &day);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "1/6N"));
  g_clear_pointer (&shot, g_free);
  shot = td_test_screenshot (GTK_WIDGET (window), "calendar-month-leap.png");
  td_test_destroy_window (window);
}

static void
test_year_list (void)
{
  g_autofree gchar *dir = NULL;
  TdWindow *window = demo_window (&dir);
  TdCalendarPage *page = calendar_page (window);
  GDate day = dmy (1, 1, 2025);
  g_autofree gchar *shot = NULL;

  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("calendar"));
  td_calendar_page_show_date (page, &day);
  td_test_activate (GTK_WIDGET (page), "calendar.show-view", g_variant_new_string ("year"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                         "Các ngày lễ lớn và sự kiện năm 2025"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "Tháng 3"));
  g_assert_true (contains_text (GTK_WIDGET (page), "Tết Nguyên đán Ất Tỵ"));
  g_assert_true (contains_text (
      GTK_WIDGET (page), "Kỷ niệm 50 năm Ngày giải phóng tỉnh Bình Phước (23/3/1975 - 23/3/2025)"));
  g_assert_true (contains_text (GTK_WIDGET (page), "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản "
                                                   "Việt Nam (03/02/1930 - 03/02/2025)"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "năm tròn"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "năm lẻ 5"));
  shot = td_test_screenshot (GTK_WIDGET (window), "calendar-year.png");

  /* 2024 the year before: Điện Biên Phủ's 70th. */
  td_test_activate (GTK_WIDGET (page), "calendar.previous-month", NULL);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                         "Các ngày lễ lớn và sự kiện năm 2024"));
  g_assert_true (contains_text (GTK_WIDGET (page), "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ "
                                                   "(07/5/1954 - 07/5/2024)"));
  g_assert_true (contains_text (GTK_WIDGET (page), "Kỷ niệm 20 năm Ngày thành lập Sở Thông tin và "
                                                   "Truyền thông (01/7/2004 - 01/7/2024)"));
  /* 2025's months are gone, not left below 2024's. */
  g_assert_false (contains_text (
      GTK_WIDGET (page), "Kỷ niệm 50 năm Ngày giải phóng tỉnh Bình Phước (23/3/1975 - 23/3/2025)"));
  td_test_destroy_window (window);
}

static void
test_deadlines (void)
{
  g_autofree gchar *dir = NULL;
  TdWindow *window = demo_window (&dir);
  TdCalendarPage *page = calendar_page (window);
  GDate today = dmy (10, 1, 2025), day = dmy (10, 1, 2025);
  g_autofree gchar *shot = NULL;
  GtkWidget *row;

  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("calendar"));
  td_calendar_page_set_today (page, &today);
  td_calendar_page_show_date (page, &day);
  td_test_activate (GTK_WIDGET (page), "calendar.show-view", g_variant_new_string ("deadlines"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                         "Thời hạn của Khối Thi đua số 6 năm 2024"));
  row = td_test_find_widget (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW,
                             "Gửi báo cáo tổng kết và tự chấm điểm thi đua năm 2024");
  g_assert_nonnull (row);
  g_assert_true (contains_text (row, "8/12 đơn vị đã gửi"));
  g_assert_true (contains_text (row, "Quá hạn"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_true (contains_text (GTK_WIDGET (page), "Hội nghị tổng kết công tác thi đua năm 2024"));
  shot = td_test_screenshot (GTK_WIDGET (window), "calendar-deadlines.png");

  /* Ticking the year-end meeting marks it done (saved at once). */
  {
    GtkWidget *meeting = td_test_find_widget (
        GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
        "Hội nghị tổng kết công tác thi đua năm 2024 tại đơn vị Khối trưởng");
    GtkWidget *check = td_test_find_widget (meeting, GTK_TYPE_CHECK_BUTTON, NULL);
    guint n_overdue, n_soon;

    g_assert_nonnull (check);
    g_assert_true (contains_text (meeting, "Hạn 31/03/2025"));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    td_test_iterate ();
    today = dmy (1, 4, 2025);
    td_calendar_count_urgent (td_window_get_database (window), 0, &today, &n_overdue, &n_soon);
    g_assert_cmpuint (n_overdue, ==, 1); /* only the self-scores remain */
  }
  td_test_destroy_window (window);
}

static void
test_event_validation (void)
{
  g_autofree gchar *dir = NULL;
  TdWindow *window = demo_window (&dir);
  TdCalendarPage *page = calendar_page (window);
  AdwMessageDialog *dialog;
  GtkWidget *form;
  g_autofree gchar *shot = NULL;

  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("calendar"));
  td_test_activate (GTK_WIDGET (page), "calendar.add-event", NULL);
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  form = adw_message_dialog_get_extra_child (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));

  gtk_editable_set_text (GTK_EDITABLE (td_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "Tên")),
                         "Tất niên của Khối");
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (td_test_find_widget (form, ADW_TYPE_COMBO_ROW, "Lịch")), 1);
  gtk_editable_set_text (
      GTK_EDITABLE (td_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "Ngày và tháng (dd/mm)")),
      "30/12");
  gtk_editable_set_text (GTK_EDITABLE (td_test_find_widget (
                             form, ADW_TYPE_ENTRY_ROW, "Năm của sự kiện gốc (có thể để trống)")),
                         "2024");
  td_test_iterate ();
  /* Tháng Chạp of Giáp Thìn has 29 days: refused, and explained. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_true (contains_text (form, "chỉ có 29 ngày"));
  g_assert_true (contains_text (form, "Giáp Thìn"));
  shot = td_test_screenshot (GTK_WIDGET (dialog), "calendar-event-refused.png");

  gtk_editable_set_text (
      GTK_EDITABLE (td_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "Ngày và tháng (dd/mm)")),
      "29/12");
  td_test_iterate ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  td_test_iterate ();
  {
    g_autoptr (GPtrArray) events = td_calendar_list_events (td_window_get_database (window), NULL);
    gboolean found = FALSE;

    gint64 id = 0;

    for (guint i = 0; i < events->len; i++)
      if (g_strcmp0 (((TdEvent *)events->pdata[i])->name, "Tất niên của Khối") == 0)
        {
          found = TRUE;
          id = ((TdEvent *)events->pdata[i])->id;
        }
    g_assert_true (found);

    /* Edit: the form comes back filled in. */
    td_test_activate (GTK_WIDGET (page), "calendar.edit-event", g_variant_new_int64 (id));
    dialog = find_dialog ("Sửa sự kiện");
    g_assert_nonnull (dialog);
    form = adw_message_dialog_get_extra_child (dialog);
    g_assert_true (contains_text (form, "29/12"));
    g_assert_true (contains_text (form, "Âm lịch"));
    gtk_editable_set_text (
        GTK_EDITABLE (td_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "Ngày và tháng (dd/mm)")),
        "28/12");
    td_test_iterate ();
    adw_message_dialog_response (dialog, "save");
    td_test_iterate ();
    g_clear_pointer (&events, g_ptr_array_unref);
    events = td_calendar_list_events (td_window_get_database (window), NULL);
    for (guint i = 0; i < events->len; i++)
      if (((TdEvent *)events->pdata[i])->id == id)
        g_assert_cmpint (((TdEvent *)events->pdata[i])->day, ==, 28);

    /* Delete, then Undo. */
    td_test_activate (GTK_WIDGET (page), "calendar.delete-event", g_variant_new_int64 (id));
    g_clear_pointer (&events, g_ptr_array_unref);
    events = td_calendar_list_events (td_window_get_database (window), NULL);
    g_assert_cmpuint (events->len, ==, 3);
    g_signal_emit_by_name (wait_for_button (window, "_Hoàn tác"), "clicked");
    td_test_iterate ();
    g_clear_pointer (&events, g_ptr_array_unref);
    events = td_calendar_list_events (td_window_get_database (window), NULL);
    g_assert_cmpuint (events->len, ==, 4);
  }
  td_test_destroy_window (window);
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static void
test_overview_upcoming (void)
{
  g_autofree gchar *dir = NULL;
  TdWindow *window = demo_window (&dir);
  GtkWidget *group;
  GDate today = dmy (15, 3, 2025);
  g_autofree gchar *shot = NULL;

  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("overview"));
  group = td_test_find_widget (GTK_WIDGET (window), TD_TYPE_UPCOMING_GROUP, NULL);
  g_assert_nonnull (group);
  td_upcoming_group_set_today (TD_UPCOMING_GROUP (group), &today);
  td_test_iterate ();
  /* Overdue first: the self-scores (8/12) of 30/12/2024; then 23/3/2025's
   * 50th anniversary and the year-end meeting due 31/3. */
  g_assert_true (contains_text (group, "Gửi báo cáo tổng kết và tự chấm điểm thi đua năm 2024"));
  g_assert_true (contains_text (
      group, "Kỷ niệm 50 năm Ngày giải phóng tỉnh Bình Phước (23/3/1975 - 23/3/2025)"));
  g_assert_true (contains_text (group, "Hội nghị tổng kết công tác thi đua năm 2024"));
  {
    GtkWidget *first = td_test_find_widget (group, ADW_TYPE_ACTION_ROW, NULL);
    g_autofree gchar *title = NULL;

    g_object_get (first, "title", &title, NULL);
    g_assert_cmpstr (title, ==, "Gửi báo cáo tổng kết và tự chấm điểm thi đua năm 2024");
  }
  shot = td_test_screenshot (GTK_WIDGET (window), "overview-upcoming.png");

  /* A deadline added while another section shows is listed as soon as the
   * Overview is shown again. */
  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("scores"));
  td_test_wait_until (is_unmapped, group, 2000);
  {
    g_autoptr (GError) error = NULL;
    TdDeadline *deadline = td_deadline_new ();

    deadline->bloc_year_id = td_window_get_bloc_year_id (window);
    deadline->title = g_strdup ("Nộp hồ sơ đề nghị Cờ thi đua của Chính phủ");
    deadline->due = dmy (20, 3, 2025);
    deadline->responsible = TD_RESPONSIBLE_HEAD;
    g_assert_cmpint (td_calendar_add_deadline (td_window_get_database (window), deadline, &error),
                     >, 0);
    g_assert_no_error (error);
    td_deadline_free (deadline);
  }
  td_test_iterate ();
  /* Hidden, the Overview waits: nothing is read for it meanwhile. */
  g_assert_false (contains_text (group, "Nộp hồ sơ đề nghị Cờ thi đua của Chính phủ"));
  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("overview"));
  td_test_iterate ();
  g_assert_true (contains_text (group, "Nộp hồ sơ đề nghị Cờ thi đua của Chính phủ"));
  td_test_destroy_window (window);
}

static void
test_plan_template_dialog (void)
{
  g_autofree gchar *dir = NULL;
  TdWindow *window = demo_window (&dir);
  TdCalendarPage *page = calendar_page (window);
  TdDb *db = td_window_get_database (window);
  GDate day = dmy (1, 6, 2023);
  AdwMessageDialog *dialog;
  GtkWidget *form, *due;
  g_autofree gchar *shot = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  gint64 by_2023;

  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("calendar"));
  /* The header's bloc and year selector decides whose deadlines show. */
  td_window_set_bloc_year_id (window, td_registry_find_bloc_year (db, 1, 2023, NULL));
  td_calendar_page_show_date (page, &day);
  td_test_activate (GTK_WIDGET (page), "calendar.show-view", g_variant_new_string ("deadlines"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                         "Thời hạn của Khối Thi đua số 6 năm 2023"));
  td_test_activate (GTK_WIDGET (page), "calendar.plan-template", NULL);
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Các thời hạn thường lệ năm 2023");
  form = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (contains_text (form, "Gửi báo cáo tổng kết và tự chấm điểm thi đua năm 2023"));
  shot = td_test_screenshot (GTK_WIDGET (dialog), "calendar-plan-template.png");

  /* Edited before it is applied: a wrong date is refused, then the
   * sports day moves to 15/8. */
  due = td_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "Ngày hạn · Khối trưởng");
  g_assert_nonnull (due);
  gtk_editable_set_text (GTK_EDITABLE (due), "32/8/2023");
  td_test_iterate ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_true (contains_text (form, "Thời hạn 3"));
  gtk_editable_set_text (GTK_EDITABLE (due), "15/08/2023");
  td_test_iterate ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  td_test_iterate ();

  by_2023 = td_registry_find_bloc_year (db, 1, 2023, NULL);
  deadlines = td_calendar_list_deadlines (db, by_2023, NULL);
  g_assert_cmpuint (deadlines->len, ==, 5);
  g_assert_cmpuint (g_date_get_day (&((TdDeadline *)deadlines->pdata[2])->due), ==, 15);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                         "Tổ chức Hội thao Khối thi đua năm 2023"));

  /* Deleting offers Undo. */
  td_test_activate (GTK_WIDGET (page), "calendar.delete-deadline",
                    g_variant_new_int64 (((TdDeadline *)deadlines->pdata[2])->id));
  td_test_iterate ();
  g_clear_pointer (&deadlines, g_ptr_array_unref);
  deadlines = td_calendar_list_deadlines (db, by_2023, NULL);
  g_assert_cmpuint (deadlines->len, ==, 4);
  {
    g_signal_emit_by_name (wait_for_button (window, "_Hoàn tác"), "clicked");
    td_test_iterate ();
  }
  g_clear_pointer (&deadlines, g_ptr_array_unref);
  deadlines = td_calendar_list_deadlines (db, by_2023, NULL);
  g_assert_cmpuint (deadlines->len, ==, 5);
  g_assert_cmpuint (g_date_get_day (&((TdDeadline *)deadlines->pdata[2])->due), ==, 15);
  td_test_destroy_window (window);
}

/* The command prints its report on stdout, where the test speaks TAP. */
static int
run_quietly (int argc, char **argv)
{
  int saved = dup (STDOUT_FILENO);
  int null = open ("/dev/null", O_WRONLY);
  int rc;

  fflush (stdout);
  dup2 (null, STDOUT_FILENO);
  rc = td_cli_run (argc, argv);
  fflush (stdout);
  dup2 (saved, STDOUT_FILENO);
  close (null);
  close (saved);
  return rc;
}

/* "thidua ics" needs no window: run it as the command line does. */
static void
test_ics_command (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *db_path = g_build_filename (dir, "demo.db", NULL);
  g_autofree gchar *ics = g_build_filename (dir, "lich-2024.ics", NULL);
  g_autoptr (TdDb) db = td_demo_create (db_path, &error);
  g_autofree gchar *text = NULL;
  char *ok_args[] = { (char *)"thidua",
                      (char *)"ics",
                      db_path,
                      (char *)"--year",
                      (char *)"2024",
                      (char *)"--bloc",
                      (char *)"Khối Thi đua số 6",
                      (char *)"--output",
                      ics,
                      NULL };
  char *again[] = { (char *)"thidua", (char *)"ics",      db_path, (char *)"--year",
                    (char *)"2024",   (char *)"--output", ics,     NULL };
  char *bad_bloc[] = { (char *)"thidua",
                       (char *)"ics",
                       db_path,
                       (char *)"--year",
                       (char *)"2024",
                       (char *)"--bloc",
                       (char *)"99",
                       (char *)"--output",
                       ics,
                       (char *)"--force",
                       NULL };
  char *range[] = { (char *)"thidua",
                    (char *)"ics",
                    db_path,
                    (char *)"--from",
                    (char *)"01/12/2024",
                    (char *)"--to",
                    (char *)"31/3/2025",
                    (char *)"--output",
                    ics,
                    (char *)"--force",
                    NULL };

  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_true (td_cli_is_command ("ics"));
  g_assert_cmpint (run_quietly (G_N_ELEMENTS (ok_args) - 1, ok_args), ==, 0);
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (text, "SUMMARY:Tết Nguyên đán Giáp Thìn"));
  g_assert_nonnull (strstr (text, "RRULE:FREQ=YEARLY"));
  /* An existing file is kept without --force; an unknown bloc is refused. */
  g_assert_cmpint (run_quietly (G_N_ELEMENTS (again) - 1, again), ==, 1);
  g_assert_cmpint (run_quietly (G_N_ELEMENTS (bad_bloc) - 1, bad_bloc), ==, 1);
  g_assert_cmpint (run_quietly (G_N_ELEMENTS (range) - 1, range), ==, 0);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "SUMMARY:Tết Nguyên đán Ất Tỵ"));
  g_assert_null (strstr (text, "Giáp Thìn"));
}

/* The header's bloc-year brings the calendar to its year, in the month and
 * year views (it opened on today's month of 2026 under a header of 2024). */
static void
test_follows_bloc_year (void)
{
  g_autofree gchar *dir = NULL;
  TdWindow *window = demo_window (&dir);
  TdCalendarPage *page = calendar_page (window);
  TdDb *db = td_window_get_database (window);
  GDate today = dmy (6, 12, 2026);

  td_window_set_bloc_year_id (window, td_registry_find_bloc_year (db, 1, 2023, NULL));
  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("calendar"));
  td_calendar_page_set_today (page, &today);
  td_test_iterate ();
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Tháng 12 năm 2023"));
  td_window_set_bloc_year_id (window, td_registry_find_bloc_year (db, 1, 2024, NULL));
  td_test_iterate ();
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Tháng 12 năm 2024"));
  g_assert_true (contains_text (GTK_WIDGET (page), "Trong tháng 12 năm 2024"));
  /* Moving on is the clerk's choice: a later reload keeps the month. */
  {
    GDate may = dmy (1, 5, 2024);

    td_calendar_page_show_date (page, &may);
    td_db_notify_changed (db, "calendar");
    td_test_iterate ();
    g_assert_nonnull (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Tháng 5 năm 2024"));
  }
  td_test_destroy_window (window);
}

/* A new deadline's form says nothing in red before anything is typed (Save
 * is only disabled), and Enter in its fields saves. */
static void
test_deadline_form_quiet_until_typed (void)
{
  g_autofree gchar *dir = NULL;
  TdWindow *window = demo_window (&dir);
  TdCalendarPage *page = calendar_page (window);
  AdwMessageDialog *dialog;
  g_autoptr (GPtrArray) labels = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gboolean red = FALSE;

  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("calendar"));
  td_test_activate (GTK_WIDGET (page), "calendar.add-deadline", NULL);
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  labels = td_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    red |= gtk_widget_has_css_class (g_ptr_array_index (labels, i), "error")
           && *gtk_label_get_text (g_ptr_array_index (labels, i)) != '\0';
  g_assert_false (red);
  rows = td_test_collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      gboolean activates = FALSE;

      g_object_get (g_ptr_array_index (rows, i), "activates-default", &activates, NULL);
      g_assert_true (activates);
    }
  /* Typed wrong, it says why. */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 1)), "32/13");
  td_test_iterate ();
  for (guint i = 0; i < labels->len; i++)
    red |= gtk_widget_has_css_class (g_ptr_array_index (labels, i), "error")
           && *gtk_label_get_text (g_ptr_array_index (labels, i)) != '\0';
  g_assert_true (red);
  td_test_close_toplevels_except (GTK_WINDOW (window));
  td_test_destroy_window (window);
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv);
  g_test_add_func ("/calendar-page/month-view", test_month_view);
  g_test_add_func ("/calendar-page/follows-bloc-year", test_follows_bloc_year);
  g_test_add_func ("/calendar-page/deadline-form-quiet-until-typed",
                   test_deadline_form_quiet_until_typed);
  g_test_add_func ("/calendar-page/year-list", test_year_list);
  g_test_add_func ("/calendar-page/deadlines", test_deadlines);
  g_test_add_func ("/calendar-page/event-validation", test_event_validation);
  g_test_add_func ("/calendar-page/overview-upcoming", test_overview_upcoming);
  g_test_add_func ("/calendar-page/plan-template-dialog", test_plan_template_dialog);
  g_test_add_func ("/calendar-page/ics-command", test_ics_command);
  return g_test_run ();
}
