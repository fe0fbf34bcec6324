/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filled self-score forms, steps 2 and 3: planned against the database
 * (nothing written) and applied one transaction per form (see
 * td-form-import.h).  Files are read in td-form-read.c, the cells of a
 * criterion in td-form-cells.c; the form's layout is td-form-layout.h's. */
#include "config.h"

#include "td-form-import-private.h"
#include "td-registry.h"
#include "td-record.h"
#include "td-scoring.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#define INPUT_HEADER "Số liệu tự chấm"

static const gsize plan_texts[]
    = { G_STRUCT_OFFSET (TdFormPlan, path),      G_STRUCT_OFFSET (TdFormPlan, file_name),
        G_STRUCT_OFFSET (TdFormPlan, sheet),     G_STRUCT_OFFSET (TdFormPlan, reason),
        G_STRUCT_OFFSET (TdFormPlan, unit_name), TD_RECORD_END };

static const TdRecordPart plan_parts[]
    = { TD_RECORD_PART (TdFormPlan, changes, g_ptr_array_unref),
        TD_RECORD_PART (TdFormPlan, refusals, g_ptr_array_unref),
        TD_RECORD_PART (TdFormPlan, table, td_criteria_table_unref), TD_RECORD_PARTS_END };

TD_RECORD_DEFINE_FREE_FULL (TdFormPlan, td_form_plan_free, plan_texts, plan_parts);

static const gsize change_texts[]
    = { G_STRUCT_OFFSET (TdFormChange, label), G_STRUCT_OFFSET (TdFormChange, old_text),
        G_STRUCT_OFFSET (TdFormChange, new_text), TD_RECORD_END };

static void
change_free (TdFormChange *change)
{
  td_entry_free (change->entry);
  td_record_free (change, change_texts);
}

static const gsize refusal_texts[]
    = { G_STRUCT_OFFSET (TdFormRefusal, cell), G_STRUCT_OFFSET (TdFormRefusal, label),
        G_STRUCT_OFFSET (TdFormRefusal, value), G_STRUCT_OFFSET (TdFormRefusal, reason),
        TD_RECORD_END };

static TD_RECORD_DEFINE_FREE (TdFormRefusal, refusal_free, refusal_texts);

static TdFormPlan *
plan_new (TdFormFile *file, const char *sheet)
{
  TdFormPlan *plan = g_new0 (TdFormPlan, 1);

  plan->path = g_strdup (file->path);
  plan->file_name = g_strdup (file->file_name);
  plan->sheet = g_strdup (sheet);
  plan->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)change_free);
  plan->refusals = g_ptr_array_new_with_free_func ((GDestroyNotify)refusal_free);
  return plan;
}

static void
refuse (TdFormPlan *plan, gchar *reason)
{
  plan->status = TD_FORM_REFUSED;
  g_free (plan->reason);
  plan->reason = reason;
}

/* One bloc-year, loaded once for all its forms. */
typedef struct
{
  TdBlocYear *by;
  TdBloc *bloc;
  TdCriteriaTable *table;
  TdScores *scores;
  gchar *fingerprint;
  gchar **labels; /* by node index, made when first asked for (criterion_label) */
} YearCtx;

static void
year_ctx_free (YearCtx *y)
{
  td_bloc_year_free (y->by);
  td_bloc_free (y->bloc);
  g_clear_pointer (&y->scores, td_scores_free);
  g_free (y->fingerprint);
  if (y->labels != NULL)
    for (guint i = 0; i < td_criteria_table_get_n_nodes (y->table); i++)
      g_free (y->labels[i]);
  g_free (y->labels);
  g_clear_pointer (&y->table, td_criteria_table_unref);
  g_free (y);
}

