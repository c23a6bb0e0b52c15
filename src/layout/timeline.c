/* SPDX-License-Identifier: MIT */
/*
 * layout/timeline.c - the timeline view, laid out by our own code and drawn
 * by Graphviz with every node pinned (engine nop2 = neato -n2).
 *
 * Page, top to bottom: title, legend, one lane per main actor (ranked by
 * the number of kept events they take part in; the rest share "other"),
 * the time axis, the undated band. Inside a lane: label rows, the mark
 * line (point events), range-bar rows (events whose date is an interval).
 *
 * Time axis: dated events are cut into "pieces" of time; stretches without
 * events longer than max(21 days, span/40) are collapsed into a break drawn
 * on the axis with the length of the gap. Intervals of a month or longer
 * that overlap a piece are drawn (clipped) over it and never widen it;
 * those that overlap none get a piece of their own. Each piece has its own
 * linear scale and ticks at the granularity its scale allows (days, weeks,
 * months, quarters, years, decades).
 *
 * Labels: one row above the mark line per lane at first, more rows as
 * needed (greedy first fit, at most TL_ROWS rows), so no two label boxes
 * intersect, none touches a mark (marks sit below the rows) or the axis
 * (below every lane). A label that finds no row is left out; its mark
 * keeps the tooltip. Widths come from DejaVu Sans metrics (font_metrics.h).
 *
 * Cost: one sort of the dated events; everything else is linear.
 */
#include "layout/gv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TL_MARGIN 18.0
#define TL_MAX_LANES 8
#define TL_ROWS 6
#define TL_ROW_H 14.0
#define TL_LABEL_FONT 9.0
#define TL_LABEL_MAXW 230.0
#define TL_MARK 9.0
#define TL_MARK_BAND 18.0
#define TL_BAR_H 6.0
#define TL_BAR_ROW 9.0
#define TL_BAR_ROWS 3
#define TL_BREAK_W 38.0
#define TL_PPD 34.0 /* points per day, natural scale of short pieces */
#define TL_GAP 6.0  /* between label boxes in a row */
#define TL_UND_STEP 40.0  /* undated band: closest spacing before it wraps */
#define TL_TAIL_STEPS 3   /* a cut bar continues as 3 fading steps ... */
#define TL_TAIL_W 3.0     /* ... each 3 pt wide ... */
#define TL_TAIL_SKIP 1.5  /* ... 1.5 pt apart (13.5 pt, inside the 38 pt break) */

enum { LANE_NONE = -1 };

typedef struct tl_ev {
    uint32_t ev;          /* corpus event index */
    size_t order;         /* position in graph->events */
    int32_t d0, d1;       /* inclusive day bounds; ANNALS__NO_DAY if undated */
    bool bar;             /* an interval longer than a day */
    int lane;             /* primary lane (or the undated band) */
    double x, xa, xb;     /* mark centre / bar extent */
    int label_row;        /* -1 = no label */
    int bar_row;
    annals__box label;    /* relative to the lane's mark line (y) */
    char *text;           /* label text (malloc'd) */
} tl_ev;

typedef struct tl_piece {
    int32_t d0, d1;       /* inclusive days */
    bool vague;
    double nat, w, x0, x1;
} tl_piece;

typedef struct tl_lane {
    char *name;
    int rows, bar_rows;
    double top, mark_y, bottom;
    size_t first, n;      /* range in the per-lane event order */
} tl_lane;

/* ----------------------------------------------------------- item arrays */

static size_t push_item(annals__timeline *tl, annals__tl_kind kind, double x0, double y0,
                        double x1, double y1)
{
    annals__tl_item *it;
    if (tl->n_items == tl->cap_items) {
        size_t cap = tl->cap_items ? tl->cap_items * 2 : 256;
        annals__tl_item *p = realloc(tl->items, cap * sizeof *p);
        if (p == NULL) {
            return SIZE_MAX;
        }
        tl->items = p;
        tl->cap_items = cap;
    }
    it = &tl->items[tl->n_items];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->box.x0 = x0;
    it->box.y0 = y0;
    it->box.x1 = x1;
    it->box.y1 = y1;
    it->event = -1;
    it->quad = -1;
    it->modality = -1;
    return tl->n_items++;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p != NULL) {
        memcpy(p, s, n);
    }
    return p;
}

static size_t push_text(annals__timeline *tl, const char *text, double x, double y,
                        double font, unsigned flags, bool centre)
{
    bool bold = (flags & ANNALS_TL_BOLD) != 0;
    double w = annals__text_width(text, strlen(text), font, bold) + 4.0;
    double h = font * 1.3;
    double x0 = centre ? x - w / 2.0 : x;
    size_t i = push_item(tl, ANNALS_TL_TEXT, x0, y - h / 2.0, x0 + w, y + h / 2.0);
    if (i != SIZE_MAX) {
        tl->items[i].text = dup_str(text);
        tl->items[i].font = font;
        tl->items[i].flags = flags;
        if (tl->items[i].text == NULL) {
            tl->n_items--;
            return SIZE_MAX;
        }
    }
    return i;
}

static bool push_line(annals__timeline *tl, size_t a, size_t b, annals__tl_line_kind kind)
{
    if (tl->n_lines == tl->cap_lines) {
        size_t cap = tl->cap_lines ? tl->cap_lines * 2 : 256;
        annals__tl_line *p = realloc(tl->lines, cap * sizeof *p);
        if (p == NULL) {
            return false;
        }
        tl->lines = p;
        tl->cap_lines = cap;
    }
    tl->lines[tl->n_lines].a = a;
    tl->lines[tl->n_lines].b = b;
    tl->lines[tl->n_lines].kind = kind;
    tl->n_lines++;
    return true;
}

void annals__timeline_free(annals__timeline *tl)
{
    if (tl == NULL) {
        return;
    }
    for (size_t i = 0; i < tl->n_items; i++) {
        free(tl->items[i].text);
    }
    free(tl->items);
    free(tl->lines);
    free(tl);
}

/* ------------------------------------------------------------------ axis */

static int cmp_ev(const void *a, const void *b)
{
    const tl_ev *x = a, *y = b;
    if (x->d0 != y->d0) {
        return x->d0 < y->d0 ? -1 : 1;
    }
    if (x->d1 != y->d1) {
        return x->d1 < y->d1 ? -1 : 1;
    }
    return x->order < y->order ? -1 : (x->order > y->order ? 1 : 0);
}

/* Index of the piece containing day d (d0 <= d <= d1 + 1), else of the last
 * piece starting at or before d, else -1. */
static long find_piece(const tl_piece *p, size_t n, int32_t d)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p[mid].d0 <= d) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return (long)lo - 1;
}

/* x of the start of day d (plus frac of it); clip decides what a day in a
 * gap maps to: start of the next piece (>0) or end of the previous (<0). */
static double day_x(const tl_piece *p, size_t n, int32_t d, double frac, int clip)
{
    long k = find_piece(p, n, d);
    const tl_piece *q;
    double span;

    if (k < 0) {
        return p[0].x0;
    }
    q = &p[k];
    if (d > q->d1 + 1 || (d == q->d1 + 1 && frac > 0.0)) {
        if (clip > 0 && (size_t)k + 1 < n) {
            return p[k + 1].x0;
        }
        return q->x1;
    }
    span = (double)(q->d1 + 1 - q->d0);
    return q->x0 + ((double)(d - q->d0) + frac) * q->w / span;
}

