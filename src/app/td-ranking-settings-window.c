/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ranking rules of a bloc-year: tie-break rules, grade thresholds,
 * proposal rules and the catalogue of titles and awards.
 *
 * Every change is saved at once; the window rebuilds its rows from the
 * database's "changed" signal, so what it shows is always what is stored.
 * Opening it on a writable file saves the defaults of a new bloc-year, so
 * every rule has a row to edit. */
#include "config.h"

#include "td-ranking-settings-window.h"
#include "td-ranking-store.h"
#include "td-undo-toast.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdRankingSettingsWindow
{
  AdwPreferencesWindow parent_instance;

  AdwPreferencesGroup *tie_group;
  AdwComboRow *add_tie_row;
  GtkSwitch *require_self_switch;
  AdwComboRow *grade_unit_row;
  AdwEntryRow *excellent_row;
  AdwEntryRow *good_row;
  AdwEntryRow *done_row;
  AdwPreferencesGroup *rules_group;
  AdwComboRow *add_rule_row;
  AdwPreferencesGroup *catalogue_group;
  AdwEntryRow *new_award_row;

  TdDb *database;
  gulong changed_handler;
  gint64 bloc_year_id;
  TdRankSettings *settings;
  GPtrArray *awards;      /* TdAward */
  GPtrArray *tie_choices; /* TdTieBreak offered by add_tie_row */
  GPtrArray *rows;        /* (group, row) pairs built in code */
  gboolean building;
};

G_DEFINE_FINAL_TYPE (TdRankingSettingsWindow, td_ranking_settings_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void rebuild (TdRankingSettingsWindow *self);

static void
toast_error (TdRankingSettingsWindow *self, const GError *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (error ? error->message : _ ("Failed")));
}

static void
add_row (TdRankingSettingsWindow *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (TdRankingSettingsWindow *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i),
                                  g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, const char *action, gint index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", index);
  return button;
}

static GtkStringList *
string_list (const char *const *items, guint n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, items[i]);
  return list;
}

/* --- tie-break rules ------------------------------------------------------ */

static GPtrArray *
copy_tie_breaks (TdRankingSettingsWindow *self)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func ((GDestroyNotify)td_tie_break_free);

  for (guint i = 0; i < self->settings->tie_breaks->len; i++)
    {
      const TdTieBreak *r = g_ptr_array_index (self->settings->tie_breaks, i);
      g_ptr_array_add (rules, td_tie_break_new (r->kind, r->section_code));
    }
  return rules;
}

static void
save_tie_breaks (TdRankingSettingsWindow *self, GPtrArray *rules)
{
  g_autoptr (GError) error = NULL;

  if (!td_ranking_set_tie_breaks (self->database, self->bloc_year_id, rules, &error))
    toast_error (self, error);
}

static void
build_tie_rows (TdRankingSettingsWindow *self)
{
  g_autoptr (GPtrArray) sections
      = td_ranking_list_sections (self->database, self->bloc_year_id, NULL);
  g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->settings->tie_breaks->len; i++)
    {
      const TdTieBreak *rule = g_ptr_array_index (self->settings->tie_breaks, i);
      g_autofree gchar *title = td_tie_break_describe (rule);
      g_autofree gchar *subtitle = g_strdup_printf (_ ("Rule %u"), i + 1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("go-up-symbolic", _ ("Move Up"),
                                                                    "settings.tie-up", (gint)i));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          icon_button ("go-down-symbolic", _ ("Move Down"), "settings.tie-down", (gint)i));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          icon_button ("user-trash-symbolic", _ ("Remove"), "settings.tie-remove", (gint)i));
      add_row (self, self->tie_group, row);
    }
  if (self->settings->tie_breaks->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _ ("No rules: equal totals share a rank"));
      add_row (self, self->tie_group, row);
    }

  g_ptr_array_set_size (self->tie_choices, 0);
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    g_ptr_array_add (self->tie_choices,
                     td_tie_break_new (TD_TIE_BREAK_SECTION, g_ptr_array_index (sections, i)));
  for (TdTieBreakKind k = TD_TIE_BREAK_FEWER_DEDUCTION; k <= TD_TIE_BREAK_LAST; k++)
    g_ptr_array_add (self->tie_choices, td_tie_break_new (k, NULL));
  for (guint i = 0; i < self->tie_choices->len; i++)
    {
      g_autofree gchar *text = td_tie_break_describe (g_ptr_array_index (self->tie_choices, i));
      gtk_string_list_append (choices, text);
    }
  adw_combo_row_set_model (self->add_tie_row, G_LIST_MODEL (choices));
}

