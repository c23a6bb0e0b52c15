/* SPDX-License-Identifier: MIT */
/*
 * tests/cli/gen_input.c - write the hostile inputs of the CLI tests at test
 * time (so no binary or 50 MB file is kept in the repository):
 *
 *   gen_input invalid-utf8 FILE    a sentence with 0xFF 0xFE at offset 12
 *   gen_input invalid-utf8-jsonl FILE  the same bytes inside the second JSONL record
 *   gen_input nul FILE             a sentence with a NUL byte at offset 12
 *   gen_input empty FILE           zero bytes
 *   gen_input blank FILE           only spaces and newlines
 *   gen_input bigline FILE MB      one line of MB mebibytes of words, no newline
 *   gen_input bigline-jsonl FILE MB  one JSONL record whose text is MB mebibytes
 *   gen_input malformed-jsonl FILE good, broken, good, no "text", not an object, good
 *   gen_input records-jsonl FILE   three good records, one with an escaped NUL
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Filler for the huge line: lower-case words, no sentence end, no names. */
static const char SENTENCE[] = "the quick brown fox jumps over the lazy dog and runs on ";

static int write_bytes(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (fp == NULL) {
        perror(path);
        return 1;
    }
    if (len > 0 && fwrite(data, 1, len, fp) != len) {
        perror(path);
        fclose(fp);
        return 1;
    }
    return fclose(fp) == 0 ? 0 : 1;
}

static int write_big(const char *path, long mb, const char *head, const char *tail)
{
    size_t target = (size_t)mb * 1024u * 1024u;
    size_t n = 0, unit = strlen(SENTENCE);
    FILE *fp = fopen(path, "wb");
    if (fp == NULL) {
        perror(path);
        return 1;
    }
    fputs(head, fp);
    while (n + unit <= target) {
        fwrite(SENTENCE, 1, unit, fp);
        n += unit;
    }
    fputs(tail, fp);
    return fclose(fp) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *kind, *path;
    if (argc < 3) {
        fprintf(stderr, "usage: gen_input KIND FILE [MB]\n");
        return 2;
    }
    kind = argv[1];
    path = argv[2];
    if (strcmp(kind, "invalid-utf8") == 0) {
        static const char d[] = "Kenya said: \xFF\xFE the minister met the president.\n";
        return write_bytes(path, d, sizeof d - 1);
    }
    if (strcmp(kind, "invalid-utf8-jsonl") == 0) {
        static const char d[] = "{\"id\":\"a\",\"text\":\"ok\"}\n"
                                "{\"id\":\"b\",\"text\":\"Kenya said: \xFF\xFE the "
                                "minister met the president.\"}\n";
        return write_bytes(path, d, sizeof d - 1);
    }
    if (strcmp(kind, "nul") == 0) {
        static const char d[] = "Kenya said: \0 the minister met the president.\n";
        return write_bytes(path, d, sizeof d - 1);
    }
    if (strcmp(kind, "empty") == 0) {
        return write_bytes(path, "", 0);
    }
    if (strcmp(kind, "blank") == 0) {
        return write_bytes(path, "  \n\n \t\n", 7);
    }
    if (strcmp(kind, "bigline") == 0 && argc > 3) {
        return write_big(path, atol(argv[3]), "", "");
    }
    if (strcmp(kind, "bigline-jsonl") == 0 && argc > 3) {
        return write_big(path, atol(argv[3]), "{\"id\":\"big\",\"text\":\"", "\"}\n");
    }
    if (strcmp(kind, "malformed-jsonl") == 0) {
        static const char d[] =
            "{\"id\":\"ok1\",\"text\":\"The minister met the president on Monday.\"}\n"
            "{\"id\":\"broken\",\"text\":\"unterminated}\n"
            "{\"id\":\"ok2\",\"text\":\"Troops attacked the "
            "town.\",\"date\":\"2024-02-06\"}\n"
            "{\"id\":\"notext\",\"title\":\"no text here\"}\n"
            "[\"not\",\"an\",\"object\"]\n"
            "\n"
            "{\"id\":\"ok3\",\"text\":\"The envoy arrived in Cairo.\",\"url\":null}\n";
        return write_bytes(path, d, sizeof d - 1);
    }
    if (strcmp(kind, "records-jsonl") == 0) {
        static const char d[] =
            "{\"id\":\"r1\",\"text\":\"CAIRO, Feb 6 (annals) - The minister met the "
            "president on Tuesday.\",\"date\":\"2024-02-06\",\"title\":\"A \\u00e9 t\"}\n"
            "{\"text\":\"Troops attacked the town on Sunday.\\nA second line.\","
            "\"nested\":{\"a\":[1,2.5e3,true,null,{\"b\":\"\\ud83d\\ude00\"}]}}\n"
            "{\"id\":3,\"text\":\"An escaped \\u0000 NUL inside.\"}\n";
        return write_bytes(path, d, sizeof d - 1);
    }
    fprintf(stderr, "gen_input: unknown kind '%s'\n", kind);
    return 2;
}
