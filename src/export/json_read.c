/* SPDX-License-Identifier: MIT */
/*
 * export/json_read.c - read annals/1 JSON back into a corpus (jansson).
 *
 * The input is one annals/1 object, or several (JSON Lines as printed by
 * `annals extract`, or objects simply concatenated): each is parsed with
 * JSON_DISABLE_EOF_CHECK, which stops after the object and reports how many
 * bytes it used, so records are read one at a time with bounded memory and
 * errors carry the line of the record and jansson's line/column in it.
 *
 * Each object's ids ("d1", "a3", "t2", "e5" or any strings) are local to it:
 * documents and timexes are appended to the corpus (their indices offset by
 * what the corpus already holds), entities join the corpus entity with the
 * same identity (kind, name) through annals__corpus_entity, events are
 * appended with their roles mapped, and annals__corpus_finish then merges
 * duplicate events across everything loaded.
 *
 * The reader is lenient about what it does not need (missing optional
 * members take defaults; a missing date interval is derived from a
 * "YYYY", "YYYY-MM" or "YYYY-MM-DD" value; a missing quad from the CAMEO
 * root) and strict about what it does: wrong types, unknown ids, unknown
 * enum names and out-of-range numbers are ANNALS_EPARSE naming the member
 * ("events[3].source[0]: unknown entity id \"a99\""). Role, alias and
 * mention lists longer than LIST_MAX entries are ANNALS_ELIMIT.
 *
 * On failure the documents of the objects before the failing one stay in
 * the corpus (already merged); the failing object may be partly added.
 */
#include "corpus/corpus.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#define LIST_MAX 4096

