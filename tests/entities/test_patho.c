/* SPDX-License-Identifier: MIT */
/* tests/entities/test_patho.c - hostile inputs for the entities stage:
 * ALL CAPS, no capitals, 100,000 capitalised words, long runs of names
 * and titles. No crash, bounded output, linear time (CTest TIMEOUT). */
#define _POSIX_C_SOURCE 200809L
#include "core/internal.h"

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static annals_doc *parse(annals_ctx *ctx, const char *text, size_t len)
{
    annals_doc *doc = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    info.date = "2024-02-06";
    info.date_source = ANNALS_DATE_CLI;
    if (annals_doc_parse(&doc, ctx, text, len, &info, &err) != ANNALS_OK) {
        fprintf(stderr, "parse: %s\n", err.message);
        return NULL;
    }
    return doc;
}

static char *repeat_words(const char *const *words, size_t nwords, size_t count, size_t *len)
{
    size_t cap = count * 16 + 16, n = 0, i;
    char *buf = malloc(cap);
    if (buf == NULL) {
        return NULL;
    }
    for (i = 0; i < count; i++) {
        const char *w = words[(i * 7 + i / 3) % nwords];
        size_t wl = strlen(w);
        if (n + wl + 2 >= cap) {
            break;
        }
        memcpy(buf + n, w, wl);
        n += wl;
        buf[n++] = ' ';
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

int main(void)
{
    static const char *const caps[] = {"Alpha", "Egypt", "President", "Washington", "Hamas",
                                       "Secretary", "Of", "State", "John", "Smith", "Gaza",
                                       "The", "Crown", "Prince", "Al-Sisi", "Bin", "He",
                                       "Iranian-Backed", "US", "Said"};
    static const char *const lower[] = {"the", "president", "met", "egypt", "in", "washington",
                                        "said", "he", "militants", "of"};
    static const char *const shout =
        "CAIRO, FEB 6 (REUTERS) - US SECRETARY OF STATE ANTONY BLINKEN MET EGYPTIAN "
        "PRESIDENT ABDEL FATTAH AL-SISI ON TUESDAY. HE SAID THE TALKS IN CAIRO WERE USEFUL. "
        "IS IT OVER? WHO KNOWS. MAY WAS WARM IN JORDAN AND CHAD.";
    annals_ctx *ctx = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc *doc;
    char *text;
    size_t len;
    double t0, dt;

    if (annals_ctx_new(&ctx, NULL, &err) != ANNALS_OK) {
        return 1;
    }
    /* ALL CAPS: names from the gazetteer still found, no garbage people */
    doc = parse(ctx, shout, strlen(shout));
    CHECK(doc != NULL);
    if (doc != NULL) {
        size_t i, persons = 0;
        bool egypt = false;
        for (i = 0; i < doc->entities.n; i++) {
            const annals__entity *e = ANNALS__ENTITY(doc, i);
            persons += e->kind == ANNALS_ENTITY_PERSON;
            egypt = egypt || strcmp(e->country, "EGY") == 0;
        }
        CHECK(egypt);
        CHECK(persons <= 3);
        annals_doc_free(doc);
    }
    /* no capitals at all */
    text = repeat_words(lower, sizeof lower / sizeof lower[0], 20000, &len);
    CHECK(text != NULL);
    doc = text ? parse(ctx, text, len) : NULL;
    CHECK(doc != NULL);
    if (doc != NULL) {
        CHECK_EQ_SIZE(doc->mentions.n, 0);
        annals_doc_free(doc);
    }
    free(text);
    /* 100,000 capitalised words in a row */
    text = repeat_words(caps, sizeof caps / sizeof caps[0], 100000, &len);
    CHECK(text != NULL);
    t0 = now();
    doc = text ? parse(ctx, text, len) : NULL;
    dt = now() - t0;
    CHECK(doc != NULL);
    printf("100,000 capitalised words: %zu bytes, %.3f s, %zu mentions, %zu entities\n", len,
           dt, doc ? doc->mentions.n : 0, doc ? doc->entities.n : 0);
    (void)dt; /* printed, not asserted: the CTest TIMEOUT catches blow-ups */
    if (doc != NULL) {
        CHECK(doc->mentions.n <= 100000);
        annals_doc_free(doc);
    }
    free(text);
    annals_ctx_free(ctx);
    return check_summary();
}
