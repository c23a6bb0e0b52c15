/* SPDX-License-Identifier: MIT */
/*
 * tokenize/tokenize.c - tokens and sentences with byte spans (pipeline
 * stage 1).
 *
 * Tokens: words keep internal hyphens ("al-Sisi", "four-month",
 * "mid-2015", "F-16") and apostrophes ("O'Brien"); the possessive clitic
 * is its own token ("Israel" "’s", "Houthis" "’") and so is "n't"
 * ("did" "n't"). Numbers keep their separators ("27,000", "1.5",
 * "2024-02-06", "02/06/2024", "14:30"). Known abbreviations and initials
 * keep their period ("Gen.", "Feb.", "U.S.", "J."), so a lone "." token
 * is always punctuation.
 *
 * Sentences never cross a line break (a line is a paragraph); within a
 * line they end at . ! ? (plus closing quotes) followed by a capital, a
 * digit or an opening quote. An initialism such as "U.S." ends a sentence
 * only before a common sentence opener ("The", "He", ...). Lines that are
 * web furniture ("Sign up to ...", "Stay informed ...") are marked
 * ANNALS_SENT_BOILERPLATE. Sentences longer than max_sentence_tokens are
 * cut, with a warning.
 *
 * Linear in the text length.
 */
#include "core/internal.h"

#include <string.h>

/* ------------------------------------------------------------ characters */

typedef enum cclass { C_SPACE, C_LETTER, C_DIGIT, C_PUNCT, C_NEWLINE } cclass;

typedef struct cinfo {
    cclass cls;
    unsigned flags; /* ANNALS_TOK_QUOTE / ANNALS_TOK_DASH for punctuation */
    size_t len;     /* bytes of the code point */
    bool upper;
    bool apostrophe; /* ' or ’ */
    bool hyphen;     /* - or U+2011 */
} cinfo;

