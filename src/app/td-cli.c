/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Command-line actions that need no display.
 *
 * "thidua COMMAND …" is handled here before GTK is initialised, so exports,
 * imports and the demo work on a server or in a script.  Each command is a
 * row of the table below with its own option list. */
#include "config.h"

#include "td-cli.h"
#include "td-date.h"
#include "td-db.h"
#include "td-demo.h"
#include "td-export-cli.h"
#include "td-form-import-cli.h"
#include "td-ical.h"
#include "td-import-table-cli.h"
#include "td-output-guard.h"
#include "td-registry.h"
#include "td-sheet-builders.h"
#include "td-sniff.h"
#include "td-unit-import.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

typedef struct
{
  const char *name;
  const char *args;
  const char *summary;
  int (*run) (int argc, char **argv);
} TdCliCommand;

static int cmd_help (int argc, char **argv);
static int cmd_demo (int argc, char **argv);
static int cmd_ics (int argc, char **argv);
static int cmd_import_units (int argc, char **argv);

static const TdCliCommand commands[] = {
  { "demo", N_ ("FILE"), N_ ("Write the demo database (example data) to FILE"), cmd_demo },
  { "export", N_ ("SHEET"),
    N_ ("Write an official sheet (scores, ranking, matrix, form, calendar) to xlsx or PDF"),
    td_export_cli_run },
  { "help", N_ ("[COMMAND]"), N_ ("Show the commands, or the options of COMMAND"), cmd_help },
  { "ics", N_ ("DATABASE"), N_ ("Export the calendar of a year or a range to an iCalendar file"),
    cmd_ics },
  { "import-table", N_ ("DATABASE FILE"),
    N_ ("Read a criteria table from a file (as copied from Word or Excel, CSV, HTML) and save it"),
    td_import_table_cli_run },
  { "import-forms", N_ ("DATABASE FILE…"),
    N_ ("Import the members' filled self-score forms (.xlsx) into their self-scores"),
    td_form_import_cli_run },
  { "import-units", N_ ("DATABASE FILE.csv"),
    N_ ("Add the units of a CSV or tab-separated file to a bloc's year"), cmd_import_units },
};

static const TdCliCommand *
find_command (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, word) == 0)
      return &commands[i];
  return NULL;
}

gboolean
td_cli_is_command (const char *word)
{
  return find_command (word) != NULL;
}

