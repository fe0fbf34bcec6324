/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "Units & blocs" and "Campaigns" sections in the real window, in
 * Vietnamese: a bloc from nothing, units added through the form with
 * Enter, a validation message at the field, remove and Undo, the bloc and
 * year selector, search, and screenshots to look at. */
#include "config.h"

#include "td-backup.h"
#include "td-bloc-selector.h"
#include "td-campaign-dialog.h"
#include "td-campaigns-page.h"
#include "td-import-dialog.h"
#include "td-unit-import.h"
#include "td-registry.h"
#include "td-campaign.h"
#include "td-test-tmp.h"
#include "td-test-util.h"
#include "td-unit-dialog.h"
#include "td-unit-item.h"
#include "td-units-page.h"

#include <string.h>

static TdUnitsPage *
units_page (TdWindow *window)
{
  /* Built on demand: a section is made the first time it is shown. */
  TdSectionPage *page = td_window_get_page (window, "units");

  g_assert_nonnull (page);
  return TD_UNITS_PAGE (page);
}

static guint
n_rows (TdUnitsPage *page)
{
  return g_list_model_get_n_items (td_units_page_get_model (page));
}

static const char *
row_name (TdUnitsPage *page, guint i)
{
  g_autoptr (TdUnitItem) item = g_list_model_get_item (td_units_page_get_model (page), i);

  /* The item lives on in the store. */
  return td_unit_item_get_name (item);
}

static const char *
visible_state (TdUnitsPage *page)
{
  GtkStack *stack = GTK_STACK (adw_bin_get_child (ADW_BIN (page)));

  return gtk_stack_get_visible_child_name (stack);
}

static GtkWidget *
entry_row (GtkWidget *root, const char *title)
{
  GtkWidget *row = td_test_find_widget (root, ADW_TYPE_ENTRY_ROW, title);

  if (row == NULL)
    g_error ("no entry row “%s”", title);
  return row;
}

/* Types into a row and presses Enter there, as the keyboard would. */
static void
type_and_enter (GtkWidget *root, const char *title, const char *text)
{
  GtkWidget *row = entry_row (root, title);
  GtkWidget *inner = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_assert_nonnull (inner);
  gtk_widget_grab_focus (inner);
  /* What the Enter key binding of GtkText emits. */
  g_signal_emit_by_name (inner, "activate");
  td_test_iterate ();
}

/* As a click on the dialog's button: respond, then close. */
static void
respond (GtkWindow *dialog, const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  td_test_iterate ();
}

static void
dump_labels (GtkWidget *root)
{
  if (GTK_IS_LABEL (root))
    g_printerr ("label: %s (%d)\n", gtk_label_get_text (GTK_LABEL (root)),
                gtk_widget_get_visible (root));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    dump_labels (c);
}

/* Runs the page's keyboard shortcut for @accel ("<Control>n", "Delete"…)
 * the way a key press would: through the shortcut controller that holds
 * the page's key bindings. */
static void
press_shortcut (GtkWidget *widget, const char *accel)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree gchar *trigger
              = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accel) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              td_test_iterate ();
              return;
            }
        }
    }
  g_error ("no shortcut %s on %s", accel, G_OBJECT_TYPE_NAME (widget));
}

static void
add_unit_with_form (TdWindow *window, const char *name, const char *short_name)
{
  GtkWindow *dialog;

  press_shortcut (GTK_WIDGET (units_page (window)), "<Control>n");
  dialog = td_test_find_toplevel (TD_TYPE_UNIT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), "Tên viết tắt")),
                         short_name);
  type_and_enter (GTK_WIDGET (dialog), "Tên đầy đủ", name);
  g_assert_null (td_test_find_toplevel (TD_TYPE_UNIT_DIALOG));
}

/* TRUE when a label shown under @root starts with @prefix. */
static gboolean
has_visible_label_prefix (GtkWidget *root, const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child)
          && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return TRUE;
      if (has_visible_label_prefix (child, prefix))
        return TRUE;
    }
  return FALSE;
}

