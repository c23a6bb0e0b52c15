# Pathological inputs through the whole per-document pipeline and the
# corpus/graph. The assertion is "finishes, no crash, clean status or a
# warning"; the generous TIMEOUT is what catches quadratic behaviour.
annals_add_unit_test(test_patho patho/test_patho.c)
set_tests_properties(test_patho PROPERTIES TIMEOUT 600)
