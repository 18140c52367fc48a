#!/usr/bin/env python3
"""Endurance (soak): a bounded mixed load against a real chronod for N minutes.

Starts the built chronod on 127.0.0.1 port 0 with a temporary database built from a graph directory (default
the repository's Graph/), then for --minutes runs at once:

- reads of every kind (timeline windows in each mode, actor timelines, a timeline stream, entity lookup,
  entity and full-text search, neighbours at 1 and 2 hops, paths, subgraphs, disputes, figures, stats,
  health, reflection), with names and ids taken from the graph's own records, at --read-rate calls a second;
- one writer at --write-rate batches a second on a set of soak actors created at the start: each batch adds an
  event, updates one, or adds one and retracts the actor's oldest (so the graph stays the same size); once a
  minute it compacts the change log up to 100 revisions back (`Facts/Compact`), so the database stays the same
  size too;
- --subscribers `Watch/Subscribe` calls on those actors' timelines (several per connection), each checking
  every frame against what the writer committed: a frame at revision R must leave the subscriber holding
  exactly the actor's events (ids and titles) as of R, nothing added twice, nothing removed that it did not
  hold, revisions never going back, no end of the stream;
- connection churn (connect, call, close; connect, start a stream, close mid-way; connect and close), one
  client that sends calls and never reads, and one that sends garbage lines and checks each is answered with
  the documented error (and that the connection still serves a valid call afterwards).

Every 5 s it samples chronod's RSS, open files and threads (/proc/PID); every minute it prints a table row:
those, the calls made, p50/p99 of the reads and the worst method's p99, the writes' p99, subscriber delivery
lag (a write sent to the first frame at or past its revision) and how far the furthest subscriber is behind.
At the end: the per-minute table and a per-method table in Markdown.

It fails (exit 1, each failure printed) on: RSS or open-file growth after warm-up beyond the tolerance (see
`growth_check`), any status the load did not provoke (only the garbage client's lines may fail), any
subscriber frame that disagrees with the writes, a write revision that is not the previous one plus one,
chronod exiting, or a subscriber still behind 15 s after the writes stop. Bounded: a hard wall-clock limit of
--minutes plus 3 minutes, chronod stopped by its PID (SIGTERM, then SIGKILL), the temporary directory removed.

Usage: Tools/soak/run.py [--minutes N] [--chronod PATH] [--graph DIR] [--subscribers N] [--read-rate R]
                         [--write-rate W] [--seed S] [--json FILE]
"""

import argparse
import asyncio
import bisect
import collections
import json
import math
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPOSITORY, "clients", "python", "src"))

from chronograph import AsyncClient, ChronographError  # noqa: E402

SUBSCRIBE = "chrono.v1.Watch/Subscribe"
SAMPLE_SECONDS = 5
SUBSCRIPTIONS_PER_CONNECTION = 10
LIVE_EVENTS_PER_ACTOR = 6
SETTLE_SECONDS = 15
COMPACT_SECONDS = 60
COMPACT_KEEP = 100  # revisions of history kept by each compaction


class SoakFailure(Exception):
    """Something the daemon did that the soak does not accept; the message says what."""


# Pure parts (unit-tested in test_soak.py).

