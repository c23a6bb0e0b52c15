/* SPDX-License-Identifier: MIT */
/*
 * core/ctx.c - the context: options with defaults filled in, the stage
 * lexicons (loaded once, shared by every document) and run-time lexicon
 * rows dispatched to the stage that owns their table.
 */
#include "core/internal.h"

#include <stdlib.h>
#include <string.h>

annals_status annals_ctx_new(annals_ctx **out, const annals_options *opts, annals_error *err)
{
    annals_ctx *ctx = NULL;
    annals_options defaults = ANNALS_OPTIONS_INIT;
    annals_status rc;

    if (out == NULL) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_NONE, ANNALS_NO_OFFSET,
                             "out is NULL");
    }
    *out = NULL;
    ctx = calloc(1, sizeof(*ctx));
    if (ctx == NULL) {
        return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_NONE, ANNALS_NO_OFFSET,
                             "out of memory");
    }
    ctx->opts = opts ? *opts : defaults;
    if (ctx->opts.max_input_bytes == 0) {
        ctx->opts.max_input_bytes = (size_t)64 * 1024 * 1024;
    }
    if (ctx->opts.max_sentence_tokens == 0) {
        ctx->opts.max_sentence_tokens = 400;
    }
    if (ctx->opts.max_role_fillers == 0 || ctx->opts.max_role_fillers > ANNALS__MAX_ROLE) {
        ctx->opts.max_role_fillers = ANNALS__MAX_ROLE;
    }
    if (ctx->opts.max_graph_nodes == 0) {
        ctx->opts.max_graph_nodes = 20000;
    }
    ctx->opts.layout_engine = NULL; /* not copied: see annals_options docs */
    if (opts != NULL && opts->layout_engine != NULL) {
        static const char *const engines[] = {"sfdp", "neato", "fdp", "circo", "twopi", "dot"};
        size_t i;
        for (i = 0; i < sizeof(engines) / sizeof(engines[0]); i++) {
            if (strcmp(engines[i], opts->layout_engine) == 0) {
                ctx->opts.layout_engine = engines[i];
            }
        }
        if (ctx->opts.layout_engine == NULL) {
            rc = annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_NONE, ANNALS_NO_OFFSET,
                               "unknown layout engine \"%.40s\"", opts->layout_engine);
            goto done;
        }
    }
    rc = annals__entity_lex_new(&ctx->entities, err);
    if (rc < 0) {
        goto done;
    }
    rc = annals__event_lex_new(&ctx->events, err);
    if (rc < 0) {
        goto done;
    }
    rc = annals__date_lex_new(&ctx->dates, err);
    if (rc < 0) {
        goto done;
    }
    *out = ctx;
    ctx = NULL;
done:
    annals_ctx_free(ctx);
    return rc;
}

void annals_ctx_free(annals_ctx *ctx)
{
    if (ctx == NULL) {
        return;
    }
    annals__entity_lex_free(ctx->entities);
    annals__event_lex_free(ctx->events);
    annals__date_lex_free(ctx->dates);
    annals__layout_ctx_free(ctx->gvc);
    free(ctx);
}

const annals_options *annals_ctx_options(const annals_ctx *ctx)
{
    return ctx ? &ctx->opts : NULL;
}

typedef struct lexicon_load {
    annals_ctx *ctx;
    const char *name;
} lexicon_load;

static annals_status load_row(void *ud, const annals__field *fields, size_t n_fields,
                              unsigned line, annals_error *err)
{
    lexicon_load *ll = ud;
    annals_status rc;

    rc = annals__entity_lex_load_row(ll->ctx->entities, fields, n_fields, line, err);
    if (rc != ANNALS_EINVAL) {
        return rc;
    }
    rc = annals__event_lex_load_row(ll->ctx->events, fields, n_fields, line, err);
    if (rc != ANNALS_EINVAL) {
        return rc;
    }
    return annals__error_line(err, ANNALS_EPARSE, ANNALS_STAGE_LEXICON, line,
                              "%s:%u: unknown table \"%.*s\"", ll->name, line,
                              (int)(fields[0].len > 40 ? 40 : fields[0].len), fields[0].s);
}

annals_status annals_ctx_load_lexicon(annals_ctx *ctx, const char *text, size_t len,
                                      const char *name, annals_error *err)
{
    lexicon_load ll;
    if (ctx == NULL || (text == NULL && len > 0)) {
        return annals__error(err, ANNALS_EINVAL, ANNALS_STAGE_LEXICON, ANNALS_NO_OFFSET,
                             "NULL context or text");
    }
    ll.ctx = ctx;
    ll.name = name ? name : "lexicon";
    return annals__tsv_each(text, len, ll.name, load_row, &ll, err);
}
