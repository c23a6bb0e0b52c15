/* SPDX-License-Identifier: MIT */
/*
 * dates/recognise.c - pass 1: find time expressions and describe them with
 * placeholders (dproto) that pass 2 resolves against the DCT, the reference
 * time and the tense of the clause.
 *
 * The matcher walks the tokens once. At each token it tries the core rules
 * (each a short function over the token classes of lexicon.c, looking at
 * most ~8 tokens ahead) and the prefix rules ("the", "early", "about", "the
 * end of", "earlier this"), which wrap a core match; the longest match
 * wins, ties go to the first rule. A match never crosses a sentence.
 * Bounded look-ahead per token keeps the whole pass linear.
 */
#include "dates/dates_int.h"

#include <stdlib.h>
#include <string.h>

#define CACHE 64u

typedef struct rctx {
    const annals_doc *doc;
    const dates_lex *lx;
    size_t n;
    const dtok *toks; /* every token classified up front (recognise), or NULL */
    dtok cache[CACHE]; /* else classified on demand (dates__match_at) */
    size_t cached[CACHE];
} rctx;

static const dtok none_tok = {DC_NONE, 0, 0, 0, 0};

static const dtok *T(rctx *r, size_t i)
{
    if (i >= r->n) {
        return &none_tok;
    }
    if (r->toks != NULL) {
        return &r->toks[i];
    }
    size_t slot = i & (CACHE - 1u);
    if (r->cached[slot] != i + 1u) {
        dates__classify(r->lx, r->doc, i, &r->cache[slot]);
        r->cached[slot] = i + 1u;
    }
    return &r->cache[slot];
}

static const annals__token *TK(const rctx *r, size_t i)
{
    return ANNALS__TOK(r->doc, i);
}

/* True when token j exists and is in the same sentence as token i. */
static bool same(const rctx *r, size_t i, size_t j)
{
    return j < r->n && TK(r, j)->sentence == TK(r, i)->sentence;
}

/* Token i is the word w (ASCII case-insensitive); wl = strlen(w), folded
 * by the compiler for literals through the is_w macro. */
static bool is_wn(const rctx *r, size_t i, const char *w, size_t wl)
{
    if (i >= r->n) {
        return false;
    }
    const annals__token *t = ANNALS__TOK(r->doc, i);
    if (t->end - t->start != wl) {
        return false;
    }
    const char *s = r->doc->text + t->start;
    for (size_t k = 0; k < wl; k++) {
        char c = s[k];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c + 32);
        }
        if (c != w[k]) {
            return false;
        }
    }
    return true;
}
#define is_w(r, i, w) is_wn((r), (i), (w), strlen(w))

static bool is_any(const rctx *r, size_t i, const char *const *ws)
{
    for (size_t k = 0; ws[k] != NULL; k++) {
        if (is_w(r, i, ws[k])) {
            return true;
        }
    }
    return false;
}

static bool is_char(const rctx *r, size_t i, char c)
{
    if (i >= r->n) {
        return false;
    }
    const annals__token *t = TK(r, i);
    return t->end - t->start == 1 && r->doc->text[t->start] == c;
}

static bool plain_num(const dtok *t)
{
    return t->cls == DC_NUM && !(t->flags & (DF_COMMA | DF_DECIMAL)) && t->val == 0;
}

static bool is_year_tok(const dtok *t)
{
    return plain_num(t) && t->ndig == 4 && t->num >= 1000 && t->num <= 2199;
}

/* Day of month 1..31: "6", "6th", "sixth". */
static int day_of(const dtok *t)
{
    if ((plain_num(t) && t->ndig <= 2) || t->cls == DC_ORDNUM) {
        return t->num >= 1 && t->num <= 31 ? t->num : 0;
    }
    if (t->cls == DC_ORDW && t->val >= 1 && t->val <= 31) {
        return t->val;
    }
    return 0;
}

static bool valid_md(int32_t y, int m, int d)
{
    if (m < 1 || m > 12 || d < 1) {
        return false;
    }
    int yy = y == Y_NONE ? 2000 : (int)y; /* a leap year: Feb 29 is possible */
    return d <= annals__days_in_month(yy, m);
}

static const dproto proto_template = {
    .kind = PK_NONE,
    .type = ANNALS_TIMEX_DATE,
    .y = Y_NONE,
    .decade = -1,
    .century = -1,
    .hh = -1,
    .mi = -1,
    .dir = DIR_AUTO,
};

void dates__proto_init(dproto *p)
{
    *p = proto_template; /* a block copy: cheaper than memset + stores per rule */
}

/* A rule returns the end token (exclusive) of its match, 0 for none. A
 * match of kind PK_NONE with an end consumes the tokens and emits nothing
 * (rejected impossible dates such as "31 February"). */
typedef size_t (*rule_fn)(rctx *r, size_t i, dproto *p);

/* --------------------------------------------------------- small parsers */

/* Number of a duration/shift: digits, number word, "a"/"an", "twenty five";
 * returns the token after it, 0 if none. *n = N_VAGUE for "few". */
static size_t parse_count(rctx *r, size_t i, int *n)
{
    const dtok *t = T(r, i);
    if (plain_num(t) && t->ndig <= 5) {
        *n = t->num;
        return i + 1;
    }
    if (t->cls == DC_A) {
        /* "a few days", "a couple of weeks" */
        const dtok *u = T(r, i + 1);
        if (u->cls == DC_NUMW && same(r, i, i + 1)) {
            if (u->val == -1) {
                *n = N_VAGUE;
                return i + 2;
            }
            if (is_w(r, i + 1, "couple") && T(r, i + 2)->cls == DC_OF) {
                *n = 2;
                return i + 3;
            }
            if (is_w(r, i + 1, "dozen")) {
                *n = 12;
                return i + 2;
            }
        }
        *n = 1;
        return i + 1;
    }
    if (t->cls == DC_NUMW) {
        if (t->val == -1) {
            *n = N_VAGUE;
            return i + 1;
        }
        if (t->val < 0) {
            return 0;
        }
        int v = t->val;
        size_t j = i + 1;
        if (v >= 20 && v <= 90 && v % 10 == 0 && T(r, j)->cls == DC_NUMW && T(r, j)->val > 0 &&
            T(r, j)->val < 10 && same(r, i, j)) {
            v += T(r, j)->val;
            j++;
        }
        if (is_w(r, i, "couple")) {
            if (T(r, j)->cls == DC_OF) {
                j++;
            }
        }
        *n = v;
        return j;
    }
    if (t->cls == DC_HYPH) {
        /* "twenty-five" */
        const annals__token *tk = TK(r, i);
        const char *s = r->doc->text + tk->start;
        size_t len = tk->end - tk->start;
        const char *h = memchr(s, '-', len);
        if (h == NULL) {
            return 0;
        }
        dtok a, b;
        char buf[16];
        size_t la = annals__lower(s, (size_t)(h - s), buf, sizeof buf);
        if (!dates__lex_find(r->lx, buf, la, &a, false) || a.cls != DC_NUMW || a.val < 20) {
            return 0;
        }
        size_t lb = annals__lower(h + 1, len - (size_t)(h - s) - 1, buf, sizeof buf);
        if (!dates__lex_find(r->lx, buf, lb, &b, false) || b.cls != DC_NUMW || b.val < 1 ||
            b.val > 9) {
            return 0;
        }
        *n = a.val + b.val;
        return i + 1;
    }
    return 0;
}

/* Unit token at i; returns the unit or DU_NONE; *plural set. */
static int unit_at(rctx *r, size_t i, bool *plural)
{
    const dtok *t = T(r, i);
    if (t->cls == DC_UNIT) {
        *plural = (t->flags & DF_PLURAL) != 0;
        return t->val;
    }
    if (t->cls == DC_PART && t->val == DP_NI) {
        *plural = false;
        return DU_NIGHT;
    }
    return DU_NONE;
}

/* A year after a month/day: "2024", "'24" is not taken. */
static bool year_at(rctx *r, size_t i, size_t j, int32_t *y)
{
    if (!same(r, i, j)) {
        return false;
    }
    const dtok *t = T(r, j);
    if (plain_num(t) && t->ndig == 4 && t->num >= 1000 && t->num <= 2199) {
        *y = t->num;
        return true;
    }
    return false;
}

/* A year said in words after a month, a season or "the year": "nineteen
 * ninety-four", "two thousand", "two thousand and one"; returns the token
 * after it, 0 if none. Only called where a year is expected, so "two
 * thousand troops" is never read as a year. */
static size_t spoken_year(rctx *r, size_t i, size_t j, int32_t *y)
{
    const dtok *t = T(r, j);
    if (!same(r, i, j) || t->cls != DC_NUMW) {
        return 0;
    }
    if ((t->val == 19 || t->val == 18) && same(r, i, j + 1) && T(r, j + 1)->cls != DC_A) {
        int n2 = 0;
        size_t k = parse_count(r, j + 1, &n2);
        if (k > 0 && n2 >= 10 && n2 <= 99) {
            *y = t->val * 100 + n2;
            return k;
        }
        return 0;
    }
    if (t->val == 2 && same(r, i, j + 1) && is_w(r, j + 1, "thousand")) {
        size_t k = j + 2;
        size_t k2 = same(r, i, k) && is_w(r, k, "and") ? k + 1 : k;
        int n2 = 0;
        size_t e = same(r, i, k2) ? parse_count(r, k2, &n2) : 0;
        if (e > 0 && T(r, k2)->cls != DC_A && n2 >= 1 && n2 <= 99 &&
            !(same(r, i, e) && T(r, e)->cls == DC_UNIT)) {
            *y = 2000 + n2;
            return e;
        }
        *y = 2000;
        return k;
    }
    return 0;
}

/* Words before a bare month/season name that make it a date ("in May"). */
static const char *const month_ctx[] = {
    "in", "since", "until", "till", "by", "from", "to", "through", "during", "of",
    "early", "mid", "late", "last", "next", "this", "that", "coming", "past", "before",
    "after", "between", "and", "or", "throughout", "for", "on", "until", "every", "each",
    "end", "beginning", "start", "middle", "around", "about", "mid-", "the", "this", NULL};

static bool prev_is_ctx(rctx *r, size_t i)
{
    if (i == 0 || !same(r, i, i - 1)) {
        return false;
    }
    return is_any(r, i - 1, month_ctx) || T(r, i - 1)->cls == DC_COMMA;
}

static int rel_shift(int rel);

/* "June last year", "Jan. 14 next year": the year from a relative phrase. */
static size_t rel_year_tail(rctx *r, size_t i, size_t k, dproto *p)
{
    size_t k0 = k;
    if (T(r, k)->cls == DC_OF && same(r, i, k + 1)) {
        k++; /* "August of that year" */
    }
    const dtok *t = T(r, k);
    if (same(r, i, k + 1) && t->cls == DC_REL && (t->val == DREL_THAT || t->val == DREL_SAME ||
                                                  t->val == DREL_FOLLOWING ||
                                                  t->val == DREL_PREVIOUS)) {
        const dtok *u0 = T(r, k + 1);
        if (u0->cls == DC_UNIT && u0->val == DU_YEAR && !(u0->flags & DF_PLURAL)) {
            p->unit = DU_YEAR;
            p->n = rel_shift(t->val);
            p->anchor = ANCH_REF;
            p->rule = p->d > 0 ? "month-day-relyear" : "month-relyear";
            return k + 2;
        }
        return k0;
    }
    if (k != k0) {
        return k0;
    }
    if (!same(r, i, k + 1) || t->cls != DC_REL ||
        (t->val != DREL_LAST && t->val != DREL_THIS && t->val != DREL_NEXT)) {
        return k;
    }
    const dtok *u = T(r, k + 1);
    if (u->cls != DC_UNIT || u->val != DU_YEAR || (u->flags & DF_PLURAL)) {
        return k;
    }
    p->unit = DU_YEAR;
    p->n = rel_shift(t->val);
    p->anchor = ANCH_DCT;
    p->rule = p->d > 0 ? "month-day-relyear" : "month-relyear";
    return k + 2;
}


