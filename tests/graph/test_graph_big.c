/* SPDX-License-Identifier: MIT */
/*
 * tests/graph/test_graph_big.c - a generated corpus of 10,000 actors and
 * 100,000 events (skewed participation, so there are hubs as in news):
 * the graph, its metrics and every export must finish within the CTest
 * TIMEOUT (tests.cmake) and stay consistent. Prints the time of each step.
 *
 * The corpus is filled through the internal corpus helpers, not through
 * text, so this measures graph/ and export/ only. A smaller generated
 * corpus also goes through annals/1 JSON Lines and back.
 */
#include "check.h"
#include "graph_util.h"

#include <time.h>

#define N_ACTORS 10000
#define N_EVENTS 100000
#define N_DOCS   2000

static uint64_t rng_state = 88172645463325252ull;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

/* Skewed pick: low indices (the "main actors") are chosen far more often. */
static uint32_t pick_actor(void)
{
    uint32_t a = rnd(N_ACTORS), b = rnd(N_ACTORS);
    return rnd(4) == 0 ? (a < b ? a : b) / 20 : (a < b ? a : b);
}

static double seconds(clock_t since)
{
    return (double)(clock() - since) / CLOCKS_PER_SEC;
}

static annals_status fill(annals_corpus *c, size_t n_actors, size_t n_events,
                          size_t n_docs)
{
    size_t i;
    char name[64];
    annals_error err = ANNALS_ERROR_INIT;
    static const annals_entity_kind kinds[] = {
        ANNALS_ENTITY_PERSON, ANNALS_ENTITY_PERSON, ANNALS_ENTITY_ORGANIZATION,
        ANNALS_ENTITY_GROUP, ANNALS_ENTITY_COUNTRY};
    int32_t day0 = annals__days_from_civil(2015, 1, 1);
    for (i = 0; i < n_docs; i++) {
        annals__cdoc *d = annals__corpus_push_doc(c);
        if (d == NULL) {
            return ANNALS_ENOMEM;
        }
        snprintf(name, sizeof(name), "gen/%05zu.txt", i);
        d->id = annals__strdup(name);
        d->source = annals__strdup(name);
        d->bytes = 4000;
    }
    for (i = 0; i < n_actors; i++) {
        uint32_t idx;
        char cc[4];
        snprintf(name, sizeof(name), "Actor %05zu", i);
        snprintf(cc, sizeof(cc), "C%02u", (unsigned)(i % 97));
        if (annals__corpus_entity(c, kinds[i % 5], name, cc, &idx, &err) < 0 ||
            annals__centity_add_mention(ANNALS__CENTITY(c, idx), (uint32_t)(i % n_docs),
                                        10, 20) < 0) {
            return ANNALS_ENOMEM;
        }
    }
    for (i = 0; i < n_events; i++) {
        annals__cevent *ev = annals__corpus_push_event(c);
        annals__cevmention *m;
        int root = 1 + (int)rnd(20);
        uint32_t a = pick_actor(), b = pick_actor();
        if (ev == NULL) {
            return ANNALS_ENOMEM;
        }
        ev->root[0] = (char)('0' + root / 10);
        ev->root[1] = (char)('0' + root % 10);
        ev->root[2] = '\0';
        memcpy(ev->code, ev->root, 2);
        ev->code[2] = '0';
        ev->code[3] = '\0';
        ev->quad = root <= 5 ? 0 : root <= 8 ? 1 : root <= 16 ? 2 : 3;
        ev->type = annals__strdup("generated");
        snprintf(name, sizeof(name), "event %zu", i);
        ev->label = annals__strdup(name);
        ev->confidence = 0.5 + 0.05 * (double)rnd(10);
        if (annals__idlist_add(&ev->source, a) < 0 ||
            annals__idlist_add(&ev->target, b) < 0) {
            return ANNALS_ENOMEM;
        }
        if (rnd(3) == 0 && annals__idlist_add(&ev->participants, pick_actor()) < 0) {
            return ANNALS_ENOMEM;
        }
        if (rnd(10) != 0) {
            int y, mo, d;
            ev->earliest = day0 + (int32_t)rnd(3650);
            ev->latest = ev->earliest + (rnd(5) == 0 ? 30 : 0);
            ev->precision =
                ev->latest == ev->earliest ? ANNALS_PREC_DAY : ANNALS_PREC_MONTH;
            annals__civil_from_days(ev->earliest, &y, &mo, &d);
            snprintf(ev->date_value, sizeof(ev->date_value), "%04d-%02d-%02d", y, mo, d);
        }
        m = annals__vec_push(&ev->mentions);
        if (m == NULL) {
            return ANNALS_ENOMEM;
        }
        m->doc = rnd((uint32_t)n_docs);
        m->start = 100;
        m->end = 110;
        m->trigger = annals__strdup("met");
        m->sentence = annals__strdup("A generated sentence, with \"quotes\".");
        if (ev->type == NULL || ev->label == NULL || m->trigger == NULL ||
            m->sentence == NULL) {
            return ANNALS_ENOMEM;
        }
    }
    return ANNALS_OK;
}

