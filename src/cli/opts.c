/* SPDX-License-Identifier: MIT */
/*
 * cli/opts.c - table-driven option parsing for the `annals` tool.
 *
 * One array, OPTIONS[], lists every option with its long and short name,
 * its argument, the subcommands that accept it and its help text; the
 * parser and --help both walk it, so they cannot disagree. Accepted forms:
 * "--name VALUE", "--name=VALUE", "-x VALUE", "-xVALUE", bundled short
 * flags ("-qr"), "--" to end the options and "-" as an operand (stdin).
 * Options and operands may be interleaved. Values are validated here, so a
 * bad --date is reported before any input is read.
 */
#define _POSIX_C_SOURCE 200809L

#include "opts.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define B   (1u << CLI_CMD_BUILD)
#define E   (1u << CLI_CMD_EXTRACT)
#define M   (1u << CLI_CMD_MERGE)
#define R   (1u << CLI_CMD_RENDER)
#define ALL (B | E | M | R)

typedef enum opt_id {
    OPT_HELP,
    OPT_VERSION,
    OPT_QUIET,
    OPT_OUTPUT,
    OPT_DATE,
    OPT_FORMATS,
    OPT_EXPLAIN,
    OPT_STRICT_UTF8,
    OPT_NARRATIVE,
    OPT_KEEP_BOILERPLATE,
    OPT_LEXICON,
    OPT_RECURSIVE,
    OPT_JSONL,
    OPT_MAX_INPUT_BYTES,
    OPT_SEED,
    OPT_LAYOUT,
    OPT_ACTOR,
    OPT_FROM,
    OPT_TO,
    OPT_ROOT,
    OPT_MIN_CONFIDENCE,
    OPT_TOP,
    OPT_KEEP_ISOLATED,
    OPT_COMPACT
} opt_id;

typedef struct opt_spec {
    opt_id id;
    const char *long_name;
    char short_name;   /* 0 if none */
    const char *arg;   /* NULL for a flag, else the value's name in --help */
    unsigned commands; /* bit set of subcommands accepting the option */
    const char *help;
} opt_spec;

static const opt_spec OPTIONS[] = {
    {OPT_OUTPUT, "output", 'o', "DIR", B | R,
     "write the outputs into DIR (created if missing; default: output)"},
    {OPT_OUTPUT, "output", 'o', "FILE", M,
     "write the merged JSON to FILE (default: stdout)"},
    {OPT_DATE, "date", 0, "YYYY-MM-DD", B | E,
     "document date (DCT) for inputs whose record carries none"},
    {OPT_FORMATS, "formats", 'f', "LIST", B | R,
     "comma-separated outputs: json, dot, svg, png, pdf, graphml, gexf, timelinejs, "
     "csv, html or all (default: json,dot,svg,html)"},
    {OPT_EXPLAIN, "explain", 0, NULL, ALL,
     "record why each date, mention and event was chosen (\"explain\" fields)"},
    {OPT_STRICT_UTF8, "strict-utf8", 0, NULL, B | E,
     "fail on invalid UTF-8 or NUL bytes instead of repairing them"},
    {OPT_NARRATIVE, "narrative", 0, NULL, B | E,
     "treat inputs as narratives: dates anchor on the text, not the DCT"},
    {OPT_KEEP_BOILERPLATE, "keep-boilerplate", 0, NULL, B | E,
     "also extract events from boilerplate lines (\"Sign up to ...\")"},
    {OPT_LEXICON, "lexicon", 'l', "FILE", B | E,
     "add or override lexicon entries from a TSV file (repeatable)"},
    {OPT_RECURSIVE, "recursive", 'r', NULL, B | E | M,
     "descend into sub-directories of directory inputs"},
    {OPT_JSONL, "jsonl", 0, NULL, B | E,
     "read '-' and named files without a .jsonl suffix as JSON Lines records (files "
     "found in folders go by their suffix)"},
    {OPT_MAX_INPUT_BYTES, "max-input-bytes", 0, "N", B | E,
     "largest document accepted, in bytes (suffix k, M or G; default 64M)"},
    {OPT_SEED, "seed", 0, "N", B | R, "seed of igraph's community detection and of --layout engines (default 1)"},
    {OPT_LAYOUT, "layout", 0, "ENGINE", B | R,
     "relationship diagram engine: sfdp, neato, fdp, dot, circo or twopi"},
    {OPT_ACTOR, "actor", 0, "NAME", B | R,
     "keep events involving NAME and its neighbours"},
    {OPT_FROM, "from", 0, "DATE", B | R,
     "keep events ending on or after DATE (YYYY[-MM[-DD]])"},
    {OPT_TO, "to", 0, "DATE", B | R, "keep events starting on or before DATE"},
    {OPT_ROOT, "root", 0, "CODES", B | R,
     "keep events of these CAMEO roots, e.g. 18,19,20"},
    {OPT_MIN_CONFIDENCE, "min-confidence", 0, "X", B | R,
     "keep events with confidence of at least X (0 to 1)"},
    {OPT_TOP, "top", 0, "N", B | R, "keep the N most salient events"},
    {OPT_KEEP_ISOLATED, "keep-isolated", 0, NULL, B | R,
     "keep actors that take part in no kept event"},
    {OPT_COMPACT, "compact", 0, NULL, M, "write the JSON on one line"},
    {OPT_QUIET, "quiet", 'q', NULL, ALL, "print no warnings and no progress line"},
    {OPT_HELP, "help", 'h', NULL, ALL, "show this help and exit"},
    {OPT_VERSION, "version", 'V', NULL, ALL, "show the version and exit"},
};

