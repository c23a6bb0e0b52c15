# graph/ and export/ (annals/1 JSON, GraphML, GEXF, TimelineJS, CSV) on the
# hand-written corpora in tests/fixtures/ and on a generated big corpus.
annals_add_unit_test(test_graph ${CMAKE_CURRENT_LIST_DIR}/test_graph.c)
annals_add_unit_test(test_json ${CMAKE_CURRENT_LIST_DIR}/test_json.c)
annals_add_unit_test(test_exchange ${CMAKE_CURRENT_LIST_DIR}/test_exchange.c)
# 10,000 actors / 100,000 events: graph, metrics and every export. The
# budget is generous for sanitizer builds; a release build takes seconds.
annals_add_unit_test(test_graph_big ${CMAKE_CURRENT_LIST_DIR}/test_graph_big.c)
set_tests_properties(test_graph_big PROPERTIES TIMEOUT 240 LABELS patho)
