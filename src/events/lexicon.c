/* SPDX-License-Identifier: MIT */
/*
 * events/lexicon.c - the CAMEO code table (data/cameo_codes.tsv) and the
 * trigger lexicon (data/triggers.tsv), compiled in and extendable at run
 * time with rows of the same format (tables "trigger", "form", "combine",
 * "code"). Trigger words are stored as lemmas; their inflections are
 * generated here once, so the lexicon lists "meet", not "met/meets/meeting".
 */
#include "events/events.h"

#include <stdlib.h>
#include <string.h>

extern const char annals__data_event_codes[];
extern const size_t annals__data_event_codes_len;
extern const char annals__data_event_triggers[];
extern const size_t annals__data_event_triggers_len;

#define LEX_ERR(err, line, ...) \
    annals__error_line((err), ANNALS_EPARSE, ANNALS_STAGE_LEXICON, (line), __VA_ARGS__)

static annals_status oom(annals_error *err)
{
    return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_LEXICON, ANNALS_NO_OFFSET,
                         "out of memory");
}

static bool field_is(const annals__field *f, const char *s)
{
    size_t n = strlen(s);
    return f->len == n && memcmp(f->s, s, n) == 0;
}

static char *dup_field(const annals__field *f)
{
    char *p = malloc(f->len + 1);
    if (p) {
        memcpy(p, f->s, f->len);
        p[f->len] = '\0';
    }
    return p;
}

const ev_code *ev_code_at(const struct annals__event_lex *lex, uint32_t i)
{
    return annals__vec_at(&lex->codes, i);
}

bool ev_code_find(const struct annals__event_lex *lex, const char *code, uint32_t *out)
{
    size_t v;
    if (!annals__map_get(&lex->code_index, code, strlen(code), &v)) {
        return false;
    }
    *out = (uint32_t)v;
    return true;
}

const char *ev_word_str(const struct annals__event_lex *lex, uint32_t id)
{
    return *(const char **)annals__vec_at(&lex->words, id);
}

/* The lexicon's own table of surface forms: the key is lower-cased and
 * hashed in one pass over the token, then one probe usually decides. */
static const ev_form *form_find(const struct annals__event_lex *lex, const char *s, size_t len,
                                char *buf, uint32_t *hash)
{
    uint32_t h = 2166136261u;
    size_t i, k, mask;

    for (i = 0; i < len; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        buf[i] = c;
        h = (h ^ (unsigned char)c) * 16777619u;
    }
    *hash = h;
    if (lex->fcap == 0) {
        return NULL;
    }
    mask = lex->fcap - 1;
    for (k = h & mask;; k = (k + 1) & mask) {
        uint32_t e = lex->ftab[k];
        const ev_form *f;
        if (e == 0) {
            return NULL;
        }
        f = (const ev_form *)lex->entries.items + (e - 1);
        if (f->hash == h && f->len == len) {
            const char *key = lex->keys.ptr + f->key;
            for (i = 0; i < len && key[i] == buf[i]; i++) {
            }
            if (i == len) {
                return f;
            }
        }
    }
}

const ev_form *ev_form_of(const struct annals__event_lex *lex, const char *s, size_t len)
{
    char buf[EV_WORD_MAX];
    uint32_t h;

    if (len == 0 || len >= sizeof buf) {
        return NULL;
    }
    return form_find(lex, s, len, buf, &h);
}

uint32_t ev_word_of(const struct annals__event_lex *lex, const char *s, size_t len,
                    ev_infl *infl)
{
    const ev_form *f = ev_form_of(lex, s, len);

    *infl = EV_BASE;
    if (!f || f->word == EV_NONE) {
        return EV_NONE;
    }
    *infl = (ev_infl)f->infl;
    return f->word;
}

/* ------------------------------------------------------------ inflections */

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static const char *const stopwords[] = {
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
    "against", "between", "among", "about", "upon", "over", "off", "out", "up", "down",
    "back", "as", "and", "or", "no", "not", "be", "fire", "law", NULL};

