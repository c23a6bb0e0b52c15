/* SPDX-License-Identifier: MIT */
/*
 * core/internal.h - the shared data model of the pipeline: the structures
 * behind annals_ctx and annals_doc, the records every stage reads and
 * writes, and the small utilities (arena, buffers, vectors, hash map, TSV
 * reader, calendar arithmetic) the stages share.
 *
 * Stages communicate only through the records declared here:
 *
 *   ingest (core/ingest.c)      doc->text, doc->dct, warnings
 *   tokenize (tokenize/)        doc->tokens, doc->sentences
 *   dates (dates/)              doc->timexes
 *   entities (entities/)        doc->entities, doc->mentions
 *   events (events/)            doc->events
 *
 * corpus/, graph/, layout/ and export/ work on annals_corpus (corpus/corpus.h),
 * which holds copies, never pointers into a document.
 */
#ifndef ANNALS_INTERNAL_H
#define ANNALS_INTERNAL_H

#include "annals/annals.h"

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

/* ---------------------------------------------------------------- errors */

/* Fill `err` (if not NULL and not already set: the first error wins) and
 * return `code`. `offset` may be ANNALS_NO_OFFSET. printf-style message. */
annals_status annals__error(annals_error *err, annals_status code, annals_stage stage,
                            size_t offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Same, with a 1-based line number (lexicon and JSONL readers). */
annals_status annals__error_line(annals_error *err, annals_status code, annals_stage stage,
                                 unsigned line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* ------------------------------------------------------------------ arena */

/* A bump allocator: everything a document extracts lives in its arena and
 * is released by one annals__arena_dispose(). Allocations are zeroed and
 * aligned for any type. Returns NULL on OOM, never aborts. */
typedef struct annals__arena_block annals__arena_block;
typedef struct annals__arena {
    annals__arena_block *head;
    size_t block_size;
} annals__arena;

void annals__arena_init(annals__arena *a, size_t block_size);
void annals__arena_dispose(annals__arena *a);
void *annals__arena_alloc(annals__arena *a, size_t n);
/* Copy `len` bytes and add a NUL. */
char *annals__arena_strndup(annals__arena *a, const char *s, size_t len);
char *annals__arena_strdup(annals__arena *a, const char *s);
char *annals__arena_printf(annals__arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ----------------------------------------------------------------- buffer */

typedef struct annals__buf {
    char *ptr; /* always NUL-terminated when not NULL */
    size_t len;
    size_t cap;
} annals__buf;

#define ANNALS__BUF_INIT {NULL, 0, 0}

void annals__buf_init(annals__buf *b);
void annals__buf_dispose(annals__buf *b);
annals_status annals__buf_put(annals__buf *b, const char *data, size_t len);
annals_status annals__buf_puts(annals__buf *b, const char *s);
annals_status annals__buf_printf(annals__buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Append `s` with XML/HTML special characters escaped (& < > " '). */
annals_status annals__buf_put_xml(annals__buf *b, const char *s, size_t len);
/* An annals_sink appending to the annals__buf passed as userdata. */
int annals__buf_sink(const char *data, size_t len, void *userdata);

/* ----------------------------------------------------------------- vector */

/* A growable array of fixed-size elements (malloc-backed). */
typedef struct annals__vec {
    void *items;
    size_t n;
    size_t cap;
    size_t elem;
} annals__vec;

void annals__vec_init(annals__vec *v, size_t elem);
void annals__vec_dispose(annals__vec *v);
/* Append a zeroed element and return it, or NULL on OOM. */
void *annals__vec_push(annals__vec *v);
static inline void *annals__vec_at(const annals__vec *v, size_t i)
{
    return (char *)v->items + i * v->elem;
}

/* --------------------------------------------------------------- hash map */

/* Open-addressing map from byte strings to size_t values. Keys are copied.
 * Linear-probing, power-of-two capacity, FNV-1a hash. */
typedef struct annals__map {
    struct annals__map_slot *slots;
    size_t cap;
    size_t n;
} annals__map;

void annals__map_init(annals__map *m);
void annals__map_dispose(annals__map *m);
/* Insert or replace. */
annals_status annals__map_put(annals__map *m, const char *key, size_t len, size_t value);
/* Returns true and stores the value in *out if present. */
bool annals__map_get(const annals__map *m, const char *key, size_t len, size_t *out);
uint64_t annals__hash(const char *s, size_t len);

/* ------------------------------------------------------------- TSV tables */

/* Calls `row` for each non-blank, non-comment (#) line of a tab-separated
 * text with its fields (not NUL-terminated: spans) and 1-based line number.
 * At most ANNALS__TSV_MAX_FIELDS fields; a longer line is an error. Stops
 * and returns the first non-OK status a callback returns. */
#define ANNALS__TSV_MAX_FIELDS 16
typedef struct annals__field {
    const char *s;
    size_t len;
} annals__field;
typedef annals_status (*annals__tsv_row_fn)(void *ud, const annals__field *fields,
                                            size_t n_fields, unsigned line,
                                            annals_error *err);
annals_status annals__tsv_each(const char *text, size_t len, const char *name,
                               annals__tsv_row_fn row, void *ud, annals_error *err);

/* --------------------------------------------------------------- calendar */

/* Days since 1970-01-01 for a proleptic Gregorian date (any int32 year). */
int32_t annals__days_from_civil(int y, int m, int d);
void annals__civil_from_days(int32_t z, int *y, int *m, int *d);
bool annals__is_leap(int y);
int annals__days_in_month(int y, int m);
/* 0 = Monday ... 6 = Sunday. */
int annals__weekday(int32_t days);
/* ISO 8601 week-numbering year and week of a day. */
void annals__iso_week(int32_t days, int *iso_year, int *week);
/* Parse "YYYY-MM-DD" (optionally followed by T...): true on a valid date. */
bool annals__parse_ymd(const char *s, size_t len, int *y, int *m, int *d);
/* Format days as "YYYY-MM-DD" into buf (>= 11 bytes). */
void annals__format_day(int32_t days, char *buf);

#define ANNALS__NO_DAY INT32_MIN

/* Granularity of a date value: what its interval covers. */
typedef enum annals_precision {
    ANNALS_PREC_NONE = 0, /* unanchored or not a calendar date */
    ANNALS_PREC_TIME,     /* a clock time or part of a day */
    ANNALS_PREC_DAY,
    ANNALS_PREC_WEEK,     /* also weekends */
    ANNALS_PREC_MONTH,
    ANNALS_PREC_SEASON,
    ANNALS_PREC_QUARTER,
    ANNALS_PREC_HALF,
    ANNALS_PREC_YEAR,
    ANNALS_PREC_DECADE,
    ANNALS_PREC_CENTURY
} annals_precision;

/* "day", "week", ...; "none". */
const char *annals__precision_name(annals_precision p);
annals_precision annals__precision_from_name(const char *s);

/* ---------------------------------------------------------------- context */

/* Stage lexicons are opaque to each other; each stage owns its struct. */
struct annals__date_lex;
struct annals__entity_lex;
struct annals__event_lex;

struct annals_ctx {
    annals_options opts;
    struct annals__entity_lex *entities; /* entities/ */
    struct annals__event_lex *events;    /* events/ */
    struct annals__date_lex *dates;      /* dates/ word table */
    void *gvc;                           /* layout/: borrowed process-wide GVC_t *, set on first use */
};

/* Defined in layout/: releases ctx->gvc. The GVC_t itself is process-wide and
 * never freed (Graphviz 2.42 keeps a stale font pointer across contexts; see
 * docs/views.md), so this only forgets it. */
void annals__layout_ctx_free(void *gvc);

/* Stage lexicon lifetimes, called by ctx.c. `*_new` loads the compiled-in
 * tables; `*_load_row` takes one row of a run-time lexicon: fields[0] is
 * the table name, fields[1..] its columns. It returns ANNALS_EINVAL,
 * without touching err, if the stage does not own that table. */
annals_status annals__entity_lex_new(struct annals__entity_lex **out, annals_error *err);
void annals__entity_lex_free(struct annals__entity_lex *lex);
annals_status annals__entity_lex_load_row(struct annals__entity_lex *lex,
                                          const annals__field *fields, size_t n_fields,
                                          unsigned line, annals_error *err);
annals_status annals__date_lex_new(struct annals__date_lex **out, annals_error *err);
void annals__date_lex_free(struct annals__date_lex *lex);
annals_status annals__event_lex_new(struct annals__event_lex **out, annals_error *err);
void annals__event_lex_free(struct annals__event_lex *lex);
annals_status annals__event_lex_load_row(struct annals__event_lex *lex,
                                         const annals__field *fields, size_t n_fields,
                                         unsigned line, annals_error *err);

/* --------------------------------------------------------------- records */

/* Token flags. */
enum {
    ANNALS_TOK_WORD = 1u << 0,    /* letters (may contain digits, hyphens, apostrophes, periods of an abbreviation) */
    ANNALS_TOK_NUMBER = 1u << 1,  /* digits, maybe with , . separators: "27,000", "1.5", "2024" */
    ANNALS_TOK_PUNCT = 1u << 2,   /* one punctuation character (or a quote / dash code point) */
    ANNALS_TOK_CAP = 1u << 3,     /* first letter upper case */
    ANNALS_TOK_ALLCAPS = 1u << 4, /* every letter upper case, at least 2 letters */
    ANNALS_TOK_ABBREV = 1u << 5,  /* ends with a period that is part of it ("Gen.", "U.S.") */
    ANNALS_TOK_SENT_START = 1u << 6, /* first token of its sentence */
    ANNALS_TOK_HYPHEN = 1u << 7,  /* contains an internal hyphen ("al-Sisi", "four-month") */
    ANNALS_TOK_POSSESSIVE = 1u << 8, /* the "'s" / "’s" / "'" clitic token */
    ANNALS_TOK_QUOTE = 1u << 9,   /* a quotation mark (" “ ” ‘ ’ ') */
    ANNALS_TOK_DASH = 1u << 10,   /* - – — as a separate token */
    ANNALS_TOK_ALNUM = 1u << 11   /* mixes letters and digits ("F-16", "7th", "1990s") */
};

typedef struct annals__token {
    size_t start, end; /* byte span */
    unsigned flags;    /* ANNALS_TOK_* */
    uint32_t sentence; /* index of its sentence */
} annals__token;

/* Sentence flags. */
enum {
    ANNALS_SENT_BOILERPLATE = 1u << 0, /* web furniture: no events come from it */
    ANNALS_SENT_HEADLINE = 1u << 1,    /* the title line */
    ANNALS_SENT_DATELINE = 1u << 2,    /* starts with a dateline ("CAIRO, Feb 6 (Reuters) -") */
    ANNALS_SENT_PARA_START = 1u << 3,  /* first sentence of a paragraph (line) */
    ANNALS_SENT_QUOTE = 1u << 4,       /* begins inside a quotation */
    ANNALS_SENT_SPLIT = 1u << 5        /* cut at max_sentence_tokens */
};

typedef struct annals__sentence {
    size_t start, end;          /* byte span, trimmed of surrounding space */
    size_t tok_begin, tok_end;  /* token index range [begin, end) */
    unsigned flags;             /* ANNALS_SENT_* */
    uint32_t paragraph;         /* 0-based line-block index */
} annals__sentence;

typedef enum annals_timex_type {
    ANNALS_TIMEX_DATE = 0,
    ANNALS_TIMEX_TIME,
    ANNALS_TIMEX_DURATION,
    ANNALS_TIMEX_SET
} annals_timex_type;

const char *annals__timex_type_name(annals_timex_type t);
/* "person", "organization", "group", "country", "place". */
const char *annals__entity_kind_name(annals_entity_kind k);

typedef struct annals__timex {
    size_t start, end;          /* byte span */
    size_t tok_begin, tok_end;  /* token range */
    uint32_t sentence;
    annals_timex_type type;
    char value[40];             /* TIMEX3 value: "2024-02-06", "P4M", "XXXX-10-07", "PAST_REF" */
    char mod[16];               /* TIMEX3 mod or "" */
    const char *rule;           /* static string naming the rule that fired */
    const char *anchor;         /* arena string: "DCT 2024-02-06", "t3", "none" */
    int32_t earliest, latest;   /* calendar bounds as days, ANNALS__NO_DAY if none */
    annals_precision precision;
    bool anchored;              /* relative and resolved against a DCT/reference */
    bool relative;              /* needed an anchor (DCT or reference time) */
} annals__timex;

/* Mention flags. */
enum {
    ANNALS_MENTION_NAME = 1u << 0,      /* a proper name ("Antony Blinken", "Egypt") */
    ANNALS_MENTION_ADJ = 1u << 1,       /* demonym adjective ("Egyptian President", "Israeli offensive") */
    ANNALS_MENTION_METONYM = 1u << 2,   /* "Washington" for the US government */
    ANNALS_MENTION_TITLE = 1u << 3,     /* title-only reference ("the Secretary") */
    ANNALS_MENTION_DESCRIPTION = 1u << 4, /* "the militants", "Washington's top diplomat" */
    ANNALS_MENTION_PRONOUN = 1u << 5,
    ANNALS_MENTION_PLURAL = 1u << 6     /* "Israelis", "Israeli officials" */
};

typedef struct annals__mention {
    size_t start, end;          /* byte span of the whole mention */
    size_t tok_begin, tok_end;  /* token range */
    uint32_t sentence;
    uint32_t entity;            /* index into doc->entities */
    unsigned flags;             /* ANNALS_MENTION_* */
    const char *rule;           /* static string: why it was recognised/linked */
} annals__mention;

/* A string list in the document arena. */
typedef struct annals__strlist {
    const char **items;
    size_t n, cap;
} annals__strlist;

/* Append `s` (already arena-owned) unless an equal string is present. */
annals_status annals__strlist_add(annals__strlist *l, annals__arena *a, const char *s);

typedef struct annals__entity {
    annals_entity_kind kind;
    const char *name;           /* canonical name, arena */
    char country[4];            /* ISO 3166 alpha-3 or "" */
    annals__strlist aliases;    /* surface forms other than the name */
    annals__strlist roles;      /* "Secretary of State", "Crown Prince" */
    size_t first_mention;       /* index into doc->mentions of the first mention */
    size_t n_mentions;
    const char *explain;        /* arena, with ANNALS_OPT_EXPLAIN */
} annals__entity;

typedef enum annals_modality {
    ANNALS_MOD_ASSERTED = 0,
    ANNALS_MOD_NEGATED,
    ANNALS_MOD_PLANNED,
    ANNALS_MOD_HYPOTHETICAL,
    ANNALS_MOD_REPORTED
} annals_modality;

const char *annals__modality_name(annals_modality m);

#define ANNALS__MAX_ROLE 16

typedef struct annals__role {
    uint32_t ent[ANNALS__MAX_ROLE]; /* indices into doc->entities */
    size_t n;
} annals__role;

/* Add an entity to a role unless present; false if the role is full. */
bool annals__role_add(annals__role *r, uint32_t entity);

typedef struct annals__event {
    char code[5];               /* CAMEO code: 3 digits ("040") or a 4-digit refinement ("0871") */
    char root[3];               /* "04" */
    int quad;                   /* 0 verbal coop, 1 material coop, 2 verbal conflict, 3 material conflict (CAMEO quad class 1..4 minus 1) */
    double goldstein;
    const char *type;           /* static: "consult", "fight", ... */
    const char *label;          /* arena: "Antony Blinken meets Abdel Fattah al-Sisi" */
    annals__role source, target, participants, places;
    /* date */
    int timex;                  /* index into doc->timexes, -1 if none */
    char date_value[40];        /* TIMEX3 value or "" when undated */
    int32_t earliest, latest;   /* ANNALS__NO_DAY when undated */
    annals_precision precision;
    bool date_inferred;
    annals_modality modality;
    double confidence;          /* 0..1 */
    /* provenance */
    size_t trigger_start, trigger_end;
    uint32_t sentence;
    /* counts ("killed more than 27,000 people") */
    bool has_count;
    long long count_min, count_max;
    size_t count_start, count_end;
    const char *explain;        /* arena, with ANNALS_OPT_EXPLAIN */
} annals__event;

/* ------------------------------------------------------------- document */

struct annals_doc {
    annals_ctx *ctx;
    annals__arena arena;
    char *text;                 /* canonical text, NUL-terminated, in the arena */
    size_t len;
    /* metadata */
    const char *id, *source, *title, *url;
    char dct[11];               /* "YYYY-MM-DD" or "" */
    int32_t dct_day;            /* ANNALS__NO_DAY if none */
    annals_date_source date_source;
    bool narrative;             /* dates anchor on the text's own dates, not the DCT */
    size_t input_bytes;         /* bytes before canonicalisation */
    /* records (arrays of the structs above) */
    annals__vec tokens;         /* annals__token */
    annals__vec sentences;      /* annals__sentence */
    annals__vec timexes;        /* annals__timex, in text order */
    annals__vec entities;       /* annals__entity, in first-mention order */
    annals__vec mentions;       /* annals__mention, in text order */
    annals__vec events;         /* annals__event, in trigger order */
    annals__vec warnings;       /* annals_warning (messages in the arena) */
};

/* Append a warning (printf-style); OOM is reported. After
 * ANNALS__MAX_WARNINGS warnings one last "suppressed" warning is added and
 * the rest are dropped. */
#define ANNALS__MAX_WARNINGS 200
annals_status annals__warn(annals_doc *doc, size_t offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#define ANNALS__TOK(doc, i) ((annals__token *)annals__vec_at(&(doc)->tokens, (i)))
#define ANNALS__SENT(doc, i) ((annals__sentence *)annals__vec_at(&(doc)->sentences, (i)))
#define ANNALS__TIMEX(doc, i) ((annals__timex *)annals__vec_at(&(doc)->timexes, (i)))
#define ANNALS__ENTITY(doc, i) ((annals__entity *)annals__vec_at(&(doc)->entities, (i)))
#define ANNALS__MENTION(doc, i) ((annals__mention *)annals__vec_at(&(doc)->mentions, (i)))
#define ANNALS__EVENT(doc, i) ((annals__event *)annals__vec_at(&(doc)->events, (i)))

/* Token text helpers. */
static inline const char *annals__tok_ptr(const annals_doc *doc, const annals__token *t)
{
    return doc->text + t->start;
}
static inline size_t annals__tok_len(const annals__token *t)
{
    return t->end - t->start;
}
/* Case-insensitive (ASCII) comparison of token i with `word`. */
bool annals__tok_is(const annals_doc *doc, size_t i, const char *word);
/* Lower-case (ASCII) copy of bytes into buf (size cap, NUL-terminated,
 * truncated); returns the length written. */
size_t annals__lower(const char *s, size_t len, char *buf, size_t cap);

/* ----------------------------------------------------------------- stages */

/* Each stage: one entry point, reading and writing the document records. */
annals_status annals__ingest(annals_doc *doc, const char *text, size_t len,
                             annals_error *err);          /* core/ingest.c */
annals_status annals__tokenize(annals_doc *doc, annals_error *err); /* tokenize/ */
annals_status annals__dateline(annals_doc *doc, annals_error *err); /* dates/: DCT from a dateline when none given */
annals_status annals__dates(annals_doc *doc, annals_error *err);    /* dates/ */
annals_status annals__entities(annals_doc *doc, annals_error *err); /* entities/ */
annals_status annals__events(annals_doc *doc, annals_error *err);   /* events/ */

#endif
