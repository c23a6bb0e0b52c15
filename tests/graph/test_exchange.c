/* SPDX-License-Identifier: MIT */
/*
 * tests/graph/test_exchange.c - GraphML, GEXF, TimelineJS and CSV exports:
 * counts equal to the graph, dynamic intervals, TimelineJS dates and
 * display dates for vague dates, RFC 4180 CSV read back field by field,
 * and hostile article text (tests/fixtures/hostile.json: <script>, quotes,
 * commas, CRLF, control characters, spreadsheet formulas) that must come
 * out inert. XML is checked with `xmllint --noout` when it is installed
 * (.ci/run installs libxml2-utils), else by tag counts only; the GraphML
 * is also read back by igraph's own GraphML reader (the library writes it
 * itself, see export/exchange.c).
 */
#define _POSIX_C_SOURCE 200809L

#include "check.h"
#include "graph_util.h"

#include <jansson.h>
#include <unistd.h>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wundef"
#endif
#include <igraph.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static bool have_xmllint(void)
{
    static int known = -1;
    if (known < 0) {
        known = system("command -v xmllint >/dev/null 2>&1") == 0;
        if (!known) {
            fprintf(stderr,
                    "  note: xmllint not installed; XML checked by tag counts only\n");
        }
    }
    return known == 1;
}

/* Well-formed XML according to xmllint (true when xmllint is missing). */
static bool xml_ok(const char *xml)
{
    char path[] = "/tmp/annals-xml-XXXXXX";
    char cmd[128];
    int fd, rc;
    FILE *f;
    if (!have_xmllint()) {
        return true;
    }
    fd = mkstemp(path);
    if (fd < 0) {
        return false;
    }
    f = fdopen(fd, "wb");
    if (f == NULL) {
        close(fd);
        unlink(path);
        return false;
    }
    fputs(xml, f);
    fclose(f);
    snprintf(cmd, sizeof(cmd), "xmllint --noout --nonet %s", path);
    rc = system(cmd);
    unlink(path);
    return rc == 0;
}

/* Vertex and edge counts of GraphML as igraph reads it; false on failure. */
static bool igraph_reads(const char *xml, size_t *nv, size_t *ne)
{
    FILE *f = fmemopen((void *)(uintptr_t)xml, strlen(xml), "r");
    igraph_t g;
    igraph_error_handler_t *old;
    igraph_error_t e;
    if (f == NULL) {
        return false;
    }
    old = igraph_set_error_handler(igraph_error_handler_printignore);
    e = igraph_read_graph_graphml(&g, f, 0);
    igraph_set_error_handler(old);
    fclose(f);
    if (e != IGRAPH_SUCCESS) {
        return false;
    }
    *nv = (size_t)igraph_vcount(&g);
    *ne = (size_t)igraph_ecount(&g);
    igraph_destroy(&g);
    return true;
}

/* --------------------------------------------------------- a CSV reader */

typedef struct csv_row {
    char *fields[64];
    size_t n;
} csv_row;

static void csv_free(csv_row *row)
{
    size_t i;
    for (i = 0; i < row->n; i++) {
        free(row->fields[i]);
    }
    row->n = 0;
}

/* Parse one RFC 4180 record at *p (CRLF line ends); false at the end or on
 * a syntax error (*bad set). */
static bool csv_next(const char **p, csv_row *row, bool *bad)
{
    const char *s = *p;
    csv_free(row);
    if (*s == '\0') {
        return false;
    }
    for (;;) {
        char *out = malloc(strlen(s) + 1);
        size_t n = 0;
        if (*s == '"') {
            s++;
            for (;;) {
                if (*s == '\0') {
                    *bad = true;
                    free(out);
                    return false;
                }
                if (*s == '"' && s[1] == '"') {
                    out[n++] = '"';
                    s += 2;
                } else if (*s == '"') {
                    s++;
                    break;
                } else {
                    out[n++] = *s++;
                }
            }
        } else {
            while (*s && *s != ',' && *s != '\r' && *s != '\n') {
                if (*s == '"') {
                    *bad = true;
                }
                out[n++] = *s++;
            }
        }
        out[n] = '\0';
        if (row->n < 64) {
            row->fields[row->n++] = out;
        } else {
            free(out);
        }
        if (*s == ',') {
            s++;
            continue;
        }
        if (s[0] == '\r' && s[1] == '\n') {
            s += 2;
        } else {
            *bad = true; /* bare LF or missing line end */
            if (*s) {
                s++;
            }
        }
        break;
    }
    *p = s;
    return true;
}

