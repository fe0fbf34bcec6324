/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the words and figures of a pasted criteria table (see
 * td-paste-text.h).  The phrases are regular expressions over folded text,
 * compiled once; each function answers one question about a row's text. */
#include "config.h"

#include "td-paste-private.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A number as clerks write it: "1.000" and "10.000,5" with thousands, or
 * "0,5", "0.25", "05". */
#define NUM "(\\d+(?:\\.\\d{3})+(?![\\d.])(?:,\\d+)?|\\d+(?:[.,]\\d+)?)"
/* "điểm", "đ"; not a clause of a text ("mục 2 điểm b", "điểm a khoản 1"). */
#define POINTS_WORD "(?:diem(?!\\s+[a-wyz](?![a-z0-9]))|d)(?![a-z])"

enum
{
  RE_DEDUCTION,
  RE_BONUS,
  RE_LEADING_BONUS,
  RE_STANDARD,
  RE_POINTS_CLOSING,
  RE_POINTS_BARE,
  RE_POINTS_PAREN,
  RE_CAP,
  RE_EACH,
  RE_LINEAR,
  RE_THRESHOLD,
  RE_OPTION_GROUP,
  RE_DISQUALIFY,
  RE_EXEMPTION,
  RE_GUIDANCE,
  RE_NOTE_KIND,
  RE_NAMED_CODE,
  RE_LEVEL,
  RE_FIGURE_AFTER,
  RE_FIGURE_BEFORE,
  RE_DATE,
  N_RE
};

