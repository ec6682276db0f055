import Foundation

/// Works out where each service is reached, in the order the AWS SDKs use:
/// `--endpoint-url` (every service), `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the
/// profile's `services` section, the profile's `endpoint_url`, then the partition's standard
/// host. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` (or the profile's
/// `ignore_configured_endpoint_urls = true`) ignores everything but `--endpoint-url`.
/// A custom endpoint makes S3 use path-style addressing.
package struct EndpointResolver: Sendable {
    /// The region standard endpoints are built for.
    package let region: String
    private let explicitURL: String?
    private let environment: [String: String]
    private let profile: AWSProfile?
    private let servicesSection: SharedConfigSection?
    private let configFile: String?

    /// - Parameters:
    ///   - region: the resolved region.
    ///   - explicitURL: `--endpoint-url`.
    ///   - profile: the profile settings are read from.
    ///   - config: for the profile's `[services name]` section.
    package init(region: String, explicitURL: String?, environment: [String: String], profile: AWSProfile?, config: AWSSharedConfig?) {
        self.region = region
        self.explicitURL = explicitURL
        self.environment = environment
        self.profile = profile
        servicesSection = profile?.value("services").flatMap { config?.servicesSections[$0] }
        configFile = config?.configFile
    }

    /// The partition of `region`.
    package var partition: AWSPartition { AWSPartition.containing(region: region) }

    /// Whether configured endpoints (environment and profile) are ignored.
    package var ignoresConfiguredEndpoints: Bool {
        if let value = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"], !value.isEmpty {
            return value.lowercased() == "true"
        }
        return profile?.value("ignore_configured_endpoint_urls")?.lowercased() == "true"
    }

    /// The endpoint for `service`; throws when a configured URL is not a usable URL.
    package func endpoint(for service: AWSService) throws(ResolutionError) -> ServiceEndpoint {
        let partition = self.partition
        let signingRegion = service.isGlobal ? partition.globalRegion : region
        if let (value, source) = customEndpoint(for: service) {
            let url = try Self.validate(value, source: source)
            return ServiceEndpoint(url: url, signingRegion: signingRegion, signingName: service.signingName,
                                   usesPathStyle: service == .s3)
        }
        let host = partition.hostname(endpointPrefix: service.endpointPrefix, region: region, isGlobal: service.isGlobal)
        guard let url = URL(string: "https://\(host)") else {
            throw ResolutionError(.invalidEndpoint(value: "https://\(host)", source: "the region \(region)", problem: "not a URL"))
        }
        return ServiceEndpoint(url: url, signingRegion: signingRegion, signingName: service.signingName)
    }

    /// The first configured URL for `service` and where it was set.
    func customEndpoint(for service: AWSService) -> (String, String)? {
        if let explicitURL, !explicitURL.isEmpty { return (explicitURL, "--endpoint-url") }
        if ignoresConfiguredEndpoints { return nil }
        let serviceVariable = "AWS_ENDPOINT_URL_" + service.environmentID
        if let value = environment[serviceVariable], !value.isEmpty { return (value, serviceVariable) }
        if let value = environment["AWS_ENDPOINT_URL"], !value.isEmpty { return (value, "AWS_ENDPOINT_URL") }
        if let servicesSection, let profile,
           let value = servicesSection.subSections[service.environmentID.lowercased()]?["endpoint_url"], !value.isEmpty {
            return (value, "endpoint_url for \(service.environmentID.lowercased()) in [services \(profile.value("services") ?? "")] "
                + "(\(configFile ?? "config file") line \(servicesSection.line))")
        }
        if let profile, let value = profile.value("endpoint_url") {
            return (value, "endpoint_url in profile \(profile.name) (\(profile.location(of: "endpoint_url") ?? profile.describe()))")
        }
        return nil
    }

    /// An absolute http(s) URL with a host; a trailing `/` is dropped.
    static func validate(_ value: String, source: String) throws(ResolutionError) -> URL {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed) else {
            throw ResolutionError(.invalidEndpoint(value: value, source: source, problem: "it is not a URL"))
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw ResolutionError(.invalidEndpoint(value: value, source: source, problem: "it must start with http:// or https://"))
        }
        guard let host = components.host, !host.isEmpty else {
            throw ResolutionError(.invalidEndpoint(value: value, source: source, problem: "it has no host name"))
        }
        let text = trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
        guard let url = URL(string: text) else {
            throw ResolutionError(.invalidEndpoint(value: value, source: source, problem: "it is not a URL"))
        }
        return url
    }
}
