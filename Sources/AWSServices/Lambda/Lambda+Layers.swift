import AWSCore
import Foundation

extension Lambda {
    static func layerPath(_ layerName: String, _ suffix: String = "") -> String {
        "/2018-10-31/layers/\(pathSegment(layerName))/versions\(suffix)"
    }

    /// Every version of a layer, newest first, all pages (ListLayerVersions).
    package func listLayerVersions(_ layerName: String) async throws -> [LayerVersionsListItem] {
        try await paginate(operation: "ListLayerVersions") { marker in
            let page: ListLayerVersionsPage = try await call(
                "ListLayerVersions", "GET", Self.layerPath(layerName), query: marker.map { [("Marker", $0)] } ?? [])
            return page
        } items: { $0.layerVersions ?? [] } nextToken: { $0.nextMarker }
    }

    /// Publishes a new layer version from a zip or an S3 object (PublishLayerVersion).
    package func publishLayerVersion(
        _ layerName: String, content: FunctionCode, description: String? = nil, compatibleRuntimes: [String]? = nil,
        compatibleArchitectures: [String]? = nil, licenseInfo: String? = nil
    ) async throws -> LayerVersion {
        var body = PublishLayerVersionBody(
            description: description, content: .init(), compatibleRuntimes: compatibleRuntimes,
            licenseInfo: licenseInfo, compatibleArchitectures: compatibleArchitectures)
        switch content {
        case .zipFile(let data): body.content.zipFile = data.base64EncodedString()
        case .s3(let bucket, let key, let version):
            body.content.s3Bucket = bucket
            body.content.s3Key = key
            body.content.s3ObjectVersion = version
        case .imageUri:
            throw AWSServicesError.invalidInput(
                operation: "PublishLayerVersion", detail: "layer \(layerName): layers cannot be container images; give a zip or an S3 object")
        }
        return try await call("PublishLayerVersion", "POST", Self.layerPath(layerName), body: body)
    }

    /// One layer version with its content hash (GetLayerVersion).
    package func getLayerVersion(_ layerName: String, versionNumber: Int64) async throws -> LayerVersion {
        try await call("GetLayerVersion", "GET", Self.layerPath(layerName, "/\(versionNumber)"))
    }
}
