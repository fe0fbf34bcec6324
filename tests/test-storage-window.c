/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The storage actions of the real window, in Vietnamese: a damaged file
 * offers its newest backup (opened as a copy), back up and restore with
 * Undo, a read-only file, and the recent databases. */
#include "config.h"

#include "td-backup.h"
#include "td-backups-window.h"
#include "td-test-damage.h"
#include "td-test-tmp.h"
#include "td-test-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static gchar *
note_of (TdWindow *window)
{
  return td_db_get_meta (td_window_get_database (window), "note");
}

static void
set_note (TdWindow *window, const char *note)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (td_db_set_meta (td_window_get_database (window), "note", note, &error));
  g_assert_no_error (error);
}

static void
test_damaged_offers_backup (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *path = g_build_filename (dir, "Khoi-hong.db", NULL);
  g_autofree gchar *before = NULL, *after = NULL;
  g_autofree gchar *shot = NULL;
  g_autofree gchar *note = NULL;
  g_autoptr (TdBackup) newest = NULL;
  TdWindow *window = td_test_window_new ();
  AdwMessageDialog *dialog;
  gsize len_before = 0, len_after = 0;
  guint8 garbage[4096];
  int fd;

  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_CREATE));
  set_note (window, "Khối thi đua số 6");
  td_test_activate (GTK_WIDGET (window), "win.back-up-now", NULL);
  newest = td_backup_find_newest (path);
  g_assert_nonnull (newest);
  g_assert_cmpint (td_backup_get_kind (newest), ==, TD_BACKUP_MANUAL);
  td_test_activate (GTK_WIDGET (window), "win.close-database", NULL);
  g_assert_null (td_window_get_database (window));

  /* A bad sector in the table of facts (page 2). */
  memset (garbage, 0x5A, sizeof garbage);
  fd = open (path, O_WRONLY);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, 4096), ==, sizeof garbage);
  close (fd);
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));

  g_assert_false (td_window_open_path (window, path, TD_DB_OPEN_DEFAULT));
  td_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“Khoi-hong.db” bị hỏng");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), td_backup_get_path (newest)));
  g_assert_true (adw_message_dialog_has_response (dialog, "open-backup"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "open-backup"), ==,
                   "_Mở bản sao lưu");
  shot = td_test_screenshot (GTK_WIDGET (dialog), "storage-damaged-dialog.png");

  adw_message_dialog_response (dialog, "open-backup");
  td_test_iterate ();
  g_assert_nonnull (td_window_get_database (window));
  g_assert_cmpstr (td_db_get_path (td_window_get_database (window)), !=, path);
  g_assert_true (g_str_has_prefix (td_db_get_path (td_window_get_database (window)), dir));
  g_assert_cmpstr (td_db_get_path (td_window_get_database (window)), !=,
                   td_backup_get_path (newest));
  note = note_of (window);
  g_assert_cmpstr (note, ==, "Khối thi đua số 6");

  /* Nothing overwrote the damaged file. */
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
  td_test_destroy_window (window);
}

