/* SPDX-License-Identifier: MIT */
/*
 * graph/graph.c - the event graph: selection, multi-type graph, actor
 * projection and its analytics (igraph).
 *
 * Pipeline stage after corpus/. annals_graph_new() keeps the events of the
 * corpus a selection asks for, orders them chronologically, builds the
 * multi-type graph (event, actor, place and date vertices; role, place,
 * date, affiliation and chronological edges) and the actor projection
 * (actors linked when they take part in the same event, aggregated per
 * pair), then asks igraph for degree, betweenness, communities and
 * connected components. Everything the views and writers need is copied
 * into the plain arrays of struct annals_graph (graph.h): this is the only
 * file that includes <igraph.h>.
 *
 * Guarantees:
 *  - igraph never aborts the process: its error handler is replaced around
 *    our calls (and restored), failures become ANNALS_EGRAPH with igraph's
 *    message, warnings are silenced;
 *  - output is deterministic: igraph's RNG is seeded from the context's
 *    options.seed before the (randomised) community detection, and
 *    community ids are renumbered by their first member;
 *  - time is O(E log E) in the number of role/pair records apart from
 *    betweenness (Brandes: O(V*E)), which is exact while V*E of the
 *    projection stays within BETWEENNESS_EXACT_BUDGET (about 2 s here);
 *    above that it is estimated from k source vertices drawn with the
 *    seed (k = BETWEENNESS_SAMPLE_BUDGET / E, at least
 *    BETWEENNESS_SAMPLE_MIN: shortest paths from those sources to every
 *    vertex, scaled by V/k, the Brandes-Pich estimator), so 10,000 actors
 *    with 160,000 pairs take about a second instead of 22; beyond
 *    BETWEENNESS_SKIP_BUDGET it is skipped (all zero). betweenness_mode
 *    says which;
 *  - an event contributes at most PAIR_ACTORS_MAX actors to the projection
 *    (the first ones in role order), and the projection holds at most
 *    PAIR_BUDGET pair records, else ANNALS_ELIMIT: a hostile corpus cannot
 *    make it quadratic.
 */
#include "graph/graph.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wundef"
#endif
#include <igraph.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#define PAIR_ACTORS_MAX           32
#define PAIR_BUDGET               ((size_t)50 * 1000 * 1000)
#define BETWEENNESS_EXACT_BUDGET  1.5e8
#define BETWEENNESS_SAMPLE_BUDGET 6.0e7
#define BETWEENNESS_SAMPLE_MIN    64
#define BETWEENNESS_SKIP_BUDGET   2.0e9

/* ------------------------------------------------------------ small helpers */

static annals_status oom(annals_error *err)
{
    return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_GRAPH, ANNALS_NO_OFFSET,
                         "out of memory building the graph");
}

/* calloc that treats n == 0 as one element so NULL always means OOM. */
static void *alloc_array(size_t n, size_t size)
{
    return calloc(n ? n : 1, size);
}

const char *annals__vkind_name(annals__vkind k)
{
    switch (k) {
    case ANNALS_V_EVENT:
        return "event";
    case ANNALS_V_ACTOR:
        return "actor";
    case ANNALS_V_PLACE:
        return "place";
    case ANNALS_V_DATE:
        return "date";
    }
    return "event";
}

const char *annals__ekind_name(annals__ekind k)
{
    switch (k) {
    case ANNALS_E_SOURCE:
        return "source";
    case ANNALS_E_TARGET:
        return "target";
    case ANNALS_E_PARTICIPANT:
        return "participant";
    case ANNALS_E_PLACE:
        return "place";
    case ANNALS_E_DATE:
        return "date";
    case ANNALS_E_AFFILIATION:
        return "affiliation";
    case ANNALS_E_NEXT:
        return "next";
    }
    return "source";
}

uint32_t annals__event_main_actor(const annals__cevent *ev)
{
    if (ev->source.n > 0) {
        return ev->source.ids[0];
    }
    if (ev->target.n > 0) {
        return ev->target.ids[0];
    }
    if (ev->participants.n > 0) {
        return ev->participants.ids[0];
    }
    return UINT32_MAX;
}

/* ------------------------------------------------------- igraph error handling */

/* igraph's handlers and RNG are process-global (see ctx.h): the reason of
 * the last failure is kept here between the failing call and our check. */
static char ig_reason[128];

static void ig_error_handler(const char *reason, const char *file, int line,
                             igraph_error_t igraph_errno)
{
    (void)file;
    (void)line;
    (void)igraph_errno;
    snprintf(ig_reason, sizeof(ig_reason), "%s", reason ? reason : "");
    /* What igraph_error_handler_ignore does: free the objects igraph had
     * registered for cleanup, then return the error code to the caller. */
    IGRAPH_FINALLY_FREE();
}

typedef struct ig_guard {
    igraph_error_handler_t *old_error;
    igraph_warning_handler_t *old_warning;
} ig_guard;

static void ig_enter(ig_guard *g)
{
    ig_reason[0] = '\0';
    g->old_error = igraph_set_error_handler(ig_error_handler);
    g->old_warning = igraph_set_warning_handler(igraph_warning_handler_ignore);
}

static void ig_leave(const ig_guard *g)
{
    igraph_set_error_handler(g->old_error);
    igraph_set_warning_handler(g->old_warning);
}

static annals_status ig_fail(annals_error *err, igraph_error_t e, const char *what)
{
    if (e == IGRAPH_ENOMEM) {
        return oom(err);
    }
    return annals__error(err, ANNALS_EGRAPH, ANNALS_STAGE_GRAPH, ANNALS_NO_OFFSET,
                         "igraph %s: %s%s%s", what, igraph_strerror(e),
                         ig_reason[0] ? ": " : "", ig_reason);
}

/* Create an igraph graph of exactly `n_vertices` from vertex pairs; `g` is
 * initialised only on success. Must run inside ig_enter/ig_leave. */
static annals_status ig_create(igraph_t *g, size_t n_vertices, const uint32_t *pairs,
                               size_t n_edges, bool directed, annals_error *err)
{
    igraph_vector_int_t ev;
    igraph_error_t e;
    size_t i;

    if (n_edges > (size_t)IGRAPH_INTEGER_MAX / 2 ||
        n_vertices > (size_t)IGRAPH_INTEGER_MAX) {
        return annals__error(err, ANNALS_ELIMIT, ANNALS_STAGE_GRAPH, ANNALS_NO_OFFSET,
                             "graph too large for igraph");
    }
    e = igraph_vector_int_init(&ev, (igraph_integer_t)(2 * n_edges));
    if (e != IGRAPH_SUCCESS) {
        return ig_fail(err, e, "vector");
    }
    for (i = 0; i < 2 * n_edges; i++) {
        VECTOR(ev)[i] = (igraph_integer_t)pairs[i];
    }
    /* igraph_create() would silently grow the graph to fit an id out of
     * range; adding edges to a graph of exactly n vertices checks them. */
    e = igraph_empty(g, (igraph_integer_t)n_vertices, directed);
    if (e != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&ev);
        return ig_fail(err, e, "create");
    }
    e = igraph_add_edges(g, &ev, NULL);
    igraph_vector_int_destroy(&ev);
    if (e != IGRAPH_SUCCESS) {
        igraph_destroy(g);
        return ig_fail(err, e, "add edges");
    }
    return ANNALS_OK;
}

