/* SPDX-License-Identifier: MIT */
/*
 * core/map.c - open-addressing hash map from byte strings to size_t
 * (linear probing, power-of-two capacity, FNV-1a). Keys are copied.
 */
#include "core/internal.h"

#include <stdlib.h>
#include <string.h>

struct annals__map_slot {
    char *key; /* NULL = empty */
    size_t len;
    uint64_t hash;
    size_t value;
};

uint64_t annals__hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

void annals__map_init(annals__map *m)
{
    m->slots = NULL;
    m->cap = 0;
    m->n = 0;
}

void annals__map_dispose(annals__map *m)
{
    size_t i;
    for (i = 0; i < m->cap; i++) {
        free(m->slots[i].key);
    }
    free(m->slots);
    annals__map_init(m);
}

static struct annals__map_slot *find(const annals__map *m, const char *key, size_t len,
                                     uint64_t h)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)h & mask;
    for (;;) {
        struct annals__map_slot *s = &m->slots[i];
        if (s->key == NULL) {
            return s;
        }
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) {
            return s;
        }
        i = (i + 1) & mask;
    }
}

static annals_status rehash(annals__map *m, size_t cap)
{
    struct annals__map_slot *old = m->slots;
    size_t old_cap = m->cap, i;
    m->slots = calloc(cap, sizeof(*m->slots));
    if (m->slots == NULL) {
        m->slots = old;
        return ANNALS_ENOMEM;
    }
    m->cap = cap;
    for (i = 0; i < old_cap; i++) {
        if (old[i].key != NULL) {
            *find(m, old[i].key, old[i].len, old[i].hash) = old[i];
        }
    }
    free(old);
    return ANNALS_OK;
}

annals_status annals__map_put(annals__map *m, const char *key, size_t len, size_t value)
{
    uint64_t h = annals__hash(key, len);
    struct annals__map_slot *s;

    if ((m->n + 1) * 4 > m->cap * 3) {
        annals_status rc = rehash(m, m->cap ? m->cap * 2 : 64);
        if (rc < 0) {
            return rc;
        }
    }
    s = find(m, key, len, h);
    if (s->key == NULL) {
        s->key = malloc(len + 1);
        if (s->key == NULL) {
            return ANNALS_ENOMEM;
        }
        if (len > 0) {
            memcpy(s->key, key, len);
        }
        s->key[len] = '\0';
        s->len = len;
        s->hash = h;
        m->n++;
    }
    s->value = value;
    return ANNALS_OK;
}

bool annals__map_get(const annals__map *m, const char *key, size_t len, size_t *out)
{
    struct annals__map_slot *s;
    if (m->cap == 0) {
        return false;
    }
    s = find(m, key, len, annals__hash(key, len));
    if (s->key == NULL) {
        return false;
    }
    if (out != NULL) {
        *out = s->value;
    }
    return true;
}
