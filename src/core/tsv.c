/* SPDX-License-Identifier: MIT */
/*
 * core/tsv.c - the reader behind every lexicon table, compiled-in or
 * given at run time: tab-separated fields, '#' comments, blank lines
 * skipped, 1-based line numbers for error messages.
 */
#include "core/internal.h"

#include <string.h>

annals_status annals__tsv_each(const char *text, size_t len, const char *name,
                               annals__tsv_row_fn row, void *ud, annals_error *err)
{
    size_t pos = 0;
    unsigned line = 0;

    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t line_end = end;
        annals__field fields[ANNALS__TSV_MAX_FIELDS];
        size_t n = 0, start = pos, i;
        annals_status rc;

        line++;
        if (line_end > pos && text[line_end - 1] == '\r') {
            line_end--;
        }
        if (line_end == pos || text[pos] == '#') {
            pos = end + 1;
            continue;
        }
        for (i = pos; i <= line_end; i++) {
            if (i == line_end || text[i] == '\t') {
                if (n == ANNALS__TSV_MAX_FIELDS) {
                    return annals__error_line(err, ANNALS_EPARSE, ANNALS_STAGE_LEXICON, line,
                                              "%s:%u: more than %d fields",
                                              name ? name : "lexicon", line,
                                              ANNALS__TSV_MAX_FIELDS);
                }
                fields[n].s = text + start;
                fields[n].len = i - start;
                n++;
                start = i + 1;
            }
        }
        /* A line of blanks only is blank. */
        if (n == 1) {
            size_t k;
            bool blank = true;
            for (k = 0; k < fields[0].len; k++) {
                if (fields[0].s[k] != ' ') {
                    blank = false;
                    break;
                }
            }
            if (blank) {
                pos = end + 1;
                continue;
            }
        }
        rc = row(ud, fields, n, line, err);
        if (rc < 0) {
            return rc;
        }
        pos = end + 1;
    }
    return ANNALS_OK;
}
