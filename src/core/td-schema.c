/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema as numbered steps.
 *
 * Each step runs once, in its own transaction, and the file's
 * PRAGMA user_version records the last one applied.  A released step is
 * never edited: a later change is a new step at the end of the list. */
#include "td-db.h"

static const TdMigration migrations[] = {
  { 1,
    /* Storage: key/value facts about the file, and the audit trail every
     * score change writes to. */
    "CREATE TABLE meta ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ") STRICT;"
    "CREATE TABLE audit ("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"   /* ISO 8601, local time with offset */
    "  user TEXT NOT NULL," /* OS user name */
    "  tbl TEXT NOT NULL,"
    "  row_id INTEGER NOT NULL,"
    "  field TEXT NOT NULL,"
    "  old_value TEXT,"
    "  new_value TEXT"
    ") STRICT;"
    "CREATE INDEX audit_row ON audit (tbl, row_id);" },
  { 2,
    /* Registry: units, their names through time, blocs, the bloc in each
     * year with its members and roles, campaigns and their targets.
     * Dates are ISO text (yyyy-mm-dd). */
    "CREATE TABLE unit ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL," /* current full name (mirrors the newest unit_name) */
    "  short_name TEXT NOT NULL DEFAULT '',"
    "  kind TEXT NOT NULL DEFAULT ''," /* kind or sector */
    "  parent TEXT NOT NULL DEFAULT '',"
    "  founded TEXT,"
    "  head_name TEXT NOT NULL DEFAULT '',"
    "  head_position TEXT NOT NULL DEFAULT '',"
    "  address TEXT NOT NULL DEFAULT '',"
    "  phone TEXT NOT NULL DEFAULT '',"
    "  email TEXT NOT NULL DEFAULT '',"
    "  notes TEXT NOT NULL DEFAULT '',"
    "  retired_year INTEGER," /* hidden from this year on; NULL while active */
    "  merged_into INTEGER REFERENCES unit (id)"
    ") STRICT;"
    "CREATE TABLE unit_name (" /* the name a unit bore from a date on */
    "  unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,"
    "  valid_from TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  short_name TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (unit_id, valid_from)"
    ") STRICT;"
    "CREATE TABLE bloc ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  kind TEXT NOT NULL DEFAULT 'khoi' CHECK (kind IN ('khoi', 'cum')),"
    "  authority TEXT NOT NULL DEFAULT ''," /* e.g. UBND tỉnh Bình Phước */
    "  place TEXT NOT NULL DEFAULT '',"     /* for date lines: Bình Phước */
    "  notes TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "CREATE TABLE bloc_year ("
    "  id INTEGER PRIMARY KEY,"
    "  bloc_id INTEGER NOT NULL REFERENCES bloc (id) ON DELETE CASCADE,"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),"
    "  head_unit_id INTEGER REFERENCES unit (id),"
    "  deputy_unit_id INTEGER REFERENCES unit (id),"
    "  signer_name TEXT NOT NULL DEFAULT '',"
    "  signer_position TEXT NOT NULL DEFAULT '',"  /* KHỐI TRƯỞNG */
    "  signer_authority TEXT NOT NULL DEFAULT ''," /* TM. KHỐI THI ĐUA SỐ 6 */
    "  UNIQUE (bloc_id, year)"
    ") STRICT;"
    "CREATE TABLE membership ("
    "  bloc_year_id INTEGER NOT NULL REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
    "  PRIMARY KEY (bloc_year_id, unit_id)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX membership_unit ON membership (unit_id);"
    "CREATE TABLE campaign ("
    "  id INTEGER PRIMARY KEY,"
    "  bloc_year_id INTEGER NOT NULL REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL,"
    "  kind TEXT NOT NULL DEFAULT 'yearly'"
    "    CHECK (kind IN ('yearly', 'drive1', 'drive2', 'special', 'topical')),"
    "  theme TEXT NOT NULL DEFAULT '',"
    "  slogan TEXT NOT NULL DEFAULT '',"
    "  starts TEXT NOT NULL,"
    "  ends TEXT NOT NULL,"
    "  notes TEXT NOT NULL DEFAULT '',"
    "  CHECK (ends >= starts)"
    ") STRICT;"
    "CREATE TABLE target ("
    "  id INTEGER PRIMARY KEY,"
    "  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  text TEXT NOT NULL,"
    "  kind TEXT NOT NULL DEFAULT 'yesno' CHECK (kind IN ('yesno', 'level')),"
    "  required_level TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "CREATE TABLE target_result ("
    "  target_id INTEGER NOT NULL REFERENCES target (id) ON DELETE CASCADE,"
    "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
    "  result TEXT NOT NULL DEFAULT '',"
    "  note TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (target_id, unit_id)"
    ") STRICT;" },
  { 3,
    /* Criteria and scores: one criteria table per bloc-year, its tree of
     * criteria with their rules (td-criteria.h explains the kinds and
     * parameters), the options/grades/brackets of a rule, and the score
     * entries per unit, criterion and source.  Points and measured values
     * are hundredths; NULL caps mean "no cap".  A deleted criterion keeps
     * its row (deleted = the undo token) so Undo restores it with its
     * entries. */
    "CREATE TABLE criteria_table ("
    "  id INTEGER PRIMARY KEY,"
    "  bloc_year_id INTEGER NOT NULL UNIQUE REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  title TEXT NOT NULL DEFAULT '',"
    "  total INTEGER NOT NULL DEFAULT 10000,"
    "  bonus_cap INTEGER CHECK (bonus_cap >= 0),"
    "  deduction_cap INTEGER CHECK (deduction_cap >= 0),"
    "  notes TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "CREATE TABLE criterion ("
    "  id INTEGER PRIMARY KEY,"
    "  table_id INTEGER NOT NULL REFERENCES criteria_table (id) ON DELETE CASCADE,"
    "  parent_id INTEGER REFERENCES criterion (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  code TEXT NOT NULL DEFAULT '',"
    "  title TEXT NOT NULL DEFAULT '',"
    "  guidance TEXT NOT NULL DEFAULT '',"
    "  assessor TEXT NOT NULL DEFAULT '',"
    "  exemption TEXT NOT NULL DEFAULT '',"
    "  kind TEXT NOT NULL DEFAULT 'group',"
    "  standard INTEGER NOT NULL DEFAULT 0,"
    "  rate INTEGER NOT NULL DEFAULT 0,"
    "  bonus_cap INTEGER,"
    "  deduction_cap INTEGER,"
    "  threshold INTEGER NOT NULL DEFAULT 0,"
    "  step INTEGER NOT NULL DEFAULT 0,"
    "  size_classes TEXT NOT NULL DEFAULT ''," /* names, one per line */
    "  deleted INTEGER NOT NULL DEFAULT 0"     /* 0 live, else the undo token */
    ") STRICT;"
    "CREATE INDEX criterion_table ON criterion (table_id, deleted, parent_id, position);"
    "CREATE INDEX criterion_parent ON criterion (parent_id);"
    "CREATE TABLE criterion_option ("
    "  criterion_id INTEGER NOT NULL REFERENCES criterion (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  label TEXT NOT NULL DEFAULT '',"
    "  points INTEGER NOT NULL DEFAULT 0,"
    "  size_class INTEGER NOT NULL DEFAULT 0,"
    "  low INTEGER," /* measured range [low, high); NULL = open */
    "  high INTEGER,"
    "  PRIMARY KEY (criterion_id, position)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TABLE entry ("
    "  id INTEGER PRIMARY KEY,"
    "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
    "  criterion_id INTEGER NOT NULL REFERENCES criterion (id) ON DELETE CASCADE,"
    "  source TEXT NOT NULL CHECK (source IN ('self', 'assessed')),"
    "  points INTEGER NOT NULL DEFAULT 0,"
    "  count INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),"
    "  option INTEGER NOT NULL DEFAULT -1,"
    "  measured INTEGER," /* NULL when not measured */
    "  size_class INTEGER NOT NULL DEFAULT 0,"
    "  disqualified INTEGER NOT NULL DEFAULT 0,"
    "  exempt INTEGER NOT NULL DEFAULT 0,"
    "  evidence TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL,"
    "  updated_by TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (criterion_id, unit_id, source)"
    ") STRICT;"
    "CREATE INDEX entry_unit ON entry (unit_id);"
    /* Covers the sheet's bulk load (td_entries_load_bloc_year): the rows
     * of one criterion are read in order from the index instead of one
     * table lookup per entry, a third of the load time at 16,000 entries. */
    "CREATE INDEX entry_sheet ON entry (criterion_id, unit_id, source, points, count, option,"
    "  measured, size_class, disqualified, exempt, evidence);" },
  { 4,
    /* Ranking: per bloc-year settings (grade thresholds, ordered tie-break
     * rules, proposal rules), the catalogue of titles and awards (data, as
     * they are renumbered by new decrees), the meeting's votes, the clerk's
     * overrides and proposal decisions with their reasons, and the ranking
     * as the clerk last saw it.  Points and percents are hundredths. */
    "CREATE TABLE award_catalogue ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),"
    "  level TEXT NOT NULL DEFAULT ''," /* who issues it */
    "  kind TEXT NOT NULL DEFAULT 'award' CHECK (kind IN ('title', 'award')),"
    "  position INTEGER NOT NULL DEFAULT 0"
    ") STRICT;"
    "INSERT INTO award_catalogue (name, level, kind, position) VALUES"
    "  ('Cờ thi đua của UBND tỉnh', 'UBND tỉnh', 'title', 1),"
    "  ('Bằng khen của Chủ tịch UBND tỉnh', 'Chủ tịch UBND tỉnh', 'award', 2),"
    "  ('Tập thể lao động xuất sắc', 'Chủ tịch UBND tỉnh', 'title', 3),"
    "  ('Tập thể lao động tiên tiến', 'Thủ trưởng cơ quan, đơn vị', 'title', 4),"
    "  ('Giấy khen', 'Thủ trưởng cơ quan, đơn vị', 'award', 5);"
    "CREATE TABLE ranking_settings (" /* a row means the bloc-year's settings were saved */
    "  bloc_year_id INTEGER PRIMARY KEY REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  grade_unit TEXT NOT NULL DEFAULT 'points' CHECK (grade_unit IN ('points', 'percent')),"
    "  excellent INTEGER NOT NULL DEFAULT 9000,"
    "  good INTEGER NOT NULL DEFAULT 7000,"
    "  done INTEGER NOT NULL DEFAULT 5000,"
    "  require_self_score INTEGER NOT NULL DEFAULT 0," /* no self-score: not graded */
    "  CHECK (excellent >= good AND good >= done AND done >= 0)"
    ") STRICT;"
    "CREATE TABLE tie_break_rule ("
    "  id INTEGER PRIMARY KEY,"
    "  bloc_year_id INTEGER NOT NULL REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  kind TEXT NOT NULL"
    "    CHECK (kind IN ('section', 'fewer_deduction', 'more_bonus', 'agreement', 'vote')),"
    "  section_code TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "CREATE INDEX tie_break_rule_year ON tie_break_rule (bloc_year_id, position);"
    "CREATE TABLE proposal_rule ("
    "  id INTEGER PRIMARY KEY,"
    "  bloc_year_id INTEGER NOT NULL REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  award_id INTEGER NOT NULL REFERENCES award_catalogue (id),"
    "  quota_kind TEXT NOT NULL DEFAULT 'fixed'"
    "    CHECK (quota_kind IN ('fixed', 'by_members', 'percent')),"
    "  count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 0),"
    "  members_threshold INTEGER NOT NULL DEFAULT 0 CHECK (members_threshold >= 0),"
    "  count_large INTEGER NOT NULL DEFAULT 0 CHECK (count_large >= 0),"
    "  percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 10000),"
    "  min_grade TEXT NOT NULL DEFAULT 'excellent'"
    "    CHECK (min_grade IN ('not_done', 'done', 'good', 'excellent')),"
    "  rank_from INTEGER NOT NULL DEFAULT 0 CHECK (rank_from >= 0),"
    "  rank_to INTEGER NOT NULL DEFAULT 0 CHECK (rank_to >= 0),"
    "  skip_proposed INTEGER NOT NULL DEFAULT 0"
    ") STRICT;"
    "CREATE INDEX proposal_rule_year ON proposal_rule (bloc_year_id, position);"
    "CREATE TABLE ranking_vote ("
    "  bloc_year_id INTEGER NOT NULL REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
    "  votes INTEGER NOT NULL CHECK (votes >= 0),"
    "  PRIMARY KEY (bloc_year_id, unit_id)"
    ") STRICT;"
    "CREATE TABLE ranking_override (" /* applied in id order: the order they were made */
    "  id INTEGER PRIMARY KEY,"
    "  bloc_year_id INTEGER NOT NULL REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
    "  position INTEGER NOT NULL CHECK (position >= 1),"
    "  reason TEXT NOT NULL CHECK (reason <> ''),"
    "  at TEXT NOT NULL,"
    "  user TEXT NOT NULL,"
    "  UNIQUE (bloc_year_id, unit_id)"
    ") STRICT;"
    "CREATE TABLE proposal_decision ("
    "  id INTEGER PRIMARY KEY,"
    "  rule_id INTEGER NOT NULL REFERENCES proposal_rule (id) ON DELETE CASCADE,"
    "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
    "  kind TEXT NOT NULL CHECK (kind IN ('accept', 'remove', 'add')),"
    "  reason TEXT NOT NULL DEFAULT '',"
    "  at TEXT NOT NULL,"
    "  user TEXT NOT NULL,"
    "  UNIQUE (rule_id, unit_id),"
    "  CHECK (kind = 'accept' OR reason <> '')"
    ") STRICT;"
    "CREATE TABLE ranking_seen (" /* the table as the clerk last looked at it */
    "  bloc_year_id INTEGER NOT NULL REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
    "  rank INTEGER NOT NULL," /* 0 when not ranked */
    "  final_total INTEGER NOT NULL,"
    "  seen_at TEXT NOT NULL,"
    "  PRIMARY KEY (bloc_year_id, unit_id)"
    ") STRICT;" },

  { 5,
    /* Calendar: the clerk's own and local events (solar or lunar), the
     * bloc-year's deadlines, and each member's progress on deadlines that
     * every member must meet. */
    "CREATE TABLE event ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  kind TEXT NOT NULL DEFAULT 'local' CHECK (kind IN ('national', 'local', 'unit')),"
    "  calendar TEXT NOT NULL DEFAULT 'solar' CHECK (calendar IN ('solar', 'lunar')),"
    "  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),"
    "  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
    "  leap INTEGER NOT NULL DEFAULT 0," /* lunar leap month */
    "  year INTEGER,"                    /* of the original event; NULL when none */
    "  anniversary TEXT NOT NULL DEFAULT 'every'"
    "    CHECK (anniversary IN ('every', 'round', 'leader', 'none')),"
    "  great INTEGER NOT NULL DEFAULT 0,"
    "  notes TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "CREATE TABLE deadline ("
    "  id INTEGER PRIMARY KEY,"
    "  bloc_year_id INTEGER NOT NULL REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  title TEXT NOT NULL,"
    "  due TEXT NOT NULL,"
    "  responsible TEXT NOT NULL DEFAULT 'members'"
    "    CHECK (responsible IN ('head', 'deputy', 'members', 'unit')),"
    "  unit_id INTEGER REFERENCES unit (id),"
    "  campaign_id INTEGER REFERENCES campaign (id) ON DELETE SET NULL,"
    "  done TEXT,"
    "  notes TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "CREATE INDEX deadline_bloc_year ON deadline (bloc_year_id, due);"
    "CREATE TABLE deadline_member ("
    "  deadline_id INTEGER NOT NULL REFERENCES deadline (id) ON DELETE CASCADE,"
    "  unit_id INTEGER NOT NULL REFERENCES unit (id),"
    "  done TEXT NOT NULL,"
    "  PRIMARY KEY (deadline_id, unit_id)"
    ") STRICT, WITHOUT ROWID;" },
  { 6,
    /* A campaign launched for several blocs or years (a province-wide
     * drive, a special drive across the turn of the year) belongs to its
     * own bloc-year and is shared with the others listed here. */
    "CREATE TABLE campaign_share ("
    "  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
    "  bloc_year_id INTEGER NOT NULL REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (campaign_id, bloc_year_id)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX campaign_share_year ON campaign_share (bloc_year_id);" },
  { 7,
    /* Stored ranking totals: every unit's totals of a bloc-year as the
     * ranking needs them (td-ranking-store.c writes and reads the value),
     * so ranking a year does not read every entry again.  The triggers
     * delete a bloc-year's row whenever something its totals are computed
     * from changes: its entries, its criteria and their options, its
     * criteria table, its membership.  Names and votes are not stored.
     * The WHEN clause keeps bulk writes free while nothing is stored. */
    "CREATE TABLE rank_totals ("
    "  bloc_year_id INTEGER PRIMARY KEY REFERENCES bloc_year (id) ON DELETE CASCADE,"
    "  format TEXT NOT NULL," /* the build that computed it; another one recomputes */
    "  totals BLOB NOT NULL"
    ") STRICT;"
    "CREATE TRIGGER rank_totals_entry_insert AFTER INSERT ON entry"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id IN (SELECT t.bloc_year_id FROM criterion c"
    "   JOIN criteria_table t ON t.id = c.table_id WHERE c.id = NEW.criterion_id);"
    " END;"
    "CREATE TRIGGER rank_totals_entry_update AFTER UPDATE ON entry"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id IN (SELECT t.bloc_year_id FROM criterion c"
    "   JOIN criteria_table t ON t.id = c.table_id"
    "   WHERE c.id IN (OLD.criterion_id, NEW.criterion_id));"
    " END;"
    "CREATE TRIGGER rank_totals_entry_delete AFTER DELETE ON entry"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id IN (SELECT t.bloc_year_id FROM criterion c"
    "   JOIN criteria_table t ON t.id = c.table_id WHERE c.id = OLD.criterion_id);"
    " END;"
    "CREATE TRIGGER rank_totals_criterion_insert AFTER INSERT ON criterion"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id IN"
    "   (SELECT bloc_year_id FROM criteria_table WHERE id = NEW.table_id);"
    " END;"
    "CREATE TRIGGER rank_totals_criterion_update AFTER UPDATE ON criterion"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id IN"
    "   (SELECT bloc_year_id FROM criteria_table WHERE id IN (OLD.table_id, NEW.table_id));"
    " END;"
    "CREATE TRIGGER rank_totals_criterion_delete AFTER DELETE ON criterion"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id IN"
    "   (SELECT bloc_year_id FROM criteria_table WHERE id = OLD.table_id);"
    " END;"
    "CREATE TRIGGER rank_totals_option_insert AFTER INSERT ON criterion_option"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id IN (SELECT t.bloc_year_id FROM criterion c"
    "   JOIN criteria_table t ON t.id = c.table_id WHERE c.id = NEW.criterion_id);"
    " END;"
    "CREATE TRIGGER rank_totals_option_update AFTER UPDATE ON criterion_option"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id IN (SELECT t.bloc_year_id FROM criterion c"
    "   JOIN criteria_table t ON t.id = c.table_id"
    "   WHERE c.id IN (OLD.criterion_id, NEW.criterion_id));"
    " END;"
    "CREATE TRIGGER rank_totals_option_delete AFTER DELETE ON criterion_option"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id IN (SELECT t.bloc_year_id FROM criterion c"
    "   JOIN criteria_table t ON t.id = c.table_id WHERE c.id = OLD.criterion_id);"
    " END;"
    "CREATE TRIGGER rank_totals_table_insert AFTER INSERT ON criteria_table"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id = NEW.bloc_year_id;"
    " END;"
    "CREATE TRIGGER rank_totals_table_update AFTER UPDATE ON criteria_table"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id IN (OLD.bloc_year_id, NEW.bloc_year_id);"
    " END;"
    "CREATE TRIGGER rank_totals_table_delete AFTER DELETE ON criteria_table"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id = OLD.bloc_year_id;"
    " END;"
    /* The totals of a unit do not depend on its membership (former
     * members with scores are kept), but which units the sheet holds
     * does: the row goes with any change of members. */
    "CREATE TRIGGER rank_totals_member_insert AFTER INSERT ON membership"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id = NEW.bloc_year_id;"
    " END;"
    "CREATE TRIGGER rank_totals_member_update AFTER UPDATE ON membership"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id IN (OLD.bloc_year_id, NEW.bloc_year_id);"
    " END;"
    "CREATE TRIGGER rank_totals_member_delete AFTER DELETE ON membership"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id = OLD.bloc_year_id;"
    " END;"
    /* Also when foreign keys are off (a tool working on the file). */
    "CREATE TRIGGER rank_totals_bloc_year_delete AFTER DELETE ON bloc_year"
    " WHEN EXISTS (SELECT 1 FROM rank_totals) BEGIN"
    "  DELETE FROM rank_totals WHERE bloc_year_id = OLD.id;"
    " END;" },
  { 8,
    /* Real tables pasted from Word (td-criteria.h, "Shapes of real
     * tables"): a standard row may also give a bonus up to bonus_max,
     * entered in entry.bonus; size classes of bracket rules carry their
     * ranges of files per year, one line "low;high" per class (hundredths,
     * empty for an open end); a bloc's rules may count an empty standard
     * row as fully met; and the meeting's agreed points of a criterion
     * with the reason (assessed entries only). */
    "ALTER TABLE criterion ADD COLUMN bonus_max INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE criterion ADD COLUMN size_ranges TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE criteria_table ADD COLUMN full_by_default INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE entry ADD COLUMN bonus INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE entry ADD COLUMN agreed INTEGER;" /* NULL when the meeting agreed nothing */
    "ALTER TABLE entry ADD COLUMN agreed_reason TEXT NOT NULL DEFAULT '';"
    /* The sheet's bulk load reads the new columns from the index too. */
    "DROP INDEX entry_sheet;"
    "CREATE INDEX entry_sheet ON entry (criterion_id, unit_id, source, points, count, option,"
    "  measured, size_class, disqualified, exempt, bonus, agreed, agreed_reason, evidence);" },
};

const TdMigration *
td_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

gint
td_schema_get_current_version (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}
