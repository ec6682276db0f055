import Pipeline
import Testing

@Suite("Function names")
struct FunctionSelectorTests {
    let functions = [
        StackFunction(logicalID: "Handler", stackPath: "Root/Api", functionName: "app-Api-Handler-1A"),
        StackFunction(logicalID: "IngestFn", stackPath: "Root", functionName: "app-IngestFn-XYZ"),
        StackFunction(logicalID: "IngestWorker", stackPath: "Root", functionName: "app-IngestWorker-ABC"),
        StackFunction(logicalID: "Report", stackPath: "Root", functionName: "app-Report-Q"),
    ]

    @Test("no names selects every function")
    func all() throws {
        #expect(try FunctionSelector.select([], from: functions) == functions)
    }

    @Test("a logical ID, a nested path, a physical name or a unique prefix selects one function")
    func single() throws {
        #expect(try FunctionSelector.select(["Report"], from: functions).map(\.logicalID) == ["Report"])
        #expect(try FunctionSelector.select(["Api/Handler"], from: functions).map(\.functionName) == ["app-Api-Handler-1A"])
        #expect(try FunctionSelector.select(["app-IngestFn-XYZ"], from: functions).map(\.logicalID) == ["IngestFn"])
        #expect(try FunctionSelector.select(["IngestW"], from: functions).map(\.logicalID) == ["IngestWorker"])
        #expect(try FunctionSelector.select(["app-Rep"], from: functions).map(\.logicalID) == ["Report"])
        #expect(try FunctionSelector.select(["Hand"], from: functions).map(\.displayName) == ["Api/Handler"])
    }

    @Test("names keep their order and a function comes once")
    func order() throws {
        let chosen = try FunctionSelector.select(["Report", "IngestFn", "app-Report-Q"], from: functions)
        #expect(chosen.map(\.logicalID) == ["Report", "IngestFn"])
    }

    @Test("an ambiguous prefix names every match")
    func ambiguous() {
        let error = #expect(throws: OperateError.self) { try FunctionSelector.select(["Ingest"], from: functions) }
        let text = error?.description ?? ""
        #expect(text.contains("IngestFn (app-IngestFn-XYZ)") && text.contains("IngestWorker (app-IngestWorker-ABC)"))
        #expect(!text.contains("Report"))
    }

    @Test("an unknown name lists the known functions")
    func unknown() {
        let error = #expect(throws: OperateError.self) { try FunctionSelector.select(["Nope"], from: functions) }
        let text = error?.description ?? ""
        #expect(text.contains("Nope is not a function"))
        for function in functions { #expect(text.contains(function.displayName)) }
    }
}
