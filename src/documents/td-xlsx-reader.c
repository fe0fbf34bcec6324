/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The .xlsx reader: libgsf for the zip, libxml2's xmlTextReader for the
 * XML, limits counted while reading (see td-xlsx-reader.h). */
#include "config.h"

#include "td-xlsx-reader.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-utils.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROW 1048576 /* Excel's limits */
#define MAX_COL 16384
#define MAX_TEXT 32767 /* characters in a cell */

G_DEFINE_QUARK (td - xlsx - reader - error - quark, td_xlsx_reader_error)

static const TdXlsxLimits default_limits = {
  .max_file_bytes = 20 * 1024 * 1024,
  .max_parts = 10000,
  .max_part_bytes = 48 * 1024 * 1024,
  .max_total_bytes = 96 * 1024 * 1024,
  .max_sheets = 256,
  .max_rows = 100000,
  .max_cells = 500000,
  .max_strings = 200000,
};

const TdXlsxLimits *
td_xlsx_limits_default (void)
{
  return &default_limits;
}

typedef struct
{
  gchar *name;
  gchar *part; /* path inside the archive */
  TdXlsxSheetState state;
} SheetInfo;

struct _TdXlsxReader
{
  TdXlsxLimits limits;
  GBytes *bytes;
  GsfInput *source;
  GsfInfile *zip;
  gsize total_read;
  gboolean date1904;
  gboolean structure_locked;
  GArray *sheets;     /* SheetInfo */
  GPtrArray *strings; /* shared strings, in strings_chunk */
  GStringChunk *strings_chunk;
  GArray *date_styles; /* gboolean per cell format (xf) index */
};

struct _TdXlsxSheet
{
  GArray *cells; /* TdXlsxCell, sorted by row then column */
  GStringChunk *chunk;
};

static void
sheet_info_clear (gpointer data)
{
  SheetInfo *s = data;
  g_free (s->name);
  g_free (s->part);
}

/* --- XML parts, streamed with a byte budget -------------------------------- */

typedef struct
{
  TdXlsxReader *reader;
  GsfInput *input;
  gsize read;
  gboolean too_large;
} PartStream;

static int
part_read (void *context, char *buffer, int len)
{
  PartStream *s = context;
  gsf_off_t remaining = gsf_input_remaining (s->input);
  size_t n = (size_t)MIN ((gsf_off_t)len, remaining);

  if (n == 0)
    return 0;
  if (s->read + n > s->reader->limits.max_part_bytes
      || s->reader->total_read + n > s->reader->limits.max_total_bytes)
    {
      s->too_large = TRUE;
      return -1;
    }
  if (gsf_input_read (s->input, n, (guint8 *)buffer) == NULL)
    return -1;
  s->read += n;
  s->reader->total_read += n;
  return (int)n;
}

static int
part_close (void *context)
{
  return 0;
}

static void
ignore_xml_error (void *arg, const char *msg, xmlParserSeverities severity,
                  xmlTextReaderLocatorPtr locator)
{
}

typedef struct
{
  xmlTextReaderPtr xml;
  PartStream stream;
  gchar *name;
} Part;

static gboolean
too_large (GError **error, const char *what)
{
  g_set_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_TOO_LARGE,
               _ ("The workbook is too large to be a form (%s)."), what);
  return FALSE;
}

static gboolean
damaged (GError **error, const char *part, const char *detail)
{
  g_set_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_DAMAGED,
               _ ("The workbook is damaged: its part %s cannot be read (%s)."), part, detail);
  return FALSE;
}

/* Looks a part up by its path, exactly, then without regard to case (Excel
 * treats part names so). */
