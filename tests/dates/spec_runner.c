/* SPDX-License-Identifier: MIT */
/*
 * tests/dates/spec_runner.c - runs tests/spec/dates.spec.
 *
 * Each non-comment line is
 *
 *   DCT | sentence | expected text | TYPE | value [| mod]
 *
 * DCT is YYYY-MM-DD or "none". The sentence is parsed with
 * annals_doc_parse (info.date = DCT) and the line passes when a timex has
 * exactly the expected text, type and value (and mod when given). Two other
 * forms check what is NOT a date:
 *
 *   DCT | sentence | -          no timex at all
 *   DCT | sentence | !text      no timex overlaps the first occurrence of text
 *
 * A failing line is reported with its line number and what was found.
 */
#include "core/internal.h"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 6

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                     s[n - 1] == '\r')) {
        s[--n] = '\0';
    }
    return s;
}

static void describe(const annals_doc *doc, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < doc->timexes.n && used + 1 < cap; i++) {
        const annals__timex *t = ANNALS__TIMEX(doc, i);
        int n = snprintf(out + used, cap - used, "%s[%.*s %s %s%s%s]", i ? " " : "",
                         (int)(t->end - t->start), doc->text + t->start,
                         annals__timex_type_name(t->type), t->value, t->mod[0] ? " " : "",
                         t->mod);
        if (n < 0) {
            break;
        }
        used += (size_t)n;
    }
    if (doc->timexes.n == 0) {
        snprintf(out, cap, "(no timex)");
    }
}

static void run_line(annals_ctx *ctx, const char *path, int lineno, char *line)
{
    char *f[MAX_FIELDS];
    size_t nf = 0;
    char *p = line;
    while (nf < MAX_FIELDS) {
        char *bar = strchr(p, '|');
        if (bar != NULL) {
            *bar = '\0';
        }
        f[nf++] = trim(p);
        if (bar == NULL) {
            break;
        }
        p = bar + 1;
    }
    if (nf < 3) {
        check_fail(path, lineno, "malformed spec line (want DCT | sentence | text ...)");
        return;
    }
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    if (strcmp(f[0], "none") != 0) {
        info.date = f[0];
    }
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc *doc = NULL;
    if (annals_doc_parse(&doc, ctx, f[1], strlen(f[1]), &info, &err) < 0) {
        check_fail(path, lineno, "parse failed: %s", err.message);
        return;
    }
    char found[1024];
    describe(doc, found, sizeof found);
    const char *want = f[2];
    bool ok = false;
    if (strcmp(want, "-") == 0) {
        ok = doc->timexes.n == 0;
        if (!ok) {
            check_fail(path, lineno, "expected no timex in \"%s\", found %s", f[1], found);
        }
    } else if (want[0] == '!') {
        const char *at = strstr(doc->text, want + 1);
        ok = at != NULL;
        if (at != NULL) {
            size_t s = (size_t)(at - doc->text), e = s + strlen(want + 1);
            for (size_t i = 0; i < doc->timexes.n; i++) {
                const annals__timex *t = ANNALS__TIMEX(doc, i);
                if (t->start < e && s < t->end) {
                    ok = false;
                }
            }
        }
        if (!ok) {
            check_fail(path, lineno, "\"%s\" must not be a timex in \"%s\", found %s", want + 1,
                       f[1], found);
        }
    } else {
        const char *type = nf > 3 ? f[3] : "";
        const char *value = nf > 4 ? f[4] : "";
        const char *mod = nf > 5 ? f[5] : NULL;
        size_t wl = strlen(want);
        for (size_t i = 0; i < doc->timexes.n && !ok; i++) {
            const annals__timex *t = ANNALS__TIMEX(doc, i);
            ok = t->end - t->start == wl && memcmp(doc->text + t->start, want, wl) == 0 &&
                 strcmp(annals__timex_type_name(t->type), type) == 0 &&
                 strcmp(t->value, value) == 0 && (mod == NULL || strcmp(t->mod, mod) == 0);
        }
        if (!ok) {
            check_fail(path, lineno, "want [%s %s %s%s%s] in \"%s\", found %s", want, type,
                       value, mod ? " " : "", mod ? mod : "", f[1], found);
        }
    }
    if (ok) {
        check_pass();
    }
    annals_doc_free(doc);
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "spec/dates.spec";
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        return 1;
    }
    annals_ctx *ctx = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    if (annals_ctx_new(&ctx, NULL, &err) < 0) {
        fprintf(stderr, "annals_ctx_new: %s\n", err.message);
        fclose(fp);
        return 1;
    }
    char line[4096];
    int lineno = 0, cases = 0;
    while (fgets(line, sizeof line, fp) != NULL) {
        lineno++;
        char *s = trim(line);
        if (*s == '\0' || *s == '#') {
            continue;
        }
        cases++;
        run_line(ctx, path, lineno, s);
    }
    fclose(fp);
    annals_ctx_free(ctx);
    printf("%s: %d cases\n", path, cases);
    return check_summary();
}
