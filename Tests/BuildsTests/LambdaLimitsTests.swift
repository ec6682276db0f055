// Lambda size limits.
import Testing
@testable import Builds

@Suite("LambdaLimits")
struct LambdaLimitsTests {
    @Test("over 250 MB unzipped is an error naming the function and the size")
    func tooLarge() throws {
        let error = try #require(throws: BuildFilesError.self) {
            try LambdaLimits.check(functionName: "ExtractionFunction", zippedSize: 90_000_000, unzippedSize: 262_144_001)
        }
        #expect(error.description.contains("ExtractionFunction"))
        #expect(error.description.contains("262144001"))
    }

    @Test("exactly the limit passes; over 50 MB zipped is reported for S3 upload")
    func directUpload() throws {
        let atLimit = try LambdaLimits.check(functionName: "F", zippedSize: 52_428_800, unzippedSize: 262_144_000)
        #expect(!atLimit.exceedsDirectUpload)
        let big = try LambdaLimits.check(functionName: "F", zippedSize: 52_428_801, unzippedSize: 100)
        #expect(big.exceedsDirectUpload)
        #expect(big.functionName == "F")
    }
}