static annals_status build_pieces(tl_piece **out, size_t *n_out, tl_ev *evs, size_t n_dated,
                                  double *total_w)
{
    tl_piece *p = NULL, *v = NULL, *all = NULL;
    size_t np = 0, nv = 0, na = 0;
    int32_t lo = INT32_MAX, hi = INT32_MIN, gap;
    double sum = 0.0, target, f = 1.0;

    *out = NULL;
    *n_out = 0;
    *total_w = 0.0;
    if (n_dated == 0) {
        return ANNALS_OK;
    }
    p = calloc(n_dated, sizeof *p);
    v = calloc(n_dated, sizeof *v);
    if (p == NULL || v == NULL) {
        goto oom;
    }
    for (size_t i = 0; i < n_dated; i++) {
        if (evs[i].d1 - evs[i].d0 <= 13) {
            lo = evs[i].d0 < lo ? evs[i].d0 : lo;
            hi = evs[i].d1 > hi ? evs[i].d1 : hi;
        }
    }
    gap = 21;
    if (lo <= hi && (hi - lo) / 40 > gap) {
        gap = (hi - lo) / 40;
    }
    /* precise pieces (evs is sorted by start) */
    for (size_t i = 0; i < n_dated; i++) {
        if (evs[i].d1 - evs[i].d0 > 13) {
            continue;
        }
        if (np > 0 && evs[i].d0 <= p[np - 1].d1 + gap) {
            if (evs[i].d1 > p[np - 1].d1) {
                p[np - 1].d1 = evs[i].d1;
            }
        } else {
            p[np].d0 = evs[i].d0;
            p[np].d1 = evs[i].d1;
            np++;
        }
    }
    /* vague intervals that overlap no precise piece get pieces of their own */
    for (size_t i = 0; i < n_dated; i++) {
        long k;
        bool overlaps = false;
        if (evs[i].d1 - evs[i].d0 <= 13) {
            continue;
        }
        k = find_piece(p, np, evs[i].d1);
        if (k >= 0 && p[k].d1 >= evs[i].d0) {
            overlaps = true;
        }
        if (overlaps) {
            continue;
        }
        if (nv > 0 && evs[i].d0 <= v[nv - 1].d1 + 1) {
            if (evs[i].d1 > v[nv - 1].d1) {
                v[nv - 1].d1 = evs[i].d1;
            }
        } else {
            v[nv].d0 = evs[i].d0;
            v[nv].d1 = evs[i].d1;
            v[nv].vague = true;
            nv++;
        }
    }
    all = calloc(np + nv, sizeof *all);
    if (all == NULL) {
        goto oom;
    }
    for (size_t i = 0, j = 0; i < np || j < nv;) {
        if (j >= nv || (i < np && p[i].d0 <= v[j].d0)) {
            all[na++] = p[i++];
        } else {
            all[na++] = v[j++];
        }
    }
    /* widths: natural scale, then one factor so the total fits the budget */
    for (size_t i = 0; i < na; i++) {
        all[i].nat = all[i].vague ? 150.0 : (double)(all[i].d1 - all[i].d0 + 1) * TL_PPD;
        sum += all[i].vague ? 150.0 : (all[i].nat > 70.0 ? all[i].nat : 70.0);
    }
    {
        double tmin = 780.0, tmax = 18.0 * (double)n_dated;
        tmax = tmax < 1100.0 ? 1100.0 : (tmax > 60000.0 ? 60000.0 : tmax);
        target = sum < tmin ? tmin : (sum > tmax ? tmax : sum);
    }
    if (fabs(sum - target) > 0.5) {
        double a = 1e-6, b = 1e6;
        for (int it = 0; it < 80; it++) {
            double m = sqrt(a * b), s = 0.0;
            for (size_t i = 0; i < na; i++) {
                double w = all[i].vague ? 150.0 : all[i].nat * m;
                s += all[i].vague ? w : (w > 70.0 ? w : 70.0);
            }
            if (s < target) {
                a = m;
            } else {
                b = m;
            }
        }
        f = sqrt(a * b);
    }
    sum = 0.0;
    for (size_t i = 0; i < na; i++) {
        double w = all[i].vague ? 150.0 : all[i].nat * f;
        all[i].w = all[i].vague ? w : (w > 70.0 ? w : 70.0);
        all[i].x0 = sum;
        all[i].x1 = sum + all[i].w;
        sum = all[i].x1 + (i + 1 < na ? TL_BREAK_W : 0.0);
    }
    free(p);
    free(v);
    *out = all;
    *n_out = na;
    *total_w = sum;
    return ANNALS_OK;
oom:
    free(p);
    free(v);
    free(all);
    return ANNALS_ENOMEM;
}

/* --------------------------------------------------------------- ticks */

static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

typedef enum unit { U_DAY, U_WEEK, U_MONTH, U_QUARTER, U_YEAR, U_Y2, U_Y5, U_Y10, U_Y50 } unit;

static const double unit_days[] = {1, 7, 30.44, 91.3, 365.25, 730.5, 1826, 3652, 18262};

static int32_t next_tick(unit u, int32_t d, bool first)
{
    int y, m, dd;
    annals__civil_from_days(d, &y, &m, &dd);
    switch (u) {
    case U_DAY:
        return first ? d : d + 1;
    case U_WEEK: {
        int wd = annals__weekday(d);
        if (first) {
            return wd == 0 ? d : d + (7 - wd);
        }
        return d + 7;
    }
    case U_MONTH:
    case U_QUARTER: {
        int step = u == U_MONTH ? 1 : 3;
        if (first && dd == 1 && (m - 1) % step == 0) {
            return d;
        }
        m = ((m - 1) / step) * step + 1 + step;
        if (m > 12) {
            m -= 12;
            y++;
        }
        return annals__days_from_civil(y, m, 1);
    }
    default: {
        int k = u == U_YEAR ? 1 : u == U_Y2 ? 2 : u == U_Y5 ? 5 : u == U_Y10 ? 10 : 50;
        int ny;
        if (first && dd == 1 && m == 1 && y % k == 0) {
            return d;
        }
        ny = y - (((y % k) + k) % k) + k;
        return annals__days_from_civil(ny, 1, 1);
    }
    }
}

static void tick_text(unit u, int32_t d, bool first, char *buf, size_t cap)
{
    int y, m, dd;
    annals__civil_from_days(d, &y, &m, &dd);
    if (u <= U_WEEK) {
        snprintf(buf, cap, "%d %s", dd, mon[m - 1]);
    } else if (u <= U_QUARTER) {
        if (first || m == 1) {
            snprintf(buf, cap, "%s %d", mon[m - 1], y);
        } else {
            snprintf(buf, cap, "%s", mon[m - 1]);
        }
    } else {
        snprintf(buf, cap, "%d", y);
    }
}

static void piece_caption(const tl_piece *p, char *buf, size_t cap)
{
    int y0, m0, d0, y1, m1, d1;
    annals__civil_from_days(p->d0, &y0, &m0, &d0);
    annals__civil_from_days(p->d1, &y1, &m1, &d1);
    if (p->d0 == p->d1) {
        snprintf(buf, cap, "%d %s %d", d0, mon[m0 - 1], y0);
    } else if (y0 != y1) {
        if (p->vague && m0 == 1 && d0 == 1 && m1 == 12 && d1 == 31) {
            snprintf(buf, cap, "%d\xE2\x80\x93%d", y0, y1);
        } else {
            snprintf(buf, cap, "%s %d \xE2\x80\x93 %s %d", mon[m0 - 1], y0, mon[m1 - 1], y1);
        }
    } else if (p->vague && m0 == 1 && d0 == 1 && m1 == 12 && d1 == 31) {
        snprintf(buf, cap, "%d", y0);
    } else if (m0 != m1) {
        snprintf(buf, cap, "%d %s \xE2\x80\x93 %d %s %d", d0, mon[m0 - 1], d1, mon[m1 - 1], y1);
    } else {
        snprintf(buf, cap, "%d\xE2\x80\x93%d %s %d", d0, d1, mon[m1 - 1], y1);
    }
}

static void gap_text(int32_t days, char *buf, size_t cap)
{
    if (days < 60) {
        snprintf(buf, cap, "%ld days", (long)days);
    } else if (days < 730) {
        snprintf(buf, cap, "%ld mo", lround((double)days / 30.44));
    } else {
        snprintf(buf, cap, "%ld yr", lround((double)days / 365.25));
    }
}

/* Axis, ticks, tick labels, captions and breaks below y. Returns the y
 * under the last row. */
