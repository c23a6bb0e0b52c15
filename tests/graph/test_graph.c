/* SPDX-License-Identifier: MIT */
/*
 * tests/graph/test_graph.c - the event graph on the hand-written fixture
 * tests/fixtures/horn-talks.json: vertex and edge counts, chronological
 * order, the actor projection and its metrics, every selection filter and
 * its validation, and igraph failures turned into a status.
 *
 * The expected figures are worked out by hand in the comments below from
 * the fixture (5 events, 7 actors, 2 places).
 */
#include "check.h"
#include "graph_util.h"

#include <math.h>

#define FIXTURE "fixtures/horn-talks.json"

static const annals_corpus *C;

static annals_graph *build(const annals_selection *sel, annals_status want)
{
    annals_graph *g = NULL;
    annals_error err = ANNALS_ERROR_INIT;
    annals_status rc = annals_graph_new(&g, C, sel, &err);
    CHECK(rc == want);
    if (rc != want) {
        fprintf(stderr, "  annals_graph_new: %d %s\n", (int)rc, err.message);
    }
    if (want != ANNALS_OK) {
        CHECK(g == NULL);
        CHECK(err.code == want);
        CHECK(err.message[0] != '\0');
    }
    return g;
}

static const char *label_at(const annals_graph *g, size_t i)
{
    return ANNALS__CEVENT(C, g->events[i])->label;
}

static void test_full_graph(void)
{
    annals_graph *g = build(NULL, ANNALS_OK);
    uint32_t ruto = gu_entity(C, "William Ruto"), abiy = gu_entity(C, "Abiy Ahmed"),
             kenya = gu_entity(C, "Kenya"), au = gu_entity(C, "African Union"),
             somalia = gu_entity(C, "Somalia"), shabaab = gu_entity(C, "al-Shabaab"),
             ethiopia = gu_entity(C, "Ethiopia"), nairobi = gu_entity(C, "Nairobi");
    size_t i, kinds[7] = {0};
    if (g == NULL) {
        return;
    }
    /* Vertices: 5 events + 7 actors + 2 places + 4 distinct date values. */
    CHECK_EQ_SIZE(g->n_events, 5);
    CHECK_EQ_SIZE(g->n_actors, 7);
    CHECK_EQ_SIZE(g->n_date_values, 4);
    CHECK_EQ_SIZE(annals_graph_vertex_count(g), 18);
    /* Edges: 18 role/place/date + 3 affiliations (Ruto->Kenya, Abiy->Ethiopia,
     * al-Shabaab->Somalia) + 3 "next" between the 4 dated events. */
    CHECK_EQ_SIZE(annals_graph_edge_count(g), 24);
    for (i = 0; i < g->n_edges; i++) {
        kinds[g->edges[i].kind]++;
    }
    CHECK_EQ_SIZE(kinds[ANNALS_E_SOURCE], 5);
    CHECK_EQ_SIZE(kinds[ANNALS_E_TARGET], 4);
    CHECK_EQ_SIZE(kinds[ANNALS_E_PARTICIPANT], 3);
    CHECK_EQ_SIZE(kinds[ANNALS_E_PLACE], 2);
    CHECK_EQ_SIZE(kinds[ANNALS_E_DATE], 4);
    CHECK_EQ_SIZE(kinds[ANNALS_E_AFFILIATION], 3);
    CHECK_EQ_SIZE(kinds[ANNALS_E_NEXT], 3);
    /* Places are vertices of kind place; actors are not duplicated. */
    CHECK(g->vertices[g->n_events + g->n_actors].kind == ANNALS_V_PLACE);
    CHECK(g->vertices[g->n_events + g->n_actors].ref == nairobi);

    /* Chronological: month of March (starts 1 March), weekend 9-10 March,
     * 12 March, 14 March, then the undated event. */
    CHECK_EQ_STR(label_at(g, 0), "Kenya signs agreement with Ethiopia");
    CHECK_EQ_STR(label_at(g, 1), "al-Shabaab attacks Somalia");
    CHECK_EQ_STR(label_at(g, 2), "William Ruto meets Abiy Ahmed");
    CHECK_EQ_STR(label_at(g, 3), "African Union meets Kenya and Somalia");
    CHECK_EQ_STR(label_at(g, 4), "Somalia accuses al-Shabaab");

    /* Projection: (Ruto,Abiy) (Kenya,Ethiopia) (Kenya,AU)x2 (Ethiopia,AU)
     * (Somalia,al-Shabaab)x2 (Kenya,Somalia) (AU,Somalia). */
    CHECK_EQ_SIZE(g->n_actor_edges, 7);
    for (i = 0; i < g->n_actor_edges; i++) {
        const annals__actor_edge *e = &g->actor_edges[i];
        CHECK(e->a < e->b);
        if ((e->a == somalia && e->b == shabaab) ||
            (e->a == shabaab && e->b == somalia)) {
            CHECK_EQ_SIZE(e->n_events, 2);
            /* one material conflict (attack), one verbal conflict (accuse):
             * a tie goes to the lower class, verbal conflict (2). */
            CHECK(e->dominant_quad == 2);
            /* chronological: the dated attack before the undated accusation */
            CHECK_EQ_STR(ANNALS__CEVENT(C, e->events[0])->label,
                         "al-Shabaab attacks Somalia");
        }
        if ((e->a == kenya && e->b == au) || (e->a == au && e->b == kenya)) {
            CHECK_EQ_SIZE(e->n_events, 2);
            CHECK(e->dominant_quad == 0);
        }
    }
    CHECK(g->degree[ruto] == 1.0);
    CHECK(g->degree[abiy] == 1.0);
    CHECK(g->degree[kenya] == 3.0);
    CHECK(g->degree[ethiopia] == 2.0);
    CHECK(g->degree[au] == 3.0);
    CHECK(g->degree[somalia] == 3.0);
    CHECK(g->degree[shabaab] == 1.0);
    CHECK(g->degree[nairobi] == -1.0); /* a place, not in the projection */
    /* Betweenness, normalised by (n-1)(n-2)/2 = 15: Somalia lies on the
     * paths from al-Shabaab to Kenya, AU and Ethiopia (3/15); Kenya and AU
     * each on half of Ethiopia-Somalia and al-Shabaab-Ethiopia (1/15). */
    CHECK(fabs(g->betweenness[somalia] - 0.2) < 1e-9);
    CHECK(fabs(g->betweenness[kenya] - 1.0 / 15.0) < 1e-9);
    CHECK(fabs(g->betweenness[au] - 1.0 / 15.0) < 1e-9);
    CHECK(g->betweenness[ruto] == 0.0);
    CHECK(g->betweenness_mode == ANNALS_BETWEENNESS_EXACT);
    /* Communities: numbered by first member; Ruto comes first. */
    CHECK(g->community[ruto] == 0);
    CHECK(g->community[abiy] == 0);
    CHECK(g->community[kenya] == 1);
    CHECK(g->community[nairobi] == -1);
    CHECK(g->n_communities >= 2);
    CHECK(g->community[shabaab] == g->community[somalia]);
    /* Two components of the multi-type graph?  No: affiliation and "next"
     * edges join everything into one. */
    CHECK_EQ_SIZE(g->n_components, 1);
    /* Involvement and spells. */
    CHECK(g->involvement[kenya] == 2);
    CHECK(g->involvement[somalia] == 3);
    CHECK(g->first_day[somalia] == annals__days_from_civil(2024, 3, 9));
    CHECK(g->last_day[somalia] == annals__days_from_civil(2024, 3, 14));
    /* Salience: the meeting reported by two documents (three mentions). */
    CHECK(g->salience[gu_event(C, "William Ruto meets Abiy Ahmed")] >
          g->salience[gu_event(C, "Somalia accuses al-Shabaab")]);
    annals_graph_free(g);
}

