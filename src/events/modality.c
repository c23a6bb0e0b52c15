/* SPDX-License-Identifier: MIT */
/*
 * events/modality.c - modality (negated, planned, hypothetical, reported),
 * the event date (the clause's time expression, else a free one of the
 * sentence, else the DCT for past-tense news in the lede, marked inferred)
 * and casualty counts ("killed more than 27,000 people").
 */
#include "events/events.h"

#include <limits.h>
#include <string.h>


static bool skip_adverb(const ev_sent *s, size_t j)
{
    const annals__token *t = ev_tok(s, j);
    size_t n = annals__tok_len(t);
    const char *p = annals__tok_ptr(s->doc, t);
    return (n > 4 && p[n - 2] == 'l' && p[n - 1] == 'y' && !(t->flags & ANNALS_TOK_CAP)) ||
           ev_is(s, j, EV_KW_ALSO) || ev_is(s, j, EV_KW_STILL) || ev_is(s, j, EV_KW_SOON) ||
           ev_is(s, j, EV_KW_THEN) || ev_is(s, j, EV_KW_AGAIN) || ev_is(s, j, EV_KW_BE) ||
           ev_is(s, j, EV_KW_HAVE) || ev_is(s, j, EV_KW_BEEN) || ev_is(s, j, EV_KW_LATER);
}

static void set_mod(ev_trigger *t, annals_modality m, const char *why)
{
    /* negation > hypothetical > planned > reported > asserted */
    static const int rank[] = {0, 4, 2, 3, 1};
    if (rank[m] > rank[t->modality]) {
        t->modality = m;
        t->mod_why = why;
    }
}

static void local_modality(ev_sent *s, ev_trigger *t)
{
    size_t j = t->tb, steps = 0;
    int kind = s->seg_kind[t->seg];

    while (j > s->tb && steps < 5) {
        j--;
        steps++;
        if (s->seg[j - s->tb] != t->seg) {
            break;
        }
        if (ev_in(s, j, EVC_NEG)) {
            set_mod(t, ANNALS_MOD_NEGATED, "negation");
            continue;
        }
        if (ev_in(s, j, EVC_FUTURE)) {
            set_mod(t, ANNALS_MOD_PLANNED, "future auxiliary");
            continue;
        }
        if (ev_in(s, j, EVC_HYPO)) {
            if (ev_is(s, j, EV_KW_WOULD) && kind == EV_SEG_REPORTED) {
                set_mod(t, ANNALS_MOD_PLANNED, "reported future");
            } else {
                set_mod(t, ANNALS_MOD_HYPOTHETICAL, "modal verb");
            }
            continue;
        }
        if (ev_is(s, j, EV_KW_TO)) {
            if (j > s->tb && ev_in(s, j - 1, EVC_NEG_VERB)) {
                set_mod(t, ANNALS_MOD_NEGATED, "refused/failed to");
                break;
            }
            if (j > s->tb && ev_in(s, j - 1, EVC_PLAN) && !ev_is(s, j - 1, EV_KW_IS) &&
                !ev_is(s, j - 1, EV_KW_ARE)) {
                set_mod(t, ANNALS_MOD_PLANNED, "plan/expectation");
                break;
            }
            if (j > s->tb && (ev_is(s, j - 1, EV_KW_IS) || ev_is(s, j - 1, EV_KW_ARE))) {
                set_mod(t, ANNALS_MOD_PLANNED, "is to");
                break;
            }
            continue;
        }
        if (skip_adverb(s, j) || ev_is(s, j, EV_KW_HAS) || ev_is(s, j, EV_KW_HAVE) ||
            ev_is(s, j, EV_KW_HAD) || ev_is(s, j, EV_KW_DID) || ev_is(s, j, EV_KW_DOES) ||
            ev_is(s, j, EV_KW_DO) || ev_is(s, j, EV_KW_IS) || ev_is(s, j, EV_KW_ARE) ||
            ev_is(s, j, EV_KW_WAS) || ev_is(s, j, EV_KW_WERE)) {
            continue;
        }
        if (t->noun) {
            continue; /* "no ceasefire", "the planned visit" are checked above */
        }
        break;
    }
    if (t->noun && t->tb > s->tb) {
        size_t p = t->tb - 1;
        if (ev_is(s, p, EV_KW_PLANNED) || ev_is(s, p, EV_KW_PROPOSED) ||
            ev_is(s, p, EV_KW_UPCOMING) || ev_is(s, p, EV_KW_EXPECTED)) {
            set_mod(t, ANNALS_MOD_PLANNED, "planned noun");
        } else if (ev_is(s, p, EV_KW_POSSIBLE) || ev_is(s, p, EV_KW_POTENTIAL)) {
            set_mod(t, ANNALS_MOD_HYPOTHETICAL, "possible noun");
        }
    }
    if (kind == EV_SEG_COND) {
        set_mod(t, ANNALS_MOD_HYPOTHETICAL, "conditional clause");
    }
}

