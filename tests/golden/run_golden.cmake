# One golden case: cmake -DANNALS=<exe> -DCASE_DIR=<dir> -DROOT=<source root>
#   -DWORK=<scratch dir> -P run_golden.cmake
#
# Runs `annals build <args> <inputs> -o WORK/runN --formats json,dot --quiet` twice and
# compares, byte for byte, the outputs we own (our JSON and our pre-layout DOT) with the
# expected files of the case, and the two runs with each other:
#
#   WORK/run1/events.json    <-> CASE_DIR/expected.json
#   WORK/run1/timeline.dot   <-> CASE_DIR/expected-timeline.dot
#   WORK/run1/relations.dot  <-> CASE_DIR/expected-relations.dot
#
# Inputs: CASE_DIR/input.txt or CASE_DIR/input.jsonl (run inside CASE_DIR, so the JSON
# names it "input.txt"), or CASE_DIR/inputs listing paths relative to the source root
# (run inside ROOT, e.g. "samples/"). No host path reaches the compared files.
#
# With the environment variable ANNALS_UPDATE_GOLDEN=1 the expected files are rewritten
# from run 1 instead (review the diff like code).
cmake_minimum_required(VERSION 3.21)

foreach(_v ANNALS CASE_DIR ROOT WORK)
  if(NOT DEFINED ${_v})
    message(FATAL_ERROR "run_golden.cmake: -D${_v}=... is required")
  endif()
endforeach()
get_filename_component(_case "${CASE_DIR}" NAME)

file(READ "${CASE_DIR}/args" _args_text)
string(REGEX REPLACE "#[^\n]*" "" _args_text "${_args_text}")
string(STRIP "${_args_text}" _args_text)
string(REPLACE "\n" " " _args_text "${_args_text}")
separate_arguments(_args UNIX_COMMAND "${_args_text}")

if(EXISTS "${CASE_DIR}/inputs")
  file(STRINGS "${CASE_DIR}/inputs" _inputs REGEX "^[^#]")
  set(_cwd "${ROOT}")
elseif(EXISTS "${CASE_DIR}/input.txt")
  set(_inputs input.txt)
  set(_cwd "${CASE_DIR}")
elseif(EXISTS "${CASE_DIR}/input.jsonl")
  set(_inputs input.jsonl)
  set(_cwd "${CASE_DIR}")
else()
  message(FATAL_ERROR "golden ${_case}: no input.txt, input.jsonl or inputs file")
endif()

file(REMOVE_RECURSE "${WORK}")
foreach(_run run1 run2)
  execute_process(
    COMMAND "${ANNALS}" build ${_args} ${_inputs} -o "${WORK}/${_run}" --formats json,dot
            --quiet
    WORKING_DIRECTORY "${_cwd}"
    RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "golden ${_case}: annals build ${_args} ${_inputs} exited with "
                        "${_rc}\n${_out}${_err}")
  endif()
endforeach()

set(_pairs "events.json=expected.json" "timeline.dot=expected-timeline.dot"
           "relations.dot=expected-relations.dot")
set(_failed "")
foreach(_p IN LISTS _pairs)
  string(REPLACE "=" ";" _p "${_p}")
  list(GET _p 0 _got)
  list(GET _p 1 _want)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
    "${WORK}/run1/${_got}" "${WORK}/run2/${_got}" RESULT_VARIABLE _same)
  if(NOT _same EQUAL 0)
    list(APPEND _failed "${_got} differs between two runs (not deterministic)")
  endif()
  if("$ENV{ANNALS_UPDATE_GOLDEN}" STREQUAL "1")
    file(COPY_FILE "${WORK}/run1/${_got}" "${CASE_DIR}/${_want}")
    message(STATUS "golden ${_case}: wrote ${_want}")
    continue()
  endif()
  if(NOT EXISTS "${CASE_DIR}/${_want}")
    list(APPEND _failed "${_want} is missing (run with ANNALS_UPDATE_GOLDEN=1 to create it)")
    continue()
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
    "${CASE_DIR}/${_want}" "${WORK}/run1/${_got}" RESULT_VARIABLE _same)
  if(NOT _same EQUAL 0)
    find_program(_diff diff)
    set(_d "")
    if(_diff)
      execute_process(COMMAND "${_diff}" -u "${CASE_DIR}/${_want}" "${WORK}/run1/${_got}"
        OUTPUT_VARIABLE _d)
      string(LENGTH "${_d}" _dl)
      if(_dl GREATER 20000)
        string(SUBSTRING "${_d}" 0 20000 _d)
        string(APPEND _d "\n... (diff truncated)\n")
      endif()
    endif()
    list(APPEND _failed "${_want} differs from ${WORK}/run1/${_got}:\n${_d}")
  endif()
endforeach()

if(_failed)
  string(REPLACE ";" "\n" _failed "${_failed}")
  message(FATAL_ERROR "golden ${_case}:\n${_failed}\n"
    "If the change is intended: ANNALS_UPDATE_GOLDEN=1 ctest --test-dir <build> -L golden")
endif()
