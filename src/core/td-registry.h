/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The registry: units, blocs, bloc-years and their members. */
#pragma once

#include "td-db.h"

G_BEGIN_DECLS

typedef enum
{
  TD_ROLE_MEMBER,
  TD_ROLE_HEAD,   /* Khối trưởng / Trưởng cụm */
  TD_ROLE_DEPUTY, /* Khối phó / Phó cụm */
} TdRole;

typedef enum
{
  TD_BLOC_KHOI, /* Khối thi đua */
  TD_BLOC_CUM,  /* Cụm thi đua */
} TdBlocKind;

typedef struct
{
  gint64 id;
  gchar *name;
  gchar *short_name;
  gchar *kind;
  gchar *parent;
  GDate founded; /* invalid when unknown */
  gchar *head_name;
  gchar *head_position;
  gchar *address;
  gchar *phone;
  gchar *email;
  gchar *notes;
  gint retired_year; /* 0 while active */
  gint64 merged_into;
} TdUnit;

typedef struct
{
  gint64 id;
  gchar *name;
  TdBlocKind kind;
  gchar *authority;
  gchar *place;
  gchar *notes;
} TdBloc;

typedef struct
{
  gint64 id;
  gint64 bloc_id;
  gint year;
  gint64 head_unit_id;
  gint64 deputy_unit_id;
  gchar *signer_name;
  gchar *signer_position;
  gchar *signer_authority;
} TdBlocYear;

/* A member of a bloc-year, with the name the unit bore that year. */
typedef struct
{
  gint64 unit_id;
  gchar *name;
  gchar *short_name;
  gchar *kind;
  TdRole role;
  gboolean retired;
} TdMember;

TdUnit *td_unit_new (void);
void td_unit_free (TdUnit *unit);
TdBloc *td_bloc_new (void);
void td_bloc_free (TdBloc *bloc);
TdBlocYear *td_bloc_year_new (void);
void td_bloc_year_free (TdBlocYear *bloc_year);
void td_member_free (TdMember *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdUnit, td_unit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdBloc, td_bloc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdBlocYear, td_bloc_year_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdMember, td_member_free)

gint64 td_registry_add_unit (TdDb *db, const TdUnit *unit, GError **error);
TdUnit *td_registry_get_unit (TdDb *db, gint64 unit_id, GError **error);
gchar *td_registry_unit_name_in_year (TdDb *db, gint64 unit_id, gint year);

gint64 td_registry_add_bloc (TdDb *db, const TdBloc *bloc, GError **error);
TdBloc *td_registry_get_bloc (TdDb *db, gint64 bloc_id, GError **error);
GPtrArray *td_registry_list_blocs (TdDb *db, GError **error);

gint64 td_registry_add_bloc_year (TdDb *db, const TdBlocYear *bloc_year, GError **error);
TdBlocYear *td_registry_get_bloc_year (TdDb *db, gint64 bloc_year_id, GError **error);
gint64 td_registry_find_bloc_year (TdDb *db, gint64 bloc_id, gint year, GError **error);
GArray *td_registry_list_years (TdDb *db, gint64 bloc_id, GError **error);
GArray *td_registry_list_all_bloc_years (TdDb *db, GError **error);

gboolean td_registry_add_member (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error);
GPtrArray *td_registry_list_members (TdDb *db, gint64 bloc_year_id, GError **error);

/* Counts for the overview; @bloc_year_id may be 0. */
typedef struct
{
  gint n_units; /* active units */
  gint n_blocs;
  gint n_years;     /* bloc-years of every bloc */
  gint n_members;   /* of @bloc_year_id */
  gint n_campaigns; /* of @bloc_year_id */
} TdRegistrySummary;

/* Units */
gboolean td_registry_update_unit (TdDb *db, const TdUnit *unit, GError **error);
GPtrArray *td_registry_list_units (TdDb *db, gboolean include_retired, GError **error);
gboolean td_registry_check_unit_name (TdDb *db, gint64 bloc_year_id, gint64 unit_id,
                                      const char *name, GError **error);
gint64 td_registry_add_unit_to_bloc_year (TdDb *db, gint64 bloc_year_id, const TdUnit *unit,
                                          GError **error);
gboolean td_registry_rename_unit (TdDb *db, gint64 unit_id, const GDate *from, const char *name,
                                  const char *short_name, GError **error);
gint64 td_registry_merge_units (TdDb *db, const gint64 *unit_ids, guint n_units,
                                const TdUnit *successor, const GDate *on, GError **error);
gboolean td_registry_retire_unit (TdDb *db, gint64 unit_id, gint from_year, GError **error);
gboolean td_registry_unretire_unit (TdDb *db, gint64 unit_id, GError **error);
gint td_registry_count_scores (TdDb *db, gint64 unit_id, gint64 bloc_year_id);
gboolean td_registry_delete_unit (TdDb *db, gint64 unit_id, GError **error);

/* Deleting with Undo: what a deleted unit was (record, names, memberships,
 * roles, campaign results), enough to put it back as it was. */
typedef struct _TdUnitSnapshot TdUnitSnapshot;
TdUnitSnapshot *td_registry_delete_unit_with_undo (TdDb *db, gint64 unit_id, GError **error);
gboolean td_registry_restore_unit (TdDb *db, const TdUnitSnapshot *snapshot, GError **error);
void td_unit_snapshot_free (TdUnitSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdUnitSnapshot, td_unit_snapshot_free)

/* Blocs and years */
gboolean td_registry_update_bloc (TdDb *db, const TdBloc *bloc, GError **error);
gboolean td_registry_update_bloc_year (TdDb *db, const TdBlocYear *bloc_year, GError **error);
gboolean td_registry_check_roles (TdDb *db, gint64 bloc_year_id, gint64 head_unit_id,
                                  gint64 deputy_unit_id, GError **error);
gboolean td_registry_set_roles (TdDb *db, gint64 bloc_year_id, gint64 head_unit_id,
                                gint64 deputy_unit_id, GError **error);
gboolean td_registry_remove_member (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error);
gboolean td_registry_is_member (TdDb *db, gint64 bloc_year_id, gint64 unit_id);
gint64 td_registry_newest_bloc_year (TdDb *db, gint64 bloc_id);
gchar *td_registry_dup_bloc_year_label (TdDb *db, gint64 bloc_year_id);
void td_registry_get_summary (TdDb *db, gint64 bloc_year_id, TdRegistrySummary *out);

/* Starting a new year.  Each hook runs inside the transaction that creates
 * the year, after members, roles and signatory are copied; a hook that
 * fails undoes the whole new year.  Criteria and ranking settings register
 * their copy step here (once, e.g. from their module's init). */
typedef gboolean (*TdNewYearHook) (TdDb *db, gint64 from_bloc_year_id, gint64 to_bloc_year_id,
                                   gpointer user_data, GError **error);
void td_registry_add_new_year_hook (TdNewYearHook hook, gpointer user_data);
void td_registry_remove_new_year_hook (TdNewYearHook hook, gpointer user_data);
gint64 td_registry_start_new_year (TdDb *db, gint64 bloc_id, gint year, GError **error);

const char *td_role_label (TdRole role);

gchar *td_date_to_display (const GDate *date);
gboolean td_date_from_display (const char *text, GDate *out);

gchar *td_date_to_iso (const GDate *date);
gboolean td_date_from_iso (const char *text, GDate *out);

G_END_DECLS
