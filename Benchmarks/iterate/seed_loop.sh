#!/usr/bin/env bash
# The seed's force-update-lambdas.sh, reduced to its loop: for EVERY function, one at a time, find
# the physical name (`aws cloudformation describe-stack-resource` in the stack that declares it),
# `aws lambda update-function-code --zip-file fileb://ZIP`, then `aws lambda wait function-updated`.
# Usage: seed_loop.sh LIST   LIST has one line per function: STACK_NAME LOGICAL_ID ZIP_PATH
# (the seed hard-codes its list and nested stack name; bench.py writes LIST from the build manifest).
# Uses AWS_ENDPOINT_URL and the credentials in the environment. Not part of the test suite.
set -euo pipefail
list="$1"
while read -r stack logical zip; do
  [[ -z "$stack" ]] && continue
  name="$(aws cloudformation describe-stack-resource --stack-name "$stack" --logical-resource-id "$logical" \
    --query StackResourceDetail.PhysicalResourceId --output text)"
  aws lambda update-function-code --function-name "$name" --zip-file "fileb://$zip" >/dev/null
  aws lambda wait function-updated --function-name "$name"
done < "$list"