/* A hyphenated token "23-28" (two days of month, the second later) or
 * "August-September" (two months, the second later): the two values and
 * the byte offset of the second part. */
static bool hyph_pair(rctx *r, size_t i, bool months, int *a, int *b, size_t *alen,
                      size_t *boff)
{
    if (i >= r->n || !(TK(r, i)->flags & ANNALS_TOK_HYPHEN)) {
        return false; /* "23-28" is one number token, "August-September" one word */
    }
    const annals__token *tk = TK(r, i);
    const char *s = r->doc->text + tk->start;
    size_t len = tk->end - tk->start;
    const char *h = memchr(s, '-', len);
    if (h == NULL) {
        return false;
    }
    size_t la = (size_t)(h - s), lb = len - la - 1;
    if (la == 0 || lb == 0 || la > 15 || lb > 15 || memchr(h + 1, '-', lb) != NULL) {
        return false;
    }
    if (months) {
        char buf[16];
        dtok ta, tb;
        size_t n1 = annals__lower(s, la, buf, sizeof buf);
        if (!dates__lex_find(r->lx, buf, n1, &ta, true) || ta.cls != DC_MONTH ||
            (ta.flags & DF_ABBR)) {
            return false;
        }
        size_t n2 = annals__lower(h + 1, lb, buf, sizeof buf);
        if (!dates__lex_find(r->lx, buf, n2, &tb, true) || tb.cls != DC_MONTH ||
            (tb.flags & DF_ABBR)) {
            return false;
        }
        *a = ta.val;
        *b = tb.val;
    } else {
        if (la > 2 || lb > 2) {
            return false;
        }
        int va = 0, vb = 0;
        for (size_t k = 0; k < la; k++) {
            if (s[k] < '0' || s[k] > '9') {
                return false;
            }
            va = va * 10 + (s[k] - '0');
        }
        for (size_t k = 0; k < lb; k++) {
            if (h[1 + k] < '0' || h[1 + k] > '9') {
                return false;
            }
            vb = vb * 10 + (h[1 + k] - '0');
        }
        if (va < 1 || vb > 31) {
            return false;
        }
        *a = va;
        *b = vb;
    }
    if (*a >= *b) {
        return false;
    }
    *alen = la;
    *boff = la + 1;
    return true;
}


/* "5-9", "23–28": token k is a dash and k + 1 a later day of month; the
 * tokenizer splits digits around a hyphen. Returns that day or 0. */
static int dash_day(rctx *r, size_t i, size_t k, int first)
{
    if (!same(r, i, k + 1) || !((TK(r, k)->flags & ANNALS_TOK_DASH) || is_char(r, k, '-'))) {
        return 0;
    }
    const dtok *u = T(r, k + 1);
    if (!plain_num(u) || u->ndig > 2 || u->num <= first || u->num > 31) {
        return 0;
    }
    return u->num;
}

/* "23-28 March 1951", "August-September 1950": ranges inside one token. */
static size_t r_hyph_range(rctx *r, size_t i, dproto *p)
{
    int a, b;
    size_t alen, boff;
    size_t j = i + 1;
    int32_t y = Y_NONE;
    if (hyph_pair(r, i, false, &a, &b, &alen, &boff)) {
        const dtok *u = T(r, j);
        if (!same(r, i, j) || u->cls != DC_MONTH) {
            return 0;
        }
        size_t k = j + 1;
        if (year_at(r, i, k, &y)) {
            k++;
        }
        if (!valid_md(y, u->val, a) || !valid_md(y, u->val, b)) {
            return 0;
        }
        p->kind = PK_CAL;
        p->y = y;
        p->m = p->m1 = u->val;
        p->d = b;
        p->d1 = a;
        p->rule = "day-range-month";
        p->split_range = true;
        p->cut_tok = i;
        p->cut1 = alen;
        p->cut2 = boff;
        return k;
    }
    if (hyph_pair(r, i, true, &a, &b, &alen, &boff) && year_at(r, i, j, &y)) {
        p->kind = PK_CAL;
        p->y = y;
        p->m1 = a;
        p->m = b;
        p->rule = "month-range-year";
        p->split_range = true;
        p->cut_tok = i;
        p->cut1 = alen;
        p->cut2 = boff;
        return j + 1;
    }
    return 0;
}


/* Token i follows an amount, so "a year", "annually" after it is a rate
 * ("$1.76 a year", "358,000 a month", "rise 8% annually"), not a time. */
static bool after_amount(rctx *r, size_t i)
{
    if (i == 0 || !same(r, i, i - 1)) {
        return false;
    }
    const dtok *t = T(r, i - 1);
    if (t->cls == DC_WORD && !(t->flags & DF_CAP) && i >= 2 && same(r, i, i - 2) &&
        (T(r, i - 2)->cls == DC_NUM || T(r, i - 2)->cls == DC_NUMW) && !is_w(r, i - 1, "times")) {
        /* "four flights a week", "700 seats a week": a count per unit */
        const annals__token *tk = TK(r, i - 1);
        size_t len = tk->end - tk->start;
        if (len > 3 && r->doc->text[tk->start + len - 1] == 's' &&
            r->doc->text[tk->start + len - 2] != 's') {
            return true;
        }
    }
    return t->cls == DC_NUM || is_char(r, i - 1, '%') ||
           is_w(r, i - 1, "percent") || is_w(r, i - 1, "million") || is_w(r, i - 1, "billion") ||
           is_w(r, i - 1, "thousand") || is_w(r, i - 1, "trillion") || is_w(r, i - 1, "cents") ||
           is_w(r, i - 1, "dollars");
}

/* ----------------------------------------------------------- core rules */

/*
 * A day range in a month ("March 5-9, 1918"), optionally followed by a
 * year at token k (", 1918" or "1918"): fills `p` as two timexes cut at
 * token `cut_tok` and returns the end token, or 0 if a day is invalid.
 */
static size_t month_day_range(rctx *r, size_t i, size_t cut_tok, size_t k, int m, int a,
                              int b, size_t cut1, size_t cut2, dproto *p)
{
    int32_t y;
    if (T(r, k)->cls == DC_COMMA && year_at(r, i, k + 1, &y)) {
        k += 2;
    } else if (year_at(r, i, k, &y)) {
        k += 1;
    } else {
        y = Y_NONE;
    }
    if (!valid_md(y, m, a) || !valid_md(y, m, b)) {
        return 0;
    }
    p->y = y;
    p->m = p->m1 = m;
    p->d1 = a;
    p->d = b;
    p->rule = "month-day-range";
    p->split_range = true;
    p->cut_tok = cut_tok;
    p->cut1 = cut1;
    p->cut2 = cut2;
    return k;
}

/* "February 6, 2024", "Feb. 6", "February 2024", "February of 2024", "May". */
static size_t r_month(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    if (t->cls != DC_MONTH) {
        return 0;
    }
    int m = t->val;
    bool abbr = (t->flags & DF_ABBR) != 0;
    size_t j = i + 1;
    int32_t y;
    p->rule = "month-name";
    p->kind = PK_CAL;
    p->m = m;
    int d = same(r, i, j) ? day_of(T(r, j)) : 0;
    {
        int a, b;
        size_t alen, boff;
        if (same(r, i, j) && hyph_pair(r, j, false, &a, &b, &alen, &boff)) {
            /* "March 5-9, 1918" with the range in one token */
            size_t k = month_day_range(r, i, j, j + 1, m, a, b, alen, boff, p);
            if (k > 0) {
                return k;
            }
        }
    }
    int d2 = d > 0 && plain_num(T(r, j)) ? dash_day(r, i, j + 1, d) : 0;
    if (d2 > 0) {
        /* "March 5 - 9, 1918": two timexes, "March 5" and "9, 1918" */
        size_t k = month_day_range(r, i, j, j + 3, m, d, d2, TK(r, j)->end - TK(r, j)->start,
                                   TK(r, j + 2)->start - TK(r, j)->start, p);
        if (k > 0) {
            return k;
        }
    }
    if (d > 0 && T(r, j)->cls != DC_ORDW) {
        size_t k = j + 1;
        if (T(r, k)->cls == DC_COMMA && year_at(r, i, k + 1, &y)) {
            k += 2;
        } else if (year_at(r, i, k, &y)) {
            k += 1;
        } else {
            y = Y_NONE;
        }
        if (!valid_md(y, m, d)) {
            p->kind = PK_NONE;
            return k;
        }
        p->y = y;
        p->d = d;
        p->rule = y == Y_NONE ? "month-day" : "month-day-year";
        return y == Y_NONE ? rel_year_tail(r, i, k, p) : k;
    }
    if (year_at(r, i, j, &y)) {
        p->y = y;
        p->rule = "month-year";
        return j + 1;
    }
    if ((T(r, j)->cls == DC_COMMA || T(r, j)->cls == DC_OF) && year_at(r, i, j + 1, &y)) {
        p->y = y;
        p->rule = "month-year";
        return j + 2;
    }
    {
        /* "January nineteen ninety-seven" */
        size_t e = spoken_year(r, i, T(r, j)->cls == DC_OF ? j + 1 : j, &y);
        if (e > 0) {
            p->y = y;
            p->rule = "month-spoken-year";
            return e;
        }
    }
    /* A bare month name. */
    if (abbr) {
        return 0;
    }
    bool needs_ctx = (t->flags & DF_CAP) && (m == 3 || m == 4 || m == 5 || m == 6 || m == 8);
    if (needs_ctx && !prev_is_ctx(r, i)) {
        return 0;
    }
    if (m == 5 && same(r, i, j) && T(r, j)->cls == DC_WORD && (T(r, j)->flags & DF_CAP)) {
        return 0; /* "May Day", a name */
    }
    p->rule = "month";
    return rel_year_tail(r, i, j, p);
}

/* "6 February 2024", "6th of February", "the 19th of October 1950". */
static size_t r_daymonth(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    int d = day_of(t);
    if (d == 0 || (t->cls == DC_ORDW && !same(r, i, i + 1))) {
        return 0;
    }
    size_t j = i + 1;
    int d2 = plain_num(t) ? dash_day(r, i, j, d) : 0;
    if (d2 > 0 && same(r, i, j + 2) && T(r, j + 2)->cls == DC_MONTH) {
        /* "23-28 March 1951": two timexes, "23" and "28 March 1951" */
        int m = T(r, j + 2)->val;
        int32_t y = Y_NONE;
        size_t k = j + 3;
        if (year_at(r, i, k, &y)) {
            k++;
        }
        if (valid_md(y, m, d) && valid_md(y, m, d2)) {
            p->kind = PK_CAL;
            p->y = y;
            p->m = p->m1 = m;
            p->d1 = d;
            p->d = d2;
            p->rule = "day-range-month";
            p->split_range = true;
            p->cut_tok = i;
            p->cut1 = TK(r, i)->end - TK(r, i)->start;
            p->cut2 = TK(r, j + 1)->start - TK(r, i)->start;
            return k;
        }
    }
    if (T(r, j)->cls == DC_OF && same(r, i, j)) {
        j++;
    } else if (t->cls == DC_ORDW) {
        return 0; /* "first February" is not a date; "first of February" is */
    }
    if (!same(r, i, j) || T(r, j)->cls != DC_MONTH) {
        return 0;
    }
    int m = T(r, j)->val;
    int32_t y = Y_NONE;
    size_t k = j + 1;
    if (year_at(r, i, k, &y)) {
        k++;
    } else if (T(r, k)->cls == DC_COMMA && year_at(r, i, k + 1, &y)) {
        k += 2;
    }
    p->kind = PK_CAL;
    if (!valid_md(y, m, d)) {
        p->kind = PK_NONE;
        return k;
    }
    p->y = y;
    p->m = m;
    p->d = d;
    p->rule = y == Y_NONE ? "day-month" : "day-month-year";
    return k;
}

static int part_at(rctx *r, size_t i, size_t j)
{
    if (!same(r, i, j)) {
        return DP_NONE;
    }
    const dtok *t = T(r, j);
    if (t->cls == DC_PART && !(t->flags & DF_PLURAL)) {
        return t->val;
    }
    if (t->cls == DC_UNIT && t->val == DU_NIGHT && !(t->flags & DF_PLURAL)) {
        return DP_NI;
    }
    return DP_NONE;
}

