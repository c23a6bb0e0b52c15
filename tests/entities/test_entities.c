/* SPDX-License-Identifier: MIT */
/* tests/entities/test_entities.c - lexicon loading, run-time rows and
 * their errors, explanations, mention/entity invariants. */
#define _POSIX_C_SOURCE 200809L
#include "core/internal.h"

#include "check.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static annals_doc *parse(annals_ctx *ctx, const char *text)
{
    annals_doc *doc = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    info.date = "2024-02-06";
    info.date_source = ANNALS_DATE_CLI;
    if (annals_doc_parse(&doc, ctx, text, strlen(text), &info, &err) != ANNALS_OK) {
        fprintf(stderr, "parse: %s\n", err.message);
        return NULL;
    }
    return doc;
}

static const annals__entity *entity_named(const annals_doc *doc, const char *name)
{
    size_t i;
    for (i = 0; i < doc->entities.n; i++) {
        const annals__entity *e = ANNALS__ENTITY(doc, i);
        if (strcmp(e->name, name) == 0) {
            return e;
        }
    }
    return NULL;
}

static void test_invariants(annals_ctx *ctx)
{
    annals_doc *doc = parse(ctx, "Visiting Cairo on Monday, the Japanese Foreign Minister "
                                 "Kenji Arakawa met Egyptian officials. Arakawa later flew "
                                 "to Amman, where King Abdullah received him.");
    size_t i, prev_start = 0, prev_first = 0;
    CHECK(doc != NULL);
    if (doc == NULL) {
        return;
    }
    for (i = 0; i < doc->mentions.n; i++) {
        const annals__mention *m = ANNALS__MENTION(doc, i);
        CHECK(m->start >= prev_start);
        CHECK(m->end > m->start && m->end <= doc->len);
        CHECK(m->entity < doc->entities.n);
        CHECK(m->rule != NULL);
        prev_start = m->start;
    }
    for (i = 0; i < doc->entities.n; i++) {
        const annals__entity *e = ANNALS__ENTITY(doc, i);
        CHECK(e->n_mentions > 0);
        CHECK(i == 0 || e->first_mention > prev_first);
        CHECK(ANNALS__MENTION(doc, e->first_mention)->entity == i);
        prev_first = e->first_mention;
    }
    {
        const annals__entity *p = entity_named(doc, "Kenji Arakawa");
        CHECK(p != NULL && p->kind == ANNALS_ENTITY_PERSON && strcmp(p->country, "JPN") == 0);
        CHECK(p != NULL && p->n_mentions == 2);
    }
    annals_doc_free(doc);
}

static void test_runtime_lexicon(annals_ctx *ctx)
{
    const char *lex = "# test lexicon\n"
                      "person\tZara Okonkwo-Bell\tNGA\tGovernor\tOkonkwo-Bell\n"
                      "group\tCrimson Dawn Front\tLBR\tCDF\n"
                      "city\tPort Velmora\tKEN\t120000\n"
                      "title\tharbour master\tHarbour Master\tjob\n";
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc *doc;
    const annals__entity *e;
    CHECK(annals_ctx_load_lexicon(ctx, lex, strlen(lex), "test.tsv", &err) == ANNALS_OK);
    doc = parse(ctx, "Fighters of the CDF attacked Port Velmora, said Okonkwo-Bell, while "
                     "harbour master Tomas Reyna closed the docks.");
    CHECK(doc != NULL);
    if (doc == NULL) {
        return;
    }
    e = entity_named(doc, "Crimson Dawn Front");
    CHECK(e != NULL && e->kind == ANNALS_ENTITY_GROUP && strcmp(e->country, "LBR") == 0);
    e = entity_named(doc, "Port Velmora");
    CHECK(e != NULL && e->kind == ANNALS_ENTITY_PLACE && strcmp(e->country, "KEN") == 0);
    e = entity_named(doc, "Zara Okonkwo-Bell");
    CHECK(e != NULL && e->kind == ANNALS_ENTITY_PERSON && strcmp(e->country, "NGA") == 0);
    e = entity_named(doc, "Tomas Reyna");
    CHECK(e != NULL && e->roles.n == 1 && strcmp(e->roles.items[0], "Harbour Master") == 0);
    annals_doc_free(doc);
}

static void test_lexicon_errors(void)
{
    static const struct {
        const char *text;
        unsigned line;
        const char *needle;
    } cases[] = {
        {"person\tA B\tUSA\n\ncountry\tXY\tXY\tNowhere\n", 3, "alpha-3"},
        {"city\tTown One\tusa\n", 1, "alpha-3"},
        {"org\tAcme\tUSA\norg\tAcme\tGBR\n", 2, "duplicate"},
        {"# c\nperson\tAnna Lee\nperson\tanna lee\n", 3, "line 2"},
        {"region\n", 1, "key"},
        {"nosuchtable\tx\n", 1, "unknown table"},
        {"title\tsheriff\n", 1, "columns"},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        annals_ctx *ctx = NULL;
        annals_error err = ANNALS_ERROR_INIT;
        annals_status rc;
        CHECK(annals_ctx_new(&ctx, NULL, &err) == ANNALS_OK);
        rc = annals_ctx_load_lexicon(ctx, cases[i].text, strlen(cases[i].text), "bad.tsv", &err);
        CHECK(rc == ANNALS_EPARSE);
        CHECK_EQ_SIZE(err.line, cases[i].line);
        if (strstr(err.message, cases[i].needle) == NULL) {
            check_fail(__FILE__, __LINE__, "case %zu: message \"%s\" lacks \"%s\"", i,
                       err.message, cases[i].needle);
        } else {
            check_pass();
        }
        annals_ctx_free(ctx);
    }
}

static void test_explain(void)
{
    annals_ctx *ctx = NULL;
    annals_options opts = ANNALS_OPTIONS_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc *doc;
    opts.flags = ANNALS_OPT_EXPLAIN;
    CHECK(annals_ctx_new(&ctx, &opts, &err) == ANNALS_OK);
    doc = parse(ctx, "Washington warned Tehran on Sunday.");
    CHECK(doc != NULL && doc->entities.n >= 1);
    if (doc != NULL && doc->entities.n >= 1) {
        const annals__entity *e = ANNALS__ENTITY(doc, 0);
        CHECK(e->explain != NULL && strstr(e->explain, "capital-as-government") != NULL);
    }
    annals_doc_free(doc);
    annals_ctx_free(ctx);
}

static void test_ctx_speed(void)
{
    struct timespec a, b;
    annals_ctx *ctx = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    double ms;
    clock_gettime(CLOCK_MONOTONIC, &a);
    CHECK(annals_ctx_new(&ctx, NULL, &err) == ANNALS_OK);
    clock_gettime(CLOCK_MONOTONIC, &b);
    ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
    printf("annals_ctx_new: %.1f ms\n", ms);
    (void)ms; /* printed, not asserted: speed is measured in bench/ */
    annals_ctx_free(ctx);
}

int main(void)
{
    annals_ctx *ctx = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    if (annals_ctx_new(&ctx, NULL, &err) != ANNALS_OK) {
        fprintf(stderr, "context: %s\n", err.message);
        return 1;
    }
    test_invariants(ctx);
    test_runtime_lexicon(ctx);
    annals_ctx_free(ctx);
    test_lexicon_errors();
    test_explain();
    test_ctx_speed();
    return check_summary();
}
