/* SPDX-License-Identifier: MIT */
/*
 * tests/harness/check.h - a redis-sized test harness: CHECK, CHECK_EQ_STR,
 * CHECK_EQ_SIZE print file:line and both values on failure and count; the
 * program ends with check_summary(), which prints "N passed, M failed" and
 * returns the exit status (0, or 1 on any failure). Exit 77 means "skip".
 */
#ifndef ANNALS_CHECK_H
#define ANNALS_CHECK_H

#include <stdbool.h>
#include <stddef.h>

void check_true(bool ok, const char *expr, const char *file, int line);
void check_eq_str(const char *got, const char *want, const char *expr, const char *file,
                  int line);
void check_eq_size(size_t got, size_t want, const char *expr, const char *file, int line);
/* Print a failure with a free-form message (spec runners). */
void check_fail(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void check_pass(void);
int check_summary(void);
size_t check_failures(void);

#define CHECK(cond) check_true((cond), #cond, __FILE__, __LINE__)
#define CHECK_EQ_STR(a, b) check_eq_str((a), (b), #a " == " #b, __FILE__, __LINE__)
#define CHECK_EQ_SIZE(a, b) check_eq_size((size_t)(a), (size_t)(b), #a " == " #b, __FILE__, __LINE__)

#endif
