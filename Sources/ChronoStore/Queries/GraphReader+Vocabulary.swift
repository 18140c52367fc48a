extension GraphReader {
    /// Checks that every term of `terms` is in the stored vocabulary's `section`.
    /// - Throws: `GraphError.unknownTerm` for the first that is not.
    func requireTerms(_ terms: [String], in section: GraphError.VocabularySection) throws {
        guard !terms.isEmpty else { return }
        let known = try self.rows.terms(in: section)
        if let index = terms.firstIndex(where: { !known.contains($0) }) {
            throw GraphError.unknownTerm(section: section, index: index, value: terms[index])
        }
    }
}
