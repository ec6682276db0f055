import Foundation
import Synchronization

/// Where rendered text goes: standard output, standard error, or a buffer in tests.
package protocol TextOutput: Sendable {
    func write(_ text: String)
}

/// Writes to a file handle (stdout or stderr), one write call per piece of text.
package struct FileHandleOutput: TextOutput {
    private let handle: FileHandle
    package init(_ handle: FileHandle) { self.handle = handle }
    package static var standardOutput: FileHandleOutput { FileHandleOutput(.standardOutput) }
    package static var standardError: FileHandleOutput { FileHandleOutput(.standardError) }
    package func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}

/// Collects text in memory; for tests.
package final class BufferOutput: TextOutput {
    private let storage = Mutex("")
    package init() {}
    package func write(_ text: String) { storage.withLock { $0 += text } }
    package var text: String { storage.withLock { $0 } }
}
