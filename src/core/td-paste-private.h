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
  gchar bullet_mark;   /* '-' (also "–"), '+', '*' or the first byte of "•"; 0 for a
                        * sign ("+ 0,1 điểm cho mỗi …") or no bullet */

  /* The cells */
  TdPasteCell std, bonus, ded;
  gchar *cell_problems;  /* from reading the cells; "" when none */
  gboolean cell_refused; /* a points cell holds text that is not a figure */
  gint words_column;     /* a points column (TdPasteColumn) whose cell states the rule in
                          * words, read with the text; −1 when none */

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
  GPtrArray *own_levels;    /* grades listed in the text itself ("Tốt: 10 điểm; Khá: …") */
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
  gint in_section;  /* +1 under a section of bonuses ("ĐIỂM THƯỞNG"), −1 of deductions, 0 */
  gboolean section_figure; /* has_t_bonus / has_t_ded set from its "N điểm" by in_section */
} TdPasteRowInfo;

#define ROW_INFO(row) ((TdPasteRowInfo *)(row)->priv)

/* td-paste-interpret.c: everything after reading the cells. */
void td_paste_interpret (TdPastePreview *preview);

/* One reading of the rows: what each row's interpretation used, said
 * and explained. */
typedef struct
{
  GArray *used;      /* TdPoints the interpretation took from the row */
  GString *problems; /* one per line */
  GString *why;      /* explanations added to the row's meaning */
  TdPasteStatus status;
  TdPoints stated; /* standard points the row states (column or text) */
  gboolean has_stated;
} TdPasteWork;

typedef struct
{
  TdPastePreview *preview;
  TdPasteWork *work;
  guint n;
} TdPastePass;

TdPasteRow *td_paste_row_of (TdPastePass *pass, gint i);
/* A figure of the row that the reading used. */
void td_paste_use (TdPasteWork *w, TdPoints value);
/* A problem of the row (translated), raising its status. */
void td_paste_say (TdPasteWork *w, TdPasteStatus status, const char *format, ...)
    G_GNUC_PRINTF (3, 4);
/* Words added to the row's meaning. */
void td_paste_explain (TdPasteWork *w, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* "a1", or "line 12" for a row without a code: how messages name a row. */
gchar *td_paste_name_of (TdPasteRow *row);

/* td-paste-tree.c: the tree of the rows (parents by codes, bullets),
 * figures under a section of bonuses or deductions, the first roles. */
void td_paste_build_tree (TdPastePass *pass);
void td_paste_section_figures (TdPastePass *pass);
void td_paste_tentative_roles (TdPastePass *pass);
/* +1 for the words of a section of bonuses, −1 of deductions, else 0. */
gint td_paste_section_words (const char *folded);
/* Standard points a row states: its column, or "(điểm chuẩn 3 điểm)". */
gboolean td_paste_stated_standard (TdPasteRowInfo *info, TdPoints *out);

/* A bonus (> 0) or a deduction (< 0) a row gives, from its columns or
 * else its text; 0 when none. */
TdPoints td_paste_signed_amount (TdPastePreview *preview, TdPasteRowInfo *info);
/* Points a level states: its column or "…: 5 điểm". */
gboolean td_paste_level_points (TdPasteRowInfo *info, TdPoints *out);

/* td-paste-grades.c: the rule of criterion i from its parts; levels:
 * grades listed in one text, or NULL. */
void td_paste_rule_from_parts (TdPastePass *pass, gint i, GPtrArray *levels);

/* td-paste-check.c: notes and guidance onto their rows, the checks, the
 * words; frees the pass's work. */
void td_paste_finish (TdPastePass *pass);
/* A code split into normalized parts, NULL when it is not a code. */
GStrv td_paste_code_path (const char *code, gboolean *upper);
/* Whether two paths are equal, dots and case ignored. */
gboolean td_paste_path_equal (const char *const *a, const char *const *b);

/* td-criteria-paste.c */
void td_paste_row_read (TdPastePreview *preview, TdPasteRow *row);

/* What the reader keeps of the pasted text, for the clerk's later
 * changes. */
typedef struct
{
  GPtrArray *lines; /* each physical line as split: GPtrArray* of gchar* fields */
  gint *joined_to;  /* per line: the line whose cell it goes on with, −1 */
  guint *shift;     /* per line: the column its first field stands in (the rest of a row) */
  /* Columns between the code and the text holding deeper parts of the
   * code ("I ⇥ ⇥ …" over "⇥ 1 ⇥ …"): the deepest filled one is the code. */
  gint code_columns[4];
  guint n_code_columns;
} TdPastePreviewInfo;

#define PREVIEW_INFO(preview) ((TdPastePreviewInfo *)(preview)->priv)

/* td-paste-rows.c: the text into rows and cells. */
#define TD_PASTE_MAX_CELL 4000
/* The code without words like "Tiêu chuẩn", a trailing "." or ")". */
gchar *td_paste_clean_code (const char *code);
/* "-", "–", "•", "*", "+": a bullet, not a code. */
gboolean td_paste_is_bullet (const char *s);
/* "1. Công tác…", "a) Nộp…", "TIÊU CHUẨN 1: …": the code written in the
 * title, and the title without it (kept whole for "Tiêu chuẩn 1"). */
gboolean td_paste_split_code_from_title (const char *title, gchar **code, gchar **rest);
/* The lines of the text (GPtrArray* of gchar* fields), split at sep with
 * Excel's quoting. */
GPtrArray *td_paste_split_lines (const char *text, char sep);
/* The column headers at the top of lines (title lines above them
 * skipped): sets preview->columns and the first header line; the number
 * of header lines, 0 when there is none. */
guint td_paste_read_headers (TdPastePreview *preview, GPtrArray *lines, guint *first);
/* Without headers: the columns guessed from the lines' shape. */
void td_paste_guess_columns (TdPastePreview *preview, GPtrArray *lines);
/* Lines from `from` on that are the rest of a line above, where a cell of
 * Word's table went on to a new line: joined_to[j] is that line, −1 for
 * the others; shift[j] the column its first field stands in (0 for the
 * others).  The header lines are first … from − 1. */
void td_paste_find_continuations (GPtrArray *lines, guint first, guint from, gint *joined_to,
                                  guint *shift);
/* Columns right of the code column holding deeper parts of the code
 * (PREVIEW_INFO's code_columns). */
void td_paste_find_code_columns (TdPastePreview *preview, GPtrArray *lines, guint from);
/* A line's fields into the cells of a row, by the preview's columns
 * (cells[m] replaced). */
void td_paste_map_cells (TdPastePreview *preview, GPtrArray *fields, gchar **cells);
/* Line i with the lines joined to it: one row's fields (new array). */
GPtrArray *td_paste_join_lines (GPtrArray *lines, const gint *joined_to, guint i);

G_END_DECLS
