/* SPDX-License-Identifier: MIT */
/*
 * annals/common.h - status codes, the caller-owned error record, version
 * macros and the export macro shared by every public header.
 */
#ifndef ANNALS_COMMON_H
#define ANNALS_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ANNALS_VERSION_MAJOR  0
#define ANNALS_VERSION_MINOR  1
#define ANNALS_VERSION_PATCH  0
#define ANNALS_VERSION_STRING "0.1.0"

#if defined(__GNUC__) || defined(__clang__)
#define ANNALS_API __attribute__((visibility("default")))
#else
#define ANNALS_API
#endif

/* One table, so the enum and the messages cannot drift apart. */
#define ANNALS_STATUS_LIST(X)                                                            \
    X(ANNALS_OK, 0, "success")                                                           \
    X(ANNALS_ENOMEM, -1, "out of memory")                                                \
    X(ANNALS_EINVAL, -2, "invalid argument")                                             \
    X(ANNALS_EUTF8, -3, "input is not valid UTF-8")                                      \
    X(ANNALS_ELIMIT, -4, "input exceeds a configured limit")                             \
    X(ANNALS_EIO, -5, "output sink failed")                                              \
    X(ANNALS_EGRAPH, -6, "graph library error")                                          \
    X(ANNALS_ELAYOUT, -7, "layout engine error")                                         \
    X(ANNALS_EPARSE, -8, "malformed input data")                                         \
    X(ANNALS_EEMPTY, -9, "input is empty")

/** Result of every fallible call: zero is success, failures are negative. */
typedef enum annals_status {
#define ANNALS_STATUS_ENUM(name, value, text) name = value,
    ANNALS_STATUS_LIST(ANNALS_STATUS_ENUM)
#undef ANNALS_STATUS_ENUM
} annals_status;

/** Pipeline stage that reported an error. */
typedef enum annals_stage {
    ANNALS_STAGE_NONE = 0,
    ANNALS_STAGE_INGEST,
    ANNALS_STAGE_TOKENIZE,
    ANNALS_STAGE_DATES,
    ANNALS_STAGE_ENTITIES,
    ANNALS_STAGE_EVENTS,
    ANNALS_STAGE_CORPUS,
    ANNALS_STAGE_GRAPH,
    ANNALS_STAGE_LAYOUT,
    ANNALS_STAGE_EXPORT,
    ANNALS_STAGE_LEXICON
} annals_stage;

#define ANNALS_NO_OFFSET ((size_t)-1)

/**
 * Details of the first failure of a call. Caller-owned and fixed-size, so
 * reporting an allocation failure needs no allocation. Written only on
 * failure; inner functions fill it and outer ones leave it alone (the first
 * error wins), so initialise it with ANNALS_ERROR_INIT before each call.
 */
typedef struct annals_error {
    annals_status code; /* equals the value the function returned */
    annals_stage stage;
    size_t offset;      /* byte offset into the input; ANNALS_NO_OFFSET if none */
    unsigned line;      /* 1-based; 0 if unknown */
    unsigned column;    /* 1-based, in code points; 0 if unknown */
    char message[160];  /* one line, English, NUL-terminated */
} annals_error;

#define ANNALS_ERROR_INIT {ANNALS_OK, ANNALS_STAGE_NONE, ANNALS_NO_OFFSET, 0, 0, {0}}

/** A static, never-NULL English description of `status`. */
ANNALS_API const char *annals_strerror(annals_status status);

/** The library's version string at run time, e.g. "0.1.0". */
ANNALS_API const char *annals_version_string(void);

/**
 * Receives output bytes. Return 0 to continue, non-zero to stop; the writer
 * then returns ANNALS_EIO.
 */
typedef int (*annals_sink)(const char *data, size_t len, void *userdata);

/** A sink writing to a stdio stream; `userdata` is a `FILE *`. */
ANNALS_API int annals_sink_stdio(const char *data, size_t len, void *userdata);

#ifdef __cplusplus
}
#endif

#endif
