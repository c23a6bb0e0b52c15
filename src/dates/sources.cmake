set(ANNALS_DATES_SOURCES
  dates/dates.c dates/dateline.c dates/lexicon.c dates/recognise.c dates/resolve.c)
