"""Subscriptions: exactly once and in order across a daemon killed with SIGKILL and restarted, across a
proxy that cuts connections mid-frame, through a resync after compaction, and a slow consumer cut off."""

from __future__ import annotations

import datetime
import socket
import threading
import time

import chronograph
from conftest import entity_record, event_record

WINDOW = {"method": "chrono.v1.Timeline/Query",
          "params": {"from": "2100", "to": "2199", "mode": "within", "limit": 500}}


def day(index: int) -> str:
    return (datetime.date(2100, 1, 1) + datetime.timedelta(days=index)).isoformat()


def expected_ids(count: int, prefix: str = "py-sub") -> list[str]:
    return [f"{prefix}-{index:03d}" for index in range(count)]


class Writer(threading.Thread):
    """Writes events one at a time (dates in write order, so the timeline order is the write order).
    A write that fails because the daemon is down is retried once it is back: upserting an identical record
    is a no-op, so a write that did commit before the failure is not applied twice."""

    def __init__(self, port: int, ids: list[str], pause: float = 0.01, limit_s: float = 90.0):
        super().__init__(daemon=True)
        self.port, self.ids, self.pause, self.limit_s = port, ids, pause, limit_s
        self.retries = 0
        self.done = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        end = time.monotonic() + self.limit_s
        client = None
        try:
            for index, event_id in enumerate(self.ids):
                while True:
                    if time.monotonic() > end:
                        raise TimeoutError("writer gave up")
                    try:
                        if client is None:
                            client = chronograph.Client("127.0.0.1", self.port, timeout=2)
                        client.write(upserts=[event_record(event_id, day(index))], deadline_ms=10_000)
                        break
                    except chronograph.Unavailable:
                        self.retries += 1
                        if client is not None:
                            client.close()
                        client = None
                        time.sleep(0.1)
                time.sleep(self.pause)
        except BaseException as error:  # reported by the test
            self.error = error
        finally:
            if client is not None:
                client.close()
            self.done.set()


class Consumer(threading.Thread):
    """Iterates a subscription, recording every update, until ``wanted`` test events arrived."""

    def __init__(self, subscription, wanted: int, prefix: str = "py-sub"):
        super().__init__(daemon=True)
        self.subscription, self.wanted, self.prefix = subscription, wanted, prefix
        self.updates: list = []
        self.seen: list[str] = []
        self.reached = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            for update in self.subscription:
                self.updates.append(update)
                self.seen += [i["id"] for i in update.added if i["id"].startswith(self.prefix)]
                if len(self.seen) >= self.wanted:
                    self.reached.set()
                    return
        except BaseException as error:
            self.error = error
        finally:
            self.reached.set()


def check_exactly_once(consumer: Consumer, ids: list[str]) -> None:
    assert consumer.error is None, consumer.error
    assert consumer.seen == ids  # every event once, in write order
    revisions = [u.revision for u in consumer.updates]
    assert revisions == sorted(set(revisions)), revisions  # strictly increasing
    for update in consumer.updates:
        for item in update.removed + update.changed:
            assert not item["id"].startswith("py-"), update


def run_until(consumer: Consumer, writer: Writer, timeout: float = 90.0) -> None:
    assert consumer.reached.wait(timeout), f"saw {len(consumer.seen)} of {consumer.wanted}"
    writer.done.wait(timeout)
    assert writer.error is None, writer.error


def test_blocking_subscription_delivers_initial_then_each_change(daemon):
    ids = expected_ids(20)
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        subscription = client.subscribe(WINDOW)
        first = next(subscription)
        assert first.kind == "initial" and not first.resync
        consumer = Consumer(subscription, len(ids))
        consumer.start()
        writer = Writer(daemon.port, ids)
        writer.start()
        try:
            run_until(consumer, writer)
        finally:
            subscription.close()
            consumer.join(10)
        check_exactly_once(consumer, ids)
        fresh = client.timeline(WINDOW["params"])
        assert subscription.items()["events"] == {e["id"]: e for e in fresh["events"]}


