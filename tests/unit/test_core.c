/* SPDX-License-Identifier: MIT */
/* tests/unit/test_core.c - arena, buffers, vectors, map, TSV, calendar, ingest. */
#include "core/internal.h"

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_arena(void)
{
    annals__arena a;
    size_t i;
    char *s;
    annals__arena_init(&a, 128);
    for (i = 0; i < 1000; i++) {
        unsigned char *p = annals__arena_alloc(&a, i % 300 + 1);
        CHECK(p != NULL);
        if (p != NULL) {
            CHECK(p[0] == 0);
            CHECK(((uintptr_t)p % 16) == 0);
            memset(p, 0xAB, i % 300 + 1);
        }
    }
    s = annals__arena_strndup(&a, "hello world", 5);
    CHECK_EQ_STR(s, "hello");
    s = annals__arena_printf(&a, "%d-%s", 42, "x");
    CHECK_EQ_STR(s, "42-x");
    CHECK(annals__arena_alloc(&a, SIZE_MAX) == NULL);
    annals__arena_dispose(&a);
}

static void test_buf(void)
{
    annals__buf b = ANNALS__BUF_INIT;
    CHECK(annals__buf_puts(&b, "a") == ANNALS_OK);
    CHECK(annals__buf_printf(&b, "%03d", 7) == ANNALS_OK);
    CHECK(annals__buf_put_xml(&b, "<x a=\"1\">&'", 11) == ANNALS_OK);
    CHECK_EQ_STR(b.ptr, "a007&lt;x a=&quot;1&quot;&gt;&amp;&#39;");
    annals__buf_dispose(&b);
}

static void test_vec_map(void)
{
    annals__vec v;
    annals__map m;
    size_t i, val = 0;
    char key[32];
    annals__vec_init(&v, sizeof(int));
    for (i = 0; i < 1000; i++) {
        int *p = annals__vec_push(&v);
        CHECK(p != NULL);
        *p = (int)i;
    }
    CHECK_EQ_SIZE(v.n, 1000);
    CHECK(*(int *)annals__vec_at(&v, 999) == 999);
    annals__vec_dispose(&v);

    annals__map_init(&m);
    for (i = 0; i < 5000; i++) {
        snprintf(key, sizeof(key), "k%zu", i);
        CHECK(annals__map_put(&m, key, strlen(key), i * 2) == ANNALS_OK);
    }
    CHECK_EQ_SIZE(m.n, 5000);
    CHECK(annals__map_get(&m, "k4321", 5, &val));
    CHECK_EQ_SIZE(val, 8642);
    CHECK(!annals__map_get(&m, "k5000", 5, &val));
    CHECK(annals__map_put(&m, "k1", 2, 7) == ANNALS_OK);
    CHECK(annals__map_get(&m, "k1", 2, &val) && val == 7);
    CHECK_EQ_SIZE(m.n, 5000);
    annals__map_dispose(&m);
}

typedef struct rows {
    size_t n;
    unsigned last_line;
    size_t last_fields;
} rows;

static annals_status count_row(void *ud, const annals__field *f, size_t n, unsigned line,
                               annals_error *err)
{
    rows *r = ud;
    (void)f;
    (void)err;
    r->n++;
    r->last_line = line;
    r->last_fields = n;
    return ANNALS_OK;
}

static void test_tsv(void)
{
    const char *t = "# comment\n\na\tb\tc\r\n\nx\ty\n   \n";
    rows r = {0, 0, 0};
    annals_error err = ANNALS_ERROR_INIT;
    char big[200];
    size_t i;
    CHECK(annals__tsv_each(t, strlen(t), "t", count_row, &r, &err) == ANNALS_OK);
    CHECK_EQ_SIZE(r.n, 2);
    CHECK_EQ_SIZE(r.last_line, 5);
    CHECK_EQ_SIZE(r.last_fields, 2);
    for (i = 0; i < 40; i++) {
        big[i * 2] = 'a';
        big[i * 2 + 1] = '\t';
    }
    big[80] = '\0';
    CHECK(annals__tsv_each(big, 80, "big", count_row, &r, &err) == ANNALS_EPARSE);
    CHECK_EQ_SIZE(err.line, 1);
}

