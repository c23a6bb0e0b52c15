/* SPDX-License-Identifier: MIT */
/*
 * tests/views/test_views.c - structural tests of the timeline and the
 * relationship diagram on synthetic corpora (written by us): well-formed
 * SVG, one mark per event with the JSON id, one node per kept actor, no
 * overlapping label boxes, hostile text escaped everywhere, deterministic
 * DOT and SVG, Graphviz errors reported as statuses.
 */
#include "check.h"
#include "synth.h"
#include "views_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef VIEWS_OUT_DIR
#define VIEWS_OUT_DIR "."
#endif

typedef struct fixture {
    annals_ctx *ctx;
    annals_corpus *corpus;
    annals_graph *graph;
} fixture;

static bool load(fixture *f, size_t n_events, size_t n_actors, bool hostile)
{
    annals__buf json = ANNALS__BUF_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    bool ok = false;

    memset(f, 0, sizeof *f);
    if (synth_json(&json, n_events, n_actors, 7u, hostile) != ANNALS_OK ||
        annals_ctx_new(&f->ctx, NULL, &err) != ANNALS_OK ||
        annals_corpus_new(&f->corpus, f->ctx, &err) != ANNALS_OK ||
        annals_corpus_load_json(f->corpus, json.ptr, json.len, "synthetic", &err) != ANNALS_OK ||
        annals_graph_new(&f->graph, f->corpus, NULL, &err) != ANNALS_OK) {
        check_fail(__FILE__, __LINE__, "fixture: %s", err.message);
        goto done;
    }
    ok = true;
done:
    annals__buf_dispose(&json);
    return ok;
}

static void unload(fixture *f)
{
    annals_graph_free(f->graph);
    annals_corpus_free(f->corpus);
    annals_ctx_free(f->ctx);
}

static bool render(const fixture *f, annals_view v, const char *fmt, annals__buf *out)
{
    annals_error err = ANNALS_ERROR_INIT;
    annals_status rc = annals_export_view(f->graph, v, fmt, annals__buf_sink, out, &err);
    if (rc != ANNALS_OK) {
        check_fail(__FILE__, __LINE__, "render %s: %s", fmt, err.message);
        return false;
    }
    return out->ptr != NULL;
}

static void save(const char *name, const annals__buf *b)
{
    char path[512];
    FILE *fp;
    snprintf(path, sizeof path, "%s/%s", VIEWS_OUT_DIR, name);
    fp = fopen(path, "wb");
    if (fp != NULL) {
        fwrite(b->ptr, 1, b->len, fp);
        fclose(fp);
    }
}

static void check_xml(const annals__buf *b, const char *what)
{
    char why[160];
    if (!xml_well_formed(b->ptr, b->len, why, sizeof why)) {
        check_fail(__FILE__, __LINE__, "%s is not well-formed XML: %s", what, why);
    } else {
        check_pass();
    }
}

/* Every event of the graph has exactly one mark <g id="eN" class="node">. */
static void check_event_ids(const fixture *f, const char *svg)
{
    size_t missing = 0;
    for (size_t i = 0; i < f->graph->n_events; i++) {
        char needle[64], id[24];
        annals__event_id(id, sizeof id, f->graph->events[i]);
        snprintf(needle, sizeof needle, "<g id=\"%s\" class=\"node event", id);
        if (count_str(svg, needle) != 1) {
            missing++;
        }
    }
    CHECK_EQ_SIZE(missing, 0);
    CHECK_EQ_SIZE(count_str(svg, "class=\"node event"), f->graph->n_events);
}

/* Every bar cut at a collapsed stretch has its fading tail on that side,
 * outside the bar, and every tail belongs to such a bar. */
static void check_tails(const annals__timeline *tl)
{
    size_t tails = 0, want = 0;
    for (size_t i = 0; i < tl->n_items; i++) {
        const annals__tl_item *it = &tl->items[i];
        if (it->kind == ANNALS_TL_BAR) {
            want += (it->flags & ANNALS_TL_CLIP_L) != 0 ? 1u : 0u;
            want += (it->flags & ANNALS_TL_CLIP_R) != 0 ? 1u : 0u;
        } else if (it->kind == ANNALS_TL_TAIL) {
            bool found = false;
            tails++;
            for (size_t j = 0; j < tl->n_items; j++) {
                const annals__tl_item *b = &tl->items[j];
                if (b->kind != ANNALS_TL_BAR || b->event != it->event) {
                    continue;
                }
                found = (it->flags & ANNALS_TL_CLIP_L) ? (b->flags & ANNALS_TL_CLIP_L) &&
                                                             it->box.x1 <= b->box.x0
                                                       : (b->flags & ANNALS_TL_CLIP_R) &&
                                                             it->box.x0 >= b->box.x1;
                found = found && it->box.y0 >= b->box.y0 && it->box.y1 <= b->box.y1;
            }
            CHECK(found);
        }
    }
    CHECK_EQ_SIZE(tails, want * 3);
}