static annals_status emit_axis(annals__timeline *tl, const tl_piece *pc, size_t np, double ox,
                               double y, double *y_out)
{
    double y_lab = y + 14.0, y_cap = y + 30.0;
    double last_lab = -1e300, last_cap = -1e300;
    char buf[96];

    for (size_t k = 0; k < np; k++) {
        const tl_piece *p = &pc[k];
        double ppd = p->w / (double)(p->d1 + 1 - p->d0);
        unit u = U_Y50;
        size_t ai;
        char last_tick[96];
        last_tick[0] = '\0';

        ai = push_item(tl, ANNALS_TL_AXIS, ox + p->x0, y - 0.7, ox + p->x1, y + 0.7);
        if (ai == SIZE_MAX) {
            return ANNALS_ENOMEM;
        }
        for (int c = U_DAY; c <= U_Y50; c++) {
            double need = c <= U_WEEK ? 40.0 : c <= U_QUARTER ? 34.0 : 30.0;
            if (c == U_QUARTER) {
                need = 52.0;
            }
            if (unit_days[c] * ppd >= need) {
                u = (unit)c;
                break;
            }
        }
        /* minor day ticks under weekly labels */
        if (u == U_WEEK && ppd >= 3.0) {
            for (int32_t d = p->d0; d <= p->d1 + 1; d++) {
                double x = ox + day_x(pc, np, d, 0.0, 1);
                if (push_item(tl, ANNALS_TL_TICK, x - 0.3, y, x + 0.3, y + 2.5) == SIZE_MAX) {
                    return ANNALS_ENOMEM;
                }
            }
        }
        for (int32_t d = next_tick(u, p->d0, true); d <= p->d1 + 1; d = next_tick(u, d, false)) {
            double x = ox + (d == p->d1 + 1 ? p->x1 : day_x(pc, np, d, 0.0, 1));
            int32_t nd = next_tick(u, d, false);
            bool centred = (u == U_DAY || u == U_MONTH || u == U_QUARTER || u == U_YEAR);
            double lx, w;
            if (push_item(tl, ANNALS_TL_TICK, x - 0.4, y, x + 0.4, y + 5.0) == SIZE_MAX) {
                return ANNALS_ENOMEM;
            }
            if (d == p->d1 + 1 && centred) {
                break; /* the end edge names no interval */
            }
            tick_text(u, d, d == next_tick(u, p->d0, true), buf, sizeof buf);
            w = annals__text_width(buf, strlen(buf), 8.5, false) + 4.0;
            if (centred) {
                double xe = nd > p->d1 + 1 ? ox + p->x1 : ox + day_x(pc, np, nd, 0.0, -1);
                if (xe - x < w && d == next_tick(u, p->d0, true) && xe - x < w * 0.8) {
                    continue;
                }
                lx = (x + xe) / 2.0;
            } else {
                lx = x;
            }
            if (lx - w / 2.0 < last_lab + 4.0 || lx - w / 2.0 < ox + p->x0 - TL_BREAK_W / 2.0 ||
                lx + w / 2.0 > ox + p->x1 + TL_BREAK_W / 2.0) {
                continue;
            }
            if (push_text(tl, buf, lx, y_lab, 8.5, ANNALS_TL_MUTED, true) == SIZE_MAX) {
                return ANNALS_ENOMEM;
            }
            last_lab = lx + w / 2.0;
            memcpy(last_tick, buf, sizeof last_tick);
        }
        /* caption under the piece */
        piece_caption(p, buf, sizeof buf);
        {
            double w = annals__text_width(buf, strlen(buf), 8.5, true) + 4.0;
            double cx = ox + (p->x0 + p->x1) / 2.0;
            if (cx - w / 2.0 >= last_cap + 6.0 && strcmp(buf, last_tick) != 0) {
                if (push_text(tl, buf, cx, y_cap, 8.5, ANNALS_TL_BOLD | ANNALS_TL_MUTED, true) ==
                    SIZE_MAX) {
                    return ANNALS_ENOMEM;
                }
                last_cap = cx + w / 2.0;
            }
        }
        /* the break after this piece */
        if (k + 1 < np) {
            double bx = ox + p->x1 + TL_BREAK_W / 2.0;
            size_t a, b, c, d, br;
            br = push_item(tl, ANNALS_TL_BREAK, ox + p->x1, y - 6.0, ox + pc[k + 1].x0, y + 6.0);
            a = push_item(tl, ANNALS_TL_POINT, bx - 6.0, y + 5.0, bx - 6.0, y + 5.0);
            b = push_item(tl, ANNALS_TL_POINT, bx - 1.0, y - 5.0, bx - 1.0, y - 5.0);
            c = push_item(tl, ANNALS_TL_POINT, bx + 1.0, y + 5.0, bx + 1.0, y + 5.0);
            d = push_item(tl, ANNALS_TL_POINT, bx + 6.0, y - 5.0, bx + 6.0, y - 5.0);
            if (br == SIZE_MAX || a == SIZE_MAX || b == SIZE_MAX || c == SIZE_MAX ||
                d == SIZE_MAX || !push_line(tl, a, b, ANNALS_TL_RULE) ||
                !push_line(tl, c, d, ANNALS_TL_RULE)) {
                return ANNALS_ENOMEM;
            }
            gap_text(pc[k + 1].d0 - p->d1 - 1, buf, sizeof buf);
            {
                double w = annals__text_width(buf, strlen(buf), 8.0, false) + 4.0;
                if (bx - w / 2.0 >= last_cap + 6.0) {
                    size_t t = push_text(tl, buf, bx, y_cap, 8.0,
                                         ANNALS_TL_MUTED | ANNALS_TL_SMALL, true);
                    if (t == SIZE_MAX) {
                        return ANNALS_ENOMEM;
                    }
                    last_cap = bx + w / 2.0;
                }
            }
        }
    }
    *y_out = y_cap + 10.0;
    return ANNALS_OK;
}

/* ---------------------------------------------------------------- labels */

static annals_status make_label(tl_ev *e, const annals__cevent *ev)
{
    char date[96];
    const char *lab = ev->label != NULL && ev->label[0] != '\0' ? ev->label
                      : ev->type != NULL ? ev->type : ev->code;
    size_t ll = strlen(lab), dl = 0, cut_len;
    bool cut = false;
    double dw = 0.0;

    date[0] = '\0';
    if (e->bar) {
        annals__event_date_text(ev, date, sizeof date);
        dl = strlen(date);
        memcpy(date + dl, ": ", 3);
        dl += 2;
        dw = annals__text_width(date, dl, TL_LABEL_FONT, false);
    }
    cut_len = annals__fit_text(lab, ll, TL_LABEL_MAXW - dw, TL_LABEL_FONT, false, &cut);
    e->text = malloc(dl + cut_len + 4);
    if (e->text == NULL) {
        return ANNALS_ENOMEM;
    }
    memcpy(e->text, date, dl);
    memcpy(e->text + dl, lab, cut_len);
    if (cut) {
        memcpy(e->text + dl + cut_len, "\xE2\x80\xA6", 3);
        cut_len += 3;
    }
    e->text[dl + cut_len] = '\0';
    /* replace control bytes (the text goes to Graphviz escaped later) */
    for (char *q = e->text; *q != '\0'; q++) {
        if ((unsigned char)*q < 0x20 || *q == 0x7F) {
            *q = ' ';
        }
    }
    return ANNALS_OK;
}

/* Greedy first-fit rows for the labels of one lane (events in x order). */
static void place_labels(tl_ev **lane_evs, size_t n, double right_limit, int *rows_used)
{
    double last[TL_ROWS];
    int used = 0;
    for (int r = 0; r < TL_ROWS; r++) {
        last[r] = -1e300;
    }
    for (size_t i = 0; i < n; i++) {
        tl_ev *e = lane_evs[i];
        double w = annals__text_width(e->text, strlen(e->text), TL_LABEL_FONT, false) + 4.0;
        double x0 = e->x - 2.0, x1 = x0 + w;
        e->label_row = -1;
        if (x1 > right_limit) {
            x1 = e->x + 2.0;
            x0 = x1 - w;
        }
        for (int r = 0; r < TL_ROWS; r++) {
            if (last[r] + TL_GAP <= x0) {
                e->label_row = r;
                last[r] = x1;
                e->label.x0 = x0;
                e->label.x1 = x1;
                if (r + 1 > used) {
                    used = r + 1;
                }
                break;
            }
        }
    }
    *rows_used = used;
}

