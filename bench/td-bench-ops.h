/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The benchmark's operations and its timing helpers, shared by td-bench.c
 * (the driver and the report) and td-bench-ops.c (what is timed). */
#pragma once

#include "td-bench-generate.h"

G_BEGIN_DECLS

typedef enum
{
  TD_BENCH_FLAT,            /* touches one bloc-year: should not grow with the file */
  TD_BENCH_GROWS_WITH_FILE, /* touches the whole province: may grow linearly */
} TdBenchGrowth;

typedef struct
{
  const char *id;
  const char *label;
  gdouble target_ms; /* 0: no target */
  TdBenchGrowth growth;
} TdBenchOpInfo;

typedef struct
{
  gboolean available;
  gchar *reason; /* why not available */
  guint reps;
  gdouble median_ms, min_ms, max_ms;
  gint64 peak_rss_kb;  /* start-up only */
  gdouble ratio;       /* workbook_python: Python time / C time */
  gdouble floor_ratio; /* startup: median / the bare window's median */
  gint64 floor_rss_kb; /* startup: the bare window's peak RSS */
  gchar *note;
} TdBenchResult;

/* The start-up target: the first frame on the province's database within
 * this ratio of a bare libadwaita window's, measured in the same run, and
 * a peak RSS within this many MB of the bare window's. */
#define TD_BENCH_STARTUP_MAX_RATIO 1.25
#define TD_BENCH_STARTUP_MAX_EXTRA_MB 20

typedef struct _TdBenchStartups TdBenchStartups;
void td_bench_startups_free (TdBenchStartups *startups);

typedef struct
{
  TdBenchShape shape;
  TdBenchStats stats;
  gchar *path;
  gboolean reused;
  gboolean failed;
  gdouble workbook_write_ms; /* C time for what the Python writer does too */
  TdBenchResult *results;    /* one per operation, in td_bench_op_infos order */
  TdBenchStartups *startups; /* both start-ups, once measured */
} TdBenchRun;

typedef struct
{
  const char *dir;
  gint reps;
  gint startup_reps;
  const char *thidua;
  const char *python_script;
  gboolean no_startup;
  gboolean no_python;
  gboolean smoke;
} TdBenchConfig;

typedef gboolean (*TdBenchFunc) (gpointer data, GError **error);

const TdBenchOpInfo *td_bench_op_infos (guint *n);
void td_bench_result_set_times (TdBenchResult *result, GArray *ms);
void td_bench_result_unavailable (TdBenchResult *result, const char *reason);
gboolean td_bench_time (TdBenchResult *result, guint reps, TdBenchFunc fn, gpointer data,
                        GError **error);

/* TRUE (and run->stats filled) when an earlier run left run->path made by
 * this generator for this scale and schema. */
gboolean td_bench_reuse_database (TdBenchRun *run);
/* Generates run->path, or reuses the file an earlier run left when it was
 * made by this generator for this scale and schema. */
gboolean td_bench_prepare_database (TdBenchRun *run, gboolean regenerate, GError **error);
/* FALSE only when the operation failed (a bug to report); an operation
 * whose feature is missing sets result->available = FALSE and returns
 * TRUE. */
gboolean td_bench_run_op (const TdBenchConfig *config, TdBenchRun *run, const TdBenchOpInfo *info,
                          TdBenchResult *result, GError **error);
/* td-bench-startup.c: the operations that run a window under Xvfb. */
gboolean td_bench_op_startup_floor (const TdBenchConfig *config, TdBenchRun *run,
                                    TdBenchResult *result, GError **error);
gboolean td_bench_op_startup (const TdBenchConfig *config, TdBenchRun *run, TdBenchResult *result,
                              GError **error);
gboolean td_bench_op_ui (const TdBenchConfig *config, TdBenchRun *run, const char *what,
                         TdBenchResult *result, GError **error);
/* td-bench-paste.c: the paste_parse operation and its table. */
gchar *td_bench_paste_table (void);
gboolean td_bench_paste_parse (const TdBenchConfig *config, TdBenchResult *result, GError **error);
void td_bench_remove_files (const char *db_path);
void td_bench_remove_work (const char *dir);

G_END_DECLS