static void
test_bloc_from_nothing (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *path = g_build_filename (dir, "Khoi-6.db", NULL);
  TdWindow *window = td_test_window_new ();
  TdUnitsPage *page = units_page (window);
  GtkWindow *dialog;
  GtkWidget *error_label, *undo;
  g_autofree gchar *shot = NULL;
  gint64 first_year;

  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP));
  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("units"));
  g_assert_cmpstr (visible_state (page), ==, "no-bloc");
  g_assert_cmpint (td_window_get_bloc_year_id (window), ==, 0);
  shot = td_test_screenshot (GTK_WIDGET (window), "units-no-bloc.png");
  g_clear_pointer (&shot, g_free);

  /* New bloc: the form refuses an empty name, then creates bloc and year. */
  td_test_activate (GTK_WIDGET (page), "units.new-bloc", NULL);
  dialog = td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), "Tên khối")),
                         "Khối Thi đua số 6");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  respond (dialog, "create");
  first_year = td_window_get_bloc_year_id (window);
  g_assert_cmpint (first_year, >, 0);
  g_assert_cmpstr (visible_state (page), ==, "empty");

  /* Empty name: the message is shown at the field, nothing is saved. */
  td_test_activate (GTK_WIDGET (page), "units.add", NULL);
  dialog = td_test_find_toplevel (TD_TYPE_UNIT_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), "Tên viết tắt")), "SYT");
  type_and_enter (GTK_WIDGET (dialog), "Tên đầy đủ", "   ");
  g_assert_true (td_test_find_toplevel (TD_TYPE_UNIT_DIALOG) == dialog);
  error_label = td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                     "Tên đơn vị: hãy nhập tên, không được để trống.");
  if (error_label == NULL)
    dump_labels (GTK_WIDGET (dialog));
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (entry_row (GTK_WIDGET (dialog), "Tên đầy đủ"), "error"));
  shot = td_test_screenshot (GTK_WIDGET (dialog), "units-form-empty-name.png");
  g_clear_pointer (&shot, g_free);
  /* What was typed is still there; fix the name and press Enter. */
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), "Tên viết tắt"))), ==,
      "SYT");
  type_and_enter (GTK_WIDGET (dialog), "Tên đầy đủ", "Sở Y tế");
  g_assert_null (td_test_find_toplevel (TD_TYPE_UNIT_DIALOG));
  g_assert_cmpstr (visible_state (page), ==, "list");

  add_unit_with_form (window, "Sở Nội vụ", "SNV");
  add_unit_with_form (window, "Đài Phát thanh - Truyền hình", "PTTH");
  add_unit_with_form (window, "Ban Dân tộc tỉnh", "BDT");
  g_assert_cmpuint (n_rows (page), ==, 4);
  /* Vietnamese order: B, Đ, N… S. */
  g_assert_cmpstr (row_name (page, 0), ==, "Ban Dân tộc tỉnh");
  g_assert_cmpstr (row_name (page, 1), ==, "Đài Phát thanh - Truyền hình");
  g_assert_cmpstr (row_name (page, 2), ==, "Sở Nội vụ");

  /* A duplicate, spelled without diacritics, is refused at the field. */
  td_test_activate (GTK_WIDGET (page), "units.add", NULL);
  dialog = td_test_find_toplevel (TD_TYPE_UNIT_DIALOG);
  type_and_enter (GTK_WIDGET (dialog), "Tên đầy đủ", "so noi vu");
  g_assert_true (td_test_find_toplevel (TD_TYPE_UNIT_DIALOG) == dialog);
  g_assert_cmpuint (n_rows (page), ==, 4);
  gtk_window_destroy (dialog);
  td_test_iterate ();

  /* A founding date that is no date is refused at its field, saying so. */
  td_test_activate (GTK_WIDGET (page), "units.add", NULL);
  dialog = td_test_find_toplevel (TD_TYPE_UNIT_DIALOG);
  gtk_editable_set_text (
      GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), "Ngày thành lập (dd/mm/yyyy)")), "31/02/2020");
  type_and_enter (GTK_WIDGET (dialog), "Tên đầy đủ", "Sở Tư pháp");
  g_assert_true (td_test_find_toplevel (TD_TYPE_UNIT_DIALOG) == dialog);
  g_assert_cmpuint (n_rows (page), ==, 4);
  g_assert_true (gtk_widget_has_css_class (
      entry_row (GTK_WIDGET (dialog), "Ngày thành lập (dd/mm/yyyy)"), "error"));
  g_assert_true (has_visible_label_prefix (GTK_WIDGET (dialog), "Ngày thành lập: "));
  gtk_window_destroy (dialog);
  td_test_iterate ();

  /* Ctrl+F goes to the search; the search folds case and diacritics. */
  press_shortcut (GTK_WIDGET (page), "<Control>f");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (
      GTK_EDITABLE (td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL))))));
  td_units_page_set_search (page, "dai phat");
  g_assert_cmpuint (n_rows (page), ==, 1);
  td_units_page_set_search (page, "");
  g_assert_cmpuint (n_rows (page), ==, 4);

  /* Delete removes from the bloc; Undo brings it back. */
  g_assert_true (td_units_page_select_unit (page, 2));
  g_assert_cmpstr (row_name (page, 2), ==, "Sở Nội vụ");
  press_shortcut (GTK_WIDGET (page), "Delete");
  g_assert_cmpuint (n_rows (page), ==, 3);
  td_test_wait_drawn (GTK_WIDGET (window));
  undo = td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Hoàn tác");
  g_assert_nonnull (undo);
  shot = td_test_screenshot (GTK_WIDGET (window), "units-removed-undo.png");
  g_clear_pointer (&shot, g_free);
  /* "clicked" at once; activating a button waits for its press animation. */
  g_signal_emit_by_name (undo, "clicked");
  td_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 4);
  g_assert_cmpstr (row_name (page, 2), ==, "Sở Nội vụ");

  /* Ctrl+Z does what the toast's Undo does, once. */
  g_assert_true (td_units_page_select_unit (page, 2));
  press_shortcut (GTK_WIDGET (page), "Delete");
  g_assert_cmpuint (n_rows (page), ==, 3);
  press_shortcut (GTK_WIDGET (page), "<Control>z");
  td_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 4);
  g_assert_cmpstr (row_name (page, 2), ==, "Sở Nội vụ");
  press_shortcut (GTK_WIDGET (page), "<Control>z");
  td_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 4);

  /* A new year from the previous one, then back to the first year with
   * the header-bar selector. */
  td_test_activate (GTK_WIDGET (page), "units.new-year", NULL);
  dialog = td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  respond (dialog, "start");
  g_assert_cmpint (td_window_get_bloc_year_id (window), !=, first_year);
  g_assert_cmpuint (n_rows (page), ==, 4);
  {
    GtkWidget *selector = td_test_find_widget (GTK_WIDGET (window), TD_TYPE_BLOC_SELECTOR, NULL);
    GtkWidget *years;
    GtkWidget *blocs;

    g_assert_nonnull (selector);
    g_assert_true (gtk_widget_get_visible (selector));
    blocs = gtk_widget_get_first_child (selector);
    years = gtk_widget_get_last_child (selector);
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (blocs)), ==, 0);
    /* Newest first: position 1 is the first year. */
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (years)), ==, 0);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (years), 1);
    td_test_iterate ();
    g_assert_cmpint (td_window_get_bloc_year_id (window), ==, first_year);
  }

  /* Rename from the next year on: this year keeps the old name. */
  {
    g_autoptr (TdBlocYear) by
        = td_registry_get_bloc_year (td_window_get_database (window), first_year, NULL);
    g_autofree gchar *date = g_strdup_printf ("01/01/%d", by->year + 1);
    GtkWidget *selector = td_test_find_widget (GTK_WIDGET (window), TD_TYPE_BLOC_SELECTOR, NULL);

    g_assert_true (td_units_page_select_unit (page, 2));
    td_test_activate (GTK_WIDGET (page), "units.rename", NULL);
    dialog = td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    gtk_editable_set_text (
        GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), "Ngày hiệu lực (dd/mm/yyyy)")), "31/02/2020");
    g_assert_false (
        adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename"));
    g_assert_nonnull (td_test_find_widget (
        GTK_WIDGET (dialog), GTK_TYPE_LABEL,
        "Ngày hiệu lực: hãy nhập ngày theo dạng dd/mm/yyyy, trong các năm từ 2000 đến 2100."));
    gtk_editable_set_text (
        GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), "Ngày hiệu lực (dd/mm/yyyy)")), date);
    gtk_editable_set_text (GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), "Tên mới")),
                           "Sở Nội vụ (tên mới)");
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename"));
    respond (dialog, "rename");
    g_assert_cmpstr (row_name (page, 2), ==, "Sở Nội vụ");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_last_child (selector)), 0);
    td_test_iterate ();
    g_assert_cmpstr (row_name (page, 2), ==, "Sở Nội vụ (tên mới)");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_last_child (selector)), 1);
    td_test_iterate ();
    g_assert_cmpint (td_window_get_bloc_year_id (window), ==, first_year);
  }

  /* A campaign that ends before it starts is refused at the field. */
  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("campaigns"));
  {
    GtkWidget *campaigns = td_test_find_widget (GTK_WIDGET (window), TD_TYPE_CAMPAIGNS_PAGE, NULL);
    GtkWidget *label;

    td_test_activate (campaigns, "campaigns.add", NULL);
    dialog = td_test_find_toplevel (TD_TYPE_CAMPAIGN_DIALOG);
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), "Tên")),
                           "Đợt thi đua cao điểm");
    /* A two-digit year is not the year 54: refused, saying what is wrong. */
    gtk_editable_set_text (
        GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), "Ngày bắt đầu (dd/mm/yyyy)")), "07/5/54");
    type_and_enter (GTK_WIDGET (dialog), "Ngày kết thúc (dd/mm/yyyy)", "31/08/2024");
    g_assert_true (td_test_find_toplevel (TD_TYPE_CAMPAIGN_DIALOG) == dialog);
    label = td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                 "Ngày bắt đầu: “07/5/54”: hãy ghi đủ bốn chữ số của năm, từ 1900 "
                                 "đến 2100.");
    g_assert_nonnull (label);
    g_assert_true (gtk_widget_get_visible (label));
    shot = td_test_screenshot (GTK_WIDGET (dialog), "campaign-form-two-digit-year.png");
    g_clear_pointer (&shot, g_free);
    gtk_editable_set_text (
        GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), "Ngày bắt đầu (dd/mm/yyyy)")), "01/09/2024");
    type_and_enter (GTK_WIDGET (dialog), "Ngày kết thúc (dd/mm/yyyy)", "31/08/2024");
    g_assert_true (td_test_find_toplevel (TD_TYPE_CAMPAIGN_DIALOG) == dialog);
    label = td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                 "Ngày kết thúc: 31/08/2024 trước ngày bắt đầu 01/09/2024; phong "
                                 "trào phải kết thúc vào hoặc sau ngày bắt đầu.");
    g_assert_nonnull (label);
    g_assert_true (gtk_widget_get_visible (label));
    shot = td_test_screenshot (GTK_WIDGET (dialog), "campaign-form-ends-before-starts.png");
    g_clear_pointer (&shot, g_free);
    type_and_enter (GTK_WIDGET (dialog), "Ngày kết thúc (dd/mm/yyyy)", "30/09/2024");
    g_assert_null (td_test_find_toplevel (TD_TYPE_CAMPAIGN_DIALOG));
    g_assert_cmpint (td_campaigns_page_get_campaign_id (TD_CAMPAIGNS_PAGE (campaigns)), >, 0);
  }

  /* The choice is remembered and restored when the database opens again. */
  td_test_activate (GTK_WIDGET (window), "win.close-database", NULL);
  g_assert_cmpint (td_window_get_bloc_year_id (window), ==, 0);
  if (!td_window_open_path (window, path, TD_DB_OPEN_NO_BACKUP))
    {
      GtkWindow *e;
      td_test_iterate ();
      e = td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      g_error ("reopen: %s", e ? adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (e)) : "?");
    }
  g_assert_cmpint (td_window_get_bloc_year_id (window), ==, first_year);
  g_assert_cmpuint (n_rows (page), ==, 4);

  td_test_destroy_window (window);
}

