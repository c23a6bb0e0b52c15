/* SPDX-License-Identifier: MIT */
/*
 * cli/io.c - file system work of the `annals` tool (see io.h).
 *
 * This is the only place that touches files: the library reads bytes and
 * writes into sinks. Inputs are read with a bound so a huge file cannot
 * exhaust memory; outputs go to a temporary file next to their final name
 * and are renamed into place only when complete, so a reader never sees a
 * half-written events.json or SVG, whatever fails or interrupts the run.
 */
#define _POSIX_C_SOURCE 200809L

#include "io.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static void set_why(char *why, const char *what)
{
    if (why != NULL) {
        snprintf(why, CLI_WHY_LEN, "%s", what);
    }
}

static void set_errno_why(char *why, int e)
{
    set_why(why, strerror(e));
}

/* ---------------------------------------------------------------- buffers */

int cli_buf_put(cli_buf *b, const char *data, size_t len)
{
    if (len > SIZE_MAX - b->len - 1) {
        return -1;
    }
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        char *p;
        while (cap < b->len + len + 1) {
            cap = cap > SIZE_MAX / 2 ? b->len + len + 1 : cap * 2;
        }
        p = realloc(b->ptr, cap);
        if (p == NULL) {
            return -1;
        }
        b->ptr = p;
        b->cap = cap;
    }
    if (len > 0) {
        memcpy(b->ptr + b->len, data, len);
    }
    b->len += len;
    b->ptr[b->len] = '\0';
    return 0;
}

void cli_buf_free(cli_buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}

int cli_buf_sink(const char *data, size_t len, void *userdata)
{
    return cli_buf_put(userdata, data, len) < 0 ? 1 : 0;
}

int cli_strvec_push(cli_strvec *v, const char *s)
{
    char *copy;
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        char **p = realloc(v->items, cap * sizeof *p);
        if (p == NULL) {
            return -1;
        }
        v->items = p;
        v->cap = cap;
    }
    copy = strdup(s);
    if (copy == NULL) {
        return -1;
    }
    v->items[v->n++] = copy;
    return 0;
}

void cli_strvec_free(cli_strvec *v)
{
    for (size_t i = 0; i < v->n; i++) {
        free(v->items[i]);
    }
    free(v->items);
    v->items = NULL;
    v->n = v->cap = 0;
}

/* ---------------------------------------------------------------- reading */

int cli_read_stream(FILE *fp, size_t limit, char **data_out, size_t *len_out,
                    bool *too_big, char *why)
{
    cli_buf b = {NULL, 0, 0};
    char chunk[65536];

    *data_out = NULL;
    *len_out = 0;
    *too_big = false;
    if (cli_buf_put(&b, "", 0) < 0) {
        set_why(why, "out of memory");
        return -1;
    }
    for (;;) {
        size_t n = fread(chunk, 1, sizeof chunk, fp);
        if (n > 0) {
            if (b.len + n > limit) {
                *too_big = true;
                cli_buf_free(&b);
                return 0;
            }
            if (cli_buf_put(&b, chunk, n) < 0) {
                cli_buf_free(&b);
                set_why(why, "out of memory");
                return -1;
            }
        }
        if (n < sizeof chunk) {
            if (ferror(fp)) {
                int e = errno;
                cli_buf_free(&b);
                set_errno_why(why, e ? e : EIO);
                return -1;
            }
            break;
        }
    }
    *data_out = b.ptr;
    *len_out = b.len;
    return 0;
}

int cli_read_file(const char *path, size_t limit, char **data_out, size_t *len_out,
                  bool *too_big, char *why)
{
    struct stat st;
    FILE *fp = fopen(path, "rb");
    int rc;

    *data_out = NULL;
    *len_out = 0;
    *too_big = false;
    if (fp == NULL) {
        set_errno_why(why, errno);
        return -1;
    }
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        set_why(why, "is a directory");
        return -1;
    }
    if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
        (unsigned long long)st.st_size > (unsigned long long)limit) {
        fclose(fp);
        *too_big = true;
        return 0;
    }
    rc = cli_read_stream(fp, limit, data_out, len_out, too_big, why);
    fclose(fp);
    return rc;
}

void cli_lines_init(cli_lines *r, FILE *fp, size_t limit)
{
    r->fp = fp;
    r->limit = limit;
    r->line_no = 0;
    r->buf = NULL;
    r->cap = 0;
}

void cli_lines_dispose(cli_lines *r)
{
    free(r->buf);
    r->buf = NULL;
    r->cap = 0;
}