#define N_OPTIONS (sizeof OPTIONS / sizeof OPTIONS[0])

typedef struct cmd_spec {
    const char *name;
    const char *operands;
    const char *summary;
    const char *details;
} cmd_spec;

static const cmd_spec COMMANDS[CLI_CMD_COUNT] = {
    [CLI_CMD_NONE] = {"", "", "", ""},
    [CLI_CMD_BUILD] =
        {"build", "INPUT...",
         "extract, merge, lay out and export everything into a folder",
         "Reads every INPUT, merges what the documents report into one corpus,\n"
         "builds the event graph and writes events.json, timeline.dot/.svg,\n"
         "relations.dot/.svg and report.html (see --formats) into the output\n"
         "folder. Each file is written to a temporary name and renamed when\n"
         "complete, so an output is never half written.\n"},
    [CLI_CMD_EXTRACT] =
        {"extract", "INPUT...", "print one annals/1 JSON line per document on stdout",
         "Processes one document at a time (memory stays flat) and prints,\n"
         "for each, one line holding a complete annals/1 JSON object for\n"
         "that document alone.\n"},
    [CLI_CMD_MERGE] = {"merge", "FILE...",
                       "merge annals/1 JSON (extract output, shards) into one",
                       "Reads annals/1 JSON files or JSON Lines as printed by `annals\n"
                       "extract` ('-' = stdin), merges duplicate actors and events and\n"
                       "writes one annals/1 JSON object (without the graph).\n"},
    [CLI_CMD_RENDER] =
        {"render", "FILE.json...",
         "build the graph, views and exports from annals/1 JSON",
         "Reads annals/1 JSON (from merge, extract or build) and writes the\n"
         "same outputs as build into the output folder.\n"},
};

const char *cli_cmd_name(cli_cmd cmd)
{
    return (cmd > CLI_CMD_NONE && cmd < CLI_CMD_COUNT) ? COMMANDS[cmd].name : "";
}

/* ------------------------------------------------------------ validation */

static bool parse_digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
        return 29;
    }
    return days[m - 1];
}

bool cli_is_partial_date(const char *s)
{
    size_t n = strlen(s);
    int y, m, d;
    if (n != 4 && n != 7 && n != 10) {
        return false;
    }
    if (!parse_digits(s, 4, &y)) {
        return false;
    }
    if (n == 4) {
        return true;
    }
    if (s[4] != '-' || !parse_digits(s + 5, 2, &m) || m < 1 || m > 12) {
        return false;
    }
    if (n == 7) {
        return true;
    }
    return s[7] == '-' && parse_digits(s + 8, 2, &d) && d >= 1 &&
           d <= days_in_month(y, m);
}

bool cli_is_date(const char *s)
{
    return strlen(s) == 10 && cli_is_partial_date(s);
}

