/* SPDX-License-Identifier: MIT */
/*
 * events/events.h - internals of the events stage, shared by its files:
 *
 *   lexicon.c   CAMEO code table, trigger lexicon, inflections (annals__event_lex_*)
 *   triggers.c  trigger matching in a sentence (longest pattern, verb/noun reading)
 *   roles.c     clause segmentation, source/target/participants/places, counts
 *   modality.c  modality and event dates
 *   events.c    the stage driver annals__events(): combination, absorption, labels
 */
#ifndef ANNALS_EVENTS_H
#define ANNALS_EVENTS_H

#include "core/internal.h"
#include "events/keywords.h"

#define EV_NONE ((uint32_t)-1)
#define EV_GAP ((uint32_t)-2)     /* `*` in a pattern */
#define EV_MAX_PATTERN 8          /* words per pattern */
#define EV_GAP_MAX 4              /* words a `*` may skip */
#define EV_WORD_MAX 48            /* longest token looked up (bytes) */

/* Trigger flags (the FLAGS column). */
enum {
    EV_F_SAY = 1u << 0,     /* s */
    EV_F_CONTROL = 1u << 1, /* c */
    EV_F_DEST = 1u << 2,    /* p */
    EV_F_MULTI = 1u << 3,   /* m */
    EV_F_CASUALTY = 1u << 4, /* k */
    EV_F_ACTOR = 1u << 5    /* a */
};

/* Inflection of a token relative to its lemma. */
typedef enum ev_infl { EV_BASE = 0, EV_S, EV_ED, EV_ING } ev_infl;

/* What one lower-case surface form is: a form of a trigger lemma (word
 * EV_NONE when not) and/or a closed-class keyword (kw EV_KW_NONE when not). */
typedef struct ev_form {
    uint32_t word;
    uint8_t infl;
    uint8_t len;            /* of the key */
    uint16_t kw;
    uint32_t hash;          /* FNV-1a of the key */
    uint32_t key;           /* offset of the key in keys */
} ev_form;

typedef struct ev_code {
    char code[5];           /* "040", "0871" */
    char root[3];
    int quad;               /* 0..3 */
    double goldstein;
    const char *name;       /* owned by the lexicon (strings vec) */
    const char *verb;       /* label verb ("negotiates"), static */
    const char *vprep;      /* before the verb's target ("with"), "" */
    const char *noun;       /* label noun without a source ("Negotiations") */
    const char *nprep;      /* before the noun's target ("with"), "" */
} ev_code;

typedef struct ev_pattern {
    uint32_t words[EV_MAX_PATTERN];
    uint32_t n;
    uint32_t code;          /* index into codes */
    bool noun;
    unsigned flags;
    uint32_t next;          /* next pattern with the same first word, EV_NONE */
    unsigned line;
} ev_pattern;

typedef struct ev_combine_rule {
    char outer[5];
    char inner[5];
    size_t outer_len, inner_len;
    uint32_t code;
} ev_combine_rule;

struct annals__event_lex {
    annals__vec codes;      /* ev_code */
    annals__map code_index; /* "040" -> index */
    annals__vec patterns;   /* ev_pattern */
    annals__vec words;      /* const char * (owned, malloc) lemma strings by id */
    annals__map word_index; /* lemma -> id */
    annals__vec entries;    /* ev_form: lemma id, inflection, keyword id, key */
    annals__buf keys;       /* the lower-case surface forms, concatenated */
    uint32_t *ftab;         /* open addressing over entries: index + 1, 0 = empty */
    size_t fcap;            /* power of two */
    uint32_t kwmask[EV_KW_COUNT]; /* EVC_* classes of each keyword id */
    annals__vec first;      /* uint32_t per word id: first pattern starting with it */
    annals__vec combines;   /* ev_combine_rule */
};

/* lexicon.c */
const ev_code *ev_code_at(const struct annals__event_lex *lex, uint32_t i);
bool ev_code_find(const struct annals__event_lex *lex, const char *code, uint32_t *out);
/* Word id of a token (EV_NONE when no pattern uses it) and its inflection. */
uint32_t ev_word_of(const struct annals__event_lex *lex, const char *s, size_t len,
                    ev_infl *infl);
