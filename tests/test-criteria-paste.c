/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pasting a criteria table: codes and levels, signs and columns, numbers
 * with comma or dot, header rows with deductions, messy real-world text,
 * fixing rows in the preview, and saving the result. */
#include "config.h"

#include "td-criteria-paste.h"
#include "td-registry.h"

#include <locale.h>

static void
test_code_levels (void)
{
  struct
  {
    const char *code;
    gint rank;
  } cases[] = {
    { "I", 0 },         { "IV.", 0 },           { "A", 5 },      { "1", 10 },
    { "1.", 10 },       { "1/", 10 },           { "1.2", 11 },   { "3.3.2.1", 13 },
    { "a", 20 },        { "a)", 20 },           { "đ", 20 },     { "a1", 21 },
    { "a.1", 21 },      { "a1.1", 22 },         { "a.7.1", 22 }, { "-", 40 },
    { "+", 41 },        { "Tiêu chuẩn 1", 10 }, { "Mục a", 20 }, { "", -1 },
    { "  ", -1 },       { "Ghi chú", -2 },      { "1a", -2 },    { "Tiêu\u00a0 chuẩn  2", 10 },
    { " Phần II ", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("code “%s”", cases[i].code);
      g_assert_cmpint (td_paste_code_level (cases[i].code), ==, cases[i].rank);
    }
}

static TdPasteRow *
row_at (TdPastePreview *p, guint i)
{
  g_assert_cmpuint (i, <, p->rows->len);
  return g_ptr_array_index (p->rows, i);
}

/* The kind names of every row (td_paste_row_kind_name), space-separated. */
static void
assert_kinds (TdPastePreview *p, const char *expected)
{
  GString *got = g_string_new ("");

  for (guint i = 0; i < p->rows->len; i++)
    g_string_append_printf (got, "%s%s", i ? " " : "", td_paste_row_kind_name (p, i));
  g_assert_cmpstr (got->str, ==, expected);
  g_string_free (got, TRUE);
}

static TdPastePreview *
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  TdPastePreview *p = td_paste_parse (text, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < p->rows->len; i++)
    {
      TdPasteRow *row = g_ptr_array_index (p->rows, i);
      g_test_message ("line %u: %s — %s", row->line, row->interpretation, row->problems);
    }
  return p;
}

/* A table without points columns: every figure is in the words. */
static void
test_points_in_words (void)
{
  g_autoptr (TdPastePreview) p = parse_ok ("1\tXây dựng kế hoạch công tác (10 điểm)\n"
                                           "\t- Ban hành kế hoạch đúng hạn (4 điểm)\n"
                                           "\t- Triển khai kế hoạch đến các phòng: 6đ\n"
                                           "2\tGiữ gìn kỷ luật, kỷ cương (tối đa 20 điểm)\n"
                                           "\t- Mỗi trường hợp vi phạm trừ 2 điểm\n"
                                           "3\tGửi báo cáo tổng kết đúng hạn: 5,0\n"
                                           "4\tTham gia hội thao – 5 điểm\n"
                                           "\tTổng cộng: 40 điểm\n");

  assert_kinds (p, "heading standard standard standard deduction_each standard standard total");
  g_assert_cmpint (row_at (p, 0)->criterion->standard, ==, TD_POINTS (10));
  g_assert_cmpint (row_at (p, 2)->criterion->standard, ==, TD_POINTS (6));
  g_assert_cmpint (row_at (p, 3)->criterion->standard, ==, TD_POINTS (20));
  g_assert_cmpint (row_at (p, 3)->criterion->bonus_cap, ==, TD_NO_CAP);
  g_assert_cmpint (row_at (p, 5)->criterion->standard, ==, TD_POINTS (5));
  g_assert_true (p->total_stated);
  g_assert_cmpint (p->total, ==, TD_POINTS (40));
  g_assert_cmpint (p->standard_total, ==, TD_POINTS (40));
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);
}

/* Grades with their points only in the words, with a % or without, and
 * the ranges the clerk reads into them. */
static void
test_grades_in_words (void)
{
  g_autoptr (TdPastePreview) p = parse_ok ("STT\tNội dung\tĐiểm\n"
                                           "1\tKết quả thực hiện nhiệm vụ\t20\n"
                                           "\t- Loại Tốt: 20 điểm\n"
                                           "\t- Loại Khá: 15 điểm\n"
                                           "\t- Loại Trung bình: 10 điểm\n"
                                           "2\tThu ngân sách trên địa bàn\t10\n"
                                           "\t+ Vượt dự toán: 10 điểm\n"
                                           "\t+ Đạt từ 95% đến dưới 100% dự toán: 7 điểm\n"
                                           "\t+ Dưới 95%: 4 điểm\n"
                                           "3\tHồ sơ giải quyết đúng hạn\t10\n"
                                           "\t- Trên 98%: 10 điểm\n"
                                           "\t- Bằng 98%: 8 điểm\n"
                                           "\t- Dưới 98%: 5 điểm\n"
                                           "\tTổng cộng\t40\n");

  assert_kinds (p, "header graded grade grade grade graded grade grade grade graded grade grade "
                   "grade total");
  g_assert_cmpint (row_at (p, 2)->part_points, ==, TD_POINTS (20));
  g_assert_false (row_at (p, 2)->part_range.has_low || row_at (p, 2)->part_range.has_high);
  /* "Vượt dự toán" covers what the other grades leave above them. */
  g_assert_true (row_at (p, 6)->part_range.has_low);
  g_assert_cmpint (row_at (p, 6)->part_range.low, ==, TD_POINTS (100));
  g_assert_false (row_at (p, 6)->part_range.has_high);
  /* "Bằng 98%" under "Trên 98%" is 98 % exactly. */
  g_assert_cmpint (row_at (p, 11)->part_range.low, ==, TD_POINTS (98));
  g_assert_true (row_at (p, 11)->part_range.has_high);
  g_assert_cmpint (row_at (p, 11)->part_range.high, ==, TD_POINTS (98) + 1);
  g_assert_cmpint (p->standard_total, ==, TD_POINTS (40));
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);
}

/* Ranks are grades too, and "+" rows under a "-" row are its rows. */
static void
test_ranks_and_bullets (void)
{
  g_autoptr (TdPastePreview) p = parse_ok ("TT\tNội dung\tĐiểm\n"
                                           "1\tCông tác giảm nghèo\t20\n"
                                           "\t- Hộ nghèo giảm so với năm trước:\t12\n"
                                           "\t+ Giảm từ 2% trở lên\t12\n"
                                           "\t+ Giảm từ 1% đến dưới 2%\t8\n"
                                           "\t+ Giảm dưới 1%\t4\n"
                                           "\t- Không phát sinh hộ tái nghèo\t8\n"
                                           "2\tChỉ số cải cách hành chính của đơn vị\t10\n"
                                           "\t- Xếp hạng từ thứ 1 đến thứ 3\t10\n"
                                           "\t- Xếp hạng từ thứ 4 đến thứ 8\t7\n"
                                           "\t- Xếp thứ 9 trở xuống\t5\n"
                                           "\tTổng cộng\t30\n");

  assert_kinds (p, "header heading graded grade grade grade standard graded grade grade grade "
                   "total");
  g_assert_cmpint (row_at (p, 2)->parent, ==, 1);
  g_assert_cmpint (row_at (p, 3)->owner, ==, 2);
  g_assert_cmpint (row_at (p, 6)->parent, ==, 1);
  g_assert_cmpint (row_at (p, 8)->owner, ==, 7);
  g_assert_false (row_at (p, 8)->part_range.has_low || row_at (p, 8)->part_range.has_high);
  g_assert_cmpint (p->standard_total, ==, TD_POINTS (30));
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);
}

