#!/usr/bin/env python3
"""A fault-injecting HTTP proxy in front of the local AWS emulator, for integration tests.

Usage: fault_proxy.py --upstream http://localhost:PORT [--secret testing] [--watch-stdin]
Binds 127.0.0.1 (never another address) on a free port and prints "PORT <n>".

Every request is checked, then either answered with a fault or forwarded to the upstream:
- the body read must be as long as Content-Length (a short body is recorded as incomplete and
  answered 400 after a short wait, never forwarded);
- the SigV4 signature is recomputed with the secret key over the bytes that arrived (the payload
  hash is the body's SHA-256, or x-amz-content-sha256 when the client sent one, which must then
  match the body too). A request whose body is not the signed one is recorded as such and, with
  `reject_bad_signatures` (on by default), answered 403 SignatureDoesNotMatch like AWS.

Faults (`kind`):
  throttle   the service's throttling error (query: 400 Throttling, JSON: 400 ThrottlingException,
             REST-JSON: 429 TooManyRequestsException, S3: 503 SlowDown); nothing is forwarded
  500        500 InternalFailure; nothing is forwarded
  reset      the request is read, then the connection is closed without an answer
  lose       the request is forwarded (the upstream acts on it), then the connection is closed
             without the answer: "the answer was lost"
  403        403 SignatureDoesNotMatch; nothing is forwarded

Control API (never forwarded, never faulted), JSON bodies:
  POST   /__proxy/rules    {"rules": [{"kind": "lose", "method": "POST", "path": "regex",
                            "action": "ExecuteChangeSet", "count": 1, "skip": 0}]}
         `action` matches the query-protocol Action, the operation of X-Amz-Target, or nothing;
         `path` is a regular expression searched in the path (without the query);
         `count` is how many matching requests get the fault (0 = every one), after `skip`
         matching requests passed untouched. Rules are tried in order; the first live one wins.
  DELETE /__proxy/rules    forgets rules and the random mode
  POST   /__proxy/random   {"rate": 0.2, "seed": 7, "kinds": ["throttle", "500", "reset"]}
  POST   /__proxy/settings {"reject_bad_signatures": true}
  GET    /__proxy/requests every request seen, oldest first, as {"requests": [...]}
  DELETE /__proxy/requests forgets them
Paths under /moto-api/ and /_ferry/ go to the upstream untouched and unrecorded.
"""
import hashlib
import hmac
import http.client
import http.server
import json
import os
import posixpath
import random
import re
import signal
import socket
import socketserver
import struct
import sys
import threading
import urllib.parse

STATE_LOCK = threading.Lock()
STATE = {"rules": [], "random": None, "requests": [], "reject_bad_signatures": True}
SECRET = "testing"
UPSTREAM = None
HOP_HEADERS = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "expect"}


def quote(text, safe="-_.~"):
    return urllib.parse.quote(text, safe=safe)


def canonical_uri(path, service):
    """The canonical URI as Ferry's signer (and AWS) computes it from the wire path."""
    if service == "s3":
        return "/".join(quote(urllib.parse.unquote(segment)) for segment in path.split("/")) or "/"
    normalized = posixpath.normpath(path) if path not in ("", "/") else "/"
    if path.endswith("/") and normalized != "/":
        normalized += "/"
    normalized = re.sub("/+", "/", normalized)
    return quote(normalized, safe="/-_.~")


def canonical_query(query):
    pairs = []
    for part in query.split("&") if query else []:
        name, _, value = part.partition("=")
        pairs.append((quote(urllib.parse.unquote(name)), quote(urllib.parse.unquote(value))))
    return "&".join("%s=%s" % pair for pair in sorted(pairs))