static const char *const patterns[N_RE] = {
  /* "trừ 0,5 điểm", "trừ đi 1 điểm", "bị trừ 1đ" */
  [RE_DEDUCTION]
  = "(?<![a-z])(?:tru|giam)(?:\\s+(?:di|them|den|toi\\s+da|khong\\s+qua))?\\s*:?\\s*" NUM
    "(?!\\s*%)",
  /* "cộng 0,5 điểm", "được thưởng 1 điểm", "đề nghị cộng tối đa 3 điểm" */
  [RE_BONUS] = "(?<![a-z])(?:cong|thuong)(?:\\s+(?:them|den|toi\\s+da|khong\\s+qua))?\\s*:?\\s*" NUM
               "(?!\\s*%)",
  /* "+ 0,1 điểm cho mỗi …" at the start of the text */
  [RE_LEADING_BONUS] = "^\\s*\\+\\s*" NUM "\\s*" POINTS_WORD,
  [RE_STANDARD] = "diem\\s+chuan\\s*(?:la|:)?\\s*" NUM,
  /* "…: 5 điểm", "… (5 điểm)", "… – 10đ", "… (tối đa 15 điểm)" closing the text */
  [RE_POINTS_CLOSING]
  = "(?:^|[:,;(-]|\\s)\\s*(?:toi\\s+da\\s*(?:la\\s*)?)?" NUM "\\s*" POINTS_WORD "\\s*[).;]?\\s*$",
  /* "(10 điểm)", "(tối đa 10 điểm)", "(Điểm tối đa: 10)", "(điểm: 10)" anywhere:
   * "Cải cách hành chính (10 điểm), trong đó:" */
  [RE_POINTS_PAREN] = "\\(\\s*(?:(?:toi\\s+da\\s*(?:la\\s*)?:?\\s*)?" NUM "\\s*" POINTS_WORD
                      "|(?:diem(?:\\s+toi\\s+da|\\s+chuan)?|toi\\s+da)\\s*:?\\s*(?:la\\s*)?" NUM
                      "(?:\\s*" POINTS_WORD ")?)\\s*\\)",
  /* "…: 5,0" closing the text, where a table has no points column */
  [RE_POINTS_BARE] = ":\\s*" NUM "\\s*[.;]?\\s*$",
  /* "tối đa 1 điểm", "không quá 1,5", "tối đa trừ 2 điểm", "điểm cộng tối đa là 1" */
  [RE_CAP] = "(?:toi\\s+da|khong\\s+(?:vuot\\s+)?qua|nhieu\\s+nhat)\\s*(?:la\\s*)?"
             "(?:(cong|tru|thuong)\\s*)?(?:den\\s*)?" NUM
             "(?!\\s*(?:%|lan|ngay|thang|nam|ho\\s+so|van\\s+ban|truong\\s+hop|nguoi|don\\s+vi|"
             "xa|bao\\s+cao|gio|phut|dot|cuoc|vu|\\d|[.,]\\d))",
  [RE_EACH] = "(?<![a-z])(?:moi|cho\\s+moi|tung)\\s+[a-z0-9]|(?<![a-z])cu\\s+(?:moi\\s|\\d|mot\\s)"
              "|\\d\\s*(?:" POINTS_WORD ")?\\s*/\\s*[a-z]"
              "|/\\s*(?:lan|truong\\s+hop|van\\s+ban|ho\\s+so|bao\\s+cao|sang\\s+kien)"
              /* "vắng mặt 01 lần trừ 2 điểm": per one case */
              "|(?<![\\d.,])0?1\\s+(?:lan|truong\\s+hop|van\\s+ban|ho\\s+so|bao\\s+cao|ngay|vu|"
              "nguoi|cuoc|dot)\\s+(?:[a-z]+\\s+){0,3}?(?:tru|cong|thuong)(?![a-z])",
  /* "cứ mỗi 1% cộng 0,1 điểm", "mỗi 5% thấp hơn trừ 0,5 điểm" */
  [RE_LINEAR] = "(?:cu\\s+)?moi\\s+" NUM "\\s*%[a-z ,]{0,30}?(cong|tru|thuong)\\s*" NUM,
  [RE_THRESHOLD] = "(tren|vuot|lon\\s+hon|cao\\s+hon|duoi|thap\\s+hon|nho\\s+hon|chua\\s+dat)\\s*"
                   "(?:muc\\s+)?" NUM "\\s*%",
  [RE_OPTION_GROUP] = "(?<![a-z0-9])(?:0?1|mot)\\s+trong\\s+(?:0?\\d|hai|ba|bon|cac|so|nhung)"
                      "(?![a-z0-9])|chi\\s+(?:tinh|cong|tru|ap\\s+dung|cham|chon)\\s+(?:0?1|mot)"
                      "(?![a-z0-9])",
  [RE_DISQUALIFY] = "khong\\s+(?:duoc\\s+)?(?:xep\\s+loai|xet\\s+(?:thi\\s+dua|khen\\s+thuong|"
                    "danh\\s+hieu|xep\\s+loai))",
  [RE_EXEMPTION]
  = "khong\\s+(?:bi\\s+)?tru\\s+diem|mien\\s+tru|khong\\s+(?:tinh|ap\\s+dung)\\s+"
    "(?:viec\\s+)?(?:diem\\s+)?tru|khong\\s+bi\\s+tru|(?<![a-z])tru\\s+(?:truong\\s+hop|khi)"
    "|ngoai\\s+tru",
  [RE_GUIDANCE] = "^[(\\[-]?\\s*(?:can\\s+cu|tai\\s+lieu|minh\\s+chung|huong\\s+dan|cach\\s+cham|"
                  "phuong\\s+phap|nguon\\s+(?:so\\s+lieu|du\\s+lieu)|ho\\s+so\\s+kiem\\s+chung|"
                  "ghi\\s+chu|luu\\s+y|chu\\s+y)",
  /* "điểm trừ", "điểm cộng", "điểm cộng, trừ" in a note */
  [RE_NOTE_KIND] = "(?:diem|so\\s+diem)\\s+(cong|thuong|tru)(?:\\s*(?:,|va|/|hoac)\\s*(tru|cong))?",
  [RE_NAMED_CODE] = "(?<![a-z])(?:muc|tieu\\s+chi|tieu\\s+chuan|phan|noi\\s+dung|khoan|"
                    "chi\\s+tieu|nhom)\\s+([a-z0-9][a-z0-9.]*)",
  [RE_LEVEL] = "\\d\\s*%|hoan\\s+thanh|xep\\s+loai|(?<![a-z])muc\\s+(?:do|dat)|(?<![a-z])loai\\s|"
               "xuat\\s+sac|(?<![a-z])tot(?![a-z])|(?<![a-z])kha(?![a-z])|trung\\s+binh|"
               "(?<![a-z])yeu(?![a-z])|(?<![a-z])dat(?![a-z])|(?<![a-z])vuot(?![a-z])"
               /* ranks: "Xếp hạng từ thứ 1 đến thứ 5", "Xếp trong nhóm 3 đơn vị dẫn
                * đầu", "Xếp từ thứ 8 trở xuống", "hạng 1" */
               "|xep\\s+(?:hang|thu|trong|tu|vao)(?![a-z])|(?<![a-z])(?:tu|den)\\s+thu\\s+\\d"
               "|(?<![a-z])thu\\s+\\d+\\s+tro\\s|dan\\s+dau"
               "|(?<![a-z])hang\\s+(?:\\d|nhat|nhi|ba)",
  /* a figure of points: "0,5 điểm", "1đ" … */
  [RE_FIGURE_AFTER] = NUM "\\s*" POINTS_WORD,
  /* … or after a verb: "trừ 0,5", "cộng 1" */
  [RE_FIGURE_BEFORE]
  = "(?<![a-z])(?:cong|tru|thuong)(?:\\s+(?:di|them|den|toi\\s+da|khong\\s+qua))?\\s*:?"
    "\\s*" NUM "(?!\\s*%)",
  [RE_DATE] = "\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?",
};

