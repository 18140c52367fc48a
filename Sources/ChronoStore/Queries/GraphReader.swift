package import ChronoGraph
internal import ChronoProtocol
internal import Foundation

/// The query algorithms over one read snapshot of any backend: what a `GraphQuery` answers from.
///
/// Every rule that decides an answer lives here, once (budgets and truncation, path order, name resolution,
/// search tiers, timeline groups and cursors); `rows` only reads. Outside the store it is opaque.
public struct GraphReader {
    let rows: any GraphRows
    let context: QueryContext
    /// The records the store keeps between calls, the revision this snapshot reads at, and where the relations
    /// of nodes not kept are read whole, if it keeps them.
    let caches: ReaderCaches?
    /// The most relations one expansion step reads (see `maximumAdjacencyRows`).
    var adjacencyRowLimit = GraphReader.maximumAdjacencyRows

    init(rows: any GraphRows, context: QueryContext, caches: ReaderCaches?) {
        self.rows = rows
        self.context = context
        self.caches = caches
    }

    package init(rows: any GraphRows, context: QueryContext) {
        self.init(rows: rows, context: context, caches: nil)
    }

    /// A reader at `revision` (its snapshot's) that shares the records `caches` keep, reading the relations of
    /// nodes they do not hold from `rows`.
    package init(rows: any GraphRows & NodeRelationRows, context: QueryContext, caches: StoreCaches, revision: Int64) {
        self.init(rows: rows, context: context, caches: (caches, revision, rows))
    }

    /// The graph revision of this snapshot.
    func revision() throws -> Int64 { try self.caches?.revision ?? self.rows.revision() }

    /// References of the entities with `ids` that exist, by id.
    func refs(_ ids: some Sequence<String>) throws -> [String: EntityRef] {
        guard self.caches != nil else { return try self.rows.refs(Array(ids)) }
        let refs = try self.refs(inOrder: Array(ids))
        var found: [String: EntityRef] = [:]
        found.reserveCapacity(refs.count)
        for case let ref? in refs { found[ref.id] = ref }
        return found
    }

    /// References of the entities with `ids`, in the order given: `nil` where there is no such entity.
    func refs(inOrder ids: [String]) throws -> [EntityRef?] {
        guard let caches else {
            let found = try self.rows.refs(ids)
            return ids.map { found[$0] }
        }
        return try caches.records.refs.values(ids, at: caches.revision) { missing in try self.rows.refs(missing) }
    }

    /// The reference of the entity with `id`, if there is one.
    func ref(_ id: String) throws -> EntityRef? {
        guard self.caches != nil else { return try self.rows.ref(id) }
        return try self.refs(inOrder: [id])[0]
    }

    /// The stored edges of the relations with `ids` that exist, in the order given.
    func encodedEdges(_ ids: [String]) throws -> [EncodedEdge] {
        guard let caches else { return try self.rows.encodedEdges(ids) }
        let edges = try caches.records.edges.values(ids, at: caches.revision) { missing in
            Dictionary(try self.rows.encodedEdges(missing).map { ($0.id, $0) }) { first, _ in first }
        }
        var found: [EncodedEdge] = []
        found.reserveCapacity(edges.count)
        for case let edge? in edges { found.append(edge) }
        return found
    }

    /// Events with the given ids, in the order given.
    func events(ids: [String]) throws -> [Event] {
        guard !ids.isEmpty else { return [] }
        let keys = try self.rows.eventKeys(ids: ids)
        return try self.rows.events(keys: ids.compactMap { keys[$0] })
    }

    /// A window in day ordinals from optional EDTF ends, or `nil` when both are absent.
    static func window(_ from: EDTFDate?, _ to: EDTFDate?) -> DayWindow? {
        guard from != nil || to != nil else { return nil }
        return DayWindow(
            lower: from?.strict.lower.map { Int64($0.ordinal) } ?? Schema.openLower,
            upper: to?.strict.upper.map { Int64($0.ordinal) } ?? Schema.openUpper
        )
    }
}

/// Turning stored values back into the model, for every backend.
package enum StoredValue {
    /// Parses a stored EDTF string; a stored string that no longer parses means corrupt data.
    package static func date(_ edtf: String?, text: String?) throws -> DateValue? {
        guard let edtf else { return nil }
        do {
            return DateValue(edtf: try EDTFDate(edtf), text: text)
        } catch {
            throw ChronoError.dataLoss("stored date \"\(edtf)\" is not valid EDTF")
        }
    }

    /// Every kind by its stored name: one hash instead of `EntityKind(rawValue:)`'s comparisons with each name.
    private static let kindsByName = Dictionary(uniqueKeysWithValues: EntityKind.allCases.map { ($0.rawValue, $0) })

    /// Parses a stored entity kind; an unknown one means corrupt data.
    package static func kind(_ text: String) throws -> EntityKind {
        guard let kind = Self.kindsByName[text] else {
            throw ChronoError.dataLoss("stored kind \"\(text)\" is unknown")
        }
        return kind
    }

    /// Parses an entity's stored `dates` column: a JSON object of `{"edtf", "text"}` by date name.
    package static func entityDates(_ json: String) throws -> [String: DateValue] {
        var dates: [String: DateValue] = [:]
        for (key, stored) in try JSONDecoder().decode([String: StoredDate].self, from: Data(json.utf8)) {
            dates[key] = try Self.date(stored.edtf, text: stored.text)
        }
        return dates
    }

    /// Parses an entity's stored `attributes` column: a JSON object of strings.
    package static func attributes(_ json: String) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
    }

    /// An entity date as stored in the `dates` JSON column.
    private struct StoredDate: Decodable {
        let edtf: String
        let text: String?
    }
}