static void test_calendar(void)
{
    int y, m, d, iy, w;
    char buf[11];
    CHECK(annals__days_from_civil(1970, 1, 1) == 0);
    CHECK(annals__days_from_civil(2024, 2, 6) == 19759);
    annals__civil_from_days(19759, &y, &m, &d);
    CHECK(y == 2024 && m == 2 && d == 6);
    CHECK(annals__weekday(19759) == 1); /* Tuesday */
    annals__iso_week(19759, &iy, &w);
    CHECK(iy == 2024 && w == 6);
    /* 2020-12-31 is in ISO week 53 of 2020; 2021-01-03 too. */
    annals__iso_week(annals__days_from_civil(2021, 1, 3), &iy, &w);
    CHECK(iy == 2020 && w == 53);
    annals__iso_week(annals__days_from_civil(2024, 12, 30), &iy, &w);
    CHECK(iy == 2025 && w == 1);
    CHECK(annals__is_leap(2000) && !annals__is_leap(1900) && annals__is_leap(2024));
    CHECK(annals__days_in_month(2023, 2) == 28 && annals__days_in_month(2024, 2) == 29);
    CHECK(annals__parse_ymd("2024-02-29", 10, &y, &m, &d));
    CHECK(!annals__parse_ymd("2023-02-29", 10, &y, &m, &d));
    CHECK(!annals__parse_ymd("2024-13-01", 10, &y, &m, &d));
    CHECK(!annals__parse_ymd("2024-1-01", 9, &y, &m, &d));
    CHECK(annals__parse_ymd("1990-08-15T13:37", 16, &y, &m, &d));
    annals__format_day(annals__days_from_civil(1999, 12, 31), buf);
    CHECK_EQ_STR(buf, "1999-12-31");
    CHECK(annals__days_from_civil(-50000, 1, 1) < 0);
}

static annals_doc *parse(annals_ctx *ctx, const char *text, size_t len, annals_status *rc,
                         annals_error *err)
{
    annals_doc *doc = NULL;
    *rc = annals_doc_parse(&doc, ctx, text, len, NULL, err);
    return doc;
}

