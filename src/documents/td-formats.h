/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The formats module's table: the functions of td-xlsx.c and td-ical.c that
 * the thidua program reaches through the module it loads on first use
 * (td-formats.c), so that libxlsxwriter, libcrypto, libical and ICU are not
 * loaded before the window's first frame.  Tests and the benchmark link
 * those functions directly and never load the module. */
#pragma once

#include "td-ical.h"
#include "td-xlsx.h"

G_BEGIN_DECLS

/* Raised with the table's layout; a module of another build is refused. */
#define TD_FORMATS_ABI 1

/* The module's file name, in PKGLIBDIR or, run from the build tree, in
 * its src/documents (THIDUA_MODULEDIR, set by src/main.c). */
#define TD_FORMATS_MODULE_NAME "libthidua-formats.so"

typedef struct
{
  guint abi;
  gsize size;
  gboolean (*xlsx_write) (TdSheet *const *sheets, guint n_sheets, const char *path,
                          const TdXlsxOptions *options, GError **error);
  gchar *(*ical_build) (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to,
                        GDateTime *stamp, GError **error);
  gboolean (*ical_export) (TdDb *db, gint64 bloc_year_id, const GDate *from, const GDate *to,
                           const char *path, GError **error);
} TdFormatsTable;

/* The one symbol the module exports (td-formats-module.c). */
typedef const TdFormatsTable *(*TdFormatsModuleTableFunc) (void);
#define TD_FORMATS_MODULE_TABLE_SYMBOL "td_formats_module_table"

G_END_DECLS
