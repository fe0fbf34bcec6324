/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Example sheets from synthetic data (see td-sheet-sample.h).
 *
 * td_sheet_sample_ranking is also the pattern of a real builder: header
 * block, columns, one row per unit with its formulas and cached values,
 * notes, signature and "Nơi nhận".  Numbers are made up but deterministic,
 * so tests can assert them. */
#include "td-official.h"
#include "td-sheet-sample.h"

#include <stdlib.h>

static const char *const kinds[] = {
  "Trung tâm Y tế huyện",
  "Bệnh viện Đa khoa khu vực",
  "Trung tâm Kiểm soát bệnh tật và Phòng chống dịch bệnh",
  "Phòng Y tế thị xã",
  "Trạm Y tế xã",
};

static const char *const places[] = {
  "Đồng Xoài", "Bình Long", "Phước Long", "Chơn Thành", "Lộc Ninh",  "Bù Đăng",
  "Bù Đốp",    "Hớn Quản",  "Đồng Phú",   "Bù Gia Mập", "Phú Riềng", "Tân Thành",
};

gchar *
td_sheet_sample_unit_name (guint n)
{
  return g_strdup_printf ("%s %s số %u", kinds[n % G_N_ELEMENTS (kinds)],
                          places[(n / G_N_ELEMENTS (kinds)) % G_N_ELEMENTS (places)], n + 1);
}

static void
official_header (TdSheet *sheet, int year, const char *number)
{
  const char *issuer[] = { "SỞ Y TẾ TỈNH BÌNH PHƯỚC", "KHỐI THI ĐUA SỐ 6", NULL };
  const char *authority[] = { "TM. KHỐI THI ĐUA SỐ 6", NULL };
  g_autoptr (GDate) date = g_date_new_dmy (5, 1, year + 1);

  td_sheet_set_issuer (sheet, issuer, number);
  td_sheet_set_date (sheet, "Bình Phước", date);
  td_sheet_set_signature (sheet, authority, "KHỐI TRƯỞNG", "Nguyễn Thị Thanh Hương");
  td_sheet_add_recipient (sheet, "- Ban Thi đua - Khen thưởng tỉnh;");
  td_sheet_add_recipient (sheet, "- Các đơn vị trong Khối;");
  td_sheet_add_recipient (sheet, "- Lưu: VT.");
}

typedef struct
{
  guint unit;
  TdPoints self, assessed, bonus, penalty, total;
} Result;

static int
by_total (gconstpointer a, gconstpointer b)
{
  const Result *x = a, *y = b;

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return (int)x->unit - (int)y->unit;
}

/* The official grades, with the default thresholds (% of a 100-point
 * table), as a real bloc-year prints them. */
static const char *
grade (TdPoints total)
{
  TdGradeScale scale;

  td_grade_scale_init_default (&scale);
  return td_official_grade (td_grade_for (&scale, total));
}

