internal import ChronoGraph
internal import ChronoStore
internal import PostgresNIO

/// The PostgreSQL schema, versioned by the one row of `chrono_schema` and migrated forward in one transaction.
///
/// The same model as ChronoStore's SQLite schema (`Schema` and its later migrations `ChangeLog.migration`,
/// `GraphSource.migration`): dates as `bigint` day ordinals with the same open-end sentinels, precision as a
/// rank, the span class of each event, the covering timeline indexes (`INCLUDE`). Full text search is
/// PostgreSQL's own: one `search` row per searchable record with the fields SQLite's FTS5 table has, and a
/// generated `tsvector` weighing name (A), aliases (B), title (C), summary and claims (D) in the `chrono`
/// configuration (English Snowball stemming over `unaccent`, keeping stop words), under a GIN index. Words are
/// split as FTS5's `unicode61` splits them, at every character that is not a letter or digit (`1news.az` is
/// `1news` and `az`, not one host name), and no word is dropped, so the two backends index the same words.
///
/// Foreign keys are `DEFERRABLE INITIALLY DEFERRED`, checked at commit as SQLite's `defer_foreign_keys`.
///
/// Version 2 keeps the corpus statistics BM25 needs (`search_corpus`: the rows of `search` and their tokens,
/// `chrono_tokens`) up to date by statement-level triggers on `search`, so that a search reads one row instead
/// of every document.
///
/// Version 3 keeps a snapshot's archive in pieces (`snapshot_pieces`, `PostgresStoredArchive`) instead of one
/// `bytea` in `snapshots`, so that it is written and read a piece at a time, and indexes each record kind's ids
/// in byte order (`<table>_id_bytes`), so that an export pages through them in canonical order.
package enum PostgresSchema {
    /// The migrations, in order; migration `i` takes the database from version `i` to `i + 1`. Each is a list
    /// of statements (the extended query protocol runs one statement at a time).
    static let migrations: [[String]] = [version1, version2, version3]

    /// The version this build creates and reads.
    package static var version: Int { self.migrations.count }

    /// Key of the advisory lock that serialises concurrent migrations of one database.
    private static let migrationLock: Int64 = 0x6368_726f_6e6f

    /// Brings the database to `target` (this build's `version` unless an older one is asked for, as tests of
    /// a migration do) in one transaction, under an advisory lock so two processes starting together migrate
    /// it once.
    ///
    /// - Returns: The version found and the version left (equal when nothing was to do).
    /// - Throws: `PostgresSchemaError` when the database is newer than this build; nothing is changed then.
    @discardableResult
    package static func migrate(
        _ worker: PostgresConnectionWorker,
        to target: Int = Self.version,
        deadline: ContinuousClock.Instant? = nil
    ) async throws -> (from: Int, to: Int) {
        precondition((1...Self.version).contains(target), "no schema version \(target)")
        return try await worker.write(deadline: deadline) { session -> (from: Int, to: Int) in
            try session.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
            try session.query("CREATE TABLE IF NOT EXISTS chrono_schema(version integer NOT NULL)")
            let rows = try session.query("SELECT version FROM chrono_schema")
            let current = try rows.first.map { try $0.decode(Int.self) } ?? 0
            guard current <= Self.version else { throw PostgresSchemaError(found: current, supported: Self.version) }
            guard current < target else { return (current, current) }
            for migration in Self.migrations[current..<target] {
                for statement in migration { try session.query(statement) }
            }
            let record =
                rows.isEmpty
                ? "INSERT INTO chrono_schema(version) VALUES (\(target))"
                : "UPDATE chrono_schema SET version = \(target)"
            try session.query(record)
            return (current, target)
        }
    }

    /// The version of the database on `session`: 0 before the first migration.
    package static func storedVersion(_ session: PostgresSession) throws -> Int {
        let exists = try session.query("SELECT to_regclass('chrono_schema') IS NOT NULL").first?.decode(Bool.self)
        guard exists == true else { return 0 }
        return try session.query("SELECT version FROM chrono_schema").first?.decode(Int.self) ?? 0
    }

    private static let version1: [String] = [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "CREATE TEXT SEARCH DICTIONARY chrono_stem (TEMPLATE = snowball, Language = english)",
        "CREATE TEXT SEARCH CONFIGURATION chrono (COPY = english)",
        """
        ALTER TEXT SEARCH CONFIGURATION chrono
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, chrono_stem
        """,
        "ALTER TEXT SEARCH CONFIGURATION chrono ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH chrono_stem",
        "CREATE TABLE meta(key text PRIMARY KEY, value bigint NOT NULL)",
        "INSERT INTO meta(key, value) VALUES ('revision', 0), ('compacted', 0)",
        """
        CREATE TABLE changes(
            revision bigint NOT NULL, kind text NOT NULL, id text NOT NULL,
            op text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
            PRIMARY KEY (revision, kind, id)
        )
        """,
        """
        CREATE TABLE change_images(
            revision bigint NOT NULL, kind text NOT NULL, id text NOT NULL, before text,
            PRIMARY KEY (revision, kind, id)
        )
        """,
        """
        CREATE TABLE snapshots(
            id text PRIMARY KEY, revision bigint NOT NULL, created_ms bigint NOT NULL,
            manifest text NOT NULL, data bytea NOT NULL
        )
        """,
        """
        CREATE TABLE graph_source(
            id integer PRIMARY KEY CHECK (id = 1), hash text NOT NULL, revision bigint NOT NULL
        )
        """,
        """
        CREATE TABLE vocabulary(
            section text NOT NULL, term text NOT NULL, meaning text NOT NULL, PRIMARY KEY (section, term)
        )
        """,
        "CREATE TABLE documents(id text PRIMARY KEY, title text NOT NULL, lines integer NOT NULL)",
        """
        CREATE TABLE entities(
            id text PRIMARY KEY, kind text NOT NULL, family text NOT NULL, name text NOT NULL,
            summary text NOT NULL, number text, attributes text NOT NULL, dates text NOT NULL
        )
        """,
        "CREATE INDEX entities_kind ON entities(kind, id)",
        """
        CREATE TABLE aliases(
            entity text NOT NULL REFERENCES entities(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            position integer NOT NULL, alias text NOT NULL, normalized text NOT NULL,
            PRIMARY KEY (entity, position)
        )
        """,
        "CREATE INDEX aliases_normalized ON aliases(normalized, entity)",
        """
        CREATE TABLE events(
            rowid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL UNIQUE, type text NOT NULL,
            title text NOT NULL, summary text NOT NULL, date_edtf text NOT NULL, date_text text,
            lower bigint NOT NULL, upper bigint NOT NULL, fuzzy_lower bigint NOT NULL, fuzzy_upper bigint NOT NULL,
            precision integer NOT NULL, span_class integer NOT NULL
        )
        """,
        "CREATE INDEX events_span ON events(span_class, lower, precision, id) INCLUDE (fuzzy_lower, fuzzy_upper)",
        "CREATE INDEX events_order ON events(lower, precision, id) INCLUDE (upper, fuzzy_lower, fuzzy_upper)",
        "CREATE INDEX events_type ON events(type, lower, precision, id)",
        """
        CREATE TABLE participants(
            event bigint NOT NULL REFERENCES events(rowid) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            position integer NOT NULL,
            entity text NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
            role text NOT NULL, PRIMARY KEY (event, position)
        )
        """,
        "CREATE INDEX participants_entity ON participants(entity, event)",
        """
        CREATE TABLE relations(
            id text PRIMARY KEY, type text NOT NULL,
            from_id text NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
            to_id text NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
            date_edtf text, date_text text, fuzzy_lower bigint, fuzzy_upper bigint, summary text
        )
        """,
        "CREATE INDEX relations_from ON relations(from_id, type, to_id)",
        "CREATE INDEX relations_to ON relations(to_id, type, from_id)",
        "CREATE INDEX relations_type ON relations(type)",
        """
        CREATE TABLE citations(
            owner_kind text NOT NULL, owner text NOT NULL, position integer NOT NULL,
            doc text NOT NULL REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED,
            first integer NOT NULL, last integer NOT NULL, ref text,
            PRIMARY KEY (owner_kind, owner, position)
        )
        """,
        "CREATE INDEX citations_doc ON citations(doc)",
        "CREATE TABLE disputes(id text PRIMARY KEY, subject text, topic text NOT NULL)",
        "CREATE INDEX disputes_subject ON disputes(subject)",
        """
        CREATE TABLE claims(
            dispute text NOT NULL REFERENCES disputes(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            position integer NOT NULL, claim text NOT NULL, PRIMARY KEY (dispute, position)
        )
        """,
        """
        CREATE TABLE figures(
            id text PRIMARY KEY, subject text, measure text NOT NULL, value double precision NOT NULL,
            qualifier text NOT NULL, unit text NOT NULL, date_edtf text, date_text text,
            fuzzy_lower bigint, fuzzy_upper bigint, high double precision
        )
        """,
        "CREATE INDEX figures_subject ON figures(subject)",
        """
        CREATE TABLE search(
            owner_kind text NOT NULL, owner text NOT NULL,
            name text NOT NULL DEFAULT '', aliases text NOT NULL DEFAULT '', title text NOT NULL DEFAULT '',
            summary text NOT NULL DEFAULT '', claims text NOT NULL DEFAULT '',
            document tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('chrono', regexp_replace(name, '[^[:alnum:]]+', ' ', 'g')), 'A')
                || setweight(to_tsvector('chrono', regexp_replace(aliases, '[^[:alnum:]]+', ' ', 'g')), 'B')
                || setweight(to_tsvector('chrono', regexp_replace(title, '[^[:alnum:]]+', ' ', 'g')), 'C')
                || setweight(to_tsvector('chrono', regexp_replace(summary || ' ' || claims, '[^[:alnum:]]+', ' ', 'g')), 'D')
            ) STORED,
            PRIMARY KEY (owner_kind, owner)
        )
        """,
        "CREATE INDEX search_document ON search USING gin (document)",
    ]

    /// The corpus statistics of `search`, kept by triggers: `search_corpus` holds, in its one row, the count of
    /// `search` rows and of their tokens (`chrono_tokens`: the positions of all of a document's lexemes), which
    /// every statement inserting, updating, deleting or truncating `search` adjusts in its own transaction
    /// (from its transition tables). Writers already serialise on the `meta` row, so the one row adds no
    /// contention.
    private static let version2: [String] = [
        """
        CREATE FUNCTION chrono_tokens(document tsvector) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT coalesce(sum(cardinality(u.positions)), 0)::bigint FROM unnest(document) u $$
        """,
        """
        CREATE TABLE search_corpus(
            id integer PRIMARY KEY CHECK (id = 1), rows bigint NOT NULL, tokens bigint NOT NULL
        )
        """,
        """
        INSERT INTO search_corpus(id, rows, tokens)
        SELECT 1, count(*), coalesce(sum(chrono_tokens(document)), 0) FROM search
        """,
        """
        CREATE FUNCTION search_corpus_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                UPDATE search_corpus SET rows = 0, tokens = 0;
            END IF;
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE search_corpus SET rows = search_corpus.rows - r.rows, tokens = search_corpus.tokens - r.tokens
                FROM (SELECT count(*) AS rows, coalesce(sum(chrono_tokens(document)), 0) AS tokens FROM removed) r;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                UPDATE search_corpus SET rows = search_corpus.rows + a.rows, tokens = search_corpus.tokens + a.tokens
                FROM (SELECT count(*) AS rows, coalesce(sum(chrono_tokens(document)), 0) AS tokens FROM added) a;
            END IF;
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE TRIGGER search_corpus_insert AFTER INSERT ON search REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION search_corpus_count()
        """,
        """
        CREATE TRIGGER search_corpus_update AFTER UPDATE ON search
            REFERENCING OLD TABLE AS removed NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION search_corpus_count()
        """,
        """
        CREATE TRIGGER search_corpus_delete AFTER DELETE ON search REFERENCING OLD TABLE AS removed
            FOR EACH STATEMENT EXECUTE FUNCTION search_corpus_count()
        """,
        """
        CREATE TRIGGER search_corpus_truncate AFTER TRUNCATE ON search
            FOR EACH STATEMENT EXECUTE FUNCTION search_corpus_count()
        """,
    ]

    /// Moves each stored archive into pieces of 1 MiB (`PostgresStoredArchive`), stored as they are (`STORAGE
    /// EXTERNAL`: gzip bytes do not compress again); indexes the record tables' ids in byte order
    /// (`PostgresRows.recordIDs(of:)`).
    private static let version3: [String] =
        [
            """
            CREATE TABLE snapshot_pieces(
                snapshot text NOT NULL REFERENCES snapshots(id), piece integer NOT NULL, data bytea NOT NULL,
                PRIMARY KEY (snapshot, piece)
            )
            """,
            "ALTER TABLE snapshot_pieces ALTER COLUMN data SET STORAGE EXTERNAL",
            """
            INSERT INTO snapshot_pieces(snapshot, piece, data)
            SELECT s.id, p.piece, substring(s.data FROM p.piece * 1048576 + 1 FOR 1048576)
            FROM snapshots s CROSS JOIN LATERAL generate_series(0, (length(s.data) - 1) / 1048576) AS p(piece)
            """,
            "ALTER TABLE snapshots DROP COLUMN data",
        ] + Self.byteOrderIDIndexes

    /// An index of each record table's ids in byte order (`COLLATE "C"`), the canonical order.
    private static let byteOrderIDIndexes = RecordKind.allCases.map(\.table).sorted().map { table in
        "CREATE INDEX \(table)_id_bytes ON \(table)(id COLLATE \"C\")"
    }
}

/// The database's schema is newer than this build understands: a newer chronod migrated it.
package struct PostgresSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The version stored in the database.
    package var found: Int
    /// The newest version this build knows.
    package var supported: Int

    package init(found: Int, supported: Int) {
        self.found = found
        self.supported = supported
    }

    package var description: String {
        "the PostgreSQL database's schema is version \(self.found), newer than this build's \(self.supported); "
            + "run a newer chronod"
    }
}
