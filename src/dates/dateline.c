/* SPDX-License-Identifier: MIT */
/*
 * dates/dateline.c - the document date from a dateline, and the choice
 * between news and narrative behaviour.
 *
 * A dateline is a full month-and-day date near the start of one of the
 * first sentences, either after a place ("CAIRO, Feb 6 (Reuters) -",
 * "WASHINGTON, March 3, 2024 —") or on a short line of its own
 * ("Feb 6, 2024", "Published Tuesday 6 February 2024"). Without a year the
 * date is used only when a year is stated nearby; otherwise the DCT stays
 * unset and a warning says why: the year is never guessed.
 */
#include "dates/dates_int.h"

#include <stdio.h>
#include <string.h>

#define DATELINE_SENTENCES 4
#define DATELINE_LEAD 12     /* tokens from the sentence start */
#define YEAR_WINDOW 2000     /* bytes searched for a year */

static const char *const lead_words[] = {"published", "updated", "posted", "last",
                                         "on", "date", "dated", "filed", NULL};

static bool lead_ok(const annals_doc *doc, size_t b, size_t i, bool *place)
{
    /* Tokens before the date: a place in capitals then a comma, or a label. */
    bool caps = false;
    *place = false;
    for (size_t k = b; k < i; k++) {
        const annals__token *t = ANNALS__TOK(doc, k);
        bool label = false;
        for (size_t w = 0; lead_words[w] != NULL; w++) {
            if (annals__tok_is(doc, k, lead_words[w])) {
                label = true;
            }
        }
        if (label) {
            continue;
        }
        if (t->flags & ANNALS_TOK_CAP) {
            caps = true;
            continue;
        }
        if ((t->flags & ANNALS_TOK_PUNCT) &&
            (doc->text[t->start] == ',' || doc->text[t->start] == ':' ||
             doc->text[t->start] == '|' || (t->flags & ANNALS_TOK_DASH))) {
            if (doc->text[t->start] == ',' && caps) {
                *place = true;
            }
            continue;
        }
        return false;
    }
    return true;
}

static bool find_year(const annals_doc *doc, int *year)
{
    for (size_t k = 0; k < doc->tokens.n; k++) {
        const annals__token *t = ANNALS__TOK(doc, k);
        if (t->start > YEAR_WINDOW) {
            break;
        }
        if ((t->flags & ANNALS_TOK_NUMBER) && t->end - t->start == 4) {
            const char *s = doc->text + t->start;
            int y = 0;
            bool ok = true;
            for (int q = 0; q < 4; q++) {
                if (s[q] < '0' || s[q] > '9') {
                    ok = false;
                    break;
                }
                y = y * 10 + (s[q] - '0');
            }
            if (ok && y >= 1900 && y <= 2100) {
                *year = y;
                return true;
            }
        }
    }
    return false;
}

static annals_status read_dateline(annals_doc *doc, const dates_lex *lx, annals_error *err)
{
    for (size_t si = 0; si < doc->sentences.n && si < DATELINE_SENTENCES; si++) {
        annals__sentence *s = ANNALS__SENT(doc, si);
        size_t end = s->tok_begin + DATELINE_LEAD < s->tok_end ? s->tok_begin + DATELINE_LEAD
                                                              : s->tok_end;
        for (size_t i = s->tok_begin; i < end; i++) {
            dproto p;
            size_t e = dates__match_at(doc, lx, i, &p);
            if (e == 0) {
                continue;
            }
            if (p.kind != PK_CAL || p.m == 0 || p.d <= 0) {
                i = e - 1;
                continue;
            }
            bool place;
            if (!lead_ok(doc, s->tok_begin, i, &place)) {
                break;
            }
            /* after the date: "(Reuters)", a dash, the end of the line, or a time */
            bool short_line = s->tok_end - s->tok_begin <= 14;
            bool tail = e >= s->tok_end;
            if (!tail) {
                const annals__token *t = ANNALS__TOK(doc, e);
                char c = doc->text[t->start];
                tail = (t->flags & ANNALS_TOK_DASH) || c == '(' || c == '-' || c == '/' ||
                       c == '|' || (t->flags & ANNALS_TOK_NUMBER);
            }
            if (!(place && tail) && !short_line) {
                break;
            }
            int y = p.y == Y_NONE ? 0 : (int)p.y;
            if (p.y == Y_NONE && !find_year(doc, &y)) {
                return annals__warn(doc, ANNALS__TOK(doc, i)->start,
                                    "dateline without a year: document date left unset");
            }
            if (y < 1 || p.d > annals__days_in_month(y, p.m)) {
                return ANNALS_OK;
            }
            doc->dct_day = annals__days_from_civil(y, p.m, p.d);
            annals__format_day(doc->dct_day, doc->dct);
            doc->date_source = ANNALS_DATE_DATELINE;
            s->flags |= ANNALS_SENT_DATELINE;
            return ANNALS_OK;
        }
    }
    (void)err;
    return ANNALS_OK;
}

/* News or narrative: many explicit past years and few DCT-relative words
 * make a history. */
static void decide_narrative(annals_doc *doc, const dates_lex *lx)
{
    if (doc->narrative) {
        return; /* forced by ANNALS_OPT_NARRATIVE */
    }
    if (doc->dct[0] == '\0') {
        doc->narrative = true;
        return;
    }
    int dy = 0, dm = 0, dd = 0;
    annals__civil_from_days(doc->dct_day, &dy, &dm, &dd);
    size_t past_years = 0, deictic = 0;
    for (size_t i = 0; i < doc->tokens.n; i++) {
        const annals__token *t = ANNALS__TOK(doc, i);
        if (t->flags & ANNALS_TOK_NUMBER) {
            if (t->end - t->start == 4) {
                dtok d;
                dates__classify(lx, doc, i, &d);
                if (d.num >= 1000 && d.num < dy - 2) {
                    past_years++;
                }
            }
            continue;
        }
        if (!(t->flags & ANNALS_TOK_WORD) || t->end - t->start > 9 ||
            t->end - t->start < 3) {
            continue;
        }
        dtok d;
        dates__classify(lx, doc, i, &d);
        if (d.cls == DC_DEICT || (d.cls == DC_WEEKDAY && !(d.flags & DF_PLURAL)) ||
            d.cls == DC_AGO) {
            deictic++;
        }
    }
    doc->narrative = past_years >= 6 && past_years >= 4 * (deictic + 1);
}

annals_status annals__dateline(annals_doc *doc, annals_error *err)
{
    dates_lex local;
    const dates_lex *lx = dates__lex_get(doc, &local);
    annals_status rc = ANNALS_OK;
    if (doc->date_source == ANNALS_DATE_NONE && doc->dct[0] == '\0') {
        rc = read_dateline(doc, lx, err);
        if (rc < 0) {
            return annals__error(err, rc, ANNALS_STAGE_DATES, 0, "out of memory");
        }
    }
    decide_narrative(doc, lx);
    return ANNALS_OK;
}
