// The pip runs of one build: local packages into wheels, then one install for the target.
import Foundation
import Synchronization
import Toolchains

/// Runs pip for one build: builds local path packages into wheels, then installs everything into a
/// folder with pip's target options, building sdist-only remote packages locally when pip finds no
/// wheel for them.
struct PipSession: Sendable {
    let builder: PythonBuilder
    let request: BuildRequest
    let target: PythonTarget
    let python: PythonChoice
    /// A folder of the build's own (sources copies, wheels, the rewritten requirements, the install).
    let scratch: String
    /// The stored entries (wheels, build environments) this build used, for `DependencyUseLog`.
    let used = UsedEntries()

    /// The most sdist-only remote packages built locally for one install.
    static let maxLocallyBuiltRemotes = 20

    /// Whether wheels compiled here run on the target.
    var nativeAllowed: Bool { python.isExact && target.matchesHost }

    /// The requirements of `plan` ready for pip: each local package built into a wheel (or taken
    /// from the wheel cache) and named by a direct reference to it; plus the lines that identify
    /// them independently of this machine (distribution, extras, wheel file name and SHA-256).
    func resolve(_ plan: PipRequirementsPlan) async throws -> ResolvedRequirements {
        try POSIX.makeDirectories(scratch)
        var references: [Int: String] = [:]
        var keyLines: [Int: String] = [:]
        var wheelPaths: [Int: String] = [:]
        var wheelByPath: [String: WheelFilename] = [:]
        var fileByPath: [String: String] = [:]
        var digestByPath: [String: String] = [:]
        var acceptLocalLinux = false
        for (index, requirement) in plan.localRequirements.enumerated() {
            if wheelByPath[requirement.path] == nil {
                let wheelPath = try await localWheel(requirement, index: index)
                guard let wheel = WheelFilename(wheelPath) else {
                    throw BuilderError(.files(detail: "'\(wheelPath)' is not a wheel file name."), request: request)
                }
                if !wheel.isPure && requirement.path != wheelPath {
                    try checkNative(package: requirement.path)
                    acceptLocalLinux = true
                }
                wheelByPath[requirement.path] = wheel
                fileByPath[requirement.path] = wheelPath
                do {
                    digestByPath[requirement.path] = try FileHasher.sha256(ofFile: wheelPath).hex
                } catch let error as BuildFilesError {
                    throw BuilderError(wrapping: error, request: request)
                }
            }
            let wheel = wheelByPath[requirement.path]!
            let extras = requirement.extras.isEmpty ? "" : "[\(requirement.extras.joined(separator: ","))]"
            let url = URL(fileURLWithPath: fileByPath[requirement.path]!).absoluteString
            references[index] = "\(wheel.distribution)\(extras) @ \(url)"
            wheelPaths[index] = fileByPath[requirement.path]!
            let name = (fileByPath[requirement.path]! as NSString).lastPathComponent
            keyLines[index] = "\(wheel.distribution)[\(requirement.extras.sorted().joined(separator: ","))] "
                + "\(name) sha256=\(digestByPath[requirement.path]!)"
        }
        return ResolvedRequirements(text: plan.render { references[$0]! }, localKeyLines: keyLines,
                                    localWheels: wheelPaths, acceptLocalLinux: acceptLocalLinux)
    }

    /// Installs `resolved` into `destination` (which must not exist yet; its parent must).
    func install(_ resolved: ResolvedRequirements, into destination: String) async throws {
        let requirementsFile = joinPath(scratch, "requirements-\(UUID().uuidString).txt")
        try Data(resolved.text.utf8).write(to: URL(fileURLWithPath: requirementsFile))
        defer { try? FileManager.default.removeItem(atPath: requirementsFile) }
        try await installAll(requirementsFile: requirementsFile, acceptLocalLinux: resolved.acceptLocalLinux,
                             into: destination)
    }

    /// Runs `pip wheel --no-deps`: without build isolation first when the interpreter has setuptools
    /// and wheel, then with isolation (pip installs the build backend from the index).
    func buildWheel(_ input: String, into output: String, package: String, isLocal: Bool) async throws -> String {
        try POSIX.makeDirectories(output)
        var failure = ""
        for isolated in python.hasBuildTools ? [false, true] : [true] {
            var arguments = ["-m", "pip", "wheel", "--no-deps", "--wheel-dir", output, "--cache-dir", builder.pipCacheFolder]
            if !isolated { arguments.append("--no-build-isolation") }
            arguments.append(input)
            let result = try await pip(arguments)
            if result.succeeded, let wheel = try POSIX.listDirectory(output).sorted().first(where: { $0.hasSuffix(".whl") }) {
                return joinPath(output, wheel)
            }
            failure = result.stdout + result.stderr
        }
        if !nativeAllowed && Self.looksLikeNativeCompile(failure) { try checkNative(package: package) }
        let tail = BuilderError.tail(failure)
        if isLocal {
            throw BuilderError(.localPackageBuildFailed(package: package, python: python.path, output: tail), request: request)
        }
        throw BuilderError(.noWheelForTarget(runtime: request.runtime, architecture: request.architecture,
                                           package: package, output: tail), request: request)
    }

