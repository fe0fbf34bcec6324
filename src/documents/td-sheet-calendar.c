/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Danh sách các ngày lễ lớn, sự kiện và thời hạn: the calendar of a
 * bloc-year (td-calendar.h) as an official sheet. */
#include "config.h"

#include "td-calendar.h"
#include "td-official.h"
#include "td-sheet-builders-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* --- 5. Danh sách các ngày lễ lớn, sự kiện và thời hạn ------------------- */

/* "Khối trưởng thực hiện": who carries out the deadline, in the same
 * words as the calendar export (td_official_responsible()). */
static gchar *
deadline_note (TdBuilderCtx *ctx, const TdDeadline *d)
{
  TdMember *m
      = d->responsible == TD_RESPONSIBLE_UNIT ? td_builder_find_member (ctx, d->unit_id) : NULL;
  g_autofree gchar *who
      = td_official_responsible (d, ctx->bloc->kind == TD_BLOC_CUM, m ? m->name : NULL);

  return who ? g_strdup_printf ("%s thực hiện", who) : NULL;
}

static gchar *
occurrence_note (TdBuilderCtx *ctx, const TdOccurrence *occ)
{
  GString *note = g_string_new (NULL);

  switch (occ->kind)
    {
    case TD_OCCURRENCE_EVENT:
    case TD_OCCURRENCE_FOUNDING:
      if (occ->lunar)
        g_string_append_printf (note, "Ngày %d/%d%s âm lịch", occ->lunar_date.day,
                                occ->lunar_date.month, occ->lunar_date.leap ? " (nhuận)" : "");
      if (occ->year_class == TD_YEAR_CLASS_ROUND || occ->year_class == TD_YEAR_CLASS_HALF)
        {
          const char *cls = td_calendar_year_class_name (occ->year_class);
          g_string_append_printf (note, "%sNăm %s", note->len ? "; " : "",
                                  g_str_has_prefix (cls, "năm ") ? cls + strlen ("năm ") : cls);
        }
      if (occ->kind == TD_OCCURRENCE_FOUNDING)
        g_string_append_printf (note, "%sNgày truyền thống của đơn vị", note->len ? "; " : "");
      break;
    case TD_OCCURRENCE_CAMPAIGN:
      {
        g_autofree gchar *end = td_calendar_format_dmy (&occ->end);
        g_string_append_printf (note, "Đến ngày %s", end);
      }
      break;
    case TD_OCCURRENCE_DEADLINE:
      {
        g_autofree gchar *who = occ->deadline ? deadline_note (ctx, occ->deadline) : NULL;
        if (who)
          g_string_append (note, who);
      }
      break;
    default:
      break;
    }
  return g_string_free (note, FALSE);
}

TdSheet *
td_builder_calendar (TdBuilderCtx *ctx, GError **error)
{
  g_autofree gchar *title = NULL;
  g_autoptr (GPtrArray) occurrences = NULL;
  TdSheet *sheet;
  guint stt, when, what, note;
  GDate from, to;
  static const struct
  {
    const char *roman, *title;
  } groups[] = {
    { "I", "Các ngày lễ lớn" },
    { "II", "Các ngày kỷ niệm, sự kiện và đợt thi đua" },
    { "III", "Thời hạn thực hiện nhiệm vụ của Khối" },
  };

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, ctx->by->year);
  g_date_set_dmy (&to, 31, 12, ctx->by->year);
  occurrences = td_calendar_occurrences (ctx->db, ctx->bloc_year_id, &from, &to, NULL, error);
  if (occurrences == NULL)
    return NULL;

  /* Too long for one line of a portrait page: break it where a clerk
   * would, not before the year. */
  title = g_strdup_printf ("DANH SÁCH CÁC NGÀY LỄ LỚN, SỰ KIỆN\nVÀ THỜI HẠN NĂM %d", ctx->by->year);
  sheet = td_builder_sheet_new (ctx, "Lịch năm", title, TD_SHEET_PORTRAIT,
                                "Lịch ngày lễ và thời hạn", NULL, "calendar");
  stt = td_sheet_add_column (sheet, "STT", TD_COLUMN_TEXT, 6, TD_ALIGN_CENTER);
  when = td_sheet_add_column (sheet, "Ngày", TD_COLUMN_TEXT, 12, TD_ALIGN_CENTER);
  what = td_sheet_add_column (sheet, "Nội dung", TD_COLUMN_TEXT, 44, TD_ALIGN_LEFT);
  note = td_sheet_add_column (sheet, "Ghi chú", TD_COLUMN_TEXT, 19, TD_ALIGN_LEFT);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      guint head = td_sheet_add_row (sheet, TD_ROW_SECTION);
      guint n = 0;

      td_sheet_set_text (sheet, head, stt, groups[g].roman);
      if (g == 2)
        {
          g_autofree gchar *t
              = g_strdup_printf ("Thời hạn thực hiện nhiệm vụ của %s", td_builder_bloc_word (ctx));
          td_sheet_set_text (sheet, head, what, t);
        }
      else
        td_sheet_set_text (sheet, head, what, groups[g].title);
      for (guint i = 0; i < occurrences->len; i++)
        {
          const TdOccurrence *occ = g_ptr_array_index (occurrences, i);
          guint group = occ->kind == TD_OCCURRENCE_DEADLINE              ? 2
                        : occ->kind == TD_OCCURRENCE_EVENT && occ->great ? 0
                                                                         : 1;
          g_autofree gchar *date = NULL, *num = NULL, *text = NULL;
          guint row;

          if (group != g)
            continue;
          row = td_sheet_add_row (sheet, TD_ROW_NORMAL);
          date = td_calendar_format_dmy (&occ->date);
          num = g_strdup_printf ("%u", ++n);
          text = occurrence_note (ctx, occ);
          td_sheet_set_text (sheet, row, stt, num);
          td_sheet_set_text (sheet, row, when, date);
          td_sheet_set_text (sheet, row, what, occ->label && *occ->label ? occ->label : occ->title);
          if (*text)
            td_sheet_set_text (sheet, row, note, text);
        }
    }
  return sheet;
}
