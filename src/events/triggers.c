/* SPDX-License-Identifier: MIT */
/*
 * events/triggers.c - trigger matching: at each token, the patterns that
 * start with its lemma are tried and the longest match wins; a word that
 * is both a verb and a noun trigger ("attack", "strike", "visit") is read
 * as a verb or a noun from its inflection and its left neighbour.
 * Linear: one hash lookup per token, bounded work per pattern.
 */
#include "events/events.h"

#include <string.h>

unsigned ev_kw_slow(const ev_sent *s, size_t i)
{
    const annals__token *t;
    const ev_form *f;
    if (i >= s->doc->tokens.n) {
        return EV_KW_NONE;
    }
    t = ANNALS__TOK(s->doc, i);
    f = ev_form_of(s->lex, annals__tok_ptr(s->doc, t), annals__tok_len(t));
    return f ? f->kw : EV_KW_NONE;
}

static bool is_word(const ev_sent *s, size_t i)
{
    return (ev_tok(s, i)->flags & (ANNALS_TOK_WORD | ANNALS_TOK_NUMBER | ANNALS_TOK_ALNUM)) != 0;
}

static bool ends_ly(const ev_sent *s, size_t i)
{
    const annals__token *t = ev_tok(s, i);
    size_t n = annals__tok_len(t);
    const char *p = annals__tok_ptr(s->doc, t);
    return n > 4 && p[n - 2] == 'l' && p[n - 1] == 'y';
}

/* Index of the token before i, skipping adverbs ("also", "-ly"), or SIZE_MAX. */
static size_t left_skip_adv(const ev_sent *s, size_t i)
{
    size_t j = i, steps = 0;
    while (j > s->tb && steps < 3) {
        j--;
        steps++;
        if ((ends_ly(s, j) && !(ev_tok(s, j)->flags & ANNALS_TOK_CAP)) ||
            ev_is(s, j, EV_KW_ALSO) || ev_is(s, j, EV_KW_STILL) || ev_is(s, j, EV_KW_ALREADY)) {
            continue;
        }
        return j;
    }
    return SIZE_MAX;
}

/* Is the token at i (a lexicon word) read as a verb here? */
static bool verb_reading(const ev_sent *s, size_t i, ev_infl infl)
{
    size_t p = left_skip_adv(s, i);
    const annals__token *pt;
    if (p == SIZE_MAX) {
        return infl == EV_ED || infl == EV_ING;
    }
    if (ev_in(s, p, EVC_DET) || (ev_tok(s, p)->flags & ANNALS_TOK_POSSESSIVE)) {
        return false;
    }
    if (infl == EV_ED || infl == EV_ING) {
        return true;
    }
    if (ev_in(s, i + 1, EVC_NOUN_RIGHT) && (infl == EV_S || infl == EV_BASE) &&
        !ev_in(s, p, EVC_VERB_LEFT)) {
        return false;
    }
    if (ev_in(s, p, EVC_VERB_LEFT)) {
        return true;
    }
    if (s->mention[p - s->tb] >= 0) {
        const annals__mention *m = ANNALS__MENTION(s->doc, (size_t)s->mention[p - s->tb]);
        return !(m->flags & ANNALS_MENTION_ADJ) || (m->flags & ANNALS_MENTION_PLURAL);
    }
    pt = ev_tok(s, p);
    if ((pt->flags & ANNALS_TOK_CAP) && !(pt->flags & ANNALS_TOK_SENT_START)) {
        return true;
    }
    if ((pt->flags & ANNALS_TOK_WORD) && infl == EV_BASE) {
        size_t n = annals__tok_len(pt);
        const char *q = annals__tok_ptr(s->doc, pt);
        if (n > 3 && q[n - 1] == 's' && q[n - 2] != 's' && !(pt->flags & ANNALS_TOK_CAP)) {
            return true; /* "the officials meet" */
        }
    }
    return false;
}

/* Try pattern `p` at token i; returns the end token (exclusive) or 0. */
static size_t try_pattern(const ev_sent *s, const ev_pattern *p, size_t i)
{
    size_t j = i + 1, k;
    for (k = 1; k < p->n; k++) {
        if (p->words[k] == EV_GAP) {
            uint32_t want = p->words[k + 1];
            size_t skip, found = 0;
            bool ok = false;
            for (skip = 0; skip <= EV_GAP_MAX && j + skip < s->te; skip++) {
                size_t t = j + skip;
                if (s->word[t - s->tb] == want) {
                    found = t;
                    ok = true;
                    break;
                }
                /* a gap stays inside the phrase: "open its border", not
                 * "opened fire near the border" */
                if (!is_word(s, t) || s->trig[t - s->tb] >= 0 ||
                    ev_in(s, t, EVC_LOC_PREP | EVC_NONACTOR_PREP)) {
                    break;
                }
            }
            if (!ok) {
                return 0;
            }
            j = found + 1;
            k++;
            continue;
        }
        if (j >= s->te || s->word[j - s->tb] != p->words[k]) {
            return 0;
        }
        j++;
    }
    return j;
}

