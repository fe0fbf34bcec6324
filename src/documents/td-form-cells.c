/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filled self-score forms, the cells of one criterion: every kind of
 * value a form comes back with (numbers, numbers typed as text "2,5", list
 * items, dates and errors) read into the entry's fields as the form asked
 * for them (td-form-layout.h), or refused with the reason. */
#include "config.h"

#include "td-form-import-private.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define MAX_EVIDENCE_CHARS 2000

void
td_form_plan_refuse_cell (TdFormPlan *plan, guint32 row, guint32 col, const char *label,
                          const char *value, const char *reason)
{
  TdFormRefusal *r = g_new0 (TdFormRefusal, 1);

  r->cell = td_xlsx_cell_name (row, col);
  r->label = g_strdup (label);
  r->value = g_strdup (value);
  r->reason = g_strdup (reason);
  g_ptr_array_add (plan->refusals, r);
}

/* A number cell as the text a clerk would type ("2.5"), refusing more
 * than two decimals (@whole: none at all). */
static gchar *
number_text (const TdXlsxCell *cell, gboolean whole, GError **error)
{
  double scaled = cell->number * 100;
  double rounded = round (scaled);
  gint64 h;

  if (fabs (cell->number) > 1e12 || fabs (scaled - rounded) > 1e-6 * MAX (1.0, fabs (scaled)))
    {
      g_autofree gchar *shown = td_xlsx_cell_to_text (cell);
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("“%s” has more than two decimals; enter at most two, such as 2,75."), shown);
      return NULL;
    }
  h = (gint64)rounded;
  if (whole)
    {
      if (h % 100 != 0)
        {
          g_autofree gchar *shown = td_points_format (h);
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("“%s” is not a whole number; enter a number of cases 0, 1, 2 …"), shown);
          return NULL;
        }
      return g_strdup_printf ("%" G_GINT64_FORMAT, h / 100);
    }
  if (h % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, h / 100);
  if (h % 10 == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, h < 0 ? "-" : "",
                            ABS (h) / 100, (ABS (h) % 100) / 10);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT, h < 0 ? "-" : "",
                          ABS (h) / 100, ABS (h) % 100);
}

/* The index of @text among @items (compared without case and diacritics),
 * −1 when it is none of them. */
static gint
find_item (GStrv items, const char *text)
{
  g_autofree gchar *wanted = td_text_fold (text);

  for (guint i = 0; items && items[i]; i++)
    {
      g_autofree gchar *item = td_text_fold (items[i]);
      if (g_strcmp0 (item, wanted) == 0)
        return (gint)i;
    }
  return -1;
}

static gchar *
items_text (GStrv items)
{
  return g_strjoinv (" / ", items);
}

/* A number of files as a member may type it as text: "850", "5.200",
 * "5 200" (groups of three digits, as Vietnamese writes thousands). */
static gboolean
parse_files (const char *text, guint64 *out)
{
  GString *digits = g_string_new (NULL);
  guint group = 0;
  gboolean grouped = FALSE, ok = TRUE;

  for (const char *p = text; *p && ok; p++)
    if (g_ascii_isdigit (*p))
      {
        g_string_append_c (digits, *p);
        group++;
      }
    else if ((*p == '.' || *p == ' ') && group > 0 && (grouped ? group == 3 : group <= 3))
      {
        grouped = TRUE;
        group = 0;
      }
    else
      ok = FALSE;
  ok = ok && digits->len > 0 && (!grouped || group == 3)
       && g_ascii_string_to_unsigned (digits->str, 10, 0, 100000000, out, NULL);
  g_string_free (digits, TRUE);
  return ok;
}

/* Reads one input cell of criterion @c into @entry's field for @field.
 * Every kind of cell the form may come back with: numbers, numbers typed
 * as text ("2,5"), list items, dates and errors (refused). */
