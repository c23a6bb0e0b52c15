/* SPDX-License-Identifier: MIT */
/*
 * entities/recognize.c - entity mentions, coreference and canonical
 * identities for one document (pipeline stage "entities", after tokenize
 * and dates). The rules are documented in docs/entities.md; in short:
 *
 *  1. Gazetteer surfaces (longest match, case rules) give countries,
 *     demonyms, capitals, places, organisations, armed groups and known
 *     people. A capital is the place after a locative preposition or in a
 *     dateline, otherwise the government (country, METONYM).
 *  2. Titles ("Egyptian President", "press secretary Major General")
 *     followed by a capitalised name make a person with roles; a demonym,
 *     country or body just before the title gives the person's country.
 *  3. Other capitalised runs are names: given name + surname -> person,
 *     organisation suffix -> organisation, feature suffix -> place; a
 *     lone capitalised word opening a sentence is a name only if the
 *     document names it elsewhere.
 *  4. Coreference: surnames, title-only mentions ("the Secretary"),
 *     descriptions ("the militants", "Washington's top diplomat"),
 *     pronouns in reporting clauses.
 *
 * Linear in the number of tokens: every look-up is bounded by
 * ENT_MAX_SPAN tokens and every backwards search by a fixed window.
 */
#include "entities/entities_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_CAP 256
#define MAX_NAME_TOKENS 6
#define RECENT_PERSONS 32
#define MAX_ALIASES 32

typedef struct cand {
    size_t tb, te;        /* token range */
    size_t start, end;    /* byte span */
    uint32_t ent;         /* temporary entity index */
    unsigned flags;
    const char *rule;
    size_t seq;           /* creation order, for a stable sort */
} cand;

typedef struct side {
    int64_t rec;          /* lexicon record or -1 */
    size_t last_tok;      /* token of the latest mention */
    unsigned groups;      /* 1 << TGROUP_* of its roles */
    size_t first_sentence;
    bool has_country_from_text;
} side;

/* A mention whose referent is decided after the whole document is read. */
typedef struct pending {
    size_t tb, te, start, end;
    uint32_t sentence;
    int what;             /* P_INITIAL, P_GROUP, P_ROLE, P_BACKED */
    char country[4];
    uint8_t role_group;
    unsigned flags;
    const char *rule;
    char key[48];         /* P_INITIAL: folded word; P_BACKED: folded description */
    size_t klen;
    int64_t sponsor;      /* P_BACKED: entity of "Iran" in "Iran-backed" */
    size_t sponsor_tb;    /* P_BACKED: the hyphenated token */
} pending;

/* P_BACKED: "Iran-backed rebels", "Russian-supported separatists" */
enum { P_INITIAL = 1, P_GROUP, P_ROLE, P_BACKED };

typedef struct rctx {
    annals_doc *doc;
    const struct annals__entity_lex *lex;
    annals_error *err;
    bool explain;
    annals__vec ents;     /* annals__entity (temporary order) */
    annals__vec sides;    /* side */
    annals__vec cands;    /* cand */
    annals__vec pend;     /* pending */
    annals__map by_key;   /* kind + folded canonical name -> entity */
    annals__map surname;  /* folded surname/alias -> person entity */
    annals__map seen;     /* folded single-word names seen mid-sentence -> entity */
    annals__map backing;  /* sponsor entity + folded description -> group it was tied to */
    unsigned char *tflag; /* per token: TF_* */
    unsigned *tclass;     /* per token: WC_* bits and spans */
    uint32_t recent[RECENT_PERSONS];
    size_t n_recent;
    /* state while scanning a sentence */
    int64_t q_ent;        /* qualifier entity (country/org) just before a title */
    size_t q_end;         /* token after the qualifier */
    int64_t last_person;  /* entity of the latest person mention */
    size_t last_person_end;
    uint32_t last_person_sentence;
    int64_t unnamed_speaker_sentence;
    size_t seq;
} rctx;

enum { TF_TIMEX = 1, TF_USED = 2 };

/* ------------------------------------------------------------ tokens */

static const annals__token *tok(const rctx *r, size_t i)
{
    return ANNALS__TOK(r->doc, i);
}

static size_t fold_tok(const rctx *r, size_t i, char *buf, size_t cap)
{
    const annals__token *t = tok(r, i);
    return ent_fold(r->doc->text + t->start, t->end - t->start, buf, cap);
}

static bool tok_word(const rctx *r, size_t i)
{
    return (tok(r, i)->flags & ANNALS_TOK_WORD) != 0;
}

static bool tok_cap(const rctx *r, size_t i)
{
    return (tok(r, i)->flags & (ANNALS_TOK_WORD | ANNALS_TOK_CAP)) ==
           (ANNALS_TOK_WORD | ANNALS_TOK_CAP);
}

static bool tok_eq(const rctx *r, size_t i, const char *w)
{
    return annals__tok_is(r->doc, i, w);
}

static bool tok_char(const rctx *r, size_t i, char c)
{
    const annals__token *t = tok(r, i);
    return t->end - t->start == 1 && r->doc->text[t->start] == c;
}


/* Word classes and spans of token i (WC_* bits, see lex.c), computed once
 * per document in annals__entities(). */
static unsigned tok_class(const rctx *r, size_t i)
{
    return r->tclass[i];
}

static unsigned compute_class(const struct annals__entity_lex *lex, const annals_doc *doc,
                              const annals__token *t)
{
    char buf[KEY_CAP];
    size_t n;
    uint64_t h;
    if (!(t->flags & ANNALS_TOK_WORD)) {
        return 0;
    }
    n = ent_fold(doc->text + t->start, t->end - t->start, buf, sizeof buf);
    if (n == SIZE_MAX || n == 0) {
        return 0;
    }
    h = annals__hash(buf, n);
    return ent_word_class(lex, buf, n, h);
}

#define tok_in(r, i, cls) ((tok_class((r), (i)) & (cls)) != 0)

/* ---------------------------------------------------------- entities */

static annals_status oom(rctx *r)
{
    return annals__error(r->err, ANNALS_ENOMEM, ANNALS_STAGE_ENTITIES, ANNALS_NO_OFFSET,
                         "out of memory");
}

static annals__entity *ent(rctx *r, size_t i)
{
    return annals__vec_at(&r->ents, i);
}

static side *sd(rctx *r, size_t i)
{
    return annals__vec_at(&r->sides, i);
}

/* Find or create the document entity (kind, name). */
static annals_status get_entity(rctx *r, annals_entity_kind kind, const char *name,
                                size_t name_len, const char *country, int64_t rec,
                                uint32_t *out)
{
    char key[KEY_CAP + 2];
    size_t klen, idx;
    annals__entity *e;
    side *s;

    key[0] = (char)('0' + (int)kind);
    klen = ent_fold(name, name_len, key + 1, KEY_CAP);
    if (klen == SIZE_MAX) {
        klen = KEY_CAP - 1;
    }
    klen += 1;
    if (annals__map_get(&r->by_key, key, klen, &idx)) {
        *out = (uint32_t)idx;
        return ANNALS_OK;
    }
    e = annals__vec_push(&r->ents);
    s = annals__vec_push(&r->sides);
    if (e == NULL || s == NULL) {
        return oom(r);
    }
    e->kind = kind;
    e->name = annals__arena_strndup(&r->doc->arena, name, name_len);
    if (e->name == NULL) {
        return oom(r);
    }
    if (country != NULL && country[0] != '\0') {
        memcpy(e->country, country, 3);
        e->country[3] = '\0';
    }
    s->rec = rec;
    s->first_sentence = SIZE_MAX;
    idx = r->ents.n - 1;
    if (annals__map_put(&r->by_key, key, klen, idx) != ANNALS_OK) {
        return oom(r);
    }
    *out = (uint32_t)idx;
    return ANNALS_OK;
}

