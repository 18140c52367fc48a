import ChronoProtocol

extension JSONValue {
    /// The string member `key`, or `""` when absent or not a string.
    func text(_ key: String) -> String {
        self[key]?.stringValue ?? ""
    }

    /// The array member `key`, or `[]` when absent or not an array.
    func list(_ key: String) -> [JSONValue] {
        self[key]?.arrayValue ?? []
    }

    /// A scalar rendered for a table cell: strings as-is, numbers without a needless `.0`.
    var scalarText: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .string(let value): value
        case .array(let values): values.map(\.scalarText).joined(separator: ", ")
        case .object: self.canonicalText
        }
    }
}
