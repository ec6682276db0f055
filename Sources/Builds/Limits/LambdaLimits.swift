// Lambda's deployment package size limits.

/// Lambda's size limits for zip deployment packages, and a check against them.
package enum LambdaLimits {
    /// Largest unzipped size of a function's code plus its layers: 250 MB, which Lambda counts as
    /// 262,144,000 bytes ("Unzipped size must be smaller than 262144000 bytes").
    package static let maxUnzippedBytes: UInt64 = 262_144_000
    /// Largest zip that can be sent directly in a request (`ZipFile`): 50 MB (52,428,800 bytes);
    /// larger zips must go through S3.
    package static let maxDirectUploadBytes: UInt64 = 52_428_800

    /// Checks an artifact for `functionName`: throws when it unzips to more than 250 MB,
    /// otherwise reports whether it must be uploaded through S3.
    package static func check(functionName: String, archive: ZipArchive) throws -> SizeReport {
        try check(functionName: functionName, zippedSize: archive.size, unzippedSize: archive.unzippedSize)
    }

    /// Checks sizes for `functionName` (see `check(functionName:archive:)`).
    package static func check(functionName: String, zippedSize: UInt64, unzippedSize: UInt64) throws -> SizeReport {
        if unzippedSize > maxUnzippedBytes {
            throw BuildFilesError(.unzippedSizeTooLarge(function: functionName, size: unzippedSize, limit: maxUnzippedBytes))
        }
        return SizeReport(functionName: functionName, zippedSize: zippedSize, unzippedSize: unzippedSize,
                          exceedsDirectUpload: zippedSize > maxDirectUploadBytes)
    }

    /// The sizes of one function's artifact against the limits.
    package struct SizeReport: Sendable, Hashable {
        /// The function checked.
        package let functionName: String
        /// Zip size in bytes.
        package let zippedSize: UInt64
        /// Unzipped size in bytes.
        package let unzippedSize: UInt64
        /// True when the zip is over 50 MB and must be uploaded through S3 rather than as `ZipFile`.
        package let exceedsDirectUpload: Bool
    }
}
