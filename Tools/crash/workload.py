"""The crash tests' shared parts: the graph, the daemon, the clients, the ledger and the checker's verdict.

Used by run.py (SQLite) and postgres.py (PostgreSQL). Standard library only.

Writers send batches of BATCH_SIZE new events sharing one unique marker (`w<round><node><thread>-<n>`, each event
`<marker>-<part>`); the ledger records what was sent and acknowledged; `judge` compares what a database holds
(read with QUERIES, the same SQL on both backends) with the ledger.
"""

import json
import os
import random
import select
import shutil
import signal
import socket
import subprocess
import threading
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BATCH_SIZE = 4
THREADS = 3
# What the checker reads, the same on both backends: the markers' events, their change log rows, the revision.
QUERIES = {
    "events": "SELECT id FROM events WHERE id LIKE 'w%-%-%'",
    "changes": "SELECT revision, id, op FROM changes WHERE kind = 'event' AND id LIKE 'w%-%-%'",
    "meta": "SELECT value FROM meta WHERE key = 'revision'",
    "revisions": "SELECT DISTINCT revision FROM changes ORDER BY 1",
}


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
    """One chronod process started by this script on 127.0.0.1 port 0; stopped only through its own PID.

    `store` are the arguments choosing its database (`--db FILE` or `--store … --read-url …`); the environment
    is this one's without CHRONO_* variables, plus `environment`; its log is appended to `log` (a path) when given.
    Waits at most `timeout` seconds to start.
    """

    def __init__(self, chronod, store, graph, environment=None, timeout=60, log=None):
        env = {k: v for k, v in os.environ.items() if not k.startswith("CHRONO_")}
        env.update(environment or {})
        with open(log or os.devnull, "ab") as errors:
            self.process = subprocess.Popen(
                [chronod, "--host", "127.0.0.1", "--port", "0", "--graph", graph, *store],
                stdout=subprocess.PIPE, stderr=errors, env=env)
        deadline = time.monotonic() + timeout
        line = b""
        while not line.startswith(b"chronod listening on "):
            ready, _, _ = select.select([self.process.stdout], [], [], max(0.0, deadline - time.monotonic()))
            line = self.process.stdout.readline() if ready else b""
            if not line:
                self.kill()
                raise RuntimeError(f"chronod did not start within {timeout} s (exit status {self.process.poll()})")
        self.port = int(line.decode().rsplit(":", 1)[1])

    @property
    def pid(self):
        return self.process.pid

    def kill(self):
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)


class Writer(threading.Thread):
    """Streams batches over one connection until it breaks or `stop` is set; records what was sent and
    acknowledged. A reply slower than `timeout` seconds ends it (the batch stays sent, unacknowledged)."""

    def __init__(self, port, name, seed, ledger, actor, stop=None, timeout=10):
        super().__init__(daemon=True)
        self.port, self.prefix, self.rng, self.ledger = port, name, random.Random(seed), ledger
        self.actor, self.stop, self.timeout = actor, stop or threading.Event(), timeout

    def run(self):
        try:
            connection = socket.create_connection(("127.0.0.1", self.port), timeout=self.timeout)
        except OSError:
            return
        reader = connection.makefile("rb")
        sequence = 0
        try:
            while sequence < 10_000 and not self.stop.is_set():
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
                    self.stop.wait(0.05)  # the store is away (PostgreSQL restarting): do not spin
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


def timeline_query(actor):
    return {"method": "chrono.v1.Timeline/Query", "params": {"actors": [actor], "limit": 500}}


def timeline(port, actor):
    """The ids of `actor`'s events and the revision they were read at, from a fresh query."""
    query = timeline_query(actor)
    reply = call(port, query["method"], query["params"])
    return {event["id"] for event in reply["result"]["events"]}, reply["revision"]


