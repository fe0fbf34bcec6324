/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "Campaigns" section.
 *
 * One campaign of the window's bloc-year at a time (chosen at the top):
 * its kind, window, slogan and theme, its targets, and a grid of members
 * × targets where each cell records that member's result.  Every change
 * is saved at once; deleting a campaign or a target offers Undo. */
#include "config.h"

#include "td-a11y.h"
#include "td-dialog.h"
#include "td-campaigns-page.h"
#include "td-campaign-dialog.h"
#include "td-campaign.h"
#include "td-form.h"
#include "td-registry.h"
#include "td-text.h"
#include "td-undo-toast.h"
#include "td-window.h"
#include "td-lazy-tooltip.h"
#include "td-sheet-builders.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdCampaignsPage
{
  TdSectionPage parent_instance;

  GtkStack *stack;
  GtkDropDown *campaign_dropdown;
  GtkStringList *campaign_names;
  GtkBox *content_box;

  GArray *campaign_ids;
  gint64 campaign_id;
  gboolean updating; /* filling widgets: their signals are not edits */
  gboolean saving;   /* our own edit: no need to rebuild */
};

G_DEFINE_FINAL_TYPE (TdCampaignsPage, td_campaigns_page, TD_TYPE_SECTION_PAGE)

static GtkWindow *
parent_window (TdCampaignsPage *self)
{
  return td_section_page_get_window (TD_SECTION_PAGE (self));
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
info_row (GtkWidget *group, const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && value[0] ? value : "—");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

typedef struct
{
  TdCampaignsPage *self;
  gint64 target_id;
  gint64 unit_id;
  const char *const *choices;
} Cell;

static void
on_cell_selected (GtkDropDown *dropdown, GParamSpec *pspec, Cell *cell)
{
  TdCampaignsPage *self = cell->self;
  g_autoptr (GError) error = NULL;
  GtkStringObject *item;

  if (self->updating)
    return;
  item = gtk_drop_down_get_selected_item (dropdown);
  self->saving = TRUE;
  if (!td_campaign_set_result (td_section_db (self), cell->target_id, cell->unit_id,
                               item ? gtk_string_object_get_string (item) : "", &error))
    td_window_show_error (GTK_WIDGET (self), _ ("Could not save the result"), error);
  self->saving = FALSE;
}

/* The grid's cells show a long result by its initials (HTXSNV), so that a
 * year's five targets fit the office screen side by side; the list that
 * opens, the tooltip and a screen reader give it whole. */
static void
setup_result_label (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_name (label, GPOINTER_TO_INT (data) ? "result-shown" : "result-choice");
  gtk_list_item_set_child (item, label);
}

static void
bind_result_label (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gboolean in_cell = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *result = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree gchar *shown = in_cell ? td_target_result_short (result) : g_strdup (result);

  gtk_label_set_text (GTK_LABEL (label), shown);
  if (in_cell)
    {
      gtk_widget_set_tooltip_text (label, g_strcmp0 (shown, result) != 0 ? result : NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, result,
                                      -1);
    }
}

static GtkListItemFactory *
result_factory_new (gboolean in_cell)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_result_label), GINT_TO_POINTER (in_cell));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result_label), GINT_TO_POINTER (in_cell));
  return factory;
}

static GtkWidget *
result_cell (TdCampaignsPage *self, TdTarget *target, gint64 unit_id,
             GtkListItemFactory *cell_factory, GtkListItemFactory *list_factory)
{
  const char *const *choices = td_target_result_choices (target->kind);
  g_autofree gchar *current = td_campaign_get_result (td_section_db (self), target->id, unit_id);
  GtkStringList *list = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  guint selected = 0, n = 0;
  Cell *cell;

  for (; choices[n] != NULL; n++)
    {
      gtk_string_list_append (list, choices[n]);
      if (g_strcmp0 (choices[n], current) == 0)
        selected = n;
    }
  /* A result typed elsewhere (older file, import) is kept as it is. */
  if (current[0] != '\0' && selected == 0)
    {
      gtk_string_list_append (list, current);
      selected = n;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (list), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), cell_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (dropdown), list_factory);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  cell = g_new0 (Cell, 1);
  cell->self = self;
  cell->target_id = target->id;
  cell->unit_id = unit_id;
  g_signal_connect_data (dropdown, "notify::selected", G_CALLBACK (on_cell_selected), cell,
                         (GClosureNotify)(void (*) (void))g_free, 0);
  gtk_widget_set_name (dropdown, "result-cell");
  return dropdown;
}

