# Entities stage: spec table, unit tests (lexicon loading, run-time rows,
# pathological inputs) and a small driver for scoring/benchmarking.
annals_add_unit_test(entities_spec entities/spec_runner.c)
annals_add_unit_test(entities_unit entities/test_entities.c)
annals_add_unit_test(entities_patho entities/test_patho.c)
set_tests_properties(entities_patho PROPERTIES TIMEOUT 60)

# `entities_dump [--date D] [--explain] [--lexicon F] [--bench N] FILE`:
# annals/1-like JSON for one file (not a test).
add_executable(entities_dump entities/entities_dump.c)
target_link_libraries(entities_dump PRIVATE annals PkgConfig::IGRAPH PkgConfig::GVC
                                            PkgConfig::JANSSON m)
target_include_directories(entities_dump PRIVATE ${PROJECT_SOURCE_DIR}/src)
annals_target_defaults(entities_dump)
