#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages baokan needs to build, run and test, but only those missing.
# Usage: scripts/deps.sh [--test]   (--test adds what the test suite and benchmarks use)
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config
          qt6-base-dev libqt6sql6-sqlite libicu-dev libsqlite3-dev
          fonts-noto-cjk python3 python3-jieba)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(catch2 ripgrep)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "baokan: installing ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null; then
    sudo=(sudo)
else
    echo "baokan: these packages are missing and I am not root and there is no sudo: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