static bool is_stopword(const char *w)
{
    size_t i;
    for (i = 0; stopwords[i]; i++) {
        if (strcmp(w, stopwords[i]) == 0) {
            return true;
        }
    }
    return false;
}

static void form_slot(struct annals__event_lex *lex, uint32_t e)
{
    const ev_form *f = (const ev_form *)lex->entries.items + e;
    size_t k, mask = lex->fcap - 1;
    for (k = f->hash & mask; lex->ftab[k] != 0; k = (k + 1) & mask) {
    }
    lex->ftab[k] = e + 1;
}

/* The entry of a form (lower case), created (no lemma, no keyword) when new. */
static ev_form *form_entry(struct annals__event_lex *lex, const char *form, size_t len)
{
    char buf[EV_WORD_MAX];
    uint32_t h;
    const ev_form *old;
    ev_form *f;
    size_t off;

    if (len == 0 || len >= sizeof buf) {
        return NULL;
    }
    old = form_find(lex, form, len, buf, &h);
    if (old) {
        return (ev_form *)(uintptr_t)old;
    }
    if ((lex->entries.n + 1) * 2 > lex->fcap) {
        size_t cap = lex->fcap ? lex->fcap * 2 : 1024, i;
        uint32_t *t = calloc(cap, sizeof *t);
        if (!t) {
            return NULL;
        }
        free(lex->ftab);
        lex->ftab = t;
        lex->fcap = cap;
        for (i = 0; i < lex->entries.n; i++) {
            form_slot(lex, (uint32_t)i);
        }
    }
    off = lex->keys.len;
    if (annals__buf_put(&lex->keys, buf, len) < 0 || off > UINT32_MAX) {
        return NULL;
    }
    f = annals__vec_push(&lex->entries);
    if (!f) {
        return NULL;
    }
    f->word = EV_NONE;
    f->infl = EV_BASE;
    f->kw = EV_KW_NONE;
    f->len = (uint8_t)len;
    f->hash = h;
    f->key = (uint32_t)off;
    form_slot(lex, (uint32_t)(lex->entries.n - 1));
    return f;
}

static annals_status put_form(struct annals__event_lex *lex, const char *form, size_t len,
                              uint32_t id, ev_infl infl, bool replace)
{
    ev_form *f = form_entry(lex, form, len);
    if (!f) {
        return ANNALS_ENOMEM;
    }
    if (replace || f->word == EV_NONE) {
        f->word = id;
        f->infl = (uint8_t)infl;
    }
    return ANNALS_OK;
}

/* The closed-class keywords (keywords.h) and their classes. */
static annals_status add_keywords(struct annals__event_lex *lex)
{
    static const struct {
        const char *word;
        uint32_t classes;
    } kws[] = {
#define EV_KW_ROW(id, word, classes) {word, (uint32_t)(classes)},
        EV_KEYWORDS(EV_KW_ROW)
#undef EV_KW_ROW
    };
    size_t i;
    lex->kwmask[EV_KW_NONE] = 0;
    for (i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        ev_form *f = form_entry(lex, kws[i].word, strlen(kws[i].word));
        if (!f) {
            return ANNALS_ENOMEM;
        }
        f->kw = (uint16_t)(i + 1);
        lex->kwmask[i + 1] = kws[i].classes;
    }
    return ANNALS_OK;
}

