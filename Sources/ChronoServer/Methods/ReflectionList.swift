import ChronoProtocol

/// `chrono.v1.Reflection/List`: every method with its streaming flag and schema names.
enum ReflectionList {
    private struct Entry: Encodable, Sendable, Comparable {
        var name: String
        var streaming: Bool
        var requestSchema: String
        var resultSchema: String
        var dataSchema: String?

        enum CodingKeys: String, CodingKey {
            case name, streaming
            case requestSchema = "request_schema"
            case resultSchema = "result_schema"
            case dataSchema = "data_schema"
        }

        static func < (lhs: Entry, rhs: Entry) -> Bool { lhs.name < rhs.name }
    }

    private struct Result: Encodable, Sendable {
        var methods: [Entry]
    }

    /// The method, listing `listing` and itself, sorted by name.
    static func descriptor(listing: [MethodDescriptor]) -> MethodDescriptor {
        let name = MethodName.reflectionList
        let own = Entry(
            name: name.rawValue,
            streaming: false,
            requestSchema: "reflection_list.request.schema.json",
            resultSchema: "reflection_list.result.schema.json"
        )
        let entries = listing.filter { $0.name != name }.map { descriptor in
            Entry(
                name: descriptor.name.rawValue,
                streaming: descriptor.name.isStreaming,
                requestSchema: descriptor.requestSchema,
                resultSchema: descriptor.resultSchema,
                dataSchema: descriptor.dataSchema
            )
        }
        let result = Result(methods: (entries + [own]).sorted())
        return MethodDescriptor(
            name,
            schema: "reflection_list",
            inline: { context in
                _ = try context.params(expecting: [])
                return MethodResult(result)
            }
        )
    }
}