/* A part of day named with a position or a day: "afternoon yesterday",
 * "mid-afternoon yesterday", "(by) mid afternoon", "late-morning". The
 * day is the one named after it, else the day of the story (as for a
 * clock time); a bare part without a position ("in the morning") is
 * generic and is not a timex. */
static bool today_not_date(rctx *r, size_t i);

static size_t part_day(rctx *r, size_t i, size_t j, int part, bool pos, dproto *p)
{
    p->kind = PK_SHIFT;
    p->unit = DU_DAY;
    p->part = part;
    p->type = ANNALS_TIMEX_TIME;
    if (same(r, i, j) && T(r, j)->cls == DC_DEICT && T(r, j)->val >= -1 &&
        T(r, j)->val <= 1 && !(T(r, j)->val == 0 && today_not_date(r, j))) {
        p->n = T(r, j)->val;
        p->anchor = ANCH_DCT;
        p->rule = "part-deictic";
        return j + 1;
    }
    if (!pos || (same(r, i, j) && T(r, j)->cls == DC_UNIT)) {
        p->kind = PK_NONE; /* "in the morning"; "the early morning hours of 30 April" */
        return 0;
    }
    p->n = 0;
    p->anchor = ANCH_AUTO;
    p->rule = "pos-part";
    return j;
}

static size_t r_part(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    if (t->cls != DC_PART || (t->flags & DF_PLURAL)) {
        return 0;
    }
    bool pos = i > 0 && same(r, i, i - 1) && T(r, i - 1)->cls == DC_POS &&
               (is_w(r, i - 1, "early") || is_w(r, i - 1, "mid") || is_w(r, i - 1, "late"));
    return part_day(r, i, i + 1, t->val, pos, p);
}

/* "Tuesday", "Tuesday, Feb. 6, 2024", "Friday morning", "Mondays". */
static size_t r_weekday(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    if (t->cls != DC_WEEKDAY) {
        return 0;
    }
    size_t j = i + 1;
    if (t->flags & DF_PLURAL) {
        p->kind = PK_SET;
        p->type = ANNALS_TIMEX_SET;
        p->rule = "weekday-plural";
        p->wd = t->val;
        return j;
    }
    /* A full date after the weekday wins. */
    size_t k = j;
    if (T(r, k)->cls == DC_COMMA && same(r, i, k)) {
        k++;
    }
    if (same(r, i, k)) {
        dproto q;
        dates__proto_init(&q);
        size_t e = r_month(r, k, &q);
        if (e == 0) {
            e = r_daymonth(r, k, &q);
        }
        if (e > 0 && (q.d > 0 || q.kind == PK_NONE)) {
            *p = q;
            p->rule = q.kind == PK_NONE ? q.rule : "weekday-date";
            return e;
        }
    }
    if (t->flags & DF_ABBR) {
        return 0;
    }
    p->kind = PK_WEEKDAY;
    p->wd = t->val;
    p->dir = DIR_AUTO;
    p->rule = "weekday";
    int part = part_at(r, i, j);
    if (part != DP_NONE) {
        /* "Friday night", "Thursday morning": TimeBank mostly values the
         * day; "Friday evening" keeps its part (2024-02-02TEV). */
        p->rule = "weekday-part";
        if (part == DP_EV) {
            p->part = part;
            p->type = ANNALS_TIMEX_TIME;
        }
        return j + 1;
    }
    return j;
}

/* Nouns after a number that show it is a count, not a year. */
static const char *const not_year_next[] = {
    "people", "percent", "troops", "soldiers", "men", "women", "children", "members",
    "votes", "miles", "kilometers", "km", "feet", "tons", "dollars", "euros", "points",
    "times", "units", "cars", "homes", "jobs", "workers", "students", "residents",
    "deaths", "cases", "rounds", "seats", "pounds", "barrels", "shares", "acres", NULL};
static const char *const not_year_prev[] = {
    "$", "No", "no", "number", "Route", "route", "Highway", "flight", "Flight", "room",
    "Room", "page", "model", "Model", "Interstate", "I", "#", "£", "€", "about", "nearly",
    "approximately", "some", "over", "than", "least", "Resolution", "resolution", NULL};

/* "2015", "in 2015", "481 BC", "fiscal 1998". */
static size_t r_year(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    size_t j = i + 1;
    if (t->cls == DC_FISCAL && same(r, i, j) && is_year_tok(T(r, j))) {
        p->kind = PK_CAL;
        p->y = T(r, j)->num;
        p->rule = "fiscal-year";
        return j + 1;
    }
    if (t->cls == DC_NUMW && (t->val == 19 || t->val == 18) && same(r, i, j)) {
        /* "nineteen ninety-six" */
        int n2 = 0;
        size_t k = parse_count(r, j, &n2);
        if (k > 0 && n2 >= 10 && n2 <= 99 && T(r, j)->cls != DC_A) {
            p->kind = PK_CAL;
            p->y = t->val * 100 + n2;
            p->rule = "spoken-year";
            return k;
        }
        return 0;
    }
    if (!plain_num(t) || t->ndig > 4 || t->num == 0) {
        return 0;
    }
    /* Era: "481 BC", "AD 70" is rare in news and left alone. */
    if (same(r, i, j) && T(r, j)->cls == DC_BC && (TK(r, j)->flags & ANNALS_TOK_ALLCAPS ||
                                                   TK(r, j)->flags & ANNALS_TOK_ABBREV ||
                                                   TK(r, j)->flags & ANNALS_TOK_CAP)) {
        p->kind = PK_CAL;
        p->y = T(r, j)->val ? -(int32_t)t->num : t->num;
        p->bc = T(r, j)->val != 0;
        p->rule = "year-era";
        return j + 1;
    }
    if (!is_year_tok(t)) {
        return 0;
    }
    if (i > 0 && same(r, i, i - 1)) {
        if (is_any(r, i - 1, not_year_prev) || T(r, i - 1)->cls == DC_NUM) {
            return 0;
        }
    }
    if (same(r, i, j)) {
        const dtok *u = T(r, j);
        if (is_any(r, j, not_year_next) || is_char(r, j, '%')) {
            return 0;
        }
        if (u->cls == DC_UNIT) {
            return 0; /* "2000 years" */
        }
        if (u->cls == DC_WORD && !(u->flags & DF_CAP)) {
            const annals__token *tk = TK(r, j);
            size_t len = tk->end - tk->start;
            const char *s = r->doc->text + tk->start;
            /* "2000 troops": a plural noun straight after the number. */
            if (len > 3 && s[len - 1] == 's' && s[len - 2] != 's' && s[len - 2] != 'u' &&
                s[len - 2] != 'i' && !is_w(r, j, "was") && !is_w(r, j, "has") &&
                !is_w(r, j, "this") && !is_w(r, j, "does") && !is_w(r, j, "its") &&
                !is_w(r, j, "his")) {
                return 0;
            }
        }
    }
    p->kind = PK_CAL;
    p->y = t->num;
    p->rule = "year";
    /* "1915–17", "1939 - 1945" */
    if (same(r, i, j + 1) && (TK(r, j)->flags & ANNALS_TOK_DASH || is_char(r, j, '-'))) {
        const dtok *u = T(r, j + 1);
        int y2 = 0;
        if (plain_num(u) && u->ndig == 4) {
            y2 = u->num;
        } else if (plain_num(u) && u->ndig == 2) {
            y2 = (t->num / 100) * 100 + u->num;
        }
        if (y2 > t->num && y2 - t->num <= 99) {
            p->y2 = y2;
            p->second_tok = j + 1;
            p->rule = "year-range";
            return j + 2;
        }
    }
    return j;
}

/* "the 1990s", "the '90s". */
static size_t r_decade(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    size_t j = i + 1;
    if (t->cls == DC_NONE || t->cls == DC_WORD) {
        /* "'" + "90s" */
        if (is_char(r, i, '\'') || is_w(r, i, "’")) {
            const dtok *u = T(r, j);
            if (u->cls == DC_DECADE && u->ndig == 2 && same(r, i, j)) {
                p->kind = PK_CAL;
                p->decade = (u->num >= 30 ? 190 : 200) + u->num / 10;
                p->rule = "decade";
                return j + 1;
            }
        }
        return 0;
    }
    if (t->cls == DC_DECADEW) {
        if (i == 0 || T(r, i - 1)->cls != DC_THE) {
            return 0;
        }
        p->kind = PK_CAL;
        p->decade = 190 + t->val;
        p->rule = "decade-word";
        return j;
    }
    if (t->cls != DC_DECADE) {
        return 0;
    }
    p->kind = PK_CAL;
    if (t->ndig == 2) {
        p->decade = (t->num >= 30 ? 190 : 200) + t->num / 10;
    } else if (t->num % 100 == 0 && i > 0 && !is_w(r, i - 1, "early") &&
               !is_w(r, i - 1, "late") && !is_w(r, i - 1, "mid")) {
        p->century = t->num / 100; /* "the 1900s" */
        p->rule = "century-s";
        return j;
    } else {
        p->decade = t->num / 10;
    }
    p->rule = "decade";
    return j;
}

/* "the 20th century", "the nineteenth century". */
static size_t r_century(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    int n = t->cls == DC_ORDNUM ? t->num : t->cls == DC_ORDW ? t->val : 0;
    size_t j = i + 1;
    if (n <= 0 || n > 30 || !same(r, i, j) || T(r, j)->cls != DC_UNIT ||
        T(r, j)->val != DU_CENTURY) {
        return 0;
    }
    p->kind = PK_CAL;
    p->century = n - 1;
    p->rule = "century";
    if (same(r, i, j + 1) && T(r, j + 1)->cls == DC_BC) {
        p->bc = true;
        p->century = n;
        return j + 2;
    }
    return j + 1;
}

/* "spring 2023", "the winter of 1914", "summer". */
static size_t r_season(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    if (t->cls != DC_SEASON) {
        return 0;
    }
    size_t j = i + 1;
    int32_t y;
    p->season = t->val;
    if (year_at(r, i, j, &y)) {
        p->kind = PK_CAL;
        p->y = y;
        p->rule = "season-year";
        return j + 1;
    }
    if (T(r, j)->cls == DC_OF && year_at(r, i, j + 1, &y)) {
        p->kind = PK_CAL;
        p->y = y;
        p->rule = "season-year";
        return j + 2;
    }
    {
        /* "the winter of nineteen ninety-four" */
        size_t e = spoken_year(r, i, T(r, j)->cls == DC_OF ? j + 1 : j, &y);
        if (e > 0) {
            p->kind = PK_CAL;
            p->y = y;
            p->rule = "season-spoken-year";
            return e;
        }
    }
    if (T(r, j)->cls == DC_OF) {
        return 0; /* "the fall of Saigon" */
    }
    bool fall = is_w(r, i, "fall");
    if (!prev_is_ctx(r, i) && (fall || !(i > 0 && T(r, i - 1)->cls == DC_REL))) {
        if (fall || !(i > 0 && (T(r, i - 1)->cls == DC_POS || T(r, i - 1)->cls == DC_THE))) {
            return 0;
        }
    }
    if (fall && i > 0 && !same(r, i, i - 1)) {
        return 0;
    }
    if (fall && i > 0 && is_w(r, i - 1, "to") && same(r, i, j) &&
        !(TK(r, j)->flags & ANNALS_TOK_PUNCT) && !is_year_tok(T(r, j))) {
        return 0; /* "began to fall apart", "continued to fall to the Allies" */
    }
    p->kind = PK_MONTHREL;
    p->dir = DIR_AUTO;
    p->rule = "season";
    return j;
}

/* Ordinal 1..4 of a quarter/half from a word or "Q3". */
static int ord_small(const dtok *t)
{
    int v = t->cls == DC_ORDW ? t->val : t->cls == DC_ORDNUM ? t->num : 0;
    return v >= 1 && v <= 4 ? v : 0;
}

