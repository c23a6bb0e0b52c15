/* SPDX-License-Identifier: MIT */
/*
 * events/roles.c - shallow syntax without a parser: the sentence is cut
 * into clause segments (relative, subordinate, reported, coordinated,
 * parenthetical), then each trigger looks for its source to the left and
 * its target to the right inside its own segment, with passives,
 * possessives, adjectival actors, "by/of/with/against/on/to X" phrases,
 * coordinated lists and places ("in Paris", "in Iraq, Syria and Yemen").
 * Every search is bounded (a window of tokens or the role limit).
 */
#include "events/events.h"

#include <string.h>

#define WINDOW 14


static bool is_punct(const ev_sent *s, size_t i, char c)
{
    const annals__token *t = ev_tok(s, i);
    return (t->flags & ANNALS_TOK_PUNCT) && annals__tok_len(t) == 1 &&
           s->doc->text[t->start] == c;
}

static bool is_quote(const ev_sent *s, size_t i)
{
    return (ev_tok(s, i)->flags & ANNALS_TOK_QUOTE) != 0;
}

static bool is_dash(const ev_sent *s, size_t i)
{
    return (ev_tok(s, i)->flags & ANNALS_TOK_DASH) != 0;
}

static int new_seg(ev_sent *s, int kind, int parent)
{
    if ((size_t)s->nseg >= s->seg_cap) {
        return s->nseg - 1; /* capacity is one per token: cannot happen */
    }
    s->seg_kind[s->nseg] = (uint8_t)kind;
    s->seg_parent[s->nseg] = parent;
    return s->nseg++;
}

static const ev_trigger *trig_at(const ev_sent *s, size_t i)
{
    int32_t k = s->trig[i - s->tb];
    return k >= 0 ? annals__vec_at(&s->trigs, (size_t)k) : NULL;
}

static bool verbal_trigger_at(const ev_sent *s, size_t i)
{
    const ev_trigger *t = trig_at(s, i);
    return t && !t->noun && t->tb == i;
}

/* Could token i be one of the clause keywords (short lower-case words, or a
 * sentence-initial capitalised one)? A cheap filter for the hot loop. */
static bool closed_class_candidate(const ev_sent *s, size_t i)
{
    const annals__token *t = ev_tok(s, i);
    size_t n = t->end - t->start;
    if (!(t->flags & ANNALS_TOK_WORD) || n > 9 || n < 2) {
        return false;
    }
    return !(t->flags & ANNALS_TOK_CAP) || (t->flags & ANNALS_TOK_SENT_START) ||
           i == s->tb;
}

