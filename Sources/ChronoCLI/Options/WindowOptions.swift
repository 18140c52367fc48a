import ArgumentParser
import ChronoProtocol

/// `--from` and `--to`: a period given as EDTF dates or plain years, checked before any I/O.
struct WindowOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Start of the period: EDTF date or year (2007, 2007-03, 2007~).", valueName: "date"),
        transform: { text in try EDTFDate(parsing: text) }
    )
    var from: EDTFDate?

    @Option(
        help: ArgumentHelp("End of the period: EDTF date or year.", valueName: "date"),
        transform: { text in try EDTFDate(parsing: text) }
    )
    var to: EDTFDate?

    /// Rejects a period whose plain start year comes after its plain end year.
    func check() throws {
        guard let from = self.from, let to = self.to, let start = Int(from.text.prefix(4)),
            let end = Int(to.text.prefix(4)), start > end
        else { return }
        throw ValidationError("--from \(from) comes after --to \(to)")
    }

    /// The `from`/`to` params, when given.
    var params: [String: JSONValue] {
        var params: [String: JSONValue] = [:]
        params["from"] = self.from.map { .string($0.text) }
        params["to"] = self.to.map { .string($0.text) }
        return params
    }
}
