/* SPDX-License-Identifier: MIT */
/*
 * entities/lex.c - the entity lexicon: compiled-in gazetteers (TSV files in data/,
 * embedded at build time) parsed into hash maps once per context, and
 * run-time rows from `--lexicon FILE` (see docs/lexicons.md).
 *
 * Load order decides which reading a surface keeps when two tables claim
 * it: people, countries (names, aliases, demonyms, capitals), organisations
 * and groups, hand-written regions, cities, subdivisions. Within the
 * compiled-in data the first claim wins; a run-time row replaces what the
 * compiled-in tables said, and a key given twice in one run-time lexicon is
 * an error naming both lines.
 */
#include "entities/entities_int.h"

#include <stdlib.h>
#include <string.h>

extern const char annals__data_countries[];
extern const size_t annals__data_countries_len;
extern const char annals__data_cities[];
extern const size_t annals__data_cities_len;
extern const char annals__data_regions[];
extern const size_t annals__data_regions_len;
extern const char annals__data_subdivisions[];
extern const size_t annals__data_subdivisions_len;
extern const char annals__data_orgs[];
extern const size_t annals__data_orgs_len;
extern const char annals__data_titles[];
extern const size_t annals__data_titles_len;
extern const char annals__data_people[];
extern const size_t annals__data_people_len;
extern const char annals__data_given_names[];
extern const size_t annals__data_given_names_len;
extern const char annals__data_descriptions[];
extern const size_t annals__data_descriptions_len;

#define FOLD_CAP 256

size_t ent_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t i, n = 0;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') {
            continue;
        }
        if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            c = '\'';
            i += 2;
        } else if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c - 'A' + 'a');
        }
        if (n + 1 >= cap) {
            return SIZE_MAX;
        }
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return n;
}

/* ------------------------------------------------------------- helpers */

typedef struct loader {
    struct annals__entity_lex *lex;
    const char *name;       /* table source for messages */
    bool runtime;           /* rows from --lexicon: replace, check duplicates */
} loader;

static annals_status oom(annals_error *err)
{
    return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_LEXICON, ANNALS_NO_OFFSET,
                         "out of memory");
}

static char *dup_field(struct annals__entity_lex *lex, const annals__field *f)
{
    return annals__arena_strndup(&lex->arena, f->s, f->len);
}

static size_t trim_len(const char *s, size_t len, const char **start)
{
    while (len > 0 && (*s == ' ')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\r')) {
        len--;
    }
    *start = s;
    return len;
}

/* OR `bits` (and a span, kept at its maximum) into the class of word `key`. */
static unsigned wc_get(const struct annals__entity_lex *lex, const char *key, size_t len,
                       uint64_t h);
static annals_status wc_put(struct annals__entity_lex *lex, const char *key, size_t len,
                            uint64_t h, unsigned value);

static annals_status put_class(struct annals__entity_lex *lex, const char *key, size_t klen,
                               unsigned bits, unsigned shift, size_t span)
{
    size_t old = 0, cur;
    uint64_t h = annals__hash(key, klen);
    if (klen <= ENT_WC_KEY) {
        old = wc_get(lex, key, klen, h);
    } else {
        (void)annals__map_get(&lex->classes, key, klen, &old);
    }
    old |= bits;
    if (shift != 0) {
        if (span > 15) {
            span = 15;
        }
        cur = (old >> shift) & 0xFu;
        if (span > cur) {
            old = (old & ~((size_t)0xF << shift)) | (span << shift);
        }
    }
    lex->bloom[(h % ENT_BLOOM_BITS) / 64] |= (uint64_t)1 << (h % 64);
    if (klen <= ENT_WC_KEY) {
        return wc_put(lex, key, klen, h, (unsigned)old);
    }
    return annals__map_put(&lex->classes, key, klen, old);
}

/* Words in a surface, counting 's and commas as their own tokens: an upper
 * bound on the tokens it spans in a document. */
static size_t count_tokens(const char *s, size_t len, size_t *first_len)
{
    size_t i, n = 1;
    *first_len = len;
    for (i = 0; i < len; i++) {
        char c = s[i];
        bool brk = c == ' ' || c == ',' || c == '\'' || c == '(' || c == ')' ||
                   ((unsigned char)c == 0xE2 && i + 2 < len);
        if (brk) {
            if (*first_len == len) {
                *first_len = i;
            }
            n += (c == ' ') ? 1 : 2;
        }
    }
    if (*first_len == 0) {
        *first_len = len;
    }
    return n;
}

