/* SPDX-License-Identifier: MIT */
/*
 * entities/entities_int.h - the entity lexicon shared by lex.c (loading the
 * compiled-in gazetteers and run-time rows) and recognize.c (per-document
 * recognition and coreference).
 *
 * Every surface form (name, alias, demonym, capital) is stored under a
 * "fold key": the ASCII-lower-cased bytes of its tokens with spaces removed
 * and the typographic apostrophe ’ mapped to '. The document side builds
 * the same key by concatenating the folded texts of consecutive tokens, so
 * no tokenizer is needed at load time. A second map ("classes") gives, for
 * every folded word that can start a surface, title or description, or is
 * a closed-class word the rules ask about, its WC_* bits and the most
 * tokens a match starting there can span: each document token costs one
 * look-up (after a Bloom filter), and only starters pay for more.
 */
#ifndef ANNALS_ENTITIES_INT_H
#define ANNALS_ENTITIES_INT_H

#include "core/internal.h"

/* What a surface form says about the record it names. */
typedef enum ent_sfc_type {
    SFC_NAME = 0,    /* canonical name or alias */
    SFC_DEMONYM,     /* "Egyptian" */
    SFC_DEMONYM_PL,  /* "Egyptians" */
    SFC_CAPITAL      /* "Washington": country rec + place rec (alt) */
} ent_sfc_type;

/* A canonical record: a country, city, region, organisation or person. */
typedef struct ent_rec {
    const char *name;       /* canonical name (lexicon-owned) */
    annals_entity_kind kind;
    char country[4];
    const char *roles;      /* person: '|'-separated hints, or NULL */
    const char *subtype;    /* place: "city", "region", "sea", ...; NULL */
    bool metonym;           /* org: "the Pentagon" names a government body */
} ent_rec;

typedef struct ent_sfc {
    uint32_t rec;           /* index into lex->recs */
    uint32_t alt;           /* SFC_CAPITAL: the city record; UINT32_MAX if none */
    uint8_t type;           /* ent_sfc_type */
    uint8_t exact;          /* acronym-like: the text must match `surface` byte for byte */
    const char *surface;    /* as written in the table (lexicon-owned) */
} ent_sfc;

/* A title or role word ("president", "press secretary"). */
typedef struct ent_title {
    const char *role;       /* canonical role */
    uint8_t cls;            /* TITLE_* */
    uint8_t group;          /* TGROUP_* */
} ent_title;

enum { TITLE_OFFICE = 0, TITLE_RANK, TITLE_HONORIFIC, TITLE_JOB };
enum { TGROUP_NONE = 0, TGROUP_DIPLOMAT, TGROUP_LEADER, TGROUP_MILITARY, TGROUP_SPOKES };

/* A description that refers back ("the militants", "top diplomat"). */
typedef struct ent_desc {
    uint8_t group_kind;     /* 1 = armed group, 2 = role group */
    uint8_t role_group;     /* TGROUP_* when group_kind == 2 */
} ent_desc;

/* Closed word classes (lex.c word_classes). */
enum {
    WC_FUNCTION = 1u << 0,      /* capitalised, never starts a name ("The", "Both") */
    WC_PARTICLE = 1u << 1,      /* name particles: al, bin, ibn, de, van ... */
    WC_LOCATIVE = 1u << 2,      /* before a capital, makes it the place ("in Cairo") */
    WC_PLACE_PREP = 1u << 3,    /* before an unknown name, makes it a place */
    WC_PLURAL_PEOPLE = 1u << 4, /* after a demonym: the country acting ("officials") */
    WC_ORG_SUFFIX = 1u << 5,
    WC_GROUP_SUFFIX = 1u << 6,
    WC_PLACE_SUFFIX = 1u << 7,
    WC_PLACE_PREFIX = 1u << 8,
    WC_REPORT = 1u << 9,        /* reporting verbs */
    WC_PRONOUN = 1u << 10,      /* he, she */
    WC_DET = 1u << 11,          /* the, a, an */
    WC_SURF_START = 1u << 12,   /* first word of a gazetteer surface */
    WC_TITLE_START = 1u << 13,  /* first word of a title */
    WC_DESC_START = 1u << 14,   /* first word of a description */
    WC_GIVEN = 1u << 15         /* a given name */
};
/* classes map values: WC_* bits | surface span << 16 | title span << 20 */
#define WC_SURF_SPAN(v) (((v) >> 16) & 0xFu)
#define WC_TITLE_SPAN(v) (((v) >> 20) & 0xFu)
#define ENT_BLOOM_BITS (1u << 18)

/* The word-class table: open addressing with the key inline (words of up
 * to ENT_WC_KEY bytes; longer ones live in `classes` only), so a look-up
 * touches one cache line per probe. Load factor <= 1/2. */
#define ENT_WC_KEY 19
typedef struct ent_wc_slot {
    uint64_t hash;
    uint32_t value;
    uint8_t len;            /* 0 = empty */
    char key[ENT_WC_KEY];
} ent_wc_slot;

#define ENT_MAX_SPAN 8      /* most tokens a gazetteer surface can span */

struct annals__entity_lex {
    annals__arena arena;    /* strings and records' text */
    annals__vec recs;       /* ent_rec */
    annals__vec sfcs;       /* ent_sfc */
    annals__vec titles;     /* ent_title */
    annals__vec descs;      /* ent_desc */
    annals__map surfaces;   /* fold key -> index into sfcs */
    annals__map title_map;  /* folded title key -> index into titles */
    annals__map given;      /* folded given name -> 1 */
    annals__map desc_map;   /* folded description key -> index into descs */
    annals__map classes;    /* folded word -> WC_* bits and spans (one look-up per token) */
    uint64_t bloom[ENT_BLOOM_BITS / 64]; /* words present in `classes` */
    ent_wc_slot *wc;        /* inline copy of `classes` for short words */
    size_t wc_cap;          /* power of two */
    size_t wc_n;
    annals__map runtime;    /* "table\x1fkey" -> line, for duplicate checks in --lexicon */
    size_t max_title_tokens;
    size_t max_desc_tokens;
};

/* Fold `len` bytes into `out` (cap bytes); returns the folded length or
 * SIZE_MAX if it did not fit. Spaces are dropped, ASCII is lower-cased,
 * U+2019 becomes '. */
size_t ent_fold(const char *s, size_t len, char *out, size_t cap);

/* WC_* value of a folded word with hash h (annals__hash), 0 if none. */
unsigned ent_word_class(const struct annals__entity_lex *lex, const char *key, size_t len,
                        uint64_t h);

#endif
