/* SPDX-License-Identifier: MIT */
/*
 * cli/jsonl.c - parse one JSON Lines input record (see jsonl.h).
 *
 * A single pass over the line with an explicit container stack (no
 * recursion, so a line of a million '[' cannot overflow the C stack; the
 * depth is capped). Only the top-level members "id", "text", "date",
 * "title" and "url" are decoded; every other value is validated and
 * skipped. Duplicate members: the last one wins, as in most readers.
 */
#define _POSIX_C_SOURCE 200809L

#include "jsonl.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 512

typedef struct reader {
    const char *s;
    size_t len;
    size_t pos;
    char *msg;
    size_t msglen;
    size_t err_pos;
} reader;

static int fail_at(reader *r, size_t pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int fail_at(reader *r, size_t pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->msg, r->msglen, fmt, ap);
    va_end(ap);
    r->err_pos = pos;
    return -1;
}

static void skip_ws(reader *r)
{
    while (r->pos < r->len) {
        char c = r->s[r->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            break;
        }
        r->pos++;
    }
}

static int hex4(reader *r, size_t at, unsigned *out)
{
    unsigned v = 0;
    if (at + 4 > r->len) {
        return fail_at(r, at, "truncated \\u escape");
    }
    for (size_t i = 0; i < 4; i++) {
        char c = r->s[at + i];
        unsigned d;
        if (c >= '0' && c <= '9') {
            d = (unsigned)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            d = (unsigned)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            d = (unsigned)(c - 'A' + 10);
        } else {
            return fail_at(r, at + i, "invalid hex digit in \\u escape");
        }
        v = v * 16 + d;
    }
    *out = v;
    return 0;
}

static size_t put_utf8(char *out, unsigned cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/*
 * Read the string starting at the '"' under the cursor. With `out` NULL it
 * is only validated; otherwise it is decoded into a new buffer (never longer
 * than the source: every escape shrinks or keeps its length). Raw bytes
 * >= 0x80 are copied unchanged (the library repairs invalid UTF-8 in the
 * text and reports it with an offset).
 */
static int read_string(reader *r, char **out, size_t *out_len, unsigned *bad_surrogates)
{
    size_t start = ++r->pos; /* after the opening quote */
    size_t end = start;
    char *buf = NULL;
    size_t n = 0;

    /* Find the closing quote first, so the buffer has the right size. */
    while (end < r->len && r->s[end] != '"') {
        unsigned char c = (unsigned char)r->s[end];
        if (c < 0x20) {
            return fail_at(r, end,
                           "control character 0x%02X in a string (must be escaped)", c);
        }
        end += (c == '\\') ? 2 : 1;
    }
    if (end >= r->len) {
        return fail_at(r, start - 1, "unterminated string");
    }
    if (out != NULL) {
        buf = malloc(end - start + 1);
        if (buf == NULL) {
            return -2;
        }
    }
    for (size_t i = start; i < end;) {
        char c = r->s[i];
        if (c != '\\') {
            if (buf) {
                buf[n++] = c;
            }
            i++;
            continue;
        }
        c = r->s[i + 1];
        i += 2;
        char simple = 0;
        switch (c) {
        case '"':
            simple = '"';
            break;
        case '\\':
            simple = '\\';
            break;
        case '/':
            simple = '/';
            break;
        case 'b':
            simple = '\b';
            break;
        case 'f':
            simple = '\f';
            break;
        case 'n':
            simple = '\n';
            break;
        case 'r':
            simple = '\r';
            break;
        case 't':
            simple = '\t';
            break;
        case 'u': {
            unsigned cp = 0, lo = 0;
            if (hex4(r, i, &cp) < 0) {
                free(buf);
                return -1;
            }
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= end && r->s[i] == '\\' &&
                r->s[i + 1] == 'u') {
                if (hex4(r, i + 2, &lo) < 0) {
                    free(buf);
                    return -1;
                }
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD; /* a lone surrogate */
                if (bad_surrogates) {
                    (*bad_surrogates)++;
                }
            }
            if (buf) {
                n += put_utf8(buf + n, cp);
            }
            continue;
        }
        default:
            free(buf);
            return fail_at(r, i - 2, "invalid escape '\\%c'",
                           c >= 0x20 && c < 0x7F ? c : '?');
        }
        if (buf) {
            buf[n++] = simple;
        }
    }
    r->pos = end + 1;
    if (buf) {
        buf[n] = '\0';
        *out = buf;
        if (out_len) {
            *out_len = n;
        }
    }
    return 0;
}

