// Each stage of a build has one error type, and each maps to its documented exit code and line.
import Pipeline
import Reporting
import Testing
@testable import Builds
@testable import FerryCLI

@Suite("build stage errors")
struct BuildStageErrorTests {
    /// Reports `error` the way the entry point does, into buffers: the exit code, stdout, stderr.
    static func report(_ error: any Error, json: Bool = false) -> (code: FerryExitCode, out: String, err: String) {
        let out = BufferOutput(), err = BufferOutput()
        let code = ErrorReporter.report(error, json: json, sink: FinalLineSink(json: json, standardOutput: out, standardError: err))
        return (code, out.text, err.text)
    }

    @Test("planning a build from the template is bad input (64)")
    func planning() {
        let error = BuildPlanError(.missingRuntime(supported: "python3.12"), logicalID: "Fn", file: "template.yaml", line: 7)
        let reported = Self.report(error)
        #expect(reported.code == .usage)
        #expect(reported.err == "error: template.yaml:7: Fn has no Runtime, so Ferry does not know how to build it. "
            + "Set Runtime, or use one of: python3.12.\n")
    }

    @Test("a builder's missing tool exits 69; a failed tool process exits 1 and keeps its output")
    func builder() {
        let missing = BuilderError(.toolNotFound(tool: "npm", resource: "Root/Fn", hint: "Install Node.js."))
        #expect(missing.isMissingTool)
        #expect(Self.report(missing).code == .missingTool)
        #expect(Self.report(missing).err == "error: Building Root/Fn needs 'npm', which is not on PATH. Install Node.js.\n")
        let failed = BuilderError(.processFailed(resource: "Root/Fn", command: "make", exitCode: 2, folder: "/p"), output: "boom")
        #expect(!failed.isMissingTool)
        #expect(failed.output == "boom")
        #expect(failed.logicalID == nil)
        #expect(Self.report(failed).code == .failure)
    }

    @Test("the files stage: the project's files are bad input (64), the machine's I/O is a failure (1)")
    func files() {
        let link = BuildFilesError(.symlinkBroken(link: "a/b", target: "c"))
        #expect(Self.report(link).code == .usage)
        #expect(Self.report(link).err == "error: Symbolic link 'a/b' points to 'c', which does not exist. Fix or remove the link.\n")
        #expect(Self.report(BuildFilesError(.zlib(operation: "deflate", code: -2, path: "x"))).code == .failure)
    }

    @Test("images keep their own type: a Dockerfile mistake is bad input, a corrupt blob a failure")
    func images() {
        #expect(Self.report(ImageError(.dockerfile(file: "Dockerfile", line: 3, message: "bad"))).code == .usage)
        #expect(Self.report(ImageError(.missingBlob(digest: "sha256:0", path: "/b"))).code == .failure)
    }

    @Test("the error line goes through the sink: with --json its JSON line on stdout first, the plain line on stderr")
    func jsonAndPlainLine() throws {
        let reported = Self.report(BuildFilesError(.notADirectory(path: "src")), json: true)
        #expect(reported.code == .usage)
        let message = "'src' is not a folder. Point the function's CodeUri (or the dependency) at a folder."
        #expect(reported.err == "error: \(message)\n")
        #expect(reported.out == #"{"data":{"category":"badInput","exitCode":64},"event":"error","level":"error","message":""#
            + message + "\"}\n")
        let plain = Self.report(BuildFilesError(.notADirectory(path: "src")))
        #expect(plain.out.isEmpty)
        #expect(plain.err == reported.err)
    }

    @Test("an interrupt's line is the message between newlines on stderr")
    func interruptLine() {
        let out = BufferOutput(), err = BufferOutput()
        FinalLineSink(json: false, standardOutput: out, standardError: err).emit(DeployInterruptedEvent(message: "stopping"))
        #expect(err.text == "\nstopping\n")
        #expect(out.text.isEmpty)
    }
}
