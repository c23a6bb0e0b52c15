# bench_views: time and peak RSS of the timeline and relationship views on
# synthetic corpora of 100 .. 100,000 events (see docs/views.md).
annals_add_bench(bench_views bench_views.c ${PROJECT_SOURCE_DIR}/tests/views/synth.c)
target_include_directories(bench_views PRIVATE ${PROJECT_SOURCE_DIR}/tests/views)
