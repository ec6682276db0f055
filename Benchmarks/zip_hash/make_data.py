"""Generates benchmark data: 20,000 small Python-like files in 200 folders plus 20 files of 1 MiB."""
import os
import random
import sys

root = sys.argv[1]
rng = random.Random(42)
for folder in range(200):
    path = os.path.join(root, f"pkg{folder:03d}")
    os.makedirs(path, exist_ok=True)
    for index in range(100):
        with open(os.path.join(path, f"mod{index:03d}.py"), "w") as handle:
            handle.write("".join(f"value_{i} = {rng.randint(0, 10**6)}\n" for i in range(rng.randint(5, 60))))
os.makedirs(os.path.join(root, "blobs"), exist_ok=True)
for index in range(20):
    with open(os.path.join(root, "blobs", f"blob{index:02d}.bin"), "wb") as handle:
        handle.write(rng.randbytes(512 * 1024) + b"\0" * (512 * 1024))
