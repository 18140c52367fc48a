import ChronoProtocol

/// `chrono.v1.Reflection/List`: every method with its streaming flag and schema names.
enum ReflectionList {
    private struct Entry: WireEncodable, Sendable, Comparable {
        var name: String
        var streaming: Bool
        var requestSchema: String
        var resultSchema: String
        var dataSchema: String?

        static func < (lhs: Entry, rhs: Entry) -> Bool { lhs.name < rhs.name }

        /// Writes the entry; `data_schema` only for a streaming method.
        func write(to writer: inout WireWriter) {
            writer.beginObject()
            if let dataSchema = self.dataSchema {
                writer.key("data_schema")
                writer.string(dataSchema)
            }
            writer.key("name")
            writer.string(self.name)
            writer.key("request_schema")
            writer.string(self.requestSchema)
            writer.key("result_schema")
            writer.string(self.resultSchema)
            writer.key("streaming")
            writer.bool(self.streaming)
            writer.endObject()
        }
    }

    private struct Result: WireEncodable, Sendable {
        var methods: [Entry]

        func write(to writer: inout WireWriter) throws {
            writer.beginObject()
            writer.key("methods")
            try writer.array(self.methods)
            writer.endObject()
        }
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
