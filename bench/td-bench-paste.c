/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The paste_parse operation: a 300-row criteria table as Word's copy gives
 * it (two header lines, sections, items with their own points over
 * deduction rows, graded levels, options, notes, guidance, a total),
 * parsed into the preview the dialog shows and built into a table. */
#include "config.h"

#include "td-bench-ops.h"
#include "td-criteria-paste.h"

#include <string.h>

#define N_SECTIONS 5
#define N_ITEMS 10 /* per section; each item writes six rows */

/* A table of about 300 rows in the shapes of real ones. */
gchar *
td_bench_paste_table (void)
{
  GString *s = g_string_new ("STT\tTIÊU CHUẨN THI ĐUA\tĐIỂM\n\t\tChuẩn\tThưởng\tTrừ\n");
  const char *roman[] = { "I", "II", "III", "IV", "V" };

  for (guint sec = 0; sec < N_SECTIONS; sec++)
    {
      g_string_append_printf (s, "%s\tTIÊU CHUẨN %u: NỘI DUNG CÔNG TÁC SỐ %u\t20\t\t\n", roman[sec],
                              sec + 1, sec + 1);
      for (guint item = 1; item <= N_ITEMS; item++)
        switch (item % 4)
          {
          case 0:
            /* an item with its own points over deduction rows, and a note */
            g_string_append_printf (
                s,
                "%u\tThực hiện nhiệm vụ được giao số %u đúng thời hạn (điểm chuẩn 2 điểm)\t2\t\t\n"
                "%u.1\tMỗi nhiệm vụ chậm so với thời hạn: trừ 0,25 điểm\t\t\t0,25\n"
                "%u.2\tMỗi nhiệm vụ không hoàn thành: trừ 0,5 điểm\t\t\t0,5\n"
                "\tGhi chú: Tổng điểm trừ của mục %u không quá 1 điểm\t\t\t\n"
                "\tCăn cứ chấm điểm: báo cáo của đơn vị và hệ thống theo dõi nhiệm vụ\t\t\t\n"
                "%u.3\tMỗi sáng kiến được công nhận: cộng 0,25 điểm (tối đa 0,5 điểm)\t\t0,5\t\n",
                item, item, item, item, item, item);
            break;
          case 1:
            /* graded levels as sibling rows */
            g_string_append_printf (s,
                                    "%u\tKết quả thực hiện chỉ tiêu số %u so với kế hoạch\t2\t\t\n"
                                    "\t- Đạt 100%% kế hoạch trở lên: 2 điểm\t2\t\t\n"
                                    "\t- Đạt từ 90%% đến dưới 100%% kế hoạch: 1,5 điểm\t1,5\t\t\n"
                                    "\t- Đạt từ 80%% đến dưới 90%%: 1 điểm\t1\t\t\n"
                                    "\t- Dưới 80%% kế hoạch: 0,5 điểm\t0,5\t\t\n"
                                    "\tCăn cứ chấm điểm: báo cáo tổng kết năm của đơn vị\t\t\t\n",
                                    item, item);
            break;
          case 2:
            /* a standard row with a bonus, a per-case rate in the text */
            g_string_append_printf (
                s,
                "%u\tTham mưu ban hành văn bản số %u đúng hạn (mỗi văn bản chậm trừ 0,2 "
                "điểm)\t2\t\t\n"
                "%u.1\tCó mô hình mới, cách làm hay được ghi nhận\t\t0,5\t\n"
                "%u.2\tTỷ lệ giải quyết trên 95%%: cứ mỗi 1%% cộng 0,1 điểm, tối đa 0,5 "
                "điểm\t\t0,5\t\n"
                "%u.3\tCó cán bộ bị kỷ luật: trừ 1 điểm\t\t\t-1\n"
                "\t(Nếu đơn vị tự phát hiện và xử lý thì không trừ điểm)\t\t\t\n"
                "%u.4\tKhông gửi báo cáo (không xếp loại)\t\t\t\n",
                item, item, item, item, item, item);
            break;
          default:
            /* either/or bonuses */
            g_string_append_printf (s,
                                    "%u\tĐạt đủ các tiêu chí trên thì cộng điểm đối với 01 trong "
                                    "02 trường hợp sau:\t\t\t\n"
                                    "%u.1\tĐược tặng Bằng khen của Chủ tịch UBND tỉnh\t\t+1\t\n"
                                    "%u.2\tĐược tặng Bằng khen của Thủ tướng Chính phủ\t\t+2\t\n"
                                    "%u.3\tThực hiện báo cáo đúng hạn\t2\t\t\n"
                                    "\t- Mỗi báo cáo chậm: trừ 0,5 điểm\t\t\t-0,5\n"
                                    "\t+ 0,1 điểm cho mỗi báo cáo gửi trước hạn\t\t0,1\t\n",
                                    item, item, item, item);
            break;
          }
    }
  g_string_append (s, "\tTổng cộng\t100\t\t\n");
  return g_string_free (s, FALSE);
}

static gboolean
do_paste_parse (gpointer data, GError **error)
{
  g_autoptr (TdPastePreview) preview = td_paste_parse (data, error);
  g_autoptr (TdCriteriaTable) table = NULL;

  if (preview == NULL)
    return FALSE;
  table = td_paste_preview_to_table (preview, error);
  return table != NULL;
}

gboolean
td_bench_paste_parse (const TdBenchConfig *config, TdBenchResult *result, GError **error)
{
  g_autofree gchar *text = td_bench_paste_table ();
  g_autoptr (TdPastePreview) preview = NULL;
  gint64 start;
  gdouble edit_ms;
  guint rows;

  if (!td_bench_time (result, config->reps, do_paste_parse, text, error))
    return FALSE;
  /* A clerk's fix interprets the whole table again: time one. */
  preview = td_paste_parse (text, error);
  if (preview == NULL)
    return FALSE;
  rows = preview->rows->len;
  start = g_get_monotonic_time ();
  td_paste_row_set_cells (preview, 10, NULL, "Tham mưu ban hành văn bản đúng hạn", NULL, NULL,
                          NULL);
  edit_ms = (g_get_monotonic_time () - start) / 1000.0;
  result->note = g_strdup_printf ("%u rows, %u criteria, %u errors; one edit of a cell: %.1f ms",
                                  rows, td_paste_preview_count_criteria (preview),
                                  td_paste_preview_count_errors (preview), edit_ms);
  if (td_paste_preview_count_errors (preview) > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, "the benchmark's table has rows in error");
      return FALSE;
    }
  return TRUE;
}