static GRegex *
re (guint which)
{
  static GRegex *compiled[N_RE];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (guint i = 0; i < N_RE; i++)
        {
          g_autoptr (GError) error = NULL;

          compiled[i] = g_regex_new (patterns[i], G_REGEX_OPTIMIZE, 0, &error);
          if (compiled[i] == NULL)
            g_error ("paste pattern %u: %s", i, error->message);
        }
      g_once_init_leave (&ready, 1);
    }
  return compiled[which];
}

/* Words whose diacritics alone tell them from a word of a rule: "mới"
 * (new) is not "mỗi" (each), "công" (work) not "cộng" (plus), "thương"
 * (trade) not "thưởng" (bonus), "nội trú", "trụ sở", "lưu trữ" not
 * "trừ", "giám sát" not "giảm", "đất" not "đạt", "hàng năm" not "hạng".
 * Folding would make them the same; they are marked instead ("moi_"),
 * so "nông thôn mới nâng cao ⇥ ⇥ 3" is no "3 each".  Text typed without
 * diacritics stays as typed. */
static const char *const not_rule_words[]
    = { "mới", "công", "thương", "trú", "trụ", "trữ", "giám", "đất", "hàng" };

static gboolean
is_not_rule_word (const char *word, gsize len)
{
  g_autofree gchar *lower = NULL;

  /* Every one is short and starts with one of these letters. */
  if (len > 8 || strchr ("mMcCtTgGhH\xc4", word[0]) == NULL)
    return FALSE;
  lower = g_utf8_strdown (word, (gssize)len);
  for (guint i = 0; i < G_N_ELEMENTS (not_rule_words); i++)
    if (g_str_equal (lower, not_rule_words[i]))
      return TRUE;
  return FALSE;
}

static gchar *
mark_not_rule_words (const char *text)
{
  g_autofree gchar *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GString *out;
  const char *p;

  if (nfc == NULL)
    return g_strdup (text);
  out = g_string_sized_new (strlen (nfc) + 8);
  for (p = nfc; *p;)
    {
      const char *start = p;

      while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          g_string_append_len (out, start, p - start);
          if (is_not_rule_word (start, (gsize)(p - start)))
            g_string_append_c (out, '_');
          continue;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

gchar *
td_paste_fold (const char *text)
{
  g_autofree gchar *marked = mark_not_rule_words (text ? text : "");
  g_autofree gchar *folded = td_text_fold (marked);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2212 || c == 0x2013 || c == 0x2014 || c == 0x2010 || c == 0x2011)
        g_string_append_c (out, '-');
      else if (c == 0x00A0 || c == 0x202F || c == 0x2009)
        g_string_append_c (out, ' ');
      else if (c == 0x201C || c == 0x201D)
        g_string_append_c (out, '"');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Numbers */

gboolean
td_paste_read_number (const char *p, TdPoints *value, const char **end)
{
  gint64 whole = 0, fraction = 0;
  gint digits = 0, decimals = 0;
  const char *q = p;

  if (!g_ascii_isdigit (*q))
    return FALSE;
  while (g_ascii_isdigit (*q))
    {
      if (++digits > 12)
        return FALSE;
      whole = whole * 10 + (*q++ - '0');
    }
  /* Thousands: a dot followed by exactly three digits, again and again. */
  while (*q == '.' && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]) && g_ascii_isdigit (q[3])
         && !g_ascii_isdigit (q[4]) && !(q[4] == '.' && !g_ascii_isdigit (q[5])))
    {
      if ((digits += 3) > 12)
        return FALSE;
      whole = whole * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
      q += 4;
    }
  if ((*q == ',' || *q == '.') && g_ascii_isdigit (q[1]))
    {
      q++;
      while (g_ascii_isdigit (*q))
        {
          if (++decimals > 2)
            return FALSE; /* points have hundredths at most */
          fraction = fraction * 10 + (*q++ - '0');
        }
      if (decimals == 1)
        fraction *= 10;
    }
  if (whole * 100 + fraction > TD_POINTS_MAX)
    return FALSE;
  *value = whole * 100 + fraction;
  if (end)
    *end = q;
  return TRUE;
}

/* The number in a regex match group. */
static gboolean
group_number (const GMatchInfo *info, gint group, TdPoints *out)
{
  g_autofree gchar *text = g_match_info_fetch (info, group);

  return text != NULL && *text != '\0' && td_paste_read_number (text, out, NULL);
}

