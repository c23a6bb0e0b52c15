/* SPDX-License-Identifier: MIT */
/* core/buf.c - growable byte buffer; every put returns a status. */
#include "core/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void annals__buf_init(annals__buf *b)
{
    b->ptr = NULL;
    b->len = 0;
    b->cap = 0;
}

void annals__buf_dispose(annals__buf *b)
{
    free(b->ptr);
    annals__buf_init(b);
}

static annals_status grow(annals__buf *b, size_t extra)
{
    size_t need, cap;
    char *p;

    if (extra > SIZE_MAX - b->len - 1) {
        return ANNALS_ENOMEM;
    }
    need = b->len + extra + 1;
    if (need <= b->cap) {
        return ANNALS_OK;
    }
    cap = b->cap ? b->cap : 256;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    p = realloc(b->ptr, cap);
    if (p == NULL) {
        return ANNALS_ENOMEM;
    }
    b->ptr = p;
    b->cap = cap;
    return ANNALS_OK;
}

annals_status annals__buf_put(annals__buf *b, const char *data, size_t len)
{
    annals_status rc = grow(b, len);
    if (rc < 0) {
        return rc;
    }
    if (len > 0) {
        memcpy(b->ptr + b->len, data, len);
    }
    b->len += len;
    b->ptr[b->len] = '\0';
    return ANNALS_OK;
}

annals_status annals__buf_puts(annals__buf *b, const char *s)
{
    return annals__buf_put(b, s, strlen(s));
}

annals_status annals__buf_printf(annals__buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    annals_status rc;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return ANNALS_EINVAL;
    }
    rc = grow(b, (size_t)n);
    if (rc < 0) {
        return rc;
    }
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return ANNALS_OK;
}

annals_status annals__buf_put_xml(annals__buf *b, const char *s, size_t len)
{
    size_t i, run = 0;
    annals_status rc = ANNALS_OK;

    for (i = 0; i < len; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        default:
            break;
        }
        if (rep == NULL && (unsigned char)s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') {
            rep = " "; /* control characters are not allowed in XML 1.0 */
        }
        if (rep != NULL) {
            rc = annals__buf_put(b, s + run, i - run);
            if (rc < 0) {
                return rc;
            }
            rc = annals__buf_puts(b, rep);
            if (rc < 0) {
                return rc;
            }
            run = i + 1;
        }
    }
    return annals__buf_put(b, s + run, len - run);
}

int annals__buf_sink(const char *data, size_t len, void *userdata)
{
    return annals__buf_put(userdata, data, len) < 0 ? -1 : 0;
}
