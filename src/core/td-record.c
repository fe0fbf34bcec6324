/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copying and freeing the plain records of core (see td-record.h): every
 * record type once wrote the same g_strdup and g_free line per field. */
#include "config.h"

#include "td-record.h"

static gchar **
text_at (gpointer record, gsize offset)
{
  return (gchar **)((guint8 *)record + offset);
}

void
td_record_dup_texts (gpointer record, const gsize *texts)
{
  for (guint i = 0; texts[i] != TD_RECORD_END; i++)
    {
      gchar **text = text_at (record, texts[i]);

      *text = g_strdup (*text);
    }
}

void
td_record_clear_texts (gpointer record, const gsize *texts)
{
  for (guint i = 0; texts != NULL && texts[i] != TD_RECORD_END; i++)
    g_clear_pointer (text_at (record, texts[i]), g_free);
}

gpointer
td_record_copy (gconstpointer record, gsize size, const gsize *texts)
{
  gpointer copy = g_memdup2 (record, size);

  td_record_dup_texts (copy, texts);
  return copy;
}

void
td_record_free (gpointer record, const gsize *texts)
{
  if (record == NULL)
    return;
  td_record_clear_texts (record, texts);
  g_free (record);
}

void
td_record_clear_full (gpointer record, const gsize *texts, const TdRecordPart *parts)
{
  for (guint i = 0; parts[i].offset != TD_RECORD_END; i++)
    {
      gpointer *part = (gpointer *)((guint8 *)record + parts[i].offset);

      g_clear_pointer (part, parts[i].free);
    }
  td_record_clear_texts (record, texts);
}

void
td_record_free_full (gpointer record, const gsize *texts, const TdRecordPart *parts)
{
  if (record == NULL)
    return;
  td_record_clear_full (record, texts, parts);
  g_free (record);
}
