internal import ChronoProtocol

extension GraphReader {
    /// Checks that every term of `terms` is in the stored vocabulary's `section`, naming `field[i]` otherwise.
    func requireTerms(_ terms: [String], section: String, field: String) throws {
        guard !terms.isEmpty else { return }
        let known = Set(
            try self.connection.cached("SELECT term FROM vocabulary WHERE section = ?").map([.text(section)]) {
                $0.text(0)
            }
        )
        if let index = terms.firstIndex(where: { !known.contains($0) }) {
            throw ChronoError.invalidArgument("\(field)[\(index)]: \"\(terms[index])\" is not one of the \(section)")
        }
    }
}
