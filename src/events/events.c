/* SPDX-License-Identifier: MIT */
/*
 * events/events.c - the events stage: per sentence, find triggers, cut
 * clauses, fill roles, combine control verbs ("threatened to strike" ->
 * 138), fold casualty verbs into the violent noun they describe ("a drone
 * attack ... that killed three soldiers"), decide modality, date and count,
 * and emit annals__event records with labels, confidence and explanations.
 */
#include "events/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ev_counts(ev_sent *s);

static annals_status oom(annals_error *err)
{
    return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_EVENTS, ANNALS_NO_OFFSET,
                         "out of memory");
}

static annals_status grow(ev_sent *s, size_t n)
{
    void *p;
    size_t cap = s->cap ? s->cap : 64;
    if (n <= s->cap) {
        return ANNALS_OK;
    }
    while (cap < n) {
        cap *= 2;
    }
#define GROW(field, type)                                         \
    p = realloc(s->field, cap * sizeof(type));                    \
    if (!p) {                                                     \
        return ANNALS_ENOMEM;                                     \
    }                                                             \
    s->field = p;
    GROW(word, uint32_t)
    GROW(infl, uint8_t)
    GROW(kw, uint16_t)
    GROW(mention, int32_t)
    GROW(timex, int32_t)
    GROW(trig, int32_t)
    GROW(seg, int32_t)
    GROW(quoted, uint8_t)
    GROW(seg_parent, int)
    GROW(seg_kind, uint8_t)
    GROW(seg_live, uint8_t)
#undef GROW
    s->cap = cap;
    s->seg_cap = cap;
    return ANNALS_OK;
}

static void sent_dispose(ev_sent *s)
{
    free(s->word);
    free(s->infl);
    free(s->kw);
    free(s->mention);
    free(s->timex);
    free(s->trig);
    free(s->seg);
    free(s->quoted);
    free(s->seg_parent);
    free(s->seg_kind);
    free(s->seg_live);
    annals__vec_dispose(&s->trigs);
}

static bool is_root(const ev_code *c, const char *r)
{
    return c->root[0] == r[0] && c->root[1] == r[1];
}

static bool violent(const ev_code *c)
{
    return is_root(c, "18") || is_root(c, "19") || is_root(c, "20");
}

/* "agreed to meet", "threatened to strike", "urged Israel to halt" */
static void combine_controls(ev_sent *s)
{
    size_t ti;
    for (ti = 0; ti < s->trigs.n; ti++) {
        ev_trigger *t = annals__vec_at(&s->trigs, ti);
        size_t j, steps = 0;
        if (!(t->flags & EV_F_CONTROL)) {
            continue;
        }
        /* a pattern ending in "to" ("agree to"): look right after it */
        j = ev_is(s, t->te - 1, EV_KW_TO) ? t->te - 1 : t->te;
        for (; j + 1 < s->te && steps < 8; j++, steps++) {
            if (ev_is(s, j, EV_KW_TO)) {
                int32_t u = s->trig[j + 1 - s->tb];
                if (u < 0 && j + 2 < s->te) {
                    u = s->trig[j + 2 - s->tb]; /* "to jointly host" */
                }
                if (u >= 0 && (size_t)u > ti) {
                    ev_trigger *in = annals__vec_at(&s->trigs, (size_t)u);
                    if (!in->noun && (in->infl == EV_BASE)) {
                        t->code = ev_combine(s->lex, t->code, in->code);
                        in->absorbed_by = (int)ti;
                    }
                }
                break;
            }
            if ((ev_tok(s, j)->flags & ANNALS_TOK_PUNCT) ||
                (s->trig[j - s->tb] >= 0 && s->trig[j - s->tb] != (int32_t)ti)) {
                break;
            }
        }
    }
}