annals_status annals__graph_igraph_check(size_t n_vertices, const uint32_t *pairs,
                                         size_t n_edges, bool directed, annals_error *err)
{
    ig_guard guard;
    igraph_t g;
    annals_status rc;

    ig_enter(&guard);
    rc = ig_create(&g, n_vertices, pairs, n_edges, directed, err);
    if (rc == ANNALS_OK) {
        igraph_destroy(&g);
    }
    ig_leave(&guard);
    return rc;
}

/* ---------------------------------------------------------------- selection */

static bool ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z') {
            x = (char)(x - 'A' + 'a');
        }
        if (y >= 'A' && y <= 'Z') {
            y = (char)(y - 'A' + 'a');
        }
        if (x != y) {
            return false;
        }
    }
    return *a == *b;
}

static bool all_digits(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

/*
 * Parse a selection bound: "YYYY", "YYYY-MM" or "YYYY-MM-DD". `*first` and
 * `*last` receive the first and last day of that period:
 *   "2024"    -> 2024-01-01 .. 2024-12-31
 *   "2024-02" -> 2024-02-01 .. 2024-02-29
 */
static bool parse_bound(const char *s, int32_t *first, int32_t *last)
{
    size_t n = strlen(s);
    int y, m, d;

    if (n == 4 && all_digits(s, 4)) {
        y = atoi(s);
        *first = annals__days_from_civil(y, 1, 1);
        *last = annals__days_from_civil(y, 12, 31);
        return true;
    }
    if (n == 7 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2)) {
        char buf[5];
        memcpy(buf, s, 4);
        buf[4] = '\0';
        y = atoi(buf);
        m = atoi(s + 5);
        if (m < 1 || m > 12) {
            return false;
        }
        *first = annals__days_from_civil(y, m, 1);
        *last = annals__days_from_civil(y, m, annals__days_in_month(y, m));
        return true;
    }
    if (n == 10 && annals__parse_ymd(s, n, &y, &m, &d)) {
        *first = *last = annals__days_from_civil(y, m, d);
        return true;
    }
    return false;
}

/* Parse "18,19,20" (spaces allowed, "4" means "04") into want[1..20]. */
static bool parse_roots(const char *s, bool want[21])
{
    bool any = false;
    while (*s) {
        int v = 0, digits = 0;
        while (*s == ' ' || *s == ',') {
            s++;
        }
        if (*s == '\0') {
            break;
        }
        while (*s >= '0' && *s <= '9') {
            if (digits < 3) {
                v = v * 10 + (*s - '0');
            }
            digits++;
            s++;
        }
        while (*s == ' ') {
            s++;
        }
        if (digits == 0 || digits > 2 || v < 1 || v > 20 || (*s != ',' && *s != '\0')) {
            return false;
        }
        want[v] = true;
        any = true;
    }
    return any;
}

static int root_number(const annals__cevent *ev)
{
    if (ev->root[0] >= '0' && ev->root[0] <= '9' && ev->root[1] >= '0' &&
        ev->root[1] <= '9') {
        return (ev->root[0] - '0') * 10 + (ev->root[1] - '0');
    }
    return -1;
}

/* The actors of an event (source, target, participants; each once), at most
 * `cap`, in role order. `stamp` (one slot per corpus entity) with value
 * `mark` dedupes in O(1). Returns the count. */
static size_t event_actors(const annals__cevent *ev, uint32_t *out, size_t cap,
                           uint32_t *stamp, uint32_t mark, size_t n_entities)
{
    const annals__idlist *roles[3] = {&ev->source, &ev->target, &ev->participants};
    size_t r, i, n = 0;
    for (r = 0; r < 3; r++) {
        for (i = 0; i < roles[r]->n && n < cap; i++) {
            uint32_t a = roles[r]->ids[i];
            if (a >= n_entities || stamp[a] == mark) {
                continue;
            }
            stamp[a] = mark;
            out[n++] = a;
        }
    }
    return n;
}

/* --------------------------------------------------------- chronological order */

typedef struct chrono_key {
    int32_t earliest;
    int prec;
    uint32_t index;
    bool undated;
} chrono_key;

static int precision_rank(annals_precision p)
{
    return p == ANNALS_PREC_NONE ? 99 : (int)p;
}

static int cmp_chrono(const void *pa, const void *pb)
{
    const chrono_key *a = pa, *b = pb;
    if (a->undated != b->undated) {
        return a->undated ? 1 : -1;
    }
    if (!a->undated) {
        if (a->earliest != b->earliest) {
            return a->earliest < b->earliest ? -1 : 1;
        }
        if (a->prec != b->prec) {
            return a->prec < b->prec ? -1 : 1;
        }
    }
    return a->index < b->index ? -1 : (a->index > b->index);
}

/*
 * Sort corpus event indices chronologically: by earliest day, then finer
 * precision first, then corpus (document, offset) order; undated events
 * last, in corpus order, never on a made-up date.
 */
static annals_status sort_chrono(const annals_corpus *c, uint32_t *events, size_t n)
{
    chrono_key *keys;
    size_t i;
    if (n == 0) {
        return ANNALS_OK;
    }
    keys = malloc(n * sizeof(*keys));
    if (keys == NULL) {
        return ANNALS_ENOMEM;
    }
    for (i = 0; i < n; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, events[i]);
        keys[i].undated = ev->earliest == ANNALS__NO_DAY;
        keys[i].earliest = ev->earliest;
        keys[i].prec = precision_rank(ev->precision);
        keys[i].index = events[i];
    }
    qsort(keys, n, sizeof(*keys), cmp_chrono);
    for (i = 0; i < n; i++) {
        events[i] = keys[i].index;
    }
    free(keys);
    return ANNALS_OK;
}

/* -------------------------------------------------------------- projection */

typedef struct pair_rec {
    uint64_t key; /* a << 32 | b, a < b */
    uint32_t pos; /* chronological position of the event */
    uint32_t event;
} pair_rec;

static int cmp_pair(const void *pa, const void *pb)
{
    const pair_rec *a = pa, *b = pb;
    if (a->key != b->key) {
        return a->key < b->key ? -1 : 1;
    }
    return a->pos < b->pos ? -1 : (a->pos > b->pos);
}

static int cmp_u32(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return a < b ? -1 : (a > b);
}

static void free_actor_edges(annals__actor_edge *edges, size_t n)
{
    size_t i;
    if (edges == NULL) {
        return;
    }
    for (i = 0; i < n; i++) {
        free(edges[i].events);
    }
    free(edges);
}

