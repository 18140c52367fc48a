public import ChronoProtocol

/// An element of a result's collection that keeps its identity while its value changes: what a subscription
/// follows from one revision to the next.
public protocol ResultElement: WireEncodable {
    /// Its identity within its collection.
    var itemID: String { get throws }
}

/// A result as the items a subscription diffs: each element of each collection under its identity, and each
/// other member that is present under its name in the collection `""`.
///
/// Every result type lists its members here once (`GraphResult.items()`); `ResultItemsTests` checks that the
/// list covers the result's wire form, member for member.
public struct ResultItems: Sendable, Equatable {
    /// An item's identity.
    public struct Key: Sendable, Hashable, Comparable {
        /// The member the item belongs to, or `""` for a member that is not a collection.
        public var collection: String
        /// The element's identity, or the member's name.
        public var id: String

        public init(collection: String, id: String) {
            self.collection = collection
            self.id = id
        }

        public static func < (lhs: Key, rhs: Key) -> Bool { (lhs.collection, lhs.id) < (rhs.collection, rhs.id) }
    }

    /// The items, by key, each in its wire form.
    public private(set) var items: [Key: JSONValue] = [:]

    /// No items.
    public init() {}

    /// Adds each element of `collection` under its identity; a repeated identity gets a `#n` suffix (n ≥ 2,
    /// in order), so no element is lost.
    public mutating func add<Element: ResultElement>(_ collection: String, _ elements: [Element]?) throws {
        var seen: [String: Int] = [:]
        for element in elements ?? [] {
            var id = try element.itemID
            seen[id, default: 0] += 1
            if let count = seen[id], count > 1 { id += "#\(count)" }
            self.items[Key(collection: collection, id: id)] = try JSONValue(writing: element)
        }
    }

    /// Adds a member that is not a collection under its name; an absent member adds nothing.
    public mutating func add(member name: String, _ value: (some WireEncodable)?) throws {
        guard let value else { return }
        self.items[Key(collection: "", id: name)] = try JSONValue(writing: value)
    }

    /// Adds a member the wire form always holds, `null` when absent.
    public mutating func add(member name: String, orNull value: (some WireEncodable)?) throws {
        self.items[Key(collection: "", id: name)] = try value.map(JSONValue.init(writing:)) ?? .null
    }
}

extension Event: ResultElement {
    public var itemID: String { self.record.id }
}

extension RelationRecord: ResultElement {
    public var itemID: String { self.id }
}

extension EntityRef: ResultElement {
    public var itemID: String { self.id }
}

extension EntityRecord: ResultElement {
    public var itemID: String { self.id }
}

extension NeighborNode: ResultElement {
    public var itemID: String { self.entity.id }
}

extension SearchHit: ResultElement {
    public var itemID: String { self.entity.id }
}

extension RecordHit: ResultElement {
    public var itemID: String { self.id }
}

extension Figure: ResultElement {
    public var itemID: String { self.record.id }
}

extension Dispute: ResultElement {
    public var itemID: String { self.id }
}

extension ResolvedName: ResultElement {
    public var itemID: String { self.entity.id }
}

extension GraphPath: ResultElement {
    /// A path has no id of its own: it is its wire form (its nodes and hops).
    public var itemID: String {
        get throws { String(decoding: try WireWriter.bytes(of: self), as: UTF8.self) }
    }
}

// What each result lists: its collections and its other members, by their wire names.

extension TimelinePage {
    public func items() throws -> ResultItems {
        var items = ResultItems()
        try items.add("events", self.events)
        try items.add(member: "next_cursor", self.nextCursor)
        try items.add(member: "ordering", self.ordering)
        try items.add("resolved", self.resolved)
        try items.add(member: "window", self.window)
        return items
    }
}

extension EntityDetail {
    public func items() throws -> ResultItems {
        var items = ResultItems()
        try items.add(member: "entity", self.entity)
        try items.add("events", self.events)
        try items.add("figures", self.figures)
        try items.add("neighbors", self.neighbors)
        try items.add("relations", self.relations)
        return items
    }
}

extension SearchResults {
    public func items() throws -> ResultItems {
        var items = ResultItems()
        try items.add("results", self.results)
        return items
    }
}

extension RecordSearchResults {
    public func items() throws -> ResultItems {
        var items = ResultItems()
        try items.add(member: "next_cursor", self.nextCursor)
        try items.add("results", self.results)
        return items
    }
}

extension Neighborhood {
    public func items() throws -> ResultItems {
        var items = ResultItems()
        try items.add("edges", self.edges)
        try items.add("events", self.events)
        try items.add("nodes", self.nodes)
        try items.add(member: "root", self.root)
        try items.add(member: "truncated", orNull: self.truncated)
        return items
    }
}

extension PathsResult {
    public func items() throws -> ResultItems {
        var items = ResultItems()
        try items.add("paths", self.paths)
        try items.add(member: "truncated", orNull: self.truncated)
        return items
    }
}

extension Subgraph {
    public func items() throws -> ResultItems {
        var items = ResultItems()
        try items.add("edges", self.edges)
        try items.add("nodes", self.nodes)
        try items.add(member: "truncated", orNull: self.truncated)
        return items
    }
}

extension DisputeList {
    public func items() throws -> ResultItems {
        var items = ResultItems()
        try items.add("disputes", self.disputes)
        try items.add("resolved", self.resolved)
        return items
    }
}

extension FigureList {
    public func items() throws -> ResultItems {
        var items = ResultItems()
        try items.add("figures", self.figures)
        try items.add("resolved", self.resolved)
        return items
    }
}

extension Stats {
    public func items() throws -> ResultItems {
        var items = ResultItems()
        try items.add(member: "by_document", self.byDocument)
        try items.add(member: "by_kind", self.byKind)
        try items.add(member: "counts", self.counts)
        try items.add(member: "schema_version", self.schemaVersion)
        return items
    }
}
