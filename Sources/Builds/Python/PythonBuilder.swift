// The Python builder: sources plus `pip install --target`, for the function's runtime and architecture.
import Foundation
import Synchronization
import Toolchains

/// Builds Python functions and layers the way `sam build` does, deterministically, and without
/// needing the runtime's exact interpreter unless native code must be compiled.
///
/// A build:
/// 1. copies the source folder (ignoring `__pycache__`, `*.pyc`, `tests/`, `test/`, `.aws-sam`,
///    `.git`, `.ferry` and the folder's `.ferryignore` patterns);
/// 2. reads `requirements.txt` (with `-r` includes); local path requirements (`../../lib/pkg[a,b]`)
///    are resolved against the folder of the template declaring the function, as SAM runs pip there;
/// 3. builds each local package into a wheel from a clean copy (so the user's folder gets no
///    `build/` or `.egg-info`), with the runtime's interpreter when it is installed (PATH, pyenv,
///    asdf, uv), else with any `python3` (pure-Python packages give the same wheel): by calling its
///    `[build-system]` backend in a build environment installed once (`PythonBuildEnvironment`),
///    else with `pip wheel --no-deps`;
/// 4. installs those wheels (extras kept) and the remaining requirements, once per
///    `PythonDependencyKey` into the shared `dependencyTrees` (`.ferry/deps/<key>/`), with
///    `pip install --target … --only-binary=:all: --platform manylinux_2_XX_<arch> --python-version X.Y
///    --implementation cp --abi cpXY`, so wheels match Lambda whatever the machine; a remote package
///    published only as an sdist is built into a wheel locally and accepted when it is pure Python;
/// 5. removes what varies between machines, folders and runs (`direct_url.json`, `__pycache__`) and
///    what `sam build` leaves out (`bin/` scripts, `INSTALLER`, `REQUESTED`), so the same
///    requirements give the same files as SAM.
///
/// The staged folder holds only the sources; the tree comes as an `ArchivePart` whose entries, deflated
/// once, are copied into the zip. A layer gets the same, under `python/`. pip shares one download cache across all builds, and
/// local packages' wheels are reused by content (`LocalWheelCache`): each is built once per change.
/// Known limit: when the exact interpreter is missing, pip evaluates environment markers
/// (`python_version < "3.12"`) for the interpreter that runs it.
package struct PythonBuilder: FunctionBuilder {
    /// `python-pip`.
    package var builderName: String { "python-pip" }
    /// Bumped when the staged output changes for the same inputs.
    package var builderVersion: String { "2" }

    /// The environment tools run with (and where interpreters are looked for), before a request's extras.
    package let environment: [String: String]
    /// pip's cache folder, shared by every build (`<project>/.ferry/pip-cache`).
    package let pipCacheFolder: String
    /// The wheels built from local path packages, shared by every build made with this builder (and
    /// its copies), so one engine run builds each package once.
    package let wheelCache: LocalWheelCache
    /// The installed dependency trees (one per `PythonDependencyKey`), shared like `wheelCache`.
    package let dependencyTrees: DependencyTreeStore
    /// Local packages' build requirements, installed once per interpreter and list
    /// (`.ferry/build-envs/<key>/`, beside the wheel folder), shared like `wheelCache`.
    let buildEnvironments: KeyedEntryStore<PythonBuildEnvironment>
    /// Build environments whose install failed in this run.
    let failedBuildEnvironments = FailedBuildEnvironments()
    /// Trees other machines installed (the remote build cache), tried before pip on a local miss.
    package var remoteTrees: (any RemoteDependencyTrees)?
    let runner: ProcessRunner
    let interpreters: InterpreterCache
    /// Interpreter choices kept between runs (`.ferry/interpreters.json`, beside the wheel folder).
    let storedChoices: StoredInterpreterChoices

    /// A builder whose tools see `environment` and share `pipCacheFolder` (default `~/.cache/ferry/pip`);
    /// local packages' wheels are kept in `wheelCacheFolder` (default `<pipCacheFolder>/ferry-local-wheels`,
    /// a folder pip itself never touches), installed dependency trees in `dependencyTreeFolder`
    /// (default: a `deps` folder beside the wheel folder, or `<pipCacheFolder>/ferry-deps`), and
    /// wheels and trees stored by earlier runs are reused unless `reusesStoredWheels` is false (`--clean`).
    package init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        pipCacheFolder: String? = nil, wheelCacheFolder: String? = nil, dependencyTreeFolder: String? = nil,
        reusesStoredWheels: Bool = true, runner: ProcessRunner = ProcessRunner()
    ) {
        self.environment = environment
        let home = environment["HOME"] ?? NSHomeDirectory()
        let pipCache = pipCacheFolder ?? "\(home)/.cache/ferry/pip"
        self.pipCacheFolder = pipCache
        self.wheelCache = LocalWheelCache(folder: wheelCacheFolder ?? joinPath(pipCache, "ferry-local-wheels"),
                                          reusesStoredWheels: reusesStoredWheels)
        let treeFolder = dependencyTreeFolder
            ?? wheelCacheFolder.map { joinPath(($0 as NSString).deletingLastPathComponent, "deps") }
            ?? joinPath(pipCache, "ferry-deps")
        self.dependencyTrees = DependencyTreeStore(folder: treeFolder, reusesStoredTrees: reusesStoredWheels)
        let environmentFolder = wheelCacheFolder.map { joinPath(($0 as NSString).deletingLastPathComponent, "build-envs") }
            ?? joinPath(pipCache, "ferry-build-envs")
        self.buildEnvironments = KeyedEntryStore(folder: environmentFolder, reusesStoredEntries: reusesStoredWheels,
                                                 read: PythonBuildEnvironment.read(entry:))
        self.runner = runner
        self.interpreters = InterpreterCache()
        self.storedChoices = StoredInterpreterChoices(
            file: wheelCacheFolder.map { joinPath(($0 as NSString).deletingLastPathComponent, "interpreters.json") },
            reads: reusesStoredWheels)
    }

    /// The builder of the project at `projectRoot`, with pip's cache in `<projectRoot>/.ferry/pip-cache`,
    /// local packages' wheels in `<projectRoot>/.ferry/wheels` and installed dependency trees in
    /// `<projectRoot>/.ferry/deps` (with `clean`, earlier runs' wheels and trees are built again).
    package init(projectRoot: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                clean: Bool = false) {
        self.init(environment: environment, pipCacheFolder: joinPath(projectRoot, ".ferry/pip-cache"),
                  wheelCacheFolder: joinPath(projectRoot, ".ferry/wheels"),
                  dependencyTreeFolder: joinPath(projectRoot, ".ferry/deps"), reusesStoredWheels: !clean)
    }

    /// Rules for the source folder: `IgnoreRules.python` (the folder's `.ferryignore` is added by the walk).
    package static let sourceRules = IgnoreRules.python

    /// Rules for a local package folder: `IgnoreRules.always` plus the leftovers of earlier builds at
    /// its root (`/build/`, `/dist/`, `*.egg-info/`), which setuptools would otherwise pick up.
    package static let localPackageRules = IgnoreRules.always.appending(IgnoreRules(text: """
        /build/
        /dist/
        *.egg-info/
        """))

    /// The name of the requirements file looked for in the source folder.
    package static let requirementsFileName = "requirements.txt"

    /// The build's staged folder (the archive root), under `workFolder`.
    package func build(_ request: BuildRequest, workFolder: String) async throws -> StagedBuild {
        guard let target = PythonTarget(runtime: request.runtime, architecture: request.architecture) else {
            throw BuilderError(.unsupportedRuntime(runtime: request.runtime), request: request)
        }
        let staging = joinPath(workFolder, "staging")
        let prefix = request.kind == .layer ? "python/" : ""
        var notes: [String] = []
        var parts: [ArchivePart] = []
        var used: [String] = []
        var treeKeys: [String] = []
        do {
            try POSIX.makeDirectories(staging)
            let source = try FileTree.scan(request.sourceFolder, rules: Self.sourceRules)
            let requirements = joinPath(request.sourceFolder, Self.requirementsFileName)
            if POSIX.status(requirements)?.kind == .regular {
                let plan = try PipRequirementsPlan.read(file: requirements, templateFolder: request.templateFolder)
                if !plan.isEmpty {
                    let python = try await choosePython(for: target, request: request)
                    if !python.isExact {
                        notes.append("python\(target.version) was not found; dependencies for python\(target.version) "
                                     + "were resolved with \(python.path) (Python \(python.version)).")
                    }
                    let session = PipSession(builder: self, request: request, target: target, python: python,
                                             scratch: joinPath(workFolder, "scratch"))
                    let (treeKey, tree, restored) = try await dependencyTree(plan, session: session)
                    parts.append(ArchivePart(zipPath: tree.entriesZip, folder: tree.tree, prefix: prefix))
                    used = session.used.all + [tree.tree]
                    treeKeys.append(treeKey)
                    if restored { notes.append("dependencies restored from the remote build cache (tree \(treeKey.prefix(12)))") }
                }
            }
            try FolderCopy.copy(source, to: staging, prefix: prefix)
            DependencyUseLog.record(used, for: request, dependencyTrees: dependencyTrees.folder)
        } catch let error as BuildFilesError {
            throw BuilderError(wrapping: error, request: request)
        }
        var staged = StagedBuild(folder: staging, notes: notes, parts: parts)
        staged.dependencyTrees = treeKeys
        return staged
    }

    /// The environment for pip: the builder's, the request's extras, and settings that keep pip
    /// quiet and its output reproducible.
    func toolEnvironment(_ request: BuildRequest) -> [String: String] {
        var merged = environment.merging(request.environment) { $1 }
        merged["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        merged["PIP_NO_INPUT"] = "1"
        merged["PIP_ROOT_USER_ACTION"] = "ignore"
        merged["PYTHONDONTWRITEBYTECODE"] = "1"
        merged["SOURCE_DATE_EPOCH"] = merged["SOURCE_DATE_EPOCH"] ?? "315532800"
        return merged
    }
}