static YearCtx *
year_ctx (TdDb *db, GHashTable *cache, gint64 bloc_year_id, GError **error)
{
  YearCtx *y = g_hash_table_lookup (cache, &bloc_year_id);
  GError *local = NULL;

  if (y != NULL)
    return y;
  y = g_new0 (YearCtx, 1);
  y->by = td_registry_get_bloc_year (db, bloc_year_id, &local);
  if (y->by != NULL)
    y->bloc = td_registry_get_bloc (db, y->by->bloc_id, &local);
  if (y->bloc != NULL)
    y->table = td_criteria_load (db, bloc_year_id, &local);
  if (y->table != NULL)
    y->scores = td_scores_load (db, y->table, &local);
  if (local != NULL && !g_error_matches (local, TD_ERROR, TD_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, local);
      year_ctx_free (y);
      return NULL;
    }
  g_clear_error (&local);
  if (y->table != NULL)
    {
      y->fingerprint = td_form_table_fingerprint (y->table);
      y->labels = g_new0 (gchar *, MAX (td_criteria_table_get_n_nodes (y->table), 1));
    }
  g_hash_table_insert (cache, g_memdup2 (&bloc_year_id, sizeof bloc_year_id), y);
  return y;
}

static gboolean
meta_id (TdFormRaw *raw, const char *key, gint64 *out)
{
  const char *text = g_hash_table_lookup (raw->meta, key);
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *out = (gint64)v;
  return TRUE;
}

static gboolean
meta_col (TdFormRaw *raw, const char *key, guint32 *out)
{
  const char *text = g_hash_table_lookup (raw->meta, key);
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, 16383, &v, NULL))
    return FALSE;
  *out = (guint32)v;
  return TRUE;
}

static gchar *
bloc_year_name (const char *bloc, const char *year)
{
  return g_strdup_printf ("%s, %s", bloc ? bloc : "?", year ? year : "?");
}

