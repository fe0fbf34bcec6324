/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The registry over the years (part of the API in td-registry.h): renames
 * from a date, retiring and merging units, removing and deleting them,
 * the head and deputy of a bloc-year, and starting a new year from the
 * previous one.  Past years are history: none of these rewrites what an
 * earlier year's sheets showed. */
#include "config.h"

#include "td-criteria.h"
#include "td-query.h"
#include "td-ranking-store.h"
#include "td-registry-private.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* From @from on the unit bears @name; earlier years keep the old name. */
gboolean
td_registry_rename_unit (TdDb *db, gint64 unit_id, const GDate *from, const char *name,
                         const char *short_name, GError **error)
{
  g_autofree gchar *iso = td_date_to_iso (from);
  g_autofree gchar *clean = NULL;
  g_autofree gchar *clean_short = NULL;

  if (!td_registry_require_name (name, _ ("New name"), error))
    return FALSE;
  if (iso == NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Effective date: enter the date the new name takes effect, as dd/mm/yyyy."));
      return FALSE;
    }
  if (!td_registry_check_year (g_date_get_year (from), error))
    return FALSE;
  clean = td_text_normalize_space (name);
  clean_short = td_text_normalize_space (short_name);
  if (!td_db_begin (db, error))
    return FALSE;
  if (!td_query_run (db,
                     "INSERT OR REPLACE INTO unit_name (unit_id, valid_from, name, short_name)"
                     " VALUES (?, ?, ?, ?)",
                     error, "xsss", unit_id, iso, clean, clean_short))
    return td_query_finish (db, FALSE, NULL, error);
  /* The unit's own record carries its newest name. */
  td_query_run (db,
                "UPDATE unit SET (name, short_name) = (SELECT name, short_name FROM unit_name"
                " WHERE unit_id = ?1 ORDER BY valid_from DESC LIMIT 1) WHERE id = ?1",
                NULL, "x", unit_id);
  return td_query_finish (db, TRUE, "registry", error);
}

static gboolean
set_retired (TdDb *db, gint64 unit_id, gint year, gint64 merged_into, GError **error)
{
  return td_query_run (db, "UPDATE unit SET retired_year = ?, merged_into = ? WHERE id = ?", error,
                       "rrx", (gint64)year, merged_into, unit_id);
}

/* Hides the unit from @from_year on: new years no longer list it, while
 * every earlier year keeps it with its scores. */
gboolean
td_registry_retire_unit (TdDb *db, gint64 unit_id, gint from_year, GError **error)
{
  if (!td_registry_check_year (from_year, error) || !set_retired (db, unit_id, from_year, 0, error))
    return FALSE;
  td_db_notify_changed (db, "registry");
  return TRUE;
}

gboolean
td_registry_unretire_unit (TdDb *db, gint64 unit_id, GError **error)
{
  if (!set_retired (db, unit_id, 0, 0, error))
    return FALSE;
  td_db_notify_changed (db, "registry");
  return TRUE;
}

/* Two or more units become one on @on: the successor is created (founded
 * that day), the predecessors are retired from that year and point to it.
 * In the bloc-years of that year and later that held a predecessor, the
 * successor becomes a member and takes over its role; the years before
 * are left exactly as they were. */
gint64
td_registry_merge_units (TdDb *db, const gint64 *unit_ids, guint n_units, const TdUnit *successor,
                         const GDate *on, GError **error)
{
  g_autoptr (TdUnit) copy = td_unit_new ();
  gboolean ok;
  gint year;
  gint64 id;

  if (n_units < 2)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Units to merge: choose at least two units."));
      return 0;
    }
  if (on == NULL || !g_date_valid (on))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Merge date: enter the date the units become one, as dd/mm/yyyy."));
      return 0;
    }
  year = g_date_get_year (on);
  if (!td_registry_check_year (year, error)
      || !td_registry_require_name (successor->name, _ ("Unit name"), error))
    return 0;
  if (!td_db_begin (db, error))
    return 0;

  *copy = *successor;
  copy->founded = *on;
  copy->retired_year = 0;
  copy->merged_into = 0;
  id = td_registry_add_unit (db, copy, error);
  memset (copy, 0, sizeof *copy); /* the strings belong to @successor */
  ok = id != 0;
  for (guint i = 0; ok && i < n_units; i++)
    ok = set_retired (db, unit_ids[i], year, id, error)
         && td_query_run (db,
                          "INSERT OR IGNORE INTO membership (bloc_year_id, unit_id)"
                          " SELECT m.bloc_year_id, ?1 FROM membership m"
                          " JOIN bloc_year y ON y.id = m.bloc_year_id"
                          " WHERE m.unit_id = ?2 AND y.year >= ?3",
                          error, "xxi", id, unit_ids[i], year)
         && td_query_run (db,
                          "UPDATE bloc_year SET"
                          " head_unit_id = CASE head_unit_id WHEN ?2 THEN ?1 ELSE head_unit_id END,"
                          " deputy_unit_id = CASE deputy_unit_id WHEN ?2 THEN ?1"
                          " ELSE deputy_unit_id END"
                          " WHERE year >= ?3",
                          error, "xxi", id, unit_ids[i], year);
  return td_query_finish (db, ok, "registry", error) ? id : 0;
}

