/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sheets the benchmark exports, built from one bloc-year's data.
 *
 * The documents layer's own builders for these papers are not written yet,
 * so the benchmark builds them here, through the same sheet model and the
 * same writers (td_xlsx_write, td_pages_write_pdf) that the real builders
 * will use: the summary, the criteria × units matrix and one scoring sheet
 * per member. */
#pragma once

#include "td-sheet.h"

G_BEGIN_DECLS

/* One bloc-year, flattened: what the sheets show. */
typedef struct
{
  gchar *bloc_name;
  gint year;
  gchar *signer;
  gchar *signer_position;
  gchar *signer_authority;
  guint n_units;
  GPtrArray *unit_names; /* gchar* */
  GPtrArray *unit_short; /* gchar* */
  guint n_nodes;
  GPtrArray *codes;  /* gchar*, per node */
  GPtrArray *titles; /* gchar*, per node */
  GArray *depth;     /* gint, per node: 0 = section */
  GArray *standard;  /* TdPoints, per node */
  /* Node totals, [unit * n_nodes + node]. */
  GArray *self;
  GArray *assessed;
  GArray *final;
  /* Whole-table totals per unit. */
  GArray *unit_self, *unit_assessed, *unit_bonus, *unit_deduction, *unit_final;
  GArray *rank;     /* gint per unit, 1 = best, 0 = not graded */
  GPtrArray *grade; /* gchar* per unit, "" when unknown */
} TdBenchBlocYear;

TdBenchBlocYear *td_bench_bloc_year_new (void);
void td_bench_bloc_year_free (TdBenchBlocYear *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdBenchBlocYear, td_bench_bloc_year_free)

/* Summary + matrix + one sheet per member.  GPtrArray of TdSheet*. */
GPtrArray *td_bench_build_workbook (const TdBenchBlocYear *data);
/* The ranking table (Bảng tổng hợp … và xếp hạng), units in rank order. */
TdSheet *td_bench_build_ranking (const TdBenchBlocYear *data);

/* The sheet models as JSON for bench/td-bench-xlsx.py. */
gboolean td_bench_sheets_dump_json (GPtrArray *sheets, const char *path, GError **error);

G_END_DECLS
