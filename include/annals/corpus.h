/* SPDX-License-Identifier: MIT */
/*
 * annals/corpus.h - many documents' entities, dates and events merged into
 * one set of actors and events, each keeping every mention.
 */
#ifndef ANNALS_CORPUS_H
#define ANNALS_CORPUS_H

#include "common.h"
#include "ctx.h"
#include "doc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct annals_corpus annals_corpus;

/** Stores a new, empty corpus in `*out`; free it with annals_corpus_free(). */
ANNALS_API annals_status annals_corpus_new(annals_corpus **out, annals_ctx *ctx,
                                           annals_error *err);

/** Free a corpus; NULL is a no-op. */
ANNALS_API void annals_corpus_free(annals_corpus *corpus);

/**
 * Add what `doc` found to the corpus: entities join the corpus entity with
 * the same identity (kind, canonical name), events merge with a reported
 * copy of the same event (same CAMEO root, overlapping participants,
 * compatible place and date) keeping every mention. Everything needed is
 * copied, so `doc` may be freed afterwards.
 *
 * @return ANNALS_OK; ANNALS_ENOMEM.
 */
ANNALS_API annals_status annals_corpus_add_doc(annals_corpus *corpus, const annals_doc *doc,
                                               annals_error *err);

/**
 * Add the documents of an annals/1 JSON text (one object, or JSON Lines of
 * objects as printed by `annals extract`), merging as annals_corpus_add_doc()
 * does. `name` names the source in error messages.
 *
 * @return ANNALS_OK; ANNALS_EPARSE with line/offset for invalid JSON or a
 *         schema other than annals/1; ANNALS_ENOMEM.
 */
ANNALS_API annals_status annals_corpus_load_json(annals_corpus *corpus, const char *text,
                                                 size_t len, const char *name,
                                                 annals_error *err);

ANNALS_API size_t annals_corpus_doc_count(const annals_corpus *corpus);
ANNALS_API size_t annals_corpus_entity_count(const annals_corpus *corpus);
ANNALS_API size_t annals_corpus_event_count(const annals_corpus *corpus);
ANNALS_API size_t annals_corpus_timex_count(const annals_corpus *corpus);

#ifdef __cplusplus
}
#endif

#endif
