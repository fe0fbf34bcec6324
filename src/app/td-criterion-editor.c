/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The editor pane of the Criteria section.
 *
 * Shows the selected criterion's fields and the parameters its rule kind
 * reads (the others are hidden, so the form only asks what matters).  Each
 * field is saved on its own when applied (Enter or the apply button), text
 * areas when they lose the focus: there is no Save button.  A refused value
 * keeps the row marked and says why in a toast; nothing else is lost. */
#include "config.h"

#include "td-criterion-editor.h"
#include "td-criteria-paste.h"
#include "td-label-factory.h"
#include "td-window.h"
#include "td-template.h"

#include <glib/gi18n.h>
#include <string.h>

struct _TdCriterionEditor
{
  AdwBin parent_instance;

  GtkStack *stack;
  AdwPreferencesGroup *problems_group;
  GtkLabel *problems_label;
  AdwEntryRow *code_row;
  AdwEntryRow *title_row;
  AdwEntryRow *assessor_row;
  AdwComboRow *kind_row;
  AdwEntryRow *standard_row;
  AdwEntryRow *rate_row;
  AdwEntryRow *threshold_row;
  AdwEntryRow *step_row;
  AdwEntryRow *bonus_max_row;
  AdwEntryRow *bonus_cap_row;
  AdwEntryRow *deduction_cap_row;
  AdwEntryRow *exemption_row;
  AdwPreferencesGroup *options_group;
  GtkTextView *options_view;
  GtkTextView *guidance_view;

  TdDb *database;
  TdCriterion *criterion; /* our copy of what is shown */
  gboolean setting;
};

G_DEFINE_FINAL_TYPE (TdCriterionEditor, td_criterion_editor, ADW_TYPE_BIN)

static gchar *
points_text (TdPoints points)
{
  return td_points_format (points);
}

static gchar *
cap_text (TdPoints cap)
{
  return cap == TD_NO_CAP ? g_strdup ("") : td_points_format (cap);
}

static void
set_row_text (AdwEntryRow *row, const char *text, gboolean force)
{
  /* Never overwrite what the clerk is typing about this criterion. */
  if (!force && gtk_widget_get_state_flags (GTK_WIDGET (row)) & GTK_STATE_FLAG_FOCUS_WITHIN)
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
set_view_text (GtkTextView *view, const char *text, gboolean force)
{
  if (!force && gtk_widget_has_focus (GTK_WIDGET (view)))
    return;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
  gtk_widget_remove_css_class (GTK_WIDGET (view), "error");
}

static gchar *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree gchar *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (g_steal_pointer (&text));
}

