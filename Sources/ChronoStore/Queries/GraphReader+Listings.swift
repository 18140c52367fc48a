internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// Disputes matching a filter, by id. See `GraphStore.disputes(_:deadline:)`.
    func disputes(_ query: DisputesQuery) throws -> DisputeList {
        let subject = try query.subject.map { try self.subject($0) }
        var ids = try self.rows.disputeIDs(subject: subject?.id)
        if let text = query.text { ids = try self.ranked(ids, text: text, kind: "dispute") }
        let disputes = try self.rows.disputes(ids)
        return DisputeList(
            disputes: Array(disputes.prefix(query.limit)),
            resolved: subject?.resolved.map { [$0] } ?? [],
            revision: try self.revision()
        )
    }

    /// Figures matching a filter, by id. See `GraphStore.figures(_:deadline:)`.
    func figures(_ query: FiguresQuery) throws -> FigureList {
        let subject = try query.subject.map { try self.subject($0) }
        let window = Self.window(query.from, query.to)
        let ids = try self.rows.figureIDs(subject: subject?.id, window: window)
        let figures = try self.rows.figures(
            try query.text.map { try self.ranked(ids, text: $0, kind: "figure") } ?? ids
        )
        return FigureList(
            figures: Array(figures.prefix(query.limit)),
            resolved: subject?.resolved.map { [$0] } ?? [],
            revision: try self.revision()
        )
    }

    /// The ids of `ids` among the best tier of the ranked search for `text` (see `bestTier`), best first.
    private func ranked(_ ids: [String], text: String, kind: String) throws -> [String] {
        guard !SearchWords.of(text).isEmpty else { return [] }
        let kept = Set(ids)
        return try self.bestTier(text, kind: kind).filter(kept.contains)
    }

    /// A subject filter: an event or figure id as is, otherwise an entity id, name or alias resolved to its id
    /// (with the resolution when `text` was a name).
    private func subject(_ text: String) throws -> (id: String, resolved: ResolvedName?) {
        if try self.rows.isEventOrFigure(text) {
            return (text, nil)
        }
        let ref = try self.resolve(text, as: .subject)
        return (ref.id, ResolvedName.listing([text], as: [ref]).first)
    }

    /// Counts of the graph. See `GraphStore.stats(deadline:)`.
    func stats() throws -> Stats {
        let counts = try self.rows.counts()
        return Stats(
            revision: try self.revision(),
            schemaVersion: counts.schemaVersion,
            counts: counts.counts,
            byKind: counts.byKind,
            byDocument: counts.byDocument
        )
    }
}
