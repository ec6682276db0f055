import Foundation

/// One deployed Lambda function of the stack tree, with the log group it writes to.
package struct StackFunction: Sendable, Hashable, Encodable {
    /// The logical ID in its stack.
    package var logicalID: String
    /// The stack path: `Root`, `Root/Api` for a nested stack `Api` ...
    package var stackPath: String
    /// The function name in Lambda (the physical ID).
    package var functionName: String
    /// `LoggingConfig.LogGroup` when set, else `/aws/lambda/<function name>`.
    package var logGroupName: String

    /// A function.
    package init(logicalID: String, stackPath: String, functionName: String, logGroupName: String? = nil) {
        self.logicalID = logicalID
        self.stackPath = stackPath
        self.functionName = functionName
        self.logGroupName = logGroupName ?? Self.defaultLogGroupName(functionName)
    }

    /// The log group Lambda writes to when the function has no `LoggingConfig.LogGroup`.
    package static func defaultLogGroupName(_ functionName: String) -> String { "/aws/lambda/\(functionName)" }

    /// The name people see: the logical ID, behind its nested stacks' logical IDs (`Api/Handler`).
    package var displayName: String {
        let nested = stackPath.split(separator: "/").dropFirst()
        return (nested.map(String.init) + [logicalID]).joined(separator: "/")
    }
}