void ev_segment(ev_sent *s)
{
    size_t i;
    int cur, island_ret = -1, rel_ret = -1, according_ret = -1;
    bool island_dash = false, rel_comma = false;
    size_t say_end = SIZE_MAX;

    s->nseg = 0;
    cur = new_seg(s, EV_SEG_MAIN, -1);
    for (i = s->tb; i < s->te; i++) {
        size_t r = i - s->tb;
        const ev_trigger *t = trig_at(s, i);

        if (is_dash(s, i) || is_punct(s, i, '(') || is_punct(s, i, ')')) {
            if (island_ret >= 0) {
                s->seg[r] = cur;
                cur = island_ret;
                island_ret = -1;
                island_dash = false;
                continue;
            }
            if (!is_punct(s, i, ')')) {
                island_ret = cur;
                island_dash = true;
                cur = new_seg(s, EV_SEG_ISLAND, cur);
            }
            s->seg[r] = cur;
            continue;
        }
        (void)island_dash;
        if (is_punct(s, i, ',')) {
            if (according_ret >= 0) {
                s->seg[r] = cur;
                cur = according_ret;
                according_ret = -1;
                continue;
            }
            if (rel_ret >= 0 && rel_comma) {
                s->seg[r] = cur;
                cur = rel_ret;
                rel_ret = -1;
                continue;
            }
        }
        if (is_punct(s, i, ';') || is_punct(s, i, ':')) {
            s->seg[r] = cur;
            cur = new_seg(s, EV_SEG_MAIN, -1);
            rel_ret = according_ret = -1;
            continue;
        }
        if (!closed_class_candidate(s, i)) {
            /* names, numbers, long words: none of the keywords below */
        } else if (ev_is(s, i, EV_KW_ACCORDING) && ev_is(s, i + 1, EV_KW_TO) && i + 1 < s->te) {
            s->according = true;
            s->according_tok = i;
            according_ret = cur;
            cur = new_seg(s, EV_SEG_ISLAND, cur);
        } else if (!t && ev_in(s, i, EVC_SUBORD)) {
            cur = new_seg(s, EV_SEG_SUBORD, cur);
            rel_ret = -1;
        } else if (!t && ev_in(s, i, EVC_COND)) {
            cur = new_seg(s, EV_SEG_COND, cur);
            rel_ret = -1;
        } else if (!t && ev_is(s, i, EV_KW_AS) && i > s->tb && i + 1 < s->te &&
                   !ev_is(s, i - 1, EV_KW_SUCH) && !ev_is(s, i - 1, EV_KW_WELL) &&
                   !ev_is(s, i - 1, EV_KW_AS) && !ev_is(s, i - 1, EV_KW_SO) &&
                   (s->mention[r + 1] >= 0 || ev_is(s, i + 1, EV_KW_THE) ||
                    ev_is(s, i + 1, EV_KW_HE) || ev_is(s, i + 1, EV_KW_THEY) ||
                    ev_is(s, i + 1, EV_KW_SHE) || ev_is(s, i + 1, EV_KW_IT))) {
            cur = new_seg(s, EV_SEG_SUBORD, cur);
            rel_ret = -1;
        } else if (!t && ev_in(s, i, EVC_REL)) {
            bool reported = say_end != SIZE_MAX && i >= say_end && i <= say_end + 5 &&
                            ev_is(s, i, EV_KW_THAT);
            if (reported) {
                cur = new_seg(s, EV_SEG_REPORTED, cur);
                say_end = SIZE_MAX;
            } else {
                rel_comma = i > s->tb && is_punct(s, i - 1, ',');
                rel_ret = rel_comma ? cur : -1;
                cur = new_seg(s, EV_SEG_RELATIVE, cur);
            }
        } else if (!t && (ev_is(s, i, EV_KW_AND) || ev_is(s, i, EV_KW_BUT) ||
                          ev_is(s, i, EV_KW_OR)) && i + 1 < s->te) {
            size_t j = i + 1;
            if (j < s->te && (ev_is(s, j, EV_KW_ALSO) || ev_is(s, j, EV_KW_THEN) ||
                              ev_is(s, j, EV_KW_LATER))) {
                j++;
            }
            if (j < s->te && verbal_trigger_at(s, j)) {
                const ev_trigger *prev = NULL;
                size_t b = i;
                while (b > s->tb && !prev) {
                    b--;
                    prev = trig_at(s, b);
                    if (i - b > 3) {
                        break;
                    }
                }
                /* "damaged or destroyed": the same act, one clause */
                if (!(prev && !prev->noun && i - b <= 1)) {
                    cur = new_seg(s, EV_SEG_COORD, cur);
                    rel_ret = -1;
                }
            }
        }
        s->seg[r] = cur;
        if (t && t->tb == i && (t->flags & EV_F_SAY) && !t->noun) {
            size_t e = t->te;
            say_end = e;
            /* "said the US had ...": a complement without "that" */
            if (e < s->te && !ev_is(s, e, EV_KW_THAT) && !ev_is(s, e, EV_KW_TO) &&
                !ev_is(s, e, EV_KW_ON) && !ev_is(s, e, EV_KW_IN) && !ev_is(s, e, EV_KW_OF) &&
                !ev_is(s, e, EV_KW_IT) && !(ev_tok(s, e)->flags & ANNALS_TOK_PUNCT) &&
                s->timex[e - s->tb] < 0 &&
                (ev_in(s, e, EVC_DET) || s->mention[e - s->tb] >= 0 ||
                 ev_is(s, e, EV_KW_HE) || ev_is(s, e, EV_KW_SHE) || ev_is(s, e, EV_KW_THEY) ||
                 ev_is(s, e, EV_KW_WE))) {
                size_t k;
                cur = new_seg(s, EV_SEG_REPORTED, cur);
                for (k = i; k < e; k++) {
                    s->seg[k - s->tb] = s->seg[r];
                }
                i = e - 1;
                say_end = SIZE_MAX;
            }
        }
    }
}

/* ------------------------------------------------------------- role fill */

static const annals__mention *mention_at(const ev_sent *s, size_t i)
{
    int32_t m = s->mention[i - s->tb];
    return m >= 0 ? ANNALS__MENTION(s->doc, (size_t)m) : NULL;
}

static annals_entity_kind kind_of(const ev_sent *s, const annals__mention *m)
{
    return ANNALS__ENTITY(s->doc, m->entity)->kind;
}

static bool is_place_mention(const ev_sent *s, const annals__mention *m)
{
    annals_entity_kind k = kind_of(s, m);
    if (m->flags & (ANNALS_MENTION_ADJ | ANNALS_MENTION_PLURAL | ANNALS_MENTION_METONYM)) {
        return false;
    }
    return k == ANNALS_ENTITY_PLACE || k == ANNALS_ENTITY_COUNTRY;
}

static bool add_role(ev_sent *s, ev_trigger *t, annals__role *r, uint32_t ent)
{
    size_t i;
    for (i = 0; i < r->n; i++) {
        if (r->ent[i] == ent) {
            return true;
        }
    }
    if (r->n >= s->max_fillers || !annals__role_add(r, ent)) {
        t->role_limit = true;
        return false;
    }
    return true;
}

/* Same segment, or a nested island/relative that opened after it. */
static int seg_rel(const ev_sent *s, size_t i, int seg)
{
    int g = s->seg[i - s->tb];
    if (g == seg) {
        return 0;
    }
    return g > seg ? 1 : -1;
}

/* A person or organisation right after an adjectival mention is the head:
 * "Egyptian President Abdel Fattah al-Sisi" -> al-Sisi. */
