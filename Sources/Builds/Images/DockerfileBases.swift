// The images a Dockerfile builds on, for handing them to a container builder.

/// The external images a Dockerfile builds on.
enum DockerfileBases {
    /// Every `FROM` reference (global `ARG`s and build arguments expanded) that is neither `scratch`
    /// nor an earlier stage, in order, without repeats.
    static func references(_ dockerfile: Dockerfile, arguments: [String: String]) throws -> [String] {
        var global: [String: String] = [:]
        var stages: Set<String> = []
        var references: [String] = []
        var seenFrom = false
        for instruction in dockerfile.instructions {
            if instruction.keyword == "ARG", !seenFrom {
                for word in DockerWords.split(instruction.arguments) {
                    let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                    global[parts[0]] = arguments[parts[0]] ?? (parts.count > 1 ? parts[1] : "")
                }
            }
            guard instruction.keyword == "FROM" else { continue }
            seenFrom = true
            let words = DockerWords.split(DockerWords.flags(instruction.arguments).rest)
            guard let first = words.first else {
                throw ImageError(.dockerfile(file: dockerfile.file, line: instruction.line, message: "FROM needs an image"))
            }
            let reference = DockerWords.expand(first, global)
            if reference.lowercased() != "scratch", !stages.contains(reference), !references.contains(reference) {
                references.append(reference)
            }
            if words.count == 3, words[1].uppercased() == "AS" { stages.insert(words[2]) }
        }
        return references
    }
}
