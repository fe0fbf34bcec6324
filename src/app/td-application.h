/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: actions, options and settings shared by every window. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TD_TYPE_APPLICATION (td_application_get_type ())
G_DECLARE_FINAL_TYPE (TdApplication, td_application, TD, APPLICATION, AdwApplication)

TdApplication *td_application_new (GApplicationFlags flags);
GSettings *td_application_get_settings (TdApplication *self);
GSettings *td_settings_get (void);
/* What the process exits with once the window is gone: 1 when the database
 * named on the command line could not be opened, or --screenshot failed. */
void td_application_fail (void);
int td_application_get_exit_status (TdApplication *self);

G_END_DECLS
