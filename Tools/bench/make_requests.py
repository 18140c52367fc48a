#!/usr/bin/env python3
"""Writes the benchmark's request lines for each query kind, from a generated graph folder.

One file per kind in OUT/, each line one chronod request with `$ID` where chrono-bench puts the call
number. The same files feed floor.py, so daemon and floor answer the very same queries.

Kinds (issue 7): health, timeline (random 1-year window, overlaps, 50), actor_timeline (50), search (full-text
entity search), neighbors1, neighbors2 (depth 1 and 2 of a random actor), path (shortest path between
two random actors, max_depth 4); issue 12: find (the ranked search over every record kind, 20 results, for
one to three words of a random event's title and summary, as a person recalls them).

Usage: python3 Tools/bench/make_requests.py GRAPH OUT [--count 2000] [--seed 1]
"""
import argparse
import datetime
import json
import pathlib
import random

KINDS = ["health", "timeline", "actor_timeline", "search", "neighbors1", "neighbors2", "path", "find"]


def request(method, params):
    text = json.dumps({"id": 0, "method": method, "params": params}, sort_keys=True, separators=(",", ":"))
    return text.replace('"id":0', '"id":$ID', 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=pathlib.Path)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--count", type=int, default=2000, help="lines per kind (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    actors, words = [], []
    with open(args.graph / "entities.jsonl", encoding="utf-8") as source:
        for text in source:
            record = json.loads(text)
            if record["id"].startswith("actor-"):
                actors.append(record["id"])
            if len(words) < 5000:
                words.extend(record["summary"].split())
    words = sorted(set(words))
    recalled = []  # the words of the first 5,000 events' titles and summaries, one list per event
    with open(args.graph / "events.jsonl", encoding="utf-8") as source:
        for text in source:
            record = json.loads(text)
            recalled.append((record["title"].split(":", 1)[-1] + " " + record["summary"]).split())
            if len(recalled) == 5000:
                break
    first = datetime.date(1900, 1, 1).toordinal()
    last = datetime.date(2029, 12, 31).toordinal()

    def window():
        start = datetime.date.fromordinal(rng.randint(first, last))
        end = start.replace(year=start.year + 1) - datetime.timedelta(days=1) if (start.month, start.day) != (2, 29) \
            else datetime.date(start.year + 1, 2, 28)
        # overlaps: one order for every event meeting the window, the order the floor reads (the default,
        # certain_first, puts the events certainly inside first).
        return {"from": start.isoformat(), "to": end.isoformat(), "mode": "overlaps", "limit": 50}

    makers = {
        "health": lambda: request("chrono.v1.Health/Check", {}),
        "timeline": lambda: request("chrono.v1.Timeline/Query", window()),
        "actor_timeline": lambda: request("chrono.v1.Timeline/Query", {"actors": [rng.choice(actors)], "limit": 50}),
        "search": lambda: request("chrono.v1.Entity/Search", {"text": rng.choice(words), "limit": 20}),
        "neighbors1": lambda: request("chrono.v1.Graph/Neighbors", {"id": rng.choice(actors), "depth": 1}),
        "neighbors2": lambda: request("chrono.v1.Graph/Neighbors", {"id": rng.choice(actors), "depth": 2}),
        "path": lambda: request(
            "chrono.v1.Graph/Paths", {"from": rng.choice(actors), "to": rng.choice(actors), "max_depth": 4}),
        "find": lambda: request(
            "chrono.v1.Search/Query", {"text": " ".join(rng.sample(rng.choice(recalled), rng.randint(1, 3))),
                                       "limit": 20}),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        with open(args.out / f"{kind}.ndjson", "w", encoding="utf-8") as sink:
            for _ in range(args.count):
                sink.write(makers[kind]() + "\n")


if __name__ == "__main__":
    main()
