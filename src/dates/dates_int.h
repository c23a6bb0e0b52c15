/* SPDX-License-Identifier: MIT */
/*
 * dates/dates_int.h - shared declarations of the dates stage.
 *
 * The stage has two passes:
 *   recognise.c  token classes (lexicon.c) -> matches with placeholder
 *                semantics (dproto: "weekday 4, direction by tense",
 *                "shift -1 week from DCT", "month 10 day 7, year unknown")
 *   resolve.c    dproto + DCT / reference time + clause tense -> TIMEX3
 *                value, mod, bounds, precision, anchor
 * dateline.c reads a DCT from a dateline and decides news vs narrative.
 */
#ifndef ANNALS_DATES_INT_H
#define ANNALS_DATES_INT_H

#include "core/internal.h"

/* ----------------------------------------------------------- word classes */

typedef enum dcls {
    DC_NONE = 0,
    DC_MONTH,    /* val 1..12 */
    DC_WEEKDAY,  /* val 0..6 (Monday = 0) */
    DC_UNIT,     /* val: dunit */
    DC_SEASON,   /* val 1..4: SP SU FA WI */
    DC_NUMW,     /* number word: val; -1 = vague ("few", "several") */
    DC_ORDW,     /* ordinal word: val */
    DC_PART,     /* part of day: val dpart */
    DC_DEICT,    /* today 0, yesterday -1, tomorrow +1, tonight 2 */
    DC_REFW,     /* now/currently (1) recently (2) soon (3) : dref */
    DC_REL,      /* last/next/this/...: val drel */
    DC_POS,      /* early/mid/late/beginning/end/...: val dmod */
    DC_APPROX,   /* about/around/over/...: val dmod */
    DC_SETW,     /* daily/weekly/...: val dunit */
    DC_EVERY,    /* every/each/per */
    DC_THE,
    DC_A,        /* a / an */
    DC_OF,
    DC_AGO,
    DC_DIR,      /* later +1, earlier -1, before -2, after +2 */
    DC_HALF,
    DC_FISCAL,
    DC_AMPM,     /* val 0 am, 1 pm */
    DC_NOON,     /* val 12 noon, 0 midnight */
    DC_BC,       /* val 1 BC, 0 AD */
    DC_TZ,
    DC_HOLIDAY,  /* val: index into the holiday table */
    DC_THAN,
    DC_AT,
    DC_TO,
    DC_LEAST,
    DC_FROM,
    DC_PRESENT,  /* "present" (at present) */
    DC_FUTURE,   /* "future" */
    DC_PASTN,    /* "past" as a noun after "the"/"in the" is handled via DC_REL past */
    DC_DAYPHRASE,/* "day" handled as unit; reserved */
    DC_OCLOCK,
    DC_QUARTERW, /* reserved */
    DC_LONG,     /* "long" in "year long" */
    DC_DECADEW,  /* "nineties": val = decade digit */
    DC_MORE,     /* "more" between a count and its unit: handled by APPROX */
    /* classes from token shapes */
    DC_NUM,      /* plain number: num, ndig; flags say comma/decimal */
    DC_ORDNUM,   /* "7th" */
    DC_DECADE,   /* "1990s": num = 1990 */
    DC_HYPH,     /* hyphenated word, decoded by the rules */
    DC_COMMA,
    DC_POSS,     /* 's */
    DC_WORD,     /* any other word */
    DC_COUNT
} dcls;

typedef enum dunit {
    DU_NONE = 0,
    DU_SECOND,
    DU_MINUTE,
    DU_HOUR,
    DU_DAY,
    DU_NIGHT,
    DU_WEEKEND,
    DU_WEEK,
    DU_FORTNIGHT,
    DU_MONTH,
    DU_QUARTER,
    DU_SEASON,
    DU_HALFYEAR,
    DU_YEAR,
    DU_DECADE,
    DU_CENTURY,
    DU_MILLENNIUM
} dunit;

enum { DP_NONE = 0, DP_MO, DP_AF, DP_EV, DP_NI, DP_DT };
enum { DR_NONE = 0, DR_PRESENT, DR_PAST, DR_FUTURE };
enum {
    DREL_LAST = 1, DREL_NEXT, DREL_THIS, DREL_COMING, DREL_PAST, DREL_PREVIOUS,
    DREL_FOLLOWING, DREL_SAME, DREL_THAT, DREL_CURRENT, DREL_LATEST, DREL_RECENT,
    DREL_THESE /* only "these days" */
};
enum {
    DM_NONE = 0, DM_START, DM_MID, DM_END, DM_APPROX, DM_MORE, DM_LESS, DM_EQ_MORE,
    DM_EQ_LESS, DM_BEFORE, DM_AFTER, DM_UPTO
};

/* Flags of a classified token. */
enum {
    DF_PLURAL = 1u << 0,
    DF_COMMA = 1u << 1,   /* number had a thousands separator */
    DF_DECIMAL = 1u << 2, /* number had a decimal point or other separator */
    DF_CAP = 1u << 3,
    DF_ABBR = 1u << 4,
    DF_QTOK = 1u << 5,  /* "Q3", "H1" (class DC_WORD) */
    DF_APOS = 1u << 6   /* an apostrophe token (class DC_NONE): "'90s" */
};

typedef struct dtok {
    uint8_t cls;   /* dcls */
    uint8_t flags; /* DF_* */
    uint8_t ndig;  /* digits of a number */
    int8_t val;
    int32_t num;   /* numeric value (numbers, decades) */
} dtok;