static size_t quarter_tail(rctx *r, size_t i, size_t j, dproto *p)
{
    int32_t y;
    if (T(r, j)->cls == DC_OF && year_at(r, i, j + 1, &y)) {
        p->kind = PK_CAL;
        p->y = y;
        return j + 2;
    }
    if (year_at(r, i, j, &y)) {
        p->kind = PK_CAL;
        p->y = y;
        return j + 1;
    }
    p->kind = PK_QUARTER;
    return j;
}

static bool tk_len_is_q(rctx *r, size_t j)
{
    const annals__token *tk = TK(r, j);
    const char *s = r->doc->text + tk->start;
    return tk->end - tk->start == 2 && (s[0] == 'Q' || s[0] == 'H') && s[1] >= '1' &&
           s[1] <= (s[0] == 'Q' ? '4' : '2');
}

/* "the third quarter (of 1997)", "third-quarter", "the first half". */
static size_t r_quarter(rctx *r, size_t i, dproto *p)
{
    size_t j = i;
    int32_t yq = Y_NONE;
    if (is_year_tok(T(r, j)) && same(r, i, j + 2) && ord_small(T(r, j + 1)) > 0 &&
        T(r, j + 2)->cls == DC_UNIT && T(r, j + 2)->val == DU_QUARTER) {
        /* "the 1988 third quarter" */
        yq = T(r, j)->num;
        j++;
    }
    bool year_ago = false;
    if (T(r, j)->cls == DC_HYPH && same(r, i, j + 2) &&
        (is_w(r, j, "year-ago") || is_w(r, j, "year-earlier")) && ord_small(T(r, j + 1)) > 0) {
        year_ago = true; /* "the year-ago third quarter" */
        j++;
    }
    if (T(r, j)->cls == DC_FISCAL && same(r, i, j + 1)) {
        j++;
    }
    const dtok *t = T(r, j);
    int q = ord_small(t);
    if (yq != Y_NONE) {
        p->kind = PK_CAL;
        p->y = yq;
        p->quarter = q;
        p->rule = "year-quarter";
        return j + 2;
    }
    if (q > 0 && same(r, i, j + 1)) {
        const dtok *u = T(r, j + 1);
        if (u->cls == DC_UNIT && u->val == DU_QUARTER && !(u->flags & DF_PLURAL)) {
            p->quarter = q;
            p->rule = "quarter";
            if (year_ago) {
                p->kind = PK_QUARTER;
                p->n = -1;
                p->rule = "year-ago-quarter";
                return j + 2;
            }
            return quarter_tail(r, i, j + 2, p);
        }
        if (u->cls == DC_HALF && q <= 2) {
            p->half = q;
            p->rule = "half";
            return quarter_tail(r, i, j + 2, p);
        }
    }
    if (t->cls == DC_HYPH) {
        const annals__token *tk = TK(r, j);
        const char *s = r->doc->text + tk->start;
        size_t len = tk->end - tk->start;
        const char *h = memchr(s, '-', len);
        if (h == NULL) {
            return 0;
        }
        char a[16], b[16];
        size_t la = annals__lower(s, (size_t)(h - s), a, sizeof a);
        size_t lb = annals__lower(h + 1, len - (size_t)(h - s) - 1, b, sizeof b);
        dtok ta, tb;
        if (!dates__lex_find(r->lx, a, la, &ta, false) || ord_small(&ta) == 0) {
            return 0;
        }
        if (lb == 7 && memcmp(b, "quarter", 7) == 0) {
            p->quarter = ord_small(&ta);
            p->rule = "quarter";
            return quarter_tail(r, i, j + 1, p);
        }
        if (lb == 4 && memcmp(b, "half", 4) == 0 && ord_small(&ta) <= 2) {
            p->half = ord_small(&ta);
            p->rule = "half";
            return quarter_tail(r, i, j + 1, p);
        }
        (void)tb;
        return 0;
    }
    /* "Q3", "Q3 2023" */
    if (t->cls == DC_WORD && tk_len_is_q(r, j)) {
        int v = r->doc->text[TK(r, j)->start + 1] - '0';
        if (r->doc->text[TK(r, j)->start] == 'Q') {
            p->quarter = v;
        } else {
            p->half = v;
        }
        p->rule = "quarter";
        return quarter_tail(r, i, j + 1, p);
    }
    return 0;
}

/* Nouns after "today's" that make it "of our time", not the DCT:
 * "today's youth", "in today's world". */
static const char *const today_generic[] = {
    "world", "youth", "society", "generation", "generations", "young", "children", "kids",
    "teenagers", "students", "culture", "technology", "economy", "standards", "terms",
    "dollars", "families", "parents", "politics", "media", "standard", NULL};
static const char *const quantifiers[] = {"many", "most", "some", "all", "few", "much", NULL};

/* "today" that is not the day of the document: "today's world", "many of
 * today's computers", a programme or paper name ("USA Today"). */
static bool today_not_date(rctx *r, size_t i)
{
    const annals__token *tk = TK(r, i);
    if (i > 0 && same(r, i, i - 1) && (tk->flags & ANNALS_TOK_CAP) &&
        !(tk->flags & ANNALS_TOK_ALLCAPS) && !(tk->flags & ANNALS_TOK_SENT_START) &&
        (TK(r, i - 1)->flags & ANNALS_TOK_ALLCAPS)) {
        return true; /* "USA Today", "VOA Today" */
    }
    if (!same(r, i, i + 2) || T(r, i + 1)->cls != DC_POSS) {
        return false;
    }
    if (is_any(r, i + 2, today_generic)) {
        return true;
    }
    return i >= 2 && same(r, i, i - 2) && T(r, i - 1)->cls == DC_OF &&
           is_any(r, i - 2, quantifiers);
}

/* "today", "yesterday morning", "tonight". */
static size_t r_deict(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    if (t->cls != DC_DEICT) {
        return 0;
    }
    p->kind = PK_SHIFT;
    p->unit = DU_DAY;
    p->anchor = ANCH_DCT;
    p->rule = "deictic";
    if (t->val == 2) {
        p->n = 0;
        p->rule = "tonight";
        return i + 1;
    }
    if (t->val == 0 && today_not_date(r, i)) {
        return 0;
    }
    p->n = t->val;
    int part = part_at(r, i, i + 1);
    if (part != DP_NONE) {
        p->part = part;
        p->type = ANNALS_TIMEX_TIME;
        p->rule = "deictic-part";
        return i + 2;
    }
    return i + 1;
}

static int rel_shift(int rel)
{
    switch (rel) {
    case DREL_LAST:
    case DREL_PAST:
    case DREL_PREVIOUS:
        return -1;
    case DREL_NEXT:
    case DREL_COMING:
    case DREL_FOLLOWING:
        return 1;
    default:
        return 0;
    }
}

static int rel_anchor(int rel)
{
    return rel == DREL_PREVIOUS || rel == DREL_FOLLOWING || rel == DREL_SAME ||
                   rel == DREL_THAT
               ? ANCH_REF
               : ANCH_DCT;
}

/* "last week", "next Friday", "this spring", "that day", "the past two
 * months", "recent years", "current". */
static size_t r_rel(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    if (t->cls != DC_REL) {
        return 0;
    }
    int rel = t->val;
    size_t j = i + 1;
    if (!same(r, i, j)) {
        if (rel == DREL_CURRENT) {
            goto current;
        }
        return 0;
    }
    const dtok *u = T(r, j);
    if (rel == DREL_THIS && i > 0 && (TK(r, i - 1)->flags & ANNALS_TOK_QUOTE) &&
        (TK(r, i)->flags & ANNALS_TOK_CAP) && (TK(r, j)->flags & ANNALS_TOK_CAP) &&
        !(TK(r, j)->flags & ANNALS_TOK_ALLCAPS)) {
        return 0; /* a quoted title: ABC's "This Week" */
    }
    if (rel == DREL_THESE) {
        if (u->cls == DC_UNIT && u->val == DU_DAY && (u->flags & DF_PLURAL)) {
            p->kind = PK_REF; /* "these days" */
            p->refkind = DR_PRESENT;
            p->rule = "these-days";
            return j + 1;
        }
        return 0;
    }
    if (u->cls == DC_HALF && rel == DREL_LAST) {
        p->half = 2; /* "the last half of 1989" */
        p->rule = "half";
        size_t e = quarter_tail(r, i, j + 1, p);
        return p->kind == PK_CAL ? e : 0;
    }
    bool plural = false;
    int unit = unit_at(r, j, &plural);
    if (unit != DU_NONE && plural && unit != DU_WEEKEND &&
        (rel == DREL_RECENT || rel == DREL_COMING || rel == DREL_PAST || rel == DREL_LAST ||
         rel == DREL_NEXT || rel == DREL_FOLLOWING || rel == DREL_PREVIOUS)) {
        /* "recent years", "the coming weeks", "the past months" */
        p->kind = PK_DUR;
        p->type = ANNALS_TIMEX_DURATION;
        p->unit = unit;
        p->n = N_VAGUE;
        p->rule = "rel-units";
        return j + 1;
    }
    if (rel == DREL_RECENT) {
        return 0;
    }
    /* "the past two months", "the next few days", "the last three years" */
    if (rel == DREL_PAST || rel == DREL_LAST || rel == DREL_NEXT || rel == DREL_COMING ||
        rel == DREL_PREVIOUS || rel == DREL_FOLLOWING) {
        int n;
        size_t k = parse_count(r, j, &n);
        bool pl;
        int un;
        if (k > 0 && T(r, j)->cls != DC_A && same(r, i, k) && (un = unit_at(r, k, &pl)) != DU_NONE &&
            (pl || n == 1)) {
            p->kind = PK_DUR;
            p->type = ANNALS_TIMEX_DURATION;
            p->unit = un;
            p->n = n;
            p->rule = "rel-count-units";
            return k + 1;
        }
    }
    if (unit != DU_NONE && !plural) {
        if (unit == DU_NIGHT || (unit == DU_DAY && rel == DREL_THIS)) {
            /* "last night", "that night", "this day" */
            p->kind = PK_SHIFT;
            p->unit = DU_DAY;
            p->n = rel == DREL_LAST ? -1 : rel_shift(rel);
            p->anchor = rel == DREL_LAST ? ANCH_DCT : rel_anchor(rel);
            p->part = unit == DU_NIGHT ? DP_NI : DP_NONE;
            p->type = unit == DU_NIGHT ? ANNALS_TIMEX_TIME : ANNALS_TIMEX_DATE;
            p->rule = "rel-night";
            return j + 1;
        }
        if (rel == DREL_LATEST && unit != DU_QUARTER) {
            return 0;
        }
        if ((unit == DU_DECADE || unit == DU_CENTURY) &&
            (rel == DREL_PAST || rel == DREL_NEXT || rel == DREL_COMING) && i > 0 &&
            same(r, i, i - 1) && T(r, i - 1)->cls == DC_THE) {
            /* "over the past decade", "the next century": the ten (hundred)
             * years up to or from now, like "the past two decades"; "the
             * last decade" stays the decade named */
            p->kind = PK_DUR;
            p->type = ANNALS_TIMEX_DURATION;
            p->unit = unit;
            p->n = 1;
            p->rule = "rel-count-units";
            return j + 1;
        }
        if (unit == DU_QUARTER && (rel == DREL_LATEST || rel == DREL_THAT)) {
            p->kind = PK_QUARTER; /* the quarter being reported */
            p->rule = "reporting-quarter";
            return j + 1;
        }
        p->kind = PK_SHIFT;
        p->unit = unit;
        p->n = rel == DREL_LATEST ? -1 : rel_shift(rel);
        p->anchor = rel == DREL_LATEST ? ANCH_DCT : rel_anchor(rel);
        p->rule = rel == DREL_NEXT ? "rel-next-unit" : "rel-unit";
        if (unit == DU_SEASON) {
            return 0;
        }
        if (unit == DU_YEAR && (rel == DREL_LAST || rel == DREL_THIS || rel == DREL_NEXT) &&
            same(r, i, j + 2) && T(r, j + 1)->cls == DC_POSS) {
            /* "next year's first quarter", "this year's second half": one
             * quarter or half of the year named */
            dproto q;
            dates__proto_init(&q);
            size_t e = r_quarter(r, j + 2, &q);
            if (e > 0 && q.kind == PK_QUARTER && (q.quarter > 0 || q.half > 0) && q.n == 0) {
                p->kind = PK_QUARTER;
                p->quarter = q.quarter;
                p->half = q.half;
                p->dir = 0; /* the year is given: no roll-back by tense */
                p->rule = "relyear-quarter";
                return e;
            }
        }
        return j + 1;
    }
    if (u->cls == DC_WEEKDAY && !(u->flags & (DF_PLURAL | DF_ABBR))) {
        p->kind = PK_WEEKDAY;
        p->wd = u->val;
        p->dir = rel == DREL_THAT || rel == DREL_SAME ? DIR_AUTO : rel_shift(rel);
        p->anchor = rel_anchor(rel);
        p->rule = "rel-weekday";
        int part = part_at(r, i, j + 1);
        if (part != DP_NONE) {
            if (part == DP_EV) { /* "last Friday evening"; "last Friday night" = the day */
                p->part = part;
                p->type = ANNALS_TIMEX_TIME;
            }
            return j + 2;
        }
        return j + 1;
    }
    if (u->cls == DC_MONTH || u->cls == DC_SEASON) {
        if (u->cls == DC_MONTH && (u->flags & DF_ABBR)) {
            return 0;
        }
        p->kind = PK_MONTHREL;
        if (u->cls == DC_MONTH) {
            p->m = u->val;
        } else {
            p->season = u->val;
        }
        p->dir = rel_shift(rel);
        p->anchor = rel_anchor(rel);
        p->rule = u->cls == DC_MONTH ? "rel-month" : "rel-season";
        return j + 1;
    }
    if (u->cls == DC_PART && !(u->flags & DF_PLURAL) &&
        (rel == DREL_NEXT || rel == DREL_FOLLOWING || rel == DREL_PREVIOUS) && i > 0 &&
        T(r, i - 1)->cls == DC_THE) {
        /* "the next morning" */
        p->kind = PK_SHIFT;
        p->unit = DU_DAY;
        p->n = rel_shift(rel);
        p->anchor = ANCH_REF;
        p->rule = "next-part";
        return j + 1;
    }
    if (u->cls == DC_PART && !(u->flags & DF_PLURAL) &&
        (rel == DREL_THIS || rel == DREL_THAT || rel == DREL_SAME)) {
        p->kind = PK_SHIFT;
        p->unit = DU_DAY;
        p->n = 0;
        p->anchor = rel == DREL_THIS ? ANCH_DCT : ANCH_REF;
        p->part = u->val;
        p->type = ANNALS_TIMEX_TIME;
        p->rule = "rel-part";
        return j + 1;
    }
    if (rel == DREL_CURRENT) {
        goto current;
    }
    return 0;
current:
    if (i > 0 && T(r, i - 1)->cls == DC_THE) {
        return 0; /* "the current ..." modifies a noun */
    }
    p->kind = PK_REF;
    p->refkind = DR_PRESENT;
    p->rule = "current";
    return i + 1;
}

