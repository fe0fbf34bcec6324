/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The editor pane of the Criteria section: one criterion's fields and rule. */
#pragma once

#include <adwaita.h>

#include "td-criteria.h"

G_BEGIN_DECLS

#define TD_TYPE_CRITERION_EDITOR (td_criterion_editor_get_type ())
G_DECLARE_FINAL_TYPE (TdCriterionEditor, td_criterion_editor, TD, CRITERION_EDITOR, AdwBin)

/* Shows @criterion (copied; NULL for none) of @db with its @problems (one per
 * line, "" for none).  Edits are saved at once through td_criteria_update. */
void td_criterion_editor_set_criterion (TdCriterionEditor *self, TdDb *db,
                                        const TdCriterion *criterion, const char *problems);
void td_criterion_editor_focus_title (TdCriterionEditor *self);

G_END_DECLS