static void place_bars(tl_ev **lane_evs, size_t n, int *rows_used)
{
    double last[TL_BAR_ROWS];
    int used = 0;
    for (int r = 0; r < TL_BAR_ROWS; r++) {
        last[r] = -1e300;
    }
    for (size_t i = 0; i < n; i++) {
        tl_ev *e = lane_evs[i];
        int best = 0;
        if (!e->bar) {
            continue;
        }
        for (int r = 0; r < TL_BAR_ROWS; r++) {
            if (last[r] + 2.0 <= e->xa) {
                best = r;
                goto found;
            }
            if (last[r] < last[best]) {
                best = r;
            }
        }
found:
        e->bar_row = best;
        last[best] = e->xb;
        if (best + 1 > used) {
            used = best + 1;
        }
    }
    *rows_used = used;
}

/* ---------------------------------------------------------------- lanes */

typedef struct lane_rank {
    uint32_t entity;
    uint32_t count;
} lane_rank;

static int cmp_rank(const void *a, const void *b)
{
    const lane_rank *x = a, *y = b;
    if (x->count != y->count) {
        return x->count > y->count ? -1 : 1;
    }
    return x->entity < y->entity ? -1 : (x->entity > y->entity ? 1 : 0);
}

static const annals__idlist *role_list(const annals__cevent *ev, int r)
{
    return r == 0 ? &ev->source : r == 1 ? &ev->target : &ev->participants;
}

/* ---------------------------------------------------------------- layout */