static gchar *
options_to_text (const TdCriterion *c)
{
  GString *s = g_string_new ("");

  for (guint i = 0; i < c->options->len; i++)
    {
      const TdRuleOption *o = g_ptr_array_index (c->options, i);
      g_autofree gchar *p = c->kind == TD_RULE_GRADED ? td_points_format (o->points)
                                                      : td_points_format_signed (o->points);

      if (c->kind == TD_RULE_BRACKETS && o->size_class >= 0
          && (guint)o->size_class < g_strv_length (c->size_classes))
        g_string_append_printf (s, "%s | ", c->size_classes[o->size_class]);
      g_string_append_printf (s, "%s = %s\n", o->label ? o->label : "", p);
    }
  if (s->len > 0)
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

static void
update_visibility (TdCriterionEditor *self)
{
  TdRuleKind kind = self->criterion ? self->criterion->kind : TD_RULE_GROUP;
  gboolean linear = kind == TD_RULE_LINEAR_BONUS || kind == TD_RULE_LINEAR_DEDUCTION;
  gboolean has_rate = kind == TD_RULE_STANDARD_LESS_EACH || kind == TD_RULE_BONUS_EACH
                      || kind == TD_RULE_DEDUCTION_EACH || kind == TD_RULE_BONUS_POINTS
                      || kind == TD_RULE_DEDUCTION_POINTS || linear;
  gboolean has_options
      = kind == TD_RULE_OPTIONS || kind == TD_RULE_GRADED || kind == TD_RULE_BRACKETS;

  gtk_widget_set_visible (GTK_WIDGET (self->standard_row),
                          kind == TD_RULE_GROUP || td_rule_kind_gives_standard (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->rate_row), has_rate);
  gtk_widget_set_visible (GTK_WIDGET (self->bonus_max_row), td_rule_kind_gives_standard (kind));
  if (kind == TD_RULE_BONUS_POINTS || kind == TD_RULE_DEDUCTION_POINTS)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rate_row), _ ("At most (points)"));
  else if (linear)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rate_row), _ ("Points per step"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rate_row), _ ("Points per case"));
  gtk_widget_set_visible (GTK_WIDGET (self->threshold_row), linear);
  gtk_widget_set_visible (GTK_WIDGET (self->step_row), linear);
  gtk_widget_set_visible (GTK_WIDGET (self->exemption_row), td_rule_kind_is_deduction (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->options_group), has_options);
  {
    const char *text;
    g_autofree gchar *escaped = NULL;

    if (kind == TD_RULE_OPTIONS)
      text = _ ("One per line: the label, an equals sign and the points, e.g. “Hoàn thành tốt = "
                "+1”.");
    else if (kind == TD_RULE_GRADED)
      text = _ ("One grade per line: the range of the measured value, an equals sign and the "
                "standard points, e.g. “95 – <98 = 8” or “≥ 98 = 10”.");
    else
      text = _ ("One bracket per line: the size class, a bar “|”, the range of the measured "
                "value, an equals sign and the points, e.g. “Dưới 1.000 hồ sơ/năm | 1 – <5 = "
                "+0,5”. Without size classes write only the range and the points.");
    /* The description is markup: “<98” must stay text. */
    escaped = g_markup_escape_text (text, -1);
    adw_preferences_group_set_description (self->options_group, escaped);
  }
}

void
td_criterion_editor_set_criterion (TdCriterionEditor *self, TdDb *db, const TdCriterion *criterion,
                                   const char *problems)
{
  gboolean read_only, force;
  g_autofree gchar *standard = NULL, *rate = NULL, *threshold = NULL, *step = NULL;
  g_autofree gchar *bonus_cap = NULL, *deduction_cap = NULL, *options = NULL;
  g_autofree gchar *bonus_max = NULL;

  g_return_if_fail (TD_IS_CRITERION_EDITOR (self));

  g_set_object (&self->database, db);
  if (criterion == NULL)
    {
      g_clear_pointer (&self->criterion, td_criterion_free);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  /* Another criterion: every field shows it, even the one with the cursor
   * (an unapplied edit belonged to the previous criterion). */
  force = self->criterion == NULL || self->criterion->id != criterion->id;
  g_clear_pointer (&self->criterion, td_criterion_free);
  self->criterion = td_criterion_copy (criterion);
  gtk_stack_set_visible_child_name (self->stack, "editor");

  self->setting = TRUE;
  set_row_text (self->code_row, criterion->code, force);
  set_row_text (self->title_row, criterion->title, force);
  set_row_text (self->assessor_row, criterion->assessor, force);
  set_row_text (self->exemption_row, criterion->exemption, force);
  standard = points_text (criterion->standard);
  rate = points_text (criterion->rate);
  threshold = points_text (criterion->threshold);
  step = points_text (criterion->step);
  bonus_max = criterion->bonus_max > 0 ? points_text (criterion->bonus_max) : g_strdup ("");
  bonus_cap = cap_text (criterion->bonus_cap);
  deduction_cap = cap_text (criterion->deduction_cap);
  set_row_text (self->standard_row, standard, force);
  set_row_text (self->rate_row, rate, force);
  set_row_text (self->threshold_row, threshold, force);
  set_row_text (self->step_row, step, force);
  set_row_text (self->bonus_max_row, bonus_max, force);
  set_row_text (self->bonus_cap_row, bonus_cap, force);
  set_row_text (self->deduction_cap_row, deduction_cap, force);
  adw_combo_row_set_selected (self->kind_row, criterion->kind);
  set_view_text (self->guidance_view, criterion->guidance, force);
  options = options_to_text (criterion);
  set_view_text (self->options_view, options, force);
  self->setting = FALSE;

  gtk_label_set_text (self->problems_label, problems ? problems : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems != NULL && *problems);
  update_visibility (self);

  read_only = db == NULL || td_db_is_read_only (db);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !read_only);
}

