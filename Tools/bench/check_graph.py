#!/usr/bin/env python3
"""Checks a generated graph folder against the Graph/ format rules the loader enforces.

Checks: every line parses as one JSON object with known fields; ids are unique slugs and each file is
sorted by id; entity kinds, event types, relation types and participant roles come from the folder's
vocabulary.json; dates are EDTF of the shapes the generator writes (checked by pattern and by calendar);
citations name a declared document, with 1 <= first <= last <= lines and at most 12 lines; participants
and relation ends name existing entities; relation ids are `<from>--<type>--<to>` with an optional `--N`.
Prints a summary of counts and exits 1 with `file:line: problem` messages on the first errors.

Usage: python3 Tools/bench/check_graph.py DIR
"""
import datetime
import json
import pathlib
import re
import sys

SLUG = re.compile(r"^[a-z0-9-]+$")
POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?%]?$")
DECADE = re.compile(r"^\d{3}X$")


def valid_point(text):
    match = POINT.match(text)
    if not match:
        return False
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        try:
            datetime.date(year, month, day)
        except ValueError:
            return False
    return True


def point_bounds(text):
    year, month, day = (int(part) if part else None for part in POINT.match(text).groups())
    first = datetime.date(year, month or 1, day or 1)
    if day is not None:
        last = first
    elif month is not None:
        last = datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
    else:
        last = datetime.date(year, 12, 31)
    return first, last


def date_problem(date):
    if not isinstance(date, dict) or set(date) - {"edtf", "text"} or not isinstance(date.get("edtf"), str):
        return "date: expected {edtf, text?}"
    edtf = date["edtf"]
    if DECADE.match(edtf) or valid_point(edtf):
        return None
    if edtf.count("/") != 1:
        return f"date.edtf: not EDTF: {edtf!r}"
    start, end = edtf.split("/")
    open_start, open_end = start in ("", ".."), end in ("", "..")
    if open_start and open_end:
        return f"date.edtf: interval with no date at either end: {edtf!r}"
    if (not open_start and not valid_point(start)) or (not open_end and not valid_point(end)):
        return f"date.edtf: not EDTF: {edtf!r}"
    if not open_start and not open_end and point_bounds(end)[1] < point_bounds(start)[0]:
        return f"date.edtf: interval ends before it starts: {edtf!r}"
    return None


class Checker:
    def __init__(self, root):
        self.root = root
        vocabulary = json.loads((root / "vocabulary.json").read_text())
        self.actor_kinds = set(vocabulary["entity_kinds"]["actor"])
        self.instrument_kinds = set(vocabulary["entity_kinds"]["instrument"])
        self.relation_types = set(vocabulary["relation_types"])
        self.event_types = set(vocabulary["event_types"])
        self.roles = set(vocabulary["participant_roles"])
        self.documents = {}
        self.entities = set()
        self.ids = set()
        self.errors = []
        self.counts = {}

    def fail(self, where, message):
        self.errors.append(f"{where}: {message}")
        if len(self.errors) >= 20:
            raise SystemExit("\n".join(self.errors))

    def records(self, name):
        previous = None
        with open(self.root / name, encoding="utf-8") as source:
            for number, text in enumerate(source, 1):
                where = f"{name}:{number}"
                record = json.loads(text)
                identifier = record.get("id")
                if previous is not None and identifier <= previous:
                    self.fail(where, f"id {identifier!r} out of order or repeated")
                previous = identifier
                if identifier in self.ids:
                    self.fail(where, f"duplicate id {identifier!r}")
                self.ids.add(identifier)
                self.counts[record.get("record")] = self.counts.get(record.get("record"), 0) + 1
                yield where, record

    def citations(self, where, record):
        citations = record.get("citations")
        if not isinstance(citations, list) or not citations:
            return self.fail(where, "citations: must be a non-empty list")
        for index, citation in enumerate(citations):
            lines = self.documents.get(citation.get("doc"))
            if lines is None:
                self.fail(where, f"citations[{index}].doc: unknown document {citation.get('doc')!r}")
                continue
            first, last = citation["lines"]
            if not (1 <= first <= last <= lines and last - first < 12):
                self.fail(where, f"citations[{index}].lines: {[first, last]} outside 1...{lines} or over 12 lines")

    def run(self):
        for where, record in self.records("documents.jsonl"):
            if set(record) != {"record", "id", "title", "lines"} or record["lines"] < 1:
                self.fail(where, "document: expected record, id, title, lines >= 1")
            self.documents[record["id"]] = record["lines"]
        allowed = {"record", "id", "kind", "name", "aliases", "summary", "attributes", "number", "dates", "citations"}
        for where, record in self.records("entities.jsonl"):
            if not SLUG.match(record["id"]) or set(record) - allowed:
                self.fail(where, "entity: bad id or unknown field")
            if record["kind"] not in self.actor_kinds | self.instrument_kinds:
                self.fail(where, f"kind: unknown {record['kind']!r}")
            for key, date in record.get("dates", {}).items():
                problem = date_problem(date)
                if problem:
                    self.fail(where, f"dates.{key}: {problem}")
            self.citations(where, record)
            self.entities.add(record["id"])
        allowed = {"record", "id", "type", "title", "summary", "date", "participants", "citations"}
        for where, record in self.records("events.jsonl"):
            if not SLUG.match(record["id"]) or set(record) - allowed or record["type"] not in self.event_types:
                self.fail(where, "event: bad id, unknown field or unknown type")
            problem = date_problem(record["date"])
            if problem:
                self.fail(where, problem)
            if not record["participants"]:
                self.fail(where, "participants: empty")
            for index, participant in enumerate(record["participants"]):
                if participant["entity"] not in self.entities or participant["role"] not in self.roles:
                    self.fail(where, f"participants[{index}]: unknown entity or role {participant}")
            self.citations(where, record)
        allowed = {"record", "id", "type", "from", "to", "date", "summary", "citations"}
        for where, record in self.records("relations.jsonl"):
            base = f"{record['from']}--{record['type']}--{record['to']}"
            if set(record) - allowed or not re.fullmatch(re.escape(base) + r"(--[0-9]+)?", record["id"]):
                self.fail(where, "relation: unknown field or id is not <from>--<type>--<to>[--N]")
            if record["type"] not in self.relation_types:
                self.fail(where, f"type: unknown {record['type']!r}")
            if record["from"] not in self.entities or record["to"] not in self.entities:
                self.fail(where, "from/to: unknown entity")
            if "date" in record:
                problem = date_problem(record["date"])
                if problem:
                    self.fail(where, problem)
            self.citations(where, record)
        if self.errors:
            raise SystemExit("\n".join(self.errors))
        print(" ".join(f"{kind}={count}" for kind, count in sorted(self.counts.items())))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.strip().splitlines()[-1])
    Checker(pathlib.Path(sys.argv[1])).run()
