# Unit tests of the shared core, the tokenizer and the corpus.
annals_add_unit_test(test_core unit/test_core.c)
annals_add_unit_test(test_tokenize unit/test_tokenize.c)
annals_add_unit_test(test_corpus unit/test_corpus.c)
annals_add_unit_test(test_merge_e2e unit/test_merge_e2e.c)