static annals_status rec_entity(rctx *r, uint32_t rec_i, uint32_t *out)
{
    const ent_rec *rec = annals__vec_at(&r->lex->recs, rec_i);
    annals_status rc = get_entity(r, rec->kind, rec->name, strlen(rec->name), rec->country,
                                  (int64_t)rec_i, out);
    if (rc == ANNALS_OK && rec->kind == ANNALS_ENTITY_PERSON && rec->roles != NULL &&
        ent(r, *out)->roles.n == 0) {
        /* roles known from the gazetteer, used when the text gives none */
        const char *p = rec->roles;
        while (*p) {
            const char *q = strchr(p, '|');
            size_t n = q ? (size_t)(q - p) : strlen(p);
            char *role = annals__arena_strndup(&r->doc->arena, p, n);
            if (role == NULL ||
                annals__strlist_add(&ent(r, *out)->roles, &r->doc->arena, role) != ANNALS_OK) {
                return oom(r);
            }
            p += n;
            if (*p == '|') {
                p++;
            }
        }
    }
    return rc;
}

static annals_status add_alias(rctx *r, uint32_t e_i, const char *s, size_t len)
{
    annals__entity *e = ent(r, e_i);
    size_t i;
    char *copy;
    if (len == 0 || (strncmp(e->name, s, len) == 0 && e->name[len] == '\0')) {
        return ANNALS_OK;
    }
    for (i = 0; i < e->aliases.n; i++) {
        if (strncmp(e->aliases.items[i], s, len) == 0 && e->aliases.items[i][len] == '\0') {
            return ANNALS_OK;
        }
    }
    if (e->aliases.n >= MAX_ALIASES) {
        return ANNALS_OK;
    }
    copy = annals__arena_strndup(&r->doc->arena, s, len);
    if (copy == NULL || annals__strlist_add(&e->aliases, &r->doc->arena, copy) != ANNALS_OK) {
        return oom(r);
    }
    return ANNALS_OK;
}

static annals_status add_role(rctx *r, uint32_t e_i, const ent_title *t)
{
    annals__entity *e = ent(r, e_i);
    side *s = sd(r, e_i);
    if (t->cls == TITLE_HONORIFIC) {
        return ANNALS_OK;
    }
    s->groups |= 1u << t->group;
    if (annals__strlist_add(&e->roles, &r->doc->arena, t->role) != ANNALS_OK) {
        return oom(r);
    }
    return ANNALS_OK;
}

static void set_country(rctx *r, uint32_t e_i, const char *country)
{
    annals__entity *e = ent(r, e_i);
    if (country != NULL && country[0] != '\0' && e->country[0] == '\0') {
        memcpy(e->country, country, 3);
        e->country[3] = '\0';
        sd(r, e_i)->has_country_from_text = true;
    }
}

static void note_person(rctx *r, uint32_t e_i)
{
    size_t i;
    if (r->n_recent > 0 && r->recent[r->n_recent - 1] == e_i) {
        return;
    }
    for (i = 0; i < r->n_recent; i++) {
        if (r->recent[i] == e_i) {
            memmove(&r->recent[i], &r->recent[i + 1], (r->n_recent - i - 1) * sizeof(uint32_t));
            r->n_recent--;
            break;
        }
    }
    if (r->n_recent == RECENT_PERSONS) {
        memmove(&r->recent[0], &r->recent[1], (RECENT_PERSONS - 1) * sizeof(uint32_t));
        r->n_recent--;
    }
    r->recent[r->n_recent++] = e_i;
}

/* Record a mention of entity e_i over tokens [tb, te) (byte span start..end). */
static annals_status mention_span(rctx *r, size_t tb, size_t te, size_t start, size_t end,
                                  uint32_t e_i, unsigned flags, const char *rule)
{
    cand *c = annals__vec_push(&r->cands);
    annals__entity *e;
    uint32_t sentence = tok(r, tb)->sentence;
    size_t i;
    if (c == NULL) {
        return oom(r);
    }
    c->tb = tb;
    c->te = te;
    c->start = start;
    c->end = end;
    c->ent = e_i;
    c->flags = flags;
    c->rule = rule;
    c->seq = r->seq++;
    for (i = tb; i < te; i++) {
        r->tflag[i] |= TF_USED;
    }
    e = ent(r, e_i);
    if (sd(r, e_i)->first_sentence == SIZE_MAX) {
        sd(r, e_i)->first_sentence = sentence;
    }
    sd(r, e_i)->last_tok = te;
    if (e->kind == ANNALS_ENTITY_PERSON) {
        r->last_person = e_i;
        r->last_person_end = te;
        r->last_person_sentence = sentence;
        note_person(r, e_i);
    }
    if ((flags & (ANNALS_MENTION_PRONOUN | ANNALS_MENTION_DESCRIPTION | ANNALS_MENTION_TITLE)) ==
        0) {
        return add_alias(r, e_i, r->doc->text + start, end - start);
    }
    return ANNALS_OK;
}

static annals_status mention(rctx *r, size_t tb, size_t te, uint32_t e_i, unsigned flags,
                             const char *rule)
{
    return mention_span(r, tb, te, tok(r, tb)->start, tok(r, te - 1)->end, e_i, flags, rule);
}

/* Register the surnames of a person entity named by tokens [tb, te). */
static annals_status register_surname(rctx *r, size_t tb, size_t te, uint32_t e_i)
{
    char key[KEY_CAP];
    size_t klen, last = te - 1;
    const annals__token *t;
    if (te - tb < 2) {
        return ANNALS_OK;
    }
    t = tok(r, last);
    if (t->flags & ANNALS_TOK_ABBREV) { /* "Jr." */
        if (last - 1 <= tb) {
            return ANNALS_OK;
        }
        last--;
        t = tok(r, last);
    }
    klen = fold_tok(r, last, key, sizeof key);
    if (klen == SIZE_MAX || klen < 2) {
        return ANNALS_OK;
    }
    if (annals__map_put(&r->surname, key, klen, e_i) != ANNALS_OK) {
        return oom(r);
    }
    /* "al-Sisi" -> also "Sisi" */
    if (klen > 3 && (memcmp(key, "al-", 3) == 0 || memcmp(key, "el-", 3) == 0)) {
        if (annals__map_put(&r->surname, key + 3, klen - 3, e_i) != ANNALS_OK) {
            return oom(r);
        }
    }
    /* "Mohammed bin Salman" -> "bin Salman" */
    if (last > tb && tok_in(r, last - 1, WC_PARTICLE)) {
        char k2[KEY_CAP];
        size_t a = fold_tok(r, last - 1, k2, sizeof k2);
        if (a != SIZE_MAX && a + klen + 1 < sizeof k2) {
            memcpy(k2 + a, key, klen);
            if (annals__map_put(&r->surname, k2, a + klen, e_i) != ANNALS_OK) {
                return oom(r);
            }
        }
    }
    return ANNALS_OK;
}

/* ----------------------------------------------------------- look-ups */

