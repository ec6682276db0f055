#!/usr/bin/env bash
# The Ferry demo on a fresh machine: installs the Python packages of the local AWS emulator,
# builds Ferry, starts the emulator (moto + Ferry's launcher) and runs Ferry against the example
# app (examples/fiscalshield-idp). Stops the emulator at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Prerequisites"
source scripts/lib/prerequisites.sh

step "Building ferry (swift build; a cold build takes about 3 minutes)"
swift build --product ferry
ferry="$root/.build/debug/ferry"

step "Starting the local AWS emulator"
export FERRY_EMULATOR_STATE_DIR="$root/.build/demo-emulator"
eval "$(emulator/start.sh --env)"
trap '"$root/emulator/stop.sh" >/dev/null 2>&1 || true' EXIT
# A clean slate, also when an emulator from an earlier run was reused.
python3 -c "import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1] + '/moto-api/reset', method='POST')).read()" "$AWS_ENDPOINT_URL"
echo "emulator at $AWS_ENDPOINT_URL"

# Work on a copy, so the demo's edits never touch the repository.
app="$(mktemp -d "${TMPDIR:-/tmp}/ferry-demo.XXXXXX")/fiscalshield-idp"
cp -R examples/fiscalshield-idp "$app"
rm -rf "$app/.ferry"
cd "$app"

now() { python3 -c 'import time; print(time.monotonic())'; }
timed() { local start; start=$(now); "$@"; python3 -c "import sys; print(f'   ({float(sys.argv[2]) - float(sys.argv[1]):.2f} s)')" "$start" "$(now)"; }

step "ferry doctor — configuration, template, credentials, region, endpoint, bucket, tools"
"$ferry" doctor || true

step "ferry build — 16 Python functions and a layer, cached by content"
timed "$ferry" build

step "ferry package --create-bucket — every artifact once, under its SHA-256"
timed "$ferry" package --create-bucket

step "ferry deploy — change set, summary, live events of every nested stack"
timed "$ferry" deploy --yes

step "ferry build and ferry package again — nothing to build, nothing to upload"
timed "$ferry" build
timed "$ferry" package

step "ferry deploy again — nothing changed, so nothing is deployed"
timed "$ferry" deploy --yes

step "Edit one function (QueueSender), rebuild: only it is built again"
echo "# edited by the demo at $(date -u +%H:%M:%S)" >> src/queue_sender/index.py
timed "$ferry" build

step "ferry update QueueSender — hot-swap through the Lambda API, then read CodeSha256 back"
timed "$ferry" update QueueSender

echo
echo "Demo finished: the example app runs on the local emulator (${AWS_ENDPOINT_URL}), and the"
echo "edited function runs exactly the code that was built."