/*
 * Aggregate the actor pairs of `events` (chronological) into projection
 * edges: one per pair of actors that share at least one event, with those
 * events in chronological order and the quad class most of them have (ties
 * go to the lower class number).
 */
static annals_status build_projection(const annals_corpus *c, const uint32_t *events,
                                      size_t n_events, uint32_t *stamp,
                                      annals__actor_edge **edges_out, size_t *n_out,
                                      annals_error *err)
{
    size_t n_ent = c->entities.n;
    pair_rec *pairs = NULL;
    size_t n_pairs = 0, cap_pairs = 0, i, j, k, n_edges = 0;
    uint32_t actors[PAIR_ACTORS_MAX];
    annals__actor_edge *edges = NULL;
    annals_status rc = ANNALS_OK;

    *edges_out = NULL;
    *n_out = 0;
    for (i = 0; i < n_events; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, events[i]);
        size_t na =
            event_actors(ev, actors, PAIR_ACTORS_MAX, stamp, (uint32_t)i + 1, n_ent);
        size_t need;
        if (na < 2) {
            continue;
        }
        qsort(actors, na, sizeof(actors[0]), cmp_u32);
        need = na * (na - 1) / 2;
        if (n_pairs + need > PAIR_BUDGET) {
            rc = annals__error(err, ANNALS_ELIMIT, ANNALS_STAGE_GRAPH, ANNALS_NO_OFFSET,
                               "actor projection exceeds %zu actor pairs", PAIR_BUDGET);
            goto done;
        }
        if (n_pairs + need > cap_pairs) {
            size_t cap = cap_pairs ? cap_pairs * 2 : 1024;
            pair_rec *p;
            while (cap < n_pairs + need) {
                cap *= 2;
            }
            p = realloc(pairs, cap * sizeof(*pairs));
            if (p == NULL) {
                rc = oom(err);
                goto done;
            }
            pairs = p;
            cap_pairs = cap;
        }
        for (j = 0; j < na; j++) {
            for (k = j + 1; k < na; k++) {
                pair_rec *pr = &pairs[n_pairs++];
                pr->key = ((uint64_t)actors[j] << 32) | actors[k];
                pr->pos = (uint32_t)i;
                pr->event = events[i];
            }
        }
    }
    /* Reset the stamps for the next user. */
    memset(stamp, 0, (n_ent ? n_ent : 1) * sizeof(*stamp));
    if (n_pairs == 0) {
        goto done;
    }
    qsort(pairs, n_pairs, sizeof(*pairs), cmp_pair);
    for (i = 0; i < n_pairs; i++) {
        if (i == 0 || pairs[i].key != pairs[i - 1].key) {
            n_edges++;
        }
    }
    edges = calloc(n_edges, sizeof(*edges));
    if (edges == NULL) {
        rc = oom(err);
        goto done;
    }
    for (i = 0, k = 0; i < n_pairs; k++) {
        size_t end = i;
        unsigned quad_count[4] = {0, 0, 0, 0};
        int q, best = 0;
        annals__actor_edge *e = &edges[k];
        while (end < n_pairs && pairs[end].key == pairs[i].key) {
            end++;
        }
        e->a = (uint32_t)(pairs[i].key >> 32);
        e->b = (uint32_t)(pairs[i].key & 0xffffffffu);
        e->n_events = (uint32_t)(end - i);
        e->events = malloc((end - i) * sizeof(uint32_t));
        if (e->events == NULL) {
            rc = oom(err);
            goto done;
        }
        for (j = i; j < end; j++) {
            const annals__cevent *ev = ANNALS__CEVENT(c, pairs[j].event);
            e->events[j - i] = pairs[j].event;
            if (ev->quad >= 0 && ev->quad <= 3) {
                quad_count[ev->quad]++;
            }
        }
        for (q = 1; q < 4; q++) {
            if (quad_count[q] > quad_count[best]) {
                best = q;
            }
        }
        e->dominant_quad = best;
        i = end;
    }
    *edges_out = edges;
    *n_out = n_edges;
    edges = NULL;
done:
    free_actor_edges(edges, n_edges);
    free(pairs);
    return rc;
}

/* ---------------------------------------------------------------- metrics */

static uint64_t opts_seed(const annals_graph *g)
{
    const annals_options *opts =
        g->corpus->ctx ? annals_ctx_options(g->corpus->ctx) : NULL;
    return opts ? opts->seed : 1;
}

/*
 * Betweenness estimated from `k` of the `n` vertices as sources (a partial
 * Fisher-Yates shuffle driven by xorshift64 from `seed`, so the same seed
 * picks the same sources): igraph counts the shortest paths from those
 * sources to every vertex; scaling by n/k estimates the full sum.
 */
static igraph_error_t sampled_betweenness(const igraph_t *ig, size_t n, size_t k,
                                          uint64_t seed, igraph_vector_t *res)
{
    igraph_vector_int_t src;
    igraph_error_t e;
    uint64_t x = seed ? seed : 0x9E3779B97F4A7C15ull;
    size_t i;

    e = igraph_vector_int_init_range(&src, 0, (igraph_integer_t)n);
    if (e != IGRAPH_SUCCESS) {
        return e;
    }
    for (i = 0; i < k; i++) {
        size_t j;
        igraph_integer_t t;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        j = i + (size_t)(x % (uint64_t)(n - i));
        t = VECTOR(src)[i];
        VECTOR(src)[i] = VECTOR(src)[j];
        VECTOR(src)[j] = t;
    }
    e = igraph_vector_int_resize(&src, (igraph_integer_t)k);
    if (e == IGRAPH_SUCCESS) {
        e = igraph_betweenness_subset(ig, res, igraph_vss_all(), false,
                                      igraph_vss_vector(&src), igraph_vss_all(), NULL);
    }
    if (e == IGRAPH_SUCCESS && k > 0) {
        igraph_vector_scale(res, (double)n / (double)k);
    }
    igraph_vector_int_destroy(&src);
    return e;
}

/*
 * Degree, betweenness and communities of the actor projection through
 * igraph. Vertex i of the projection is g->actors[i]; edges are
 * g->actor_edges weighted by their number of events (for communities).
 */
