/* SPDX-License-Identifier: MIT */
/*
 * core/ingest.c - the one pass that changes input bytes (pipeline stage 0).
 *
 * Turns every CR into LF byte for byte (so CRLF becomes an empty line,
 * which segmentation skips) and leaves a leading BOM in place (the
 * tokenizer reads U+FEFF as white space): the byte offsets of any valid
 * UTF-8 input, whatever its line endings, are the offsets of the caller's
 * own bytes. NUL bytes and invalid UTF-8 (overlong forms, surrogates,
 * values above U+10FFFF, truncated sequences) are replaced with U+FFFD,
 * one per byte, with one warning per replaced run giving its original
 * offset; offsets after a replaced byte shift by two per replaced byte, as
 * the warnings say. In strict mode the first invalid byte fails with
 * ANNALS_EUTF8 and its offset instead.
 */
#include "core/internal.h"

#include <string.h>

#define MAX_WARNINGS 64

/* Length of the valid UTF-8 sequence at s[0..n), or 0 if invalid. */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) {
            return 0;
        }
        if (c == 0xE0 && s[1] < 0xA0) {
            return 0; /* overlong */
        }
        if (c == 0xED && s[1] >= 0xA0) {
            return 0; /* surrogate */
        }
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80) {
            return 0;
        }
        if (c == 0xF0 && s[1] < 0x90) {
            return 0; /* overlong */
        }
        if (c == 0xF4 && s[1] >= 0x90) {
            return 0; /* above U+10FFFF */
        }
        return 4;
    }
    return 0;
}

annals_status annals__ingest(annals_doc *doc, const char *text, size_t len, annals_error *err)
{
    const unsigned char *in = (const unsigned char *)text;
    size_t i = 0, n = 0, cap, n_warnings = 0;
    bool strict = (doc->ctx->opts.flags & ANNALS_OPT_STRICT_UTF8) != 0;
    char *out;

    doc->input_bytes = len;
    if (len > doc->ctx->opts.max_input_bytes) {
        return annals__error(err, ANNALS_ELIMIT, ANNALS_STAGE_INGEST, ANNALS_NO_OFFSET,
                             "input of %zu bytes exceeds the limit of %zu bytes", len,
                             doc->ctx->opts.max_input_bytes);
    }
    /* Each invalid byte becomes at most 3 bytes (U+FFFD). */
    if (len > (SIZE_MAX - 1) / 3) {
        return annals__error(err, ANNALS_ELIMIT, ANNALS_STAGE_INGEST, ANNALS_NO_OFFSET,
                             "input too large");
    }
    cap = len * 3 + 1;
    out = annals__arena_alloc(&doc->arena, cap);
    if (out == NULL) {
        return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_INGEST, ANNALS_NO_OFFSET,
                             "out of memory");
    }
    while (i < len) {
        unsigned char c = in[i];
        size_t k;
        if (c >= 0x20 && c < 0x80) {
            out[n++] = (char)c;
            i++;
            continue;
        }
        if (c == '\r') {
            out[n++] = '\n';
            i++;
            continue;
        }
        k = c == 0 ? 0 : utf8_valid_len(in + i, len - i);
        if (k > 0) {
            memcpy(out + n, in + i, k);
            n += k;
            i += k;
            continue;
        }
        /* A run of NUL or invalid bytes becomes one U+FFFD per byte. */
        {
            size_t run_start = i;
            if (strict) {
                if (c == 0) {
                    return annals__error(err, ANNALS_EUTF8, ANNALS_STAGE_INGEST, i,
                                         "NUL byte");
                }
                return annals__error(err, ANNALS_EUTF8, ANNALS_STAGE_INGEST, i,
                                     "invalid UTF-8 byte 0x%02X", (unsigned)c);
            }
            while (i < len && (in[i] == 0 || utf8_valid_len(in + i, len - i) == 0)) {
                out[n++] = (char)0xEF;
                out[n++] = (char)0xBF;
                out[n++] = (char)0xBD;
                i++;
            }
            if (n_warnings < MAX_WARNINGS) {
                annals_status rc = annals__warn(
                    doc, run_start, "%s (%zu byte%s) replaced with U+FFFD",
                    c == 0 ? "NUL or invalid UTF-8" : "invalid UTF-8", i - run_start,
                    i - run_start == 1 ? "" : "s");
                if (rc < 0) {
                    return annals__error(err, rc, ANNALS_STAGE_INGEST, run_start,
                                         "out of memory");
                }
            } else if (n_warnings == MAX_WARNINGS) {
                annals_status rc =
                    annals__warn(doc, run_start, "further invalid bytes replaced silently");
                if (rc < 0) {
                    return annals__error(err, rc, ANNALS_STAGE_INGEST, run_start,
                                         "out of memory");
                }
            }
            n_warnings++;
        }
    }
    out[n] = '\0';
    doc->text = out;
    doc->len = n;
    return ANNALS_OK;
}