typedef struct rd {
    annals_corpus *c;
    const char *name;
    unsigned line; /* line of the record's first byte */
    annals_error *err;
    annals__map docs, ents, timexes; /* record-local id -> corpus index */
} rd;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static annals_status
fail(rd *r, annals_status code, const char *fmt, ...)
{
    char msg[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return annals__error_line(r->err, code, ANNALS_STAGE_CORPUS, r->line, "%.40s:%u: %s",
                              r->name, r->line, msg);
}

static annals_status nomem(rd *r)
{
    return annals__error_line(r->err, ANNALS_ENOMEM, ANNALS_STAGE_CORPUS, r->line,
                              "out of memory reading JSON");
}

/* ------------------------------------------------------- typed members */

/* String member: absent or null -> NULL; another type is an error. */
static annals_status get_str(rd *r, const json_t *o, const char *key, const char *where,
                             const char **out)
{
    const json_t *v = json_object_get(o, key);
    *out = NULL;
    if (v == NULL || json_is_null(v)) {
        return ANNALS_OK;
    }
    if (!json_is_string(v)) {
        return fail(r, ANNALS_EPARSE, "%s.%s: expected a string", where, key);
    }
    *out = json_string_value(v);
    return ANNALS_OK;
}

static annals_status need_str(rd *r, const json_t *o, const char *key, const char *where,
                              const char **out)
{
    annals_status rc = get_str(r, o, key, where, out);
    if (rc == ANNALS_OK && *out == NULL) {
        rc = fail(r, ANNALS_EPARSE, "%s.%s: missing string", where, key);
    }
    return rc;
}

/* Non-negative integer member; absent or null leaves *out and *present. */
static annals_status get_size(rd *r, const json_t *o, const char *key, const char *where,
                              size_t *out, bool *present)
{
    const json_t *v = json_object_get(o, key);
    json_int_t x;
    if (present != NULL) {
        *present = false;
    }
    if (v == NULL || json_is_null(v)) {
        return ANNALS_OK;
    }
    if (!json_is_integer(v) || (x = json_integer_value(v)) < 0) {
        return fail(r, ANNALS_EPARSE, "%s.%s: expected a non-negative integer", where,
                    key);
    }
    *out = (size_t)x;
    if (present != NULL) {
        *present = true;
    }
    return ANNALS_OK;
}

static annals_status get_real(rd *r, const json_t *o, const char *key, const char *where,
                              double *out)
{
    const json_t *v = json_object_get(o, key);
    if (v == NULL || json_is_null(v)) {
        return ANNALS_OK;
    }
    if (!json_is_number(v)) {
        return fail(r, ANNALS_EPARSE, "%s.%s: expected a number", where, key);
    }
    *out = json_number_value(v);
    return ANNALS_OK;
}

static annals_status get_bool(rd *r, const json_t *o, const char *key, const char *where,
                              bool *out)
{
    const json_t *v = json_object_get(o, key);
    if (v == NULL || json_is_null(v)) {
        return ANNALS_OK;
    }
    if (!json_is_boolean(v)) {
        return fail(r, ANNALS_EPARSE, "%s.%s: expected true or false", where, key);
    }
    *out = json_is_true(v);
    return ANNALS_OK;
}

/* Array member: absent or null -> NULL (empty). */
static annals_status get_array(rd *r, const json_t *o, const char *key, const char *where,
                               const json_t **out)
{
    const json_t *v = json_object_get(o, key);
    *out = NULL;
    if (v == NULL || json_is_null(v)) {
        return ANNALS_OK;
    }
    if (!json_is_array(v)) {
        return fail(r, ANNALS_EPARSE, "%s.%s: expected an array", where, key);
    }
    if (json_array_size(v) > LIST_MAX && strcmp(where, "") != 0) {
        return fail(r, ANNALS_ELIMIT, "%s.%s: more than %d entries", where, key,
                    LIST_MAX);
    }
    *out = v;
    return ANNALS_OK;
}

/* Copy `s` into a fixed char array of `cap` bytes, or fail if too long. */
static annals_status copy_fixed(rd *r, char *dst, size_t cap, const char *s,
                                const char *where, const char *key)
{
    size_t n = s ? strlen(s) : 0;
    if (n >= cap) {
        return fail(r, ANNALS_EPARSE, "%s.%s: longer than %zu bytes", where, key,
                    cap - 1);
    }
    if (n > 0) {
        memcpy(dst, s, n);
    }
    dst[n] = '\0';
    return ANNALS_OK;
}

/* Duplicate an optional string into *dst (NULL stays NULL). */
static annals_status dup_into(rd *r, char **dst, const char *s)
{
    if (s == NULL) {
        *dst = NULL;
        return ANNALS_OK;
    }
    *dst = annals__strdup(s);
    return *dst == NULL ? nomem(r) : ANNALS_OK;
}

/* "YYYY-MM-DD" or null -> days; absent -> *present false. */
static annals_status get_day(rd *r, const json_t *o, const char *key, const char *where,
                             int32_t *out, bool *present)
{
    const json_t *v = json_object_get(o, key);
    int y, m, d;
    *present = v != NULL;
    if (v == NULL) {
        return ANNALS_OK;
    }
    if (json_is_null(v)) {
        *out = ANNALS__NO_DAY;
        return ANNALS_OK;
    }
    if (!json_is_string(v) ||
        !annals__parse_ymd(json_string_value(v), json_string_length(v), &y, &m, &d)) {
        return fail(r, ANNALS_EPARSE, "%s.%s: expected a YYYY-MM-DD date or null", where,
                    key);
    }
    *out = annals__days_from_civil(y, m, d);
    return ANNALS_OK;
}

/* Record-local id -> corpus index through one of the maps. */
static annals_status resolve(rd *r, const annals__map *map, const json_t *v,
                             const char *what, const char *where, size_t *out)
{
    if (!json_is_string(v)) {
        return fail(r, ANNALS_EPARSE, "%s: expected a %s id string", where, what);
    }
    if (!annals__map_get(map, json_string_value(v), json_string_length(v), out)) {
        return fail(r, ANNALS_EPARSE, "%s: unknown %s id \"%.40s\"", where, what,
                    json_string_value(v));
    }
    return ANNALS_OK;
}

static annals_status resolve_member(rd *r, const annals__map *map, const json_t *o,
                                    const char *key, const char *what, const char *where,
                                    size_t *out, bool *present)
{
    const json_t *v = json_object_get(o, key);
    char path[96];
    *present = false;
    if (v == NULL || json_is_null(v)) {
        return ANNALS_OK;
    }
    snprintf(path, sizeof(path), "%s.%s", where, key);
    *present = true;
    return resolve(r, map, v, what, path, out);
}

/* Register a record-local id; duplicates are an error. */
static annals_status add_id(rd *r, annals__map *map, const char *id, size_t index,
                            const char *where)
{
    size_t old;
    if (annals__map_get(map, id, strlen(id), &old)) {
        return fail(r, ANNALS_EPARSE, "%s.id: duplicate id \"%.40s\"", where, id);
    }
    return annals__map_put(map, id, strlen(id), index) < 0 ? nomem(r) : ANNALS_OK;
}

/* ---------------------------------------------------------------- enums */

static bool date_source_from_name(const char *s, annals_date_source *out)
{
    static const char *const names[] = {"none", "cli", "record", "dateline"};
    static const annals_date_source values[] = {ANNALS_DATE_NONE, ANNALS_DATE_CLI,
                                                ANNALS_DATE_RECORD, ANNALS_DATE_DATELINE};
    size_t i;
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(s, names[i]) == 0) {
            *out = values[i];
            return true;
        }
    }
    return false;
}

static bool timex_type_from_name(const char *s, annals_timex_type *out)
{
    int t;
    for (t = ANNALS_TIMEX_DATE; t <= ANNALS_TIMEX_SET; t++) {
        if (strcmp(s, annals__timex_type_name((annals_timex_type)t)) == 0) {
            *out = (annals_timex_type)t;
            return true;
        }
    }
    return false;
}