static GsfInput *
find_part (GsfInfile *dir, const char *path)
{
  g_auto (GStrv) names = g_strsplit (path, "/", -1);
  GsfInfile *current = g_object_ref (dir);
  GsfInput *child = NULL;

  for (guint i = 0; names[i]; i++)
    {
      if (*names[i] == '\0')
        continue;
      child = gsf_infile_child_by_name (current, names[i]);
      if (child == NULL)
        for (int k = 0; k < gsf_infile_num_children (current) && child == NULL; k++)
          {
            const char *name = gsf_infile_name_by_index (current, k);
            if (name != NULL && g_ascii_strcasecmp (name, names[i]) == 0)
              child = gsf_infile_child_by_index (current, k);
          }
      g_object_unref (current);
      current = NULL;
      if (child == NULL)
        return NULL;
      if (names[i + 1] != NULL)
        {
          if (!GSF_IS_INFILE (child))
            {
              g_object_unref (child);
              return NULL;
            }
          current = GSF_INFILE (child);
          child = NULL;
        }
    }
  g_clear_object (&current);
  if (child != NULL && GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
    {
      /* A directory, not a part. */
      g_object_unref (child);
      return NULL;
    }
  return child;
}

static gboolean
part_open (TdXlsxReader *reader, const char *path, gboolean required, Part *part, GError **error)
{
  GsfInput *input = find_part (reader->zip, path);

  memset (part, 0, sizeof *part);
  if (input == NULL)
    {
      if (required)
        return damaged (error, path, _ ("missing"));
      return TRUE;
    }
  if (gsf_input_size (input) < 0 || (gsize)gsf_input_size (input) > reader->limits.max_part_bytes)
    {
      g_object_unref (input);
      return too_large (error, path);
    }
  part->name = g_strdup (path);
  part->stream.reader = reader;
  part->stream.input = input;
  part->xml = xmlReaderForIO (part_read, part_close, &part->stream, NULL, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (part->xml == NULL)
    {
      g_clear_object (&part->stream.input);
      return damaged (error, path, "XML");
    }
  xmlTextReaderSetErrorHandler (part->xml, ignore_xml_error, NULL);
  return TRUE;
}

static void
part_close_all (Part *part)
{
  if (part->xml != NULL)
    xmlFreeTextReader (part->xml);
  g_clear_object (&part->stream.input);
  g_clear_pointer (&part->name, g_free);
  part->xml = NULL;
}

/* The next node; 1 for a node, 0 at the end, −1 (and @error) on a broken
 * or oversized part or a document type declaration. */
static int
part_next (Part *part, GError **error)
{
  int r = xmlTextReaderRead (part->xml);

  if (r < 0)
    {
      if (part->stream.too_large)
        too_large (error, part->name);
      else
        damaged (error, part->name, "XML");
      return -1;
    }
  if (r == 1 && xmlTextReaderNodeType (part->xml) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_UNSAFE,
                   _ ("The workbook's part %s declares a document type, which workbooks never "
                      "do; it was not read."),
                   part->name);
      return -1;
    }
  return r;
}

static const char *
local_name (Part *part)
{
  return (const char *)xmlTextReaderConstLocalName (part->xml);
}

static gboolean
is_element (Part *part, const char *name)
{
  return xmlTextReaderNodeType (part->xml) == XML_READER_TYPE_ELEMENT
         && g_strcmp0 (local_name (part), name) == 0;
}

static gboolean
is_end (Part *part, const char *name)
{
  return xmlTextReaderNodeType (part->xml) == XML_READER_TYPE_END_ELEMENT
         && g_strcmp0 (local_name (part), name) == 0;
}

/* An attribute by local name, ignoring its namespace; @qualified: only an
 * attribute with a namespace (r:id). */
static gchar *
attribute (Part *part, const char *name, gboolean qualified)
{
  gchar *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (part->xml) != 1)
    return NULL;
  do
    {
      const char *ln = (const char *)xmlTextReaderConstLocalName (part->xml);
      const char *ns = (const char *)xmlTextReaderConstNamespaceUri (part->xml);

      if (g_strcmp0 (ln, name) == 0 && (!qualified || (ns != NULL && *ns)))
        {
          value = g_strdup ((const char *)xmlTextReaderConstValue (part->xml));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (part->xml) == 1);
  xmlTextReaderMoveToElement (part->xml);
  return value;
}

static gboolean
is_true (const char *value)
{
  return value != NULL
         && (g_strcmp0 (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0
             || g_ascii_strcasecmp (value, "on") == 0);
}

/* --- part names -------------------------------------------------------------- */

/* @target relative to the folder of @base (a part path), or absolute
 * ("/xl/…"); NULL when it climbs out of the archive. */
static gchar *
resolve_target (const char *base, const char *target)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) pieces = NULL;
  GString *out;

  if (target == NULL || *target == '\0' || strchr (target, '\\') != NULL
      || strstr (target, "://") != NULL)
    return NULL;
  if (target[0] != '/' && base != NULL)
    {
      g_auto (GStrv) base_pieces = g_strsplit (base, "/", -1);
      for (guint i = 0; base_pieces[i] && base_pieces[i + 1]; i++)
        if (*base_pieces[i])
          g_ptr_array_add (parts, g_strdup (base_pieces[i]));
    }
  pieces = g_strsplit (target, "/", -1);
  for (guint i = 0; pieces[i]; i++)
    {
      if (*pieces[i] == '\0' || g_str_equal (pieces[i], "."))
        continue;
      if (g_str_equal (pieces[i], ".."))
        {
          if (parts->len == 0)
            return NULL;
          g_ptr_array_remove_index (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, g_strdup (pieces[i]));
    }
  if (parts->len == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (out, "%s%s", i ? "/" : "", (char *)parts->pdata[i]);
  return g_string_free (out, FALSE);
}

/* "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" */
static gchar *
rels_path (const char *part)
{
  const char *slash = strrchr (part, '/');
  g_autofree gchar *dir = slash ? g_strndup (part, slash - part + 1) : g_strdup ("");
  return g_strdup_printf ("%s_rels/%s.rels", dir, slash ? slash + 1 : part);
}

typedef struct
{
  gchar *id, *type, *target;
} Rel;

static void
rel_free (gpointer data)
{
  Rel *r = data;
  g_free (r->id);
  g_free (r->type);
  g_free (r->target);
  g_free (r);
}

/* The relationships of @part (internal ones, targets resolved); an empty
 * array when it has none. */
static GPtrArray *
read_rels (TdXlsxReader *reader, const char *part_path, GError **error)
{
  g_autofree gchar *path = part_path ? rels_path (part_path) : g_strdup ("_rels/.rels");
  g_autoptr (GPtrArray) rels = g_ptr_array_new_with_free_func (rel_free);
  Part part;
  int r;

  if (!part_open (reader, path, FALSE, &part, error))
    return NULL;
  if (part.xml == NULL)
    return g_steal_pointer (&rels);
  while ((r = part_next (&part, error)) == 1)
    if (is_element (&part, "Relationship"))
      {
        g_autofree gchar *mode = attribute (&part, "TargetMode", FALSE);
        g_autofree gchar *target = attribute (&part, "Target", FALSE);
        Rel *rel;

        if (g_strcmp0 (mode, "External") == 0)
          continue;
        if (rels->len >= reader->limits.max_parts)
          {
            part_close_all (&part);
            too_large (error, path);
            return NULL;
          }
        rel = g_new0 (Rel, 1);
        rel->id = attribute (&part, "Id", FALSE);
        rel->type = attribute (&part, "Type", FALSE);
        rel->target = resolve_target (part_path, target);
        if (rel->target == NULL && target != NULL)
          {
            rel_free (rel);
            part_close_all (&part);
            g_set_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_UNSAFE,
                         _ ("The workbook refers to a part outside itself (%s); it was not "
                            "read."),
                         target);
            return NULL;
          }
        g_ptr_array_add (rels, rel);
      }
  part_close_all (&part);
  return r < 0 ? NULL : g_steal_pointer (&rels);
}

static const Rel *
rel_by_type (GPtrArray *rels, const char *type_suffix)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Rel *r = rels->pdata[i];
      if (r->type && r->target && g_str_has_suffix (r->type, type_suffix))
        return r;
    }
  return NULL;
}

