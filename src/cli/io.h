/* SPDX-License-Identifier: MIT */
/*
 * cli/io.h - the tool's file system work: reading inputs with a size
 * bound, reading JSON Lines one line at a time, listing directories in a
 * stable order, and writing outputs atomically (temporary file in the same
 * folder, renamed when complete, removed on failure or on SIGINT/SIGTERM).
 *
 * Every function that can fail returns 0 on success and -1 on failure with
 * a one-line reason (e.g. "No such file or directory") in `why`.
 */
#ifndef ANNALS_CLI_IO_H
#define ANNALS_CLI_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define CLI_WHY_LEN 256

/* A growable byte buffer. */
typedef struct cli_buf {
    char *ptr;
    size_t len;
    size_t cap;
} cli_buf;

int cli_buf_put(cli_buf *b, const char *data, size_t len);
void cli_buf_free(cli_buf *b);

/* An annals_sink appending to a cli_buf (`userdata`). */
int cli_buf_sink(const char *data, size_t len, void *userdata);

/* A list of owned strings. */
typedef struct cli_strvec {
    char **items;
    size_t n;
    size_t cap;
} cli_strvec;

int cli_strvec_push(cli_strvec *v, const char *s);
void cli_strvec_free(cli_strvec *v);

/*
 * Read all of `fp` into a new buffer (NUL-terminated; free with free()).
 * Reads at most `limit` + 1 bytes: if the input is longer, `*too_big` is
 * set and the data is discarded, so memory stays bounded.
 */
int cli_read_stream(FILE *fp, size_t limit, char **data_out, size_t *len_out,
                    bool *too_big, char *why);

/* Open and read `path` as cli_read_stream() does; refuses directories. */
int cli_read_file(const char *path, size_t limit, char **data_out, size_t *len_out,
                  bool *too_big, char *why);

/* Reads a stream one line at a time, each bounded by `limit` bytes. */
typedef struct cli_lines {
    FILE *fp;
    size_t limit;
    unsigned long line_no; /* 1-based number of the line last returned */
    char *buf;
    size_t cap;
} cli_lines;

void cli_lines_init(cli_lines *r, FILE *fp, size_t limit);
void cli_lines_dispose(cli_lines *r);

/*
 * Next line, without its "\n" (and "\r"), NUL-terminated, valid until the
 * next call. Returns 1 with a line, 0 at end of input, -1 on a read error.
 * A line longer than `limit` is skipped to its end and returned with
 * `*too_long` set and `*len` = 0.
 */
int cli_lines_next(cli_lines *r, const char **line, size_t *len, bool *too_long,
                   char *why);

/* True if `path` names a directory. */
bool cli_is_dir(const char *path);

/* True if `path` ends with `suffix` (ASCII case-insensitive). */
bool cli_has_suffix(const char *path, const char *suffix);

/*
 * Append to `out` the regular files in `dir` whose name ends with one of
 * the NULL-terminated `suffixes`, sorted by name (bytewise), skipping
 * hidden files. With `recursive`, sub-directories are visited in the same
 * sorted order as files (depth first).
 */
int cli_list_dir(const char *dir, const char *const *suffixes, bool recursive,
                 cli_strvec *out, char *why);

/* Create directory `path` and its missing parents (like mkdir -p). */
int cli_mkdirs(const char *path, char *why);

/* An output file being written under a temporary name. */
typedef struct cli_outfile {
    char *path; /* final name */
    char *tmp;  /* temporary name in the same directory */
    FILE *fp;
} cli_outfile;

/* Start writing `path` ("DIR/.NAME.XXXXXX" until committed). */
int cli_out_open(cli_outfile *f, const char *path, char *why);

/* Flush, close and rename over `path`. On failure the temp is removed. */
int cli_out_commit(cli_outfile *f, char *why);

/* Close and remove the temporary file; safe after commit or failed open. */
void cli_out_abort(cli_outfile *f);

/* Remove pending temporary files when SIGINT, SIGTERM or SIGHUP arrives. */
void cli_install_signal_cleanup(void);

/* "DIR/NAME" in a new string (free with free()), or NULL if out of memory. */
char *cli_path_join(const char *dir, const char *name);

#endif