def percentile(values, fraction):
    """The nearest-rank percentile of `values` (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


def growth_check(name, samples, absolute, relative):
    """Growth of a sampled quantity after warm-up, robust to noise and single spikes.

    `samples` are the values after warm-up, in time order. The growth is the median of the last quarter minus
    the median of the first quarter (at least one sample each); the series fails when that growth exceeds
    max(`absolute`, `relative` × the first quarter's median). A leak grows steadily and passes the bound; a
    flat series with noise, a cache that filled during warm-up, or one spike does not. Returns (ok, text).
    """
    if len(samples) < 2:
        return True, f"{name}: {len(samples)} sample(s) after warm-up, growth not judged"
    quarter = max(1, len(samples) // 4)
    first = statistics.median(samples[:quarter])
    last = statistics.median(samples[-quarter:])
    growth = last - first
    bound = max(absolute, relative * first)
    text = f"{name}: {first:g} → {last:g} (growth {growth:+g}, bound {bound:g})"
    return growth <= bound, text


class Ledger:
    """What the writer committed: each soak actor's events (id → title) after every revision.

    Only the writer writes once the actors exist, so revisions must come one by one: `commit` refuses any
    other. `expected(actor, R)` is the actor's set of (id, title) at revision R (R at or before the newest
    commit)."""

    def __init__(self, actors, base_revision):
        self.revision = base_revision
        self.revisions = {actor: [base_revision] for actor in actors}
        self.states = {actor: [frozenset()] for actor in actors}
        self.sent = {actor: [] for actor in actors}  # (revision, time the batch was sent)

    def commit(self, revision, actor, state, sent_at):
        if revision != self.revision + 1:
            raise SoakFailure(f"write acknowledged at revision {revision}, the previous one was {self.revision}: "
                              "revisions must be gap-free and only the soak writes")
        self.revision = revision
        self.revisions[actor].append(revision)
        self.states[actor].append(frozenset(state.items()))
        self.sent[actor].append((revision, sent_at))

    def expected(self, actor, revision):
        index = bisect.bisect_right(self.revisions[actor], revision) - 1
        return self.states[actor][max(index, 0)]


class SubscriberView:
    """One subscription's applied result (the actor's events, id → title), checked frame by frame.

    Frames are applied as they arrive; a frame's resulting state is checked once the ledger has reached its
    revision (a frame may arrive before the writer reads its acknowledgement). `apply` and `settle` return the
    problems found, as text."""

    def __init__(self, number, actor):
        self.number, self.actor = number, actor
        self.items = {}
        self.last_revision = None
        self.pending = collections.deque()
        self.next_write = 0
        self.frames = 0
        self.changes = 0

    def apply(self, data, now):
        problems = []
        kind, revision = data.get("kind"), data.get("revision")
        where = f"subscriber {self.number} ({self.actor}) at revision {revision}"
        if not isinstance(revision, int):
            return [f"{where}: a {kind} frame without a revision"]
        if self.last_revision is None and kind != "initial":
            problems.append(f"{where}: first frame is {kind!r}, not 'initial'")
        if self.last_revision is not None:
            if kind == "initial":
                problems.append(f"{where}: a second 'initial' frame")
            if revision < self.last_revision or (kind == "change" and revision == self.last_revision):
                problems.append(f"{where}: revision went from {self.last_revision} to {revision} ({kind})")
        for item in data.get("added", []):
            if item.get("collection") != "events":
                continue
            if item["id"] in self.items:
                problems.append(f"{where}: event {item['id']} added twice")
            self.items[item["id"]] = item["value"]["title"]
        for item in data.get("changed", []):
            if item.get("collection") != "events":
                continue
            if item["id"] not in self.items:
                problems.append(f"{where}: event {item['id']} changed but never added")
            self.items[item["id"]] = item["value"]["title"]
        for item in data.get("removed", []):
            if item.get("collection") != "events":
                continue
            if self.items.pop(item["id"], None) is None:
                problems.append(f"{where}: event {item['id']} removed but not held")
        if kind == "change":
            self.changes += 1
        self.frames += 1
        self.last_revision = revision
        self.pending.append((revision, now, frozenset(self.items.items())))
        return problems

    def settle(self, ledger, lags):
        """Checks the frames the ledger has caught up with; appends delivery lags (s) to `lags`."""
        problems = []
        sent = ledger.sent[self.actor]
        while self.pending and self.pending[0][0] <= ledger.revision:
            revision, arrived, state = self.pending.popleft()
            expected = ledger.expected(self.actor, revision)
            if state != expected:
                missing = sorted(dict(expected).keys() - dict(state).keys())
                extra = sorted(dict(state).keys() - dict(expected).keys())
                stale = sorted(key for key, title in state if key in dict(expected) and dict(expected)[key] != title)
                problems.append(f"subscriber {self.number} ({self.actor}) at revision {revision}: missing "
                                f"{missing[:3]}, extra {extra[:3]}, stale titles {stale[:3]}")
            while self.next_write < len(sent) and sent[self.next_write][0] <= revision:
                lags.append(arrived - sent[self.next_write][1])
                self.next_write += 1
        return problems


# The daemon.

class Daemon:
    """One chronod started by the soak; stopped only through its own PID."""

    def __init__(self, chronod, scratch, graph):
        self.scratch = scratch
        self.log_path = os.path.join(scratch, "chronod.log")
        self.log = open(self.log_path, "wb")
        environment = {key: value for key, value in os.environ.items() if not key.startswith("CHRONO_")}
        # glibc gives each new thread that allocates its own malloc arena, touching several MiB of it: in a
        # 2-minute run, two Dispatch threads started after warm-up read as 16 MiB of growth (CI, 11 -> 13
        # threads, +16.3 MiB) that is no leak. Two arenas, as operators of threaded servers commonly set, keep
        # the growth check about the daemon's own memory.
        environment.setdefault("MALLOC_ARENA_MAX", "2")
        self.process = subprocess.Popen(
            [chronod, "--host", "127.0.0.1", "--port", "0", "--db", os.path.join(scratch, "soak.sqlite"),
             "--graph", graph], stdout=subprocess.PIPE, stderr=self.log, stdin=subprocess.DEVNULL, env=environment)
        self.pid = self.process.pid
        line = self.process.stdout.readline().decode()
        match = re.match(r"chronod listening on [^\s:]+:(\d+)", line)
        if not match:
            self.stop()
            raise SoakFailure(f"chronod did not start: {line!r}; log: {self.log_tail()}")
        self.port = int(match.group(1))

    def log_tail(self):
        with open(self.log_path, "rb") as handle:
            return handle.read()[-2000:].decode(errors="replace")

    def problems(self, count=20):
        """The first `count` lines chronod logged at warning level or above (a call's INTERNAL error is detailed
        only there)."""
        with open(self.log_path, "rb") as handle:
            lines = [line.decode(errors="replace").rstrip() for line in handle
                     if any(level in line for level in (b" warning ", b" error ", b" critical "))]
        return lines[:count]

    def sample(self):
        """(RSS in KiB, open files, threads) from /proc, and the database's bytes on disk (WAL included)."""
        with open(f"/proc/{self.pid}/status") as handle:
            fields = dict(line.split(":", 1) for line in handle if ":" in line)
        database = sum(os.path.getsize(os.path.join(self.scratch, name)) for name in os.listdir(self.scratch)
                       if name.startswith("soak.sqlite"))
        return (int(fields["VmRSS"].split()[0]), len(os.listdir(f"/proc/{self.pid}/fd")),
                int(fields["Threads"].strip()), database)

    def stop(self):
        """SIGTERM, then SIGKILL after 15 s; returns the exit status."""
        if self.process.poll() is None:
            os.kill(self.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(self.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
        self.log.close()
        return self.process.returncode


# The graph the reads ask about.

class Catalogue:
    """Ids, names, years and words taken from the graph directory's records."""

    def __init__(self, graph):
        records = collections.defaultdict(list)
        for name in sorted(os.listdir(graph)):
            if name.endswith(".jsonl"):
                with open(os.path.join(graph, name), encoding="utf-8") as handle:
                    for line in handle:
                        record = json.loads(line)
                        records[record["record"]].append(record)
        self.entities = [entity["id"] for entity in records["entity"]]
        self.relations = [(relation["from"], relation["to"]) for relation in records["relation"]]
        self.document = records["document"][0]["id"]
        known = set(self.entities)  # a figure's or dispute's subject may also be an event
        self.figure_subjects = sorted({figure.get("subject") for figure in records["figure"]} & known)
        self.dispute_subjects = sorted({dispute.get("subject") for dispute in records["dispute"]} & known)
        years = [int(match.group(0)) for event in records["event"]
                 for match in [re.match(r"\d{4}", event["date"].get("edtf", ""))] if match]
        self.years = (min(years), max(years)) if years else (1990, 2020)
        self.words = sorted({word.lower() for event in records["event"]
                             for word in re.findall(r"[A-Za-z]{5,}", event["title"])})
        with open(os.path.join(graph, "vocabulary.json"), encoding="utf-8") as handle:
            vocabulary = json.load(handle)
        self.actor_kind = vocabulary["entity_kinds"]["actor"][0]
        self.event_type = next(iter(vocabulary["event_types"]))
        self.role = next(iter(vocabulary["participant_roles"]))

    def read(self, rng):
        """One read: (label, method, params)."""
        entity = rng.choice(self.entities)
        first = rng.randint(*self.years)
        choice = rng.randrange(15)
        if choice == 0:
            return "Health/Check", "Health/Check", {}
        if choice == 1:
            return "Stats/Get", "Stats/Get", {}
        if choice == 2:
            mode = rng.choice(["certain_first", "overlaps", "within"])
            return f"Timeline/Query {mode}", "Timeline/Query", {
                "from": str(first), "to": str(first + rng.randint(0, 3)), "mode": mode, "limit": 50}
        if choice == 3:
            return "Timeline/Query actor", "Timeline/Query", {"actors": [entity], "limit": 50}
        if choice == 4:
            return "Timeline/Stream", "Timeline/Stream", {"from": str(first), "to": str(first + 1)}
        if choice == 5:
            return "Entity/Get", "Entity/Get", {"id": entity}
        if choice == 6:
            return "Entity/Search", "Entity/Search", {"text": rng.choice(self.words)}
        if choice == 7:
            return "Search/Query", "Search/Query", {"text": " ".join(rng.sample(self.words, 2))}
        if choice in (8, 9):
            depth = choice - 7
            return f"Graph/Neighbors {depth}-hop", "Graph/Neighbors", {"id": entity, "depth": depth}
        if choice == 10:
            source, target = rng.choice(self.relations)[0], rng.choice(self.relations)[1]
            return "Graph/Paths", "Graph/Paths", {"from": source, "to": target, "max_depth": 4}
        if choice == 11:
            return "Graph/Subgraph", "Graph/Subgraph", {"ids": [entity], "depth": 1}
        if choice == 12:
            return "Disputes/List", "Disputes/List", {"subject": rng.choice(self.dispute_subjects)} \
                if self.dispute_subjects else {"limit": 20}
        if choice == 13:
            return "Figures/List", "Figures/List", {"subject": rng.choice(self.figure_subjects)} \
                if self.figure_subjects else {"limit": 20}
        return "Reflection/List", "Reflection/List", {}


# The load.

class Soak:
    """The shared state of one run: figures per minute, failures, the ledger and the subscriber views."""

    def __init__(self, arguments, daemon, catalogue):
        self.arguments, self.daemon, self.catalogue = arguments, daemon, catalogue
        self.rng = random.Random(arguments.seed)
        self.failures = []
        self.stopping = asyncio.Event()
        self.latencies = collections.defaultdict(list)  # label → seconds, this minute
        self.minute_lags = []
        self.minute_counts = collections.Counter()
        self.totals = collections.Counter()
        self.samples = []  # (seconds since start, rss KiB, fds, threads, database bytes)
        self.rows = []
        self.method_minutes = collections.defaultdict(list)  # label → [(minute, calls, p50, p99)]
        self.views = []
        self.ledger = None
        self.load_over = False  # set when --minutes have passed: the writer stops, the sampler stops sampling
        self.started = time.monotonic()

    def fail(self, text):
        if len(self.failures) < 1000:
            self.failures.append(f"{time.monotonic() - self.started:7.1f} s: {text}")
        if self.arguments.stop_on_failure:
            self.stopping.set()

    def record(self, label, seconds):
        self.latencies[label].append(seconds)
        kind = "writes" if label.startswith("Facts/") else "churn" if label.startswith("churn") else "reads"
        self.minute_counts[kind] += 1

    async def timed(self, client, label, method, params):
        started = time.monotonic()
        try:
            if method == "Timeline/Stream":
                call = await client.stream(method, params)
                async for _ in call:
                    pass
                result = call.terminal["result"]
            else:
                result = await client.call(method, params)
        except ChronographError as error:
            self.fail(f"{label} {json.dumps(params)}: {error.status}: {error.message}")
            return None
        self.record(label, time.monotonic() - started)
        return result

    # Writer and subscribers.

    def actor_id(self, index):
        return f"soak-actor-{index}"

    async def create_actors(self, client, count):
        citation = [{"doc": self.catalogue.document, "lines": [1, 1]}]
        upserts = [{"record": "entity", "id": self.actor_id(index), "kind": self.catalogue.actor_kind,
                    "name": f"Soak actor {index}", "aliases": [], "summary": "An actor of the soak run.",
                    "attributes": {}, "citations": citation} for index in range(count)]
        result = await client.call("Facts/Write", {"upserts": upserts})
        self.ledger = Ledger([self.actor_id(index) for index in range(count)], result["revision"])

    async def writer(self, client):
        citation = [{"doc": self.catalogue.document, "lines": [1, 1]}]
        live = {actor: collections.OrderedDict() for actor in self.ledger.revisions}
        actors = list(live)
        sequence = 0
        interval = 1 / self.arguments.write_rate
        next_at = compacted_at = time.monotonic()
        while not self.stopping.is_set() and not self.load_over:
            sequence += 1
            actor = actors[sequence % len(actors)]
            events = live[actor]
            upserts, retractions = [], []
            shape = self.rng.random()
            if events and shape < 0.3:
                target = self.rng.choice(list(events))
                title = f"Soak event {target} edit {sequence}"
            else:
                target, title = f"soak-event-{sequence}", f"Soak event {sequence}"
                if len(events) >= LIVE_EVENTS_PER_ACTOR:
                    retractions.append(next(iter(events)))
            upserts.append({
                "record": "event", "id": target, "type": self.catalogue.event_type, "title": title,
                "summary": f"Written by the soak writer, batch {sequence}.",
                "date": {"edtf": str(self.catalogue.years[0] + sequence % 30)},
                "participants": [{"entity": actor, "role": self.catalogue.role}], "citations": citation})
            params = {"upserts": upserts}
            if retractions:
                params["retractions"] = retractions
            sent_at = time.monotonic()
            result = await self.timed(client, "Facts/Write", "Facts/Write", params)
            if result is None:
                continue
            for retracted in retractions:
                del events[retracted]
            events[target] = title
            try:
                self.ledger.commit(result["revision"], actor, events, sent_at)
            except SoakFailure as failure:
                self.fail(str(failure))
                return
            self.totals["write batches"] += 1
            if time.monotonic() - compacted_at >= COMPACT_SECONDS:
                # What a long-running deployment does: drop the change log's older history, so the database
                # (and the page cache following it) stays the same size and growth means the daemon's own.
                compacted_at = time.monotonic()
                through = max(0, self.ledger.revision - COMPACT_KEEP)
                if await self.timed(client, "Facts/Compact", "Facts/Compact", {"revision": through}) is not None:
                    self.totals["change log compactions"] += 1
            next_at = max(next_at + interval, time.monotonic() - 1)
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))

    async def subscriber_connection(self, numbers):
        client = await AsyncClient.connect("127.0.0.1", self.daemon.port)
        tasks = []
        for number in numbers:
            view = SubscriberView(number, self.actor_id(number % len(self.ledger.revisions)))
            self.views.append(view)
            query = {"method": "chrono.v1.Timeline/Query", "params": {"actors": [view.actor], "limit": 50}}
            call = await client.stream(SUBSCRIBE, {"query": query})
            tasks.append(asyncio.ensure_future(self.follow(view, call)))
        await self.stopping.wait()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await client.close()

    async def follow(self, view, call):
        try:
            async for data in call:
                for problem in view.apply(data, time.monotonic()):
                    self.fail(problem)
                for problem in view.settle(self.ledger, self.minute_lags):
                    self.fail(problem)
            self.fail(f"subscriber {view.number}: the stream ended OK")
        except ChronographError as error:
            if not self.stopping.is_set():
                self.fail(f"subscriber {view.number} ({view.actor}) ended: {error.status}: {error.message}")

    # Reads, churn, the client that never reads, the garbage client.

    async def reader(self, number, rate):
        client = await AsyncClient.connect("127.0.0.1", self.daemon.port)
        rng = random.Random(self.arguments.seed * 1000 + number)
        next_at = time.monotonic()
        try:
            while not self.stopping.is_set():
                label, method, params = self.catalogue.read(rng)
                await self.timed(client, label, method, params)
                next_at = max(next_at + 1 / rate, time.monotonic() - 1)
                await asyncio.sleep(max(0.0, next_at - time.monotonic()))
        finally:
            await client.close()

    async def churn(self):
        request = json.dumps({"id": 1, "method": "chrono.v1.Health/Check"}).encode() + b"\n"
        stream = json.dumps({"id": 1, "method": "chrono.v1.Timeline/Stream", "params": {}}).encode() + b"\n"
        rng = random.Random(self.arguments.seed + 7)
        while not self.stopping.is_set():
            shape = rng.randrange(3)
            started = time.monotonic()
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection("127.0.0.1", self.daemon.port), 10)
                if shape < 2:
                    writer.write(request if shape == 0 else stream)
                    line = await asyncio.wait_for(reader.readline(), 30)
                    frame = json.loads(line)
                    if shape == 0 and frame.get("status") != "OK":
                        self.fail(f"churn Health/Check: {line[:200]!r}")
                    elif shape == 1 and "data" not in frame:
                        self.fail(f"churn Timeline/Stream first frame: {line[:200]!r}")
                    else:
                        self.record("churn connect+call" if shape == 0 else "churn stream abandoned",
                                    time.monotonic() - started)
                writer.close()
                await writer.wait_closed()
                self.totals["churn connections"] += 1
            except (OSError, ValueError, asyncio.TimeoutError) as error:
                self.fail(f"churn connection (shape {shape}): {error!r}")
            await asyncio.sleep(1 / self.arguments.churn_rate)

    async def never_reader(self):
        """Sends a whole-timeline stream request every second on a small receive buffer and never reads; the
        daemon may close the connection once its unread output passes the documented bound (then reconnect)."""
        request = json.dumps({"id": 0, "method": "chrono.v1.Timeline/Stream", "params": {}})
        loop = asyncio.get_running_loop()
        while not self.stopping.is_set():
            connection = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            connection.setblocking(False)
            opened = time.monotonic()
            try:
                await asyncio.wait_for(loop.sock_connect(connection, ("127.0.0.1", self.daemon.port)), 10)
                sequence = 0
                while not self.stopping.is_set():
                    sequence += 1
                    line = request.replace('"id": 0', f'"id": {sequence}').encode() + b"\n"
                    await asyncio.wait_for(loop.sock_sendall(connection, line), 5)
                    self.totals["never-reader requests sent (never read)"] += 1
                    await asyncio.sleep(1)
            except OSError:
                self.totals["never-reader connections closed by chronod"] += 1
                self.totals["never-reader seconds open"] += int(time.monotonic() - opened)
            except asyncio.TimeoutError:
                # chronod stopped reading it (its calls in flight wait for the client): start again.
                self.totals["never-reader connections blocked 5 s on a send"] += 1
                self.totals["never-reader seconds open"] += int(time.monotonic() - opened)
            finally:
                connection.close()

    GARBAGE = [
        (b"not json at all", None, "INVALID_ARGUMENT"),
        (b"\xff\xfe\xfd", None, "INVALID_ARGUMENT"),
        (b"[1, 2, 3]", None, "INVALID_ARGUMENT"),
        (b'{"id": 5}', 5, "INVALID_ARGUMENT"),
        (b'{"id": 6, "method": "chrono.v1.Nope/Nothing"}', 6, "UNIMPLEMENTED"),
        (b'{"id": 7, "method": "chrono.v1.Health/Check", "params": {"colour": 1}}', 7, "INVALID_ARGUMENT"),
        (b'{"id": 8, "method": "chrono.v1.Graph/Neighbors", "params": {"id": "x", "depth": 99}}', 8,
         "INVALID_ARGUMENT"),
        (b'{"id": 9, "method": "chrono.v1.Health/Check", "bogus": true}', 9, "INVALID_ARGUMENT"),
        (b'{"id": 10, "id": 10, "method": "chrono.v1.Health/Check"}', None, "INVALID_ARGUMENT"),
    ]

    async def garbage(self):
        """Garbage lines, each expecting its documented error; then a valid call on the same connection. Every
        20 rounds, a line over 1 MiB: one RESOURCE_EXHAUSTED frame, then the daemon closes the connection."""
        rounds = 0
        while not self.stopping.is_set():
            rounds += 1
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection("127.0.0.1", self.daemon.port, limit=2 ** 22), 10)
                for line, identifier, status in self.GARBAGE:
                    writer.write(line + b"\n")
                    frame = json.loads(await asyncio.wait_for(reader.readline(), 30))
                    if frame.get("id") != identifier or frame.get("status") != status:
                        self.fail(f"garbage {line[:60]!r}: expected {status} with id {identifier}, got "
                                  f"{json.dumps(frame)[:200]}")
                    self.totals["garbage lines answered as documented"] += 1
                writer.write(b'{"id": 11, "method": "chrono.v1.Health/Check"}\n')
                frame = json.loads(await asyncio.wait_for(reader.readline(), 30))
                if frame.get("status") != "OK":
                    self.fail(f"garbage connection: a valid call after the garbage got {json.dumps(frame)[:200]}")
                if rounds % 20 == 0:
                    # One byte over the bound and no newline: chronod has read all of it when it answers, so
                    # its close is a clean one (unread bytes would make it a reset that could eat the frame).
                    head = b'{"id": 12, "method": "'
                    writer.write(head + b"x" * ((1 << 20) + 1 - len(head)))
                    frame = json.loads(await asyncio.wait_for(reader.readline(), 30))
                    rest = await asyncio.wait_for(reader.read(), 30)
                    if frame.get("status") != "RESOURCE_EXHAUSTED" or frame.get("id") is not None or rest:
                        self.fail(f"oversize line: expected RESOURCE_EXHAUSTED, id null, then close; got "
                                  f"{json.dumps(frame)[:200]} and {len(rest)} more bytes")
                    self.totals["oversize lines answered and closed"] += 1
                writer.close()
                await writer.wait_closed()
            except (OSError, ValueError, asyncio.TimeoutError) as error:
                self.fail(f"garbage connection: {error!r}")
            await asyncio.sleep(0.5)

    # Sampling and the table.

    async def sampler(self):
        minute = 0
        next_sample = self.started
        while not self.stopping.is_set():
            next_sample += SAMPLE_SECONDS
            try:
                await asyncio.wait_for(self.stopping.wait(), max(0.0, next_sample - time.monotonic()))
                return
            except asyncio.TimeoutError:
                pass
            if self.load_over:
                continue
            try:
                sample = self.daemon.sample()
            except OSError:
                sample = None
            if sample is None or self.daemon.process.poll() is not None:
                self.fail(f"chronod exited with status {self.daemon.process.poll()}: {self.daemon.log_tail()}")
                self.stopping.set()
                return
            elapsed = time.monotonic() - self.started
            self.samples.append((elapsed, *sample))
            if elapsed >= (minute + 1) * 60 - 0.5:
                minute += 1
                self.row(minute)

    def row(self, minute):
        latencies, self.latencies = self.latencies, collections.defaultdict(list)
        lags, self.minute_lags = self.minute_lags, []
        counts, self.minute_counts = self.minute_counts, collections.Counter()
        _, rss, fds, threads, database = self.samples[-1]
        reads = [value for label, values in latencies.items() if not label.startswith(("Facts/", "churn"))
                 for value in values]
        worst = None
        for label, values in sorted(latencies.items()):
            p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
            self.method_minutes[label].append((minute, len(values), p50, p99))
            if not label.startswith(("Facts/", "churn")) and (worst is None or p99 > worst[1]):
                worst = (label, p99)
        behind = max((self.ledger.revision - view.last_revision for view in self.views
                      if view.last_revision is not None), default=0)
        self.rows.append({
            "minute": minute, "rss_mib": rss / 1024, "fds": fds, "threads": threads,
            "database_mib": database / 2 ** 20, "reads": counts["reads"],
            "writes": len(latencies.get("Facts/Write", [])), "read_p50_ms": ms(percentile(reads, 0.5)),
            "read_p99_ms": ms(percentile(reads, 0.99)), "worst": worst and (worst[0], ms(worst[1])),
            "write_p99_ms": ms(percentile(latencies.get("Facts/Write", []), 0.99)),
            "lag_p50_ms": ms(percentile(lags, 0.5)), "lag_p99_ms": ms(percentile(lags, 0.99)),
            "lag_max_ms": ms(max(lags, default=None)), "behind": behind, "failures": len(self.failures)})
        print(format_row(self.rows[-1]), flush=True)


