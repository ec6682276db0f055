import ArgumentParser
import Pipeline

/// `--stack X` (repeatable), shared by `build`, `plan`, `up`, `update` and `verify`: limit the
/// command to a nested stack (its logical ID, or its path `Root/Child`) and everything under it.
struct StackSelectionOptions: ParsableArguments {
    @Option(name: .customLong("stack"),
            help: ArgumentHelp("Only this nested stack and the stacks under it: a logical ID or a path such as Root/Child (repeatable).",
                               valueName: "logical-id-or-path"))
    var stacks: [String] = []

    /// The selection (everything when no `--stack` was given).
    var selection: StackSelection { StackSelection(stacks) }

    func validate() throws {
        if stacks.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--stack needs a nested stack's logical ID or a stack path (Root/Child).")
        }
    }
}