static annals_status compute_metrics(annals_graph *g, uint32_t *local, annals_error *err)
{
    size_t n = g->n_actors, m = g->n_actor_edges, i;
    uint32_t *pairs = NULL;
    igraph_t ig;
    bool have_graph = false;
    igraph_vector_int_t deg, membership;
    igraph_vector_t btw, weights, modularity;
    bool have_deg = false, have_memb = false, have_btw = false, have_w = false,
         have_mod = false;
    igraph_error_t e;
    ig_guard guard;
    annals_status rc = ANNALS_OK;
    double vm;

    if (n == 0) {
        return ANNALS_OK;
    }
    /* local[entity] = projection vertex index. */
    for (i = 0; i < n; i++) {
        local[g->actors[i]] = (uint32_t)i;
    }
    pairs = alloc_array(2 * m, sizeof(*pairs));
    if (pairs == NULL) {
        return oom(err);
    }
    for (i = 0; i < m; i++) {
        pairs[2 * i] = local[g->actor_edges[i].a];
        pairs[2 * i + 1] = local[g->actor_edges[i].b];
    }

    ig_enter(&guard);
    rc = ig_create(&ig, n, pairs, m, false, err);
    if (rc < 0) {
        goto done;
    }
    have_graph = true;

    /* degree: distinct co-participants (the projection is simple). */
    e = igraph_vector_int_init(&deg, 0);
    if (e != IGRAPH_SUCCESS) {
        rc = ig_fail(err, e, "degree");
        goto done;
    }
    have_deg = true;
    e = igraph_degree(&ig, &deg, igraph_vss_all(), IGRAPH_ALL, false);
    if (e != IGRAPH_SUCCESS) {
        rc = ig_fail(err, e, "degree");
        goto done;
    }
    for (i = 0; i < n; i++) {
        g->degree[g->actors[i]] = (double)VECTOR(deg)[i];
    }

    /* betweenness, normalised by (n-1)(n-2)/2, within the size budget. */
    e = igraph_vector_init(&btw, 0);
    if (e != IGRAPH_SUCCESS) {
        rc = ig_fail(err, e, "betweenness");
        goto done;
    }
    have_btw = true;
    vm = (double)n * (double)(m ? m : 1);
    if (vm <= BETWEENNESS_EXACT_BUDGET) {
        g->betweenness_mode = ANNALS_BETWEENNESS_EXACT;
        e = igraph_betweenness(&ig, &btw, igraph_vss_all(), false, NULL);
    } else if ((double)BETWEENNESS_SAMPLE_MIN * (double)m <= BETWEENNESS_SKIP_BUDGET) {
        size_t k = (size_t)(BETWEENNESS_SAMPLE_BUDGET / (double)m);
        if (k < BETWEENNESS_SAMPLE_MIN) {
            k = BETWEENNESS_SAMPLE_MIN;
        }
        if (k > n) {
            k = n;
        }
        g->betweenness_mode = ANNALS_BETWEENNESS_SAMPLED;
        g->betweenness_sources = k;
        e = sampled_betweenness(&ig, n, k, opts_seed(g), &btw);
    } else {
        g->betweenness_mode = ANNALS_BETWEENNESS_SKIPPED;
        e = IGRAPH_SUCCESS;
    }
    if (e != IGRAPH_SUCCESS) {
        rc = ig_fail(err, e, "betweenness");
        goto done;
    }
    if (g->betweenness_mode != ANNALS_BETWEENNESS_SKIPPED && n > 2) {
        double norm = ((double)n - 1.0) * ((double)n - 2.0) / 2.0;
        for (i = 0; i < n; i++) {
            double b = VECTOR(btw)[i] / norm;
            g->betweenness[g->actors[i]] = isfinite(b) ? (b > 1.0 ? 1.0 : b) : 0.0;
        }
    }

    /* communities: Louvain (multilevel) weighted by events per pair; it
     * visits vertices in random order, hence the seed. */
    if (m > 0) {
        int32_t next = 0;
        int32_t *renumber = NULL;
        size_t n_raw;

        e = igraph_vector_init(&weights, (igraph_integer_t)m);
        if (e != IGRAPH_SUCCESS) {
            rc = ig_fail(err, e, "communities");
            goto done;
        }
        have_w = true;
        for (i = 0; i < m; i++) {
            VECTOR(weights)[i] = (double)g->actor_edges[i].n_events;
        }
        e = igraph_vector_int_init(&membership, 0);
        if (e != IGRAPH_SUCCESS) {
            rc = ig_fail(err, e, "communities");
            goto done;
        }
        have_memb = true;
        e = igraph_vector_init(&modularity, 0);
        if (e != IGRAPH_SUCCESS) {
            rc = ig_fail(err, e, "communities");
            goto done;
        }
        have_mod = true;
        e = igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)opts_seed(g));
        if (e == IGRAPH_SUCCESS) {
            e = igraph_community_multilevel(&ig, &weights, 1.0, &membership, NULL,
                                            &modularity);
        }
        if (e != IGRAPH_SUCCESS) {
            rc = ig_fail(err, e, "communities");
            goto done;
        }
        if (igraph_vector_size(&modularity) > 0) {
            g->modularity = igraph_vector_max(&modularity);
        }
        /* Renumber by first member (g->actors is in corpus order); actors
         * with no co-participant belong to no community. */
        n_raw = n + 1;
        renumber = malloc(n_raw * sizeof(*renumber));
        if (renumber == NULL) {
            rc = oom(err);
            goto done;
        }
        for (i = 0; i < n_raw; i++) {
            renumber[i] = -1;
        }
        for (i = 0; i < n; i++) {
            igraph_integer_t raw = VECTOR(membership)[i];
            if (VECTOR(deg)[i] == 0 || raw < 0 || (size_t)raw >= n_raw) {
                continue;
            }
            if (renumber[raw] < 0) {
                renumber[raw] = next++;
            }
            g->community[g->actors[i]] = renumber[raw];
        }
        g->n_communities = (size_t)next;
        free(renumber);
    }

done:
    if (have_mod) {
        igraph_vector_destroy(&modularity);
    }
    if (have_memb) {
        igraph_vector_int_destroy(&membership);
    }
    if (have_w) {
        igraph_vector_destroy(&weights);
    }
    if (have_btw) {
        igraph_vector_destroy(&btw);
    }
    if (have_deg) {
        igraph_vector_int_destroy(&deg);
    }
    if (have_graph) {
        igraph_destroy(&ig);
    }
    ig_leave(&guard);
    free(pairs);
    return rc;
}

/* Weakly connected components of the multi-type graph. */
static annals_status count_components(annals_graph *g, annals_error *err)
{
    uint32_t *pairs;
    igraph_t ig;
    igraph_integer_t no = 0;
    igraph_error_t e;
    ig_guard guard;
    annals_status rc;
    size_t i;

    if (g->n_vertices == 0) {
        g->n_components = 0;
        return ANNALS_OK;
    }
    pairs = alloc_array(2 * g->n_edges, sizeof(*pairs));
    if (pairs == NULL) {
        return oom(err);
    }
    for (i = 0; i < g->n_edges; i++) {
        pairs[2 * i] = g->edges[i].from;
        pairs[2 * i + 1] = g->edges[i].to;
    }
    ig_enter(&guard);
    rc = ig_create(&ig, g->n_vertices, pairs, g->n_edges, true, err);
    if (rc == ANNALS_OK) {
        e = igraph_connected_components(&ig, NULL, NULL, &no, IGRAPH_WEAK);
        if (e != IGRAPH_SUCCESS) {
            rc = ig_fail(err, e, "components");
        } else {
            g->n_components = (size_t)no;
        }
        igraph_destroy(&ig);
    }
    ig_leave(&guard);
    free(pairs);
    return rc;
}

