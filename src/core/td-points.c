/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exact points.
 *
 * Scores are money-like: the meeting compares 96,50 with 96,5 and expects
 * them equal, and a sum of forty 0,1 must be exactly 4.  So points are kept
 * as hundredths in a gint64 and parsed from text without ever passing
 * through a double.  Clerks write the decimal comma ("0,5"); imported
 * tables also bring "0.5", "- 0,5", "+1" and the typographic minus. */
#include "config.h"

#include "td-points.h"
#include "td-db.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static gboolean
fail (GError **error, const char *text, const char *why)
{
  /* Quoted back as valid text, whatever was typed. */
  g_autofree gchar *shown = td_text_make_valid (text, -1);

  g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
               /* Translators: first %s is what the user typed, second the reason */
               _ ("“%s” is not a number of points: %s"), shown, why);
  return FALSE;
}

gboolean
td_points_parse (const char *text, TdPoints *out, GError **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  gboolean seen_sign = FALSE;
  gboolean seen_digit = FALSE;
  gboolean seen_separator = FALSE;
  gint decimals = 0;
  TdPoints whole = 0;
  TdPoints fraction = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return fail (error, "", _ ("it is empty"));

  while (*p)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        return fail (error, text, _ ("it is not valid text"));

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          /* Spaces are allowed around the number and after the sign only. */
          if (seen_digit)
            {
              const char *rest = p;
              while (*rest
                     && (g_unichar_isspace (g_utf8_get_char (rest))
                         || g_utf8_get_char (rest) == 0x00A0))
                rest = g_utf8_next_char (rest);
              if (*rest != '\0')
                return fail (error, text, _ ("it contains a space"));
              break;
            }
        }
      else if (c == '+' || c == '-' || c == 0x2212 || c == 0x2013)
        {
          if (seen_sign || seen_digit || seen_separator)
            return fail (error, text, _ ("the sign must come first"));
          seen_sign = TRUE;
          negative = (c != '+');
        }
      else if (c == ',' || c == '.')
        {
          if (seen_separator)
            return fail (error, text, _ ("it has more than one decimal separator"));
          seen_separator = TRUE;
        }
      else if (c >= '0' && c <= '9')
        {
          seen_digit = TRUE;
          if (seen_separator)
            {
              if (decimals == 2)
                return fail (error, text, _ ("use at most two decimal places"));
              fraction = fraction * 10 + (c - '0');
              decimals++;
            }
          else
            {
              whole = whole * 10 + (c - '0');
              if (whole * 100 > TD_POINTS_MAX)
                return fail (error, text, _ ("it is too large"));
            }
        }
      else
        return fail (error, text, _ ("use digits with a decimal comma, such as 0,5"));

      p = g_utf8_next_char (p);
    }

  if (!seen_digit)
    {
      gboolean blank = TRUE;

      for (const char *q = text; *q; q++)
        if (!g_ascii_isspace (*q))
          blank = FALSE;
      return fail (error, text, blank ? _ ("it is empty") : _ ("it has no digits"));
    }

  if (decimals == 1)
    fraction *= 10;
  /* The whole part alone may be at the limit: 1000000000,99 is above it. */
  if (whole * 100 + fraction > TD_POINTS_MAX)
    return fail (error, text, _ ("it is too large"));

  *out = (whole * 100 + fraction) * (negative ? -1 : 1);
  return TRUE;
}

static gchar *
format_abs (TdPoints value, char decimal_mark)
{
  TdPoints whole = value / 100;
  gint cents = (gint)(value % 100);

  if (cents == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, whole);
  if (cents % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "%c%d", whole, decimal_mark, cents / 10);
  return g_strdup_printf ("%" G_GINT64_FORMAT "%c%02d", whole, decimal_mark, cents);
}

/* "118,4", "0,05", "-1,5", "100": the decimal comma, no trailing zeros. */
gchar *
td_points_format (TdPoints points)
{
  g_autofree gchar *abs = format_abs (points < 0 ? -points : points, ',');

  return points < 0 ? g_strconcat ("-", abs, NULL) : g_steal_pointer (&abs);
}

/* "+1", "−0,5" (with U+2212), "0": for bonuses, deductions and differences. */
gchar *
td_points_format_signed (TdPoints points)
{
  g_autofree gchar *abs = format_abs (points < 0 ? -points : points, ',');

  if (points > 0)
    return g_strconcat ("+", abs, NULL);
  if (points < 0)
    return g_strconcat ("\u2212", abs, NULL);
  return g_steal_pointer (&abs);
}

/* "118.4": for files and logs, independent of the locale. */
gchar *
td_points_to_ascii (TdPoints points)
{
  g_autofree gchar *abs = format_abs (points < 0 ? -points : points, '.');

  return points < 0 ? g_strconcat ("-", abs, NULL) : g_steal_pointer (&abs);
}
