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

# sweep: a grid and a Latin hypercube, one batch per point; a bad path writes nothing.
short=(--set "run.warmup=1 year" --set "run.horizon=2 years")
points_in() { tail -n +2 "$1" | cut -d, -f1 | sort -un | tr '\n' ' '; }
careflow sweep "$scenario" -n 2 -q -o grid "${short[@]}" \
    --vary states.residential.capacity=30,46 --vary "arrivals.crisis line.per_year=40,80"
expect_code 0 "sweep over a 2x2 grid"
if [[ "$(points_in grid/sweep.csv 2>/dev/null)" == "1 2 3 4 " ]]; then
    pass "sweep.csv holds the 4 points of a 2x2 grid"
else
    fail "sweep.csv points are '$(points_in grid/sweep.csv 2>/dev/null)', expected '1 2 3 4 '"
fi
want_header="point,states.residential.capacity,arrivals.crisis line.per_year,metric,state,year,strategy,provider,mean,sd,ci_low,ci_high,p05,p50,p95,n"
[[ "$(head -n 1 grid/sweep.csv 2>/dev/null)" == "$want_header" ]] || fail "sweep.csv header"
[[ "$(sed -n 4p grid/points.csv 2>/dev/null)" == "3,46,40" ]] ||
    fail "points.csv row 3 is '$(sed -n 4p grid/points.csv 2>/dev/null)', expected '3,46,40'"
grep -q '"design": "grid"' grid/manifest.json 2>/dev/null || fail "sweep manifest.json"

careflow sweep "$scenario" -n 2 -q -o lhs "${short[@]}" --lhs 3 \
    --vary states.residential.capacity=30..60:int --vary "arrivals.crisis line.per_year=40..80"
expect_code 0 "sweep over a Latin hypercube of 3 points"
if [[ "$(points_in lhs/sweep.csv 2>/dev/null)" == "1 2 3 " ]] &&
    ! tail -n +2 lhs/points.csv | cut -d, -f2 | grep -Evqx '[0-9]+'; then
    pass "an LHS of 3 points: 3 points in sweep.csv, whole capacities with :int"
else
    fail "LHS sweep: points '$(points_in lhs/sweep.csv 2>/dev/null)'"
fi

careflow sweep "$scenario" -n 2 -o badsweep --vary states.no_such_state.capacity=30,46
expect_code 2 "sweep with a bad --vary path"
grep -q "^point 1 (states.no_such_state.capacity=30): " err.txt ||
    fail "a failing sweep point is not named on stderr"
[[ ! -e badsweep ]] || fail "the -o dir was created for a sweep with a bad path"

careflow sweep "$scenario" -n 2 -o rangegrid --vary states.residential.capacity=30..60
expect_code 2 "sweep with a range but no --lhs"
grep -q "hint: .*--lhs N" err.txt || fail "no --lhs hint for a range in a grid sweep"
[[ ! -e rangegrid ]] || fail "the -o dir was created for a range in a grid sweep"

# compare: a scenario against itself runs the same children with the same random numbers, so
# every difference is exactly zero (empty where the metric is undefined).
careflow compare "$scenario" "$scenario" -n 3 -o same -q \
    --set "run.warmup=1 year" --set "run.horizon=2 years"
expect_code 0 "compare of a scenario with itself"
want_header="variant,metric,state,year,strategy,provider,base_mean,variant_mean,diff_mean,"
want_header+="diff_ci_low,diff_ci_high,diff_p05,diff_p50,diff_p95,unpaired_ci_low,unpaired_ci_high,n"
if [[ -f same/comparison.csv && "$(head -n 1 same/comparison.csv)" == "$want_header" ]]; then
    pass "comparison.csv header"
else
    fail "comparison.csv header is '$(head -n 1 same/comparison.csv 2>/dev/null)'"
fi
if [[ -f same/comparison.csv && $(wc -l <same/comparison.csv) -gt 300 ]]; then
    # Columns 9-14: diff_mean, diff_ci_low, diff_ci_high, diff_p05, diff_p50, diff_p95.
    nonzero="$(awk -F, 'NR > 1 { for (i = 9; i <= 14; ++i) if ($i != "" && $i != "0") { print; next } }' \
        same/comparison.csv | head -n 3)"
    if [[ -z "$nonzero" ]]; then
        pass "comparison.csv of a scenario with itself has only zero differences"
    else
        fail "nonzero differences comparing a scenario with itself:"$'\n'"$nonzero"
    fi
