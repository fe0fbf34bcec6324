/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The thidua program's workbook and calendar writers: each loads the
 * formats module the first time one is used (td-formats.h says why) and
 * calls its function.  A module missing or of another build is an error
 * that says so, as any failed export does; the window never loads it
 * before it is asked for a workbook or a calendar file. */
#include "config.h"

#include "td-formats.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

typedef struct
{
  const TdFormatsTable *table; /* NULL when the module could not be loaded */
  gchar *why;                  /* then the reason */
} Loaded;

static gpointer
load_module (gpointer data)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  const char *dir = g_getenv ("THIDUA_MODULEDIR");
  g_autofree gchar *path
      = g_build_filename (dir && *dir ? dir : PKGLIBDIR, TD_FORMATS_MODULE_NAME, NULL);
  /* Local: the module's functions must not stand in for these. */
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  TdFormatsModuleTableFunc get_table = NULL;
  const TdFormatsTable *table;

  if (module == NULL)
    {
      loaded->why = g_strdup (g_module_error ());
      return loaded;
    }
  if (!g_module_symbol (module, TD_FORMATS_MODULE_TABLE_SYMBOL, (gpointer *)&get_table)
      || get_table == NULL || (table = get_table ()) == NULL || table->abi != TD_FORMATS_ABI
      || table->size != sizeof (TdFormatsTable))
    {
      loaded->why = g_strdup_printf (_ ("%s belongs to another version of Thi Đua"), path);
      g_module_close (module);
      return loaded;
    }
  /* Kept for the life of the process: its functions may run in threads. */
  g_module_make_resident (module);
  loaded->table = table;
  return loaded;
}

/* The module's table, or NULL with @error set. */
static const TdFormatsTable *
formats_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  const Loaded *loaded = g_once (&once, load_module, NULL);

  if (loaded->table == NULL)
    g_set_error (
        error, TD_FORMATS_ERROR, TD_FORMATS_ERROR_MISSING,
        _ ("Thi Đua could not load its part that reads and writes workbooks and calendar "
           "files (%s). Install Thi Đua again, or run it from the folder it was built in."),
        loaded->why);
  return loaded->table;
}

/* A function of the table that reports failure through @error. */
#define WITH_ERROR(type, name, fallback, params, args)                                             \
  type name params                                                                                 \
  {                                                                                                \
    const TdFormatsTable *formats = formats_get (error);                                           \
                                                                                                   \
    return formats != NULL ? formats->name args : fallback;                                        \
  }

/* The table for a function only called on what the module made (a
 * workbook opened, a sheet read, a cell): the module is there already. */
static const TdFormatsTable *
formats_loaded (void)
{
  g_autoptr (GError) error = NULL;
  const TdFormatsTable *formats = formats_get (&error);

  if (formats == NULL)
    g_error ("%s", error->message);
  return formats;
}

#define LOADED(type, name, params, args)                                                           \
  type name params                                                                                 \
  {                                                                                                \
    return formats_loaded ()->name args;                                                           \
  }
#define LOADED_VOID(name, params, args)                                                            \
  void name params                                                                                 \
  {                                                                                                \
    formats_loaded ()->name args;                                                                  \
  }

WITH_ERROR (gboolean, td_xlsx_write, FALSE,
            (TdSheet *const *sheets, guint n_sheets, const char *path, const TdXlsxOptions *options,
             GError **error),
            (sheets, n_sheets, path, options, error))
WITH_ERROR (gchar *, td_ical_build, NULL,
            (TdDb * db, gint64 bloc_year_id, const GDate *from, const GDate *to, GDateTime *stamp,
             GError **error),
            (db, bloc_year_id, from, to, stamp, error))
WITH_ERROR (gboolean, td_ical_export, FALSE,
            (TdDb * db, gint64 bloc_year_id, const GDate *from, const GDate *to, const char *path,
             GError **error),
            (db, bloc_year_id, from, to, path, error))
WITH_ERROR (TdXlsxReader *, td_xlsx_reader_open, NULL,
            (const char *path, const TdXlsxLimits *limits, GError **error), (path, limits, error))
WITH_ERROR (TdXlsxSheet *, td_xlsx_reader_read_sheet, NULL,
            (TdXlsxReader * reader, guint index, GError **error), (reader, index, error))
LOADED_VOID (td_xlsx_reader_free, (TdXlsxReader * reader), (reader))
LOADED (guint, td_xlsx_reader_get_n_sheets, (TdXlsxReader * reader), (reader))
LOADED (const char *, td_xlsx_reader_get_sheet_name, (TdXlsxReader * reader, guint index),
        (reader, index))
LOADED (TdXlsxSheetState, td_xlsx_reader_get_sheet_state, (TdXlsxReader * reader, guint index),
        (reader, index))
LOADED (gint, td_xlsx_reader_find_sheet, (TdXlsxReader * reader, const char *name), (reader, name))
LOADED_VOID (td_xlsx_sheet_free, (TdXlsxSheet * sheet), (sheet))
LOADED (const TdXlsxCell *, td_xlsx_sheet_get_cell, (TdXlsxSheet * sheet, guint32 row, guint32 col),
        (sheet, row, col))
LOADED (guint, td_xlsx_sheet_get_n_cells, (TdXlsxSheet * sheet), (sheet))
LOADED (const TdXlsxCell *, td_xlsx_sheet_get_nth_cell, (TdXlsxSheet * sheet, guint n), (sheet, n))
LOADED (gchar *, td_xlsx_cell_to_text, (const TdXlsxCell *cell), (cell))
LOADED (gchar *, td_xlsx_cell_name, (guint32 row, guint32 col), (row, col))
