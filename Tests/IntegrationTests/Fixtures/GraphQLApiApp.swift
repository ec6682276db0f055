import Foundation

/// A small SAM app with an `AWS::Serverless::GraphQLApi`: a schema file (`SchemaUri`), a JS
/// pipeline function (`Functions.lookup.CodeUri`) and a JS resolver (`Resolvers.Query.getNote`).
/// SAM's transform turns it into `NotesApi`, `NotesApiSchema`, `NotesApilookup` and
/// `NotesApiQuerygetNote` (plus the NONE data source and the API key).
enum GraphQLApiApp {
    static let template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Resources:
          NotesApi:
            Type: AWS::Serverless::GraphQLApi
            Properties:
              SchemaUri: graphql/schema.graphql
              Auth:
                Type: API_KEY
              ApiKeys:
                TestKey: {}
              Functions:
                lookup:
                  Runtime: {Name: APPSYNC_JS, Version: 1.0.0}
                  DataSource: NONE
                  CodeUri: graphql/lookup.js
              Resolvers:
                Query:
                  getNote:
                    Runtime: {Name: APPSYNC_JS, Version: 1.0.0}
                    Pipeline: [lookup]
                    CodeUri: graphql/getNote.js

        """

    static let schema = "type Note { id: ID! text: String }\ntype Query { getNote(id: ID!): Note }\nschema { query: Query }\n"

    static func resolver(_ version: Int) -> String {
        "export function request(ctx) { return {}; }\nexport function response(ctx) { return { id: ctx.args.id, text: \"v\(version)\" }; }\n"
    }

    static func function(_ version: Int) -> String {
        "export function request(ctx) { return { payload: \(version) }; }\nexport function response(ctx) { return ctx.result; }\n"
    }

    /// Every file of the app (relative path → contents).
    static func files(ferryToml: String) -> [String: String] {
        ["template.yaml": template, "ferry.toml": ferryToml, "graphql/schema.graphql": schema,
         "graphql/getNote.js": resolver(1), "graphql/lookup.js": function(1)]
    }
}
