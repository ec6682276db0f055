// Choosing the interpreter that runs pip.
import Foundation
import Toolchains

extension PythonBuilder {
    /// The runtime's own interpreter when installed (PATH, pyenv, asdf, uv), else any `python3`.
    func choosePython(for target: PythonTarget, request: BuildRequest) async throws -> PythonChoice {
        if let known = interpreters.found.withLock({ $0[target.version] }) { return known }
        let locator = PythonLocator(environment: environment, runner: runner)
        let candidates = locator.candidatePaths(version: target.version).map(\.path)
        if let stored = storedChoices.choice(version: target.version, environment: environment, candidates: candidates) {
            interpreters.found.withLock { $0[target.version] = stored }
            return stored
        }
        let exact = await locator.interpreter(version: target.version)
        var fallback: PythonLocator.Interpreter?
        if exact == nil { fallback = await locator.anyPython3() }
        guard let found = exact ?? fallback else {
            throw BuilderError(.noPython(runtime: request.runtime), request: request)
        }
        let probe = try? await runner.run(found.url.path, ["-c", Self.buildToolsProbe],
                                          environment: toolEnvironment(request))
        let lines = (probe?.succeeded ?? false) ? (probe?.stdout ?? "").split(separator: "\n").map(String.init) : []
        let tools = lines.first?.trimmingCharacters(in: .whitespaces) ?? ""
        let sitePackages = lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("/") }
        let choice = PythonChoice(path: found.url.path, version: found.version, isExact: exact != nil,
                                  hasBuildTools: !tools.isEmpty && !tools.contains("setuptools -") && !tools.contains("wheel -"),
                                  buildTools: tools)
        interpreters.found.withLock { $0[target.version] = choice }
        storedChoices.store(choice, sitePackages: sitePackages, version: target.version, environment: environment,
                            candidates: candidates)
        return choice
    }

    /// Prints `pip X setuptools Y wheel Z` (`-` for a missing one): what makes a local package's wheel;
    /// then the site-packages folders they come from, one per line (an install there changes them).
    static let buildToolsProbe = """
        import importlib.metadata as m, site, sysconfig
        def v(n):
            try:
                return m.version(n)
            except Exception:
                return "-"
        try:
            import setuptools, wheel
            have = True
        except Exception:
            have = False
        print(" ".join("%s %s" % (n, v(n) if n == "pip" or have else "-") for n in ("pip", "setuptools", "wheel")))
        paths = sysconfig.get_paths()
        for folder in dict.fromkeys([paths["purelib"], paths["platlib"], site.getusersitepackages()]):
            print(folder)
        """
}
