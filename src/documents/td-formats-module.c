/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The formats module's entry point: its table of the workbook and calendar
 * functions, the only symbol it exports (td-formats.h). */
#include "config.h"

#include "td-formats.h"

#include <gmodule.h>

G_MODULE_EXPORT const TdFormatsTable *td_formats_module_table (void);

#define TD_FORMATS_ENTRY(name) .name = name,

G_MODULE_EXPORT const TdFormatsTable *
td_formats_module_table (void)
{
  static const TdFormatsTable table = { .abi = TD_FORMATS_ABI,
                                        .size = sizeof (TdFormatsTable),
                                        TD_FORMATS_FUNCTIONS (TD_FORMATS_ENTRY) };

  return &table;
}
