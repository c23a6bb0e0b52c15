/* SPDX-License-Identifier: MIT */
/*
 * tests/views/views_check.h - structural checks shared by the view tests:
 * XML well-formedness, counting ids, and "no label box intersects another
 * label, a mark or the axis, and everything is on the page".
 */
#ifndef ANNALS_VIEWS_CHECK_H
#define ANNALS_VIEWS_CHECK_H

#include "layout/layout.h"

/* true if `s` is well-formed XML (one root, balanced tags, quoted
 * attributes, no raw '<' in text or attributes, valid entity references);
 * else false with the byte offset and reason in why. */
bool xml_well_formed(const char *s, size_t n, char *why, size_t cap);

/* Occurrences of `needle` in `s`. */
size_t count_str(const char *s, const char *needle);

/* Number of overlapping pairs (label/label, label/obstacle) and of items
 * off the page; prints the first few. */
size_t timeline_overlaps(const annals__timeline *tl);

/* The relationship diagram's SVG (as Graphviz writes it): the number of
 * edge-label lines that meet a line of another edge's label or an actor
 * node's bounding box (boxes from the text positions and DejaVu metrics);
 * prints the first few. *n_labels gets the number of label lines drawn. */
size_t relations_label_overlaps(const char *svg, size_t *n_labels);

#endif
