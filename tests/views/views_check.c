/* SPDX-License-Identifier: MIT */
/* tests/views/views_check.c - see views_check.h. */
#include "views_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == ':' || c == '.' || (unsigned char)c >= 0x80;
}

static bool entity_ok(const char *s, size_t n, size_t i, size_t *len)
{
    size_t j = i + 1;
    if (j < n && s[j] == '#') {
        j++;
        if (j < n && s[j] == 'x') {
            j++;
        }
        while (j < n && ((s[j] >= '0' && s[j] <= '9') || (s[j] >= 'a' && s[j] <= 'f') ||
                         (s[j] >= 'A' && s[j] <= 'F'))) {
            j++;
        }
    } else {
        static const char *const ok[] = {"amp", "lt", "gt", "quot", "apos"};
        for (size_t k = 0; k < 5; k++) {
            size_t l = strlen(ok[k]);
            if (j + l < n && memcmp(s + j, ok[k], l) == 0 && s[j + l] == ';') {
                *len = l + 2;
                return true;
            }
        }
        return false;
    }
    if (j < n && s[j] == ';' && j > i + 2) {
        *len = j - i + 1;
        return true;
    }
    return false;
}

#define FAIL(msg)                                                                             \
    do {                                                                                      \
        snprintf(why, cap, "offset %zu: %s", i, msg);                                         \
        return false;                                                                         \
    } while (0)

bool xml_well_formed(const char *s, size_t n, char *why, size_t cap)
{
    const char *stack[512];
    size_t lens[512], depth = 0, roots = 0, i = 0, el;

    while (i < n) {
        if (s[i] == '<') {
            if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
                const char *e = strstr(s + i + 4, "-->");
                if (e == NULL) FAIL("unterminated comment");
                i = (size_t)(e - s) + 3;
                continue;
            }
            if (i + 2 <= n && (s[i + 1] == '?' || s[i + 1] == '!')) {
                if (depth > 0) FAIL("declaration inside an element");
                while (i < n && s[i] != '>') {
                    i++;
                }
                i++;
                continue;
            }
            if (i + 1 < n && s[i + 1] == '/') {
                size_t st = i + 2, j = st;
                while (j < n && name_char(s[j])) {
                    j++;
                }
                if (depth == 0 || lens[depth - 1] != j - st ||
                    memcmp(stack[depth - 1], s + st, j - st) != 0) {
                    FAIL("mismatched end tag");
                }
                while (j < n && s[j] == ' ') {
                    j++;
                }
                if (j >= n || s[j] != '>') FAIL("bad end tag");
                depth--;
                i = j + 1;
                continue;
            }
            {
                size_t st = i + 1, j = st;
                bool self = false;
                while (j < n && name_char(s[j])) {
                    j++;
                }
                if (j == st) FAIL("bad tag name");
                for (;;) {
                    while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r')) {
                        j++;
                    }
                    if (j >= n) FAIL("unterminated tag");
                    if (s[j] == '>') {
                        break;
                    }
                    if (s[j] == '/' && j + 1 < n && s[j + 1] == '>') {
                        self = true;
                        j++;
                        break;
                    }
                    if (!name_char(s[j])) FAIL("bad attribute name");
                    while (j < n && name_char(s[j])) {
                        j++;
                    }
                    if (j >= n || s[j] != '=') FAIL("attribute without value");
                    j++;
                    if (j >= n || (s[j] != '"' && s[j] != '\'')) FAIL("unquoted attribute");
                    {
                        char q = s[j++];
                        while (j < n && s[j] != q) {
                            if (s[j] == '<') FAIL("'<' in an attribute");
                            if (s[j] == '&') {
                                if (!entity_ok(s, n, j, &el)) FAIL("bad entity in attribute");
                                j += el;
                                continue;
                            }
                            j++;
                        }
                        if (j >= n) FAIL("unterminated attribute");
                        j++;
                    }
                }
                if (depth == 0) {
                    roots++;
                    if (roots > 1) FAIL("second root element");
                }
                if (!self) {
                    if (depth == 512) FAIL("too deep");
                    stack[depth] = s + st;
                    lens[depth] = j - st;
                    {
                        size_t k = st;
                        while (k < j && name_char(s[k])) {
                            k++;
                        }
                        lens[depth] = k - st;
                    }
                    depth++;
                }
                i = j + 1;
                continue;
            }
        }
        if (s[i] == '&') {
            if (!entity_ok(s, n, i, &el)) FAIL("bad entity in text");
            i += el;
            continue;
        }
        if (s[i] == '>' && depth == 0 && roots == 0) FAIL("stray '>'");
        if (depth == 0 && roots > 0 && s[i] != '\n' && s[i] != ' ') FAIL("text after the root");
        i++;
    }
    if (depth != 0) FAIL("unclosed element");
    if (roots != 1) FAIL("no root element");
    return true;
}