static bool has_two_uppers(const char *s, size_t len)
{
    size_t i, n = 0;
    for (i = 0; i < len; i++) {
        if (s[i] >= 'A' && s[i] <= 'Z') {
            n++;
        }
    }
    return n >= 2 && !(len > 0 && s[0] >= 'a' && s[0] <= 'z');
}

static annals_status put_starter(struct annals__entity_lex *lex, const char *s, size_t len,
                                 unsigned bit, unsigned shift)
{
    char key[FOLD_CAP];
    size_t first_len, klen;
    size_t n = count_tokens(s, len, &first_len);
    klen = ent_fold(s, first_len, key, sizeof key);
    if (klen == SIZE_MAX || klen == 0) {
        return ANNALS_OK;
    }
    if (n > ENT_MAX_SPAN) {
        n = ENT_MAX_SPAN;
    }
    return put_class(lex, key, klen, bit, shift, n);
}

/* Add surface `s` for record `rec`. Compiled-in data keeps the first claim;
 * run-time rows replace. */
static annals_status add_surface(loader *ld, const char *s0, size_t len0, uint32_t rec,
                                 ent_sfc_type type, uint32_t alt, annals_error *err)
{
    struct annals__entity_lex *lex = ld->lex;
    char key[FOLD_CAP];
    const char *s;
    size_t len = trim_len(s0, len0, &s), klen, idx;
    ent_sfc *sf;
    bool have;

    if (len >= 4 && (memcmp(s, "the ", 4) == 0 || memcmp(s, "The ", 4) == 0)) {
        s += 4;
        len -= 4;
    }
    if (len == 0 || len > 120) {
        return ANNALS_OK;
    }
    klen = ent_fold(s, len, key, sizeof key);
    if (klen == SIZE_MAX || klen == 0) {
        return ANNALS_OK;
    }
    have = annals__map_get(&lex->surfaces, key, klen, &idx);
    if (have && !ld->runtime) {
        sf = annals__vec_at(&lex->sfcs, idx);
        /* a capital that is also the city: remember the place reading */
        if (sf->type == SFC_CAPITAL && type == SFC_NAME && sf->alt == UINT32_MAX) {
            sf->alt = rec;
        }
        return ANNALS_OK;
    }
    sf = annals__vec_push(&lex->sfcs);
    if (sf == NULL) {
        return oom(err);
    }
    sf->rec = rec;
    sf->alt = alt;
    sf->type = (uint8_t)type;
    sf->exact = has_two_uppers(s, len) ? 1 : 0;
    sf->surface = annals__arena_strndup(&lex->arena, s, len);
    if (sf->surface == NULL ||
        annals__map_put(&lex->surfaces, key, klen, lex->sfcs.n - 1) != ANNALS_OK ||
        put_starter(lex, s, len, WC_SURF_START, 16) != ANNALS_OK) {
        return oom(err);
    }
    return ANNALS_OK;
}

/* Each '|'-separated item of a field. */
static annals_status add_list(loader *ld, const annals__field *f, uint32_t rec,
                              ent_sfc_type type, annals_error *err)
{
    size_t i, start = 0;
    annals_status rc;
    if (f->len == 1 && f->s[0] == '-') {
        return ANNALS_OK;
    }
    for (i = 0; i <= f->len; i++) {
        if (i == f->len || f->s[i] == '|') {
            if (i > start) {
                rc = add_surface(ld, f->s + start, i - start, rec, type, UINT32_MAX, err);
                if (rc != ANNALS_OK) {
                    return rc;
                }
            }
            start = i + 1;
        }
    }
    return ANNALS_OK;
}

static annals_status new_rec(loader *ld, const annals__field *name, annals_entity_kind kind,
                             const annals__field *country, uint32_t *out, unsigned line,
                             annals_error *err)
{
    ent_rec *r;
    const char *s;
    size_t len = trim_len(name->s, name->len, &s);
    annals__field nf = {s, len};
    if (len == 0) {
        return annals__error_line(err, ANNALS_EPARSE, ANNALS_STAGE_LEXICON, line,
                                  "%s:%u: empty name", ld->name, line);
    }
    if (country != NULL && country->len > 0 &&
        !(country->len == 3 && country->s[0] >= 'A' && country->s[0] <= 'Z' &&
          country->s[1] >= 'A' && country->s[1] <= 'Z' && country->s[2] >= 'A' &&
          country->s[2] <= 'Z')) {
        return annals__error_line(err, ANNALS_EPARSE, ANNALS_STAGE_LEXICON, line,
                                  "%s:%u: country \"%.*s\" is not an ISO 3166 alpha-3 code",
                                  ld->name, line, (int)(country->len > 10 ? 10 : country->len),
                                  country->s);
    }
    r = annals__vec_push(&ld->lex->recs);
    if (r == NULL) {
        return oom(err);
    }
    r->name = dup_field(ld->lex, &nf);
    if (r->name == NULL) {
        return oom(err);
    }
    r->kind = kind;
    if (country != NULL && country->len == 3) {
        memcpy(r->country, country->s, 3);
    }
    *out = (uint32_t)(ld->lex->recs.n - 1);
    return ANNALS_OK;
}

