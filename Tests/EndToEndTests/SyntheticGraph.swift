import ChronoServer
import ChronoStore
import ChronoTesting
import Foundation

/// `withServer` serving the synthetic graph.
func withServer(
    configuration: ChronoServer.Configuration = .init(),
    _ body: @Sendable (Int) async throws -> Void
) async throws {
    try await withServer(.serving(store: try await SyntheticGraph.store.value), configuration: configuration, body)
}

/// A generated graph big enough for heavy queries: a ring lattice of entities with chords, and a long
/// timeline. Built once per test process into a temporary database through the real loader.
enum SyntheticGraph {
    static let entityCount = 400
    static let eventCount = 720
    static let documentLines = 5_000

    /// The entity id for index `index`.
    static func entity(_ index: Int) -> String { "entity-\(String(format: "%04d", index % Self.entityCount))" }

    /// The shared store, built on first use; with quick readers for its event loops, as chronod opens it, so
    /// reads are first tried on the event loop and handed to the reader queues past their budget.
    static let store = Task<GraphStore, any Error> {
        let directory = try TemporaryDirectory(prefix: "chronograph-e2e")
        let graph = directory.appending("graph")
        try FileManager.default.createDirectory(at: graph, withIntermediateDirectories: true)
        try Self.write(to: graph)
        let store = try await GraphStore.open(
            path: directory.databasePath,
            quickReaders: ChronoServer.defaultEventLoopCount
        )
        try await GraphLoader(directory: graph).load(into: store)
        return store
    }

    private static func citation(_ index: Int) -> String {
        let first = 1 + (index * 7) % (Self.documentLines - 3)
        return #"[{"doc":"synthetic.txt","lines":[\#(first),\#(first + 2)]}]"#
    }

    private static func write(to graph: URL) throws {
        try FileManager.default.copyItem(
            at: Repository.url("Graph/vocabulary.json"),
            to: graph.appendingPathComponent("vocabulary.json")
        )
        let kinds = ["state", "organisation", "person", "group", "law", "decree", "agreement", "place"]
        var documents =
            #"{"record":"document","id":"synthetic.txt","title":"Synthetic","lines":\#(Self.documentLines)}"#
        documents += "\n"
        var entities = ""
        var relations = ""
        for index in 0..<Self.entityCount {
            let id = Self.entity(index)
            let kind = kinds[index % kinds.count]
            entities +=
                #"{"record":"entity","id":"\#(id)","kind":"\#(kind)","name":"Entity \#(index)","#
                + #""aliases":["E\#(index)"],"summary":"Generated entity \#(index).","attributes":{},"#
                + #""citations":\#(Self.citation(index))}"# + "\n"
            for step in [1, 7, 31] {
                let target = Self.entity(index + step)
                relations +=
                    #"{"record":"relation","id":"\#(id)--cooperates_with--\#(target)","#
                    + #""type":"cooperates_with","from":"\#(id)","to":"\#(target)","#
                    + #""citations":\#(Self.citation(index + step))}"# + "\n"
            }
        }
        var events = ""
        for index in 0..<Self.eventCount {
            let year = 1900 + index % 120
            events +=
                #"{"record":"event","id":"event-\#(String(format: "%05d", index))","type":"statement","#
                + #""title":"Event \#(index)","summary":"Generated event \#(index) with a longer summary text.","#
                + #""date":{"edtf":"\#(year)"},"participants":[{"entity":"\#(Self.entity(index))","role":"agent"},"#
                + #"{"entity":"\#(Self.entity(index * 13 + 5))","role":"target"}],"#
                + #""citations":\#(Self.citation(index))}"# + "\n"
        }
        let figures =
            #"{"record":"figure","id":"figure-0","subject":"\#(Self.entity(0))","measure":"people","#
            + #""value":1000,"qualifier":"about","unit":"people","date":{"edtf":"2000"},"#
            + #""citations":\#(Self.citation(3))}"# + "\n"
        let disputes =
            #"{"record":"dispute","id":"dispute-0","subject":"\#(Self.entity(1))","topic":"how many","#
            + #""claims":[{"claim":"about 10","citations":\#(Self.citation(4))},"#
            + #"{"claim":"over 20","citations":\#(Self.citation(5))}]}"# + "\n"
        let files = [
            "documents.jsonl": documents, "entities.jsonl": entities, "relations.jsonl": relations,
            "events.jsonl": events, "figures.jsonl": figures, "disputes.jsonl": disputes,
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: graph.appendingPathComponent(name))
        }
    }
}