static void check_edge_labels(const char *svg, const char *what)
{
    size_t n_lab = 0, bad = relations_label_overlaps(svg, &n_lab);
    if (bad != 0 || n_lab == 0) {
        check_fail(__FILE__, __LINE__, "%s diagram: %zu edge-label collisions, %zu label lines",
                   what, bad, n_lab);
    }
}

static void test_small(void)
{
    fixture f;
    annals__buf dot1 = ANNALS__BUF_INIT, dot2 = ANNALS__BUF_INIT, svg = ANNALS__BUF_INIT,
                svg2 = ANNALS__BUF_INIT, rel = ANNALS__BUF_INIT, reldot = ANNALS__BUF_INIT,
                html = ANNALS__BUF_INIT, png = ANNALS__BUF_INIT;
    annals__timeline *tl = NULL;
    annals_error err = ANNALS_ERROR_INIT;

    if (!load(&f, 40, 12, false)) {
        return;
    }
    CHECK(annals__timeline_layout(&tl, f.graph, &err) == ANNALS_OK);
    if (tl != NULL) {
        size_t marks = 0;
        for (size_t i = 0; i < tl->n_items; i++) {
            marks += (tl->items[i].kind == ANNALS_TL_MARK || tl->items[i].kind == ANNALS_TL_BAR);
        }
        CHECK_EQ_SIZE(marks, f.graph->n_events);
        CHECK_EQ_SIZE(timeline_overlaps(tl), 0);
        CHECK(tl->n_pieces >= 3);   /* 2015 ... Oct 2023 ... Jan-Feb 2024 */
        CHECK(tl->n_undated > 0);
        CHECK(tl->n_labelled > f.graph->n_events / 2);
        check_tails(tl);
        CHECK(tl->n_clipped > 0); /* "Jan 2024" bars start before the 15 Jan piece */
        annals__timeline_free(tl);
    }
    if (render(&f, ANNALS_VIEW_TIMELINE, "svg", &svg)) {
        check_xml(&svg, "timeline.svg");
        check_event_ids(&f, svg.ptr);
        CHECK(strstr(svg.ptr, "undated") != NULL);
        CHECK(strstr(svg.ptr, "verbal cooperation") != NULL);
        /* bold text as a weight of the family browsers know, with a fallback */
        CHECK(strstr(svg.ptr, "DejaVu Sans Bold") == NULL);
        CHECK(strstr(svg.ptr, "font-family=\"DejaVu Sans,sans-serif\" font-weight=\"bold\"") !=
              NULL);
        CHECK(strstr(svg.ptr, "class=\"node continues\"") != NULL);
        CHECK(strstr(svg.ptr, "the interval runs on before the stretch drawn") != NULL);
        save("small_timeline.svg", &svg);
    }
    if (render(&f, ANNALS_VIEW_TIMELINE, "svg", &svg2)) {
        CHECK(svg.len == svg2.len && memcmp(svg.ptr, svg2.ptr, svg.len) == 0);
    }
    if (render(&f, ANNALS_VIEW_TIMELINE, "dot", &dot1) &&
        render(&f, ANNALS_VIEW_TIMELINE, "dot", &dot2)) {
        CHECK(dot1.len == dot2.len && memcmp(dot1.ptr, dot2.ptr, dot1.len) == 0);
        CHECK(strncmp(dot1.ptr, "graph timeline {", 16) == 0);
        CHECK(strstr(dot1.ptr, "layout=nop2") != NULL);
        save("small_timeline.dot", &dot1);
    }
    if (render(&f, ANNALS_VIEW_RELATIONS, "svg", &rel)) {
        size_t kept = 0;
        check_xml(&rel, "relations.svg");
        for (size_t i = 0; i < f.graph->n_actors; i++) {
            char needle[64], id[24];
            annals__actor_id(id, sizeof id, f.graph->actors[i]);
            snprintf(needle, sizeof needle, "<g id=\"%s\" class=\"node actor", id);
            kept += count_str(rel.ptr, needle);
        }
        CHECK(kept > 0);
        CHECK_EQ_SIZE(count_str(rel.ptr, "class=\"node actor"), kept);
        check_edge_labels(rel.ptr, "small");
        save("small_relations.svg", &rel);
    }
    if (render(&f, ANNALS_VIEW_RELATIONS, "dot", &reldot)) {
        annals__buf again = ANNALS__BUF_INIT;
        CHECK(strstr(reldot.ptr, "start=") != NULL);
        if (render(&f, ANNALS_VIEW_RELATIONS, "dot", &again)) {
            CHECK(again.len == reldot.len && memcmp(again.ptr, reldot.ptr, again.len) == 0);
            save("small_relations_again.dot", &again);
        }
        annals__buf_dispose(&again);
        save("small_relations.dot", &reldot);
    }
    if (render(&f, ANNALS_VIEW_TIMELINE, "png", &png)) {
        CHECK(png.len > 8 && memcmp(png.ptr, "\x89PNG", 4) == 0);
    }
    {
        annals_error e2 = ANNALS_ERROR_INIT;
        annals__buf junk = ANNALS__BUF_INIT;
        CHECK(annals_export_view(f.graph, ANNALS_VIEW_TIMELINE, "nosuchformat",
                                 annals__buf_sink, &junk, &e2) == ANNALS_EINVAL);
        CHECK(e2.message[0] != '\0');
        e2 = (annals_error)ANNALS_ERROR_INIT;
        CHECK(annals_export_view(f.graph, ANNALS_VIEW_TIMELINE, "svg\"; rm", annals__buf_sink,
                                 &junk, &e2) == ANNALS_EINVAL);
        annals__buf_dispose(&junk);
    }
    err = (annals_error)ANNALS_ERROR_INIT;
    CHECK(annals_export_format(f.graph, "html", annals__buf_sink, &html, &err) == ANNALS_OK);
    if (html.ptr != NULL) {
        CHECK_EQ_SIZE(count_str(html.ptr, "<script"), 1);
        CHECK(strstr(html.ptr, "http://") == NULL || strstr(html.ptr, "src=\"http") == NULL);
        CHECK_EQ_SIZE(count_str(html.ptr, "<svg"), 2);
        CHECK(strstr(html.ptr, "id=\"row-e1\"") != NULL);
        save("small_report.html", &html);
    }
    annals__buf_dispose(&dot1);
    annals__buf_dispose(&dot2);
    annals__buf_dispose(&svg);
    annals__buf_dispose(&svg2);
    annals__buf_dispose(&rel);
    annals__buf_dispose(&reldot);
    annals__buf_dispose(&html);
    annals__buf_dispose(&png);
    unload(&f);
}