static uint32_t decode(const unsigned char *s, size_t n, size_t *len)
{
    /* Input is valid UTF-8 after ingest. */
    if (s[0] < 0x80 || n < 2) {
        *len = 1;
        return s[0];
    }
    if (s[0] < 0xE0) {
        *len = 2;
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (s[0] < 0xF0 || n < 4) {
        *len = n < 3 ? n : 3;
        if (n < 3) {
            return 0xFFFD;
        }
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
               (s[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
           ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

#if defined(__GNUC__)
__attribute__((noinline))
#endif
static cinfo classify(const char *text, size_t pos, size_t len)
{
    cinfo ci = {C_PUNCT, 0, 1, false, false, false};
    unsigned char c = (unsigned char)text[pos];
    uint32_t cp;

    if (c < 0x80) {
        if (c == '\n') {
            ci.cls = C_NEWLINE;
        } else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
            ci.cls = C_SPACE;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            ci.cls = C_LETTER;
            ci.upper = c <= 'Z';
        } else if (c >= '0' && c <= '9') {
            ci.cls = C_DIGIT;
        } else if (c < 0x20 || c == 0x7F) {
            ci.cls = C_SPACE;
        } else {
            ci.cls = C_PUNCT;
            if (c == '"' || c == '\'' || c == '`') {
                ci.flags = ANNALS_TOK_QUOTE;
            }
            ci.apostrophe = c == '\'';
            ci.hyphen = c == '-';
            if (c == '-') {
                ci.flags = ANNALS_TOK_DASH;
            }
        }
        return ci;
    }
    cp = decode((const unsigned char *)text + pos, len - pos, &ci.len);
    switch (cp) {
    case 0x00A0:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
    case 0x200B:
        ci.cls = C_SPACE;
        return ci;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
        ci.cls = C_PUNCT;
        ci.flags = ANNALS_TOK_QUOTE;
        ci.apostrophe = cp == 0x2019;
        return ci;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
        ci.cls = C_PUNCT;
        ci.flags = ANNALS_TOK_DASH;
        ci.hyphen = cp == 0x2010 || cp == 0x2011;
        return ci;
    default:
        break;
    }
    if ((cp >= 0x2000 && cp <= 0x200A)) {
        ci.cls = C_SPACE;
        return ci;
    }
    if ((cp >= 0x2016 && cp <= 0x206F) || (cp >= 0x00A1 && cp <= 0x00BF) || cp == 0x00D7 ||
        cp == 0x00F7 || cp == 0xFFFD || (cp >= 0x2190 && cp <= 0x2BFF) ||
        (cp >= 0x3001 && cp <= 0x3003)) {
        ci.cls = C_PUNCT;
        return ci;
    }
    ci.cls = C_LETTER;
    /* Latin-1 and Latin Extended-A upper case, enough for names. */
    ci.upper = (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
               (cp >= 0x100 && cp <= 0x17F && (cp % 2) == 0) || (cp >= 0x391 && cp <= 0x3A9) ||
               (cp >= 0x410 && cp <= 0x42F);
    return ci;
}

/* ----------------------------------------------------------- abbreviations */

/* Words whose following period belongs to them (lower case, no period). */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "cpl", "pvt", "gov", "sen", "rep", "rev", "fr", "sr", "jr", "st", "ste", "mt", "ft",
    "pres", "hon", "amb", "supt", "insp", "brig", "lieut", "comdr", "messrs", "mme", "mlle",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "tue", "tues", "thu", "thur", "thurs", "vol", "vols", "approx", "dept", "univ", "assn",
    "bros", "corp", "inc", "ltd", "vs", "etc", "al", "ave", "blvd", "rd", "hwy", "cf",
    "ibid", "viz", "calif", "fla", "ariz", "conn", "penn", "tenn", "ala", "ark", "colo",
    "kan", "mich", "minn", "mont", "neb", "nev", "okla", "tex", "wis", "wyo"};

/* A word list match: cheap length and first-letter tests before memcmp
 * (this runs at every period, so it must not strcmp down the whole list). */
static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
    char low[16];
    size_t i;
    if (len == 0 || len >= sizeof(low)) {
        return false;
    }
    annals__lower(s, len, low, sizeof(low));
    for (i = 0; i < n; i++) {
        if (list[i][0] == low[0] && strncmp(list[i], low, len) == 0 && list[i][len] == '\0') {
            return true;
        }
    }
    return false;
}

static bool is_abbrev(const char *s, size_t len)
{
    /* Every entry is at most 6 letters. */
    return len <= 6 &&
           in_list(abbreviations, sizeof(abbreviations) / sizeof(abbreviations[0]), s, len);
}

/* Common sentence openers: after an initialism ("U.S.") they start a new sentence. */
static const char *const openers[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in",
    "on", "at", "this", "that", "these", "those", "there", "his", "her", "its", "their",
    "our", "officials", "after", "before", "when", "while", "as", "if", "some", "many",
    "most", "no", "not", "meanwhile", "however", "earlier", "later", "last", "on"};

static bool is_opener(const char *s, size_t len)
{
    return len <= 9 && in_list(openers, sizeof(openers) / sizeof(openers[0]), s, len);
}

/* ------------------------------------------------------------------ tokens */

typedef struct scanner {
    annals_doc *doc;
    const char *text;
    size_t len;
} scanner;

static inline cinfo at(const scanner *sc, size_t pos)
{
    unsigned char c;
    if (pos >= sc->len) {
        cinfo ci = {C_NEWLINE, 0, 1, false, false, false};
        return ci;
    }
    /* Fast path for the common ASCII letters and digits. */
    c = (unsigned char)sc->text[pos];
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        cinfo ci = {C_LETTER, 0, 1, c <= 'Z', false, false};
        return ci;
    }
    if (c >= '0' && c <= '9') {
        cinfo ci = {C_DIGIT, 0, 1, false, false, false};
        return ci;
    }
    if (c == ' ') {
        cinfo ci = {C_SPACE, 0, 1, false, false, false};
        return ci;
    }
    return classify(sc->text, pos, sc->len);
}

static bool is_alnum(cclass c)
{
    return c == C_LETTER || c == C_DIGIT;
}

/*
 * Match an initialism at pos: two or more "letter ." pairs ("U.S.", "e.g.",
 * "a.m."). Returns its length or 0.
 */
static size_t match_initialism(const scanner *sc, size_t pos)
{
    size_t p = pos, pairs = 0;
    while (p + 1 < sc->len) {
        unsigned char c = (unsigned char)sc->text[p];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) || sc->text[p + 1] != '.') {
            break;
        }
        p += 2;
        pairs++;
    }
    if (pairs < 2) {
        return 0;
    }
    /* Must not run into a letter: "U.S.A" without its last period is rare. */
    if (p < sc->len && is_alnum(at(sc, p).cls)) {
        return 0;
    }
    return p - pos;
}

