/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Campaigns of a bloc-year, their targets and the members' results.
 *
 * A campaign has a window (starts..ends) that must not end before it
 * starts; a target is either a yes/no statement or a graded level, and a
 * member's result is kept as text ("đạt", "Hoàn thành tốt nhiệm vụ"…)
 * because the levels are the words the official sheets print. */
#include "config.h"

#include "td-enum.h"
#include "td-campaign.h"
#include "td-query.h"
#include "td-record.h"
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

static const gsize campaign_texts[]
    = { G_STRUCT_OFFSET (TdCampaign, name), G_STRUCT_OFFSET (TdCampaign, theme),
        G_STRUCT_OFFSET (TdCampaign, slogan), G_STRUCT_OFFSET (TdCampaign, notes), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdCampaign, td_campaign_free, campaign_texts);

TD_RECORD_DEFINE_NEW (TdTarget, td_target_new);

static const gsize target_texts[] = { G_STRUCT_OFFSET (TdTarget, text),
                                      G_STRUCT_OFFSET (TdTarget, required_level), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdTarget, td_target_free, target_texts);

static const char *const kind_labels[] = {
  [TD_CAMPAIGN_YEARLY] = N_ ("Yearly"),   [TD_CAMPAIGN_DRIVE1] = N_ ("Drive I"),
  [TD_CAMPAIGN_DRIVE2] = N_ ("Drive II"), [TD_CAMPAIGN_SPECIAL] = N_ ("Special drive"),
  [TD_CAMPAIGN_TOPICAL] = N_ ("Topical"),
};

TD_ENUM_DEFINE_LABEL (TdCampaignKind, td_campaign_kind_label, kind_labels, TD_CAMPAIGN_YEARLY);

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

gchar *
td_target_result_short (const char *result)
{
  g_auto (GStrv) words = NULL;
  GString *initials;

  if (result == NULL || !g_utf8_validate (result, -1, NULL))
    return g_strdup ("");
  words = g_strsplit_set (result, " \t", -1);
  if (g_strv_length (words) < 3)
    return g_strdup (result);
  initials = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        /* The letter without its tone mark and upper case: "xuất" → "X",
         * "Đạt" → "Đ" (đ is a letter of its own, kept). */
        gunichar c = g_unichar_toupper (g_utf8_get_char (words[i]));
        gunichar base[4];
        gsize n = 0;

        if (g_unichar_fully_decompose (c, FALSE, base, G_N_ELEMENTS (base)) > 0)
          n = 1;
        g_string_append_unichar (initials, n > 0 ? base[0] : c);
      }
  return g_string_free (initials, FALSE);
}

gboolean
td_campaign_check (const TdCampaign *campaign, GError **error)
{
  if (!td_error_require_text (campaign->name,
                              _ ("Campaign name: enter a name; it cannot be empty."), error))
    return FALSE;
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

/* The campaign's columns in order, then its id (see TdQueryTable). */
static gboolean
write_campaign (TdDb *db, const char *sql, gconstpointer record, GError **error)
{
  const TdCampaign *c = record;
  g_autofree gchar *name = td_text_normalize_space (c->name);

  return td_campaign_check (c, error)
         && td_query_run (db, sql, error, "xsseeddex", c->bloc_year_id, name, kind_keys[c->kind],
                          c->theme, c->slogan, &c->starts, &c->ends, c->notes, c->id);
}

static const TdQueryTable campaign_table
    = { "campaign", "bloc_year_id, name, kind, theme, slogan, starts, ends, notes", "campaigns",
        write_campaign };

TD_QUERY_DEFINE_WRITES (TdCampaign, campaign_table, td_campaign_add, td_campaign_update,
                        td_campaign_delete);

#define CAMPAIGN_COLUMNS "id, bloc_year_id, name, kind, theme, slogan, starts, ends, notes"

static gpointer
campaign_from_row (sqlite3_stmt *stmt)
{
  TdCampaign *c = td_campaign_new ();
  gint kind = TD_ENUM_FROM_ID (kind_keys, (const char *)sqlite3_column_text (stmt, 3));

  td_query_columns (stmt, "xxs-ssdds", &c->id, &c->bloc_year_id, &c->name, &c->theme, &c->slogan,
                    &c->starts, &c->ends, &c->notes);
  if (kind >= 0)
    c->kind = (TdCampaignKind)kind;
  return c;
}

TdCampaign *
td_campaign_get (TdDb *db, gint64 campaign_id, GError **error)
{
  return td_query_one (db, "SELECT " CAMPAIGN_COLUMNS " FROM campaign WHERE id = ?",
                       campaign_from_row, _ ("The campaign no longer exists."), error, "x",
                       campaign_id);
}

/* The bloc-year's campaigns, its own and those shared with it, by start
 * date. */
GPtrArray *
td_campaign_list (TdDb *db, gint64 bloc_year_id, GError **error)
{
  return td_query_list (db,
                        "SELECT " CAMPAIGN_COLUMNS " FROM campaign"
                        " WHERE bloc_year_id = ?1 OR id IN (SELECT campaign_id"
                        "   FROM campaign_share WHERE bloc_year_id = ?1)"
                        " ORDER BY starts, name COLLATE VI",
                        campaign_from_row, (GDestroyNotify)td_campaign_free, error, "x",
                        bloc_year_id);
}

static gboolean
check_target (const TdTarget *target, GError **error)
{
  return td_error_require_text (
      target->text, _ ("Target: enter what the members strive for; it cannot be empty."), error);
}

static const char *
target_kind_key (TdTargetKind kind)
{
  return kind == TD_TARGET_LEVEL ? "level" : "yesno";
}

gint64
td_campaign_add_target (TdDb *db, const TdTarget *target, GError **error)
{
  gint position = target->position;

  if (!check_target (target, error))
    return 0;
  if (position <= 0)
    position = (gint)td_query_int (
        db, "SELECT coalesce (max (position), 0) + 1 FROM target WHERE campaign_id = ?", 1, NULL,
        "x", target->campaign_id);
  if (!td_query_run_change (db, "campaigns", NULL, error,
                            "INSERT INTO target (campaign_id, position, text, kind, required_level)"
                            " VALUES (?, ?, ?, ?, ?)",
                            "xisse", target->campaign_id, position, target->text,
                            target_kind_key (target->kind), target->required_level))
    return 0;
  return td_db_last_insert_id (db);
}

gboolean
td_campaign_update_target (TdDb *db, const TdTarget *target, GError **error)
{
  return check_target (target, error)
         && td_query_run_change (
             db, "campaigns", NULL, error,
             "UPDATE target SET text = ?, kind = ?, required_level = ? WHERE id = ?", "ssex",
             target->text, target_kind_key (target->kind), target->required_level, target->id);
}

gboolean
td_campaign_delete_target (TdDb *db, gint64 target_id, GError **error)
{
  return td_query_run_change (db, "campaigns", NULL, error, "DELETE FROM target WHERE id = ?", "x",
                              target_id);
}

static gpointer
target_from_row (sqlite3_stmt *stmt)
{
  TdTarget *t = td_target_new ();

  td_query_columns (stmt, "xxis-s", &t->id, &t->campaign_id, &t->position, &t->text,
                    &t->required_level);
  t->kind = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 4), "level") == 0 ? TD_TARGET_LEVEL
                                                                                  : TD_TARGET_YESNO;
  return t;
}