static annals_status need(loader *ld, size_t n_fields, size_t want, unsigned line,
                          annals_error *err)
{
    if (n_fields < want) {
        return annals__error_line(err, ANNALS_EPARSE, ANNALS_STAGE_LEXICON, line,
                                  "%s:%u: expected at least %zu columns, got %zu", ld->name,
                                  line, want, n_fields);
    }
    return ANNALS_OK;
}

static const annals__field *opt(const annals__field *f, size_t n, size_t i)
{
    static const annals__field empty = {"", 0};
    return i < n ? &f[i] : &empty;
}

/* ------------------------------------------------------------- tables */

/* country: alpha3 alpha2 name aliases adj plural capitals */
static annals_status row_country(loader *ld, const annals__field *f, size_t n, unsigned line,
                                 annals_error *err)
{
    uint32_t rec;
    annals_status rc = need(ld, n, 3, line, err);
    size_t i, start = 0;
    const annals__field *caps;
    if (rc != ANNALS_OK) {
        return rc;
    }
    if (f[0].len != 3) {
        return annals__error_line(err, ANNALS_EPARSE, ANNALS_STAGE_LEXICON, line,
                                  "%s:%u: country code \"%.*s\" is not alpha-3", ld->name,
                                  line, (int)(f[0].len > 10 ? 10 : f[0].len), f[0].s);
    }
    rc = new_rec(ld, &f[2], ANNALS_ENTITY_COUNTRY, &f[0], &rec, line, err);
    if (rc == ANNALS_OK) {
        rc = add_surface(ld, f[2].s, f[2].len, rec, SFC_NAME, UINT32_MAX, err);
    }
    if (rc == ANNALS_OK) {
        rc = add_list(ld, opt(f, n, 3), rec, SFC_NAME, err);
    }
    if (rc == ANNALS_OK) {
        rc = add_list(ld, opt(f, n, 4), rec, SFC_DEMONYM, err);
    }
    if (rc == ANNALS_OK) {
        rc = add_list(ld, opt(f, n, 5), rec, SFC_DEMONYM_PL, err);
    }
    caps = opt(f, n, 6);
    for (i = 0; rc == ANNALS_OK && i <= caps->len; i++) {
        if (i == caps->len || caps->s[i] == '|') {
            if (i > start && !(i - start == 1 && caps->s[start] == '-')) {
                rc = add_surface(ld, caps->s + start, i - start, rec, SFC_CAPITAL, UINT32_MAX,
                                 err);
            }
            start = i + 1;
        }
    }
    return rc;
}

/* city: name alpha3 population ascii_alias ; region: name alpha3 type aliases ;
 * subdivision: name alpha3 type ascii_alias */
static annals_status row_place(loader *ld, const annals__field *f, size_t n, unsigned line,
                               annals_error *err, const char *subtype)
{
    uint32_t rec;
    ent_rec *r;
    annals_status rc = need(ld, n, 2, line, err);
    if (rc != ANNALS_OK) {
        return rc;
    }
    rc = new_rec(ld, &f[0], ANNALS_ENTITY_PLACE, &f[1], &rec, line, err);
    if (rc != ANNALS_OK) {
        return rc;
    }
    r = annals__vec_at(&ld->lex->recs, rec);
    if (subtype != NULL) {
        r->subtype = subtype;
    } else if (n > 2 && f[2].len > 0) {
        r->subtype = dup_field(ld->lex, &f[2]);
    }
    rc = add_surface(ld, f[0].s, f[0].len, rec, SFC_NAME, UINT32_MAX, err);
    if (rc == ANNALS_OK) {
        rc = add_list(ld, opt(f, n, 3), rec, SFC_NAME, err);
    }
    return rc;
}

/* org / group: name kind alpha3 aliases flags (compiled-in file);
 * run-time "org"/"group" rows: name alpha3 aliases flags */
