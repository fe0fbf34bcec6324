/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the paste reader knows of each row besides its public fields:
 * the code as a path, the figures of its cells and the phrases of its
 * text, and the clerk's choices.  Shared by td-criteria-paste.c (reading
 * the text, the editing API, building the table) and td-paste-interpret.c
 * (structure, rules, notes, checks, words). */
#pragma once

#include "td-criteria-paste.h"
#include "td-paste-text.h"

G_BEGIN_DECLS

typedef struct
{
  /* The code */
  gchar *code;         /* as shown: cleaned of "Mục", trailing "." and ")" */
  GStrv path;          /* normalized parts ("a1.1" → a, 1, 1; "C" → c); NULL without a code */
  gboolean code_upper; /* a one-part code in capitals ("A", "C", "II") */
  gboolean code_bad;   /* the code cell holds something that is not a code */
  gboolean bullet;     /* "- …", "+ …", "• …" without a code */

  /* The cells */
  TdPasteCell std, bonus, ded;
  gchar *cell_problems;  /* from reading the cells; "" when none */
  gboolean cell_refused; /* a points cell holds text that is not a figure */

  /* The text (folded) and its phrases */
  gchar *folded;
  gboolean has_t_std, has_t_ded, has_t_bonus, has_t_cap, has_t_points;
  TdPoints t_std, t_ded, t_bonus, t_cap, t_points;
  gint t_cap_which; /* −1 deduction, +1 bonus, 0 unsaid */
  gboolean t_each, t_option_group, t_disqualify, t_exemption, t_guidance, t_level;
  gboolean linear, lin_deduction, lin_has_threshold;
  gint64 lin_step, lin_threshold;
  TdPoints lin_rate;
  gboolean has_range; /* a range of % in the text */
  TdRange range;
  gboolean size_class; /* "dưới 1.000 hồ sơ/năm: từ 1% …: cộng 0,5; …" */
  TdRange size_range;
  GPtrArray *size_brackets; /* TdRuleOption* */
  GPtrArray *own_brackets;  /* brackets listed in the text itself */
  GPtrArray *own_options;   /* options listed in the text itself */
  gboolean note_caps;
  TdPoints n_bonus_cap, n_deduction_cap;
  gboolean n_separate;
  gchar *named_code; /* the code a note names, folded; NULL */
  GArray *figures;   /* TdPasteFigure of the text */

  /* The clerk's choices (−1: none) */
  gint forced_role;
  gint forced_kind;
  gint forced_owner; /* parts: their criterion; notes: their target */
  gboolean forced_skip;

  /* Derived by the structure pass */
  gint tree_parent; /* coded rows: the coded row above it in the tree; codeless: the nearest */
} TdPasteRowInfo;

#define ROW_INFO(row) ((TdPasteRowInfo *)(row)->priv)

/* td-paste-interpret.c: everything after reading the cells. */
void td_paste_interpret (TdPastePreview *preview);
/* A code split into normalized parts, NULL when it is not a code. */
GStrv td_paste_code_path (const char *code, gboolean *upper);
/* Whether two paths are equal, dots and case ignored. */
gboolean td_paste_path_equal (const char *const *a, const char *const *b);

/* td-criteria-paste.c */
void td_paste_row_read (TdPastePreview *preview, TdPasteRow *row);

G_END_DECLS
