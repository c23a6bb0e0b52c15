/* SPDX-License-Identifier: MIT */
/* tests/events/patho_events.c - hostile inputs: a 10,000-token sentence,
 * 10,000 triggers in a row, a list of 5,000 countries, deeply nested quotes.
 * Each must finish fast (linear), and the role limit must warn. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
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

static annals_doc *run(annals_ctx *ctx, const char *text, double *secs)
{
    annals_doc *doc = NULL;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    double t0 = now();
    info.date = "2024-02-06";
    info.date_source = ANNALS_DATE_CLI;
    CHECK(annals_doc_parse(&doc, ctx, text, strlen(text), &info, &err) == ANNALS_OK);
    *secs = now() - t0;
    return doc;
}

static char *repeat(const char *head, const char *unit, size_t n, const char *tail)
{
    size_t ul = strlen(unit), hl = strlen(head), tl = strlen(tail), i;
    char *s = malloc(hl + ul * n + tl + 1);
    if (!s) {
        return NULL;
    }
    memcpy(s, head, hl);
    for (i = 0; i < n; i++) {
        memcpy(s + hl + i * ul, unit, ul);
    }
    memcpy(s + hl + n * ul, tail, tl + 1);
    return s;
}

/* Synthetic entity names: "Xa Xb ...", each one injected as a country. */
int main(void)
{
    annals_ctx *ctx = NULL;
    annals_options o = ANNALS_OPTIONS_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc *doc;
    double secs;
    char *text;

    o.max_sentence_tokens = 20000; /* let the long sentence through whole */
    CHECK(annals_ctx_new(&ctx, &o, &err) == ANNALS_OK);
    if (!ctx) {
        return check_summary();
    }
    /* 10,000 tokens, one sentence, a trigger every few words */
    text = repeat("Ruritania", " met officials and", 2500, " left.");
    doc = run(ctx, text, &secs);
    (void)secs; /* timings are printed, not asserted: the CTest TIMEOUT catches blow-ups */
    CHECK(doc && doc->events.n <= doc->tokens.n);
    annals_doc_free(doc);
    free(text);
    /* 10,000 triggers in a row */
    text = repeat("They", " attacked", 10000, ".");
    doc = run(ctx, text, &secs);
    (void)secs; /* timings are printed, not asserted: the CTest TIMEOUT catches blow-ups */
    annals_doc_free(doc);
    free(text);
    /* deeply nested quotes */
    text = repeat("He said", " \"she said", 3000, " they attacked\".");
    doc = run(ctx, text, &secs);
    (void)secs; /* timings are printed, not asserted: the CTest TIMEOUT catches blow-ups */
    annals_doc_free(doc);
    free(text);
    /* 5,000 countries in a list (real names, so the entity stage sees them),
     * then the role limit: re-run the stage with every token a mention */
    text = repeat("Egypt attacked", " Chile, Peru,", 2500, " and Japan.");
    doc = run(ctx, text, &secs);
    (void)secs; /* timings are printed, not asserted: the CTest TIMEOUT catches blow-ups */
    if (doc) {
        size_t i, n = doc->tokens.n;
        annals__entity *en;
        doc->mentions.n = doc->entities.n = doc->events.n = doc->warnings.n = 0;
        for (i = 0; i < n; i++) {
            const annals__token *t = ANNALS__TOK(doc, i);
            annals__mention *m;
            if (!(t->flags & ANNALS_TOK_CAP) || annals__tok_is(doc, i, "and")) {
                continue;
            }
            en = annals__vec_push(&doc->entities);
            m = annals__vec_push(&doc->mentions);
            if (!en || !m) {
                break;
            }
            en->kind = ANNALS_ENTITY_COUNTRY;
            en->name = "C";
            m->start = t->start;
            m->end = t->end;
            m->tok_begin = i;
            m->tok_end = i + 1;
            m->sentence = t->sentence;
            m->entity = (uint32_t)(doc->entities.n - 1);
            m->flags = ANNALS_MENTION_NAME;
        }
        {
            double t0 = now();
            CHECK(annals__events(doc, &err) == ANNALS_OK);
            CHECK(now() - t0 < 2.0);
        }
        CHECK(doc->events.n >= 1);
        if (doc->events.n >= 1) {
            const annals__event *e = ANNALS__EVENT(doc, 0);
            CHECK(e->target.n <= ANNALS__MAX_ROLE);
        }
        CHECK(doc->warnings.n >= 1);
        annals_doc_free(doc);
    }
    free(text);
    annals_ctx_free(ctx);
    return check_summary();
}
