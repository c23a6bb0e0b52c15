/* SPDX-License-Identifier: MIT */
/*
 * tests/cli/json_check.c - check the JSON the CLI printed (uses jansson, so
 * the tests need neither python3 nor jq):
 *
 *   json_check lines FILE N   every non-empty line is an annals/1 object holding
 *                             exactly one document; there are N lines (N = -1:
 *                             any). Prints each document's "source" and "id".
 *   json_check object FILE    FILE is one annals/1 object; prints
 *                             "documents D events E entities A".
 *
 * Exits 0 if the check holds, 1 with a message on stderr if not.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

static int check_schema(json_t *root, const char *where)
{
    json_t *schema = json_object_get(root, "schema");
    if (!json_is_object(root)) {
        fprintf(stderr, "%s: not a JSON object\n", where);
        return 1;
    }
    if (!json_is_string(schema) || strcmp(json_string_value(schema), "annals/1") != 0) {
        fprintf(stderr, "%s: \"schema\" is not \"annals/1\"\n", where);
        return 1;
    }
    if (!json_is_array(json_object_get(root, "documents")) ||
        !json_is_array(json_object_get(root, "events")) ||
        !json_is_array(json_object_get(root, "entities"))) {
        fprintf(stderr, "%s: missing documents/events/entities arrays\n", where);
        return 1;
    }
    return 0;
}

static int check_lines(const char *path, long want)
{
    FILE *fp = fopen(path, "rb");
    char *line = NULL;
    size_t cap = 0;
    long n = 0, lineno = 0;
    int bad = 0;
    ssize_t len;
    if (fp == NULL) {
        perror(path);
        return 1;
    }
    while ((len = getline(&line, &cap, fp)) >= 0) {
        json_error_t err;
        json_t *root;
        char where[64];
        lineno++;
        if (len == 0 || (len == 1 && line[0] == '\n')) {
            continue;
        }
        if (line[len - 1] != '\n') {
            fprintf(stderr, "%s:%ld: last line does not end with a newline\n", path,
                    lineno);
            bad = 1;
        }
        snprintf(where, sizeof where, "line %ld", lineno);
        root = json_loadb(line, (size_t)len, 0, &err);
        if (root == NULL) {
            fprintf(stderr, "%s:%ld: invalid JSON: %s\n", path, lineno, err.text);
            bad = 1;
            continue;
        }
        if (check_schema(root, where) == 0) {
            json_t *docs = json_object_get(root, "documents");
            if (json_array_size(docs) != 1) {
                fprintf(stderr, "%s: %zu documents, want 1\n", where,
                        json_array_size(docs));
                bad = 1;
            } else {
                json_t *d = json_array_get(docs, 0);
                const char *src = json_string_value(json_object_get(d, "source"));
                /* The caller's id ("input_id") when the corpus renumbered it. */
                const char *id = json_string_value(json_object_get(d, "input_id"));
                if (id == NULL) {
                    id = json_string_value(json_object_get(d, "id"));
                }
                printf("%s %s\n", src ? src : "(null)", id ? id : "(null)");
            }
        } else {
            bad = 1;
        }
        json_decref(root);
        n++;
    }
    free(line);
    fclose(fp);
    if (want >= 0 && n != want) {
        fprintf(stderr, "%s: %ld JSON lines, want %ld\n", path, n, want);
        bad = 1;
    }
    return bad;
}

static int check_object(const char *path)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    int bad;
    if (root == NULL) {
        fprintf(stderr, "%s:%d: invalid JSON: %s\n", path, err.line, err.text);
        return 1;
    }
    bad = check_schema(root, path);
    if (!bad) {
        printf("documents %zu events %zu entities %zu\n",
               json_array_size(json_object_get(root, "documents")),
               json_array_size(json_object_get(root, "events")),
               json_array_size(json_object_get(root, "entities")));
    }
    json_decref(root);
    return bad;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "lines") == 0) {
        return check_lines(argv[2], atol(argv[3]));
    }
    if (argc >= 3 && strcmp(argv[1], "object") == 0) {
        return check_object(argv[2]);
    }
    fprintf(stderr, "usage: json_check lines FILE N | json_check object FILE\n");
    return 2;
}