static void
test_demo_sections (void)
{
  TdWindow *window = td_test_window_new ();
  TdUnitsPage *page = units_page (window);
  GtkWidget *all;
  g_autofree gchar *shot = NULL;

  td_test_activate (GTK_WIDGET (window), "app.open-demo", NULL);
  td_test_dismiss_toasts (window);
  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("units"));
  g_assert_cmpuint (n_rows (page), ==, 12);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Khối trưởng"));
  shot = td_test_screenshot (GTK_WIDGET (window), "units-demo.png");
  g_clear_pointer (&shot, g_free);

  td_units_page_set_search (page, "so y te");
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (row_name (page, 0), ==, "Sở Y tế");
  /* The selected first unit is filtered out: nothing is selected rather
   * than the one row left (no autoselect). */
  g_assert_cmpint (td_units_page_get_selected_unit (page), ==, 0);
  td_units_page_set_search (page, "");

  all = td_test_find_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, "Mọi đơn vị");
  g_assert_nonnull (all);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (all), TRUE);
  td_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 12);
  shot = td_test_screenshot (GTK_WIDGET (window), "units-all.png");
  g_clear_pointer (&shot, g_free);

  /* In the list of all units, Delete deletes the unit, with Undo. */
  g_assert_true (td_units_page_select_unit (page, 3));
  {
    const char *name = row_name (page, 0);
    g_autofree gchar *first = g_strdup (name);
    GtkWidget *undo;

    /* Every demo unit has scores, and a unit with scores is never deleted:
     * clear this one's first. */
    {
      g_autofree gchar *sql
          = g_strdup_printf ("DELETE FROM entry WHERE unit_id = %" G_GINT64_FORMAT,
                             td_units_page_get_selected_unit (page));
      g_assert_true (td_db_exec (td_window_get_database (window), sql, NULL));
    }
    g_assert_true (td_units_page_select_unit (page, td_units_page_get_selected_unit (page)));
    press_shortcut (GTK_WIDGET (page), "Delete");
    g_assert_cmpuint (n_rows (page), ==, 11);
    td_test_wait_drawn (GTK_WIDGET (window));
    undo = td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Hoàn tác");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    td_test_iterate ();
    g_assert_cmpuint (n_rows (page), ==, 12);
    g_assert_cmpstr (row_name (page, 0), ==, first);
  }
  /* A unit with scores is not deleted: the reason, and Retire offered. */
  g_assert_true (td_db_exec (td_window_get_database (window),
                             "INSERT INTO entry (unit_id, criterion_id, source, updated_at)"
                             " VALUES (3, (SELECT min (id) FROM criterion), 'self', '2024-12-30')",
                             NULL));
  g_assert_true (td_units_page_select_unit (page, 3));
  press_shortcut (GTK_WIDGET (page), "Delete");
  {
    GtkWindow *dialog = td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "Không thể bỏ đơn vị này");
    g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "retire"));
    shot = td_test_screenshot (GTK_WIDGET (dialog), "units-delete-refused.png");
    g_clear_pointer (&shot, g_free);
    gtk_window_destroy (dialog);
    td_test_iterate ();
  }
  g_assert_cmpuint (n_rows (page), ==, 12);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (all), FALSE);

  /* A pasted list: previewed, nothing written until Add. */
  td_test_activate (GTK_WIDGET (page), "units.paste", NULL);
  td_test_iterate ();
  {
    TdImportDialog *import = TD_IMPORT_DIALOG (td_test_find_toplevel (TD_TYPE_IMPORT_DIALOG));
    GPtrArray *rows;

    g_assert_nonnull (import);
    td_import_dialog_set_text (import, "1\tSở Y tế\tSYT\tSở, ngành\n"
                                       "2\tBáo Bình Phước\tBBP\tCơ quan báo chí\n"
                                       "\n"
                                       "3\t\tABC\t\n");
    rows = td_import_dialog_get_rows (import);
    g_assert_cmpuint (rows->len, ==, 3);
    g_assert_cmpuint (td_unit_import_count (rows, TD_IMPORT_ADD), ==, 1);
    g_assert_cmpuint (td_unit_import_count (rows, TD_IMPORT_DUPLICATE), ==, 1);
    g_assert_cmpuint (td_unit_import_count (rows, TD_IMPORT_INVALID), ==, 1);
    g_assert_cmpuint (n_rows (page), ==, 12);
    shot = td_test_screenshot (GTK_WIDGET (import), "units-paste-preview.png");
    g_clear_pointer (&shot, g_free);
    td_test_activate (GTK_WIDGET (import), "import.apply", NULL);
    g_assert_null (td_test_find_toplevel (TD_TYPE_IMPORT_DIALOG));
    g_assert_cmpuint (n_rows (page), ==, 13);
  }

  /* Head and deputy: the same member for both is refused at the field. */
  td_test_activate (GTK_WIDGET (page), "units.bloc-year-settings", NULL);
  {
    GtkWindow *dialog = td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    GtkWidget *head = td_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Khối trưởng");
    GtkWidget *deputy = td_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Khối phó");
    GtkWidget *label;

    g_assert_nonnull (head);
    g_assert_nonnull (deputy);
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
    adw_combo_row_set_selected (ADW_COMBO_ROW (deputy),
                                adw_combo_row_get_selected (ADW_COMBO_ROW (head)));
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
    label = td_test_find_widget (
        GTK_WIDGET (dialog), GTK_TYPE_LABEL,
        "Khối phó: đơn vị khối trưởng không thể đồng thời là khối phó; hãy chọn thành viên khác.");
    g_assert_nonnull (label);
    g_assert_true (gtk_widget_get_visible (label));
    shot = td_test_screenshot (GTK_WIDGET (dialog), "units-head-equals-deputy.png");
    g_clear_pointer (&shot, g_free);
    /* Another deputy (the first member in the list) is accepted and saved. */
    adw_combo_row_set_selected (ADW_COMBO_ROW (deputy), 1);
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
    respond (dialog, "save");
    g_assert_cmpuint (n_rows (page), ==, 13);
    {
      g_autoptr (TdUnitItem) first = g_list_model_get_item (td_units_page_get_model (page), 0);

      g_assert_cmpint (td_unit_item_get_role (first), ==, TD_ROLE_DEPUTY);
    }
  }

  /* Merge: the dialog asks for two units and a name before it merges. */
  g_assert_true (td_units_page_select_unit (page, 3));
  td_test_activate (GTK_WIDGET (page), "units.merge", NULL);
  {
    GtkWindow *dialog = td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge"));
    g_assert_nonnull (td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                           "Đơn vị hợp nhất: hãy đánh dấu ít nhất hai đơn vị."));
    shot = td_test_screenshot (GTK_WIDGET (dialog), "units-merge.png");
    g_clear_pointer (&shot, g_free);
    gtk_window_destroy (dialog);
    td_test_iterate ();
  }

  /* 2023 shows the name of then. */
  {
    GtkWidget *selector = td_test_find_widget (GTK_WIDGET (window), TD_TYPE_BLOC_SELECTOR, NULL);
    GtkWidget *years = gtk_widget_get_last_child (selector);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (years), 1);
    td_test_iterate ();
    g_assert_cmpuint (n_rows (page), ==, 12);
    g_assert_cmpstr (row_name (page, 0), ==, "Ban Dân tộc tỉnh Bình Phước");
    shot = td_test_screenshot (GTK_WIDGET (window), "units-demo-2023.png");
    g_clear_pointer (&shot, g_free);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (years), 0);
    td_test_iterate ();
    g_assert_cmpstr (row_name (page, 0), ==, "Ban Dân tộc tỉnh");
  }

  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("campaigns"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (window), ADW_TYPE_PREFERENCES_GROUP,
                                         "Phong trào thi đua năm 2024 của Khối Thi đua số 6"));
  shot = td_test_screenshot (GTK_WIDGET (window), "campaigns-demo.png");
  g_clear_pointer (&shot, g_free);
  {
    /* The members × targets grid, further down. */
    GtkWidget *campaigns = td_test_find_widget (GTK_WIDGET (window), TD_TYPE_CAMPAIGNS_PAGE, NULL);
    GtkWidget *clamp = td_test_find_widget (campaigns, ADW_TYPE_CLAMP, NULL);
    GtkWidget *scrolled = gtk_widget_get_ancestor (clamp, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    GtkWidget *cell = td_test_find_named (campaigns, "result-cell");
    GtkWidget *grid, *grid_scroller, *legend, *shown;

    g_assert_nonnull (cell);
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    shot = td_test_screenshot (GTK_WIDGET (window), "campaigns-demo-grid.png");
    g_clear_pointer (&shot, g_free);
    /* The five targets fit side by side at the window's first size: no
     * column hides behind a scrollbar far below. */
    grid = gtk_widget_get_ancestor (cell, GTK_TYPE_GRID);
    grid_scroller = gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW);
    g_assert_cmpint (gtk_widget_get_width (grid), <=, gtk_widget_get_width (grid_scroller));
    /* A long result shows by its initials, whole in the tooltip, and the
     * legend says what they stand for. */
    gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), 1);
    td_test_iterate ();
    shown = td_test_find_named (cell, "result-shown");
    g_assert_nonnull (shown);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shown)), ==, "HTXSNV");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (shown), ==, "Hoàn thành xuất sắc nhiệm vụ");
    legend = td_test_find_named (campaigns, "results-legend");
    g_assert_nonnull (legend);
    g_assert_nonnull (
        strstr (gtk_label_get_text (GTK_LABEL (legend)), "HTXSNV: Hoàn thành xuất sắc nhiệm vụ"));
    shot = td_test_screenshot (GTK_WIDGET (window), "campaigns-demo-grid-initials.png");
    g_clear_pointer (&shot, g_free);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), 0);
    td_test_iterate ();
  }
  {
    /* Shared with another bloc: one tick in the share dialog, saved at once. */
    TdDb *db = td_window_get_database (window);
    GtkWidget *campaigns = td_test_find_widget (GTK_WIDGET (window), TD_TYPE_CAMPAIGNS_PAGE, NULL);
    g_autoptr (TdBloc) bloc5 = td_bloc_new ();
    g_autoptr (TdBlocYear) y5 = td_bloc_year_new ();
    g_autoptr (GPtrArray) listed = NULL;
    GtkWindow *dialog;
    GtkWidget *check;
    gint64 by5;

    bloc5->name = g_strdup ("Khối Thi đua số 5");
    y5->bloc_id = td_registry_add_bloc (db, bloc5, NULL);
    y5->year = 2024;
    by5 = td_registry_add_bloc_year (db, y5, NULL);
    td_test_activate (campaigns, "campaigns.share", NULL);
    dialog = td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "Chia sẻ phong trào");
    check = td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, NULL);
    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    td_test_iterate ();
    shot = td_test_screenshot (GTK_WIDGET (dialog), "campaigns-share.png");
    g_clear_pointer (&shot, g_free);
    gtk_window_destroy (dialog);
    td_test_iterate ();
    listed = td_campaign_list (db, by5, NULL);
    g_assert_cmpuint (listed->len, ==, 1);
    g_assert_nonnull (
        td_test_find_widget (campaigns, ADW_TYPE_ACTION_ROW, "Đồng thời áp dụng cho"));
  }

  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("overview"));
  shot = td_test_screenshot (GTK_WIDGET (window), "overview-demo.png");
  td_test_destroy_window (window);
}

int
main (int argc, char **argv)
{
  g_autofree gchar *data_home = td_test_make_tmp_dir ("thidua-units-XXXXXX");

  /* A demo database of our own: other test programs rebuild theirs at the
   * default place while this one runs. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  td_test_init (&argc, &argv);
  g_test_add_func ("/units-page/bloc-from-nothing", test_bloc_from_nothing);
  g_test_add_func ("/units-page/demo-sections", test_demo_sections);
  {
    int status = g_test_run ();

    /* A daily copy may still be writing into this run's folder, which is
     * removed at exit. */
    td_backup_stop_daily ();
    return status;
  }
}
