#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds baokan, and opens it on the default archive
# (filled with the bundled sample pages on first start). Extra arguments go to baokan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBAOKAN_BUILD_TESTS=OFF >/dev/null
cmake --build build/release --target baokan
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && "$*" != *--screenshot* ]]; then
    echo "baokan is built (build/release/app/baokan) but there is no display to open a window on." >&2
    echo "Run it from a desktop session, or try: build/release/app/baokan --screenshot baokan.png" >&2
    exit 2
fi
exec build/release/app/baokan "$@"
