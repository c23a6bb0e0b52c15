/* SPDX-License-Identifier: MIT */
/*
 * corpus/corpus.c - many documents merged into one set of actors and
 * events (pipeline stage "corpus").
 *
 * Entities join by identity: the same kind and canonical name (a person
 * with a country keeps it). Events merge when they report the same thing:
 * the same CAMEO root (the same 3-digit code within one article, and never
 * two events of one sentence), overlapping actors (the same direction for
 * directed events; meetings are symmetric), compatible places (one side
 * empty or a shared place), overlapping date intervals (or both undated)
 * and compatible modality (asserted and reported are compatible; planned,
 * negated and hypothetical merge only with their own kind). The survivor
 * keeps every mention, the union of the roles, the narrower date and the
 * higher confidence; different casualty counts are kept as disagreements.
 *
 * Syndicated copies: a document most of whose sentences already appeared
 * in one earlier document is marked duplicate_of that document; its
 * mentions are kept but it does not count as an extra source.
 *
 * Everything is in insertion order, so ids are stable for the same input.
 */
#include "corpus/corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *annals__strdup(const char *s)
{
    size_t n;
    char *p;
    if (s == NULL) {
        return NULL;
    }
    n = strlen(s);
    p = malloc(n + 1);
    if (p != NULL) {
        memcpy(p, s, n + 1);
    }
    return p;
}

static char *strndup_(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* ------------------------------------------------------------------ names */

bool annals__entity_kind_from_name(const char *s, annals_entity_kind *out)
{
    static const annals_entity_kind kinds[] = {ANNALS_ENTITY_PERSON, ANNALS_ENTITY_ORGANIZATION,
                                               ANNALS_ENTITY_GROUP, ANNALS_ENTITY_COUNTRY,
                                               ANNALS_ENTITY_PLACE};
    size_t i;
    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        if (strcmp(s, annals__entity_kind_name(kinds[i])) == 0) {
            *out = kinds[i];
            return true;
        }
    }
    return false;
}

const char *annals__quad_name(int quad)
{
    switch (quad) {
    case 0:
        return "verbal cooperation";
    case 1:
        return "material cooperation";
    case 2:
        return "verbal conflict";
    case 3:
        return "material conflict";
    default:
        return "unknown";
    }
}

/* ---------------------------------------------------------------- idlists */

annals_status annals__idlist_add(annals__idlist *l, uint32_t id)
{
    if (annals__idlist_has(l, id)) {
        return ANNALS_OK;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 4;
        uint32_t *p = realloc(l->ids, cap * sizeof(*p));
        if (p == NULL) {
            return ANNALS_ENOMEM;
        }
        l->ids = p;
        l->cap = cap;
    }
    l->ids[l->n++] = id;
    return ANNALS_OK;
}

bool annals__idlist_has(const annals__idlist *l, uint32_t id)
{
    size_t i;
    for (i = 0; i < l->n; i++) {
        if (l->ids[i] == id) {
            return true;
        }
    }
    return false;
}

void annals__idlist_dispose(annals__idlist *l)
{
    free(l->ids);
    l->ids = NULL;
    l->n = 0;
    l->cap = 0;
}

static bool idlists_intersect(const annals__idlist *a, const annals__idlist *b)
{
    size_t i;
    for (i = 0; i < a->n; i++) {
        if (annals__idlist_has(b, a->ids[i])) {
            return true;
        }
    }
    return false;
}

/* ---------------------------------------------------------- string vectors */

static annals_status strvec_add(annals__vec *v, const char *s)
{
    size_t i;
    char **slot;
    for (i = 0; i < v->n; i++) {
        if (strcmp(*(char **)annals__vec_at(v, i), s) == 0) {
            return ANNALS_OK;
        }
    }
    slot = annals__vec_push(v);
    if (slot == NULL) {
        return ANNALS_ENOMEM;
    }
    *slot = annals__strdup(s);
    if (*slot == NULL) {
        v->n--;
        return ANNALS_ENOMEM;
    }
    return ANNALS_OK;
}

static void strvec_dispose(annals__vec *v)
{
    size_t i;
    for (i = 0; i < v->n; i++) {
        free(*(char **)annals__vec_at(v, i));
    }
    annals__vec_dispose(v);
}

/* --------------------------------------------------------------- lifetime */

