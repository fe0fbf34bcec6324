/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One editable cell of the score grids (one unit, matrix, evidence).
 *
 * Entry is keyboard-first, as from a pile of paper forms: type, then Tab
 * (next cell), Shift+Tab, Enter (the cell below) or Shift+Enter, or an
 * arrow key as in a spreadsheet (Left and Right once the caret is at the
 * text's edge or the whole text is selected); Escape puts back the saved
 * value.  A cell of free text (evidence, a note: td_score_cell_new_text)
 * shows its whole text, wrapped on as many lines as the column needs, and
 * is the same one-line entry while it is edited.  The cell itself never
 * saves: it emits "commit"
 * with the text and the wanted move, and the page validates and saves
 * through the core.  A handler that refuses the value returns FALSE and
 * calls td_score_cell_set_error(), which keeps the focus in the cell and
 * names the allowed range in its tooltip. */
#include "config.h"

#include "td-a11y.h"
#include "td-score-cell.h"
#include "td-lazy-tooltip.h"

/* Where a text cell draws its wrapped text: the entry's own padding. */
#define WRAP_PAD_X 8
#define WRAP_PAD_Y 4

struct _TdScoreCell
{
  GtkWidget parent_instance;

  GtkWidget *entry;
  GtkWidget *dropdown;
  GtkStringList *choices;

  gchar *saved_text;
  guint row;
  guint column;
  gboolean setting; /* programmatic change: not the user's */
  gboolean committing;
  gboolean wraps;   /* a text cell: the whole text, wrapped, unless edited */
  gboolean editing; /* the focus is in a text cell's entry */
};

G_DEFINE_FINAL_TYPE (TdScoreCell, td_score_cell, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_COMMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
emit_commit (TdScoreCell *self, const char *text, TdCellMove move)
{
  gboolean accepted = TRUE;

  if (self->committing)
    return TRUE;
  self->committing = TRUE;
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_COMMIT], 0, text, (int)move, &accepted);
  self->committing = FALSE;
  g_object_unref (self);
  return accepted;
}

static void
commit_entry (TdScoreCell *self, TdCellMove move)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  /* Unchanged text only moves (Tab through a filled form costs nothing). */
  if (g_strcmp0 (text, self->saved_text ? self->saved_text : "") == 0)
    {
      td_score_cell_set_error (self, NULL);
      if (move != TD_CELL_MOVE_NONE)
        emit_commit (self, NULL, move);
      return;
    }
  if (emit_commit (self, text, move))
    td_score_cell_set_error (self, NULL);
  else if (move == TD_CELL_MOVE_NONE)
    /* Focus went elsewhere: the refused value must not linger looking saved. */
    td_score_cell_set_text (self, self->saved_text);
}

static void
on_entry_activate (GtkEntry *entry, TdScoreCell *self)
{
  commit_entry (self, TD_CELL_MOVE_DOWN);
}

/* Whether Left (or Right) leaves the entry rather than moving the caret:
 * the text is all selected (as when the cell was just entered), empty, or
 * the caret is at that edge. */
static gboolean
arrow_leaves_entry (TdScoreCell *self, gboolean left)
{
  GtkEditable *editable = GTK_EDITABLE (self->entry);
  int start, end;
  int length = g_utf8_strlen (gtk_editable_get_text (editable), -1);

  if (length == 0)
    return TRUE;
  if (gtk_editable_get_selection_bounds (editable, &start, &end))
    return start == 0 && end == length;
  return left ? gtk_editable_get_position (editable) == 0
              : gtk_editable_get_position (editable) >= length;
}

/* An arrow key on a drop-down cell moves between cells, except inside its
 * open list, where it chooses. */
static gboolean
in_choice_list (TdScoreCell *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;
}

static gboolean
arrow_move (TdScoreCell *self, TdCellMove move)
{
  if (td_score_cell_is_choice (self))
    {
      if (in_choice_list (self))
        return FALSE;
      emit_commit (self, NULL, move);
      return TRUE;
    }
  if ((move == TD_CELL_MOVE_LEFT || move == TD_CELL_MOVE_RIGHT)
      && !arrow_leaves_entry (self, move == TD_CELL_MOVE_LEFT))
    return FALSE;
  commit_entry (self, move);
  return TRUE;
}

