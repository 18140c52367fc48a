public import ChronoProtocol
public import ChronoStore

extension UnknownEntityError: StatusDetailing {
    /// `{"suggestions": [EntityRef…]}`, the nearest names, so a client can ask "did you mean".
    public var statusDetails: JSONValue? {
        guard let suggestions = try? JSONValue(encoding: self.suggestions) else { return nil }
        return ["suggestions": suggestions]
    }
}