/* A "Thang điểm" column in words: ranges of points and rules. */
static void
test_scale_in_words (void)
{
  g_autoptr (TdPastePreview) p
      = parse_ok ("TT\tNội dung đánh giá\tThang điểm\n"
                  "1\tXây dựng kế hoạch năm\ttừ 0 đến 15\n"
                  "2\tTổ chức thực hiện kế hoạch\t0÷25\n"
                  "3\tBáo cáo định kỳ\tTừ 0-10\n"
                  "3.1\tBáo cáo gửi chậm\tMỗi báo cáo trừ 0,5 điểm, tối đa trừ 3 điểm\n"
                  "4\tKỷ luật, kỷ cương\t0 – 10\n"
                  "4.1\tCông chức vi phạm\tMỗi trường hợp trừ 2 điểm\n"
                  "5\tSáng kiến được công nhận\tcộng 1 điểm/sáng kiến, tối đa 3 điểm\n"
                  "6\tĐược khen thưởng đột xuất\tcộng 2 điểm\n"
                  "\tTổng cộng\t60\n");

  assert_kinds (p, "header standard standard standard deduction_each standard deduction_each "
                   "bonus_each bonus_points total");
  g_assert_cmpint (row_at (p, 1)->criterion->standard, ==, TD_POINTS (15));
  g_assert_cmpint (row_at (p, 2)->criterion->standard, ==, TD_POINTS (25));
  g_assert_cmpint (row_at (p, 3)->criterion->standard, ==, TD_POINTS (10));
  g_assert_cmpint (row_at (p, 4)->criterion->rate, ==, 50);
  g_assert_cmpint (row_at (p, 4)->criterion->deduction_cap, ==, TD_POINTS (3));
  g_assert_cmpint (row_at (p, 6)->criterion->rate, ==, TD_POINTS (2));
  g_assert_cmpint (row_at (p, 7)->criterion->rate, ==, TD_POINTS (1));
  g_assert_cmpint (row_at (p, 7)->criterion->bonus_cap, ==, TD_POINTS (3));
  g_assert_cmpint (row_at (p, 8)->criterion->rate, ==, TD_POINTS (2));
  g_assert_cmpint (p->standard_total, ==, TD_POINTS (60));
  g_assert_cmpuint (td_paste_preview_count_errors (p), ==, 0);
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);
}

/* The standard total is what the rows give, not what the headings say:
 * rows adding up to more than their item show in the total and on it. */
static void
test_leaves_total (void)
{
  g_autoptr (TdPastePreview) p = parse_ok ("STT\tNội dung\tĐiểm\n"
                                           "I\tCông tác chuyên môn\t60\n"
                                           "1\tKhám, chữa bệnh\t30\n"
                                           "1.1\tHoàn thành chỉ tiêu giường bệnh\t15\n"
                                           "1.2\tBảo hiểm y tế\t15\n"
                                           "1.2.1\tTham mưu kế hoạch\t20\n"
                                           "1.2.2\tTuyên truyền, vận động\t5\n"
                                           "2\tY tế dự phòng\t30\n"
                                           "II\tCông tác thi đua\t40\n"
                                           "1\tBan hành kế hoạch\t40\n");

  g_assert_cmpint (p->standard_total, ==, TD_POINTS (110));
  g_assert_cmpint (p->total, ==, TD_POINTS (100));
  g_assert_cmpint (row_at (p, 4)->status, ==, TD_PASTE_WARNING);
  g_assert_nonnull (strstr (row_at (p, 4)->problems, "+10"));
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 1);
}

/* Word's text of a cell of several paragraphs: the rest of the row is on
 * the next line, joined back to its row; the clerk can undo it. */
static void
test_broken_cells (void)
{
  g_autoptr (TdPastePreview) p = parse_ok ("STT\tNội dung\tĐiểm chuẩn\tĐiểm thưởng\tĐiểm trừ\r\n"
                                           "1\tThực hiện nhiệm vụ chuyên môn\r\n"
                                           "được giao trong năm\t20\t\t\r\n"
                                           "2\tCải cách hành chính;\r\n"
                                           "có sáng kiến được công nhận\r\n"
                                           "được cộng 1 điểm\t10\t1\t\r\n"
                                           "\tMỗi hồ sơ trễ hạn\r\n"
                                           "(theo phần mềm một cửa)\t\t\t0,5\r\n"
                                           "3\tKhông gửi báo cáo tổng kết\r\n"
                                           "(không xếp loại)\t\t\t\r\n"
                                           "\tGhi chú: tổng điểm trừ của mục 2\r\n"
                                           "không quá 1 điểm\r\n"
                                           "\tTổng cộng\t30\t\t\r\n");
  TdPasteRow *three;

  assert_kinds (p, "header standard continuation standard continuation continuation "
                   "deduction_each continuation disqualifier continuation note continuation total");
  /* A row merged across the table goes on in lower case. */
  g_assert_cmpint (row_at (p, 10)->note_deduction_cap, ==, TD_POINTS (1));
  g_assert_cmpint (g_array_index (row_at (p, 10)->targets, gint, 0), ==, 3);
  g_assert_cmpint (row_at (p, 1)->criterion->standard, ==, TD_POINTS (20));
  g_assert_cmpstr (row_at (p, 1)->criterion->title, ==,
                   "Thực hiện nhiệm vụ chuyên môn được giao trong năm");
  g_assert_cmpint (row_at (p, 2)->owner, ==, 1);
  g_assert_cmpint (row_at (p, 3)->criterion->bonus_max, ==, TD_POINTS (1));
  g_assert_cmpint (row_at (p, 5)->owner, ==, 3);
  g_assert_cmpint (row_at (p, 6)->criterion->rate, ==, 50);
  g_assert_cmpint (row_at (p, 6)->parent, ==, 3);
  g_assert_cmpint (p->standard_total, ==, TD_POINTS (30));
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);

  /* Ticked by the clerk, the rest of line 9 is a row of its own again. */
  g_assert_true (td_paste_row_set_skipped (p, 9, FALSE, NULL));
  three = row_at (p, 8);
  g_assert_cmpint (row_at (p, 9)->skip_reason, ==, TD_PASTE_SKIP_NONE);
  g_assert_cmpstr (three->criterion->title, ==, "Không gửi báo cáo tổng kết");
  g_assert_cmpint (three->criterion->kind, !=, TD_RULE_DISQUALIFIER);
  g_assert_cmpstr (row_at (p, 9)->criterion->title, ==, "(không xếp loại)");
}

/* A code split over two columns (I | 1), as Excel sheets have it. */
static void
test_code_columns (void)
{
  g_autoptr (TdPastePreview) p = parse_ok ("TT\t\tNội dung\tĐiểm chuẩn\tĐiểm trừ\n"
                                           "I\t\tCông tác chuyên môn\t30\t\n"
                                           "\t1\tKhám, chữa bệnh\t20\t\n"
                                           "\t1.1\tĐiều trị nội trú\t12\t\n"
                                           "\t1.2\tĐiều trị ngoại trú\t8\t\n"
                                           "\t2\tY tế dự phòng\t10\t\n"
                                           "\t\tMỗi vụ ngộ độc thực phẩm\t\t2 điểm/vụ\n"
                                           "II\t\tCông tác thi đua\t10\t\n"
                                           "\t1\tBan hành kế hoạch\t10\t\n");

  assert_kinds (p, "header heading heading standard standard standard deduction_each heading "
                   "standard");
  g_assert_cmpstr (row_at (p, 3)->criterion->code, ==, "1.1");
  g_assert_cmpint (row_at (p, 3)->parent, ==, 2);
  g_assert_cmpint (row_at (p, 5)->parent, ==, 1);
  g_assert_cmpint (row_at (p, 6)->parent, ==, 5);
  g_assert_cmpint (row_at (p, 8)->parent, ==, 7);
  g_assert_cmpint (p->standard_total, ==, TD_POINTS (40));
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);
}

