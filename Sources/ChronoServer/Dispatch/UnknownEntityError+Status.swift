internal import ChronoGraph
public import ChronoProtocol
public import ChronoStore

extension UnknownEntityError: StatusDetailing {
    /// `NOT_FOUND` naming the parameter that held the name, with up to three nearest names ("did you mean").
    public var status: ChronoError {
        let nearest = self.suggestions.prefix(3).map { "\"\($0.name)\" (\($0.id))" }.joined(separator: ", ")
        return .notFound(
            "\(self.role.parameter): no entity with id, name or alias \"\(self.name)\""
                + (nearest.isEmpty ? "" : "; did you mean \(nearest)?")
        )
    }

    /// `{"suggestions": [EntityRef…]}`, the nearest names, so a client can ask "did you mean"; none without any.
    public var statusDetails: JSONValue? {
        guard !self.suggestions.isEmpty, let suggestions = try? JSONValue(writing: self.suggestions) else {
            return nil
        }
        return ["suggestions": suggestions]
    }
}