    /// Throws the right error for native code that cannot be used on the target; returns when it can.
    func checkNative(package: String) throws {
        if nativeAllowed { return }
        if !python.isExact {
            throw BuilderError(.nativeCodeWithoutInterpreter(runtime: request.runtime, package: package,
                                                           builtWith: "Python \(python.version)"), request: request)
        }
        throw BuilderError(.nativeCodeForOtherPlatform(runtime: request.runtime, architecture: request.architecture,
                                                     package: package), request: request)
    }

    /// `pip install --target` for the target platform; each "no matching distribution" is answered by
    /// building that package locally (accepted when pure Python, or native and built for this platform).
    private func installAll(requirementsFile: String, acceptLocalLinux initialAccept: Bool,
                            into installed: String) async throws {
        var findLinks: [String] = []
        var acceptLocalLinux = initialAccept
        var builtRemotes: Set<String> = []
        while true {
            try? FileManager.default.removeItem(atPath: installed)
            var arguments = ["-m", "pip", "install", "--target", installed, "--no-compile", "--no-warn-script-location",
                             "--cache-dir", builder.pipCacheFolder]
            arguments += target.pipTargetOptions(acceptLocalLinuxWheels: acceptLocalLinux)
            for link in findLinks { arguments += ["--find-links", link] }
            arguments += ["-r", requirementsFile]
            let result = try await pip(arguments)
            if result.succeeded { return }
            let output = result.stdout + result.stderr
            guard let missing = Self.missingDistribution(in: output), !builtRemotes.contains(missing),
                  builtRemotes.count < Self.maxLocallyBuiltRemotes else {
                throw BuilderError(.pipFailed(command: "pip " + arguments.dropFirst(2).joined(separator: " "),
                                            output: BuilderError.tail(output)), request: request)
            }
            builtRemotes.insert(missing)
            let folder = joinPath(scratch, "wheels/remote-\(UUID().uuidString.prefix(8))-\(builtRemotes.count)")
            let wheelPath: String
            do {
                wheelPath = try await buildWheel(missing, into: folder, package: missing, isLocal: false)
            } catch let error as BuilderError where error.toolOutput != nil {
                throw BuilderError(.noWheelForTarget(runtime: request.runtime, architecture: request.architecture,
                                                   package: missing, output: BuilderError.tail(output)), request: request)
            }
            if let wheel = WheelFilename(wheelPath), !wheel.isPure {
                try checkNative(package: missing)
                acceptLocalLinux = true
            }
            findLinks.append(folder)
        }
    }

    /// Runs `python -m pip …` in the template's folder (SAM's working folder).
    func pip(_ arguments: [String]) async throws -> ProcessOutput {
        do {
            return try await builder.runner.run(python.path, arguments, environment: builder.toolEnvironment(request),
                                                workingDirectory: URL(fileURLWithPath: request.templateFolder))
        } catch {
            throw BuilderError(.pipFailed(command: "\(python.path) " + arguments.joined(separator: " "),
                                        output: "\(error)"), request: request)
        }
    }

    /// The requirement pip reports in `No matching distribution found for <requirement>`.
    static func missingDistribution(in output: String) -> String? {
        let marker = "No matching distribution found for "
        for line in output.split(separator: "\n").reversed() {
            if let range = line.range(of: marker) {
                let rest = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                return rest.isEmpty ? nil : rest
            }
        }
        return nil
    }

    /// True when a failed build's output shows a C/C++ compile (`building 'x' extension`, a missing compiler).
    static func looksLikeNativeCompile(_ output: String) -> Bool {
        (output.contains("building '") && output.contains("' extension"))
            || ["error: command '", "Python.h", "Microsoft Visual C++", "cargo", "rustc"].contains { output.contains($0) }
    }
}

/// A build's requirements with local packages resolved to wheels.
struct ResolvedRequirements: Sendable, Hashable {
    /// The requirements file for pip (local wheels as `name[extras] @ file://…` references).
    let text: String
    /// For each local requirement (by plan index): `name[extras] <wheel file> sha256=<hex>`.
    let localKeyLines: [Int: String]
    /// For each local requirement (by plan index): the wheel file pip installs.
    let localWheels: [Int: String]
    /// True when a local wheel is native and built here (pip must accept `linux_<arch>` wheels).
    let acceptLocalLinux: Bool
}

/// Paths of stored entries a build used, collected from its concurrent steps.
final class UsedEntries: Sendable {
    private let paths = Mutex<[String]>([])

    /// Adds `path`.
    func add(_ path: String) { paths.withLock { $0.append(path) } }

    /// Every path added.
    var all: [String] { paths.withLock { $0 } }
}
