/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Campaigns of a bloc-year, their targets and the members' results.
 *
 * A campaign has a window (starts..ends) that must not end before it
 * starts; a target is either a yes/no statement or a graded level, and a
 * member's result is kept as text ("đạt", "Hoàn thành tốt nhiệm vụ"…)
 * because the levels are the words the official sheets print. */
#include "config.h"

#include "td-campaign.h"
#include "td-registry.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>

static const char *const kind_keys[] = { "yearly", "drive1", "drive2", "special", "topical" };

TdCampaign *
td_campaign_new (void)
{
  TdCampaign *c = g_new0 (TdCampaign, 1);

  g_date_clear (&c->starts, 1);
  g_date_clear (&c->ends, 1);
  return c;
}

void
td_campaign_free (TdCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->name);
  g_free (campaign->theme);
  g_free (campaign->slogan);
  g_free (campaign->notes);
  g_free (campaign);
}

TdTarget *
td_target_new (void)
{
  return g_new0 (TdTarget, 1);
}

void
td_target_free (TdTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->text);
  g_free (target->required_level);
  g_free (target);
}

const char *
td_campaign_kind_label (TdCampaignKind kind)
{
  switch (kind)
    {
    case TD_CAMPAIGN_DRIVE1:
      return _ ("Drive I");
    case TD_CAMPAIGN_DRIVE2:
      return _ ("Drive II");
    case TD_CAMPAIGN_SPECIAL:
      return _ ("Special drive");
    case TD_CAMPAIGN_TOPICAL:
      return _ ("Topical");
    case TD_CAMPAIGN_YEARLY:
    default:
      return _ ("Yearly");
    }
}

const char *
td_target_kind_label (TdTargetKind kind)
{
  return kind == TD_TARGET_LEVEL ? _ ("Graded level") : _ ("Yes or no");
}

/* Official wording, not translated: these words go on the sheets. */
const char *const *
td_target_result_choices (TdTargetKind kind)
{
  static const char *const yesno[] = { "", "Đạt", "Không đạt", NULL };
  static const char *const level[] = { "",
                                       "Hoàn thành xuất sắc nhiệm vụ",
                                       "Hoàn thành tốt nhiệm vụ",
                                       "Hoàn thành nhiệm vụ",
                                       "Không hoàn thành nhiệm vụ",
                                       NULL };

  return kind == TD_TARGET_LEVEL ? level : yesno;
}

static const char *
str_or_empty (const char *s)
{
  return s ? s : "";
}

static gchar *
column_dup (sqlite3_stmt *stmt, int column)
{
  return td_db_dup_text (stmt, column);
}

gboolean
td_campaign_check (const TdCampaign *campaign, GError **error)
{
  g_autofree gchar *name = td_text_normalize_space (campaign->name);

  if (name[0] == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Campaign name: enter a name; it cannot be empty."));
      return FALSE;
    }
  if (!g_date_valid (&campaign->starts))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Starts: enter the first day of the campaign as dd/mm/yyyy."));
      return FALSE;
    }
  if (!g_date_valid (&campaign->ends))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Ends: enter the last day of the campaign as dd/mm/yyyy."));
      return FALSE;
    }
  if (g_date_compare (&campaign->ends, &campaign->starts) < 0)
    {
      g_autofree gchar *s = td_date_to_display (&campaign->starts);
      g_autofree gchar *e = td_date_to_display (&campaign->ends);

      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Ends: %s is before the start %s; the campaign must end on or after the "
                      "day it starts."),
                   e, s);
      return FALSE;
    }
  if ((gint)campaign->kind < 0 || campaign->kind >= TD_CAMPAIGN_N_KINDS)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Kind: choose yearly, Drive I, Drive II, special drive or topical."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