/* "two weeks", "three days ago", "a year earlier", "five years later". */
/* A half after a count at token j: "1/2" (one token), "and a half", "and
 * half" (same sentence as token i). */
static bool is_half(rctx *r, size_t i, size_t j)
{
    if (!same(r, i, j)) {
        return false;
    }
    const annals__token *tk = TK(r, j);
    if (tk->end - tk->start == 3 && memcmp(r->doc->text + tk->start, "1/2", 3) == 0) {
        return true;
    }
    if (tk->end - tk->start == 2 && memcmp(r->doc->text + tk->start, "\xc2\xbd", 2) == 0) {
        return true; /* U+00BD */
    }
    if (!is_w(r, j, "and") || !same(r, i, j + 2)) {
        return false;
    }
    return is_w(r, j + 1, "half") || (T(r, j + 1)->cls == DC_A && is_w(r, j + 2, "half") &&
                                      TK(r, j + 1)->end - TK(r, j + 1)->start == 1);
}

static size_t r_count(rctx *r, size_t i, dproto *p)
{
    if (T(r, i)->cls == DC_A && T(r, i + 1)->cls == DC_DIR && T(r, i + 1)->val == 1 &&
        same(r, i, i + 2) && is_w(r, i + 2, "date")) {
        p->kind = PK_REF; /* "at a later date" */
        p->refkind = DR_FUTURE;
        p->rule = "a-later-date";
        return i + 3;
    }
    int n = 0;
    size_t j = parse_count(r, i, &n);
    if (j == 0 || !same(r, i, j)) {
        return 0;
    }
    if (is_w(r, j, "more") || is_w(r, j, "additional") || is_w(r, j, "full") ||
        is_w(r, j, "straight") || is_w(r, j, "consecutive")) {
        j++; /* "two more weeks", "three full days" */
        if (!same(r, i, j)) {
            return 0;
        }
    }
    bool half = false;
    if (n != N_VAGUE && T(r, i)->cls != DC_A && is_half(r, i, j)) {
        half = true; /* "5 1/2 hours", "two and a half years" */
        j += is_w(r, j, "and") ? (is_w(r, j + 1, "half") ? 2 : 3) : 1;
    }
    bool plural = false;
    int unit = unit_at(r, j, &plural);
    if (unit == DU_NONE) {
        return 0;
    }
    if (is_year_tok(T(r, i)) && !plural) {
        return 0; /* "the 1988 quarter": a year, not a count */
    }
    if ((TK(r, j)->flags & ANNALS_TOK_CAP) && !(TK(r, i)->flags & ANNALS_TOK_CAP)) {
        return 0; /* "60 Minutes", a title */
    }
    if (unit == DU_NIGHT && T(r, i)->cls == DC_A) {
        return 0; /* "a night" */
    }
    if (T(r, i)->cls == DC_A && !plural && after_amount(r, i) &&
        T(r, j + 1)->cls != DC_AGO && T(r, j + 1)->cls != DC_DIR) {
        return 0; /* "$500 million a year", "358,000 a month": a rate */
    }
    size_t k = j + 1;
    const dtok *u = T(r, k);
    bool sk = same(r, i, k);
    if (sk && unit == DU_QUARTER && u->cls == DC_OF && !plural && same(r, i, k + 1) &&
        T(r, k + 1)->cls != DC_A && T(r, k + 1)->cls != DC_UNIT && !is_year_tok(T(r, k + 1))) {
        p->kind = PK_NONE; /* "a quarter of the market": a fraction */
        return k;
    }
    if (sk && is_w(r, k, "old")) {
        p->kind = PK_NONE; /* an age */
        return k + 1;
    }
    if (sk && u->cls == DC_AGO) {
        p->kind = (n == 1 && unit == DU_YEAR) ? PK_YEARAGO : PK_SHIFT;
        p->unit = unit;
        p->n = n == N_VAGUE ? N_VAGUE : -n;
        p->anchor = ANCH_DCT;
        p->rule = "ago";
        return k + 1;
    }
    if (sk && is_w(r, k, "from") && is_w(r, k + 1, "now") && same(r, i, k + 1)) {
        p->kind = PK_SHIFT;
        p->unit = unit;
        p->n = n;
        p->anchor = ANCH_DCT;
        p->rule = "from-now";
        return k + 2;
    }
    if (sk && u->cls == DC_DIR && n != N_VAGUE) {
        int dir = u->val;
        bool take = dir == 1 || dir == -1 || dir == 3;
        if (dir == 2 || dir == -2) {
            /* "two days before." / "a week after that" */
            take = !same(r, i, k + 1) || T(r, k + 1)->cls == DC_COMMA ||
                   (TK(r, k + 1)->flags & ANNALS_TOK_PUNCT) || is_w(r, k + 1, "that");
        }
        if (dir == 4) {
            p->kind = PK_SHIFT;
            p->unit = unit;
            p->n = n;
            p->anchor = ANCH_DCT;
            p->rule = "hence";
            return k + 1;
        }
        if (take) {
            bool back = dir < 0;
            p->kind = (n == 1 && unit == DU_YEAR) ? PK_YEARAGO : PK_SHIFT;
            p->unit = unit;
            p->n = n == N_VAGUE ? N_VAGUE : (back ? -n : n);
            p->anchor = ANCH_REF;
            p->rule = back ? "units-earlier" : "units-later";
            return k + 1;
        }
    }
    if (unit == DU_WEEKEND && T(r, i)->cls == DC_A) {
        return 0;
    }
    p->kind = PK_DUR;
    p->type = ANNALS_TIMEX_DURATION;
    p->unit = unit;
    p->n = n;
    p->rule = "count-units";
    if (!half && n != N_VAGUE && !plural && sk && is_w(r, k, "and") &&
        is_half(r, i, k)) {
        half = true; /* "a minute and a half" */
        k += is_w(r, k + 1, "half") ? 2 : 3;
    }
    if (half) {
        p->and_half = true;
        p->rule = "count-and-a-half";
        return k;
    }
    if (sk && u->cls == DC_LONG) {
        return k + 1;
    }
    return k;
}

/* Bare plural units in context: "for years", "weeks of talks". */
static const char *const plural_ctx[] = {"for", "within", "over", "after", "in", "than",
                                         "took", "lasted", NULL};
static size_t r_bare_plural(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    if (t->cls != DC_UNIT || !(t->flags & DF_PLURAL) || t->val == DU_WEEKEND) {
        return 0;
    }
    bool ok = (i > 0 && same(r, i, i - 1) && is_any(r, i - 1, plural_ctx)) ||
              (same(r, i, i + 1) && T(r, i + 1)->cls == DC_OF &&
               (TK(r, i)->flags & ANNALS_TOK_CAP));
    if (!ok) {
        return 0;
    }
    p->kind = PK_DUR;
    p->type = ANNALS_TIMEX_DURATION;
    p->unit = t->val;
    p->n = N_VAGUE;
    p->rule = "bare-units";
    return i + 1;
}

/* Split a hyphenated token into at most 3 lower-case parts. */
typedef struct hparts {
    char s[3][16];
    size_t len[3];
    size_t n;
} hparts;

static bool split_hyph(rctx *r, size_t i, hparts *h)
{
    const annals__token *tk = TK(r, i);
    const char *s = r->doc->text + tk->start;
    size_t len = tk->end - tk->start, a = 0;
    h->n = 0;
    for (size_t k = 0; k <= len; k++) {
        if (k == len || s[k] == '-') {
            if (h->n == 3 || k - a == 0 || k - a >= 16) {
                return false;
            }
            h->len[h->n] = annals__lower(s + a, k - a, h->s[h->n], 16);
            h->n++;
            a = k + 1;
        }
    }
    return h->n >= 2;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9') {
            return false;
        }
    }
    return n > 0;
}

/* "four-month", "30-day", "week-long", "mid-2015", "mid-February",
 * "year-earlier", "late-1990s". */
