/* SPDX-License-Identifier: MIT */
/*
 * tests/views/synth.h - synthetic annals/1 corpora for the view tests and
 * bench/bench_views.c: n events among m actors, dates clustered in time
 * (a 2015 year, October 2023, January-February 2024) with vague and
 * undated events, every modality and quad class, optionally hostile text.
 * Deterministic for a given seed.
 */
#ifndef ANNALS_TEST_SYNTH_H
#define ANNALS_TEST_SYNTH_H

#include "core/internal.h"

annals_status synth_json(annals__buf *out, size_t n_events, size_t n_actors, unsigned seed,
                         bool hostile);

#endif
