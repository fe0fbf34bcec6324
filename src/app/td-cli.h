/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Command-line actions that need no display. */
#pragma once

#include "td-db.h"

G_BEGIN_DECLS

gboolean td_cli_is_command (const char *word);
int td_cli_run (int argc, char **argv);
gchar *td_cli_describe_commands (void);
/* For commands: the bloc-year named by --bloc (number or name, matched as
 * in every command; optional when the database has one bloc) and --year
 * (0: the newest), or 0 with a message listing what exists. */
gint64 td_cli_find_bloc_year (TdDb *db, const char *bloc_name, gint year, GError **error);

G_END_DECLS