static size_t chunk_head(const ev_sent *s, size_t i)
{
    const annals__mention *m = mention_at(s, i);
    size_t j, steps = 0;
    if (!m || !(m->flags & ANNALS_MENTION_ADJ)) {
        return i;
    }
    for (j = m->tok_end; j < s->te && steps < 5; j++, steps++) {
        const annals__mention *n = mention_at(s, j);
        if (n && n != m) {
            annals_entity_kind k = kind_of(s, n);
            if (k == ANNALS_ENTITY_PERSON || k == ANNALS_ENTITY_ORGANIZATION ||
                k == ANNALS_ENTITY_GROUP) {
                return j;
            }
            return i;
        }
        if (!(ev_tok(s, j)->flags & ANNALS_TOK_CAP)) {
            return i;
        }
    }
    return i;
}

/* Add the mention at token i and the mentions coordinated with it. */
static void add_list(ev_sent *s, ev_trigger *t, annals__role *r, size_t i)
{
    const annals__mention *m = mention_at(s, chunk_head(s, i));
    const annals__mention *first = m;
    size_t j, count = 0, hops = 0;

    size_t base;

    if (!m) {
        return;
    }
    add_role(s, t, r, m->entity);
    base = r->n ? r->n - 1 : 0; /* leftward members go before it: text order */
    /* leftwards: "Qatar, Egypt and the United States" from any member;
     * the nearest separator must be a conjunction, so "Iranians, Ryder"
     * is no list */
    j = m->tok_begin;
    if (j > s->tb && ev_is(s, j - 1, EV_KW_THE)) {
        j--;
    }
    if (!(j > s->tb && (ev_is(s, j - 1, EV_KW_AND) || ev_is(s, j - 1, EV_KW_OR)))) {
        goto right;
    }
    for (;;) {
        j = m->tok_begin;
        if (j <= s->tb || count > s->max_fillers || ++hops > 4 * s->max_fillers) {
            break;
        }
        j--;
        if (ev_is(s, j, EV_KW_THE) && j > s->tb) {
            j--;
        }
        if (!(is_punct(s, j, ',') || ev_is(s, j, EV_KW_AND) || ev_is(s, j, EV_KW_OR)) ||
            j <= s->tb) {
            break;
        }
        j--;
        if (is_punct(s, j, ',') && j > s->tb) {
            j--;
        }
        m = mention_at(s, j);
        if (!m || (m->flags & ANNALS_MENTION_ADJ) != (first->flags & ANNALS_MENTION_ADJ)) {
            break;
        }
        {
            size_t before = r->n, k;
            if (!add_role(s, t, r, m->entity)) {
                return;
            }
            if (r->n > before && base < before) {
                uint32_t e = r->ent[before];
                for (k = before; k > base; k--) {
                    r->ent[k] = r->ent[k - 1];
                }
                r->ent[base] = e;
            }
        }
        count++;
    }
right:
    m = first;
    for (;;) {
        j = m->tok_end;
        if (j >= s->te || count > s->max_fillers || ++hops > 8 * s->max_fillers) {
            break;
        }
        if (!(is_punct(s, j, ',') || ev_is(s, j, EV_KW_AND) || ev_is(s, j, EV_KW_OR) ||
              ev_is(s, j, EV_KW_AMP))) {
            break;
        }
        j++;
        if (j < s->te && (ev_is(s, j, EV_KW_AND) || ev_is(s, j, EV_KW_OR))) {
            j++;
        }
        if (j < s->te && ev_is(s, j, EV_KW_THE)) {
            j++;
        }
        if (j >= s->te) {
            break;
        }
        m = mention_at(s, j);
        if (!m) {
            break;
        }
        if (!add_role(s, t, r, mention_at(s, chunk_head(s, j))->entity)) {
            return;
        }
        count++;
    }
}

static bool actor_mention(const ev_sent *s, const annals__mention *m)
{
    annals_entity_kind k = kind_of(s, m);
    return k != ANNALS_ENTITY_PLACE;
}


static bool after_prep_list(const ev_sent *s, const annals__mention *m,
                            uint32_t preps);

static bool after_place_prep(const ev_sent *s, const annals__mention *m)
{
    return after_prep_list(s, m, EVC_LOC_PREP);
}

static bool after_nonactor_prep(const ev_sent *s, const annals__mention *m)
{
    return after_prep_list(s, m, EVC_NONACTOR_PREP);
}

static bool after_prep_list(const ev_sent *s, const annals__mention *m,
                            uint32_t preps)
{
    size_t j = m->tok_begin, hops = 0;
    /* the first member of a list: "in Iraq, Syria and Yemen" */
    while (j > s->tb + 1 && hops < 32) {
        size_t k = j - 1;
        const annals__mention *p;
        if (ev_is(s, k, EV_KW_AND) || ev_is(s, k, EV_KW_OR) || is_punct(s, k, ',')) {
            if (is_punct(s, k, ',') && hops == 0 &&
                !(m->tok_end < s->te && (is_punct(s, m->tok_end, ',') ||
                                         ev_is(s, m->tok_end, EV_KW_AND) ||
                                         ev_is(s, m->tok_end, EV_KW_OR)))) {
                break; /* "In Geneva, Ruritania met": no list */
            }
            if (k > s->tb && is_punct(s, k - 1, ',')) {
                k--;
            }
            if (k == s->tb) {
                break;
            }
            p = mention_at(s, k - 1);
            if (!p || !is_place_mention(s, p)) {
                break;
            }
            j = p->tok_begin;
            hops++;
            continue;
        }
        break;
    }
    if (j <= s->tb) {
        return false;
    }
    j--;
    if (ev_is(s, j, EV_KW_THE) && j > s->tb) {
        j--;
    }
    return ev_in(s, j, preps);
}

