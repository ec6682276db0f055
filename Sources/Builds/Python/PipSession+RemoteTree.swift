// A dependency tree restored from the remote build cache instead of installed by pip.
import Foundation
import Synchronization

extension PipSession {
    /// Restores the tree of `key` from `remote` into `destination` (not yet existing; its parent
    /// does): the tree's entries zip is fetched (its SHA-256 checked by `remote`) and unpacked with
    /// this session's interpreter (`zipfile`, file modes kept, no path may leave `destination`).
    /// False when there is no such tree or it cannot be unpacked (pip then installs it).
    func restoreTree(key: String, from remote: any RemoteDependencyTrees, into destination: String) async -> Bool {
        let folder = joinPath(scratch, "remote-tree-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard (try? POSIX.makeDirectories(folder)) != nil,
              let zip = await remote.fetchTree(key: key, into: folder) else { return false }
        let output = try? await builder.runner.run(python.path, ["-c", Self.unpackScript, zip, destination],
                                                   environment: builder.toolEnvironment(request))
        guard output?.succeeded == true else {
            try? FileManager.default.removeItem(atPath: destination)
            return false
        }
        return true
    }

    /// Unpacks `argv[1]` into the new folder `argv[2]`; exits 3 on an entry that would leave it.
    static let unpackScript = """
        import os, shutil, sys, zipfile
        source, target = sys.argv[1], os.path.realpath(sys.argv[2])
        os.makedirs(target)
        with zipfile.ZipFile(source) as archive:
            for info in archive.infolist():
                path = os.path.realpath(os.path.join(target, info.filename))
                if not path.startswith(target + os.sep):
                    sys.exit(3)
                if info.filename.endswith("/"):
                    os.makedirs(path, exist_ok=True)
                    continue
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with archive.open(info) as data, open(path, "wb") as out:
                    shutil.copyfileobj(data, out)
                mode = (info.external_attr >> 16) & 0o777
                if mode:
                    os.chmod(path, mode)
        """
}

/// Whether an install closure restored its tree from the remote build cache.
final class TreeRestoreFlag: Sendable {
    private let flag = Mutex(false)
    /// Records that the tree was restored.
    func set() { flag.withLock { $0 = true } }
    /// Whether it was.
    var isSet: Bool { flag.withLock { $0 } }
}
