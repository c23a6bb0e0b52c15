/* SPDX-License-Identifier: MIT */
/* tests/headers/header_c.c - the umbrella header alone, strict C11. */
#include <annals/annals.h>

int annals_header_test(void);
int annals_header_test(void)
{
    annals_options o = ANNALS_OPTIONS_INIT;
    annals_error e = ANNALS_ERROR_INIT;
    annals_doc_info i = ANNALS_DOC_INFO_INIT;
    annals_selection s = ANNALS_SELECTION_INIT;
    (void)i;
    (void)s;
    return (int)o.flags + (int)e.code;
}
