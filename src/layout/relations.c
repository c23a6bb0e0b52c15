/* SPDX-License-Identifier: MIT */
/*
 * layout/relations.c - the relationship diagram: actors as nodes (shape and
 * colour by kind, size by centrality), one edge per pair of actors that took
 * part in the same events (width by number of events, colour by their
 * dominant CAMEO quad class, label with the main event types and dates),
 * communities as clusters.
 *
 * Pruning rule (unless sel.keep_isolated): an actor with no co-participant
 * in the kept events (degree 0 in the projection) that takes part in fewer
 * than two kept events is left out. Above ctx->opts.max_graph_nodes the
 * most involved actors are kept.
 *
 * Engine by size (or ctx->opts.layout_engine): up to RL_FDP_MAX actors fdp
 * with community clusters, up to RL_SFDP_MAX sfdp (clusters are drawn only
 * by fdp; sfdp nodes carry their community in class and tooltip), above
 * that our own pinned layout (communities as discs of Vogel spirals packed
 * in shelves, drawn by nop2), linear and well inside the time budget.
 * Layouts are seeded ("start" = ctx seed): same input, same picture.
 */
#include "layout/gv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RL_FDP_MAX 120
#define RL_SFDP_MAX 1200
#define RL_EDGE_LABEL_MAX 150 /* edge labels only on diagrams this small */
#define RL_NODE_LABEL_BIG 200 /* pinned layout: label the most central ones */
#define RL_EDGE_LABEL_W 120.0 /* points: an edge label's event type is cut to this */

typedef struct rl_actor {
    uint32_t entity;
    uint32_t events;
    double c;       /* centrality 0..1 */
    int32_t comm;
    bool kept;
} rl_actor;

static const char *kind_shape(int kind)
{
    switch (kind) {
    case ANNALS_ENTITY_PERSON: return "ellipse";
    case ANNALS_ENTITY_ORGANIZATION: return "box";
    case ANNALS_ENTITY_GROUP: return "hexagon";
    case ANNALS_ENTITY_COUNTRY: return "octagon";
    default: return "house";
    }
}

static const char *kind_fill(int kind)
{
    switch (kind) {
    case ANNALS_ENTITY_PERSON: return "#dbe9f6";
    case ANNALS_ENTITY_ORGANIZATION: return "#fde2c8";
    case ANNALS_ENTITY_GROUP: return "#f6d5d5";
    case ANNALS_ENTITY_COUNTRY: return "#d9efd9";
    default: return "#ece2f3";
    }
}

static const char *kind_line(int kind)
{
    switch (kind) {
    case ANNALS_ENTITY_PERSON: return "#2c6aa0";
    case ANNALS_ENTITY_ORGANIZATION: return "#b35806";
    case ANNALS_ENTITY_GROUP: return "#a12a2a";
    case ANNALS_ENTITY_COUNTRY: return "#2e7d32";
    default: return "#6a3d9a";
    }
}

static int cmp_actor_rank(const void *a, const void *b)
{
    const rl_actor *x = *(const rl_actor *const *)a, *y = *(const rl_actor *const *)b;
    if (x->events != y->events) {
        return x->events > y->events ? -1 : 1;
    }
    if (x->c != y->c) {
        return x->c > y->c ? -1 : 1;
    }
    return x->entity < y->entity ? -1 : (x->entity > y->entity ? 1 : 0);
}

static int cmp_pinned(const void *a, const void *b)
{
    const rl_actor *x = *(const rl_actor *const *)a, *y = *(const rl_actor *const *)b;
    if (x->comm != y->comm) {
        return x->comm < y->comm ? -1 : 1;
    }
    return cmp_actor_rank(a, b);
}

