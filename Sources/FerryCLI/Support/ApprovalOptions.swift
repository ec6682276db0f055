import ArgumentParser
import Foundation
import Pipeline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options every command that changes a stack shares (`ferry up`, `deploy`, `rollback`): how it
/// gets its go-ahead.
struct ApprovalOptions: ParsableArguments {
    @Flag(name: [.customShort("y"), .long], help: "Proceed without asking (not enough for environments with approval = \"required\").")
    var yes = false

    @Flag(name: .long, help: "Approve, also for environments with approval = \"required\".")
    var approve = false

    /// The flags, whether stdin is a terminal, and how to ask on it.
    var input: ApprovalInput {
        ApprovalInput(yes: yes, approve: approve, isTTY: isatty(STDIN_FILENO) != 0, ask: TerminalQuestion.ask)
    }
}