/*
 * Scan a word or number starting at pos (a letter or digit). Sets *flags.
 */
static size_t scan_word(const scanner *sc, size_t pos, unsigned *flags)
{
    size_t p = pos;
    bool has_letter = false, has_digit = false, all_upper = true, only_digits_seps = true;
    size_t n_letters = 0;
    cinfo first = at(sc, pos);

    *flags = 0;
    for (;;) {
        cinfo ci = at(sc, p);
        if (ci.cls == C_LETTER) {
            has_letter = true;
            only_digits_seps = false;
            n_letters++;
            if (!ci.upper) {
                all_upper = false;
            }
            p += ci.len;
            continue;
        }
        if (ci.cls == C_DIGIT) {
            has_digit = true;
            p += ci.len;
            continue;
        }
        if (ci.cls != C_PUNCT || p == pos) {
            break;
        }
        {
            cinfo next = at(sc, p + ci.len);
            char c = sc->text[p];
            char prev = sc->text[p - 1];
            bool prev_digit = prev >= '0' && prev <= '9';
            if (ci.hyphen && is_alnum(next.cls)) {
                *flags |= ANNALS_TOK_HYPHEN;
                only_digits_seps = only_digits_seps && next.cls == C_DIGIT;
                p += ci.len;
                continue;
            }
            if ((c == '.' || c == ',' || c == '/' || c == ':') && prev_digit &&
                next.cls == C_DIGIT && !has_letter) {
                if (c == ',') {
                    /* Thousands separator: exactly three digits follow. */
                    size_t q = p + 1, k = 0;
                    while (q < sc->len && sc->text[q] >= '0' && sc->text[q] <= '9') {
                        q++;
                        k++;
                    }
                    if (k != 3) {
                        break;
                    }
                }
                p += 1;
                continue;
            }
            if (ci.apostrophe && next.cls == C_LETTER) {
                size_t q = p + ci.len;
                char a = sc->text[q];
                cinfo after = at(sc, q + 1);
                /* Possessive / contraction clitics end the word here. */
                if ((a == 's' || a == 'S' || a == 'd' || a == 'm') && after.cls != C_LETTER) {
                    break;
                }
                if ((a == 'l' || a == 'r' || a == 'v') && after.cls == C_LETTER) {
                    /* 'll 're 've */
                    cinfo after2 = at(sc, q + 2);
                    if (after2.cls != C_LETTER) {
                        break;
                    }
                }
                if ((a == 't' || a == 'T') && after.cls != C_LETTER && p - pos >= 2 &&
                    (prev == 'n' || prev == 'N')) {
                    /* "didn't": the word ends before the n. */
                    return (p - 1) - pos;
                }
                only_digits_seps = false;
                p += ci.len;
                continue;
            }
        }
        break;
    }
    (void)only_digits_seps;
    if (has_letter) {
        *flags |= ANNALS_TOK_WORD;
        if (has_digit) {
            *flags |= ANNALS_TOK_ALNUM;
        }
        if (first.cls == C_LETTER && first.upper) {
            *flags |= ANNALS_TOK_CAP;
        }
        if (all_upper && n_letters >= 2) {
            *flags |= ANNALS_TOK_ALLCAPS;
        }
    } else {
        *flags |= ANNALS_TOK_NUMBER;
    }
    return p - pos;
}

static annals_status push_token(annals_doc *doc, size_t start, size_t end, unsigned flags,
                                annals_error *err)
{
    annals__token *t = annals__vec_push(&doc->tokens);
    if (t == NULL) {
        return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_TOKENIZE, start,
                             "out of memory");
    }
    t->start = start;
    t->end = end;
    t->flags = flags;
    return ANNALS_OK;
}