static gboolean
read_field (const TdCriterion *c, TdFormField field, const TdXlsxCell *cell, TdEntry *entry,
            GError **error)
{
  g_auto (GStrv) items = td_form_field_items (c, field);
  g_autofree gchar *text = NULL;
  gint64 min, max;

  if (cell->type == TD_XLSX_ERROR)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("The cell shows an error (%s) instead of a value."), cell->text);
      return FALSE;
    }
  if (cell->type == TD_XLSX_DATE)
    {
      g_autofree gchar *shown = td_xlsx_cell_to_text (cell);
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("“%s” is a date; the cell takes a number (format the cell as a number and "
                      "type it again)."),
                   shown);
      return FALSE;
    }
  if (cell->type == TD_XLSX_NUMBER && items == NULL)
    {
      text
          = number_text (cell, field == TD_FORM_FIELD_COUNT || field == TD_FORM_FIELD_FILES, error);
      if (text == NULL)
        return FALSE;
    }
  else
    text = g_strstrip (td_xlsx_cell_to_text (cell));

  switch (field)
    {
    case TD_FORM_FIELD_SIZE_CLASS:
    case TD_FORM_FIELD_EXEMPT:
      {
        gint i = find_item (items, text);
        guint64 n;

        if (i < 0 && g_ascii_string_to_unsigned (text, 10, 1, g_strv_length (items), &n, NULL))
          i = (gint)n - 1;
        if (i < 0)
          {
            g_autofree gchar *allowed = items_text (items);
            g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                         _ ("“%s” is not one of the choices: %s."), text, allowed);
            return FALSE;
          }
        if (field == TD_FORM_FIELD_SIZE_CLASS)
          entry->size_class = i;
        else
          entry->exempt = g_str_equal (items[i], TD_FORM_YES);
        return TRUE;
      }
    case TD_FORM_FIELD_FLAG:
      {
        gint i = find_item (items, text);
        if (i >= 0)
          {
            entry->disqualified = g_str_equal (items[i], TD_FORM_YES);
            return TRUE;
          }
        return td_criterion_parse_input (c, text, entry, error);
      }
    case TD_FORM_FIELD_OPTION:
    case TD_FORM_FIELD_GRADE:
      {
        gint i = find_item (items, text);
        if (i >= 0)
          {
            entry->option = i;
            entry->has_measured = FALSE;
            return TRUE;
          }
        return td_criterion_parse_input (c, text, entry, error);
      }
    case TD_FORM_FIELD_BONUS:
      return td_criterion_parse_bonus (c, text, entry, error);
    case TD_FORM_FIELD_FILES:
      {
        guint64 n;
        gint size_class;

        if (!parse_files (text, &n))
          {
            g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                         _ ("“%s” is not a number of files; enter the files the unit received "
                            "in the year as a whole number, such as 850."),
                         text);
            return FALSE;
          }
        size_class = td_criterion_find_size_class (c, (gint64)n * 100);
        if (size_class < 0)
          {
            g_autofree gchar *classes = g_strjoinv (" / ", c->size_classes);
            g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                         _ ("%s files are in none of the size classes of the table (%s); check "
                            "the number."),
                         text, classes);
            return FALSE;
          }
        entry->size_class = size_class;
        return TRUE;
      }
    case TD_FORM_FIELD_MEASURED:
      if (!td_criterion_parse_input (c, text, entry, error))
        return FALSE;
      td_form_field_range (c, field, &min, &max);
      if (entry->measured < min || entry->measured > max)
        {
          g_autofree gchar *hi = td_points_format (max);
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("“%s” is out of range; enter a value from 0 to %s."), text, hi);
          return FALSE;
        }
      return TRUE;
    case TD_FORM_FIELD_POINTS:
    case TD_FORM_FIELD_COUNT:
    default:
      return td_criterion_parse_input (c, text, entry, error);
    }
}

