/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing an exported file safely: checks first, a temporary file beside
 * the target, and a rename at the end. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean td_output_check_writable (const char *path, GError **error);
gchar *td_output_begin (const char *path, GError **error);
gboolean td_output_finish (const char *tmp, const char *path, const char *failure, GError **error);

void td_output_keep_mode (const char *target, const char *written);
gboolean td_output_write_text (const char *path, const char *text, gssize length, GError **error);

G_END_DECLS
