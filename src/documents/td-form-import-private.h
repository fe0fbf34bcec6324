/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the three steps of the form importer share (td-form-import.h):
 * the forms of a file as read (td-form-read.c), the reading of one
 * criterion's cells into an entry (td-form-cells.c), and the planning and
 * applying that use both (td-form-import.c).  Not for other callers. */
#pragma once

#include "td-form-import.h"
#include "td-form-layout.h"
#include "td-xlsx-reader.h"

G_BEGIN_DECLS

/* One input row of the data sheet: "criterion:<id>:<field>" at an Excel row. */
typedef struct
{
  guint32 excel_row; /* 1-based */
  gchar *key;
} TdFormKeyedRow;

/* One form of a file: its data sheet's identity and rows, and the cells of
 * the visible sheet it describes (or why it cannot be read). */
typedef struct
{
  gchar *sheet; /* the visible worksheet */
  GHashTable *meta;
  GArray *rows; /* TdFormKeyedRow */
  TdXlsxSheet *cells;
  gchar *refusal;
} TdFormRaw;

struct _TdFormFile
{
  gchar *path;
  gchar *file_name;
  gchar *refusal;
  GPtrArray *forms; /* TdFormRaw */
};

/* An empty cell, or one holding only spaces. */
gboolean td_form_cell_blank (const TdXlsxCell *cell);
/* The cell's text, trimmed; "" for an empty cell.  Free it. */
gchar *td_form_text_at (TdXlsxSheet *sheet, guint32 row, guint32 col);

/* Adds a refused cell (0-based @row, @col) to @plan. */
void td_form_plan_refuse_cell (TdFormPlan *plan, guint32 row, guint32 col, const char *label,
                               const char *value, const char *reason);

/* An input field of a criterion and its row on the form (0-based). */
typedef struct
{
  TdFormField field;
  guint32 row;
} TdFormFieldRow;

/* The entry the form gives for criterion @c from its input rows @rows
 * (TdFormFieldRow, in form order, the first the rule's own input), starting
 * from @old (NULL: none saved); NULL when nothing was filled, or when a
 * cell was refused (then the refusal is on @plan).  @label names the
 * criterion in refusals. */
TdEntry *td_form_read_criterion (TdFormPlan *plan, const TdCriterion *c, const char *label,
                                 GArray *rows, TdXlsxSheet *sheet, guint32 col_input,
                                 guint32 col_evidence, const TdEntry *old);

/* What a change shows of an entry: the value as a score cell shows it,
 * with the size class chosen when the rule has several. */
gchar *td_form_entry_text (const TdCriterion *c, const TdEntry *entry);

G_END_DECLS