/* Register the regular inflections of lemma `w` (id) unless taken. */
static annals_status inflect(struct annals__event_lex *lex, const char *w, uint32_t id)
{
    char buf[EV_WORD_MAX + 8];
    size_t n = strlen(w);
    char last, prev;
    bool cvc;
    annals_status rc;

    if (n < 3 || n + 5 >= EV_WORD_MAX || is_stopword(w)) {
        return ANNALS_OK;
    }
    last = w[n - 1];
    prev = w[n - 2];
    cvc = !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(prev) &&
          !is_vowel(w[n - 3]);
    memcpy(buf, w, n);
    /* -s */
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's'))) {
        memcpy(buf + n, "es", 2);
        rc = put_form(lex, buf, n + 2, id, EV_S, false);
    } else if (last == 'y' && !is_vowel(prev)) {
        memcpy(buf + n - 1, "ies", 3);
        rc = put_form(lex, buf, n + 2, id, EV_S, false);
    } else {
        buf[n] = 's';
        rc = put_form(lex, buf, n + 1, id, EV_S, false);
    }
    if (rc < 0) {
        return rc;
    }
    /* -ed */
    memcpy(buf, w, n);
    if (last == 'e') {
        buf[n] = 'd';
        rc = put_form(lex, buf, n + 1, id, EV_ED, false);
    } else if (last == 'y' && !is_vowel(prev)) {
        memcpy(buf + n - 1, "ied", 3);
        rc = put_form(lex, buf, n + 2, id, EV_ED, false);
    } else {
        memcpy(buf + n, "ed", 2);
        rc = put_form(lex, buf, n + 2, id, EV_ED, false);
        if (rc == ANNALS_OK && cvc) {
            buf[n] = last;
            memcpy(buf + n + 1, "ed", 2);
            rc = put_form(lex, buf, n + 3, id, EV_ED, false);
        }
    }
    if (rc < 0) {
        return rc;
    }
    /* -ing */
    memcpy(buf, w, n);
    if (n > 3 && last == 'e' && prev == 'i') {
        memcpy(buf + n - 2, "ying", 4);
        rc = put_form(lex, buf, n + 2, id, EV_ING, false);
    } else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o') {
        memcpy(buf + n - 1, "ing", 3);
        rc = put_form(lex, buf, n + 2, id, EV_ING, false);
    } else {
        memcpy(buf + n, "ing", 3);
        rc = put_form(lex, buf, n + 3, id, EV_ING, false);
        if (rc == ANNALS_OK && cvc) {
            buf[n] = last;
            memcpy(buf + n + 1, "ing", 3);
            rc = put_form(lex, buf, n + 4, id, EV_ING, false);
        }
    }
    return rc;
}

/* Id of a lemma, created (with its inflections) when new. */
static annals_status word_id(struct annals__event_lex *lex, const char *w, size_t len,
                             uint32_t *out)
{
    size_t v;
    char *copy;
    char **slot;
    uint32_t *first;
    annals_status rc;

    if (annals__map_get(&lex->word_index, w, len, &v)) {
        *out = (uint32_t)v;
        return ANNALS_OK;
    }
    copy = malloc(len + 1);
    if (!copy) {
        return ANNALS_ENOMEM;
    }
    memcpy(copy, w, len);
    copy[len] = '\0';
    slot = annals__vec_push(&lex->words);
    if (!slot) {
        free(copy);
        return ANNALS_ENOMEM;
    }
    *slot = copy;
    *out = (uint32_t)(lex->words.n - 1);
    first = annals__vec_push(&lex->first);
    if (!first) {
        return ANNALS_ENOMEM;
    }
    *first = EV_NONE;
    rc = annals__map_put(&lex->word_index, w, len, *out);
    if (rc < 0) {
        return rc;
    }
    /* The lemma itself always reads as its own base form. */
    rc = put_form(lex, w, len, *out, EV_BASE, true);
    if (rc < 0) {
        return rc;
    }
    return inflect(lex, copy, *out);
}

/* ------------------------------------------------------------------ rows */

/* The words of event labels, by the longest listed prefix of the code:
 * the verb ("negotiates") and the preposition before its target ("with"),
 * and the noun ("Negotiations") and its preposition for events without a
 * source. Longer prefixes come first. */
