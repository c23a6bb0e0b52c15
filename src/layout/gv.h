/* SPDX-License-Identifier: MIT */
/*
 * layout/gv.h - private to layout/: the Graphviz side of the views. Builds
 * cgraph graphs with our I/O discipline (so agwrite streams into a sink)
 * and declares the per-view graph builders.
 */
#ifndef ANNALS_LAYOUT_GV_H
#define ANNALS_LAYOUT_GV_H

#include "layout/layout.h"

#include <cgraph.h>
#include <gvc.h>

/* A new, empty graph whose agwrite goes through our sink discipline. */
Agraph_t *annals__gv_open(const char *name, bool directed);

/* agattr/agxset without the const casts of Graphviz 2.42's prototypes. */
Agsym_t *annals__gv_attr(Agraph_t *g, int kind, const char *name, const char *dflt);
int annals__gv_set(void *obj, Agsym_t *sym, const char *value);
int annals__gv_gset(Agraph_t *g, const char *name, const char *value);
Agnode_t *annals__gv_node(Agraph_t *g, const char *name);
int annals__gv_sset(Agraph_t *sub, const char *name, const char *value); /* agsafeset */

/* Byte length of the longest prefix of `s` (cut at a UTF-8 boundary) whose
 * width with a trailing "…" fits `maxw`; `len` if the whole text fits. */
size_t annals__fit_text(const char *s, size_t len, double maxw, double size, bool bold,
                        bool *cut);

/* The per-view builders. `*engine_out` is a static Graphviz layout name. */
annals_status annals__timeline_graph(Agraph_t **out, const annals_graph *graph,
                                     annals_error *err);
annals_status annals__relations_graph(Agraph_t **out, const char **engine_out,
                                      const annals_graph *graph, annals_error *err);

#endif
