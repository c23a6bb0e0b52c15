# bench_entities: throughput of the entities stage alone (tokens, sentences
# and timexes computed once; annals__entities() timed over N repetitions).
annals_add_bench(bench_entities bench_entities.c)