void
td_criterion_editor_focus_title (TdCriterionEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
save (TdCriterionEditor *self, TdCriterion *changed, GtkWidget *row)
{
  g_autoptr (GError) error = NULL;

  if (!td_criteria_update (self->database, changed, &error))
    {
      if (row != NULL)
        gtk_widget_add_css_class (row, "error");
      td_window_toast_text (GTK_WIDGET (self), error->message);
      return;
    }
  if (row != NULL)
    gtk_widget_remove_css_class (row, "error");
  g_clear_pointer (&self->criterion, td_criterion_free);
  self->criterion = td_criterion_copy (changed);
  update_visibility (self);
}

/* Parses @text as points for the field @label; empty means "no cap" when
 * @allow_empty.  Refusals name the field and what is allowed. */
static gboolean
parse_points_field (TdCriterionEditor *self, const char *label, const char *text,
                    gboolean allow_empty, TdPoints *out)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *message = NULL;
  g_autofree gchar *stripped = g_strstrip (g_strdup (text));

  if (allow_empty && *stripped == '\0')
    {
      *out = TD_NO_CAP;
      return TRUE;
    }
  if (td_points_parse (stripped, out, &error) && *out >= 0)
    return TRUE;
  /* Translators: %s is the name of a field, e.g. "Standard points" */
  message
      = g_strdup_printf (_ ("%s: enter a number of points of 0 or more, such as “1,5”."), label);
  td_window_toast_text (GTK_WIDGET (self), message);
  return FALSE;
}

static void
on_apply (AdwEntryRow *row, TdCriterionEditor *self)
{
  g_autoptr (TdCriterion) changed = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  const char *label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  TdPoints value = 0;

  if (self->setting || self->criterion == NULL || self->database == NULL)
    return;
  changed = td_criterion_copy (self->criterion);

  if (row == self->code_row)
    g_free (changed->code), changed->code = g_strstrip (g_strdup (text));
  else if (row == self->title_row)
    g_free (changed->title), changed->title = g_strstrip (g_strdup (text));
  else if (row == self->assessor_row)
    g_free (changed->assessor), changed->assessor = g_strstrip (g_strdup (text));
  else if (row == self->exemption_row)
    g_free (changed->exemption), changed->exemption = g_strstrip (g_strdup (text));
  else
    {
      gboolean cap = row == self->bonus_cap_row || row == self->deduction_cap_row
                     || row == self->bonus_max_row;

      if (!parse_points_field (self, label, text, cap, &value))
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          return;
        }
      if (row == self->bonus_max_row)
        changed->bonus_max = value == TD_NO_CAP ? 0 : value;
      if (row == self->standard_row)
        changed->standard = value;
      else if (row == self->rate_row)
        changed->rate = value;
      else if (row == self->threshold_row)
        changed->threshold = value;
      else if (row == self->step_row)
        changed->step = value;
      else if (row == self->bonus_cap_row)
        changed->bonus_cap = value;
      else if (row == self->deduction_cap_row)
        changed->deduction_cap = value;
    }
  save (self, changed, GTK_WIDGET (row));
}

static void
on_kind_selected (AdwComboRow *row, GParamSpec *pspec, TdCriterionEditor *self)
{
  g_autoptr (TdCriterion) changed = NULL;
  guint kind = adw_combo_row_get_selected (row);

  if (self->setting || self->criterion == NULL || kind >= TD_RULE_N_KINDS
      || kind == (guint)self->criterion->kind)
    return;
  changed = td_criterion_copy (self->criterion);
  changed->kind = kind;
  save (self, changed, NULL);
}

