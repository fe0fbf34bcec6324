/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entry point: headless commands first, then the application. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "td-application.h"
#include "td-cli.h"

int
main (int argc, char *argv[])
{
  g_autoptr (TdApplication) app = NULL;
  const char *collate;
  int status;

  /* GLib 2.74 reads the local time zone again (a stat and a readlink of
   * /etc/localtime, some 15 µs) on every g_date_time_new_now_local () when
   * TZ is unset, and every saved score asks for the time twice: naming the
   * same zone keeps it cached (importing 8,000 scores: 0.3 s less). */
  if (g_getenv ("TZ") == NULL)
    g_setenv ("TZ", ":/etc/localtime", FALSE);
  setlocale (LC_ALL, "");
  /* Arguments, names and messages are UTF-8 whatever LANG says: under
   * LANG=C, GLib would convert "Khối 6" from ASCII and fail ("Invalid
   * byte sequence").  Only the character set changes, not the language. */
  if (!g_get_charset (NULL) && setlocale (LC_CTYPE, "C.UTF-8") == NULL)
    setlocale (LC_CTYPE, "en_US.UTF-8");
  /* Vietnamese names sort wrongly in byte order (Đ after Z): when the
   * session has no real collation, borrow Vietnamese rules. */
  collate = setlocale (LC_COLLATE, NULL);
  if (collate == NULL || g_str_equal (collate, "C") || g_str_equal (collate, "POSIX")
      || g_str_has_prefix (collate, "C."))
    setlocale (LC_COLLATE, "vi_VN.UTF-8");

  /* build/src/thidua run from its build tree (by a contributor, not
   * installed) takes the translations, the settings schema and the formats
   * module built there:
   * the window then comes up as a clerk sees it. */
  {
    g_autofree gchar *exe = g_file_read_link ("/proc/self/exe", NULL);

    if (exe != NULL && g_str_has_prefix (exe, BUILD_ROOT "/"))
      {
        const char *schemas = g_getenv ("GSETTINGS_SCHEMA_DIR");
        g_autofree gchar *dirs = schemas && *schemas
                                     ? g_strconcat (BUILD_ROOT "/data:", schemas, NULL)
                                     : g_strdup (BUILD_ROOT "/data");

        g_setenv ("THIDUA_LOCALEDIR", BUILD_ROOT "/po", FALSE);
        /* The formats module (workbooks, calendar files), src/documents/td-formats.c. */
        g_setenv ("THIDUA_MODULEDIR", BUILD_ROOT "/src/documents", FALSE);
        g_setenv ("GSETTINGS_SCHEMA_DIR", dirs, TRUE);
      }
  }
  /* THIDUA_LOCALEDIR lets a build run from its tree find its translations. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("THIDUA_LOCALEDIR") ? g_getenv ("THIDUA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && td_cli_is_command (argv[1]))
    return td_cli_run (argc, argv);

  app = td_application_new (G_APPLICATION_DEFAULT_FLAGS);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  /* A window that could not open the file it was given still exits 1. */
  return status != 0 ? status : td_application_get_exit_status (app);
}
