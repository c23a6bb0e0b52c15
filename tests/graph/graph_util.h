/* SPDX-License-Identifier: MIT */
/*
 * tests/graph/graph_util.h - helpers shared by the graph/ and export/ tests:
 * reading a fixture, loading it into a fresh corpus, looking up entities
 * and events by name or label.
 */
#ifndef ANNALS_TESTS_GRAPH_UTIL_H
#define ANNALS_TESTS_GRAPH_UTIL_H

#include "graph/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whole file as a malloc'd NUL-terminated buffer, or NULL. */
static inline char *gu_read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, len = 0, n;
    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        if (len + 4096 + 1 > cap) {
            char *p;
            cap = cap ? cap * 2 : 8192;
            p = realloc(buf, cap);
            if (p == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
        }
        n = fread(buf + len, 1, 4096, f);
        len += n;
        if (n < 4096) {
            break;
        }
    }
    fclose(f);
    buf[len] = '\0';
    *len_out = len;
    return buf;
}

/* New context + corpus holding `path` (a fixture under tests/). */
static inline annals_status gu_load(const char *path, annals_ctx **ctx, annals_corpus **c,
                                    annals_error *err)
{
    size_t len = 0;
    char *text;
    annals_status rc;
    *ctx = NULL;
    *c = NULL;
    rc = annals_ctx_new(ctx, NULL, err);
    if (rc < 0) {
        return rc;
    }
    rc = annals_corpus_new(c, *ctx, err);
    if (rc < 0) {
        return rc;
    }
    text = gu_read_file(path, &len);
    if (text == NULL) {
        fprintf(stderr, "cannot read %s (tests run from tests/)\n", path);
        return ANNALS_EIO;
    }
    rc = annals_corpus_load_json(*c, text, len, path, err);
    free(text);
    return rc;
}

static inline void gu_free(annals_ctx *ctx, annals_corpus *c)
{
    annals_corpus_free(c);
    annals_ctx_free(ctx);
}

/* Corpus index of the entity named `name`, or UINT32_MAX. */
static inline uint32_t gu_entity(const annals_corpus *c, const char *name)
{
    size_t i;
    for (i = 0; i < c->entities.n; i++) {
        if (strcmp(ANNALS__CENTITY(c, i)->name, name) == 0) {
            return (uint32_t)i;
        }
    }
    return UINT32_MAX;
}

/* Corpus index of the event with this label, or UINT32_MAX. */
static inline uint32_t gu_event(const annals_corpus *c, const char *label)
{
    size_t i;
    for (i = 0; i < c->events.n; i++) {
        if (strcmp(ANNALS__CEVENT(c, i)->label, label) == 0) {
            return (uint32_t)i;
        }
    }
    return UINT32_MAX;
}

/* Export to a NUL-terminated string (NULL on failure). */
static inline char *gu_json(const annals_corpus *c, const annals_graph *g, unsigned flags)
{
    annals__buf b = ANNALS__BUF_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    if (annals_export_json(c, g, flags, annals__buf_sink, &b, &err) < 0) {
        fprintf(stderr, "export failed: %s\n", err.message);
        annals__buf_dispose(&b);
        return NULL;
    }
    return b.ptr;
}

static inline char *gu_format(const annals_graph *g, const char *format)
{
    annals__buf b = ANNALS__BUF_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    if (annals_export_format(g, format, annals__buf_sink, &b, &err) < 0) {
        fprintf(stderr, "export %s failed: %s\n", format, err.message);
        annals__buf_dispose(&b);
        return NULL;
    }
    return b.ptr;
}

/* Occurrences of `needle` in `hay`. */
static inline size_t gu_count(const char *hay, const char *needle)
{
    size_t n = 0, l = strlen(needle);
    const char *p = hay;
    while (hay && (p = strstr(p, needle)) != NULL) {
        n++;
        p += l;
    }
    return n;
}

#endif
