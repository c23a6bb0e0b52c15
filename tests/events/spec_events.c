/* SPDX-License-Identifier: MIT */
#define _POSIX_C_SOURCE 200809L
/*
 * tests/events/spec_events.c - runs tests/spec/events.spec: one sentence per
 * line with its entities and dates marked by hand, so the events stage is
 * tested alone (the entity and date stages have their own specs):
 *
 *   [surface=Canonical Name/kf]   an entity mention; k = kind (p person,
 *                                 o organization, g group, c country, l place;
 *                                 default c), f = flags (a adjective, s plural,
 *                                 m metonym); "=Canonical" defaults to surface
 *   {surface=VALUE}               a DATE timex with a TIMEX3 value
 *
 * followed by a TAB and expectations (space separated, `_` for a space):
 *   code=040 root=04 src=A,B tgt=C part=D place=E date=2024-02-06 mod=planned
 *   inferred=1 count=27001 trig=held  n=2 (events in the sentence)  none
 * An event is chosen by trig= (trigger text starts with it), else by code/root.
 * Lines "@dct YYYY-MM-DD" set the document date (default 2024-02-06).
 * Failures print the spec line number.
 */
#include "check.h"
#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXM 64

typedef struct inj_mention {
    size_t start, end;
    char name[96];
    annals_entity_kind kind;
    unsigned flags;
} inj_mention;

typedef struct inj_timex {
    size_t start, end;
    char value[40];
} inj_timex;

static void value_bounds(const char *v, int32_t *lo, int32_t *hi, annals_precision *p)
{
    int y = 0, m = 0, d = 0, w = 0;
    *lo = *hi = ANNALS__NO_DAY;
    *p = ANNALS_PREC_NONE;
    if (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3 && strlen(v) == 10) {
        *lo = *hi = annals__days_from_civil(y, m, d);
        *p = ANNALS_PREC_DAY;
    } else if (sscanf(v, "%4d-W%2d", &y, &w) == 2) {
        /* ISO week: Monday of week w */
        int32_t jan4 = annals__days_from_civil(y, 1, 4);
        int32_t mon = jan4 - annals__weekday(jan4) + (w - 1) * 7;
        bool we = strstr(v, "-WE") != NULL;
        *lo = we ? mon + 5 : mon;
        *hi = mon + 6;
        *p = ANNALS_PREC_WEEK;
    } else if (sscanf(v, "%4d-%2d", &y, &m) == 2 && strlen(v) == 7) {
        *lo = annals__days_from_civil(y, m, 1);
        *hi = annals__days_from_civil(y, m, annals__days_in_month(y, m));
        *p = ANNALS_PREC_MONTH;
    } else if (sscanf(v, "%4d", &y) == 1 && strlen(v) == 4) {
        *lo = annals__days_from_civil(y, 1, 1);
        *hi = annals__days_from_civil(y, 12, 31);
        *p = ANNALS_PREC_YEAR;
    }
}

