/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading calendar dates typed by people (dd/mm/yyyy) and stored in files
 * (yyyy-mm-dd), strictly: nothing wraps round, nothing is guessed. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The years a date typed in a form or on the command line may have, unless
 * the field says otherwise. */
#define TD_DATE_YEAR_MIN 1900
#define TD_DATE_YEAR_MAX 2100

gboolean td_date_parse (const char *text, guint min_year, guint max_year, GDate *out,
                        GError **error);
gboolean td_date_parse_iso (const char *text, GDate *out);

G_END_DECLS
