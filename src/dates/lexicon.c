/* SPDX-License-Identifier: MIT */
/*
 * dates/lexicon.c - the word tables of the dates stage and the token
 * classifier. Every rule in recognise.c works on the classes assigned here,
 * so adding a word (a month abbreviation, a number word) is one table line.
 */
#include "dates/dates_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct dword {
    const char *w;
    uint8_t cls;
    int8_t val;
    uint8_t flags; /* DF_PLURAL; DF_CAP = only when capitalised */
} dword;

/* Months: full names and abbreviations ("Sept." is looked up as "sept"). */
#define MONTHS(X)                                                                        \
    X("january", 1, 0) X("jan", 1, DF_CAP | DF_ABBR) X("february", 2, 0)                 \
    X("feb", 2, DF_CAP | DF_ABBR) X("march", 3, DF_CAP) X("mar", 3, DF_CAP | DF_ABBR)    \
    X("april", 4, DF_CAP) X("apr", 4, DF_CAP | DF_ABBR) X("may", 5, DF_CAP)              \
    X("june", 6, DF_CAP) X("jun", 6, DF_CAP | DF_ABBR) X("july", 7, 0)                   \
    X("jul", 7, DF_CAP | DF_ABBR) X("august", 8, DF_CAP) X("aug", 8, DF_CAP | DF_ABBR)   \
    X("september", 9, 0) X("sep", 9, DF_CAP | DF_ABBR) X("sept", 9, DF_CAP | DF_ABBR)    \
    X("october", 10, 0) X("oct", 10, DF_CAP | DF_ABBR) X("november", 11, 0)              \
    X("nov", 11, DF_CAP | DF_ABBR) X("december", 12, 0) X("dec", 12, DF_CAP | DF_ABBR)

#define WEEKDAYS(X)                                                                      \
    X("monday", 0, 0) X("mon", 0, DF_CAP | DF_ABBR) X("tuesday", 1, 0)                   \
    X("tue", 1, DF_CAP | DF_ABBR) X("tues", 1, DF_CAP | DF_ABBR) X("wednesday", 2, 0)    \
    X("wed", 2, DF_CAP | DF_ABBR) X("thursday", 3, 0) X("thu", 3, DF_CAP | DF_ABBR)      \
    X("thur", 3, DF_CAP | DF_ABBR) X("thurs", 3, DF_CAP | DF_ABBR) X("friday", 4, 0)     \
    X("fri", 4, DF_CAP | DF_ABBR) X("saturday", 5, 0) X("sat", 5, DF_CAP | DF_ABBR)      \
    X("sunday", 6, 0) X("sun", 6, DF_CAP | DF_ABBR) X("mondays", 0, DF_PLURAL)           \
    X("tuesdays", 1, DF_PLURAL) X("wednesdays", 2, DF_PLURAL)                            \
    X("thursdays", 3, DF_PLURAL) X("fridays", 4, DF_PLURAL) X("saturdays", 5, DF_PLURAL) \
    X("sundays", 6, DF_PLURAL)

#define UNITS(X)                                                                         \
    X("second", DU_SECOND, 0) X("seconds", DU_SECOND, DF_PLURAL)                         \
    X("minute", DU_MINUTE, 0) X("minutes", DU_MINUTE, DF_PLURAL)                         \
    X("hour", DU_HOUR, 0) X("hours", DU_HOUR, DF_PLURAL) X("day", DU_DAY, 0)             \
    X("days", DU_DAY, DF_PLURAL) X("night", DU_NIGHT, 0) X("nights", DU_NIGHT, DF_PLURAL) \
    X("weekend", DU_WEEKEND, 0) X("weekends", DU_WEEKEND, DF_PLURAL)                      \
    X("week", DU_WEEK, 0) X("weeks", DU_WEEK, DF_PLURAL) X("fortnight", DU_FORTNIGHT, 0) \
    X("month", DU_MONTH, 0) X("months", DU_MONTH, DF_PLURAL)                             \
    X("quarter", DU_QUARTER, 0) X("quarters", DU_QUARTER, DF_PLURAL)                     \
    X("year", DU_YEAR, 0) X("years", DU_YEAR, DF_PLURAL) X("decade", DU_DECADE, 0)       \
    X("decades", DU_DECADE, DF_PLURAL) X("century", DU_CENTURY, 0)                       \
    X("centuries", DU_CENTURY, DF_PLURAL) X("millennium", DU_MILLENNIUM, 0)              \
    X("season", DU_SEASON, 0) X("hrs", DU_HOUR, DF_PLURAL) X("yrs", DU_YEAR, DF_PLURAL)