/* The arrow keys, with their twins on the keypad, and where each moves. */
static const struct
{
  guint keyval;
  guint keypad_keyval;
  TdCellMove move;
} arrows[] = {
  { GDK_KEY_Up, GDK_KEY_KP_Up, TD_CELL_MOVE_ARROW_UP },
  { GDK_KEY_Down, GDK_KEY_KP_Down, TD_CELL_MOVE_ARROW_DOWN },
  { GDK_KEY_Left, GDK_KEY_KP_Left, TD_CELL_MOVE_LEFT },
  { GDK_KEY_Right, GDK_KEY_KP_Right, TD_CELL_MOVE_RIGHT },
};

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, TdScoreCell *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean plain = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0;

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    if (keyval == arrows[i].keyval || keyval == arrows[i].keypad_keyval)
      return plain && arrow_move (self, arrows[i].move);
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (!td_score_cell_is_choice (self))
        commit_entry (self, shift || keyval == GDK_KEY_ISO_Left_Tab ? TD_CELL_MOVE_PREV
                                                                    : TD_CELL_MOVE_NEXT);
      else
        emit_commit (self, NULL,
                     shift || keyval == GDK_KEY_ISO_Left_Tab ? TD_CELL_MOVE_PREV
                                                             : TD_CELL_MOVE_NEXT);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (shift && gtk_widget_get_visible (self->entry))
        {
          commit_entry (self, TD_CELL_MOVE_UP);
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_z:
    case GDK_KEY_Z:
      /* Ctrl+Z: typing not yet saved is put back to what is saved (the
       * field's own history also holds what the grid wrote into it, a
       * paste or a refresh, and undoing that would clear a saved score
       * when the focus leaves); with nothing typed, the section's Undo of
       * the last saved edits. */
      if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != GDK_CONTROL_MASK
          || !gtk_widget_get_visible (self->entry))
        return FALSE;
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                     self->saved_text ? self->saved_text : "")
          != 0)
        {
          td_score_cell_set_text (self, self->saved_text);
          td_score_cell_set_error (self, NULL);
          return TRUE;
        }
      return gtk_widget_activate_action (GTK_WIDGET (self), "scores.undo", NULL);
    case GDK_KEY_Escape:
      if (gtk_widget_get_visible (self->entry))
        {
          td_score_cell_set_text (self, self->saved_text);
          td_score_cell_set_error (self, NULL);
          gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller, TdScoreCell *self)
{
  if (gtk_widget_get_visible (self->entry)
      && gtk_editable_get_editable (GTK_EDITABLE (self->entry)))
    commit_entry (self, TD_CELL_MOVE_NONE);
}

static void
on_selected (GtkDropDown *dropdown, GParamSpec *pspec, TdScoreCell *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autofree gchar *text = NULL;

  if (self->setting || selected == GTK_INVALID_LIST_POSITION)
    return;
  text = g_strdup_printf ("%u", selected);
  if (emit_commit (self, text, TD_CELL_MOVE_NONE))
    {
      g_free (self->saved_text);
      self->saved_text = g_steal_pointer (&text);
    }
}

/* Every layout of the cell wraps text: its height depends on its width. */
static GtkSizeRequestMode
height_for_width (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The chosen option's width, as the drop-down's button lays it out.
 *
 * GTK 4.8's horizontal box gives its children their width for the height
 * it was allocated, while it asked their height for their width: a
 * wrapped label then claims the width of its text on those few lines,
 * more than the box has, and pushes the arrow out of the button.  Asked
 * for its width alone, whatever the height, the label takes what is left
 * beside the arrow and wraps to it. */
static void
choice_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                int *natural, int *minimum_baseline, int *natural_baseline)
{
  GtkWidget *label = gtk_widget_get_first_child (widget);

  gtk_widget_measure (label, orientation, orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
choice_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
setup_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer in_button)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (in_button)
    {
      /* Option labels are long: the cell wraps them on two lines or
       * more rather than cutting "Bằng khen" to "Bằn…". */
      GtkWidget *holder = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 4);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_widget_set_layout_manager (
          holder, gtk_custom_layout_new (height_for_width, choice_measure, choice_allocate));
      gtk_box_append (GTK_BOX (holder), label);
      gtk_list_item_set_child (list_item, holder);
      return;
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkLabel *label = GTK_LABEL (GTK_IS_LABEL (child) ? child : gtk_widget_get_first_child (child));
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (list_item));

  gtk_label_set_text (label, text);
  td_lazy_tooltip_set (GTK_WIDGET (label), text);
}