static annals_status row_org(loader *ld, const annals__field *f, size_t n, unsigned line,
                             annals_error *err, annals_entity_kind kind)
{
    uint32_t rec;
    ent_rec *r;
    annals_status rc = need(ld, n, 1, line, err);
    if (rc != ANNALS_OK) {
        return rc;
    }
    rc = new_rec(ld, &f[0], kind, opt(f, n, 1), &rec, line, err);
    if (rc != ANNALS_OK) {
        return rc;
    }
    r = annals__vec_at(&ld->lex->recs, rec);
    r->metonym = n > 3 && f[3].len >= 7 && memcmp(f[3].s, "metonym", 7) == 0;
    rc = add_surface(ld, f[0].s, f[0].len, rec, SFC_NAME, UINT32_MAX, err);
    if (rc == ANNALS_OK) {
        rc = add_list(ld, opt(f, n, 2), rec, SFC_NAME, err);
    }
    return rc;
}

/* person: name alpha3 roles aliases */
static annals_status row_person(loader *ld, const annals__field *f, size_t n, unsigned line,
                                annals_error *err)
{
    uint32_t rec;
    ent_rec *r;
    annals_status rc = need(ld, n, 1, line, err);
    if (rc != ANNALS_OK) {
        return rc;
    }
    rc = new_rec(ld, &f[0], ANNALS_ENTITY_PERSON, opt(f, n, 1), &rec, line, err);
    if (rc != ANNALS_OK) {
        return rc;
    }
    r = annals__vec_at(&ld->lex->recs, rec);
    if (n > 2 && f[2].len > 0) {
        r->roles = dup_field(ld->lex, &f[2]);
    }
    rc = add_surface(ld, f[0].s, f[0].len, rec, SFC_NAME, UINT32_MAX, err);
    if (rc == ANNALS_OK) {
        rc = add_list(ld, opt(f, n, 3), rec, SFC_NAME, err);
    }
    return rc;
}

static uint8_t title_class(const annals__field *f)
{
    if (f->len == 4 && memcmp(f->s, "rank", 4) == 0) {
        return TITLE_RANK;
    }
    if (f->len == 9 && memcmp(f->s, "honorific", 9) == 0) {
        return TITLE_HONORIFIC;
    }
    if (f->len == 3 && memcmp(f->s, "job", 3) == 0) {
        return TITLE_JOB;
    }
    return TITLE_OFFICE;
}

static uint8_t role_group(const annals__field *f)
{
    static const char *const names[] = {"", "diplomat", "leader", "military", "spokes"};
    size_t i;
    for (i = 1; i < sizeof names / sizeof names[0]; i++) {
        if (f->len == strlen(names[i]) && memcmp(f->s, names[i], f->len) == 0) {
            return (uint8_t)i;
        }
    }
    return TGROUP_NONE;
}

static annals_status put_keyed(loader *ld, annals__map *m, unsigned bit, unsigned shift,
                               size_t *max_tokens, const annals__field *key, size_t value,
                               annals_error *err)
{
    char k[FOLD_CAP];
    const char *s;
    size_t len = trim_len(key->s, key->len, &s), klen, first_len, ntok, old;
    klen = ent_fold(s, len, k, sizeof k);
    if (klen == SIZE_MAX || klen == 0) {
        return annals__error(err, ANNALS_EPARSE, ANNALS_STAGE_LEXICON, ANNALS_NO_OFFSET,
                             "%s: empty or too long key", ld->name);
    }
    if (!ld->runtime && annals__map_get(m, k, klen, &old)) {
        return ANNALS_OK;
    }
    ntok = count_tokens(s, len, &first_len);
    if (ntok > *max_tokens) {
        *max_tokens = ntok > ENT_MAX_SPAN ? ENT_MAX_SPAN : ntok;
    }
    if (annals__map_put(m, k, klen, value) != ANNALS_OK ||
        put_starter(ld->lex, s, len, bit, shift) != ANNALS_OK) {
        return oom(err);
    }
    return ANNALS_OK;
}

/* title: title role class group */
static annals_status row_title(loader *ld, const annals__field *f, size_t n, unsigned line,
                               annals_error *err)
{
    ent_title *t;
    annals_status rc = need(ld, n, 2, line, err);
    if (rc != ANNALS_OK) {
        return rc;
    }
    t = annals__vec_push(&ld->lex->titles);
    if (t == NULL) {
        return oom(err);
    }
    t->role = dup_field(ld->lex, &f[1]);
    if (t->role == NULL) {
        return oom(err);
    }
    t->cls = title_class(opt(f, n, 2));
    t->group = role_group(opt(f, n, 3));
    return put_keyed(ld, &ld->lex->title_map, WC_TITLE_START, 20, &ld->lex->max_title_tokens,
                     &f[0], ld->lex->titles.n - 1, err);
}

