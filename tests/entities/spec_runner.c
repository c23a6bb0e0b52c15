/* SPDX-License-Identifier: MIT */
/*
 * tests/entities/spec_runner.c - runs tests/spec/entities.spec.
 *
 * Format (one item a line; '#' starts a comment line):
 *   > TEXT                      a document (one or more sentences), DCT 2024-02-06
 *   = SURFACE | KIND | NAME | COUNTRY [| roles=R1;R2] [| flags=ADJ,METONYM,...] [| nth=N]
 *                               the Nth (default 1st) mention whose text is SURFACE
 *                               belongs to an entity of KIND named NAME with COUNTRY
 *                               ("-" = none); roles must all be present; flags must be set
 *   ! SURFACE                   no mention's text is SURFACE
 *   ? SURFACE | KIND            no mention's text is SURFACE with this kind
 * Failures are reported with the spec line number.
 */
#include "core/internal.h"

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SPEC "spec/entities.spec"

static const char *kind_name(annals_entity_kind k)
{
    static const char *const names[] = {"person", "organization", "group", "country", "place"};
    return (unsigned)k < 5 ? names[k] : "?";
}

static char *trim(char *s)
{
    char *e;
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r')) {
        *--e = '\0';
    }
    return s;
}

static size_t split(char *s, char **parts, size_t max)
{
    size_t n = 0;
    while (n < max) {
        char *bar = strstr(s, " | ");
        parts[n++] = trim(s);
        if (bar == NULL) {
            break;
        }
        *bar = '\0';
        s = bar + 3;
    }
    return n;
}

static unsigned flag_bits(const char *s)
{
    static const struct {
        const char *name;
        unsigned bit;
    } f[] = {{"NAME", ANNALS_MENTION_NAME},       {"ADJ", ANNALS_MENTION_ADJ},
             {"METONYM", ANNALS_MENTION_METONYM}, {"TITLE", ANNALS_MENTION_TITLE},
             {"DESCRIPTION", ANNALS_MENTION_DESCRIPTION},
             {"PRONOUN", ANNALS_MENTION_PRONOUN}, {"PLURAL", ANNALS_MENTION_PLURAL}};
    unsigned bits = 0;
    size_t i;
    for (i = 0; i < sizeof f / sizeof f[0]; i++) {
        if (strstr(s, f[i].name) != NULL) {
            bits |= f[i].bit;
        }
    }
    return bits;
}

static const annals__mention *find_mention(const annals_doc *doc, const char *surface, int nth)
{
    size_t i, len = strlen(surface);
    int seen = 0;
    for (i = 0; i < doc->mentions.n; i++) {
        const annals__mention *m = ANNALS__MENTION(doc, i);
        if (m->end - m->start == len && memcmp(doc->text + m->start, surface, len) == 0 &&
            ++seen == nth) {
            return m;
        }
    }
    return NULL;
}

static void dump(const annals_doc *doc, int line)
{
    size_t i;
    fprintf(stderr, "  (line %d) mentions:", line);
    for (i = 0; i < doc->mentions.n; i++) {
        const annals__mention *m = ANNALS__MENTION(doc, i);
        const annals__entity *e = ANNALS__ENTITY(doc, m->entity);
        fprintf(stderr, " [%.*s -> %s %s %s]", (int)(m->end - m->start), doc->text + m->start,
                kind_name(e->kind), e->name, e->country[0] ? e->country : "-");
    }
    fprintf(stderr, "\n");
}