TdSheet *
td_sheet_sample_ranking (guint n_units, int year)
{
  g_autofree gchar *title
      = g_strdup_printf ("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM %d", year);
  g_autofree gchar *stem = g_strdup_printf ("Bảng xếp hạng Khối 6 %d", year);
  g_autofree gchar *number = g_strdup_printf ("Số: 01/BC-KTĐ6");
  TdSheet *sheet = td_sheet_new ("Tổng hợp xếp hạng", title, TD_SHEET_LANDSCAPE);
  g_autofree Result *results = g_new0 (Result, n_units);
  guint stt, name, self, total, rank, grd, proposal;
  TdResultColumns result;
  guint first = 0, last = n_units ? n_units - 1 : 0;
  gint64 prev_rank = 0;

  td_sheet_set_file_stem (sheet, stem);
  official_header (sheet, year, number);
  td_sheet_add_subtitle (sheet, "(Kèm theo Báo cáo số 01/BC-KTĐ6 của Khối thi đua số 6)");
  td_sheet_set_meta (sheet, "sheet", "ranking");
  {
    g_autofree gchar *y = g_strdup_printf ("%d", year);
    td_sheet_set_meta (sheet, "year", y);
  }

  /* The columns and widths of a real bloc's ranking table
   * (td_builder_ranking), official grades included. */
  stt = td_sheet_add_column (sheet, "STT", TD_COLUMN_INTEGER, 5.5, TD_ALIGN_CENTER);
  name = td_sheet_add_column (sheet, "Đơn vị", TD_COLUMN_TEXT, 29, TD_ALIGN_LEFT);
  self = td_sheet_add_column (sheet, TD_OFFICIAL_SELF, TD_COLUMN_POINTS, 8.5, TD_ALIGN_RIGHT);
  result.assessed
      = td_sheet_add_column (sheet, TD_OFFICIAL_ASSESSED, TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  result.bonus
      = td_sheet_add_column (sheet, TD_OFFICIAL_BONUS, TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  result.deduction
      = td_sheet_add_column (sheet, TD_OFFICIAL_DEDUCTION, TD_COLUMN_POINTS, 7, TD_ALIGN_RIGHT);
  total = result.total
      = td_sheet_add_column (sheet, TD_OFFICIAL_TOTAL, TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  rank = td_sheet_add_column (sheet, TD_OFFICIAL_RANK, TD_COLUMN_RANK, 7, TD_ALIGN_CENTER);
  grd = td_sheet_add_column (sheet, TD_OFFICIAL_GRADE, TD_COLUMN_TEXT, 32, TD_ALIGN_LEFT);
  proposal = td_sheet_add_column (sheet, TD_OFFICIAL_PROPOSAL, TD_COLUMN_TEXT, 25, TD_ALIGN_LEFT);
  td_sheet_group_columns (sheet, self, total, "Kết quả chấm điểm");
  sheet->freeze_columns = 2;

  for (guint i = 0; i < n_units; i++)
    {
      Result *r = &results[i];
      r->unit = i;
      /* Deterministic, varied, with hundredths and ties. */
      r->assessed = TD_POINTS (80) + (TdPoints)((i * 7919) % 1800);
      r->self = r->assessed + (TdPoints)((i * 31) % 250);
      r->bonus = (i % 4 == 0) ? 150 : (i % 7 == 0 ? 50 : 0);
      r->penalty = (i % 5 == 3) ? 100 : (i % 9 == 2 ? 25 : 0);
      if (i == 11)
        r->assessed = results[10].assessed + results[10].bonus - results[10].penalty - r->bonus
                      + r->penalty; /* a tie */
      r->total = r->assessed + r->bonus - r->penalty;
    }
  qsort (results, n_units, sizeof (Result), by_total);

  for (guint i = 0; i < n_units; i++)
    {
      Result *r = &results[i];
      g_autofree gchar *unit_name = td_sheet_sample_unit_name (r->unit);
      g_autofree gchar *key = g_strdup_printf ("unit:%u", r->unit + 1);
      guint row = td_sheet_add_row (sheet, TD_ROW_NORMAL);
      gint64 place = (i > 0 && r->total == results[i - 1].total) ? prev_rank : i + 1;

      prev_rank = place;
      td_sheet_set_row_key (sheet, row, key);
      td_sheet_set_integer (sheet, row, stt, i + 1);
      td_sheet_set_text (sheet, row, name, unit_name);
      td_sheet_set_points (sheet, row, self, r->self);
      td_official_set_result (sheet, row, &result, r->assessed, r->bonus, r->penalty);
      td_sheet_set_rank (sheet, row, rank, place, row, total, first, total, last, total);
      td_sheet_set_text (sheet, row, grd, grade (r->total));
      td_sheet_set_text (sheet, row, proposal,
                         place == 1   ? "Cờ thi đua của Ủy ban nhân dân tỉnh"
                         : place <= 5 ? "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
                         : r->total >= TD_POINTS (90) ? "Giấy khen của Giám đốc Sở"
                                                      : "");
    }

  td_sheet_add_note_after (sheet, "Ghi chú: Tổng điểm = Thẩm định + Thưởng − Trừ; các đơn vị bằng "
                                  "điểm được xếp đồng hạng.");
  return sheet;
}

typedef struct
{
  const char *text;
  int max; /* whole points */
} Criterion;

static const Criterion section1[] = {
  { "Triển khai kịp thời, đầy đủ các văn bản chỉ đạo của cấp trên về công tác thi đua, "
    "khen thưởng",
    10 },
  { "Ban hành kế hoạch, phát động phong trào thi đua năm và các đợt thi đua theo chuyên đề", 10 },
  { "Tổ chức sơ kết, tổng kết, nhân rộng điển hình tiên tiến", 5 },
};
static const Criterion section2[] = {
  { "Hoàn thành các chỉ tiêu chuyên môn được giao trong năm", 30 },
  { "Quản lý tài chính, tài sản công đúng quy định; không để xảy ra thất thoát, lãng phí", 15 },
  { "Cải cách hành chính, ứng dụng công nghệ thông tin, chuyển đổi số", 10 },
};
static const Criterion section3[] = {
  { "Công tác xây dựng Đảng, đoàn thể trong sạch, vững mạnh", 10 },
  { "Thực hiện chế độ thông tin, báo cáo đúng thời hạn", 10 },
};

static const struct
{
  const char *roman, *text;
  const Criterion *items;
  guint n;
} sections[] = {
  { "I", "Công tác chỉ đạo, tổ chức phong trào thi đua", section1, G_N_ELEMENTS (section1) },
  { "II", "Thực hiện nhiệm vụ chuyên môn", section2, G_N_ELEMENTS (section2) },
  { "III", "Công tác xây dựng tổ chức và chế độ báo cáo", section3, G_N_ELEMENTS (section3) },
};

/* Adds the heading row of section @s (its numeral in @stt, its title in
 * @text), remembered in @section_rows for the grand total; returns it. */
static guint
add_section_head (TdSheet *sheet, guint s, guint stt, guint text, GArray *section_rows)
{
  guint head = td_sheet_add_row (sheet, TD_ROW_SECTION);

  g_array_append_val (section_rows, head);
  td_sheet_set_text (sheet, head, stt, sections[s].roman);
  td_sheet_set_text (sheet, head, text, sections[s].text);
  return head;
}

/* The criteria table shared by the scoring sheet and the form: @form leaves
 * the scores empty and marks them for input. */
static TdSheet *
criteria_sheet (int year, gboolean form)
{
  g_autofree gchar *title = form ? g_strdup_printf ("PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM %d", year)
                                 : g_strdup_printf ("BẢNG CHẤM ĐIỂM THI ĐUA NĂM %d", year);
  g_autofree gchar *stem
      = g_strdup_printf ("%s Khối 6 %d", form ? "Phiếu tự chấm" : "Bảng chấm điểm", year);
  g_autofree gchar *unit_name = td_sheet_sample_unit_name (2);
  g_autofree gchar *unit_line = g_strdup_printf ("Đơn vị: %s", unit_name);
  TdSheet *sheet = td_sheet_new (form ? "Phiếu tự chấm" : unit_name, title, TD_SHEET_LANDSCAPE);
  guint stt, text, max, bonus, penalty, self, assessed, note;
  GArray *section_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  TdPoints grand_max = 0, grand_self = 0, grand_assessed = 0;
  guint row;

  td_sheet_set_file_stem (sheet, stem);
  official_header (sheet, year, form ? NULL : "Số: 12/BC-TTYT");
  td_sheet_add_subtitle (sheet, unit_line);
  td_sheet_set_meta (sheet, "sheet", form ? "form" : "scores");
  {
    g_autofree gchar *y = g_strdup_printf ("%d", year);
    td_sheet_set_meta (sheet, "year", y);
  }
  td_sheet_set_meta (sheet, "unit", "3");
  if (form)
    {
      td_sheet_add_note_before (sheet,
                                "Hướng dẫn: Đơn vị nhập điểm tự chấm vào các ô nền vàng "
                                "của cột \"Tự chấm\" (không vượt quá điểm chuẩn; dùng dấu "
                                "phẩy cho phần thập phân, ví dụ 7,5) và ghi minh chứng ở cột "
                                "cuối. Các ô tổng được tính tự động.");
      td_sheet_add_note_before (sheet, "Không thêm, xóa hoặc đổi thứ tự dòng, cột; gửi lại tệp này "
                                       "cho Khối trưởng đúng thời hạn.");
    }

  stt = td_sheet_add_column (sheet, "STT", TD_COLUMN_TEXT, 6, TD_ALIGN_CENTER);
  text = td_sheet_add_column (sheet, "Nội dung tiêu chí", TD_COLUMN_TEXT, 50, TD_ALIGN_LEFT);
  max = td_sheet_add_column (sheet, "Điểm chuẩn", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  bonus = td_sheet_add_column (sheet, "Điểm thưởng", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  penalty = td_sheet_add_column (sheet, "Điểm trừ", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  self = td_sheet_add_column (sheet, "Tự chấm", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  assessed = td_sheet_add_column (sheet, "Thẩm định", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  note = td_sheet_add_column (sheet, "Ghi chú / minh chứng", TD_COLUMN_TEXT, 28, TD_ALIGN_LEFT);

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      guint head = add_section_head (sheet, s, stt, text, section_rows);
      TdPoints sum_max = 0, sum_self = 0, sum_assessed = 0;

      for (guint i = 0; i < sections[s].n; i++)
        {
          const Criterion *c = &sections[s].items[i];
          g_autofree gchar *num = g_strdup_printf ("%u", i + 1);
          g_autofree gchar *key = g_strdup_printf ("criterion:%u.%u", s + 1, i + 1);
          TdPoints self_points = TD_POINTS (c->max) - (TdPoints)((s * 3 + i) % 3) * 50;
          TdPoints assessed_points = self_points - (i == 1 ? 50 : 0);

          row = td_sheet_add_row (sheet, TD_ROW_NORMAL);
          td_sheet_set_row_key (sheet, row, key);
          td_sheet_set_text (sheet, row, stt, num);
          td_sheet_set_text (sheet, row, text, c->text);
          td_sheet_set_points (sheet, row, max, TD_POINTS (c->max));
          sum_max += TD_POINTS (c->max);
          if (form)
            {
              td_sheet_set_input_points (sheet, row, self, 0, TD_POINTS (c->max), FALSE, NULL);
              td_sheet_set_input (sheet, row, note);
            }
          else
            {
              td_sheet_set_points (sheet, row, self, self_points);
              td_sheet_set_points (sheet, row, assessed, assessed_points);
              sum_self += self_points;
              sum_assessed += assessed_points;
              if (i == 0)
                td_sheet_set_text (sheet, row, note, "Kế hoạch số 15/KH-TTYT ngày 20/01");
            }
        }
      td_sheet_set_column_sum (sheet, head, max, sum_max, head + 1, head + sections[s].n);
      td_sheet_set_column_sum (sheet, head, self, sum_self, head + 1, head + sections[s].n);
      if (!form)
        td_sheet_set_column_sum (sheet, head, assessed, sum_assessed, head + 1,
                                 head + sections[s].n);
      grand_max += sum_max;
      grand_self += sum_self;
      grand_assessed += sum_assessed;
    }

  row = td_sheet_add_row (sheet, TD_ROW_SUBTOTAL);
  td_sheet_set_text (sheet, row, stt, "IV");
  td_sheet_set_text (sheet, row, text, "Điểm thưởng, điểm trừ");
  if (form)
    {
      td_sheet_set_input_points (sheet, row, bonus, 0, TD_POINTS (5), FALSE, NULL);
      td_sheet_set_input_points (sheet, row, penalty, 0, TD_POINTS (10), FALSE, NULL);
    }
  else
    {
      td_sheet_set_points (sheet, row, bonus, TD_POINTS (2));
      td_sheet_set_points (sheet, row, penalty, 50);
    }

  if (form)
    {
      const char *levels[] = { "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
                               "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ", NULL };
      guint self_rating = td_sheet_add_row (sheet, TD_ROW_NORMAL);

      td_sheet_set_row_key (sheet, self_rating, "self-rating");
      td_sheet_set_text (sheet, self_rating, stt, "V");
      td_sheet_set_text (sheet, self_rating, text, "Đơn vị tự đánh giá mức độ hoàn thành nhiệm vụ");
      td_sheet_set_input_list (sheet, self_rating, note, levels, "Chọn một mức trong danh sách.");
    }

  {
    guint tot = td_sheet_add_row (sheet, TD_ROW_TOTAL);
    guint cols[] = { max, self, assessed };
    TdPoints values[] = { grand_max, grand_self + (form ? 0 : TD_POINTS (2) - 50),
                          grand_assessed + (form ? 0 : TD_POINTS (2) - 50) };

    td_sheet_set_text (sheet, tot, stt, "Tổng cộng");
    td_sheet_span (sheet, tot, stt, text);
    for (guint k = 0; k < G_N_ELEMENTS (cols); k++)
      {
        if (form && cols[k] == assessed)
          continue;
        td_sheet_set_rows_sum (sheet, tot, cols[k], values[k], section_rows);
        if (cols[k] != max)
          {
            td_sheet_sum_add (sheet, tot, cols[k], +1, row, bonus, row, bonus);
            td_sheet_sum_add (sheet, tot, cols[k], -1, row, penalty, row, penalty);
          }
      }
  }
  g_array_unref (section_rows);
  if (!form)
    td_sheet_add_note_after (sheet, "Tổng điểm = tổng điểm các mục + điểm thưởng − điểm trừ.");
  if (form)
    {
      /* Filled in and signed by the member unit, not issued by the bloc. */
      g_autofree gchar *unit_caps = g_utf8_strup (unit_name, -1);
      const char *issuer[] = { "SỞ Y TẾ TỈNH BÌNH PHƯỚC", unit_caps, NULL };
      const char *authority[] = { "THỦ TRƯỞNG ĐƠN VỊ", NULL };
      g_autofree gchar *date_text = g_strdup_printf ("……………, ngày …… tháng …… năm %d", year + 1);

      td_sheet_set_issuer (sheet, issuer, "Số: ……/……");
      td_sheet_set_date_text (sheet, date_text);
      td_sheet_set_signature (sheet, authority, NULL, NULL);
      td_sheet_set_sign_note (sheet, "(Ký, ghi rõ họ tên và đóng dấu)");
      g_clear_pointer (&sheet->recipients, g_strfreev);
      sheet->hide_zero = TRUE;
    }
  return sheet;
}

TdSheet *
td_sheet_sample_scores (int year)
{
  return criteria_sheet (year, FALSE);
}

TdSheet *
td_sheet_sample_form (int year)
{
  return criteria_sheet (year, TRUE);
}

static const char *const short_kinds[] = { "TTYT", "BVĐKKV", "CDC", "PYT", "TYT" };

TdSheet *
td_sheet_sample_matrix (guint n_units, int year)
{
  g_autofree gchar *title
      = g_strdup_printf ("BẢNG TỔNG HỢP ĐIỂM THẨM ĐỊNH THEO TIÊU CHÍ NĂM %d", year);
  g_autofree gchar *stem = g_strdup_printf ("Bảng tiêu chí theo đơn vị Khối 6 %d", year);
  TdSheet *sheet = td_sheet_new ("Tiêu chí × đơn vị", title, TD_SHEET_LANDSCAPE);
  guint stt, text, max, first_unit = 0;
  GArray *section_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree TdPoints *totals = g_new0 (TdPoints, n_units);
  guint total_row, rank_row;

  td_sheet_set_file_stem (sheet, stem);
  official_header (sheet, year, "Số: 02/BC-KTĐ6");
  td_sheet_add_subtitle (sheet, "(Tài liệu phục vụ cuộc họp bình xét thi đua của Khối)");
  td_sheet_set_meta (sheet, "sheet", "matrix");
  stt = td_sheet_add_column (sheet, "STT", TD_COLUMN_TEXT, 6, TD_ALIGN_CENTER);
  text = td_sheet_add_column (sheet, "Nội dung tiêu chí", TD_COLUMN_TEXT, 33, TD_ALIGN_LEFT);
  max = td_sheet_add_column (sheet, "Điểm chuẩn", TD_COLUMN_POINTS, 7, TD_ALIGN_RIGHT);
  for (guint u = 0; u < n_units; u++)
    {
      g_autofree gchar *label
          = g_strdup_printf ("%s %s", short_kinds[u % G_N_ELEMENTS (short_kinds)],
                             places[(u / G_N_ELEMENTS (short_kinds)) % G_N_ELEMENTS (places)]);
      guint col = td_sheet_add_column (sheet, label, TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
      if (u == 0)
        first_unit = col;
    }
  if (n_units > 0)
    td_sheet_group_columns (sheet, first_unit, first_unit + n_units - 1,
                            "Điểm thẩm định của các đơn vị");
  sheet->freeze_columns = 3;

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      guint head = add_section_head (sheet, s, stt, text, section_rows);
      TdPoints sum_max = 0;
      g_autofree TdPoints *sums = g_new0 (TdPoints, n_units);

      for (guint i = 0; i < sections[s].n; i++)
        {
          const Criterion *c = &sections[s].items[i];
          g_autofree gchar *num = g_strdup_printf ("%u", i + 1);
          guint row = td_sheet_add_row (sheet, TD_ROW_NORMAL);

          td_sheet_set_text (sheet, row, stt, num);
          td_sheet_set_text (sheet, row, text, c->text);
          td_sheet_set_points (sheet, row, max, TD_POINTS (c->max));
          sum_max += TD_POINTS (c->max);
          for (guint u = 0; u < n_units; u++)
            {
              TdPoints p = TD_POINTS (c->max) - (TdPoints)(((u + 1) * (s + 2) * (i + 3)) % 7) * 25;
              td_sheet_set_points (sheet, row, first_unit + u, p);
              sums[u] += p;
            }
        }
      td_sheet_set_column_sum (sheet, head, max, sum_max, head + 1, head + sections[s].n);
      for (guint u = 0; u < n_units; u++)
        {
          td_sheet_set_column_sum (sheet, head, first_unit + u, sums[u], head + 1,
                                   head + sections[s].n);
          totals[u] += sums[u];
        }
    }

  total_row = td_sheet_add_row (sheet, TD_ROW_TOTAL);
  rank_row = td_sheet_add_row (sheet, TD_ROW_TOTAL);
  td_sheet_set_text (sheet, total_row, stt, "Tổng điểm");
  td_sheet_span (sheet, total_row, stt, text);
  td_sheet_set_text (sheet, rank_row, stt, "Xếp thứ");
  td_sheet_span (sheet, rank_row, stt, max);
  for (guint k = 0; k < n_units + 1; k++)
    {
      guint col = k == 0 ? max : first_unit + k - 1;
      TdPoints value = 0;

      for (guint j = 0; j < section_rows->len; j++)
        value += td_sheet_get_cell (sheet, g_array_index (section_rows, guint, j), col)->value;
      td_sheet_set_rows_sum (sheet, total_row, col, value, section_rows);
    }
  /* Ranks across the row of totals: a horizontal range. */
  for (guint u = 0; u < n_units; u++)
    {
      gint64 rank = 1;
      for (guint v = 0; v < n_units; v++)
        if (totals[v] > totals[u])
          rank++;
      td_sheet_set_rank (sheet, rank_row, first_unit + u, rank, total_row, first_unit + u,
                         total_row, first_unit, total_row, first_unit + n_units - 1);
    }
  g_array_unref (section_rows);
  return sheet;
}

static const struct
{
  guint day, month;
  const char *what, *note;
} events[] = {
  { 1, 1, "Tết Dương lịch", "Nghỉ 01 ngày" },
  { 3, 2, "Kỷ niệm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930)", NULL },
  { 27, 2, "Ngày Thầy thuốc Việt Nam (27/02/1955)", "Khen thưởng cán bộ y tế tiêu biểu" },
  { 15, 3, "Hạn gửi báo cáo sơ kết quý I và tự chấm điểm", "Gửi Khối trưởng" },
  { 30, 4, "Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975)", "Nghỉ 01 ngày" },
  { 1, 5, "Ngày Quốc tế Lao động", "Nghỉ 01 ngày" },
  { 19, 5, "Kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890)", NULL },
  { 11, 6, "Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948)",
    "Ngày truyền thống thi đua yêu nước" },
  { 27, 7, "Ngày Thương binh - Liệt sĩ", NULL },
  { 2, 9, "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Nghỉ 02 ngày" },
  { 15, 11, "Hạn gửi phiếu tự chấm điểm năm", "Theo mẫu của Khối" },
  { 10, 12, "Họp bình xét, chấm điểm thi đua cuối năm", "Tại đơn vị Khối trưởng" },
};

TdSheet *
td_sheet_sample_calendar (int year)
{
  g_autofree gchar *title
      = g_strdup_printf ("DANH SÁCH CÁC NGÀY LỄ LỚN, SỰ KIỆN VÀ THỜI HẠN NĂM %d", year);
  g_autofree gchar *stem = g_strdup_printf ("Lịch ngày lễ và thời hạn Khối 6 %d", year);
  TdSheet *sheet = td_sheet_new ("Lịch năm", title, TD_SHEET_PORTRAIT);
  guint stt, when, what, note;

  td_sheet_set_file_stem (sheet, stem);
  official_header (sheet, year - 1, "Số: 03/TB-KTĐ6");
  td_sheet_set_meta (sheet, "sheet", "calendar");
  stt = td_sheet_add_column (sheet, "STT", TD_COLUMN_INTEGER, 5, TD_ALIGN_CENTER);
  when = td_sheet_add_column (sheet, "Ngày", TD_COLUMN_TEXT, 11, TD_ALIGN_CENTER);
  what = td_sheet_add_column (sheet, "Nội dung", TD_COLUMN_TEXT, 42, TD_ALIGN_LEFT);
  note = td_sheet_add_column (sheet, "Ghi chú", TD_COLUMN_TEXT, 20, TD_ALIGN_LEFT);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      guint row = td_sheet_add_row (sheet, TD_ROW_NORMAL);
      g_autofree gchar *date
          = g_strdup_printf ("%02u/%02u/%d", events[i].day, events[i].month, year);

      td_sheet_set_integer (sheet, row, stt, i + 1);
      td_sheet_set_text (sheet, row, when, date);
      td_sheet_set_text (sheet, row, what, events[i].what);
      if (events[i].note)
        td_sheet_set_text (sheet, row, note, events[i].note);
    }
  return sheet;
}
