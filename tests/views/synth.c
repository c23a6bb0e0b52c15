/* SPDX-License-Identifier: MIT */
/* tests/views/synth.c - see synth.h. */
#include "synth.h"

#include <stdio.h>
#include <string.h>

static unsigned next(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 8) & 0xFFFFFFu;
}

/* JSON string body (no quotes) of plain ASCII/UTF-8 text. */
static annals_status put_json(annals__buf *b, const char *s)
{
    annals_status rc = ANNALS_OK;
    for (; *s != '\0' && rc == ANNALS_OK; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            rc = annals__buf_printf(b, "\\%c", c);
        } else if (c < 0x20) {
            rc = annals__buf_printf(b, "\\u%04x", c);
        } else {
            rc = annals__buf_put(b, s, 1);
        }
    }
    return rc;
}

static const char *const kinds[4] = {"person", "organization", "group", "country"};
static const char *const mods[5] = {"asserted", "reported", "planned", "hypothetical", "negated"};
static const char *const types[8] = {"consult", "make a visit", "make public statement",
                                     "engage in diplomatic cooperation", "threaten", "coerce",
                                     "fight", "assault"};
static const char *const codes[8] = {"040", "042", "010", "050", "130", "170", "190", "180"};
static const int quads[8] = {0, 0, 0, 1, 2, 2, 3, 3};

