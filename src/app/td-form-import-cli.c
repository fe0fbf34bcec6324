/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "thidua import-forms DATABASE FILE… [--dry-run]": members' filled
 * self-score forms into their self-scores, without a display.  Prints per
 * form the unit, each row that changes (old → new) and each cell refused
 * with its reason; a form refused as a whole says why and what to do.
 * Exit 0: every form imported (or, with --dry-run, would be) and no cell
 * refused; 1: a form or a cell refused, or a failure; 2: wrong options. */
#include "config.h"

#include "td-cli.h"
#include "td-form-import-cli.h"
#include "td-form-import.h"

#include <glib/gi18n.h>

static int
usage_error (const char *message)
{
  g_printerr ("%s\n%s\n", message, _ ("Run “thidua help import-forms” for the options."));
  return 2;
}

static void
print_plan (TdFormPlan *plan, gboolean dry_run)
{
  g_autofree gchar *old_total = td_points_format (plan->old_total);
  g_autofree gchar *new_total = td_points_format (plan->new_total);

  if (plan->unit_name != NULL && g_strcmp0 (plan->sheet, plan->unit_name) != 0)
    g_print ("%s — %s (%s)\n", plan->file_name, plan->unit_name, plan->sheet);
  else if (plan->unit_name != NULL)
    g_print ("%s — %s\n", plan->file_name, plan->unit_name);
  else
    g_print ("%s\n", plan->file_name);
  switch (plan->status)
    {
    case TD_FORM_REFUSED:
      g_print ("  %s %s\n", _ ("Refused:"), plan->reason);
      return;
    case TD_FORM_NOTHING:
      if (plan->reason)
        g_print ("  %s\n", plan->reason);
      break;
    case TD_FORM_READY:
      g_print (dry_run ? g_dngettext (GETTEXT_PACKAGE, "  %u row would change",
                                      "  %u rows would change", plan->changes->len)
                       : g_dngettext (GETTEXT_PACKAGE, "  %u row changes", "  %u rows change",
                                      plan->changes->len),
               plan->changes->len);
      /* Translators: the unit's self-score total before and after */
      g_print (_ ("; self-score total %s → %s"), old_total, new_total);
      if (plan->disqualified)
        g_print (" (%s)", _ ("not graded"));
      g_print ("\n");
      break;
    }
  for (guint i = 0; i < plan->changes->len; i++)
    {
      TdFormChange *c = plan->changes->pdata[i];
      g_print ("    %s: %s → %s%s\n", c->label, *c->old_text ? c->old_text : "—",
               *c->new_text ? c->new_text : "—", c->evidence_changed ? _ (" (evidence)") : "");
    }
  for (guint i = 0; i < plan->refusals->len; i++)
    {
      TdFormRefusal *r = plan->refusals->pdata[i];
      g_print ("    %s %s%s%s: “%s” — %s\n", _ ("refused"), r->cell, r->label ? " " : "",
               r->label ? r->label : "", r->value, r->reason);
    }
}

int
td_form_import_cli_run (int argc, char **argv)
{
  g_autofree gchar *bloc = NULL;
  gint year = 0;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[]
      = { { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
            N_ ("Only show what would be imported; write nothing"), NULL },
          { "bloc", 'b', 0, G_OPTION_ARG_STRING, &bloc,
            N_ ("Refuse forms of other blocs (number or name)"), N_ ("BLOC") },
          { "year", 'y', 0, G_OPTION_ARG_INT, &year,
            N_ ("With --bloc: refuse forms of other years (default: the newest)"), N_ ("YEAR") },
          { NULL } };
  g_autoptr (GOptionContext) context
      = g_option_context_new (_ ("DATABASE FILE… — import filled self-score forms"));
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = NULL;
  g_autoptr (GPtrArray) paths = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (TdScoreImport) undo = td_score_import_new ();
  guint n_ready, n_changes, n_refused, n_cells, n_done = 0;
  gint64 bloc_year_id = 0;

  g_option_context_set_summary (
      context, _ ("Read the members' filled self-score forms (.xlsx, or folders of them) into "
                  "their self-scores. Each form is checked against the database: its bloc and "
                  "year, its unit and the criteria table it was made from. Each form is saved "
                  "in one transaction; the audit trail names its file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc < 3)
    return usage_error (_ ("Name the database and the forms, for example: thidua import-forms "
                           "khoi6.db Phieu-tu-cham/*.xlsx"));
  if (year != 0 && bloc == NULL)
    return usage_error (_ ("--year goes with --bloc."));

  paths = td_form_files_expand ((const char *const *)argv + 2, &error);
  if (paths == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  db = td_db_open (argv[1], dry_run ? TD_DB_OPEN_READ_ONLY : TD_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (bloc != NULL && (bloc_year_id = td_cli_find_bloc_year (db, bloc, year, &error)) == 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  files = td_form_files_read (paths, NULL);
  plans = td_form_plan (db, files, bloc_year_id, &error);
  if (plans == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < plans->len; i++)
    print_plan (plans->pdata[i], dry_run);
  td_form_plans_count (plans, &n_ready, &n_changes, &n_refused, &n_cells);
  if (!dry_run && !td_form_plans_apply (db, plans, undo, &n_done, &error))
    {
      g_printerr ("%s\n", error->message);
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u form was imported before the failure.\n",
                               "%u forms were imported before the failure.\n", n_done),
                  n_done);
      return 1;
    }
  g_print ("\n");
  g_print (dry_run ? g_dngettext (GETTEXT_PACKAGE, "%u form would be imported (%u rows)",
                                  "%u forms would be imported (%u rows)", n_ready)
                   : g_dngettext (GETTEXT_PACKAGE, "%u form imported (%u rows)",
                                  "%u forms imported (%u rows)", n_ready),
           n_ready, n_changes);
  g_print (g_dngettext (GETTEXT_PACKAGE, ", %u refused", ", %u refused", n_refused), n_refused);
  g_print (g_dngettext (GETTEXT_PACKAGE, ", %u cell refused.\n", ", %u cells refused.\n", n_cells),
           n_cells);
  return n_refused > 0 || n_cells > 0 ? 1 : 0;
}
