#!/usr/bin/env bash
# Installs what is missing, builds careflow (release) and runs the bundled default scenario.
# Extra arguments go to `careflow run`, e.g. `tools/run_default.sh -n 50 -t 2`.
set -euo pipefail
cd "$(dirname "$0")/.."

./tools/install_deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target careflow_cli
./build/release/careflow run scenarios/youth-care-region.yaml "$@"
