import ChronoTesting
import Foundation

/// Records written by the live-graph tests: new lines in the fixture graph's format.
enum WriteFixtures {
    /// A valid event dated 2030, citing the fixture's document A.
    static let event = """
        {"record":"event","id":"2030-test-arrivals","type":"migration","title":"Test arrivals",\
        "summary":"Written by a test.","date":{"edtf":"2030"},\
        "participants":[{"entity":"azerbaijan","role":"source"}],\
        "citations":[{"doc":"doc-a.txt","lines":[30,31]}]}
        """

    /// An event whose participant does not exist.
    static let badEvent = """
        {"record":"event","id":"2031-bad","type":"migration","title":"Bad","summary":"",\
        "date":{"edtf":"2031"},"participants":[{"entity":"nowhere-land","role":"source"}],\
        "citations":[{"doc":"doc-a.txt","lines":[30,31]}]}
        """

    /// Writes `text` to a fresh temporary file and returns its path.
    static func file(_ text: String, name: String = "records.jsonl") throws -> String {
        let url = try TemporaryDirectory(prefix: "chrono-cli-write").appending(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