size_t count_str(const char *s, const char *needle)
{
    size_t k = 0, l = strlen(needle);
    for (const char *p = strstr(s, needle); p != NULL; p = strstr(p + l, needle)) {
        k++;
    }
    return k;
}

typedef struct ref {
    const annals__tl_item *it;
    bool label;
} ref;

static int cmp_ref(const void *a, const void *b)
{
    const ref *x = a, *y = b;
    return x->it->box.x0 < y->it->box.x0 ? -1 : (x->it->box.x0 > y->it->box.x0 ? 1 : 0);
}

size_t timeline_overlaps(const annals__timeline *tl)
{
    ref *r = malloc((tl->n_items + 1) * sizeof *r);
    size_t n = 0, bad = 0;
    const double eps = 0.01;

    if (r == NULL) {
        return SIZE_MAX;
    }
    for (size_t i = 0; i < tl->n_items; i++) {
        const annals__tl_item *it = &tl->items[i];
        if (it->box.x0 < -eps || it->box.y0 < -eps || it->box.x1 > tl->width + eps ||
            it->box.y1 > tl->height + eps) {
            if (bad++ < 5) {
                fprintf(stderr, "item %zu (kind %d) off the page: [%.1f %.1f %.1f %.1f] page %.1f x %.1f\n",
                        i, (int)it->kind, it->box.x0, it->box.y0, it->box.x1, it->box.y1,
                        tl->width, tl->height);
            }
        }
        switch (it->kind) {
        case ANNALS_TL_TEXT:
            r[n].it = it;
            r[n++].label = true;
            break;
        case ANNALS_TL_MARK:
        case ANNALS_TL_BAR:
        case ANNALS_TL_DOT:
        case ANNALS_TL_AXIS:
        case ANNALS_TL_TICK:
        case ANNALS_TL_KEY:
        case ANNALS_TL_TAIL:
            r[n].it = it;
            r[n++].label = false;
            break;
        default:
            break;
        }
    }
    qsort(r, n, sizeof *r, cmp_ref);
    for (size_t i = 0; i < n; i++) {
        const annals__box *a = &r[i].it->box;
        for (size_t j = i + 1; j < n && r[j].it->box.x0 < a->x1 - eps; j++) {
            const annals__box *b = &r[j].it->box;
            if (!r[i].label && !r[j].label) {
                continue;
            }
            if (b->y0 < a->y1 - eps && a->y0 < b->y1 - eps && b->x1 > a->x0 + eps) {
                if (bad++ < 5) {
                    fprintf(stderr, "overlap: '%s' [%.1f %.1f %.1f %.1f] and '%s' [%.1f %.1f %.1f %.1f]\n",
                            r[i].it->text ? r[i].it->text : "(mark)", a->x0, a->y0, a->x1, a->y1,
                            r[j].it->text ? r[j].it->text : "(mark)", b->x0, b->y0, b->x1, b->y1);
                }
            }
        }
    }
    free(r);
    return bad;
}

/* ---------------------------------------------- relationship diagram SVG */

typedef struct svg_box {
    annals__box b;
    size_t owner; /* edge or node ordinal */
} svg_box;

static double attr_num(const char *tag, const char *end, const char *name, bool *ok)
{
    char pat[32];
    const char *p;
    snprintf(pat, sizeof pat, " %s=\"", name);
    p = strstr(tag, pat);
    if (p == NULL || p > end) {
        *ok = false;
        return 0.0;
    }
    return strtod(p + strlen(pat), NULL);
}

static bool push_box(svg_box **v, size_t *n, size_t *cap, annals__box b, size_t owner)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        svg_box *p = realloc(*v, nc * sizeof *p);
        if (p == NULL) {
            return false;
        }
        *v = p;
        *cap = nc;
    }
    (*v)[*n].b = b;
    (*v)[(*n)++].owner = owner;
    return true;
}

static bool boxes_meet(const annals__box *a, const annals__box *b, double tol)
{
    return a->x0 < b->x1 - tol && b->x0 < a->x1 - tol && a->y0 < b->y1 - tol &&
           b->y0 < a->y1 - tol;
}

