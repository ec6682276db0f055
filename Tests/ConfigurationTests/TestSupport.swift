import Foundation
import Testing
@testable import Configuration

/// A fresh temporary project directory, with the given files written into it.
func makeProject(_ files: [String: String] = [:]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("ferry-config-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, text) in files {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return directory
}

/// Loads `text` as the project's ferry.toml and returns the error it must raise, and the file path.
func ferryTomlError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (ConfigurationError, String) {
    let directory = try makeProject(["ferry.toml": text])
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("ferry.toml").path
    do {
        _ = try ProjectConfiguration.load(directory: directory)
    } catch let error as ConfigurationError {
        return (error, file)
    }
    Issue.record("expected a ConfigurationError", sourceLocation: sourceLocation)
    throw CancellationError()
}

/// The FiscalShield IDP configuration (the seed app's real values), as a user would write it.
let fiscalShieldFerryToml = """
# FiscalShield IDP: what publish.py + deploy-pattern2-dev.sh hard-coded.
template = "template.yaml"

[artifacts]
bucket = "fiscalshield-templates-{region}"
prefix = "fiscalshield/{env}"

[build]
concurrency = 4

[build.commands]
ReportingFunction = "make -C src/reporting build"

[env.dev]
stack_name = "fiscalshield-idp-dev"
region = "eu-central-1"
profile = "dev"
endpoint_url = "http://127.0.0.1:5000"
capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]
approval = "never"

[env.dev.parameters]
AdminEmail = "dev@example.com"
IDPPattern = "Pattern2 - Packet processing with Textract and Bedrock"
MaxConcurrentWorkflows = 100
DataRetentionInDays = 30
LogLevel = "INFO"
EnableHITL = false
WAFAllowedIPv4Ranges = ["10.0.0.0/8", "192.168.0.0/16"]

[env.dev.tags]
Team = "idp"
Environment = "dev"

[env.prod]
stack_name = "fiscalshield-idp-prod"
region = "eu-central-1"
capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]
approval = "required"
termination_protection = true

[env.prod.artifacts]
bucket = "fiscalshield-prod-{account}-{region}"
kms_key_id = "alias/fiscalshield-artifacts"

[env.prod.parameters]
AdminEmail = "ops@example.com"
IDPPattern = "Pattern2 - Packet processing with Textract and Bedrock"
"""