def test_subscription_survives_the_daemon_killed_and_restarted_mid_stream(daemon):
    """SIGKILL, restart on the same database and port, then SIGTERM and restart again, while writes go on."""
    ids = expected_ids(60)
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        subscription = client.subscribe(WINDOW, backoff_max=0.5, reconnect_timeout=60)
        consumer = Consumer(subscription, len(ids))
        consumer.start()
        writer = Writer(daemon.port, ids, pause=0.02)
        writer.start()
        try:
            deadline = time.monotonic() + 30
            while len(consumer.seen) < 15 and time.monotonic() < deadline:
                time.sleep(0.01)
            port = daemon.port
            daemon.kill()  # SIGKILL while the writer is writing and the subscriber is reading
            time.sleep(0.3)
            daemon.start(port=port)
            while len(consumer.seen) < 35 and time.monotonic() < deadline + 60:
                time.sleep(0.01)
            daemon.stop()  # and a graceful stop (SIGTERM: UNAVAILABLE, then the connection closes)
            daemon.start(port=port)
            run_until(consumer, writer)
        finally:
            subscription.close()
            consumer.join(10)
        check_exactly_once(consumer, ids)
        assert subscription.reconnects >= 2 and writer.retries >= 1 and daemon.starts == 3
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        fresh = client.timeline(WINDOW["params"])
        assert subscription.items()["events"] == {e["id"]: e for e in fresh["events"]}


class CuttingProxy:
    """A loopback TCP proxy that, on its first ``cuts`` connections, forwards the daemon's bytes until
    ``after`` of them have passed and then forwards only part of the next chunk, ending inside a line, and
    closes both sides (with ``freeze``, it instead goes silent and keeps the connection open, as a dead
    network path does). Later connections are relayed whole. Bounded: ``stop`` closes everything."""

    def __init__(self, upstream_port: int, cuts: int = 3, after: int = 1500, freeze: bool = False):
        self.upstream_port, self.cuts, self.after, self.freeze = upstream_port, cuts, after, freeze
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.threads: list[threading.Thread] = []
        self.cut_mid_line = 0
        self.cuts_done = 0
        self.connections = 0
        self.stopping = False
        self.accepter = threading.Thread(target=self._accept, daemon=True)
        self.accepter.start()

    def _accept(self) -> None:
        while not self.stopping:
            try:
                downstream, _ = self.listener.accept()
            except (socket.timeout, OSError):
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=2)
            except OSError:
                downstream.close()
                continue
            upstream.settimeout(None)
            downstream.settimeout(None)
            self.sockets += [downstream, upstream]
            cut = self.connections < self.cuts
            self.connections += 1
            for args in ((downstream, upstream, False), (upstream, downstream, cut)):
                thread = threading.Thread(target=self._pump, args=(*args, downstream, upstream), daemon=True)
                thread.start()
                self.threads.append(thread)

    def _pump(self, source, target, cut, downstream, upstream) -> None:
        forwarded = 0
        try:
            while True:
                chunk = source.recv(65536)
                if not chunk:
                    break
                if cut and forwarded >= self.after and len(chunk) > 1:
                    position = len(chunk) // 2
                    while position > 1 and chunk[position - 1] == ord("\n"):
                        position -= 1
                    target.sendall(chunk[:position])
                    self.cuts_done += 1
                    while self.freeze and not self.stopping and source.recv(65536):
                        pass  # swallow everything, close nothing
                    if chunk[position - 1] != ord("\n"):
                        self.cut_mid_line += 1
                    break
                target.sendall(chunk)
                forwarded += len(chunk)
        except OSError:
            pass
        for sock in (downstream, upstream):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def stop(self) -> None:
        self.stopping = True
        self.listener.close()
        for sock in self.sockets:
            try:
                sock.close()
            except OSError:
                pass
        self.accepter.join(5)
        for thread in self.threads:
            thread.join(5)


def test_subscription_through_a_proxy_that_cuts_mid_frame(daemon):
    ids = expected_ids(60)
    proxy = CuttingProxy(daemon.port, cuts=3, after=1500)
    try:
        with chronograph.Client("127.0.0.1", proxy.port) as client:
            subscription = client.subscribe(WINDOW, backoff_initial=0.02, backoff_max=0.2, reconnect_timeout=30)
            consumer = Consumer(subscription, len(ids))
            consumer.start()
            writer = Writer(daemon.port, ids, pause=0.03)
            writer.start()
            try:
                run_until(consumer, writer)
            finally:
                subscription.close()
                consumer.join(10)
            check_exactly_once(consumer, ids)
            assert proxy.cuts_done >= 2 and proxy.cut_mid_line >= 1
            assert subscription.reconnects >= proxy.cuts_done
    finally:
        proxy.stop()


