# Sourced by scripts/demo.sh --real-app: the seed app (GenAI IDP Accelerator) with only a
# samconfig.toml added, from nothing to hot-swaps. Needs $root, $ferry, $real_app, step, timed.

if [[ "$real_app" == "$root/Tests/Fixtures/idp-app" ]]; then
    echo "app: the trimmed copy of the GenAI IDP Accelerator in Tests/Fixtures/idp-app (MIT-0)"
else
    echo "app: $real_app (your copy; the demo works on a copy of it and never edits it)"
fi
app="$(mktemp -d "${TMPDIR:-/tmp}/ferry-demo-idp.XXXXXX")/idp-accelerator"
cp -R "$real_app" "$app"
rm -rf "$app/.ferry" "$app/samconfig.toml"
cd "$app"

step "The only file added: samconfig.toml, as sam deploy --guided writes it (Pattern 2)"
cat > samconfig.toml <<'TOML'
version = 0.1

[default.deploy.parameters]
stack_name = "idp"
resolve_s3 = true
capabilities = "CAPABILITY_IAM CAPABILITY_AUTO_EXPAND CAPABILITY_NAMED_IAM"
parameter_overrides = "AdminEmail=\"admin@example.com\" IDPPattern=\"Pattern2 - Packet processing with Textract and Bedrock\""
TOML
cat samconfig.toml

step "ferry up — from nothing: build every function Pattern 2 deploys (pip downloads cached under .ferry/), package into the managed bucket, deploy the root and nested stacks, verify"
timed "$ferry" up --yes

step "ferry verify — every function, state machine and AppSync resource runs the local build"
timed "$ferry" verify

step "Edit one handler (Pattern 2's classification function): ferry up hot-swaps exactly that one, no change set"
echo "# edited by the demo at $(date -u +%H:%M:%S)" >> patterns/pattern-2/src/classification_function/index.py
timed "$ferry" up --yes

step "Edit lib/idp_common_pkg: ferry up rebuilds and hot-swaps exactly the functions that install it"
echo "# edited by the demo at $(date -u +%H:%M:%S)" >> lib/idp_common_pkg/idp_common/__init__.py
timed "$ferry" up --yes

step "ferry verify"
timed "$ferry" verify

echo
echo "Demo finished: the GenAI IDP Accelerator (Pattern 2) runs on the local emulator (${AWS_ENDPOINT_URL})"
echo "and everything that runs there is exactly what was built."
