/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exact points: hundredths of a point in a 64-bit integer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 1 point = 100; "0,5" = 50; "118,4" = 11840.  Never a double. */
typedef gint64 TdPoints;

#define TD_POINTS(whole) ((TdPoints)(whole)*100)
#define TD_POINTS_MAX ((TdPoints)100000000000) /* one billion points */

gboolean td_points_parse (const char *text, TdPoints *out, GError **error);
gchar *td_points_format (TdPoints points);
gchar *td_points_format_signed (TdPoints points);
gchar *td_points_to_ascii (TdPoints points);

G_END_DECLS
