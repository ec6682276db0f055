#!/usr/bin/env bash
# Times `ferry deploy` next to `aws cloudformation deploy` and `sam deploy` on the same packaged
# template of the example app, against the local emulator: first deploy, no-op deploy, one change.
# Usage: Benchmarks/deploy/run.sh    (FERRY=path to use a built ferry; SAM=path to a sam binary,
#        default: the venv made by Benchmarks/build/run.sh, skipped when missing)
# Prints each time and the ratios (peer / ferry). Not part of the test suite.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/ferry-deploy-bench.XXXXXX")"
export FERRY_EMULATOR_STATE_DIR="$work/emulator"
trap '"$root/emulator/stop.sh" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

ferry="${FERRY:-}"
if [[ -z "$ferry" ]]; then
  (cd "$root" && swift build -c release --product ferry >/dev/null)
  ferry="$(cd "$root" && swift build -c release --show-bin-path)/ferry"
fi
sam="${SAM:-${TMPDIR:-/tmp}/ferry-bench-sam/bin/sam}"
python3 -m pip install -q --disable-pip-version-check awscli >/dev/null 2>&1 || true

eval "$("$root/emulator/start.sh" --env)"
cp -R "$root/examples/fiscalshield-idp" "$work/app"
rm -rf "$work/app/.ferry"
cd "$work/app"
"$ferry" build >/dev/null
"$ferry" package --create-bucket >/dev/null
python3 "$here/bench.py" --ferry "$ferry" --sam "$sam" --app "$work/app"
