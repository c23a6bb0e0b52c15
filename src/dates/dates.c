/* SPDX-License-Identifier: MIT */
/*
 * dates/dates.c - the entry point of the dates stage: recognise (pass 1),
 * then resolve (pass 2) into doc->timexes.
 */
#include "dates/dates_int.h"

annals_status annals__dates(annals_doc *doc, annals_error *err)
{
    dates_lex local;
    const dates_lex *lx = dates__lex_get(doc, &local);
    annals__vec matches;
    annals_status rc;

    annals__vec_init(&matches, sizeof(dmatch));
    rc = dates__recognise(doc, lx, &matches, err);
    if (rc < 0) {
        goto done;
    }
    rc = dates__resolve(doc, &matches, err);
done:
    annals__vec_dispose(&matches);
    return rc;
}
