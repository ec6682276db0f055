import Foundation

/// A small SAM app with `Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]`: one
/// `Fn::ForEach` loop generates three Python functions from a list parameter, each with its own
/// code folder, plus outputs from a second loop and `Fn::Length` (one second of timeout per function).
enum ForEachApp {
    static let template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
        Parameters:
          Names:
            Type: CommaDelimitedList
            Default: Alpha,Beta,Gamma
        Resources:
          Fn::ForEach::Functions:
            - Name
            - !Ref Names
            - ${Name}Function:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/${Name}
                  Handler: app.handler
                  Runtime: python3.12
                  Timeout: !Length {Ref: Names}
                  Environment:
                    Variables:
                      GREETING: !Sub "hello from ${Name}"
        Outputs:
          Fn::ForEach::Arns:
            - Name
            - !Ref Names
            - ${Name}Arn:
                Value: !GetAtt ${Name}Function.Arn

        """

    /// Every file of the app (relative path → contents).
    static func files(ferryToml: String) -> [String: String] {
        var files = ["template.yaml": template, "ferry.toml": ferryToml]
        for name in ["Alpha", "Beta", "Gamma"] {
            files["functions/\(name)/app.py"] = "def handler(event, context):\n    return {\"name\": \"\(name)\"}\n"
        }
        return files
    }
}
