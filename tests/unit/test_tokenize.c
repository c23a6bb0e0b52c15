/* SPDX-License-Identifier: MIT */
/* tests/unit/test_tokenize.c - tokens, sentences, abbreviations, boilerplate, limits. */
#include "core/internal.h"

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static annals_ctx *ctx;

static annals_doc *parse(const char *text)
{
    annals_doc *doc = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    if (annals_doc_parse(&doc, ctx, text, strlen(text), NULL, &err) < 0) {
        check_fail(__FILE__, __LINE__, "parse failed: %s", err.message);
        return NULL;
    }
    return doc;
}

/* Tokens joined with '|'. */
static const char *tokens(const annals_doc *doc, char *buf, size_t cap)
{
    size_t i, n = 0;
    buf[0] = '\0';
    for (i = 0; i < doc->tokens.n && n + 1 < cap; i++) {
        const annals__token *t = ANNALS__TOK(doc, i);
        int w = snprintf(buf + n, cap - n, "%s%.*s", i ? "|" : "", (int)(t->end - t->start),
                         doc->text + t->start);
        if (w < 0) {
            break;
        }
        n += (size_t)w;
    }
    return buf;
}

static void expect_tokens(const char *text, const char *want, int line)
{
    char buf[1024];
    annals_doc *doc = parse(text);
    if (doc == NULL) {
        return;
    }
    tokens(doc, buf, sizeof(buf));
    if (strcmp(buf, want) != 0) {
        check_fail(__FILE__, line, "tokens of \"%s\"\n  got:  %s\n  want: %s", text, buf, want);
    } else {
        check_pass();
    }
    annals_doc_free(doc);
}

static void expect_sentences(const char *text, size_t want, int line)
{
    annals_doc *doc = parse(text);
    if (doc == NULL) {
        return;
    }
    if (doc->sentences.n != want) {
        size_t i;
        check_fail(__FILE__, line, "\"%s\": %zu sentences, want %zu", text, doc->sentences.n,
                   want);
        for (i = 0; i < doc->sentences.n; i++) {
            const annals__sentence *s = ANNALS__SENT(doc, i);
            fprintf(stderr, "  [%.*s]\n", (int)(s->end - s->start), doc->text + s->start);
        }
    } else {
        check_pass();
    }
    annals_doc_free(doc);
}

static void test_tokens(void)
{
    expect_tokens("Egyptian President Abdel Fattah al-Sisi met.",
                  "Egyptian|President|Abdel|Fattah|al-Sisi|met|.", __LINE__);
    expect_tokens("Israel’s refusal and Hamas's demand", "Israel|’s|refusal|and|Hamas|'s|demand",
                  __LINE__);
    expect_tokens("the Houthis’ attacks", "the|Houthis|’|attacks", __LINE__);
    expect_tokens("They didn't attack.", "They|did|n't|attack|.", __LINE__);
    expect_tokens("more than 27,000 people, 1.5 million", "more|than|27,000|people|,|1.5|million",
                  __LINE__);
    expect_tokens("on 2024-02-06 or 02/06/2024 at 14:30", "on|2024-02-06|or|02/06/2024|at|14:30",
                  __LINE__);
    expect_tokens("Gen. Ryder and the U.S. military", "Gen.|Ryder|and|the|U.S.|military",
                  __LINE__);
    expect_tokens("a four-month war, F-16 jets, the 1990s",
                  "a|four-month|war|,|F-16|jets|,|the|1990s", __LINE__);
    expect_tokens("“lasting” peace – says", "“|lasting|”|peace|–|says", __LINE__);
    expect_tokens("O'Brien said", "O'Brien|said", __LINE__);
    expect_tokens("in 2,000 or 20,00", "in|2,000|or|20|,|00", __LINE__);
    expect_tokens("Zürich and São Paulo", "Zürich|and|São|Paulo", __LINE__);
}

static void test_flags(void)
{
    annals_doc *doc = parse("NATO met U.S. envoys in Feb. 2024.");
    if (doc == NULL) {
        return;
    }
    CHECK(ANNALS__TOK(doc, 0)->flags & ANNALS_TOK_ALLCAPS);
    CHECK(ANNALS__TOK(doc, 0)->flags & ANNALS_TOK_SENT_START);
    CHECK(!(ANNALS__TOK(doc, 1)->flags & ANNALS_TOK_CAP));
    CHECK(ANNALS__TOK(doc, 2)->flags & ANNALS_TOK_ABBREV);
    CHECK(ANNALS__TOK(doc, 5)->flags & ANNALS_TOK_ABBREV);
    CHECK(ANNALS__TOK(doc, 6)->flags & ANNALS_TOK_NUMBER);
    CHECK(annals__tok_is(doc, 1, "met"));
    CHECK(!annals__tok_is(doc, 1, "me"));
    annals_doc_free(doc);
}

