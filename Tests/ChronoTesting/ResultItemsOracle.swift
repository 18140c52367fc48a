public import ChronoGraph
public import ChronoProtocol

/// A result's items read from its JSON alone, by the rule subscriptions followed before results listed
/// their own (every top-level array is a collection whose elements are known by their `id`, or the `id`
/// of their `entity`, `event` or `ref`, or their canonical text, repeats numbered `#2`…; every other
/// member but `revision` is an item of `""`): an oracle independent of `GraphResult.items()`.
public func resultItems(of result: JSONValue) -> [ResultItems.Key: JSONValue] {
    var items: [ResultItems.Key: JSONValue] = [:]
    for (name, value) in result.objectValue ?? [:] where name != "revision" {
        guard case .array(let elements) = value else {
            items[ResultItems.Key(collection: "", id: name)] = value
            continue
        }
        var seen: [String: Int] = [:]
        for element in elements {
            var id = identity(element)
            seen[id, default: 0] += 1
            if let count = seen[id], count > 1 { id += "#\(count)" }
            items[ResultItems.Key(collection: name, id: id)] = element
        }
    }
    return items
}

private func identity(_ element: JSONValue) -> String {
    if case .string(let id)? = element["id"] { return id }
    for member in ["entity", "event", "ref"] {
        if case .string(let id)? = element[member]?["id"] { return id }
    }
    return element.canonicalText
}
