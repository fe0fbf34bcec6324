/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Command-line actions that need no display. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean td_cli_is_command (const char *word);
int td_cli_run (int argc, char **argv);
gchar *td_cli_describe_commands (void);

G_END_DECLS
