/* SPDX-License-Identifier: MIT */
/*
 * export/exchange.c - exchange formats of a graph: GraphML, GEXF 1.3
 * (dynamic), TimelineJS JSON, CSV; "html" is the views' report
 * (layout/report.c).
 *
 * All four are written here with our own escaping rather than through a
 * library: igraph's GraphML writer needs the process-global attribute
 * table for labels and rejects control characters, and jansson is kept to
 * json*.c. Every string that came from an article goes through one of:
 *  - xml_text(): & < > " ' escaped, characters XML 1.0 forbids (C0 controls
 *    other than TAB/LF/CR, U+FFFE, U+FFFF) replaced by U+FFFD, and TAB/LF/CR
 *    written as character references so attribute values keep them;
 *  - json_text(): RFC 8259 escaping plus \u003c \u003e \u0026 \u2028 \u2029,
 *    so the JSON is also safe inside an HTML <script>; TimelineJS renders
 *    its text fields as HTML, so those are XML-escaped first;
 *  - csv_field(): RFC 4180 quoting, and a leading ' before text that
 *    starts with = + - @ TAB or CR so a spreadsheet never runs it as a
 *    formula.
 *
 * Output is deterministic (graph order; no timestamps) and streamed into
 * the sink in 64 KiB pieces. Linear in the size of the graph.
 */
#include "graph/graph.h"
#include "layout/layout.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLUSH_AT        65536
#define TIMELINE_GROUPS 8 /* named TimelineJS groups; the rest are "Other" */

typedef struct xw {
    annals_sink sink;
    void *ud;
    annals__buf b;
    annals_status rc; /* first failure; later writes are no-ops */
} xw;

static void xw_flush(xw *w)
{
    if (w->rc == ANNALS_OK && w->b.len > 0 && w->sink(w->b.ptr, w->b.len, w->ud) != 0) {
        w->rc = ANNALS_EIO;
    }
    w->b.len = 0;
}

static void xw_put(xw *w, const char *s, size_t n)
{
    if (w->rc != ANNALS_OK) {
        return;
    }
    if (annals__buf_put(&w->b, s, n) < 0) {
        w->rc = ANNALS_ENOMEM;
        return;
    }
    if (w->b.len >= FLUSH_AT) {
        xw_flush(w);
    }
}

static void xw_puts(xw *w, const char *s)
{
    xw_put(w, s, strlen(s));
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
xw_printf(xw *w, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    if (n < 0) {
        w->rc = w->rc == ANNALS_OK ? ANNALS_EINVAL : w->rc;
        return;
    }
    /* Our formats only carry numbers and fixed words: never truncated. */
    xw_put(w, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* ------------------------------------------------------------- escaping */

/* Length of the UTF-8 sequence starting with byte `c` (1 for invalid). */
static size_t utf8_len(unsigned char c)
{
    if (c < 0x80) {
        return 1;
    }
    if ((c & 0xE0) == 0xC0) {
        return 2;
    }
    if ((c & 0xF0) == 0xE0) {
        return 3;
    }
    if ((c & 0xF8) == 0xF0) {
        return 4;
    }
    return 1;
}

/* Decode the code point at s[i] (at most n - i bytes); *len gets its size.
 * Invalid or truncated sequences decode as U+FFFD of length 1. */
static uint32_t decode(const char *s, size_t n, size_t i, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s + i;
    size_t l = utf8_len(p[0]), k;
    uint32_t cp;
    if (l == 1) {
        *len = 1;
        return p[0] < 0x80 ? p[0] : 0xFFFD;
    }
    if (i + l > n) {
        *len = 1;
        return 0xFFFD;
    }
    cp = p[0] & (0x7Fu >> l);
    for (k = 1; k < l; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (p[k] & 0x3Fu);
    }
    *len = l;
    return cp;
}

/* XML 1.0 text or attribute value (see the file comment). */
static void xml_text(xw *w, const char *s)
{
    size_t n, i = 0, run = 0;
    if (s == NULL) {
        return;
    }
    n = strlen(s);
    while (i < n) {
        size_t l;
        uint32_t cp = decode(s, n, i, &l);
        const char *rep = NULL;
        switch (cp) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&apos;";
            break;
        case '\t':
            rep = "&#9;";
            break;
        case '\n':
            rep = "&#10;";
            break;
        case '\r':
            rep = "&#13;";
            break;
        default:
            if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF ||
                (cp >= 0xD800 && cp <= 0xDFFF) || (cp == 0xFFFD && l == 1)) {
                rep = "\xEF\xBF\xBD";
            }
            break;
        }
        if (rep != NULL) {
            xw_put(w, s + run, i - run);
            xw_puts(w, rep);
            run = i + l;
        }
        i += l;
    }
    xw_put(w, s + run, n - run);
}

/* A JSON string literal, quotes included (see the file comment). */
static void json_text(xw *w, const char *s)
{
    size_t n, i = 0, run = 0;
    xw_put(w, "\"", 1);
    if (s != NULL) {
        n = strlen(s);
        while (i < n) {
            size_t l;
            uint32_t cp = decode(s, n, i, &l);
            char rep[8];
            bool esc = true;
            switch (cp) {
            case '"':
                memcpy(rep, "\\\"", 3);
                break;
            case '\\':
                memcpy(rep, "\\\\", 3);
                break;
            case '\n':
                memcpy(rep, "\\n", 3);
                break;
            case '\t':
                memcpy(rep, "\\t", 3);
                break;
            case '\r':
                memcpy(rep, "\\r", 3);
                break;
            default:
                if (cp < 0x20 || cp == '<' || cp == '>' || cp == '&' || cp == 0x2028 ||
                    cp == 0x2029) {
                    snprintf(rep, sizeof(rep), "\\u%04x", (unsigned)cp);
                } else if (cp == 0xFFFD && l == 1) {
                    memcpy(rep, "\\ufffd", 7);
                } else {
                    esc = false;
                }
                break;
            }
            if (esc) {
                xw_put(w, s + run, i - run);
                xw_puts(w, rep);
                run = i + l;
            }
            i += l;
        }
        xw_put(w, s + run, n - run);
    }
    xw_put(w, "\"", 1);
}

/* A JSON string holding `s` XML-escaped (for fields TimelineJS renders as
 * HTML). */
static void json_html_text(xw *w, const char *s)
{
    annals__buf tmp;
    annals__buf_init(&tmp);
    if (annals__buf_put_xml(&tmp, s ? s : "", s ? strlen(s) : 0) < 0) {
        w->rc = w->rc == ANNALS_OK ? ANNALS_ENOMEM : w->rc;
    } else {
        json_text(w, tmp.ptr ? tmp.ptr : "");
    }
    annals__buf_dispose(&tmp);
}

/* One CSV field (no separator). */
static void csv_field(xw *w, const char *s, bool text)
{
    size_t n, i, run = 0;
    bool quote = false;
    if (s == NULL) {
        return;
    }
    n = strlen(s);
    for (i = 0; i < n; i++) {
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n') {
            quote = true;
            break;
        }
    }
    if (text && n > 0 &&
        (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
         s[0] == '\r')) {
        quote = true;
    }
    if (!quote) {
        xw_put(w, s, n);
        return;
    }
    xw_put(w, "\"", 1);
    if (text && n > 0 &&
        (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
         s[0] == '\r')) {
        xw_put(w, "'", 1);
    }
    for (i = 0; i < n; i++) {
        if (s[i] == '"') {
            xw_put(w, s + run, i + 1 - run);
            xw_put(w, "\"", 1);
            run = i + 1;
        }
    }
    xw_put(w, s + run, n - run);
    xw_put(w, "\"", 1);
}

