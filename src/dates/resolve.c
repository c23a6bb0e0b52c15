/* SPDX-License-Identifier: MIT */
/*
 * dates/resolve.c - pass 2: turn the placeholders of pass 1 into TIMEX3
 * values against the document creation time (DCT), the reference time
 * (the last date the text mentioned) and the tense of the clause.
 *
 * Anchor choice (anchor_for): deictic words ("today", "three days ago")
 * use the DCT; in narrative documents every other relative expression uses
 * the reference time; in news, expressions that point back into the story
 * ("the next day", "two days later", "that year") use the reference time
 * and the rest the DCT.
 */
#include "dates/dates_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------- tense */

static const char *const future_cues[] = {"will", "shall", "'ll", "’ll", "wo", "going",
                                          "expected", "expects", "expect", "plans", "plan",
                                          "planning", "planned", "scheduled", "due", "set",
                                          "intends", "intend", "would", "aims", "hopes",
                                          "tomorrow", NULL};
static const char *const past_aux[] = {"was", "were", "had", "did", "has", "have", "been",
                                       "ago", "yesterday", "last", NULL};
static const char *const present_cues[] = {"is", "are", "am", NULL};
static const char *const reporting[] = {"said", "told", "added", "says", "reported",
                                        "announced", "stated", "according", NULL};
static const char *const irregular_past[] = {
    "met", "held", "went", "came", "made", "took", "gave", "left", "began", "fought",
    "won", "lost", "fell", "flew", "saw", "sent", "struck", "got", "led", "ran",
    "spoke", "wrote", "found", "brought", "bought", "sold", "paid", "kept", "thought",
    "became", "chose", "drove", "rose", "shot", "stood", "knew", "grew", "heard",
    "meant", "spent", "broke", "caught", "fled", "sought", "taught", "threw", "withdrew",
    "overthrew", "ate", "drew", "forgot", "hid", "rode", "sank", "shook", "stole",
    "swore", "tore", "wore", "sat", "slept", "sprang", "swept", "struck", "underwent",
    "overtook", "won", "beat", "bore", "dealt", "fed", "felt", "lay", "laid", "lent",
    "lit", "sang", "sank", "shut", "slid", "split", "spread", "stuck", "strove",
    "sunk", "swam", "woke", NULL};
static const char *const not_past_ed[] = {"need", "speed", "hundred", "red", "bed", "shed",
                                          "united", "seed", "feed", "indeed", "proceed",
                                          "succeed", "exceed", "breed", "embed", "wed",
                                          "sacred", "naked", "wicked", "kindred",
                                          "alleged", "so-called", "armed", "based",
                                          "detailed", "limited", "advanced", "related",
                                          "expected", NULL};

/* All cue words in one hash table (built per run of the stage). */
#define CUE_SLOTS 1024u
typedef struct cue_entry {
    const char *w;
    int8_t cue; /* DT_*, -1 reporting, -2 not a past "-ed" word */
} cue_entry;
typedef struct cue_table {
    cue_entry slot[CUE_SLOTS];
} cue_table;

static uint32_t cue_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    }
    return h & (CUE_SLOTS - 1u);
}

static void cue_add(cue_table *t, const char *const *list, int cue)
{
    for (size_t k = 0; list[k] != NULL; k++) {
        uint32_t h = cue_hash(list[k], strlen(list[k]));
        while (t->slot[h].w != NULL && strcmp(t->slot[h].w, list[k]) != 0) {
            h = (h + 1u) & (CUE_SLOTS - 1u);
        }
        if (t->slot[h].w == NULL) {
            t->slot[h].w = list[k];
            t->slot[h].cue = (int8_t)cue;
        }
    }
}

static void cue_build(cue_table *t)
{
    memset(t, 0, sizeof *t);
    cue_add(t, future_cues, DT_FUTURE);
    cue_add(t, reporting, -1);
    cue_add(t, past_aux, DT_PAST);
    cue_add(t, irregular_past, DT_PAST);
    cue_add(t, present_cues, DT_PRESENT);
    cue_add(t, not_past_ed, -2);
}

static const cue_entry *cue_find(const cue_table *t, const char *w, size_t n)
{
    uint32_t h = cue_hash(w, n);
    while (t->slot[h].w != NULL) {
        if (strncmp(t->slot[h].w, w, n) == 0 && t->slot[h].w[n] == '\0') {
            return &t->slot[h];
        }
        h = (h + 1u) & (CUE_SLOTS - 1u);
    }
    return NULL;
}

/* Tense cue of token k: DT_* or -1 for a reporting verb, 0 for none. */
static int tense_cue_t(const annals_doc *doc, const cue_table *ct, size_t k)
{
    const annals__token *t = ANNALS__TOK(doc, k);
    if (!(t->flags & ANNALS_TOK_WORD) || t->end - t->start > 14) {
        return 0;
    }
    char w[16];
    size_t n = annals__lower(doc->text + t->start, t->end - t->start, w, sizeof w);
    if (n < 2) {
        return 0;
    }
    const cue_entry *e = cue_find(ct, w, n);
    bool to_next = k + 1 < doc->tokens.n && annals__tok_is(doc, k + 1, "to");
    if (e != NULL && e->cue == DT_FUTURE) {
        if (strcmp(w, "going") == 0 || strcmp(w, "plan") == 0 || strcmp(w, "expect") == 0 ||
            strcmp(w, "plans") == 0 || strcmp(w, "planning") == 0 || strcmp(w, "set") == 0 ||
            strcmp(w, "planned") == 0) {
            /* "going to", "plans to", "set to"; not "vacation plans", "a set" */
            if (!to_next) {
                return 0;
            }
        }
        if (strcmp(w, "may") == 0 && (t->flags & ANNALS_TOK_CAP)) {
            return 0; /* the month */
        }
        if ((strcmp(w, "due") == 0 || strcmp(w, "scheduled") == 0 ||
             strcmp(w, "expected") == 0 || strcmp(w, "set") == 0) &&
            ((k >= 1 && annals__tok_is(doc, k - 1, "had")) ||
             (k >= 2 && annals__tok_is(doc, k - 1, "been") && annals__tok_is(doc, k - 2, "had")))) {
            return DT_PAST; /* "had been due to expire Friday": already over */
        }
        return DT_FUTURE;
    }
    if (e != NULL && e->cue == DT_PRESENT && to_next) {
        return DT_FUTURE; /* "is to resume trading Tuesday" */
    }
    if ((strcmp(w, "soon") == 0 || strcmp(w, "early") == 0) && to_next == false && k >= 1 &&
        k + 1 < doc->tokens.n && annals__tok_is(doc, k - 1, "as") &&
        annals__tok_is(doc, k + 1, "as")) {
        return DT_FUTURE; /* "as early as Tuesday", "as soon as Friday" */
    }
    if (e != NULL) {
        return e->cue == -2 ? 0 : e->cue;
    }
    if (n >= 5 && w[n - 1] == 'd' && w[n - 2] == 'e' && !(t->flags & ANNALS_TOK_CAP)) {
        if (w[n - 3] == 'e' && strcmp(w, "agreed") != 0 && strcmp(w, "freed") != 0) {
            return 0;
        }
        return 5; /* a participle: past unless an auxiliary says otherwise */
    }
    return 0;
}