static gboolean
first_number_of (guint which, gint group, const char *folded, TdPoints *out, gint *start)
{
  g_autoptr (GMatchInfo) info = NULL;

  if (!g_regex_match (re (which), folded, 0, &info))
    return FALSE;
  do
    {
      if (group_number (info, group, out))
        {
          if (start)
            g_match_info_fetch_pos (info, 0, start, NULL);
          return TRUE;
        }
    }
  while (g_match_info_next (info, NULL));
  return FALSE;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

gboolean
td_paste_read_cell (const char *text, TdPasteCell *out, GError **error)
{
  g_autofree gchar *folded = td_paste_fold (text);
  const char *p = skip_spaces (folded);
  const char *end;

  memset (out, 0, sizeof *out);
  if (*p == '\0' || g_strcmp0 (p, "-") == 0 || g_strcmp0 (p, "+") == 0)
    return TRUE;
  out->disqualify = td_paste_text_says (folded, TD_PASTE_SAYS_DISQUALIFIES);
  out->each = td_paste_text_each (folded);
  if (out->disqualify)
    return TRUE;

  /* "tối đa 1", "không quá 2 điểm", "trừ 0,5đ/lần", "cộng 1", "từ 0 đến 20" */
  for (gboolean more = TRUE; more;)
    {
      more = FALSE;
      if (g_str_has_prefix (p, "tu ") && g_ascii_isdigit (*skip_spaces (p + 3)))
        {
          p = skip_spaces (p + 3);
          more = TRUE;
        }
      else if (g_str_has_prefix (p, "toi da") || g_str_has_prefix (p, "khong qua"))
        {
          p = skip_spaces (p + (p[0] == 't' ? 6 : 9));
          out->has_cap = more = TRUE;
        }
      else if ((g_str_has_prefix (p, "tru") || g_str_has_prefix (p, "giam"))
               && !g_ascii_isalpha (p[p[0] == 't' ? 3 : 4]))
        {
          p = skip_spaces (p + (p[0] == 't' ? 3 : 4));
          out->sign = -1;
          more = TRUE;
        }
      else if ((g_str_has_prefix (p, "cong") || g_str_has_prefix (p, "thuong"))
               && !g_ascii_isalpha (p[p[0] == 'c' ? 4 : 6]))
        {
          p = skip_spaces (p + (p[0] == 'c' ? 4 : 6));
          out->sign = 1;
          more = TRUE;
        }
    }
  if (*p == '-' || *p == '+')
    {
      out->sign = *p == '-' ? -1 : 1;
      p = skip_spaces (p + 1);
    }
  if (*p == '(' && (p[1] == '+' || p[1] == '-') && p[2] == ')')
    {
      out->sign = p[1] == '-' ? -1 : 1;
      p = skip_spaces (p + 3);
    }
  if (!td_paste_read_number (p, &out->value, &end))
    goto refuse;
  p = skip_spaces (end);
  /* "0 - 3", "0÷5", "từ 0 đến 20": a range in a standard column, the top
   * counts. */
  if (*p == '-' || g_str_has_prefix (p, "÷") || g_str_has_prefix (p, "den "))
    {
      TdPoints top;
      const char *q = skip_spaces (p + (*p == '-' ? 1 : *p == 'd' ? 4 : strlen ("÷")));

      if (td_paste_read_number (q, &top, &end) && top >= out->value)
        {
          out->value = top;
          p = skip_spaces (end);
        }
    }
  if (g_str_has_prefix (p, "diem"))
    p = skip_spaces (p + 4);
  else if (*p == 'd' && !g_ascii_isalpha (p[1]))
    p = skip_spaces (p + 1);
  /* "1/lần", "0,5 điểm/văn bản", "1 điểm mỗi lần"; a figure after them
   * ("cộng 2 điểm/sáng kiến, tối đa 4 điểm") makes the cell a rule in
   * words, not a figure. */
  if (*p == '/' || g_str_has_prefix (p, "moi ") || g_str_has_prefix (p, "cho moi "))
    {
      const char *cap = strstr (p, "toi da");
      const char *more = cap ? cap : strstr (p, "khong qua");

      out->each = TRUE;
      if (more != NULL)
        {
          /* "-0,5/lần, tối đa 1,5": the most of all cases, in the cell */
          more = skip_spaces (more + (*more == 't' ? 6 : 9));
          if (g_str_has_prefix (more, "tru ") || g_str_has_prefix (more, "cong "))
            more = skip_spaces (more + 4);
          if (!td_paste_read_number (more, &out->cap, &end))
            goto refuse;
          out->has_cap = out->cap_apart = TRUE;
          if (strpbrk (p, "0123456789") < more)
            goto refuse;
          p = skip_spaces (end);
          if (g_str_has_prefix (p, "diem"))
            p = skip_spaces (p + 4);
          else if (*p == 'd' && !g_ascii_isalpha (p[1]))
            p = skip_spaces (p + 1);
        }
      else if (strpbrk (p, "0123456789") != NULL)
        goto refuse;
      else
        p += strlen (p);
    }
  if (*p == ')' || *p == '.')
    p++;
  if (*skip_spaces (p) != '\0')
    goto refuse;
  if (out->has_cap && !out->cap_apart)
    out->cap = out->value;
  out->present = TRUE;
  return TRUE;

refuse:
  {
    /* Name the word that is not a number: "2O" typed with the letter O. */
    const char *word = text;
    g_autofree gchar *shown = NULL;

    while (*word == ' ')
      word++;
    /* Shortened by characters: cut by bytes, a letter of several bytes
     * would leave the message invalid UTF-8 (found by fuzz-criteria-paste). */
    if (g_utf8_validate (word, -1, NULL) && g_utf8_strlen (word, -1) > 40)
      {
        g_autofree gchar *cut = g_utf8_substring (word, 0, 37);
        shown = g_strconcat (cut, "…", NULL);
      }
    else
      shown = td_text_make_valid (word, -1);
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                 _ ("“%s” is not a number of points: use digits with a decimal comma, such as "
                    "0,5"),
                 shown);
    memset (out, 0, sizeof *out);
    return FALSE;
  }
}

