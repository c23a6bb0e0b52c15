/* SPDX-License-Identifier: MIT */
/*
 * cli/opts.h - the command line of the `annals` tool: subcommands, the one
 * option table that drives both parsing and --help, and the parsed result.
 *
 * Parsing never exits and never prints: a usage problem comes back as a
 * one-line message and main.c turns it into exit status 2.
 */
#ifndef ANNALS_CLI_OPTS_H
#define ANNALS_CLI_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit statuses, documented in --help and docs/cli.md. */
enum {
    CLI_EXIT_OK = 0, /* everything succeeded */
    CLI_EXIT_FAILURE =
        1,             /* at least one input or output failed; the rest were processed */
    CLI_EXIT_USAGE = 2 /* bad command line: nothing was processed */
};

typedef enum cli_cmd {
    CLI_CMD_NONE = 0,
    CLI_CMD_BUILD,
    CLI_CMD_EXTRACT,
    CLI_CMD_MERGE,
    CLI_CMD_RENDER,
    CLI_CMD_COUNT
} cli_cmd;

/* Output formats of build and render (bit set). */
enum {
    CLI_FMT_JSON = 1u << 0,       /* events.json */
    CLI_FMT_DOT = 1u << 1,        /* timeline.dot, relations.dot */
    CLI_FMT_SVG = 1u << 2,        /* timeline.svg, relations.svg */
    CLI_FMT_PNG = 1u << 3,        /* timeline.png, relations.png */
    CLI_FMT_PDF = 1u << 4,        /* timeline.pdf, relations.pdf */
    CLI_FMT_GRAPHML = 1u << 5,    /* graph.graphml */
    CLI_FMT_GEXF = 1u << 6,       /* graph.gexf */
    CLI_FMT_TIMELINEJS = 1u << 7, /* timeline.js.json */
    CLI_FMT_CSV = 1u << 8,        /* events.csv */
    CLI_FMT_HTML = 1u << 9        /* report.html */
};

#define CLI_FMT_DEFAULT (CLI_FMT_JSON | CLI_FMT_DOT | CLI_FMT_SVG | CLI_FMT_HTML)

/* Everything the command line said. Strings point into argv. */
typedef struct cli_opts {
    cli_cmd cmd;
    bool help;
    bool version;
    bool quiet;
    bool explain;
    bool strict_utf8;
    bool narrative;
    bool keep_boilerplate;
    bool keep_isolated;
    bool recursive;
    bool jsonl;   /* read "-" and files without a .jsonl suffix as JSON Lines */
    bool compact; /* merge: one-line JSON */
    const char *output;
    const char *date;
    const char **lexicons;
    size_t n_lexicons;
    uint64_t seed;
    const char *layout;
    unsigned formats;
    const char *actor;
    const char *from;
    const char *to;
    const char *roots;
    double min_confidence;
    size_t top;
    size_t max_input_bytes; /* 0 = the library's default */
    const char **inputs;
    size_t n_inputs;
} cli_opts;

/*
 * Parse `argv[0..argc)` (argv[0] is the program name). On success returns 0
 * and fills `o`, which must be released with cli_opts_dispose() either way.
 * On a usage error returns -1 with a one-line message in `msg` (no
 * "annals: " prefix); `o->cmd` still says which subcommand was meant, for
 * the "Try 'annals CMD --help'" hint. Returns -2 if out of memory.
 */
int cli_opts_parse(cli_opts *o, int argc, char **argv, char *msg, size_t msglen);

void cli_opts_dispose(cli_opts *o);

/* Print the help of `cmd` (CLI_CMD_NONE = the overview) to `fp`. */
void cli_print_help(FILE *fp, cli_cmd cmd);

/* The subcommand's name ("build"), or "" for CLI_CMD_NONE. */
const char *cli_cmd_name(cli_cmd cmd);

/* True if `s` is a calendar date YYYY-MM-DD. */
bool cli_is_date(const char *s);

/* True if `s` is YYYY, YYYY-MM or YYYY-MM-DD (a valid calendar date). */
bool cli_is_partial_date(const char *s);

#endif