static bool parse_u64(const char *s, uint64_t *out)
{
    char *end = NULL;
    unsigned long long v;
    if (*s < '0' || *s > '9') {
        return false;
    }
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno != 0 || *end != '\0') {
        return false;
    }
    *out = (uint64_t)v;
    return true;
}

/* "1048576", "512k", "64M", "1G". */
static bool parse_size(const char *s, size_t *out)
{
    char *end = NULL;
    unsigned long long v, mul = 1;
    if (*s < '0' || *s > '9') {
        return false;
    }
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno != 0) {
        return false;
    }
    if (*end == 'k' || *end == 'K') {
        mul = 1024ull;
        end++;
    } else if (*end == 'm' || *end == 'M') {
        mul = 1024ull * 1024;
        end++;
    } else if (*end == 'g' || *end == 'G') {
        mul = 1024ull * 1024 * 1024;
        end++;
    }
    if (*end != '\0' || v == 0 || v > (unsigned long long)SIZE_MAX / mul) {
        return false;
    }
    *out = (size_t)(v * mul);
    return true;
}

/* "18,19,20" or "4": CAMEO roots 01-20, one or two digits each. */
static bool valid_roots(const char *s)
{
    while (*s) {
        int v = 0;
        size_t n = 0;
        while (s[n] >= '0' && s[n] <= '9') {
            v = v * 10 + (s[n] - '0');
            n++;
            if (n > 2) {
                return false;
            }
        }
        if (n == 0 || v < 1 || v > 20) {
            return false;
        }
        s += n;
        if (*s == ',') {
            s++;
            if (*s == '\0') {
                return false;
            }
        } else if (*s != '\0') {
            return false;
        }
    }
    return true;
}

static const struct {
    const char *name;
    unsigned bits;
} FORMATS[] = {
    {"json", CLI_FMT_JSON},
    {"dot", CLI_FMT_DOT},
    {"svg", CLI_FMT_SVG},
    {"png", CLI_FMT_PNG},
    {"pdf", CLI_FMT_PDF},
    {"graphml", CLI_FMT_GRAPHML},
    {"gexf", CLI_FMT_GEXF},
    {"timelinejs", CLI_FMT_TIMELINEJS},
    {"csv", CLI_FMT_CSV},
    {"html", CLI_FMT_HTML},
    {"all", CLI_FMT_JSON | CLI_FMT_DOT | CLI_FMT_SVG | CLI_FMT_PNG | CLI_FMT_PDF |
                CLI_FMT_GRAPHML | CLI_FMT_GEXF | CLI_FMT_TIMELINEJS | CLI_FMT_CSV |
                CLI_FMT_HTML},
};

static bool parse_formats(const char *s, unsigned *out, const char **bad, size_t *bad_len)
{
    unsigned bits = 0;
    while (*s) {
        size_t n = strcspn(s, ",");
        bool found = false;
        for (size_t i = 0; i < sizeof FORMATS / sizeof FORMATS[0]; i++) {
            if (strlen(FORMATS[i].name) == n && strncmp(FORMATS[i].name, s, n) == 0) {
                bits |= FORMATS[i].bits;
                found = true;
                break;
            }
        }
        if (!found) {
            *bad = s;
            *bad_len = n;
            return false;
        }
        s += n;
        if (*s == ',') {
            s++;
        }
    }
    if (bits == 0) {
        *bad = s;
        *bad_len = 0;
        return false;
    }
    *out = bits;
    return true;
}

static const char *const LAYOUTS[] = {"sfdp", "neato", "fdp", "dot", "circo", "twopi"};

/* ---------------------------------------------------------------- parser */

static int fail(char *msg, size_t msglen, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int fail(char *msg, size_t msglen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, msglen, fmt, ap);
    va_end(ap);
    return -1;
}

