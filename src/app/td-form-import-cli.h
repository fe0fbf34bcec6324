/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "thidua import-forms DATABASE FILE… [--dry-run]": filled self-score
 * forms into the self-scores, no display. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int td_form_import_cli_run (int argc, char **argv);

G_END_DECLS