def verify_signature(method, raw_path, headers, body):
    """(signature_ok, body_matches_signed_hash, reason)."""
    authorization = headers.get("Authorization")
    if not authorization:
        return False, True, "no Authorization header"
    match = re.match(r"AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)", authorization)
    if not match:
        return False, True, "malformed Authorization header"
    credential, signed_names, signature = match.groups()
    _, date, region, service, _ = credential.split("/", 4)
    body_hash = hashlib.sha256(body).hexdigest()
    declared = headers.get("x-amz-content-sha256")
    body_matches = declared in (None, "", "UNSIGNED-PAYLOAD") or declared == body_hash
    payload_hash = declared if declared else body_hash
    path, _, query = raw_path.partition("?")
    canonical_headers = ""
    for name in signed_names.split(";"):
        values = headers.get_all(name) or []
        value = ",".join(" ".join(v.strip().split()) for v in values)
        canonical_headers += "%s:%s\n" % (name, value)
    canonical = "\n".join([method, canonical_uri(path, service), canonical_query(query), canonical_headers,
                           signed_names, payload_hash])
    amz_date = headers.get("X-Amz-Date", "")
    scope = "%s/%s/%s/aws4_request" % (date, region, service)
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + SECRET).encode()
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    ok = hmac.compare_digest(expected, signature) and body_matches
    return ok, body_matches, "" if ok else ("body does not match x-amz-content-sha256" if not body_matches else "signature mismatch")


def operation_of(headers, body, path):
    target = headers.get("X-Amz-Target")
    if target:
        return target.rsplit(".", 1)[-1]
    content_type = headers.get("Content-Type", "")
    if "x-www-form-urlencoded" in content_type:
        return urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action", [""])[0]
    return ""


def service_of(headers):
    match = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/", headers.get("Authorization", ""))
    return match.group(1) if match else ""


def choose_fault(method, path, action):
    """The fault for this request (or None), consuming a rule's count."""
    with STATE_LOCK:
        for rule in STATE["rules"]:
            if rule.get("method") and rule["method"].upper() != method:
                continue
            if rule.get("path") and not re.search(rule["path"], path):
                continue
            if rule.get("action") and rule["action"] != action:
                continue
            if rule.get("skip", 0) > 0:
                rule["skip"] -= 1
                return None
            count = rule.get("count", 1)
            if count == 0:
                return rule["kind"]
            if rule.get("used", 0) < count:
                rule["used"] = rule.get("used", 0) + 1
                return rule["kind"]
        chaos = STATE["random"]
        if chaos and chaos["rng"].random() < chaos["rate"]:
            return chaos["rng"].choice(chaos["kinds"])
    return None


