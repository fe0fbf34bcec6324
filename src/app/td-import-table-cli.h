/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "thidua import-table DATABASE FILE …": a criteria table from a file, no display. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int td_import_table_cli_run (int argc, char **argv);

G_END_DECLS