static bool quote_between(const ev_sent *s, size_t a, size_t b)
{
    size_t j;
    if (b < a) {
        size_t x = a;
        a = b;
        b = x;
    }
    for (j = a; j < b && j < s->te; j++) {
        if (ev_tok(s, j)->flags & ANNALS_TOK_QUOTE) {
            return true;
        }
    }
    return false;
}

void ev_modality(ev_sent *s)
{
    size_t ti, last_say = SIZE_MAX;
    bool final_attr = false;

    /* "..., Ryder said." : the attribution comes last */
    for (ti = s->trigs.n; ti-- > 0;) {
        const ev_trigger *t = annals__vec_at(&s->trigs, ti);
        if (t->dead || t->absorbed_by >= 0) {
            continue;
        }
        if ((t->flags & EV_F_SAY) && !t->noun) {
            size_t j;
            bool sep = false;
            for (j = t->tb; j > s->tb && j + 8 > t->tb; j--) {
                const annals__token *k = ev_tok(s, j - 1);
                if ((k->flags & (ANNALS_TOK_QUOTE)) ||
                    ((k->flags & ANNALS_TOK_PUNCT) && s->doc->text[k->start] == ',')) {
                    sep = true;
                    break;
                }
            }
            if (sep && ti > 0) {
                final_attr = true;
                last_say = ti;
            }
        }
        break;
    }
    for (ti = 0; ti < s->trigs.n; ti++) {
        ev_trigger *t = annals__vec_at(&s->trigs, ti);
        int kind;
        local_modality(s, t);
        kind = s->seg_kind[t->seg];
        if (!(t->flags & EV_F_SAY) || t->noun) {
            if (kind == EV_SEG_REPORTED) {
                set_mod(t, ANNALS_MOD_REPORTED, "reported speech");
            } else if (final_attr && ti < last_say) {
                set_mod(t, ANNALS_MOD_REPORTED, "attributed to a speaker");
            } else if (s->according && !quote_between(s, t->te, s->according_tok)) {
                set_mod(t, ANNALS_MOD_REPORTED, "according to");
            } else if (s->quoted[t->tb - s->tb]) {
                set_mod(t, ANNALS_MOD_REPORTED, "quotation");
            }
        }
    }
    /* "after meeting ..." shares the planned mood of "will fly" */
    for (ti = 0; ti < s->trigs.n; ti++) {
        ev_trigger *t = annals__vec_at(&s->trigs, ti);
        int kind = s->seg_kind[t->seg];
        if ((kind == EV_SEG_SUBORD || kind == EV_SEG_COORD) && t->modality == ANNALS_MOD_ASSERTED &&
            (t->infl == EV_ING || t->infl == EV_BASE)) {
            size_t k;
            int parent = s->seg_parent[t->seg];
            for (k = ti > 16 ? ti - 16 : 0; k < ti; k++) {
                const ev_trigger *o = annals__vec_at(&s->trigs, k);
                if (o->seg == parent && (o->modality == ANNALS_MOD_PLANNED ||
                                         o->modality == ANNALS_MOD_HYPOTHETICAL)) {
                    set_mod(t, o->modality, "mood of the main clause");
                }
            }
        }
    }
}

