/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The self-score form's reading of the criteria table: input fields, their
 * lists, units, messages and ranges, the table's fingerprint and the seal
 * (see td-form-layout.h).  The words are the form's, fixed Vietnamese. */
#include "config.h"

#include "td-form-layout.h"
#include "td-text.h"

#include <string.h>

/* Excel refuses list items and strings in formulas over 255 characters. */
#define MAX_ITEM_CHARS 200

static const char *const field_names[TD_FORM_N_FIELDS] = {
  [TD_FORM_FIELD_POINTS] = "points",         [TD_FORM_FIELD_COUNT] = "count",
  [TD_FORM_FIELD_OPTION] = "option",         [TD_FORM_FIELD_GRADE] = "grade",
  [TD_FORM_FIELD_MEASURED] = "measured",     [TD_FORM_FIELD_FLAG] = "flag",
  [TD_FORM_FIELD_SIZE_CLASS] = "size_class", [TD_FORM_FIELD_EXEMPT] = "exempt",
  [TD_FORM_FIELD_BONUS] = "bonus",           [TD_FORM_FIELD_FILES] = "files",
};

const char *
td_form_field_to_string (TdFormField field)
{
  g_return_val_if_fail (field < TD_FORM_N_FIELDS, "");
  return field_names[field];
}

gboolean
td_form_field_from_string (const char *name, TdFormField *out)
{
  for (guint i = 0; i < TD_FORM_N_FIELDS; i++)
    if (g_strcmp0 (name, field_names[i]) == 0)
      {
        *out = (TdFormField)i;
        return TRUE;
      }
  return FALSE;
}

static guint
n_size_classes (const TdCriterion *c)
{
  return c->size_classes ? g_strv_length (c->size_classes) : 0;
}

/* A graded row is scored from a measured value when every grade has a
 * range; otherwise the unit chooses its grade by name. */
static gboolean
grades_have_ranges (const TdCriterion *c)
{
  for (guint i = 0; i < c->options->len; i++)
    {
      const TdRuleOption *o = g_ptr_array_index (c->options, i);
      if (!o->has_low && !o->has_high)
        return FALSE;
    }
  return c->options->len > 0;
}

gboolean
td_form_sizes_by_files (const TdCriterion *c)
{
  if (c->kind != TD_RULE_BRACKETS || n_size_classes (c) < 2)
    return FALSE;
  for (guint i = 0; i < n_size_classes (c); i++)
    if (td_criterion_get_size_range (c, (gint)i) == NULL)
      return FALSE;
  return TRUE;
}

guint
td_form_fields (const TdCriterion *c, TdFormField fields[TD_FORM_MAX_FIELDS])
{
  guint n = 0;

  switch (td_rule_kind_get_input (c->kind))
    {
    case TD_INPUT_NONE:
      return 0;
    case TD_INPUT_POINTS:
      fields[n++] = TD_FORM_FIELD_POINTS;
      break;
    case TD_INPUT_COUNT:
      fields[n++] = TD_FORM_FIELD_COUNT;
      break;
    case TD_INPUT_OPTION:
      fields[n++] = TD_FORM_FIELD_OPTION;
      break;
    case TD_INPUT_MEASURED:
      if (c->kind == TD_RULE_GRADED && !grades_have_ranges (c))
        fields[n++] = TD_FORM_FIELD_GRADE;
      else
        fields[n++] = TD_FORM_FIELD_MEASURED;
      /* The member types the files received when every class has its
       * range; the form and the importer choose the class. */
      if (td_form_sizes_by_files (c))
        fields[n++] = TD_FORM_FIELD_FILES;
      else if (c->kind == TD_RULE_BRACKETS && n_size_classes (c) > 1)
        fields[n++] = TD_FORM_FIELD_SIZE_CLASS;
      break;
    case TD_INPUT_FLAG:
      fields[n++] = TD_FORM_FIELD_FLAG;
      break;
    }
  if (td_rule_kind_gives_standard (c->kind) && c->bonus_max > 0)
    fields[n++] = TD_FORM_FIELD_BONUS;
  if (td_rule_kind_is_deduction (c->kind) && c->exemption && *c->exemption)
    fields[n++] = TD_FORM_FIELD_EXEMPT;
  return n;
}

