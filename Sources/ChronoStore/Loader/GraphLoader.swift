internal import ChronoGraph
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
    }

    /// Replaces the content of `store` with the graph in `directory`.
    ///
    /// - Throws: `GraphLoadError` naming the file and line of the first invalid record; the store is unchanged.
    @discardableResult
    public func load(into store: GraphStore) async throws -> Report {
        let (vocabulary, records) = try self.read()
        return try await store.writer.run(deadline: nil) { connection, _ in
            try connection.transaction { connection in
                try Self.clear(connection)
                try GraphValidator(vocabulary: vocabulary).validate(
                    records,
                    against: StoredGraphContent(connection: connection)
                )
                let revision = try GraphStore.revision(connection) + 1
                try connection.cached("UPDATE meta SET value = ? WHERE key = 'revision'").run([.integer(revision)])
                try Self.store(vocabulary, connection)
                let writer = RecordWriter(connection: connection, revision: revision)
                for located in RecordWriter.dependencyOrder(records) { try writer.insert(located.record) }
                return Report(records: records.count, revision: revision)
            }
        }
    }

    /// Every record under the directory, parsed, with its file and line (nothing is validated or stored).
    ///
    /// - Throws: `GraphLoadError` naming the first unreadable file or unparsable line.
    public func records() throws -> [LocatedRecord] {
        try self.read().1
    }

    /// Reads and parses every file, reporting the first unparsable line.
    func read() throws -> (Vocabulary, [LocatedRecord]) {
        let label = self.directory.lastPathComponent
        let vocabularyURL = self.directory.appendingPathComponent("vocabulary.json")
        guard let vocabularyData = FileManager.default.contents(atPath: vocabularyURL.path) else {
            throw GraphLoadError(file: "\(label)/vocabulary.json", line: 0, message: "cannot read the vocabulary")
        }
        let vocabulary: Vocabulary
        do {
            vocabulary = try Vocabulary(json: Array(vocabularyData))
        } catch {
            throw GraphLoadError(file: "\(label)/vocabulary.json", line: 0, message: error.message)
        }
        let parser = GraphRecordParser()
        var records: [LocatedRecord] = []
        for relative in try self.files() {
            let file = "\(label)/\(relative)"
            guard let data = FileManager.default.contents(atPath: self.directory.appendingPathComponent(relative).path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw GraphLoadError(file: file, line: 0, message: "cannot read the file as UTF-8")
            }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
                guard !trimmed.allSatisfy(\.isWhitespace) else { continue }
                do {
                    records.append(
                        LocatedRecord(record: try parser.parse(String(trimmed)), file: file, line: index + 1)
                    )
                } catch {
                    throw GraphLoadError(file: file, line: index + 1, message: error.description)
                }
            }
        }
        return (vocabulary, records)
    }

    /// The `*.jsonl` files under the directory, relative paths in path order.
    private func files() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: self.directory.path) else {
            throw GraphLoadError(file: self.directory.lastPathComponent, line: 0, message: "cannot list the directory")
        }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".jsonl") }.sorted()
    }

    private static func clear(_ connection: Connection) throws {
        try connection.execute(
            """
            DELETE FROM citations; DELETE FROM claims; DELETE FROM disputes; DELETE FROM figures;
            DELETE FROM participants; DELETE FROM events; DELETE FROM relations; DELETE FROM aliases;
            DELETE FROM entities; DELETE FROM documents; DELETE FROM search; DELETE FROM vocabulary;
            """
        )
    }

    private static func store(_ vocabulary: Vocabulary, _ connection: Connection) throws {
        let insert = try connection.cached("INSERT INTO vocabulary(section, term, meaning) VALUES (?, ?, ?)")
        for (family, kinds) in vocabulary.entityKinds {
            for kind in kinds { try insert.run(["entity_kinds", .text(kind), .text(family)]) }
        }
        for (type, meaning) in vocabulary.relationTypes {
            try insert.run(["relation_types", .text(type), .text(meaning)])
        }
        for (type, meaning) in vocabulary.eventTypes { try insert.run(["event_types", .text(type), .text(meaning)]) }
        for role in vocabulary.participantRoles { try insert.run(["participant_roles", .text(role), ""]) }
    }
}
