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
#ifdef HAVE_TD_CAMPAIGN
#include "td-campaign.h"
#endif
#ifdef HAVE_TD_CALENDAR
#include "td-calendar.h"
#endif
#ifdef HAVE_TD_CRITERIA
#include "td-criteria.h"
#include "td-entries.h"
#endif

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

#ifdef HAVE_TD_CRITERIA
/* The leaves of a sub-heading, in order: every rule kind appears, the
 * last two alternate between sub-headings so ten rows cover all twelve
 * (the thirteenth, the heading, is the sub-heading itself).  The standard
 * points of a sub-heading (5) come from its first three rows. */
static const TdRuleKind leaf_kinds[10] = {
  TD_RULE_STANDARD,       TD_RULE_STANDARD_LESS_EACH, TD_RULE_GRADED,           TD_RULE_BONUS_EACH,
  TD_RULE_DEDUCTION_EACH, TD_RULE_BONUS_POINTS,       TD_RULE_DEDUCTION_POINTS, TD_RULE_OPTIONS,
  TD_RULE_BRACKETS,       TD_RULE_LINEAR_DEDUCTION,
};
#define LEAVES_PER_SUB 10
#define SUBS_PER_SECTION 4
#define SUB_STANDARD 500

static const char *const roman[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" };

static void
set_text (gchar **field, gchar *text)
{
  g_free (*field);
  *field = text;
}

static TdRuleOption *
add_range (TdCriterion *c, const char *label, TdPoints points, gint size_class, gint64 low,
           gint64 high)
{
  TdRuleOption *o = td_criterion_add_option (c, label, points);

  o->size_class = size_class;
  o->has_low = low >= 0;
  o->low = MAX (low, 0);
  o->has_high = high >= 0;
  o->high = MAX (high, 0);
  return o;
}

static TdCriterion *
make_leaf (gint sub, gint j, const char *code)
{
  TdRuleKind kind = leaf_kinds[j];
  TdCriterion *c;

  if (j == 8 && sub % 2 == 1)
    kind = TD_RULE_LINEAR_BONUS;
  if (j == 9 && sub % 2 == 1)
    kind = TD_RULE_DISQUALIFIER;
  c = td_criterion_new (kind);
  set_text (&c->code, g_strdup (code));
  set_text (&c->title, g_strdup_printf ("Tiêu chí %s: thực hiện nhiệm vụ, chỉ tiêu được giao "
                                        "trong năm theo kế hoạch của Khối",
                                        code));
  set_text (&c->guidance, g_strdup ("Căn cứ báo cáo tổng kết năm và hồ sơ minh chứng kèm theo"));
  switch (kind)
    {
    case TD_RULE_STANDARD:
      c->standard = 200;
      break;
    case TD_RULE_STANDARD_LESS_EACH:
      c->standard = 150;
      c->rate = 50;
      break;
    case TD_RULE_GRADED:
      c->standard = 150;
      add_range (c, "Từ 90% trở lên", 150, 0, 9000, -1);
      add_range (c, "Từ 70% đến dưới 90%", 100, 0, 7000, 9000);
      add_range (c, "Dưới 70%", 50, 0, -1, 7000);
      break;
    case TD_RULE_BONUS_EACH:
      c->rate = 25;
      c->bonus_cap = 100;
      break;
    case TD_RULE_DEDUCTION_EACH:
      c->rate = 50;
      set_text (&c->exemption, g_strdup ("Trừ trường hợp bất khả kháng"));
      break;
    case TD_RULE_BONUS_POINTS:
    case TD_RULE_DEDUCTION_POINTS:
      c->rate = 100;
      break;
    case TD_RULE_OPTIONS:
      td_criterion_add_option (c, "Hoàn thành tốt", 50);
      td_criterion_add_option (c, "Hoàn thành", 0);
      td_criterion_add_option (c, "Không hoàn thành", -50);
      break;
    case TD_RULE_BRACKETS:
      g_strfreev (c->size_classes);
      c->size_classes = g_new0 (gchar *, 3);
      c->size_classes[0] = g_strdup ("Dưới 1000 hồ sơ");
      c->size_classes[1] = g_strdup ("Từ 1000 hồ sơ trở lên");
      for (gint k = 0; k < 2; k++)
        {
          add_range (c, "Dưới 50%", -50, k, -1, 5000 + 1000 * k);
          add_range (c, "Đạt", 0, k, 5000 + 1000 * k, 9000);
          add_range (c, "Từ 90% trở lên", 50, k, 9000, -1);
        }
      break;
    case TD_RULE_LINEAR_BONUS:
      c->threshold = 10000;
      c->step = 500;
      c->rate = 25;
      c->bonus_cap = 100;
      break;
    case TD_RULE_LINEAR_DEDUCTION:
      c->threshold = 9000;
      c->step = 500;
      c->rate = 25;
      break;
    default:
      break;
    }
  return c;
}

/* A table of n_criteria leaves (rounded up to whole sub-headings):
 * sections I, II … of four sub-headings of ten rows each. */
static TdCriteriaTable *
make_table (gint n_criteria, gint year)
{
  TdCriteriaTable *table = td_criteria_table_new ();
  gint n_subs = (n_criteria + LEAVES_PER_SUB - 1) / LEAVES_PER_SUB;
  gint section = -1;
  TdPoints total = 0;

  g_free (table->title);
  table->title = g_strdup_printf ("Bảng tiêu chí chấm điểm thi đua năm %d", year);
  table->bonus_cap = 500;
  for (gint sub = 0; sub < n_subs; sub++)
    {
      gint s = sub / SUBS_PER_SECTION;
      g_autoptr (TdCriterion) group = td_criterion_new (TD_RULE_GROUP);
      gint sub_index;

      if (sub % SUBS_PER_SECTION == 0)
        {
          TdCriterion *head = td_criterion_new (TD_RULE_GROUP);
          gint in_section = MIN (SUBS_PER_SECTION, n_subs - sub);

          set_text (&head->code,
                    g_strdup_printf ("%s", s < (gint)G_N_ELEMENTS (roman) ? roman[s] : "X"));
          set_text (&head->title,
                    g_strdup_printf ("Phần %d: Công tác chuyên môn, nghiệp vụ", s + 1));
          head->standard = in_section * SUB_STANDARD;
          head->deduction_cap = 300;
          total += head->standard;
          section = td_criteria_table_append (table, -1, head);
        }
      set_text (&group->code, g_strdup_printf ("%d.%d", s + 1, sub % SUBS_PER_SECTION + 1));
      set_text (&group->title,
                g_strdup_printf ("Nhóm tiêu chí %d.%d", s + 1, sub % SUBS_PER_SECTION + 1));
      group->standard = SUB_STANDARD;
      if (sub % 2 == 1)
        group->bonus_cap = 150;
      sub_index = td_criteria_table_append (table, section, g_steal_pointer (&group));
      for (gint j = 0; j < LEAVES_PER_SUB; j++)
        {
          g_autofree gchar *code
              = g_strdup_printf ("%d.%d.%d", s + 1, sub % SUBS_PER_SECTION + 1, j + 1);

          td_criteria_table_append (table, sub_index, make_leaf (sub, j, code));
          /* Appending may move the sub-heading's index only when it is
           * not the last subtree; it always is here. */
        }
    }
  table->total = total;
  return table;
}

/* One entry with a plausible value for the criterion's input field. */
static void
fill_entry (TdEntry *e, const TdCriterion *c, TdBenchRandom *rnd)
{
  switch (td_rule_kind_get_input (c->kind))
    {
    case TD_INPUT_POINTS:
      {
        TdPoints max = c->kind == TD_RULE_STANDARD ? c->standard : c->rate;

        e->points = 25 * td_bench_random_below (rnd, (guint32)(max / 25 + 1));
        break;
      }
    case TD_INPUT_COUNT:
      e->count = td_bench_random_below (rnd, 4);
      break;
    case TD_INPUT_OPTION:
      e->option = (gint)td_bench_random_below (rnd, c->options->len);
      break;
    case TD_INPUT_MEASURED:
      e->has_measured = TRUE;
      e->measured = 5000 + 100 * td_bench_random_below (rnd, 71);
      e->size_class = c->size_classes[0] ? (gint)td_bench_random_below (rnd, 2) : 0;
      break;
    case TD_INPUT_FLAG:
      /* Rare: one unit in a few bloc-years is not graded. */
      e->disqualified = td_bench_random_below (rnd, 20000) == 0;
      break;
    case TD_INPUT_NONE:
      break;
    }
  if (td_rule_kind_is_deduction (c->kind) && td_bench_random_below (rnd, 50) == 0)
    e->exempt = TRUE;
  if (td_bench_random_below (rnd, 8) == 0)
    {
      g_free (e->evidence);
      e->evidence = g_strdup_printf ("Báo cáo số %u/BC-UBND", 1 + td_bench_random_below (rnd, 300));
    }
}

static gboolean
generate_scores (TdDb *db, const TdBenchShape *shape, TdBenchRandom *rnd, GArray *unit_ids,
                 TdBenchStats *stats, GError **error)
{
  for (guint i = 0; i < stats->bloc_year_ids->len; i++)
    {
      gint64 by_id = g_array_index (stats->bloc_year_ids, gint64, i);
      gint b = (gint)i / shape->n_years;
      gint year = shape->first_year + (gint)i % shape->n_years;
      g_autoptr (TdCriteriaTable) draft = make_table (shape->n_criteria, year);
      g_autoptr (TdCriteriaTable) table = NULL;
      const gint64 *members = &g_array_index (unit_ids, gint64, b * shape->n_members);

      if (!td_criteria_save_table (db, by_id, draft, FALSE, error))
        return FALSE;
      /* Reload to learn the ids the rows were given. */
      table = td_criteria_load (db, by_id, error);
      if (table == NULL)
        return FALSE;
      stats->n_criteria += table->nodes->len;

      for (gint m = 0; m < shape->n_members; m++)
        for (guint n = 0; n < table->nodes->len; n++)
          {
            const TdCriterion *c = g_ptr_array_index (table->nodes, n);
            g_autoptr (TdEntry) self = NULL;
            g_autoptr (TdEntry) assessed = NULL;

            if (td_rule_kind_get_input (c->kind) == TD_INPUT_NONE)
              continue;
            self = td_entry_new (members[m], c->id, TD_SOURCE_SELF);
            fill_entry (self, c, rnd);
            /* The assessors mostly agree; one row in six is changed. */
            if (td_bench_random_below (rnd, 6) == 0)
              {
                assessed = td_entry_new (members[m], c->id, TD_SOURCE_ASSESSED);
                fill_entry (assessed, c, rnd);
              }
            else
              {
                assessed = td_entry_copy (self);
                assessed->source = TD_SOURCE_ASSESSED;
                assessed->id = 0;
              }
            if (!td_entry_save (db, c, self, error) || !td_entry_save (db, c, assessed, error))
              return FALSE;
            stats->n_entries += 2;
          }
    }
  return TRUE;
}
#endif

#ifdef HAVE_TD_CAMPAIGN
/* The year's campaign and its two drives, four targets each, with every
 * member's result. */
static gboolean
generate_campaigns (TdDb *db, const TdBenchShape *shape, TdBenchRandom *rnd, GArray *unit_ids,
                    TdBenchStats *stats, GError **error)
{
  static const struct
  {
    TdCampaignKind kind;
    const char *name; /* followed by the year */
    guint start_month, end_month;
  } plan[] = {
    { TD_CAMPAIGN_YEARLY, "Phong trào thi đua năm", 1, 12 },
    { TD_CAMPAIGN_DRIVE1, "Đợt thi đua chào mừng Quốc khánh 2/9 năm", 6, 9 },
    { TD_CAMPAIGN_DRIVE2, "Đợt thi đua về đích cuối năm", 10, 12 },
  };

  for (guint i = 0; i < stats->bloc_year_ids->len; i++)
    {
      gint64 by_id = g_array_index (stats->bloc_year_ids, gint64, i);
      gint b = (gint)i / shape->n_years;
      gint year = shape->first_year + (gint)i % shape->n_years;
      const gint64 *members = &g_array_index (unit_ids, gint64, b * shape->n_members);

      for (guint k = 0; k < G_N_ELEMENTS (plan); k++)
        {
          g_autoptr (TdCampaign) campaign = td_campaign_new ();
          gint64 campaign_id;

          campaign->bloc_year_id = by_id;
          campaign->kind = plan[k].kind;
          campaign->name = g_strdup_printf ("%s %d", plan[k].name, year);
          campaign->theme = g_strdup ("Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ");
          g_date_set_dmy (&campaign->starts, 1, plan[k].start_month, year);
          g_date_set_dmy (&campaign->ends, plan[k].end_month == 9 ? 2 : 31, plan[k].end_month,
                          year);
          campaign_id = td_campaign_add (db, campaign, error);
          if (campaign_id == 0)
            return FALSE;
          stats->n_campaigns++;
          for (gint t = 0; t < 4; t++)
            {
              g_autoptr (TdTarget) target = td_target_new ();
              gint64 target_id;

              target->campaign_id = campaign_id;
              target->position = t;
              target->text = g_strdup_printf ("Chỉ tiêu %d: hoàn thành kế hoạch được giao", t + 1);
              target->kind = TD_TARGET_YESNO;
              target_id = td_campaign_add_target (db, target, error);
              if (target_id == 0)
                return FALSE;
              for (gint m = 0; m < shape->n_members; m++)
                if (!td_campaign_set_result (db, target_id, members[m],
                                             td_bench_random_below (rnd, 5) ? "Đạt" : "Không đạt",
                                             error))
                  return FALSE;
            }
        }
    }
  return TRUE;
}
#endif

#ifdef HAVE_TD_CALENDAR
/* The province's own days (once), and each bloc-year's reporting
 * deadlines: monthly reports by every member, the head's plans. */
static gboolean
generate_calendar (TdDb *db, const TdBenchShape *shape, TdBenchRandom *rnd, TdBenchStats *stats,
                   GError **error)
{
  for (gint e = 0; e < 40; e++)
    {
      g_autoptr (TdEvent) event = td_event_new ();

      event->name = g_strdup_printf ("Ngày truyền thống của ngành số %d", e + 1);
      event->kind = e % 3 == 0 ? TD_EVENT_LOCAL : TD_EVENT_UNIT;
      event->lunar = e % 5 == 0;
      event->day = 1 + (gint)td_bench_random_below (rnd, 28);
      event->month = 1 + (gint)td_bench_random_below (rnd, 12);
      event->year = 1945 + (gint)td_bench_random_below (rnd, 60);
      event->rule = e % 2 ? TD_ANNIVERSARY_ROUND : TD_ANNIVERSARY_EVERY;
      if (td_calendar_add_event (db, event, error) == 0)
        return FALSE;
      stats->n_events++;
    }
  for (guint i = 0; i < stats->bloc_year_ids->len; i++)
    {
      gint64 by_id = g_array_index (stats->bloc_year_ids, gint64, i);
      gint year = shape->first_year + (gint)i % shape->n_years;

      for (gint month = 1; month <= 12; month++)
        {
          g_autoptr (TdDeadline) deadline = td_deadline_new ();

          deadline->bloc_year_id = by_id;
          deadline->title = g_strdup_printf ("Báo cáo kết quả thi đua tháng %d", month);
          g_date_set_dmy (&deadline->due, 20, month, year);
          deadline->responsible = month % 3 == 0 ? TD_RESPONSIBLE_HEAD : TD_RESPONSIBLE_MEMBERS;
          if (td_calendar_add_deadline (db, deadline, error) == 0)
            return FALSE;
          stats->n_deadlines++;
        }
    }
  return TRUE;
}
#endif

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
#ifdef HAVE_TD_CRITERIA
  if (!generate_scores (db, shape, &rnd, unit_ids, stats, error))
    goto fail;
#else
  g_ptr_array_add (stats->missing,
                   g_strdup ("criteria tables and score entries (criteria branch not merged)"));
#endif
#ifdef HAVE_TD_CAMPAIGN
  if (!generate_campaigns (db, shape, &rnd, unit_ids, stats, error))
    goto fail;
#else
  g_ptr_array_add (stats->missing, g_strdup ("campaigns (no campaign API in core yet)"));
#endif
#ifdef HAVE_TD_CALENDAR
  if (!generate_calendar (db, shape, &rnd, stats, error))
    goto fail;
#else
  g_ptr_array_add (stats->missing, g_strdup ("deadlines and events (calendar branch not merged)"));
#endif
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
