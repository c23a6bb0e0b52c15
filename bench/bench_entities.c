/* SPDX-License-Identifier: MIT */
/*
 * bench/bench_entities.c - entities-stage throughput on one core.
 *
 * usage: bench_entities [FILE|-] [REPEAT] [RUNS]
 *
 * FILE ("-" or none: a built-in news-style text written by us) is
 * concatenated REPEAT times (default 1) into one document, parsed once
 * (ingest, tokenize, dates, entities, events); then annals__entities()
 * alone is run RUNS times (default 2222) over the same records, like
 * extracting RUNS articles of that size. Prints the stage's MB/s.
 */
#define _POSIX_C_SOURCE 200809L
#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char sample[] =
    "CAIRO, Feb 6 (Newswire) - US Secretary of State Jane Corwell held talks with Egyptian "
    "President Hosni Farag on Tuesday before flying to Doha, as Washington pushed for a pause "
    "in the fighting between Israel and Hamas in the Gaza Strip.\n"
    "Corwell met Saudi Crown Prince Mohammed bin Salman in Riyadh on Monday. The Secretary and "
    "the Crown Prince discussed attacks by Iran-backed Houthi rebels in the Red Sea, the "
    "State Department said.\n"
    "At the Pentagon, press secretary Major General Patrick Ryder said American forces had "
    "struck targets in Iraq and Syria linked to Iran's Revolutionary Guards. He said more "
    "strikes would follow.\n"
    "Israeli officials said the offensive would go on; the militants said they were studying "
    "the proposal, which officials from Qatar, Egypt and the United States drafted in Paris.\n";

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: fair on a busy machine */
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    long n;
    char *buf;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
        if (f) {
            fclose(f);
        }
        return NULL;
    }
    rewind(f);
    buf = malloc((size_t)n + 1);
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

int main(int argc, char **argv)
{
    size_t unit_len = sizeof sample - 1, len, i;
    char *unit = NULL, *text;
    long repeat = 1, runs = 2222, r;
    annals_ctx *ctx = NULL;
    annals_doc *doc = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    double t0, dt;

    if (argc > 1 && strcmp(argv[1], "-") != 0) {
        unit = slurp(argv[1], &unit_len);
        if (unit == NULL) {
            fprintf(stderr, "%s: cannot read\n", argv[1]);
            return 1;
        }
    }
    if (argc > 2) {
        repeat = atol(argv[2]);
    }
    if (argc > 3) {
        runs = atol(argv[3]);
    }
    if (runs < 1) {
        runs = 1;
    }
    if (repeat < 1) {
        repeat = 1;
    }
    len = unit_len * (size_t)repeat + (size_t)repeat;
    text = malloc(len + 1);
    if (text == NULL) {
        return 1;
    }
    for (i = 0; i < (size_t)repeat; i++) {
        memcpy(text + i * (unit_len + 1), unit ? unit : sample, unit_len);
        text[i * (unit_len + 1) + unit_len] = '\n';
    }
    info.date = "2024-02-06";
    info.date_source = ANNALS_DATE_CLI;
    if (annals_ctx_new(&ctx, NULL, &err) != ANNALS_OK ||
        annals_doc_parse(&doc, ctx, text, len, &info, &err) != ANNALS_OK) {
        fprintf(stderr, "setup: %s\n", err.message);
        return 1;
    }
    t0 = now();
    for (r = 0; r < runs; r++) {
        doc->entities.n = 0;
        doc->mentions.n = 0;
        if (annals__entities(doc, &err) != ANNALS_OK) {
            fprintf(stderr, "entities: %s\n", err.message);
            return 1;
        }
    }
    dt = now() - t0;
    printf("entities stage: %zu bytes x %ld runs, %zu tokens, %zu mentions, %zu entities: "
           "%.3f s, %.1f MB/s\n",
           len, runs, doc->tokens.n, doc->mentions.n, doc->entities.n, dt,
           (double)len * (double)runs / dt / 1e6);
    annals_doc_free(doc);
    annals_ctx_free(ctx);
    free(text);
    free(unit);
    return 0;
}
