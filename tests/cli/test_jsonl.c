/* SPDX-License-Identifier: MIT */
/*
 * tests/cli/test_jsonl.c - the CLI's JSON Lines record reader (src/cli/jsonl.c):
 * escapes, surrogate pairs, skipped members, every kind of malformed line with
 * its column, and hostile lines (deep nesting, random bytes) without a crash.
 */
#include "check.h"
#include "jsonl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse(cli_record *rec, const char *line, char *msg, size_t *col)
{
    return cli_record_parse(rec, line, strlen(line), msg, 200, col);
}

static void test_fields(void)
{
    cli_record rec;
    char msg[200];
    size_t col;
    int rc = parse(&rec,
                   "{\"id\":\"a1\",\"text\":\"Hello\\n\\\"world\\\" \\u00e9\\u20ac\","
                   "\"date\":\"2024-02-06\",\"title\":null,\"url\":\"http://x/\\/y\"}",
                   msg, &col);
    CHECK(rc == 0);
    CHECK_EQ_STR(rec.id, "a1");
    CHECK_EQ_STR(rec.text, "Hello\n\"world\" \xC3\xA9\xE2\x82\xAC");
    CHECK_EQ_SIZE(rec.text_len, strlen("Hello\n\"world\" \xC3\xA9\xE2\x82\xAC"));
    CHECK_EQ_STR(rec.date, "2024-02-06");
    CHECK(rec.title == NULL);
    CHECK_EQ_STR(rec.url, "http://x//y");
    cli_record_dispose(&rec);

    /* Numbers as ids, unknown members of every kind skipped, whitespace, last wins. */
    rc = parse(&rec,
               " { \"id\" : -12.5e+3 , \"x\" : [1, {\"y\": [true, false, null]}, \"s\"],"
               " \"text\" : \"first\", \"text\": \"second\", \"z\": {} } ",
               msg, &col);
    CHECK(rc == 0);
    CHECK_EQ_STR(rec.id, "-12.5e+3");
    CHECK_EQ_STR(rec.text, "second");
    cli_record_dispose(&rec);
}

