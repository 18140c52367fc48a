import Testing

@testable import ChronoCLI

@Suite("Terminal: width from the window, then COLUMNS, then 100; colour only on a TTY without NO_COLOR")
struct TerminalTests {
    @Test("the window's width wins, then COLUMNS, then 100")
    func width() {
        #expect(Terminal.describe(isTTY: true, windowColumns: 132, environment: ["COLUMNS": "80"]).width == 132)
        #expect(Terminal.describe(isTTY: false, windowColumns: nil, environment: ["COLUMNS": "80"]).width == 80)
        #expect(Terminal.describe(isTTY: false, windowColumns: nil, environment: ["COLUMNS": "wide"]).width == 100)
        #expect(Terminal.describe(isTTY: false, windowColumns: nil, environment: [:]).width == 100)
    }

    @Test("colour only on a terminal, and never when NO_COLOR is set to something")
    func colour() {
        #expect(Terminal.describe(isTTY: true, windowColumns: 80, environment: [:]).colour)
        #expect(!Terminal.describe(isTTY: true, windowColumns: 80, environment: ["NO_COLOR": "1"]).colour)
        #expect(Terminal.describe(isTTY: true, windowColumns: 80, environment: ["NO_COLOR": ""]).colour)
        #expect(!Terminal.describe(isTTY: false, windowColumns: nil, environment: [:]).colour)
    }

}