int cli_lines_next(cli_lines *r, const char **line, size_t *len, bool *too_long,
                   char *why)
{
    size_t n = 0;
    int c;
    bool got_any = false;

    *line = NULL;
    *len = 0;
    *too_long = false;
    for (;;) {
        c = getc(r->fp);
        if (c == EOF) {
            break;
        }
        got_any = true;
        if (c == '\n') {
            break;
        }
        if (*too_long) {
            continue;
        }
        if (n >= r->limit) {
            *too_long = true;
            continue;
        }
        if (n + 2 > r->cap) {
            size_t cap = r->cap ? r->cap * 2 : 4096;
            char *p;
            while (cap < n + 2) {
                cap *= 2;
            }
            p = realloc(r->buf, cap);
            if (p == NULL) {
                set_why(why, "out of memory");
                return -1;
            }
            r->buf = p;
            r->cap = cap;
        }
        r->buf[n++] = (char)c;
    }
    if (c == EOF && ferror(r->fp)) {
        set_errno_why(why, errno ? errno : EIO);
        return -1;
    }
    if (!got_any) {
        return 0;
    }
    r->line_no++;
    if (*too_long) {
        return 1;
    }
    if (n > 0 && r->buf[n - 1] == '\r') {
        n--;
    }
    if (r->buf == NULL) {
        r->buf = malloc(1);
        if (r->buf == NULL) {
            set_why(why, "out of memory");
            return -1;
        }
        r->cap = 1;
    }
    r->buf[n] = '\0';
    *line = r->buf;
    *len = n;
    return 1;
}

/* ------------------------------------------------------------ directories */

bool cli_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool cli_has_suffix(const char *path, const char *suffix)
{
    size_t n = strlen(path), m = strlen(suffix);
    if (m > n) {
        return false;
    }
    for (size_t i = 0; i < m; i++) {
        char a = path[n - m + i], b = suffix[i];
        if (a >= 'A' && a <= 'Z') {
            a = (char)(a - 'A' + 'a');
        }
        if (a != b) {
            return false;
        }
    }
    return true;
}

char *cli_path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir), m = strlen(name);
    bool slash = n > 0 && dir[n - 1] != '/';
    char *p = malloc(n + m + 2);
    if (p == NULL) {
        return NULL;
    }
    memcpy(p, dir, n);
    if (slash) {
        p[n++] = '/';
    }
    memcpy(p + n, name, m + 1);
    return p;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_dir(const char *dir, const char *const *suffixes, bool recursive,
                    int depth, cli_strvec *out, char *why)
{
    cli_strvec names = {NULL, 0, 0};
    DIR *d;
    struct dirent *ent;
    int rc = 0;

    if (depth > 64) {
        set_why(why, "directories nested too deeply");
        return -1;
    }
    d = opendir(dir);
    if (d == NULL) {
        set_errno_why(why, errno);
        return -1;
    }
    errno = 0;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.') {
            continue;
        }
        if (cli_strvec_push(&names, ent->d_name) < 0) {
            set_why(why, "out of memory");
            rc = -1;
            break;
        }
    }
    if (rc == 0 && errno != 0) {
        set_errno_why(why, errno);
        rc = -1;
    }
    closedir(d);
    if (rc < 0) {
        cli_strvec_free(&names);
        return rc;
    }
    if (names.n > 1) {
        qsort(names.items, names.n, sizeof names.items[0], cmp_str);
    }
    for (size_t i = 0; i < names.n && rc == 0; i++) {
        char *path = cli_path_join(dir, names.items[i]);
        struct stat st;
        if (path == NULL) {
            set_why(why, "out of memory");
            rc = -1;
            break;
        }
        if (stat(path, &st) != 0) {
            /* A dangling link or a file removed meanwhile: not an input. */
        } else if (S_ISDIR(st.st_mode)) {
            if (recursive) {
                rc = list_dir(path, suffixes, recursive, depth + 1, out, why);
            }
        } else if (S_ISREG(st.st_mode)) {
            for (size_t k = 0; suffixes[k] != NULL; k++) {
                if (cli_has_suffix(path, suffixes[k])) {
                    if (cli_strvec_push(out, path) < 0) {
                        set_why(why, "out of memory");
                        rc = -1;
                    }
                    break;
                }
            }
        }
        free(path);
    }
    cli_strvec_free(&names);
    return rc;
}

int cli_list_dir(const char *dir, const char *const *suffixes, bool recursive,
                 cli_strvec *out, char *why)
{
    return list_dir(dir, suffixes, recursive, 0, out, why);
}

