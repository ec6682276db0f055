import AWSServices
import Crypto
import Foundation
import Templates

/// The root template made ready for CreateChangeSet: its source (body or URL), hash, the
/// capabilities it needs and its NoEcho and declared parameters.
struct TemplateInput: Sendable {
    /// CloudFormation's limit for `TemplateBody`.
    static let inlineLimit = 51_200

    var source: TemplateSource
    var hash: String
    var url: String?
    var requiredCapabilities: [String]
    var noEcho: Set<String>
    /// The declared parameter names, or nil when unknown.
    var declaredParameters: Set<String>?

    static func prepare(_ request: DeployRequest, cloudFormation: CloudFormation) async throws -> TemplateInput {
        switch request.template {
        case .url(let url):
            let summary = try? await cloudFormation.getTemplateSummary(.url(url))
            let declarations = summary?.parameters.member ?? []
            return TemplateInput(
                source: .url(url), hash: sha256(Data(url.utf8)), url: url,
                requiredCapabilities: summary?.capabilities.member ?? [],
                noEcho: Set(declarations.filter { $0.noEcho == true }.compactMap(\.parameterKey)),
                declaredParameters: summary.map { _ in Set(declarations.compactMap(\.parameterKey)) })
        case .file(let file):
            let data: Data
            do {
                data = try Data(contentsOf: file)
            } catch {
                throw DeploymentError.template(path: file.path, reason: "the file cannot be read (\(error.localizedDescription))")
            }
            let text = String(decoding: data, as: UTF8.self)
            let template: Template
            do {
                template = try TemplateLoader.parse(text, file: file.path)
            } catch {
                throw DeploymentError.template(path: file.path, reason: String(describing: error))
            }
            let hash = sha256(data)
            var source = TemplateSource.body(text)
            var url: String?
            if data.count > inlineLimit {
                guard let upload = request.uploadLargeTemplate else {
                    throw DeploymentError.templateTooLarge(path: file.path, size: data.count)
                }
                let uploaded = try await upload(data, hash)
                source = .url(uploaded)
                url = uploaded
            }
            return TemplateInput(
                source: source, hash: hash, url: url,
                requiredCapabilities: CapabilityDetector.required(by: template),
                noEcho: DeployParameters.noEchoNames(in: template),
                declaredParameters: Set((template.parameters ?? TemplateMap()).keys))
        }
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