static const Rel *
rel_by_id (GPtrArray *rels, const char *id)
{
  for (guint i = 0; i < rels->len && id; i++)
    {
      const Rel *r = rels->pdata[i];
      if (g_strcmp0 (r->id, id) == 0 && r->target)
        return r;
    }
  return NULL;
}

/* --- text ---------------------------------------------------------------------- */

/* OOXML writes characters XML cannot hold as _xHHHH_ ("_x000D_"). */
static void
append_unescaped (GString *out, const char *text)
{
  if (strstr (text, "_x") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  for (const char *p = text; *p;)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3])
          && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar)g_ascii_strtoull (p + 2, NULL, 16);
          if (g_unichar_validate (c) && c != 0)
            g_string_append_unichar (out, c);
          p += 7;
          continue;
        }
      g_string_append_c (out, *p++);
    }
}

/* Text nodes inside the element the reader is on, up to its end.  Runs
 * (<r><t>) are joined; phonetic runs (<rPh>) are skipped. */
static gboolean
read_text (Part *part, const char *element, GString *out, GError **error)
{
  gint depth = xmlTextReaderDepth (part->xml);
  gboolean in_phonetic = FALSE;
  int r;

  if (xmlTextReaderIsEmptyElement (part->xml))
    return TRUE;
  while ((r = part_next (part, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part->xml);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (part->xml) == depth)
        return TRUE;
      if (type == XML_READER_TYPE_ELEMENT && g_strcmp0 (local_name (part), "rPh") == 0
          && !xmlTextReaderIsEmptyElement (part->xml))
        in_phonetic = TRUE;
      else if (type == XML_READER_TYPE_END_ELEMENT && g_strcmp0 (local_name (part), "rPh") == 0)
        in_phonetic = FALSE;
      else if (!in_phonetic
               && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
                   || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                   || type == XML_READER_TYPE_WHITESPACE))
        {
          const char *value = (const char *)xmlTextReaderConstValue (part->xml);
          /* Whitespace between elements is not text; inside <t> it is. */
          const char *parent = NULL;
          if (type == XML_READER_TYPE_WHITESPACE)
            {
              xmlNodePtr node = xmlTextReaderCurrentNode (part->xml);
              parent = node && node->parent ? (const char *)node->parent->name : NULL;
              if (parent == NULL
                  || g_strcmp0 (strchr (parent, ':') ? strchr (parent, ':') + 1 : parent, "t") != 0)
                continue;
            }
          if (value != NULL)
            append_unescaped (out, value);
          if (out->len > MAX_TEXT * 4)
            return too_large (error, part->name);
        }
    }
  if (r == 0)
    return damaged (error, part->name, element);
  return FALSE;
}

/* --- workbook, shared strings, styles ------------------------------------------ */

