/* SPDX-License-Identifier: MIT */
/*
 * layout/layout.c - the Graphviz boundary: one GVC_t per annals_ctx, an
 * agseterrf callback that copies Graphviz's messages into our error record
 * (nothing reaches stderr), rendering through gvLayout/gvRenderData into an
 * annals_sink, DOT through agwrite with an I/O discipline, text metrics and
 * escaping shared by the views.
 *
 * Graphviz 2.42 quirks kept here: gvRenderData takes `unsigned int *`,
 * agxset/agattr take `char *`, teardown is gvFreeLayout then agclose.
 */
#include "layout/gv.h"
#include "layout/font_metrics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- error channel */

/* Graphviz's error state is process-global (see annals/ctx.h): so is ours. */
static char gv_msg[160];
static size_t gv_msg_len;

static int gv_errf(char *msg)
{
    for (const char *p = msg; *p != '\0' && gv_msg_len + 1 < sizeof gv_msg; p++) {
        char c = *p;
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        }
        if (c == ' ' && (gv_msg_len == 0 || gv_msg[gv_msg_len - 1] == ' ')) {
            continue;
        }
        gv_msg[gv_msg_len++] = c;
    }
    gv_msg[gv_msg_len] = '\0';
    return 0;
}

static void gv_msg_reset(void)
{
    gv_msg_len = 0;
    gv_msg[0] = '\0';
    agseterrf(gv_errf);
    agseterr(AGERR); /* warnings are not errors: drop them */
}

static const char *gv_msg_text(const char *fallback)
{
    while (gv_msg_len > 0 && gv_msg[gv_msg_len - 1] == ' ') {
        gv_msg[--gv_msg_len] = '\0';
    }
    return gv_msg_len > 0 ? gv_msg : fallback;
}

/* One GVC_t for the whole process, never freed. Graphviz 2.42's pango
 * text-layout plugin caches the name of the last font it measured in a
 * static pointer into the context's font dictionary: after gvFreeContext a
 * second context compares against freed memory (ASan: heap-use-after-free
 * in textspan_size). Every annals_ctx therefore borrows this one context;
 * it stays reachable until exit. */
static GVC_t *shared_gvc;

void annals__layout_ctx_free(void *gvc)
{
    (void)gvc; /* borrowed from shared_gvc: see above */
}

static annals_status get_gvc(GVC_t **out, annals_ctx *ctx, annals_error *err)
{
    if (ctx->gvc == NULL) {
        if (shared_gvc == NULL) {
            gv_msg_reset();
            shared_gvc = gvContext();
            if (shared_gvc == NULL) {
                return annals__error(err, ANNALS_ELAYOUT, ANNALS_STAGE_LAYOUT,
                                     ANNALS_NO_OFFSET, "cannot create the Graphviz context: %s",
                                     gv_msg_text("no plugins"));
            }
        }
        ctx->gvc = shared_gvc;
    }
    *out = ctx->gvc;
    return ANNALS_OK;
}

/* ------------------------------------------------------ cgraph with a sink */

typedef struct sink_chan {
    annals_sink sink;
    void *userdata;
    bool failed;
} sink_chan;

static int io_putstr(void *chan, const char *str)
{
    sink_chan *c = chan;
    if (c->failed) {
        return EOF;
    }
    if (c->sink(str, strlen(str), c->userdata) != 0) {
        c->failed = true;
        return EOF;
    }
    return 0;
}

static int io_flush(void *chan)
{
    sink_chan *c = chan;
    return c->failed ? EOF : 0;
}

static int io_read(void *chan, char *buf, int bufsize)
{
    (void)chan;
    (void)buf;
    (void)bufsize;
    return 0; /* we never read DOT */
}

static Agiodisc_t sink_io = {io_read, io_putstr, io_flush};

/* Object names -> IDs in creation order. cgraph's default ID discipline
 * uses the address of the interned name as the ID, and agwrite orders
 * subgraphs by ID: the DOT would change from run to run. Ours numbers
 * names 2, 4, 6, ... (even = named; anonymous objects get odd IDs). */
