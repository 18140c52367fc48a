public import ChronoProtocol

/// A name a query was given for an entity, and the entity it was read as.
///
/// Answers list one for every name that was not already an id, so a reader always sees which entity a
/// forgiving match chose ("President Aliyev" → Ilham Aliyev).
public struct ResolvedName: Sendable, Hashable, WireEncodable {
    /// The text as given.
    public var given: String
    /// The entity it resolved to.
    public var entity: EntityRef

    /// Creates a resolution.
    public init(given: String, entity: EntityRef) {
        self.given = given
        self.entity = entity
    }

    /// The resolutions of `names` to `refs` (same order) whose text is not the entity's id.
    public static func listing(_ names: [String], as refs: [EntityRef]) -> [ResolvedName] {
        zip(names, refs).compactMap { name, ref in name == ref.id ? nil : ResolvedName(given: name, entity: ref) }
    }

    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("entity")
        try self.entity.write(to: &writer)
        writer.key("given")
        writer.string(self.given)
        writer.endObject()
    }
}
