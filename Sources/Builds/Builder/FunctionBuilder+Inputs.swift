// Where a build's inputs live, for `ferry watch`.
import Foundation

extension FunctionBuilder {
    /// The source folder (or prebuilt file) only: what builders without manifests or local
    /// dependencies read.
    package func inputPaths(for request: BuildRequest) throws -> [String] {
        [request.sourceFolder]
    }
}