#define SEASONS(X)                                                                       \
    X("spring", 1, 0) X("summer", 2, 0) X("autumn", 3, 0) X("fall", 3, 0) X("winter", 4, 0) \
    X("springtime", 1, 0) X("summertime", 2, 0) X("wintertime", 4, 0)

#define NUMBER_WORDS(X)                                                                  \
    X("one", 1, 0) X("two", 2, 0) X("three", 3, 0) X("four", 4, 0) X("five", 5, 0)       \
    X("six", 6, 0) X("seven", 7, 0) X("eight", 8, 0) X("nine", 9, 0) X("ten", 10, 0)     \
    X("eleven", 11, 0) X("twelve", 12, 0) X("thirteen", 13, 0) X("fourteen", 14, 0)      \
    X("fifteen", 15, 0) X("sixteen", 16, 0) X("seventeen", 17, 0) X("eighteen", 18, 0)   \
    X("nineteen", 19, 0) X("twenty", 20, 0) X("thirty", 30, 0) X("forty", 40, 0)         \
    X("fifty", 50, 0) X("sixty", 60, 0) X("seventy", 70, 0) X("eighty", 80, 0)           \
    X("ninety", 90, 0) X("hundred", 100, 0) X("dozen", 12, 0) X("few", -1, 0)            \
    X("several", -1, 0) X("many", -1, 0) X("couple", 2, 0) X("some", -2, 0)

#define ORDINAL_WORDS(X)                                                                 \
    X("first", 1, 0) X("second", 2, 0) X("third", 3, 0) X("fourth", 4, 0)               \
    X("fifth", 5, 0) X("sixth", 6, 0) X("seventh", 7, 0) X("eighth", 8, 0)               \
    X("ninth", 9, 0) X("tenth", 10, 0) X("eleventh", 11, 0) X("twelfth", 12, 0)          \
    X("thirteenth", 13, 0) X("fourteenth", 14, 0) X("fifteenth", 15, 0)                  \
    X("sixteenth", 16, 0) X("seventeenth", 17, 0) X("eighteenth", 18, 0)                 \
    X("nineteenth", 19, 0) X("twentieth", 20, 0) X("thirtieth", 30, 0)                   \
    X("twenty-first", 21, 0) X("twenty-second", 22, 0) X("twenty-third", 23, 0)          \
    X("twenty-fourth", 24, 0) X("twenty-fifth", 25, 0) X("twenty-sixth", 26, 0)          \
    X("twenty-seventh", 27, 0) X("twenty-eighth", 28, 0) X("twenty-ninth", 29, 0)        \
    X("thirty-first", 31, 0) X("final", 9, 0)

#define PARTS(X)                                                                         \
    X("morning", DP_MO, 0) X("afternoon", DP_AF, 0) X("evening", DP_EV, 0)               \
    X("night", DP_NI, 0) X("overnight", DP_NI, 0) X("daytime", DP_DT, 0)                 \
    X("mornings", DP_MO, DF_PLURAL) X("evenings", DP_EV, DF_PLURAL)                      \
    X("afternoons", DP_AF, DF_PLURAL)

#define DEICTIC(X) X("today", 0, 0) X("yesterday", -1, 0) X("tomorrow", 1, 0) X("tonight", 2, 0)

#define REF_WORDS(X)                                                                     \
    X("now", DR_PRESENT, 0) X("currently", DR_PRESENT, 0)                                \
    X("nowadays", DR_PRESENT, 0) X("recently", DR_PAST, 0) X("lately", DR_PAST, 0)       \
    X("meanwhile", 0, 0)

