#!/usr/bin/env python3
"""Schema conformance: calls every method of a running chronod and validates each real frame against
Protocol/schemas/ (JSON Schema draft 2020-12, Python `jsonschema`).

    python3 Tools/conformance/conformance.py --port 7701

Exits 0 when every frame conforms, 1 otherwise; prints one line per check.
"""
import argparse
import json
import pathlib
import socket
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "clients" / "python" / "src"))  # the chronograph package, used from the tree
import chronograph  # noqa: E402
import live_checks  # noqa: E402

BASE = "https://chronograph.local/protocol/v1/"
SERVICES = ["Health/Check", "Reflection/List", "Timeline/Query", "Timeline/Stream", "Entity/Get", "Entity/Search", "Search/Query",
            "Graph/Neighbors", "Graph/Paths", "Graph/Subgraph", "Disputes/List", "Figures/List", "Stats/Get",
            "Call/Cancel"]
REQUIRED = ["chrono.v1." + name for name in SERVICES]


class Checker:
    def __init__(self, schemas_dir):
        resources = []
        for path in sorted(schemas_dir.glob("*.schema.json")):
            schema = json.loads(path.read_text())
            Draft202012Validator.check_schema(schema)
            resources.append((schema["$id"], Resource.from_contents(schema)))
        self.registry = Registry().with_resources(resources)
        self.failures = 0
        self.checks = 0
        self.exercised = set()

    def validate(self, label, instance, schema_file):
        self.checks += 1
        validator = Draft202012Validator({"$ref": BASE + schema_file}, registry=self.registry)
        errors = sorted(validator.iter_errors(instance), key=lambda error: list(error.path))
        if errors:
            self.failures += 1
            for error in errors[:5]:
                path = "/".join(str(part) for part in error.path)
                print(f"FAIL {label}: {schema_file} at /{path}: {error.message[:200]}")
        else:
            print(f"ok   {label}: {schema_file}")


def call(client, checker, methods, name, params, expect="OK", data=None):
    """Calls `name`, validates every frame and the result, returns the terminal frame; appends each data
    frame's `data` to the list `data` when one is given."""
    checker.exercised.add(name)
    frames = list(client.start(name, params).frames())
    entry = methods.get(name)
    if entry is None:
        checker.failures += 1
        print(f"FAIL {name}: not listed by chrono.v1.Reflection/List")
        entry = {"request_schema": "request.schema.json", "result_schema": "frame.schema.json",
                 "data_schema": "frame.schema.json"}
    elif expect == "OK":
        checker.validate(f"{name} params", params, entry["request_schema"])
    for frame in frames[:-1]:
        checker.validate(f"{name} data frame", frame, "frame.schema.json")
        checker.validate(f"{name} data", frame["data"], entry["data_schema"])
        if data is not None:
            data.append(frame["data"])
    terminal = frames[-1]
    checker.validate(f"{name} terminal frame", terminal, "frame.schema.json")
    if terminal["status"] != expect:
        checker.failures += 1
        print(f"FAIL {name}: expected {expect}, got {terminal['status']}: {terminal.get('message')}")
    elif expect == "OK":
        checker.validate(f"{name} result", terminal["result"], entry["result_schema"])
    return terminal


def raw_exchange(host, port, payload):
    """Sends raw bytes and returns the first frame."""
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(payload)
        reader = sock.makefile("rb")
        return json.loads(reader.readline())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    checker = Checker(ROOT / "Protocol" / "schemas")
    with chronograph.Client(args.host, args.port) as client:
        listing = call(client, checker, {"chrono.v1.Reflection/List": {
            "request_schema": "reflection_list.request.schema.json",
            "result_schema": "reflection_list.result.schema.json"}}, "chrono.v1.Reflection/List", {})
        methods = {entry["name"]: entry for entry in listing["result"]["methods"]}
        call(client, checker, methods, "chrono.v1.Health/Check", {})
        call(client, checker, methods, "chrono.v1.Stats/Get", {})
        page = call(client, checker, methods, "chrono.v1.Timeline/Query", {"limit": 20})
        events = page.get("result", {}).get("events", [])
        participants = [p["entity"] for event in events for p in event["participants"]]
        if page.get("result", {}).get("next_cursor"):
            call(client, checker, methods, "chrono.v1.Timeline/Query",
                 {"cursor": page["result"]["next_cursor"], "limit": 20})
        call(client, checker, methods, "chrono.v1.Timeline/Stream", {"from": "1990", "to": "1999"})
        if len(participants) >= 2:
            first, second = participants[0], participants[-1]
            expect = "OK"
        else:
            print("SKIP the graph has no events with participants: entity methods are checked on NOT_FOUND only")
            first = second = {"id": "no-such-entity", "name": "no-such-entity"}
            expect = "NOT_FOUND"
        call(client, checker, methods, "chrono.v1.Entity/Get", {"id": first["id"]}, expect)
        call(client, checker, methods, "chrono.v1.Entity/Search", {"text": first["name"].split()[0]})
        call(client, checker, methods, "chrono.v1.Search/Query", {"text": first["name"], "limit": 5})
        call(client, checker, methods, "chrono.v1.Graph/Neighbors", {"id": first["id"], "depth": 2}, expect)
        call(client, checker, methods, "chrono.v1.Graph/Paths",
             {"from": first["id"], "to": second["id"], "max_depth": 6, "k": 2, "through_events": True}, expect)
        call(client, checker, methods, "chrono.v1.Graph/Subgraph", {"ids": [first["id"]], "depth": 1}, expect)
        call(client, checker, methods, "chrono.v1.Disputes/List", {})
        call(client, checker, methods, "chrono.v1.Figures/List", {})
        call(client, checker, methods, "chrono.v1.Call/Cancel", {"id": 424242})
        live_checks.run(client, checker, methods, call)
        call(client, checker, methods, "chrono.v1.Entity/Get", {"id": "no_such_entity_anywhere"}, expect="NOT_FOUND")
        call(client, checker, methods, "chrono.v1.Timeline/Query", {"limit": "ten"}, expect="INVALID_ARGUMENT")
        terminal = list(client.start("chrono.v1.Nope/Nothing").frames())[-1]
        checker.validate("unknown method", terminal, "response.schema.json")
        missing = sorted((set(methods) | set(REQUIRED)) - checker.exercised)
        if missing:
            checker.failures += 1
            print(f"FAIL methods not exercised: {missing}")
    for label, payload in [("malformed JSON", b"not json\n"), ("non-object", b"[1]\n"),
                           ("invalid UTF-8", b'{"id":1,"method":"\xff"}\n')]:
        checker.validate(label, raw_exchange(args.host, args.port, payload), "response.schema.json")
    print(f"{checker.checks} checks, {checker.failures} failures")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
