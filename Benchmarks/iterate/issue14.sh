#!/usr/bin/env bash
# Issue 14 ("The inner loop at real sizes") in one run, printing a Markdown section for BENCHMARKS.md:
#   1. the 8-function app with real dependencies (`gen_app.py 8 --deps`, half nested): no-op, one
#      handler edited, all 8 handlers edited, the shared library edited;
#   2. the 100-function app (`gen_app.py 100`, half nested): no-op, one handler edited;
#      each for `ferry up --env dev --yes` (live and verified), the seed's update loop (after a
#      `ferry build`) and `sam sync --code` (`--resource-id` for the one-handler edit), N alternating
#      runs, medians and ratios to one `aws lambda list-functions` call (timed the same way);
#   3. the cold build of the seed's app (Tests/Fixtures/idp-app): `ferry build --clean` (peak RSS by
#      /usr/bin/time -v) against `sam build --parallel` of the same app, the seed's way.
# Usage: FERRY_BIN=.build/release/ferry Benchmarks/iterate/issue14.sh [N]
#   N            runs per scenario (default 5)
#   FERRY_BIN    the ferry to measure (default: `swift build -c release`, then its binary)
#   BUILD_RUNS   cold builds of the seed's app per tool (default 1: a cold SAM build takes minutes)
#   NO_SAM=1     leave out SAM (sync and build);  NO_SEED=1  leave out the seed loop
#   APP100_SAM=0 leave SAM out of the 100-function app only (its first, cold `sam sync` builds 100 functions)
#   APP100_SEED=0 leave the seed loop out of the 100-function app only (3 awscli calls per function per run)
#   OUT=dir      where the logs, JSON and Markdown go (default Benchmarks/iterate/results/issue14-<UTC time>)
# Needs: python3 with boto3 and moto (the emulator), awscli (installed when missing), /usr/bin/time,
# python3.12 (PATH or pyenv) for SAM; SAM CLI is installed into ${TMPDIR:-/tmp}/ferry-bench-sam.
# Not part of the test suite: nothing is asserted. The Markdown is printed last and saved as OUT/issue14.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-5}"
tmp="${TMPDIR:-/tmp}"
out="${OUT:-$here/results/issue14-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
work="$(mktemp -d "$tmp/ferry-bench-issue14.XXXXXX")"
trap 'rm -rf "$work"' EXIT
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

ferry="${FERRY_BIN:-${FERRY:-}}"
if [[ -z "$ferry" ]]; then
  echo "building ferry (release)"
  (cd "$root" && swift build -c release --product ferry >/dev/null)
  ferry="$(cd "$root" && swift build -c release --show-bin-path)/ferry"
fi
ferry="$(cd "$(dirname "$ferry")" && pwd)/$(basename "$ferry")"
kind="$(case "$ferry" in */release/*) echo release ;; */debug/*) echo "**debug**" ;; *) echo "unknown (not under .build/release)" ;; esac)"
echo "ferry: $ferry ($kind); N=$runs; results: $out"

# SAM CLI (run.sh installs it the same way; installed here first for the build comparison too).
venv="${SAM_VENV:-$tmp/ferry-bench-sam}"
sam="" sam_missing=""
if [[ "${NO_SAM:-0}" == 1 ]]; then
  sam_missing="NO_SAM=1 was given"
else
  if [[ ! -x "$venv/bin/sam" ]]; then
    python3 -m venv "$venv" && "$venv/bin/pip" install -q "aws-sam-cli==${SAM_VERSION:-1.170.0}" \
      || echo "WARNING: SAM CLI did not install" >&2
  fi
  if [[ -x "$venv/bin/sam" ]]; then sam="$venv/bin/sam"; else sam_missing="aws-sam-cli did not install into $venv"; fi
fi
# python3.12 for SAM's python3.12 builds: PATH, then pyenv (only that name goes on PATH).
if [[ -n "$sam" ]] && ! python3.12 --version >/dev/null 2>&1; then
  found="$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12.*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [[ -n "$found" && -x "$found/python3.12" ]]; then
    mkdir -p "$work/bin" && ln -s "$found/python3.12" "$work/bin/python3.12" && export PATH="$work/bin:$PATH"
  else
    sam_missing="no python3.12 on PATH or in pyenv: SAM cannot build python3.12 functions"
    sam=""
  fi
fi
export SAM_VENV="$venv"

common=(FERRY="$ferry" FERRY_UP=no FERRY_COMMAND="up --env dev --yes" RESULTS="$out")
[[ -z "$sam" ]] && common+=(NO_SAM=1)
echo "== 1. 8 functions with real dependencies"
env "${common[@]}" "$here/run.sh" "$runs" 8deps 2>&1 | tee "$out/iterate-8deps.log"
echo "== 2. 100 functions"
extra=()
[[ "${APP100_SAM:-1}" == 0 ]] && extra+=(NO_SAM=1)
[[ "${APP100_SEED:-1}" == 0 ]] && extra+=(NO_SEED=1)
env "${common[@]}" "${extra[@]}" SCENARIOS=noop,one "$here/run.sh" "$runs" 100 2>&1 | tee "$out/iterate-100.log"
echo "== 3. cold build of the seed's app"
build_args=(--ferry "$ferry" --fixture "$root/Tests/Fixtures/idp-app" --work "$work/build" --runs "${BUILD_RUNS:-1}"
            --markdown "$out/build.md")
if [[ -n "$sam" ]]; then build_args+=(--sam "$sam"); else build_args+=(--sam-missing "$sam_missing"); fi
python3 "$here/seed_build.py" "${build_args[@]}" 2>&1 | tee "$out/build.log" || echo "!! the build comparison failed"

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "### The inner loop at real sizes (issue 14; $started, N=$runs, $kind \`ferry\`)"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM;" \
       "load average before $load_before, after $load_after; \`$(uname -srm)\`."
  echo "ferry: \`$ferry\` ($kind)$( [[ -n "$sam" ]] && echo "; SAM CLI $("$sam" --version | awk '{print $NF}')" || echo "; SAM: $sam_missing")."
  knobs=""
  for knob in NO_SAM NO_SEED APP100_SAM APP100_SEED BUILD_RUNS; do
    if [[ -n "${!knob:-}" ]]; then knobs+="$knob=${!knob} "; fi
  done
  echo "Command: \`${knobs}FERRY_BIN=$ferry Benchmarks/iterate/issue14.sh $runs\`."
  echo "Cells: median [median / one \`aws lambda list-functions\` call] (every run); \`fresh\`/\`STALE\`: the probe"
  echo "function's deployed CodeSha256 after the edit (for the shared library: a function whose own folder was untouched)."
  echo
  for app in 8deps 100; do
    if [[ -f "$out/iterate-$app.md" ]]; then cat "$out/iterate-$app.md"; else echo "($app: no table; see $out/iterate-$app.log)"; fi
    echo
  done
  if [[ -f "$out/build.md" ]]; then cat "$out/build.md"; else echo "(build: no table; see $out/build.log)"; fi
} > "$out/issue14.md"
echo
cat "$out/issue14.md"
