extension FerryTomlWriter {
    /// Renders one `[env.NAME]` table with its parameters and tags.
    func render(_ env: EnvironmentConfiguration, isPrimary: Bool, shared: ArtifactSettings, into out: inout FerryTomlText) {
        let header = "env.\(TOMLText.key(env.name))"
        out.line("[\(header)]")
        out.comment("The CloudFormation stack this environment deploys to (required).")
        out.line("stack_name = \(TOMLText.string(env.stackName))")
        out.comment("AWS region; when omitted, AWS_REGION or the profile's region is used.")
        out.optional("region", env.region.map(TOMLText.string), example: "\"eu-central-1\"")
        out.comment("AWS profile from ~/.aws/config; when omitted, the default credential chain is used.")
        out.optional("profile", env.profile.map(TOMLText.string), example: "\"\(env.name)\"")
        out.comment("A custom AWS endpoint, e.g. a local emulator.")
        out.optional("endpoint_url", env.endpointURL.map { TOMLText.string($0.absoluteString) }, example: "\"http://127.0.0.1:5000\"")
        out.comment("Capabilities to acknowledge: CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND.")
        out.line("capabilities = \(TOMLText.stringArray(env.capabilities))")
        out.comment("Hot-swap code-only changes without CloudFormation (default: true; false for prod/production).")
        out.line("hotswap = \(env.policy.hotswap)")
        out.comment("Ask before applying changes: \"required\" (always), \"never\", or \"tty\" (when run in a terminal).")
        out.line("approval = \(TOMLText.string(env.policy.approval.rawValue))")
        out.comment("Protect the stack from deletion.")
        out.line("termination_protection = \(env.policy.terminationProtection)")

        let artifacts = env.artifacts
        if !isPrimary, artifacts.bucket != shared.bucket || artifacts.prefix != shared.prefix || artifacts.kmsKeyID != shared.kmsKeyID
            || artifacts.isManaged != shared.isManaged {
            out.blank()
            out.comment("This environment's own artifact location (overrides [artifacts]).")
            out.line("[\(header).artifacts]")
            if let bucket = artifacts.bucket { out.line("bucket = \(TOMLText.string(bucket.rawValue))") }
            if artifacts.isManaged { out.line("resolve_s3 = true") }
            out.line("prefix = \(TOMLText.string(artifacts.prefix.rawValue))")
            if let key = artifacts.kmsKeyID { out.line("kms_key_id = \(TOMLText.string(key))") }
        }

        out.blank()
        out.comment("Stack parameters, passed to CloudFormation in this order. Numbers and booleans")
        out.comment("are passed as text; an array becomes a comma-separated list.")
        out.line("[\(header).parameters]")
        if env.parameters.isEmpty { out.comment("AdminEmail = \"you@example.com\"") }
        for pair in env.parameters { out.line("\(TOMLText.key(pair.key)) = \(TOMLText.string(pair.value))") }

        out.blank()
        out.comment("Tags applied to the stack and every resource that supports them.")
        out.line("[\(header).tags]")
        if env.tags.isEmpty { out.comment("Team = \"platform\"") }
        for pair in env.tags { out.line("\(TOMLText.key(pair.key)) = \(TOMLText.string(pair.value))") }
    }
}