GArray *
td_paste_text_figures (const char *folded)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (TdPasteFigure));
  const guint which[] = { RE_FIGURE_AFTER, RE_FIGURE_BEFORE, RE_LEADING_BONUS };

  for (guint w = 0; w < G_N_ELEMENTS (which); w++)
    {
      g_autoptr (GMatchInfo) info = NULL;

      if (!g_regex_match (re (which[w]), folded, 0, &info))
        continue;
      do
        {
          TdPasteFigure f;
          gint start = 0;
          gboolean seen = FALSE;

          if (!group_number (info, 1, &f.value))
            continue;
          g_match_info_fetch_pos (info, 1, &start, NULL);
          f.start = (gsize)start;
          for (guint i = 0; i < out->len; i++)
            seen |= g_array_index (out, TdPasteFigure, i).start == f.start;
          if (!seen)
            g_array_append_val (out, f);
        }
      while (g_match_info_next (info, NULL));
    }
  return out;
}

/* Phrases */

gboolean
td_paste_text_deduction (const char *folded, TdPoints *amount)
{
  return first_number_of (RE_DEDUCTION, 1, folded, amount, NULL);
}

gboolean
td_paste_text_bonus (const char *folded, TdPoints *amount)
{
  return first_number_of (RE_LEADING_BONUS, 1, folded, amount, NULL)
         || first_number_of (RE_BONUS, 1, folded, amount, NULL);
}

gboolean
td_paste_text_standard (const char *folded, TdPoints *standard)
{
  return first_number_of (RE_STANDARD, 1, folded, standard, NULL);
}

gboolean
td_paste_text_points (const char *folded, TdPoints *points)
{
  return first_number_of (RE_POINTS_CLOSING, 1, folded, points, NULL)
         || first_number_of (RE_POINTS_PAREN, 1, folded, points, NULL)
         || first_number_of (RE_POINTS_PAREN, 2, folded, points, NULL);
}

gboolean
td_paste_text_bare_points (const char *folded, TdPoints *points)
{
  return first_number_of (RE_POINTS_BARE, 1, folded, points, NULL);
}

gboolean
td_paste_text_cap (const char *folded, TdPoints *cap, gint *which)
{
  g_autoptr (GMatchInfo) info = NULL;

  if (!g_regex_match (re (RE_CAP), folded, 0, &info))
    return FALSE;
  do
    {
      g_autofree gchar *verb = g_match_info_fetch (info, 1);
      gint start = 0;

      if (!group_number (info, 2, cap))
        continue;
      g_match_info_fetch_pos (info, 0, &start, NULL);
      *which = 0;
      if (verb != NULL && *verb != '\0')
        *which = g_str_equal (verb, "tru") ? -1 : 1;
      else
        {
          /* "điểm cộng tối đa", "điểm trừ không quá" just before */
          g_autofree gchar *before = g_strndup (folded, start);
          gsize n = strlen (before);
          const char *tail = before + (n > 16 ? n - 16 : 0);

          if (strstr (tail, "tru"))
            *which = -1;
          else if (strstr (tail, "cong") || strstr (tail, "thuong"))
            *which = 1;
        }
      return TRUE;
    }
  while (g_match_info_next (info, NULL));
  return FALSE;
}

gboolean
td_paste_text_each (const char *folded)
{
  return g_regex_match (re (RE_EACH), folded, 0, NULL);
}