bind_campaign (sqlite3_stmt *stmt, const TdCampaign *c)
{
  g_autofree gchar *starts = td_date_to_iso (&c->starts);
  g_autofree gchar *ends = td_date_to_iso (&c->ends);
  g_autofree gchar *name = td_text_normalize_space (c->name);

  sqlite3_bind_int64 (stmt, 1, c->bloc_year_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind_keys[c->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, str_or_empty (c->theme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, str_or_empty (c->slogan), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, starts, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, ends, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, str_or_empty (c->notes), -1, SQLITE_TRANSIENT);
  return TRUE;
}

gint64
td_campaign_add (TdDb *db, const TdCampaign *campaign, GError **error)
{
  sqlite3_stmt *stmt;

  if (!td_campaign_check (campaign, error))
    return 0;
  stmt = td_db_prepare (db,
                        "INSERT INTO campaign (bloc_year_id, name, kind, theme, slogan, starts,"
                        " ends, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return 0;
  bind_campaign (stmt, campaign);
  if (!td_db_run (db, stmt, error))
    return 0;
  td_db_notify_changed (db, "campaigns");
  return td_db_last_insert_id (db);
}

gboolean
td_campaign_update (TdDb *db, const TdCampaign *campaign, GError **error)
{
  sqlite3_stmt *stmt;

  if (!td_campaign_check (campaign, error))
    return FALSE;
  stmt = td_db_prepare (db,
                        "UPDATE campaign SET bloc_year_id = ?1, name = ?2, kind = ?3, theme = ?4,"
                        " slogan = ?5, starts = ?6, ends = ?7, notes = ?8 WHERE id = ?9",
                        error);
  if (stmt == NULL)
    return FALSE;
  bind_campaign (stmt, campaign);
  sqlite3_bind_int64 (stmt, 9, campaign->id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "campaigns");
  return TRUE;
}

gboolean
td_campaign_delete (TdDb *db, gint64 campaign_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db, "DELETE FROM campaign WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "campaigns");
  return TRUE;
}

#define CAMPAIGN_COLUMNS "id, bloc_year_id, name, kind, theme, slogan, starts, ends, notes"

static TdCampaign *
campaign_from_row (sqlite3_stmt *stmt)
{
  TdCampaign *c = td_campaign_new ();
  const char *kind = (const char *)sqlite3_column_text (stmt, 3);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->bloc_year_id = sqlite3_column_int64 (stmt, 1);
  c->name = column_dup (stmt, 2);
  for (guint i = 0; i < G_N_ELEMENTS (kind_keys); i++)
    if (g_strcmp0 (kind, kind_keys[i]) == 0)
      c->kind = (TdCampaignKind)i;
  c->theme = column_dup (stmt, 4);
  c->slogan = column_dup (stmt, 5);
  td_date_from_iso ((const char *)sqlite3_column_text (stmt, 6), &c->starts);
  td_date_from_iso ((const char *)sqlite3_column_text (stmt, 7), &c->ends);
  c->notes = column_dup (stmt, 8);
  return c;
}

TdCampaign *
td_campaign_get (TdDb *db, gint64 campaign_id, GError **error)
{
  sqlite3_stmt *stmt
      = td_db_prepare (db, "SELECT " CAMPAIGN_COLUMNS " FROM campaign WHERE id = ?", error);
  TdCampaign *c = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  switch (td_db_step (db, stmt, error))
    {
    case TD_STEP_ROW:
      c = campaign_from_row (stmt);
      sqlite3_reset (stmt);
      break;
    case TD_STEP_DONE:
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("The campaign no longer exists."));
      break;
    case TD_STEP_ERROR:
      break;
    }
  return c;
}

/* The bloc-year's campaigns, its own and those shared with it, by start
 * date. */
GPtrArray *
td_campaign_list (TdDb *db, gint64 bloc_year_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT " CAMPAIGN_COLUMNS " FROM campaign"
                                      " WHERE bloc_year_id = ?1 OR id IN (SELECT campaign_id"
                                      "   FROM campaign_share WHERE bloc_year_id = ?1)"
                                      " ORDER BY starts, name COLLATE VI",
                                      error);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)td_campaign_free);
  TdStep r;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    g_ptr_array_add (list, campaign_from_row (stmt));
  return r == TD_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

static gboolean
check_target (const TdTarget *target, GError **error)
{
  g_autofree gchar *text = td_text_normalize_space (target->text);

  if (text[0] == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Target: enter what the members strive for; it cannot be empty."));
      return FALSE;
    }
  return TRUE;
}

