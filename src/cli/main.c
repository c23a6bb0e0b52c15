/* SPDX-License-Identifier: MIT */
/*
 * cli/main.c - the `annals` command-line tool: build, extract, merge and
 * render (see docs/cli.md).
 *
 * A client of the public API (include/annals/) and nothing more: it parses
 * the command line (opts.c), reads inputs and writes outputs (io.c), reads
 * JSON Lines records (jsonl.c) and turns every annals_error and document
 * warning into one line on stderr:
 *
 *   annals: FILE: offset N: message           (a .txt input)
 *   annals: FILE:LINE: offset N: message      (a record of a .jsonl input)
 *   annals: FILE:LINE:COL: message            (malformed JSON)
 *   annals: FILE: offset N: warning: message  (unless --quiet)
 *
 * Exit status: 0 success; 1 at least one input or output failed (the
 * others were still processed); 2 usage error (nothing processed).
 */
#define _POSIX_C_SOURCE 200809L

#include "io.h"
#include "jsonl.h"
#include "opts.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <annals/annals.h>

#define DEFAULT_MAX_INPUT ((size_t)64 * 1024 * 1024)
/* annals/1 JSON given to merge and render may hold a whole corpus. */
#define MAX_JSON_INPUT ((size_t)2 * 1024 * 1024 * 1024 - 1)
#define NO_LINE        0UL

typedef struct app {
    const cli_opts *o;
    annals_ctx *ctx;
    annals_corpus *corpus; /* build: every document; merge/render: every JSON */
    size_t limit;          /* largest document, in bytes */
    size_t n_docs;         /* documents read successfully */
    size_t n_failed;       /* inputs or documents that failed */
    bool output_failed;    /* a write to stdout or an output file failed */
    bool stop;             /* stdout is gone: stop reading inputs */
    bool in_dir;           /* the file being read was found in a directory */
    cli_buf line;          /* extract: one JSON line */
    /* progress line on stderr */
    bool progress;
    bool progress_shown;
    double t_start;
    double t_last;
} app;

/* ------------------------------------------------------------- messages */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress_clear(app *a)
{
    if (a->progress_shown) {
        fputs("\r\033[K", stderr);
        a->progress_shown = false;
    }
}

/* Called after each document: redraws the progress line at most ten
 * times a second, and only once the run has lasted half a second. */
static void progress_tick(app *a)
{
    double t;
    if (!a->progress) {
        return;
    }
    t = now_seconds();
    if (t - a->t_start < 0.5 || t - a->t_last < 0.1) {
        return;
    }
    a->t_last = t;
    fprintf(stderr, "\r\033[Kannals %s: %zu documents", cli_cmd_name(a->o->cmd),
            a->n_docs + a->n_failed);
    if (a->n_failed > 0) {
        fprintf(stderr, " (%zu failed)", a->n_failed);
    }
    fprintf(stderr, ", %.1f/s", (double)(a->n_docs + a->n_failed) / (t - a->t_start));
    fflush(stderr);
    a->progress_shown = true;
}

/*
 * Print "annals: WHERE[:LINE][:COL][: offset N]: [warning: ]MESSAGE".
 * `line` is NO_LINE and `offset` ANNALS_NO_OFFSET when unknown.
 */
