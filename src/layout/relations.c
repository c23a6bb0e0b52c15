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
 * Positions are ours, Graphviz only draws them (nop2): its force engines
 * (fdp, neato, sfdp) and its exterior-label placement give different
 * pictures from run to run even with a fixed "start". Same input, same
 * picture, byte for byte, in every process:
 *  - up to RL_SFDP_MAX actors: one Fruchterman-Reingold layout per
 *    community (started from a Vogel spiral, no random numbers, fixed
 *    iteration count), x stretched for the wide labels, overlaps pushed
 *    apart, the communities packed in shelves (then the actors alone),
 *    each drawn as a cluster box with a pinned bb; edge labels are
 *    plaintext nodes we place beside the edge midpoint where they meet no
 *    node and no other label (else left out, the edge tooltip has it all);
 *  - above that: communities as discs of Vogel spirals packed in shelves,
 *    linear and well inside the time budget.
 * ctx->opts.layout_engine still asks Graphviz for one of its engines (not
 * reproducible across runs: Graphviz's doing).
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

/* ------------------------------------------------ own deterministic layout */

/* A node (or label) box: centre and full size, points, y up. */
typedef struct rl_nb {
    double x, y, w, h;
} rl_nb;

static bool nb_meet(const rl_nb *a, const rl_nb *b, double pad)
{
    return fabs(a->x - b->x) < (a->w + b->w) / 2.0 + pad &&
           fabs(a->y - b->y) < (a->h + b->h) / 2.0 + pad;
}

/* The drawn size of an actor node with label font size fs (our estimate;
 * it is passed to Graphviz as width/height, so the render matches it). */
static void node_size(const char *name, int kind, double fs, double *w, double *h)
{
    size_t len = strlen(name);
    double tw = annals__text_width(name, len > 48 ? 48 : len, fs, false) + 2.0;
    double bw = tw + 8.64, bh = fs * 1.2 + 4.32;
    if (kind == ANNALS_ENTITY_ORGANIZATION) {
        *w = bw + 4.0;
        *h = bh + 4.0;
    } else if (kind == ANNALS_ENTITY_PERSON) {
        *w = bw * 1.42;
        *h = bh * 1.42;
    } else {
        *w = bw * 1.5;
        *h = bh * 1.45;
    }
    *w = *w < 21.6 ? 21.6 : *w;
    *h = *h < 14.4 ? 14.4 : *h;
}

/* Fruchterman-Reingold on the m nodes of one group (local coordinates),
 * started from a Vogel spiral: no random numbers, so the same input gives
 * the same positions in every process. Then overlaps are pushed apart. */
static void group_layout(rl_nb *nb, size_t m, const uint32_t *ea, const uint32_t *eb, size_t ne,
                         size_t base, double *dx, double *dy)
{
    double avg_w = 0.0, k, t0;
    size_t iters;
    if (m == 0) {
        return;
    }
    for (size_t i = 0; i < m; i++) {
        avg_w += nb[i].w / (double)m;
    }
    k = 36.0 + avg_w * 0.38;
    for (size_t i = 0; i < m; i++) {
        double r = k * 0.7 * sqrt((double)i + 0.5), th = (double)i * 2.399963229728653;
        nb[i].x = r * cos(th);
        nb[i].y = r * sin(th);
    }
    iters = m > 1 ? (size_t)(40000000.0 / ((double)m * (double)m)) : 0;
    iters = iters > 300 ? 300 : (iters < 20 && m > 1 ? 20 : iters);
    t0 = k * sqrt((double)m) * 0.6;
    for (size_t it = 0; it < iters; it++) {
        double t = t0 * (1.0 - (double)it / (double)iters) + 0.5;
        for (size_t i = 0; i < m; i++) {
            dx[i] = -nb[i].x * 0.1;
            dy[i] = -nb[i].y * 0.1;
        }
        for (size_t i = 0; i < m; i++) {
            for (size_t j = i + 1; j < m; j++) {
                double ddx = nb[i].x - nb[j].x, ddy = nb[i].y - nb[j].y;
                double d2 = ddx * ddx + ddy * ddy, f;
                if (d2 < 0.01) {
                    ddx = 0.1;
                    ddy = 0.1 * (double)((i + j) % 3) - 0.1;
                    d2 = ddx * ddx + ddy * ddy;
                }
                f = k * k / d2;
                dx[i] += ddx * f;
                dy[i] += ddy * f;
                dx[j] -= ddx * f;
                dy[j] -= ddy * f;
            }
        }
        for (size_t e = 0; e < ne; e++) {
            size_t i = ea[e] - base, j = eb[e] - base;
            double ddx = nb[i].x - nb[j].x, ddy = nb[i].y - nb[j].y;
            double f = sqrt(ddx * ddx + ddy * ddy) / k;
            dx[i] -= ddx * f;
            dy[i] -= ddy * f;
            dx[j] += ddx * f;
            dy[j] += ddy * f;
        }
        for (size_t i = 0; i < m; i++) {
            double d = sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
            if (d > t) {
                dx[i] *= t / d;
                dy[i] *= t / d;
            }
            nb[i].x += dx[i];
            nb[i].y += dy[i];
        }
    }
    /* labels are wide: stretch x, then remove overlaps */
    for (size_t i = 0; i < m; i++) {
        nb[i].x *= 1.4;
    }
    for (int pass = 0; pass < 200 && m <= 2000; pass++) {
        bool moved = false;
        for (size_t i = 0; i < m; i++) {
            for (size_t j = i + 1; j < m; j++) {
                double ddx = nb[j].x - nb[i].x, ddy = nb[j].y - nb[i].y;
                double ox = (nb[i].w + nb[j].w) / 2.0 + 18.0 - fabs(ddx);
                double oy = (nb[i].h + nb[j].h) / 2.0 + 14.0 - fabs(ddy);
                if (ox <= 0.0 || oy <= 0.0) {
                    continue;
                }
                moved = true;
                if (ox < oy * 2.0) {
                    double s = ddx >= 0.0 ? 0.5 : -0.5;
                    nb[i].x -= s * ox;
                    nb[j].x += s * ox;
                } else {
                    double s = ddy >= 0.0 ? 0.5 : -0.5;
                    nb[i].y -= s * oy;
                    nb[j].y += s * oy;
                }
            }
        }
        if (!moved) {
            break;
        }
    }
}

typedef struct rl_lsyms {
    Agsym_t *id, *shape, *style, *fill, *label, *fs, *fc, *fixed, *cls, *tip, *w, *h, *pos;
} rl_lsyms;

/* Lays out the kept actors (order[], grouped by community): one force
 * layout per community, the groups packed in shelves (communities first,
 * then the actors alone), pins every node and sets the clusters' boxes.
 * The cluster titles go into lab[] as obstacles for the edge labels. */
static annals_status own_layout(Agraph_t *g, rl_nb *nb, rl_nb *lab, size_t *n_lab,
                                rl_actor *const *order, size_t n_kept, const int32_t *pos_of,
                                const annals_graph *graph, Agraph_t *const *clusters,
                                const rl_lsyms *ls)
{
    size_t n_ent = graph->corpus->entities.n, n_grp = 0, ne = 0;
    size_t *gs = malloc((n_kept + 1) * sizeof *gs), *gord = malloc(n_kept * sizeof *gord);
    size_t *grp = malloc(n_kept * sizeof *grp), *eoff = calloc(n_kept + 2, sizeof *eoff);
    double *box = malloc(n_kept * 4 * sizeof *box), *dx = malloc(n_kept * sizeof *dx);
    double *dy = malloc(n_kept * sizeof *dy);
    uint32_t *ea = NULL, *eb = NULL;
    annals_status rc = ANNALS_ENOMEM;
    char num[96];

    if (gs == NULL || gord == NULL || grp == NULL || eoff == NULL || box == NULL ||
        dx == NULL || dy == NULL) {
        goto done;
    }
    /* groups: runs of one community (actors without one are alone) */
    for (size_t i = 0; i < n_kept;) {
        size_t j = i + 1;
        while (j < n_kept && order[i]->comm >= 0 && order[j]->comm == order[i]->comm) {
            j++;
        }
        gs[n_grp] = i;
        for (size_t k = i; k < j; k++) {
            grp[k] = n_grp;
        }
        n_grp++;
        i = j;
    }
    gs[n_grp] = n_kept;
    /* edges inside a group, bucketed by group (counting sort) */
    for (size_t i = 0; i < graph->n_actor_edges; i++) {
        const annals__actor_edge *ae = &graph->actor_edges[i];
        if (ae->a < n_ent && ae->b < n_ent && pos_of[ae->a] >= 0 && pos_of[ae->b] >= 0 &&
            grp[pos_of[ae->a]] == grp[pos_of[ae->b]]) {
            eoff[grp[pos_of[ae->a]] + 2]++;
            ne++;
        }
    }
    for (size_t k = 0; k < n_grp; k++) {
        eoff[k + 2] += eoff[k + 1];
    }
    ea = malloc((ne ? ne : 1) * sizeof *ea);
    eb = malloc((ne ? ne : 1) * sizeof *eb);
    if (ea == NULL || eb == NULL) {
        goto done;
    }
    for (size_t i = 0; i < graph->n_actor_edges; i++) {
        const annals__actor_edge *ae = &graph->actor_edges[i];
        if (ae->a < n_ent && ae->b < n_ent && pos_of[ae->a] >= 0 && pos_of[ae->b] >= 0 &&
            grp[pos_of[ae->a]] == grp[pos_of[ae->b]]) {
            size_t at = eoff[grp[pos_of[ae->a]] + 1]++;
            ea[at] = (uint32_t)pos_of[ae->a];
            eb[at] = (uint32_t)pos_of[ae->b];
        }
    }
    /* eoff[k]..eoff[k+1] are now group k's edges */
    {
        double area = 0.0, widest = 0.0, row_w, sx = 0.0, sy = 0.0, shelf_h = 0.0;
        size_t ng = 0;
        for (size_t k = 0; k < n_grp; k++) {
            size_t s0 = gs[k], m = gs[k + 1] - gs[k];
            bool boxed = m >= 2 && order[s0]->comm >= 0 &&
                         (size_t)order[s0]->comm < graph->n_communities &&
                         clusters[order[s0]->comm] != NULL;
            double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300, mg = boxed ? 14.0 : 4.0;
            group_layout(nb + s0, m, ea + eoff[k], eb + eoff[k], eoff[k + 1] - eoff[k], s0, dx,
                         dy);
            for (size_t i = s0; i < s0 + m; i++) {
                x0 = fmin(x0, nb[i].x - nb[i].w / 2.0);
                x1 = fmax(x1, nb[i].x + nb[i].w / 2.0);
                y0 = fmin(y0, nb[i].y - nb[i].h / 2.0);
                y1 = fmax(y1, nb[i].y + nb[i].h / 2.0);
            }
            box[4 * k] = x0 - mg;
            box[4 * k + 1] = y0 - mg;
            box[4 * k + 2] = x1 + mg;
            box[4 * k + 3] = y1 + mg + (boxed ? 12.0 : 0.0);
            area += (box[4 * k + 2] - box[4 * k] + 40.0) * (box[4 * k + 3] - box[4 * k + 1] + 40.0);
            widest = fmax(widest, box[4 * k + 2] - box[4 * k]);
        }
        /* communities first (in their order), then the lone actors */
        for (int pass = 0; pass < 2; pass++) {
            for (size_t k = 0; k < n_grp; k++) {
                if ((gs[k + 1] - gs[k] >= 2) == (pass == 0)) {
                    gord[ng++] = k;
                }
            }
        }
        row_w = fmax(widest, sqrt(area) * 1.4);
        for (size_t q = 0; q < ng; q++) {
            size_t k = gord[q], s0 = gs[k], m = gs[k + 1] - gs[k];
            double w = box[4 * k + 2] - box[4 * k], h = box[4 * k + 3] - box[4 * k + 1], ox, oy;
            if (sx > 0.0 && sx + w > row_w) {
                sx = 0.0;
                sy -= shelf_h + 40.0;
                shelf_h = 0.0;
            }
            ox = sx - box[4 * k];
            oy = sy - box[4 * k + 3];
            for (size_t i = s0; i < s0 + m; i++) {
                nb[i].x += ox;
                nb[i].y += oy;
            }
            box[4 * k] += ox;
            box[4 * k + 2] += ox;
            box[4 * k + 1] += oy;
            box[4 * k + 3] += oy;
            sx += w + 40.0;
            shelf_h = fmax(shelf_h, h);
            if (m >= 2 && order[s0]->comm >= 0 &&
                (size_t)order[s0]->comm < graph->n_communities &&
                clusters[order[s0]->comm] != NULL) {
                Agraph_t *cl = clusters[order[s0]->comm];
                double tw = annals__text_width("community 0000", 14, 8.0, false);
                snprintf(num, sizeof num, "%.2f,%.2f,%.2f,%.2f", box[4 * k], box[4 * k + 1],
                         box[4 * k + 2], box[4 * k + 3]);
                annals__gv_sset(cl, "bb", num);
                snprintf(num, sizeof num, "%.2f,%.2f!", box[4 * k] + 8.0 + tw / 2.0,
                         box[4 * k + 3] - 9.0);
                {
                    Agnode_t *tn;
                    char tname[48];
                    snprintf(tname, sizeof tname, "_title_c%d", order[s0]->comm + 1);
                    tn = annals__gv_node(g, tname);
                    if (tn == NULL) {
                        goto done;
                    }
                    snprintf(tname, sizeof tname, "title-c%d", order[s0]->comm + 1);
                    annals__gv_set(tn, ls->id, tname);
                    snprintf(tname, sizeof tname, "community %d", order[s0]->comm + 1);
                    annals__gv_set(tn, ls->label, tname);
                    annals__gv_set(tn, ls->shape, "plaintext");
                    annals__gv_set(tn, ls->style, "");
                    annals__gv_set(tn, ls->fs, "8");
                    annals__gv_set(tn, ls->fc, "#7b8794");
                    annals__gv_set(tn, ls->fixed, "true");
                    annals__gv_set(tn, ls->cls, "community-title");
                    annals__gv_set(tn, ls->tip, tname);
                    snprintf(tname, sizeof tname, "%.3f", tw / 72.0);
                    annals__gv_set(tn, ls->w, tname);
                    annals__gv_set(tn, ls->h, "0.15");
                    annals__gv_set(tn, ls->pos, num);
                }
                lab[(*n_lab)++] = (rl_nb){box[4 * k] + 8.0 + tw / 2.0, box[4 * k + 3] - 9.0,
                                          tw, 10.0};
            }
        }
    }
    for (size_t i = 0; i < n_kept; i++) {
        char id[48];
        Agnode_t *n;
        annals__actor_id(id, sizeof id, order[i]->entity);
        n = agnode(g, id, 0);
        if (n != NULL) {
            snprintf(num, sizeof num, "%.2f,%.2f!", nb[i].x, nb[i].y);
            annals__gv_set(n, ls->pos, num);
        }
    }
    rc = ANNALS_OK;
done:
    free(gs);
    free(gord);
    free(grp);
    free(eoff);
    free(box);
    free(dx);
    free(dy);
    free(ea);
    free(eb);
    return rc;
}

/* An edge label as a pinned plaintext node beside the edge p-q, where it
 * meets no node and no other label; none if no such place is found (the
 * edge keeps the full text in its tooltip). */
static annals_status place_edge_label(Agraph_t *g, const rl_lsyms *ls, const rl_nb *nb,
                                      size_t n_nodes, rl_nb *lab, size_t *n_lab, rl_nb p, rl_nb q,
                                      const annals__buf *lb, const annals__buf *tb,
                                      const char *edge_id)
{
    static const double ts[7] = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8};
    const char *s = lb->ptr != NULL ? lb->ptr : "";
    double w = 0.0, h;
    size_t lines = 0;
    char name[64], num[64];
    Agnode_t *n;

    for (const char *t = s;;) {
        const char *nl = strstr(t, "\\n");
        size_t len = nl != NULL ? (size_t)(nl - t) : strlen(t);
        w = fmax(w, annals__text_width(t, len, 7.5, false));
        lines++;
        if (nl == NULL) {
            break;
        }
        t = nl + 2;
    }
    w += 4.0;
    h = (double)lines * 9.0 + 2.0;
    for (size_t c = 0; c < 7 * 5; c++) {
        double t = ts[c / 5], mx = p.x + t * (q.x - p.x), my = p.y + t * (q.y - p.y);
        static const double ox[5] = {0.0, 0.0, 0.0, 1.0, -1.0}, oy[5] = {0.0, 1.0, -1.0, 0.0, 0.0};
        rl_nb b = {mx + ox[c % 5] * (w / 2.0 + 3.0), my + oy[c % 5] * (h / 2.0 + 3.0), w, h};
        bool free_spot = true;
        for (size_t i = 0; i < n_nodes && free_spot; i++) {
            free_spot = !nb_meet(&b, &nb[i], 2.0);
        }
        for (size_t i = 0; i < *n_lab && free_spot; i++) {
            free_spot = !nb_meet(&b, &lab[i], 2.0);
        }
        if (!free_spot) {
            continue;
        }
        lab[(*n_lab)++] = b;
        snprintf(name, sizeof name, "_label_%s", edge_id);
        n = annals__gv_node(g, name);
        if (n == NULL) {
            return ANNALS_ENOMEM;
        }
        snprintf(name, sizeof name, "label-%s", edge_id);
        annals__gv_set(n, ls->id, name);
        annals__gv_set(n, ls->shape, "plaintext");
        annals__gv_set(n, ls->style, "filled");
        annals__gv_set(n, ls->fill, "#ffffffc0");
        annals__gv_set(n, ls->label, s);
        annals__gv_set(n, ls->fs, "7.5");
        annals__gv_set(n, ls->fc, "#3e4c59");
        annals__gv_set(n, ls->fixed, "true");
        annals__gv_set(n, ls->cls, "edgelabel");
        annals__gv_set(n, ls->tip, tb->ptr != NULL ? tb->ptr : "");
        snprintf(num, sizeof num, "%.3f", w / 72.0);
        annals__gv_set(n, ls->w, num);
        snprintf(num, sizeof num, "%.3f", h / 72.0);
        annals__gv_set(n, ls->h, num);
        snprintf(num, sizeof num, "%.2f,%.2f!", b.x, b.y);
        annals__gv_set(n, ls->pos, num);
        return ANNALS_OK;
    }
    return ANNALS_OK;
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
    bool pinned = false, use_clusters = false, own = false;
    rl_nb *nb = NULL, *lab = NULL;
    rl_lsyms lsym;
    int32_t *pos_of = NULL;
    size_t n_lab = 0;
    double max_deg = 0.0;
    size_t n_comm = graph->n_communities;
    char num[96], name[48];
    annals_status rc = ANNALS_ENOMEM;
    Agsym_t *n_shape, *n_style, *n_fill, *n_color, *n_label, *n_fs, *n_w, *n_h, *n_fixed, *n_pen,
        *n_id, *n_tip, *n_pos, *n_class, *n_font, *n_fc, *e_color, *e_pen, *e_label, *e_tip, *e_id,
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
    } else if (n_kept <= RL_SFDP_MAX) {
        /* Graphviz's force layouts (fdp, neato, sfdp) and its xlabel
         * placement differ between runs: we compute the positions */
        engine = "nop2";
        own = true;
    } else {
        engine = "nop2";
        pinned = true;
    }
    use_clusters = (own || strcmp(engine, "fdp") == 0) && n_comm > 0;

    g = annals__gv_open("relations", false);
    nodes = calloc(n_ent ? n_ent : 1, sizeof *nodes);
    clusters = calloc(n_comm ? n_comm : 1, sizeof *clusters);
    if (g == NULL || nodes == NULL || clusters == NULL) {
        goto done;
    }
    snprintf(num, sizeof num, "%llu", (unsigned long long)opts->seed);
    annals__gv_gset(g, "layout", engine);
    annals__gv_gset(g, "start", num);
    annals__gv_gset(g, "overlap", pinned || own ? "true" : "prism");
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
    n_pos = pinned || own ? annals__gv_attr(g, AGNODE, "pos", "") : NULL;
    n_fc = own ? annals__gv_attr(g, AGNODE, "fontcolor", "black") : NULL;
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
        ((pinned || own) && n_pos == NULL) || (own && n_fc == NULL) || e_color == NULL ||
        e_pen == NULL || e_label == NULL ||
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
            snprintf(num, sizeof num, "community-%zu", k + 1);
            annals__gv_sset(clusters[k], "id", num); /* not the graph's id */
            snprintf(num, sizeof num, "community %zu", k + 1);
            if (!own) {
                /* ours: a title node (Graphviz 2.42's nop layout leaks
                 * cluster labels) */
                annals__gv_sset(clusters[k], "label", num);
            }
            annals__gv_sset(clusters[k], "style", "rounded,filled");
            annals__gv_sset(clusters[k], "fillcolor", "#f5f7fa");
            annals__gv_sset(clusters[k], "color", "#cbd2d9");
            annals__gv_sset(clusters[k], "fontsize", "8");
            annals__gv_sset(clusters[k], "fontcolor", "#7b8794");
        }
        free(members);
    }
    /* nodes: in entity order, so the DOT is stable */
    if (pinned || own) {
        qsort(order, n_kept, sizeof *order, cmp_pinned);
    }
    lsym = (rl_lsyms){n_id, n_shape, n_style, n_fill, n_label, n_fs, n_fc,
                    n_fixed, n_class, n_tip, n_w, n_h, n_pos};
    if (own) {
        nb = calloc(n_kept ? n_kept : 1, sizeof *nb);
        lab = calloc(graph->n_actor_edges + n_comm + 1, sizeof *lab);
        pos_of = malloc((n_ent ? n_ent : 1) * sizeof *pos_of);
        if (nb == NULL || lab == NULL || pos_of == NULL) {
            goto done;
        }
        for (size_t a = 0; a < n_ent; a++) {
            pos_of[a] = -1;
        }
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
                    if (own) {
                        node_size(en->name, kind, strtod(num, NULL), &nb[k].w, &nb[k].h);
                        pos_of[a->entity] = (int32_t)k;
                        snprintf(num, sizeof num, "%.3f", nb[k].w / 72.0);
                        annals__gv_set(n, n_w, num);
                        snprintf(num, sizeof num, "%.3f", nb[k].h / 72.0);
                        annals__gv_set(n, n_h, num);
                    }
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
    if (own && n_kept > 0 &&
        own_layout(g, nb, lab, &n_lab, order, n_kept, pos_of, graph, clusters, &lsym) < 0) {
        goto done;
    }
    if (n_kept == 0) {
        Agnode_t *n = annals__gv_node(g, "_empty");
        if (n == NULL) {
            goto done;
        }
        annals__gv_set(n, n_shape, "plaintext");
        annals__gv_set(n, n_style, "");
        annals__gv_set(n, n_label, "no relations among the selected events");
        if (pinned || own) {
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
        if (own && (graph->n_actor_edges <= 24 ||
                    (graph->n_actor_edges <= RL_EDGE_LABEL_MAX && ae->n_events >= 2))) {
            if (place_edge_label(g, &lsym, nb, n_kept, lab, &n_lab, nb[pos_of[ae->a]],
                                 nb[pos_of[ae->b]], &lb, &tb, name) < 0) {
                goto done;
            }
        } else if (!pinned && !own &&
                   (graph->n_actor_edges <= 24 ||
                    (graph->n_actor_edges <= RL_EDGE_LABEL_MAX && ae->n_events >= 2))) {
            annals__gv_set(e, e_label, lb.ptr != NULL ? lb.ptr : "");
            (void)e_fs;
            (void)e_fc;
        }
    }
    if (legend_label(g, n_kept, n_edges_drawn, n_pruned,
                     pinned ? "pinned community grid"
                            : own ? "force-directed per community (deterministic)"
                                  : engine) < 0) {
        goto done;
    }
    *engine_out = pinned || own ? "nop2" : engine;
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
    free(nb);
    free(lab);
    free(pos_of);
    return rc;
}