/* Same act said twice: "damaged or destroyed", "met ... to discuss". */
static void fold_repeats(ev_sent *s)
{
    size_t ti;
    for (ti = 1; ti < s->trigs.n; ti++) {
        ev_trigger *t = annals__vec_at(&s->trigs, ti);
        const ev_code *c = ev_code_at(s->lex, t->code);
        size_t k;
        if (t->dead || t->absorbed_by >= 0 || t->noun || t->tb == s->tb) {
            continue;
        }
        for (k = ti; k-- > 0;) {
            ev_trigger *o = annals__vec_at(&s->trigs, k);
            const ev_code *oc = ev_code_at(s->lex, o->code);
            if (o->dead || o->absorbed_by >= 0) {
                continue;
            }
            if (o->seg == t->seg && !o->noun &&
                (is_root(oc, c->root) || (violent(oc) && violent(c))) &&
                ((t->tb == o->te + 1 && (ev_is(s, o->te, EV_KW_OR) || ev_is(s, o->te, EV_KW_AND))) ||
                 (ev_is(s, t->tb - 1, EV_KW_TO) && t->tb < o->te + 16))) {
                t->absorbed_by = (int)k;
            }
            break;
        }
    }
}

static annals_status merge_role(ev_sent *s, ev_trigger *into, annals__role *dst,
                                const annals__role *src)
{
    size_t k, i;
    (void)s;
    for (k = 0; k < src->n; k++) {
        bool have = false;
        for (i = 0; i < dst->n; i++) {
            have = have || dst->ent[i] == src->ent[k];
        }
        if (!have && (dst->n >= s->max_fillers || !annals__role_add(dst, src->ent[k]))) {
            into->role_limit = true;
        }
    }
    return ANNALS_OK;
}

/* Fold absorbed triggers into their hosts (victims, counts, places). */
static void absorb(ev_sent *s)
{
    size_t ti;
    for (ti = 0; ti < s->trigs.n; ti++) {
        ev_trigger *t = annals__vec_at(&s->trigs, ti);
        ev_trigger *h;
        int hops = 0;
        if (t->absorbed_by < 0) {
            continue;
        }
        h = annals__vec_at(&s->trigs, (size_t)t->absorbed_by);
        while (h->absorbed_by >= 0 && hops++ < 8) {
            h = annals__vec_at(&s->trigs, (size_t)h->absorbed_by);
        }
        if (h == t) {
            t->absorbed_by = -1;
            continue;
        }
        if (h->source.n == 0) {
            merge_role(s, h, &h->source, &t->source);
        }
        if (h->target.n == 0 || violent(ev_code_at(s->lex, h->code))) {
            merge_role(s, h, &h->target, &t->target);
        }
        merge_role(s, h, &h->places, &t->places);
        if (!h->has_count && t->has_count) {
            h->has_count = true;
            h->cmin = t->cmin;
            h->cmax = t->cmax;
            h->cs = t->cs;
            h->ce = t->ce;
        }
        t->dead = true;
    }
}

static bool state_actor(const annals_doc *doc, uint32_t e)
{
    const annals__entity *en = ANNALS__ENTITY(doc, e);
    if (en->kind == ANNALS_ENTITY_COUNTRY) {
        return true;
    }
    if (en->kind == ANNALS_ENTITY_GROUP) {
        return false;
    }
    return en->country[0] != '\0' && en->kind == ANNALS_ENTITY_ORGANIZATION;
}

/* The entity appears in the sentence as the adjective of armed men of no
 * state ("Burundian militiamen", "Afghan insurgents"). */
static bool nonstate_mention(const ev_sent *s, uint32_t ent)
{
    size_t j;
    for (j = s->tb; j < s->te; j++) {
        const annals__mention *m;
        if (s->mention[j - s->tb] < 0) {
            continue;
        }
        m = ANNALS__MENTION(s->doc, (size_t)s->mention[j - s->tb]);
        if (m->entity == ent && (m->flags & ANNALS_MENTION_ADJ) && m->tok_end < s->te &&
            ev_in(s, m->tok_end, EVC_NONSTATE)) {
            return true;
        }
        if (m->tok_end > j + 1) {
            j = m->tok_end - 1;
        }
    }
    return false;
}

/* ------------------------------------------------------------- labels */

static bool in_role(const annals__role *r, uint32_t ent)
{
    size_t k;
    for (k = 0; k < r->n; k++) {
        if (r->ent[k] == ent) {
            return true;
        }
    }
    return false;
}