GPtrArray *
td_campaign_list_targets (TdDb *db, gint64 campaign_id, GError **error)
{
  return td_query_list (db,
                        "SELECT id, campaign_id, position, text, kind, required_level FROM target"
                        " WHERE campaign_id = ? ORDER BY position, id",
                        target_from_row, (GDestroyNotify)td_target_free, error, "x", campaign_id);
}

/* An empty @result clears it (not assessed yet). */
gboolean
td_campaign_set_result (TdDb *db, gint64 target_id, gint64 unit_id, const char *result,
                        GError **error)
{
  g_autofree gchar *clean = td_text_normalize_space (result);

  if (clean[0] == '\0')
    return td_query_run_change (db, "campaigns", NULL, error,
                                "DELETE FROM target_result WHERE target_id = ?1 AND unit_id = ?2",
                                "xx", target_id, unit_id);
  return td_query_run_change (
      db, "campaigns", NULL, error,
      "INSERT INTO target_result (target_id, unit_id, result) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (target_id, unit_id) DO UPDATE SET result = excluded.result",
      "xxs", target_id, unit_id, clean);
}

gchar *
td_campaign_get_result (TdDb *db, gint64 target_id, gint64 unit_id)
{
  gchar *result
      = td_query_text (db, "SELECT result FROM target_result WHERE target_id = ? AND unit_id = ?",
                       NULL, "xx", target_id, unit_id);

  return result ? result : g_strdup ("");
}

/* The other bloc-years @campaign_id is shared with. */
GArray *
td_campaign_list_shares (TdDb *db, gint64 campaign_id, GError **error)
{
  return td_query_ids (db,
                       "SELECT s.bloc_year_id FROM campaign_share s"
                       " JOIN bloc_year y ON y.id = s.bloc_year_id"
                       " WHERE s.campaign_id = ? ORDER BY y.year, y.bloc_id",
                       error, "x", campaign_id);
}

/* Shares the campaign with another bloc-year, or stops sharing it. */
gboolean
td_campaign_set_shared (TdDb *db, gint64 campaign_id, gint64 bloc_year_id, gboolean shared,
                        GError **error)
{
  g_autoptr (TdCampaign) campaign = td_campaign_get (db, campaign_id, error);

  if (campaign == NULL)
    return FALSE;
  if (campaign->bloc_year_id == bloc_year_id)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Shared with: the campaign already belongs to this bloc and year; choose "
                      "another bloc or year."));
      return FALSE;
    }
  return td_query_run_change (db, "campaigns", NULL, error,
                              shared ? "INSERT OR IGNORE INTO campaign_share (campaign_id,"
                                       " bloc_year_id) VALUES (?, ?)"
                                     : "DELETE FROM campaign_share WHERE campaign_id = ? AND"
                                       " bloc_year_id = ?",
                              "xx", campaign_id, bloc_year_id);
}
