// Where a Node.js build's inputs live, for `ferry watch`.
import Foundation

extension NodeBuilder {
    /// The package folder and each `file:` dependency folder of its `package.json`.
    package func inputPaths(for request: BuildRequest) throws -> [String] {
        [request.sourceFolder] + (try Self.localDependencies(packageFolder: request.sourceURL)).map(\.folder)
    }
}
