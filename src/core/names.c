/* SPDX-License-Identifier: MIT */
/* core/names.c - names of the small enums and helpers on shared records. */
#include "core/internal.h"

#include <string.h>

static const char *const precision_names[] = {
    "none", "time", "day", "week", "month", "season", "quarter", "half", "year", "decade",
    "century"};

_Static_assert(sizeof(precision_names) / sizeof(precision_names[0]) ==
                   (size_t)ANNALS_PREC_CENTURY + 1,
               "precision names");

const char *annals__precision_name(annals_precision p)
{
    if ((unsigned)p > (unsigned)ANNALS_PREC_CENTURY) {
        return "none";
    }
    return precision_names[p];
}

annals_precision annals__precision_from_name(const char *s)
{
    size_t i;
    for (i = 0; i < sizeof(precision_names) / sizeof(precision_names[0]); i++) {
        if (strcmp(s, precision_names[i]) == 0) {
            return (annals_precision)i;
        }
    }
    return ANNALS_PREC_NONE;
}

const char *annals__entity_kind_name(annals_entity_kind k)
{
    switch (k) {
    case ANNALS_ENTITY_PERSON:
        return "person";
    case ANNALS_ENTITY_ORGANIZATION:
        return "organization";
    case ANNALS_ENTITY_GROUP:
        return "group";
    case ANNALS_ENTITY_COUNTRY:
        return "country";
    case ANNALS_ENTITY_PLACE:
        return "place";
    }
    return "place";
}

const char *annals__timex_type_name(annals_timex_type t)
{
    switch (t) {
    case ANNALS_TIMEX_DATE:
        return "DATE";
    case ANNALS_TIMEX_TIME:
        return "TIME";
    case ANNALS_TIMEX_DURATION:
        return "DURATION";
    case ANNALS_TIMEX_SET:
        return "SET";
    }
    return "DATE";
}

const char *annals__modality_name(annals_modality m)
{
    switch (m) {
    case ANNALS_MOD_ASSERTED:
        return "asserted";
    case ANNALS_MOD_NEGATED:
        return "negated";
    case ANNALS_MOD_PLANNED:
        return "planned";
    case ANNALS_MOD_HYPOTHETICAL:
        return "hypothetical";
    case ANNALS_MOD_REPORTED:
        return "reported";
    }
    return "asserted";
}

annals_status annals__strlist_add(annals__strlist *l, annals__arena *a, const char *s)
{
    size_t i;
    if (s == NULL) {
        return ANNALS_EINVAL;
    }
    for (i = 0; i < l->n; i++) {
        if (strcmp(l->items[i], s) == 0) {
            return ANNALS_OK;
        }
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 4;
        const char **items = annals__arena_alloc(a, cap * sizeof(*items));
        if (items == NULL) {
            return ANNALS_ENOMEM;
        }
        if (l->n > 0) {
            memcpy(items, l->items, l->n * sizeof(*items));
        }
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = s;
    return ANNALS_OK;
}

bool annals__role_add(annals__role *r, uint32_t entity)
{
    size_t i;
    for (i = 0; i < r->n; i++) {
        if (r->ent[i] == entity) {
            return true;
        }
    }
    if (r->n == ANNALS__MAX_ROLE) {
        return false;
    }
    r->ent[r->n++] = entity;
    return true;
}

size_t annals__lower(const char *s, size_t len, char *buf, size_t cap)
{
    size_t i, n = 0;
    if (cap == 0) {
        return 0;
    }
    for (i = 0; i < len && n + 1 < cap; i++) {
        char c = s[i];
        buf[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    buf[n] = '\0';
    return n;
}

bool annals__tok_is(const annals_doc *doc, size_t i, const char *word)
{
    const annals__token *t;
    size_t len, k;
    if (i >= doc->tokens.n) {
        return false;
    }
    t = ANNALS__TOK(doc, i);
    len = t->end - t->start;
    if (strlen(word) != len) {
        return false;
    }
    for (k = 0; k < len; k++) {
        char c = doc->text[t->start + k];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c != word[k]) {
            return false;
        }
    }
    return true;
}
