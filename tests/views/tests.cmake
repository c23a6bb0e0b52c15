# Views: timeline and relationship diagram (src/layout/), report.html.
annals_add_unit_test(views_unit views/test_views.c views/synth.c views/views_check.c)
target_include_directories(views_unit PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/views)
target_compile_definitions(views_unit PRIVATE VIEWS_OUT_DIR="${CMAKE_CURRENT_BINARY_DIR}")
set_tests_properties(views_unit PROPERTIES TIMEOUT 120 FIXTURES_SETUP views_files)

annals_add_unit_test(views_big views/test_views_big.c views/synth.c views/views_check.c)
target_include_directories(views_big PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/views)
set_tests_properties(views_big PROPERTIES TIMEOUT 180)

# The files views_unit wrote, checked by independent tools when present.
find_program(ANNALS_XMLLINT xmllint)
if(ANNALS_XMLLINT)
  add_test(NAME views_xmllint
           COMMAND ${ANNALS_XMLLINT} --noout small_timeline.svg small_relations.svg
                   hostile_timeline.svg hostile_relations.svg
           WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties(views_xmllint PROPERTIES FIXTURES_REQUIRED views_files)
endif()
find_program(ANNALS_DOT dot)
if(ANNALS_DOT)
  # our DOT parses back (hostile text did not break the quoting)
  add_test(NAME views_dot_parse
           COMMAND ${ANNALS_DOT} -Tcanon -o /dev/null small_timeline.dot small_relations.dot
                   hostile_timeline.dot hostile_relations.dot
           WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties(views_dot_parse PROPERTIES FIXTURES_REQUIRED views_files)
endif()

# Same input, same picture across processes (the CLI run 3 times).
if(TARGET annals_cli)
  add_test(NAME views_determinism
           COMMAND ${CMAKE_COMMAND} -DANNALS=$<TARGET_FILE:annals_cli>
                   -DINPUT=${PROJECT_SOURCE_DIR}/samples
                   -DWORK=${CMAKE_CURRENT_BINARY_DIR}/views_determinism
                   -P ${CMAKE_CURRENT_LIST_DIR}/determinism.cmake)
  set_tests_properties(views_determinism PROPERTIES TIMEOUT 300 LABELS views)
endif()
if(TARGET annals_cli AND ANNALS_SANITIZE)
  set_tests_properties(views_determinism PROPERTIES ENVIRONMENT
    "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
endif()
