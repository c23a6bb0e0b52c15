/* SPDX-License-Identifier: MIT */
/*
 * bench/bench_dates.c - throughput of the dates stage alone.
 *
 *   bench_dates [MB] [FILE] [RUNS]
 *
 * Builds >= MB megabytes (default 12) of news-like text by repeating our own
 * sample paragraph (or FILE), parses it once (ingest + tokenise + the rest of
 * the pipeline), then times annals__dates() alone over the tokenised
 * document, best of RUNS runs (default 5), and prints MB/s on one core.
 */
#define _POSIX_C_SOURCE 200809L
#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char sample[] =
    "CAIRO, Feb 6 (Reuters) - The foreign minister arrived in the capital on Tuesday for "
    "talks that officials said could lead to a six-week pause in the fighting. Envoys met "
    "in Paris nine days ago and will meet again next week, a spokesman said. The 2,000 "
    "troops deployed in March 2023 are expected to leave by the end of the year. Talks "
    "collapsed last month after a four-month stalemate, and the mediators plan to resume "
    "them on Friday at 3 p.m. local time. In 2015 the coalition launched strikes that "
    "lasted for more than two years; a year earlier the border had been closed. The "
    "council meets every Tuesday and publishes figures daily. Prices rose 3.5 percent in "
    "the third quarter, compared with the same period a year ago, the ministry said "
    "yesterday. The government currently expects growth to recover in early 2025.\n";

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    double mb = argc > 1 ? atof(argv[1]) : 12.0;
    const char *unit = sample;
    char *file = NULL;
    if (argc > 2) {
        FILE *f = fopen(argv[2], "rb");
        if (f == NULL) {
            fprintf(stderr, "bench_dates: cannot open %s\n", argv[2]);
            return 1;
        }
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        file = malloc((size_t)n + 2);
        if (file == NULL || fread(file, 1, (size_t)n, f) != (size_t)n) {
            fclose(f);
            free(file);
            return 1;
        }
        fclose(f);
        file[n] = '\n';
        file[n + 1] = '\0';
        unit = file;
    }
    size_t ul = strlen(unit), want = (size_t)(mb * 1024 * 1024);
    size_t reps = want / ul + 1, len = reps * ul;
    char *text = malloc(len + 1);
    if (text == NULL) {
        free(file);
        return 1;
    }
    for (size_t i = 0; i < reps; i++) {
        memcpy(text + i * ul, unit, ul);
    }
    text[len] = '\0';

    annals_options opts = ANNALS_OPTIONS_INIT;
    opts.max_input_bytes = len + 1024;
    annals_ctx *ctx = NULL;
    annals_doc *doc = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    info.date = "2024-02-06";
    if (annals_ctx_new(&ctx, &opts, &err) < 0 ||
        annals_doc_parse(&doc, ctx, text, len, &info, &err) < 0) {
        fprintf(stderr, "bench_dates: %s\n", err.message);
        return 1;
    }
    int runs = argc > 3 ? atoi(argv[3]) : 5;
    if (runs < 1) {
        runs = 1;
    }
    double best = 1e30;
    size_t found = 0;
    for (int run = 0; run < runs; run++) {
        doc->timexes.n = 0; /* the records are plain structs: reuse the vector */
        double t0 = now_s();
        if (annals__dates(doc, &err) < 0) {
            fprintf(stderr, "bench_dates: %s\n", err.message);
            return 1;
        }
        double t = now_s() - t0;
        found = doc->timexes.n;
        if (t < best) {
            best = t;
        }
    }
    double mbytes = (double)len / (1024.0 * 1024.0);
    printf("dates stage: %.1f MB, %zu tokens, %zu timexes, best of %d: %.3f s = %.1f MB/s\n",
           mbytes, doc->tokens.n, found, runs, best, mbytes / best);
    annals_doc_free(doc);
    annals_ctx_free(ctx);
    free(text);
    free(file);
    return 0;
}
