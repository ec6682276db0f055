import Testing
@testable import Pipeline

@Suite struct WatchIgnoreRulesTests {
    let rules = WatchIgnoreRules.standard

    @Test(arguments: [
        ".ferry/build/manifest.json", ".aws-sam/build/template.yaml", "src/fn/__pycache__/app.cpython-312.pyc",
        "src/fn/app.pyc", "tests/.pytest_cache/v/cache/nodeids", "web/node_modules/.cache/babel/x.json",
        "src/fn/.app.py.swp", "src/fn/app.py.swx", "src/fn/app.py~", "src/fn/.#app.py", "src/fn/4913",
        "src/fn/write.tmp", "src/.DS_Store", "poetry.lock", "src/fn/.~lock.notes.odt#", "src/fn/#app.py#",
    ])
    func ignoresBuildOutputCachesLocksAndEditorFiles(path: String) {
        #expect(rules.isIgnored(path))
    }

    @Test(arguments: [
        "src/fn/app.py", "src/fn/requirements.txt", "lib/shared/shared/__init__.py", "statemachine/flow.asl.json",
        "template.yaml", "web/package-lock.json", "src/fn/tmp/data.json", "src/fn/swp.py",
    ])
    func keepsSourcesManifestsAndDefinitions(path: String) {
        #expect(!rules.isIgnored(path))
    }

    @Test func judgesAbsolutePathsRelativeToTheirRoot() {
        #expect(rules.isIgnored(path: "/p/src/fn/__pycache__/x.py", under: "/p/src/fn"))
        #expect(!rules.isIgnored(path: "/p/src/fn/app.py", under: "/p/src/fn"))
        // A folder above the root named like an ignored one does not hide the root's files.
        #expect(!rules.isIgnored(path: "/p/.ferry-work/src/app.py", under: "/p/.ferry-work/src"))
        #expect(rules.isIgnored(path: "/elsewhere/app.py.swp", under: "/p/src"))
    }
}
