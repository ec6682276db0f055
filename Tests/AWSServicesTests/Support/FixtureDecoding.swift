import AWSCore
import Foundation

/// Reads the recorded AWS answers in `Fixtures/` and decodes them with AWSCore's own decoders
/// (member-name mapping, lenient dates).
enum Fixture {
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw FixtureError(message: "no fixture \(name)")
        }
        return try Data(contentsOf: url)
    }

    /// Decodes an XML document (S3 style: no result wrapper).
    static func xml<T: Decodable>(_ type: T.Type, _ name: String, service: AWSService = .s3) throws -> T {
        try AWSCoders.xmlDecoder(for: service).decode(type, from: data(name))
    }

    /// Decodes a JSON document with the service's member-name mapping.
    static func json<T: Decodable>(_ type: T.Type, _ name: String, service: AWSService) throws -> T {
        try AWSCoders.jsonDecoder(for: service).decode(type, from: data(name))
    }
}

struct FixtureError: Error { var message: String }