/* description: phrase group|role value */
static annals_status row_desc(loader *ld, const annals__field *f, size_t n, unsigned line,
                              annals_error *err)
{
    ent_desc *d;
    annals_status rc = need(ld, n, 2, line, err);
    if (rc != ANNALS_OK) {
        return rc;
    }
    d = annals__vec_push(&ld->lex->descs);
    if (d == NULL) {
        return oom(err);
    }
    d->group_kind = (f[1].len == 4 && memcmp(f[1].s, "role", 4) == 0) ? 2 : 1;
    d->role_group = role_group(opt(f, n, 2));
    return put_keyed(ld, &ld->lex->desc_map, WC_DESC_START, 0, &ld->lex->max_desc_tokens,
                     &f[0], ld->lex->descs.n - 1, err);
}

static annals_status row_given(loader *ld, const annals__field *f, size_t n, unsigned line,
                               annals_error *err)
{
    size_t dummy = 0;
    annals_status rc = need(ld, n, 1, line, err);
    if (rc != ANNALS_OK) {
        return rc;
    }
    return put_keyed(ld, &ld->lex->given, WC_GIVEN, 0, &dummy, &f[0], 1, err);
}

/* ------------------------------------------------------ word classes */

/* Closed word lists the recogniser asks about, loaded into one map. */
/* Capitalised words that open sentences and clauses but never start a name. */
static const char *const function_words[] = {
    "the", "a", "an", "and", "but", "or", "nor", "in", "on", "at", "to", "for", "from",
    "with", "by", "as", "after", "before", "while", "when", "if", "this", "that", "these",
    "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their",
    "our", "my", "your", "there", "here", "both", "all", "some", "many", "most", "more",
    "other", "such", "no", "not", "so", "yet", "also", "according", "meanwhile", "however",
    "since", "during", "despite", "although", "though", "because", "what", "who", "which",
    "where", "how", "why", "last", "next", "each", "every", "one", "two", "three", "four",
    "five", "several", "few", "of", "about", "over", "under", "until", "then", "now",
    "today", "yesterday", "tomorrow", "earlier", "later", "instead", "still", "even",
    "just", "only", "do", "does", "did", "is", "are", "was", "were", "be", "been", "has",
    "have", "had", "will", "would", "could", "should", "can", "may", "might", "must",
    "mediators", "officials", "people", "weeks", "days", "months", "years", "among",
    "between", "against", "without", "within", "through", "into", "like", "unlike",
    "once", "again", "further", "regarding", "following", "amid", "asked", "speaking",
    "sources", "analysts", "critics", "experts", "residents", "witnesses", "police",
    "troops", "soldiers", "forces", "rebels", "militants", "authorities", "reports",
    "talks", "negotiations", "thousands", "hundreds", "dozens", "millions", "mr", "mrs",
    "ms", "let", "please", "yes", "well", "oh", "said", "says", "according", "whether",
    "unless", "upon", "toward", "towards", "above", "below", "near", "inside", "outside",
    "any", "none", "another", "either", "neither", "first", "second", "third", "new",
    "old", "late", "early", "big", "top", "senior", "former", "current", "chief", "head",
    "only", "very", "much", "less", "least", "best", "biggest", "largest", "major",
    /* group adjectives that are not actors by themselves */
    "arab", "western", "muslim", "christian", "jewish", "sunni", "shia", "shiite", "islamist",
    "jihadist", "african", "asian", "latin", "catholic", "orthodox", "democrat", "republican",
    NULL};

static const char *const particles[] = {"al", "el", "bin", "ibn", "bint", "ben", "de",
                                        "del", "della", "der", "den", "van", "von", "da",
                                        "di", "du", "dos", "la", "le", "ter", "st.", NULL};

static const char *const locative[] = {"in", "at", "to", "from", "near", "into", "outside",
                                       "across", "around", "toward", "towards", "via",
                                       "through", "throughout", "inside", "within", "of",
                                       "over", "reached", "visited", "visiting", "left",
                                       "leaving", "arrived", "landed", NULL};

static const char *const place_preps[] = {"in", "near", "outside", "across", "throughout",
                                          "into", "inside", NULL};

static const char *const plural_people[] = {
    "officials", "forces", "troops", "soldiers", "military", "government", "authorities",
    "leaders", "army", "ministers", "diplomats", "negotiators", "officers", "police",
    "warplanes", "jets", "navy", "strikes", "chiefs", "sources", "lawmakers", "mediators",
    "counterparts", "delegation", "representatives", "commanders", "fighters", "agents",
    "intelligence", "security", "defence", "defense", "health", "citizens", NULL};

