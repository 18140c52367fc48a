"""The protocol core without I/O: framing, routing, ids; and the client's own deadline when a server never
answers."""

from __future__ import annotations

import socket
import threading
import time

import pytest

import chronograph
from chronograph._core import ProtocolCore, run_actions


def test_frames_are_routed_by_id_whatever_the_chunking():
    core = ProtocolCore(token="T")
    got: dict[int, list] = {1: [], 2: []}
    calls = [core.register("Timeline/Stream", got[n].append, got[n].append) for n in (1, 2)]
    line = core.encode(calls[0], {"from": "1991"}, deadline_ms=50)
    assert line.endswith(b"\n") and b'"method":"chrono.v1.Timeline/Stream"' in line
    assert b'"metadata":{"authorization":"T"}' in line and b'"deadline_ms":50' in line
    wire = (b'{"id":2,"seq":0,"data":{"n":0}}\n{"id":1,"seq":0,"data":{"n":1}}\n'
            b'{"id":2,"status":"OK","result":{},"revision":1}\n{"id":1,"status":"NOT_FOUND","message":"x"}\n')
    for index in range(0, len(wire), 7):  # any chunking gives the same frames
        run_actions(core.feed(wire[index:index + 7]))
    assert [f.get("seq", f.get("status")) for f in got[1]] == [0, "NOT_FOUND"]
    assert [f.get("seq", f.get("status")) for f in got[2]] == [0, "OK"]
    assert core.calls == {} and calls[0].done and calls[1].done
    assert core.register("Health/Check", print, print).id == 3  # ids are never reused


def test_a_partial_line_at_the_end_is_dropped_and_a_null_id_fails_every_call():
    core = ProtocolCore()
    failures: list = []
    for _ in range(2):
        core.register("Health/Check", failures.append, failures.append)
    run_actions(core.feed(b'{"id":1,"status":"OK","res'))  # cut mid-frame
    assert failures == []
    run_actions(core.close())
    assert len(failures) == 2 and all(isinstance(f, chronograph.ConnectionLost) for f in failures)
    core = ProtocolCore()
    failures = []
    core.register("Health/Check", failures.append, failures.append)
    run_actions(core.feed(b'{"id":null,"status":"RESOURCE_EXHAUSTED","message":"too many connections"}\n'))
    assert isinstance(failures[0], chronograph.ResourceExhausted)
    with pytest.raises(chronograph.ResourceExhausted):
        core.register("Health/Check", print, print)


def test_the_client_gives_up_after_the_deadline_when_the_server_never_answers():
    with socket.create_server(("127.0.0.1", 0)) as silent:
        accepted: list = []
        acceptor = threading.Thread(target=lambda: accepted.append(silent.accept()[0]), daemon=True)
        acceptor.start()
        with chronograph.Client("127.0.0.1", silent.getsockname()[1]) as client:
            started = time.monotonic()
            with pytest.raises(chronograph.DeadlineExceeded):
                client.health(deadline_ms=100)
            waited = time.monotonic() - started
        acceptor.join(5)
        for sock in accepted:
            sock.close()
    assert 2.0 <= waited < 5.0  # deadline + 2 s of grace for the server's own answer
