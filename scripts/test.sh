#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs the Python packages the tests use
# (moto server, the SAM translator, botocore for the SigV4 cross-check, pytest), builds Ferry,
# runs the Swift tests (unit and integration; integration tests start the local emulator
# themselves), the emulator's own tests, and checks that the release binary needs no Swift
# library (scripts/check-release-binary.sh; FERRY_SKIP_RELEASE_CHECK=1 skips that release build).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib/prerequisites.sh

echo "==> swift test"
swift test

echo "==> emulator tests (pytest)"
python3 -m pytest -q emulator/tests

if [ "${FERRY_SKIP_RELEASE_CHECK:-}" = 1 ]; then
  echo "==> release binary check skipped (FERRY_SKIP_RELEASE_CHECK=1)"
else
  echo "==> release binary: the Swift runtime linked in (scripts/check-release-binary.sh)"
  bash scripts/check-release-binary.sh
fi
