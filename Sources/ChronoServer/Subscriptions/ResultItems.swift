import ChronoProtocol

/// A query result as a set of items keyed by collection and record id, the unit a subscription diffs.
///
/// Each top-level array of the result is a collection; an element's id is its `id`, or the `id` of its
/// `entity` or `event` member, or (for elements without one) its canonical JSON. Every other top-level
/// member except `revision` is an item of the collection `""` keyed by its name.
struct ResultItems: Sendable, Equatable {
    /// An item's identity.
    struct Key: Sendable, Hashable, Comparable {
        var collection: String
        var id: String

        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.collection, lhs.id) < (rhs.collection, rhs.id) }
    }

    /// The items, by key.
    var items: [Key: JSONValue]

    /// Splits `result` into items.
    init(_ result: JSONValue) {
        var items: [Key: JSONValue] = [:]
        guard case .object(let members) = result else {
            self.items = [Key(collection: "", id: "result"): result]
            return
        }
        for (name, value) in members where name != "revision" {
            guard case .array(let elements) = value else {
                items[Key(collection: "", id: name)] = value
                continue
            }
            var seen: [String: Int] = [:]
            for element in elements {
                var id = Self.identity(element)
                seen[id, default: 0] += 1
                if let count = seen[id], count > 1 { id += "#\(count)" }
                items[Key(collection: name, id: id)] = element
            }
        }
        self.items = items
    }

    private static func identity(_ element: JSONValue) -> String {
        guard case .object(let object) = element else { return element.canonicalText }
        if case .string(let id)? = object["id"] { return id }
        for member in ["entity", "event", "ref"] {
            if case .object(let inner)? = object[member], case .string(let id)? = inner["id"] { return id }
        }
        return element.canonicalText
    }
}
