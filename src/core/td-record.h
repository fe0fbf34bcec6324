/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copying and freeing the plain records of core (a unit, a campaign, an
 * event…): flat structs whose owned parts are text fields.  A record type
 * names its text fields once, by offset, ending with TD_RECORD_END:
 *
 *   static const gsize unit_texts[]
 *       = { G_STRUCT_OFFSET (TdUnit, name), …, TD_RECORD_END };
 *
 * and its _copy and _free are a call here instead of a line per field. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TD_RECORD_END G_MAXSIZE

/* Duplicates, in place, the text fields of a record just copied byte for
 * byte (after *copy = *original). */
void td_record_dup_texts (gpointer record, const gsize *texts);
/* Frees the text fields and sets them to NULL. */
void td_record_clear_texts (gpointer record, const gsize *texts);
/* A copy of the @size bytes of @record with its own text fields. */
gpointer td_record_copy (gconstpointer record, gsize size, const gsize *texts);
/* Frees the text fields and the record; NULL is ignored. */
void td_record_free (gpointer record, const gsize *texts);

/* A record type's _new (all zero), and its _free and _copy over its list
 * of text fields, one line each instead of a function each:
 *
 *   TD_RECORD_DEFINE_NEW (TdBloc, td_bloc_new);
 *   TD_RECORD_DEFINE_FREE (TdBloc, td_bloc_free, bloc_texts);
 *   TD_RECORD_DEFINE_COPY (TdEvent, td_event_copy, event_texts);
 *
 * (static before either makes the function private to its file). */
#define TD_RECORD_DEFINE_NEW(Type, new_func)                                                       \
  Type *new_func (void)                                                                            \
  {                                                                                                \
    return g_new0 (Type, 1);                                                                       \
  }                                                                                                \
  Type *new_func (void)
#define TD_RECORD_DEFINE_FREE(Type, free_func, texts)                                              \
  void free_func (Type *record)                                                                    \
  {                                                                                                \
    td_record_free (record, (texts));                                                              \
  }                                                                                                \
  void free_func (Type *record)
#define TD_RECORD_DEFINE_COPY(Type, copy_func, texts)                                              \
  Type *copy_func (const Type *record)                                                             \
  {                                                                                                \
    return td_record_copy (record, sizeof *record, (texts));                                       \
  }                                                                                                \
  Type *copy_func (const Type *record)

/* An owned part of a record that is not text (an array, a table, a child
 * record): where it is and what frees it.  A list of parts ends with an
 * offset of TD_RECORD_END. */
typedef struct
{
  gsize offset;
  GDestroyNotify free;
} TdRecordPart;

/* One part of a list: the field of @Type and the function that frees it. */
#define TD_RECORD_PART(Type, field, free_func)                                                     \
  {                                                                                                \
    G_STRUCT_OFFSET (Type, field), (GDestroyNotify)(free_func)                                     \
  }
#define TD_RECORD_PARTS_END                                                                        \
  {                                                                                                \
    TD_RECORD_END, NULL                                                                            \
  }

/* Frees each part that is not NULL and the text fields (@texts may be
 * NULL when there are none), and sets them to NULL: the record itself
 * stays (an element of a GArray, a struct on the stack). */
void td_record_clear_full (gpointer record, const gsize *texts, const TdRecordPart *parts);
/* td_record_clear_full, then the record; NULL is ignored. */
void td_record_free_full (gpointer record, const gsize *texts, const TdRecordPart *parts);

/* A record type's _free over its text fields (or NULL) and its parts, one
 * line instead of a function:
 *
 *   TD_RECORD_DEFINE_FREE_FULL (TdRanking, td_ranking_free, NULL, ranking_parts); */
#define TD_RECORD_DEFINE_FREE_FULL(Type, free_func, texts, parts)                                  \
  void free_func (Type *record)                                                                    \
  {                                                                                                \
    td_record_free_full (record, (texts), (parts));                                                \
  }                                                                                                \
  void free_func (Type *record)

G_END_DECLS