/* One line, at most MAX_ITEM_CHARS characters. */
static gchar *
short_item (const char *text)
{
  g_autofree gchar *flat = td_text_normalize_space (text ? text : "");

  if (g_utf8_strlen (flat, -1) <= MAX_ITEM_CHARS)
    return g_steal_pointer (&flat);
  {
    g_autofree gchar *cut = g_utf8_substring (flat, 0, MAX_ITEM_CHARS - 1);
    return g_strconcat (g_strchomp (cut), "…", NULL);
  }
}

/* Appends @item, made unique among the items so far by a number. */
static void
add_unique (GPtrArray *items, gchar *item)
{
  g_autofree gchar *folded = td_text_fold (item);

  for (guint n = 2;; n++)
    {
      gboolean taken = FALSE;
      for (guint i = 0; i < items->len && !taken; i++)
        {
          g_autofree gchar *other = td_text_fold (items->pdata[i]);
          taken = g_strcmp0 (other, folded) == 0;
        }
      if (!taken)
        break;
      {
        gchar *numbered = g_strdup_printf ("%s [%u]", item, n);
        g_free (item);
        item = numbered;
        g_free (folded);
        folded = td_text_fold (item);
      }
      if (n > 1000)
        break;
    }
  g_ptr_array_add (items, item);
}

static gchar *
option_item (const TdCriterion *c, guint i)
{
  const TdRuleOption *o = g_ptr_array_index (c->options, i);
  g_autofree gchar *label = short_item (o->label);
  g_autofree gchar *points = c->kind == TD_RULE_GRADED ? td_points_format (o->points)
                                                       : td_points_format_signed (o->points);

  if (*label == '\0')
    {
      g_free (label);
      label = g_strdup_printf ("Trường hợp %u", i + 1);
    }
  return g_strdup_printf ("%s (%s điểm)", label, points);
}

GStrv
td_form_field_items (const TdCriterion *c, TdFormField field)
{
  GPtrArray *items = g_ptr_array_new ();

  switch (field)
    {
    case TD_FORM_FIELD_OPTION:
    case TD_FORM_FIELD_GRADE:
      for (guint i = 0; i < c->options->len; i++)
        add_unique (items, option_item (c, i));
      break;
    case TD_FORM_FIELD_SIZE_CLASS:
      for (guint i = 0; i < n_size_classes (c); i++)
        {
          gchar *item = short_item (c->size_classes[i]);
          if (*item == '\0')
            {
              g_free (item);
              item = g_strdup_printf ("Quy mô %u", i + 1);
            }
          add_unique (items, item);
        }
      break;
    case TD_FORM_FIELD_FLAG:
    case TD_FORM_FIELD_EXEMPT:
      g_ptr_array_add (items, g_strdup (TD_FORM_NO));
      g_ptr_array_add (items, g_strdup (TD_FORM_YES));
      break;
    default:
      g_ptr_array_free (items, TRUE);
      return NULL;
    }
  g_ptr_array_add (items, NULL);
  return (GStrv)g_ptr_array_free (items, FALSE);
}

gboolean
td_form_measured_is_percent (const TdCriterion *c)
{
  g_autofree gchar *title = td_text_fold (c->title ? c->title : "");

  if (strchr (title, '%') != NULL || strstr (title, "ty le") != NULL)
    return TRUE;
  for (guint i = 0; i < c->options->len; i++)
    {
      const TdRuleOption *o = g_ptr_array_index (c->options, i);
      if (o->label && strchr (o->label, '%'))
        return TRUE;
    }
  return FALSE;
}

/* Whether every bound of the rule lies within 0 – 100 %, so that a value
 * above 100 can only be a slip. */
