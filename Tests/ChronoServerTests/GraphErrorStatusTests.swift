import ChronoGraph
import ChronoProtocol
import ChronoStore
import Testing

@testable import ChronoServer

/// The store's domain errors keep the statuses and messages clients saw when the store built them itself.
@Suite struct GraphErrorStatusTests {
    @Test(arguments: [
        (
            GraphError.refusedRetraction(index: 0, reason: .unknownRecord(id: "x")),
            ChronoError.notFound("params.retractions[0]: no record has id \"x\"")
        ),
        (
            .refusedRetraction(index: 1, reason: .alsoUpserted(id: "x")),
            .invalidArgument("params.retractions[1]: \"x\" is also in upserts")
        ),
        (
            .refusedRetraction(index: 0, reason: .severalKinds(id: "x", kinds: [.entity, .event])),
            .invalidArgument("params.retractions[0]: \"x\" names records of several kinds (entity, event)")
        ),
        (
            .refusedRetraction(index: 2, reason: .stillReferenced(kind: .entity, id: "x", by: "event \"y\"")),
            .failedPrecondition("params.retractions[2]: entity \"x\" is still referred to by event \"y\"")
        ),
        (.invalidCursor, .invalidArgument("params.cursor: not a cursor returned by this method")),
        (.noSearchWords, .invalidArgument("params.text: has no words to search for")),
        (
            .historyCompacted(revision: 3, compactedThrough: 7),
            .outOfRange(
                "params.since_revision: revision 3 has been compacted (history starts after 7); "
                    + "resync with a new subscription without since_revision"
            )
        ),
        (
            .revisionInFuture(revision: 9, current: 4),
            .outOfRange("params.since_revision: revision 9 is after the current revision 4")
        ),
        (
            .changeWithoutEarlierForm(kind: .entity, id: "x", revision: 5),
            .outOfRange(
                "params.since_revision: the change of entity \"x\" at revision 5 was not logged with its earlier form; "
                    + "resync with a new subscription without since_revision"
            )
        ),
        (
            .unknownTerm(section: .eventTypes, index: 1, value: "party"),
            .invalidArgument("params.types[1]: \"party\" is not one of the event_types")
        ),
        (
            .unknownTerm(section: .relationTypes, index: 0, value: "likes"),
            .invalidArgument("params.relations[0]: \"likes\" is not one of the relation_types")
        ),
        (
            .tooManySeeds(count: 12, limit: 10),
            .invalidArgument("params.ids: more seeds (12) than the node limit (10)")
        ),
        (.entityNotFound(id: "baku"), .notFound("params.id: no entity \"baku\"")),
        (.snapshotNotFound(id: "r1-abc"), .notFound("params.id: no snapshot \"r1-abc\"")),
        (
            .snapshotIDMismatch(id: "r1-abc", expected: "r1-def"),
            .dataLoss("params.manifest.id: \"r1-abc\" does not match its content (r1-def)")
        ),
    ])
    func mapsToTheWireStatus(error: GraphError, expected: ChronoError) {
        #expect(error.status == expected)
    }

    @Test(arguments: [
        (EntityRole.asked, "params.id"), (.seed(2), "params.ids[2]"), (.actor(1), "params.actors[1]"),
        (.instrument(0), "params.instruments[0]"), (.subject, "params.subject"), (.pathStart, "params.from"),
        (.pathEnd, "params.to"),
    ])
    func entityErrorsNameTheParameterOfTheirRole(role: EntityRole, parameter: String) throws {
        let ministry = EntityRef(id: "state-migration-service", kind: .organisation, name: "State Migration Service")
        let unknown = UnknownEntityError(role: role, name: "Migration Ministry", suggestions: [ministry])
        #expect(
            unknown.status
                == .notFound(
                    "\(parameter): no entity with id, name or alias \"Migration Ministry\"; did you mean "
                        + "\"State Migration Service\" (state-migration-service)?"
                )
        )
        #expect(unknown.statusDetails?["suggestions"]?.arrayValue?.count == 1)
        let none = UnknownEntityError(role: role, name: "xylophone", suggestions: [])
        #expect(none.status == .notFound("\(parameter): no entity with id, name or alias \"xylophone\""))
        #expect(none.statusDetails == nil)
        let heydar = EntityRef(id: "heydar-aliyev", kind: .person, name: "Heydar Aliyev")
        let ilham = EntityRef(id: "ilham-aliyev", kind: .person, name: "Ilham Aliyev")
        let ambiguous = AmbiguousEntityError(role: role, name: "Aliyev", candidates: [heydar, ilham])
        #expect(
            ambiguous.status
                == .invalidArgument(
                    "\(parameter): \"Aliyev\" matches 2 entities (heydar-aliyev, ilham-aliyev); use an id"
                )
        )
        #expect(ambiguous.statusDetails?["candidates"]?.arrayValue?.count == 2)
    }
}
