/* SPDX-License-Identifier: MIT */
/*
 * cli/jsonl.h - one JSON Lines input record: {"id", "text", "date",
 * "title", "url"}, only "text" required, other members ignored.
 *
 * The CLI links only the annals library, so it parses these records itself:
 * a small, strict, iterative JSON reader (RFC 8259 syntax, \uXXXX escapes
 * with surrogate pairs, nesting bounded) that keeps the five members and
 * validates and skips everything else. Linear in the line's length.
 */
#ifndef ANNALS_CLI_JSONL_H
#define ANNALS_CLI_JSONL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cli_record {
    char *text; /* decoded; may contain NUL bytes; always NUL-terminated */
    size_t text_len;
    char *id; /* NULL if absent or null; numbers are kept as written */
    char *date;
    char *title;
    char *url;
    unsigned n_bad_surrogates; /* lone \uD800-\uDFFF escapes replaced with U+FFFD */
} cli_record;

/*
 * Parse `len` bytes of `line` into `rec` (released with
 * cli_record_dispose() either way). Returns 0 on success; -1 with a
 * message and the 1-based byte column of the problem on malformed JSON or
 * a record without a string "text"; -2 if out of memory.
 */
int cli_record_parse(cli_record *rec, const char *line, size_t len, char *msg,
                     size_t msglen, size_t *column);

void cli_record_dispose(cli_record *rec);

/*
 * A copy of `s` (`len` bytes) with invalid UTF-8 and NUL bytes replaced by
 * U+FFFD, NUL-terminated; free with free(). NULL if out of memory. Used for
 * strings the library copies into JSON (ids, titles, file names).
 */
char *cli_utf8_clean(const char *s, size_t len);

#endif