/* Longest gazetteer surface starting at token i within [i, lim). */
static const ent_sfc *lookup_surface(const rctx *r, size_t i, size_t lim, size_t *ntok)
{
    char key[KEY_CAP];
    size_t klen, maxn = 1, n, k, idx, pos;
    size_t lens[ENT_MAX_SPAN + 1];
    const annals__map *m = &r->lex->surfaces;

    if (!(r->tclass[i] & WC_SURF_START)) {
        return NULL;
    }
    maxn = WC_SURF_SPAN(r->tclass[i]);
    if (maxn == 0) {
        maxn = 1;
    }
    klen = fold_tok(r, i, key, sizeof key);
    if (klen == SIZE_MAX || klen == 0) {
        return NULL;
    }
    if (maxn > lim - i) {
        maxn = lim - i;
    }
    lens[1] = klen;
    pos = klen;
    for (n = 2; n <= maxn; n++) {
        size_t add;
        if (r->tflag[i + n - 1] & TF_TIMEX) {
            maxn = n - 1;
            break;
        }
        add = fold_tok(r, i + n - 1, key + pos, sizeof key - pos);
        if (add == SIZE_MAX) {
            maxn = n - 1;
            break;
        }
        pos += add;
        lens[n] = pos;
    }
    for (n = maxn; n >= 1; n--) {
        if (annals__map_get(m, key, lens[n], &idx)) {
            const ent_sfc *sf = annals__vec_at(&r->lex->sfcs, idx);
            /* case rules: acronym-like surfaces match byte for byte (spaces
             * aside); others need a capital first letter where the table has one */
            if (sf->exact) {
                const char *s = sf->surface;
                bool ok = true;
                for (k = i; k < i + n && ok; k++) {
                    const annals__token *t = tok(r, k);
                    while (*s == ' ') {
                        s++;
                    }
                    ok = strncmp(s, r->doc->text + t->start, t->end - t->start) == 0 ||
                         (t->end - t->start == 3 && (unsigned char)r->doc->text[t->start] == 0xE2);
                    s += t->end - t->start;
                }
                if (!ok) {
                    continue;
                }
            } else if (sf->surface[0] >= 'A' && sf->surface[0] <= 'Z' && !tok_cap(r, i)) {
                continue;
            }
            *ntok = n;
            return sf;
        }
    }
    return NULL;
}

/* Longest title starting at token i (case-insensitive). */
static const ent_title *lookup_title(const rctx *r, size_t i, size_t lim, size_t *ntok)
{
    char key[KEY_CAP];
    size_t pos = 0, n, maxn = 1, idx;
    size_t lens[ENT_MAX_SPAN + 1];
    size_t klen;
    if (!(r->tclass[i] & WC_TITLE_START)) {
        return NULL;
    }
    maxn = WC_TITLE_SPAN(r->tclass[i]);
    klen = fold_tok(r, i, key, sizeof key);
    if (klen == SIZE_MAX || klen == 0 || maxn == 0) {
        return NULL;
    }
    if (maxn > lim - i) {
        maxn = lim - i;
    }
    pos = klen;
    lens[1] = klen;
    for (n = 2; n <= maxn; n++) {
        size_t add = fold_tok(r, i + n - 1, key + pos, sizeof key - pos);
        if (add == SIZE_MAX) {
            maxn = n - 1;
            break;
        }
        pos += add;
        lens[n] = pos;
    }
    for (n = maxn; n >= 1; n--) {
        if (annals__map_get(&r->lex->title_map, key, lens[n], &idx)) {
            *ntok = n;
            return annals__vec_at(&r->lex->titles, idx);
        }
    }
    return NULL;
}

static bool is_given(const rctx *r, size_t i)
{
    return (r->tclass[i] & WC_GIVEN) != 0;
}

static bool surname_of(const rctx *r, size_t tb, size_t te, uint32_t *e_i)
{
    char key[KEY_CAP];
    size_t pos = 0, i, v;
    for (i = tb; i < te; i++) {
        size_t add = fold_tok(r, i, key + pos, sizeof key - pos);
        if (add == SIZE_MAX) {
            return false;
        }
        pos += add;
    }
    if (pos > 0 && annals__map_get(&r->surname, key, pos, &v)) {
        *e_i = (uint32_t)v;
        return true;
    }
    return false;
}

/* A token that opens a sentence or a quotation: its capital proves nothing. */
static bool initial_like(const rctx *r, size_t i, size_t sb)
{
    const annals__token *t = tok(r, i);
    if (i == sb || (t->flags & ANNALS_TOK_SENT_START)) {
        return true;
    }
    t = tok(r, i - 1);
    if (t->flags & (ANNALS_TOK_QUOTE | ANNALS_TOK_DASH)) {
        return true;
    }
    return tok_char(r, i - 1, ':') || tok_char(r, i - 1, '(');
}

/* -------------------------------------------------------- recognition */

typedef struct sent_info {
    size_t tb, te;
    uint32_t index;
    bool headline;        /* title case or ALL CAPS: capitals prove nothing */
    bool allcaps;
    bool dateline;
} sent_info;

/* A hyphenated token whose first part is a country or demonym:
 * "Iranian-backed", "US-led", "Israeli-Palestinian". */
static annals_status hyphen_compound(rctx *r, size_t i, bool *done)
{
    const annals__token *t = tok(r, i);
    const char *s = r->doc->text + t->start;
    size_t len = t->end - t->start, p = 0;
    *done = false;
    while (p < len) {
        size_t q = p;
        char key[KEY_CAP];
        size_t klen, idx;
        while (q < len && s[q] != '-') {
            q++;
        }
        klen = ent_fold(s + p, q - p, key, sizeof key);
        if (klen != SIZE_MAX && klen > 1 && s[p] >= 'A' && s[p] <= 'Z' &&
            annals__map_get(&r->lex->surfaces, key, klen, &idx)) {
            const ent_sfc *sf = annals__vec_at(&r->lex->sfcs, idx);
            const ent_rec *rec = annals__vec_at(&r->lex->recs, sf->rec);
            if (rec->kind == ANNALS_ENTITY_COUNTRY ||
                (sf->type == SFC_NAME && rec->kind != ANNALS_ENTITY_PERSON)) {
                uint32_t e_i;
                unsigned flags = sf->type == SFC_NAME ? ANNALS_MENTION_NAME : ANNALS_MENTION_ADJ;
                annals_status rc;
                if (sf->type == SFC_CAPITAL) {
                    flags = ANNALS_MENTION_METONYM | ANNALS_MENTION_ADJ;
                }
                rc = rec_entity(r, sf->rec, &e_i);
                if (rc == ANNALS_OK) {
                    rc = mention_span(r, i, i + 1, t->start + p, t->start + q, e_i,
                                      flags | ANNALS_MENTION_ADJ, "hyphen-compound");
                }
                if (rc != ANNALS_OK) {
                    return rc;
                }
                *done = true;
                if (rec->kind == ANNALS_ENTITY_COUNTRY || rec->kind == ANNALS_ENTITY_ORGANIZATION) {
                    r->q_ent = (int64_t)e_i;
                    r->q_end = i + 1;
                }
            }
        }
        p = q + 1;
    }
    return ANNALS_OK;
}

/* Tokens [i, j) of a capitalised name run starting at i. */
static size_t name_run(rctx *r, size_t i, size_t te, bool allow_gaz_first)
{
    size_t j = i, n = 0;
    bool given_start = is_given(r, i);
    while (j < te && n < MAX_NAME_TOKENS) {
        const annals__token *t = tok(r, j);
        size_t ntok;
        if (r->tflag[j] & TF_TIMEX) {
            break;
        }
        if (tok_cap(r, j)) {
            if (j > i) {
                const ent_sfc *sf;
                if (lookup_title(r, j, te, &ntok) != NULL && !given_start) {
                    break;
                }
                sf = lookup_surface(r, j, te, &ntok);
                if (sf != NULL && !given_start && ntok > 1) {
                    break;
                }
                if (sf != NULL && !given_start && n > 0) {
                    const ent_rec *rec = annals__vec_at(&r->lex->recs, sf->rec);
                    size_t n3;
                    /* a place word inside a longer name ("Crimson Valley Brigades") */
                    bool inside = j + 1 < te && tok_cap(r, j + 1) &&
                                  !(r->tflag[j + 1] & TF_TIMEX) &&
                                  lookup_surface(r, j + 1, te, &n3) == NULL;
                    if (rec->kind != ANNALS_ENTITY_PERSON && !inside) {
                        break;
                    }
                }
            } else if (!allow_gaz_first) {
                (void)0;
            }
            j++;
            n++;
            continue;
        }
        if ((t->flags & ANNALS_TOK_WORD) && j > i && j + 1 < te && tok_cap(r, j + 1) &&
            tok_in(r, j, WC_PARTICLE)) {
            j++;
            continue;
        }
        break;
    }
    return j;
}