/* Store the value of option `spec`; `shown` is how the user wrote its name. */
static int apply(cli_opts *o, const opt_spec *spec, const char *shown, const char *v,
                 char *msg, size_t msglen)
{
    const char *bad = NULL;
    size_t bad_len = 0;
    uint64_t u = 0;
    char *end = NULL;

    switch (spec->id) {
    case OPT_HELP:
        o->help = true;
        break;
    case OPT_VERSION:
        o->version = true;
        break;
    case OPT_QUIET:
        o->quiet = true;
        break;
    case OPT_EXPLAIN:
        o->explain = true;
        break;
    case OPT_STRICT_UTF8:
        o->strict_utf8 = true;
        break;
    case OPT_NARRATIVE:
        o->narrative = true;
        break;
    case OPT_KEEP_BOILERPLATE:
        o->keep_boilerplate = true;
        break;
    case OPT_KEEP_ISOLATED:
        o->keep_isolated = true;
        break;
    case OPT_RECURSIVE:
        o->recursive = true;
        break;
    case OPT_JSONL:
        o->jsonl = true;
        break;
    case OPT_COMPACT:
        o->compact = true;
        break;
    case OPT_OUTPUT:
        if (*v == '\0') {
            return fail(msg, msglen, "%s: empty path", shown);
        }
        o->output = v;
        break;
    case OPT_DATE:
        if (!cli_is_date(v)) {
            return fail(msg, msglen, "%s: invalid date '%s' (expected YYYY-MM-DD)", shown,
                        v);
        }
        o->date = v;
        break;
    case OPT_FROM:
    case OPT_TO:
        if (!cli_is_partial_date(v)) {
            return fail(msg, msglen,
                        "%s: invalid date '%s' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                        shown, v);
        }
        if (spec->id == OPT_FROM) {
            o->from = v;
        } else {
            o->to = v;
        }
        break;
    case OPT_FORMATS:
        if (!parse_formats(v, &o->formats, &bad, &bad_len)) {
            return fail(
                msg, msglen, "%s: unknown format '%.*s' (expected %s)", shown,
                (int)bad_len, bad,
                "json, dot, svg, png, pdf, graphml, gexf, timelinejs, csv, html, all");
        }
        break;
    case OPT_LEXICON:
        o->lexicons[o->n_lexicons++] = v;
        break;
    case OPT_MAX_INPUT_BYTES:
        if (!parse_size(v, &o->max_input_bytes)) {
            return fail(msg, msglen,
                        "%s: invalid size '%s' (expected e.g. 1048576 or 64M)", shown, v);
        }
        break;
    case OPT_SEED:
        if (!parse_u64(v, &u)) {
            return fail(msg, msglen, "%s: invalid number '%s'", shown, v);
        }
        o->seed = u;
        break;
    case OPT_TOP:
        if (!parse_u64(v, &u) || u == 0 || u > SIZE_MAX) {
            return fail(msg, msglen,
                        "%s: invalid count '%s' (expected a positive number)", shown, v);
        }
        o->top = (size_t)u;
        break;
    case OPT_LAYOUT:
        o->layout = NULL;
        for (size_t i = 0; i < sizeof LAYOUTS / sizeof LAYOUTS[0]; i++) {
            if (strcmp(v, LAYOUTS[i]) == 0) {
                o->layout = LAYOUTS[i];
            }
        }
        if (o->layout == NULL) {
            return fail(
                msg, msglen,
                "%s: unknown engine '%s' (expected sfdp, neato, fdp, dot, circo or "
                "twopi)",
                shown, v);
        }
        break;
    case OPT_ACTOR:
        if (*v == '\0') {
            return fail(msg, msglen, "%s: empty name", shown);
        }
        o->actor = v;
        break;
    case OPT_ROOT:
        if (!valid_roots(v)) {
            return fail(
                msg, msglen,
                "%s: invalid CAMEO roots '%s' (expected numbers 01-20 separated by "
                "commas)",
                shown, v);
        }
        o->roots = v;
        break;
    case OPT_MIN_CONFIDENCE:
        errno = 0;
        o->min_confidence = strtod(v, &end);
        if (errno != 0 || end == v || *end != '\0' || !(o->min_confidence >= 0.0) ||
            o->min_confidence > 1.0) {
            return fail(msg, msglen, "%s: invalid confidence '%s' (expected 0 to 1)",
                        shown, v);
        }
        break;
    }
    return 0;
}

/* The spec of `--name` / `-c` for `cmd`; NULL if none. `known` tells
 * whether the option exists for some other subcommand. */
static const opt_spec *find(cli_cmd cmd, const char *long_name, size_t len,
                            char short_name, bool *known)
{
    *known = false;
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const opt_spec *s = &OPTIONS[i];
        bool match = long_name ? (strlen(s->long_name) == len &&
                                  strncmp(s->long_name, long_name, len) == 0)
                               : (s->short_name != 0 && s->short_name == short_name);
        if (!match) {
            continue;
        }
        *known = true;
        if (cmd == CLI_CMD_NONE || (s->commands & (1u << cmd))) {
            return s;
        }
    }
    return NULL;
}