/* Nearest actor to the left of token `from` in segment `seg` (skipping
 * nested clauses); returns its token or SIZE_MAX. Sets *stop_trig to a
 * trigger met first (for inheritance and absorption). */
static size_t find_left_actor(const ev_sent *s, size_t from, int seg, int *stop_trig,
                              bool stop_comma)
{
    size_t j = from, steps = 0;
    *stop_trig = -1;
    while (j > s->tb && steps < 3 * WINDOW) {
        const annals__mention *m;
        int rel;
        j--;
        steps++;
        rel = seg_rel(s, j, seg);
        if (rel < 0) {
            break;
        }
        if (rel > 0) {
            continue;
        }
        if (stop_comma && (is_punct(s, j, ',') || is_quote(s, j))) {
            break;
        }
        if (s->trig[j - s->tb] >= 0) {
            *stop_trig = s->trig[j - s->tb];
            return SIZE_MAX;
        }
        m = mention_at(s, j);
        if (m && actor_mention(s, m) && !(after_nonactor_prep(s, m) && is_place_mention(s, m))) {
            return m->tok_begin;
        }
    }
    return SIZE_MAX;
}

/* Is the "by" at token j the agent of a participle that modifies the
 * complement of the noun ("the release of hostages held by X")? Then it is
 * no agent of the noun ("the arrest of leaders by X", "talks led by X"). */
static bool participle_of_complement(const ev_sent *s, const ev_trigger *t, size_t j)
{
    static const char *const irregular[] = {"held", "led", "made", "kept", "built", "caught",
                                            "brought", "sought", "run", "hit", "set", "taken",
                                            "given", "seen", "driven", "won", NULL};
    const annals__token *p = ev_tok(s, j - 1);
    const char *w = annals__tok_ptr(s->doc, p);
    size_t n = annals__tok_len(p), k;
    bool of = false, participle;
    for (k = t->te; k + 1 < j; k++) {
        of = of || ev_is(s, k, EV_KW_OF);
    }
    if (!of || !(p->flags & ANNALS_TOK_WORD) || (p->flags & ANNALS_TOK_CAP) ||
        s->trig[j - 1 - s->tb] >= 0) {
        return false;
    }
    participle = n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd';
    for (k = 0; irregular[k] && !participle; k++) {
        participle = strlen(irregular[k]) == n && memcmp(irregular[k], w, n) == 0;
    }
    return participle;
}

/* A place named in the object of the verb: "shelled the city of Kharkiv",
 * "entered the northern town of X" (lower-case words and "of" only). */
static bool place_object(const ev_sent *s, const ev_trigger *t, const annals__mention *m)
{
    size_t j;
    if (m->tok_begin > t->te + 5) {
        return false;
    }
    for (j = t->te; j < m->tok_begin; j++) {
        const annals__token *k = ev_tok(s, j);
        if (!(k->flags & ANNALS_TOK_WORD) || (k->flags & ANNALS_TOK_CAP) ||
            s->trig[j - s->tb] >= 0 || s->mention[j - s->tb] >= 0 ||
            (ev_in(s, j, EVC_NOUN_RIGHT | EVC_NONACTOR_PREP | EVC_LOC_PREP) &&
             !ev_is(s, j, EV_KW_OF)) ||
            ev_is(s, j, EV_KW_TO)) {
            return false;
        }
    }
    return true;
}

