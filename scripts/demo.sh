#!/usr/bin/env bash
# The Ferry demo on a fresh machine: installs the Python packages of the local AWS emulator,
# builds Ferry, starts the emulator (moto + Ferry's launcher) and runs Ferry against the example
# app (examples/fiscalshield-idp): deploy from nothing, hot-swap a function, then the dependents of
# the shared library, deploy a template change, verify. Stops the emulator at the end.
#
# scripts/demo.sh --real-app [PATH]: the same story on the seed app, the GenAI IDP Accelerator, as
# its users have it, with only a samconfig.toml added (AdminEmail, IDPPattern = Pattern 2). PATH
# is a copy of the app (e.g. ../shared/apps/idp-accelerator); without it, the trimmed copy in
# Tests/Fixtures/idp-app (see its NOTICE.md: idp_common_pkg's large pip dependencies left out).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
real_app=""
if [[ "${1:-}" == "--real-app" ]]; then
    real_app="${2:-$root/Tests/Fixtures/idp-app}"
    [[ -f "$real_app/template.yaml" ]] || { echo "demo.sh: no template.yaml in $real_app" >&2; exit 64; }
    real_app="$(cd "$real_app" && pwd)"
fi

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

now() { python3 -c 'import time; print(time.monotonic())'; }
timed() { local start; start=$(now); "$@"; python3 -c "import sys; print(f'   ({float(sys.argv[2]) - float(sys.argv[1]):.2f} s)')" "$start" "$(now)"; }

if [[ -n "$real_app" ]]; then
    source scripts/lib/demo-real-app.sh
    exit 0
fi

# Work on a copy, so the demo's edits never touch the repository.
app="$(mktemp -d "${TMPDIR:-/tmp}/ferry-demo.XXXXXX")/fiscalshield-idp"
cp -R examples/fiscalshield-idp "$app"
rm -rf "$app/.ferry"
cd "$app"

step "ferry doctor — configuration, template, credentials, region, endpoint, bucket, tools"
"$ferry" doctor || true

step "ferry up — from nothing: build 16 functions and a layer, package (the dev bucket is created), deploy through a change set, verify"
timed "$ferry" up --yes

step "ferry up again — nothing changed: nothing is built, uploaded or deployed (no AWS write at all)"
timed "$ferry" up --yes

step "Edit one function (QueueSender): ferry up hot-swaps exactly that one and reads CodeSha256 back"
echo "# edited by the demo at $(date -u +%H:%M:%S)" >> src/queue_sender/index.py
timed "$ferry" up --yes

step "Edit the shared library (lib/idp_common_pkg): ferry up rebuilds and hot-swaps exactly its dependents"
echo "# edited by the demo at $(date -u +%H:%M:%S)" >> lib/idp_common_pkg/idp_common/__init__.py
timed "$ferry" up --yes

step "Change a template property (QueueSender's memory): ferry plan says why a hot-swap is not enough"
python3 - <<'PY'
import re
path = "template.yaml"
text = open(path).read()
marker = "      CodeUri: src/queue_sender\n"
assert marker in text, "QueueSender's CodeUri line moved: update the demo"
open(path, "w").write(text.replace(marker, marker + "      MemorySize: 512\n", 1))
PY
"$ferry" plan || true

step "ferry up — the template change goes through CloudFormation (no hot-swap)"
timed "$ferry" up --yes

step "ferry verify — every function, state machine and AppSync resource runs the local build"
timed "$ferry" verify

step "ferry history — who deployed and hot-swapped what, and when"
"$ferry" history --limit 6

echo
echo "Demo finished: the example app runs on the local emulator (${AWS_ENDPOINT_URL}) and everything"
echo "that runs there is exactly what was built."
