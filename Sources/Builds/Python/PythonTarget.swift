// The interpreter and platform a Python artifact is built for, as pip's target options.

/// The Lambda Python a build targets: version, CPU architecture and the glibc of its Amazon Linux.
package struct PythonTarget: Sendable, Hashable {
    /// `3.12`.
    package let version: String
    /// `x86_64` or `aarch64` (pip's and manylinux's names; Lambda's `arm64` is `aarch64`).
    package let machine: String

    /// The target of a Lambda runtime (`python3.12`) and architecture (`x86_64`, `arm64`); nil when
    /// the runtime is not a Python one.
    package init?(runtime: String, architecture: String) {
        guard runtime.hasPrefix("python") else { return nil }
        let version = String(runtime.dropFirst(6))
        let parts = version.split(separator: ".")
        guard parts.count == 2, parts.allSatisfy({ Int($0) != nil }) else { return nil }
        self.version = version
        self.machine = architecture == "arm64" || architecture == "aarch64" ? "aarch64" : "x86_64"
    }

    /// `312` for 3.12.
    package var versionDigits: String { version.replacingOccurrences(of: ".", with: "") }

    /// The glibc minor version of the runtime's Amazon Linux: 34 (AL2023, python3.12 and later),
    /// 26 (Amazon Linux 2, up to python3.11).
    package var glibcMinor: Int {
        let minor = Int(version.split(separator: ".").last ?? "") ?? 0
        return minor >= 12 ? 34 : 26
    }

    /// Platform tags the runtime accepts, newest first: `manylinux_2_34_x86_64` … `manylinux_2_17_x86_64`,
    /// `manylinux2014_x86_64` (pip adds manylinux2010 and manylinux1 for x86_64 itself).
    package var platformTags: [String] {
        stride(from: glibcMinor, through: 17, by: -1).map { "manylinux_2_\($0)_\(machine)" } + ["manylinux2014_\(machine)"]
    }

    /// pip options that make it choose distributions for this target and never build sdists.
    /// `acceptLocalLinuxWheels` adds `linux_<machine>` (wheels compiled on this very machine, valid
    /// when it runs the exact interpreter on the same Linux architecture).
    package func pipTargetOptions(acceptLocalLinuxWheels: Bool) -> [String] {
        var options = ["--only-binary=:all:", "--implementation", "cp", "--python-version", version,
                       "--abi", "cp\(versionDigits)"]
        for tag in platformTags { options += ["--platform", tag] }
        if acceptLocalLinuxWheels { options += ["--platform", "linux_\(machine)"] }
        return options
    }

    /// True when this machine is Linux on the target's architecture (native wheels built here run there).
    package var matchesHost: Bool {
        #if os(Linux) && arch(x86_64)
        return machine == "x86_64"
        #elseif os(Linux) && arch(arm64)
        return machine == "aarch64"
        #else
        return false
        #endif
    }
}

import Foundation
