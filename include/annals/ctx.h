/* SPDX-License-Identifier: MIT */
/*
 * annals/ctx.h - the context: options, compiled-in lexicons and run-time
 * lexicon overrides.
 *
 * Thread safety: a context and the documents, corpora and graphs made with
 * it may be used by one thread at a time. igraph's error handler and RNG and
 * Graphviz's error state are process-global, so two contexts must not run
 * graph or layout work concurrently.
 */
#ifndef ANNALS_CTX_H
#define ANNALS_CTX_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct annals_ctx annals_ctx;

/** Option flags for annals_options.flags. */
enum {
    ANNALS_OPT_DEFAULT = 0,
    /** Fail with ANNALS_EUTF8 on the first invalid byte instead of repairing. */
    ANNALS_OPT_STRICT_UTF8 = 1u << 0,
    /** Record why each timex, mention and event was chosen (`explain` fields). */
    ANNALS_OPT_EXPLAIN = 1u << 1,
    /** Treat every document as a narrative (dates anchor on the text, not the DCT). */
    ANNALS_OPT_NARRATIVE = 1u << 2,
    /** Keep events found in boilerplate lines (normally skipped). */
    ANNALS_OPT_KEEP_BOILERPLATE = 1u << 3
};

/** Knobs with defaults; start from ANNALS_OPTIONS_INIT. Zero means "default". */
typedef struct annals_options {
    size_t max_input_bytes;      /* 0 = 64 MiB */
    size_t max_sentence_tokens;  /* 0 = 400; longer sentences are split, with a warning */
    size_t max_role_fillers;     /* 0 = 16 actors per event role, with a warning */
    size_t max_graph_nodes;      /* 0 = 20000 nodes handed to Graphviz */
    unsigned flags;              /* ANNALS_OPT_* bits */
    uint64_t seed;               /* igraph RNG seed: layouts are reproducible */
    const char *layout_engine;   /* force a Graphviz engine for the relationship diagram ("sfdp", "neato", "fdp", ...); NULL = our own deterministic layout */
} annals_options;

#define ANNALS_OPTIONS_INIT {0, 0, 0, 0, ANNALS_OPT_DEFAULT, 1, NULL}

/**
 * Create a context with the compiled-in lexicons (countries, cities,
 * organisations, titles, CAMEO triggers, date words).
 *
 * `opts` may be NULL for the defaults; it is copied. Stores a new context
 * in `*out`; free it with annals_ctx_free().
 *
 * @return ANNALS_OK; ANNALS_ENOMEM; ANNALS_EPARSE if a compiled-in table is
 *         broken (a build defect).
 */
ANNALS_API annals_status annals_ctx_new(annals_ctx **out, const annals_options *opts,
                                        annals_error *err);

/** Free a context; NULL is a no-op. Documents made with it must be freed first. */
ANNALS_API void annals_ctx_free(annals_ctx *ctx);

/** The options in force (defaults filled in). Borrowed. */
ANNALS_API const annals_options *annals_ctx_options(const annals_ctx *ctx);

/**
 * Add or override lexicon entries at run time.
 *
 * `text` is `len` bytes of UTF-8 tab-separated lines; the first field of a
 * line names the table (`country`, `city`, `region`, `org`, `group`,
 * `title`, `person`, `trigger`, ...; see docs/lexicons.md), the others are
 * that table's columns. Blank lines and lines starting with `#` are skipped.
 * `name` names the source in error messages (a file path) and may be NULL.
 *
 * @return ANNALS_OK; ANNALS_EPARSE with the line number in `err->line` for an
 *         unknown table, a missing column or a bad code; ANNALS_ENOMEM.
 */
ANNALS_API annals_status annals_ctx_load_lexicon(annals_ctx *ctx, const char *text,
                                                 size_t len, const char *name,
                                                 annals_error *err);

#ifdef __cplusplus
}
#endif

#endif