/* Names of a role, three at most; entities of `skip` are left out. */
static void put_names(annals__buf *b, const annals_doc *doc, const annals__role *r,
                      const annals__role *skip)
{
    uint32_t keep[ANNALS__MAX_ROLE];
    size_t k, n = 0, shown;
    for (k = 0; k < r->n; k++) {
        if (!skip || !in_role(skip, r->ent[k])) {
            keep[n++] = r->ent[k];
        }
    }
    shown = n < 3 ? n : 3;
    for (k = 0; k < shown; k++) {
        if (k > 0) {
            annals__buf_puts(b, k + 1 == shown && n <= 3 ? " and " : ", ");
        }
        annals__buf_puts(b, ANNALS__ENTITY(doc, keep[k])->name);
    }
    if (n > 3) {
        annals__buf_printf(b, " and %zu others", n - 3);
    }
}

static size_t names_left(const annals__role *r, const annals__role *skip)
{
    size_t k, n = 0;
    for (k = 0; k < r->n; k++) {
        n += !in_role(skip, r->ent[k]);
    }
    return n;
}

/* The verb of the label, agreeing with a plural subject: "meets" ->
 * "meet", "makes demands" -> "make demands", "pushes" -> "push". */
static void put_verb(annals__buf *b, const char *verb, bool plural)
{
    size_t n = strcspn(verb, " ");
    if (plural && n > 3 && verb[n - 1] == 's') {
        size_t cut = 1;
        if (verb[n - 2] == 'e' && (verb[n - 3] == 'x' || (verb[n - 3] == 'h' && n > 4 &&
                                                          (verb[n - 4] == 's' || verb[n - 4] == 'c')) ||
                                   (verb[n - 3] == 's' && verb[n - 4] == 's'))) {
            cut = 2;
        }
        annals__buf_put(b, verb, n - cut);
        annals__buf_puts(b, verb + n);
        return;
    }
    annals__buf_puts(b, verb);
}

static bool plural_source(const annals_doc *doc, const annals__role *r)
{
    const annals__entity *en;
    size_t n;
    if (r->n > 1) {
        return true;
    }
    if (r->n == 0) {
        return false;
    }
    /* "Houthis", "Israeli officials": first named in the plural */
    en = ANNALS__ENTITY(doc, r->ent[0]);
    if (en->first_mention < doc->mentions.n &&
        (ANNALS__MENTION(doc, en->first_mention)->flags &
         (ANNALS_MENTION_PLURAL | ANNALS_MENTION_ADJ)) == ANNALS_MENTION_PLURAL) {
        return true; /* "the Houthis"; not "Russian forces" (named "Russia") */
    }
    /* a group with a plural name ("Houthis", "Kurds"; not "Hamas") */
    n = strlen(en->name);
    return en->kind == ANNALS_ENTITY_GROUP && n > 3 && en->name[n - 1] == 's' &&
           en->name[n - 2] != 'a' && en->name[n - 2] != 's' && en->name[n - 2] != 'u';
}

/* The surface of a nominal trigger with its modifiers: "the October 7
 * attack" -> "October 7 attack", "a drone attack" -> "drone attack". */
static void put_noun_phrase(annals__buf *b, const ev_sent *s, const ev_trigger *t,
                            bool drop_prep)
{
    size_t j = t->tb, k, start, end;
    const char *text = s->doc->text;
    bool space = false, first = true;
    while (j > s->tb && t->tb - j < 3) {
        const annals__token *p = ev_tok(s, j - 1);
        if (!(p->flags & (ANNALS_TOK_WORD | ANNALS_TOK_NUMBER | ANNALS_TOK_ALNUM)) ||
            (p->flags & ANNALS_TOK_POSSESSIVE) || s->kw[j - 1 - s->tb] != EV_KW_NONE ||
            s->trig[j - 1 - s->tb] >= 0 || s->mention[j - 1 - s->tb] >= 0 ||
            ((p->flags & ANNALS_TOK_CAP) && s->timex[j - 1 - s->tb] < 0)) {
            break;
        }
        j--;
    }
    start = ev_tok(s, j)->start;
    end = ev_tok(s, t->te - (drop_prep ? 2 : 1))->end; /* "attack on" without a target */
    for (k = start; k < end; k++) {
        char c = text[k];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space) {
            annals__buf_put(b, " ", 1);
            space = false;
        }
        if (first && c >= 'a' && c <= 'z') {
            c = (char)(c - 'a' + 'A');
        }
        first = false;
        annals__buf_put(b, &c, 1);
    }
}