/* ------------------------------------------------------- multi-type graph */

typedef struct vbuild {
    annals__gvertex *v;
    size_t n, cap;
    annals__gedge *e;
    size_t ne, cape;
} vbuild;

static bool push_vertex(vbuild *b, annals__vkind kind, uint32_t ref)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        annals__gvertex *p = realloc(b->v, cap * sizeof(*p));
        if (p == NULL) {
            return false;
        }
        b->v = p;
        b->cap = cap;
    }
    b->v[b->n].kind = kind;
    b->v[b->n].ref = ref;
    b->n++;
    return true;
}

static bool push_edge(vbuild *b, uint32_t from, uint32_t to, annals__ekind kind)
{
    if (b->ne == b->cape) {
        size_t cap = b->cape ? b->cape * 2 : 64;
        annals__gedge *p = realloc(b->e, cap * sizeof(*p));
        if (p == NULL) {
            return false;
        }
        b->e = p;
        b->cape = cap;
    }
    b->e[b->ne].from = from;
    b->e[b->ne].to = to;
    b->e[b->ne].kind = kind;
    b->ne++;
    return true;
}

static int cmp_str_ptr(const void *pa, const void *pb)
{
    return strcmp(*(char *const *)pa, *(char *const *)pb);
}

/* Binary search of a date value among g->date_values. */
static uint32_t date_index(const annals_graph *g, const char *value)
{
    size_t lo = 0, hi = g->n_date_values;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(g->date_values[mid], value);
        if (c == 0) {
            return (uint32_t)mid;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return UINT32_MAX;
}

/*
 * Vertices: kept events (chronological), actors (corpus order), places
 * (corpus order; an entity that acts in a kept event is an actor vertex
 * even when it is also some event's place), dates (sorted). Edges per
 * event in chronological order: sources, targets, participants, places,
 * date; then affiliations (actor -> the country actor of its country code,
 * when that country is a vertex); then "next" between consecutive dated
 * events.
 */
static annals_status build_multigraph(annals_graph *g, uint32_t *vid, annals_error *err)
{
    const annals_corpus *c = g->corpus;
    size_t n_ent = c->entities.n, i, j;
    vbuild b = {NULL, 0, 0, NULL, 0, 0};
    annals__map country_index;
    const char **dates = NULL;
    size_t n_dates = 0;
    uint32_t prev_dated = UINT32_MAX;
    annals_status rc = ANNALS_OK;

    annals__map_init(&country_index);
    for (i = 0; i < n_ent; i++) {
        vid[i] = UINT32_MAX;
    }

    /* Distinct date values, sorted. */
    dates = alloc_array(g->n_events, sizeof(*dates));
    if (dates == NULL) {
        rc = oom(err);
        goto done;
    }
    for (i = 0; i < g->n_events; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, g->events[i]);
        if (ev->date_value[0] != '\0') {
            dates[n_dates++] = ev->date_value;
        }
    }
    qsort(dates, n_dates, sizeof(*dates), cmp_str_ptr);
    for (i = 0, j = 0; i < n_dates; i++) {
        if (j == 0 || strcmp(dates[j - 1], dates[i]) != 0) {
            dates[j++] = dates[i];
        }
    }
    g->n_date_values = 0;
    g->date_values = alloc_array(j, sizeof(char *));
    if (g->date_values == NULL) {
        rc = oom(err);
        goto done;
    }
    for (i = 0; i < j; i++) {
        g->date_values[i] = annals__strdup(dates[i]);
        if (g->date_values[i] == NULL) {
            rc = oom(err);
            goto done;
        }
        g->n_date_values++;
    }

    for (i = 0; i < g->n_events; i++) {
        if (!push_vertex(&b, ANNALS_V_EVENT, g->events[i])) {
            goto nomem;
        }
    }
    for (i = 0; i < g->n_actors; i++) {
        vid[g->actors[i]] = (uint32_t)b.n;
        if (!push_vertex(&b, ANNALS_V_ACTOR, g->actors[i])) {
            goto nomem;
        }
    }
    /* Places: entities named in the places of kept events, corpus order. */
    {
        bool *is_place = alloc_array(n_ent, sizeof(bool));
        if (is_place == NULL) {
            goto nomem;
        }
        for (i = 0; i < g->n_events; i++) {
            const annals__cevent *ev = ANNALS__CEVENT(c, g->events[i]);
            for (j = 0; j < ev->places.n; j++) {
                if (ev->places.ids[j] < n_ent) {
                    is_place[ev->places.ids[j]] = true;
                }
            }
        }
        for (i = 0; i < n_ent; i++) {
            if (is_place[i] && vid[i] == UINT32_MAX) {
                vid[i] = (uint32_t)b.n;
                if (!push_vertex(&b, ANNALS_V_PLACE, (uint32_t)i)) {
                    free(is_place);
                    goto nomem;
                }
            }
        }
        free(is_place);
    }
    {
        size_t first_date = b.n;
        for (i = 0; i < g->n_date_values; i++) {
            if (!push_vertex(&b, ANNALS_V_DATE, (uint32_t)i)) {
                goto nomem;
            }
        }

        for (i = 0; i < g->n_events; i++) {
            const annals__cevent *ev = ANNALS__CEVENT(c, g->events[i]);
            uint32_t ve = (uint32_t)i;
            for (j = 0; j < ev->source.n; j++) {
                uint32_t a = ev->source.ids[j];
                if (a < n_ent && vid[a] != UINT32_MAX &&
                    !push_edge(&b, vid[a], ve, ANNALS_E_SOURCE)) {
                    goto nomem;
                }
            }
            for (j = 0; j < ev->target.n; j++) {
                uint32_t a = ev->target.ids[j];
                if (a < n_ent && vid[a] != UINT32_MAX &&
                    !push_edge(&b, ve, vid[a], ANNALS_E_TARGET)) {
                    goto nomem;
                }
            }
            for (j = 0; j < ev->participants.n; j++) {
                uint32_t a = ev->participants.ids[j];
                if (a < n_ent && vid[a] != UINT32_MAX &&
                    !push_edge(&b, vid[a], ve, ANNALS_E_PARTICIPANT)) {
                    goto nomem;
                }
            }
            for (j = 0; j < ev->places.n; j++) {
                uint32_t a = ev->places.ids[j];
                if (a < n_ent && vid[a] != UINT32_MAX &&
                    !push_edge(&b, ve, vid[a], ANNALS_E_PLACE)) {
                    goto nomem;
                }
            }
            if (ev->date_value[0] != '\0') {
                uint32_t d = date_index(g, ev->date_value);
                if (d != UINT32_MAX &&
                    !push_edge(&b, ve, (uint32_t)(first_date + d), ANNALS_E_DATE)) {
                    goto nomem;
                }
            }
        }
    }

    /* Affiliations: country code -> the first country entity with it. */
    for (i = 0; i < n_ent; i++) {
        const annals__centity *en = ANNALS__CENTITY(c, i);
        size_t dummy;
        if (en->kind == ANNALS_ENTITY_COUNTRY && en->country[0] != '\0' &&
            vid[i] != UINT32_MAX &&
            !annals__map_get(&country_index, en->country, strlen(en->country), &dummy)) {
            if (annals__map_put(&country_index, en->country, strlen(en->country), i) <
                0) {
                goto nomem;
            }
        }
    }
    for (i = 0; i < g->n_actors; i++) {
        uint32_t a = g->actors[i];
        const annals__centity *en = ANNALS__CENTITY(c, a);
        size_t ci;
        if (en->kind == ANNALS_ENTITY_COUNTRY || en->kind == ANNALS_ENTITY_PLACE ||
            en->country[0] == '\0') {
            continue;
        }
        if (annals__map_get(&country_index, en->country, strlen(en->country), &ci) &&
            ci != a && !push_edge(&b, vid[a], vid[ci], ANNALS_E_AFFILIATION)) {
            goto nomem;
        }
    }

    /* Chronology: consecutive dated events. */
    for (i = 0; i < g->n_events; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, g->events[i]);
        if (ev->earliest == ANNALS__NO_DAY) {
            continue;
        }
        if (prev_dated != UINT32_MAX &&
            !push_edge(&b, prev_dated, (uint32_t)i, ANNALS_E_NEXT)) {
            goto nomem;
        }
        prev_dated = (uint32_t)i;
    }

    g->vertices = b.v;
    g->n_vertices = b.n;
    g->edges = b.e;
    g->n_edges = b.ne;
    b.v = NULL;
    b.e = NULL;
    goto done;