annals_status annals_corpus_new(annals_corpus **out, annals_ctx *ctx, annals_error *err)
{
    annals_corpus *c;
    if (out == NULL || ctx == NULL) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_CORPUS, ANNALS_NO_OFFSET,
                             "NULL argument");
    }
    *out = NULL;
    c = calloc(1, sizeof(*c));
    if (c == NULL) {
        return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_CORPUS, ANNALS_NO_OFFSET,
                             "out of memory");
    }
    c->ctx = ctx;
    annals__vec_init(&c->docs, sizeof(annals__cdoc));
    annals__vec_init(&c->entities, sizeof(annals__centity));
    annals__vec_init(&c->timexes, sizeof(annals__ctimex));
    annals__vec_init(&c->events, sizeof(annals__cevent));
    annals__map_init(&c->entity_index);
    annals__map_init(&c->sentence_index);
    *out = c;
    return ANNALS_OK;
}

static void cevent_dispose(annals__cevent *ev)
{
    size_t i;
    free(ev->type);
    free(ev->label);
    free(ev->count_text);
    free(ev->explain);
    annals__idlist_dispose(&ev->source);
    annals__idlist_dispose(&ev->target);
    annals__idlist_dispose(&ev->participants);
    annals__idlist_dispose(&ev->places);
    for (i = 0; i < ev->mentions.n; i++) {
        annals__cevmention *m = annals__vec_at(&ev->mentions, i);
        free(m->trigger);
        free(m->sentence);
    }
    annals__vec_dispose(&ev->mentions);
    strvec_dispose(&ev->disagreements);
}

void annals_corpus_free(annals_corpus *c)
{
    size_t i, j;
    if (c == NULL) {
        return;
    }
    for (i = 0; i < c->docs.n; i++) {
        annals__cdoc *d = ANNALS__CDOC(c, i);
        free(d->id);
        free(d->source);
        free(d->date);
        free(d->title);
        free(d->url);
        for (j = 0; j < d->warnings.n; j++) {
            annals_warning *w = annals__vec_at(&d->warnings, j);
            free((char *)(uintptr_t)w->message);
        }
        annals__vec_dispose(&d->warnings);
    }
    for (i = 0; i < c->entities.n; i++) {
        annals__centity *e = ANNALS__CENTITY(c, i);
        free(e->name);
        free(e->explain);
        strvec_dispose(&e->aliases);
        strvec_dispose(&e->roles);
        annals__vec_dispose(&e->mentions);
    }
    for (i = 0; i < c->timexes.n; i++) {
        annals__ctimex *t = ANNALS__CTIMEX(c, i);
        free(t->text);
        free(t->rule);
        free(t->anchor);
    }
    for (i = 0; i < c->events.n; i++) {
        cevent_dispose(ANNALS__CEVENT(c, i));
    }
    annals__vec_dispose(&c->docs);
    annals__vec_dispose(&c->entities);
    annals__vec_dispose(&c->timexes);
    annals__vec_dispose(&c->events);
    annals__map_dispose(&c->entity_index);
    annals__map_dispose(&c->sentence_index);
    free(c);
}

size_t annals_corpus_doc_count(const annals_corpus *c)
{
    return c->docs.n;
}

size_t annals_corpus_entity_count(const annals_corpus *c)
{
    return c->entities.n;
}

size_t annals_corpus_event_count(const annals_corpus *c)
{
    return c->events.n;
}

size_t annals_corpus_timex_count(const annals_corpus *c)
{
    return c->timexes.n;
}

/* ----------------------------------------------------------------- pushes */

annals__cdoc *annals__corpus_push_doc(annals_corpus *c)
{
    annals__cdoc *d = annals__vec_push(&c->docs);
    if (d != NULL) {
        annals__vec_init(&d->warnings, sizeof(annals_warning));
        d->duplicate_of = -1;
    }
    return d;
}

annals__cevent *annals__corpus_push_event(annals_corpus *c)
{
    annals__cevent *ev = annals__vec_push(&c->events);
    if (ev != NULL) {
        annals__vec_init(&ev->mentions, sizeof(annals__cevmention));
        annals__vec_init(&ev->disagreements, sizeof(char *));
        ev->timex = -1;
        ev->earliest = ANNALS__NO_DAY;
        ev->latest = ANNALS__NO_DAY;
    }
    return ev;
}

annals__ctimex *annals__corpus_push_timex(annals_corpus *c)
{
    annals__ctimex *t = annals__vec_push(&c->timexes);
    if (t != NULL) {
        t->earliest = ANNALS__NO_DAY;
        t->latest = ANNALS__NO_DAY;
    }
    return t;
}

annals_status annals__centity_add_alias(annals__centity *e, const char *s)
{
    if (s == NULL || strcmp(s, e->name) == 0) {
        return ANNALS_OK;
    }
    return strvec_add(&e->aliases, s);
}

annals_status annals__centity_add_role(annals__centity *e, const char *s)
{
    return s == NULL ? ANNALS_OK : strvec_add(&e->roles, s);
}

