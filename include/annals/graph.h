/* SPDX-License-Identifier: MIT */
/*
 * annals/graph.h - the event graph (igraph): event, actor, place and date
 * vertices with role, place, date and chronological edges, plus the
 * actor-to-actor projection with centralities and communities.
 */
#ifndef ANNALS_GRAPH_H
#define ANNALS_GRAPH_H

#include "common.h"
#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct annals_graph annals_graph;

/**
 * Focus a view: which events of the corpus the graph and the views keep.
 * Strings are NUL-terminated and copied; NULL/0 means "no restriction".
 */
typedef struct annals_selection {
    const char *actor;      /* keep events involving this actor (name or alias) and its ego network */
    const char *from;       /* keep events whose date interval ends on or after this date */
    const char *to;         /* keep events whose date interval starts on or before this date */
    const char *roots;      /* comma-separated CAMEO roots, e.g. "18,19,20" */
    double min_confidence;  /* keep events with at least this confidence */
    size_t top;             /* keep the N most salient events; 0 = all */
    int keep_isolated;      /* keep actors that took part in no kept event */
} annals_selection;

#define ANNALS_SELECTION_INIT {NULL, NULL, NULL, NULL, 0.0, 0, 0}

/**
 * Build the graph of `corpus` restricted to `sel` (NULL = everything) and
 * compute degree and betweenness centrality and communities of the actor
 * projection. The corpus must outlive the graph.
 *
 * Stores a new graph in `*out`; free it with annals_graph_free().
 *
 * @return ANNALS_OK; ANNALS_EINVAL for a malformed selection;
 *         ANNALS_EGRAPH (igraph failed; the message says why); ANNALS_ENOMEM.
 */
ANNALS_API annals_status annals_graph_new(annals_graph **out, const annals_corpus *corpus,
                                          const annals_selection *sel, annals_error *err);

/** Free a graph; NULL is a no-op. */
ANNALS_API void annals_graph_free(annals_graph *graph);

ANNALS_API size_t annals_graph_vertex_count(const annals_graph *graph);
ANNALS_API size_t annals_graph_edge_count(const annals_graph *graph);

#ifdef __cplusplus
}
#endif

#endif