def ms(seconds):
    return None if seconds is None else seconds * 1000


def figure(value):
    if value is None:
        return "–"
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


HEADER = ("| minute | RSS MiB | open files | threads | database MiB | reads | writes | read p50 ms | read p99 ms | worst p99 (method) "
          "| write p99 ms | sub lag p50 / p99 / max ms | behind (revisions) | failures |\n"
          "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")


def format_row(row):
    worst = f"{figure(row['worst'][1])} ({row['worst'][0]})" if row["worst"] else "–"
    return (f"| {row['minute']} | {row['rss_mib']:.1f} | {row['fds']} | {row['threads']} | "
            f"{row['database_mib']:.1f} | {row['reads']} | "
            f"{row['writes']} | {figure(row['read_p50_ms'])} | {figure(row['read_p99_ms'])} | {worst} | "
            f"{figure(row['write_p99_ms'])} | {figure(row['lag_p50_ms'])} / {figure(row['lag_p99_ms'])} / "
            f"{figure(row['lag_max_ms'])} | {row['behind']} | {row['failures']} |")


def method_table(method_minutes):
    lines = ["| method | calls | median of per-minute p50 ms | median of per-minute p99 ms | worst minute p99 ms |",
             "| --- | --- | --- | --- | --- |"]
    for label, minutes in sorted(method_minutes.items()):
        calls = sum(entry[1] for entry in minutes)
        p50s = [entry[2] for entry in minutes if entry[2] is not None]
        p99s = [entry[3] for entry in minutes if entry[3] is not None]
        lines.append(f"| {label} | {calls} | {figure(ms(statistics.median(p50s)))} | "
                     f"{figure(ms(statistics.median(p99s)))} | {figure(ms(max(p99s)))} |")
    return "\n".join(lines)