annals_status annals__timeline_layout(annals__timeline **out, const annals_graph *graph,
                                      annals_error *err)
{
    const annals_corpus *c = graph->corpus;
    size_t n_ent = c->entities.n, n = graph->n_events, n_dated = 0, n_und = 0;
    annals__timeline *tl = NULL;
    tl_ev *evs = NULL;
    tl_ev **by_lane = NULL;
    uint32_t *count = NULL, *seen = NULL;
    int *lane_of = NULL;
    lane_rank *rank = NULL;
    size_t n_rank = 0, n_lanes = 0, other = 0, und_lane = 0, total_lanes = 0;
    tl_lane *lanes = NULL;
    tl_piece *pc = NULL;
    size_t np = 0;
    double axis_w = 0.0, gutter = 0.0, und_right = 0.0, und_avail, ox, y, page_w;
    size_t und_per_row, und_rows;
    bool other_used = false;
    annals_status rc = ANNALS_ENOMEM;
    char buf[160];

    *out = NULL;
    tl = calloc(1, sizeof *tl);
    evs = calloc(n ? n : 1, sizeof *evs);
    count = calloc(n_ent ? n_ent : 1, sizeof *count);
    seen = calloc(n_ent ? n_ent : 1, sizeof *seen);
    lane_of = malloc((n_ent ? n_ent : 1) * sizeof *lane_of);
    rank = calloc(n_ent ? n_ent : 1, sizeof *rank);
    if (tl == NULL || evs == NULL || count == NULL || seen == NULL || lane_of == NULL ||
        rank == NULL) {
        goto done;
    }
    /* involvement per actor, each event counted once per actor */
    for (size_t i = 0; i < n; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, graph->events[i]);
        for (int r = 0; r < 3; r++) {
            const annals__idlist *l = role_list(ev, r);
            for (size_t j = 0; j < l->n; j++) {
                uint32_t a = l->ids[j];
                if (a < n_ent && seen[a] != i + 1) {
                    seen[a] = (uint32_t)(i + 1);
                    count[a]++;
                }
            }
        }
    }
    for (size_t a = 0; a < n_ent; a++) {
        lane_of[a] = LANE_NONE;
        if (count[a] > 0 && ANNALS__CENTITY(c, a)->kind != ANNALS_ENTITY_PLACE) {
            rank[n_rank].entity = (uint32_t)a;
            rank[n_rank].count = count[a];
            n_rank++;
        }
    }
    qsort(rank, n_rank, sizeof *rank, cmp_rank);
    n_lanes = n_rank < TL_MAX_LANES ? n_rank : TL_MAX_LANES;
    /* with a crowd, an actor needs two events for a lane of its own */
    while (n_rank > TL_MAX_LANES && n_lanes > 1 && rank[n_lanes - 1].count < 2) {
        n_lanes--;
    }
    for (size_t k = 0; k < n_lanes; k++) {
        lane_of[rank[k].entity] = (int)k;
    }
    other = n_lanes;          /* "other" lane index */
    und_lane = n_lanes + 1;   /* undated band: its first row */
    /* events: dated first (sorted), then undated in narrative order */
    for (size_t i = 0; i < n; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, graph->events[i]);
        if (ev->earliest != ANNALS__NO_DAY && ev->latest != ANNALS__NO_DAY &&
            ev->latest >= ev->earliest) {
            n_dated++;
        }
    }
    for (size_t i = 0, jd = 0, ju = n_dated; i < n; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, graph->events[i]);
        bool dated = ev->earliest != ANNALS__NO_DAY && ev->latest != ANNALS__NO_DAY &&
                     ev->latest >= ev->earliest;
        tl_ev *e = &evs[dated ? jd++ : ju++];
        int best = INT32_MAX;
        e->ev = graph->events[i];
        e->order = i;
        e->d0 = dated ? ev->earliest : ANNALS__NO_DAY;
        e->d1 = dated ? ev->latest : ANNALS__NO_DAY;
        e->bar = dated && ev->latest > ev->earliest;
        e->label_row = -1;
        for (int r = 0; r < 3 && best == INT32_MAX; r++) {
            const annals__idlist *l = role_list(ev, r);
            for (size_t j = 0; j < l->n; j++) {
                if (l->ids[j] < n_ent && lane_of[l->ids[j]] != LANE_NONE &&
                    lane_of[l->ids[j]] < best) {
                    best = lane_of[l->ids[j]];
                }
            }
        }
        e->lane = !dated ? (int)und_lane : best == INT32_MAX ? (int)other : best;
        for (int r = 0; r < 3 && dated && !other_used; r++) {
            const annals__idlist *l = role_list(ev, r);
            for (size_t j = 0; j < l->n; j++) {
                uint32_t a = l->ids[j];
                if (a < n_ent && lane_of[a] == LANE_NONE &&
                    ANNALS__CENTITY(c, a)->kind != ANNALS_ENTITY_PLACE) {
                    other_used = true;
                }
            }
        }
    }
    n_und = n - n_dated;
    qsort(evs, n_dated, sizeof *evs, cmp_ev);
    rc = build_pieces(&pc, &np, evs, n_dated, &axis_w);
    if (rc < 0) {
        goto done;
    }
    rc = ANNALS_ENOMEM;
    /* The undated band wraps into rows as wide as the axis (at least 600 pt),
     * TL_UND_STEP or more apart, rather than growing wider than the page. */
    und_avail = (axis_w > 600.0 ? axis_w : 600.0) - 16.0;
    und_per_row = (size_t)(und_avail / TL_UND_STEP);
    und_per_row = und_per_row < 1 ? 1 : und_per_row;
    und_rows = n_und > 0 ? (n_und + und_per_row - 1) / und_per_row : 1;
    total_lanes = n_lanes + 1 + und_rows;
    lanes = calloc(total_lanes, sizeof *lanes);
    if (lanes == NULL) {
        goto done;
    }
    /* lane names and the gutter */
    for (size_t k = 0; k < total_lanes; k++) {
        const char *nm = k < n_lanes ? ANNALS__CENTITY(c, rank[k].entity)->name
                         : k == other ? "other actors" : k == und_lane ? "undated" : "";
        size_t len = strlen(nm);
        bool cut;
        size_t fit = annals__fit_text(nm, len, 150.0, 10.0, true, &cut);
        lanes[k].name = malloc(fit + 4);
        if (lanes[k].name == NULL) {
            goto done;
        }
        memcpy(lanes[k].name, nm, fit);
        if (cut) {
            memcpy(lanes[k].name + fit, "\xE2\x80\xA6", 3);
            fit += 3;
        }
        lanes[k].name[fit] = '\0';
        for (char *q = lanes[k].name; *q != '\0'; q++) {
            if ((unsigned char)*q < 0x20 || *q == 0x7F) {
                *q = ' ';
            }
        }
        {
            double w = annals__text_width(lanes[k].name, fit, 10.0, true);
            gutter = w > gutter ? w : gutter;
        }
    }
    ox = TL_MARGIN + gutter + 24.0;
    /* undated band: narrative order, evenly spaced */
    {
        size_t in_row = n_und < und_per_row ? n_und : und_per_row;
        double step = in_row > 0 ? und_avail / (double)in_row : 0.0;
        step = step > 150.0 ? 150.0 : step;
        for (size_t i = 0; i < n_und; i++) {
            tl_ev *e = &evs[n_dated + i];
            e->lane = (int)(und_lane + i / und_per_row);
            e->x = 8.0 + step * ((double)(i % und_per_row) + 0.5);
            e->xa = e->xb = e->x;
            und_right = e->x + 8.0 > und_right ? e->x + 8.0 : und_right;
        }
    }
    /* x of dated events (axis-relative) */
    for (size_t i = 0; i < n_dated; i++) {
        tl_ev *e = &evs[i];
        if (e->bar) {
            e->xa = day_x(pc, np, e->d0, 0.0, 1);
            e->xb = day_x(pc, np, e->d1 + 1, 0.0, -1);
            if (e->xb < e->xa + 4.0) {
                e->xb = e->xa + 4.0;
            }
            e->x = (e->xa + e->xb) / 2.0;
        } else {
            e->x = day_x(pc, np, e->d0, 0.5, 1);
            e->xa = e->xb = e->x;
        }
    }
    /* group by lane (counting sort keeps x order) */
    by_lane = malloc((n ? n : 1) * sizeof *by_lane);
    if (by_lane == NULL) {
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        lanes[evs[i].lane].n++;
    }
    for (size_t k = 0, acc = 0; k < total_lanes; k++) {
        lanes[k].first = acc;
        acc += lanes[k].n;
        lanes[k].n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        tl_lane *ln = &lanes[evs[i].lane];
        by_lane[ln->first + ln->n++] = &evs[i];
    }
    page_w = axis_w > und_right ? axis_w : und_right;
    for (size_t k = 0; k < total_lanes; k++) {
        tl_ev **le = by_lane + lanes[k].first;
        double last_x = -1e300;
        for (size_t i = 0; i < lanes[k].n; i++) {
            tl_ev *e = le[i];
            const annals__cevent *ev = ANNALS__CEVENT(c, e->ev);
            if (!e->bar && k < und_lane) {
                double day_end = day_x(pc, np, e->d0 + 1, 0.0, -1) - 2.0;
                if (e->x < last_x + 7.0 && last_x + 7.0 <= day_end) {
                    e->x = last_x + 7.0;
                    e->xa = e->xb = e->x;
                }
                last_x = e->x;
            }
            if (make_label(e, ev) < 0) {
                goto done;
            }
        }
        place_labels(le, lanes[k].n, axis_w + 40.0, &lanes[k].rows);
        place_bars(le, lanes[k].n, &lanes[k].bar_rows);
        for (size_t i = 0; i < lanes[k].n; i++) {
            if (le[i]->label_row >= 0 && le[i]->label.x1 > page_w) {
                page_w = le[i]->label.x1;
            }
        }
    }

    /* ---- vertical assembly ---- */
    y = TL_MARGIN;
    {
        size_t n_actors_lanes = n_lanes;
        char sub[200];
        if (push_text(tl, "Timeline", TL_MARGIN, y + 9.0, 15.0, ANNALS_TL_BOLD | ANNALS_TL_TITLE,
                      false) == SIZE_MAX) {
            goto done;
        }
        if (n_dated > 0) {
            char a[16], b[16];
            annals__format_day(evs[0].d0, a);
            annals__format_day(pc[np - 1].d1, b);
            snprintf(sub, sizeof sub,
                     "%zu events (%zu undated) \xC2\xB7 %s to %s \xC2\xB7 %zu actor lanes", n,
                     n_und, a, b, n_actors_lanes);
        } else {
            snprintf(sub, sizeof sub, "%zu events, none dated \xC2\xB7 %zu actor lanes", n,
                     n_actors_lanes);
        }
        if (push_text(tl, sub, TL_MARGIN, y + 27.0, 9.5, ANNALS_TL_MUTED, false) == SIZE_MAX) {
            goto done;
        }
        y += 44.0;
    }
    /* legend */
    {
        static const int mods[5] = {ANNALS_MOD_ASSERTED, ANNALS_MOD_REPORTED, ANNALS_MOD_PLANNED,
                                    ANNALS_MOD_HYPOTHETICAL, ANNALS_MOD_NEGATED};
        double x = TL_MARGIN, wrap = ox + (page_w > 640.0 ? page_w : 640.0);
        for (int q = 0; q < 4 + 5 + 1; q++) {
            const char *t = q < 4 ? annals__quad_label(q)
                            : q < 9 ? annals__modality_label(mods[q - 4])
                                    : "date is an interval (c.)";
            double w = annals__text_width(t, strlen(t), 9.0, false) + 4.0 + 16.0 + 14.0;
            size_t ki;
            if (q == 4 || q == 9) {
                x += 12.0;
            }
            if (x + w > wrap && x > TL_MARGIN) {
                x = TL_MARGIN;
                y += 16.0;
            }
            if (q == 9) {
                ki = push_item(tl, ANNALS_TL_KEY, x, y + 5.0, x + 14.0, y + 11.0);
            } else {
                ki = push_item(tl, ANNALS_TL_KEY, x + 2.5, y + 3.5, x + 11.5, y + 12.5);
            }
            if (ki == SIZE_MAX) {
                goto done;
            }
            tl->items[ki].quad = q < 4 ? q : -1;
            tl->items[ki].modality = q < 4 ? ANNALS_MOD_ASSERTED : q < 9 ? mods[q - 4] : -1;
            if (q == 9) {
                tl->items[ki].flags |= ANNALS_TL_UNDATED; /* draw as a bar */
            }
            if (push_text(tl, t, x + 16.0, y + 8.0, 9.0, 0, false) == SIZE_MAX) {
                goto done;
            }
            x += w;
        }
        y += 26.0;
    }
    /* lanes (undated band last, after the axis) */
    for (size_t k = 0; k < total_lanes; k++) {
        tl_lane *ln = &lanes[k];
        if (k >= und_lane) {
            continue;
        }
        if (ln->n == 0 && ((k == other && !other_used) || n_dated == 0)) {
            ln->top = ln->bottom = y;
            continue;
        }
        ln->top = y;
        ln->mark_y = y + 4.0 + (double)ln->rows * TL_ROW_H + 4.0 + TL_MARK_BAND / 2.0;
        ln->bottom = ln->mark_y + TL_MARK_BAND / 2.0 + (double)ln->bar_rows * TL_BAR_ROW + 4.0;
        y = ln->bottom;
    }
    {
        double axis_y = y + 8.0, y_after = axis_y;
        if (np > 0) {
            rc = emit_axis(tl, pc, np, ox, axis_y, &y_after);
            if (rc < 0) {
                goto done;
            }
            rc = ANNALS_ENOMEM;
        }
        y = np > 0 ? y_after + 6.0 : y;
    }
    if (n_und > 0) {
        if (push_text(tl,
                      und_rows > 1 ? "Undated events, in the order the text tells them (no date "
                                     "is implied), left to right and row by row"
                                   : "Undated events, in the order the text tells them (no date "
                                     "is implied)",
                      ox, y + 8.0, 9.0, ANNALS_TL_MUTED, false) == SIZE_MAX) {
            goto done;
        }
        y += 18.0;
        for (size_t k = und_lane; k < total_lanes; k++) {
            tl_lane *ln = &lanes[k];
            ln->top = y;
            ln->mark_y = y + 4.0 + (double)ln->rows * TL_ROW_H + 4.0 + TL_MARK_BAND / 2.0;
            ln->bottom = ln->mark_y + TL_MARK_BAND / 2.0 + 6.0;
            y = ln->bottom;
        }
    }
    tl->height = y + TL_MARGIN;
    tl->width = ox + page_w + TL_MARGIN;

    /* ---- emit lanes: bands, names, marks, bars, dots, labels ---- */
    for (size_t k = 0; k < total_lanes; k++) {
        tl_lane *ln = &lanes[k];
        size_t bi, ti;
        if (ln->bottom <= ln->top) {
            continue;
        }
        bi = push_item(tl, ANNALS_TL_BAND, TL_MARGIN - 6.0, ln->top, tl->width - TL_MARGIN + 6.0,
                       ln->bottom);
        if (bi == SIZE_MAX) {
            goto done;
        }
        tl->items[bi].flags = (k % 2 == 1 ? ANNALS_TL_ALT : 0u) |
                              (k >= und_lane ? ANNALS_TL_UNDATED : 0u);
        if (ln->name[0] == '\0') {
            continue; /* a continuation row of the undated band */
        }
        ti = push_text(tl, ln->name, TL_MARGIN, ln->mark_y, 10.0,
                       ANNALS_TL_BOLD | (k >= other ? ANNALS_TL_MUTED : 0u), false);
        if (ti == SIZE_MAX) {
            goto done;
        }
    }
    /* marks first (connectors need them), then labels on top */
    for (size_t i = 0; i < n; i++) {
        tl_ev *e = &evs[i];
        tl_lane *ln = &lanes[e->lane];
        const annals__cevent *ev = ANNALS__CEVENT(c, e->ev);
        size_t mi;
        int lanes_in[TL_MAX_LANES + 1];
        size_t n_in = 0;
        if (e->bar) {
            double by = ln->mark_y + TL_MARK_BAND / 2.0 + (double)e->bar_row * TL_BAR_ROW;
            long ka = find_piece(pc, np, e->d0), kb = find_piece(pc, np, e->d1);
            /* a day in a gap (or before the first piece) is not drawn: the
             * bar is cut there and continues as a fading tail */
            bool clip_l = ka < 0 || e->d0 > pc[ka].d1;
            bool clip_r = kb < 0 || e->d1 > pc[kb].d1;
            mi = push_item(tl, ANNALS_TL_BAR, ox + e->xa, by, ox + e->xb, by + TL_BAR_H);
            if (mi == SIZE_MAX) {
                goto done;
            }
            tl->items[mi].flags |= (clip_l ? ANNALS_TL_CLIP_L : 0u) |
                                   (clip_r ? ANNALS_TL_CLIP_R : 0u);
            tl->n_clipped += clip_l || clip_r;
            for (int side = 0; side < 2; side++) {
                if (!(side == 0 ? clip_l : clip_r)) {
                    continue;
                }
                for (int j = 1; j <= TL_TAIL_STEPS; j++) {
                    double off = TL_TAIL_SKIP * (double)j + TL_TAIL_W * (double)(j - 1);
                    double x0 = side == 0 ? ox + e->xa - off - TL_TAIL_W : ox + e->xb + off;
                    size_t ti = push_item(tl, ANNALS_TL_TAIL, x0, by + 0.5, x0 + TL_TAIL_W,
                                          by + TL_BAR_H - 0.5);
                    if (ti == SIZE_MAX) {
                        goto done;
                    }
                    tl->items[ti].event = (int32_t)e->ev;
                    tl->items[ti].quad = ev->quad;
                    tl->items[ti].fade = j;
                    tl->items[ti].flags = side == 0 ? ANNALS_TL_CLIP_L : ANNALS_TL_CLIP_R;
                }
            }
        } else {
            mi = push_item(tl, ANNALS_TL_MARK, ox + e->x - TL_MARK / 2.0,
                           ln->mark_y - TL_MARK / 2.0, ox + e->x + TL_MARK / 2.0,
                           ln->mark_y + TL_MARK / 2.0);
        }
        if (mi == SIZE_MAX) {
            goto done;
        }
        tl->items[mi].event = (int32_t)e->ev;
        tl->items[mi].quad = ev->quad;
        tl->items[mi].modality = (int)ev->modality;
        if ((size_t)e->lane >= und_lane) {
            tl->items[mi].flags |= ANNALS_TL_UNDATED;
        }
        /* participants' lanes (dated events only) */
        if ((size_t)e->lane < und_lane) {
            bool has[TL_MAX_LANES + 1];
            memset(has, 0, sizeof has);
            has[e->lane] = true;
            for (int r = 0; r < 3; r++) {
                const annals__idlist *l = role_list(ev, r);
                for (size_t j = 0; j < l->n; j++) {
                    uint32_t a = l->ids[j];
                    if (a >= n_ent || ANNALS__CENTITY(c, a)->kind == ANNALS_ENTITY_PLACE) {
                        continue;
                    }
                    has[lane_of[a] == LANE_NONE ? other : (size_t)lane_of[a]] = true;
                }
            }
            for (size_t k = 0; k <= other; k++) {
                if (has[k]) {
                    lanes_in[n_in++] = (int)k;
                }
            }
        }
        if (n_in > 1) {
            size_t prev = SIZE_MAX;
            for (size_t j = 0; j < n_in; j++) {
                size_t node;
                if (lanes_in[j] == e->lane) {
                    node = mi;
                } else {
                    double my = lanes[lanes_in[j]].mark_y;
                    node = push_item(tl, ANNALS_TL_DOT, ox + e->x - 3.0, my - 3.0, ox + e->x + 3.0,
                                     my + 3.0);
                    if (node == SIZE_MAX) {
                        goto done;
                    }
                    tl->items[node].event = (int32_t)e->ev;
                    tl->items[node].quad = ev->quad;
                }
                if (prev != SIZE_MAX && !push_line(tl, prev, node, ANNALS_TL_CONNECT)) {
                    goto done;
                }
                prev = node;
            }
        }
        if (e->label_row >= 0) {
            double ly1 = ln->mark_y - TL_MARK_BAND / 2.0 - 2.0 - (double)e->label_row * TL_ROW_H;
            double ly0 = ly1 - 12.0;
            size_t li, pi;
            li = push_item(tl, ANNALS_TL_TEXT, ox + e->label.x0, ly0, ox + e->label.x1, ly1);
            if (li == SIZE_MAX) {
                goto done;
            }
            tl->items[li].text = e->text;
            e->text = NULL;
            tl->items[li].font = TL_LABEL_FONT;
            tl->items[li].flags = ANNALS_TL_EVENT_LABEL |
                                  ((size_t)e->lane >= und_lane ? ANNALS_TL_UNDATED : 0u);
            tl->items[li].event = (int32_t)e->ev;
            tl->n_labelled++;
            pi = push_item(tl, ANNALS_TL_POINT, ox + e->x, ly1, ox + e->x, ly1);
            if (pi == SIZE_MAX || !push_line(tl, pi, mi, ANNALS_TL_LEADER)) {
                goto done;
            }
        }
    }
    tl->n_lanes = n_lanes + (lanes[other].n > 0 || other_used ? 1u : 0u);
    tl->n_pieces = np;
    tl->n_undated = n_und;
    tl->n_undated_rows = n_und > 0 ? und_rows : 0;
    (void)buf;
    *out = tl;
    tl = NULL;
    rc = ANNALS_OK;