static void
undo_tie_remove (AdwToast *toast, TdRankingSettingsWindow *self)
{
  save_tie_breaks (self, g_object_get_data (G_OBJECT (toast), "rules"));
}

static void
tie_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRankingSettingsWindow *self = TD_RANKING_SETTINGS_WINDOW (widget);
  g_autoptr (GPtrArray) rules = copy_tie_breaks (self);

  if (g_str_equal (action_name, "settings.add-tie-break"))
    {
      guint pick = adw_combo_row_get_selected (self->add_tie_row);
      const TdTieBreak *choice;
      if (pick >= self->tie_choices->len)
        return;
      choice = g_ptr_array_index (self->tie_choices, pick);
      g_ptr_array_add (rules, td_tie_break_new (choice->kind, choice->section_code));
    }
  else
    {
      guint i = (guint)g_variant_get_int32 (param);
      if (i >= rules->len)
        return;
      if (g_str_equal (action_name, "settings.tie-up") && i > 0)
        {
          gpointer r = g_ptr_array_steal_index (rules, i);
          g_ptr_array_insert (rules, (gint)i - 1, r);
        }
      else if (g_str_equal (action_name, "settings.tie-down") && i + 1 < rules->len)
        {
          gpointer r = g_ptr_array_steal_index (rules, i);
          g_ptr_array_insert (rules, (gint)i + 1, r);
        }
      else if (g_str_equal (action_name, "settings.tie-remove"))
        {
          AdwToast *toast = adw_toast_new (_ ("Tie-break rule removed"));
          /* Copied before saving: saving rebuilds self->settings. */
          g_object_set_data_full (G_OBJECT (toast), "rules", copy_tie_breaks (self),
                                  (GDestroyNotify)g_ptr_array_unref);
          g_ptr_array_remove_index (rules, i);
          save_tie_breaks (self, rules);
          adw_toast_set_button_label (toast, _ ("_Undo"));
          g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_tie_remove), self);
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
          return;
        }
    }
  save_tie_breaks (self, rules);
}

/* --- grades ---------------------------------------------------------------- */

static void
build_grades (TdRankingSettingsWindow *self)
{
  const TdGradeScale *scale = &self->settings->scale;
  g_autofree gchar *excellent = td_points_format (scale->excellent);
  g_autofree gchar *good = td_points_format (scale->good);
  g_autofree gchar *done = td_points_format (scale->done);

  adw_combo_row_set_selected (self->grade_unit_row, scale->percent ? 1 : 0);
  gtk_switch_set_active (self->require_self_switch, self->settings->require_self_score);
  gtk_editable_set_text (GTK_EDITABLE (self->excellent_row), excellent);
  gtk_editable_set_text (GTK_EDITABLE (self->good_row), good);
  gtk_editable_set_text (GTK_EDITABLE (self->done_row), done);
}

static void
save_grades (TdRankingSettingsWindow *self)
{
  TdGradeScale scale = self->settings->scale;
  AdwEntryRow *rows[] = { self->excellent_row, self->good_row, self->done_row };
  TdPoints *fields[] = { &scale.excellent, &scale.good, &scale.done };
  g_autoptr (GError) error = NULL;

  if (self->building)
    return;
  scale.percent = adw_combo_row_get_selected (self->grade_unit_row) == 1;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (!td_points_parse (gtk_editable_get_text (GTK_EDITABLE (rows[i])), fields[i], &error))
      {
        g_autofree gchar *msg = g_strdup_printf (
            _ ("%s: %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])),
            error->message);
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (msg));
        return;
      }
  if (!td_ranking_set_grade_scale (self->database, self->bloc_year_id, &scale, &error))
    toast_error (self, error);
}