def error_response(kind, service, headers):
    """(status, headers, body) of a synthetic error for this protocol."""
    if kind == "403":
        code, status, message = "SignatureDoesNotMatch", 403, "The request signature we calculated does not match the signature you provided."
    elif kind == "throttle":
        code, status, message = "Throttling", 400, "Rate exceeded (fault proxy)"
    else:
        code, status, message = "InternalFailure", 500, "Internal failure (fault proxy)"
    if service == "s3":
        if kind == "throttle":
            code, status = "SlowDown", 503
        elif kind == "500":
            code = "InternalError"
        body = "<Error><Code>%s</Code><Message>%s</Message><RequestId>fault-proxy</RequestId></Error>" % (code, message)
        return status, "application/xml", body.encode(), {}
    if headers.get("X-Amz-Target"):
        if kind == "throttle":
            code = "ThrottlingException"
        return status, "application/x-amz-json-1.1", json.dumps({"__type": code, "message": message}).encode(), {}
    if "x-www-form-urlencoded" in headers.get("Content-Type", ""):
        body = ("<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>"
                "<RequestId>fault-proxy</RequestId></ErrorResponse>") % (code, message)
        return status, "text/xml", body.encode(), {}
    if kind == "throttle":
        code, status = "TooManyRequestsException", 429
    return status, "application/json", json.dumps({"Type": "User", "message": message}).encode(), {"x-amzn-ErrorType": code}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def _reply(self, status, content_type, body, extra=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _drop(self):
        """Closes the connection without an answer (RST, like a reset by the peer)."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass

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
        except (socket.timeout, OSError):
            pass
        finally:
            self.connection.settimeout(None)
        return length, body

    def _control(self, path, body):
        payload = json.loads(body or b"{}")
        with STATE_LOCK:
            if path == "/__proxy/rules" and self.command == "POST":
                STATE["rules"].extend(dict(rule) for rule in payload.get("rules", []))
            elif path == "/__proxy/rules" and self.command == "DELETE":
                STATE["rules"] = []
                STATE["random"] = None
            elif path == "/__proxy/random" and self.command == "POST":
                STATE["random"] = {"rate": float(payload["rate"]), "rng": random.Random(payload.get("seed", 0)),
                                   "kinds": payload.get("kinds") or ["throttle", "500", "reset"]}
            elif path == "/__proxy/settings" and self.command == "POST":
                STATE["reject_bad_signatures"] = bool(payload.get("reject_bad_signatures", True))
            elif path == "/__proxy/requests" and self.command == "GET":
                answer = json.dumps({"requests": STATE["requests"]}).encode()
                return self._reply(200, "application/json", answer)
            elif path == "/__proxy/requests" and self.command == "DELETE":
                STATE["requests"] = []
            else:
                return self._reply(404, "text/plain", b"unknown control path")
        return self._reply(200, "application/json", b"{}")

    def _forward(self, body):
        """(status, reason, headers, body) from the upstream."""
        upstream = urllib.parse.urlsplit(UPSTREAM)
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=120)
        try:
            headers = {}
            for name, value in self.headers.items():
                if name.lower() in HOP_HEADERS or name.lower() == "content-length":
                    continue
                headers[name] = value
            headers["Content-Length"] = str(len(body))
            connection.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for name, value in headers.items():
                connection.putheader(name, value)
            connection.endheaders(body if body else None)
            response = connection.getresponse()
            data = response.read()
            return response.status, response.reason, response.getheaders(), data
        finally:
            connection.close()

    def _relay(self, status, reason, headers, data):
        self.send_response(status, reason)
        for name, value in headers:
            if name.lower() in HOP_HEADERS or name.lower() == "content-length":
                continue
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _handle(self):
        path = urllib.parse.urlsplit(self.path).path
        declared, body = self._read_body()
        if path.startswith("/__proxy/"):
            return self._control(path, body)
        if path.startswith("/moto-api/") or path.startswith("/_ferry/"):
            return self._relay(*self._forward(body))
        action = operation_of(self.headers, body, path)
        service = service_of(self.headers)
        complete = len(body) == declared
        signature_ok, body_matches, reason = verify_signature(self.command, self.path, self.headers, body) if complete else (False, False, "short body")
        record = {
            "method": self.command, "path": path, "action": action, "service": service,
            "contentLength": declared, "bodyLength": len(body), "bodySHA256": hashlib.sha256(body).hexdigest(),
            "signedSHA256": self.headers.get("x-amz-content-sha256"), "bodyComplete": complete,
            "bodyMatchesSignature": body_matches and complete, "signatureValid": signature_ok,
            "problem": reason, "fault": None, "status": None,
        }
        with STATE_LOCK:
            STATE["requests"].append(record)
            reject = STATE["reject_bad_signatures"]
        if not complete:
            record["status"] = 400
            self._reply(400, "text/plain", b"request body shorter than its Content-Length")
            self.close_connection = True
            return
        if reject and not signature_ok:
            record["fault"] = "bad-signature"
            record["status"] = 403
            return self._reply(*error_response("403", service, self.headers))
        fault = choose_fault(self.command, path, action)
        record["fault"] = fault
        if fault == "reset":
            return self._drop()
        if fault in ("throttle", "500", "403"):
            status, content_type, data, extra = error_response(fault, service, self.headers)
            record["status"] = status
            return self._reply(status, content_type, data, extra)
        try:
            upstream = self._forward(body)
        except OSError as error:
            record["status"] = 502
            return self._reply(502, "text/plain", ("upstream failed: %s" % error).encode())
        record["status"] = upstream[0]
        if fault == "lose":
            return self._drop()
        self._relay(*upstream)

    do_GET = _handle
    do_POST = _handle
    do_PUT = _handle
    do_HEAD = _handle
    do_DELETE = _handle
    do_PATCH = _handle


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


def exit_when_stdin_closes():
    """The test keeps stdin open; when it ends (or dies) the proxy goes too."""
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


def main():
    global SECRET, UPSTREAM
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    arguments = sys.argv[1:]
    if "--upstream" not in arguments:
        print("usage: fault_proxy.py --upstream http://localhost:PORT [--secret KEY] [--watch-stdin]", file=sys.stderr)
        return 64
    UPSTREAM = arguments[arguments.index("--upstream") + 1]
    if "--secret" in arguments:
        SECRET = arguments[arguments.index("--secret") + 1]
    if "--watch-stdin" in arguments:
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server = Server(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