static gboolean
damage_dialog_shown (gpointer data)
{
  return td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* A large file closed cleanly here, then damaged with its size and dates
 * unchanged (a failing disk): it opens at once, and only the check in the
 * background can find the damage.  Returns its path; @newest is its backup
 * and @before its bytes. */
static gchar *
make_damaged_closed_cleanly (const char *dir, TdBackup **newest, gchar **before, gsize *len)
{
  gchar *path = g_build_filename (dir, "Khoi-lon.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, &error);

  g_assert_no_error (error);
  g_assert_true (
      td_db_exec (db,
                  "CREATE TABLE pad (x BLOB); INSERT INTO pad VALUES (zeroblob(9000000));"
                  "INSERT INTO meta VALUES ('note', 'Khối 6')",
                  &error));
  g_assert_nonnull ((*newest = td_backup_create (db, TD_BACKUP_MANUAL, &error)));
  g_clear_object (&db);
  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error); /* checked: a record at close */
  td_db_close (db);
  g_clear_object (&db);
  td_test_damage_table (path, "meta");
  g_assert_true (g_file_get_contents (path, before, len, NULL));
  return path;
}

/* The background check finds the damage: the window lets go of the file
 * and the dialog offers the newest backup.  Nothing more is written to the
 * damaged file. */
static void
assert_damage_found (TdWindow *window, TdBackup *newest, const char *path, const char *before,
                     gsize len_before, const char *picture)
{
  g_autofree gchar *after = NULL;
  g_autofree gchar *shot = NULL;
  gsize len_after = 0;
  AdwMessageDialog *dialog;

  td_test_wait_until (damage_dialog_shown, NULL, 10000);
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_null (td_window_get_database (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“Khoi-lon.db” bị hỏng");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), td_backup_get_path (newest)));
  g_assert_true (adw_message_dialog_has_response (dialog, "open-backup"));
  shot = td_test_screenshot (GTK_WIDGET (dialog), picture);
  gtk_window_destroy (GTK_WINDOW (dialog));
  td_test_iterate ();
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

static void
test_damage_found_after_open (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autoptr (TdBackup) newest = NULL;
  g_autofree gchar *before = NULL;
  gsize len_before = 0;
  g_autofree gchar *path = make_damaged_closed_cleanly (dir, &newest, &before, &len_before);
  TdWindow *window = td_test_window_new ();

  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_DEFAULT));
  assert_damage_found (window, newest, path, before, len_before,
                       "storage-damage-found-after-open.png");
  td_test_destroy_window (window);
}

/* At start-up (the file named before the window is shown) the check waits
 * for the window's first frame, whose drawing it would slow down on two
 * cores; once the window is drawn it runs, and finds the damage. */
static void
test_damage_found_after_first_frame (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autoptr (TdBackup) newest = NULL;
  g_autofree gchar *before = NULL;
  gsize len_before = 0;
  g_autofree gchar *path = make_damaged_closed_cleanly (dir, &newest, &before, &len_before);
  TdWindow *window = td_window_new (td_test_app_get ());
  TdDb *db;
  gint64 until;

  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_DEFAULT));
  db = td_window_get_database (window);
  g_assert_nonnull (db);
  g_assert_true (td_db_get_check_deferred (db));
  /* Not shown: the check of 9 MB (milliseconds in a thread) has not begun. */
  until = g_get_monotonic_time () + G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < until)
    {
      td_test_iterate ();
      g_usleep (5000);
    }
  g_assert_true (td_window_get_database (window) == db);
  g_assert_true (td_db_get_check_deferred (db));
  g_assert_false (damage_dialog_shown (NULL));

  gtk_window_present (GTK_WINDOW (window));
  assert_damage_found (window, newest, path, before, len_before,
                       "storage-damage-found-after-first-frame.png");
  td_test_destroy_window (window);
}

static void
test_restore_and_undo (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *path = g_build_filename (dir, "Cum-3.db", NULL);
  g_autofree gchar *shot = NULL;
  g_autofree gchar *note = NULL;
  g_autoptr (TdBackup) manual = NULL;
  TdWindow *window = td_test_window_new ();
  TdBackupsWindow *backups;
  AdwMessageDialog *dialog;

  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_CREATE));
  /* The daily copy is made in a thread: the window is up before it. */
  {
    gint64 until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
    guint n = 0;

    while (n == 0 && g_get_monotonic_time () < until)
      {
        g_autoptr (GListStore) list = td_backup_list (path);

        n = g_list_model_get_n_items (G_LIST_MODEL (list));
        if (n == 0)
          g_main_context_iteration (NULL, FALSE);
      }
    g_assert_cmpuint (n, ==, 1);
  }
  set_note (window, "trước khi khôi phục");
  /* Made directly (the action is tried above): its toast would hide the
   * restore's in the picture. */
  manual = td_backup_create (td_window_get_database (window), TD_BACKUP_MANUAL, NULL);
  g_assert_nonnull (manual);
  set_note (window, "sau khi sửa");

  td_test_activate (GTK_WIDGET (window), "win.restore-backup", NULL);
  backups = TD_BACKUPS_WINDOW (td_test_find_toplevel (TD_TYPE_BACKUPS_WINDOW));
  g_assert_nonnull (backups);
  g_assert_cmpuint (td_backups_window_get_n_backups (backups), ==, 2); /* daily + manual */
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (backups), GTK_TYPE_BUTTON, "_Khôi phục…"));
  shot = td_test_screenshot (GTK_WIDGET (backups), "storage-backups-window.png");

  td_test_activate (GTK_WIDGET (backups), "backups.restore",
                    g_variant_new_string (td_backup_get_path (manual)));
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Cum-3.db"));
  g_free (shot);
  shot = td_test_screenshot (GTK_WIDGET (dialog), "storage-restore-confirm.png");
  adw_message_dialog_response (dialog, "restore");
  td_test_iterate ();
  note = note_of (window);
  g_assert_cmpstr (note, ==, "trước khi khôi phục");
  g_assert_null (td_test_find_toplevel (TD_TYPE_BACKUPS_WINDOW));
  g_free (shot);
  shot = td_test_screenshot (GTK_WIDGET (window), "storage-restored-toast.png");

  td_test_activate (GTK_WIDGET (window), "win.undo-restore", NULL);
  g_free (note);
  note = note_of (window);
  g_assert_cmpstr (note, ==, "sau khi sửa");
  td_test_destroy_window (window);
}