static gboolean
read_workbook (TdXlsxReader *reader, const char *path, GPtrArray *rels, GError **error)
{
  Part part;
  int r;

  if (!part_open (reader, path, TRUE, &part, error))
    return FALSE;
  while ((r = part_next (&part, error)) == 1)
    {
      if (is_element (&part, "workbookPr"))
        {
          g_autofree gchar *d = attribute (&part, "date1904", FALSE);
          reader->date1904 = is_true (d);
        }
      else if (is_element (&part, "workbookProtection"))
        {
          g_autofree gchar *s = attribute (&part, "lockStructure", FALSE);
          reader->structure_locked = is_true (s);
        }
      else if (is_element (&part, "sheet"))
        {
          g_autofree gchar *id = attribute (&part, "id", TRUE);
          g_autofree gchar *state = attribute (&part, "state", FALSE);
          const Rel *rel = rel_by_id (rels, id);
          SheetInfo info = { 0 };

          if (reader->sheets->len >= reader->limits.max_sheets)
            {
              part_close_all (&part);
              return too_large (error, _ ("too many sheets"));
            }
          info.name = attribute (&part, "name", FALSE);
          if (info.name == NULL || !g_utf8_validate (info.name, -1, NULL))
            {
              g_free (info.name);
              continue;
            }
          info.part = rel ? g_strdup (rel->target) : NULL;
          info.state = g_strcmp0 (state, "veryHidden") == 0 ? TD_XLSX_SHEET_VERY_HIDDEN
                       : g_strcmp0 (state, "hidden") == 0   ? TD_XLSX_SHEET_HIDDEN
                                                            : TD_XLSX_SHEET_VISIBLE;
          g_array_append_val (reader->sheets, info);
        }
    }
  part_close_all (&part);
  return r == 0;
}

static gboolean
read_shared_strings (TdXlsxReader *reader, const char *path, GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  Part part;
  int r;

  if (!part_open (reader, path, FALSE, &part, error))
    return FALSE;
  if (part.xml == NULL)
    return TRUE;
  while ((r = part_next (&part, error)) == 1)
    if (is_element (&part, "si"))
      {
        if (reader->strings->len >= reader->limits.max_strings)
          {
            part_close_all (&part);
            return too_large (error, _ ("too many strings"));
          }
        g_string_truncate (text, 0);
        if (!read_text (&part, "si", text, error))
          {
            part_close_all (&part);
            return FALSE;
          }
        g_ptr_array_add (reader->strings, g_string_chunk_insert (reader->strings_chunk, text->str));
      }
  part_close_all (&part);
  return r == 0;
}

/* A number format shows a date when it has day, month or year codes
 * outside quoted text, escapes and [colour]/[locale] brackets. */
static gboolean
format_is_date (const char *code)
{
  gboolean quoted = FALSE;

  for (const char *p = code; p && *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1])
            p++;
        }
      else if (*p == '[')
        {
          const char *end = strchr (p, ']');
          if (end == NULL)
            return FALSE;
          p = end;
        }
      else if (strchr ("dDmMyY", *p))
        return TRUE;
      else if (*p == ';')
        return FALSE; /* the first section decides */
    }
  return FALSE;
}