/* The whole-form checks; FALSE (and the plan refused) when one fails. */
static gboolean
check_identity (TdDb *db, GHashTable *cache, TdFormPlan *plan, TdFormRaw *raw,
                gint64 expected_bloc_year, YearCtx **out, GError **error)
{
  const char *layout = g_hash_table_lookup (raw->meta, "form_layout");
  const char *seal = g_hash_table_lookup (raw->meta, "seal");
  const char *fingerprint = g_hash_table_lookup (raw->meta, "table_fingerprint");
  g_autofree gchar *named = bloc_year_name (g_hash_table_lookup (raw->meta, "bloc"),
                                            g_hash_table_lookup (raw->meta, "year"));
  g_autofree gchar *expected_seal = NULL;
  gint64 by_id, unit_id, table_id;
  YearCtx *y;

  *out = NULL;
  if (raw->refusal != NULL)
    {
      refuse (plan, g_strdup (raw->refusal));
      return FALSE;
    }
  if (g_strcmp0 (g_hash_table_lookup (raw->meta, "sheet"), "form") != 0)
    {
      refuse (plan, g_strdup (_ ("This sheet is not a self-score form (it is another of Thi "
                                 "Đua's sheets). Import the forms the members filled in.")));
      return FALSE;
    }
  /* An older layout asked for other cells (no bonus, no files, an item's
   * own rule under its sub-rows): its cells cannot be read as this one's. */
  if (layout == NULL || atoi (layout) < TD_FORM_LAYOUT_VERSION || seal == NULL)
    {
      refuse (plan, g_strdup (_ ("This form was made by an earlier version of Thi Đua, or is "
                                 "an example, and cannot be checked against the table. Export "
                                 "a new form for the member.")));
      return FALSE;
    }
  if (atoi (layout) > TD_FORM_LAYOUT_VERSION)
    {
      refuse (plan, g_strdup (_ ("This form was made by a newer version of Thi Đua. Install "
                                 "the newer version to import it.")));
      return FALSE;
    }
  if (!meta_id (raw, "bloc_year_id", &by_id) || !meta_id (raw, "unit_id", &unit_id)
      || !meta_id (raw, "criteria_table_id", &table_id) || fingerprint == NULL)
    {
      refuse (plan, g_strdup (_ ("The sheet that identifies this form is incomplete: it was "
                                 "changed. Ask the member to fill in the form that was sent.")));
      return FALSE;
    }
  plan->bloc_year_id = by_id;
  plan->unit_id = unit_id;
  plan->unit_name = g_strdup (g_hash_table_lookup (raw->meta, "unit"));
  expected_seal = td_form_seal (db, by_id, unit_id, table_id, fingerprint);
  if (g_ascii_strcasecmp (expected_seal, seal) != 0)
    {
      refuse (plan, g_strdup_printf (_ ("This form (%s) was not made from this database, or the "
                                        "sheet that identifies it was changed. Import only the "
                                        "forms exported from this database, or type the scores "
                                        "in the Scores section."),
                                     named));
      return FALSE;
    }
  if (expected_bloc_year != 0 && by_id != expected_bloc_year)
    {
      g_autoptr (TdBlocYear) shown = td_registry_get_bloc_year (db, expected_bloc_year, NULL);
      refuse (plan,
              g_strdup_printf (_ ("This form is for %s, not for the year the Scores section "
                                  "shows (%d). Choose that bloc and year in the header bar to "
                                  "import it, or ask the member for this year's form."),
                               named, shown ? shown->year : 0));
      return FALSE;
    }
  y = year_ctx (db, cache, by_id, error);
  if (y == NULL)
    return FALSE;
  if (y->by == NULL || y->table == NULL || y->scores == NULL)
    {
      refuse (plan, g_strdup_printf (_ ("This database has no %s any more, so the form cannot "
                                        "be imported."),
                                     named));
      return FALSE;
    }
  if (y->table->id != table_id || g_strcmp0 (y->fingerprint, fingerprint) != 0)
    {
      refuse (plan, g_strdup_printf (_ ("The criteria table of %s changed after this form was "
                                        "made (rows added, removed or their rules changed). "
                                        "Export a new form for the member, or type these scores "
                                        "in the Scores section."),
                                     named));
      return FALSE;
    }
  if (!td_registry_is_member (db, by_id, unit_id))
    {
      refuse (plan, g_strdup_printf (_ ("%s is not a member of %s, so its form cannot be "
                                        "imported. Add the unit to the bloc's year first."),
                                     plan->unit_name ? plan->unit_name : "?", named));
      return FALSE;
    }
  *out = y;
  return TRUE;
}

/* "II.3 Tỷ lệ hồ sơ …", "1.a1.2 …": the codes from the top, each once,
 * and the title shortened. */
static gchar *
make_label (const TdCriteriaTable *table, const TdCriterion *c)
{
  g_autofree gchar *title = td_text_normalize_space (c->title ? c->title : "");
  g_autofree gchar *shortened = NULL;
  g_autofree gchar *path = td_form_criterion_path (table, c->index);

  if (g_utf8_strlen (title, -1) > 90)
    {
      g_autofree gchar *cut = g_utf8_substring (title, 0, 89);
      shortened = g_strconcat (cut, "…", NULL);
    }
  else
    shortened = g_strdup (title);
  if (*path != '\0')
    return g_strdup_printf ("%s %s", path, shortened);
  return g_steal_pointer (&shortened);
}

/* The label of a node, made once per bloc-year (every form of the year
 * shows the same rows). */
static const char *
criterion_label (YearCtx *y, gint index)
{
  if (y->labels[index] == NULL)
    y->labels[index] = make_label (y->table, td_criteria_table_get_node (y->table, index));
  return y->labels[index];
}

/* One criterion of the form: its input rows, in form order. */
typedef struct
{
  gint index;
  GArray *rows; /* TdFormFieldRow */
} CriterionRows;

static void
criterion_rows_free (CriterionRows *cr)
{
  g_array_unref (cr->rows);
  g_free (cr);
}

static TdPoints
net (TdContribution r)
{
  return r.standard + r.bonus - r.deduction;
}

/* Values where the form takes none: a row the table does not have, or a
 * computed cell typed over. */