typedef struct id_state {
    Agraph_t *g;
    annals__map index;   /* name -> position in names */
    char **names;
    size_t n, cap;
    IDTYPE anon;
} id_state;

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
    id_state *st = calloc(1, sizeof *st);
    (void)disc;
    if (st != NULL) {
        st->g = g;
        annals__map_init(&st->index);
        st->anon = 1;
    }
    return st;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    id_state *st = state;
    size_t len, k;
    char *copy;
    (void)objtype;
    if (str == NULL) {
        *id = st->anon;
        st->anon += 2;
        return 1;
    }
    len = strlen(str);
    if (annals__map_get(&st->index, str, len, &k)) {
        *id = (IDTYPE)(k + 1) * 2;
        return 1;
    }
    if (!createflag) {
        return 0;
    }
    if (st->n == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 64;
        char **p = realloc(st->names, cap * sizeof *p);
        if (p == NULL) {
            return 0;
        }
        st->names = p;
        st->cap = cap;
    }
    /* an interned string: agwrite asks the pool whether a name is HTML */
    copy = agstrdup(st->g, str);
    if (copy == NULL) {
        return 0;
    }
    if (annals__map_put(&st->index, str, len, st->n) != ANNALS_OK) {
        agstrfree(st->g, copy);
        return 0;
    }
    st->names[st->n] = copy;
    *id = (IDTYPE)(st->n + 1) * 2;
    st->n++;
    return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
    return 0; /* no caller-chosen IDs */
}

static void id_free(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id; /* names live until the graph closes */
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
    id_state *st = state;
    (void)objtype;
    if (id % 2 != 0 || id == 0 || id / 2 > st->n) {
        return NULL;
    }
    return st->names[id / 2 - 1];
}

static void id_close(void *state)
{
    id_state *st = state;
    if (st == NULL) {
        return;
    }
    /* the names themselves belong to the graph's string pool (agclose) */
    free(st->names);
    annals__map_dispose(&st->index);
    free(st);
}

static void id_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

static Agiddisc_t seq_ids = {id_open, id_map, id_alloc, id_free, id_print, id_close,
                             id_register};
static Agdisc_t sink_disc = {&AgMemDisc, &seq_ids, &sink_io};

static char *unconst(const char *s)
{
    char *p;
    memcpy(&p, &s, sizeof p);
    return p;
}

Agraph_t *annals__gv_open(const char *name, bool directed)
{
    gv_msg_reset();
    return agopen(unconst(name), directed ? Agdirected : Agundirected, &sink_disc);
}

Agsym_t *annals__gv_attr(Agraph_t *g, int kind, const char *name, const char *dflt)
{
    return agattr(g, kind, unconst(name), unconst(dflt));
}

int annals__gv_set(void *obj, Agsym_t *sym, const char *value)
{
    return agxset(obj, sym, unconst(value));
}

int annals__gv_gset(Agraph_t *g, const char *name, const char *value)
{
    return agattr(g, AGRAPH, unconst(name), unconst(value)) != NULL ? 0 : -1;
}

int annals__gv_sset(Agraph_t *sub, const char *name, const char *value)
{
    return agsafeset(sub, unconst(name), unconst(value), unconst(""));
}

Agnode_t *annals__gv_node(Agraph_t *g, const char *name)
{
    return agnode(g, unconst(name), 1);
}

/* ------------------------------------------------------------ text metrics */

