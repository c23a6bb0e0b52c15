/* SPDX-License-Identifier: MIT */
/*
 * tests/dates/timex_dump.c - a small driver for measuring the dates stage
 * with ../shared/eval/score_timex.py before/without the full CLI:
 *
 *   timex_dump [--date YYYY-MM-DD] [--narrative] FILE
 *
 * prints one annals/1-like JSON line with the document's timexes
 * (start, end, text, type, value, mod, rule, anchor, earliest, latest,
 * precision) and the news/narrative decision.
 */
#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_json_str(const char *s, size_t n)
{
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            printf("\\%c", c);
        } else if (c < 0x20) {
            printf("\\u%04x", c);
        } else {
            putchar(c);
        }
    }
    putchar('"');
}

int main(int argc, char **argv)
{
    const char *date = NULL, *path = NULL;
    annals_options opts = ANNALS_OPTIONS_INIT;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
            date = argv[++i];
        } else if (strcmp(argv[i], "--narrative") == 0) {
            opts.flags |= ANNALS_OPT_NARRATIVE;
        } else {
            path = argv[i];
        }
    }
    if (path == NULL) {
        fprintf(stderr, "usage: timex_dump [--date YYYY-MM-DD] [--narrative] FILE\n");
        return 2;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "timex_dump: cannot open %s\n", path);
        return 1;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (nb == NULL) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf == NULL) {
        return 1;
    }
    annals_error err = ANNALS_ERROR_INIT;
    annals_ctx *ctx = NULL;
    annals_doc *doc = NULL;
    if (annals_ctx_new(&ctx, &opts, &err) < 0) {
        fprintf(stderr, "timex_dump: %s\n", err.message);
        free(buf);
        return 1;
    }
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    info.date = date;
    if (annals_doc_parse(&doc, ctx, buf, len, &info, &err) < 0) {
        fprintf(stderr, "timex_dump: %s: %s\n", path, err.message);
        annals_ctx_free(ctx);
        free(buf);
        return 1;
    }
    printf("{\"schema\":\"annals/1\",\"documents\":[{\"id\":\"d1\",\"date\":");
    if (doc->dct[0]) {
        printf("\"%s\"", doc->dct);
    } else {
        printf("null");
    }
    printf(",\"narrative\":%s}],\"timexes\":[", doc->narrative ? "true" : "false");
    for (size_t i = 0; i < doc->timexes.n; i++) {
        const annals__timex *t = ANNALS__TIMEX(doc, i);
        char e[16] = "", l[16] = "";
        if (t->earliest != ANNALS__NO_DAY) {
            annals__format_day(t->earliest, e);
            annals__format_day(t->latest, l);
        }
        printf("%s{\"id\":\"t%zu\",\"start\":%zu,\"end\":%zu,\"text\":", i ? "," : "", i + 1,
               t->start, t->end);
        put_json_str(doc->text + t->start, t->end - t->start);
        printf(",\"type\":\"%s\",\"value\":\"%s\",\"mod\":\"%s\",\"rule\":\"%s\",\"anchor\":\"%s\","
               "\"earliest\":\"%s\",\"latest\":\"%s\",\"precision\":\"%s\"}",
               annals__timex_type_name(t->type), t->value, t->mod, t->rule,
               t->anchor ? t->anchor : "", e, l, annals__precision_name(t->precision));
    }
    printf("],\"warnings\":[");
    for (size_t i = 0; i < annals_doc_warning_count(doc); i++) {
        const annals_warning *w = annals_doc_warning(doc, i);
        printf("%s{\"offset\":%zu,\"message\":", i ? "," : "", w->offset);
        put_json_str(w->message, strlen(w->message));
        printf("}");
    }
    printf("]}\n");
    annals_doc_free(doc);
    annals_ctx_free(ctx);
    free(buf);
    return 0;
}