static void label_words(ev_code *c)
{
    static const struct {
        const char *code, *verb, *vprep, *noun, *nprep;
    } t[] = {{"0871", "agrees a ceasefire", "with", "Ceasefire", "with"},
             {"1823", "kills", "", "Killing", "of"},
             {"041", "calls", "", "Call", "with"},
             {"042", "visits", "", "Visit", "to"},
             {"043", "hosts", "", "Visit hosted for", ""},
             {"045", "mediates", "with", "Mediation", "with"},
             {"046", "negotiates", "with", "Negotiations", "with"},
             {"036", "offers to meet", "", "Offer to meet", ""},
             {"057", "signs an agreement", "with", "Agreement", "with"},
             {"055", "apologizes", "to", "Apology", "to"},
             {"084", "releases", "", "Release", "of"},
             {"087", "de-escalates", "with", "De-escalation", "with"},
             {"112", "accuses", "", "Accusation", "against"},
             {"163", "sanctions", "", "Sanctions", "on"},
             {"173", "arrests", "", "Arrest", "of"},
             {"195", "strikes", "", "Air strike", "on"},
             {"192", "occupies", "", "Occupation", "of"},
             {"193", "fights", "", "Fighting", "with"},
             {"183", "bombs", "", "Bombing", "against"},
             {"01", "makes a statement", "on", "Statement", "on"},
             {"02", "appeals", "to", "Appeal", "to"},
             {"03", "pledges cooperation", "with", "Pledge of cooperation", "with"},
             {"04", "meets", "", "Meeting", "with"},
             {"05", "supports", "", "Support", "for"},
             {"06", "cooperates", "with", "Cooperation", "with"},
             {"07", "aids", "", "Aid", "to"},
             {"08", "yields", "to", "Concession", "to"},
             {"09", "investigates", "", "Investigation", "of"},
             {"10", "makes demands", "of", "Demands", "on"},
             {"11", "criticizes", "", "Criticism", "of"},
             {"12", "rejects", "", "Rejection", "of"},
             {"13", "threatens", "", "Threat", "against"},
             {"14", "protests", "against", "Protest", "against"},
             {"15", "mobilizes", "against", "Mobilization", "against"},
             {"16", "reduces relations", "with", "Reduced relations", "with"},
             {"17", "coerces", "", "Coercion", "of"},
             {"18", "assaults", "", "Assault", "on"},
             {"19", "attacks", "", "Attack", "on"},
             {"20", "uses mass violence", "against", "Mass violence", "against"}};
    size_t i;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        size_t n = strlen(t[i].code);
        if (strncmp(c->code, t[i].code, n) == 0) {
            c->verb = t[i].verb;
            c->vprep = t[i].vprep;
            c->noun = t[i].noun;
            c->nprep = t[i].nprep;
            return;
        }
    }
    c->verb = c->name; /* every root is listed: not reached */
    c->vprep = c->nprep = "";
    c->noun = c->name;
}

static annals_status code_row(struct annals__event_lex *lex, const annals__field *f,
                              size_t n, unsigned line, annals_error *err)
{
    ev_code *c;
    char num[32];
    char *end;
    long quad;
    double g;
    size_t i;
    annals_status rc;

    if (n < 5) {
        return LEX_ERR(err, line, "line %u: a code row needs code, root, quad, goldstein, name",
                       line);
    }
    if ((f[0].len != 3 && f[0].len != 4) || f[1].len != 2 ||
        memcmp(f[0].s, f[1].s, 2) != 0) {
        return LEX_ERR(err, line, "line %u: bad CAMEO code or root", line);
    }
    for (i = 0; i < f[0].len; i++) {
        if (f[0].s[i] < '0' || f[0].s[i] > '9') {
            return LEX_ERR(err, line, "line %u: bad CAMEO code", line);
        }
    }
    if (f[2].len != 1 || f[2].s[0] < '1' || f[2].s[0] > '4') {
        return LEX_ERR(err, line, "line %u: quad class must be 1..4", line);
    }
    quad = f[2].s[0] - '1';
    if (f[3].len == 0 || f[3].len >= sizeof num) {
        return LEX_ERR(err, line, "line %u: bad Goldstein weight", line);
    }
    memcpy(num, f[3].s, f[3].len);
    num[f[3].len] = '\0';
    g = strtod(num, &end);
    if (*end != '\0' || g < -10.0 || g > 10.0) {
        return LEX_ERR(err, line, "line %u: Goldstein weight must be in -10..10", line);
    }
    {
        size_t existing;
        if (annals__map_get(&lex->code_index, f[0].s, f[0].len, &existing)) {
            c = annals__vec_at(&lex->codes, existing);
            free((char *)(uintptr_t)c->name);
        } else {
            c = annals__vec_push(&lex->codes);
            if (!c) {
                return oom(err);
            }
            rc = annals__map_put(&lex->code_index, f[0].s, f[0].len, lex->codes.n - 1);
            if (rc < 0) {
                return oom(err);
            }
        }
    }
    memcpy(c->code, f[0].s, f[0].len);
    c->code[f[0].len] = '\0';
    memcpy(c->root, f[1].s, 2);
    c->root[2] = '\0';
    c->quad = (int)quad;
    c->goldstein = g;
    c->name = dup_field(&f[4]);
    if (!c->name) {
        return oom(err);
    }
    label_words(c);
    return ANNALS_OK;
}