def resume_problems(port, actor, since, received=frozenset()):
    """Resumes a timeline subscription on `actor` from `since`, after a client that had `received` these events;
    its replay must add exactly what a fresh query has beyond them, and remove nothing."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        request = {"id": 1, "method": "chrono.v1.Watch/Subscribe",
                   "params": {"query": timeline_query(actor), "since_revision": since}}
        connection.sendall((json.dumps(request) + "\n").encode())
        frame = json.loads(connection.makefile("rb").readline())
    data = frame.get("data")
    if data is None or data.get("kind") != "change" or data.get("since") != since:
        return [f"resume from revision {since}: expected a change frame, got {json.dumps(frame)[:300]}"]
    added = {item["id"] for item in data.get("added", []) if item.get("collection") == "events"}
    removed = data.get("removed", [])
    expected = timeline(port, actor)[0] - set(received)
    problems = []
    if removed:
        problems.append(f"resume from revision {since}: {len(removed)} removals replayed, none happened")
    if added != expected:
        problems.append(f"resume from revision {since}: replay added {len(added)} events, a fresh query has "
                        f"{len(expected)} new ({len(added ^ expected)} differ)")
    return problems


class Subscriber(threading.Thread):
    """A live timeline subscription on `actor`: records its data frames and how the call ended (`status`: the
    terminal frame's status, or "closed" when the connection ended without one). Every read waits at most
    `timeout` seconds."""

    def __init__(self, port, actor, timeout=60):
        super().__init__(daemon=True)
        self.actor = actor
        self.lock = threading.Lock()
        self.frames = []
        self.status = None
        self.connection = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        request = {"id": 1, "method": "chrono.v1.Watch/Subscribe", "params": {"query": timeline_query(actor)}}
        self.connection.sendall((json.dumps(request) + "\n").encode())

    def run(self):
        status = "closed"
        try:
            for line in self.connection.makefile("rb"):
                frame = json.loads(line)
                if "data" not in frame:
                    status = frame.get("status")
                    break
                with self.lock:
                    self.frames.append(frame["data"])
        except (OSError, ValueError):
            pass
        with self.lock:
            self.status = status

    @property
    def revision(self):
        """The revision of the newest frame received (-1 before the first)."""
        with self.lock:
            return self.frames[-1]["revision"] if self.frames else -1

    def received(self):
        """The events the frames so far add up to."""
        with self.lock:
            frames = list(self.frames)
        events = set()
        for frame in frames:
            events |= {item["id"] for item in frame.get("added", []) if item.get("collection") == "events"}
            events -= {item["id"] for item in frame.get("removed", []) if item.get("collection") == "events"}
        return events

    def wait_for(self, revision, timeout):
        """Whether a frame at `revision` or later arrived within `timeout` seconds (progress frames count)."""
        deadline = time.monotonic() + timeout
        while self.revision < revision and self.status is None and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.revision >= revision

    def close(self):
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.join(timeout=10)
        self.connection.close()

    def delivery_problems(self, expected):
        """Each event added once, revisions rising, and the frames adding up to `expected`."""
        with self.lock:
            frames = list(self.frames)
        problems = []
        revisions = [frame["revision"] for frame in frames if frame["kind"] != "progress"]
        if revisions != sorted(set(revisions)):
            problems.append(f"subscription on {self.actor}: frame revisions not strictly rising")
        added = [item["id"] for frame in frames for item in frame.get("added", [])
                 if item.get("collection") == "events"]
        if len(added) != len(set(added)):
            problems.append(f"subscription on {self.actor}: {len(added) - len(set(added))} events delivered twice")
        received = self.received()
        if received != expected:
            problems.append(f"subscription on {self.actor}: frames add up to {len(received)} events, a fresh query "
                            f"has {len(expected)} ({len(received ^ expected)} differ)")
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


def judge(rows, ledger):
    """The problems in a database's `rows` (QUERIES' name -> list of tuples) against `ledger`, and how many
    batches it holds:

    - every acknowledged batch present, whole, and nothing present that was never sent;
    - no batch half applied, each at exactly one revision of the change log, the acknowledged one;
    - meta.revision the newest revision in the change log, and the change log's revisions contiguous.
    """
    problems = []
    present = {}
    for (identifier,) in rows["events"]:
        marker, _, part = identifier.rpartition("-")
        present.setdefault(marker, set()).add(int(part))
    logged = {}
    for revision, identifier, op in rows["changes"]:
        logged.setdefault(identifier.rpartition("-")[0], set()).add((revision, op))
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
    meta = rows["meta"][0][0]
    revisions = [row[0] for row in rows["revisions"]]
    if revisions and revisions[-1] != meta:
        problems.append(f"meta.revision {meta} but the newest change is at {revisions[-1]}")
    if revisions and revisions != list(range(revisions[0], revisions[-1] + 1)):
        problems.append("the change log's revisions have gaps")
    return problems, len(present)


def tamperings(first, second):
    """Tampered databases the checker must report: what its report then says -> the SQL statements (separated by
    ";") that tamper. `first` and `second` are acknowledged batches."""
    return {
        "half applied": f"DELETE FROM events WHERE id = '{first}-0'",
        "is missing": f"DELETE FROM events WHERE id LIKE '{second}-%'",
        "the newest change": "UPDATE meta SET value = value + 1 WHERE key = 'revision'",
        "have gaps": "UPDATE changes SET revision = revision + 1 WHERE revision = (SELECT max(revision) FROM changes); "
                     "UPDATE meta SET value = value + 1 WHERE key = 'revision'",
    }
