import AWSCore
import Foundation
import Testing

private struct TemplateOutput: Decodable, Sendable { var templateBody: String }

private struct ListOutput: Decodable, Sendable {
    var summaries: QueryList<Summary>
    var outputs: QueryList<Summary>
    struct Summary: Decodable, Sendable { var name: String }
}

@Suite("XML values keep their whitespace")
struct XMLWhitespaceTests {
    /// The parser splits text at each entity; the whitespace between two entities is a piece of its own.
    @Test("a template body with HTML in a !Sub keeps its line breaks and spaces between entities")
    func templateBodyWithEntities() async throws {
        let template = "Message: !Sub |-\n  <p>Hello,</p>\n  <p>     https://${Dist.DomainName}/\n  <p>\n"
        let escaped = template.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        let body = """
            <GetTemplateResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <GetTemplateResult>
                <TemplateBody>\(escaped)</TemplateBody>
              </GetTemplateResult>
              <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>
            </GetTemplateResponse>
            """
        let client = makeClient(transport: FakeTransport(responses: [.xml(200, body)]))
        let output: TemplateOutput = try await client.query(.cloudFormation, action: "GetTemplate", parameters: [:])
        #expect(output.templateBody == template)
    }

    @Test("whitespace between elements is not a value: pretty-printed lists, empty ones included, decode")
    func prettyPrintedLists() async throws {
        let body = """
            <ListResponse>
              <ListResult>
                <Summaries>
                  <member>
                    <Name>a</Name>
                  </member>
                  <member>
                    <Name>b</Name>
                  </member>
                </Summaries>
                <Outputs>
                </Outputs>
              </ListResult>
            </ListResponse>
            """
        let client = makeClient(transport: FakeTransport(responses: [.xml(200, body)]))
        let output: ListOutput = try await client.query(.cloudFormation, action: "List", parameters: [:])
        #expect(output.summaries.member.map(\.name) == ["a", "b"])
        #expect(output.outputs.member.isEmpty)
    }
}
