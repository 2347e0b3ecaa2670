#!/usr/bin/env bash
# careflow under mpirun: 2 and 3 ranks write the bytes one process writes (run, compare,
# sweep); only the first rank prints and writes; a scenario error exits 2 on every rank with
# one report; a rank that fails alone does not leave the others waiting.
# Env: CAREFLOW = the MPI build's careflow, MPIEXEC = mpirun, SOURCE_DIR = the repository root.
set -euo pipefail

: "${CAREFLOW:?set CAREFLOW to the MPI build of careflow}"
: "${SOURCE_DIR:?set SOURCE_DIR to the repository root}"
MPIEXEC="${MPIEXEC:-mpirun}"
export CAREFLOW  # for the ranks of the bash -c case below

scenario="$SOURCE_DIR/scenarios/noord-veluwe-2019.yaml"  # has strategies: costs.csv too
invalid="$SOURCE_DIR/tests/scenarios/invalid/several_problems.yaml"
tiny="$SOURCE_DIR/tests/cli/tiny.yaml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# CI runs as root; Open MPI refuses root unless told twice.
if [[ $(id -u) -eq 0 ]]; then
    export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

# A hung rank must fail the test, not the CI job.
limit=120

# mpi NP ARGS...: careflow on NP ranks; sets $code, out.txt and err.txt.
mpi() {
    local ranks=$1
    shift
    code=0
    timeout "$limit" "$MPIEXEC" --oversubscribe -np "$ranks" "$CAREFLOW" "$@" \
        >out.txt 2>err.txt || code=$?
}

# alone ARGS...: the same binary without mpirun, as one process.
alone() {
    code=0
    timeout "$limit" "$CAREFLOW" "$@" >out.txt 2>err.txt || code=$?
}

expect_code() {  # expect_code WANT WHAT
    if [[ $code -eq $1 ]]; then
        pass "$2 exits $1"
    else
        fail "$2: exit code $code, expected $1; stderr:"
        sed 's/^/    /' err.txt >&2
    fi
}