static void say(app *a, bool warning, const char *where, unsigned long line, unsigned col,
                size_t offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

static void say(app *a, bool warning, const char *where, unsigned long line, unsigned col,
                size_t offset, const char *fmt, ...)
{
    va_list ap;
    if (warning && a->o->quiet) {
        return;
    }
    progress_clear(a);
    fputs("annals: ", stderr);
    if (where != NULL) {
        fputs(where, stderr);
        if (line != NO_LINE) {
            fprintf(stderr, ":%lu", line);
            if (col > 0) {
                fprintf(stderr, ":%u", col);
            }
        }
        if (offset != ANNALS_NO_OFFSET) {
            fprintf(stderr, ": offset %zu", offset);
        }
        fputs(": ", stderr);
    }
    if (warning) {
        fputs("warning: ", stderr);
    }
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* Report a failed library call about input `where` (line `line` of it). */
static void say_error(app *a, const char *where, unsigned long line,
                      const annals_error *e)
{
    const char *msg = e->message[0] ? e->message : annals_strerror(e->code);
    unsigned col = 0;
    if (line == NO_LINE && e->line > 0) {
        line = e->line;
        col = e->column;
    }
    say(a, false, where, line, col, e->offset, "%s", msg);
}

static int usage_error(const cli_opts *o, const char *msg)
{
    fprintf(stderr, "annals: %s\n", msg);
    if (o->cmd != CLI_CMD_NONE) {
        fprintf(stderr, "Try 'annals %s --help'.\n", cli_cmd_name(o->cmd));
    } else {
        fputs("Try 'annals --help'.\n", stderr);
    }
    return CLI_EXIT_USAGE;
}

/* ------------------------------------------------------------ documents */

static bool is_blank(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') {
            return false;
        }
    }
    return true;
}

/* Extract: print the document as one annals/1 JSON line on stdout. */
static void emit_line(app *a, const annals_doc *doc, const char *where,
                      unsigned long line)
{
    annals_corpus *corpus = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    unsigned flags = ANNALS_JSON_COMPACT | (a->o->explain ? ANNALS_JSON_EXPLAIN : 0u);
    annals_status rc;

    a->line.len = 0;
    rc = annals_corpus_new(&corpus, a->ctx, &err);
    if (rc >= 0) {
        rc = annals_corpus_add_doc(corpus, doc, &err);
    }
    if (rc >= 0) {
        rc = annals_export_json(corpus, NULL, flags, cli_buf_sink, &a->line, &err);
    }
    annals_corpus_free(corpus);
    if (rc < 0) {
        say_error(a, where, line, &err);
        a->n_failed++;
        return;
    }
    /* Exactly one line per document, however the writer ends its output. */
    while (a->line.len > 0 && (a->line.ptr[a->line.len - 1] == '\n' ||
                               a->line.ptr[a->line.len - 1] == '\r')) {
        a->line.len--;
    }
    if (cli_buf_put(&a->line, "\n", 1) < 0) {
        say(a, false, where, line, 0, ANNALS_NO_OFFSET, "out of memory");
        a->n_failed++;
        return;
    }
    if (fwrite(a->line.ptr, 1, a->line.len, stdout) != a->line.len || ferror(stdout)) {
        say(a, false, "<stdout>", NO_LINE, 0, ANNALS_NO_OFFSET, "write error");
        a->output_failed = true;
        a->stop = true;
        return;
    }
    a->n_docs++;
}

/*
 * One document: parse it, report its warnings, then print it (extract) or
 * add it to the corpus (build). `where`/`line` name it in messages.
 */
static void handle_doc(app *a, const char *where, unsigned long line, const char *text,
                       size_t len, const annals_doc_info *info)
{
    annals_doc *doc = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_status rc;

    if (len == 0 || is_blank(text, len)) {
        say(a, false, where, line, 0, ANNALS_NO_OFFSET, "empty input");
        a->n_failed++;
        progress_tick(a);
        return;
    }
    rc = annals_doc_parse(&doc, a->ctx, text, len, info, &err);
    if (rc < 0) {
        say_error(a, where, line, &err);
        a->n_failed++;
        progress_tick(a);
        return;
    }
    for (size_t i = 0, n = annals_doc_warning_count(doc); i < n; i++) {
        const annals_warning *w = annals_doc_warning(doc, i);
        if (w != NULL) {
            say(a, true, where, line, 0, w->offset, "%s", w->message);
        }
    }
    if (a->o->cmd == CLI_CMD_EXTRACT) {
        emit_line(a, doc, where, line);
    } else {
        rc = annals_corpus_add_doc(a->corpus, doc, &err);
        if (rc < 0) {
            say_error(a, where, line, &err);
            a->n_failed++;
        } else {
            a->n_docs++;
        }
    }
    annals_doc_free(doc);
    progress_tick(a);
}

/* `source` with invalid UTF-8 repaired, for the document's JSON. */
static char *clean_source(const char *path)
{
    return cli_utf8_clean(path, strlen(path));
}