static bool modality_from_name(const char *s, annals_modality *out)
{
    int m;
    for (m = ANNALS_MOD_ASSERTED; m <= ANNALS_MOD_REPORTED; m++) {
        if (strcmp(s, annals__modality_name((annals_modality)m)) == 0) {
            *out = (annals_modality)m;
            return true;
        }
    }
    return false;
}

static bool precision_from_name(const char *s, annals_precision *out)
{
    annals_precision p = annals__precision_from_name(s);
    if (p == ANNALS_PREC_NONE && strcmp(s, "none") != 0) {
        return false;
    }
    *out = p;
    return true;
}

/* CAMEO quad class (0..3) of a root "01".."20". */
static int quad_of_root(const char *root)
{
    int v;
    if (root[0] < '0' || root[0] > '9' || root[1] < '0' || root[1] > '9') {
        return 0;
    }
    v = (root[0] - '0') * 10 + (root[1] - '0');
    if (v <= 5) {
        return 0;
    }
    if (v <= 8) {
        return 1;
    }
    if (v <= 16) {
        return 2;
    }
    return 3;
}

/*
 * The calendar interval of a TIMEX3 value the reader can derive by itself:
 *   "2024-02-06" -> that day (day), "2024-02" -> the month, "2024" -> the year.
 * Returns false for anything else (the event then stays without interval).
 */
static bool interval_of_value(const char *v, int32_t *first, int32_t *last,
                              annals_precision *prec)
{
    size_t n = strlen(v);
    int y, m, d;
    if (n >= 10 && annals__parse_ymd(v, n, &y, &m, &d)) {
        *first = *last = annals__days_from_civil(y, m, d);
        *prec = n > 10 ? ANNALS_PREC_TIME : ANNALS_PREC_DAY;
        return true;
    }
    if ((n == 7 || n == 4) && v[0] >= '0' && v[0] <= '9' && v[1] >= '0' && v[1] <= '9' &&
        v[2] >= '0' && v[2] <= '9' && v[3] >= '0' && v[3] <= '9') {
        y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
        if (n == 4) {
            *first = annals__days_from_civil(y, 1, 1);
            *last = annals__days_from_civil(y, 12, 31);
            *prec = ANNALS_PREC_YEAR;
            return true;
        }
        if (v[4] == '-' && v[5] >= '0' && v[5] <= '1' && v[6] >= '0' && v[6] <= '9') {
            m = (v[5] - '0') * 10 + (v[6] - '0');
            if (m >= 1 && m <= 12) {
                *first = annals__days_from_civil(y, m, 1);
                *last = annals__days_from_civil(y, m, annals__days_in_month(y, m));
                *prec = ANNALS_PREC_MONTH;
                return true;
            }
        }
    }
    return false;
}

/* -------------------------------------------------------------- sections */

static annals_status read_docs(rd *r, const json_t *root)
{
    const json_t *arr, *o;
    size_t i, base = r->c->docs.n;
    annals_status rc = get_array(r, root, "documents", "", &arr);
    if (rc < 0 || arr == NULL) {
        return rc;
    }
    json_array_foreach(arr, i, o)
    {
        char where[48], idbuf[32];
        const char *id, *source, *date, *dsrc, *title, *url, *input_id;
        annals__cdoc *d;
        int y, m, dd;
        snprintf(where, sizeof(where), "documents[%zu]", i);
        if (!json_is_object(o)) {
            return fail(r, ANNALS_EPARSE, "%s: expected an object", where);
        }
        if ((rc = get_str(r, o, "id", where, &id)) < 0 ||
            (rc = get_str(r, o, "source", where, &source)) < 0 ||
            (rc = get_str(r, o, "date", where, &date)) < 0 ||
            (rc = get_str(r, o, "date_source", where, &dsrc)) < 0 ||
            (rc = get_str(r, o, "title", where, &title)) < 0 ||
            (rc = get_str(r, o, "url", where, &url)) < 0 ||
            (rc = get_str(r, o, "input_id", where, &input_id)) < 0) {
            return rc;
        }
        if (date != NULL && !annals__parse_ymd(date, strlen(date), &y, &m, &dd)) {
            return fail(r, ANNALS_EPARSE, "%s.date: expected YYYY-MM-DD, got \"%.30s\"",
                        where, date);
        }
        d = annals__corpus_push_doc(r->c);
        if (d == NULL) {
            return nomem(r);
        }
        snprintf(idbuf, sizeof(idbuf), "d%zu", r->c->docs.n);
        if ((rc = dup_into(r, &d->id, input_id ? input_id : idbuf)) < 0 ||
            (rc = dup_into(r, &d->source, source)) < 0 ||
            (rc = dup_into(r, &d->date, date)) < 0 ||
            (rc = dup_into(r, &d->title, title)) < 0 ||
            (rc = dup_into(r, &d->url, url)) < 0) {
            return rc;
        }
        if (dsrc != NULL && !date_source_from_name(dsrc, &d->date_source)) {
            return fail(r, ANNALS_EPARSE, "%s.date_source: unknown value \"%.30s\"",
                        where, dsrc);
        }
        if (dsrc == NULL && date != NULL) {
            d->date_source = ANNALS_DATE_RECORD;
        }
        if ((rc = get_size(r, o, "bytes", where, &d->bytes, NULL)) < 0 ||
            (rc = get_bool(r, o, "narrative", where, &d->narrative)) < 0) {
            return rc;
        }
        snprintf(idbuf, sizeof(idbuf), "d%zu", i + 1);
        if ((rc = add_id(r, &r->docs, id ? id : idbuf, r->c->docs.n - 1, where)) < 0) {
            return rc;
        }
    }
    /* duplicate_of may name any document of the object. */
    json_array_foreach(arr, i, o)
    {
        char where[48];
        size_t target;
        bool present;
        snprintf(where, sizeof(where), "documents[%zu]", i);
        rc = resolve_member(r, &r->docs, o, "duplicate_of", "document", where, &target,
                            &present);
        if (rc < 0) {
            return rc;
        }
        if (present && target != base + i) {
            ANNALS__CDOC(r->c, base + i)->duplicate_of = (int32_t)target;
        }
    }
    return ANNALS_OK;
}

