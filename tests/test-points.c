/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exact points: parsing what clerks and imported tables write, formatting. */
#include "td-db.h"
#include "td-points.h"

#include <string.h>

static TdPoints
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  TdPoints value = -999999;

  g_assert_true (td_points_parse (text, &value, &error));
  g_assert_no_error (error);
  return value;
}

static void
test_parse_forms (void)
{
  g_assert_cmpint (parse_ok ("0,5"), ==, 50);
  g_assert_cmpint (parse_ok ("0.5"), ==, 50);
  g_assert_cmpint (parse_ok ("- 0,5"), ==, -50);
  g_assert_cmpint (parse_ok ("-0,5"), ==, -50);
  g_assert_cmpint (parse_ok ("\u22120,5"), ==, -50);
  g_assert_cmpint (parse_ok ("+1"), ==, 100);
  g_assert_cmpint (parse_ok (" 118,4 "), ==, 11840);
  g_assert_cmpint (parse_ok ("100"), ==, 10000);
  g_assert_cmpint (parse_ok ("0,05"), ==, 5);
  g_assert_cmpint (parse_ok (",5"), ==, 50);
  g_assert_cmpint (parse_ok ("3,"), ==, 300);
  g_assert_cmpint (parse_ok ("1000"), ==, 100000);
  g_assert_cmpint (parse_ok ("\u00a02,25"), ==, 225);
}

static void
test_parse_garbage (void)
{
  const char *bad[]
      = { "", "  ", "abc", "1,2,3", "0,555", "1 0", "5-", "--1", "1e3", "½", "+", "99999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      TdPoints value = 42;

      g_assert_false (td_points_parse (bad[i], &value, &error));
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_assert_cmpint (value, ==, 42);
    }
}

/* The limit holds for the whole value, decimals included; the limit
 * itself is allowed, either sign. */
static void
test_parse_limit (void)
{
  const char *over[] = { "1000000000,99", "1000000000,01", "-1000000000,5", "1000000001" };
  g_autoptr (GError) error = NULL;
  TdPoints value = 42;

  g_assert_cmpint (parse_ok ("1000000000"), ==, TD_POINTS_MAX);
  g_assert_cmpint (parse_ok ("-1000000000,00"), ==, -TD_POINTS_MAX);
  g_assert_cmpint (parse_ok ("999999999,99"), ==, TD_POINTS_MAX - 1);
  for (guint i = 0; i < G_N_ELEMENTS (over); i++)
    {
      g_assert_false (td_points_parse (over[i], &value, &error));
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "too large"));
      g_assert_cmpint (value, ==, 42);
      g_clear_error (&error);
    }
  /* Bytes that are not text are refused, and not quoted back as they are. */
  g_assert_false (td_points_parse ("1\xff,5", &value, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_exact_sums (void)
{
  TdPoints sum = 0;

  /* 0,1 + 0,2 must be 0,3, and 1000 × 0,1 exactly 100. */
  g_assert_cmpint (parse_ok ("0,1") + parse_ok ("0,2"), ==, parse_ok ("0,3"));
  for (int i = 0; i < 1000; i++)
    sum += parse_ok ("0,1");
  g_assert_cmpint (sum, ==, TD_POINTS (100));
  sum = 0;
  for (int i = 0; i < 333; i++)
    sum += parse_ok ("0,05");
  g_assert_cmpint (sum, ==, parse_ok ("16,65"));
  g_assert_cmpint (parse_ok ("96,50"), ==, parse_ok ("96,5"));
}

static void
check_format (TdPoints value, const char *plain, const char *sign, const char *ascii)
{
  g_autofree gchar *a = td_points_format (value);
  g_autofree gchar *b = td_points_format_signed (value);
  g_autofree gchar *c = td_points_to_ascii (value);

  g_assert_cmpstr (a, ==, plain);
  g_assert_cmpstr (b, ==, sign);
  g_assert_cmpstr (c, ==, ascii);
}

static void
test_format (void)
{
  check_format (11840, "118,4", "+118,4", "118.4");
  check_format (10000, "100", "+100", "100");
  check_format (5, "0,05", "+0,05", "0.05");
  check_format (-50, "-0,5", "\u22120,5", "-0.5");
  check_format (0, "0", "0", "0");
  check_format (-12345, "-123,45", "\u2212123,45", "-123.45");
}

static void
test_round_trip (void)
{
  for (TdPoints v = -2000; v <= 2000; v += 7)
    {
      g_autofree gchar *text = td_points_format (v);
      g_assert_cmpint (parse_ok (text), ==, v);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/points/parse-forms", test_parse_forms);
  g_test_add_func ("/points/parse-garbage", test_parse_garbage);
  g_test_add_func ("/points/parse-limit", test_parse_limit);
  g_test_add_func ("/points/exact-sums", test_exact_sums);
  g_test_add_func ("/points/format", test_format);
  g_test_add_func ("/points/round-trip", test_round_trip);
  return g_test_run ();
}