async def run(arguments, daemon, catalogue):
    soak = Soak(arguments, daemon, catalogue)
    admin = await AsyncClient.connect("127.0.0.1", daemon.port)
    actors = max(1, arguments.subscribers // 10)
    await soak.create_actors(admin, actors)
    print(HEADER, flush=True)
    numbers = list(range(arguments.subscribers))
    groups = [numbers[index:index + SUBSCRIPTIONS_PER_CONNECTION]
              for index in range(0, len(numbers), SUBSCRIPTIONS_PER_CONNECTION)]
    readers = arguments.readers
    tasks = [asyncio.ensure_future(soak.subscriber_connection(group)) for group in groups]
    tasks += [asyncio.ensure_future(soak.reader(number, arguments.read_rate / readers)) for number in range(readers)]
    writer_client = await AsyncClient.connect("127.0.0.1", daemon.port)
    writer = asyncio.ensure_future(soak.writer(writer_client))
    tasks += [asyncio.ensure_future(soak.churn()), asyncio.ensure_future(soak.never_reader()),
              asyncio.ensure_future(soak.garbage())]
    sampler = asyncio.ensure_future(soak.sampler())
    try:
        await asyncio.wait_for(soak.stopping.wait(), arguments.minutes * 60 + 1)
    except asyncio.TimeoutError:
        pass
    # Stop writing (the batch in flight is acknowledged first), then give every subscriber the time to reach
    # the last revision (progress frames come every second) before the other tasks stop.
    soak.load_over = True
    await asyncio.gather(asyncio.wait_for(writer, 60), return_exceptions=True)
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline and not soak.stopping.is_set() and any(
            view.last_revision is None or view.last_revision < soak.ledger.revision or view.pending
            for view in soak.views):
        await asyncio.sleep(0.2)
    for view in soak.views:
        for problem in view.settle(soak.ledger, soak.minute_lags):
            soak.fail(problem)
        if view.last_revision is None or view.last_revision < soak.ledger.revision:
            soak.fail(f"subscriber {view.number} ({view.actor}) still at revision {view.last_revision} "
                      f"{SETTLE_SECONDS} s after the last write (revision {soak.ledger.revision})")
        elif view.pending:
            soak.fail(f"subscriber {view.number} ({view.actor}) got frames at revision {view.pending[-1][0]}, "
                      f"past the last write (revision {soak.ledger.revision})")
    soak.stopping.set()
    await asyncio.gather(sampler, *tasks, return_exceptions=True)
    await writer_client.close()
    await admin.close()
    return soak


def report(soak, arguments, exit_status):
    """The summary tables and verdicts; returns the failures (growth and exit included)."""
    failures = list(soak.failures)
    warmup = arguments.warmup
    after = [sample for sample in soak.samples if sample[0] >= warmup]
    verdicts = [growth_check("RSS KiB", [sample[1] for sample in after], 16 * 1024, 0.10),
                growth_check("open files", [sample[2] for sample in after], 8, 0.10)]
    for ok, text in verdicts:
        if not ok:
            failures.append(f"growth after {warmup} s of warm-up: {text}")
    if exit_status != 0:
        failures.append(f"chronod exited with status {exit_status} on SIGTERM")
    views = soak.views
    print("\n## Summary\n")
    print(HEADER)
    for row in soak.rows:
        print(format_row(row))
    print()
    print(method_table(soak.method_minutes))
    print()
    print(f"- growth after {warmup} s of warm-up ({len(after)} samples every {SAMPLE_SECONDS} s): "
          + "; ".join(text for _, text in verdicts))
    print(f"- writes: {soak.totals['write batches']} batches, revisions {soak.ledger.revision} at the end, "
          f"every one the previous plus one")
    print(f"- subscribers: {len(views)} on {len(soak.ledger.revisions)} actors, "
          f"{sum(view.frames for view in views)} frames ({sum(view.changes for view in views)} changes) checked "
          f"against the writes")
    for key in sorted(soak.totals):
        if key != "write batches":
            print(f"- {key}: {soak.totals[key]}")
    print(f"- chronod exit status on SIGTERM: {exit_status}")
    if arguments.json:
        with open(arguments.json, "w", encoding="utf-8") as handle:
            json.dump({"rows": soak.rows, "samples": soak.samples, "methods": soak.method_minutes,
                       "totals": soak.totals, "failures": failures}, handle, indent=1)
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=2)
    parser.add_argument("--chronod", default=os.path.join(REPOSITORY, ".build", "debug", "chronod"))
    parser.add_argument("--graph", default=os.path.join(REPOSITORY, "Graph"))
    parser.add_argument("--subscribers", type=int, default=200)
    parser.add_argument("--readers", type=int, default=8, help="connections the reads are spread over")
    parser.add_argument("--read-rate", type=float, default=100, help="reads a second, all readers together")
    parser.add_argument("--write-rate", type=float, default=5, help="write batches a second")
    parser.add_argument("--churn-rate", type=float, default=10, help="short connections a second")
    parser.add_argument("--warmup", type=float, default=60, help="seconds not judged for growth")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stop-on-failure", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    arguments = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="chronograph-soak-")
    daemon = None
    exit_status = None
    failures = []
    bound = arguments.minutes * 60 + 180

    def overrun():
        print(f"soak: hard limit of {bound:.0f} s passed; stopping chronod and exiting", flush=True)
        if daemon is not None and daemon.process.poll() is None:
            os.kill(daemon.pid, signal.SIGKILL)
        shutil.rmtree(scratch, ignore_errors=True)
        os._exit(2)

    watchdog = threading.Timer(bound, overrun)
    watchdog.daemon = True
    watchdog.start()
    try:
        catalogue = Catalogue(arguments.graph)
        daemon = Daemon(arguments.chronod, scratch, arguments.graph)
        print(f"soak: chronod {arguments.chronod} (PID {daemon.pid}, port {daemon.port}), graph {arguments.graph}, "
              f"{arguments.minutes:g} min, {arguments.subscribers} subscribers, {arguments.read_rate:g} reads/s, "
              f"{arguments.write_rate:g} writes/s, {arguments.churn_rate:g} short connections/s, seed {arguments.seed}",
              flush=True)
        soak = asyncio.run(run(arguments, daemon, catalogue))
        exit_status = daemon.stop()
        failures = report(soak, arguments, exit_status)
    except SoakFailure as failure:
        failures = [str(failure)]
    finally:
        if daemon is not None and exit_status is None:
            daemon.stop()
        logged = daemon.problems() if daemon is not None and failures else []
        shutil.rmtree(scratch, ignore_errors=True)
        watchdog.cancel()
    if failures:
        print(f"\nsoak FAILED: {len(failures)} failure(s)")
        for failure in failures[:30]:
            print("FAIL", failure)
        for line in logged:
            print("chronod:", line)
        return 1
    print("\nsoak passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