static bool followed_by_report(const rctx *r, size_t j, size_t te)
{
    if (j < te && tok_in(r, j, WC_REPORT)) {
        return true;
    }
    return j + 1 < te && tok_char(r, j, ',') && tok_in(r, j + 1, WC_REPORT);
}

/* Classify and record the name run [i, j). `tb_title` < i when titles
 * precede it (roles already known). Returns the person entity or -1. */
static annals_status name_mention(rctx *r, const sent_info *si, size_t i, size_t j,
                                  const ent_title **titles, size_t n_titles, int64_t *out)
{
    unsigned lastc = tok_class(r, j - 1);
    uint32_t e_i;
    annals_status rc;
    annals_entity_kind kind;
    const char *rule;
    const annals__token *ti = tok(r, i);
    const char *name = r->doc->text + ti->start;
    size_t name_len = tok(r, j - 1)->end - ti->start;
    size_t k;
    *out = -1;

    if (surname_of(r, i, j, &e_i)) {
        if (n_titles == 0 && j - i == 1) {
            rc = mention(r, i, j, e_i, ANNALS_MENTION_NAME, "surname->person");
        } else {
            rc = mention(r, i, j, e_i, ANNALS_MENTION_NAME, "title+surname->person");
        }
        for (k = 0; rc == ANNALS_OK && k < n_titles; k++) {
            rc = add_role(r, e_i, titles[k]);
        }
        *out = e_i;
        return rc;
    }
    if (n_titles > 0) {
        kind = ANNALS_ENTITY_PERSON;
        rule = "title+name";
    } else if ((lastc & WC_GROUP_SUFFIX) && j - i >= 2) {
        kind = ANNALS_ENTITY_GROUP;
        rule = "group-suffix";
    } else if ((lastc & WC_ORG_SUFFIX) && j - i >= 2) {
        kind = ANNALS_ENTITY_ORGANIZATION;
        rule = "org-suffix";
    } else if (j - i >= 2 && ((lastc & WC_PLACE_SUFFIX) || tok_in(r, i, WC_PLACE_PREFIX))) {
        kind = ANNALS_ENTITY_PLACE;
        rule = "place-suffix";
    } else if (j - i >= 2 && is_given(r, i)) {
        kind = ANNALS_ENTITY_PERSON;
        rule = "given-name+surname";
    } else if (si->headline) {
        return ANNALS_OK;
    } else if (j - i == 1 && initial_like(r, i, si->tb)) {
        /* decided at the end: a name only if the document uses it elsewhere */
        pending *p = annals__vec_push(&r->pend);
        if (p == NULL) {
            return oom(r);
        }
        p->tb = i;
        p->te = j;
        p->start = ti->start;
        p->end = ti->end;
        p->sentence = si->index;
        p->what = P_INITIAL;
        p->klen = fold_tok(r, i, p->key, sizeof p->key);
        if (p->klen == SIZE_MAX) {
            r->pend.n--;
        }
        return ANNALS_OK;
    } else if (followed_by_report(r, j, si->te)) {
        kind = ANNALS_ENTITY_PERSON;
        rule = "name+reporting-verb";
    } else if (i > si->tb && tok_in(r, i - 1, WC_PLACE_PREP)) {
        kind = ANNALS_ENTITY_PLACE;
        rule = "preposition+name";
    } else if (j - i >= 2) {
        kind = ANNALS_ENTITY_PERSON;
        rule = "capitalised-run";
    } else {
        kind = ANNALS_ENTITY_ORGANIZATION;
        rule = "capitalised-word";
    }
    if (kind == ANNALS_ENTITY_PERSON && (j - i) == 1 && n_titles > 0) {
        /* "President Biden": a surname alone after a title */
        rule = "title+surname";
    }
    rc = get_entity(r, kind, name, name_len, NULL, -1, &e_i);
    if (rc == ANNALS_OK) {
        rc = mention(r, i, j, e_i, ANNALS_MENTION_NAME, rule);
    }
    if (rc == ANNALS_OK && kind == ANNALS_ENTITY_PERSON) {
        rc = register_surname(r, i, j, e_i);
        if (rc == ANNALS_OK && n_titles > 0 && j - i == 1) {
            char key[64];
            size_t kl = fold_tok(r, i, key, sizeof key);
            if (kl != SIZE_MAX && annals__map_put(&r->surname, key, kl, e_i) != ANNALS_OK) {
                rc = oom(r);
            }
        }
        for (k = 0; rc == ANNALS_OK && k < n_titles; k++) {
            rc = add_role(r, e_i, titles[k]);
        }
        *out = e_i;
    } else if (rc == ANNALS_OK && j - i == 1 && !initial_like(r, i, si->tb)) {
        char key[64];
        size_t kl = fold_tok(r, i, key, sizeof key);
        if (kl != SIZE_MAX && annals__map_put(&r->seen, key, kl, e_i) != ANNALS_OK) {
            rc = oom(r);
        }
    }
    return rc;
}

/* The reading of a gazetteer hit. */
static annals_status gazetteer_mention(rctx *r, const sent_info *si, size_t i, size_t n,
                                       const ent_sfc *sf)
{
    const ent_rec *rec = annals__vec_at(&r->lex->recs, sf->rec);
    uint32_t e_i;
    unsigned flags = ANNALS_MENTION_NAME;
    const char *rule = "gazetteer";
    annals_status rc;
    size_t k;

    if (sf->type == SFC_CAPITAL) {
        bool place = si->dateline && i == si->tb;
        if (i > si->tb && tok_in(r, i - 1, WC_LOCATIVE)) {
            place = true;
        }
        if (i + n < si->te && tok_char(r, i + n, ',') && i == si->tb) {
            place = true; /* "CAIRO, Feb 6" */
        }
        if (place) {
            if (sf->alt != UINT32_MAX) {
                rc = rec_entity(r, sf->alt, &e_i);
            } else {
                const annals__token *a = tok(r, i), *b = tok(r, i + n - 1);
                rc = get_entity(r, ANNALS_ENTITY_PLACE, r->doc->text + a->start,
                                b->end - a->start, rec->country, -1, &e_i);
            }
            if (rc == ANNALS_OK) {
                rc = mention(r, i, i + n, e_i, ANNALS_MENTION_NAME, "capital-as-place");
            }
            return rc;
        }
        rc = rec_entity(r, sf->rec, &e_i);
        if (rc == ANNALS_OK) {
            rc = mention(r, i, i + n, e_i, ANNALS_MENTION_METONYM, "capital-as-government");
        }
        r->q_ent = (int64_t)e_i;
        r->q_end = i + n;
        return rc;
    }
    if (sf->type == SFC_DEMONYM) {
        flags = ANNALS_MENTION_ADJ;
        rule = "demonym";
        for (k = i + n; k < si->te && k < i + n + 2; k++) {
            if (tok_in(r, k, WC_PLURAL_PEOPLE)) {
                flags |= ANNALS_MENTION_PLURAL;
                rule = "demonym+plural-noun";
                break;
            }
        }
    } else if (sf->type == SFC_DEMONYM_PL) {
        flags = ANNALS_MENTION_PLURAL;
        rule = "demonym-plural";
    } else if (rec->kind == ANNALS_ENTITY_ORGANIZATION && rec->metonym) {
        flags |= ANNALS_MENTION_METONYM;
        rule = "gazetteer-metonym";
    } else if (rec->kind == ANNALS_ENTITY_COUNTRY) {
        rule = "gazetteer-country";
    }
    rc = rec_entity(r, sf->rec, &e_i);
    if (rc == ANNALS_OK) {
        rc = mention(r, i, i + n, e_i, flags, rule);
    }
    if (rc == ANNALS_OK && rec->kind == ANNALS_ENTITY_PERSON) {
        rc = register_surname(r, i, i + n, e_i);
    }
    if (rec->kind == ANNALS_ENTITY_COUNTRY || rec->kind == ANNALS_ENTITY_ORGANIZATION ||
        rec->kind == ANNALS_ENTITY_GROUP) {
        r->q_ent = (int64_t)e_i;
        r->q_end = i + n;
    }
    return rc;
}

