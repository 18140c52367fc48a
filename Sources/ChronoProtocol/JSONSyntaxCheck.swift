/// A pass over a JSON text's bytes for what Foundation's parser on Linux lets through or handles badly:
/// a comma before `}` or `]`, a member name used twice in one object, and nesting deep enough to drive a
/// recursive parser off its stack.
///
/// It is not a parser: run it before one, which still rejects everything else that is not JSON. It never
/// traps, whatever the bytes.
public enum JSONSyntaxCheck {
    /// What the pass found.
    public enum Violation: Error, Sendable, Hashable, CustomStringConvertible {
        /// A `,` directly before `}` or `]` (at that byte offset).
        case trailingComma(offset: Int)
        /// An object names `member` twice.
        case duplicateMember(String, offset: Int)
        /// Arrays and objects nest deeper than the limit.
        case tooDeep(limit: Int)

        public var description: String {
            switch self {
            case .trailingComma(let offset): "a comma before a closing bracket at byte \(offset)"
            case .duplicateMember(let name, let offset): "member \"\(name)\" appears twice (again at byte \(offset))"
            case .tooDeep(let limit): "arrays and objects nested deeper than \(limit) levels"
            }
        }
    }

    private struct Container {
        var isObject: Bool
        var expectsName: Bool
        var names: Set<String> = []
    }

    /// Checks `bytes`; throws the first violation found.
    public static func check(_ bytes: some Sequence<UInt8>, maximumDepth: Int) throws(Violation) {
        var stack: [Container] = []
        var lastSignificant: UInt8 = 0
        var inString = false
        var escaped = false
        var name: [UInt8]? = nil
        var offset = -1
        for byte in bytes {
            offset += 1
            if inString {
                if escaped {
                    escaped = false
                    name?.append(byte)
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                    name?.append(byte)
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if let raw = name {
                        try Self.record(raw, offset: offset, in: &stack)
                        name = nil
                    }
                } else {
                    name?.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\""):
                inString = true
                if let top = stack.last, top.isObject, top.expectsName { name = [] }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < maximumDepth else { throw .tooDeep(limit: maximumDepth) }
                stack.append(Container(isObject: byte == UInt8(ascii: "{"), expectsName: true))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if lastSignificant == UInt8(ascii: ",") { throw .trailingComma(offset: offset) }
                _ = stack.popLast()
            case UInt8(ascii: ","):
                if !stack.isEmpty { stack[stack.count - 1].expectsName = true }
            case UInt8(ascii: ":"):
                if !stack.isEmpty { stack[stack.count - 1].expectsName = false }
            default:
                break
            }
            lastSignificant = byte
        }
    }

    /// Adds a member name to the innermost object, comparing names by their decoded text.
    private static func record(_ raw: [UInt8], offset: Int, in stack: inout [Container]) throws(Violation) {
        guard !stack.isEmpty else { return }
        let text = Self.decoded(raw)
        guard stack[stack.count - 1].names.insert(text).inserted else {
            throw .duplicateMember(String(text.prefix(64)), offset: offset)
        }
        stack[stack.count - 1].expectsName = false
    }

    /// The string a JSON name's raw bytes (between its quotes) stand for, so `"\u0069d"` equals `"id"`.
    /// Malformed escapes are kept as written; the parser that runs next rejects them.
    private static func decoded(_ raw: [UInt8]) -> String {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var units: [UInt16] = []
        var index = 0
        let text = Array(String(decoding: raw, as: UTF8.self).utf16)
        while index < text.count {
            let unit = text[index]
            guard unit == UInt16(ascii: "\\"), index + 1 < text.count else {
                units.append(unit)
                index += 1
                continue
            }
            let next = text[index + 1]
            switch next {
            case UInt16(ascii: "u") where index + 5 < text.count:
                let digits = String(decoding: text[(index + 2)...(index + 5)], as: UTF16.self)
                units.append(UInt16(digits, radix: 16) ?? unit)
                index += 6
                continue
            case UInt16(ascii: "n"): units.append(0x0A)
            case UInt16(ascii: "t"): units.append(0x09)
            case UInt16(ascii: "r"): units.append(0x0D)
            case UInt16(ascii: "b"): units.append(0x08)
            case UInt16(ascii: "f"): units.append(0x0C)
            default: units.append(next)
            }
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}

extension UInt16 {
    fileprivate init(ascii scalar: Unicode.Scalar) { self = UInt16(scalar.value) }
}
