#!/usr/bin/env python3
"""Cold build of the seed's app: `ferry build` (time and peak RSS) against `sam build --parallel`.

The app is the tests' fixture copy of the GenAI IDP Accelerator (Tests/Fixtures/idp-app: root
template, Pattern 2, the two options stacks, `lib/idp_common_pkg`; MIT-0, see its NOTICE.md) with
the samconfig.toml its integration test adds. Each run starts from an empty `.ferry` / `.aws-sam`.

  ferry   `ferry build --clean` at the root (it builds the root and every nested template), under
          `/usr/bin/time -v` for the wall time and the maximum resident set size
  sam     the seed's pattern: `sam build --parallel` in each nested template's folder (the options,
          then Pattern 2), then at the root, one after the other, each under `/usr/bin/time -v`
          (time: the sum; RSS: the largest; after each folder a stand-in `.aws-sam/packaged.yaml`,
          which the root template names and the seed's `sam package` would write, see
          PACKAGED_STAND_IN). SAM's copy sits at DIR/x/y/app with `lib` symlinks
          where the templates' `../../lib/...` paths land from SAM's working folders.

Prints the figures and writes a Markdown table (--markdown). When SAM cannot build, the table says
exactly why (SAM's last output lines). Not part of the test suite: nothing is asserted.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

SAMCONFIG = """version = 0.1

[default.deploy.parameters]
stack_name = "idp"
resolve_s3 = true
capabilities = "CAPABILITY_IAM CAPABILITY_AUTO_EXPAND CAPABILITY_NAMED_IAM"
parameter_overrides = "AdminEmail=\\"admin@example.com\\" IDPPattern=\\"Pattern2 - Packet processing with Textract and Bedrock\\""
"""
# The seed builds each nested template in its own folder before the root (its publish script's order).
SAM_FOLDERS = ["options/bda-lending-project", "options/bedrockkb", "patterns/pattern-2", "."]
# The root template names each nested stack by `<folder>/.aws-sam/packaged.yaml`, which the seed's
# `sam package` (S3) writes after each folder's build: its functions are packaged, so the root build
# does not build them again. This stand-in (no functions) lets the root build run without S3.
PACKAGED_STAND_IN = """AWSTemplateFormatVersion: '2010-09-09'
Description: stand-in for the packaged nested template (its functions were built in its own folder)
Resources:
  Packaged:
    Type: AWS::CloudFormation::WaitConditionHandle
"""


def timed(cmd, cwd, env=None):
    """Runs `cmd` under /usr/bin/time -v: (seconds, max RSS in KB, exit code, output tail)."""
    proc = subprocess.run(["/usr/bin/time", "-v", *cmd], cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    out = proc.stdout
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out)[1])
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", out)[1]
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    report = out.rfind("\tCommand being timed:")
    lines = [line for line in out[:report if report >= 0 else len(out)].strip().splitlines()
             if not line.startswith("Command exited with non-zero status")]
    tail = "\n".join(lines[-15:])
    return seconds, rss, proc.returncode, tail


def copy_app(fixture: str, app: str) -> None:
    shutil.copytree(fixture, app, ignore=shutil.ignore_patterns("__pycache__", ".aws-sam", ".ferry"))
    with open(os.path.join(app, "samconfig.toml"), "w") as f:
        f.write(SAMCONFIG)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ferry", required=True)
    p.add_argument("--sam", help="the sam executable (omit: Ferry only)")
    p.add_argument("--fixture", required=True, help="Tests/Fixtures/idp-app")
    p.add_argument("--work", required=True)
    p.add_argument("--runs", type=int, default=1)
    p.add_argument("--sam-missing", default="", help="why there is no sam (printed in the table)")
    p.add_argument("--markdown", required=True)
    args = p.parse_args()

    ferry_app = os.path.join(args.work, "ferry", "app")
    copy_app(args.fixture, ferry_app)
    sam_root = os.path.join(args.work, "sam")
    sam_app = os.path.join(sam_root, "x", "y", "app")
    if args.sam:
        copy_app(args.fixture, sam_app)
        os.symlink("app/lib", os.path.join(sam_root, "x", "y", "lib"))
        os.symlink("y/app/lib", os.path.join(sam_root, "x", "lib"))
        os.symlink("x/y/app/lib", os.path.join(sam_root, "lib"))

    ferry_runs, sam_runs, sam_error = [], [], args.sam_missing or None
    for i in range(args.runs):
        shutil.rmtree(os.path.join(ferry_app, ".ferry"), ignore_errors=True)
        seconds, rss, code, tail = timed([args.ferry, "build", "--clean"], ferry_app)
        if code != 0:
            print(f"ferry build failed (exit {code}):\n{tail}")
            return 1
        ferry_runs.append((seconds, rss))
        print(f"  ferry build --clean run {i + 1}: {seconds:.1f} s, peak RSS {rss / 1024:.0f} MB", flush=True)
        if args.sam and sam_error is None:
            total, peak = 0.0, 0
            for folder in SAM_FOLDERS:
                cwd = os.path.join(sam_app, folder)
                shutil.rmtree(os.path.join(cwd, ".aws-sam"), ignore_errors=True)
                seconds, rss, code, tail = timed([args.sam, "build", "--parallel"], cwd)
                if code != 0:
                    sam_error = f"`sam build --parallel` in {folder} exited with {code}: {tail.splitlines()[-1] if tail else ''}"
                    print(f"  sam build --parallel failed in {folder}:\n{tail}", flush=True)
                    break
                total += seconds
                peak = max(peak, rss)
                if folder != ".":
                    with open(os.path.join(cwd, ".aws-sam", "packaged.yaml"), "w") as f:
                        f.write(PACKAGED_STAND_IN)
            if sam_error is None:
                sam_runs.append((total, peak))
                print(f"  sam build --parallel (4 folders) run {i + 1}: {total:.1f} s, peak RSS {peak / 1024:.0f} MB",
                      flush=True)

    def cell(runs):
        if not runs:
            return "n/a"
        t = statistics.median(r[0] for r in runs)
        m = max(r[1] for r in runs)
        return f"{t:.1f} s ({', '.join(f'{r[0]:.1f}' for r in runs)}); peak RSS {m / 1024:.0f} MB"

    lines = ["**Cold build of the seed's app** (Tests/Fixtures/idp-app: 27 functions in a root stack, Pattern 2 "
             "and two options stacks; median wall time of the runs, largest peak RSS)", "",
             "| tool | cold build | ratio |", "|---|---|---|",
             f"| `ferry build --clean` | {cell(ferry_runs)} | 1.0x |"]
    if sam_runs:
        ratio = statistics.median(r[0] for r in sam_runs) / statistics.median(r[0] for r in ferry_runs)
        lines.append(f"| `sam build --parallel` (each nested folder, then the root) | {cell(sam_runs)} | {ratio:.1f}x |")
    else:
        lines.append(f"| `sam build --parallel` | not run: {sam_error or 'no sam given'} | |")
    with open(args.markdown, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
