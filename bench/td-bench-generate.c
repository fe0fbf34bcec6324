/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The benchmark's province database.
 *
 * A province office keeping every bloc in one file: 40 blocs of 15 member
 * units, 5 years, a criteria table per bloc-year, the self and the assessed
 * score of every member on every criterion, campaigns, deadlines and events.
 * Everything goes through the core API, in one transaction, so the figures
 * measure the code the application runs; the random choices come from a
 * fixed-seed generator of our own so two runs write the same data. */
#include "config.h"

#include "td-bench-generate.h"

#include "td-registry.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

void
td_bench_random_init (TdBenchRandom *rnd, guint64 seed)
{
  rnd->state = seed;
}

guint64
td_bench_random_next (TdBenchRandom *rnd)
{
  guint64 z = (rnd->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

guint32
td_bench_random_below (TdBenchRandom *rnd, guint32 n)
{
  return n == 0 ? 0 : (guint32)(td_bench_random_next (rnd) % n);
}

void
td_bench_shape_for_scale (TdBenchShape *shape, gdouble scale)
{
  /* The scale multiplies the units (more blocs of 15, so the whole
   * province grows and the entries with it).  Below 1 (the smoke run) the
   * tables shrink too, so the run takes seconds. */
  shape->scale = scale;
  shape->n_members = 15;
  shape->n_years = 5;
  shape->first_year = 2020;
  shape->n_blocs = MAX (1, (gint)lround (40 * scale));
  shape->n_criteria = scale < 1 ? MAX (26, (gint)lround (200 * scale)) : 200;
  shape->seed = G_GUINT64_CONSTANT (20250101);
}

void
td_bench_stats_clear (TdBenchStats *stats)
{
  g_clear_pointer (&stats->bloc_year_ids, g_array_unref);
  g_clear_pointer (&stats->missing, g_ptr_array_unref);
  memset (stats, 0, sizeof *stats);
}

static const char *const unit_prefixes[] = {
  "Sở", "Ban", "Phòng", "Trung tâm", "Chi cục", "Văn phòng", "Bệnh viện", "Trường",
};
static const char *const unit_domains[] = {
  "Y tế",
  "Tư pháp",
  "Nội vụ",
  "Tài chính",
  "Kế hoạch và Đầu tư",
  "Giáo dục và Đào tạo",
  "Văn hóa, Thể thao và Du lịch",
  "Lao động - Thương binh và Xã hội",
  "Khoa học và Công nghệ",
  "Thông tin và Truyền thông",
  "Giao thông vận tải",
  "Xây dựng",
  "Nông nghiệp và Phát triển nông thôn",
  "Tài nguyên và Môi trường",
  "Công Thương",
  "Dân tộc",
};
static const char *const places[] = {
  "Đồng Xoài", "Bình Long",  "Phước Long", "Chơn Thành", "Đồng Phú",  "Bù Đăng",
  "Bù Đốp",    "Bù Gia Mập", "Hớn Quản",   "Lộc Ninh",   "Phú Riềng",
};
static const char *const family_names[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý",
};
static const char *const given_names[] = {
  "Văn An",  "Thị Bình",  "Văn Cường", "Thị Dung", "Văn Em",   "Thị Giang", "Văn Hải",
  "Thị Hoa", "Văn Khánh", "Thị Lan",   "Văn Minh", "Thị Ngọc", "Văn Phúc",  "Thị Quyên",
};

#define PICK(rnd, array) (array[td_bench_random_below ((rnd), G_N_ELEMENTS (array))])

static gchar *
person_name (TdBenchRandom *rnd)
{
  return g_strdup_printf ("%s %s", PICK (rnd, family_names), PICK (rnd, given_names));
}

static gboolean
generate_registry (TdDb *db, const TdBenchShape *shape, TdBenchRandom *rnd, GArray *unit_ids,
                   TdBenchStats *stats, GError **error)
{
  gint n_units = shape->n_blocs * shape->n_members;

  for (gint u = 0; u < n_units; u++)
    {
      g_autoptr (TdUnit) unit = td_unit_new ();
      const char *prefix = PICK (rnd, unit_prefixes);
      const char *domain = unit_domains[u % G_N_ELEMENTS (unit_domains)];
      const char *place = PICK (rnd, places);
      gint64 id;

      /* Unique names: the number keeps two "Phòng Y tế Lộc Ninh" apart. */
      unit->name = g_strdup_printf ("%s %s %s %d", prefix, domain, place, u + 1);
      unit->short_name = g_strdup_printf ("ĐV%d", u + 1);
      unit->kind = g_strdup ("Sở, ngành");
      unit->parent = g_strdup ("UBND tỉnh Bình Phước");
      unit->head_name = person_name (rnd);
      unit->head_position = g_strdup ("Giám đốc");
      g_date_set_dmy (&unit->founded, 1 + td_bench_random_below (rnd, 28),
                      1 + td_bench_random_below (rnd, 12), 1990 + td_bench_random_below (rnd, 30));
      id = td_registry_add_unit (db, unit, error);
      if (id == 0)
        return FALSE;
      g_array_append_val (unit_ids, id);
      stats->n_units++;
    }

  for (gint b = 0; b < shape->n_blocs; b++)
    {
      g_autoptr (TdBloc) bloc = td_bloc_new ();
      gint64 bloc_id;

      bloc->name = g_strdup_printf ("Khối Thi đua số %d", b + 1);
      bloc->kind = b % 4 == 3 ? TD_BLOC_CUM : TD_BLOC_KHOI;
      bloc->authority = g_strdup ("UBND tỉnh Bình Phước");
      bloc->place = g_strdup ("Bình Phước");
      bloc_id = td_registry_add_bloc (db, bloc, error);
      if (bloc_id == 0)
        return FALSE;
      stats->n_blocs++;

      for (gint y = 0; y < shape->n_years; y++)
        {
          g_autoptr (TdBlocYear) by = td_bloc_year_new ();
          const gint64 *members = &g_array_index (unit_ids, gint64, b * shape->n_members);
          gint64 by_id;

          by->bloc_id = bloc_id;
          by->year = shape->first_year + y;
          /* The head rotates through the members year by year. */
          by->head_unit_id = members[y % shape->n_members];
          by->deputy_unit_id = members[(y + 1) % shape->n_members];
          by->signer_name = person_name (rnd);
          by->signer_position = g_strdup ("KHỐI TRƯỞNG");
          by->signer_authority = g_strdup_printf ("TM. KHỐI THI ĐUA SỐ %d", b + 1);
          by_id = td_registry_add_bloc_year (db, by, error);
          if (by_id == 0)
            return FALSE;
          g_array_append_val (stats->bloc_year_ids, by_id);
          stats->n_bloc_years++;
          for (gint m = 0; m < shape->n_members; m++)
            {
              if (!td_registry_add_member (db, by_id, members[m], error))
                return FALSE;
              stats->n_members++;
            }
        }
    }
  return TRUE;
}

gboolean
td_bench_generate (const char *path, const TdBenchShape *shape, TdBenchStats *stats, GError **error)
{
  g_autoptr (TdDb) db = NULL;
  g_autoptr (GArray) unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TdBenchRandom rnd;
  gint64 start = g_get_monotonic_time ();
  GStatBuf st;

  memset (stats, 0, sizeof *stats);
  stats->bloc_year_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stats->missing = g_ptr_array_new_with_free_func (g_free);
  td_bench_random_init (&rnd, shape->seed);

  for (const char *suffix = ""; suffix != NULL;
       suffix = *suffix == '\0' ? "-wal" : (g_str_equal (suffix, "-wal") ? "-shm" : NULL))
    {
      g_autofree gchar *file = g_strconcat (path, suffix, NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Cannot replace %s: %s",
                       file, g_strerror (errno));
          return FALSE;
        }
    }

  db = td_db_open (path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, error);
  if (db == NULL)
    return FALSE;
  /* One transaction for the whole province: every add_* call nests as a
   * savepoint, and nothing reaches the disk before the end. */
  if (!td_db_begin (db, error))
    return FALSE;
  if (!generate_registry (db, shape, &rnd, unit_ids, stats, error))
    goto fail;
  if (!td_db_commit (db, error))
    goto fail;
  /* Leave a compact file with an empty WAL, as after a clerk's session. */
  if (!td_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", error))
    return FALSE;
  td_db_close (db);

  stats->seconds = (g_get_monotonic_time () - start) / 1e6;
  if (g_stat (path, &st) == 0)
    stats->file_bytes = st.st_size;
  return TRUE;

fail:
  td_db_rollback (db);
  return FALSE;
}