gboolean
td_paste_text_linear (const char *folded, gint64 *step, TdPoints *rate, gboolean *deduction,
                      gboolean *has_threshold, gint64 *threshold)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_autoptr (GMatchInfo) t = NULL;
  g_autofree gchar *verb = NULL;

  if (!g_regex_match (re (RE_LINEAR), folded, 0, &info) || !group_number (info, 1, step)
      || !group_number (info, 3, rate) || *step <= 0)
    return FALSE;
  verb = g_match_info_fetch (info, 2);
  *deduction = g_str_equal (verb, "tru");
  *has_threshold = FALSE;
  if (g_regex_match (re (RE_THRESHOLD), folded, 0, &t))
    do
      {
        g_autofree gchar *word = g_match_info_fetch (t, 1);
        gboolean below = g_str_has_prefix (word, "duoi") || g_str_has_prefix (word, "thap")
                         || g_str_has_prefix (word, "nho") || g_str_has_prefix (word, "chua");

        /* The threshold is the one on the rule's side: above for a bonus,
         * below for a deduction. */
        if (below == *deduction && group_number (t, 2, threshold))
          {
            *has_threshold = TRUE;
            break;
          }
      }
    while (g_match_info_next (t, NULL));
  return TRUE;
}

/* Ranges */

typedef struct
{
  TdPoints value;
  const char *at;  /* in the folded text */
  const char *end; /* just past the number (and its %) */
} Found;

static gboolean
is_word_before (const char *text, const char *at, const char *word)
{
  gsize n = strlen (word);
  const char *p = at;

  while (p > text && p[-1] == ' ')
    p--;
  return (gsize)(p - text) >= n && strncmp (p - n, word, n) == 0
         && (p - n == text || !g_ascii_isalpha (p[-(gssize)n - 1]));
}

/* The numbers of the text that have (percent) or do not have a "%" after
 * them; dates and parts of dates are left out. */
static GArray *
numbers_in (const char *folded, gboolean percent)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Found));
  const char *p = folded;

  while (*p)
    {
      Found f;
      const char *end;

      if (!g_ascii_isdigit (*p) || (p > folded && (g_ascii_isalnum (p[-1]) || p[-1] == '/')))
        {
          p++;
          continue;
        }
      if (!td_paste_read_number (p, &f.value, &end))
        {
          while (g_ascii_isdigit (*p) || *p == '.' || *p == ',')
            p++;
          continue;
        }
      if (*end == '/' && g_ascii_isdigit (end[1]))
        {
          /* a date: 31/3/2023 */
          p = end + 1;
          while (g_ascii_isdigit (*p) || *p == '/')
            p++;
          continue;
        }
      f.at = p;
      f.end = skip_spaces (end);
      if ((*f.end == '%') == percent)
        {
          if (percent)
            f.end++;
          g_array_append_val (out, f);
        }
      p = end;
    }
  return out;
}

gboolean
td_paste_text_range (const char *folded, gboolean percent, TdRange *range)
{
  g_autoptr (GArray) found = numbers_in (folded, percent);
  const Found *a, *b;
  gboolean upward;

  memset (range, 0, sizeof *range);
  if (found->len == 0)
    return FALSE;
  a = &g_array_index (found, Found, 0);
  upward = strstr (a->end, "tro len") != NULL || strstr (a->end, "tro di") != NULL;
  /* "97 – <98", "từ 90% đến dưới 100%", "từ 1.000 đến dưới 3.000" */
  if (found->len >= 2)
    {
      const char *between;
      g_autofree gchar *gap = NULL;

      b = &g_array_index (found, Found, 1);
      gap = g_strndup (a->end, b->at - a->end);
      between = skip_spaces (gap);
      if (strstr (between, "den") || g_str_has_prefix (between, "-") || strstr (between, "<")
          || g_str_has_prefix (between, "toi"))
        {
          range->has_low = TRUE;
          range->low = a->value;
          range->has_high = TRUE;
          /* "đến dưới", "< 98" exclude the top; "đến 100%" includes it. */
          range->high
              = (strstr (between, "duoi") || strstr (between, "<")) ? b->value : b->value + 1;
          return range->high > range->low;
        }
    }
  if (is_word_before (folded, a->at, "duoi") || is_word_before (folded, a->at, "<")
      || is_word_before (folded, a->at, "thap hon") || is_word_before (folded, a->at, "nho hon")
      || is_word_before (folded, a->at, "chua dat") || is_word_before (folded, a->at, "khong dat"))
    {
      range->has_high = TRUE;
      range->high = a->value;
      return TRUE;
    }
  if (is_word_before (folded, a->at, "tren") || is_word_before (folded, a->at, ">")
      || is_word_before (folded, a->at, "vuot") || is_word_before (folded, a->at, "lon hon")
      || is_word_before (folded, a->at, "cao hon"))
    {
      range->has_low = TRUE;
      range->low = a->value + 1; /* hundredths: above 95 is 95,01 or more */
      return TRUE;
    }
  if (upward || is_word_before (folded, a->at, ">=") || is_word_before (folded, a->at, "≥")
      || is_word_before (folded, a->at, "tu") || is_word_before (folded, a->at, "dat"))
    {
      range->has_low = TRUE;
      range->low = a->value;
      return TRUE;
    }
  return FALSE;
}

