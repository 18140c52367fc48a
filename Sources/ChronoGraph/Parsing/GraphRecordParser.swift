public import ChronoProtocol
internal import Foundation

/// Parses one line of a `Graph/*.jsonl` file into a `GraphRecord`, strictly.
///
/// Unknown fields, missing fields and wrong types are errors naming the field path
/// (`participants[2].role`). Vocabulary and cross-record checks are `GraphValidator`'s job.
/// Never traps, whatever the input.
public struct GraphRecordParser: Sendable {
    /// The deepest nesting of arrays and objects a line may have; records need 4.
    public static let maximumDepth = 16

    /// Creates a parser.
    public init() {}

    /// Parses `line` (one JSON object, without its newline).
    public func parse(_ line: String) throws(JSONFieldError) -> GraphRecord {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line, maximumDepth: Self.maximumDepth)
        } catch {
            throw JSONFieldError(path: "", message: "not valid JSON: \(error)")
        }
        return try self.parse(value)
    }

    /// Parses an already decoded JSON value.
    public func parse(_ value: JSONValue) throws(JSONFieldError) -> GraphRecord {
        var reader = try JSONObjectReader(value, path: "")
        let kindName = try reader.string("record")
        guard let kind = RecordKind(rawValue: kindName) else {
            let known = RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw JSONFieldError(path: "record", message: "unknown record kind \"\(kindName)\" (\(known))")
        }
        let record: GraphRecord
        switch kind {
        case .document: record = .document(try self.document(&reader))
        case .entity: record = .entity(try self.entity(&reader))
        case .event: record = .event(try self.event(&reader))
        case .relation: record = .relation(try self.relation(&reader))
        case .dispute: record = .dispute(try self.dispute(&reader))
        case .figure: record = .figure(try self.figure(&reader))
        }
        try reader.finish()
        return record
    }

    private func document(_ reader: inout JSONObjectReader) throws(JSONFieldError) -> DocumentRecord {
        let id = try reader.string("id")
        let title = try reader.string("title")
        let lines = try Self.int(try reader.required("lines"), path: "lines")
        guard lines >= 1 else { throw JSONFieldError(path: "lines", message: "must be at least 1") }
        return DocumentRecord(id: id, title: title, lines: lines)
    }

    private func entity(_ reader: inout JSONObjectReader) throws(JSONFieldError) -> EntityRecord {
        let id = try Self.slug(&reader)
        let kindText = try reader.string("kind")
        guard let kind = EntityKind(rawValue: kindText) else {
            throw JSONFieldError(path: "kind", message: "unknown entity kind \"\(kindText)\"")
        }
        let name = try reader.string("name")
        var aliases: [String] = []
        for (index, alias) in try reader.optionalArray("aliases").enumerated() {
            aliases.append(try JSONObjectReader.string(alias, path: "aliases[\(index)]", allowEmpty: false))
        }
        let summary = try reader.optionalString("summary", allowEmpty: true) ?? ""
        let attributes = try reader.stringMap("attributes")
        let number = try reader.optionalString("number")
        var dates: [String: DateValue] = [:]
        for (key, value) in try reader.optionalObject("dates") {
            guard EntityRecord.dateKeys.contains(key) else {
                let keys = EntityRecord.dateKeys.sorted().joined(separator: ", ")
                throw JSONFieldError(path: "dates.\(key)", message: "unknown date key (expected one of \(keys))")
            }
            dates[key] = try Self.date(value, path: "dates.\(key)")
        }
        let citations = try Self.citations(&reader, key: "citations")
        return EntityRecord(
            id: id,
            kind: kind,
            name: name,
            aliases: aliases,
            summary: summary,
            attributes: attributes,
            number: number,
            dates: dates,
            citations: citations
        )
    }

    private func event(_ reader: inout JSONObjectReader) throws(JSONFieldError) -> EventRecord {
        let id = try Self.slug(&reader)
        let type = try reader.string("type")
        let title = try reader.string("title")
        let summary = try reader.optionalString("summary", allowEmpty: true) ?? ""
        let date = try Self.date(try reader.required("date"), path: "date")
        var participants: [ParticipantRecord] = []
        for (index, element) in try reader.array("participants", nonEmpty: true).enumerated() {
            var participant = try JSONObjectReader(element, path: "participants[\(index)]")
            let entity = try participant.string("entity")
            let role = try participant.string("role")
            try participant.finish()
            participants.append(ParticipantRecord(entity: entity, role: role))
        }
        let citations = try Self.citations(&reader, key: "citations")
        return EventRecord(
            id: id,
            type: type,
            title: title,
            summary: summary,
            date: date,
            participants: participants,
            citations: citations
        )
    }

    private func relation(_ reader: inout JSONObjectReader) throws(JSONFieldError) -> RelationRecord {
        let id = try reader.string("id")
        let type = try reader.string("type")
        let from = try reader.string("from")
        let to = try reader.string("to")
        let date = try reader.optional("date").map { (value) throws(JSONFieldError) in
            try Self.date(value, path: "date")
        }
        let summary = try reader.optionalString("summary")
        let citations = try Self.citations(&reader, key: "citations")
        guard Self.isRelationID(id) else {
            throw JSONFieldError(path: "id", message: "\"\(id)\" is not <from>--<type>--<to> (optionally --N)")
        }
        return RelationRecord(
            id: id,
            type: type,
            from: from,
            to: to,
            date: date,
            summary: summary,
            citations: citations
        )
    }

    private func dispute(_ reader: inout JSONObjectReader) throws(JSONFieldError) -> DisputeRecord {
        let id = try Self.slug(&reader)
        let subject = try reader.optionalString("subject")
        let topic = try reader.string("topic")
        let elements = try reader.array("claims", nonEmpty: true)
        guard elements.count >= 2 else { throw JSONFieldError(path: "claims", message: "needs at least two claims") }
        var claims: [Claim] = []
        for (index, element) in elements.enumerated() {
            var claim = try JSONObjectReader(element, path: "claims[\(index)]")
            let text = try claim.string("claim")
            let citations = try Self.citations(&claim, key: "citations")
            try claim.finish()
            claims.append(Claim(claim: text, citations: citations))
        }
        return DisputeRecord(id: id, subject: subject, topic: topic, claims: claims)
    }

    private func figure(_ reader: inout JSONObjectReader) throws(JSONFieldError) -> FigureRecord {
        let id = try Self.slug(&reader)
        let subject = try reader.optionalString("subject")
        let measure = try reader.string("measure")
        let valueJSON = try reader.required("value")
        guard let value = valueJSON.doubleValue, value.isFinite else {
            throw JSONFieldError(path: "value", message: "expected a number, got \(valueJSON.shortDescription)")
        }
        let high = try reader.optional("high").map { (json) throws(JSONFieldError) -> Double in
            guard let high = json.doubleValue, high.isFinite else {
                throw JSONFieldError(path: "high", message: "expected a number, got \(json.shortDescription)")
            }
            guard high > value else {
                throw JSONFieldError(
                    path: "high",
                    message: "\(high) is not above value \(value): a range runs from value up to high"
                )
            }
            return high
        }
        let qualifierText = try reader.string("qualifier")
        guard let qualifier = FigureQualifier(rawValue: qualifierText) else {
            let allowed = FigureQualifier.allCases.map(\.rawValue).joined(separator: ", ")
            throw JSONFieldError(path: "qualifier", message: "unknown qualifier \"\(qualifierText)\" (\(allowed))")
        }
        let unit = try reader.string("unit")
        let date = try reader.optional("date").map { (value) throws(JSONFieldError) in
            try Self.date(value, path: "date")
        }
        let citations = try Self.citations(&reader, key: "citations")
        return FigureRecord(
            id: id,
            subject: subject,
            measure: measure,
            value: value,
            high: high,
            qualifier: qualifier,
            unit: unit,
            date: date,
            citations: citations
        )
    }
}