annals_status annals__centity_add_mention(annals__centity *e, uint32_t doc, size_t start,
                                          size_t end)
{
    annals__cmention *m = annals__vec_push(&e->mentions);
    if (m == NULL) {
        return ANNALS_ENOMEM;
    }
    m->doc = doc;
    m->start = start;
    m->end = end;
    return ANNALS_OK;
}

annals_status annals__corpus_entity(annals_corpus *c, annals_entity_kind kind,
                                    const char *name, const char *country, uint32_t *out,
                                    annals_error *err)
{
    char key[512];
    int n;
    size_t idx;
    annals__centity *e;

    n = snprintf(key, sizeof(key), "%d\t%s", (int)kind, name);
    if (n < 0) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_CORPUS, ANNALS_NO_OFFSET,
                             "bad entity name");
    }
    if ((size_t)n >= sizeof(key)) {
        n = (int)sizeof(key) - 1;
    }
    if (annals__map_get(&c->entity_index, key, (size_t)n, &idx)) {
        e = ANNALS__CENTITY(c, idx);
        if (e->country[0] == '\0' && country != NULL && country[0] != '\0') {
            snprintf(e->country, sizeof(e->country), "%s", country);
        }
        *out = (uint32_t)idx;
        return ANNALS_OK;
    }
    e = annals__vec_push(&c->entities);
    if (e == NULL) {
        goto oom;
    }
    e->kind = kind;
    e->name = annals__strdup(name);
    annals__vec_init(&e->aliases, sizeof(char *));
    annals__vec_init(&e->roles, sizeof(char *));
    annals__vec_init(&e->mentions, sizeof(annals__cmention));
    if (e->name == NULL) {
        c->entities.n--;
        goto oom;
    }
    if (country != NULL) {
        snprintf(e->country, sizeof(e->country), "%s", country);
    }
    idx = c->entities.n - 1;
    if (annals__map_put(&c->entity_index, key, (size_t)n, idx) < 0) {
        goto oom;
    }
    *out = (uint32_t)idx;
    return ANNALS_OK;
oom:
    return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_CORPUS, ANNALS_NO_OFFSET,
                         "out of memory");
}

/* ---------------------------------------------------------------- merging */

static bool modality_compatible(annals_modality a, annals_modality b)
{
    bool fa = a == ANNALS_MOD_ASSERTED || a == ANNALS_MOD_REPORTED;
    bool fb = b == ANNALS_MOD_ASSERTED || b == ANNALS_MOD_REPORTED;
    return (fa && fb) || a == b;
}

static bool actors_overlap(const annals__cevent *a, const annals__cevent *b)
{
    const annals__idlist *la[3] = {&a->source, &a->target, &a->participants};
    const annals__idlist *lb[3] = {&b->source, &b->target, &b->participants};
    size_t i, j;
    for (i = 0; i < 3; i++) {
        for (j = 0; j < 3; j++) {
            if (idlists_intersect(la[i], lb[j])) {
                return true;
            }
        }
    }
    return false;
}

/* How the mentions of two events relate: 2 = two mentions in one sentence
 * (the events stage already told them apart), 1 = the same document, 0 =
 * different documents only. */
static int mention_relation(const annals__cevent *a, const annals__cevent *b)
{
    size_t i, j;
    int rel = 0;
    for (i = 0; i < a->mentions.n; i++) {
        const annals__cevmention *ma = annals__vec_at(&a->mentions, i);
        for (j = 0; j < b->mentions.n; j++) {
            const annals__cevmention *mb = annals__vec_at(&b->mentions, j);
            if (ma->doc != mb->doc) {
                continue;
            }
            if (ma->sentence_start == mb->sentence_start) {
                return 2;
            }
            rel = 1;
        }
    }
    return rel;
}

static bool same_event(const annals__cevent *a, const annals__cevent *b)
{
    bool da = a->earliest != ANNALS__NO_DAY, db = b->earliest != ANNALS__NO_DAY;
    int rel;
    if (strcmp(a->root, b->root) != 0 || !modality_compatible(a->modality, b->modality)) {
        return false;
    }
    /* Within one article the writer names one event with one verb: a
     * repeated mention has the same 3-digit code ("met" ... "the meeting"),
     * while "arrived in Egypt" and "held talks with al-Sisi" are two
     * events. Two events from one sentence never merge. */
    rel = mention_relation(a, b);
    if (rel == 2 || (rel == 1 && strncmp(a->code, b->code, 3) != 0)) {
        return false;
    }
    if (!actors_overlap(a, b)) {
        return false;
    }
    /* Directed events need the same direction; meetings (root 04) are
     * symmetric: "A met B" and "B met A" are one meeting. */
    if (strcmp(a->root, "04") != 0) {
        if (a->source.n > 0 && b->source.n > 0 && !idlists_intersect(&a->source, &b->source)) {
            return false;
        }
        if (a->target.n > 0 && b->target.n > 0 && !idlists_intersect(&a->target, &b->target)) {
            return false;
        }
    }
    if (a->places.n > 0 && b->places.n > 0 && !idlists_intersect(&a->places, &b->places)) {
        return false;
    }
    if (da != db) {
        return false;
    }
    if (da && (a->latest < b->earliest || b->latest < a->earliest)) {
        return false;
    }
    return true;
}

