import ChronoProtocol
import ChronoTesting
import Foundation

/// A reproducible stream of valid write batches over a `LiveFixture` graph: new, changed and retracted
/// events, added and retracted relations, renamed entities.
struct RandomWrites {
    private var random: SeededGenerator
    private var events: [String] = (0..<LiveFixture.eventCount).map { "event-\(String(format: "%03d", $0))" }
    private var relations: Set<String> = Set(
        (0..<LiveFixture.entityCount).map { index in
            "\(LiveFixture.entity(index))--cooperates_with--\(LiveFixture.entity(index + 1))"
        }
    )
    private var counter = 0

    init(seed: UInt64) {
        self.random = SeededGenerator(seed: seed)
    }

    /// A number in `0..<bound`.
    private mutating func next(_ bound: Int) -> Int {
        Int(self.random.next() % UInt64(bound))
    }

    /// The next batch as `Facts/Write` params.
    mutating func batch() -> [String: JSONValue] {
        var upserts: [JSONValue] = []
        var retractions: [String] = []
        var touched: Set<String> = []
        for _ in 0...self.next(3) {
            self.counter += 1
            let agent = self.next(LiveFixture.entityCount)
            let target = self.next(LiveFixture.entityCount)
            switch self.next(6) {
            case 0:
                let id = "event-w\(self.counter)"
                self.events.append(id)
                touched.insert(id)
                upserts.append(
                    LiveFixture.eventRecord(
                        id,
                        year: 1985 + self.next(40),
                        title: "Written \(self.counter)",
                        agent: agent,
                        target: target
                    )
                )
            case 1:
                let id = self.events[self.next(self.events.count)]
                guard touched.insert(id).inserted else { continue }
                upserts.append(
                    LiveFixture.eventRecord(
                        id,
                        year: 1985 + self.next(40),
                        title: "Changed \(self.counter)",
                        agent: agent,
                        target: target
                    )
                )
            case 2 where self.events.count > 5:
                let id = self.events.remove(at: self.next(self.events.count))
                guard touched.insert(id).inserted else {
                    self.events.append(id)
                    continue
                }
                retractions.append(id)
            case 3:
                let id = "\(LiveFixture.entity(agent))--cooperates_with--\(LiveFixture.entity(target))"
                guard agent != target, touched.insert(id).inserted else { continue }
                self.relations.insert(id)
                upserts.append(LiveFixture.relationRecord(from: agent, to: target))
            case 4 where !self.relations.isEmpty:
                let id = self.relations.sorted()[self.next(self.relations.count)]
                guard touched.insert(id).inserted else { continue }
                self.relations.remove(id)
                retractions.append(id)
            default:
                let id = LiveFixture.entity(agent)
                guard touched.insert(id).inserted else { continue }
                upserts.append(LiveFixture.entityRecord(agent, summary: "Entity summary rewritten \(self.counter)."))
            }
        }
        if upserts.isEmpty && retractions.isEmpty {
            upserts.append(LiveFixture.entityRecord(0, summary: "Entity summary rewritten \(self.counter)."))
        }
        return ["upserts": .array(upserts), "retractions": .array(retractions.map { .string($0) })]
    }
}
