#!/usr/bin/env bash
# Stops the emulator started by emulator/start.sh and removes its pid and port files.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${FERRY_EMULATOR_STATE_DIR:-$here/.state}"
pid_file="$state/emulator.pid"
port_file="$state/emulator.port"

if [ ! -f "$pid_file" ]; then
  echo "ferry emulator: not running (no $pid_file)" >&2
  exit 0
fi
pid="$(cat "$pid_file")"
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  echo "ferry emulator stopped (pid $pid)" >&2
else
  echo "ferry emulator: pid $pid was not running; cleaned up" >&2
fi
rm -f "$pid_file" "$port_file"