static annals_status idlist_union(annals__idlist *dst, const annals__idlist *src)
{
    size_t i;
    for (i = 0; i < src->n; i++) {
        if (annals__idlist_add(dst, src->ids[i]) < 0) {
            return ANNALS_ENOMEM;
        }
    }
    return ANNALS_OK;
}

/* Move everything of `src` into `dst`; src is disposed by the caller. */
static annals_status absorb(annals__cevent *dst, annals__cevent *src)
{
    size_t i;
    annals_status rc = ANNALS_OK;

    if (idlist_union(&dst->source, &src->source) < 0 ||
        idlist_union(&dst->target, &src->target) < 0 ||
        idlist_union(&dst->participants, &src->participants) < 0 ||
        idlist_union(&dst->places, &src->places) < 0) {
        return ANNALS_ENOMEM;
    }
    /* An actor that is source somewhere is not also a mere participant. */
    for (i = 0; i < dst->participants.n;) {
        uint32_t id = dst->participants.ids[i];
        if (annals__idlist_has(&dst->source, id) || annals__idlist_has(&dst->target, id)) {
            dst->participants.ids[i] = dst->participants.ids[--dst->participants.n];
        } else {
            i++;
        }
    }
    /* Keep the narrower, stated date. */
    if (src->earliest != ANNALS__NO_DAY &&
        (dst->earliest == ANNALS__NO_DAY ||
         (dst->inferred && !src->inferred) ||
         (dst->inferred == src->inferred &&
          (int64_t)src->latest - src->earliest < (int64_t)dst->latest - dst->earliest))) {
        memcpy(dst->date_value, src->date_value, sizeof(dst->date_value));
        dst->earliest = src->earliest;
        dst->latest = src->latest;
        dst->precision = src->precision;
        dst->timex = src->timex;
        dst->inferred = src->inferred;
    }
    if (src->confidence > dst->confidence) {
        dst->confidence = src->confidence;
    }
    if (src->has_count) {
        if (!dst->has_count) {
            dst->has_count = true;
            dst->count_min = src->count_min;
            dst->count_max = src->count_max;
            dst->count_text = src->count_text;
            src->count_text = NULL;
        } else if (src->count_min != dst->count_min || src->count_max != dst->count_max) {
            char note[160];
            snprintf(note, sizeof(note), "count: %lld-%lld vs %lld-%lld", dst->count_min,
                     dst->count_max, src->count_min, src->count_max);
            rc = strvec_add(&dst->disagreements, note);
            if (rc < 0) {
                return rc;
            }
        }
    }
    if (strcmp(src->code, dst->code) != 0) {
        char note[64];
        snprintf(note, sizeof(note), "code: %s vs %s", dst->code, src->code);
        rc = strvec_add(&dst->disagreements, note);
        if (rc < 0) {
            return rc;
        }
    }
    for (i = 0; i < src->mentions.n; i++) {
        annals__cevmention *m = annals__vec_push(&dst->mentions);
        if (m == NULL) {
            return ANNALS_ENOMEM;
        }
        *m = *(annals__cevmention *)annals__vec_at(&src->mentions, i);
    }
    src->mentions.n = 0; /* moved: strings now belong to dst */
    return ANNALS_OK;
}

/*
 * Candidate index: each surviving event is listed under its keys (see
 * event_keys: root, actor and month, and its first report); a new event is
 * compared only with the events listed under its own keys, the most recent
 * MAX_CANDIDATES per key, so merging stays near-linear in the number of
 * events even when one actor dominates the corpus.
 */
#define MAX_CANDIDATES 512

typedef struct cand_list {
    uint32_t *ids;
    size_t n, cap;
} cand_list;

typedef struct cand_index {
    annals__map keys; /* key -> index into lists */
    annals__vec lists; /* cand_list */
} cand_index;

static void cand_dispose(cand_index *ix)
{
    size_t i;
    for (i = 0; i < ix->lists.n; i++) {
        free(((cand_list *)annals__vec_at(&ix->lists, i))->ids);
    }
    annals__vec_dispose(&ix->lists);
    annals__map_dispose(&ix->keys);
}