static annals_status code_cb(void *ud, const annals__field *f, size_t n, unsigned line,
                             annals_error *err)
{
    return code_row(ud, f, n, line, err);
}

static annals_status trigger_row(struct annals__event_lex *lex, const annals__field *f,
                                 size_t n, unsigned line, annals_error *err)
{
    ev_pattern p;
    ev_pattern *slot;
    size_t i, start;
    char code[8];
    uint32_t *first;
    annals_status rc;

    memset(&p, 0, sizeof p);
    p.line = line;
    if (n < 4) {
        return LEX_ERR(err, line, "line %u: a trigger row needs pattern, code and pos", line);
    }
    if (f[1].len == 0 || f[2].len < 3 || f[2].len > 4) {
        return LEX_ERR(err, line, "line %u: empty pattern or bad code", line);
    }
    memcpy(code, f[2].s, f[2].len);
    code[f[2].len] = '\0';
    if (!ev_code_find(lex, code, &p.code)) {
        return LEX_ERR(err, line, "line %u: unknown CAMEO code %s", line, code);
    }
    if (field_is(&f[3], "v")) {
        p.noun = false;
    } else if (field_is(&f[3], "n")) {
        p.noun = true;
    } else {
        return LEX_ERR(err, line, "line %u: pos must be v or n", line);
    }
    if (n > 4) {
        for (i = 0; i < f[4].len; i++) {
            switch (f[4].s[i]) {
            case 's': p.flags |= EV_F_SAY; break;
            case 'c': p.flags |= EV_F_CONTROL; break;
            case 'p': p.flags |= EV_F_DEST; break;
            case 'm': p.flags |= EV_F_MULTI; break;
            case 'k': p.flags |= EV_F_CASUALTY; break;
            case 'a': p.flags |= EV_F_ACTOR; break;
            case ' ': break;
            default:
                return LEX_ERR(err, line, "line %u: unknown trigger flag '%c'", line,
                               f[4].s[i]);
            }
        }
    }
    /* Split the pattern on spaces. */
    start = 0;
    for (i = 0; i <= f[1].len; i++) {
        if (i == f[1].len || f[1].s[i] == ' ') {
            size_t len = i - start;
            char w[EV_WORD_MAX];
            if (len > 0) {
                if (p.n == EV_MAX_PATTERN || len >= EV_WORD_MAX) {
                    return LEX_ERR(err, line, "line %u: pattern too long", line);
                }
                if (len == 1 && f[1].s[start] == '*') {
                    if (p.n == 0 || p.words[p.n - 1] == EV_GAP) {
                        return LEX_ERR(err, line, "line %u: misplaced '*'", line);
                    }
                    p.words[p.n++] = EV_GAP;
                } else {
                    size_t wl = annals__lower(f[1].s + start, len, w, sizeof w);
                    rc = word_id(lex, w, wl, &p.words[p.n]);
                    if (rc < 0) {
                        return oom(err);
                    }
                    p.n++;
                }
            }
            start = i + 1;
        }
    }
    if (p.n == 0 || p.words[p.n - 1] == EV_GAP) {
        return LEX_ERR(err, line, "line %u: pattern must start and end with a word", line);
    }
    first = annals__vec_at(&lex->first, p.words[0]);
    p.next = *first; /* later rows are tried first: run-time rows override */
    slot = annals__vec_push(&lex->patterns);
    if (!slot) {
        return oom(err);
    }
    *slot = p;
    first = annals__vec_at(&lex->first, p.words[0]);
    *first = (uint32_t)(lex->patterns.n - 1);
    return ANNALS_OK;
}