static GtkWidget *
results_grid (TdCampaignsPage *self, GPtrArray *targets)
{
  g_autoptr (GPtrArray) members
      = td_registry_list_members (td_section_db (self), td_section_bloc_year (self), NULL);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *unit_header;
  g_autoptr (GtkListItemFactory) cell_factory = result_factory_new (TRUE);
  g_autoptr (GtkListItemFactory) list_factory = result_factory_new (FALSE);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  unit_header = gtk_label_new (_ ("Unit"));
  gtk_label_set_xalign (GTK_LABEL (unit_header), 0);
  gtk_widget_set_valign (unit_header, GTK_ALIGN_END);
  gtk_widget_add_css_class (unit_header, "caption-heading");
  gtk_grid_attach (GTK_GRID (grid), unit_header, 0, 0, 1, 1);
  for (guint t = 0; t < targets->len; t++)
    {
      TdTarget *target = targets->pdata[t];
      g_autofree gchar *text = g_strdup_printf ("%u. %s", t + 1, target->text);
      GtkWidget *label = gtk_label_new (text);

      /* The whole target, wrapped, so the grid reads without the list. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      td_lazy_tooltip_set (label, target->text);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (GTK_GRID (grid), label, (int)t + 1, 0, 1, 1);
    }
  for (guint m = 0; members != NULL && m < members->len; m++)
    {
      TdMember *member = members->pdata[m];
      GtkWidget *name = gtk_label_new (member->name);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (name), 24);
      gtk_grid_attach (GTK_GRID (grid), name, 0, (int)m + 1, 1, 1);
      for (guint t = 0; t < targets->len; t++)
        {
          GtkWidget *cell
              = result_cell (self, targets->pdata[t], member->unit_id, cell_factory, list_factory);
          g_autofree gchar *column
              = g_strdup_printf ("%u. %s", t + 1, ((TdTarget *)targets->pdata[t])->text);

          td_a11y_name_cell (cell, column, member->name, NULL);
          gtk_grid_attach (GTK_GRID (grid), cell, (int)t + 1, (int)m + 1, 1, 1);
        }
    }
  return grid;
}

/* What the initials in the grid stand for, under it. */
static void
results_legend (GtkWidget *group, GPtrArray *targets)
{
  g_autoptr (GString) legend = g_string_new (NULL);
  gboolean kinds[2] = { FALSE, FALSE };
  GtkWidget *label;

  for (guint t = 0; t < targets->len; t++)
    {
      TdTargetKind kind = ((TdTarget *)targets->pdata[t])->kind;
      const char *const *choices = td_target_result_choices (kind);

      if (kinds[kind == TD_TARGET_LEVEL])
        continue;
      kinds[kind == TD_TARGET_LEVEL] = TRUE;
      for (guint i = 0; choices[i] != NULL; i++)
        {
          g_autofree gchar *initials = td_target_result_short (choices[i]);

          if (g_strcmp0 (initials, choices[i]) == 0)
            continue;
          if (legend->len > 0)
            g_string_append (legend, " · ");
          /* Translators: an abbreviation and its meaning, "HTXSNV: Hoàn thành xuất sắc nhiệm vụ" */
          g_string_append_printf (legend, _ ("%s: %s"), initials, choices[i]);
        }
    }
  if (legend->len == 0)
    return;
  label = gtk_label_new (legend->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_name (label, "results-legend");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
}

/* "Also for": the other blocs and years the campaign is shared with. */
static void
share_row (TdCampaignsPage *self, GtkWidget *group, const TdCampaign *c)
{
  g_autoptr (GArray) shares = td_campaign_list_shares (td_section_db (self), c->id, NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  GtkWidget *row, *button;

  for (guint i = 0; shares != NULL && i < shares->len; i++)
    {
      g_autofree gchar *label = td_registry_dup_bloc_year_label (td_section_db (self),
                                                                 g_array_index (shares, gint64, i));
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, label);
    }
  if (c->bloc_year_id != td_section_bloc_year (self))
    {
      g_autofree gchar *owner
          = td_registry_dup_bloc_year_label (td_section_db (self), c->bloc_year_id);
      g_autofree gchar *line = g_strdup_printf (_ ("Launched by %s"), owner);
      info_row (group, _ ("Shared"), line);
    }
  row = info_row (group, _ ("Also for"), text->str);
  button = gtk_button_new_with_mnemonic (_ ("_Share…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "campaigns.share");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
on_share_toggled (GtkCheckButton *check, TdCampaignsPage *self)
{
  g_autoptr (GError) error = NULL;
  gint64 bloc_year_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "bloc-year-id"));

  if (!td_campaign_set_shared (td_section_db (self), self->campaign_id, bloc_year_id,
                               gtk_check_button_get_active (check), &error))
    td_window_show_error (GTK_WIDGET (self), _ ("Could not change where the campaign applies"),
                          error);
}

/* Which other blocs and years the campaign also applies to: one check box
 * each, saved at once. */
static void
share_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (widget);
  g_autoptr (TdCampaign) c = td_campaign_get (td_section_db (self), self->campaign_id, NULL);
  g_autoptr (GArray) all = td_registry_list_all_bloc_years (td_section_db (self), NULL);
  g_autoptr (GArray) shares = NULL;
  GtkWidget *dialog, *list;

  if (c == NULL || all == NULL)
    return;
  shares = td_campaign_list_shares (td_section_db (self), c->id, NULL);
  dialog = td_message_dialog_new (GTK_WIDGET (self), _ ("Share the Campaign"),
                                  _ ("A campaign launched for several blocs, or across the turn "
                                     "of the year, shows in each bloc and year ticked here, with "
                                     "its targets and each member's results."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = g_array_index (all, gint64, i);
      g_autofree gchar *label = NULL;
      GtkWidget *row, *check;
      gboolean shared = FALSE;

      if (id == c->bloc_year_id)
        continue;
      for (guint k = 0; shares != NULL && k < shares->len; k++)
        shared = shared || g_array_index (shares, gint64, k) == id;
      label = td_registry_dup_bloc_year_label (td_section_db (self), id);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), shared);
      g_object_set_data (G_OBJECT (check), "bloc-year-id", GSIZE_TO_POINTER ((gsize)id));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_share_toggled), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  td_message_dialog_set_scrolled_child (dialog, list, 320);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_campaign (TdCampaignsPage *self)
{
  g_autoptr (TdCampaign) c = NULL;
  g_autoptr (GPtrArray) targets = NULL;
  g_autofree gchar *window = NULL;
  g_autofree gchar *starts = NULL;
  g_autofree gchar *ends = NULL;
  GtkWidget *group, *button, *scrolled;

  clear_box (self->content_box);
  if (self->campaign_id == 0)
    return;
  c = td_campaign_get (td_section_db (self), self->campaign_id, NULL);
  if (c == NULL)
    return;
  targets = td_campaign_list_targets (td_section_db (self), c->id, NULL);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), c->name);
  starts = td_date_to_display (&c->starts);
  ends = td_date_to_display (&c->ends);
  /* Translators: kind and window of a campaign, e.g. "Đợt I · 01/01/2024 – 30/06/2024" */
  window = g_strdup_printf (_ ("%s · %s – %s"), td_campaign_kind_label (c->kind), starts, ends);
  info_row (group, _ ("Window"), window);
  info_row (group, _ ("Slogan"), c->slogan);
  info_row (group, _ ("Theme"), c->theme);
  if (c->notes[0] != '\0')
    info_row (group, _ ("Notes"), c->notes);
  share_row (self, group, c);
  gtk_box_append (self->content_box, group);

  if (targets != NULL && targets->len > 0)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Results by Member"));
      adw_preferences_group_set_description (
          ADW_PREFERENCES_GROUP (group),
          _ ("Choose each member's result for each target; it is saved at once."));
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                      GTK_POLICY_NEVER);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), results_grid (self, targets));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scrolled);
      results_legend (group, targets);
      gtk_box_append (self->content_box, group);
    }
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Targets"));
  button = gtk_button_new_with_mnemonic (_ ("Add _Target…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "campaigns.add-target");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      TdTarget *t = targets->pdata[i];
      g_autofree gchar *title = g_strdup_printf ("%u. %s", i + 1, t->text);
      g_autofree gchar *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      if (t->kind == TD_TARGET_LEVEL && t->required_level[0] != '\0')
        /* Translators: %s is the required level, e.g. "Hoàn thành tốt nhiệm vụ" */
        subtitle = g_strdup_printf (_ ("Graded level: %s or better"), t->required_level);
      else
        subtitle = g_strdup (td_target_kind_label (t->kind));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _ ("Delete Target"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "campaigns.delete-target");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int64 (t->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->content_box, group);
}

static void
update_actions (TdCampaignsPage *self)
{
  gboolean w = td_section_page_is_writable (TD_SECTION_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.add",
                                 w && td_section_bloc_year (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.edit", w && self->campaign_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.delete", w && self->campaign_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.add-target", w && self->campaign_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.share", w && self->campaign_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.delete-target",
                                 w && self->campaign_id);
}

static void
td_campaigns_page_reload (TdSectionPage *page)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (page);
  g_autoptr (GPtrArray) campaigns = NULL;
  guint selected = 0;
  gint64 keep = self->campaign_id;

  self->updating = TRUE;
  gtk_string_list_splice (self->campaign_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->campaign_names)), NULL);
  g_array_set_size (self->campaign_ids, 0);
  self->campaign_id = 0;
  if (td_section_db (self) != NULL && td_section_bloc_year (self) != 0)
    campaigns = td_campaign_list (td_section_db (self), td_section_bloc_year (self), NULL);
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      TdCampaign *c = campaigns->pdata[i];

      gtk_string_list_append (self->campaign_names, c->name);
      g_array_append_val (self->campaign_ids, c->id);
      if (c->id == keep)
        selected = i;
    }
  if (self->campaign_ids->len > 0)
    {
      gtk_drop_down_set_selected (self->campaign_dropdown, selected);
      self->campaign_id = g_array_index (self->campaign_ids, gint64, selected);
    }
  if (td_section_db (self) == NULL || td_section_bloc_year (self) == 0)
    gtk_stack_set_visible_child_name (self->stack, "none");
  else
    gtk_stack_set_visible_child_name (self->stack, self->campaign_ids->len ? "list" : "empty");
  show_campaign (self);
  self->updating = FALSE;
  update_actions (self);
}