static gboolean
builtin_date (guint id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static gboolean
read_styles (TdXlsxReader *reader, const char *path, GError **error)
{
  g_autoptr (GHashTable) custom = g_hash_table_new (NULL, NULL); /* id → is date */
  gboolean in_cell_xfs = FALSE;
  Part part;
  int r;

  if (!part_open (reader, path, FALSE, &part, error))
    return FALSE;
  if (part.xml == NULL)
    return TRUE;
  while ((r = part_next (&part, error)) == 1)
    {
      if (is_element (&part, "numFmt"))
        {
          g_autofree gchar *id = attribute (&part, "numFmtId", FALSE);
          g_autofree gchar *code = attribute (&part, "formatCode", FALSE);
          guint64 n;
          if (id && g_ascii_string_to_unsigned (id, 10, 0, 100000, &n, NULL))
            g_hash_table_insert (custom, GUINT_TO_POINTER ((guint)n + 1),
                                 GINT_TO_POINTER (format_is_date (code)));
        }
      else if (is_element (&part, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (part.xml);
      else if (is_end (&part, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && is_element (&part, "xf"))
        {
          g_autofree gchar *id = attribute (&part, "numFmtId", FALSE);
          guint64 n = 0;
          gboolean date = FALSE;

          if (reader->date_styles->len >= 65536)
            {
              part_close_all (&part);
              return too_large (error, _ ("too many cell formats"));
            }
          if (id && g_ascii_string_to_unsigned (id, 10, 0, 100000, &n, NULL))
            {
              gpointer found;
              if (g_hash_table_lookup_extended (custom, GUINT_TO_POINTER ((guint)n + 1), NULL,
                                                &found))
                date = GPOINTER_TO_INT (found);
              else
                date = builtin_date ((guint)n);
            }
          g_array_append_val (reader->date_styles, date);
        }
    }
  part_close_all (&part);
  return r == 0;
}

/* --- opening ---------------------------------------------------------------------- */

static gpointer
init_libraries (gpointer data)
{
  gsf_init ();
  xmlInitParser ();
  return NULL;
}

/* The zip's end-of-directory record says how many parts it holds; a
 * directory of a million entries is refused before libgsf loads it. */
static gboolean
check_directory (TdXlsxReader *reader, const guint8 *data, gsize length, GError **error)
{
  gsize start = length > 65536 + 22 ? length - 65536 - 22 : 0;

  for (gsize i = length >= 22 ? length - 22 + 1 : 0; i-- > start;)
    if (data[i] == 'P' && data[i + 1] == 'K' && data[i + 2] == 5 && data[i + 3] == 6)
      {
        guint entries = data[i + 10] | data[i + 11] << 8;
        if (entries != 0xffff && entries > reader->limits.max_parts)
          return too_large (error, _ ("too many parts"));
        return TRUE;
      }
  g_set_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_NOT_XLSX,
               _ ("The file is not a complete Excel workbook (it may be cut short)."));
  return FALSE;
}

static gboolean
open_parts (TdXlsxReader *reader, GError **error)
{
  g_autoptr (GPtrArray) root_rels = NULL;
  g_autoptr (GPtrArray) rels = NULL;
  g_autofree gchar *workbook = NULL;
  GsfInput *found;
  const Rel *rel;
  GError *local = NULL;

  reader->source = gsf_input_memory_new (g_bytes_get_data (reader->bytes, NULL),
                                         (gsf_off_t)g_bytes_get_size (reader->bytes), FALSE);
  reader->zip = gsf_infile_zip_new (reader->source, &local);
  if (reader->zip == NULL)
    {
      g_set_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_NOT_XLSX,
                   _ ("The file is not a readable Excel workbook: %s"),
                   local ? local->message : "zip");
      g_clear_error (&local);
      return FALSE;
    }
  root_rels = read_rels (reader, NULL, error);
  if (root_rels == NULL)
    return FALSE;
  rel = rel_by_type (root_rels, "/officeDocument");
  workbook = g_strdup (rel ? rel->target : "xl/workbook.xml");
  rels = read_rels (reader, workbook, error);
  if (rels == NULL)
    return FALSE;
  found = find_part (reader->zip, workbook);
  if (found == NULL)
    {
      g_set_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_NOT_XLSX,
                   _ ("The file is a zip archive but not an Excel workbook (it has no "
                      "workbook part)."));
      return FALSE;
    }
  g_object_unref (found);
  if (!read_workbook (reader, workbook, rels, error))
    return FALSE;
  rel = rel_by_type (rels, "/sharedStrings");
  if (!read_shared_strings (reader, rel ? rel->target : "xl/sharedStrings.xml", error))
    return FALSE;
  rel = rel_by_type (rels, "/styles");
  return read_styles (reader, rel ? rel->target : "xl/styles.xml", error);
}

TdXlsxReader *
td_xlsx_reader_open_bytes (GBytes *bytes, const TdXlsxLimits *limits, GError **error)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr (TdXlsxReader) reader = g_new0 (TdXlsxReader, 1);
  gsize length = g_bytes_get_size (bytes);

  g_once (&once, init_libraries, NULL);
  reader->limits = limits ? *limits : default_limits;
  reader->bytes = g_bytes_ref (bytes);
  reader->sheets = g_array_new (FALSE, TRUE, sizeof (SheetInfo));
  g_array_set_clear_func (reader->sheets, sheet_info_clear);
  reader->strings = g_ptr_array_new ();
  reader->strings_chunk = g_string_chunk_new (4096);
  reader->date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (length > reader->limits.max_file_bytes)
    {
      too_large (error, _ ("the file is over 20 MB"));
      return NULL;
    }
  if (length < 4 || memcmp (g_bytes_get_data (bytes, NULL), "PK", 2) != 0)
    {
      g_set_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_NOT_XLSX,
                   _ ("The file is not an Excel workbook (.xlsx)."));
      return NULL;
    }
  if (!check_directory (reader, g_bytes_get_data (bytes, NULL), length, error)
      || !open_parts (reader, error))
    return NULL;
  return g_steal_pointer (&reader);
}

TdXlsxReader *
td_xlsx_reader_open (const char *path, const TdXlsxLimits *limits, GError **error)
{
  const TdXlsxLimits *l = limits ? limits : &default_limits;
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && (gsize)st.st_size > l->max_file_bytes)
    {
      too_large (error, _ ("the file is over 20 MB"));
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  return td_xlsx_reader_open_bytes (bytes, limits, error);
}