def test_a_silent_connection_is_taken_for_dead_and_replaced(daemon):
    ids = expected_ids(30)
    # Connection 0 is the client's own (idle: the subscription opens connection 1, which freezes).
    proxy = CuttingProxy(daemon.port, cuts=2, after=1500, freeze=True)
    try:
        with chronograph.Client("127.0.0.1", proxy.port) as client:
            subscription = client.subscribe(WINDOW, stall_timeout=2.0, backoff_max=0.2, reconnect_timeout=30)
            consumer = Consumer(subscription, len(ids))
            consumer.start()
            writer = Writer(daemon.port, ids, pause=0.05)
            writer.start()
            try:
                run_until(consumer, writer, timeout=60)
            finally:
                subscription.close()
                consumer.join(10)
            check_exactly_once(consumer, ids)
            assert proxy.cuts_done == 1 and subscription.reconnects == 1
    finally:
        proxy.stop()


def test_resync_after_compaction_is_a_fresh_initial_result_flagged_as_such(daemon):
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        with client.subscribe(WINDOW) as first:
            initial = next(first)
            assert initial.kind == "initial"
            seen_at = first.last_revision
        for index, event_id in enumerate(expected_ids(3, "py-resync")):
            current = client.write(upserts=[event_record(event_id, day(index))])["revision"]
        assert client.compact(current)["compacted"] >= 1
        with client.subscribe(WINDOW, since_revision=seen_at) as resumed:
            update = next(resumed)
            assert update.kind == "initial" and update.resync and update.revision == current
            assert [i["id"] for i in update.added if i["id"].startswith("py-")] == expected_ids(3, "py-resync")
            assert resumed.resyncs == 1
            client.write(upserts=[event_record("py-resync-after", day(10))])
            after = next(resumed)
            assert after.kind == "change" and not after.resync
            assert [i["id"] for i in after.added] == ["py-resync-after"]


def test_resume_without_compaction_sends_only_what_was_missed(daemon):
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        with client.subscribe(WINDOW) as first:
            next(first)
            seen_at = first.last_revision
        client.write(upserts=[event_record("py-missed", day(1))])
        with client.subscribe(WINDOW, since_revision=seen_at) as resumed:
            update = next(resumed)
            assert update.kind == "change" and update.since == seen_at
            assert [i["id"] for i in update.added] == ["py-missed"]


def test_a_slow_consumer_is_cut_off_told_why_and_resumes_without_loss(daemon):
    rounds, padding = 50, "x" * 400_000  # 20 MB of changes: more than 8 MiB queue + socket buffers
    with chronograph.Client("127.0.0.1", daemon.port) as client:
        client.write(upserts=[entity_record("py-slow", "Slow Reader Fund")])
        subscription = client.subscribe({"method": "chrono.v1.Entity/Get", "params": {"id": "py-slow"}},
                                        buffer=1, receive_buffer=65536, progress=True)
        try:
            assert next(subscription).kind == "initial"
            started = time.monotonic()
            for index in range(rounds):  # the subscriber reads nothing meanwhile
                record = entity_record("py-slow", "Slow Reader Fund", summary=f"Round {index} {padding}")
                final_revision = client.write(upserts=[record])["revision"]
            wrote_s = time.monotonic() - started
            updates: list = []
            reader = threading.Thread(target=_until_revision, args=(subscription, final_revision, updates),
                                      daemon=True)
            reader.start()
            reader.join(60)
            assert not reader.is_alive(), f"{len(updates)} updates, last revision {subscription.last_revision}"
        finally:
            subscription.close()
        cut_offs = [u for u in updates if u.kind == "cut_off"]
        assert cut_offs and "since_revision" in cut_offs[0].message and subscription.cut_offs >= 1
        changes = [u for u in updates if u.kind == "change"]
        print(f"slow consumer: {len(changes)} changes for {rounds} writes, {len(cut_offs)} cut-off(s), "
              f"writes took {wrote_s:.1f} s")
        assert 0 < len(changes) < rounds
        assert subscription.last_revision == final_revision
        summary = subscription.items()[""]["entity"]["summary"]
        assert summary.startswith(f"Round {rounds - 1} ")


def _until_revision(subscription, revision: int, updates: list) -> None:
    for update in subscription:
        updates.append(update)
        if subscription.last_revision == revision and update.kind == "progress":
            break
