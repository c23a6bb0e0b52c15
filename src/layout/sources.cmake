# layout/: the two views and the HTML report (the only folder using Graphviz).
# export/view.c (annals_export_view) is listed here too: it belongs to the
# views and export/sources.cmake is not ours.
set(ANNALS_LAYOUT_SOURCES
  layout/layout.c layout/timeline.c layout/relations.c layout/report.c
  export/view.c)
