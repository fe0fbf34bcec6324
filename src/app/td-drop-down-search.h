/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search in a drop-down's list as a clerk types names: case and Vietnamese
 * diacritics ignored, any word of the name matched. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For a drop-down whose expression gives each item's name: turns its
 * search on, matching the typed text anywhere in the name, with or without
 * case and diacritics ("Tư", "phap", "tu phap" all find "Sở Tư pháp"),
 * and puts a Vietnamese placeholder in its search field.  Call after the
 * model and expression are set (setting either again puts back GTK's own
 * search from the start of the name). */
void td_drop_down_search_words (GtkDropDown *dropdown);

G_END_DECLS