/* ----------------------------------------------------------------- dates */

static bool usable_timex(const ev_sent *s, int32_t x)
{
    const annals__timex *tx;
    if (x < 0) {
        return false;
    }
    tx = ANNALS__TIMEX(s->doc, (size_t)x);
    if (!(tx->type == ANNALS_TIMEX_DATE || tx->type == ANNALS_TIMEX_TIME) ||
        tx->value[0] == '\0') {
        return false;
    }
    if (tx->value[0] != 'P' && tx->value[0] != 'F') {
        return true; /* digits or X: a calendar value */
    }
    return strcmp(tx->value, "PRESENT_REF") != 0 && strcmp(tx->value, "PAST_REF") != 0 &&
           strcmp(tx->value, "FUTURE_REF") != 0;
}

static int pick_timex(const ev_sent *s, const ev_trigger *t, const char **why)
{
    size_t j, steps;
    int seg = t->seg;

    /* right, inside the clause, up to the next verbal trigger */
    for (j = t->te, steps = 0; j < s->te && steps < 24; j++, steps++) {
        int g = s->seg[j - s->tb];
        int32_t tr = s->trig[j - s->tb];
        if (g < seg) {
            break;
        }
        if (g != seg) {
            continue;
        }
        if (tr >= 0 && tr != (int32_t)(t - (const ev_trigger *)s->trigs.items)) {
            const ev_trigger *o = annals__vec_at(&s->trigs, (size_t)tr);
            if (!o->noun && o->absorbed_by < 0) {
                break;
            }
        }
        if (usable_timex(s, s->timex[j - s->tb])) {
            *why = "time expression of the clause";
            return s->timex[j - s->tb];
        }
    }
    /* left, inside the clause, up to another trigger */
    for (j = t->tb, steps = 0; j > s->tb && steps < 24; steps++) {
        int g;
        int32_t tr;
        j--;
        g = s->seg[j - s->tb];
        tr = s->trig[j - s->tb];
        if (g < seg) {
            break;
        }
        if (g != seg) {
            continue;
        }
        if (usable_timex(s, s->timex[j - s->tb])) {
            *why = "time expression of the clause";
            return s->timex[j - s->tb];
        }
        if (tr >= 0 || steps > 10) {
            break;
        }
    }
    if (s->seg_kind[seg] == EV_SEG_REPORTED) {
        return -1;
    }
    /* a free time expression of the sentence: its clause reports no event
     * (s->free_timex, computed once per sentence) */
    if (s->free_timex >= 0 && s->free_seg != seg) {
        *why = "time expression of the sentence";
        return s->free_timex;
    }
    return -1;
}

void ev_dates(ev_sent *s)
{
    size_t ti, j;
    /* live triggers per segment (segment ids are < tokens), then the first
     * usable time expression whose clause has none */
    for (j = 0; j < (size_t)s->nseg; j++) {
        s->seg_live[j] = 0;
    }
    for (ti = 0; ti < s->trigs.n; ti++) {
        const ev_trigger *t = annals__vec_at(&s->trigs, ti);
        if (!t->dead && t->absorbed_by < 0) {
            s->seg_live[t->seg] = 1;
        }
    }
    s->free_timex = -1;
    s->free_seg = -1;
    for (j = s->tb; j < s->te; j++) {
        int32_t x = s->timex[j - s->tb];
        int g = s->seg[j - s->tb];
        if (usable_timex(s, x) && !s->seg_live[g] && s->seg_kind[g] != EV_SEG_REPORTED) {
            s->free_timex = x;
            s->free_seg = g;
            break;
        }
    }
    for (ti = 0; ti < s->trigs.n; ti++) {
        ev_trigger *t = annals__vec_at(&s->trigs, ti);
        const char *why = NULL;
        t->timex = pick_timex(s, t, &why);
        t->date_why = why;
    }
}

/* ---------------------------------------------------------------- counts */