/* Target region to the right: the first actor mention, places collected. */
static void right_region(ev_sent *s, ev_trigger *t, size_t from, bool want_target,
                         annals__role *target, bool dest)
{
    size_t j, steps = 0;
    bool got = !want_target;
    for (j = from; j < s->te && steps < WINDOW; j++, steps++) {
        const annals__mention *m;
        int rel = seg_rel(s, j, t->seg);
        if (rel < 0) {
            break;
        }
        if (rel > 0) {
            continue;
        }
        if (s->trig[j - s->tb] >= 0 && j >= t->te) {
            const ev_trigger *o = annals__vec_at(&s->trigs, (size_t)s->trig[j - s->tb]);
            if (!o->noun || got) {
                break;
            }
        }
        if (ev_is(s, j, EV_KW_BY) && !t->noun && !t->passive) {
            break;
        }
        if (ev_is(s, j, EV_KW_BY) && t->noun) {
            /* "attacks by X", "an attack on Y by X": the agent of the noun;
             * "the release of hostages held by X": a modifier of the
             * complement, where the search ends */
            size_t k = j + 1;
            const annals__mention *a;
            if (j > t->te && participle_of_complement(s, t, j)) {
                break;
            }
            {
                /* "negotiations had been bogged down by X": the agent of
                 * another verb */
                size_t q;
                bool verb = false;
                for (q = t->te; q < j && !verb; q++) {
                    verb = ev_in(s, q, EVC_BE) || ev_is(s, q, EV_KW_HAD) ||
                           ev_is(s, q, EV_KW_HAS) || ev_is(s, q, EV_KW_HAVE);
                }
                if (verb) {
                    break;
                }
            }
            if (k < s->te && ev_is(s, k, EV_KW_THE)) {
                k++;
            }
            a = k < s->te ? mention_at(s, k) : NULL;
            if (a && actor_mention(s, a) && t->source.n == 0) {
                add_list(s, t, &t->source, k);
                t->src_why = "by-phrase";
                j = a->tok_end - 1;
            }
            continue;
        }
        m = mention_at(s, j);
        if (!m) {
            continue;
        }
        if (is_place_mention(s, m) && after_place_prep(s, m)) {
            size_t k;
            bool direct = dest && m->tok_begin <= t->te + 1;
            for (k = j; k < s->te;) {
                const annals__mention *p = mention_at(s, k);
                if (!p || !is_place_mention(s, p)) {
                    break;
                }
                add_role(s, t, &t->places, p->entity);
                if (direct && !got && kind_of(s, p) == ANNALS_ENTITY_COUNTRY) {
                    add_role(s, t, target, p->entity);
                }
                k = p->tok_end;
                if (k < s->te && (is_punct(s, k, ',') || ev_is(s, k, EV_KW_AND))) {
                    k++;
                    if (k < s->te && ev_is(s, k, EV_KW_AND)) {
                        k++;
                    }
                    continue;
                }
                break;
            }
            if (direct) {
                got = true;
            }
            j = m->tok_end - 1;
            continue;
        }
        if (dest && is_place_mention(s, m) && m->tok_begin <= t->te + 1) {
            add_role(s, t, &t->places, m->entity);
        }
        if (!got && !actor_mention(s, m) && !t->noun &&
            (m->tok_begin <= t->te + 1 || place_object(s, t, m))) {
            add_role(s, t, &t->places, m->entity);
            j = m->tok_end - 1;
            continue;
        }
        if (!got && actor_mention(s, m)) {
            if (ev_is(s, m->tok_begin > s->tb ? m->tok_begin - 1 : m->tok_begin, EV_KW_BY) &&
                !t->passive && t->noun) {
                /* "attacks by X": the source of a nominal event */
                if (t->source.n == 0) {
                    add_list(s, t, &t->source, j);
                    t->src_why = "by-phrase";
                }
            } else if (m->tok_begin > s->tb && ev_is(s, m->tok_begin - 1, EV_KW_BETWEEN)) {
                add_list(s, t, &t->participants, j);
                got = true;
            } else {
                add_list(s, t, target, j);
                t->tgt_why = t->noun ? "noun complement" : "object";
                if (target == &t->target) {
                    /* the preposition before it, for the label ("clashes with") */
                    size_t q = m->tok_begin, hops = 0;
                    while (q > t->te && hops++ < 3 && ev_in(s, q - 1, EVC_DET) &&
                           !ev_is(s, q - 1, EV_KW_OF)) {
                        q--;
                    }
                    if (q > t->te && (ev_in(s, q - 1, EVC_NOUN_RIGHT) || ev_is(s, q - 1, EV_KW_TO) ||
                                      ev_is(s, q - 1, EV_KW_FOR))) {
                        t->tgt_prep = q - 1;
                    }
                }
                got = true;
            }
            j = m->tok_end - 1;
        }
    }
}

static size_t by_agent(const ev_sent *s, const ev_trigger *t)
{
    size_t j, steps = 0;
    for (j = t->te; j < s->te && steps < WINDOW; j++, steps++) {
        if (seg_rel(s, j, t->seg) < 0) {
            break;
        }
        if (ev_is(s, j, EV_KW_BY)) {
            size_t k;
            for (k = j + 1; k < s->te && k < j + 4; k++) {
                const annals__mention *m = mention_at(s, k);
                if (m && actor_mention(s, m)) {
                    return k;
                }
            }
            return SIZE_MAX;
        }
    }
    return SIZE_MAX;
}

/* Source of a nominal trigger from its left modifiers. */
static void nominal_source(ev_sent *s, ev_trigger *t)
{
    size_t j = t->tb, steps = 0;
    while (j > s->tb && steps < 4) {
        const annals__mention *m;
        const annals__token *tk;
        j--;
        steps++;
        tk = ev_tok(s, j);
        if (tk->flags & ANNALS_TOK_POSSESSIVE) {
            if (j > s->tb && (m = mention_at(s, j - 1)) != NULL && actor_mention(s, m)) {
                add_list(s, t, &t->source, j - 1);
                t->src_why = "possessive";
            }
            return;
        }
        m = mention_at(s, j);
        if (m) {
            if (actor_mention(s, m) && !after_place_prep(s, m)) {
                add_list(s, t, &t->source, j);
                t->src_why = "adjectival actor";
            }
            return;
        }
        if (ev_in(s, j, EVC_DET) && !ev_is(s, j, EV_KW_OF)) {
            continue;
        }
        if ((tk->flags & ANNALS_TOK_PUNCT) || s->trig[j - s->tb] >= 0 ||
            ev_in(s, j, EVC_NONACTOR_PREP) || ev_is(s, j, EV_KW_OF) ||
            ev_is(s, j, EV_KW_TO) || ev_is(s, j, EV_KW_AND)) {
            return;
        }
    }
}

