import AWSCore
import Foundation
import Testing

@Suite("Lenient AWS dates")
struct DateParsingTests {
    private let base = 1_795_777_200.0 // 2026-11-27T11:00:00Z

    @Test("ISO 8601 with 0 to 9 fractional digits and any UTC designator", arguments: [
        ("2026-11-27T11:00:00Z", 0.0),
        ("2026-11-27T11:00:00.096Z", 0.096),
        ("2026-11-27T11:00:00.096000000Z", 0.096),
        ("2026-11-27T11:00:00.096+0000", 0.096),
        ("2026-11-27T11:00:00.5+00:00", 0.5),
        ("2026-11-27T12:00:00+01:00", 0.0),
        ("2026-11-27T06:30:00.123456-0430", 0.123456),
        ("2026-11-27T11:00:00", 0.0),
    ])
    func iso8601(text: String, fraction: Double) throws {
        let date = try #require(AWSDateParser.parse(text))
        #expect(abs(date.timeIntervalSince1970 - (base + fraction)) < 0.000_001)
    }

    @Test("HTTP dates and epoch seconds")
    func otherFormats() throws {
        #expect(AWSDateParser.parse("Fri, 27 Nov 2026 11:00:00 GMT")?.timeIntervalSince1970 == base)
        #expect(AWSDateParser.parse("1795777200")?.timeIntervalSince1970 == base)
        #expect(AWSDateParser.parse("1795777200.25")?.timeIntervalSince1970 == base + 0.25)
        #expect(AWSDateParser.rfc1123(Date(timeIntervalSince1970: base)) == "Fri, 27 Nov 2026 11:00:00 GMT")
    }

    @Test("garbage is rejected", arguments: ["", "yesterday", "2026-11-27", "2026-11-27T11:00", "2026-11-27T11:00:00.Z", "2026-11-27T11:00:00Zjunk"])
    func rejects(text: String) {
        #expect(AWSDateParser.parse(text) == nil)
    }

    @Test("one-shot bodies can be read once")
    func oneShot() throws {
        let body = OneShotBody { Data("abc".utf8) }
        #expect(!body.isConsumed)
        #expect(try body.take() == Data("abc".utf8))
        #expect(body.isConsumed)
        #expect(throws: (any Error).self) { try body.take() }
    }
}