else
    fail "comparison.csv missing or short after compare"
fi
hash="$(sha256sum "$scenario" | cut -d' ' -f1)"
if [[ -f same/manifest.json && $(grep -c "\"sha256\": \"$hash\"" same/manifest.json) -eq 2 ]]; then
    pass "the compare manifest records the hash of the base and of the variant"
else
    fail "same/manifest.json missing or without the scenario's sha256 twice"
fi

# What waiting does, as a council would ask it: staff-shortage against its baseline. The paired
# 95 % interval of each difference (variant - base) in 2023 lies wholly on the side the
# mechanism predicts: more deteriorations and escalations while waiting, more crisis
# admissions, more youths asking for an out-of-home place, more cost attributable to waiting,
# fewer clients. (20 replications: each effect is > 8 paired half-widths at 100.)
careflow compare "$SOURCE_DIR/scenarios/noord-veluwe-2019.yaml" \
    "$SOURCE_DIR/scenarios/staff-shortage.yaml" -n 20 -q -o shortage
expect_code 0 "compare of staff-shortage with its baseline"
check_sign() {  # check_sign METRIC STATE YEAR STRATEGY +|-
    local row
    row="$(awk -F, -v m="$1" -v s="$2" -v y="$3" -v g="$4" \
        '$2 == m && $3 == s && $4 == y && $5 == g && $6 == "" { print $10 "," $11 }' \
        shortage/comparison.csv)"
    local low="${row%,*}" high="${row#*,}"
    if [[ -z "$row" ]]; then
        fail "comparison.csv has no row $1/$2/$3/$4"
    elif [[ $5 == + ]] && awk -v l="$low" 'BEGIN { exit !(l > 0) }'; then
        pass "staff shortage raises $1 $3 (paired interval $low .. $high)"
    elif [[ $5 == - ]] && awk -v h="$high" 'BEGIN { exit !(h < 0) }'; then
        pass "staff shortage lowers $1 $3 (paired interval $low .. $high)"
    else
        fail "staff shortage: $1 $3 should be $5, paired interval $low .. $high"
    fi
}
check_sign waiting_deteriorations "" 2023 "" +
check_sign waiting_escalations "" 2023 "" +
check_sign crisis_admissions "" 2023 "" +
check_sign out_of_home_entries "" 2023 "" +
check_sign cost_of_waiting "" 2023 contracts-2019 +
check_sign clients "" 2023 "" -

# A missing variant is found before anything runs: exit 3, as for run, and nothing written.
careflow compare "$scenario" "$work/no-such-variant.yaml" -n 2 -o missing-variant
expect_code 3 "compare with a missing variant file"
grep -q "no-such-variant.yaml" err.txt || fail "the missing variant is not named on stderr"
[[ ! -e missing-variant ]] || fail "the -o dir was created for a missing variant"

# Progress: plain lines on stderr when it is not a terminal, none with --quiet.
careflow run "$scenario" -n 4 -t 2 -o progress
expect_code 0 "run without -q"
if grep -q '^careflow: 4/4 replications' err.txt; then
    pass "progress lines on stderr when it is not a terminal"
else
    fail "no 'careflow: 4/4 replications' progress line on stderr"
fi
careflow run "$scenario" -n 4 -t 2 -o progress -q
if grep -q '^careflow: [0-9]*/4 replications' err.txt; then
    fail "progress printed with -q"
else
    pass "no progress with -q"
fi

# A small, quick scenario for the runs of many replications below.
cp "$SOURCE_DIR/tests/cli/tiny.yaml" tiny.yaml

# Repeatable options take one value each, so the scenario files may come after them.
careflow validate --set states.queue.capacity=4 tiny.yaml
expect_code 0 "validate --set VALUE SCENARIO"
careflow run --set states.queue.capacity=4 --target-ci 'in_care_mean/queue=1' tiny.yaml -q \
    -o options-first
