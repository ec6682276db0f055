// `--stack`: one option group shared by build, plan, up, update and verify.
import Testing
@testable import FerryCLI

@Suite("--stack")
struct StackSelectionOptionsTests {
    @Test("every command takes --stack, repeatable")
    func parsing() throws {
        let up = try #require(try Ferry.parseAsRoot(["up", "--stack", "Child", "--stack", "Root/Other"]) as? UpCommand)
        #expect(up.stackSelection.stacks == ["Child", "Root/Other"])
        #expect(up.stackSelection.selection.patterns == ["Child", "Root/Other"])
        let plan = try #require(try Ferry.parseAsRoot(["plan", "--stack", "Child"]) as? PlanCommand)
        #expect(plan.stackSelection.stacks == ["Child"])
        let build = try #require(try Ferry.parseAsRoot(["build", "--stack", "Child", "FnA"]) as? BuildCommand)
        #expect(build.stackSelection.stacks == ["Child"])
        #expect(build.logicalIDs == ["FnA"])
        let update = try #require(try Ferry.parseAsRoot(["update", "--stack", "Child"]) as? UpdateCommand)
        #expect(update.stackSelection.stacks == ["Child"])
        let verify = try #require(try Ferry.parseAsRoot(["verify"]) as? VerifyCommand)
        #expect(verify.stackSelection.selection.isEverything)
    }

    @Test("an empty --stack is rejected")
    func empty() {
        for command in ["build", "plan", "up", "update", "verify"] {
            #expect(throws: (any Error).self, "\(command)") { try Ferry.parseAsRoot([command, "--stack", ""]) }
        }
    }
}
