#!/usr/bin/env python3
"""A tiny HTTP/1.1 server that answers each path from a scripted sequence, for retry tests.

Usage: fault_server.py [--watch-stdin]   (binds 127.0.0.1 on a free port and prints "PORT <n>")

Every request to /<script> consumes the next step of the comma-separated script in the path's
first segment, e.g. /throttle,throttle,ok/DescribeStacks (text after a "~" only names the path).
Steps:
  ok        200 with an empty query-protocol result
  throttle  400 with a query-protocol Throttling error
  invalid   400 with a query-protocol ValidationError
  500 / 502 / 503 / 504   that status with a short body
  reset     close the connection without any response
When the script runs out, the last step repeats. GET /__attempts?path=<script> returns the number
of requests that path received; GET /__bodies?path=<script> returns, as JSON, for each of them the
declared Content-Length, the bytes that arrived (a body that stops short is given up on after 3 s)
and whether the request came on a connection that had already served one; POST /__reset forgets all.
"""
import json
import http.server
import os
import signal
import socketserver
import sys
import threading
import urllib.parse

COUNTS = {}
BODIES = {}
LOCK = threading.Lock()

OK = b"<DescribeStacksResponse><DescribeStacksResult><Stacks/></DescribeStacksResult></DescribeStacksResponse>"
THROTTLE = (b"<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
            b"<Message>Rate exceeded</Message></Error><RequestId>fault-1</RequestId></ErrorResponse>")
INVALID = (b"<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>"
           b"<Message>Stack with id x does not exist</Message></Error><RequestId>fault-2</RequestId></ErrorResponse>")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        self.served = 0

    def _read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = b""
        self.connection.settimeout(3)
        try:
            while len(body) < length:
                chunk = self.rfile.read(length - len(body))
                if not chunk:
                    break
                body += chunk
        except OSError:
            pass
        finally:
            self.connection.settimeout(None)
        return length, body

    def _send(self, status, body, content_type="text/xml"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("x-amzn-RequestId", "fault-server")
        self.end_headers()
        self.wfile.write(body)

    def _handle(self):
        declared, body = self._read_body()
        reused = self.served > 0
        self.served += 1
        parsed = urllib.parse.urlparse(self.path)
        if parsed.path == "/__attempts":
            key = urllib.parse.parse_qs(parsed.query).get("path", [""])[0]
            with LOCK:
                count = COUNTS.get(key, 0)
            return self._send(200, str(count).encode(), "text/plain")
        if parsed.path == "/__bodies":
            key = urllib.parse.parse_qs(parsed.query).get("path", [""])[0]
            with LOCK:
                seen = list(BODIES.get(key, []))
            return self._send(200, json.dumps(seen).encode(), "application/json")
        if parsed.path == "/__reset":
            with LOCK:
                COUNTS.clear()
                BODIES.clear()
            return self._send(200, b"ok", "text/plain")
        script = urllib.parse.unquote(parsed.path.strip("/").split("/")[0])
        steps = script.split("~")[0].split(",") if script else ["ok"]
        with LOCK:
            index = COUNTS.get(script, 0)
            COUNTS[script] = index + 1
            BODIES.setdefault(script, []).append(
                {"method": self.command, "declared": declared, "received": len(body), "reusedConnection": reused})
        step = steps[min(index, len(steps) - 1)]
        if step == "reset":
            self.close_connection = True
            self.connection.shutdown(2)
            self.connection.close()
            return
        if step == "ok":
            return self._send(200, OK)
        if step == "throttle":
            return self._send(400, THROTTLE)
        if step == "invalid":
            return self._send(400, INVALID)
        if step.isdigit():
            return self._send(int(step), b"<html><body><h1>%s from the fault server</h1></body></html>" % step.encode(),
                              "text/html")
        return self._send(500, b"unknown step " + step.encode(), "text/plain")

    do_GET = _handle
    do_POST = _handle
    do_PUT = _handle
    do_HEAD = _handle
    do_DELETE = _handle


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def exit_when_stdin_closes():
    """The test keeps stdin open; when it ends (or dies) the server goes too."""
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


def main():
    # A parent may have blocked these signals; the child inherits the mask.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    if "--watch-stdin" in sys.argv:
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server = Server(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
