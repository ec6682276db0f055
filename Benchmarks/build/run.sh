#!/usr/bin/env bash
# Times `ferry build` against `sam build` / `sam build --cached` on the example app
# (examples/fiscalshield-idp): cold, warm, one function changed, the shared library changed.
# Usage: Benchmarks/build/run.sh [N]        N runs per scenario, median printed (default 3)
# Environment:
#   SAM_VERSION=1.170.0   SAM CLI version installed into ${TMPDIR:-/tmp}/ferry-bench-sam (reused)
#   SAM_RUNS=N            runs per scenario for SAM (default: N); a cold SAM build takes minutes
#   SAM_PARALLEL=1        also time `sam build --parallel` (a third copy of the app); 0 to skip
#   NO_SAM=1              time Ferry only
#   FERRY=path/to/ferry   use this ferry executable instead of building one in release
#   BENCH_TIMEOUT=1800    seconds after which one build counts as failed
# The app's functions use python3.12: SAM CLI needs `python3.12` on PATH to build them. The script
# looks for it on PATH, then in pyenv ($PYENV_ROOT/versions/3.12.*/bin), and says so if it is missing.
# Not part of the test suite. Numbers go to BENCHMARKS.md by hand.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-${N:-3}}"
tmp="${TMPDIR:-/tmp}"
venv="$tmp/ferry-bench-sam"
sam_version="${SAM_VERSION:-1.170.0}"
work="$(mktemp -d "$tmp/ferry-bench-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. python3.12 for SAM's python3.12 builds.
if ! python3.12 --version >/dev/null 2>&1; then
  pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
  found="$(ls -d "$pyenv_root"/versions/3.12.*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [[ -n "$found" && -x "$found/python3.12" ]]; then
    export PATH="$found:$PATH"
    echo "python3.12: using $found/python3.12 (pyenv)"
  else
    echo "WARNING: python3.12 is not on PATH nor in pyenv; \`sam build\` of python3.12 functions will fail." >&2
    echo "         Install it (pyenv install 3.12, uv python install 3.12) and put it on PATH." >&2
  fi
else
  echo "python3.12: $(command -v python3.12)"
fi

# 2. SAM CLI in its own virtual environment (reused when present).
sam=""
if [[ "${NO_SAM:-0}" != 1 ]]; then
  if [[ ! -x "$venv/bin/sam" ]]; then
    echo "installing aws-sam-cli==$sam_version into $venv"
    python3 -m venv "$venv"
    if ! "$venv/bin/pip" install -q "aws-sam-cli==$sam_version"; then
      echo "WARNING: SAM CLI did not install; timing Ferry only." >&2
    fi
  fi
  if [[ -x "$venv/bin/sam" ]]; then
    sam="$venv/bin/sam"
    echo "sam: $("$sam" --version 2>/dev/null || echo unknown)"
  fi
fi
export SAM_CLI_TELEMETRY=0

# 3. Ferry in release (unless FERRY names an executable).
if [[ -n "${FERRY:-}" ]]; then
  ferry="$FERRY"
else
  echo "building ferry (release)"
  (cd "$root" && swift build -c release --product ferry >/dev/null)
  ferry="$(cd "$root" && swift build -c release --show-bin-path)/ferry"
fi
echo "ferry: $ferry"

# 4. Fresh copies of the app, so .ferry and .aws-sam start empty.
copy_app() {
  mkdir -p "$1"
  (cd "$root/examples/fiscalshield-idp" && tar --exclude=.ferry --exclude=.aws-sam --exclude=__pycache__ -cf - .) \
    | (cd "$1" && tar -xf -)
}
# SAM runs pip in the folder `sam build` runs in, so the nested stacks' `../../lib/...` and
# `../../../lib/...` requirements (written relative to their own template, as Ferry reads them)
# would not resolve from the app's root. SAM's copies sit two folders deep, with `lib` symlinks
# next to the folders those paths reach: the app itself stays byte-identical to Ferry's copy.
copy_sam_app() {
  copy_app "$1/x/y/app"
  ln -s "y/app/lib" "$1/x/lib"
  ln -s "x/y/app/lib" "$1/lib"
}
copy_app "$work/ferry"
args=(--ferry "$ferry" --ferry-app "$work/ferry" --runs "$runs" --timeout "${BENCH_TIMEOUT:-1800}")
if [[ -n "$sam" ]]; then
  copy_sam_app "$work/sam"
  args+=(--sam "$sam" --sam-app "$work/sam/x/y/app" --sam-runs "${SAM_RUNS:-$runs}")
  if [[ "${SAM_PARALLEL:-1}" == 1 ]]; then
    copy_sam_app "$work/sam-parallel"
    args+=(--sam-parallel-app "$work/sam-parallel/x/y/app")
  fi
fi

python3 "$here/bench.py" "${args[@]}"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