/* Tokenise one line [pos, end). */
static annals_status tokenize_line(scanner *sc, size_t pos, size_t end, annals_error *err)
{
    annals_status rc;
    while (pos < end) {
        cinfo ci = at(sc, pos);
        unsigned flags = 0;
        size_t n;

        if (ci.cls == C_SPACE || ci.cls == C_NEWLINE) {
            pos += ci.len;
            continue;
        }
        if (ci.cls == C_LETTER && (n = match_initialism(sc, pos)) > 0) {
            flags = ANNALS_TOK_WORD | ANNALS_TOK_ABBREV;
            if (ci.upper) {
                flags |= ANNALS_TOK_CAP | ANNALS_TOK_ALLCAPS;
            }
            rc = push_token(sc->doc, pos, pos + n, flags, err);
            if (rc < 0) {
                return rc;
            }
            pos += n;
            continue;
        }
        if (ci.cls == C_LETTER || ci.cls == C_DIGIT) {
            n = scan_word(sc, pos, &flags);
            if (n == 0) {
                n = ci.len;
            }
            /* A period belonging to an abbreviation or an initial ("J."). */
            if (pos + n < end && sc->text[pos + n] == '.' && (flags & ANNALS_TOK_WORD) &&
                !(flags & ANNALS_TOK_HYPHEN)) {
                bool initial = n == 1 && ci.upper;
                if (initial || is_abbrev(sc->text + pos, n)) {
                    flags |= ANNALS_TOK_ABBREV;
                    n++;
                }
            }
            rc = push_token(sc->doc, pos, pos + n, flags, err);
            if (rc < 0) {
                return rc;
            }
            pos += n;
            continue;
        }
        /* Punctuation: clitics first. */
        if (ci.apostrophe && sc->doc->tokens.n > 0) {
            annals__token *prev = ANNALS__TOK(sc->doc, sc->doc->tokens.n - 1);
            cinfo next = at(sc, pos + ci.len);
            if (prev->end == pos && (prev->flags & (ANNALS_TOK_WORD | ANNALS_TOK_NUMBER))) {
                if (next.cls == C_LETTER) {
                    size_t q = pos + ci.len;
                    size_t k = q;
                    while (k < end && at(sc, k).cls == C_LETTER) {
                        k += at(sc, k).len;
                    }
                    flags = ANNALS_TOK_WORD;
                    if (k - q == 1 && (sc->text[q] == 's' || sc->text[q] == 'S')) {
                        flags |= ANNALS_TOK_POSSESSIVE;
                    }
                    rc = push_token(sc->doc, pos, k, flags, err);
                    if (rc < 0) {
                        return rc;
                    }
                    pos = k;
                    continue;
                }
                if (sc->text[pos - 1] == 's' || sc->text[pos - 1] == 'S') {
                    /* Plural possessive: "Houthis’ attacks". */
                    rc = push_token(sc->doc, pos, pos + ci.len,
                                    ANNALS_TOK_PUNCT | ANNALS_TOK_POSSESSIVE, err);
                    if (rc < 0) {
                        return rc;
                    }
                    pos += ci.len;
                    continue;
                }
            }
        }
        rc = push_token(sc->doc, pos, pos + ci.len, ANNALS_TOK_PUNCT | ci.flags, err);
        if (rc < 0) {
            return rc;
        }
        pos += ci.len;
    }
    return ANNALS_OK;
}

/* ------------------------------------------------------------- boilerplate */

static const char *const boilerplate_starts[] = {
    "sign up", "stay informed", "just sign up", "subscribe", "click here", "read more",
    "follow us", "advertisement", "copyright", "all rights reserved", "share this",
    "related:", "related coverage", "recommended", "newsletter", "get the latest",
    "download the app", "listen to this article", "skip to", "watch:", "more from",
    "this article was", "this story has been", "reporting by", "editing by",
    "additional reporting", "photo:", "image:", "(c)", "\xC2\xA9"};

static const char *const boilerplate_contains[] = {
    "sign up to", "sign up for", "delivered straight to your inbox", "to your inbox",
    "our newsletter", "cookie", "terms of use", "privacy policy"};

