internal import ChronoGraph
public import ChronoProtocol
public import ChronoStore

extension AmbiguousEntityError: StatusDetailing {
    /// `INVALID_ARGUMENT` naming the parameter that held the name and every entity it matches.
    public var status: ChronoError {
        let ids = self.candidates.map(\.id).joined(separator: ", ")
        return .invalidArgument(
            "\(self.role.parameter): \"\(self.name)\" matches \(self.candidates.count) entities (\(ids)); use an id"
        )
    }

    /// `{"candidates": [EntityRef…]}`, so a client can offer the choices.
    public var statusDetails: JSONValue? {
        guard let candidates = try? JSONValue(writing: self.candidates) else { return nil }
        return ["candidates": candidates]
    }
}