gint64
td_campaign_add_target (TdDb *db, const TdTarget *target, GError **error)
{
  sqlite3_stmt *stmt;
  gint position = target->position;

  if (!check_target (target, error))
    return 0;
  if (position <= 0)
    {
      g_autofree gchar *sql = g_strdup_printf ("SELECT coalesce (max (position), 0) + 1 FROM "
                                               "target WHERE campaign_id = %" G_GINT64_FORMAT,
                                               target->campaign_id);
      position = (gint)td_db_query_int (db, sql, 1, NULL);
    }
  stmt = td_db_prepare (db,
                        "INSERT INTO target (campaign_id, position, text, kind, required_level)"
                        " VALUES (?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, target->campaign_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, target->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, target->kind == TD_TARGET_LEVEL ? "level" : "yesno", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, str_or_empty (target->required_level), -1, SQLITE_TRANSIENT);
  if (!td_db_run (db, stmt, error))
    return 0;
  td_db_notify_changed (db, "campaigns");
  return td_db_last_insert_id (db);
}

gboolean
td_campaign_update_target (TdDb *db, const TdTarget *target, GError **error)
{
  sqlite3_stmt *stmt;

  if (!check_target (target, error))
    return FALSE;
  stmt = td_db_prepare (db, "UPDATE target SET text = ?, kind = ?, required_level = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, target->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, target->kind == TD_TARGET_LEVEL ? "level" : "yesno", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, str_or_empty (target->required_level), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, target->id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "campaigns");
  return TRUE;
}

gboolean
td_campaign_delete_target (TdDb *db, gint64 target_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db, "DELETE FROM target WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target_id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "campaigns");
  return TRUE;
}

GPtrArray *
td_campaign_list_targets (TdDb *db, gint64 campaign_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT id, campaign_id, position, text, kind,"
                                      " required_level FROM target WHERE campaign_id = ?"
                                      " ORDER BY position, id",
                                      error);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)td_target_free);
  TdStep r;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      TdTarget *t = td_target_new ();

      t->id = sqlite3_column_int64 (stmt, 0);
      t->campaign_id = sqlite3_column_int64 (stmt, 1);
      t->position = sqlite3_column_int (stmt, 2);
      t->text = column_dup (stmt, 3);
      t->kind = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 4), "level") == 0
                    ? TD_TARGET_LEVEL
                    : TD_TARGET_YESNO;
      t->required_level = column_dup (stmt, 5);
      g_ptr_array_add (list, t);
    }
  return r == TD_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

/* An empty @result clears it (not assessed yet). */
gboolean
td_campaign_set_result (TdDb *db, gint64 target_id, gint64 unit_id, const char *result,
                        GError **error)
{
  g_autofree gchar *clean = td_text_normalize_space (result);
  sqlite3_stmt *stmt;

  if (clean[0] == '\0')
    stmt = td_db_prepare (db, "DELETE FROM target_result WHERE target_id = ?1 AND unit_id = ?2",
                          error);
  else
    stmt = td_db_prepare (
        db,
        "INSERT INTO target_result (target_id, unit_id, result) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (target_id, unit_id) DO UPDATE SET result = excluded.result",
        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (clean[0] != '\0')
    sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "campaigns");
  return TRUE;
}

gchar *
td_campaign_get_result (TdDb *db, gint64 target_id, gint64 unit_id)
{
  sqlite3_stmt *stmt = td_db_prepare (
      db, "SELECT result FROM target_result WHERE target_id = ? AND unit_id = ?", NULL);
  gchar *result = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, target_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (td_db_step (db, stmt, NULL) == TD_STEP_ROW)
    {
      result = column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  return result ? result : g_strdup ("");
}

/* The other bloc-years @campaign_id is shared with. */
GArray *
td_campaign_list_shares (TdDb *db, gint64 campaign_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT s.bloc_year_id FROM campaign_share s"
                                      " JOIN bloc_year y ON y.id = s.bloc_year_id"
                                      " WHERE s.campaign_id = ? ORDER BY y.year, y.bloc_id",
                                      error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TdStep r;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return r == TD_STEP_DONE ? g_steal_pointer (&ids) : NULL;
}

/* Shares the campaign with another bloc-year, or stops sharing it. */
gboolean
td_campaign_set_shared (TdDb *db, gint64 campaign_id, gint64 bloc_year_id, gboolean shared,
                        GError **error)
{
  g_autoptr (TdCampaign) campaign = td_campaign_get (db, campaign_id, error);
  sqlite3_stmt *stmt;

  if (campaign == NULL)
    return FALSE;
  if (campaign->bloc_year_id == bloc_year_id)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Shared with: the campaign already belongs to this bloc and year; choose "
                      "another bloc or year."));
      return FALSE;
    }
  stmt = td_db_prepare (db,
                        shared ? "INSERT OR IGNORE INTO campaign_share (campaign_id, bloc_year_id)"
                                 " VALUES (?, ?)"
                               : "DELETE FROM campaign_share WHERE campaign_id = ? AND"
                                 " bloc_year_id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, bloc_year_id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "campaigns");
  return TRUE;
}
