/* SPDX-License-Identifier: MIT */
/*
 * tests/patho/test_patho.c - hostile inputs (after cmark's pathological
 * tests): each must finish with a clean status, never crash or hang.
 */
#include "core/internal.h"

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static annals_ctx *ctx;

/* Fill `n` bytes by repeating `piece`. */
static char *repeat(const char *piece, size_t plen, size_t n)
{
    char *buf = malloc(n + 1);
    size_t i;
    if (buf == NULL) {
        return NULL;
    }
    for (i = 0; i < n; i++) {
        buf[i] = piece[i % plen];
    }
    buf[n] = '\0';
    return buf;
}

static void run(const char *name, const char *piece, size_t plen, size_t n)
{
    char *text = repeat(piece, plen, n);
    annals_doc *doc = NULL;
    annals_corpus *c = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    annals_status rc;

    if (text == NULL) {
        check_fail(__FILE__, __LINE__, "%s: out of memory", name);
        return;
    }
    info.date = "2024-02-06";
    rc = annals_doc_parse(&doc, ctx, text, n, &info, &err);
    if (rc != ANNALS_OK) {
        check_fail(__FILE__, __LINE__, "%s: %s", name, err.message);
    } else {
        check_pass();
        rc = annals_corpus_new(&c, ctx, &err);
        if (rc == ANNALS_OK) {
            rc = annals_corpus_add_doc(c, doc, &err);
        }
        if (rc != ANNALS_OK) {
            check_fail(__FILE__, __LINE__, "%s: corpus: %s", name, err.message);
        }
        printf("%-28s %9zu bytes: %zu tokens, %zu sentences, %zu timexes, %zu entities, "
               "%zu events, %zu warnings\n",
               name, n, doc->tokens.n, doc->sentences.n, doc->timexes.n, doc->entities.n,
               doc->events.n, doc->warnings.n);
    }
    annals_corpus_free(c);
    annals_doc_free(doc);
    free(text);
}

int main(void)
{
    annals_error err = ANNALS_ERROR_INIT;
    const size_t mib = 1024 * 1024;
    if (annals_ctx_new(&ctx, NULL, &err) < 0) {
        fprintf(stderr, "context: %s\n", err.message);
        return 1;
    }
    run("no whitespace", "abcdefghij", 10, mib);
    run("capitalised words", "Abdel ", 6, 600000);
    run("He said.", "He said. ", 9, 50000 * 9);
    run("periods", ".", 1, mib);
    run("invalid bytes", "\xFF\xFE", 2, mib);
    run("NULs", "\0", 1, mib);
    run("empty", "", 1, 0);
    run("one huge sentence", "the minister met the envoy and ", 31, 2 * mib);
    run("Monday Monday", "Monday ", 7, 10 * mib);
    run("digit soup", "12 3,4 5.6 7/8/9 10-11 ", 23, 2 * mib);
    run("trigger storm", "attacked ", 9, mib);
    run("country list", "Egypt, Qatar, Israel, Jordan, ", 30, mib);
    run("nested quotes", "“‘\"«", sizeof("“‘\"«") - 1, mib);
    run("newlines", "\n", 1, mib);
    run("50 MB line", "Lorem-ipsum-dolor-sit-amet-consectetur-adipiscing ", 50, 50 * mib);
    annals_ctx_free(ctx);
    return check_summary();
}
