// What a batch of changed files means for the project.

/// What changed files affect: templates (a deploy is needed), builds to run again, and resources
/// to hot-swap; plus the changes that cannot be hot-swapped and why.
package struct WatchImpact: Sendable, Equatable {
    /// Template files (root or nested) that changed.
    package var changedTemplates: [String] = []
    /// The qualified names (`Root/Fn`) of every resource whose build must run again.
    package var builds: [String] = []
    /// The qualified names of the resources to hot-swap (functions, state machines, AppSync code).
    package var hotswap: [String] = []
    /// Why some changes need `ferry up` (a layer's content, a file of a resource that cannot be
    /// hot-swapped); each reason names the resource.
    package var notHotswappable: [String] = []

    /// An impact.
    package init(changedTemplates: [String] = [], builds: [String] = [], hotswap: [String] = [],
                notHotswappable: [String] = []) {
        self.changedTemplates = changedTemplates
        self.builds = builds
        self.hotswap = hotswap
        self.notHotswappable = notHotswappable
    }

    /// True when the changes touch nothing the project uses.
    package var isEmpty: Bool {
        changedTemplates.isEmpty && builds.isEmpty && hotswap.isEmpty && notHotswappable.isEmpty
    }

    /// True when a template changed or something cannot be hot-swapped: `ferry up` is needed.
    package var needsDeploy: Bool { !changedTemplates.isEmpty || !notHotswappable.isEmpty }
}