struct dates_cues {
    cue_table table;
    uint8_t *memo; /* one cue per token, 0xFF = not computed */
};

static int cue_at(const annals_doc *doc, dates_cues *tc, size_t k)
{
    if (tc->memo[k] == 0xFF) {
        tc->memo[k] = (uint8_t)(tense_cue_t(doc, &tc->table, k) + 1);
    }
    return (int)tc->memo[k] - 1;
}

dtense dates__tense(const annals_doc *doc, dates_cues *tc, size_t tok_begin, size_t tok_end)
{
    if (tok_begin >= doc->tokens.n) {
        return DT_NONE;
    }
    const annals__token *t0 = ANNALS__TOK(doc, tok_begin);
    const annals__sentence *s = ANNALS__SENT(doc, t0->sentence);
    if (tok_begin > s->tok_begin && annals__tok_is(doc, tok_begin - 1, "effective")) {
        return DT_FUTURE; /* "named chairman, effective Feb. 1": the date a change takes effect */
    }
    int best = 0, fallback = 0;
    size_t bestd = (size_t)-1;
    size_t lo = tok_begin > s->tok_begin + 12 ? tok_begin - 12 : s->tok_begin;
    for (size_t k = tok_begin; k > lo;) {
        k--;
        int c = cue_at(doc, tc, k);
        if (c == 5) {
            /* "will be repaired", "is expected", "had been damaged" */
            c = DT_PAST;
            for (size_t q = k; q > s->tok_begin && q + 3 > k;) {
                q--;
                int a = cue_at(doc, tc, q);
                if (a == DT_FUTURE || a == DT_PRESENT) {
                    c = a;
                    break;
                }
                if (a == DT_PAST) {
                    break;
                }
            }
        }
        if (c > 0) {
            best = c;
            bestd = tok_begin - k;
            break;
        }
        if (c < 0 && tok_begin - k <= 2) {
            best = DT_PAST; /* "said on Thursday": the reporting verb is the clause's */
            bestd = tok_begin - k;
            break;
        }
        if (c < 0 && fallback == 0) {
            fallback = DT_PAST;
        }
    }
    size_t hi = tok_end + 10 < s->tok_end ? tok_end + 10 : s->tok_end;
    for (size_t k = tok_end; k < hi; k++) {
        int c = cue_at(doc, tc, k);
        if (c == 5) {
            if (best > 0) {
                break; /* a bare participle after the date ("markets untouched by")
                        * is often an adjective: the auxiliary before it rules */
            }
            c = DT_PAST;
        }
        if (c < 0 && k - tok_end <= 1) {
            c = DT_PAST; /* "on Tuesday said ...": the reporting verb is the clause's */
        }
        if (c == 0 && annals__tok_is(doc, k, "that")) {
            break; /* cues after "that" belong to the reported clause */
        }
        if (c > 0) {
            if (k - tok_end + 2 < bestd) {
                best = c;
            }
            break;
        }
        if (c < 0 && fallback == 0) {
            fallback = DT_PAST;
        }
    }
    if (best == 0) {
        best = fallback;
    }
    return (dtense)best;
}

/* ---------------------------------------------------------- value bounds */

static int digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9') {
            return 0;
        }
        v = v * 10 + (s[k] - '0');
    }
    *out = v;
    return 1;
}