expect_code 0 "run --set VALUE --target-ci VALUE SCENARIO"
careflow sweep --set run.replications=2 --vary states.queue.capacity=3,4 tiny.yaml -q \
    -o sweep-options-first
expect_code 0 "sweep --set VALUE --vary VALUE SCENARIO"
careflow compare tiny.yaml --set states.queue.capacity=4 tiny.yaml -n 2 -q -o cmp-options-first
expect_code 0 "compare BASE --set VALUE VARIANT"
if [[ "$(tail -n +2 cmp-options-first/comparison.csv 2>/dev/null | cut -d, -f1 | sort -u)" == tiny ]]
then
    pass "compare BASE --set VALUE VARIANT compares one variant"
else
    fail "compare BASE --set VALUE VARIANT: the manifest does not list exactly one variant"
fi

# --target-ci adds replications until the interval is narrow enough, with the bytes of a plain
# run of the final count.
careflow run tiny.yaml -q -o target --target-ci 'in_care_mean/queue=0.05' \
    --target-ci 'clients//year 1=1'
expect_code 0 "run --target-ci"
reached="$(sed -n 's/^target met: .* after \([0-9,]*\) replications$/\1/p' out.txt | tr -d ,)"
if [[ -n "$reached" && "$reached" -gt 10 ]]; then
    pass "--target-ci met after $reached replications"
    careflow run tiny.yaml -q -o target-plain -n "$reached" -t 1
    for file in summary.csv replications.csv timeseries.csv; do
        cmp -s "target/$file" "target-plain/$file" ||
            fail "--target-ci's $file differs from a plain run of $reached replications"
    done
    pass "--target-ci gives the bytes of a plain run of the final count"
else
    fail "--target-ci printed no 'target met: ... after N replications' (N > 10):"
    sed 's/^/    /' out.txt >&2
fi
grep -q '"outcome": "met"' target/manifest.json 2>/dev/null ||
    fail "manifest.json does not record the target's outcome"

careflow run tiny.yaml -q -o cap --target-ci 'in_care_mean/queue=0.000001' --max-replications 50
expect_code 0 "run --target-ci at the cap"
grep -q '^cap reached: in_care_mean/queue ± .* > 1e-06 after 50 replications$' out.txt ||
    fail "no 'cap reached: ... after 50 replications': $(cat out.txt)"

careflow run tiny.yaml -q -o unknown --target-ci 'in_care_mean/queu=1'
expect_code 2 "--target-ci naming no metric"
grep -q "did you mean: in_care_mean/queue" err.txt || fail "no 'did you mean' for a misspelt target"
[[ ! -e unknown ]] || fail "the -o dir was created for an unknown target metric"

careflow run tiny.yaml -q -o bad-width --target-ci 'in_care_mean/queue=wide'
expect_code 2 "--target-ci with a half-width that is no number"

careflow run tiny.yaml -q -o no-target --max-replications 50
expect_code 2 "--max-replications without --target-ci"

# Waits (at most 180 s: the ASan build is slow) until `file` has a line matching the extended
# regex `pattern`.
wait_for_line() {
    local file=$1 pattern=$2
    for _ in $(seq 1 900); do
        grep -Eq "$pattern" "$file" 2>/dev/null && return 0
        sleep 0.2
    done
    return 1
}

# Ctrl-C: the replications finished so far are written, the manifest says partial, exit 130.
# Job control (set -m) keeps the shell from starting the background job with SIGINT ignored.
set -m
"$CAREFLOW" run tiny.yaml -n 1000000 -t 1 -o stopped >out.txt 2>err.txt &
runner=$!
set +m
wait_for_line err.txt '^careflow: [1-9][0-9]*/1000000 ' ||
    fail "run printed no progress line: $(cat err.txt)"
