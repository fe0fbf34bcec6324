/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The benchmark's import_forms operation (td-bench-forms.c). */
#pragma once

#include "td-bench-ops.h"

G_BEGIN_DECLS

gboolean td_bench_op_import_forms (const TdBenchConfig *config, TdBenchRun *run,
                                   TdBenchResult *result, GError **error);

G_END_DECLS