/* Sponsorship participles after the country part of a hyphenated token:
 * "Iran-backed", "Russian-supported", "Kremlin-aligned". */
static const char *const SPONSOR_WORDS[] = {"backed", "supported", "sponsored", "aligned",
                                            "allied", "funded", "armed", "financed", NULL};

/* The participle after the last '-' of token i if it is a sponsorship
 * word, else NULL. */
static const char *sponsor_word(const rctx *r, size_t i)
{
    const annals__token *t = tok(r, i);
    const char *s = r->doc->text + t->start;
    size_t len = t->end - t->start, p = len, k;
    char low[16];
    while (p > 0 && s[p - 1] != '-') {
        p--;
    }
    if (p == 0 || len - p >= sizeof low) {
        return NULL;
    }
    annals__lower(s + p, len - p, low, sizeof low);
    for (k = 0; SPONSOR_WORDS[k] != NULL; k++) {
        if (strcmp(low, SPONSOR_WORDS[k]) == 0) {
            return SPONSOR_WORDS[k];
        }
    }
    return NULL;
}

/* After a country/capital + 's: "Washington's top diplomat". */
static annals_status description_at(rctx *r, const sent_info *si, size_t i, size_t *used)
{
    char key[KEY_CAP];
    size_t pos = 0, n, idx;
    *used = 0;
    if (!(r->tclass[i] & WC_DESC_START)) {
        return ANNALS_OK;
    }
    for (n = 1; n <= 3 && i + n <= si->te; n++) {
        size_t add = fold_tok(r, i + n - 1, key + pos, sizeof key - pos);
        if (add == SIZE_MAX || !tok_word(r, i + n - 1)) {
            break;
        }
        pos += add;
        if (annals__map_get(&r->lex->desc_map, key, pos, &idx)) {
            const ent_desc *d = annals__vec_at(&r->lex->descs, idx);
            bool possessed = i >= 2 && (tok(r, i - 1)->flags & ANNALS_TOK_POSSESSIVE) &&
                             r->q_ent >= 0 && r->q_end == i - 1;
            bool the = i >= 1 && tok_eq(r, i - 1, "the");
            bool backed = i >= 1 && r->q_ent >= 0 && r->q_end == i &&
                          (tok(r, i - 1)->flags & ANNALS_TOK_HYPHEN);
            bool sponsored = backed && sponsor_word(r, i - 1);
            pending *p;
            if (d->group_kind == 2 && !possessed) {
                continue;
            }
            if (d->group_kind == 1 && !(the || backed || possessed)) {
                continue;
            }
            p = annals__vec_push(&r->pend);
            if (p == NULL) {
                return oom(r);
            }
            p->tb = i;
            p->te = i + n;
            p->start = tok(r, i)->start;
            p->end = tok(r, i + n - 1)->end;
            p->sentence = si->index;
            p->what = d->group_kind == 2 ? P_ROLE : P_GROUP;
            p->role_group = d->role_group;
            p->flags = ANNALS_MENTION_DESCRIPTION;
            p->sponsor = -1;
            if (possessed) {
                memcpy(p->country, ent(r, (size_t)r->q_ent)->country, 4);
            }
            p->rule = d->group_kind == 2 ? "description->role-holder" : "description->group";
            if (d->group_kind == 1 && sponsored) {
                p->what = P_BACKED;
                p->sponsor = r->q_ent;
                p->sponsor_tb = i - 1;
                p->key[0] = '\0';
                p->klen = 0;
                if (pos < sizeof p->key) {
                    memcpy(p->key, key, pos);
                    p->klen = pos;
                }
            }
            *used = n;
        }
    }
    return ANNALS_OK;
}

/* Title-only reference: "the Secretary", "the Crown Prince". */
static int64_t title_referent(rctx *r, const ent_title *t)
{
    size_t k, m, rl = strlen(t->role);
    for (k = r->n_recent; k-- > 0;) {
        annals__entity *e = ent(r, r->recent[k]);
        for (m = 0; m < e->roles.n; m++) {
            const char *role = e->roles.items[m];
            if (strncmp(role, t->role, rl) == 0 && (role[rl] == '\0' || role[rl] == ' ')) {
                return (int64_t)r->recent[k];
            }
        }
    }
    return -1;
}

