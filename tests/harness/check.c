/* SPDX-License-Identifier: MIT */
/* tests/harness/check.c - counters and reporting for check.h. */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static size_t n_passed;
static size_t n_failed;

void check_pass(void)
{
    n_passed++;
}

void check_true(bool ok, const char *expr, const char *file, int line)
{
    if (ok) {
        n_passed++;
        return;
    }
    n_failed++;
    fprintf(stderr, "%s:%d: check failed: %s\n", file, line, expr);
}

void check_eq_str(const char *got, const char *want, const char *expr, const char *file,
                  int line)
{
    if ((got == NULL && want == NULL) ||
        (got != NULL && want != NULL && strcmp(got, want) == 0)) {
        n_passed++;
        return;
    }
    n_failed++;
    fprintf(stderr, "%s:%d: check failed: %s\n  got:  \"%s\"\n  want: \"%s\"\n", file, line,
            expr, got ? got : "(null)", want ? want : "(null)");
}

void check_eq_size(size_t got, size_t want, const char *expr, const char *file, int line)
{
    if (got == want) {
        n_passed++;
        return;
    }
    n_failed++;
    fprintf(stderr, "%s:%d: check failed: %s\n  got:  %zu\n  want: %zu\n", file, line, expr,
            got, want);
}

void check_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    n_failed++;
    fprintf(stderr, "%s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

size_t check_failures(void)
{
    return n_failed;
}

int check_summary(void)
{
    printf("%zu passed, %zu failed\n", n_passed, n_failed);
    return n_failed == 0 ? 0 : 1;
}
