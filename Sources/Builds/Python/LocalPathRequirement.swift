// A requirement installed from a local folder.

/// A `requirements.txt` line that installs a package from a local folder, with its extras.
public struct LocalPathRequirement: Sendable, Hashable {
    /// The absolute, lexically normalised folder (`..` and `.` removed; links not resolved).
    public let path: String
    /// The extras asked for, as written (`[docs_service, extraction]` → `["docs_service", "extraction"]`).
    public let extras: [String]
    /// The package name when the line gives one (`name @ file:...`, `#egg=name`), else nil.
    public let name: String?
    /// True for `-e` / `--editable` lines.
    public let isEditable: Bool
    /// The requirements file the line is in.
    public let file: String
    /// The 1-based line number (of the first physical line when continued with `\`).
    public let line: Int

    /// A local path requirement.
    public init(path: String, extras: [String], name: String?, isEditable: Bool, file: String, line: Int) {
        self.path = path
        self.extras = extras
        self.name = name
        self.isEditable = isEditable
        self.file = file
        self.line = line
    }

    /// The dependency to put in a build key: named by `name`, or else by the folder's last component.
    public var localDependency: LocalDependency {
        LocalDependency(name: name ?? String(path.split(separator: "/").last ?? "/"), folder: path)
    }
}
