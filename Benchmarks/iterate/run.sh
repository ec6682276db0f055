#!/usr/bin/env bash
# Iteration (hot-swap) benchmark against the local emulator: after an initial deploy, times a no-op,
# one function changed, ten functions changed and the shared library changed, for
#   ferry (build + package + update, and `ferry up` when it exists), the seed's update-function-code
#   loop over every function, and `sam sync --code`.
# Usage: Benchmarks/iterate/run.sh [N] [APP...]
#   N     runs per scenario (default 3)
#   APP   `example` (examples/fiscalshield-idp), a number of generated functions (`100`), or a number
#         followed by `deps` (`8deps`: each function also installs requests, pydantic and PyYAML
#         from PyPI, the issue-14 app); default: example 20 50 200
# Environment:
#   FERRY=path            use this ferry instead of building one in release
#   FERRY_COMMAND="build; package; update --env dev"   ferry's iteration (subcommands separated by ';')
#   FERRY_UP=auto|yes|no  also time `ferry up --env dev --yes` (auto: when `ferry up --help` succeeds)
#   NO_SAM=1              leave out `sam sync --code`;  NO_SEED=1  leave out the seed loop
#   SCENARIOS=noop,one    only these scenarios (of noop, one, ten, shared)
#   SAM_VERSION=1.170.0   SAM CLI installed into ${TMPDIR:-/tmp}/ferry-bench-sam (reused; SAM_VENV=dir: another one)
#   RESULTS=dir           where the JSON results (and each app's Markdown table) go (default: Benchmarks/iterate/results)
# Not part of the test suite. Numbers go to BENCHMARKS.md by hand.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-3}"
shift || true
apps=("$@")
[[ ${#apps[@]} -eq 0 ]] && apps=(example 20 50 200)
tmp="${TMPDIR:-/tmp}"
venv="${SAM_VENV:-$tmp/ferry-bench-sam}"
results="${RESULTS:-$here/results}"
work="$(mktemp -d "$tmp/ferry-bench-iterate.XXXXXX")"
export FERRY_EMULATOR_STATE_DIR="$work/emulator"
trap '"$root/emulator/stop.sh" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export SAM_CLI_TELEMETRY=0

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# python3.12 for SAM's python3.12 builds (PATH, then pyenv). Only that name goes on PATH: python3
# stays the interpreter that has moto and boto3 (the emulator and bench.py).
if ! python3.12 --version >/dev/null 2>&1; then
  found="$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12.*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [[ -n "$found" && -x "$found/python3.12" ]]; then
    mkdir -p "$work/bin" && ln -s "$found/python3.12" "$work/bin/python3.12" && export PATH="$work/bin:$PATH"
  else
    echo "WARNING: python3.12 not found; sam sync cannot build python3.12 functions" >&2
  fi
fi

sam=""
if [[ "${NO_SAM:-0}" != 1 ]]; then
  if [[ ! -x "$venv/bin/sam" ]]; then
    echo "installing aws-sam-cli==${SAM_VERSION:-1.170.0} into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "aws-sam-cli==${SAM_VERSION:-1.170.0}" || echo "WARNING: SAM CLI did not install" >&2
  fi
  [[ -x "$venv/bin/sam" ]] && sam="$venv/bin/sam" && echo "sam: $("$sam" --version)"
fi
command -v aws >/dev/null || python3 -m pip install -q --disable-pip-version-check awscli

ferry="${FERRY:-}"
if [[ -z "$ferry" ]]; then
  echo "building ferry (release)"
  (cd "$root" && swift build -c release --product ferry >/dev/null)
  ferry="$(cd "$root" && swift build -c release --show-bin-path)/ferry"
fi
echo "ferry: $ferry"

eval "$("$root/emulator/start.sh" --env)"
mkdir -p "$results"
for app in "${apps[@]}"; do
  curl -s -X POST "$AWS_ENDPOINT_URL/moto-api/reset" >/dev/null
  dir="$work/$app"
  mkdir -p "$dir"
  args=(--ferry "$ferry" --work "$dir" --runs "$runs" --up "${FERRY_UP:-auto}")
  [[ -n "${FERRY_COMMAND:-}" ]] && args+=(--ferry-command "$FERRY_COMMAND")
  [[ -n "$sam" ]] && args+=(--sam "$sam")
  [[ "${NO_SEED:-0}" == 1 ]] && args+=(--no-seed)
  [[ -n "${SCENARIOS:-}" ]] && args+=(--scenarios "$SCENARIOS")
  if [[ "$app" == example ]]; then
    args+=(--kind example --source "$root/examples/fiscalshield-idp" --label "example app (16 functions)")
  elif [[ "$app" == *deps ]]; then
    count="${app%deps}"
    python3 "$here/gen_app.py" "$count" "$dir/source" --deps
    args+=(--kind generated --functions "$count" --source "$dir/source"
           --label "generated app ($count functions, requests + pydantic + PyYAML + a shared local library)")
  else
    python3 "$here/gen_app.py" "$app" "$dir/source"
    args+=(--kind generated --functions "$app" --source "$dir/source" --label "generated app ($app functions)")
  fi
  echo "== $app (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  python3 "$here/bench.py" "${args[@]}" --results "$results/iterate-$app.json" --markdown "$results/iterate-$app.md" \
    || echo "!! $app failed"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