/* A grade's label carries its range, as the core writes it: "≥ 98",
 * "95 – <98", "< 90".  Reading it back keeps the ranges editable as text. */
static void
range_from_label (TdRuleOption *o, const char *label)
{
  g_autofree gchar *text = g_strdup (label);
  gchar *dash;
  TdPoints value;

  g_strstrip (text);
  if (g_str_has_prefix (text, "≥") || g_str_has_prefix (text, ">="))
    {
      const char *rest = text + (g_str_has_prefix (text, ">=") ? 2 : strlen ("≥"));
      o->has_low = td_points_parse (rest, &value, NULL);
      o->low = value;
      return;
    }
  if (g_str_has_prefix (text, "<"))
    {
      o->has_high = td_points_parse (text + 1, &value, NULL);
      o->high = value;
      return;
    }
  dash = strstr (text, "–");
  if (dash == NULL)
    dash = strstr (text, " - ");
  if (dash != NULL)
    {
      gchar *high = dash + (g_str_has_prefix (dash, "–") ? strlen ("–") : 3);

      *dash = '\0';
      high = g_strstrip (high);
      if (*high == '<')
        high++;
      if (td_points_parse (text, &value, NULL))
        o->has_low = TRUE, o->low = value;
      if (td_points_parse (high, &value, NULL))
        o->has_high = TRUE, o->high = value;
    }
}

/* "Label = +1" per line; a line without "=" is a label worth 0. */
static gboolean
parse_options (TdCriterionEditor *self, const char *text, TdCriterion *into)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  g_ptr_array_set_size (into->options, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree gchar *line = g_strstrip (g_strdup (lines[i]));
      gchar *eq = strrchr (line, '=');
      TdPoints points = 0;

      if (*line == '\0')
        continue;
      if (eq != NULL)
        {
          g_autoptr (GError) error = NULL;

          *eq = '\0';
          if (!td_points_parse (g_strstrip (eq + 1), &points, &error))
            {
              g_autofree gchar *message = g_strdup_printf (
                  _ ("Options, line %u: after “=” write the points, such as “+1” or “−0,5”."),
                  i + 1);
              td_window_toast_text (GTK_WIDGET (self), message);
              return FALSE;
            }
        }
      {
        TdRuleOption *o = td_criterion_add_option (into, g_strstrip (line), points);

        if (into->kind == TD_RULE_GRADED)
          range_from_label (o, line);
      }
    }
  return TRUE;
}

/* Strict reading of a bracket's range: "1 – <5", "1 - 5", "≥ 5", ">= 5",
 * "< 1".  Unlike range_from_label nothing is guessed: FALSE when any part
 * is not a number. */
static gboolean
parse_range (const char *text, TdRuleOption *o)
{
  g_autofree gchar *copy = g_strstrip (g_strdup (text));
  const char *dashes[] = { "–", "−", "-" };
  gchar *dash = NULL;
  gsize dash_len = 0;
  TdPoints value;

  o->has_low = o->has_high = FALSE;
  o->low = o->high = 0;
  if (g_str_has_prefix (copy, "≥") || g_str_has_prefix (copy, ">="))
    {
      const char *rest = copy + (g_str_has_prefix (copy, ">=") ? 2 : strlen ("≥"));

      if (!td_points_parse (rest, &value, NULL) || value < 0)
        return FALSE;
      o->has_low = TRUE, o->low = value;
      return TRUE;
    }
  if (g_str_has_prefix (copy, "<"))
    {
      if (!td_points_parse (copy + 1, &value, NULL) || value < 0)
        return FALSE;
      o->has_high = TRUE, o->high = value;
      return TRUE;
    }
  /* The dash between two numbers, never a sign in front of the first. */
  for (guint i = 0; i < G_N_ELEMENTS (dashes) && dash == NULL; i++)
    if (*copy != '\0' && (dash = strstr (copy + 1, dashes[i])) != NULL)
      dash_len = strlen (dashes[i]);
  if (dash == NULL)
    return FALSE;
  {
    gchar *high = dash + dash_len;

    *dash = '\0';
    high = g_strstrip (high);
    if (*high == '<')
      high++;
    if (!td_points_parse (copy, &value, NULL) || value < 0)
      return FALSE;
    o->has_low = TRUE, o->low = value;
    if (!td_points_parse (high, &value, NULL) || value < 0)
      return FALSE;
    o->has_high = TRUE, o->high = value;
  }
  return TRUE;
}

