/* SPDX-License-Identifier: MIT */
/*
 * events/keywords.h - the closed-class words the events stage tests
 * (determiners, auxiliaries, prepositions, subordinators, quantifiers...).
 * Each token of a sentence gets its keyword id once (the same hash lookup
 * that finds its trigger lemma), so the clause, role, modality and count
 * rules compare integers and test class bits instead of strings.
 *
 * X(ID, "word", classes): the word, lower case, and the word classes it
 * belongs to (EVC_* bits; 0 for a word tested on its own).
 */
#ifndef ANNALS_EVENTS_KEYWORDS_H
#define ANNALS_EVENTS_KEYWORDS_H

/* Word classes (bit masks). */
enum {
    EVC_DET = 1u << 0,           /* determiners and pre-nominal words: a noun reading follows */
    EVC_BE = 1u << 1,            /* forms of be/get: passives */
    EVC_VERB_LEFT = 1u << 2,     /* auxiliaries, pronouns...: a verb reading follows */
    EVC_NOUN_RIGHT = 1u << 3,    /* prepositions after a nominal trigger */
    EVC_NEG = 1u << 4,           /* negators */
    EVC_HYPO = 1u << 5,          /* modal verbs */
    EVC_FUTURE = 1u << 6,        /* future auxiliaries */
    EVC_PLAN = 1u << 7,          /* "expected/plans/set ... to" */
    EVC_NEG_VERB = 1u << 8,      /* "failed/refused/declined to" */
    EVC_UNIT = 1u << 9,          /* units that make a number no count */
    EVC_SUBORD = 1u << 10,       /* subordinating conjunctions */
    EVC_COND = 1u << 11,         /* if, unless */
    EVC_REL = 1u << 12,          /* relative pronouns */
    EVC_NONACTOR_PREP = 1u << 13, /* a mention after these is no actor */
    EVC_LIGHT = 1u << 14,        /* light verbs: "held talks" */
    EVC_LOC_PREP = 1u << 15,     /* locative prepositions */
    EVC_NONSTATE = 1u << 16      /* "Burundian militiamen": armed men of no state */
};

