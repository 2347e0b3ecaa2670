#!/usr/bin/env bash
# `cmake --install` into a fresh prefix, then use it: the installed program runs, and a CMake
# project finds careflow there with find_package and builds and runs against it.
# Env: BUILD_DIR = a built careflow build folder, SOURCE_DIR = the repository root,
# CMAKE = cmake; GENERATOR, CXX_COMPILER, BUILD_TYPE, CXX_FLAGS, LINKER_FLAGS and LIBDIR =
# the build's; VERSION = the project version; MAN_PAGE = 1 if the build makes the man page.
set -euo pipefail

: "${BUILD_DIR:?}" "${SOURCE_DIR:?}" "${CMAKE:?}" "${GENERATOR:?}" "${CXX_COMPILER:?}"
: "${BUILD_TYPE?}" "${CXX_FLAGS?}" "${LINKER_FLAGS?}" "${LIBDIR:?}"
: "${VERSION:?}" "${MAN_PAGE:?}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
# Runs a step quietly; on failure shows its output and stops.
step() {  # step WHAT COMMAND...
    local what="$1"
    shift
    "$@" >"$work/step.log" 2>&1 || { sed 's/^/    /' "$work/step.log" >&2; fail "$what"; }
    echo "ok: $what"
}

step "cmake --install into $prefix" "$CMAKE" --install "$BUILD_DIR" --prefix "$prefix"

want=(bin/careflow include/careflow/careflow.hpp include/careflow/version.hpp
      "$LIBDIR"/libcareflow_sim.a "$LIBDIR"/libcareflow_scenario.a
      "$LIBDIR"/cmake/careflow/careflowConfig.cmake
      "$LIBDIR"/cmake/careflow/careflowConfigVersion.cmake
      "$LIBDIR"/cmake/careflow/careflowTargets.cmake share/doc/careflow/README.md
      share/doc/careflow/docs/scenario-format.md share/careflow/scenarios/youth-care-region.yaml)
if [[ $MAN_PAGE == 1 ]]; then want+=(share/man/man1/careflow.1); fi
for file in "${want[@]}"; do
    [[ -f "$prefix/$file" ]] || fail "not installed: $file"
done
echo "ok: ${#want[@]} files installed"
build_only="$(find "$prefix" -name 'libcareflow_cli*' -o -name '*careflow_internal*')"
[[ -z "$build_only" ]] || fail "build-only parts installed: $build_only"

got="$("$prefix/bin/careflow" --version)"
[[ "$got" == "$VERSION" ]] || fail "installed careflow --version printed '$got', not '$VERSION'"
echo "ok: installed careflow --version prints $VERSION"

# --help names the folders where they were installed, not where the build said they would be.
"$prefix/bin/careflow" --help >"$work/help.txt"
for dir in "$prefix/share/doc/careflow" "$prefix/share/careflow/scenarios"; do
    grep -qF "$dir" "$work/help.txt" || { cat "$work/help.txt" >&2; fail "--help names no $dir"; }
done
echo "ok: --help names the installed docs and scenarios"

# The bundled scenarios still find the files they extend (a chain of two).
step "installed careflow validates the installed c-to-b-to-a.yaml" \
    "$prefix/bin/careflow" validate "$prefix/share/careflow/scenarios/c-to-b-to-a.yaml"

# Only the temporary prefix may satisfy find_package: no package registries.
step "the consumer configures with find_package(careflow)" \
    "$CMAKE" -S "$SOURCE_DIR/tests/package/consumer" -B "$work/consumer" -G "$GENERATOR" \
    -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DCMAKE_CXX_COMPILER="$CXX_COMPILER" \
    -DCMAKE_CXX_FLAGS="$CXX_FLAGS" -DCMAKE_EXE_LINKER_FLAGS="$LINKER_FLAGS" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF
found="$(sed -n 's/^careflow_DIR:PATH=//p' "$work/consumer/CMakeCache.txt")"
[[ "$found" == "$prefix/$LIBDIR/cmake/careflow" ]] || fail "find_package found careflow in '$found'"
echo "ok: find_package found $found"

step "the consumer builds against careflow::careflow" "$CMAKE" --build "$work/consumer"

out="$("$work/consumer/consumer" "$SOURCE_DIR/tests/cli/tiny.yaml")" ||
    fail "the consumer failed: $out"
[[ "$out" =~ ^careflow\ $VERSION:\ 2\ replications,\ clients\ in\ [^:]+:\ [0-9.]+$ ]] ||
    fail "the consumer printed '$out'"
echo "ok: the consumer runs: $out"
