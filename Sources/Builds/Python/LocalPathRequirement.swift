// A requirement installed from a local folder.

/// A `requirements.txt` line that installs a package from a local folder, with its extras.
package struct LocalPathRequirement: Sendable, Hashable {
    /// The absolute, lexically normalised folder (`..` and `.` removed; links not resolved).
    package let path: String
    /// The extras asked for, as written (`[docs_service, extraction]` → `["docs_service", "extraction"]`).
    package let extras: [String]
    /// The package name when the line gives one (`name @ file:...`, `#egg=name`), else nil.
    package let name: String?
    /// True for `-e` / `--editable` lines.
    package let isEditable: Bool
    /// The requirements file the line is in.
    package let file: String
    /// The 1-based line number (of the first physical line when continued with `\`).
    package let line: Int

    /// A local path requirement.
    package init(path: String, extras: [String], name: String?, isEditable: Bool, file: String, line: Int) {
        self.path = path
        self.extras = extras
        self.name = name
        self.isEditable = isEditable
        self.file = file
        self.line = line
    }

    /// The dependency to put in a build key: named by `name`, or else by the folder's last component.
    package var localDependency: LocalDependency {
        LocalDependency(name: name ?? String(path.split(separator: "/").last ?? "/"), folder: path)
    }
}
