# CLI tests: each runs tests/cli/run_cli_case.cmake with CASE=<name>, which drives the
# `annals` executable on inputs generated at test time (gen_input.c) and checks the exit
# status, the one-line messages on stderr and the JSON on stdout (json_check.c).
if(NOT TARGET annals_cli)
  return()
endif()

# The JSONL record reader, unit-tested directly (it is compiled into the CLI only).
annals_add_unit_test(cli_jsonl_unit ${CMAKE_CURRENT_LIST_DIR}/test_jsonl.c
                     ${PROJECT_SOURCE_DIR}/src/cli/jsonl.c)
target_include_directories(cli_jsonl_unit PRIVATE ${PROJECT_SOURCE_DIR}/src/cli)
set_tests_properties(cli_jsonl_unit PROPERTIES LABELS cli)

add_executable(annals_test_gen_input ${CMAKE_CURRENT_LIST_DIR}/gen_input.c)
annals_target_defaults(annals_test_gen_input)
add_executable(annals_test_json_check ${CMAKE_CURRENT_LIST_DIR}/json_check.c)
target_link_libraries(annals_test_json_check PRIVATE PkgConfig::JANSSON)
annals_target_defaults(annals_test_json_check)

set(ANNALS_CLI_CASES
  help version unknown_option unknown_command missing_argument bad_date
  unreadable invalid_utf8 nul_bytes empty_input big_line malformed_jsonl
  jsonl_records unwritable_output atomic_output extract_smoke extract_stdin
  build_smoke merge_render quiet)

foreach(_case IN LISTS ANNALS_CLI_CASES)
  add_test(NAME cli_${_case}
    COMMAND ${CMAKE_COMMAND}
      -DANNALS=$<TARGET_FILE:annals_cli>
      -DGEN=$<TARGET_FILE:annals_test_gen_input>
      -DCHECK=$<TARGET_FILE:annals_test_json_check>
      -DROOT=${PROJECT_SOURCE_DIR}
      -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_work/${_case}
      -DCASE=${_case}
      -P ${CMAKE_CURRENT_LIST_DIR}/run_cli_case.cmake)
  set_tests_properties(cli_${_case} PROPERTIES TIMEOUT 300 LABELS cli)
  if(ANNALS_SANITIZE)
    set_tests_properties(cli_${_case} PROPERTIES ENVIRONMENT
      "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0;ASAN_OPTIONS=fast_unwind_on_malloc=0:detect_leaks=1")
  endif()
endforeach()
# The 50 MB line is read, parsed and (with the default limit) processed in full. It
# renders nothing, so under ASan it keeps the fast unwinder (the slow one, needed for
# the Graphviz suppressions, costs minutes on millions of allocations).
set_tests_properties(cli_big_line PROPERTIES TIMEOUT 900)
if(ANNALS_SANITIZE)
  set_tests_properties(cli_big_line PROPERTIES ENVIRONMENT
    "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
endif()