/* How many score entries the unit has in @bloc_year_id, or anywhere when
 * it is 0. */
gint
td_registry_count_scores (TdDb *db, gint64 unit_id, gint64 bloc_year_id)
{
  if (bloc_year_id != 0)
    return (gint)td_query_int (db,
                               "SELECT count (*) FROM entry e"
                               " JOIN criterion c ON c.id = e.criterion_id"
                               " JOIN criteria_table t ON t.id = c.table_id"
                               " WHERE e.unit_id = ? AND t.bloc_year_id = ?",
                               0, NULL, "xx", unit_id, bloc_year_id);
  return (gint)td_query_int (db, "SELECT count (*) FROM entry WHERE unit_id = ?", 0, NULL, "x",
                             unit_id);
}

static gboolean
refuse_scored (TdDb *db, gint64 unit_id, gint64 bloc_year_id, GError **error)
{
  gint n = td_registry_count_scores (db, unit_id, bloc_year_id);

  if (n > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The unit already has %d score, and scores are history that "
                                "must stay. Retire the unit instead: it keeps its past years "
                                "and is left out of new ones.",
                                "The unit already has %d scores, and scores are history that "
                                "must stay. Retire the unit instead: it keeps its past years "
                                "and is left out of new ones.",
                                n),
                   n);
      return FALSE;
    }
  return TRUE;
}

/* A deadline assigned to the unit alone would lose its owner, and the
 * meeting's votes, overrides and proposal decisions are history. */
static gboolean
refuse_responsible (TdDb *db, gint64 unit_id, GError **error)
{
  GError *local = NULL;
  gint n = (gint)td_query_int (db, "SELECT count (*) FROM deadline WHERE unit_id = ?", 0, &local,
                               "x", unit_id);
  gint64 decisions;

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (n > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%d deadline in the calendar is assigned to this unit. Assign it "
                                "to someone else first, or retire the unit instead.",
                                "%d deadlines in the calendar are assigned to this unit. Assign "
                                "them to someone else first, or retire the unit instead.",
                                n),
                   n);
      return FALSE;
    }
  decisions = td_query_int (db,
                            "SELECT (SELECT count (*) FROM ranking_vote WHERE unit_id = ?1)"
                            " + (SELECT count (*) FROM ranking_override WHERE unit_id = ?1)"
                            " + (SELECT count (*) FROM proposal_decision WHERE unit_id = ?1)",
                            0, &local, "x", unit_id);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (decisions > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                   _ ("The meeting's votes, overrides or award decisions name this unit, and they "
                      "are history that must stay. Retire the unit instead."));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *const *steps;
  guint n_steps;
  gint64 a, b;
} Steps;

/* Each step binds ?1 to a and ?2 to b. */
static gboolean
run_steps (TdDb *db, gpointer data, GError **error)
{
  Steps *s = data;

  for (guint i = 0; i < s->n_steps; i++)
    if (!td_query_run (db, s->steps[i], error, "xx", s->a, s->b))
      return FALSE;
  return TRUE;
}

/* Deletes a unit that has no scores, with its names, memberships and
 * campaign results.  A unit with scores is refused (retire it instead). */