/* Article text with markup, quotes, backslashes and braces reaches labels,
 * tooltips, actor names and the report: nothing may come out raw. */
static void test_hostile(void)
{
    fixture f;
    annals__buf svg = ANNALS__BUF_INIT, rel = ANNALS__BUF_INIT, dot = ANNALS__BUF_INIT,
                rdot = ANNALS__BUF_INIT, html = ANNALS__BUF_INIT;
    annals_error err = ANNALS_ERROR_INIT;

    if (!load(&f, 30, 9, true)) {
        return;
    }
    if (render(&f, ANNALS_VIEW_TIMELINE, "svg", &svg)) {
        check_xml(&svg, "hostile timeline.svg");
        CHECK(strstr(svg.ptr, "<script") == NULL);
        CHECK(strstr(svg.ptr, "&lt;script&gt;") != NULL);
        /* \N and \n stay literal: not the node name, not a line break */
        CHECK(strstr(svg.ptr, "\\N \\n {braces}") != NULL);
        /* "&lt;" in the article stays "&lt;" text (shown, not decoded) */
        CHECK(strstr(svg.ptr, "{braces} &amp;lt;") != NULL);
        save("hostile_timeline.svg", &svg);
    }
    if (render(&f, ANNALS_VIEW_RELATIONS, "svg", &rel)) {
        check_xml(&rel, "hostile relations.svg");
        CHECK(strstr(rel.ptr, "<script") == NULL);
        save("hostile_relations.svg", &rel);
    }
    if (render(&f, ANNALS_VIEW_TIMELINE, "dot", &dot)) {
        /* every quote inside a DOT string is escaped; backslashes doubled */
        CHECK(strstr(dot.ptr, "alert(\\\"x\\\")") != NULL);
        CHECK(strstr(dot.ptr, "\\\\N \\\\n") != NULL);
        save("hostile_timeline.dot", &dot);
    }
    if (render(&f, ANNALS_VIEW_RELATIONS, "dot", &rdot)) {
        save("hostile_relations.dot", &rdot);
    }
    CHECK(annals_export_format(f.graph, "html", annals__buf_sink, &html, &err) == ANNALS_OK);
    if (html.ptr != NULL) {
        CHECK_EQ_SIZE(count_str(html.ptr, "<script"), 1);
        CHECK_EQ_SIZE(count_str(html.ptr, "</script>"), 1);
        CHECK(strstr(html.ptr, "&lt;script&gt;alert(&quot;x&quot;)") != NULL);
        save("hostile_report.html", &html);
    }
    annals__buf_dispose(&svg);
    annals__buf_dispose(&rel);
    annals__buf_dispose(&dot);
    annals__buf_dispose(&rdot);
    annals__buf_dispose(&html);
    unload(&f);
}

