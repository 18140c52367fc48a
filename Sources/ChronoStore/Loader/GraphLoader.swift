package import ChronoGraph
internal import ChronoProtocol
public import Foundation

/// Builds the database from a `Graph/` directory: every `*.jsonl` file under it (in path order) and
/// `vocabulary.json`, validated and written in one transaction. On any error nothing is changed.
public struct GraphLoader: Sendable {
    /// The `Graph/` directory.
    public let directory: URL

    /// Creates a loader for `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// What a load wrote.
    public struct Report: Sendable, Hashable {
        /// Records written.
        public var records: Int
        /// The new graph revision.
        public var revision: Int64

        package init(records: Int, revision: Int64) {
            self.records = records
            self.revision = revision
        }
    }

    /// Replaces the content of `store` with the graph in `directory`, streaming: each line is parsed,
    /// checked and written as it is read, in one transaction, with the secondary indexes rebuilt at the end.
    ///
    /// - Parameter progress: called on the writer's thread every few thousand records.
    /// - Throws: `GraphLoadError` naming the file and line of the first invalid record found; the store is
    ///   unchanged.
    @discardableResult
    public func load(into store: GraphStore, progress: GraphLoadProgressHandler? = nil) async throws -> Report {
        let vocabulary = try self.vocabulary()
        let files = try self.files()
        return try await store.writer.run(deadline: nil) { connection, _ in
            try connection.transaction { connection in
                try self.replaceContent(connection, vocabulary: vocabulary, files: files, progress: progress)
            }
        }
    }

    /// Every record under the directory, parsed, with its file and line (nothing is validated or stored).
    ///
    /// - Throws: `GraphLoadError` naming the first unreadable file or unparsable line.
    public func records() throws -> [LocatedRecord] {
        let parser = GraphRecordParser()
        var records: [LocatedRecord] = []
        for file in try self.files() {
            try file.reader.forEachLine { bytes, line, _ in
                if let record = try Self.parse(bytes, parser: parser, file: file.label, line: line) {
                    records.append(record)
                }
            }
        }
        return records
    }

    /// Parses one line, naming its file and line on error; `nil` for a blank line.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        parser: GraphRecordParser,
        file: String,
        line: Int
    ) throws -> LocatedRecord? {
        let raw = UnsafeRawBufferPointer(bytes)
        guard raw.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return nil }
        do {
            let value: JSONValue
            do {
                value = try JSONParser.parse(raw, maximumDepth: GraphRecordParser.maximumDepth)
            } catch {
                guard String(validating: bytes, as: UTF8.self) != nil else {
                    throw GraphLoadError(.line(line, in: file), message: "the line is not valid UTF-8")
                }
                throw JSONFieldError(path: "", message: "not valid JSON: \(error)")
            }
            return LocatedRecord(record: try parser.parse(value), origin: .line(line, in: file))
        } catch let error as JSONFieldError {
            throw GraphLoadError(.line(line, in: file), message: error.description)
        }
    }

    /// The vocabulary in `vocabulary.json`.
    package func vocabulary() throws -> Vocabulary {
        let label = self.directory.lastPathComponent
        let url = self.directory.appendingPathComponent("vocabulary.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GraphLoadError(.file("\(label)/vocabulary.json"), message: "cannot read the vocabulary")
        }
        do {
            return try Vocabulary(json: Array(data))
        } catch {
            throw GraphLoadError(.file("\(label)/vocabulary.json"), message: error.message)
        }
    }

    /// The `*.jsonl` files under the directory, in path order, with their sizes.
    func files() throws -> [GraphFile] {
        let label = self.directory.lastPathComponent
        guard let enumerator = FileManager.default.enumerator(atPath: self.directory.path) else {
            throw GraphLoadError(.file(label), message: "cannot list the directory")
        }
        let paths = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".jsonl") }.sorted()
        return paths.map { relative in
            let url = self.directory.appendingPathComponent(relative)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)??.int64Value
            return GraphFile(url: url, label: "\(label)/\(relative)", size: size ?? 0)
        }
    }

    static func clear(_ connection: Connection) throws {
        try connection.execute(
            """
            DELETE FROM citations; DELETE FROM claims; DELETE FROM disputes; DELETE FROM figures;
            DELETE FROM participants; DELETE FROM events; DELETE FROM relations; DELETE FROM aliases;
            DELETE FROM entities; DELETE FROM documents; DELETE FROM search; DELETE FROM vocabulary;
            """
        )
    }

    static func store(_ vocabulary: Vocabulary, _ connection: Connection) throws {
        let insert = try connection.cached("INSERT INTO vocabulary(section, term, meaning) VALUES (?, ?, ?)")
        for row in Self.vocabularyRows(vocabulary) {
            try insert.run([.text(row.section), .text(row.term), .text(row.meaning)])
        }
    }

    /// The `vocabulary` table's rows: entity kinds (meaning: their family), relation and event types (their
    /// meanings), participant roles (no meaning).
    package static func vocabularyRows(_ vocabulary: Vocabulary) -> [(section: String, term: String, meaning: String)] {
        vocabulary.entityKinds.flatMap { family, kinds in kinds.map { ("entity_kinds", $0, family) } }
            + vocabulary.relationTypes.map { ("relation_types", $0.key, $0.value) }
            + vocabulary.eventTypes.map { ("event_types", $0.key, $0.value) }
            + vocabulary.participantRoles.map { ("participant_roles", $0, "") }
    }
}
