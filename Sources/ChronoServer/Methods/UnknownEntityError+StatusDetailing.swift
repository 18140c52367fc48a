public import ChronoProtocol
public import ChronoStore

extension UnknownEntityError: StatusDetailing {
    /// `{"suggestions": [EntityRef…]}`, the nearest names, so a client can ask "did you mean"; none without any.
    public var statusDetails: JSONValue? {
        guard !self.suggestions.isEmpty, let suggestions = try? JSONValue(encoding: self.suggestions) else {
            return nil
        }
        return ["suggestions": suggestions]
    }
}
