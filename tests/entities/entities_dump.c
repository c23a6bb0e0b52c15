/* SPDX-License-Identifier: MIT */
/*
 * tests/entities/entities_dump.c - a small driver for the entities stage:
 * `entities_dump [--date YYYY-MM-DD] [--explain] [--lexicon FILE] FILE`
 * prints one annals/1-like JSON line (documents, entities with mentions)
 * so the stage can be scored before/independently of the CLI, and
 * `entities_dump --bench N FILE` times the entity stage alone.
 */
#define _POSIX_C_SOURCE 200809L
#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        if (n + 65536 > cap) {
            char *nb;
            cap = cap ? cap * 2 : 131072;
            nb = realloc(buf, cap);
            if (nb == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static void put_str(const char *s, size_t len)
{
    size_t i;
    putchar('"');
    for (i = 0; i < len; i++) {
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

static const char *kind_name(annals_entity_kind k)
{
    static const char *const names[] = {"person", "organization", "group", "country", "place"};
    return (unsigned)k < 5 ? names[k] : "entity";
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    const char *date = NULL, *path = NULL, *lexicon = NULL;
    unsigned flags = 0;
    long bench = 0;
    int a;
    size_t len, i, k;
    char *text;
    annals_ctx *ctx = NULL;
    annals_doc *doc = NULL;
    annals_options opts = ANNALS_OPTIONS_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;

    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--date") == 0 && a + 1 < argc) {
            date = argv[++a];
        } else if (strcmp(argv[a], "--explain") == 0) {
            flags |= ANNALS_OPT_EXPLAIN;
        } else if (strcmp(argv[a], "--lexicon") == 0 && a + 1 < argc) {
            lexicon = argv[++a];
        } else if (strcmp(argv[a], "--bench") == 0 && a + 1 < argc) {
            bench = atol(argv[++a]);
        } else {
            path = argv[a];
        }
    }
    if (path == NULL) {
        fprintf(stderr, "usage: entities_dump [--date D] [--explain] [--lexicon F] [--bench N] FILE\n");
        return 2;
    }
    text = slurp(path, &len);
    if (text == NULL) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 1;
    }
    opts.flags = flags;
    if (annals_ctx_new(&ctx, &opts, &err) != ANNALS_OK) {
        fprintf(stderr, "context: %s\n", err.message);
        return 1;
    }
    if (lexicon != NULL) {
        size_t ll;
        char *lt = slurp(lexicon, &ll);
        if (lt == NULL || annals_ctx_load_lexicon(ctx, lt, ll, lexicon, &err) != ANNALS_OK) {
            fprintf(stderr, "%s\n", lt ? err.message : "cannot read lexicon");
            free(lt);
            return 1;
        }
        free(lt);
    }
    info.date = date;
    info.date_source = date ? ANNALS_DATE_CLI : ANNALS_DATE_NONE;
    info.source = path;
    if (annals_doc_parse(&doc, ctx, text, len, &info, &err) != ANNALS_OK) {
        fprintf(stderr, "%s: %s\n", path, err.message);
        return 1;
    }
    if (bench > 0) {
        double t0 = now(), dt;
        long r;
        for (r = 0; r < bench; r++) {
            doc->entities.n = 0;
            doc->mentions.n = 0;
            if (annals__entities(doc, &err) != ANNALS_OK) {
                fprintf(stderr, "entities: %s\n", err.message);
                return 1;
            }
        }
        dt = now() - t0;
        fprintf(stderr, "entities stage: %ld x %zu bytes in %.3f s = %.1f MB/s\n", bench, len,
                dt, (double)len * (double)bench / dt / 1e6);
        annals_doc_free(doc);
        annals_ctx_free(ctx);
        free(text);
        return 0;
    }
    printf("{\"schema\":\"annals/1\",\"documents\":[{\"id\":\"d1\",\"source\":");
    put_str(path, strlen(path));
    printf("}],\"entities\":[");
    for (i = 0; i < doc->entities.n; i++) {
        const annals__entity *e = ANNALS__ENTITY(doc, i);
        printf("%s{\"id\":\"a%zu\",\"kind\":\"%s\",\"name\":", i ? "," : "", i + 1,
               kind_name(e->kind));
        put_str(e->name, strlen(e->name));
        printf(",\"country\":");
        if (e->country[0]) {
            put_str(e->country, strlen(e->country));
        } else {
            printf("null");
        }
        printf(",\"aliases\":[");
        for (k = 0; k < e->aliases.n; k++) {
            printf("%s", k ? "," : "");
            put_str(e->aliases.items[k], strlen(e->aliases.items[k]));
        }
        printf("],\"roles\":[");
        for (k = 0; k < e->roles.n; k++) {
            printf("%s", k ? "," : "");
            put_str(e->roles.items[k], strlen(e->roles.items[k]));
        }
        printf("]");
        if (e->explain) {
            printf(",\"explain\":");
            put_str(e->explain, strlen(e->explain));
        }
        printf(",\"mentions\":[");
        for (k = 0, a = 0; k < doc->mentions.n; k++) {
            const annals__mention *m = ANNALS__MENTION(doc, k);
            if (m->entity != i) {
                continue;
            }
            printf("%s{\"doc\":\"d1\",\"start\":%zu,\"end\":%zu,\"text\":", a++ ? "," : "",
                   m->start, m->end);
            put_str(doc->text + m->start, m->end - m->start);
            printf(",\"flags\":%u,\"rule\":\"%s\"}", m->flags, m->rule ? m->rule : "");
        }
        printf("]}");
    }
    printf("],\"timexes\":[],\"events\":[]}\n");
    annals_doc_free(doc);
    annals_ctx_free(ctx);
    free(text);
    return 0;
}
