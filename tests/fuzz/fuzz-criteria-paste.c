/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A criteria table pasted from Word or a spreadsheet, as text (the
 * clipboard gives valid UTF-8; other bytes are repaired first, as GTK
 * would): the preview never fails on content, its cells and messages are
 * valid text, and a preview without errors becomes a table.  The same
 * bytes as a file sent (any encoding, CSV, HTML) go through the file
 * reader, and what it gives through the preview too. */
#include "fuzz-common.h"
#include "td-criteria-paste.h"
#include "td-text.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_set_locale ();
  return 0;
}

static void
check_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPastePreview) preview = td_paste_parse (text, &error);

  if (preview == NULL)
    {
      FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return;
    }
  for (guint i = 0; i < preview->rows->len; i++)
    {
      TdPasteRow *row = preview->rows->pdata[i];

      for (guint c = 0; c < TD_PASTE_N_COLS; c++)
        FUZZ_CHECK (row->cells[c] != NULL && g_utf8_validate (row->cells[c], -1, NULL));
      FUZZ_CHECK (row->problems != NULL && g_utf8_validate (row->problems, -1, NULL));
    }
  td_paste_preview_recheck (preview);
  if (td_paste_preview_count_errors (preview) == 0)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (TdCriteriaTable) table = td_paste_preview_to_table (preview, &local);

      FUZZ_CHECK (table != NULL || (local != NULL && g_utf8_validate (local->message, -1, NULL)));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree gchar *text = td_text_make_valid ((const char *)data, (gssize)size);
  g_autoptr (GError) error = NULL;
  g_autofree gchar *from_file = NULL;

  check_text (text);
  /* A file's name decides nothing but the messages; HTML is sniffed. */
  from_file = td_paste_text_from_file ((const char *)data, size, "bang-diem.txt", &error);
  if (from_file == NULL)
    FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL));
  else
    {
      FUZZ_CHECK (g_utf8_validate (from_file, -1, NULL));
      check_text (from_file);
    }
  return 0;
}