nomem:
    rc = oom(err);
done:
    free(b.v);
    free(b.e);
    free(dates);
    annals__map_dispose(&country_index);
    return rc;
}

/* ------------------------------------------------------------------ salience */

/* Distinct documents reporting an event, syndicated copies not counted (as
 * annals__cevent_sources, in linear time). `doc_stamp` has one slot per
 * document, `mark` is unique per call. */
static size_t reporting_docs(const annals_corpus *c, const annals__cevent *ev,
                             uint32_t *doc_stamp, uint32_t mark, size_t n_docs)
{
    size_t i, n = 0;
    for (i = 0; i < ev->mentions.n; i++) {
        const annals__cevmention *m = annals__vec_at(&ev->mentions, i);
        if (m->doc < n_docs && doc_stamp[m->doc] != mark &&
            ANNALS__CDOC(c, m->doc)->duplicate_of < 0) {
            doc_stamp[m->doc] = mark;
            n++;
        }
    }
    return n == 0 && ev->mentions.n > 0 ? 1 : n;
}

/*
 * salience = documents reporting the event
 *          + 0.25 x further mentions
 *          + the two highest normalised degrees (degree / max degree) of its
 *            actors in the actor projection `degree` (indexed by entity).
 * So an event reported by three sources outranks one reported once, and
 * among equally reported events those between central actors come first.
 */
static void compute_salience(const annals_corpus *c, const uint32_t *events, size_t n,
                             const double *degree, double *salience, uint32_t *ent_stamp,
                             uint32_t *doc_stamp)
{
    size_t i, j, n_ent = c->entities.n, n_docs = c->docs.n;
    double max_deg = 0.0;
    uint32_t actors[PAIR_ACTORS_MAX];

    for (i = 0; i < n_ent; i++) {
        if (degree[i] > max_deg) {
            max_deg = degree[i];
        }
    }
    for (i = 0; i < n; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, events[i]);
        size_t docs = reporting_docs(c, ev, doc_stamp, (uint32_t)i + 1, n_docs);
        size_t na =
            event_actors(ev, actors, PAIR_ACTORS_MAX, ent_stamp, (uint32_t)i + 1, n_ent);
        double best1 = 0.0, best2 = 0.0, s;
        for (j = 0; j < na; j++) {
            double d = max_deg > 0.0 && degree[actors[j]] > 0.0
                           ? degree[actors[j]] / max_deg
                           : 0.0;
            if (d > best1) {
                best2 = best1;
                best1 = d;
            } else if (d > best2) {
                best2 = d;
            }
        }
        s = (double)docs;
        if (ev->mentions.n > docs) {
            s += 0.25 * (double)(ev->mentions.n - docs);
        }
        salience[events[i]] = s + best1 + best2;
    }
    memset(ent_stamp, 0, (n_ent ? n_ent : 1) * sizeof(*ent_stamp));
    memset(doc_stamp, 0, (n_docs ? n_docs : 1) * sizeof(*doc_stamp));
}

typedef struct sal_key {
    double s;
    uint32_t pos;
} sal_key;

static int cmp_salience(const void *pa, const void *pb)
{
    const sal_key *a = pa, *b = pb;
    if (a->s != b->s) {
        return a->s > b->s ? -1 : 1;
    }
    return a->pos < b->pos ? -1 : (a->pos > b->pos);
}

/* Degrees of a projection: distinct co-participants per entity. */
static void projection_degrees(const annals__actor_edge *edges, size_t n, double *degree)
{
    size_t i;
    for (i = 0; i < n; i++) {
        degree[edges[i].a] += 1.0;
        degree[edges[i].b] += 1.0;
    }
}

/* ------------------------------------------------------------------ public */

void annals_graph_free(annals_graph *g)
{
    size_t i;
    if (g == NULL) {
        return;
    }
    free((char *)(uintptr_t)g->sel.actor);
    free((char *)(uintptr_t)g->sel.from);
    free((char *)(uintptr_t)g->sel.to);
    free((char *)(uintptr_t)g->sel.roots);
    free(g->events);
    free(g->actors);
    free(g->vertices);
    free(g->edges);
    if (g->date_values != NULL) {
        for (i = 0; i < g->n_date_values; i++) {
            free(g->date_values[i]);
        }
        free(g->date_values);
    }
    free_actor_edges(g->actor_edges, g->n_actor_edges);
    free(g->degree);
    free(g->betweenness);
    free(g->community);
    free(g->salience);
    free(g->involvement);
    free(g->first_day);
    free(g->last_day);
    free(g);
}

size_t annals_graph_vertex_count(const annals_graph *g)
{
    return g ? g->n_vertices : 0;
}

size_t annals_graph_edge_count(const annals_graph *g)
{
    return g ? g->n_edges : 0;
}

