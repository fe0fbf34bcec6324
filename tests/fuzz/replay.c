/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a harness over every file of its kept corpus, built with the normal
 * compiler and no libFuzzer: every input that ever crashed a parser, and the
 * seeds, stay a regression test of the ordinary suite (and under
 * scripts/run-tests.sh --sanitize, with AddressSanitizer).
 * Usage: fuzz-replay-NAME FILE|FOLDER … */
#include "fuzz-common.h"

#include <glib/gstdio.h>

int LLVMFuzzerInitialize (int *argc, char ***argv) __attribute__ ((weak));

static guint
run_file (const char *path)
{
  g_autofree gchar *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
  return 1;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

int
main (int argc, char **argv)
{
  guint n = 0;

  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);
  else
    fuzz_set_locale ();
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GDir) dir = g_dir_open (argv[i], 0, NULL);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        {
          n += run_file (argv[i]);
          continue;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (names, compare_names);
      for (guint j = 0; j < names->len; j++)
        n += run_file (names->pdata[j]);
    }
  printf ("%u inputs replayed\n", n);
  return n > 0 ? 0 : 1;
}