static cand_list *cand_get(cand_index *ix, const char *key, size_t len, bool create)
{
    size_t li;
    cand_list *l;
    if (annals__map_get(&ix->keys, key, len, &li)) {
        return annals__vec_at(&ix->lists, li);
    }
    if (!create) {
        return NULL;
    }
    l = annals__vec_push(&ix->lists);
    if (l == NULL) {
        return NULL;
    }
    if (annals__map_put(&ix->keys, key, len, ix->lists.n - 1) < 0) {
        ix->lists.n--;
        return NULL;
    }
    return l;
}

static bool cand_push(cand_list *l, uint32_t id)
{
    if (l->n > 0 && l->ids[l->n - 1] == id) {
        return true;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 4;
        uint32_t *p = realloc(l->ids, cap * sizeof(*p));
        if (p == NULL) {
            return false;
        }
        l->ids = p;
        l->cap = cap;
    }
    l->ids[l->n++] = id;
    return true;
}

/*
 * The keys of an event: for every actor, one per calendar month its date
 * interval overlaps ("19|a3|m202402"; "u" when undated; intervals longer
 * than MAX_MONTHS months use "w", and every dated event also looks up "w"),
 * plus one for its first report. Events that can merge share a key.
 */
#define MAX_MONTHS 24

static size_t month_keys(const annals__cevent *ev, int32_t *months, size_t max)
{
    int y1, m1, d1, y2, m2, d2;
    int64_t a, b, k;
    size_t n = 0;
    if (ev->earliest == ANNALS__NO_DAY || ev->latest == ANNALS__NO_DAY) {
        return 0;
    }
    annals__civil_from_days(ev->earliest, &y1, &m1, &d1);
    annals__civil_from_days(ev->latest, &y2, &m2, &d2);
    a = (int64_t)y1 * 12 + m1 - 1;
    b = (int64_t)y2 * 12 + m2 - 1;
    if (b < a || b - a >= (int64_t)max) {
        return SIZE_MAX; /* wide */
    }
    for (k = a; k <= b; k++) {
        months[n++] = (int32_t)k;
    }
    return n;
}

static size_t event_keys(const annals__cevent *ev, bool lookup, char keys[][48], size_t max)
{
    const annals__idlist *lists[3] = {&ev->source, &ev->target, &ev->participants};
    int32_t months[MAX_MONTHS];
    size_t n = 0, l, i, nm = month_keys(ev, months, MAX_MONTHS), k;
    bool dated = ev->earliest != ANNALS__NO_DAY;

    for (l = 0; l < 3; l++) {
        for (i = 0; i < lists[l]->n; i++) {
            unsigned id = lists[l]->ids[i];
            if (!dated) {
                if (n < max) {
                    snprintf(keys[n++], 48, "%s|a%u|u", ev->root, id);
                }
                continue;
            }
            if (nm == SIZE_MAX || lookup) {
                if (n < max) {
                    snprintf(keys[n++], 48, "%s|a%u|w", ev->root, id);
                }
            }
            if (nm == SIZE_MAX) {
                continue;
            }
            for (k = 0; k < nm && n < max; k++) {
                snprintf(keys[n++], 48, "%s|a%u|m%ld", ev->root, id, (long)months[k]);
            }
        }
    }
    if (ev->mentions.n > 0 && n < max) {
        const annals__cevmention *m = annals__vec_at(&ev->mentions, 0);
        uint64_t h = annals__hash(m->sentence ? m->sentence : "",
                                  m->sentence ? strlen(m->sentence) : 0);
        h ^= annals__hash(m->trigger ? m->trigger : "", m->trigger ? strlen(m->trigger) : 0) *
             31u;
        h ^= (uint64_t)(m->start - m->sentence_start) * 1099511628211ull;
        snprintf(keys[n++], 48, "%s|s%016llx", ev->root, (unsigned long long)h);
    }
    return n;
}

/* The same report in two documents (a copy, or a shard loaded twice):
 * identical sentence and trigger at the same place in it. Within one
 * document two events at one trigger are the events stage's decision. */
static bool same_report(const annals__cevent *a, const annals__cevent *b)
{
    size_t i, j;
    if (strcmp(a->root, b->root) != 0) {
        return false;
    }
    for (i = 0; i < a->mentions.n; i++) {
        const annals__cevmention *ma = annals__vec_at(&a->mentions, i);
        for (j = 0; j < b->mentions.n; j++) {
            const annals__cevmention *mb = annals__vec_at(&b->mentions, j);
            if (ma->doc != mb->doc && ma->sentence != NULL && mb->sentence != NULL &&
                ma->trigger != NULL &&
                mb->trigger != NULL && ma->start - ma->sentence_start ==
                                           mb->start - mb->sentence_start &&
                strcmp(ma->trigger, mb->trigger) == 0 && strcmp(ma->sentence, mb->sentence) == 0) {
                return true;
            }
        }
    }
    return false;
}