static GtkListItemFactory *
choice_factory (gboolean in_button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), GINT_TO_POINTER (in_button));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  return factory;
}

GtkWidget *
td_score_cell_new (void)
{
  return g_object_new (TD_TYPE_SCORE_CELL, NULL);
}

/* ---- cells of wrapping text ----
 *
 * The entry stays the field (what is focused, typed into, named for a
 * reader); while it is not being edited its one line is hidden and the
 * cell draws the whole text over it, wrapped to the column, and asks for
 * the height that takes.  Pango lays the text out at once, so the row's
 * height is known when the list places it. */

static PangoLayout *
wrapped_layout (TdScoreCell *self, int width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (
      GTK_WIDGET (self), gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, MAX (1, width - 2 * WRAP_PAD_X) * PANGO_SCALE);
  return layout;
}

/* The entry's own line is hidden while the wrapped text is drawn. */
static void
update_wrapped (TdScoreCell *self)
{
  gboolean drawn = !self->editing && *gtk_editable_get_text (GTK_EDITABLE (self->entry)) != '\0';

  if (drawn)
    gtk_widget_add_css_class (self->entry, "score-wrapped");
  else
    gtk_widget_remove_css_class (self->entry, "score-wrapped");
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_wrapped_text (GtkEditable *editable, GParamSpec *pspec, TdScoreCell *self)
{
  /* While typing, the row keeps its height. */
  if (!self->editing)
    update_wrapped (self);
}

static void
on_wrapped_enter (GtkEventControllerFocus *controller, TdScoreCell *self)
{
  self->editing = TRUE;
  update_wrapped (self);
}

static void
on_wrapped_leave (GtkEventControllerFocus *controller, TdScoreCell *self)
{
  self->editing = FALSE;
  update_wrapped (self);
}

static void
wrapped_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                 int *natural, int *minimum_baseline, int *natural_baseline)
{
  TdScoreCell *self = TD_SCORE_CELL (widget);
  g_autoptr (PangoLayout) layout = NULL;
  int height;

  gtk_widget_measure (self->entry, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL || for_size < 0
      || *gtk_editable_get_text (GTK_EDITABLE (self->entry)) == '\0')
    return;
  layout = wrapped_layout (self, for_size);
  pango_layout_get_pixel_size (layout, NULL, &height);
  *minimum = MAX (*minimum, height + 2 * WRAP_PAD_Y);
  *natural = MAX (*natural, height + 2 * WRAP_PAD_Y);
}

static void
wrapped_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  TdScoreCell *self = TD_SCORE_CELL (widget);

  gtk_widget_size_allocate (self->entry, &(GtkAllocation){ 0, 0, width, height }, -1);
}

/* A cell of points or of options lays out its entry or its drop-down over
 * the whole cell.  GTK 4.8's drop-down tells its height for no width
 * (that of its chosen option wrapped to the option's natural width), so a
 * narrower cell would cut the option's last lines: the height for the
 * cell's width is asked of the drop-down's button, which lays the option
 * out at the width it is given. */
static void
cell_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
              int *natural, int *minimum_baseline, int *natural_baseline)
{
  TdScoreCell *self = TD_SCORE_CELL (widget);
  GtkWidget *child = td_score_cell_is_choice (self) ? self->dropdown : self->entry;

  if (child == self->dropdown && orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    child = gtk_widget_get_first_child (self->dropdown);
  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
}

static void
cell_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  TdScoreCell *self = TD_SCORE_CELL (widget);
  GtkWidget *child = td_score_cell_is_choice (self) ? self->dropdown : self->entry;

  gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* A cell for free text (evidence, notes) that shows all of it, wrapped;
 * it is never made a drop-down. */
GtkWidget *
td_score_cell_new_text (void)
{
  TdScoreCell *self = g_object_new (TD_TYPE_SCORE_CELL, NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->wraps = TRUE;
  gtk_entry_set_alignment (GTK_ENTRY (self->entry), 0.0);
  gtk_widget_add_css_class (self->entry, "score-text");
  gtk_widget_set_layout_manager (
      GTK_WIDGET (self),
      gtk_custom_layout_new (height_for_width, wrapped_measure, wrapped_allocate));
  g_signal_connect (self->entry, "notify::text", G_CALLBACK (on_wrapped_text), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_wrapped_enter), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_wrapped_leave), self);
  gtk_widget_add_controller (self->entry, focus);
  return GTK_WIDGET (self);
}

