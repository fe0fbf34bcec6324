/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Damaging a database as a failing disk does: one table's root page
 * overwritten, with the file's size and modification time put back, so that
 * only reading the pages can tell.  Shared by the core and window tests. */
#pragma once

#include "td-db.h"

#include <fcntl.h>
#include <glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static inline void
td_test_damage_table (const char *path, const char *table)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open (path, TD_DB_OPEN_READ_ONLY, &error);
  g_autofree gchar *sql
      = g_strdup_printf ("SELECT rootpage FROM sqlite_master WHERE name = '%s'", table);
  guint8 garbage[4096];
  struct stat before, after;
  struct timespec times[2];
  gint64 page;
  int fd;

  g_assert_no_error (error);
  page = td_db_query_int (db, sql, 0, NULL);
  g_assert_cmpint (page, >, 1);
  g_clear_object (&db);

  g_assert_cmpint (stat (path, &before), ==, 0);
  memset (garbage, 0x5A, sizeof garbage);
  fd = open (path, O_WRONLY);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, (page - 1) * 4096), ==, sizeof garbage);
  close (fd);
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_cmpint (stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
  g_assert_cmpint (after.st_size, ==, before.st_size);
}