static annals_status copy_selection(annals_graph *g, const annals_selection *sel,
                                    annals_error *err)
{
    annals_selection none = ANNALS_SELECTION_INIT;
    if (sel == NULL) {
        sel = &none;
    }
    g->sel = *sel;
    g->sel.actor = NULL;
    g->sel.from = NULL;
    g->sel.to = NULL;
    g->sel.roots = NULL;
    if ((sel->actor && (g->sel.actor = annals__strdup(sel->actor)) == NULL) ||
        (sel->from && (g->sel.from = annals__strdup(sel->from)) == NULL) ||
        (sel->to && (g->sel.to = annals__strdup(sel->to)) == NULL) ||
        (sel->roots && (g->sel.roots = annals__strdup(sel->roots)) == NULL)) {
        return oom(err);
    }
    return ANNALS_OK;
}

#define INVALID(err, ...)                                                                \
    annals__error((err), ANNALS_EINVAL, ANNALS_STAGE_GRAPH, ANNALS_NO_OFFSET, __VA_ARGS__)

/* Entities whose name, else one of whose aliases, equals `name` (ASCII
 * case-insensitive). Marks them in ego[]; returns how many. */
static size_t match_actor(const annals_corpus *c, const char *name, bool *ego)
{
    size_t i, j, n = 0;
    for (i = 0; i < c->entities.n; i++) {
        const annals__centity *en = ANNALS__CENTITY(c, i);
        if (en->name != NULL && ascii_ieq(en->name, name)) {
            ego[i] = true;
            n++;
        }
    }
    if (n > 0) {
        return n;
    }
    for (i = 0; i < c->entities.n; i++) {
        const annals__centity *en = ANNALS__CENTITY(c, i);
        for (j = 0; j < en->aliases.n; j++) {
            const char *al = *(char *const *)annals__vec_at(&en->aliases, j);
            if (al != NULL && ascii_ieq(al, name)) {
                ego[i] = true;
                n++;
                break;
            }
        }
    }
    return n;
}

