#!/usr/bin/env python3
"""Crash consistency of chronod's writes under kill -9.

Builds a small graph in a temporary directory, starts the built chronod on 127.0.0.1 port 0, streams
write batches (each of several new events sharing one unique marker) from several client threads, kills
the daemon with SIGKILL at a random moment, restarts it on the same database, and checks after every
round, with the daemon stopped:

- PRAGMA integrity_check is "ok" and foreign keys hold;
- every batch the daemon acknowledged (status OK) is present, whole;
- no batch is half applied (a marker's events are all there or none is);
- the revision and the change log agree: meta.revision is the newest revision in `changes`, the
  revisions are contiguous, and each present batch sits in the change log at exactly one revision,
  the one acknowledged when it was;
- a subscription resumed after the crash replays exactly what it missed: each round's batches also name
  that round's own entity, and a `Watch/Subscribe` on that entity's timeline with `since_revision` set to
  the revision before the round must add exactly the events a fresh query returns.

At the end the checker proves itself on tampered copies (a batch half deleted, an acknowledged batch
removed, the revision moved). Stops by itself (rounds and a wall-clock bound), kills only the PIDs it started, prints the figures.
Usage: Tools/crash/run.py [--rounds N] [--short] [--chronod PATH] [--seed S] [--max-seconds T]
"""

import argparse
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BATCH_SIZE = 4
THREADS = 3


def citation():
    return [{"doc": "crash.txt", "lines": [1, 2]}]


def write_graph(directory):
    """A document and two entities: enough for events to refer to."""
    os.makedirs(directory)
    shutil.copy(os.path.join(REPOSITORY, "Graph", "vocabulary.json"), directory)
    records = [{"record": "document", "id": "crash.txt", "title": "Crash test", "lines": 10}]
    for index in range(2):
        records.append({
            "record": "entity", "id": f"crash-entity-{index}", "kind": "organisation",
            "name": f"Crash entity {index}", "aliases": [], "summary": "An entity for crash tests.",
            "attributes": {}, "citations": citation(),
        })
    with open(os.path.join(directory, "records.jsonl"), "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, sort_keys=True) + "\n")


def batch_events(marker, rng, actor):
    return [{
        "record": "event", "id": f"{marker}-{part}", "type": "statement", "title": f"Batch {marker} part {part}",
        "summary": "x" * rng.randint(10, 3000), "date": {"edtf": str(1990 + rng.randint(0, 30))},
        "participants": [{"entity": f"crash-entity-{part % 2}", "role": "agent"}, {"entity": actor, "role": "subject"}],
        "citations": citation(),
    } for part in range(BATCH_SIZE)]


class Daemon:
    """One chronod process started by this script; stopped only through its own PID."""

    def __init__(self, chronod, database, graph):
        self.process = subprocess.Popen(
            [chronod, "--host", "127.0.0.1", "--port", "0", "--db", database, "--graph", graph],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={k: v for k, v in os.environ.items()
                                                                  if not k.startswith("CHRONO_")})
        line = self.process.stdout.readline().decode()
        if not line.startswith("chronod listening on "):
            self.kill()
            raise RuntimeError(f"chronod did not start: {line!r}")
        self.port = int(line.rsplit(":", 1)[1])

    def kill(self):
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)


class Writer(threading.Thread):
    """Streams batches over one connection until it breaks; records what was sent and acknowledged."""

    def __init__(self, port, name, seed, ledger, actor):
        super().__init__(daemon=True)
        self.port, self.prefix, self.rng, self.ledger = port, name, random.Random(seed), ledger
        self.actor = actor

    def run(self):
        try:
            connection = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        except OSError:
            return
        reader = connection.makefile("rb")
        sequence = 0
        try:
            while sequence < 10_000:
                sequence += 1
                marker = f"{self.prefix}-{sequence}"
                request = {"id": sequence, "method": "chrono.v1.Facts/Write",
                           "params": {"upserts": batch_events(marker, self.rng, self.actor)}}
                self.ledger.sent(marker)
                connection.sendall((json.dumps(request) + "\n").encode())
                line = reader.readline()
                if not line:
                    return
                reply = json.loads(line)
                if reply.get("status") == "OK":
                    self.ledger.acknowledged(marker, reply["result"]["revision"])
                else:
                    self.ledger.refused(marker, reply.get("status"))
        except (OSError, ValueError):
            return
        finally:
            connection.close()


