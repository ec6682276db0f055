// The small parts of the Python builder: targets, wheel names, requirements plans, normalisation.
import Foundation
import Testing
@testable import Builds

@Suite("PythonBuilder parts")
struct PythonPartsTests {
    @Test("targets give pip the runtime's version, ABI and manylinux platforms for the architecture")
    func targets() throws {
        let x86 = try #require(PythonTarget(runtime: "python3.12", architecture: "x86_64"))
        let options = x86.pipTargetOptions(acceptLocalLinuxWheels: false)
        #expect(options.starts(with: ["--only-binary=:all:", "--implementation", "cp", "--python-version", "3.12", "--abi", "cp312"]))
        #expect(options.contains("manylinux_2_34_x86_64") && options.contains("manylinux2014_x86_64"))
        #expect(!options.contains("manylinux_2_35_x86_64") && !options.contains("linux_x86_64"))
        #expect(x86.pipTargetOptions(acceptLocalLinuxWheels: true).last == "linux_x86_64")
        let arm = try #require(PythonTarget(runtime: "python3.11", architecture: "arm64"))
        #expect(arm.machine == "aarch64" && arm.glibcMinor == 26)
        #expect(arm.platformTags.first == "manylinux_2_26_aarch64")
        #expect(PythonTarget(runtime: "nodejs20.x", architecture: "x86_64") == nil)
        #expect(PythonTarget(runtime: "python3", architecture: "x86_64") == nil)
    }

    @Test("wheel file names split into distribution, version and tags")
    func wheelNames() throws {
        let pure = try #require(WheelFilename("/w/idp_common-0.3.19-py3-none-any.whl"))
        #expect(pure.distribution == "idp_common" && pure.version == "0.3.19" && pure.isPure)
        let native = try #require(WheelFilename("native_pkg-1.0-1-cp311-cp311-linux_x86_64.whl"))
        #expect(native.pythonTag == "cp311" && native.platformTag == "linux_x86_64" && !native.isPure)
        #expect(WheelFilename("pkg-1.0.tar.gz") == nil)
    }

    @Test("plans inline -r files, resolve local paths against the template folder and keep other lines")
    func plans() throws {
        let folder = try TestFolder("py-plan")
        try folder.write("proj/fn/requirements.txt", """
            -r more.txt
            ../../lib/pkg[a,b]
            boto3==1.35.0  # pinned
            -c constraints.txt
            --find-links ./wheels
            """)
        try folder.write("proj/fn/more.txt", "requests>=2\n./vendor/x-1.0-py3-none-any.whl\n")
        try folder.mkdir("proj/fn/wheels")
        let plan = try PipRequirementsPlan.read(file: folder.url("proj/fn/requirements.txt"),
                                                templateFolder: folder.url("proj/stack/nested"))
        #expect(plan.files == [folder.url("proj/fn/requirements.txt"), folder.url("proj/fn/more.txt")])
        #expect(plan.localRequirements.map(\.path) == [folder.url("proj/stack/nested/vendor/x-1.0-py3-none-any.whl"),
                                                       folder.url("proj/lib/pkg")])
        #expect(plan.localRequirements[1].extras == ["a", "b"])
        let text = plan.render { "LOCAL\($0)" }
        #expect(text == """
            requests>=2
            LOCAL0
            LOCAL1
            boto3==1.35.0
            --constraint \(folder.url("proj/fn/constraints.txt"))
            --find-links \(folder.url("proj/fn/wheels"))

            """)
        #expect(!plan.isEmpty)
        let empty = try folder.write("proj/e/requirements.txt", "# nothing\n--index-url https://example.com\n")
        #expect(try PipRequirementsPlan.read(file: empty, templateFolder: folder.path).isEmpty)
    }

    @Test("a requirements file with CRLF line ends gives the same plan")
    func crlf() throws {
        let folder = try TestFolder("py-crlf")
        let file = try folder.write("fn/requirements.txt", "./lib/pkg[a]\r\nboto3==1.35.0\r\n")
        let plan = try PipRequirementsPlan.read(file: file, templateFolder: folder.path)
        #expect(plan.localRequirements.map(\.path) == [folder.url("lib/pkg")])
        #expect(plan.render { _ in "LOCAL" } == "LOCAL\nboto3==1.35.0\n")
    }

    @Test("normalisation removes direct_url.json, caches, what SAM leaves out (bin/, INSTALLER, REQUESTED) and their RECORD lines, and keeps the rest")
    func normalizer() throws {
        let folder = try TestFolder("py-norm")
        try folder.write("t/pkg/__init__.py", "x = 1\n")
        try folder.write("t/pkg/__pycache__/__init__.cpython-312.pyc", "b")
        try folder.write("t/pkg-1.0.dist-info/direct_url.json", "{\"url\": \"file:///tmp/x\"}")
        try folder.write("t/pkg-1.0.dist-info/INSTALLER", "pip\n")
        try folder.write("t/pkg-1.0.dist-info/REQUESTED", "")
        try folder.write("t/pkg-1.0.dist-info/entry_points.txt", "[console_scripts]\npkg = pkg:main\n")
        try folder.write("t/bin/pkg", "#!/root/.pyenv/versions/3.12.4/bin/python3.12\nimport pkg\n")
        // pip writes RECORD with CRLF line ends.
        try folder.write("t/pkg-1.0.dist-info/RECORD", [
            "../../bin/pkg,sha256=jkl,40",
            "pkg/__init__.py,sha256=abc,6", "pkg/__pycache__/__init__.cpython-312.pyc,,",
            "pkg-1.0.dist-info/INSTALLER,sha256=def,4", "pkg-1.0.dist-info/RECORD,,",
            "pkg-1.0.dist-info/REQUESTED,sha256=e3b,0",
            "pkg-1.0.dist-info/direct_url.json,sha256=ghi,24",
            "pkg-1.0.dist-info/entry_points.txt,sha256=mno,30", "",
        ].joined(separator: "\r\n"))
        try InstalledPackagesNormalizer.normalize(folder.url("t"))
        let files = try PythonFixture.tree(folder.url("t")).keys.sorted()
        #expect(files == ["pkg-1.0.dist-info/RECORD", "pkg-1.0.dist-info/entry_points.txt", "pkg/__init__.py"])
        let record = String(decoding: try readBytes(folder.url("t/pkg-1.0.dist-info/RECORD")), as: UTF8.self)
        #expect(record == "pkg/__init__.py,sha256=abc,6\r\npkg-1.0.dist-info/RECORD,,\r\n"
                + "pkg-1.0.dist-info/entry_points.txt,sha256=mno,30\r\n")
    }

    @Test("pip's no-distribution message gives the requirement; relative paths climb with ..")
    func helpers() {
        let output = "ERROR: Could not find a version that satisfies the requirement foo==1.0 (from versions: none)\n"
            + "ERROR: No matching distribution found for foo==1.0\n"
        #expect(PipSession.missingDistribution(in: output) == "foo==1.0")
        #expect(PipSession.missingDistribution(in: "ERROR: something else") == nil)
        #expect(PythonBuilder.relativePath("/p/lib/pkg", from: "/p/patterns/pattern-2") == "../../lib/pkg")
        #expect(PythonBuilder.relativePath("/p/src/fn/requirements.txt", from: "/p") == "src/fn/requirements.txt")
        #expect(PythonBuilder.relativePath("/p", from: "/p") == ".")
    }
}