static void test_unicode(void)
{
    cli_record rec;
    char msg[200];
    size_t col;
    /* A surrogate pair is one code point; a lone surrogate becomes U+FFFD. */
    int rc =
        parse(&rec, "{\"text\":\"\\ud83d\\ude00|\\ud800|\\udc00x|\\u0000!\"}", msg, &col);
    CHECK(rc == 0);
    CHECK_EQ_SIZE(rec.text_len, 4 + 1 + 3 + 1 + 3 + 1 + 1 + 1 + 1);
    CHECK(memcmp(rec.text, "\xF0\x9F\x98\x80|\xEF\xBF\xBD|\xEF\xBF\xBDx|\0!",
                 rec.text_len) == 0);
    CHECK_EQ_SIZE(rec.n_bad_surrogates, 2);
    cli_record_dispose(&rec);

    /* Raw UTF-8 (and raw invalid bytes) pass through for the library to check. */
    rc = parse(&rec, "{\"text\":\"caf\xC3\xA9 \xFF\"}", msg, &col);
    CHECK(rc == 0);
    CHECK_EQ_STR(rec.text, "caf\xC3\xA9 \xFF");
    cli_record_dispose(&rec);

    char *clean = cli_utf8_clean("a\xFF"
                                 "b\xC3\xA9\xE2\x82"
                                 "c\xED\xA0\x80",
                                 11);
    CHECK_EQ_STR(clean, "a\xEF\xBF\xBD"
                        "b\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD"
                        "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    free(clean);
}

static void expect_error(const char *line, size_t want_col, const char *want_msg)
{
    cli_record rec;
    char msg[200] = "";
    size_t col = 0;
    int rc = parse(&rec, line, msg, &col);
    CHECK(rc == -1);
    if (rc != -1 || col != want_col || strstr(msg, want_msg) == NULL) {
        check_fail(__FILE__, __LINE__,
                   "line %s: got rc %d col %zu '%s', want col %zu '%s'", line, rc, col,
                   msg, want_col, want_msg);
    } else {
        check_pass();
    }
    cli_record_dispose(&rec);
}

static void test_errors(void)
{
    expect_error("", 1, "must be a JSON object");
    expect_error("[1]", 1, "must be a JSON object");
    expect_error("{\"id\":\"x\"}", 1, "no \"text\"");
    expect_error("{\"text\":null}", 1, "no \"text\"");
    expect_error("{\"text\":\"abc}", 9, "unterminated string");
    expect_error("{\"text\":\"a\tb\"}", 11, "control character");
    expect_error("{\"text\":\"a\\qb\"}", 11, "invalid escape");
    expect_error("{\"text\":\"\\u12G4\"}", 14, "invalid hex digit");
    expect_error("{\"text\":5}", 2, "\"text\" must be a string");
    expect_error("{\"date\":[],\"text\":\"a\"}", 2, "\"date\" must be a string");
    expect_error("{\"text\":\"a\" \"b\"}", 13, "expected ',' or '}'");
    expect_error("{\"text\":\"a\",}", 13, "expected a member name");
    expect_error("{text:\"a\"}", 2, "expected a member name");
    expect_error("{\"text\" \"a\"}", 9, "expected ':'");
    expect_error("{\"text\":\"a\"} x", 14, "unexpected characters after");
    expect_error("{\"text\":\"a\",\"n\":01}", 18, "expected ',' or '}'");
    expect_error("{\"text\":\"a\",\"n\":1.}", 19, "digits expected after '.'");
    expect_error("{\"text\":\"a\",\"n\":tru}", 17, "expected true");
    expect_error("{\"text\":\"a\",\"n\":[1,2}", 21, "expected ',' or ']'");
    expect_error("{\"text\":\"a\",\"n\":{\"k\" 1}}", 22, "expected ':'");
    expect_error("{\"text\":\"a\",\"n\":[1,", 20, "unexpected end of line");
    expect_error("{\"text\":\"a\"", 12, "not closed");
}

static void test_hostile(void)
{
    /* 100 000 nested arrays: rejected at the depth limit, no recursion. */
    size_t n = 100000;
    char *deep = malloc(n + 32);
    cli_record rec;
    char msg[200];
    size_t col;
    CHECK(deep != NULL);
    if (deep == NULL) {
        return;
    }
    strcpy(deep, "{\"text\":\"a\",\"x\":");
    memset(deep + strlen(deep), '[', n);
    deep[16 + n] = '\0';
    CHECK(cli_record_parse(&rec, deep, strlen(deep), msg, sizeof msg, &col) == -1);
    CHECK(strstr(msg, "nesting deeper") != NULL);
    cli_record_dispose(&rec);
    free(deep);

    /* Random bytes and random JSON-ish soup: any result, never a crash. */
    static const char alphabet[] =
        "{}[]\":,\\u0123456789abcdeftrunlsEe+-. \t\xC3\xA9\xFF";
    unsigned state = 12345;
    char line[256];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        state = state * 1103515245u + 12345u;
        size_t want = (state >> 16) % sizeof line;
        if (round % 2 == 0 && want > 10) {
            memcpy(line, "{\"text\":\"", 9);
            len = 9;
        }
        while (len < want) {
            state = state * 1103515245u + 12345u;
            line[len++] = alphabet[(state >> 16) % (sizeof alphabet - 1)];
        }
        int rc = cli_record_parse(&rec, line, len, msg, sizeof msg, &col);
        if (rc == 0 && rec.text == NULL) {
            check_fail(__FILE__, __LINE__, "success without text");
        }
        if (rc == -1 && (col < 1 || col > len + 1)) {
            check_fail(__FILE__, __LINE__, "column %zu outside a line of %zu bytes", col,
                       len);
        }
        cli_record_dispose(&rec);
    }
    check_pass();
}

int main(void)
{
    test_fields();
    test_unicode();
    test_errors();
    test_hostile();
    return check_summary();
}