static annals_status form_row(struct annals__event_lex *lex, const annals__field *f, size_t n,
                              unsigned line, annals_error *err)
{
    char w[EV_WORD_MAX], l[EV_WORD_MAX];
    size_t wl, ll;
    uint32_t id;
    ev_infl infl;
    annals_status rc;

    if (n < 3 || f[1].len == 0 || f[2].len == 0 || f[1].len >= EV_WORD_MAX ||
        f[2].len >= EV_WORD_MAX) {
        return LEX_ERR(err, line, "line %u: a form row needs surface and lemma", line);
    }
    wl = annals__lower(f[1].s, f[1].len, w, sizeof w);
    ll = annals__lower(f[2].s, f[2].len, l, sizeof l);
    rc = word_id(lex, l, ll, &id);
    if (rc < 0) {
        return oom(err);
    }
    if (wl > 3 && memcmp(w + wl - 3, "ing", 3) == 0) {
        infl = EV_ING;
    } else if (w[wl - 1] == 's' && l[ll - 1] != 's') {
        infl = EV_S;
    } else if (wl == ll && memcmp(w, l, wl) == 0) {
        infl = EV_BASE;
    } else {
        infl = EV_ED;
    }
    rc = put_form(lex, w, wl, id, infl, true);
    return rc < 0 ? oom(err) : ANNALS_OK;
}

static bool digits(const annals__field *f, size_t lo, size_t hi)
{
    size_t i;
    if (f->len < lo || f->len > hi) {
        return false;
    }
    for (i = 0; i < f->len; i++) {
        if (f->s[i] < '0' || f->s[i] > '9') {
            return false;
        }
    }
    return true;
}

static annals_status combine_row(struct annals__event_lex *lex, const annals__field *f,
                                 size_t n, unsigned line, annals_error *err)
{
    ev_combine_rule *c;
    char code[8];

    if (n < 4 || !digits(&f[1], 2, 4) || !digits(&f[2], 2, 4) || !digits(&f[3], 3, 4)) {
        return LEX_ERR(err, line, "line %u: a combine row needs outer, inner and code", line);
    }
    memcpy(code, f[3].s, f[3].len);
    code[f[3].len] = '\0';
    c = annals__vec_push(&lex->combines);
    if (!c) {
        return oom(err);
    }
    if (!ev_code_find(lex, code, &c->code)) {
        lex->combines.n--;
        return LEX_ERR(err, line, "line %u: unknown CAMEO code %s", line, code);
    }
    memcpy(c->outer, f[1].s, f[1].len);
    c->outer[f[1].len] = '\0';
    c->outer_len = f[1].len;
    memcpy(c->inner, f[2].s, f[2].len);
    c->inner[f[2].len] = '\0';
    c->inner_len = f[2].len;
    return ANNALS_OK;
}