static gboolean
bounded_percent (const TdCriterion *c)
{
  if (c->kind == TD_RULE_LINEAR_BONUS || c->kind == TD_RULE_LINEAR_DEDUCTION)
    return c->threshold >= 0 && c->threshold <= TD_POINTS (100);
  for (guint i = 0; i < c->options->len; i++)
    {
      const TdRuleOption *o = g_ptr_array_index (c->options, i);
      if ((o->has_low && (o->low < 0 || o->low > TD_POINTS (100)))
          || (o->has_high && (o->high < 0 || o->high > TD_POINTS (100) + 1)))
        return FALSE;
    }
  return TRUE;
}

void
td_form_field_range (const TdCriterion *c, TdFormField field, gint64 *min, gint64 *max)
{
  *min = 0;
  switch (field)
    {
    case TD_FORM_FIELD_POINTS:
      *max = c->kind == TD_RULE_STANDARD ? MAX (c->standard, 0) : MAX (c->rate, 0);
      break;
    case TD_FORM_FIELD_COUNT:
      *max = TD_POINTS (1000000);
      break;
    case TD_FORM_FIELD_MEASURED:
      *max = td_form_measured_is_percent (c) && bounded_percent (c) ? TD_POINTS (100)
                                                                    : TD_POINTS (1000000000);
      break;
    case TD_FORM_FIELD_BONUS:
      *max = MAX (c->bonus_max, 0);
      break;
    case TD_FORM_FIELD_FILES:
      *max = TD_POINTS (100000000);
      break;
    default:
      *max = 0;
      break;
    }
}

const char *
td_form_field_unit (const TdCriterion *c, TdFormField field)
{
  switch (field)
    {
    case TD_FORM_FIELD_POINTS:
    case TD_FORM_FIELD_BONUS:
      return "điểm";
    case TD_FORM_FIELD_COUNT:
      return "số lượng";
    case TD_FORM_FIELD_FILES:
      return "hồ sơ";
    case TD_FORM_FIELD_MEASURED:
      return td_form_measured_is_percent (c) ? "%" : "số liệu";
    case TD_FORM_FIELD_FLAG:
    case TD_FORM_FIELD_EXEMPT:
      return "Có/Không";
    case TD_FORM_FIELD_OPTION:
    case TD_FORM_FIELD_GRADE:
    case TD_FORM_FIELD_SIZE_CLASS:
    default:
      return "chọn";
    }
}

gchar *
td_form_field_row_label (const TdCriterion *c, TdFormField field)
{
  switch (field)
    {
    case TD_FORM_FIELD_SIZE_CLASS:
      return g_strdup ("– Quy mô của đơn vị (chọn trong danh sách)");
    case TD_FORM_FIELD_FILES:
      return g_strdup ("– Số hồ sơ đơn vị tiếp nhận trong năm (quy mô được xác định theo số "
                       "này)");
    case TD_FORM_FIELD_EXEMPT:
      return g_strdup ("– Đơn vị thuộc trường hợp được miễn trừ");
    case TD_FORM_FIELD_BONUS:
      {
        g_autofree gchar *most = td_points_format (c->bonus_max);
        return g_strdup_printf ("– Điểm thưởng của tiêu chí (từ 0 đến %s điểm)", most);
      }
    default:
      return g_strdup ("");
    }
}

/* "dưới 1.000 hồ sơ; từ 1.000 đến dưới 3.000 hồ sơ; …": the classes as the
 * member reads them, for the message of the files cell. */
static gchar *
size_ranges_text (const TdCriterion *c)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_size_classes (c); i++)
    {
      const TdRange *r = td_criterion_get_size_range (c, (gint)i);
      g_autofree gchar *lo = r && r->has_low ? td_points_format (r->low) : NULL;
      g_autofree gchar *hi = r && r->has_high ? td_points_format (r->high) : NULL;

      if (out->len > 0)
        g_string_append (out, "; ");
      if (lo && hi)
        g_string_append_printf (out, "từ %s đến dưới %s", lo, hi);
      else if (lo)
        g_string_append_printf (out, "từ %s trở lên", lo);
      else if (hi)
        g_string_append_printf (out, "dưới %s", hi);
    }
  return g_string_free (out, FALSE);
}

