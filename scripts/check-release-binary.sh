#!/usr/bin/env bash
# Checks the release binary a user would install: builds it with scripts/build-release.sh (the
# Swift runtime linked statically; incremental, so a second run reuses the build) and asserts with
# `ldd` that it depends on no Swift library (libswiftCore, Foundation, libdispatch, ...), has no
# run path into a toolchain, and runs with a bare environment. Run alone:
#
#   scripts/check-release-binary.sh            # arguments go to `swift build`, e.g. --scratch-path DIR
#
# scripts/test.sh (CI) runs it after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

binary="$(bash scripts/build-release.sh "$@" | tail -1)"
[ -x "$binary" ] || { echo "error: scripts/build-release.sh printed no binary (got: $binary)" >&2; exit 1; }

echo "==> ldd $binary"
if deps="$(ldd "$binary" 2>&1)"; then
  echo "$deps" | sed 's/^/    /'
else
  # A fully static binary (the musl SDK) has no dynamic section at all.
  echo "    $deps"
fi
swift_libs='libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libXCTest|libTesting|lib_Testing'
if echo "$deps" | grep -E "$swift_libs" >/dev/null; then
  echo "error: $binary depends on Swift libraries:" >&2
  echo "$deps" | grep -E "$swift_libs" >&2
  exit 1
fi
if echo "$deps" | grep -q 'not found'; then
  echo "error: $binary needs libraries this machine lacks:" >&2
  echo "$deps" | grep 'not found' >&2
  exit 1
fi
if readelf -d "$binary" 2>/dev/null | grep -E 'RPATH|RUNPATH' | grep -qi swift; then
  echo "error: $binary has a run path into the Swift toolchain" >&2
  exit 1
fi
version="$(env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$binary" --version)"
case "$version" in
  *[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]*) ;;
  *) echo "error: \`ferry --version\` does not name the commit: $version" >&2; exit 1 ;;
esac
echo "ok: $binary ($version) needs no Swift library"
