// Choosing the interpreter that runs pip.
import Foundation
import Toolchains

extension PythonBuilder {
    /// The runtime's own interpreter when installed (PATH, pyenv, asdf, uv), else any `python3`.
    func choosePython(for target: PythonTarget, request: BuildRequest) async throws -> PythonChoice {
        if let known = interpreters.found.withLock({ $0[target.version] }) { return known }
        let locator = PythonLocator(environment: environment, runner: runner)
        let exact = await locator.interpreter(version: target.version)
        var fallback: PythonLocator.Interpreter?
        if exact == nil { fallback = await locator.anyPython3() }
        guard let found = exact ?? fallback else {
            throw BuildError(.noPython(runtime: request.runtime), request: request)
        }
        let probe = try? await runner.run(found.url.path, ["-c", "import setuptools, wheel"],
                                          environment: toolEnvironment(request))
        let choice = PythonChoice(path: found.url.path, version: found.version, isExact: exact != nil,
                                  hasBuildTools: probe?.succeeded ?? false)
        interpreters.found.withLock { $0[target.version] = choice }
        return choice
    }
}
