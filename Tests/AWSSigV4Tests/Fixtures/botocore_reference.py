#!/usr/bin/env python3
"""Reference SigV4 signatures from botocore, for Ferry's AWSSigV4 cross-check test.

Usage: botocore_reference.py SEED COUNT

Generates COUNT requests deterministically from SEED, signs each with botocore (SigV4Auth,
S3SigV4Auth, SigV4QueryAuth or S3SigV4QueryAuth) at a fixed, per-case clock, and prints one JSON
object per line: the request as Ferry's signer receives it (wire URL, headers, payload,
credentials, date) and botocore's canonical request, string to sign and signature.
Exits 3 with a message on stderr if botocore cannot be imported.
"""
import base64
import datetime
import hashlib
import json
import random
import sys
from urllib.parse import quote

try:
    import botocore.auth
    from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth, SigV4Auth, SigV4QueryAuth
    from botocore.awsrequest import AWSRequest
    from botocore.config import Config
    from botocore.credentials import Credentials
    from botocore.utils import percent_encode
except ImportError as error:  # pragma: no cover - reported by the Swift test
    print(f"botocore is not importable ({error}); run: pip install -r emulator/requirements.txt",
          file=sys.stderr)
    sys.exit(3)

STANDARD_SERVICES = ["cloudformation", "lambda", "sts", "logs", "states", "appsync", "monitoring"]
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2", "eu-central-1"]
KEY_CHARACTERS = list("abcdefXYZ0189-_.~") + list(" +=!'()*&$@,;:") + ["é", "ß", "中", "😀", "~", "+", "="]
QUERY_KEYS = ["prefix", "delimiter", "list-type", "max-keys", "marker", "Action", "Version",
              "Param", "param", "X-Custom", "a b", "k+e=y", "ключ"]
HEADER_NAMES = ["Content-Type", "x-amz-meta-note", "X-Amz-Meta-Dup", "x-amz-meta-Dup", "X-Custom",
                "User-Agent", "x-amz-acl", "Cache-Control"]


def freeze_clock(moment):
    """Make botocore.auth read `moment` as the current time."""
    if hasattr(botocore.auth, "get_current_datetime"):
        botocore.auth.get_current_datetime = lambda *args, **kwargs: moment

    class FrozenDateTime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return moment

        @classmethod
        def now(cls, tz=None):
            return moment if tz is None else moment.replace(tzinfo=tz)

    class FrozenModule:
        pass

    FrozenModule.datetime = FrozenDateTime
    FrozenModule.timezone = datetime.timezone
    FrozenModule.timedelta = datetime.timedelta

    botocore.auth.datetime = FrozenModule


