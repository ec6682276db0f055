import Pipeline
import Testing

/// `--stack`: logical IDs at any depth, path forms, ambiguity, unknown names with a suggestion.
@Suite struct StackSelectionTests {
    static let paths = ["Root", "Root/Pattern2Stack", "Root/Pattern2Stack/ReportingStack", "Root/Pattern3Stack",
                        "Root/Pattern3Stack/ReportingStack", "Root/Pattern3Stack/OCRStack"]

    @Test func noPatternSelectsEverything() throws {
        let selected = try StackSelection().resolve(among: Self.paths)
        #expect(selected.isEverything)
        #expect(selected.summary == nil)
        #expect(Self.paths.allSatisfy { selected.contains(stackPath: $0) })
    }

    @Test func aLogicalIDAtDepthTwoSelectsThatStackAndItsChildren() throws {
        let selected = try StackSelection(["OCRStack"]).resolve(among: Self.paths)
        #expect(selected.stackPaths == ["Root/Pattern3Stack/OCRStack"])
        #expect(selected.contains(stackPath: "Root/Pattern3Stack/OCRStack"))
        #expect(!selected.contains(stackPath: "Root/Pattern3Stack"))
        #expect(!selected.contains(stackPath: "Root"))

        let parent = try StackSelection(["Pattern2Stack"]).resolve(among: Self.paths)
        #expect(parent.contains(stackPath: "Root/Pattern2Stack/ReportingStack"), "a selection includes what is nested under it")
        #expect(!parent.contains(stackPath: "Root/Pattern3Stack/ReportingStack"))
        #expect(!parent.contains(stackPath: "Root/Pattern2StackX"), "a prefix that is not a path component does not match")
    }

    @Test func pathsMatchWithOrWithoutTheRoot() throws {
        let full = try StackSelection(["Root/Pattern3Stack/ReportingStack"]).resolve(among: Self.paths)
        let relative = try StackSelection(["Pattern3Stack/ReportingStack"]).resolve(among: Self.paths)
        #expect(full.stackPaths == ["Root/Pattern3Stack/ReportingStack"])
        #expect(relative == full)
        let root = try StackSelection(["Root"]).resolve(among: Self.paths)
        #expect(root.stackPaths == ["Root"])
        #expect(Self.paths.allSatisfy { root.contains(stackPath: $0) })
    }

    @Test func repeatedAndNestedPatternsCollapse() throws {
        let selected = try StackSelection(["Pattern2Stack", "Root/Pattern2Stack/ReportingStack", "OCRStack", "Pattern2Stack"])
            .resolve(among: Self.paths)
        #expect(selected.stackPaths == ["Root/Pattern2Stack", "Root/Pattern3Stack/OCRStack"])
        #expect(selected.summary == "Root/Pattern2Stack, Root/Pattern3Stack/OCRStack")
    }

    @Test func anAmbiguousLogicalIDListsTheFullPaths() throws {
        let error = try #require(throws: StackSelectionError.self) {
            try StackSelection(["ReportingStack"]).resolve(among: Self.paths)
        }
        #expect(error.matches == ["Root/Pattern2Stack/ReportingStack", "Root/Pattern3Stack/ReportingStack"])
        #expect(error.description.contains("Root/Pattern2Stack/ReportingStack, Root/Pattern3Stack/ReportingStack"))
        // The path disambiguates.
        let one = try StackSelection(["Pattern2Stack/ReportingStack"]).resolve(among: Self.paths)
        #expect(one.stackPaths == ["Root/Pattern2Stack/ReportingStack"])
    }

    @Test func anUnknownNameSuggestsTheClosestAndListsTheStacks() throws {
        let typo = try #require(throws: StackSelectionError.self) {
            try StackSelection(["Patern2Stack"]).resolve(among: Self.paths)
        }
        #expect(typo.suggestion == "Pattern2Stack")
        #expect(typo.description.contains("Did you mean Pattern2Stack?"))
        #expect(typo.description.contains("Root/Pattern3Stack/OCRStack"), "the stacks are listed: \(typo.description)")

        let wrongCase = try #require(throws: StackSelectionError.self) {
            try StackSelection(["ocrstack"]).resolve(among: Self.paths)
        }
        #expect(wrongCase.suggestion == "OCRStack", "case-sensitive like CloudFormation, with a hint")

        let far = try #require(throws: StackSelectionError.self) {
            try StackSelection(["Billing"]).resolve(among: Self.paths)
        }
        #expect(far.suggestion == nil)
        #expect(far.description.contains("Stacks: Root, Root/Pattern2Stack"))
    }

    @Test func anEmptyPatternIsRejected() throws {
        #expect(throws: StackSelectionError.self) { try StackSelection([" "]).resolve(among: Self.paths) }
    }
}