extension GraphRecordParser {
    /// Whether `text` is a slug: lowercase ASCII letters, digits and `-`.
    public static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// A relation id is `<from>--<type>--<to>`: a slug that may also hold the `_` of relation types.
    private static func isRelationID(_ text: String) -> Bool {
        self.isSlug(text.replacingOccurrences(of: "_", with: "-")) && text.contains("--")
    }

    private static func slug(_ reader: inout JSONObjectReader) throws(JSONFieldError) -> String {
        let id = try reader.string("id")
        guard self.isSlug(id) else {
            throw JSONFieldError(path: "id", message: "\"\(id)\" is not a slug (lowercase a-z, 0-9 and -)")
        }
        return id
    }

    private static func int(_ value: JSONValue, path: String) throws(JSONFieldError) -> Int {
        guard case .int(let number) = value, let result = Int(exactly: number) else {
            throw JSONFieldError(path: path, message: "expected an integer, got \(value.shortDescription)")
        }
        return result
    }

    private static func date(_ value: JSONValue, path: String) throws(JSONFieldError) -> DateValue {
        var reader = try JSONObjectReader(value, path: path)
        let text = try reader.string("edtf")
        let words = try reader.optionalString("text")
        try reader.finish()
        do {
            return DateValue(edtf: try EDTFDate(text), text: words)
        } catch {
            throw JSONFieldError(path: "\(path).edtf", message: error.message)
        }
    }

    private static func citations(
        _ reader: inout JSONObjectReader,
        key: String
    ) throws(JSONFieldError) -> [Citation] {
        var citations: [Citation] = []
        for (index, element) in try reader.array(key, nonEmpty: true).enumerated() {
            let path = "\(reader.pathOf(key))[\(index)]"
            var citation = try JSONObjectReader(element, path: path)
            let doc = try citation.string("doc")
            let lines = try citation.required("lines")
            guard case .array(let bounds) = lines, bounds.count == 2 else {
                throw JSONFieldError(path: "\(path).lines", message: "expected [first, last]")
            }
            let first = try Self.int(bounds[0], path: "\(path).lines[0]")
            let last = try Self.int(bounds[1], path: "\(path).lines[1]")
            guard first >= 1, last >= first else {
                throw JSONFieldError(
                    path: "\(path).lines",
                    message: "expected 1 <= first <= last, got [\(first), \(last)]"
                )
            }
            let ref = try citation.optionalString("ref")
            try citation.finish()
            citations.append(Citation(doc: doc, first: first, last: last, ref: ref))
        }
        return citations
    }
}
