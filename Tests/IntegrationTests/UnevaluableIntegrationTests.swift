import AWSCore
import AWSServices
import Foundation
import Testing

extension Integration {
    /// A state machine whose substitutions read another stack's output (`!GetAtt Shared.Outputs.Value`)
    /// cannot be evaluated locally: it alone goes through CloudFormation; the other one is hot-swapped.
    @Suite struct UnevaluableResources {
        static let bucket = "ferry-unevaluable-artifacts"

        static func toml(_ stack: String) -> String {
            """
            [artifacts]
            bucket = "\(bucket)"
            prefix = "\(stack)"

            [env.dev]
            stack_name = "\(stack)"
            region = "eu-central-1"
            capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]

            """
        }

        static func definition(_ comment: String) -> String {
            #"{"Comment": "\#(comment)", "StartAt": "Done", "States": {"Done": {"Type": "Pass", "Result": "${Value}", "End": true}}}"#
        }

        @Test func onlyTheResourceThatNeedsCloudFormationGoesThroughIt() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let app = try TemporaryFolder("ferry-unevaluable")
            try app.write("ferry.toml", Self.toml("flows"))
            try app.write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Version: '2012-10-17'
                        Statement: [{Effect: Allow, Principal: {Service: [states.amazonaws.com]}, Action: sts:AssumeRole}]
                  Local:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: local.asl.json
                      Role: !GetAtt Role.Arn
                      DefinitionSubstitutions: {Value: !Sub '${AWS::StackName}-local'}
                  Imported:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: imported.asl.json
                      Role: !GetAtt Role.Arn
                      DefinitionSubstitutions: {Value: !GetAtt Shared.Outputs.Value}
                  Shared:
                    Type: AWS::CloudFormation::Stack
                    Properties: {TemplateURL: shared.yaml}

                """)
            try app.write("shared.yaml", """
                Resources:
                  Topic: {Type: AWS::SNS::Topic}
                Outputs:
                  Value: {Value: shared-42}

                """)
            try app.write("local.asl.json", Self.definition("v1"))
            try app.write("imported.asl.json", Self.definition("v1"))
            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: app.url, environment: env.variables)
            }
            let up = try await ferry(["up", "--yes", "--json"])
            #expect(up.stdout.contains("stack flows is CREATE_COMPLETE"), "\(up.output)")

            let idle = try await ferry(["plan", "--exit-code", "--json"])
            #expect(idle.exitCode == 0, "an unchanged template: what CloudFormation deployed stands: \(idle.output)")
            #expect(TemplatesAsWritten.plan(idle)?["decision"] as? String == "upToDate", "\(idle.output)")
            let notes = TemplatesAsWritten.plan(idle)?["notes"] as? [String] ?? []
            #expect(notes.contains { $0.contains("Root/Imported") && $0.contains("Fn::GetAtt Shared.Outputs.Value") }, "\(notes)")

            try app.write("local.asl.json", Self.definition("v2"))
            try app.write("imported.asl.json", Self.definition("v2"))
            let changed = try await ferry(["plan", "--exit-code", "--json"])
            #expect(TemplatesAsWritten.plan(changed)?["decision"] as? String == "cloudFormation", "\(changed.output)")
            let reasons = TemplatesAsWritten.plan(changed)?["reasons"] as? [[String: Any]] ?? []
            #expect(reasons.compactMap { $0["logicalID"] as? String } == ["Imported"], "\(changed.output)")
            #expect((reasons.first?["message"] as? String)?.contains("cannot be evaluated locally") == true, "\(changed.output)")
            #expect(TemplatesAsWritten.operations(changed) == ["Root/Local"], "\(changed.output)")

            try await env.clearJournal()
            let update = try await ferry(["update"])
            #expect(update.exitCode == 1, "\(update.output)")
            #expect(update.stderr.contains("Root/Imported"), "\(update.output)")
            let updates = try await env.journal().filter { $0.operation == "UpdateStateMachine" }
            #expect(updates.count == 1, "only Root/Local is hot-swapped: \(updates)")
        }
    }
}