done:
    if (rc == ANNALS_ENOMEM) {
        annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                      "out of memory laying out the timeline");
    }
    if (evs != NULL) {
        for (size_t i = 0; i < n; i++) {
            free(evs[i].text);
        }
    }
    if (lanes != NULL) {
        for (size_t k = 0; k < total_lanes; k++) {
            free(lanes[k].name);
        }
    }
    annals__timeline_free(tl);
    free(evs);
    free(by_lane);
    free(count);
    free(seen);
    free(lane_of);
    free(rank);
    free(lanes);
    free(pc);
    return rc;
}

/* ------------------------------------------------------- cgraph emission */

/* The tooltip of an event: what, when, how sure, the sentence and source. */
static annals_status event_tooltip(annals__buf *b, const annals_corpus *c, uint32_t evi,
                                   unsigned clip)
{
    const annals__cevent *ev = ANNALS__CEVENT(c, evi);
    char date[96], id[24];
    annals_status rc;
    const char *lab = ev->label != NULL ? ev->label : (ev->type != NULL ? ev->type : "");

    annals__event_date_text(ev, date, sizeof date);
    annals__event_id(id, sizeof id, evi);
    rc = annals__buf_printf(b, "%s: ", id);
    if (rc == ANNALS_OK) {
        rc = annals__gv_escape(b, lab, strlen(lab), 300);
    }
    if (rc == ANNALS_OK) {
        rc = annals__buf_printf(b, "\n%s%s \xC2\xB7 %s \xC2\xB7 %s \xC2\xB7 CAMEO %s %s", date,
                                ev->inferred ? " (date inferred)" : "",
                                annals__quad_label(ev->quad),
                                annals__modality_label((int)ev->modality), ev->code,
                                ev->type != NULL ? ev->type : "");
    }
    if (rc == ANNALS_OK && clip != 0) {
        rc = annals__buf_printf(b, "\nthe interval runs on %s the stretch drawn (the axis skips "
                                   "time without events)",
                                clip == (ANNALS_TL_CLIP_L | ANNALS_TL_CLIP_R) ? "both sides of"
                                : clip == ANNALS_TL_CLIP_L                  ? "before"
                                                                            : "after");
    }
    if (rc == ANNALS_OK && ev->mentions.n > 0) {
        const annals__cevmention *m = annals__vec_at(&ev->mentions, 0);
        const annals__cdoc *d = m->doc < c->docs.n ? ANNALS__CDOC(c, m->doc) : NULL;
        if (m->sentence != NULL) {
            rc = annals__buf_puts(b, "\n\xE2\x80\x9C");
            if (rc == ANNALS_OK) {
                rc = annals__gv_escape(b, m->sentence, strlen(m->sentence), 600);
            }
            if (rc == ANNALS_OK) {
                rc = annals__buf_puts(b, "\xE2\x80\x9D");
            }
        }
        if (rc == ANNALS_OK && d != NULL) {
            const char *src = d->source != NULL ? d->source : d->id;
            rc = annals__buf_puts(b, "\nsource: ");
            if (rc == ANNALS_OK && src != NULL) {
                rc = annals__gv_escape(b, src, strlen(src), 200);
            }
            if (rc == ANNALS_OK && ev->mentions.n > 1) {
                rc = annals__buf_printf(b, " (+%zu more reports)", ev->mentions.n - 1);
            }
        }
    }
    return rc;
}

