// The Python builder restores dependency trees from the remote build cache.
import Builds

extension BuilderCatalog {
    /// This catalog with its Python builder trying `remote`'s dependency trees before pip (when
    /// `remote` shares trees; unchanged otherwise).
    func sharingTrees(_ remote: (any RemoteBuildLookup)?) -> BuilderCatalog {
        guard let trees = remote as? any RemoteDependencyTrees, var python = self.python as? PythonBuilder else { return self }
        python.remoteTrees = trees
        var catalog = self
        catalog.python = python
        return catalog
    }
}