static void handle_text(app *a, const char *where, const char *source, const char *text,
                        size_t len)
{
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    char *src = clean_source(source);
    if (src == NULL) {
        say(a, false, where, NO_LINE, 0, ANNALS_NO_OFFSET, "out of memory");
        a->n_failed++;
        return;
    }
    info.source = src;
    if (a->o->date != NULL) {
        info.date = a->o->date;
        info.date_source = ANNALS_DATE_CLI;
    }
    handle_doc(a, where, NO_LINE, text, len, &info);
    free(src);
}

/* A record's "date": "YYYY-MM-DD", optionally followed by a time. */
static bool record_date(const char *s, char out[11])
{
    if (strlen(s) < 10) {
        return false;
    }
    memcpy(out, s, 10);
    out[10] = '\0';
    return cli_is_date(out) && (s[10] == '\0' || s[10] == 'T' || s[10] == ' ');
}

static void handle_record(app *a, const char *where, unsigned long line,
                          const char *source, const char *data, size_t len)
{
    cli_record rec;
    char msg[200];
    size_t col = 0;
    char date[11];
    char *id = NULL, *title = NULL, *url = NULL, *src = NULL;
    annals_doc_info info = ANNALS_DOC_INFO_INIT;
    int rc = cli_record_parse(&rec, data, len, msg, sizeof msg, &col);

    if (rc < 0) {
        say(a, false, where, line, rc == -1 ? (unsigned)(col > 0xFFFFFFu ? 0 : col) : 0,
            ANNALS_NO_OFFSET, "%s", msg);
        a->n_failed++;
        goto done;
    }
    if (rec.n_bad_surrogates > 0) {
        say(a, true, where, line, 0, ANNALS_NO_OFFSET,
            "%u lone \\u surrogate escape(s) in \"text\" replaced with U+FFFD",
            rec.n_bad_surrogates);
    }
    src = clean_source(source);
    id = rec.id ? cli_utf8_clean(rec.id, strlen(rec.id)) : NULL;
    title = rec.title ? cli_utf8_clean(rec.title, strlen(rec.title)) : NULL;
    url = rec.url ? cli_utf8_clean(rec.url, strlen(rec.url)) : NULL;
    if (src == NULL || (rec.id && !id) || (rec.title && !title) || (rec.url && !url)) {
        say(a, false, where, line, 0, ANNALS_NO_OFFSET, "out of memory");
        a->n_failed++;
        goto done;
    }
    info.id = id;
    info.source = src;
    info.title = title;
    info.url = url;
    if (rec.date != NULL && rec.date[0] != '\0' && record_date(rec.date, date)) {
        info.date = date;
        info.date_source = ANNALS_DATE_RECORD;
    } else {
        if (rec.date != NULL && rec.date[0] != '\0') {
            say(a, true, where, line, 0, ANNALS_NO_OFFSET,
                "ignoring \"date\" '%.40s' (expected YYYY-MM-DD)", rec.date);
        }
        if (a->o->date != NULL) {
            info.date = a->o->date;
            info.date_source = ANNALS_DATE_CLI;
        }
    }
    handle_doc(a, where, line, rec.text, rec.text_len, &info);
done:
    free(id);
    free(title);
    free(url);
    free(src);
    cli_record_dispose(&rec);
}