/* Case-insensitive search for a lower-case needle (ASCII), without copying. */
static bool contains_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle), i, k;
    if (n == 0 || n > len) {
        return n == 0;
    }
    for (i = 0; i + n <= len; i++) {
        if ((s[i] | 0x20) != needle[0]) {
            continue;
        }
        for (k = 1; k < n; k++) {
            char c = s[i + k];
            if (c >= 'A' && c <= 'Z') {
                c = (char)(c | 0x20);
            }
            if (c != needle[k]) {
                break;
            }
        }
        if (k == n) {
            return true;
        }
    }
    return false;
}

static bool line_is_boilerplate(const char *s, size_t len)
{
    char low[32];
    size_t n, i, start = 0;
    while (start < len && (s[start] == ' ' || s[start] == '\t')) {
        start++;
    }
    /* Every opening phrase is shorter than the buffer. */
    n = annals__lower(s + start, len - start, low, sizeof(low));
    for (i = 0; i < sizeof(boilerplate_starts) / sizeof(boilerplate_starts[0]); i++) {
        size_t k = strlen(boilerplate_starts[i]);
        if (n >= k && memcmp(low, boilerplate_starts[i], k) == 0) {
            return true;
        }
    }
    /* Short lines only: a long paragraph mentioning a newsletter is news. */
    if (len - start > 200) {
        return false;
    }
    for (i = 0; i < sizeof(boilerplate_contains) / sizeof(boilerplate_contains[0]); i++) {
        if (contains_ci(s + start, len - start, boilerplate_contains[i])) {
            return true;
        }
    }
    return false;
}

/* --------------------------------------------------------------- sentences */

static bool tok_char(const annals_doc *doc, const annals__token *t, char c)
{
    return t->end - t->start == 1 && doc->text[t->start] == c;
}

static bool is_closer(const annals_doc *doc, const annals__token *t)
{
    if (t->flags & ANNALS_TOK_QUOTE) {
        return true;
    }
    return tok_char(doc, t, ')') || tok_char(doc, t, ']');
}

static annals_status push_sentence(annals_doc *doc, size_t tb, size_t te, uint32_t para,
                                   unsigned flags, annals_error *err)
{
    annals__sentence *s;
    size_t i;
    uint32_t idx = (uint32_t)doc->sentences.n;
    if (tb >= te) {
        return ANNALS_OK;
    }
    s = annals__vec_push(&doc->sentences);
    if (s == NULL) {
        return annals__error(err, ANNALS_ENOMEM, ANNALS_STAGE_TOKENIZE, ANNALS_NO_OFFSET,
                             "out of memory");
    }
    s->tok_begin = tb;
    s->tok_end = te;
    s->start = ANNALS__TOK(doc, tb)->start;
    s->end = ANNALS__TOK(doc, te - 1)->end;
    s->flags = flags;
    s->paragraph = para;
    for (i = tb; i < te; i++) {
        ANNALS__TOK(doc, i)->sentence = idx;
    }
    ANNALS__TOK(doc, tb)->flags |= ANNALS_TOK_SENT_START;
    return ANNALS_OK;
}

