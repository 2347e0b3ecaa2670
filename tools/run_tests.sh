#!/usr/bin/env bash
# Installs what is missing, then builds and runs the whole test suite:
#   1. the `ci` preset (release, warnings as errors): unit, CLI and queueing-theory tests,
#      every bundled scenario validated and run once;
#   2. the `asan` preset (AddressSanitizer + UBSan): the unit and CLI tests again;
#   3. the `mpi` preset (Open MPI): only the CLI, run under mpirun on 2 and 3 ranks against
#      one process.
set -euo pipefail
cd "$(dirname "$0")/.."

./tools/install_deps.sh
jobs=$(nproc)

echo "== ci preset: build and all tests"
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
ctest --preset ci -j "$jobs"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for scenario in scenarios/*.yaml; do  # every bundled scenario validates and runs
    ./build/ci/careflow validate "$scenario"
    ./build/ci/careflow run "$scenario" -n 1 -q -o "$scratch/$(basename "$scenario" .yaml)"
done

echo "== asan preset: unit tests under AddressSanitizer + UBSan"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs" --target careflow_unit_tests careflow_cli
ctest --preset asan -j "$jobs" -L unit

echo "== mpi preset: the CLI under mpirun --oversubscribe -np 2 and -np 3, byte-identical"
cmake --preset mpi >/dev/null
cmake --build --preset mpi -j "$jobs"  # the preset builds careflow_cli only
ctest --preset mpi
echo "== all tests passed"