static const char *const org_suffix[] = {
    "inc", "inc.", "corp", "corp.", "corporation", "co.", "company", "ltd", "ltd.", "llc",
    "plc", "group", "party", "ministry", "council", "agency", "bank", "university",
    "association", "union", "committee", "commission", "institute", "foundation",
    "organization", "organisation", "authority", "court", "times", "news", "post",
    "journal", "tribune", "press", "network", "airlines", "airways", "motors", "systems",
    "technologies", "industries", "holdings", "records", "studios", "department",
    "office", "parliament", "assembly", "senate", "congress", "cabinet", "government",
    "police", "service", "services", "federation", "league", "club", "fund", "school",
    "college", "hospital", "church", "centre", "center", "coalition", "alliance",
    "administration", "navy", "guard", "board", "bureau", "institution", "society",
    "television", "radio", "broadcasting", "media", NULL};

static const char *const group_suffix[] = {"brigades", "brigade", "militia", "front",
                                           "battalion", "battalions", "movement", "army",
                                           "forces", "mujahideen", "jihad", "rebels",
                                           "resistance", NULL};

static const char *const place_suffix[] = {
    "street", "river", "valley", "square", "airport", "province", "island", "islands",
    "mountains", "mountain", "city", "county", "district", "region", "state", "lake",
    "sea", "ocean", "bay", "gulf", "strait", "desert", "peninsula", "coast", "border",
    "crossing", "camp", "hills", "heights", "base", "port", "harbour", "harbor",
    "governorate", "oblast", "canal", "road", "avenue", "bridge", "park", "plaza",
    "village", "town", "neighbourhood", "neighborhood", "corridor", NULL};

static const char *const place_prefix[] = {"lake", "mount", "mt.", "cape", "fort", "camp",
                                          "kibbutz", "gulf", "port", "isle", NULL};

static const char *const report_verbs[] = {"said", "says", "told", "added", "stated",
                                           "warned", "noted", "explained", "insisted",
                                           "argued", "announced", "wrote", "asked",
                                           "replied", "stressed", "declared", NULL};

static const char *const pronouns[] = {"he", "she", NULL};
static const char *const determiners[] = {"the", "a", "an", NULL};

static const struct {
    const char *const *words;
    unsigned cls;
} word_classes[] = {
    {function_words, WC_FUNCTION},     {particles, WC_PARTICLE},
    {locative, WC_LOCATIVE},           {place_preps, WC_PLACE_PREP},
    {plural_people, WC_PLURAL_PEOPLE}, {org_suffix, WC_ORG_SUFFIX},
    {group_suffix, WC_GROUP_SUFFIX},   {place_suffix, WC_PLACE_SUFFIX},
    {place_prefix, WC_PLACE_PREFIX},   {report_verbs, WC_REPORT},
    {pronouns, WC_PRONOUN},            {determiners, WC_DET}};

static annals_status load_word_classes(struct annals__entity_lex *lex, annals_error *err)
{
    size_t t, i;
    for (t = 0; t < sizeof word_classes / sizeof word_classes[0]; t++) {
        for (i = 0; word_classes[t].words[i] != NULL; i++) {
            const char *w = word_classes[t].words[i];
            if (put_class(lex, w, strlen(w), word_classes[t].cls, 0, 0) != ANNALS_OK) {
                return oom(err);
            }
        }
    }
    return ANNALS_OK;
}

static annals_status wc_grow(struct annals__entity_lex *lex)
{
    size_t cap = lex->wc_cap ? lex->wc_cap * 2 : 1024, i;
    ent_wc_slot *slots = calloc(cap, sizeof(*slots));
    if (slots == NULL) {
        return ANNALS_ENOMEM;
    }
    for (i = 0; i < lex->wc_cap; i++) {
        const ent_wc_slot *s = &lex->wc[i];
        size_t j;
        if (s->len == 0) {
            continue;
        }
        for (j = (size_t)s->hash & (cap - 1); slots[j].len != 0; j = (j + 1) & (cap - 1)) {
        }
        slots[j] = *s;
    }
    free(lex->wc);
    lex->wc = slots;
    lex->wc_cap = cap;
    return ANNALS_OK;
}

/* Insert or update a short word in the inline table. */
static annals_status wc_put(struct annals__entity_lex *lex, const char *key, size_t len,
                            uint64_t h, unsigned value)
{
    size_t j;
    if ((lex->wc_n + 1) * 2 > lex->wc_cap && wc_grow(lex) != ANNALS_OK) {
        return ANNALS_ENOMEM;
    }
    for (j = (size_t)h & (lex->wc_cap - 1);; j = (j + 1) & (lex->wc_cap - 1)) {
        ent_wc_slot *s = &lex->wc[j];
        if (s->len == 0) {
            s->hash = h;
            s->len = (uint8_t)len;
            memcpy(s->key, key, len);
            s->value = value;
            lex->wc_n++;
            return ANNALS_OK;
        }
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) {
            s->value = value;
            return ANNALS_OK;
        }
    }
}

