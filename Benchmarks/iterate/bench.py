#!/usr/bin/env python3
"""Iteration (hot-swap) benchmark: one app, deployed once per tool to the emulator, then timed edits.

Called by run.sh (which starts the emulator, builds ferry, installs SAM CLI and generates apps).
Every tool works in its own copy of the app and its own stack (deployed untimed by `ferry deploy`):
  ferry      FERRY_COMMAND (default `ferry build; ferry package; ferry update --env dev`)
  ferry up   `ferry up --env dev --yes` (only when `ferry up --help` succeeds, or --up yes)
  seed loop  `ferry build`, then seed_loop.sh: for EVERY function describe-stack-resource,
             `aws lambda update-function-code --zip-file fileb://…`, `aws lambda wait function-updated`
  sam sync   `sam sync --code --no-watch --no-dependency-layer` (it builds with `--cached` itself)
Scenarios, each run N times, tools interleaved run by run:
  noop       nothing changed
  one        a comment line appended to one function's handler
  ten        … to ten functions' handlers
  shared     … to a file of the shared local library (every dependent must be rebuilt and swapped)
After each run the probe function's deployed CodeSha256 is compared with its value before the
edit: `updated` or `unchanged` (for `shared` the probe is a function whose own folder is untouched,
so `unchanged` means stale code runs). Prints a table of medians and ratios (tool / ferry) and
writes every time to --results (JSON). Not part of the test suite: nothing is asserted.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import uuid

import boto3

SCENARIOS = ["noop", "one", "ten", "shared"]
LABELS = {"noop": "no-op", "one": "one function changed", "ten": "ten functions changed",
          "shared": "shared library changed"}
EXAMPLE_FUNCTIONS = ["src/queue_sender", "src/upload_resolver", "src/workflow_tracker", "src/get_document",
                     "src/copy_to_baseline", "patterns/pattern-2/src/classification",
                     "patterns/pattern-2/src/extraction", "patterns/pattern-2/src/assessment",
                     "patterns/pattern-2/src/process_results", "patterns/pattern-2/src/summarization"]
EXAMPLE_PARAMETERS = ["IDPPattern=Pattern2", "LogLevel=DEBUG", "MaxConcurrentWorkflows=20",
                      "DataRetentionInDays=30", "AdminEmail=dev-team@example.com"]


class App:
    """What to edit in one app: handler files, the shared file and the probes (source folders)."""

    def __init__(self, kind: str, functions: int):
        if kind == "example":
            self.one = [f"{EXAMPLE_FUNCTIONS[0]}/index.py"]
            self.ten = [f"{f}/index.py" for f in EXAMPLE_FUNCTIONS]
            self.shared = "lib/idp_common_pkg/idp_common/ocr.py"
            self.probe = {"one": "src/queue_sender", "ten": "src/queue_sender",
                          "shared": "patterns/pattern-2/src/ocr", "noop": "src/queue_sender"}
            self.parameters = EXAMPLE_PARAMETERS
            self.capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]
        else:
            self.one = ["src/fn001/app.py"]
            self.ten = [f"src/fn{i:03d}/app.py" for i in range(1, min(10, functions) + 1)]
            self.shared = "lib/shared/shared_lib/__init__.py"
            last = f"src/fn{functions:03d}"
            self.probe = {"one": "src/fn001", "ten": "src/fn001", "shared": last, "noop": "src/fn001"}
            self.parameters = []
            self.capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]

    def edits(self, scenario: str) -> list:
        return {"noop": [], "one": self.one, "ten": self.ten, "shared": [self.shared]}[scenario]


class Copy:
    """One tool's copy of the app and its stack."""

    def __init__(self, name: str, slug: str, folder: str, command, stdin: str = None):
        self.name, self.slug, self.folder = name, slug, folder
        self.app = os.path.join(folder, "x", "y", "app")
        self.command, self.stdin = command, stdin
        self.times = {s: [] for s in SCENARIOS}
        self.parts = {s: [] for s in SCENARIOS}
        self.probes = {s: [] for s in SCENARIOS}
        self.error = None
        self.stack = None
        self.one_resource = None  # sam sync --code --resource-id for the one-function scenario
        self.functions = {}  # source folder (relative) -> (stack name, logical ID, physical name)
        self.resource_ids = {}  # source folder (relative) -> sam sync's --resource-id (Nested/LogicalID)