typedef struct tl_syms {
    Agsym_t *shape, *style, *w, *h, *pos, *label, *font, *fontsize, *fontcolor, *color,
        *fill, *pen, *id, *tooltip, *klass;
    Agsym_t *e_color, *e_pen, *e_style, *e_tailclip, *e_headclip;
} tl_syms;

static const char *mark_shape(int modality)
{
    switch (modality) {
    case ANNALS_MOD_REPORTED: return "triangle";
    case ANNALS_MOD_PLANNED:
    case ANNALS_MOD_HYPOTHETICAL: return "diamond";
    case ANNALS_MOD_NEGATED: return "Mcircle";
    default: return "circle";
    }
}

/* asserted: filled circle; reported: filled triangle; planned: hollow
 * diamond; hypothetical: tinted diamond; negated: hollow crossed circle. */
static annals_status style_mark(void *n, const tl_syms *s, int quad, int modality, bool key)
{
    const char *col = quad >= 0 ? annals__quad_color(quad) : "#616e7c";
    char tint[16];
    (void)key;
    snprintf(tint, sizeof tint, "%s55", col);
    annals__gv_set(n, s->shape, mark_shape(modality));
    annals__gv_set(n, s->style, "filled");
    switch (modality) {
    case ANNALS_MOD_PLANNED:
    case ANNALS_MOD_NEGATED:
        annals__gv_set(n, s->fill, "white");
        annals__gv_set(n, s->color, col);
        annals__gv_set(n, s->pen, "1.6");
        break;
    case ANNALS_MOD_HYPOTHETICAL:
        annals__gv_set(n, s->fill, tint);
        annals__gv_set(n, s->color, col);
        annals__gv_set(n, s->pen, "1.2");
        break;
    default:
        annals__gv_set(n, s->fill, col);
        annals__gv_set(n, s->color, "#1f2933");
        annals__gv_set(n, s->pen, "0.6");
        break;
    }
    return ANNALS_OK;
}

