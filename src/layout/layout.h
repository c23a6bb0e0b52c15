/* SPDX-License-Identifier: MIT */
/*
 * layout/layout.h - the two views (timeline, relationship diagram) and the
 * HTML report. layout/ is the only folder that includes <gvc.h>/<cgraph.h>:
 * everything Graphviz-specific (error callback, plugin context, the
 * gvRenderData signature of 2.42, teardown order) stays behind this header.
 *
 * Both views are built as cgraph graphs:
 *  - the timeline is laid out by our own code (timeline.c): every node is
 *    pinned, Graphviz only draws it (engine "nop2", i.e. neato -n2);
 *  - the relationship diagram (relations.c) is laid out by a Graphviz
 *    engine chosen by size (fdp with community clusters, sfdp, or our own
 *    pinned community grid above a size budget).
 * "dot" output is the graph before Graphviz layout, written by agwrite
 * through an I/O discipline into the caller's sink: deterministic, golden.
 */
#ifndef ANNALS_LAYOUT_H
#define ANNALS_LAYOUT_H

#include "annals/export.h"
#include "graph/graph.h"

#include <stdbool.h>

/* Called by ctx.c when the context is freed. The GVC_t is shared by every
 * context of the process and deliberately not freed (a Graphviz 2.42
 * use-after-free across contexts, see layout.c), so this only forgets it. */
void annals__layout_ctx_free(void *gvc);

/* Width in points of `len` bytes of UTF-8 `s` set in DejaVu Sans (or
 * DejaVu Sans Bold) at `size` points, from the compiled-in advance widths
 * of tools/gen_font_metrics.py (no kerning; unknown glyphs count as 0.6em,
 * wide East Asian ones as 1em). */
double annals__text_width(const char *s, size_t len, double size, bool bold);

/* Write `graph`'s view in `format` (see annals_export_view). */
annals_status annals__view_write(const annals_graph *graph, annals_view view,
                                 const char *format, annals_sink sink, void *userdata,
                                 annals_error *err);

/* Write report.html: one self-contained page (no network) with both SVGs
 * inline, the event table with filters and the source sentences. */
annals_status annals__export_html(const annals_graph *graph, annals_sink sink,
                                  void *userdata, annals_error *err);

/* ------------------------------------------------- timeline layout (tests) */

/* A box in page coordinates: points, origin top left, y down. */
typedef struct annals__box {
    double x0, y0, x1, y1;
} annals__box;

typedef enum annals__tl_kind {
    ANNALS_TL_TEXT = 0,  /* a label: event label, tick, lane name, legend, title */
    ANNALS_TL_MARK,      /* an event's mark (point events) */
    ANNALS_TL_BAR,       /* an event's mark drawn as a range bar (vague dates) */
    ANNALS_TL_DOT,       /* a participant's secondary mark in another lane */
    ANNALS_TL_BAND,      /* lane / band background */
    ANNALS_TL_TICK,      /* axis tick */
    ANNALS_TL_AXIS,      /* axis line segment (one per piece) */
    ANNALS_TL_BREAK,     /* a collapsed gap on the axis */
    ANNALS_TL_POINT,     /* invisible anchor for a line */
    ANNALS_TL_KEY,       /* legend swatch */
    ANNALS_TL_TAIL       /* a fading step beyond a bar cut where the axis skips time */
} annals__tl_kind;

/* Item flags. */
enum {
    ANNALS_TL_BOLD = 1u << 0,
    ANNALS_TL_MUTED = 1u << 1,   /* grey text */
    ANNALS_TL_SMALL = 1u << 2,
    ANNALS_TL_TITLE = 1u << 3,
    ANNALS_TL_EVENT_LABEL = 1u << 4,
    ANNALS_TL_UNDATED = 1u << 5,
    ANNALS_TL_ALT = 1u << 6,     /* alternate band shade */
    ANNALS_TL_CLIP_L = 1u << 7,  /* BAR: the interval starts before the drawn stretch */
    ANNALS_TL_CLIP_R = 1u << 8   /* BAR: the interval ends after the drawn stretch */
};

typedef struct annals__tl_item {
    annals__tl_kind kind;
    annals__box box;
    unsigned flags;
    int32_t event;     /* corpus event index, -1 if none */
    int quad;          /* marks, bars, keys: 0..3; -1 = none */
    int modality;      /* annals_modality for marks/keys, -1 = none */
    double font;       /* text size in points */
    int fade;          /* TAIL: 1..TL_TAIL_STEPS, the farther from the bar the fainter */
    char *text;        /* TEXT: the text (malloc'd, UTF-8, unescaped) */
} annals__tl_item;

/* A straight line between two items' centres (connectors, leaders, breaks). */
typedef enum annals__tl_line_kind {
    ANNALS_TL_CONNECT = 0, /* multi-party connector between lanes */
    ANNALS_TL_LEADER,      /* label to its mark */
    ANNALS_TL_RULE         /* axis, break strokes */
} annals__tl_line_kind;

typedef struct annals__tl_line {
    size_t a, b;           /* item indices */
    annals__tl_line_kind kind;
} annals__tl_line;

typedef struct annals__timeline {
    annals__tl_item *items;
    size_t n_items, cap_items;
    annals__tl_line *lines;
    size_t n_lines, cap_lines;
    double width, height;  /* page size in points, every item inside */
    size_t n_lanes;
    size_t n_pieces;       /* axis pieces (n_pieces - 1 breaks) */
    size_t n_labelled;     /* events whose label is shown */
    size_t n_undated;
    size_t n_undated_rows; /* rows the undated band wraps into */
    size_t n_clipped;      /* bars cut at a collapsed stretch of the axis */
} annals__timeline;

/* Lay out the timeline of `graph`. Deterministic; O(n log n) in events
 * (one sort), everything else linear. */
annals_status annals__timeline_layout(annals__timeline **out, const annals_graph *graph,
                                      annals_error *err);
void annals__timeline_free(annals__timeline *tl);

/* ------------------------------------------- shared helpers (layout/ only) */

/* Escape text for a Graphviz string attribute (label, tooltip): "&" as
 * "&amp;" (Graphviz decodes entities in plain labels), "\" doubled (no
 * \N \n \l escapes survive), C0 controls and DEL as spaces, and, when
 * `max_bytes` > 0, cut at a UTF-8 boundary with "…". Appends to `b`. */
annals_status annals__gv_escape(annals__buf *b, const char *s, size_t len, size_t max_bytes);

/* "e3", "a12": the JSON ids of corpus events / entities. */
void annals__event_id(char *buf, size_t cap, uint32_t event);
void annals__actor_id(char *buf, size_t cap, uint32_t entity);

/* The quad class colours (4), shared by both views and the report. */
const char *annals__quad_color(int quad);
const char *annals__quad_label(int quad);
const char *annals__modality_label(int modality);
const char *annals__kind_label(int kind);

/* "6 Feb 2024", "c. Feb 2024", "c. 3–4 Feb 2024", "undated". */
void annals__event_date_text(const annals__cevent *ev, char *buf, size_t cap);

#endif
