/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the words and figures of a pasted criteria table: numbers as
 * clerks write them, and the phrases of the Nội dung text that carry a
 * rule ("trừ 0,5 điểm", "mỗi …", "cứ mỗi 1% …", "tối đa 1 điểm", "từ 90%
 * đến dưới 100%", "dưới 1.000 hồ sơ/năm", "01 trong 02 trường hợp",
 * "không xếp loại").  Private to the paste reader (td-criteria-paste*.c).
 *
 * Every function here takes text folded by td_paste_fold(): lower case,
 * no diacritics, đ as d, dashes as "-", spaces collapsed.  Digits and
 * punctuation are kept, so the figures read from folded text are the
 * figures of the original. */
#pragma once

#include "td-criteria.h"

G_BEGIN_DECLS

/* td_text_fold, plus "−", "–", "—" as "-" and "≥", "≤" kept. */
gchar *td_paste_fold (const char *text);

/* Reads a number at p: digits, a decimal comma or dot, thousands
 * separated by dots ("1.000", "10.000,5").  Hundredths; a third decimal
 * is refused.  *end is just past it.  FALSE when p holds no number or it
 * is too large. */
gboolean td_paste_read_number (const char *p, TdPoints *value, const char **end);

/* A figure of points in a points column: "01", "02 điểm", "- 0,5", "+ 01",
 * "0.5", "-0.25", "1/lần", "tối đa 1".  FALSE with an error naming the text
 * when the cell holds text that is not such a figure ("2O", "abc"). */
typedef struct
{
  gboolean present;
  TdPoints value; /* absolute */
  gint sign;      /* −1 or +1 when written, else 0 */
  gboolean each;  /* "/lần", "/trường hợp", "mỗi" in the cell */
  gboolean has_cap;
  TdPoints cap;       /* "tối đa 1" in the cell */
  gboolean cap_apart; /* the cap is a figure of its own: "-0,5/lần, tối đa 1,5" */
  gboolean disqualify;
} TdPasteCell;

gboolean td_paste_read_cell (const char *text, TdPasteCell *out, GError **error);

/* A figure of points found in the text (for the check that no figure is
 * dropped): followed by "điểm"/"đ", or following cộng, trừ or thưởng. */
typedef struct
{
  TdPoints value; /* absolute */
  gsize start;    /* byte offset in the folded text */
} TdPasteFigure;

/* All figures of points in the folded text: GArray of TdPasteFigure. */
GArray *td_paste_text_figures (const char *folded);

/* "trừ 0,5 điểm" (verb "tru"), "cộng 0,5 điểm" / "thưởng 1 điểm" (verb
 * "cong"), "+ 0,1 điểm cho mỗi …" at the start (a bonus).  The first one. */
gboolean td_paste_text_deduction (const char *folded, TdPoints *amount);
gboolean td_paste_text_bonus (const char *folded, TdPoints *amount);
/* "(điểm chuẩn 3 điểm)", "điểm chuẩn: 10". */
gboolean td_paste_text_standard (const char *folded, TdPoints *standard);
/* "X điểm" closing the text: "- Đạt 100% kế hoạch trở lên: 5 điểm", "… (5
 * điểm)", "… – 10đ", "… (tối đa 15 điểm)". */
gboolean td_paste_text_points (const char *folded, TdPoints *points);
/* A bare figure closing the text after a colon: "…: 5,0" (for a table
 * without a points column, where the figures are in the words). */
gboolean td_paste_text_bare_points (const char *folded, TdPoints *points);
/* "tối đa 1 điểm", "không quá 1,5 điểm", "tối đa trừ 2 điểm", "điểm cộng
 * tối đa là 1 điểm".  *which is −1 for a deduction cap ("tối đa trừ"),
 * +1 for a bonus cap ("tối đa cộng", "điểm cộng tối đa"), 0 when the
 * text does not say. */
gboolean td_paste_text_cap (const char *folded, TdPoints *cap, gint *which);
/* Per case: "mỗi …", "cho mỗi", "/lần", "/trường hợp", "từng …". */
gboolean td_paste_text_each (const char *folded);
/* "cứ mỗi 1% cộng 0,1 điểm" above "trên 92%"; "cứ mỗi 5% thấp hơn trừ
 * 0,5 điểm" below "dưới 80%".  Hundredths; *deduction for the second.
 * *has_threshold FALSE when the text names no threshold. */