/* A JSON Lines stream: one record per line, blank lines skipped. */
static void handle_jsonl(app *a, FILE *fp, const char *where, const char *source)
{
    cli_lines lines;
    char why[CLI_WHY_LEN];
    size_t n_records = 0;
    bool any_failed = false;

    cli_lines_init(&lines, fp, a->limit);
    while (!a->stop) {
        const char *data;
        size_t len;
        bool too_long;
        size_t failed_before = a->n_failed;
        int rc = cli_lines_next(&lines, &data, &len, &too_long, why);
        if (rc < 0) {
            say(a, false, where, lines.line_no + 1, 0, ANNALS_NO_OFFSET,
                "cannot read: %s", why);
            a->n_failed++;
            any_failed = true;
            break;
        }
        if (rc == 0) {
            break;
        }
        if (too_long) {
            say(a, false, where, lines.line_no, 0, ANNALS_NO_OFFSET,
                "line longer than %zu bytes (see --max-input-bytes)", a->limit);
            a->n_failed++;
            any_failed = true;
            n_records++;
            continue;
        }
        if (is_blank(data, len)) {
            continue;
        }
        n_records++;
        handle_record(a, where, lines.line_no, source, data, len);
        any_failed = any_failed || a->n_failed > failed_before;
    }
    cli_lines_dispose(&lines);
    if (n_records == 0 && !any_failed) {
        say(a, false, where, NO_LINE, 0, ANNALS_NO_OFFSET, "empty input (no records)");
        a->n_failed++;
    }
}

static void handle_file(app *a, const char *path)
{
    char why[CLI_WHY_LEN];

    if ((a->o->jsonl && !a->in_dir) || cli_has_suffix(path, ".jsonl")) {
        FILE *fp = fopen(path, "rb");
        if (fp == NULL || cli_is_dir(path)) {
            if (fp == NULL) {
                snprintf(why, sizeof why, "%s", strerror(errno));
            } else {
                fclose(fp);
                snprintf(why, sizeof why, "is a directory");
            }
            say(a, false, path, NO_LINE, 0, ANNALS_NO_OFFSET, "cannot read: %s", why);
            a->n_failed++;
            return;
        }
        handle_jsonl(a, fp, path, path);
        fclose(fp);
        return;
    }
    char *data = NULL;
    size_t len = 0;
    bool too_big = false;
    if (cli_read_file(path, a->limit, &data, &len, &too_big, why) < 0) {
        say(a, false, path, NO_LINE, 0, ANNALS_NO_OFFSET, "cannot read: %s", why);
        a->n_failed++;
        return;
    }
    if (too_big) {
        say(a, false, path, NO_LINE, 0, ANNALS_NO_OFFSET,
            "input larger than %zu bytes (see --max-input-bytes)", a->limit);
        a->n_failed++;
        return;
    }
    handle_text(a, path, path, data, len);
    free(data);
}

static const char *const DOC_SUFFIXES[] = {".txt", ".jsonl", NULL};
static const char *const JSON_SUFFIXES[] = {".json", ".jsonl", NULL};

/* Expand one operand into files: "-" is stdin, a directory its files. */
static void for_each_input(app *a, const char *operand, const char *const *suffixes,
                           void (*fn)(app *, const char *))
{
    cli_strvec files = {NULL, 0, 0};
    char why[CLI_WHY_LEN];

    if (!cli_is_dir(operand)) {
        fn(a, operand);
        return;
    }
    if (cli_list_dir(operand, suffixes, a->o->recursive, &files, why) < 0) {
        say(a, false, operand, NO_LINE, 0, ANNALS_NO_OFFSET, "cannot list: %s", why);
        a->n_failed++;
    } else if (files.n == 0) {
        say(a, false, operand, NO_LINE, 0, ANNALS_NO_OFFSET, "no %s or %s files%s",
            suffixes[0], suffixes[1], a->o->recursive ? "" : " (see --recursive)");
        a->n_failed++;
    }
    a->in_dir = true;
    for (size_t i = 0; i < files.n && !a->stop; i++) {
        fn(a, files.items[i]);
    }
    a->in_dir = false;
    cli_strvec_free(&files);
}

static void handle_doc_input(app *a, const char *path)
{
    if (strcmp(path, "-") == 0) {
        if (a->o->jsonl) {
            handle_jsonl(a, stdin, "<stdin>", "<stdin>");
        } else {
            char *data = NULL;
            size_t len = 0;
            bool too_big = false;
            char why[CLI_WHY_LEN];
            if (cli_read_stream(stdin, a->limit, &data, &len, &too_big, why) < 0) {
                say(a, false, "<stdin>", NO_LINE, 0, ANNALS_NO_OFFSET, "cannot read: %s",
                    why);
                a->n_failed++;
            } else if (too_big) {
                say(a, false, "<stdin>", NO_LINE, 0, ANNALS_NO_OFFSET,
                    "input larger than %zu bytes (see --max-input-bytes)", a->limit);
                a->n_failed++;
            } else {
                handle_text(a, "<stdin>", "<stdin>", data, len);
            }
            free(data);
        }
        return;
    }
    handle_file(a, path);
}

