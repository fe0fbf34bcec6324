/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a clerk types into a score cell, for every rule kind: the first byte
 * chooses the kind, the second its parameters, the rest is the cell.  A value
 * that is accepted passes the entry's own check and reads back the same when
 * the cell shows it again; a refusal is a message of valid text. */
#include "fuzz-common.h"
#include "td-entries.h"

static TdCriterion *criteria[TD_RULE_N_KINDS][4];

static TdCriterion *
make (TdRuleKind kind, guint variant)
{
  TdCriterion *c = td_criterion_new (kind);
  static const TdPoints amounts[] = { 0, 50, 300, TD_POINTS_MAX };

  g_free (c->code);
  g_free (c->title);
  c->code = g_strdup (variant % 2 ? "3.3.2.1" : "a");
  c->title = g_strdup (variant % 2 ? "Nộp báo cáo đúng hạn" : "Cải cách hành chính");
  c->standard = amounts[variant];
  c->rate = amounts[(variant + 1) % 4];
  c->threshold = 9200;
  c->step = variant == 0 ? 0 : 100;
  switch (kind)
    {
    case TD_RULE_OPTIONS:
      td_criterion_add_option (c, "Cộng 01 điểm", 100);
      td_criterion_add_option (c, "Cộng 02 điểm", 200);
      if (variant > 1)
        td_criterion_add_option (c, "Trừ 0,5 điểm", -50);
      break;
    case TD_RULE_GRADED:
      td_criterion_add_option (c, "Hoàn thành xuất sắc", c->standard);
      td_criterion_add_option (c, "Hoàn thành tốt", c->standard / 2);
      if (variant > 2)
        td_criterion_add_option (c, "", 0);
      break;
    case TD_RULE_BRACKETS:
      g_strfreev (c->size_classes);
      c->size_classes = g_strsplit ("Dưới 1.000 hồ sơ/năm|Từ 1.000 hồ sơ/năm", "|", -1);
      td_criterion_add_bracket (c, 0, TRUE, 100, TRUE, 500, 50);
      td_criterion_add_bracket (c, 1, TRUE, 500, FALSE, 0, 100);
      break;
    default:
      break;
    }
  return c;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_set_locale ();
  for (guint k = 0; k < TD_RULE_N_KINDS; k++)
    for (guint v = 0; v < G_N_ELEMENTS (criteria[k]); v++)
      criteria[k][v] = make ((TdRuleKind)k, v);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const TdCriterion *c;
  g_autofree gchar *text = NULL;
  g_autofree gchar *hint = NULL;
  g_autoptr (TdEntry) entry = td_entry_new (1, 1, TD_SOURCE_SELF);
  g_autoptr (GError) error = NULL;

  if (size < 2)
    return 0;
  c = criteria[data[0] % TD_RULE_N_KINDS][data[1] % 4];
  text = fuzz_text (data + 2, size - 2);
  hint = td_criterion_input_hint (c);
  FUZZ_CHECK (g_utf8_validate (hint, -1, NULL));
  if (td_criterion_parse_input (c, text, entry, &error))
    {
      g_autofree gchar *shown = td_criterion_format_input (c, entry);
      g_autoptr (TdEntry) again = td_entry_new (1, 1, TD_SOURCE_SELF);
      g_autoptr (GError) local = NULL;

      FUZZ_CHECK (error == NULL);
      FUZZ_CHECK (td_criterion_validate_entry (c, entry, NULL));
      FUZZ_CHECK (g_utf8_validate (shown, -1, NULL));
      /* What the cell shows is accepted again, as the same value. */
      if (*shown != '\0')
        {
          FUZZ_CHECK (td_criterion_parse_input (c, shown, again, &local));
          FUZZ_CHECK (td_entry_equal (entry, again));
        }
    }
  else
    {
      FUZZ_CHECK (error != NULL && g_error_matches (error, TD_ERROR, TD_ERROR_INVALID));
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
    }
  return 0;
}
