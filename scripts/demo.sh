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
trap 'emulator/stop.sh >/dev/null 2>&1 || true' EXIT
echo "emulator at $AWS_ENDPOINT_URL"

cd examples/fiscalshield-idp

step "ferry doctor — configuration, template, credentials, region, endpoint, bucket, tools"
"$ferry" doctor

echo
echo "Demo finished. Next phases (build, package, deploy, hot-swap) join this demo as they land."
