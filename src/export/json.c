/* SPDX-License-Identifier: MIT */
/*
 * export/json.c - the annals/1 JSON writer (jansson).
 *
 * Writes a corpus (and, when given, its graph) as one annals/1 object, the
 * contract of docs/json-schema.md. One record (a document, an entity, a
 * timex, an event, a graph node or edge) is built as a jansson value at a
 * time and streamed through json_dump_callback into the caller's sink, so
 * memory stays bounded by the largest record, not the corpus. The framing
 * around the records is written here so that the whole output is exactly
 * what jansson would print for the complete tree: JSON_INDENT(2) by
 * default, JSON_COMPACT (one line, for JSON Lines) with ANNALS_JSON_COMPACT;
 * reals with JSON_REAL_PRECISION(6); keys in a fixed insertion order. The
 * output ends with a newline.
 *
 * Ids: "d<i+1>", "a<i+1>", "t<i+1>", "e<i+1>" by array index; graph nodes
 * use the entity/event ids and "date:<value>" for date vertices.
 *
 * Every json_*_set_new result is checked (they steal their argument even on
 * failure, so nothing leaks); a NaN or infinite real is written as null.
 */
#include "graph/graph.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#define FLUSH_AT 65536

typedef struct jw {
    annals_sink sink;
    void *ud;
    bool sink_failed;
    bool compact;
    size_t dump_flags;
    unsigned level;  /* indentation level of the record being dumped */
    annals__buf out; /* pending bytes */
} jw;

static annals_status flush(jw *w)
{
    if (w->out.len > 0 && !w->sink_failed) {
        if (w->sink(w->out.ptr, w->out.len, w->ud) != 0) {
            w->sink_failed = true;
        }
    }
    w->out.len = 0;
    if (w->out.ptr != NULL) {
        w->out.ptr[0] = '\0';
    }
    return w->sink_failed ? ANNALS_EIO : ANNALS_OK;
}

static annals_status put(jw *w, const char *s, size_t n)
{
    annals_status rc = annals__buf_put(&w->out, s, n);
    if (rc < 0) {
        return rc;
    }
    if (w->out.len >= FLUSH_AT) {
        return flush(w);
    }
    return ANNALS_OK;
}

static annals_status puts_(jw *w, const char *s)
{
    return put(w, s, strlen(s));
}

/* Newline plus 2 spaces per level (indented mode only). */
static annals_status newline(jw *w, unsigned level)
{
    static const char spaces[] = "                                ";
    annals_status rc;
    if (w->compact) {
        return ANNALS_OK;
    }
    rc = put(w, "\n", 1);
    while (rc == ANNALS_OK && level > 0) {
        unsigned n = level > 16 ? 16 : level;
        rc = put(w, spaces, 2 * (size_t)n);
        level -= n;
    }
    return rc;
}

/* jansson callback: copy, re-indenting every line by the record's level.
 * Raw newlines only occur as formatting (strings escape theirs). */
static int dump_cb(const char *buffer, size_t size, void *data)
{
    jw *w = data;
    size_t i, run = 0;
    for (i = 0; i < size; i++) {
        if (buffer[i] == '\n') {
            if (put(w, buffer + run, i - run) < 0 || newline(w, w->level) < 0) {
                return -1;
            }
            run = i + 1;
        }
    }
    return put(w, buffer + run, size - run) < 0 ? -1 : 0;
}

/* Dump one value at `level`; takes ownership of `v` (NULL = OOM). */
static annals_status dump(jw *w, json_t *v, unsigned level)
{
    int r;
    if (v == NULL) {
        return ANNALS_ENOMEM;
    }
    w->level = level;
    r = json_dump_callback(v, dump_cb, w, w->dump_flags);
    json_decref(v);
    if (r != 0) {
        return w->sink_failed ? ANNALS_EIO : ANNALS_ENOMEM;
    }
    return ANNALS_OK;
}

/* `"key": ` preceded by the separator and indentation of a member. */
static annals_status member(jw *w, const char *key, bool first, unsigned level)
{
    annals_status rc = first ? ANNALS_OK : put(w, ",", 1);
    if (rc == ANNALS_OK) {
        rc = newline(w, level);
    }
    if (rc == ANNALS_OK) {
        rc = puts_(w, "\"");
    }
    if (rc == ANNALS_OK) {
        rc = puts_(w, key);
    }
    if (rc == ANNALS_OK) {
        rc = puts_(w, w->compact ? "\":" : "\": ");
    }
    return rc;
}

