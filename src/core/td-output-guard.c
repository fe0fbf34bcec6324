/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Outputs never touch inputs.
 *
 * Every command and dialog that writes a file (a sheet, a calendar, a
 * picture of the window, a copy of the database, the demo) asks here first.
 * A year of a clerk's work is one database file: writing a workbook over it,
 * over its -wal file (the latest changes), over its -journal (which SQLite
 * would then "roll back" into the database) or over a backup destroys it.
 * Files are compared by device and inode, so a second name for the same file
 * (a hard link, a symbolic link, "./x/../db") is caught; a file that does not
 * exist yet is compared by its resolved path. */
#include "config.h"

#include "td-backup.h"
#include "td-db.h"
#include "td-output-guard.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const companions[] = { "", "-wal", "-shm", "-journal" };

/* The absolute path where bytes written to @path would land: folders and
 * symbolic links resolved, the last part kept when it does not exist. */
static gchar *
resolve_path (const char *path)
{
  g_autofree gchar *current = g_canonicalize_filename (path, NULL);

  for (guint depth = 0; depth < 16; depth++)
    {
      g_autofree gchar *dir = g_path_get_dirname (current);
      g_autofree gchar *base = g_path_get_basename (current);
      char *real_dir = realpath (dir, NULL);
      g_autofree gchar *joined = g_build_filename (real_dir != NULL ? real_dir : dir, base, NULL);
      g_autofree gchar *target = g_file_read_link (joined, NULL);

      if (target == NULL)
        {
          free (real_dir);
          return g_steal_pointer (&joined);
        }
      g_free (current);
      current = g_canonicalize_filename (target, real_dir != NULL ? real_dir : dir);
      free (real_dir);
    }
  return g_steal_pointer (&current);
}

static gboolean
same_inode (const GStatBuf *a, const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether @output (resolved, and its stat when it exists) is @file. */
static gboolean
is_file (const char *output, const GStatBuf *output_st, const char *file)
{
  g_autofree gchar *resolved = resolve_path (file);
  GStatBuf st;

  if (output_st != NULL && g_stat (file, &st) == 0 && same_inode (output_st, &st))
    return TRUE;
  return g_str_equal (output, resolved);
}

static gboolean
refuse_database_file (const char *shown, const char *db_path, const char *suffix, GError **error)
{
  g_autofree gchar *db_shown = g_filename_display_name (db_path);

  if (*suffix == '\0')
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                 _ ("“%s” is the database itself; writing there would destroy it. Choose "
                    "another file name."),
                 shown);
  else
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                 _ ("“%s” is a companion file of the database “%s”, where SQLite keeps its "
                    "latest changes; writing there would damage the database. Choose another "
                    "file name."),
                 shown, db_shown);
  return FALSE;
}

/* Whether the file begins as every SQLite database does. */
static gboolean
is_sqlite_file (const char *path)
{
  char header[16];
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  gssize got;

  if (fd < 0)
    return FALSE;
  got = read (fd, header, sizeof header);
  close (fd);
  return got == (gssize)sizeof header && memcmp (header, "SQLite format 3", 16) == 0;
}

/* TRUE when @output_path may be written; FALSE with an error naming it
 * and saying what to do when it is @db_path (the open or named database,
 * may be NULL), a companion file of any database, a file in the backup
 * folder or, for a document, any database at all. */
gboolean
td_output_guard (const char *output_path, const char *db_path, TdOutputKind kind, GError **error)
{
  g_autofree gchar *output = NULL;
  g_autofree gchar *output_dir = NULL;
  g_autofree gchar *backups = NULL;
  g_autofree gchar *shown = NULL;
  GStatBuf output_st, st;
  gboolean exists;

  g_return_val_if_fail (output_path != NULL, FALSE);

  output = resolve_path (output_path);
  output_dir = g_path_get_dirname (output);
  shown = g_filename_display_name (output_path);
  exists = g_stat (output_path, &output_st) == 0;

  if (db_path != NULL && g_strcmp0 (db_path, ":memory:") != 0)
    {
      /* SQLite keeps the companions beside the file a symbolic link
       * points to; a name given on the command line may be either. */
      g_autofree gchar *db_resolved = resolve_path (db_path);
      const char *bases[] = { db_path, db_resolved };

      for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
        for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
          {
            g_autofree gchar *file = g_strconcat (bases[b], companions[i], NULL);

            if (is_file (output, exists ? &output_st : NULL, file))
              return refuse_database_file (shown, db_path, companions[i], error);
          }
    }

  /* Any database's companion: "x.db-wal" when "x.db" is there. */
  for (guint i = 1; i < G_N_ELEMENTS (companions); i++)
    if (g_str_has_suffix (output, companions[i]))
      {
        g_autofree gchar *db = g_strndup (output, strlen (output) - strlen (companions[i]));

        if (g_file_test (db, G_FILE_TEST_IS_REGULAR))
          return refuse_database_file (shown, db, companions[i], error);
      }

  backups = td_backup_get_dir ();
  if (g_stat (backups, &st) == 0)
    {
      GStatBuf dir_st;
      g_autofree gchar *backups_resolved = resolve_path (backups);

      if ((g_stat (output_dir, &dir_st) == 0 && same_inode (&dir_st, &st))
          || g_str_equal (output_dir, backups_resolved))
        {
          g_autofree gchar *backups_shown = g_filename_display_name (backups);

          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("“%s” is in Thi Đua's backup folder “%s”, where nothing but backups "
                          "is written. Choose another folder."),
                       shown, backups_shown);
          return FALSE;
        }
    }

  if (kind == TD_OUTPUT_DOCUMENT && exists && S_ISREG (output_st.st_mode)
      && is_sqlite_file (output_path))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("“%s” is a database; a sheet, a calendar or a picture is never written "
                      "over a database. Choose another file name."),
                   shown);
      return FALSE;
    }
  return TRUE;
}