static const struct {
    const char *w;
    size_t len;
    long long v;
} numwords[] = {{"one", 3, 1}, {"two", 3, 2}, {"three", 5, 3}, {"four", 4, 4}, {"five", 4, 5},
                {"six", 3, 6}, {"seven", 5, 7}, {"eight", 5, 8}, {"nine", 4, 9}, {"ten", 3, 10},
                {"eleven", 6, 11}, {"twelve", 6, 12}, {"thirteen", 8, 13}, {"fourteen", 8, 14},
                {"fifteen", 7, 15}, {"sixteen", 7, 16}, {"seventeen", 9, 17}, {"eighteen", 8, 18},
                {"nineteen", 8, 19}, {"twenty", 6, 20}, {"thirty", 6, 30}, {"forty", 5, 40},
                {"fifty", 5, 50}, {"sixty", 5, 60}, {"seventy", 7, 70}, {"eighty", 6, 80},
                {"ninety", 6, 90}, {"hundred", 7, 100}, {"a dozen", 7, 12}, {"dozen", 5, 12}};

/* Parse a number at token i: digits with separators or a number word. */
static bool number_at(const ev_sent *s, size_t i, long long *v)
{
    const annals__token *t = ev_tok(s, i);
    const char *p = annals__tok_ptr(s->doc, t);
    size_t n = annals__tok_len(t), k;
    char buf[24];

    if (t->flags & ANNALS_TOK_NUMBER) {
        long long x = 0;
        for (k = 0; k < n; k++) {
            if (p[k] >= '0' && p[k] <= '9') {
                if (x > LLONG_MAX / 20) {
                    return false;
                }
                x = x * 10 + (p[k] - '0');
            } else if (p[k] == '.') {
                break;
            } else if (p[k] != ',') {
                return false;
            }
        }
        *v = x;
    } else {
        size_t bl = annals__lower(p, n, buf, sizeof buf);
        bool found = false;
        for (k = 0; k < sizeof numwords / sizeof numwords[0]; k++) {
            if (numwords[k].len == bl && memcmp(numwords[k].w, buf, bl) == 0) {
                *v = numwords[k].v;
                found = true;
                break;
            }
        }
        if (!found) {
            return false;
        }
    }
    if (i + 1 < s->te) {
        if (ev_is(s, i + 1, EV_KW_MILLION)) {
            *v *= 1000000;
        } else if (ev_is(s, i + 1, EV_KW_THOUSAND)) {
            *v *= 1000;
        } else if (ev_is(s, i + 1, EV_KW_HUNDRED)) {
            *v *= 100;
        }
    }
    return true;
}