void dates__value_bounds(const char *v, int32_t *earliest, int32_t *latest,
                         annals_precision *prec)
{
    int y, m, d, w;
    size_t n = strlen(v);
    *earliest = ANNALS__NO_DAY;
    *latest = ANNALS__NO_DAY;
    *prec = ANNALS_PREC_NONE;
    if (n >= 2 && !digits(v, 2, &y)) {
        return; /* PRESENT_REF, P3D, XXXX-..., BC... */
    }
    if (n == 2 && digits(v, 2, &y)) {
        *earliest = annals__days_from_civil(y * 100, 1, 1);
        *latest = annals__days_from_civil(y * 100 + 99, 12, 31);
        *prec = ANNALS_PREC_CENTURY;
        return;
    }
    if ((n == 3 && digits(v, 3, &y)) || (n == 4 && v[3] == 'X' && digits(v, 3, &y))) {
        *earliest = annals__days_from_civil(y * 10, 1, 1);
        *latest = annals__days_from_civil(y * 10 + 9, 12, 31);
        *prec = ANNALS_PREC_DECADE;
        return;
    }
    if (n == 4 && v[2] == 'X' && v[3] == 'X' && digits(v, 2, &y)) {
        *earliest = annals__days_from_civil(y * 100, 1, 1);
        *latest = annals__days_from_civil(y * 100 + 99, 12, 31);
        *prec = ANNALS_PREC_CENTURY;
        return;
    }
    if (n < 4 || !digits(v, 4, &y)) {
        return;
    }
    if (n == 4) {
        *earliest = annals__days_from_civil(y, 1, 1);
        *latest = annals__days_from_civil(y, 12, 31);
        *prec = ANNALS_PREC_YEAR;
        return;
    }
    if (v[4] != '-' || n < 7) {
        return;
    }
    const char *r = v + 5;
    if (r[0] == 'W' && digits(r + 1, 2, &w)) {
        /* ISO week: Monday of week 1 is the Monday on or before Jan 4. */
        int32_t jan4 = annals__days_from_civil(y, 1, 4);
        int32_t mon1 = jan4 - annals__weekday(jan4);
        int32_t mon = mon1 + (w - 1) * 7;
        if (n >= 11 && strcmp(r + 3, "-WE") == 0) {
            *earliest = mon + 5;
            *latest = mon + 6;
        } else {
            *earliest = mon;
            *latest = mon + 6;
        }
        *prec = ANNALS_PREC_WEEK;
        return;
    }
    if (r[0] == 'Q' && r[1] >= '1' && r[1] <= '4') {
        int q = r[1] - '0';
        *earliest = annals__days_from_civil(y, q * 3 - 2, 1);
        *latest = annals__days_from_civil(y, q * 3, annals__days_in_month(y, q * 3));
        *prec = ANNALS_PREC_QUARTER;
        return;
    }
    if (r[0] == 'H' && (r[1] == '1' || r[1] == '2')) {
        int h = r[1] - '0';
        *earliest = annals__days_from_civil(y, h * 6 - 5, 1);
        *latest = annals__days_from_civil(y, h * 6, annals__days_in_month(y, h * 6));
        *prec = ANNALS_PREC_HALF;
        return;
    }
    static const char *const seasons[] = {"SP", "SU", "FA", "WI"};
    for (int s = 0; s < 4; s++) {
        if (r[0] == seasons[s][0] && r[1] == seasons[s][1]) {
            int m0 = 3 + 3 * s;
            *earliest = annals__days_from_civil(y, m0, 1);
            int m1 = m0 + 2, y1 = y;
            if (m1 > 12) {
                m1 -= 12;
                y1++;
            }
            *latest = annals__days_from_civil(y1, m1, annals__days_in_month(y1, m1));
            *prec = ANNALS_PREC_SEASON;
            return;
        }
    }
    if (!digits(r, 2, &m) || m < 1 || m > 12) {
        return;
    }
    if (n == 7) {
        *earliest = annals__days_from_civil(y, m, 1);
        *latest = annals__days_from_civil(y, m, annals__days_in_month(y, m));
        *prec = ANNALS_PREC_MONTH;
        return;
    }
    if (n < 10 || r[2] != '-' || !digits(r + 3, 2, &d) || d < 1 ||
        d > annals__days_in_month(y, m)) {
        return;
    }
    *earliest = *latest = annals__days_from_civil(y, m, d);
    *prec = n > 10 ? ANNALS_PREC_TIME : ANNALS_PREC_DAY;
}

/* ------------------------------------------------------------ resolution */

typedef struct refpt {
    bool set;
    int32_t day;           /* earliest day of the reference */
    annals_precision prec;
    int quarter;           /* when prec is quarter */
    size_t idx;            /* timex index */
    bool explicit_year;    /* its year was written out ("March 1945") */
} refpt;

typedef struct rstate {
    annals_doc *doc;
    bool has_dct;
    int32_t dct;
    refpt ref;
    refpt quarter;  /* the last quarter the text named */
    dates_cues *cues; /* tense cues per token */
    bool warned;
} rstate;

/* Where a relative expression is anchored. */
typedef struct anchor {
    bool ok;
    bool is_dct;
    int32_t day;
    annals_precision prec;
} anchor;

static bool today_rule(const dproto *p)
{
    return p->rule != NULL &&
           (strcmp(p->rule, "deictic") == 0 || strcmp(p->rule, "tonight") == 0) && p->n == 0;
}

static bool deictic_rule(const dproto *p)
{
    const char *r = p->rule;
    return r != NULL && (strncmp(r, "deictic", 7) == 0 || strcmp(r, "tonight") == 0 ||
                         strcmp(r, "ago") == 0 || strcmp(r, "from-now") == 0 ||
                         strcmp(r, "hence") == 0 || strcmp(r, "rel-part") == 0 ||
                         strcmp(r, "day-before-yesterday") == 0);
}

static anchor anchor_for(const rstate *st, const dproto *p)
{
    anchor a = {false, false, 0, ANNALS_PREC_DAY};
    bool use_ref = false;
    if (p->anchor == ANCH_AUTO && p->hh >= 0 && p->kind != PK_WEEKDAY && st->ref.set &&
        st->ref.prec <= ANNALS_PREC_DAY) {
        use_ref = true; /* a clock time belongs to the day just mentioned */
    } else if (deictic_rule(p) && p->anchor == ANCH_DCT && !st->doc->narrative) {
        use_ref = !st->has_dct;
    } else if (st->doc->narrative && st->ref.set) {
        use_ref = true;
    } else if (p->anchor == ANCH_REF && st->ref.set) {
        use_ref = true;
    } else if (!st->has_dct) {
        use_ref = true;
    }
    if (use_ref) {
        if (st->ref.set) {
            a.ok = true;
            a.day = st->ref.day;
            a.prec = st->ref.prec;
        }
    } else if (st->has_dct) {
        a.ok = true;
        a.is_dct = true;
        a.day = st->dct;
        a.prec = ANNALS_PREC_DAY;
    }
    return a;
}

static void put_year(char *b, size_t cap, int y)
{
    if (y <= 0) {
        snprintf(b, cap, "BC%04d", y == 0 ? 1 : y < -9999 ? 9999 : -y);
    } else {
        snprintf(b, cap, "%04d", y > 9999 ? 9999 : y);
    }
}

static const char *const season_code[] = {"", "SP", "SU", "FA", "WI"};
static const char *const part_code[] = {"", "MO", "AF", "EV", "NI", "DT"};

static void fmt_day(char *b, size_t cap, int32_t day)
{
    int y, m, d;
    annals__civil_from_days(day, &y, &m, &d);
    char yb[16];
    put_year(yb, sizeof yb, y);
    snprintf(b, cap, "%s-%02d-%02d", yb, m, d);
}

