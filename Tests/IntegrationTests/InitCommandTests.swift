import Foundation
import Testing

/// `ferry init` through the real binary (no AWS needed).
@Suite struct InitCommandTests {
    @Test func writesACommentedFerryTomlSeededFromSamconfigAndNeverOverwrites() async throws {
        let project = try TemporaryFolder("ferry-init")
        try project.write("template.yaml", "Transform: AWS::Serverless-2016-10-31\nResources: {}\n")
        try project.write("samconfig.toml", """
            version = 0.1
            [default.deploy.parameters]
            stack_name = "legacy-app"
            region = "eu-west-1"
            capabilities = "CAPABILITY_IAM"
            parameter_overrides = "Stage=dev LogLevel=\\"DEBUG\\""
            """)
        let env = ["HOME": project.url.path, "NO_COLOR": "1"]
        let first = try await FerryRun.run(["init"], in: project.url, environment: env)
        #expect(first.exitCode == 0, "\(first.output)")
        let text = try String(contentsOf: project.url.appendingPathComponent("ferry.toml"), encoding: .utf8)
        #expect(text.contains("stack_name = \"legacy-app\""))
        #expect(text.contains("eu-west-1"))
        #expect(text.contains("LogLevel"))
        #expect(text.contains("#"))  // commented

        let second = try await FerryRun.run(["init"], in: project.url, environment: env)
        #expect(second.exitCode == 64, "\(second.output)")
        #expect(second.stderr.contains("--force"), "\(second.output)")
        let unchanged = try String(contentsOf: project.url.appendingPathComponent("ferry.toml"), encoding: .utf8)
        #expect(unchanged == text)

        // The written file is a valid configuration: doctor reads it (its AWS checks may fail here)
        // and warns that samconfig.toml is now ignored.
        let doctor = try await FerryRun.run(["doctor", "--json"], in: project.url, environment: env)
        let configuration = try #require(doctor.jsonLines.first { ($0["data"] as? [String: Any])?["id"] as? String == "configuration" }?["data"] as? [String: Any])
        #expect(configuration["status"] as? String == "warning", "\(doctor.output)")
        #expect((configuration["detail"] as? String)?.contains("stack legacy-app") == true)
        #expect((configuration["fix"] as? String)?.contains("samconfig.toml") == true)
    }
}
