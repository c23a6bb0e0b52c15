set(ANNALS_EVENTS_SOURCES
  events/lexicon.c events/triggers.c events/roles.c events/modality.c events/events.c)
annals_embed(event_codes data/cameo_codes.tsv)
annals_embed(event_triggers data/triggers.tsv)
