/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "thidua export SHEET …": official sheets to xlsx or PDF, no display. */
#pragma once

#include <glib.h>

#include "td-db.h"
#include "td-sheet.h"

G_BEGIN_DECLS

/* What the command line asked for; bloc and unit are a name or an id, as
 * typed (the builder resolves them and reports an unknown one). */
typedef struct
{
  const char *bloc;
  int year;
  const char *unit;
} TdExportRequest;

int td_export_cli_run (int argc, char **argv);

G_END_DECLS