static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static annals_status range_text(annals__buf *b, int32_t lo, int32_t hi)
{
    int y0, m0, d0, y1, m1, d1;
    annals__civil_from_days(lo, &y0, &m0, &d0);
    annals__civil_from_days(hi, &y1, &m1, &d1);
    if (lo == hi) {
        return annals__buf_printf(b, "%d %s %d", d0, mon[m0 - 1], y0);
    }
    if (y0 != y1) {
        return annals__buf_printf(b, "%d %s %d\xE2\x80\x93%d %s %d", d0, mon[m0 - 1], y0, d1,
                                  mon[m1 - 1], y1);
    }
    if (m0 != m1) {
        return annals__buf_printf(b, "%d %s\xE2\x80\x93%d %s %d", d0, mon[m0 - 1], d1,
                                  mon[m1 - 1], y1);
    }
    return annals__buf_printf(b, "%d\xE2\x80\x93%d %s %d", d0, d1, mon[m1 - 1], y1);
}

/* "consult ×3, fight · 3–4 Feb 2024" (label) and a longer tooltip. */
static annals_status edge_texts(annals__buf *label, annals__buf *tip, const annals_corpus *c,
                                const annals__actor_edge *ae)
{
    const char *types[6];
    size_t counts[6], nt = 0;
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    annals_status rc = ANNALS_OK;
    const annals__centity *A = ANNALS__CENTITY(c, ae->a), *B = ANNALS__CENTITY(c, ae->b);

    for (uint32_t i = 0; i < ae->n_events; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, ae->events[i]);
        const char *t = ev->type != NULL ? ev->type : ev->code;
        size_t k;
        for (k = 0; k < nt; k++) {
            if (strcmp(types[k], t) == 0) {
                counts[k]++;
                break;
            }
        }
        if (k == nt && nt < 6) {
            types[nt] = t;
            counts[nt++] = 1;
        }
        if (ev->earliest != ANNALS__NO_DAY && ev->latest != ANNALS__NO_DAY) {
            lo = ev->earliest < lo ? ev->earliest : lo;
            hi = ev->latest > hi ? ev->latest : hi;
        }
    }
    /* the most frequent type (first seen wins ties), its count and how many
     * other types there are: short, so the labels of a dense cluster fit */
    for (size_t pick = 0; pick < 1 && pick < nt && rc == ANNALS_OK; pick++) {
        size_t best = pick;
        for (size_t k = pick + 1; k < nt; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        if (best != pick) {
            const char *tt = types[pick];
            size_t tc = counts[pick];
            types[pick] = types[best];
            counts[pick] = counts[best];
            types[best] = tt;
            counts[best] = tc;
        }
        {
            size_t tl = strlen(types[pick]);
            bool cut = false;
            size_t fit = annals__fit_text(types[pick], tl, RL_EDGE_LABEL_W, 7.5, false, &cut);
            rc = annals__gv_escape(label, types[pick], fit, 0);
            if (rc == ANNALS_OK && cut) {
                rc = annals__buf_puts(label, "\xE2\x80\xA6");
            }
        }
        if (rc == ANNALS_OK && counts[pick] > 1) {
            rc = annals__buf_printf(label, " \xC3\x97%zu", counts[pick]);
        }
    }
    if (rc == ANNALS_OK && nt > 0 && ae->n_events > counts[0]) {
        /* events of other types: the tooltip lists them */
        rc = annals__buf_printf(label, " +%zu more", (size_t)ae->n_events - counts[0]);
    }
    if (rc == ANNALS_OK && lo <= hi) {
        rc = annals__buf_puts(label, "\\n");
        if (rc == ANNALS_OK) {
            rc = range_text(label, lo, hi);
        }
    }
    if (rc == ANNALS_OK) {
        rc = annals__gv_escape(tip, A->name, strlen(A->name), 120);
    }
    if (rc == ANNALS_OK) {
        rc = annals__buf_puts(tip, " \xE2\x80\x94 ");
    }
    if (rc == ANNALS_OK) {
        rc = annals__gv_escape(tip, B->name, strlen(B->name), 120);
    }
    if (rc == ANNALS_OK) {
        rc = annals__buf_printf(tip, ": %u event%s, mostly %s", ae->n_events,
                                ae->n_events == 1 ? "" : "s",
                                annals__quad_label(ae->dominant_quad));
    }
    for (uint32_t i = 0; i < ae->n_events && i < 8 && rc == ANNALS_OK; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, ae->events[i]);
        char date[96], id[24];
        const char *lab = ev->label != NULL ? ev->label : "";
        annals__event_date_text(ev, date, sizeof date);
        annals__event_id(id, sizeof id, ae->events[i]);
        rc = annals__buf_printf(tip, "\n%s %s: ", id, date);
        if (rc == ANNALS_OK) {
            rc = annals__gv_escape(tip, lab, strlen(lab), 160);
        }
    }
    if (rc == ANNALS_OK && ae->n_events > 8) {
        rc = annals__buf_printf(tip, "\n(+%u more)", ae->n_events - 8);
    }
    return rc;
}