static void
on_grade_apply (AdwEntryRow *row, TdRankingSettingsWindow *self)
{
  save_grades (self);
}

static void
on_require_self (GtkSwitch *sw, GParamSpec *pspec, TdRankingSettingsWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->building)
    return;
  if (!td_ranking_set_require_self_score (self->database, self->bloc_year_id,
                                          gtk_switch_get_active (sw), &error))
    toast_error (self, error);
}

static void
on_grade_unit (AdwComboRow *row, GParamSpec *pspec, TdRankingSettingsWindow *self)
{
  save_grades (self);
}

/* --- proposal rules -------------------------------------------------------- */

enum
{
  FIELD_AWARD,
  FIELD_QUOTA,
  FIELD_COUNT,
  FIELD_THRESHOLD,
  FIELD_COUNT_LARGE,
  FIELD_PERCENT,
  FIELD_MIN_GRADE,
  FIELD_RANK_FROM,
  FIELD_RANK_TO,
  FIELD_SKIP,
};

static void
save_rule_field (TdRankingSettingsWindow *self, GtkWidget *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "rule"));
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  g_autoptr (TdProposalRule) rule = NULL;
  g_autoptr (GError) error = NULL;

  if (self->building || index >= self->settings->proposal_rules->len)
    return;
  rule = td_proposal_rule_copy (g_ptr_array_index (self->settings->proposal_rules, index));
  if (field == FIELD_AWARD)
    {
      guint pick = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
      if (pick < self->awards->len)
        rule->award_id = ((TdAward *)g_ptr_array_index (self->awards, pick))->id;
    }
  else if (field == FIELD_QUOTA)
    rule->quota_kind = (TdQuotaKind)adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  else if (field == FIELD_MIN_GRADE)
    rule->min_grade
        = (TdGrade)(TD_GRADE_LAST - (gint)adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
  else if (field == FIELD_SKIP)
    rule->skip_proposed = gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "switch"));
  else if (field == FIELD_PERCENT)
    {
      TdPoints pct;
      if (!td_points_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &pct, &error))
        {
          toast_error (self, error);
          return;
        }
      rule->percent = (gint)CLAMP (pct, -1, 100000);
    }
  else
    {
      gint64 value;
      gint *target = field == FIELD_COUNT         ? &rule->count
                     : field == FIELD_THRESHOLD   ? &rule->members_threshold
                     : field == FIELD_COUNT_LARGE ? &rule->count_large
                     : field == FIELD_RANK_FROM   ? &rule->rank_from
                                                  : &rule->rank_to;
      if (!g_ascii_string_to_signed (gtk_editable_get_text (GTK_EDITABLE (row)), 10, 0, 10000,
                                     &value, NULL))
        {
          g_autofree gchar *msg
              = g_strdup_printf (_ ("%s: enter a whole number from 0 to 10000."),
                                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (msg));
          return;
        }
      *target = (gint)value;
    }
  if (td_ranking_save_proposal_rule (self->database, self->bloc_year_id, rule, &error) == 0)
    toast_error (self, error);
}

static void
on_rule_apply (AdwEntryRow *row, TdRankingSettingsWindow *self)
{
  save_rule_field (self, GTK_WIDGET (row));
}

static void
on_rule_selected (AdwComboRow *row, GParamSpec *pspec, TdRankingSettingsWindow *self)
{
  save_rule_field (self, GTK_WIDGET (row));
}

static void
on_rule_switch (GtkSwitch *sw, GParamSpec *pspec, TdRankingSettingsWindow *self)
{
  save_rule_field (self, g_object_get_data (G_OBJECT (sw), "row"));
}

static GtkWidget *
rule_entry (TdRankingSettingsWindow *self, AdwExpanderRow *expander, guint index, guint field,
            const char *title, gint64 value, gboolean percent)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree gchar *text
      = percent ? td_points_format (value) : g_strdup_printf ("%" G_GINT64_FORMAT, value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_object_set_data (G_OBJECT (row), "rule", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field));
  g_signal_connect (row, "apply", G_CALLBACK (on_rule_apply), self);
  adw_expander_row_add_row (expander, row);
  return row;
}

