/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "thidua import-table DATABASE FILE --bloc B --year Y [--replace]
 * [--dry-run] [--json]": a criteria table from a file (tab-separated text
 * as the clipboard holds it, CSV, HTML), for offices that distribute
 * tables as files.  It prints how every row was read and its problems,
 * and saves the table unless --dry-run; --json prints one object instead,
 * with the names the corpus of real tables uses.  Exit codes as export:
 * 0 read (and saved), 1 refused or failed, 2 wrong options. */
#include "config.h"

#include "td-import-table-cli.h"
#include "td-criteria-paste.h"
#include "td-sheet-builders.h"
#include "td-xlsx-table.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

static void
add_points (JsonBuilder *b, const char *name, gboolean has, TdPoints value)
{
  json_builder_set_member_name (b, name);
  if (has)
    {
      g_autofree gchar *text = td_points_format (value);
      json_builder_add_string_value (b, text);
    }
  else
    json_builder_add_null_value (b);
}

static void
add_range (JsonBuilder *b, gboolean has_low, gint64 low, gboolean has_high, gint64 high)
{
  json_builder_set_member_name (b, "range");
  json_builder_begin_object (b);
  if (has_low)
    add_points (b, "from", TRUE, low);
  if (has_high)
    add_points (b, "below", TRUE, high);
  json_builder_end_object (b);
}

static void
add_option (JsonBuilder *b, const TdRuleOption *o, const char *size_class)
{
  g_autofree gchar *points = td_points_format (o->points);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, o->label ? o->label : "");
  json_builder_set_member_name (b, "points");
  json_builder_add_string_value (b, points);
  add_range (b, o->has_low, o->low, o->has_high, o->high);
  if (size_class != NULL)
    {
      json_builder_set_member_name (b, "size_class");
      json_builder_add_string_value (b, size_class);
    }
  json_builder_end_object (b);
}

static guint
line_of (const TdPastePreview *preview, gint index)
{
  return ((TdPasteRow *)g_ptr_array_index (preview->rows, index))->line;
}

/* The rule's figures of a criterion row, signed as the corpus writes
 * them: a deduction's rate is negative. */
static void
add_criterion (JsonBuilder *b, const TdCriterion *c)
{
  gboolean deduction = td_rule_kind_is_deduction (c->kind) || c->kind == TD_RULE_STANDARD_LESS_EACH;
  gboolean points_kind = c->kind == TD_RULE_BONUS_POINTS || c->kind == TD_RULE_DEDUCTION_POINTS;

  add_points (b, "standard", c->standard != 0, c->standard);
  add_points (b, "rate", c->rate != 0 && !points_kind, deduction ? -c->rate : c->rate);
  add_points (b, "bonus_max", c->kind == TD_RULE_BONUS_POINTS || c->bonus_max > 0,
              c->kind == TD_RULE_BONUS_POINTS ? c->rate : c->bonus_max);
  add_points (b, "deduction_max", c->kind == TD_RULE_DEDUCTION_POINTS, c->rate);
  add_points (b, "bonus_cap", c->bonus_cap != TD_NO_CAP, c->bonus_cap);
  add_points (b, "deduction_cap", c->deduction_cap != TD_NO_CAP, c->deduction_cap);
  if (c->kind == TD_RULE_LINEAR_BONUS || c->kind == TD_RULE_LINEAR_DEDUCTION)
    {
      add_points (b, "threshold", TRUE, c->threshold);
      add_points (b, "step", TRUE, c->step);
    }
  json_builder_set_member_name (b, "options");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->options->len; i++)
    {
      const TdRuleOption *o = g_ptr_array_index (c->options, i);
      const char *size = c->kind == TD_RULE_BRACKETS && o->size_class >= 0
                                 && (guint)o->size_class < g_strv_length (c->size_classes)
                             ? c->size_classes[o->size_class]
                             : NULL;
      add_option (b, o, size);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "exemption");
  if (c->exemption && *c->exemption)
    json_builder_add_string_value (b, c->exemption);
  else
    json_builder_add_null_value (b);
}