static unsigned wc_get(const struct annals__entity_lex *lex, const char *key, size_t len,
                       uint64_t h)
{
    size_t j;
    if (lex->wc_cap == 0) {
        return 0;
    }
    for (j = (size_t)h & (lex->wc_cap - 1);; j = (j + 1) & (lex->wc_cap - 1)) {
        const ent_wc_slot *s = &lex->wc[j];
        if (s->len == 0) {
            return 0;
        }
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) {
            return s->value;
        }
    }
}

unsigned ent_word_class(const struct annals__entity_lex *lex, const char *key, size_t len,
                        uint64_t h)
{
    size_t v;
    if (!(lex->bloom[(h % ENT_BLOOM_BITS) / 64] & ((uint64_t)1 << (h % 64)))) {
        return 0;
    }
    if (len > ENT_WC_KEY) {
        return annals__map_get(&lex->classes, key, len, &v) ? (unsigned)v : 0;
    }
    return wc_get(lex, key, len, h);
}

/* ------------------------------------------------------- compiled-in */

typedef enum table_id {
    T_COUNTRY, T_CITY, T_REGION, T_SUBDIV, T_ORGFILE, T_ORG, T_GROUP, T_TITLE, T_PERSON,
    T_GIVEN, T_DESC
} table_id;

typedef struct table_loader {
    loader ld;
    table_id table;
} table_loader;

static annals_status dispatch(loader *ld, table_id t, const annals__field *f, size_t n,
                              unsigned line, annals_error *err)
{
    switch (t) {
    case T_COUNTRY:
        return row_country(ld, f, n, line, err);
    case T_CITY:
        return row_place(ld, f, n, line, err, "city");
    case T_REGION:
        return row_place(ld, f, n, line, err, NULL);
    case T_SUBDIV: {
        /* name alpha3 type ascii: the ascii alias is column 3 already */
        return row_place(ld, f, n, line, err, "region");
    }
    case T_ORGFILE: {
        annals__field g[ANNALS__TSV_MAX_FIELDS];
        annals_entity_kind kind;
        size_t i, m = 0;
        if (n < 2) {
            return need(ld, n, 2, line, err);
        }
        kind = (f[1].len == 5 && memcmp(f[1].s, "group", 5) == 0) ? ANNALS_ENTITY_GROUP
                                                                   : ANNALS_ENTITY_ORGANIZATION;
        for (i = 0; i < n; i++) {
            if (i != 1) {
                g[m++] = f[i];
            }
        }
        return row_org(ld, g, m, line, err, kind);
    }
    case T_ORG:
        return row_org(ld, f, n, line, err, ANNALS_ENTITY_ORGANIZATION);
    case T_GROUP:
        return row_org(ld, f, n, line, err, ANNALS_ENTITY_GROUP);
    case T_TITLE:
        return row_title(ld, f, n, line, err);
    case T_PERSON:
        return row_person(ld, f, n, line, err);
    case T_GIVEN:
        return row_given(ld, f, n, line, err);
    case T_DESC:
        return row_desc(ld, f, n, line, err);
    }
    return ANNALS_EINVAL;
}

static annals_status table_row(void *ud, const annals__field *f, size_t n, unsigned line,
                               annals_error *err)
{
    table_loader *tl = ud;
    return dispatch(&tl->ld, tl->table, f, n, line, err);
}

static annals_status load_table(struct annals__entity_lex *lex, table_id t, const char *data,
                                size_t len, const char *name, annals_error *err)
{
    table_loader tl;
    tl.ld.lex = lex;
    tl.ld.name = name;
    tl.ld.runtime = false;
    tl.table = t;
    return annals__tsv_each(data, len, name, table_row, &tl, err);
}

