/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_corpus.c - identity of entities across documents, event
 * merging rules and syndication detection, on documents whose extraction
 * records are set by hand (so the rules are tested apart from the
 * extractors).
 */
#include "corpus/corpus.h"

#include "check.h"

#include <stdio.h>
#include <string.h>

static annals_ctx *ctx;

static annals_doc *parse(const char *text)
{
    annals_doc *doc = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    info.date = "2024-02-06";
    if (annals_doc_parse(&doc, ctx, text, strlen(text), &info, &err) < 0) {
        check_fail(__FILE__, __LINE__, "parse failed: %s", err.message);
        return NULL;
    }
    /* Start from empty extraction records: the test fills them. */
    doc->entities.n = 0;
    doc->mentions.n = 0;
    doc->events.n = 0;
    doc->timexes.n = 0;
    return doc;
}

static uint32_t add_entity(annals_doc *doc, annals_entity_kind kind, const char *name,
                           const char *country)
{
    annals__entity *e = annals__vec_push(&doc->entities);
    if (e == NULL) {
        return 0;
    }
    e->kind = kind;
    e->name = name;
    snprintf(e->country, sizeof(e->country), "%s", country);
    return (uint32_t)(doc->entities.n - 1);
}

static annals__event *add_event(annals_doc *doc, const char *code, uint32_t src, uint32_t tgt,
                                const char *day)
{
    annals__event *ev = annals__vec_push(&doc->events);
    int y, m, d;
    if (ev == NULL) {
        return NULL;
    }
    snprintf(ev->code, sizeof(ev->code), "%s", code);
    memcpy(ev->root, code, 2);
    ev->root[2] = '\0';
    ev->type = "test";
    ev->label = "label";
    annals__role_add(&ev->source, src);
    annals__role_add(&ev->target, tgt);
    ev->timex = -1;
    ev->confidence = 0.5;
    ev->trigger_start = 0;
    ev->trigger_end = 3;
    ev->sentence = 0;
    if (day != NULL && annals__parse_ymd(day, strlen(day), &y, &m, &d)) {
        ev->earliest = ev->latest = annals__days_from_civil(y, m, d);
        ev->precision = ANNALS_PREC_DAY;
        snprintf(ev->date_value, sizeof(ev->date_value), "%s", day);
    } else {
        ev->earliest = ev->latest = ANNALS__NO_DAY;
    }
    return ev;
}

