public import ChronoProtocol
public import ChronoStore

extension AmbiguousEntityError: StatusDetailing {
    /// `{"candidates": [EntityRef…]}`, so a client can offer the choices.
    public var statusDetails: JSONValue? {
        guard let candidates = try? JSONValue(encoding: self.candidates) else { return nil }
        return ["candidates": candidates]
    }
}