static void
find_strays (TdFormPlan *plan, TdXlsxSheet *sheet, GHashTable *input_rows, guint32 first,
             guint32 end, const guint32 *computed, guint n_computed, guint32 col_input)
{
  for (guint n = 0; n < td_xlsx_sheet_get_n_cells (sheet); n++)
    {
      const TdXlsxCell *cell = td_xlsx_sheet_get_nth_cell (sheet, n);
      g_autofree gchar *shown = NULL;
      gboolean typed_over = FALSE;

      if (cell->row < first || cell->row >= end || cell->formula || td_form_cell_blank (cell))
        continue;
      for (guint k = 0; k < n_computed; k++)
        typed_over |= cell->col == computed[k];
      if (cell->col == col_input
          && g_hash_table_contains (input_rows, GUINT_TO_POINTER (cell->row)))
        continue;
      if (cell->col != col_input && !typed_over)
        continue;
      shown = td_xlsx_cell_to_text (cell);
      if (typed_over)
        td_form_plan_refuse_cell (
            plan, cell->row, cell->col, NULL, shown,
            _ ("A computed cell was typed over; it is not imported (the scores come "
               "from the “Số liệu tự chấm” column)."));
      else
        td_form_plan_refuse_cell (
            plan, cell->row, cell->col, NULL, shown,
            _ ("This row is not a criterion of the table, so the value was not "
               "imported."));
    }
}

