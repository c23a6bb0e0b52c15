/* SPDX-License-Identifier: MIT */
/*
 * graph/graph.h - the structure behind annals_graph, shared with layout/ and
 * export/. graph.c is the only file that includes <igraph.h>; what the
 * views and writers need is copied out into the plain arrays below.
 *
 * A graph is a selection of the corpus (annals_selection) plus:
 *  - the multi-type graph: vertices for kept events, actors, places and
 *    dates; edges for roles (source/target/participant), places, dates,
 *    affiliations (a person's country) and chronology (event to next event);
 *  - the actor projection: actors linked when they take part in the same
 *    event, aggregated per pair, with degree, betweenness and communities.
 */
#ifndef ANNALS_GRAPH_INTERNAL_H
#define ANNALS_GRAPH_INTERNAL_H

#include "corpus/corpus.h"

typedef enum annals__vkind {
    ANNALS_V_EVENT = 0,
    ANNALS_V_ACTOR,
    ANNALS_V_PLACE,
    ANNALS_V_DATE
} annals__vkind;

typedef enum annals__ekind {
    ANNALS_E_SOURCE = 0,  /* actor -> event */
    ANNALS_E_TARGET,      /* event -> actor */
    ANNALS_E_PARTICIPANT, /* actor -- event */
    ANNALS_E_PLACE,       /* event -> place */
    ANNALS_E_DATE,        /* event -> date */
    ANNALS_E_AFFILIATION, /* person/organisation -> its country */
    ANNALS_E_NEXT         /* event -> chronologically next event */
} annals__ekind;

typedef struct annals__gvertex {
    annals__vkind kind;
    uint32_t ref; /* corpus event / entity index; for dates an index into date_values */
} annals__gvertex;

typedef struct annals__gedge {
    uint32_t from, to; /* vertex indices */
    annals__ekind kind;
} annals__gedge;

typedef enum annals__betweenness_mode {
    ANNALS_BETWEENNESS_EXACT = 0,
    ANNALS_BETWEENNESS_SAMPLED, /* from a seeded sample of source vertices, scaled */
    ANNALS_BETWEENNESS_SKIPPED
} annals__betweenness_mode;

/* One aggregated edge of the actor projection. */
typedef struct annals__actor_edge {
    uint32_t a, b; /* corpus entity indices, a < b */
    uint32_t n_events;
    uint32_t *events;  /* corpus event indices, chronological */
    int dominant_quad; /* the quad class most of those events have */
} annals__actor_edge;

struct annals_graph {
    const annals_corpus *corpus;
    annals_selection sel; /* strings copied (owned) */
    /* selection */
    uint32_t *events; /* kept corpus event indices, chronological (undated last, in text
                         order) */
    size_t n_events;
    uint32_t *actors; /* kept corpus entity indices that act in events (not places) */
    size_t n_actors;
    /* multi-type graph */
    annals__gvertex *vertices;
    size_t n_vertices;
    annals__gedge *edges;
    size_t n_edges;
    char **date_values; /* distinct event date values, sorted */
    size_t n_date_values;
    /* actor projection */
    annals__actor_edge *actor_edges;
    size_t n_actor_edges;
    /* metrics indexed by corpus entity index (size = corpus entity count);
     * -1 / 0.0 for entities not in the projection */
    double *degree;      /* number of distinct co-participants */
    double *betweenness; /* normalised to 0..1 */
    int32_t *community;  /* community id (0-based, ordered by first member), -1 if none */
    size_t n_communities;
    /* per corpus event: involvement-based salience used by --top */
    double *salience;
    /* --- added by graph/ (additive; see graph.c for the definitions) --- */
    /* per corpus entity: number of kept events it acts in (source, target
     * or participant); 0 for others. Ranks timeline lanes and groups. */
    uint32_t *involvement;
    /* per corpus entity: first and last day of its kept dated events,
     * ANNALS__NO_DAY if none (GEXF spells). */
    int32_t *first_day, *last_day;
    /* weakly connected components of the multi-type graph */
    size_t n_components;
    /* how betweenness was computed: exact, estimated from a sample of
     * source vertices (big projections), or skipped (all 0) beyond the
     * size budget; see graph.c */
    annals__betweenness_mode betweenness_mode;
    size_t betweenness_sources; /* source vertices used when SAMPLED */
    double modularity;          /* of the community partition, 0 if none */
};

/* The corpus event indices kept, the selection's actor matched, etc. are
 * above; these are the graph/ internals other folders may call. */

/* Display name of a date vertex value, e.g. "date:2024-02-06" for ids. */
#define ANNALS__DATE_ID_PREFIX "date:"

/* Build and destroy an igraph graph from `n_edges` (from, to) vertex pairs
 * under the library's igraph error handling: an igraph failure (a vertex id
 * out of range, say) becomes ANNALS_EGRAPH with igraph's message instead of
 * an abort. Used by annals_graph_new and by the tests of that mechanism. */
annals_status annals__graph_igraph_check(size_t n_vertices, const uint32_t *pairs,
                                         size_t n_edges, bool directed,
                                         annals_error *err);

/* The "main" actor of an event: its first source, else first target, else
 * first participant; UINT32_MAX if none. */
uint32_t annals__event_main_actor(const annals__cevent *ev);

/* Names of the vertex and edge kinds ("event", "actor", ...; "source", ...). */
const char *annals__vkind_name(annals__vkind k);
const char *annals__ekind_name(annals__ekind k);

#endif
