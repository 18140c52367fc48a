"""Conformance of the live-graph methods (issue 6): a subscription that sees a write, then snapshots.

Called by conformance.py with its client, checker and `call` helper; changes the daemon's graph, so run it
only against a scratch database (run.sh does).
"""
import base64
import gzip
import json

SUBSCRIBE = "chrono.v1.Watch/Subscribe"


def run(client, checker, methods, call):
    created = call(client, checker, methods, "chrono.v1.Snapshot/Create", {})["result"]
    call(client, checker, methods, "chrono.v1.Snapshot/List", {})
    pieces = []
    exported = call(client, checker, methods, "chrono.v1.Snapshot/Export", {"id": created["id"]},
                    data=pieces)["result"]
    archive = b""
    for piece in pieces:
        if piece["offset"] != len(archive):
            checker.failures += 1
            print(f"FAIL chrono.v1.Snapshot/Export: a piece at offset {piece['offset']}, expected {len(archive)}")
        archive += base64.b64decode(piece["data"])
    if exported["frames"] != len(pieces) or len(archive) != exported["manifest"]["compressed_size"]:
        checker.failures += 1
        print(f"FAIL chrono.v1.Snapshot/Export: {len(pieces)} pieces, {len(archive)} bytes; result {exported}")
    lines = gzip.decompress(archive).decode().splitlines()
    entity = next(json.loads(line) for line in lines if json.loads(line)["record"] == "entity")
    entity["summary"] = entity.get("summary", "") + " (conformance)"

    params = {"query": {"method": "chrono.v1.Entity/Get", "params": {"id": entity["id"]}}}
    checker.exercised.add(SUBSCRIBE)
    entry = methods.get(SUBSCRIBE, {"request_schema": "watch_subscribe.request.schema.json",
                                    "data_schema": "watch_subscribe.data.schema.json"})
    checker.validate(f"{SUBSCRIBE} params", params, entry["request_schema"])
    subscription = client.start(SUBSCRIBE, params, deadline_ms=1500)
    # The write waits for the first frame: a subscription follows the graph from its first result on, and a write
    # sent with the request could commit before that result is read (then it is in it, and no change follows).
    stream = subscription.frames()
    frames = [next(stream)]
    call(client, checker, methods, "chrono.v1.Facts/Write", {"upserts": [entity]})
    frames += list(stream)
    for frame in frames[:-1]:
        checker.validate(f"{SUBSCRIBE} data frame", frame, "frame.schema.json")
        checker.validate(f"{SUBSCRIBE} data", frame["data"], entry["data_schema"])
    checker.validate(f"{SUBSCRIBE} terminal frame", frames[-1], "frame.schema.json")
    kinds = [frame["data"]["kind"] for frame in frames[:-1]]
    if frames[-1]["status"] != "DEADLINE_EXCEEDED" or kinds[:1] != ["initial"] or "change" not in kinds:
        checker.failures += 1
        print(f"FAIL {SUBSCRIBE}: frames {kinds}, ended {frames[-1]['status']}")

    call(client, checker, methods, "chrono.v1.Snapshot/Diff", {"from": created["id"]})
    call(client, checker, methods, "chrono.v1.Entity/Get", {"id": entity["id"], "as_of": created["id"]})
    half = len(archive) // 2
    for offset, piece in ((0, archive[:half]), (half, archive[half:])):
        imported = call(client, checker, methods, "chrono.v1.Snapshot/Import",
                        {"manifest": exported["manifest"], "data": base64.b64encode(piece).decode(),
                         "offset": offset})["result"]
    if imported.get("manifest") != exported["manifest"]:
        checker.failures += 1
        print(f"FAIL chrono.v1.Snapshot/Import: the last piece answered {imported}")
    restored = call(client, checker, methods, "chrono.v1.Snapshot/Restore", {"id": created["id"]})["result"]
    call(client, checker, methods, "chrono.v1.Facts/Compact", {"revision": restored["revision"] - 1})
    call(client, checker, methods, "chrono.v1.Facts/Write", {"retractions": ["no-such-record"]}, expect="NOT_FOUND")
