/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The base of every section of the main window (Overview, Units, …): the
 * open database and the bloc-year it shows, reading them again when they
 * change (at once while shown, when next shown otherwise), the title and
 * icon of its sidebar row, its keyboard shortcuts, its menu items and the
 * sheet Ctrl+P prints.  See td-section-page.c for how a section is made. */
#pragma once

#include <adwaita.h>

#include "td-db.h"

G_BEGIN_DECLS

#define TD_TYPE_SECTION_PAGE (td_section_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (TdSectionPage, td_section_page, TD, SECTION_PAGE, AdwBin)

/* Where a section's shortcut works. */
typedef enum
{
  /* While the section is shown, wherever the focus is in the window (the
   * sidebar, the header bar's bloc and year…). */
  TD_SHORTCUT_WINDOW,
  /* Only while the focus is inside the section: for keys that other
   * widgets also use (Delete in a list, Alt+← which the sidebar's leaflet
   * takes for "back", Page Up in a text field). */
  TD_SHORTCUT_FOCUS,
} TdShortcutScope;

struct _TdSectionPageClass
{
  AdwBinClass parent_class;

  /* Reads everything again for the current database and bloc-year.  Runs
   * when either changes while the section is shown, or when it is shown
   * after a change. */
  void (*reload) (TdSectionPage *self);
  /* The database said @what changed ("registry", "entries", "campaigns"…,
   * see td_db_notify_changed).  The default reloads when shown
   * (td_section_page_reload_when_shown); a section overrides it to skip
   * changes that do not concern it or to update in place. */
  void (*refresh) (TdSectionPage *self, const char *what);
  /* The database or the bloc-year is about to change: forget what belonged
   * to the old one (a selection, an undo).  Optional. */
  void (*context_changed) (TdSectionPage *self);
  /* The official sheet Ctrl+P previews while the section is shown
   * (TD_SHEET_RANKING …).  The default is the one given to
   * td_section_page_class_set_section. */
  const char *(*sheet_for_print) (TdSectionPage *self);

  /*< private >*/
  const char *name;
  const char *title;
  const char *icon_name;
  const char *sheet;
  gpointer padding[8];
};

/* For class_init: the section's id (for win.show-section and --section),
 * its translatable title (marked with N_), its icon and its default sheet.
 * Also sets the class's template, ui/td-NAME-page.ui, when there is one. */
void td_section_page_class_set_section (TdSectionPageClass *klass, const char *name,
                                        const char *title, const char *icon_name,
                                        const char *sheet);
/* For class_init: a shortcut that activates the section's @action_name
 * (with the arguments of @format_string, or none when it is NULL). */
void td_section_page_class_add_shortcut (TdSectionPageClass *klass, TdShortcutScope scope,
                                         guint keyval, GdkModifierType mods,
                                         const char *action_name, const char *format_string, ...);
/* A shortcut of a section, for a table of them: @keyval with @mods
 * activates @action_name, with the string @target as its argument (NULL:
 * none). */
typedef struct
{
  TdShortcutScope scope;
  guint keyval;
  GdkModifierType mods;
  const char *action_name;
  const char *target;
} TdSectionShortcut;

/* For class_init: each shortcut of the table @shortcuts. */
void td_section_page_class_add_shortcuts (TdSectionPageClass *klass,
                                          const TdSectionShortcut *shortcuts, gsize n_shortcuts);
/* For class_init: an item of the section's menu (td_section_page_get_menu),
 * e.g. "Import Self-Score Forms…" → "scores.import-forms". */
void td_section_page_class_add_menu_item (TdSectionPageClass *klass, const char *label,
                                          const char *detailed_action);

const char *td_section_page_class_get_name (TdSectionPageClass *klass);
const char *td_section_page_class_get_title (TdSectionPageClass *klass);
const char *td_section_page_class_get_icon_name (TdSectionPageClass *klass);
/* The shortcuts the class declared (GtkShortcut), in order. */
GListModel *td_section_page_class_get_shortcuts (TdSectionPageClass *klass);

TdDb *td_section_page_get_database (TdSectionPage *self);
void td_section_page_set_database (TdSectionPage *self, TdDb *db);
gint64 td_section_page_get_bloc_year_id (TdSectionPage *self);
void td_section_page_set_bloc_year_id (TdSectionPage *self, gint64 bloc_year_id);
/* Shorthands for a section's own code, which passes its self. */
static inline TdDb *
td_section_db (gpointer section)
{
  return td_section_page_get_database (section);
}

static inline gint64
td_section_bloc_year (gpointer section)
{
  return td_section_page_get_bloc_year_id (section);
}

/* TRUE when a database is open and may be changed. */
gboolean td_section_page_is_writable (TdSectionPage *self);
const char *td_section_page_get_sheet_for_print (TdSectionPage *self);
/* The section's menu (the items of td_section_page_class_add_menu_item);
 * a section shows it with a menu button bound to "menu-model". */
GMenuModel *td_section_page_get_menu (TdSectionPage *self);

/* Reload now when shown, or when next shown. */
void td_section_page_reload_when_shown (TdSectionPage *self);
/* Reload once when the window is idle (a burst of changes, an import,
 * reloads once), or when next shown. */
void td_section_page_queue_reload (TdSectionPage *self);
/* Reload now if a change is waiting for the section to be shown: for
 * public getters, so that what they return is current even while hidden. */
void td_section_page_ensure_loaded (TdSectionPage *self);

/* The window the section is in, for dialogs (NULL before it is in one). */
GtkWindow *td_section_page_get_window (TdSectionPage *self);

G_END_DECLS
