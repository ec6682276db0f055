/// A failure raised by the pipeline itself (not by a lower module), with its category.
package struct PipelineFailure: Error, Sendable, CustomStringConvertible {
    package let category: FailureCategory
    package let description: String

    package init(_ category: FailureCategory, _ description: String) {
        self.category = category
        self.description = description
    }
}
