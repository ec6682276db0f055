#!/usr/bin/env bash
# Times `ferry deploy` next to `aws cloudformation deploy` and `sam deploy` on the same packaged
# template of the example app, against the local emulator: first deploy, no-op deploy, one change.
# Usage: Benchmarks/deploy/run.sh    (FERRY=path to use a built ferry; SAM=path to a sam binary,
#        default: the venv ${TMPDIR:-/tmp}/ferry-bench-sam, created with aws-sam-cli==$SAM_VERSION
#        (1.170.0) when missing; NO_SAM=1 leaves `sam deploy` out; RESULTS=file.json for the times)
# `sam deploy` gets the same packaged template with its nested TemplateURLs written as
# https://s3.amazonaws.com/BUCKET/KEY (see sam_template in bench.py).
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
if [[ "${NO_SAM:-0}" != 1 && ! -x "$sam" && -z "${SAM:-}" ]]; then
  venv="${TMPDIR:-/tmp}/ferry-bench-sam"
  python3 -m venv "$venv" && "$venv/bin/pip" install -q "aws-sam-cli==${SAM_VERSION:-1.170.0}" \
    || echo "WARNING: SAM CLI did not install; sam deploy left out" >&2
fi
export SAM_CLI_TELEMETRY=0
command -v aws >/dev/null || python3 -m pip install -q --disable-pip-version-check awscli >/dev/null 2>&1 || true

eval "$("$root/emulator/start.sh" --env)"
cp -R "$root/examples/fiscalshield-idp" "$work/app"
rm -rf "$work/app/.ferry"
cd "$work/app"
"$ferry" build >/dev/null
"$ferry" package --create-bucket >/dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/bench.py" --ferry "$ferry" --sam "$sam" --app "$work/app" --results "${RESULTS:-$here/results/deploy.json}"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
