import ChronoGraph
import ChronoStore
import Foundation

/// Applies `Graph/README.md`'s citation rules to every record, reading the cited lines from the seeds.
struct CitationCheck {
    private var documents: [String: [String]] = [:]
    private var documentLines: [String: Int] = [:]
    private var entities: [String: EntityRecord] = [:]
    private var events: [String: EventRecord] = [:]
    private var figures: [String: FigureRecord] = [:]
    private let records: [LocatedRecord]

    init(records: [LocatedRecord], seeds: URL) throws {
        self.records = records
        for located in records {
            switch located.record {
            case .document(let document):
                self.documentLines[document.id] = document.lines
                let text = try String(contentsOf: seeds.appendingPathComponent(document.id), encoding: .utf8)
                self.documents[document.id] = text.components(separatedBy: "\n")
            case .entity(let entity): self.entities[entity.id] = entity
            case .event(let event): self.events[event.id] = event
            case .figure(let figure): self.figures[figure.id] = figure
            default: break
            }
        }
    }

    /// One line per offending record: `file:line: id: what is wrong`.
    func problems() -> [String] {
        self.records.flatMap { located in
            self.problems(of: located.record).map { "\(located.origin): \(located.record.id): \($0)" }
        }
    }

    private func problems(of record: GraphRecord) -> [String] {
        switch record {
        case .document: return []
        case .entity(let entity):
            let text = self.citedText(entity.citations)
            var problems = self.rangeProblems(entity.citations)
            if !self.hasToken(text, self.tokens(entity: entity.id)) { problems.append("cited lines name it nowhere") }
            for (key, date) in entity.dates.sorted(by: { $0.key < $1.key }) {
                problems += self.yearProblem(date, text, "dates.\(key)")
            }
            return problems
        case .event(let event):
            let text = self.citedText(event.citations)
            var problems = self.rangeProblems(event.citations) + self.yearProblem(event.date, text, "date")
            let tokens = event.participants.flatMap { self.tokens(entity: $0.entity) }
            if !self.hasToken(text, tokens) { problems.append("cited lines name none of its participants") }
            return problems
        case .relation(let relation):
            let text = self.citedText(relation.citations)
            var problems = self.rangeProblems(relation.citations)
            if !self.hasToken(text, self.tokens(entity: relation.from) + self.tokens(entity: relation.to)) {
                problems.append("cited lines name neither end")
            }
            return problems + (relation.date.map { self.yearProblem($0, text, "date") } ?? [])
        case .figure(let figure):
            let text = self.citedText(figure.citations)
            var problems = self.rangeProblems(figure.citations)
            if !CitedText.containsNumber(text, CitedText.numberForms(figure.value))
                && !self.hasToken(text, self.tokens(subject: figure.subject))
            {
                problems.append("cited lines hold neither the value \(figure.value) nor the subject")
            }
            return problems + (figure.date.map { self.yearProblem($0, text, "date") } ?? [])
        case .dispute(let dispute):
            let tokens = self.tokens(subject: dispute.subject)
            return dispute.claims.enumerated().flatMap { index, claim -> [String] in
                let text = self.citedText(claim.citations)
                let forms = CitedText.numbers(in: claim.claim).reduce(into: Set<String>()) {
                    $0.formUnion(CitedText.numberForms($1))
                }
                let found = CitedText.containsNumber(text, forms) || self.hasToken(text, tokens)
                return self.rangeProblems(claim.citations)
                    + (found
                        ? [] : ["claims[\(index)]: cited lines hold neither a number of the claim nor the subject"])
            }
        }
    }

    private func rangeProblems(_ citations: [Citation]) -> [String] {
        citations.compactMap { citation in
            guard let lines = self.documentLines[citation.doc] else { return "unknown document \(citation.doc)" }
            guard 1 <= citation.first, citation.first <= citation.last, citation.last <= lines else {
                return "lines [\(citation.first), \(citation.last)] outside \(citation.doc) (1–\(lines))"
            }
            return citation.last - citation.first + 1 > 12
                ? "lines [\(citation.first), \(citation.last)] span more than 12 lines" : nil
        }
    }

    private func yearProblem(_ date: DateValue, _ text: String, _ path: String) -> [String] {
        guard let bounds = CitedText.yearBounds(date.edtf.edtf) else { return [] }
        return CitedText.years(in: text).contains { bounds.contains($0) }
            ? []
            : [
                "cited lines have no year in \(bounds.lowerBound)...\(bounds.upperBound) for \(path) (\(date.edtf.edtf))"
            ]
    }

    private func citedText(_ citations: [Citation]) -> String {
        let chunks = citations.compactMap { citation -> String? in
            guard let lines = self.documents[citation.doc], 1 <= citation.first, citation.first <= citation.last,
                citation.last <= lines.count
            else { return nil }
            return CitedText.joinLines(lines[(citation.first - 1)..<citation.last])
        }
        return CitedText.normalize(CitedText.joinLines(chunks))
    }

    private func hasToken(_ text: String, _ tokens: [String]) -> Bool {
        tokens.contains { !$0.isEmpty && text.contains($0) }
    }

    private func tokens(entity id: String) -> [String] {
        guard let entity = self.entities[id] else { return [] }
        var tokens = [entity.name] + entity.aliases
        if entity.kind == .person, let surname = entity.name.split(whereSeparator: \.isWhitespace).last {
            tokens.append(String(surname))
        }
        return tokens.filter { !$0.allSatisfy(\.isWhitespace) }.map(CitedText.normalize)
    }

    private func tokens(subject id: String?) -> [String] {
        guard let id else { return [] }
        if self.entities[id] != nil { return self.tokens(entity: id) }
        if let event = self.events[id] { return event.participants.flatMap { self.tokens(entity: $0.entity) } }
        if let figure = self.figures[id] { return figure.subject.map { self.tokens(entity: $0) } ?? [] }
        return []
    }
}
