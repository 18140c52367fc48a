/// What a name stood for in a query, so an error about it can say which part of the question held it.
public enum EntityRole: Sendable, Hashable {
    /// The entity asked about: an entity's card, the root of a neighbourhood.
    case asked
    /// The `index`th seed of a subgraph.
    case seed(Int)
    /// The `index`th actor a timeline is limited to.
    case actor(Int)
    /// The `index`th instrument a timeline is limited to.
    case instrument(Int)
    /// The subject disputes or figures are limited to.
    case subject
    /// Where a path starts.
    case pathStart
    /// Where a path ends.
    case pathEnd
}
