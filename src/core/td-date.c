/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading dates strictly.
 *
 * sscanf ("%u") took "257/1/2024" for 1/1/2024 (the day wrapped in a
 * guint8), "30/4/-1975" for the year 63561 and "07/5/54" for the year 54.
 * Here every part is a run of at most a few ASCII digits, checked against
 * its range before a GDate sees it, and a refusal says which part is wrong
 * and what is allowed. */
#include "config.h"

#include "td-date.h"
#include "td-db.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>

/* Reads at most @max_digits digits at *p; FALSE when there is none or
 * more follow. */
static gboolean
read_number (const char **p, guint max_digits, guint *out)
{
  guint n = 0, value = 0;

  while (g_ascii_isdigit (**p))
    {
      if (++n > max_digits)
        return FALSE;
      value = value * 10 + (guint)(**p - '0');
      (*p)++;
    }
  *out = value;
  return n > 0;
}

static gboolean refuse (GError **error, const char *text, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError **error, const char *text, const char *format, ...)
{
  g_autofree gchar *shown = td_text_make_valid (text, -1);
  g_autofree gchar *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: %s is the date as typed, then what is wrong with it */
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("“%s”: %s"), g_strstrip (shown), why);
  return FALSE;
}

/* d/m/yyyy with "/", "." or "-" between the parts (the same both times),
 * spaces around; day 1 to the length of the month, month 1 to 12, a year
 * of four digits from @min_year to @max_year. */
gboolean
td_date_parse (const char *text, guint min_year, guint max_year, GDate *out, GError **error)
{
  const char *p = text;
  guint d, m, y;
  char sep;

  g_date_clear (out, 1);
  if (text == NULL)
    return refuse (error, "", _ ("write a date as dd/mm/yyyy, for example 30/04/2025."));
  while (g_ascii_isspace (*p))
    p++;
  if (!read_number (&p, 2, &d) || (*p != '/' && *p != '.' && *p != '-'))
    return refuse (error, text, _ ("write a date as dd/mm/yyyy, for example 30/04/2025."));
  sep = *p++;
  if (!read_number (&p, 2, &m) || *p++ != sep)
    return refuse (error, text, _ ("write a date as dd/mm/yyyy, for example 30/04/2025."));
  {
    const char *year_start = p;

    if (!read_number (&p, 4, &y) || p - year_start != 4)
      return refuse (error, text, _ ("write the year in full, from %u to %u."), min_year, max_year);
  }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return refuse (error, text, _ ("write a date as dd/mm/yyyy, for example 30/04/2025."));
  if (y < min_year || y > max_year)
    return refuse (error, text, _ ("the year must be from %u to %u."), min_year, max_year);
  if (m < 1 || m > 12)
    return refuse (error, text, _ ("there is no month %u; months go from 1 to 12."), m);
  if (d < 1 || d > g_date_get_days_in_month ((GDateMonth)m, (GDateYear)y))
    return refuse (error, text, _ ("month %u of %u has %u days."), m, y,
                   (guint)g_date_get_days_in_month ((GDateMonth)m, (GDateYear)y));
  g_date_set_dmy (out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return TRUE;
}

/* yyyy-mm-dd, as the database keeps dates (a time may follow after "T" or
 * a space); any year GLib knows. */
gboolean
td_date_parse_iso (const char *text, GDate *out)
{
  const char *p = text;
  guint d, m, y;

  g_date_clear (out, 1);
  if (text == NULL || !read_number (&p, 4, &y) || p - text != 4 || *p++ != '-'
      || !read_number (&p, 2, &m) || *p++ != '-' || !read_number (&p, 2, &d)
      || (*p != '\0' && *p != 'T' && *p != ' '))
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1
      || d > g_date_get_days_in_month ((GDateMonth)m, (GDateYear)y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return TRUE;
}