#define MAX_KEYS (3 * ANNALS__MAX_ROLE * (MAX_MONTHS + 1) + 1)

annals_status annals__corpus_finish(annals_corpus *c, size_t first_event, annals_error *err)
{
    size_t i, kept;
    bool *gone = NULL;
    cand_index ix;
    char (*keys)[48] = NULL;
    annals_status rc = ANNALS_OK;

    if (first_event >= c->events.n) {
        return ANNALS_OK;
    }
    annals__map_init(&ix.keys);
    annals__vec_init(&ix.lists, sizeof(cand_list));
    gone = calloc(c->events.n, sizeof(*gone));
    keys = malloc(sizeof(*keys) * MAX_KEYS);
    if (gone == NULL || keys == NULL) {
        goto oom;
    }
    /* Earlier events (already merged among themselves) are only targets. */
    for (i = 0; i < c->events.n; i++) {
        annals__cevent *ev = ANNALS__CEVENT(c, i);
        size_t nk = event_keys(ev, i >= first_event, keys, MAX_KEYS), k;
        size_t merged_into = SIZE_MAX;

        if (i >= first_event) {
            for (k = 0; k < nk && merged_into == SIZE_MAX; k++) {
                cand_list *l = cand_get(&ix, keys[k], strlen(keys[k]), false);
                size_t j, lo;
                if (l == NULL) {
                    continue;
                }
                lo = l->n > MAX_CANDIDATES ? l->n - MAX_CANDIDATES : 0;
                for (j = l->n; j-- > lo;) {
                    uint32_t cand = l->ids[j];
                    annals__cevent *old;
                    if (gone[cand]) {
                        continue;
                    }
                    old = ANNALS__CEVENT(c, cand);
                    if (same_event(old, ev) || same_report(old, ev)) {
                        merged_into = cand;
                        break;
                    }
                }
            }
            if (merged_into != SIZE_MAX) {
                annals__cevent *old = ANNALS__CEVENT(c, merged_into);
                rc = absorb(old, ev);
                if (rc < 0) {
                    goto oom;
                }
                gone[i] = true;
                /* The survivor may have gained actors: list it under them. */
                nk = event_keys(old, false, keys, MAX_KEYS);
                for (k = 0; k < nk; k++) {
                    cand_list *l = cand_get(&ix, keys[k], strlen(keys[k]), true);
                    if (l == NULL || !cand_push(l, (uint32_t)merged_into)) {
                        goto oom;
                    }
                }
                continue;
            }
        }
        if (i >= first_event) {
            nk = event_keys(ev, false, keys, MAX_KEYS);
        }
        for (k = 0; k < nk; k++) {
            cand_list *l = cand_get(&ix, keys[k], strlen(keys[k]), true);
            if (l == NULL || !cand_push(l, (uint32_t)i)) {
                goto oom;
            }
        }
    }
    for (i = 0, kept = 0; i < c->events.n; i++) {
        if (gone[i]) {
            cevent_dispose(ANNALS__CEVENT(c, i));
            continue;
        }
        if (kept != i) {
            memcpy(ANNALS__CEVENT(c, kept), ANNALS__CEVENT(c, i), sizeof(annals__cevent));
        }
        kept++;
    }
    c->events.n = kept;
    goto done;
oom:
    rc = annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_CORPUS, ANNALS_NO_OFFSET,
                       "out of memory");
done:
    free(gone);
    free(keys);
    cand_dispose(&ix);
    return rc;
}

size_t annals__cevent_sources(const annals_corpus *c, const annals__cevent *ev)
{
    size_t i, j, n = 0;
    for (i = 0; i < ev->mentions.n; i++) {
        const annals__cevmention *m = annals__vec_at(&ev->mentions, i);
        const annals__cdoc *d = ANNALS__CDOC(c, m->doc);
        bool seen = false;
        if (d->duplicate_of >= 0) {
            continue;
        }
        for (j = 0; j < i; j++) {
            if (((const annals__cevmention *)annals__vec_at(&ev->mentions, j))->doc == m->doc) {
                seen = true;
                break;
            }
        }
        if (!seen) {
            n++;
        }
    }
    return n ? n : 1;
}

/* ----------------------------------------------------------- from a doc */

/* Mark `d` (index di) as a syndicated copy when most of its sentences
 * already appeared in one earlier document. */
