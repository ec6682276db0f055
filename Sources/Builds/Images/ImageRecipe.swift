// What a Dockerfile without RUN asks for: a base image and steps on top of it.

/// The chosen stage of a Dockerfile, with build arguments and variables already substituted:
/// the base reference and the steps that change the image's files and config.
package struct ImageRecipe: Sendable, Hashable {
    /// One step on top of the base.
    package enum Step: Sendable, Hashable {
        /// `ENV`: variables set (later ones replace earlier ones with the same name).
        case env([Pair])
        /// `WORKDIR`: the absolute working directory.
        case workdir(String)
        /// `COPY`/`ADD` of local files: sources relative to the context, an absolute destination.
        case copy(sources: [String], destination: String, chmod: UInt32?, line: Int)
        /// `CMD` in exec form.
        case cmd([String])
        /// `ENTRYPOINT` in exec form.
        case entrypoint([String])
        /// `LABEL`: labels set.
        case label([Pair])
        /// `USER`.
        case user(String)
    }

    /// A name and a value (ENV, LABEL).
    package struct Pair: Sendable, Hashable {
        package var key: String
        package var value: String

        /// A pair.
        package init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The base image reference after substitution (`public.ecr.aws/lambda/python:3.12`).
    package var base: String
    /// The steps in order.
    package var steps: [Step]

    /// Resolves `dockerfile` for `target` (a stage name; nil means the last stage) with `arguments`.
    /// Instructions that need a container (`RUN`, ...) are refused with their line.
    package init(_ dockerfile: Dockerfile, arguments: [String: String], target: String?) throws {
        let file = dockerfile.file
        func fail(_ line: Int, _ message: String) -> ImageError { ImageError(.dockerfile(file: file, line: line, message: message)) }
        // Split into stages; ARGs before the first FROM are global.
        var global: [String: String] = [:]
        var stages: [(from: Dockerfile.Instruction, name: String?, body: [Dockerfile.Instruction])] = []
        for instruction in dockerfile.instructions {
            if instruction.keyword == "FROM" {
                let (_, rest) = DockerWords.flags(instruction.arguments)
                let words = DockerWords.split(rest)
                guard words.count == 1 || (words.count == 3 && words[1].uppercased() == "AS") else {
                    throw fail(instruction.line, "FROM takes an image and an optional 'AS name'")
                }
                stages.append((instruction, words.count == 3 ? words[2] : nil, []))
            } else if stages.isEmpty {
                guard instruction.keyword == "ARG" else { throw fail(instruction.line, "\(instruction.keyword) before the first FROM") }
                for (key, value) in Self.argument(instruction.arguments) { global[key] = arguments[key] ?? value ?? "" }
            } else {
                stages[stages.count - 1].body.append(instruction)
            }
        }
        guard !stages.isEmpty else { throw fail(1, "no FROM instruction") }
        let chosen: Int
        if let target {
            guard let index = stages.firstIndex(where: { $0.name == target }) else {
                throw fail(1, "no stage named '\(target)' (DockerBuildTarget); stages: \(stages.compactMap(\.name).joined(separator: ", "))")
            }
            chosen = index
        } else {
            chosen = stages.count - 1
        }
        let stage = stages[chosen]
        let (_, fromRest) = DockerWords.flags(stage.from.arguments)
        let base = DockerWords.expand(DockerWords.split(fromRest)[0], global)
        if stages[..<chosen].contains(where: { $0.name == base }) {
            throw ImageError(.unsupportedInstruction(file: file, line: stage.from.line, instruction: "FROM an earlier stage"))
        }
        self.base = base
        var variables: [String: String] = [:]
        var workdir = "/"
        var steps: [Step] = []
        for instruction in stage.body {
            let line = instruction.line
            let text = instruction.arguments
            switch instruction.keyword {
            case "ARG":
                for (key, value) in Self.argument(text) {
                    variables[key] = arguments[key] ?? value.map { DockerWords.expand($0, variables) } ?? global[key] ?? ""
                }
            case "ENV":
                guard let pairs = DockerWords.pairs(text, legacy: true) else { throw fail(line, "ENV needs NAME=value") }
                let expanded = pairs.map { Pair(key: $0.key, value: DockerWords.expand($0.value, variables)) }
                for pair in expanded { variables[pair.key] = pair.value }
                steps.append(.env(expanded))
            case "LABEL":
                guard let pairs = DockerWords.pairs(text, legacy: false) else { throw fail(line, "LABEL needs key=value") }
                steps.append(.label(pairs.map { Pair(key: DockerWords.expand($0.key, variables), value: DockerWords.expand($0.value, variables)) }))
            case "WORKDIR":
                let path = DockerWords.expand(DockerWords.split(text).joined(separator: " "), variables)
                guard !path.isEmpty else { throw fail(line, "WORKDIR needs a path") }
                workdir = ImagePath.normalize(path.hasPrefix("/") ? path : workdir + "/" + path)
                steps.append(.workdir(workdir))
            case "USER":
                steps.append(.user(DockerWords.expand(text, variables)))
            case "CMD", "ENTRYPOINT":
                let command = DockerWords.execForm(text) ?? ["/bin/sh", "-c", text]
                steps.append(instruction.keyword == "CMD" ? .cmd(command) : .entrypoint(command))
            case "COPY", "ADD":
                let (flags, rest) = DockerWords.flags(text)
                if flags["from"] != nil {
                    throw ImageError(.unsupportedInstruction(file: file, line: line, instruction: "COPY --from"))
                }
                if let owner = flags["chown"], !["0", "0:0", "root", "root:root"].contains(owner) {
                    throw fail(line, "--chown=\(owner): Ferry's layers are owned by root (uid 0); use USER for the process instead")
                }
                var chmod: UInt32?
                if let mode = flags["chmod"] {
                    guard let value = UInt32(mode, radix: 8) else { throw fail(line, "--chmod=\(mode) is not an octal mode") }
                    chmod = value & 0o777
                }
                let words = (DockerWords.execForm(rest) ?? DockerWords.split(rest)).map { DockerWords.expand($0, variables) }
                guard words.count >= 2 else { throw fail(line, "\(instruction.keyword) needs at least one source and a destination") }
                let sources = Array(words.dropLast())
                if instruction.keyword == "ADD", let remote = sources.first(where: { $0.contains("://") }) {
                    throw fail(line, "ADD of a URL (\(remote)) is not supported; download it into the context and COPY it")
                }
                var destination = words[words.count - 1]
                let isFolder = destination.hasSuffix("/") || destination == "." || sources.count > 1
                destination = destination.hasPrefix("/") ? destination : workdir + "/" + destination
                destination = ImagePath.normalize(destination) + (isFolder ? "/" : "")
                steps.append(.copy(sources: sources, destination: destination, chmod: chmod, line: line))
            case "EXPOSE", "STOPSIGNAL", "HEALTHCHECK", "SHELL", "VOLUME", "MAINTAINER", "ONBUILD":
                throw fail(line, "\(instruction.keyword) is not supported by Ferry's image writer (Lambda ignores it); remove it")
            default:
                throw ImageError(.unsupportedInstruction(file: file, line: line, instruction: instruction.keyword))
            }
        }
        self.steps = steps
    }

    /// `ARG NAME[=default] ...` as names with optional defaults.
    private static func argument(_ text: String) -> [(String, String?)] {
        DockerWords.split(text).map { word in
            guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
            return (String(word[..<equals]), String(word[word.index(after: equals)...]))
        }
    }
}

/// Absolute, slash-separated paths inside an image.
enum ImagePath {
    /// Resolves `.` and `..`, collapses slashes; always starts with `/`, never ends with one (except `/`).
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