/* Marks the brackets refused and says why; FALSE, for the parser to return. */
static gboolean refuse_line (TdCriterionEditor *self, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse_line (TdCriterionEditor *self, const char *format, ...)
{
  g_autofree gchar *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  gtk_widget_add_css_class (GTK_WIDGET (self->options_view), "error");
  td_window_toast_text (GTK_WIDGET (self), message);
  return FALSE;
}

/* "Size class | 1 – <5 = +0,5" per line ("1 – <5 = +0,5" without size
 * classes).  Size classes keep their places: a stored entry refers to its
 * class by index, so a name no line uses any more is kept and new names
 * are added at the end. */
static gboolean
parse_brackets (TdCriterionEditor *self, const char *text, TdCriterion *into)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) line_of = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean with_classes = g_strv_length (into->size_classes) > 0;

  for (guint i = 0; into->size_classes[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (into->size_classes[i]));
  for (guint i = 0; lines[i] != NULL; i++)
    if (strchr (lines[i], '|') != NULL)
      with_classes = TRUE;

  g_ptr_array_set_size (into->options, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree gchar *line = g_strstrip (g_strdup (lines[i]));
      gchar *eq = strrchr (line, '=');
      gchar *bar = strchr (line, '|');
      const char *range = line;
      gint size_class = 0;
      TdRuleOption bracket = { 0 };
      TdPoints points;

      if (*line == '\0')
        continue;
      if (eq == NULL || (*eq = '\0', !td_points_parse (g_strstrip (eq + 1), &points, NULL)))
        return refuse_line (
            self,
            _ ("Brackets, line %u: end with “=” and the points, such as “= +0,5” or "
               "“= −0,5”."),
            i + 1);
      if (with_classes)
        {
          guint k;

          if (bar != NULL)
            *bar = '\0';
          if (bar == NULL || *g_strstrip (line) == '\0')
            {
              g_autofree gchar *known = NULL;

              g_ptr_array_add (names, NULL);
              known = g_strjoinv ("; ", (gchar **)names->pdata);
              g_ptr_array_set_size (names, names->len - 1);
              return refuse_line (self,
                                  /* Translators: the last %s lists the size classes named so far */
                                  _ ("Brackets, line %u: start with the size class and a "
                                     "bar, e.g. “Dưới 1.000 hồ sơ/năm | 1 – <5 = +0,5”. "
                                     "Size classes so far: %s."),
                                  i + 1, *known ? known : "—");
            }
          for (k = 0; k < names->len; k++)
            if (g_strcmp0 (g_ptr_array_index (names, k), line) == 0)
              break;
          if (k == names->len)
            g_ptr_array_add (names, g_strdup (line));
          size_class = k;
          range = bar + 1;
        }
      if (!parse_range (range, &bracket))
        return refuse_line (
            self,
            _ ("Brackets, line %u: write the range of the measured value as “1 – <5”, "
               "“≥ 5” or “< 1”, with numbers of 0 or more."),
            i + 1);
      if (bracket.has_low && bracket.has_high && bracket.high <= bracket.low)
        return refuse_line (
            self,
            _ ("Brackets, line %u: the range is empty; the lower end must be below the upper "
               "end."),
            i + 1);
      td_criterion_add_bracket (into, size_class, bracket.has_low, bracket.low, bracket.has_high,
                                bracket.high, points);
      g_array_append_val (line_of, i);
    }

  /* Two brackets of one size class must not both match a value. */
  for (guint a = 0; a < into->options->len; a++)
    for (guint b = a + 1; b < into->options->len; b++)
      {
        const TdRuleOption *oa = g_ptr_array_index (into->options, a);
        const TdRuleOption *ob = g_ptr_array_index (into->options, b);
        gboolean a_below = oa->has_high && ob->has_low && oa->high <= ob->low;
        gboolean b_below = ob->has_high && oa->has_low && ob->high <= oa->low;

        if (oa->size_class == ob->size_class && !a_below && !b_below)
          return refuse_line (
              self,
              _ ("Brackets, lines %u and %u: the ranges overlap in the same size class; a "
                 "measured value must fall in one bracket only."),
              g_array_index (line_of, guint, a) + 1, g_array_index (line_of, guint, b) + 1);
      }

  /* Each class's range of files comes from its name ("Dưới 1.000 hồ
   * sơ/năm", "Từ 1.000 đến dưới 3.000 hồ sơ/năm"), so a unit's number of
   * files chooses its class. */
  g_strfreev (into->size_classes);
  into->size_classes = g_new0 (gchar *, 1);
  g_array_set_size (into->size_ranges, 0);
  for (guint k = 0; k < names->len; k++)
    {
      TdRange range;
      const char *name = g_ptr_array_index (names, k);

      td_criterion_add_size_class (into, name,
                                   td_paste_read_size_range (name, &range) ? &range : NULL);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->options_view), "error");
  return TRUE;
}