static void test_ingest(void)
{
    annals_ctx *ctx = NULL, *strict = NULL;
    annals_options o = ANNALS_OPTIONS_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    annals_status rc;
    annals_doc *doc;
    size_t len;

    CHECK(annals_ctx_new(&ctx, NULL, &err) == ANNALS_OK);
    o.flags = ANNALS_OPT_STRICT_UTF8;
    CHECK(annals_ctx_new(&strict, &o, &err) == ANNALS_OK);

    /* BOM and CRLF keep their byte offsets: CR becomes LF, the BOM stays. */
    doc = parse(ctx, "\xEF\xBB\xBFOne.\r\nTwo.\rThree.", 20, &rc, &err);
    CHECK(rc == ANNALS_OK && doc != NULL);
    if (doc != NULL) {
        CHECK_EQ_STR(annals_doc_text(doc, &len), "\xEF\xBB\xBFOne.\n\nTwo.\nThree.");
        CHECK_EQ_SIZE(annals_doc_sentence_count(doc), 3);
        CHECK_EQ_SIZE(ANNALS__SENT(doc, 0)->start, 3);
        CHECK_EQ_SIZE(annals_doc_warning_count(doc), 0);
        annals_doc_free(doc);
    }
    /* Invalid bytes and NUL repaired with a warning naming the offset. */
    doc = parse(ctx, "ab\xC3\x28z\0y\xED\xA0\x80", 10, &rc, &err);
    CHECK(rc == ANNALS_OK && doc != NULL);
    if (doc != NULL) {
        const annals_warning *w = annals_doc_warning(doc, 0);
        CHECK_EQ_STR(annals_doc_text(doc, &len),
                     "ab\xEF\xBF\xBD(z\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
        CHECK_EQ_SIZE(annals_doc_warning_count(doc), 3);
        CHECK(w != NULL && w->offset == 2);
        CHECK(annals_doc_warning(doc, 99) == NULL);
        annals_doc_free(doc);
    }
    /* Overlong and above U+10FFFF. */
    doc = parse(ctx, "\xC0\xAF\xF4\x90\x80\x80", 6, &rc, &err);
    CHECK(rc == ANNALS_OK && doc != NULL && annals_doc_warning_count(doc) == 1);
    annals_doc_free(doc);
    /* Strict mode fails with the offset. */
    err = (annals_error)ANNALS_ERROR_INIT;
    doc = parse(strict, "abc\xFF", 4, &rc, &err);
    CHECK(rc == ANNALS_EUTF8 && doc == NULL);
    CHECK_EQ_SIZE(err.offset, 3);
    err = (annals_error)ANNALS_ERROR_INIT;
    doc = parse(strict, "a\0b", 3, &rc, &err);
    CHECK(rc == ANNALS_EUTF8 && err.offset == 1);
    /* Empty input is a valid, empty document. */
    doc = parse(ctx, "", 0, &rc, &err);
    CHECK(rc == ANNALS_OK && doc != NULL && annals_doc_sentence_count(doc) == 0);
    annals_doc_free(doc);
    /* Bad DCT. */
    {
        annals_doc_info info = ANNALS_DOC_INFO_INIT;
        info.date = "2024-02-30";
        err = (annals_error)ANNALS_ERROR_INIT;
        doc = NULL;
        CHECK(annals_doc_parse(&doc, ctx, "x", 1, &info, &err) == ANNALS_EINVAL);
        CHECK(doc == NULL);
        info.date = "2024-02-06";
        CHECK(annals_doc_parse(&doc, ctx, "x", 1, &info, &err) == ANNALS_OK);
        CHECK_EQ_STR(annals_doc_date(doc), "2024-02-06");
        CHECK(annals_doc_date_source(doc) == ANNALS_DATE_CLI);
        annals_doc_free(doc);
    }
    /* Limit. */
    {
        annals_ctx *small = NULL;
        annals_options so = ANNALS_OPTIONS_INIT;
        so.max_input_bytes = 4;
        CHECK(annals_ctx_new(&small, &so, &err) == ANNALS_OK);
        err = (annals_error)ANNALS_ERROR_INIT;
        doc = parse(small, "12345", 5, &rc, &err);
        CHECK(rc == ANNALS_ELIMIT && doc == NULL);
        annals_ctx_free(small);
    }
    /* Unknown layout engine and lexicon table. */
    {
        annals_ctx *bad = NULL;
        annals_options bo = ANNALS_OPTIONS_INIT;
        bo.layout_engine = "nope";
        err = (annals_error)ANNALS_ERROR_INIT;
        CHECK(annals_ctx_new(&bad, &bo, &err) == ANNALS_EINVAL && bad == NULL);
        err = (annals_error)ANNALS_ERROR_INIT;
        CHECK(annals_ctx_load_lexicon(ctx, "# c\nnosuchtable\tx\n", 18, "lex.tsv", &err) ==
              ANNALS_EPARSE);
        CHECK_EQ_SIZE(err.line, 2);
    }
    CHECK_EQ_STR(annals_strerror(ANNALS_ENOMEM), "out of memory");
    CHECK_EQ_STR(annals_version_string(), ANNALS_VERSION_STRING);
    annals_ctx_free(ctx);
    annals_ctx_free(strict);
}

int main(void)
{
    test_arena();
    test_buf();
    test_vec_map();
    test_tsv();
    test_calendar();
    test_ingest();
    return check_summary();
}