static bool engine_ok(const char *e)
{
    static const char *const ok[] = {"sfdp", "neato", "fdp", "circo", "twopi", "dot", "osage"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        if (strcmp(e, ok[i]) == 0) {
            return true;
        }
    }
    return false;
}

static annals_status legend_label(Agraph_t *g, size_t n_nodes, size_t n_edges, size_t pruned,
                                  const char *engine)
{
    annals__buf b = ANNALS__BUF_INIT;
    annals_status rc;
    char *html;
    Agsym_t *sym;

    rc = annals__buf_printf(&b,
                            "<table border=\"0\" cellspacing=\"2\" cellpadding=\"1\">"
                            "<tr><td align=\"left\"><font point-size=\"15\" face=\"DejaVu Sans\">"
                            "<b>Relationships</b></font></td></tr>"
                            "<tr><td align=\"left\"><font point-size=\"9.5\" color=\"#52606d\">"
                            "%zu actors \xC2\xB7 %zu links \xC2\xB7 %zu minor isolated actors "
                            "not shown \xC2\xB7 layout %s</font></td></tr><tr><td align=\"left\">"
                            "<font point-size=\"9\">",
                            n_nodes, n_edges, pruned, engine);
    for (int q = 0; q < 4 && rc == ANNALS_OK; q++) {
        rc = annals__buf_printf(&b, "<font color=\"%s\">\xE2\x94\x81\xE2\x94\x81</font> %s   ",
                                annals__quad_color(q), annals__quad_label(q));
    }
    if (rc == ANNALS_OK) {
        rc = annals__buf_puts(&b, "</font></td></tr><tr><td align=\"left\"><font point-size=\"9\">");
    }
    for (int k = 0; k < 5 && rc == ANNALS_OK; k++) {
        static const char *const shape_name[5] = {"ellipse", "box", "hexagon", "octagon",
                                                  "house"};
        rc = annals__buf_printf(&b, "<font color=\"%s\">\xE2\x96\xA0</font> %s (%s)   ",
                                kind_line(k), annals__kind_label(k), shape_name[k]);
    }
    if (rc == ANNALS_OK) {
        rc = annals__buf_puts(&b, "\xC2\xB7 size = centrality \xC2\xB7 width = events</font>"
                                  "</td></tr></table>");
    }
    if (rc < 0) {
        annals__buf_dispose(&b);
        return rc;
    }
    html = agstrdup_html(g, b.ptr);
    sym = annals__gv_attr(g, AGRAPH, "label", "");
    if (html == NULL || sym == NULL) {
        rc = ANNALS_ENOMEM;
    } else {
        agxset(g, sym, html);
    }
    if (html != NULL) {
        agstrfree(g, html);
    }
    annals__buf_dispose(&b);
    return rc;
}