static void
td_score_cell_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  TdScoreCell *self = TD_SCORE_CELL (widget);
  g_autoptr (PangoLayout) layout = NULL;
  int height;
  GdkRGBA color;

  GTK_WIDGET_CLASS (td_score_cell_parent_class)->snapshot (widget, snapshot);
  if (!self->wraps || !gtk_widget_has_css_class (self->entry, "score-wrapped"))
    return;
  layout = wrapped_layout (self, gtk_widget_get_width (widget));
  pango_layout_get_pixel_size (layout, NULL, &height);
  /* The entry's colour: only its inner line is made transparent. */
  gtk_style_context_get_color (gtk_widget_get_style_context (self->entry), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (
      snapshot,
      &GRAPHENE_POINT_INIT (WRAP_PAD_X, MAX (0, (gtk_widget_get_height (widget) - height) / 2)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* Shows @text as the saved value (what Escape returns to). */
void
td_score_cell_set_text (TdScoreCell *self, const char *text)
{
  g_return_if_fail (TD_IS_SCORE_CELL (self));

  if (text != self->saved_text)
    {
      g_free (self->saved_text);
      self->saved_text = g_strdup (text);
    }
  gtk_widget_set_visible (self->entry, TRUE);
  if (self->dropdown != NULL)
    gtk_widget_set_visible (self->dropdown, FALSE);
  /* Rebinding a grid sets thousands of cells, most to what they show. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text ? text : "") == 0)
    return;
  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  self->setting = FALSE;
}

const char *
td_score_cell_get_saved_text (TdScoreCell *self)
{
  return self->saved_text;
}

/* Turns the cell into a dropdown of @choices with @selected chosen
 * (GTK_INVALID_LIST_POSITION for none).  "commit" then carries the index. */
void
td_score_cell_set_choices (TdScoreCell *self, const char *const *choices, guint selected)
{
  guint n;
  gboolean same;

  /* Made on first use: most cells take typed values, and a grid has
   * hundreds of cells. */
  if (self->dropdown == NULL)
    {
      self->choices = gtk_string_list_new (NULL);
      g_autoptr (GtkListItemFactory) button = choice_factory (TRUE);
      g_autoptr (GtkListItemFactory) list = choice_factory (FALSE);

      self->dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->choices)), NULL);
      gtk_drop_down_set_factory (GTK_DROP_DOWN (self->dropdown), button);
      gtk_drop_down_set_list_factory (GTK_DROP_DOWN (self->dropdown), list);
      gtk_widget_set_parent (self->dropdown, GTK_WIDGET (self));
      gtk_widget_set_sensitive (self->dropdown,
                                gtk_editable_get_editable (GTK_EDITABLE (self->entry)));
      g_signal_connect (self->dropdown, "notify::selected", G_CALLBACK (on_selected), self);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->choices));
  same = choices != NULL && g_strv_length ((gchar **)choices) == n;
  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->choices, i), choices[i]) == 0;

  self->setting = TRUE;
  /* A new model rebuilds the drop-down's rows: only when the options differ. */
  if (!same)
    gtk_string_list_splice (self->choices, 0, n, choices);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), selected);
  self->setting = FALSE;
  g_free (self->saved_text);
  self->saved_text
      = selected == GTK_INVALID_LIST_POSITION ? NULL : g_strdup_printf ("%u", selected);
  gtk_widget_set_visible (self->entry, FALSE);
  gtk_widget_set_visible (self->dropdown, TRUE);
}

gboolean
td_score_cell_is_choice (TdScoreCell *self)
{
  return self->dropdown != NULL && gtk_widget_get_visible (self->dropdown);
}

void
td_score_cell_set_editable (TdScoreCell *self, gboolean editable)
{
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), editable);
  gtk_widget_set_can_focus (self->entry, editable);
  if (self->dropdown != NULL)
    gtk_widget_set_sensitive (self->dropdown, editable);
}

void
td_score_cell_set_placeholder (TdScoreCell *self, const char *text)
{
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), text);
}

