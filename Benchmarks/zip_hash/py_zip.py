"""Zips a folder with Python's zipfile (deflate, sorted, fixed dates): the comparison point for ferry zip."""
import os
import sys
import zipfile

source, target = sys.argv[1], sys.argv[2]
paths = []
for folder, _, files in os.walk(source):
    for name in files:
        full = os.path.join(folder, name)
        paths.append((os.path.relpath(full, source), full))
paths.sort()
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
    for name, full in paths:
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = 0o100644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(full, "rb") as handle:
            archive.writestr(info, handle.read(), compresslevel=6)
