// How a build request is named in messages.

extension BuildRequest {
    /// `Root/Pattern2Stack/OCRFunction`: the resource's full name in messages.
    package var qualifiedName: String { "\(stackPath)/\(logicalID)" }

    /// The source folder (or prebuilt zip) as a file URL.
    package var sourceURL: URL { URL(fileURLWithPath: sourceFolder) }
}

import Foundation