/* A JSON number at the cursor; sets `*start`/`*end` to its extent. */
static int read_number(reader *r, size_t *start, size_t *end)
{
    size_t i = r->pos;
    *start = i;
    if (i < r->len && r->s[i] == '-') {
        i++;
    }
    if (i < r->len && r->s[i] == '0') {
        i++;
    } else if (i < r->len && r->s[i] >= '1' && r->s[i] <= '9') {
        while (i < r->len && r->s[i] >= '0' && r->s[i] <= '9') {
            i++;
        }
    } else {
        return fail_at(r, i, "invalid number");
    }
    if (i < r->len && r->s[i] == '.') {
        i++;
        if (i >= r->len || r->s[i] < '0' || r->s[i] > '9') {
            return fail_at(r, i, "invalid number: digits expected after '.'");
        }
        while (i < r->len && r->s[i] >= '0' && r->s[i] <= '9') {
            i++;
        }
    }
    if (i < r->len && (r->s[i] == 'e' || r->s[i] == 'E')) {
        i++;
        if (i < r->len && (r->s[i] == '+' || r->s[i] == '-')) {
            i++;
        }
        if (i >= r->len || r->s[i] < '0' || r->s[i] > '9') {
            return fail_at(r, i, "invalid number: digits expected in the exponent");
        }
        while (i < r->len && r->s[i] >= '0' && r->s[i] <= '9') {
            i++;
        }
    }
    *end = i;
    r->pos = i;
    return 0;
}

static int read_literal(reader *r, const char *word)
{
    size_t n = strlen(word);
    if (r->len - r->pos < n || memcmp(r->s + r->pos, word, n) != 0) {
        return fail_at(r, r->pos, "invalid literal (expected %s)", word);
    }
    r->pos += n;
    return 0;
}

/*
 * Validate and skip one value of any kind at the cursor, iteratively.
 * `stack` holds '{' or '[' for each open container.
 */
static int skip_value(reader *r)
{
    char stack[MAX_DEPTH];
    size_t depth = 0;
    size_t a, b;

    for (;;) {
        int rc = 0;
        skip_ws(r);
        if (r->pos >= r->len) {
            return fail_at(r, r->pos, "unexpected end of line in a value");
        }
        char c = r->s[r->pos];
        if (c == '{' || c == '[') {
            if (depth == MAX_DEPTH) {
                return fail_at(r, r->pos, "nesting deeper than %d levels", MAX_DEPTH);
            }
            stack[depth++] = c;
            r->pos++;
            skip_ws(r);
            if (r->pos < r->len && r->s[r->pos] == (c == '{' ? '}' : ']')) {
                r->pos++;
                depth--;
                goto after_value;
            }
            if (c == '{') {
                goto member_key;
            }
            continue;
        }
        if (c == '"') {
            rc = read_string(r, NULL, NULL, NULL);
        } else if (c == 't') {
            rc = read_literal(r, "true");
        } else if (c == 'f') {
            rc = read_literal(r, "false");
        } else if (c == 'n') {
            rc = read_literal(r, "null");
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            rc = read_number(r, &a, &b);
        } else {
            return fail_at(r, r->pos, "unexpected character '%c'",
                           c >= 0x20 && c < 0x7F ? c : '?');
        }
        if (rc < 0) {
            return rc;
        }
    after_value:
        for (;;) {
            if (depth == 0) {
                return 0;
            }
            skip_ws(r);
            if (r->pos >= r->len) {
                return fail_at(r, r->pos, "unexpected end of line: '%c' not closed",
                               stack[depth - 1]);
            }
            c = r->s[r->pos];
            char close = stack[depth - 1] == '{' ? '}' : ']';
            if (c == close) {
                r->pos++;
                depth--;
                continue;
            }
            if (c != ',') {
                return fail_at(r, r->pos, "expected ',' or '%c'", close);
            }
            r->pos++;
            if (stack[depth - 1] == '[') {
                break; /* next array element */
            }
        member_key:
            skip_ws(r);
            if (r->pos >= r->len || r->s[r->pos] != '"') {
                return fail_at(r, r->pos, "expected a member name in quotes");
            }
            rc = read_string(r, NULL, NULL, NULL);
            if (rc < 0) {
                return rc;
            }
            skip_ws(r);
            if (r->pos >= r->len || r->s[r->pos] != ':') {
                return fail_at(r, r->pos, "expected ':' after a member name");
            }
            r->pos++;
            break;
        }
    }
}

static const char *const FIELDS[] = {"id", "text", "date", "title", "url"};

static char **field_slot(cli_record *rec, size_t k)
{
    switch (k) {
    case 0:
        return &rec->id;
    case 1:
        return &rec->text;
    case 2:
        return &rec->date;
    case 3:
        return &rec->title;
    default:
        return &rec->url;
    }
}

void cli_record_dispose(cli_record *rec)
{
    free(rec->text);
    free(rec->id);
    free(rec->date);
    free(rec->title);
    free(rec->url);
    memset(rec, 0, sizeof *rec);
}

