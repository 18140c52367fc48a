import ArgumentParser
import ChronoGraph
import ChronoProtocol

/// `--from` and `--to`: a period given as EDTF dates or plain years, checked before any I/O by the same EDTF
/// grammar the daemon uses (`ChronoGraph.EDTFDate`).
struct WindowOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Start of the period: EDTF date or year (2007, 2007-03, 2007~).", valueName: "date"),
        transform: WindowOptions.date
    )
    var from: EDTFDate?

    @Option(
        help: ArgumentHelp("End of the period: EDTF date or year.", valueName: "date"),
        transform: WindowOptions.date
    )
    var to: EDTFDate?

    /// Rejects a period that certainly starts after it ends (`--from 2008 --to 2007`).
    func check() throws {
        guard let from = self.from, let to = self.to, let start = from.strict.lower, let end = to.strict.upper,
            start > end
        else { return }
        throw ValidationError("--from \(from) comes after --to \(to)")
    }

    /// The `from`/`to` params, when given.
    var params: [String: JSONValue] {
        var params: [String: JSONValue] = [:]
        params["from"] = self.from.map { .string($0.edtf) }
        params["to"] = self.to.map { .string($0.edtf) }
        return params
    }

    /// A date as typed (surrounding spaces dropped); the error says what is wrong and shows examples.
    static func date(_ text: String) throws -> EDTFDate {
        do {
            return try EDTFDate(text.trimmingWhitespace)
        } catch {
            throw ValidationError(
                "not an EDTF date or year: \(error.message) (examples: 2007, 2007-03, 2007-03-19, 2007~, 199X, 2007/2010)"
            )
        }
    }
}
