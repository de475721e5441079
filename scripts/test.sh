#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds baokan with warnings as errors, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
cmake -S . -B build/ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBAOKAN_WERROR=ON >/dev/null
cmake --build build/ci
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build/ci --output-on-failure -j "$(nproc)" --timeout 300