/* Does the trigger end with its own preposition ("attack on", "talks with")? */
static bool ends_with_prep(const ev_sent *s, const ev_trigger *t)
{
    unsigned k = s->kw[t->te - 1 - s->tb];
    return t->te - t->tb > 1 &&
           (k == EV_KW_ON || k == EV_KW_WITH || k == EV_KW_AGAINST || k == EV_KW_TO ||
            k == EV_KW_OF || k == EV_KW_BETWEEN || k == EV_KW_IN || k == EV_KW_BY);
}

/*
 * "<sources> <verb> [<prep>] <targets> [with <participants>] [in <places>]"
 * ("Israel negotiates with Hamas", "Israel negotiates", "Qatar and Egypt
 * meet Israel in Paris"); without a source, a noun phrase: the trigger's
 * own words for a nominal trigger ("Drone attack on United States in
 * Jordan"), else the code's noun ("Release of Mahendra Chaudhry").
 * Places that are also targets are not repeated.
 */
static const char *make_label(ev_sent *s, const ev_trigger *t, const annals__event *e,
                              const ev_code *c, annals__buf *b)
{
    annals_doc *doc = s->doc;
    const char *prep;
    b->len = 0;
    if (b->ptr) {
        b->ptr[0] = '\0';
    }
    if (e->source.n) {
        put_names(b, doc, &e->source, NULL);
        annals__buf_puts(b, " ");
        put_verb(b, c->verb, plural_source(doc, &e->source));
        prep = c->vprep;
    } else if (t->noun) {
        put_noun_phrase(b, s, t, e->target.n == 0 && ends_with_prep(s, t));
        prep = ends_with_prep(s, t) ? "" : c->nprep;
    } else {
        annals__buf_puts(b, c->noun);
        prep = c->nprep;
    }
    if (!e->source.n && t->tgt_prep != SIZE_MAX && !(t->noun && ends_with_prep(s, t))) {
        /* the text's own preposition: "clashes with", "invasion of" */
        unsigned k = s->kw[t->tgt_prep - s->tb];
        prep = k == EV_KW_ON ? "on" : k == EV_KW_WITH ? "with" : k == EV_KW_AGAINST ? "against"
             : k == EV_KW_TO ? "to" : k == EV_KW_OF ? "of" : k == EV_KW_FOR ? "for"
             : k == EV_KW_BETWEEN ? "between" : prep;
    }
    if (e->target.n) {
        if (prep[0]) {
            annals__buf_puts(b, " ");
            annals__buf_puts(b, prep);
        }
        annals__buf_puts(b, " ");
        put_names(b, doc, &e->target, NULL);
    }
    if (e->participants.n) {
        annals__buf_puts(b, e->source.n || e->target.n ? " with "
                            : prep[0] || !t->noun ? " between " : " ");
        put_names(b, doc, &e->participants, NULL);
    }
    if (names_left(&e->places, &e->target)) {
        annals__buf_puts(b, " in ");
        put_names(b, doc, &e->places, &e->target);
    }
    return b->ptr ? annals__arena_strdup(&doc->arena, b->ptr) : "";
}

/* ------------------------------------------------------------- emit */

static bool lede_sentence(const annals_doc *doc, uint32_t si)
{
    uint32_t k, body = 0;
    for (k = 0; k <= si; k++) {
        const annals__sentence *st = ANNALS__SENT(doc, k);
        if (st->flags & ANNALS_SENT_BOILERPLATE) {
            continue;
        }
        if (st->flags & ANNALS_SENT_HEADLINE) {
            if (k == si) {
                return true;
            }
            continue;
        }
        body++;
    }
    return body <= 1;
}

static bool past_simple(const ev_sent *s, const ev_trigger *t)
{
    size_t j;
    if (t->noun) {
        return false;
    }
    for (j = t->tb; j > s->tb && j + 3 > t->tb;) {
        j--;
        if (ev_is(s, j, EV_KW_HAS) || ev_is(s, j, EV_KW_HAVE) || ev_is(s, j, EV_KW_HAD)) {
            return false;
        }
    }
    return t->infl == EV_ED;
}