def run(cmd, cwd, stdin=None, timeout=3600, env=None):
    """Runs a command; returns (seconds, output); raises RuntimeError with the output's tail on failure."""
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=cwd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"`{' '.join(cmd)}` did not finish in {timeout} s")
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        tail = "\n".join(proc.stdout.strip().splitlines()[-20:])
        raise RuntimeError(f"`{' '.join(cmd)}` exited with {proc.returncode}:\n{tail}")
    return seconds, proc.stdout


def copy_app(source: str, folder: str) -> None:
    """Copies an app to FOLDER/x/y/app with `lib` symlinks where SAM's cwd-relative pip paths land.

    SAM runs pip in the app's folder, so `../lib/…` (one level of nesting) and `../../lib/…` (two) must
    resolve from there; the app itself stays byte-identical to Ferry's copy.
    """
    app = os.path.join(folder, "x", "y", "app")
    shutil.copytree(source, app, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", ".aws-sam"))
    os.symlink("app/lib", os.path.join(folder, "x", "y", "lib"))
    os.symlink("y/app/lib", os.path.join(folder, "x", "lib"))
    os.symlink("x/y/app/lib", os.path.join(folder, "lib"))


def retarget(app: str, slug: str) -> None:
    """Gives the copy its own stack (env dev's stack_name + '-SLUG') and Environment parameter."""
    path = os.path.join(app, "ferry.toml")
    text = open(path).read()
    text = re.sub(r'(stack_name = ")([^"]+)(")', lambda m: f"{m[1]}{m[2]}-{slug}{m[3]}", text, count=1)
    text = text.replace('Environment = "dev"', f'Environment = "{slug}"')
    open(path, "w").write(text)


def stack_name(app: str) -> str:
    return re.search(r'stack_name = "([^"]+)"', open(os.path.join(app, "ferry.toml")).read())[1]


def manifest(app: str) -> list:
    data = json.load(open(os.path.join(app, ".ferry/build/manifest.json")))
    return [a for a in data.get("artifacts", []) if a.get("kind") == "function"]


def resolve_functions(cfn, copy: Copy) -> None:
    """Maps each function's source folder to (stack, logical ID, physical name) through the nested stacks."""
    names = {}

    def stack_for(path: str) -> str:
        if path in names:
            return names[path]
        parts = path.split("/")
        if len(parts) == 1:
            names[path] = copy.stack
            return copy.stack
        parent = stack_for("/".join(parts[:-1]))
        resource = cfn.describe_stack_resource(StackName=parent, LogicalResourceId=parts[-1])
        names[path] = resource["StackResourceDetail"]["PhysicalResourceId"]
        return names[path]

    for artifact in manifest(copy.app):
        stack = stack_for(artifact["stackPath"])
        physical = cfn.describe_stack_resource(StackName=stack, LogicalResourceId=artifact["logicalID"])
        source = os.path.relpath(os.path.realpath(os.path.join(copy.app, artifact["sourcePath"]))
                                 if not os.path.isabs(artifact["sourcePath"]) else artifact["sourcePath"],
                                 os.path.realpath(copy.app))
        copy.functions[source] = (stack, artifact["logicalID"],
                                  physical["StackResourceDetail"]["PhysicalResourceId"])
        # sam sync's --resource-id: the logical ID, prefixed by the nested stacks' logical IDs.
        copy.resource_ids[source] = "/".join(artifact["stackPath"].split("/")[1:] + [artifact["logicalID"]])


def seed_list(copy: Copy) -> str:
    """Writes the seed loop's list (stack, logical ID, zip) from the current build manifest."""
    stacks = {logical: stack for stack, logical, _ in copy.functions.values()}
    lines = []
    for artifact in manifest(copy.app):
        stack = stacks[artifact["logicalID"]]
        zip_path = artifact["zipPath"]
        zip_path = zip_path if os.path.isabs(zip_path) else os.path.join(copy.app, zip_path)
        lines.append(f"{stack} {artifact['logicalID']} {zip_path}")
    path = os.path.join(copy.folder, "seed-list.txt")
    open(path, "w").write("\n".join(lines) + "\n")
    return path


def ferry_has_up(ferry: str) -> bool:
    """True when `ferry up --help` shows up's own usage (an unknown name prints the root help, exit 0)."""
    proc = subprocess.run([ferry, "up", "--help"], capture_output=True, text=True)
    return proc.returncode == 0 and "ferry up" in proc.stdout


def append_marker(path: str, tag: str) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"# ferry-bench-{tag}-{uuid.uuid4().hex[:12]}\n")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ferry", required=True)
    p.add_argument("--sam", help="the sam executable (omit: no `sam sync` column)")
    p.add_argument("--source", required=True, help="the app to copy")
    p.add_argument("--kind", choices=["example", "generated"], required=True)
    p.add_argument("--functions", type=int, default=0, help="function count of a generated app")
    p.add_argument("--label", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--ferry-command", default="build; package; update --env dev",
                   help="ferry's iteration: subcommands separated by ';'")
    p.add_argument("--up", choices=["auto", "yes", "no"], default="auto", help="also time `ferry up --env dev --yes`")
    p.add_argument("--no-seed", action="store_true")
    p.add_argument("--scenarios", default=",".join(SCENARIOS),
                   help="comma-separated subset of " + ",".join(SCENARIOS) + " (default: all)")
    p.add_argument("--results", required=True, help="JSON file to write")
    p.add_argument("--markdown", help="also write the table as Markdown (for BENCHMARKS.md) to this file")
    args = p.parse_args()

    app = App(args.kind, args.functions)
    ferry = args.ferry
    steps = [[ferry, *s.split()] for s in args.ferry_command.split(";") if s.strip()]
    has_up = args.up == "yes" or (args.up == "auto" and ferry_has_up(ferry))
    cfn, lam = boto3.client("cloudformation"), boto3.client("lambda")

    # 0. The yardstick: one `aws lambda list-functions` call, timed like every command here.
    awscli = []
    for _ in range(max(3, args.runs)):
        awscli.append(run(["aws", "lambda", "list-functions", "--max-items", "1"], args.work)[0])
    yardstick = median(awscli)
    print(f"  yardstick: `aws lambda list-functions --max-items 1` median {yardstick:.2f} s "
          f"({', '.join(f'{t:.2f}' for t in awscli)})", flush=True)

    # 1. One build and package, copied to every tool.
    base = os.path.join(args.work, "base")
    copy_app(args.source, base)
    base_app = os.path.join(base, "x", "y", "app")
    t, _ = run([ferry, "build"], base_app)
    print(f"  setup: initial ferry build {t:.1f} s", flush=True)
    run([ferry, "package", "--create-bucket"], base_app)
    bucket = json.load(open(os.path.join(base_app, ".ferry/package/package.json")))["bucket"]

    copies = [Copy("ferry", "ferry", os.path.join(args.work, "ferry"), ("steps", steps))]
    if has_up:
        copies.append(Copy("ferry up", "up", os.path.join(args.work, "up"),
                           ("steps", [[ferry, "up", "--env", "dev", "--yes"]])))
    if not args.no_seed:
        copies.append(Copy("seed loop", "seed", os.path.join(args.work, "seed"), ("seed", None)))
    if args.sam:
        copies.append(Copy("sam sync --code", "sam", os.path.join(args.work, "sam"), ("sam", None), stdin="y\n"))

    for copy in copies:
        shutil.copytree(base, copy.folder, symlinks=True)
        retarget(copy.app, copy.slug)
        copy.stack = stack_name(copy.app)
        run([ferry, "build"], copy.app)
        run([ferry, "package"], copy.app)
        t, _ = run([ferry, "deploy", "--env", "dev", "--yes"], copy.app)
        resolve_functions(cfn, copy)
        if copy.command[0] == "sam":
            edited = os.path.dirname(app.one[0])
            copy.one_resource = copy.resource_ids.get(edited)
        print(f"  setup: {copy.name}: stack {copy.stack} deployed by ferry in {t:.1f} s "
              f"({len(copy.functions)} functions)", flush=True)
    for copy in copies:
        if copy.command[0] == "sam":
            overrides = [f"Environment={copy.slug}"] + app.parameters if args.kind == "example" else app.parameters
            copy.command = ("cmd", [args.sam, "sync", "--code", "--no-watch", "--no-dependency-layer",
                                    "--stack-name", copy.stack, "--s3-bucket", bucket, "--region",
                                    os.environ.get("AWS_REGION", "eu-central-1"),
                                    "--capabilities", *app.capabilities] +
                            (["--parameter-overrides", *overrides] if overrides else []))
            try:  # the first sync builds everything (cold) and aligns the deployed code with SAM's zips
                t, _ = run(copy.command[1], copy.app, stdin=copy.stdin)
                print(f"  setup: first `sam sync --code` (cold SAM build, every function updated) {t:.1f} s",
                      flush=True)
            except RuntimeError as e:
                copy.error = str(e)
                print(f"  sam sync --code failed in setup: {e}", flush=True)

    def code_sha(copy: Copy, source: str) -> str:
        return lam.get_function_configuration(FunctionName=copy.functions[source][2])["CodeSha256"]

    def iterate(copy: Copy, scenario: str) -> None:
        kind, value = copy.command
        parts = []
        if kind == "steps":
            for step in value:
                parts.append(run(step, copy.app)[0])
        elif kind == "seed":
            parts.append(run([ferry, "build"], copy.app)[0])
            lst = seed_list(copy)
            parts.append(run([os.path.join(os.path.dirname(os.path.abspath(__file__)), "seed_loop.sh"), lst],
                             copy.app)[0])
        else:
            command = list(value)
            if scenario == "one" and copy.one_resource:
                command += ["--resource-id", copy.one_resource]  # sam sync --code of that one function
            parts.append(run(command, copy.app, stdin=copy.stdin)[0])
        copy.times[scenario].append(sum(parts))
        copy.parts[scenario].append(parts)

    chosen = [x for x in args.scenarios.split(",") if x in SCENARIOS]
    for scenario in chosen:
        for i in range(args.runs):
            for copy in copies:
                if copy.error:
                    continue
                try:
                    probe = app.probe[scenario]
                    before = code_sha(copy, probe)
                    for path in app.edits(scenario):
                        append_marker(os.path.join(copy.app, path), f"{scenario}{i}")
                    iterate(copy, scenario)
                    state = "updated" if code_sha(copy, probe) != before else "unchanged"
                    copy.probes[scenario].append(state)
                    parts = " + ".join(f"{x:.2f}" for x in copy.parts[scenario][-1])
                    print(f"  {copy.name:16} {scenario:7} run {i + 1}: {copy.times[scenario][-1]:7.2f} s"
                          f" ({parts}; probe {state})", flush=True)
                except (RuntimeError, OSError, KeyError) as e:
                    copy.error = str(e)
                    print(f"  {copy.name} failed in {scenario} run {i + 1}: {e}", flush=True)

    print_table(args.label, copies, yardstick)
    write_results(args, copies, has_up, awscli)
    if args.markdown:
        write_markdown(args.markdown, args.label, copies, yardstick, awscli, len(app.ten))
    return 0


