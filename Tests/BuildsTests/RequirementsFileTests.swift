// Local path requirements in requirements.txt.
import Foundation
import Testing
@testable import Builds

@Suite("RequirementsFile")
struct RequirementsFileTests {
    @Test("local path forms resolve against the base folder with their extras")
    func forms() {
        let text = """
            # shared library
            ./lib/idp_common_pkg[docs_service]
            ../../lib/pkg[extraction, docs_service]  # comment
            -e ./editable
            --editable=../other
            file:./viafile#egg=named[x]
            file:///abs/pkg%20space
            mylib[a] @ file:///opt/mylib ; python_version >= "3.9"
            ./hashed --hash=sha256:abc
            boto3==1.35.0
            requests[socks]>=2
            -i https://example.com/simple
            git+https://github.com/x/y.git#egg=y
            .
            ./cont\\
            inued
            """
        let found = RequirementsFile.localPathRequirements(inText: text, file: "requirements.txt", base: "/proj/patterns/p2")
        #expect(found.map(\.path) == ["/proj/patterns/p2/lib/idp_common_pkg", "/proj/lib/pkg", "/proj/patterns/p2/editable",
                                      "/proj/patterns/other", "/proj/patterns/p2/viafile", "/abs/pkg space", "/opt/mylib",
                                      "/proj/patterns/p2/hashed", "/proj/patterns/p2", "/proj/patterns/p2/continued"])
        #expect(found[0].extras == ["docs_service"])
        #expect(found[1].extras == ["extraction", "docs_service"])
        #expect(found[2].isEditable && found[3].isEditable && !found[0].isEditable)
        #expect(found[4].name == "named" && found[4].extras == ["x"])
        #expect(found[6].name == "mylib" && found[6].extras == ["a"])
        #expect(found[1].line == 3)
        #expect(found[9].line == 15)
        #expect(found[0].localDependency == LocalDependency(name: "idp_common_pkg", folder: "/proj/patterns/p2/lib/idp_common_pkg"))
    }

    @Test("files follow -r includes relative to the including file")
    func includes() throws {
        let folder = try TestFolder("req")
        try folder.write("fn/requirements.txt", "-r ../common/base.txt\n./local\n")
        try folder.write("common/base.txt", "../../lib/shared[a]\n-r base.txt\n")
        let found = try RequirementsFile.localPathRequirements(inFile: folder.url("fn/requirements.txt"), base: folder.url("app/x"))
        #expect(found.map(\.path) == [folder.path + "/lib/shared", folder.path + "/app/x/local"])
        #expect(found[0].file == folder.url("common/base.txt"))
    }
}
