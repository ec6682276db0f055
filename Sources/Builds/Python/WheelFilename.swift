// The parts of a wheel's file name.

/// A wheel file name, `{distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl` (PEP 427).
package struct WheelFilename: Sendable, Hashable {
    /// The distribution name as in the file name (`idp_common`).
    package let distribution: String
    /// The version.
    package let version: String
    /// The python tag(s) (`py3`, `cp312`).
    package let pythonTag: String
    /// The ABI tag(s) (`none`, `cp312`, `abi3`).
    package let abiTag: String
    /// The platform tag(s) (`any`, `manylinux_2_17_x86_64.manylinux2014_x86_64`).
    package let platformTag: String

    /// Parses a wheel file name (a path's last component is used); nil when it is not one.
    package init?(_ name: String) {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        guard file.hasSuffix(".whl") else { return nil }
        let parts = file.dropLast(4).split(separator: "-")
        guard parts.count == 5 || parts.count == 6 else { return nil }
        distribution = String(parts[0])
        version = String(parts[1])
        pythonTag = String(parts[parts.count - 3])
        abiTag = String(parts[parts.count - 2])
        platformTag = String(parts[parts.count - 1])
    }

    /// True for a pure-Python wheel (platform `any`), which runs on every interpreter it names.
    package var isPure: Bool { platformTag == "any" }
}
