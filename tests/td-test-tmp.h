/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A test program's own temporary folders, removed when it ends well. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new folder under the temporary folder, named after @tmpl (as for
 * g_dir_make_tmp, "name-XXXXXX"); fails the test if it cannot be made.
 * It and everything in it are removed when the program exits normally
 * (a test that fails aborts, and leaves its files to be looked at), unless
 * TD_TEST_KEEP_TMP is set.  A forked child's exit removes nothing. */
gchar *td_test_make_tmp_dir (const char *tmpl);

/* Removes @path and, for a folder, everything under it; links are removed,
 * never followed.  TRUE when nothing is left. */
gboolean td_test_remove_tree (const char *path);

G_END_DECLS