static void test_big(void)
{
    annals_ctx *ctx = NULL;
    annals_corpus *c = NULL;
    annals_graph *g = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_selection sel = ANNALS_SELECTION_INIT;
    clock_t t;
    size_t i, total_inv = 0;
    static const char *const formats[] = {"graphml", "gexf", "timelinejs", "csv"};

    CHECK(annals_ctx_new(&ctx, NULL, &err) == ANNALS_OK);
    CHECK(annals_corpus_new(&c, ctx, &err) == ANNALS_OK);
    CHECK(fill(c, N_ACTORS, N_EVENTS, N_DOCS) == ANNALS_OK);

    t = clock();
    CHECK(annals_graph_new(&g, c, NULL, &err) == ANNALS_OK);
    fprintf(stderr, "  graph of %d events / %d actors: %.2f s (betweenness %s)\n",
            N_EVENTS, N_ACTORS, seconds(t),
            g ? (g->betweenness_mode == ANNALS_BETWEENNESS_EXACT     ? "exact"
                 : g->betweenness_mode == ANNALS_BETWEENNESS_SAMPLED ? "sampled"
                                                                     : "skipped")
              : "-");
    if (g != NULL) {
        CHECK_EQ_SIZE(g->n_events, N_EVENTS);
        CHECK(g->n_actors > N_ACTORS * 9 / 10);
        CHECK(g->n_actor_edges > 50000);
        CHECK(g->n_communities > 1);
        {
            bool seen_undated = false, ordered = true, in_range = true;
            int32_t prev = INT32_MIN;
            for (i = 0; i < g->n_events; i++) {
                const annals__cevent *ev = ANNALS__CEVENT(c, g->events[i]);
                if (ev->earliest == ANNALS__NO_DAY) {
                    seen_undated = true;
                } else {
                    ordered = ordered && !seen_undated && ev->earliest >= prev;
                    prev = ev->earliest;
                }
            }
            CHECK(ordered);
            for (i = 0; i < c->entities.n; i++) {
                total_inv += g->involvement[i];
                in_range =
                    in_range && g->betweenness[i] >= 0.0 && g->betweenness[i] <= 1.0;
            }
            CHECK(in_range);
        }
        CHECK(total_inv >= 2 * (size_t)N_EVENTS * 9 / 10);
        fprintf(stderr,
                "  %zu vertices, %zu edges, %zu projection edges, %zu communities\n",
                g->n_vertices, g->n_edges, g->n_actor_edges, g->n_communities);

        t = clock();
        {
            char *json = gu_json(c, g, ANNALS_JSON_COMPACT);
            CHECK(json != NULL);
            fprintf(stderr, "  annals/1 JSON (%zu MB): %.2f s\n",
                    json ? strlen(json) >> 20 : 0, seconds(t));
            free(json);
        }
        for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
            char *out;
            t = clock();
            out = gu_format(g, formats[i]);
            CHECK(out != NULL);
            fprintf(stderr, "  %s (%zu MB): %.2f s\n", formats[i],
                    out ? strlen(out) >> 20 : 0, seconds(t));
            free(out);
        }
    }
    annals_graph_free(g);
    g = NULL;

    /* Selections on the big corpus. */
    t = clock();
    sel.top = 500;
    sel.roots = "18,19,20";
    CHECK(annals_graph_new(&g, c, &sel, &err) == ANNALS_OK);
    CHECK(g && g->n_events == 500);
    annals_graph_free(g);
    g = NULL;
    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.actor = "Actor 00001";
    sel.from = "2018";
    sel.to = "2019-06";
    CHECK(annals_graph_new(&g, c, &sel, &err) == ANNALS_OK);
    CHECK(g && g->n_events > 0);
    annals_graph_free(g);
    fprintf(stderr, "  two selections: %.2f s\n", seconds(t));

    annals_corpus_free(c);
    annals_ctx_free(ctx);
}

