/* SPDX-License-Identifier: MIT */
/*
 * corpus/corpus.h - the merged data model shared by corpus/, graph/,
 * layout/ and export/: documents, entities, timexes and events copied out
 * of annals_doc (or read back from annals/1 JSON), with mentions that name
 * their document by index. Nothing here points into a document.
 *
 * Order and ids are deterministic: documents in the order added; entities
 * by first mention (document index, then offset), ties by name; timexes and
 * events in (document, offset) order. Exported ids are "d<i+1>", "a<i+1>",
 * "t<i+1>", "e<i+1>" over these arrays.
 */
#ifndef ANNALS_CORPUS_INTERNAL_H
#define ANNALS_CORPUS_INTERNAL_H

#include "core/internal.h"

typedef struct annals__cdoc {
    char *id;            /* caller's id or "d<N>" */
    char *source;        /* may be NULL */
    char *date;          /* DCT "YYYY-MM-DD" or NULL */
    annals_date_source date_source;
    char *title, *url;   /* may be NULL */
    size_t bytes;
    bool narrative;
    int32_t duplicate_of; /* index of the document this one copies (syndication), or -1 */
    annals__vec warnings; /* annals_warning, messages malloc'd */
} annals__cdoc;

typedef struct annals__cmention {
    uint32_t doc;
    size_t start, end;
} annals__cmention;

typedef struct annals__centity {
    annals_entity_kind kind;
    char *name;
    char country[4];
    annals__vec aliases;  /* char * (malloc'd), sorted as first seen */
    annals__vec roles;    /* char * */
    annals__vec mentions; /* annals__cmention */
    char *explain;        /* may be NULL */
    /* metrics of the actor projection, filled by graph/ on export */
} annals__centity;

typedef struct annals__ctimex {
    uint32_t doc;
    size_t start, end;
    char *text;
    annals_timex_type type;
    char value[40];
    char mod[16];
    char *rule;
    char *anchor;
    int32_t earliest, latest;
    annals_precision precision;
} annals__ctimex;

typedef struct annals__cevmention {
    uint32_t doc;
    size_t start, end;           /* trigger */
    char *trigger;
    size_t sentence_start, sentence_end;
    char *sentence;              /* the sentence text (tooltips, reports) */
} annals__cevmention;

/* A list of corpus entity indices. */
typedef struct annals__idlist {
    uint32_t *ids;
    size_t n, cap;
} annals__idlist;

annals_status annals__idlist_add(annals__idlist *l, uint32_t id); /* unless present */
bool annals__idlist_has(const annals__idlist *l, uint32_t id);
void annals__idlist_dispose(annals__idlist *l);

typedef struct annals__cevent {
    char code[5];                /* CAMEO code, 3 or 4 digits */
    char root[3];
    int quad;                    /* 0..3: verbal coop, material coop, verbal conflict, material conflict */
    double goldstein;
    char *type;
    char *label;
    annals__idlist source, target, participants, places;
    char date_value[40];         /* "" when undated */
    int32_t earliest, latest;    /* ANNALS__NO_DAY when undated */
    annals_precision precision;
    int32_t timex;               /* corpus timex index or -1 */
    bool inferred;
    annals_modality modality;
    double confidence;
    bool has_count;
    long long count_min, count_max;
    char *count_text;
    annals__vec mentions;        /* annals__cevmention */
    annals__vec disagreements;   /* char * notes ("count: 27000 vs 26000") */
    char *explain;
} annals__cevent;

struct annals_corpus {
    annals_ctx *ctx;
    annals__vec docs;      /* annals__cdoc */
    annals__vec entities;  /* annals__centity */
    annals__vec timexes;   /* annals__ctimex */
    annals__vec events;    /* annals__cevent */
    annals__map entity_index; /* "kind\tname" -> entity index */
    annals__map sentence_index; /* sentence text hash -> first document index (syndication) */
};

#define ANNALS__CDOC(c, i) ((annals__cdoc *)annals__vec_at(&(c)->docs, (i)))
#define ANNALS__CENTITY(c, i) ((annals__centity *)annals__vec_at(&(c)->entities, (i)))
#define ANNALS__CTIMEX(c, i) ((annals__ctimex *)annals__vec_at(&(c)->timexes, (i)))
#define ANNALS__CEVENT(c, i) ((annals__cevent *)annals__vec_at(&(c)->events, (i)))

bool annals__entity_kind_from_name(const char *s, annals_entity_kind *out);
const char *annals__quad_name(int quad); /* "verbal cooperation", ... */

/* Find or create the corpus entity with this identity; returns its index
 * in *out. Strings are copied. */
annals_status annals__corpus_entity(annals_corpus *c, annals_entity_kind kind,
                                    const char *name, const char *country, uint32_t *out,
                                    annals_error *err);

/* Helpers for filling a corpus (corpus.c, export/json_read.c). Strings are
 * copied; duplicates are ignored. */
annals_status annals__centity_add_alias(annals__centity *e, const char *s);
annals_status annals__centity_add_role(annals__centity *e, const char *s);
annals_status annals__centity_add_mention(annals__centity *e, uint32_t doc, size_t start,
                                          size_t end);
/* Push a new, zeroed document / event / timex (vectors initialised, ids -1
 * where they are indices); NULL on OOM. */
annals__cdoc *annals__corpus_push_doc(annals_corpus *c);
annals__cevent *annals__corpus_push_event(annals_corpus *c);
annals__ctimex *annals__corpus_push_timex(annals_corpus *c);
char *annals__strdup(const char *s); /* malloc'd copy; NULL for NULL */

/* Merge the events [first, n) into earlier events they duplicate (same CAMEO
 * root, overlapping actors, compatible places, overlapping date intervals or
 * both undated, compatible modality; see corpus.c), and within that range
 * into each other. Merged events are removed and the survivors keep every
 * mention. Deterministic. (Syndicated copies are marked earlier, by
 * annals_corpus_add_doc, from the documents' sentences.) */
annals_status annals__corpus_finish(annals_corpus *c, size_t first_event, annals_error *err);

/* Number of distinct documents reporting an event, syndicated copies not
 * counted: the evidence behind its salience. */
size_t annals__cevent_sources(const annals_corpus *c, const annals__cevent *ev);

#endif
