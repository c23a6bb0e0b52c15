# The annals command-line tool (target annals_cli, output name `annals`).
# It links the library and sees include/ only.
set(ANNALS_CLI_SOURCES cli/main.c cli/opts.c cli/io.c cli/jsonl.c)
