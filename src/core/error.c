/* SPDX-License-Identifier: MIT */
/* core/error.c - status strings and the error record helpers (first error wins). */
#include "core/internal.h"

#include <stdarg.h>
#include <stdio.h>

const char *annals_strerror(annals_status status)
{
    switch (status) {
#define ANNALS_STATUS_CASE(name, value, text)                                            \
    case name:                                                                           \
        return text;
        ANNALS_STATUS_LIST(ANNALS_STATUS_CASE)
#undef ANNALS_STATUS_CASE
    }
    return "unknown status";
}

const char *annals_version_string(void)
{
    return ANNALS_VERSION_STRING;
}

int annals_sink_stdio(const char *data, size_t len, void *userdata)
{
    return fwrite(data, 1, len, (FILE *)userdata) == len ? 0 : -1;
}

static void fill(annals_error *err, annals_status code, annals_stage stage, size_t offset,
                 unsigned line, const char *fmt, va_list ap)
{
    if (err == NULL || err->code != ANNALS_OK) {
        return;
    }
    err->code = code;
    err->stage = stage;
    err->offset = offset;
    err->line = line;
    err->column = 0;
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
}

annals_status annals__error(annals_error *err, annals_status code, annals_stage stage,
                            size_t offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fill(err, code, stage, offset, 0, fmt, ap);
    va_end(ap);
    return code;
}

annals_status annals__error_line(annals_error *err, annals_status code, annals_stage stage,
                                 unsigned line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fill(err, code, stage, ANNALS_NO_OFFSET, line, fmt, ap);
    va_end(ap);
    return code;
}