gchar *
td_form_field_message (const TdCriterion *c, TdFormField field)
{
  g_autofree gchar *rate = td_points_format (c->rate);
  gint64 min, max;

  td_form_field_range (c, field, &min, &max);
  switch (field)
    {
    case TD_FORM_FIELD_POINTS:
      {
        g_autofree gchar *hi = td_points_format (max);
        return g_strdup_printf ("Nhập số điểm từ 0 đến %s (dùng dấu phẩy cho phần thập phân, ví "
                                "dụ 0,5).",
                                hi);
      }
    case TD_FORM_FIELD_COUNT:
      {
        const char *verb = c->kind == TD_RULE_BONUS_EACH ? "cộng" : "trừ";
        return g_strdup_printf ("Nhập số lượng, là số nguyên 0, 1, 2 … (mỗi trường hợp %s %s "
                                "điểm).",
                                verb, rate);
      }
    case TD_FORM_FIELD_MEASURED:
      if (td_form_measured_is_percent (c))
        return g_strdup_printf ("Nhập tỷ lệ đạt được, từ 0 đến %s, ví dụ 97,5 (không nhập dấu "
                                "%%).",
                                max == TD_POINTS (100) ? "100" : "…");
      return g_strdup ("Nhập số liệu đo được (số), ví dụ 97,5.");
    case TD_FORM_FIELD_OPTION:
      return g_strdup ("Chọn trường hợp của đơn vị trong danh sách; để trống nếu không có.");
    case TD_FORM_FIELD_GRADE:
      return g_strdup ("Chọn mức đơn vị đạt được trong danh sách.");
    case TD_FORM_FIELD_SIZE_CLASS:
      return g_strdup ("Chọn quy mô của đơn vị trong danh sách.");
    case TD_FORM_FIELD_FILES:
      {
        g_autofree gchar *classes = size_ranges_text (c);
        gchar *text = g_strdup_printf ("Nhập số hồ sơ tiếp nhận trong năm, là số nguyên (ví dụ "
                                       "850). Quy mô: %s hồ sơ.",
                                       classes);
        /* Excel's input messages stop at 255 characters. */
        if (g_utf8_strlen (text, -1) > 250)
          {
            g_free (text);
            text = g_strdup ("Nhập số hồ sơ tiếp nhận trong năm, là số nguyên (ví dụ 850); "
                             "quy mô của đơn vị được xác định theo số này.");
          }
        return text;
      }
    case TD_FORM_FIELD_BONUS:
      {
        g_autofree gchar *hi = td_points_format (max);
        return g_strdup_printf ("Nhập điểm thưởng từ 0 đến %s (dấu phẩy cho phần thập phân); để "
                                "trống nếu không có. Điểm thưởng chỉ được tính khi đã nhập số "
                                "liệu tự chấm của chính tiêu chí ở dòng trên.",
                                hi);
      }
    case TD_FORM_FIELD_FLAG:
      return g_strdup ("Chọn “Có” nếu đơn vị thuộc trường hợp này (không xếp loại), "
                       "“Không” nếu không.");
    case TD_FORM_FIELD_EXEMPT:
      return g_strdup ("Chọn “Có” nếu đơn vị thuộc trường hợp được miễn trừ (không bị trừ điểm); "
                       "ghi căn cứ ở cột minh chứng.");
    default:
      return g_strdup ("");
    }
}

/* Whether @code already names its parent's code @parent: "2.1" under "2",
 * "a1" under "a", "C1.1" under "C1" (not "10" under "1"). */
