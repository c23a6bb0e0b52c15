/* SPDX-License-Identifier: MIT */
/* core/vec.c - growable arrays of fixed-size elements. */
#include "core/internal.h"

#include <stdlib.h>
#include <string.h>

void annals__vec_init(annals__vec *v, size_t elem)
{
    v->items = NULL;
    v->n = 0;
    v->cap = 0;
    v->elem = elem;
}

void annals__vec_dispose(annals__vec *v)
{
    free(v->items);
    v->items = NULL;
    v->n = 0;
    v->cap = 0;
}

void *annals__vec_push(annals__vec *v)
{
    void *slot;
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *p;
        if (cap < v->cap || cap > SIZE_MAX / v->elem) {
            return NULL;
        }
        p = realloc(v->items, cap * v->elem);
        if (p == NULL) {
            return NULL;
        }
        v->items = p;
        v->cap = cap;
    }
    slot = (char *)v->items + v->n * v->elem;
    memset(slot, 0, v->elem);
    v->n++;
    return slot;
}
