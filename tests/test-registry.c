/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The registry: units, blocs, bloc-years, members, names through time. */
#include "td-demo.h"
#include "td-registry.h"

#include <locale.h>

static TdDb *
new_db (void)
{
  g_autoptr (GError) error = NULL;
  TdDb *db = td_db_new_memory (&error);

  g_assert_no_error (error);
  return db;
}

static gint64
add_unit (TdDb *db, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdUnit) unit = td_unit_new ();
  gint64 id;

  unit->name = g_strdup (name);
  id = td_registry_add_unit (db, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_units_and_members (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  g_autoptr (GPtrArray) members = NULL;
  gint64 a, b, c, bloc_id, by_id;

  a = add_unit (db, "Sở Y tế");
  b = add_unit (db, "Đài Phát thanh - Truyền hình");
  c = add_unit (db, "Ban Dân tộc tỉnh");
  bloc->name = g_strdup ("Khối Thi đua số 6");
  bloc_id = td_registry_add_bloc (db, bloc, &error);
  g_assert_no_error (error);
  by->bloc_id = bloc_id;
  by->year = 2024;
  by->head_unit_id = a;
  by->deputy_unit_id = c;
  by_id = td_registry_add_bloc_year (db, by, &error);
  g_assert_no_error (error);
  for (gint64 id = a; id <= c; id++)
    g_assert_true (td_registry_add_member (db, by_id, id, &error));

  members = td_registry_list_members (db, by_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 3);
  /* Vietnamese order: B < Đ < S. */
  g_assert_cmpstr (((TdMember *)members->pdata[0])->name, ==, "Ban Dân tộc tỉnh");
  g_assert_cmpint (((TdMember *)members->pdata[0])->role, ==, TD_ROLE_DEPUTY);
  g_assert_cmpstr (((TdMember *)members->pdata[1])->name, ==, "Đài Phát thanh - Truyền hình");
  g_assert_cmpint (((TdMember *)members->pdata[1])->role, ==, TD_ROLE_MEMBER);
  g_assert_cmpint (((TdMember *)members->pdata[2])->role, ==, TD_ROLE_HEAD);
  g_assert_cmpint (td_registry_find_bloc_year (db, bloc_id, 2024, NULL), ==, by_id);
  g_assert_cmpint (td_registry_find_bloc_year (db, bloc_id, 2023, NULL), ==, 0);
  (void)b;
}

static void
test_validation (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TdUnit) unit = td_unit_new ();
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();

  unit->name = g_strdup ("   ");
  g_assert_cmpint (td_registry_add_unit (db, unit, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);

  bloc->name = g_strdup ("Cụm thi đua số 1");
  by->bloc_id = td_registry_add_bloc (db, bloc, &error);
  by->year = 1999;
  g_assert_cmpint (td_registry_add_bloc_year (db, by, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  by->year = 2025;
  g_assert_cmpint (td_registry_add_bloc_year (db, by, &error), >, 0);
  g_assert_cmpint (td_registry_add_bloc_year (db, by, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_CONSTRAINT);
}

static void
test_demo (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) blocs = NULL;
  g_autoptr (GPtrArray) members = NULL;
  gint64 by_id;

  g_assert_true (td_demo_populate (db, &error));
  g_assert_no_error (error);
  blocs = td_registry_list_blocs (db, &error);
  g_assert_cmpuint (blocs->len, ==, 1);
  g_assert_cmpstr (((TdBloc *)blocs->pdata[0])->name, ==, "Khối Thi đua số 6");
  by_id = td_registry_find_bloc_year (db, ((TdBloc *)blocs->pdata[0])->id, 2024, &error);
  members = td_registry_list_members (db, by_id, &error);
  g_assert_cmpuint (members->len, >=, 8);
  g_assert_cmpuint (members->len, <=, 12);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/registry/units-and-members", test_units_and_members);
  g_test_add_func ("/registry/validation", test_validation);
  g_test_add_func ("/registry/demo", test_demo);
  return g_test_run ();
}
