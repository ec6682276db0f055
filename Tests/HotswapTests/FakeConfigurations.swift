import AWSCore
import AWSServices
import Foundation
import Hotswap
import Synchronization

/// A fake Lambda for settings and layers: functions as JSON (`Layers`, `Environment`, ...), layer
/// versions by ARN with their `CodeSha256`, every write recorded.
final class FakeConfigurations: FunctionConfigurationService {
    /// JSON values of fixed content, only touched under the mutex.
    struct State: @unchecked Sendable {
        var functions: [String: [String: Any]] = [:]
        var layers: [String: String] = [:]
        var calls: [String] = []
    }

    let state: Mutex<State>
    static let layerPrefix = "arn:aws:lambda:eu-central-1:123456789012:layer:"

    init(functions: [String: [String: Any]], layers: [String: String] = [:]) {
        nonisolated(unsafe) let functions = functions
        state = Mutex(State(functions: functions, layers: layers))
    }

    var calls: [String] { state.withLock { $0.calls } }

    func layerArns(of name: String) -> [String] {
        state.withLock { state in
            ((state.functions[name]?["Layers"] as? [[String: Any]]) ?? []).compactMap { $0["Arn"] as? String }
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: [String: Any]) throws -> T {
        try AWSCoders.jsonDecoder(for: .lambda).decode(type, from: JSONSerialization.data(withJSONObject: json))
    }

    func configuration(of functionName: String) async throws -> FunctionConfiguration {
        let json = try state.withLock { state -> [String: Any] in
            guard var json = state.functions[functionName] else { throw FakeError.notFound(functionName) }
            json["FunctionName"] = functionName
            json["FunctionArn"] = World.arnPrefix + functionName
            return json
        }
        nonisolated(unsafe) let sendable = json
        return try Self.decode(FunctionConfiguration.self, sendable)
    }

    func updateConfiguration(of functionName: String, _ update: FunctionConfigurationUpdate) async throws {
        try state.withLock { state in
            guard var json = state.functions[functionName] else { throw FakeError.notFound(functionName) }
            var what: [String] = []
            if let layers = update.layers {
                json["Layers"] = layers.map { ["Arn": $0] }
                what.append("Layers=\(layers.joined(separator: ","))")
            }
            if let environment = update.environment {
                json["Environment"] = ["Variables": environment.variables ?? [:]]
                what.append("Environment=\((environment.variables ?? [:]).keys.sorted().map { "\($0)=\(environment.variables?[$0] ?? "")" }.joined(separator: ","))")
            }
            if let description = update.description {
                json["Description"] = description
                what.append("Description=\(description)")
            }
            json["LastUpdateStatus"] = "Successful"
            state.functions[functionName] = json
            state.calls.append("UpdateFunctionConfiguration \(functionName) \(what.joined(separator: " "))")
        }
    }

    func waitUntilConfigured(_ functionName: String) async throws -> FunctionConfiguration {
        try await configuration(of: functionName)
    }

    func publishLayerVersion(_ layerName: String, content: FunctionCode, settings: LayerPublishSettings) async throws -> LayerVersion {
        let json = state.withLock { state -> [String: Any] in
            let existing = state.layers.keys.filter { $0.hasPrefix(Self.layerPrefix + layerName + ":") }.count
            let arn = "\(Self.layerPrefix)\(layerName):\(existing + 1)"
            let sha: String
            switch content {
            case .zipFile(let data): sha = ContentHash.base64(data)
            case .s3(_, let key, _): sha = "s3:\(key)"
            case .imageUri: sha = ""
            }
            state.layers[arn] = sha
            state.calls.append("PublishLayerVersion \(layerName) \(sha)")
            return ["LayerVersionArn": arn, "LayerArn": Self.layerPrefix + layerName, "Version": existing + 1,
                    "Content": ["CodeSha256": sha]]
        }
        nonisolated(unsafe) let sendable = json
        return try Self.decode(LayerVersion.self, sendable)
    }

    func newestLayerVersionArn(of layerName: String) async throws -> String? {
        state.withLock { state in
            state.layers.keys.filter { $0.hasPrefix(Self.layerPrefix + layerName + ":") }
                .max { Int($0.split(separator: ":").last ?? "") ?? 0 < Int($1.split(separator: ":").last ?? "") ?? 0 }
        }
    }

    func layerVersion(arn: String) async throws -> LayerVersion {
        let sha = try state.withLock { state -> String in
            guard let sha = state.layers[arn] else { throw FakeError.notFound(arn) }
            return sha
        }
        return try Self.decode(LayerVersion.self, ["LayerVersionArn": arn, "Content": ["CodeSha256": sha]])
    }
}