def call(port, method, params):
    """One unary call on a fresh connection; returns the terminal frame."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall((json.dumps({"id": 1, "method": method, "params": params}) + "\n").encode())
        return json.loads(connection.makefile("rb").readline())


def round_actor(port, round_index):
    """Writes this round's own entity; returns its id and the revision before any batch of the round."""
    actor = f"crash-round-{round_index}"
    reply = call(port, "chrono.v1.Facts/Write", {"upserts": [{
        "record": "entity", "id": actor, "kind": "group", "name": f"Crash round {round_index}", "aliases": [],
        "summary": "The batches of one crash round.", "attributes": {}, "citations": citation(),
    }]})
    if reply.get("status") != "OK":
        raise RuntimeError(f"could not write {actor}: {reply}")
    return actor, reply["result"]["revision"]


def resume_problems(port, actor, since):
    """Resumes a timeline subscription on `actor` from `since`; compares its replay with a fresh query."""
    query = {"method": "chrono.v1.Timeline/Query", "params": {"actors": [actor], "limit": 500}}
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        request = {"id": 1, "method": "chrono.v1.Watch/Subscribe", "params": {"query": query, "since_revision": since}}
        connection.sendall((json.dumps(request) + "\n").encode())
        frame = json.loads(connection.makefile("rb").readline())
    data = frame.get("data")
    if data is None or data.get("kind") != "change" or data.get("since") != since:
        return [f"resume from revision {since}: expected a change frame, got {json.dumps(frame)[:300]}"]
    added = {item["id"] for item in data.get("added", []) if item.get("collection") == "events"}
    removed = data.get("removed", [])
    fresh = call(port, query["method"], query["params"])
    expected = {event["id"] for event in fresh["result"]["events"]}
    problems = []
    if removed:
        problems.append(f"resume from revision {since}: {len(removed)} removals replayed, none happened")
    if added != expected:
        problems.append(f"resume from revision {since}: replay added {len(added)} events, a fresh query has "
                        f"{len(expected)} ({len(added ^ expected)} differ)")
    return problems


class Ledger:
    """What the clients sent and what the daemon acknowledged, shared by the writer threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent_markers = set()
        self.acked = {}
        self.refusals = {}

    def sent(self, marker):
        with self.lock:
            self.sent_markers.add(marker)

    def acknowledged(self, marker, revision):
        with self.lock:
            self.acked[marker] = revision

    def refused(self, marker, status):
        with self.lock:
            self.refusals[marker] = status


def check(database, ledger):
    """Checks the stopped daemon's database; returns (problems, batches found)."""
    problems = []
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:5]}")
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            problems.append(f"foreign_key_check: {foreign[:5]}")
        present = {}
        for (identifier,) in connection.execute("SELECT id FROM events WHERE id LIKE 'w%-%-%'"):
            marker, _, part = identifier.rpartition("-")
            present.setdefault(marker, set()).add(int(part))
        logged = {}
        for revision, identifier, op in connection.execute(
                "SELECT revision, id, op FROM changes WHERE kind = 'event' AND id LIKE 'w%-%-%'"):
            marker = identifier.rpartition("-")[0]
            logged.setdefault(marker, set()).add((revision, op))
        for marker, parts in present.items():
            if len(parts) != BATCH_SIZE:
                problems.append(f"batch {marker} half applied: parts {sorted(parts)}")
            revisions = {revision for revision, _ in logged.get(marker, set())}
            if len(revisions) != 1:
                problems.append(f"batch {marker} in the change log at revisions {sorted(revisions)}")
            elif marker in ledger.acked and revisions != {ledger.acked[marker]}:
                problems.append(f"batch {marker} acknowledged at {ledger.acked[marker]}, logged at {revisions}")
            if marker not in ledger.sent_markers:
                problems.append(f"batch {marker} present but never sent")
        for marker, revision in ledger.acked.items():
            if marker not in present:
                problems.append(f"acknowledged batch {marker} (revision {revision}) is missing")
        meta = connection.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]
        revisions = [row[0] for row in connection.execute("SELECT DISTINCT revision FROM changes ORDER BY 1")]
        if revisions and revisions[-1] != meta:
            problems.append(f"meta.revision {meta} but the newest change is at {revisions[-1]}")
        if revisions and revisions != list(range(revisions[0], revisions[-1] + 1)):
            problems.append("the change log's revisions have gaps")
        return problems, len(present)
    finally:
        connection.close()


