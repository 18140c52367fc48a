import ChronoGraph
import ChronoStore
import Foundation

/// The repository graph's ids, names and types the structural cases are drawn from, so they follow the graph
/// as it changes: the most connected entity, entities spread across the id order, relation and event types
/// by frequency, dispute and figure subjects.
struct RepositoryGraphShape {
    var entities: [EntityRecord] = []
    var hub = ""
    var relationTypes: [String] = []
    var eventTypes: [String] = []
    var disputeSubjects: [String] = []
    var figureSubjects: [String] = []

    init(directory: URL) throws {
        var degree: [String: Int] = [:]
        var relationTypes: [String: Int] = [:]
        var eventTypes: [String: Int] = [:]
        for located in try GraphLoader(directory: directory).records() {
            switch located.record {
            case .entity(let entity): self.entities.append(entity)
            case .relation(let relation):
                degree[relation.from, default: 0] += 1
                degree[relation.to, default: 0] += 1
                relationTypes[relation.type, default: 0] += 1
            case .event(let event): eventTypes[event.type, default: 0] += 1
            case .dispute(let dispute): self.disputeSubjects += dispute.subject.map { [$0] } ?? []
            case .figure(let figure): self.figureSubjects += figure.subject.map { [$0] } ?? []
            default: break
            }
        }
        self.entities.sort { $0.id < $1.id }
        self.hub = degree.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
        self.relationTypes = relationTypes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        self.eventTypes = eventTypes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        self.disputeSubjects = Array(Set(self.disputeSubjects)).sorted()
        self.figureSubjects = Array(Set(self.figureSubjects)).sorted()
    }

    /// Every `count`-th-spread entity: `count` entities across the id order.
    func spread(_ count: Int) -> [EntityRecord] {
        stride(from: 0, to: self.entities.count, by: max(1, self.entities.count / count)).map { self.entities[$0] }
    }

    /// `name` with two inner letters swapped: a typo the resolver may or may not forgive.
    static func misspelled(_ name: String) -> String {
        var letters = Array(name)
        guard letters.count > 4 else { return name + "x" }
        letters.swapAt(2, 3)
        return String(letters)
    }

