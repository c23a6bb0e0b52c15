/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_doc.c - text through annals_doc_parse. The first byte
 * chooses option flags (strict UTF-8, narrative, explain), the second
 * whether a DCT is given, as in cmark's fuzzers.
 */
#include "core/internal.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static annals_ctx *ctxs[8];
    annals_doc *doc = NULL;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    unsigned flags = 0;
    size_t i;

    if (size >= 2) {
        flags = data[0] & 7u;
        if (data[1] & 1u) {
            info.date = "2024-02-06";
        }
        data += 2;
        size -= 2;
    }
    if (ctxs[flags] == NULL) {
        annals_options o = ANNALS_OPTIONS_INIT;
        o.flags = ((flags & 1u) ? ANNALS_OPT_STRICT_UTF8 : 0u) |
                  ((flags & 2u) ? ANNALS_OPT_NARRATIVE : 0u) |
                  ((flags & 4u) ? ANNALS_OPT_EXPLAIN : 0u);
        if (annals_ctx_new(&ctxs[flags], &o, &err) < 0) {
            return 0;
        }
    }
    if (annals_doc_parse(&doc, ctxs[flags], (const char *)data, size, &info, &err) == 0) {
        /* Every record's span lies inside the text and in order. */
        for (i = 0; i < doc->tokens.n; i++) {
            const annals__token *t = ANNALS__TOK(doc, i);
            if (t->start >= t->end || t->end > doc->len) {
                __builtin_trap();
            }
        }
        for (i = 0; i < doc->timexes.n; i++) {
            const annals__timex *t = ANNALS__TIMEX(doc, i);
            if (t->start >= t->end || t->end > doc->len) {
                __builtin_trap();
            }
        }
        for (i = 0; i < doc->mentions.n; i++) {
            const annals__mention *m = ANNALS__MENTION(doc, i);
            if (m->start >= m->end || m->end > doc->len || m->entity >= doc->entities.n) {
                __builtin_trap();
            }
        }
        for (i = 0; i < doc->events.n; i++) {
            const annals__event *e = ANNALS__EVENT(doc, i);
            if (e->trigger_start >= e->trigger_end || e->trigger_end > doc->len ||
                e->sentence >= doc->sentences.n) {
                __builtin_trap();
            }
        }
    }
    annals_doc_free(doc);
    return 0;
}