gboolean
td_registry_delete_unit (TdDb *db, gint64 unit_id, GError **error)
{
  static const char *const steps[] = {
    "UPDATE bloc_year SET head_unit_id = NULL WHERE head_unit_id = ?1",
    "UPDATE bloc_year SET deputy_unit_id = NULL WHERE deputy_unit_id = ?1",
    "UPDATE unit SET merged_into = NULL WHERE merged_into = ?1",
    "DELETE FROM target_result WHERE unit_id = ?1",
    "DELETE FROM deadline_member WHERE unit_id = ?1",
    "DELETE FROM ranking_seen WHERE unit_id = ?1", /* what the clerk saw last: derived */
    "DELETE FROM membership WHERE unit_id = ?1",
    "DELETE FROM unit_name WHERE unit_id = ?1",
    "DELETE FROM unit WHERE id = ?1",
  };
  Steps s = { steps, G_N_ELEMENTS (steps), unit_id, 0 };

  return refuse_scored (db, unit_id, 0, error) && refuse_responsible (db, unit_id, error)
         && td_query_change (db, "registry", NULL, run_steps, &s, error);
}

/* Takes the unit out of the bloc-year (it stays in the registry and in
 * other years); a head or deputy loses the role.  Refused when the unit
 * has scores in that year. */
gboolean
td_registry_remove_member (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  static const char *const steps[] = {
    "UPDATE bloc_year SET head_unit_id = NULL WHERE id = ?1 AND head_unit_id = ?2",
    "UPDATE bloc_year SET deputy_unit_id = NULL WHERE id = ?1 AND deputy_unit_id = ?2",
    "DELETE FROM target_result WHERE unit_id = ?2 AND target_id IN (SELECT t.id FROM target t"
    " JOIN campaign c ON c.id = t.campaign_id WHERE c.bloc_year_id = ?1)",
    "DELETE FROM membership WHERE bloc_year_id = ?1 AND unit_id = ?2",
  };
  Steps s = { steps, G_N_ELEMENTS (steps), bloc_year_id, unit_id };

  return refuse_scored (db, unit_id, bloc_year_id, error)
         && td_query_change (db, "registry", NULL, run_steps, &s, error);
}

/* ---- head, deputy and signatory ---- */

/* The head and the deputy are two different members of the bloc-year;
 * either may be unset (0). */
gboolean
td_registry_check_roles (TdDb *db, gint64 bloc_year_id, gint64 head_unit_id, gint64 deputy_unit_id,
                         GError **error)
{
  if (head_unit_id != 0 && head_unit_id == deputy_unit_id)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Deputy: the head unit cannot also be the deputy; choose another member."));
      return FALSE;
    }
  if (head_unit_id != 0 && !td_registry_is_member (db, bloc_year_id, head_unit_id))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Head: the unit is not a member of the bloc this year; add it as a member "
                      "first or choose a member."));
      return FALSE;
    }
  if (deputy_unit_id != 0 && !td_registry_is_member (db, bloc_year_id, deputy_unit_id))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Deputy: the unit is not a member of the bloc this year; add it as a member "
                      "first or choose a member."));
      return FALSE;
    }
  return TRUE;
}

gboolean
td_registry_set_roles (TdDb *db, gint64 bloc_year_id, gint64 head_unit_id, gint64 deputy_unit_id,
                       GError **error)
{
  return td_registry_check_roles (db, bloc_year_id, head_unit_id, deputy_unit_id, error)
         && td_query_run_change (
             db, "registry", NULL, error,
             "UPDATE bloc_year SET head_unit_id = ?, deputy_unit_id = ? WHERE id = ?", "rrx",
             head_unit_id, deputy_unit_id, bloc_year_id);
}

/* Saves roles and signatory; the year itself does not change. */
gboolean
td_registry_update_bloc_year (TdDb *db, const TdBlocYear *bloc_year, GError **error)
{
  return td_registry_check_year (bloc_year->year, error)
         && td_registry_check_roles (db, bloc_year->id, bloc_year->head_unit_id,
                                     bloc_year->deputy_unit_id, error)
         && td_query_run_change (db, "registry", NULL, error,
                                 "UPDATE bloc_year SET head_unit_id = ?, deputy_unit_id = ?,"
                                 " signer_name = ?, signer_position = ?, signer_authority = ?"
                                 " WHERE id = ?",
                                 "rreeex", bloc_year->head_unit_id, bloc_year->deputy_unit_id,
                                 bloc_year->signer_name, bloc_year->signer_position,
                                 bloc_year->signer_authority, bloc_year->id);
}

