/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Vietnamese folding for search and collation for sorting (run under vi_VN). */
#include "td-text.h"

#include <locale.h>

static void
test_fold (void)
{
  struct
  {
    const char *in, *out;
  } cases[] = {
    { "Sở Y tế", "so y te" },
    { "Đắk Lắk", "dak lak" },
    { "  SỞ   THÔNG TIN\tVÀ TRUYỀN THÔNG ", "so thong tin va truyen thong" },
    { "Bình Phước", "binh phuoc" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *folded = td_text_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_matches (void)
{
  g_autofree gchar *hay = td_text_fold ("Sở Tài nguyên và Môi trường");

  g_assert_true (td_text_matches (hay, "tai nguyen"));
  g_assert_true (td_text_matches (hay, "MÔI trường sở"));
  g_assert_true (td_text_matches (hay, ""));
  g_assert_false (td_text_matches (hay, "y te"));
}

static void
test_collate (void)
{
  /* Byte order would put Đ after Z and "Ở" after "Z" too. */
  const char *sorted[] = { "An Giang", "Bình Phước", "Cà Mau",  "Dĩ An",   "Đắk Lắk", "Đồng Nai",
                           "Gia Lai",  "Ô Môn",      "Phú Yên", "Yên Bái", "Zeta" };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (sorted); i++)
    {
      g_test_message ("%s < %s", sorted[i], sorted[i + 1]);
      g_assert_cmpint (td_text_collate (sorted[i], sorted[i + 1]), <, 0);
      g_assert_cmpint (td_text_collate (sorted[i + 1], sorted[i]), >, 0);
    }
  g_assert_cmpint (td_text_collate ("Sở Y tế", "Sở Y tế"), ==, 0);
}

static void
test_normalize_space (void)
{
  g_autofree gchar *a = td_text_normalize_space ("  Sở\u00a0 Y   tế \n");

  g_assert_cmpstr (a, ==, "Sở Y tế");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/matches", test_matches);
  g_test_add_func ("/text/collate", test_collate);
  g_test_add_func ("/text/normalize-space", test_normalize_space);
  return g_test_run ();
}
