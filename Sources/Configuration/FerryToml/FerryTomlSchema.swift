/// The keys ferry.toml accepts, per table. Adding a key means adding it here and reading it in
/// `FerryTomlReader`; anything not listed is rejected with a "did you mean" suggestion.
///
/// ```toml
/// template = "template.yaml"            # optional; default template.yaml, then template.yml
///
/// [artifacts]                           # shared by every environment
/// bucket = "fiscalshield-templates-{region}"   # placeholders: {region} {account} {env}
/// prefix = "fiscalshield/{env}"         # optional; default: bucket root
/// kms_key_id = "alias/ferry"            # optional; default SSE-S3 (AES256)
/// resolve_s3 = true                     # optional; without bucket: SAM's or Ferry's managed bucket
/// noncurrent_version_days = 30          # optional; a bucket Ferry creates expires noncurrent versions after N days
///
/// [build]                               # optional
/// concurrency = 4                       # builds at once
/// [build.commands]                      # custom build command per logical ID
/// ReportsFunction = "make build-ReportsFunction"
///
/// [env.dev]                             # one table per environment
/// stack_name = "fiscalshield-idp-dev"   # required
/// region = "eu-central-1"               # optional (else AWS config)
/// profile = "dev"                       # optional
/// endpoint_url = "http://127.0.0.1:5000"  # optional
/// capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]
/// hotswap = true                        # default: true, false for env prod/production
/// approval = "tty"                      # required | never | tty (default tty)
/// termination_protection = false       # default false
/// before_deploy = ["pytest -q tests/unit"]  # gates: shell commands that must pass first
/// gate_timeout = 600                    # seconds per gate (default 600)
/// notify = ["${SLACK_WEBHOOK}"]         # webhook URLs; ${VAR} expanded when sending
/// [env.prod.traffic]                  # optional: shift aliases gradually (docs/operate.md)
/// strategy = "canary:10:5m"             # canary:PCT:WAIT | linear:PCT:EVERY | all-at-once
/// alarms = ["orders-5xx"]               # CloudWatch alarms; any in ALARM rolls back
/// functions = ["OrdersFunction"]        # optional; default every function with an alias
/// [cache]
/// write = false                         # remote build cache: read entries, never write them
/// [env.dev.artifacts]                   # optional per-environment override of [artifacts]
/// [env.dev.parameters]                  # stack parameters, in order
/// [env.dev.tags]                        # stack tags
/// [env.dev.invoke]                      # `ferry verify --invoke`: event file per function
/// ```
enum FerryTomlSchema {
    static let topLevelKeys = ["template", "artifacts", "build", "cache", "images", "env"]
    /// `[cache]`: the remote build cache in the artifact bucket.
    static let cacheKeys = ["write"]
    static let artifactKeys = ["bucket", "prefix", "kms_key_id", "resolve_s3", "noncurrent_version_days"]
    static let buildKeys = ["concurrency", "commands"]
    /// `[images]` keys (see `ImageSettings`).
    static let imageKeys = ["repository", "repositories", "bases"]
    /// Per-environment keys. Later additions (before_deploy gates, notifications) go here.
    static let environmentKeys = [
        "stack_name", "region", "profile", "endpoint_url", "capabilities", "hotswap", "approval",
        "termination_protection", "artifacts", "parameters", "tags", "before_deploy", "gate_timeout", "notify",
        "traffic",
        "invoke",
    ]
    /// Keys of `[env.<name>.traffic]`.
    static let trafficKeys = ["strategy", "alarms", "functions", "watch_errors", "error_threshold"]
    /// Where a key misplaced at the top level belongs.
    static let topLevelElsewhere: [String: String] = {
        var map = Dictionary(uniqueKeysWithValues: environmentKeys.map { ($0, "env.<name>.\($0)") })
        for key in artifactKeys { map[key] = "artifacts.\(key)" }
        for key in buildKeys { map[key] = "build.\(key)" }
        return map
    }()
    /// Where a key misplaced in an `[env.<name>]` table belongs.
    static let environmentElsewhere: [String: String] = Dictionary(
        uniqueKeysWithValues: artifactKeys.map { ($0, "artifacts.\($0)") })
    /// The capabilities CloudFormation knows.
    static let capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]
    /// The default template names, tried in order.
    static let defaultTemplates = ["template.yaml", "template.yml"]
}