#define EV_KEYWORDS(X) \
    X(TRIBESMEN, "tribesmen", EVC_NONSTATE) \
    X(VIGILANTES, "vigilantes", EVC_NONSTATE) \
    X(SETTLERS, "settlers", EVC_NONSTATE) \
    X(RIOTERS, "rioters", EVC_NONSTATE) \
    X(MOB, "mob", EVC_NONSTATE) \
    X(BOMBERS, "bombers", EVC_NONSTATE) \
    X(ATTACKERS, "attackers", EVC_NONSTATE) \
    X(TERRORISTS, "terrorists", EVC_NONSTATE) \
    X(SEPARATISTS, "separatists", EVC_NONSTATE) \
    X(JIHADISTS, "jihadists", EVC_NONSTATE) \
    X(EXTREMISTS, "extremists", EVC_NONSTATE) \
    X(GUERRILLA, "guerrilla", EVC_NONSTATE) \
    X(GUERRILLAS, "guerrillas", EVC_NONSTATE) \
    X(INSURGENT, "insurgent", EVC_NONSTATE) \
    X(INSURGENTS, "insurgents", EVC_NONSTATE) \
    X(MILITANT, "militant", EVC_NONSTATE) \
    X(MILITANTS, "militants", EVC_NONSTATE) \
    X(GUNMAN, "gunman", EVC_NONSTATE) \
    X(GUNMEN, "gunmen", EVC_NONSTATE) \
    X(REBEL, "rebel", EVC_NONSTATE) \
    X(REBELS, "rebels", EVC_NONSTATE) \
    X(MILITIAS, "militias", EVC_NONSTATE) \
    X(MILITIA, "militia", EVC_NONSTATE) \
    X(MILITIAMEN, "militiamen", EVC_NONSTATE) \
    X(PERCENT_SIGN, "%", EVC_UNIT) \
    X(AMP, "&", 0) \
    X(APOS_LL, "'ll", EVC_VERB_LEFT | EVC_FUTURE) \
    X(APOS_S, "'s", EVC_BE) \
    X(A, "a", EVC_DET) \
    X(AM_DOT, "a.m.", EVC_UNIT) \
    X(ABOUT, "about", 0) \
    X(ABOVE, "above", 0) \
    X(ACCORDING, "according", 0) \
    X(ACROSS, "across", EVC_NONACTOR_PREP | EVC_LOC_PREP) \
    X(AFTER, "after", EVC_SUBORD) \
    X(AGAIN, "again", EVC_VERB_LEFT) \
    X(AGAINST, "against", EVC_NOUN_RIGHT) \
    X(AIMED, "aimed", EVC_PLAN) \
    X(AIMS, "aims", EVC_PLAN) \
    X(ALLEGEDLY, "allegedly", 0) \
    X(ALMOST, "almost", 0) \
    X(ALREADY, "already", 0) \
    X(ALSO, "also", EVC_VERB_LEFT) \
    X(ALTHOUGH, "although", EVC_SUBORD) \
    X(AM, "am", EVC_UNIT) \
    X(AMID, "amid", EVC_SUBORD) \
    X(AN, "an", EVC_DET) \
    X(AND, "and", EVC_VERB_LEFT) \
    X(ANNOUNCED, "announced", EVC_LIGHT) \
    X(ANOTHER, "another", EVC_DET) \
    X(ANY, "any", EVC_DET) \
    X(APPROXIMATELY, "approximately", 0) \
    X(ARE, "are", EVC_BE | EVC_PLAN) \
    X(AROUND, "around", EVC_LOC_PREP) \
    X(AS, "as", 0) \
    X(AT, "at", EVC_NOUN_RIGHT | EVC_NONACTOR_PREP | EVC_LOC_PREP) \
    X(BE, "be", EVC_BE) \
    X(BECAUSE, "because", EVC_SUBORD) \
    X(BEEN, "been", EVC_BE) \
    X(BEFORE, "before", EVC_SUBORD) \
    X(BEGAN, "began", EVC_LIGHT) \
    X(BEGIN, "begin", EVC_LIGHT) \
    X(BEGINS, "begins", EVC_LIGHT) \
    X(BEGUN, "begun", EVC_LIGHT) \
    X(BEING, "being", EVC_BE) \
    X(BETWEEN, "between", EVC_NOUN_RIGHT) \
    X(BUT, "but", 0) \
    X(BY, "by", EVC_NOUN_RIGHT) \
    X(CA, "ca", EVC_HYPO) \
    X(CAN, "can", EVC_VERB_LEFT | EVC_HYPO) \
    X(CARRIED, "carried", EVC_LIGHT) \
    X(COMPLETED, "completed", EVC_LIGHT) \
    X(CONDUCT, "conduct", EVC_LIGHT) \
    X(CONDUCTED, "conducted", EVC_LIGHT) \
    X(CONDUCTS, "conducts", EVC_LIGHT) \
    X(CONTINUE, "continue", EVC_LIGHT) \
    X(CONTINUED, "continued", EVC_LIGHT) \
    X(CONTINUES, "continues", EVC_LIGHT) \
    X(COULD, "could", EVC_VERB_LEFT | EVC_HYPO) \
    X(DAY, "day", EVC_UNIT) \
    X(DAYS, "days", EVC_UNIT) \
    X(DECLINED, "declined", EVC_NEG_VERB) \
    X(DECLINES, "declines", EVC_NEG_VERB) \
    X(DID, "did", EVC_VERB_LEFT) \
    X(DO, "do", EVC_VERB_LEFT) \
    X(DOES, "does", EVC_VERB_LEFT) \
    X(DOLLARS, "dollars", EVC_UNIT) \
    X(DOZENS, "dozens", 0) \
    X(DUE, "due", EVC_PLAN) \
    X(DURING, "during", EVC_NONACTOR_PREP) \
    X(EACH, "each", EVC_DET) \
    X(ESTIMATED, "estimated", 0) \
    X(EVERY, "every", EVC_DET) \
    X(EXPECTED, "expected", EVC_PLAN) \
    X(FAILED, "failed", EVC_NEG_VERB) \
    X(FAILS, "fails", EVC_NEG_VERB) \
    X(FEWER, "fewer", 0) \
    X(FIRST, "first", EVC_DET) \
    X(FOR, "for", 0) \
    X(FOLLOWING, "following", EVC_SUBORD) \
    X(FROM, "from", EVC_NONACTOR_PREP) \
    X(FURTHER, "further", EVC_DET) \
    X(GET, "get", EVC_BE) \
    X(GETS, "gets", EVC_BE) \
    X(GOING, "going", EVC_PLAN) \
    X(GOT, "got", EVC_BE) \
    X(HAD, "had", EVC_LIGHT) \
    X(HAS, "has", 0) \
    X(HAVE, "have", 0) \
    X(HE, "he", EVC_VERB_LEFT) \
    X(HELD, "held", EVC_LIGHT) \
    X(HER, "her", EVC_DET) \
    X(HIS, "his", EVC_DET) \
    X(HOLD, "hold", EVC_LIGHT) \
    X(HOLDING, "holding", EVC_LIGHT) \
    X(HOLDS, "holds", EVC_LIGHT) \
    X(HOPED, "hoped", EVC_PLAN) \
    X(HOPES, "hopes", EVC_PLAN) \
    X(HOUR, "hour", EVC_UNIT) \
    X(HOURS, "hours", EVC_UNIT) \
    X(HUNDRED, "hundred", 0) \
    X(HUNDREDS, "hundreds", 0) \
    X(I, "i", EVC_VERB_LEFT) \
    X(IF, "if", EVC_COND) \
    X(IN, "in", EVC_NOUN_RIGHT | EVC_NONACTOR_PREP | EVC_LOC_PREP) \
    X(INSIDE, "inside", EVC_NONACTOR_PREP | EVC_LOC_PREP) \
    X(INTENDED, "intended", EVC_PLAN) \
    X(INTENDS, "intends", EVC_PLAN) \
    X(INTO, "into", EVC_NONACTOR_PREP | EVC_LOC_PREP) \
    X(IS, "is", EVC_BE | EVC_PLAN) \
    X(IT, "it", EVC_VERB_LEFT) \
    X(ITS, "its", EVC_DET) \
    X(JOINTLY, "jointly", EVC_VERB_LEFT) \
    X(KILOMETERS, "kilometers", EVC_UNIT) \
    X(KILOMETRES, "kilometres", EVC_UNIT) \
    X(KM, "km", EVC_UNIT) \
    X(LAST, "last", EVC_DET) \
    X(LATER, "later", 0) \
    X(LATEST, "latest", EVC_DET) \
    X(LAUNCH, "launch", EVC_LIGHT) \
    X(LAUNCHED, "launched", EVC_LIGHT) \
    X(LAUNCHES, "launches", EVC_LIGHT) \
    X(LAUNCHING, "launching", EVC_LIGHT) \
    X(LEAST, "least", 0) \
    X(LESS, "less", 0) \
    X(LIKE, "like", EVC_NONACTOR_PREP) \
    X(MADE, "made", EVC_LIGHT) \
    X(MAKE, "make", EVC_LIGHT) \
    X(MAKES, "makes", EVC_LIGHT) \
    X(MANY, "many", EVC_DET) \
    X(MAY, "may", EVC_VERB_LEFT | EVC_HYPO) \
    X(MIGHT, "might", EVC_VERB_LEFT | EVC_HYPO) \
    X(MILES, "miles", EVC_UNIT) \
    X(MILLION, "million", 0) \
    X(MINUTE, "minute", EVC_UNIT) \
    X(MINUTES, "minutes", EVC_UNIT) \
    X(MONTH, "month", EVC_UNIT) \
    X(MONTHS, "months", EVC_UNIT) \
    X(MORE, "more", EVC_DET) \
    X(MOUNTED, "mounted", EVC_LIGHT) \
    X(MUST, "must", EVC_VERB_LEFT | EVC_HYPO) \
    X(MY, "my", EVC_DET) \
    X(NT, "n't", EVC_VERB_LEFT | EVC_NEG) \
    X(NEAR, "near", EVC_NONACTOR_PREP | EVC_LOC_PREP) \
    X(NEARLY, "nearly", 0) \
    X(NEVER, "never", EVC_VERB_LEFT | EVC_NEG) \
    X(NEW, "new", EVC_DET) \
    X(NO, "no", EVC_DET | EVC_NEG) \
    X(NOT, "not", EVC_VERB_LEFT | EVC_NEG) \
    X(NUMEROUS, "numerous", EVC_DET) \
    X(OF, "of", EVC_DET | EVC_NOUN_RIGHT) \
    X(ON, "on", EVC_NOUN_RIGHT) \
    X(OPEN, "open", EVC_LIGHT) \
    X(OPENED, "opened", EVC_LIGHT) \
    X(OR, "or", EVC_VERB_LEFT) \
    X(ORDERED, "ordered", EVC_LIGHT) \
    X(OUR, "our", EVC_DET) \
    X(OUTSIDE, "outside", EVC_NONACTOR_PREP | EVC_LOC_PREP) \
    X(OVER, "over", EVC_NONACTOR_PREP) \
    X(PM_DOT, "p.m.", EVC_UNIT) \
    X(PAID, "paid", EVC_LIGHT) \
    X(PAY, "pay", EVC_LIGHT) \
    X(PERCENT, "percent", EVC_UNIT) \
    X(PLAN, "plan", EVC_PLAN) \
    X(PLANNED, "planned", EVC_DET | EVC_PLAN) \
    X(PLANNING, "planning", EVC_PLAN) \
    X(PLANS, "plans", EVC_PLAN) \
    X(PM, "pm", EVC_UNIT) \
    X(POSSIBLE, "possible", EVC_DET) \
    X(POTENTIAL, "potential", 0) \
    X(PREPARED, "prepared", EVC_PLAN) \
    X(PREPARING, "preparing", EVC_PLAN) \
    X(PROPOSED, "proposed", 0) \
    X(READY, "ready", EVC_PLAN) \
    X(RECENT, "recent", EVC_DET) \
    X(REFUSED, "refused", EVC_NEG_VERB) \
    X(REFUSES, "refuses", EVC_NEG_VERB) \
    X(REPORTEDLY, "reportedly", 0) \
    X(RESUME, "resume", EVC_LIGHT) \
    X(RESUMED, "resumed", EVC_LIGHT) \
    X(ROUGHLY, "roughly", 0) \
    X(SCHEDULED, "scheduled", EVC_PLAN) \
    X(SCORES, "scores", 0) \
    X(SEEKING, "seeking", EVC_PLAN) \
    X(SEEKS, "seeks", EVC_PLAN) \
    X(SET, "set", EVC_PLAN) \
    X(SEVERAL, "several", EVC_DET) \
    X(SHALL, "shall", EVC_VERB_LEFT | EVC_FUTURE) \
    X(SHE, "she", EVC_VERB_LEFT) \
    X(SHOULD, "should", EVC_VERB_LEFT | EVC_HYPO) \
    X(SINCE, "since", EVC_NONACTOR_PREP) \
    X(SO, "so", 0) \
    X(SOME, "some", EVC_DET) \
    X(SOON, "soon", 0) \
    X(SOUGHT, "sought", EVC_PLAN) \
    X(STAGE, "stage", EVC_LIGHT) \
    X(STAGED, "staged", EVC_LIGHT) \
    X(START, "start", EVC_LIGHT) \
    X(STARTED, "started", EVC_LIGHT) \
    X(STILL, "still", 0) \
    X(SUCH, "such", EVC_DET) \
    X(THAN, "than", EVC_NONACTOR_PREP) \
    X(THAT, "that", EVC_VERB_LEFT | EVC_REL) \
    X(THE, "the", EVC_DET) \
    X(THEIR, "their", EVC_DET) \
    X(THEN, "then", EVC_VERB_LEFT) \
    X(THESE, "these", EVC_DET) \
    X(THEY, "they", EVC_VERB_LEFT) \
    X(THIS, "this", EVC_DET) \
    X(THOSE, "those", EVC_DET) \
    X(THOUGH, "though", EVC_SUBORD) \
    X(THOUSAND, "thousand", 0) \
    X(THOUSANDS, "thousands", 0) \
    X(THREE, "three", EVC_DET) \
    X(THROUGHOUT, "throughout", EVC_NONACTOR_PREP | EVC_LOC_PREP) \
    X(TIMES, "times", EVC_UNIT) \
    X(TO, "to", EVC_VERB_LEFT) \
    X(TONS, "tons", EVC_UNIT) \
    X(TWO, "two", EVC_DET) \
    X(UNDER, "under", EVC_NONACTOR_PREP) \
    X(UNLESS, "unless", EVC_COND) \
    X(UNTIL, "until", EVC_SUBORD | EVC_NONACTOR_PREP) \
    X(UP, "up", 0) \
    X(UPCOMING, "upcoming", 0) \
    X(WAGE, "wage", EVC_LIGHT) \
    X(WAGED, "waged", EVC_LIGHT) \
    X(WANTED, "wanted", EVC_PLAN) \
    X(WANTS, "wants", EVC_PLAN) \
    X(WAS, "was", EVC_BE) \
    X(WE, "we", EVC_VERB_LEFT) \
    X(WEEK, "week", EVC_UNIT) \
    X(WEEKS, "weeks", EVC_UNIT) \
    X(WELL, "well", 0) \
    X(WERE, "were", EVC_BE) \
    X(WHEN, "when", EVC_SUBORD) \
    X(WHEREAS, "whereas", EVC_SUBORD) \
    X(WHICH, "which", EVC_VERB_LEFT | EVC_REL) \
    X(WHILE, "while", EVC_SUBORD) \
    X(WHO, "who", EVC_VERB_LEFT | EVC_REL) \
    X(WHOM, "whom", EVC_REL) \
    X(WHOSE, "whose", EVC_REL) \
    X(WILL, "will", EVC_VERB_LEFT | EVC_FUTURE) \
    X(WITH, "with", EVC_NOUN_RIGHT) \
    X(WO, "wo", EVC_FUTURE) \
    X(WOULD, "would", EVC_VERB_LEFT | EVC_HYPO) \
    X(YEAR, "year", EVC_UNIT) \
    X(YEARS, "years", EVC_UNIT) \
    X(YOUR, "your", EVC_DET)

enum {
    EV_KW_NONE = 0,
#define EV_KW_ENUM(id, word, classes) EV_KW_##id,
    EV_KEYWORDS(EV_KW_ENUM)
#undef EV_KW_ENUM
    EV_KW_COUNT
};

#endif
