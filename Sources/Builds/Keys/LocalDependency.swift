// A dependency that lives in a local folder (a path requirement, a `file:` package).

/// A dependency installed from a local folder, whose files are part of every build key that uses it.
package struct LocalDependency: Sendable, Hashable, Codable {
    /// The name recorded in the key (the package or folder name); not the folder's absolute path,
    /// so keys are the same on every machine.
    package var name: String
    /// The folder holding the dependency's source.
    package var folder: String

    /// A local dependency.
    package init(name: String, folder: String) {
        self.name = name
        self.folder = folder
    }
}
