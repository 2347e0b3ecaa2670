#!/usr/bin/env bash
# Rewrites tests/scenarios/invalid/*.err from the current build's messages.
# Review the diff (git diff tests/scenarios/invalid) before committing: each change in an
# error message should be intended. Usage: tools/regenerate_goldens.sh [path/to/careflow]
set -euo pipefail
cd "$(dirname "$0")/.."
careflow=$(realpath "${1:-build/ci/careflow}")
cd tests/scenarios
for yaml in invalid/*.yaml; do
    # Keep only the diagnostics: drop the final "careflow: N error(s)" summary line.
    "$careflow" validate "$yaml" 2>&1 >/dev/null | grep -v '^careflow: ' > "${yaml%.yaml}.err" || true
done
