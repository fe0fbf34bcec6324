/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Campaigns section under Xvfb: deleting a campaign takes its targets
 * and the members' results with it, and Undo (the toast's button or
 * Ctrl+Z) brings all of them back in one transaction. */
#include "config.h"

#include "td-campaign.h"
#include "td-campaigns-page.h"
#include "td-registry.h"
#include "td-test-util.h"
#include "td-window.h"

/* "target text: unit=result; …" for every target of the bloc-year's
 * campaign named @name, in order; NULL when there is no such campaign. */
static gchar *
describe_campaign (TdDb *db, gint64 bloc_year_id, const char *name)
{
  g_autoptr (GPtrArray) campaigns = td_campaign_list (db, bloc_year_id, NULL);
  g_autoptr (GPtrArray) members = td_registry_list_members (db, bloc_year_id, NULL);
  GString *text = NULL;

  for (guint c = 0; campaigns != NULL && c < campaigns->len; c++)
    {
      TdCampaign *campaign = campaigns->pdata[c];
      g_autoptr (GPtrArray) targets = NULL;

      if (g_strcmp0 (campaign->name, name) != 0)
        continue;
      text = g_string_new (campaign->theme);
      targets = td_campaign_list_targets (db, campaign->id, NULL);
      for (guint t = 0; t < targets->len; t++)
        {
          TdTarget *target = targets->pdata[t];

          g_string_append_printf (text, "\n%s:", target->text);
          for (guint m = 0; m < members->len; m++)
            {
              TdMember *member = members->pdata[m];
              g_autofree gchar *result = td_campaign_get_result (db, target->id, member->unit_id);

              if (result[0] != '\0')
                g_string_append_printf (text, " %" G_GINT64_FORMAT "=%s;", member->unit_id, result);
            }
        }
    }
  return text ? g_string_free (text, FALSE) : NULL;
}

static void
test_delete_undo (void)
{
  TdWindow *window = td_test_window_new ();
  TdCampaignsPage *page;
  TdDb *db;
  gint64 by, id;
  g_autoptr (TdCampaign) campaign = NULL;
  g_autofree gchar *before = NULL;
  g_autofree gchar *after = NULL;

  td_test_activate (GTK_WIDGET (window), "app.open-demo", NULL);
  td_test_dismiss_toasts (window);
  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("campaigns"));
  page = TD_CAMPAIGNS_PAGE (td_window_get_page (window, "campaigns"));
  db = td_window_get_database (window);
  by = td_window_get_bloc_year_id (window);
  id = td_campaigns_page_get_campaign_id (page);
  g_assert_cmpint (id, >, 0);
  campaign = td_campaign_get (db, id, NULL);
  g_assert_nonnull (campaign);
  before = describe_campaign (db, by, campaign->name);
  /* The demo campaign has targets and members' results to lose. */
  g_assert_nonnull (strchr (before, '\n'));
  g_assert_nonnull (strchr (before, '='));

  for (guint round = 0; round < 2; round++)
    {
      td_test_activate (GTK_WIDGET (page), "campaigns.delete", NULL);
      g_assert_null (describe_campaign (db, by, campaign->name));
      if (round == 0)
        {
          /* The toast's button. */
          GtkWidget *undo = td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Hoàn tác");

          g_assert_nonnull (undo);
          g_signal_emit_by_name (undo, "clicked");
        }
      else
        td_test_activate (GTK_WIDGET (page), "campaigns.undo-delete", NULL);
      td_test_iterate ();
      g_clear_pointer (&after, g_free);
      after = describe_campaign (db, by, campaign->name);
      g_assert_cmpstr (after, ==, before);
      g_assert_true (sqlite3_get_autocommit (td_db_get_handle (db)));
      td_test_dismiss_toasts (window);
      g_assert_cmpint (td_campaigns_page_get_campaign_id (page), >, 0);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv);
  g_test_add_func ("/campaigns-page/delete-undo", test_delete_undo);
  return g_test_run ();
}