static bool light_verb_before(const ev_sent *s, const ev_trigger *t, size_t *lv)
{
    size_t j = t->tb, steps = 0;
    while (j > s->tb && steps < 4) {
        j--;
        steps++;
        if (ev_in(s, j, EVC_LIGHT)) {
            *lv = j;
            return true;
        }
        if (!(ev_tok(s, j)->flags & ANNALS_TOK_WORD) || mention_at(s, j) ||
            s->trig[j - s->tb] >= 0 || ev_in(s, j, EVC_NONACTOR_PREP)) {
            return false;
        }
    }
    return false;
}

static void inherit_source(ev_sent *s, ev_trigger *t, const ev_trigger *from, const char *why)
{
    size_t k;
    for (k = 0; k < from->source.n; k++) {
        add_role(s, t, &t->source, from->source.ent[k]);
    }
    if (from->source.n) {
        t->src_why = why;
        t->inherited_source = true;
    }
}

/* The last trigger of segment `seg` (or its parents) having a source. */
static const ev_trigger *seg_subject_trigger(const ev_sent *s, int seg, size_t before)
{
    int g = seg, hops = 0;
    while (g >= 0 && hops++ < 8) {
        size_t k = s->trigs.n, seen = 0;
        while (k-- > 0 && seen++ < 32) {
            const ev_trigger *o = annals__vec_at(&s->trigs, k);
            if (o->seg == g && o->tb < before && o->source.n && !o->dead) {
                return o;
            }
        }
        g = s->seg_parent[g];
    }
    return NULL;
}

/* Antecedent of a relative clause: the actor just before who/which/that. */
static void relative_antecedent(ev_sent *s, ev_trigger *t)
{
    size_t j, steps = 0;
    for (j = t->tb; j > s->tb && steps < WINDOW; steps++) {
        j--;
        if (s->seg[j - s->tb] != t->seg) {
            size_t k, st = 0;
            /* j is the last token before the clause */
            for (k = j + 1; k > s->tb && st < 9; st++) {
                const annals__mention *m;
                k--;
                if (is_punct(s, k, ',') || s->timex[k - s->tb] >= 0) {
                    continue;
                }
                if (s->trig[k - s->tb] >= 0) {
                    ev_trigger *o = annals__vec_at(&s->trigs, (size_t)s->trig[k - s->tb]);
                    if (o->noun && (t->flags & EV_F_CASUALTY || t->code == o->code)) {
                        t->absorbed_by = s->trig[k - s->tb];
                    }
                    return;
                }
                m = mention_at(s, k);
                if (m && is_place_mention(s, m) && after_place_prep(s, m)) {
                    k = m->tok_begin;
                    continue;
                }
                if (m && actor_mention(s, m)) {
                    add_list(s, t, &t->source, k);
                    t->src_why = "relative antecedent";
                    return;
                }
            }
            return;
        }
    }
}

/* "In Geneva, X met Y": locative phrases of the clause before the trigger */
static void left_places(ev_sent *s, ev_trigger *t)
{
    size_t j = t->tb, steps = 0;
    while (j > s->tb && steps < 3 * WINDOW) {
        const annals__mention *m;
        j--;
        steps++;
        if (s->seg[j - s->tb] != t->seg) {
            if (s->seg[j - s->tb] < t->seg) {
                break;
            }
            continue;
        }
        m = mention_at(s, j);
        if (m && is_place_mention(s, m) && after_place_prep(s, m)) {
            add_role(s, t, &t->places, m->entity);
            j = m->tok_begin;
        }
    }
}

static bool violent_code(const ev_code *c)
{
    return (c->root[0] == '1' && c->root[1] >= '8') || (c->root[0] == '2' && c->root[1] == '0');
}

/* ", killing four civilians": a casualty participle after a comma. */
static bool participle(const ev_sent *s, const ev_trigger *t)
{
    size_t j;
    if (t->noun || t->infl != EV_ING || !(t->flags & EV_F_CASUALTY) || t->tb <= s->tb) {
        return false;
    }
    if (is_punct(s, t->tb - 1, ',')) {
        return true;
    }
    /* "..., killing 12 guests and wounding 20": the same series */
    if (!(ev_is(s, t->tb - 1, EV_KW_AND) || ev_is(s, t->tb - 1, EV_KW_OR))) {
        return false;
    }
    for (j = t->tb - 1; j > s->tb && t->tb - j < WINDOW;) {
        int32_t k = s->trig[--j - s->tb];
        if (k >= 0) {
            const ev_trigger *o = annals__vec_at(&s->trigs, (size_t)k);
            return o != t && !o->noun && o->infl == EV_ING && (o->flags & EV_F_CASUALTY) &&
                   o->tb > s->tb && is_punct(s, o->tb - 1, ',');
        }
    }
    return false;
}