static size_t utf8_next(const char *s, size_t len, size_t i, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned c = u[i];
    size_t n = 1;
    uint32_t v = c;

    if (c >= 0xF0 && i + 3 < len) {
        v = ((c & 0x07u) << 18) | ((u[i + 1] & 0x3Fu) << 12) | ((u[i + 2] & 0x3Fu) << 6) |
            (u[i + 3] & 0x3Fu);
        n = 4;
    } else if (c >= 0xE0 && i + 2 < len) {
        v = ((c & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
        n = 3;
    } else if (c >= 0xC0 && i + 1 < len) {
        v = ((c & 0x1Fu) << 6) | (u[i + 1] & 0x3Fu);
        n = 2;
    }
    *cp = v;
    return n;
}

static unsigned glyph_width(uint32_t cp, bool bold)
{
    const unsigned short *t = bold ? annals__dejavu_bold : annals__dejavu_regular;
    unsigned w = 0;

    if (cp == '\t') {
        cp = ' ';
    }
    if (cp < 0x20 || cp == 0x7F) {
        return 0;
    }
    if (cp < 0x250) {
        w = t[cp - 0x20];
    } else if (cp >= 0x2000 && cp < 0x20B0) {
        w = t[0x230 + (cp - 0x2000)];
    } else if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
               (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
               (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
               (cp >= 0x20000 && cp <= 0x3FFFD)) {
        w = 1000;
    }
    return w != 0 ? w : 600;
}

double annals__text_width(const char *s, size_t len, double size, bool bold)
{
    unsigned long total = 0;
    size_t i = 0;

    while (i < len) {
        uint32_t cp;
        i += utf8_next(s, len, i, &cp);
        total += glyph_width(cp, bold);
    }
    return (double)total * size / 1000.0;
}

size_t annals__fit_text(const char *s, size_t len, double maxw, double size, bool bold,
                        bool *cut)
{
    double ell = annals__text_width("\xE2\x80\xA6", 3, size, bold);
    double w = 0.0;
    size_t i = 0, fit = 0;

    *cut = false;
    if (annals__text_width(s, len, size, bold) <= maxw) {
        return len;
    }
    *cut = true;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_next(s, len, i, &cp);
        w += (double)glyph_width(cp, bold) * size / 1000.0;
        if (w + ell > maxw) {
            break;
        }
        i += n;
        fit = i;
    }
    while (fit > 0 && s[fit - 1] == ' ') {
        fit--;
    }
    return fit;
}

/* ----------------------------------------------------------------- escape */

annals_status annals__gv_escape(annals__buf *b, const char *s, size_t len, size_t max_bytes)
{
    size_t i = 0, run = 0, end = len;
    bool cut = false;
    annals_status rc = ANNALS_OK;

    if (max_bytes > 0 && len > max_bytes) {
        end = max_bytes;
        while (end > 0 && ((unsigned char)s[end] & 0xC0u) == 0x80u) {
            end--;
        }
        cut = true;
    }
    for (i = 0; i < end && rc == ANNALS_OK; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        if (c == '&') {
            rep = "&amp;";
        } else if (c == '\\') {
            rep = "\\\\";
        } else if (c < 0x20 || c == 0x7F) {
            rep = " ";
        }
        if (rep != NULL) {
            rc = annals__buf_put(b, s + run, i - run);
            if (rc == ANNALS_OK) {
                rc = annals__buf_puts(b, rep);
            }
            run = i + 1;
        }
    }
    if (rc == ANNALS_OK) {
        rc = annals__buf_put(b, s + run, end - run);
    }
    if (rc == ANNALS_OK && cut) {
        rc = annals__buf_puts(b, "\xE2\x80\xA6");
    }
    return rc;
}

/* ------------------------------------------------------------ vocabulary */

void annals__event_id(char *buf, size_t cap, uint32_t event)
{
    snprintf(buf, cap, "e%lu", (unsigned long)event + 1ul);
}

void annals__actor_id(char *buf, size_t cap, uint32_t entity)
{
    snprintf(buf, cap, "a%lu", (unsigned long)entity + 1ul);
}

/* Okabe-Ito-like, colour-blind safe: cooperation cool, conflict warm. */
static const char *const quad_colors[4] = {"#2b8cbe", "#1b9e77", "#e6a100", "#d7301f"};
static const char *const quad_labels[4] = {"verbal cooperation", "material cooperation",
                                           "verbal conflict", "material conflict"};

const char *annals__quad_color(int quad)
{
    return quad >= 0 && quad < 4 ? quad_colors[quad] : "#777777";
}

const char *annals__quad_label(int quad)
{
    return quad >= 0 && quad < 4 ? quad_labels[quad] : "unclassified";
}

const char *annals__modality_label(int modality)
{
    switch (modality) {
    case ANNALS_MOD_ASSERTED: return "asserted";
    case ANNALS_MOD_NEGATED: return "negated";
    case ANNALS_MOD_PLANNED: return "planned";
    case ANNALS_MOD_HYPOTHETICAL: return "hypothetical";
    case ANNALS_MOD_REPORTED: return "reported";
    default: return "asserted";
    }
}

const char *annals__kind_label(int kind)
{
    switch (kind) {
    case ANNALS_ENTITY_PERSON: return "person";
    case ANNALS_ENTITY_ORGANIZATION: return "organization";
    case ANNALS_ENTITY_GROUP: return "group";
    case ANNALS_ENTITY_COUNTRY: return "country";
    case ANNALS_ENTITY_PLACE: return "place";
    default: return "actor";
    }
}

static const char *const months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void annals__event_date_text(const annals__cevent *ev, char *buf, size_t cap)
{
    int y0, m0, d0, y1, m1, d1;

    if (ev->earliest == ANNALS__NO_DAY || ev->latest == ANNALS__NO_DAY) {
        snprintf(buf, cap, "undated");
        return;
    }
    annals__civil_from_days(ev->earliest, &y0, &m0, &d0);
    annals__civil_from_days(ev->latest, &y1, &m1, &d1);
    if (ev->earliest == ev->latest) {
        snprintf(buf, cap, "%d %s %d", d0, months[m0 - 1], y0);
    } else if (d0 == 1 && m0 == m1 && y0 == y1 && d1 == annals__days_in_month(y1, m1)) {
        snprintf(buf, cap, "c. %s %d", months[m0 - 1], y0);
    } else if (d0 == 1 && m0 == 1 && m1 == 12 && d1 == 31) {
        if (y0 == y1) {
            snprintf(buf, cap, "c. %d", y0);
        } else {
            snprintf(buf, cap, "c. %d\xE2\x80\x93%d", y0, y1);
        }
    } else if (d0 == 1 && d1 == annals__days_in_month(y1, m1)) {
        if (y0 == y1) {
            snprintf(buf, cap, "c. %s\xE2\x80\x93%s %d", months[m0 - 1], months[m1 - 1], y1);
        } else {
            snprintf(buf, cap, "c. %s %d\xE2\x80\x93%s %d", months[m0 - 1], y0,
                     months[m1 - 1], y1);
        }
    } else if (y0 != y1) {
        snprintf(buf, cap, "c. %d %s %d\xE2\x80\x93%d %s %d", d0, months[m0 - 1], y0, d1,
                 months[m1 - 1], y1);
    } else if (m0 != m1) {
        snprintf(buf, cap, "c. %d %s\xE2\x80\x93%d %s %d", d0, months[m0 - 1], d1,
                 months[m1 - 1], y1);
    } else {
        snprintf(buf, cap, "c. %d\xE2\x80\x93%d %s %d", d0, d1, months[m1 - 1], y1);
    }
}

/* ------------------------------------------------------------- rendering */

static bool format_ok(const char *format)
{
    size_t n = 0;
    for (const char *p = format; *p != '\0'; p++, n++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '_')) {
            return false;
        }
    }
    return n > 0 && n <= 32;
}

