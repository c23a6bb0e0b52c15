/* SPDX-License-Identifier: MIT */
/*
 * tests/views/test_views_big.c - the timeline of 10,000 events and the
 * relationship diagram of 1,500 actors (the pinned layout) under a CTest TIMEOUT: layout and
 * SVG within budget, one mark per event, no overlapping labels.
 */
#include "check.h"
#include "synth.h"
#include "views_check.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void run(size_t n_events, size_t n_actors, annals_view view)
{
    annals__buf json = ANNALS__BUF_INIT, svg = ANNALS__BUF_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    annals_ctx *ctx = NULL;
    annals_corpus *corpus = NULL;
    annals_graph *graph = NULL;
    annals__timeline *tl = NULL;
    double t0, t1;

    if (synth_json(&json, n_events, n_actors, 11u, false) != ANNALS_OK ||
        annals_ctx_new(&ctx, NULL, &err) != ANNALS_OK ||
        annals_corpus_new(&corpus, ctx, &err) != ANNALS_OK ||
        annals_corpus_load_json(corpus, json.ptr, json.len, "synthetic", &err) != ANNALS_OK ||
        annals_graph_new(&graph, corpus, NULL, &err) != ANNALS_OK) {
        check_fail(__FILE__, __LINE__, "fixture: %s", err.message);
        goto done;
    }
    t0 = now();
    CHECK(annals_export_view(graph, view, "svg", annals__buf_sink, &svg, &err) == ANNALS_OK);
    t1 = now();
    printf("%s: %zu events, %zu actors: svg %.2f s, %zu bytes\n",
           view == ANNALS_VIEW_TIMELINE ? "timeline" : "relations", graph->n_events,
           graph->n_actors, t1 - t0, svg.len);
    if (view == ANNALS_VIEW_TIMELINE) {
        /* Speed is measured in bench/bench_views, not asserted here; the CTest
         * TIMEOUT catches a hang or quadratic blow-up. */
        CHECK(annals__timeline_layout(&tl, graph, &err) == ANNALS_OK);
        if (tl != NULL) {
            size_t marks = 0;
            for (size_t i = 0; i < tl->n_items; i++) {
                marks += tl->items[i].kind == ANNALS_TL_MARK || tl->items[i].kind == ANNALS_TL_BAR;
            }
            CHECK_EQ_SIZE(marks, graph->n_events);
            CHECK_EQ_SIZE(timeline_overlaps(tl), 0);
        }
        if (svg.ptr != NULL) {
            CHECK_EQ_SIZE(count_str(svg.ptr, "class=\"node event"), graph->n_events);
        }
    }
    if (svg.ptr != NULL) {
        char why[160];
        CHECK(xml_well_formed(svg.ptr, svg.len, why, sizeof why));
    }
done:
    annals__timeline_free(tl);
    annals_graph_free(graph);
    annals_corpus_free(corpus);
    annals_ctx_free(ctx);
    annals__buf_dispose(&json);
    annals__buf_dispose(&svg);
}

int main(void)
{
    run(10000, 400, ANNALS_VIEW_TIMELINE);
    run(3000, 1500, ANNALS_VIEW_RELATIONS);
    return check_summary();
}
