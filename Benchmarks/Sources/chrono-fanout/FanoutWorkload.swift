import ChronoProtocol
import Foundation

/// The request lines of a run: what each subscriber follows and what each commit writes.
///
/// Subscriber `s` follows `Timeline/Query` of the events *within* `year`, limit `50 + s % distinct` (so
/// `distinct` different queries). Commit `k` upserts an event dated 1 January of `year` (day precision)
/// whose id sorts before every generated one, so it is first in every subscriber's window: each commit
/// changes every result, and its change frame names the new event.
struct FanoutWorkload: Sendable {
    var runID: String
    var year: Int
    var actor: String
    var document: String
    var eventType: String
    var distinct: Int

    /// The id of the event commit `index` writes.
    func eventID(commit index: Int) -> String {
        "0000-fanout-\(self.runID)-\(index)"
    }

    /// The subscribed query of subscriber `subscriber`, as a JSON object text.
    func query(subscriber: Int) -> String {
        let limit = 50 + subscriber % self.distinct
        return #"{"method":"chrono.v1.Timeline/Query","params":{"from":"\#(self.year)","to":"\#(self.year)","#
            + #""mode":"within","limit":\#(limit)}}"#
    }

    /// The `Watch/Subscribe` request of `subscriber`, with call id `call`.
    func subscribeRequest(subscriber: Int, call: Int) -> String {
        #"{"id":\#(call),"method":"chrono.v1.Watch/Subscribe","params":{"query":\#(self.query(subscriber: subscriber))}}"#
    }

    /// The `Facts/Write` request of commit `index`, with call id `call`.
    func writeRequest(commit index: Int, call: Int) throws -> String {
        let event: JSONValue = [
            "record": "event",
            "id": .string(self.eventID(commit: index)),
            "type": .string(self.eventType),
            "title": .string("Fan-out benchmark commit \(index)"),
            "summary": .string("Written by chrono-fanout run \(self.runID) to notify every subscriber."),
            "date": [
                "edtf": .string(String(format: "%04d-01-01", self.year)),
                "text": .string("1 January \(self.year)"),
            ],
            "participants": [["entity": .string(self.actor), "role": "agent"]],
            "citations": [["doc": .string(self.document), "lines": [1, 1]]],
        ]
        return try Self.call(call, method: "chrono.v1.Facts/Write", params: ["upserts": [event]])
    }

    /// The `Facts/Write` request retracting the events of `commits`, with call id `call`.
    func cleanupRequest(commits: [Int], call: Int) throws -> String {
        let ids = commits.map { JSONValue.string(self.eventID(commit: $0)) }
        return try Self.call(call, method: "chrono.v1.Facts/Write", params: ["retractions": .array(ids)])
    }

    /// The request line: the protocol's own JSON value, with sorted keys.
    private static func call(_ id: Int, method: String, params: JSONValue) throws -> String {
        let request: JSONValue = ["id": .int(Int64(id)), "method": .string(method), "params": params]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(request), as: UTF8.self)
    }
}
