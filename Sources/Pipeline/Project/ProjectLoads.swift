import Synchronization

/// Counts what a command loads from disk or computes from scratch: configuration files, template
/// trees, build manifests and package plans. Every load of a `ResolvedProject` goes through it,
/// so a test can prove that one command resolves each of them once.
package final class ProjectLoads: Sendable {
    /// The counts at one moment.
    package struct Counts: Sendable, Equatable {
        /// `ferry.toml` / `samconfig.toml` loads.
        package var configurations = 0
        /// `TemplateTree` loads (the root template and every nested one).
        package var templateTrees = 0
        /// Reads of `.ferry/build/manifest.json`.
        package var manifestReads = 0
        /// `PackagePlan.make` runs.
        package var packagePlans = 0

        /// Counts.
        package init(configurations: Int = 0, templateTrees: Int = 0, manifestReads: Int = 0, packagePlans: Int = 0) {
            self.configurations = configurations
            self.templateTrees = templateTrees
            self.manifestReads = manifestReads
            self.packagePlans = packagePlans
        }
    }

    private let state = Mutex(Counts())

    /// A counter at zero.
    package init() {}

    /// The counts so far.
    package var counts: Counts { state.withLock { $0 } }

    /// Adds one to the count `key` names.
    func count(_ key: WritableKeyPath<Counts, Int>) {
        state.withLock { $0[keyPath: key] += 1 }
    }
}