static void test_merge(void)
{
    annals_corpus *c = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc *d1 = parse("Blinken met Sisi in Cairo on Tuesday and discussed the war.");
    annals_doc *d2 = parse("Egypt's president received the US secretary of state.");
    annals_doc *d3 = parse("The two men held talks, officials said on Tuesday.");
    uint32_t a, b, a2, b2, x;
    annals__event *ev;

    if (d1 == NULL || d2 == NULL || d3 == NULL) {
        return;
    }
    CHECK(annals_corpus_new(&c, ctx, &err) == ANNALS_OK);
    a = add_entity(d1, ANNALS_ENTITY_PERSON, "Antony Blinken", "USA");
    b = add_entity(d1, ANNALS_ENTITY_PERSON, "Abdel Fattah al-Sisi", "EGY");
    x = add_entity(d1, ANNALS_ENTITY_COUNTRY, "Israel", "ISR");
    add_event(d1, "040", a, b, "2024-02-06");
    /* A different event the same day: different root. */
    add_event(d1, "190", x, b, "2024-02-06");
    /* Same meeting, roles reversed, in another article, with a count. */
    b2 = add_entity(d2, ANNALS_ENTITY_PERSON, "Abdel Fattah al-Sisi", "EGY");
    a2 = add_entity(d2, ANNALS_ENTITY_PERSON, "Antony Blinken", "USA");
    ev = add_event(d2, "042", b2, a2, "2024-02-06");
    CHECK(ev != NULL);
    /* Same meeting, week precision overlapping the day. */
    a = add_entity(d3, ANNALS_ENTITY_PERSON, "Antony Blinken", "USA");
    b = add_entity(d3, ANNALS_ENTITY_PERSON, "Abdel Fattah al-Sisi", "EGY");
    ev = add_event(d3, "040", a, b, NULL);
    if (ev != NULL) {
        ev->earliest = annals__days_from_civil(2024, 2, 5);
        ev->latest = annals__days_from_civil(2024, 2, 11);
        ev->precision = ANNALS_PREC_WEEK;
        snprintf(ev->date_value, sizeof(ev->date_value), "2024-W06");
        ev->confidence = 0.9;
    }
    /* Same actors, but a planned meeting: stays apart. */
    ev = add_event(d3, "040", a, b, "2024-02-06");
    if (ev != NULL) {
        ev->modality = ANNALS_MOD_PLANNED;
    }

    CHECK(annals_corpus_add_doc(c, d1, &err) == ANNALS_OK);
    CHECK(annals_corpus_add_doc(c, d2, &err) == ANNALS_OK);
    CHECK(annals_corpus_add_doc(c, d3, &err) == ANNALS_OK);
    CHECK_EQ_SIZE(annals_corpus_doc_count(c), 3);
    CHECK_EQ_SIZE(annals_corpus_entity_count(c), 3);
    CHECK_EQ_SIZE(annals_corpus_event_count(c), 3);
    if (c->events.n == 3) {
        annals__cevent *m = ANNALS__CEVENT(c, 0);
        CHECK_EQ_SIZE(m->mentions.n, 3);
        CHECK_EQ_STR(m->date_value, "2024-02-06"); /* the narrower date wins */
        CHECK(m->confidence > 0.85);
        CHECK_EQ_SIZE(annals__cevent_sources(c, m), 3);
        CHECK(m->disagreements.n == 1); /* code 040 vs 042 */
        CHECK_EQ_STR(ANNALS__CEVENT(c, 1)->root, "19");
        CHECK(ANNALS__CEVENT(c, 2)->modality == ANNALS_MOD_PLANNED);
        CHECK_EQ_STR(ANNALS__CDOC(c, 0)->id, "d1");
        CHECK_EQ_STR(ANNALS__CDOC(c, 2)->date, "2024-02-06");
    }
    annals_corpus_free(c);
    annals_doc_free(d1);
    annals_doc_free(d2);
    annals_doc_free(d3);
}

static void test_directed(void)
{
    annals_corpus *c = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc *d = parse("Israel struck Hamas. Hamas struck Israel.");
    uint32_t i, h;
    if (d == NULL) {
        return;
    }
    i = add_entity(d, ANNALS_ENTITY_COUNTRY, "Israel", "ISR");
    h = add_entity(d, ANNALS_ENTITY_GROUP, "Hamas", "PSE");
    add_event(d, "190", i, h, "2024-02-06");
    add_event(d, "190", h, i, "2024-02-06");
    /* Undated and dated do not merge. */
    add_event(d, "190", i, h, NULL);
    CHECK(annals_corpus_new(&c, ctx, &err) == ANNALS_OK);
    CHECK(annals_corpus_add_doc(c, d, &err) == ANNALS_OK);
    CHECK_EQ_SIZE(annals_corpus_event_count(c), 3);
    annals_corpus_free(c);
    annals_doc_free(d);
}

/* The same report in two documents merges even without actors; within one
 * document it does not. */