static annals_status read_strings(rd *r, annals__centity *e, const json_t *o,
                                  const char *key, const char *where, bool aliases)
{
    const json_t *arr, *v;
    size_t i;
    annals_status rc = get_array(r, o, key, where, &arr);
    if (rc < 0 || arr == NULL) {
        return rc;
    }
    json_array_foreach(arr, i, v)
    {
        if (!json_is_string(v)) {
            return fail(r, ANNALS_EPARSE, "%s.%s[%zu]: expected a string", where, key, i);
        }
        rc = aliases ? annals__centity_add_alias(e, json_string_value(v))
                     : annals__centity_add_role(e, json_string_value(v));
        if (rc < 0) {
            return nomem(r);
        }
    }
    return ANNALS_OK;
}

static annals_status read_entities(rd *r, const json_t *root)
{
    const json_t *arr, *o;
    size_t i;
    annals_status rc = get_array(r, root, "entities", "", &arr);
    if (rc < 0 || arr == NULL) {
        return rc;
    }
    json_array_foreach(arr, i, o)
    {
        char where[48], idbuf[32];
        const char *id, *kind_s, *name, *country, *explain;
        annals_entity_kind kind;
        uint32_t idx;
        annals__centity *e;
        const json_t *ms, *m;
        size_t k;
        snprintf(where, sizeof(where), "entities[%zu]", i);
        if (!json_is_object(o)) {
            return fail(r, ANNALS_EPARSE, "%s: expected an object", where);
        }
        if ((rc = get_str(r, o, "id", where, &id)) < 0 ||
            (rc = need_str(r, o, "kind", where, &kind_s)) < 0 ||
            (rc = need_str(r, o, "name", where, &name)) < 0 ||
            (rc = get_str(r, o, "country", where, &country)) < 0 ||
            (rc = get_str(r, o, "explain", where, &explain)) < 0) {
            return rc;
        }
        if (!annals__entity_kind_from_name(kind_s, &kind)) {
            return fail(r, ANNALS_EPARSE, "%s.kind: unknown kind \"%.30s\"", where,
                        kind_s);
        }
        if (country != NULL && strlen(country) > 3) {
            return fail(r, ANNALS_EPARSE, "%s.country: expected an ISO 3166 alpha-3 code",
                        where);
        }
        rc = annals__corpus_entity(r->c, kind, name, country, &idx, r->err);
        if (rc < 0) {
            return rc;
        }
        snprintf(idbuf, sizeof(idbuf), "a%zu", i + 1);
        if ((rc = add_id(r, &r->ents, id ? id : idbuf, idx, where)) < 0) {
            return rc;
        }
        e = ANNALS__CENTITY(r->c, idx);
        if ((rc = read_strings(r, e, o, "aliases", where, true)) < 0 ||
            (rc = read_strings(r, e, o, "roles", where, false)) < 0) {
            return rc;
        }
        if (e->aliases.n > LIST_MAX || e->roles.n > LIST_MAX) {
            return fail(r, ANNALS_ELIMIT, "%s: more than %d aliases or roles", where,
                        LIST_MAX);
        }
        if (explain != NULL && e->explain == NULL &&
            (rc = dup_into(r, &e->explain, explain)) < 0) {
            return rc;
        }
        if ((rc = get_array(r, o, "mentions", where, &ms)) < 0) {
            return rc;
        }
        json_array_foreach(ms, k, m)
        {
            char mw[80];
            size_t doc = 0, start = 0, end = 0;
            bool has_doc;
            snprintf(mw, sizeof(mw), "%s.mentions[%zu]", where, k);
            if (!json_is_object(m)) {
                return fail(r, ANNALS_EPARSE, "%s: expected an object", mw);
            }
            if ((rc = resolve_member(r, &r->docs, m, "doc", "document", mw, &doc,
                                     &has_doc)) < 0 ||
                (rc = get_size(r, m, "start", mw, &start, NULL)) < 0 ||
                (rc = get_size(r, m, "end", mw, &end, NULL)) < 0) {
                return rc;
            }
            if (!has_doc || end < start) {
                return fail(r, ANNALS_EPARSE, "%s: needs a doc and start <= end", mw);
            }
            if (annals__centity_add_mention(e, (uint32_t)doc, start, end) < 0) {
                return nomem(r);
            }
        }
    }
    return ANNALS_OK;
}