static annals_status scan_sentence(rctx *r, const sent_info *si)
{
    size_t i = si->tb;
    annals_status rc = ANNALS_OK;
    r->q_ent = -1;
    r->q_end = SIZE_MAX;

    while (i < si->te && rc == ANNALS_OK) {
        const annals__token *t = tok(r, i);
        size_t n = 0, used = 0;
        const ent_sfc *sf = NULL;
        const ent_title *tt;
        bool cap = tok_cap(r, i);

        if ((r->tflag[i] & TF_TIMEX) || !(t->flags & ANNALS_TOK_WORD)) {
            i++;
            continue;
        }
        /* pronouns in reporting clauses */
        if (t->end - t->start <= 3 && t->end - t->start >= 2 &&
            (r->doc->text[t->start] | 0x20) == (r->doc->text[t->start + 1] == 'e' ? 'h' : 's') &&
            tok_in(r, i, WC_PRONOUN) && r->last_person >= 0 &&
            r->last_person_sentence + 2 >= si->index &&
            r->unnamed_speaker_sentence + 1 < (int64_t)si->index &&
            (initial_like(r, i, si->tb) || followed_by_report(r, i + 1, si->te))) {
            if (ent(r, (size_t)r->last_person)->kind == ANNALS_ENTITY_PERSON) {
                rc = mention(r, i, i + 1, (uint32_t)r->last_person, ANNALS_MENTION_PRONOUN,
                             "pronoun->last-person");
            }
            i++;
            continue;
        }
        if (cap || (t->flags & ANNALS_TOK_HYPHEN)) {
            sf = lookup_surface(r, i, si->te, &n);
            if (sf != NULL && si->allcaps && n == 1 && t->end - t->start < 4) {
                sf = NULL;
            }
        }
        /* hyphenated compounds with a country: "Iranian-backed", "US-led" */
        if (sf == NULL && (t->flags & ANNALS_TOK_HYPHEN) && cap) {
            bool done;
            rc = hyphen_compound(r, i, &done);
            if (done || rc != ANNALS_OK) {
                i++;
                continue;
            }
        }
        if (sf != NULL) {
            const ent_rec *rec = annals__vec_at(&r->lex->recs, sf->rec);
            uint32_t e_i;
            /* a place that is also a given name, before a surname: "Jordan Peterson" */
            if (n == 1 && rec->kind != ANNALS_ENTITY_PERSON && is_given(r, i) &&
                i + 1 < si->te && tok_cap(r, i + 1) && !(r->tflag[i + 1] & TF_TIMEX)) {
                size_t n2;
                bool feature = tok_in(r, i + 1, WC_PLACE_SUFFIX | WC_ORG_SUFFIX);
                if (!feature && lookup_surface(r, i + 1, si->te, &n2) == NULL &&
                    lookup_title(r, i + 1, si->te, &n2) == NULL) {
                    size_t j = name_run(r, i, si->te, true);
                    int64_t pe;
                    rc = name_mention(r, si, i, j, NULL, 0, &pe);
                    i = j;
                    continue;
                }
            }
            /* the surname of a person the document already named */
            if (n == 1 && rec->kind != ANNALS_ENTITY_PERSON && surname_of(r, i, i + 1, &e_i)) {
                rc = mention(r, i, i + 1, e_i, ANNALS_MENTION_NAME, "surname->person");
                i++;
                continue;
            }
            rc = gazetteer_mention(r, si, i, n, sf);
            i += n;
            continue;
        }
        /* titles, possibly stacked, then a name */
        tt = lookup_title(r, i, si->te, &n);
        if (tt != NULL) {
            const ent_title *titles[8];
            size_t nt = 0, j = i, first = i;
            bool capital_title = cap && !initial_like(r, i, si->tb);
            int64_t qual = (r->q_ent >= 0 && (r->q_end == i ||
                                              (r->q_end + 1 == i &&
                                               (tok(r, i - 1)->flags & ANNALS_TOK_POSSESSIVE))))
                               ? r->q_ent
                               : -1;
            while (tt != NULL && nt < 8) {
                titles[nt++] = tt;
                j += n;
                if (j >= si->te) {
                    break;
                }
                /* "secretary of state" is one title; "minister of X" stops */
                tt = lookup_title(r, j, si->te, &n);
            }
            if (j < si->te && tok_cap(r, j) && !(r->tflag[j] & TF_TIMEX) &&
                !tok_in(r, j, WC_FUNCTION)) {
                size_t n2;
                const ent_sfc *s2 = lookup_surface(r, j, si->te, &n2);
                const ent_rec *rec2 = s2 ? annals__vec_at(&r->lex->recs, s2->rec) : NULL;
                if (s2 == NULL || rec2->kind == ANNALS_ENTITY_PERSON || is_given(r, j)) {
                    int64_t pe = -1;
                    size_t end;
                    if (s2 != NULL && rec2->kind == ANNALS_ENTITY_PERSON) {
                        uint32_t e_i;
                        size_t k;
                        rc = rec_entity(r, s2->rec, &e_i);
                        if (rc == ANNALS_OK) {
                            rc = mention(r, j, j + n2, e_i, ANNALS_MENTION_NAME,
                                         "title+known-person");
                        }
                        if (rc == ANNALS_OK) {
                            rc = register_surname(r, j, j + n2, e_i);
                        }
                        for (k = 0; rc == ANNALS_OK && k < nt; k++) {
                            rc = add_role(r, e_i, titles[k]);
                        }
                        pe = e_i;
                        end = j + n2;
                    } else {
                        end = name_run(r, j, si->te, true);
                        rc = name_mention(r, si, j, end, titles, nt, &pe);
                    }
                    if (rc == ANNALS_OK && pe >= 0 && qual >= 0) {
                        set_country(r, (uint32_t)pe, ent(r, (size_t)qual)->country);
                    }
                    i = end;
                    continue;
                }
            }
            /* no name follows: apposition or title-only reference */
            {
                size_t k = first;
                bool the = k > si->tb && (tok_eq(r, k - 1, "the") || tok_eq(r, k - 1, "a") ||
                                          tok_eq(r, k - 1, "an"));
                size_t before = the ? k - 1 : k;
                if (qual >= 0 && r->q_end <= before) {
                    before = r->q_end; /* skip the qualifier */
                    while (before > si->tb && !tok_char(r, before - 1, ',') &&
                           before + 3 > r->q_end && before > r->q_end - 3) {
                        before--;
                        if (tok_eq(r, before, "the") || tok_eq(r, before, "a")) {
                            break;
                        }
                    }
                }
                if (r->last_person >= 0 && before > si->tb + 1 &&
                    tok_char(r, before - 1, ',') && r->last_person_end + 1 == before) {
                    size_t m;
                    for (m = 0; m < nt && rc == ANNALS_OK; m++) {
                        rc = add_role(r, (uint32_t)r->last_person, titles[m]);
                    }
                    if (qual >= 0) {
                        set_country(r, (uint32_t)r->last_person, ent(r, (size_t)qual)->country);
                    }
                } else if (the && qual < 0 && nt > 0) {
                    int64_t pe = title_referent(r, titles[nt - 1]);
                    if (pe >= 0 && (capital_title || nt > 1 || titles[0]->cls == TITLE_OFFICE)) {
                        rc = mention(r, first, j, (uint32_t)pe, ANNALS_MENTION_TITLE,
                                     "title-only->last-holder");
                    }
                } else if (titles[nt - 1]->group == TGROUP_SPOKES) {
                    r->unnamed_speaker_sentence = (int64_t)si->index;
                }
            }
            i = j;
            continue;
        }
        /* "bin Salman", "al-Sisi" written after the full name */
        if (!cap && i + 1 < si->te && tok_cap(r, i + 1) && tok_in(r, i, WC_PARTICLE)) {
            uint32_t e_i;
            if (surname_of(r, i, i + 2, &e_i)) {
                rc = mention(r, i, i + 2, e_i, ANNALS_MENTION_NAME, "surname->person");
                i += 2;
                continue;
            }
        }
        if (!cap && (t->flags & ANNALS_TOK_HYPHEN)) {
            uint32_t e_i;
            if (surname_of(r, i, i + 1, &e_i)) {
                rc = mention(r, i, i + 1, e_i, ANNALS_MENTION_NAME, "surname->person");
                i++;
                continue;
            }
        }
        /* descriptions: "the militants", "Washington's top diplomat" */
        if (!cap) {
            rc = description_at(r, si, i, &used);
            i += used > 0 ? used : 1;
            continue;
        }
        /* other capitalised words */
        if (tok_in(r, i, WC_FUNCTION) || si->allcaps) {
            i++;
            continue;
        }
        {
            size_t j = name_run(r, i, si->te, false);
            int64_t pe;
            if (j == i) {
                j = i + 1;
            }
            rc = name_mention(r, si, i, j, NULL, 0, &pe);
            i = j;
        }
    }
    return rc;
}

/* --------------------------------------------------------- finishing */

/* Index of the first scanned mention whose token begin is >= tb (the
 * mentions made while scanning are in text order). */
