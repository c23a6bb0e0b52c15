set(ANNALS_CORPUS_SOURCES corpus/corpus.c)