static void
test_read_only (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *path = g_build_filename (dir, "Chi-doc.db", NULL);
  g_autofree gchar *shot = NULL;
  TdWindow *window = td_test_window_new ();
  gboolean read_only = FALSE;
  GtkWidget *notice, *revealer;

  g_assert_true (td_window_get_read_only (window)); /* nothing open */
  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP));
  g_assert_false (td_window_get_read_only (window));
  td_test_activate (GTK_WIDGET (window), "win.close-database", NULL);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_NO_BACKUP));
  g_object_get (window, "read-only", &read_only, NULL);
  g_assert_true (read_only);
  g_assert_true (td_db_is_read_only (td_window_get_database (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Chi-doc.db (chỉ đọc) — Thi Đua");
  notice = td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                "Cơ sở dữ liệu này chỉ cho phép đọc: bạn có thể xem và xuất dữ "
                                "liệu nhưng không thể thay đổi.");
  g_assert_nonnull (notice);
  revealer = gtk_widget_get_ancestor (notice, GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  shot = td_test_screenshot (GTK_WIDGET (window), "storage-read-only.png");

  /* Restoring into it is disabled. */
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.restore-backup", NULL);
  td_test_iterate ();
  g_assert_null (td_test_find_toplevel (TD_TYPE_BACKUPS_WINDOW));
  td_test_activate (GTK_WIDGET (window), "win.close-database", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  td_test_destroy_window (window);
}

static void
test_recent_missing (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *kept = g_build_filename (dir, "Con.db", NULL);
  g_autofree gchar *gone = g_build_filename (dir, "Da-xoa.db", NULL);
  TdWindow *window = td_test_window_new ();
  GSettings *settings = td_settings_get ();
  GMenuModel *menu = td_window_get_recent_menu (window);
  g_auto (GStrv) recent = NULL;
  AdwMessageDialog *dialog;

  g_assert_nonnull (settings);
  g_assert_true (td_window_open_path (window, gone, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP));
  g_assert_true (td_window_open_path (window, kept, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP));
  td_test_activate (GTK_WIDGET (window), "win.close-database", NULL);
  g_assert_cmpint (g_menu_model_get_n_items (menu), >=, 2);
  g_assert_cmpint (g_unlink (gone), ==, 0);

  td_test_activate (GTK_WIDGET (window), "win.open-recent", g_variant_new_string (gone));
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), gone));
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_false (g_strv_contains ((const char *const *)recent, gone));
  g_assert_true (g_strv_contains ((const char *const *)recent, kept));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, g_strv_length (recent));
  td_test_close_toplevels_except (GTK_WINDOW (window));

  td_test_activate (GTK_WIDGET (window), "win.open-recent", g_variant_new_string (kept));
  g_assert_cmpstr (td_db_get_path (td_window_get_database (window)), ==, kept);
  td_test_destroy_window (window);
}

/* Without any backup the dialog still says what happened, and offers
 * nothing it cannot do. */
static void
test_damaged_without_backup (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *path = g_build_filename (dir, "Khong-sao-luu.db", NULL);
  TdWindow *window = td_test_window_new ();
  AdwMessageDialog *dialog;
  guint8 garbage[4096];
  int fd;

  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP));
  td_test_activate (GTK_WIDGET (window), "win.close-database", NULL);
  memset (garbage, 0x5A, sizeof garbage);
  fd = open (path, O_WRONLY);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, 4096), ==, sizeof garbage);
  close (fd);

  g_assert_false (td_window_open_path (window, path, TD_DB_OPEN_NO_BACKUP));
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_has_response (dialog, "open-backup"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "không có bản sao lưu"));
  g_assert_null (td_window_get_database (window));
  td_test_destroy_window (window);
}

static void
test_shortcuts_listed (void)
{
  TdWindow *window = td_test_window_new ();
  GtkWindow *shortcuts;

  td_test_activate (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shortcuts = td_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_nonnull (
      td_test_find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT, "Lưu bản sao"));
  g_assert_nonnull (
      td_test_find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT, "Sao lưu ngay"));
  td_test_destroy_window (window);
}

int
main (int argc, char **argv)
{
  /* Backups go to a folder of this run's own, so that counts hold. */
  {
    g_autofree gchar *data = td_test_make_tmp_dir ("thidua-data-XXXXXX");
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  td_test_init (&argc, &argv);
  g_test_add_func ("/storage-window/damaged-offers-backup", test_damaged_offers_backup);
  g_test_add_func ("/storage-window/damaged-without-backup", test_damaged_without_backup);
  g_test_add_func ("/storage-window/damage-found-after-open", test_damage_found_after_open);
  g_test_add_func ("/storage-window/damage-found-after-first-frame",
                   test_damage_found_after_first_frame);
  g_test_add_func ("/storage-window/restore-and-undo", test_restore_and_undo);
  g_test_add_func ("/storage-window/read-only", test_read_only);
  g_test_add_func ("/storage-window/recent-missing", test_recent_missing);
  g_test_add_func ("/storage-window/shortcuts-listed", test_shortcuts_listed);
  {
    int status = g_test_run ();

    /* A daily copy may still be writing into this run's folder, which is
     * removed at exit. */
    td_backup_stop_daily ();
    return status;
  }
}
