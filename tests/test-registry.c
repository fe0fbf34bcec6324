/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The registry: units, blocs, bloc-years, members, names through time. */
#include "td-campaign.h"
#include "td-demo.h"
#include "td-registry.h"
#include "td-text.h"

#include <locale.h>
#include <string.h>

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

static gint64
setup_bloc_year (TdDb *db, gint year, gint64 *bloc_id_out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  gint64 by_id;

  bloc->name = g_strdup ("Khối Thi đua số 6");
  by->bloc_id = td_registry_add_bloc (db, bloc, &error);
  g_assert_no_error (error);
  by->year = year;
  by_id = td_registry_add_bloc_year (db, by, &error);
  g_assert_no_error (error);
  if (bloc_id_out)
    *bloc_id_out = by->bloc_id;
  return by_id;
}

static const char *
member_name (GPtrArray *members, guint i)
{
  return ((TdMember *)members->pdata[i])->name;
}

static gboolean
has_member_named (GPtrArray *members, const char *name)
{
  for (guint i = 0; i < members->len; i++)
    if (g_strcmp0 (member_name (members, i), name) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_message_names (GError *error, const char *field)
{
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, field))
    g_error ("“%s” does not name the field “%s”", error->message, field);
}

static void
test_field_validations (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TdUnit) unit = td_unit_new ();
  g_autoptr (TdCampaign) c = td_campaign_new ();
  g_autoptr (TdBlocYear) by = NULL;
  gint64 by_id = setup_bloc_year (db, 2024, NULL);
  gint64 a, b, outsider;

  /* Empty name. */
  unit->name = g_strdup ("  ");
  g_assert_cmpint (td_registry_add_unit_to_bloc_year (db, by_id, unit, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  assert_message_names (error, "Unit name");
  g_clear_error (&error);

  /* Duplicate in the bloc-year, ignoring case, diacritics and spaces. */
  g_free (unit->name);
  unit->name = g_strdup ("Sở Y tế ");
  a = td_registry_add_unit_to_bloc_year (db, by_id, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  g_free (unit->name);
  unit->name = g_strdup ("so  y  TE");
  g_assert_cmpint (td_registry_add_unit_to_bloc_year (db, by_id, unit, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_CONSTRAINT);
  assert_message_names (error, "Unit name");
  g_assert_nonnull (strstr (error->message, "Sở Y tế"));
  g_clear_error (&error);
  /* Editing the unit itself under its own name is no duplicate. */
  g_assert_true (td_registry_check_unit_name (db, by_id, a, "Sở Y tế", &error));

  g_free (unit->name);
  unit->name = g_strdup ("Sở Tư pháp");
  b = td_registry_add_unit_to_bloc_year (db, by_id, unit, &error);
  g_assert_no_error (error);
  outsider = add_unit (db, "Sở Tài chính");

  /* Head = deputy; head or deputy not a member. */
  g_assert_false (td_registry_set_roles (db, by_id, a, a, &error));
  assert_message_names (error, "Deputy");
  g_clear_error (&error);
  g_assert_false (td_registry_set_roles (db, by_id, outsider, b, &error));
  assert_message_names (error, "Head");
  g_clear_error (&error);
  g_assert_false (td_registry_set_roles (db, by_id, a, outsider, &error));
  assert_message_names (error, "Deputy");
  g_clear_error (&error);
  g_assert_true (td_registry_set_roles (db, by_id, a, b, &error));
  g_assert_no_error (error);
  by = td_registry_get_bloc_year (db, by_id, &error);
  g_assert_cmpint (by->head_unit_id, ==, a);
  g_assert_cmpint (by->deputy_unit_id, ==, b);
  by->deputy_unit_id = a;
  g_assert_false (td_registry_update_bloc_year (db, by, &error));
  g_clear_error (&error);

  /* Campaign ending before it starts. */
  c->bloc_year_id = by_id;
  c->name = g_strdup ("Đợt thi đua cao điểm");
  g_date_set_dmy (&c->starts, 1, 9, 2024);
  g_date_set_dmy (&c->ends, 31, 8, 2024);
  g_assert_cmpint (td_campaign_add (db, c, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  assert_message_names (error, "Ends");
  g_assert_nonnull (strstr (error->message, "31/08/2024"));
  g_clear_error (&error);
  g_date_set_dmy (&c->ends, 1, 9, 2024);
  g_assert_cmpint (td_campaign_add (db, c, &error), >, 0);
  g_assert_no_error (error);

  /* Year outside 2000–2100. */
  g_assert_cmpint (td_registry_start_new_year (db, 1, 2101, &error), ==, 0);
  assert_message_names (error, "Year");
  g_clear_error (&error);
  g_assert_false (td_registry_retire_unit (db, a, 1999, &error));
  assert_message_names (error, "Year");
}

/* A bloc's and a campaign's update write every column of the row with
 * their id, and a deleted campaign is gone. */
static void
test_record_writes (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBloc) bloc = NULL;
  g_autoptr (TdCampaign) c = td_campaign_new ();
  g_autoptr (TdCampaign) stored = NULL;
  gint64 bloc_id;
  gint64 by_id = setup_bloc_year (db, 2024, &bloc_id);
  gint64 other_id;

  bloc = td_registry_get_bloc (db, bloc_id, &error);
  g_assert_no_error (error);
  g_free (bloc->name);
  bloc->name = g_strdup ("Cụm Thi đua các huyện phía Bắc");
  bloc->kind = TD_BLOC_CUM;
  g_free (bloc->place);
  bloc->place = g_strdup ("Đồng Xoài");
  g_assert_true (td_registry_update_bloc (db, bloc, &error));
  g_clear_pointer (&bloc, td_bloc_free);
  bloc = td_registry_get_bloc (db, bloc_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bloc->name, ==, "Cụm Thi đua các huyện phía Bắc");
  g_assert_cmpint (bloc->kind, ==, TD_BLOC_CUM);
  g_assert_cmpstr (bloc->place, ==, "Đồng Xoài");

  c->bloc_year_id = by_id;
  c->name = g_strdup ("Đợt thi đua cao điểm");
  g_date_set_dmy (&c->starts, 1, 9, 2024);
  g_date_set_dmy (&c->ends, 30, 9, 2024);
  other_id = td_campaign_add (db, c, &error);
  g_assert_no_error (error);
  c->id = td_campaign_add (db, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->id, >, other_id);
  g_free (c->name);
  c->name = g_strdup ("Thi đua chào mừng Đại hội");
  c->kind = TD_CAMPAIGN_SPECIAL;
  g_date_set_dmy (&c->ends, 15, 10, 2024);
  g_free (c->slogan);
  c->slogan = g_strdup ("Đoàn kết, sáng tạo");
  g_assert_true (td_campaign_update (db, c, &error));
  stored = td_campaign_get (db, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "Thi đua chào mừng Đại hội");
  g_assert_cmpint (stored->kind, ==, TD_CAMPAIGN_SPECIAL);
  g_assert_cmpint (g_date_get_day (&stored->ends), ==, 15);
  g_assert_cmpstr (stored->slogan, ==, "Đoàn kết, sáng tạo");
  g_clear_pointer (&stored, td_campaign_free);
  stored = td_campaign_get (db, other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "Đợt thi đua cao điểm");

  g_assert_true (td_campaign_delete (db, c->id, &error));
  g_assert_null (td_campaign_get (db, c->id, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
}

static void
test_rename_and_merge_history (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) m2023 = NULL;
  g_autoptr (GPtrArray) m2024 = NULL;
  g_autoptr (GPtrArray) m2025 = NULL;
  g_autoptr (GPtrArray) m2025b = NULL;
  g_autoptr (TdUnit) successor = td_unit_new ();
  g_autoptr (TdUnit) current = NULL;
  g_autoptr (TdBlocYear) y2025 = NULL;
  gint64 bloc_id, y23 = setup_bloc_year (db, 2023, &bloc_id), y24, y25;
  gint64 khcn, ttt, snv, merged;
  gint64 pair[2];
  GDate from;

  khcn = add_unit (db, "Sở Khoa học và Công nghệ");
  ttt = add_unit (db, "Sở Thông tin và Truyền thông");
  snv = add_unit (db, "Ban Dân tộc tỉnh Bình Phước");
  for (gint64 id = khcn; id <= snv; id++)
    td_registry_add_member (db, y23, id, &error);
  g_assert_true (td_registry_set_roles (db, y23, ttt, khcn, &error));
  y24 = td_registry_start_new_year (db, bloc_id, 2024, &error);
  g_assert_no_error (error);

  g_date_set_dmy (&from, 1, 1, 2024);
  g_assert_true (td_registry_rename_unit (db, snv, &from, " Ban Dân tộc  tỉnh ", "BDT", &error));
  g_assert_no_error (error);
  m2023 = td_registry_list_members (db, y23, &error);
  m2024 = td_registry_list_members (db, y24, &error);
  g_assert_true (has_member_named (m2023, "Ban Dân tộc tỉnh Bình Phước"));
  g_assert_false (has_member_named (m2023, "Ban Dân tộc tỉnh"));
  g_assert_true (has_member_named (m2024, "Ban Dân tộc tỉnh"));
  current = td_registry_get_unit (db, snv, &error);
  g_assert_cmpstr (current->name, ==, "Ban Dân tộc tỉnh");
  g_assert_cmpstr (current->short_name, ==, "BDT");
  {
    g_autofree gchar *old = td_registry_unit_name_in_year (db, snv, 2023);
    g_assert_cmpstr (old, ==, "Ban Dân tộc tỉnh Bình Phước");
  }

  /* Two departments become one on 1/7/2025. */
  y25 = td_registry_start_new_year (db, bloc_id, 2025, &error);
  g_assert_no_error (error);
  successor->name = g_strdup ("Sở Khoa học và Công nghệ (mới)");
  g_date_set_dmy (&from, 1, 7, 2025);
  pair[0] = khcn;
  pair[1] = ttt;
  merged = td_registry_merge_units (db, pair, 2, successor, &from, &error);
  g_assert_no_error (error);
  g_assert_cmpint (merged, >, 0);
  g_clear_pointer (&m2024, g_ptr_array_unref);
  m2024 = td_registry_list_members (db, y24, &error);
  g_assert_cmpuint (m2024->len, ==, 3);
  g_assert_true (has_member_named (m2024, "Sở Thông tin và Truyền thông"));
  g_assert_false (has_member_named (m2024, "Sở Khoa học và Công nghệ (mới)"));
  m2025 = td_registry_list_members (db, y25, &error);
  g_assert_true (has_member_named (m2025, "Sở Khoa học và Công nghệ (mới)"));
  for (guint i = 0; i < m2025->len; i++)
    {
      TdMember *m = m2025->pdata[i];
      g_assert_cmpint (m->retired, ==, m->unit_id == khcn || m->unit_id == ttt);
    }
  y2025 = td_registry_get_bloc_year (db, y25, &error);
  g_assert_cmpint (y2025->head_unit_id, ==, merged);
  g_clear_pointer (&current, td_unit_free);
  current = td_registry_get_unit (db, khcn, &error);
  g_assert_cmpint (current->retired_year, ==, 2025);
  g_assert_cmpint (current->merged_into, ==, merged);

  /* A new year leaves the predecessors out and keeps the successor. */
  {
    gint64 y26 = td_registry_start_new_year (db, bloc_id, 2026, &error);
    g_assert_no_error (error);
    m2025b = td_registry_list_members (db, y26, &error);
    g_assert_cmpuint (m2025b->len, ==, 2);
    g_assert_true (has_member_named (m2025b, "Sở Khoa học và Công nghệ (mới)"));
    g_assert_true (has_member_named (m2025b, "Ban Dân tộc tỉnh"));
  }
}

static gboolean
copy_hook (TdDb *db, gint64 from, gint64 to, gpointer user_data, GError **error)
{
  gint64 *seen = user_data;

  seen[0] = from;
  seen[1] = to;
  return TRUE;
}

static void
test_start_new_year (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) prev = NULL;
  g_autoptr (TdBlocYear) next = NULL;
  g_autoptr (GPtrArray) members = NULL;
  gint64 bloc_id, y24 = setup_bloc_year (db, 2024, &bloc_id), y25;
  gint64 a = add_unit (db, "Sở Y tế"), b = add_unit (db, "Sở Nội vụ"),
         c = add_unit (db, "Sở Tư pháp");
  gint64 seen[2] = { 0, 0 };

  td_registry_add_member (db, y24, a, NULL);
  td_registry_add_member (db, y24, b, NULL);
  td_registry_add_member (db, y24, c, NULL);
  prev = td_registry_get_bloc_year (db, y24, NULL);
  prev->head_unit_id = a;
  prev->deputy_unit_id = c;
  g_free (prev->signer_name);
  g_free (prev->signer_position);
  g_free (prev->signer_authority);
  prev->signer_name = g_strdup ("Nguyễn Văn An");
  prev->signer_position = g_strdup ("KHỐI TRƯỞNG");
  prev->signer_authority = g_strdup ("TM. KHỐI THI ĐUA SỐ 6");
  g_assert_true (td_registry_update_bloc_year (db, prev, &error));
  g_assert_no_error (error);
  /* Retired from 2025: stays in 2024, left out of 2025. */
  g_assert_true (td_registry_retire_unit (db, c, 2025, &error));

  td_registry_add_new_year_hook (copy_hook, seen);
  y25 = td_registry_start_new_year (db, bloc_id, 2025, &error);
  td_registry_remove_new_year_hook (copy_hook, seen);
  g_assert_no_error (error);
  g_assert_cmpint (seen[0], ==, y24);
  g_assert_cmpint (seen[1], ==, y25);
  next = td_registry_get_bloc_year (db, y25, &error);
  g_assert_cmpint (next->year, ==, 2025);
  g_assert_cmpint (next->head_unit_id, ==, a);
  g_assert_cmpint (next->deputy_unit_id, ==, 0); /* retired: no longer a member */
  g_assert_cmpstr (next->signer_name, ==, "Nguyễn Văn An");
  g_assert_cmpstr (next->signer_authority, ==, "TM. KHỐI THI ĐUA SỐ 6");
  members = td_registry_list_members (db, y25, &error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpint (td_registry_newest_bloc_year (db, bloc_id), ==, y25);
  /* The year exists already. */
  g_assert_cmpint (td_registry_start_new_year (db, bloc_id, 2025, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_CONSTRAINT);
}

static void
test_delete_and_remove (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) by = NULL;
  gint64 by_id = setup_bloc_year (db, 2024, NULL);
  gint64 a = add_unit (db, "Sở Y tế"), b = add_unit (db, "Sở Nội vụ");

  td_registry_add_member (db, by_id, a, NULL);
  td_registry_add_member (db, by_id, b, NULL);
  g_assert_true (td_registry_set_roles (db, by_id, a, b, &error));
  g_assert_true (td_registry_remove_member (db, by_id, b, &error));
  g_assert_false (td_registry_is_member (db, by_id, b));
  by = td_registry_get_bloc_year (db, by_id, NULL);
  g_assert_cmpint (by->deputy_unit_id, ==, 0);
  /* Without scores, deleting works. */
  g_assert_cmpint (td_registry_count_scores (db, b, 0), ==, 0);
  g_assert_true (td_registry_delete_unit (db, b, &error));
  g_assert_null (td_registry_get_unit (db, b, &error));
  g_clear_error (&error);

  /* With scores in this bloc-year, refused. */
  {
    g_autofree gchar *sql = g_strdup_printf (
        "INSERT INTO criteria_table (bloc_year_id) VALUES (%" G_GINT64_FORMAT ");"
        "INSERT INTO criterion (table_id, code, title) VALUES (last_insert_rowid (), '1', 'Báo "
        "cáo');"
        "INSERT INTO entry (unit_id, criterion_id, source, updated_at)"
        " VALUES (%" G_GINT64_FORMAT ", last_insert_rowid (), 'self', '2024-12-30'),"
        " (%" G_GINT64_FORMAT ", last_insert_rowid (), 'assessed', '2025-01-05');",
        by_id, a, a);
    g_assert_true (td_db_exec (db, sql, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (td_registry_count_scores (db, a, by_id), ==, 2);
  g_assert_cmpint (td_registry_count_scores (db, a, 0), ==, 2);
  g_assert_false (td_registry_delete_unit (db, a, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);
  g_assert_false (td_registry_remove_member (db, by_id, a, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONSTRAINT);
  g_assert_true (td_registry_is_member (db, by_id, a));
}

static void
test_collation_and_search (void)
{
  const char *names[] = { "Đài Phát thanh", "Ban Dân tộc", "Sở Y tế", "Ủy ban MTTQ",
                          "Công an tỉnh",   "Dân quân",    "Ấp Bắc" };
  const char *expected[] = { "Ấp Bắc",         "Ban Dân tộc", "Công an tỉnh", "Dân quân",
                             "Đài Phát thanh", "Sở Y tế",     "Ủy ban MTTQ" };
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autofree gchar *folded = td_text_fold ("Sở Thông tin và Truyền thông");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_unit (db, names[i]);
  units = td_registry_list_units (db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < units->len; i++)
    g_assert_cmpstr (((TdUnit *)units->pdata[i])->name, ==, expected[i]);
  g_assert_cmpint (td_text_collate ("Dân quân", "Đài Phát thanh"), <, 0);
  g_assert_true (td_text_matches (folded, "thong tin"));
  g_assert_true (td_text_matches (folded, "SỞ truyen"));
  g_assert_false (td_text_matches (folded, "y te"));
}

static void
test_campaign_targets_results (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) blocs = NULL;
  g_autoptr (GPtrArray) campaigns = NULL;
  g_autoptr (GPtrArray) targets = NULL;
  g_autoptr (GPtrArray) m2023 = NULL;
  g_autoptr (GPtrArray) m2024 = NULL;
  g_autofree gchar *result = NULL;
  g_autofree gchar *cleared = NULL;
  TdCampaign *c;
  TdTarget *t;
  gint64 bloc_id, y23, y24;

  g_assert_true (td_demo_populate (db, &error));
  blocs = td_registry_list_blocs (db, &error);
  bloc_id = ((TdBloc *)blocs->pdata[0])->id;
  y23 = td_registry_find_bloc_year (db, bloc_id, 2023, &error);
  y24 = td_registry_find_bloc_year (db, bloc_id, 2024, &error);
  g_assert_cmpint (td_registry_newest_bloc_year (db, bloc_id), ==, y24);

  /* The demo's renamed unit. */
  m2023 = td_registry_list_members (db, y23, &error);
  m2024 = td_registry_list_members (db, y24, &error);
  g_assert_true (has_member_named (m2023, "Ban Dân tộc tỉnh Bình Phước"));
  g_assert_true (has_member_named (m2024, "Ban Dân tộc tỉnh"));
  g_assert_false (has_member_named (m2024, "Ban Dân tộc tỉnh Bình Phước"));

  campaigns = td_campaign_list (db, y24, &error);
  g_assert_cmpuint (campaigns->len, ==, 1);
  c = campaigns->pdata[0];
  g_assert_nonnull (strstr (c->slogan, "Kỷ cương, trách nhiệm; đoàn kết, sáng tạo"));
  g_assert_cmpint (c->kind, ==, TD_CAMPAIGN_YEARLY);
  targets = td_campaign_list_targets (db, c->id, &error);
  g_assert_cmpuint (targets->len, ==, 5);
  t = targets->pdata[0];
  g_assert_cmpint (t->kind, ==, TD_TARGET_LEVEL);
  g_assert_cmpstr (t->required_level, ==, "Hoàn thành tốt nhiệm vụ");
  g_assert_true (td_campaign_set_result (db, t->id, ((TdMember *)m2024->pdata[5])->unit_id,
                                         "Hoàn thành xuất sắc nhiệm vụ", &error));
  result = td_campaign_get_result (db, t->id, ((TdMember *)m2024->pdata[5])->unit_id);
  g_assert_cmpstr (result, ==, "Hoàn thành xuất sắc nhiệm vụ");
  g_assert_true (
      td_campaign_set_result (db, t->id, ((TdMember *)m2024->pdata[5])->unit_id, "", &error));
  cleared = td_campaign_get_result (db, t->id, ((TdMember *)m2024->pdata[5])->unit_id);
  g_assert_cmpstr (cleared, ==, "");
}

static void
test_delete_with_undo (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TdUnitSnapshot) snapshot = NULL;
  g_autoptr (TdBlocYear) y24 = NULL;
  g_autoptr (TdBlocYear) again = NULL;
  g_autoptr (GPtrArray) campaigns = NULL;
  g_autoptr (GPtrArray) targets = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) m2023 = NULL;
  g_autoptr (GPtrArray) blocs = NULL;
  g_autofree gchar *result = NULL;
  gint64 bloc_id, by24, by23, head;

  g_assert_true (td_demo_populate (db, &error));
  blocs = td_registry_list_blocs (db, NULL);
  bloc_id = ((TdBloc *)blocs->pdata[0])->id;
  by24 = td_registry_find_bloc_year (db, bloc_id, 2024, NULL);
  by23 = td_registry_find_bloc_year (db, bloc_id, 2023, NULL);
  y24 = td_registry_get_bloc_year (db, by24, NULL);
  head = y24->head_unit_id;

  /* The demo has scores for every member; a unit without any can go. */
  {
    g_autofree gchar *sql
        = g_strdup_printf ("DELETE FROM entry WHERE unit_id = %" G_GINT64_FORMAT, head);
    g_assert_true (td_db_exec (db, sql, &error));
  }
  snapshot = td_registry_delete_unit_with_undo (db, head, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_null (td_registry_get_unit (db, head, NULL));
  members = td_registry_list_members (db, by24, NULL);
  g_assert_cmpuint (members->len, ==, 11);
  g_clear_pointer (&members, g_ptr_array_unref);

  g_assert_true (td_registry_restore_unit (db, snapshot, &error));
  g_assert_no_error (error);
  members = td_registry_list_members (db, by24, NULL);
  m2023 = td_registry_list_members (db, by23, NULL);
  g_assert_cmpuint (members->len, ==, 12);
  g_assert_cmpuint (m2023->len, ==, 12);
  again = td_registry_get_bloc_year (db, by24, NULL);
  g_assert_cmpint (again->head_unit_id, ==, head);
  campaigns = td_campaign_list (db, by24, NULL);
  targets = td_campaign_list_targets (db, ((TdCampaign *)campaigns->pdata[0])->id, NULL);
  result = td_campaign_get_result (db, ((TdTarget *)targets->pdata[0])->id, head);
  g_assert_cmpstr (result, ==, "Hoàn thành tốt nhiệm vụ");

  /* With scores, refused, and the unit stays. */
  g_assert_true (td_db_exec (db,
                             "INSERT INTO entry (unit_id, criterion_id, source, updated_at)"
                             " SELECT head_unit_id, (SELECT min (id) FROM criterion), 'self',"
                             " '2024-12-30' FROM bloc_year WHERE year = 2024",
                             &error));
  g_assert_null (td_registry_delete_unit_with_undo (db, head, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONSTRAINT);
  {
    g_autoptr (TdUnit) kept = td_registry_get_unit (db, head, NULL);
    g_assert_nonnull (kept);
  }
}

/* A campaign launched for two blocs shows in both, and only while shared. */
static void
test_campaign_sharing (void)
{
  g_autoptr (TdDb) db = new_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBloc) bloc5 = td_bloc_new ();
  g_autoptr (TdBlocYear) y5 = td_bloc_year_new ();
  g_autoptr (GPtrArray) own = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GArray) shares = NULL;
  g_autoptr (GArray) all = NULL;
  gint64 by6, by5, campaign_id;

  g_assert_true (td_demo_populate (db, &error));
  by6 = td_registry_find_bloc_year (db, 1, 2024, NULL);
  own = td_campaign_list (db, by6, &error);
  g_assert_cmpuint (own->len, >, 0);
  campaign_id = ((TdCampaign *)own->pdata[0])->id;

  bloc5->name = g_strdup ("Khối Thi đua số 5");
  y5->bloc_id = td_registry_add_bloc (db, bloc5, &error);
  y5->year = 2024;
  by5 = td_registry_add_bloc_year (db, y5, &error);
  g_assert_no_error (error);
  all = td_registry_list_all_bloc_years (db, &error);
  g_assert_cmpuint (all->len, ==, 3);

  listed = td_campaign_list (db, by5, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  g_assert_true (td_campaign_set_shared (db, campaign_id, by5, TRUE, &error));
  g_assert_true (td_campaign_set_shared (db, campaign_id, by5, TRUE, &error)); /* once */
  listed = td_campaign_list (db, by5, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (((TdCampaign *)listed->pdata[0])->id, ==, campaign_id);
  g_assert_cmpint (((TdCampaign *)listed->pdata[0])->bloc_year_id, ==, by6);
  g_clear_pointer (&listed, g_ptr_array_unref);
  shares = td_campaign_list_shares (db, campaign_id, &error);
  g_assert_cmpuint (shares->len, ==, 1);
  g_assert_cmpint (g_array_index (shares, gint64, 0), ==, by5);

  /* Its own bloc-year is not a share. */
  g_assert_false (td_campaign_set_shared (db, campaign_id, by6, TRUE, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (td_campaign_set_shared (db, campaign_id, by5, FALSE, &error));
  listed = td_campaign_list (db, by5, &error);
  g_assert_cmpuint (listed->len, ==, 0);
}

/* A grid cell shows a long result by its initials, as the sheets do. */
static void
test_result_short (void)
{
  const struct
  {
    const char *in, *out;
  } cases[] = {
    { "Hoàn thành xuất sắc nhiệm vụ", "HTXSNV" },
    { "Hoàn thành tốt nhiệm vụ", "HTTNV" },
    { "Hoàn thành nhiệm vụ", "HTNV" },
    { "Không hoàn thành nhiệm vụ", "KHTNV" },
    { "Đạt", "Đạt" },
    { "Không đạt", "Không đạt" },
    { "đạt yêu cầu đề ra", "ĐYCĐR" },
    { "", "" },
    { "\xff\xfe bad", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *got = td_target_result_short (cases[i].in);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/registry/units-and-members", test_units_and_members);
  g_test_add_func ("/registry/validation", test_validation);
  g_test_add_func ("/registry/demo", test_demo);
  g_test_add_func ("/registry/field-validations", test_field_validations);
  g_test_add_func ("/registry/record-writes", test_record_writes);
  g_test_add_func ("/registry/rename-and-merge-history", test_rename_and_merge_history);
  g_test_add_func ("/registry/start-new-year", test_start_new_year);
  g_test_add_func ("/registry/delete-and-remove", test_delete_and_remove);
  g_test_add_func ("/registry/collation-and-search", test_collation_and_search);
  g_test_add_func ("/registry/delete-with-undo", test_delete_with_undo);
  g_test_add_func ("/registry/campaign-targets-results", test_campaign_targets_results);
  g_test_add_func ("/registry/campaign-sharing", test_campaign_sharing);
  g_test_add_func ("/registry/result-short", test_result_short);
  return g_test_run ();
}
