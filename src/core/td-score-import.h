/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a batch of scores that came from a file (a member's filled
 * self-score form), with Undo.
 *
 * One call saves the entries of one form in one transaction through
 * td_entry_save (the same checks and audit rows as a score typed in the
 * window), and marks every audit row it wrote with where the values came
 * from: the audit's user reads "hoa · nhập từ tệp Phieu-tu-cham-STP.xlsx".
 * The values replaced are kept, so td_score_import_undo puts back exactly
 * what was there before (an entry that did not exist is deleted again). */
#pragma once

#include "td-entries.h"

G_BEGIN_DECLS

typedef struct _TdScoreImport TdScoreImport;

TdScoreImport *td_score_import_new (void);
void td_score_import_free (TdScoreImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdScoreImport, td_score_import_free)

/* Around the saves of many files: the page cache is enlarged for the batch
 * and the write-ahead log is checkpointed once at the end instead of every
 * 4 MB (a province's file rewrote the same pages again and again). */
void td_score_import_begin_batch (TdDb *db, TdScoreImport *import);
void td_score_import_end_batch (TdDb *db, TdScoreImport *import);

/* Entries saved so far (what Undo would put back). */
guint td_score_import_get_n_saved (TdScoreImport *import);

/* Saves @entries (TdEntry*, each with its criterion in @table) in one
 * transaction; the audit rows say they came from @source_name (a file
 * name).  On failure nothing of this call is saved and @import is as
 * before. */
gboolean td_score_import_save (TdDb *db, const TdCriteriaTable *table, GPtrArray *entries,
                               const char *source_name, TdScoreImport *import, GError **error);

/* Puts back what every td_score_import_save of @import replaced, newest
 * first, in one transaction, audited as undoing the import. */
gboolean td_score_import_undo (TdDb *db, TdScoreImport *import, GError **error);

G_END_DECLS
