import Foundation
import Synchronization

/// Where rendered text goes: standard output, standard error, or a buffer in tests.
public protocol TextOutput: Sendable {
    func write(_ text: String)
}

/// Writes to a file handle (stdout or stderr), one write call per piece of text.
public struct FileHandleOutput: TextOutput {
    private let handle: FileHandle
    public init(_ handle: FileHandle) { self.handle = handle }
    public static var standardOutput: FileHandleOutput { FileHandleOutput(.standardOutput) }
    public static var standardError: FileHandleOutput { FileHandleOutput(.standardError) }
    public func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}

/// Collects text in memory; for tests.
public final class BufferOutput: TextOutput {
    private let storage = Mutex("")
    public init() {}
    public func write(_ text: String) { storage.withLock { $0 += text } }
    public var text: String { storage.withLock { $0 } }
}
