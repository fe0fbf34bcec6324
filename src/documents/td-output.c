/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing an exported file safely.
 *
 * A workbook or PDF is written to a temporary file in the target's folder
 * and renamed over the target only when complete, so a full disk or a
 * crash never leaves half a file under the name the clerk chose. */
#include "config.h"

#include "td-output.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* LibreOffice and Excel mark a file they have open with a lock file
 * ".~lock.NAME#" beside it.  Overwriting then loses the other program's
 * edits, so refuse. */
gboolean
td_output_check_writable (const char *path, GError **error)
{
  g_autofree gchar *dir = g_path_get_dirname (path);
  g_autofree gchar *base = g_path_get_basename (path);
  g_autofree gchar *lock_name = g_strdup_printf (".~lock.%s#", base);
  g_autofree gchar *lock = g_build_filename (dir, lock_name, NULL);
  g_autofree gchar *dir_utf8 = g_filename_display_name (dir);
  g_autofree gchar *base_utf8 = g_filename_display_name (base);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _ ("The folder “%s” does not exist. Choose another folder."), dir_utf8);
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0
      || (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _ ("You may not write “%s” in the folder “%s”. Choose another folder, for "
                      "example your Documents folder."),
                   base_utf8, dir_utf8);
      return FALSE;
    }
  if (g_file_test (lock, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _ ("“%s” is open in another program. Close it there, then save again, or "
                      "choose another name."),
                   base_utf8);
      return FALSE;
    }
  return TRUE;
}

/* Checks @path and creates the temporary file to write instead; returns
 * its name, or NULL with @error set. */
gchar *
td_output_begin (const char *path, GError **error)
{
  g_autofree gchar *tmp = g_strdup_printf ("%s.XXXXXX", path);
  int fd;

  if (!td_output_check_writable (path, error))
    return NULL;
  /* 0666 less the umask, as any program's new file (mkstemp alone would
   * make it private). */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree gchar *base = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _ ("Could not write “%s”: %s. Check that the disk is not full and that you "
                      "may write in this folder."),
                   base, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmp);
}

/* Gives @written the permissions of @target when @target exists: a file
 * the clerk made private (0600) stays private when it is replaced.  A new
 * file keeps what the umask gave it. */
void
td_output_keep_mode (const char *target, const char *written)
{
  GStatBuf st;

  if (g_stat (target, &st) == 0 && S_ISREG (st.st_mode))
    g_chmod (written, st.st_mode & 07777);
}

/* Renames @tmp to @path, or, when the writer reported @failure (its own
 * words for what went wrong), removes @tmp and says the disk may be full. */
gboolean
td_output_finish (const char *tmp, const char *path, const char *failure, GError **error)
{
  g_autofree gchar *base = g_filename_display_basename (path);

  if (failure != NULL)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _ ("Could not write “%s” (%s). The disk may be full: free some space or "
                      "choose another place."),
                   base, failure);
      return FALSE;
    }
  /* Here, not when it is made: a writer may replace the temporary file. */
  td_output_keep_mode (path, tmp);
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _ ("Could not save “%s”: %s."),
                   base, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Writes @text to @path the same way (a temporary file beside it, renamed
 * when complete); errors name @path, never the temporary file. */
gboolean
td_output_write_text (const char *path, const char *text, gssize length, GError **error)
{
  g_autofree gchar *tmp = td_output_begin (path, error);
  gsize left = length < 0 ? strlen (text) : (gsize)length;
  const char *failure = NULL;
  int fd;

  if (tmp == NULL)
    return FALSE;
  fd = g_open (tmp, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  if (fd < 0)
    failure = g_strerror (errno);
  while (failure == NULL && left > 0)
    {
      gssize n = write (fd, text, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          failure = g_strerror (n < 0 ? errno : ENOSPC);
          break;
        }
      text += n;
      left -= (gsize)n;
    }
  if (fd >= 0 && failure == NULL && fsync (fd) != 0)
    failure = g_strerror (errno);
  if (fd >= 0 && close (fd) != 0 && failure == NULL)
    failure = g_strerror (errno);
  return td_output_finish (tmp, path, failure, error);
}
