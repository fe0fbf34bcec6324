/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The formats module's table: the workbook writer and reader and the
 * calendar writer (td-xlsx.c, td-xlsx-reader.c, td-xlsx-sheet.c,
 * td-ical.c), which the thidua program reaches through a module it loads
 * on first use (td-formats.c), so that libxlsxwriter, libcrypto, libgsf,
 * libxml2, libical and ICU are not loaded before the window's first frame.
 * Tests and the benchmark link those functions directly. */
#pragma once

#include "td-ical.h"
#include "td-xlsx-reader.h"
#include "td-xlsx.h"

G_BEGIN_DECLS

/* Raised with the table's layout; a module of another build is refused. */
#define TD_FORMATS_ABI 2

/* The error of a formats function when the module could not be loaded
 * (its message names the file and what to do).  Inline: the program's
 * readers check it, and tests link the formats without the loader. */
#define TD_FORMATS_ERROR (td_formats_error_quark ())
static inline GQuark
td_formats_error_quark (void)
{
  return g_quark_from_static_string ("td-formats-error-quark");
}
enum
{
  TD_FORMATS_ERROR_MISSING
};

/* The module's file name, in PKGLIBDIR or, run from the build tree, in
 * its src/documents (THIDUA_MODULEDIR, set by src/main.c). */
#define TD_FORMATS_MODULE_NAME "libthidua-formats.so"

/* Every function of the table, once: F (name) for each. */
#define TD_FORMATS_FUNCTIONS(F)                                                                    \
  F (td_xlsx_write)                                                                                \
  F (td_ical_build)                                                                                \
  F (td_ical_export)                                                                               \
  F (td_xlsx_reader_open)                                                                          \
  F (td_xlsx_reader_free)                                                                          \
  F (td_xlsx_reader_get_n_sheets)                                                                  \
  F (td_xlsx_reader_get_sheet_name)                                                                \
  F (td_xlsx_reader_get_sheet_state)                                                               \
  F (td_xlsx_reader_find_sheet)                                                                    \
  F (td_xlsx_reader_read_sheet)                                                                    \
  F (td_xlsx_sheet_free)                                                                           \
  F (td_xlsx_sheet_get_cell)                                                                       \
  F (td_xlsx_sheet_get_n_cells)                                                                    \
  F (td_xlsx_sheet_get_nth_cell)                                                                   \
  F (td_xlsx_cell_to_text)                                                                         \
  F (td_xlsx_cell_name)

#define TD_FORMATS_FIELD(name) __typeof__ (name) *name;

typedef struct
{
  guint abi;
  gsize size;
  TD_FORMATS_FUNCTIONS (TD_FORMATS_FIELD)
} TdFormatsTable;

/* The one symbol the module exports (td-formats-module.c). */
typedef const TdFormatsTable *(*TdFormatsModuleTableFunc) (void);
#define TD_FORMATS_MODULE_TABLE_SYMBOL "td_formats_module_table"

G_END_DECLS