gboolean
td_paste_text_percent (const char *folded, TdPoints *value)
{
  g_autoptr (GArray) found = numbers_in (folded, TRUE);

  if (found->len != 1)
    return FALSE;
  *value = g_array_index (found, Found, 0).value;
  return TRUE;
}

/* One bracket: "từ 1% đến dưới 5%: cộng 0,5 điểm" (or "…: 0,5 điểm",
 * "…: trừ 0,5 điểm"). */
static gboolean
read_bracket (const char *clause, TdRuleOption *out)
{
  TdRange r;
  TdPoints amount;

  if (!td_paste_text_range (clause, TRUE, &r))
    return FALSE;
  if (td_paste_text_deduction (clause, &amount))
    amount = -amount;
  else if (!td_paste_text_bonus (clause, &amount) && !td_paste_text_points (clause, &amount))
    return FALSE;
  memset (out, 0, sizeof *out);
  out->points = amount;
  out->has_low = r.has_low;
  out->low = r.low;
  out->has_high = r.has_high;
  out->high = r.high;
  return TRUE;
}

guint
td_paste_text_brackets (const char *folded, GPtrArray *brackets)
{
  g_auto (GStrv) clauses = g_strsplit (folded, ";", -1);
  guint n = 0;

  for (guint i = 0; clauses[i] != NULL; i++)
    {
      TdRuleOption o;

      if (!read_bracket (clauses[i], &o))
        continue;
      if (brackets != NULL)
        {
          TdRange range = { o.has_low, o.low, o.has_high, o.high };
          TdRuleOption *copy = g_new (TdRuleOption, 1);

          *copy = o;
          copy->label = td_range_format (&range);
          g_ptr_array_add (brackets, copy);
        }
      n++;
    }
  return n;
}

gboolean
td_paste_text_size_class (const char *folded, TdRange *size, GPtrArray *brackets)
{
  const char *colon = strchr (folded, ':');
  g_autofree gchar *head = NULL;

  /* "… dưới 1.000 hồ sơ/năm: tỷ lệ … từ 1% đến dưới 5%: cộng 0,5 điểm; …" */
  if (colon == NULL)
    return FALSE;
  head = g_strndup (folded, colon - folded);
  if (strstr (head, "ho so") == NULL && strstr (head, "van ban") == NULL
      && strstr (head, "thu tuc") == NULL && strstr (head, "/nam") == NULL)
    return FALSE;
  if (!td_paste_text_range (head, FALSE, size))
    return FALSE;
  return td_paste_text_brackets (colon + 1, brackets) > 0;
}

guint
td_paste_text_options (const char *title, const char *folded, GPtrArray *options)
{
  g_auto (GStrv) clauses = g_strsplit (folded, ";", -1);
  g_auto (GStrv) originals = g_strsplit (title, ";", -1);
  guint n = 0;

  if (g_strv_length (clauses) < 2 || g_strv_length (clauses) != g_strv_length (originals))
    return 0;
  for (guint i = 0; clauses[i] != NULL; i++)
    {
      TdPoints amount;
      TdRange r;

      if (td_paste_text_range (clauses[i], TRUE, &r))
        return 0; /* brackets, not options */
      if (td_paste_text_deduction (clauses[i], &amount))
        amount = -amount;
      else if (!td_paste_text_bonus (clauses[i], &amount))
        continue;
      if (options != NULL)
        {
          TdRuleOption *o = g_new0 (TdRuleOption, 1);
          o->label = td_paste_label_without_points (originals[i]);
          o->points = amount;
          g_ptr_array_add (options, o);
        }
      n++;
    }
  return n >= 2 ? n : 0;
}

guint
td_paste_text_levels (const char *title, const char *folded, GPtrArray *levels)
{
  g_auto (GStrv) clauses = g_strsplit (folded, ";", -1);
  g_auto (GStrv) originals = g_strsplit (title, ";", -1);
  guint n = g_strv_length (clauses);

  if (n < 2 || n != g_strv_length (originals))
    return 0;
  /* Every clause a level with its points and nothing else: no bonus or
   * deduction (those are options), no range of % (brackets). */
  for (guint i = 0; i < n; i++)
    {
      TdPoints v;
      TdRange r;

      if (!td_paste_text_points (clauses[i], &v) || td_paste_text_deduction (clauses[i], &v)
          || td_paste_text_bonus (clauses[i], &v) || td_paste_text_range (clauses[i], TRUE, &r))
        return 0;
    }
  for (guint i = 0; levels != NULL && i < n; i++)
    {
      TdRuleOption *o = g_new0 (TdRuleOption, 1);

      td_paste_text_points (clauses[i], &o->points);
      o->label = td_paste_label_without_points (originals[i]);
      g_ptr_array_add (levels, o);
    }
  return n;
}

