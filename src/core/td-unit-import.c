/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a list of units from pasted text or CSV.
 *
 * What clerks paste is untidy: a byte-order mark from Excel, semicolons
 * where the locale uses the decimal comma, quoted names that contain
 * commas ("Sở Văn hóa, Thể thao và Du lịch"), blank lines, trailing
 * spaces, the same unit twice, and a header row.  The parser accepts all
 * of it and says, row by row, what it will do; nothing is written until
 * td_unit_import_apply(). */
#include "config.h"

#include "td-unit-import.h"
#include "td-query.h"
#include "td-registry.h"
#include "td-record.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_NAME_CHARS 200

static const gsize import_row_texts[]
    = { G_STRUCT_OFFSET (TdImportRow, name), G_STRUCT_OFFSET (TdImportRow, short_name),
        G_STRUCT_OFFSET (TdImportRow, kind), G_STRUCT_OFFSET (TdImportRow, reason), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdImportRow, td_import_row_free, import_row_texts);

/* Up to this many records decide the separator. */
#define SAMPLE_RECORDS 10

/* The separator, from the first records: for each of tab, ';' and ',' the
 * number outside quotes on each record (a quoted name may hold any of
 * them, and line breaks).  A separator is on every record of a real table;
 * of those, tab (a spreadsheet or Word table) wins over ';' over ','.
 * When none is on every record, the one on most of them if more than half
 * (a ragged table), else none: a plain list of names, some with commas. */
static char
guess_separator (const char *text)
{
  static const char candidates[] = { '\t', ';', ',' };
  guint on_records[G_N_ELEMENTS (candidates)] = { 0 };
  guint here[G_N_ELEMENTS (candidates)] = { 0 };
  guint records = 0;
  gboolean quoted = FALSE, content = FALSE;
  char best = '\0';
  guint best_count = 0;

  for (const char *p = text; records < SAMPLE_RECORDS; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\0' || (!quoted && *p == '\n'))
        {
          if (content)
            {
              records++;
              for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
                on_records[i] += here[i] > 0;
            }
          memset (here, 0, sizeof here);
          content = FALSE;
          if (*p == '\0')
            break;
          continue;
        }
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          here[i] += *p == candidates[i];
      if (*p != '\r' && *p != ' ')
        content = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (records > 0 && on_records[i] == records)
      return candidates[i];
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (on_records[i] > best_count)
      {
        best = candidates[i];
        best_count = on_records[i];
      }
  return best_count * 2 > records ? best : '\0';
}

/* Splits into records of fields; quotes may hold separators, doubled
 * quotes and line breaks. */
static GPtrArray *
split_records (const char *text, char sep, GArray *lines)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;
  guint line = 1, record_line = 1;

  for (const char *p = text;; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            quoted = FALSE; /* an unclosed quote ends with the text */
          else if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
              continue;
            }
          else if (c == '"')
            {
              quoted = FALSE;
              continue;
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
              continue;
            }
        }
      if (c == '"' && field->len == 0)
        quoted = TRUE;
      else if (c == sep && sep != '\0')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (c == '\r' || c == '\n' || c == '\0')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, fields);
          g_array_append_val (lines, record_line);
          fields = g_ptr_array_new_with_free_func (g_free);
          if (c == '\r' && p[1] == '\n')
            p++;
          if (c == '\0')
            break;
          line++;
          record_line = line;
        }
      else
        g_string_append_c (field, c);
    }
  g_string_free (field, TRUE);
  g_ptr_array_unref (fields);
  return records;
}

static TdImportRow *
invalid_row (guint line, gchar *reason)
{
  TdImportRow *row = g_new0 (TdImportRow, 1);

  row->line = line;
  row->status = TD_IMPORT_INVALID;
  row->name = g_strdup ("");
  row->short_name = g_strdup ("");
  row->kind = g_strdup ("");
  row->reason = reason;
  return row;
}

