internal import ChronoProtocol
internal import Foundation

extension GraphRecordParser {
    /// The deepest nesting of arrays and objects a line may have; records need 4.
    public static let maximumDepth = 16

    /// Converts a `JSONSerialization` object to a `JSONValue`; `nil` for anything JSON cannot hold.
    static func value(_ object: Any) -> JSONValue? {
        switch object {
        case let text as String: return .string(text)
        case is NSNull: return .null
        case let array as [Any]:
            var values: [JSONValue] = []
            for element in array {
                guard let value = self.value(element) else { return nil }
                values.append(value)
            }
            return .array(values)
        case let dictionary as [String: Any]:
            var members: [String: JSONValue] = [:]
            for (key, element) in dictionary {
                guard let value = self.value(element) else { return nil }
                members[key] = value
            }
            return .object(members)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": return .bool(number.boolValue)
            case "d", "f": return .double(number.doubleValue)
            case "Q":
                return number.uint64Value <= UInt64(Int64.max) ? .int(number.int64Value) : .double(number.doubleValue)
            default: return .int(number.int64Value)
            }
        default: return nil
        }
    }
}