static size_t first_cand_at(rctx *r, size_t n_scan, size_t tb)
{
    size_t lo = 0, hi = n_scan;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (((cand *)annals__vec_at(&r->cands, mid))->tb < tb) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static annals_status resolve_pending(rctx *r, size_t n_scan)
{
    size_t k, m;
    annals_status rc = ANNALS_OK;
    for (k = 0; k < r->pend.n && rc == ANNALS_OK; k++) {
        pending *p = annals__vec_at(&r->pend, k);
        size_t v;
        int64_t best = -1;
        if (p->what == P_BACKED) {
            continue; /* resolve_backed() */
        }
        if (p->what == P_INITIAL) {
            if (annals__map_get(&r->surname, p->key, p->klen, &v) ||
                annals__map_get(&r->seen, p->key, p->klen, &v)) {
                rc = mention(r, p->tb, p->te, (uint32_t)v, ANNALS_MENTION_NAME,
                             "sentence-initial-name-seen-elsewhere");
            }
            continue;
        }
        if (p->what == P_GROUP) {
            /* the armed group mentioned last before it (within 64 mentions),
             * else the next one (within 64 mentions) */
            size_t at = first_cand_at(r, n_scan, p->tb), lim;
            for (m = at, lim = 0; m-- > 0 && lim < 64; lim++) {
                cand *c = annals__vec_at(&r->cands, m);
                if (ent(r, c->ent)->kind == ANNALS_ENTITY_GROUP) {
                    best = c->ent;
                    break;
                }
            }
            for (m = at, lim = 0; best < 0 && m < n_scan && lim < 64; m++, lim++) {
                cand *c = annals__vec_at(&r->cands, m);
                if (ent(r, c->ent)->kind == ANNALS_ENTITY_GROUP) {
                    best = c->ent;
                }
            }
        } else {
            /* a person holding a role of that group, of that country */
            for (m = 0; m < r->ents.n; m++) {
                annals__entity *e = ent(r, m);
                if (e->kind == ANNALS_ENTITY_PERSON && (sd(r, m)->groups & (1u << p->role_group)) &&
                    (p->country[0] == '\0' || strcmp(e->country, p->country) == 0)) {
                    best = (int64_t)m;
                    break;
                }
            }
        }
        if (best >= 0) {
            rc = mention_span(r, p->tb, p->te, p->start, p->end, (uint32_t)best, p->flags,
                              p->rule);
        }
    }
    return rc;
}

/* Most tokens between a named group and a sponsored description for the
 * two to be tied ("the Houthis in response to attacks by Iran-backed
 * rebels": 5). */
#define TIE_WINDOW 8

/* Words that put the group and the description in different roles or
 * clauses: coordination and contrast (two parties), clause openers, and
 * verbs of one party acting on another. */
static const char *const TIE_BREAKERS[] = {
    "and", "or", "nor", "but", "versus", "vs", "vs.", "against", "with", "between", "than",
    "after", "before", "while", "when", "whereas", "although", "though", "because", "since",
    "until", "unless", "if", "which", "who", "whom", "whose", "where", "that", "said", "says",
    "told", "attacked", "attacking", "fought", "fighting", "fights", "struck", "striking",
    "targeted", "targeting", "battled", "battling", "clashed", "clashing", "killed", "bombed",
    "shelled", "ambushed", "raided", "defeated", "accused", "blamed", "hit", "hitting", NULL};

/* Are the tokens [from, to) between a named group and a sponsored
 * description (either order) a close tie? At most TIE_WINDOW tokens, no
 * clause punctuation, no TIE_BREAKERS word; a comma or '(' only right
 * after the first of the two and followed by at most a determiner
 * (apposition: "the Houthis, the Iran-backed rebels", "Iran-backed rebels
 * (the Houthis)"). */
static bool tie_ok(const rctx *r, size_t from, size_t to)
{
    size_t k, m;
    if (to < from || to - from > TIE_WINDOW) {
        return false;
    }
    for (k = from; k < to; k++) {
        const annals__token *t = tok(r, k);
        char low[16];
        if (!(t->flags & ANNALS_TOK_WORD)) {
            if (t->flags & ANNALS_TOK_NUMBER) {
                continue;
            }
            if (k == from && (tok_char(r, k, ',') || tok_char(r, k, '(')) &&
                (to - k - 1 == 0 || (to - k - 1 == 1 && tok_in(r, k + 1, WC_DET)))) {
                continue;
            }
            return false;
        }
        if (t->end - t->start >= sizeof low) {
            continue;
        }
        annals__lower(r->doc->text + t->start, t->end - t->start, low, sizeof low);
        for (m = 0; TIE_BREAKERS[m] != NULL; m++) {
            if (strcmp(low, TIE_BREAKERS[m]) == 0) {
                return false;
            }
        }
    }
    return true;
}

/* The named group tied to sponsored description p (see tie_ok): the
 * nearest group mention before it, else after it, in the same sentence;
 * -1 if none. Only the nearest group on each side is considered, so no
 * other group stands between. */
static int64_t tied_group(rctx *r, size_t n_scan, const pending *p)
{
    size_t at = first_cand_at(r, n_scan, p->sponsor_tb), m, seen;
    for (m = at, seen = 0; m-- > 0 && seen < 2 * TIE_WINDOW; seen++) {
        cand *c = annals__vec_at(&r->cands, m);
        if (tok(r, c->tb)->sentence != p->sentence || c->te + TIE_WINDOW < p->sponsor_tb) {
            break;
        }
        if (ent(r, c->ent)->kind == ANNALS_ENTITY_GROUP) {
            if (c->te <= p->sponsor_tb && tie_ok(r, c->te, p->sponsor_tb)) {
                return c->ent;
            }
            break;
        }
    }
    for (m = first_cand_at(r, n_scan, p->te), seen = 0; m < n_scan && seen < 2 * TIE_WINDOW;
         m++, seen++) {
        cand *c = annals__vec_at(&r->cands, m);
        if (tok(r, c->tb)->sentence != p->sentence || c->tb > p->te + TIE_WINDOW) {
            break;
        }
        if (ent(r, c->ent)->kind == ANNALS_ENTITY_GROUP) {
            if (tie_ok(r, p->te, c->tb)) {
                return c->ent;
            }
            break;
        }
    }
    return -1;
}

/* Sponsored descriptions ("Iran-backed rebels"), in text order: the group
 * tied to it (tied_group), else the group an earlier description with the
 * same sponsor and words was tied to, else a group entity of its own
 * named "<sponsor>-<participle> <description>" ("Iran-backed militants")
 * with no country: the sponsor is not the group's country and keeps its
 * own ADJ mention. */
static annals_status resolve_backed(rctx *r, size_t n_scan)
{
    size_t k;
    annals_status rc = ANNALS_OK;
    for (k = 0; k < r->pend.n && rc == ANNALS_OK; k++) {
        pending *p = annals__vec_at(&r->pend, k);
        char key[64];
        size_t klen, v;
        int64_t g;
        const char *rule = "backed-description->tied-group";
        unsigned flags = p->flags;
        if (p->what != P_BACKED || p->sponsor < 0) {
            continue;
        }
        klen = (size_t)snprintf(key, sizeof key, "%lld:", (long long)p->sponsor);
        if (klen + p->klen > sizeof key) {
            continue;
        }
        memcpy(key + klen, p->key, p->klen);
        klen += p->klen;
        g = tied_group(r, n_scan, p);
        if (g >= 0) {
            if (annals__map_put(&r->backing, key, klen, (size_t)g) != ANNALS_OK) {
                return oom(r);
            }
        } else if (annals__map_get(&r->backing, key, klen, &v)) {
            g = (int64_t)v;
            rule = "backed-description->same-backing";
        } else {
            /* "Iran" + "-backed" + " militants" */
            char name[KEY_CAP];
            const char *sp = ent(r, (size_t)p->sponsor)->name, *word = sponsor_word(r, p->sponsor_tb);
            size_t n = 0, q;
            uint32_t e_i;
            int w = snprintf(name, sizeof name, "%s-%s", sp, word != NULL ? word : "backed");
            if (w < 0 || (size_t)w >= sizeof name) {
                continue;
            }
            n = (size_t)w;
            for (q = p->tb; q < p->te; q++) {
                const annals__token *t = tok(r, q);
                if (n + 1 + (t->end - t->start) + 1 > sizeof name) {
                    break;
                }
                name[n++] = ' ';
                n += annals__lower(r->doc->text + t->start, t->end - t->start, name + n,
                                   sizeof name - n);
            }
            rc = get_entity(r, ANNALS_ENTITY_GROUP, name, n, NULL, -1, &e_i);
            if (rc == ANNALS_OK) {
                const annals__token *st = tok(r, p->sponsor_tb);
                rc = add_alias(r, e_i, r->doc->text + st->start, p->end - st->start);
            }
            if (rc != ANNALS_OK) {
                return rc;
            }
            g = (int64_t)e_i;
            rule = "backed-description->own-group";
        }
        rc = mention_span(r, p->tb, p->te, p->start, p->end, (uint32_t)g, flags, rule);
    }
    return rc;
}

/* People with a title but no country: a government body or the one
 * country named in the same sentence speaks for them ("At the Pentagon,
 * press secretary ..."). */
static void inherit_countries(rctx *r, size_t n_scan)
{
    size_t e_i, m;
    for (e_i = 0; e_i < r->ents.n; e_i++) {
        annals__entity *e = ent(r, e_i);
        side *s = sd(r, e_i);
        const char *org_cc = NULL, *country_cc = NULL;
        bool several = false;
        const annals__sentence *se;
        if (e->kind != ANNALS_ENTITY_PERSON || e->country[0] != '\0' || e->roles.n == 0 ||
            s->first_sentence >= r->doc->sentences.n) {
            continue;
        }
        se = ANNALS__SENT(r->doc, s->first_sentence);
        for (m = first_cand_at(r, n_scan, se->tok_begin); m < n_scan; m++) {
            cand *c = annals__vec_at(&r->cands, m);
            annals__entity *o = ent(r, c->ent);
            if (c->tb >= se->tok_end) {
                break;
            }
            if (o->country[0] == '\0') {
                continue;
            }
            if (o->kind == ANNALS_ENTITY_ORGANIZATION && org_cc == NULL) {
                org_cc = o->country;
            } else if (o->kind == ANNALS_ENTITY_COUNTRY) {
                if (country_cc != NULL && strcmp(country_cc, o->country) != 0) {
                    several = true;
                }
                country_cc = o->country;
            }
        }
        if (org_cc != NULL) {
            memcpy(e->country, org_cc, 4);
        } else if (country_cc != NULL && !several) {
            memcpy(e->country, country_cc, 4);
        }
    }
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->start != y->start) {
        return x->start < y->start ? -1 : 1;
    }
    if (x->end != y->end) {
        return x->end > y->end ? -1 : 1;
    }
    return x->seq < y->seq ? -1 : (x->seq > y->seq ? 1 : 0);
}