static bool is_passive(const ev_sent *s, size_t i)
{
    size_t j = i, steps = 0;
    while (j > s->tb && steps < 3) {
        j--;
        steps++;
        if (ev_in(s, j, EVC_BE)) {
            return true;
        }
        if (!(ends_ly(s, j) || ev_is(s, j, EV_KW_NOT) || ev_is(s, j, EV_KW_NT) ||
              ev_is(s, j, EV_KW_ALSO) || ev_is(s, j, EV_KW_REPORTEDLY) ||
              ev_is(s, j, EV_KW_ALLEGEDLY))) {
            return false;
        }
    }
    return false;
}

/* A verb pattern of one word for the lemma of an -ing form that the lexicon
 * also lists as a noun ("killing" -> kill, "shelling" -> shell, "injuring"
 * -> injure, "bombing" -> bomb), or EV_NONE. */
static uint32_t participle_verb(const ev_sent *s, size_t i)
{
    const annals__token *tk = ev_tok(s, i);
    const char *p = annals__tok_ptr(s->doc, tk);
    size_t n = annals__tok_len(tk), k, tries;
    char stem[EV_WORD_MAX + 1];

    if (n < 6 || n >= EV_WORD_MAX || (p[n - 3] | 0x20) != 'i' || (p[n - 2] | 0x20) != 'n' ||
        (p[n - 1] | 0x20) != 'g') {
        return EV_NONE;
    }
    for (tries = 0; tries < 3; tries++) {
        size_t len = n - 3;
        const ev_form *f;
        memcpy(stem, p, len);
        if (tries == 1) {
            stem[len++] = 'e'; /* injuring -> injure */
        } else if (tries == 2) {
            if (stem[len - 1] != stem[len - 2]) {
                break;
            }
            len--; /* shipping -> ship */
        }
        f = ev_form_of(s->lex, stem, len);
        if (!f || f->word == EV_NONE || f->infl != EV_BASE) {
            continue;
        }
        for (k = *(const uint32_t *)annals__vec_at(&s->lex->first, f->word); k != EV_NONE;) {
            const ev_pattern *vp = annals__vec_at(&s->lex->patterns, k);
            if (!vp->noun && vp->n == 1) {
                return (uint32_t)k;
            }
            k = vp->next;
        }
    }
    return EV_NONE;
}

annals_status ev_find_triggers(ev_sent *s)
{
    const struct annals__event_lex *lex = s->lex;
    size_t i;

    for (i = s->tb; i < s->te; i++) {
        uint32_t w = s->word[i - s->tb], pi;
        ev_infl infl = (ev_infl)s->infl[i - s->tb];
        size_t best_end = 0;
        uint32_t best = EV_NONE;
        bool vread, best_noun = false;
        ev_trigger *t;
        size_t k;

        if (w == EV_NONE || s->trig[i - s->tb] >= 0) {
            continue;
        }
        vread = verb_reading(s, i, infl);
        for (pi = *(const uint32_t *)annals__vec_at(&lex->first, w); pi != EV_NONE;) {
            const ev_pattern *p = annals__vec_at(&lex->patterns, pi);
            size_t end;
            bool ok;
            if (p->noun) {
                ok = (infl == EV_BASE || infl == EV_S);
            } else {
                /* A verb reading, or a multiword verb pattern not after a determiner. */
                ok = vread || (p->n > 1 && !(i > s->tb && ev_in(s, i - 1, EVC_DET)));
            }
            if (ok) {
                end = try_pattern(s, p, i);
                if (end > best_end ||
                    (end == best_end && end > 0 && p->noun != best_noun &&
                     p->noun == !vread)) {
                    best_end = end;
                    best = pi;
                    best_noun = p->noun;
                }
            }
            pi = p->next;
        }
        if (best == EV_NONE) {
            continue;
        }
        /* a participle clause: ", killing four civilians" is the verb, not
         * the noun "killing" */
        if (best_noun && best_end == i + 1 && i > s->tb && i + 1 < s->te &&
            (ev_tok(s, i - 1)->flags & ANNALS_TOK_PUNCT) && s->doc->text[ev_tok(s, i - 1)->start] == ',' &&
            !ev_is(s, i + 1, EV_KW_OF) && !(ev_tok(s, i + 1)->flags & ANNALS_TOK_PUNCT)) {
            uint32_t vp = participle_verb(s, i);
            if (vp != EV_NONE) {
                best = vp;
                infl = EV_ING;
            }
        }
        t = annals__vec_push(&s->trigs);
        if (!t) {
            return ANNALS_ENOMEM;
        }
        {
            const ev_pattern *p = annals__vec_at(&lex->patterns, best);
            t->tb = i;
            t->te = best_end;
            t->pattern = best;
            t->code = p->code;
            t->noun = p->noun;
            t->flags = p->flags;
            t->infl = infl;
            t->passive = !p->noun && infl == EV_ED && is_passive(s, i);
            t->absorbed_by = -1;
            t->tgt_prep = SIZE_MAX;
            t->timex = -1;
            t->modality = ANNALS_MOD_ASSERTED;
        }
        for (k = i; k < best_end; k++) {
            s->trig[k - s->tb] = (int32_t)(s->trigs.n - 1);
        }
        i = best_end - 1;
    }
    return ANNALS_OK;
}
