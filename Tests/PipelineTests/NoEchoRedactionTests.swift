import Configuration
import Foundation
import Pipeline
import Reporting
import Templates
import Testing

/// NoEcho values (root and nested templates) are known before anything is printed, and masked.
@Suite struct NoEchoRedactionTests {
    static func tree(_ files: [String: String]) throws -> TemplateTree {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("noecho-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try TemplateTree.load(rootTemplate: root.appendingPathComponent("template.yaml"))
    }

    @Test func rootAndNestedNoEchoValuesAreCollected() throws {
        let tree = try Self.tree([
            "template.yaml": """
                Parameters:
                  DbPassword: {Type: String, NoEcho: true}
                  ApiKey: {Type: String, NoEcho: 'true', Default: default-api-key}
                  Stage: {Type: String, Default: dev}
                Resources:
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: child.yaml
                      Parameters:
                        Password: !Ref DbPassword
                        Token: literal-child-token
                        Stage: !Ref Stage
                """,
            "child.yaml": """
                Parameters:
                  Password: {Type: String, NoEcho: true}
                  Token: {Type: String, NoEcho: true}
                  Stage: {Type: String}
                  Hidden: {Type: String, NoEcho: true, Default: child-default-secret}
                Resources:
                  Topic: {Type: AWS::SNS::Topic}
                """,
        ])
        let found = NoEchoValues.collect(tree: tree, parameters: [KeyValue(key: "DbPassword", value: "s3cret-root-pw")])
        #expect(found.names == ["DbPassword", "ApiKey", "Password", "Token", "Hidden"])
        #expect(found.values == ["s3cret-root-pw", "default-api-key", "literal-child-token", "child-default-secret"])
    }

    @Test func valuesAreMaskedInEveryForm() {
        let secrets = SecretValues()
        secrets.add(["p@ss word/1", "abc"])
        #expect(secrets.redact("value p@ss word/1 here") == "value **** here")
        #expect(secrets.redact("ParameterValue=p%40ss%20word%2F1&x=1") == "ParameterValue=****&x=1")
        #expect(secrets.redact(#"{"v":"p@ss word\/1"}"#) == #"{"v":"****"}"#)
        #expect(secrets.redact("abc stays: too short to mask as text") == "abc stays: too short to mask as text")
    }

    @Test func parameterPairsOfNoEchoNamesAreMaskedWhateverTheirValue() {
        let secrets = SecretValues()
        secrets.addNames(["DbPassword"])
        let form = "Action=CreateChangeSet&Parameters.member.1.ParameterKey=DbPassword&Parameters.member.1.ParameterValue=old-value"
            + "&Parameters.member.2.ParameterKey=Stage&Parameters.member.2.ParameterValue=dev"
        #expect(secrets.redact(form) == "Action=CreateChangeSet&Parameters.member.1.ParameterKey=DbPassword&Parameters.member.1.ParameterValue=****"
            + "&Parameters.member.2.ParameterKey=Stage&Parameters.member.2.ParameterValue=dev")
        let xml = "<member><ParameterKey>DbPassword</ParameterKey>\n  <ParameterValue>was-deployed</ParameterValue></member>"
            + "<member><ParameterKey>Stage</ParameterKey><ParameterValue>dev</ParameterValue></member>"
        #expect(secrets.redact(xml) == "<member><ParameterKey>DbPassword</ParameterKey>\n  <ParameterValue>****</ParameterValue></member>"
            + "<member><ParameterKey>Stage</ParameterKey><ParameterValue>dev</ParameterValue></member>")
    }

    @Test func redactingOutputMasksWhatRenderersWrite() {
        let secrets = SecretValues()
        secrets.add(["hunter2-secret"])
        let buffer = BufferOutput()
        RedactingOutput(buffer, secrets: secrets).write("parameters: DbPassword=hunter2-secret\n")
        #expect(buffer.text == "parameters: DbPassword=****\n")
    }
}