/* Strip the markup of `in` into `out`, recording mentions and timexes. */
static bool strip(const char *in, char *out, size_t cap, inj_mention *ms, size_t *nm,
                  inj_timex *ts, size_t *nt)
{
    size_t o = 0;
    const char *p = in;
    *nm = *nt = 0;
    while (*p && o + 1 < cap) {
        if (*p == '[' || *p == '{') {
            char close = *p == '[' ? ']' : '}';
            const char *e = strchr(p, close);
            const char *eq, *sl;
            size_t slen;
            if (!e) {
                return false;
            }
            eq = memchr(p, '=', (size_t)(e - p));
            sl = *p == '[' ? memchr(p, '/', (size_t)(e - p)) : NULL;
            if (sl && eq && sl < eq) {
                sl = NULL;
            }
            slen = (size_t)((eq ? eq : sl ? sl : e) - (p + 1));
            if (o + slen + 1 >= cap) {
                return false;
            }
            memcpy(out + o, p + 1, slen);
            if (*p == '[') {
                inj_mention *m = &ms[(*nm)++];
                const char *ne = sl ? sl : e;
                const char *nb = eq ? eq + 1 : p + 1;
                size_t nl = (size_t)(ne - nb);
                memset(m, 0, sizeof *m);
                m->start = o;
                m->end = o + slen;
                if (nl >= sizeof m->name) {
                    nl = sizeof m->name - 1;
                }
                memcpy(m->name, nb, nl);
                m->kind = ANNALS_ENTITY_COUNTRY;
                if (sl) {
                    const char *f;
                    for (f = sl + 1; f < e; f++) {
                        switch (*f) {
                        case 'p': m->kind = ANNALS_ENTITY_PERSON; break;
                        case 'o': m->kind = ANNALS_ENTITY_ORGANIZATION; break;
                        case 'g': m->kind = ANNALS_ENTITY_GROUP; break;
                        case 'c': m->kind = ANNALS_ENTITY_COUNTRY; break;
                        case 'l': m->kind = ANNALS_ENTITY_PLACE; break;
                        case 'a': m->flags |= ANNALS_MENTION_ADJ; break;
                        case 's': m->flags |= ANNALS_MENTION_PLURAL; break;
                        case 'm': m->flags |= ANNALS_MENTION_METONYM; break;
                        default: break;
                        }
                    }
                }
                if (*nm == MAXM) {
                    return false;
                }
            } else {
                inj_timex *t = &ts[(*nt)++];
                size_t vl = eq ? (size_t)(e - eq - 1) : 0;
                memset(t, 0, sizeof *t);
                t->start = o;
                t->end = o + slen;
                if (vl >= sizeof t->value) {
                    vl = sizeof t->value - 1;
                }
                if (eq) {
                    memcpy(t->value, eq + 1, vl);
                }
                if (*nt == MAXM) {
                    return false;
                }
            }
            o += slen;
            p = e + 1;
            continue;
        }
        out[o++] = *p++;
    }
    out[o] = '\0';
    return true;
}

static void tok_range(annals_doc *doc, size_t start, size_t end, size_t *tb, size_t *te)
{
    size_t i;
    *tb = *te = 0;
    for (i = 0; i < doc->tokens.n; i++) {
        const annals__token *t = ANNALS__TOK(doc, i);
        if (t->start >= start && *te == 0 && *tb == 0 && t->end <= end) {
            *tb = i;
            *te = i + 1;
        } else if (*te == i && t->end <= end && t->start >= start) {
            *te = i + 1;
        }
    }
}

static annals_status inject(annals_doc *doc, const inj_mention *ms, size_t nm,
                            const inj_timex *ts, size_t nt)
{
    size_t i, j;
    doc->entities.n = doc->mentions.n = doc->timexes.n = doc->events.n = 0;
    for (i = 0; i < nm; i++) {
        annals__mention *m = annals__vec_push(&doc->mentions);
        size_t e = SIZE_MAX;
        if (!m) {
            return ANNALS_ENOMEM;
        }
        for (j = 0; j < doc->entities.n; j++) {
            if (strcmp(ANNALS__ENTITY(doc, j)->name, ms[i].name) == 0) {
                e = j;
            }
        }
        if (e == SIZE_MAX) {
            annals__entity *en = annals__vec_push(&doc->entities);
            if (!en) {
                return ANNALS_ENOMEM;
            }
            en->kind = ms[i].kind;
            en->name = annals__arena_strdup(&doc->arena, ms[i].name);
            en->first_mention = doc->mentions.n - 1;
            e = doc->entities.n - 1;
        }
        ANNALS__ENTITY(doc, e)->n_mentions++;
        m->start = ms[i].start;
        m->end = ms[i].end;
        tok_range(doc, m->start, m->end, &m->tok_begin, &m->tok_end);
        m->sentence = ANNALS__TOK(doc, m->tok_begin)->sentence;
        m->entity = (uint32_t)e;
        m->flags = ms[i].flags | ANNALS_MENTION_NAME;
        m->rule = "spec";
    }
    for (i = 0; i < nt; i++) {
        annals__timex *t = annals__vec_push(&doc->timexes);
        if (!t) {
            return ANNALS_ENOMEM;
        }
        t->start = ts[i].start;
        t->end = ts[i].end;
        tok_range(doc, t->start, t->end, &t->tok_begin, &t->tok_end);
        t->sentence = ANNALS__TOK(doc, t->tok_begin)->sentence;
        t->type = ANNALS_TIMEX_DATE;
        memcpy(t->value, ts[i].value, sizeof t->value);
        t->rule = "spec";
        value_bounds(t->value, &t->earliest, &t->latest, &t->precision);
    }
    return ANNALS_OK;
}

