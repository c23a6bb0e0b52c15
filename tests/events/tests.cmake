# Events stage: the spec table (tests/spec/events.spec), unit tests of the
# lexicon and the pathological inputs (linear time, bounded memory).
annals_add_unit_test(events_spec events/spec_events.c)
set_tests_properties(events_spec PROPERTIES TIMEOUT 120)
if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/test_events.c)
  annals_add_unit_test(events_unit events/test_events.c)
endif()
if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/patho_events.c)
  annals_add_unit_test(events_patho events/patho_events.c)
  set_tests_properties(events_patho PROPERTIES TIMEOUT 60)
endif()