int cli_record_parse(cli_record *rec, const char *line, size_t len, char *msg,
                     size_t msglen, size_t *column)
{
    reader r = {line, len, 0, msg, msglen, 0};
    int rc = 0;

    memset(rec, 0, sizeof *rec);
    *column = 0;
    /* A UTF-8 BOM at the start of the first line is tolerated. */
    if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        r.pos = 3;
    }
    skip_ws(&r);
    if (r.pos >= r.len || r.s[r.pos] != '{') {
        rc = fail_at(&r, r.pos, "a record must be a JSON object");
        goto done;
    }
    r.pos++;
    skip_ws(&r);
    if (r.pos < r.len && r.s[r.pos] == '}') {
        r.pos++;
        goto end_object;
    }
    for (;;) {
        char *key = NULL;
        size_t key_len = 0, key_pos;
        int field = -1;

        skip_ws(&r);
        key_pos = r.pos;
        if (r.pos >= r.len || r.s[r.pos] != '"') {
            rc = fail_at(&r, r.pos, "expected a member name in quotes");
            goto done;
        }
        rc = read_string(&r, &key, &key_len, NULL);
        if (rc < 0) {
            goto done;
        }
        for (size_t k = 0; k < sizeof FIELDS / sizeof FIELDS[0]; k++) {
            if (strlen(FIELDS[k]) == key_len && memcmp(FIELDS[k], key, key_len) == 0) {
                field = (int)k;
            }
        }
        free(key);
        skip_ws(&r);
        if (r.pos >= r.len || r.s[r.pos] != ':') {
            rc = fail_at(&r, r.pos, "expected ':' after a member name");
            goto done;
        }
        r.pos++;
        skip_ws(&r);
        if (field < 0) {
            rc = skip_value(&r);
        } else if (r.pos < r.len && r.s[r.pos] == '"') {
            char **slot = field_slot(rec, (size_t)field);
            char *value = NULL;
            size_t value_len = 0;
            rc = read_string(&r, &value, &value_len,
                             field == 1 ? &rec->n_bad_surrogates : NULL);
            if (rc == 0) {
                free(*slot);
                *slot = value;
                if (field == 1) {
                    rec->text_len = value_len;
                }
            }
        } else if (r.pos < r.len && r.s[r.pos] == 'n') {
            char **slot = field_slot(rec, (size_t)field);
            rc = read_literal(&r, "null");
            free(*slot);
            *slot = NULL;
            if (field == 1) {
                rec->text_len = 0;
            }
        } else if (field == 0 && r.pos < r.len &&
                   (r.s[r.pos] == '-' || (r.s[r.pos] >= '0' && r.s[r.pos] <= '9'))) {
            size_t a, b;
            rc = read_number(&r, &a, &b);
            if (rc == 0) {
                char *value = malloc(b - a + 1);
                if (value == NULL) {
                    rc = -2;
                    goto done;
                }
                memcpy(value, r.s + a, b - a);
                value[b - a] = '\0';
                free(rec->id);
                rec->id = value;
            }
        } else {
            rc = fail_at(&r, key_pos, "\"%s\" must be a string%s", FIELDS[field],
                         field == 0 ? " or a number" : " or null");
        }
        if (rc < 0) {
            goto done;
        }
        skip_ws(&r);
        if (r.pos < r.len && r.s[r.pos] == ',') {
            r.pos++;
            continue;
        }
        if (r.pos < r.len && r.s[r.pos] == '}') {
            r.pos++;
            break;
        }
        rc = fail_at(&r, r.pos,
                     r.pos < r.len ? "expected ',' or '}'"
                                   : "unexpected end of line: '{' not closed");
        goto done;
    }
end_object:
    skip_ws(&r);
    if (r.pos < r.len) {
        rc = fail_at(&r, r.pos, "unexpected characters after the record");
        goto done;
    }
    if (rec->text == NULL) {
        rc = fail_at(&r, 0, "record has no \"text\" string");
        goto done;
    }
done:
    if (rc == -1) {
        *column = r.err_pos + 1;
    } else if (rc == -2) {
        snprintf(msg, msglen, "out of memory");
    }
    return rc;
}

char *cli_utf8_clean(const char *s, size_t len)
{
    /* Each bad byte becomes 3 bytes at most. */
    char *out = malloc(len * 3 + 1);
    size_t n = 0, i = 0;
    if (out == NULL) {
        return NULL;
    }
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        size_t k = 0;
        uint32_t cp = 0, min = 0;
        if (c >= 0x01 && c < 0x80) {
            out[n++] = (char)c;
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            k = 1;
            cp = c & 0x1Fu;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            cp = c & 0x0Fu;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            cp = c & 0x07u;
            min = 0x10000;
        }
        bool ok = k > 0;
        for (size_t j = 1; ok && j <= k; j++) {
            unsigned char cc = (unsigned char)s[i + j];
            if (i + j >= len || (cc & 0xC0) != 0x80) {
                ok = false;
            } else {
                cp = (cp << 6) | (cc & 0x3Fu);
            }
        }
        if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) {
            ok = false;
        }
        if (ok) {
            memcpy(out + n, s + i, k + 1);
            n += k + 1;
            i += k + 1;
        } else {
            memcpy(out + n, "\xEF\xBF\xBD", 3);
            n += 3;
            i++;
        }
    }
    out[n] = '\0';
    return out;
}
