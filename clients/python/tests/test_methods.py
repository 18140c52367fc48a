"""Every method of the protocol through the blocking client, each result validated against its schema and
its TypedDict; many calls in flight on one connection; cancellation and deadlines."""

from __future__ import annotations

import base64
import threading
import time
import typing

import pytest

import chronograph
from chronograph import types
from conftest import entity_record, event_record


def _schema_file(method: str, suffix: str) -> str:
    service, name = method.split(".")[-1].split("/")
    snake = "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")
    return f"{service.lower()}_{snake}.{suffix}.schema.json"


def test_every_method_answers_and_matches_its_schema(daemon, schemas):
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        exercised: dict[str, object] = {}

        def check(method, result):
            exercised[method] = result
            schemas(result, _schema_file(method, "result"))
            return result

        listed = check("chrono.v1.Reflection/List", client.reflection())
        health = check("chrono.v1.Health/Check", client.health())
        assert health["status"] == "SERVING" and health["revision"] >= 1
        timeline = check("chrono.v1.Timeline/Query", client.timeline(from_="2013", to="2013", mode="within"))
        assert timeline["events"] and all(e["date"].lower.year == 2013 for e in timeline["events"])
        streamed = client.timeline_stream(from_="2013", to="2013", mode="within")
        events = [data["event"] for data in streamed]
        for data in events[:3]:
            schemas({"event": data}, "timeline_stream.data.schema.json")
        check("chrono.v1.Timeline/Stream", streamed.terminal["result"])
        assert [e["id"] for e in events] == [e["id"] for e in timeline["events"]]
        entity = check("chrono.v1.Entity/Get", client.entity("state-migration-service"))
        assert entity["entity"]["id"] == "state-migration-service"
        found = check("chrono.v1.Entity/Search", client.search("migration service", limit=3))
        assert found["results"]
        ranked = check("chrono.v1.Search/Query", client.find("resettled migrants", kinds=["event"], limit=3))
        assert ranked["results"] and all(hit["kind"] == "event" for hit in ranked["results"])
        neighbors = check("chrono.v1.Graph/Neighbors", client.neighbors("azerbaijan", depth=1, limit=5))
        assert neighbors["root"]["id"] == "azerbaijan" and neighbors["truncated"]["budget"] == "nodes"
        check("chrono.v1.Graph/Paths", client.paths(from_="baku", to="germany"))
        check("chrono.v1.Graph/Subgraph", client.subgraph(ids=["azerbaijan"], depth=0))
        check("chrono.v1.Disputes/List", client.disputes(limit=2))
        check("chrono.v1.Figures/List", client.figures(limit=2))
        stats = check("chrono.v1.Stats/Get", client.stats())
        wrote = check("chrono.v1.Facts/Write", client.write(upserts=[event_record("py-every-1", "2101-01-01")]))
        assert wrote["inserted"] == 1 and wrote["revision"] == stats["revision"] + 1
        manifest = check("chrono.v1.Snapshot/Create", client.snapshot_create())
        check("chrono.v1.Snapshot/List", client.snapshot_list())
        client.write(retractions=["py-every-1"])
        diff = check("chrono.v1.Snapshot/Diff", client.snapshot_diff({"from": manifest["id"]}))
        assert diff["removed"] == [{"id": "py-every-1", "kind": "event"}]
        export = client.snapshot_export(manifest["id"])
        pieces = list(export)
        for data in pieces:
            schemas(data, "snapshot_export.data.schema.json")
        exported = check("chrono.v1.Snapshot/Export", export.terminal["result"])
        assert exported["frames"] == len(pieces) and pieces[0]["offset"] == 0
        data = b"".join(base64.b64decode(piece["data"]) for piece in pieces)
        assert data[:2] == b"\x1f\x8b" and len(data) == exported["manifest"]["compressed_size"]
        check("chrono.v1.Snapshot/Import", client.snapshot_import(manifest=exported["manifest"],
                                                                  data=base64.b64encode(data).decode()))
        restored = check("chrono.v1.Snapshot/Restore", client.snapshot_restore(manifest["id"]))
        assert restored["inserted"] == 1
        check("chrono.v1.Facts/Compact", client.compact(restored["revision"]))
        subscription = client.stream("chrono.v1.Watch/Subscribe", {"query": {"method": "chrono.v1.Stats/Get"}},
                                     deadline_ms=300)
        with pytest.raises(chronograph.DeadlineExceeded):
            for data in subscription:
                schemas(data, "watch_subscribe.data.schema.json")
                exercised["chrono.v1.Watch/Subscribe"] = data
        running = client.stream("chrono.v1.Timeline/Stream")
        check("chrono.v1.Call/Cancel", {"cancelled": client.cancel(running.id)})
        with pytest.raises(chronograph.Cancelled):
            list(running)
        assert client.cancel(running.id) is False
        assert set(exercised) == {m["name"] for m in listed["methods"]}


def test_typed_dicts_match_the_schemas(schemas):
    for schema_file, typed in types.SCHEMA_TYPES.items():
        if "#" in schema_file:
            file, name = schema_file.split("#")
            schema = schemas.loaded[file]["$defs"][name]
        else:
            schema = schemas.loaded[schema_file]
        assert set(typing.get_type_hints(typed)) == set(schema["properties"]), schema_file
        assert typed.__required_keys__ == frozenset(schema.get("required", [])), schema_file
    date_schema = schemas.loaded["common.schema.json"]["$defs"]["DateValue"]
    for name in date_schema["properties"]:
        assert isinstance(getattr(chronograph.DateValue, name), property), name


def test_many_calls_in_flight_on_one_connection(shared_daemon):
    with chronograph.Client("127.0.0.1", shared_daemon.port) as client:
        ids = ["azerbaijan", "germany", "state-migration-service", "baku"] * 30
        calls = [client.start("Entity/Get", {"id": entity_id}) for entity_id in ids]
        assert len({call.id for call in calls}) == len(ids)
        assert [call.result()["entity"]["id"] for call in calls] == ids
        results: list = []

        def worker(entity_id):
            for _ in range(10):
                results.append(client.entity(entity_id)["entity"]["id"] == entity_id)

        threads = [threading.Thread(target=worker, args=(entity_id,)) for entity_id in ids[:8]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert results == [True] * 80


def test_a_stream_left_early_is_cancelled_and_the_connection_goes_on(shared_daemon):
    with chronograph.Client("127.0.0.1", shared_daemon.port, stream_buffer=4) as client:
        with client.stream("Timeline/Stream") as call:
            for index, _data in enumerate(call):
                if index == 2:
                    break
        assert call.inbox.abandoned
        deadline = time.monotonic() + 5
        while not call.done and time.monotonic() < deadline:  # the CANCELLED terminal frame is routed
            time.sleep(0.01)
        assert call.done
        assert client.health()["status"] == "SERVING"


def test_token_goes_in_metadata(token_daemon):
    record = entity_record("py-token-ngo", "Token Test Fund")
    with chronograph.Client("127.0.0.1", token_daemon.port) as anonymous:
        with pytest.raises(chronograph.Unauthenticated):
            anonymous.write(upserts=[record])
    with chronograph.Client("127.0.0.1", token_daemon.port, token="secret-token") as client:
        assert client.write(upserts=[record])["inserted"] == 1