/* Merge and render: load an annals/1 JSON (or JSON Lines) file. */
static void handle_json_input(app *a, const char *path)
{
    const char *where = strcmp(path, "-") == 0 ? "<stdin>" : path;
    char *data = NULL;
    size_t len = 0;
    bool too_big = false;
    char why[CLI_WHY_LEN];
    annals_error err = ANNALS_ERROR_INIT;
    int rc;
    size_t before = annals_corpus_doc_count(a->corpus);

    if (strcmp(path, "-") == 0) {
        rc = cli_read_stream(stdin, MAX_JSON_INPUT, &data, &len, &too_big, why);
    } else {
        rc = cli_read_file(path, MAX_JSON_INPUT, &data, &len, &too_big, why);
    }
    if (rc < 0) {
        say(a, false, where, NO_LINE, 0, ANNALS_NO_OFFSET, "cannot read: %s", why);
        a->n_failed++;
    } else if (too_big) {
        say(a, false, where, NO_LINE, 0, ANNALS_NO_OFFSET, "input larger than %zu bytes",
            MAX_JSON_INPUT);
        a->n_failed++;
    } else if (is_blank(data, len)) {
        say(a, false, where, NO_LINE, 0, ANNALS_NO_OFFSET, "empty input");
        a->n_failed++;
    } else if (annals_corpus_load_json(a->corpus, data, len, where, &err) < 0) {
        say_error(a, where, NO_LINE, &err);
        a->n_failed++;
    } else {
        a->n_docs += annals_corpus_doc_count(a->corpus) - before;
    }
    free(data);
    progress_tick(a);
}

/* ---------------------------------------------------------------- outputs */

enum { OUT_JSON, OUT_VIEW, OUT_FORMAT };

typedef struct out_spec {
    unsigned fmt;
    const char *file;
    int kind;
    annals_view view;
    const char *format;
} out_spec;

static const out_spec OUTPUTS[] = {
    {CLI_FMT_JSON, "events.json", OUT_JSON, ANNALS_VIEW_TIMELINE, NULL},
    {CLI_FMT_DOT, "timeline.dot", OUT_VIEW, ANNALS_VIEW_TIMELINE, "dot"},
    {CLI_FMT_DOT, "relations.dot", OUT_VIEW, ANNALS_VIEW_RELATIONS, "dot"},
    {CLI_FMT_SVG, "timeline.svg", OUT_VIEW, ANNALS_VIEW_TIMELINE, "svg"},
    {CLI_FMT_SVG, "relations.svg", OUT_VIEW, ANNALS_VIEW_RELATIONS, "svg"},
    {CLI_FMT_PNG, "timeline.png", OUT_VIEW, ANNALS_VIEW_TIMELINE, "png"},
    {CLI_FMT_PNG, "relations.png", OUT_VIEW, ANNALS_VIEW_RELATIONS, "png"},
    {CLI_FMT_PDF, "timeline.pdf", OUT_VIEW, ANNALS_VIEW_TIMELINE, "pdf"},
    {CLI_FMT_PDF, "relations.pdf", OUT_VIEW, ANNALS_VIEW_RELATIONS, "pdf"},
    {CLI_FMT_GRAPHML, "graph.graphml", OUT_FORMAT, ANNALS_VIEW_TIMELINE, "graphml"},
    {CLI_FMT_GEXF, "graph.gexf", OUT_FORMAT, ANNALS_VIEW_TIMELINE, "gexf"},
    {CLI_FMT_TIMELINEJS, "timeline.js.json", OUT_FORMAT, ANNALS_VIEW_TIMELINE,
     "timelinejs"},
    {CLI_FMT_CSV, "events.csv", OUT_FORMAT, ANNALS_VIEW_TIMELINE, "csv"},
    {CLI_FMT_HTML, "report.html", OUT_FORMAT, ANNALS_VIEW_TIMELINE, "html"},
};

