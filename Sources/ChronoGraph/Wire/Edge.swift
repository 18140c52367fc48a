/// A relation on the wire: the stored `RelationRecord` itself, which encodes in the wire form (dates
/// expanded, an absent date or summary omitted).
public typealias Edge = RelationRecord