# expect_same_files DIR_A DIR_B WHAT [FILE...]: default, the four CSVs of a run.
expect_same_files() {
    local a=$1 b=$2 what=$3
    shift 3
    (($# > 0)) || set -- summary.csv replications.csv timeseries.csv costs.csv
    for file in "$@"; do
        if [[ ! -s $a/$file || ! -s $b/$file ]]; then
            fail "$what: $file missing or empty"
        elif cmp -s "$a/$file" "$b/$file"; then
            pass "$what: $file is byte-identical"
        else
            fail "$what: $file differs"
        fi
    done
}

expect_count() {  # expect_count WANT PATTERN FILE WHAT
    local got
    got="$(grep -c -- "$2" "$3" || true)"
    if [[ $got -eq $1 ]]; then
        pass "$4"
    else
        fail "$4: '$2' appears $got time(s) in $3, expected $1"
    fi
}

# 2 ranks, 8 replications: 4 each.
alone run "$scenario" -n 8 -t 1 -q -o one-8
expect_code 0 "run -n 8 as one process"
mpi 2 run "$scenario" -n 8 -t 1 -q -o two-8
expect_code 0 "mpirun -np 2 run -n 8"
expect_same_files one-8 two-8 "-np 2 vs one process"
expect_count 1 "^wrote " out.txt "-np 2: only the first rank says what it wrote"
expect_count 1 '"processes": 2' two-8/manifest.json "-np 2: the manifest records 2 processes"
expect_count 0 '"processes"' one-8/manifest.json "one process: the manifest has no processes"

# 3 ranks, 7 replications dealt like cards: 0 3 6, 1 4 and 2 5.
alone run "$scenario" -n 7 -t 1 -q -o one-7
expect_code 0 "run -n 7 as one process"
mpi 3 run "$scenario" -n 7 -t 1 -q -o three-7
expect_code 0 "mpirun -np 3 run -n 7"
expect_same_files one-7 three-7 "-np 3 -n 7 vs one process"

# One rank: the plain behaviour.
mpi 1 run "$scenario" -n 7 -t 1 -q -o np1-7
expect_code 0 "mpirun -np 1 run -n 7"
expect_same_files one-7 np1-7 "-np 1 vs one process"
expect_count 0 '"processes"' np1-7/manifest.json "-np 1: the manifest has no processes"

# compare and sweep spread each of their batches over the ranks the same way.
variant="$SOURCE_DIR/scenarios/c-to-b-to-a.yaml"
alone compare "$scenario" "$variant" -n 5 -t 1 -q -o compare-one
expect_code 0 "compare -n 5 as one process"
mpi 3 compare "$scenario" "$variant" -n 5 -t 1 -q -o compare-three
expect_code 0 "mpirun -np 3 compare -n 5"
expect_same_files compare-one compare-three "compare, -np 3 vs one process" comparison.csv
vary=(--vary states.residential.capacity=30,40)
region="$SOURCE_DIR/scenarios/youth-care-region.yaml"
alone sweep "$region" "${vary[@]}" -n 5 -t 1 -q -o sweep-one
expect_code 0 "sweep -n 5 as one process"
mpi 2 sweep "$region" "${vary[@]}" -n 5 -t 1 -q -o sweep-two
expect_code 0 "mpirun -np 2 sweep -n 5"
expect_same_files sweep-one sweep-two "sweep, -np 2 vs one process" sweep.csv points.csv
# A sweep lays its points' replications end to end and deals them over the ranks, so a
# point's replications are split between ranks (3 x 3 over 2: 0 2 4 6 8 and 1 3 5 7), and
# whole points go to different ranks when they have fewer replications than there are ranks
# (3 x 1 over 3).
vary3=(--vary states.residential.capacity=30,40,50)
alone sweep "$region" "${vary3[@]}" -n 3 -t 1 -q -o sweep3-one
mpi 2 sweep "$region" "${vary3[@]}" -n 3 -t 1 -q -o sweep3-two
expect_code 0 "mpirun -np 2 sweep of 3 points x 3"
expect_same_files sweep3-one sweep3-two "sweep 3 x 3, -np 2 vs one process" sweep.csv
alone sweep "$region" "${vary3[@]}" -n 1 -t 1 -q -o sweep1-one
mpi 3 sweep "$region" "${vary3[@]}" -n 1 -t 1 -q -o sweep1-three
expect_code 0 "mpirun -np 3 sweep of 3 points x 1"
expect_same_files sweep1-one sweep1-three "sweep 3 x 1, -np 3 vs one process" sweep.csv

# SIGTERM to mpirun: Open MPI waits odls_base_sigkill_timeout seconds (default 1), sends
# SIGTERM to the ranks, waits as long again, then kills them. With time to write, the ranks
# stop after their replication in hand and the first writes what every rank finished without
# a gap (the replications are dealt like cards: nearly all of it), the bytes of one process
# running that many.
# The command-line tests' small scenario, made slow: about 25 ms a replication.
slow=(--set "run.horizon=20 years" --set states.queue.capacity=300 --set arrivals.0.per_year=5000)
# stop_after SECONDS: runs the slow batch under mpirun and sends mpirun SIGTERM after SECONDS.
stop_after() {
    code=0
    rm -rf mpi-stopped
    timeout "$limit" "$MPIEXEC" --mca odls_base_sigkill_timeout 4 --oversubscribe -np 2 \
        "$CAREFLOW" run "$tiny" "${slow[@]}" -n 100000 -t 1 -o mpi-stopped >out.txt 2>err.txt &
    runner=$!
    sleep "$1"
    kill -TERM "$runner"
    wait "$runner" || code=$?
    completed="$(sed -n 's/^  "replications_completed": \([0-9]*\),$/\1/p' \
        mpi-stopped/manifest.json 2>/dev/null || true)"
}
stop_after 2
# On a busy machine the ranks may not have begun replicating two seconds after mpirun
# started (then there is nothing to write): once more, with more time.
[[ -n "$completed" ]] || stop_after 6
if [[ -n "$completed" ]] && grep -q '^  "partial": true' mpi-stopped/manifest.json; then
    pass "SIGTERM to mpirun: the first rank wrote $completed replications, partial (exit $code)"
    expect_count 1 "^interrupted: wrote $completed of 100000 replications" err.txt \
        "a stopped MPI run says what it wrote"
    alone run "$tiny" "${slow[@]}" -n "$completed" -t 2 -q -o mpi-stopped-alone
    expect_same_files mpi-stopped mpi-stopped-alone "stopped -np 2 vs one process of as many" \
        summary.csv replications.csv timeseries.csv
else
    fail "SIGTERM to mpirun: no partial manifest (exit $code); stderr:"
    sed 's/^/    /' err.txt >&2
fi

# A scenario error: every rank loads the scenario and exits 2; the first alone reports it.
mpi 2 run "$invalid" -n 2 -o bad
expect_code 2 "mpirun -np 2 run on an invalid scenario"
expect_count 1 "error(s); nothing was written" err.txt "the scenario's errors are reported once"
[[ ! -e bad ]] || fail "the -o dir was created for an invalid scenario"

# The scenario missing on one machine: that rank says so and the others do not wait for it.
code=0
timeout "$limit" "$MPIEXEC" --oversubscribe -np 2 bash -c '
    if [[ $OMPI_COMM_WORLD_RANK -eq 1 ]]; then set -- "$PWD/no-such.yaml"; else set -- "$1"; fi
    exec "$CAREFLOW" run "$1" -n 4 -t 1 -q -o half' _ "$scenario" >out.txt 2>err.txt || code=$?
if [[ $code -ne 0 && $code -ne 124 ]]; then
    pass "a rank without the scenario fails the job without a hang (exit $code)"
else
    fail "a rank without the scenario: exit code $code, expected a failure other than timeout"
fi
expect_count 1 "careflow\[rank 1\]: error: .*no-such.yaml" err.txt \
    "the rank without the scenario names it"
expect_count 1 "rank 1 of 2 failed" err.txt "the first rank says which rank failed"
[[ ! -e half ]] || fail "the -o dir was created though a rank failed"

# The same with a command that runs no batch: the rank that succeeded still learns of it.
code=0
timeout "$limit" "$MPIEXEC" --oversubscribe -np 2 bash -c '
    if [[ $OMPI_COMM_WORLD_RANK -eq 1 ]]; then set -- "$PWD/no-such.yaml"; else set -- "$1"; fi
    exec "$CAREFLOW" validate "$1"' _ "$scenario" >out.txt 2>err.txt || code=$?
if [[ $code -ne 0 && $code -ne 124 ]]; then
    pass "validate with a rank lacking the scenario fails without a hang (exit $code)"
else
    fail "validate with a rank lacking the scenario: exit code $code"
fi

if [[ $failures -gt 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all MPI checks passed"
