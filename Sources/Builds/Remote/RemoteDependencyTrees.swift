// Installed dependency trees shared between machines (the artifact bucket's `.ferry/deps/`).

/// Finds an installed dependency tree in a store shared between machines, after the local store
/// missed, so a build whose tree another machine installed needs no pip.
///
/// Implementations never throw: anything missing, unsigned or not hashing to its name is a miss
/// (the tree is then installed as usual).
package protocol RemoteDependencyTrees: Sendable {
    /// The entries zip of the tree `key` (a `DeterministicZip` of the installed files, without a
    /// prefix), downloaded into `folder` (which exists) after its size and SHA-256 were checked;
    /// nil when there is none.
    func fetchTree(key: String, into folder: String) async -> String?
}
