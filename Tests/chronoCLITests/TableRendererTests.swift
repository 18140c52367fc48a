import Foundation
import Testing

@testable import ChronoCLI

@Suite("TableRenderer: aligned columns that fit the terminal")
struct TableRendererTests {
    let table = Table(
        columns: [.init("DATE"), .init("EVENT"), .init("ID", csvOnly: true)],
        rows: [
            ["early 2007 (2007~)", "Germany asks Azerbaijan to take back its irregular migrants", "a"],
            ["April 2011 (2011-04)", "Arzu Rahimov on readmission talks", "b"],
        ]
    )

    @Test("columns line up and no line passes the width", arguments: [30, 40, 60, 120])
    func fitsWidth(width: Int) {
        let text = TableRenderer(width: width, colour: false).render(self.table.forPeople)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= width })
        #expect(lines.first?.hasPrefix("DATE") == true)
        let eventColumn = lines.first.map { $0.distance(from: $0.startIndex, to: $0.range(of: "EVENT")!.lowerBound) }
        #expect(lines.dropFirst().allSatisfy { $0.count > eventColumn! })
        #expect(!text.contains("ID"), "CSV-only columns stay out of tables")
    }

    @Test("a wide terminal keeps every row on one line")
    func noWrapWhenWide() {
        let lines = TableRenderer(width: 200, colour: false).render(self.table.forPeople).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasSuffix("irregular migrants"))
    }

    @Test("a narrow terminal wraps the widest cells onto more lines, words intact")
    func wrapsWhenNarrow() {
        let text = TableRenderer(width: 40, colour: false).render(self.table.forPeople)
        #expect(text.split(separator: "\n").count > 3)
        #expect(text.contains("irregular"))
        #expect(text.contains("Germany asks"))
    }

    @Test("colour makes the header bold; no colour means no escape codes")
    func colour() {
        #expect(TableRenderer(width: 100, colour: true).render(self.table).contains("\u{1B}[1m"))
        #expect(!TableRenderer(width: 100, colour: false).render(self.table).contains("\u{1B}"))
    }

    @Test("prose columns give way first, so ids stay whole")
    func proseNarrowsFirst() {
        let table = Table(
            columns: [.init("ID", wraps: false), .init("SUMMARY")],
            rows: [["eu-azerbaijan-readmission-agreement", String(repeating: "planned agreement ", count: 6)]]
        )
        let renderer = TableRenderer(width: 60, colour: false)
        #expect(renderer.fit(table)[0] == "eu-azerbaijan-readmission-agreement".count)
        let lines = renderer.render(table).split(separator: "\n")
        #expect(lines[1].hasPrefix("eu-azerbaijan-readmission-agreement  planned"))
        #expect(lines.allSatisfy { $0.count <= 60 })
    }
}