static gchar *
preview_to_json (const TdPastePreview *preview)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  const char *statuses[] = { "ok", "warning", "error" };

  json_builder_begin_object (b);
  add_points (b, "stated_total", preview->total_stated, preview->total);
  add_points (b, "standard_total", TRUE, preview->standard_total);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < preview->rows->len; i++)
    {
      const TdPasteRow *row = g_ptr_array_index (preview->rows, i);
      gint up = row->role == TD_PASTE_ROLE_CRITERION ? row->parent : row->owner;
      g_auto (GStrv) problems = g_strsplit (row->problems, "\n", -1);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "line");
      json_builder_add_int_value (b, row->line);
      json_builder_set_member_name (b, "code");
      if (row->role != TD_PASTE_ROLE_SKIP && *row->criterion->code)
        json_builder_add_string_value (b, row->criterion->code);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "parent_line");
      /* A continuation's parent is the row whose cell it goes on with. */
      if (up >= 0 && row->role != TD_PASTE_ROLE_NOTE
          && (row->role != TD_PASTE_ROLE_SKIP || row->skip_reason == TD_PASTE_SKIP_CONTINUATION))
        json_builder_add_int_value (b, line_of (preview, up));
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, td_paste_row_kind_name (preview, i));
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, row->criterion->title);
      switch (row->role)
        {
        case TD_PASTE_ROLE_CRITERION:
          add_criterion (b, row->criterion);
          break;
        case TD_PASTE_ROLE_GRADE:
        case TD_PASTE_ROLE_OPTION:
        case TD_PASTE_ROLE_BRACKET:
          add_points (b, "points", TRUE, row->part_points);
          add_range (b, row->part_range.has_low, row->part_range.low, row->part_range.has_high,
                     row->part_range.high);
          break;
        case TD_PASTE_ROLE_SIZE_CLASS:
          json_builder_set_member_name (b, "size");
          json_builder_begin_object (b);
          add_range (b, row->part_range.has_low, row->part_range.low, row->part_range.has_high,
                     row->part_range.high);
          json_builder_end_object (b);
          json_builder_set_member_name (b, "options");
          json_builder_begin_array (b);
          for (guint k = 0; k < row->part_brackets->len; k++)
            add_option (b, g_ptr_array_index (row->part_brackets, k), NULL);
          json_builder_end_array (b);
          break;
        case TD_PASTE_ROLE_NOTE:
          add_points (b, "bonus_cap", row->note_bonus_cap != TD_NO_CAP, row->note_bonus_cap);
          add_points (b, "deduction_cap", row->note_deduction_cap != TD_NO_CAP,
                      row->note_deduction_cap);
          json_builder_set_member_name (b, "exemption");
          if (*row->note_exemption)
            json_builder_add_string_value (b, row->note_exemption);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "modifies");
          json_builder_begin_array (b);
          for (guint k = 0; k < row->targets->len; k++)
            json_builder_add_int_value (b,
                                        line_of (preview, g_array_index (row->targets, gint, k)));
          json_builder_end_array (b);
          break;
        default:
          break;
        }
      json_builder_set_member_name (b, "interpretation");
      json_builder_add_string_value (b, row->interpretation);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, statuses[row->status]);
      json_builder_set_member_name (b, "problems");
      json_builder_begin_array (b);
      for (guint k = 0; problems[k] != NULL; k++)
        if (*problems[k])
          json_builder_add_string_value (b, problems[k]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static void
print_rows (const TdPastePreview *preview)
{
  for (guint i = 0; i < preview->rows->len; i++)
    {
      const TdPasteRow *row = g_ptr_array_index (preview->rows, i);
      const char *mark = row->status == TD_PASTE_ERROR     ? "!!"
                         : row->status == TD_PASTE_WARNING ? " ?"
                                                           : "  ";

      g_print ("%s %4u %*s%-6s %s\n", mark, row->line, row->depth * 2, "",
               row->role == TD_PASTE_ROLE_SKIP ? "" : row->criterion->code, row->interpretation);
      if (*row->problems)
        {
          g_auto (GStrv) problems = g_strsplit (row->problems, "\n", -1);
          for (guint k = 0; problems[k] != NULL; k++)
            g_print ("          %s\n", problems[k]);
        }
    }
}

int
td_import_table_cli_run (int argc, char **argv)
{
  g_autofree gchar *bloc = NULL;
  gint year = 0;
  gboolean replace = FALSE, dry_run = FALSE, json = FALSE;
  const GOptionEntry entries[]
      = { { "bloc", 'b', 0, G_OPTION_ARG_STRING, &bloc, N_ ("The bloc, by name or id"),
            N_ ("NAME") },
          { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_ ("The year"), N_ ("YEAR") },
          { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
            N_ ("Replace the year's table if it has one (its scores are kept)"), NULL },
          { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
            N_ ("Only show how the table is read; write nothing"), NULL },
          { "json", 0, 0, G_OPTION_ARG_NONE, &json,
            N_ ("Print how every row is read as one JSON object"), NULL },
          { NULL } };
  g_autofree gchar *params = g_strdup_printf ("import-table %s", _ ("DATABASE FILE"));
  g_autoptr (GOptionContext) context = g_option_context_new (params);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  g_autoptr (TdPastePreview) preview = NULL;
  g_autofree gchar *text = NULL;
  gint64 bloc_id, bloc_year_id;
  guint errors;

  g_option_context_set_summary (
      context, _ ("Read a criteria table from tab-separated text (as copied from Word or Excel), "
                  "CSV, HTML or an Excel workbook, show how every row is read, and save it as the "
                  "year's table."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 3 || bloc == NULL || year == 0)
    {
      g_printerr ("%s\n", _ ("Name the database, the file, the bloc and the year, for example: "
                             "thidua import-table khoi6.db bang-diem.txt --bloc \"Khối 6\" "
                             "--year 2025"));
      return 2;
    }
  text = td_table_text_from_path (argv[2], &error);
  if (text == NULL || (preview = td_paste_parse (text, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* A read-only look needs nothing written, not even the day's backup. */
  db = td_db_open (
      argv[1], dry_run ? TD_DB_OPEN_READ_ONLY | TD_DB_OPEN_NO_BACKUP : TD_DB_OPEN_DEFAULT, &error);
  if (db == NULL || (bloc_id = td_sheets_resolve_bloc (db, bloc, &error)) == 0
      || (bloc_year_id = td_sheets_resolve_bloc_year (db, bloc_id, year, &error)) == 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (json)
    {
      g_autofree gchar *out = preview_to_json (preview);
      g_print ("%s\n", out);
    }
  else
    print_rows (preview);

  errors = td_paste_preview_count_errors (preview);
  if (!json)
    {
      g_autofree gchar *total = td_points_format (preview->total);
      g_autofree gchar *std = td_points_format (preview->standard_total);

      /* "0 of 0" would look like a table read; it is one not read. */
      if (preview->standard_total == 0)
        g_print (_ ("%u criteria, no standard points read (check the rows marked “?”); rows to "
                    "check: %u; with errors: %u.\n"),
                 td_paste_preview_count_criteria (preview),
                 td_paste_preview_count_warnings (preview), errors);
      else
        g_print (_ ("%u criteria, standard points %s of %s; rows to check: %u; with errors: "
                    "%u.\n"),
                 td_paste_preview_count_criteria (preview), std, total,
                 td_paste_preview_count_warnings (preview), errors);
    }
  if (errors > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u row cannot be read as it is; fix it in the file (or paste the "
                               "table in the window and fix it there). Nothing was saved.\n",
                               "%u rows cannot be read as they are; fix them in the file (or paste "
                               "the table in the window and fix them there). Nothing was saved.\n",
                               errors),
                  errors);
      return 1;
    }
  if (dry_run)
    return 0;
  if (!td_paste_preview_save (preview, db, bloc_year_id, replace, &error))
    {
      g_printerr ("%s\n", error->message);
      if (g_error_matches (error, TD_ERROR, TD_ERROR_CONSTRAINT))
        g_printerr ("%s\n",
                    _ ("Add --replace to replace it; the scores already entered are kept."));
      return 1;
    }
  if (!json)
    g_print ("%s\n", _ ("The table was saved."));
  return 0;
}
