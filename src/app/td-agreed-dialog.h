/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The meeting's agreed points of one criterion of one unit: a dialog that
 * asks for the points and the minutes' reason (td-agreed-dialog.c). */
#pragma once

#include <adwaita.h>

#include "td-entries.h"
#include "td-points.h"

G_BEGIN_DECLS

/* @agreed FALSE: the clerk removed the agreed points. */
typedef void (*TdAgreedDone) (gboolean agreed, TdPoints points, const char *reason, gpointer data);

/* @criterion: the criterion's code and title; @unit: the unit's name;
 * @now_points: what the criterion counts in the assessed total now; @assessed:
 * the assessed entry or NULL.  @done runs on Save or Remove only; @destroy
 * frees @data with the dialog. */
GtkWidget *td_agreed_dialog_new (GtkWindow *parent, const char *criterion, const char *unit,
                                 TdPoints now_points, const TdEntry *assessed, TdAgreedDone done,
                                 gpointer data, GDestroyNotify destroy);

/* For tests: type into the fields; the problem shown under them, or NULL. */
void td_agreed_dialog_fill (GtkWidget *dialog, const char *points, const char *reason);
const char *td_agreed_dialog_get_problem (GtkWidget *dialog);

G_END_DECLS