static size_t r_hyph(rctx *r, size_t i, dproto *p)
{
    if (T(r, i)->cls != DC_HYPH) {
        return 0;
    }
    hparts h;
    if (!split_hyph(r, i, &h)) {
        return 0;
    }
    dtok a, b;
    bool ha = dates__lex_find(r->lx, h.s[0], h.len[0], &a, true);
    bool hb = dates__lex_find(r->lx, h.s[1], h.len[1], &b, true);
    /* position + year/month/decade */
    if (ha && a.cls == DC_POS && h.n == 2 && (a.val == DM_START || a.val == DM_MID || a.val == DM_END)) {
        p->mod = a.val;
        if (hb && b.cls == DC_PART && !(b.flags & DF_PLURAL)) {
            return part_day(r, i, i + 1, b.val, true, p); /* "mid-afternoon (yesterday)" */
        }
        if (all_digits(h.s[1], h.len[1]) && h.len[1] == 4) {
            int y = (h.s[1][0] - '0') * 1000 + (h.s[1][1] - '0') * 100 + (h.s[1][2] - '0') * 10 +
                    (h.s[1][3] - '0');
            p->kind = PK_CAL;
            p->y = y;
            p->rule = "pos-year";
            return i + 1;
        }
        if (h.len[1] == 5 && all_digits(h.s[1], 4) && h.s[1][4] == 's') {
            int y = (h.s[1][0] - '0') * 1000 + (h.s[1][1] - '0') * 100 + (h.s[1][2] - '0') * 10;
            p->kind = PK_CAL;
            p->decade = y / 10;
            p->rule = "pos-decade";
            return i + 1;
        }
        if (hb && b.cls == DC_MONTH) {
            int32_t y;
            p->kind = PK_CAL;
            p->m = b.val;
            p->rule = "pos-month";
            if (year_at(r, i, i + 1, &y)) {
                p->y = y; /* "mid-June 1944" */
                return i + 2;
            }
            return rel_year_tail(r, i, i + 1, p);
        }
        p->mod = 0;
        return 0;
    }
    /* year-earlier / year-ago */
    if (h.n == 2 && h.len[0] == 4 && memcmp(h.s[0], "year", 4) == 0 &&
        ((h.len[1] == 7 && memcmp(h.s[1], "earlier", 7) == 0) ||
         (h.len[1] == 3 && memcmp(h.s[1], "ago", 3) == 0))) {
        p->kind = PK_YEARAGO;
        p->unit = DU_YEAR;
        p->n = -1;
        p->anchor = h.len[1] == 3 ? ANCH_DCT : ANCH_REF;
        p->rule = "year-earlier";
        return i + 1;
    }
    /* count + unit (+ "long"); "-old" is an age */
    int n = 0;
    bool count = false;
    if (all_digits(h.s[0], h.len[0]) && h.len[0] <= 4) {
        n = 0;
        for (size_t k = 0; k < h.len[0]; k++) {
            n = n * 10 + (h.s[0][k] - '0');
        }
        count = true;
    } else if (ha && a.cls == DC_NUMW && a.val > 0) {
        n = a.val;
        count = true;
    }
    if (count && hb && b.cls == DC_UNIT) {
        if (h.n == 3 && h.len[2] == 3 && memcmp(h.s[2], "old", 3) == 0) {
            p->kind = PK_NONE;
            return i + 1;
        }
        if (b.val == DU_WEEKEND || (b.flags & DF_PLURAL)) {
            return 0; /* "three-quarters" is a fraction */
        }
        p->kind = PK_DUR;
        p->type = ANNALS_TIMEX_DURATION;
        p->unit = b.val;
        p->n = n;
        p->rule = "hyphen-duration";
        return i + 1;
    }
    if (ha && a.cls == DC_UNIT && h.n == 2 && h.len[1] == 4 && memcmp(h.s[1], "long", 4) == 0) {
        p->kind = PK_DUR;
        p->type = ANNALS_TIMEX_DURATION;
        p->unit = a.val;
        p->n = (a.flags & DF_PLURAL) ? N_VAGUE : 1;
        p->rule = "unit-long";
        return i + 1;
    }
    return 0;
}

static int num2(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* Parse "hh:mm" at s (len n); returns true with h, m. */
static bool parse_hhmm(const char *s, size_t n, int *h, int *m)
{
    if (n == 5 && s[2] == ':' && all_digits(s, 2) && all_digits(s + 3, 2)) {
        *h = num2(s);
        *m = num2(s + 3);
    } else if (n == 4 && s[1] == ':' && all_digits(s, 1) && all_digits(s + 2, 2)) {
        *h = s[0] - '0';
        *m = num2(s + 2);
    } else {
        return false;
    }
    return *h <= 24 && *m <= 59;
}

/* Attach the day named after a clock time: "3 p.m. Tuesday", "10 a.m. today". */
static size_t time_day(rctx *r, size_t i, size_t k, dproto *p)
{
    if (!same(r, i, k)) {
        return k;
    }
    if (T(r, k)->cls == DC_TZ) {
        k++;
        if (!same(r, i, k)) {
            return k;
        }
    }
    size_t k2 = k;
    if (T(r, k2)->cls == DC_COMMA || is_w(r, k2, "on")) {
        k2++;
    }
    dproto q;
    dates__proto_init(&q);
    size_t e = 0;
    if (same(r, i, k2)) {
        e = r_weekday(r, k2, &q);
        if (e == 0) {
            e = r_deict(r, k2, &q);
        }
        if (e == 0) {
            e = r_month(r, k2, &q);
            if (e > 0 && q.d == 0) {
                e = 0;
            }
        }
    }
    if (e > 0 && q.kind != PK_NONE && q.kind != PK_SET && q.part == DP_NONE) {
        int hh = p->hh, mi = p->mi;
        *p = q;
        p->hh = hh;
        p->mi = mi;
        p->rule = "time-day";
        p->type = ANNALS_TIMEX_TIME;
        return e;
    }
    return k;
}

static void time_default(dproto *p)
{
    p->kind = PK_SHIFT;
    p->unit = DU_DAY;
    p->n = 0;
    p->anchor = ANCH_AUTO;
    p->type = ANNALS_TIMEX_TIME;
}

/* "3 p.m.", "11:30 a.m. EST", "10am", "14:30 GMT", "noon", "midnight". */
static size_t r_time(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    const annals__token *tk = TK(r, i);
    int hh = -1, mi = 0;
    size_t k = i + 1;
    if (t->cls == DC_NOON) {
        if (i > 0 && (is_w(r, i - 1, "after") || is_w(r, i - 1, "high"))) {
            return 0; /* "afternoon" split, "high noon": an idiom */
        }
        hh = t->val;
        time_default(p);
        p->hh = hh;
        p->mi = 0;
        p->rule = "noon";
        return time_day(r, i, k, p);
    }
    if (t->cls != DC_NUM) {
        return 0;
    }
    if (t->val != 0) {
        /* "10am" */
        if (t->num < 1 || t->num > 12) {
            return 0;
        }
        hh = t->num % 12 + (t->val == 2 ? 12 : 0);
    } else if (t->flags & DF_DECIMAL) {
        if (!parse_hhmm(r->doc->text + tk->start, tk->end - tk->start, &hh, &mi)) {
            return 0;
        }
        bool ampm = same(r, i, k) && T(r, k)->cls == DC_AMPM;
        if (ampm) {
            if (hh < 1 || hh > 12) {
                return 0;
            }
            hh = hh % 12 + (T(r, k)->val ? 12 : 0);
            k++;
        } else if (!(same(r, i, k) && T(r, k)->cls == DC_TZ) &&
                   !(i > 0 && (is_w(r, i - 1, "at") || is_w(r, i - 1, "by") ||
                               is_w(r, i - 1, "until") || is_w(r, i - 1, "around")))) {
            return 0; /* "3:1" scores, ratios */
        }
    } else if (plain_num(t) && t->ndig <= 2 && t->num >= 1 && t->num <= 12 && same(r, i, k) &&
               T(r, k)->cls == DC_AMPM && (TK(r, k)->flags & ANNALS_TOK_ABBREV ||
                                           !(TK(r, k)->flags & ANNALS_TOK_CAP))) {
        hh = t->num % 12 + (T(r, k)->val ? 12 : 0);
        k++;
    } else if (plain_num(t) && t->ndig <= 2 && t->num >= 1 && t->num <= 12 && same(r, i, k) &&
               T(r, k)->cls == DC_OCLOCK) {
        hh = t->num;
        k++;
    } else {
        return 0;
    }
    if (hh == 24) {
        hh = 0;
    }
    time_default(p);
    p->hh = hh;
    p->mi = mi;
    p->rule = "clock-time";
    return time_day(r, i, k, p);
}

/* "2024-02-06", "02/06/2024", "6/2/24". */
static size_t r_numeric(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    if (t->cls != DC_NUM || !(t->flags & DF_DECIMAL)) {
        return 0;
    }
    const annals__token *tk = TK(r, i);
    const char *s = r->doc->text + tk->start;
    size_t n = tk->end - tk->start;
    int y = 0, m = 0, d = 0;
    if ((n == 9 || n == 7) && s[4] == '-' && all_digits(s, 4) && all_digits(s + 5, n - 5)) {
        /* a year range: "1861-1865", "1915-17" */
        int y1 = num2(s) * 100 + num2(s + 2);
        int y2 = n == 9 ? num2(s + 5) * 100 + num2(s + 7) : (y1 / 100) * 100 + num2(s + 5);
        if (y1 < 1000 || y1 > 2199 || y2 <= y1 || y2 - y1 > 99) {
            return 0;
        }
        p->kind = PK_CAL;
        p->y = y1;
        p->y2 = y2;
        p->split = 4;
        p->second = 5;
        p->rule = "year-range";
        return i + 1;
    }
    if (n == 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4] && all_digits(s, 4) &&
        all_digits(s + 5, 2) && all_digits(s + 8, 2)) {
        y = num2(s) * 100 + num2(s + 2);
        m = num2(s + 5);
        d = num2(s + 8);
        p->rule = "iso-date";
    } else {
        /* a/b/c with 1-2, 1-2, 2 or 4 digits */
        size_t f[3] = {0, 0, 0}, fl[3] = {0, 0, 0}, nf = 0, a = 0;
        for (size_t k = 0; k <= n; k++) {
            if (k == n || s[k] == '/') {
                if (nf == 3) {
                    return 0;
                }
                f[nf] = a;
                fl[nf] = k - a;
                nf++;
                a = k + 1;
            } else if (s[k] < '0' || s[k] > '9') {
                return 0;
            }
        }
        if (nf != 3 || fl[0] < 1 || fl[0] > 2 || fl[1] < 1 || fl[1] > 2 ||
            (fl[2] != 2 && fl[2] != 4)) {
            return 0;
        }
        int v[3];
        for (size_t q = 0; q < 3; q++) {
            v[q] = 0;
            for (size_t k = 0; k < fl[q]; k++) {
                v[q] = v[q] * 10 + (s[f[q] + k] - '0');
            }
        }
        y = fl[2] == 2 ? (v[2] >= 50 ? 1900 + v[2] : 2000 + v[2]) : v[2];
        if (v[0] > 12 && v[1] <= 12) {
            d = v[0];
            m = v[1];
            p->rule = "numeric-dmy";
        } else if (v[1] > 12 && v[0] <= 12) {
            m = v[0];
            d = v[1];
            p->rule = "numeric-mdy";
        } else {
            m = v[0];
            d = v[1];
            p->rule = "numeric-mdy-ambiguous";
        }
    }
    p->kind = PK_CAL;
    if (y < 1000 || !valid_md(y, m, d)) {
        p->kind = PK_NONE;
        return i + 1;
    }
    p->y = y;
    p->m = m;
    p->d = d;
    return i + 1;
}

/* "now", "currently", "recently", "soon". */
static size_t r_ref(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    if (t->cls == DC_REFW && t->val != 0) {
        p->kind = PK_REF;
        p->refkind = t->val;
        p->rule = "ref-word";
        return i + 1;
    }
    if (t->cls == DC_FUTURE && i > 0 && same(r, i, i - 1) &&
        (is_w(r, i - 1, "in") || is_w(r, i - 1, "near"))) {
        p->kind = PK_REF;
        p->refkind = DR_FUTURE;
        p->rule = "future";
        return i + 1;
    }
    if (t->cls == DC_PRESENT && i > 0 && is_w(r, i - 1, "at") && same(r, i, i - 1)) {
        p->kind = PK_REF;
        p->refkind = DR_PRESENT;
        p->rule = "at-present";
        return i + 1;
    }
    return 0;
}

