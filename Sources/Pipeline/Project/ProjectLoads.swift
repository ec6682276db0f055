import Synchronization

/// Counts what a command loads from disk or computes from scratch: configuration files, template
/// trees, build manifests and package plans. Every load of a `ResolvedProject` goes through it,
/// so a test can prove that one command resolves each of them once.
public final class ProjectLoads: Sendable {
    /// The counts at one moment.
    public struct Counts: Sendable, Equatable {
        /// `ferry.toml` / `samconfig.toml` loads.
        public var configurations = 0
        /// `TemplateTree` loads (the root template and every nested one).
        public var templateTrees = 0
        /// Reads of `.ferry/build/manifest.json`.
        public var manifestReads = 0
        /// `PackagePlan.make` runs.
        public var packagePlans = 0

        /// Counts.
        public init(configurations: Int = 0, templateTrees: Int = 0, manifestReads: Int = 0, packagePlans: Int = 0) {
            self.configurations = configurations
            self.templateTrees = templateTrees
            self.manifestReads = manifestReads
            self.packagePlans = packagePlans
        }
    }

    private let state = Mutex(Counts())

    /// A counter at zero.
    public init() {}

    /// The counts so far.
    public var counts: Counts { state.withLock { $0 } }

    /// Adds one to the count `key` names.
    func count(_ key: WritableKeyPath<Counts, Int>) {
        state.withLock { $0[keyPath: key] += 1 }
    }
}
