set(ANNALS_TOKENIZE_SOURCES tokenize/tokenize.c)