static int unknown(char *msg, size_t msglen, cli_cmd cmd, const char *shown, bool known)
{
    if (known) {
        return fail(msg, msglen, "option '%s' does not apply to '%s'", shown,
                    cmd == CLI_CMD_NONE ? "annals" : cli_cmd_name(cmd));
    }
    return fail(msg, msglen, "unknown option '%s'", shown);
}

int cli_opts_parse(cli_opts *o, int argc, char **argv, char *msg, size_t msglen)
{
    bool options_done = false;
    int i = 1;

    memset(o, 0, sizeof *o);
    o->seed = 1;
    o->formats = CLI_FMT_DEFAULT;
    o->inputs = calloc((size_t)argc + 1, sizeof *o->inputs);
    o->lexicons = calloc((size_t)argc + 1, sizeof *o->lexicons);
    if (o->inputs == NULL || o->lexicons == NULL) {
        snprintf(msg, msglen, "out of memory");
        return -2;
    }

    /* Options before the subcommand: only --help and --version. */
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            break;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            o->help = true;
        } else if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            o->version = true;
        } else {
            return fail(msg, msglen,
                        "unknown option '%s' (options follow the subcommand)", a);
        }
    }
    if (i < argc) {
        const char *name = argv[i];
        if (strcmp(name, "help") == 0) {
            /* "annals help build" is "annals build --help". */
            o->help = true;
            i++;
            name = i < argc ? argv[i] : NULL;
            if (name == NULL) {
                return 0;
            }
        }
        for (int c = CLI_CMD_BUILD; c < CLI_CMD_COUNT; c++) {
            if (strcmp(name, COMMANDS[c].name) == 0) {
                o->cmd = (cli_cmd)c;
            }
        }
        if (o->cmd == CLI_CMD_NONE) {
            return fail(msg, msglen,
                        "unknown command '%s' (expected build, extract, merge or "
                        "render)",
                        name);
        }
        i++;
    } else {
        return 0; /* "annals", "annals --help", "annals --version" */
    }

    for (; i < argc; i++) {
        char *a = argv[i];
        if (options_done || a[0] != '-' || a[1] == '\0') {
            o->inputs[o->n_inputs++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            options_done = true;
            continue;
        }
        if (a[1] == '-') {
            const char *name = a + 2;
            const char *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            bool known;
            const opt_spec *s = find(o->cmd, name, len, 0, &known);
            char shown[64];
            snprintf(shown, sizeof shown, "--%.*s", (int)(len < 40 ? len : 40), name);
            if (s == NULL) {
                return unknown(msg, msglen, o->cmd, shown, known);
            }
            if (s->arg == NULL) {
                if (eq != NULL) {
                    return fail(msg, msglen, "%s takes no value", shown);
                }
                if (apply(o, s, shown, NULL, msg, msglen) < 0) {
                    return -1;
                }
            } else {
                const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (v == NULL) {
                    return fail(msg, msglen, "%s requires a value (%s)", shown, s->arg);
                }
                if (apply(o, s, shown, v, msg, msglen) < 0) {
                    return -1;
                }
            }
            continue;
        }
        /* One or more short options: "-q", "-qr", "-o DIR", "-oDIR". */
        for (size_t k = 1; a[k] != '\0'; k++) {
            bool known;
            const opt_spec *s = find(o->cmd, NULL, 0, a[k], &known);
            char shown[3] = {'-', a[k], '\0'};
            if (s == NULL) {
                return unknown(msg, msglen, o->cmd, shown, known);
            }
            if (s->arg == NULL) {
                if (apply(o, s, shown, NULL, msg, msglen) < 0) {
                    return -1;
                }
                continue;
            }
            const char *v =
                a[k + 1] != '\0' ? a + k + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (v == NULL) {
                return fail(msg, msglen, "%s requires a value (%s)", shown, s->arg);
            }
            if (apply(o, s, shown, v, msg, msglen) < 0) {
                return -1;
            }
            break;
        }
    }
    if (o->from && o->to) {
        size_t nf = strlen(o->from), nt = strlen(o->to);
        if (strncmp(o->from, o->to, nf < nt ? nf : nt) > 0) {
            return fail(msg, msglen, "--from %s is after --to %s", o->from, o->to);
        }
    }
    if (!o->help && !o->version && o->n_inputs == 0) {
        return fail(msg, msglen, "no %s given", COMMANDS[o->cmd].operands);
    }
    return 0;
}

