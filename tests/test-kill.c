/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Killed while saving scores: a child process saves score after score (each
 * with its audit row, as the Scores section does) and reports every save
 * that returned; it is killed with SIGKILL at a random moment, 50 times.
 * After each kill the file opens, passes the integrity check, and holds
 * every acknowledged save, at most one more (committed but not yet
 * reported), and nothing half-written. */
#include "td-backup.h"
#include "td-db.h"
#include "td-entries.h"
#include "td-registry.h"
#include "td-test-tmp.h"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#define N_TRIALS 50
#define N_UNITS 4
#define N_CRITERIA 3
#define N_CELLS (N_UNITS * N_CRITERIA)

static gchar *test_dir;
static gchar *template_path;
static gint64 unit_ids[N_UNITS];
static gint64 criterion_ids[N_CRITERIA];

/* A bloc-year with members and count-scored criteria, closed. */
static void
make_template (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  gint64 by_id;

  template_path = g_build_filename (test_dir, "template.db", NULL);
  db = td_db_open (template_path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  bloc->name = g_strdup ("Khối Thi đua số 6");
  by->bloc_id = td_registry_add_bloc (db, bloc, &error);
  by->year = 2024;
  by_id = td_registry_add_bloc_year (db, by, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_UNITS; i++)
    {
      g_autoptr (TdUnit) unit = td_unit_new ();

      unit->name = g_strdup_printf ("Sở số %u", i + 1);
      unit_ids[i] = td_registry_add_unit_to_bloc_year (db, by_id, unit, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_CRITERIA; i++)
    {
      g_autoptr (TdCriterion) c = td_criterion_new (TD_RULE_BONUS_EACH);

      g_free (c->title);
      c->title = g_strdup_printf ("Mỗi sáng kiến được công nhận, tiêu chí %u", i + 1);
      c->rate = 10;
      criterion_ids[i] = td_criteria_add (db, by_id, 0, (gint)i, c, &error);
      g_assert_no_error (error);
    }
}

static guint
cell_of (guint32 save)
{
  return save % N_CELLS;
}

/* The child: saves 1, 2, 3 … (save i sets cell i mod N_CELLS to the count
 * i) and writes i to @fd once td_entry_save returned TRUE. */
static void G_GNUC_NORETURN
saver (const char *path, int fd)
{
  g_autoptr (TdDb) db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, NULL);

  guint32 ready = 0;

  if (db == NULL)
    _exit (2);
  if (write (fd, &ready, sizeof ready) != sizeof ready)
    _exit (4);
  for (guint32 i = 1;; i++)
    {
      guint cell = cell_of (i);
      g_autoptr (TdEntry) e
          = td_entry_new (unit_ids[cell / N_CRITERIA], criterion_ids[cell % N_CRITERIA],
                          i % 2 ? TD_SOURCE_SELF : TD_SOURCE_ASSESSED);

      e->count = i;
      if (!td_entry_save (db, NULL, e, NULL))
        _exit (3);
      if (write (fd, &i, sizeof i) != sizeof i)
        _exit (4);
    }
}

static gint64
stored (TdDb *db, guint cell, guint32 save_parity)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdEntry) e
      = td_entry_load (db, unit_ids[cell / N_CRITERIA], criterion_ids[cell % N_CRITERIA],
                       save_parity ? TD_SOURCE_SELF : TD_SOURCE_ASSESSED, &error);

  g_assert_no_error (error);
  return e != NULL ? e->count : 0;
}