/* The form record of a token (NULL when the lexicon does not know it). */
const ev_form *ev_form_of(const struct annals__event_lex *lex, const char *s, size_t len);
const char *ev_word_str(const struct annals__event_lex *lex, uint32_t id);
/* Code for OUTER (code index) + "to" + INNER (code index), or the outer code. */
uint32_t ev_combine(const struct annals__event_lex *lex, uint32_t outer, uint32_t inner);

/* ------------------------------------------------------ per-sentence work */

typedef struct ev_trigger {
    size_t tb, te;          /* token range [tb, te) */
    uint32_t pattern;
    uint32_t code;
    bool noun;
    unsigned flags;
    ev_infl infl;           /* of the head token */
    bool passive;
    bool dead;              /* combined into or absorbed by another trigger */
    int absorbed_by;        /* index of the trigger that took it, -1 */
    int seg;                /* clause segment */
    size_t role_end;        /* last token (exclusive) of the trigger's object region */
    annals_modality modality;
    const char *mod_why;
    /* roles (entities) */
    annals__role source, target, participants, places;
    bool role_limit;
    const char *src_why, *tgt_why;
    size_t tgt_prep;        /* token of the preposition before the target, SIZE_MAX */
    bool inherited_source;
    /* count */
    bool has_count;
    long long cmin, cmax;
    size_t cs, ce;          /* token range of the count phrase */
    int timex;              /* chosen timex or -1 */
    const char *date_why;
} ev_trigger;

typedef struct ev_sent {
    annals_doc *doc;
    const struct annals__event_lex *lex;
    size_t tb, te;          /* sentence token range */
    uint32_t sentence;
    /* per token, indexed by (token - tb) */
    uint32_t *word;         /* lexicon word id */
    uint8_t *infl;
    uint16_t *kw;           /* keyword id (EV_KW_*) */
    int32_t *mention;       /* mention index covering the token, -1 */
    int32_t *timex;         /* timex covering the token, -1 */
    int32_t *trig;          /* trigger index whose span covers the token, -1 */
    int32_t *seg;           /* clause segment id */
    uint8_t *quoted;        /* inside quotation marks */
    size_t cap;
    /* segments */
    int nseg;
    int *seg_parent;        /* segment this one continues from (subject inheritance), -1 */
    uint8_t *seg_kind;      /* EV_SEG_* */
    uint8_t *seg_live;      /* segment has a live trigger (dates) */
    int32_t free_timex;     /* first time expression of a clause without events */
    int free_seg;
    size_t seg_cap;
    /* triggers */
    annals__vec trigs;      /* ev_trigger */
    bool according;         /* "according to" in the sentence */
    size_t according_tok;
    size_t max_fillers;
    bool explain;
} ev_sent;

enum {
    EV_SEG_MAIN = 0,
    EV_SEG_REPORTED,   /* complement of a say-verb */
    EV_SEG_RELATIVE,   /* who/which/that clause */
    EV_SEG_SUBORD,     /* after/before/while/as... */
    EV_SEG_COORD,      /* "and" + verb: shares the previous subject */
    EV_SEG_ISLAND,     /* dashes, brackets, "according to X" */
    EV_SEG_COND        /* if/unless */
};

static inline annals__token *ev_tok(const ev_sent *s, size_t i)
{
    return ANNALS__TOK(s->doc, i);
}
/* Keyword id of any token of the document (the slow path, for tokens
 * outside the current sentence). */
unsigned ev_kw_slow(const ev_sent *s, size_t i);

static inline unsigned ev_kw(const ev_sent *s, size_t i)
{
    return i - s->tb < s->te - s->tb ? s->kw[i - s->tb] : ev_kw_slow(s, i);
}

/* Token i is the keyword `kw`. */
static inline bool ev_is(const ev_sent *s, size_t i, unsigned kw)
{
    return ev_kw(s, i) == kw;
}

/* Token i belongs to one of the word classes `cls` (EVC_* bits). */
static inline bool ev_in(const ev_sent *s, size_t i, uint32_t cls)
{
    return (s->lex->kwmask[ev_kw(s, i)] & cls) != 0;
}

/* triggers.c */
annals_status ev_find_triggers(ev_sent *s);
/* roles.c */
void ev_segment(ev_sent *s);
void ev_roles(ev_sent *s);
/* modality.c */
void ev_modality(ev_sent *s);
void ev_dates(ev_sent *s);


#endif