static void
plan_form (TdDb *db, GHashTable *cache, TdFormPlan *plan, TdFormRaw *raw, gint64 expected,
           GError **error)
{
  YearCtx *y;
  guint32 col_input, col_evidence, col_code, first_row, n_rows = 0, computed[4];
  g_autoptr (GHashTable) by_index = NULL; /* node index → CriterionRows */
  g_autoptr (GHashTable) input_rows = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (TdUnitTotals) totals = NULL;
  TdEntry **self = NULL;
  gint unit_index;
  gboolean layout_ok;

  if (!check_identity (db, cache, plan, raw, expected, &y, error))
    return;
  plan->table = td_criteria_table_ref (y->table);
  layout_ok
      = meta_col (raw, "col_input", &col_input) && meta_col (raw, "col_evidence", &col_evidence)
        && meta_col (raw, "col_code", &col_code) && meta_col (raw, "col_reached", &computed[0])
        && meta_col (raw, "col_bonus", &computed[1])
        && meta_col (raw, "col_deduction", &computed[2])
        && meta_col (raw, "col_self", &computed[3]);
  {
    const char *first = g_hash_table_lookup (raw->meta, "first_row");
    const char *rows = g_hash_table_lookup (raw->meta, "n_rows");
    guint64 v = 0, n = 0;
    layout_ok = layout_ok && first && g_ascii_string_to_unsigned (first, 10, 2, 1048576, &v, NULL)
                && rows && g_ascii_string_to_unsigned (rows, 10, 1, 1048576, &n, NULL);
    first_row = (guint32)v - 1; /* 0-based */
    n_rows = (guint32)n;
  }
  if (layout_ok)
    {
      g_autofree gchar *header = td_form_text_at (raw->cells, first_row - 1, col_input);
      layout_ok = g_str_equal (header, INPUT_HEADER);
    }

  /* Every keyed row must be where the form put it. */
  by_index = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)criterion_rows_free);
  for (guint i = 0; layout_ok && i < raw->rows->len; i++)
    {
      TdFormKeyedRow *kr = &g_array_index (raw->rows, TdFormKeyedRow, i);
      g_auto (GStrv) parts = g_strsplit (kr->key, ":", -1);
      TdFormField fields[TD_FORM_MAX_FIELDS], field;
      guint64 id;
      gint index;
      CriterionRows *cr;
      TdFormFieldRow fr;
      const TdCriterion *c;

      layout_ok = g_strv_length (parts) == 3 && g_str_equal (parts[0], "criterion")
                  && g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &id, NULL)
                  && td_form_field_from_string (parts[2], &field)
                  && (index = td_criteria_table_find (y->table, (gint64)id)) >= 0;
      if (!layout_ok)
        break;
      c = td_criteria_table_get_node (y->table, index);
      fr.field = field;
      fr.row = kr->excel_row - 1;
      cr = g_hash_table_lookup (by_index, GINT_TO_POINTER (index + 1));
      if (cr == NULL)
        {
          guint n = td_form_fields (c, fields);
          /* The criterion's first field is on its own row, under its code. */
          g_autofree gchar *code = td_form_text_at (raw->cells, fr.row, col_code);
          layout_ok = n > 0 && fields[0] == field
                      && (c->code == NULL || *c->code == '\0' || g_str_equal (code, c->code)
                          || c->n_children > 0);
          cr = g_new0 (CriterionRows, 1);
          cr->index = index;
          cr->rows = g_array_new (FALSE, FALSE, sizeof (TdFormFieldRow));
          g_hash_table_insert (by_index, GINT_TO_POINTER (index + 1), cr);
          g_array_append_val (order, index);
        }
      g_array_append_val (cr->rows, fr);
      g_hash_table_add (input_rows, GUINT_TO_POINTER (fr.row));
    }
  if (!layout_ok)
    {
      refuse (plan, g_strdup (_ ("The rows or columns of this form were moved, added or "
                                 "deleted, so its cells cannot be matched to the criteria. Ask "
                                 "the member to fill in the form that was sent, without "
                                 "changing its layout.")));
      return;
    }

  unit_index = td_scores_find_unit (y->scores, plan->unit_id);
  self = g_new0 (TdEntry *, td_criteria_table_get_n_nodes (y->table));
  if (unit_index >= 0)
    memcpy (self, td_scores_get_entries (y->scores, (guint)unit_index, TD_SOURCE_SELF),
            sizeof (TdEntry *) * td_criteria_table_get_n_nodes (y->table));
  for (guint i = 0; i < order->len; i++)
    {
      gint index = g_array_index (order, gint, i);
      const TdCriterion *c = td_criteria_table_get_node (y->table, index);
      CriterionRows *cr = g_hash_table_lookup (by_index, GINT_TO_POINTER (index + 1));
      const TdEntry *old = self[index];
      TdEntry *entry = td_form_read_criterion (plan, c, criterion_label (y, index), cr->rows,
                                               raw->cells, col_input, col_evidence, old);
      TdFormChange *change;

      if (entry == NULL)
        continue;
      if (old != NULL && td_entry_equal (old, entry))
        {
          td_entry_free (entry);
          continue;
        }
      change = g_new0 (TdFormChange, 1);
      change->criterion_id = c->id;
      change->label = g_strdup (criterion_label (y, index));
      change->old_text = td_form_entry_text (c, old);
      change->new_text = td_form_entry_text (c, entry);
      change->old_points = net (td_rule_evaluate (c, old));
      change->new_points = net (td_rule_evaluate (c, entry));
      change->evidence_changed = g_strcmp0 (old ? old->evidence : "", entry->evidence) != 0;
      change->entry = entry;
      self[index] = entry;
      g_ptr_array_add (plan->changes, change);
    }
  find_strays (plan, raw->cells, input_rows, first_row, first_row + n_rows, computed,
               G_N_ELEMENTS (computed), col_input);

  /* The unit's self-score total now and after the import. */
  totals = td_unit_totals_new (td_criteria_table_get_n_nodes (y->table));
  if (unit_index >= 0)
    plan->old_total
        = td_scores_get_totals (y->scores, (guint)unit_index)->table[TD_SOURCE_SELF].total;
  td_scoring_compute (y->table, self, NULL, totals);
  plan->new_total = totals->table[TD_SOURCE_SELF].total;
  plan->disqualified = totals->disqualified[TD_SOURCE_SELF];
  plan->has_totals = TRUE;
  g_free (self);
  plan->status = plan->changes->len > 0 ? TD_FORM_READY : TD_FORM_NOTHING;
  if (plan->status == TD_FORM_NOTHING && plan->refusals->len == 0)
    plan->reason = g_strdup (
        unit_index >= 0 && td_scores_get_totals (y->scores, (guint)unit_index)->n_entries[0] > 0
            ? _ ("Nothing differs from the scores already saved.")
            : _ ("Nothing was filled in."));
}

