/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An empty state that asks which bloc and year to work on, and offers them. */
#pragma once

#include <adwaita.h>

#include "td-db.h"

G_BEGIN_DECLS

#define TD_TYPE_BLOC_YEAR_PROMPT (td_bloc_year_prompt_get_type ())
G_DECLARE_FINAL_TYPE (TdBlocYearPrompt, td_bloc_year_prompt, TD, BLOC_YEAR_PROMPT, AdwBin)

void td_bloc_year_prompt_refresh (TdBlocYearPrompt *self);

G_END_DECLS