kill -INT "$runner"
code=0
wait "$runner" || code=$?
expect_code 130 "run stopped by SIGINT"
if grep -q '"partial": true' stopped/manifest.json 2>/dev/null && [[ -s stopped/summary.csv ]]; then
    completed="$(sed -n 's/^  "replications_completed": \([0-9]*\),$/\1/p' stopped/manifest.json)"
    rows="$(tail -n +2 stopped/replications.csv | cut -d, -f1 | sort -u | wc -l)"
    if [[ -n "$completed" && "$rows" -eq "$completed" ]]; then
        pass "after SIGINT, replications.csv holds the $completed completed replications"
    else
        fail "after SIGINT: manifest says $completed completed, replications.csv has $rows"
    fi
    grep -q "^interrupted: wrote $completed of 1000000 replications to stopped" err.txt ||
        fail "no 'interrupted: wrote N of M' message: $(cat err.txt)"
else
    fail "after SIGINT: no summary.csv, or manifest.json without \"partial\": true"
fi

# SIGTERM stops compare too: the scenarios take turns, so every one has the replications the
# others have, and comparison.csv pairs those; the same bytes as a compare of that many.
set -m
"$CAREFLOW" compare tiny.yaml tiny.yaml -n 100000 -t 1 -o cmp-stopped >out.txt 2>err.txt &
runner=$!
set +m
# Progress lines come at each tenth of the 200,000: the first means both have run a turn.
wait_for_line err.txt '^careflow: ([2-9][0-9]|[0-9]{3})[0-9]{3}/200000 ' ||
    fail "compare printed no progress line past 20000/200000: $(cat err.txt)"
kill -TERM "$runner"
code=0
wait "$runner" || code=$?
expect_code 143 "compare stopped by SIGTERM"
completed="$(sed -n 's/^  "replications_completed": \([0-9]*\),$/\1/p' cmp-stopped/manifest.json 2>/dev/null ||
    true)"
if [[ -n "$completed" ]] && grep -q '^  "partial": true' cmp-stopped/manifest.json; then
    grep -q "^interrupted: compared the first $completed of 100000 replications" err.txt ||
        fail "no 'interrupted: compared the first N of M' message: $(cat err.txt)"
    careflow compare tiny.yaml tiny.yaml -n "$completed" -t 2 -q -o cmp-plain
    if cmp -s cmp-stopped/comparison.csv cmp-plain/comparison.csv; then
        pass "a stopped compare pairs its $completed common replications, as compare -n $completed"
    else
        fail "the stopped compare's comparison.csv differs from compare -n $completed"
    fi
else
    fail "after SIGTERM: compare's manifest.json is missing or does not say partial"
fi

# SIGTERM stops a sweep after the point it interrupts: the finished points are written whole,
# the interrupted one with its finished replications, and the manifest says which.
set -m
"$CAREFLOW" sweep tiny.yaml --vary states.queue.capacity=3,4,5 -n 50000 -t 1 \
    -o sweep-stopped >out.txt 2>err.txt &
runner=$!
set +m
wait_for_line out.txt '^point 1/3 ' || fail "sweep printed no line for point 1: $(cat out.txt)"
kill -TERM "$runner"
code=0
wait "$runner" || code=$?
expect_code 143 "sweep stopped by SIGTERM"
# points_completed is the manifest's last key unless the stop cut a point short.
whole="$(sed -n 's/^  "points_completed": \([0-9]*\),\{0,1\}$/\1/p' sweep-stopped/manifest.json 2>/dev/null ||
    true)"
if grep -q '^  "interrupted_point"' sweep-stopped/manifest.json 2>/dev/null; then
    expected_points="$(seq -s ' ' 1 $((whole + 1))) "  # the cut point's finished replications too
else
    expected_points="$(seq -s ' ' 1 "${whole:-0}") "
fi
if grep -q '^  "partial": true' sweep-stopped/manifest.json 2>/dev/null &&
    [[ "$whole" == [12] ]] &&
    [[ "$(points_in sweep-stopped/sweep.csv)" == "$expected_points" ]]; then
    pass "a stopped sweep writes its $whole finished point(s) and a partial manifest"
else
    fail "after SIGTERM: sweep.csv points '$(points_in sweep-stopped/sweep.csv 2>/dev/null)', manifest points_completed '$whole', expected points '$expected_points' and partial"
fi
grep -q "^interrupted: wrote [12] of 3 points" err.txt ||
    fail "no 'interrupted: wrote N of 3 points' message: $(cat err.txt)"

if [[ $failures -gt 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all CLI checks passed"