/* Column index by header name. */
static size_t col(const csv_row *header, const char *name)
{
    size_t i;
    for (i = 0; i < header->n; i++) {
        if (strcmp(header->fields[i], name) == 0) {
            return i;
        }
    }
    check_fail(__FILE__, __LINE__, "no CSV column %s", name);
    return 0;
}

/* -------------------------------------------------------------- fixtures */

static annals_ctx *ctx;
static annals_corpus *corpus;
static annals_graph *graph;

static bool open_fixture(const char *path)
{
    annals_error err = ANNALS_ERROR_INIT;
    if (gu_load(path, &ctx, &corpus, &err) < 0 ||
        annals_graph_new(&graph, corpus, NULL, &err) < 0) {
        check_fail(__FILE__, __LINE__, "%s: %s", path, err.message);
        return false;
    }
    return true;
}

static void close_fixture(void)
{
    annals_graph_free(graph);
    gu_free(ctx, corpus);
    graph = NULL;
    corpus = NULL;
    ctx = NULL;
}

static void test_graphml_gexf(void)
{
    char *gm, *gx;
    size_t proj;
    if (!open_fixture("fixtures/horn-talks.json")) {
        close_fixture();
        return;
    }
    proj = graph->n_actor_edges;
    gm = gu_format(graph, "graphml");
    gx = gu_format(graph, "gexf");
    CHECK(gm != NULL && gx != NULL);
    if (gm && gx) {
        CHECK(strncmp(gm, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml", 47) ==
              0);
        CHECK_EQ_SIZE(gu_count(gm, "<node "), graph->n_vertices);
        CHECK_EQ_SIZE(gu_count(gm, "<edge "), graph->n_edges + proj);
        CHECK_EQ_SIZE(gu_count(gm, "</node>"), graph->n_vertices);
        CHECK(strstr(gm, "<node id=\"date:2024-W10-WE\">") != NULL);
        CHECK(strstr(gm, "<data key=\"v_label\">William Ruto</data>") != NULL);
        CHECK(xml_ok(gm));
        {
            size_t nv = 0, ne = 0;
            CHECK(igraph_reads(gm, &nv, &ne));
            CHECK_EQ_SIZE(nv, graph->n_vertices);
            CHECK_EQ_SIZE(ne, graph->n_edges + proj);
        }

        CHECK(strstr(gx, "<gexf xmlns=\"http://gexf.net/1.3\"") != NULL);
        CHECK(strstr(gx, "mode=\"dynamic\"") != NULL);
        CHECK_EQ_SIZE(gu_count(gx, "<node "), graph->n_vertices);
        CHECK_EQ_SIZE(gu_count(gx, "<edge "), graph->n_edges + proj);
        /* the weekend attack exists over the weekend */
        CHECK(strstr(gx, "label=\"al-Shabaab attacks Somalia\" start=\"2024-03-09\" "
                         "end=\"2024-03-10\"") != NULL);
        /* the undated accusation has no interval */
        CHECK(strstr(gx, "label=\"Somalia accuses al-Shabaab\">") != NULL);
        /* Somalia acts from the attack to the AU meeting */
        CHECK(strstr(gx, "label=\"Somalia\" start=\"2024-03-09\" end=\"2024-03-14\"") !=
              NULL);
        CHECK(xml_ok(gx));
    }
    free(gm);
    free(gx);
    close_fixture();
}

static const char *str_at(json_t *o, const char *k1, const char *k2)
{
    json_t *v = json_object_get(o, k1);
    if (k2 != NULL) {
        v = json_object_get(v, k2);
    }
    return json_string_value(v);
}

static json_t *tl_event(json_t *events, const char *id)
{
    size_t i;
    json_t *e;
    json_array_foreach(events, i, e)
    {
        const char *u = str_at(e, "unique_id", NULL);
        if (u && strcmp(u, id) == 0) {
            return e;
        }
    }
    return NULL;
}

static void test_timelinejs(void)
{
    char *tl;
    json_t *root, *events, *e;
    json_error_t je;
    if (!open_fixture("fixtures/horn-talks.json")) {
        close_fixture();
        return;
    }
    tl = gu_format(graph, "timelinejs");
    CHECK(tl != NULL);
    root = tl ? json_loads(tl, 0, &je) : NULL;
    CHECK(root != NULL);
    if (root != NULL) {
        events = json_object_get(root, "events");
        CHECK_EQ_SIZE(json_array_size(events), 4); /* the undated event is left out */
        e = tl_event(events, "e3");                /* weekend */
        CHECK(e != NULL);
        CHECK_EQ_STR(str_at(e, "display_date", NULL), "weekend of 9\xE2\x80\x93"
                                                      "10 Mar 2024");
        CHECK(json_integer_value(
                  json_object_get(json_object_get(e, "start_date"), "day")) == 9);
        CHECK(json_integer_value(
                  json_object_get(json_object_get(e, "end_date"), "day")) == 10);
        CHECK_EQ_STR(str_at(e, "group", NULL), "al-Shabaab");
        e = tl_event(events, "e2"); /* a month */
        CHECK_EQ_STR(str_at(e, "display_date", NULL), "c. March 2024");
        CHECK(json_object_get(json_object_get(e, "start_date"), "day") == NULL);
        CHECK(json_integer_value(
                  json_object_get(json_object_get(e, "start_date"), "month")) == 3);
        e = tl_event(events, "e5"); /* inferred day */
        CHECK_EQ_STR(str_at(e, "display_date", NULL), "c. 14 March 2024");
        e = tl_event(events, "e1");
        CHECK(json_object_get(e, "display_date") == NULL);
        CHECK_EQ_STR(str_at(e, "group", NULL), "William Ruto");
        CHECK_EQ_STR(str_at(e, "text", "headline"), "William Ruto meets Abiy Ahmed");
        CHECK(strstr(str_at(e, "text", "text"), "fixtures/nairobi-talks.txt") != NULL);
        CHECK(json_integer_value(
                  json_object_get(json_object_get(e, "start_date"), "year")) == 2024);
        /* timeline order */
        CHECK_EQ_STR(str_at(json_array_get(events, 0), "unique_id", NULL), "e2");
        json_decref(root);
    }
    free(tl);
    close_fixture();
}

static void test_csv(void)
{
    char *csv;
    const char *p;
    csv_row header = {{0}, 0}, row = {{0}, 0};
    bool bad = false;
    size_t rows = 0;
    if (!open_fixture("fixtures/horn-talks.json")) {
        close_fixture();
        return;
    }
    csv = gu_format(graph, "csv");
    CHECK(csv != NULL);
    p = csv ? csv : "";
    CHECK(csv_next(&p, &header, &bad));
    CHECK_EQ_SIZE(header.n, 32);
    while (csv_next(&p, &row, &bad)) {
        CHECK_EQ_SIZE(row.n, header.n);
        if (rows == 1) { /* chronological: the attack */
            CHECK_EQ_STR(row.fields[col(&header, "event_id")], "e3");
            CHECK_EQ_STR(row.fields[col(&header, "actor1")], "al-Shabaab");
            CHECK_EQ_STR(row.fields[col(&header, "actor2")], "Somalia");
            CHECK_EQ_STR(row.fields[col(&header, "actor2_country")], "SOM");
            CHECK_EQ_STR(row.fields[col(&header, "location")], "Mogadishu");
            CHECK_EQ_STR(row.fields[col(&header, "quad_class")], "4");
            CHECK_EQ_STR(row.fields[col(&header, "goldstein")], "-10");
            CHECK_EQ_STR(row.fields[col(&header, "count_min")], "12");
            CHECK_EQ_STR(row.fields[col(&header, "date_earliest")], "2024-03-09");
            CHECK_EQ_STR(row.fields[col(&header, "event_code")], "190");
            CHECK(strstr(row.fields[col(&header, "sentence")], "killing 12 people,") ==
                  NULL);
        }
        if (rows == 3) { /* the AU meeting with Kenya and Somalia */
            CHECK_EQ_STR(row.fields[col(&header, "actor1")], "African Union");
            CHECK_EQ_STR(row.fields[col(&header, "actor2")], "");
            CHECK_EQ_STR(row.fields[col(&header, "other_actors")], "Kenya; Somalia");
            CHECK_EQ_STR(row.fields[col(&header, "modality")], "planned");
        }
        if (rows == 2) {
            CHECK_EQ_STR(row.fields[col(&header, "num_sources")], "2");
            CHECK_EQ_STR(row.fields[col(&header, "doc_ids")], "d1;d2");
        }
        csv_free(&row);
        rows++;
    }
    CHECK(!bad);
    CHECK_EQ_SIZE(rows, graph->n_events);
    csv_free(&header);
    free(csv);
    close_fixture();
}

/* Article text with markup, quotes and formulas comes out inert. */
static void test_hostile(void)
{
    static const char *const formats[] = {"graphml", "gexf", "timelinejs", "csv"};
    size_t i;
    if (!open_fixture("fixtures/hostile.json")) {
        close_fixture();
        return;
    }
    for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        char *out = gu_format(graph, formats[i]);
        CHECK(out != NULL);
        if (out == NULL) {
            continue;
        }
        if (i < 2) {
            CHECK(strstr(out, "<script") == NULL);
            CHECK(strstr(out, "<img") == NULL);
            CHECK(strstr(out, "<b>") == NULL);
            CHECK(strstr(out, "\x01") == NULL);
            CHECK(strstr(out, "&lt;script&gt;alert(&quot;label&quot;)&lt;/script&gt;") !=
                  NULL);
            CHECK(xml_ok(out));
            if (i == 0) {
                size_t nv = 0, ne = 0;
                CHECK(igraph_reads(out, &nv, &ne) && nv == graph->n_vertices);
            }
        } else if (i == 2) {
            json_t *root = json_loads(out, 0, NULL);
            json_t *e = json_array_get(json_object_get(root, "events"), 0);
            CHECK(root != NULL);
            CHECK(strchr(out, '<') == NULL); /* even escaped HTML uses \u003c */
            CHECK(strchr(out, '>') == NULL);
            CHECK_EQ_STR(str_at(e, "text", "headline"),
                         "&lt;script&gt;alert(&quot;label&quot;)&lt;/script&gt;");
            CHECK(strstr(str_at(e, "text", "text"), "&lt;img src=x") != NULL);
            json_decref(root);
        } else {
            const char *p = out;
            csv_row header = {{0}, 0}, row = {{0}, 0};
            bool bad = false;
            CHECK(csv_next(&p, &header, &bad));
            CHECK(csv_next(&p, &row, &bad));
            CHECK(!bad);
            CHECK_EQ_SIZE(row.n, header.n);
            if (row.n == header.n) {
                CHECK_EQ_STR(row.fields[col(&header, "actor1")],
                             "'=HYPERLINK(\"http://x\",\"click\")");
                CHECK_EQ_STR(row.fields[col(&header, "actor2")],
                             "O'Brien \"The <Hammer>\" & Sons, Ltd");
                CHECK_EQ_STR(row.fields[col(&header, "trigger")], "'@attack");
                CHECK(strstr(row.fields[col(&header, "sentence")],
                             "\"hello, world\"\r\nand") != NULL);
            }
            CHECK(!csv_next(&p, &row, &bad));
            csv_free(&row);
            csv_free(&header);
        }
        free(out);
    }
    close_fixture();
}

static int stop_sink(const char *data, size_t len, void *ud)
{
    (void)data;
    (void)len;
    (void)ud;
    return 1;
}

static void test_errors(void)
{
    annals_error err = ANNALS_ERROR_INIT;
    if (!open_fixture("fixtures/horn-talks.json")) {
        close_fixture();
        return;
    }
    CHECK(annals_export_format(graph, "pptx", annals__buf_sink, NULL, &err) ==
          ANNALS_EINVAL);
    CHECK(strstr(err.message, "pptx") != NULL);
    err = (annals_error)ANNALS_ERROR_INIT;
    CHECK(annals_export_format(graph, "csv", stop_sink, NULL, &err) == ANNALS_EIO);
    err = (annals_error)ANNALS_ERROR_INIT;
    CHECK(annals_export_format(NULL, "csv", stop_sink, NULL, &err) == ANNALS_EINVAL);
    close_fixture();
}

int main(void)
{
    test_graphml_gexf();
    test_timelinejs();
    test_csv();
    test_hostile();
    test_errors();
    return check_summary();
}
