#!/usr/bin/env bash
# Remote build cache benchmark against the local emulator: after a first checkout has deployed an
# app, times `ferry up --env dev --yes` with nothing changed in
#   warm-local      the first checkout again (its .ferry/cache is warm)
#   fresh-remote    a fresh copy in another folder with another HOME (no .ferry): the remote cache
#   fresh-remote-noindex  the same with the package index unreachable (PIP_INDEX_URL on a closed port)
#   fresh-no-remote a fresh copy with --no-remote-cache (what every CI runner and teammate pays today)
#   fresh-remote-edit     a fresh copy whose first handler with a requirements.txt was edited: one
#                         build, its dependency tree restored from the bucket (no pip), hot-swapped
# Usage: Benchmarks/remote_cache/run.sh [APP...]   APP: `example` or a number of generated functions
#   FERRY=path  the ferry binary (default: the debug build of this checkout)
# Not part of the test suite. Numbers go to BENCHMARKS.md by hand.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
apps=("$@")
[[ ${#apps[@]} -eq 0 ]] && apps=(example 50)
ferry="${FERRY:-$root/.build/debug/ferry}"
work="$(mktemp -d "${TMPDIR:-/tmp}/ferry-bench-remote.XXXXXX")"
export FERRY_EMULATOR_STATE_DIR="$work/emulator"
trap '"$root/emulator/stop.sh" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
eval "$("$root/emulator/start.sh" --env)"
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=eu-central-1 NO_COLOR=1

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); ferry: $ferry"

copy() {  # copy SOURCE DEST: the app's files without .ferry
  mkdir -p "$2" && (cd "$1" && tar --exclude=.ferry -cf - .) | (cd "$2" && tar -xf -)
}

timed() {  # timed LABEL DIR HOME [extra env...] -- ferry args...
  local label="$1" dir="$2" home="$3"; shift 3
  local envs=()
  while [[ "$1" != "--" ]]; do envs+=("$1"); shift; done
  shift
  mkdir -p "$home"
  local start end
  start=$(date +%s.%N)
  if ! (cd "$dir" && env HOME="$home" "${envs[@]}" "$ferry" "$@" --json >"$work/$label.json" 2>"$work/$label.err"); then
    echo "!! $label failed: $(tail -3 "$work/$label.err")"
  fi
  end=$(date +%s.%N)
  local built cached
  built=$(grep '"build.summary"' "$work/$label.json" | tail -1 | python3 -c 'import json,sys; d=json.loads(sys.stdin.read() or "{}").get("data",{}); print(d.get("built","?"), d.get("cached","?"))' 2>/dev/null || echo "? ?")
  printf '%-24s %7.1f s   built/cached: %s\n' "$label" "$(echo "$end - $start" | bc)" "$built"
}

for app in "${apps[@]}"; do
  curl -s -X POST "$AWS_ENDPOINT_URL/moto-api/reset" >/dev/null
  source="$work/$app-source"
  if [[ "$app" == example ]]; then copy "$root/examples/fiscalshield-idp" "$source"; else python3 "$root/Benchmarks/iterate/gen_app.py" "$app" "$source" >/dev/null; fi
  echo "== $app (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  copy "$source" "$work/$app-first"
  timed "$app first deploy" "$work/$app-first" "$work/home-first" -- up --env dev --yes
  timed "$app warm-local" "$work/$app-first" "$work/home-first" -- up --env dev --yes
  copy "$source" "$work/$app-second"
  timed "$app fresh-remote" "$work/$app-second" "$work/home-second" -- up --env dev --yes
  copy "$source" "$work/$app-third"
  timed "$app fresh-remote-noindex" "$work/$app-third" "$work/home-third" PIP_INDEX_URL=http://127.0.0.1:9/simple -- up --env dev --yes
  copy "$source" "$work/$app-fourth"
  timed "$app fresh-no-remote" "$work/$app-fourth" "$work/home-fourth" -- up --env dev --yes --no-remote-cache
  copy "$source" "$work/$app-fifth"
  requirements="$(cd "$work/$app-fifth" && find . -name requirements.txt | sort | head -1)"
  handler="$(ls "$work/$app-fifth/$(dirname "$requirements")"/*.py | head -1)"
  printf '\n# edited by the benchmark\n' >>"$handler"
  timed "$app fresh-remote-edit" "$work/$app-fifth" "$work/home-fifth" -- up --env dev --yes
  grep -c 'restored from the remote build cache' "$work/$app fresh-remote-edit.json" | sed 's/^/  trees restored: /' || true
done