gboolean td_paste_text_linear (const char *folded, gint64 *step, TdPoints *rate,
                               gboolean *deduction, gboolean *has_threshold, gint64 *threshold);
/* A range of percentages (percent TRUE) or of counts such as files per
 * year ("dưới 1.000 hồ sơ/năm"): "từ 90% đến dưới 100%", "100% trở lên",
 * "dưới 90%", "trên 95%", "≥ 98%", "97 – <98%". */
gboolean td_paste_text_range (const char *folded, gboolean percent, TdRange *range);
/* The one percentage of the text, whatever words surround it ("Hoàn
 * thành 100%"); FALSE when it has none or several. */
gboolean td_paste_text_percent (const char *folded, TdPoints *value);
/* A size class written before its brackets: "Đối với đơn vị tiếp nhận
 * dưới 1.000 hồ sơ/năm: từ 1% đến dưới 5%: cộng 0,5 điểm; từ 5% …".
 * *size is the range of files; brackets (TdRuleOption*, may be NULL) get
 * the brackets that follow.  FALSE when the text is not a size class. */
gboolean td_paste_text_size_class (const char *folded, TdRange *size, GPtrArray *brackets);
/* Brackets listed in one text: "từ 1% đến dưới 5%: cộng 0,5 điểm; từ 5% …"
 * into brackets (TdRuleOption*); the number found. */
guint td_paste_text_brackets (const char *folded, GPtrArray *brackets);
/* Options listed in one text: "Cờ thi đua của Chính phủ: cộng 3 điểm;
 * Bằng khen của Thủ tướng: cộng 2 điểm" (title is the original text,
 * folded its folding).  Adds TdRuleOption* (label, signed points) to
 * options (may be NULL); the number found, 0 under two. */
guint td_paste_text_options (const char *title, const char *folded, GPtrArray *options);
/* Levels listed in one text, each with its points and nothing else:
 * "Hoàn thành xuất sắc nhiệm vụ: 20 điểm; Hoàn thành tốt nhiệm vụ: 15
 * điểm; …".  Adds TdRuleOption* (label, points) to levels (may be NULL);
 * the number found, 0 unless every clause (two or more) is a level. */
guint td_paste_text_levels (const char *title, const char *folded, GPtrArray *levels);
/* "Đạt 100% kế hoạch trở lên" from "- Đạt 100% kế hoạch trở lên: 5 điểm". */
gchar *td_paste_label_without_points (const char *text);
/* What a row's words may say about it, for td_paste_text_says. */
typedef enum
{
  /* "01 trong 02 trường hợp", "một trong các trường hợp", "chỉ tính 01". */
  TD_PASTE_SAYS_OPTION_GROUP,
  /* "(không xếp loại)", "không được xét thi đua". */
  TD_PASTE_SAYS_DISQUALIFIES,
  /* "thì không trừ điểm", "được miễn trừ". */
  TD_PASTE_SAYS_EXEMPTION,
  /* "Căn cứ chấm điểm: …", "Tài liệu kiểm chứng", "Hướng dẫn chấm". */
  TD_PASTE_SAYS_GUIDANCE,
  /* A level of a graded item: a range of %, or "hoàn thành …", "xếp
   * loại", "mức", "loại". */
  TD_PASTE_SAYS_LEVEL,
} TdPasteSays;

/* Whether the folded text says @what. */
gboolean td_paste_text_says (const char *folded, TdPasteSays what);
/* A note's caps: "Tổng điểm trừ của mục a1 không quá 1,5 điểm (không
 * liên quan đến điểm cộng)"; caps are TD_NO_CAP when not stated.  FALSE
 * when the text states no cap. */
gboolean td_paste_text_note_caps (const char *folded, TdPoints *bonus_cap, TdPoints *deduction_cap,
                                  gboolean *separate);
/* The code a note names: "mục a1", "tiêu chí 2", "phần II", "mục 5"; NULL
 * when it names none.  Folded (lower case). */
gchar *td_paste_text_named_code (const char *folded);

G_END_DECLS