static gboolean
code_extends (const char *code, const char *parent)
{
  gsize n = strlen (parent);
  char last = n > 0 ? parent[n - 1] : '\0';

  if (n == 0 || g_ascii_strncasecmp (code, parent, n) != 0)
    return FALSE;
  return code[n] == '.' || (g_ascii_isalpha (last) && g_ascii_isdigit (code[n]));
}

gchar *
td_form_criterion_path (const TdCriteriaTable *table, gint index)
{
  gchar *path = NULL;
  const char *first = NULL; /* the leftmost code in path */

  for (const TdCriterion *n = td_criteria_table_get_node (table, index); n != NULL;
       n = n->parent >= 0 ? td_criteria_table_get_node (table, n->parent) : NULL)
    {
      if (n->code == NULL || *n->code == '\0')
        continue;
      if (!(first && code_extends (first, n->code)))
        {
          gchar *longer = path ? g_strdup_printf ("%s.%s", n->code, path) : g_strdup (n->code);
          g_free (path);
          path = longer;
        }
      first = n->code;
    }
  return path ? path : g_strdup ("");
}

/* --- identity -------------------------------------------------------------------- */

static void
add_int (GChecksum *sum, gint64 value)
{
  char text[32];
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT "|", value);
  g_checksum_update (sum, (const guchar *)text, -1);
}

static void
add_ints (GChecksum *sum, const gint64 *values, gsize n)
{
  for (gsize i = 0; i < n; i++)
    add_int (sum, values[i]);
}

static void
add_text (GChecksum *sum, const char *text)
{
  add_int (sum, text ? (gint64)strlen (text) : -1);
  if (text)
    g_checksum_update (sum, (const guchar *)text, -1);
}

gchar *
td_form_table_fingerprint (const TdCriteriaTable *table)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const gint64 head[] = { table->id, table->bonus_cap, table->deduction_cap, table->full_by_default,
                          table->nodes->len };

  /* The values in the order they always had: forms already sent out
   * carry the fingerprint of their table. */
  add_ints (sum, head, G_N_ELEMENTS (head));
  for (guint i = 0; i < table->nodes->len; i++)
    {
      const TdCriterion *c = g_ptr_array_index (table->nodes, i);
      gboolean has_exemption = c->exemption && *c->exemption;
      const gint64 rule[] = { c->id,        c->parent,    c->kind,          c->standard,
                              c->rate,      c->bonus_cap, c->deduction_cap, c->bonus_max,
                              c->threshold, c->step,      has_exemption,    c->options->len };

      add_ints (sum, rule, G_N_ELEMENTS (rule));
      for (guint k = 0; k < c->options->len; k++)
        {
          const TdRuleOption *o = g_ptr_array_index (c->options, k);
          const gint64 option[] = { o->points, o->size_class, o->has_low ? o->low : G_MININT64,
                                    o->has_high ? o->high : G_MAXINT64 };

          add_text (sum, o->label);
          add_ints (sum, option, G_N_ELEMENTS (option));
        }
      add_int (sum, n_size_classes (c));
      for (guint k = 0; k < n_size_classes (c); k++)
        {
          const TdRange *r = td_criterion_get_size_range (c, (gint)k);

          add_text (sum, c->size_classes[k]);
          add_int (sum, r && r->has_low ? r->low : G_MININT64);
          add_int (sum, r && r->has_high ? r->high : G_MAXINT64);
        }
    }
  return g_strndup (g_checksum_get_string (sum), 32);
}

gchar *
td_form_seal (TdDb *db, gint64 bloc_year_id, gint64 unit_id, gint64 table_id,
              const char *fingerprint)
{
  g_autofree gchar *key = td_db_get_meta (db, "created");
  g_autofree gchar *message = g_strdup_printf (
      "thidua-form|%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s",
      TD_FORM_LAYOUT_VERSION, bloc_year_id, unit_id, table_id, fingerprint);
  g_autofree gchar *hmac = NULL;

  if (key == NULL)
    key = g_strdup ("");
  hmac = g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *)key, strlen (key), message,
                                    -1);
  return g_strndup (hmac, 32);
}