/* Write one output file atomically; returns the number written (0 or 1). */
static int write_output(app *a, const char *dir, const out_spec *spec,
                        const annals_graph *graph)
{
    cli_outfile f;
    char why[CLI_WHY_LEN];
    annals_error err = ANNALS_ERROR_INIT;
    annals_status rc = ANNALS_OK;
    char *path = cli_path_join(dir, spec->file);
    unsigned flags = a->o->explain ? ANNALS_JSON_EXPLAIN : 0u;

    if (path == NULL) {
        say(a, false, spec->file, NO_LINE, 0, ANNALS_NO_OFFSET, "out of memory");
        a->output_failed = true;
        return 0;
    }
    if (cli_out_open(&f, path, why) < 0) {
        say(a, false, path, NO_LINE, 0, ANNALS_NO_OFFSET, "cannot write: %s", why);
        a->output_failed = true;
        free(path);
        return 0;
    }
    switch (spec->kind) {
    case OUT_JSON:
        rc = annals_export_json(a->corpus, graph, flags, annals_sink_stdio, f.fp, &err);
        break;
    case OUT_VIEW:
        rc = annals_export_view(graph, spec->view, spec->format, annals_sink_stdio, f.fp,
                                &err);
        break;
    default:
        rc = annals_export_format(graph, spec->format, annals_sink_stdio, f.fp, &err);
        break;
    }
    if (rc < 0) {
        cli_out_abort(&f);
        say_error(a, path, NO_LINE, &err);
        a->output_failed = true;
        free(path);
        return 0;
    }
    if (cli_out_commit(&f, why) < 0) {
        say(a, false, path, NO_LINE, 0, ANNALS_NO_OFFSET, "cannot write: %s", why);
        a->output_failed = true;
        free(path);
        return 0;
    }
    free(path);
    return 1;
}

/* Build and render: graph the corpus and write every selected output. */
static void write_outputs(app *a, const char *dir)
{
    annals_selection sel = ANNALS_SELECTION_INIT;
    annals_graph *graph = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    int written = 0, wanted = 0;

    sel.actor = a->o->actor;
    sel.from = a->o->from;
    sel.to = a->o->to;
    sel.roots = a->o->roots;
    sel.min_confidence = a->o->min_confidence;
    sel.top = a->o->top;
    sel.keep_isolated = a->o->keep_isolated ? 1 : 0;
    if (a->progress && now_seconds() - a->t_start >= 0.5) {
        /* The graph and the layouts of a large corpus take a while too. */
        fprintf(stderr,
                "\r\033[Kannals %s: %zu documents read; building the graph and views",
                cli_cmd_name(a->o->cmd), a->n_docs);
        fflush(stderr);
        a->progress_shown = true;
    }
    if (annals_graph_new(&graph, a->corpus, &sel, &err) < 0) {
        say_error(a, "graph", NO_LINE, &err);
        a->output_failed = true;
        return;
    }
    for (size_t i = 0; i < sizeof OUTPUTS / sizeof OUTPUTS[0]; i++) {
        if (a->o->formats & OUTPUTS[i].fmt) {
            wanted++;
            written += write_output(a, dir, &OUTPUTS[i], graph);
        }
    }
    progress_clear(a);
    if (!a->o->quiet) {
        size_t n_docs = annals_corpus_doc_count(a->corpus);
        size_t n_events = annals_corpus_event_count(a->corpus);
        size_t n_entities = annals_corpus_entity_count(a->corpus);
        fprintf(stderr,
                "annals: wrote %d of %d files to %s (%zu document%s, %zu event%s, %zu "
                "entit%s)\n",
                written, wanted, dir, n_docs, n_docs == 1 ? "" : "s", n_events,
                n_events == 1 ? "" : "s", n_entities, n_entities == 1 ? "y" : "ies");
    }
    annals_graph_free(graph);
}

/* A stdio sink that remembers the last byte written. */
typedef struct tracked_file {
    FILE *fp;
    char last;
} tracked_file;

