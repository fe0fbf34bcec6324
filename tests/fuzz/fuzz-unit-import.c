/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A CSV or pasted list of units, any bytes: the preview rows are valid text
 * with real line numbers, what the decoder accepts is valid UTF-8, and
 * applying the rows to a bloc-year (rolled back) never fails on content. */
#include "fuzz-common.h"
#include "td-registry.h"
#include "td-unit-import.h"

#include <string.h>

static TdDb *db;
static gint64 bloc_year_id;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  const char *members[] = { "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Đài Phát thanh" };

  fuzz_set_locale ();
  db = td_db_new_memory (NULL);
  bloc->name = g_strdup ("Khối Thi đua số 6");
  by->bloc_id = td_registry_add_bloc (db, bloc, NULL);
  by->year = 2024;
  bloc_year_id = td_registry_add_bloc_year (db, by, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr (TdUnit) unit = td_unit_new ();
      unit->name = g_strdup (members[i]);
      td_registry_add_unit_to_bloc_year (db, bloc_year_id, unit, NULL);
    }
  FUZZ_CHECK (bloc_year_id > 0);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) rows
      = td_unit_import_parse ((const char *)data, (gssize)size, db, bloc_year_id);
  g_autoptr (GError) error = NULL;
  g_autofree gchar *decoded = td_unit_import_decode ((const char *)data, size, &error);
  guint lines = 1;

  for (size_t i = 0; i < size; i++)
    lines += data[i] == '\n' || data[i] == '\r';
  FUZZ_CHECK (decoded != NULL || (error != NULL && g_utf8_validate (error->message, -1, NULL)));
  FUZZ_CHECK (decoded == NULL || g_utf8_validate (decoded, -1, NULL));
  for (guint i = 0; i < rows->len; i++)
    {
      TdImportRow *row = rows->pdata[i];

      FUZZ_CHECK (g_utf8_validate (row->name, -1, NULL));
      FUZZ_CHECK (g_utf8_validate (row->short_name, -1, NULL));
      FUZZ_CHECK (g_utf8_validate (row->kind, -1, NULL));
      FUZZ_CHECK (row->reason == NULL || g_utf8_validate (row->reason, -1, NULL));
      FUZZ_CHECK (row->line >= 1 && row->line <= lines);
      FUZZ_CHECK (row->status != TD_IMPORT_ADD || *row->name != '\0');
    }
  FUZZ_CHECK (td_db_begin (db, NULL));
  {
    g_autoptr (GError) apply_error = NULL;
    gint added = td_unit_import_apply (db, bloc_year_id, rows, &apply_error);

    FUZZ_CHECK (added == (gint)td_unit_import_count (rows, TD_IMPORT_ADD));
  }
  td_db_rollback (db);
  return 0;
}