static void
on_text_view_leave (GtkEventControllerFocus *controller, TdCriterionEditor *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  g_autoptr (TdCriterion) changed = NULL;
  g_autofree gchar *text = view_text (GTK_TEXT_VIEW (view));

  if (self->criterion == NULL || self->database == NULL
      || !gtk_text_view_get_editable (GTK_TEXT_VIEW (view)))
    return;
  changed = td_criterion_copy (self->criterion);
  if (view == GTK_WIDGET (self->guidance_view))
    {
      if (g_strcmp0 (text, self->criterion->guidance ? self->criterion->guidance : "") == 0)
        return;
      g_free (changed->guidance);
      changed->guidance = g_steal_pointer (&text);
    }
  else
    {
      g_autofree gchar *old = options_to_text (self->criterion);

      if (g_strcmp0 (text, old) == 0)
        return;
      if (changed->kind == TD_RULE_BRACKETS ? !parse_brackets (self, text, changed)
                                            : !parse_options (self, text, changed))
        return;
    }
  save (self, changed, NULL);
}

static void
td_criterion_editor_dispose (GObject *object)
{
  TdCriterionEditor *self = TD_CRITERION_EDITOR (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->criterion, td_criterion_free);
  /* AdwBin unparents its child itself. */
  G_OBJECT_CLASS (td_criterion_editor_parent_class)->dispose (object);
}

static void
td_criterion_editor_class_init (TdCriterionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_criterion_editor_dispose;

  td_widget_class_set_template (widget_class, "td-criterion-editor.ui");
  td_widget_class_bind_template_children (
      widget_class, TdCriterionEditor, stack, problems_group, problems_label, code_row, title_row,
      assessor_row, kind_row, standard_row, rate_row, threshold_row, step_row, bonus_max_row,
      bonus_cap_row, deduction_cap_row, exemption_row, options_group, options_view, guidance_view);
  td_widget_class_bind_template_callbacks (widget_class, on_apply, on_kind_selected);
}

static void
td_criterion_editor_init (TdCriterionEditor *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkTextView *views[] = { self->guidance_view, self->options_view };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint k = 0; k < TD_RULE_N_KINDS; k++)
    gtk_string_list_append (kinds, td_rule_kind_get_label (k));
  {
    /* A kind is named in full ("Mục tiêu đề (cộng các mục con)"): it wraps
     * in the editor's narrow column instead of being cut. */
    g_autoptr (GtkListItemFactory) factory = td_label_factory_new (TRUE, 24);

    adw_combo_row_set_factory (self->kind_row, factory);
  }
  self->setting = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->setting = FALSE;

  views[0] = self->guidance_view;
  views[1] = self->options_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (on_text_view_leave), self);
      gtk_widget_add_controller (GTK_WIDGET (views[i]), focus);
    }
}