static GtkWidget *
rule_combo (TdRankingSettingsWindow *self, AdwExpanderRow *expander, guint index, guint field,
            const char *title, GtkStringList *model, guint selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data (G_OBJECT (row), "rule", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_rule_selected), self);
  adw_expander_row_add_row (expander, row);
  g_object_unref (model);
  return row;
}

static GtkStringList *
award_names (TdRankingSettingsWindow *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->awards->len; i++)
    gtk_string_list_append (names, ((TdAward *)g_ptr_array_index (self->awards, i))->name);
  return names;
}

static void
build_rule_rows (TdRankingSettingsWindow *self)
{
  const char *quota_names[]
      = { _ ("A fixed number"), _ ("A number by member count"), _ ("A percentage of the members") };
  const char *grade_names[]
      = { td_grade_to_string (TD_GRADE_EXCELLENT), td_grade_to_string (TD_GRADE_GOOD),
          td_grade_to_string (TD_GRADE_DONE), td_grade_to_string (TD_GRADE_NOT_DONE) };

  for (guint i = 0; i < self->settings->proposal_rules->len; i++)
    {
      const TdProposalRule *rule = g_ptr_array_index (self->settings->proposal_rules, i);
      GtkWidget *expander = adw_expander_row_new ();
      AdwExpanderRow *ex = ADW_EXPANDER_ROW (expander);
      g_autofree gchar *quota = td_proposal_rule_describe_quota (rule);
      g_autofree gchar *subtitle
          = g_strdup_printf ("%s · %s", quota, td_grade_to_string (rule->min_grade));
      guint award_index = 0;
      GtkWidget *skip_row, *sw, *delete_row;

      for (guint k = 0; k < self->awards->len; k++)
        if (((TdAward *)g_ptr_array_index (self->awards, k))->id == rule->award_id)
          award_index = k;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), rule->award_name);
      adw_expander_row_set_subtitle (ex, subtitle);
      rule_combo (self, ex, i, FIELD_AWARD, _ ("Title or award"), award_names (self), award_index);
      rule_combo (self, ex, i, FIELD_QUOTA, _ ("Limit"),
                  string_list (quota_names, G_N_ELEMENTS (quota_names)), rule->quota_kind);
      if (rule->quota_kind == TD_QUOTA_PERCENT)
        rule_entry (self, ex, i, FIELD_PERCENT, _ ("Percent of the members (rounded down)"),
                    rule->percent, TRUE);
      else
        rule_entry (self, ex, i, FIELD_COUNT, _ ("At most"), rule->count, FALSE);
      if (rule->quota_kind == TD_QUOTA_BY_MEMBERS)
        {
          rule_entry (self, ex, i, FIELD_THRESHOLD, _ ("When the bloc has at least (members)"),
                      rule->members_threshold, FALSE);
          rule_entry (self, ex, i, FIELD_COUNT_LARGE, _ ("At most, for such a bloc"),
                      rule->count_large, FALSE);
        }
      rule_combo (self, ex, i, FIELD_MIN_GRADE, _ ("Minimum grade"),
                  string_list (grade_names, G_N_ELEMENTS (grade_names)),
                  (guint)(TD_GRADE_LAST - MAX (rule->min_grade, 0)));
      rule_entry (self, ex, i, FIELD_RANK_FROM, _ ("From rank (0: from the top)"), rule->rank_from,
                  FALSE);
      rule_entry (self, ex, i, FIELD_RANK_TO, _ ("To rank (0: no limit)"), rule->rank_to, FALSE);

      skip_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (skip_row),
                                     _ ("Only units no earlier rule proposed"));
      sw = gtk_switch_new ();
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), rule->skip_proposed);
      adw_action_row_add_suffix (ADW_ACTION_ROW (skip_row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (skip_row), sw);
      g_object_set_data (G_OBJECT (skip_row), "rule", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (skip_row), "field", GUINT_TO_POINTER (FIELD_SKIP));
      g_object_set_data (G_OBJECT (skip_row), "switch", sw);
      g_object_set_data (G_OBJECT (sw), "row", skip_row);
      g_signal_connect (sw, "notify::active", G_CALLBACK (on_rule_switch), self);
      adw_expander_row_add_row (ex, skip_row);

      delete_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row), _ ("Delete this rule"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row),
                                 icon_button ("user-trash-symbolic", _ ("Delete"),
                                              "settings.delete-proposal-rule", (gint)i));
      adw_expander_row_add_row (ex, delete_row);
      add_row (self, self->rules_group, expander);
    }
  {
    g_autoptr (GtkStringList) names = award_names (self);
    adw_combo_row_set_model (self->add_rule_row, G_LIST_MODEL (names));
  }
}