annals_status annals__entity_lex_new(struct annals__entity_lex **out, annals_error *err)
{
    struct annals__entity_lex *lex = calloc(1, sizeof(*lex));
    annals_status rc = ANNALS_OK;
    *out = NULL;
    if (lex == NULL) {
        return oom(err);
    }
    annals__arena_init(&lex->arena, 64 * 1024);
    annals__vec_init(&lex->recs, sizeof(ent_rec));
    annals__vec_init(&lex->sfcs, sizeof(ent_sfc));
    annals__vec_init(&lex->titles, sizeof(ent_title));
    annals__vec_init(&lex->descs, sizeof(ent_desc));
    annals__map_init(&lex->surfaces);
    annals__map_init(&lex->title_map);
    annals__map_init(&lex->given);
    annals__map_init(&lex->desc_map);
    annals__map_init(&lex->runtime);
    annals__map_init(&lex->classes);
    rc = load_word_classes(lex, err);

#define LOAD(t, sym, file)                                                                \
    if (rc == ANNALS_OK)                                                                  \
    rc = load_table(lex, t, annals__data_##sym, annals__data_##sym##_len, "data/" file, err)
    LOAD(T_PERSON, people, "people.tsv");
    LOAD(T_COUNTRY, countries, "countries.tsv");
    LOAD(T_ORGFILE, orgs, "orgs.tsv");
    LOAD(T_REGION, regions, "regions.tsv");
    LOAD(T_CITY, cities, "cities.tsv");
    LOAD(T_SUBDIV, subdivisions, "subdivisions.tsv");
    LOAD(T_TITLE, titles, "titles.tsv");
    LOAD(T_GIVEN, given_names, "given_names.tsv");
    LOAD(T_DESC, descriptions, "descriptions.tsv");
#undef LOAD
    if (rc != ANNALS_OK) {
        annals__entity_lex_free(lex);
        return rc;
    }
    *out = lex;
    return ANNALS_OK;
}

void annals__entity_lex_free(struct annals__entity_lex *lex)
{
    if (lex == NULL) {
        return;
    }
    annals__vec_dispose(&lex->recs);
    annals__vec_dispose(&lex->sfcs);
    annals__vec_dispose(&lex->titles);
    annals__vec_dispose(&lex->descs);
    annals__map_dispose(&lex->surfaces);
    annals__map_dispose(&lex->title_map);
    annals__map_dispose(&lex->given);
    annals__map_dispose(&lex->desc_map);
    annals__map_dispose(&lex->runtime);
    annals__map_dispose(&lex->classes);
    free(lex->wc);
    annals__arena_dispose(&lex->arena);
    free(lex);
}

/* --------------------------------------------------------- run-time */

static const struct {
    const char *name;
    table_id id;
} runtime_tables[] = {
    {"country", T_COUNTRY}, {"city", T_CITY},     {"region", T_REGION},
    {"place", T_REGION},    {"org", T_ORG},       {"organization", T_ORG},
    {"group", T_GROUP},     {"title", T_TITLE},   {"person", T_PERSON},
    {"given", T_GIVEN},     {"description", T_DESC}};

annals_status annals__entity_lex_load_row(struct annals__entity_lex *lex,
                                          const annals__field *fields, size_t n_fields,
                                          unsigned line, annals_error *err)
{
    size_t i;
    loader ld;
    char key[FOLD_CAP + 16];
    size_t klen, prev;
    annals_status rc;

    if (lex == NULL || n_fields == 0) {
        return ANNALS_EINVAL;
    }
    for (i = 0; i < sizeof runtime_tables / sizeof runtime_tables[0]; i++) {
        const char *t = runtime_tables[i].name;
        if (fields[0].len == strlen(t) && memcmp(fields[0].s, t, fields[0].len) == 0) {
            break;
        }
    }
    if (i == sizeof runtime_tables / sizeof runtime_tables[0]) {
        return ANNALS_EINVAL; /* not ours: the events stage may own it */
    }
    if (n_fields < 2 || fields[1].len == 0) {
        return annals__error_line(err, ANNALS_EPARSE, ANNALS_STAGE_LEXICON, line,
                                  "lexicon:%u: table \"%s\" needs a key in column 2", line,
                                  runtime_tables[i].name);
    }
    /* duplicate keys within run-time lexicons are errors */
    memcpy(key, fields[0].s, fields[0].len);
    key[fields[0].len] = '\x1f';
    klen = ent_fold(fields[1].s, fields[1].len, key + fields[0].len + 1, FOLD_CAP);
    if (klen == SIZE_MAX) {
        return annals__error_line(err, ANNALS_EPARSE, ANNALS_STAGE_LEXICON, line,
                                  "lexicon:%u: key too long", line);
    }
    klen += fields[0].len + 1;
    if (annals__map_get(&lex->runtime, key, klen, &prev)) {
        return annals__error_line(err, ANNALS_EPARSE, ANNALS_STAGE_LEXICON, line,
                                  "lexicon:%u: duplicate %s \"%.*s\" (first given on line %zu)",
                                  line, runtime_tables[i].name,
                                  (int)(fields[1].len > 60 ? 60 : fields[1].len), fields[1].s,
                                  prev);
    }
    if (annals__map_put(&lex->runtime, key, klen, line) != ANNALS_OK) {
        return oom(err);
    }
    ld.lex = lex;
    ld.name = "lexicon";
    ld.runtime = true;
    rc = dispatch(&ld, runtime_tables[i].id, fields + 1, n_fields - 1, line, err);
    return rc;
}