def median(values):
    return statistics.median(values) if values else None


def print_table(label: str, copies: list, yardstick: float) -> None:
    base = copies[0]
    print(f"\n{label}: medians in seconds; (x) = tool / `{base.name}` (above 1: Ferry is faster)")
    print("[n aws] = the median in `aws lambda list-functions` calls "
          f"({yardstick:.2f} s each here): the issue's yardstick")
    print(f"{'scenario':24}" + "".join(f"{c.name:>34}" for c in copies))
    for scenario in SCENARIOS:
        f = median(base.times[scenario])
        cells = []
        for c in copies:
            value = median(c.times[scenario])
            ratio = f" ({value / f:.1f}x)" if value is not None and f and c is not base else ""
            probe = "" if scenario == "noop" or not c.probes[scenario] else \
                (" fresh" if all(s == "updated" for s in c.probes[scenario]) else " STALE")
            calls = f" [{value / yardstick:.1f} aws]" if value is not None and yardstick else ""
            cells.append("n/a" if value is None else f"{value:.2f}{ratio}{calls}{probe}")
        print(f"{LABELS[scenario]:24}" + "".join(f"{cell:>34}" for cell in cells))
    for c in copies:
        if c.error:
            print(f"{c.name} failed; its remaining cells are n/a:\n{c.error}")


