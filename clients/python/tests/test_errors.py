"""Every status the daemon sends arrives as its typed exception, with field paths and candidates."""

from __future__ import annotations

import pytest

import chronograph
from chronograph import STATUS_ERRORS
from conftest import entity_record


def test_the_status_table_covers_every_status(schemas):
    statuses = set(schemas.loaded["status.schema.json"]["enum"]) - {"OK"}
    assert set(STATUS_ERRORS) == statuses
    for status, cls in STATUS_ERRORS.items():
        error = chronograph.error_from_frame({"id": 1, "status": status, "message": "m", "revision": 3})
        assert type(error) is cls and error.status == status and error.revision == 3
    assert isinstance(chronograph.error_from_frame({"id": 1, "status": "NEW_IN_V2"}), chronograph.Unknown)


def test_statuses_from_a_live_daemon_are_typed(daemon):
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        with pytest.raises(chronograph.NotFound) as missing:
            client.entity("Atlantis")
        assert missing.value.message.startswith('params.id: no entity with id, name or alias "Atlantis"; did you mean')
        assert missing.value.details["suggestions"][0]["id"] == "nato"
        assert missing.value.revision == 1

        with pytest.raises(chronograph.InvalidArgument) as wrong_type:
            client.timeline(limit="ten")
        assert wrong_type.value.field == "params.limit"
        assert "expected an integer" in wrong_type.value.message
        with pytest.raises(chronograph.InvalidArgument) as out_of_range:
            client.neighbors("azerbaijan", depth=9)
        assert out_of_range.value.field == "params.depth"
        with pytest.raises(chronograph.InvalidArgument) as nested:
            client.search("x", kinds=["ngo", 3])
        assert nested.value.field == "params.kinds[1]"
        with pytest.raises(chronograph.InvalidArgument) as unknown:
            client.timeline(colour="red")
        assert unknown.value.field == "params.colour"

        client.write(upserts=[entity_record("py-twin-a", "Twin Fund A", aliases=["Py Twin"]),
                              entity_record("py-twin-b", "Twin Fund B", aliases=["Py Twin"])])
        with pytest.raises(chronograph.InvalidArgument) as ambiguous:
            client.entity("Py Twin")
        assert sorted(c["id"] for c in ambiguous.value.candidates) == ["py-twin-a", "py-twin-b"]
        assert ambiguous.value.field == "params.id"

        with pytest.raises(chronograph.Unimplemented):
            client.call("chrono.v1.Nope/Nothing")
        with pytest.raises(chronograph.DeadlineExceeded):
            list(client.stream("Timeline/Stream", deadline_ms=1))
        with pytest.raises(chronograph.InvalidArgument):
            client.health(deadline_ms=0)
        with pytest.raises(chronograph.NotFound) as retraction:
            client.write(retractions=["no-such-record"])
        assert retraction.value.message.startswith("params.retractions[0]")
        with pytest.raises(chronograph.FailedPrecondition):
            client.write(retractions=["azerbaijan"])
        with pytest.raises(chronograph.OutOfRange):
            future = {"query": {"method": "chrono.v1.Stats/Get"}, "since_revision": 10_000}
            list(client.stream("Watch/Subscribe", future))
        with pytest.raises(chronograph.ResourceExhausted):
            client.search("x" * (1024 * 1024))
        # After all of that the connection still serves.
        assert client.health()["status"] == "SERVING"


def test_a_connection_that_ends_fails_its_calls_with_connection_lost(daemon):
    client = chronograph.Client("127.0.0.1", daemon.port)
    call = client.start("Watch/Subscribe", {"query": {"method": "chrono.v1.Stats/Get"}})
    assert next(iter(call))["kind"] == "initial"
    daemon.kill()
    with pytest.raises(chronograph.ConnectionLost):
        list(call)
    with pytest.raises(chronograph.Unavailable):
        client.health()
    client.close()
    with pytest.raises(chronograph.ConnectionLost):
        chronograph.Client("127.0.0.1", daemon.port, timeout=2)
