#!/usr/bin/env python3
"""Ferry's local AWS: moto's server with Ferry's patches (see ferry_emulator/ and README.md).

Usage: python3 emulator/launcher.py [--host 127.0.0.1] [--port 0] [--port-file PATH] [--exit-with-parent PID]
Port 0 (the default) picks a free port. The chosen port is written to --port-file (atomically)
once the server is listening; the server runs until SIGTERM/SIGINT.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Start moto's server with Ferry's patches.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("FERRY_EMULATOR_PORT") or 0),
                        help="port to listen on; 0 picks a free one (default: $FERRY_EMULATOR_PORT or 0)")
    parser.add_argument("--port-file", help="file that receives the port once the server listens")
    parser.add_argument("--exit-with-parent", type=int, metavar="PID",
                        help="stop when process PID ends (test runs that cannot stop the server themselves)")
    return parser.parse_args(argv)


def _write_atomically(path: str, text: str) -> None:
    temporary = f"{path}.tmp{os.getpid()}"
    with open(temporary, "w") as handle:
        handle.write(text)
    os.replace(temporary, path)


def _NoDelayHandler(base: type) -> type:
    """HTTP/1.1 keep-alive without Nagle: otherwise every reused connection stalls about 40 ms."""
    return type("NoDelayHandler", (base,), {"disable_nagle_algorithm": True})


def _watch_parent(pid: int, server: object) -> None:
    """Shuts the server down once process `pid` is gone (polled twice a second)."""
    import time

    def watch() -> None:
        while True:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                server.shutdown()
                return
            except PermissionError:
                pass
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(sys.argv[1:] if argv is None else argv)
    try:
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
        from werkzeug.serving import WSGIRequestHandler, make_server
    except ImportError as error:
        print(f"ferry emulator: moto is not installed ({error}); "
              "run pip install -r emulator/requirements.txt", file=sys.stderr)
        return 3
    from ferry_emulator import apply_all

    apply_all()
    from ferry_emulator import registry, request_journal
    app = registry.wrap(request_journal.wrap(DomainDispatcherApplication(create_backend_app)))
    server = make_server(args.host, args.port, app, threaded=True, request_handler=_NoDelayHandler(WSGIRequestHandler))
    port = server.server_address[1]
    registry.set_port(port)

    def stop(_signum: int, _frame: object) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.exit_with_parent:
        _watch_parent(args.exit_with_parent, server)
    if args.port_file:
        _write_atomically(args.port_file, f"{port}\n")
    print(f"ferry emulator listening on http://{args.host}:{port} (pid {os.getpid()})", flush=True)
    server.serve_forever()
    print("ferry emulator stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