static annals_status read_timexes(rd *r, const json_t *root)
{
    const json_t *arr, *o;
    size_t i;
    annals_status rc = get_array(r, root, "timexes", "", &arr);
    if (rc < 0 || arr == NULL) {
        return rc;
    }
    json_array_foreach(arr, i, o)
    {
        char where[48], idbuf[32];
        const char *id, *text, *type, *value, *mod, *rule, *anchor, *prec;
        annals__ctimex *t;
        size_t doc = 0;
        bool has_doc, has_e, has_l;
        snprintf(where, sizeof(where), "timexes[%zu]", i);
        if (!json_is_object(o)) {
            return fail(r, ANNALS_EPARSE, "%s: expected an object", where);
        }
        if ((rc = get_str(r, o, "id", where, &id)) < 0 ||
            (rc = get_str(r, o, "text", where, &text)) < 0 ||
            (rc = get_str(r, o, "type", where, &type)) < 0 ||
            (rc = get_str(r, o, "value", where, &value)) < 0 ||
            (rc = get_str(r, o, "mod", where, &mod)) < 0 ||
            (rc = get_str(r, o, "rule", where, &rule)) < 0 ||
            (rc = get_str(r, o, "anchor", where, &anchor)) < 0 ||
            (rc = get_str(r, o, "precision", where, &prec)) < 0 ||
            (rc = resolve_member(r, &r->docs, o, "doc", "document", where, &doc,
                                 &has_doc)) < 0) {
            return rc;
        }
        if (!has_doc) {
            return fail(r, ANNALS_EPARSE, "%s.doc: missing", where);
        }
        t = annals__corpus_push_timex(r->c);
        if (t == NULL) {
            return nomem(r);
        }
        t->doc = (uint32_t)doc;
        if ((rc = get_size(r, o, "start", where, &t->start, NULL)) < 0 ||
            (rc = get_size(r, o, "end", where, &t->end, NULL)) < 0 ||
            (rc = copy_fixed(r, t->value, sizeof(t->value), value, where, "value")) < 0 ||
            (rc = copy_fixed(r, t->mod, sizeof(t->mod), mod, where, "mod")) < 0 ||
            (rc = dup_into(r, &t->text, text ? text : "")) < 0 ||
            (rc = dup_into(r, &t->rule, rule ? rule : "")) < 0 ||
            (rc = dup_into(r, &t->anchor, anchor ? anchor : "")) < 0 ||
            (rc = get_day(r, o, "earliest", where, &t->earliest, &has_e)) < 0 ||
            (rc = get_day(r, o, "latest", where, &t->latest, &has_l)) < 0) {
            return rc;
        }
        if (t->end < t->start) {
            return fail(r, ANNALS_EPARSE, "%s: end before start", where);
        }
        if (type != NULL && !timex_type_from_name(type, &t->type)) {
            return fail(r, ANNALS_EPARSE, "%s.type: unknown type \"%.30s\"", where, type);
        }
        if (prec != NULL && !precision_from_name(prec, &t->precision)) {
            return fail(r, ANNALS_EPARSE, "%s.precision: unknown precision \"%.30s\"",
                        where, prec);
        }
        if (!has_e && !has_l && prec == NULL && t->value[0] != '\0') {
            int32_t a, b;
            annals_precision p;
            if (interval_of_value(t->value, &a, &b, &p)) {
                t->earliest = a;
                t->latest = b;
                t->precision = p;
            }
        }
        snprintf(idbuf, sizeof(idbuf), "t%zu", i + 1);
        if ((rc = add_id(r, &r->timexes, id ? id : idbuf, r->c->timexes.n - 1, where)) <
            0) {
            return rc;
        }
    }
    return ANNALS_OK;
}

static annals_status read_roles(rd *r, annals__idlist *l, const json_t *o,
                                const char *key, const char *where)
{
    const json_t *arr, *v;
    size_t i, idx;
    annals_status rc = get_array(r, o, key, where, &arr);
    if (rc < 0 || arr == NULL) {
        return rc;
    }
    json_array_foreach(arr, i, v)
    {
        char path[96];
        snprintf(path, sizeof(path), "%s.%s[%zu]", where, key, i);
        if ((rc = resolve(r, &r->ents, v, "entity", path, &idx)) < 0) {
            return rc;
        }
        if (annals__idlist_add(l, (uint32_t)idx) < 0) {
            return nomem(r);
        }
    }
    return ANNALS_OK;
}

