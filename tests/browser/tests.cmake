# Browser test: the CLI writes report.html, timeline.svg and relations.svg from samples/
# into the build dir; headless Chromium (Debian's `chromium`) opens each, takes a
# screenshot and dumps the DOM after the scripts ran; browser_check.c checks the PNGs,
# the console (no JavaScript error) and the DOM against events.json.
# Skipped (77) only when chromium is not installed.
if(NOT TARGET annals_cli)
  return()
endif()
find_program(ANNALS_SH sh)
if(NOT ANNALS_SH)
  return()
endif()
find_program(ANNALS_CHROMIUM NAMES chromium chromium-browser)
if(NOT ANNALS_CHROMIUM)
  set(ANNALS_CHROMIUM "")
endif()

add_executable(annals_test_browser_check ${CMAKE_CURRENT_LIST_DIR}/browser_check.c)
target_link_libraries(annals_test_browser_check PRIVATE PkgConfig::JANSSON)
annals_target_defaults(annals_test_browser_check)

add_test(NAME browser_views
  COMMAND ${ANNALS_SH} ${CMAKE_CURRENT_LIST_DIR}/browser_test.sh
          $<TARGET_FILE:annals_cli> $<TARGET_FILE:annals_test_browser_check>
          ${PROJECT_SOURCE_DIR}/samples ${CMAKE_CURRENT_BINARY_DIR}/browser_work
          "${ANNALS_CHROMIUM}")
set_tests_properties(browser_views PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 150 LABELS "browser;views")
if(ANNALS_SANITIZE)
  set_tests_properties(browser_views PROPERTIES ENVIRONMENT
    "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
endif()