/* A count phrase starting at token i: [quantifier] NUMBER [scale] not a unit. */
static bool count_at(const ev_sent *s, size_t i, long long *mn, long long *mx, size_t *end)
{
    size_t j = i;
    int q = 0; /* 0 exact, 1 more than, 2 at least, 3 up to, 4 about */
    long long v;

    if (ev_is(s, j, EV_KW_MORE) && ev_is(s, j + 1, EV_KW_THAN)) {
        q = 1;
        j += 2;
    } else if (ev_is(s, j, EV_KW_OVER) || ev_is(s, j, EV_KW_ABOVE)) {
        q = 1;
        j += 1;
    } else if (ev_is(s, j, EV_KW_AT) && ev_is(s, j + 1, EV_KW_LEAST)) {
        q = 2;
        j += 2;
    } else if ((ev_is(s, j, EV_KW_UP) && ev_is(s, j + 1, EV_KW_TO)) ||
               (ev_is(s, j, EV_KW_FEWER) && ev_is(s, j + 1, EV_KW_THAN)) ||
               (ev_is(s, j, EV_KW_LESS) && ev_is(s, j + 1, EV_KW_THAN))) {
        q = 3;
        j += 2;
    } else if (ev_is(s, j, EV_KW_NEARLY) || ev_is(s, j, EV_KW_ALMOST)) {
        q = 3;
        j += 1;
    } else if (ev_is(s, j, EV_KW_AROUND) || ev_is(s, j, EV_KW_ABOUT) ||
               ev_is(s, j, EV_KW_SOME) || ev_is(s, j, EV_KW_APPROXIMATELY) ||
               ev_is(s, j, EV_KW_ROUGHLY) || ev_is(s, j, EV_KW_AN) ||
               ev_is(s, j, EV_KW_ESTIMATED)) {
        q = 4;
        j += 1;
    }
    if (j >= s->te) {
        return false;
    }
    if (ev_is(s, j, EV_KW_DOZENS) || ev_is(s, j, EV_KW_SCORES) ||
        ev_is(s, j, EV_KW_HUNDREDS) || ev_is(s, j, EV_KW_THOUSANDS)) {
        if (ev_is(s, j, EV_KW_DOZENS)) {
            *mn = 24, *mx = 143;
        } else if (ev_is(s, j, EV_KW_SCORES)) {
            *mn = 40, *mx = 199;
        } else if (ev_is(s, j, EV_KW_HUNDREDS)) {
            *mn = 200, *mx = 1999;
        } else {
            *mn = 2000, *mx = 999999;
        }
        *end = j + 1;
        return !(j + 2 < s->te && ev_is(s, j + 1, EV_KW_OF) && ev_in(s, j + 2, EVC_UNIT));
    }
    if (!number_at(s, j, &v) || s->timex[j - s->tb] >= 0) {
        return false;
    }
    *end = j + 1;
    if (j + 1 < s->te && (ev_is(s, j + 1, EV_KW_MILLION) || ev_is(s, j + 1, EV_KW_THOUSAND) ||
                          ev_is(s, j + 1, EV_KW_HUNDRED))) {
        (*end)++;
    }
    if (*end < s->te && ev_in(s, *end, EVC_UNIT)) {
        return false;
    }
    if (*end < s->te && ev_tok(s, *end)->flags & ANNALS_TOK_HYPHEN) {
        return false; /* "four-month" style modifiers */
    }
    switch (q) {
    case 1: *mn = v + 1; *mx = -1; break;
    case 2: *mn = v; *mx = -1; break;
    case 3: *mn = v > 0 ? 1 : 0; *mx = v; break;
    default: *mn = v; *mx = v; break;
    }
    return true;
}

void ev_counts(ev_sent *s);
void ev_counts(ev_sent *s)
{
    size_t ti;
    for (ti = 0; ti < s->trigs.n; ti++) {
        ev_trigger *t = annals__vec_at(&s->trigs, ti);
        const ev_code *c = ev_code_at(s->lex, t->code);
        size_t j, end = 0;
        bool violent = c->root[0] != '0' && c->root[1] >= '7';
        if (!(t->flags & EV_F_CASUALTY) && !(violent && !t->noun)) {
            continue;
        }
        if (t->passive) {
            /* "around 1,200 people were killed" */
            size_t lo = t->tb > s->tb + 8 ? t->tb - 8 : s->tb;
            for (j = lo; j < t->tb; j++) {
                if (count_at(s, j, &t->cmin, &t->cmax, &end)) {
                    t->has_count = true;
                    t->cs = j;
                    t->ce = end;
                    /* extend over the counted noun */
                    if (t->ce < t->tb && (ev_tok(s, t->ce)->flags & ANNALS_TOK_WORD) &&
                        !ev_in(s, t->ce, EVC_BE)) {
                        t->ce++;
                    }
                    break;
                }
            }
            continue;
        }
        for (j = t->te; j < s->te && j < t->te + 4; j++) {
            if (s->seg[j - s->tb] != t->seg) {
                break;
            }
            if (count_at(s, j, &t->cmin, &t->cmax, &end)) {
                size_t k = end, steps = 0;
                t->has_count = true;
                t->cs = j;
                /* the counted noun phrase: up to three more words */
                while (k < s->te && steps < 3 && (ev_tok(s, k)->flags & ANNALS_TOK_WORD) &&
                       s->trig[k - s->tb] < 0 && !ev_is(s, k, EV_KW_IN) &&
                       !ev_is(s, k, EV_KW_AND) && !ev_is(s, k, EV_KW_AT) &&
                       !ev_is(s, k, EV_KW_ON)) {
                    k++;
                    steps++;
                }
                t->ce = k;
                break;
            }
        }
    }
}
