/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The .xlsx reader: libgsf for the zip, libxml2's xmlTextReader for the
 * XML, limits counted while reading (see td-xlsx-reader.h); the workbook,
 * its relationships, shared strings and styles.  The sheets are read in
 * td-xlsx-sheet.c. */
#include "config.h"

#include "td-record.h"
#include "td-xlsx-reader-private.h"

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

/* clang-format off */
G_DEFINE_QUARK (td-xlsx-reader-error-quark, td_xlsx_reader_error)
/* clang-format on */

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

static void
sheet_info_clear (gpointer data)
{
  TdXlsxSheetInfo *s = data;
  g_free (s->name);
  g_free (s->part);
}

/* --- XML parts, streamed with a byte budget -------------------------------- */

static int
part_read (void *context, char *buffer, int len)
{
  TdXlsxPartStream *s = context;
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

gboolean
td_xlsx_too_large (GError **error, const char *what)
{
  g_set_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_TOO_LARGE,
               _ ("The workbook is too large to be a form (%s)."), what);
  return FALSE;
}

gboolean
td_xlsx_damaged (GError **error, const char *part, const char *detail)
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

gboolean
td_xlsx_part_open (TdXlsxReader *reader, const char *path, gboolean required, TdXlsxPart *part,
                   GError **error)
{
  GsfInput *input = find_part (reader->zip, path);

  memset (part, 0, sizeof *part);
  if (input == NULL)
    {
      if (required)
        return td_xlsx_damaged (error, path, _ ("missing"));
      return TRUE;
    }
  if (gsf_input_size (input) < 0 || (gsize)gsf_input_size (input) > reader->limits.max_part_bytes)
    {
      g_object_unref (input);
      return td_xlsx_too_large (error, path);
    }
  part->name = g_strdup (path);
  part->stream.reader = reader;
  part->stream.input = input;
  part->xml = xmlReaderForIO (part_read, part_close, &part->stream, NULL, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (part->xml == NULL)
    {
      g_clear_object (&part->stream.input);
      return td_xlsx_damaged (error, path, "XML");
    }
  xmlTextReaderSetErrorHandler (part->xml, ignore_xml_error, NULL);
  return TRUE;
}

void
td_xlsx_part_close (TdXlsxPart *part)
{
  if (part->xml != NULL)
    xmlFreeTextReader (part->xml);
  g_clear_object (&part->stream.input);
  g_clear_pointer (&part->name, g_free);
  part->xml = NULL;
}

/* The next node; 1 for a node, 0 at the end, −1 (and @error) on a broken
 * or oversized part or a document type declaration. */
int
td_xlsx_part_next (TdXlsxPart *part, GError **error)
{
  int r = xmlTextReaderRead (part->xml);

  if (r < 0)
    {
      if (part->stream.too_large)
        td_xlsx_too_large (error, part->name);
      else
        td_xlsx_damaged (error, part->name, "XML");
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

const char *
td_xlsx_part_local_name (TdXlsxPart *part)
{
  return (const char *)xmlTextReaderConstLocalName (part->xml);
}

gboolean
td_xlsx_part_is_element (TdXlsxPart *part, const char *name)
{
  return xmlTextReaderNodeType (part->xml) == XML_READER_TYPE_ELEMENT
         && g_strcmp0 (td_xlsx_part_local_name (part), name) == 0;
}

static gboolean
is_end (TdXlsxPart *part, const char *name)
{
  return xmlTextReaderNodeType (part->xml) == XML_READER_TYPE_END_ELEMENT
         && g_strcmp0 (td_xlsx_part_local_name (part), name) == 0;
}

/* An attribute by local name, ignoring its namespace; @qualified: only an
 * attribute with a namespace (r:id). */
gchar *
td_xlsx_part_attribute (TdXlsxPart *part, const char *name, gboolean qualified)
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

/* Called on each node of a part by read_part() (the reader is
 * part->stream.reader); FALSE (with @error set) stops the reading. */
typedef gboolean (*NodeFunc) (TdXlsxPart *part, gpointer data, GError **error);

/* Opens the part at @path, hands each of its nodes to @node and closes it
 * however the reading ends.  A part that is not @required and is missing
 * reads as empty. */
static gboolean
read_part (TdXlsxReader *reader, const char *path, gboolean required, NodeFunc node, gpointer data,
           GError **error)
{
  TdXlsxPart part;
  gboolean ok = TRUE;
  int r = 0;

  if (!td_xlsx_part_open (reader, path, required, &part, error))
    return FALSE;
  if (part.xml == NULL)
    return TRUE;
  while (ok && (r = td_xlsx_part_next (&part, error)) == 1)
    ok = node (&part, data, error);
  td_xlsx_part_close (&part);
  return ok && r == 0;
}

typedef struct
{
  gchar *id, *type, *target;
} Rel;

static void
rel_free (gpointer data)
{
  static const gsize texts[] = { G_STRUCT_OFFSET (Rel, id), G_STRUCT_OFFSET (Rel, type),
                                 G_STRUCT_OFFSET (Rel, target), TD_RECORD_END };

  td_record_free (data, texts);
}

typedef struct
{
  const char *part_path; /* whose relationships they are; NULL: the package's */
  GPtrArray *rels;
} RelsRead;

static gboolean
rels_node (TdXlsxPart *part, gpointer data, GError **error)
{
  RelsRead *rr = data;
  g_autofree gchar *mode = NULL;
  g_autofree gchar *target = NULL;
  Rel *rel;

  if (!td_xlsx_part_is_element (part, "Relationship"))
    return TRUE;
  mode = td_xlsx_part_attribute (part, "TargetMode", FALSE);
  target = td_xlsx_part_attribute (part, "Target", FALSE);
  if (g_strcmp0 (mode, "External") == 0)
    return TRUE;
  if (rr->rels->len >= part->stream.reader->limits.max_parts)
    return td_xlsx_too_large (error, part->name);
  rel = g_new0 (Rel, 1);
  rel->id = td_xlsx_part_attribute (part, "Id", FALSE);
  rel->type = td_xlsx_part_attribute (part, "Type", FALSE);
  rel->target = resolve_target (rr->part_path, target);
  if (rel->target == NULL && target != NULL)
    {
      rel_free (rel);
      g_set_error (error, TD_XLSX_READER_ERROR, TD_XLSX_READER_ERROR_UNSAFE,
                   _ ("The workbook refers to a part outside itself (%s); it was not "
                      "read."),
                   target);
      return FALSE;
    }
  g_ptr_array_add (rr->rels, rel);
  return TRUE;
}

/* The relationships of @part (internal ones, targets resolved); an empty
 * array when it has none. */
static GPtrArray *
read_rels (TdXlsxReader *reader, const char *part_path, GError **error)
{
  g_autofree gchar *path = part_path ? rels_path (part_path) : g_strdup ("_rels/.rels");
  g_autoptr (GPtrArray) rels = g_ptr_array_new_with_free_func (rel_free);
  RelsRead rr = { part_path, rels };

  if (!read_part (reader, path, FALSE, rels_node, &rr, error))
    return NULL;
  return g_steal_pointer (&rels);
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
gboolean
td_xlsx_part_read_text (TdXlsxPart *part, const char *element, GString *out, GError **error)
{
  gint depth = xmlTextReaderDepth (part->xml);
  gboolean in_phonetic = FALSE;
  int r;

  if (xmlTextReaderIsEmptyElement (part->xml))
    return TRUE;
  while ((r = td_xlsx_part_next (part, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part->xml);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (part->xml) == depth)
        return TRUE;
      if (type == XML_READER_TYPE_ELEMENT && g_strcmp0 (td_xlsx_part_local_name (part), "rPh") == 0
          && !xmlTextReaderIsEmptyElement (part->xml))
        in_phonetic = TRUE;
      else if (type == XML_READER_TYPE_END_ELEMENT
               && g_strcmp0 (td_xlsx_part_local_name (part), "rPh") == 0)
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
            return td_xlsx_too_large (error, part->name);
        }
    }
  if (r == 0)
    return td_xlsx_damaged (error, part->name, element);
  return FALSE;
}

/* --- workbook, shared strings, styles ------------------------------------------ */

/* @data: the workbook's relationships. */
static gboolean
workbook_node (TdXlsxPart *part, gpointer data, GError **error)
{
  TdXlsxReader *reader = part->stream.reader;

  if (td_xlsx_part_is_element (part, "workbookPr"))
    {
      g_autofree gchar *d = td_xlsx_part_attribute (part, "date1904", FALSE);
      reader->date1904 = is_true (d);
    }
  else if (td_xlsx_part_is_element (part, "workbookProtection"))
    {
      g_autofree gchar *s = td_xlsx_part_attribute (part, "lockStructure", FALSE);
      reader->structure_locked = is_true (s);
    }
  else if (td_xlsx_part_is_element (part, "sheet"))
    {
      g_autofree gchar *id = td_xlsx_part_attribute (part, "id", TRUE);
      g_autofree gchar *state = td_xlsx_part_attribute (part, "state", FALSE);
      const Rel *rel = rel_by_id (data, id);
      TdXlsxSheetInfo info = { 0 };

      if (reader->sheets->len >= reader->limits.max_sheets)
        return td_xlsx_too_large (error, _ ("too many sheets"));
      info.name = td_xlsx_part_attribute (part, "name", FALSE);
      if (info.name == NULL || !g_utf8_validate (info.name, -1, NULL))
        {
          g_free (info.name);
          return TRUE;
        }
      info.part = rel ? g_strdup (rel->target) : NULL;
      info.state = g_strcmp0 (state, "veryHidden") == 0 ? TD_XLSX_SHEET_VERY_HIDDEN
                   : g_strcmp0 (state, "hidden") == 0   ? TD_XLSX_SHEET_HIDDEN
                                                        : TD_XLSX_SHEET_VISIBLE;
      g_array_append_val (reader->sheets, info);
    }
  return TRUE;
}

static gboolean
read_workbook (TdXlsxReader *reader, const char *path, GPtrArray *rels, GError **error)
{
  return read_part (reader, path, TRUE, workbook_node, rels, error);
}

/* @data: a GString to read each string into. */
static gboolean
shared_string_node (TdXlsxPart *part, gpointer data, GError **error)
{
  TdXlsxReader *reader = part->stream.reader;
  GString *text = data;

  if (!td_xlsx_part_is_element (part, "si"))
    return TRUE;
  if (reader->strings->len >= reader->limits.max_strings)
    return td_xlsx_too_large (error, _ ("too many strings"));
  g_string_truncate (text, 0);
  if (!td_xlsx_part_read_text (part, "si", text, error))
    return FALSE;
  g_ptr_array_add (reader->strings, g_string_chunk_insert (reader->strings_chunk, text->str));
  return TRUE;
}

static gboolean
read_shared_strings (TdXlsxReader *reader, const char *path, GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  return read_part (reader, path, FALSE, shared_string_node, text, error);
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

typedef struct
{
  GHashTable *custom; /* number format id + 1 → whether it shows a date */
  gboolean in_cell_xfs;
} StylesRead;

static gboolean
style_node (TdXlsxPart *part, gpointer data, GError **error)
{
  StylesRead *sr = data;

  if (td_xlsx_part_is_element (part, "numFmt"))
    {
      g_autofree gchar *id = td_xlsx_part_attribute (part, "numFmtId", FALSE);
      g_autofree gchar *code = td_xlsx_part_attribute (part, "formatCode", FALSE);
      guint64 n;
      if (id && g_ascii_string_to_unsigned (id, 10, 0, 100000, &n, NULL))
        g_hash_table_insert (sr->custom, GUINT_TO_POINTER ((guint)n + 1),
                             GINT_TO_POINTER (format_is_date (code)));
    }
  else if (td_xlsx_part_is_element (part, "cellXfs"))
    sr->in_cell_xfs = !xmlTextReaderIsEmptyElement (part->xml);
  else if (is_end (part, "cellXfs"))
    sr->in_cell_xfs = FALSE;
  else if (sr->in_cell_xfs && td_xlsx_part_is_element (part, "xf"))
    {
      g_autofree gchar *id = td_xlsx_part_attribute (part, "numFmtId", FALSE);
      guint64 n = 0;
      gboolean date = FALSE;

      if (part->stream.reader->date_styles->len >= 65536)
        return td_xlsx_too_large (error, _ ("too many cell formats"));
      if (id && g_ascii_string_to_unsigned (id, 10, 0, 100000, &n, NULL))
        {
          gpointer found;
          if (g_hash_table_lookup_extended (sr->custom, GUINT_TO_POINTER ((guint)n + 1), NULL,
                                            &found))
            date = GPOINTER_TO_INT (found);
          else
            date = builtin_date ((guint)n);
        }
      g_array_append_val (part->stream.reader->date_styles, date);
    }
  return TRUE;
}

static gboolean
read_styles (TdXlsxReader *reader, const char *path, GError **error)
{
  g_autoptr (GHashTable) custom = g_hash_table_new (NULL, NULL);
  StylesRead sr = { custom, FALSE };

  return read_part (reader, path, FALSE, style_node, &sr, error);
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
          return td_xlsx_too_large (error, _ ("too many parts"));
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
  reader->sheets = g_array_new (FALSE, TRUE, sizeof (TdXlsxSheetInfo));
  g_array_set_clear_func (reader->sheets, sheet_info_clear);
  reader->strings = g_ptr_array_new ();
  reader->strings_chunk = g_string_chunk_new (4096);
  reader->date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (length > reader->limits.max_file_bytes)
    {
      td_xlsx_too_large (error, _ ("the file is over 20 MB"));
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
      td_xlsx_too_large (error, _ ("the file is over 20 MB"));
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  return td_xlsx_reader_open_bytes (bytes, limits, error);
}

static const TdRecordPart reader_parts[]
    = { TD_RECORD_PART (TdXlsxReader, zip, g_object_unref),
        TD_RECORD_PART (TdXlsxReader, source, g_object_unref),
        TD_RECORD_PART (TdXlsxReader, bytes, g_bytes_unref),
        TD_RECORD_PART (TdXlsxReader, sheets, g_array_unref),
        TD_RECORD_PART (TdXlsxReader, strings, g_ptr_array_unref),
        TD_RECORD_PART (TdXlsxReader, strings_chunk, g_string_chunk_free),
        TD_RECORD_PART (TdXlsxReader, date_styles, g_array_unref),
        TD_RECORD_PARTS_END };

TD_RECORD_DEFINE_FREE_FULL (TdXlsxReader, td_xlsx_reader_free, NULL, reader_parts);

guint
td_xlsx_reader_get_n_sheets (TdXlsxReader *reader)
{
  return reader->sheets->len;
}

const char *
td_xlsx_reader_get_sheet_name (TdXlsxReader *reader, guint index)
{
  g_return_val_if_fail (index < reader->sheets->len, NULL);
  return g_array_index (reader->sheets, TdXlsxSheetInfo, index).name;
}

TdXlsxSheetState
td_xlsx_reader_get_sheet_state (TdXlsxReader *reader, guint index)
{
  g_return_val_if_fail (index < reader->sheets->len, TD_XLSX_SHEET_VISIBLE);
  return g_array_index (reader->sheets, TdXlsxSheetInfo, index).state;
}

gint
td_xlsx_reader_find_sheet (TdXlsxReader *reader, const char *name)
{
  g_autofree gchar *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; i < reader->sheets->len; i++)
    {
      g_autofree gchar *folded
          = g_utf8_casefold (g_array_index (reader->sheets, TdXlsxSheetInfo, i).name, -1);
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
