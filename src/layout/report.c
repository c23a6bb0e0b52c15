/* SPDX-License-Identifier: MIT */
/*
 * layout/report.c - report.html: one self-contained page (no network, no
 * external script, style sheet or font) with the timeline and relationship
 * SVGs inline, a filterable table of the events and their source
 * sentences (the trigger marked). Every piece of article text is escaped
 * (annals__buf_put_xml); Graphviz escapes what it puts into the SVGs.
 */
#include "layout/layout.h"

#include <stdio.h>
#include <string.h>

static annals_status put(annals__buf *b, const char *s)
{
    return annals__buf_puts(b, s);
}

static annals_status put_x(annals__buf *b, const char *s)
{
    return s != NULL ? annals__buf_put_xml(b, s, strlen(s)) : ANNALS_OK;
}

/* Render a view to SVG and append it without the XML prolog and DOCTYPE. */
static annals_status put_svg(annals__buf *b, const annals_graph *graph, annals_view view,
                             annals_error *err)
{
    annals__buf svg = ANNALS__BUF_INIT;
    annals_status rc = annals__view_write(graph, view, "svg", annals__buf_sink, &svg, err);
    if (rc == ANNALS_OK && svg.ptr != NULL) {
        const char *p = strstr(svg.ptr, "<svg");
        if (p == NULL) {
            rc = annals__error(err, ANNALS_ELAYOUT, ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                               "Graphviz produced no SVG element");
        } else {
            rc = annals__buf_put(b, p, svg.len - (size_t)(p - svg.ptr));
        }
    }
    annals__buf_dispose(&svg);
    return rc;
}

static annals_status put_actors(annals__buf *b, const annals_corpus *c, const annals__idlist *l,
                                const char *sep0)
{
    annals_status rc = ANNALS_OK;
    for (size_t j = 0; j < l->n && rc == ANNALS_OK; j++) {
        if (l->ids[j] >= c->entities.n) {
            continue;
        }
        rc = put(b, j ? ", " : sep0);
        if (rc == ANNALS_OK) {
            rc = put_x(b, ANNALS__CENTITY(c, l->ids[j])->name);
        }
    }
    return rc;
}

static const char css[] =
    "body{font-family:'DejaVu Sans',Verdana,sans-serif;margin:24px;color:#1f2933;"
    "background:#fff}h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}"
    ".meta{color:#52606d;font-size:13px}.view{overflow:auto;border:1px solid #e4e7eb;"
    "border-radius:6px;padding:8px;max-height:80vh}.view svg{display:block}"
    "table{border-collapse:collapse;font-size:12.5px;width:100%}"
    "th,td{border-bottom:1px solid #e4e7eb;padding:5px 6px;text-align:left;vertical-align:top}"
    "th{background:#f5f7fa;position:sticky;top:0}tr.hit{background:#fff8e1}"
    ".q{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px}"
    ".s{color:#3e4c59}.s mark{background:#ffe58f;padding:0 1px}"
    ".filters{margin:8px 0;display:flex;gap:8px;flex-wrap:wrap;font-size:13px}"
    ".filters input{width:260px}.src{color:#7b8794;font-size:11.5px}"
    "g.node[id^=e]{cursor:pointer}";

static const char js[] =
    "(function(){var q=document.getElementById('f-text'),fq=document.getElementById('f-quad'),"
    "fm=document.getElementById('f-mod'),fd=document.getElementById('f-date'),"
    "n=document.getElementById('f-count'),rows=document.querySelectorAll('#events tbody tr');"
    "function run(){var t=q.value.toLowerCase(),k=0;rows.forEach(function(r){var ok="
    "(!t||r.textContent.toLowerCase().indexOf(t)>=0)&&(!fq.value||r.dataset.quad===fq.value)"
    "&&(!fm.value||r.dataset.mod===fm.value)&&(!fd.value||r.dataset.dated===fd.value);"
    "r.style.display=ok?'':'none';if(ok)k++;});n.textContent=k+' of '+rows.length+' events';}"
    "[q,fq,fm,fd].forEach(function(e){e.addEventListener('input',run);});run();"
    "document.querySelectorAll('svg g.node').forEach(function(g){var m=/^(e[0-9]+)/.exec(g.id);"
    "if(!m)return;g.addEventListener('click',function(){var r=document.getElementById('row-'+"
    "m[1]);if(!r)return;rows.forEach(function(x){x.classList.remove('hit');});"
    "r.classList.add('hit');r.style.display='';r.scrollIntoView({block:'center'});});});})();";