void
td_xlsx_reader_free (TdXlsxReader *reader)
{
  if (reader == NULL)
    return;
  g_clear_object (&reader->zip);
  g_clear_object (&reader->source);
  g_bytes_unref (reader->bytes);
  g_array_unref (reader->sheets);
  g_ptr_array_unref (reader->strings);
  g_string_chunk_free (reader->strings_chunk);
  g_array_unref (reader->date_styles);
  g_free (reader);
}

guint
td_xlsx_reader_get_n_sheets (TdXlsxReader *reader)
{
  return reader->sheets->len;
}

const char *
td_xlsx_reader_get_sheet_name (TdXlsxReader *reader, guint index)
{
  g_return_val_if_fail (index < reader->sheets->len, NULL);
  return g_array_index (reader->sheets, SheetInfo, index).name;
}

TdXlsxSheetState
td_xlsx_reader_get_sheet_state (TdXlsxReader *reader, guint index)
{
  g_return_val_if_fail (index < reader->sheets->len, TD_XLSX_SHEET_VISIBLE);
  return g_array_index (reader->sheets, SheetInfo, index).state;
}

gint
td_xlsx_reader_find_sheet (TdXlsxReader *reader, const char *name)
{
  g_autofree gchar *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; i < reader->sheets->len; i++)
    {
      g_autofree gchar *folded
          = g_utf8_casefold (g_array_index (reader->sheets, SheetInfo, i).name, -1);
      if (g_str_equal (folded, wanted))
        return (gint)i;
    }
  return -1;
}

gboolean
td_xlsx_reader_get_structure_locked (TdXlsxReader *reader)
{
  return reader->structure_locked;
}

/* --- sheets ------------------------------------------------------------------------- */

/* "AB12" → (11, 27); FALSE when it is not a cell reference within Excel's
 * grid. */
static gboolean
parse_ref (const char *ref, guint32 *row, guint32 *col)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  if (ref == NULL)
    return FALSE;
  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > MAX_COL)
        return FALSE;
    }
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (*p - '0');
      if (r > MAX_ROW)
        return FALSE;
    }
  if (*p != '\0' || c == 0 || r == 0)
    return FALSE;
  *row = (guint32)(r - 1);
  *col = (guint32)(c - 1);
  return TRUE;
}