static int tracked_sink(const char *data, size_t len, void *userdata)
{
    tracked_file *t = userdata;
    if (len == 0) {
        return 0;
    }
    t->last = data[len - 1];
    return fwrite(data, 1, len, t->fp) == len ? 0 : 1;
}

/* Merge: one annals/1 JSON on stdout or into -o FILE. */
static void write_merged(app *a)
{
    annals_error err = ANNALS_ERROR_INIT;
    unsigned flags = (a->o->compact ? ANNALS_JSON_COMPACT : 0u) |
                     (a->o->explain ? ANNALS_JSON_EXPLAIN : 0u);
    char why[CLI_WHY_LEN];

    if (a->o->output == NULL) {
        cli_buf out = {NULL, 0, 0};
        if (annals_export_json(a->corpus, NULL, flags, cli_buf_sink, &out, &err) < 0) {
            say_error(a, "<stdout>", NO_LINE, &err);
            a->output_failed = true;
        } else {
            if (out.len > 0 && out.ptr[out.len - 1] != '\n' &&
                cli_buf_put(&out, "\n", 1) < 0) {
                say(a, false, "<stdout>", NO_LINE, 0, ANNALS_NO_OFFSET, "out of memory");
                a->output_failed = true;
            } else if (fwrite(out.ptr, 1, out.len, stdout) != out.len) {
                say(a, false, "<stdout>", NO_LINE, 0, ANNALS_NO_OFFSET, "write error");
                a->output_failed = true;
            }
        }
        cli_buf_free(&out);
        return;
    }
    cli_outfile f;
    if (cli_out_open(&f, a->o->output, why) < 0) {
        say(a, false, a->o->output, NO_LINE, 0, ANNALS_NO_OFFSET, "cannot write: %s",
            why);
        a->output_failed = true;
        return;
    }
    tracked_file tf = {f.fp, '\n'};
    if (annals_export_json(a->corpus, NULL, flags, tracked_sink, &tf, &err) < 0) {
        cli_out_abort(&f);
        say_error(a, a->o->output, NO_LINE, &err);
        a->output_failed = true;
        return;
    }
    if ((tf.last != '\n' && fputc('\n', f.fp) == EOF) || cli_out_commit(&f, why) < 0) {
        if (f.fp != NULL) {
            cli_out_abort(&f);
            snprintf(why, sizeof why, "write error");
        }
        say(a, false, a->o->output, NO_LINE, 0, ANNALS_NO_OFFSET, "cannot write: %s",
            why);
        a->output_failed = true;
    }
}

/* ------------------------------------------------------------------ main */

static int load_lexicons(app *a)
{
    for (size_t i = 0; i < a->o->n_lexicons; i++) {
        const char *path = a->o->lexicons[i];
        char *data = NULL;
        size_t len = 0;
        bool too_big = false;
        char why[CLI_WHY_LEN];
        annals_error err = ANNALS_ERROR_INIT;
        if (cli_read_file(path, DEFAULT_MAX_INPUT, &data, &len, &too_big, why) < 0 ||
            too_big) {
            say(a, false, path, NO_LINE, 0, ANNALS_NO_OFFSET, "cannot read lexicon: %s",
                too_big ? "file too large" : why);
            return -1;
        }
        if (annals_ctx_load_lexicon(a->ctx, data, len, path, &err) < 0) {
            say_error(a, path, NO_LINE, &err);
            free(data);
            return -1;
        }
        free(data);
    }
    return 0;
}

