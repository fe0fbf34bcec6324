/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Units pasted from a spreadsheet or Word table, or read from CSV: parsed
 * into a preview (to add / duplicate / invalid) before anything is written. */
#pragma once

#include "td-db.h"

G_BEGIN_DECLS

typedef enum
{
  TD_IMPORT_ADD,       /* a new unit, or an existing unit that joins the bloc-year */
  TD_IMPORT_DUPLICATE, /* already a member, or repeated earlier in the list */
  TD_IMPORT_INVALID,   /* cannot be added; see reason */
} TdImportStatus;

typedef struct
{
  guint line; /* 1-based line of the source text */
  TdImportStatus status;
  gchar *name;
  gchar *short_name;
  gchar *kind;
  gint64 existing_unit_id; /* a unit of the registry with that name, or 0 */
  gchar *reason;           /* why duplicate or invalid, for the preview */
} TdImportRow;

/* A list of units is a few kilobytes; a larger text is the wrong file. */
#define TD_UNIT_IMPORT_MAX_BYTES (4 * 1024 * 1024)

void td_import_row_free (TdImportRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdImportRow, td_import_row_free)

gchar *td_unit_import_decode (const char *data, gsize length, GError **error);
GPtrArray *td_unit_import_parse (const char *text, gssize length, TdDb *db, gint64 bloc_year_id);
gint td_unit_import_apply (TdDb *db, gint64 bloc_year_id, GPtrArray *rows, GError **error);
guint td_unit_import_count (GPtrArray *rows, TdImportStatus status);

G_END_DECLS