#define REL_WORDS(X)                                                                     \
    X("last", DREL_LAST, 0) X("next", DREL_NEXT, 0) X("this", DREL_THIS, 0)              \
    X("coming", DREL_COMING, 0) X("upcoming", DREL_COMING, 0) X("past", DREL_PAST, 0)    \
    X("previous", DREL_PREVIOUS, 0) X("prior", DREL_PREVIOUS, 0)                         \
    X("preceding", DREL_PREVIOUS, 0) X("following", DREL_FOLLOWING, 0)                   \
    X("same", DREL_SAME, 0) X("that", DREL_THAT, 0) X("current", DREL_CURRENT, 0)        \
    X("latest", DREL_LATEST, 0) X("recent", DREL_RECENT, 0) X("these", DREL_THESE, 0)

#define POS_WORDS(X)                                                                     \
    X("early", DM_START, 0) X("mid", DM_MID, 0) X("middle", DM_MID, 0)                   \
    X("late", DM_END, 0) X("end", DM_END, 0) X("beginning", DM_START, 0)                 \
    X("start", DM_START, 0) X("dawn", DM_START, 0)                                       \
    X("latter", DM_END, 0)

#define APPROX_WORDS(X)                                                                  \
    X("about", DM_APPROX, 0) X("around", DM_APPROX, 0) X("roughly", DM_APPROX, 0)        \
    X("approximately", DM_APPROX, 0) X("nearly", DM_APPROX, 0) X("almost", DM_APPROX, 0) \
    X("some", DM_APPROX, 0) X("over", DM_MORE, 0) X("more", DM_MORE, 0)                  \
    X("less", DM_LESS, 0) X("fewer", DM_LESS, 0) X("under", DM_LESS, 0)                  \
    X("up", DM_UPTO, 0)                                                                  \
    X("least", DM_EQ_MORE, 0) X("most", DM_EQ_LESS, 0)

#define SET_WORDS(X)                                                                     \
    X("daily", DU_DAY, 0) X("weekly", DU_WEEK, 0) X("monthly", DU_MONTH, 0)              \
    X("annually", DU_YEAR, 0) X("yearly", DU_YEAR, 0)                                    \
    X("hourly", DU_HOUR, 0) X("nightly", DU_NIGHT, 0) X("annual", DU_YEAR, 0)

/* Single-purpose words: class and value. */
#define MISC_WORDS(X)                                                                    \
    X("every", DC_EVERY, 0) X("each", DC_EVERY, 0) X("per", DC_EVERY, 0)                 \
    X("the", DC_THE, 0) X("a", DC_A, 1) X("an", DC_A, 1) X("of", DC_OF, 0)               \
    X("ago", DC_AGO, 0) X("later", DC_DIR, 1) X("earlier", DC_DIR, -1)                   \
    X("before", DC_DIR, -2) X("after", DC_DIR, 2) X("afterwards", DC_DIR, 3)             \
    X("afterward", DC_DIR, 3) X("hence", DC_DIR, 4) X("half", DC_HALF, 0)                \
    X("fiscal", DC_FISCAL, 0) X("am", DC_AMPM, 0) X("pm", DC_AMPM, 1)                    \
    X("noon", DC_NOON, 12) X("midday", DC_NOON, 12) X("midnight", DC_NOON, 0)            \
    X("bc", DC_BC, 1) X("bce", DC_BC, 1) X("ad", DC_BC, 0) X("ce", DC_BC, 0)             \
    X("est", DC_TZ, 0) X("edt", DC_TZ, 0) X("gmt", DC_TZ, 0) X("utc", DC_TZ, 0)          \
    X("cst", DC_TZ, 0) X("cdt", DC_TZ, 0) X("pst", DC_TZ, 0) X("pdt", DC_TZ, 0)          \
    X("et", DC_TZ, 0) X("bst", DC_TZ, 0) X("cet", DC_TZ, 0) X("than", DC_THAN, 0)        \
    X("at", DC_AT, 0) X("to", DC_TO, 0) X("from", DC_FROM, 0) X("present", DC_PRESENT, 0) \
    X("future", DC_FUTURE, 0) X("o'clock", DC_OCLOCK, 0) X("long", DC_LONG, 0)          \
    X("christmas", DC_HOLIDAY, 0) X("thanksgiving", DC_HOLIDAY, 1)                       \
    X("halloween", DC_HOLIDAY, 2) X("twenties", DC_DECADEW, 2)                            \
    X("thirties", DC_DECADEW, 3) X("forties", DC_DECADEW, 4) X("fifties", DC_DECADEW, 5)  \
    X("sixties", DC_DECADEW, 6) X("seventies", DC_DECADEW, 7) X("eighties", DC_DECADEW, 8) \
    X("nineties", DC_DECADEW, 9)