static void check_expect(const annals_doc *doc, char *spec, int line)
{
    char *p[8];
    size_t n = split(spec, p, 8), k;
    int nth = 1;
    const annals__mention *m;
    const annals__entity *e;
    bool ok = true;
    if (n < 4) {
        check_fail(SPEC, line, "expectation needs SURFACE | KIND | NAME | COUNTRY");
        return;
    }
    for (k = 4; k < n; k++) {
        if (strncmp(p[k], "nth=", 4) == 0) {
            nth = atoi(p[k] + 4);
        }
    }
    m = find_mention(doc, p[0], nth);
    if (m == NULL) {
        check_fail(SPEC, line, "no mention \"%s\" (#%d)", p[0], nth);
        dump(doc, line);
        return;
    }
    e = ANNALS__ENTITY(doc, m->entity);
    if (strcmp(kind_name(e->kind), p[1]) != 0) {
        check_fail(SPEC, line, "\"%s\": kind %s, want %s", p[0], kind_name(e->kind), p[1]);
        ok = false;
    }
    if (strcmp(e->name, p[2]) != 0) {
        check_fail(SPEC, line, "\"%s\": name \"%s\", want \"%s\"", p[0], e->name, p[2]);
        ok = false;
    }
    if (strcmp(e->country[0] ? e->country : "-", p[3]) != 0) {
        check_fail(SPEC, line, "\"%s\": country %s, want %s", p[0],
                   e->country[0] ? e->country : "-", p[3]);
        ok = false;
    }
    for (k = 4; k < n; k++) {
        if (strncmp(p[k], "roles=", 6) == 0) {
            char *r = p[k] + 6, *semi;
            do {
                size_t q;
                bool found = false;
                semi = strchr(r, ';');
                if (semi) {
                    *semi = '\0';
                }
                for (q = 0; q < e->roles.n; q++) {
                    found = found || strcmp(e->roles.items[q], r) == 0;
                }
                if (!found) {
                    check_fail(SPEC, line, "\"%s\": no role \"%s\"", p[0], r);
                    ok = false;
                }
                r = semi ? semi + 1 : NULL;
            } while (r);
        } else if (strncmp(p[k], "flags=", 6) == 0) {
            unsigned want = flag_bits(p[k] + 6);
            if ((m->flags & want) != want) {
                check_fail(SPEC, line, "\"%s\": flags %#x lack %#x", p[0], m->flags, want);
                ok = false;
            }
        }
    }
    if (ok) {
        check_pass();
    } else {
        dump(doc, line);
    }
}

static void check_absent(const annals_doc *doc, char *spec, int line)
{
    char *p[3];
    size_t n = split(spec, p, 3), i, len = strlen(p[0]);
    for (i = 0; i < doc->mentions.n; i++) {
        const annals__mention *m = ANNALS__MENTION(doc, i);
        const annals__entity *e = ANNALS__ENTITY(doc, m->entity);
        if (m->end - m->start == len && memcmp(doc->text + m->start, p[0], len) == 0 &&
            (n < 2 || strcmp(kind_name(e->kind), p[1]) == 0)) {
            check_fail(SPEC, line, "unexpected mention \"%s\" (%s %s)", p[0],
                       kind_name(e->kind), e->name);
            dump(doc, line);
            return;
        }
    }
    check_pass();
}

int main(void)
{
    FILE *f = fopen(SPEC, "r");
    char buf[4096];
    int line = 0, docs = 0;
    annals_ctx *ctx = NULL;
    annals_doc *doc = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;

    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", SPEC);
        return 1;
    }
    if (annals_ctx_new(&ctx, NULL, &err) != ANNALS_OK) {
        fprintf(stderr, "context: %s\n", err.message);
        return 1;
    }
    info.date = "2024-02-06";
    info.date_source = ANNALS_DATE_CLI;
    while (fgets(buf, sizeof buf, f) != NULL) {
        char *s = trim(buf);
        line++;
        if (*s == '\0' || *s == '#') {
            continue;
        }
        if (*s == '>') {
            char *text = trim(s + 1);
            annals_doc_free(doc);
            doc = NULL;
            err = (annals_error)ANNALS_ERROR_INIT;
            if (annals_doc_parse(&doc, ctx, text, strlen(text), &info, &err) != ANNALS_OK) {
                check_fail(SPEC, line, "parse failed: %s", err.message);
                doc = NULL;
            }
            docs++;
            continue;
        }
        if (doc == NULL) {
            continue;
        }
        if (*s == '=') {
            check_expect(doc, s + 1, line);
        } else if (*s == '!') {
            char *t = trim(s + 1);
            check_absent(doc, t, line);
        } else if (*s == '?') {
            check_absent(doc, trim(s + 1), line);
        } else {
            check_fail(SPEC, line, "unknown line type '%c'", *s);
        }
    }
    fclose(f);
    annals_doc_free(doc);
    annals_ctx_free(ctx);
    printf("%d spec documents\n", docs);
    return check_summary();
}