static void
add_proposal_rule_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRankingSettingsWindow *self = TD_RANKING_SETTINGS_WINDOW (widget);
  guint pick = adw_combo_row_get_selected (self->add_rule_row);
  g_autoptr (TdProposalRule) rule = td_proposal_rule_new ();
  g_autoptr (GError) error = NULL;

  if (pick >= self->awards->len)
    return;
  rule->award_id = ((TdAward *)g_ptr_array_index (self->awards, pick))->id;
  if (td_ranking_save_proposal_rule (self->database, self->bloc_year_id, rule, &error) == 0)
    toast_error (self, error);
}

static void
undo_rule_delete (AdwToast *toast, TdRankingSettingsWindow *self)
{
  TdProposalRule *rule = g_object_get_data (G_OBJECT (toast), "rule");
  g_autoptr (GError) error = NULL;

  rule->id = 0;
  if (td_ranking_save_proposal_rule (self->database, self->bloc_year_id, rule, &error) == 0)
    toast_error (self, error);
}

static void
delete_proposal_rule_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRankingSettingsWindow *self = TD_RANKING_SETTINGS_WINDOW (widget);
  guint i = (guint)g_variant_get_int32 (param);
  TdProposalRule *rule;
  g_autoptr (GError) error = NULL;
  AdwToast *toast;

  if (i >= self->settings->proposal_rules->len)
    return;
  rule = td_proposal_rule_copy (g_ptr_array_index (self->settings->proposal_rules, i));
  if (!td_ranking_delete_proposal_rule (self->database, rule->id, &error))
    {
      td_proposal_rule_free (rule);
      toast_error (self, error);
      return;
    }
  toast = adw_toast_new (_ ("Proposal rule deleted"));
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "rule", rule, (GDestroyNotify)td_proposal_rule_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_rule_delete), self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* --- catalogue --------------------------------------------------------- */

static void
on_award_apply (AdwEntryRow *row, TdRankingSettingsWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "award"));
  gboolean level = g_object_get_data (G_OBJECT (row), "level") != NULL;
  TdAward *old;
  g_autoptr (TdAward) award = td_award_new ();
  g_autoptr (GError) error = NULL;

  if (index >= self->awards->len)
    return;
  old = g_ptr_array_index (self->awards, index);
  award->id = old->id;
  award->title = old->title;
  award->position = old->position;
  g_free (award->name);
  g_free (award->level);
  award->name = g_strdup (level ? old->name : gtk_editable_get_text (GTK_EDITABLE (row)));
  award->level = g_strdup (level ? gtk_editable_get_text (GTK_EDITABLE (row)) : old->level);
  if (td_award_save (self->database, award, &error) == 0)
    toast_error (self, error);
}

static void
on_award_kind (AdwComboRow *row, GParamSpec *pspec, TdRankingSettingsWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "award"));
  TdAward *award;
  g_autoptr (GError) error = NULL;

  if (self->building || index >= self->awards->len)
    return;
  award = g_ptr_array_index (self->awards, index);
  award->title = adw_combo_row_get_selected (row) == 0;
  if (td_award_save (self->database, award, &error) == 0)
    toast_error (self, error);
}

