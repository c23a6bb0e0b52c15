# Golden tests: one per folder tests/golden/<case>/ holding an `args` file. See
# tests/golden/README.md; ANNALS_UPDATE_GOLDEN=1 rewrites the expected files.
if(NOT TARGET annals_cli)
  return()
endif()

file(GLOB _golden_entries RELATIVE ${CMAKE_CURRENT_LIST_DIR} ${CMAKE_CURRENT_LIST_DIR}/*)
list(SORT _golden_entries)
foreach(_case IN LISTS _golden_entries)
  set(_dir ${CMAKE_CURRENT_LIST_DIR}/${_case})
  if(IS_DIRECTORY ${_dir} AND EXISTS ${_dir}/args)
    add_test(NAME golden_${_case}
      COMMAND ${CMAKE_COMMAND}
        -DANNALS=$<TARGET_FILE:annals_cli>
        -DCASE_DIR=${_dir}
        -DROOT=${PROJECT_SOURCE_DIR}
        -DWORK=${CMAKE_CURRENT_BINARY_DIR}/golden_work/${_case}
        -P ${CMAKE_CURRENT_LIST_DIR}/run_golden.cmake)
    set_tests_properties(golden_${_case} PROPERTIES TIMEOUT 300 LABELS golden)
    if(ANNALS_SANITIZE)
      set_tests_properties(golden_${_case} PROPERTIES ENVIRONMENT
        "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0;ASAN_OPTIONS=fast_unwind_on_malloc=0:detect_leaks=1")
    endif()
  endif()
endforeach()