static bool role_has(const annals_doc *doc, const annals__role *r, const char *names)
{
    char buf[256];
    char *tok, *save = NULL;
    snprintf(buf, sizeof buf, "%s", names);
    for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        size_t k;
        bool found = false;
        char *u;
        for (u = tok; *u; u++) {
            if (*u == '_') {
                *u = ' ';
            }
        }
        for (k = 0; k < r->n; k++) {
            found = found || strcmp(ANNALS__ENTITY(doc, r->ent[k])->name, tok) == 0;
        }
        if (!found) {
            return false;
        }
    }
    return true;
}

static void role_str(const annals_doc *doc, const annals__role *r, char *out, size_t cap)
{
    size_t k, o = 0;
    out[0] = '\0';
    for (k = 0; k < r->n && o + 2 < cap; k++) {
        int w = snprintf(out + o, cap - o, "%s%s", k ? "," : "", ANNALS__ENTITY(doc, r->ent[k])->name);
        if (w < 0) {
            break;
        }
        o += (size_t)w;
    }
}

static void describe(const annals_doc *doc, char *out, size_t cap)
{
    size_t i, o = 0;
    out[0] = '\0';
    for (i = 0; i < doc->events.n && o + 4 < cap; i++) {
        const annals__event *e = ANNALS__EVENT(doc, i);
        char s[128], t[128], p[128];
        int w;
        role_str(doc, &e->source, s, sizeof s);
        role_str(doc, &e->target, t, sizeof t);
        role_str(doc, &e->places, p, sizeof p);
        w = snprintf(out + o, cap - o, "\n      [%.*s] %s src=%s tgt=%s place=%s date=%s mod=%s",
                     (int)(e->trigger_end - e->trigger_start), doc->text + e->trigger_start,
                     e->code, s, t, p, e->date_value, annals__modality_name(e->modality));
        if (w < 0) {
            break;
        }
        o += (size_t)w;
        if (o >= cap) {
            break;
        }
    }
}

