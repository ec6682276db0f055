#!/usr/bin/env bash
# Builds a release `ferry` that runs without the Swift toolchain: the Swift runtime and Foundation
# are linked in (the fully static musl SDK when one is installed, `swift sdk list`; else
# `--static-swift-stdlib`), the binary is stripped, and checked to run with no Swift library on
# the library path. Only system libraries stay dynamic (libc, and for the glibc build zlib, curl
# and libxml2 as `ldd` lists them). Prints the binary's path as its last line.
#
#   cp "$(scripts/build-release.sh | tail -1)" /usr/local/bin/ferry
#
# Arguments are passed to `swift build` (e.g. --scratch-path DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

# `ferry --version` names the commit; Package.swift reads it from here.
FERRY_GIT_COMMIT="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
export FERRY_GIT_COMMIT

static_sdk="$(swift sdk list 2>/dev/null | grep -m1 'static-linux' || true)"
extra=("$@")
build() {
  swift build -c release --product ferry "${extra[@]}" "$@" >&2 && swift build -c release "${extra[@]}" "$@" --show-bin-path
}
bin_dir=""
if [ -n "$static_sdk" ]; then
  echo "==> release build with the fully static SDK $static_sdk" >&2
  bin_dir="$(build --swift-sdk "$static_sdk" | tail -1)" || bin_dir=""
  [ -n "$bin_dir" ] || echo "the static SDK build failed; building with --static-swift-stdlib instead" >&2
fi
if [ -z "$bin_dir" ]; then
  # The static Foundation links the system's libcurl and libxml2: their development files must be there.
  for lib in libcurl libxml-2.0; do
    if ! pkg-config --exists "$lib" 2>/dev/null; then
      echo "error: $lib's development files are missing: apt-get install libcurl4-openssl-dev libxml2-dev (or your distribution's)" >&2
      exit 1
    fi
  done
  echo "==> release build with --static-swift-stdlib" >&2
  bin_dir="$(build --static-swift-stdlib | tail -1)"
fi

out_dir=".build/release-dist"
mkdir -p "$out_dir"
out="$(pwd)/$out_dir/ferry"
cp "$bin_dir/ferry" "$out"
strip "$out"

# No dynamic dependency on a Swift library, and no path into the toolchain.
swift_libs='libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libXCTest|libTesting'
if ldd "$out" 2>/dev/null | grep -E "$swift_libs" >&2; then
  echo "error: $out still needs the Swift libraries above" >&2
  exit 1
fi
if readelf -d "$out" 2>/dev/null | grep -E 'RPATH|RUNPATH' | grep -i swift >&2; then
  echo "error: $out has a run path into the Swift toolchain" >&2
  exit 1
fi
# It runs with a bare environment: no Swift library on the library path.
if ! version="$(env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$out" --version)"; then
  echo "error: $out does not run without the Swift toolchain" >&2
  exit 1
fi
echo "built $version ($(du -h "$out" | cut -f1), stripped)" >&2
echo "$out"