/* Separator and indentation before array item `i` at `level`. */
static annals_status item(jw *w, size_t i, unsigned level)
{
    annals_status rc = i > 0 ? put(w, ",", 1) : ANNALS_OK;
    return rc == ANNALS_OK ? newline(w, level) : rc;
}

/* Close an array or object that had `n` items, at `level`. */
static annals_status close_(jw *w, size_t n, unsigned level, const char *bracket)
{
    annals_status rc = n > 0 ? newline(w, level) : ANNALS_OK;
    return rc == ANNALS_OK ? puts_(w, bracket) : rc;
}

/* ------------------------------------------------------- value builders */

/* Each helper returns 0 on success, -1 on OOM (like jansson). */

static int set(json_t *o, const char *key, json_t *v)
{
    return json_object_set_new(o, key, v);
}

static json_t *str_or_null(const char *s)
{
    return s != NULL ? json_string(s) : json_null();
}

static json_t *nonempty_or_null(const char *s)
{
    return s != NULL && s[0] != '\0' ? json_string(s) : json_null();
}

static json_t *real_or_null(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *size_int(size_t n)
{
    return json_integer((json_int_t)n);
}

static json_t *make_id(char prefix, size_t index)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "%c%zu", prefix, index + 1);
    return json_string(buf);
}

/* "YYYY-MM-DD", or null when undated or outside years 0..9999. */
static json_t *day_or_null(int32_t day)
{
    char buf[16];
    int y, m, d;
    if (day == ANNALS__NO_DAY) {
        return json_null();
    }
    annals__civil_from_days(day, &y, &m, &d);
    if (y < 0 || y > 9999) {
        return json_null();
    }
    snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
    return json_string(buf);
}