static void
on_campaign_selected (GtkDropDown *dropdown, GParamSpec *pspec, TdCampaignsPage *self)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  if (self->updating || pos >= self->campaign_ids->len)
    return;
  self->campaign_id = g_array_index (self->campaign_ids, gint64, pos);
  self->updating = TRUE;
  show_campaign (self);
  self->updating = FALSE;
  update_actions (self);
}

/* A burst of changes (an import) reloads once. */
static void
td_campaigns_page_refresh (TdSectionPage *page, const char *what)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (page);

  if (self->saving)
    return;
  if (g_strcmp0 (what, "campaigns") == 0 || g_strcmp0 (what, "registry") == 0
      || g_strcmp0 (what, "new-year") == 0)
    td_section_page_queue_reload (page);
}

static void
td_campaigns_page_context_changed (TdSectionPage *page)
{
  TD_CAMPAIGNS_PAGE (page)->campaign_id = 0;
}

gint64
td_campaigns_page_get_campaign_id (TdCampaignsPage *self)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return self->campaign_id;
}

/* ---- actions ---- */

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (widget);

  gtk_window_present (GTK_WINDOW (td_campaign_dialog_new (
      parent_window (self), td_section_db (self), td_section_bloc_year (self), 0)));
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (widget);

  if (self->campaign_id != 0)
    gtk_window_present (
        GTK_WINDOW (td_campaign_dialog_new (parent_window (self), td_section_db (self),
                                            td_section_bloc_year (self), self->campaign_id)));
}