static annals_status finish(rctx *r)
{
    annals_doc *doc = r->doc;
    size_t m, n_out = 0, last_end = 0;
    uint32_t *remap;
    annals_status rc = ANNALS_OK;

    if (r->cands.n > 1) {
        qsort(r->cands.items, r->cands.n, sizeof(cand), cmp_cand);
    }
    remap = malloc((r->ents.n + 1) * sizeof(uint32_t));
    if (remap == NULL) {
        return oom(r);
    }
    for (m = 0; m < r->ents.n; m++) {
        remap[m] = UINT32_MAX;
    }
    for (m = 0; m < r->cands.n && rc == ANNALS_OK; m++) {
        cand *c = annals__vec_at(&r->cands, m);
        annals__mention *mo;
        annals__entity *eo;
        if (n_out > 0 && c->start < last_end) {
            continue; /* overlaps the previous mention: the longer, earlier one wins */
        }
        if (remap[c->ent] == UINT32_MAX) {
            annals__entity *src = ent(r, c->ent);
            eo = annals__vec_push(&doc->entities);
            if (eo == NULL) {
                rc = oom(r);
                break;
            }
            *eo = *src;
            eo->first_mention = n_out;
            eo->n_mentions = 0;
            remap[c->ent] = (uint32_t)(doc->entities.n - 1);
        }
        mo = annals__vec_push(&doc->mentions);
        if (mo == NULL) {
            rc = oom(r);
            break;
        }
        mo->start = c->start;
        mo->end = c->end;
        mo->tok_begin = c->tb;
        mo->tok_end = c->te;
        mo->sentence = tok(r, c->tb)->sentence;
        mo->entity = remap[c->ent];
        mo->flags = c->flags;
        mo->rule = c->rule;
        ANNALS__ENTITY(doc, remap[c->ent])->n_mentions++;
        last_end = c->end;
        n_out++;
    }
    if (rc == ANNALS_OK && r->explain) {
        for (m = 0; m < doc->entities.n; m++) {
            annals__entity *e = ANNALS__ENTITY(doc, m);
            annals__mention *first = ANNALS__MENTION(doc, e->first_mention);
            e->explain = annals__arena_printf(
                &doc->arena, "%s \"%s\"%s%s: first found by rule %s; %zu mention%s, %zu alias%s",
                annals__entity_kind_name(e->kind), e->name, e->country[0] ? ", country " : "", e->country,
                first->rule, e->n_mentions, e->n_mentions == 1 ? "" : "s", e->aliases.n,
                e->aliases.n == 1 ? "" : "es");
            if (e->explain == NULL) {
                rc = oom(r);
                break;
            }
        }
    }
    free(remap);
    return rc;
}

annals_status annals__entities(annals_doc *doc, annals_error *err)
{
    rctx r;
    size_t s, k;
    annals_status rc = ANNALS_OK;
    bool keep_boiler;

    if (doc == NULL || doc->ctx == NULL || doc->ctx->entities == NULL) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_ENTITIES, ANNALS_NO_OFFSET,
                             "entities: no lexicon");
    }
    memset(&r, 0, sizeof r);
    r.doc = doc;
    r.lex = doc->ctx->entities;
    r.err = err;
    r.explain = (doc->ctx->opts.flags & ANNALS_OPT_EXPLAIN) != 0;
    r.last_person = -1;
    r.unnamed_speaker_sentence = -10;
    keep_boiler = (doc->ctx->opts.flags & ANNALS_OPT_KEEP_BOILERPLATE) != 0;
    annals__vec_init(&r.ents, sizeof(annals__entity));
    annals__vec_init(&r.sides, sizeof(side));
    annals__vec_init(&r.cands, sizeof(cand));
    annals__vec_init(&r.pend, sizeof(pending));
    annals__map_init(&r.by_key);
    annals__map_init(&r.surname);
    annals__map_init(&r.seen);
    annals__map_init(&r.backing);
    r.tflag = calloc(doc->tokens.n + 1, 1);
    r.tclass = malloc((doc->tokens.n + 1) * sizeof(unsigned));
    if (r.tflag == NULL || r.tclass == NULL) {
        rc = oom(&r);
    }
    for (k = 0; rc == ANNALS_OK && k < doc->tokens.n; k++) {
        r.tclass[k] = compute_class(r.lex, doc, ANNALS__TOK(doc, k));
    }
    for (k = 0; rc == ANNALS_OK && k < doc->timexes.n; k++) {
        const annals__timex *tx = ANNALS__TIMEX(doc, k);
        size_t q;
        for (q = tx->tok_begin; q < tx->tok_end && q < doc->tokens.n; q++) {
            r.tflag[q] |= TF_TIMEX;
        }
    }
    for (s = 0; rc == ANNALS_OK && s < doc->sentences.n; s++) {
        const annals__sentence *se = ANNALS__SENT(doc, s);
        sent_info si;
        size_t q, caps = 0, words = 0;
        if ((se->flags & ANNALS_SENT_BOILERPLATE) && !keep_boiler) {
            continue;
        }
        si.tb = se->tok_begin;
        si.te = se->tok_end;
        si.index = (uint32_t)s;
        si.dateline = (se->flags & ANNALS_SENT_DATELINE) != 0;
        for (q = si.tb; q < si.te; q++) {
            unsigned f = ANNALS__TOK(doc, q)->flags;
            if (f & ANNALS_TOK_WORD) {
                words++;
                if (f & ANNALS_TOK_ALLCAPS) {
                    caps++;
                }
            }
        }
        si.allcaps = words >= 3 && caps * 2 > words;
        si.headline = si.allcaps || (se->flags & ANNALS_SENT_HEADLINE) != 0;
        rc = scan_sentence(&r, &si);
    }
    if (rc == ANNALS_OK) {
        size_t n_scan = r.cands.n;
        inherit_countries(&r, n_scan);
        rc = resolve_backed(&r, n_scan);
        if (rc == ANNALS_OK && r.cands.n > n_scan) {
            /* descriptions resolve against the groups made just now too */
            qsort(r.cands.items, r.cands.n, sizeof(cand), cmp_cand);
            n_scan = r.cands.n;
        }
        if (rc == ANNALS_OK) {
            rc = resolve_pending(&r, n_scan);
        }
    }
    if (rc == ANNALS_OK) {
        rc = finish(&r);
    }
    free(r.tflag);
    free(r.tclass);
    annals__vec_dispose(&r.ents);
    annals__vec_dispose(&r.sides);
    annals__vec_dispose(&r.cands);
    annals__vec_dispose(&r.pend);
    annals__map_dispose(&r.by_key);
    annals__map_dispose(&r.surname);
    annals__map_dispose(&r.seen);
    annals__map_dispose(&r.backing);
    return rc;
}
