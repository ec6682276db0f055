#!/usr/bin/env bash
# Starts Ferry's local AWS (moto + Ferry's patches) in the background and waits until it answers.
# Port: $FERRY_EMULATOR_PORT, or a free one. State (pid, port, log) in emulator/.state/
# (or $FERRY_EMULATOR_STATE_DIR).
# Prints the environment to use it, e.g. `eval "$(emulator/start.sh --env)"`.
# Options: --env  print only `export ...` lines (for eval); --quiet  print nothing on success.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${FERRY_EMULATOR_STATE_DIR:-$here/.state}"
pid_file="$state/emulator.pid"
port_file="$state/emulator.port"
log_file="$state/emulator.log"
python="${FERRY_EMULATOR_PYTHON:-python3}"
timeout_s="${FERRY_EMULATOR_START_TIMEOUT:-90}"
mode="info"
case "${1:-}" in
  --env) mode="env" ;;
  --quiet) mode="quiet" ;;
  "") ;;
  *) echo "usage: $0 [--env|--quiet]" >&2; exit 2 ;;
esac

say() { [ "$mode" = "info" ] && echo "$@" >&2 || true; }

answers() { # port -> 0 when the emulator answers HTTP
  "$python" - "$1" <<'PY' 2>/dev/null
import sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(f"http://localhost:{sys.argv[1]}/", timeout=5).read(1)
except urllib.error.HTTPError:
    pass  # any HTTP answer (unsigned requests get 403) means the server is up
except Exception:
    sys.exit(1)
PY
}

print_env() {
  local port="$1"
  if [ "$mode" = "quiet" ]; then return; fi
  cat <<ENV
export AWS_ENDPOINT_URL=http://localhost:$port
export AWS_ACCESS_KEY_ID=testing
export AWS_SECRET_ACCESS_KEY=testing
export AWS_SESSION_TOKEN=testing
export AWS_REGION=\${AWS_REGION:-eu-central-1}
export AWS_DEFAULT_REGION=\${AWS_DEFAULT_REGION:-eu-central-1}
export FERRY_EMULATOR_PORT=$port
ENV
}

mkdir -p "$state"

if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  port="$(cat "$port_file" 2>/dev/null || true)"
  if [ -n "$port" ] && answers "$port"; then
    say "ferry emulator already running (pid $(cat "$pid_file"), port $port); reusing it"
    print_env "$port"
    exit 0
  fi
  echo "ferry emulator: pid $(cat "$pid_file") is alive but does not answer; run emulator/stop.sh first" >&2
  exit 1
fi
rm -f "$pid_file" "$port_file"

if ! "$python" -c "import moto, samtranslator, werkzeug" 2>/dev/null; then
  echo "ferry emulator: moto or aws-sam-translator is missing for $python; run pip install -r emulator/requirements.txt" >&2
  exit 3
fi

port_arg=()
if [ -n "${FERRY_EMULATOR_PORT:-}" ]; then port_arg=(--port "$FERRY_EMULATOR_PORT"); fi
nohup "$python" "$here/launcher.py" --port-file "$port_file" "${port_arg[@]}" >"$log_file" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pid_file"

deadline=$(( $(date +%s) + timeout_s ))
while :; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "ferry emulator: exited during start-up; last lines of $log_file:" >&2
    tail -n 20 "$log_file" >&2 || true
    rm -f "$pid_file" "$port_file"
    exit 1
  fi
  if [ -s "$port_file" ] && answers "$(cat "$port_file")"; then break; fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "ferry emulator: not answering after ${timeout_s}s (FERRY_EMULATOR_START_TIMEOUT); last lines of $log_file:" >&2
    tail -n 20 "$log_file" >&2 || true
    kill "$pid" 2>/dev/null || true
    rm -f "$pid_file" "$port_file"
    exit 1
  fi
  sleep 0.2
done

port="$(cat "$port_file")"
say "ferry emulator started (pid $pid, port $port, log $log_file)"
print_env "$port"
