/* SPDX-License-Identifier: MIT */
/*
 * bench/bench_events.c - throughput of the whole extraction (ingest,
 * tokenize, dates, entities, events) on >= 10 MB of news-like articles, and
 * of the events stage alone on the same documents.
 *
 *   bench_events [MB] [FILE]   FILE: a text file used as the article
 *                              (default: articles generated from our own
 *                              sentence templates below)
 */
#define _POSIX_C_SOURCE 200809L
#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *const sentences[] = {
    "Foreign ministers of Egypt and Jordan met in Cairo on Monday to discuss the crisis.",
    "The United States launched airstrikes on militant positions in Syria last weekend.",
    "Israel's refusal to accept the proposal was criticized by Qatar on Tuesday.",
    "According to local officials, at least 12 people were killed in the attack.",
    "The Prime Minister will fly to Brussels next week for talks with European leaders.",
    "Turkey threatened to impose sanctions on Greece, a government spokesman said.",
    "Protesters blocked roads near the parliament in Nairobi on Sunday.",
    "Russia and China signed a trade agreement in Beijing last month.",
    "The French president praised the ceasefire between Armenia and Azerbaijan.",
    "Police arrested 40 demonstrators in Istanbul after the rally, witnesses said.",
    "Iran denied that it had supplied weapons to the rebels.",
    "The talks collapsed after the delegation from Sudan walked out on Friday.",
};

int main(int argc, char **argv)
{
    double mb = argc > 1 ? atof(argv[1]) : 12.0;
    size_t target = (size_t)(mb * 1024 * 1024), done = 0, ndocs = 0, nev = 0, k = 0;
    char *art = NULL;
    size_t alen = 0;
    annals_ctx *ctx = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    double t_all = 0, t_ev = 0;

    if (argc > 2) {
        FILE *f = fopen(argv[2], "rb");
        long n;
        if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0) {
            fprintf(stderr, "cannot read %s\n", argv[2]);
            return 1;
        }
        rewind(f);
        art = malloc((size_t)n + 1);
        alen = art ? fread(art, 1, (size_t)n, f) : 0;
        fclose(f);
    } else {
        /* a 3-4 KB article: headline + 30 sentences in paragraphs */
        size_t cap = 8192, i;
        art = malloc(cap);
        if (!art) {
            return 1;
        }
        alen = (size_t)snprintf(art, cap, "Diplomats meet as the regional crisis deepens\n");
        for (i = 0; i < 30; i++) {
            const char *s = sentences[(i * 7) % (sizeof sentences / sizeof *sentences)];
            alen += (size_t)snprintf(art + alen, cap - alen, "%s%s", s, i % 3 == 2 ? "\n" : " ");
        }
    }
    if (!art || annals_ctx_new(&ctx, NULL, &err) != ANNALS_OK) {
        fprintf(stderr, "setup failed\n");
        return 1;
    }
    info.date = "2024-02-06";
    info.date_source = ANNALS_DATE_CLI;
    while (done < target) {
        annals_doc *doc = NULL;
        double t0 = now(), t1;
        if (annals_doc_parse(&doc, ctx, art, alen, &info, &err) != ANNALS_OK) {
            fprintf(stderr, "parse failed: %s\n", err.message);
            return 1;
        }
        t1 = now();
        t_all += t1 - t0;
        nev += doc->events.n;
        /* the events stage alone, on the same records */
        doc->events.n = 0;
        t0 = now();
        annals__events(doc, &err);
        t_ev += now() - t0;
        annals_doc_free(doc);
        done += alen;
        ndocs++;
        k++;
    }
    printf("documents %zu, %.1f MB, events %zu\n", ndocs, (double)done / 1048576.0, nev);
    printf("whole extraction: %.2f s, %.1f MB/s\n", t_all, (double)done / 1048576.0 / t_all);
    printf("events stage alone: %.2f s, %.1f MB/s\n", t_ev, (double)done / 1048576.0 / t_ev);
    annals_ctx_free(ctx);
    free(art);
    return 0;
}