/* --------------------------------------------------------------- helpers */

static const char *entity_name(const annals_corpus *c, uint32_t i)
{
    if (i >= c->entities.n) {
        return "";
    }
    return ANNALS__CENTITY(c, i)->name ? ANNALS__CENTITY(c, i)->name : "";
}

/* The id of vertex v into `buf` ("e3", "a7", "date:2024-02-06"). */
static const char *vertex_id(const annals_graph *g, size_t v, char *buf, size_t cap)
{
    const annals__gvertex *x = &g->vertices[v];
    switch (x->kind) {
    case ANNALS_V_EVENT:
        snprintf(buf, cap, "e%u", x->ref + 1);
        break;
    case ANNALS_V_ACTOR:
    case ANNALS_V_PLACE:
        snprintf(buf, cap, "a%u", x->ref + 1);
        break;
    case ANNALS_V_DATE:
        snprintf(buf, cap, "%s%s", ANNALS__DATE_ID_PREFIX,
                 x->ref < g->n_date_values ? g->date_values[x->ref] : "");
        break;
    }
    return buf;
}

static void format_day(int32_t day, char *buf)
{
    int y, m, d;
    annals__civil_from_days(day, &y, &m, &d);
    if (y < 0 || y > 9999) {
        buf[0] = '\0';
        return;
    }
    snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}

/* Interval of each date vertex (from the first event that carries it). */
static annals_status date_intervals(const annals_graph *g, int32_t **first,
                                    int32_t **last)
{
    size_t i;
    *first = malloc((g->n_date_values ? g->n_date_values : 1) * sizeof(int32_t));
    *last = malloc((g->n_date_values ? g->n_date_values : 1) * sizeof(int32_t));
    if (*first == NULL || *last == NULL) {
        free(*first);
        free(*last);
        *first = *last = NULL;
        return ANNALS_ENOMEM;
    }
    for (i = 0; i < g->n_date_values; i++) {
        (*first)[i] = (*last)[i] = ANNALS__NO_DAY;
    }
    for (i = 0; i < g->n_edges; i++) {
        const annals__gedge *e = &g->edges[i];
        if (e->kind == ANNALS_E_DATE) {
            const annals__gvertex *ve = &g->vertices[e->from], *vd = &g->vertices[e->to];
            const annals__cevent *ev = ANNALS__CEVENT(g->corpus, ve->ref);
            if (vd->ref < g->n_date_values && (*first)[vd->ref] == ANNALS__NO_DAY) {
                (*first)[vd->ref] = ev->earliest;
                (*last)[vd->ref] = ev->latest;
            }
        }
    }
    return ANNALS_OK;
}

/* The interval a vertex exists in, or false if always (undated). */
static bool vertex_spell(const annals_graph *g, size_t v, const int32_t *dfirst,
                         const int32_t *dlast, int32_t *a, int32_t *b)
{
    const annals__gvertex *x = &g->vertices[v];
    switch (x->kind) {
    case ANNALS_V_EVENT: {
        const annals__cevent *ev = ANNALS__CEVENT(g->corpus, x->ref);
        *a = ev->earliest;
        *b = ev->latest;
        break;
    }
    case ANNALS_V_ACTOR:
        *a = g->first_day[x->ref];
        *b = g->last_day[x->ref];
        break;
    case ANNALS_V_PLACE:
        *a = *b = ANNALS__NO_DAY;
        break;
    case ANNALS_V_DATE:
        *a = x->ref < g->n_date_values ? dfirst[x->ref] : ANNALS__NO_DAY;
        *b = x->ref < g->n_date_values ? dlast[x->ref] : ANNALS__NO_DAY;
        break;
    }
    return *a != ANNALS__NO_DAY && *b != ANNALS__NO_DAY && *a <= *b;
}