/* Value of the granule of `unit` containing `day`. */
static void fmt_unit(char *b, size_t cap, int32_t day, int unit, int season)
{
    int y, m, d;
    annals__civil_from_days(day, &y, &m, &d);
    char yb[16];
    put_year(yb, sizeof yb, y);
    switch (unit) {
    case DU_WEEK:
    case DU_FORTNIGHT:
    case DU_WEEKEND: {
        int iy, w;
        annals__iso_week(day, &iy, &w);
        put_year(yb, sizeof yb, iy);
        snprintf(b, cap, "%s-W%02d%s", yb, w, unit == DU_WEEKEND ? "-WE" : "");
        return;
    }
    case DU_MONTH:
        snprintf(b, cap, "%s-%02d", yb, m);
        return;
    case DU_QUARTER:
        snprintf(b, cap, "%s-Q%d", yb, (m - 1) / 3 + 1);
        return;
    case DU_HALFYEAR:
        snprintf(b, cap, "%s-H%d", yb, (m - 1) / 6 + 1);
        return;
    case DU_SEASON:
        snprintf(b, cap, "%s-%s", yb, season_code[season >= 1 && season <= 4 ? season : 1]);
        return;
    case DU_YEAR:
        snprintf(b, cap, "%s", yb);
        return;
    case DU_DECADE:
        snprintf(b, cap, "%03d", y / 10);
        return;
    case DU_CENTURY:
    case DU_MILLENNIUM:
        snprintf(b, cap, "%02d", y / 100);
        return;
    default:
        fmt_day(b, cap, day);
        return;
    }
}

static annals_precision unit_prec(int unit)
{
    switch (unit) {
    case DU_SECOND:
    case DU_MINUTE:
    case DU_HOUR:
        return ANNALS_PREC_TIME;
    case DU_DAY:
    case DU_NIGHT:
        return ANNALS_PREC_DAY;
    case DU_WEEK:
    case DU_WEEKEND:
    case DU_FORTNIGHT:
        return ANNALS_PREC_WEEK;
    case DU_MONTH:
        return ANNALS_PREC_MONTH;
    case DU_SEASON:
        return ANNALS_PREC_SEASON;
    case DU_QUARTER:
        return ANNALS_PREC_QUARTER;
    case DU_HALFYEAR:
        return ANNALS_PREC_HALF;
    case DU_YEAR:
        return ANNALS_PREC_YEAR;
    case DU_DECADE:
        return ANNALS_PREC_DECADE;
    default:
        return ANNALS_PREC_CENTURY;
    }
}

/* Day `n` units from `day`; false when out of the supported range. */
static bool shift_day(int32_t day, int unit, int n, int32_t *out)
{
    int y, m, d;
    annals__civil_from_days(day, &y, &m, &d);
    long long months = 0, days = 0;
    switch (unit) {
    case DU_SECOND:
    case DU_MINUTE:
    case DU_HOUR:
        days = 0;
        break;
    case DU_DAY:
    case DU_NIGHT:
        days = n;
        break;
    case DU_WEEK:
    case DU_WEEKEND:
        days = 7LL * n;
        break;
    case DU_FORTNIGHT:
        days = 14LL * n;
        break;
    case DU_MONTH:
        months = n;
        break;
    case DU_QUARTER:
        months = 3LL * n;
        break;
    case DU_HALFYEAR:
    case DU_SEASON:
        months = (unit == DU_SEASON ? 3LL : 6LL) * n;
        break;
    case DU_YEAR:
        months = 12LL * n;
        break;
    case DU_DECADE:
        months = 120LL * n;
        break;
    default:
        months = 1200LL * n;
        break;
    }
    if (days > 3650000 || days < -3650000 || months > 120000 || months < -120000) {
        return false;
    }
    long long mi = (long long)y * 12 + (m - 1) + months;
    long long ny = mi >= 0 ? mi / 12 : -((-mi + 11) / 12);
    int nm = (int)(mi - ny * 12) + 1;
    if (ny < -9999 || ny > 9999) {
        return false;
    }
    int dim = annals__days_in_month((int)ny, nm);
    *out = annals__days_from_civil((int)ny, nm, d > dim ? dim : d) + (int32_t)days;
    return true;
}

static const char *mod_name(int mod)
{
    switch (mod) {
    case DM_START: return "START";
    case DM_MID: return "MID";
    case DM_END: return "END";
    case DM_APPROX: return "APPROX";
    case DM_MORE: return "MORE_THAN";
    case DM_LESS: return "LESS_THAN";
    case DM_EQ_MORE: return "EQUAL_OR_MORE";
    case DM_EQ_LESS: return "EQUAL_OR_LESS";
    case DM_BEFORE: return "BEFORE";
    case DM_AFTER: return "AFTER";
    default: return "";
    }
}

static char unit_letter(int unit, bool *time, int *mult)
{
    *time = false;
    *mult = 1;
    switch (unit) {
    case DU_SECOND: *time = true; return 'S';
    case DU_MINUTE: *time = true; return 'M';
    case DU_HOUR: *time = true; return 'H';
    case DU_DAY:
    case DU_NIGHT: return 'D';
    case DU_WEEKEND: *mult = 2; return 'D';
    case DU_WEEK: return 'W';
    case DU_FORTNIGHT: *mult = 2; return 'W';
    case DU_MONTH: return 'M';
    case DU_QUARTER: return 'Q';
    case DU_SEASON: *mult = 3; return 'M';
    case DU_HALFYEAR: *mult = 6; return 'M';
    case DU_YEAR: return 'Y';
    case DU_DECADE: *mult = 10; return 'Y';
    case DU_CENTURY: *mult = 100; return 'Y';
    default: *mult = 1000; return 'Y';
    }
}

static void fmt_duration(char *b, size_t cap, int unit, int n)
{
    bool time;
    int mult;
    char u = unit_letter(unit, &time, &mult);
    if (n == N_VAGUE) {
        if (unit == DU_CENTURY) {
            snprintf(b, cap, "PXC");
        } else {
            snprintf(b, cap, "P%sX%c", time ? "T" : "", u);
        }
        return;
    }
    long long v = (long long)n * mult;
    snprintf(b, cap, "P%s%lld%c", time ? "T" : "", v, u);
}

/* "n and a half units": the half in the next smaller unit where TIMEX3
 * has one (P2Y6M, PT5H30M, PT1M30S, P3DT12H), else a decimal (P1.5M,
 * P2.5W); decades and centuries in years (P15Y). */