/* The host of a participle: the nearest live trigger to its left. */
static int participle_host(const ev_sent *s, const ev_trigger *t)
{
    size_t j = t->tb - 1, steps = 0; /* the comma or conjunction */
    if (!participle(s, t)) {
        return -1;
    }
    while (j > s->tb && steps++ < 3 * WINDOW) {
        int32_t k;
        j--;
        k = s->trig[j - s->tb];
        if (k >= 0) {
            const ev_trigger *o = annals__vec_at(&s->trigs, (size_t)k);
            if (o->absorbed_by >= 0 || o->dead) {
                continue;
            }
            return k;
        }
    }
    return -1;
}

void ev_roles(ev_sent *s)
{
    size_t ti;
    for (ti = 0; ti < s->trigs.n; ti++) {
        ev_trigger *t = annals__vec_at(&s->trigs, ti);
        t->seg = s->seg[t->tb - s->tb];
    }
    for (ti = 0; ti < s->trigs.n; ti++) {
        ev_trigger *t = annals__vec_at(&s->trigs, ti);
        int stop = -1;
        size_t lv, a;
        int kind = s->seg_kind[t->seg];

        if (t->dead) {
            continue;
        }
        if (t->noun) {
            bool verbal = light_verb_before(s, t, &lv);
            bool gerund = false;
            if (!verbal) {
                const annals__token *h = ev_tok(s, t->tb);
                size_t n = annals__tok_len(h);
                gerund = n > 4 && memcmp(annals__tok_ptr(s->doc, h) + n - 3, "ing", 3) == 0 &&
                         t->tb > s->tb && ev_in(s, t->tb - 1, EVC_SUBORD);
            }
            if (verbal) {
                a = find_left_actor(s, lv, t->seg, &stop, false);
                if (a != SIZE_MAX) {
                    add_list(s, t, &t->source, a);
                    t->src_why = "subject of light verb";
                }
            } else if (!gerund) {
                nominal_source(s, t);
            }
            right_region(s, t, t->te, true, &t->target, (t->flags & EV_F_DEST) != 0);
            if (gerund && t->source.n == 0) {
                const ev_trigger *o = seg_subject_trigger(s, t->seg, t->tb);
                if (o) {
                    inherit_source(s, t, o, "subject of the main clause");
                }
            }
            if (t->source.n == 0 && verbal && stop >= 0) {
                const ev_trigger *o = annals__vec_at(&s->trigs, (size_t)stop);
                inherit_source(s, t, o, "shared subject");
            }
            continue;
        }
        if (t->passive) {
            a = find_left_actor(s, t->tb, t->seg, &stop, false);
            if (a != SIZE_MAX) {
                add_list(s, t, &t->target, a);
                t->tgt_why = "passive subject";
            }
            a = by_agent(s, t);
            if (a != SIZE_MAX) {
                add_list(s, t, &t->source, a);
                t->src_why = "passive by-agent";
            }
            right_region(s, t, t->te, false, &t->target, (t->flags & EV_F_DEST) != 0);
            /* "were killed in the October 7 attack" */
            if (t->flags & EV_F_CASUALTY) {
                size_t j;
                for (j = t->te; j < s->te && j < t->te + 6; j++) {
                    if (s->trig[j - s->tb] >= 0) {
                        ev_trigger *o = annals__vec_at(&s->trigs, (size_t)s->trig[j - s->tb]);
                        if (o->noun && (ev_code_at(s->lex, o->code)->root[0] == '1' ||
                                        ev_code_at(s->lex, o->code)->root[0] == '2') &&
                            ev_code_at(s->lex, o->code)->root[1] >= '8') {
                            t->absorbed_by = s->trig[j - s->tb];
                        }
                        break;
                    }
                }
            }
            continue;
        }
        a = SIZE_MAX;
        {
            int host = participle_host(s, t);
            if (host >= 0) {
                const ev_trigger *o = annals__vec_at(&s->trigs, (size_t)host);
                if (violent_code(ev_code_at(s->lex, o->code))) {
                    /* the killing is the toll of the violent act: one event */
                    t->absorbed_by = host;
                } else if (!o->noun) {
                    inherit_source(s, t, o, "subject of the main clause");
                }
            } else if (participle(s, t)) {
                /* no event before it: the subject of the sentence, not the
                 * nearest name ("X fired on camps near the Thai border,
                 * killing 50") */
                size_t j;
                for (j = s->tb; j + 1 < t->tb; j++) {
                    const annals__mention *m = mention_at(s, j);
                    if (s->seg[j - s->tb] != t->seg || ev_in(s, j, EVC_NOUN_RIGHT | EVC_NONACTOR_PREP | EVC_LOC_PREP) ||
                        ev_is(s, j, EV_KW_TO)) {
                        break;
                    }
                    if (m && actor_mention(s, m)) {
                        add_list(s, t, &t->source, j);
                        t->src_why = "subject of the main clause";
                        break;
                    }
                }
                stop = -1;
                a = SIZE_MAX;
            }
        }
        if (t->absorbed_by < 0 && t->source.n == 0 && !participle(s, t)) {
            a = find_left_actor(s, t->tb, t->seg, &stop, (t->flags & EV_F_SAY) != 0);
        }
        if (a != SIZE_MAX && (t->flags & EV_F_CASUALTY)) {
            /* "the Israeli offensive against Hamas ... has killed": the actor
             * belongs to the violent noun phrase that is the subject */
            int st2 = -1;
            size_t b = find_left_actor(s, a, t->seg, &st2, false);
            (void)b;
            if (st2 >= 0) {
                ev_trigger *o = annals__vec_at(&s->trigs, (size_t)st2);
                const ev_code *oc = ev_code_at(s->lex, o->code);
                if (o->noun && oc->root[0] != '0' && oc->root[1] >= '8' && a - o->te < 8) {
                    t->absorbed_by = st2;
                    a = SIZE_MAX;
                    stop = -1;
                }
            }
        }
        if (t->absorbed_by >= 0) {
            /* folded into the noun */
        } else if (a != SIZE_MAX) {
            add_list(s, t, &t->source, a);
            t->src_why = "subject";
        } else if (stop >= 0) {
            ev_trigger *o = annals__vec_at(&s->trigs, (size_t)stop);
            const ev_code *oc = ev_code_at(s->lex, o->code);
            if (o->noun && (t->flags & EV_F_CASUALTY || t->code == o->code ||
                            (oc->root[0] != '0' && oc->root[1] >= '8' && oc->root[0] != '0' &&
                             strcmp(oc->root, ev_code_at(s->lex, t->code)->root) == 0))) {
                t->absorbed_by = stop;
            } else if (o->noun && (t->flags & EV_F_CASUALTY) == 0 &&
                       ev_code_at(s->lex, t->code)->root[0] != '0' &&
                       ev_code_at(s->lex, t->code)->root[1] >= '8' &&
                       (strcmp(oc->root, "18") == 0 || strcmp(oc->root, "19") == 0 ||
                        strcmp(oc->root, "20") == 0)) {
                t->absorbed_by = stop; /* "the attacks ... targeted X" */
            } else if (!o->noun) {
                inherit_source(s, t, o, "shared subject");
            } else {
                size_t b = o->tb;
                a = find_left_actor(s, b, t->seg, &stop, false);
                if (a != SIZE_MAX) {
                    add_list(s, t, &t->source, a);
                    t->src_why = "subject";
                }
            }
        }
        if (t->source.n == 0 && t->absorbed_by < 0) {
            if (kind == EV_SEG_RELATIVE) {
                relative_antecedent(s, t);
            } else if (kind == EV_SEG_COORD || kind == EV_SEG_SUBORD) {
                const ev_trigger *o = seg_subject_trigger(s, s->seg_parent[t->seg], t->tb);
                if (o) {
                    inherit_source(s, t, o, "subject of the main clause");
                }
            }
        }
        if (t->source.n == 0 && (t->flags & EV_F_SAY)) {
            /* "said Ryder" */
            size_t j;
            for (j = t->te; j < s->te && j < t->te + 6; j++) {
                const annals__mention *m = mention_at(s, j);
                if (m && actor_mention(s, m)) {
                    add_list(s, t, &t->source, j);
                    t->src_why = "inverted subject";
                    break;
                }
            }
        }
        if (!(t->flags & EV_F_SAY) && t->te - t->tb > 2) {
            /* actors inside a gapped pattern: "rejected an Indian proposal",
             * "accused the United States of ..." */
            size_t j;
            for (j = t->tb + 1; j < t->te; j++) {
                const annals__mention *m = mention_at(s, j);
                if (m && actor_mention(s, m) && !(is_place_mention(s, m) && after_place_prep(s, m))) {
                    add_role(s, t, &t->target, m->entity);
                    t->tgt_why = "actor inside the trigger phrase";
                    j = m->tok_end - 1;
                }
            }
        }
        if (!(t->flags & EV_F_SAY)) {
            right_region(s, t, t->te, t->target.n == 0, &t->target, (t->flags & EV_F_DEST) != 0);
        } else if (t->te < s->te && mention_at(s, t->te) &&
                   actor_mention(s, mention_at(s, t->te))) {
            add_list(s, t, &t->target, t->te);
            t->tgt_why = "addressee";
        }
        left_places(s, t);
        /* "demanded that the US cancel ...": the subject of the that-clause */
        if (t->target.n == 0 && !(t->flags & EV_F_SAY) && t->te < s->te &&
            (ev_is(s, t->te, EV_KW_THAT) || ev_is(s, t->te, EV_KW_ON))) {
            size_t j;
            for (j = t->te + 1; j < s->te && j < t->te + 6; j++) {
                const annals__mention *m = mention_at(s, j);
                if (m && actor_mention(s, m)) {
                    add_list(s, t, &t->target, j);
                    t->tgt_why = "subject of the demanded clause";
                    break;
                }
                if (s->trig[j - s->tb] >= 0) {
                    break;
                }
            }
        }
    }
}
