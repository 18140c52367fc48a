"""The protocol core shared by :class:`~chronograph.Client` and :class:`~chronograph.AsyncClient`.

It does no I/O: it encodes requests (with fresh ids, deadline and metadata), splits received bytes into
frames, routes each frame to the call it belongs to, and turns terminal frames into results or typed
errors. The blocking and asyncio clients only move bytes and wake waiters.

Invariants: ids are integers counting from 1 and are never reused on one connection; a call is registered
before its request line is written and unregistered when its terminal frame is routed; a frame with
``"id": null`` concerns the connection (the daemon is refusing it), so it fails every call in flight.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Mapping, Optional

from .dates import decode_hook
from .errors import ChronographError, ConnectionLost, ProtocolError, ResourceExhausted, error_from_frame

#: Largest frame the daemon sends (16 MiB) plus room for its envelope.
MAX_FRAME_BYTES = 16 * 1024 * 1024 + 64 * 1024
#: Largest request line the daemon accepts (bytes, excluding the newline).
MAX_REQUEST_BYTES = 1024 * 1024
#: The daemon's limit on calls in flight per connection; the clients wait for a slot below it, keeping one
#: for ``Call/Cancel``.
MAX_IN_FLIGHT = 63

PREFIX = "chrono.v1."
#: The server-streaming methods: their calls get a bounded inbox, so a slow caller slows the daemon's sender.
STREAMING = frozenset({"chrono.v1.Timeline/Stream", "chrono.v1.Snapshot/Export", "chrono.v1.Watch/Subscribe"})


def full_method(method: str) -> str:
    """``"Health/Check"`` → ``"chrono.v1.Health/Check"``; a full name is returned unchanged."""
    return method if method.startswith(PREFIX) or "." in method.split("/")[0] else PREFIX + method


def clean_params(params: Optional[Mapping[str, Any]], extra: Mapping[str, Any]) -> dict:
    """Merges a params dict with keyword arguments; a trailing ``_`` is dropped (``from_`` → ``from``) and
    ``None`` values are left out (the protocol reads ``null`` as absent anyway)."""
    merged = dict(params or {})
    for key, value in extra.items():
        if value is not None:
            merged[key[:-1] if key.endswith("_") else key] = value
    return merged


def result_of(frame: Mapping[str, Any]) -> Any:
    """The ``result`` of a terminal frame, or raises its typed error."""
    if frame.get("status") == "OK":
        return frame.get("result")
    raise error_from_frame(frame)


class CallState:
    """One call's routing entry: ``deliver`` is invoked for each of its frames, in order, on the thread or
    task that reads the connection; ``fail`` once if the connection ends first."""

    __slots__ = ("id", "method", "deliver", "fail", "done")

    def __init__(self, call_id: int, method: str, deliver: Callable[[dict], None],
                 fail: Callable[[ChronographError], None]):
        self.id = call_id
        self.method = method
        self.deliver = deliver
        self.fail = fail
        self.done = False


class ProtocolCore:
    """Request encoding, frame splitting and routing for one connection (no I/O, not thread safe: the
    blocking client holds a lock around ``register``/``encode``/``unregister`` and reads on one thread)."""

    def __init__(self, token: Optional[str] = None, metadata: Optional[Mapping[str, str]] = None):
        self.metadata = dict(metadata or {})
        if token is not None:
            self.metadata["authorization"] = token
        self.next_id = 1
        self.calls: dict[int, CallState] = {}
        self.buffer = bytearray()
        self.closed: Optional[ChronographError] = None

    def register(self, method: str, deliver: Callable[[dict], None],
                 fail: Callable[[ChronographError], None]) -> CallState:
        """Allocates an id for a new call and routes its frames to ``deliver``."""
        if self.closed is not None:
            raise self.closed
        call = CallState(self.next_id, full_method(method), deliver, fail)
        self.next_id += 1
        self.calls[call.id] = call
        return call

    def encode(self, call: CallState, params: Optional[Mapping[str, Any]] = None,
               deadline_ms: Optional[int] = None, metadata: Optional[Mapping[str, str]] = None) -> bytes:
        """The request line for ``call``."""
        request: dict[str, Any] = {"id": call.id, "method": call.method, "params": dict(params or {})}
        if deadline_ms is not None:
            request["deadline_ms"] = int(deadline_ms)
        merged = {**self.metadata, **(metadata or {})}
        if merged:
            request["metadata"] = merged
        line = json.dumps(request, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        if len(line) > MAX_REQUEST_BYTES:
            self.calls.pop(call.id, None)
            raise ResourceExhausted(
                f"request line of {len(line)} bytes is over the daemon's limit of {MAX_REQUEST_BYTES}")
        return line + b"\n"

    def unregister(self, call: CallState) -> None:
        """Forgets a call whose request could not be sent."""
        self.calls.pop(call.id, None)

    def feed(self, data: bytes) -> list:
        """Takes bytes read from the socket; returns the actions their whole frames call for, in order:
        ``(call, frame)`` to deliver ``frame``, or ``(call, error)`` to fail a call. The caller runs them
        (outside any lock: delivering may wait for a slow consumer). A partial line stays in the buffer and
        is dropped, never parsed, if the connection then ends."""
        self.buffer += data
        actions: list = []
        start = 0
        while True:
            newline = self.buffer.find(b"\n", start)
            if newline < 0:
                break
            line = bytes(self.buffer[start:newline])
            start = newline + 1
            if line.strip():
                actions += self.route(self.decode(line))
        del self.buffer[:start]
        if len(self.buffer) > MAX_FRAME_BYTES:
            actions += self.close(ProtocolError(f"the server sent more than {MAX_FRAME_BYTES} bytes without a newline"))
        return actions

    @staticmethod
    def decode(line: bytes) -> dict:
        """One frame; a line that is not a JSON object is a :class:`ProtocolError`."""
        try:
            frame = json.loads(line, object_hook=decode_hook)
        except ValueError as error:
            raise ProtocolError(f"the server sent a line that is not JSON: {error}") from None
        if not isinstance(frame, dict):
            raise ProtocolError("the server sent a line that is not a JSON object")
        return frame

    def route(self, frame: dict) -> list:
        """The actions for one frame: its call gets it (a terminal frame ends the call); ``"id": null``
        fails every call."""
        call_id = frame.get("id")
        if call_id is None:
            error = error_from_frame(frame) if "status" in frame else ProtocolError("a frame without id")
            return self.close(error)
        call = self.calls.get(call_id)
        if call is None:
            return []  # a late frame of a call the client gave up on (its deadline passed locally)
        if "status" in frame:
            del self.calls[call_id]
            call.done = True
        return [(call, frame)]

    def close(self, error: Optional[ChronographError] = None) -> list:
        """Ends the connection: returns ``(call, error)`` for every call in flight (by default the error is
        :class:`ConnectionLost`); later registrations raise it."""
        if self.closed is None:
            self.closed = error or ConnectionLost("the connection to chronod closed")
        calls, self.calls = list(self.calls.values()), {}
        for call in calls:
            call.done = True
        return [(call, self.closed) for call in calls]


def run_actions(actions: list) -> None:
    """Runs the actions :meth:`ProtocolCore.feed` or :meth:`ProtocolCore.close` returned."""
    for call, item in actions:
        if isinstance(item, ChronographError):
            call.fail(item)
        else:
            call.deliver(item)
