#!/usr/bin/env python3
"""Generates a deterministic synthetic graph in the Graph/ format, for benchmarks.

Writes N events, N/10 actors, N/100 instruments and about N/2 relations into OUT/ as
documents.jsonl, entities.jsonl, events.jsonl, relations.jsonl and a copy of vocabulary.json.
Every record passes the loader's checks: slug ids, known kinds, types and roles, valid EDTF,
and citations of one synthetic document that lie within its declared lines. The same seed gives
byte-identical files (Python's `random.Random` is stable across versions for the calls used here).

Shape:
- dates over 1900-2030: day (50%), month (25%), year (15%), decade (3%) precision, about one in
  twelve approximate (`~`) or uncertain (`?`), 7% intervals, a tenth of them with an open or
  unknown end;
- each event has 1-4 actor participants (drawn with a mild power law, so some actors have
  thousands of events at 10^6) and, for 40% of events, one instrument;
- relations (60% actor-actor, 40% actor-instrument) draw their actors with a steeper power law,
  so a few hubs have degree in the thousands at 10^6 events.

Usage: python3 Tools/graph_generate.py OUT [--events N] [--seed S] [--vocabulary Graph/vocabulary.json]
"""
import argparse
import bisect
import datetime
import itertools
import json
import pathlib
import random
import shutil
import sys

DOCUMENT_LINES = 100_000
FIRST_YEAR = 1900
LAST_YEAR = 2030
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
ACTOR_KINDS = [
    ("person", 40), ("organisation", 20), ("state", 3), ("international_organisation", 2),
    ("ngo", 10), ("company", 10), ("group", 10), ("place", 5),
]
INSTRUMENT_KINDS = [
    ("law", 30), ("decree", 25), ("resolution", 10), ("regulation", 8), ("rules", 5), ("programme", 8),
    ("plan", 4), ("concept", 2), ("agreement", 5), ("treaty", 1), ("convention", 1), ("code_article", 1),
]
ACTOR_ACTOR_TYPES = [
    "supports", "negotiates", "funds", "requested", "criticised", "succeeded", "heads", "hosts", "cooperates_with",
    "member_of",
]
ACTOR_INSTRUMENT_TYPES = ["issued", "signed", "adopted", "ratified", "implements", "criticised", "refused", "party_to"]
PARTICIPANT_ROLES = ["agent", "target", "party", "subject", "beneficiary", "source", "witness", "signatory"]
SYLLABLES = [
    "ba", "be", "da", "di", "fa", "ga", "go", "ha", "ka", "ki", "la", "le", "lo", "ma", "mi", "na", "ne", "no",
    "ra", "re", "ri", "ro", "sa", "se", "si", "ta", "te", "to", "va", "vi", "za", "zo", "ar", "el", "in", "ul",
    "kov", "mar", "nur", "tan",
]


class Sampler:
    """Draws indices 0..n-1 with weight (rank+1)^-skew, over a seeded permutation of the indices."""

    def __init__(self, rng, n, skew):
        self.rng = rng
        self.order = list(range(n))
        rng.shuffle(self.order)
        self.cumulative = list(itertools.accumulate((rank + 1) ** -skew for rank in range(n)))
        self.total = self.cumulative[-1]

    def draw(self):
        rank = bisect.bisect_right(self.cumulative, self.rng.random() * self.total)
        return self.order[min(rank, len(self.order) - 1)]

    def distinct(self, count):
        """Up to `count` distinct indices (fewer only if the draws keep colliding)."""
        chosen = []
        for _ in range(count * 4):
            index = self.draw()
            if index not in chosen:
                chosen.append(index)
                if len(chosen) == count:
                    break
        return chosen


def word(index):
    """A pronounceable word, distinct for each index."""
    parts = []
    index += len(SYLLABLES)  # at least two syllables
    while index:
        index, digit = divmod(index, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts)


