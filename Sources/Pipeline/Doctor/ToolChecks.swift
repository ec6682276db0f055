import Foundation
import Toolchains

/// Checks the local tools an app's runtimes need: python3.x and pip, node and npm, docker.
package struct ToolChecks: Sendable {
    private let environment: [String: String]
    private let runner: ProcessRunner

    package init(environment: [String: String], runner: ProcessRunner = ProcessRunner()) {
        self.environment = environment
        self.runner = runner
    }

    /// One or two checks per distinct runtime, plus docker when a function needs a container build.
    package func run(runtimes: Set<LambdaRuntime>, needsDocker: Bool) async -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        for runtime in runtimes.sorted(by: { $0.description < $1.description }) {
            switch runtime {
            case .python(let version): checks += await python(version)
            case .nodejs(let major): checks += await node(major)
            case .provided: checks.append(await make())
            case .other(let id):
                checks.append(DoctorCheck(
                    id: "tool.\(id)", title: id, status: .failed,
                    detail: "Ferry has no builder for the \(id) runtime",
                    fix: "use a prebuilt .zip as CodeUri, or Metadata: BuildMethod: makefile with a Makefile that builds it"))
            }
        }
        if needsDocker { checks.append(await docker()) }
        return checks
    }

    private func python(_ version: String) async -> [DoctorCheck] {
        let locator = PythonLocator(environment: environment, runner: runner)
        let id = "tool.python\(version)"
        if let exact = await locator.interpreter(version: version) {
            let interpreter = DoctorCheck(id: id, title: "python\(version)", status: .ok,
                                          detail: "\(exact.version) at \(exact.url.path) (\(exact.source))")
            return [interpreter, await pip(for: exact, version: version)]
        }
        guard let fallback = await locator.anyPython3() else {
            return [DoctorCheck(id: id, title: "python\(version)", status: .failed,
                                detail: "no python\(version) and no python3 found (PATH, pyenv, asdf, uv)",
                                fix: "install Python \(version): `pyenv install \(version)`, `uv python install \(version)` or your package manager")]
        }
        let warning = DoctorCheck(
            id: id, title: "python\(version)", status: .warning,
            detail: "not found; Ferry will build with python3 \(fallback.version) and resolve wheels for \(version) (pure-Python dependencies only)",
            fix: "for dependencies with native code install Python \(version): `pyenv install \(version)` or `uv python install \(version)`",
            required: false)
        return [warning, await pip(for: fallback, version: version)]
    }

    private func pip(for interpreter: PythonLocator.Interpreter, version: String) async -> DoctorCheck {
        let locator = PythonLocator(environment: environment, runner: runner)
        if let pipVersion = await locator.pipVersion(of: interpreter) {
            return DoctorCheck(id: "tool.pip\(version)", title: "pip (python\(version) builds)", status: .ok,
                               detail: "pip \(pipVersion) with \(interpreter.url.path)")
        }
        return DoctorCheck(id: "tool.pip\(version)", title: "pip (python\(version) builds)", status: .failed,
                           detail: "`\(interpreter.url.path) -m pip` does not work",
                           fix: "`\(interpreter.url.path) -m ensurepip --upgrade` or install your distribution's python3-pip")
    }

    private func node(_ major: Int) async -> [DoctorCheck] {
        let id = "tool.nodejs\(major)"
        guard let nodeVersion = await version(of: "node", ["--version"]) else {
            return [DoctorCheck(id: id, title: "node (nodejs\(major).x)", status: .failed, detail: "node not found on PATH",
                                fix: "install Node.js \(major) (nvm install \(major), or your package manager)")]
        }
        let found = Int(nodeVersion.trimmingCharacters(in: CharacterSet(charactersIn: "v")).split(separator: ".").first ?? "")
        let nodeCheck = found == major
            ? DoctorCheck(id: id, title: "node (nodejs\(major).x)", status: .ok, detail: nodeVersion)
            : DoctorCheck(id: id, title: "node (nodejs\(major).x)", status: .warning,
                          detail: "node \(nodeVersion) differs from the runtime's major version \(major)",
                          fix: "use Node.js \(major) for builds that match the runtime (nvm use \(major))", required: false)
        guard let npmVersion = await version(of: "npm", ["--version"]) else {
            return [nodeCheck, DoctorCheck(id: "tool.npm", title: "npm", status: .failed, detail: "npm not found on PATH",
                                           fix: "install npm with Node.js")]
        }
        return [nodeCheck, DoctorCheck(id: "tool.npm", title: "npm", status: .ok, detail: npmVersion)]
    }

    /// esbuild for `BuildMethod: esbuild` functions: in each function's `node_modules/.bin`, else on PATH.
    package func esbuild(functionFolders: [String]) async -> DoctorCheck {
        let title = "esbuild (BuildMethod: esbuild)"
        let local = functionFolders.map { "\($0)/node_modules/.bin/esbuild" }
        let missingLocally = local.filter { !FileManager.default.isExecutableFile(atPath: $0) }
        if missingLocally.isEmpty {
            return DoctorCheck(id: "tool.esbuild", title: title, status: .ok, detail: "in each function's node_modules/.bin")
        }
        if let found = await version(of: "esbuild", ["--version"]) {
            return DoctorCheck(id: "tool.esbuild", title: title, status: .ok, detail: "\(found) on PATH")
        }
        return DoctorCheck(id: "tool.esbuild", title: title, status: .failed,
                           detail: "esbuild is neither in the function's node_modules/.bin nor on PATH",
                           fix: "`npm install --save-dev esbuild` in the function's folder, `npm install -g esbuild`, "
                               + "or on Debian/Ubuntu `apt-get install esbuild`")
    }

    private func make() async -> DoctorCheck {
        if let makeVersion = await version(of: "make", ["--version"]) {
            return DoctorCheck(id: "tool.make", title: "make (provided runtimes)", status: .ok, detail: makeVersion)
        }
        return DoctorCheck(id: "tool.make", title: "make (provided runtimes)", status: .failed, detail: "make not found on PATH",
                           fix: "install make (apt-get install make)")
    }

    private func docker() async -> DoctorCheck {
        guard ExecutableLocator(environment: environment).onPath("docker") != nil else {
            return DoctorCheck(id: "tool.docker", title: "docker (container builds)", status: .failed,
                               detail: "docker not found on PATH", fix: "install Docker and start its engine")
        }
        if let serverVersion = await version(of: "docker", ["version", "--format", "{{.Server.Version}}"]), !serverVersion.isEmpty {
            return DoctorCheck(id: "tool.docker", title: "docker (container builds)", status: .ok, detail: "engine \(serverVersion)")
        }
        return DoctorCheck(id: "tool.docker", title: "docker (container builds)", status: .failed,
                           detail: "the docker client is installed but no engine answers",
                           fix: "start the Docker engine (systemctl start docker, or Docker Desktop)")
    }

    /// The first line a tool prints for its version, or nil when it is missing or fails.
    private func version(of tool: String, _ arguments: [String]) async -> String? {
        guard let url = ExecutableLocator(environment: environment).onPath(tool),
              let output = try? await runner.run(url.path, arguments, environment: environment), output.succeeded else { return nil }
        return output.stdout.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