GPtrArray *
td_form_plan (TdDb *db, GPtrArray *files, gint64 bloc_year_id, GError **error)
{
  g_autoptr (GHashTable) cache
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)year_ctx_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify)td_form_plan_free);

  for (guint f = 0; f < files->len; f++)
    {
      TdFormFile *file = files->pdata[f];

      if (file->refusal != NULL)
        {
          TdFormPlan *plan = plan_new (file, NULL);
          refuse (plan, g_strdup (file->refusal));
          g_ptr_array_add (plans, plan);
          continue;
        }
      for (guint i = 0; i < file->forms->len; i++)
        {
          TdFormRaw *raw = file->forms->pdata[i];
          TdFormPlan *plan = plan_new (file, raw->sheet);
          GError *local = NULL;

          g_ptr_array_add (plans, plan);
          plan_form (db, cache, plan, raw, bloc_year_id, &local);
          if (local != NULL)
            {
              g_propagate_error (error, local);
              return NULL;
            }
          /* Two forms of one unit: the first is imported, the second named. */
          if (plan->status == TD_FORM_READY)
            {
              g_autofree gchar *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                       plan->bloc_year_id, plan->unit_id);
              const char *earlier = g_hash_table_lookup (seen, key);
              if (earlier != NULL)
                refuse (plan, g_strdup_printf (_ ("Another form of %s is in this import (%s). "
                                                  "Import one of them: remove the other and "
                                                  "read the files again."),
                                               plan->unit_name, earlier));
              else
                g_hash_table_insert (seen, g_steal_pointer (&key), plan->file_name);
            }
        }
    }
  return g_steal_pointer (&plans);
}

void
td_form_plans_count (GPtrArray *plans, guint *n_ready, guint *n_changes, guint *n_refused,
                     guint *n_cells_refused)
{
  guint ready = 0, changes = 0, refused = 0, cells = 0;

  for (guint i = 0; i < plans->len; i++)
    {
      TdFormPlan *plan = plans->pdata[i];
      if (plan->status == TD_FORM_READY)
        {
          ready++;
          changes += plan->changes->len;
        }
      else if (plan->status == TD_FORM_REFUSED)
        refused++;
      cells += plan->refusals->len;
    }
  if (n_ready)
    *n_ready = ready;
  if (n_changes)
    *n_changes = changes;
  if (n_refused)
    *n_refused = refused;
  if (n_cells_refused)
    *n_cells_refused = cells;
}

/* --- 3. applying ------------------------------------------------------------------- */

gboolean
td_form_plans_apply (TdDb *db, GPtrArray *plans, TdScoreImport *undo, guint *n_imported,
                     GError **error)
{
  guint done = 0;
  gboolean ok = TRUE;

  td_score_import_begin_batch (db, undo);
  for (guint i = 0; i < plans->len && ok; i++)
    {
      TdFormPlan *plan = plans->pdata[i];
      g_autoptr (GPtrArray) entries = NULL;

      if (plan->status != TD_FORM_READY)
        continue;
      entries = g_ptr_array_new ();
      for (guint k = 0; k < plan->changes->len; k++)
        g_ptr_array_add (entries, ((TdFormChange *)plan->changes->pdata[k])->entry);
      ok = td_score_import_save (db, plan->table, entries, plan->file_name, undo, error);
      if (ok)
        done++;
    }
  td_score_import_end_batch (db, undo);
  if (n_imported)
    *n_imported = done;
  return ok;
}