/* Is `format` one of gvc's output devices (and not a window)? */
static bool device_ok(GVC_t *gvc, const char *format)
{
    int n = 0;
    char **list = gvPluginList(gvc, "device", &n, NULL);
    size_t flen = strcspn(format, ":");
    bool ok = false;

    if (strncmp(format, "x11", flen) == 0 || strncmp(format, "xlib", flen) == 0 ||
        strncmp(format, "gtk", flen) == 0) {
        flen = 0; /* interactive devices open windows: never from a library */
    }
    for (int i = 0; i < n && list != NULL; i++) {
        if (flen > 0 && strlen(list[i]) == flen && strncmp(list[i], format, flen) == 0) {
            ok = true;
        }
        free(list[i]);
    }
    free(list);
    return ok;
}

/* Graphviz writes a fontname as the SVG font-family unless it is a PostScript
 * alias, so "DejaVu Sans Bold" reaches the browser as a family no browser
 * knows (Chromium fell back to a serif face; librsvg matched it through
 * fontconfig). Write it as the family plus a weight, with a generic
 * fallback. Only our own fontnames match: Graphviz XML-escapes every '"' of
 * the text, so article text cannot contain the pattern. Linear. */
static int svg_fonts(const char *data, size_t len, annals_sink sink, void *userdata)
{
    static const char pat[] = "font-family=\"DejaVu Sans";
    static const char bold[] = "font-family=\"DejaVu Sans,sans-serif\" font-weight=\"bold\"";
    static const char reg[] = "font-family=\"DejaVu Sans,sans-serif\"";
    const size_t pl = sizeof pat - 1;
    size_t done = 0, i = 0;

    while (i + pl <= len) {
        const char *hit = memchr(data + i, 'f', len - i);
        size_t at, end;
        const char *rep;
        if (hit == NULL) {
            break;
        }
        at = (size_t)(hit - data);
        if (at + pl > len || memcmp(data + at, pat, pl) != 0) {
            i = at + 1;
            continue;
        }
        end = at + pl;
        if (end + 6 <= len && memcmp(data + end, " Bold\"", 6) == 0) {
            rep = bold;
            end += 6;
        } else if (end < len && data[end] == '"') {
            rep = reg;
            end += 1;
        } else {
            i = end;
            continue;
        }
        if ((at > done && sink(data + done, at - done, userdata) != 0) ||
            sink(rep, strlen(rep), userdata) != 0) {
            return -1;
        }
        done = i = end;
    }
    return len > done ? sink(data + done, len - done, userdata) : 0;
}

