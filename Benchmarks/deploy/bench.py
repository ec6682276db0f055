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
        return lambda: timed([args.sam, "deploy", "--template-file", packaged, "--stack-name", stack, "--s3-bucket", b,
                              "--capabilities", *CAPABILITIES, "--no-confirm-changeset", "--no-fail-on-empty-changeset",
                              "--parameter-overrides", "Environment=sam", *PARAMETERS], app)

    tools = [("ferry deploy", ferry_deploy), ("aws cloudformation deploy", aws_deploy("bench-awscli"))]
    if os.environ.get("WITH_SAM") and (shutil.which(args.sam) or os.path.exists(args.sam)):
        tools.append(("sam deploy", sam_deploy("bench-sam")))
    else:
        print("  (sam deploy left out: against the emulator it re-packages the nested TemplateURLs and rejects\n"
              "   their http://localhost S3 URLs; set WITH_SAM=1 to try it against real AWS endpoints)")

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


if __name__ == "__main__":
    main()