static void xml_spell(xw *w, int32_t a, int32_t b)
{
    char d1[16], d2[16];
    format_day(a, d1);
    format_day(b, d2);
    if (d1[0] != '\0' && d2[0] != '\0') {
        xw_printf(w, " start=\"%s\" end=\"%s\"", d1, d2);
    }
}

/* ---------------------------------------------------------------- GraphML */

static const char *const quad_colors[4] = {"#1a9850", "#4575b4", "#fdae61", "#d73027"};

static void graphml_data(xw *w, const char *key, const char *value)
{
    xw_printf(w, "      <data key=\"%s\">", key);
    xml_text(w, value);
    xw_puts(w, "</data>\n");
}

static void graphml_num(xw *w, const char *key, double value, bool integer)
{
    if (integer) {
        xw_printf(w, "      <data key=\"%s\">%lld</data>\n", key, (long long)value);
    } else {
        xw_printf(w, "      <data key=\"%s\">%.6g</data>\n", key, value);
    }
}

static void write_graphml(xw *w, const annals_graph *g)
{
    static const char *const keys[][4] = {
        {"v_kind", "node", "kind", "string"},
        {"v_label", "node", "label", "string"},
        {"v_entity_kind", "node", "entity_kind", "string"},
        {"v_country", "node", "country", "string"},
        {"v_code", "node", "cameo_code", "string"},
        {"v_quad", "node", "quad", "int"},
        {"v_date", "node", "date", "string"},
        {"v_earliest", "node", "earliest", "string"},
        {"v_latest", "node", "latest", "string"},
        {"v_modality", "node", "modality", "string"},
        {"v_confidence", "node", "confidence", "double"},
        {"v_salience", "node", "salience", "double"},
        {"v_degree", "node", "degree", "int"},
        {"v_betweenness", "node", "betweenness", "double"},
        {"v_community", "node", "community", "int"},
        {"e_kind", "edge", "kind", "string"},
        {"e_weight", "edge", "weight", "double"},
        {"e_quad", "edge", "quad", "int"},
    };
    const annals_corpus *c = g->corpus;
    size_t i;
    char id1[64], id2[64], day[16];

    xw_puts(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
               " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
               " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
               " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    xw_puts(w, "  <!-- annals " ANNALS_VERSION_STRING
               ": event graph (events, actors, places,"
               " dates) plus actor co-participation edges -->\n");
    for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        xw_printf(w, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                  keys[i][0], keys[i][1], keys[i][2], keys[i][3]);
    }
    xw_puts(w, "  <graph id=\"annals\" edgedefault=\"directed\">\n");
    for (i = 0; i < g->n_vertices && w->rc == ANNALS_OK; i++) {
        const annals__gvertex *x = &g->vertices[i];
        xw_puts(w, "    <node id=\"");
        xml_text(w, vertex_id(g, i, id1, sizeof(id1)));
        xw_puts(w, "\">\n");
        graphml_data(w, "v_kind", annals__vkind_name(x->kind));
        if (x->kind == ANNALS_V_EVENT) {
            const annals__cevent *ev = ANNALS__CEVENT(c, x->ref);
            graphml_data(w, "v_label", ev->label);
            graphml_data(w, "v_code", ev->code);
            graphml_num(w, "v_quad", ev->quad + 1, true);
            if (ev->date_value[0] != '\0') {
                graphml_data(w, "v_date", ev->date_value);
            }
            if (ev->earliest != ANNALS__NO_DAY) {
                format_day(ev->earliest, day);
                graphml_data(w, "v_earliest", day);
                format_day(ev->latest, day);
                graphml_data(w, "v_latest", day);
            }
            graphml_data(w, "v_modality", annals__modality_name(ev->modality));
            graphml_num(w, "v_confidence", ev->confidence, false);
            graphml_num(w, "v_salience", g->salience[x->ref], false);
        } else if (x->kind == ANNALS_V_ACTOR || x->kind == ANNALS_V_PLACE) {
            const annals__centity *e = ANNALS__CENTITY(c, x->ref);
            graphml_data(w, "v_label", e->name);
            graphml_data(w, "v_entity_kind", annals__entity_kind_name(e->kind));
            if (e->country[0] != '\0') {
                graphml_data(w, "v_country", e->country);
            }
            if (x->kind == ANNALS_V_ACTOR) {
                graphml_num(w, "v_degree", g->degree[x->ref] < 0 ? 0 : g->degree[x->ref],
                            true);
                graphml_num(w, "v_betweenness", g->betweenness[x->ref], false);
                graphml_num(w, "v_community", g->community[x->ref], true);
            }
        } else {
            graphml_data(w, "v_label",
                         x->ref < g->n_date_values ? g->date_values[x->ref] : "");
        }
        xw_puts(w, "    </node>\n");
    }
    for (i = 0; i < g->n_edges && w->rc == ANNALS_OK; i++) {
        const annals__gedge *e = &g->edges[i];
        xw_printf(w, "    <edge id=\"x%zu\" source=\"", i + 1);
        xml_text(w, vertex_id(g, e->from, id1, sizeof(id1)));
        xw_puts(w, "\" target=\"");
        xml_text(w, vertex_id(g, e->to, id2, sizeof(id2)));
        xw_puts(w, "\">\n");
        graphml_data(w, "e_kind", annals__ekind_name(e->kind));
        xw_puts(w, "    </edge>\n");
    }
    for (i = 0; i < g->n_actor_edges && w->rc == ANNALS_OK; i++) {
        const annals__actor_edge *e = &g->actor_edges[i];
        xw_printf(
            w,
            "    <edge id=\"p%zu\" source=\"a%u\" target=\"a%u\" directed=\"false\">\n",
            i + 1, e->a + 1, e->b + 1);
        graphml_data(w, "e_kind", "co-participation");
        graphml_num(w, "e_weight", e->n_events, false);
        graphml_num(w, "e_quad", e->dominant_quad + 1, true);
        xw_puts(w, "    </edge>\n");
    }
    xw_puts(w, "  </graph>\n</graphml>\n");
}

