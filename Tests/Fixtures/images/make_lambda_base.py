#!/usr/bin/env python3
"""Writes lambda-base/: a tiny Lambda-like base image as an OCI layout (a few KB).

One layer: /var/task/, /var/runtime/bootstrap and /lambda-entrypoint.sh (stubs that only say what
they are), with the Lambda base images' ENV, WORKDIR and ENTRYPOINT. Deterministic (mtime 0).
Run: python3 Tests/Fixtures/images/make_lambda_base.py
"""
import gzip, hashlib, io, json, os, shutil, tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "lambda-base")
ENTRYPOINT = b"#!/bin/sh\n# Stub of the Lambda base image's entrypoint (test fixture).\nexec /var/runtime/bootstrap \"$@\"\n"
BOOTSTRAP = b"#!/bin/sh\necho 'ferry test fixture: no runtime here' >&2\nexit 1\n"


def tar_layer() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        def add(name, data=None, mode=0o755):
            info = tarfile.TarInfo(name)
            info.mtime, info.uid, info.gid, info.uname, info.gname, info.mode = 0, 0, 0, "", "", mode
            if data is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        add("lambda-entrypoint.sh", ENTRYPOINT)
        add("var/")
        add("var/runtime/")
        add("var/runtime/bootstrap", BOOTSTRAP)
        add("var/task/")
    return buffer.getvalue()


def blob(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(OUT, "blobs", "sha256", digest), "wb") as handle:
        handle.write(data)
    return "sha256:" + digest


def main() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(os.path.join(OUT, "blobs", "sha256"))
    plain = tar_layer()
    packed = gzip.compress(plain, mtime=0)
    layer = blob(packed)
    config = {
        "architecture": "amd64", "os": "linux", "created": "1970-01-01T00:00:00Z",
        "config": {
            "Env": ["PATH=/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin", "LANG=en_US.UTF-8",
                    "TZ=:/etc/localtime", "LAMBDA_TASK_ROOT=/var/task", "LAMBDA_RUNTIME_DIR=/var/runtime"],
            "WorkingDir": "/var/task", "Entrypoint": ["/lambda-entrypoint.sh"],
        },
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(plain).hexdigest()]},
        "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "ferry test fixture: Lambda-like base"}],
    }
    config_bytes = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
    manifest = {
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": blob(config_bytes), "size": len(config_bytes)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer, "size": len(packed)}],
    }
    manifest_bytes = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    index = {"schemaVersion": 2, "manifests": [{
        "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": blob(manifest_bytes), "size": len(manifest_bytes),
        "annotations": {"org.opencontainers.image.ref.name": "3.12"}}]}
    with open(os.path.join(OUT, "index.json"), "w") as handle:
        json.dump(index, handle, sort_keys=True, separators=(",", ":"))
    with open(os.path.join(OUT, "oci-layout"), "w") as handle:
        json.dump({"imageLayoutVersion": "1.0.0"}, handle)


if __name__ == "__main__":
    main()
