/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every dialog of the window from the keyboard, on the demo, in Vietnamese:
 * its default button is the one that does the work, no error is shown
 * before anything is typed, Tab goes from the fields to the main button,
 * then to the others, and back (Shift+Tab the other way), Enter in the
 * first field does the work where the form is already valid, and Escape
 * closes it.  One case per dialog: each can fail on its own.
 *
 * Keys are delivered as GTK delivers them: the key controllers from the
 * window down to the focus (capture), then from the focus up, with the
 * widgets' key bindings (bubble). */
#include "config.h"

#include "td-demo.h"
#include "td-registry.h"
#include "td-test-util.h"
#include "td-undo-toast.h"
#include "td-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  const char *path;
  const char *section;
  const char *action;    /* activated on the section's page */
  const char *type;      /* the dialog's type name */
  const char *main;      /* msgid of the default button */
  const char *plural;    /* when it counts (“_Add %u Units”): its plural; 0 is counted */
  const char *others[3]; /* msgids of the other buttons, in Tab order after it */
  gboolean enter;        /* Enter in the first field does the work as opened */
} DialogCase;

static const DialogCase cases[] = {
  { "/dialogs/new-year",
    "units",
    "units.new-year",
    "AdwMessageDialog",
    N_ ("_Start Year"),
    NULL,
    { N_ ("_Cancel") },
    TRUE },
  { "/dialogs/new-bloc",
    "units",
    "units.new-bloc",
    "AdwMessageDialog",
    N_ ("C_reate"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/rename-unit",
    "units",
    "units.rename",
    "AdwMessageDialog",
    N_ ("_Rename"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/retire-unit",
    "units",
    "units.retire",
    "AdwMessageDialog",
    N_ ("_Retire"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/bloc-year-settings",
    "units",
    "units.bloc-year-settings",
    "AdwMessageDialog",
    N_ ("_Save"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/unit",
    "units",
    "units.add",
    "TdUnitDialog",
    N_ ("_Save"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/unit-list",
    "units",
    "units.paste",
    "TdImportDialog",
    "_Add %u Unit",
    "_Add %u Units",
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/campaign",
    "campaigns",
    "campaigns.add",
    "TdCampaignDialog",
    N_ ("_Save"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/target",
    "campaigns",
    "campaigns.add-target",
    "AdwMessageDialog",
    N_ ("_Add"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/share-campaign",
    "campaigns",
    "campaigns.share",
    "AdwMessageDialog",
    N_ ("_Close"),
    NULL,
    { NULL },
    FALSE },
  { "/dialogs/event",
    "calendar",
    "calendar.add-event",
    "AdwMessageDialog",
    N_ ("_Save"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/deadline",
    "calendar",
    "calendar.add-deadline",
    "AdwMessageDialog",
    N_ ("_Save"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/plan",
    "calendar",
    "calendar.plan-template",
    "AdwMessageDialog",
    N_ ("C_reate"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/copy-criteria",
    "criteria",
    "criteria.copy-from",
    "AdwMessageDialog",
    N_ ("_Replace"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/table-total",
    "criteria",
    "criteria.edit-total",
    "AdwMessageDialog",
    N_ ("_Save"),
    NULL,
    { N_ ("_Cancel") },
    TRUE },
  { "/dialogs/paste-table",
    "criteria",
    "criteria.paste",
    "TdPasteDialog",
    N_ ("_Preview"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/form-import",
    "scores",
    "scores.import-forms",
    "TdFormImportDialog",
    "_Import %u Form",
    "_Import %u Forms",
    { N_ ("_Cancel") },
    FALSE },
  { "/dialogs/votes",
    "ranking",
    "ranking.votes",
    "AdwMessageDialog",
    N_ ("_Save"),
    NULL,
    { N_ ("_Cancel") },
    FALSE },
};

static TdWindow *window;

/* The label of the main button of @c, as the dialog writes it. */
static gchar *
main_label (const DialogCase *c)
{
  g_auto (GStrv) parts = NULL;

  if (c->plural == NULL)
    return g_strdup (_ (c->main));
  parts = g_strsplit (g_dngettext (NULL, c->main, c->plural, 0), "%u", -1);
  return g_strjoinv ("0", parts);
}

static gint64 bloc_year_id; /* the demo bloc in 2024: each dialog opens there */

static GtkWidget *
focus_of (GtkWindow *dialog)
{
  return gtk_root_get_focus (GTK_ROOT (dialog));
}

static void
press (GtkWindow *dialog, guint keyval, GdkModifierType mods)
{
  GtkWidget *focus = focus_of (dialog);

  td_test_press (focus ? focus : GTK_WIDGET (dialog), keyval, mods);
}

static const char *
button_label (GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_BUTTON (w) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (w)))
      return gtk_button_get_label (GTK_BUTTON (w));
  return NULL;
}

/* A message in red (or a field marked) before anything is typed. */
static gboolean
shows_error (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (gtk_widget_has_css_class (widget, "error"))
    {
      if (!GTK_IS_LABEL (widget) || *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
        {
          g_test_message ("error shown: %s “%s”", G_OBJECT_TYPE_NAME (widget),
                          GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "");
          return TRUE;
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shows_error (c))
      return TRUE;
  return FALSE;
}

/* The widgets Tab visits from the focus, once round. */
static GPtrArray *
tab_walk (GtkWindow *dialog, gboolean backward)
{
  GPtrArray *walk = g_ptr_array_new ();
  GtkWidget *start = focus_of (dialog);

  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      press (dialog, backward ? GDK_KEY_ISO_Left_Tab : GDK_KEY_Tab, backward ? GDK_SHIFT_MASK : 0);
      focus = focus_of (dialog);
      g_assert_nonnull (focus);
      if (focus == start || (walk->len > 0 && focus == g_ptr_array_index (walk, 0)))
        break;
      g_ptr_array_add (walk, focus);
    }
  return walk;
}

/* Still among the windows (closed: destroyed, and gone from the list). */
static gboolean
is_open (GtkWindow *dialog)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if ((gpointer)window == (gpointer)dialog)
        return gtk_widget_get_visible (GTK_WIDGET (dialog));
    }
  return FALSE;
}

static void
wait_closed (GtkWindow *dialog)
{
  for (guint i = 0; i < 500 && is_open (dialog); i++)
    {
      td_test_iterate ();
      g_usleep (2000);
    }
}

static GtkWindow *
open_dialog (const DialogCase *c)
{
  GtkWindow *dialog;

  td_test_close_toplevels_except (GTK_WINDOW (window));
  td_window_set_bloc_year_id (window, bloc_year_id);
  g_assert_true (td_window_show_section (window, c->section));
  td_test_wait_drawn (GTK_WIDGET (td_window_get_page (window, c->section)));
  td_test_dismiss_toasts (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (td_window_get_page (window, c->section)),
                                             c->action, NULL));
  td_test_iterate ();
  dialog = td_test_find_toplevel (g_type_from_name (c->type));
  if (dialog == NULL)
    g_error ("%s did not open a %s", c->action, c->type);
  td_test_wait_drawn (GTK_WIDGET (dialog));
  return dialog;
}

static void
test_dialog (gconstpointer data)
{
  const DialogCase *c = data;
  GtkWindow *dialog = open_dialog (c);
  GtkWidget *main_button = gtk_window_get_default_widget (dialog);
  GtkWidget *first = focus_of (dialog);
  g_autoptr (GPtrArray) forward = NULL;
  g_autoptr (GPtrArray) backward = NULL;
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr (GPtrArray) expected = g_ptr_array_new ();
  guint first_button = G_MAXUINT;
  g_autofree gchar *main = main_label (c);
  g_autofree gchar *picture = g_strdup_printf ("dialog-%s.png", strrchr (c->path, '/') + 1);

  g_free (td_test_screenshot (GTK_WIDGET (dialog), picture));
  /* The default button is the one that does the work. */
  g_assert_nonnull (main_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (main_button)), ==, main);
  /* Nothing refused before anything is typed. */
  g_assert_false (shows_error (GTK_WIDGET (dialog)));

  /* Tab: the fields, then the main button, then the others (those that
   * can be pressed now: the main one is disabled until the form is valid). */
  g_ptr_array_add (expected, (gpointer)main);
  for (guint i = 0; i < G_N_ELEMENTS (c->others) && c->others[i] != NULL; i++)
    g_ptr_array_add (expected, (gpointer)_ (c->others[i]));
  for (guint i = expected->len; i > 0; i--)
    {
      GtkWidget *button
          = td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, expected->pdata[i - 1]);

      g_assert_nonnull (button);
      if (!gtk_widget_is_sensitive (button))
        g_ptr_array_remove_index (expected, i - 1);
    }
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_nonnull (first);
  forward = tab_walk (dialog, FALSE);
  g_ptr_array_insert (forward, 0, first);
  for (guint i = 0; i < forward->len; i++)
    {
      const char *label = button_label (g_ptr_array_index (forward, i));

      if (first_button == G_MAXUINT && g_strcmp0 (label, expected->pdata[0]) == 0)
        first_button = i;
      if (first_button != G_MAXUINT && label != NULL)
        g_ptr_array_add (buttons, (gpointer)label);
    }
  for (guint i = 0; i < forward->len; i++)
    g_test_message ("Tab %u: %s “%s”", i, G_OBJECT_TYPE_NAME (forward->pdata[i]),
                    button_label (forward->pdata[i]));
  g_assert_cmpuint (first_button, !=, G_MAXUINT);
  for (guint i = 0; i < expected->len; i++)
    {
      g_assert_cmpuint (buttons->len, >, i);
      g_assert_cmpstr (g_ptr_array_index (buttons, i), ==, expected->pdata[i]);
    }
  /* Tab enters the buttons after the rest (round from the last button). */
  {
    const char *before = button_label (
        g_ptr_array_index (forward, first_button > 0 ? first_button - 1 : forward->len - 1));

    for (guint i = 0; i < expected->len; i++)
      g_assert_cmpstr (before, !=, expected->pdata[i]);
  }

  /* Shift+Tab: the same round the other way. */
  gtk_widget_grab_focus (first);
  backward = tab_walk (dialog, TRUE);
  g_assert_cmpuint (backward->len + 1, ==, forward->len);
  for (guint i = 0; i < backward->len; i++)
    g_assert_true (g_ptr_array_index (backward, i)
                   == g_ptr_array_index (forward, forward->len - 1 - i));

  if (c->enter)
    {
      /* Enter in the first field does what the main button does. */
      gtk_widget_grab_focus (first);
      /* What the Enter binding of a field's text emits. */
      g_assert_true (GTK_IS_TEXT (first));
      g_signal_emit_by_name (first, "activate");
    }
  else
    /* Escape closes it, nothing done. */
    press (dialog, GDK_KEY_Escape, 0);
  wait_closed (dialog);
  g_assert_false (is_open (dialog));
}

/* The unit form (a TdFormWindow): Enter in a field saves the unit and
 * closes the form; Save with a name the bloc-year has already is refused
 * at the field and the form stays open with what was typed. */
static void
test_unit_form_saves (void)
{
  const char *name = "Phòng Kiểm thử Biểu mẫu";
  TdDb *db = td_window_get_database (window);
  const DialogCase *c = NULL;
  GtkWindow *dialog;
  GtkWidget *field;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (g_str_equal (cases[i].type, "TdUnitDialog"))
      c = &cases[i];
  g_assert_nonnull (c);
  g_assert_true (td_registry_check_unit_name (db, bloc_year_id, 0, name, NULL));

  dialog = open_dialog (c);
  field = focus_of (dialog);
  g_assert_true (GTK_IS_TEXT (field));
  gtk_editable_set_text (GTK_EDITABLE (field), name);
  g_signal_emit_by_name (field, "activate");
  wait_closed (dialog);
  g_assert_false (is_open (dialog));
  g_assert_false (td_registry_check_unit_name (db, bloc_year_id, 0, name, NULL));

  dialog = open_dialog (c);
  field = focus_of (dialog);
  gtk_editable_set_text (GTK_EDITABLE (field), name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "form.save", NULL));
  td_test_iterate ();
  g_assert_true (is_open (dialog));
  g_assert_true (shows_error (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, name);
  press (dialog, GDK_KEY_Escape, 0);
  wait_closed (dialog);
  g_assert_false (is_open (dialog));
}

/* A label of the window's toasts showing @text. */
static gboolean
count_undo (TdDb *db, gpointer data, GError **error)
{
  (*(guint *)data)++;
  return TRUE;
}

static GtkLabel *
toast_label (const char *text)
{
  GType type = g_type_from_name ("AdwToastWidget");
  g_autoptr (GPtrArray) toasts = NULL;

  if (type == 0)
    return NULL;
  toasts = td_test_collect_widgets (GTK_WIDGET (window->toast_overlay), type);
  for (guint i = 0; i < toasts->len; i++)
    {
      GtkWidget *label = td_test_find_widget (toasts->pdata[i], GTK_TYPE_LABEL, text);

      if (label != NULL)
        return GTK_LABEL (label);
    }
  return NULL;
}

/* An error too long for a toast is shown whole, wrapped, in the bar under
 * the header; a short one stays a toast; the longest a toast takes is not
 * cut; from a dialog, a long one comes over that dialog. */
static void
test_long_message (void)
{
  const char *message
      = "Không lưu được điểm tự chấm của tiêu chí “1.2 Tham mưu ban hành văn bản chỉ đạo, "
        "hướng dẫn triển khai công tác thi đua, khen thưởng”: nhập một số điểm từ 0 đến 3, "
        "ví dụ “2,5”, hoặc để trống nếu chưa chấm. (có thể dán từ Excel: chỉ lấy ô đầu tiên)";
  g_autoptr (GString) fits = g_string_new ("Đã");
  GtkLabel *label;
  PangoLayout *layout;
  GtkWindow *dialog;

  td_test_close_toplevels_except (GTK_WINDOW (window));
  td_test_dismiss_toasts (window);
  td_window_toast_text (GTK_WIDGET (window), message);
  td_test_wait_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->message_revealer));
  g_assert_cmpstr (gtk_label_get_text (window->message_label), ==, message);
  g_assert_true (gtk_label_get_wrap (window->message_label));
  g_assert_cmpint (gtk_label_get_ellipsize (window->message_label), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_null (toast_label (message));
  /* Drawn whole: more than one line at 1366 px, nothing cut. */
  for (guint i = 0; i < 200 && !gtk_revealer_get_child_revealed (window->message_revealer); i++)
    {
      td_test_iterate ();
      g_usleep (2000);
    }
  layout = gtk_label_get_layout (window->message_label);
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
  g_free (td_test_screenshot (GTK_WIDGET (window), "message-long.png"));

  /* An Undo message in the bar: Ctrl+Z undoes it once and the bar goes
   * with it, rather than keep a button that does nothing. */
  {
    guint undone = 0;
    gint64 until;

    td_window_toast (GTK_WIDGET (window), td_undo_toast_new (GTK_WIDGET (window), message,
                                                             td_window_get_database (window),
                                                             count_undo, &undone, NULL));
    td_test_iterate ();
    g_assert_true (gtk_revealer_get_reveal_child (window->message_revealer));
    g_assert_true (gtk_widget_get_visible (window->message_button));
    g_assert_true (td_undo_toast_undo_latest (GTK_WIDGET (window)));
    g_assert_cmpuint (undone, ==, 1);
    until = g_get_monotonic_time () + G_USEC_PER_SEC;
    while (gtk_revealer_get_reveal_child (window->message_revealer)
           && g_get_monotonic_time () < until)
      {
        td_test_iterate ();
        g_usleep (10000);
      }
    g_assert_false (gtk_revealer_get_reveal_child (window->message_revealer));
    g_assert_false (td_undo_toast_undo_latest (GTK_WIDGET (window)));
    g_assert_cmpuint (undone, ==, 1);
    td_window_toast_text (GTK_WIDGET (window), message);
    td_test_iterate ();
  }

  /* Closed with its button; a short message is a toast. */
  td_window_close_message (window);
  g_assert_false (gtk_revealer_get_reveal_child (window->message_revealer));
  td_window_toast_text (GTK_WIDGET (window), "Đã lưu");
  td_test_iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (window->message_revealer));
  g_assert_nonnull (toast_label ("Đã lưu"));
  td_test_dismiss_toasts (window);

  /* The longest message a toast is given is not cut there. */
  for (;;)
    {
      g_autoptr (AdwToast) probe = NULL;
      gsize len = fits->len;

      g_string_append (fits, " lưu");
      probe = adw_toast_new (fits->str);
      if (td_window_message_too_long (GTK_WIDGET (window), probe))
        {
          g_string_truncate (fits, len);
          break;
        }
    }
  td_window_toast_text (GTK_WIDGET (window), fits->str);
  td_test_wait_drawn (GTK_WIDGET (window));
  label = toast_label (fits->str);
  g_assert_nonnull (label);
  g_free (td_test_screenshot (GTK_WIDGET (window), "message-longest-toast.png"));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  td_test_dismiss_toasts (window);

  /* From a dialog: over the dialog, whole. */
  dialog = open_dialog (&cases[0]);
  td_window_toast_text (gtk_window_get_default_widget (dialog), message);
  td_test_iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (window->message_revealer));
  {
    GtkWidget *over = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (GTK_WINDOW (w)) == dialog)
          over = GTK_WIDGET (w);
      }
    g_assert_nonnull (over);
    g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (over)), ==, message);
  }
  td_test_close_toplevels_except (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *dir = NULL;
  g_autofree gchar *path = NULL;
  g_autoptr (TdDb) db = NULL;
  g_autoptr (GPtrArray) blocs = NULL;
  int status;

  td_test_init (&argc, &argv);
  dir = td_test_tmpdir ();
  path = g_build_filename (dir, "demo.db", NULL);
  db = td_demo_create (path, &error);
  g_assert_no_error (error);
  blocs = td_registry_list_blocs (db, &error);
  g_assert_no_error (error);
  window = td_test_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  td_window_set_database (window, db, FALSE);
  bloc_year_id
      = td_registry_find_bloc_year (db, ((TdBloc *)g_ptr_array_index (blocs, 0))->id, 2024, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_dialog);
  g_test_add_func ("/dialogs/unit-form-saves", test_unit_form_saves);
  g_test_add_func ("/messages/long", test_long_message);
  status = g_test_run ();
  td_test_close_toplevels_except (GTK_WINDOW (window));
  td_test_destroy_window (window);
  return status;
}
