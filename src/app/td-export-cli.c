/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "thidua export SHEET --bloc B --year Y [--unit U] --format xlsx|pdf
 * --output FILE [--force]": the official sheets, headless.
 *
 * Each sheet name maps to a builder over the database and to an example
 * builder over synthetic data (--example, to try a printer or Excel and for
 * tests).  A sheet whose database builder is not written yet answers with a
 * clear error; everything around the builders (options, checks, exit codes,
 * writing) is shared.  Exit codes: 0 written, 1 refused or failed, 2 usage. */
#include "config.h"

#include "td-export-cli.h"
#include "td-output-guard.h"
#include "td-pages.h"
#include "td-registry.h"
#include "td-sheet-builders.h"
#include "td-sheet-sample.h"
#include "td-output.h"
#include "td-xlsx.h"

#include <glib/gi18n.h>

typedef struct
{
  const char *name; /* as td_sheets_build knows it (TD_SHEET_RANKING …) */
  const char *summary;
  gboolean needs_unit;
  GPtrArray *(*example) (int year);
} TdExportSheet;

static GPtrArray *
one_sheet (TdSheet *sheet)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)td_sheet_free);

  g_ptr_array_add (sheets, sheet);
  return sheets;
}

static GPtrArray *
example_ranking (int year)
{
  /* A bloc-year workbook: the summary, then a unit's scoring sheet. */
  GPtrArray *sheets = one_sheet (td_sheet_sample_ranking (60, year));

  g_ptr_array_add (sheets, td_sheet_sample_scores (year));
  return sheets;
}

static GPtrArray *
example_scores (int year)
{
  return one_sheet (td_sheet_sample_scores (year));
}

static GPtrArray *
example_form (int year)
{
  return one_sheet (td_sheet_sample_form (year));
}

static GPtrArray *
example_matrix (int year)
{
  return one_sheet (td_sheet_sample_matrix (10, year));
}

static GPtrArray *
example_calendar (int year)
{
  return one_sheet (td_sheet_sample_calendar (year));
}

/* Resolves what was typed, then builds the sheets of one workbook (the PDF
 * has their pages in the same order), as a GPtrArray of TdSheet owning
 * them. */
static GPtrArray *
build_named (const char *name, TdDb *db, const TdExportRequest *request, GError **error)
{
  gint64 bloc_id, bloc_year_id, unit_id = 0;

  bloc_id = td_sheets_resolve_bloc (db, request->bloc, error);
  if (bloc_id == 0)
    return NULL;
  bloc_year_id = td_sheets_resolve_bloc_year (db, bloc_id, request->year, error);
  if (bloc_year_id == 0)
    return NULL;
  if (request->unit != NULL)
    {
      unit_id = td_sheets_resolve_unit (db, bloc_year_id, request->unit, error);
      if (unit_id == 0)
        return NULL;
    }
  return td_sheets_build (db, name, bloc_year_id, unit_id, error);
}

static const TdExportSheet sheets[] = {
  { TD_SHEET_CALENDAR, N_ ("Commemorations, events and deadlines of the year"), FALSE,
    example_calendar },
  { TD_SHEET_FORM,
    N_ ("Blank self-score form for a member to fill in (every member without --unit)"), FALSE,
    example_form },
  { TD_SHEET_MATRIX, N_ ("Criteria × units matrix for the meeting"), FALSE, example_matrix },
  { TD_SHEET_RANKING, N_ ("Summary of scores and ranking of the bloc"), FALSE, example_ranking },
  { TD_SHEET_SCORES, N_ ("Scoring sheet of one unit (needs --unit)"), TRUE, example_scores },
  { TD_SHEET_WORKBOOK, N_ ("The whole year: summary, matrix and one scoring sheet per unit"), FALSE,
    example_ranking },
};

static const TdExportSheet *
find_sheet (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    if (g_strcmp0 (sheets[i].name, name) == 0)
      return &sheets[i];
  return NULL;
}

