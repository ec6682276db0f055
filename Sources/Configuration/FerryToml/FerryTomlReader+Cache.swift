// `[cache]`: the remote build cache's settings.

extension FerryTomlReader {
    /// `[cache] write`, or nil when unset.
    func readCacheWrite(_ table: [String: TOMLNode], _ v: inout TableValidator) -> Bool? {
        let path = KeyPath(["cache"])
        v.rejectUnknownKeys(in: table, at: path, allowed: FerryTomlSchema.cacheKeys)
        return v.bool("write", in: table, at: path)
    }
}
