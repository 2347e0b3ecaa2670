#!/usr/bin/env bash
# The careflow command line as users run it: exit codes, messages, files written or not.
# Env: CAREFLOW = the careflow binary, SOURCE_DIR = the repository root.
set -euo pipefail

: "${CAREFLOW:?set CAREFLOW to the careflow binary}"
: "${SOURCE_DIR:?set SOURCE_DIR to the repository root}"

scenario="$SOURCE_DIR/scenarios/youth-care-region.yaml"
invalid="$SOURCE_DIR/tests/scenarios/invalid/several_problems.yaml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

# Runs careflow with the given arguments; sets $code, and the files out.txt and err.txt.
careflow() {
    code=0
    "$CAREFLOW" "$@" >out.txt 2>err.txt || code=$?
}

expect_code() {  # expect_code WANT WHAT
    if [[ $code -eq $1 ]]; then
        pass "$2 exits $1"
    else
        fail "$2: exit code $code, expected $1; stderr:"
        sed 's/^/    /' err.txt >&2
    fi
}

# --version prints the project version.
want_version="$(sed -n 's/^project(careflow VERSION \([0-9.]*\).*/\1/p' \
    "$SOURCE_DIR/CMakeLists.txt")"
careflow --version
expect_code 0 "--version"
if [[ "$(cat out.txt)" == "$want_version" ]]; then
    pass "--version prints $want_version"
else
    fail "--version printed '$(cat out.txt)', expected '$want_version'"
fi

careflow --help
expect_code 0 "--help"
grep -q "Usage" out.txt || fail "--help prints no usage"

careflow validate "$scenario"
expect_code 0 "validate on the default scenario"

# Same seed, 1 thread or 2: byte-identical results.
careflow run "$scenario" -n 20 -t 1 -o one -q
expect_code 0 "run -n 20 -t 1"
careflow run "$scenario" -n 20 -t 2 -o two -q
expect_code 0 "run -n 20 -t 2"
for file in summary.csv replications.csv; do
    if [[ ! -s one/$file || ! -s two/$file ]]; then
        fail "$file missing or empty after run"
    elif cmp -s "one/$file" "two/$file"; then
        pass "$file is byte-identical on 1 and 2 threads"
    else
        fail "$file differs between 1 and 2 threads"
    fi
done

if [[ -f one/manifest.json ]]; then
    hash="$(sha256sum "$scenario" | cut -d' ' -f1)"
    if grep -q "\"sha256\": \"$hash\"" one/manifest.json; then
        pass "manifest.json records the scenario's sha256"
    else
        fail "manifest.json does not contain the scenario's sha256 $hash"
    fi
else
    fail "manifest.json not written"
fi

want_header="metric,state,year,strategy,provider,mean,sd,ci_low,ci_high,p05,p50,p95,n"
if [[ -f one/summary.csv && "$(head -n 1 one/summary.csv)" == "$want_header" ]]; then
    pass "summary.csv header"
else
    fail "summary.csv header is '$(head -n 1 one/summary.csv 2>/dev/null)', expected '$want_header'"
fi

# Bad input: exit 2, compiler-style message, nothing written.
careflow run "$invalid" -n 2 -o bad
expect_code 2 "run on an invalid scenario"
if grep -Eq '^[^:]+\.yaml:[0-9]+:[0-9]+: error: ' err.txt; then
    pass "invalid scenario reported as file:line:col: error:"
else
    fail "no 'file:line:col: error:' on stderr for an invalid scenario"
fi
[[ ! -e bad ]] || fail "the -o dir was created for an invalid scenario"

careflow run "$scenario" -n 0 -o zero
expect_code 2 "run -n 0"
[[ ! -e zero ]] || fail "the -o dir was created for -n 0"

careflow run "$work/no-such-scenario.yaml" -o missing
expect_code 3 "run on a missing scenario file"
[[ ! -e missing ]] || fail "the -o dir was created for a missing scenario"

careflow run "$scenario" --no-such-flag -o flag
expect_code 2 "an unknown flag"
[[ ! -e flag ]] || fail "the -o dir was created for an unknown flag"

if [[ $failures -gt 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all CLI checks passed"