static void run_line(annals_ctx *ctx, const char *file, int lineno, const char *dct,
                     char *line)
{
    char *tab = strchr(line, '\t');
    char text[4096], buf[2048], desc[4096];
    inj_mention ms[MAXM];
    inj_timex ts[MAXM];
    size_t nm, nt, i;
    annals_doc *doc = NULL;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    const annals__event *ev = NULL;
    char *tok, *save = NULL;
    const char *want_code = NULL, *want_root = NULL, *want_trig = NULL;
    bool ok = true;
    char why[512] = "";

    if (!tab) {
        check_fail(file, lineno, "no TAB between sentence and expectations");
        return;
    }
    *tab = '\0';
    snprintf(buf, sizeof buf, "%s", tab + 1);
    if (!strip(line, text, sizeof text, ms, &nm, ts, &nt)) {
        check_fail(file, lineno, "bad markup");
        return;
    }
    info.date = dct;
    info.date_source = ANNALS_DATE_CLI;
    info.id = "spec";
    if (annals_doc_parse(&doc, ctx, text, strlen(text), &info, &err) != ANNALS_OK) {
        check_fail(file, lineno, "parse failed: %s", err.message);
        return;
    }
    if (inject(doc, ms, nm, ts, nt) != ANNALS_OK || annals__events(doc, &err) != ANNALS_OK) {
        check_fail(file, lineno, "events failed: %s", err.message);
        annals_doc_free(doc);
        return;
    }
    describe(doc, desc, sizeof desc);
    /* select the event */
    for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        if (strncmp(tok, "code=", 5) == 0) {
            want_code = tok + 5;
        } else if (strncmp(tok, "root=", 5) == 0) {
            want_root = tok + 5;
        } else if (strncmp(tok, "trig=", 5) == 0) {
            want_trig = tok + 5;
        }
    }
    for (i = 0; i < doc->events.n && !ev; i++) {
        const annals__event *e = ANNALS__EVENT(doc, i);
        if (want_trig && strncmp(doc->text + e->trigger_start, want_trig, strlen(want_trig)) != 0) {
            continue;
        }
        if (!want_trig && want_code && strcmp(e->code, want_code) != 0) {
            continue;
        }
        if (!want_trig && !want_code && want_root && strcmp(e->root, want_root) != 0) {
            continue;
        }
        ev = e;
    }
    snprintf(buf, sizeof buf, "%s", tab + 1);
    save = NULL;
    for (tok = strtok_r(buf, " ", &save); tok && ok; tok = strtok_r(NULL, " ", &save)) {
        char *v = strchr(tok, '=');
        if (strcmp(tok, "none") == 0) {
            if (doc->events.n != 0) {
                ok = false;
                snprintf(why, sizeof why, "expected no event");
            }
            continue;
        }
        if (!v) {
            continue;
        }
        *v++ = '\0';
        if (strcmp(tok, "n") == 0) {
            if (doc->events.n != (size_t)atoi(v)) {
                ok = false;
                snprintf(why, sizeof why, "expected %s events, got %zu", v, doc->events.n);
            }
            continue;
        }
        if (!ev) {
            ok = false;
            snprintf(why, sizeof why, "no matching event");
            break;
        }
        if (strcmp(tok, "code") == 0 && strcmp(ev->code, v) != 0) {
            snprintf(why, sizeof why, "code %s, want %s", ev->code, v);
            ok = false;
        } else if (strcmp(tok, "root") == 0 && strcmp(ev->root, v) != 0) {
            snprintf(why, sizeof why, "root %s, want %s", ev->root, v);
            ok = false;
        } else if (strcmp(tok, "src") == 0 && !role_has(doc, &ev->source, v)) {
            snprintf(why, sizeof why, "source lacks %s", v);
            ok = false;
        } else if (strcmp(tok, "tgt") == 0 && !role_has(doc, &ev->target, v)) {
            snprintf(why, sizeof why, "target lacks %s", v);
            ok = false;
        } else if (strcmp(tok, "part") == 0 && !role_has(doc, &ev->participants, v)) {
            snprintf(why, sizeof why, "participants lack %s", v);
            ok = false;
        } else if (strcmp(tok, "place") == 0 && !role_has(doc, &ev->places, v)) {
            snprintf(why, sizeof why, "places lack %s", v);
            ok = false;
        } else if (strcmp(tok, "date") == 0 &&
                   strcmp(ev->date_value, strcmp(v, "-") == 0 ? "" : v) != 0) {
            snprintf(why, sizeof why, "date '%s', want %s", ev->date_value, v);
            ok = false;
        } else if (strcmp(tok, "mod") == 0 && strcmp(annals__modality_name(ev->modality), v) != 0) {
            snprintf(why, sizeof why, "modality %s, want %s", annals__modality_name(ev->modality), v);
            ok = false;
        } else if (strcmp(tok, "inferred") == 0 && ev->date_inferred != (atoi(v) != 0)) {
            snprintf(why, sizeof why, "inferred %d, want %s", ev->date_inferred, v);
            ok = false;
        } else if (strcmp(tok, "count") == 0 && (!ev->has_count || ev->count_min != atoll(v))) {
            snprintf(why, sizeof why, "count %lld, want %s", ev->has_count ? ev->count_min : -1, v);
            ok = false;
        }
    }
    if (ok) {
        check_pass();
    } else {
        check_fail(file, lineno, "%s: %s%s", why, text, desc);
    }
    annals_doc_free(doc);
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "spec/events.spec";
    FILE *f = fopen(path, "r");
    char line[4096], dct[16] = "2024-02-06";
    int lineno = 0;
    annals_ctx *ctx = NULL;
    annals_error err = ANNALS_ERROR_INIT;

    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return 1;
    }
    if (annals_ctx_new(&ctx, NULL, &err) != ANNALS_OK) {
        fprintf(stderr, "ctx: %s\n", err.message);
        fclose(f);
        return 1;
    }
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        lineno++;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
            line[--n] = '\0';
        }
        if (n == 0 || line[0] == '#') {
            continue;
        }
        if (strncmp(line, "@dct ", 5) == 0) {
            size_t dn = strlen(line + 5);
            if (dn >= sizeof dct) {
                dn = sizeof dct - 1;
            }
            memcpy(dct, line + 5, dn);
            dct[dn] = '\0';
            continue;
        }
        run_line(ctx, path, lineno, dct, line);
    }
    fclose(f);
    annals_ctx_free(ctx);
    return check_summary();
}
