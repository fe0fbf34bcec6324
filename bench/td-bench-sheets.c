/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The benchmark's bloc-year workbook and ranking table, built through the
 * sheet model the way td_sheet_sample_ranking () shows a builder is written,
 * and dumped as JSON so the Python writer gets exactly the same cells. */
#include "config.h"

#include "td-bench-sheets.h"

#include <stdio.h>
#include <string.h>

TdBenchBlocYear *
td_bench_bloc_year_new (void)
{
  TdBenchBlocYear *d = g_new0 (TdBenchBlocYear, 1);

  d->unit_names = g_ptr_array_new_with_free_func (g_free);
  d->unit_short = g_ptr_array_new_with_free_func (g_free);
  d->codes = g_ptr_array_new_with_free_func (g_free);
  d->titles = g_ptr_array_new_with_free_func (g_free);
  d->grade = g_ptr_array_new_with_free_func (g_free);
  d->depth = g_array_new (FALSE, TRUE, sizeof (gint));
  d->rank = g_array_new (FALSE, TRUE, sizeof (gint));
#define POINTS_ARRAY() g_array_new (FALSE, TRUE, sizeof (TdPoints))
  d->standard = POINTS_ARRAY ();
  d->self = POINTS_ARRAY ();
  d->assessed = POINTS_ARRAY ();
  d->final = POINTS_ARRAY ();
  d->unit_self = POINTS_ARRAY ();
  d->unit_assessed = POINTS_ARRAY ();
  d->unit_bonus = POINTS_ARRAY ();
  d->unit_deduction = POINTS_ARRAY ();
  d->unit_final = POINTS_ARRAY ();
#undef POINTS_ARRAY
  return d;
}

void
td_bench_bloc_year_free (TdBenchBlocYear *d)
{
  if (d == NULL)
    return;
  g_free (d->bloc_name);
  g_free (d->signer);
  g_free (d->signer_position);
  g_free (d->signer_authority);
  g_ptr_array_unref (d->unit_names);
  g_ptr_array_unref (d->unit_short);
  g_ptr_array_unref (d->codes);
  g_ptr_array_unref (d->titles);
  g_ptr_array_unref (d->grade);
  g_array_unref (d->depth);
  g_array_unref (d->rank);
  g_array_unref (d->standard);
  g_array_unref (d->self);
  g_array_unref (d->assessed);
  g_array_unref (d->final);
  g_array_unref (d->unit_self);
  g_array_unref (d->unit_assessed);
  g_array_unref (d->unit_bonus);
  g_array_unref (d->unit_deduction);
  g_array_unref (d->unit_final);
  g_free (d);
}

#define P(array, i) g_array_index ((array), TdPoints, (i))

static void
official_header (TdSheet *sheet, const TdBenchBlocYear *d)
{
  g_autofree gchar *bloc_upper = g_utf8_strup (d->bloc_name, -1);
  const char *issuer[] = { "UBND TỈNH BÌNH PHƯỚC", bloc_upper, NULL };
  const char *authority[] = { d->signer_authority, NULL };
  g_autoptr (GDate) date = g_date_new_dmy (5, 1, d->year + 1);

  td_sheet_set_issuer (sheet, issuer, "Số: 01/BC-KTĐ");
  td_sheet_set_date (sheet, "Bình Phước", date);
  td_sheet_set_signature (sheet, authority, d->signer_position, d->signer);
  td_sheet_add_recipient (sheet, "- Ban Thi đua - Khen thưởng tỉnh;");
  td_sheet_add_recipient (sheet, "- Các đơn vị trong Khối;");
  td_sheet_add_recipient (sheet, "- Lưu: VT.");
}