static void
build_catalogue (TdRankingSettingsWindow *self)
{
  const char *kinds[] = { _ ("Title (danh hiệu)"), _ ("Award (hình thức khen thưởng)") };

  for (guint i = 0; i < self->awards->len; i++)
    {
      TdAward *award = g_ptr_array_index (self->awards, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *name = adw_entry_row_new ();
      GtkWidget *level = adw_entry_row_new ();
      GtkWidget *kind = adw_combo_row_new ();
      GtkWidget *delete_row = adw_action_row_new ();
      g_autoptr (GtkStringList) kind_model = string_list (kinds, G_N_ELEMENTS (kinds));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), award->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), award->level);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _ ("Name"));
      gtk_editable_set_text (GTK_EDITABLE (name), award->name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (level), _ ("Issued by"));
      gtk_editable_set_text (GTK_EDITABLE (level), award->level);
      g_object_set_data (G_OBJECT (level), "level", GINT_TO_POINTER (1));
      for (GtkWidget **w = (GtkWidget *[]){ name, level, NULL }; *w != NULL; w++)
        {
          adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (*w), TRUE);
          g_object_set_data (G_OBJECT (*w), "award", GUINT_TO_POINTER (i));
          g_signal_connect (*w, "apply", G_CALLBACK (on_award_apply), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), *w);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _ ("Kind"));
      adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kind_model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind), award->title ? 0 : 1);
      g_object_set_data (G_OBJECT (kind), "award", GUINT_TO_POINTER (i));
      g_signal_connect (kind, "notify::selected", G_CALLBACK (on_award_kind), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), kind);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row),
                                     _ ("Delete from the catalogue"));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (delete_row),
          icon_button ("user-trash-symbolic", _ ("Delete"), "settings.delete-award", (gint)i));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), delete_row);
      add_row (self, self->catalogue_group, expander);
    }
}

static void
on_new_award (AdwEntryRow *row, TdRankingSettingsWindow *self)
{
  g_autoptr (TdAward) award = td_award_new ();
  g_autoptr (GError) error = NULL;

  g_free (award->name);
  award->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  award->position = (gint)self->awards->len + 1;
  if (td_award_save (self->database, award, &error) == 0)
    toast_error (self, error);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static gboolean
restore_award (TdDb *db, gpointer award, GError **error)
{
  ((TdAward *)award)->id = 0;
  return td_award_save (db, award, error) != 0;
}

static void
delete_award_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRankingSettingsWindow *self = TD_RANKING_SETTINGS_WINDOW (widget);
  guint i = (guint)g_variant_get_int32 (param);
  TdAward *old, *copy;
  g_autoptr (GError) error = NULL;

  if (i >= self->awards->len)
    return;
  old = g_ptr_array_index (self->awards, i);
  copy = td_award_new ();
  g_free (copy->name);
  g_free (copy->level);
  copy->name = g_strdup (old->name);
  copy->level = g_strdup (old->level);
  copy->title = old->title;
  copy->position = old->position;
  if (!td_award_delete (self->database, old->id, &error))
    {
      td_award_free (copy);
      toast_error (self, error);
      return;
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    td_undo_toast_new (widget, _ ("Removed from the catalogue"),
                                                       self->database, restore_award, copy,
                                                       (GDestroyNotify)td_award_free));
}

/* --- building ------------------------------------------------------------ */

