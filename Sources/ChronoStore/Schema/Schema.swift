/// The database schema, versioned with `PRAGMA user_version` and migrated forward.
///
/// Dates are stored as day ordinals (days since 1970-01-01) with `openLower`/`openUpper` for open ends,
/// and precision as a rank (0 = day … 4 = century), so ordering and overlap tests are plain integer SQL.
enum Schema {
    /// Stands for an open or unknown start; below any EDTF day (years up to ±10^12 are about ±3.7·10^14 days).
    static let openLower: Int64 = -(1 << 50)
    /// Stands for an open or unknown end.
    static let openUpper: Int64 = 1 << 50
    /// Events are grouped by the bit length of their fuzzy span; group `c` spans at most `2^c` days.
    static let spanClasses = 0...52

    /// The migrations, in order; migration `i` takes the database from version `i` to `i + 1`.
    static let migrations: [String] = [
        version1, version2, ChangeLog.migration, GraphSource.migration, version5, version6, version7, version8,
        version9, version10,
    ]

    /// The current version.
    static var version: Int { self.migrations.count }

    /// Brings the database on `connection` to the current version in one transaction.
    static func migrate(_ connection: Connection) throws {
        try connection.transaction { connection in
            let current = try connection.cached("PRAGMA user_version").first { Int($0.int64(0)) } ?? 0
            guard current <= Self.version else {
                throw SQLiteError(
                    code: SQLiteError.readonly,
                    message: "database schema \(current) is newer than \(Self.version)"
                )
            }
            for migration in Self.migrations.dropFirst(current) {
                try connection.execute(migration)
            }
            try connection.execute("PRAGMA user_version = \(Self.version)")
            try RelationWireForm.update(connection)
        }
    }

    /// The span class of a fuzzy span from `lower` to `upper` (inclusive day ordinals).
    static func spanClass(lower: Int64, upper: Int64) -> Int64 {
        let span = UInt64(max(1, upper - lower + 1))
        return Int64(UInt64.bitWidth - (span - 1).leadingZeroBitCount)
    }