/* The bytes as UTF-8 without a byte-order mark: Excel saves "CSV UTF-8"
 * with one, and "Unicode Text" as UTF-16 (converted here).  Other bytes are
 * not checked here.  NULL with @error for a text too large to be a list of
 * units, or UTF-16 that is not. */
static gchar *
to_utf8 (const char *data, gsize length, GError **error)
{
  const char *from = NULL;
  gchar *utf8;

  if (length > TD_UNIT_IMPORT_MAX_BYTES)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("The text is larger than %d MB; a list of units is much smaller. Choose "
                      "the right file."),
                   TD_UNIT_IMPORT_MAX_BYTES >> 20);
      return NULL;
    }
  if (length >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    from = "UTF-16LE";
  else if (length >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    from = "UTF-16BE";
  if (from == NULL)
    return length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? g_strndup (data + 3, length - 3)
                                                                : g_strndup (data, length);
  utf8 = g_convert (data + 2, length - 2, "UTF-8", from, NULL, NULL, NULL);
  if (utf8 == NULL)
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                 _ ("The text says it is UTF-16 but is not. Save the file again as “CSV UTF-8” "
                    "and import that."));
  return utf8;
}

/* The contents of a file to import, as text: UTF-8 (with or without a
 * byte-order mark) or UTF-16 from Excel's "Unicode Text".  Anything else is
 * refused with the first line that cannot be read, never guessed at. */
gchar *
td_unit_import_decode (const char *data, gsize length, GError **error)
{
  g_autofree gchar *text = to_utf8 (data, length, error);
  const char *bad = NULL;
  guint line = 1;

  if (text == NULL || g_utf8_validate (text, -1, &bad))
    return g_steal_pointer (&text);
  for (const char *p = text; p < bad; p++)
    line += *p == '\n';
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
               _ ("Line %u is not UTF-8 text. Save the file as “CSV UTF-8” (in Excel: Save As, "
                  "CSV UTF-8) and import it again."),
               line);
  return NULL;
}

/* Whether every field of a record is UTF-8: a file saved in another
 * encoding is refused line by line, never guessed at. */
static gboolean
fields_valid (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (!g_utf8_validate (fields->pdata[i], -1, NULL))
      return FALSE;
  return TRUE;
}

static gchar *
field_at (GPtrArray *fields, guint i)
{
  return td_text_normalize_space (i < fields->len ? fields->pdata[i] : "");
}