static void
rebuild (TdRankingSettingsWindow *self)
{
  g_autoptr (GError) error = NULL;
  gboolean writable = self->database != NULL && !td_db_is_read_only (self->database);

  self->building = TRUE;
  clear_rows (self);
  g_clear_pointer (&self->settings, td_rank_settings_free);
  g_clear_pointer (&self->awards, g_ptr_array_unref);
  self->settings = td_ranking_load_settings (self->database, self->bloc_year_id, &error);
  self->awards = td_award_list (self->database, error ? NULL : &error);
  if (self->settings == NULL || self->awards == NULL)
    {
      toast_error (self, error);
      if (self->settings == NULL)
        self->settings = td_rank_settings_new ();
      if (self->awards == NULL)
        self->awards = g_ptr_array_new_with_free_func ((GDestroyNotify)td_award_free);
    }
  build_tie_rows (self);
  build_grades (self);
  build_rule_rows (self);
  build_catalogue (self);
  self->building = FALSE;

  /* A read-only file shows its rules but cannot change them. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_tie_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_rule_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_award_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grade_unit_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->require_self_switch), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->excellent_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->good_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->done_row), writable);
  for (guint i = 1; i < self->rows->len; i += 2)
    gtk_widget_set_sensitive (g_ptr_array_index (self->rows, i), writable);
}

static void
on_database_changed (TdDb *db, const char *what, TdRankingSettingsWindow *self)
{
  rebuild (self);
}

static void
td_ranking_settings_window_dispose (GObject *object)
{
  TdRankingSettingsWindow *self = TD_RANKING_SETTINGS_WINDOW (object);

  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_handler, self->database);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_RANKING_SETTINGS_WINDOW);
  G_OBJECT_CLASS (td_ranking_settings_window_parent_class)->dispose (object);
}

static void
td_ranking_settings_window_finalize (GObject *object)
{
  TdRankingSettingsWindow *self = TD_RANKING_SETTINGS_WINDOW (object);

  g_clear_pointer (&self->settings, td_rank_settings_free);
  g_clear_pointer (&self->awards, g_ptr_array_unref);
  g_ptr_array_unref (self->tie_choices);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (td_ranking_settings_window_parent_class)->finalize (object);
}

static void
td_ranking_settings_window_class_init (TdRankingSettingsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_ranking_settings_window_dispose;
  object_class->finalize = td_ranking_settings_window_finalize;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/ThiDua/ui/td-ranking-settings-window.ui");
  td_widget_class_bind_template_children (widget_class, TdRankingSettingsWindow, tie_group,
                                          add_tie_row, require_self_switch, grade_unit_row,
                                          excellent_row, good_row, done_row, rules_group,
                                          add_rule_row, catalogue_group, new_award_row);

  gtk_widget_class_install_action (widget_class, "settings.add-tie-break", NULL, tie_action);
  gtk_widget_class_install_action (widget_class, "settings.tie-up", "i", tie_action);
  gtk_widget_class_install_action (widget_class, "settings.tie-down", "i", tie_action);
  gtk_widget_class_install_action (widget_class, "settings.tie-remove", "i", tie_action);
  gtk_widget_class_install_action (widget_class, "settings.add-proposal-rule", NULL,
                                   add_proposal_rule_action);
  gtk_widget_class_install_action (widget_class, "settings.delete-proposal-rule", "i",
                                   delete_proposal_rule_action);
  gtk_widget_class_install_action (widget_class, "settings.delete-award", "i", delete_award_action);
}

static void
td_ranking_settings_window_init (TdRankingSettingsWindow *self)
{
  const char *units[] = { _ ("Points"), _ ("Percent of the table's standard total") };
  g_autoptr (GtkStringList) unit_model = string_list (units, G_N_ELEMENTS (units));

  gtk_widget_init_template (GTK_WIDGET (self));
  self->tie_choices = g_ptr_array_new_with_free_func ((GDestroyNotify)td_tie_break_free);
  self->rows = g_ptr_array_new ();
  adw_combo_row_set_model (self->grade_unit_row, G_LIST_MODEL (unit_model));
  g_signal_connect (self->grade_unit_row, "notify::selected", G_CALLBACK (on_grade_unit), self);
  g_signal_connect (self->require_self_switch, "notify::active", G_CALLBACK (on_require_self),
                    self);
  g_signal_connect (self->excellent_row, "apply", G_CALLBACK (on_grade_apply), self);
  g_signal_connect (self->good_row, "apply", G_CALLBACK (on_grade_apply), self);
  g_signal_connect (self->done_row, "apply", G_CALLBACK (on_grade_apply), self);
  g_signal_connect (self->new_award_row, "apply", G_CALLBACK (on_new_award), self);
}

TdRankingSettingsWindow *
td_ranking_settings_window_new (TdDb *db, gint64 bloc_year_id)
{
  TdRankingSettingsWindow *self = g_object_new (TD_TYPE_RANKING_SETTINGS_WINDOW, NULL);
  g_autoptr (GError) error = NULL;

  self->database = g_object_ref (db);
  self->bloc_year_id = bloc_year_id;
  if (!td_db_is_read_only (db) && !td_ranking_ensure_settings (db, bloc_year_id, &error))
    toast_error (self, error);
  self->changed_handler = g_signal_connect (db, "changed", G_CALLBACK (on_database_changed), self);
  rebuild (self);
  return self;
}