static annals_status read_event_date(rd *r, annals__cevent *ev, const json_t *o,
                                     const char *where)
{
    const json_t *dv = json_object_get(o, "date");
    const char *value = NULL, *prec = NULL;
    char dw[64];
    bool has_e = false, has_l = false, has_t;
    size_t timex;
    annals_status rc;

    if (dv == NULL || json_is_null(dv)) {
        return ANNALS_OK;
    }
    if (json_is_string(dv)) { /* a bare value */
        value = json_string_value(dv);
    } else if (!json_is_object(dv)) {
        return fail(r, ANNALS_EPARSE, "%s.date: expected an object", where);
    } else {
        snprintf(dw, sizeof(dw), "%s.date", where);
        if ((rc = get_str(r, dv, "value", dw, &value)) < 0 ||
            (rc = get_str(r, dv, "precision", dw, &prec)) < 0 ||
            (rc = get_day(r, dv, "earliest", dw, &ev->earliest, &has_e)) < 0 ||
            (rc = get_day(r, dv, "latest", dw, &ev->latest, &has_l)) < 0 ||
            (rc = get_bool(r, dv, "inferred", dw, &ev->inferred)) < 0 ||
            (rc = resolve_member(r, &r->timexes, dv, "timex", "timex", dw, &timex,
                                 &has_t)) < 0) {
            return rc;
        }
        if (has_t) {
            ev->timex = (int32_t)timex;
        }
        if (prec != NULL && !precision_from_name(prec, &ev->precision)) {
            return fail(r, ANNALS_EPARSE, "%s.precision: unknown precision \"%.30s\"", dw,
                        prec);
        }
    }
    if ((rc = copy_fixed(r, ev->date_value, sizeof(ev->date_value), value, where,
                         "date.value")) < 0) {
        return rc;
    }
    if (!has_e && !has_l && prec == NULL && ev->date_value[0] != '\0') {
        interval_of_value(ev->date_value, &ev->earliest, &ev->latest, &ev->precision);
    }
    if ((ev->earliest == ANNALS__NO_DAY) != (ev->latest == ANNALS__NO_DAY) ||
        (ev->earliest != ANNALS__NO_DAY && ev->latest < ev->earliest)) {
        return fail(r, ANNALS_EPARSE,
                    "%s.date: earliest and latest must both be set, in order", where);
    }
    return ANNALS_OK;
}

static annals_status read_event_mentions(rd *r, annals__cevent *ev, const json_t *o,
                                         const char *where)
{
    const json_t *arr, *m;
    size_t k;
    annals_status rc = get_array(r, o, "mentions", where, &arr);
    if (rc < 0 || arr == NULL) {
        return rc;
    }
    json_array_foreach(arr, k, m)
    {
        char mw[80];
        const char *trigger, *sentence;
        size_t doc = 0;
        bool has_doc;
        annals__cevmention *cm;
        snprintf(mw, sizeof(mw), "%s.mentions[%zu]", where, k);
        if (!json_is_object(m)) {
            return fail(r, ANNALS_EPARSE, "%s: expected an object", mw);
        }
        if ((rc = resolve_member(r, &r->docs, m, "doc", "document", mw, &doc, &has_doc)) <
                0 ||
            (rc = get_str(r, m, "trigger", mw, &trigger)) < 0 ||
            (rc = get_str(r, m, "sentence", mw, &sentence)) < 0) {
            return rc;
        }
        if (!has_doc) {
            return fail(r, ANNALS_EPARSE, "%s.doc: missing", mw);
        }
        cm = annals__vec_push(&ev->mentions);
        if (cm == NULL) {
            return nomem(r);
        }
        cm->doc = (uint32_t)doc;
        if ((rc = get_size(r, m, "start", mw, &cm->start, NULL)) < 0 ||
            (rc = get_size(r, m, "end", mw, &cm->end, NULL)) < 0 ||
            (rc = get_size(r, m, "sentence_start", mw, &cm->sentence_start, NULL)) < 0 ||
            (rc = get_size(r, m, "sentence_end", mw, &cm->sentence_end, NULL)) < 0 ||
            (rc = dup_into(r, &cm->trigger, trigger)) < 0 ||
            (rc = dup_into(r, &cm->sentence, sentence)) < 0) {
            return rc;
        }
        if (cm->end < cm->start || cm->sentence_end < cm->sentence_start) {
            return fail(r, ANNALS_EPARSE, "%s: end before start", mw);
        }
    }
    return ANNALS_OK;
}

