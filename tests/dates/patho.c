/* SPDX-License-Identifier: MIT */
/*
 * tests/dates/patho.c - hostile input for the dates stage: 10 MB of
 * "Monday Monday ...", digit soup, impossible dates, huge years, mixed
 * scripts. Asserts no crash, bounded time (CTest TIMEOUT) and that
 * impossible dates are rejected rather than normalised.
 */
#include "core/internal.h"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static annals_doc *parse(annals_ctx *ctx, const char *text, size_t len, const char *dct)
{
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    info.date = dct;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc *doc = NULL;
    annals_status rc = annals_doc_parse(&doc, ctx, text, len, &info, &err);
    CHECK(rc == ANNALS_OK);
    return doc;
}

static bool has_value(const annals_doc *doc, const char *v)
{
    for (size_t i = 0; i < doc->timexes.n; i++) {
        if (strcmp(ANNALS__TIMEX(doc, i)->value, v) == 0) {
            return true;
        }
    }
    return false;
}

static bool has_text(const annals_doc *doc, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < doc->timexes.n; i++) {
        const annals__timex *t = ANNALS__TIMEX(doc, i);
        if (t->end - t->start == n && memcmp(doc->text + t->start, s, n) == 0) {
            return true;
        }
    }
    return false;
}

/* Repeat `unit` into a buffer of about `size` bytes. */
static char *repeat(const char *unit, size_t size, size_t *len)
{
    size_t ul = strlen(unit), n = size / ul;
    char *b = malloc(n * ul + 1);
    if (b == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        memcpy(b + i * ul, unit, ul);
    }
    b[n * ul] = '\0';
    *len = n * ul;
    return b;
}

static double seconds(clock_t a, clock_t b)
{
    return (double)(b - a) / CLOCKS_PER_SEC;
}

int main(void)
{
    annals_ctx *ctx = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    if (annals_ctx_new(&ctx, NULL, &err) < 0) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    const size_t big = 10u << 20;
    static const char *const units[] = {
        "Monday ",
        "1 2 3 4 5 6 7 8 9 10 11 12 31 99 1999 2000 12/31 13/13/13 2024-13-45 ",
        "the next day the next day last week ago ago ago early late mid- ",
        "Feb. 6, 2024 (Reuters) - 3 p.m. Tuesday, 11:30 a.m. ",
    };
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t len = 0;
        char *text = repeat(units[u], big, &len);
        CHECK(text != NULL);
        if (text == NULL) {
            continue;
        }
        clock_t t0 = clock();
        annals_doc *doc = parse(ctx, text, len, "2024-02-06");
        clock_t t1 = clock();
        printf("unit %zu: %zu bytes, %zu timexes, %.2f s\n", u, len,
               doc ? doc->timexes.n : 0, seconds(t0, t1));
        if (doc != NULL) {
            /* non-overlapping and in text order */
            bool ordered = true;
            for (size_t i = 1; i < doc->timexes.n; i++) {
                if (ANNALS__TIMEX(doc, i)->start < ANNALS__TIMEX(doc, i - 1)->end) {
                    ordered = false;
                }
            }
            CHECK(ordered);
            CHECK(!has_value(doc, "2024-13-45"));
        }
        annals_doc_free(doc);
        free(text);
    }

    /* Impossible dates are rejected, never normalised. */
    static const char *const impossible[] = {
        "The meeting on 31 February 2024 was cancelled.",
        "It was signed on February 30, 2023.",
        "The deal closed on February 29, 2023, officials said.",
        "They met on April 31.",
        "The file is dated 2024-02-30.",
        "The file is dated 13/45/2024.",
        "Nothing happened in the year 99999.",
    };
    for (size_t i = 0; i < sizeof impossible / sizeof impossible[0]; i++) {
        annals_doc *doc = parse(ctx, impossible[i], strlen(impossible[i]), "2024-02-06");
        if (doc == NULL) {
            continue;
        }
        for (size_t k = 0; k < doc->timexes.n; k++) {
            const annals__timex *t = ANNALS__TIMEX(doc, k);
            int y, m, d;
            if (annals__parse_ymd(t->value, strlen(t->value), &y, &m, &d)) {
                CHECK(d <= annals__days_in_month(y, m));
            }
            CHECK(strstr(t->value, "99999") == NULL);
            CHECK(strstr(t->value, "-02-30") == NULL && strstr(t->value, "-02-31") == NULL &&
                  strstr(t->value, "-04-31") == NULL && strstr(t->value, "2023-02-29") == NULL);
        }
        annals_doc_free(doc);
    }
    /* A real leap day survives. */
    {
        const char *s = "The vote was held on February 29, 2024.";
        annals_doc *doc = parse(ctx, s, strlen(s), "2024-03-01");
        if (doc != NULL) {
            CHECK(has_value(doc, "2024-02-29"));
            annals_doc_free(doc);
        }
    }
    /* Mixed scripts and odd bytes around dates: no crash, the date is found. */
    {
        const char *s = "В понедельник 2024年2月6日 — talks resumed on Feb. 6 ☃ 2024, "
                        "مساء الثلاثاء 6 February 2024.";
        annals_doc *doc = parse(ctx, s, strlen(s), "2024-02-06");
        if (doc != NULL) {
            CHECK(has_text(doc, "6 February 2024"));
            annals_doc_free(doc);
        }
    }
    /* No DCT: relative dates stay unanchored with exactly one warning. */
    {
        const char *s = "They met on Monday. They will meet again next week and on Friday.";
        annals_doc *doc = parse(ctx, s, strlen(s), NULL);
        if (doc != NULL) {
            CHECK(has_value(doc, "XXXX-WXX-1"));
            CHECK_EQ_SIZE(annals_doc_warning_count(doc), 1);
            annals_doc_free(doc);
        }
    }
    annals_ctx_free(ctx);
    return check_summary();
}
