#!/bin/sh
# SPDX-License-Identifier: MIT
#
# tools/bootstrap.sh - set up, build and run annals on Debian 12 in one command.
#
#   tools/bootstrap.sh run    install what is missing, build, and run
#                             `annals build samples/ -o output/`
#   tools/bootstrap.sh test   install what is missing, build, and run the test suite
#
# Works as root and, with sudo, as a normal user; running it again does no harm
# (packages already installed are skipped, the build is incremental).
# Environment: ANNALS_BUILD_DIR (default: build), ANNALS_JOBS (default: nproc).
set -eu

cd "$(dirname "$0")/.."

PACKAGES="build-essential cmake pkg-config libigraph-dev libjansson-dev libgraphviz-dev \
graphviz libxml2-utils"
BUILD_DIR=${ANNALS_BUILD_DIR:-build}
JOBS=${ANNALS_JOBS:-$(nproc 2>/dev/null || echo 2)}

usage() {
    echo "usage: tools/bootstrap.sh run|test" >&2
    exit 2
}

install_missing() {
    missing=""
    for p in $PACKAGES; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing="$missing $p"
        fi
    done
    if [ -z "$missing" ]; then
        return 0
    fi
    if [ "$(id -u)" -eq 0 ]; then
        sudo=""
    elif command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "bootstrap: missing packages:$missing" >&2
        echo "bootstrap: run as root or install sudo" >&2
        exit 1
    fi
    echo "bootstrap: installing$missing"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
}

build() {
    cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$BUILD_DIR" -j "$JOBS"
}

[ $# -eq 1 ] || usage
case "$1" in
run)
    install_missing
    build
    "$BUILD_DIR/annals" build samples/ -o output/
    echo "bootstrap: open output/timeline.svg and output/relations.svg"
    ;;
test)
    # The browser test opens the report in headless Chromium.
    PACKAGES="$PACKAGES chromium"
    install_missing
    build
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
    ;;
*)
    usage
    ;;
esac