/// The interpreter a build runs pip with.
struct PythonChoice: Sendable, Hashable {
    /// Path of the executable.
    let path: String
    /// `3.12.1`.
    let version: String
    /// True when it is the runtime's own version.
    let isExact: Bool
    /// True when `setuptools` and `wheel` import (local packages can be built without isolation).
    let hasBuildTools: Bool
    /// `pip 24.0 setuptools 69.0.3 wheel 0.42.0` (`-` for a missing one); empty when the probe failed.
    /// Part of a local wheel's cache key: the build backend decides the wheel's metadata files.
    var buildTools: String = ""
}

/// Interpreters found so far, by target version (looked up once per builder).
final class InterpreterCache: Sendable {
    let found = Mutex<[String: PythonChoice]>([:])
}

extension PythonBuilder {
    /// The installed, normalised dependency tree of `plan`: local packages resolved to wheels (built
    /// once per change), then the tree of that key from `dependencyTrees`, installed by pip only
    /// when no build installed it before and no other machine shared it (`remoteTrees`). Returns
    /// the tree's key and entry, and whether this call restored it from `remoteTrees`.
    func dependencyTree(_ plan: PipRequirementsPlan,
                        session: PipSession) async throws -> (String, DependencyTreeStore.Entry, Bool) {
        let resolved = try await session.resolve(plan)
        let key = try PythonDependencyKey(plan: plan, resolved: resolved, templateFolder: session.request.templateFolder,
                                          target: session.target, python: session.python,
                                          toolEnvironment: toolEnvironment(session.request),
                                          requestEnvironment: session.request.environment)
        let store = dependencyTrees, remote = remoteTrees
        let restored = TreeRestoreFlag()
        let entry = try await store.tree(key: key.hex, lines: key.lines) { destination in
            if let remote, await session.restoreTree(key: key.hex, from: remote, into: destination) {
                restored.set()
                return
            }
            if let (base, changed) = Self.updatableTree(key, resolved: resolved, store: store),
               try await session.updateTree(base: base.tree, changed: changed, resolved: resolved, into: destination) {
                try InstalledPackagesNormalizer.normalize(destination)
                return
            }
            try await session.install(resolved, into: destination)
            try InstalledPackagesNormalizer.normalize(destination)
        }
        return (key.hex, entry, restored.isSet)
    }

    /// A stored tree whose key differs from `key` only in pure-Python local wheels, and those
    /// requirements: the tree a library edit can update without resolving anything again.
    static func updatableTree(_ key: PythonDependencyKey, resolved: ResolvedRequirements,
                              store: DependencyTreeStore) -> (DependencyTreeStore.Entry, [Int])? {
        guard !key.localRequirementByLine.isEmpty else { return nil }
        for (entry, lines) in store.storedKeys() {
            if let changed = key.localWheelChanges(from: lines, resolved: resolved) { return (entry, changed) }
        }
        return nil
    }
}
