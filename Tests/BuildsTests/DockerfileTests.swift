import Builds
import Testing

/// Reading Dockerfiles: continuations, comments, variables, stages, and what is refused.
@Suite("Dockerfile")
struct DockerfileTests {
    static func recipe(_ text: String, arguments: [String: String] = [:], target: String? = nil) throws -> ImageRecipe {
        try ImageRecipe(try Dockerfile(text: text, file: "Dockerfile"), arguments: arguments, target: target)
    }

    @Test("continuations join, comments drop, instructions keep the line they start on")
    func lines() throws {
        let file = try Dockerfile(text: "# comment\nFROM base\n\nENV A=1 \\\n  # inside\n  B=2\nCMD echo hi\n", file: "Dockerfile")
        #expect(file.instructions.map(\.keyword) == ["FROM", "ENV", "CMD"])
        #expect(file.instructions.map(\.line) == [2, 4, 7])
        #expect(file.instructions[1].arguments == "A=1 B=2")
    }

    @Test("ARG defaults and build arguments, ENV legacy and pair forms, quotes, ${VAR:-default}")
    func variables() throws {
        let recipe = try Self.recipe("""
            ARG TAG=3.12
            FROM public.ecr.aws/lambda/python:${TAG}
            ARG NAME=world
            ENV GREETING "hello $NAME"
            ENV ROOT=${TASK:-/var/task} QUOTED="a b"
            WORKDIR $ROOT
            WORKDIR sub
            COPY src/ .
            ENTRYPOINT /run.sh
            """, arguments: ["NAME": "ferry"])
        #expect(recipe.base == "public.ecr.aws/lambda/python:3.12")
        #expect(recipe.steps == [
            .env([.init(key: "GREETING", value: "hello ferry")]),
            .env([.init(key: "ROOT", value: "/var/task"), .init(key: "QUOTED", value: "a b")]),
            .workdir("/var/task"),
            .workdir("/var/task/sub"),
            .copy(sources: ["src/"], destination: "/var/task/sub/", chmod: nil, line: 8),
            .entrypoint(["/bin/sh", "-c", "/run.sh"]),
        ])
    }

    @Test("DockerBuildTarget picks a stage; an unknown stage, COPY --from and RUN are refused with their line")
    func stagesAndRefusals() throws {
        let text = "FROM a AS one\nCOPY x /x\nFROM b AS two\nCOPY y /y\n"
        #expect(try Self.recipe(text, target: "one").base == "a")
        #expect(try Self.recipe(text).base == "b")
        let unknown = try #require(throws: ImageError.self) { try Self.recipe(text, target: "three") }
        #expect(unknown.description.contains("no stage named 'three'"))
        let from = try #require(throws: ImageError.self) { try Self.recipe("FROM a\nCOPY --from=builder /x /x\n") }
        #expect(from.needsExternalBuilder && from.description.contains("Dockerfile:2: COPY --from"))
        let run = try #require(throws: ImageError.self) { try Self.recipe("FROM a\nRUN true\n") }
        #expect(run.description.hasPrefix("Dockerfile:2: RUN"))
        let url = try #require(throws: ImageError.self) { try Self.recipe("FROM a\nADD https://x/y.tgz /y\n") }
        #expect(url.description.contains("Dockerfile:2: ADD of a URL"))
    }
}