void cli_opts_dispose(cli_opts *o)
{
    free(o->inputs);
    free(o->lexicons);
    o->inputs = NULL;
    o->lexicons = NULL;
}

/* ------------------------------------------------------------------ help */

static void print_exit_status(FILE *fp)
{
    fputs("\nExit status:\n"
          "  0  success\n"
          "  1  processing failure: at least one input or output failed (the others\n"
          "     were still processed); also an empty input\n"
          "  2  usage error: unknown option, bad value (e.g. --date), missing argument\n",
          fp);
}

/* Print `text` from column `indent` on, breaking lines at spaces before
 * column `width`. */
static void print_wrapped(FILE *fp, const char *text, int indent, int width)
{
    int col = indent;
    while (*text) {
        size_t word = strcspn(text, " ");
        if (col > indent && col + 1 + (int)word > width) {
            fprintf(fp, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', fp);
            col++;
        }
        fwrite(text, 1, word, fp);
        col += (int)word;
        text += word;
        while (*text == ' ') {
            text++;
        }
    }
    fputc('\n', fp);
}

void cli_print_help(FILE *fp, cli_cmd cmd)
{
    if (cmd == CLI_CMD_NONE) {
        fputs("Usage: annals COMMAND [OPTIONS] INPUT...\n"
              "\n"
              "Turn news articles into a timeline and an event graph (actors, dates,\n"
              "CAMEO-coded events) and export them as JSON, DOT and SVG.\n"
              "\nCommands:\n",
              fp);
        for (int c = CLI_CMD_BUILD; c < CLI_CMD_COUNT; c++) {
            fprintf(fp, "  %-8s %s\n", COMMANDS[c].name, COMMANDS[c].summary);
        }
        fputs("\nINPUT is a .txt file (one article), a .jsonl file (one JSON record per\n"
              "line: {\"id\", \"text\", \"date\", \"title\", \"url\"}, only \"text\" "
              "required),\n"
              "a directory (its .txt and .jsonl files, sorted by name) or '-' (stdin).\n"
              "\nRun 'annals COMMAND --help' for the options of a command.\n"
              "  -h, --help     show this help and exit\n"
              "  -V, --version  show the version and exit\n",
              fp);
        print_exit_status(fp);
        fputs("\nExample:\n  annals build samples/ -o output/\n"
              "  annals extract --date 2024-02-06 article.txt\n",
              fp);
        return;
    }
    fprintf(fp, "Usage: annals %s [OPTIONS] %s\n\n%s\n%s", COMMANDS[cmd].name,
            COMMANDS[cmd].operands, COMMANDS[cmd].summary, COMMANDS[cmd].details);
    if (cmd == CLI_CMD_BUILD || cmd == CLI_CMD_EXTRACT) {
        fputs(
            "\nINPUT is a .txt file (one article), a .jsonl file (one record per line:\n"
            "{\"id\", \"text\", \"date\", \"title\", \"url\"}, only \"text\" required), "
            "a\n"
            "directory (its .txt and .jsonl files, sorted by name) or '-' (stdin).\n",
            fp);
    }
    fputs("\nOptions:\n", fp);
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const opt_spec *s = &OPTIONS[i];
        char left[64];
        if (!(s->commands & (1u << cmd))) {
            continue;
        }
        snprintf(left, sizeof left, "%c%c%s--%s%s%s", s->short_name ? '-' : ' ',
                 s->short_name ? s->short_name : ' ', s->short_name ? ", " : "  ",
                 s->long_name, s->arg ? " " : "", s->arg ? s->arg : "");
        if (strlen(left) > 26) {
            fprintf(fp, "  %s\n  %-26s  ", left, "");
        } else {
            fprintf(fp, "  %-26s  ", left);
        }
        print_wrapped(fp, s->help, 30, 79);
    }
    print_exit_status(fp);
    fputs("\nSee docs/cli.md for the full manual.\n", fp);
}