static void test_determinism(void)
{
    annals_graph *a = build(NULL, ANNALS_OK), *b = build(NULL, ANNALS_OK);
    char *ja, *jb;
    if (a == NULL || b == NULL) {
        annals_graph_free(a);
        annals_graph_free(b);
        return;
    }
    ja = gu_json(C, a, 0);
    jb = gu_json(C, b, 0);
    CHECK(ja != NULL && jb != NULL && strcmp(ja, jb) == 0);
    free(ja);
    free(jb);
    annals_graph_free(a);
    annals_graph_free(b);
}

static void test_selection(void)
{
    annals_selection sel = ANNALS_SELECTION_INIT;
    annals_graph *g;

    /* --from: intervals ending on or after 10 March; undated excluded. */
    sel.from = "2024-03-10";
    g = build(&sel, ANNALS_OK);
    CHECK(g && g->n_events == 4);
    annals_graph_free(g);

    /* --to: intervals starting on or before 9 March. */
    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.to = "2024-03-09";
    g = build(&sel, ANNALS_OK);
    CHECK(g && g->n_events == 2);
    annals_graph_free(g);

    /* a month bound covers the month */
    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.from = "2024-03";
    sel.to = "2024-03";
    g = build(&sel, ANNALS_OK);
    CHECK(g && g->n_events == 4);
    annals_graph_free(g);

    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.roots = "19";
    g = build(&sel, ANNALS_OK);
    CHECK(g && g->n_events == 1 && g->n_actors == 2);
    annals_graph_free(g);

    /* keep_isolated: every non-place entity is an actor vertex */
    sel.keep_isolated = 1;
    g = build(&sel, ANNALS_OK);
    CHECK(g && g->n_events == 1 && g->n_actors == 7);
    if (g) {
        CHECK(g->degree[gu_entity(C, "William Ruto")] == 0.0);
        CHECK(g->community[gu_entity(C, "William Ruto")] == -1);
    }
    annals_graph_free(g);

    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.roots = "4, 5";
    g = build(&sel, ANNALS_OK);
    CHECK(g && g->n_events == 3);
    annals_graph_free(g);

    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.min_confidence = 0.7;
    g = build(&sel, ANNALS_OK);
    CHECK(g && g->n_events == 3);
    annals_graph_free(g);

    /* --actor by alias, case-insensitive: Ruto's one meeting. */
    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.actor = "ruto";
    g = build(&sel, ANNALS_OK);
    CHECK(g && g->n_events == 1 && g->n_actors == 2);
    annals_graph_free(g);

    /* --actor Kenya: its two events; the attack links Somalia (an alter)
     * to al-Shabaab (not one), so it stays out. */
    sel.actor = "KENYA";
    g = build(&sel, ANNALS_OK);
    CHECK(g && g->n_events == 2);
    annals_graph_free(g);

    /* --top 2 by salience: agreement and AU meeting (1 source each, two
     * actors of degree 3 = max) beat the meeting (2 sources, degree-1
     * actors), kept in chronological order. */
    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.top = 2;
    g = build(&sel, ANNALS_OK);
    CHECK(g && g->n_events == 2);
    if (g && g->n_events == 2) {
        CHECK_EQ_STR(label_at(g, 0), "Kenya signs agreement with Ethiopia");
        CHECK_EQ_STR(label_at(g, 1), "African Union meets Kenya and Somalia");
    }
    annals_graph_free(g);

    /* Nothing selected is not an error. */
    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.from = "2030";
    g = build(&sel, ANNALS_OK);
    CHECK(g && g->n_events == 0 && g->n_vertices == 0 && g->n_edges == 0);
    annals_graph_free(g);
}

