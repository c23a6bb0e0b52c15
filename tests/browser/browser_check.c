/* SPDX-License-Identifier: MIT */
/*
 * tests/browser/browser_check.c - check what headless Chromium made of the
 * views (browser_test.sh ran it on report.html, timeline.svg and
 * relations.svg written by the CLI into WORK/out):
 *
 *  - every page gave a PNG screenshot of the window size (1400x1000) that
 *    is not trivially small (a blank page compresses to ~5 KB);
 *  - nothing reached the console: no "Uncaught ..." from the report's
 *    filter script, no console message at all (our pages log nothing);
 *  - the SVGs parsed (no <parsererror>) and hold one mark per event
 *    (<g id="eN" class="node event...">), the diagram one node per actor
 *    that the legend counts;
 *  - the report's DOM after its script ran: one table row per event of
 *    events.json, both SVGs inline, and the filter's counter filled in by
 *    the script ("N of N events"), which proves the script ran to its end.
 *
 *   browser_check WORK      exit 0 if everything holds, 1 otherwise
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

static int failures;

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "browser_check: FAIL %s%s%s\n", what, detail ? ": " : "",
            detail ? detail : "");
    failures++;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        if (n + 4096 + 1 > cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *p = realloc(buf, ncap);
            if (p == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static size_t count(const char *hay, const char *needle)
{
    size_t k = 0, nl = strlen(needle);
    for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + nl, needle)) {
        k++;
    }
    return k;
}

/* <g id="eN" class="node event..."> : one per event mark */
static size_t count_marks(const char *dom)
{
    size_t k = 0;
    for (const char *p = strstr(dom, "<g id=\"e"); p != NULL; p = strstr(p + 1, "<g id=\"e")) {
        const char *q = p + 8;
        if (*q < '0' || *q > '9') {
            continue;
        }
        while (*q >= '0' && *q <= '9') {
            q++;
        }
        if (strncmp(q, "\" class=\"node event", 19) == 0) {
            k++;
        }
    }
    return k;
}

static void check_png(const char *work, const char *page)
{
    char path[4096];
    size_t len = 0;
    char *png;
    unsigned long w, h;
    snprintf(path, sizeof path, "%s/%s.png", work, page);
    png = slurp(path, &len);
    if (png == NULL || len < 33 || memcmp(png, "\x89PNG\r\n\x1a\n", 8) != 0 ||
        memcmp(png + 12, "IHDR", 4) != 0) {
        fail("no PNG screenshot", path);
        free(png);
        return;
    }
    w = (unsigned long)(unsigned char)png[16] << 24 | (unsigned long)(unsigned char)png[17] << 16 |
        (unsigned long)(unsigned char)png[18] << 8 | (unsigned long)(unsigned char)png[19];
    h = (unsigned long)(unsigned char)png[20] << 24 | (unsigned long)(unsigned char)png[21] << 16 |
        (unsigned long)(unsigned char)png[22] << 8 | (unsigned long)(unsigned char)png[23];
    if (w != 1400 || h != 1000) {
        fail("screenshot is not 1400x1000", path);
    }
    if (len < 20000) {
        fail("screenshot is nearly empty (under 20 KB)", path);
    }
    printf("%s: %lux%lu PNG, %zu bytes\n", page, w, h, len);
    free(png);
}

static char *load_page(const char *work, const char *page)
{
    char path[4096];
    size_t len = 0;
    char *log, *dom;
    snprintf(path, sizeof path, "%s/%s.log", work, page);
    log = slurp(path, &len);
    if (log == NULL) {
        fail("no chromium log", path);
    } else {
        /* console messages: "...:INFO:CONSOLE:1] "Uncaught TypeError: ..."" */
        const char *p = strstr(log, "CONSOLE");
        if (p != NULL || strstr(log, "Uncaught") != NULL) {
            const char *e = p != NULL ? strchr(p, '\n') : NULL;
            char line[400];
            snprintf(line, sizeof line, "%s: %.*s", page,
                     p != NULL ? (int)(e != NULL ? e - p : 300) : 8, p != NULL ? p : "Uncaught");
            fail("console message", line);
        }
        free(log);
    }
    check_png(work, page);
    snprintf(path, sizeof path, "%s/%s.dom", work, page);
    dom = slurp(path, &len);
    if (dom == NULL || len == 0) {
        fail("no DOM dump", path);
        free(dom);
        return NULL;
    }
    if (strstr(dom, "parsererror") != NULL) {
        fail("the browser could not parse the page", page);
    }
    return dom;
}

int main(int argc, char **argv)
{
    char path[4096], want[64];
    json_error_t jerr;
    json_t *root;
    size_t n_events, n_docs;
    char *dom;

    if (argc != 2) {
        fprintf(stderr, "usage: browser_check WORK\n");
        return 2;
    }
    snprintf(path, sizeof path, "%s/out/events.json", argv[1]);
    root = json_load_file(path, 0, &jerr);
    if (root == NULL || !json_is_array(json_object_get(root, "events"))) {
        fprintf(stderr, "browser_check: cannot read %s: %s\n", path, jerr.text);
        return 1;
    }
    n_events = json_array_size(json_object_get(root, "events"));
    n_docs = json_array_size(json_object_get(root, "documents"));
    json_decref(root);
    if (n_events == 0 || n_docs == 0) {
        fail("events.json has no events or no documents", path);
    }

    /* the report, after its script ran */
    dom = load_page(argv[1], "report.html");
    if (dom != NULL) {
        size_t rows = count(dom, "<tr id=\"row-e");
        if (rows != n_events) {
            snprintf(want, sizeof want, "%zu rows, %zu events", rows, n_events);
            fail("report: one table row per event", want);
        }
        if (count(dom, "<svg") != 2 || count(dom, "<script") != 1) {
            fail("report: two inline SVGs and one script", NULL);
        }
        if (count_marks(dom) != n_events) {
            fail("report: one timeline mark per event", NULL);
        }
        snprintf(want, sizeof want, ">%zu of %zu events<", n_events, n_events);
        if (strstr(dom, want) == NULL) {
            fail("report: the filter script did not fill in the counter", want);
        }
        if (strstr(dom, "id=\"view-timeline\"") == NULL ||
            strstr(dom, "id=\"view-relations\"") == NULL || strstr(dom, "id=\"f-text\"") == NULL) {
            fail("report: views and filters present", NULL);
        }
        printf("report.html: %zu rows for %zu events, script ran\n", rows, n_events);
        free(dom);
    }
    dom = load_page(argv[1], "timeline.svg");
    if (dom != NULL) {
        size_t marks = count_marks(dom);
        if (strncmp(dom, "<svg", 4) != 0 && strstr(dom, "<svg xmlns") == NULL) {
            fail("timeline.svg: not shown as an SVG document", NULL);
        }
        if (marks != n_events) {
            snprintf(want, sizeof want, "%zu marks, %zu events", marks, n_events);
            fail("timeline.svg: one mark per event", want);
        }
        printf("timeline.svg: %zu marks\n", marks);
        free(dom);
    }
    dom = load_page(argv[1], "relations.svg");
    if (dom != NULL) {
        size_t actors = count(dom, "class=\"node actor ");
        if (strstr(dom, "<svg xmlns") == NULL || actors == 0) {
            fail("relations.svg: an SVG with actor nodes", NULL);
        }
        printf("relations.svg: %zu actors\n", actors);
        free(dom);
    }
    printf("%d failed\n", failures);
    return failures ? 1 : 0;
}