static void test_same_report(void)
{
    annals_corpus *c = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc *d1 = parse("Shelling hit the old market on Tuesday.");
    annals_doc *d2 = parse("Shelling hit the old market on Tuesday.");
    annals__event *ev;
    if (d1 == NULL || d2 == NULL) {
        return;
    }
    ev = add_event(d1, "190", 0, 0, "2024-02-06");
    if (ev != NULL) {
        ev->source.n = ev->target.n = 0;
    }
    ev = add_event(d1, "190", 0, 0, "2024-02-06");
    if (ev != NULL) {
        ev->source.n = ev->target.n = 0;
    }
    ev = add_event(d2, "190", 0, 0, "2024-02-06");
    if (ev != NULL) {
        ev->source.n = ev->target.n = 0;
    }
    CHECK(annals_corpus_new(&c, ctx, &err) == ANNALS_OK);
    CHECK(annals_corpus_add_doc(c, d1, &err) == ANNALS_OK);
    CHECK_EQ_SIZE(annals_corpus_event_count(c), 2);
    CHECK(annals_corpus_add_doc(c, d2, &err) == ANNALS_OK);
    CHECK_EQ_SIZE(annals_corpus_event_count(c), 2);
    annals_corpus_free(c);
    annals_doc_free(d1);
    annals_doc_free(d2);
}

/* Many events about one actor: the candidate index keeps merging bounded. */
static void test_many(void)
{
    annals_corpus *c = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals__buf text = ANNALS__BUF_INIT;
    annals_doc *d;
    uint32_t a, b;
    size_t i;
    char day[16];
    for (i = 0; i < 20000; i++) {
        annals__buf_printf(&text, "Strike %zu. ", i);
    }
    d = text.ptr ? parse(text.ptr) : NULL;
    annals__buf_dispose(&text);
    if (d == NULL || d->sentences.n != 20000) {
        check_fail(__FILE__, __LINE__, "could not build the test document");
        annals_doc_free(d);
        return;
    }
    a = add_entity(d, ANNALS_ENTITY_COUNTRY, "Israel", "ISR");
    b = add_entity(d, ANNALS_ENTITY_GROUP, "Hamas", "PSE");
    for (i = 0; i < 20000; i++) {
        annals__event *ev;
        snprintf(day, sizeof(day), "%04zu-01-01", 1000 + i % 9000);
        ev = add_event(d, "190", a, b, day);
        if (ev != NULL) {
            ev->sentence = (uint32_t)i;
        }
    }
    CHECK(annals_corpus_new(&c, ctx, &err) == ANNALS_OK);
    CHECK(annals_corpus_add_doc(c, d, &err) == ANNALS_OK);
    CHECK_EQ_SIZE(annals_corpus_event_count(c), 9000);
    annals_corpus_free(c);
    annals_doc_free(d);
}

static void test_syndication(void)
{
    const char *story = "The foreign ministers of three countries met in Geneva on Monday.\n"
                        "They discussed a ceasefire along the northern border for hours.\n"
                        "A joint statement is expected to be published later this week.\n";
    char copy[1024];
    annals_corpus *c = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_doc *d1 = parse(story), *d2, *d3;
    snprintf(copy, sizeof(copy), "Ministers meet\n%sReporting by a wire service.", story);
    d2 = parse(copy);
    d3 = parse("A completely different story about trade talks in Lima on Friday.\n"
               "Negotiators left without agreement after twelve hours of talks there.\n"
               "They plan to meet again next month in the same building in Lima.");
    CHECK(annals_corpus_new(&c, ctx, &err) == ANNALS_OK);
    CHECK(annals_corpus_add_doc(c, d1, &err) == ANNALS_OK);
    CHECK(annals_corpus_add_doc(c, d2, &err) == ANNALS_OK);
    CHECK(annals_corpus_add_doc(c, d3, &err) == ANNALS_OK);
    CHECK(ANNALS__CDOC(c, 0)->duplicate_of == -1);
    CHECK(ANNALS__CDOC(c, 1)->duplicate_of == 0);
    CHECK(ANNALS__CDOC(c, 2)->duplicate_of == -1);
    annals_corpus_free(c);
    annals_doc_free(d1);
    annals_doc_free(d2);
    annals_doc_free(d3);
}

int main(void)
{
    annals_error err = ANNALS_ERROR_INIT;
    if (annals_ctx_new(&ctx, NULL, &err) < 0) {
        fprintf(stderr, "context: %s\n", err.message);
        return 1;
    }
    test_merge();
    test_directed();
    test_same_report();
    test_many();
    test_syndication();
    annals_ctx_free(ctx);
    return check_summary();
}
