#!/usr/bin/env bash
# Installs the Debian 12 packages careflow needs to build, test and benchmark (Open MPI for
# the `mpi` preset's CLI; help2man for the man page; dpkg-dev and file for `cpack -G DEB`).
# Idempotent and non-interactive: packages already present are left alone, so a
# second run costs one dpkg query. Must run as root when something is missing.
set -euo pipefail

packages=(
    g++ cmake ninja-build pkgconf
    libboost-dev libboost-graph-dev libboost-random-dev
    libyaml-cpp-dev libtbb-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    libcli11-dev libfmt-dev nlohmann-json3-dev librandom123-dev
    libopenmpi-dev openmpi-bin
    help2man dpkg-dev file
)

missing=()
for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    echo "careflow: missing packages: ${missing[*]}" >&2
    echo "hint: run this script as root, or: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi

echo "careflow: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