static int run(app *a)
{
    const cli_opts *o = a->o;
    annals_options opts = ANNALS_OPTIONS_INIT;
    annals_error err = ANNALS_ERROR_INIT;
    const char *dir = o->output ? o->output : "output";
    char why[CLI_WHY_LEN];

    opts.max_input_bytes = o->max_input_bytes;
    opts.seed = o->seed;
    opts.layout_engine = o->layout;
    opts.flags = (o->strict_utf8 ? ANNALS_OPT_STRICT_UTF8 : 0u) |
                 (o->explain ? ANNALS_OPT_EXPLAIN : 0u) |
                 (o->narrative ? ANNALS_OPT_NARRATIVE : 0u) |
                 (o->keep_boilerplate ? ANNALS_OPT_KEEP_BOILERPLATE : 0u);
    a->limit = o->max_input_bytes ? o->max_input_bytes : DEFAULT_MAX_INPUT;
    if (annals_ctx_new(&a->ctx, &opts, &err) < 0) {
        say_error(a, NULL, NO_LINE, &err);
        return CLI_EXIT_FAILURE;
    }
    if (load_lexicons(a) < 0) {
        return CLI_EXIT_FAILURE;
    }
    /* Fail before the long part if the output folder cannot be made. */
    if ((o->cmd == CLI_CMD_BUILD || o->cmd == CLI_CMD_RENDER) &&
        cli_mkdirs(dir, why) < 0) {
        say(a, false, dir, NO_LINE, 0, ANNALS_NO_OFFSET,
            "cannot create output folder: %s", why);
        return CLI_EXIT_FAILURE;
    }
    if (o->cmd != CLI_CMD_EXTRACT && annals_corpus_new(&a->corpus, a->ctx, &err) < 0) {
        say_error(a, NULL, NO_LINE, &err);
        return CLI_EXIT_FAILURE;
    }
    a->progress = !o->quiet && isatty(STDERR_FILENO);
    a->t_start = a->t_last = now_seconds();

    for (size_t i = 0; i < o->n_inputs && !a->stop; i++) {
        if (o->cmd == CLI_CMD_BUILD || o->cmd == CLI_CMD_EXTRACT) {
            for_each_input(a, o->inputs[i], DOC_SUFFIXES, handle_doc_input);
        } else {
            for_each_input(a, o->inputs[i], JSON_SUFFIXES, handle_json_input);
        }
    }
    progress_clear(a);

    if (o->cmd == CLI_CMD_EXTRACT) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            if (!a->output_failed) {
                say(a, false, "<stdout>", NO_LINE, 0, ANNALS_NO_OFFSET, "write error");
            }
            a->output_failed = true;
        }
    } else if (a->n_docs == 0) {
        say(a, false, NULL, NO_LINE, 0, ANNALS_NO_OFFSET,
            "no document could be read; nothing written");
        return CLI_EXIT_FAILURE;
    } else if (o->cmd == CLI_CMD_MERGE) {
        write_merged(a);
    } else {
        write_outputs(a, dir);
    }
    return (a->n_failed > 0 || a->output_failed) ? CLI_EXIT_FAILURE : CLI_EXIT_OK;
}

int main(int argc, char **argv)
{
    cli_opts o;
    char msg[256];
    int status;
    int rc = cli_opts_parse(&o, argc, argv, msg, sizeof msg);

    if (rc == -2) {
        fprintf(stderr, "annals: %s\n", msg);
        cli_opts_dispose(&o);
        return CLI_EXIT_FAILURE;
    }
    if (rc < 0) {
        status = usage_error(&o, msg);
        cli_opts_dispose(&o);
        return status;
    }
    if (o.help) {
        cli_print_help(stdout, o.cmd);
        cli_opts_dispose(&o);
        return CLI_EXIT_OK;
    }
    if (o.version) {
        printf("annals %s\n", ANNALS_VERSION_STRING);
        if (strcmp(annals_version_string(), ANNALS_VERSION_STRING) != 0) {
            printf("library %s\n", annals_version_string());
        }
        cli_opts_dispose(&o);
        return CLI_EXIT_OK;
    }
    if (o.cmd == CLI_CMD_NONE) {
        cli_print_help(stderr, CLI_CMD_NONE);
        cli_opts_dispose(&o);
        return CLI_EXIT_USAGE;
    }

    cli_install_signal_cleanup();
    app a;
    memset(&a, 0, sizeof a);
    a.o = &o;
    status = run(&a);
    progress_clear(&a);
    cli_buf_free(&a.line);
    annals_corpus_free(a.corpus);
    annals_ctx_free(a.ctx);
    cli_opts_dispose(&o);
    return status;
}
