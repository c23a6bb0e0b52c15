#!/bin/sh
# tests/browser/browser_test.sh - open report.html, timeline.svg and relations.svg (written
# by the CLI from samples/) in headless Chromium: each page must render to a non-empty
# PNG without a console message (no JavaScript error in the report's filter script) and
# its DOM, after the scripts ran, must hold the expected elements (browser_check.c).
#
#   browser_test.sh ANNALS CHECK SAMPLES WORK [CHROMIUM]
#
# Exits 77 (CTest SKIP_RETURN_CODE) only when no chromium is installed.
set -u
ANNALS=$1
CHECK=$2
SAMPLES=$3
WORK=$4
CHROMIUM=${5:-}

if [ -z "$CHROMIUM" ] || [ ! -x "$CHROMIUM" ]; then
    CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
fi
if [ -z "$CHROMIUM" ]; then
    echo "browser_test: chromium is not installed (apt-get install chromium): skipped"
    exit 77
fi

rm -rf "$WORK"
mkdir -p "$WORK/out" || exit 1
if ! "$ANNALS" build --quiet "$SAMPLES" -o "$WORK/out"; then
    echo "browser_test: annals build failed" >&2
    exit 1
fi

status=0
for page in report.html timeline.svg relations.svg; do
    profile=$(mktemp -d "$WORK/profile.XXXXXX") || exit 1
    # a fresh profile, nothing from the network, the window size of the screenshots
    timeout 40 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" --window-size=1400,1000 \
        --enable-logging=stderr --v=0 --screenshot="$WORK/$page.png" --dump-dom \
        "file://$WORK/out/$page" > "$WORK/$page.dom" 2> "$WORK/$page.log"
    rc=$?
    rm -rf "$profile"
    if [ $rc -ne 0 ]; then
        echo "browser_test: chromium exited with $rc on $page (log: $WORK/$page.log)" >&2
        status=1
    fi
done
[ $status -eq 0 ] || exit 1
exec "$CHECK" "$WORK"