static gchar *
describe_sheets (void)
{
  GString *out = g_string_new (_ ("Sheets:"));

  g_string_append_c (out, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    g_string_append_printf (out, "  %-10s %s\n", sheets[i].name, _ (sheets[i].summary));
  g_string_append (out, _ ("Example: thidua export ranking --database khoi6.db --bloc \"Khối 6\" "
                           "--year 2024 --output Bang-xep-hang-Khoi-6-2024.xlsx"));
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static int
usage_error (const char *message)
{
  g_printerr ("%s\n%s\n", message, _ ("Run “thidua export --help” for the options."));
  return 2;
}

int
td_export_cli_run (int argc, char **argv)
{
  g_autofree gchar *bloc = NULL, *unit = NULL, *format = NULL, *output = NULL, *database = NULL;
  gint year = 0;
  gboolean force = FALSE, example = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_ ("The Thi Đua database"),
      N_ ("FILE") },
    { "bloc", 'b', 0, G_OPTION_ARG_STRING, &bloc, N_ ("The bloc, by name or number"),
      N_ ("NAME|ID") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_ ("The year"), N_ ("YEAR") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_ ("The unit, by name or number"),
      N_ ("NAME|ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_ ("xlsx or pdf (default: from the extension of FILE)"), N_ ("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The file to write"), N_ ("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_ ("Replace FILE if it exists"), NULL },
    { "example", 0, 0, G_OPTION_ARG_NONE, &example,
      N_ ("Use synthetic example data instead of a database (to try a printer or Excel)"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("SHEET"));
  g_autofree gchar *description = describe_sheets ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) result = NULL;
  const TdExportSheet *sheet;
  gboolean pdf;

  g_option_context_set_summary (context, _ ("Write an official sheet to an Excel workbook or a "
                                            "PDF file. No display is needed."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 2)
    return usage_error (_ ("Name one sheet: scores, ranking, matrix, form, calendar or workbook."));
  sheet = find_sheet (argv[1]);
  if (sheet == NULL)
    {
      g_autofree gchar *msg = g_strdup_printf (
          _ ("Unknown sheet “%s”. Choose scores, ranking, matrix, form, calendar or workbook."),
          argv[1]);
      return usage_error (msg);
    }
  if (output == NULL)
    return usage_error (_ ("Name the file to write with --output FILE."));
  if (format == NULL)
    format = g_str_has_suffix (output, ".pdf") || g_str_has_suffix (output, ".PDF")
                 ? g_strdup ("pdf")
             : g_str_has_suffix (output, ".xlsx") || g_str_has_suffix (output, ".XLSX")
                 ? g_strdup ("xlsx")
                 : NULL;
  if (format == NULL || (!g_str_equal (format, "xlsx") && !g_str_equal (format, "pdf")))
    return usage_error (_ ("The format must be xlsx or pdf (--format xlsx or --format pdf)."));
  pdf = g_str_equal (format, "pdf");
  if (!example)
    {
      if (database == NULL)
        return usage_error (_ ("Name the database with --database FILE (or use --example)."));
      if (bloc == NULL)
        return usage_error (_ ("Name the bloc with --bloc NAME or --bloc NUMBER."));
      if (sheet->needs_unit && unit == NULL)
        return usage_error (_ ("This sheet is for one unit: name it with --unit NAME or "
                               "--unit NUMBER."));
    }
  if (year == 0 && example)
    year = 2024;
  if (year < 1990 || year > 2100)
    return usage_error (_ ("Give the year with --year, between 1990 and 2100."));
  /* Before "already exists": --force must never make a database the
   * output. */
  if (!td_output_guard (output, example ? NULL : database, TD_OUTPUT_DOCUMENT, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_file_test (output, G_FILE_TEST_EXISTS) && !force)
    {
      g_autofree gchar *name = g_filename_display_name (output);
      g_printerr (_ ("“%s” already exists. Choose another name, or add --force to replace it.\n"),
                  name);
      return 1;
    }
  if (!td_output_check_writable (output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (example)
    {
      if (sheet->example == NULL)
        {
          g_printerr (_ ("There is no example of the sheet “%s” yet.\n"), sheet->name);
          return 1;
        }
      result = sheet->example (year);
    }
  else
    {
      TdExportRequest request = { bloc, year, unit };
      g_autoptr (TdDb) db = NULL;

      /* A read command: nothing is written to the database, not even a backup. */
      db = td_db_open (database, TD_DB_OPEN_READ_ONLY, &error);
      if (db == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      result = build_named (sheet->name, db, &request, &error);
      if (result == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  if (pdf ? !td_pages_write_pdf ((TdSheet *const *)result->pdata, result->len, output, &error)
          : !td_xlsx_write ((TdSheet *const *)result->pdata, result->len, output, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  {
    g_autofree gchar *name = g_filename_display_name (output);
    g_print (_ ("Wrote %s\n"), name);
  }
  return 0;
}
