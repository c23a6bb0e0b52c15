/* SPDX-License-Identifier: MIT */
/* tests/events/test_events.c - the event lexicon: code table, inflections,
 * run-time rows, and the stage on texts through the whole pipeline. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "events/events.h"

#include <stdio.h>
#include <string.h>

static annals_status row(struct annals__event_lex *lex, const char *line, annals_error *err)
{
    annals__field f[ANNALS__TSV_MAX_FIELDS];
    size_t n = 0;
    const char *p = line, *start = line;
    for (;; p++) {
        if (*p == '\t' || *p == '\0') {
            f[n].s = start;
            f[n].len = (size_t)(p - start);
            n++;
            start = p + 1;
            if (*p == '\0') {
                break;
            }
        }
    }
    return annals__event_lex_load_row(lex, f, n, 7, err);
}

/* Labels and codes of the events of `text`, "code label|code label|..." */
static void labels_of(annals_ctx *ctx, const char *text, char *out, size_t cap)
{
    annals_doc *doc = NULL;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    size_t i, n = 0;
    out[0] = '\0';
    info.date = "2024-02-06";
    info.date_source = ANNALS_DATE_CLI;
    if (annals_doc_parse(&doc, ctx, text, strlen(text), &info, &err) != ANNALS_OK) {
        return;
    }
    for (i = 0; i < doc->events.n && n + 1 < cap; i++) {
        const annals__event *e = ANNALS__EVENT(doc, i);
        int w = snprintf(out + n, cap - n, "%s%s %s", i ? "|" : "", e->code, e->label);
        if (w < 0 || (size_t)w >= cap - n) {
            break;
        }
        n += (size_t)w;
    }
    annals_doc_free(doc);
}

static void check_label(annals_ctx *ctx, const char *text, const char *want)
{
    char got[1024];
    labels_of(ctx, text, got, sizeof got);
    CHECK_EQ_STR(got, want);
}