static annals_status detect_syndication(annals_corpus *c, const annals_doc *doc, uint32_t di)
{
    size_t i, n_sent = 0, best = 0, best_hits = 0;
    size_t *hits = NULL;
    annals_status rc = ANNALS_OK;

    if (di > 0) {
        hits = calloc(di, sizeof(*hits));
        if (hits == NULL) {
            return ANNALS_ENOMEM;
        }
    }
    for (i = 0; i < doc->sentences.n; i++) {
        const annals__sentence *s = ANNALS__SENT(doc, i);
        uint64_t h;
        size_t prev;
        char key[17];
        if (s->end - s->start < 40 || (s->flags & ANNALS_SENT_BOILERPLATE)) {
            continue;
        }
        n_sent++;
        h = annals__hash(doc->text + s->start, s->end - s->start);
        snprintf(key, sizeof(key), "%016llx", (unsigned long long)h);
        if (annals__map_get(&c->sentence_index, key, 16, &prev)) {
            if (prev < di) {
                hits[prev]++;
            }
        } else {
            rc = annals__map_put(&c->sentence_index, key, 16, di);
            if (rc < 0) {
                goto done;
            }
        }
    }
    for (i = 0; i < di; i++) {
        if (hits[i] > best_hits) {
            best_hits = hits[i];
            best = i;
        }
    }
    if (n_sent >= 3 && best_hits * 10 >= n_sent * 6) {
        annals__cdoc *d = ANNALS__CDOC(c, di);
        const annals__cdoc *orig = ANNALS__CDOC(c, best);
        d->duplicate_of = orig->duplicate_of >= 0 ? orig->duplicate_of : (int32_t)best;
    }
done:
    free(hits);
    return rc;
}

static annals_status copy_event(annals_corpus *c, const annals_doc *doc, uint32_t di,
                                const annals__event *e, const uint32_t *emap,
                                const int32_t *tmap)
{
    annals__cevent *ev = annals__corpus_push_event(c);
    const annals__sentence *s = ANNALS__SENT(doc, e->sentence);
    annals__cevmention *m;
    const annals__role *roles[4];
    annals__idlist *lists[4];
    size_t r, i;

    if (ev == NULL) {
        return ANNALS_ENOMEM;
    }
    memcpy(ev->code, e->code, sizeof(ev->code));
    memcpy(ev->root, e->root, sizeof(ev->root));
    ev->quad = e->quad;
    ev->goldstein = e->goldstein;
    ev->type = annals__strdup(e->type ? e->type : "");
    ev->label = annals__strdup(e->label ? e->label : "");
    if (ev->type == NULL || ev->label == NULL) {
        return ANNALS_ENOMEM;
    }
    roles[0] = &e->source;
    roles[1] = &e->target;
    roles[2] = &e->participants;
    roles[3] = &e->places;
    lists[0] = &ev->source;
    lists[1] = &ev->target;
    lists[2] = &ev->participants;
    lists[3] = &ev->places;
    for (r = 0; r < 4; r++) {
        for (i = 0; i < roles[r]->n; i++) {
            if (annals__idlist_add(lists[r], emap[roles[r]->ent[i]]) < 0) {
                return ANNALS_ENOMEM;
            }
        }
    }
    memcpy(ev->date_value, e->date_value, sizeof(ev->date_value));
    ev->earliest = e->earliest;
    ev->latest = e->latest;
    ev->precision = e->precision;
    ev->timex = e->timex >= 0 ? tmap[e->timex] : -1;
    ev->inferred = e->date_inferred;
    ev->modality = e->modality;
    ev->confidence = e->confidence;
    if (e->has_count) {
        ev->has_count = true;
        ev->count_min = e->count_min;
        ev->count_max = e->count_max;
        if (e->count_end > e->count_start) {
            ev->count_text = strndup_(doc->text + e->count_start, e->count_end - e->count_start);
            if (ev->count_text == NULL) {
                return ANNALS_ENOMEM;
            }
        }
    }
    if (e->explain != NULL) {
        ev->explain = annals__strdup(e->explain);
        if (ev->explain == NULL) {
            return ANNALS_ENOMEM;
        }
    }
    m = annals__vec_push(&ev->mentions);
    if (m == NULL) {
        return ANNALS_ENOMEM;
    }
    m->doc = di;
    m->start = e->trigger_start;
    m->end = e->trigger_end;
    m->trigger = strndup_(doc->text + e->trigger_start, e->trigger_end - e->trigger_start);
    m->sentence_start = s->start;
    m->sentence_end = s->end;
    m->sentence = strndup_(doc->text + s->start, s->end - s->start);
    if (m->trigger == NULL || m->sentence == NULL) {
        return ANNALS_ENOMEM;
    }
    return ANNALS_OK;
}

