# bench_events: whole extraction (ingest to events) over generated articles,
# plus the events stage alone. Usage: bench_events [MB] [file.jsonl|file.txt]
annals_add_bench(bench_events bench_events.c)
