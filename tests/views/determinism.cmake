# Same input, same picture: runs `annals build` on INPUT three times, each in
# its own process, and requires byte-identical views (the relationship
# diagram is laid out by us, not by Graphviz's run-to-run varying engines).
# -DANNALS=<cli> -DINPUT=<dir or file> -DWORK=<scratch dir>
file(REMOVE_RECURSE "${WORK}")
foreach(_run 1 2 3)
  execute_process(COMMAND "${ANNALS}" build "${INPUT}" -o "${WORK}/run${_run}" --quiet
                  RESULT_VARIABLE _rc ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "run ${_run}: annals build exited ${_rc}: ${_err}")
  endif()
endforeach()
foreach(_f relations.svg timeline.svg report.html relations.dot timeline.dot)
  if(NOT EXISTS "${WORK}/run1/${_f}")
    message(FATAL_ERROR "${_f} was not written")
  endif()
  file(SIZE "${WORK}/run1/${_f}" _size)
  if(_size EQUAL 0)
    message(FATAL_ERROR "${_f} is empty")
  endif()
  foreach(_run 2 3)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files
                            "${WORK}/run1/${_f}" "${WORK}/run${_run}/${_f}"
                    RESULT_VARIABLE _diff)
    if(NOT _diff EQUAL 0)
      message(FATAL_ERROR "${_f} differs between run 1 and run ${_run}")
    endif()
  endforeach()
endforeach()
# the diagram is pinned by us: no Graphviz force engine, labels as our nodes
file(READ "${WORK}/run1/relations.dot" _dot)
if(NOT _dot MATCHES "layout=nop2")
  message(FATAL_ERROR "relations.dot is not laid out by annals (layout=nop2 missing)")
endif()
message(STATUS "views byte-identical over 3 runs")
