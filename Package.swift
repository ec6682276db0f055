// swift-tools-version: 6.2
// Ferry: build, package, deploy and hot-swap AWS serverless applications.
import Foundation
import PackageDescription

/// The git commit of this checkout, for `ferry --version`: `FERRY_GIT_COMMIT` from the environment
/// (scripts/build-release.sh sets it), else read from `.git` (worktrees and packed refs too)
/// without running git; "unknown" outside a git checkout. SwiftPM caches the manifest's evaluation
/// (keyed by its text and the environment), so a debug build may name the commit of the first
/// build until Package.swift or FERRY_GIT_COMMIT changes; the release script always sets it.
func gitCommit() -> String {
    if let commit = ProcessInfo.processInfo.environment["FERRY_GIT_COMMIT"], !commit.isEmpty { return commit }
    func read(_ url: URL) -> String? {
        (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let root = URL(fileURLWithPath: Context.packageDirectory, isDirectory: true)
    var gitDirectory = root.appendingPathComponent(".git", isDirectory: true)
    if let pointer = read(gitDirectory), pointer.hasPrefix("gitdir:") {
        gitDirectory = URL(fileURLWithPath: String(pointer.dropFirst(7)).trimmingCharacters(in: .whitespaces),
                           isDirectory: true, relativeTo: root)
    }
    guard let head = read(gitDirectory.appendingPathComponent("HEAD")) else { return "unknown" }
    guard head.hasPrefix("ref: ") else { return head }
    let ref = String(head.dropFirst(5))
    var common = gitDirectory
    if let path = read(gitDirectory.appendingPathComponent("commondir")) {
        common = URL(fileURLWithPath: path, isDirectory: true, relativeTo: gitDirectory)
    }
    for directory in [gitDirectory, common] {
        if let commit = read(directory.appendingPathComponent(ref)), !commit.isEmpty { return commit }
    }
    let packed = read(common.appendingPathComponent("packed-refs")) ?? ""
    for line in packed.split(separator: "\n") where line.hasSuffix(" \(ref)") {
        return String(line.prefix { $0 != " " })
    }
    return "unknown"
}

/// Only hex digits reach the C compiler's command line.
let buildCommit = String(gitCommit().filter(\.isHexDigit).prefix(40))

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Ferry",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ferry", targets: ["ferry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    ],
    targets: [
        // Pure SigV4: canonical request, string to sign, signing key. Date injected.
        .target(
            name: "AWSSigV4",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Credentials chain, region/endpoint resolution, transport, middleware, wire protocols.
        .target(
            name: "AWSCore",
            dependencies: ["AWSSigV4", "XMLCoder"],
            swiftSettings: swiftSettings
        ),
        // Thin clients named after the services, request/response shapes as Codable structs.
        .target(
            name: "AWSServices",
            dependencies: ["AWSCore", "AWSSigV4", "XMLCoder", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // ferry.toml and samconfig.toml.
        .target(
            name: "Configuration",
            dependencies: ["TOMLKit", "Yams"],
            swiftSettings: swiftSettings
        ),
        // Template model, YAML/JSON loading with CloudFormation tags, packageable properties.
        .target(
            name: "Templates",
            dependencies: ["Yams"],
            swiftSettings: swiftSettings
        ),
        // Finds local tools (python3.x, pip, node, npm, docker) and runs them.
        .target(
            name: "Toolchains",
            swiftSettings: swiftSettings
        ),
        // The system zlib (Debian zlib1g-dev), used by Builds for raw deflate.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Content hashing, deterministic zip, build keys and the local build cache.
        .target(
            name: "Builds",
            dependencies: [
                "Templates", "Toolchains", "Reporting", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Benchmark helper for Benchmarks/zip_hash (hash and zip a folder, print timings).
        .executableTarget(
            name: "ferry-bench",
            dependencies: ["Builds"],
            path: "Benchmarks/ferry-bench",
            swiftSettings: swiftSettings
        ),
        // Event types every engine emits, and the console / JSON-lines renderers.
        .target(
            name: "Reporting",
            swiftSettings: swiftSettings
        ),
        // Change-set deploys, stack status, event streams, root cause, lock and history.
        .target(
            name: "Deployment",
            dependencies: ["Templates", "AWSServices", "AWSCore", "Configuration", "Reporting", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Detectors per resource type (Lambda code, Step Functions definitions, AppSync code and
        // schema), plan then apply with bounded concurrency, wait, verify, hot-swap records.
        .target(
            name: "Hotswap",
            dependencies: ["Templates", "AWSServices", "AWSCore", "Reporting", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Package plan (content-addressed keys, nested templates bottom-up), uploads, artifact bucket.
        .target(
            name: "Packaging",
            dependencies: [
                "Builds", "Templates", "AWSServices", "AWSCore", "Reporting",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The phases chained, environment policy, and the doctor checks.
        .target(
            name: "Pipeline",
            dependencies: ["Configuration", "Templates", "Builds", "Packaging", "AWSServices", "AWSCore", "Toolchains", "Reporting", "Deployment", "Hotswap"],
            swiftSettings: swiftSettings
        ),
        // The git commit Ferry was built from (`ferry --version`), defined from the manifest.
        .target(
            name: "FerryBuildInfo",
            cSettings: [.define("FERRY_GIT_COMMIT", to: "\"\(buildCommit.isEmpty ? "unknown" : buildCommit)\"")]
        ),
        // swift-argument-parser commands, option groups, exit codes.
        .target(
            name: "FerryCLI",
            dependencies: [
                "Pipeline", "Reporting", "FerryBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ferry",
            dependencies: ["FerryCLI"],
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "AWSSigV4Tests",
            dependencies: ["AWSSigV4"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AWSCoreTests",
            dependencies: ["AWSCore", "AWSSigV4"],
            exclude: ["Credentials/Fixtures", "Fixtures"],  // read through #filePath, not bundled
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AWSServicesTests",
            dependencies: ["AWSServices", "AWSCore", "AWSSigV4"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConfigurationTests",
            dependencies: ["Configuration"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TemplatesTests",
            dependencies: ["Templates"],
            exclude: ["Fixtures"],  // read through #filePath, not bundled
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ToolchainsTests",
            dependencies: ["Toolchains"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DeploymentTests",
            dependencies: ["Deployment", "AWSServices", "AWSCore", "Templates", "Configuration"],
            exclude: ["Fixtures"],  // read through #filePath, not bundled
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HotswapTests",
            dependencies: ["Hotswap", "Templates", "AWSServices", "AWSCore", "Reporting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "Hotswap", "AWSServices", "AWSCore", "Builds", "Configuration", "Deployment", "Reporting", "Templates", "Packaging",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BuildsTests",
            dependencies: ["Builds", "Reporting", "Templates"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PackagingTests",
            dependencies: ["Packaging", "Builds", "Templates", "Reporting", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["Reporting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FerryCLITests",
            dependencies: [
                "FerryCLI", "Pipeline", "Reporting", "Builds", "Deployment", "AWSServices", "Hotswap", "Packaging",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Drives the real `ferry` binary and the engines against the local emulator.
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "FerryCLI", "Pipeline", "AWSServices", "AWSCore", "Hotswap", "Reporting", "Builds", "Deployment", "Packaging",
                "Templates", .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Fixtures/fault_proxy.py"],  // run through #filePath, not bundled
            swiftSettings: swiftSettings
        ),
    ]
)