/* What Undo needs to bring a deleted campaign back: the record, its
 * targets and every recorded result. */
typedef struct
{
  TdCampaign *campaign;
  GPtrArray *targets;
  GPtrArray *results; /* per target: GPtrArray of (unit id, result) pairs as "id\tresult" */
} DeletedCampaign;

static void
deleted_campaign_free (gpointer data)
{
  DeletedCampaign *d = data;

  td_campaign_free (d->campaign);
  g_ptr_array_unref (d->targets);
  g_ptr_array_unref (d->results);
  g_free (d);
}

/* The campaign, its targets and their results, in the Undo's transaction. */
static gboolean
restore_campaign (TdDb *db, gpointer data, GError **error)
{
  DeletedCampaign *d = data;
  gint64 id = td_campaign_add (db, d->campaign, error);

  if (id == 0)
    return FALSE;
  for (guint i = 0; i < d->targets->len; i++)
    {
      TdTarget *t = d->targets->pdata[i];
      GPtrArray *results = d->results->pdata[i];
      gint64 target_id;

      t->campaign_id = id;
      target_id = td_campaign_add_target (db, t, error);
      if (target_id == 0)
        return FALSE;
      for (guint r = 0; r < results->len; r++)
        {
          g_auto (GStrv) parts = g_strsplit (results->pdata[r], "\t", 2);

          if (!td_campaign_set_result (db, target_id, g_ascii_strtoll (parts[0], NULL, 10),
                                       parts[1], error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autofree gchar *title = NULL;
  DeletedCampaign *d;

  if (self->campaign_id == 0)
    return;
  d = g_new0 (DeletedCampaign, 1);
  d->campaign = td_campaign_get (td_section_db (self), self->campaign_id, &error);
  d->targets = td_campaign_list_targets (td_section_db (self), self->campaign_id, &error);
  d->results = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  members = td_registry_list_members (td_section_db (self), td_section_bloc_year (self), NULL);
  if (d->campaign == NULL || d->targets == NULL)
    {
      d->targets = d->targets ? d->targets : g_ptr_array_new ();
      deleted_campaign_free (d);
      td_window_show_error (widget, _ ("Could not delete the campaign"), error);
      return;
    }
  for (guint i = 0; i < d->targets->len; i++)
    {
      GPtrArray *results = g_ptr_array_new_with_free_func (g_free);

      for (guint m = 0; members != NULL && m < members->len; m++)
        {
          TdMember *member = members->pdata[m];
          g_autofree gchar *r = td_campaign_get_result (
              td_section_db (self), ((TdTarget *)d->targets->pdata[i])->id, member->unit_id);
          if (r[0] != '\0')
            g_ptr_array_add (results,
                             g_strdup_printf ("%" G_GINT64_FORMAT "\t%s", member->unit_id, r));
        }
      g_ptr_array_add (d->results, results);
    }
  if (!td_campaign_delete (td_section_db (self), self->campaign_id, &error))
    {
      deleted_campaign_free (d);
      td_window_show_error (widget, _ ("Could not delete the campaign"), error);
      return;
    }
  title = g_strdup_printf (_ ("“%s” deleted"), d->campaign->name);
  td_window_toast (widget, td_undo_toast_new (widget, title, td_section_db (self), restore_campaign,
                                              d, deleted_campaign_free));
}

/* A target: its text, yes/no or a graded level (with the level asked). */
static void
on_target_changed (GObject *object, GParamSpec *pspec, TdForm *f)
{
  g_autofree gchar *text = td_text_normalize_space (td_form_text (f, 0));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (f->dialog), "add", text[0] != '\0');
  gtk_widget_set_visible (f->entries[1],
                          adw_combo_row_get_selected (ADW_COMBO_ROW (f->combo)) == 1);
}

static void
on_target_accept (TdForm *f)
{
  g_autoptr (TdTarget) t = td_target_new ();
  g_autoptr (GError) error = NULL;

  t->campaign_id = f->id;
  t->text = g_strdup (td_form_text (f, 0));
  t->kind = adw_combo_row_get_selected (ADW_COMBO_ROW (f->combo)) == 1 ? TD_TARGET_LEVEL
                                                                       : TD_TARGET_YESNO;
  t->required_level = g_strdup (t->kind == TD_TARGET_LEVEL ? td_form_text (f, 1) : "");
  if (td_campaign_add_target (td_section_db (f->owner), t, &error) == 0)
    td_window_show_error (f->owner, _ ("Could not add the target"), error);
}

static void
add_target_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (widget);
  const char *kinds[]
      = { td_target_kind_label (TD_TARGET_YESNO), td_target_kind_label (TD_TARGET_LEVEL), NULL };
  TdForm *f = td_form_new (widget, _ ("Add Target"),
                           _ ("What each member strives for in this campaign."), "add", _ ("_Add"));

  f->id = self->campaign_id;
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (f->dialog), "close");
  f->entries[0] = td_form_add_entry (f, _ ("Target"), "");
  f->combo = td_form_add_combo (f, _ ("Kind"), G_LIST_MODEL (gtk_string_list_new (kinds)),
                                GTK_INVALID_LIST_POSITION);
  f->entries[1] = td_form_add_entry (f, _ ("Required level"), "Hoàn thành tốt nhiệm vụ");
  g_signal_connect (f->entries[0], "notify::text", G_CALLBACK (on_target_changed), f);
  g_signal_connect (f->combo, "notify::selected", G_CALLBACK (on_target_changed), f);
  on_target_changed (NULL, NULL, f);
  td_form_present (f, on_target_accept);
}

static gboolean
restore_target (TdDb *db, gpointer data, GError **error)
{
  return td_campaign_add_target (db, data, error) != 0;
}

static void
delete_target_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (widget);
  gint64 target_id = g_variant_get_int64 (param);
  g_autoptr (GPtrArray) targets
      = td_campaign_list_targets (td_section_db (self), self->campaign_id, NULL);
  g_autoptr (GError) error = NULL;
  TdTarget *target = NULL;

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    if (((TdTarget *)targets->pdata[i])->id == target_id)
      {
        target = g_ptr_array_steal_index (targets, i);
        break;
      }
  if (target == NULL)
    return;
  if (!td_campaign_delete_target (td_section_db (self), target_id, &error))
    {
      td_target_free (target);
      td_window_show_error (widget, _ ("Could not delete the target"), error);
      return;
    }
  td_window_toast (widget,
                   td_undo_toast_new (widget, _ ("Target deleted"), td_section_db (self),
                                      restore_target, target, (GDestroyNotify)td_target_free));
}