static guint32
one_trial (guint trial)
{
  g_autofree gchar *name = g_strdup_printf ("trial-%02u.db", trial);
  g_autofree gchar *path = g_build_filename (test_dir, name, NULL);
  g_autofree gchar *bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  guint32 last_ack[N_CELLS * 2] = { 0 };
  guint32 value = 0, last = 0;
  gsize length = 0;
  gint64 deadline;
  int fds[2], status = 0;
  pid_t pid;

  g_assert_true (g_file_get_contents (template_path, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (path, bytes, (gssize)length, NULL));
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      saver (path, fds[1]);
    }
  close (fds[1]);
  /* One trial in ten during the open itself, one just after it, the others
   * at a random moment once saving is under way (the first few hundred
   * saves). */
  if (trial % 10 != 0 && read (fds[0], &value, sizeof value) != sizeof value)
    g_error ("trial %u: the saver did not start", trial);
  if (trial % 10 != 0 && trial % 10 != 5)
    {
      if (read (fds[0], &value, sizeof value) != sizeof value || value != 1)
        g_error ("trial %u: the first save did not return", trial);
      last = value;
    }
  deadline = g_get_monotonic_time ()
             + (trial % 10 == 0   ? g_test_rand_int_range (0, 3000)
                : trial % 10 == 5 ? g_test_rand_int_range (0, 2000)
                                  : g_test_rand_int_range (0, 40000));
  g_unix_set_fd_nonblocking (fds[0], TRUE, NULL);
  while (g_get_monotonic_time () < deadline)
    {
      if (read (fds[0], &value, sizeof value) == sizeof value)
        last = value;
      else
        g_usleep (200);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  /* Every save acknowledged before the kill landed. */
  g_unix_set_fd_nonblocking (fds[0], FALSE, NULL);
  while (read (fds[0], &value, sizeof value) == sizeof value)
    last = value;
  close (fds[0]);
  for (guint32 i = 1; i <= last; i++)
    last_ack[cell_of (i) * 2 + i % 2] = i;

  db = td_db_open (path, TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (td_backup_quick_check (td_db_get_handle (db), path, &error));
  g_assert_no_error (error);
  for (guint cell = 0; cell < N_CELLS; cell++)
    for (guint32 parity = 0; parity < 2; parity++)
      {
        gint64 have = stored (db, cell, parity);
        guint32 want = last_ack[cell * 2 + parity];
        guint32 in_flight = last + 1;

        /* What was acknowledged, or the one save in flight at the kill. */
        if (have != want
            && !(have == in_flight && cell_of (in_flight) == cell && in_flight % 2 == parity))
          g_error ("trial %u: cell %u/%u holds %" G_GINT64_FORMAT ", acknowledged %u (last %u)",
                   trial, cell, parity, have, want, last);
      }
  /* One audit row per save that is in the file. */
  {
    gint64 audits
        = td_db_query_int (db, "SELECT count(*) FROM audit WHERE tbl = 'entry'", -1, NULL);
    g_assert_cmpint (audits, >=, last);
    g_assert_cmpint (audits, <=, last + 1);
  }
  g_clear_object (&db);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree gchar *file = g_strconcat (path, suffixes[i], NULL);
        g_unlink (file);
      }
  }
  return last;
}

static void
test_kill_while_saving_scores (void)
{
  guint64 acknowledged = 0;
  guint killed_in_open = 0;

  make_template ();
  for (guint trial = 0; trial < N_TRIALS; trial++)
    {
      guint32 last = one_trial (trial);

      acknowledged += last;
      killed_in_open += last == 0;
    }
  g_test_message ("%u trials, %" G_GUINT64_FORMAT " acknowledged saves, %u killed before the "
                  "first save",
                  N_TRIALS, acknowledged, killed_in_open);
  /* Most kills landed in the middle of saving, not before it. */
  g_assert_cmpuint (acknowledged, >=, N_TRIALS * 8 / 10);
  g_assert_cmpuint (killed_in_open, <=, N_TRIALS * 2 / 10);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  test_dir = td_test_make_tmp_dir ("thidua-kill-XXXXXX");
  {
    g_autofree gchar *data = g_build_filename (test_dir, "data", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kill/while-saving-scores", test_kill_while_saving_scores);
  {
    int status = g_test_run ();

    /* A daily copy may still be writing into this run's folder, which is
     * removed at exit. */
    td_backup_stop_daily ();
    return status;
  }
}