static gboolean
is_header (const char *folded_name)
{
  static const char *const words[] = { "ten", "ten don vi", "name", "unit", "unit name", "don vi" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (folded_name, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static gint64
find_unit_by_name (GPtrArray *units, const char *folded)
{
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      TdUnit *u = units->pdata[i];
      g_autofree gchar *f = td_text_fold (u->name);

      if (g_strcmp0 (f, folded) == 0)
        return u->id;
    }
  return 0;
}

/* Parses @text (UTF-8, with or without BOM) into preview rows.  With @db
 * and @bloc_year_id, names the bloc-year already has are duplicates and
 * names of existing units are marked to join rather than be created. */
GPtrArray *
td_unit_import_parse (const char *text, gssize length, TdDb *db, gint64 bloc_year_id)
{
  g_autofree gchar *copy = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) units = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)td_import_row_free);
  g_autoptr (GError) error = NULL;
  const char *start;

  if (length < 0)
    length = text != NULL ? (gssize)strlen (text) : 0;
  copy = to_utf8 (text != NULL ? text : "", (gsize)length, &error);
  if (copy == NULL)
    {
      g_ptr_array_add (rows, invalid_row (1, g_strdup (error->message)));
      return rows;
    }
  start = copy;

  if (db != NULL && bloc_year_id != 0)
    members = td_registry_list_members (db, bloc_year_id, NULL);
  if (db != NULL)
    units = td_registry_list_units (db, TRUE, NULL);
  for (guint i = 0; members != NULL && i < members->len; i++)
    g_hash_table_add (seen, td_text_fold (((TdMember *)members->pdata[i])->name));

  records = split_records (start, guess_separator (start), lines);
  for (guint r = 0; r < records->len; r++)
    {
      GPtrArray *fields = records->pdata[r];
      g_autofree gchar *name = field_at (fields, 0);
      g_autofree gchar *short_name = field_at (fields, 1);
      g_autofree gchar *kind = field_at (fields, 2);
      g_autofree gchar *folded = td_text_fold (name);
      TdImportRow *row;
      gboolean all_empty = name[0] == '\0' && short_name[0] == '\0' && kind[0] == '\0';

      /* A leading number column ("1", "2."), as Word tables have. */
      if (fields->len > 1 && name[0] != '\0' && strspn (name, "0123456789.") == strlen (name))
        {
          g_free (name);
          g_free (short_name);
          g_free (kind);
          g_free (folded);
          name = field_at (fields, 1);
          short_name = field_at (fields, 2);
          kind = field_at (fields, 3);
          folded = td_text_fold (name);
        }
      if (all_empty)
        continue;
      if (rows->len == 0 && is_header (folded))
        continue;

      row = g_new0 (TdImportRow, 1);
      row->line = g_array_index (lines, guint, r);
      row->name = g_steal_pointer (&name);
      row->short_name = g_steal_pointer (&short_name);
      row->kind = g_steal_pointer (&kind);
      if (!fields_valid (fields))
        {
          row->status = TD_IMPORT_INVALID;
          row->reason = g_strdup (_ ("This line is not UTF-8 text (the � marks what cannot be "
                                     "read). Save the file as “CSV UTF-8” and import it again."));
        }
      else if (row->name[0] == '\0')
        {
          row->status = TD_IMPORT_INVALID;
          row->reason = g_strdup (_ ("The name is empty."));
        }
      else if (g_utf8_strlen (row->name, -1) > MAX_NAME_CHARS)
        {
          row->status = TD_IMPORT_INVALID;
          row->reason
              = g_strdup_printf (_ ("The name is longer than %d characters."), MAX_NAME_CHARS);
        }
      else if (g_hash_table_contains (seen, folded))
        {
          row->status = TD_IMPORT_DUPLICATE;
          row->reason = g_strdup (_ ("Already in the bloc this year or earlier in the list."));
        }
      else
        {
          row->status = TD_IMPORT_ADD;
          row->existing_unit_id = find_unit_by_name (units, folded);
          if (row->existing_unit_id != 0)
            row->reason = g_strdup (_ ("An existing unit joins the bloc."));
          g_hash_table_add (seen, g_steal_pointer (&folded));
        }
      g_ptr_array_add (rows, row);
    }
  return rows;
}

guint
td_unit_import_count (GPtrArray *rows, TdImportStatus status)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (((TdImportRow *)rows->pdata[i])->status == status)
      n++;
  return n;
}

/* Writes the rows marked TD_IMPORT_ADD, all or none.  Returns how many
 * units joined the bloc-year, or -1 on error. */
gint
td_unit_import_apply (TdDb *db, gint64 bloc_year_id, GPtrArray *rows, GError **error)
{
  gint added = 0;

  if (!td_db_begin (db, error))
    return -1;
  for (guint i = 0; i < rows->len; i++)
    {
      TdImportRow *row = rows->pdata[i];
      gint64 id = row->existing_unit_id;

      if (row->status != TD_IMPORT_ADD)
        continue;
      if (id == 0)
        {
          g_autoptr (TdUnit) unit = td_unit_new ();

          unit->name = g_strdup (row->name);
          unit->short_name = g_strdup (row->short_name);
          unit->kind = g_strdup (row->kind);
          id = td_registry_add_unit (db, unit, error);
          if (id == 0)
            goto fail;
        }
      if (!td_registry_add_member (db, bloc_year_id, id, error))
        goto fail;
      added++;
    }
  if (!td_query_finish (db, TRUE, NULL, error))
    return -1;
  return added;

fail:
  td_query_finish (db, FALSE, NULL, error);
  return -1;
}
