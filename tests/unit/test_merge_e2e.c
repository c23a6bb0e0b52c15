/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_merge_e2e.c - the corpus test of issue 5 through the
 * whole extraction: the same meeting told by three differently worded
 * articles (tests/unit/merge/a-c.txt, written by us) becomes one event
 * with three mentions; a meeting and a shelling on the same day
 * (d.txt) stay two events.
 */
#include "corpus/corpus.h"

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static annals_ctx *ctx;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;
    if (f == NULL) {
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)n + 1);
        if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
            free(buf);
            buf = NULL;
        } else if (buf != NULL) {
            buf[n] = '\0';
            *len = (size_t)n;
        }
    }
    fclose(f);
    return buf;
}

static bool add(annals_corpus *c, const char *path)
{
    size_t len = 0;
    char *text = slurp(path, &len);
    annals_doc *doc = NULL;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    bool ok;
    if (text == NULL) {
        check_fail(__FILE__, __LINE__, "cannot read %s", path);
        return false;
    }
    info.date = "2025-03-11";
    info.source = path;
    ok = annals_doc_parse(&doc, ctx, text, len, &info, &err) == ANNALS_OK &&
         annals_corpus_add_doc(c, doc, &err) == ANNALS_OK;
    if (!ok) {
        check_fail(__FILE__, __LINE__, "%s: %s", path, err.message);
    }
    annals_doc_free(doc);
    free(text);
    return ok;
}

static bool involves(const annals_corpus *c, const annals__cevent *ev, const char *name)
{
    const annals__idlist *lists[3] = {&ev->source, &ev->target, &ev->participants};
    size_t l, i;
    for (l = 0; l < 3; l++) {
        for (i = 0; i < lists[l]->n; i++) {
            const annals__centity *e = ANNALS__CENTITY(c, lists[l]->ids[i]);
            if (strcmp(e->name, name) == 0) {
                return true;
            }
        }
    }
    return false;
}

/* Meetings (root 04) between the two ministers. */
static size_t meetings(const annals_corpus *c, size_t *mentions)
{
    size_t i, n = 0;
    *mentions = 0;
    for (i = 0; i < c->events.n; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, i);
        if (strcmp(ev->root, "04") == 0 && involves(c, ev, "Ingrid Halvorsen") &&
            involves(c, ev, "Tomas Reyes") && strcmp(ev->date_value, "2025-03-10") == 0) {
            n++;
            *mentions += ev->mentions.n;
        }
    }
    return n;
}

static void dump(const annals_corpus *c)
{
    size_t i;
    for (i = 0; i < c->events.n; i++) {
        const annals__cevent *ev = ANNALS__CEVENT(c, i);
        fprintf(stderr, "  e%zu %s %s [%s] %zu mention(s)\n", i + 1, ev->code, ev->label,
                ev->date_value, ev->mentions.n);
    }
}

int main(void)
{
    annals_error err = ANNALS_ERROR_INIT;
    annals_corpus *c = NULL;
    size_t n, mentions;

    if (annals_ctx_new(&ctx, NULL, &err) < 0) {
        fprintf(stderr, "context: %s\n", err.message);
        return 1;
    }
    CHECK(annals_corpus_new(&c, ctx, &err) == ANNALS_OK);
    CHECK(add(c, "unit/merge/a.txt"));
    CHECK(add(c, "unit/merge/b.txt"));
    CHECK(add(c, "unit/merge/c.txt"));
    n = meetings(c, &mentions);
    CHECK_EQ_SIZE(n, 1);
    CHECK(mentions >= 3);
    if (n != 1 || mentions < 3) {
        dump(c);
    }
    annals_corpus_free(c);

    CHECK(annals_corpus_new(&c, ctx, &err) == ANNALS_OK);
    CHECK(add(c, "unit/merge/d.txt"));
    {
        size_t i, violent = 0;
        n = meetings(c, &mentions);
        for (i = 0; i < c->events.n; i++) {
            const annals__cevent *ev = ANNALS__CEVENT(c, i);
            if ((strcmp(ev->root, "19") == 0 || strcmp(ev->root, "18") == 0 ||
                 strcmp(ev->root, "20") == 0) &&
                strcmp(ev->date_value, "2025-03-10") == 0) {
                violent++;
            }
        }
        CHECK_EQ_SIZE(n, 1);
        CHECK_EQ_SIZE(violent, 1);
        if (n != 1 || violent != 1) {
            dump(c);
        }
    }
    annals_corpus_free(c);
    annals_ctx_free(ctx);
    return check_summary();
}
