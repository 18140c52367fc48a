import ChronoProtocol
import Testing

@Suite struct StatusCodeTests {
    @Test func rawValuesAreTheGRPCCodeNames() {
        let names = StatusCode.allCases.map(\.rawValue)
        #expect(names.count == 17)
        #expect(Set(names).count == names.count)
        #expect(StatusCode(rawValue: "INVALID_ARGUMENT") == .invalidArgument)
        #expect(StatusCode(rawValue: "DATA_LOSS") == .dataLoss)
        #expect(names.allSatisfy { $0 == $0.uppercased() })
    }

    @Test func errorDescriptionNamesStatusAndMessage() {
        let error = ChronoError.invalidArgument("params.from: expected an EDTF date, got \"2019-13\"")
        #expect(error.code == .invalidArgument)
        #expect(error.description == "INVALID_ARGUMENT: params.from: expected an EDTF date, got \"2019-13\"")
        #expect(error.status == error)
    }
}
