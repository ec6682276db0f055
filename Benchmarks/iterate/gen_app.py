#!/usr/bin/env python3
"""Writes a deterministic SAM app of N Python functions that all install one shared local library.

Usage: gen_app.py N OUT_DIR [--nested COUNT] [--deps]
Layout (the same bytes for the same arguments):
  template.yaml            root stack: functions fn001.. and, when COUNT > 0, the nested stack `Services`
  nested/template.yaml     nested stack: the last COUNT functions (default: half of them, N // 2)
  src/fnNNN/app.py         one handler per function, importing the shared library
  src/fnNNN/requirements.txt
                           `./lib/shared` (root functions) or `../lib/shared` (nested functions): local
                           paths relative to the declaring template's folder, as in the example app;
                           with --deps also real PyPI packages (REAL_DEPS: requests, pydantic, PyYAML)
  lib/shared/              the shared package `shared_lib` (setuptools, no dependencies)
  ferry.toml               env `dev` (stack gen-N-dev, hotswap on)
Standard library only. Not part of the test suite.
"""
import argparse
import os
import sys

SHARED_INIT = '''"""Shared helpers every generated function installs from lib/shared."""

VERSION = "1.0.0"


def greet(name: str) -> dict:
    """Returns the payload every generated handler answers with."""
    return {"message": f"hello from {name}", "shared": VERSION}
'''

PYPROJECT = '''[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "shared_lib"
version = "1.0.0"
description = "Shared library of the generated benchmark app."
requires-python = ">=3.9"
dependencies = []

[tool.setuptools]
packages = ["shared_lib"]
'''

HANDLER = '''"""Generated function {name}."""
from shared_lib import greet


def handler(event, context):
    """Answers with the shared greeting."""
    return greet("{name}")
'''

REAL_DEPS = ["requests==2.32.3", "pydantic==2.9.2", "PyYAML==6.0.2"]

FERRY_TOML = '''# Generated benchmark app ({count} functions); see Benchmarks/iterate/gen_app.py.
template = "template.yaml"

[artifacts]
bucket = "ferry-bench-artifacts-{{account}}-{{region}}"
prefix = "gen{count}/{{env}}"

[env.dev]
stack_name = "gen-{count}-dev"
region = "eu-central-1"
capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]
hotswap = true
'''


def function_resource(name: str, code_uri: str) -> str:
    logical = "Fn" + name[2:]
    return (f"  {logical}:\n"
            f"    Type: AWS::Serverless::Function\n"
            f"    Properties:\n"
            f"      CodeUri: {code_uri}\n"
            f"      Handler: app.handler\n")


def template(description: str, resources: list) -> str:
    return ("AWSTemplateFormatVersion: '2010-09-09'\n"
            "Transform: AWS::Serverless-2016-10-31\n"
            f"Description: '{description}'\n"
            "Globals:\n"
            "  Function:\n"
            "    Runtime: python3.12\n"
            "    MemorySize: 128\n"
            "    Timeout: 10\n"
            "Resources:\n" + "".join(resources))


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def generate(count: int, out: str, nested: int, deps: bool = False) -> None:
    names = [f"fn{i:03d}" for i in range(1, count + 1)]
    root_names, nested_names = names[:count - nested], names[count - nested:]
    write(os.path.join(out, "lib/shared/pyproject.toml"), PYPROJECT)
    write(os.path.join(out, "lib/shared/shared_lib/__init__.py"), SHARED_INIT)
    for name in names:
        write(os.path.join(out, "src", name, "app.py"), HANDLER.format(name=name))
        requirement = "./lib/shared" if name in root_names else "../lib/shared"
        lines = [requirement] + (REAL_DEPS if deps else [])
        write(os.path.join(out, "src", name, "requirements.txt"), "\n".join(lines) + "\n")
    root = [function_resource(n, f"src/{n}") for n in root_names]
    if nested_names:
        root.append("  Services:\n"
                    "    Type: AWS::CloudFormation::Stack\n"
                    "    Properties:\n"
                    "      TemplateURL: ./nested/template.yaml\n")
        write(os.path.join(out, "nested/template.yaml"),
              template(f"Generated benchmark app: {len(nested_names)} nested functions.",
                       [function_resource(n, f"../src/{n}") for n in nested_names]))
    write(os.path.join(out, "template.yaml"),
          template(f"Generated benchmark app: {count} Python functions sharing lib/shared.", root))
    write(os.path.join(out, "ferry.toml"), FERRY_TOML.format(count=count))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, help="number of functions")
    parser.add_argument("out", help="folder to write (created)")
    parser.add_argument("--nested", type=int, help="functions in the nested stack (default: count // 2)")
    parser.add_argument("--deps", action="store_true",
                        help="each function also installs " + ", ".join(REAL_DEPS) + " from PyPI")
    args = parser.parse_args()
    nested = args.count // 2 if args.nested is None else args.nested
    if args.count < 1 or not 0 <= nested <= args.count:
        parser.error("need count >= 1 and 0 <= nested <= count")
    generate(args.count, args.out, nested, args.deps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
