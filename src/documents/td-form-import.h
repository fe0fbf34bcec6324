/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filled self-score forms read back into the scores.
 *
 * Three steps, so the window can read files in a thread and write nothing
 * until the clerk says so:
 *   1. td_form_file_read: the file alone, in any thread, no database.  It
 *      sniffs what the file is (td-sniff.h), opens it with the .xlsx
 *      reader (td-xlsx-reader.h) and collects every form in it (a workbook
 *      of all members' forms holds one per data sheet).
 *   2. td_form_plan: against the database, nothing written.  Each form is
 *      checked as a whole (its bloc-year, the seal, the table's
 *      fingerprint, the unit, the layout) and then cell by cell; the plan
 *      lists the unit, every row that changes (old → new self-score), the
 *      cells refused with their reason, and the unit's self-score total
 *      before and after.  A form refused as a whole says why and what to do.
 *   3. td_form_plans_apply: each form that is ready is saved in one
 *      transaction, audited as imported from its file (td-score-import.h),
 *      with Undo. */
#pragma once

#include <gio/gio.h>

#include "td-db.h"
#include "td-points.h"
#include "td-score-import.h"

G_BEGIN_DECLS

typedef struct _TdFormFile TdFormFile;

/* The files to read from what the clerk named: files as they are, and
 * every file of a named folder (not its sub-folders, not hidden files nor
 * Office's "~$" lock files), in name order.  GPtrArray of paths; NULL when
 * a path does not exist. */
GPtrArray *td_form_files_expand (const char *const *paths, GError **error);

/* Never NULL: a file that cannot be read carries the reason. */
TdFormFile *td_form_file_read (const char *path);
void td_form_file_free (TdFormFile *file);
/* Reads @paths on every processor (a folder of forms reads in a fraction
 * of the time); TdFormFile* in the order of @paths.  Cancelled: NULL. */
GPtrArray *td_form_files_read (GPtrArray *paths, GCancellable *cancellable);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdFormFile, td_form_file_free)
const char *td_form_file_get_path (TdFormFile *file);

typedef enum
{
  TD_FORM_READY,   /* changes to import */
  TD_FORM_NOTHING, /* read, but nothing differs from the saved scores */
  TD_FORM_REFUSED, /* refused as a whole: see reason */
} TdFormStatus;

typedef struct
{
  gint64 criterion_id;
  gchar *label;    /* "II.2 Tỷ lệ hồ sơ …" */
  gchar *old_text; /* the value as a score cell shows it, "" when there was none */
  gchar *new_text;
  TdPoints old_points, new_points; /* what the row gives (bonus and deduction included) */
  gboolean evidence_changed;
  gpointer entry; /* TdEntry to save (private to the importer) */
} TdFormChange;

typedef struct
{
  gchar *cell;   /* "D23" */
  gchar *label;  /* the criterion, or the row */
  gchar *value;  /* what the cell holds */
  gchar *reason; /* why it was not imported, translated */
} TdFormRefusal;

typedef struct
{
  gchar *path;
  gchar *file_name; /* for display */
  gchar *sheet;     /* the form's worksheet, NULL for a file refused whole */
  TdFormStatus status;
  gchar *reason; /* REFUSED: what is wrong and what to do */
  gint64 bloc_year_id;
  gint64 unit_id;
  gchar *unit_name;
  GPtrArray *changes;  /* TdFormChange */
  GPtrArray *refusals; /* TdFormRefusal */
  gboolean has_totals;
  TdPoints old_total, new_total; /* the unit's self-score total */
  gboolean disqualified;         /* after import, by a disqualifier */
  /*< private >*/
  gpointer table;
} TdFormPlan;

void td_form_plan_free (TdFormPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdFormPlan, td_form_plan_free)

/* Plans every form of @files (TdFormFile*) against @db.  @bloc_year_id:
 * the bloc-year the forms must be for (0: each its own).  Returns
 * TdFormPlan* in file order; NULL only when the database cannot be read. */
GPtrArray *td_form_plan (TdDb *db, GPtrArray *files, gint64 bloc_year_id, GError **error);

/* How many plans are READY, and their changes and refused cells. */
void td_form_plans_count (GPtrArray *plans, guint *n_ready, guint *n_changes, guint *n_refused,
                          guint *n_cells_refused);

/* Saves every READY plan, one transaction each, in order; on a failure
 * stops there (the forms before stay saved and are in @undo).
 * @n_imported: the forms saved, also on failure. */
gboolean td_form_plans_apply (TdDb *db, GPtrArray *plans, TdScoreImport *undo, guint *n_imported,
                              GError **error);

G_END_DECLS