static GOptionContext *
command_context (const TdCliCommand *command, const GOptionEntry *entries)
{
  g_autofree gchar *params = g_strdup_printf ("%s %s", command->name, _ (command->args));
  GOptionContext *context = g_option_context_new (params);

  g_option_context_set_summary (context, _ (command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static int
cmd_help (int argc, char **argv)
{
  const TdCliCommand *command = argc > 2 ? find_command (argv[2]) : NULL;

  if (command != NULL)
    {
      char *args[] = { argv[0], (char *)"--help", NULL };
      return command->run (2, args);
    }
  if (argc > 2)
    {
      g_printerr (_ ("Unknown command “%s”.\n"), argv[2]);
      return 2;
    }
  {
    g_autofree gchar *list = td_cli_describe_commands ();
    g_print ("%s\n  thidua [OPTION …]\n  thidua COMMAND [OPTION …]\n\n%s\n%s", _ ("Usage:"),
             _ ("Commands (they need no display):"), list);
  }
  g_print ("\n%s\n", _ ("Run “thidua --help” for the options of the window."));
  return 0;
}

static int
cmd_demo (int argc, char **argv)
{
  gboolean force = FALSE;
  const GOptionEntry entries[]
      = { { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_ ("Replace FILE if it exists"), NULL },
          { NULL } };
  g_autoptr (GOptionContext) context = command_context (find_command ("demo"), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      g_printerr ("%s\n", _ ("Name the file to write, for example: thidua demo demo.db"));
      return 2;
    }
  if (!td_output_guard (argv[1], NULL, TD_OUTPUT_DATABASE, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS) && !force)
    {
      g_printerr (_ ("“%s” already exists. Choose another name, or add --force to replace it.\n"),
                  argv[1]);
      return 1;
    }
  db = td_demo_create (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_ ("Wrote the demo database to %s\n"), argv[1]);
  return 0;
}

static int
cmd_ics (int argc, char **argv)
{
  gint year = 0;
  g_autofree gchar *bloc = NULL;
  g_autofree gchar *from_text = NULL;
  g_autofree gchar *to_text = NULL;
  g_autofree gchar *output = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_ ("Export the whole year YEAR"), N_ ("YEAR") },
    { "bloc", 'b', 0, G_OPTION_ARG_STRING, &bloc,
      N_ ("Only this bloc's deadlines and campaigns (number or name)"), N_ ("BLOC") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_ ("First day of the range"),
      N_ ("DD/MM/YYYY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_ ("Last day of the range"), N_ ("DD/MM/YYYY") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The .ics file to write"),
      N_ ("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_ ("Replace FILE if it exists"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = command_context (find_command ("ics"), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  GDate from, to;
  gint64 bloc_year_id = 0;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 2 || output == NULL)
    {
      g_printerr ("%s\n", _ ("Name the database and the file to write, for example: thidua ics "
                             "khoi6.db --year 2025 --output lich-2025.ics"));
      return 2;
    }
  if ((from_text == NULL) != (to_text == NULL))
    {
      g_printerr ("%s\n", _ ("Give both --from and --to, for example --from 01/10/2024 --to "
                             "30/09/2025."));
      return 2;
    }
  if (from_text != NULL)
    {
      if (!td_date_parse (from_text, TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, &from, &error)
          || !td_date_parse (to_text, TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, &to, &error))
        {
          g_printerr ("%s %s\n", g_date_valid (&from) ? "--to:" : "--from:", error->message);
          return 2;
        }
      if (year == 0)
        year = g_date_get_year (&from);
    }
  else if (year >= 1900 && year <= 2100)
    {
      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_dmy (&from, 1, 1, year);
      g_date_set_dmy (&to, 31, 12, year);
    }
  else
    {
      g_printerr ("%s\n", _ ("Give the year with --year (1900 to 2100), or a range with --from "
                             "and --to."));
      return 2;
    }
  if (!td_output_guard (output, argv[1], TD_OUTPUT_DOCUMENT, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_file_test (output, G_FILE_TEST_EXISTS) && !force)
    {
      g_printerr (_ ("“%s” already exists. Choose another name, or add --force to replace it.\n"),
                  output);
      return 1;
    }
  db = td_db_open (argv[1], TD_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (bloc != NULL)
    {
      bloc_year_id = td_cli_find_bloc_year (db, bloc, year, &error);
      if (bloc_year_id == 0)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  if (!td_ical_export (db, bloc_year_id, &from, &to, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_ ("Wrote the calendar to %s\n"), output);
  return 0;
}

/* --bloc matches as in every command (td_sheets_resolve_bloc: the number,
 * the full or short name, or words of it, without regard to case and
 * diacritics); without --bloc the database must have one bloc.  --year
 * defaults to the bloc's newest year. */
gint64
td_cli_find_bloc_year (TdDb *db, const char *bloc_name, gint year, GError **error)
{
  gint64 bloc_id = 0, id;

  if (bloc_name != NULL)
    bloc_id = td_sheets_resolve_bloc (db, bloc_name, error);
  else
    {
      g_autoptr (GPtrArray) blocs = td_registry_list_blocs (db, error);

      if (blocs == NULL)
        return 0;
      if (blocs->len == 1)
        bloc_id = ((TdBloc *)blocs->pdata[0])->id;
      else
        {
          GString *list = g_string_new (NULL);

          for (guint i = 0; i < blocs->len; i++)
            {
              TdBloc *b = blocs->pdata[i];
              g_string_append_printf (list, "\n  %4" G_GINT64_FORMAT "  %s", b->id, b->name);
            }
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       blocs->len == 0 ? _ ("The database has no blocs yet.%s")
                                       : _ ("The database has several blocs: name one with "
                                            "--bloc (its number or name).%s"),
                       list->str);
          g_string_free (list, TRUE);
        }
    }
  if (bloc_id == 0)
    return 0;
  if (year == 0)
    {
      id = td_registry_newest_bloc_year (db, bloc_id);
      if (id == 0)
        g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                     _ ("The bloc has no year yet; start the year in the application first."));
      return id;
    }
  return td_sheets_resolve_bloc_year (db, bloc_id, year, error);
}

static int
cmd_import_units (int argc, char **argv)
{
  g_autofree gchar *bloc_name = NULL;
  gint year = 0;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[]
      = { { "bloc", 'b', 0, G_OPTION_ARG_STRING, &bloc_name,
            N_ ("The bloc (needed when the database has several)"), N_ ("NAME") },
          { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_ ("The year (default: the newest)"),
            N_ ("YEAR") },
          { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
            N_ ("Only show what would be added; write nothing"), NULL },
          { NULL } };
  g_autoptr (GOptionContext) context = command_context (find_command ("import-units"), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree gchar *raw = NULL;
  g_autofree gchar *contents = NULL;
  g_autofree gchar *display = NULL;
  GStatBuf st;
  const char *labels[] = { N_ ("add"), N_ ("duplicate"), N_ ("invalid") };
  gsize length = 0;
  TdFileKind kind;
  gint64 by_id;
  gint added;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 3)
    {
      g_printerr ("%s\n", _ ("Name the database and the file, for example: thidua import-units "
                             "khoi6.db don-vi.csv"));
      return 2;
    }
  display = g_filename_display_name (argv[2]);
  if (!td_sniff_file (argv[2], &kind, &error)
      || !td_sniff_expect (kind, TD_EXPECT_TEXT_TABLE, display, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_stat (argv[2], &st) == 0 && st.st_size > TD_UNIT_IMPORT_MAX_BYTES)
    {
      g_printerr (_ ("“%s” is larger than %d MB; a list of units is much smaller. Choose the "
                     "right file.\n"),
                  display, TD_UNIT_IMPORT_MAX_BYTES >> 20);
      return 1;
    }
  if (!g_file_get_contents (argv[2], &raw, &length, &error)
      || (contents = td_unit_import_decode (raw, length, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", display, error->message);
      return 1;
    }
  db = td_db_open (argv[1], dry_run ? TD_DB_OPEN_READ_ONLY : TD_DB_OPEN_DEFAULT, &error);
  if (db == NULL || (by_id = td_cli_find_bloc_year (db, bloc_name, year, &error)) == 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  rows = td_unit_import_parse (contents, -1, db, by_id);
  for (guint i = 0; i < rows->len; i++)
    {
      TdImportRow *r = rows->pdata[i];

      g_print ("%4u  %-10s  %s%s%s\n", r->line, _ (labels[r->status]), r->name,
               r->reason ? " — " : "", r->reason ? r->reason : "");
    }
  if (dry_run)
    return 0;
  added = td_unit_import_apply (db, by_id, rows, &error);
  if (added < 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%d unit added.\n", "%d units added.\n", added), added);
  return 0;
}

/* One line per command, for "thidua help" and "thidua --help". */
gchar *
td_cli_describe_commands (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree gchar *head = g_strdup_printf ("%s %s", commands[i].name, _ (commands[i].args));
      g_string_append_printf (out, "  %-28s %s\n", head, _ (commands[i].summary));
    }
  return g_string_free (out, FALSE);
}

/* argv[1] is the command; the command sees itself as argv[0]. */
int
td_cli_run (int argc, char **argv)
{
  const TdCliCommand *command = find_command (argv[1]);

  g_return_val_if_fail (command != NULL, 2);
  if (command->run == cmd_help)
    return cmd_help (argc, argv);
  return command->run (argc - 1, argv + 1);
}