/* ------------------------------------------------------------------- GEXF */

static void gexf_color(xw *w, const char *hex)
{
    unsigned r = 0, gg = 0, b = 0;
    if (sscanf(hex, "#%02x%02x%02x", &r, &gg, &b) == 3) {
        xw_printf(w, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", r, gg, b);
    }
}

static const char *entity_color(annals_entity_kind k)
{
    switch (k) {
    case ANNALS_ENTITY_PERSON:
        return "#8e6bbf";
    case ANNALS_ENTITY_ORGANIZATION:
        return "#a6761d";
    case ANNALS_ENTITY_GROUP:
        return "#e7298a";
    case ANNALS_ENTITY_COUNTRY:
        return "#666666";
    case ANNALS_ENTITY_PLACE:
        return "#66c2a5";
    }
    return "#999999";
}

static void gexf_att(xw *w, int id, const char *value)
{
    xw_printf(w, "          <attvalue for=\"%d\" value=\"", id);
    xml_text(w, value);
    xw_puts(w, "\"/>\n");
}

static void gexf_num(xw *w, int id, double value, bool integer)
{
    if (integer) {
        xw_printf(w, "          <attvalue for=\"%d\" value=\"%lld\"/>\n", id,
                  (long long)value);
    } else {
        xw_printf(w, "          <attvalue for=\"%d\" value=\"%.6g\"/>\n", id, value);
    }
}

static annals_status write_gexf(xw *w, const annals_graph *g)
{
    static const char *const node_atts[][2] = {
        {"kind", "string"},        {"entity_kind", "string"}, {"country", "string"},
        {"cameo_code", "string"},  {"quad", "integer"},       {"date", "string"},
        {"modality", "string"},    {"confidence", "double"},  {"degree", "integer"},
        {"betweenness", "double"}, {"community", "integer"},  {"salience", "double"}};
    const annals_corpus *c = g->corpus;
    int32_t *dfirst = NULL, *dlast = NULL;
    size_t i;
    char id1[64], id2[64];

    if (date_intervals(g, &dfirst, &dlast) < 0) {
        return ANNALS_ENOMEM;
    }
    xw_puts(w,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
            " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\""
            " version=\"1.3\">\n"
            "  <meta>\n"
            "    <creator>annals " ANNALS_VERSION_STRING "</creator>\n"
            "    <description>Event graph: events, actors, places and dates; events and"
            " actors exist over their date intervals</description>\n"
            "  </meta>\n"
            "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\""
            " timerepresentation=\"interval\">\n"
            "    <attributes class=\"node\" mode=\"static\">\n");
    for (i = 0; i < sizeof(node_atts) / sizeof(node_atts[0]); i++) {
        xw_printf(w, "      <attribute id=\"%zu\" title=\"%s\" type=\"%s\"/>\n", i,
                  node_atts[i][0], node_atts[i][1]);
    }
    xw_puts(w, "    </attributes>\n"
               "    <attributes class=\"edge\" mode=\"static\">\n"
               "      <attribute id=\"0\" title=\"kind\" type=\"string\"/>\n"
               "      <attribute id=\"1\" title=\"quad\" type=\"integer\"/>\n"
               "    </attributes>\n"
               "    <nodes>\n");
    for (i = 0; i < g->n_vertices && w->rc == ANNALS_OK; i++) {
        const annals__gvertex *x = &g->vertices[i];
        int32_t a, b;
        const char *color = "#bbbbbb";
        xw_puts(w, "      <node id=\"");
        xml_text(w, vertex_id(g, i, id1, sizeof(id1)));
        xw_puts(w, "\" label=\"");
        if (x->kind == ANNALS_V_EVENT) {
            xml_text(w, ANNALS__CEVENT(c, x->ref)->label);
        } else if (x->kind == ANNALS_V_DATE) {
            xml_text(w, x->ref < g->n_date_values ? g->date_values[x->ref] : "");
        } else {
            xml_text(w, entity_name(c, x->ref));
        }
        xw_puts(w, "\"");
        if (vertex_spell(g, i, dfirst, dlast, &a, &b)) {
            xml_spell(w, a, b);
        }
        xw_puts(w, ">\n        <attvalues>\n");
        gexf_att(w, 0, annals__vkind_name(x->kind));
        if (x->kind == ANNALS_V_EVENT) {
            const annals__cevent *ev = ANNALS__CEVENT(c, x->ref);
            int q = ev->quad >= 0 && ev->quad <= 3 ? ev->quad : 0;
            gexf_att(w, 3, ev->code);
            gexf_num(w, 4, q + 1, true);
            if (ev->date_value[0] != '\0') {
                gexf_att(w, 5, ev->date_value);
            }
            gexf_att(w, 6, annals__modality_name(ev->modality));
            gexf_num(w, 7, ev->confidence, false);
            gexf_num(w, 11, g->salience[x->ref], false);
            color = quad_colors[q];
        } else if (x->kind == ANNALS_V_ACTOR || x->kind == ANNALS_V_PLACE) {
            const annals__centity *e = ANNALS__CENTITY(c, x->ref);
            gexf_att(w, 1, annals__entity_kind_name(e->kind));
            if (e->country[0] != '\0') {
                gexf_att(w, 2, e->country);
            }
            if (x->kind == ANNALS_V_ACTOR) {
                gexf_num(w, 8, g->degree[x->ref] < 0 ? 0 : g->degree[x->ref], true);
                gexf_num(w, 9, g->betweenness[x->ref], false);
                gexf_num(w, 10, g->community[x->ref], true);
            }
            color = entity_color(e->kind);
        } else if (x->ref < g->n_date_values) {
            gexf_att(w, 5, g->date_values[x->ref]);
        }
        xw_puts(w, "        </attvalues>\n");
        gexf_color(w, color);
        xw_puts(w, "      </node>\n");
    }
    xw_puts(w, "    </nodes>\n    <edges>\n");
    for (i = 0; i < g->n_edges && w->rc == ANNALS_OK; i++) {
        const annals__gedge *e = &g->edges[i];
        int32_t a = ANNALS__NO_DAY, b = ANNALS__NO_DAY;
        xw_printf(w, "      <edge id=\"x%zu\" source=\"", i + 1);
        xml_text(w, vertex_id(g, e->from, id1, sizeof(id1)));
        xw_puts(w, "\" target=\"");
        xml_text(w, vertex_id(g, e->to, id2, sizeof(id2)));
        xw_puts(w, "\"");
        if (e->kind == ANNALS_E_PARTICIPANT) {
            xw_puts(w, " type=\"undirected\"");
        }
        /* Role, place and date edges live while their event does. */
        if (e->kind != ANNALS_E_AFFILIATION && e->kind != ANNALS_E_NEXT) {
            size_t ev_v = e->kind == ANNALS_E_SOURCE || e->kind == ANNALS_E_PARTICIPANT
                              ? e->to
                              : e->from;
            if (vertex_spell(g, ev_v, dfirst, dlast, &a, &b)) {
                xml_spell(w, a, b);
            }
        }
        xw_puts(w, ">\n        <attvalues>\n");
        gexf_att(w, 0, annals__ekind_name(e->kind));
        xw_puts(w, "        </attvalues>\n      </edge>\n");
    }
    for (i = 0; i < g->n_actor_edges && w->rc == ANNALS_OK; i++) {
        const annals__actor_edge *e = &g->actor_edges[i];
        int32_t a = ANNALS__NO_DAY, b = ANNALS__NO_DAY;
        uint32_t k;
        for (k = 0; k < e->n_events; k++) {
            const annals__cevent *ev = ANNALS__CEVENT(c, e->events[k]);
            if (ev->earliest == ANNALS__NO_DAY) {
                continue;
            }
            if (a == ANNALS__NO_DAY || ev->earliest < a) {
                a = ev->earliest;
            }
            if (b == ANNALS__NO_DAY || ev->latest > b) {
                b = ev->latest;
            }
        }
        xw_printf(
            w,
            "      <edge id=\"p%zu\" source=\"a%u\" target=\"a%u\" type=\"undirected\""
            " weight=\"%u\"",
            i + 1, e->a + 1, e->b + 1, e->n_events);
        if (a != ANNALS__NO_DAY && b != ANNALS__NO_DAY) {
            xml_spell(w, a, b);
        }
        xw_puts(w, ">\n        <attvalues>\n");
        gexf_att(w, 0, "co-participation");
        gexf_num(w, 1, e->dominant_quad + 1, true);
        xw_puts(w, "        </attvalues>\n");
        gexf_color(w, quad_colors[e->dominant_quad & 3]);
        xw_puts(w, "      </edge>\n");
    }
    xw_puts(w, "    </edges>\n  </graph>\n</gexf>\n");
    free(dfirst);
    free(dlast);
    return ANNALS_OK;
}

/* ------------------------------------------------------------- TimelineJS */

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
static const char *const month_abbr[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "3–4 Feb 2024", "31 Mar – 1 Apr 2024", "30 Dec 2024 – 5 Jan 2025". */
static void day_range(char *buf, size_t cap, int32_t a, int32_t b)
{
    int y1, m1, d1, y2, m2, d2;
    annals__civil_from_days(a, &y1, &m1, &d1);
    annals__civil_from_days(b, &y2, &m2, &d2);
    if (a == b) {
        snprintf(buf, cap, "%d %s %d", d1, month_abbr[m1 - 1], y1);
    } else if (y1 == y2 && m1 == m2) {
        snprintf(buf, cap, "%d\xE2\x80\x93%d %s %d", d1, d2, month_abbr[m1 - 1], y1);
    } else if (y1 == y2) {
        snprintf(buf, cap, "%d %s \xE2\x80\x93 %d %s %d", d1, month_abbr[m1 - 1], d2,
                 month_abbr[m2 - 1], y1);
    } else {
        snprintf(buf, cap, "%d %s %d \xE2\x80\x93 %d %s %d", d1, month_abbr[m1 - 1], y1,
                 d2, month_abbr[m2 - 1], y2);
    }
}

/*
 * How a vague date reads on a TimelineJS slide:
 *   day (asserted)  -> ""  (TimelineJS shows the date itself)
 *   day (inferred)  -> "c. 6 February 2024"
 *   weekend         -> "weekend of 3–4 Feb 2024"; week -> "week of 5–11 Feb 2024"
 *   month           -> "c. February 2024"; year -> "c. 2015"
 *   other intervals -> "c. Oct 2023 – Dec 2023" style ranges
 */
static void display_date(const annals__cevent *ev, char *buf, size_t cap)
{
    int y1, m1, d1, y2, m2, d2;
    char range[96];
    size_t vlen = strlen(ev->date_value);
    annals__civil_from_days(ev->earliest, &y1, &m1, &d1);
    annals__civil_from_days(ev->latest, &y2, &m2, &d2);
    buf[0] = '\0';
    switch (ev->precision) {
    case ANNALS_PREC_TIME:
    case ANNALS_PREC_DAY:
        if (ev->inferred) {
            snprintf(buf, cap, "c. %d %s %d", d1, month_names[m1 - 1], y1);
        }
        break;
    case ANNALS_PREC_WEEK:
        day_range(range, sizeof(range), ev->earliest, ev->latest);
        snprintf(buf, cap, "%s of %s",
                 vlen >= 3 && strcmp(ev->date_value + vlen - 3, "-WE") == 0 ? "weekend"
                                                                            : "week",
                 range);
        break;
    case ANNALS_PREC_MONTH:
        snprintf(buf, cap, "c. %s %d", month_names[m1 - 1], y1);
        break;
    case ANNALS_PREC_YEAR:
        snprintf(buf, cap, "c. %d", y1);
        break;
    case ANNALS_PREC_DECADE:
        snprintf(buf, cap, "c. %ds", y1 - y1 % 10);
        break;
    default:
        if (y1 == y2) {
            snprintf(buf, cap, "c. %s \xE2\x80\x93 %s %d", month_abbr[m1 - 1],
                     month_abbr[m2 - 1], y1);
        } else {
            snprintf(buf, cap, "c. %s %d \xE2\x80\x93 %s %d", month_abbr[m1 - 1], y1,
                     month_abbr[m2 - 1], y2);
        }
        break;
    }
}

/* {"year": Y, "month": M, "day": D} with as many parts as the precision has. */
static void tl_date(xw *w, int32_t day, annals_precision p)
{
    int y, m, d;
    annals__civil_from_days(day, &y, &m, &d);
    if (p == ANNALS_PREC_YEAR || p == ANNALS_PREC_DECADE || p == ANNALS_PREC_CENTURY) {
        xw_printf(w, "{\"year\": %d}", y);
    } else if (p == ANNALS_PREC_MONTH || p == ANNALS_PREC_SEASON ||
               p == ANNALS_PREC_QUARTER || p == ANNALS_PREC_HALF) {
        xw_printf(w, "{\"year\": %d, \"month\": %d}", y, m);
    } else {
        xw_printf(w, "{\"year\": %d, \"month\": %d, \"day\": %d}", y, m, d);
    }
}

static int cmp_involvement(uint32_t a, uint32_t b, const annals_graph *g)
{
    if (g->involvement[a] != g->involvement[b]) {
        return g->involvement[a] > g->involvement[b] ? -1 : 1;
    }
    return a < b ? -1 : (a > b);
}

/* The TIMELINE_GROUPS most involved actors (ties by corpus order). */
static size_t top_actors(const annals_graph *g, uint32_t *out)
{
    size_t i, j, n = 0;
    for (i = 0; i < g->n_actors; i++) {
        uint32_t a = g->actors[i];
        if (g->involvement[a] == 0) {
            continue;
        }
        /* insertion into a short sorted list: O(actors x groups) */
        for (j = n; j > 0 && cmp_involvement(a, out[j - 1], g) < 0; j--) {
            if (j < TIMELINE_GROUPS) {
                out[j] = out[j - 1];
            }
        }
        if (j < TIMELINE_GROUPS) {
            out[j] = a;
            if (n < TIMELINE_GROUPS) {
                n++;
            }
        }
    }
    return n;
}

static void write_timelinejs(xw *w, const annals_graph *g)
{
    const annals_corpus *c = g->corpus;
    uint32_t groups[TIMELINE_GROUPS];
    size_t n_groups = top_actors(g, groups), i, k, n_dated = 0, written = 0;
    char summary[160];

    for (i = 0; i < g->n_events; i++) {
        n_dated += ANNALS__CEVENT(c, g->events[i])->earliest != ANNALS__NO_DAY;
    }
    snprintf(summary, sizeof(summary),
             "%zu dated event%s from %zu document%s (%zu undated not shown)", n_dated,
             n_dated == 1 ? "" : "s", c->docs.n, c->docs.n == 1 ? "" : "s",
             g->n_events - n_dated);
    xw_puts(w,
            "{\n  \"title\": {\"text\": {\"headline\": \"annals timeline\", \"text\": ");
    json_text(w, summary);
    xw_puts(w, "}},\n  \"events\": [");
    for (i = 0; i < g->n_events && w->rc == ANNALS_OK; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, g->events[i]);
        const annals__cevmention *m =
            ev->mentions.n > 0 ? annals__vec_at(&ev->mentions, 0) : NULL;
        uint32_t lead = annals__event_main_actor(ev);
        const char *group = "Other";
        char disp[160], id[32];
        annals__buf body;

        if (ev->earliest == ANNALS__NO_DAY) {
            continue; /* never placed on a made-up date */
        }
        for (k = 0; k < n_groups; k++) {
            if (groups[k] == lead) {
                group = entity_name(c, lead);
            }
        }
        xw_puts(w, written++ ? ",\n    {" : "\n    {");
        snprintf(id, sizeof(id), "e%u", g->events[i] + 1);
        xw_puts(w, "\"unique_id\": ");
        json_text(w, id);
        xw_puts(w, ", \"start_date\": ");
        tl_date(w, ev->earliest, ev->precision);
        if (ev->latest != ev->earliest && ev->precision != ANNALS_PREC_MONTH &&
            ev->precision != ANNALS_PREC_YEAR) {
            xw_puts(w, ", \"end_date\": ");
            tl_date(w, ev->latest, ev->precision);
        }
        display_date(ev, disp, sizeof(disp));
        if (disp[0] != '\0') {
            xw_puts(w, ", \"display_date\": ");
            json_text(w, disp);
        }
        xw_puts(w, ", \"group\": ");
        json_text(w, group);
        xw_puts(w, ", \"text\": {\"headline\": ");
        json_html_text(w, ev->label);
        xw_puts(w, ", \"text\": ");
        /* "<p>sentence</p><p>source · CAMEO code type</p>", all escaped. */
        annals__buf_init(&body);
        if (annals__buf_puts(&body, "<p>") < 0 ||
            (m && m->sentence &&
             annals__buf_put_xml(&body, m->sentence, strlen(m->sentence)) < 0) ||
            annals__buf_puts(&body, "</p><p>") < 0 ||
            (m && m->doc < c->docs.n && ANNALS__CDOC(c, m->doc)->source &&
             (annals__buf_put_xml(&body, ANNALS__CDOC(c, m->doc)->source,
                                  strlen(ANNALS__CDOC(c, m->doc)->source)) < 0 ||
              annals__buf_puts(&body, " \xC2\xB7 ") < 0)) ||
            annals__buf_printf(&body, "CAMEO %s ", ev->code) < 0 ||
            annals__buf_put_xml(&body, ev->type ? ev->type : "",
                                ev->type ? strlen(ev->type) : 0) < 0 ||
            annals__buf_puts(&body, "</p>") < 0) {
            w->rc = w->rc == ANNALS_OK ? ANNALS_ENOMEM : w->rc;
        } else {
            json_text(w, body.ptr);
        }
        annals__buf_dispose(&body);
        xw_puts(w, "}}");
    }
    xw_puts(w, written ? "\n  ]\n}\n" : "]\n}\n");
}

/* -------------------------------------------------------------------- CSV */

static void csv_names(xw *w, const annals_corpus *c, const annals__idlist *l, size_t from)
{
    annals__buf b;
    size_t i;
    annals__buf_init(&b);
    for (i = from; i < l->n; i++) {
        if ((i > from && annals__buf_puts(&b, "; ") < 0) ||
            annals__buf_puts(&b, entity_name(c, l->ids[i])) < 0) {
            w->rc = w->rc == ANNALS_OK ? ANNALS_ENOMEM : w->rc;
            break;
        }
    }
    csv_field(w, b.ptr ? b.ptr : "", true);
    annals__buf_dispose(&b);
}

static void csv_actor(xw *w, const annals_corpus *c, uint32_t a)
{
    const annals__centity *e = a < c->entities.n ? ANNALS__CENTITY(c, a) : NULL;
    csv_field(w, e ? e->name : "", true);
    xw_put(w, ",", 1);
    csv_field(w, e ? annals__entity_kind_name(e->kind) : "", false);
    xw_put(w, ",", 1);
    csv_field(w, e ? e->country : "", true);
}

static void write_csv(xw *w, const annals_graph *g)
{
    const annals_corpus *c = g->corpus;
    size_t i, k;
    xw_puts(w,
            "event_id,date,date_earliest,date_latest,date_precision,date_inferred,year,"
            "event_code,event_root,event_type,quad_class,goldstein,"
            "actor1,actor1_kind,actor1_country,actor2,actor2_kind,actor2_country,"
            "other_actors,location,location_country,modality,confidence,"
            "count_min,count_max,num_sources,num_mentions,doc_ids,sources,"
            "trigger,sentence,label\r\n");
    for (i = 0; i < g->n_events && w->rc == ANNALS_OK; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, g->events[i]);
        const annals__cevmention *m =
            ev->mentions.n > 0 ? annals__vec_at(&ev->mentions, 0) : NULL;
        char d1[16] = "", d2[16] = "";
        int y = 0, mo, d;
        uint32_t a1, a2;
        annals__idlist others = {NULL, 0, 0};
        annals__buf docs, srcs;
        size_t n_src = 0;
        uint32_t last_doc = UINT32_MAX;

        if (ev->earliest != ANNALS__NO_DAY) {
            format_day(ev->earliest, d1);
            format_day(ev->latest, d2);
            annals__civil_from_days(ev->earliest, &y, &mo, &d);
        }
        a1 = ev->source.n > 0 ? ev->source.ids[0] : UINT32_MAX;
        a2 = ev->target.n > 0 ? ev->target.ids[0] : UINT32_MAX;
        if (a1 == UINT32_MAX && ev->participants.n > 0) {
            a1 = ev->participants.ids[0];
        }
        /* others: remaining sources, targets and participants */
        for (k = 0; k < ev->source.n; k++) {
            if (ev->source.ids[k] != a1 &&
                annals__idlist_add(&others, ev->source.ids[k]) < 0) {
                w->rc = ANNALS_ENOMEM;
            }
        }
        for (k = 0; k < ev->target.n; k++) {
            if (ev->target.ids[k] != a2 && ev->target.ids[k] != a1 &&
                annals__idlist_add(&others, ev->target.ids[k]) < 0) {
                w->rc = ANNALS_ENOMEM;
            }
        }
        for (k = 0; k < ev->participants.n; k++) {
            uint32_t p = ev->participants.ids[k];
            if (p != a1 && p != a2 && annals__idlist_add(&others, p) < 0) {
                w->rc = ANNALS_ENOMEM;
            }
        }

        xw_printf(w, "e%u,", g->events[i] + 1);
        csv_field(w, ev->date_value, false);
        xw_printf(w, ",%s,%s,%s,%s,", d1, d2, annals__precision_name(ev->precision),
                  ev->inferred ? "true" : "false");
        if (y != 0 || ev->earliest != ANNALS__NO_DAY) {
            xw_printf(w, "%d", y);
        }
        xw_put(w, ",", 1);
        csv_field(w, ev->code, false);
        xw_put(w, ",", 1);
        csv_field(w, ev->root, false);
        xw_put(w, ",", 1);
        csv_field(w, ev->type, true);
        xw_printf(w, ",%d,%.6g,", (ev->quad >= 0 && ev->quad <= 3 ? ev->quad : 0) + 1,
                  ev->goldstein);
        csv_actor(w, c, a1);
        xw_put(w, ",", 1);
        csv_actor(w, c, a2);
        xw_put(w, ",", 1);
        csv_names(w, c, &others, 0);
        xw_put(w, ",", 1);
        if (ev->places.n > 0) {
            const annals__centity *pl = ANNALS__CENTITY(c, ev->places.ids[0]);
            csv_field(w, pl->name, true);
            xw_put(w, ",", 1);
            csv_field(w, pl->country, true);
        } else {
            xw_put(w, ",", 1);
        }
        xw_printf(w, ",%s,%.6g,", annals__modality_name(ev->modality), ev->confidence);
        if (ev->has_count) {
            xw_printf(w, "%lld,%lld", ev->count_min, ev->count_max);
        } else {
            xw_put(w, ",", 1);
        }
        /* sources: distinct documents in mention order */
        annals__buf_init(&docs);
        annals__buf_init(&srcs);
        for (k = 0; k < ev->mentions.n; k++) {
            const annals__cevmention *mk = annals__vec_at(&ev->mentions, k);
            const annals__cdoc *dd;
            if (mk->doc == last_doc || mk->doc >= c->docs.n) {
                continue;
            }
            last_doc = mk->doc;
            dd = ANNALS__CDOC(c, mk->doc);
            if ((n_src > 0 && (annals__buf_puts(&docs, ";") < 0 ||
                               annals__buf_puts(&srcs, "; ") < 0)) ||
                annals__buf_printf(&docs, "d%u", mk->doc + 1) < 0 ||
                annals__buf_puts(&srcs, dd->url      ? dd->url
                                        : dd->source ? dd->source
                                                     : "") < 0) {
                w->rc = ANNALS_ENOMEM;
                break;
            }
            n_src++;
        }
        xw_printf(w, ",%zu,%zu,", annals__cevent_sources(c, ev), ev->mentions.n);
        csv_field(w, docs.ptr ? docs.ptr : "", false);
        xw_put(w, ",", 1);
        csv_field(w, srcs.ptr ? srcs.ptr : "", true);
        xw_put(w, ",", 1);
        annals__buf_dispose(&docs);
        annals__buf_dispose(&srcs);
        csv_field(w, m ? m->trigger : "", true);
        xw_put(w, ",", 1);
        csv_field(w, m ? m->sentence : "", true);
        xw_put(w, ",", 1);
        csv_field(w, ev->label, true);
        xw_puts(w, "\r\n");
        annals__idlist_dispose(&others);
    }
}

