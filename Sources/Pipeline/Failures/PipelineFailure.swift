/// A failure raised by the pipeline itself (not by a lower module), with its category.
public struct PipelineFailure: Error, Sendable, CustomStringConvertible {
    public let category: FailureCategory
    public let description: String

    public init(_ category: FailureCategory, _ description: String) {
        self.category = category
        self.description = description
    }
}
