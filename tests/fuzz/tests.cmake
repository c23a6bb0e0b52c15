# Fuzz targets. Under gcc/ctest each target is linked with standalone_main.c
# and replays every file of its corpus (regressions never come back quietly);
# with -DANNALS_BUILD_FUZZERS=ON and clang the same sources build as libFuzzer
# binaries for exploration (see docs/testing.md).
option(ANNALS_BUILD_FUZZERS "Build libFuzzer targets (clang)" OFF)
foreach(_t fuzz_doc fuzz_pipeline)
  annals_add_unit_test(${_t}_replay fuzz/${_t}.c fuzz/standalone_main.c)
  set_tests_properties(${_t}_replay PROPERTIES TIMEOUT 300)
  set_property(TEST ${_t}_replay APPEND PROPERTY ENVIRONMENT
               "ANNALS_FUZZ_CORPUS=${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus;ANNALS_SAMPLES=${PROJECT_SOURCE_DIR}/samples")
  if(ANNALS_BUILD_FUZZERS)
    add_executable(${_t} fuzz/${_t}.c)
    target_include_directories(${_t} PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_compile_options(${_t} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${_t} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(${_t} PRIVATE annals PkgConfig::IGRAPH PkgConfig::GVC PkgConfig::JANSSON m)
  endif()
endforeach()