/* ------------------------------------------------------------------ public */

annals_status annals_export_format(const annals_graph *graph, const char *format,
                                   annals_sink sink, void *userdata, annals_error *err)
{
    xw w;
    annals_status rc = ANNALS_OK;

    if (graph == NULL || format == NULL || sink == NULL) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
                             "annals_export_format: NULL argument");
    }
    if (strcmp(format, "html") == 0) {
        return annals__export_html(graph, sink, userdata, err);
    }
    memset(&w, 0, sizeof(w));
    w.sink = sink;
    w.ud = userdata;
    annals__buf_init(&w.b);
    if (strcmp(format, "graphml") == 0) {
        write_graphml(&w, graph);
    } else if (strcmp(format, "gexf") == 0) {
        rc = write_gexf(&w, graph);
    } else if (strcmp(format, "timelinejs") == 0) {
        write_timelinejs(&w, graph);
    } else if (strcmp(format, "csv") == 0) {
        write_csv(&w, graph);
    } else {
        annals__buf_dispose(&w.b);
        return annals__error(
            err, ANNALS_EINVAL, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
            "unknown export format \"%.40s\" (graphml, gexf, timelinejs, "
            "csv, html)",
            format);
    }
    if (rc == ANNALS_OK) {
        xw_flush(&w);
        rc = w.rc;
    }
    annals__buf_dispose(&w.b);
    if (rc == ANNALS_EIO) {
        return annals__error(err, ANNALS_EIO, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
                             "the output sink stopped");
    }
    if (rc < 0) {
        return annals__error(err, rc, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
                             "out of memory writing %s", format);
    }
    return ANNALS_OK;
}
