internal import ChronoProtocol
internal import Foundation

extension JSONValue {
    /// Parses one JSON text with `JSONSerialization`; `nil` when it is not valid JSON.
    ///
    /// Faster than `JSONDecoder` into `JSONValue`, which finds each value's type by trying and failing:
    /// unpacking a 10⁵-event snapshot spent three quarters of its time there. (The same conversion as
    /// `GraphRecordParser.value`, which is internal to ChronoGraph.)
    static func parsing(_ bytes: some Sequence<UInt8>) -> JSONValue? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            return nil
        }
        return Self.converting(object)
    }

    private static func converting(_ object: Any) -> JSONValue? {
        switch object {
        case let text as String: return .string(text)
        case is NSNull: return .null
        case let array as [Any]:
            var values: [JSONValue] = []
            values.reserveCapacity(array.count)
            for element in array {
                guard let value = Self.converting(element) else { return nil }
                values.append(value)
            }
            return .array(values)
        case let dictionary as [String: Any]:
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(dictionary.count)
            for (key, element) in dictionary {
                guard let value = Self.converting(element) else { return nil }
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
