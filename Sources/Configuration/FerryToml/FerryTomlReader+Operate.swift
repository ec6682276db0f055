import Foundation

extension FerryTomlReader {
    /// Reads `before_deploy`, `gate_timeout`, `notify` and `invoke` of an `[env.<name>]` table.
    func readOperate(_ table: [String: TOMLNode], at path: KeyPath, _ v: inout TableValidator) -> OperateSettings {
        var settings = OperateSettings()
        if let gates = v.stringArray("before_deploy", in: table, at: path) {
            let keyPath = path.appending("before_deploy")
            for gate in gates where gate.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                v.report(.badValue(file: document.file, key: keyPath.description, line: v.line(keyPath), value: gate,
                                   allowed: [], explanation: "A gate is a shell command such as \"pytest -q tests/unit\"; remove the empty entry."))
            }
            settings.beforeDeploy = gates
        }
        if let timeout = positiveInteger("gate_timeout", in: table, at: path,
                                         explanation: "It is the number of seconds each gate may run: 1 or more.", &v) {
            settings.gateTimeout = TimeInterval(timeout)
        }
        if let urls = v.stringArray("notify", in: table, at: path) {
            let keyPath = path.appending("notify")
            for url in urls {
                do {
                    settings.notify.append(try WebhookURLTemplate(url))
                } catch {
                    v.report(.badValue(file: document.file, key: keyPath.description, line: v.line(keyPath), value: url,
                                       allowed: [], explanation: error.message))
                }
            }
        }
        settings.invokeEvents = v.keyValues("invoke", in: table, at: path, allowArrays: false)
        return settings
    }
}