/* Holidays: name (the first word), fixed month/day or nth weekday. */
const dates_holiday dates__holidays[] = {
    {"christmas", 12, 25, 0, 0},
    {"thanksgiving", 11, 0, 3, 4},
    {"halloween", 10, 31, 0, 0},
    {NULL, 0, 0, 0, 0},
};

#define W(cls, w, v, f) {w, cls, (int8_t)(v), (uint8_t)(f)},
#define W_MONTH(w, v, f) W(DC_MONTH, w, v, f)
#define W_WEEKDAY(w, v, f) W(DC_WEEKDAY, w, v, f)
#define W_UNIT(w, v, f) W(DC_UNIT, w, v, f)
#define W_SEASON(w, v, f) W(DC_SEASON, w, v, f)
#define W_NUMW(w, v, f) W(DC_NUMW, w, v, f)
#define W_ORDW(w, v, f) W(DC_ORDW, w, v, f)
#define W_PART(w, v, f) W(DC_PART, w, v, f)
#define W_DEICT(w, v, f) W(DC_DEICT, w, v, f)
#define W_REFW(w, v, f) W(DC_REFW, w, v, f)
#define W_REL(w, v, f) W(DC_REL, w, v, f)
#define W_POS(w, v, f) W(DC_POS, w, v, f)
#define W_APPROX(w, v, f) W(DC_APPROX, w, v, f)
#define W_SET(w, v, f) W(DC_SETW, w, v, f)
#define W_MISC(w, cls, v) W(cls, w, v, 0)

/* Order matters only for duplicates: the first entry of a word wins, so
 * words with two roles ("second", "night", "some", "later") are resolved
 * by the rules looking at the class they get here. */
static const dword words[] = {
    MONTHS(W_MONTH) WEEKDAYS(W_WEEKDAY) SEASONS(W_SEASON) DEICTIC(W_DEICT)
    REF_WORDS(W_REFW) REL_WORDS(W_REL) ORDINAL_WORDS(W_ORDW) UNITS(W_UNIT)
    PARTS(W_PART) NUMBER_WORDS(W_NUMW) POS_WORDS(W_POS) APPROX_WORDS(W_APPROX)
    SET_WORDS(W_SET) MISC_WORDS(W_MISC)
    {NULL, 0, 0, 0}
};

/* FNV-1a step; the classifier hashes while it lower-cases. */
#define LEX_FNV_INIT 2166136261u
#define LEX_FNV(h, c) (((h) ^ (unsigned char)(c)) * 16777619u)

static uint32_t lex_hash(const char *s, size_t len)
{
    uint32_t h = LEX_FNV_INIT;
    for (size_t i = 0; i < len; i++) {
        h = LEX_FNV(h, s[i]);
    }
    return h;
}

/* Pre-filter key of a word: its first two bytes (a-z, anything else 26). */
static unsigned letter_index(unsigned char c)
{
    c = (unsigned char)(c | 0x20u);
    return c >= 'a' && c <= 'z' ? (unsigned)(c - 'a') : 26u;
}

