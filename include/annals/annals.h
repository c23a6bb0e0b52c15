/* SPDX-License-Identifier: MIT */
/* annals/annals.h - umbrella header: includes the public API and nothing else. */
#ifndef ANNALS_ANNALS_H
#define ANNALS_ANNALS_H

#include "common.h"
#include "ctx.h"
#include "doc.h"
#include "corpus.h"
#include "graph.h"
#include "export.h"

#endif