/* ---- object ---- */

static void
td_campaigns_page_finalize (GObject *object)
{
  TdCampaignsPage *self = TD_CAMPAIGNS_PAGE (object);

  g_array_unref (self->campaign_ids);
  G_OBJECT_CLASS (td_campaigns_page_parent_class)->finalize (object);
}

/* The keys of the section. */
static const TdSectionShortcut shortcuts[] = {
  { TD_SHORTCUT_WINDOW, GDK_KEY_z, GDK_CONTROL_MASK, "campaigns.undo-delete", NULL },
};

static void
td_campaigns_page_class_init (TdCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TdSectionPageClass *section_class = TD_SECTION_PAGE_CLASS (klass);

  object_class->finalize = td_campaigns_page_finalize;
  section_class->reload = td_campaigns_page_reload;
  section_class->refresh = td_campaigns_page_refresh;
  section_class->context_changed = td_campaigns_page_context_changed;
  td_section_page_class_set_section (section_class, "campaigns", N_ ("Campaigns"),
                                     "starred-symbolic", TD_SHEET_RANKING);

  td_widget_class_bind_template_children (widget_class, TdCampaignsPage, stack, campaign_dropdown,
                                          campaign_names, content_box);
  gtk_widget_class_bind_template_callback (widget_class, on_campaign_selected);

  gtk_widget_class_install_action (widget_class, "campaigns.undo-delete", NULL,
                                   td_undo_toast_undo_action);
  gtk_widget_class_install_action (widget_class, "campaigns.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "campaigns.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "campaigns.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "campaigns.add-target", NULL, add_target_action);
  gtk_widget_class_install_action (widget_class, "campaigns.share", NULL, share_action);
  gtk_widget_class_install_action (widget_class, "campaigns.delete-target", "x",
                                   delete_target_action);
  td_section_page_class_add_shortcuts (section_class, shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
td_campaigns_page_init (TdCampaignsPage *self)
{
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}