/* Diacritics decide: "mới" is not "mỗi", "công" not "cộng", "thương" not
 * "thưởng", "nội trú" not "trừ"; a section's figure in its deduction
 * column is its cap; "cộng tối đa 2 điểm" is a bonus up to 2. */
static void
test_words_that_decide (void)
{
  g_autoptr (TdPastePreview) p
      = parse_ok ("STT\tNội dung\tĐiểm chuẩn\tĐiểm thưởng\tĐiểm trừ\n"
                  "1\tXã đạt chuẩn nông thôn mới nâng cao\t\t3\t\n"
                  "2\tThi công 2 công trình đúng tiến độ\t10\t\t\n"
                  "3\tPhối hợp với Sở Công Thương 1 lần mỗi quý\t5\t\t\n"
                  "4\tBệnh nhân điều trị nội trú 5 ngày được theo dõi\t5\t\t\n"
                  "5\tĐơn vị có mô hình mới: cộng 1 điểm\t\t1\t\n"
                  "6\tMỗi sáng kiến: cộng 0,5 điểm\t\t0,5\t\n"
                  "7\tĐiểm trừ (tối đa trừ 5 điểm)\t\t\t5\n"
                  "7.1\tCó công chức vi phạm kỷ luật\t\t\t2\n"
                  "8\tĐiểm thưởng\t\t\t\n"
                  "8.1\tThành tích đột xuất được Cụm trưởng đề nghị cộng tối đa 2 điểm\t\t\t\n");

  assert_kinds (p, "header bonus_points standard standard standard bonus_points bonus_each "
                   "heading deduction_points heading bonus_points");
  g_assert_cmpint (row_at (p, 1)->criterion->rate, ==, TD_POINTS (3));
  for (guint i = 2; i <= 4; i++)
    {
      g_assert_cmpint (row_at (p, i)->criterion->bonus_max, ==, 0);
      g_assert_cmpint (row_at (p, i)->criterion->rate, ==, 0);
    }
  g_assert_cmpint (row_at (p, 7)->criterion->deduction_cap, ==, TD_POINTS (5));
  g_assert_cmpint (row_at (p, 7)->criterion->rate, ==, 0);
  g_assert_cmpint (row_at (p, 10)->criterion->rate, ==, TD_POINTS (2));
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);
}

/* A one-line header "Chuẩn | Thưởng | Trừ", codes "1/", "2/ …" in the
 * text, and "- Hoàn thành 100%" as exactly 100 % under "trên 100%". */
static void
test_short_header_and_slash_codes (void)
{
  g_autoptr (TdPastePreview) p = parse_ok ("STT\tNội dung\tChuẩn\tThưởng\tTrừ\n"
                                           "1/\tHoàn thành kế hoạch năm\t20\t\t\n"
                                           "\t- Hoàn thành vượt kế hoạch (trên 100%)\t20\t\t\n"
                                           "\t- Hoàn thành 100%\t18\t\t\n"
                                           "\t- Hoàn thành dưới 100%\t10\t\t\n"
                                           "\t2/ Chế độ báo cáo\t10\t\t\n"
                                           "\tMỗi báo cáo chậm\t\t\t0,5\n"
                                           "3/\tSáng kiến được công nhận\t\t1\t\n");

  assert_kinds (p, "header graded grade grade grade standard deduction_each bonus_points");
  g_assert_cmpint (p->columns[TD_PASTE_COL_BONUS], ==, 3);
  g_assert_cmpint (p->columns[TD_PASTE_COL_DEDUCTION], ==, 4);
  g_assert_cmpstr (row_at (p, 5)->criterion->code, ==, "2");
  g_assert_cmpint (row_at (p, 6)->parent, ==, 5);
  g_assert_cmpint (row_at (p, 3)->part_range.low, ==, TD_POINTS (100));
  g_assert_cmpint (row_at (p, 3)->part_range.high, ==, TD_POINTS (100) + 1);
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);
}

/* Under "ĐIỂM THƯỞNG" a row's "N điểm" is a bonus, under "ĐIỂM TRỪ" a
 * deduction, not standard points; levels named only by words are grades. */
static void
test_bonus_sections (void)
{
  g_autoptr (TdPastePreview) p
      = parse_ok ("STT\tNội dung tiêu chí\tĐiểm tối đa\tĐiểm đạt\n"
                  "I\tThực hiện nhiệm vụ chính trị\t70\t\n"
                  "1\tKết quả thực hiện nhiệm vụ năm\t40\t\n"
                  "\tXuất sắc\t40\t\n"
                  "\tTốt\t35\t\n"
                  "\tKhá\t30\t\n"
                  "2\tCông tác cải cách hành chính (30 điểm), trong đó:\t\t\n"
                  "a)\tCông khai thủ tục hành chính\t10\t\n"
                  "b)\tGiải quyết hồ sơ đúng hạn\t20\t\n"
                  "II\tCông tác thi đua, khen thưởng\t30\t\n"
                  "III\tĐIỂM THƯỞNG (không quá 10 điểm)\t\t\n"
                  "\t- Được tặng Cờ thi đua của Chính phủ: 5 điểm\t\t\n"
                  "\t- Mỗi sáng kiến cấp tỉnh: 1 điểm\t\t\n"
                  "IV\tĐIỂM TRỪ\t\t\n"
                  "\t- Để xảy ra vụ việc tham nhũng: 10 điểm\t\t\n"
                  "\t- Mỗi lần vắng họp không lý do: 2 điểm\t\t\n"
                  "\tTỔNG CỘNG\t100\t\n");

  assert_kinds (p, "header heading graded grade grade grade heading standard standard standard "
                   "heading bonus_points bonus_each heading deduction_points deduction_each total");
  g_assert_cmpint (row_at (p, 6)->criterion->standard, ==, TD_POINTS (30));
  g_assert_cmpint (row_at (p, 10)->criterion->bonus_cap, ==, TD_POINTS (10));
  g_assert_cmpint (row_at (p, 11)->criterion->rate, ==, TD_POINTS (5));
  g_assert_cmpint (row_at (p, 14)->criterion->rate, ==, TD_POINTS (10));
  g_assert_cmpint (row_at (p, 15)->criterion->rate, ==, TD_POINTS (2));
  g_assert_cmpint (p->standard_total, ==, TD_POINTS (100));
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);
}

/* Grades listed in one text, on the item or on the row under it; "01
 * lần trừ 2 điểm" is per case. */