/* Only undated events, and an empty selection: no axis, no crash. */
static void test_edges(void)
{
    fixture f;
    annals__buf svg = ANNALS__BUF_INIT;
    if (load(&f, 1, 2, false)) {
        if (render(&f, ANNALS_VIEW_TIMELINE, "svg", &svg)) {
            check_xml(&svg, "one-event timeline");
        }
        svg.len = 0;
        if (render(&f, ANNALS_VIEW_RELATIONS, "svg", &svg)) {
            check_xml(&svg, "one-event relations");
        }
        unload(&f);
    }
    annals__buf_dispose(&svg);
    /* text widths come from DejaVu Sans metrics */
    CHECK(annals__text_width("M", 1, 10.0, false) > 8.0);
    CHECK(annals__text_width("i", 1, 10.0, false) < 3.5);
    CHECK(annals__text_width("ab", 2, 10.0, true) > annals__text_width("ab", 2, 10.0, false));
}

/* Many undated events: the band wraps into rows no wider than the axis,
 * in narrative order (left to right, row by row), without overlaps; a
 * denser diagram still has no colliding edge labels. */
static void test_wrap(void)
{
    fixture f;
    annals__timeline *tl = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals__buf rel = ANNALS__BUF_INIT;

    if (!load(&f, 1500, 30, false)) {
        return;
    }
    CHECK(annals__timeline_layout(&tl, f.graph, &err) == ANNALS_OK);
    if (tl != NULL) {
        double axis_x0 = 1e300, axis_x1 = 0.0, last_x = -1.0, last_y = -1.0;
        size_t und = 0, order_ok = 0;
        for (size_t i = 0; i < tl->n_items; i++) {
            const annals__tl_item *it = &tl->items[i];
            if (it->kind == ANNALS_TL_AXIS) {
                axis_x0 = it->box.x0 < axis_x0 ? it->box.x0 : axis_x0;
                axis_x1 = it->box.x1 > axis_x1 ? it->box.x1 : axis_x1;
            }
        }
        for (size_t i = 0; i < tl->n_items; i++) {
            const annals__tl_item *it = &tl->items[i];
            double right = axis_x1 > axis_x0 + 600.0 ? axis_x1 : axis_x0 + 600.0;
            if (it->kind != ANNALS_TL_MARK || !(it->flags & ANNALS_TL_UNDATED)) {
                continue;
            }
            und++;
            CHECK(it->box.x1 <= right + 0.01);
            /* narrative order: further right on the same row, or a lower row */
            order_ok += it->box.y0 > last_y + 0.01 ||
                        (it->box.y0 > last_y - 0.01 && it->box.x0 > last_x);
            last_x = it->box.x0;
            last_y = it->box.y0;
        }
        CHECK(tl->n_undated > 100);
        CHECK_EQ_SIZE(und, tl->n_undated);
        CHECK_EQ_SIZE(order_ok, und);
        CHECK(tl->n_undated_rows > 1);
        CHECK_EQ_SIZE(timeline_overlaps(tl), 0);
        annals__timeline_free(tl);
    }
    unload(&f);
    if (load(&f, 150, 24, false)) {
        if (render(&f, ANNALS_VIEW_RELATIONS, "svg", &rel)) {
            check_xml(&rel, "medium relations.svg");
            check_edge_labels(rel.ptr, "medium");
            save("medium_relations.svg", &rel);
        }
        unload(&f);
    }
    annals__buf_dispose(&rel);
}

int main(void)
{
    test_small();
    test_wrap();
    test_hostile();
    test_edges();
    return check_summary();
}