static annals_status read_events(rd *r, const json_t *root)
{
    const json_t *arr, *o;
    size_t i;
    annals_status rc = get_array(r, root, "events", "", &arr);
    if (rc < 0 || arr == NULL) {
        return rc;
    }
    json_array_foreach(arr, i, o)
    {
        char where[48];
        const char *code, *root_s, *type, *label, *modality, *explain;
        const json_t *quad = NULL, *count, *dis, *v;
        annals__cevent *ev;
        size_t k;
        snprintf(where, sizeof(where), "events[%zu]", i);
        if (!json_is_object(o)) {
            return fail(r, ANNALS_EPARSE, "%s: expected an object", where);
        }
        if ((rc = get_str(r, o, "code", where, &code)) < 0 ||
            (rc = get_str(r, o, "root", where, &root_s)) < 0 ||
            (rc = get_str(r, o, "type", where, &type)) < 0 ||
            (rc = get_str(r, o, "label", where, &label)) < 0 ||
            (rc = get_str(r, o, "modality", where, &modality)) < 0 ||
            (rc = get_str(r, o, "explain", where, &explain)) < 0) {
            return rc;
        }
        ev = annals__corpus_push_event(r->c);
        if (ev == NULL) {
            return nomem(r);
        }
        if ((rc = copy_fixed(r, ev->code, sizeof(ev->code), code, where, "code")) < 0) {
            return rc;
        }
        if (root_s != NULL) {
            rc = copy_fixed(r, ev->root, sizeof(ev->root), root_s, where, "root");
        } else if (strlen(ev->code) >= 2) {
            memcpy(ev->root, ev->code, 2);
            ev->root[2] = '\0';
        }
        if (rc < 0) {
            return rc;
        }
        quad = json_object_get(o, "quad");
        if (quad == NULL || json_is_null(quad)) {
            ev->quad = quad_of_root(ev->root);
        } else if (!json_is_integer(quad) || json_integer_value(quad) < 1 ||
                   json_integer_value(quad) > 4) {
            return fail(r, ANNALS_EPARSE, "%s.quad: expected 1, 2, 3 or 4", where);
        } else {
            ev->quad = (int)json_integer_value(quad) - 1;
        }
        if ((rc = dup_into(r, &ev->type, type ? type : "")) < 0 ||
            (rc = dup_into(r, &ev->label, label ? label : "")) < 0 ||
            (rc = dup_into(r, &ev->explain, explain)) < 0 ||
            (rc = get_real(r, o, "goldstein", where, &ev->goldstein)) < 0 ||
            (rc = get_real(r, o, "confidence", where, &ev->confidence)) < 0 ||
            (rc = read_roles(r, &ev->source, o, "source", where)) < 0 ||
            (rc = read_roles(r, &ev->target, o, "target", where)) < 0 ||
            (rc = read_roles(r, &ev->participants, o, "participants", where)) < 0 ||
            (rc = read_roles(r, &ev->places, o, "places", where)) < 0 ||
            (rc = read_event_date(r, ev, o, where)) < 0 ||
            (rc = read_event_mentions(r, ev, o, where)) < 0) {
            return rc;
        }
        if (modality != NULL && !modality_from_name(modality, &ev->modality)) {
            return fail(r, ANNALS_EPARSE, "%s.modality: unknown modality \"%.30s\"",
                        where, modality);
        }
        count = json_object_get(o, "count");
        if (count != NULL && !json_is_null(count)) {
            const json_t *mn = json_object_get(count, "min"),
                         *mx = json_object_get(count, "max");
            const char *ct;
            if (!json_is_object(count) || !json_is_integer(mn) || !json_is_integer(mx)) {
                return fail(r, ANNALS_EPARSE,
                            "%s.count: expected {\"min\", \"max\"} integers", where);
            }
            ev->has_count = true;
            ev->count_min = json_integer_value(mn);
            ev->count_max = json_integer_value(mx);
            if ((rc = get_str(r, count, "text", where, &ct)) < 0 ||
                (rc = dup_into(r, &ev->count_text, ct)) < 0) {
                return rc;
            }
        }
        if ((rc = get_array(r, o, "disagreements", where, &dis)) < 0) {
            return rc;
        }
        json_array_foreach(dis, k, v)
        {
            char **slot;
            if (!json_is_string(v)) {
                return fail(r, ANNALS_EPARSE, "%s.disagreements[%zu]: expected a string",
                            where, k);
            }
            slot = annals__vec_push(&ev->disagreements);
            if (slot == NULL || (*slot = annals__strdup(json_string_value(v))) == NULL) {
                if (slot != NULL) {
                    ev->disagreements.n--;
                }
                return nomem(r);
            }
        }
    }
    return ANNALS_OK;
}

