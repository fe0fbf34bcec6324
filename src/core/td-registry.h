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

gboolean td_registry_add_member (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error);
GPtrArray *td_registry_list_members (TdDb *db, gint64 bloc_year_id, GError **error);

gchar *td_date_to_iso (const GDate *date);
gboolean td_date_from_iso (const char *text, GDate *out);

G_END_DECLS
