#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs the Python packages the tests use
# (moto server, the SAM translator, botocore for the SigV4 cross-check, pytest), builds Ferry,
# runs the Swift tests (unit and integration; integration tests start the local emulator
# themselves) and the emulator's own tests.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib/prerequisites.sh

echo "==> swift test"
swift test

echo "==> emulator tests (pytest)"
python3 -m pytest -q emulator/tests