TdEntry *
td_form_read_criterion (TdFormPlan *plan, const TdCriterion *c, const char *label, GArray *rows,
                        TdXlsxSheet *sheet, guint32 col_input, guint32 col_evidence,
                        const TdEntry *old)
{
  g_autoptr (TdEntry) entry
      = old ? td_entry_copy (old) : td_entry_new (plan->unit_id, c->id, TD_SOURCE_SELF);
  g_autofree gchar *evidence = NULL;
  TdFormFieldRow *main = &g_array_index (rows, TdFormFieldRow, 0);
  const TdXlsxCell *value = td_xlsx_sheet_get_cell (sheet, main->row, col_input);
  gboolean filled = !td_form_cell_blank (value);

  /* Evidence: on the criterion's own row. */
  {
    const TdXlsxCell *e = td_xlsx_sheet_get_cell (sheet, main->row, col_evidence);
    evidence = g_strstrip (td_xlsx_cell_to_text (e));
    if (g_utf8_strlen (evidence, -1) > MAX_EVIDENCE_CHARS)
      {
        g_autofree gchar *reason = g_strdup_printf (
            _ ("The evidence is longer than %d characters; shorten it."), MAX_EVIDENCE_CHARS);
        g_autofree gchar *start = g_utf8_substring (evidence, 0, 40);
        td_form_plan_refuse_cell (plan, main->row, col_evidence, label, start, reason);
        return NULL;
      }
  }
  /* A bonus is saved with the row's points: without them it would be
   * lost, or the empty row read as 0 where the table counts it as met. */
  for (guint k = 1; k < rows->len && !filled; k++)
    {
      TdFormFieldRow *fr = &g_array_index (rows, TdFormFieldRow, k);
      const TdXlsxCell *cell = td_xlsx_sheet_get_cell (sheet, fr->row, col_input);

      if (fr->field == TD_FORM_FIELD_BONUS && !td_form_cell_blank (cell))
        {
          g_autofree gchar *shown = td_xlsx_cell_to_text (cell);
          g_autofree gchar *hint = td_criterion_input_hint (c);
          g_autofree gchar *reason = g_strdup_printf (
              _ ("A bonus is given but not the row's own value; enter it (%s) to import the "
                 "bonus with it."),
              hint);
          td_form_plan_refuse_cell (plan, fr->row, col_input, label, shown, reason);
          return NULL;
        }
    }
  if (!filled)
    {
      if (*evidence == '\0' || (old != NULL && g_strcmp0 (old->evidence, evidence) == 0))
        return NULL;
      if (old == NULL)
        {
          g_autofree gchar *hint = td_criterion_input_hint (c);
          g_autofree gchar *reason = g_strdup_printf (
              _ ("Evidence is given but no value; enter the value (%s) to import the row."), hint);
          td_form_plan_refuse_cell (plan, main->row, col_input, label, "", reason);
          return NULL;
        }
      /* Only the evidence of a score already there. */
      g_free (entry->evidence);
      entry->evidence = g_steal_pointer (&evidence);
      return g_steal_pointer (&entry);
    }

  /* The form holds the whole value: an exemption left empty means "Không",
   * its first choice, a bonus left empty none, whatever was saved before. */
  entry->exempt = FALSE;
  entry->bonus = 0;
  for (guint k = 0; k < rows->len; k++)
    {
      TdFormFieldRow *fr = &g_array_index (rows, TdFormFieldRow, k);
      const TdXlsxCell *cell = td_xlsx_sheet_get_cell (sheet, fr->row, col_input);
      g_autoptr (GError) error = NULL;

      if (td_form_cell_blank (cell))
        {
          if (fr->field == TD_FORM_FIELD_SIZE_CLASS || fr->field == TD_FORM_FIELD_FILES)
            {
              g_autofree gchar *reason
                  = fr->field == TD_FORM_FIELD_FILES
                        ? g_strdup_printf (_ ("Enter the number of files the unit received in "
                                              "the year for “%s”: it chooses the size class."),
                                           label)
                        : g_strdup_printf (_ ("Choose the size class of the unit for “%s”."),
                                           label);
              td_form_plan_refuse_cell (plan, fr->row, col_input, label, "", reason);
              return NULL;
            }
          continue;
        }
      if (!read_field (c, fr->field, cell, entry, &error))
        {
          g_autofree gchar *shown = td_xlsx_cell_to_text (cell);
          td_form_plan_refuse_cell (plan, fr->row, col_input, label, shown, error->message);
          return NULL;
        }
    }
  /* Evidence the form leaves empty keeps what was saved. */
  if (*evidence != '\0')
    {
      g_free (entry->evidence);
      entry->evidence = g_steal_pointer (&evidence);
    }
  {
    g_autoptr (GError) error = NULL;
    if (!td_criterion_validate_entry (c, entry, &error))
      {
        g_autofree gchar *shown = td_xlsx_cell_to_text (value);
        td_form_plan_refuse_cell (plan, main->row, col_input, label, shown, error->message);
        return NULL;
      }
  }
  return g_steal_pointer (&entry);
}

gchar *
td_form_entry_text (const TdCriterion *c, const TdEntry *entry)
{
  GString *out;
  gchar *value = td_criterion_format_input (c, entry);

  if (entry == NULL)
    return value;
  out = g_string_new (value);
  g_free (value);
  /* The class the files chose, so that a change of it alone shows (the
   * bonus shows in the value: "4 + 0,5"). */
  if (c->kind == TD_RULE_BRACKETS && entry->size_class >= 0 && c->size_classes[0] != NULL
      && c->size_classes[1] != NULL && (guint)entry->size_class < g_strv_length (c->size_classes))
    g_string_append_printf (out, " · %s", c->size_classes[entry->size_class]);
  return g_string_free (out, FALSE);
}
