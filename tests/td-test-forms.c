/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filled self-score forms for tests (see td-test-forms.h). */
#include "td-test-forms.h"

#include "td-registry.h"
#include "td-sheet-builders.h"
#include "td-xlsx.h"

/* The columns of the form (td-sheet-form.c): the input and the evidence. */
#define COL_INPUT 3
#define COL_EVIDENCE 10

gint64
td_test_forms_unit (TdDb *db, gint64 bloc_year_id, const char *name)
{
  g_autoptr (GPtrArray) members = td_registry_list_members (db, bloc_year_id, NULL);

  for (guint i = 0; members && i < members->len; i++)
    if (g_str_equal (((TdMember *)members->pdata[i])->name, name))
      return ((TdMember *)members->pdata[i])->unit_id;
  g_error ("no member %s", name);
  return 0;
}

const TdCriterion *
td_test_forms_criterion (TdCriteriaTable *table, const char *title_prefix)
{
  for (guint i = 0; i < td_criteria_table_get_n_nodes (table); i++)
    {
      const TdCriterion *c = td_criteria_table_get_node (table, i);
      if (g_str_has_prefix (c->title, title_prefix))
        return c;
    }
  g_error ("no criterion %s", title_prefix);
  return NULL;
}

TdSheet *
td_test_forms_build (TdDb *db, gint64 bloc_year_id, const char *unit)
{
  g_autoptr (GError) error = NULL;
  TdSheet *sheet
      = td_sheet_build_form (db, bloc_year_id, td_test_forms_unit (db, bloc_year_id, unit), &error);

  g_assert_no_error (error);
  return sheet;
}

gint
td_test_forms_row (TdSheet *sheet, gint64 criterion_id, TdFormField field)
{
  g_autofree gchar *key = g_strdup_printf ("criterion:%" G_GINT64_FORMAT ":%s", criterion_id,
                                           td_form_field_to_string (field));

  for (guint r = 0; r < td_sheet_get_n_rows (sheet); r++)
    if (g_strcmp0 (td_sheet_get_row (sheet, r)->key, key) == 0)
      return (gint)r;
  g_error ("no row %s", key);
  return -1;
}

void
td_test_forms_fill (TdSheet *sheet, const TdCriterion *c, TdFormField field, gint64 hundredths,
                    const char *text)
{
  gint row = td_test_forms_row (sheet, c->id, field);

  if (text != NULL)
    td_sheet_set_text (sheet, row, COL_INPUT, text);
  else
    td_sheet_set_points (sheet, row, COL_INPUT, hundredths);
}

void
td_test_forms_fill_evidence (TdSheet *sheet, const TdCriterion *c, TdFormField field,
                             const char *text)
{
  td_sheet_set_text (sheet, td_test_forms_row (sheet, c->id, field), COL_EVIDENCE, text);
}

gchar *
td_test_forms_write (TdSheet *sheet, const char *dir, const char *file_name)
{
  g_autoptr (GError) error = NULL;
  gchar *path = g_build_filename (dir, file_name, NULL);

  g_assert_true (td_xlsx_write (&sheet, 1, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}