int cli_mkdirs(const char *path, char *why)
{
    char *p = strdup(path);
    size_t n;
    int rc = 0;

    if (p == NULL) {
        set_why(why, "out of memory");
        return -1;
    }
    n = strlen(p);
    while (n > 1 && p[n - 1] == '/') {
        p[--n] = '\0';
    }
    for (size_t i = 1; i <= n && rc == 0; i++) {
        if (p[i] == '/' || p[i] == '\0') {
            char saved = p[i];
            p[i] = '\0';
            if (mkdir(p, 0777) != 0) {
                int e = errno;
                if (e != EEXIST) {
                    set_errno_why(why, e);
                    rc = -1;
                } else if (!cli_is_dir(p)) {
                    set_why(why, saved == '\0'
                                     ? "exists and is not a directory"
                                     : "a parent exists and is not a directory");
                    rc = -1;
                }
            }
            p[i] = saved;
        }
    }
    free(p);
    return rc;
}

/* ---------------------------------------------------------------- outputs */

/*
 * Temporary files not yet committed, for the signal handler. unlink() is
 * async-signal-safe; the strings are only freed after the slot is cleared.
 */
#define MAX_PENDING 16
static char *volatile pending[MAX_PENDING];

static void pending_add(char *tmp)
{
    for (size_t i = 0; i < MAX_PENDING; i++) {
        if (pending[i] == NULL) {
            pending[i] = tmp;
            return;
        }
    }
}

static void pending_remove(const char *tmp)
{
    for (size_t i = 0; i < MAX_PENDING; i++) {
        if (pending[i] == tmp) {
            pending[i] = NULL;
        }
    }
}

static void on_signal(int sig)
{
    for (size_t i = 0; i < MAX_PENDING; i++) {
        if (pending[i] != NULL) {
            unlink(pending[i]);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void cli_install_signal_cleanup(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static mode_t file_mode(void)
{
    static mode_t mode;
    static bool known;
    if (!known) {
        mode_t mask = umask(0);
        umask(mask);
        mode = (mode_t)(0666 & ~mask);
        known = true;
    }
    return mode;
}

int cli_out_open(cli_outfile *f, const char *path, char *why)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dir_len;
    int fd;

    f->path = NULL;
    f->tmp = NULL;
    f->fp = NULL;
    f->path = strdup(path);
    f->tmp = malloc(dir_len + strlen(base) + 16);
    if (f->path == NULL || f->tmp == NULL) {
        set_why(why, "out of memory");
        goto fail;
    }
    memcpy(f->tmp, path, dir_len);
    snprintf(f->tmp + dir_len, strlen(base) + 16, ".%s.XXXXXX", base);
    fd = mkstemp(f->tmp);
    if (fd < 0) {
        set_errno_why(why, errno);
        goto fail;
    }
    pending_add(f->tmp);
    if (fchmod(fd, file_mode()) != 0) {
        /* Not fatal: the file stays private to the user. */
    }
    f->fp = fdopen(fd, "wb");
    if (f->fp == NULL) {
        set_errno_why(why, errno);
        close(fd);
        unlink(f->tmp);
        pending_remove(f->tmp);
        goto fail;
    }
    return 0;
fail:
    free(f->path);
    free(f->tmp);
    f->path = NULL;
    f->tmp = NULL;
    return -1;
}

int cli_out_commit(cli_outfile *f, char *why)
{
    int rc = 0;
    if (f->fp == NULL) {
        set_why(why, "not open");
        return -1;
    }
    if (fflush(f->fp) != 0 || ferror(f->fp)) {
        set_errno_why(why, errno ? errno : EIO);
        rc = -1;
    }
    if (fclose(f->fp) != 0 && rc == 0) {
        set_errno_why(why, errno);
        rc = -1;
    }
    f->fp = NULL;
    if (rc == 0 && rename(f->tmp, f->path) != 0) {
        set_errno_why(why, errno);
        rc = -1;
    }
    if (rc < 0) {
        unlink(f->tmp);
    }
    pending_remove(f->tmp);
    free(f->tmp);
    free(f->path);
    f->tmp = NULL;
    f->path = NULL;
    return rc;
}

void cli_out_abort(cli_outfile *f)
{
    if (f->fp != NULL) {
        fclose(f->fp);
        f->fp = NULL;
    }
    if (f->tmp != NULL) {
        unlink(f->tmp);
        pending_remove(f->tmp);
    }
    free(f->tmp);
    free(f->path);
    f->tmp = NULL;
    f->path = NULL;
}