annals_status annals__export_html(const annals_graph *graph, annals_sink sink, void *userdata,
                                  annals_error *err)
{
    annals__buf b = ANNALS__BUF_INIT;
    const annals_corpus *c;
    annals_status rc;

    if (graph == NULL || graph->corpus == NULL || sink == NULL) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
                             "missing graph or sink");
    }
    c = graph->corpus;
    rc = annals__buf_printf(&b,
                            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                            "<meta name=\"generator\" content=\"annals %s\">\n"
                            "<title>annals report</title>\n<style>%s</style>\n</head>\n<body>\n"
                            "<h1>Events, timeline and relationships</h1>\n"
                            "<p class=\"meta\">%zu documents \xC2\xB7 %zu events \xC2\xB7 "
                            "%zu actors \xC2\xB7 generated by annals %s</p>\n",
                            ANNALS_VERSION_STRING, css, c->docs.n, graph->n_events,
                            graph->n_actors, ANNALS_VERSION_STRING);
    if (rc == ANNALS_OK) {
        rc = put(&b, "<h2>Timeline</h2>\n<div class=\"view\" id=\"view-timeline\">\n");
    }
    if (rc == ANNALS_OK) {
        rc = put_svg(&b, graph, ANNALS_VIEW_TIMELINE, err);
    }
    if (rc == ANNALS_OK) {
        rc = put(&b, "</div>\n<h2>Relationships</h2>\n<div class=\"view\" id=\"view-relations\">\n");
    }
    if (rc == ANNALS_OK) {
        rc = put_svg(&b, graph, ANNALS_VIEW_RELATIONS, err);
    }
    if (rc == ANNALS_OK) {
        rc = put(&b, "</div>\n<h2>Events</h2>\n<div class=\"filters\">"
                     "<input id=\"f-text\" type=\"search\" placeholder=\"filter: actor, word, date\">"
                     "<select id=\"f-quad\"><option value=\"\">all classes</option>");
    }
    for (int q = 0; q < 4 && rc == ANNALS_OK; q++) {
        rc = annals__buf_printf(&b, "<option value=\"%d\">%s</option>", q, annals__quad_label(q));
    }
    if (rc == ANNALS_OK) {
        rc = put(&b, "</select><select id=\"f-mod\"><option value=\"\">any modality</option>");
    }
    for (int m = 0; m <= ANNALS_MOD_REPORTED && rc == ANNALS_OK; m++) {
        rc = annals__buf_printf(&b, "<option>%s</option>", annals__modality_label(m));
    }
    if (rc == ANNALS_OK) {
        rc = put(&b, "</select><select id=\"f-date\"><option value=\"\">dated and undated</option>"
                     "<option value=\"1\">dated</option><option value=\"0\">undated</option>"
                     "</select><span id=\"f-count\" class=\"meta\"></span></div>\n"
                     "<table id=\"events\"><thead><tr><th>id</th><th>date</th><th>event</th>"
                     "<th>class</th><th>modality</th><th>actors</th><th>source sentence</th>"
                     "</tr></thead>\n<tbody>\n");
    }
    for (size_t i = 0; i < graph->n_events && rc == ANNALS_OK; i++) {
        uint32_t evi = graph->events[i];
        const annals__cevent *ev = ANNALS__CEVENT(c, evi);
        char id[24], date[96];
        bool dated = ev->earliest != ANNALS__NO_DAY;
        annals__event_id(id, sizeof id, evi);
        annals__event_date_text(ev, date, sizeof date);
        rc = annals__buf_printf(&b,
                                "<tr id=\"row-%s\" data-quad=\"%d\" data-mod=\"%s\" "
                                "data-dated=\"%d\"><td>%s</td><td>%s%s</td><td>",
                                id, ev->quad, annals__modality_label((int)ev->modality),
                                dated ? 1 : 0, id, date, ev->inferred ? " (inferred)" : "");
        if (rc == ANNALS_OK) {
            rc = put_x(&b, ev->label != NULL ? ev->label : ev->type);
        }
        if (rc == ANNALS_OK) {
            rc = annals__buf_printf(&b, "<br><span class=\"src\">CAMEO %s ", ev->code);
        }
        if (rc == ANNALS_OK) {
            rc = put_x(&b, ev->type);
        }
        if (rc == ANNALS_OK) {
            rc = annals__buf_printf(&b,
                                    "</span></td><td><span class=\"q\" style=\"background:%s\">"
                                    "</span>%s</td><td>%s</td><td>",
                                    annals__quad_color(ev->quad), annals__quad_label(ev->quad),
                                    annals__modality_label((int)ev->modality));
        }
        if (rc == ANNALS_OK) {
            rc = put_actors(&b, c, &ev->source, "");
        }
        if (rc == ANNALS_OK && ev->target.n > 0) {
            rc = put_actors(&b, c, &ev->target, " \xE2\x86\x92 ");
        }
        if (rc == ANNALS_OK && ev->participants.n > 0) {
            rc = put_actors(&b, c, &ev->participants, "; with ");
        }
        if (rc == ANNALS_OK && ev->places.n > 0) {
            rc = put_actors(&b, c, &ev->places, "; in ");
        }
        if (rc == ANNALS_OK) {
            rc = put(&b, "</td><td class=\"s\">");
        }
        for (size_t k = 0; k < ev->mentions.n && k < 3 && rc == ANNALS_OK; k++) {
            const annals__cevmention *m = annals__vec_at(&ev->mentions, k);
            const annals__cdoc *d = m->doc < c->docs.n ? ANNALS__CDOC(c, m->doc) : NULL;
            const char *s = m->sentence;
            if (s != NULL) {
                size_t sl = strlen(s);
                size_t a = m->start >= m->sentence_start ? m->start - m->sentence_start : sl;
                size_t z = m->end >= m->sentence_start ? m->end - m->sentence_start : sl;
                if (a > sl || z > sl || z < a) {
                    a = z = sl;
                }
                rc = annals__buf_put_xml(&b, s, a);
                if (rc == ANNALS_OK && z > a) {
                    rc = put(&b, "<mark>");
                    if (rc == ANNALS_OK) {
                        rc = annals__buf_put_xml(&b, s + a, z - a);
                    }
                    if (rc == ANNALS_OK) {
                        rc = put(&b, "</mark>");
                    }
                }
                if (rc == ANNALS_OK) {
                    rc = annals__buf_put_xml(&b, s + z, sl - z);
                }
            }
            if (rc == ANNALS_OK && d != NULL) {
                rc = put(&b, "<br><span class=\"src\">");
                if (rc == ANNALS_OK) {
                    rc = put_x(&b, d->source != NULL ? d->source : d->id);
                }
                if (rc == ANNALS_OK) {
                    rc = annals__buf_printf(&b, " @%zu</span><br>", m->start);
                }
            }
        }
        if (rc == ANNALS_OK) {
            rc = put(&b, "</td></tr>\n");
        }
    }
    if (rc == ANNALS_OK) {
        rc = annals__buf_printf(&b, "</tbody></table>\n<script>%s</script>\n</body>\n</html>\n",
                                js);
    }
    if (rc == ANNALS_ENOMEM) {
        annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
                      "out of memory writing the report");
    }
    if (rc == ANNALS_OK && sink(b.ptr, b.len, userdata) != 0) {
        rc = annals__error(err, ANNALS_EIO, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
                           "output sink failed");
    }
    annals__buf_dispose(&b);
    return rc;
}