static void
test_levels_in_one_text (void)
{
  g_autoptr (TdPastePreview) p
      = parse_ok ("TT\tTiêu chí chấm điểm\tĐiểm tối đa\tĐiểm tự chấm\n"
                  "1\tXây dựng tổ chức đảng\t20\t\n"
                  "\tChi bộ được xếp loại Hoàn thành xuất sắc nhiệm vụ: 20 điểm; Hoàn thành tốt "
                  "nhiệm vụ: 15 điểm; Hoàn thành nhiệm vụ: 10 điểm\t\t\n"
                  "2\tĐoàn thể được xếp loại Vững mạnh: 10 điểm; Khá: 8 điểm; Trung bình: 5 "
                  "điểm\t10\t\n"
                  "3\tTham gia hoạt động chung\t20\t\n"
                  "\tVắng mặt 01 lần trừ 2 điểm\t\t\n"
                  "\tTổng số điểm\t50\t\n");

  assert_kinds (p, "header graded guidance graded standard deduction_each total");
  g_assert_cmpuint (row_at (p, 1)->criterion->options->len, ==, 3);
  g_assert_cmpint (row_at (p, 3)->criterion->standard, ==, TD_POINTS (10));
  g_assert_cmpuint (row_at (p, 3)->criterion->options->len, ==, 3);
  g_assert_cmpint (row_at (p, 5)->criterion->rate, ==, TD_POINTS (2));
  g_assert_cmpint (p->standard_total, ==, TD_POINTS (50));
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);
}

/* A clean table with a header row: levels, kinds, numbers, total. */
/* A figure in a row of guidance is not dropped without a word ("đạt 15
 * điểm trở lên"), but a clause of a text ("mục 2 điểm b") is no figure. */
static void
test_figures_in_guidance (void)
{
  g_autoptr (TdPastePreview) p
      = parse_ok ("TT\tNội dung\tĐiểm\n"
                  "1\tCông tác tham mưu\t20\n"
                  "\tGhi chú: nộp báo cáo trước 5 ngày, theo mục 2 điểm b Hướng dẫn\t\n"
                  "2\tCông tác khác\t80\n"
                  "\tLưu ý: năm trước đạt 15 điểm trở lên\t\n");

  assert_kinds (p, "header standard guidance standard guidance");
  g_assert_cmpstr (row_at (p, 2)->problems, ==, "");
  g_assert_nonnull (strstr (row_at (p, 4)->problems, "15"));
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 1);
}

/* "Ghi chú: … không xét thi đua" after the last item is said of the
 * whole table: a disqualifier of its own, not a row of the item above. */
static void
test_table_note_disqualifier (void)
{
  g_autoptr (TdPastePreview) p
      = parse_ok ("TT\tNội dung\tĐiểm chuẩn\n"
                  "1\tThu ngân sách\t50\n"
                  "2\tPhát hiện, bồi dưỡng điển hình tiên tiến\t50\n"
                  "*\tGhi chú: Đơn vị có cá nhân bị xử lý hình sự không xét thi đua\t\n");

  assert_kinds (p, "header standard standard disqualifier");
  g_assert_cmpint (row_at (p, 3)->parent, ==, -1);
  g_assert_cmpint (row_at (p, 2)->criterion->kind, ==, TD_RULE_STANDARD);
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);
}

/* "0,5/báo cáo" in the Trừ column with "Tối đa trừ 5 điểm" in the notes:
 * 0,5 per report, 5 the most (said, as the rule has no cap); a text
 * rate unlike the column's is said too. */
static void
test_rate_column_cap_words (void)
{
  g_autoptr (TdPastePreview) p
      = parse_ok ("TT\tNội dung\tĐiểm chuẩn\tĐiểm trừ\tGhi chú\n"
                  "1\tCông tác báo cáo\t10\t0,5/báo cáo\tTối đa trừ 5 điểm\n"
                  "2\tBáo cáo chậm trừ 1 điểm/lần\t10\t0,5/lần\t\n"
                  "3\tKhác\t80\t\t\n");

  assert_kinds (p, "header standard_less_each standard_less_each standard");
  g_assert_cmpint (row_at (p, 1)->criterion->rate, ==, TD_POINTS (1) / 2);
  g_assert_nonnull (strstr (row_at (p, 1)->problems, "5"));
  g_assert_cmpint (row_at (p, 2)->criterion->rate, ==, TD_POINTS (1));
  g_assert_nonnull (strstr (row_at (p, 2)->problems, "0,5"));
}

