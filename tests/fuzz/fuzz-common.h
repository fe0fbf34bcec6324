/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every harness shares: libFuzzer's entry points, the locale the
 * application runs under, and a check that aborts (so libFuzzer keeps the
 * input) even where GLib's assertions are compiled out. */
#pragma once

#include <glib.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                           \
  do                                                                                               \
    {                                                                                              \
      if (!(cond))                                                                                 \
        {                                                                                          \
          fprintf (stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                \
          abort ();                                                                                \
        }                                                                                          \
    }                                                                                              \
  while (0)

/* A GLib critical (a g_return_if_fail that failed) is a bug: abort, so that
 * libFuzzer keeps the input (it does not catch the trap of G_DEBUG).
 * TD_FUZZ_CRITICALS=logged leaves them logged, for a harness whose library
 * logs criticals of its own on hostile input. */
static inline void
fuzz_log (const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data)
{
  if ((level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) != 0
      && g_strcmp0 (g_getenv ("TD_FUZZ_CRITICALS"), "logged") != 0)
    {
      fprintf (stderr, "%s-CRITICAL **: %s\n", domain ? domain : "", message);
      abort ();
    }
  g_log_default_handler (domain, level, message, data);
}

/* As main.c sets it up: UTF-8, Vietnamese collation where it exists. */
static inline void
fuzz_set_locale (void)
{
  g_log_set_default_handler (fuzz_log, NULL);
  if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  /* English messages, whatever the environment. */
  g_setenv ("LANGUAGE", "C", TRUE);
}

/* The input as a C string: up to the first NUL, as any caller gives it. */
static inline gchar *
fuzz_text (const uint8_t *data, size_t size)
{
  return g_strndup ((const char *)data, size);
}
