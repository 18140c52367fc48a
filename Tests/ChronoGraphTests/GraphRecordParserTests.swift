import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Testing

@Suite("Graph record parser")
struct GraphRecordParserTests {
    let parser = GraphRecordParser()

    static let event = #"""
        {"record":"event","id":"2007-germany-requests-return","type":"request","title":"Germany asks","summary":"s","date":{"edtf":"2007~","text":"early 2007"},"participants":[{"entity":"germany","role":"agent"},{"entity":"azerbaijan","role":"target"}],"citations":[{"doc":"000_58cdf720df08e1c1.txt","lines":[3,4],"ref":"Yunusov 2009, p. 151"}]}
        """#

    @Test func parsesEveryRecordKind() throws {
        guard case .event(let event) = try self.parser.parse(Self.event) else {
            Issue.record("not an event")
            return
        }
        #expect(event.id == "2007-germany-requests-return")
        #expect(
            event.participants == [
                ParticipantRecord(entity: "germany", role: "agent"),
                ParticipantRecord(entity: "azerbaijan", role: "target"),
            ]
        )
        #expect(event.date.text == "early 2007")
        #expect(event.date.edtf.isApproximate)
        #expect(
            event.citations == [
                Citation(doc: "000_58cdf720df08e1c1.txt", first: 3, last: 4, ref: "Yunusov 2009, p. 151")
            ]
        )

        let document = try self.parser.parse(#"{"record":"document","id":"000_a.txt","title":"T","lines":119}"#)
        #expect(document == .document(DocumentRecord(id: "000_a.txt", title: "T", lines: 119)))

        let entity = try self.parser.parse(
            #"{"record":"entity","id":"law-on-immigration-1998","kind":"law","name":"Law on Immigration","aliases":["Law \"On immigration\""],"summary":"","dates":{"adopted":{"edtf":"1998-12-22"}},"number":"No. 592-IQ","attributes":{"a":"b"},"citations":[{"doc":"d","lines":[1,1]}]}"#
        )
        guard case .entity(let law) = entity else { throw JSONFieldError(path: "", message: "not an entity") }
        #expect(law.kind == .law && law.kind.family == .instrument)
        #expect(law.aliases == ["Law \"On immigration\""])
        #expect(law.dates["adopted"]?.edtf.strict.lower == Day(year: 1998, month: 12, day: 22))
        #expect(law.attributes == ["a": "b"])

        let relation = try self.parser.parse(
            #"{"record":"relation","id":"a--party_to--b","type":"party_to","from":"a","to":"b","citations":[{"doc":"d","lines":[1,2]}]}"#
        )
        #expect(relation.kind == .relation && relation.id == "a--party_to--b")

        let dispute = try self.parser.parse(
            #"{"record":"dispute","id":"n","subject":"idps","topic":"t","claims":[{"claim":"a","citations":[{"doc":"d","lines":[1,1]}]},{"claim":"b","citations":[{"doc":"d","lines":[2,2]}]}]}"#
        )
        #expect(dispute.kind == .dispute)

        let figure = try self.parser.parse(
            #"{"record":"figure","id":"f","subject":"s","measure":"m","value":1432.6,"qualifier":"over","unit":"people","citations":[{"doc":"d","lines":[1,1]}]}"#
        )
        guard case .figure(let value) = figure else { throw JSONFieldError(path: "", message: "not a figure") }
        #expect(value.value == 1432.6 && value.qualifier == .over && value.date == nil && value.high == nil)

        let range = try self.parser.parse(
            #"{"record":"figure","id":"r","measure":"m","value":600000,"high":800000,"qualifier":"about","unit":"people","citations":[{"doc":"d","lines":[1,1]}]}"#
        )
        guard case .figure(let span) = range else { throw JSONFieldError(path: "", message: "not a figure") }
        #expect(span.value == 600_000 && span.high == 800_000)
    }

    static let invalid: [(line: String, path: String)] = [
        (#"not json"#, ""),
        (#"[1, 2]"#, ""),
        (#"{"record":"planet","id":"x"}"#, "record"),
        (#"{"id":"x"}"#, "record"),
        (#"{"record":"document","id":"d","title":"T","lines":"many"}"#, "lines"),
        (#"{"record":"document","id":"d","title":"T","lines":0}"#, "lines"),
        (#"{"record":"document","id":"d","title":"T","lines":3,"extra":true}"#, "extra"),
        (#"{"record":"entity","id":"Bad Slug","kind":"law","name":"n","citations":[{"doc":"d","lines":[1,1]}]}"#, "id"),
        (#"{"record":"entity","id":"x","kind":"wizard","name":"n","citations":[{"doc":"d","lines":[1,1]}]}"#, "kind"),
        (
            #"{"record":"entity","id":"x","kind":"law","name":"n","aliases":["a",7],"citations":[{"doc":"d","lines":[1,1]}]}"#,
            "aliases[1]"
        ),
        (
            #"{"record":"entity","id":"x","kind":"law","name":"n","dates":{"born":{"edtf":"2000"}},"citations":[{"doc":"d","lines":[1,1]}]}"#,
            "dates.born"
        ),
        (#"{"record":"entity","id":"x","kind":"law","name":"n","citations":[]}"#, "citations"),
        (
            #"{"record":"entity","id":"x","kind":"law","name":"n","citations":[{"doc":"d","lines":[3,1]}]}"#,
            "citations[0].lines"
        ),
        (
            #"{"record":"entity","id":"x","kind":"law","name":"n","citations":[{"doc":"d","lines":[1]}]}"#,
            "citations[0].lines"
        ),
        (
            #"{"record":"entity","id":"x","kind":"law","name":"n","citations":[{"doc":"d","lines":[1,1],"page":2}]}"#,
            "citations[0].page"
        ),
        (
            #"{"record":"event","id":"e","type":"t","title":"T","date":{"edtf":"2007-13"},"participants":[{"entity":"a","role":"r"}],"citations":[{"doc":"d","lines":[1,1]}]}"#,
            "date.edtf"
        ),
        (
            #"{"record":"event","id":"e","type":"t","title":"T","date":{"edtf":"2007"},"participants":[{"entity":"a","role":"r"},{"entity":"b","role":"r"},{"entity":"c","role":3}],"citations":[{"doc":"d","lines":[1,1]}]}"#,
            "participants[2].role"
        ),
        (
            #"{"record":"event","id":"e","type":"t","title":"T","date":{"edtf":"2007"},"participants":[{"entity":"a","role":"r","colour":"red"}],"citations":[{"doc":"d","lines":[1,1]}]}"#,
            "participants[0].colour"
        ),
        (
            #"{"record":"event","id":"e","type":"t","title":"T","date":"2007","participants":[{"entity":"a","role":"r"}],"citations":[{"doc":"d","lines":[1,1]}]}"#,
            "date"
        ),
        (
            #"{"record":"relation","id":"x","type":"t","from":"a","to":"b","citations":[{"doc":"d","lines":[1,1]}]}"#,
            "id"
        ),
        (
            #"{"record":"dispute","id":"x","topic":"t","claims":[{"claim":"a","citations":[{"doc":"d","lines":[1,1]}]}]}"#,
            "claims"
        ),
        (
            #"{"record":"dispute","id":"x","topic":"t","claims":[{"claim":"a","citations":[{"doc":"d","lines":[1,1]}]},{"claim":"b"}]}"#,
            "claims[1].citations"
        ),
        (
            #"{"record":"figure","id":"f","measure":"m","value":"44000","qualifier":"over","unit":"u","citations":[{"doc":"d","lines":[1,1]}]}"#,
            "value"
        ),
        (
            #"{"record":"figure","id":"f","measure":"m","value":1,"qualifier":"roughly","unit":"u","citations":[{"doc":"d","lines":[1,1]}]}"#,
            "qualifier"
        ),
        (
            #"{"record":"figure","id":"f","measure":"m","value":2000,"high":1500,"qualifier":"about","unit":"u","citations":[{"doc":"d","lines":[1,1]}]}"#,
            "high"
        ),
        (
            #"{"record":"figure","id":"f","measure":"m","value":1,"high":"2","qualifier":"about","unit":"u","citations":[{"doc":"d","lines":[1,1]}]}"#,
            "high"
        ),
    ]

    @Test(arguments: 0..<Self.invalid.count)
    func rejectsInvalidLinesNamingTheField(_ index: Int) {
        let (line, path) = Self.invalid[index]
        let error = #expect(throws: JSONFieldError.self) { try self.parser.parse(line) }
        #expect(error?.path == path, "\(line)")
        #expect(error?.message.isEmpty == false)
        #expect(error?.status.code == .invalidArgument)
    }

    @Test func neverCrashesOnMutatedOrHostileInput() {
        var generator = SeededGenerator(seed: 2026)
        let base = Array(Self.event.utf8)
        let alphabet = Array(#"{}[]":,\0123456789aetrnlufs-. "#.utf8) + [0xC3, 0xA9, 0xFF]
        var parsed = 0
        var rejected = 0
        for round in 0..<3_000 {
            var bytes = base
            for _ in 0..<(1 + round % 6) {
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[position] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                }
            }
            do {
                _ = try self.parser.parse(String(decoding: bytes, as: UTF8.self))
                parsed += 1
            } catch {
                #expect(!error.description.isEmpty)
                rejected += 1
            }
        }
        #expect(parsed + rejected == 3_000)
        #expect(rejected > 0)
        let hostile = [
            String(repeating: "[", count: 100_000), String(repeating: "{\"a\":", count: 50_000),
            "{\"record\":\"document\",\"id\":\"d\",\"title\":\"T\",\"lines\":1e400}", "\u{0}", "",
            "{\"record\":\"document\",\"id\":\"d\",\"title\":\"T\",\"lines\":99999999999999999999}",
        ]
        for line in hostile {
            #expect(throws: JSONFieldError.self) { try self.parser.parse(line) }
        }
    }
}