/* "daily", "every week", "each Monday", "every two years". */
static size_t r_set(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    if (t->cls == DC_SETW) {
        if (is_w(r, i, "annual")) {
            return 0;
        }
        if (is_w(r, i, "annually") && after_amount(r, i)) {
            return 0; /* "to rise 8.5% annually": a rate */
        }
        if (i > 0 && same(r, i, i - 1) && is_w(r, i - 1, "average")) {
            return 0; /* "average daily volume": a measure, not a recurrence */
        }
        p->kind = PK_SET;
        p->type = ANNALS_TIMEX_SET;
        p->unit = t->val == DU_NIGHT ? DU_DAY : t->val;
        p->n = t->val == DU_QUARTER ? 3 : 1;
        if (t->val == DU_QUARTER) {
            p->unit = DU_MONTH;
        }
        p->rule = "set-word";
        return i + 1;
    }
    if (t->cls != DC_EVERY || is_w(r, i, "per")) {
        return 0;
    }
    size_t j = i + 1;
    if (!same(r, i, j)) {
        return 0;
    }
    const dtok *u = T(r, j);
    p->kind = PK_SET;
    p->type = ANNALS_TIMEX_SET;
    p->rule = "every";
    bool pl;
    int unit = unit_at(r, j, &pl);
    if (unit != DU_NONE && !pl) {
        p->unit = unit == DU_NIGHT ? DU_DAY : unit;
        p->n = 1;
        if (unit == DU_NIGHT) {
            p->part = DP_NI;
        }
        return j + 1;
    }
    if (u->cls == DC_WEEKDAY) {
        p->wd = u->val;
        p->unit = DU_NONE;
        return j + 1;
    }
    if (u->cls == DC_MONTH && !(u->flags & DF_ABBR)) {
        p->m = u->val;
        return j + 1;
    }
    if (u->cls == DC_PART) {
        p->part = u->val;
        return j + 1;
    }
    int n;
    size_t k = parse_count(r, j, &n);
    if (k > 0 && n > 0 && same(r, i, k) && (unit = unit_at(r, k, &pl)) != DU_NONE) {
        p->unit = unit;
        p->n = n;
        return k + 1;
    }
    if (is_w(r, j, "other") && same(r, i, j + 1) && (unit = unit_at(r, j + 1, &pl)) != DU_NONE) {
        p->unit = unit;
        p->n = 2;
        return j + 2;
    }
    p->kind = PK_NONE;
    return 0;
}

/* "Christmas", "Thanksgiving Day", "Christmas Eve 2023". */
static size_t r_holiday(rctx *r, size_t i, dproto *p)
{
    const dtok *t = T(r, i);
    if (t->cls != DC_HOLIDAY || !(TK(r, i)->flags & ANNALS_TOK_CAP)) {
        return 0;
    }
    size_t j = i + 1;
    const dates_holiday *h = &dates__holidays[t->val];
    int d = h->day;
    if (same(r, i, j) && (is_w(r, j, "day") || is_w(r, j, "eve"))) {
        if (is_w(r, j, "eve") && d > 0) {
            d--;
        }
        j++;
    }
    p->kind = PK_CAL;
    p->m = h->month;
    p->d = d > 0 ? d : -(t->val + 1); /* computed once the year is known */
    int32_t y;
    if (year_at(r, i, j, &y)) {
        p->y = y;
        j++;
    }
    p->rule = "holiday";
    return j;
}

/* After "the": "the weekend", "the future", "the past", "the present",
 * "the near future", "the year-ago quarter", "the day before". */
static size_t r_the(rctx *r, size_t i, dproto *p)
{
    if (T(r, i)->cls != DC_THE) {
        return 0;
    }
    size_t j = i + 1;
    if (!same(r, i, j)) {
        return 0;
    }
    const dtok *u = T(r, j);
    if (is_year_tok(u) && same(r, i, j + 1) && is_w(r, j + 1, "period")) {
        p->kind = PK_QUARTER; /* "the 1988 period": the quarter reported, that year */
        p->y = u->num;
        p->rule = "year-period";
        return j + 2;
    }
    if (u->cls == DC_UNIT && u->val == DU_WEEK && !(u->flags & DF_PLURAL) &&
        same(r, i, j + 2) && T(r, j + 1)->cls == DC_OF && T(r, j + 2)->cls == DC_MONTH) {
        /* "the week of March 6": the week that contains the day */
        size_t e = r_month(r, j + 2, p);
        if (e > 0 && p->kind == PK_CAL && p->m > 0 && p->d > 0 && !p->split_range &&
            p->hh < 0 && p->y2 == 0) {
            p->week_of = true;
            p->rule = "week-of";
            return e;
        }
        dates__proto_init(p);
    }
    if (u->cls == DC_UNIT && u->val == DU_WEEKEND && !(u->flags & DF_PLURAL)) {
        p->kind = PK_SHIFT;
        p->unit = DU_WEEKEND;
        p->n = 0;
        p->dir = DIR_AUTO;
        p->anchor = ANCH_DCT;
        p->rule = "the-weekend";
        return j + 1;
    }
    {
        /* "the quarter", "the latest period", "the full year", "the year" */
        size_t k = j;
        bool adj = false, latest = false;
        while (k < j + 3 && same(r, i, k) &&
               (is_w(r, k, "full") || is_w(r, k, "current") || is_w(r, k, "fiscal") ||
                is_w(r, k, "latest") || is_w(r, k, "entire") || is_w(r, k, "whole"))) {
            latest = latest || is_w(r, k, "latest");
            adj = true;
            k++;
        }
        const dtok *v = T(r, k);
        if (!adj && v->cls == DC_UNIT && v->val == DU_YEAR && !(v->flags & DF_PLURAL)) {
            /* "the year 2000", "the year two thousand" */
            int32_t y;
            size_t e = spoken_year(r, i, k + 1, &y);
            if (e == 0 && same(r, i, k + 1) && is_year_tok(T(r, k + 1))) {
                y = T(r, k + 1)->num;
                e = k + 2;
            }
            if (e > 0) {
                p->kind = PK_CAL;
                p->y = y;
                p->rule = "the-year-named";
                return e;
            }
        }
        bool tail_ok = !same(r, i, k + 1) ||
                       (T(r, k + 1)->cls != DC_OF && !is_year_tok(T(r, k + 1)) &&
                        T(r, k + 1)->cls != DC_NUMW && T(r, k + 1)->cls != DC_NUM);
        if (same(r, i, k) && tail_ok) {
            if ((v->cls == DC_UNIT && v->val == DU_QUARTER && !(v->flags & DF_PLURAL)) ||
                (latest && is_w(r, k, "period"))) {
                if (!is_w(r, j, "current")) {
                    p->kind = PK_QUARTER;
                    p->rule = "reporting-quarter";
                    return k + 1;
                }
            }
            if (v->cls == DC_UNIT && v->val == DU_YEAR && !(v->flags & DF_PLURAL)) {
                if (adj) {
                    p->kind = PK_SHIFT;
                    p->unit = DU_YEAR;
                    p->n = 0;
                    p->anchor = ANCH_AUTO;
                    p->rule = "the-current-year";
                } else if (is_w(r, k + 1, "ended") || is_w(r, k + 1, "ending")) {
                    p->kind = PK_DUR; /* "for the year ended Sept. 30" */
                    p->type = ANNALS_TIMEX_DURATION;
                    p->unit = DU_YEAR;
                    p->n = 1;
                    p->rule = "the-year";
                } else {
                    p->kind = PK_SHIFT; /* "for the year", "earlier in the year" */
                    p->unit = DU_YEAR;
                    p->n = 0;
                    p->anchor = ANCH_AUTO;
                    p->rule = "the-year-date";
                }
                return k + 1;
            }
        }
    }
    if ((is_w(r, j, "near") || is_w(r, j, "short") || is_w(r, j, "long")) &&
        same(r, i, j + 1) && is_w(r, j + 1, "term")) {
        p->kind = PK_REF; /* "in the near term", "over the long term" */
        p->refkind = DR_FUTURE;
        p->rule = "the-term";
        return j + 2;
    }
    if (u->cls == DC_UNIT && (u->flags & DF_PLURAL) && u->val != DU_WEEKEND &&
        same(r, i, j + 1) && is_w(r, j + 1, "ahead")) {
        p->kind = PK_DUR; /* "the weeks ahead", like "the coming weeks" */
        p->type = ANNALS_TIMEX_DURATION;
        p->unit = u->val;
        p->n = N_VAGUE;
        p->rule = "the-units-ahead";
        return j + 2;
    }
    if (is_w(r, j, "near") && same(r, i, j + 1) && T(r, j + 1)->cls == DC_FUTURE) {
        j++;
        u = T(r, j);
    }
    if (u->cls == DC_FUTURE) {
        p->kind = PK_REF;
        p->refkind = DR_FUTURE;
        p->rule = "the-future";
        return j + 1;
    }
    if (u->cls == DC_PRESENT) {
        p->kind = PK_REF;
        p->refkind = DR_PRESENT;
        p->rule = "the-present";
        return j + 1;
    }
    if (u->cls == DC_REL && u->val == DREL_PAST) {
        const dtok *v = T(r, j + 1);
        bool pl;
        int n;
        if (same(r, i, j + 1) &&
            (unit_at(r, j + 1, &pl) != DU_NONE || parse_count(r, j + 1, &n) > 0 ||
             v->cls == DC_WEEKDAY || v->cls == DC_MONTH || v->cls == DC_SEASON)) {
            return 0;
        }
        p->kind = PK_REF;
        p->refkind = DR_PAST;
        p->rule = "the-past";
        return j + 1;
    }
    if (u->cls == DC_HYPH) {
        dproto q;
        dates__proto_init(&q);
        size_t e = r_hyph(r, j, &q);
        if (e > 0 && q.kind == PK_YEARAGO && same(r, i, e) &&
            ((T(r, e)->cls == DC_UNIT && T(r, e)->val == DU_QUARTER) || is_w(r, e, "period"))) {
            *p = q;
            p->anchor = ANCH_REF;
            p->rule = "year-earlier-period";
            return e + 1;
        }
    }
    if (u->cls == DC_UNIT && u->val == DU_DAY && !(u->flags & DF_PLURAL) && same(r, i, j + 1) &&
        T(r, j + 1)->cls == DC_DIR && (T(r, j + 1)->val == 2 || T(r, j + 1)->val == -2)) {
        size_t k = j + 2;
        bool end = !same(r, i, k) || (TK(r, k)->flags & ANNALS_TOK_PUNCT) ||
                   T(r, k)->cls == DC_COMMA;
        if (is_w(r, k, "yesterday") || is_w(r, k, "tomorrow")) {
            p->kind = PK_SHIFT;
            p->unit = DU_DAY;
            p->n = is_w(r, k, "yesterday") ? -2 : 2;
            p->anchor = ANCH_DCT;
            p->rule = "day-before-yesterday";
            return k + 1;
        }
        if (end) {
            p->kind = PK_SHIFT;
            p->unit = DU_DAY;
            p->n = T(r, j + 1)->val > 0 ? 1 : -1;
            p->anchor = ANCH_REF;
            p->rule = "the-day-before";
            return j + 2;
        }
    }
    return 0;
}

/* The core rules that can start at a token of each class: one table,
 * so a token only runs the rules that could match it. */
#define MAX_RULES 8
static const rule_fn rule_table[DC_COUNT][MAX_RULES] = {
    [DC_NUM] = {r_numeric, r_time, r_daymonth, r_year, r_count, r_quarter, r_hyph_range, NULL},
    [DC_ORDNUM] = {r_daymonth, r_century, r_quarter, NULL},
    [DC_ORDW] = {r_daymonth, r_century, r_quarter, NULL},
    [DC_MONTH] = {r_month, NULL},
    [DC_WEEKDAY] = {r_weekday, NULL},
    [DC_SEASON] = {r_season, NULL},
    [DC_FISCAL] = {r_year, r_quarter, NULL},
    [DC_DECADE] = {r_decade, NULL},
    [DC_DECADEW] = {r_decade, NULL},
    [DC_NONE] = {r_decade, NULL},
    [DC_WORD] = {r_quarter, NULL},
    [DC_DEICT] = {r_deict, NULL},
    [DC_REL] = {r_rel, NULL},
    [DC_A] = {r_count, NULL},
    [DC_NUMW] = {r_count, r_year, NULL},
    [DC_HYPH] = {r_count, r_hyph, r_quarter, r_hyph_range, NULL},
    [DC_UNIT] = {r_bare_plural, NULL},
    [DC_REFW] = {r_ref, NULL},
    [DC_PRESENT] = {r_ref, NULL},
    [DC_FUTURE] = {r_ref, NULL},
    [DC_SETW] = {r_set, NULL},
    [DC_EVERY] = {r_set, NULL},
    [DC_HOLIDAY] = {r_holiday, NULL},
    [DC_THE] = {r_the, NULL},
    [DC_NOON] = {r_time, NULL},
    [DC_PART] = {r_part, NULL},
};

