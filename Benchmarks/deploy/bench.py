"""Deploy scenario: first deploy, no-op deploy, one template change; Ferry vs awscli vs SAM CLI."""

import argparse
import json
import os
import re
import shutil
import subprocess
import time

PARAMETERS = ["IDPPattern=Pattern2", "LogLevel=DEBUG", "MaxConcurrentWorkflows=20",
              "DataRetentionInDays=30", "AdminEmail=dev-team@example.com"]
CAPABILITIES = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]


def timed(command, cwd):
    start = time.monotonic()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        print(f"  ! {' '.join(command[:3])} exited {result.returncode}: {(result.stderr or result.stdout)[-400:]}")
        return None
    return elapsed


def bucket(app):
    summary = json.load(open(os.path.join(app, ".ferry/package/package.json")))
    return summary["bucket"]


def sam_template(packaged):
    """The packaged template with its nested TemplateURLs written as S3 URLs SAM CLI leaves alone.

    `sam deploy` packages the template it is given again; a TemplateURL counts as already uploaded only
    when it looks like an S3 URL (samcli's `is_s3_url`: `https://s3.amazonaws.com/BUCKET/KEY` and the
    like), so the emulator's `http://localhost:PORT/BUCKET/KEY` is taken for a missing local file. moto
    reads `https://s3.amazonaws.com/BUCKET/KEY` from its own S3 (path style), so the same objects deploy.
    Only the root template needs this: SAM does not open templates that are already in S3.
    """
    text = open(packaged).read()
    text = re.sub(r"http://(?:localhost|127\.0\.0\.1):\d+/", "https://s3.amazonaws.com/", text)
    path = os.path.join(os.path.dirname(packaged), "packaged-sam.yaml")
    open(path, "w").write(text)
    return path


def change_template(app, ferry):
    """One property change in the nested reporting stack, then package again."""
    path = os.path.join(app, "patterns/pattern-2/reporting/template.yaml")
    text = open(path).read()
    open(path, "w").write(re.sub(r"RetentionInDays: \d+", "RetentionInDays: 30", text))
    subprocess.run([ferry, "package"], cwd=app, check=True, capture_output=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ferry", required=True)
    parser.add_argument("--sam", required=True)
    parser.add_argument("--app", required=True)
    parser.add_argument("--results", help="JSON file that receives every time")
    args = parser.parse_args()
    app, ferry = args.app, args.ferry
    packaged = os.path.join(app, ".ferry/package/packaged.yaml")
    b = bucket(app)

    def ferry_deploy():
        return timed([ferry, "deploy", "--yes"], app)

    def aws_deploy(stack):
        return lambda: timed(["aws", "cloudformation", "deploy", "--template-file", packaged, "--stack-name", stack,
                              "--s3-bucket", b, "--capabilities", *CAPABILITIES, "--no-fail-on-empty-changeset",
                              "--parameter-overrides", "Environment=awscli", *PARAMETERS], app)

    def sam_deploy(stack):
        return lambda: timed([args.sam, "deploy", "--template-file", sam_template(packaged), "--stack-name", stack, "--s3-bucket", b,
                              "--capabilities", *CAPABILITIES, "--no-confirm-changeset", "--no-fail-on-empty-changeset",
                              "--parameter-overrides", "Environment=sam", *PARAMETERS], app)

    tools = [("ferry deploy", ferry_deploy), ("aws cloudformation deploy", aws_deploy("bench-awscli"))]
    if os.environ.get("NO_SAM") != "1" and (shutil.which(args.sam) or os.path.exists(args.sam)):
        tools.append(("sam deploy", sam_deploy("bench-sam")))
    else:
        print(f"  (sam deploy left out: NO_SAM=1 or no sam at {args.sam})")

    results = {name: {} for name, _ in tools}
    for scenario in ("first deploy", "no-op deploy"):
        for name, run in tools:
            results[name][scenario] = run()
    change_template(app, ferry)
    for name, run in tools:
        results[name]["one change"] = run()

    print(f"\n{'scenario':<16}" + "".join(f"{name:>28}" for name, _ in tools))
    for scenario in ("first deploy", "no-op deploy", "one change"):
        base = results["ferry deploy"].get(scenario)
        cells = []
        for name, _ in tools:
            value = results[name].get(scenario)
            ratio = f" ({value / base:.1f}x)" if value and base and name != "ferry deploy" else ""
            cells.append(f"{value:.2f} s{ratio}" if value is not None else "failed")
        print(f"{scenario:<16}" + "".join(f"{cell:>28}" for cell in cells))
    if args.results:
        os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
        with open(args.results, "w") as f:
            json.dump({"machine": {"cores": os.cpu_count(), "loadavg_end": open("/proc/loadavg").read().split()[:3]},
                       "seconds": results}, f, indent=2)
        print(f"results: {args.results}")


if __name__ == "__main__":
    main()