static annals_status emit(ev_sent *s, ev_trigger *t, annals__buf *lb, bool *warned,
                          annals_error *err)
{
    annals_doc *doc = s->doc;
    const ev_code *c = ev_code_at(s->lex, t->code);
    annals__event *e;
    size_t k;
    bool has_actor;
    double conf;

    /* a target that is also the source is no target */
    for (k = 0; k < t->target.n;) {
        size_t i;
        bool dup = false;
        for (i = 0; i < t->source.n; i++) {
            dup = dup || t->source.ent[i] == t->target.ent[k];
        }
        if (dup) {
            t->target.ent[k] = t->target.ent[--t->target.n];
        } else {
            k++;
        }
    }
    /* no target: where it happened ("lifted a curfew in Algiers") */
    if (t->target.n == 0 && !(t->flags & EV_F_SAY) && !is_root(c, "04") && t->source.n) {
        for (k = 0; k < t->places.n; k++) {
            annals__role_add(&t->target, t->places.ent[k]);
        }
    }
    has_actor = t->source.n || t->target.n || t->participants.n;
    if (!has_actor && !(c->quad == 3 && (t->timex >= 0 || t->has_count || t->places.n))) {
        return ANNALS_OK;
    }
    /* state actors use conventional force (19), others unconventional violence (18) */
    if ((t->flags & EV_F_ACTOR) && t->source.n) {
        bool state = false;
        uint32_t alt;
        for (k = 0; k < t->source.n; k++) {
            state = state || (state_actor(doc, t->source.ent[k]) &&
                              !nonstate_mention(s, t->source.ent[k]));
        }
        if (state && is_root(c, "18") && ev_code_find(s->lex, "190", &alt)) {
            t->code = alt;
        } else if (!state && is_root(c, "19") && ev_code_find(s->lex, "180", &alt)) {
            t->code = alt;
        }
        c = ev_code_at(s->lex, t->code);
    }
    e = annals__vec_push(&doc->events);
    if (!e) {
        return oom(err);
    }
    /* the 4-digit refinement when the trigger gives one ("0871") */
    memcpy(e->code, c->code, sizeof e->code);
    e->code[sizeof e->code - 1] = '\0';
    memcpy(e->root, c->root, 3);
    e->quad = c->quad;
    e->goldstein = c->goldstein;
    e->type = c->name;
    e->source = t->source;
    e->target = t->target;
    e->participants = t->participants;
    e->places = t->places;
    e->timex = -1;
    e->earliest = e->latest = ANNALS__NO_DAY;
    e->precision = ANNALS_PREC_NONE;
    if (t->timex >= 0) {
        const annals__timex *x = ANNALS__TIMEX(doc, (size_t)t->timex);
        e->timex = t->timex;
        memcpy(e->date_value, x->value, sizeof e->date_value);
        e->earliest = x->earliest;
        e->latest = x->latest;
        e->precision = x->precision;
    } else if (doc->dct_day != ANNALS__NO_DAY && !doc->narrative &&
               (t->modality == ANNALS_MOD_ASSERTED) && s->seg_kind[t->seg] != EV_SEG_REPORTED &&
               lede_sentence(doc, s->sentence) &&
               (past_simple(s, t) || (ANNALS__SENT(doc, s->sentence)->flags & ANNALS_SENT_HEADLINE))) {
        memcpy(e->date_value, doc->dct, sizeof doc->dct);
        e->earliest = e->latest = doc->dct_day;
        e->precision = ANNALS_PREC_DAY;
        e->date_inferred = true;
        t->date_why = "news lede in the past tense: the DCT";
    }
    e->modality = t->modality;
    e->trigger_start = ev_tok(s, t->tb)->start;
    e->trigger_end = ev_tok(s, t->te - 1)->end;
    e->sentence = s->sentence;
    if (t->has_count) {
        e->has_count = true;
        e->count_min = t->cmin;
        e->count_max = t->cmax;
        e->count_start = ev_tok(s, t->cs)->start;
        e->count_end = ev_tok(s, t->ce - 1)->end;
    }
    conf = 0.45;
    if (t->source.n) {
        conf += t->inherited_source ? 0.1 : 0.15;
    }
    if (t->target.n || t->participants.n) {
        conf += 0.1;
    }
    if (e->timex >= 0) {
        conf += 0.1;
    } else if (e->date_inferred) {
        conf += 0.03;
    }
    if (t->te - t->tb > 1) {
        conf += 0.08;
    }
    if (t->noun) {
        conf -= 0.08;
    }
    if (t->modality != ANNALS_MOD_ASSERTED) {
        conf -= 0.05;
    }
    e->confidence = conf < 0.05 ? 0.05 : conf > 0.95 ? 0.95 : conf;
    e->label = make_label(s, t, e, c, lb);
    if (t->role_limit && !*warned) {
        *warned = true;
        if (annals__warn(doc, e->trigger_start,
                         "event role list truncated at %zu actors (max_role_fillers)",
                         s->max_fillers) < 0) {
            return oom(err);
        }
    }
    if (s->explain) {
        const ev_pattern *p = annals__vec_at(&s->lex->patterns, t->pattern);
        const char *code4 = c->code;
        e->explain = annals__arena_printf(
            &doc->arena,
            "trigger \"%.*s\" (triggers.tsv line %u, %s) -> %s %s; source: %s; target: %s; "
            "date: %s; modality: %s%s%s",
            (int)(e->trigger_end - e->trigger_start), doc->text + e->trigger_start, p->line,
            t->noun ? "noun" : (t->passive ? "passive verb" : "verb"), code4, c->name,
            t->source.n ? (t->src_why ? t->src_why : "subject") : "none",
            t->target.n ? (t->tgt_why ? t->tgt_why : "object") : "none",
            e->timex >= 0 ? t->date_why : (e->date_inferred ? t->date_why : "undated"),
            annals__modality_name(t->modality), t->mod_why ? " by " : "",
            t->mod_why ? t->mod_why : "");
        if (!e->explain) {
            return oom(err);
        }
    }
    return ANNALS_OK;
}

