/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/standalone_main.c - replays fuzz inputs without libFuzzer:
 * every file in $ANNALS_FUZZ_CORPUS and $ANNALS_SAMPLES (or the paths
 * given as arguments), plus a set of generated hostile inputs. Any crash,
 * sanitizer report or hang fails the test.
 */
#include "check.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t n_inputs;

static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    long n;
    if (f == NULL) {
        return;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return;
    }
    buf = malloc((size_t)n + 1);
    if (buf != NULL && fread(buf, 1, (size_t)n, f) == (size_t)n) {
        LLVMFuzzerTestOneInput(buf, (size_t)n);
        n_inputs++;
        check_pass();
    }
    free(buf);
    fclose(f);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    if (d == NULL) {
        run_file(dir);
        return;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        if (n == cap) {
            char **p;
            cap = cap ? cap * 2 : 32;
            p = realloc(names, cap * sizeof(*p));
            if (p == NULL) {
                break;
            }
            names = p;
        }
        names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
        if (names[n] == NULL) {
            break;
        }
        sprintf(names[n], "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n > 0) {
        qsort(names, n, sizeof(*names), cmp);
    }
    for (i = 0; i < n; i++) {
        run_dir(names[i]);
        free(names[i]);
    }
    free(names);
}

/* Generated hostile inputs: deterministic, no files needed. */
static void run_generated(void)
{
    static const char *const pieces[] = {
        "Monday ", "U.S. ", "\xFF", "\0", "“", "”", "27,000 ", "met with ", "in Paris ",
        "Blinken ", ". ", "\n", "al-", "-", "'s ", "February 30, 2024 ", "99999 ",
        "Egyptian President ", "Hamas ", "attack on ", "did not ", "will ", "\xE2\x80",
        "the the the ", "(Reuters) - ", "CAIRO, Feb 6 ", "last week ", "two days later "};
    size_t n = sizeof(pieces) / sizeof(pieces[0]);
    uint32_t state = 12345;
    size_t round;
    uint8_t *buf = malloc(1 << 16);
    if (buf == NULL) {
        return;
    }
    for (round = 0; round < 300; round++) {
        size_t len = 0, k, count;
        state = state * 1103515245u + 12345u;
        count = (state >> 8) % 200;
        for (k = 0; k < count; k++) {
            const char *p;
            size_t plen;
            state = state * 1103515245u + 12345u;
            p = pieces[(state >> 8) % n];
            plen = p[0] == '\0' ? 1 : strlen(p);
            if (len + plen > (1 << 16)) {
                break;
            }
            memcpy(buf + len, p, plen);
            len += plen;
        }
        LLVMFuzzerTestOneInput(buf, len);
        n_inputs++;
        check_pass();
    }
    free(buf);
}

int main(int argc, char **argv)
{
    const char *env;
    int i;
    for (i = 1; i < argc; i++) {
        run_dir(argv[i]);
    }
    if (argc == 1) {
        env = getenv("ANNALS_FUZZ_CORPUS");
        if (env != NULL) {
            run_dir(env);
        }
        env = getenv("ANNALS_SAMPLES");
        if (env != NULL) {
            run_dir(env);
        }
        run_generated();
    }
    printf("replayed %zu inputs\n", n_inputs);
    return check_summary();
}