def self_test(database, ledger, scratch):
    """Proves the checker catches what it looks for: tampered copies must each be reported."""
    acked = sorted(marker for marker in ledger.acked)
    if len(acked) < 2:
        return ["self-test: fewer than two acknowledged batches to tamper with"]
    cases = {
        "half applied": f"DELETE FROM events WHERE id = '{acked[0]}-0'",
        "is missing": f"DELETE FROM events WHERE id LIKE '{acked[1]}-%'",
        "the newest change": "UPDATE meta SET value = value + 1 WHERE key = 'revision'",
    }
    problems = []
    for expected, statement in cases.items():
        copy = os.path.join(scratch, "tampered.sqlite")
        source = sqlite3.connect(database)
        target = sqlite3.connect(copy)
        source.backup(target)
        source.close()
        target.execute(statement)
        target.commit()
        target.close()
        found, _ = check(copy, ledger)
        if not any(expected in problem for problem in found):
            problems.append(f"self-test: the checker missed a tampered copy ({statement})")
        os.remove(copy)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--short", action="store_true", help="10 rounds (for CI)")
    parser.add_argument("--chronod", default=os.path.join(REPOSITORY, ".build", "debug", "chronod"))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--max-seconds", type=float, default=900)
    arguments = parser.parse_args()
    rounds = 10 if arguments.short else arguments.rounds
    rng = random.Random(arguments.seed)
    scratch = tempfile.mkdtemp(prefix="chronograph-crash-")
    graph = os.path.join(scratch, "graph")
    database = os.path.join(scratch, "crash.sqlite")
    write_graph(graph)
    ledger = Ledger()
    started = time.monotonic()
    failures = []
    completed = 0
    resumed = 0
    try:
        for round_index in range(rounds):
            if time.monotonic() - started > arguments.max_seconds:
                print(f"stopping early: {arguments.max_seconds:.0f} s bound reached")
                break
            daemon = Daemon(arguments.chronod, database, graph)
            actor, since = round_actor(daemon.port, round_index)
            writers = [Writer(daemon.port, f"w{round_index}x{index}", rng.random(), ledger, actor)
                       for index in range(THREADS)]
            for writer in writers:
                writer.start()
            time.sleep(rng.uniform(0.05, 1.0))
            daemon.kill()
            for writer in writers:
                writer.join(timeout=30)
            problems, found = check(database, ledger)
            if not problems:
                daemon = Daemon(arguments.chronod, database, graph)
                try:
                    problems = resume_problems(daemon.port, actor, since)
                finally:
                    daemon.kill()
                resumed += 0 if problems else 1
            completed += 1
            if problems:
                failures.extend(f"round {round_index}: {problem}" for problem in problems)
                break
        _, found = check(database, ledger)
        if not failures:
            failures.extend(self_test(database, ledger, scratch))
            if not failures:
                print("checker self-test: 3 of 3 tampered copies reported")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.monotonic() - started
    print(f"seed {arguments.seed}: {completed} kill -9 rounds in {elapsed:.1f} s; "
          f"{len(ledger.sent_markers)} batches sent, {len(ledger.acked)} acknowledged, "
          f"{found} found whole ({BATCH_SIZE} events each), refused {len(ledger.refusals)}; "
          f"{resumed} subscriptions resumed with exactly the missed events")
    for failure in failures[:20]:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
