/* SPDX-License-Identifier: MIT */
/*
 * export/view.c - annals_export_view: the timeline and relationship views
 * as DOT (the graph before layout, written by cgraph; deterministic, used
 * by the golden tests) or laid out and rendered by Graphviz in-process
 * (svg, png, pdf, plain, ...). All Graphviz work lives in layout/.
 */
#include "layout/layout.h"

annals_status annals_export_view(const annals_graph *graph, annals_view view,
                                 const char *format, annals_sink sink, void *userdata,
                                 annals_error *err)
{
    return annals__view_write(graph, view, format, sink, userdata, err);
}
