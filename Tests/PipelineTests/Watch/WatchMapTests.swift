import Builds
import Foundation
import Templates
import Testing
@testable import Pipeline

@Suite struct WatchMapTests {
    /// Two Python functions sharing `lib/shared` through requirements.txt, a layer, a state
    /// machine with a definition file and an API with an OpenAPI file.
    static func project() throws -> WatchTemporaryFolder {
        let folder = try WatchTemporaryFolder()
        try folder.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              FnA:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/a, Handler: app.handler, Runtime: python3.12, Layers: [!Ref Common]}
              FnB:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/b, Handler: app.handler, Runtime: python3.12}
              Common:
                Type: AWS::Serverless::LayerVersion
                Properties: {ContentUri: layers/common}
                Metadata: {BuildMethod: python3.12}
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties: {DefinitionUri: statemachine/flow.asl.json}
              Api:
                Type: AWS::Serverless::Api
                Properties: {StageName: dev, DefinitionUri: api/openapi.yaml}
            """)
        try folder.write("src/a/app.py", "def handler(e, c): return 'a'\n")
        try folder.write("src/a/requirements.txt", "./lib/shared\n")
        try folder.write("src/b/app.py", "def handler(e, c): return 'b'\n")
        try folder.write("src/b/requirements.txt", "-r extra.txt\n")
        try folder.write("src/b/extra.txt", "lib/shared\n")
        try folder.write("lib/shared/pyproject.toml", "[project]\nname = 'shared'\nversion = '1'\n")
        try folder.write("lib/shared/shared/__init__.py", "")
        try folder.write("layers/common/requirements.txt", "")
        try folder.write("statemachine/flow.asl.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}")
        try folder.write("api/openapi.yaml", "openapi: 3.0.1\n")
        return folder
    }

    static func map(_ folder: WatchTemporaryFolder) throws -> WatchMap {
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: folder.absolute("template.yaml")))
        let catalog = BuilderCatalog.standard(projectRoot: folder.path, environment: [:])
        return try WatchMap.make(plan: try BuildPlan.make(tree: tree, catalog: catalog), tree: tree)
    }

    func impact(_ map: WatchMap, _ folder: WatchTemporaryFolder, _ paths: String...) -> WatchImpact {
        map.impact(of: FileChangeBatch(paths: Set(paths.map(folder.absolute))))
    }

    @Test func aFunctionsOwnFileAffectsOnlyThatFunction() throws {
        let folder = try Self.project()
        let map = try Self.map(folder)
        #expect(impact(map, folder, "src/a/app.py") == WatchImpact(builds: ["Root/FnA"], hotswap: ["Root/FnA"]))
        #expect(impact(map, folder, "src/b/new_module.py") == WatchImpact(builds: ["Root/FnB"], hotswap: ["Root/FnB"]))
    }

    @Test func aSharedLocalPackageAffectsEveryFunctionThatInstallsIt() throws {
        let folder = try Self.project()
        let map = try Self.map(folder)
        let shared = impact(map, folder, "lib/shared/shared/__init__.py")
        #expect(Set(shared.builds) == ["Root/FnA", "Root/FnB"])
        #expect(Set(shared.hotswap) == ["Root/FnA", "Root/FnB"])
        #expect(!shared.needsDeploy)
    }

    @Test func requirementsFilesIncludedWithDashRAreInputs() throws {
        let folder = try Self.project()
        let map = try Self.map(folder)
        #expect(impact(map, folder, "src/b/extra.txt").hotswap == ["Root/FnB"])
    }

    @Test func aLayerChangeNeedsADeploy() throws {
        let folder = try Self.project()
        let map = try Self.map(folder)
        let layer = impact(map, folder, "layers/common/requirements.txt")
        #expect(layer.builds == ["Root/Common"])
        #expect(layer.hotswap.isEmpty)
        #expect(layer.needsDeploy)
        #expect(layer.notHotswappable.first?.contains("Root/Common") == true)
    }

    @Test func aDefinitionFileIsHotSwappedWithoutABuildAndOtherFilesNeedADeploy() throws {
        let folder = try Self.project()
        let map = try Self.map(folder)
        #expect(impact(map, folder, "statemachine/flow.asl.json") == WatchImpact(hotswap: ["Root/Flow"]))
        let api = impact(map, folder, "api/openapi.yaml")
        #expect(api.needsDeploy)
        #expect(api.notHotswappable.first?.contains("Root/Api") == true)
    }

    @Test func aTemplateChangeIsReportedAndUnrelatedPathsAffectNothing() throws {
        let folder = try Self.project()
        let map = try Self.map(folder)
        let template = impact(map, folder, "template.yaml")
        #expect(template.changedTemplates == [folder.absolute("template.yaml")])
        #expect(template.needsDeploy)
        #expect(impact(map, folder, "README.md").isEmpty)
        #expect(impact(map, folder, "src/ab.py").isEmpty)
    }

    @Test func anOverflowCountsAsEverythingChanged() throws {
        let folder = try Self.project()
        let map = try Self.map(folder)
        let all = map.impact(of: FileChangeBatch(overflowed: true))
        #expect(Set(all.hotswap) == ["Root/FnA", "Root/FnB", "Root/Flow"])
        #expect(all.changedTemplates.isEmpty)
    }

    @Test func rootsCoverEveryInputOnce() throws {
        let folder = try Self.project()
        let roots = try Self.map(folder).roots
        let folders = Set(roots.filter(\.isFolder).map(\.path))
        #expect(folders.isSuperset(of: ["src/a", "src/b", "lib/shared", "layers/common"].map(folder.absolute)))
        let files = Set(roots.filter { !$0.isFolder }.map(\.path))
        #expect(files.isSuperset(of: ["template.yaml", "statemachine/flow.asl.json", "api/openapi.yaml"].map(folder.absolute)))
        // requirements.txt lives in src/a, which is already watched as a folder.
        #expect(!files.contains(folder.absolute("src/a/requirements.txt")))
        #expect(Set(roots).count == roots.count)
    }
}