static annals_status read_warnings(rd *r, const json_t *root)
{
    const json_t *arr, *o;
    size_t i;
    annals_status rc = get_array(r, root, "warnings", "", &arr);
    if (rc < 0 || arr == NULL) {
        return rc;
    }
    json_array_foreach(arr, i, o)
    {
        char where[48];
        const char *message;
        size_t doc = 0, offset = ANNALS_NO_OFFSET;
        bool has_doc;
        annals_warning *w;
        annals__cdoc *d;
        snprintf(where, sizeof(where), "warnings[%zu]", i);
        if (!json_is_object(o)) {
            return fail(r, ANNALS_EPARSE, "%s: expected an object", where);
        }
        if ((rc = resolve_member(r, &r->docs, o, "doc", "document", where, &doc,
                                 &has_doc)) < 0 ||
            (rc = get_size(r, o, "offset", where, &offset, NULL)) < 0 ||
            (rc = get_str(r, o, "message", where, &message)) < 0) {
            return rc;
        }
        if (!has_doc) {
            continue; /* a warning about no document has nowhere to live */
        }
        d = ANNALS__CDOC(r->c, doc);
        w = annals__vec_push(&d->warnings);
        if (w == NULL) {
            return nomem(r);
        }
        w->offset = offset;
        w->message = annals__strdup(message ? message : "");
        if (w->message == NULL) {
            d->warnings.n--;
            return nomem(r);
        }
    }
    return ANNALS_OK;
}

static annals_status read_object(rd *r, const json_t *root)
{
    const char *schema = NULL;
    annals_status rc;

    if (!json_is_object(root)) {
        return fail(r, ANNALS_EPARSE, "expected an annals/1 object");
    }
    rc = get_str(r, root, "schema", "", &schema);
    if (rc < 0) {
        return rc;
    }
    if (schema == NULL || strcmp(schema, "annals/1") != 0) {
        return fail(r, ANNALS_EPARSE, "schema \"%.40s\" is not annals/1",
                    schema ? schema : "(missing)");
    }
    if ((rc = read_docs(r, root)) < 0 || (rc = read_entities(r, root)) < 0 ||
        (rc = read_timexes(r, root)) < 0 || (rc = read_events(r, root)) < 0 ||
        (rc = read_warnings(r, root)) < 0) {
        return rc;
    }
    return ANNALS_OK;
}

annals_status annals_corpus_load_json(annals_corpus *corpus, const char *text, size_t len,
                                      const char *name, annals_error *err)
{
    rd r;
    size_t pos = 0, n_objects = 0, first_event;
    unsigned line = 1;
    annals_status rc = ANNALS_OK, rc2;

    if (corpus == NULL || (text == NULL && len > 0)) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_CORPUS, ANNALS_NO_OFFSET,
                             "annals_corpus_load_json: NULL argument");
    }
    memset(&r, 0, sizeof(r));
    r.c = corpus;
    r.name = name ? name : "(json)";
    r.err = err;
    first_event = corpus->events.n;

    for (;;) {
        json_error_t je;
        json_t *root;
        size_t used, k;

        while (pos < len && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r' ||
                             text[pos] == '\n')) {
            if (text[pos] == '\n') {
                line++;
            }
            pos++;
        }
        if (pos == len) {
            break;
        }
        r.line = line;
        root = json_loadb(text + pos, len - pos,
                          JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &je);
        if (root == NULL) {
            unsigned at = je.line > 0 ? line + (unsigned)je.line - 1 : line;
            rc = annals__error_line(err, ANNALS_EPARSE, ANNALS_STAGE_CORPUS, at,
                                    "%.40s:%u:%d: %s", r.name, at, je.column, je.text);
            if (err != NULL && err->code == ANNALS_EPARSE && err->line == at) {
                err->offset = pos + (je.position > 0 ? (size_t)je.position : 0);
                err->column = je.column > 0 ? (unsigned)je.column : 0;
            }
            break;
        }
        used = je.position > 0 ? (size_t)je.position : len - pos;
        if (used > len - pos) {
            used = len - pos;
        }
        annals__map_init(&r.docs);
        annals__map_init(&r.ents);
        annals__map_init(&r.timexes);
        rc = read_object(&r, root);
        annals__map_dispose(&r.docs);
        annals__map_dispose(&r.ents);
        annals__map_dispose(&r.timexes);
        json_decref(root);
        if (rc < 0) {
            if (err != NULL && err->offset == ANNALS_NO_OFFSET && err->line == r.line) {
                err->offset = pos;
            }
            break;
        }
        for (k = pos; k < pos + used; k++) {
            if (text[k] == '\n') {
                line++;
            }
        }
        pos += used;
        n_objects++;
    }
    if (rc == ANNALS_OK && n_objects == 0) {
        rc = annals__error_line(err, ANNALS_EPARSE, ANNALS_STAGE_CORPUS, line,
                                "%.40s: no annals/1 object in the input", r.name);
    }
    /* Merge what was added, even after a failure, so the corpus stays
     * consistent. */
    rc2 = annals__corpus_finish(corpus, first_event, rc < 0 ? NULL : err);
    return rc < 0 ? rc : rc2;
}
