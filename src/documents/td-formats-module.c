/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The formats module's entry point: its table of the workbook and calendar
 * writers, the only symbol it exports (td-formats.h). */
#include "config.h"

#include "td-formats.h"

#include <gmodule.h>

G_MODULE_EXPORT const TdFormatsTable *td_formats_module_table (void);

G_MODULE_EXPORT const TdFormatsTable *
td_formats_module_table (void)
{
  static const TdFormatsTable table = {
    .abi = TD_FORMATS_ABI,
    .size = sizeof (TdFormatsTable),
    .xlsx_write = td_xlsx_write,
    .ical_build = td_ical_build,
    .ical_export = td_ical_export,
  };

  return &table;
}