def random_text(rng, alphabet, low, high):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def s3_url(rng, region, scheme_host):
    key_parts = [random_text(rng, KEY_CHARACTERS, 1, 8) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.15:
        key_parts.insert(1, rng.choice(["", ".", ".."]))  # S3 keeps '//', '.', '..' verbatim
    key = "/".join(key_parts)
    bucket = rng.choice(["ferry-artifacts", "my.bucket", "b-123"])
    if rng.random() < 0.5:
        host = scheme_host or f"https://{bucket}.s3.{region}.amazonaws.com"
        return host, "/" + quote(key, safe="/~")
    host = scheme_host or f"https://s3.{region}.amazonaws.com"
    return host, f"/{bucket}/" + quote(key, safe="/~")


def standard_url(rng, service, region, scheme_host):
    host = scheme_host or f"https://{service}.{region}.amazonaws.com"
    if rng.random() < 0.4:
        return host, "/"
    segments = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.12:
            segments.append(rng.choice([".", "..", ""]))
        else:
            segments.append(quote(random_text(rng, KEY_CHARACTERS, 1, 8), safe="~"))
    path = "/" + "/".join(segments)
    if rng.random() < 0.3:
        path += "/"
    return host, path


def query_items(rng, presign):
    items = []
    for _ in range(rng.randint(0, 5)):
        key = rng.choice(QUERY_KEYS) if rng.random() < 0.7 else random_text(rng, KEY_CHARACTERS, 1, 6)
        if presign and any(existing == key for existing, _ in items):
            continue  # botocore's query signer keeps only one value per key
        value = "" if rng.random() < 0.2 else random_text(rng, KEY_CHARACTERS, 1, 10)
        items.append((key, value))
        if not presign and rng.random() < 0.25:
            items.append((key, random_text(rng, KEY_CHARACTERS, 0, 6)))  # a repeated key
    return items


def header_list(rng):
    headers = []
    for _ in range(rng.randint(0, 4)):
        name = rng.choice(HEADER_NAMES)
        words = [random_text(rng, "abcXYZ019-/;=", 1, 6) for _ in range(rng.randint(1, 3))]
        spacing = rng.choice([" ", "  ", "   ", "\t", " \t "])
        value = rng.choice(["", " ", "  "]) + spacing.join(words) + rng.choice(["", " ", "   "])
        headers.append((name, value))
    return headers


def make_case(rng, index):
    is_s3 = rng.random() < 0.45
    service = "s3" if is_s3 else rng.choice(STANDARD_SERVICES)
    region = rng.choice(REGIONS)
    presign = rng.random() < 0.25
    scheme_host = None
    if rng.random() < 0.15:
        scheme_host = rng.choice(["http://localhost:4566", "https://127.0.0.1:8443", "http://LocalHost"])
    host, path = s3_url(rng, region, scheme_host) if is_s3 else standard_url(rng, service, region, scheme_host)
    items = query_items(rng, presign)
    if is_s3 and not presign and rng.random() < 0.15:
        items.append((rng.choice(["acl", "uploads", "tagging"]), None))  # a key without '='
    query = "&".join(percent_encode(k) if v is None else f"{percent_encode(k)}={percent_encode(v)}"
                     for k, v in items)
    url = host + path + ("?" + query if query else "")
    method = rng.choice(["GET", "PUT", "POST", "DELETE", "HEAD"]) if not presign else rng.choice(["GET", "PUT"])
    headers = header_list(rng) if (not presign or rng.random() < 0.5) else []
    moment = datetime.datetime(2015, 1, 1) + datetime.timedelta(seconds=rng.randint(0, 16 * 365 * 86400))
    access_key = "AKIA" + random_text(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 16)
    secret_key = random_text(rng, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+", 40, 40)
    token = None
    if rng.random() < 0.35:
        token = random_text(rng, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+", 40, 120) + "=="
    credentials = Credentials(access_key, secret_key, token)

    body = b""
    payload = {"kind": "bytes", "base64": ""}
    context = {}
    if not presign:
        kind = rng.choice(["bytes", "hash", "unsigned"])
        if kind == "unsigned" and not url.startswith("https"):
            kind = "bytes"  # botocore always signs payloads over http
        body = rng.randbytes(rng.randint(0, 200)) if method not in ("GET", "HEAD") or rng.random() < 0.2 else b""
        if kind == "bytes":
            payload = {"kind": "bytes", "base64": base64.b64encode(body).decode()}
        elif kind == "hash":
            payload = {"kind": "hash", "sha256": hashlib.sha256(body).hexdigest()}
        else:
            payload = {"kind": "unsigned"}
            if is_s3:
                context["client_config"] = Config(s3={"payload_signing_enabled": False})
            else:
                context["payload_signing_enabled"] = False

    request = AWSRequest(method=method, url=url, data=body)
    for name, value in headers:
        request.headers[name] = value  # HTTPHeaders keeps repeated names, in order
    request.context.update(context)

    expires = rng.randint(1, 604800) if presign else None
    if presign:
        signer_type = S3SigV4QueryAuth if is_s3 else SigV4QueryAuth
        auth = signer_type(credentials, service, region, expires=expires)
    else:
        auth = (S3SigV4Auth if is_s3 else SigV4Auth)(credentials, service, region)

    captured = {}
    for step in ("canonical_request", "string_to_sign", "signature"):
        original = getattr(auth, step)

        def capture(*args, _original=original, _step=step):
            result = _original(*args)
            captured[_step] = result
            return result

        setattr(auth, step, capture)

    freeze_clock(moment)
    auth.add_auth(request)

    return {
        "id": index,
        "service": service,
        "region": region,
        "pathEncoding": "s3" if is_s3 else "standard",
        "method": method,
        "url": url,
        "headers": [[n, v] for n, v in headers],
        "payload": payload,
        "accessKeyID": access_key,
        "secretAccessKey": secret_key,
        "sessionToken": token,
        "date": int((moment - datetime.datetime(1970, 1, 1)).total_seconds()),
        "presignExpires": expires,
        "canonicalRequest": captured["canonical_request"],
        "stringToSign": captured["string_to_sign"],
        "signature": captured["signature"],
        "authorization": request.headers.get("Authorization"),
        "signedURL": request.url if presign else None,
    }


def main():
    if len(sys.argv) != 3:
        print("usage: botocore_reference.py SEED COUNT", file=sys.stderr)
        sys.exit(2)
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    for index in range(count):
        print(json.dumps(make_case(rng, index), ensure_ascii=True))


if __name__ == "__main__":
    main()
