set(ANNALS_GRAPH_SOURCES graph/graph.c)