def write_markdown(path: str, label: str, copies: list, yardstick: float, awscli: list, ten: int) -> None:
    """The table as Markdown: per scenario and tool, median [in awscli calls] (every run) and freshness."""
    lines = [f"**{label}**", "",
             "| scenario | " + " | ".join(c.name + (" (`--resource-id` for one function)" if c.one_resource else "")
                                        for c in copies) + " |",
             "|---|" + "---|" * len(copies),
             f"| yardstick: one `aws lambda list-functions` | {yardstick:.2f} s "
             f"({', '.join(f'{t:.2f}' for t in awscli)}) |" + " |" * (len(copies) - 1)]
    for scenario in SCENARIOS:
        if not any(c.times[scenario] for c in copies):
            continue
        cells = []
        for c in copies:
            times = c.times[scenario]
            if not times:
                cells.append("failed" if c.error else "n/a")
                continue
            value = median(times)
            probe = "" if scenario == "noop" or not c.probes[scenario] else \
                (", fresh" if all(s == "updated" for s in c.probes[scenario]) else ", **STALE**")
            cells.append(f"{value:.2f} s [{value / yardstick:.1f}x] ({', '.join(f'{t:.2f}' for t in times)}){probe}")
        name = f"{ten} functions changed" if scenario == "ten" else LABELS[scenario]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for c in copies:
        if c.error:
            lines.append("")
            lines.append(f"{c.name} failed: `{c.error.splitlines()[0][:300]}`")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"markdown: {path}")


def write_results(args, copies: list, has_up: bool, awscli: list) -> None:
    data = {
        "aws_list_functions": {"times": awscli, "median": median(awscli)},
        "label": args.label, "kind": args.kind, "functions": args.functions, "runs": args.runs,
        "ferry_command": args.ferry_command, "ferry_up": has_up,
        "machine": {"cores": os.cpu_count(), "loadavg_end": open("/proc/loadavg").read().split()[:3]},
        "tools": {c.name: {"stack": c.stack, "error": c.error, "functions": len(c.functions),
                           "scenarios": {s: {"times": c.times[s], "parts": c.parts[s], "median": median(c.times[s]),
                                             "probe": c.probes[s]} for s in SCENARIOS}} for c in copies},
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
    with open(args.results, "w") as f:
        json.dump(data, f, indent=2)
    print(f"results: {args.results}")


if __name__ == "__main__":
    sys.exit(main())
