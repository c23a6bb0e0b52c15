/* SPDX-License-Identifier: MIT */
/*
 * tests/graph/test_json.c - annals/1 JSON: reading fixtures back into a
 * corpus (ids mapped, entities merged across JSON Lines records, lenient
 * defaults), the writer's exact shape (checked against jansson's own dump
 * of the parsed output), byte-identical round trips, and errors with line
 * numbers.
 *
 * jansson is used here only to re-parse what the library wrote.
 */
#include "check.h"
#include "graph_util.h"

#include <jansson.h>

static annals_status load_text(annals_corpus *c, const char *text, annals_error *err)
{
    return annals_corpus_load_json(c, text, strlen(text), "inline.jsonl", err);
}

static void test_load_fixture(void)
{
    annals_ctx *ctx;
    annals_corpus *c;
    annals_error err = ANNALS_ERROR_INIT;
    const annals__cdoc *d;
    const annals__cevent *ev;
    uint32_t ruto;
    CHECK(gu_load("fixtures/horn-talks.json", &ctx, &c, &err) == ANNALS_OK);
    CHECK_EQ_SIZE(annals_corpus_doc_count(c), 2);
    CHECK_EQ_SIZE(annals_corpus_entity_count(c), 9);
    CHECK_EQ_SIZE(annals_corpus_timex_count(c), 4);
    CHECK_EQ_SIZE(annals_corpus_event_count(c), 5);
    d = ANNALS__CDOC(c, 0);
    CHECK_EQ_STR(d->id, "nairobi-talks");
    CHECK_EQ_STR(d->date, "2024-03-12");
    CHECK(d->date_source == ANNALS_DATE_DATELINE);
    CHECK_EQ_STR(d->url, "https://example.org/nairobi-talks");
    CHECK_EQ_SIZE(d->bytes, 812);
    d = ANNALS__CDOC(c, 1);
    CHECK_EQ_STR(d->id, "d2"); /* no input_id: the positional id */
    CHECK(d->title == NULL);
    CHECK_EQ_SIZE(d->warnings.n, 1);
    ruto = gu_entity(c, "William Ruto");
    CHECK(ruto == 0);
    CHECK_EQ_SIZE(ANNALS__CENTITY(c, ruto)->aliases.n, 2);
    CHECK_EQ_SIZE(ANNALS__CENTITY(c, ruto)->mentions.n, 2);
    CHECK_EQ_STR(ANNALS__CENTITY(c, ruto)->country, "KEN");
    CHECK_EQ_STR(ANNALS__CENTITY(c, gu_entity(c, "African Union"))->country, "");
    ev = ANNALS__CEVENT(c, gu_event(c, "al-Shabaab attacks Somalia"));
    CHECK(ev->quad == 3);
    CHECK(ev->timex == 2);
    CHECK(ev->precision == ANNALS_PREC_WEEK);
    CHECK(ev->earliest == annals__days_from_civil(2024, 3, 9));
    CHECK(ev->has_count && ev->count_min == 12 && ev->count_max == 12);
    CHECK(ev->modality == ANNALS_MOD_REPORTED);
    CHECK_EQ_STR(ev->code, "190");
    ev = ANNALS__CEVENT(c, gu_event(c, "Somalia accuses al-Shabaab"));
    CHECK(ev->earliest == ANNALS__NO_DAY && ev->date_value[0] == '\0' && ev->timex == -1);
    ev = ANNALS__CEVENT(c, gu_event(c, "William Ruto meets Abiy Ahmed"));
    CHECK_EQ_SIZE(ev->mentions.n, 3);
    CHECK(((const annals__cevmention *)annals__vec_at(&ev->mentions, 2))->doc == 1);
    gu_free(ctx, c);
}

/* Two JSON Lines records: ids are per record; "William Ruto" is one
 * entity; the second record's document, timex and mention indices are
 * offset. */
static void test_load_jsonl(void)
{
    annals_ctx *ctx;
    annals_corpus *c;
    annals_error err = ANNALS_ERROR_INIT;
    const annals__cevent *ev;
    uint32_t ruto;
    CHECK(gu_load("fixtures/two-records.jsonl", &ctx, &c, &err) == ANNALS_OK);
    CHECK_EQ_SIZE(annals_corpus_doc_count(c), 2);
    CHECK_EQ_SIZE(annals_corpus_entity_count(c), 4);
    CHECK_EQ_SIZE(annals_corpus_timex_count(c), 2);
    CHECK_EQ_SIZE(annals_corpus_event_count(c), 2);
    ruto = gu_entity(c, "William Ruto");
    CHECK(ruto != UINT32_MAX);
    if (ruto != UINT32_MAX) {
        const annals__centity *e = ANNALS__CENTITY(c, ruto);
        CHECK_EQ_SIZE(e->aliases.n, 2);
        CHECK_EQ_SIZE(e->mentions.n, 2);
        CHECK(((const annals__cmention *)annals__vec_at(&e->mentions, 1))->doc == 1);
    }
    ev = ANNALS__CEVENT(c, gu_event(c, "William Ruto meets Uganda"));
    CHECK(ev->timex == 1);
    CHECK(ev->source.n == 1 && ev->source.ids[0] == ruto);
    CHECK(ANNALS__CTIMEX(c, 1)->doc == 1);
    /* an interval derived from a bare day value */
    CHECK(ev->earliest == annals__days_from_civil(2024, 5, 7) &&
          ev->latest == ev->earliest);
    CHECK(ev->precision == ANNALS_PREC_DAY);
    CHECK(((const annals__cevmention *)annals__vec_at(&ev->mentions, 0))->doc == 1);
    gu_free(ctx, c);
}