/* 2,000 generated records with 10,000 actors through JSON Lines and back. */
static void test_jsonl_scale(void)
{
    annals_ctx *ctx = NULL;
    annals_corpus *c = NULL, *c2 = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals__buf lines = ANNALS__BUF_INIT;
    clock_t t;
    size_t d;
    char *a = NULL, *b = NULL;

    CHECK(annals_ctx_new(&ctx, NULL, &err) == ANNALS_OK);
    /* One record per document: its actors and events. */
    for (d = 0; d < 2000; d++) {
        size_t k;
        annals__buf_printf(&lines,
                           "{\"schema\":\"annals/1\",\"documents\":[{\"id\":\"d1\","
                           "\"source\":\"gen/%zu.txt\",\"date\":\"2024-01-%02zu\","
                           "\"date_source\":\"cli\",\"bytes\":100}],\"entities\":[",
                           d, 1 + d % 28);
        for (k = 0; k < 10; k++) {
            annals__buf_printf(
                &lines,
                "%s{\"id\":\"a%zu\",\"kind\":\"person\",\"name\":\"Person %zu\","
                "\"mentions\":[{\"doc\":\"d1\",\"start\":%zu,\"end\":%zu}]}",
                k ? "," : "", k + 1, (d * 5 + k) % 10000, k * 10, k * 10 + 5);
        }
        annals__buf_puts(&lines, "],\"events\":[");
        for (k = 0; k < 5; k++) {
            annals__buf_printf(
                &lines,
                "%s{\"id\":\"e%zu\",\"code\":\"%02zu0\",\"source\":[\"a%zu\"],"
                "\"target\":[\"a%zu\"],\"date\":{\"value\":\"2024-01-%02zu\"},"
                "\"confidence\":0.5,\"mentions\":[{\"doc\":\"d1\",\"start\":%zu,"
                "\"end\":%zu}]}",
                k ? "," : "", k + 1, 1 + (d + k) % 20, 2 * k + 1, 2 * k + 2, 1 + d % 28,
                k * 10, k * 10 + 3);
        }
        annals__buf_puts(&lines, "]}\n");
    }
    CHECK(annals_corpus_new(&c, ctx, &err) == ANNALS_OK);
    t = clock();
    CHECK(annals_corpus_load_json(c, lines.ptr, lines.len, "generated.jsonl", &err) ==
          ANNALS_OK);
    fprintf(stderr,
            "  loaded %zu JSON Lines records (%zu KB): %.2f s, %zu actors, %zu events\n",
            (size_t)2000, lines.len >> 10, seconds(t), annals_corpus_entity_count(c),
            annals_corpus_event_count(c));
    CHECK_EQ_SIZE(annals_corpus_doc_count(c), 2000);
    CHECK_EQ_SIZE(annals_corpus_entity_count(c), 10000);
    a = gu_json(c, NULL, 0);
    CHECK(annals_corpus_new(&c2, ctx, &err) == ANNALS_OK);
    CHECK(a && annals_corpus_load_json(c2, a, strlen(a), "again", &err) == ANNALS_OK);
    b = gu_json(c2, NULL, 0);
    CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
    annals__buf_dispose(&lines);
    annals_corpus_free(c);
    annals_corpus_free(c2);
    annals_ctx_free(ctx);
}

int main(void)
{
    test_big();
    test_jsonl_scale();
    return check_summary();
}
