// A base image reference as a Dockerfile's FROM names it, resolved to a registry and repository.

/// `python:3.12`, `public.ecr.aws/lambda/python:3.12`, `host:5000/team/app@sha256:…`: the registry
/// host, the repository and a tag or digest, with Docker Hub's defaults (`docker.io` is
/// `registry-1.docker.io`, one-part names are under `library/`, no tag is `latest`).
package struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    /// The registry host (with its port), e.g. `registry-1.docker.io`, `public.ecr.aws`.
    package var registry: String
    /// The repository inside the registry (`library/python`, `lambda/python`).
    package var repository: String
    /// The tag, when the reference names one (`latest` when it names neither tag nor digest).
    package var tag: String?
    /// `sha256:<hex>`, when the reference pins a digest.
    package var digest: String?

    /// Parses `text`; nil when it is not an image reference.
    package init?(_ text: String) {
        var rest = Substring(text)
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
            guard let digest, digest.hasPrefix("sha256:"), digest.count == 71 else { return nil }
        }
        var tag: String?
        if let colon = rest.lastIndex(of: ":"), !rest[rest.index(after: colon)...].contains("/") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        guard !rest.isEmpty, tag?.isEmpty != true, !rest.contains(" ") else { return nil }
        var parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else { return nil }
        var registry = "registry-1.docker.io"
        if parts.count > 1, parts[0].contains(".") || parts[0].contains(":") || parts[0] == "localhost" {
            registry = parts.removeFirst()
            if registry == "docker.io" || registry == "index.docker.io" { registry = "registry-1.docker.io" }
        }
        if registry == "registry-1.docker.io", parts.count == 1 { parts.insert("library", at: 0) }
        self.registry = registry
        self.repository = parts.joined(separator: "/")
        self.tag = tag ?? (digest == nil ? "latest" : nil)
        self.digest = digest
    }

    /// The tag or digest to ask the registry for (the digest when both are given).
    package var reference: String { digest ?? tag ?? "latest" }

    /// `https://<registry>`, or `http://` for `localhost` and `127.0.0.1` (as Docker allows).
    package var endpoint: String {
        let host = registry.split(separator: ":").first.map(String.init) ?? registry
        return (host == "localhost" || host == "127.0.0.1" ? "http://" : "https://") + registry
    }

    /// Whether the registry is an Amazon ECR private registry (`<account>.dkr.ecr.<region>.amazonaws.com`).
    package var isECR: Bool {
        let labels = registry.split(separator: ".")
        return labels.count >= 6 && labels[0].count == 12 && labels[0].allSatisfy(\.isNumber)
            && labels[1] == "dkr" && labels[2] == "ecr" && labels[4] == "amazonaws"
    }

    /// `registry/repository[:tag][@digest]`.
    package var description: String {
        "\(registry)/\(repository)" + (tag.map { ":\($0)" } ?? "") + (digest.map { "@\($0)" } ?? "")
    }
}