/* What a minimal producer (the evaluation mock) writes is enough. */
static void test_load_minimal(void)
{
    annals_ctx *ctx;
    annals_corpus *c;
    annals_error err = ANNALS_ERROR_INIT;
    const annals__cevent *ev;
    CHECK(gu_load("fixtures/minimal.json", &ctx, &c, &err) == ANNALS_OK);
    CHECK_EQ_SIZE(annals_corpus_event_count(c), 2);
    if (annals_corpus_event_count(c) == 2) {
        ev = ANNALS__CEVENT(c, 0);
        CHECK_EQ_STR(ev->root, "03");
        CHECK(ev->quad == 0);
        CHECK(ev->precision == ANNALS_PREC_MONTH);
        CHECK(ev->earliest == annals__days_from_civil(2023, 5, 1));
        CHECK(ev->latest == annals__days_from_civil(2023, 5, 31));
        ev = ANNALS__CEVENT(c, 1);
        CHECK_EQ_STR(ev->root, "19"); /* from the code */
        CHECK(ev->quad == 3);         /* from the root */
        CHECK(ev->precision == ANNALS_PREC_YEAR);
        CHECK(ev->latest == annals__days_from_civil(2023, 12, 31));
    }
    CHECK(ANNALS__CTIMEX(c, 0)->precision == ANNALS_PREC_MONTH);
    CHECK(ANNALS__CDOC(c, 0)->date == NULL);
    gu_free(ctx, c);
}

/* export -> load -> export is byte-identical, pretty and compact; the
 * graph section is derived and ignored on load. */
static void round_trip(const char *path)
{
    annals_ctx *ctx, *ctx2 = NULL;
    annals_corpus *c, *c2 = NULL;
    annals_graph *g = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    char *first = NULL, *second = NULL, *with_graph = NULL, *compact = NULL,
         *compact2 = NULL;
    unsigned pass;

    CHECK(gu_load(path, &ctx, &c, &err) == ANNALS_OK);
    first = gu_json(c, NULL, ANNALS_JSON_EXPLAIN);
    CHECK(annals_graph_new(&g, c, NULL, &err) == ANNALS_OK);
    with_graph = gu_json(c, g, ANNALS_JSON_EXPLAIN);
    compact = gu_json(c, NULL, ANNALS_JSON_COMPACT | ANNALS_JSON_EXPLAIN);
    CHECK(first != NULL && with_graph != NULL && compact != NULL);
    for (pass = 0; pass < 3 && first && with_graph && compact; pass++) {
        const char *src = pass == 0 ? first : pass == 1 ? with_graph : compact;
        CHECK(annals_ctx_new(&ctx2, NULL, &err) == ANNALS_OK);
        CHECK(annals_corpus_new(&c2, ctx2, &err) == ANNALS_OK);
        err = (annals_error)ANNALS_ERROR_INIT;
        CHECK(annals_corpus_load_json(c2, src, strlen(src), "round-trip", &err) ==
              ANNALS_OK);
        if (err.code != ANNALS_OK) {
            fprintf(stderr, "  %s pass %u: %s\n", path, pass, err.message);
        }
        second = gu_json(c2, NULL, ANNALS_JSON_EXPLAIN);
        CHECK(second != NULL && strcmp(first, second) == 0);
        if (pass == 2) {
            compact2 = gu_json(c2, NULL, ANNALS_JSON_COMPACT | ANNALS_JSON_EXPLAIN);
            CHECK(compact2 != NULL && strcmp(compact, compact2) == 0);
            free(compact2);
        }
        free(second);
        gu_free(ctx2, c2);
    }
    free(first);
    free(with_graph);
    free(compact);
    annals_graph_free(g);
    gu_free(ctx, c);
}

