/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pasting a criteria table copied from Word, Excel or LibreOffice.
 *
 * The text is tab-separated rows as the clipboard holds them.  The reader
 * understands tables as clerks' documents write them:
 *   - column headers over one or two lines, merged or repeated ("STT | TIÊU
 *     CHUẨN | ĐIỂM" over " | | Chuẩn | Thưởng | Trừ"), one signed column
 *     ("Điểm cộng/trừ"), extra columns it does not need (self-scores,
 *     notes), a "Tổng cộng" line with the stated total;
 *   - codes whose style varies in one table ("C" among "a, b, d", "C1.1",
 *     "a.7.6" next to "a7.5"), codes written in the title ("1. …"), rows
 *     without a code (bullets, notes, guidance);
 *   - numbers written "01", "02 điểm", "- 0,5", "+ 0,1", "0.5", "1.000";
 *   - the Nội dung text: "(điểm chuẩn 3 điểm)", "trừ 0,5 điểm", "mỗi …",
 *     "cứ mỗi 1% …", "tối đa", "không quá", "từ … đến dưới …%", "dưới …
 *     hồ sơ/năm", "01 trong 02 trường hợp", "(không xếp loại)".
 *
 * Each row gets a role: a criterion of the tree (with its rule), a part of
 * the rule of the criterion above it (a grade, an option, a size class or
 * a bracket), a note that caps an item or exempts the deductions above it,
 * guidance text of a criterion, or skipped (headers, the total, empty
 * lines).  Every figure of a points column and every "cộng/trừ N điểm" of
 * the text ends up in the interpretation, or the row says that it was not
 * used and why: no number is dropped silently.
 *
 * The clerk fixes what is doubtful in a preview: change the cells of a row
 * (td_paste_row_set_cells), skip a row, change a criterion's kind, make a
 * row a note of another row, make selected rows the options or the grades
 * of the criterion above them.  Each change interprets the table again and
 * keeps the clerk's earlier choices.  Then td_paste_preview_to_table +
 * td_criteria_save_table. */
#pragma once

#include "td-criteria.h"

G_BEGIN_DECLS

typedef enum
{
  TD_PASTE_COL_CODE,
  TD_PASTE_COL_TITLE,
  TD_PASTE_COL_STANDARD,
  TD_PASTE_COL_BONUS, /* or the one signed column "Điểm cộng/trừ" */
  TD_PASTE_COL_DEDUCTION,
  TD_PASTE_N_EDITABLE,
  TD_PASTE_COL_GUIDANCE = TD_PASTE_N_EDITABLE, /* "Căn cứ chấm điểm", "Ghi chú" columns */
  TD_PASTE_COL_ASSESSOR,                       /* "Đơn vị thẩm định" */
  TD_PASTE_N_COLS
} TdPasteColumn;

typedef enum
{
  TD_PASTE_OK,
  TD_PASTE_WARNING, /* saved as interpreted, but look at it */
  TD_PASTE_ERROR,   /* cannot be saved until fixed (or skipped) */
} TdPasteStatus;

typedef enum
{
  TD_PASTE_ROLE_SKIP,       /* a header, the total, an empty line, or skipped by the clerk */
  TD_PASTE_ROLE_CRITERION,  /* a node of the tree, with its rule */
  TD_PASTE_ROLE_GRADE,      /* a level of the GRADED criterion `owner` */
  TD_PASTE_ROLE_OPTION,     /* an option of the OPTIONS criterion `owner` */
  TD_PASTE_ROLE_SIZE_CLASS, /* a size class, with its brackets, of the BRACKETS criterion `owner` */
  TD_PASTE_ROLE_BRACKET,    /* one bracket of the BRACKETS criterion `owner` (no size classes) */
  TD_PASTE_ROLE_NOTE,       /* caps or an exemption for the rows `targets` */
  TD_PASTE_ROLE_GUIDANCE,   /* text added to the guidance of `owner` */
  TD_PASTE_N_ROLES
} TdPasteRole;

/* Why a row is skipped. */
typedef enum
{
  TD_PASTE_SKIP_NONE,
  TD_PASTE_SKIP_HEADER,
  TD_PASTE_SKIP_TOTAL,
  TD_PASTE_SKIP_EMPTY,
  TD_PASTE_SKIP_CLERK,        /* unticked in the preview */
  TD_PASTE_SKIP_CONTINUATION, /* the rest of the row `owner`: a cell that went on to a new
                               * line in Word's text; its text is joined to that row's */
} TdPasteSkip;

typedef struct
{
  guint line;                    /* 1-based line of the pasted text */
  gchar *cells[TD_PASTE_N_COLS]; /* raw text per column, trimmed, never NULL */
  TdPasteRole role;
  TdPasteSkip skip_reason;
  gboolean skip;          /* role == SKIP */
  gint depth;             /* level in the tree, 0 = top (parts, notes: their owner's + 1) */
  gint parent;            /* CRITERION: row index of its parent criterion, −1 at the top */
  gint owner;             /* parts and guidance: row index of their criterion; −1 none */
  GArray *targets;        /* NOTE: row indices (gint) it modifies; never NULL */
  TdCriterion *criterion; /* CRITERION: the interpretation (kind, standard, rate, caps…);
                           * parts: a scratch holding their values; never NULL */
  /* Parts: the grade's standard points or the option's signed points, the
   * measured range (grades, brackets) or the size range (size classes). */
  TdPoints part_points;
  TdRange part_range;
  GPtrArray *part_brackets; /* SIZE_CLASS: TdRuleOption* (range and signed points); never NULL */
  /* NOTE: what it does to its targets. */
  TdPoints note_bonus_cap;     /* TD_NO_CAP when none */
  TdPoints note_deduction_cap; /* TD_NO_CAP when none */
  gboolean note_separate;      /* "không liên quan đến điểm cộng" */
  gchar *note_exemption;       /* exemption text, "" when none */
  TdPasteStatus status;
  gchar *problems;       /* translated, one per line; "" when none */
  gchar *interpretation; /* the row's meaning in words, translated */

  /*< private >*/
  gpointer priv;
} TdPasteRow;

typedef struct
{
  GPtrArray *rows;               /* TdPasteRow* */
  gint columns[TD_PASTE_N_COLS]; /* source column index of each meaning, −1 absent */
  gboolean signed_column;        /* one column "Điểm cộng/trừ": signs decide */
  TdPoints total;                /* stated total when a "Tổng cộng" row was seen, else sum */
  gboolean total_stated;
  TdPoints standard_total; /* what the top-level criteria add up to */
  guint n_header_lines;

  /*< private >*/
  gpointer priv;
} TdPastePreview;

/* The first table of HTML (what LibreOffice Writer and web pages put on
 * the clipboard, or a table saved as HTML) as the tab-separated rows
 * td_paste_parse() reads; merged cells leave empty cells where they
 * extend.  Fails (TD_ERROR_INVALID) when the HTML holds no table. */
gchar *td_paste_html_to_text (const char *html, GError **error);

/* The contents of a file holding a table (tab-separated text in UTF-8
 * or UTF-16, CSV, HTML) as the text td_paste_parse() reads.  Refuses
 * (TD_ERROR_INVALID, naming file_name and what it is) an empty file, a
 * zip, an image, a PDF, a binary, text that is not UTF-8 or over 16 MB.
 * An .xlsx is read by the documents layer (td_xlsx_read_table). */
gchar *td_paste_text_from_file (const char *data, gsize len, const char *file_name, GError **error);

/* Never fails on content: problems go to the rows.  Fails only on empty
 * text or text that is not UTF-8 (TD_ERROR_INVALID). */
TdPastePreview *td_paste_parse (const char *text, GError **error);
void td_paste_preview_free (TdPastePreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPastePreview, td_paste_preview_free)

/* Replaces the raw cells of a row (NULL keeps a cell) and interprets the
 * table again. */
void td_paste_row_set_cells (TdPastePreview *preview, guint row_index, const char *code,
                             const char *title, const char *standard, const char *bonus,
                             const char *deduction);
/* The clerk's choices; each interprets the table again and is kept by
 * later changes.  FALSE (with a message in error) when the choice cannot
 * apply to that row, e.g. a note attached to a row that is not a
 * criterion. */
gboolean td_paste_row_set_skipped (TdPastePreview *preview, guint row_index, gboolean skipped,
                                   GError **error);
/* A criterion's rule kind, or makes the row a criterion of that kind. */
gboolean td_paste_row_set_kind (TdPastePreview *preview, guint row_index, TdRuleKind kind,
                                GError **error);
/* Makes the row guidance text of the criterion above it. */
gboolean td_paste_row_set_guidance (TdPastePreview *preview, guint row_index, GError **error);
/* Makes the row a note of target_index (a criterion row): its caps (or
 * its exemption) then apply to that criterion. */
gboolean td_paste_row_attach_note (TdPastePreview *preview, guint row_index, guint target_index,
                                   GError **error);
/* Makes the rows (in order, adjacent or not) the options (or the grades)
 * of the criterion right above the first of them. */
gboolean td_paste_rows_make_options (TdPastePreview *preview, const guint *row_indices,
                                     guint n_rows, GError **error);
gboolean td_paste_rows_make_grades (TdPastePreview *preview, const guint *row_indices, guint n_rows,
                                    GError **error);
/* … or its brackets: size classes ("Dưới 1.000 hồ sơ/năm: từ 1% …") or
 * single brackets ("Từ 1% đến dưới 5%: cộng 0,5 điểm"). */
gboolean td_paste_rows_make_brackets (TdPastePreview *preview, const guint *row_indices,
                                      guint n_rows, GError **error);
/* Forgets every choice of the clerk on that row. */
void td_paste_row_reset (TdPastePreview *preview, guint row_index);

/* Interprets again after direct edits of rows. */
void td_paste_preview_recheck (TdPastePreview *preview);
/* Number of rows with status ERROR (WARNING) that are not skipped. */
guint td_paste_preview_count_errors (const TdPastePreview *preview);
guint td_paste_preview_count_warnings (const TdPastePreview *preview);
/* The number of criteria the table will have. */
guint td_paste_preview_count_criteria (const TdPastePreview *preview);
/* The table built from the rows; refused (TD_ERROR_INVALID, naming the
 * first bad line) while errors remain. */
TdCriteriaTable *td_paste_preview_to_table (const TdPastePreview *preview, GError **error);
/* td_paste_preview_to_table, then td_criteria_save_table. */
gboolean td_paste_preview_save (const TdPastePreview *preview, TdDb *db, gint64 bloc_year_id,
                                gboolean replace, GError **error);

/* The names the corpus of real tables uses for a row: "heading",
 * "standard", "standard_less_each", "graded", "options", "brackets",
 * "bonus_each", "deduction_each", "bonus_points", "deduction_points",
 * "linear_bonus", "linear_deduction", "disqualifier" for a criterion;
 * "grade", "option", "size_class", "bracket", "note", "guidance", "header",
 * "total", "empty", "continuation", "skipped" for the others. */
const char *td_paste_row_kind_name (const TdPastePreview *preview, guint row_index);
/* A role's name for people, translated ("Criterion", "Grade of …"). */
const char *td_paste_role_get_label (TdPasteRole role);

/* The range of files of a size class named as tables name them: "Dưới
 * 1.000 hồ sơ/năm", "Từ 1.000 đến dưới 3.000 hồ sơ/năm", "Từ 3.000 hồ
 * sơ/năm trở lên" (hundredths); FALSE when the name states none. */
gboolean td_paste_read_size_range (const char *name, TdRange *range);

/* The rank of a code's style: Roman numerals 0 ("I", "IV"), a single
 * capital 5 ("A"), numbers 10 + dots ("1" → 10, "1.2" → 11), letters 20 +
 * their numeric parts ("a" → 20, "a1" / "a.1" → 21, "a1.1" / "a.7.1" →
 * 22), bullets 40 ("-") and 41 ("+"); −1 for an empty code, −2 for text
 * that is not a code.  Words such as "Tiêu chuẩn", "Mục" and a trailing
 * "." or ")" are ignored. */
gint td_paste_code_level (const char *code);

G_END_DECLS