static json_t *id_list(const annals__idlist *l, char prefix)
{
    json_t *a = json_array();
    size_t i;
    if (a == NULL) {
        return NULL;
    }
    for (i = 0; i < l->n; i++) {
        if (json_array_append_new(a, make_id(prefix, l->ids[i])) < 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *str_list(const annals__vec *v)
{
    json_t *a = json_array();
    size_t i;
    if (a == NULL) {
        return NULL;
    }
    for (i = 0; i < v->n; i++) {
        const char *s = *(char *const *)annals__vec_at(v, i);
        if (json_array_append_new(a, json_string(s ? s : "")) < 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static const char *date_source_name(annals_date_source s)
{
    switch (s) {
    case ANNALS_DATE_NONE:
        return "none";
    case ANNALS_DATE_CLI:
        return "cli";
    case ANNALS_DATE_RECORD:
        return "record";
    case ANNALS_DATE_DATELINE:
        return "dateline";
    }
    return "none";
}

/* ------------------------------------------------------------- records */

static json_t *doc_record(const annals_corpus *c, size_t i)
{
    const annals__cdoc *d = ANNALS__CDOC(c, i);
    json_t *o = json_object();
    char positional[32];
    const char *input_id = d->id;
    if (o == NULL) {
        return NULL;
    }
    /* An id the corpus made up ("d<N>") is not the caller's: null, so
     * merged extract lines do not all claim "d1". */
    snprintf(positional, sizeof(positional), "d%zu", i + 1);
    if (input_id != NULL && strcmp(input_id, positional) == 0) {
        input_id = NULL;
    }
    if (set(o, "id", make_id('d', i)) < 0 ||
        set(o, "source", str_or_null(d->source)) < 0 ||
        set(o, "date", str_or_null(d->date)) < 0 ||
        set(o, "date_source", json_string(date_source_name(d->date_source))) < 0 ||
        set(o, "title", str_or_null(d->title)) < 0 ||
        set(o, "bytes", size_int(d->bytes)) < 0 ||
        set(o, "url", str_or_null(d->url)) < 0 ||
        set(o, "input_id", str_or_null(input_id)) < 0 ||
        set(o, "narrative", json_boolean(d->narrative)) < 0 ||
        set(o, "duplicate_of",
            d->duplicate_of >= 0 && (size_t)d->duplicate_of < c->docs.n
                ? make_id('d', (size_t)d->duplicate_of)
                : json_null()) < 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *entity_record(const annals_corpus *c, const annals_graph *g, size_t i,
                             bool explain)
{
    const annals__centity *e = ANNALS__CENTITY(c, i);
    json_t *o = json_object(), *ms = NULL;
    size_t k;
    if (o == NULL) {
        return NULL;
    }
    if (set(o, "id", make_id('a', i)) < 0 ||
        set(o, "kind", json_string(annals__entity_kind_name(e->kind))) < 0 ||
        set(o, "name", json_string(e->name ? e->name : "")) < 0 ||
        set(o, "aliases", str_list(&e->aliases)) < 0 ||
        set(o, "country", nonempty_or_null(e->country)) < 0 ||
        set(o, "roles", str_list(&e->roles)) < 0) {
        goto fail;
    }
    ms = json_array();
    if (ms == NULL) {
        goto fail;
    }
    for (k = 0; k < e->mentions.n; k++) {
        const annals__cmention *m = annals__vec_at(&e->mentions, k);
        json_t *mo = json_object();
        if (mo == NULL) {
            goto fail;
        }
        if (json_array_append_new(ms, mo) < 0 ||
            set(mo, "doc", make_id('d', m->doc)) < 0 ||
            set(mo, "start", size_int(m->start)) < 0 ||
            set(mo, "end", size_int(m->end)) < 0) {
            goto fail;
        }
    }
    if (set(o, "mentions", ms) < 0) {
        ms = NULL;
        goto fail;
    }
    ms = NULL;
    if (g != NULL) {
        bool in = g->degree[i] >= 0.0;
        if (set(o, "degree", in ? json_integer((json_int_t)g->degree[i]) : json_null()) <
                0 ||
            set(o, "betweenness", in ? real_or_null(g->betweenness[i]) : json_null()) <
                0 ||
            set(o, "community",
                g->community[i] >= 0 ? json_integer(g->community[i]) : json_null()) < 0 ||
            set(o, "involvement", json_integer(g->involvement[i])) < 0) {
            goto fail;
        }
    }
    if (explain && set(o, "explain", str_or_null(e->explain)) < 0) {
        goto fail;
    }
    return o;
fail:
    json_decref(ms);
    json_decref(o);
    return NULL;
}

static json_t *timex_record(const annals_corpus *c, size_t i)
{
    const annals__ctimex *t = ANNALS__CTIMEX(c, i);
    json_t *o = json_object();
    if (o == NULL) {
        return NULL;
    }
    if (set(o, "id", make_id('t', i)) < 0 || set(o, "doc", make_id('d', t->doc)) < 0 ||
        set(o, "start", size_int(t->start)) < 0 || set(o, "end", size_int(t->end)) < 0 ||
        set(o, "text", json_string(t->text ? t->text : "")) < 0 ||
        set(o, "type", json_string(annals__timex_type_name(t->type))) < 0 ||
        set(o, "value", json_string(t->value)) < 0 ||
        set(o, "rule", nonempty_or_null(t->rule)) < 0 ||
        set(o, "mod", nonempty_or_null(t->mod)) < 0 ||
        set(o, "anchor", nonempty_or_null(t->anchor)) < 0 ||
        set(o, "earliest", day_or_null(t->earliest)) < 0 ||
        set(o, "latest", day_or_null(t->latest)) < 0 ||
        set(o, "precision", json_string(annals__precision_name(t->precision))) < 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *event_date(const annals__cevent *ev)
{
    json_t *o = json_object();
    if (o == NULL) {
        return NULL;
    }
    if (set(o, "value", nonempty_or_null(ev->date_value)) < 0 ||
        set(o, "earliest", day_or_null(ev->earliest)) < 0 ||
        set(o, "latest", day_or_null(ev->latest)) < 0 ||
        set(o, "precision", json_string(annals__precision_name(ev->precision))) < 0 ||
        set(o, "timex", ev->timex >= 0 ? make_id('t', (size_t)ev->timex) : json_null()) <
            0 ||
        set(o, "inferred", json_boolean(ev->inferred)) < 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *event_mentions(const annals__cevent *ev)
{
    json_t *a = json_array();
    size_t k;
    if (a == NULL) {
        return NULL;
    }
    for (k = 0; k < ev->mentions.n; k++) {
        const annals__cevmention *m = annals__vec_at(&ev->mentions, k);
        json_t *mo = json_object();
        if (mo == NULL || json_array_append_new(a, mo) < 0 ||
            set(mo, "doc", make_id('d', m->doc)) < 0 ||
            set(mo, "start", size_int(m->start)) < 0 ||
            set(mo, "end", size_int(m->end)) < 0 ||
            set(mo, "trigger", json_string(m->trigger ? m->trigger : "")) < 0 ||
            set(mo, "sentence_start", size_int(m->sentence_start)) < 0 ||
            set(mo, "sentence_end", size_int(m->sentence_end)) < 0 ||
            set(mo, "sentence", str_or_null(m->sentence)) < 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *event_count(const annals__cevent *ev)
{
    json_t *o;
    if (!ev->has_count) {
        return json_null();
    }
    o = json_object();
    if (o == NULL) {
        return NULL;
    }
    if (set(o, "min", json_integer(ev->count_min)) < 0 ||
        set(o, "max", json_integer(ev->count_max)) < 0 ||
        set(o, "text", str_or_null(ev->count_text)) < 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *event_record(const annals_corpus *c, const annals_graph *g, size_t i,
                            bool explain)
{
    const annals__cevent *ev = ANNALS__CEVENT(c, i);
    json_t *o = json_object();
    int quad = ev->quad >= 0 && ev->quad <= 3 ? ev->quad : 0;
    if (o == NULL) {
        return NULL;
    }
    if (set(o, "id", make_id('e', i)) < 0 || set(o, "code", json_string(ev->code)) < 0 ||
        set(o, "root", json_string(ev->root)) < 0 ||
        set(o, "type", json_string(ev->type ? ev->type : "")) < 0 ||
        set(o, "quad", json_integer(quad + 1)) < 0 ||
        set(o, "label", json_string(ev->label ? ev->label : "")) < 0 ||
        set(o, "source", id_list(&ev->source, 'a')) < 0 ||
        set(o, "target", id_list(&ev->target, 'a')) < 0 ||
        set(o, "participants", id_list(&ev->participants, 'a')) < 0 ||
        set(o, "places", id_list(&ev->places, 'a')) < 0 ||
        set(o, "date", event_date(ev)) < 0 ||
        set(o, "modality", json_string(annals__modality_name(ev->modality))) < 0 ||
        set(o, "confidence", real_or_null(ev->confidence)) < 0 ||
        set(o, "mentions", event_mentions(ev)) < 0 ||
        set(o, "quad_name", json_string(annals__quad_name(quad))) < 0 ||
        set(o, "goldstein", real_or_null(ev->goldstein)) < 0 ||
        set(o, "count", event_count(ev)) < 0 ||
        set(o, "sources", size_int(annals__cevent_sources(c, ev))) < 0 ||
        set(o, "disagreements", str_list(&ev->disagreements)) < 0) {
        goto fail;
    }
    if (g != NULL && set(o, "salience", real_or_null(g->salience[i])) < 0) {
        goto fail;
    }
    if (explain && set(o, "explain", str_or_null(ev->explain)) < 0) {
        goto fail;
    }
    return o;
fail:
    json_decref(o);
    return NULL;
}

static json_t *warning_record(size_t doc, const annals_warning *wr)
{
    json_t *o = json_object();
    if (o == NULL) {
        return NULL;
    }
    if (set(o, "doc", make_id('d', doc)) < 0 ||
        set(o, "offset",
            wr->offset == ANNALS_NO_OFFSET ? json_null() : size_int(wr->offset)) < 0 ||
        set(o, "message", json_string(wr->message ? wr->message : "")) < 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The id of graph vertex `v`. */
static json_t *vertex_id(const annals_graph *g, size_t v)
{
    const annals__gvertex *x = &g->vertices[v];
    switch (x->kind) {
    case ANNALS_V_EVENT:
        return make_id('e', x->ref);
    case ANNALS_V_ACTOR:
    case ANNALS_V_PLACE:
        return make_id('a', x->ref);
    case ANNALS_V_DATE: {
        const char *val = x->ref < g->n_date_values ? g->date_values[x->ref] : "";
        size_t n = strlen(ANNALS__DATE_ID_PREFIX) + strlen(val);
        char *buf = malloc(n + 1);
        json_t *s;
        if (buf == NULL) {
            return NULL;
        }
        snprintf(buf, n + 1, "%s%s", ANNALS__DATE_ID_PREFIX, val);
        s = json_string(buf);
        free(buf);
        return s;
    }
    }
    return NULL;
}

static json_t *node_record(const annals_graph *g, size_t v)
{
    const annals_corpus *c = g->corpus;
    const annals__gvertex *x = &g->vertices[v];
    json_t *o = json_object();
    if (o == NULL) {
        return NULL;
    }
    if (set(o, "id", vertex_id(g, v)) < 0 ||
        set(o, "kind", json_string(annals__vkind_name(x->kind))) < 0) {
        goto fail;
    }
    switch (x->kind) {
    case ANNALS_V_EVENT: {
        const annals__cevent *ev = ANNALS__CEVENT(c, x->ref);
        int quad = ev->quad >= 0 && ev->quad <= 3 ? ev->quad : 0;
        if (set(o, "label", json_string(ev->label ? ev->label : "")) < 0 ||
            set(o, "code", json_string(ev->code)) < 0 ||
            set(o, "quad", json_integer(quad + 1)) < 0 ||
            set(o, "date", nonempty_or_null(ev->date_value)) < 0 ||
            set(o, "salience", real_or_null(g->salience[x->ref])) < 0) {
            goto fail;
        }
        break;
    }
    case ANNALS_V_ACTOR:
    case ANNALS_V_PLACE: {
        const annals__centity *e = ANNALS__CENTITY(c, x->ref);
        if (set(o, "label", json_string(e->name ? e->name : "")) < 0 ||
            set(o, "entity_kind", json_string(annals__entity_kind_name(e->kind))) < 0 ||
            set(o, "country", nonempty_or_null(e->country)) < 0) {
            goto fail;
        }
        if (x->kind == ANNALS_V_ACTOR &&
            (set(o, "degree",
                 g->degree[x->ref] >= 0.0 ? json_integer((json_int_t)g->degree[x->ref])
                                          : json_null()) < 0 ||
             set(o, "betweenness", real_or_null(g->betweenness[x->ref])) < 0 ||
             set(o, "community",
                 g->community[x->ref] >= 0 ? json_integer(g->community[x->ref])
                                           : json_null()) < 0 ||
             set(o, "involvement", json_integer(g->involvement[x->ref])) < 0)) {
            goto fail;
        }
        break;
    }
    case ANNALS_V_DATE:
        if (set(o, "label",
                json_string(x->ref < g->n_date_values ? g->date_values[x->ref] : "")) <
            0) {
            goto fail;
        }
        break;
    }
    return o;
fail:
    json_decref(o);
    return NULL;
}

static json_t *edge_record(const annals_graph *g, size_t i)
{
    const annals__gedge *e = &g->edges[i];
    json_t *o = json_object();
    if (o == NULL) {
        return NULL;
    }
    if (set(o, "source", vertex_id(g, e->from)) < 0 ||
        set(o, "target", vertex_id(g, e->to)) < 0 ||
        set(o, "kind", json_string(annals__ekind_name(e->kind))) < 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *projection_record(const annals_graph *g, size_t i)
{
    const annals__actor_edge *e = &g->actor_edges[i];
    json_t *o = json_object(), *evs;
    size_t k;
    if (o == NULL) {
        return NULL;
    }
    evs = json_array();
    if (evs == NULL) {
        json_decref(o);
        return NULL;
    }
    for (k = 0; k < e->n_events; k++) {
        if (json_array_append_new(evs, make_id('e', e->events[k])) < 0) {
            json_decref(evs);
            json_decref(o);
            return NULL;
        }
    }
    if (set(o, "source", make_id('a', e->a)) < 0 ||
        set(o, "target", make_id('a', e->b)) < 0 ||
        set(o, "weight", json_integer(e->n_events)) < 0 ||
        set(o, "quad", json_integer(e->dominant_quad + 1)) < 0 ||
        set(o, "events", evs) < 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *graph_summary(const annals_graph *g)
{
    static const char *const modes[] = {"exact", "sampled", "skipped"};
    json_t *o = json_object();
    if (o == NULL) {
        return NULL;
    }
    if (set(o, "events", size_int(g->n_events)) < 0 ||
        set(o, "actors", size_int(g->n_actors)) < 0 ||
        set(o, "vertices", size_int(g->n_vertices)) < 0 ||
        set(o, "edges", size_int(g->n_edges)) < 0 ||
        set(o, "components", size_int(g->n_components)) < 0 ||
        set(o, "communities", size_int(g->n_communities)) < 0 ||
        set(o, "modularity", real_or_null(g->modularity)) < 0 ||
        set(o, "betweenness", json_string(modes[g->betweenness_mode])) < 0) {
        json_decref(o);
        return NULL;
    }
    if (g->betweenness_mode == ANNALS_BETWEENNESS_SAMPLED &&
        set(o, "betweenness_sources", size_int(g->betweenness_sources)) < 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* ---------------------------------------------------------------- framing */

static annals_status
write_array(jw *w, size_t n, unsigned level,
            json_t *(*make)(const annals_corpus *, const annals_graph *, size_t, bool),
            const annals_corpus *c, const annals_graph *g, bool explain)
{
    annals_status rc = put(w, "[", 1);
    size_t i;
    for (i = 0; rc == ANNALS_OK && i < n; i++) {
        rc = item(w, i, level + 1);
        if (rc == ANNALS_OK) {
            rc = dump(w, make(c, g, i, explain), level + 1);
        }
    }
    return rc == ANNALS_OK ? close_(w, n, level, "]") : rc;
}

static json_t *mk_doc(const annals_corpus *c, const annals_graph *g, size_t i, bool x)
{
    (void)g;
    (void)x;
    return doc_record(c, i);
}

static json_t *mk_entity(const annals_corpus *c, const annals_graph *g, size_t i, bool x)
{
    return entity_record(c, g, i, x);
}

static json_t *mk_timex(const annals_corpus *c, const annals_graph *g, size_t i, bool x)
{
    (void)g;
    (void)x;
    return timex_record(c, i);
}

static json_t *mk_event(const annals_corpus *c, const annals_graph *g, size_t i, bool x)
{
    return event_record(c, g, i, x);
}

static json_t *mk_node(const annals_corpus *c, const annals_graph *g, size_t i, bool x)
{
    (void)c;
    (void)x;
    return node_record(g, i);
}

static json_t *mk_edge(const annals_corpus *c, const annals_graph *g, size_t i, bool x)
{
    (void)c;
    (void)x;
    return edge_record(g, i);
}

static json_t *mk_projection(const annals_corpus *c, const annals_graph *g, size_t i,
                             bool x)
{
    (void)c;
    (void)x;
    return projection_record(g, i);
}

static annals_status write_warnings(jw *w, const annals_corpus *c, unsigned level)
{
    annals_status rc = put(w, "[", 1);
    size_t d, k, n = 0;
    for (d = 0; rc == ANNALS_OK && d < c->docs.n; d++) {
        const annals__cdoc *doc = ANNALS__CDOC(c, d);
        for (k = 0; rc == ANNALS_OK && k < doc->warnings.n; k++) {
            rc = item(w, n++, level + 1);
            if (rc == ANNALS_OK) {
                rc = dump(w, warning_record(d, annals__vec_at(&doc->warnings, k)),
                          level + 1);
            }
        }
    }
    return rc == ANNALS_OK ? close_(w, n, level, "]") : rc;
}

static annals_status write_graph(jw *w, const annals_corpus *c, const annals_graph *g)
{
    annals_status rc = put(w, "{", 1);
    if (rc == ANNALS_OK) {
        rc = member(w, "nodes", true, 2);
    }
    if (rc == ANNALS_OK) {
        rc = write_array(w, g ? g->n_vertices : 0, 2, mk_node, c, g, false);
    }
    if (rc == ANNALS_OK) {
        rc = member(w, "edges", false, 2);
    }
    if (rc == ANNALS_OK) {
        rc = write_array(w, g ? g->n_edges : 0, 2, mk_edge, c, g, false);
    }
    if (g != NULL) {
        if (rc == ANNALS_OK) {
            rc = member(w, "projection", false, 2);
        }
        if (rc == ANNALS_OK) {
            rc = write_array(w, g->n_actor_edges, 2, mk_projection, c, g, false);
        }
        if (rc == ANNALS_OK) {
            rc = member(w, "summary", false, 2);
        }
        if (rc == ANNALS_OK) {
            rc = dump(w, graph_summary(g), 2);
        }
    }
    return rc == ANNALS_OK ? close_(w, 1, 1, "}") : rc;
}

annals_status annals_export_json(const annals_corpus *corpus, const annals_graph *graph,
                                 unsigned flags, annals_sink sink, void *userdata,
                                 annals_error *err)
{
    jw w;
    json_t *gen;
    bool explain = (flags & ANNALS_JSON_EXPLAIN) != 0;
    annals_status rc;

    if (corpus == NULL || sink == NULL) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
                             "annals_export_json: NULL argument");
    }
    if (graph != NULL && graph->corpus != corpus) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
                             "the graph was built from another corpus");
    }
    memset(&w, 0, sizeof(w));
    w.sink = sink;
    w.ud = userdata;
    w.compact = (flags & ANNALS_JSON_COMPACT) != 0;
    w.dump_flags = (size_t)JSON_REAL_PRECISION(6) |
                   (w.compact ? (size_t)JSON_COMPACT : (size_t)JSON_INDENT(2));
    annals__buf_init(&w.out);

    rc = put(&w, "{", 1);
    if (rc == ANNALS_OK) {
        rc = member(&w, "schema", true, 1);
    }
    if (rc == ANNALS_OK) {
        rc = puts_(&w, "\"annals/1\"");
    }
    if (rc == ANNALS_OK) {
        rc = member(&w, "generator", false, 1);
    }
    if (rc == ANNALS_OK) {
        gen = json_pack("{s:s, s:s}", "name", "annals", "version", ANNALS_VERSION_STRING);
        rc = dump(&w, gen, 1);
    }
    if (rc == ANNALS_OK) {
        rc = member(&w, "documents", false, 1);
    }
    if (rc == ANNALS_OK) {
        rc = write_array(&w, corpus->docs.n, 1, mk_doc, corpus, graph, explain);
    }
    if (rc == ANNALS_OK) {
        rc = member(&w, "entities", false, 1);
    }
    if (rc == ANNALS_OK) {
        rc = write_array(&w, corpus->entities.n, 1, mk_entity, corpus, graph, explain);
    }
    if (rc == ANNALS_OK) {
        rc = member(&w, "timexes", false, 1);
    }
    if (rc == ANNALS_OK) {
        rc = write_array(&w, corpus->timexes.n, 1, mk_timex, corpus, graph, explain);
    }
    if (rc == ANNALS_OK) {
        rc = member(&w, "events", false, 1);
    }
    if (rc == ANNALS_OK) {
        rc = write_array(&w, corpus->events.n, 1, mk_event, corpus, graph, explain);
    }
    if (rc == ANNALS_OK) {
        rc = member(&w, "warnings", false, 1);
    }
    if (rc == ANNALS_OK) {
        rc = write_warnings(&w, corpus, 1);
    }
    if (rc == ANNALS_OK) {
        rc = member(&w, "graph", false, 1);
    }
    if (rc == ANNALS_OK) {
        rc = write_graph(&w, corpus, graph);
    }
    if (rc == ANNALS_OK) {
        rc = close_(&w, 1, 0, "}");
    }
    if (rc == ANNALS_OK) {
        rc = put(&w, "\n", 1);
    }
    if (rc == ANNALS_OK) {
        rc = flush(&w);
    }
    annals__buf_dispose(&w.out);
    if (rc == ANNALS_EIO) {
        return annals__error(err, ANNALS_EIO, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
                             "the output sink stopped");
    }
    if (rc < 0) {
        return annals__error(err, rc, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
                             "out of memory writing JSON");
    }
    return ANNALS_OK;
}