gchar *
td_paste_label_without_points (const char *text)
{
  const char *colon = strrchr (text, ':');
  g_autofree gchar *after = NULL;
  g_autofree gchar *folded = NULL;
  gchar *label;

  if (colon == NULL)
    return g_strstrip (g_strdup (text));
  after = g_strdup (colon + 1);
  folded = td_paste_fold (after);
  /* "…: 5 điểm", "…: cộng 1 điểm", "…: trừ 0,5 điểm" */
  if (!g_regex_match (re (RE_FIGURE_AFTER), folded, 0, NULL)
      && !g_regex_match (re (RE_FIGURE_BEFORE), folded, 0, NULL))
    return g_strstrip (g_strdup (text));
  label = g_strndup (text, colon - text);
  g_strstrip (label);
  /* A leading bullet is not part of the label. */
  if (label[0] == '-' || label[0] == '+' || g_str_has_prefix (label, "•"))
    {
      gchar *rest = g_strstrip (g_strdup (g_utf8_next_char (label)));
      g_free (label);
      label = rest;
    }
  return label;
}

/* Words */

gboolean
td_paste_text_says (const char *folded, TdPasteSays what)
{
  static const guint patterns_of[] = {
    [TD_PASTE_SAYS_OPTION_GROUP] = RE_OPTION_GROUP,
    [TD_PASTE_SAYS_DISQUALIFIES] = RE_DISQUALIFY,
    [TD_PASTE_SAYS_EXEMPTION] = RE_EXEMPTION,
    [TD_PASTE_SAYS_GUIDANCE] = RE_GUIDANCE,
    [TD_PASTE_SAYS_LEVEL] = RE_LEVEL,
  };

  g_return_val_if_fail ((guint)what < G_N_ELEMENTS (patterns_of), FALSE);
  return g_regex_match (re (patterns_of[what]), folded, 0, NULL);
}

gboolean
td_paste_text_note_caps (const char *folded, TdPoints *bonus_cap, TdPoints *deduction_cap,
                         gboolean *separate)
{
  g_auto (GStrv) clauses = g_strsplit (folded, ";", -1);
  gboolean found = FALSE;

  *bonus_cap = TD_NO_CAP;
  *deduction_cap = TD_NO_CAP;
  *separate = strstr (folded, "khong lien quan") != NULL || strstr (folded, "rieng") != NULL;
  for (guint i = 0; clauses[i] != NULL; i++)
    {
      g_autoptr (GMatchInfo) info = NULL;
      TdPoints cap;
      gint which = 0;
      gboolean bonus = FALSE, deduction = FALSE;

      if (!td_paste_text_cap (clauses[i], &cap, &which))
        continue;
      /* The kind is the first "điểm cộng/trừ" of the clause; a later
       * "(không liên quan đến điểm cộng)" does not change it. */
      if (g_regex_match (re (RE_NOTE_KIND), clauses[i], 0, &info))
        {
          g_autofree gchar *first = g_match_info_fetch (info, 1);
          g_autofree gchar *second = g_match_info_fetch (info, 2);

          deduction = g_str_equal (first, "tru") || g_strcmp0 (second, "tru") == 0;
          bonus = !g_str_equal (first, "tru") || g_strcmp0 (second, "cong") == 0;
        }
      else if (which != 0)
        {
          deduction = which < 0;
          bonus = which > 0;
        }
      if (!bonus && !deduction)
        continue;
      if (bonus)
        *bonus_cap = *bonus_cap == TD_NO_CAP ? cap : MIN (*bonus_cap, cap);
      if (deduction)
        *deduction_cap = *deduction_cap == TD_NO_CAP ? cap : MIN (*deduction_cap, cap);
      found = TRUE;
    }
  return found;
}

gchar *
td_paste_text_named_code (const char *folded)
{
  static const char *const not_codes[] = { "nay", "tren", "duoi", "sau", "do", "khac", "la" };
  g_autoptr (GMatchInfo) info = NULL;

  if (!g_regex_match (re (RE_NAMED_CODE), folded, 0, &info))
    return NULL;
  do
    {
      g_autofree gchar *code = g_match_info_fetch (info, 1);
      gsize n = strlen (code);
      gboolean word = FALSE;
      g_auto (GStrv) path = NULL;

      while (n > 0 && code[n - 1] == '.')
        code[--n] = '\0';
      for (guint i = 0; i < G_N_ELEMENTS (not_codes); i++)
        word |= g_str_equal (code, not_codes[i]);
      /* A code is short: "a1", "2", "ii", "c1.1"; a word is not one. */
      if (!word && n > 0 && n <= 8 && (path = td_paste_code_path (code, NULL)) != NULL)
        return g_steal_pointer (&code);
    }
  while (g_match_info_next (info, NULL));
  return NULL;
}

gboolean
td_paste_read_size_range (const char *name, TdRange *range)
{
  g_autofree gchar *folded = td_paste_fold (name ? name : "");

  return td_paste_text_range (folded, FALSE, range);
}