/* The lexicon: an open-addressing table over the lower-cased word tables,
 * with the full hash of each word so that a miss rarely compares bytes.
 * Built once per context (annals__date_lex_new, kept in ctx->dates) or,
 * without one, once per run of the stage. */
#define DATES_LEX_SLOTS 2048u
struct annals__date_lex {
    uint16_t slot[DATES_LEX_SLOTS]; /* 1-based index into the word table, 0 empty */
    uint32_t hash[DATES_LEX_SLOTS]; /* full hash of the word in the slot */
    uint16_t lenmask[27 * 27];      /* first two letters -> word lengths present */
};
typedef struct annals__date_lex dates_lex;

annals_status annals__date_lex_new(struct annals__date_lex **out, annals_error *err);
void annals__date_lex_free(struct annals__date_lex *lex);
void dates__lex_build(dates_lex *lx);
/* The context's lexicon, or *local built now when the context has none. */
const dates_lex *dates__lex_get(const annals_doc *doc, dates_lex *local);
/* Look up a lower-case word without periods; false if absent. */
bool dates__lex_find(const dates_lex *lx, const char *w, size_t len, dtok *out, bool cap);
/* Classify token i of doc. */
void dates__classify(const dates_lex *lx, const annals_doc *doc, size_t i, dtok *out);

/* Holidays: month/day fixed, or nth weekday of a month. */
typedef struct dates_holiday {
    const char *name;
    int month, day;     /* fixed date when day > 0 */
    int weekday, nth;   /* else nth (1..5, -1 = last) weekday of month */
} dates_holiday;
extern const dates_holiday dates__holidays[];

/* Tense of a clause. */
typedef enum dtense { DT_NONE = 0, DT_PAST, DT_PRESENT, DT_FUTURE } dtense;
/* The cue words and a per-token cache (resolve.c). */
typedef struct dates_cues dates_cues;
dtense dates__tense(const annals_doc *doc, dates_cues *tc, size_t tok_begin, size_t tok_end);

/* ---------------------------------------------------------- placeholders */

typedef enum dkind {
    PK_NONE = 0,
    PK_CAL,      /* explicit calendar fields, year maybe missing */
    PK_WEEKDAY,  /* weekday with a direction */
    PK_SHIFT,    /* n units from DCT/reference: "last week", "two days later" */
    PK_MONTHREL, /* "last March", "this spring" (season when season > 0) */
    PK_QUARTER,  /* quarter/half without a year */
    PK_REF,      /* PRESENT_REF / PAST_REF / FUTURE_REF */
    PK_DUR,      /* duration */
    PK_SET,      /* a set: value in setval */
    PK_YEARAGO   /* "a year earlier / ago": shift the reference granule */
} dkind;

enum { ANCH_AUTO = 0, ANCH_DCT, ANCH_REF };
#define DIR_AUTO 99
#define N_VAGUE (-999999)
#define Y_NONE INT32_MIN

typedef struct dproto {
    dkind kind;
    annals_timex_type type;
    const char *rule;
    int32_t y;      /* Y_NONE when missing; BC years are negative+flag */
    int m, d;       /* 0 when missing */
    int season;     /* 1..4 */
    int quarter;    /* 1..4 */
    int half;       /* 1..2 */
    int decade;     /* 199 for the 1990s; -1 none */
    int century;    /* 19 for the 20th century; -1 none */
    bool bc;
    int hh, mi;     /* -1 when missing */
    int part;       /* DP_* */
    bool weekend;
    int wd;         /* weekday 0..6 */
    int dir;        /* -1, 0, +1 or DIR_AUTO */
    int unit;       /* dunit */
    int n;          /* shift or duration count; N_VAGUE */
    int anchor;     /* ANCH_* */
    int refkind;    /* DR_* */
    int mod;        /* DM_* */
    bool and_half;  /* duration "two and a half years", "5 1/2 hours" */
    bool week_of;   /* "the week of March 6": the ISO week of the day */
    char setval[24];
    int32_t y2;     /* a year range "1861-1865": the second year, else 0 */
    size_t split;   /* byte length of the first year within the token/match */
    size_t second;  /* byte offset (from match start) of the second year */
    size_t second_tok; /* token index of the second year (ranges over tokens) */
    /* A range inside one token ("23-28 March 1951", "March 5-9, 1918",
     * "August-September 1950"): two timexes, the first [match start, cut1)
     * with month m1 / day d1, the second [cut2, match end) with m / d;
     * cut1 and cut2 are byte offsets from the start of token cut_tok. */
    bool split_range;
    int m1, d1;
    size_t cut_tok, cut1, cut2;
} dproto;

typedef struct dmatch {
    size_t tb, te;  /* token range [tb, te) */
    size_t sb, se;  /* byte span */
    dproto p;
} dmatch;

void dates__proto_init(dproto *p);

/* Pass 1: recognise all matches of the document (text order, non-overlapping). */
annals_status dates__recognise(annals_doc *doc, const dates_lex *lx, annals__vec *out,
                               annals_error *err);
/* One match at token i (for the dateline reader); 0 if none. */
size_t dates__match_at(const annals_doc *doc, const dates_lex *lx, size_t i, dproto *p);
/* Pass 2: resolve the matches into doc->timexes. */
annals_status dates__resolve(annals_doc *doc, const annals__vec *matches, annals_error *err);

/* Bounds and precision of a TIMEX3 value string. */
void dates__value_bounds(const char *v, int32_t *earliest, int32_t *latest,
                         annals_precision *prec);

#endif
