/// Where a resource that `Fn::ForEach` generated comes from: the loops around it (outermost
/// first), the value each loop had, and the key it was written under in the innermost loop's body.
package struct LoopOrigin: Sendable, Hashable {
    /// One enclosing loop and its value for this resource.
    package struct Level: Sendable, Hashable {
        /// The loop's name (`Functions` in `Fn::ForEach::Functions`).
        package var loopName: String
        /// The loop's identifier (`Name` in `[Name, [...], {...}]`).
        package var identifier: String
        /// The collection item this resource was made for.
        package var value: String

        /// A level.
        package init(loopName: String, identifier: String, value: String) {
            self.loopName = loopName
            self.identifier = identifier
            self.value = value
        }

        /// `Fn::ForEach::<loopName>`: the key the loop is written under.
        package var key: String { LanguageExtensions.loopPrefix + loopName }
    }

    /// The enclosing loops, outermost first.
    package var levels: [Level]
    /// The key in the innermost loop's body, as written (`${Name}Function`).
    package var resourceKey: String

    /// An origin.
    package init(levels: [Level], resourceKey: String) {
        self.levels = levels
        self.resourceKey = resourceKey
    }

    /// The path from the template root to the resource's body in the authored template
    /// (`Resources`, `Fn::ForEach::A`, `2`, ..., `${Name}Function`).
    package var authoredPath: [String] {
        ["Resources"] + levels.flatMap { [$0.key, "2"] } + [resourceKey]
    }
}

/// The authored form of a template that uses `AWS::LanguageExtensions`, kept next to its
/// in-memory expansion: packaging writes the authored form (CloudFormation expands the loops
/// itself), everything else reads the expansion.
package struct LanguageExtensionsSource: Sendable, Hashable {
    /// The template as written: loops, `Fn::Length`, `Fn::ToJsonString` and all.
    package var authored: TemplateValue
    /// Every resource a loop generated, by its expanded logical ID.
    package var origins: [LogicalID: LoopOrigin]

    /// A source.
    package init(authored: TemplateValue, origins: [LogicalID: LoopOrigin]) {
        self.authored = authored
        self.origins = origins
    }
}
