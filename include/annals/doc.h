/* SPDX-License-Identifier: MIT */
/*
 * annals/doc.h - one article: ingest, segmentation and extraction.
 *
 * A document owns everything extracted from it; every record read through
 * these functions is borrowed and valid until annals_doc_free(doc).
 */
#ifndef ANNALS_DOC_H
#define ANNALS_DOC_H

#include "common.h"
#include "ctx.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct annals_doc annals_doc;

/** Where the document creation time (DCT) came from. */
typedef enum annals_date_source {
    ANNALS_DATE_NONE = 0,
    ANNALS_DATE_CLI,      /* given by the caller (--date) */
    ANNALS_DATE_RECORD,   /* the JSONL record's "date" */
    ANNALS_DATE_DATELINE  /* read from a dateline in the text */
} annals_date_source;

/**
 * What the caller knows about a document besides its text. All strings are
 * NUL-terminated UTF-8 and copied; any may be NULL.
 */
typedef struct annals_doc_info {
    const char *id;        /* NULL = "d<N>" assigned by the corpus */
    const char *source;    /* file path or URL shown in outputs */
    const char *date;      /* DCT "YYYY-MM-DD" (or "YYYY-MM-DDThh:mm...") */
    annals_date_source date_source; /* CLI or RECORD when `date` is set */
    const char *title;
    const char *url;
} annals_doc_info;

#define ANNALS_DOC_INFO_INIT {NULL, NULL, NULL, ANNALS_DATE_NONE, NULL, NULL}

/** Entity kinds. */
typedef enum annals_entity_kind {
    ANNALS_ENTITY_PERSON = 0,
    ANNALS_ENTITY_ORGANIZATION,
    ANNALS_ENTITY_GROUP,
    ANNALS_ENTITY_COUNTRY,
    ANNALS_ENTITY_PLACE
} annals_entity_kind;

/** A non-fatal problem found while reading a document. */
typedef struct annals_warning {
    size_t offset;        /* byte offset into the canonical text (or the input) */
    const char *message;  /* one line */
} annals_warning;

/**
 * Parse one news article and extract its sentences, entities, time
 * expressions and events.
 *
 * `text` is `len` bytes, need not be NUL-terminated and is copied. Every CR
 * becomes LF byte for byte and a BOM is kept (read as white space), so the
 * offsets of valid UTF-8 input are offsets into the caller's own bytes.
 * NUL bytes and invalid UTF-8 are replaced with U+FFFD (one per byte, which
 * shifts later offsets) and reported as warnings, unless the context has
 * ANNALS_OPT_STRICT_UTF8, in which case the call fails with the offset of
 * the first bad byte. Every offset refers to annals_doc_text().
 *
 * The DCT comes from `info->date`, else from a dateline in the text
 * ("CAIRO, Feb 6 (Reuters) -"), else none (relative dates stay unanchored
 * with a warning).
 *
 * Stores a new document in `*out`; free it with annals_doc_free(). On
 * failure stores NULL and describes the problem in `err`.
 *
 * @return ANNALS_OK; ANNALS_EUTF8 (strict mode); ANNALS_ELIMIT if `len`
 *         exceeds max_input_bytes; ANNALS_EINVAL for a malformed
 *         `info->date`; ANNALS_ENOMEM.
 *
 * Linear in `len`.
 */
ANNALS_API annals_status annals_doc_parse(annals_doc **out, annals_ctx *ctx, const char *text,
                                          size_t len, const annals_doc_info *info,
                                          annals_error *err);

/** Free a document; NULL is a no-op. */
ANNALS_API void annals_doc_free(annals_doc *doc);

/** The canonical text every offset refers to. Borrowed; NUL-terminated. */
ANNALS_API const char *annals_doc_text(const annals_doc *doc, size_t *len_out);

/** The DCT as "YYYY-MM-DD", or NULL if the document has none. Borrowed. */
ANNALS_API const char *annals_doc_date(const annals_doc *doc);

/** Where the DCT came from. */
ANNALS_API annals_date_source annals_doc_date_source(const annals_doc *doc);

ANNALS_API size_t annals_doc_sentence_count(const annals_doc *doc);
ANNALS_API size_t annals_doc_entity_count(const annals_doc *doc);
ANNALS_API size_t annals_doc_timex_count(const annals_doc *doc);
ANNALS_API size_t annals_doc_event_count(const annals_doc *doc);

ANNALS_API size_t annals_doc_warning_count(const annals_doc *doc);
/** Warning `i`, or NULL if `i` is out of range. Borrowed. */
ANNALS_API const annals_warning *annals_doc_warning(const annals_doc *doc, size_t i);

#ifdef __cplusplus
}
#endif

#endif