annals_status annals__relations_graph(Agraph_t **out, const char **engine_out,
                                      const annals_graph *graph, annals_error *err)
{
    const annals_corpus *c = graph->corpus;
    const annals_options *opts = &c->ctx->opts;
    size_t n_ent = c->entities.n, n_kept = 0, n_pruned = 0, n_edges_drawn = 0;
    size_t max_nodes = opts->max_graph_nodes ? opts->max_graph_nodes : 20000;
    rl_actor *act = NULL, **order = NULL;
    int32_t *slot = NULL; /* entity -> index into act, -1 */
    uint32_t *seen = NULL;
    Agnode_t **nodes = NULL;
    Agraph_t *g = NULL, **clusters = NULL;
    annals__buf lb = ANNALS__BUF_INIT, tb = ANNALS__BUF_INIT;
    const char *engine;
    bool pinned = false, use_clusters = false;
    double max_deg = 0.0;
    size_t n_comm = graph->n_communities;
    char num[96], name[48];
    annals_status rc = ANNALS_ENOMEM;
    Agsym_t *n_shape, *n_style, *n_fill, *n_color, *n_label, *n_fs, *n_w, *n_h, *n_fixed, *n_pen,
        *n_id, *n_tip, *n_pos, *n_class, *n_font, *e_color, *e_pen, *e_label, *e_tip, *e_id,
        *e_fs, *e_fc;

    *out = NULL;
    act = calloc(graph->n_actors ? graph->n_actors : 1, sizeof *act);
    order = calloc(graph->n_actors ? graph->n_actors : 1, sizeof *order);
    slot = malloc((n_ent ? n_ent : 1) * sizeof *slot);
    seen = calloc(n_ent ? n_ent : 1, sizeof *seen);
    if (act == NULL || order == NULL || slot == NULL || seen == NULL) {
        goto done;
    }
    for (size_t a = 0; a < n_ent; a++) {
        slot[a] = -1;
    }
    for (size_t i = 0; i < graph->n_actors; i++) {
        uint32_t e = graph->actors[i];
        act[i].entity = e;
        act[i].comm = graph->community != NULL && e < n_ent ? graph->community[e] : -1;
        if (e < n_ent) {
            slot[e] = (int32_t)i;
            if (graph->degree != NULL && graph->degree[e] > max_deg) {
                max_deg = graph->degree[e];
            }
        }
    }
    /* involvement: kept events per actor */
    for (size_t i = 0; i < graph->n_events; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, graph->events[i]);
        const annals__idlist *ls[3] = {&ev->source, &ev->target, &ev->participants};
        for (int r = 0; r < 3; r++) {
            for (size_t j = 0; j < ls[r]->n; j++) {
                uint32_t a = ls[r]->ids[j];
                if (a < n_ent && slot[a] >= 0 && seen[a] != i + 1) {
                    seen[a] = (uint32_t)(i + 1);
                    act[slot[a]].events++;
                }
            }
        }
    }
    for (size_t i = 0; i < graph->n_actors; i++) {
        uint32_t e = act[i].entity;
        double deg = graph->degree != NULL && e < n_ent ? graph->degree[e] : 0.0;
        double btw = graph->betweenness != NULL && e < n_ent ? graph->betweenness[e] : 0.0;
        deg = deg < 0.0 ? 0.0 : deg;
        btw = btw < 0.0 ? 0.0 : (btw > 1.0 ? 1.0 : btw);
        act[i].c = 0.5 * sqrt(btw) + 0.5 * (max_deg > 0.0 ? deg / max_deg : 0.0);
        act[i].kept = graph->sel.keep_isolated || deg > 0.0 || act[i].events >= 2;
        if (act[i].kept) {
            order[n_kept++] = &act[i];
        } else {
            n_pruned++;
        }
    }
    qsort(order, n_kept, sizeof *order, cmp_actor_rank);
    if (n_kept > max_nodes) {
        for (size_t i = max_nodes; i < n_kept; i++) {
            order[i]->kept = false;
        }
        n_pruned += n_kept - max_nodes;
        n_kept = max_nodes;
    }
    /* engine */
    if (opts->layout_engine != NULL && opts->layout_engine[0] != '\0') {
        if (!engine_ok(opts->layout_engine)) {
            rc = annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                               "unknown layout engine '%.40s' (sfdp, neato, fdp, circo, twopi)",
                               opts->layout_engine);
            goto done;
        }
        engine = opts->layout_engine;
    } else if (n_kept <= RL_FDP_MAX) {
        engine = "fdp";
    } else if (n_kept <= RL_SFDP_MAX) {
        engine = "sfdp";
    } else {
        engine = "nop2";
        pinned = true;
    }
    use_clusters = strcmp(engine, "fdp") == 0 && n_comm > 0;

    g = annals__gv_open("relations", false);
    nodes = calloc(n_ent ? n_ent : 1, sizeof *nodes);
    clusters = calloc(n_comm ? n_comm : 1, sizeof *clusters);
    if (g == NULL || nodes == NULL || clusters == NULL) {
        goto done;
    }
    snprintf(num, sizeof num, "%llu", (unsigned long long)opts->seed);
    annals__gv_gset(g, "layout", engine);
    annals__gv_gset(g, "start", num);
    annals__gv_gset(g, "overlap", pinned ? "true" : "prism");
    annals__gv_gset(g, "splines", "false");
    /* Edge labels are placed after the layout, beside their edge, where they
     * meet no node and no other label; one that finds no such place is not
     * drawn (its edge keeps the tooltip with the full text). */
    annals__gv_gset(g, "forcelabels", "false");
    annals__gv_gset(g, "outputorder", "edgesfirst");
    annals__gv_gset(g, "bgcolor", "white");
    annals__gv_gset(g, "pad", "0.3");
    annals__gv_gset(g, "sep", "+8");
    annals__gv_gset(g, "fontname", "DejaVu Sans");
    annals__gv_gset(g, "labelloc", "t");
    annals__gv_gset(g, "labeljust", "l");
    annals__gv_gset(g, "id", "relations");
    if (strcmp(engine, "fdp") == 0) {
        annals__gv_gset(g, "K", "1.1");
    }
    n_shape = annals__gv_attr(g, AGNODE, "shape", "ellipse");
    n_style = annals__gv_attr(g, AGNODE, "style", "filled");
    n_fill = annals__gv_attr(g, AGNODE, "fillcolor", "#dbe9f6");
    n_color = annals__gv_attr(g, AGNODE, "color", "#2c6aa0");
    n_label = annals__gv_attr(g, AGNODE, "label", "");
    n_font = annals__gv_attr(g, AGNODE, "fontname", "DejaVu Sans");
    n_fs = annals__gv_attr(g, AGNODE, "fontsize", "10");
    n_w = annals__gv_attr(g, AGNODE, "width", "0.3");
    n_h = annals__gv_attr(g, AGNODE, "height", "0.2");
    n_fixed = annals__gv_attr(g, AGNODE, "fixedsize", "false");
    n_pen = annals__gv_attr(g, AGNODE, "penwidth", "1");
    n_id = annals__gv_attr(g, AGNODE, "id", "");
    n_tip = annals__gv_attr(g, AGNODE, "tooltip", "");
    n_class = annals__gv_attr(g, AGNODE, "class", "");
    annals__gv_attr(g, AGNODE, "margin", "0.06,0.03");
    n_pos = pinned ? annals__gv_attr(g, AGNODE, "pos", "") : NULL;
    e_color = annals__gv_attr(g, AGEDGE, "color", "#9aa5b1");
    e_pen = annals__gv_attr(g, AGEDGE, "penwidth", "1");
    e_label = annals__gv_attr(g, AGEDGE, "label", "");
    e_tip = annals__gv_attr(g, AGEDGE, "tooltip", "");
    e_id = annals__gv_attr(g, AGEDGE, "id", "");
    e_fs = annals__gv_attr(g, AGEDGE, "fontsize", "7.5");
    e_fc = annals__gv_attr(g, AGEDGE, "fontcolor", "#3e4c59");
    annals__gv_attr(g, AGEDGE, "fontname", "DejaVu Sans");
    if (n_shape == NULL || n_style == NULL || n_fill == NULL || n_color == NULL ||
        n_label == NULL || n_font == NULL || n_fs == NULL || n_w == NULL || n_h == NULL ||
        n_fixed == NULL || n_pen == NULL || n_id == NULL || n_tip == NULL || n_class == NULL ||
        (pinned && n_pos == NULL) || e_color == NULL || e_pen == NULL || e_label == NULL ||
        e_tip == NULL || e_id == NULL || e_fs == NULL || e_fc == NULL) {
        goto done;
    }
    /* clusters for communities with at least two kept members (fdp) */
    if (use_clusters) {
        size_t *members = calloc(n_comm, sizeof *members);
        if (members == NULL) {
            goto done;
        }
        for (size_t i = 0; i < n_kept; i++) {
            if (order[i]->comm >= 0 && (size_t)order[i]->comm < n_comm) {
                members[order[i]->comm]++;
            }
        }
        for (size_t k = 0; k < n_comm; k++) {
            if (members[k] < 2) {
                continue;
            }
            snprintf(name, sizeof name, "cluster_c%zu", k + 1);
            clusters[k] = agsubg(g, name, 1);
            if (clusters[k] == NULL) {
                free(members);
                goto done;
            }
            snprintf(num, sizeof num, "community %zu", k + 1);
            annals__gv_sset(clusters[k], "label", num);
            annals__gv_sset(clusters[k], "style", "rounded,filled");
            annals__gv_sset(clusters[k], "fillcolor", "#f5f7fa");
            annals__gv_sset(clusters[k], "color", "#cbd2d9");
            annals__gv_sset(clusters[k], "fontsize", "8");
            annals__gv_sset(clusters[k], "fontcolor", "#7b8794");
        }
        free(members);
    }
    /* nodes: in entity order, so the DOT is stable */
    if (pinned) {
        qsort(order, n_kept, sizeof *order, cmp_pinned);
    }
    {
        /* pinned layout state: shelves of community discs */
        double spacing = 16.0, shelf_x = 0.0, shelf_y = 0.0, shelf_h = 0.0, row_w;
        size_t i = 0, labelled = 0;
        row_w = sqrt((double)n_kept) * spacing * 1.6 + 400.0;
        /* the most central actors get labels in the pinned layout */
        double label_cut = 2.0;
        if (pinned) {
            double *cs = malloc(n_kept * sizeof *cs);
            if (cs == NULL) {
                goto done;
            }
            for (size_t k = 0; k < n_kept; k++) {
                cs[k] = order[k]->c;
            }
            /* threshold = the RL_NODE_LABEL_BIG-th largest centrality (partial count) */
            {
                double lo = 0.0, hi = 1.0;
                for (int it = 0; it < 30; it++) {
                    double mid = (lo + hi) / 2.0;
                    size_t above = 0;
                    for (size_t k = 0; k < n_kept; k++) {
                        above += cs[k] >= mid;
                    }
                    if (above > RL_NODE_LABEL_BIG) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                label_cut = hi;
            }
            free(cs);
        }
        while (i < n_kept) {
            size_t j = i;
            double r_disc;
            while (j < n_kept && order[j]->comm == order[i]->comm &&
                   (order[i]->comm >= 0 || j == i)) {
                j++;
            }
            r_disc = spacing * sqrt((double)(j - i)) + spacing;
            if (pinned && shelf_x + 2.0 * r_disc > row_w && shelf_x > 0.0) {
                shelf_x = 0.0;
                shelf_y -= shelf_h + 24.0;
                shelf_h = 0.0;
            }
            if (pinned && j - i >= 2) {
                Agnode_t *disc;
                snprintf(name, sizeof name, "_community%zu", i);
                disc = annals__gv_node(g, name);
                if (disc == NULL) {
                    goto done;
                }
                snprintf(num, sizeof num, "%.2f,%.2f!", shelf_x + r_disc, shelf_y - r_disc);
                annals__gv_set(disc, n_pos, num);
                snprintf(num, sizeof num, "%.3f", 2.0 * r_disc / 72.0);
                annals__gv_set(disc, n_w, num);
                annals__gv_set(disc, n_h, num);
                annals__gv_set(disc, n_fixed, "true");
                annals__gv_set(disc, n_shape, "circle");
                annals__gv_set(disc, n_fill, "#f5f7fa");
                annals__gv_set(disc, n_color, "#cbd2d9");
                snprintf(num, sizeof num, "community %d: %zu actors", order[i]->comm + 1, j - i);
                annals__gv_set(disc, n_tip, num);
                annals__gv_set(disc, n_class, "community");
            }
            for (size_t k = i; k < j; k++) {
                const rl_actor *a = order[k];
                const annals__centity *en = ANNALS__CENTITY(c, a->entity);
                Agraph_t *home = g;
                Agnode_t *n;
                int kind = (int)en->kind;
                bool show = !pinned || a->c >= label_cut;
                if (use_clusters && a->comm >= 0 && (size_t)a->comm < n_comm &&
                    clusters[a->comm] != NULL) {
                    home = clusters[a->comm];
                }
                annals__actor_id(name, sizeof name, a->entity);
                n = annals__gv_node(home, name);
                if (n == NULL) {
                    goto done;
                }
                nodes[a->entity] = n;
                annals__gv_set(n, n_id, name);
                annals__gv_set(n, n_shape, kind_shape(kind));
                annals__gv_set(n, n_fill, kind_fill(kind));
                annals__gv_set(n, n_color, kind_line(kind));
                if (kind == ANNALS_ENTITY_ORGANIZATION) {
                    annals__gv_set(n, n_style, "rounded,filled");
                }
                snprintf(num, sizeof num, "%.2f", 0.8 + 1.6 * a->c);
                annals__gv_set(n, n_pen, num);
                snprintf(num, sizeof num, "actor %s c%d", annals__kind_label(kind), a->comm + 1);
                annals__gv_set(n, n_class, num);
                lb.len = 0;
                tb.len = 0;
                if (show) {
                    if (annals__gv_escape(&lb, en->name, strlen(en->name), 48) < 0) {
                        goto done;
                    }
                    annals__gv_set(n, n_label, lb.ptr != NULL ? lb.ptr : "");
                    snprintf(num, sizeof num, "%.1f", 9.0 + 7.0 * a->c);
                    annals__gv_set(n, n_fs, num);
                }
                if (annals__gv_escape(&tb, en->name, strlen(en->name), 160) < 0 ||
                    annals__buf_printf(&tb, " (%s%s%s)\n%u event%s \xC2\xB7 %.0f co-actors"
                                            " \xC2\xB7 betweenness %.3f \xC2\xB7 community %d",
                                       annals__kind_label(kind), en->country[0] ? ", " : "",
                                       en->country, a->events, a->events == 1 ? "" : "s",
                                       graph->degree != NULL ? graph->degree[a->entity] : 0.0,
                                       graph->betweenness != NULL
                                           ? graph->betweenness[a->entity]
                                           : 0.0,
                                       a->comm + 1) < 0) {
                    goto done;
                }
                annals__gv_set(n, n_tip, tb.ptr);
                if (pinned) {
                    double r = spacing * sqrt((double)(k - i) + 0.5);
                    double th = (double)(k - i) * 2.399963229728653;
                    double sz = show ? 0.0 : 5.0 + 8.0 * a->c;
                    snprintf(num, sizeof num, "%.2f,%.2f!", shelf_x + r_disc + r * cos(th),
                             shelf_y - r_disc + r * sin(th));
                    annals__gv_set(n, n_pos, num);
                    if (!show) {
                        snprintf(num, sizeof num, "%.3f", sz / 72.0);
                        annals__gv_set(n, n_w, num);
                        annals__gv_set(n, n_h, num);
                        annals__gv_set(n, n_fixed, "true");
                        annals__gv_set(n, n_shape, kind == ANNALS_ENTITY_PERSON ? "circle"
                                                                               : kind_shape(kind));
                    }
                } else {
                    labelled++;
                }
            }
            if (pinned) {
                shelf_x += 2.0 * r_disc + 16.0;
                shelf_h = 2.0 * r_disc > shelf_h ? 2.0 * r_disc : shelf_h;
            }
            i = j;
        }
        (void)labelled;
    }
    if (n_kept == 0) {
        Agnode_t *n = annals__gv_node(g, "_empty");
        if (n == NULL) {
            goto done;
        }
        annals__gv_set(n, n_shape, "plaintext");
        annals__gv_set(n, n_style, "");
        annals__gv_set(n, n_label, "no relations among the selected events");
        if (pinned) {
            annals__gv_set(n, n_pos, "0,0!");
        }
    }
    /* edges */
    for (size_t i = 0; i < graph->n_actor_edges; i++) {
        const annals__actor_edge *ae = &graph->actor_edges[i];
        Agedge_t *e;
        double pw;
        if (ae->a >= n_ent || ae->b >= n_ent || nodes[ae->a] == NULL || nodes[ae->b] == NULL) {
            continue;
        }
        e = agedge(g, nodes[ae->a], nodes[ae->b], NULL, 1);
        if (e == NULL) {
            goto done;
        }
        n_edges_drawn++;
        pw = 0.8 + 1.6 * log2((double)(ae->n_events > 0 ? ae->n_events : 1)) + 0.4;
        pw = pw > 8.0 ? 8.0 : pw;
        snprintf(num, sizeof num, "%.2f", pinned ? pw * 0.5 : pw);
        annals__gv_set(e, e_pen, num);
        snprintf(num, sizeof num, "%s%s", annals__quad_color(ae->dominant_quad),
                 pinned ? "66" : "cc");
        annals__gv_set(e, e_color, num);
        snprintf(name, sizeof name, "a%lu-a%lu", (unsigned long)ae->a + 1ul,
                 (unsigned long)ae->b + 1ul);
        annals__gv_set(e, e_id, name);
        lb.len = 0;
        tb.len = 0;
        if (edge_texts(&lb, &tb, c, ae) < 0) {
            goto done;
        }
        annals__gv_set(e, e_tip, tb.ptr != NULL ? tb.ptr : "");
        /* labels where they can be read: every edge of a small diagram,
         * repeated relations (2+ events) of a medium one */
        if (!pinned && (graph->n_actor_edges <= 24 ||
                        (graph->n_actor_edges <= RL_EDGE_LABEL_MAX && ae->n_events >= 2))) {
            annals__gv_set(e, e_label, lb.ptr != NULL ? lb.ptr : "");
            (void)e_fs;
            (void)e_fc;
        }
    }
    if (legend_label(g, n_kept, n_edges_drawn, n_pruned,
                     pinned ? "pinned community grid" : engine) < 0) {
        goto done;
    }
    *engine_out = pinned ? "nop2" : engine;
    *out = g;
    g = NULL;
    rc = ANNALS_OK;
done:
    if (rc == ANNALS_ENOMEM) {
        annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                      "out of memory building the relationship diagram");
    }
    if (g != NULL) {
        agclose(g);
    }
    annals__buf_dispose(&lb);
    annals__buf_dispose(&tb);
    free(act);
    free(order);
    free(slot);
    free(seen);
    free(nodes);
    free(clusters);
    return rc;
}
