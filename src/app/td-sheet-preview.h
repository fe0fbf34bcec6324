/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The print preview window of official sheets, with Print… and Export. */
#pragma once

#include <adwaita.h>

#include "td-sheet.h"

G_BEGIN_DECLS

#define TD_TYPE_SHEET_PREVIEW (td_sheet_preview_get_type ())
G_DECLARE_FINAL_TYPE (TdSheetPreview, td_sheet_preview, TD, SHEET_PREVIEW, AdwWindow)

/* @sheets: TdSheet, shown one after the other; @parent may be NULL. */
TdSheetPreview *td_sheet_preview_new (GtkWindow *parent, GPtrArray *sheets);
/* Shortcut for pages: build the preview and present it. */
void td_sheet_preview_show (GtkWidget *from, GPtrArray *sheets);

guint td_sheet_preview_get_n_pages (TdSheetPreview *self);
double td_sheet_preview_get_zoom (TdSheetPreview *self);
GPtrArray *td_sheet_preview_get_sheets (TdSheetPreview *self);

G_END_DECLS
