/* SPDX-License-Identifier: MIT */
/*
 * bench/bench_views.c - time and peak memory of the two views on synthetic
 * corpora (tests/views/synth.c) of 100, 1,000, 10,000 and 100,000 events.
 * Each size runs in its own process so peak RSS is per size.
 *
 *   bench_views                 all sizes, one line each
 *   bench_views EVENTS ACTORS [ENGINE]   one size (ENGINE: sfdp, fdp, ...)
 *
 * Targets (issue 6): timeline of 10,000 events <= 3 s; relationship
 * diagram of 10,000 actors <= 10 s on one core.
 */
#define _POSIX_C_SOURCE 200809L
#include "synth.h"
#include "graph/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int count_sink(const char *data, size_t len, void *ud)
{
    (void)data;
    *(size_t *)ud += len;
    return 0;
}

static int one(size_t n_events, size_t n_actors, const char *engine)
{
    annals__buf json = ANNALS__BUF_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    annals_options opts = ANNALS_OPTIONS_INIT;
    annals_ctx *ctx = NULL;
    annals_corpus *corpus = NULL;
    annals_graph *graph = NULL;
    size_t tl_bytes = 0, rel_bytes = 0;
    double t0, t1, t2, t3;
    struct rusage ru;
    int rc = 1;

    opts.layout_engine = engine;
    if (synth_json(&json, n_events, n_actors, 3u, false) != ANNALS_OK ||
        annals_ctx_new(&ctx, &opts, &err) != ANNALS_OK ||
        annals_corpus_new(&corpus, ctx, &err) != ANNALS_OK) {
        goto done;
    }
    t0 = now();
    if (annals_corpus_load_json(corpus, json.ptr, json.len, "synthetic", &err) != ANNALS_OK ||
        annals_graph_new(&graph, corpus, NULL, &err) != ANNALS_OK) {
        goto done;
    }
    t1 = now();
    if (annals_export_view(graph, ANNALS_VIEW_TIMELINE, "svg", count_sink, &tl_bytes, &err) !=
        ANNALS_OK) {
        goto done;
    }
    t2 = now();
    if (annals_export_view(graph, ANNALS_VIEW_RELATIONS, "svg", count_sink, &rel_bytes, &err) !=
        ANNALS_OK) {
        goto done;
    }
    t3 = now();
    getrusage(RUSAGE_SELF, &ru);
    printf("%8zu %8zu %8zu %10.2f %11.2f %11.2f %10.1f %9.1f %9.1f  %s\n", graph->n_events,
           graph->n_actors, graph->n_actor_edges, t1 - t0, t2 - t1, t3 - t2,
           (double)ru.ru_maxrss / 1024.0, (double)tl_bytes / 1e6, (double)rel_bytes / 1e6,
           engine != NULL ? engine : "auto");
    rc = 0;
done:
    if (rc != 0) {
        fprintf(stderr, "bench_views: %s\n", err.message);
    }
    annals_graph_free(graph);
    annals_corpus_free(corpus);
    annals_ctx_free(ctx);
    annals__buf_dispose(&json);
    return rc;
}

int main(int argc, char **argv)
{
    static const size_t sizes[][2] = {
        {100, 50}, {1000, 1000}, {10000, 10000}, {100000, 20000}};
    if (argc >= 3) {
        return one((size_t)strtoul(argv[1], NULL, 10), (size_t)strtoul(argv[2], NULL, 10),
                   argc >= 4 ? argv[3] : NULL);
    }
    printf("  events   actors    links  graph (s) timeline(s) relations(s)  peakRSS(MB)"
           " tl.svg(MB) rel.svg(MB) engine\n");
    fflush(stdout);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            char a[32], b[32];
            snprintf(a, sizeof a, "%zu", sizes[i][0]);
            snprintf(b, sizeof b, "%zu", sizes[i][1]);
            execl("/proc/self/exe", argv[0], a, b, (char *)NULL);
            _exit(127);
        }
        if (pid > 0) {
            int st = 0;
            waitpid(pid, &st, 0);
        }
    }
    return 0;
}
