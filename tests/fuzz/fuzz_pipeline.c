/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_pipeline.c - parse, corpus, graph, JSON and pre-layout
 * DOT export (Graphviz layout skipped: it is slow and not ours), then the
 * JSON read back into a second corpus.
 */
#include "core/internal.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int discard(const char *d, size_t n, void *ud)
{
    (void)d;
    (void)n;
    (void)ud;
    return 0;
}

static int collect(const char *d, size_t n, void *ud)
{
    return annals__buf_put(ud, d, n) < 0 ? -1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static annals_ctx *ctx;
    annals_doc *doc = NULL;
    annals_corpus *c = NULL, *c2 = NULL;
    annals_graph *g = NULL;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    annals__buf json = ANNALS__BUF_INIT;

    if (ctx == NULL && annals_ctx_new(&ctx, NULL, &err) < 0) {
        return 0;
    }
    info.date = "2024-02-06";
    if (annals_doc_parse(&doc, ctx, (const char *)data, size, &info, &err) < 0) {
        return 0;
    }
    if (annals_corpus_new(&c, ctx, &err) == 0 && annals_corpus_add_doc(c, doc, &err) == 0 &&
        annals_graph_new(&g, c, NULL, &err) == 0) {
        annals_export_json(c, g, ANNALS_JSON_COMPACT, collect, &json, &err);
        annals_export_view(g, ANNALS_VIEW_TIMELINE, "dot", discard, NULL, &err);
        annals_export_view(g, ANNALS_VIEW_RELATIONS, "dot", discard, NULL, &err);
        if (json.ptr != NULL && annals_corpus_new(&c2, ctx, &err) == 0) {
            if (annals_corpus_load_json(c2, json.ptr, json.len, "fuzz", &err) != 0) {
                __builtin_trap(); /* our own JSON must read back */
            }
        }
    }
    annals__buf_dispose(&json);
    annals_corpus_free(c2);
    annals_graph_free(g);
    annals_corpus_free(c);
    annals_doc_free(doc);
    return 0;
}
