import Foundation

/// One deployed Lambda function of the stack tree, with the log group it writes to.
public struct StackFunction: Sendable, Hashable, Encodable {
    /// The logical ID in its stack.
    public var logicalID: String
    /// The stack path: `Root`, `Root/Api` for a nested stack `Api` ...
    public var stackPath: String
    /// The function name in Lambda (the physical ID).
    public var functionName: String
    /// `LoggingConfig.LogGroup` when set, else `/aws/lambda/<function name>`.
    public var logGroupName: String

    /// A function.
    public init(logicalID: String, stackPath: String, functionName: String, logGroupName: String? = nil) {
        self.logicalID = logicalID
        self.stackPath = stackPath
        self.functionName = functionName
        self.logGroupName = logGroupName ?? Self.defaultLogGroupName(functionName)
    }

    /// The log group Lambda writes to when the function has no `LoggingConfig.LogGroup`.
    public static func defaultLogGroupName(_ functionName: String) -> String { "/aws/lambda/\(functionName)" }

    /// The name people see: the logical ID, behind its nested stacks' logical IDs (`Api/Handler`).
    public var displayName: String {
        let nested = stackPath.split(separator: "/").dropFirst()
        return (nested.map(String.init) + [logicalID]).joined(separator: "/")
    }
}
