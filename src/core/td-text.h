/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Vietnamese-aware text helpers: collation for sorting and folding for search. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gchar *td_text_make_valid (const char *text, gssize length);
gchar *td_text_fold (const char *text);
gboolean td_text_matches (const char *haystack_folded, const char *needle);
gint td_text_collate (const char *a, const char *b);
gchar *td_text_normalize_space (const char *text);
/* Appends the cell at @column of a line of tab-separated text (a tab
 * before every cell but the first): in quotes, its quotes doubled, when
 * @quote, as spreadsheets write a cell; else as it is. */
void td_text_append_tsv_cell (GString *out, guint column, const char *cell, gboolean quote);

G_END_DECLS