annals_status annals_graph_new(annals_graph **out, const annals_corpus *corpus,
                               const annals_selection *sel, annals_error *err)
{
    annals_graph *g = NULL;
    size_t n_ent, n_ev, n_docs, i, j, n_keep = 0;
    int32_t from_day = ANNALS__NO_DAY, to_day = ANNALS__NO_DAY, tmp;
    bool want_root[21] = {false};
    bool use_roots = false;
    bool *ego = NULL, *alter = NULL, *acting = NULL;
    uint32_t *ent_stamp = NULL, *doc_stamp = NULL, *keep = NULL, *vid = NULL;
    uint32_t actors[PAIR_ACTORS_MAX];
    annals_status rc;

    if (out == NULL || corpus == NULL) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_GRAPH, ANNALS_NO_OFFSET,
                             "annals_graph_new: NULL argument");
    }
    *out = NULL;
    n_ent = corpus->entities.n;
    n_ev = corpus->events.n;
    n_docs = corpus->docs.n;
    if (n_ent >= UINT32_MAX - 1 || n_ev >= UINT32_MAX - 1 || n_docs >= UINT32_MAX - 1) {
        return annals__error(err, ANNALS_ELIMIT, ANNALS_STAGE_GRAPH, ANNALS_NO_OFFSET,
                             "corpus too large for a graph");
    }

    g = calloc(1, sizeof(*g));
    if (g == NULL) {
        return oom(err);
    }
    g->corpus = corpus;
    rc = copy_selection(g, sel, err);
    if (rc < 0) {
        goto done;
    }

    /* Validate the selection. */
    if (g->sel.from != NULL && !parse_bound(g->sel.from, &from_day, &tmp)) {
        rc = INVALID(err, "--from: expected YYYY, YYYY-MM or YYYY-MM-DD, got \"%.60s\"",
                     g->sel.from);
        goto done;
    }
    if (g->sel.to != NULL && !parse_bound(g->sel.to, &tmp, &to_day)) {
        rc = INVALID(err, "--to: expected YYYY, YYYY-MM or YYYY-MM-DD, got \"%.60s\"",
                     g->sel.to);
        goto done;
    }
    if (from_day != ANNALS__NO_DAY && to_day != ANNALS__NO_DAY && from_day > to_day) {
        rc = INVALID(err, "--from %.60s is after --to", g->sel.from);
        goto done;
    }
    if (g->sel.roots != NULL) {
        if (!parse_roots(g->sel.roots, want_root)) {
            rc = INVALID(
                err, "--root: expected comma-separated CAMEO roots 01-20, got \"%.60s\"",
                g->sel.roots);
            goto done;
        }
        use_roots = true;
    }
    if (!(g->sel.min_confidence >= 0.0 && g->sel.min_confidence <= 1.0)) {
        rc = annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_GRAPH, ANNALS_NO_OFFSET,
                           "--min-confidence must be between 0 and 1");
        goto done;
    }

    g->degree = alloc_array(n_ent, sizeof(double));
    g->betweenness = alloc_array(n_ent, sizeof(double));
    g->community = alloc_array(n_ent, sizeof(int32_t));
    g->involvement = alloc_array(n_ent, sizeof(uint32_t));
    g->first_day = alloc_array(n_ent, sizeof(int32_t));
    g->last_day = alloc_array(n_ent, sizeof(int32_t));
    g->salience = alloc_array(n_ev, sizeof(double));
    ent_stamp = alloc_array(n_ent, sizeof(uint32_t));
    doc_stamp = alloc_array(n_docs, sizeof(uint32_t));
    keep = alloc_array(n_ev, sizeof(uint32_t));
    vid = alloc_array(n_ent, sizeof(uint32_t));
    acting = alloc_array(n_ent, sizeof(bool));
    if (!g->degree || !g->betweenness || !g->community || !g->involvement ||
        !g->first_day || !g->last_day || !g->salience || !ent_stamp || !doc_stamp ||
        !keep || !vid || !acting) {
        rc = oom(err);
        goto done;
    }
    for (i = 0; i < n_ent; i++) {
        g->degree[i] = -1.0;
        g->community[i] = -1;
        g->first_day[i] = ANNALS__NO_DAY;
        g->last_day[i] = ANNALS__NO_DAY;
    }

    /* Filters that look at one event at a time. */
    for (i = 0; i < n_ev; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(corpus, i);
        if (use_roots) {
            int r = root_number(ev);
            if (r < 1 || r > 20 || !want_root[r]) {
                continue;
            }
        }
        if (ev->confidence < g->sel.min_confidence) {
            continue;
        }
        if (from_day != ANNALS__NO_DAY || to_day != ANNALS__NO_DAY) {
            /* An undated event overlaps no interval. */
            if (ev->earliest == ANNALS__NO_DAY) {
                continue;
            }
            if (from_day != ANNALS__NO_DAY && ev->latest < from_day) {
                continue;
            }
            if (to_day != ANNALS__NO_DAY && ev->earliest > to_day) {
                continue;
            }
        }
        keep[n_keep++] = (uint32_t)i;
    }

    /* Ego network: events involving the actor, plus events linking two of
     * its direct co-participants (alters). */
    if (g->sel.actor != NULL) {
        size_t w = 0;
        ego = alloc_array(n_ent, sizeof(bool));
        alter = alloc_array(n_ent, sizeof(bool));
        if (ego == NULL || alter == NULL) {
            rc = oom(err);
            goto done;
        }
        if (match_actor(corpus, g->sel.actor, ego) == 0) {
            rc = INVALID(err, "--actor: no actor named \"%.80s\"", g->sel.actor);
            goto done;
        }
        for (i = 0; i < n_keep; i++) {
            const annals__cevent *ev = ANNALS__CEVENT(corpus, keep[i]);
            size_t na = event_actors(ev, actors, PAIR_ACTORS_MAX, ent_stamp,
                                     (uint32_t)i + 1, n_ent);
            bool has_ego = false;
            for (j = 0; j < na; j++) {
                has_ego = has_ego || ego[actors[j]];
            }
            if (has_ego) {
                for (j = 0; j < na; j++) {
                    if (!ego[actors[j]]) {
                        alter[actors[j]] = true;
                    }
                }
            }
        }
        memset(ent_stamp, 0, (n_ent ? n_ent : 1) * sizeof(*ent_stamp));
        for (i = 0; i < n_keep; i++) {
            const annals__cevent *ev = ANNALS__CEVENT(corpus, keep[i]);
            size_t na = event_actors(ev, actors, PAIR_ACTORS_MAX, ent_stamp,
                                     (uint32_t)i + 1, n_ent);
            size_t n_alters = 0;
            bool has_ego = false;
            for (j = 0; j < na; j++) {
                has_ego = has_ego || ego[actors[j]];
                n_alters += alter[actors[j]] ? 1 : 0;
            }
            if (has_ego || n_alters >= 2) {
                keep[w++] = keep[i];
            }
        }
        memset(ent_stamp, 0, (n_ent ? n_ent : 1) * sizeof(*ent_stamp));
        n_keep = w;
    }

    rc = sort_chrono(corpus, keep, n_keep);
    if (rc < 0) {
        rc = oom(err);
        goto done;
    }

    /* --top N: the N most salient events, kept in chronological order. */
    if (g->sel.top > 0 && n_keep > g->sel.top) {
        annals__actor_edge *pe = NULL;
        size_t n_pe = 0;
        double *deg0 = alloc_array(n_ent, sizeof(double));
        sal_key *sk = alloc_array(n_keep, sizeof(sal_key));
        bool *chosen = alloc_array(n_keep, sizeof(bool));
        if (deg0 == NULL || sk == NULL || chosen == NULL) {
            free(deg0);
            free(sk);
            free(chosen);
            rc = oom(err);
            goto done;
        }
        rc = build_projection(corpus, keep, n_keep, ent_stamp, &pe, &n_pe, err);
        if (rc == ANNALS_OK) {
            size_t w = 0;
            projection_degrees(pe, n_pe, deg0);
            compute_salience(corpus, keep, n_keep, deg0, g->salience, ent_stamp,
                             doc_stamp);
            for (i = 0; i < n_keep; i++) {
                sk[i].s = g->salience[keep[i]];
                sk[i].pos = (uint32_t)i;
            }
            qsort(sk, n_keep, sizeof(*sk), cmp_salience);
            for (i = 0; i < g->sel.top; i++) {
                chosen[sk[i].pos] = true;
            }
            for (i = 0; i < n_keep; i++) {
                if (chosen[i]) {
                    keep[w++] = keep[i];
                }
            }
            n_keep = w;
            memset(g->salience, 0, (n_ev ? n_ev : 1) * sizeof(double));
        }
        free_actor_edges(pe, n_pe);
        free(deg0);
        free(sk);
        free(chosen);
        if (rc < 0) {
            goto done;
        }
    }

    g->events = alloc_array(n_keep, sizeof(uint32_t));
    if (g->events == NULL) {
        rc = oom(err);
        goto done;
    }
    memcpy(g->events, keep, n_keep * sizeof(uint32_t));
    g->n_events = n_keep;

    /* Actors: entities acting in kept events (with keep_isolated, every
     * non-place entity), in corpus order; their involvement and spells. */
    for (i = 0; i < g->n_events; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(corpus, g->events[i]);
        const annals__idlist *roles[3] = {&ev->source, &ev->target, &ev->participants};
        uint32_t mark = (uint32_t)i + 1;
        size_t r;
        /* Involvement counts every actor of the event, beyond the pair cap. */
        for (r = 0; r < 3; r++) {
            for (j = 0; j < roles[r]->n; j++) {
                uint32_t a = roles[r]->ids[j];
                if (a >= n_ent || ent_stamp[a] == mark) {
                    continue;
                }
                ent_stamp[a] = mark;
                acting[a] = true;
                g->involvement[a]++;
                if (ev->earliest != ANNALS__NO_DAY) {
                    if (g->first_day[a] == ANNALS__NO_DAY ||
                        ev->earliest < g->first_day[a]) {
                        g->first_day[a] = ev->earliest;
                    }
                    if (g->last_day[a] == ANNALS__NO_DAY || ev->latest > g->last_day[a]) {
                        g->last_day[a] = ev->latest;
                    }
                }
            }
        }
    }
    memset(ent_stamp, 0, (n_ent ? n_ent : 1) * sizeof(*ent_stamp));
    g->actors = alloc_array(n_ent, sizeof(uint32_t));
    if (g->actors == NULL) {
        rc = oom(err);
        goto done;
    }
    for (i = 0; i < n_ent; i++) {
        const annals__centity *en = ANNALS__CENTITY(corpus, i);
        if (acting[i] || (g->sel.keep_isolated && en->kind != ANNALS_ENTITY_PLACE)) {
            g->actors[g->n_actors++] = (uint32_t)i;
        }
    }

    rc = build_projection(corpus, g->events, g->n_events, ent_stamp, &g->actor_edges,
                          &g->n_actor_edges, err);
    if (rc < 0) {
        goto done;
    }
    rc = compute_metrics(g, vid, err);
    if (rc < 0) {
        goto done;
    }
    {
        /* Salience of the kept events from the final projection. */
        double *deg = alloc_array(n_ent, sizeof(double));
        if (deg == NULL) {
            rc = oom(err);
            goto done;
        }
        projection_degrees(g->actor_edges, g->n_actor_edges, deg);
        compute_salience(corpus, g->events, g->n_events, deg, g->salience, ent_stamp,
                         doc_stamp);
        free(deg);
    }
    rc = build_multigraph(g, vid, err);
    if (rc < 0) {
        goto done;
    }
    rc = count_components(g, err);
    if (rc < 0) {
        goto done;
    }

    *out = g;
    g = NULL;
done:
    annals_graph_free(g);
    free(ego);
    free(alter);
    free(acting);
    free(ent_stamp);
    free(doc_stamp);
    free(keep);
    free(vid);
    return rc;
}
