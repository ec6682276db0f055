// Edits an image config the way Dockerfile instructions do, keeping every field it does not touch.

/// Applies `ImageRecipe` steps to an OCI image config (the JSON object with `config`, `rootfs`,
/// `history`); timestamps are the epoch so the result depends only on the inputs.
struct ImageConfigEditor {
    private(set) var config: JSONValue
    private var cmdSetHere = false

    static let epoch = "1970-01-01T00:00:00Z"

    init(config: JSONValue) {
        self.config = config
        self.config["created"] = .string(Self.epoch)
        if self.config["config"] == nil { self.config["config"] = .object([:]) }
    }

    mutating func apply(_ step: ImageRecipe.Step) {
        var settings = config["config"] ?? .object([:])
        let description: String
        switch step {
        case let .env(pairs):
            var env = (settings["Env"]?.array ?? []).compactMap(\.string)
            for pair in pairs {
                env.removeAll { $0.hasPrefix(pair.key + "=") }
                env.append("\(pair.key)=\(pair.value)")
            }
            settings["Env"] = .array(env.map(JSONValue.string))
            description = "ENV " + pairs.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        case let .workdir(path):
            settings["WorkingDir"] = .string(path)
            description = "WORKDIR \(path)"
        case let .cmd(command):
            settings["Cmd"] = .array(command.map(JSONValue.string))
            cmdSetHere = true
            description = "CMD \(command)"
        case let .entrypoint(command):
            settings["Entrypoint"] = .array(command.map(JSONValue.string))
            if !cmdSetHere { settings["Cmd"] = .null }  // Docker: ENTRYPOINT clears an inherited CMD
            description = "ENTRYPOINT \(command)"
        case let .label(pairs):
            var labels: [String: JSONValue] = [:]
            if case let .object(existing)? = settings["Labels"] { labels = existing }
            for pair in pairs { labels[pair.key] = .string(pair.value) }
            settings["Labels"] = .object(labels)
            description = "LABEL " + pairs.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        case let .user(user):
            settings["User"] = .string(user)
            description = "USER \(user)"
        case .copy:
            return
        }
        config["config"] = settings
        appendHistory(description, emptyLayer: true)
    }

    mutating func addLayer(diffID: String, createdBy: String) {
        var rootfs = config["rootfs"] ?? .object(["type": .string("layers")])
        rootfs["diff_ids"] = .array((rootfs["diff_ids"]?.array ?? []) + [.string(diffID)])
        config["rootfs"] = rootfs
        appendHistory(createdBy, emptyLayer: false)
    }

    private mutating func appendHistory(_ createdBy: String, emptyLayer: Bool) {
        var entry: [String: JSONValue] = ["created": .string(Self.epoch), "created_by": .string(createdBy)]
        if emptyLayer { entry["empty_layer"] = .bool(true) }
        config["history"] = .array((config["history"]?.array ?? []) + [.object(entry)])
    }

    /// A base layer descriptor with Docker media types renamed to their OCI equivalents.
    static func ociDescriptor(_ descriptor: JSONValue) -> JSONValue {
        var copy = descriptor
        switch descriptor["mediaType"]?.string {
        case "application/vnd.docker.image.rootfs.diff.tar.gzip"?:
            copy["mediaType"] = .string("application/vnd.oci.image.layer.v1.tar+gzip")
        case "application/vnd.docker.image.rootfs.diff.tar"?:
            copy["mediaType"] = .string("application/vnd.oci.image.layer.v1.tar")
        default: break
        }
        return copy
    }
}