static void
test_clean_table (void)
{
  const char *text = "STT\tNội dung\tĐiểm chuẩn\tĐiểm thưởng\tĐiểm trừ\n"
                     "I\tCông tác chuyên môn\t60\t\t\n"
                     "1\tThực hiện kế hoạch năm\t40\t\t\n"
                     "2\tBáo cáo định kỳ\t20\t\t\n"
                     "a\tBáo cáo tháng\t8\t\t\n"
                     "b\tBáo cáo năm\t12\t\t\n"
                     "II\tĐiểm thưởng, điểm trừ\t40\t\t\n"
                     "1\tMỗi sáng kiến được công nhận (tối đa 1 điểm)\t\t0,5\t\n"
                     "2\tMỗi văn bản trễ hạn\t\t\t-0.5\n"
                     "3\tHoàn thành nhiệm vụ khác\t40\t\t\n"
                     "\tTổng cộng\t100\t\t\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPastePreview) p = td_paste_parse (text, &error);
  g_autoptr (TdCriteriaTable) t = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (p->rows->len, ==, 11);
  g_assert_cmpint (p->columns[TD_PASTE_COL_CODE], ==, 0);
  g_assert_cmpint (p->columns[TD_PASTE_COL_DEDUCTION], ==, 4);
  g_assert_true (row_at (p, 0)->skip);  /* column headers */
  g_assert_true (row_at (p, 10)->skip); /* Tổng cộng */
  g_assert_cmpint (p->total, ==, 10000);
  g_assert_cmpuint (td_paste_preview_count_errors (p), ==, 0);

  g_assert_cmpint (row_at (p, 1)->depth, ==, 0);
  g_assert_cmpint (row_at (p, 1)->criterion->kind, ==, TD_RULE_GROUP);
  g_assert_cmpint (row_at (p, 2)->depth, ==, 1);
  g_assert_cmpint (row_at (p, 2)->criterion->kind, ==, TD_RULE_STANDARD);
  g_assert_cmpint (row_at (p, 3)->criterion->kind, ==, TD_RULE_GROUP);
  g_assert_cmpint (row_at (p, 4)->depth, ==, 2);
  g_assert_cmpint (row_at (p, 6)->depth, ==, 0);
  g_assert_cmpint (row_at (p, 7)->depth, ==, 1);
  g_assert_cmpint (row_at (p, 7)->criterion->kind, ==, TD_RULE_BONUS_EACH);
  g_assert_cmpint (row_at (p, 7)->criterion->rate, ==, 50);
  g_assert_cmpint (row_at (p, 7)->criterion->bonus_cap, ==, 100);
  g_assert_cmpint (row_at (p, 8)->criterion->kind, ==, TD_RULE_DEDUCTION_EACH);
  g_assert_cmpint (row_at (p, 8)->criterion->rate, ==, 50);
  g_assert_cmpint (row_at (p, 8)->status, ==, TD_PASTE_OK);
  g_assert_nonnull (row_at (p, 7)->interpretation);

  t = td_paste_preview_to_table (p, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->nodes->len, ==, 9);
  g_assert_cmpint (t->total, ==, 10000);
  problems = td_criteria_table_check (t);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The messy one: no header, codes in the title, dotted codes, empty
 * codes, signs in the wrong column, "- 0,5", "+1", decimal dot, a header
 * row carrying its own deduction, "(không xếp loại)", a quoted cell with
 * a line break, a bullet list, a total that does not add up. */
static void
test_messy_table (void)
{
  const char *text
      = "Tiêu chuẩn 1\tCông tác chuyên môn\t30\t\t\r\n"
        "a\tKế hoạch\t20\t\t\r\n"
        "a1\tHoàn thành chỉ tiêu\t12\t\t\r\n"
        "a.2\tHoàn thành đúng tiến độ\t8\t\t\r\n"
        "\t- Báo cáo tháng\t4\t\t\r\n"
        "\t- Báo cáo quý\t4\t\t\r\n"
        "a.7.1\tMã có dấu chấm\t0\t\t- 0,5\r\n"
        "b\tNhiệm vụ khác\t10\t\t\r\n"
        "Tiêu chuẩn 2\tChấp hành chế độ báo cáo (không tham dự hội nghị trừ 1 "
        "điểm/lần)\t20\t\t-1\r\n"
        "\t\"Báo cáo 6 tháng\nđúng hạn\"\t10\t\t\r\n"
        "\tBáo cáo năm đúng hạn\t10\t\t\r\n"
        "Tiêu chuẩn 3\tĐiểm cộng\t\t\t\r\n"
        "3.1\tMỗi sáng kiến\t\t+0.5\t\r\n"
        "3.2\tĐể xảy ra sai phạm\t\t-1\t\r\n"
        "3.3\tCó mô hình mới\t\t\t+1\r\n"
        "3.4\tKhông gửi bản tự chấm điểm\t(không xếp loại)\t\t\r\n"
        "3.3.2.1\tMã bốn cấp\t1,25\t\t\r\n"
        "3.5\tMỗi văn bản trễ hạn trừ 0,5 điểm, trừ trường hợp có lý do chính đáng\t\t\t0,5\r\n"
        "\r\n"
        "\tTổng cộng\t50\t\t\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPastePreview) p = td_paste_parse (text, &error);
  g_autoptr (TdCriteriaTable) t = NULL;
  TdPasteRow *r;

  g_assert_no_error (error);
  for (guint i = 0; i < p->rows->len; i++)
    {
      r = row_at (p, i);
      g_test_message ("%u %s%*s%s | %s | %s", r->line, r->skip ? "(skip) " : "", r->depth * 2, "",
                      r->criterion->code, r->criterion->title, r->interpretation);
      if (*r->problems)
        g_test_message ("    %s", r->problems);
    }
  g_assert_cmpint (p->columns[TD_PASTE_COL_CODE], ==, 0);
  g_assert_cmpint (p->columns[TD_PASTE_COL_TITLE], ==, 1);

  r = row_at (p, 0);
  g_assert_cmpstr (r->criterion->code, ==, "1");
  g_assert_cmpint (r->depth, ==, 0);
  g_assert_cmpint (row_at (p, 1)->depth, ==, 1); /* a */
  g_assert_cmpint (row_at (p, 2)->depth, ==, 2); /* a1 */
  g_assert_cmpint (row_at (p, 3)->depth, ==, 2); /* a.2 */
  /* Bullets go under a.2 and are siblings. */
  g_assert_cmpint (row_at (p, 4)->depth, ==, 3);
  g_assert_cmpint (row_at (p, 5)->depth, ==, 3);
  g_assert_cmpstr (row_at (p, 4)->criterion->title, ==, "Báo cáo tháng");
  /* a.2 turned into a heading: its standard comes from the bullets. */
  g_assert_cmpint (row_at (p, 3)->criterion->kind, ==, TD_RULE_GROUP);
  /* a.7.1 hangs under the nearest row whose code is its prefix ("a": there
   * is no a7), zero standard and a deduction written "- 0,5". */
  r = row_at (p, 6);
  g_assert_cmpint (r->depth, ==, 2);
  g_assert_cmpint (r->criterion->standard, ==, 0);
  g_assert_cmpint (r->criterion->rate, ==, 50);
  g_assert_true (td_rule_kind_is_deduction (r->criterion->kind));

  /* Tiêu chuẩn 2: a header with its own deduction (per time). */
  r = row_at (p, 8);
  g_assert_cmpint (r->depth, ==, 0);
  g_assert_cmpint (r->criterion->kind, ==, TD_RULE_DEDUCTION_EACH);
  g_assert_cmpint (r->criterion->standard, ==, 2000);
  g_assert_cmpint (r->criterion->rate, ==, 100);
  /* Uncoded rows under it, siblings; the quoted cell keeps its text. */
  g_assert_cmpint (row_at (p, 9)->depth, ==, 1);
  g_assert_cmpint (row_at (p, 10)->depth, ==, 1);
  g_assert_cmpstr (row_at (p, 9)->criterion->title, ==, "Báo cáo 6 tháng đúng hạn");
  /* No code: said in its meaning, not a problem (real tables do it). */
  g_assert_cmpint (row_at (p, 9)->status, ==, TD_PASTE_OK);
  g_assert_cmpint (row_at (p, 9)->parent, ==, 8);

  /* Signs decide over columns. */
  r = row_at (p, 12);
  g_assert_cmpint (r->criterion->kind, ==, TD_RULE_BONUS_EACH);
  g_assert_cmpint (r->criterion->rate, ==, 50);
  r = row_at (p, 13);
  g_assert_true (td_rule_kind_is_deduction (r->criterion->kind));
  g_assert_cmpint (r->criterion->rate, ==, 100);
  g_assert_cmpint (r->status, ==, TD_PASTE_WARNING);
  g_assert_nonnull (strstr (r->problems, "bonus") ? r->problems : strstr (r->problems, "thưởng"));
  r = row_at (p, 14);
  g_assert_cmpint (r->criterion->kind, ==, TD_RULE_BONUS_POINTS);
  g_assert_cmpint (r->criterion->rate, ==, 100);
  g_assert_cmpint (r->status, ==, TD_PASTE_WARNING);
  r = row_at (p, 15);
  g_assert_cmpint (r->criterion->kind, ==, TD_RULE_DISQUALIFIER);
  /* 3.3.2.1 after 3.4: no open 3.3.2 or 3.3, so under "3", its longest
   * open prefix. */
  r = row_at (p, 16);
  g_assert_cmpint (r->depth, ==, 1);
  g_assert_cmpint (r->criterion->standard, ==, 125);
  /* The exemption note is kept. */
  r = row_at (p, 17);
  g_assert_cmpint (r->criterion->kind, ==, TD_RULE_DEDUCTION_EACH);
  g_assert_nonnull (strstr (r->criterion->exemption, "trừ trường hợp"));

  /* The empty line is skipped, the total row read. */
  g_assert_true (row_at (p, 18)->skip);
  g_assert_true (row_at (p, 19)->skip);
  g_assert_cmpint (p->total, ==, 5000);

  /* 3.4 is a plain disqualifier: nothing to look at. */
  g_assert_cmpint (row_at (p, 15)->status, ==, TD_PASTE_OK);
  g_assert_cmpuint (td_paste_preview_count_errors (p), ==, 0);

  /* The clerk fixes 3.3.2.1 into a sibling with a proper code. */
  td_paste_row_set_cells (p, 16, "3.6", NULL, NULL, NULL, NULL);
  g_assert_cmpint (row_at (p, 16)->depth, ==, 1);
  t = td_paste_preview_to_table (p, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->total, ==, 5000);
  {
    g_autoptr (GPtrArray) problems = td_criteria_table_check (t);
    /* Tiêu chuẩn 1 (30) has 20 + 10; a (20) has 12 + 8; a.2 (8) has 4 + 4
     * + 0; Tiêu chuẩn 3 says nothing but has 1,25 under it: reported. */
    gboolean found = FALSE;
    for (guint i = 0; i < problems->len; i++)
      {
        TdCriteriaProblem *q = g_ptr_array_index (problems, i);
        g_test_message ("problem: %s", q->message);
        if (q->kind == TD_PROBLEM_SUM_MISMATCH && q->difference == 125)
          found = TRUE;
      }
    g_assert_true (found);
  }
}

/* A number with letters glued to it ("2O" typed with the letter O,
 * "1,5đ") or a word in a points column is a problem of its row, with the
 * points parser's reason, never read as the digits in front. */
static void
test_not_a_number (void)
{
  const char *text = "1\tBáo cáo\t2O\t\t\n"
                     "2\tChậm báo cáo\t\t\tabc\n"
                     "3\tSáng kiến\t\t1,5đ\t\n"
                     "4\tNhiệm vụ\t2 điểm\t\t\n"
                     "5\tVi phạm\t\t\t-0,5/lần, tối đa 1,5\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPastePreview) p = td_paste_parse (text, &error);
  const char *bad[] = { "2O", "abc" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      TdPasteRow *r = row_at (p, i);
      g_autofree gchar *quoted = g_strdup_printf ("“%s”", bad[i]);

      /* The row names the cell and why it is refused. */
      g_test_message ("row %u: %s", i, r->problems);
      g_assert_cmpint (r->status, ==, TD_PASTE_ERROR);
      g_assert_nonnull (strstr (r->problems, quoted));
    }
  g_assert_cmpint (row_at (p, 0)->criterion->standard, !=, 200);
  /* "đ" and "điểm" after a figure are its unit; "/lần" says per case. */
  g_assert_cmpint (row_at (p, 2)->status, ==, TD_PASTE_OK);
  g_assert_cmpint (row_at (p, 2)->criterion->kind, ==, TD_RULE_BONUS_POINTS);
  g_assert_cmpint (row_at (p, 2)->criterion->rate, ==, 150);
  g_assert_cmpint (row_at (p, 3)->status, ==, TD_PASTE_OK);
  g_assert_cmpint (row_at (p, 3)->criterion->standard, ==, 200);
  g_assert_cmpint (row_at (p, 4)->status, !=, TD_PASTE_ERROR);
  g_assert_cmpint (row_at (p, 4)->criterion->kind, ==, TD_RULE_DEDUCTION_EACH);
  g_assert_cmpint (row_at (p, 4)->criterion->rate, ==, 50);
  g_assert_cmpint (row_at (p, 4)->criterion->deduction_cap, ==, 150);
  g_assert_cmpuint (td_paste_preview_count_errors (p), ==, 2);
}

/* Errors block saving until fixed or skipped. */
static void
test_errors_and_fixing (void)
{
  const char *text = "1\tBáo cáo\tba điểm\t\t\n"
                     "2\tSáng kiến\t\t0,5\t-0,5\n"
                     "3\tNhiệm vụ\t5\t\t\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPastePreview) p = td_paste_parse (text, &error);
  g_autoptr (TdCriteriaTable) t = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (row_at (p, 0)->status, ==, TD_PASTE_ERROR);
  g_assert_nonnull (strstr (row_at (p, 0)->problems, "ba điểm"));
  g_assert_cmpint (row_at (p, 1)->status, ==, TD_PASTE_ERROR);
  g_assert_cmpuint (td_paste_preview_count_errors (p), ==, 2);
  g_assert_null (td_paste_preview_to_table (p, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1"));
  g_clear_error (&error);

  td_paste_row_set_cells (p, 0, NULL, NULL, "3", NULL, NULL);
  g_assert_cmpint (row_at (p, 0)->status, ==, TD_PASTE_OK);
  g_assert_cmpint (row_at (p, 0)->criterion->standard, ==, 300);
  /* Skipping a row is the other way out, and it is kept when another
   * row changes. */
  g_assert_true (td_paste_row_set_skipped (p, 1, TRUE, &error));
  g_assert_cmpuint (td_paste_preview_count_errors (p), ==, 0);
  td_paste_row_set_cells (p, 2, NULL, "Nhiệm vụ được giao", NULL, NULL, NULL);
  g_assert_true (row_at (p, 1)->skip);
  g_assert_cmpint (row_at (p, 1)->skip_reason, ==, TD_PASTE_SKIP_CLERK);
  t = td_paste_preview_to_table (p, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->nodes->len, ==, 2);
  g_assert_cmpint (t->total, ==, 800);

  g_assert_null (td_paste_parse ("  \n\t\n", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

/* Without a code column: codes are read from the titles; bars as
 * separators (a table pasted from a plain-text mail). */
static void
test_codes_in_titles (void)
{
  const char *text = "| I. Công tác chuyên môn | 10 |\n"
                     "| 1. Kế hoạch | 6 |\n"
                     "| 2. Báo cáo | 4 |\n"
                     "| a) Mỗi báo cáo chậm | -0,25 |\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPastePreview) p = td_paste_parse (text, &error);

  g_assert_no_error (error);
  g_assert_cmpint (p->columns[TD_PASTE_COL_CODE], ==, -1);
  g_assert_cmpstr (row_at (p, 0)->criterion->code, ==, "I");
  g_assert_cmpstr (row_at (p, 0)->criterion->title, ==, "Công tác chuyên môn");
  g_assert_cmpint (row_at (p, 1)->depth, ==, 1);
  g_assert_cmpint (row_at (p, 2)->depth, ==, 1);
  g_assert_cmpint (row_at (p, 3)->depth, ==, 2);
  /* In a table with one points column a minus there is a deduction, as
   * expected; 2. keeps its own 4 standard points, and its row only
   * deducts (an item of real tables). */
  g_assert_true (td_rule_kind_is_deduction (row_at (p, 3)->criterion->kind));
  g_assert_cmpint (row_at (p, 3)->criterion->rate, ==, 25);
  g_assert_cmpint (row_at (p, 3)->status, ==, TD_PASTE_OK);
  g_assert_cmpint (row_at (p, 2)->criterion->kind, ==, TD_RULE_STANDARD);
  g_assert_cmpint (row_at (p, 2)->criterion->standard, ==, 400);
  g_assert_cmpint (row_at (p, 2)->status, ==, TD_PASTE_OK);
}

/* One signed column for bonuses and deductions: minus signs are expected
 * there, so no warning. */
static void
test_signed_column (void)
{
  const char *text = "TT\tTiêu chí\tĐiểm chuẩn\tĐiểm thưởng/trừ\n"
                     "1\tBáo cáo\t5\t\n"
                     "2\tMỗi sáng kiến\t\t+0,5\n"
                     "3\tMỗi văn bản trễ hạn\t\t-0,5\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPastePreview) p = td_paste_parse (text, &error);

  g_assert_no_error (error);
  g_assert_true (row_at (p, 0)->skip);
  g_assert_cmpint (row_at (p, 2)->criterion->kind, ==, TD_RULE_BONUS_EACH);
  g_assert_cmpint (row_at (p, 3)->criterion->kind, ==, TD_RULE_DEDUCTION_EACH);
  g_assert_cmpint (row_at (p, 3)->status, ==, TD_PASTE_OK);
  g_assert_cmpint (p->total, ==, 500);
}

/* Saving a fixed preview as the year's table. */
static void
test_save (void)
{
  const char *text = "I\tChuyên môn\t10\t\t\n1\tKế hoạch\t10\t\t\n2\tSáng kiến\t\t0,5\t\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  g_autoptr (TdPastePreview) p = td_paste_parse (text, &error);
  g_autoptr (TdCriteriaTable) t = NULL;
  g_autoptr (TdCriteriaTable) loaded = NULL;
  gint64 by_id;

  bloc->name = g_strdup ("Khối 1");
  by->bloc_id = td_registry_add_bloc (db, bloc, &error);
  by->year = 2025;
  by_id = td_registry_add_bloc_year (db, by, &error);
  g_assert_no_error (error);
  g_assert_true (td_criteria_set_table_info (db, by_id, "Thang điểm 2025", TD_POINTS (100),
                                             TD_NO_CAP, TD_NO_CAP, &error));
  g_assert_true (td_paste_preview_save (p, db, by_id, FALSE, &error));
  g_assert_no_error (error);
  /* Pasting again needs the clerk's consent to replace. */
  g_assert_false (td_paste_preview_save (p, db, by_id, FALSE, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONSTRAINT);
  g_clear_error (&error);
  t = td_paste_preview_to_table (p, &error);
  g_assert_true (td_criteria_save_table (db, by_id, t, TRUE, &error));
  g_assert_no_error (error);
  loaded = td_criteria_load (db, by_id, &error);
  g_assert_cmpstr (loaded->title, ==, "Thang điểm 2025"); /* kept */
  g_assert_cmpuint (loaded->nodes->len, ==, 3);
  g_assert_cmpint (loaded->total, ==, 1000);
  g_assert_cmpint (((TdCriterion *)g_ptr_array_index (loaded->nodes, 2))->kind, ==,
                   TD_RULE_BONUS_POINTS);
  g_assert_cmpint (((TdCriterion *)g_ptr_array_index (loaded->nodes, 2))->depth, ==, 1);
}

/* A table copied from LibreOffice Writer arrives as HTML: merged cells,
 * entities, paragraphs, scripts and nested tables. */
static void
test_html (void)
{
  const char *html
      = "<html><head><style>td { color: red }</style><script>var x = '<table>';</script>"
        "</head><body><p>Bảng</p><table><tr><td rowspan=\"2\">STT</td><td rowspan=2>Nội dung</td>"
        "<td colspan=\"2\">Điểm</td></tr><tr><td>Chuẩn</td><td>Trừ</td></tr>"
        "<tr><td><p>1.</p></td><td><p>Báo cáo &amp; thống kê</p><p>đúng&nbsp;hạn</p></td>"
        "<td>5</td><td></td></tr>"
        "<tr><td></td><td>&ndash; Mỗi lần chậm "
        "&#273;&#x1ebf;n<br>hạn</td><td></td><td>0,5</td></tr>"
        "<tr><td>2.</td><td>\"Trích\" dẫn<table><tr><td>lồng</td></tr></table></td><td>5</td>"
        "<td></td></tr></table><table><tr><td>bảng sau</td></tr></table></body></html>";
  g_autoptr (GError) error = NULL;
  g_autofree gchar *text = td_paste_html_to_text (html, &error);
  g_auto (GStrv) lines = NULL;
  g_autoptr (TdPastePreview) p = NULL;

  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "STT\tNội dung\tĐiểm\t");
  g_assert_cmpstr (lines[1], ==, "\t\tChuẩn\tTrừ");
  g_assert_cmpstr (lines[2], ==, "1.\tBáo cáo & thống kê đúng hạn\t5\t");
  g_assert_cmpstr (lines[3], ==, "\t– Mỗi lần chậm đến hạn\t\t0,5");
  /* A cell starting with a quote stays text; the nested table's cell does
   * not make a column; the second table is not read. */
  g_assert_cmpstr (lines[4], ==, "2.\t\"\"\"Trích\"\" dẫn\"\t5\t");
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_null (lines[6]);

  p = td_paste_parse (text, &error);
  g_assert_no_error (error);
  g_assert_true (row_at (p, 0)->skip && row_at (p, 1)->skip);
  g_assert_cmpint (row_at (p, 2)->criterion->kind, ==, TD_RULE_STANDARD);
  g_assert_cmpint (row_at (p, 3)->criterion->kind, ==, TD_RULE_DEDUCTION_EACH);
  g_assert_cmpint (row_at (p, 3)->parent, ==, 2);
  g_assert_cmpstr (row_at (p, 4)->criterion->title, ==, "\"Trích\" dẫn");

  /* No table, invalid text. */
  g_assert_null (td_paste_html_to_text ("<p>chỉ có chữ</p>", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (td_paste_html_to_text ("<table><tr><td>\xff\xfe</td></tr></table>", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

/* The clerk's choices: a kind, a note moved to another item, rows made
 * options or grades; each survives the next change. */
static void
test_choices (void)
{
  const char *text = "STT\tNội dung\tĐiểm chuẩn\tĐiểm thưởng\tĐiểm trừ\n"
                     "1\tKết quả công tác\t10\t\t\n"
                     "\tCông việc thứ nhất\t10\t\t\n"
                     "\tCông việc thứ hai\t6\t\t\n"
                     "2\tKhen thưởng\t\t\t\n"
                     "\tBằng khen Thủ tướng\t\t2\t\n"
                     "\tBằng khen UBND tỉnh\t\t1\t\n"
                     "3\tBáo cáo\t5\t\t\n"
                     "3.1\tMỗi báo cáo chậm\t\t\t0,5\n"
                     "\tGhi chú: tổng điểm trừ không quá 1 điểm\t\t\t\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPastePreview) p = td_paste_parse (text, &error);
  const guint options[] = { 5, 6 };
  const guint grades[] = { 2, 3 };

  g_assert_no_error (error);
  /* Without level words the sub-rows of 1 are rows of their own, and the
   * two bonuses are independent. */
  g_assert_cmpint (row_at (p, 2)->role, ==, TD_PASTE_ROLE_CRITERION);
  g_assert_cmpint (row_at (p, 5)->role, ==, TD_PASTE_ROLE_CRITERION);
  /* The note caps 3 (the item over its last row). */
  g_assert_cmpint (row_at (p, 9)->role, ==, TD_PASTE_ROLE_NOTE);
  g_assert_cmpint (g_array_index (row_at (p, 9)->targets, gint, 0), ==, 7);
  g_assert_cmpint (row_at (p, 7)->criterion->deduction_cap, ==, 100);

  g_assert_true (td_paste_rows_make_grades (p, grades, G_N_ELEMENTS (grades), &error));
  g_assert_cmpint (row_at (p, 1)->criterion->kind, ==, TD_RULE_GRADED);
  g_assert_cmpuint (row_at (p, 1)->criterion->options->len, ==, 2);
  g_assert_cmpint (row_at (p, 2)->role, ==, TD_PASTE_ROLE_GRADE);
  g_assert_true (td_paste_rows_make_options (p, options, G_N_ELEMENTS (options), &error));
  g_assert_cmpint (row_at (p, 4)->criterion->kind, ==, TD_RULE_OPTIONS);
  g_assert_cmpint (row_at (p, 6)->part_points, ==, 100);
  /* The note applies to 1 instead: 3 loses the cap. */
  g_assert_true (td_paste_row_attach_note (p, 9, 1, &error));
  g_assert_cmpint (row_at (p, 7)->criterion->deduction_cap, ==, TD_NO_CAP);
  g_assert_cmpint (row_at (p, 1)->criterion->deduction_cap, ==, 100);
  g_assert_false (td_paste_row_attach_note (p, 9, 2, &error)); /* a grade */
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  /* 3.1 made a deduction up to a limit; the earlier choices stay. */
  g_assert_true (td_paste_row_set_kind (p, 8, TD_RULE_DEDUCTION_POINTS, &error));
  g_assert_cmpint (row_at (p, 8)->criterion->kind, ==, TD_RULE_DEDUCTION_POINTS);
  g_assert_cmpint (row_at (p, 1)->criterion->kind, ==, TD_RULE_GRADED);
  g_assert_cmpint (row_at (p, 4)->criterion->kind, ==, TD_RULE_OPTIONS);
  td_paste_row_set_cells (p, 7, NULL, "Báo cáo định kỳ", NULL, NULL, NULL);
  g_assert_cmpint (row_at (p, 1)->criterion->deduction_cap, ==, 100);
  /* Forgetting a choice returns to the reading. */
  td_paste_row_reset (p, 8);
  g_assert_cmpint (row_at (p, 8)->criterion->kind, ==, TD_RULE_DEDUCTION_EACH);
  {
    g_autoptr (TdCriteriaTable) t = td_paste_preview_to_table (p, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (t->nodes->len, ==, 4);
  }
}

/* Shapes seen in offices' sheets: title lines above the headers, a row
 * numbering the columns, items numbered on across sections, rules in a
 * notes column, sections of bonuses and of deductions, one points column
 * with signs, rates written in a cell, "Tổng điểm tối đa" as the total. */
static void
test_office_sheets (void)
{
  const char *sheet = "BẢNG ĐIỂM CHẤM THI ĐUA NĂM 2025\n"
                      "(Kèm theo Kế hoạch số 12/KH-KTĐ ngày 15/01/2025)\n"
                      "STT\tTiêu chí\tĐiểm tối đa\tĐiểm thưởng\tĐiểm trừ\tGhi chú\n"
                      "(1)\t(2)\t(3)\t(4)\t(5)\t(6)\n"
                      "A\tPHẦN CHẤM ĐIỂM\t100\t\t\t\n"
                      "I\tThực hiện nhiệm vụ chuyên môn\t50\t\t\t\n"
                      "1\tTiêu chí 1: Hoàn thành kế hoạch năm\t25\t\t\tCăn cứ báo cáo tổng kết\n"
                      "2\tTiêu chí 2: Cải cách hành chính\t25\t\tTrừ 0,5đ/lần\tMỗi hồ sơ trễ hạn\n"
                      "II\tCông tác phối hợp\t50\t\t\t\n"
                      "3\tPhối hợp với các đơn vị trong Khối\t50\t\t\t\n"
                      "B\tĐIỂM THƯỞNG\t10\t\t\tTối đa 10 điểm\n"
                      "1\tCó sáng kiến cấp tỉnh\t\t2\t\tMỗi sáng kiến\n"
                      "C\tĐIỂM TRỪ (trừ tối đa 10 điểm)\t\t\t\t\n"
                      "1\tKhông tham dự hội nghị của Khối\t\t\t2\tMỗi lần\n"
                      "\tTỔNG CỘNG\t100\t\t\t\n";
  const char *one_column = "TT\tNội dung, tiêu chí\tĐiểm\n"
                           "I\tCÔNG TÁC CHUYÊN MÔN\t30\n"
                           "1\tXây dựng kế hoạch công tác năm\t10\n"
                           "\t+ Chậm mỗi 01 ngày trừ 0,1 điểm\t\n"
                           "2\tChế độ thông tin báo cáo\t20\n"
                           "\t- Mỗi báo cáo chậm\t-0,5\n"
                           "\t- Có sáng kiến được công nhận: cộng 1 điểm\t1\n"
                           "\tTổng điểm tối đa: 30 điểm\t30\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPastePreview) p = td_paste_parse (sheet, &error);
  g_autoptr (TdPastePreview) q = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (row_at (p, i)->skip_reason, ==, TD_PASTE_SKIP_HEADER);
  g_assert_cmpint (p->columns[TD_PASTE_COL_GUIDANCE], ==, 5);
  g_assert_cmpint (row_at (p, 7)->criterion->kind, ==, TD_RULE_STANDARD_LESS_EACH);
  g_assert_cmpint (row_at (p, 7)->criterion->rate, ==, 50);
  g_assert_cmpint (row_at (p, 7)->status, ==, TD_PASTE_OK);
  g_assert_cmpint (row_at (p, 9)->parent, ==, 8); /* 3 under II, numbered on */
  g_assert_cmpint (row_at (p, 10)->criterion->kind, ==, TD_RULE_GROUP);
  g_assert_cmpint (row_at (p, 10)->criterion->standard, ==, 0);
  g_assert_cmpint (row_at (p, 10)->criterion->bonus_cap, ==, TD_POINTS (10));
  g_assert_cmpint (row_at (p, 11)->criterion->kind, ==, TD_RULE_BONUS_EACH);
  g_assert_cmpint (row_at (p, 12)->criterion->deduction_cap, ==, TD_POINTS (10));
  g_assert_cmpint (row_at (p, 13)->criterion->kind, ==, TD_RULE_DEDUCTION_EACH);
  g_assert_cmpint (p->standard_total, ==, TD_POINTS (100));
  g_assert_cmpuint (td_paste_preview_count_errors (p), ==, 0);
  g_assert_cmpuint (td_paste_preview_count_warnings (p), ==, 0);

  q = td_paste_parse (one_column, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row_at (q, 3)->criterion->kind, ==, TD_RULE_DEDUCTION_EACH);
  g_assert_cmpint (row_at (q, 3)->criterion->rate, ==, 10);
  g_assert_cmpint (row_at (q, 5)->criterion->kind, ==, TD_RULE_DEDUCTION_EACH);
  g_assert_cmpint (row_at (q, 6)->criterion->kind, ==, TD_RULE_BONUS_POINTS);
  g_assert_cmpint (row_at (q, 6)->criterion->rate, ==, 100);
  g_assert_cmpint (row_at (q, 7)->skip_reason, ==, TD_PASTE_SKIP_TOTAL);
  g_assert_cmpint (q->total, ==, TD_POINTS (30));
  g_assert_cmpuint (td_paste_preview_count_warnings (q), ==, 0);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/paste/code-levels", test_code_levels);
  g_test_add_func ("/paste/clean-table", test_clean_table);
  g_test_add_func ("/paste/messy-table", test_messy_table);
  g_test_add_func ("/paste/errors-and-fixing", test_errors_and_fixing);
  g_test_add_func ("/paste/not-a-number", test_not_a_number);
  g_test_add_func ("/paste/codes-in-titles", test_codes_in_titles);
  g_test_add_func ("/paste/signed-column", test_signed_column);
  g_test_add_func ("/paste/save", test_save);
  g_test_add_func ("/paste/html", test_html);
  g_test_add_func ("/paste/choices", test_choices);
  g_test_add_func ("/paste/office-sheets", test_office_sheets);
  g_test_add_func ("/paste/points-in-words", test_points_in_words);
  g_test_add_func ("/paste/grades-in-words", test_grades_in_words);
  g_test_add_func ("/paste/ranks-and-bullets", test_ranks_and_bullets);
  g_test_add_func ("/paste/scale-in-words", test_scale_in_words);
  g_test_add_func ("/paste/leaves-total", test_leaves_total);
  g_test_add_func ("/paste/broken-cells", test_broken_cells);
  g_test_add_func ("/paste/code-columns", test_code_columns);
  g_test_add_func ("/paste/words-that-decide", test_words_that_decide);
  g_test_add_func ("/paste/short-header-and-slash-codes", test_short_header_and_slash_codes);
  g_test_add_func ("/paste/bonus-sections", test_bonus_sections);
  g_test_add_func ("/paste/levels-in-one-text", test_levels_in_one_text);
  g_test_add_func ("/paste/figures-in-guidance", test_figures_in_guidance);
  g_test_add_func ("/paste/table-note-disqualifier", test_table_note_disqualifier);
  g_test_add_func ("/paste/rate-column-cap-words", test_rate_column_cap_words);
  return g_test_run ();
}
