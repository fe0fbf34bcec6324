/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Vietnamese folding for search and collation for sorting (run under vi_VN). */
#include "td-registry.h"
#include "td-text.h"

#include <string.h>

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

/* Bytes that are not UTF-8 (a truncated sequence at the very end, an
 * overlong form, a lone continuation byte, a surrogate) reach no GLib UTF-8
 * function as they are: each helper repairs them to U+FFFD first. */
static void
test_invalid_text (void)
{
  const char *bad[]
      = { "Sở\xff Y tế", "S\xe1", "\xc0\xaf", "\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree gchar *folded = td_text_fold (bad[i]);
      g_autofree gchar *spaced = td_text_normalize_space (bad[i]);
      g_autofree gchar *valid = td_text_make_valid (bad[i], -1);

      g_assert_true (g_utf8_validate (folded, -1, NULL));
      g_assert_true (g_utf8_validate (spaced, -1, NULL));
      g_assert_true (g_utf8_validate (valid, -1, NULL));
      g_assert_nonnull (strstr (valid, "\uFFFD"));
      g_assert_nonnull (strstr (folded, "\uFFFD"));
      /* A total order still: antisymmetric, and equal only to itself. */
      g_assert_cmpint (td_text_collate (bad[i], "Sở Y tế"), ==,
                       -td_text_collate ("Sở Y tế", bad[i]));
      g_assert_cmpint (td_text_collate (bad[i], bad[i]), ==, 0);
    }
  {
    g_autofree gchar *folded = td_text_fold ("Sở\xff Y tế");
    g_assert_cmpstr (folded, ==, "so\uFFFD y te");
  }
  {
    /* Only up to the length given, and never past a NUL. */
    g_autofree gchar *cut = td_text_make_valid ("Sở Y tế", 5);
    g_autofree gchar *nul = td_text_make_valid ("Sở\0Y", 6);
    g_assert_cmpstr (cut, ==, "Sở ");
    g_assert_cmpstr (nul, ==, "Sở");
  }
}

/* A unit named with raw bytes in a database made elsewhere: read back as
 * valid UTF-8, sorted by the Vietnamese collation without reading past the
 * text, and found by search. */
static void
test_invalid_text_in_database (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  g_autoptr (GPtrArray) members = NULL;
  gint64 by_id;
  const char *names[] = { "Sở Y tế", "Đài Phát thanh", "An Giang" };

  g_assert_no_error (error);
  bloc->name = g_strdup ("Khối 6");
  by->bloc_id = td_registry_add_bloc (db, bloc, &error);
  by->year = 2024;
  by_id = td_registry_add_bloc_year (db, by, &error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (TdUnit) unit = td_unit_new ();
      unit->name = g_strdup (names[i]);
      g_assert_cmpint (td_registry_add_unit_to_bloc_year (db, by_id, unit, &error), >, 0);
    }
  /* Another program wrote raw bytes: a Latin-1 "Sở Tư pháp" cut short. */
  g_assert_true (td_db_exec (
      db, "UPDATE unit SET name = CAST(X'53F920547520701F' AS TEXT) WHERE name = 'An Giang'",
      &error));
  members = td_registry_list_members (db, by_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 3);
  for (guint i = 0; i < members->len; i++)
    {
      TdMember *m = members->pdata[i];
      g_assert_true (g_utf8_validate (m->name, -1, NULL));
    }
  g_assert_cmpint (
      td_db_query_int (db, "SELECT count(*) FROM unit WHERE fold(name) LIKE '%y te%'", 0, &error),
      ==, 1);
  g_assert_no_error (error);
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
  g_test_add_func ("/text/invalid", test_invalid_text);
  g_test_add_func ("/text/invalid-in-database", test_invalid_text_in_database);
  return g_test_run ();
}