/* The streamed output is exactly jansson's dump of the same tree. */
static void same_as_jansson(const char *text, size_t flags)
{
    json_error_t je;
    json_t *root = json_loads(text, 0, &je);
    char *again;
    CHECK(root != NULL);
    if (root == NULL) {
        fprintf(stderr, "  invalid JSON: %s (line %d)\n", je.text, je.line);
        return;
    }
    again = json_dumps(root, flags | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    CHECK(again != NULL);
    if (again != NULL) {
        size_t n = strlen(again);
        CHECK(strlen(text) == n + 1 && text[n] == '\n' && strncmp(text, again, n) == 0);
    }
    free(again);
    json_decref(root);
}

static void test_writer_shape(void)
{
    annals_ctx *ctx;
    annals_corpus *c;
    annals_graph *g = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    char *pretty, *compact, *graph;
    CHECK(gu_load("fixtures/horn-talks.json", &ctx, &c, &err) == ANNALS_OK);
    CHECK(annals_graph_new(&g, c, NULL, &err) == ANNALS_OK);
    pretty = gu_json(c, NULL, 0);
    compact = gu_json(c, NULL, ANNALS_JSON_COMPACT);
    graph = gu_json(c, g, 0);
    if (pretty && compact && graph) {
        json_t *root, *ev, *ent, *nodes;
        same_as_jansson(pretty, JSON_INDENT(2));
        same_as_jansson(compact, JSON_COMPACT);
        same_as_jansson(graph, JSON_INDENT(2));
        CHECK_EQ_SIZE(gu_count(compact, "\n"), 1);
        CHECK(strncmp(pretty, "{\n  \"schema\": \"annals/1\",\n  \"generator\": {", 42) ==
              0);
        CHECK(strstr(pretty, "\"explain\"") == NULL);
        /* the contract's fields, in the contract's order */
        root = json_loads(graph, 0, NULL);
        CHECK(root != NULL);
        ev = json_array_get(json_object_get(root, "events"), 0);
        {
            const char *want[] = {"id",           "code",    "root",   "type",
                                  "quad",         "label",   "source", "target",
                                  "participants", "places",  "date",   "modality",
                                  "confidence",   "mentions"};
            size_t k = 0;
            const char *key;
            json_t *v;
            json_object_foreach(ev, key, v)
            {
                if (k < sizeof(want) / sizeof(want[0])) {
                    CHECK_EQ_STR(key, want[k]);
                }
                k++;
                (void)v;
            }
        }
        CHECK_EQ_STR(json_string_value(json_object_get(ev, "id")), "e1");
        CHECK(json_integer_value(json_object_get(ev, "quad")) == 1);
        CHECK_EQ_STR(
            json_string_value(json_object_get(json_object_get(ev, "date"), "timex")),
            "t1");
        CHECK(json_integer_value(json_object_get(ev, "sources")) == 2);
        ent = json_array_get(json_object_get(root, "entities"), 6); /* Somalia */
        CHECK_EQ_STR(json_string_value(json_object_get(ent, "name")), "Somalia");
        CHECK(json_integer_value(json_object_get(ent, "degree")) == 3);
        CHECK(json_real_value(json_object_get(ent, "betweenness")) > 0.19);
        CHECK(json_is_integer(json_object_get(ent, "community")));
        ent = json_array_get(json_object_get(root, "entities"), 4); /* Nairobi */
        CHECK(json_is_null(json_object_get(ent, "degree")));
        nodes = json_object_get(json_object_get(root, "graph"), "nodes");
        CHECK_EQ_SIZE(json_array_size(nodes), 18);
        CHECK_EQ_SIZE(
            json_array_size(json_object_get(json_object_get(root, "graph"), "edges")),
            24);
        CHECK_EQ_STR(json_string_value(json_object_get(json_array_get(nodes, 17), "id")),
                     "date:2024-W10-WE");
        CHECK_EQ_STR(json_string_value(json_object_get(json_array_get(nodes, 0), "id")),
                     "e2");
        json_decref(root);
        /* The warning belongs to d2. */
        CHECK(strstr(pretty, "\"doc\": \"d2\",\n      \"offset\": 0,") != NULL);
    }
    free(pretty);
    free(compact);
    free(graph);
    annals_graph_free(g);
    gu_free(ctx, c);
}

static int stop_sink(const char *data, size_t len, void *ud)
{
    (void)data;
    (void)len;
    (void)ud;
    return 1;
}

static void expect_error(const char *text, annals_status want, unsigned line,
                         const char *needle)
{
    annals_ctx *ctx = NULL;
    annals_corpus *c = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_status rc;
    CHECK(annals_ctx_new(&ctx, NULL, &err) == ANNALS_OK);
    CHECK(annals_corpus_new(&c, ctx, &err) == ANNALS_OK);
    rc = load_text(c, text, &err);
    CHECK(rc == want);
    CHECK(err.code == want);
    if (line > 0) {
        CHECK_EQ_SIZE(err.line, line);
    }
    CHECK(strstr(err.message, "inline.jsonl") != NULL);
    if (needle != NULL && strstr(err.message, needle) == NULL) {
        check_fail(__FILE__, __LINE__, "message \"%s\" lacks \"%s\"", err.message,
                   needle);
    }
    gu_free(ctx, c);
}

#define HEAD "{\"schema\":\"annals/1\",\"documents\":[{\"id\":\"d1\"}],"

static void test_errors(void)
{
    /* invalid JSON on the second line of JSON Lines */
    expect_error(HEAD "\"entities\":[]}\n{\"schema\": \"annals/1\", oops}\n",
                 ANNALS_EPARSE, 2, NULL);
    expect_error("", ANNALS_EPARSE, 0, "no annals/1 object");
    expect_error("  \n\n ", ANNALS_EPARSE, 0, "no annals/1 object");
    expect_error("[1, 2]", ANNALS_EPARSE, 1, "annals/1");
    expect_error("{\"schema\": \"annals/2\"}", ANNALS_EPARSE, 1, "annals/2");
    expect_error("{\"documents\": []}", ANNALS_EPARSE, 1, "schema");
    expect_error(HEAD "\"events\":[{\"code\":\"040\",\"source\":[\"a99\"]}]}",
                 ANNALS_EPARSE, 1, "unknown entity id \"a99\"");
    expect_error(HEAD
                 "\"entities\":[{\"id\":\"a1\",\"kind\":\"wizard\",\"name\":\"X\"}]}",
                 ANNALS_EPARSE, 1, "entities[0].kind");
    expect_error(HEAD "\"entities\":[{\"id\":\"a1\",\"kind\":\"person\"}]}",
                 ANNALS_EPARSE, 1, "name");
    expect_error(HEAD "\"events\":[{\"code\":\"040\",\"date\":{\"value\":\"2024-02-06\","
                      "\"earliest\":\"2024-02-31\",\"latest\":\"2024-02-06\"}}]}",
                 ANNALS_EPARSE, 1, "earliest");
    expect_error(HEAD "\"events\":[{\"code\":\"040\",\"quad\":7}]}", ANNALS_EPARSE, 1,
                 "quad");
    expect_error(HEAD "\"events\":[{\"code\":\"04000\"}]}", ANNALS_EPARSE, 1, "code");
    expect_error(HEAD "\"events\":[{\"code\":\"040\",\"modality\":\"maybe\"}]}",
                 ANNALS_EPARSE, 1, "modality");
    expect_error(HEAD "\"timexes\":[{\"id\":\"t1\",\"doc\":\"d9\"}]}", ANNALS_EPARSE, 1,
                 "unknown document id");
    expect_error(
        "{\"schema\":\"annals/1\",\"documents\":[{\"id\":\"d1\"},{\"id\":\"d1\"}]}",
        ANNALS_EPARSE, 1, "duplicate id");
    expect_error("{\"schema\":\"annals/1\",\"schema\":\"annals/1\"}", ANNALS_EPARSE, 1,
                 "duplicate");
    expect_error(HEAD "\"entities\":[{\"id\":\"a1\",\"kind\":\"person\",\"name\":\"X\","
                      "\"mentions\":[{\"doc\":\"d1\",\"start\":-4,\"end\":2}]}]}",
                 ANNALS_EPARSE, 1, "non-negative");
    /* a record spread over lines: the line of its first byte */
    expect_error("{\n\"schema\": \"annals/1\",\n\"documents\": 3\n}", ANNALS_EPARSE, 1,
                 "documents");
    expect_error("{\"schema\":\"annals/1\"} trailing", ANNALS_EPARSE, 1, NULL);

    /* A sink that stops gives ANNALS_EIO. */
    {
        annals_ctx *ctx;
        annals_corpus *c;
        annals_error err = ANNALS_ERROR_INIT;
        CHECK(gu_load("fixtures/horn-talks.json", &ctx, &c, &err) == ANNALS_OK);
        CHECK(annals_export_json(c, NULL, 0, stop_sink, NULL, &err) == ANNALS_EIO);
        CHECK(err.code == ANNALS_EIO);
        err = (annals_error)ANNALS_ERROR_INIT;
        CHECK(annals_export_json(NULL, NULL, 0, stop_sink, NULL, &err) == ANNALS_EINVAL);
        gu_free(ctx, c);
    }
}

int main(void)
{
    test_load_fixture();
    test_load_jsonl();
    test_load_minimal();
    round_trip("fixtures/horn-talks.json");
    round_trip("fixtures/two-records.jsonl");
    round_trip("fixtures/minimal.json");
    round_trip("fixtures/hostile.json");
    test_writer_shape();
    test_errors();
    return check_summary();
}