int main(void)
{
    struct annals__event_lex *lex = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    ev_infl infl;
    uint32_t id, c;
    size_t i, roots[21] = {0}, three = 0;

    CHECK(annals__event_lex_new(&lex, &err) == ANNALS_OK);
    if (!lex) {
        return check_summary();
    }
    /* at least 150 codes, every root, weights in range */
    for (i = 0; i < lex->codes.n; i++) {
        const ev_code *k = ev_code_at(lex, (uint32_t)i);
        int r = (k->root[0] - '0') * 10 + (k->root[1] - '0');
        CHECK(r >= 1 && r <= 20);
        CHECK(k->goldstein >= -10.0 && k->goldstein <= 10.0);
        CHECK(k->quad == (r <= 5 ? 0 : r <= 8 ? 1 : r <= 13 ? 2 : 3));
        if (r >= 1 && r <= 20) {
            roots[r]++;
        }
        three += strlen(k->code) == 3;
    }
    CHECK(lex->codes.n >= 150);
    CHECK(three >= 140);
    for (i = 1; i <= 20; i++) {
        CHECK(roots[i] > 0);
    }
    /* inflections come from lemmas */
    id = ev_word_of(lex, "met", 3, &infl);
    CHECK(id != EV_NONE && strcmp(ev_word_str(lex, id), "meet") == 0 && infl == EV_ED);
    id = ev_word_of(lex, "Shelled", 7, &infl);
    CHECK(id != EV_NONE && strcmp(ev_word_str(lex, id), "shell") == 0 && infl == EV_ED);
    id = ev_word_of(lex, "criticizes", 10, &infl);
    CHECK(id != EV_NONE && strcmp(ev_word_str(lex, id), "criticize") == 0 && infl == EV_S);
    id = ev_word_of(lex, "banned", 6, &infl);
    CHECK(id != EV_NONE && strcmp(ev_word_str(lex, id), "ban") == 0);
    id = ev_word_of(lex, "talks", 5, &infl);
    CHECK(id != EV_NONE && strcmp(ev_word_str(lex, id), "talk") == 0);
    id = ev_word_of(lex, "occupying", 9, &infl);
    CHECK(id != EV_NONE && infl == EV_ING);
    CHECK(ev_word_of(lex, "zzzz", 4, &infl) == EV_NONE);
    /* combinations */
    CHECK(ev_code_find(lex, "130", &c));
    {
        uint32_t inner, out;
        CHECK(ev_code_find(lex, "190", &inner));
        out = ev_combine(lex, c, inner);
        CHECK_EQ_STR(ev_code_at(lex, out)->code, "138");
    }
    /* run-time rows */
    CHECK(row(lex, "country\tXX\tYY", &err) == ANNALS_EINVAL);
    CHECK(err.code == ANNALS_OK); /* untouched */
    CHECK(row(lex, "trigger\tparley with\t040\tv\tm", &err) == ANNALS_OK);
    id = ev_word_of(lex, "parleyed", 8, &infl);
    CHECK(id != EV_NONE && infl == EV_ED);
    CHECK(row(lex, "trigger\tsmite\t999\tv", &err) == ANNALS_EPARSE);
    CHECK(err.line == 7);
    err = (annals_error)ANNALS_ERROR_INIT;
    CHECK(row(lex, "trigger\tsmite\t190\tx", &err) == ANNALS_EPARSE);
    err = (annals_error)ANNALS_ERROR_INIT;
    CHECK(row(lex, "trigger\t* smite\t190\tv", &err) == ANNALS_EPARSE);
    err = (annals_error)ANNALS_ERROR_INIT;
    CHECK(row(lex, "code\t0999\t09\t3\t-2.5\tinvestigate something", &err) == ANNALS_OK);
    CHECK(row(lex, "code\t099\t10\t3\t-2.5\tbad root", &err) == ANNALS_EPARSE);
    err = (annals_error)ANNALS_ERROR_INIT;
    CHECK(row(lex, "form\tsmote\tsmite", &err) == ANNALS_OK);
    CHECK(row(lex, "combine\t13\t04\t134", &err) == ANNALS_OK);
    annals__event_lex_free(lex);

    /* the stage through the public pipeline, with a run-time trigger */
    {
        annals_ctx *ctx = NULL;
        annals_doc *doc = NULL;
        annals_doc_info info = ANNALS_DOC_INFO_INIT;
        const char *lx = "trigger\tparley with\t046\tv\tm\n";
        const char *text = "Sign up to our newsletter and attack the inbox.\n";
        CHECK(annals_ctx_new(&ctx, NULL, &err) == ANNALS_OK);
        CHECK(annals_ctx_load_lexicon(ctx, lx, strlen(lx), "test", &err) == ANNALS_OK);
        info.date = "2024-02-06";
        info.date_source = ANNALS_DATE_CLI;
        CHECK(annals_doc_parse(&doc, ctx, text, strlen(text), &info, &err) == ANNALS_OK);
        CHECK(doc != NULL && annals_doc_event_count(doc) == 0);
        annals_doc_free(doc);
        annals_ctx_free(ctx);
    }
    /* labels read as sentences: no dangling preposition without a target,
     * plural subjects agree, a place that is the target is not repeated,
     * an event without a source is named by its noun phrase */
    {
        annals_ctx *ctx = NULL;
        CHECK(annals_ctx_new(&ctx, NULL, &err) == ANNALS_OK);
        check_label(ctx, "Norway negotiated with Chile on Monday.\n",
                    "046 Norway negotiates with Chile");
        check_label(ctx, "Norway and Chile negotiated on Monday.\n",
                    "046 Norway and Chile negotiate");
        check_label(ctx, "The Norwegian foreign minister visited Egypt on Monday.\n",
                    "042 Norway visits Egypt");
        check_label(ctx, "A drone attack on an army base in Jordan killed three soldiers.\n",
                    "195 Drone attack in Jordan");
        check_label(ctx, "Egypt and Jordan declared a ceasefire on Monday.\n",
                    "0871 Egypt and Jordan agree a ceasefire");
        annals_ctx_free(ctx);
    }
    return check_summary();
}
