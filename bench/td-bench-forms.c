/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The benchmark's import_forms: 40 members' filled self-score forms of a
 * 200-criterion table read, checked (the preview) and saved, one
 * transaction per form, as "thidua import-forms FOLDER" does.
 *
 * The forms are made once, untimed: the newest year's forms of as many
 * blocs as it takes to have 40 members, every input filled with a valid
 * value of its kind, in two versions (A and B) so that every timed run
 * changes every row.  The first import (of A) is untimed and kept for
 * Undo, which puts the file's scores back at the end. */
#include "config.h"

#include "td-bench-forms.h"

#ifdef HAVE_TD_FORMS
#include "td-form-import.h"
#include "td-form-layout.h"
#include "td-registry.h"
#include "td-sheet-builders.h"
#include "td-xlsx.h"

#include <glib/gstdio.h>
#endif

#define N_FORMS 40

#ifdef HAVE_TD_FORMS
typedef struct
{
  TdDb *db;
  GPtrArray *paths[2]; /* the forms, filled with values A and B */
  guint next;          /* which set the next run imports */
  guint n_rows;
} FormsCtx;

/* A valid value for one input of @c, of version @set (0 or 1). */
static void
fill_input (TdSheet *sheet, guint row, guint col, const TdCriterion *c, TdFormField field,
            guint set)
{
  g_auto (GStrv) items = td_form_field_items (c, field);
  gint64 min, max;

  if (items != NULL)
    {
      guint n = g_strv_length (items);
      td_sheet_set_text (sheet, row, col, items[(set + (field == TD_FORM_FIELD_EXEMPT)) % n]);
      return;
    }
  td_form_field_range (c, field, &min, &max);
  switch (field)
    {
    case TD_FORM_FIELD_COUNT:
      td_sheet_set_points (sheet, row, col, TD_POINTS (1 + set));
      break;
    case TD_FORM_FIELD_MEASURED:
      td_sheet_set_points (sheet, row, col, set ? 9650 : 9125);
      break;
    default:
      td_sheet_set_points (sheet, row, col, set ? max : max / 2);
      break;
    }
}

/* Writes @sheet's form with every input filled, as @path. */
static gboolean
write_filled (TdDb *db, TdSheet *sheet, guint set, const char *path, GError **error)
{
  const char *col_text = td_sheet_get_meta (sheet, "col_input");
  g_autoptr (TdCriteriaTable) table = NULL;
  gint64 by = g_ascii_strtoll (td_sheet_get_meta (sheet, "bloc_year_id"), NULL, 10);
  guint col = (guint)g_ascii_strtoull (col_text, NULL, 10);

  table = td_criteria_load (db, by, error);
  if (table == NULL)
    return FALSE;
  for (guint r = 0; r < td_sheet_get_n_rows (sheet); r++)
    {
      const char *key = td_sheet_get_row (sheet, r)->key;
      g_auto (GStrv) parts = key ? g_strsplit (key, ":", -1) : NULL;
      TdFormField field;
      gint index;

      if (parts == NULL || g_strv_length (parts) != 3
          || !td_form_field_from_string (parts[2], &field))
        continue;
      index = td_criteria_table_find (table, g_ascii_strtoll (parts[1], NULL, 10));
      if (index >= 0)
        fill_input (sheet, r, col, td_criteria_table_get_node (table, index), field, set);
    }
  return td_xlsx_write (&sheet, 1, path, NULL, error);
}

static gboolean
make_forms (TdBenchRun *run, const char *dir, FormsCtx *c, guint wanted, GError **error)
{
  gint n_years = run->shape.n_years;

  for (guint set = 0; set < 2; set++)
    c->paths[set] = g_ptr_array_new_with_free_func (g_free);
  for (gint bloc = 0; bloc < run->shape.n_blocs && c->paths[0]->len < wanted; bloc++)
    {
      gint64 by = g_array_index (run->stats.bloc_year_ids, gint64, bloc * n_years + n_years - 1);
      g_autoptr (GPtrArray) members = td_registry_list_members (c->db, by, error);

      if (members == NULL)
        return FALSE;
      for (guint m = 0; m < members->len && c->paths[0]->len < wanted; m++)
        {
          gint64 unit = ((TdMember *)members->pdata[m])->unit_id;
          g_autoptr (TdSheet) sheet = td_sheet_build_form (c->db, by, unit, error);

          if (sheet == NULL)
            return FALSE;
          for (guint set = 0; set < 2; set++)
            {
              g_autofree gchar *name
                  = g_strdup_printf ("form-%c-%02u.xlsx", 'a' + set, c->paths[set]->len + 1);
              gchar *path = g_build_filename (dir, name, NULL);

              g_ptr_array_add (c->paths[set], path);
              if (!write_filled (c->db, sheet, set, path, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* What is timed: read every file (on every processor, as the window and
 * the command line do), plan (the preview), save. */
static gboolean
import_set (FormsCtx *c, guint set, TdScoreImport *undo, GError **error)
{
  g_autoptr (GPtrArray) files = td_form_files_read (c->paths[set], NULL);
  g_autoptr (GPtrArray) plans = NULL;
  guint n_ready, n_changes, n_imported;

  plans = td_form_plan (c->db, files, 0, error);
  if (plans == NULL)
    return FALSE;
  td_form_plans_count (plans, &n_ready, &n_changes, NULL, NULL);
  if (n_ready != c->paths[set]->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%u of %u forms ready to import", n_ready,
                   c->paths[set]->len);
      return FALSE;
    }
  c->n_rows = n_changes;
  return td_form_plans_apply (c->db, plans, undo, &n_imported, error);
}

static gboolean
do_import (gpointer data, GError **error)
{
  FormsCtx *c = data;
  g_autoptr (TdScoreImport) undo = td_score_import_new ();
  guint set = c->next;

  c->next = 1 - c->next;
  return import_set (c, set, undo, error);
}
#endif

gboolean
td_bench_op_import_forms (const TdBenchConfig *config, TdBenchRun *run, TdBenchResult *result,
                          GError **error)
{
#ifndef HAVE_TD_FORMS
  td_bench_result_unavailable (result, "the form importer is not on this branch yet (forms "
                                       "branch: td-form-import.c)");
  return TRUE;
#else
  g_autoptr (TdDb) db = td_db_open (run->path, TD_DB_OPEN_NO_BACKUP, error);
  g_autofree gchar *dir = g_build_filename (config->dir, "forms", NULL);
  g_autoptr (TdScoreImport) first = td_score_import_new ();
  FormsCtx c = { 0 };
  gboolean ok;

  if (db == NULL)
    return FALSE;
  c.db = db;
  g_mkdir_with_parents (dir, 0700);
  ok = make_forms (run, dir, &c, N_FORMS, error) && import_set (&c, 0, first, error);
  c.next = 1;
  if (ok)
    ok = td_bench_time (result, config->reps, do_import, &c, error);
  if (ok)
    result->note = g_strdup_printf ("%u forms, %u rows each time, read, checked and saved (one "
                                    "transaction per form)",
                                    c.paths[0]->len, c.n_rows);
  /* The file's scores as they were (as far as the first import recorded). */
  if (!td_score_import_undo (db, first, ok ? error : NULL))
    ok = FALSE;
  for (guint set = 0; set < 2; set++)
    for (guint i = 0; c.paths[set] && i < c.paths[set]->len; i++)
      g_unlink (c.paths[set]->pdata[i]);
  g_rmdir (dir);
  for (guint set = 0; set < 2; set++)
    g_clear_pointer (&c.paths[set], g_ptr_array_unref);
  return ok;
#endif
}
