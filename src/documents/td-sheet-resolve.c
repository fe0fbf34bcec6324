/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Names typed on the command line (bloc, year, unit) resolved to ids, or
 * refused with the list of what exists. */
#include "config.h"

#include "td-sheet-builders-private.h"
#include "td-sheet-builders.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* --- resolving names ------------------------------------------------------ */

static gboolean
parse_id (const char *text, gint64 *out)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *out = (gint64)v;
  return TRUE;
}

/* Every word of @query is a word of @name (diacritics and case folded):
 * "Khối 6" finds "Khối Thi đua số 6". */
static gboolean
words_match (const char *name, const char *query)
{
  g_autofree gchar *fn = td_text_fold (name);
  g_autofree gchar *fq = td_text_fold (query);
  g_auto (GStrv) nw = g_strsplit_set (fn, " ,.-/()", -1);
  g_auto (GStrv) qw = g_strsplit_set (fq, " ,.-/()", -1);
  guint n = 0;

  for (guint i = 0; qw[i]; i++)
    {
      gboolean found = FALSE;
      if (*qw[i] == '\0')
        continue;
      n++;
      for (guint j = 0; nw[j] && !found; j++)
        found = g_strcmp0 (nw[j], qw[i]) == 0;
      if (!found)
        return FALSE;
    }
  return n > 0;
}

static gboolean
same_text (const char *a, const char *b)
{
  g_autofree gchar *fa = a ? td_text_fold (a) : NULL;
  g_autofree gchar *fb = b ? td_text_fold (b) : NULL;
  return fa && fb && g_strcmp0 (fa, fb) == 0;
}

gint64
td_sheets_resolve_bloc (TdDb *db, const char *name_or_id, GError **error)
{
  g_autoptr (GPtrArray) blocs = td_registry_list_blocs (db, error);
  GString *list;
  gint64 id = 0, found = 0;
  guint n_found = 0;

  if (blocs == NULL)
    return 0;
  if (parse_id (name_or_id, &id))
    for (guint i = 0; i < blocs->len; i++)
      if (((TdBloc *)blocs->pdata[i])->id == id)
        return id;
  for (guint i = 0; i < blocs->len; i++)
    if (same_text (((TdBloc *)blocs->pdata[i])->name, name_or_id))
      return ((TdBloc *)blocs->pdata[i])->id;
  for (guint i = 0; i < blocs->len; i++)
    if (words_match (((TdBloc *)blocs->pdata[i])->name, name_or_id))
      {
        found = ((TdBloc *)blocs->pdata[i])->id;
        n_found++;
      }
  if (n_found == 1)
    return found;

  list = g_string_new (NULL);
  for (guint i = 0; i < blocs->len; i++)
    {
      TdBloc *b = blocs->pdata[i];
      g_string_append_printf (list, "\n  %4" G_GINT64_FORMAT "  %s", b->id, b->name);
    }
  if (blocs->len == 0)
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                 _ ("There is no bloc “%s”: this database has no blocs yet."), name_or_id);
  else
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                 n_found > 1 ? _ ("“%s” matches several blocs; give the number or the full "
                                  "name. The blocs are:%s")
                             : _ ("There is no bloc “%s”. The blocs are:%s"),
                 name_or_id, list->str);
  g_string_free (list, TRUE);
  return 0;
}

gint64
td_sheets_resolve_bloc_year (TdDb *db, gint64 bloc_id, gint year, GError **error)
{
  g_autoptr (GError) local = NULL;
  gint64 id = td_registry_find_bloc_year (db, bloc_id, year, &local);
  g_autoptr (TdBloc) bloc = NULL;
  g_autoptr (GArray) years = NULL;
  GString *list;

  if (id > 0)
    return id;
  if (local != NULL && !g_error_matches (local, TD_ERROR, TD_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  bloc = td_registry_get_bloc (db, bloc_id, error);
  if (bloc == NULL)
    return 0;
  years = td_registry_list_years (db, bloc_id, error);
  if (years == NULL)
    return 0;
  list = g_string_new (NULL);
  for (guint i = 0; i < years->len; i++)
    g_string_append_printf (list, "%s%d", i ? ", " : "", g_array_index (years, gint, i));
  if (years->len == 0)
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("%s has no years yet."), bloc->name);
  else
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _ ("%s has no year %d. Its years are: %s."),
                 bloc->name, year, list->str);
  g_string_free (list, TRUE);
  return 0;
}

gint64
td_sheets_resolve_unit (TdDb *db, gint64 bloc_year_id, const char *name_or_id, GError **error)
{
  g_autoptr (TdBuilderCtx) ctx = td_builder_ctx_new (db, bloc_year_id, error);
  GString *list;
  gint64 id = 0, found = 0;
  guint n_found = 0;

  if (ctx == NULL)
    return 0;
  if (parse_id (name_or_id, &id) && td_builder_find_member (ctx, id))
    return id;
  for (guint i = 0; i < ctx->members->len; i++)
    {
      TdMember *m = ctx->members->pdata[i];
      if (same_text (m->name, name_or_id) || same_text (m->short_name, name_or_id))
        return m->unit_id;
    }
  for (guint i = 0; i < ctx->members->len; i++)
    {
      TdMember *m = ctx->members->pdata[i];
      if (words_match (m->name, name_or_id))
        {
          found = m->unit_id;
          n_found++;
        }
    }
  if (n_found == 1)
    return found;
  list = g_string_new (NULL);
  for (guint i = 0; i < ctx->members->len; i++)
    {
      TdMember *m = ctx->members->pdata[i];
      g_string_append_printf (list, "\n  %4" G_GINT64_FORMAT "  %s", m->unit_id, m->name);
      if (m->short_name && *m->short_name)
        g_string_append_printf (list, " (%s)", m->short_name);
    }
  g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
               n_found > 1 ? _ ("“%s” matches several members of %s in %d; give the number or "
                                "the full name. The members are:%s")
                           : _ ("There is no unit “%s” among the members of %s in %d. The members "
                                "are:%s"),
               name_or_id, ctx->bloc->name, ctx->by->year, list->str);
  g_string_free (list, TRUE);
  return 0;
}
