#!/usr/bin/env bash
# `cpack -G DEB` into a temporary folder, then read the package: the program, the man page,
# the headers and the CMake package under /usr, and Depends naming the runtime libraries.
# Env: BUILD_DIR = a built careflow build folder, CPACK = cpack, VERSION = the project
# version, MAN_PAGE = 1 if the build makes the man page.
set -euo pipefail

: "${BUILD_DIR:?}" "${CPACK:?}" "${VERSION:?}" "${MAN_PAGE:?}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

"$CPACK" -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 ||
    { sed 's/^/    /' "$work/cpack.log" >&2; fail "cpack -G DEB"; }
deb="$work/careflow_${VERSION}_$(dpkg --print-architecture).deb"
[[ -f "$deb" ]] || { ls "$work" >&2; fail "cpack made no $(basename "$deb")"; }
echo "ok: cpack made $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/contents.txt"
want=(./usr/bin/careflow ./usr/include/careflow/careflow.hpp ./usr/include/careflow/version.hpp
      ./usr/share/doc/careflow/README.md ./usr/share/careflow/scenarios/youth-care-region.yaml)
if [[ $MAN_PAGE == 1 ]]; then want+=(./usr/share/man/man1/careflow.1); fi
for file in "${want[@]}"; do
    grep -qxF "$file" "$work/contents.txt" || fail "the package holds no $file"
done
for file in careflowConfig.cmake careflowConfigVersion.cmake careflowTargets.cmake; do
    grep -qE "^\./usr/lib/([^/]+/)?cmake/careflow/$file$" "$work/contents.txt" ||
        fail "the package holds no cmake/careflow/$file"
done
echo "ok: the package holds the program, man page, headers, docs and CMake package"

[[ "$(dpkg-deb -f "$deb" Package)" == careflow ]] || fail "Package is not careflow"
[[ "$(dpkg-deb -f "$deb" Version)" == "$VERSION" ]] || fail "Version is not $VERSION"
depends="$(dpkg-deb -f "$deb" Depends)"
for lib in libc6 libstdc++6 libyaml-cpp libtbb libfmt; do
    [[ ", $depends" == *", $lib"* ]] || fail "Depends names no $lib: $depends"
done
echo "ok: Depends: $depends"
