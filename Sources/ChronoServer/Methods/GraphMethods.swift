import ChronoStore

/// The methods answered from the graph store.
enum GraphMethods {
    /// One descriptor per graph method.
    static func descriptors(store: GraphStore) -> [MethodDescriptor] {
        []
    }
}
