/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Wording rules of official papers (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TD_OFFICIAL_NATION "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define TD_OFFICIAL_MOTTO "Độc lập - Tự do - Hạnh phúc"

gchar *td_official_date_line (const char *place, const GDate *date);
gchar *td_official_date (const GDate *date);

G_END_DECLS
