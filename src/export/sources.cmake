set(ANNALS_EXPORT_SOURCES export/json.c export/json_read.c export/exchange.c)