static size_t match_core(rctx *r, size_t i, dproto *best)
{
    uint8_t cls = T(r, i)->cls;
    size_t best_e = 0;
    if (cls >= DC_COUNT) {
        return 0;
    }
    const rule_fn *row = rule_table[cls];
    for (size_t k = 0; k < MAX_RULES && row[k] != NULL; k++) {
        dproto q;
        dates__proto_init(&q);
        size_t e = row[k](r, i, &q);
        if (e > best_e) {
            best_e = e;
            *best = q;
        }
    }
    return best_e;
}

static bool is_date_kind(const dproto *q)
{
    return q->kind == PK_CAL || q->kind == PK_SHIFT || q->kind == PK_MONTHREL ||
           q->kind == PK_WEEKDAY || q->kind == PK_QUARTER || q->kind == PK_YEARAGO;
}

static bool is_amount_kind(const dproto *q)
{
    return q->kind == PK_DUR || ((q->kind == PK_SHIFT || q->kind == PK_YEARAGO) &&
                                 q->anchor != ANCH_AUTO && q->unit != DU_NONE &&
                                 q->n != 0 && q->rule != NULL &&
                                 (strcmp(q->rule, "ago") == 0 ||
                                  strncmp(q->rule, "units-", 6) == 0));
}

static size_t match_at(rctx *r, size_t i, dproto *p, int depth);
static bool cannot_start(const dtok *t);

/* Prefixes that wrap a core match. */
static size_t match_prefix(rctx *r, size_t i, dproto *p, int depth)
{
    const dtok *t = T(r, i);
    size_t j = i + 1;
    dproto q;
    size_t e;
    if (!same(r, i, j) || depth >= 3) {
        return 0;
    }
    switch (t->cls) {
    case DC_THE: {
        if (cannot_start(T(r, j))) {
            return 0;
        }
        dates__proto_init(&q);
        e = match_at(r, j, &q, depth + 1);
        if (e == 0 || q.kind == PK_NONE) {
            return 0;
        }
        /* "the 2024 election", "the May ..." keep the bare form */
        if (q.rule != NULL && q.mod == DM_NONE &&
            (strcmp(q.rule, "year") == 0 || strcmp(q.rule, "month") == 0 ||
             strcmp(q.rule, "weekday") == 0 || strcmp(q.rule, "ref-word") == 0 ||
             strcmp(q.rule, "month-day") == 0 || strcmp(q.rule, "set-word") == 0 ||
             strcmp(q.rule, "hyphen-duration") == 0 || strcmp(q.rule, "unit-long") == 0 ||
             strcmp(q.rule, "year-earlier") == 0 || strcmp(q.rule, "future") == 0)) {
            return 0;
        }
        if (q.kind == PK_SHIFT && q.anchor == ANCH_DCT && q.rule != NULL &&
            strcmp(q.rule, "rel-next-unit") == 0) {
            q.anchor = ANCH_REF; /* "the next day" follows the story */
        }
        *p = q;
        return e;
    }
    case DC_POS: {
        int mod = t->val;
        size_t k = j;
        if (is_w(r, i, "end") || is_w(r, i, "beginning") || is_w(r, i, "start") ||
            is_w(r, i, "middle") || is_w(r, i, "close") || is_w(r, i, "dawn") ||
            is_w(r, i, "latter")) {
            if (is_w(r, i, "latter") && is_w(r, k, "part")) {
                k++;
            }
            if (T(r, k)->cls != DC_OF || !same(r, i, k)) {
                return 0;
            }
            k++;
            if (T(r, k)->cls == DC_THE && same(r, i, k + 1)) {
                /* "the end of the year" */
                bool pl;
                int un = unit_at(r, k + 1, &pl);
                if ((un == DU_YEAR || un == DU_MONTH || un == DU_WEEK || un == DU_DECADE ||
                     un == DU_CENTURY || un == DU_DAY) && !pl) {
                    dates__proto_init(p);
                    p->kind = PK_SHIFT;
                    p->unit = un;
                    p->n = 0;
                    p->anchor = ANCH_AUTO;
                    p->mod = mod;
                    p->rule = "pos-of-the-unit";
                    return k + 2;
                }
            }
        }
        dates__proto_init(&q);
        e = match_at(r, k, &q, depth + 1);
        if (e == 0 || !is_date_kind(&q) || !same(r, i, k)) {
            return 0;
        }
        q.mod = mod;
        *p = q;
        return e;
    }
    case DC_APPROX:
    case DC_NUMW:
    case DC_AT: {
        int mod = t->val;
        size_t k = j;
        if (t->cls == DC_NUMW) {
            if (t->val != -2) {
                return 0;
            }
            mod = DM_APPROX;
        } else if (t->cls == DC_AT) {
            if (T(r, j)->cls != DC_APPROX ||
                (T(r, j)->val != DM_EQ_MORE && T(r, j)->val != DM_EQ_LESS)) {
                return 0;
            }
            mod = T(r, j)->val;
            k = j + 1;
        } else if (mod == DM_MORE || (mod == DM_LESS && !is_w(r, i, "under"))) {
            if (T(r, j)->cls != DC_THAN) {
                return 0;
            }
            k = j + 1;
        } else if (mod == DM_UPTO) {
            if (T(r, j)->cls != DC_TO) {
                return 0;
            }
            mod = DM_EQ_LESS;
            k = j + 1;
        } else if (mod == DM_EQ_MORE || mod == DM_EQ_LESS) {
            return 0; /* "least"/"most" need "at" */
        }
        if (!same(r, i, k)) {
            return 0;
        }
        dates__proto_init(&q);
        e = match_at(r, k, &q, depth + 1);
        if (e == 0) {
            return 0;
        }
        bool ok = is_amount_kind(&q) ||
                  (mod == DM_APPROX && q.kind == PK_CAL && q.rule != NULL &&
                   strcmp(q.rule, "year") == 0 && !is_w(r, i, "some"));
        if (!ok) {
            return 0;
        }
        if (is_w(r, i, "over") || is_w(r, i, "under")) {
            if (q.kind != PK_DUR) {
                return 0;
            }
        }
        q.mod = mod;
        *p = q;
        return e;
    }
    case DC_DIR: {
        /* "earlier this year", "later that day", "late last year" */
        if (t->val != 1 && t->val != -1) {
            return 0;
        }
        if (T(r, j)->cls != DC_REL) {
            return 0;
        }
        dates__proto_init(&q);
        e = match_at(r, j, &q, depth + 1);
        if (e == 0 || !is_date_kind(&q)) {
            return 0;
        }
        *p = q;
        return e;
    }
    default:
        return 0;
    }
}

static size_t match_at(rctx *r, size_t i, dproto *p, int depth)
{
    if (i >= r->n || cannot_start(T(r, i))) {
        return 0;
    }
    size_t e = match_core(r, i, p);
    uint8_t cls = T(r, i)->cls;
    if (cls != DC_THE && cls != DC_POS && cls != DC_APPROX && cls != DC_NUMW &&
        cls != DC_AT && cls != DC_DIR) {
        return e; /* no prefix rule starts with this class */
    }
    dproto q;
    dates__proto_init(&q);
    size_t e2 = match_prefix(r, i, &q, depth);
    if (e2 > e) {
        *p = q;
        e = e2;
    }
    return e;
}

/* Classes that can never start a time expression. */
static bool cannot_start(const dtok *t)
{
    switch (t->cls) {
    case DC_NONE:
        return !(t->flags & DF_APOS);
    case DC_WORD:
        return !(t->flags & DF_QTOK);
    case DC_COMMA:
    case DC_POSS:
    case DC_OF:
    case DC_AGO:
    case DC_THAN:
    case DC_TO:
    case DC_FROM:
    case DC_LONG:
    case DC_TZ:
    case DC_AMPM:
    case DC_BC:
    case DC_HALF:
    case DC_OCLOCK:
        return true;
    default:
        return false;
    }
}

static annals_status recognise_all(rctx *rp, annals__vec *out, annals_error *err);

annals_status dates__recognise(annals_doc *doc, const dates_lex *lx, annals__vec *out,
                               annals_error *err)
{
    rctx r;
    memset(&r, 0, sizeof r);
    r.doc = doc;
    r.lx = lx;
    r.n = doc->tokens.n;
    dtok *toks = malloc((r.n + 1u) * sizeof *toks);
    if (toks == NULL) {
        return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_DATES, ANNALS_NO_OFFSET,
                             "out of memory");
    }
    for (size_t k = 0; k < r.n; k++) {
        dates__classify(lx, doc, k, &toks[k]);
    }
    r.toks = toks;
    annals_status rc = recognise_all(&r, out, err);
    free(toks);
    return rc;
}

static annals_status recognise_all(rctx *rp, annals__vec *out, annals_error *err)
{
    rctx r = *rp;
    size_t i = 0;
    while (i < r.n) {
        const dtok *t = T(&r, i);
        if (cannot_start(t)) {
            i++;
            continue;
        }
        dproto p;
        dates__proto_init(&p);
        size_t e = match_at(&r, i, &p, 0);
        if (e <= i) {
            i++;
            continue;
        }
        if (p.kind != PK_NONE && p.split_range) {
            dmatch *m = annals__vec_push(out);
            dmatch *m2 = m ? annals__vec_push(out) : NULL;
            if (m2 == NULL) {
                return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_DATES,
                                     TK(&r, i)->start, "out of memory");
            }
            m = annals__vec_at(out, out->n - 2);
            size_t ct = p.cut_tok;
            dproto p1 = p;
            p1.m = p.m1;
            p1.d = p.d1;
            p1.split_range = false;
            p.split_range = false;
            m->p = p1;
            m->tb = i;
            m->te = ct + 1;
            m->sb = TK(&r, i)->start;
            m->se = TK(&r, ct)->start + p.cut1;
            m2->p = p;
            m2->tb = ct;
            m2->te = e;
            m2->sb = TK(&r, ct)->start + p.cut2;
            m2->se = TK(&r, e - 1)->end;
            i = e;
            continue;
        }
        if (p.kind != PK_NONE && p.y2 != 0) {
            /* a year range gives two timexes */
            dmatch *m = annals__vec_push(out);
            dmatch *m2 = m ? annals__vec_push(out) : NULL;
            if (m2 == NULL) {
                return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_DATES,
                                     TK(&r, i)->start, "out of memory");
            }
            m = annals__vec_at(out, out->n - 2);
            size_t yt = p.second_tok != 0 ? p.second_tok - 2 : e - 1;
            dproto p2 = p;
            p.y2 = 0;
            p2.y = p2.y2;
            p2.y2 = 0;
            m->p = p;
            m2->p = p2;
            m->tb = yt;
            m->te = yt + 1;
            m->sb = TK(&r, yt)->start;
            if (p.second_tok != 0) {
                m->se = TK(&r, yt)->end;
                m2->tb = p.second_tok;
                m2->te = p.second_tok + 1;
                m2->sb = TK(&r, p.second_tok)->start;
                m2->se = TK(&r, p.second_tok)->end;
            } else {
                m->se = m->sb + p.split;
                m2->tb = yt;
                m2->te = yt + 1;
                m2->sb = m->sb + p.second;
                m2->se = TK(&r, yt)->end;
            }
            i = e;
            continue;
        }
        if (p.kind != PK_NONE) {
            dmatch *m = annals__vec_push(out);
            if (m == NULL) {
                return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_DATES,
                                     TK(&r, i)->start, "out of memory");
            }
            m->tb = i;
            m->te = e;
            m->sb = TK(&r, i)->start;
            m->se = TK(&r, e - 1)->end;
            m->p = p;
        }
        i = e;
    }
    return ANNALS_OK;
}

size_t dates__match_at(const annals_doc *doc, const dates_lex *lx, size_t i, dproto *p)
{
    rctx r;
    memset(&r, 0, sizeof r);
    r.doc = doc;
    r.lx = lx;
    r.n = doc->tokens.n;
    dates__proto_init(p);
    return match_at(&r, i, p, 0);
}
