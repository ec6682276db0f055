// A folder of build requirements (setuptools, wheel, …) installed once per interpreter and requirement list.
import Crypto
import Foundation
import Synchronization

/// The build requirements of local packages (a `[build-system] requires` list) installed once into
/// `.ferry/build-envs/<key>/env` for one interpreter, so a local package's wheel is built without
/// pip's isolated build environment (which installs the same requirements again on every build).
///
/// The key hashes the interpreter (path and full version: the folder holds byte-code and possibly
/// native code for it), pip's version, the requirements as written and pip's index settings
/// (`PIP_*` variables, the content of pip's configuration files). What got installed (the
/// distributions' `name-version`) is part of each wheel's key, so an environment installed later
/// with newer versions makes new wheels.
struct PythonBuildEnvironment: Sendable, Hashable {
    /// Bumped when what is installed, or how it is used, changes.
    static let version = "1"

    /// The folder the requirements are installed in (a site folder: `site.addsitedir` it).
    let folder: String
    /// `setuptools-75.1.0`, … (from the `*.dist-info` folder names), sorted.
    let distributions: [String]

    /// The environment stored in the entry folder `entry`, or nil when it is incomplete.
    static func read(entry: String) -> PythonBuildEnvironment? {
        let folder = joinPath(entry, "env")
        guard POSIX.status(joinPath(entry, "requires.txt"))?.kind == .regular,
              let names = try? POSIX.listDirectory(folder) else { return nil }
        let distributions = names.filter { $0.hasSuffix(".dist-info") }.map { String($0.dropLast(10)) }.sorted()
        return PythonBuildEnvironment(folder: folder, distributions: distributions)
    }

    /// The key of installing `requires` for `python`, with pip's settings from `environment`.
    static func key(requires: [String], python: PythonChoice, environment: [String: String]) -> String {
        var lines = ["ferry-build-env \(version)", "python \(python.path) \(python.version)", "tools \(python.buildTools)"]
        lines += requires.map { "requires \($0)" }
        for name in environment.keys.sorted() where name.hasPrefix("PIP_") && name != "PIP_CONFIG_FILE" {
            lines.append("env \(name)=\(environment[name]!)")
        }
        for file in PythonDependencyKey.pipConfigFiles(environment) where POSIX.status(file)?.kind == .regular {
            lines.append("pip-config " + ((try? FileHasher.sha256(ofFile: file).hex) ?? "unreadable"))
        }
        let text = lines.map { $0.replacingOccurrences(of: "\n", with: "\\n") }.joined(separator: "\n")
        return SHA256Digest(SHA256.hash(data: Data(text.utf8))).hex
    }
}

/// Keys of build environments whose install failed in this run (not tried again).
final class FailedBuildEnvironments: Sendable {
    let keys = Mutex<Set<String>>([])
}

extension PipSession {
    /// The build environment of `table`'s requirements for this session's interpreter, installed
    /// (`pip install --target`) when no run installed it before; nil when pip cannot install it
    /// (offline, a bad requirement): the caller then lets pip build the wheel as before.
    /// A failed install is not tried again by the same builder (one `ferry` run).
    func buildEnvironment(for table: BuildSystemTable) async -> PythonBuildEnvironment? {
        let environment = builder.toolEnvironment(request)
        let key = PythonBuildEnvironment.key(requires: table.requires, python: python, environment: environment)
        if builder.failedBuildEnvironments.keys.withLock({ $0.contains(key) }) { return nil }
        let session = self
        do {
            return try await installedBuildEnvironment(key: key, table: table, session: session)
        } catch {
            builder.failedBuildEnvironments.keys.withLock { _ = $0.insert(key) }
            return nil
        }
    }

    private func installedBuildEnvironment(key: String, table: BuildSystemTable, session: PipSession) async throws
        -> PythonBuildEnvironment {
        try await builder.buildEnvironments.value(key: key) { entry, _ in
            let folder = joinPath(entry, "env")
            if !table.requires.isEmpty {
                let arguments = ["-m", "pip", "install", "--target", folder, "--no-warn-script-location",
                                 "--cache-dir", session.builder.pipCacheFolder] + table.requires
                let result = try await session.pip(arguments)
                guard result.succeeded else {
                    throw BuildFilesError(.io(operation: "install build requirements", path: folder, errno: 5))
                }
            }
            try POSIX.makeDirectories(folder)
            try Data(table.requires.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: joinPath(entry, "requires.txt")))
        }
    }

    /// Builds the package at `input` into a wheel in `output` by calling its PEP 517 backend
    /// directly, in one interpreter process that sees only the standard library and `environment`
    /// (what pip's isolated build sees, without installing it again). Returns the wheel's path, or
    /// nil when the backend asks for a requirement the environment lacks or the build fails (the
    /// caller then runs `pip wheel`, whose error the user knows).
    func buildWithBackend(_ input: String, table: BuildSystemTable, environment: PythonBuildEnvironment,
                          into output: String) async throws -> String? {
        try? FileManager.default.removeItem(atPath: output)
        try POSIX.makeDirectories(output)
        let arguments = ["-I", "-S", "-B", "-c", Self.backendFrontend, environment.folder, input, output, table.backend]
            + table.backendPath
        let result = try? await builder.runner.run(python.path, arguments, environment: builder.toolEnvironment(request),
                                                   workingDirectory: URL(fileURLWithPath: input))
        let wheels = ((try? POSIX.listDirectory(output)) ?? []).filter { $0.hasSuffix(".whl") }
        guard result?.succeeded == true, wheels.count == 1 else {
            try? FileManager.default.removeItem(atPath: output)
            return nil
        }
        return joinPath(output, wheels[0])
    }

    /// The PEP 517 front end: `env source output backend [backend-path…]`; exits 3 when the
    /// backend's `get_requires_for_build_wheel` names something `env` does not satisfy.
    static let backendFrontend = """
        import importlib, os, site, sys
        env, source, output, spec = sys.argv[1:5]
        site.addsitedir(env)
        os.chdir(source)
        for folder in reversed(sys.argv[5:]):
            sys.path.insert(0, os.path.join(source, folder))
        name, _, attribute = spec.partition(":")
        backend = importlib.import_module(name.strip())
        for part in filter(None, attribute.strip().split(".")):
            backend = getattr(backend, part)
        hook = getattr(backend, "get_requires_for_build_wheel", None)
        needed = list(hook(None)) if hook else []
        if needed:
            import importlib.metadata as metadata
            try:
                from packaging.requirements import Requirement
            except ImportError:
                print("ferry: cannot check the build requirements %r" % needed)
                sys.exit(3)
            for text in needed:
                requirement = Requirement(text)
                if requirement.marker is not None and not requirement.marker.evaluate():
                    continue
                try:
                    found = metadata.version(requirement.name)
                except metadata.PackageNotFoundError:
                    print("ferry: missing build requirement %r" % text)
                    sys.exit(3)
                if not requirement.specifier.contains(found, prereleases=True):
                    print("ferry: build requirement %r not met by %s" % (text, found))
                    sys.exit(3)
        print("ferry-wheel " + backend.build_wheel(output, None, None))
        """
}