annals_status annals_corpus_add_doc(annals_corpus *c, const annals_doc *doc, annals_error *err)
{
    annals__cdoc *d;
    uint32_t di, *emap = NULL;
    int32_t *tmap = NULL;
    size_t i, first_event = c->events.n;
    annals_status rc = ANNALS_OK;
    char idbuf[32];

    if (c == NULL || doc == NULL) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_CORPUS, ANNALS_NO_OFFSET,
                             "NULL argument");
    }
    d = annals__corpus_push_doc(c);
    if (d == NULL) {
        goto oom;
    }
    di = (uint32_t)(c->docs.n - 1);
    snprintf(idbuf, sizeof(idbuf), "d%u", di + 1);
    d->id = annals__strdup(doc->id ? doc->id : idbuf);
    d->source = annals__strdup(doc->source);
    d->date = doc->dct[0] ? annals__strdup(doc->dct) : NULL;
    d->date_source = doc->date_source;
    d->title = annals__strdup(doc->title);
    d->url = annals__strdup(doc->url);
    d->bytes = doc->len;
    d->narrative = doc->narrative;
    if (d->id == NULL || (doc->source && !d->source) || (doc->dct[0] && !d->date) ||
        (doc->title && !d->title) || (doc->url && !d->url)) {
        goto oom;
    }
    for (i = 0; i < doc->warnings.n; i++) {
        const annals_warning *w = annals__vec_at(&doc->warnings, i);
        annals_warning *cw = annals__vec_push(&d->warnings);
        if (cw == NULL) {
            goto oom;
        }
        cw->offset = w->offset;
        cw->message = annals__strdup(w->message);
        if (cw->message == NULL) {
            d->warnings.n--;
            goto oom;
        }
    }
    if (detect_syndication(c, doc, di) < 0) {
        goto oom;
    }
    /* Entities. */
    emap = calloc(doc->entities.n + 1, sizeof(*emap));
    tmap = calloc(doc->timexes.n + 1, sizeof(*tmap));
    if (emap == NULL || tmap == NULL) {
        goto oom;
    }
    for (i = 0; i < doc->entities.n; i++) {
        const annals__entity *e = ANNALS__ENTITY(doc, i);
        annals__centity *ce;
        size_t k;
        rc = annals__corpus_entity(c, e->kind, e->name ? e->name : "", e->country, &emap[i],
                                   err);
        if (rc < 0) {
            goto done;
        }
        ce = ANNALS__CENTITY(c, emap[i]);
        for (k = 0; k < e->aliases.n; k++) {
            if (annals__centity_add_alias(ce, e->aliases.items[k]) < 0) {
                goto oom;
            }
        }
        for (k = 0; k < e->roles.n; k++) {
            if (annals__centity_add_role(ce, e->roles.items[k]) < 0) {
                goto oom;
            }
        }
        if (e->explain != NULL && ce->explain == NULL) {
            ce->explain = annals__strdup(e->explain);
            if (ce->explain == NULL) {
                goto oom;
            }
        }
    }
    for (i = 0; i < doc->mentions.n; i++) {
        const annals__mention *m = ANNALS__MENTION(doc, i);
        if (m->entity >= doc->entities.n) {
            continue;
        }
        if (annals__centity_add_mention(ANNALS__CENTITY(c, emap[m->entity]), di, m->start,
                                        m->end) < 0) {
            goto oom;
        }
    }
    /* Timexes. */
    for (i = 0; i < doc->timexes.n; i++) {
        const annals__timex *t = ANNALS__TIMEX(doc, i);
        annals__ctimex *ct = annals__corpus_push_timex(c);
        if (ct == NULL) {
            goto oom;
        }
        tmap[i] = (int32_t)(c->timexes.n - 1);
        ct->doc = di;
        ct->start = t->start;
        ct->end = t->end;
        ct->text = strndup_(doc->text + t->start, t->end - t->start);
        ct->type = t->type;
        memcpy(ct->value, t->value, sizeof(ct->value));
        memcpy(ct->mod, t->mod, sizeof(ct->mod));
        ct->rule = annals__strdup(t->rule ? t->rule : "");
        ct->anchor = annals__strdup(t->anchor ? t->anchor : "");
        ct->earliest = t->earliest;
        ct->latest = t->latest;
        ct->precision = t->precision;
        if (ct->text == NULL || ct->rule == NULL || ct->anchor == NULL) {
            goto oom;
        }
    }
    /* Events. */
    for (i = 0; i < doc->events.n; i++) {
        if (copy_event(c, doc, di, ANNALS__EVENT(doc, i), emap, tmap) < 0) {
            goto oom;
        }
    }
    rc = annals__corpus_finish(c, first_event, err);
    goto done;
oom:
    rc = annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_CORPUS, ANNALS_NO_OFFSET,
                       "out of memory");
done:
    free(emap);
    free(tmap);
    return rc;
}