annals_status annals__timeline_graph(Agraph_t **out, const annals_graph *graph,
                                     annals_error *err)
{
    annals__timeline *tl = NULL;
    Agraph_t *g = NULL;
    Agnode_t **nodes = NULL;
    annals__buf b = ANNALS__BUF_INIT;
    tl_syms s;
    char name[96], num[64];
    annals_status rc;

    *out = NULL;
    rc = annals__timeline_layout(&tl, graph, err);
    if (rc < 0) {
        return rc;
    }
    rc = ANNALS_ENOMEM;
    g = annals__gv_open("timeline", false);
    nodes = calloc(tl->n_items ? tl->n_items : 1, sizeof *nodes);
    if (g == NULL || nodes == NULL) {
        goto done;
    }
    annals__gv_gset(g, "layout", "nop2");
    annals__gv_gset(g, "outputorder", "edgesfirst");
    annals__gv_gset(g, "splines", "line");
    annals__gv_gset(g, "bgcolor", "white");
    annals__gv_gset(g, "pad", "0.15");
    annals__gv_gset(g, "fontname", "DejaVu Sans");
    annals__gv_gset(g, "id", "timeline");
    s.shape = annals__gv_attr(g, AGNODE, "shape", "box");
    s.style = annals__gv_attr(g, AGNODE, "style", "filled");
    s.w = annals__gv_attr(g, AGNODE, "width", "0.1");
    s.h = annals__gv_attr(g, AGNODE, "height", "0.1");
    annals__gv_attr(g, AGNODE, "fixedsize", "true");
    annals__gv_attr(g, AGNODE, "margin", "0");
    s.pos = annals__gv_attr(g, AGNODE, "pos", "");
    s.label = annals__gv_attr(g, AGNODE, "label", "\\N"); /* every node sets its own */
    s.font = annals__gv_attr(g, AGNODE, "fontname", "DejaVu Sans");
    s.fontsize = annals__gv_attr(g, AGNODE, "fontsize", "9");
    s.fontcolor = annals__gv_attr(g, AGNODE, "fontcolor", "#1f2933");
    s.color = annals__gv_attr(g, AGNODE, "color", "transparent");
    s.fill = annals__gv_attr(g, AGNODE, "fillcolor", "transparent");
    s.pen = annals__gv_attr(g, AGNODE, "penwidth", "0");
    s.id = annals__gv_attr(g, AGNODE, "id", "");
    s.tooltip = annals__gv_attr(g, AGNODE, "tooltip", "");
    s.klass = annals__gv_attr(g, AGNODE, "class", "");
    s.e_color = annals__gv_attr(g, AGEDGE, "color", "#9aa5b1");
    s.e_pen = annals__gv_attr(g, AGEDGE, "penwidth", "1");
    s.e_style = annals__gv_attr(g, AGEDGE, "style", "solid");
    s.e_tailclip = annals__gv_attr(g, AGEDGE, "tailclip", "true");
    s.e_headclip = annals__gv_attr(g, AGEDGE, "headclip", "true");
    if (s.shape == NULL || s.style == NULL || s.w == NULL || s.h == NULL || s.pos == NULL ||
        s.label == NULL || s.font == NULL || s.fontsize == NULL || s.fontcolor == NULL ||
        s.color == NULL || s.fill == NULL || s.pen == NULL || s.id == NULL ||
        s.tooltip == NULL || s.klass == NULL || s.e_color == NULL || s.e_pen == NULL ||
        s.e_style == NULL || s.e_tailclip == NULL || s.e_headclip == NULL) {
        goto done;
    }
    for (size_t i = 0; i < tl->n_items; i++) {
        const annals__tl_item *it = &tl->items[i];
        double w = it->box.x1 - it->box.x0, h = it->box.y1 - it->box.y0;
        double cx = (it->box.x0 + it->box.x1) / 2.0, cy = (it->box.y0 + it->box.y1) / 2.0;
        Agnode_t *n;
        bool ev_node = it->event >= 0 &&
                       (it->kind == ANNALS_TL_MARK || it->kind == ANNALS_TL_BAR ||
                        it->kind == ANNALS_TL_DOT || it->kind == ANNALS_TL_TEXT ||
                        it->kind == ANNALS_TL_TAIL);
        if (it->event >= 0 && (it->kind == ANNALS_TL_MARK || it->kind == ANNALS_TL_BAR)) {
            annals__event_id(name, sizeof name, (uint32_t)it->event);
        } else if (it->event >= 0 && it->kind == ANNALS_TL_TEXT) {
            annals__event_id(num, sizeof num, (uint32_t)it->event);
            snprintf(name, sizeof name, "%s_label", num);
        } else if (it->event >= 0 && it->kind == ANNALS_TL_TAIL) {
            annals__event_id(num, sizeof num, (uint32_t)it->event);
            snprintf(name, sizeof name, "%s_more%zu", num, i);
        } else if (it->event >= 0 && it->kind == ANNALS_TL_DOT) {
            annals__event_id(num, sizeof num, (uint32_t)it->event);
            snprintf(name, sizeof name, "%s_p%zu", num, i);
        } else {
            snprintf(name, sizeof name, "_%zu", i);
        }
        n = annals__gv_node(g, name);
        if (n == NULL) {
            goto done;
        }
        nodes[i] = n;
        snprintf(num, sizeof num, "%.2f,%.2f!", cx, tl->height - cy);
        annals__gv_set(n, s.pos, num);
        snprintf(num, sizeof num, "%.4f", (w > 0.01 ? w : 0.01) / 72.0);
        annals__gv_set(n, s.w, num);
        snprintf(num, sizeof num, "%.4f", (h > 0.01 ? h : 0.01) / 72.0);
        annals__gv_set(n, s.h, num);
        annals__gv_set(n, s.label, "");
        if (ev_node) {
            annals__gv_set(n, s.id, name);
            b.len = 0;
            if (event_tooltip(&b, graph->corpus, (uint32_t)it->event,
                              it->flags & (ANNALS_TL_CLIP_L | ANNALS_TL_CLIP_R)) < 0) {
                goto done;
            }
            annals__gv_set(n, s.tooltip, b.ptr != NULL ? b.ptr : "");
        }
        switch (it->kind) {
        case ANNALS_TL_TEXT:
            b.len = 0;
            if (annals__gv_escape(&b, it->text, strlen(it->text), 0) < 0) {
                goto done;
            }
            annals__gv_set(n, s.label, b.ptr != NULL ? b.ptr : "");
            snprintf(num, sizeof num, "%.1f", it->font);
            annals__gv_set(n, s.fontsize, num);
            if (it->flags & ANNALS_TL_BOLD) {
                annals__gv_set(n, s.font, "DejaVu Sans Bold");
            }
            if (it->flags & ANNALS_TL_MUTED) {
                annals__gv_set(n, s.fontcolor, "#52606d");
            }
            if (it->flags & ANNALS_TL_EVENT_LABEL) {
                annals__gv_set(n, s.fill, "#ffffffe0");
                annals__gv_set(n, s.klass, "label");
            }
            break;
        case ANNALS_TL_MARK:
            style_mark(n, &s, it->quad, it->modality, false);
            annals__gv_set(n, s.klass, "event");
            break;
        case ANNALS_TL_KEY:
            if (it->flags & ANNALS_TL_UNDATED) {
                annals__gv_set(n, s.style, "filled,rounded");
                annals__gv_set(n, s.fill, "#616e7c99");
                annals__gv_set(n, s.color, "#616e7c");
                annals__gv_set(n, s.pen, "0.8");
            } else {
                style_mark(n, &s, it->quad, it->modality, true);
            }
            break;
        case ANNALS_TL_BAR:
            snprintf(num, sizeof num, "%s99", annals__quad_color(it->quad));
            annals__gv_set(n, s.style,
                           it->modality == ANNALS_MOD_ASSERTED || it->modality == ANNALS_MOD_REPORTED
                               ? "filled,rounded"
                               : "filled,rounded,dashed");
            annals__gv_set(n, s.fill, num);
            annals__gv_set(n, s.color, annals__quad_color(it->quad));
            annals__gv_set(n, s.pen, "0.8");
            annals__gv_set(n, s.klass, "event range");
            break;
        case ANNALS_TL_TAIL: {
            static const char *const alpha[TL_TAIL_STEPS] = {"77", "44", "22"};
            int f = it->fade < 1 ? 1 : (it->fade > TL_TAIL_STEPS ? TL_TAIL_STEPS : it->fade);
            snprintf(num, sizeof num, "%s%s", annals__quad_color(it->quad), alpha[f - 1]);
            annals__gv_set(n, s.fill, num);
            annals__gv_set(n, s.klass, "continues");
            break;
        }
        case ANNALS_TL_DOT:
            annals__gv_set(n, s.shape, "circle");
            annals__gv_set(n, s.fill, "white");
            annals__gv_set(n, s.color, annals__quad_color(it->quad));
            annals__gv_set(n, s.pen, "1.2");
            annals__gv_set(n, s.klass, "participant");
            break;
        case ANNALS_TL_BAND:
            annals__gv_set(n, s.fill, (it->flags & ANNALS_TL_UNDATED) ? "#b0702014"
                                      : (it->flags & ANNALS_TL_ALT) ? "#3050700f"
                                                                    : "#30507005");
            break;
        case ANNALS_TL_TICK:
            annals__gv_set(n, s.fill, "#7b8794");
            break;
        case ANNALS_TL_AXIS:
            annals__gv_set(n, s.fill, "#3e4c59");
            break;
        case ANNALS_TL_BREAK:
            annals__gv_set(n, s.tooltip, "a stretch without events, not drawn to scale");
            break;
        case ANNALS_TL_POINT:
            annals__gv_set(n, s.shape, "point");
            annals__gv_set(n, s.style, "invis");
            break;
        }
    }
    for (size_t i = 0; i < tl->n_lines; i++) {
        const annals__tl_line *ln = &tl->lines[i];
        Agedge_t *e = agedge(g, nodes[ln->a], nodes[ln->b], NULL, 1);
        if (e == NULL) {
            goto done;
        }
        if (ln->kind == ANNALS_TL_CONNECT) {
            const annals__tl_item *it = &tl->items[ln->a];
            snprintf(num, sizeof num, "%sb0", annals__quad_color(it->quad));
            annals__gv_set(e, s.e_color, num);
            annals__gv_set(e, s.e_pen, "1.1");
        } else if (ln->kind == ANNALS_TL_LEADER) {
            annals__gv_set(e, s.e_color, "#9aa5b1");
            annals__gv_set(e, s.e_pen, "0.6");
            annals__gv_set(e, s.e_style, "dashed");
            annals__gv_set(e, s.e_tailclip, "false");
        } else {
            annals__gv_set(e, s.e_color, "#3e4c59");
            annals__gv_set(e, s.e_pen, "1.2");
            annals__gv_set(e, s.e_tailclip, "false");
            annals__gv_set(e, s.e_headclip, "false");
        }
    }
    *out = g;
    g = NULL;
    rc = ANNALS_OK;
done:
    if (rc == ANNALS_ENOMEM) {
        annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                      "out of memory building the timeline graph");
    }
    if (g != NULL) {
        agclose(g);
    }
    annals__buf_dispose(&b);
    free(nodes);
    annals__timeline_free(tl);
    return rc;
}
