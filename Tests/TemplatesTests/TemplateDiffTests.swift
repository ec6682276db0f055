import Testing
@testable import Templates

@Suite struct TemplateDiffTests {
    @Test func comparesResourceByResourcePropertyByProperty() throws {
        let old = try parse("""
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://b/old.zip
              Environment: {Variables: {A: "1", B: "2"}}
              Layers: [!Ref L1]
          Gone:
            Type: AWS::SNS::Topic
          Same:
            Type: AWS::SQS::Queue
            Properties: {A: 1, B: 2}
        """)
        let new = try parse("""
        Resources:
          Same:
            Type: AWS::SQS::Queue
            Properties: {B: 2, A: 1}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://b/new.zip
              Environment: {Variables: {A: "1", C: "3"}}
              Layers: [!Ref L2]
          Added:
            Type: AWS::S3::Bucket
        """)
        let diff = TemplateDiff.resources(from: old, to: new)
        #expect(diff.map(\.logicalID) == ["Fn", "Added", "Gone"])
        #expect(diff[1].change == .added)
        #expect(diff[2].change == .removed)
        guard case .modified(let changes) = diff[0].change else {
            Issue.record("Fn should be modified")
            return
        }
        #expect(changes.map(\.dottedPath) == [
            "Properties.CodeUri", "Properties.Environment.Variables.C", "Properties.Environment.Variables.B",
            "Properties.Layers.0",
        ])
        #expect(changes[0].oldValue == "s3://b/old.zip")
        #expect(changes[0].newValue == "s3://b/new.zip")
        #expect(changes[1].oldValue == nil)
        #expect(changes[2].newValue == nil)
        #expect(changes[3].newValue == ["Ref": "L2"])
    }

    @Test func identicalTemplatesHaveNoDifferences() throws {
        let text = "Resources:\n  A:\n    Type: T\n    Properties: {X: !GetAtt B.Arn}\n"
        #expect(TemplateDiff.resources(from: try parse(text), to: try parse(text)).isEmpty)
    }
}