static annals_status run_sentence(ev_sent *s, annals__buf *lb, annals_error *err)
{
    annals_doc *doc = s->doc;
    size_t n = s->te - s->tb, i;
    bool q = false, warned = false;
    annals_status rc;

    for (i = 0; i < n; i++) {
        const annals__token *t = ev_tok(s, s->tb + i);
        const char *p = annals__tok_ptr(doc, t);
        size_t len = annals__tok_len(t);
        const ev_form *f = NULL;
        /* one lookup: trigger lemma and keyword (single punctuation
         * characters other than % and & are neither) */
        if (len > 1 || (t->flags & (ANNALS_TOK_WORD | ANNALS_TOK_ALNUM)) || *p == '%' ||
            *p == '&') {
            f = ev_form_of(s->lex, p, len);
        }
        if (f && (t->flags & (ANNALS_TOK_WORD | ANNALS_TOK_ALNUM)) && f->word != EV_NONE) {
            s->word[i] = f->word;
            s->infl[i] = f->infl;
        } else {
            s->word[i] = EV_NONE;
            s->infl[i] = EV_BASE;
        }
        s->kw[i] = f ? f->kw : (uint16_t)EV_KW_NONE;
        s->trig[i] = -1;
        s->seg[i] = 0;
        if (t->flags & ANNALS_TOK_QUOTE) {
            q = !q;
        }
        s->quoted[i] = q;
    }
    s->trigs.n = 0;
    s->according = false;
    rc = ev_find_triggers(s);
    if (rc < 0) {
        return oom(err);
    }
    if (s->trigs.n == 0) {
        return ANNALS_OK;
    }
    combine_controls(s);
    ev_segment(s);
    ev_roles(s);
    fold_repeats(s);
    ev_counts(s);
    absorb(s);
    ev_modality(s);
    ev_dates(s);
    for (i = 0; i < s->trigs.n; i++) {
        ev_trigger *t = annals__vec_at(&s->trigs, i);
        if (t->dead || t->absorbed_by >= 0) {
            continue;
        }
        rc = emit(s, t, lb, &warned, err);
        if (rc < 0) {
            return rc;
        }
    }
    return ANNALS_OK;
}

/* start[s]..start[s+1] index `order`, the records of sentence s. */
static void bucket_mentions(const annals_doc *doc, size_t *start, size_t *order)
{
    size_t i, ns = doc->sentences.n;
    for (i = 0; i < doc->mentions.n; i++) {
        uint32_t si = ANNALS__MENTION(doc, i)->sentence;
        if (si < ns) {
            start[si + 1]++;
        }
    }
    for (i = 0; i < ns; i++) {
        start[i + 1] += start[i];
    }
    for (i = 0; i < doc->mentions.n; i++) {
        uint32_t si = ANNALS__MENTION(doc, i)->sentence;
        if (si < ns) {
            order[start[si]++] = i;
        }
    }
    for (i = ns; i > 0; i--) {
        start[i] = start[i - 1];
    }
    start[0] = 0;
}

