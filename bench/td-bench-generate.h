/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The benchmark's province database: a deterministic generator that fills a
 * Thi Đua database through the core API (same seed, same file content). */
#pragma once

#include "td-db.h"

G_BEGIN_DECLS

/* What to generate.  td_bench_shape_for_scale() fills it from --scale. */
typedef struct
{
  gdouble scale;
  gint n_blocs;    /* 40 at scale 1 */
  gint n_members;  /* units per bloc-year: 15 */
  gint n_years;    /* 5 */
  gint first_year; /* 2020 */
  gint n_criteria; /* leaf criteria per table: 200 */
  guint64 seed;
} TdBenchShape;

/* What was generated, for the report and for the operations to use. */
typedef struct
{
  gint64 n_units;
  gint64 n_blocs;
  gint64 n_bloc_years;
  gint64 n_members;
  gint64 n_criteria; /* every node of every table */
  gint64 n_entries;  /* self + assessed */
  gint64 n_campaigns;
  gint64 n_deadlines;
  gint64 n_events;
  gdouble seconds;
  gint64 file_bytes;
  /* Bloc-year ids, [bloc * n_years + year index]. */
  GArray *bloc_year_ids;
  /* What could not be generated with the features on this branch. */
  GPtrArray *missing;
} TdBenchStats;

void td_bench_shape_for_scale (TdBenchShape *shape, gdouble scale);
void td_bench_stats_clear (TdBenchStats *stats);

/* Creates @path (replacing it) and fills it.  Fails with a GError saying
 * which step failed. */
gboolean td_bench_generate (const char *path, const TdBenchShape *shape, TdBenchStats *stats,
                            GError **error);

/* The deterministic generator every random choice comes from
 * (splitmix64: tiny, fast, the same on every platform). */
typedef struct
{
  guint64 state;
} TdBenchRandom;

void td_bench_random_init (TdBenchRandom *rnd, guint64 seed);
guint64 td_bench_random_next (TdBenchRandom *rnd);
/* Uniform in 0..n-1. */
guint32 td_bench_random_below (TdBenchRandom *rnd, guint32 n);

G_END_DECLS