    private static let version1 = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO meta(key, value) VALUES ('revision', 0);
        CREATE TABLE changes(
            revision INTEGER NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
            PRIMARY KEY (revision, kind, id)
        ) WITHOUT ROWID;
        CREATE TABLE vocabulary(
            section TEXT NOT NULL, term TEXT NOT NULL, meaning TEXT NOT NULL, PRIMARY KEY (section, term)
        ) WITHOUT ROWID;
        CREATE TABLE documents(id TEXT PRIMARY KEY, title TEXT NOT NULL, lines INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE entities(
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, family TEXT NOT NULL, name TEXT NOT NULL,
            summary TEXT NOT NULL, number TEXT, attributes TEXT NOT NULL, dates TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX entities_kind ON entities(kind, id);
        CREATE TABLE aliases(
            entity TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE, position INTEGER NOT NULL,
            alias TEXT NOT NULL, normalized TEXT NOT NULL, PRIMARY KEY (entity, position)
        ) WITHOUT ROWID;
        CREATE INDEX aliases_normalized ON aliases(normalized, entity);
        CREATE TABLE events(
            rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, title TEXT NOT NULL,
            summary TEXT NOT NULL, date_edtf TEXT NOT NULL, date_text TEXT,
            lower INTEGER NOT NULL, upper INTEGER NOT NULL, fuzzy_lower INTEGER NOT NULL,
            fuzzy_upper INTEGER NOT NULL, precision INTEGER NOT NULL, span_class INTEGER NOT NULL
        );
        CREATE INDEX events_span ON events(span_class, lower, precision, id);
        CREATE INDEX events_order ON events(lower, precision, id);
        CREATE INDEX events_type ON events(type, lower, precision, id);
        CREATE TABLE participants(
            event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE, position INTEGER NOT NULL,
            entity TEXT NOT NULL REFERENCES entities(id), role TEXT NOT NULL, PRIMARY KEY (event, position)
        ) WITHOUT ROWID;
        CREATE INDEX participants_entity ON participants(entity, event);
        CREATE TABLE relations(
            id TEXT PRIMARY KEY, type TEXT NOT NULL,
            from_id TEXT NOT NULL REFERENCES entities(id), to_id TEXT NOT NULL REFERENCES entities(id),
            date_edtf TEXT, date_text TEXT, fuzzy_lower INTEGER, fuzzy_upper INTEGER, summary TEXT
        ) WITHOUT ROWID;
        CREATE INDEX relations_from ON relations(from_id, type, to_id);
        CREATE INDEX relations_to ON relations(to_id, type, from_id);
        CREATE INDEX relations_type ON relations(type);
        CREATE TABLE citations(
            owner_kind TEXT NOT NULL, owner TEXT NOT NULL, position INTEGER NOT NULL,
            doc TEXT NOT NULL REFERENCES documents(id), first INTEGER NOT NULL, last INTEGER NOT NULL, ref TEXT,
            PRIMARY KEY (owner_kind, owner, position)
        ) WITHOUT ROWID;
        CREATE INDEX citations_doc ON citations(doc);
        CREATE TABLE disputes(id TEXT PRIMARY KEY, subject TEXT, topic TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX disputes_subject ON disputes(subject);
        CREATE TABLE claims(
            dispute TEXT NOT NULL REFERENCES disputes(id) ON DELETE CASCADE, position INTEGER NOT NULL,
            claim TEXT NOT NULL, PRIMARY KEY (dispute, position)
        ) WITHOUT ROWID;
        CREATE TABLE figures(
            id TEXT PRIMARY KEY, subject TEXT, measure TEXT NOT NULL, value REAL NOT NULL,
            qualifier TEXT NOT NULL, unit TEXT NOT NULL, date_edtf TEXT, date_text TEXT,
            fuzzy_lower INTEGER, fuzzy_upper INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX figures_subject ON figures(subject);
        CREATE VIRTUAL TABLE search USING fts5(
            owner_kind UNINDEXED, owner UNINDEXED, name, aliases, summary,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        """

    /// Makes the timeline indexes covering, so window scans filter on fuzzy and strict bounds without
    /// reading table rows (about 15 ms → under 1 ms per page at 10^6 events).
    private static let version2 = """
        DROP INDEX events_span;
        CREATE INDEX events_span ON events(span_class, lower, precision, id, fuzzy_lower, fuzzy_upper);
        DROP INDEX events_order;
        CREATE INDEX events_order ON events(lower, precision, id, upper, fuzzy_lower, fuzzy_upper);
        """

    /// A figure that is a range keeps its upper end (`value` is the lower).
    private static let version5 = """
        ALTER TABLE figures ADD COLUMN high REAL;
        """

    /// One search index over every record kind, stemmed: names and aliases (entities), titles (events'
    /// titles, figures' measures, disputes' topics), summaries (figures' units) and claims, each a column so
    /// BM25 can weigh them; the porter stemmer over `unicode61` folds case, diacritics and word endings.
    private static let version6 = """
        DROP TABLE search;
        CREATE VIRTUAL TABLE search USING fts5(
            owner_kind UNINDEXED, owner UNINDEXED, name, aliases, title, summary, claims,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        INSERT INTO search(owner_kind, owner, name, aliases, title, summary, claims)
        SELECT 'entity', id, name,
               coalesce((SELECT group_concat(alias, ' ; ') FROM aliases WHERE entity = entities.id AND position > 0), ''),
               '', summary, '' FROM entities;
        INSERT INTO search(owner_kind, owner, name, aliases, title, summary, claims)
        SELECT 'event', id, '', '', title, summary, '' FROM events;
        INSERT INTO search(owner_kind, owner, name, aliases, title, summary, claims)
        SELECT 'figure', id, '', '', measure, unit, '' FROM figures;
        INSERT INTO search(owner_kind, owner, name, aliases, title, summary, claims)
        SELECT 'dispute', id, '', '', topic, '',
               coalesce((SELECT group_concat(claim, ' ; ') FROM claims WHERE dispute = disputes.id), '') FROM disputes;
        INSERT INTO search(owner_kind, owner, name, aliases, title, summary, claims)
        SELECT 'relation', id, '', '', '', summary, '' FROM relations WHERE summary IS NOT NULL;
        """

    /// Stored snapshots in a rowid table, so their archives are written and read with incremental blob I/O
    /// (`Blob`; SQLite offers it for rowid tables only) rather than as one value in memory. Same columns, same
    /// bytes.
    private static let version7 = """
        CREATE TABLE snapshots_rowid(
            id TEXT NOT NULL PRIMARY KEY, revision INTEGER NOT NULL, created_ms INTEGER NOT NULL,
            manifest TEXT NOT NULL, data BLOB NOT NULL
        );
        INSERT INTO snapshots_rowid(id, revision, created_ms, manifest, data)
        SELECT id, revision, created_ms, manifest, data FROM snapshots ORDER BY revision, created_ms, id;
        DROP TABLE snapshots;
        ALTER TABLE snapshots_rowid RENAME TO snapshots;
        """

    /// A node's relations in (other end, id) order in both directions, covering the type and date filters, so
    /// a traversal reads a hub's first relations without reading (and sorting) all of them, and a filtered
    /// step reads no table rows.
    private static let version8 = """
        DROP INDEX relations_from;
        CREATE INDEX relations_from ON relations(from_id, to_id, id, type, fuzzy_lower, fuzzy_upper);
        DROP INDEX relations_to;
        CREATE INDEX relations_to ON relations(to_id, from_id, id, type, fuzzy_lower, fuzzy_upper);
        """

    /// Citations keyed by their owner first: every read asks for the citations of given owners of one kind, and
    /// with the kind first (the same in every key a read compares) SQLite compared each key field by field instead
    /// of by its leading string; a 2-hop call's 208 relations with their citations, a timeline's events and a
    /// 1-hop call each spent 2-4% more instructions (callgrind at 10^5 events). Same columns, same rows.
    private static let version9 = """
        CREATE TABLE citations_by_owner(
            owner TEXT NOT NULL, owner_kind TEXT NOT NULL, position INTEGER NOT NULL,
            doc TEXT NOT NULL REFERENCES documents(id), first INTEGER NOT NULL, last INTEGER NOT NULL, ref TEXT,
            PRIMARY KEY (owner, owner_kind, position)
        ) WITHOUT ROWID;
        INSERT INTO citations_by_owner(owner, owner_kind, position, doc, first, last, ref)
        SELECT owner, owner_kind, position, doc, first, last, ref FROM citations ORDER BY owner, owner_kind, position;
        DROP TABLE citations;
        ALTER TABLE citations_by_owner RENAME TO citations;
        CREATE INDEX citations_doc ON citations(doc);
        """

    /// Each relation's wire form beside it (`RelationWireForm`), filled by `RelationWireForm.update` as the
    /// migration ends: a 2-hop neighbourhood read each of its 200 or so edges' citations and built and encoded
    /// each edge, 40% of its instructions (callgrind at 10^5 events).
    private static let version10 = """
        ALTER TABLE relations ADD COLUMN wire BLOB NOT NULL DEFAULT x'';
        DELETE FROM meta WHERE key = 'relation_wire';
        """
}