static void bucket_timexes(const annals_doc *doc, size_t *start, size_t *order)
{
    size_t i, ns = doc->sentences.n;
    for (i = 0; i < doc->timexes.n; i++) {
        uint32_t si = ANNALS__TIMEX(doc, i)->sentence;
        if (si < ns) {
            start[si + 1]++;
        }
    }
    for (i = 0; i < ns; i++) {
        start[i + 1] += start[i];
    }
    for (i = 0; i < doc->timexes.n; i++) {
        uint32_t si = ANNALS__TIMEX(doc, i)->sentence;
        if (si < ns) {
            order[start[si]++] = i;
        }
    }
    for (i = ns; i > 0; i--) {
        start[i] = start[i - 1];
    }
    start[0] = 0;
}

annals_status annals__events(annals_doc *doc, annals_error *err)
{
    ev_sent s;
    size_t si, nsent;
    size_t *mstart = NULL, *xstart = NULL, *morder = NULL, *xorder = NULL;
    annals__buf lb = ANNALS__BUF_INIT;
    annals_status rc = ANNALS_OK;
    const annals_options *o = &doc->ctx->opts;

    memset(&s, 0, sizeof s);
    s.doc = doc;
    s.lex = doc->ctx->events;
    if (!s.lex) {
        return ANNALS_OK;
    }
    s.max_fillers = o->max_role_fillers ? o->max_role_fillers : ANNALS__MAX_ROLE;
    if (s.max_fillers > ANNALS__MAX_ROLE) {
        s.max_fillers = ANNALS__MAX_ROLE;
    }
    s.explain = (o->flags & ANNALS_OPT_EXPLAIN) != 0;
    annals__vec_init(&s.trigs, sizeof(ev_trigger));
    /* bucket mentions and timexes by sentence (counting sort: linear, and
     * robust to stages that append records out of text order) */
    nsent = doc->sentences.n;
    mstart = calloc(nsent + 1, sizeof *mstart);
    xstart = calloc(nsent + 1, sizeof *xstart);
    morder = malloc((doc->mentions.n + 1) * sizeof *morder);
    xorder = malloc((doc->timexes.n + 1) * sizeof *xorder);
    if (!mstart || !xstart || !morder || !xorder) {
        rc = oom(err);
        goto done;
    }
    bucket_mentions(doc, mstart, morder);
    bucket_timexes(doc, xstart, xorder);
    for (si = 0; si < nsent; si++) {
        const annals__sentence *st = ANNALS__SENT(doc, si);
        size_t n = st->tok_end - st->tok_begin, k;

        if (n == 0 || ((st->flags & ANNALS_SENT_BOILERPLATE) &&
                       !(o->flags & ANNALS_OPT_KEEP_BOILERPLATE))) {
            continue;
        }
        if (grow(&s, n + 1) < 0) {
            rc = oom(err);
            goto done;
        }
        s.tb = st->tok_begin;
        s.te = st->tok_end;
        s.sentence = (uint32_t)si;
        for (k = 0; k < n; k++) {
            s.mention[k] = -1;
            s.timex[k] = -1;
        }
        for (k = mstart[si]; k < mstart[si + 1]; k++) {
            const annals__mention *m = ANNALS__MENTION(doc, morder[k]);
            size_t t;
            for (t = m->tok_begin; t < m->tok_end && t < s.te; t++) {
                if (t >= s.tb && s.mention[t - s.tb] < 0) {
                    s.mention[t - s.tb] = (int32_t)morder[k];
                }
            }
        }
        for (k = xstart[si]; k < xstart[si + 1]; k++) {
            const annals__timex *x = ANNALS__TIMEX(doc, xorder[k]);
            size_t t;
            for (t = x->tok_begin; t < x->tok_end && t < s.te; t++) {
                if (t >= s.tb && s.timex[t - s.tb] < 0) {
                    s.timex[t - s.tb] = (int32_t)xorder[k];
                }
            }
        }
        rc = run_sentence(&s, &lb, err);
        if (rc < 0) {
            goto done;
        }
    }
done:
    free(mstart);
    free(xstart);
    free(morder);
    free(xorder);
    sent_dispose(&s);
    annals__buf_dispose(&lb);
    return rc;
}
