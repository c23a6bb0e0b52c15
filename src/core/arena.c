/* SPDX-License-Identifier: MIT */
/*
 * core/arena.c - per-document bump allocator. Everything a document
 * extracts lives here and is released at once by annals__arena_dispose().
 * With ANNALS_DEBUG_ARENA each allocation is its own malloc block, so ASan
 * and valgrind see overruns of a single record.
 */
#include "core/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALIGN 16u

struct annals__arena_block {
    annals__arena_block *next;
    size_t used;
    size_t cap;
    /* data follows, aligned */
};

static size_t header_size(void)
{
    return (sizeof(annals__arena_block) + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

void annals__arena_init(annals__arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
}

void annals__arena_dispose(annals__arena *a)
{
    annals__arena_block *b = a->head;
    while (b != NULL) {
        annals__arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

void *annals__arena_alloc(annals__arena *a, size_t n)
{
    annals__arena_block *b;
    size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    char *p;

    if (need < n) {
        return NULL;
    }
    if (need == 0) {
        need = ALIGN;
    }
#ifndef ANNALS_DEBUG_ARENA
    b = a->head;
    if (b == NULL || b->cap - b->used < need) {
        size_t cap = a->block_size;
        if (need > cap / 4) {
            /* A large allocation gets a block of its own, linked behind the
             * current head so the head keeps serving small requests. */
            cap = need;
        }
        if (cap > SIZE_MAX - header_size()) {
            return NULL;
        }
        b = malloc(header_size() + cap);
        if (b == NULL) {
            return NULL;
        }
        b->used = 0;
        b->cap = cap;
        if (cap == need && a->head != NULL) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
#else
    if (need > SIZE_MAX - header_size()) {
        return NULL;
    }
    b = malloc(header_size() + need);
    if (b == NULL) {
        return NULL;
    }
    b->used = 0;
    b->cap = need;
    b->next = a->head;
    a->head = b;
#endif
    p = (char *)b + header_size() + b->used;
    b->used += need;
    memset(p, 0, n);
    return p;
}

char *annals__arena_strndup(annals__arena *a, const char *s, size_t len)
{
    char *p;
    if (len == SIZE_MAX) {
        return NULL;
    }
    p = annals__arena_alloc(a, len + 1);
    if (p == NULL) {
        return NULL;
    }
    if (len > 0) {
        memcpy(p, s, len);
    }
    p[len] = '\0';
    return p;
}

char *annals__arena_strdup(annals__arena *a, const char *s)
{
    return annals__arena_strndup(a, s, strlen(s));
}

char *annals__arena_printf(annals__arena *a, const char *fmt, ...)
{
    va_list ap;
    int n;
    char *p;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return NULL;
    }
    p = annals__arena_alloc(a, (size_t)n + 1);
    if (p == NULL) {
        return NULL;
    }
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