class Generator:
    """Holds the seeded random source and writes one record kind at a time."""

    def __init__(self, events, seed, out, progress):
        self.rng = random.Random(seed)
        self.events = events
        self.actors = max(events // 10, 2)
        self.instruments = max(events // 100, 1)
        self.relations = events // 2
        self.out = out
        self.progress = progress
        self.document = f"900_{random.Random(seed).getrandbits(64):016x}.txt"
        self.width = len(str(max(events, 1)))
        self.words = [word(index) for index in range(4000)]
        self.word_sampler = Sampler(self.rng, len(self.words), 1.0)
        self.event_actors = Sampler(self.rng, self.actors, 0.5)
        self.relation_actors = Sampler(self.rng, self.actors, 0.7)
        self.relation_instruments = Sampler(self.rng, self.instruments, 0.5)
        self.actor_kinds = [self.pick_weighted(ACTOR_KINDS) for _ in range(self.actors)]
        self.event_types = sorted(json.loads((out / "vocabulary.json").read_text())["event_types"])

    def actor_id(self, index):
        return f"actor-{index:0{self.width}d}"

    def instrument_id(self, index):
        return f"instrument-{index:0{self.width}d}"

    def pick_weighted(self, table):
        point = self.rng.randrange(sum(weight for _, weight in table))
        for value, weight in table:
            if point < weight:
                return value
            point -= weight
        raise AssertionError("unreachable")

    def phrase(self, count):
        return " ".join(self.words[self.word_sampler.draw()] for _ in range(count))

    def citations(self):
        result = []
        for _ in range(1 if self.rng.random() < 0.8 else 2):
            first = self.rng.randrange(1, DOCUMENT_LINES + 1)
            last = min(first + self.rng.randrange(0, 12), DOCUMENT_LINES)
            result.append({"doc": self.document, "lines": [first, last]})
        return result

    def point(self, day, precision, qualifier=""):
        """One EDTF point and its words at `precision` (day, month or year)."""
        if precision == "day":
            edtf, text = day.isoformat(), f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        elif precision == "month":
            edtf, text = f"{day.year:04d}-{day.month:02d}", f"{MONTHS[day.month - 1]} {day.year}"
        else:
            edtf, text = f"{day.year:04d}", str(day.year)
        if qualifier == "~":
            text = "around " + text
        elif qualifier == "?":
            text = "possibly " + text
        return edtf + qualifier, text

    def random_day(self):
        start = datetime.date(FIRST_YEAR, 1, 1).toordinal()
        end = datetime.date(LAST_YEAR, 12, 31).toordinal()
        return datetime.date.fromordinal(self.rng.randint(start, end))

    def date(self):
        roll = self.rng.random()
        day = self.random_day()
        qualifier_roll = self.rng.random()
        qualifier = "~" if qualifier_roll < 0.05 else "?" if qualifier_roll < 0.08 else ""
        if roll < 0.50:
            edtf, text = self.point(day, "day", qualifier)
        elif roll < 0.75:
            edtf, text = self.point(day, "month", qualifier)
        elif roll < 0.90:
            edtf, text = self.point(day, "year", qualifier)
        elif roll < 0.93:
            decade = min(day.year // 10, LAST_YEAR // 10 - 1)
            edtf, text = f"{decade}X", f"the {decade * 10}s"
        else:
            return self.interval(day)
        return {"edtf": edtf, "text": text}

    def interval(self, start):
        precision = self.pick_weighted([("day", 4), ("month", 3), ("year", 3)])
        length = int(self.rng.expovariate(1 / 400))  # days; mostly months, some decades
        last = datetime.date(LAST_YEAR, 12, 31)
        end = min(datetime.date.fromordinal(start.toordinal() + length), last)
        start_edtf, start_text = self.point(start, precision)
        end_edtf, end_text = self.point(end, precision)
        shape = self.rng.random()
        if shape < 0.04:
            return {"edtf": f"{start_edtf}/..", "text": f"since {start_text}"}
        if shape < 0.07:
            return {"edtf": f"../{end_edtf}", "text": f"until {end_text}"}
        if shape < 0.10:
            return {"edtf": f"{start_edtf}/", "text": f"from {start_text}, end unknown"}
        return {"edtf": f"{start_edtf}/{end_edtf}", "text": f"from {start_text} to {end_text}"}

    def report(self, label, done, total):
        if self.progress and (done % 20_000 == 0 or done == total):
            print(f"\r{label}: {done:,}/{total:,} ({100 * done // max(total, 1)}%)", end="", file=sys.stderr)
            if done == total:
                print(file=sys.stderr)

    def write_documents(self, sink):
        sink.write(line({
            "record": "document", "id": self.document, "lines": DOCUMENT_LINES,
            "title": "Synthetic benchmark corpus (generated, not a real document)",
        }))

    def write_entities(self, sink):
        for index in range(self.actors):
            kind = self.actor_kinds[index]
            name = f"{word(index * 7 + 3).capitalize()} {word(index).capitalize()}"
            if kind != "person":
                name = f"{name} {kind.replace('_', ' ')}"
            record = {
                "record": "entity", "id": self.actor_id(index), "kind": kind, "name": name,
                "aliases": [word(index).upper()] if self.rng.random() < 0.3 else [],
                "summary": self.phrase(self.rng.randint(4, 10)),
                "attributes": {}, "citations": self.citations(),
            }
            sink.write(line(record))
            self.report("actors", index + 1, self.actors)
        for index in range(self.instruments):
            kind = self.pick_weighted(INSTRUMENT_KINDS)
            record = {
                "record": "entity", "id": self.instrument_id(index), "kind": kind,
                "name": f"{kind.replace('_', ' ').capitalize()} on {self.phrase(2)} {word(index)}",
                "aliases": [], "summary": self.phrase(self.rng.randint(4, 10)), "attributes": {},
                "citations": self.citations(),
            }
            if self.rng.random() < 0.7:
                record["number"] = f"No. {self.rng.randint(1, 999)}"
                adopted = self.random_day()
                record["dates"] = {"adopted": {"edtf": adopted.isoformat(), "text": self.point(adopted, "day")[1]}}
            sink.write(line(record))
            self.report("instruments", index + 1, self.instruments)

    def write_events(self, sink):
        for index in range(self.events):
            kind = self.event_types[self.rng.randrange(len(self.event_types))]
            actors = self.event_actors.distinct(self.rng.randint(1, 4))
            participants = [
                {"entity": self.actor_id(actor), "role": PARTICIPANT_ROLES[self.rng.randrange(len(PARTICIPANT_ROLES))]}
                for actor in actors
            ]
            if self.rng.random() < 0.4:
                instrument = self.rng.randrange(self.instruments)
                participants.append({"entity": self.instrument_id(instrument), "role": "instrument"})
            record = {
                "record": "event", "id": f"event-{index:0{self.width}d}", "type": kind,
                "title": f"{kind.replace('_', ' ').capitalize()}: {self.phrase(3)}",
                "summary": self.phrase(self.rng.randint(8, 16)), "date": self.date(),
                "participants": participants, "citations": self.citations(),
            }
            sink.write(line(record))
            self.report("events", index + 1, self.events)

    def write_relations(self, sink):
        records = {}
        for index in range(self.relations):
            source = self.actor_id(self.relation_actors.draw())
            if self.rng.random() < 0.6:
                kind = ACTOR_ACTOR_TYPES[self.rng.randrange(len(ACTOR_ACTOR_TYPES))]
                target = self.actor_id(self.relation_actors.draw())
                if target == source:
                    continue
            else:
                kind = ACTOR_INSTRUMENT_TYPES[self.rng.randrange(len(ACTOR_INSTRUMENT_TYPES))]
                target = self.instrument_id(self.relation_instruments.draw())
            base = f"{source}--{kind}--{target}"
            identifier, copy = base, 1
            while identifier in records:
                copy += 1
                identifier = f"{base}--{copy}"
            record = {
                "record": "relation", "id": identifier, "type": kind, "from": source, "to": target,
                "citations": self.citations(),
            }
            if self.rng.random() < 0.5:
                record["date"] = self.date()
            records[identifier] = line(record)
            self.report("relations", index + 1, self.relations)
        for identifier in sorted(records):
            sink.write(records[identifier])


def line(record):
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path, help="output directory (created; existing files replaced)")
    parser.add_argument("--events", type=int, default=1_000_000, help="number of events (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--vocabulary", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parent.parent / "Graph" / "vocabulary.json")
    args = parser.parse_args()
    if args.events < 10:
        parser.error("--events: must be at least 10")
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.vocabulary, args.out / "vocabulary.json")
    generator = Generator(args.events, args.seed, args.out, sys.stderr.isatty())
    for name, write in [
        ("documents.jsonl", generator.write_documents),
        ("entities.jsonl", generator.write_entities),
        ("events.jsonl", generator.write_events),
        ("relations.jsonl", generator.write_relations),
    ]:
        with open(args.out / name, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as sink:
            write(sink)


if __name__ == "__main__":
    main()
