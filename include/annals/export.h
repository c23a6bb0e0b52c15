/* SPDX-License-Identifier: MIT */
/*
 * annals/export.h - writers: annals/1 JSON, the timeline and relationship
 * views as DOT (before layout) and laid-out formats (SVG, PNG, PDF) through
 * Graphviz, and exchange formats. Every writer streams into an annals_sink;
 * the library does no file I/O.
 */
#ifndef ANNALS_EXPORT_H
#define ANNALS_EXPORT_H

#include "common.h"
#include "corpus.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags for annals_export_json(). */
enum {
    ANNALS_JSON_DEFAULT = 0,
    ANNALS_JSON_COMPACT = 1u << 0, /* one line, no indentation (JSON Lines) */
    ANNALS_JSON_EXPLAIN = 1u << 1  /* include the `explain` fields */
};

/**
 * Write `corpus` as one annals/1 JSON object. When `graph` is not NULL its
 * nodes, edges and actor metrics fill the "graph" member; otherwise it is
 * empty. Ids are stable for the same input. Output is deterministic and
 * ends with a newline (with ANNALS_JSON_COMPACT: exactly one line).
 *
 * @return ANNALS_OK; ANNALS_EIO if the sink stopped; ANNALS_ENOMEM.
 */
ANNALS_API annals_status annals_export_json(const annals_corpus *corpus,
                                            const annals_graph *graph, unsigned flags,
                                            annals_sink sink, void *userdata,
                                            annals_error *err);

/** The two views. */
typedef enum annals_view {
    ANNALS_VIEW_TIMELINE = 0,
    ANNALS_VIEW_RELATIONS
} annals_view;

/**
 * Write a view in `format`: "dot" is the graph before layout (our own,
 * deterministic output); "svg", "png", "pdf", "plain" and Graphviz's other
 * device names are laid out and rendered through gvc in-process.
 *
 * @return ANNALS_OK; ANNALS_EINVAL for an unknown format; ANNALS_ELAYOUT if
 *         Graphviz failed (its message is copied); ANNALS_EIO; ANNALS_ENOMEM.
 */
ANNALS_API annals_status annals_export_view(const annals_graph *graph, annals_view view,
                                            const char *format, annals_sink sink,
                                            void *userdata, annals_error *err);

/**
 * Write an exchange format of the graph or its events: "graphml", "gexf",
 * "timelinejs", "csv", "html".
 *
 * @return ANNALS_OK; ANNALS_EINVAL for an unknown format; ANNALS_EIO;
 *         ANNALS_ENOMEM; ANNALS_ELAYOUT for "html" if a view failed.
 */
ANNALS_API annals_status annals_export_format(const annals_graph *graph, const char *format,
                                              annals_sink sink, void *userdata,
                                              annals_error *err);

#ifdef __cplusplus
}
#endif

#endif