static void fmt_half_duration(char *b, size_t cap, int unit, int n)
{
    bool time;
    int mult;
    char u = unit_letter(unit, &time, &mult);
    switch (unit) {
    case DU_YEAR:
        snprintf(b, cap, "P%dY6M", n);
        return;
    case DU_DAY:
    case DU_NIGHT:
        snprintf(b, cap, "P%dDT12H", n);
        return;
    case DU_HOUR:
        snprintf(b, cap, "PT%dH30M", n);
        return;
    case DU_MINUTE:
        snprintf(b, cap, "PT%dM30S", n);
        return;
    case DU_SECOND:
        snprintf(b, cap, "PT%d.5S", n);
        return;
    default:
        break;
    }
    long long twice = (2LL * n + 1) * mult; /* twice the length in units u */
    if (twice % 2 == 0) {
        snprintf(b, cap, "P%s%lld%c", time ? "T" : "", twice / 2, u);
    } else {
        snprintf(b, cap, "P%s%lld.5%c", time ? "T" : "", twice / 2, u);
    }
}

static void append_time(char *b, size_t cap, const dproto *p)
{
    size_t n = strlen(b);
    if (p->hh >= 0) {
        snprintf(b + n, cap - n, "T%02d:%02d", p->hh, p->mi < 0 ? 0 : p->mi);
    } else if (p->part > 0 && p->part <= DP_DT) {
        snprintf(b + n, cap - n, "T%s", part_code[p->part]);
    }
}

static int quarter_of_day(int32_t day)
{
    int y, m, d;
    annals__civil_from_days(day, &y, &m, &d);
    return (m - 1) / 3 + 1;
}

static int year_of_day(int32_t day)
{
    int y, m, d;
    annals__civil_from_days(day, &y, &m, &d);
    return y;
}

static int month_of_day(int32_t day)
{
    int y, m, d;
    annals__civil_from_days(day, &y, &m, &d);
    return m;
}

static int day_of_month(int32_t day)
{
    int y, m, d;
    annals__civil_from_days(day, &y, &m, &d);
    return d;
}

/* Day of the nth weekday (n = 1..5) of a month. */
static int32_t nth_weekday(int y, int m, int wd, int nth)
{
    int32_t first = annals__days_from_civil(y, m, 1);
    int off = (wd - annals__weekday(first) + 7) % 7;
    return first + off + 7 * (nth - 1);
}

/* Year for a month (and day) without one, from the anchor and tense. */
static int year_for_month(const rstate *st, const anchor *a, int m, int d, int dir,
                          dtense tense)
{
    int ay = year_of_day(a->day), am = month_of_day(a->day), ad = day_of_month(a->day);
    int cmp = (m != am) ? (m < am ? -1 : 1) : (d == 0 || d == ad ? 0 : (d < ad ? -1 : 1));
    if (dir == -1) {
        return cmp < 0 ? ay : ay - 1;
    }
    if (dir == 1) {
        return cmp > 0 ? ay : ay + 1;
    }
    if (dir == 0) {
        return ay;
    }
    if (!a->is_dct && st->doc->narrative) {
        /* narrative: the story moves forward from the reference, so a month
         * eight or more months before a reference month with a written year
         * is next year's ("in December 1941 ... in January" = January
         * 1942); closer months are the same year (flashbacks, "in March"
         * after June); a reference whose year was itself inferred does not
         * roll, so one misplaced flashback does not shift the story. */
        if (a->prec != ANNALS_PREC_NONE && a->prec <= ANNALS_PREC_SEASON &&
            st->ref.explicit_year && m - am <= -8) {
            return ay + 1;
        }
        return ay;
    }
    /* News mostly reports the recent past and the near future: another
     * year only when the date is more than two months on the wrong side. */
    int diff = m - am;
    (void)cmp;
    if (tense == DT_PAST) {
        return diff > 2 ? ay - 1 : ay;
    }
    if (tense == DT_FUTURE) {
        return diff < -2 ? ay + 1 : ay;
    }
    if (diff > 6) {
        return ay - 1;
    }
    if (diff < -6) {
        return ay + 1;
    }
    return ay;
}

typedef struct rout {
    char value[40];
    bool relative, anchored;
    bool anchor_dct;
    bool calendar; /* a calendar value that can serve as reference */
} rout;