annals_status synth_json(annals__buf *b, size_t n_events, size_t n_actors, unsigned seed,
                         bool hostile)
{
    unsigned s = seed ? seed : 1u;
    annals_status rc;
    const char *bad = "<script>alert(\"x\")</script> & 'q' \\N \\n {braces} &lt;";

    rc = annals__buf_puts(b, "{\"schema\": \"annals/1\", \"generator\": {\"name\": \"annals\", "
                             "\"version\": \"0.1.0\"}, \"documents\": [{\"id\": \"d1\", "
                             "\"source\": \"synthetic/");
    if (rc == ANNALS_OK && hostile) {
        rc = put_json(b, bad);
    }
    if (rc == ANNALS_OK) {
        rc = annals__buf_puts(b, "corpus.txt\", \"date\": \"2024-02-06\", \"date_source\": "
                                 "\"cli\", \"title\": null, \"bytes\": 1000000}], "
                                 "\"entities\": [");
    }
    for (size_t a = 0; a < n_actors && rc == ANNALS_OK; a++) {
        rc = annals__buf_printf(b, "%s{\"id\": \"a%zu\", \"kind\": \"%s\", \"name\": \"", a ? ", " : "",
                                a + 1, kinds[a % 4]);
        if (rc == ANNALS_OK) {
            if (hostile && a % 3 == 1) {
                rc = put_json(b, bad);
                if (rc == ANNALS_OK) {
                    rc = annals__buf_printf(b, " %zu", a + 1);
                }
            } else {
                rc = annals__buf_printf(b, "%s %zu", a % 4 == 0 ? "Minister" : a % 4 == 1 ? "Agency"
                                                     : a % 4 == 2 ? "Brigade" : "Republic", a + 1);
            }
        }
        if (rc == ANNALS_OK) {
            rc = annals__buf_printf(b, "\", \"aliases\": [], \"country\": null, \"roles\": [], "
                                       "\"mentions\": [{\"doc\": \"d1\", \"start\": %zu, \"end\": %zu}]}",
                                    a * 10, a * 10 + 5);
        }
    }
    if (rc == ANNALS_OK) {
        rc = annals__buf_puts(b, "], \"timexes\": [], \"events\": [");
    }
    for (size_t i = 0; i < n_events && rc == ANNALS_OK; i++) {
        unsigned r = next(&s);
        unsigned t = r % 8;
        /* skewed actor choice: a few actors take part in most events */
        size_t src = (size_t)(((unsigned long long)next(&s) * next(&s)) % (n_actors * n_actors) /
                              n_actors);
        size_t dst = next(&s) % n_actors;
        size_t third = next(&s) % n_actors;
        unsigned dr = next(&s) % 100;
        char value[40], e0[sizeof value], e1[sizeof value];
        const char *prec = "day";
        if (src >= n_actors) {
            src = n_actors - 1;
        }
        src = (src * 7 + i % 2) % n_actors;
        if (dst == src) {
            dst = (dst + 1) % n_actors;
        }
        value[0] = '\0';
        if (dr < 8) {
            snprintf(value, sizeof value, "2015");
            prec = "year";
            snprintf(e0, sizeof e0, "2015-01-01");
            snprintf(e1, sizeof e1, "2015-12-31");
        } else if (dr < 20) {
            int d = 1 + (int)(next(&s) % 20);
            snprintf(value, sizeof value, "2023-10-%02d", d);
            snprintf(e0, sizeof e0, "%s", value);
            snprintf(e1, sizeof e1, "%s", value);
        } else if (dr < 28) {
            snprintf(value, sizeof value, "2024-01");
            prec = "month";
            snprintf(e0, sizeof e0, "2024-01-01");
            snprintf(e1, sizeof e1, "2024-01-31");
        } else if (dr < 33) {
            snprintf(value, sizeof value, "2024-W05-WE");
            prec = "week";
            snprintf(e0, sizeof e0, "2024-02-03");
            snprintf(e1, sizeof e1, "2024-02-04");
        } else if (dr < 88) {
            int d = 15 + (int)(next(&s) % 23); /* 15 Jan .. 6 Feb */
            int m = d > 31 ? 2 : 1;
            snprintf(value, sizeof value, "2024-%02d-%02d", m, m == 2 ? d - 31 : d);
            snprintf(e0, sizeof e0, "%s", value);
            snprintf(e1, sizeof e1, "%s", value);
        }
        rc = annals__buf_printf(b, "%s{\"id\": \"e%zu\", \"code\": \"%s\", \"root\": \"%.2s\", "
                                   "\"type\": \"%s\", \"quad\": %d, \"label\": \"",
                                i ? ", " : "", i + 1, codes[t], codes[t], types[t], quads[t] + 1);
        if (rc == ANNALS_OK && hostile && i % 4 == 0) {
            rc = put_json(b, bad);
        }
        if (rc == ANNALS_OK) {
            rc = annals__buf_printf(b, "Event %zu: %s of a%zu and a%zu\", \"source\": [\"a%zu\"], "
                                       "\"target\": [\"a%zu\"], \"participants\": [",
                                    i + 1, types[t], src + 1, dst + 1, src + 1, dst + 1);
        }
        if (rc == ANNALS_OK && i % 5 == 0 && third != src && third != dst) {
            rc = annals__buf_printf(b, "\"a%zu\"", third + 1);
        }
        if (rc == ANNALS_OK) {
            rc = annals__buf_puts(b, "], \"places\": [], \"date\": ");
        }
        if (rc == ANNALS_OK) {
            if (value[0] != '\0') {
                rc = annals__buf_printf(b, "{\"value\": \"%s\", \"earliest\": \"%s\", \"latest\": "
                                           "\"%s\", \"precision\": \"%s\", \"timex\": null, "
                                           "\"inferred\": %s}",
                                        value, e0, e1, prec, i % 7 == 3 ? "true" : "false");
            } else {
                rc = annals__buf_puts(b, "null");
            }
        }
        if (rc == ANNALS_OK) {
            rc = annals__buf_printf(b, ", \"modality\": \"%s\", \"confidence\": 0.8, \"mentions\": "
                                       "[{\"doc\": \"d1\", \"start\": %zu, \"end\": %zu, \"trigger\": "
                                       "\"met\", \"sentence_start\": %zu, \"sentence_end\": %zu, "
                                       "\"sentence\": \"",
                                    mods[(i / 3) % 5], i * 40 + 5, i * 40 + 8, i * 40, i * 40 + 39);
        }
        if (rc == ANNALS_OK && hostile) {
            rc = put_json(b, bad);
        }
        if (rc == ANNALS_OK) {
            rc = annals__buf_printf(b, "Officials said the parties met for event %zu.\"}]}", i + 1);
        }
    }
    if (rc == ANNALS_OK) {
        rc = annals__buf_puts(b, "], \"warnings\": []}\n");
    }
    return rc;
}