/* Split the tokens [tb, te) of one line into sentences. */
static annals_status split_line(annals_doc *doc, size_t tb, size_t te, uint32_t para,
                                unsigned line_flags, annals_error *err)
{
    size_t i, start = tb, max = doc->ctx->opts.max_sentence_tokens;
    bool in_quote = false, start_in_quote = false;
    unsigned flags = line_flags | ANNALS_SENT_PARA_START;
    annals_status rc;

    for (i = tb; i < te; i++) {
        annals__token *t = ANNALS__TOK(doc, i);
        bool end_here = false;
        size_t last = i;

        if (t->flags & ANNALS_TOK_QUOTE) {
            char c = doc->text[t->start];
            /* Straight quotes toggle; curly ones say which side they are. */
            if (c == '"') {
                in_quote = !in_quote;
            } else if ((unsigned char)c == 0xE2 && t->end - t->start == 3) {
                unsigned char c3 = (unsigned char)doc->text[t->start + 2];
                if (c3 == 0x9C) {
                    in_quote = true;
                } else if (c3 == 0x9D) {
                    in_quote = false;
                }
            }
        }
        if (tok_char(doc, t, '.') || tok_char(doc, t, '!') || tok_char(doc, t, '?') ||
            ((t->flags & ANNALS_TOK_ABBREV) && t->end - t->start >= 4 &&
             doc->text[t->end - 3] == '.')) {
            size_t j = i + 1;
            while (j < te && is_closer(doc, ANNALS__TOK(doc, j))) {
                j++;
            }
            last = j - 1;
            if (j >= te) {
                end_here = true;
            } else {
                annals__token *n = ANNALS__TOK(doc, j);
                bool next_starts = (n->flags & (ANNALS_TOK_CAP | ANNALS_TOK_NUMBER)) ||
                                   (n->flags & ANNALS_TOK_QUOTE);
                if (t->flags & ANNALS_TOK_ABBREV) {
                    /* An initialism ends a sentence only before a common opener. */
                    end_here = (n->flags & ANNALS_TOK_CAP) &&
                               is_opener(doc->text + n->start, n->end - n->start);
                } else {
                    end_here = next_starts;
                }
            }
        }
        if (!end_here && i + 1 - start >= max && i + 1 < te) {
            rc = annals__warn(doc, t->end,
                              "sentence longer than %zu tokens cut here", max);
            if (rc < 0) {
                return annals__error(err, rc, ANNALS_STAGE_TOKENIZE, t->end,
                                     "out of memory");
            }
            rc = push_sentence(doc, start, i + 1, para,
                               flags | ANNALS_SENT_SPLIT |
                                   (start_in_quote ? ANNALS_SENT_QUOTE : 0u),
                               err);
            if (rc < 0) {
                return rc;
            }
            flags = line_flags;
            start = i + 1;
            start_in_quote = in_quote;
            continue;
        }
        if (end_here) {
            /* Closing quotes after the period belong to this sentence. */
            size_t k;
            for (k = i + 1; k <= last; k++) {
                annals__token *q = ANNALS__TOK(doc, k);
                if ((q->flags & ANNALS_TOK_QUOTE) && doc->text[q->start] == '"') {
                    in_quote = !in_quote;
                } else if ((q->flags & ANNALS_TOK_QUOTE) && q->end - q->start == 3 &&
                           (unsigned char)doc->text[q->start + 2] == 0x9D) {
                    in_quote = false;
                }
            }
            rc = push_sentence(doc, start, last + 1, para,
                               flags | (start_in_quote ? ANNALS_SENT_QUOTE : 0u), err);
            if (rc < 0) {
                return rc;
            }
            flags = line_flags;
            i = last;
            start = last + 1;
            start_in_quote = in_quote;
        }
    }
    return push_sentence(doc, start, te, para,
                         flags | (start_in_quote ? ANNALS_SENT_QUOTE : 0u), err);
}

annals_status annals__tokenize(annals_doc *doc, annals_error *err)
{
    scanner sc;
    size_t pos = 0;
    uint32_t para = 0;
    bool seen_text = false;
    annals_status rc;

    sc.doc = doc;
    sc.text = doc->text;
    sc.len = doc->len;
    while (pos < doc->len) {
        const char *nl = memchr(doc->text + pos, '\n', doc->len - pos);
        size_t end = nl ? (size_t)(nl - doc->text) : doc->len;
        size_t tb = doc->tokens.n, te;
        unsigned line_flags = 0;

        rc = tokenize_line(&sc, pos, end, err);
        if (rc < 0) {
            return rc;
        }
        te = doc->tokens.n;
        if (te > tb) {
            if (line_is_boilerplate(doc->text + pos, end - pos)) {
                line_flags |= ANNALS_SENT_BOILERPLATE;
            } else if (!seen_text) {
                /* A first line without final punctuation, followed by more
                 * text, is a headline. */
                annals__token *last = ANNALS__TOK(doc, te - 1);
                bool punct_end = tok_char(doc, last, '.') || tok_char(doc, last, '!') ||
                                 tok_char(doc, last, '?') || tok_char(doc, last, ':') ||
                                 (last->flags & ANNALS_TOK_QUOTE);
                if (!punct_end && te - tb <= 30 && end < doc->len) {
                    line_flags |= ANNALS_SENT_HEADLINE;
                }
                seen_text = true;
            }
            rc = split_line(doc, tb, te, para, line_flags, err);
            if (rc < 0) {
                return rc;
            }
            para++;
        }
        pos = end + 1;
    }
    return ANNALS_OK;
}