static void test_bad_selection(void)
{
    annals_selection sel = ANNALS_SELECTION_INIT;
    sel.from = "2024-13-01";
    build(&sel, ANNALS_EINVAL);
    sel.from = "yesterday";
    build(&sel, ANNALS_EINVAL);
    sel.from = "2024-03-20";
    sel.to = "2024-03-01";
    build(&sel, ANNALS_EINVAL);
    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.to = "2024-02-30";
    build(&sel, ANNALS_EINVAL);
    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.roots = "99";
    build(&sel, ANNALS_EINVAL);
    sel.roots = "18,x";
    build(&sel, ANNALS_EINVAL);
    sel.roots = "";
    build(&sel, ANNALS_EINVAL);
    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.min_confidence = 1.5;
    build(&sel, ANNALS_EINVAL);
    sel.min_confidence = NAN;
    build(&sel, ANNALS_EINVAL);
    sel = (annals_selection)ANNALS_SELECTION_INIT;
    sel.actor = "Nobody In Particular";
    build(&sel, ANNALS_EINVAL);
    {
        annals_graph *g = NULL;
        annals_error err = ANNALS_ERROR_INIT;
        CHECK(annals_graph_new(&g, NULL, NULL, &err) == ANNALS_EINVAL);
        CHECK(annals_graph_new(NULL, C, NULL, NULL) == ANNALS_EINVAL);
    }
    annals_graph_free(NULL);
    CHECK_EQ_SIZE(annals_graph_vertex_count(NULL), 0);
}

/* An igraph failure (a vertex id out of range) is a status and a message,
 * not an abort; the next call works again. */
static void test_igraph_error(void)
{
    uint32_t bad[2] = {0, 5}, good[2] = {0, 1};
    annals_error err = ANNALS_ERROR_INIT;
    annals_status rc = annals__graph_igraph_check(2, bad, 1, true, &err);
    CHECK(rc == ANNALS_EGRAPH);
    CHECK(err.code == ANNALS_EGRAPH);
    CHECK(err.stage == ANNALS_STAGE_GRAPH);
    CHECK(strstr(err.message, "igraph") != NULL);
    fprintf(stderr, "  (expected) %s\n", err.message);
    err = (annals_error)ANNALS_ERROR_INIT;
    CHECK(annals__graph_igraph_check(2, good, 1, true, &err) == ANNALS_OK);
    CHECK(annals__graph_igraph_check(0, NULL, 0, false, NULL) == ANNALS_OK);
}

int main(void)
{
    annals_ctx *ctx;
    annals_corpus *c;
    annals_error err = ANNALS_ERROR_INIT;
    if (gu_load(FIXTURE, &ctx, &c, &err) < 0) {
        fprintf(stderr, "loading %s: %s\n", FIXTURE, err.message);
        CHECK(false);
        gu_free(ctx, c);
        return check_summary();
    }
    C = c;
    CHECK_EQ_SIZE(annals_corpus_event_count(c), 5);
    test_full_graph();
    test_determinism();
    test_selection();
    test_bad_selection();
    test_igraph_error();
    gu_free(ctx, c);
    return check_summary();
}