void dates__lex_build(dates_lex *lx)
{
    memset(lx, 0, sizeof *lx);
    for (size_t i = 0; words[i].w != NULL; i++) {
        size_t len = strlen(words[i].w);
        unsigned key = letter_index((unsigned char)words[i].w[0]) * 27u +
                       (len > 1 ? letter_index((unsigned char)words[i].w[1]) : 26u);
        if (len < 16) {
            lx->lenmask[key] |= (uint16_t)(1u << len);
        }
        uint32_t full = lex_hash(words[i].w, len);
        uint32_t h = full & (DATES_LEX_SLOTS - 1u);
        bool dup = false;
        while (lx->slot[h] != 0) {
            if (strcmp(words[lx->slot[h] - 1u].w, words[i].w) == 0) {
                dup = true;
                break;
            }
            h = (h + 1u) & (DATES_LEX_SLOTS - 1u);
        }
        if (!dup) {
            lx->slot[h] = (uint16_t)(i + 1u);
            lx->hash[h] = full;
        }
    }
}

annals_status annals__date_lex_new(struct annals__date_lex **out, annals_error *err)
{
    dates_lex *lx = malloc(sizeof *lx);
    *out = NULL;
    if (lx == NULL) {
        return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_DATES, ANNALS_NO_OFFSET,
                             "out of memory");
    }
    dates__lex_build(lx);
    *out = lx;
    return ANNALS_OK;
}

void annals__date_lex_free(struct annals__date_lex *lex)
{
    free(lex);
}

const dates_lex *dates__lex_get(const annals_doc *doc, dates_lex *local)
{
    if (doc->ctx != NULL && doc->ctx->dates != NULL) {
        return doc->ctx->dates;
    }
    dates__lex_build(local);
    return local;
}

/* Probe with a precomputed full hash of the lower-cased word. */
static bool lex_probe(const dates_lex *lx, uint32_t full, const char *w, size_t len, dtok *out,
                      bool cap)
{
    uint32_t h = full & (DATES_LEX_SLOTS - 1u);
    while (lx->slot[h] != 0) {
        if (lx->hash[h] == full) {
            const dword *e = &words[lx->slot[h] - 1u];
            size_t k = 0;
            while (k < len && e->w[k] == w[k]) {
                k++;
            }
            if (k == len && e->w[len] == '\0') {
                if ((e->flags & DF_CAP) && !cap) {
                    return false;
                }
                out->cls = e->cls;
                out->val = e->val;
                out->flags = (uint8_t)(e->flags & (DF_PLURAL | DF_ABBR));
                if (cap) {
                    out->flags |= DF_CAP;
                }
                return true;
            }
        }
        h = (h + 1u) & (DATES_LEX_SLOTS - 1u);
    }
    return false;
}

