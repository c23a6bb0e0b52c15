# Dates stage throughput: `build/bench/bench_dates [MB] [FILE]` (see docs/dates.md).
annals_add_bench(bench_dates ${CMAKE_CURRENT_LIST_DIR}/bench_dates.c)