size_t relations_label_overlaps(const char *svg, size_t *n_labels)
{
    svg_box *lab = NULL, *node = NULL;
    size_t nl = 0, cl = 0, nn = 0, cn = 0, bad = 0, edge = 0, nodes = 0;
    const char *p = svg;

    *n_labels = 0;
    while ((p = strstr(p, "<g id=\"")) != NULL) {
        const char *cls = strstr(p, "class=\""), *gend = strchr(p, '>');
        const char *next = strstr(p + 1, "\n<!--"); /* Graphviz comments each object */
        bool is_edge, is_node;
        if (cls == NULL || gend == NULL || cls > gend) {
            p++;
            continue;
        }
        /* an edge's own label (Graphviz engines) or our pinned label node */
        is_edge = strncmp(cls, "class=\"edge\"", 12) == 0 ||
                  strncmp(cls, "class=\"node edgelabel\"", 22) == 0;
        is_node = strncmp(cls, "class=\"node actor", 17) == 0;
        if (next == NULL) {
            next = svg + strlen(svg);
        }
        if (is_edge) {
            /* every <text> of the edge is a line of its label */
            for (const char *t = strstr(gend, "<text "); t != NULL && t < next;
                 t = strstr(t + 1, "<text ")) {
                const char *te = strchr(t, '>'), *close = te ? strstr(te, "</text>") : NULL;
                bool ok = true;
                double x = attr_num(t, te, "x", &ok), y = attr_num(t, te, "y", &ok);
                double fs = attr_num(t, te, "font-size", &ok), w;
                char plain[512];
                size_t k = 0;
                if (te == NULL || close == NULL || !ok) {
                    break;
                }
                for (const char *c = te + 1; c < close && k + 1 < sizeof plain; c++) {
                    if (*c == '&') {
                        const char *semi = strchr(c, ';');
                        c = semi != NULL && semi < close ? semi : c;
                        plain[k++] = 'x';
                    } else {
                        plain[k++] = *c;
                    }
                }
                w = annals__text_width(plain, k, fs, false);
                if (!push_box(&lab, &nl, &cl,
                              (annals__box){x - w / 2.0, y - fs * 0.8, x + w / 2.0, y + fs * 0.25},
                              edge)) {
                    bad++;
                }
                (*n_labels)++;
            }
            edge++;
        } else if (is_node) {
            const char *sh = strstr(gend, "<ellipse");
            const char *pg = strstr(gend, "<polygon");
            const char *pa = strstr(gend, "<path");
            annals__box b = {1e300, 1e300, -1e300, -1e300};
            bool ok = true;
            if (sh != NULL && sh < next) {
                const char *se = strchr(sh, '>');
                double cx = attr_num(sh, se, "cx", &ok), cy = attr_num(sh, se, "cy", &ok);
                double rx = attr_num(sh, se, "rx", &ok), ry = attr_num(sh, se, "ry", &ok);
                b = (annals__box){cx - rx, cy - ry, cx + rx, cy + ry};
            } else if ((pg != NULL && pg < next) || (pa != NULL && pa < next)) {
                /* polygon points="x,y x,y ..." or a rounded box's path "Mx,y C..." */
                const char *q = pg != NULL && pg < next ? strstr(pg, "points=\"")
                                                         : strstr(pa, " d=\"");
                const char *qe = q != NULL ? strchr(q + 5, '"') : NULL;
                q = q != NULL ? strchr(q, '"') + 1 : NULL;
                while (q != NULL && q < qe) {
                    char *e1, *e2;
                    double x, y;
                    while (q < qe && !((*q >= '0' && *q <= '9') || *q == '-' || *q == '.')) {
                        q++;
                    }
                    x = strtod(q, &e1);
                    if (e1 == q || *e1 != ',') {
                        break;
                    }
                    y = strtod(e1 + 1, &e2);
                    b.x0 = x < b.x0 ? x : b.x0;
                    b.x1 = x > b.x1 ? x : b.x1;
                    b.y0 = y < b.y0 ? y : b.y0;
                    b.y1 = y > b.y1 ? y : b.y1;
                    q = e2;
                }
            }
            if (ok && b.x0 <= b.x1 && !push_box(&node, &nn, &cn, b, nodes)) {
                bad++;
            }
            nodes++;
        }
        p = gend;
    }
    for (size_t i = 0; i < nl; i++) {
        for (size_t j = i + 1; j < nl; j++) {
            /* 1 pt: the boxes are estimated from the baseline, Graphviz's
             * own are 1.2 x the font size per line */
            if (lab[i].owner != lab[j].owner && boxes_meet(&lab[i].b, &lab[j].b, 1.0)) {
                if (bad++ < 5) {
                    fprintf(stderr, "edge labels meet: [%.1f %.1f %.1f %.1f] [%.1f %.1f %.1f %.1f]\n",
                            lab[i].b.x0, lab[i].b.y0, lab[i].b.x1, lab[i].b.y1, lab[j].b.x0,
                            lab[j].b.y0, lab[j].b.x1, lab[j].b.y1);
                }
            }
        }
        for (size_t j = 0; j < nn; j++) {
            if (boxes_meet(&lab[i].b, &node[j].b, 1.0)) {
                if (bad++ < 5) {
                    fprintf(stderr, "edge label meets a node: [%.1f %.1f %.1f %.1f] [%.1f %.1f %.1f %.1f]\n",
                            lab[i].b.x0, lab[i].b.y0, lab[i].b.x1, lab[i].b.y1, node[j].b.x0,
                            node[j].b.y0, node[j].b.x1, node[j].b.y1);
                }
            }
        }
    }
    free(lab);
    free(node);
    return bad;
}