bool dates__lex_find(const dates_lex *lx, const char *w, size_t len, dtok *out, bool cap)
{
    return lex_probe(lx, lex_hash(w, len), w, len, out, cap);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

void dates__classify(const dates_lex *lx, const annals_doc *doc, size_t i, dtok *out)
{
    const annals__token *t = ANNALS__TOK(doc, i);
    const char *s = doc->text + t->start;
    size_t len = t->end - t->start;
    memset(out, 0, sizeof *out);
    if ((len == 1 && s[0] == '\'') || (len == 3 && memcmp(s, "\xe2\x80\x99", 3) == 0)) {
        out->flags = DF_APOS; /* "'90s" */
        return;
    }
    if (t->flags & ANNALS_TOK_NUMBER) {
        int64_t v = 0;
        unsigned nd = 0;
        bool comma = false, other = false;
        for (size_t k = 0; k < len; k++) {
            if (is_digit(s[k])) {
                if (v < 100000000) {
                    v = v * 10 + (s[k] - '0');
                }
                nd++;
            } else if (s[k] == ',') {
                comma = true;
            } else {
                other = true;
            }
        }
        out->cls = DC_NUM;
        out->num = (int32_t)v;
        out->ndig = (uint8_t)(nd > 200 ? 200 : nd);
        out->flags = (uint8_t)((comma ? DF_COMMA : 0) | (other ? DF_DECIMAL : 0));
        return;
    }
    if (t->flags & ANNALS_TOK_PUNCT) {
        if (len == 1 && s[0] == ',') {
            out->cls = DC_COMMA;
        }
        return;
    }
    if (t->flags & ANNALS_TOK_POSSESSIVE) {
        out->cls = DC_POSS;
        return;
    }
    if (!(t->flags & ANNALS_TOK_WORD)) {
        return;
    }
    if (t->flags & ANNALS_TOK_ALNUM && !(t->flags & ANNALS_TOK_HYPHEN)) {
        /* "7th", "1990s", "10am" */
        size_t k = 0;
        int64_t v = 0;
        while (k < len && is_digit(s[k])) {
            if (v < 100000000) {
                v = v * 10 + (s[k] - '0');
            }
            k++;
        }
        if (k == 0 || k > 9) {
            out->cls = DC_WORD;
            if (len == 2 && ((s[0] == 'Q' && s[1] >= '1' && s[1] <= '4') ||
                             (s[0] == 'H' && s[1] >= '1' && s[1] <= '2'))) {
                out->flags = DF_QTOK; /* "Q3", "H1" */
            }
            return;
        }
        const char *suf = s + k;
        size_t sl = len - k;
        char buf[4];
        if (sl == 2) {
            buf[0] = (char)(suf[0] | 0x20);
            buf[1] = (char)(suf[1] | 0x20);
            if ((buf[0] == 's' && buf[1] == 't') || (buf[0] == 'n' && buf[1] == 'd') ||
                (buf[0] == 'r' && buf[1] == 'd') || (buf[0] == 't' && buf[1] == 'h')) {
                out->cls = DC_ORDNUM;
                out->num = (int32_t)v;
                out->ndig = (uint8_t)k;
                return;
            }
            if (buf[1] == 'm' && (buf[0] == 'a' || buf[0] == 'p')) {
                out->cls = DC_NUM;
                out->num = (int32_t)v;
                out->ndig = (uint8_t)k;
                out->val = (int8_t)(buf[0] == 'p' ? 2 : 1); /* attached am/pm */
                return;
            }
        }
        if (sl == 1 && (suf[0] == 's' || suf[0] == 'S') && (k == 4 || k == 2) && v % 10 == 0) {
            out->cls = DC_DECADE;
            out->num = (int32_t)v;
            out->ndig = (uint8_t)k;
            return;
        }
        out->cls = DC_WORD;
        return;
    }
    if (t->flags & ANNALS_TOK_HYPHEN) {
        out->cls = DC_HYPH;
        return;
    }
    /* A word: lower-case and hash in one pass, dropping periods ("Feb." ->
     * feb, "p.m." -> pm); most words miss on an empty slot. */
    if (len > 15) {
        out->cls = DC_WORD;
        out->flags = (t->flags & ANNALS_TOK_CAP) ? DF_CAP : 0;
        return;
    }
    /* Pre-filter: first two letters and the length without a final period
     * rule out most words with one table read ("p.m.", "o'clock" go on). */
    {
        size_t plen = len - (len > 1 && s[len - 1] == '.' ? 1u : 0u);
        unsigned key = letter_index((unsigned char)s[0]) * 27u +
                       (plen > 1 ? letter_index((unsigned char)s[1]) : 26u);
        if ((plen < 2 || s[1] != '.') && !(lx->lenmask[key] & (1u << plen))) {
            out->cls = DC_WORD;
            out->flags = (t->flags & ANNALS_TOK_CAP) ? DF_CAP : 0;
            return;
        }
    }
    char buf[16];
    size_t n = 0;
    uint32_t h = LEX_FNV_INIT;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c == '.') {
            continue;
        }
        if (c >= 0x80) {
            out->cls = DC_WORD;
            return;
        }
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c + 32u);
        }
        buf[n++] = (char)c;
        h = LEX_FNV(h, c);
    }
    if (n == 0 || !lex_probe(lx, h, buf, n, out, (t->flags & ANNALS_TOK_CAP) != 0)) {
        out->cls = DC_WORD;
        out->flags = (t->flags & ANNALS_TOK_CAP) ? DF_CAP : 0;
    }
}
