#!/usr/bin/env python3
"""Times `ferry build` against `sam build` on copies of one app and prints medians and ratios.

Called by run.sh, which installs SAM CLI, builds Ferry and makes the copies. Standard library only.
Scenarios, each run N times (interleaved tool by tool, so load changes hit every tool alike):
  cold      ferry: empty .ferry + `ferry build --clean`; sam: no .aws-sam + `sam build --cached`
            (nothing cached, so everything builds; this run also fills SAM's cache for the next ones)
  warm      nothing changed; ferry: `ferry build`; sam: `sam build --cached`
  function  one byte appended to one function's source file (src/queue_sender/index.py)
  shared    one byte appended to the shared library (lib/idp_common_pkg/idp_common/ocr.py);
            afterwards the OCR function's built code is checked for the new bytes ("stale" if absent)
Not part of the test suite: nothing here is asserted, the numbers are printed.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import uuid
import zipfile

FUNCTION_FILE = "src/queue_sender/index.py"
SHARED_FILE = "lib/idp_common_pkg/idp_common/ocr.py"
SCENARIOS = ["cold", "warm", "function", "shared"]
LABELS = {
    "cold": "cold build",
    "warm": "warm, no change",
    "function": "one function file changed",
    "shared": "shared library file changed",
}


def append_marker(path: str, tag: str) -> str:
    """Appends a comment line with a unique marker to a Python file and returns the marker."""
    marker = f"ferry-bench-{tag}-{uuid.uuid4().hex[:12]}"
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"# {marker}\n")
    return marker


class Tool:
    """One benchmarked tool working in its own copy of the app."""

    def __init__(self, name: str, app: str, timeout: float, runs: int):
        self.name = name
        self.runs = runs
        self.app = app
        self.timeout = timeout
        self.times = {s: [] for s in SCENARIOS}
        self.notes = {s: [] for s in SCENARIOS}
        self.error = None

    def run(self, cmd: list) -> float:
        """Runs a command in the app folder; returns seconds, records the failure and raises on error."""
        start = time.monotonic()
        try:
            proc = subprocess.run(cmd, cwd=self.app, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.error = f"`{' '.join(cmd)}` did not finish in {self.timeout:.0f} s"
            raise RuntimeError(self.error)
        seconds = time.monotonic() - start
        if proc.returncode != 0:
            tail = "\n".join(proc.stdout.strip().splitlines()[-25:])
            self.error = f"`{' '.join(cmd)}` exited with {proc.returncode}:\n{tail}"
            raise RuntimeError(self.error)
        return seconds

    def scenario(self, name: str, i: int) -> None:
        """Runs one iteration of a scenario and records its time (and freshness for `shared`)."""
        marker = None
        if name == "cold":
            self.clear()
        elif name == "function":
            append_marker(os.path.join(self.app, FUNCTION_FILE), f"fn{i}")
        elif name == "shared":
            marker = append_marker(os.path.join(self.app, SHARED_FILE), f"lib{i}")
        seconds = self.run(self.command(name))
        self.times[name].append(seconds)
        if marker is not None:
            self.notes[name].append("fresh" if self.ocr_contains(marker) else "stale")


class Ferry(Tool):
    def __init__(self, binary: str, app: str, timeout: float, runs: int):
        super().__init__("ferry build", app, timeout, runs)
        self.binary = binary

    def clear(self) -> None:
        shutil.rmtree(os.path.join(self.app, ".ferry"), ignore_errors=True)

    def command(self, name: str) -> list:
        return [self.binary, "build", "--clean"] if name == "cold" else [self.binary, "build"]

    def ocr_contains(self, marker: str) -> bool:
        """Looks for the marker in idp_common/ocr.py inside the OCR function's zip named by the manifest."""
        with open(os.path.join(self.app, ".ferry/build/manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        for entry in walk_dicts(manifest):
            if entry.get("logicalID") == "OCRFunction" and entry.get("zipPath"):
                path = entry["zipPath"]
                path = path if os.path.isabs(path) else os.path.join(self.app, path)
                with zipfile.ZipFile(path) as z:
                    for member in z.namelist():
                        if member.endswith("idp_common/ocr.py") and marker in z.read(member).decode():
                            return True
        return False


class Sam(Tool):
    def __init__(self, binary: str, app: str, timeout: float, runs: int, parallel: bool):
        super().__init__("sam build --parallel" if parallel else "sam build", app, timeout, runs)
        self.binary = binary
        self.extra = ["--parallel"] if parallel else []

    def clear(self) -> None:
        shutil.rmtree(os.path.join(self.app, ".aws-sam"), ignore_errors=True)

    def command(self, name: str) -> list:
        return [self.binary, "build", "--cached"] + self.extra

    def ocr_contains(self, marker: str) -> bool:
        """Looks for the marker in every built copy of idp_common/ocr.py of the OCR function."""
        build = os.path.join(self.app, ".aws-sam", "build")
        found = False
        for folder, _, files in os.walk(build):
            if "OCRFunction" in folder.split(os.sep) and folder.endswith(os.path.join("idp_common")) \
                    and "ocr.py" in files:
                with open(os.path.join(folder, "ocr.py"), encoding="utf-8") as f:
                    if marker not in f.read():
                        return False
                found = True
        return found


def walk_dicts(value):
    """Yields every dictionary nested in a JSON value."""
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from walk_dicts(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk_dicts(v)


def median(values):
    return statistics.median(values) if values else None


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ferry", required=True, help="the ferry executable")
    p.add_argument("--ferry-app", required=True, help="Ferry's copy of the app")
    p.add_argument("--sam", help="the sam executable (omit to time Ferry only)")
    p.add_argument("--sam-app", help="SAM's copy of the app")
    p.add_argument("--sam-parallel-app", help="copy of the app for `sam build --parallel` (optional)")
    p.add_argument("--runs", type=int, default=3, help="runs per scenario")
    p.add_argument("--sam-runs", type=int, help="runs per scenario for SAM (default: --runs)")
    p.add_argument("--timeout", type=float, default=1800)
    args = p.parse_args()

    sam_runs = args.sam_runs or args.runs
    tools = [Ferry(args.ferry, args.ferry_app, args.timeout, args.runs)]
    if args.sam and args.sam_app:
        tools.append(Sam(args.sam, args.sam_app, args.timeout, sam_runs, parallel=False))
    if args.sam and args.sam_parallel_app:
        tools.append(Sam(args.sam, args.sam_parallel_app, args.timeout, sam_runs, parallel=True))

    for scenario in SCENARIOS:
        for i in range(max(t.runs for t in tools)):
            for tool in tools:
                if tool.error or i >= tool.runs:
                    continue
                try:
                    tool.scenario(scenario, i)
                    t = tool.times[scenario][-1]
                    note = f" ({tool.notes[scenario][-1]})" if tool.notes[scenario] else ""
                    print(f"  {tool.name:22} {scenario:9} run {i + 1}: {t:7.2f} s{note}", flush=True)
                except (RuntimeError, OSError) as e:
                    tool.error = tool.error or str(e)
                    print(f"  {tool.name} failed in {scenario} run {i + 1}: {tool.error}", flush=True)

    print_table(tools)
    return 0


def print_table(tools) -> None:
    ferry = tools[0]
    print()
    runs = ", ".join(f"{t.name} {t.runs}" for t in tools)
    print(f"Medians (runs per scenario: {runs}), seconds; ratio = other tool / ferry (above 1: Ferry is faster)")
    header = f"{'scenario':30} {'ferry build':>12}"
    for tool in tools[1:]:
        header += f" {tool.name:>22} {'ratio':>7}"
    print(header)
    for scenario in SCENARIOS:
        f = median(ferry.times[scenario])
        line = f"{LABELS[scenario]:30} {fmt(f):>12}"
        for tool in tools[1:]:
            s = median(tool.times[scenario])
            ratio = f"{s / f:.1f}x" if s is not None and f else "n/a"
            line += f" {fmt(s):>22} {ratio:>7}"
        print(line)
    print()
    for tool in tools:
        if tool.notes["shared"]:
            print(f"{tool.name}: built OCR function after the shared-library change: "
                  f"{', '.join(tool.notes['shared'])}")
    for tool in tools:
        if tool.error:
            print(f"{tool.name} failed; its remaining cells are n/a. Error:\n{tool.error}")


def fmt(value) -> str:
    return "n/a" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    sys.exit(main())
