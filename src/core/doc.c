/* SPDX-License-Identifier: MIT */
/*
 * core/doc.c - document lifetime and the per-document pipeline:
 * ingest -> tokenize -> dateline -> dates -> entities -> events.
 */
#include "core/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

annals_status annals__warn(annals_doc *doc, size_t offset, const char *fmt, ...)
{
    va_list ap;
    char tmp[256];
    annals_warning *w;
    int n;

    /* Bounded: hostile input must not grow a warning per token. */
    if (doc->warnings.n > ANNALS__MAX_WARNINGS) {
        return ANNALS_OK;
    }
    if (doc->warnings.n == ANNALS__MAX_WARNINGS) {
        snprintf(tmp, sizeof(tmp), "more than %d warnings; the rest are suppressed",
                 ANNALS__MAX_WARNINGS);
        n = 0;
    } else {
        va_start(ap, fmt);
        n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
        va_end(ap);
    }
    if (n < 0) {
        return ANNALS_EINVAL;
    }
    w = annals__vec_push(&doc->warnings);
    if (w == NULL) {
        return ANNALS_ENOMEM;
    }
    w->offset = offset;
    w->message = annals__arena_strdup(&doc->arena, tmp);
    if (w->message == NULL) {
        doc->warnings.n--;
        return ANNALS_ENOMEM;
    }
    return ANNALS_OK;
}

static annals_status doc_new(annals_doc **out, annals_ctx *ctx, annals_error *err)
{
    annals_doc *doc = calloc(1, sizeof(*doc));
    if (doc == NULL) {
        return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_INGEST, ANNALS_NO_OFFSET,
                             "out of memory");
    }
    doc->ctx = ctx;
    annals__arena_init(&doc->arena, 0);
    annals__vec_init(&doc->tokens, sizeof(annals__token));
    annals__vec_init(&doc->sentences, sizeof(annals__sentence));
    annals__vec_init(&doc->timexes, sizeof(annals__timex));
    annals__vec_init(&doc->entities, sizeof(annals__entity));
    annals__vec_init(&doc->mentions, sizeof(annals__mention));
    annals__vec_init(&doc->events, sizeof(annals__event));
    annals__vec_init(&doc->warnings, sizeof(annals_warning));
    doc->dct_day = ANNALS__NO_DAY;
    *out = doc;
    return ANNALS_OK;
}

void annals_doc_free(annals_doc *doc)
{
    if (doc == NULL) {
        return;
    }
    annals__vec_dispose(&doc->tokens);
    annals__vec_dispose(&doc->sentences);
    annals__vec_dispose(&doc->timexes);
    annals__vec_dispose(&doc->entities);
    annals__vec_dispose(&doc->mentions);
    annals__vec_dispose(&doc->events);
    annals__vec_dispose(&doc->warnings);
    annals__arena_dispose(&doc->arena);
    free(doc);
}

static annals_status copy_info(annals_doc *doc, const annals_doc_info *info, annals_error *err)
{
    const char *fields[4];
    const char **dst[4];
    size_t i;

    if (info == NULL) {
        return ANNALS_OK;
    }
    fields[0] = info->id;
    fields[1] = info->source;
    fields[2] = info->title;
    fields[3] = info->url;
    dst[0] = &doc->id;
    dst[1] = &doc->source;
    dst[2] = &doc->title;
    dst[3] = &doc->url;
    for (i = 0; i < 4; i++) {
        if (fields[i] != NULL) {
            *dst[i] = annals__arena_strdup(&doc->arena, fields[i]);
            if (*dst[i] == NULL) {
                return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_INGEST,
                                     ANNALS_NO_OFFSET, "out of memory");
            }
        }
    }
    if (info->date != NULL && info->date[0] != '\0') {
        int y, m, d;
        if (!annals__parse_ymd(info->date, strlen(info->date), &y, &m, &d)) {
            return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_INGEST, ANNALS_NO_OFFSET,
                                 "invalid document date \"%.40s\" (want YYYY-MM-DD)",
                                 info->date);
        }
        doc->dct_day = annals__days_from_civil(y, m, d);
        annals__format_day(doc->dct_day, doc->dct);
        doc->date_source = info->date_source == ANNALS_DATE_NONE ? ANNALS_DATE_CLI
                                                                 : info->date_source;
    }
    return ANNALS_OK;
}

annals_status annals_doc_parse(annals_doc **out, annals_ctx *ctx, const char *text,
                               size_t len, const annals_doc_info *info, annals_error *err)
{
    annals_doc *doc = NULL;
    annals_status rc;

    if (out == NULL || ctx == NULL || (text == NULL && len > 0)) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_INGEST, ANNALS_NO_OFFSET,
                             "NULL argument");
    }
    *out = NULL;
    rc = doc_new(&doc, ctx, err);
    if (rc < 0) {
        goto done;
    }
    rc = copy_info(doc, info, err);
    if (rc < 0) {
        goto done;
    }
    rc = annals__ingest(doc, text ? text : "", len, err);
    if (rc < 0) {
        goto done;
    }
    doc->narrative = (ctx->opts.flags & ANNALS_OPT_NARRATIVE) != 0;
    rc = annals__tokenize(doc, err);
    if (rc < 0) {
        goto done;
    }
    rc = annals__dateline(doc, err);
    if (rc < 0) {
        goto done;
    }
    rc = annals__dates(doc, err);
    if (rc < 0) {
        goto done;
    }
    rc = annals__entities(doc, err);
    if (rc < 0) {
        goto done;
    }
    rc = annals__events(doc, err);
    if (rc < 0) {
        goto done;
    }
    *out = doc;
    doc = NULL;
done:
    annals_doc_free(doc);
    return rc;
}

const char *annals_doc_text(const annals_doc *doc, size_t *len_out)
{
    if (len_out != NULL) {
        *len_out = doc->len;
    }
    return doc->text;
}

const char *annals_doc_date(const annals_doc *doc)
{
    return doc->dct[0] ? doc->dct : NULL;
}

annals_date_source annals_doc_date_source(const annals_doc *doc)
{
    return doc->date_source;
}

size_t annals_doc_sentence_count(const annals_doc *doc)
{
    return doc->sentences.n;
}

size_t annals_doc_entity_count(const annals_doc *doc)
{
    return doc->entities.n;
}

size_t annals_doc_timex_count(const annals_doc *doc)
{
    return doc->timexes.n;
}

size_t annals_doc_event_count(const annals_doc *doc)
{
    return doc->events.n;
}

size_t annals_doc_warning_count(const annals_doc *doc)
{
    return doc->warnings.n;
}

const annals_warning *annals_doc_warning(const annals_doc *doc, size_t i)
{
    if (i >= doc->warnings.n) {
        return NULL;
    }
    return annals__vec_at(&doc->warnings, i);
}