static void resolve_one(rstate *st, const dmatch *mt, rout *o)
{
    const dproto *p = &mt->p;
    char *v = o->value;
    size_t cap = sizeof o->value;
    dtense tense = DT_NONE;
    anchor a = {false, false, 0, ANNALS_PREC_NONE};
    v[0] = '\0';
    o->relative = false;
    o->anchored = false;
    o->anchor_dct = false;
    o->calendar = false;

    switch (p->kind) {
    case PK_CAL: {
        int32_t y = p->y;
        char yb[16];
        if (p->century >= 0) {
            if (p->bc) {
                snprintf(v, cap, "BC%02d", p->century);
            } else if (p->rule != NULL && strcmp(p->rule, "century-s") == 0) {
                snprintf(v, cap, "%02dXX", p->century);
            } else {
                snprintf(v, cap, "%02d", p->century);
            }
            o->calendar = !p->bc;
            break;
        }
        if (p->decade >= 0) {
            snprintf(v, cap, "%03d", p->decade); /* TimeML: "199" is the 1990s */
            o->calendar = true;
            break;
        }
        if (y == Y_NONE) {
            o->relative = true;
            a = anchor_for(st, p);
            if (!a.ok) {
                if (p->m > 0 && p->d > 0) {
                    snprintf(v, cap, "XXXX-%02d-%02d", p->m, p->d);
                } else if (p->m > 0) {
                    snprintf(v, cap, "XXXX-%02d", p->m);
                } else if (p->season > 0) {
                    snprintf(v, cap, "XXXX-%s", season_code[p->season]);
                } else if (p->quarter > 0) {
                    snprintf(v, cap, "XXXX-Q%d", p->quarter);
                } else {
                    snprintf(v, cap, "XXXX");
                }
                append_time(v, cap, p);
                break;
            }
            tense = dates__tense(st->doc, st->cues, mt->tb, mt->te);
            int m = p->m > 0 ? p->m : (p->season > 0 ? p->season * 3 : 1);
            if (p->unit == DU_YEAR) {
                y = year_of_day(a.day) + p->n; /* "June last year" */
            } else {
                y = year_for_month(st, &a, m, p->d > 0 ? p->d : 0, DIR_AUTO, tense);
            }
            o->anchored = true;
            o->anchor_dct = a.is_dct;
        }
        put_year(yb, sizeof yb, (int)y);
        int d = p->d;
        if (d < 0) {
            const dates_holiday *h = &dates__holidays[-d - 1];
            int32_t day = nth_weekday((int)y, h->month, h->weekday, h->nth);
            d = day_of_month(day);
        }
        if (p->m > 0 && d > 0) {
            if (d > annals__days_in_month((int)y, p->m)) {
                v[0] = '\0'; /* 29 February of a common year */
                return;
            }
            if (p->week_of && y > 0) {
                fmt_unit(v, cap, annals__days_from_civil((int)y, p->m, d), DU_WEEK, 0);
                o->calendar = true;
                break;
            }
            snprintf(v, cap, "%s-%02d-%02d", yb, p->m, d);
            append_time(v, cap, p);
        } else if (p->m > 0) {
            snprintf(v, cap, "%s-%02d", yb, p->m);
        } else if (p->season > 0) {
            snprintf(v, cap, "%s-%s", yb, season_code[p->season]);
        } else if (p->quarter > 0) {
            snprintf(v, cap, "%s-Q%d", yb, p->quarter);
        } else if (p->half > 0) {
            snprintf(v, cap, "%s-H%d", yb, p->half);
        } else {
            snprintf(v, cap, "%s", yb);
        }
        o->calendar = y > 0;
        break;
    }
    case PK_WEEKDAY: {
        o->relative = true;
        a = anchor_for(st, p);
        if (!a.ok) {
            snprintf(v, cap, "XXXX-WXX-%d", p->wd + 1);
            append_time(v, cap, p);
            break;
        }
        if (a.prec > ANNALS_PREC_DAY) {
            /* a weekday after "in June 1944": only the reference granule is known */
            fmt_unit(v, cap, a.day, DU_WEEK, 0);
            o->anchored = true;
            break;
        }
        int aw = annals__weekday(a.day);
        int32_t day;
        int dir = p->dir;
        if (dir == DIR_AUTO) {
            tense = dates__tense(st->doc, st->cues, mt->tb, mt->te);
            bool poss = mt->te < st->doc->tokens.n &&
                        (ANNALS__TOK(st->doc, mt->te)->flags & ANNALS_TOK_POSSESSIVE);
            bool until = mt->tb > 0 && (annals__tok_is(st->doc, mt->tb - 1, "until") ||
                                        annals__tok_is(st->doc, mt->tb - 1, "till"));
            if (!a.is_dct && st->doc->narrative) {
                dir = 2; /* narrative: on or after the reference */
            } else if (poss) {
                dir = -2; /* "Wednesday's ruling": an event already reported */
            } else if (tense == DT_FUTURE || until) {
                dir = 2; /* on or after: news names today's weekday too */
            } else {
                dir = -2; /* on or before */
            }
        }
        switch (dir) {
        case -1: /* strictly before */
            day = a.day - (aw - p->wd + 7) % 7;
            if (day >= a.day) {
                day -= 7;
            }
            break;
        case -2: /* on or before */
            day = a.day - (aw - p->wd + 7) % 7;
            break;
        case 1: /* strictly after */
            day = a.day + (p->wd - aw + 7) % 7;
            if (day <= a.day) {
                day += 7;
            }
            break;
        case 2: /* on or after */
            day = a.day + (p->wd - aw + 7) % 7;
            break;
        default: /* this: same ISO week */
            day = a.day - aw + p->wd;
            break;
        }
        fmt_day(v, cap, day);
        append_time(v, cap, p);
        o->anchored = true;
        o->anchor_dct = a.is_dct;
        o->calendar = true;
        break;
    }
    case PK_SHIFT:
    case PK_YEARAGO: {
        if (st->doc->narrative && today_rule(p)) {
            snprintf(v, cap, "PRESENT_REF"); /* "today" in a history is the present */
            break;
        }
        o->relative = true;
        a = anchor_for(st, p);
        int unit = p->unit;
        if (!a.ok || p->n == N_VAGUE) {
            int dir = p->n == N_VAGUE ? (p->anchor == ANCH_DCT && p->rule != NULL &&
                                                 strcmp(p->rule, "ago") == 0
                                             ? -1
                                             : 0)
                                      : p->n;
            if (p->n == N_VAGUE && p->rule != NULL && strcmp(p->rule, "units-later") == 0) {
                dir = 1;
            }
            snprintf(v, cap, "%s", dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF");
            o->anchored = a.ok;
            break;
        }
        if (p->kind == PK_YEARAGO && !st->quarter.set && p->rule != NULL &&
            strcmp(p->rule, "year-earlier-period") == 0 && a.is_dct) {
            int32_t day;
            if (shift_day(a.day, DU_QUARTER, -5, &day)) {
                fmt_unit(v, cap, day, DU_QUARTER, 0);
                o->anchored = true;
                break;
            }
        }
        if (p->kind == PK_YEARAGO && st->quarter.set) {
            int32_t day;
            if (shift_day(st->quarter.day, DU_YEAR, -1, &day)) {
                fmt_unit(v, cap, day, DU_QUARTER, 0);
                o->anchored = true;
                o->calendar = true;
                a.is_dct = false;
                break;
            }
        }
        if (unit == DU_WEEKEND && p->rule != NULL && strcmp(p->rule, "the-weekend") == 0) {
            /* "the weekend": the one just past, or the next one when planned */
            tense = dates__tense(st->doc, st->cues, mt->tb, mt->te);
            int aw = annals__weekday(a.day);
            int32_t sat;
            if (tense == DT_FUTURE) {
                sat = a.day + (5 - aw + 7) % 7;
            } else {
                sat = a.day - (aw - 5 + 7) % 7;
            }
            fmt_unit(v, cap, sat, DU_WEEKEND, 0);
            o->anchored = true;
            o->anchor_dct = a.is_dct;
            o->calendar = true;
            break;
        }
        if (unit_prec(unit) < a.prec && !(unit == DU_NIGHT && a.prec == ANNALS_PREC_DAY)) {
            /* finer than the anchor: keep the anchor's granule */
            if (unit_prec(unit) <= ANNALS_PREC_DAY && a.prec == ANNALS_PREC_WEEK) {
                fmt_unit(v, cap, a.day, DU_WEEK, 0);
            } else if (a.prec == ANNALS_PREC_MONTH || a.prec == ANNALS_PREC_WEEK) {
                fmt_unit(v, cap, a.day, DU_MONTH, 0);
            } else {
                fmt_unit(v, cap, a.day, DU_YEAR, 0);
            }
            o->anchored = true;
            break;
        }
        int32_t day;
        int nshift = p->n;
        if (unit == DU_WEEKEND && nshift == 1 && annals__weekday(a.day) < 5) {
            nshift = 0; /* "next weekend" said on a weekday: the coming one */
        }
        if (!shift_day(a.day, unit, nshift, &day)) {
            snprintf(v, cap, "%s", p->n < 0 ? "PAST_REF" : "FUTURE_REF");
            break;
        }
        int out_unit = unit;
        if (unit == DU_SECOND || unit == DU_MINUTE || unit == DU_HOUR || unit == DU_NIGHT) {
            out_unit = DU_DAY;
        }
        if (unit == DU_FORTNIGHT) {
            out_unit = DU_WEEK;
        }
        fmt_unit(v, cap, day, out_unit, 0);
        if (out_unit == DU_DAY) {
            append_time(v, cap, p);
        }
        o->anchored = true;
        o->anchor_dct = a.is_dct;
        o->calendar = true;
        break;
    }
    case PK_MONTHREL: {
        o->relative = true;
        a = anchor_for(st, p);
        if (!a.ok) {
            if (p->m > 0) {
                snprintf(v, cap, "XXXX-%02d", p->m);
            } else {
                snprintf(v, cap, "XXXX-%s", season_code[p->season]);
            }
            break;
        }
        tense = dates__tense(st->doc, st->cues, mt->tb, mt->te);
        int y;
        if (p->m > 0) {
            y = year_for_month(st, &a, p->m, 0, p->dir, tense);
            snprintf(v, cap, "%04d-%02d", y, p->m);
        } else {
            /* seasons as ordinals year*4 + index; the winter of Y runs from
             * December Y into February Y+1 */
            int am = month_of_day(a.day);
            int ay = year_of_day(a.day);
            int cur = am <= 2 ? (ay - 1) * 4 + 3 : ay * 4 + (am == 12 ? 3 : (am - 3) / 3);
            int s = p->season;
            int dir = p->dir;
            if (dir == DIR_AUTO) {
                dir = (!a.is_dct && st->doc->narrative) ? 0
                      : tense == DT_FUTURE              ? 3
                      : tense == DT_PAST                ? -3
                                                        : 0;
            }
            int base = (am <= 2 && s == 4) ? ay - 1 : ay;
            if (dir == 0 && s == 4 && am >= 10 && !a.is_dct && st->doc->narrative) {
                base = ay + 1; /* a story in December: "winter" is the one that follows,
                                  named (as histories do) by its January */
            }
            int ord = base * 4 + (s - 1);
            if (dir == -1 || dir == -3) {
                while (ord > cur || (dir == -1 && ord == cur)) {
                    ord -= 4;
                }
                while (ord + 4 < cur || (dir == -3 && ord + 4 == cur)) {
                    ord += 4;
                }
            } else if (dir == 1 || dir == 3) {
                while (ord < cur || (dir == 1 && ord == cur)) {
                    ord += 4;
                }
                while (ord - 4 > cur || (dir == 3 && ord - 4 == cur)) {
                    ord -= 4;
                }
            }
            y = ord >= 0 ? ord / 4 : -((-ord + 3) / 4);
            char yb[16];
            put_year(yb, sizeof yb, y);
            snprintf(v, cap, "%s-%s", yb, season_code[s]);
        }
        o->anchored = true;
        o->anchor_dct = a.is_dct;
        o->calendar = true;
        break;
    }
    case PK_QUARTER: {
        o->relative = true;
        a = anchor_for(st, p);
        if (!a.ok) {
            if (p->quarter == 0 && p->half == 0) {
                snprintf(v, cap, "XXXX-QX");
            } else if (p->quarter > 0) {
                snprintf(v, cap, "XXXX-Q%d", p->quarter);
            } else {
                snprintf(v, cap, "XXXX-H%d", p->half);
            }
            break;
        }
        if (p->quarter == 0 && p->half == 0) {
            /* "the quarter", "the latest period": the one being reported */
            int32_t day;
            if (st->quarter.set) {
                day = st->quarter.day;
            } else if (!shift_day(a.day, DU_QUARTER, -1, &day)) {
                break;
            }
            if (p->y != Y_NONE) {
                /* "the 1988 period": the reported quarter in that year */
                snprintf(v, cap, "%04d-Q%d", (int)p->y, quarter_of_day(day));
                o->anchored = true;
                o->calendar = true;
                break;
            }
            fmt_unit(v, cap, day, DU_QUARTER, 0);
            o->anchored = true;
            o->calendar = true;
            break;
        }
        tense = dates__tense(st->doc, st->cues, mt->tb, mt->te);
        int ay = year_of_day(a.day);
        int aq = quarter_of_day(a.day);
        int q = p->quarter > 0 ? p->quarter : (p->half == 1 ? 1 : 3);
        int y = ay;
        if (p->dir == 0) {
            y = ay + p->n; /* "next year's first quarter" */
        } else if (q > aq && tense != DT_FUTURE && a.is_dct) {
            y = ay - 1;
        }
        if (p->n == -1 && p->dir != 0) {
            y--; /* "the year-ago third quarter" */
        }
        if (p->quarter > 0) {
            snprintf(v, cap, "%04d-Q%d", y, p->quarter);
        } else {
            snprintf(v, cap, "%04d-H%d", y, p->half);
        }
        o->anchored = true;
        o->anchor_dct = a.is_dct;
        o->calendar = true;
        break;
    }
    case PK_REF:
        snprintf(v, cap, "%s",
                 p->refkind == DR_PAST     ? "PAST_REF"
                 : p->refkind == DR_FUTURE ? "FUTURE_REF"
                                           : "PRESENT_REF");
        break;
    case PK_DUR:
        if (p->and_half && p->n != N_VAGUE && p->n >= 0 && p->n < 100000) {
            fmt_half_duration(v, cap, p->unit, p->n);
        } else {
            fmt_duration(v, cap, p->unit, p->n);
        }
        break;
    case PK_SET:
        if (p->wd > 0 || (p->unit == DU_NONE && p->m == 0 && p->part == 0)) {
            snprintf(v, cap, "XXXX-WXX-%d", p->wd + 1);
        } else if (p->m > 0) {
            snprintf(v, cap, "XXXX-%02d", p->m);
        } else if (p->part > 0) {
            snprintf(v, cap, "XXXX-XX-XXT%s", part_code[p->part]);
        } else {
            fmt_duration(v, cap, p->unit, p->n > 0 ? p->n : 1);
        }
        break;
    default:
        break;
    }
    if (o->anchored) {
        o->anchor_dct = a.is_dct;
    }
}

/* Narrow a calendar interval for early/mid/late. */
static void apply_mod_bounds(int mod, int32_t *e, int32_t *l)
{
    if (*e == ANNALS__NO_DAY || *l - *e < 3) {
        return;
    }
    int32_t len = *l - *e + 1, third = len / 3;
    if (mod == DM_START) {
        *l = *e + third - 1;
    } else if (mod == DM_MID) {
        *e = *e + third;
        *l = *e + (len - 2 * third) - 1;
    } else if (mod == DM_END) {
        *e = *l - third + 1;
    }
}

static annals_status resolve_all(annals_doc *doc, const annals__vec *matches, dates_cues *cues,
                                 annals_error *err)
{
    rstate st;
    memset(&st, 0, sizeof st);
    st.doc = doc;
    st.has_dct = doc->dct[0] != '\0' && doc->dct_day != ANNALS__NO_DAY;
    st.dct = doc->dct_day;
    st.cues = cues;
    char dct_anchor[24];
    snprintf(dct_anchor, sizeof dct_anchor, "DCT %s", doc->dct);
    const char *dct_str = NULL;
    size_t unanchored = 0, first_unanchored = 0;

    for (size_t i = 0; i < matches->n; i++) {
        const dmatch *mt = annals__vec_at(matches, i);
        rout o;
        resolve_one(&st, mt, &o);
        if (o.value[0] == '\0') {
            continue; /* impossible date */
        }
        annals__timex *tx = annals__vec_push(&doc->timexes);
        if (tx == NULL) {
            return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_DATES, mt->sb,
                                 "out of memory");
        }
        size_t idx = doc->timexes.n - 1;
        tx->start = mt->sb;
        tx->end = mt->se;
        tx->tok_begin = mt->tb;
        tx->tok_end = mt->te;
        tx->sentence = ANNALS__TOK(doc, mt->tb)->sentence;
        tx->type = mt->p.type;
        memcpy(tx->value, o.value, sizeof tx->value);
        snprintf(tx->mod, sizeof tx->mod, "%s", mod_name(mt->p.mod));
        tx->rule = mt->p.rule != NULL ? mt->p.rule : "unknown";
        tx->relative = o.relative;
        tx->anchored = o.anchored;
        if (o.anchored) {
            if (o.anchor_dct) {
                if (dct_str == NULL) {
                    dct_str = annals__arena_strdup(&doc->arena, dct_anchor);
                    if (dct_str == NULL) {
                        return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_DATES, mt->sb,
                                             "out of memory");
                    }
                }
                tx->anchor = dct_str;
            } else {
                tx->anchor = annals__arena_printf(&doc->arena, "t%zu", st.ref.idx + 1);
                if (tx->anchor == NULL) {
                    return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_DATES, mt->sb,
                                         "out of memory");
                }
            }
        } else {
            tx->anchor = o.relative ? "none" : NULL;
            if (o.relative) {
                if (unanchored++ == 0) {
                    first_unanchored = mt->sb;
                }
            }
        }
        dates__value_bounds(tx->value, &tx->earliest, &tx->latest, &tx->precision);
        apply_mod_bounds(mt->p.mod, &tx->earliest, &tx->latest);
        /* the reference time moves with every calendar date of the story
         * (not with a season the story only alludes to: "the winter") */
        if (o.calendar && tx->earliest != ANNALS__NO_DAY && tx->type != ANNALS_TIMEX_DURATION &&
            mt->p.kind != PK_YEARAGO &&
            !(doc->narrative && mt->p.kind == PK_MONTHREL && mt->p.season > 0) &&
            !(mt->p.kind == PK_QUARTER && mt->p.y != Y_NONE) && /* "the 1988 period" */
            tx->precision <= ANNALS_PREC_YEAR &&
            !(doc->narrative && deictic_rule(&mt->p))) {
            st.ref.set = true;
            st.ref.day = tx->earliest;
            st.ref.prec = tx->precision == ANNALS_PREC_TIME ? ANNALS_PREC_DAY : tx->precision;
            st.ref.idx = idx;
            st.ref.explicit_year = mt->p.kind == PK_CAL && mt->p.y != Y_NONE;
            if (tx->precision == ANNALS_PREC_QUARTER && (!st.has_dct || tx->latest < st.dct) &&
                (!st.quarter.set || tx->earliest >= st.quarter.day)) {
                st.quarter = st.ref; /* a finished quarter can be the one reported */
            }
        }
    }
    if (unanchored > 0) {
        annals_status rc = annals__warn(doc, first_unanchored,
                                        "%zu relative date%s left unanchored: the document has "
                                        "no date (give --date)",
                                        unanchored, unanchored == 1 ? "" : "s");
        if (rc < 0) {
            return annals__error(err, rc, ANNALS_STAGE_DATES, first_unanchored,
                                 "out of memory");
        }
    }
    return ANNALS_OK;
}

annals_status dates__resolve(annals_doc *doc, const annals__vec *matches, annals_error *err)
{
    if (matches->n == 0) {
        return ANNALS_OK;
    }
    dates_cues *cues = malloc(sizeof *cues);
    uint8_t *memo = malloc(doc->tokens.n + 1);
    if (cues == NULL || memo == NULL) {
        free(cues);
        free(memo);
        return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_DATES, ANNALS_NO_OFFSET,
                             "out of memory");
    }
    cue_build(&cues->table);
    memset(memo, 0xFF, doc->tokens.n + 1);
    cues->memo = memo;
    annals_status rc = resolve_all(doc, matches, cues, err);
    free(memo);
    free(cues);
    return rc;
}