/* ---- a new year ---- */

typedef struct
{
  TdNewYearHook hook;
  gpointer user_data;
} NewYearHook;

static GArray *new_year_hooks;

void
td_registry_add_new_year_hook (TdNewYearHook hook, gpointer user_data)
{
  NewYearHook h = { hook, user_data };

  if (new_year_hooks == NULL)
    new_year_hooks = g_array_new (FALSE, FALSE, sizeof (NewYearHook));
  for (guint i = 0; i < new_year_hooks->len; i++)
    {
      NewYearHook *o = &g_array_index (new_year_hooks, NewYearHook, i);
      if (o->hook == hook && o->user_data == user_data)
        return;
    }
  g_array_append_val (new_year_hooks, h);
}

void
td_registry_remove_new_year_hook (TdNewYearHook hook, gpointer user_data)
{
  for (guint i = 0; new_year_hooks != NULL && i < new_year_hooks->len; i++)
    {
      NewYearHook *o = &g_array_index (new_year_hooks, NewYearHook, i);
      if (o->hook == hook && o->user_data == user_data)
        {
          g_array_remove_index (new_year_hooks, i);
          return;
        }
    }
}

/* The copy steps of the other parts of the core, registered once before
 * the first new year: the criteria table, then the ranking settings. */
static void
register_builtin_steps (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      td_registry_add_new_year_hook (td_criteria_new_year_hook, NULL);
      td_registry_add_new_year_hook (td_ranking_new_year_hook, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* Creates @year for the bloc from its latest earlier year: the members
 * that are not retired by then, the head and deputy (when still members)
 * and the signatory.  Then every registered hook copies its own part
 * (criteria, ranking settings…), all in one transaction, and the database
 * emits "changed::new-year".  Returns the new bloc-year's id. */
gint64
td_registry_start_new_year (TdDb *db, gint64 bloc_id, gint year, GError **error)
{
  g_autoptr (TdBlocYear) prev = NULL;
  g_autoptr (TdBlocYear) next = td_bloc_year_new ();
  g_autoptr (GArray) units = NULL;
  GError *local = NULL;
  gboolean ok;
  gint64 prev_id, id;

  register_builtin_steps ();
  if (!td_registry_check_year (year, error))
    return 0;
  prev_id = td_query_int (db,
                          "SELECT id FROM bloc_year WHERE bloc_id = ? AND year < ?"
                          " ORDER BY year DESC LIMIT 1",
                          0, &local, "xi", bloc_id, year);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return 0;
    }

  next->bloc_id = bloc_id;
  next->year = year;
  if (prev_id != 0)
    {
      prev = td_registry_get_bloc_year (db, prev_id, error);
      if (prev == NULL)
        return 0;
      next->signer_name = g_strdup (prev->signer_name);
      next->signer_position = g_strdup (prev->signer_position);
      next->signer_authority = g_strdup (prev->signer_authority);
      units = td_query_ids (db,
                            "SELECT m.unit_id FROM membership m JOIN unit u ON u.id = m.unit_id"
                            " WHERE m.bloc_year_id = ? AND (u.retired_year IS NULL"
                            " OR u.retired_year > ?)",
                            error, "xi", prev_id, year);
      if (units == NULL)
        return 0;
      for (guint i = 0; i < units->len; i++)
        {
          gint64 unit_id = g_array_index (units, gint64, i);

          if (unit_id == prev->head_unit_id)
            next->head_unit_id = unit_id;
          if (unit_id == prev->deputy_unit_id)
            next->deputy_unit_id = unit_id;
        }
    }

  if (!td_db_begin (db, error))
    return 0;
  id = td_registry_add_bloc_year (db, next, error);
  ok = id != 0;
  for (guint i = 0; ok && units != NULL && i < units->len; i++)
    ok = td_registry_add_member (db, id, g_array_index (units, gint64, i), error);
  for (guint i = 0; ok && prev_id != 0 && new_year_hooks != NULL && i < new_year_hooks->len; i++)
    {
      NewYearHook *h = &g_array_index (new_year_hooks, NewYearHook, i);

      ok = h->hook (db, prev_id, id, h->user_data, error);
    }
  return td_query_finish (db, ok, "new-year", error) ? id : 0;
}
