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

/* As main.c sets it up: UTF-8, Vietnamese collation where it exists. */
static inline void
fuzz_set_locale (void)
{
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
