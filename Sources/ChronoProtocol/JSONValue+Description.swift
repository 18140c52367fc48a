import Foundation

extension JSONValue {
    /// A short rendering for error messages: scalars as JSON text, containers by kind
    /// (`"ten"`, `12`, `true`, `null`, `an array`, `an object`).
    public var shortDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value):
            let clipped = value.count > 40 ? String(value.prefix(40)) + "…" : value
            let escaped = clipped.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
