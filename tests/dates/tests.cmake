# Dates stage: the spec table, the hostile-input test and a driver for the
# TimeML scorer (built, not run: `dates_timex_dump --date D FILE`).
annals_add_unit_test(dates_spec ${CMAKE_CURRENT_LIST_DIR}/spec_runner.c)
set_tests_properties(dates_spec PROPERTIES TIMEOUT 120)
annals_add_unit_test(dates_patho ${CMAKE_CURRENT_LIST_DIR}/patho.c)
set_tests_properties(dates_patho PROPERTIES TIMEOUT 600)

add_executable(dates_timex_dump ${CMAKE_CURRENT_LIST_DIR}/timex_dump.c)
target_link_libraries(dates_timex_dump PRIVATE annals PkgConfig::IGRAPH PkgConfig::GVC
                                               PkgConfig::JANSSON m)
target_include_directories(dates_timex_dump PRIVATE ${PROJECT_SOURCE_DIR}/src)
annals_target_defaults(dates_timex_dump)
