// ferry-bench: times Ferry's folder hashing and deterministic zip on one folder.
// Usage: ferry-bench <folder> <output.zip>
// Prints `hash <seconds>` and `zip <seconds>` lines (used by Benchmarks/zip_hash/run.sh).
import Builds
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ferry-bench <folder> <output.zip>\n".utf8))
    exit(2)
}
let folder = arguments[1], output = arguments[2]
let clock = ContinuousClock()

var hashed: [HashedFile] = []
let hashTime = try await clock.measure {
    let tree = try FileTree.scan(folder, rules: IgnoreRules(), readIgnoreFile: false)
    hashed = try await FileHasher.hash(tree)
}
var archive: ZipArchive?
let zipTime = try clock.measure {
    let tree = try FileTree.scan(folder, rules: IgnoreRules(), readIgnoreFile: false)
    archive = try DeterministicZip().write(tree, to: output)
}
func seconds(_ duration: Duration) -> String {
    let (whole, atto) = duration.components
    return String(format: "%.3f", Double(whole) + Double(atto) / 1e18)
}
print("files \(hashed.count)")
print("hash \(seconds(hashTime))")
print("zip \(seconds(zipTime))")
if let archive { print("zipsize \(archive.size) unzipped \(archive.unzippedSize) sha256 \(archive.sha256.hex)") }
