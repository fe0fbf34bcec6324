/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pasting a criteria table: placeholder until the parser tests land. */
#include "config.h"

#include "td-criteria-paste.h"

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  return g_test_run ();
}