/* Tổng hợp: one row per member in registry order, with a rank formula. */
static TdSheet *
build_summary (const TdBenchBlocYear *d)
{
  g_autofree gchar *title
      = g_strdup_printf ("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM %d", d->year);
  TdSheet *sheet = td_sheet_new ("Tổng hợp", title, TD_SHEET_LANDSCAPE);
  guint stt, name, self, assessed, bonus, deduction, total, rank, grade;
  guint last = d->n_units ? d->n_units - 1 : 0;
  guint row;

  official_header (sheet, d);
  stt = td_sheet_add_column (sheet, "STT", TD_COLUMN_INTEGER, 6, TD_ALIGN_CENTER);
  name = td_sheet_add_column (sheet, "Đơn vị", TD_COLUMN_TEXT, 40, TD_ALIGN_LEFT);
  self = td_sheet_add_column (sheet, "Tự chấm", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  assessed = td_sheet_add_column (sheet, "Thẩm định", TD_COLUMN_POINTS, 10, TD_ALIGN_RIGHT);
  bonus = td_sheet_add_column (sheet, "Điểm cộng", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  deduction = td_sheet_add_column (sheet, "Điểm trừ", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  total = td_sheet_add_column (sheet, "Tổng điểm", TD_COLUMN_POINTS, 10, TD_ALIGN_RIGHT);
  rank = td_sheet_add_column (sheet, "Xếp thứ", TD_COLUMN_RANK, 7, TD_ALIGN_CENTER);
  grade = td_sheet_add_column (sheet, "Xếp loại", TD_COLUMN_TEXT, 12, TD_ALIGN_CENTER);
  td_sheet_group_columns (sheet, self, total, "Kết quả chấm điểm");
  sheet->freeze_columns = 2;

  for (guint u = 0; u < d->n_units; u++)
    {
      row = td_sheet_add_row (sheet, TD_ROW_NORMAL);
      td_sheet_set_integer (sheet, row, stt, u + 1);
      td_sheet_set_text (sheet, row, name, g_ptr_array_index (d->unit_names, u));
      td_sheet_set_points (sheet, row, self, P (d->unit_self, u));
      td_sheet_set_points (sheet, row, assessed, P (d->unit_assessed, u));
      td_sheet_set_points (sheet, row, bonus, P (d->unit_bonus, u));
      td_sheet_set_points (sheet, row, deduction, P (d->unit_deduction, u));
      td_sheet_set_points (sheet, row, total, P (d->unit_final, u));
      td_sheet_set_rank (sheet, row, rank, g_array_index (d->rank, gint, u), row, total, 0, total,
                         last, total);
      td_sheet_set_text (sheet, row, grade, g_ptr_array_index (d->grade, u));
    }
  row = td_sheet_add_row (sheet, TD_ROW_TOTAL);
  td_sheet_set_text (sheet, row, stt, "Cộng");
  td_sheet_span (sheet, row, stt, name);
  {
    guint cols[] = { self, assessed, bonus, deduction, total };
    GArray *arrays[]
        = { d->unit_self, d->unit_assessed, d->unit_bonus, d->unit_deduction, d->unit_final };

    for (guint k = 0; k < G_N_ELEMENTS (cols); k++)
      {
        TdPoints sum = 0;

        for (guint u = 0; u < d->n_units; u++)
          sum += P (arrays[k], u);
        td_sheet_set_column_sum (sheet, row, cols[k], sum, 0, last);
      }
  }
  td_sheet_add_note_after (sheet, "Ghi chú: Tổng điểm = điểm thẩm định sau khi áp dụng điểm cộng, "
                                  "điểm trừ và các mức trần của bảng tiêu chí.");
  return sheet;
}

/* Ma trận: one row per criterion, one column per member (final points). */
static TdSheet *
build_matrix (const TdBenchBlocYear *d)
{
  g_autofree gchar *title
      = g_strdup_printf ("BẢNG ĐIỂM THẨM ĐỊNH THEO TỪNG TIÊU CHÍ NĂM %d", d->year);
  TdSheet *sheet = td_sheet_new ("Ma trận", title, TD_SHEET_LANDSCAPE);
  guint code, text, standard, first_unit = 0;

  official_header (sheet, d);
  code = td_sheet_add_column (sheet, "Mục", TD_COLUMN_TEXT, 7, TD_ALIGN_LEFT);
  text = td_sheet_add_column (sheet, "Tiêu chí", TD_COLUMN_TEXT, 40, TD_ALIGN_LEFT);
  standard = td_sheet_add_column (sheet, "Điểm chuẩn", TD_COLUMN_POINTS, 8, TD_ALIGN_RIGHT);
  for (guint u = 0; u < d->n_units; u++)
    {
      guint c = td_sheet_add_column (sheet, g_ptr_array_index (d->unit_short, u), TD_COLUMN_POINTS,
                                     7, TD_ALIGN_RIGHT);
      if (u == 0)
        first_unit = c;
    }
  if (d->n_units > 0)
    td_sheet_group_columns (sheet, first_unit, first_unit + d->n_units - 1, "Đơn vị");
  sheet->freeze_columns = 3;

  for (guint n = 0; n < d->n_nodes; n++)
    {
      gint depth = g_array_index (d->depth, gint, n);
      guint row = td_sheet_add_row (sheet, depth == 0 ? TD_ROW_SECTION : TD_ROW_NORMAL);

      td_sheet_set_text (sheet, row, code, g_ptr_array_index (d->codes, n));
      td_sheet_set_text (sheet, row, text, g_ptr_array_index (d->titles, n));
      td_sheet_set_points (sheet, row, standard, P (d->standard, n));
      for (guint u = 0; u < d->n_units; u++)
        td_sheet_set_points (sheet, row, first_unit + u, P (d->final, u * d->n_nodes + n));
    }
  {
    guint row = td_sheet_add_row (sheet, TD_ROW_TOTAL);

    td_sheet_set_text (sheet, row, code, "Tổng điểm");
    td_sheet_span (sheet, row, code, text);
    for (guint u = 0; u < d->n_units; u++)
      td_sheet_set_points (sheet, row, first_unit + u, P (d->unit_final, u));
  }
  return sheet;
}

/* Bảng chấm điểm of one member: every criterion, self and assessed. */
static TdSheet *
build_unit (const TdBenchBlocYear *d, guint u)
{
  g_autofree gchar *title = g_strdup_printf ("BẢNG CHẤM ĐIỂM THI ĐUA NĂM %d", d->year);
  TdSheet *sheet = td_sheet_new (g_ptr_array_index (d->unit_short, u), title, TD_SHEET_PORTRAIT);
  guint code, text, standard, self, assessed, row;

  official_header (sheet, d);
  td_sheet_add_subtitle (sheet, g_ptr_array_index (d->unit_names, u));
  code = td_sheet_add_column (sheet, "Mục", TD_COLUMN_TEXT, 7, TD_ALIGN_LEFT);
  text = td_sheet_add_column (sheet, "Nội dung tiêu chí", TD_COLUMN_TEXT, 46, TD_ALIGN_LEFT);
  standard = td_sheet_add_column (sheet, "Điểm chuẩn", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  self = td_sheet_add_column (sheet, "Tự chấm", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  assessed = td_sheet_add_column (sheet, "Thẩm định", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  sheet->freeze_columns = 2;
  for (guint n = 0; n < d->n_nodes; n++)
    {
      gint depth = g_array_index (d->depth, gint, n);

      row = td_sheet_add_row (sheet, depth == 0 ? TD_ROW_SECTION : TD_ROW_NORMAL);
      td_sheet_set_text (sheet, row, code, g_ptr_array_index (d->codes, n));
      td_sheet_set_text (sheet, row, text, g_ptr_array_index (d->titles, n));
      td_sheet_set_points (sheet, row, standard, P (d->standard, n));
      td_sheet_set_points (sheet, row, self, P (d->self, u * d->n_nodes + n));
      td_sheet_set_points (sheet, row, assessed, P (d->assessed, u * d->n_nodes + n));
    }
  row = td_sheet_add_row (sheet, TD_ROW_TOTAL);
  td_sheet_set_text (sheet, row, code, "Tổng điểm");
  td_sheet_span (sheet, row, code, text);
  td_sheet_set_points (sheet, row, self, P (d->unit_self, u));
  td_sheet_set_points (sheet, row, assessed, P (d->unit_assessed, u));
  return sheet;
}

GPtrArray *
td_bench_build_workbook (const TdBenchBlocYear *d)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)td_sheet_free);

  g_ptr_array_add (sheets, build_summary (d));
  g_ptr_array_add (sheets, build_matrix (d));
  for (guint u = 0; u < d->n_units; u++)
    g_ptr_array_add (sheets, build_unit (d, u));
  return sheets;
}

static gint
compare_rank (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const TdBenchBlocYear *d = user_data;
  guint x = *(const guint *)a, y = *(const guint *)b;
  gint rx = g_array_index (d->rank, gint, x), ry = g_array_index (d->rank, gint, y);

  /* Not graded (0) last. */
  if (rx == 0 || ry == 0)
    return (rx == 0) - (ry == 0);
  return rx != ry ? rx - ry : (gint)x - (gint)y;
}

TdSheet *
td_bench_build_ranking (const TdBenchBlocYear *d)
{
  g_autofree gchar *title
      = g_strdup_printf ("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM %d", d->year);
  TdSheet *sheet = td_sheet_new ("Xếp hạng", title, TD_SHEET_LANDSCAPE);
  g_autofree guint *order = g_new (guint, MAX (d->n_units, 1));
  guint stt, name, self, assessed, bonus, deduction, total, rank, grade;

  official_header (sheet, d);
  stt = td_sheet_add_column (sheet, "STT", TD_COLUMN_INTEGER, 6, TD_ALIGN_CENTER);
  name = td_sheet_add_column (sheet, "Đơn vị", TD_COLUMN_TEXT, 40, TD_ALIGN_LEFT);
  self = td_sheet_add_column (sheet, "Tự chấm", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  assessed = td_sheet_add_column (sheet, "Thẩm định", TD_COLUMN_POINTS, 10, TD_ALIGN_RIGHT);
  bonus = td_sheet_add_column (sheet, "Điểm cộng", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  deduction = td_sheet_add_column (sheet, "Điểm trừ", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  total = td_sheet_add_column (sheet, "Tổng điểm", TD_COLUMN_POINTS, 10, TD_ALIGN_RIGHT);
  rank = td_sheet_add_column (sheet, "Xếp thứ", TD_COLUMN_INTEGER, 7, TD_ALIGN_CENTER);
  grade = td_sheet_add_column (sheet, "Xếp loại", TD_COLUMN_TEXT, 14, TD_ALIGN_CENTER);
  td_sheet_group_columns (sheet, self, total, "Kết quả chấm điểm");

  for (guint u = 0; u < d->n_units; u++)
    order[u] = u;
  g_qsort_with_data (order, d->n_units, sizeof (guint), compare_rank, (gpointer)d);
  for (guint i = 0; i < d->n_units; i++)
    {
      guint u = order[i];
      guint row = td_sheet_add_row (sheet, TD_ROW_NORMAL);
      gint r = g_array_index (d->rank, gint, u);

      td_sheet_set_integer (sheet, row, stt, i + 1);
      td_sheet_set_text (sheet, row, name, g_ptr_array_index (d->unit_names, u));
      td_sheet_set_points (sheet, row, self, P (d->unit_self, u));
      td_sheet_set_points (sheet, row, assessed, P (d->unit_assessed, u));
      td_sheet_set_points (sheet, row, bonus, P (d->unit_bonus, u));
      td_sheet_set_points (sheet, row, deduction, P (d->unit_deduction, u));
      td_sheet_set_points (sheet, row, total, P (d->unit_final, u));
      if (r > 0)
        td_sheet_set_integer (sheet, row, rank, r);
      td_sheet_set_text (sheet, row, grade, g_ptr_array_index (d->grade, u));
    }
  return sheet;
}

/* ---- JSON for the Python writer ---- */

static void
json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s ? s : ""; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar)*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
json_strv (GString *out, const char *key, char **v)
{
  g_string_append_printf (out, ",\"%s\":[", key);
  for (guint i = 0; v && v[i]; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      json_string (out, v[i]);
    }
  g_string_append_c (out, ']');
}

static void
json_key_string (GString *out, const char *key, const char *value)
{
  g_string_append_printf (out, ",\"%s\":", key);
  if (value)
    json_string (out, value);
  else
    g_string_append (out, "null");
}

static const char *const kind_names[] = { "text", "points", "integer", "rank" };
static const char *const align_names[] = { "left", "center", "right" };
static const char *const level_names[] = { "normal", "section", "subtotal", "total" };

static void
dump_sheet (GString *out, TdSheet *sheet)
{
  g_autofree gchar *date_line = td_sheet_dup_date_line (sheet);
  guint ncols = td_sheet_get_n_columns (sheet);

  g_string_append (out, "{\"name\":");
  json_string (out, sheet->name);
  json_key_string (out, "title", sheet->title);
  json_key_string (out, "orientation",
                   sheet->orientation == TD_SHEET_LANDSCAPE ? "landscape" : "portrait");
  json_strv (out, "issuer", sheet->issuer);
  json_key_string (out, "number", sheet->number);
  json_key_string (out, "date_line", date_line);
  json_strv (out, "subtitles", sheet->subtitles);
  json_strv (out, "notes_before", sheet->notes_before);
  json_strv (out, "notes_after", sheet->notes_after);
  json_strv (out, "authority", sheet->authority);
  json_key_string (out, "position", sheet->position);
  json_key_string (out, "signer", sheet->signer);
  json_strv (out, "recipients", sheet->recipients);
  g_string_append_printf (out, ",\"freeze_columns\":%u,\"columns\":[", sheet->freeze_columns);
  for (guint c = 0; c < ncols; c++)
    {
      TdSheetColumn *col = td_sheet_get_column (sheet, c);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, c ? ",{\"header\":" : "{\"header\":");
      json_string (out, col->header);
      json_key_string (out, "group", col->group);
      g_string_append_printf (out, ",\"width\":%s",
                              g_ascii_formatd (buf, sizeof buf, "%g", col->width));
      json_key_string (out, "align", align_names[col->align]);
      json_key_string (out, "kind", kind_names[col->kind]);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"rows\":[");
  for (guint r = 0; r < td_sheet_get_n_rows (sheet); r++)
    {
      TdSheetRow *row = td_sheet_get_row (sheet, r);

      g_string_append_printf (out, "%s{\"level\":\"%s\",\"span\":[%d,%d],\"cells\":[", r ? "," : "",
                              level_names[row->level], row->span_first, row->span_last);
      for (guint c = 0; c < ncols; c++)
        {
          TdSheetCell *cell = td_sheet_get_cell (sheet, r, c);

          if (c)
            g_string_append_c (out, ',');
          switch (cell->type)
            {
            case TD_CELL_TEXT:
              g_string_append (out, "{\"t\":\"text\",\"v\":");
              json_string (out, cell->text);
              break;
            case TD_CELL_POINTS:
              g_string_append_printf (out, "{\"t\":\"points\",\"v\":%" G_GINT64_FORMAT,
                                      cell->value);
              break;
            case TD_CELL_INTEGER:
              g_string_append_printf (out, "{\"t\":\"int\",\"v\":%" G_GINT64_FORMAT, cell->value);
              break;
            case TD_CELL_EMPTY:
            default:
              g_string_append (out, "{\"t\":\"empty\",\"v\":0");
              break;
            }
          if (cell->formula != TD_FORMULA_NONE)
            {
              g_string_append_printf (out, ",\"f\":\"%s\",\"ref\":[%u,%u],\"terms\":[",
                                      cell->formula == TD_FORMULA_RANK ? "rank" : "sum",
                                      cell->ref_row, cell->ref_col);
              for (guint i = 0; cell->terms && i < cell->terms->len; i++)
                {
                  TdSheetRange *t = &g_array_index (cell->terms, TdSheetRange, i);

                  g_string_append_printf (out, "%s[%d,%u,%u,%u,%u]", i ? "," : "", t->sign, t->row1,
                                          t->col1, t->row2, t->col2);
                }
              g_string_append_c (out, ']');
            }
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]}");
}

gboolean
td_bench_sheets_dump_json (GPtrArray *sheets, const char *path, GError **error)
{
  g_autoptr (GString) out = g_string_new ("{\"sheets\":[");

  for (guint i = 0; i < sheets->len; i++)
    {
      if (i)
        g_string_append (out, ",\n");
      dump_sheet (out, g_ptr_array_index (sheets, i));
    }
  g_string_append (out, "]}\n");
  return g_file_set_contents (path, out->str, (gssize)out->len, error);
}