uint32_t ev_combine(const struct annals__event_lex *lex, uint32_t outer, uint32_t inner)
{
    const ev_code *o = ev_code_at(lex, outer), *in = ev_code_at(lex, inner);
    size_t i, best_len = 0;
    uint32_t best = outer;

    /* The most specific row wins: longest outer prefix, then longest inner. */
    for (i = lex->combines.n; i-- > 0;) {
        const ev_combine_rule *c = annals__vec_at(&lex->combines, i);
        size_t score;
        /* codes are NUL-terminated, so a 4-digit prefix never matches a
         * 3-digit code */
        if (memcmp(c->outer, o->code, c->outer_len) != 0 ||
            memcmp(c->inner, in->code, c->inner_len) != 0) {
            continue;
        }
        score = c->outer_len * 8 + c->inner_len;
        if (score > best_len) {
            best_len = score;
            best = c->code;
        }
    }
    return best;
}

annals_status annals__event_lex_load_row(struct annals__event_lex *lex,
                                         const annals__field *fields, size_t n_fields,
                                         unsigned line, annals_error *err)
{
    if (n_fields == 0) {
        return ANNALS_EINVAL;
    }
    if (field_is(&fields[0], "trigger")) {
        return trigger_row(lex, fields, n_fields, line, err);
    }
    if (field_is(&fields[0], "form")) {
        return form_row(lex, fields, n_fields, line, err);
    }
    if (field_is(&fields[0], "combine")) {
        return combine_row(lex, fields, n_fields, line, err);
    }
    if (field_is(&fields[0], "code")) {
        return code_row(lex, fields + 1, n_fields - 1, line, err);
    }
    return ANNALS_EINVAL;
}

static annals_status trigger_cb(void *ud, const annals__field *f, size_t n, unsigned line,
                                annals_error *err)
{
    annals_status rc = annals__event_lex_load_row(ud, f, n, line, err);
    if (rc == ANNALS_EINVAL) {
        return LEX_ERR(err, line, "triggers.tsv:%u: unknown table", line);
    }
    return rc;
}

annals_status annals__event_lex_new(struct annals__event_lex **out, annals_error *err)
{
    struct annals__event_lex *lex = calloc(1, sizeof *lex);
    annals_status rc;

    *out = NULL;
    if (!lex) {
        return oom(err);
    }
    annals__vec_init(&lex->codes, sizeof(ev_code));
    annals__map_init(&lex->code_index);
    annals__vec_init(&lex->patterns, sizeof(ev_pattern));
    annals__vec_init(&lex->words, sizeof(char *));
    annals__map_init(&lex->word_index);
    annals__buf_init(&lex->keys);
    annals__vec_init(&lex->entries, sizeof(ev_form));
    annals__vec_init(&lex->first, sizeof(uint32_t));
    annals__vec_init(&lex->combines, sizeof(ev_combine_rule));
    rc = annals__tsv_each(annals__data_event_codes, annals__data_event_codes_len,
                          "cameo_codes.tsv", code_cb, lex, err);
    if (rc == ANNALS_OK) {
        rc = annals__tsv_each(annals__data_event_triggers, annals__data_event_triggers_len,
                              "triggers.tsv", trigger_cb, lex, err);
    }
    if (rc == ANNALS_OK && add_keywords(lex) < 0) {
        rc = oom(err);
    }
    if (rc < 0) {
        annals__event_lex_free(lex);
        return rc;
    }
    *out = lex;
    return ANNALS_OK;
}

void annals__event_lex_free(struct annals__event_lex *lex)
{
    size_t i;
    if (!lex) {
        return;
    }
    for (i = 0; i < lex->codes.n; i++) {
        ev_code *c = annals__vec_at(&lex->codes, i);
        free((char *)(uintptr_t)c->name);
    }
    for (i = 0; i < lex->words.n; i++) {
        free(*(char **)annals__vec_at(&lex->words, i));
    }
    annals__vec_dispose(&lex->codes);
    annals__map_dispose(&lex->code_index);
    annals__vec_dispose(&lex->patterns);
    annals__vec_dispose(&lex->words);
    annals__map_dispose(&lex->word_index);
    annals__buf_dispose(&lex->keys);
    free(lex->ftab);
    annals__vec_dispose(&lex->entries);
    annals__vec_dispose(&lex->first);
    annals__vec_dispose(&lex->combines);
    free(lex);
}
