import Hotswap
import Testing

@Suite struct GraphQLSchemaTextTests {
    static let authored = """
        # Documents and their upload targets.
        schema {
          query: Query
        }

        "A processed document"
        type Document implements & Node{id: ID!, status: String, tags: [String!]! @deprecated(reason: "use labels")}

        union Result = | Document | UploadTarget

        type Query {
          getDocument(id: ID!, limit: Int = 10): Document   # one document
        }
        """

    /// What AppSync (graphql-core's printer) gives back for `authored`.
    static let reprinted = """
        schema {
          query: Query
        }

        \"\"\"
        A processed document
        \"\"\"
        type Document implements Node {
          id: ID!
          status: String
          tags: [String!]! @deprecated(reason: "use labels")
        }

        union Result = Document | UploadTarget

        type Query {
          getDocument(id: ID!, limit: Int = 10): Document
        }
        """

    @Test func reprintedSchemaEqualsTheAuthoredOne() {
        #expect(GraphQLSchemaText.normalised(Self.authored) == GraphQLSchemaText.normalised(Self.reprinted))
    }

    @Test func normalFormIsTheTokensJoinedBySpaces() {
        #expect(GraphQLSchemaText.normalised("type Query{a(x: Int,y:[ID!]): String # note\n}")
            == "type Query { a ( x : Int y : [ ID ! ] ) : String }")
    }

    @Test func aChangedFieldOrTypeIsADifference() {
        let changed = Self.reprinted.replacingOccurrences(of: "status: String", with: "status: Int")
        #expect(GraphQLSchemaText.normalised(changed) != GraphQLSchemaText.normalised(Self.authored))
        let nonNull = Self.reprinted.replacingOccurrences(of: "getDocument(id: ID!", with: "getDocument(id: ID")
        #expect(GraphQLSchemaText.normalised(nonNull) != GraphQLSchemaText.normalised(Self.authored))
    }

    @Test func hashInsideAStringIsNotAComment() {
        let text = #"type Query { a: String @doc(text: "see #3, and \"this\"") }"#
        #expect(GraphQLSchemaText.normalised(text) == #"type Query { a : String @ doc ( text : "see #3, and \"this\"" ) }"#)
    }

    @Test func descriptionTextStillCounts() {
        let other = Self.reprinted.replacingOccurrences(of: "A processed document", with: "A raw document")
        #expect(GraphQLSchemaText.normalised(other) != GraphQLSchemaText.normalised(Self.authored))
    }
}