static gboolean
parse_number (const char *text, double *out)
{
  gchar *end = NULL;
  double v;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  v = g_ascii_strtod (text, &end);
  while (end && g_ascii_isspace (*end))
    end++;
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

/* "2024-12-30" or "2024-12-30T08:15:00" (t="d") → a 1900-system serial. */
static gboolean
parse_iso_date (const char *text, double *serial)
{
  gint y, m, d, hh = 0, mm = 0, ss = 0;
  GDate date, base;

  if (text == NULL || sscanf (text, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (strchr (text, 'T') != NULL)
    sscanf (strchr (text, 'T') + 1, "%d:%d:%d", &hh, &mm, &ss);
  g_date_clear (&date, 1);
  g_date_clear (&base, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_set_dmy (&base, 30, 12, 1899);
  *serial = g_date_days_between (&base, &date) + (hh * 3600 + mm * 60 + ss) / 86400.0;
  return TRUE;
}

static gint
compare_cells (gconstpointer a, gconstpointer b)
{
  const TdXlsxCell *x = a, *y = b;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col ? 1 : 0;
}

typedef struct
{
  TdXlsxReader *reader;
  TdXlsxSheet *sheet;
  Part *part;
  GString *value;
  GString *inline_text;
  guint n_rows; /* <row> elements */
  guint32 row, next_col;
} SheetParse;

/* One <c> element and what it holds. */
static gboolean
read_cell (SheetParse *sp, GError **error)
{
  Part *part = sp->part;
  g_autofree gchar *ref = NULL, *type = NULL, *style = NULL;
  gboolean has_value = FALSE, has_inline = FALSE, positioned = FALSE;
  TdXlsxCell cell = { 0 };
  gint depth = xmlTextReaderDepth (part->xml);
  int r;

  /* The three attributes of a cell in one pass (a form has thousands). */
  if (xmlTextReaderMoveToFirstAttribute (part->xml) == 1)
    {
      do
        {
          const char *name = (const char *)xmlTextReaderConstLocalName (part->xml);
          gchar **slot = name[0] == '\0' || name[1] != '\0' ? NULL
                         : name[0] == 'r'                   ? &ref
                         : name[0] == 't'                   ? &type
                         : name[0] == 's'                   ? &style
                                                            : NULL;
          if (slot != NULL && *slot == NULL)
            *slot = g_strdup ((const char *)xmlTextReaderConstValue (part->xml));
        }
      while (xmlTextReaderMoveToNextAttribute (part->xml) == 1);
      xmlTextReaderMoveToElement (part->xml);
    }
  if (ref != NULL)
    {
      if (!parse_ref (ref, &cell.row, &cell.col))
        return damaged (error, part->name, ref);
    }
  else
    {
      if (sp->next_col >= MAX_COL)
        return damaged (error, part->name, "c");
      cell.row = sp->row;
      cell.col = sp->next_col;
    }
  sp->row = cell.row;
  sp->next_col = cell.col + 1;
  g_string_truncate (sp->value, 0);
  g_string_truncate (sp->inline_text, 0);

  r = 1;
  if (!xmlTextReaderIsEmptyElement (part->xml))
    while (positioned || (r = part_next (part, error)) == 1)
      {
        int node = xmlTextReaderNodeType (part->xml);

        positioned = FALSE;

        if (node == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (part->xml) == depth)
          break;
        if (node != XML_READER_TYPE_ELEMENT)
          continue;
        if (g_strcmp0 (local_name (part), "v") == 0)
          {
            has_value = TRUE;
            if (!read_text (part, "v", sp->value, error))
              return FALSE;
          }
        else if (g_strcmp0 (local_name (part), "f") == 0)
          {
            /* Only the cached value matters; the formula's text (long
             * nested IFs on a form) is skipped unread. */
            cell.formula = TRUE;
            if (!xmlTextReaderIsEmptyElement (part->xml))
              {
                r = xmlTextReaderNext (part->xml);
                if (r < 0)
                  return part->stream.too_large ? too_large (error, part->name)
                                                : damaged (error, part->name, "f");
                positioned = r == 1; /* on the node after </f> */
              }
          }
        else if (g_strcmp0 (local_name (part), "is") == 0)
          {
            has_inline = TRUE;
            if (!read_text (part, "is", sp->inline_text, error))
              return FALSE;
          }
      }
  if (r == 0)
    return damaged (error, part->name, "c");
  if (r < 0)
    return FALSE;

  /* openpyxl writes <v></v> for a formula it did not compute. */
  if (has_value && g_strcmp0 (type, "inlineStr") != 0)
    {
      g_strstrip (sp->value->str);
      sp->value->len = strlen (sp->value->str);
      has_value = sp->value->len > 0;
    }
  if (g_strcmp0 (type, "inlineStr") == 0 || (has_inline && !has_value))
    {
      cell.type = TD_XLSX_STRING;
      cell.text = g_string_chunk_insert_const (sp->sheet->chunk, sp->inline_text->str);
    }
  else if (!has_value)
    return TRUE; /* a formatted empty cell */
  else if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index;
      if (!g_ascii_string_to_unsigned (g_strstrip (sp->value->str), 10, 0, G_MAXUINT32, &index,
                                       NULL)
          || index >= sp->reader->strings->len)
        return damaged (error, part->name, _ ("a shared string that does not exist"));
      cell.type = TD_XLSX_STRING;
      cell.text = sp->reader->strings->pdata[index];
      cell.text = g_string_chunk_insert_const (sp->sheet->chunk, cell.text);
    }
  else if (g_strcmp0 (type, "str") == 0)
    {
      cell.type = TD_XLSX_STRING;
      cell.text = g_string_chunk_insert_const (sp->sheet->chunk, sp->value->str);
    }
  else if (g_strcmp0 (type, "e") == 0)
    {
      cell.type = TD_XLSX_ERROR;
      cell.text = g_string_chunk_insert_const (sp->sheet->chunk, g_strstrip (sp->value->str));
    }
  else if (g_strcmp0 (type, "b") == 0)
    {
      cell.type = TD_XLSX_BOOL;
      cell.number = g_strcmp0 (g_strstrip (sp->value->str), "1") == 0 ? 1 : 0;
    }
  else if (g_strcmp0 (type, "d") == 0)
    {
      if (!parse_iso_date (sp->value->str, &cell.number))
        return damaged (error, part->name, sp->value->str);
      cell.type = TD_XLSX_DATE;
    }
  else
    {
      guint64 xf = 0;
      if (!parse_number (sp->value->str, &cell.number))
        return damaged (error, part->name, _ ("a number that cannot be read"));
      cell.type = TD_XLSX_NUMBER;
      if (style && g_ascii_string_to_unsigned (style, 10, 0, G_MAXUINT32, &xf, NULL)
          && xf < sp->reader->date_styles->len
          && g_array_index (sp->reader->date_styles, gboolean, xf))
        {
          cell.type = TD_XLSX_DATE;
          if (sp->reader->date1904)
            cell.number += 1462;
        }
    }
  if (sp->sheet->cells->len >= sp->reader->limits.max_cells)
    return too_large (error, _ ("too many cells"));
  g_array_append_val (sp->sheet->cells, cell);
  return TRUE;
}

TdXlsxSheet *
td_xlsx_reader_read_sheet (TdXlsxReader *reader, guint index, GError **error)
{
  g_autoptr (TdXlsxSheet) sheet = g_new0 (TdXlsxSheet, 1);
  g_autoptr (GString) value = g_string_new (NULL);
  g_autoptr (GString) inline_text = g_string_new (NULL);
  SheetInfo *info;
  SheetParse sp = { 0 };
  gboolean sorted = TRUE;
  Part part;
  int r;

  g_return_val_if_fail (index < reader->sheets->len, NULL);
  info = &g_array_index (reader->sheets, SheetInfo, index);
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (TdXlsxCell));
  sheet->chunk = g_string_chunk_new (4096);
  if (info->part == NULL)
    {
      damaged (error, info->name, _ ("missing"));
      return NULL;
    }
  if (!part_open (reader, info->part, TRUE, &part, error))
    return NULL;
  sp.reader = reader;
  sp.sheet = sheet;
  sp.part = &part;
  sp.value = value;
  sp.inline_text = inline_text;
  while ((r = part_next (&part, error)) == 1)
    {
      if (is_element (&part, "row"))
        {
          g_autofree gchar *row = attribute (&part, "r", FALSE);
          guint64 n;

          if (++sp.n_rows > reader->limits.max_rows)
            {
              too_large (error, _ ("too many rows"));
              r = -1;
              break;
            }
          if (row != NULL)
            {
              if (!g_ascii_string_to_unsigned (row, 10, 1, MAX_ROW, &n, NULL))
                {
                  damaged (error, part.name, row);
                  r = -1;
                  break;
                }
              sp.row = (guint32)(n - 1);
            }
          else if (sp.n_rows > 1)
            sp.row++;
          sp.next_col = 0;
        }
      else if (is_element (&part, "c") && !read_cell (&sp, error))
        {
          r = -1;
          break;
        }
    }
  part_close_all (&part);
  if (r < 0)
    return NULL;
  for (guint i = 1; i < sheet->cells->len && sorted; i++)
    sorted = compare_cells (&g_array_index (sheet->cells, TdXlsxCell, i - 1),
                            &g_array_index (sheet->cells, TdXlsxCell, i))
             < 0;
  if (!sorted)
    g_array_sort (sheet->cells, compare_cells);
  return g_steal_pointer (&sheet);
}

void
td_xlsx_sheet_free (TdXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;
  if (sheet->cells)
    g_array_unref (sheet->cells);
  if (sheet->chunk)
    g_string_chunk_free (sheet->chunk);
  g_free (sheet);
}

const TdXlsxCell *
td_xlsx_sheet_get_cell (TdXlsxSheet *sheet, guint32 row, guint32 col)
{
  TdXlsxCell key = { .row = row, .col = col };
  guint lo = 0, hi = sheet->cells->len;

  /* The last of equal cells wins, as when a writer repeats one. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (compare_cells (&g_array_index (sheet->cells, TdXlsxCell, mid), &key) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo > 0 && compare_cells (&g_array_index (sheet->cells, TdXlsxCell, lo - 1), &key) == 0)
    return &g_array_index (sheet->cells, TdXlsxCell, lo - 1);
  return NULL;
}

guint
td_xlsx_sheet_get_n_cells (TdXlsxSheet *sheet)
{
  return sheet->cells->len;
}

const TdXlsxCell *
td_xlsx_sheet_get_nth_cell (TdXlsxSheet *sheet, guint n)
{
  g_return_val_if_fail (n < sheet->cells->len, NULL);
  return &g_array_index (sheet->cells, TdXlsxCell, n);
}

gchar *
td_xlsx_cell_to_text (const TdXlsxCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (cell == NULL)
    return g_strdup ("");
  switch (cell->type)
    {
    case TD_XLSX_STRING:
    case TD_XLSX_ERROR:
      return g_strdup (cell->text);
    case TD_XLSX_BOOL:
      return g_strdup (cell->number != 0 ? "TRUE" : "FALSE");
    case TD_XLSX_DATE:
      {
        GDate date;
        double days = floor (cell->number);

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 30, 12, 1899);
        /* Serial 60 is Excel's 29/02/1900, which never was; before it the
         * serials are one day off. */
        if (days >= 1 && days < 60)
          days += 1;
        if (days < 1 || days > 2958465)
          {
            g_ascii_formatd (buffer, sizeof buffer, "%.15g", cell->number);
            return g_strdup (buffer);
          }
        g_date_add_days (&date, (guint)days);
        return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&date), g_date_get_month (&date),
                                g_date_get_year (&date));
      }
    case TD_XLSX_NUMBER:
    default:
      {
        /* 15 significant digits, as Excel shows: 0.1 + 0.2 reads 0.3. */
        g_ascii_formatd (buffer, sizeof buffer, "%.15g", cell->number);
        return g_strdup (buffer);
      }
    }
}

gchar *
td_xlsx_cell_name (guint32 row, guint32 col)
{
  char letters[8];
  gint n = 0;
  guint32 c = col + 1;
  GString *out = g_string_new (NULL);

  while (c > 0 && n < (gint)sizeof letters)
    {
      letters[n++] = (char)('A' + (c - 1) % 26);
      c = (c - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (out, letters[--n]);
  g_string_append_printf (out, "%u", row + 1);
  return g_string_free (out, FALSE);
}