static annals_status render(GVC_t *gvc, Agraph_t *g, const char *engine, const char *format,
                            annals_sink sink, void *userdata, annals_error *err)
{
    char *data = NULL;
    unsigned int len = 0; /* Graphviz 2.42: unsigned int *; newer: size_t * */
    annals_status rc = ANNALS_OK;

    gv_msg_reset();
    if (gvLayout(gvc, g, engine) != 0) {
        return annals__error(err, ANNALS_ELAYOUT, ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                             "Graphviz layout '%s' failed: %s", engine,
                             gv_msg_text("no message"));
    }
    if (gvRenderData(gvc, g, format, &data, &len) != 0) {
        const char *m = gv_msg_text("no message");
        rc = annals__error(err, strstr(m, "not recognized") ? ANNALS_EINVAL : ANNALS_ELAYOUT,
                           ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                           "Graphviz cannot render '%s': %s", format, m);
    } else if (data == NULL) {
        rc = annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                           "out of memory rendering '%s'", format);
    } else if (len > 0 && (strcmp(format, "svg") == 0 ? svg_fonts(data, len, sink, userdata)
                                                       : sink(data, len, userdata)) != 0) {
        rc = annals__error(err, ANNALS_EIO, ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET,
                           "output sink failed");
    }
    if (data != NULL) {
        gvFreeRenderData(data);
    }
    if (strncmp(engine, "nop", 3) == 0 && GD_clust(g) != NULL) {
        /* Graphviz 2.42's nop layout collects the pinned clusters in a
         * list that its cleanup never frees (nop_init_graphs/add_cluster) */
        free(GD_clust(g));
        GD_clust(g) = NULL;
        GD_n_cluster(g) = 0;
    }
    gvFreeLayout(gvc, g);
    return rc;
}

annals_status annals__view_write(const annals_graph *graph, annals_view view,
                                 const char *format, annals_sink sink, void *userdata,
                                 annals_error *err)
{
    Agraph_t *g = NULL;
    const char *engine = "nop2";
    annals_status rc;

    if (graph == NULL || format == NULL || sink == NULL || graph->corpus == NULL) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                             "missing graph, format or sink");
    }
    if (!format_ok(format)) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                             "unknown output format '%.40s'", format);
    }
    if (view == ANNALS_VIEW_TIMELINE) {
        rc = annals__timeline_graph(&g, graph, err);
    } else if (view == ANNALS_VIEW_RELATIONS) {
        rc = annals__relations_graph(&g, &engine, graph, err);
    } else {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                             "unknown view %d", (int)view);
    }
    if (rc < 0) {
        goto done;
    }
    if (strcmp(format, "dot") == 0 || strcmp(format, "gv") == 0) {
        sink_chan chan = {sink, userdata, false};
        if (agwrite(g, &chan) != 0 || chan.failed) {
            rc = annals__error(err, chan.failed ? ANNALS_EIO : ANNALS_ENOMEM,
                               ANNALS_STAGE_EXPORT, ANNALS_NO_OFFSET, "%s",
                               chan.failed ? "output sink failed" : "cannot write DOT");
        }
    } else {
        GVC_t *gvc = NULL;
        rc = get_gvc(&gvc, graph->corpus->ctx, err);
        if (rc == ANNALS_OK && !device_ok(gvc, format)) {
            rc = annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_LAYOUT, ANNALS_NO_OFFSET,
                               "unknown output format '%s' (Graphviz has no such device)",
                               format);
        }
        if (rc == ANNALS_OK) {
            rc = render(gvc, g, engine, format, sink, userdata, err);
        }
    }
done:
    if (g != NULL) {
        agclose(g);
    }
    return rc;
}
