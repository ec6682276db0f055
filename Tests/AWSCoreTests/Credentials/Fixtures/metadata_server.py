#!/usr/bin/env python3
"""A tiny stand-in for the ECS container credentials endpoint and EC2 IMDSv2, for tests.

Binds 127.0.0.1 on a free port, prints the port on the first line of stdout, then serves:
  PUT  /latest/api/token                                   IMDSv2 token (needs the TTL header)
  GET  /latest/meta-data/iam/security-credentials/         role name (needs the token)
  GET  /latest/meta-data/iam/security-credentials/<role>   credentials JSON (needs the token)
  GET  /container/<anything>                               container credentials JSON
       (needs `Authorization: <--container-token>` when that option is given)
  GET  /container-expired                                  credentials that expired an hour ago
  GET  /_log                                               JSON list of requests seen so far
Options: --container-token TOKEN, --no-role (IMDS role list answers 404).
"""
import json
import os
import signal
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

IMDS_TOKEN = "imds-session-token-123"
ROLE = "ferry-test-role"
ARGS = sys.argv[1:]
CONTAINER_TOKEN = ARGS[ARGS.index("--container-token") + 1] if "--container-token" in ARGS else None
NO_ROLE = "--no-role" in ARGS
LOG = []
LOG_LOCK = threading.Lock()


def iso(delta):
    return (datetime.now(timezone.utc) + delta).strftime("%Y-%m-%dT%H:%M:%SZ")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def record(self):
        with LOG_LOCK:
            LOG.append({"method": self.command, "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()}})

    def reply(self, status, body, content_type="application/json"):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def credentials(self, prefix, expiration, imds=False):
        document = {"AccessKeyId": prefix + "KEY", "SecretAccessKey": prefix + "SECRET",
                    "Token": prefix + "TOKEN", "Expiration": expiration}
        if imds:
            document.update({"Code": "Success", "Type": "AWS-HMAC", "LastUpdated": iso(timedelta(0))})
        return json.dumps(document)

    def do_PUT(self):
        self.record()
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if self.path != "/latest/api/token":
            return self.reply(404, "not found", "text/plain")
        if not self.headers.get("X-aws-ec2-metadata-token-ttl-seconds"):
            return self.reply(400, "missing TTL header", "text/plain")
        self.reply(200, IMDS_TOKEN, "text/plain")

    def do_GET(self):
        if self.path == "/_log":
            with LOG_LOCK:
                return self.reply(200, json.dumps(LOG))
        self.record()
        if self.path.startswith("/latest/meta-data/iam/security-credentials/"):
            if self.headers.get("X-aws-ec2-metadata-token") != IMDS_TOKEN:
                return self.reply(401, "missing or wrong token", "text/plain")
            role = self.path[len("/latest/meta-data/iam/security-credentials/"):]
            if role == "":
                return self.reply(404, "", "text/plain") if NO_ROLE else self.reply(200, ROLE + "\n", "text/plain")
            if role != ROLE:
                return self.reply(404, "no such role", "text/plain")
            return self.reply(200, self.credentials("IMDS", iso(timedelta(hours=6)), imds=True))
        if self.path.startswith("/container"):
            if CONTAINER_TOKEN is not None and self.headers.get("Authorization") != CONTAINER_TOKEN:
                return self.reply(401, json.dumps({"message": "bad authorization"}))
            if self.path == "/container-expired":
                return self.reply(200, self.credentials("OLD", iso(timedelta(hours=-1))))
            return self.reply(200, self.credentials("CONTAINER", iso(timedelta(hours=6))))
        self.reply(404, "not found", "text/plain")


def exit_with_parent(parent):
    """Exit when the test process that started us is gone."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def main():
    # A child started from a worker thread may inherit a mask that blocks these.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
