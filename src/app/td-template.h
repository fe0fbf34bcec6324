/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A widget class's template children, callbacks and actions declared as one
 * list each.
 *
 *   td_widget_class_bind_template_children (widget_class, TdRankingPage,
 *                                           stack, empty_page, column_view);
 *
 * expands to one gtk_widget_class_bind_template_child() a name, so every
 * name is still checked against the instance struct by the compiler; the
 * list just stops each class from repeating the call once a child. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The class's template from the application's ui/ resources: @file is the
 * .ui file's name, "td-ranking-page.ui". */
#define td_widget_class_set_template(widget_class, file)                                           \
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/ThiDua/ui/" file)

/* TD_EACH (M, a, b, x1, x2, …) is M (a, b, x1) M (a, b, x2) …, for up to
 * 24 names: enough for the largest template (the window's 21 children). */
#define TD_EACH_NTH_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17,   \
                     _18, _19, _20, _21, _22, _23, _24, N, ...)                                    \
  N
#define TD_EACH_COUNT_(...)                                                                        \
  TD_EACH_NTH_ (__VA_ARGS__, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7,  \
                6, 5, 4, 3, 2, 1, 0)
#define TD_EACH_JOIN_(a, b) a##b
#define TD_EACH_GLUE_(a, b) TD_EACH_JOIN_ (a, b)
#define TD_EACH(M, a, b, ...)                                                                      \
  TD_EACH_GLUE_ (TD_EACH_, TD_EACH_COUNT_ (__VA_ARGS__)) (M, a, b, __VA_ARGS__)
#define TD_EACH_1(M, a, b, x) M (a, b, x)
#define TD_EACH_2(M, a, b, x, ...) M (a, b, x) TD_EACH_1 (M, a, b, __VA_ARGS__)
#define TD_EACH_3(M, a, b, x, ...) M (a, b, x) TD_EACH_2 (M, a, b, __VA_ARGS__)
#define TD_EACH_4(M, a, b, x, ...) M (a, b, x) TD_EACH_3 (M, a, b, __VA_ARGS__)
#define TD_EACH_5(M, a, b, x, ...) M (a, b, x) TD_EACH_4 (M, a, b, __VA_ARGS__)
#define TD_EACH_6(M, a, b, x, ...) M (a, b, x) TD_EACH_5 (M, a, b, __VA_ARGS__)
#define TD_EACH_7(M, a, b, x, ...) M (a, b, x) TD_EACH_6 (M, a, b, __VA_ARGS__)
#define TD_EACH_8(M, a, b, x, ...) M (a, b, x) TD_EACH_7 (M, a, b, __VA_ARGS__)
#define TD_EACH_9(M, a, b, x, ...) M (a, b, x) TD_EACH_8 (M, a, b, __VA_ARGS__)
#define TD_EACH_10(M, a, b, x, ...) M (a, b, x) TD_EACH_9 (M, a, b, __VA_ARGS__)
#define TD_EACH_11(M, a, b, x, ...) M (a, b, x) TD_EACH_10 (M, a, b, __VA_ARGS__)
#define TD_EACH_12(M, a, b, x, ...) M (a, b, x) TD_EACH_11 (M, a, b, __VA_ARGS__)
#define TD_EACH_13(M, a, b, x, ...) M (a, b, x) TD_EACH_12 (M, a, b, __VA_ARGS__)
#define TD_EACH_14(M, a, b, x, ...) M (a, b, x) TD_EACH_13 (M, a, b, __VA_ARGS__)
#define TD_EACH_15(M, a, b, x, ...) M (a, b, x) TD_EACH_14 (M, a, b, __VA_ARGS__)
#define TD_EACH_16(M, a, b, x, ...) M (a, b, x) TD_EACH_15 (M, a, b, __VA_ARGS__)
#define TD_EACH_17(M, a, b, x, ...) M (a, b, x) TD_EACH_16 (M, a, b, __VA_ARGS__)
#define TD_EACH_18(M, a, b, x, ...) M (a, b, x) TD_EACH_17 (M, a, b, __VA_ARGS__)
#define TD_EACH_19(M, a, b, x, ...) M (a, b, x) TD_EACH_18 (M, a, b, __VA_ARGS__)
#define TD_EACH_20(M, a, b, x, ...) M (a, b, x) TD_EACH_19 (M, a, b, __VA_ARGS__)
#define TD_EACH_21(M, a, b, x, ...) M (a, b, x) TD_EACH_20 (M, a, b, __VA_ARGS__)
#define TD_EACH_22(M, a, b, x, ...) M (a, b, x) TD_EACH_21 (M, a, b, __VA_ARGS__)
#define TD_EACH_23(M, a, b, x, ...) M (a, b, x) TD_EACH_22 (M, a, b, __VA_ARGS__)
#define TD_EACH_24(M, a, b, x, ...) M (a, b, x) TD_EACH_23 (M, a, b, __VA_ARGS__)

#define TD_BIND_CHILD_(widget_class, Type, member)                                                 \
  gtk_widget_class_bind_template_child_full (widget_class, #member, FALSE,                         \
                                             G_STRUCT_OFFSET (Type, member));
#define TD_BIND_CALLBACK_(widget_class, unused, callback)                                          \
  gtk_widget_class_bind_template_callback_full (widget_class, #callback, G_CALLBACK (callback));

/* Binds each named member of @Type to the template object of that id. */
#define td_widget_class_bind_template_children(widget_class, Type, ...)                            \
  G_STMT_START{ TD_EACH (TD_BIND_CHILD_, widget_class, Type, __VA_ARGS__) } G_STMT_END

/* Makes each named function the template's handler of that name. */
#define td_widget_class_bind_template_callbacks(widget_class, ...)                                 \
  G_STMT_START{ TD_EACH (TD_BIND_CALLBACK_, widget_class, _, __VA_ARGS__) } G_STMT_END

G_END_DECLS