/* Marks the cell as refused (@message names the allowed values), or clears
 * the mark with NULL. */
void
td_score_cell_set_error (TdScoreCell *self, const char *message)
{
  /* Cleared on every bind of a grid's cells: a tooltip set for nothing
   * costs a round trip to the display server. */
  if (message == NULL && gtk_widget_get_tooltip_text (self->entry) == NULL)
    return;
  if (message != NULL)
    gtk_widget_add_css_class (self->entry, "error");
  else
    gtk_widget_remove_css_class (self->entry, "error");
  gtk_widget_set_tooltip_text (self->entry, message);
  /* A reader hears "invalid" and the reason on the field itself. */
  td_a11y_set_invalid (self->entry, message);
}

void
td_score_cell_set_xalign (TdScoreCell *self, float xalign)
{
  gtk_entry_set_alignment (GTK_ENTRY (self->entry), xalign);
}

void
td_score_cell_focus (TdScoreCell *self)
{
  if (gtk_widget_get_visible (self->entry))
    {
      gtk_widget_grab_focus (self->entry);
      /* A text cell's one line starts at the beginning of the text. */
      if (self->wraps)
        gtk_editable_select_region (GTK_EDITABLE (self->entry), -1, 0);
      else
        gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
    }
  else if (self->dropdown != NULL)
    gtk_widget_grab_focus (self->dropdown);
}

GtkEditable *
td_score_cell_get_editable (TdScoreCell *self)
{
  return GTK_EDITABLE (self->entry);
}

/* NULL until the cell shows choices. */
GtkDropDown *
td_score_cell_get_dropdown (TdScoreCell *self)
{
  return self->dropdown ? GTK_DROP_DOWN (self->dropdown) : NULL;
}

void
td_score_cell_set_key (TdScoreCell *self, guint row, guint column)
{
  self->row = row;
  self->column = column;
}

guint
td_score_cell_get_row (TdScoreCell *self)
{
  return self->row;
}

guint
td_score_cell_get_column (TdScoreCell *self)
{
  return self->column;
}

static void
td_score_cell_dispose (GObject *object)
{
  TdScoreCell *self = TD_SCORE_CELL (object);

  g_clear_pointer (&self->entry, gtk_widget_unparent);
  g_clear_pointer (&self->dropdown, gtk_widget_unparent);
  g_clear_object (&self->choices);
  G_OBJECT_CLASS (td_score_cell_parent_class)->dispose (object);
}

static void
td_score_cell_finalize (GObject *object)
{
  TdScoreCell *self = TD_SCORE_CELL (object);

  g_free (self->saved_text);
  G_OBJECT_CLASS (td_score_cell_parent_class)->finalize (object);
}

static gboolean
td_score_cell_grab_focus (GtkWidget *widget)
{
  TdScoreCell *self = TD_SCORE_CELL (widget);

  /* A heading row's hidden cell is never focused (GTK 4.8's list cells
   * hand the focus down without asking whether the child is shown). */
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  return gtk_widget_grab_focus (td_score_cell_is_choice (self) ? self->dropdown : self->entry);
}

static void
td_score_cell_class_init (TdScoreCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_score_cell_dispose;
  object_class->finalize = td_score_cell_finalize;
  widget_class->grab_focus = td_score_cell_grab_focus;
  widget_class->snapshot = td_score_cell_snapshot;

  /* gboolean commit (const char *text, int move): @text is NULL when only
   * the focus moves.  Return FALSE to refuse the value. */
  signals[SIGNAL_COMMIT] = g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         g_signal_accumulator_first_wins, NULL, NULL,
                                         G_TYPE_BOOLEAN, 2, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "scorecell");
}

static void
td_score_cell_init (TdScoreCell *self)
{
  GtkEventController *keys, *focus;

  gtk_widget_set_layout_manager (
      GTK_WIDGET (self), gtk_custom_layout_new (height_for_width, cell_measure, cell_allocate));
  self->entry = gtk_entry_new ();
  gtk_widget_add_css_class (self->entry, "score-entry");
  gtk_entry_set_alignment (GTK_ENTRY (self->entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 5);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect (self->entry, "activate", G_CALLBACK (on_entry_activate), self);

  /* Capture phase: Tab must not reach the default focus movement first. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (self->entry, focus);
}