static void test_sentences(void)
{
    expect_sentences("Gen. Ryder spoke. He left.", 2, __LINE__);
    expect_sentences("They met in Feb. 2024 in Cairo.", 1, __LINE__);
    expect_sentences("The U.S. military struck. The Pentagon said so.", 2, __LINE__);
    expect_sentences("Troops left the U.S. The base closed.", 2, __LINE__);
    expect_sentences("Officials in the U.S. Congress agreed.", 1, __LINE__);
    expect_sentences("\"We will act,\" he said. \"Soon.\" Then he left.", 3, __LINE__);
    expect_sentences("First line without stop\nSecond line.", 2, __LINE__);
    expect_sentences("Is it over? Yes! It is.", 3, __LINE__);
    expect_sentences("It cost 1.5 million dollars. Fine.", 2, __LINE__);
    expect_sentences("", 0, __LINE__);
    expect_sentences("   \n\n  \n", 0, __LINE__);
}

static void test_boilerplate_headline(void)
{
    annals_doc *doc = parse("Ministers meet in Geneva\nStay informed with free updates\n"
                            "Just sign up to the World digest: delivered to your inbox.\n"
                            "GENEVA - The ministers met on Monday.");
    if (doc == NULL) {
        return;
    }
    CHECK_EQ_SIZE(doc->sentences.n, 4);
    CHECK(ANNALS__SENT(doc, 0)->flags & ANNALS_SENT_HEADLINE);
    CHECK(ANNALS__SENT(doc, 1)->flags & ANNALS_SENT_BOILERPLATE);
    CHECK(ANNALS__SENT(doc, 2)->flags & ANNALS_SENT_BOILERPLATE);
    CHECK(!(ANNALS__SENT(doc, 3)->flags & ANNALS_SENT_BOILERPLATE));
    CHECK_EQ_SIZE(ANNALS__SENT(doc, 3)->paragraph, 3);
    annals_doc_free(doc);
    /* Phrases inside a short line match in any case. */
    doc = parse("Ministers met on Monday.\nManage your COOKIE preferences here.\n"
                "Read our Privacy Policy.\nThe talks went on.");
    if (doc == NULL) {
        return;
    }
    CHECK_EQ_SIZE(doc->sentences.n, 4);
    CHECK(!(ANNALS__SENT(doc, 0)->flags & ANNALS_SENT_BOILERPLATE));
    CHECK(ANNALS__SENT(doc, 1)->flags & ANNALS_SENT_BOILERPLATE);
    CHECK(ANNALS__SENT(doc, 2)->flags & ANNALS_SENT_BOILERPLATE);
    CHECK(!(ANNALS__SENT(doc, 3)->flags & ANNALS_SENT_BOILERPLATE));
    annals_doc_free(doc);
}

static void test_spans(void)
{
    const char *text = "  Blinken met Sisi.  \n";
    annals_doc *doc = parse(text);
    if (doc == NULL) {
        return;
    }
    CHECK_EQ_SIZE(doc->sentences.n, 1);
    CHECK_EQ_SIZE(ANNALS__SENT(doc, 0)->start, 2);
    CHECK_EQ_SIZE(ANNALS__SENT(doc, 0)->end, 19);
    CHECK_EQ_SIZE(ANNALS__TOK(doc, 0)->end, 9);
    CHECK_EQ_SIZE(ANNALS__TOK(doc, 3)->sentence, 0);
    annals_doc_free(doc);
}

/* A sentence longer than the limit is cut, with a warning; the cost stays linear. */
static void test_long_sentence(void)
{
    size_t n = 200000, i;
    char *big = malloc(n * 4 + 1);
    annals_doc *doc;
    if (big == NULL) {
        return;
    }
    for (i = 0; i < n; i++) {
        memcpy(big + i * 4, "Abc ", 4);
    }
    big[n * 4] = '\0';
    doc = parse(big);
    if (doc != NULL) {
        CHECK_EQ_SIZE(doc->tokens.n, n);
        CHECK(doc->sentences.n >= n / 400);
        CHECK(annals_doc_warning_count(doc) > 0);
        CHECK(ANNALS__SENT(doc, 0)->flags & ANNALS_SENT_SPLIT);
        annals_doc_free(doc);
    }
    /* A run of periods and no whitespace at all. */
    memset(big, '.', n * 4);
    doc = parse(big);
    CHECK(doc != NULL);
    annals_doc_free(doc);
    memset(big, 'x', n * 4);
    doc = parse(big);
    CHECK(doc != NULL && doc->tokens.n == 1);
    annals_doc_free(doc);
    free(big);
}

int main(void)
{
    annals_error err = ANNALS_ERROR_INIT;
    if (annals_ctx_new(&ctx, NULL, &err) < 0) {
        fprintf(stderr, "context: %s\n", err.message);
        return 1;
    }
    test_tokens();
    test_flags();
    test_sentences();
    test_boilerplate_headline();
    test_spans();
    test_long_sentence();
    annals_ctx_free(ctx);
    return check_summary();
}
