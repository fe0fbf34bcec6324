/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Temporary folders of a test program: each run used to leave its
 * databases behind (some of a hundred megabytes), until the disk was full. */
#define _GNU_SOURCE /* nftw */
#include "td-test-tmp.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static GPtrArray *made;
static pid_t maker;

static int
remove_one (const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
  return remove (path) == 0 || errno == ENOENT ? 0 : -1;
}

gboolean
td_test_remove_tree (const char *path)
{
  return nftw (path, remove_one, 16, FTW_DEPTH | FTW_PHYS) == 0 || errno == ENOENT;
}

static void
remove_made (void)
{
  if (getpid () != maker || g_getenv ("TD_TEST_KEEP_TMP") != NULL)
    return;
  for (guint i = 0; i < made->len; i++)
    {
      const char *dir = g_ptr_array_index (made, i);

      if (!td_test_remove_tree (dir))
        g_printerr ("# could not remove %s\n", dir);
    }
}

gchar *
td_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr (GError) error = NULL;
  gchar *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  if (made == NULL)
    {
      made = g_ptr_array_new ();
      maker = getpid ();
      atexit (remove_made);
    }
  g_ptr_array_add (made, g_strdup (dir));
  return dir;
}
