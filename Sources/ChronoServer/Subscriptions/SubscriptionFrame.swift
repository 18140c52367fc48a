import ChronoGraph
import ChronoProtocol

/// One data frame of `chrono.v1.Watch/Subscribe` (see `Protocol/PROTOCOL.md`, "Live graph").
///
/// `initial` carries every item of the result at `revision` in `added`; `change` carries what a commit (or,
/// when commits land faster than the query re-runs, several) added, removed or changed; `progress` says
/// the result is current up to `revision`.
struct SubscriptionFrame: Sendable {
    /// What a frame is.
    enum Kind: String, Sendable {
        /// Every item of the result at `revision`.
        case initial
        /// What one or more commits added, removed or changed.
        case change
        /// The result is current up to `revision`.
        case progress
    }

    /// What this frame is.
    var kind: Kind
    /// The revision the subscriber's result is current at, once it applies this frame.
    var revision: Int64
    /// Items new in the result (all of them in `initial`).
    var added: [Item]?
    /// Items no longer in the result.
    var removed: [Item]?
    /// Items still in the result whose value changed.
    var changed: [Item]?
    /// On a resumed subscription's first frame: the revision it resumed after.
    var since: Int64?

    /// An item: its collection, id and (except when removed) its value.
    struct Item: Sendable, Hashable {
        var collection: String
        var id: String
        var value: JSONValue?
    }

    static func progress(_ revision: Int64) -> SubscriptionFrame {
        SubscriptionFrame(kind: .progress, revision: revision)
    }

    static func initial(_ items: ResultItems, revision: Int64) -> SubscriptionFrame {
        let added = items.items.keys.sorted().map { Item(collection: $0.collection, id: $0.id, value: items.items[$0]) }
        return SubscriptionFrame(kind: .initial, revision: revision, added: added, removed: [], changed: [])
    }

    /// The change from `old` to `new`, or `nil` when nothing differs.
    static func change(from old: ResultItems, to new: ResultItems, revision: Int64) -> SubscriptionFrame? {
        var added: [Item] = []
        var removed: [Item] = []
        var changed: [Item] = []
        for key in new.items.keys.sorted() {
            switch old.items[key] {
            case .none: added.append(Item(collection: key.collection, id: key.id, value: new.items[key]))
            case .some(let value) where value != new.items[key]:
                changed.append(Item(collection: key.collection, id: key.id, value: new.items[key]))
            default: break
            }
        }
        for key in old.items.keys.sorted() where new.items[key] == nil {
            removed.append(Item(collection: key.collection, id: key.id, value: nil))
        }
        guard !added.isEmpty || !removed.isEmpty || !changed.isEmpty else { return nil }
        return SubscriptionFrame(kind: .change, revision: revision, added: added, removed: removed, changed: changed)
    }
}

extension SubscriptionFrame: WireEncodable {
    /// Writes the frame; absent lists and `since` are left out.
    func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        if let added = self.added {
            writer.key("added")
            try writer.array(added)
        }
        if let changed = self.changed {
            writer.key("changed")
            try writer.array(changed)
        }
        writer.key("kind")
        writer.string(self.kind.rawValue)
        if let removed = self.removed {
            writer.key("removed")
            try writer.array(removed)
        }
        writer.key("revision")
        writer.int(self.revision)
        if let since = self.since {
            writer.key("since")
            writer.int(since)
        }
        writer.endObject()
    }
}

extension SubscriptionFrame.Item: WireEncodable {
    /// Writes the item; `value` is left out for a removed item.
    func write(to writer: inout WireWriter) {
        writer.beginObject()
        writer.key("collection")
        writer.string(self.collection)
        writer.key("id")
        writer.string(self.id)
        if let value = self.value {
            writer.key("value")
            value.write(into: &writer)
        }
        writer.endObject()
    }
}