    func cases() -> [DifferentialQueryTests.Case] {
        var cases: [DifferentialQueryTests.Case] = []
        let spread = self.spread(8)
        let window = (from: try? EDTFDate("2000"), to: try? EDTFDate("2008"))
        for entity in spread + [self.entities.first { $0.id == self.hub }].compactMap({ $0 }) {
            cases.append(Self.ask("entity \(entity.id)", false, EntityQuery(id: entity.id)))
            cases.append(Self.ask("entity by name \(entity.name)", false, EntityQuery(id: entity.name)))
            cases.append(
                Self.ask("entity misspelled \(entity.name)", false, EntityQuery(id: Self.misspelled(entity.name)))
            )
            if let alias = entity.aliases.first {
                cases.append(Self.ask("entity by alias \(alias)", false, EntityQuery(id: alias)))
            }
        }
        cases.append(Self.ask("entity unknown", false, EntityQuery(id: "no-such-entity-anywhere")))
        for root in [self.hub] + spread.prefix(3).map(\.id) {
            for depth in 1...3 {
                cases.append(
                    Self.ask("neighbors \(root) depth \(depth)", false, NeighborsQuery(id: root, depth: depth))
                )
                cases.append(
                    Self.ask(
                        "neighbors \(root) depth \(depth) through events",
                        false,
                        NeighborsQuery(id: root, depth: depth, throughEvents: true)
                    )
                )
            }
            cases.append(
                Self.ask(
                    "neighbors \(root) typed out",
                    false,
                    NeighborsQuery(id: root, depth: 2, relations: Array(self.relationTypes.prefix(3)), direction: .out)
                )
            )
            cases.append(Self.ask("neighbors \(root) in", false, NeighborsQuery(id: root, depth: 2, direction: .in)))
            cases.append(
                Self.ask(
                    "neighbors \(root) of kinds",
                    false,
                    NeighborsQuery(id: root, depth: 2, kinds: [.person, .organisation])
                )
            )
            cases.append(
                Self.ask(
                    "neighbors \(root) in 2000–2008",
                    false,
                    NeighborsQuery(id: root, depth: 2, from: window.from, to: window.to, throughEvents: true)
                )
            )
            cases.append(Self.ask("neighbors \(root) limit 7", false, NeighborsQuery(id: root, depth: 3, limit: 7)))
        }
        let ends = spread.map(\.id)
        for (index, from) in ([self.hub] + ends.prefix(3)).enumerated() {
            let to = ends[(index * 3 + 4) % ends.count]
            for k in 1...3 {
                cases.append(Self.ask("paths \(from)→\(to) k \(k)", false, PathsQuery(from: from, to: to, k: k)))
                cases.append(
                    Self.ask(
                        "paths \(from)→\(to) k \(k) events",
                        false,
                        PathsQuery(from: from, to: to, k: k, throughEvents: true)
                    )
                )
            }
            cases.append(
                Self.ask(
                    "paths \(from)→\(to) typed",
                    false,
                    PathsQuery(from: from, to: to, relations: Array(self.relationTypes.prefix(4)), k: 2)
                )
            )
            cases.append(
                Self.ask("paths \(from)→\(to) budget 5", false, PathsQuery(from: from, to: to, k: 2, nodeBudget: 5))
            )
        }
        cases.append(Self.ask("subgraph hub", false, SubgraphQuery(ids: [self.hub], depth: 1)))
        cases.append(Self.ask("subgraph hub depth 2", false, SubgraphQuery(ids: [self.hub] + ends.prefix(2), depth: 2)))
        cases.append(Self.ask("subgraph limit 10", false, SubgraphQuery(ids: [self.hub], depth: 2, limit: 10)))
        for mode in [TimelineMode.certainFirst, .overlaps, .within] {
            cases.append(
                Self.ask(
                    "timeline \(mode) 2000–2008",
                    false,
                    TimelineQuery(from: window.from, to: window.to, mode: mode)
                )
            )
            cases.append(Self.ask("timeline \(mode) actor hub", false, TimelineQuery(mode: mode, actors: [self.hub])))
            cases.append(
                Self.ask(
                    "timeline \(mode) types",
                    false,
                    TimelineQuery(from: window.from, mode: mode, types: Array(self.eventTypes.prefix(2)))
                )
            )
            cases.append(Self.ask("timeline \(mode) text", true, TimelineQuery(mode: mode, text: "migrants Russia")))
        }
        cases.append(Self.ask("disputes", false, DisputesQuery()))
        for subject in self.disputeSubjects.prefix(3) {
            cases.append(Self.ask("disputes about \(subject)", false, DisputesQuery(subject: subject)))
        }
        cases.append(Self.ask("disputes text", true, DisputesQuery(text: "number of refugees")))
        cases.append(Self.ask("figures", false, FiguresQuery(limit: 1_000)))
        for subject in self.figureSubjects.prefix(3) {
            cases.append(Self.ask("figures about \(subject)", false, FiguresQuery(subject: subject)))
            cases.append(
                Self.ask(
                    "figures about \(subject) 2000–2008",
                    false,
                    FiguresQuery(subject: subject, from: window.from, to: window.to)
                )
            )
        }
        for text in ["migrants", "Azerbaijan Russia gas", "refugee camps", "Aliyev decree", "remittanc", "Azerbaijn"] {
            cases.append(Self.ask("search \(text)", true, SearchQuery(text: text)))
            cases.append(Self.ask("record search \(text)", true, RecordSearchQuery(text: text)))
            cases.append(
                Self.ask(
                    "record search \(text) events 2000–2008",
                    true,
                    RecordSearchQuery(text: text, kinds: ["event"], from: window.from, to: window.to)
                )
            )
        }
        return cases
    }

    private static func ask<Query: GraphQuery>(
        _ name: String,
        _ ranked: Bool,
        _ query: Query
    )
        -> DifferentialQueryTests.Case
    {
        DifferentialQueryTests.ask(name, ranked: ranked, query)
    }
}
